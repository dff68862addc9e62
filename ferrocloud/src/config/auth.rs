//! From a cloud's `auth_type` and `auth:` mapping (or the `OS_*` variables) to what the
//! provider authenticates with.

use std::fmt;

use secrecy::SecretString;

use super::value::{Obj, get_string};
use crate::auth::{AuthOptions, DomainRef, IdentityVersion, Scope};
use crate::{Error, Result};

/// The authentication plugin a cloud names in `auth_type` (keystoneauth's names).
///
/// ```
/// use ferrocloud::config::AuthType;
/// assert_eq!(AuthType::parse("v3applicationcredential").unwrap(), AuthType::V3ApplicationCredential);
/// assert_eq!(AuthType::parse("token_endpoint").unwrap(), AuthType::AdminToken);
/// assert_eq!(AuthType::parse("noauth").unwrap(), AuthType::NoAuth);
/// assert_eq!(AuthType::parse("v3oidcpassword").unwrap(), AuthType::V3OidcPassword);
/// let err = AuthType::parse("v3samlpassword").unwrap_err();
/// assert!(err.to_string().contains("v3samlpassword"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthType {
    /// `password`: password, identity version discovered.
    Password,
    /// `v3password`.
    V3Password,
    /// `v2password` (identity v2.0).
    V2Password,
    /// `token`: an existing token, identity version discovered.
    Token,
    /// `v3token`.
    V3Token,
    /// `v2token` (identity v2.0).
    V2Token,
    /// `v3applicationcredential`.
    V3ApplicationCredential,
    /// `v3totp`: a TOTP passcode.
    V3Totp,
    /// `v3multifactor` with the methods of `auth_methods` (`v3password`, `v3totp`,
    /// `v3token`).
    V3Multifactor(Vec<AuthType>),
    /// `none` (also `noauth`, `None` or empty): no authentication; every service needs
    /// an endpoint.
    NoAuth,
    /// `admin_token` (also `token_endpoint`): a fixed token and endpoint, no Keystone.
    AdminToken,
    /// `http_basic`: HTTP basic authentication (`username`, `password`) on every request
    /// to a fixed endpoint, as for Ironic behind a proxy; no Keystone.
    HttpBasic,
    /// `v3oidcpassword`: OpenID Connect, password grant.
    V3OidcPassword,
    /// `v3oidcclientcredentials`: OpenID Connect, client credentials grant.
    V3OidcClientCredentials,
    /// `v3oidcaccesstoken`: OpenID Connect, an access token obtained elsewhere.
    V3OidcAccessToken,
}

impl AuthType {
    /// Parses an `auth_type`. Types that ferrocloud cannot authenticate with are an
    /// error that names them.
    ///
    /// ```
    /// use ferrocloud::config::AuthType;
    /// assert_eq!(AuthType::parse("V3Password").unwrap(), AuthType::V3Password);
    /// assert_eq!(AuthType::parse("http_basic").unwrap(), AuthType::HttpBasic);
    /// assert!(AuthType::parse("v3kerberos").unwrap_err().to_string().contains("v3kerberos"));
    /// ```
    pub fn parse(s: &str) -> Result<AuthType> {
        let t = s.trim();
        Ok(match t.to_ascii_lowercase().as_str() {
            "password" => AuthType::Password,
            "v3password" => AuthType::V3Password,
            "v2password" => AuthType::V2Password,
            "token" => AuthType::Token,
            "v3token" => AuthType::V3Token,
            "v2token" => AuthType::V2Token,
            "v3applicationcredential" => AuthType::V3ApplicationCredential,
            "v3totp" => AuthType::V3Totp,
            "v3multifactor" => AuthType::V3Multifactor(Vec::new()),
            "none" | "noauth" | "" => AuthType::NoAuth,
            "admin_token" | "token_endpoint" => AuthType::AdminToken,
            "v3oidcpassword" => AuthType::V3OidcPassword,
            "v3oidcclientcredentials" => AuthType::V3OidcClientCredentials,
            "v3oidcaccesstoken" => AuthType::V3OidcAccessToken,
            "http_basic" => AuthType::HttpBasic,
            _ => {
                return Err(Error::config(format!(
                    "auth_type {t:?} is not supported; ferrocloud supports password, v3password, v2password, token, v3token, v2token, v3applicationcredential, v3totp, v3multifactor, v3oidcpassword, v3oidcclientcredentials, v3oidcaccesstoken, none, admin_token and http_basic"
                )));
            }
        })
    }

    /// The keystoneauth name.
    ///
    /// ```
    /// assert_eq!(ferrocloud::config::AuthType::V3Totp.as_str(), "v3totp");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            AuthType::Password => "password",
            AuthType::V3Password => "v3password",
            AuthType::V2Password => "v2password",
            AuthType::Token => "token",
            AuthType::V3Token => "v3token",
            AuthType::V2Token => "v2token",
            AuthType::V3ApplicationCredential => "v3applicationcredential",
            AuthType::V3Totp => "v3totp",
            AuthType::V3Multifactor(_) => "v3multifactor",
            AuthType::NoAuth => "none",
            AuthType::AdminToken => "admin_token",
            AuthType::HttpBasic => "http_basic",
            AuthType::V3OidcPassword => "v3oidcpassword",
            AuthType::V3OidcClientCredentials => "v3oidcclientcredentials",
            AuthType::V3OidcAccessToken => "v3oidcaccesstoken",
        }
    }

    fn multifactor_method(s: &str) -> Result<AuthType> {
        match s.trim().to_ascii_lowercase().as_str() {
            "v3password" | "password" => Ok(AuthType::V3Password),
            "v3totp" | "totp" => Ok(AuthType::V3Totp),
            "v3token" | "token" => Ok(AuthType::V3Token),
            "v3applicationcredential" | "application_credential" => Err(Error::config(
                "auth_methods: v3applicationcredential cannot be combined with other methods; use auth_type v3applicationcredential",
            )),
            other => Err(Error::config(format!(
                "auth_methods: method {other:?} is not supported in v3multifactor (use v3password, v3totp, v3token)"
            ))),
        }
    }
}

impl fmt::Display for AuthType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a cloud authenticates, once its configuration is resolved.
///
/// Secrets stay [`SecretString`]s: `Debug` never shows them.
///
/// ```
/// use ferrocloud::config::{CloudAuth, CloudConfig};
/// let cfg = CloudConfig::from_value("c", serde_json::json!({
///     "auth": {"auth_url": "http://k:5000/v3", "username": "u", "password": "pw",
///              "user_domain_name": "Default"}})).unwrap();
/// let CloudAuth::Keystone(opts) = &cfg.auth else { panic!() };
/// assert_eq!(opts.username.as_deref(), Some("u"));
/// assert!(!format!("{cfg:?}").contains("\"pw\""));
/// ```
// Built once per cloud and rarely moved: boxing the options would only burden matching.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum CloudAuth {
    /// Authenticate with Keystone.
    Keystone(AuthOptions),
    /// No authentication (`auth_type: none`). `endpoint` (`auth.endpoint`) is used for
    /// every service that has no endpoint of its own.
    NoAuth {
        /// The endpoint of every service.
        endpoint: Option<String>,
    },
    /// A fixed token sent to fixed endpoints (`auth_type: admin_token`).
    AdminToken {
        /// The token.
        token: SecretString,
        /// The endpoint of every service that has no endpoint of its own.
        endpoint: Option<String>,
    },
    /// HTTP basic authentication on every request (`auth_type: http_basic`).
    HttpBasic {
        /// The user name.
        username: String,
        /// The password.
        password: SecretString,
        /// The endpoint of every service that has no endpoint of its own.
        endpoint: Option<String>,
    },
}

impl CloudAuth {
    /// The Keystone options, for the types that use Keystone.
    ///
    /// ```
    /// let auth = ferrocloud::config::CloudAuth::NoAuth { endpoint: None };
    /// assert!(auth.auth_options().is_none());
    /// ```
    pub fn auth_options(&self) -> Option<&AuthOptions> {
        match self {
            CloudAuth::Keystone(o) => Some(o),
            _ => None,
        }
    }

    /// The endpoint that every service uses (`auth.endpoint` of `none`, `admin_token`
    /// and `http_basic`).
    ///
    /// ```
    /// let auth = ferrocloud::config::CloudAuth::NoAuth { endpoint: Some("http://ironic:6385".into()) };
    /// assert_eq!(auth.fixed_endpoint(), Some("http://ironic:6385"));
    /// ```
    pub fn fixed_endpoint(&self) -> Option<&str> {
        match self {
            CloudAuth::Keystone(_) => None,
            CloudAuth::NoAuth { endpoint }
            | CloudAuth::AdminToken { endpoint, .. }
            | CloudAuth::HttpBasic { endpoint, .. } => endpoint.as_deref(),
        }
    }
}

/// How the keys are called where they come from, for error messages.
#[derive(Clone, Copy)]
pub(crate) enum Names<'a> {
    /// `auth.<key>` of a cloud in a file.
    File(&'a str),
    /// `OS_<KEY>` variables.
    Env,
}

impl Names<'_> {
    pub(crate) fn key(&self, key: &str) -> String {
        match self {
            Names::File(_) => format!("auth.{key}"),
            Names::Env => format!("OS_{}", key.to_ascii_uppercase()),
        }
    }

    fn cloud(&self) -> String {
        match self {
            Names::File(c) => format!("cloud {c:?}: "),
            Names::Env => "environment cloud: ".to_string(),
        }
    }

    fn missing(&self, key: &str, why: &str) -> Error {
        let hint = match self {
            Names::File(_) => format!(
                "; set it in clouds.yaml or secure.yaml, or with OS_{}",
                key.to_ascii_uppercase()
            ),
            Names::Env => String::new(),
        };
        Error::config(format!(
            "{}{} is missing ({why}{hint})",
            self.cloud(),
            self.key(key)
        ))
    }
}

/// The scope keys of every identity v3 type (keystoneauth's).
const SCOPE_KEYS: &[&str] = &[
    "auth_url",
    "domain_id",
    "domain_name",
    "project_domain_id",
    "project_domain_name",
    "project_id",
    "project_name",
    "system_scope",
    "trust_id",
];
const USER_KEYS: &[&str] = &["user_id", "username", "user_domain_id", "user_domain_name"];
const DEFAULT_DOMAIN_KEYS: &[&str] = &["default_domain_id", "default_domain_name"];
const V2_KEYS: &[&str] = &["auth_url", "project_id", "project_name", "trust_id"];
const OIDC_KEYS: &[&str] = &[
    "identity_provider",
    "protocol",
    "client_id",
    "client_secret",
    "discovery_endpoint",
    "access_token_endpoint",
    "openid_scope",
    "access_token_type",
];

/// Whether an `auth:` key holds a plain value: the scope, user, domain, endpoint and
/// OpenID Connect keys that are not secrets. Any other key (a secret, or a key no type
/// takes, such as a misspelt `pasword`) is treated as a secret.
pub(crate) fn is_plain_auth_key(key: &str) -> bool {
    let plain = SCOPE_KEYS
        .iter()
        .chain(USER_KEYS)
        .chain(DEFAULT_DOMAIN_KEYS)
        .chain(OIDC_KEYS)
        .chain(&[
            "endpoint",
            "url",
            "application_credential_id",
            "application_credential_name",
            "tenant_id",
            "tenant_name",
            "auth_type",
        ])
        .any(|k| *k == key);
    plain && !super::value::is_secret_key(key)
}

impl AuthType {
    /// The `auth:` keys this type takes (keystoneauth's options, with `project_*` for
    /// v2.0's `tenant_*`); any other key is an error when a cloud is resolved.
    ///
    /// ```
    /// use ferrocloud::config::AuthType;
    /// assert!(AuthType::Password.auth_keys().contains(&"default_domain_id"));
    /// assert!(!AuthType::V3Password.auth_keys().contains(&"default_domain_id"));
    /// assert_eq!(AuthType::HttpBasic.auth_keys(), ["endpoint", "username", "password"]);
    /// ```
    pub fn auth_keys(&self) -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = Vec::new();
        let mut add = |k: &[&'static str]| keys.extend_from_slice(k);
        match self {
            AuthType::Password => {
                add(SCOPE_KEYS);
                add(USER_KEYS);
                add(DEFAULT_DOMAIN_KEYS);
                add(&["password"]);
            }
            AuthType::V3Password => {
                add(SCOPE_KEYS);
                add(USER_KEYS);
                add(&["password"]);
            }
            AuthType::V2Password => {
                add(V2_KEYS);
                add(&["user_id", "username", "password"]);
            }
            AuthType::Token => {
                add(SCOPE_KEYS);
                add(DEFAULT_DOMAIN_KEYS);
                add(&["token"]);
            }
            AuthType::V3Token => {
                add(SCOPE_KEYS);
                add(&["token"]);
            }
            AuthType::V2Token => {
                add(V2_KEYS);
                add(&["token"]);
            }
            AuthType::V3ApplicationCredential => {
                add(SCOPE_KEYS);
                add(USER_KEYS);
                add(&[
                    "application_credential_id",
                    "application_credential_name",
                    "application_credential_secret",
                ]);
            }
            AuthType::V3Totp => {
                add(SCOPE_KEYS);
                add(USER_KEYS);
                add(&["passcode"]);
            }
            AuthType::V3Multifactor(methods) => {
                add(SCOPE_KEYS);
                for m in methods {
                    for k in m.auth_keys() {
                        if !keys.contains(&k) {
                            keys.push(k);
                        }
                    }
                }
            }
            AuthType::NoAuth => add(&["endpoint"]),
            AuthType::AdminToken => add(&["endpoint", "token"]),
            AuthType::HttpBasic => add(&["endpoint", "username", "password"]),
            AuthType::V3OidcPassword => {
                add(SCOPE_KEYS);
                add(OIDC_KEYS);
                add(&["username", "password"]);
            }
            AuthType::V3OidcClientCredentials => {
                add(SCOPE_KEYS);
                add(OIDC_KEYS);
            }
            AuthType::V3OidcAccessToken => {
                add(SCOPE_KEYS);
                add(&["identity_provider", "protocol", "access_token"]);
            }
        }
        keys
    }
}

/// Refuses the `auth:` keys that `auth_type` does not take, naming the key and the type;
/// keys that came from `OS_*` variables (`lenient`) are dropped instead, as they are set
/// for every cloud. Returns whether a key was dropped.
pub(crate) fn check_keys(
    auth_type: &AuthType,
    auth: &mut Obj,
    lenient: &[String],
    names: Names<'_>,
) -> Result<bool> {
    let accepted = auth_type.auth_keys();
    let unknown: Vec<String> = auth
        .keys()
        .filter(|k| !accepted.contains(&k.as_str()))
        .cloned()
        .collect();
    let mut dropped = false;
    for key in unknown {
        if lenient.contains(&key) {
            auth.remove(&key);
            dropped = true;
            continue;
        }
        let mut takes = accepted.clone();
        takes.sort_unstable();
        return Err(Error::config(format!(
            "{}{} is not an option of auth_type {auth_type} (it takes: {})",
            names.cloud(),
            names.key(&key),
            takes.join(", ")
        )));
    }
    Ok(dropped)
}

/// What is known about the auth type: the configured one (or `None` when the cloud does
/// not say) and the multifactor methods.
pub(crate) fn resolve_type(
    configured: Option<&str>,
    methods: Option<Vec<String>>,
    opts: Option<&AuthOptions>,
) -> Result<AuthType> {
    let t = match configured {
        Some(t) => AuthType::parse(t)?,
        // Not configured: password, unless what is given is clearly another method.
        None => match opts {
            Some(o) if o.password.is_none() => {
                if o.application_credential_id.is_some() || o.application_credential_name.is_some()
                {
                    AuthType::V3ApplicationCredential
                } else if o.passcode.is_some() {
                    AuthType::V3Totp
                } else if o.token.is_some() {
                    AuthType::Token
                } else {
                    AuthType::Password
                }
            }
            _ => AuthType::Password,
        },
    };
    if let AuthType::V3Multifactor(_) = t {
        let methods = methods.unwrap_or_default();
        if methods.is_empty() {
            return Err(Error::config(
                "auth_type v3multifactor needs auth_methods (for example [v3password, v3totp])",
            ));
        }
        let parsed = methods
            .iter()
            .map(|m| AuthType::multifactor_method(m))
            .collect::<Result<Vec<_>>>()?;
        return Ok(AuthType::V3Multifactor(parsed));
    }
    Ok(t)
}

fn domain(auth: &Obj, id: &str, name: &str, w: &str) -> Result<Option<DomainRef>> {
    Ok(match get_string(auth, id, w)? {
        Some(i) => Some(DomainRef::Id(i)),
        None => get_string(auth, name, w)?.map(DomainRef::Name),
    })
}

fn parse_identity_version(v: &str) -> Result<IdentityVersion> {
    match v.trim().trim_start_matches(['v', 'V']) {
        "3" | "3.0" => Ok(IdentityVersion::V3),
        "2" | "2.0" => Ok(IdentityVersion::V2),
        other => Err(Error::config(format!(
            "identity_api_version {other:?} is not supported (use 3 or 2.0)"
        ))),
    }
}

/// Reads every credential and scope key of a cloud's `auth:` mapping into
/// [`AuthOptions`]; [`shape`] then keeps what the auth type uses. Of a project's name
/// and ID, the ID scopes; a project name without a domain waits for the identity version
/// ([`Scope::ProjectNameOnly`]).
pub(crate) fn options_from_map(
    cloud: &str,
    auth: &Obj,
    identity_api_version: Option<&str>,
) -> Result<AuthOptions> {
    let names = Names::File(cloud);
    let w = "auth.";
    let secret = |k: &str| -> Result<Option<SecretString>> {
        Ok(get_string(auth, k, w)?.map(SecretString::from))
    };
    let mut o = AuthOptions {
        auth_url: get_string(auth, "auth_url", w)?.unwrap_or_default(),
        user_id: get_string(auth, "user_id", w)?,
        username: get_string(auth, "username", w)?,
        user_domain: domain(auth, "user_domain_id", "user_domain_name", w)?,
        default_domain: domain(auth, "default_domain_id", "default_domain_name", w)?,
        password: secret("password")?,
        passcode: secret("passcode")?,
        token: secret("token")?,
        application_credential_id: get_string(auth, "application_credential_id", w)?,
        application_credential_name: get_string(auth, "application_credential_name", w)?,
        application_credential_secret: secret("application_credential_secret")?,
        identity_version: identity_api_version
            .map(parse_identity_version)
            .transpose()?,
        ..AuthOptions::default()
    };
    let project_domain = domain(auth, "project_domain_id", "project_domain_name", w)?;
    let project_name = get_string(auth, "project_name", w)?;
    let project_id = get_string(auth, "project_id", w)?;
    o.scope = if let Some(trust) = get_string(auth, "trust_id", w)? {
        Some(Scope::Trust(trust))
    } else if let Some(system) = get_string(auth, "system_scope", w)? {
        if system != "all" {
            return Err(Error::config(format!(
                "{}auth.system_scope must be \"all\"",
                names.cloud()
            )));
        }
        Some(Scope::System)
    } else if let Some(id) = project_id {
        Some(Scope::ProjectId(id))
    } else if let Some(name) = project_name {
        Some(match project_domain {
            Some(domain) => Scope::ProjectName { name, domain },
            None => Scope::ProjectNameOnly(name),
        })
    } else {
        domain(auth, "domain_id", "domain_name", w)?.map(Scope::Domain)
    };
    Ok(o)
}

/// Keeps what `auth_type` uses of `o`, forces the identity version the type implies, and
/// checks that what the type needs is there. Names without a domain are refused here
/// only for the types that are identity v3 by name; for `password` and `token` the
/// identity version is known at authentication, which then names the missing key.
pub(crate) fn shape(
    auth_type: &AuthType,
    mut o: AuthOptions,
    names: Names<'_>,
) -> Result<AuthOptions> {
    let t = auth_type.as_str();
    if o.auth_url.trim().is_empty() {
        return Err(names.missing(
            "auth_url",
            &format!("auth_type {t} authenticates with Keystone"),
        ));
    }
    let need_user = |o: &AuthOptions, why: &str| -> Result<()> {
        if o.user_id.is_none() && o.username.is_none() {
            return Err(names.missing("username", &format!("or {}; {why}", names.key("user_id"))));
        }
        Ok(())
    };
    let clear_app_cred = |o: &mut AuthOptions| {
        o.application_credential_id = None;
        o.application_credential_name = None;
        o.application_credential_secret = None;
    };
    let mut methods: Vec<AuthType> = match auth_type {
        AuthType::V3Multifactor(m) => m.clone(),
        other => vec![other.clone()],
    };
    methods.dedup();
    let uses = |a: &[AuthType]| methods.iter().any(|m| a.contains(m));
    let password = uses(&[
        AuthType::Password,
        AuthType::V3Password,
        AuthType::V2Password,
    ]);
    let token = uses(&[AuthType::Token, AuthType::V3Token, AuthType::V2Token]);
    let totp = uses(&[AuthType::V3Totp]);
    let app_cred = uses(&[AuthType::V3ApplicationCredential]);

    if !password {
        o.password = None;
    }
    if !token {
        o.token = None;
    }
    if !totp {
        o.passcode = None;
    }
    if !app_cred {
        clear_app_cred(&mut o);
    }
    if password && o.password.is_none() {
        return Err(names.missing("password", &format!("auth_type {t}")));
    }
    if totp && o.passcode.is_none() {
        return Err(names.missing("passcode", &format!("auth_type {t}")));
    }
    if token && o.token.is_none() {
        return Err(names.missing("token", &format!("auth_type {t}")));
    }
    if password || totp {
        need_user(&o, &format!("auth_type {t}"))?;
    }
    if token && !password && !totp {
        o.user_id = None;
        o.username = None;
        o.user_domain = None;
    }
    if app_cred {
        if o.application_credential_secret.is_none() {
            return Err(names.missing(
                "application_credential_secret",
                "auth_type v3applicationcredential",
            ));
        }
        if o.application_credential_id.is_none() {
            if o.application_credential_name.is_none() {
                return Err(names.missing(
                    "application_credential_id",
                    &format!(
                        "or {}; auth_type v3applicationcredential",
                        names.key("application_credential_name")
                    ),
                ));
            }
            need_user(
                &o,
                "an application credential given by name belongs to a user",
            )?;
        } else {
            o.user_id = None;
            o.username = None;
            o.user_domain = None;
        }
        // An application credential carries its own scope.
        o.scope = None;
    }
    match auth_type {
        AuthType::V2Password | AuthType::V2Token => o.identity_version = Some(IdentityVersion::V2),
        AuthType::Password | AuthType::Token => {}
        _ => o.identity_version = Some(IdentityVersion::V3),
    }
    let explicit_v3 = !matches!(
        auth_type,
        AuthType::Password | AuthType::Token | AuthType::V2Password | AuthType::V2Token
    );
    if explicit_v3
        && o.default_domain.is_none()
        && matches!(o.scope, Some(Scope::ProjectNameOnly(_)))
    {
        return Err(Error::config(format!(
            "{}{} needs {} or {} (or {}): auth_type {t} is identity v3, where a project name is unique only within a domain",
            names.cloud(),
            names.key("project_name"),
            names.key("project_domain_name"),
            names.key("project_domain_id"),
            names.key("domain_name"),
        )));
    }
    if auth_type == &AuthType::V2Password && o.username.is_none() {
        return Err(names.missing("username", "identity v2.0 authenticates users by name"));
    }
    if explicit_v3
        && o.user_id.is_none()
        && o.username.is_some()
        && o.user_domain.is_none()
        && o.default_domain.is_none()
    {
        return Err(Error::config(format!(
            "{}{} needs {} or {}: auth_type {t} is identity v3, where a user name is unique only within a domain",
            names.cloud(),
            names.key("username"),
            names.key("user_domain_name"),
            names.key("user_domain_id"),
        )));
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ExposeSecret;
    use serde_json::json;

    fn obj(v: serde_json::Value) -> Obj {
        v.as_object().unwrap().clone()
    }

    fn build(t: &str, auth: serde_json::Value) -> Result<AuthOptions> {
        let ty = resolve_type(Some(t), None, None)?;
        let o = options_from_map("c", &obj(auth), None)?;
        shape(&ty, o, Names::File("c"))
    }

    #[test]
    fn types_keep_only_their_credentials() {
        let all = json!({"auth_url": "http://k/v3", "username": "u", "user_domain_id": "default",
            "password": "pw", "token": "tok", "passcode": "123456",
            "application_credential_id": "ac", "application_credential_secret": "acs"});
        let o = build("password", all.clone()).unwrap();
        assert!(o.token.is_none() && o.passcode.is_none() && o.application_credential_id.is_none());
        assert_eq!(o.password.unwrap().expose_secret(), "pw");
        let o = build("v3token", all.clone()).unwrap();
        assert!(o.password.is_none() && o.username.is_none());
        assert_eq!(o.identity_version, Some(IdentityVersion::V3));
        let o = build("v3totp", all.clone()).unwrap();
        assert_eq!(
            o.v3_request_body().unwrap()["auth"]["identity"]["methods"],
            json!(["totp"])
        );
        let o = build("v3applicationcredential", all).unwrap();
        assert!(o.username.is_none() && o.password.is_none());
    }

    #[test]
    fn missing_credentials_name_the_key() {
        let e = build(
            "password",
            json!({"auth_url": "http://k/v3", "username": "u"}),
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("cloud \"c\": auth.password is missing"),
            "{e}"
        );
        let e = build("v3token", json!({"auth_url": "http://k/v3"})).unwrap_err();
        assert!(e.to_string().contains("auth.token is missing"), "{e}");
        let e = build("password", json!({"password": "pw"})).unwrap_err();
        assert!(e.to_string().contains("auth.auth_url is missing"), "{e}");
        assert!(!e.to_string().contains("pw"));
        let e = build(
            "v3password",
            json!({"auth_url": "http://k", "username": "u", "password": "p"}),
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("auth.username needs auth.user_domain_name"),
            "{e}"
        );
        let e = build(
            "v2password",
            json!({"auth_url": "http://k", "user_id": "u", "password": "p"}),
        )
        .unwrap_err();
        assert!(e.to_string().contains("by name"), "{e}");
    }

    #[test]
    fn multifactor_methods() {
        let m = resolve_type(
            Some("v3multifactor"),
            Some(vec!["v3password".into(), "v3totp".into()]),
            None,
        )
        .unwrap();
        assert_eq!(
            m,
            AuthType::V3Multifactor(vec![AuthType::V3Password, AuthType::V3Totp])
        );
        assert!(resolve_type(Some("v3multifactor"), None, None).is_err());
        let e = resolve_type(
            Some("v3multifactor"),
            Some(vec!["v3oidcpassword".into()]),
            None,
        )
        .unwrap_err();
        assert!(e.to_string().contains("v3oidcpassword"));
    }

    #[test]
    fn inferred_type_when_none_is_configured() {
        let mut o = AuthOptions::application_credential("http://k", "id", "s");
        assert_eq!(
            resolve_type(None, None, Some(&o)).unwrap(),
            AuthType::V3ApplicationCredential
        );
        o.password = Some("p".to_string().into());
        assert_eq!(
            resolve_type(None, None, Some(&o)).unwrap(),
            AuthType::Password
        );
        let o = AuthOptions::token("http://k", "t");
        assert_eq!(resolve_type(None, None, Some(&o)).unwrap(), AuthType::Token);
    }

    #[test]
    fn identity_versions() {
        assert_eq!(parse_identity_version("3").unwrap(), IdentityVersion::V3);
        assert_eq!(parse_identity_version("v2.0").unwrap(), IdentityVersion::V2);
        assert!(parse_identity_version("4").is_err());
    }
}
