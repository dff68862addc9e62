//! Floating IPs: addresses on an external network that a router translates to a port's
//! fixed address. List (typed filters, sorting, tags, any attribute), show, create,
//! update (optionally only if unchanged since read), associate with a port and
//! disassociate, delete, and a waiter for the status.
//!
//! Extension attributes (DNS name and domain, the port's details, the port forwardings,
//! the QoS policies) are read and sent with the types of
//! [extensions](crate::openstack::networking::v2::extensions), joined with
//! [`With`](crate::request::With). Neutron creates floating IPs one at a time (it
//! answers 400 "Bulk operation not supported" to a list).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, ext_net: &str, port: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::floating_ips::{self, CreateOpts};
//! let fip = floating_ips::create(&network, &CreateOpts::new(ext_net).port_id(port)).await.extract()?;
//! println!("{} -> {:?}", fip.floating_ip_address, fip.fixed_ip_address);
//! floating_ips::disassociate(&network, &fip.id).await.ok()?;
//! floating_ips::delete(&network, &fip.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use super::extensions::fip_dns::FloatingIpDns;
use super::extensions::fip_port_details::PortDetails;
use super::extensions::fip_port_forwardings::PortForwardings;
use super::extensions::qos::QosPolicyId;
use super::extensions::qos_network_policy::QosNetworkPolicyId;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Extensible, Validate};
use crate::wait::WaitOpts;
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List floating IPs.
    LIST = GET "/floatingips" list("floatingips", FloatingIp)
        extensions(FloatingIpDns, PortDetails, PortForwardings, QosPolicyId, QosNetworkPolicyId);
    /// Show a floating IP.
    GET = GET "/floatingips/{floatingip_id}" response("floatingip", FloatingIp)
        extensions(FloatingIpDns, PortDetails, PortForwardings, QosPolicyId, QosNetworkPolicyId);
    /// Create a floating IP.
    CREATE = POST "/floatingips"
        request("floatingip", CreateOpts; FloatingIpDns, QosPolicyId)
        response("floatingip", FloatingIp)
        extensions(FloatingIpDns, PortDetails, PortForwardings, QosPolicyId, QosNetworkPolicyId);
    /// Update a floating IP (associate it with a port, or disassociate it).
    UPDATE = PUT "/floatingips/{floatingip_id}"
        request("floatingip", UpdateOpts; QosPolicyId)
        response("floatingip", FloatingIp)
        extensions(FloatingIpDns, PortDetails, PortForwardings, QosPolicyId, QosNetworkPolicyId);
    /// Delete a floating IP.
    DELETE = DELETE "/floatingips/{floatingip_id}";
}

/// A floating IP, with the attributes every Neutron sends (extension attributes are
/// read with [extensions](crate::openstack::networking::v2::extensions)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FloatingIp {
    /// The ID.
    pub id: String,
    /// The address.
    pub floating_ip_address: String,
    /// The external network it comes from.
    pub floating_network_id: String,
    /// The port it is associated with (`None`: not associated).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub port_id: Option<String>,
    /// The port's fixed address it maps to.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub fixed_ip_address: Option<String>,
    /// The router that translates it (set once associated).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub router_id: Option<String>,
    /// `ACTIVE`, `DOWN` or `ERROR`; see [`wait_for_status`]. Neutron sets `ACTIVE` when
    /// an L3 agent or driver has configured it.
    pub status: String,
    /// Its description (may be empty).
    pub description: String,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Its tags (empty when the `standard-attr-tag` extension is not loaded).
    #[serde(default)]
    pub tags: Vec<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
    /// Incremented on every change; see [`update_if_revision`].
    pub revision_number: u64,
}

/// Options for creating a floating IP on an external network; join extension
/// attributes (DNS, QoS) with [`With`](crate::request::With).
///
/// ```
/// use ferrocloud::openstack::networking::v2::floating_ips::CreateOpts;
/// let opts = CreateOpts::new("ext").port_id("p1").description("web");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "floating_network_id": "ext", "port_id": "p1", "description": "web"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The external network.
    pub floating_network_id: String,
    /// Take the address from this subnet of the external network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    /// This address (admin by default policy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floating_ip_address: Option<String>,
    /// Associate it with this port at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
    /// The port's fixed address to map to (when the port has several).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_ip_address: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// A floating IP from the external network `floating_network_id`.
    pub fn new(floating_network_id: impl Into<String>) -> Self {
        CreateOpts {
            floating_network_id: floating_network_id.into(),
            ..Default::default()
        }
    }
    /// Takes the address from this subnet.
    pub fn subnet_id(mut self, subnet_id: impl Into<String>) -> Self {
        self.subnet_id = Some(subnet_id.into());
        self
    }
    /// Asks for this address.
    pub fn floating_ip_address(mut self, address: impl Into<String>) -> Self {
        self.floating_ip_address = Some(address.into());
        self
    }
    /// Associates it with this port.
    pub fn port_id(mut self, port_id: impl Into<String>) -> Self {
        self.port_id = Some(port_id.into());
        self
    }
    /// Maps it to this fixed address of the port.
    pub fn fixed_ip_address(mut self, address: impl Into<String>) -> Self {
        self.fixed_ip_address = Some(address.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Creates it for another project.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.floating_network_id.is_empty() {
            return Err(Error::invalid_input("floating_network_id must not be empty"));
        }
        if self.fixed_ip_address.is_some() && self.port_id.is_none() {
            return Err(Error::invalid_input("fixed_ip_address needs a port_id"));
        }
        Ok(())
    }
}

/// Changes to a floating IP; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::floating_ips::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::associate("p1")).unwrap(),
///            serde_json::json!({"port_id": "p1"}));
/// assert_eq!(serde_json::to_value(UpdateOpts::disassociate()).unwrap(),
///            serde_json::json!({"port_id": null}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// The port: `Some(Some(id))` associates, `Some(None)` disassociates, `None` leaves
    /// it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::double_option"
    )]
    pub port_id: Option<Option<String>>,
    /// The port's fixed address to map to (with `port_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_ip_address: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl UpdateOpts {
    /// Associates it with `port_id`.
    pub fn associate(port_id: impl Into<String>) -> Self {
        UpdateOpts {
            port_id: Some(Some(port_id.into())),
            ..Default::default()
        }
    }
    /// Disassociates it from its port.
    pub fn disassociate() -> Self {
        UpdateOpts {
            port_id: Some(None),
            ..Default::default()
        }
    }
    /// Maps it to this fixed address of the port.
    pub fn fixed_ip_address(mut self, address: impl Into<String>) -> Self {
        self.fixed_ip_address = Some(address.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.fixed_ip_address.is_some() && !matches!(self.port_id, Some(Some(_))) {
            return Err(Error::invalid_input("fixed_ip_address needs a port_id"));
        }
        Ok(())
    }
}

/// Filters for listing floating IPs; sorting, paging, tags and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::floating_ips::ListOpts;
/// let opts = ListOpts { floating_network_id: Some("ext".into()), status: Some("DOWN".into()), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "status=DOWN&floating_network_id=ext");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By description (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// By status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// By router.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub router_id: Option<String>,
    /// By external network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floating_network_id: Option<String>,
    /// By address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floating_ip_address: Option<String>,
    /// By associated port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
    /// By the fixed address it maps to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed_ip_address: Option<String>,
    /// Sorting, paging, fields, tags and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// Lists floating IPs, following `floatingips_links` from page to page.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<FloatingIp> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("floatingips_links"))
}

crate::operation::extract_fn! {
    /// The floating IPs of a page.
    extract_floating_ips, FloatingIp
}

/// Shows a floating IP.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<FloatingIp> {
    client.request(&GET, &[id]).send().await
}

/// Creates a floating IP: [`CreateOpts`], or [`CreateOpts`] joined with extension types.
pub async fn create<O: Extensible<Base = CreateOpts>>(
    client: &ServiceClient,
    opts: &O,
) -> ApiResult<FloatingIp> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Updates a floating IP: [`UpdateOpts`], or [`UpdateOpts`] joined with extension types.
pub async fn update<O: Extensible<Base = UpdateOpts>>(
    client: &ServiceClient,
    id: &str,
    opts: &O,
) -> ApiResult<FloatingIp> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Updates a floating IP only if its revision is still `revision_number`: otherwise
/// Neutron answers 412 ([`Error::is_precondition_failed`](crate::Error::is_precondition_failed)).
pub async fn update_if_revision<O: Extensible<Base = UpdateOpts>>(
    client: &ServiceClient,
    id: &str,
    revision_number: u64,
    opts: &O,
) -> ApiResult<FloatingIp> {
    client
        .request(&UPDATE, &[id])
        .header("If-Match", &format!("revision_number={revision_number}"))
        .body(opts)
        .send()
        .await
}

/// Associates a floating IP with a port (its router must reach the port's subnet).
pub async fn associate(client: &ServiceClient, id: &str, port_id: &str) -> ApiResult<FloatingIp> {
    update(client, id, &UpdateOpts::associate(port_id)).await
}

/// Disassociates a floating IP from its port.
pub async fn disassociate(client: &ServiceClient, id: &str) -> ApiResult<FloatingIp> {
    update(client, id, &UpdateOpts::disassociate()).await
}

/// Deletes a floating IP (releasing the address).
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Finds the floating IP with the ID, or else the address, `id_or_address`.
pub async fn find(client: &ServiceClient, id_or_address: &str) -> Result<FloatingIp> {
    let by_address = ListOpts {
        floating_ip_address: Some(id_or_address.to_string()),
        ..ListOpts::default()
    };
    crate::find::find(
        "floating IP",
        id_or_address,
        get(client, id_or_address),
        list(client, &by_address),
    )
    .await
}

impl crate::find::Named for FloatingIp {
    fn id(&self) -> &str {
        &self.id
    }
    /// The address stands for the name.
    fn name(&self) -> &str {
        &self.floating_ip_address
    }
}

/// Waits until the floating IP has `status` (`ACTIVE` once an L3 agent or driver has
/// configured it, `DOWN` once disassociated). `ERROR` ends the wait.
pub async fn wait_for_status(
    client: &ServiceClient,
    id: &str,
    status: &str,
    opts: &WaitOpts,
) -> Result<FloatingIp> {
    super::routers::wait_for_status_of(
        &format!("floating IP {id}"),
        status,
        opts,
        || async { get(client, id).await.extract() },
        |f: &FloatingIp| f.status.as_str(),
    )
    .await
}
