//! Registered limits (unified limits): the default limit of a resource of a service,
//! for every project that has no limit of its own ([`limits`]).
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient, compute_service_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::registered_limits::{self, CreateOpts};
//! let created = registered_limits::create(&identity, &[
//!     CreateOpts::new(compute_service_id, "cores", 20).region_id("RegionOne"),
//! ]).await.extract()?;
//! registered_limits::delete(&identity, &created[0].id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::Links;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List registered limits.
    LIST = GET "/registered_limits" list("registered_limits", RegisteredLimit);
    /// Create registered limits (several at once).
    CREATE = POST "/registered_limits" request("registered_limits", Vec<CreateOpts>) list("registered_limits", RegisteredLimit);
    /// Show a registered limit.
    GET = GET "/registered_limits/{registered_limit_id}" response("registered_limit", RegisteredLimit);
    /// Update a registered limit.
    UPDATE = PATCH "/registered_limits/{registered_limit_id}" request("registered_limit", UpdateOpts) response("registered_limit", RegisteredLimit);
    /// Delete a registered limit.
    DELETE = DELETE "/registered_limits/{registered_limit_id}";
}

/// A registered limit: the default limit of one resource of one service (in one region).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RegisteredLimit {
    /// Its ID.
    pub id: String,
    /// The service.
    pub service_id: String,
    /// The region, if it applies to one region only.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub region_id: Option<String>,
    /// The resource (`cores`, `volume`…).
    pub resource_name: String,
    /// The default limit.
    pub default_limit: i64,
    /// Its description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// Links to it.
    pub links: Links,
}

/// A new registered limit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The service (required).
    pub service_id: String,
    /// The region (default: every region).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// The resource (required).
    pub resource_name: String,
    /// The default limit.
    pub default_limit: i64,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// A default limit of `default_limit` for `resource_name` of the service `service_id`.
    pub fn new(
        service_id: impl Into<String>,
        resource_name: impl Into<String>,
        default_limit: i64,
    ) -> Self {
        CreateOpts {
            service_id: service_id.into(),
            resource_name: resource_name.into(),
            default_limit,
            ..Default::default()
        }
    }

    /// Limits it to one region.
    pub fn region_id(mut self, region_id: impl Into<String>) -> Self {
        self.region_id = Some(region_id.into());
        self
    }

    /// Sets the description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }

    fn check(&self, i: usize) -> Result<()> {
        require(
            &format!("registered_limits[{i}].service_id"),
            !self.service_id.is_empty(),
        )?;
        require(
            &format!("registered_limits[{i}].resource_name"),
            !self.resource_name.is_empty(),
        )?;
        if self.default_limit < -1 {
            return Err(Error::invalid_input(format!(
                "registered_limits[{i}].default_limit must be -1 (unlimited) or more"
            )));
        }
        if self.region_id.as_deref() == Some("") {
            return Err(Error::invalid_input(format!(
                "registered_limits[{i}].region_id must not be empty"
            )));
        }
        Ok(())
    }
}

impl Validate for [CreateOpts] {
    fn validate(&self) -> Result<()> {
        if self.is_empty() {
            return Err(Error::invalid_input(
                "registered_limits: give at least one registered limit",
            ));
        }
        self.iter().enumerate().try_for_each(|(i, o)| o.check(i))
    }
}

/// Changes to a registered limit; unset fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    /// A new region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// A new resource name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_name: Option<String>,
    /// A new default limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_limit: Option<i64>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        for (name, v) in [
            ("service_id", &self.service_id),
            ("resource_name", &self.resource_name),
        ] {
            if v.as_deref() == Some("") {
                return Err(Error::invalid_input(format!("{name} must not be empty")));
            }
        }
        if self.default_limit.is_some_and(|l| l < -1) {
            return Err(Error::invalid_input(
                "default_limit must be -1 (unlimited) or more",
            ));
        }
        Ok(())
    }
}

/// Filters for listing registered limits.
///
/// ```
/// use ferrocloud::openstack::identity::v3::registered_limits::ListOpts;
/// let o = ListOpts { resource_name: Some("cores".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "resource_name=cores");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Registered limits of this service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    /// Registered limits of this region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// Registered limits of this resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_name: Option<String>,
}

/// Lists registered limits.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<RegisteredLimit> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The registered limits of a page.
    extract_registered_limits, RegisteredLimit
}

/// Creates registered limits, all or none; the answer lists them.
pub async fn create(
    client: &ServiceClient,
    opts: &[CreateOpts],
) -> ApiResult<Vec<RegisteredLimit>> {
    client
        .request(&CREATE, &[])
        .body(opts)
        .send()
        .await
}

/// Shows a registered limit.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<RegisteredLimit> {
    client.request(&GET, &[id]).send().await
}

/// Updates a registered limit.
pub async fn update(
    client: &ServiceClient,
    id: &str,
    opts: &UpdateOpts,
) -> ApiResult<RegisteredLimit> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a registered limit.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
