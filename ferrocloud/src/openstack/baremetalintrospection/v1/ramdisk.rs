//! The ramdisk's callback (`POST /v1/continue`): the introspection ramdisk sends the
//! hardware it found, and Inspector processes it for the node it matches. Inspector
//! serves it without authentication, as ramdisks hold no token.
//!
//! ```no_run
//! # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetalintrospection::v1::ramdisk::{self, RamdiskData};
//! let inventory = serde_json::json!({"bmc_address": "192.167.2.134", "interfaces": [], "disks": [],
//!     "memory": {"physical_mb": 2048}, "cpu": {"count": 2, "architecture": "x86_64"}});
//! let mut data = RamdiskData::new(inventory);
//! data.boot_interface = Some("52:54:00:4e:3d:30".into());
//! let node = ramdisk::continue_introspection(&inspector, &data).await.extract()?;
//! println!("matched {}", node.uuid);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::ServiceClient;
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "baremetal-introspection";
    /// The ramdisk's callback with the data it collected.
    CONTINUE = POST "/continue" request(RamdiskData) response(NodeUuid);
}

/// What the ramdisk sends: the inventory, and what the ramdisk and Inspector's plugins
/// add. Its `Debug` leaves out the (base64) logs.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct RamdiskData {
    /// The hardware inventory (`cpu`, `memory`, `disks`, `interfaces`, `bmc_address`,
    /// `system_vendor`, `boot`…).
    pub inventory: Value,
    /// The disk the node would be deployed on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root_disk: Option<Value>,
    /// The MAC address of the interface the node booted from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boot_interface: Option<String>,
    /// An error the ramdisk met (Inspector fails the introspection with it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The ramdisk's logs, a base64 gzipped tarball.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logs: Option<String>,
    /// Everything else (older top-level `cpu`, `memory`, `disks`, `interfaces`,
    /// `bmc_address`; plugin data).
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl std::fmt::Debug for RamdiskData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RamdiskData")
            .field("inventory", &self.inventory)
            .field("root_disk", &self.root_disk)
            .field("boot_interface", &self.boot_interface)
            .field("error", &self.error)
            .field("logs", &self.logs.as_ref().map(|l| format!("<{} bytes>", l.len())))
            .field("extra", &self.extra)
            .finish()
    }
}

impl RamdiskData {
    /// Data holding an inventory.
    ///
    /// ```
    /// use ferrocloud::openstack::baremetalintrospection::v1::ramdisk::RamdiskData;
    /// let mut d = RamdiskData::new(serde_json::json!({"cpu": {"count": 2}}));
    /// d.logs = Some("H4sIAAAA".into());
    /// assert_eq!(serde_json::to_value(&d).unwrap(),
    ///     serde_json::json!({"inventory": {"cpu": {"count": 2}}, "logs": "H4sIAAAA"}));
    /// assert!(!format!("{d:?}").contains("H4sI"));
    /// ```
    pub fn new(inventory: Value) -> Self {
        RamdiskData {
            inventory,
            root_disk: None,
            boot_interface: None,
            error: None,
            logs: None,
            extra: BTreeMap::new(),
        }
    }
}

impl Validate for RamdiskData {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("inventory as an object", self.inventory.is_object())
    }
}

/// The node Inspector matched the data with.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct NodeUuid {
    /// The node's UUID.
    pub uuid: String,
}

/// Sends the ramdisk's data to Inspector, which processes it and answers with the node
/// it matched.
///
/// ```no_run
/// # use ferrocloud::openstack::baremetalintrospection::v1::ramdisk::RamdiskData;
/// # async fn demo(inspector: ferrocloud::ServiceClient, data: RamdiskData) -> ferrocloud::Result<()> {
/// let node = ferrocloud::openstack::baremetalintrospection::v1::ramdisk::continue_introspection(&inspector, &data)
///     .await.extract()?;
/// # Ok(()) }
/// ```
pub async fn continue_introspection(client: &ServiceClient, data: &RamdiskData) -> ApiResult<NodeUuid> {
    client.request(&CONTINUE, &[]).body(data).send().await
}
