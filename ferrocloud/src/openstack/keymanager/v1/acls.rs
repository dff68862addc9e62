//! Access control lists of secrets and containers: who, beyond the project's members,
//! may read an entity (`read` is the one operation ACLs cover), and whether the
//! project's members may (`project-access`; `false` makes the entity private to its
//! creator and the users listed). An entity without an ACL of its own has the default:
//! project access, no users.
//!
//! ```no_run
//! # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::keymanager::v1::acls::{self, AclOpts, Target};
//! let secret = Target::secret("http://barbican:9311/v1/secrets/48d24158");
//! acls::set(&barbican, &secret, &AclOpts::users(["c1d20e4b7e7d4917aee6f0832152269b"]).project_access(false)).await.extract()?;
//! let acl = acls::get(&barbican, &secret).await.extract()?;
//! assert!(!acl.read.project_access);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "key-manager";
    /// Show a secret's ACL.
    GET_SECRET = GET "/secrets/{secret_id}/acl" response(Acl);
    /// Set (replace) a secret's ACL.
    SET_SECRET = PUT "/secrets/{secret_id}/acl" request(AclSettings) response(AclRef);
    /// Change a secret's ACL.
    UPDATE_SECRET = PATCH "/secrets/{secret_id}/acl" request(AclSettings) response(AclRef);
    /// Delete a secret's ACL (back to the default).
    DELETE_SECRET = DELETE "/secrets/{secret_id}/acl";
    /// Show a container's ACL.
    GET_CONTAINER = GET "/containers/{container_id}/acl" response(Acl);
    /// Set (replace) a container's ACL.
    SET_CONTAINER = PUT "/containers/{container_id}/acl" request(AclSettings) response(AclRef);
    /// Change a container's ACL.
    UPDATE_CONTAINER = PATCH "/containers/{container_id}/acl" request(AclSettings) response(AclRef);
    /// Delete a container's ACL (back to the default).
    DELETE_CONTAINER = DELETE "/containers/{container_id}/acl";
}

/// The entity whose ACL is meant: a secret or a container, by reference or UUID.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::acls::Target;
/// assert_eq!(Target::secret("48d2"), Target::Secret("48d2".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A secret.
    Secret(String),
    /// A container.
    Container(String),
}

impl Target {
    /// The secret `secret` (a reference or UUID).
    ///
    /// ```
    /// let t = ferrocloud::openstack::keymanager::v1::acls::Target::secret("http://h/v1/secrets/1");
    /// ```
    pub fn secret(secret: impl Into<String>) -> Self {
        Target::Secret(secret.into())
    }

    /// The container `container` (a reference or UUID).
    ///
    /// ```
    /// let t = ferrocloud::openstack::keymanager::v1::acls::Target::container("74bb");
    /// ```
    pub fn container(container: impl Into<String>) -> Self {
        Target::Container(container.into())
    }
}

/// An entity's ACL.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Acl {
    /// Who may read it.
    pub read: AclRule,
}

/// Who may perform one operation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AclRule {
    /// Whether the project's members may (`false`: only the creator and `users`).
    #[serde(rename = "project-access")]
    pub project_access: bool,
    /// The users who may, whatever their project.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub users: Vec<String>,
    /// When the ACL was set (none for the default ACL).
    #[serde(default, with = "crate::dates::option")]
    pub created: Option<Timestamp>,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated: Option<Timestamp>,
}

/// The reference to the ACL that a change answers with.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::acls::AclRef;
/// let r: AclRef = serde_json::from_str(r#"{"acl_ref": "http://h/v1/secrets/1/acl"}"#).unwrap();
/// assert!(r.acl_ref.ends_with("/acl"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AclRef {
    /// The ACL's URL.
    pub acl_ref: String,
}

/// What a rule sets: the users (all of them: the list replaces the one there; empty
/// removes every user) and the project access. Either may be left out: [`set`] then
/// uses the defaults (no users, project access), [`update`] keeps what is there.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::acls::AclOpts;
/// let o = AclOpts::users(["u1", "u2"]).project_access(false);
/// assert_eq!(serde_json::to_value(&o).unwrap(),
///     serde_json::json!({"users": ["u1", "u2"], "project-access": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AclOpts {
    /// The users who may.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<Vec<String>>,
    /// Whether the project's members may.
    #[serde(
        rename = "project-access",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub project_access: Option<bool>,
}

impl AclOpts {
    /// A rule naming `users`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::acls::AclOpts::users(["u1"]);
    /// assert_eq!(o.users.unwrap(), ["u1"]);
    /// ```
    pub fn users<I: IntoIterator<Item = S>, S: Into<String>>(users: I) -> Self {
        AclOpts {
            users: Some(users.into_iter().map(Into::into).collect()),
            project_access: None,
        }
    }

    /// Sets the project access.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::acls::AclOpts::default().project_access(false);
    /// assert_eq!(o.project_access, Some(false));
    /// ```
    pub fn project_access(mut self, allowed: bool) -> Self {
        self.project_access = Some(allowed);
        self
    }
}

/// The body of [`set`] and [`update`]: the `read` rule.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::acls::{AclOpts, AclSettings};
/// let s = AclSettings { read: AclOpts::default().project_access(false) };
/// assert_eq!(serde_json::to_value(&s).unwrap(),
///     serde_json::json!({"read": {"project-access": false}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AclSettings {
    /// Who may read.
    pub read: AclOpts,
}

impl Validate for AclSettings {
    fn validate(&self) -> Result<()> {
        let users = self.read.users.as_deref().unwrap_or_default();
        if let Some(u) = users.iter().find(|u| u.is_empty() || u.chars().count() > 255) {
            return Err(Error::invalid_input(format!(
                "ACL user {u:?} must be 1 to 255 characters"
            )));
        }
        Ok(())
    }
}

/// The operation for `target`, and its UUID (or the error of a reference to another
/// kind of entity).
fn pick<R>(
    client: &ServiceClient,
    target: &Target,
    secret: &'static crate::Op<R>,
    container: &'static crate::Op<R>,
) -> crate::request::RequestBuilder<R> {
    match target {
        Target::Secret(r) => common::request_on(client, secret, r, "secrets"),
        Target::Container(r) => common::request_on(client, container, r, "containers"),
    }
}

/// Shows an entity's ACL (the default one when none was set).
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::acls::{self, Target};
/// let acl = acls::get(&barbican, &Target::container("74bbd3fd")).await.extract()?;
/// println!("{:?}", acl.read.users);
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, target: &Target) -> ApiResult<Acl> {
    pick(client, target, &GET_SECRET, &GET_CONTAINER)
        .send()
        .await
}

/// Sets an entity's read rule, replacing the one there (what `rule` leaves out takes
/// the default).
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::acls::{self, AclOpts, Target};
/// acls::set(&barbican, &Target::secret("48d24158"), &AclOpts::users(["u1"])).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn set(client: &ServiceClient, target: &Target, rule: &AclOpts) -> ApiResult<AclRef> {
    let body = AclSettings { read: rule.clone() };
    pick(client, target, &SET_SECRET, &SET_CONTAINER)
        .body(&body)
        .send()
        .await
}

/// Changes an entity's read rule: what `rule` sets replaces what is there, the rest
/// stays.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::acls::{self, AclOpts, Target};
/// acls::update(&barbican, &Target::secret("48d24158"), &AclOpts::default().project_access(true)).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn update(client: &ServiceClient, target: &Target, rule: &AclOpts) -> ApiResult<AclRef> {
    let body = AclSettings { read: rule.clone() };
    pick(client, target, &UPDATE_SECRET, &UPDATE_CONTAINER)
        .body(&body)
        .send()
        .await
}

/// Deletes an entity's ACL: it has the default again.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::acls::{self, Target};
/// acls::delete(&barbican, &Target::secret("48d24158")).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, target: &Target) -> ApiResult<()> {
    pick(client, target, &DELETE_SECRET, &DELETE_CONTAINER)
        .send()
        .await
}
