//! Profile types: the kinds of objects Senlin can make nodes of (`os.nova.server-1.0`,
//! `os.heat.stack-1.0`…), the schema of their specs, and the operations their nodes take
//! (microversion 1.4). From microversion 1.5 a type comes with its version and support
//! history.
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::clustering::v1::profile_types;
//! let senlin = senlin.with_microversion("1.5");
//! let t = profile_types::get(&senlin, "os.nova.server-1.0").await.extract()?;
//! let ops = profile_types::operations(&senlin, "os.nova.server-1.0").await.extract()?;
//! println!("{:?}", ops.keys().collect::<Vec<_>>());
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use super::common::{Object, TypeDetail, TypeSummary};
use crate::ServiceClient;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;

crate::operations! {
    service: "clustering";
    /// List profile types.
    LIST = GET "/profile-types" list("profile_types", TypeSummary);
    /// Show a profile type.
    GET = GET "/profile-types/{profile_type}" response("profile_type", TypeDetail);
    /// List the operations of a profile type (1.4).
    OPERATIONS_OF = GET "/profile-types/{profile_type}/ops" since("1.4")
        response("operations", BTreeMap<String, ProfileOperation>);
}

/// An operation the nodes of a profile type take (see
/// [`nodes::operation`](super::nodes::operation)).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ProfileOperation {
    /// What it does.
    pub description: String,
    /// Its parameters, each described by its schema.
    #[serde(default)]
    pub parameters: Object,
}

/// Lists the profile types (one page).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let all = ferrocloud::openstack::clustering::v1::profile_types::list(&senlin).all().await?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient) -> Pager<TypeSummary> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

/// Shows a profile type (`os.heat.stack-1.0`).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let t = ferrocloud::openstack::clustering::v1::profile_types::get(&senlin, "os.heat.stack-1.0")
///     .await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, name: &str) -> ApiResult<TypeDetail> {
    client.request(&GET, &[name]).send().await
}

/// Lists the operations of a profile type, by name (microversion 1.4).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let ops = ferrocloud::openstack::clustering::v1::profile_types::operations(
///     &senlin.with_microversion("1.4"), "os.nova.server-1.0").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn operations(
    client: &ServiceClient,
    name: &str,
) -> ApiResult<BTreeMap<String, ProfileOperation>> {
    client.request(&OPERATIONS_OF, &[name]).send().await
}
