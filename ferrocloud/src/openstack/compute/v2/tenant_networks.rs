//! Project networks through the compute API (proxy to networking, until 2.35).
//!
//! Nova shows the Networking service's (Neutron's) networks the project can use in the
//! shape of the former nova-network: an ID, a label (the name) and a CIDR, which Nova
//! writes as the text `"None"` with Neutron (read here as no CIDR). Listing and showing
//! are deprecated and answer 404 from microversion 2.36: the SDK refuses them before
//! sending when the client's microversion is newer. Creating and deleting only ever
//! worked with nova-network: Nova answers 410 Gone since its 21.0.0 (Ussuri) release.
//! Use the Networking API instead. A compute client without a microversion (the base
//! version, 2.1) may use them.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::tenant_networks;
//! let compute = compute.with_microversion("2.35");
//! for n in tenant_networks::extract_networks(&tenant_networks::list(&compute).all_pages().await?)? {
//!     println!("{} {}", n.id, n.label);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Deserializer, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::{exactly_one_of, require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List the project's networks, up to 2.35.
    LIST = GET "/os-tenant-networks" until("2.35") list("networks", TenantNetwork);
    /// Create a project network (nova-network only), up to 2.35.
    CREATE = POST "/os-tenant-networks" until("2.35")
        request("network", CreateOpts) response("network", TenantNetwork);
    /// Show a project network, up to 2.35.
    GET = GET "/os-tenant-networks/{network_id}" until("2.35") response("network", TenantNetwork);
    /// Delete a project network (nova-network only), up to 2.35.
    DELETE = DELETE "/os-tenant-networks/{network_id}" until("2.35");
}

/// A network, in nova-network's shape.
///
/// ```
/// let n: ferrocloud::openstack::compute::v2::tenant_networks::TenantNetwork =
///     serde_json::from_str(r#"{"id": "7706b89f", "cidr": "None", "label": "private"}"#).unwrap();
/// assert_eq!(n.cidr, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TenantNetwork {
    /// The network's ID.
    pub id: String,
    /// Its name.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub label: String,
    /// Its CIDR; none when Nova writes `"None"` (always, with Neutron).
    #[serde(default, deserialize_with = "cidr")]
    pub cidr: Option<String>,
}

fn cidr<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    let s: Option<String> = Option::deserialize(d)?;
    Ok(s.filter(|s| !s.is_empty() && s != "None"))
}

impl crate::find::Named for TenantNetwork {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.label
    }
}

/// A new nova-network project network: a label and exactly one of `cidr` and
/// `cidr_v6`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required, at most 255 characters).
    pub label: String,
    /// The IPv4 range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cidr: Option<String>,
    /// The IPv6 range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cidr_v6: Option<String>,
    /// Whether the addresses are managed by nova-network's IPAM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipam: Option<bool>,
    /// The first VLAN ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vlan_start: Option<u32>,
    /// How many networks to create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_networks: Option<u32>,
    /// How many addresses each network has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_size: Option<u32>,
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("label", !self.label.is_empty())?;
        if self.label.chars().count() > 255 {
            return Err(Error::invalid_input("label must be at most 255 characters"));
        }
        exactly_one_of(&[
            ("cidr", self.cidr.is_some()),
            ("cidr_v6", self.cidr_v6.is_some()),
        ])?;
        for (field, v) in [
            ("vlan_start", self.vlan_start),
            ("num_networks", self.num_networks),
            ("network_size", self.network_size),
        ] {
            if v == Some(0) {
                return Err(Error::invalid_input(format!("{field} must be positive")));
            }
        }
        Ok(())
    }
}

/// Lists the networks the project can use (its own and the shared ones, as Neutron
/// shows them to it).
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub fn list(client: &ServiceClient) -> Pager<TenantNetwork> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The networks of a page.
    extract_networks, TenantNetwork
}

/// Shows a network.
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<TenantNetwork> {
    client.request(&GET, &[id]).send().await
}

/// Finds a network by ID or by exact label.
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<TenantNetwork> {
    crate::find::find("network", name_or_id, get(client, name_or_id), list(client)).await
}

/// Creates a nova-network project network. Nova answers 503 when it uses Neutron, and
/// 410 Gone since its 21.0.0 (Ussuri) release.
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<TenantNetwork> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Deletes a nova-network project network. Nova answers 500 when it uses Neutron, and
/// 410 Gone since its 21.0.0 (Ussuri) release.
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
