//! Users (identity v2.0, legacy clouds): admin user management, and a user's roles on a
//! tenant.
//!
//! Keystone removed the v2.0 API in Queens (13.0.0); these calls are for clouds that
//! still serve it.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v2::users::{self, CreateOpts};
//! let mut opts = CreateOpts::new("alice");
//! opts.password = Some("s3cret".to_string().into());
//! opts.tenant_id = Some("1ca8e0".into());
//! let u = users::create(&identity, &opts).await.extract()?;
//! for r in users::list_roles_on_tenant(&identity, "1ca8e0", &u.id).all_pages().await?.extract()? {
//!     println!("{}", r.name);
//! }
//! users::delete(&identity, &u.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::roles::Role;
use super::tokens::secret;
use crate::pagination::{PageStyle, Pager};
use crate::request::{at_least_one_of, require, ApiResult, Validate};
use crate::{Error, ErrorKind, Result, SecretString, ServiceClient};

crate::operations! {
    service: "identity", undocumented;
    /// List users (or, with `?name=`, show one by name).
    LIST = GET "/users" list("users", User);
    /// Show a user by name (`?name=`).
    GET_BY_NAME = GET "/users" response("user", User);
    /// Show a user.
    GET = GET "/users/{user_id}" response("user", User);
    /// Create a user.
    CREATE = POST "/users" request("user", CreateOpts) response("user", User);
    /// Update a user.
    UPDATE = PUT "/users/{user_id}" request("user", UpdateOpts) response("user", User);
    /// Delete a user.
    DELETE = DELETE "/users/{user_id}";
    /// List a user's roles on a tenant.
    LIST_ROLES_ON_TENANT = GET "/tenants/{tenant_id}/users/{user_id}/roles" list("roles", Role);
}



/// A user.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// The user's ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its name again (`username`).
    #[serde(default)]
    pub username: Option<String>,
    /// Its email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Whether it is enabled.
    pub enabled: bool,
    /// Its default tenant.
    #[serde(default, rename = "tenantId")]
    pub tenant_id: Option<String>,
}

impl crate::find::Named for User {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// A new user. `Debug` does not show the password.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// The password.
    #[serde(
        default,
        with = "secret::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub password: Option<SecretString>,
    /// The email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Whether it is enabled (default: true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Its default tenant.
    #[serde(default, rename = "tenantId", skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A user named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())
    }
}

/// Changes to a user; unset fields are left as they are. `Debug` does not show the
/// password.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Enable or disable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// A new default tenant.
    #[serde(default, rename = "tenantId", skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// A new password.
    #[serde(
        default,
        with = "secret::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub password: Option<SecretString>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        at_least_one_of(&[
            ("name", self.name.is_some()),
            ("email", self.email.is_some()),
            ("enabled", self.enabled.is_some()),
            ("tenantId", self.tenant_id.is_some()),
            ("password", self.password.is_some()),
        ])?;
        if self.name.as_deref() == Some("") {
            return Err(Error::invalid_input("name must not be empty"));
        }
        Ok(())
    }
}

/// Lists users (admin).
pub fn list(client: &ServiceClient) -> Pager<User> {
    client
        .request(&LIST, &[])
        .paged(PageStyle::Links("users_links"))
}

crate::operation::extract_fn! {
    /// The users of a page.
    extract_users, User
}

/// Shows a user (admin).
pub async fn get(client: &ServiceClient, user_id: &str) -> ApiResult<User> {
    client.request(&GET, &[user_id]).send().await
}

/// Shows a user by name (admin).
pub async fn get_by_name(client: &ServiceClient, name: &str) -> ApiResult<User> {
    if let Err(e) = require("name", !name.is_empty()) {
        return ApiResult::from_error(e);
    }
    client
        .request(&GET_BY_NAME, &[])
        .query_pair("name", name)
        .send()
        .await
}

/// Finds a user by ID or by name (admin).
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<User> {
    if name_or_id.is_empty() {
        return Err(Error::invalid_input("user name or ID must not be empty"));
    }
    match get(client, name_or_id).await.extract() {
        Ok(u) => return Ok(u),
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
                    format!("no user with ID or name {name_or_id:?}"),
                )
            } else {
                e
            }
        })
}

/// Creates a user (admin).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<User> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Updates a user (admin).
pub async fn update(client: &ServiceClient, user_id: &str, opts: &UpdateOpts) -> ApiResult<User> {
    client.request(&UPDATE, &[user_id]).body(opts).send().await
}

/// Deletes a user (admin).
pub async fn delete(client: &ServiceClient, user_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[user_id]).send().await
}

/// Lists a user's roles on a tenant (admin).
pub fn list_roles_on_tenant(client: &ServiceClient, tenant_id: &str, user_id: &str) -> Pager<Role> {
    client
        .request(&LIST_ROLES_ON_TENANT, &[tenant_id, user_id])
        .paged(PageStyle::Links("roles_links"))
}

crate::operation::extract_fn! {
    /// The roles of a page.
    extract_roles, Role
}
