//! Back-end capabilities: what a volume backend offers, with the properties a volume
//! type can ask for (admin).
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::capabilities;
//! let caps = capabilities::get(&volumes, "devstack@lvmdriver-1").await.extract()?;
//! for (name, p) in &caps.properties {
//!     println!("{name}: {} ({})", p.title, p.property_type);
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "block-storage";
    /// Show a backend's capabilities.
    GET = GET "/capabilities/{hostname}" response(Capabilities);
}

/// The operations the v2 API documents: all of them.
pub static V2_OPERATIONS: &[&crate::Operation] = OPERATIONS;

/// What a backend offers. Cinder 28 sends `null` for what the driver does not report
/// (`pool_name`, `display_name`, `description`, `visibility`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Capabilities {
    /// `OS::Storage::Capabilities::<host>`.
    pub namespace: String,
    /// The vendor.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub vendor_name: Option<String>,
    /// The backend's name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub volume_backend_name: Option<String>,
    /// The pool's name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub pool_name: Option<String>,
    /// The driver's version.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub driver_version: Option<String>,
    /// The protocol (`iSCSI`…).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub storage_protocol: Option<String>,
    /// A name to show.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub display_name: Option<String>,
    /// A description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// `public` or `private`.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub visibility: Option<String>,
    /// The replication targets (driver-specific objects).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub replication_targets: Vec<serde_json::Value>,
    /// The properties a volume type can set, by name.
    pub properties: BTreeMap<String, CapabilityProperty>,
}

/// A property of a backend.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct CapabilityProperty {
    /// Its title.
    pub title: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its JSON type (`boolean`, `integer`, `string`…).
    #[serde(rename = "type")]
    pub property_type: String,
}

/// Shows the capabilities of a backend (`host@backend`, or `host@backend#pool`).
pub async fn get(client: &ServiceClient, hostname: &str) -> ApiResult<Capabilities> {
    client.request(&GET, &[hostname]).send().await
}
