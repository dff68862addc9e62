//! Service providers: the drivers the service plugins offer, by service type (an L3
//! router flavor's `single_node`, `ha`, `dvr`; FWaaS, VPNaaS, BGPVPN, TaaS drivers),
//! and which one is each service type's default.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::service_providers::{self, ListOpts};
//! let opts = ListOpts { service_type: Some("L3_ROUTER_NAT".into()), ..ListOpts::default() };
//! for p in service_providers::list(&network, &opts).all().await? {
//!     println!("{} {}{}", p.service_type, p.name, if p.default { " (default)" } else { "" });
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::ServiceClient;
use crate::pagination::{PageStyle, Pager};

crate::operations! {
    service: "network";
    /// List service providers.
    LIST = GET "/service-providers" list("service_providers", ServiceProvider);
}

/// A driver of a service plugin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServiceProvider {
    /// The service type (`L3_ROUTER_NAT`, `FIREWALL_V2`, `VPN`…).
    pub service_type: String,
    /// The provider's name.
    pub name: String,
    /// Whether it is the service type's default.
    pub default: bool,
}

/// Filters for listing service providers. Neutron does not page this listing, and
/// ignores a `default` filter (it matches nothing), so there is none here.
///
/// ```
/// use ferrocloud::openstack::networking::v2::service_providers::ListOpts;
/// let opts = ListOpts { service_type: Some("VPN".into()), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "service_type=VPN");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By service type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_type: Option<String>,
    /// By name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Return only these attributes.
    pub fields: Vec<String>,
}

/// Lists service providers (one page).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<ServiceProvider> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The service providers of a page.
    extract_service_providers, ServiceProvider
}
