//! Managing a node's hardware: boot device, indicators (LEDs), NMI injection, virtual
//! media, vendor passthru, and what Ironic read from the machine: BIOS settings,
//! firmware components, the inspection inventory and the node's history.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::node_management::{self as mgmt, BootDeviceOpts};
//! mgmt::set_boot_device(&ironic, "node-1", &BootDeviceOpts::new("pxe")).await.ok()?;
//! let now = mgmt::get_boot_device(&ironic, "node-1").await.extract()?;
//! println!("{:?} (persistent: {:?})", now.boot_device, now.persistent);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use http::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{Links, Object};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "baremetal";
    /// A node's boot device.
    GET_BOOT_DEVICE = GET "/nodes/{node_ident}/management/boot_device" response(BootDevice);
    /// Set a node's boot device.
    SET_BOOT_DEVICE = PUT "/nodes/{node_ident}/management/boot_device" request(BootDeviceOpts);
    /// The boot devices a node supports.
    SUPPORTED_BOOT_DEVICES = GET "/nodes/{node_ident}/management/boot_device/supported" response("supported_boot_devices", Vec<String>);
    /// Inject an NMI.
    INJECT_NMI = PUT "/nodes/{node_ident}/management/inject_nmi" since("1.29") request(Object);
    /// A node's indicators.
    LIST_INDICATORS = GET "/nodes/{node_ident}/management/indicators" since("1.63") response(IndicatorList);
    /// An indicator's state.
    GET_INDICATOR = GET "/nodes/{node_ident}/management/indicators/{ind_ident}@{component}" since("1.63") response(IndicatorStateBody);
    /// Set an indicator's state.
    SET_INDICATOR = PUT "/nodes/{node_ident}/management/indicators/{ind_ident}@{component}" since("1.63") request(IndicatorStateBody);
    /// Attach virtual media.
    ATTACH_VMEDIA = POST "/nodes/{node_ident}/vmedia" since("1.89") request(VmediaOpts);
    /// Detach virtual media.
    DETACH_VMEDIA = DELETE "/nodes/{node_ident}/vmedia" since("1.89");
    /// The virtual media attached.
    GET_VMEDIA = GET "/nodes/{node_ident}/vmedia" since("1.93") response(Value);
    /// A node's vendor passthru methods.
    VENDOR_METHODS = GET "/nodes/{node_ident}/vendor_passthru/methods" response(BTreeMap<String, VendorMethod>);
    /// Call a vendor passthru method with GET.
    VENDOR_GET = GET "/nodes/{node_ident}/vendor_passthru";
    /// Call a vendor passthru method with POST.
    VENDOR_POST = POST "/nodes/{node_ident}/vendor_passthru";
    /// Call a vendor passthru method with PUT.
    VENDOR_PUT = PUT "/nodes/{node_ident}/vendor_passthru";
    /// Call a vendor passthru method with PATCH.
    VENDOR_PATCH = PATCH "/nodes/{node_ident}/vendor_passthru";
    /// Call a vendor passthru method with DELETE.
    VENDOR_DELETE = DELETE "/nodes/{node_ident}/vendor_passthru";
    /// A node's BIOS settings.
    LIST_BIOS = GET "/nodes/{node_ident}/bios" since("1.40") list("bios", BiosSetting);
    /// A node's BIOS settings with their registry data.
    LIST_BIOS_DETAIL = GET "/nodes/{node_ident}/bios?detail=True" since("1.74") list("bios", BiosSetting);
    /// One BIOS setting.
    GET_BIOS = GET "/nodes/{node_ident}/bios/{bios_setting}" since("1.40") response(BTreeMap<String, BiosSetting>);
    /// A node's firmware components.
    LIST_FIRMWARE = GET "/nodes/{node_ident}/firmware" since("1.86") list("firmware", FirmwareComponent);
    /// A node's inventory.
    INVENTORY = GET "/nodes/{node_ident}/inventory" since("1.81") response(Inventory);
    /// A node's history.
    LIST_HISTORY = GET "/nodes/{node_ident}/history" since("1.78") list("history", HistoryEvent);
    /// One history event.
    GET_HISTORY = GET "/nodes/{node_ident}/history/{history_event_uuid}" since("1.78") response(HistoryEvent);
}

/// A node's boot device.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct BootDevice {
    /// The device (`pxe`, `disk`, `cdrom`, `bios`, `safe`; `null` when unknown).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub boot_device: Option<String>,
    /// Whether it stays for later boots (`null` when unknown).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub persistent: Option<bool>,
}

/// A node's boot device.
pub async fn get_boot_device(client: &ServiceClient, ident: &str) -> ApiResult<BootDevice> {
    client.request(&GET_BOOT_DEVICE, &[ident]).send().await
}

/// What [`set_boot_device`] sends.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::node_management::BootDeviceOpts;
/// let o = BootDeviceOpts { persistent: Some(false), ..BootDeviceOpts::new("pxe") };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"boot_device": "pxe", "persistent": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BootDeviceOpts {
    /// The device.
    pub boot_device: String,
    /// For later boots too (default: the next boot only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent: Option<bool>,
}

impl BootDeviceOpts {
    /// Boot from `device`.
    pub fn new(device: impl Into<String>) -> Self {
        BootDeviceOpts {
            boot_device: device.into(),
            persistent: None,
        }
    }
}

impl Validate for BootDeviceOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("boot_device", !self.boot_device.is_empty())
    }
}

/// Sets a node's boot device (`204`).
pub async fn set_boot_device(client: &ServiceClient, ident: &str, opts: &BootDeviceOpts) -> ApiResult<()> {
    client.request(&SET_BOOT_DEVICE, &[ident]).body(opts).send().await
}

/// The boot devices a node supports.
pub async fn supported_boot_devices(client: &ServiceClient, ident: &str) -> ApiResult<Vec<String>> {
    client.request(&SUPPORTED_BOOT_DEVICES, &[ident]).send().await
}

/// Injects a non-maskable interrupt (1.29; `204`).
pub async fn inject_nmi(client: &ServiceClient, ident: &str) -> ApiResult<()> {
    client.request(&INJECT_NMI, &[ident]).json(&Object::new()).send().await
}

/// An indicator (an LED) of a node. Ironic answers `name` (`led@system`: the indicator
/// and its component, as [`get_indicator`] and [`set_indicator`] take them apart),
/// `component`, `readonly` and the `states` it takes; the API reference's sample shows
/// components with their links only (the other fields are then `None`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Indicator {
    /// The indicator's name (`led@system`), or a component's (`system`).
    pub name: String,
    /// Its component (`system`, `chassis`, `drive`…).
    #[serde(default)]
    pub component: Option<String>,
    /// Whether its state cannot be set.
    #[serde(default)]
    pub readonly: Option<bool>,
    /// The states it takes.
    #[serde(default)]
    pub states: Option<Vec<IndicatorState>>,
    /// Its links.
    #[serde(default)]
    pub links: Links,
}

/// The answer of [`list_indicators`]: `{"indicators": […]}` (`components` in the API
/// reference's sample).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct IndicatorList {
    /// The indicators.
    #[serde(alias = "components")]
    pub indicators: Vec<Indicator>,
}

/// A node's indicators (1.63).
pub async fn list_indicators(client: &ServiceClient, ident: &str) -> Result<Vec<Indicator>> {
    let list = client.request(&LIST_INDICATORS, &[ident]).send().await.extract()?;
    Ok(list.indicators)
}

/// An indicator's state. Ironic answers in lower case (`on`) and the API reference in
/// upper case (`ON`): both are read; it is sent in upper case, which Ironic accepts.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::node_management::IndicatorState;
/// assert_eq!(serde_json::to_string(&IndicatorState::Blinking).unwrap(), "\"BLINKING\"");
/// assert_eq!(serde_json::from_str::<IndicatorState>("\"on\"").unwrap(), IndicatorState::On);
/// assert_eq!(serde_json::from_str::<IndicatorState>("\"dim\"").unwrap(), IndicatorState::Other("dim".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IndicatorState {
    /// On.
    #[serde(rename = "ON", alias = "on")]
    On,
    /// Off.
    #[serde(rename = "OFF", alias = "off")]
    Off,
    /// Blinking.
    #[serde(rename = "BLINKING", alias = "blinking")]
    Blinking,
    /// Unknown.
    #[serde(rename = "UNKNOWN", alias = "unknown")]
    Unknown,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// The body that reads or sets an indicator: `{"state": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorStateBody {
    /// The state.
    pub state: IndicatorState,
}

impl Validate for IndicatorStateBody {}

/// The state of indicator `indicator` of `component` (1.63).
pub async fn get_indicator(
    client: &ServiceClient,
    ident: &str,
    indicator: &str,
    component: &str,
) -> ApiResult<IndicatorStateBody> {
    client.request(&GET_INDICATOR, &[ident, indicator, component]).send().await
}

/// Sets the state of indicator `indicator` of `component` (1.63; `204`).
pub async fn set_indicator(
    client: &ServiceClient,
    ident: &str,
    indicator: &str,
    component: &str,
    state: IndicatorState,
) -> ApiResult<()> {
    client
        .request(&SET_INDICATOR, &[ident, indicator, component])
        .body(&IndicatorStateBody { state })
        .send()
        .await
}

/// What [`attach_vmedia`] sends.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::node_management::VmediaOpts;
/// assert_eq!(serde_json::to_value(VmediaOpts::new("cdrom", "http://image")).unwrap(),
///     serde_json::json!({"device_type": "cdrom", "image_url": "http://image"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VmediaOpts {
    /// `cdrom`, `floppy` or `disk`: Ironic 2026.1 refuses the upper case of the API
    /// reference's sample (`CDROM`).
    pub device_type: String,
    /// The image's URL.
    pub image_url: String,
    /// Where the BMC gets it from (`http`, `local`, `swift`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_download_source: Option<String>,
}

impl VmediaOpts {
    /// Attach the image at `url` as a `device_type` device.
    pub fn new(device_type: impl Into<String>, url: impl Into<String>) -> Self {
        VmediaOpts {
            device_type: device_type.into(),
            image_url: url.into(),
            image_download_source: None,
        }
    }
}

impl Validate for VmediaOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("device_type", !self.device_type.is_empty())?;
        crate::request::require("image_url", !self.image_url.is_empty())
    }
}

/// Attaches virtual media (1.89; `204`).
pub async fn attach_vmedia(client: &ServiceClient, ident: &str, opts: &VmediaOpts) -> ApiResult<()> {
    client.request(&ATTACH_VMEDIA, &[ident]).body(opts).send().await
}

/// Detaches all virtual media (1.89; `204`).
pub async fn detach_vmedia(client: &ServiceClient, ident: &str) -> ApiResult<()> {
    client.request(&DETACH_VMEDIA, &[ident]).send().await
}

/// The virtual media attached, as the driver reports it (1.93).
pub async fn get_vmedia(client: &ServiceClient, ident: &str) -> ApiResult<Value> {
    client.request(&GET_VMEDIA, &[ident]).send().await
}

/// A vendor passthru method.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct VendorMethod {
    /// Whether it runs asynchronously (`202`).
    #[serde(rename = "async")]
    pub is_async: bool,
    /// Whether its answer is returned as an attachment.
    pub attach: bool,
    /// What it does.
    pub description: String,
    /// The HTTP methods it answers.
    pub http_methods: Vec<String>,
    /// Whether it takes the node's lock.
    #[serde(default)]
    pub require_exclusive_lock: Option<bool>,
}

/// A node's vendor passthru methods, by name.
pub async fn vendor_methods(client: &ServiceClient, ident: &str) -> ApiResult<BTreeMap<String, VendorMethod>> {
    client.request(&VENDOR_METHODS, &[ident]).send().await
}

/// The vendor passthru operation for `method` (GET, POST, PUT, PATCH or DELETE).
fn vendor_op(
    method: &Method,
    ops: [&'static crate::Op<()>; 5],
) -> Result<&'static crate::Op<()>> {
    let [get, post, put, patch, delete] = ops;
    Ok(match *method {
        Method::GET => get,
        Method::POST => post,
        Method::PUT => put,
        Method::PATCH => patch,
        Method::DELETE => delete,
        _ => {
            return Err(Error::invalid_input(format!(
                "vendor passthru takes GET, POST, PUT, PATCH or DELETE, not {method}"
            )));
        }
    })
}

/// Calls vendor passthru method `name` with HTTP `method` and `args` as the body
/// (sent for every method but GET): the answer is the driver's own (read its body, or
/// decode it with [`Response::decode`](crate::Response::decode)).
pub async fn call_vendor_method(
    client: &ServiceClient,
    ident: &str,
    method: &Method,
    name: &str,
    args: Option<&Value>,
) -> Result<crate::Response> {
    let ops = [&VENDOR_GET, &VENDOR_POST, &VENDOR_PUT, &VENDOR_PATCH, &VENDOR_DELETE];
    call_vendor(client, ops, ident, method, name, args).await
}

/// Calls a vendor passthru method of a node or a driver (`ops` are its five methods).
pub(crate) async fn call_vendor(
    client: &ServiceClient,
    ops: [&'static crate::Op<()>; 5],
    ident: &str,
    method: &Method,
    name: &str,
    args: Option<&Value>,
) -> Result<crate::Response> {
    let op = vendor_op(method, ops)?;
    if name.is_empty() {
        return Err(Error::invalid_input("vendor passthru method name must not be empty"));
    }
    let mut request = client.request(op, &[ident]).query_pair("method", name);
    if *method != Method::GET {
        request = request.json(args.unwrap_or(&Value::Object(Object::new())));
    }
    request.send_raw().await
}

/// A BIOS setting (with its registry data from 1.74, when asked for details).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct BiosSetting {
    /// The setting's name.
    pub name: String,
    /// Its value.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub value: Option<String>,
    /// Its links.
    pub links: Links,
    /// When it was first read.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its type (`Enumeration`, `String`, `Integer`, `Boolean`, `Password`).
    #[serde(default)]
    pub attribute_type: Option<String>,
    /// The values it takes (enumerations).
    #[serde(default)]
    pub allowable_values: Option<Vec<String>>,
    /// Its lowest value (integers).
    #[serde(default)]
    pub lower_bound: Option<i64>,
    /// Its highest value (integers).
    #[serde(default)]
    pub upper_bound: Option<i64>,
    /// Its longest length (strings).
    #[serde(default)]
    pub max_length: Option<u64>,
    /// Its shortest length (strings).
    #[serde(default)]
    pub min_length: Option<u64>,
    /// Whether it cannot be changed.
    #[serde(default)]
    pub read_only: Option<bool>,
    /// Whether changing it needs a reboot.
    #[serde(default)]
    pub reset_required: Option<bool>,
    /// Whether its value is unique to the machine.
    #[serde(default)]
    pub unique: Option<bool>,
}

/// A node's BIOS settings (1.40; one page), with their registry data when `detail`
/// (1.74).
pub fn list_bios(client: &ServiceClient, ident: &str, detail: bool) -> Pager<BiosSetting> {
    let op = if detail { &LIST_BIOS_DETAIL } else { &LIST_BIOS };
    client.request(op, &[ident]).paged(PageStyle::Single)
}

/// One BIOS setting (1.40).
pub async fn get_bios(client: &ServiceClient, ident: &str, setting: &str) -> Result<BiosSetting> {
    let mut by_name = client.request(&GET_BIOS, &[ident, setting]).send().await.extract()?;
    let key = by_name.keys().next().cloned().unwrap_or_default();
    by_name
        .remove(&key)
        .ok_or_else(|| Error::new(crate::ErrorKind::Decode, "the BIOS setting answer is empty"))
}

/// A firmware component of a node.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct FirmwareComponent {
    /// The component (`bmc`, `bios`, `NIC:…`).
    pub component: String,
    /// Its version when first read.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub initial_version: Option<String>,
    /// Its version now.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub current_version: Option<String>,
    /// The last version flashed by Ironic.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub last_version_flashed: Option<String>,
    /// Its vendor (1.114).
    #[serde(default)]
    pub vendor: Option<String>,
    /// Its model (1.114).
    #[serde(default)]
    pub model: Option<String>,
    /// Its serial number (1.114).
    #[serde(default)]
    pub serial_number: Option<String>,
    /// When it was first read.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
}

/// A node's firmware components (1.86; one page).
pub fn list_firmware(client: &ServiceClient, ident: &str) -> Pager<FirmwareComponent> {
    client.request(&LIST_FIRMWARE, &[ident]).paged(PageStyle::Single)
}

/// What inspection found: the ramdisk's inventory and the inspection plugins' data.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Inventory {
    /// The hardware inventory (`cpu`, `memory`, `interfaces`, `disks`…).
    #[serde(default)]
    pub inventory: Option<Object>,
    /// The plugins' data.
    #[serde(default)]
    pub plugin_data: Option<Object>,
}

/// A node's inspection inventory (1.81).
pub async fn inventory(client: &ServiceClient, ident: &str) -> ApiResult<Inventory> {
    client.request(&INVENTORY, &[ident]).send().await
}

/// An event of a node's history.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct HistoryEvent {
    /// The UUID.
    pub uuid: String,
    /// When it happened.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// `ERROR`, `INFO`…
    pub severity: String,
    /// What happened.
    pub event: String,
    /// The kind of event (details).
    #[serde(default)]
    pub event_type: Option<String>,
    /// The conductor that recorded it (details).
    #[serde(default)]
    pub conductor: Option<String>,
    /// The user behind it (details).
    #[serde(default)]
    pub user: Option<String>,
    /// The project behind it (details, 1.113).
    #[serde(default)]
    pub project: Option<String>,
    /// The provision state at the time (details, 1.115).
    #[serde(default)]
    pub state: Option<String>,
    /// The provision state being reached (details, 1.115).
    #[serde(default)]
    pub target_provision_state: Option<String>,
    /// How long the action took (details, 1.115).
    #[serde(default)]
    pub duration_seconds: Option<f64>,
    /// Its links.
    #[serde(default)]
    pub links: Links,
}

/// What [`list_history`] takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HistoryListOpts {
    /// The details of each event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<bool>,
    /// Events per page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after this event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

impl super::common::Versioned for HistoryListOpts {}

/// A node's history (1.78), following Ironic's `next` link.
pub fn list_history(client: &ServiceClient, ident: &str, opts: &HistoryListOpts) -> Pager<HistoryEvent> {
    super::common::pager(client, &LIST_HISTORY, &[ident], opts)
}

/// One event of a node's history (1.78).
pub async fn get_history(client: &ServiceClient, ident: &str, event: &str) -> ApiResult<HistoryEvent> {
    client.request(&GET_HISTORY, &[ident, event]).send().await
}
