//! Trusts (OS-TRUST): a user (the trustor) delegates some of their roles on a project to
//! another user (the trustee), who can then get tokens scoped to the trust.
//!
//! The trustor creates the trust; the trustee authenticates as themselves with
//! [`Scope::Trust`](crate::Scope::Trust) and gets a token carrying the delegated roles
//! (and, with `impersonation`, the trustor's identity).
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::roles::RoleRef;
//! use ferrocloud::openstack::identity::v3::trusts::{self, CreateOpts};
//! let mut opts = CreateOpts::new("trustor-id", "trustee-id");
//! opts.project_id = Some("project-id".into());
//! opts.roles = Some(vec![RoleRef::name("reader")]);
//! let trust = trusts::create(&identity, &opts).await.extract()?;
//! // The trustee:
//! let auth = ferrocloud::AuthOptions::password("https://keystone.example.com/v3", "bob", "pw")
//!     .user_domain_name("Default")
//!     .scope(ferrocloud::Scope::Trust(trust.id.clone()));
//! let as_trustee = ferrocloud::openstack::authenticated_client(auth).await?;
//! trusts::delete(&identity, &trust.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::roles::{Role, RoleRef};
use super::Links;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List trusts.
    LIST = GET "/OS-TRUST/trusts" list("trusts", Trust);
    /// Create a trust.
    CREATE = POST "/OS-TRUST/trusts" request("trust", CreateOpts) response("trust", Trust);
    /// Show a trust.
    GET = GET "/OS-TRUST/trusts/{trust_id}" response("trust", Trust);
    /// Delete a trust.
    DELETE = DELETE "/OS-TRUST/trusts/{trust_id}";
    /// List the roles a trust delegates.
    LIST_ROLES = GET "/OS-TRUST/trusts/{trust_id}/roles" list("roles", Role);
    /// Check that a trust delegates a role.
    CHECK_ROLE = HEAD "/OS-TRUST/trusts/{trust_id}/roles/{role_id}";
    /// Show a role a trust delegates.
    GET_ROLE = GET "/OS-TRUST/trusts/{trust_id}/roles/{role_id}" response("role", Role);
}

/// A trust.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Trust {
    /// Its ID.
    pub id: String,
    /// The user who delegates.
    pub trustor_user_id: String,
    /// The user who receives the delegation.
    pub trustee_user_id: String,
    /// The project the roles are delegated on.
    #[serde(default)]
    pub project_id: Option<String>,
    /// Whether tokens of the trust show the trustor as their user.
    pub impersonation: bool,
    /// Whether the trustee may delegate further.
    #[serde(default)]
    pub allow_redelegation: Option<bool>,
    /// How many times it may still be redelegated.
    #[serde(default)]
    pub redelegation_count: Option<u32>,
    /// The trust this one was redelegated from.
    #[serde(default)]
    pub redelegated_trust_id: Option<String>,
    /// How many more tokens it may issue (`None`: unlimited).
    #[serde(default)]
    pub remaining_uses: Option<u32>,
    /// When it expires (`None`: never).
    #[serde(default, with = "crate::dates::option")]
    pub expires_at: Option<Timestamp>,
    /// When it was deleted.
    #[serde(default, with = "crate::dates::option")]
    pub deleted_at: Option<Timestamp>,
    /// The delegated roles (not in listings).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub roles: Vec<Role>,
    /// Links to the delegated roles.
    #[serde(default)]
    pub roles_links: Option<Links>,
    /// Links to it.
    pub links: Links,
}

/// A new trust.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The user who delegates: the token's user (required).
    pub trustor_user_id: String,
    /// The user who receives the delegation (required).
    pub trustee_user_id: String,
    /// Whether tokens of the trust show the trustor as their user (always sent).
    pub impersonation: bool,
    /// The project whose roles are delegated (none: no roles, no project scope).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The delegated roles, a subset of the trustor's roles on the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<RoleRef>>,
    /// When it expires (default: never).
    #[serde(
        default,
        with = "crate::dates::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_at: Option<Timestamp>,
    /// Whether the trustee may delegate further.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_redelegation: Option<bool>,
    /// How many times it may be redelegated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redelegation_count: Option<u32>,
    /// How many tokens it may issue (default: unlimited).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining_uses: Option<u32>,
}

impl CreateOpts {
    /// A trust from `trustor_user_id` to `trustee_user_id`, without impersonation.
    pub fn new(trustor_user_id: impl Into<String>, trustee_user_id: impl Into<String>) -> Self {
        CreateOpts {
            trustor_user_id: trustor_user_id.into(),
            trustee_user_id: trustee_user_id.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("trustor_user_id", !self.trustor_user_id.is_empty())?;
        require("trustee_user_id", !self.trustee_user_id.is_empty())?;
        if self.project_id.as_deref() == Some("") {
            return Err(crate::Error::invalid_input("project_id must not be empty"));
        }
        if self.remaining_uses == Some(0) {
            return Err(crate::Error::invalid_input(
                "remaining_uses must be at least 1 (leave it unset for unlimited)",
            ));
        }
        for (i, r) in self.roles.iter().flatten().enumerate() {
            r.check(&format!("roles[{i}]"))?;
        }
        Ok(())
    }
}

/// Filters for listing trusts.
///
/// ```
/// use ferrocloud::openstack::identity::v3::trusts::ListOpts;
/// let o = ListOpts { trustee_user_id: Some("u1".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "trustee_user_id=u1");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Trusts from this user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trustor_user_id: Option<String>,
    /// Trusts to this user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trustee_user_id: Option<String>,
}

/// Lists trusts.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Trust> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The trusts of a page.
    extract_trusts, Trust
}

/// Creates a trust (as the trustor).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Trust> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a trust.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Trust> {
    client.request(&GET, &[id]).send().await
}

/// Deletes a trust.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Lists the roles a trust delegates.
pub fn list_roles(client: &ServiceClient, id: &str) -> Pager<Role> {
    client
        .request(&LIST_ROLES, &[id])
        .paged(PageStyle::Links("links"))
}

/// Whether a trust delegates the role `role_id`: `Ok(false)` when Keystone answers 404.
pub async fn has_role(client: &ServiceClient, id: &str, role_id: &str) -> Result<bool> {
    client
        .request(&CHECK_ROLE, &[id, role_id])
        .send()
        .await
        .exists()
}

/// Shows a role a trust delegates.
pub async fn get_role(client: &ServiceClient, id: &str, role_id: &str) -> ApiResult<Role> {
    client.request(&GET_ROLE, &[id, role_id]).send().await
}
