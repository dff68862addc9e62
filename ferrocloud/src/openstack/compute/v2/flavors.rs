//! Flavors: the sizes a server can be booted with.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::flavors;
//! let small = flavors::get(&compute, "2").await.extract()?;
//! println!("{}: {} vCPU, {} MiB", small.name, small.vcpus, small.ram);
//! let all = flavors::extract_flavors(&flavors::list(&compute, &Default::default()).all_pages().await?)?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::de::Link;
use crate::pagination::{Page, PageStyle, Pager};
use crate::request::ApiResult;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// Show flavor details.
    GET = GET "/flavors/{flavor_id}" response("flavor", Flavor);
    /// List flavors (IDs, names and links).
    LIST = GET "/flavors" list("flavors", FlavorRef);
    /// List flavors with details.
    LIST_DETAIL = GET "/flavors/detail" list("flavors", Flavor);
}

/// A flavor.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Flavor {
    /// The flavor's ID.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// vCPUs.
    #[serde(default)]
    pub vcpus: u32,
    /// RAM in MiB.
    #[serde(default)]
    pub ram: u64,
    /// Root disk in GiB.
    #[serde(default)]
    pub disk: u64,
    /// Swap in MiB (Nova writes `""` for none before 2.75).
    #[serde(default, deserialize_with = "crate::de::int_or_empty")]
    pub swap: u64,
    /// Ephemeral disk in GiB.
    #[serde(default, rename = "OS-FLV-EXT-DATA:ephemeral")]
    pub ephemeral: u64,
    /// Whether the flavor is disabled.
    #[serde(default, rename = "OS-FLV-DISABLED:disabled")]
    pub disabled: Option<bool>,
    /// Whether every project may use it.
    #[serde(default = "yes", rename = "os-flavor-access:is_public")]
    pub is_public: bool,
    /// The RX/TX factor (before 2.102).
    #[serde(default)]
    pub rxtx_factor: Option<f64>,
    /// The description (2.55+).
    #[serde(default)]
    pub description: Option<String>,
    /// Extra specs (2.61+).
    #[serde(default)]
    pub extra_specs: Option<BTreeMap<String, String>>,
    /// Links to the flavor.
    #[serde(default)]
    pub links: Vec<Link>,
}

fn yes() -> bool {
    true
}

/// A flavor as `GET /flavors` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FlavorRef {
    /// The flavor's ID.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// The description (2.55+).
    #[serde(default)]
    pub description: Option<String>,
    /// Links to it.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// Which flavors to list by access (`is_public`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AccessType {
    /// Public flavors only (the default).
    True,
    /// Private flavors only (admin).
    False,
    /// Both (admin).
    None,
}

/// Filters and paging for listing flavors.
///
/// ```
/// use ferrocloud::openstack::compute::v2::flavors::{AccessType, ListOpts};
/// let opts = ListOpts { min_ram: Some(1024), access_type: Some(AccessType::None), ..Default::default() };
/// let q = ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap());
/// assert_eq!(q, "minRam=1024&is_public=none");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Only flavors changed since this time.
    #[serde(rename = "changes-since", skip_serializing_if = "Option::is_none")]
    pub changes_since: Option<String>,
    /// Minimum root disk in GiB.
    #[serde(rename = "minDisk", skip_serializing_if = "Option::is_none")]
    pub min_disk: Option<u64>,
    /// Minimum RAM in MiB.
    #[serde(rename = "minRam", skip_serializing_if = "Option::is_none")]
    pub min_ram: Option<u64>,
    /// Public, private or both.
    #[serde(rename = "is_public", skip_serializing_if = "Option::is_none")]
    pub access_type: Option<AccessType>,
    /// Sort key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<String>,
    /// Sort direction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<String>,
    /// The ID of the last flavor of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// Shows one flavor.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Flavor> {
    client.request(&GET, &[id]).send().await
}

/// Lists flavors with details (`GET /flavors/detail`).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Flavor> {
    client
        .request(&LIST_DETAIL, &[])
        .query(opts)
        .paged(PageStyle::Links("flavors_links"))
}

/// Lists flavors with IDs, names and links only (`GET /flavors`).
pub fn list_simple(client: &ServiceClient, opts: &ListOpts) -> Pager<FlavorRef> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("flavors_links"))
}

/// The flavors of a page (or of all pages).
pub fn extract_flavors(page: &Page<Flavor>) -> Result<Vec<Flavor>> {
    page.extract()
}

impl crate::find::Named for Flavor {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Finds a flavor by ID or by exact name.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Flavor> {
    crate::find::find("flavor", name_or_id, get(client, name_or_id), list(client, &ListOpts::default())).await
}
