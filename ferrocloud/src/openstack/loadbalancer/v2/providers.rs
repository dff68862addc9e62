//! Providers: the drivers that run load balancers (`amphora`, `ovn`…), and the
//! capabilities each offers to flavors (API 2.6) and availability zones (API 2.14).
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::providers;
//! for p in providers::list(&lb).await.extract()? {
//!     let caps = providers::flavor_capabilities(&lb, &p.name).await.extract()?;
//!     println!("{}: {} flavor capabilities", p.name, caps.len());
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "load-balancer";
    /// List the providers.
    LIST = GET "/lbaas/providers" list("providers", Provider);
    /// Show a provider's flavor capabilities.
    FLAVOR_CAPABILITIES = GET "/lbaas/providers/{provider}/flavor_capabilities" list("flavor_capabilities", Capability);
    /// Show a provider's availability zone capabilities.
    AVAILABILITY_ZONE_CAPABILITIES = GET "/lbaas/providers/{provider}/availability_zone_capabilities" list("availability_zone_capabilities", Capability);
}

/// A provider.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Provider {
    /// Its name, as load balancers name it.
    pub name: String,
    /// What it is.
    pub description: String,
}

/// A setting a provider accepts in flavor or availability zone profiles.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Capability {
    /// The setting's key.
    pub name: String,
    /// What it does and which values it takes.
    pub description: String,
}

/// Lists the providers the cloud enables (one answer).
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<Provider>> {
    client.request(&LIST, &[]).send().await
}

/// The settings `provider` accepts in flavor profiles (admins; API 2.6).
pub async fn flavor_capabilities(client: &ServiceClient, provider: &str) -> ApiResult<Vec<Capability>> {
    client.request(&FLAVOR_CAPABILITIES, &[provider]).send().await
}

/// The settings `provider` accepts in availability zone profiles (admins; API 2.14).
pub async fn availability_zone_capabilities(
    client: &ServiceClient,
    provider: &str,
) -> ApiResult<Vec<Capability>> {
    client
        .request(&AVAILABILITY_ZONE_CAPABILITIES, &[provider])
        .send()
        .await
}
