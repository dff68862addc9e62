//! Devices: the accelerator cards Cyborg's agents found on compute hosts. Admins
//! disable a device (its inventory in Placement becomes reserved) and enable it again.
//!
//! ```no_run
//! # async fn demo(cyborg: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::accelerator::v2::devices::{self, ListOpts};
//! let opts = ListOpts { device_type: Some("FPGA".into()), ..Default::default() };
//! for d in devices::extract_devices(&devices::list(&cyborg, &opts).all_pages().await?)? {
//!     println!("{} {} on {}", d.uuid, d.model, d.hostname);
//! }
//! devices::disable(&cyborg, "359c0990-0258-44fd-8b05-fc510ac3d022").await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::cyborg_functions;
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::de::{Link, text_enum};
use crate::request::ApiResult;

crate::operations! {
    service: "accelerator";
    /// List devices.
    LIST = GET "/devices" list("devices", Device);
    /// Show a device.
    GET = GET "/devices/{device_uuid}" response(Device);
    /// Enable a device (admins).
    ENABLE = POST "/devices/{device_uuid}/enable";
    /// Disable a device (admins).
    DISABLE = POST "/devices/{device_uuid}/disable";
}

text_enum! {
    /// Whether a device is in service (microversion 2.3).
    ///
    /// ```
    /// use ferrocloud::openstack::accelerator::v2::devices::DeviceStatus;
    /// let s: DeviceStatus = serde_json::from_str("\"maintaining\"").unwrap();
    /// assert_eq!(s, DeviceStatus::Maintaining);
    /// ```
    DeviceStatus {
        /// In service.
        Enabled = "enabled",
        /// Disabled by an admin: its accelerators are reserved in Placement.
        Maintaining = "maintaining",
    }
}

/// A device.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Device {
    /// The UUID.
    pub uuid: String,
    /// The kind of device (`FPGA`, `GPU`, `AICHIP`, `QAT`, `NIC`, `SSD`…).
    #[serde(rename = "type")]
    pub device_type: String,
    /// The vendor's PCI ID (`0x8086`).
    pub vendor: String,
    /// The model.
    pub model: String,
    /// Standard board information, as Cyborg writes it (a Python dict as text).
    pub std_board_info: String,
    /// The vendor's board information.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub vendor_board_info: Option<String>,
    /// The compute host.
    pub hostname: String,
    /// Enabled or in maintenance (microversion 2.3 and later).
    #[serde(default)]
    pub status: Option<DeviceStatus>,
    /// When it was found.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Links to the device.
    pub links: Vec<Link>,
}

/// What [`list`] filters on.
///
/// ```
/// let opts = ferrocloud::openstack::accelerator::v2::devices::ListOpts {
///     device_type: Some("GPU".into()), hostname: Some("compute-1".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "type=GPU&hostname=compute-1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Devices of this kind.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub device_type: Option<String>,
    /// Devices of this vendor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// Devices on this host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
}

cyborg_functions! { Device, "device", extract_devices; list get }

/// Enables a device (admins; `200`): its accelerators are offered again.
pub async fn enable(client: &ServiceClient, uuid: &str) -> ApiResult<()> {
    client.request(&ENABLE, &[uuid]).send().await
}

/// Disables a device for maintenance (admins; `200`): its accelerators are reserved in
/// Placement, so no new instance gets them.
pub async fn disable(client: &ServiceClient, uuid: &str) -> ApiResult<()> {
    client.request(&DISABLE, &[uuid]).send().await
}
