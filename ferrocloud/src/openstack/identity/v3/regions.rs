//! Regions: the places endpoints are grouped by, possibly nested.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::regions::{self, CreateOpts, UpdateOpts};
//! let r = regions::create(&identity, &CreateOpts::new("EU-West").parent_region_id("EU")).await.extract()?;
//! regions::update(&identity, &r.id, &UpdateOpts { description: Some("Dublin".into()), ..Default::default() }).await.ok()?;
//! regions::delete(&identity, &r.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::Links;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List regions.
    LIST = GET "/regions" list("regions", Region);
    /// Create a region (with a chosen or generated ID).
    CREATE = POST "/regions" request("region", CreateOpts) response("region", Region);
    /// Show a region.
    GET = GET "/regions/{region_id}" response("region", Region);
    /// Update a region.
    UPDATE = PATCH "/regions/{region_id}" request("region", UpdateOpts) response("region", Region);
    /// Delete a region.
    DELETE = DELETE "/regions/{region_id}";
}

/// A region.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Region {
    /// The region's ID (also its name).
    pub id: String,
    /// Its description (empty when it has none).
    pub description: String,
    /// The region it is part of.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub parent_region_id: Option<String>,
    /// Links to it.
    pub links: Links,
}

/// Filters for listing regions.
///
/// ```
/// use ferrocloud::openstack::identity::v3::regions::ListOpts;
/// let o = ListOpts { parent_region_id: Some("EU".into()) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "parent_region_id=EU");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// The subregions of this region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_region_id: Option<String>,
}

/// A new region. Every field is optional: without an `id`, Keystone generates one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The ID (its name, e.g. `RegionTwo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The region it is part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_region_id: Option<String>,
}

impl CreateOpts {
    /// A region with ID `id`.
    pub fn new(id: impl Into<String>) -> Self {
        CreateOpts {
            id: Some(id.into()),
            ..Default::default()
        }
    }

    /// Sets the description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }

    /// Sets the parent region.
    pub fn parent_region_id(mut self, p: impl Into<String>) -> Self {
        self.parent_region_id = Some(p.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.parent_region_id.is_some() && self.parent_region_id == self.id {
            return Err(Error::invalid_input(
                "parent_region_id must not be the region's own id",
            ));
        }
        Ok(())
    }
}

/// Changes to a region; unset fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A new parent region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_region_id: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.description.is_none() && self.parent_region_id.is_none() {
            return Err(Error::invalid_input(
                "at least one of description, parent_region_id must be set",
            ));
        }
        Ok(())
    }
}

/// Lists regions.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Region> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The regions of a page.
    extract_regions, Region
}

/// Creates a region. A region ID that is taken is a conflict (409).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Region> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a region.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Region> {
    client.request(&GET, &[id]).send().await
}

/// Updates a region.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Region> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a region. Keystone refuses to delete a region that has subregions or
/// endpoints.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
