//! Zone shares (API 2.1): the owner of a zone lets other projects create recordsets in
//! it. The zone stays the owner's; a shared zone cannot be deleted until its shares are
//! (or with [`crate::openstack::dns::v2::zones::DeleteOpts::delete_shares`]).
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::zone_shares;
//! let share = zone_shares::create(&dns, "a3365b47", "232e37df46af42089710e2ae39111c2f").await.extract()?;
//! zone_shares::delete(&dns, "a3365b47", &share.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::Links;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "dns";
    /// Share a zone with a project (`201`).
    CREATE = POST "/zones/{zone_id}/shares" request(CreateOpts) response(ZoneShare);
    /// List a zone's shares.
    LIST = GET "/zones/{zone_id}/shares" list("shared_zones", ZoneShare);
    /// Show a zone share.
    GET = GET "/zones/{zone_id}/shares/{zone_share_id}" response(ZoneShare);
    /// Stop sharing a zone with a project (`204`).
    DELETE = DELETE "/zones/{zone_id}/shares/{zone_share_id}";
}

/// A share of a zone with a project.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ZoneShare {
    /// The ID.
    pub id: String,
    /// The zone shared.
    pub zone_id: String,
    /// The zone's owner.
    pub project_id: String,
    /// The project it is shared with.
    pub target_project_id: String,
    /// When it was made.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its own URL (`self`) and the zone's (`zone`).
    pub links: Links,
}

crate::operation::extract_fn! {
    /// The zone shares of a page of [`list`].
    extract_zone_shares, ZoneShare
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::dns::v2::zone_shares::CreateOpts;
/// let opts = CreateOpts { target_project_id: "232e37df".into() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"target_project_id": "232e37df"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The project to share with.
    pub target_project_id: String,
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("target_project_id", !self.target_project_id.is_empty())
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::dns::v2::zone_shares::ListOpts;
/// let opts = ListOpts { target_project_id: Some("232e37df".into()) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "target_project_id=232e37df");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Shares with this project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_project_id: Option<String>,
}

/// Shares a zone with `target_project_id` (`201`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let s = ferrocloud::openstack::dns::v2::zone_shares::create(&dns, "a3365b47", "232e37df").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(
    client: &ServiceClient,
    zone_id: &str,
    target_project_id: &str,
) -> ApiResult<ZoneShare> {
    let opts = CreateOpts {
        target_project_id: target_project_id.to_string(),
    };
    client.request(&CREATE, &[zone_id]).body(&opts).send().await
}

/// Lists a zone's shares, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::zone_shares;
/// let page = zone_shares::list(&dns, "a3365b47", &Default::default()).all_pages().await?;
/// let shares = zone_shares::extract_zone_shares(&page)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, zone_id: &str, opts: &ListOpts) -> Pager<ZoneShare> {
    client
        .request(&LIST, &[zone_id])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

/// Shows a zone share.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let s = ferrocloud::openstack::dns::v2::zone_shares::get(&dns, "a3365b47", "fd40b017").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, zone_id: &str, share_id: &str) -> ApiResult<ZoneShare> {
    client.request(&GET, &[zone_id, share_id]).send().await
}

/// Stops sharing a zone (`204`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::zone_shares::delete(&dns, "a3365b47", "fd40b017").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, zone_id: &str, share_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[zone_id, share_id]).send().await
}
