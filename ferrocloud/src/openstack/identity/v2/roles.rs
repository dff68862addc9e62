//! Roles (identity v2.0 OS-KSADM, legacy clouds): the role catalog, and granting roles
//! to users on tenants.
//!
//! Keystone removed the v2.0 API in Queens (13.0.0); these calls are for clouds that
//! still serve it. They are admin calls.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v2::roles::{self, CreateOpts};
//! let r = roles::create(&identity, &CreateOpts::new("auditor")).await.extract()?;
//! roles::grant(&identity, "tenant-id", "user-id", &r.id).await.ok()?;
//! roles::revoke(&identity, "tenant-id", "user-id", &r.id).await.ok()?;
//! roles::delete(&identity, &roles::find(&identity, "auditor").await?.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "identity", undocumented;
    /// List roles.
    LIST = GET "/OS-KSADM/roles" list("roles", Role);
    /// Create a role.
    CREATE = POST "/OS-KSADM/roles" request("role", CreateOpts) response("role", Role);
    /// Show a role.
    GET = GET "/OS-KSADM/roles/{role_id}" response("role", Role);
    /// Delete a role.
    DELETE = DELETE "/OS-KSADM/roles/{role_id}";
    /// Grant a role to a user on a tenant.
    GRANT = PUT "/tenants/{tenant_id}/users/{user_id}/roles/OS-KSADM/{role_id}" response("role", Role);
    /// Revoke a role from a user on a tenant.
    REVOKE = DELETE "/tenants/{tenant_id}/users/{user_id}/roles/OS-KSADM/{role_id}";
}



/// A role.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Role {
    /// The role's ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
}

impl crate::find::Named for Role {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// A new role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// A role named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            description: None,
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())
    }
}

/// Lists roles.
pub fn list(client: &ServiceClient) -> Pager<Role> {
    client
        .request(&LIST, &[])
        .paged(PageStyle::Links("roles_links"))
}

crate::operation::extract_fn! {
    /// The roles of a page.
    extract_roles, Role
}

/// Creates a role.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Role> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a role.
pub async fn get(client: &ServiceClient, role_id: &str) -> ApiResult<Role> {
    client.request(&GET, &[role_id]).send().await
}

/// Finds a role by ID or by exact name.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Role> {
    crate::find::find("role", name_or_id, get(client, name_or_id), list(client)).await
}

/// Deletes a role.
pub async fn delete(client: &ServiceClient, role_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[role_id]).send().await
}

/// Grants a role to a user on a tenant.
pub async fn grant(
    client: &ServiceClient,
    tenant_id: &str,
    user_id: &str,
    role_id: &str,
) -> ApiResult<Role> {
    client
        .request(&GRANT, &[tenant_id, user_id, role_id])
        .send()
        .await
}

/// Revokes a role from a user on a tenant.
pub async fn revoke(
    client: &ServiceClient,
    tenant_id: &str,
    user_id: &str,
    role_id: &str,
) -> ApiResult<()> {
    client
        .request(&REVOKE, &[tenant_id, user_id, role_id])
        .send()
        .await
}
