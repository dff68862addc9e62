//! Authentication with Keystone: options, scopes, the token requests of identity v3 and
//! v2.0, and what a token brings back (its expiry, its scope and the service catalog).
//!
//! [`AuthOptions`] holds credentials for every method Keystone offers; the methods that
//! are sent are derived from the fields that are set (password, TOTP passcode, token,
//! application credential; several at once for multi-factor authentication).
//!
//! ```
//! use ferrocloud::{AuthOptions, Scope};
//!
//! let opts = AuthOptions::password("https://keystone.example.com:5000/v3", "alice", "s3cret")
//!     .user_domain_name("Default")
//!     .scope(Scope::project_name("demo", ferrocloud::DomainRef::Name("Default".into())));
//! let body = opts.v3_request_body().unwrap();
//! assert_eq!(body["auth"]["identity"]["methods"][0], "password");
//! assert_eq!(body["auth"]["scope"]["project"]["name"], "demo");
//! // Secrets stay out of Debug output.
//! assert!(!format!("{opts:?}").contains("s3cret"));
//! ```

pub mod catalog;
pub mod env;
pub mod oidc;
pub(crate) mod token;

use secrecy::{ExposeSecret, SecretString};
use serde_json::{Map, Value, json};

use crate::{Error, Result};

pub use catalog::{Availability, Catalog, CatalogEntry, Endpoint, EndpointOpts};
pub use token::{AuthInfo, NamedRef};

/// A domain, by ID or by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainRef {
    /// The domain's ID.
    Id(String),
    /// The domain's name.
    Name(String),
}

impl DomainRef {
    /// A domain by ID.
    ///
    /// ```
    /// assert_eq!(ferrocloud::DomainRef::id("default"), ferrocloud::DomainRef::Id("default".into()));
    /// ```
    pub fn id(id: impl Into<String>) -> Self {
        DomainRef::Id(id.into())
    }

    /// A domain by name.
    ///
    /// ```
    /// assert_eq!(ferrocloud::DomainRef::name("Default"), ferrocloud::DomainRef::Name("Default".into()));
    /// ```
    pub fn name(name: impl Into<String>) -> Self {
        DomainRef::Name(name.into())
    }

    fn to_json(&self) -> Value {
        match self {
            DomainRef::Id(id) => json!({ "id": id }),
            DomainRef::Name(name) => json!({ "name": name }),
        }
    }
}

/// What a token is scoped to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// A project, by ID.
    ProjectId(String),
    /// A project, by name within a domain.
    ProjectName {
        /// The project's name.
        name: String,
        /// Its domain.
        domain: DomainRef,
    },
    /// A project by name whose domain is not given: identity v2.0 needs none; with v3
    /// the options' `default_domain` is used, and authentication fails with an error
    /// naming `project_domain_id`/`project_domain_name` when there is none.
    ///
    /// ```
    /// use ferrocloud::{AuthOptions, DomainRef, Scope};
    /// let o = AuthOptions::password("http://k:5000/v2.0", "alice", "pw")
    ///     .scope(Scope::ProjectNameOnly("demo".into()));
    /// assert_eq!(o.v2_request_body().unwrap()["auth"]["tenantName"], "demo");
    /// let mut o = AuthOptions::password_by_user_id("http://k:5000/v3", "uid", "pw")
    ///     .scope(Scope::ProjectNameOnly("demo".into()));
    /// let err = o.v3_request_body().unwrap_err();
    /// assert!(err.to_string().contains("project_domain_id"));
    /// o.default_domain = Some(DomainRef::id("default"));
    /// let body = o.v3_request_body().unwrap();
    /// assert_eq!(body["auth"]["scope"]["project"]["domain"]["id"], "default");
    /// ```
    ProjectNameOnly(String),
    /// A domain.
    Domain(DomainRef),
    /// The whole deployment (`{"system": {"all": true}}`).
    System,
    /// A trust (OS-TRUST), by ID.
    Trust(String),
    /// Explicitly unscoped (`"scope": "unscoped"`), even if the user has a default project.
    Unscoped,
}

impl Scope {
    /// A project by ID.
    ///
    /// ```
    /// let s = ferrocloud::Scope::project_id("abc");
    /// assert_eq!(s, ferrocloud::Scope::ProjectId("abc".into()));
    /// ```
    pub fn project_id(id: impl Into<String>) -> Self {
        Scope::ProjectId(id.into())
    }

    /// A project by name within a domain.
    ///
    /// ```
    /// use ferrocloud::{DomainRef, Scope};
    /// let s = Scope::project_name("demo", DomainRef::Id("default".into()));
    /// assert!(matches!(s, Scope::ProjectName { .. }));
    /// ```
    pub fn project_name(name: impl Into<String>, domain: DomainRef) -> Self {
        Scope::ProjectName {
            name: name.into(),
            domain,
        }
    }

    /// The v3 `scope` object; a project name without a domain takes `default_domain`.
    fn to_json(&self, default_domain: Option<&DomainRef>) -> Result<Value> {
        Ok(match self {
            Scope::ProjectId(id) => json!({ "project": { "id": id } }),
            Scope::ProjectName { name, domain } => {
                json!({ "project": { "name": name, "domain": domain.to_json() } })
            }
            Scope::ProjectNameOnly(name) => {
                let domain = default_domain.ok_or_else(|| {
                    Error::invalid_input(
                        "project_name needs project_domain_id or project_domain_name (OS_PROJECT_DOMAIN_ID, OS_PROJECT_DOMAIN_NAME), or default_domain_id: identity v3 finds projects by name within a domain",
                    )
                })?;
                json!({ "project": { "name": name, "domain": domain.to_json() } })
            }
            Scope::Domain(d) => json!({ "domain": d.to_json() }),
            Scope::System => json!({ "system": { "all": true } }),
            Scope::Trust(id) => json!({ "OS-TRUST:trust": { "id": id } }),
            Scope::Unscoped => json!("unscoped"),
        })
    }
}

/// The identity API version to authenticate with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityVersion {
    /// Keystone v3.
    V3,
    /// Keystone v2.0, for legacy clouds.
    V2,
    /// Not Keystone: Swift's own v1.0 authentication (tempauth, swauth, Swift-only
    /// clouds). `GET <auth_url>` with `X-Auth-User` and `X-Auth-Key`; the answer's
    /// `X-Storage-Url` becomes the catalog's one `object-store` endpoint (in no region:
    /// locate it with [`EndpointOpts::default`](crate::EndpointOpts::default)). See
    /// [`AuthOptions::swift_v1`].
    SwiftV1,
}

/// Credentials and scope for authenticating with Keystone.
///
/// Build it with a constructor ([`AuthOptions::password`], [`AuthOptions::token`],
/// [`AuthOptions::application_credential`]) and the setters, from the environment with
/// [`crate::openstack::auth_options_from_env`], or fill the public fields directly.
/// Secrets are [`SecretString`]s and never appear in `Debug` output.
///
/// ```
/// use ferrocloud::AuthOptions;
/// let opts = AuthOptions::application_credential("https://keystone:5000", "ac-id", "ac-secret");
/// let body = opts.v3_request_body().unwrap();
/// assert_eq!(body["auth"]["identity"]["application_credential"]["id"], "ac-id");
/// assert!(body["auth"].get("scope").is_none());
/// ```
#[derive(Debug, Clone)]
pub struct AuthOptions {
    /// The Keystone URL: unversioned (the version is discovered) or ending in `/v3` or
    /// `/v2.0` (used as given).
    pub auth_url: String,
    /// The user's ID.
    pub user_id: Option<String>,
    /// The user's name (needs a user domain, or a default domain).
    pub username: Option<String>,
    /// The user's domain, by ID or name.
    pub user_domain: Option<DomainRef>,
    /// A domain used for the user and the project when theirs is not given
    /// (`OS_DEFAULT_DOMAIN`).
    pub default_domain: Option<DomainRef>,
    /// The password (method `password`).
    pub password: Option<SecretString>,
    /// A TOTP passcode (method `totp`); with a password, both are sent (multi-factor).
    pub passcode: Option<SecretString>,
    /// An existing token (method `token`).
    pub token: Option<SecretString>,
    /// An application credential's ID.
    pub application_credential_id: Option<String>,
    /// An application credential's name (needs the user).
    pub application_credential_name: Option<String>,
    /// An application credential's secret.
    pub application_credential_secret: Option<SecretString>,
    /// The scope to ask for; `None` lets Keystone use the user's default project.
    pub scope: Option<Scope>,
    /// Re-authenticate when a token expires or is refused (default: true).
    pub allow_reauth: bool,
    /// Force an identity version instead of discovering it.
    pub identity_version: Option<IdentityVersion>,
    /// Federated authentication with OpenID Connect instead of the methods above.
    pub oidc: Option<oidc::OidcOptions>,
}

impl Default for AuthOptions {
    /// Empty options with re-authentication allowed.
    fn default() -> Self {
        AuthOptions {
            auth_url: String::new(),
            user_id: None,
            username: None,
            user_domain: None,
            default_domain: None,
            password: None,
            passcode: None,
            token: None,
            application_credential_id: None,
            application_credential_name: None,
            application_credential_secret: None,
            scope: None,
            allow_reauth: true,
            identity_version: None,
            oidc: None,
        }
    }
}

impl AuthOptions {
    fn base(auth_url: impl Into<String>) -> Self {
        AuthOptions {
            auth_url: auth_url.into(),
            allow_reauth: true,
            ..Default::default()
        }
    }

    /// Swift's own v1.0 authentication (`auth_url` as `https://swift/auth/v1.0`,
    /// `user` as `account:user` for tempauth, `key` its key): a token and a storage
    /// URL, for object storage alone. The key is a secret: it goes in the
    /// `X-Auth-Key` header of the auth request only, and never appears in `Debug`
    /// output or errors.
    ///
    /// ```no_run
    /// # async fn demo() -> ferrocloud::Result<()> {
    /// use ferrocloud::{openstack, AuthOptions, EndpointOpts};
    /// let opts = AuthOptions::swift_v1("https://swift.example/auth/v1.0", "test:tester", "testing");
    /// let provider = openstack::authenticated_client(opts).await?;
    /// let swift = openstack::new_object_storage_v1(&provider, EndpointOpts::default())?;
    /// # Ok(()) }
    /// ```
    pub fn swift_v1(
        auth_url: impl Into<String>,
        user: impl Into<String>,
        key: impl Into<String>,
    ) -> Self {
        AuthOptions {
            username: Some(user.into()),
            password: Some(SecretString::from(key.into())),
            identity_version: Some(IdentityVersion::SwiftV1),
            ..Self::base(auth_url)
        }
    }

    /// Password authentication for a user named `username` (set its domain with
    /// [`user_domain_name`](Self::user_domain_name) or [`user_domain_id`](Self::user_domain_id)).
    ///
    /// ```
    /// let o = ferrocloud::AuthOptions::password("http://k:5000/v3", "alice", "pw").user_domain_id("default");
    /// assert_eq!(o.username.as_deref(), Some("alice"));
    /// ```
    pub fn password(
        auth_url: impl Into<String>,
        username: impl Into<String>,
        password: impl Into<String>,
    ) -> Self {
        let mut o = Self::base(auth_url);
        o.username = Some(username.into());
        o.password = Some(SecretString::from(password.into()));
        o
    }

    /// Password authentication for the user with ID `user_id`.
    ///
    /// ```
    /// let o = ferrocloud::AuthOptions::password_by_user_id("http://k:5000/v3", "u-1", "pw");
    /// assert_eq!(o.v3_request_body().unwrap()["auth"]["identity"]["password"]["user"]["id"], "u-1");
    /// ```
    pub fn password_by_user_id(
        auth_url: impl Into<String>,
        user_id: impl Into<String>,
        password: impl Into<String>,
    ) -> Self {
        let mut o = Self::base(auth_url);
        o.user_id = Some(user_id.into());
        o.password = Some(SecretString::from(password.into()));
        o
    }

    /// Token authentication: exchange an existing token for a new (e.g. scoped) one.
    ///
    /// ```
    /// let o = ferrocloud::AuthOptions::token("http://k:5000/v3", "gAAAA...");
    /// assert_eq!(o.v3_request_body().unwrap()["auth"]["identity"]["methods"][0], "token");
    /// ```
    pub fn token(auth_url: impl Into<String>, token: impl Into<String>) -> Self {
        let mut o = Self::base(auth_url);
        o.token = Some(SecretString::from(token.into()));
        o
    }

    /// Application credential authentication by ID.
    ///
    /// ```
    /// let o = ferrocloud::AuthOptions::application_credential("http://k:5000", "id", "secret");
    /// assert_eq!(o.application_credential_id.as_deref(), Some("id"));
    /// ```
    pub fn application_credential(
        auth_url: impl Into<String>,
        id: impl Into<String>,
        secret: impl Into<String>,
    ) -> Self {
        let mut o = Self::base(auth_url);
        o.application_credential_id = Some(id.into());
        o.application_credential_secret = Some(SecretString::from(secret.into()));
        o
    }

    /// Application credential authentication by name: the credential `name` of the user
    /// named `username` (set the user's domain with
    /// [`user_domain_name`](Self::user_domain_name) or
    /// [`user_domain_id`](Self::user_domain_id)).
    ///
    /// ```
    /// let o = ferrocloud::AuthOptions::application_credential_by_name(
    ///     "http://k:5000/v3", "ci-runner", "alice", "secret").user_domain_name("Default");
    /// let body = o.v3_request_body().unwrap();
    /// let ac = &body["auth"]["identity"]["application_credential"];
    /// assert_eq!(ac["name"], "ci-runner");
    /// assert_eq!(ac["user"]["domain"]["name"], "Default");
    /// ```
    pub fn application_credential_by_name(
        auth_url: impl Into<String>,
        name: impl Into<String>,
        username: impl Into<String>,
        secret: impl Into<String>,
    ) -> Self {
        let mut o = Self::base(auth_url);
        o.application_credential_name = Some(name.into());
        o.username = Some(username.into());
        o.application_credential_secret = Some(SecretString::from(secret.into()));
        o
    }

    /// Federated authentication with OpenID Connect (see [`oidc`]).
    ///
    /// ```
    /// use ferrocloud::auth::oidc::{OidcGrant, OidcOptions};
    /// let o = ferrocloud::AuthOptions::oidc("http://k:5000/v3",
    ///     OidcOptions::new("idp", "openid", OidcGrant::AccessToken("at".to_string().into())));
    /// assert!(o.oidc.is_some());
    /// ```
    pub fn oidc(auth_url: impl Into<String>, options: oidc::OidcOptions) -> Self {
        let mut o = Self::base(auth_url);
        o.oidc = Some(options);
        o
    }

    /// Sets the user's domain by name.
    pub fn user_domain_name(mut self, name: impl Into<String>) -> Self {
        self.user_domain = Some(DomainRef::Name(name.into()));
        self
    }

    /// Sets the user's domain by ID.
    pub fn user_domain_id(mut self, id: impl Into<String>) -> Self {
        self.user_domain = Some(DomainRef::Id(id.into()));
        self
    }

    /// Sets the scope.
    pub fn scope(mut self, scope: Scope) -> Self {
        self.scope = Some(scope);
        self
    }

    /// Scopes the token to the project with this ID.
    ///
    /// ```
    /// let o = ferrocloud::AuthOptions::password("http://k/v3", "alice", "pw")
    ///     .user_domain_name("Default")
    ///     .project_id("8b0d");
    /// assert_eq!(o.v3_request_body().unwrap()["auth"]["scope"]["project"]["id"], "8b0d");
    /// ```
    pub fn project_id(self, id: impl Into<String>) -> Self {
        self.scope(Scope::project_id(id))
    }

    /// Scopes the token to the project named `name` in `domain`.
    ///
    /// ```
    /// use ferrocloud::{AuthOptions, DomainRef};
    /// let o = AuthOptions::password("http://k/v3", "alice", "pw")
    ///     .user_domain_name("Default")
    ///     .project_name("demo", DomainRef::name("Default"));
    /// let scope = &o.v3_request_body().unwrap()["auth"]["scope"];
    /// assert_eq!(scope["project"]["name"], "demo");
    /// assert_eq!(scope["project"]["domain"]["name"], "Default");
    /// ```
    pub fn project_name(self, name: impl Into<String>, domain: DomainRef) -> Self {
        self.scope(Scope::project_name(name, domain))
    }

    /// Scopes the token to a domain.
    ///
    /// ```
    /// use ferrocloud::{AuthOptions, DomainRef};
    /// let o = AuthOptions::password("http://k/v3", "admin", "pw")
    ///     .user_domain_id("default")
    ///     .domain(DomainRef::id("default"));
    /// assert_eq!(o.v3_request_body().unwrap()["auth"]["scope"]["domain"]["id"], "default");
    /// ```
    pub fn domain(self, domain: DomainRef) -> Self {
        self.scope(Scope::Domain(domain))
    }

    /// Scopes the token to the whole deployment (`system: all`).
    ///
    /// ```
    /// let o = ferrocloud::AuthOptions::password("http://k/v3", "admin", "pw")
    ///     .user_domain_id("default")
    ///     .system_scope();
    /// assert_eq!(o.v3_request_body().unwrap()["auth"]["scope"]["system"]["all"], true);
    /// ```
    pub fn system_scope(self) -> Self {
        self.scope(Scope::System)
    }

    /// Adds a TOTP passcode (sent as a second factor when a password is also set).
    ///
    /// ```
    /// let o = ferrocloud::AuthOptions::password("http://k/v3", "u", "p").user_domain_id("default").passcode("123456");
    /// let b = o.v3_request_body().unwrap();
    /// assert_eq!(b["auth"]["identity"]["methods"], serde_json::json!(["password", "totp"]));
    /// ```
    pub fn passcode(mut self, passcode: impl Into<String>) -> Self {
        self.passcode = Some(SecretString::from(passcode.into()));
        self
    }

    /// Turns re-authentication on expiry or 401 on or off.
    pub fn allow_reauth(mut self, allow: bool) -> Self {
        self.allow_reauth = allow;
        self
    }

    fn uses_application_credential(&self) -> bool {
        self.application_credential_id.is_some() || self.application_credential_name.is_some()
    }

    /// The user object of the password and TOTP methods, with the secret under `key`.
    fn user_json(&self, key: &str, secret: &SecretString) -> Result<Value> {
        let mut user = Map::new();
        if let Some(id) = &self.user_id {
            user.insert("id".into(), json!(id));
        } else if let Some(name) = &self.username {
            user.insert("name".into(), json!(name));
            let domain = self
                .user_domain
                .as_ref()
                .or(self.default_domain.as_ref())
                .ok_or_else(|| {
                    Error::invalid_input(
                        "username needs user_domain_id or user_domain_name (OS_USER_DOMAIN_ID, OS_USER_DOMAIN_NAME), or default_domain_id: identity v3 finds users by name within a domain",
                    )
                })?;
            user.insert("domain".into(), domain.to_json());
        } else {
            return Err(Error::invalid_input(format!(
                "method {key}: user_id or username is required"
            )));
        }
        user.insert(key.into(), json!(secret.expose_secret()));
        Ok(Value::Object(user))
    }

    /// Every secret these options hold (password, passcode, token, application
    /// credential secret, and the OpenID Connect client secret, password or access
    /// token), to be scrubbed from error messages.
    pub(crate) fn secrets(&self) -> Vec<SecretString> {
        let mut out: Vec<SecretString> = [
            &self.password,
            &self.passcode,
            &self.token,
            &self.application_credential_secret,
        ]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
        if let Some(o) = &self.oidc {
            out.extend(o.client_secret.clone());
            match &o.grant {
                oidc::OidcGrant::Password { password, .. } => out.push(password.clone()),
                oidc::OidcGrant::AccessToken(t) => out.push(t.clone()),
                oidc::OidcGrant::ClientCredentials => {}
            }
        }
        out
    }

    /// The identity v3 token request body (`POST /v3/auth/tokens`).
    ///
    /// Checks the options first: at least one method, a domain for names, no scope with
    /// application credentials. The returned JSON holds secrets: send it, never log it.
    pub fn v3_request_body(&self) -> Result<Value> {
        if self.oidc.is_some() {
            return Err(Error::invalid_input(
                "OpenID Connect options authenticate through the federation API, not a token request body",
            ));
        }
        let mut methods = Vec::new();
        let mut identity = Map::new();
        if self.uses_application_credential() {
            let secret = self
                .application_credential_secret
                .as_ref()
                .ok_or_else(|| Error::invalid_input("application_credential_secret is required"))?;
            let mut ac = Map::new();
            if let Some(id) = &self.application_credential_id {
                ac.insert("id".into(), json!(id));
            } else if let Some(name) = &self.application_credential_name {
                ac.insert("name".into(), json!(name));
                let mut user = Map::new();
                if let Some(id) = &self.user_id {
                    user.insert("id".into(), json!(id));
                } else if let Some(uname) = &self.username {
                    user.insert("name".into(), json!(uname));
                    let domain = self
                        .user_domain
                        .as_ref()
                        .or(self.default_domain.as_ref())
                        .ok_or_else(|| {
                            Error::invalid_input(
                                "application_credential_name with username needs user_domain",
                            )
                        })?;
                    user.insert("domain".into(), domain.to_json());
                } else {
                    return Err(Error::invalid_input(
                        "application_credential_name needs user_id or username",
                    ));
                }
                ac.insert("user".into(), Value::Object(user));
            }
            ac.insert("secret".into(), json!(secret.expose_secret()));
            methods.push("application_credential");
            identity.insert("application_credential".into(), Value::Object(ac));
        } else {
            if let Some(pw) = &self.password {
                identity.insert(
                    "password".into(),
                    json!({ "user": self.user_json("password", pw)? }),
                );
                methods.push("password");
            }
            if let Some(code) = &self.passcode {
                identity.insert(
                    "totp".into(),
                    json!({ "user": self.user_json("passcode", code)? }),
                );
                methods.push("totp");
            }
            if let Some(tok) = &self.token {
                identity.insert("token".into(), json!({ "id": tok.expose_secret() }));
                methods.push("token");
            }
        }
        if methods.is_empty() {
            return Err(Error::invalid_input(
                "no credentials: set a password, a passcode, a token or an application credential",
            ));
        }
        identity.insert("methods".into(), json!(methods));
        let mut auth = Map::new();
        auth.insert("identity".into(), Value::Object(identity));
        if !self.uses_application_credential()
            && let Some(scope) = &self.scope
        {
            auth.insert("scope".into(), scope.to_json(self.default_domain.as_ref())?);
        }
        Ok(json!({ "auth": Value::Object(auth) }))
    }

    /// The identity v2.0 token request body (`POST /v2.0/tokens`): password or token, with
    /// a tenant (project) by ID or name.
    ///
    /// ```
    /// use ferrocloud::{AuthOptions, Scope};
    /// let o = AuthOptions::password("http://k:5000/v2.0", "alice", "pw").scope(Scope::project_id("t1"));
    /// let b = o.v2_request_body().unwrap();
    /// assert_eq!(b["auth"]["passwordCredentials"]["username"], "alice");
    /// assert_eq!(b["auth"]["tenantId"], "t1");
    /// ```
    pub fn v2_request_body(&self) -> Result<Value> {
        let mut auth = Map::new();
        if let Some(pw) = &self.password {
            let username = self.username.as_ref().ok_or_else(|| {
                Error::invalid_input("identity v2.0 password authentication needs a username")
            })?;
            auth.insert(
                "passwordCredentials".into(),
                json!({ "username": username, "password": pw.expose_secret() }),
            );
        } else if let Some(tok) = &self.token {
            auth.insert("token".into(), json!({ "id": tok.expose_secret() }));
        } else {
            return Err(Error::invalid_input(
                "identity v2.0 supports password and token authentication only",
            ));
        }
        match &self.scope {
            Some(Scope::ProjectId(id)) => {
                auth.insert("tenantId".into(), json!(id));
            }
            Some(Scope::ProjectName { name, .. } | Scope::ProjectNameOnly(name)) => {
                auth.insert("tenantName".into(), json!(name));
            }
            None | Some(Scope::Unscoped) => {}
            Some(other) => {
                return Err(Error::invalid_input(format!(
                    "identity v2.0 cannot scope to {other:?}; only projects (tenants)"
                )));
            }
        }
        Ok(json!({ "auth": Value::Object(auth) }))
    }
}

#[cfg(test)]
mod tests;
