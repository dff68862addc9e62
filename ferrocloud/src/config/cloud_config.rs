//! One cloud, resolved: how it authenticates, its region and interface, its TLS settings,
//! and its per-service settings.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use secrecy::SecretString;
use serde_json::Value;

use super::auth::{AuthType, CloudAuth, Names, check_keys, options_from_map, resolve_type, shape};
use super::env::Environment;
use super::loader::{CloudsConfig, partner};
use super::service::{ServiceConfig, key_prefixes, microversion, official_type, split_version};
use super::tls::{KeyPem, Pem, TlsConfig, is_inline_pem};
use super::value::{Obj, REDACTED, expand, get_bool, get_string, is_secret_key, redact, scalar};
use crate::auth::{Availability, Scope};
use crate::{Error, ProviderClient, Result};

/// A cloud's configuration once files, profile, region and environment are merged.
///
/// It holds no secret in a form that `Debug` would show: credentials are in
/// [`CloudAuth`] as [`SecretString`]s and the other settings are kept with secrets
/// redacted.
///
/// ```
/// use ferrocloud::config::{AuthType, CloudConfig};
/// let cfg = CloudConfig::from_value("mycloud", serde_json::json!({
///     "profile": "citycloud",
///     "region_name": "Kna1",
///     "auth": {"username": "u", "password": "pw", "project_name": "p",
///              "user_domain_name": "Default", "project_domain_name": "Default"},
///     "compute_api_version": "2.79",
/// })).unwrap();
/// assert_eq!(cfg.auth_type, AuthType::Password);
/// assert_eq!(cfg.auth_url(), Some("https://Kna1.citycloud.com:5000/v3/"));
/// assert_eq!(cfg.service("compute").unwrap().microversion.as_deref(), Some("2.79"));
/// assert_eq!(cfg.setting("image_format"), Some(&serde_json::json!("raw")));
/// ```
#[derive(Debug, Clone)]
pub struct CloudConfig {
    /// The cloud's name.
    pub name: String,
    /// The region in use, if any.
    pub region_name: Option<String>,
    /// The regions the cloud lists (its own `regions`/`region_name`, else its profile's).
    pub regions: Vec<String>,
    /// The vendor profile, if any.
    pub profile: Option<String>,
    /// The authentication type.
    pub auth_type: AuthType,
    /// How to authenticate.
    pub auth: CloudAuth,
    /// The default interface of every service.
    pub interface: Availability,
    /// TLS settings.
    pub tls: TlsConfig,
    /// The longest wait for the server, to connect and for each read (`api_timeout`;
    /// the provider's defaults when 0 or unset, see [`crate::provider::Timeouts`]).
    pub api_timeout: Option<Duration>,
    /// The files the settings came from.
    pub sources: Vec<PathBuf>,
    settings: Obj,
    auth_values: BTreeMap<String, AuthValue>,
}

/// One value of a resolved `auth:` mapping: secrets (passwords, tokens, secrets, keys,
/// and any key that is not a known plain one, such as a misspelt `pasword`) stay
/// [`SecretString`]s, whose `Debug` hides them.
///
/// ```
/// use ferrocloud::config::AuthValue;
/// let v = AuthValue::new("password", &serde_json::json!("s3cret"));
/// assert!(v.is_secret() && !format!("{v:?}").contains("s3cret"));
/// assert_eq!(AuthValue::new("username", &serde_json::json!("u")).as_text(), Some("u"));
/// ```
#[derive(Debug, Clone)]
pub enum AuthValue {
    /// A plain value (numbers and booleans written out).
    Text(String),
    /// A secret.
    Secret(SecretString),
}

impl AuthValue {
    /// The value of `key`, secret or not by its name.
    pub fn new(key: &str, value: &Value) -> AuthValue {
        let text = scalar(value).unwrap_or_else(|| value.to_string());
        if super::auth::is_plain_auth_key(key) {
            AuthValue::Text(text)
        } else {
            AuthValue::Secret(SecretString::from(text))
        }
    }

    /// The value, unless it is a secret.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            AuthValue::Text(t) => Some(t),
            AuthValue::Secret(_) => None,
        }
    }

    /// Whether the value is a secret.
    pub fn is_secret(&self) -> bool {
        matches!(self, AuthValue::Secret(_))
    }
}

/// An `auth:` mapping as [`AuthValue`]s (null values left out).
fn auth_values(auth: &Obj) -> BTreeMap<String, AuthValue> {
    auth.iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| (k.clone(), AuthValue::new(k, v)))
        .collect()
}

/// A cloud's merged settings, resolved without checking or building its authentication
/// (openstacksdk's `validate=False`): for tools that show or edit configuration. The
/// region is still chosen and checked; missing or unknown `auth:` keys are not errors.
/// `Debug` hides secrets.
#[derive(Debug, Clone)]
pub struct CloudSettings {
    /// The cloud's name.
    pub name: String,
    /// The region in use, if any.
    pub region_name: Option<String>,
    /// The regions the cloud lists.
    pub regions: Vec<String>,
    /// The files the settings came from.
    pub sources: Vec<PathBuf>,
    settings: Obj,
    auth: BTreeMap<String, AuthValue>,
}

impl CloudSettings {
    /// A top-level setting (`auth_type`, `interface`, `compute_api_version`…), secrets
    /// redacted.
    pub fn setting(&self, key: &str) -> Option<&Value> {
        self.settings.get(key)
    }

    /// The resolved `auth:` mapping, keys and values, secrets held as secrets.
    pub fn auth(&self) -> &BTreeMap<String, AuthValue> {
        &self.auth
    }
}

/// Spreads the domains and expands `{key}` templates: what every resolution does before
/// authentication is read.
fn prepare(cfg: &mut Obj) -> Obj {
    let mut auth = match cfg.remove("auth") {
        Some(Value::Object(a)) => a,
        _ => Obj::new(),
    };
    spread_domain(&mut auth);
    // `{name}` templates: the auth URL first, then every other top-level string.
    let vars: Obj = cfg.clone();
    if let Some(Value::String(u)) = auth.get("auth_url") {
        let expanded = expand(u, &vars);
        auth.insert("auth_url".into(), Value::String(expanded));
    }
    for (k, v) in cfg.iter_mut() {
        if let Value::String(s) = v
            && !is_secret_key(k)
            && s.contains('{')
        {
            *s = expand(s, &vars);
        }
    }
    auth
}

/// Ends an unvalidated resolution (see [`CloudSettings`]).
pub(crate) fn finish_unvalidated(f: Finish<'_>) -> Result<CloudSettings> {
    let Finish {
        name,
        mut cfg,
        regions,
        sources,
        ..
    } = f;
    let auth = prepare(&mut cfg);
    let region_name = cfg.get("region_name").and_then(scalar);
    let settings = match redact(&Value::Object(cfg)) {
        Value::Object(m) => m,
        _ => Obj::new(),
    };
    Ok(CloudSettings {
        name: name.to_string(),
        region_name,
        regions,
        sources,
        settings,
        auth: auth_values(&auth),
    })
}

/// Looks up a variable by name.
pub(crate) type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// What [`finish`] needs besides the merged settings.
pub(crate) struct Finish<'a> {
    pub name: &'a str,
    pub cfg: Obj,
    pub env: &'a Environment,
    /// For the environment cloud: the variables to read credentials from.
    pub env_auth: Option<Lookup<'a>>,
    /// Why things may be missing (an unresolved profile…), added to errors.
    pub notes: Vec<String>,
    /// `auth:` keys whose value came from `OS_*` variables: dropped, not refused, when
    /// the auth type does not take them.
    pub env_keys: Vec<String>,
    pub regions: Vec<String>,
    pub sources: Vec<PathBuf>,
}

/// Domains given once for both user and project (`domain_id`/`domain_name` with a
/// project scope) become the default of each.
fn spread_domain(auth: &mut Obj) {
    let has = |a: &Obj, k: &str| a.get(k).is_some_and(|v| !v.is_null());
    let project_scoped = has(auth, "project_id") || has(auth, "project_name");
    if !project_scoped {
        return;
    }
    for (source, targets) in [
        ("domain_id", ["user_domain_id", "project_domain_id"]),
        ("domain_name", ["user_domain_name", "project_domain_name"]),
    ] {
        if let Some(v) = auth.remove(source).filter(|v| !v.is_null()) {
            for t in targets {
                let taken = has(auth, t) || partner(t).is_some_and(|p| has(auth, p));
                if !taken {
                    auth.insert(t.to_string(), v.clone());
                }
            }
        }
    }
}

fn auth_methods(cfg: &Obj) -> Result<Option<Vec<String>>> {
    Ok(match cfg.get("auth_methods") {
        None | Some(Value::Null) => None,
        Some(Value::Array(a)) => Some(a.iter().filter_map(scalar).collect()),
        Some(v) => Some(
            scalar(v)
                .ok_or_else(|| {
                    Error::config("auth_methods must be a list or a comma-separated string")
                })?
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        ),
    })
}

fn interface(v: Option<&Value>, what: &str) -> Result<Option<Availability>> {
    let text = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Array(a)) => a.iter().find_map(scalar),
        Some(v) => scalar(v),
    };
    match text {
        None => Ok(None),
        Some(t) => Availability::parse(&t).map(Some).map_err(|_| {
            Error::config(format!(
                "{what} {t:?} is not an interface (public, internal or admin)"
            ))
        }),
    }
}

pub(crate) fn finish(f: Finish<'_>) -> Result<CloudConfig> {
    let Finish {
        name,
        mut cfg,
        env,
        env_auth,
        notes,
        env_keys,
        regions,
        sources,
    } = f;
    let in_cloud = |e: Error| -> Error {
        let msg = e.service_message().to_string();
        let mut msg = if msg.starts_with("cloud ") || msg.starts_with("environment cloud") {
            msg
        } else {
            format!("cloud {name:?}: {msg}")
        };
        for n in &notes {
            msg.push_str("; ");
            msg.push_str(n);
        }
        Error::config(msg)
    };
    let mut auth = prepare(&mut cfg);
    let resolved_auth = auth_values(&auth);

    let configured = get_string(&cfg, "auth_type", "").map_err(in_cloud)?;
    let methods = auth_methods(&cfg).map_err(in_cloud)?;
    let identity_api_version = get_string(&cfg, "identity_api_version", "").map_err(in_cloud)?;
    let explicit = match &configured {
        Some(t) => Some(AuthType::parse(t).map_err(in_cloud)?),
        None => None,
    };
    let names = match env_auth {
        Some(_) => Names::Env,
        None => Names::File(name),
    };
    let fixed_endpoint = |auth: &Obj| get_string(auth, "endpoint", "auth.").map_err(in_cloud);
    let (auth_type, cloud_auth) = match explicit {
        Some(t @ (AuthType::NoAuth | AuthType::AdminToken | AuthType::HttpBasic)) => {
            if t == AuthType::AdminToken
                && let Some(url) = auth.remove("url")
            {
                // `url` is the old name of `endpoint`, which wins.
                auth.entry("endpoint").or_insert(url);
            }
            if env_auth.is_none() {
                check_keys(&t, &mut auth, &env_keys, names).map_err(in_cloud)?;
            }
            let needed = |key: &str| -> Result<String> {
                get_string(&auth, key, "auth.")
                    .map_err(in_cloud)?
                    .ok_or_else(|| {
                        in_cloud(Error::config(format!(
                            "{} is missing (auth_type {t})",
                            names.key(key)
                        )))
                    })
            };
            let a = match t {
                AuthType::NoAuth => CloudAuth::NoAuth {
                    endpoint: fixed_endpoint(&auth)?,
                },
                AuthType::AdminToken => CloudAuth::AdminToken {
                    token: SecretString::from(needed("token")?),
                    endpoint: fixed_endpoint(&auth)?,
                },
                _ => CloudAuth::HttpBasic {
                    username: needed("username")?,
                    password: SecretString::from(needed("password")?),
                    endpoint: fixed_endpoint(&auth)?,
                },
            };
            (t, a)
        }
        _ => {
            let read = |auth: &Obj| -> Result<crate::AuthOptions> {
                match env_auth {
                    Some(lookup) => crate::auth::env::auth_options_from(lookup),
                    None => options_from_map(name, auth, identity_api_version.as_deref()),
                }
            };
            let mut opts = read(&auth).map_err(in_cloud)?;
            let t = resolve_type(configured.as_deref(), methods, Some(&opts)).map_err(in_cloud)?;
            if env_auth.is_none()
                && check_keys(&t, &mut auth, &env_keys, names).map_err(in_cloud)?
            {
                opts = read(&auth).map_err(in_cloud)?;
            }
            let opts = match &t {
                AuthType::V3OidcPassword
                | AuthType::V3OidcClientCredentials
                | AuthType::V3OidcAccessToken => {
                    let mut opts = opts;
                    if opts.oidc.is_none() {
                        let oidc = crate::auth::oidc::from_settings(t.as_str(), |k| {
                            get_string(&auth, k, "auth.").ok().flatten()
                        })
                        .map_err(|e| {
                            Error::config(e.service_message().replace("needs ", "needs auth."))
                        })
                        .map_err(in_cloud)?;
                        opts.oidc = oidc;
                    }
                    opts.password = None;
                    opts.passcode = None;
                    opts.token = None;
                    if opts.auth_url.trim().is_empty() {
                        return Err(in_cloud(Error::config("auth.auth_url is missing")));
                    }
                    if matches!(opts.scope, Some(Scope::ProjectNameOnly(_)))
                        && opts.default_domain.is_none()
                    {
                        return Err(in_cloud(Error::config(
                            "auth.project_name needs auth.project_domain_name or auth.project_domain_id",
                        )));
                    }
                    opts
                }
                _ => shape(&t, opts, names).map_err(in_cloud)?,
            };
            (t, CloudAuth::Keystone(opts))
        }
    };

    let verify = get_bool(&cfg, "verify", "")
        .map_err(in_cloud)?
        .unwrap_or(true);
    let insecure = get_bool(&cfg, "insecure", "")
        .map_err(in_cloud)?
        .unwrap_or(false);
    let pem = |key: &str| -> Result<Option<Pem>> {
        Ok(get_string(&cfg, key, "").map_err(in_cloud)?.map(|v| {
            if is_inline_pem(&v) {
                Pem::Inline(v)
            } else {
                Pem::File(env.expand_home(v.trim()))
            }
        }))
    };
    let client_key = get_string(&cfg, "key", "").map_err(in_cloud)?.map(|v| {
        if is_inline_pem(&v) {
            KeyPem::Inline(SecretString::from(v))
        } else {
            KeyPem::File(env.expand_home(v.trim()))
        }
    });
    let tls = TlsConfig {
        verify: verify && !insecure,
        ca_cert: pem("cacert")?,
        client_cert: pem("cert")?,
        client_key,
    };

    let api_timeout = match cfg.get("api_timeout").filter(|v| !v.is_null()) {
        None => None,
        Some(v) => {
            let secs = scalar(v)
                .and_then(|s| s.trim().parse::<f64>().ok())
                .filter(|s| *s >= 0.0)
                .and_then(|s| Duration::try_from_secs_f64(s).ok())
                .ok_or_else(|| {
                    in_cloud(Error::config("api_timeout must be a number of seconds"))
                })?;
            (!secs.is_zero()).then_some(secs)
        }
    };
    let interface = interface(cfg.get("interface"), "interface")
        .map_err(in_cloud)?
        .unwrap_or_default();
    let region_name = get_string(&cfg, "region_name", "").map_err(in_cloud)?;
    let profile = get_string(&cfg, "profile", "").map_err(in_cloud)?;

    // What remains is kept for per-service lookups and `setting`, without secrets.
    for k in ["key", "password", "token", "passcode", "auth_token"] {
        cfg.remove(k);
    }
    let settings = match redact(&Value::Object(cfg)) {
        Value::Object(m) => m,
        _ => Obj::new(),
    };
    Ok(CloudConfig {
        name: name.to_string(),
        region_name,
        regions,
        profile,
        auth_type,
        auth: cloud_auth,
        interface,
        tls,
        api_timeout,
        sources,
        settings,
        auth_values: resolved_auth,
    })
}

impl CloudConfig {
    /// The resolved `auth:` mapping, keys and values as the layers gave them (after the
    /// domains are spread and templates expanded), secrets held as secrets.
    ///
    /// ```
    /// let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    ///     "auth": {"auth_url": "http://k:5000/v3", "username": "u", "password": "pw",
    ///              "project_name": "p", "domain_id": "default"}})).unwrap();
    /// let auth = cfg.auth_values();
    /// assert_eq!(auth["user_domain_id"].as_text(), Some("default"));
    /// assert!(auth["password"].is_secret());
    /// ```
    pub fn auth_values(&self) -> &BTreeMap<String, AuthValue> {
        &self.auth_values
    }

    /// Resolves a cloud from one `clouds.yaml` entry, without files or `OS_*` variables
    /// (built-in vendor profiles still apply).
    ///
    /// ```
    /// let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    ///     "auth": {"auth_url": "http://k:5000/v3", "application_credential_id": "ac",
    ///              "application_credential_secret": "s"}})).unwrap();
    /// assert_eq!(cfg.auth_type, ferrocloud::config::AuthType::V3ApplicationCredential);
    /// ```
    pub fn from_value(name: &str, entry: Value) -> Result<CloudConfig> {
        let mut clouds = serde_json::Map::new();
        clouds.insert(name.to_string(), entry);
        let doc = serde_json::json!({ "clouds": Value::Object(clouds) });
        CloudsConfig::from_value(doc, Environment::new(|_| None))?.cloud(Some(name))
    }

    /// A setting as written in `clouds.yaml` (after merging), with secrets redacted.
    /// Credentials are not here: see [`auth`](Self::auth).
    ///
    /// ```
    /// let cfg = ferrocloud::config::CloudConfig::from_value("c", serde_json::json!({
    ///     "auth_type": "none", "auth": {"endpoint": "http://ironic:6385"},
    ///     "image_format": "raw", "my_password": "x"})).unwrap();
    /// assert_eq!(cfg.setting("image_format").unwrap(), "raw");
    /// assert_eq!(cfg.setting("my_password").unwrap(), "<redacted>");
    /// assert!(cfg.setting("auth").is_none());
    /// ```
    pub fn setting(&self, key: &str) -> Option<&Value> {
        self.settings.get(&key.replace('-', "_"))
    }

    /// Every top-level setting, by name, secrets redacted as in [`setting`](Self::setting)
    /// (`auth` is apart: [`auth_values`](Self::auth_values)).
    ///
    /// ```
    /// let cfg = ferrocloud::config::CloudConfig::from_value("c", serde_json::json!({
    ///     "auth": {"auth_url": "http://k:5000/v3", "token": "t"},
    ///     "image_format": "raw", "my_password": "x"})).unwrap();
    /// let all: Vec<_> = cfg.settings().collect();
    /// assert!(all.contains(&("image_format", &serde_json::json!("raw"))));
    /// assert!(all.contains(&("my_password", &serde_json::json!("<redacted>"))));
    /// ```
    pub fn settings(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.settings.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The Keystone URL, for the types that use Keystone.
    ///
    /// ```
    /// let cfg = ferrocloud::config::CloudConfig::from_value("c", serde_json::json!({
    ///     "auth": {"auth_url": "http://k:5000/v3", "token": "t"}})).unwrap();
    /// assert_eq!(cfg.auth_url(), Some("http://k:5000/v3"));
    /// ```
    pub fn auth_url(&self) -> Option<&str> {
        self.auth.auth_options().map(|o| o.auth_url.as_str())
    }

    /// The settings of one service, named by type (`block-storage`), alias (`volume`)
    /// or with `_` for `-` (`object_store`).
    ///
    /// ```
    /// let cfg = ferrocloud::config::CloudConfig::from_value("c", serde_json::json!({
    ///     "auth": {"auth_url": "http://k:5000/v3", "token": "t"},
    ///     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p"})).unwrap();
    /// let swift = cfg.service("object_store").unwrap();
    /// assert_eq!(swift.service_type, "object-store");
    /// assert!(swift.endpoint_override.is_some());
    /// ```
    pub fn service(&self, service: &str) -> Result<ServiceConfig> {
        let official = official_type(service);
        let prefixes = key_prefixes(&official);
        let get = |suffix: &str| -> Result<Option<(String, String)>> {
            for p in &prefixes {
                let key = format!("{p}_{suffix}");
                if let Some(v) = get_string(&self.settings, &key, "")?
                    && v != REDACTED
                {
                    return Ok(Some((key, v)));
                }
            }
            Ok(None)
        };
        let ctx =
            |e: Error| Error::config(format!("cloud {:?}: {}", self.name, e.service_message()));
        let region_name = get("region_name")
            .map_err(ctx)?
            .map(|(_, v)| v)
            .or_else(|| self.region_name.clone());
        let interface = match prefixes
            .iter()
            .map(|p| format!("{p}_interface"))
            .find(|k| self.settings.get(k).is_some_and(|v| !v.is_null()))
        {
            Some(k) => interface(self.settings.get(&k), &k)
                .map_err(ctx)?
                .unwrap_or(self.interface),
            None => self.interface,
        };
        let mut endpoint_override = match get("endpoint_override").map_err(ctx)? {
            Some((_, v)) => Some(v),
            None => get("endpoint").map_err(ctx)?.map(|(_, v)| v),
        }
        .or_else(|| self.auth.fixed_endpoint().map(str::to_string));
        if self.profile.as_deref() == Some("rackspace") && official == "block-storage" {
            // Its block storage v2 endpoint is not in the catalog and ends with the project.
            if let (Some(ep), Some(Scope::ProjectId(p))) = (
                endpoint_override.as_mut(),
                self.auth.auth_options().and_then(|o| o.scope.as_ref()),
            ) {
                ep.push_str(p);
            }
        }
        let (api_version, implied) = match get("api_version").map_err(ctx)? {
            None => (None, None),
            Some((key, v)) => match split_version(&v) {
                Some((major, micro)) => (Some(major), micro),
                None => {
                    tracing::warn!(cloud = %self.name, "ignoring {key} {v:?}: not an API version");
                    (None, None)
                }
            },
        };
        let default_micro = get("default_microversion").map_err(ctx)?.map(|(_, v)| v);
        let microversion = microversion(&official, implied, default_micro).map_err(ctx)?;
        Ok(ServiceConfig {
            catalog_type: get("service_type").map_err(ctx)?.map(|(_, v)| v),
            service_name: get("service_name").map_err(ctx)?.map(|(_, v)| v),
            service_type: official,
            region_name,
            interface,
            endpoint_override,
            api_version,
            microversion,
        })
    }

    /// An HTTP client for this cloud: its TLS settings and `api_timeout` (the longest
    /// wait for the server, per read), rustls, no redirects. Logs a warning when
    /// verification is off. The provider of [`CloudConfig::provider`] builds its own,
    /// with the same settings.
    ///
    /// ```
    /// let cfg = ferrocloud::config::CloudConfig::from_value("c", serde_json::json!({
    ///     "auth": {"auth_url": "https://k:5000/v3", "token": "t"}, "api_timeout": 30})).unwrap();
    /// assert_eq!(cfg.api_timeout, Some(std::time::Duration::from_secs(30)));
    /// let client = cfg.http_client().unwrap();
    /// # drop(client);
    /// ```
    pub fn http_client(&self) -> Result<reqwest::Client> {
        self.tls.http_client_for(Some(&self.name), self.api_timeout)
    }

    /// A provider for this cloud, not yet authenticated: with Keystone, the credentials
    /// are stored and the first request authenticates; with `admin_token` the token is
    /// set; with `http_basic` every request carries the credentials (a sensitive
    /// `Authorization` header); with `none` no token is sent.
    ///
    /// ```
    /// let cfg = ferrocloud::config::CloudConfig::from_value("c", serde_json::json!({
    ///     "auth": {"auth_url": "http://k:5000/v3", "token": "t"}})).unwrap();
    /// let provider = cfg.provider().unwrap();
    /// assert_eq!(provider.auth_url(), "http://k:5000/v3");
    /// assert!(provider.token().is_none());
    /// ```
    pub fn provider(&self) -> Result<ProviderClient> {
        let auth_url = match &self.auth {
            CloudAuth::Keystone(o) => o.auth_url.clone(),
            other => other
                .fixed_endpoint()
                .map(str::to_string)
                .or_else(|| {
                    self.settings.iter().find_map(|(k, v)| {
                        (k.ends_with("_endpoint_override") || k.ends_with("_endpoint"))
                            .then(|| scalar(v))
                            .flatten()
                    })
                })
                .ok_or_else(|| {
                    Error::config(format!(
                        "cloud {:?}: auth_type {} needs an endpoint: set auth.endpoint, or <service>_endpoint_override",
                        self.name, self.auth_type
                    ))
                })?,
        };
        let mut http = self.tls.builder_for(Some(&self.name))?;
        if let CloudAuth::HttpBasic {
            username, password, ..
        } = &self.auth
        {
            use base64::Engine as _;
            let credentials = base64::engine::general_purpose::STANDARD.encode(format!(
                "{username}:{}",
                secrecy::ExposeSecret::expose_secret(password)
            ));
            let mut value = reqwest::header::HeaderValue::from_str(&format!("Basic {credentials}"))
                .map_err(|_| {
                    Error::config(format!(
                        "cloud {:?}: auth.username is not valid in an HTTP header",
                        self.name
                    ))
                })?;
            value.set_sensitive(true);
            let mut headers = reqwest::header::HeaderMap::new();
            headers.insert(reqwest::header::AUTHORIZATION, value);
            http = http.default_headers(headers);
        }
        let mut builder = ProviderClient::builder(auth_url).http_client_builder(http);
        if let Some(t) = self.api_timeout {
            // As for the OpenStack tools, api_timeout bounds each wait on the server.
            builder = builder
                .idle_timeout(t)
                .connect_timeout(t.min(crate::provider::Timeouts::default().connect));
        }
        let provider = builder.build().map_err(|e| {
            Error::config(format!("cloud {:?}: {}", self.name, e.service_message()))
        })?;
        match &self.auth {
            CloudAuth::Keystone(o) => provider.set_auth_options(o.clone()),
            CloudAuth::AdminToken { token, .. } => {
                provider.set_token(secrecy::ExposeSecret::expose_secret(token), None)
            }
            CloudAuth::NoAuth { .. } | CloudAuth::HttpBasic { .. } => {}
        }
        Ok(provider)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn domain_given_once_serves_user_and_project() {
        let cfg = CloudConfig::from_value(
            "c",
            json!({"auth": {"auth_url": "http://k/v3", "username": "u", "password": "p",
                             "project_name": "demo", "domain_name": "acme"}}),
        )
        .unwrap();
        let body = cfg.auth.auth_options().unwrap().v3_request_body().unwrap();
        assert_eq!(
            body["auth"]["identity"]["password"]["user"]["domain"]["name"],
            "acme"
        );
        assert_eq!(body["auth"]["scope"]["project"]["domain"]["name"], "acme");
        // Without a project, the domain is the scope.
        let cfg = CloudConfig::from_value(
            "c",
            json!({"auth": {"auth_url": "http://k/v3", "user_id": "u", "password": "p", "domain_id": "d1"}}),
        )
        .unwrap();
        let body = cfg.auth.auth_options().unwrap().v3_request_body().unwrap();
        assert_eq!(body["auth"]["scope"], json!({"domain": {"id": "d1"}}));
    }

    #[test]
    fn bad_values_are_errors_naming_the_cloud_and_key() {
        let base = json!({"auth": {"auth_url": "http://k/v3", "token": "t"}});
        for (key, value, expect) in [
            ("verify", json!("perhaps"), "verify must be a boolean"),
            ("api_timeout", json!("soon"), "api_timeout must be a number"),
            (
                "api_timeout",
                json!("1e300"),
                "api_timeout must be a number",
            ),
            ("api_timeout", json!(-1), "api_timeout must be a number"),
            (
                "interface",
                json!("private"),
                "interface \"private\" is not an interface",
            ),
            (
                "auth_type",
                json!("v3samlpassword"),
                "auth_type \"v3samlpassword\" is not supported",
            ),
            (
                "auth_type",
                json!("http_basic"),
                "auth.auth_url is not an option of auth_type http_basic",
            ),
        ] {
            let mut v = base.clone();
            v[key] = value;
            let e = CloudConfig::from_value("c1", v).unwrap_err();
            let s = e.to_string();
            assert!(
                s.contains("cloud \"c1\"") && s.contains(expect),
                "{key}: {s}"
            );
        }
    }

    #[test]
    fn tls_settings() {
        let cfg = CloudConfig::from_value(
            "c",
            json!({"auth": {"auth_url": "https://k/v3", "token": "t"},
                   "insecure": "True", "cacert": "/ca.pem", "cert": "-----BEGIN CERTIFICATE-----\nX",
                   "key": "-----BEGIN PRIVATE KEY-----\nSECRETKEY"}),
        )
        .unwrap();
        assert!(!cfg.tls.verify);
        assert_eq!(cfg.tls.ca_cert, Some(Pem::File("/ca.pem".into())));
        assert!(matches!(cfg.tls.client_cert, Some(Pem::Inline(_))));
        assert!(matches!(cfg.tls.client_key, Some(KeyPem::Inline(_))));
        assert!(!format!("{cfg:?}").contains("SECRETKEY"));
        assert!(cfg.setting("key").is_none());
        let cfg = CloudConfig::from_value(
            "c",
            json!({"auth": {"auth_url": "https://k/v3", "token": "t"}, "verify": false, "insecure": false}),
        )
        .unwrap();
        assert!(!cfg.tls.verify);
    }

    #[test]
    fn no_auth_needs_an_endpoint_for_the_provider() {
        let cfg = CloudConfig::from_value("c", json!({"auth_type": "none"})).unwrap();
        let e = cfg.provider().unwrap_err();
        assert!(e.to_string().contains("needs an endpoint"), "{e}");
        let cfg = CloudConfig::from_value(
            "c",
            json!({"auth_type": "none", "baremetal_endpoint_override": "http://ironic:6385"}),
        )
        .unwrap();
        assert_eq!(cfg.provider().unwrap().auth_url(), "http://ironic:6385");
        assert!(cfg.service("compute").unwrap().endpoint_override.is_none());
    }
}
