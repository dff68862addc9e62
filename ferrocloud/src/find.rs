//! Finding a resource by name or by ID, the same way for every resource.
//!
//! A resource type implements [`Named`]; its module offers `find(client, name_or_id)`,
//! built on [`find`]: the ID is tried first (one GET), then the name (a listing filtered
//! by name where the service supports it, checked again here for an exact match). No
//! match is [`ErrorKind::NotFound`]; several matches are [`ErrorKind::Ambiguous`], with
//! their IDs in the message.

use std::future::Future;

use futures::TryStreamExt;
use serde::de::DeserializeOwned;

use crate::pagination::Pager;
use crate::request::ApiResult;
use crate::{Error, ErrorKind, Result};

/// A resource with an ID and a name.
///
/// ```
/// struct Thing { id: String, name: String }
/// impl ferrocloud::find::Named for Thing {
///     fn id(&self) -> &str { &self.id }
///     fn name(&self) -> &str { &self.name }
/// }
/// ```
pub trait Named {
    /// The ID.
    fn id(&self) -> &str;
    /// The name.
    fn name(&self) -> &str;
}

/// Finds one `what` (for messages: "project", "server"…) by ID with `get`, or else by
/// exact name among the items of `by_name`.
///
/// ```no_run
/// # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::compute::v2::flavors;
/// let flavor = flavors::find(&compute, "m1.small").await?;
/// # Ok(()) }
/// ```
pub async fn find<T, G>(what: &str, name_or_id: &str, get: G, by_name: Pager<T>) -> Result<T>
where
    T: Named + DeserializeOwned + Send + 'static,
    G: Future<Output = ApiResult<T>>,
{
    if name_or_id.is_empty() {
        return Err(Error::invalid_input(format!(
            "{what} name or ID must not be empty"
        )));
    }
    match get.await.extract() {
        Ok(found) => return Ok(found),
        // Some services answer 400 for a malformed ID: fall back to the name as well.
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::BadRequest) => {}
        Err(e) => return Err(e),
    }
    let mut matches: Vec<T> = by_name
        .items()
        .try_filter(|item| futures::future::ready(item.name() == name_or_id))
        .try_collect()
        .await?;
    match matches.len() {
        0 => Err(Error::new(
            ErrorKind::NotFound,
            format!("no {what} with ID or name {name_or_id:?}"),
        )),
        1 => Ok(matches.remove(0)),
        n => {
            let ids: Vec<&str> = matches.iter().map(Named::id).collect();
            Err(Error::new(
                ErrorKind::Ambiguous,
                format!(
                    "{n} {what}s are named {name_or_id:?} (IDs {}); use an ID",
                    ids.join(", ")
                ),
            ))
        }
    }
}
