//! Extended port bindings (`binding-extended`): a port may be bound to several hosts at
//! once, one binding active and the others inactive, so that a server can be live
//! migrated: the compute service creates an inactive binding on the destination,
//! activates it when the server moves, and deletes the old one.
//!
//! Listing works on ports of servers (a `device_owner` of `compute:*`) and shared file
//! systems; Neutron refuses the others (400). Creating, activating and deleting bindings
//! is for the `service` role (the compute service's user) under Neutron's default policy.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, port_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::port_bindings::{self, CreateOpts};
//! let inactive = port_bindings::create(&network, port_id, &CreateOpts::new("compute-2")).await.extract()?;
//! assert_eq!(inactive.status, "INACTIVE");
//! port_bindings::activate(&network, port_id, "compute-2").await.extract()?;
//! port_bindings::delete(&network, port_id, "compute-1").await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::extensions::binding::{JsonMap, VnicType};
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List the bindings of a port.
    LIST = GET "/ports/{port_id}/bindings" list("bindings", PortBinding);
    /// Bind a port to one more host (an inactive binding).
    CREATE = POST "/ports/{port_id}/bindings" request("binding", CreateOpts)
        response("binding", PortBinding);
    /// Make a port's binding on a host the active one. Neutron answers with the binding
    /// itself, without the `binding` envelope the API reference's sample shows.
    ACTIVATE = PUT "/ports/{port_id}/bindings/{host}/activate" response(PortBinding);
    /// Delete a port's binding on a host.
    DELETE = DELETE "/ports/{port_id}/bindings/{host}";
}

/// A port's binding to one host.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PortBinding {
    /// The host.
    pub host: String,
    /// `ACTIVE` or `INACTIVE`.
    pub status: String,
    /// The VNIC type.
    pub vnic_type: VnicType,
    /// How the port is plugged on this host (`ovs`, `unbound`, `binding_failed`…).
    pub vif_type: String,
    /// Details of the plugging.
    pub vif_details: JsonMap,
    /// Driver-specific binding details.
    pub profile: JsonMap,
}

/// Options for binding a port to another host.
///
/// ```
/// use ferrocloud::openstack::networking::v2::port_bindings::CreateOpts;
/// assert_eq!(serde_json::to_value(CreateOpts::new("compute-2")).unwrap(),
///            serde_json::json!({"host": "compute-2"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The host.
    pub host: String,
    /// The VNIC type (the port's by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vnic_type: Option<VnicType>,
    /// Driver-specific binding details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<JsonMap>,
}

impl CreateOpts {
    /// A binding on `host`.
    pub fn new(host: impl Into<String>) -> Self {
        CreateOpts {
            host: host.into(),
            ..Default::default()
        }
    }
    /// Sets the VNIC type.
    pub fn vnic_type(mut self, vnic_type: VnicType) -> Self {
        self.vnic_type = Some(vnic_type);
        self
    }
    /// Sets the profile.
    pub fn profile(mut self, profile: JsonMap) -> Self {
        self.profile = Some(profile);
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("host", !self.host.is_empty())
    }
}

/// Filters for listing a port's bindings.
///
/// ```
/// use ferrocloud::openstack::networking::v2::port_bindings::ListOpts;
/// let opts = ListOpts { status: Some("ACTIVE".into()), ..ListOpts::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "status=ACTIVE");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// By status (`ACTIVE`, `INACTIVE`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// By VIF type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vif_type: Option<String>,
    /// By VNIC type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vnic_type: Option<VnicType>,
}

/// Lists the bindings of a port (one page).
pub fn list(client: &ServiceClient, port_id: &str, opts: &ListOpts) -> Pager<PortBinding> {
    client
        .request(&LIST, &[port_id])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The bindings of a page.
    extract_bindings, PortBinding
}

/// Binds a port to one more host; the new binding is inactive.
pub async fn create(client: &ServiceClient, port_id: &str, opts: &CreateOpts) -> ApiResult<PortBinding> {
    client.request(&CREATE, &[port_id]).body(opts).send().await
}

/// Makes the port's binding on `host` the active one (the previously active binding
/// becomes inactive, and unbound).
pub async fn activate(client: &ServiceClient, port_id: &str, host: &str) -> ApiResult<PortBinding> {
    client.request(&ACTIVATE, &[port_id, host]).send().await
}

/// Deletes the port's binding on `host`.
pub async fn delete(client: &ServiceClient, port_id: &str, host: &str) -> ApiResult<()> {
    client.request(&DELETE, &[port_id, host]).send().await
}
