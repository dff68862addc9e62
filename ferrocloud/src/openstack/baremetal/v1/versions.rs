//! Ironic's API versions: the root document (`GET /`, with the microversion range) and
//! the v1 document (`GET /v1/`, the links of the resources).
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::versions;
//! let root = versions::list(&ironic).await.extract()?;
//! println!("{:?}", root.default_version.map(|v| v.version));
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::de::Link;
use crate::openstack::compute::v2::versions::root_client;
use crate::request::ApiResult;
use crate::{Operation, ServiceClient};

mod root {
    use super::Root;
    crate::operations! {
        service: "baremetal";
        /// The API versions (at the service root).
        LIST = GET "/" response(Root);
    }
}

pub use root::LIST;

crate::operations! {
    service: "baremetal";
    /// The v1 document.
    GET_V1 = GET "/" response(V1);
}

/// The operations written from the service root, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&Operation]] = &[root::OPERATIONS];

/// One API version: its microversion range.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Version {
    /// `v1`.
    pub id: String,
    /// `CURRENT`.
    pub status: String,
    /// The lowest microversion.
    pub min_version: String,
    /// The highest microversion.
    pub version: String,
    /// Its links.
    pub links: Vec<Link>,
}

/// The root document.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Root {
    /// The service's name.
    #[serde(default)]
    pub name: Option<String>,
    /// What it is.
    pub description: String,
    /// The versions.
    pub versions: Vec<Version>,
    /// The default one.
    #[serde(default)]
    pub default_version: Option<Version>,
}

/// The v1 document: `id`, `links`, `media_types` and the links of each resource.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct V1 {
    /// `v1`.
    pub id: String,
    /// Its links.
    pub links: Vec<Link>,
    /// The media types: one object (`base`, `type`) as Ironic answers, or a list of
    /// them as in the API reference's sample.
    #[serde(default, deserialize_with = "one_or_many")]
    pub media_types: Vec<Value>,
    /// The links of each resource collection (`nodes`, `ports`…), by name.
    #[serde(flatten)]
    pub resources: BTreeMap<String, Value>,
}

/// A list, or one value read as a list of one.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Vec<Value>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items,
        Value::Null => Vec::new(),
        one => vec![one],
    })
}

/// The API versions (`GET /` at the service root).
pub async fn list(client: &ServiceClient) -> ApiResult<Root> {
    match root_client(client) {
        Ok(root) => root.request(&LIST, &[]).ok_codes(&[200, 300]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}

/// The v1 document (`GET /v1/`).
pub async fn get_v1(client: &ServiceClient) -> ApiResult<V1> {
    client.request(&GET_V1, &[]).send().await
}
