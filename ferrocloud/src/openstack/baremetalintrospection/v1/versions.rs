//! Ironic Inspector's API versions: the root document (`GET /`, the current version)
//! and the v1 document (`GET /v1/`, the links of the resources). Inspector writes its
//! microversion range in the `X-OpenStack-Ironic-Inspector-API-Minimum-Version` and
//! `-Maximum-Version` headers of every answer ([`range`](crate::openstack::baremetalintrospection::v1::versions::range)); [`negotiate`](crate::openstack::baremetalintrospection::v1::versions::negotiate) pins a client
//! to the highest microversion both sides know.
//!
//! ```no_run
//! # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetalintrospection::v1::{self as inspector_v1, versions};
//! let root = versions::list(&inspector).await;
//! println!("{:?}", versions::range(&root)?);
//! let pinned = versions::negotiate(&inspector, inspector_v1::MAX_MICROVERSION).await?;
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::de::Link;
use crate::microversion::{Microversion, VersionRange};
use crate::openstack::compute::v2::versions::root_client;
use crate::request::ApiResult;
use crate::{Error, ErrorKind, Operation, Result, ServiceClient};

mod root {
    use super::Root;
    crate::operations! {
        service: "baremetal-introspection";
        /// The API versions (at the service root).
        LIST = GET "/" response(Root);
    }
}

pub use root::LIST;

crate::operations! {
    service: "baremetal-introspection";
    /// The v1 document.
    GET_V1 = GET "/" response(V1);
}

/// The operations written from the service root, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&Operation]] = &[root::OPERATIONS];

/// The header of the lowest microversion Inspector serves.
pub const MIN_VERSION_HEADER: &str = "x-openstack-ironic-inspector-api-minimum-version";
/// The header of the highest microversion Inspector serves.
pub const MAX_VERSION_HEADER: &str = "x-openstack-ironic-inspector-api-maximum-version";

/// One API version: `id` is its newest microversion (`1.18`), `status` `CURRENT`.
pub use crate::openstack::orchestration::v1::versions::Version;

/// The root document.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Root {
    /// The versions.
    pub versions: Vec<Version>,
}

/// One resource collection of v1 (`introspection`, `continue`, `rules`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Resource {
    /// Its name.
    pub name: String,
    /// Its links.
    pub links: Vec<Link>,
}

/// The v1 document.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct V1 {
    /// The resource collections.
    pub resources: Vec<Resource>,
}

/// The API versions (`GET /` at the service root).
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let root = ferrocloud::openstack::baremetalintrospection::v1::versions::list(&inspector)
///     .await.extract()?;
/// println!("{}", root.versions[0].id);
/// # Ok(()) }
/// ```
pub async fn list(client: &ServiceClient) -> ApiResult<Root> {
    let root = root_client(client);
    match root {
        Err(e) => ApiResult::from_error(e),
        Ok(root) => root.request(&LIST, &[]).send().await,
    }
}

/// The v1 document (`GET /v1/`).
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let v1 = ferrocloud::openstack::baremetalintrospection::v1::versions::get_v1(&inspector)
///     .await.extract()?;
/// for r in v1.resources { println!("{}", r.name); }
/// # Ok(()) }
/// ```
pub async fn get_v1(client: &ServiceClient) -> ApiResult<V1> {
    client.request(&GET_V1, &[]).send().await
}

/// The microversion range Inspector wrote in the headers of an answer (any answer: it
/// writes them on all).
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::baremetalintrospection::v1::versions;
/// let r = versions::range(&versions::get_v1(&inspector).await)?;
/// println!("{} to {}", r.min, r.max);
/// # Ok(()) }
/// ```
pub fn range<T>(answer: &ApiResult<T>) -> Result<VersionRange> {
    if let Some(e) = answer.err() {
        return Err(e.clone());
    }
    let read = |name: &str| -> Result<Microversion> {
        answer
            .headers()
            .and_then(|h| h.get(name))
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Decode,
                    format!("the answer has no {name} header"),
                )
            })?
            .parse()
    };
    Ok(VersionRange {
        min: read(MIN_VERSION_HEADER)?,
        max: read(MAX_VERSION_HEADER)?,
    })
}

/// Reads Inspector's microversion range (`GET /`) and returns the client pinned to
/// the highest microversion both Inspector and `sdk_max` know.
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::baremetalintrospection::v1::{versions, MAX_MICROVERSION};
/// let inspector = versions::negotiate(&inspector, MAX_MICROVERSION).await?;
/// println!("{:?}", inspector.microversion());
/// # Ok(()) }
/// ```
pub async fn negotiate(client: &ServiceClient, sdk_max: &str) -> Result<ServiceClient> {
    let sdk_max: Microversion = sdk_max.parse()?;
    let server = range(&list(client).await)?;
    let v = crate::microversion::choose(server, sdk_max)?;
    Ok(client.with_microversion(v.to_string()))
}
