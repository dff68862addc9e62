//! Users, their passwords, groups and projects.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::users::{self, ChangePasswordOpts, CreateOpts};
//! let mut opts = CreateOpts::new("alice").domain_id("default");
//! opts.password = Some("first-pass".into());
//! let alice = users::create(&identity, &opts).await.extract()?;
//! users::change_password(&identity, &alice.id, &ChangePasswordOpts::new("first-pass", "second-pass")).await.ok()?;
//! let found = users::find(&identity, "alice").await?;
//! let groups = ferrocloud::pagination::collect(users::list_groups(&identity, &alice.id)).await?;
//! users::delete(&identity, &alice.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::groups::Group;
use super::projects::Project;
use super::Links;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, ExposeSecret, Result, SecretString, ServiceClient};

crate::operations! {
    service: "identity";
    /// List users.
    LIST = GET "/users" list("users", User);
    /// Create a user.
    CREATE = POST "/users" request("user", CreateOpts) response("user", User);
    /// Show a user.
    GET = GET "/users/{user_id}" response("user", User);
    /// Update a user.
    UPDATE = PATCH "/users/{user_id}" request("user", UpdateOpts) response("user", User);
    /// Delete a user.
    DELETE = DELETE "/users/{user_id}";
    /// List the groups a user belongs to.
    LIST_GROUPS = GET "/users/{user_id}/groups" list("groups", Group);
    /// List the projects a user has a role on.
    LIST_PROJECTS = GET "/users/{user_id}/projects" list("projects", Project);
    /// Change a user's own password (needs the current one).
    CHANGE_PASSWORD = POST "/users/{user_id}/password" request("user", ChangePasswordOpts);
}

/// A user.
///
/// Keystone keeps attributes it does not know (e.g. `email`) and returns them as they
/// were given: they are in [`extra`](User::extra).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// The user's ID.
    pub id: String,
    /// Its name, unique within its domain.
    pub name: String,
    /// The domain it belongs to.
    pub domain_id: String,
    /// Whether it is enabled: a disabled user cannot authenticate (`true` when the
    /// service omits it, as Keystone's LDAP backend does when it ignores the attribute).
    #[serde(default = "crate::de::yes")]
    pub enabled: bool,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// The project it is scoped to when it authenticates without a scope.
    #[serde(default)]
    pub default_project_id: Option<String>,
    /// When its password expires (`None`: never).
    #[serde(default, with = "crate::dates::option")]
    pub password_expires_at: Option<Timestamp>,
    /// The federated identities linked to it.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub federated: Vec<Federated>,
    /// Resource options (`ignore_password_expiry`, `multi_factor_auth_rules`…).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub options: BTreeMap<String, Value>,
    /// Links to it.
    pub links: Links,
    /// Other attributes, as given when it was created or updated.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl crate::find::Named for User {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// A federated identity of a user: an identity provider and its protocols.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Federated {
    /// The identity provider's ID.
    pub idp_id: String,
    /// The protocols, with the user's ID at the provider.
    #[serde(default)]
    pub protocols: Vec<FederatedProtocol>,
}

/// A protocol of a federated identity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FederatedProtocol {
    /// The protocol's ID (`mapped`, `saml2`, `openid`…).
    pub protocol_id: String,
    /// The user's ID at the identity provider.
    pub unique_id: String,
}

/// Filters for listing users.
///
/// ```
/// use ferrocloud::openstack::identity::v3::users::ListOpts;
/// let o = ListOpts { domain_id: Some("default".into()), password_expires_at: Some("lt:2030-01-01T00:00:00Z".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()),
///     "domain_id=default&password_expires_at=lt%3A2030-01-01T00%3A00%3A00Z");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Users of this domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// Enabled (or disabled) users only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Users linked to this identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idp_id: Option<String>,
    /// Users with this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Users whose password expires as said: `{operator}:{timestamp}`, the operator one
    /// of `lt`, `lte`, `gt`, `gte`, `eq`, `neq` (`lt:2016-12-08T22:02:00Z`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_expires_at: Option<String>,
    /// Users linked through this federation protocol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol_id: Option<String>,
    /// Users with this ID at their identity provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<String>,
    /// Page size (where the deployment enables it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The last user of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Sort by this attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<String>,
    /// Sort direction: `asc` or `desc`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<String>,
}

/// A new user. The password is held as a [`SecretString`] and shown as `[REDACTED]` in
/// `Debug` output.
///
/// ```
/// use ferrocloud::openstack::identity::v3::users::CreateOpts;
/// use ferrocloud::ExposeSecret;
/// let o = CreateOpts::new("alice").password("s3cret-pw");
/// assert_eq!(o.password.as_ref().unwrap().expose_secret(), "s3cret-pw");
/// assert_eq!(serde_json::to_value(&o).unwrap()["password"], "s3cret-pw");
/// assert!(!format!("{o:?}").contains("s3cret-pw"));
/// ```
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// The domain (default: the token's domain, or the default domain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// The project to scope to when authenticating without a scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_project_id: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether it is enabled (default: true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Federated identities to link to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub federated: Option<Vec<Federated>>,
    /// Its password.
    #[serde(
        default,
        with = "crate::de::secret::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub password: Option<SecretString>,
    /// Resource options (`ignore_password_expiry`, `multi_factor_auth_enabled`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, Value>>,
    /// Other attributes to keep with the user (e.g. `email`).
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl std::fmt::Debug for CreateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateOpts")
            .field("name", &self.name)
            .field("domain_id", &self.domain_id)
            .field("default_project_id", &self.default_project_id)
            .field("description", &self.description)
            .field("enabled", &self.enabled)
            .field("federated", &self.federated)
            .field("password", &self.password.as_ref().map(|_| "[REDACTED]"))
            .field("options", &self.options)
            .field("extra", &self.extra)
            .finish()
    }
}

impl CreateOpts {
    /// A user named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }

    /// Sets the domain.
    pub fn domain_id(mut self, d: impl Into<String>) -> Self {
        self.domain_id = Some(d.into());
        self
    }

    /// Sets the password.
    pub fn password(mut self, p: impl Into<String>) -> Self {
        self.password = Some(SecretString::from(p.into()));
        self
    }
}

const RESERVED: &[&str] = &[
    "id",
    "name",
    "domain_id",
    "default_project_id",
    "description",
    "enabled",
    "federated",
    "password",
    "options",
    "links",
];

fn check_extra(extra: &BTreeMap<String, Value>) -> Result<()> {
    match extra.keys().find(|k| RESERVED.contains(&k.as_str())) {
        Some(k) => Err(Error::invalid_input(format!(
            "extra.{k}: {k} has its own field"
        ))),
        None => Ok(()),
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())?;
        check_extra(&self.extra)
    }
}

/// Changes to a user; unset fields are left as they are. The password is held as a
/// [`SecretString`] and shown as `[REDACTED]` in `Debug` output.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new default project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_project_id: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Enable or disable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// New federated identities (replacing the old ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub federated: Option<Vec<Federated>>,
    /// A new password, set by an administrator (a user changes its own with
    /// [`change_password`]).
    #[serde(
        default,
        with = "crate::de::secret::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub password: Option<SecretString>,
    /// Resource options to set (`null` removes one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, Value>>,
    /// Other attributes to set.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl std::fmt::Debug for UpdateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpdateOpts")
            .field("name", &self.name)
            .field("default_project_id", &self.default_project_id)
            .field("description", &self.description)
            .field("enabled", &self.enabled)
            .field("federated", &self.federated)
            .field("password", &self.password.as_ref().map(|_| "[REDACTED]"))
            .field("options", &self.options)
            .field("extra", &self.extra)
            .finish()
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.name.as_deref() == Some("") {
            return Err(Error::invalid_input("name must not be empty"));
        }
        check_extra(&self.extra)
    }
}

/// A password change by the user itself: the current password and the new one. Both are
/// held as [`SecretString`]s and shown as `[REDACTED]` in `Debug` output.
///
/// ```
/// use ferrocloud::openstack::identity::v3::users::ChangePasswordOpts;
/// let o = ChangePasswordOpts::new("old-pw", "new-pw");
/// assert!(!format!("{o:?}").contains("pw"));
/// let body = serde_json::to_value(&o).unwrap();
/// assert_eq!(body["original_password"], "old-pw");
/// assert_eq!(body["password"], "new-pw");
/// ```
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct ChangePasswordOpts {
    /// The current password.
    #[serde(with = "crate::de::secret")]
    pub original_password: SecretString,
    /// The new password.
    #[serde(with = "crate::de::secret")]
    pub password: SecretString,
}

impl ChangePasswordOpts {
    /// From the current password to a new one.
    pub fn new(original: impl Into<String>, new: impl Into<String>) -> Self {
        ChangePasswordOpts {
            original_password: SecretString::from(original.into()),
            password: SecretString::from(new.into()),
        }
    }
}

impl std::fmt::Debug for ChangePasswordOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChangePasswordOpts")
            .field("original_password", &"[REDACTED]")
            .field("password", &"[REDACTED]")
            .finish()
    }
}

impl Validate for ChangePasswordOpts {
    fn validate(&self) -> Result<()> {
        require(
            "original_password",
            !self.original_password.expose_secret().is_empty(),
        )?;
        require("password", !self.password.expose_secret().is_empty())
    }
}

/// Lists users.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<User> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The users of a page.
    extract_users, User
}

/// Creates a user.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<User> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a user.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<User> {
    client.request(&GET, &[id]).send().await
}

/// Updates a user.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<User> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a user.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Finds a user by ID or exact name (give the domain in `opts.domain_id` when names
/// repeat across domains; the other filters apply too).
pub async fn find_with(client: &ServiceClient, name_or_id: &str, opts: &ListOpts) -> Result<User> {
    let by_name = ListOpts {
        name: Some(name_or_id.to_string()),
        ..opts.clone()
    };
    crate::find::find(
        "user",
        name_or_id,
        get(client, name_or_id),
        list(client, &by_name),
    )
    .await
}

/// Finds a user by ID or exact name.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<User> {
    find_with(client, name_or_id, &ListOpts::default()).await
}

/// Lists the groups a user belongs to.
pub fn list_groups(client: &ServiceClient, user_id: &str) -> Pager<Group> {
    client
        .request(&LIST_GROUPS, &[user_id])
        .paged(PageStyle::Links("links"))
}

/// Lists the projects a user has a role on (directly, through a group or by
/// inheritance).
pub fn list_projects(client: &ServiceClient, user_id: &str) -> Pager<Project> {
    client
        .request(&LIST_PROJECTS, &[user_id])
        .paged(PageStyle::Links("links"))
}

/// Changes a user's own password. Keystone checks the current password, not the token:
/// this also works from a client whose provider holds no token (e.g. when the password
/// has expired and the user cannot authenticate), and any token of the user is revoked.
pub async fn change_password(
    client: &ServiceClient,
    user_id: &str,
    opts: &ChangePasswordOpts,
) -> ApiResult<()> {
    client
        .request(&CHANGE_PASSWORD, &[user_id])
        .without_reauth()
        .body(opts)
        .send()
        .await
}
