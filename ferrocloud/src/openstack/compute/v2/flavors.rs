//! Flavors: the sizes a server can be booted with. Creating, describing and deleting
//! flavors is for administrators (`flavor-manage`).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::flavors::{self, CreateOpts, UpdateOpts};
//! let small = flavors::get(&compute, "2").await.extract()?;
//! println!("{}: {} vCPU, {} MiB", small.name, small.vcpus, small.ram);
//! let all = flavors::extract_flavors(&flavors::list(&compute, &Default::default()).all_pages().await?)?;
//!
//! let mut opts = CreateOpts::new("m1.custom", 2048, 2, 20);
//! opts.is_public = Some(false);
//! let flavor = flavors::create(&compute, &opts).await.extract()?;
//! // The description can be changed from microversion 2.55 on.
//! let compute = compute.with_microversion("2.55");
//! flavors::update(&compute, &flavor.id, &UpdateOpts::description("for the web tier")).await.extract()?;
//! flavors::delete(&compute, &flavor.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::de::Link;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// Show flavor details.
    GET = GET "/flavors/{flavor_id}" response("flavor", Flavor);
    /// List flavors (IDs, names and links).
    LIST = GET "/flavors" list("flavors", FlavorRef);
    /// List flavors with details.
    LIST_DETAIL = GET "/flavors/detail" list("flavors", Flavor);
    /// Create a flavor (admin).
    CREATE = POST "/flavors" request("flavor", CreateOpts) response("flavor", Flavor);
    /// Update a flavor's description (2.55+, admin).
    UPDATE = PUT "/flavors/{flavor_id}" since("2.55") request("flavor", UpdateOpts) response("flavor", Flavor);
    /// Delete a flavor (admin).
    DELETE = DELETE "/flavors/{flavor_id}";
}

/// A flavor.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Flavor {
    /// The flavor's ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// vCPUs.
    pub vcpus: u32,
    /// RAM in MiB.
    pub ram: u64,
    /// Root disk in GiB.
    pub disk: u64,
    /// Swap in MiB (Nova writes `""` for none before 2.75).
    #[serde(deserialize_with = "crate::de::int_or_empty")]
    pub swap: u64,
    /// Ephemeral disk in GiB.
    #[serde(rename = "OS-FLV-EXT-DATA:ephemeral")]
    pub ephemeral: u64,
    /// Whether the flavor is disabled.
    #[serde(default, rename = "OS-FLV-DISABLED:disabled")]
    pub disabled: Option<bool>,
    /// Whether every project may use it.
    #[serde(rename = "os-flavor-access:is_public")]
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
    pub links: Vec<Link>,
}

/// A flavor as `GET /flavors` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FlavorRef {
    /// The flavor's ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The description (2.55+).
    #[serde(default)]
    pub description: Option<String>,
    /// Links to it.
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
    /// Only flavors with this exact name (2.102+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl ListOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        super::versions::check_field(client, "name", self.name.is_some(), Some("2.102"), None)
    }
}

/// A new flavor. `name`, `ram`, `vcpus` and `disk` are required; Nova generates an ID
/// (a UUID) when `id` is not given.
///
/// ```
/// use ferrocloud::openstack::compute::v2::flavors::CreateOpts;
/// let mut opts = CreateOpts::new("test_flavor", 1024, 2, 10);
/// opts.id = Some("10".into());
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "test_flavor", "ram": 1024, "vcpus": 2, "disk": 10, "id": "10"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// The ID; generated when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// RAM in MiB (at least 1).
    pub ram: u64,
    /// vCPUs (at least 1).
    pub vcpus: u32,
    /// Root disk in GiB (0: the image's size).
    pub disk: u64,
    /// Ephemeral disk in GiB.
    #[serde(
        default,
        rename = "OS-FLV-EXT-DATA:ephemeral",
        skip_serializing_if = "Option::is_none"
    )]
    pub ephemeral: Option<u64>,
    /// Swap in MiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub swap: Option<u64>,
    /// The RX/TX factor (before 2.102).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rxtx_factor: Option<f64>,
    /// Whether every project may use it (default: true). A private flavor is shared
    /// with projects through [`flavor_access`](crate::openstack::compute::v2::flavor_access).
    #[serde(
        default,
        rename = "os-flavor-access:is_public",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_public: Option<bool>,
    /// A description (2.55+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// A flavor named `name` with `ram` MiB, `vcpus` vCPUs and a `disk` GiB root disk.
    pub fn new(name: impl Into<String>, ram: u64, vcpus: u32, disk: u64) -> Self {
        CreateOpts {
            name: name.into(),
            ram,
            vcpus,
            disk,
            ..Default::default()
        }
    }

    fn check(&self, client: &ServiceClient) -> Result<()> {
        use super::versions::check_field;
        check_field(
            client,
            "description",
            self.description.is_some(),
            Some("2.55"),
            None,
        )?;
        check_field(
            client,
            "rxtx_factor",
            self.rxtx_factor.is_some(),
            None,
            Some("2.101"),
        )
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.trim().is_empty())?;
        if self.name.len() > 255 {
            return Err(Error::invalid_input("name must be at most 255 characters"));
        }
        if self.id.as_deref().is_some_and(|id| id.trim().is_empty()) {
            return Err(Error::invalid_input(
                "id must not be empty (leave it unset to have one generated)",
            ));
        }
        if self.ram == 0 {
            return Err(Error::invalid_input("ram must be at least 1 MiB"));
        }
        if self.vcpus == 0 {
            return Err(Error::invalid_input("vcpus must be at least 1"));
        }
        if self.rxtx_factor.is_some_and(|f| f.is_nan() || f <= 0.0) {
            return Err(Error::invalid_input("rxtx_factor must be greater than 0"));
        }
        Ok(())
    }
}

/// A flavor's new description (the only thing that can change, from microversion
/// 2.55 on). `None` clears it: the field is always sent, as Nova requires.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The description; `None` removes it.
    #[serde(default)]
    pub description: Option<String>,
}

impl UpdateOpts {
    /// Sets the description to `d`.
    pub fn description(d: impl Into<String>) -> Self {
        UpdateOpts {
            description: Some(d.into()),
        }
    }
}

impl Validate for UpdateOpts {}

/// Shows one flavor.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Flavor> {
    client.request(&GET, &[id]).send().await
}

/// Lists flavors with details (`GET /flavors/detail`).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Flavor> {
    let req = client.request(&LIST_DETAIL, &[]).query(opts);
    let req = match opts.check(client) {
        Ok(()) => req,
        Err(e) => req.fail_with(e),
    };
    req.paged(PageStyle::Links("flavors_links"))
}

/// Lists flavors with IDs, names and links only (`GET /flavors`).
pub fn list_simple(client: &ServiceClient, opts: &ListOpts) -> Pager<FlavorRef> {
    let req = client.request(&LIST, &[]).query(opts);
    let req = match opts.check(client) {
        Ok(()) => req,
        Err(e) => req.fail_with(e),
    };
    req.paged(PageStyle::Links("flavors_links"))
}

/// Creates a flavor (admin). `description` needs microversion 2.55 and `rxtx_factor`
/// is refused from 2.102 on, before anything is sent.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Flavor> {
    if let Err(e) = opts.check(client) {
        return ApiResult::from_error(e);
    }
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Changes a flavor's description (microversion 2.55+, admin).
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Flavor> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a flavor (admin). Servers already booted with it keep their sizes.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

crate::operation::extract_fn! {
    /// The flavors of a page (or of all pages).
    extract_flavors, Flavor
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
    crate::find::find(
        "flavor",
        name_or_id,
        get(client, name_or_id),
        list(client, &ListOpts::default()),
    )
    .await
}
