//! Application credentials and their access rules.
//!
//! An application credential lets an application authenticate as a user, on one project,
//! with some of the user's roles, without the user's password; access rules can narrow
//! it further to some API calls. Users create them for themselves. The secret is shown
//! once, in the answer to the creation: it is held as a [`SecretString`][secret].
//!
//! [secret]: crate::SecretString
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient, user_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::application_credentials::{self, CreateOpts};
//! use ferrocloud::openstack::identity::v3::roles::RoleRef;
//! use secrecy::ExposeSecret;
//! let mut opts = CreateOpts::new("backups");
//! opts.roles = Some(vec![RoleRef::name("reader")]);
//! let cred = application_credentials::create(&identity, user_id, &opts).await.extract()?;
//! let secret = cred.secret.expect("shown at creation");
//! let auth = ferrocloud::AuthOptions::application_credential(
//!     "https://keystone.example.com/v3", cred.id.clone(), secret.expose_secret());
//! let provider = ferrocloud::openstack::authenticated_client(auth).await?;
//! application_credentials::delete(&identity, user_id, &cred.id).await.ok()?;
//! # Ok(()) }
//! ```

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serialize};

use super::roles::{Role, RoleRef};
use super::Links;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List a user's application credentials.
    LIST = GET "/users/{user_id}/application_credentials" list("application_credentials", ApplicationCredential);
    /// Create an application credential.
    CREATE = POST "/users/{user_id}/application_credentials" request("application_credential", CreateOpts) response("application_credential", ApplicationCredential);
    /// Show an application credential.
    GET = GET "/users/{user_id}/application_credentials/{application_credential_id}" response("application_credential", ApplicationCredential);
    /// Delete an application credential.
    DELETE = DELETE "/users/{user_id}/application_credentials/{application_credential_id}";
    /// List a user's access rules.
    LIST_ACCESS_RULES = GET "/users/{user_id}/access_rules" list("access_rules", AccessRule);
    /// Show an access rule.
    GET_ACCESS_RULE = GET "/users/{user_id}/access_rules/{access_rule_id}" response("access_rule", AccessRule);
    /// Delete an access rule (one no application credential uses any more).
    DELETE_ACCESS_RULE = DELETE "/users/{user_id}/access_rules/{access_rule_id}";
}

/// An application credential. `Debug` never shows the secret.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ApplicationCredential {
    /// Its ID.
    pub id: String,
    /// Its name, unique among the user's application credentials.
    pub name: String,
    /// Its description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The secret: only in the answer to the creation.
    #[serde(default, deserialize_with = "secret")]
    pub secret: Option<SecretString>,
    /// The user it belongs to.
    #[serde(default)]
    pub user_id: Option<String>,
    /// The project it is scoped to.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub project_id: Option<String>,
    /// The system scope, for a credential created with a system-scoped token.
    #[serde(default)]
    pub system: Option<String>,
    /// When it expires (`None`: never).
    #[serde(with = "crate::dates::option")]
    pub expires_at: Option<Timestamp>,
    /// Whether it may create application credentials and trusts itself (Keystone may
    /// send `null` for false).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub unrestricted: bool,
    /// The roles it carries.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub roles: Vec<Role>,
    /// The API calls it is limited to (none: every call its roles allow).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub access_rules: Vec<AccessRule>,
    /// Links to it.
    pub links: Links,
}

fn secret<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<SecretString>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.map(SecretString::from))
}

impl crate::find::Named for ApplicationCredential {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// An access rule: one API call (service type, method, path) an application credential
/// is allowed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AccessRule {
    /// Its ID.
    pub id: String,
    /// The service type (`compute`, `image`…).
    pub service: String,
    /// The HTTP method.
    pub method: String,
    /// The path, which may hold `*` (one segment) and `**` (any number) wildcards.
    pub path: String,
    /// Links to it.
    #[serde(default)]
    pub links: Option<Links>,
}

/// An access rule for a new application credential: a new one (service, method, path)
/// or an existing one by `id`.
///
/// ```
/// use ferrocloud::openstack::identity::v3::application_credentials::AccessRuleOpts;
/// let r = AccessRuleOpts::new("compute", "GET", "/v2.1/servers");
/// assert_eq!(serde_json::to_value(&r).unwrap()["method"], "GET");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessRuleOpts {
    /// An existing access rule of the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The service type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The HTTP method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl AccessRuleOpts {
    /// A new rule: `method` on `path` of the service of type `service`.
    pub fn new(
        service: impl Into<String>,
        method: impl Into<String>,
        path: impl Into<String>,
    ) -> Self {
        AccessRuleOpts {
            id: None,
            service: Some(service.into()),
            method: Some(method.into()),
            path: Some(path.into()),
        }
    }

    /// An existing rule.
    pub fn existing(id: impl Into<String>) -> Self {
        AccessRuleOpts {
            id: Some(id.into()),
            ..Default::default()
        }
    }
}

/// A new application credential. The secret is held as a [`SecretString`] and shown as
/// `[REDACTED]` in `Debug` output.
///
/// ```
/// use ferrocloud::openstack::identity::v3::application_credentials::CreateOpts;
/// let o = CreateOpts::new("ci").secret("ac-s3cret");
/// assert_eq!(serde_json::to_value(&o).unwrap()["secret"], "ac-s3cret");
/// assert!(!format!("{o:?}").contains("ac-s3cret"));
/// ```
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// The secret to use; Keystone generates one when unset.
    #[serde(
        default,
        with = "crate::de::secret::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub secret: Option<SecretString>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it expires (default: never).
    #[serde(
        default,
        with = "crate::dates::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_at: Option<Timestamp>,
    /// The roles, a subset of the user's roles on the token's project (default: all of
    /// them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<RoleRef>>,
    /// The API calls it is limited to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_rules: Option<Vec<AccessRuleOpts>>,
    /// Whether it may create application credentials and trusts itself (default: false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unrestricted: Option<bool>,
}

impl std::fmt::Debug for CreateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateOpts")
            .field("name", &self.name)
            .field("secret", &self.secret.as_ref().map(|_| "[REDACTED]"))
            .field("description", &self.description)
            .field("expires_at", &self.expires_at)
            .field("roles", &self.roles)
            .field("access_rules", &self.access_rules)
            .field("unrestricted", &self.unrestricted)
            .finish()
    }
}

impl CreateOpts {
    /// An application credential named `name`, with every role of the token.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }

    /// Sets the secret (instead of letting Keystone generate one).
    pub fn secret(mut self, secret: impl Into<String>) -> Self {
        self.secret = Some(SecretString::from(secret.into()));
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())?;
        if self
            .secret
            .as_ref()
            .is_some_and(|s| s.expose_secret().is_empty())
        {
            return Err(Error::invalid_input("secret must not be empty"));
        }
        for (i, r) in self.roles.iter().flatten().enumerate() {
            r.check(&format!("roles[{i}]"))?;
        }
        for (i, r) in self.access_rules.iter().flatten().enumerate() {
            let set = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
            let new_rule = set(&r.service) && set(&r.method) && set(&r.path);
            if !(set(&r.id) || new_rule) {
                return Err(Error::invalid_input(format!(
                    "access_rules[{i}]: give an id, or a service, a method and a path"
                )));
            }
        }
        Ok(())
    }
}

/// Filters for listing application credentials.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Application credentials with this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Lists the application credentials of `user_id`.
pub fn list(
    client: &ServiceClient,
    user_id: &str,
    opts: &ListOpts,
) -> Pager<ApplicationCredential> {
    client
        .request(&LIST, &[user_id])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The application credentials of a page.
    extract_application_credentials, ApplicationCredential
}

/// Creates an application credential for `user_id` (normally the token's user) on the
/// token's project. The answer holds the secret.
pub async fn create(
    client: &ServiceClient,
    user_id: &str,
    opts: &CreateOpts,
) -> ApiResult<ApplicationCredential> {
    client.request(&CREATE, &[user_id]).body(opts).send().await
}

/// Shows an application credential (without its secret).
pub async fn get(
    client: &ServiceClient,
    user_id: &str,
    id: &str,
) -> ApiResult<ApplicationCredential> {
    client.request(&GET, &[user_id, id]).send().await
}

/// Deletes an application credential.
pub async fn delete(client: &ServiceClient, user_id: &str, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[user_id, id]).send().await
}

/// Finds one of `user_id`'s application credentials by ID or exact name.
pub async fn find(
    client: &ServiceClient,
    user_id: &str,
    name_or_id: &str,
) -> Result<ApplicationCredential> {
    let by_name = ListOpts {
        name: Some(name_or_id.to_string()),
    };
    crate::find::find(
        "application credential",
        name_or_id,
        get(client, user_id, name_or_id),
        list(client, user_id, &by_name),
    )
    .await
}

/// Lists the access rules of `user_id`.
pub fn list_access_rules(client: &ServiceClient, user_id: &str) -> Pager<AccessRule> {
    client
        .request(&LIST_ACCESS_RULES, &[user_id])
        .paged(PageStyle::Links("links"))
}

/// Shows an access rule.
pub async fn get_access_rule(
    client: &ServiceClient,
    user_id: &str,
    id: &str,
) -> ApiResult<AccessRule> {
    client
        .request(&GET_ACCESS_RULE, &[user_id, id])
        .send()
        .await
}

/// Deletes an access rule (Keystone refuses while an application credential uses it).
pub async fn delete_access_rule(client: &ServiceClient, user_id: &str, id: &str) -> ApiResult<()> {
    client
        .request(&DELETE_ACCESS_RULE, &[user_id, id])
        .send()
        .await
}
