//! PTR records of floating IPs (reverse DNS): the name a Neutron floating IP's address
//! resolves back to. A floating IP is named by its region and ID (`RegionOne:<uuid>`,
//! the `id` of a [`FloatingIpPtr`](crate::openstack::dns::v2::reverse_floatingips::FloatingIpPtr)); [`split_id`](crate::openstack::dns::v2::reverse_floatingips::split_id) takes such an ID apart.
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::reverse_floatingips::{self, SetOpts};
//! let opts = SetOpts::new("smtp.example.com.").ttl(600);
//! let ptr = reverse_floatingips::set(&dns, "RegionOne", "c5742ac0", &opts).await.extract()?;
//! reverse_floatingips::unset(&dns, "RegionOne", "c5742ac0").await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Action, Links, Status};
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "dns";
    /// Set a floating IP's PTR record (`202`).
    SET = PATCH "/reverse/floatingips/{region}:{floatingip_id}" request(SetOpts) response(FloatingIpPtr);
    /// Unset a floating IP's PTR record (`202`; Designate answers `null`).
    UNSET = PATCH "/reverse/floatingips/{region}:{floatingip_id}" request(SetOpts);
    /// Show a floating IP's PTR record.
    GET = GET "/reverse/floatingips/{region}:{floatingip_id}" response(FloatingIpPtr);
    /// List the PTR records of the project's floating IPs.
    LIST = GET "/reverse/floatingips" list("floatingips", FloatingIpPtr);
}

/// The PTR record of a floating IP.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct FloatingIpPtr {
    /// The floating IP, as `<region>:<floating IP ID>`.
    pub id: String,
    /// The name the address resolves to (`None` once unset).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub ptrdname: Option<String>,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The TTL.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub ttl: Option<u32>,
    /// The floating IP's address.
    pub address: String,
    /// Where it stands.
    pub status: Status,
    /// The change under way.
    pub action: Action,
    /// Its own URL.
    pub links: Links,
}

crate::operation::extract_fn! {
    /// The PTR records of a page of [`list`].
    extract_floatingip_ptrs, FloatingIpPtr
}

/// What [`set`] sends (and [`unset`]: a `null` name).
///
/// ```
/// use ferrocloud::openstack::dns::v2::reverse_floatingips::SetOpts;
/// let opts = SetOpts::new("smtp.example.com.").description("mail").ttl(600);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "ptrdname": "smtp.example.com.", "description": "mail", "ttl": 600}));
/// assert_eq!(serde_json::to_value(SetOpts::default()).unwrap(), serde_json::json!({"ptrdname": null}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetOpts {
    /// The name the address resolves to; `None` removes the PTR record.
    pub ptrdname: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The TTL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u32>,
}

impl SetOpts {
    /// A PTR record naming `ptrdname`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::reverse_floatingips::SetOpts::new("a.example.com.");
    /// assert_eq!(o.ptrdname.as_deref(), Some("a.example.com."));
    /// ```
    pub fn new(ptrdname: impl Into<String>) -> Self {
        SetOpts {
            ptrdname: Some(ptrdname.into()),
            ..Default::default()
        }
    }

    /// Sets the description.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::reverse_floatingips::SetOpts::new("a.").description("d");
    /// assert_eq!(o.description.as_deref(), Some("d"));
    /// ```
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }

    /// Sets the TTL.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::reverse_floatingips::SetOpts::new("a.").ttl(60);
    /// assert_eq!(o.ttl, Some(60));
    /// ```
    pub fn ttl(mut self, ttl: u32) -> Self {
        self.ttl = Some(ttl);
        self
    }
}

impl Validate for SetOpts {
    fn validate(&self) -> Result<()> {
        match &self.ptrdname {
            Some(name) => crate::request::require("ptrdname", !name.trim().is_empty()),
            None => Ok(()),
        }
    }
}

/// Splits a PTR record's ID (`RegionOne:c5742ac0-…`) into its region and floating IP
/// ID.
///
/// ```
/// use ferrocloud::openstack::dns::v2::reverse_floatingips::split_id;
/// assert_eq!(split_id("RegionOne:c5742ac0"), Some(("RegionOne", "c5742ac0")));
/// assert_eq!(split_id("c5742ac0"), None);
/// ```
pub fn split_id(id: &str) -> Option<(&str, &str)> {
    id.split_once(':')
        .filter(|(region, fip)| !region.is_empty() && !fip.is_empty())
}

/// Sets a floating IP's PTR record (`202`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::reverse_floatingips::{self, SetOpts};
/// reverse_floatingips::set(&dns, "RegionOne", "c5742ac0", &SetOpts::new("smtp.example.com.")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn set(
    client: &ServiceClient,
    region: &str,
    floatingip_id: &str,
    opts: &SetOpts,
) -> ApiResult<FloatingIpPtr> {
    client
        .request(&SET, &[region, floatingip_id])
        .body(opts)
        .send()
        .await
}

/// Removes a floating IP's PTR record (`{"ptrdname": null}`; `202`). Designate answers
/// `null`: there is no record to show.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::reverse_floatingips::unset(&dns, "RegionOne", "c5742ac0").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn unset(
    client: &ServiceClient,
    region: &str,
    floatingip_id: &str,
) -> ApiResult<()> {
    client
        .request(&UNSET, &[region, floatingip_id])
        .body(&SetOpts::default())
        .send()
        .await
}

/// Shows a floating IP's PTR record.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let ptr = ferrocloud::openstack::dns::v2::reverse_floatingips::get(&dns, "RegionOne", "c5742ac0").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(
    client: &ServiceClient,
    region: &str,
    floatingip_id: &str,
) -> ApiResult<FloatingIpPtr> {
    client
        .request(&GET, &[region, floatingip_id])
        .send()
        .await
}

/// Lists the PTR records of the project's floating IPs, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::reverse_floatingips;
/// let page = reverse_floatingips::list(&dns).all_pages().await?;
/// let ptrs = reverse_floatingips::extract_floatingip_ptrs(&page)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient) -> Pager<FloatingIpPtr> {
    client
        .request(&LIST, &[])
        .paged(PageStyle::Links("links"))
}
