//! Tokens: issue (every method), validate, check and revoke (`/auth/tokens`).
//!
//! The provider authenticates by itself (see [`crate::AuthOptions`]); this module is for
//! issuing and inspecting tokens as API calls: getting a token for another user or
//! scope, validating a token a service received, revoking one.
//!
//! Every way of asking for a token (password, token, TOTP, application credential,
//! several at once for multi-factor authentication; unscoped, or scoped to a project, a
//! domain, the system or a trust) is one [`AuthRequest`], most easily built from
//! [`AuthOptions`](crate::AuthOptions) with [`AuthRequest::from_options`]. The new token
//! itself comes in the `X-Subject-Token` header and is kept as a
//! [`SecretString`](crate::SecretString).
//!
//! [`AuthRequest`]: crate::openstack::identity::v3::tokens::AuthRequest
//! [`AuthRequest::from_options`]: crate::openstack::identity::v3::tokens::AuthRequest::from_options
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::tokens::{self, AuthRequest, CreateOpts, ValidateOpts};
//! use ferrocloud::{AuthOptions, DomainRef, Scope};
//!
//! let opts = AuthOptions::password("", "alice", "s3cret")
//!     .user_domain_name("Default")
//!     .scope(Scope::project_name("web", DomainRef::Name("Default".into())));
//! let issued = tokens::create(&identity, &AuthRequest::from_options(&opts)?, &CreateOpts::default()).await?;
//! println!("token for {} expires at {}", issued.token.user.id, issued.token.expires_at);
//!
//! let info = tokens::validate(&identity, &issued.subject_token, &ValidateOpts::default()).await.extract()?;
//! assert!(tokens::check(&identity, &issued.subject_token, false).await?);
//! tokens::revoke(&identity, &issued.subject_token).await.ok()?;
//! assert!(!tokens::check(&identity, &issued.subject_token, false).await?);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::auth::CatalogService;
use super::Links;
use crate::dates::Timestamp;
use crate::request::{ApiResult, RequestBuilder, Response, Validate};
use crate::{
    AuthOptions, DomainRef, Error, ErrorKind, ExposeSecret, Result, Scope, SecretString,
    ServiceClient,
};

crate::operations! {
    service: "identity";
    /// Issue a token (any method, any scope), or an authentication receipt when more
    /// methods are required.
    CREATE = POST "/auth/tokens" request("auth", AuthRequest) response(AuthResponse);
    /// Validate a token and show what it holds.
    VALIDATE = GET "/auth/tokens" response("token", Token);
    /// Check that a token is valid.
    CHECK = HEAD "/auth/tokens";
    /// Revoke a token.
    REVOKE = DELETE "/auth/tokens";
}

const SUBJECT_TOKEN: &str = "X-Subject-Token";
const RECEIPT: &str = "Openstack-Auth-Receipt";

pub(crate) use crate::de::secret;

// ---------------------------------------------------------------- the request

/// The body of a token request (`{"auth": {...}}`): who authenticates, how, and the
/// scope asked for.
///
/// ```
/// use ferrocloud::openstack::identity::v3::tokens::AuthRequest;
/// use ferrocloud::{AuthOptions, Scope};
/// // Exchange a token for a token scoped to a trust.
/// let req = AuthRequest::from_options(&AuthOptions::token("", "gAAAA-token").scope(Scope::Trust("t1".into()))).unwrap();
/// assert_eq!(req.identity.methods, ["token"]);
/// let body = serde_json::to_value(&req).unwrap();
/// assert_eq!(body["scope"]["OS-TRUST:trust"]["id"], "t1");
/// // Secrets stay out of Debug output.
/// assert!(!format!("{req:?}").contains("gAAAA-token"));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AuthRequest {
    /// The methods and their credentials.
    pub identity: AuthIdentity,
    /// The scope; `None` lets Keystone scope to the user's default project, if any.
    #[serde(default, with = "scope_opt", skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
}

impl AuthRequest {
    /// The request the provider would send for `opts` (its `auth_url` is not used).
    /// Fails as [`AuthOptions::v3_request_body`] does for incomplete options.
    pub fn from_options(opts: &AuthOptions) -> Result<Self> {
        let mut body = opts.v3_request_body()?;
        let auth = body
            .get_mut("auth")
            .map(Value::take)
            .ok_or_else(|| Error::invalid_input("the token request has no auth object"))?;
        serde_json::from_value(auth).map_err(|e| Error::invalid_input(format!("auth: {e}")))
    }
}

impl Validate for AuthRequest {
    fn validate(&self) -> Result<()> {
        let id = &self.identity;
        if id.methods.is_empty() {
            return Err(Error::invalid_input("identity.methods must not be empty"));
        }
        let listed = |m: &str| id.methods.iter().any(|x| x == m);
        let sections = [
            ("password", id.password.is_some()),
            ("token", id.token.is_some()),
            ("totp", id.totp.is_some()),
            (
                "application_credential",
                id.application_credential.is_some(),
            ),
        ];
        for (name, present) in sections {
            if present && !listed(name) {
                return Err(Error::invalid_input(format!(
                    "identity.{name} is set but identity.methods does not list {name:?}"
                )));
            }
        }
        for m in &id.methods {
            match m.as_str() {
                "password" => {
                    let p = id.password.as_ref().ok_or_else(|| missing(m))?;
                    check_user(
                        "identity.password.user",
                        &p.user.id,
                        &p.user.name,
                        &p.user.domain,
                    )?;
                }
                "totp" => {
                    let t = id.totp.as_ref().ok_or_else(|| missing(m))?;
                    check_user(
                        "identity.totp.user",
                        &t.user.id,
                        &t.user.name,
                        &t.user.domain,
                    )?;
                }
                "token" => {
                    let t = id.token.as_ref().ok_or_else(|| missing(m))?;
                    if t.id.expose_secret().is_empty() {
                        return Err(Error::invalid_input("identity.token.id must not be empty"));
                    }
                }
                "application_credential" => {
                    let a = id
                        .application_credential
                        .as_ref()
                        .ok_or_else(|| missing(m))?;
                    match (&a.id, &a.name) {
                        (Some(i), _) if !i.is_empty() => {}
                        (_, Some(n)) if !n.is_empty() => {
                            let u = a.user.as_ref().ok_or_else(|| {
                                Error::invalid_input(
                                    "identity.application_credential.user is required with a name",
                                )
                            })?;
                            check_user(
                                "identity.application_credential.user",
                                &u.id,
                                &u.name,
                                &u.domain,
                            )?;
                        }
                        _ => {
                            return Err(Error::invalid_input(
                                "identity.application_credential needs an id or a name",
                            ))
                        }
                    }
                }
                "" => return Err(Error::invalid_input("identity.methods holds an empty name")),
                _ => {}
            }
        }
        Ok(())
    }
}

fn missing(method: &str) -> Error {
    Error::invalid_input(format!(
        "identity.{method} is required: identity.methods lists {method:?}"
    ))
}

fn check_user(
    field: &str,
    id: &Option<String>,
    name: &Option<String>,
    domain: &Option<DomainRef>,
) -> Result<()> {
    match (id.as_deref(), name.as_deref()) {
        (Some(i), _) if !i.is_empty() => Ok(()),
        (_, Some(n)) if !n.is_empty() => {
            if domain.is_none() {
                return Err(Error::invalid_input(format!(
                    "{field}.domain is required with a user name"
                )));
            }
            Ok(())
        }
        _ => Err(Error::invalid_input(format!(
            "{field} needs an id or a name"
        ))),
    }
}

/// The `identity` of a token request: the methods used and one section per method.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct AuthIdentity {
    /// The methods, in order (`password`, `token`, `totp`, `application_credential`…).
    pub methods: Vec<String>,
    /// Password credentials (method `password`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<PasswordMethod>,
    /// An existing token (method `token`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<TokenMethod>,
    /// A TOTP passcode (method `totp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp: Option<TotpMethod>,
    /// An application credential (method `application_credential`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_credential: Option<ApplicationCredentialMethod>,
    /// Sections of other methods (e.g. `oauth1`, or a federation protocol), sent as
    /// given. Their values are left out of `Debug` output.
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

impl std::fmt::Debug for AuthIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthIdentity")
            .field("methods", &self.methods)
            .field("password", &self.password)
            .field("token", &self.token)
            .field("totp", &self.totp)
            .field("application_credential", &self.application_credential)
            .field("other", &self.other.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// The `password` method.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PasswordMethod {
    /// The user and the password.
    pub user: PasswordUser,
}

/// A user and its password.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PasswordUser {
    /// The user's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The user's name (needs `domain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The user's domain.
    #[serde(default, with = "domain_opt", skip_serializing_if = "Option::is_none")]
    pub domain: Option<DomainRef>,
    /// The password.
    #[serde(with = "secret")]
    pub password: SecretString,
}

/// The `totp` method.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TotpMethod {
    /// The user and the passcode.
    pub user: TotpUser,
}

/// A user and its current TOTP passcode.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TotpUser {
    /// The user's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The user's name (needs `domain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The user's domain.
    #[serde(default, with = "domain_opt", skip_serializing_if = "Option::is_none")]
    pub domain: Option<DomainRef>,
    /// The passcode.
    #[serde(with = "secret")]
    pub passcode: SecretString,
}

/// The `token` method: an existing token.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TokenMethod {
    /// The token.
    #[serde(with = "secret")]
    pub id: SecretString,
}

/// The `application_credential` method.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ApplicationCredentialMethod {
    /// The application credential's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name (needs `user`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The user who owns it, when it is given by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<UserRef>,
    /// Its secret.
    #[serde(with = "secret")]
    pub secret: SecretString,
}

/// A user by ID, or by name within a domain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRef {
    /// The user's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The user's name (needs `domain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The user's domain.
    #[serde(default, with = "domain_opt", skip_serializing_if = "Option::is_none")]
    pub domain: Option<DomainRef>,
}

/// `{"id": ..}` or `{"name": ..}`, as the API writes a domain in requests.
#[derive(Serialize, Deserialize)]
struct RawDomain {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
}

impl RawDomain {
    fn from_ref(d: &DomainRef) -> Self {
        match d {
            DomainRef::Id(id) => RawDomain {
                id: Some(id.clone()),
                name: None,
            },
            DomainRef::Name(n) => RawDomain {
                id: None,
                name: Some(n.clone()),
            },
        }
    }

    fn into_ref<E: de::Error>(self, field: &str) -> std::result::Result<DomainRef, E> {
        match (self.id, self.name) {
            (Some(id), _) => Ok(DomainRef::Id(id)),
            (None, Some(n)) => Ok(DomainRef::Name(n)),
            (None, None) => Err(E::custom(format!("{field} needs an id or a name"))),
        }
    }
}

mod domain_opt {
    use super::*;

    pub fn serialize<S: Serializer>(
        d: &Option<DomainRef>,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        match d {
            Some(d) => RawDomain::from_ref(d).serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<Option<DomainRef>, D::Error> {
        match Option::<RawDomain>::deserialize(d)? {
            Some(raw) => raw.into_ref("domain").map(Some),
            None => Ok(None),
        }
    }
}

/// The scope object of a token request, as the API writes it.
#[derive(Default, Serialize, Deserialize)]
struct RawScope {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    project: Option<RawProject>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    domain: Option<RawDomain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    system: Option<RawSystem>,
    #[serde(
        default,
        rename = "OS-TRUST:trust",
        skip_serializing_if = "Option::is_none"
    )]
    trust: Option<RawTrust>,
}

#[derive(Serialize, Deserialize)]
struct RawProject {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    domain: Option<RawDomain>,
}

#[derive(Serialize, Deserialize)]
struct RawSystem {
    #[serde(default)]
    all: bool,
}

#[derive(Serialize, Deserialize)]
struct RawTrust {
    id: String,
}

/// A [`Scope`] as the `scope` member of a token request: an object, or `"unscoped"`.
mod scope_opt {
    use super::*;

    pub fn serialize<S: Serializer>(
        scope: &Option<Scope>,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        let scope = match scope {
            None => return s.serialize_none(),
            Some(scope) => scope,
        };
        let mut raw = RawScope::default();
        match scope {
            Scope::Unscoped => return s.serialize_str("unscoped"),
            Scope::ProjectId(id) => {
                raw.project = Some(RawProject {
                    id: Some(id.clone()),
                    name: None,
                    domain: None,
                })
            }
            Scope::ProjectName { name, domain } => {
                raw.project = Some(RawProject {
                    id: None,
                    name: Some(name.clone()),
                    domain: Some(RawDomain::from_ref(domain)),
                })
            }
            Scope::ProjectNameOnly(_) => {
                return Err(serde::ser::Error::custom(
                    "a project scope by name needs its domain (Scope::ProjectName)",
                ));
            }
            Scope::Domain(d) => raw.domain = Some(RawDomain::from_ref(d)),
            Scope::System => raw.system = Some(RawSystem { all: true }),
            Scope::Trust(id) => raw.trust = Some(RawTrust { id: id.clone() }),
        }
        raw.serialize(s)
    }

    struct ScopeVisitor;

    impl<'de> Visitor<'de> for ScopeVisitor {
        type Value = Option<Scope>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a scope object or \"unscoped\"")
        }

        fn visit_none<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(
            self,
            d: D,
        ) -> std::result::Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }

        fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Self::Value, E> {
            if v == "unscoped" {
                Ok(Some(Scope::Unscoped))
            } else {
                Err(E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }

        fn visit_map<A: MapAccess<'de>>(
            self,
            map: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let raw = RawScope::deserialize(de::value::MapAccessDeserializer::new(map))?;
            let set = [
                raw.project.is_some(),
                raw.domain.is_some(),
                raw.system.is_some(),
                raw.trust.is_some(),
            ];
            if set.iter().filter(|s| **s).count() != 1 {
                return Err(de::Error::custom(
                    "scope needs exactly one of project, domain, system, OS-TRUST:trust",
                ));
            }
            let scope = if let Some(p) = raw.project {
                match (p.id, p.name, p.domain) {
                    (Some(id), _, _) => Scope::ProjectId(id),
                    (None, Some(name), Some(d)) => Scope::ProjectName {
                        name,
                        domain: d.into_ref("scope.project.domain")?,
                    },
                    _ => {
                        return Err(de::Error::custom(
                            "scope.project needs an id, or a name and a domain",
                        ))
                    }
                }
            } else if let Some(d) = raw.domain {
                Scope::Domain(d.into_ref("scope.domain")?)
            } else if let Some(s) = raw.system {
                if !s.all {
                    return Err(de::Error::custom("scope.system.all must be true"));
                }
                Scope::System
            } else if let Some(t) = raw.trust {
                Scope::Trust(t.id)
            } else {
                unreachable!("one member is set")
            };
            Ok(Some(scope))
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<Option<Scope>, D::Error> {
        d.deserialize_option(ScopeVisitor)
    }
}

// ---------------------------------------------------------------- the responses

/// A reference to a project, domain or role in a token, with its domain where it has one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Reference {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(default)]
    pub name: Option<String>,
    /// The domain it belongs to (projects, users).
    #[serde(default)]
    pub domain: Option<Box<Reference>>,
    /// Links to it.
    #[serde(default)]
    pub links: Option<Links>,
}

/// The user a token was issued to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TokenUser {
    /// The user's ID.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its domain.
    #[serde(default)]
    pub domain: Option<Reference>,
    /// When its password expires (`None`: never, or a federated user).
    #[serde(default, with = "crate::dates::option")]
    pub password_expires_at: Option<Timestamp>,
    /// How a federated user came in.
    #[serde(default, rename = "OS-FEDERATION")]
    pub federation: Option<FederationInfo>,
    /// Links to it.
    #[serde(default)]
    pub links: Option<Links>,
}

/// The federation details of a federated user's token.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct FederationInfo {
    /// The identity provider's ID.
    #[serde(deserialize_with = "id_or_object")]
    pub identity_provider: String,
    /// The protocol's ID.
    #[serde(deserialize_with = "id_or_object")]
    pub protocol: String,
    /// The groups the mapping put the user in.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub groups: Vec<Reference>,
}

/// `"x"` or `{"id": "x"}` (Keystone writes the latter; older samples the former).
fn id_or_object<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum IdOrObject {
        Id(String),
        Object { id: String },
    }
    Ok(match Option::<IdOrObject>::deserialize(d)? {
        Some(IdOrObject::Id(s)) | Some(IdOrObject::Object { id: s }) => s,
        None => String::new(),
    })
}

/// The trust a trust-scoped token was issued for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TokenTrust {
    /// The trust's ID.
    pub id: String,
    /// Whether the token acts as the trustor (impersonation).
    pub impersonation: bool,
    /// The user who delegated.
    #[serde(default)]
    pub trustor_user: Option<Reference>,
    /// The user the roles were delegated to.
    #[serde(default)]
    pub trustee_user: Option<Reference>,
    /// The trust this one was redelegated from.
    #[serde(default)]
    pub redelegated_trust_id: Option<String>,
    /// How many more times it may be redelegated.
    #[serde(default)]
    pub redelegation_count: Option<u32>,
    /// Links to it.
    #[serde(default)]
    pub links: Option<Links>,
}

/// The application credential a token was issued for.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct TokenApplicationCredential {
    /// Its ID.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// True when the token may not create or delete application credentials or trusts.
    pub restricted: bool,
    /// The API calls the token is limited to, when the credential has access rules.
    #[serde(default)]
    pub access_rules: Option<Vec<Value>>,
}

/// The OAuth 1.0a access token a token was issued for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TokenOAuth1 {
    /// The access token's ID.
    pub access_token_id: String,
    /// The consumer's ID.
    pub consumer_id: String,
}

/// The OAuth 2.0 client certificate a token is bound to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TokenOAuth2Credential {
    /// The SHA-256 thumbprint of the client certificate.
    #[serde(rename = "x5t#S256")]
    pub thumbprint: String,
}

/// A federation service provider the token may be used with (Keystone to Keystone).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TokenServiceProvider {
    /// Its ID.
    pub id: String,
    /// Where to authenticate with it.
    pub auth_url: String,
    /// Its SAML endpoint.
    pub sp_url: String,
}

/// The system scope of a token (`{"all": true}`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct TokenSystem {
    /// True for the whole deployment.
    pub all: bool,
}

/// What a token holds: who, how, the scope, the roles, the expiry and the catalog.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Token {
    /// The methods used to get it.
    pub methods: Vec<String>,
    /// The user.
    pub user: TokenUser,
    /// When it expires.
    #[serde(with = "crate::dates::timestamp")]
    pub expires_at: Timestamp,
    /// When it was issued.
    #[serde(with = "crate::dates::timestamp")]
    pub issued_at: Timestamp,
    /// Its audit IDs: its own first, then the one of the token it was exchanged for.
    #[serde(default)]
    pub audit_ids: Vec<String>,
    /// The project, for a project-scoped (or trust-scoped) token.
    #[serde(default)]
    pub project: Option<Reference>,
    /// The domain, for a domain-scoped token.
    #[serde(default)]
    pub domain: Option<Reference>,
    /// The system scope, for a system-scoped token.
    #[serde(default)]
    pub system: Option<TokenSystem>,
    /// Whether the project is a domain.
    #[serde(default)]
    pub is_domain: Option<bool>,
    /// Whether the project is the deployment's admin project.
    #[serde(default)]
    pub is_admin_project: Option<bool>,
    /// The roles it carries (none for an unscoped token).
    #[serde(default)]
    pub roles: Vec<Reference>,
    /// The service catalog (`None` for an unscoped token, or when asked without).
    #[serde(default)]
    pub catalog: Option<Vec<CatalogService>>,
    /// The trust, for a trust-scoped token.
    #[serde(default, rename = "OS-TRUST:trust")]
    pub trust: Option<TokenTrust>,
    /// The application credential, for a token issued for one.
    #[serde(default)]
    pub application_credential: Option<TokenApplicationCredential>,
    /// The OAuth 1.0a access token, for a token issued for one.
    #[serde(default, rename = "OS-OAUTH1")]
    pub oauth1: Option<TokenOAuth1>,
    /// The client certificate an OAuth 2.0 token is bound to.
    #[serde(default)]
    pub oauth2_credential: Option<TokenOAuth2Credential>,
    /// Service providers the token may be used with.
    #[serde(default)]
    pub service_providers: Vec<TokenServiceProvider>,
}

impl Token {
    /// The scope of the token, as a [`Scope`] (`Unscoped` when it has none).
    ///
    /// ```
    /// let t: ferrocloud::openstack::identity::v3::tokens::Token = serde_json::from_value(serde_json::json!({
    ///     "methods": ["password"], "user": {"id": "u"}, "system": {"all": true},
    ///     "expires_at": "2030-01-01T00:00:00Z", "issued_at": "2029-12-31T23:00:00Z"})).unwrap();
    /// assert_eq!(t.scope(), ferrocloud::Scope::System);
    /// ```
    pub fn scope(&self) -> Scope {
        if let Some(t) = &self.trust {
            Scope::Trust(t.id.clone())
        } else if let Some(p) = &self.project {
            Scope::ProjectId(p.id.clone())
        } else if let Some(d) = &self.domain {
            Scope::Domain(DomainRef::Id(d.id.clone()))
        } else if self.system.is_some_and(|s| s.all) {
            Scope::System
        } else {
            Scope::Unscoped
        }
    }
}

/// What Keystone says when more authentication methods are required: which methods
/// succeeded, and for whom.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Receipt {
    /// The methods that succeeded.
    #[serde(default)]
    pub methods: Vec<String>,
    /// The user.
    pub user: TokenUser,
    /// When the receipt expires.
    #[serde(with = "crate::dates::timestamp")]
    pub expires_at: Timestamp,
    /// When it was issued.
    #[serde(with = "crate::dates::timestamp")]
    pub issued_at: Timestamp,
}

/// The body of a token request's answer: a token (201), or a receipt with the method
/// sets that would complete the authentication (401).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AuthResponse {
    /// The token.
    #[serde(default)]
    pub token: Option<Token>,
    /// The receipt, when more methods are required.
    #[serde(default)]
    pub receipt: Option<Receipt>,
    /// The sets of methods that would be enough (with a receipt).
    #[serde(default)]
    pub required_auth_methods: Vec<Vec<String>>,
}

/// A new token: the token itself (from `X-Subject-Token`) and what it holds.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CreatedToken {
    /// The token, to send as `X-Auth-Token`. A secret: never logged.
    pub subject_token: SecretString,
    /// What it holds.
    pub token: Token,
    /// The request ID of the answer.
    pub request_id: Option<String>,
}

/// An authentication receipt: the methods given were right, but the user's rules require
/// more. Send the request again with the missing methods and the receipt
/// ([`CreateOpts::receipt`]).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct AuthReceipt {
    /// The receipt, to send back as `Openstack-Auth-Receipt`. A secret: never logged.
    pub receipt: SecretString,
    /// What it says.
    pub details: Receipt,
    /// The sets of methods that would be enough.
    pub required_auth_methods: Vec<Vec<String>>,
}

/// What a token request with [`create_multi_factor`] gives.
#[derive(Debug, Clone)]
pub enum AuthOutcome {
    /// A token.
    Token(Box<CreatedToken>),
    /// A receipt: more methods are required.
    Receipt(Box<AuthReceipt>),
}

// ---------------------------------------------------------------- options

/// Options of a token request.
#[derive(Debug, Clone, Default)]
pub struct CreateOpts {
    /// Leave the catalog out of the answer (`?nocatalog`).
    pub nocatalog: bool,
    /// A receipt from an earlier attempt (multi-factor authentication), sent as
    /// `Openstack-Auth-Receipt`.
    pub receipt: Option<SecretString>,
}

/// Options of a token validation.
///
/// ```
/// use ferrocloud::openstack::identity::v3::tokens::ValidateOpts;
/// let o = ValidateOpts { nocatalog: true, allow_expired: true };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "nocatalog=true&allow_expired=true");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ValidateOpts {
    /// Leave the catalog out of the answer.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub nocatalog: bool,
    /// Accept a token that expired recently (within Keystone's `allow_expired_window`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub allow_expired: bool,
}

#[derive(Serialize)]
struct AllowExpired {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    allow_expired: bool,
}

// ---------------------------------------------------------------- calls

fn create_request(
    client: &ServiceClient,
    auth: &AuthRequest,
    opts: &CreateOpts,
) -> RequestBuilder<AuthResponse> {
    let mut rb = client.request(&CREATE, &[]).without_reauth().body(auth);
    if opts.nocatalog {
        rb = rb.query_pair("nocatalog", "true");
    }
    if let Some(r) = &opts.receipt {
        rb = rb.header(RECEIPT, r.expose_secret());
    }
    rb
}

fn created(resp: &Response) -> Result<CreatedToken> {
    let subject = resp
        .header(SUBJECT_TOKEN)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Decode,
                "the token response has no X-Subject-Token header",
            )
            .with_request(resp.method(), resp.url().as_str())
            .with_request_id(resp.request_id())
        })?;
    let body: AuthResponse = resp.decode(None)?;
    let token = body.token.ok_or_else(|| {
        Error::new(ErrorKind::Decode, "the token response has no token")
            .with_request(resp.method(), resp.url().as_str())
            .with_request_id(resp.request_id())
    })?;
    Ok(CreatedToken {
        subject_token: SecretString::from(subject.to_string()),
        token,
        request_id: resp.request_id().map(str::to_string),
    })
}

/// Issues a token. Keystone answers 401 for wrong credentials, and also when the user's
/// rules require more methods than were given: use [`create_multi_factor`] to get the
/// receipt in that case.
///
/// Keystone does not need the client's own token for this call: a client whose provider
/// was never authenticated (and has no [`AuthOptions`]) sends none.
pub async fn create(
    client: &ServiceClient,
    auth: &AuthRequest,
    opts: &CreateOpts,
) -> Result<CreatedToken> {
    let resp = create_request(client, auth, opts)
        .ok_codes(&[200, 201])
        .send_raw()
        .await?;
    created(&resp)
}

/// Issues a token, or returns the receipt Keystone gives when the user's multi-factor
/// rules require more methods: send the request again with the missing methods and
/// [`CreateOpts::receipt`] set.
///
/// ```no_run
/// # async fn demo(identity: ferrocloud::ServiceClient, passcode: String) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::identity::v3::tokens::{self, AuthOutcome, AuthRequest, CreateOpts};
/// use ferrocloud::AuthOptions;
/// let first = AuthOptions::password_by_user_id("", "u-1", "s3cret");
/// match tokens::create_multi_factor(&identity, &AuthRequest::from_options(&first)?, &CreateOpts::default()).await? {
///     AuthOutcome::Token(t) => println!("no second factor needed: {:?}", t.token.expires_at),
///     AuthOutcome::Receipt(r) => {
///         let second = AuthOptions { passcode: Some(passcode.into()), user_id: Some("u-1".into()), ..Default::default() };
///         let opts = CreateOpts { receipt: Some(r.receipt), ..Default::default() };
///         let t = tokens::create(&identity, &AuthRequest::from_options(&second)?, &opts).await?;
///     }
/// }
/// # Ok(()) }
/// ```
pub async fn create_multi_factor(
    client: &ServiceClient,
    auth: &AuthRequest,
    opts: &CreateOpts,
) -> Result<AuthOutcome> {
    let resp = create_request(client, auth, opts)
        .ok_codes(&[200, 201, 401])
        .send_raw()
        .await?;
    if resp.status() != http::StatusCode::UNAUTHORIZED {
        return created(&resp).map(|t| AuthOutcome::Token(Box::new(t)));
    }
    let fail = || {
        let err = Error::from_response(
            resp.method(),
            resp.url().as_str(),
            resp.status(),
            resp.headers(),
            resp.body(),
        );
        let sent = serde_json::to_vec(auth).ok();
        let none = http::HeaderMap::new();
        crate::secrets::scrub_request(err, client.provider(), &none, sent.as_deref())
    };
    let Some(receipt) = resp.header(RECEIPT).filter(|r| !r.is_empty()) else {
        return Err(fail());
    };
    let body: AuthResponse = resp.decode(None).map_err(|_| fail())?;
    let details = body.receipt.ok_or_else(fail)?;
    Ok(AuthOutcome::Receipt(Box::new(AuthReceipt {
        receipt: SecretString::from(receipt.to_string()),
        details,
        required_auth_methods: body.required_auth_methods,
    })))
}

/// Validates a token and shows what it holds. An invalid, expired or revoked token is
/// [`ErrorKind::NotFound`] (404).
pub async fn validate(
    client: &ServiceClient,
    subject_token: &SecretString,
    opts: &ValidateOpts,
) -> ApiResult<Token> {
    client
        .request(&VALIDATE, &[])
        .header(SUBJECT_TOKEN, subject_token.expose_secret())
        .query(opts)
        .send()
        .await
}

/// Checks a token: `Ok(true)` if it is valid, `Ok(false)` if Keystone does not know it
/// (404: invalid, expired or revoked). With `allow_expired`, a recently expired token
/// still counts as valid.
pub async fn check(
    client: &ServiceClient,
    subject_token: &SecretString,
    allow_expired: bool,
) -> Result<bool> {
    client
        .request(&CHECK, &[])
        .header(SUBJECT_TOKEN, subject_token.expose_secret())
        .query(&AllowExpired { allow_expired })
        .send()
        .await
        .exists()
}

/// Revokes a token: it is refused from then on (by Keystone at once; by services once
/// their token cache, if any, forgets it).
pub async fn revoke(client: &ServiceClient, subject_token: &SecretString) -> ApiResult<()> {
    client
        .request(&REVOKE, &[])
        .header(SUBJECT_TOKEN, subject_token.expose_secret())
        .send()
        .await
}
