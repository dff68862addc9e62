//! What the cluster can do (`GET /info` at the service root, no token needed): Swift's
//! limits and each middleware's settings; and where an account's, a container's or an
//! object's replicas live (`GET /endpoints/v2/…`, when the cluster runs the
//! `list_endpoints` middleware).
//!
//! ```no_run
//! # async fn demo(swift: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::objectstorage::v1::capabilities;
//! let info = capabilities::get(&swift).await.extract()?;
//! println!("Swift {}; SLO: {}", info.swift.version, info.middleware.contains_key("slo"));
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use http::Method;

use crate::openstack::compute::v2::versions::root_client;
use crate::operation::{BodySpec, Op};
use crate::request::ApiResult;
use crate::{Error, Operation, Result, ServiceClient};

mod root {
    use super::{Capabilities, Endpoints};
    crate::operations! {
        service: "object-store";
        /// List activated capabilities.
        INFO = GET "/info" response(Capabilities);
        /// List endpoints (of an account).
        ENDPOINTS = GET "/endpoints/v2/{account}" response(Endpoints);
    }
}

/// List a container's endpoints (not in the API reference).
pub static CONTAINER_ENDPOINTS: Op<Endpoints> = Op::new(
    Operation::new(
        "object-store",
        Method::GET,
        "/endpoints/v2/{account}/{container}",
    )
    .with_response(BodySpec::one::<Endpoints>("Endpoints", None)),
);

/// List an object's endpoints (not in the API reference).
pub static OBJECT_ENDPOINTS: Op<Endpoints> = Op::new(
    Operation::new(
        "object-store",
        Method::GET,
        "/endpoints/v2/{account}/{container}/{object*}",
    )
    .with_response(BodySpec::one::<Endpoints>("Endpoints", None)),
);

pub use root::{ENDPOINTS, INFO};

/// The operations of this module under the account: none (see [`ROOT_OPERATIONS`]).
pub static OPERATIONS: &[&Operation] = &[];

/// The operations written from the service root, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&Operation]] = &[root::OPERATIONS];

/// The cluster's capabilities: Swift's own section, and one section per middleware
/// (`slo`, `tempurl`, `bulk_delete`…) as its JSON.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Capabilities {
    /// Swift's limits and settings.
    pub swift: SwiftInfo,
    /// The other sections, by middleware name.
    #[serde(flatten)]
    pub middleware: BTreeMap<String, Value>,
}

/// Swift's section of the capabilities.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct SwiftInfo {
    /// Swift's version.
    pub version: String,
    /// The largest object a single upload may create, in bytes.
    #[serde(default)]
    pub max_file_size: Option<u64>,
    /// The most items a listing page holds.
    #[serde(default)]
    pub container_listing_limit: Option<u64>,
    /// The most containers a listing page holds.
    #[serde(default)]
    pub account_listing_limit: Option<u64>,
    /// The longest object name.
    #[serde(default)]
    pub max_object_name_length: Option<u64>,
    /// The longest container name.
    #[serde(default)]
    pub max_container_name_length: Option<u64>,
    /// The most metadata items.
    #[serde(default)]
    pub max_meta_count: Option<u64>,
    /// The storage policies.
    #[serde(default)]
    pub policies: Vec<StoragePolicy>,
    /// The other settings.
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

/// A storage policy.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct StoragePolicy {
    /// Its name.
    pub name: String,
    /// Its aliases, comma-separated.
    #[serde(default)]
    pub aliases: Option<String>,
    /// Whether new containers get it by default.
    #[serde(default)]
    pub default: bool,
}

/// Where the replicas live: one storage node URL each, and the headers to send to them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Endpoints {
    /// Storage node URLs.
    pub endpoints: Vec<String>,
    /// Headers to send with direct requests (the storage policy index).
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
}


/// The cluster's capabilities (`200`).
pub async fn get(client: &ServiceClient) -> ApiResult<Capabilities> {
    match root_client(client) {
        Ok(root) => root.request(&INFO, &[]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}

/// The account's name: the last segment of the client's endpoint (`AUTH_<project>`).
fn account_name(client: &ServiceClient) -> Result<String> {
    client
        .endpoint()
        .path_segments()
        .and_then(|mut s| s.rfind(|s| !s.is_empty()))
        .map(str::to_string)
        .ok_or_else(|| Error::invalid_input("the object storage endpoint names no account"))
}

/// Where the account's replicas live; with a container (and an object), theirs (`200`).
/// Clusters without the `list_endpoints` middleware answer `404`.
pub async fn endpoints(
    client: &ServiceClient,
    container: Option<&str>,
    object: Option<&str>,
) -> ApiResult<Endpoints> {
    let (root, account) = match (root_client(client), account_name(client)) {
        (Ok(root), Ok(account)) => (root, account),
        (Err(e), _) | (_, Err(e)) => return ApiResult::from_error(e),
    };
    match (container, object) {
        (None, None) => root.request(&ENDPOINTS, &[&account]).send().await,
        (Some(c), None) => root.request(&CONTAINER_ENDPOINTS, &[&account, c]).send().await,
        (Some(c), Some(o)) => root.request(&OBJECT_ENDPOINTS, &[&account, c, o]).send().await,
        (None, Some(_)) => {
            ApiResult::from_error(Error::invalid_input("an object needs its container"))
        }
    }
}
