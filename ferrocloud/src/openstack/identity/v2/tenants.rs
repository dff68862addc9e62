//! Tenants (identity v2.0, legacy clouds): the v2.0 name of projects.
//!
//! Keystone removed the v2.0 API in Queens (13.0.0); these calls are for clouds that
//! still serve it. Listing shows the tenants of the token's user (or, on the admin
//! endpoint, every tenant); the other calls are admin calls.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v2::tenants::{self, CreateOpts};
//! let t = tenants::create(&identity, &CreateOpts::new("web").description("web team")).await.extract()?;
//! let same = tenants::find(&identity, "web").await?;
//! assert_eq!(same.id, t.id);
//! for t in tenants::list(&identity, &Default::default()).all_pages().await?.extract()? {
//!     println!("{} {}", t.id, t.name);
//! }
//! tenants::delete(&identity, &t.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::users::User;
use crate::pagination::{PageStyle, Pager};
use crate::request::{at_least_one_of, require, ApiResult, Validate};
use crate::{Error, ErrorKind, Result, ServiceClient};

crate::operations! {
    service: "identity", undocumented;
    /// List tenants (or, with `?name=`, show one by name).
    LIST = GET "/tenants" list("tenants", Tenant);
    /// Show a tenant by name (`?name=`).
    GET_BY_NAME = GET "/tenants" response("tenant", Tenant);
    /// Show a tenant.
    GET = GET "/tenants/{tenant_id}" response("tenant", Tenant);
    /// Create a tenant.
    CREATE = POST "/tenants" request("tenant", CreateOpts) response("tenant", Tenant);
    /// Update a tenant (v2.0 updates with `POST`).
    UPDATE = POST "/tenants/{tenant_id}" request("tenant", UpdateOpts) response("tenant", Tenant);
    /// Delete a tenant.
    DELETE = DELETE "/tenants/{tenant_id}";
    /// List the users of a tenant.
    LIST_USERS = GET "/tenants/{tenant_id}/users" list("users", User);
}



/// A tenant.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Tenant {
    /// The tenant's ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether it is enabled.
    pub enabled: bool,
    /// Its tags (later v2.0 deployments).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
}

impl crate::find::Named for Tenant {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Paging for listing tenants.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The last tenant of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// A new tenant.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether it is enabled (default: true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl CreateOpts {
    /// A tenant named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }

    /// Sets the description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())
    }
}

/// Changes to a tenant; unset fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Enable or disable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        at_least_one_of(&[
            ("name", self.name.is_some()),
            ("description", self.description.is_some()),
            ("enabled", self.enabled.is_some()),
        ])?;
        if self.name.as_deref() == Some("") {
            return Err(Error::invalid_input("name must not be empty"));
        }
        Ok(())
    }
}

/// Lists tenants: those of the token's user, or every tenant on the admin endpoint.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Tenant> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("tenants_links"))
}

crate::operation::extract_fn! {
    /// The tenants of a page.
    extract_tenants, Tenant
}

/// Shows a tenant.
pub async fn get(client: &ServiceClient, tenant_id: &str) -> ApiResult<Tenant> {
    client.request(&GET, &[tenant_id]).send().await
}

/// Shows a tenant by name (admin).
pub async fn get_by_name(client: &ServiceClient, name: &str) -> ApiResult<Tenant> {
    if let Err(e) = require("name", !name.is_empty()) {
        return ApiResult::from_error(e);
    }
    client
        .request(&GET_BY_NAME, &[])
        .query_pair("name", name)
        .send()
        .await
}

/// Finds a tenant by ID or by name (admin).
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Tenant> {
    if name_or_id.is_empty() {
        return Err(Error::invalid_input("tenant name or ID must not be empty"));
    }
    match get(client, name_or_id).await.extract() {
        Ok(t) => return Ok(t),
        Err(e) if e.is_not_found() => {}
        Err(e) => return Err(e),
    }
    get_by_name(client, name_or_id)
        .await
        .extract()
        .map_err(|e| {
            if e.is_not_found() {
                Error::new(
                    ErrorKind::NotFound,
                    format!("no tenant with ID or name {name_or_id:?}"),
                )
            } else {
                e
            }
        })
}

/// Creates a tenant (admin).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Tenant> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Updates a tenant (admin).
pub async fn update(
    client: &ServiceClient,
    tenant_id: &str,
    opts: &UpdateOpts,
) -> ApiResult<Tenant> {
    client
        .request(&UPDATE, &[tenant_id])
        .body(opts)
        .send()
        .await
}

/// Deletes a tenant (admin).
pub async fn delete(client: &ServiceClient, tenant_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[tenant_id]).send().await
}

/// Lists the users with a role on a tenant (admin).
pub fn list_users(client: &ServiceClient, tenant_id: &str) -> Pager<User> {
    client
        .request(&LIST_USERS, &[tenant_id])
        .paged(PageStyle::Links("users_links"))
}
