//! `OS-DCF:diskConfig`: how the server's disk was partitioned.
//!
//! ```
//! use ferrocloud::openstack::compute::v2::extensions::diskconfig::{DiskConfig, ServerWithDiskConfig};
//! use ferrocloud::request::{ApiResult, Response};
//! let body = r#"{"server": {"id": "1", "name": "new-server-test", "status": "ACTIVE",
//!     "tenant_id": "p1", "user_id": "u1", "created": "2013-09-03T04:01:32Z",
//!     "updated": "2013-09-03T04:01:33Z", "flavor": {"id": "1"}, "image": "", "links": [],
//!     "OS-DCF:diskConfig": "AUTO"}}"#;
//! let resp = Response::new(http::Method::GET, "http://nova/v2.1/servers/x".parse().unwrap(),
//!     http::StatusCode::OK, Default::default(), body.to_string().into());
//! let result: ApiResult<ferrocloud::openstack::compute::v2::servers::Server> =
//!     ApiResult::from_response(resp, Some("server"));
//! let s: ServerWithDiskConfig = result.extract_into().unwrap();
//! assert_eq!(s.disk_config, Some(DiskConfig::Auto));
//! assert_eq!(s.server.name.as_deref(), Some("new-server-test"));
//! ```

use serde::{Deserialize, Serialize};

use crate::openstack::compute::v2::servers::Server;

/// The disk configuration of a server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiskConfig {
    /// The root partition was expanded to the whole disk.
    #[serde(rename = "AUTO")]
    Auto,
    /// The disk was left as the image had it.
    #[serde(rename = "MANUAL")]
    Manual,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// The `OS-DCF:diskConfig` field alone; flatten it next to a [`Server`] (or use
/// [`ServerWithDiskConfig`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ServerDiskConfig {
    /// The disk configuration, when the cloud reports it.
    #[serde(default, rename = "OS-DCF:diskConfig")]
    pub disk_config: Option<DiskConfig>,
}

/// A [`Server`] with its `OS-DCF:diskConfig`.
#[derive(Debug, Clone, Deserialize)]
pub struct ServerWithDiskConfig {
    /// The base server.
    #[serde(flatten)]
    pub server: Server,
    /// The disk configuration, when the cloud reports it.
    #[serde(default, rename = "OS-DCF:diskConfig")]
    pub disk_config: Option<DiskConfig>,
}
