//! Drivers (hardware types): what the conductors can drive, their properties (the keys
//! `driver_info` takes), RAID logical disk properties, and driver vendor passthru.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::drivers;
//! for d in drivers::list(&ironic, &Default::default()).all().await? {
//!     println!("{} on {:?}", d.name, d.hosts);
//! }
//! let props = drivers::properties(&ironic, "ipmi").await.extract()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use http::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{Links, Versioned, since};
use super::node_management::VendorMethod;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "baremetal";
    /// List drivers.
    LIST = GET "/drivers" list("drivers", Driver);
    /// Show a driver.
    GET = GET "/drivers/{driver_name}" response(Driver);
    /// A driver's properties.
    PROPERTIES = GET "/drivers/{driver_name}/properties" response(BTreeMap<String, String>);
    /// A driver's RAID logical disk properties.
    RAID_PROPERTIES = GET "/drivers/{driver_name}/raid/logical_disk_properties" since("1.12") response(BTreeMap<String, String>);
    /// A driver's vendor passthru methods.
    VENDOR_METHODS = GET "/drivers/{driver_name}/vendor_passthru/methods" response(BTreeMap<String, VendorMethod>);
    /// Call a driver vendor passthru method with GET.
    VENDOR_GET = GET "/drivers/{driver_name}/vendor_passthru";
    /// Call a driver vendor passthru method with POST.
    VENDOR_POST = POST "/drivers/{driver_name}/vendor_passthru";
    /// Call a driver vendor passthru method with PUT.
    VENDOR_PUT = PUT "/drivers/{driver_name}/vendor_passthru";
    /// Call a driver vendor passthru method with PATCH.
    VENDOR_PATCH = PATCH "/drivers/{driver_name}/vendor_passthru";
    /// Call a driver vendor passthru method with DELETE.
    VENDOR_DELETE = DELETE "/drivers/{driver_name}/vendor_passthru";
}

/// A driver. The plain listing gives `name`, `hosts`, `type` and links only; the
/// interfaces (1.30) come with details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Driver {
    /// The name.
    pub name: String,
    /// The conductors that serve it.
    pub hosts: Vec<String>,
    /// `dynamic` (a hardware type) or `classic` (1.30).
    #[serde(rename = "type", default)]
    pub driver_type: Option<String>,
    /// Its links.
    pub links: Links,
    /// The links of its properties.
    #[serde(default)]
    pub properties: Option<Links>,
    /// The default and enabled interfaces (`default_boot_interface`,
    /// `enabled_boot_interfaces`…; details, 1.30).
    #[serde(flatten)]
    pub interfaces: BTreeMap<String, Value>,
}

impl Driver {
    /// The default interface of `kind` (`"boot"` reads `default_boot_interface`).
    ///
    /// ```
    /// let d: ferrocloud::openstack::baremetal::v1::drivers::Driver = serde_json::from_value(serde_json::json!({
    ///     "name": "ipmi", "hosts": [], "links": [], "default_boot_interface": "pxe"})).unwrap();
    /// assert_eq!(d.default_interface("boot"), Some("pxe"));
    /// ```
    pub fn default_interface(&self, kind: &str) -> Option<&str> {
        self.interfaces
            .get(&format!("default_{kind}_interface"))
            .and_then(Value::as_str)
    }

    /// The enabled interfaces of `kind` (`"deploy"` reads `enabled_deploy_interfaces`).
    pub fn enabled_interfaces(&self, kind: &str) -> Vec<&str> {
        self.interfaces
            .get(&format!("enabled_{kind}_interfaces"))
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    }
}

/// What [`list`] filters on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// `classic` or `dynamic` (1.30).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub driver_type: Option<String>,
    /// The details (1.30).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<bool>,
    /// Only these fields (1.77).
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "crate::query::comma")]
    pub fields: Vec<String>,
}

impl Versioned for ListOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        since(client, "type", self.driver_type.is_some(), "1.30")?;
        since(client, "detail", self.detail.is_some(), "1.30")?;
        since(client, "fields", !self.fields.is_empty(), "1.77")
    }
}

/// Lists drivers (one page).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Driver> {
    let mut request = client.request(&LIST, &[]).query(opts);
    if let Err(e) = opts.check(client) {
        request = request.fail_with(e);
    }
    request.paged(PageStyle::Single)
}

/// Shows a driver.
pub async fn get(client: &ServiceClient, name: &str) -> ApiResult<Driver> {
    client.request(&GET, &[name]).send().await
}

/// A driver's properties: the `driver_info` keys it takes, with their descriptions.
pub async fn properties(client: &ServiceClient, name: &str) -> ApiResult<BTreeMap<String, String>> {
    client.request(&PROPERTIES, &[name]).send().await
}

/// A driver's RAID logical disk properties, with their descriptions (1.12).
pub async fn raid_logical_disk_properties(
    client: &ServiceClient,
    name: &str,
) -> ApiResult<BTreeMap<String, String>> {
    client.request(&RAID_PROPERTIES, &[name]).send().await
}

/// A driver's vendor passthru methods, by name.
pub async fn vendor_methods(client: &ServiceClient, name: &str) -> ApiResult<BTreeMap<String, VendorMethod>> {
    client.request(&VENDOR_METHODS, &[name]).send().await
}

/// Calls driver vendor passthru method `method_name` with HTTP `method` and `args` as
/// the body (sent for every method but GET); the answer is the driver's own.
pub async fn call_vendor_method(
    client: &ServiceClient,
    driver: &str,
    method: &Method,
    method_name: &str,
    args: Option<&Value>,
) -> Result<crate::Response> {
    let ops = [&VENDOR_GET, &VENDOR_POST, &VENDOR_PUT, &VENDOR_PATCH, &VENDOR_DELETE];
    super::node_management::call_vendor(client, ops, driver, method, method_name, args).await
}
