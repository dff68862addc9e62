//! Reading the configuration files and the environment, choosing a cloud, and layering
//! its settings: vendor profile, the cloud's entry (with `secure.yaml` merged in), the
//! region's values, the `OS_*` variables and the program's own options.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::CloudConfig;
use super::cloud_config::{CloudSettings, Finish, finish, finish_unvalidated};

/// How a resolution ends: [`finish`] checks and builds the cloud, [`finish_unvalidated`]
/// keeps the merged settings.
type Done<T> = for<'a> fn(Finish<'a>) -> Result<T>;
use super::env::Environment;
use super::files::{candidates, first_readable};
use super::service::{KNOWN_SERVICES, key_prefixes};
use super::value::{Obj, get_string, normalize_keys, redact, scalar, type_name};
use super::vendors::{vendor_profile, vendor_profile_names};
use crate::{Error, Result};

/// The files a configuration was read from.
///
/// ```
/// # let env = ferrocloud::config::Environment::from_vars([("X", "y")]).with_search_dirs(["/nonexistent"]);
/// let config = ferrocloud::config::CloudsConfig::load_with(env).unwrap();
/// assert!(config.files().clouds.is_none());
/// assert_eq!(config.files().search_dirs, [std::path::PathBuf::from("/nonexistent")]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigFiles {
    /// The `clouds.yaml` (or `.yml`, `.json`) that was read.
    pub clouds: Option<PathBuf>,
    /// The `secure.yaml` that was merged over it.
    pub secure: Option<PathBuf>,
    /// The `clouds-public.yaml` that custom vendor profiles came from.
    pub public: Option<PathBuf>,
    /// The directories that were searched.
    pub search_dirs: Vec<PathBuf>,
}

impl ConfigFiles {
    /// The files that were read, in the order above.
    ///
    /// ```
    /// let files = ferrocloud::config::ConfigFiles { clouds: Some("/etc/openstack/clouds.yaml".into()), ..Default::default() };
    /// assert_eq!(files.read().len(), 1);
    /// ```
    pub fn read(&self) -> Vec<&Path> {
        [&self.clouds, &self.secure, &self.public]
            .into_iter()
            .flatten()
            .map(PathBuf::as_path)
            .collect()
    }

    fn describe(&self) -> String {
        let read = self.read();
        if read.is_empty() {
            let dirs: Vec<String> = self
                .search_dirs
                .iter()
                .map(|d| d.display().to_string())
                .collect();
            format!(
                "no clouds.yaml, secure.yaml or clouds-public.yaml was found (searched: {})",
                if dirs.is_empty() {
                    "no directories".to_string()
                } else {
                    dirs.join(", ")
                }
            )
        } else {
            let files: Vec<String> = read.iter().map(|p| p.display().to_string()).collect();
            format!("files read: {}", files.join(", "))
        }
    }
}

/// A program's own settings for a cloud, applied over everything else: a region, and any
/// `clouds.yaml` key (`compute_api_version`, `interface`, `auth` keys…).
///
/// `Debug` redacts secrets.
///
/// ```
/// use ferrocloud::config::CloudOptions;
/// let opts = CloudOptions::new()
///     .region("RegionTwo")
///     .set("compute_api_version", "2.95")
///     .set("auth", serde_json::json!({"password": "from-a-prompt"}));
/// assert!(!format!("{opts:?}").contains("from-a-prompt"));
/// ```
#[derive(Clone, Default)]
pub struct CloudOptions {
    /// The region to use (must be one of the cloud's regions when it lists some).
    pub region_name: Option<String>,
    /// Settings written as in `clouds.yaml`.
    pub settings: Obj,
}

impl fmt::Debug for CloudOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CloudOptions")
            .field("region_name", &self.region_name)
            .field("settings", &redact(&Value::Object(self.settings.clone())))
            .finish()
    }
}

impl CloudOptions {
    /// No options.
    ///
    /// ```
    /// assert!(ferrocloud::config::CloudOptions::new().region_name.is_none());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Chooses the region.
    ///
    /// ```
    /// let o = ferrocloud::config::CloudOptions::new().region("RegionTwo");
    /// assert_eq!(o.region_name.as_deref(), Some("RegionTwo"));
    /// ```
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region_name = Some(region.into());
        self
    }

    /// Sets a `clouds.yaml` key (an `auth` mapping is merged key by key). Keys are
    /// written as on a command line or in `clouds.yaml`: `os-project-name`,
    /// `os_project_name` and `project_name` are the same key. `profile` names a vendor
    /// profile that replaces the cloud's. A key that is not a cloud setting (ferrocloud's
    /// or openstacksdk's) makes the resolution fail, naming it.
    ///
    /// ```
    /// let o = ferrocloud::config::CloudOptions::new().set("os-compute-api-version", "2.95");
    /// assert_eq!(o.settings["compute_api_version"], "2.95");
    /// ```
    ///
    /// ```
    /// use serde_json::json;
    /// let o = ferrocloud::config::CloudOptions::new()
    ///     .set("auth", json!({"project_name": "p"}))
    ///     .set("auth", json!({"project_domain_id": "default"}))
    ///     .set("interface", "internal");
    /// assert_eq!(o.settings["auth"], json!({"project_name": "p", "project_domain_id": "default"}));
    /// ```
    pub fn set(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        let key = option_key(&key.into());
        let value = match value.into() {
            Value::Object(m) if key == "auth" => {
                Value::Object(m.into_iter().map(|(k, v)| (option_key(&k), v)).collect())
            }
            v => v,
        };
        match (self.settings.get_mut(&key), value) {
            (Some(Value::Object(old)), Value::Object(new)) if key == "auth" => old.extend(new),
            (_, value) => {
                self.settings.insert(key, value);
            }
        }
        self
    }
}

/// A program option's key as `clouds.yaml` writes it: `_` for `-`, without `os_`.
pub(crate) fn option_key(key: &str) -> String {
    let key = key.trim().trim_start_matches("--").replace('-', "_");
    match key.strip_prefix("os_") {
        Some(k) => k.to_string(),
        None => key,
    }
}

/// The `OS_*` variables that override a cloud's settings, as documented for the OpenStack
/// tools, and the key each sets (`auth.` keys are credentials and scope). Later entries
/// win over earlier ones for the same key.
const ENV_OVERRIDES: &[(&str, &str)] = &[
    ("OS_DOMAIN_ID", "auth.domain_id"),
    ("OS_DOMAIN_NAME", "auth.domain_name"),
    ("OS_USER_DOMAIN_ID", "auth.user_domain_id"),
    ("OS_USER_DOMAIN_NAME", "auth.user_domain_name"),
    ("OS_PROJECT_DOMAIN_ID", "auth.project_domain_id"),
    ("OS_PROJECT_DOMAIN_NAME", "auth.project_domain_name"),
    ("OS_AUTH_TOKEN", "auth.token"),
    ("OS_TENANT_ID", "auth.project_id"),
    ("OS_TENANT_NAME", "auth.project_name"),
    ("OS_PROJECT_ID", "auth.project_id"),
    ("OS_PROJECT_NAME", "auth.project_name"),
    ("OS_ENDPOINT_TYPE", "interface"),
    ("OS_INTERFACE", "interface"),
];

/// The `OS_*` variables that complement a cloud: they are used only where the cloud (its
/// files, profile and region) leaves the key unset.
const ENV_COMPLEMENTS: &[(&str, &str)] = &[
    ("OS_AUTH_URL", "auth.auth_url"),
    ("OS_USER_ID", "auth.user_id"),
    ("OS_USERNAME", "auth.username"),
    ("OS_PASSWORD", "auth.password"),
    ("OS_PASSCODE", "auth.passcode"),
    ("OS_TOKEN", "auth.token"),
    (
        "OS_APPLICATION_CREDENTIAL_ID",
        "auth.application_credential_id",
    ),
    (
        "OS_APPLICATION_CREDENTIAL_NAME",
        "auth.application_credential_name",
    ),
    (
        "OS_APPLICATION_CREDENTIAL_SECRET",
        "auth.application_credential_secret",
    ),
    ("OS_SYSTEM_SCOPE", "auth.system_scope"),
    ("OS_TRUST_ID", "auth.trust_id"),
    ("OS_DEFAULT_DOMAIN", "auth.default_domain_id"),
    ("OS_DEFAULT_DOMAIN_ID", "auth.default_domain_id"),
    ("OS_DEFAULT_DOMAIN_NAME", "auth.default_domain_name"),
    ("OS_ENDPOINT", "auth.endpoint"),
    ("OS_AUTH_TYPE", "auth_type"),
    ("OS_AUTH_METHODS", "auth_methods"),
    ("OS_IDENTITY_API_VERSION", "identity_api_version"),
    ("OS_CACERT", "cacert"),
    ("OS_CERT", "cert"),
    ("OS_KEY", "key"),
    ("OS_INSECURE", "insecure"),
    ("OS_API_TIMEOUT", "api_timeout"),
];

/// Per-service settings read from `OS_<SERVICE>_<SETTING>` as complements.
pub(crate) const SERVICE_COMPLEMENTS: &[&str] = &[
    "endpoint_override",
    "interface",
    "region_name",
    "service_type",
    "service_name",
    "default_microversion",
];

/// Keys of the `auth` mapping that say the same thing two ways: when a later layer sets
/// one, an earlier layer's value of the other is dropped.
const PAIRS: &[(&str, &str)] = &[
    ("project_id", "project_name"),
    ("user_domain_id", "user_domain_name"),
    ("project_domain_id", "project_domain_name"),
    ("domain_id", "domain_name"),
    ("default_domain_id", "default_domain_name"),
    ("user_id", "username"),
    ("application_credential_id", "application_credential_name"),
];

pub(crate) fn partner(key: &str) -> Option<&'static str> {
    PAIRS.iter().find_map(|(a, b)| {
        if *a == key {
            Some(*b)
        } else if *b == key {
            Some(*a)
        } else {
            None
        }
    })
}

/// Scope and domain keys that may be written next to `auth:` instead of inside it; there,
/// they win over the `auth:` value (earlier names lose to later ones).
pub(crate) const TOP_LEVEL_WINS: &[(&str, &[&str])] = &[
    ("domain_id", &["domain_id"]),
    ("domain_name", &["domain_name"]),
    ("user_domain_id", &["user_domain_id"]),
    ("user_domain_name", &["user_domain_name"]),
    ("project_domain_id", &["project_domain_id"]),
    ("project_domain_name", &["project_domain_name"]),
    ("token", &["auth_token", "token"]),
    ("passcode", &["passcode"]),
    ("project_id", &["tenant_id", "project_id"]),
    ("project_name", &["tenant_name", "project_name"]),
];

/// Credential keys that may also be written next to `auth:`; there, the `auth:` value
/// wins.
pub(crate) const AUTH_WINS: &[&str] = &[
    "auth_url",
    "username",
    "user_id",
    "password",
    "application_credential_id",
    "application_credential_name",
    "application_credential_secret",
    "system_scope",
    "trust_id",
    "default_domain_id",
    "default_domain_name",
    "endpoint",
];

/// Normalizes one layer of settings: `-` in keys, `*_endpoint_type` → `*_interface`,
/// `cloud` → `profile`, `auth_plugin` → `auth_type`, and credential keys written next to
/// `auth:` moved into it.
pub(crate) fn normalize_layer(raw: &Value, what: &str) -> Result<Obj> {
    let mut m = match normalize_keys(raw.clone()) {
        Value::Object(m) => m,
        Value::Null => Obj::new(),
        other => {
            return Err(Error::config(format!(
                "{what} must be a mapping, not {}",
                type_name(&other)
            )));
        }
    };
    let renames: Vec<String> = m
        .keys()
        .filter(|k| k.ends_with("endpoint_type"))
        .cloned()
        .collect();
    // The old spelling wins, as for the OpenStack tools.
    for k in renames {
        if let Some(v) = m.remove(&k) {
            let new = format!("{}interface", k.trim_end_matches("endpoint_type"));
            m.insert(new, v);
        }
    }
    // Requests have one timeout: a legacy `<service>_timeout` sets it.
    let timeouts: Vec<String> = m
        .keys()
        .filter(|k| k.ends_with("_timeout") && *k != "api_timeout")
        .cloned()
        .collect();
    for k in timeouts {
        if let Some(v) = m.remove(&k).filter(|v| !v.is_null()) {
            m.insert("api_timeout".into(), v);
        }
    }
    if let Some(c) = m.remove("cloud") {
        tracing::warn!(
            "{what} uses the key `cloud` to name a vendor profile; it is deprecated in favour of `profile`"
        );
        m.entry("profile").or_insert(c);
    }
    if let Some(p) = m.remove("auth_plugin") {
        m.entry("auth_type").or_insert(p);
    }
    // An empty or null auth_type means no authentication.
    if m.get("auth_type").is_some_and(|t| {
        t.is_null()
            || t.as_str()
                .is_some_and(|s| s.trim().is_empty() || s == "None")
    }) {
        m.insert("auth_type".into(), Value::String("none".into()));
    }
    let mut auth = match m.remove("auth") {
        None | Some(Value::Null) => Obj::new(),
        Some(Value::Object(a)) => a,
        Some(other) => {
            return Err(Error::config(format!(
                "{what}: auth must be a mapping, not {}",
                type_name(&other)
            )));
        }
    };
    // Under v2password the tenant is the native word and wins over the project.
    let v2password = m
        .get("auth_type")
        .and_then(Value::as_str)
        .is_some_and(|t| t.eq_ignore_ascii_case("v2password"));
    for (alias, canonical) in [
        ("tenant_id", "project_id"),
        ("tenant_name", "project_name"),
        ("auth_token", "token"),
    ] {
        if let Some(v) = auth.remove(alias) {
            if v2password && alias.starts_with("tenant") {
                auth.insert(canonical.to_string(), v);
            } else {
                auth.entry(canonical).or_insert(v);
            }
        }
    }
    for (target, sources) in TOP_LEVEL_WINS {
        let mut found = None;
        let ordered: Vec<&str> = if v2password {
            sources.iter().rev().copied().collect()
        } else {
            sources.to_vec()
        };
        for s in ordered {
            if let Some(v) = m.remove(s).filter(|v| !v.is_null()) {
                found = Some(v);
            }
        }
        if let Some(v) = found {
            if let Some(p) = partner(target) {
                auth.remove(p);
            }
            auth.insert(target.to_string(), v);
        }
    }
    for key in AUTH_WINS {
        if let Some(v) = m.remove(*key).filter(|v| !v.is_null()) {
            let taken =
                auth.contains_key(*key) || partner(key).is_some_and(|p| auth.contains_key(p));
            if !taken {
                auth.insert(key.to_string(), v);
            }
        }
    }
    m.insert("auth".into(), Value::Object(auth));
    Ok(m)
}

/// Lays `top` over `base`: keys replace keys, except `auth`, merged key by key (a key
/// dropping its [`partner`] from `base`). Null values are skipped.
pub(crate) fn merge_layer(base: &mut Obj, top: Obj) {
    for (k, v) in top {
        if v.is_null() {
            continue;
        }
        if k == "auth" {
            let Value::Object(top_auth) = v else { continue };
            let base_auth = base
                .entry("auth")
                .or_insert_with(|| Value::Object(Obj::new()));
            if !base_auth.is_object() {
                *base_auth = Value::Object(Obj::new());
            }
            if let Value::Object(base_auth) = base_auth {
                // A pair given whole in one layer is kept whole (the ID scopes).
                for ak in top_auth
                    .iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, _)| k)
                {
                    if let Some(p) = partner(ak) {
                        base_auth.remove(p);
                    }
                }
                for (ak, av) in top_auth {
                    if !av.is_null() {
                        base_auth.insert(ak, av);
                    }
                }
            }
        } else {
            base.insert(k, v);
        }
    }
}

/// Deep merge, for `secure.yaml` over `clouds.yaml`: mappings merge, anything else
/// replaces.
fn deep_merge(base: &mut Obj, top: Obj) {
    for (k, v) in top {
        match (base.get_mut(&k), v) {
            (Some(Value::Object(b)), Value::Object(t)) => deep_merge(b, t),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

/// Puts `value` at `key` (`auth.x` or a top-level key) of a layer, without pair logic.
fn place(layer: &mut Obj, key: &str, value: Value) {
    match key.strip_prefix("auth.") {
        Some(k) => {
            let auth = layer
                .entry("auth")
                .or_insert_with(|| Value::Object(Obj::new()));
            if let Value::Object(a) = auth {
                a.insert(k.to_string(), value);
            }
        }
        None => {
            layer.insert(key.to_string(), value);
        }
    }
}

/// Whether `key` is unset in the merged settings (with its partner, for auth keys).
fn unset(cfg: &Obj, key: &str) -> bool {
    match key.strip_prefix("auth.") {
        Some(k) => {
            let auth = cfg.get("auth").and_then(Value::as_object);
            let has = |k: &str| auth.is_some_and(|a| a.get(k).is_some_and(|v| !v.is_null()));
            !has(k) && !partner(k).is_some_and(has)
        }
        None => {
            let has = |k: &str| cfg.get(k).is_some_and(|v| !v.is_null());
            match key {
                "insecure" => !has("insecure") && !has("verify"),
                k => !has(k),
            }
        }
    }
}

/// Every `OS_<PREFIX>_<SETTING>` variable of the known services, with its key.
fn service_vars(settings: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for svc in KNOWN_SERVICES {
        for prefix in key_prefixes(svc) {
            for s in settings {
                let key = format!("{prefix}_{s}");
                out.push((format!("OS_{}", key.to_ascii_uppercase()), key));
            }
        }
    }
    out
}

/// A region of a cloud: its name and the values it overrides.
struct Region {
    name: String,
    values: Value,
}

fn regions_of(layer: &Obj, what: &str) -> Result<Option<Vec<Region>>> {
    if let Some(r) = layer.get("regions").filter(|v| !v.is_null()) {
        let Value::Array(items) = r else {
            return Err(Error::config(format!(
                "{what}: regions must be a list, not {}",
                type_name(r)
            )));
        };
        let mut out = Vec::new();
        for item in items {
            match item {
                Value::Object(m) => {
                    let name = m.get("name").and_then(scalar);
                    let only_known = m.keys().all(|k| k == "name" || k == "values");
                    match (name, only_known) {
                        (Some(name), true) => out.push(Region {
                            name,
                            values: m.get("values").cloned().unwrap_or(Value::Null),
                        }),
                        _ => {
                            return Err(Error::config(format!(
                                "{what}: invalid region entry: a region is a name, or a mapping with `name` and `values` only"
                            )));
                        }
                    }
                }
                other => match scalar(other) {
                    Some(name) => out.push(Region {
                        name,
                        values: Value::Null,
                    }),
                    None => {
                        return Err(Error::config(format!(
                            "{what}: invalid region entry ({})",
                            type_name(other)
                        )));
                    }
                },
            }
        }
        return Ok(Some(out));
    }
    let names: Vec<String> = match layer.get("region_name") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Array(a)) => a.iter().filter_map(scalar).collect(),
        Some(v) => {
            let s = scalar(v)
                .ok_or_else(|| Error::config(format!("{what}: region_name must be a string")))?;
            let parts: Vec<String> = s
                .split(',')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
            if parts.len() > 1 {
                tracing::warn!(
                    "{what}: a comma-separated region_name is deprecated; list the regions under `regions`"
                );
            }
            parts
        }
    };
    Ok((!names.is_empty()).then(|| {
        names
            .into_iter()
            .map(|name| Region {
                name,
                values: Value::Null,
            })
            .collect()
    }))
}

fn select_region(
    cloud: &str,
    known: Vec<Region>,
    requested: Option<&str>,
) -> Result<(Option<String>, Value, Vec<String>)> {
    let names: Vec<String> = known.iter().map(|r| r.name.clone()).collect();
    let requested = requested.filter(|r| !r.is_empty());
    let chosen = match requested {
        None => known.into_iter().next(),
        Some(r) if known.is_empty() => Some(Region {
            name: r.to_string(),
            values: Value::Null,
        }),
        Some(r) => match known.into_iter().find(|k| k.name == r) {
            Some(k) => Some(k),
            None => {
                return Err(Error::config(format!(
                    "region {r:?} is not a region of cloud {cloud:?}; its regions are: {} (region names are case sensitive)",
                    names.join(", ")
                )));
            }
        },
    };
    Ok(match chosen {
        Some(r) => (Some(r.name).filter(|n| !n.is_empty()), r.values, names),
        None => (None, Value::Null, names),
    })
}

/// The pseudo-cloud resolved when no cloud is configured, or several are and none is
/// chosen (openstacksdk's name for it).
const DEFAULTS: &str = "defaults";

/// How the cloud was chosen, for error messages.
enum Chosen {
    Named,
    OsCloud,
    Default,
}

/// Everything read from `clouds.yaml`, `secure.yaml`, `clouds-public.yaml` and the
/// environment; [`cloud`](CloudsConfig::cloud) resolves one cloud from it.
///
/// `Debug` shows the files and cloud names only.
///
/// ```no_run
/// # fn demo() -> ferrocloud::Result<()> {
/// let config = ferrocloud::config::CloudsConfig::load()?;
/// println!("clouds: {:?} (from {:?})", config.cloud_names(), config.files().clouds);
/// let cloud = config.cloud(None)?; // OS_CLOUD, the environment cloud, or the only one
/// println!("{} in {:?}", cloud.name, cloud.region_name);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct CloudsConfig {
    env: Environment,
    files: ConfigFiles,
    clouds: Obj,
    public_clouds: Obj,
    envvars_name: String,
    env_vars: Vec<String>,
    default: Option<String>,
}

impl fmt::Debug for CloudsConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CloudsConfig")
            .field("files", &self.files)
            .field("clouds", &self.cloud_names())
            .field("default", &self.default)
            .finish_non_exhaustive()
    }
}

impl CloudsConfig {
    /// Reads the configuration of this process: its environment and the standard
    /// directories ([`Environment::from_process`]).
    ///
    /// ```no_run
    /// let config = ferrocloud::config::CloudsConfig::load()?;
    /// println!("{:?}", config.cloud_names());
    /// # Ok::<(), ferrocloud::Error>(())
    /// ```
    pub fn load() -> Result<CloudsConfig> {
        Self::load_with(Environment::from_process())
    }

    /// Reads the configuration from `env`: the first `clouds` file found (after
    /// `OS_CLIENT_CONFIG_FILE`), the first `secure` file (after `OS_CLIENT_SECURE_FILE`)
    /// merged over it, and the first `clouds-public` file.
    ///
    /// ```
    /// use ferrocloud::config::{CloudsConfig, Environment};
    /// let dir = std::env::temp_dir().join(format!("ferrocloud-doc-load-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("clouds.yaml"), "clouds:\n  lab:\n    auth: {auth_url: 'http://k:5000/v3'}\n").unwrap();
    /// std::fs::write(dir.join("secure.yaml"), "clouds:\n  lab:\n    auth: {password: s3cret}\n").unwrap();
    /// let config = CloudsConfig::load_with(Environment::from_vars([("X", "y")]).with_search_dirs([&dir])).unwrap();
    /// assert_eq!(config.cloud_names(), ["lab"]);
    /// assert_eq!(config.default_cloud(), Some("lab"));
    /// assert!(config.files().secure.is_some());
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn load_with(env: Environment) -> Result<CloudsConfig> {
        let dirs = env.search_dirs().to_vec();
        let named = |var: &str| {
            let path = env.var(var).map(|f| env.expand_home(&f))?;
            if !path.exists() {
                tracing::warn!(path = %path.display(), "{var} names a file that does not exist; searching the usual places");
            }
            Some(path)
        };
        let mut cloud_files = candidates(&dirs, "clouds");
        if let Some(f) = named("OS_CLIENT_CONFIG_FILE") {
            cloud_files.insert(0, f);
        }
        let mut secure_files = candidates(&dirs, "secure");
        if let Some(f) = named("OS_CLIENT_SECURE_FILE") {
            secure_files.insert(0, f);
        }
        let public_files = candidates(&dirs, "clouds-public");

        let mut files = ConfigFiles {
            search_dirs: dirs,
            ..Default::default()
        };
        let mut merged = Obj::new();
        if let Some((path, doc)) = first_readable(&cloud_files)? {
            if !doc.contains_key("clouds") {
                tracing::warn!(path = %path.display(), "configuration file has no `clouds` key");
            }
            merged = doc;
            files.clouds = Some(path);
        }
        if let Some((path, doc)) = first_readable(&secure_files)? {
            deep_merge(&mut merged, doc);
            files.secure = Some(path);
        }
        let mut public = Obj::new();
        if let Some((path, doc)) = first_readable(&public_files)? {
            public = doc;
            files.public = Some(path);
        }
        Self::from_parts(env, files, merged, public)
    }

    /// A configuration given as a value (a `clouds.yaml` document) instead of files, with
    /// `env` for the `OS_*` variables.
    ///
    /// ```
    /// use ferrocloud::config::{CloudsConfig, Environment};
    /// let config = CloudsConfig::from_value(
    ///     serde_json::json!({"clouds": {"a": {"profile": "zetta"}, "b": {}}}),
    ///     Environment::from_vars([("OS_CLOUD", "a")]),
    /// ).unwrap();
    /// assert_eq!(config.default_cloud(), Some("a"));
    /// ```
    pub fn from_value(doc: Value, env: Environment) -> Result<CloudsConfig> {
        let merged = match doc {
            Value::Object(m) => m,
            Value::Null => Obj::new(),
            other => {
                return Err(Error::config(format!(
                    "the configuration must be a mapping, not {}",
                    type_name(&other)
                )));
            }
        };
        let mut public = Obj::new();
        if let Some(p) = merged
            .get("public-clouds")
            .or_else(|| merged.get("public_clouds"))
        {
            public.insert("public-clouds".into(), p.clone());
        }
        Self::from_parts(env, ConfigFiles::default(), merged, public)
    }

    fn from_parts(
        env: Environment,
        files: ConfigFiles,
        merged: Obj,
        public: Obj,
    ) -> Result<CloudsConfig> {
        let where_ = files
            .clouds
            .as_ref()
            .or(files.secure.as_ref())
            .map(|p| format!("{}: ", p.display()))
            .unwrap_or_default();
        let clouds = match merged.get("clouds") {
            None | Some(Value::Null) => Obj::new(),
            Some(Value::Object(c)) => c.clone(),
            Some(other) => {
                return Err(Error::config(format!(
                    "{where_}clouds must be a mapping of cloud names to settings, not {}",
                    type_name(other)
                )));
            }
        };
        for (name, entry) in &clouds {
            if !(entry.is_object() || entry.is_null()) {
                return Err(Error::config(format!(
                    "{where_}cloud {name:?} must be a mapping, not {}",
                    type_name(entry)
                )));
            }
        }
        let public_clouds = match public
            .get("public-clouds")
            .or_else(|| public.get("public_clouds"))
        {
            None | Some(Value::Null) => Obj::new(),
            Some(Value::Object(p)) => p.clone(),
            Some(other) => {
                return Err(Error::config(format!(
                    "{}public-clouds must be a mapping, not {}",
                    files
                        .public
                        .as_ref()
                        .map(|p| format!("{}: ", p.display()))
                        .unwrap_or_default(),
                    type_name(other)
                )));
            }
        };
        let envvars_name = env
            .var("OS_CLOUD_NAME")
            .unwrap_or_else(|| "envvars".to_string());
        let env_vars: Vec<String> = ENV_OVERRIDES
            .iter()
            .chain(ENV_COMPLEMENTS)
            .map(|(v, _)| v.to_string())
            .chain(
                service_vars(&["api_version"])
                    .into_iter()
                    .chain(service_vars(SERVICE_COMPLEMENTS))
                    .map(|(v, _)| v),
            )
            .filter(|v| env.var(v).is_some())
            .collect();
        if clouds.contains_key(&envvars_name) {
            let set = if env_vars.is_empty() {
                String::new()
            } else {
                format!(" ({} set now)", env_vars.join(", "))
            };
            return Err(Error::config(format!(
                "{where_}a cloud is named {envvars_name:?}, which is the name of the cloud made from the OS_* variables{set}; rename it, or name the environment cloud otherwise with OS_CLOUD_NAME"
            )));
        }
        let default = env
            .var("OS_CLOUD")
            .or_else(|| (!env_vars.is_empty()).then(|| envvars_name.clone()))
            .or_else(|| {
                (clouds.len() == 1)
                    .then(|| clouds.keys().next().cloned())
                    .flatten()
            })
            .or_else(|| clouds.is_empty().then(|| DEFAULTS.to_string()));
        Ok(CloudsConfig {
            env,
            files,
            clouds,
            public_clouds,
            envvars_name,
            env_vars,
            default,
        })
    }

    /// The files that were read.
    ///
    /// ```
    /// # let config = ferrocloud::config::CloudsConfig::from_value(
    /// #     serde_json::json!({"clouds": {"a": {"auth_type": "none"}, "b": {"auth_type": "none"}}}),
    /// #     ferrocloud::config::Environment::from_vars([("OS_CLOUD", "b")])).unwrap();
    /// assert!(config.files().read().is_empty());
    /// ```
    pub fn files(&self) -> &ConfigFiles {
        &self.files
    }

    /// The environment the configuration was read with.
    ///
    /// ```
    /// # let config = ferrocloud::config::CloudsConfig::from_value(
    /// #     serde_json::json!({"clouds": {"a": {"auth_type": "none"}, "b": {"auth_type": "none"}}}),
    /// #     ferrocloud::config::Environment::from_vars([("OS_CLOUD", "b")])).unwrap();
    /// assert_eq!(config.environment().var("OS_CLOUD").as_deref(), Some("b"));
    /// ```
    pub fn environment(&self) -> &Environment {
        &self.env
    }

    /// The names of the clouds: those of the files, sorted, then the cloud made from
    /// `OS_*` variables (`envvars`, or `OS_CLOUD_NAME`) when there is one; `defaults`
    /// (the program's options alone) when there are none.
    ///
    /// ```
    /// # let empty = ferrocloud::config::CloudsConfig::from_value(serde_json::json!({}),
    /// #     ferrocloud::config::Environment::from_vars([("X", "y")])).unwrap();
    /// assert_eq!(empty.cloud_names(), ["defaults"]);
    /// # let config = ferrocloud::config::CloudsConfig::from_value(
    /// #     serde_json::json!({"clouds": {"a": {"auth_type": "none"}, "b": {"auth_type": "none"}}}),
    /// #     ferrocloud::config::Environment::from_vars([("OS_CLOUD", "b")])).unwrap();
    /// assert_eq!(config.cloud_names(), ["a", "b"]);
    /// ```
    pub fn cloud_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.clouds.keys().cloned().collect();
        if !self.env_vars.is_empty() {
            names.push(self.envvars_name.clone());
        }
        if names.is_empty() {
            names.push(DEFAULTS.to_string());
        }
        names
    }

    /// The names of the clouds that are configured: [`cloud_names`](Self::cloud_names)
    /// without the `defaults` pseudo-cloud.
    fn configured_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.clouds.keys().cloned().collect();
        if !self.env_vars.is_empty() {
            names.push(self.envvars_name.clone());
        }
        names
    }

    /// The cloud used when none is named: `OS_CLOUD`, else the environment cloud when
    /// `OS_*` variables are set, else the only cloud of the files, else `defaults` when
    /// there is none. `None` when several clouds are configured: then
    /// [`cloud`](Self::cloud) resolves `defaults`, and its error lists the clouds.
    ///
    /// ```
    /// # let config = ferrocloud::config::CloudsConfig::from_value(
    /// #     serde_json::json!({"clouds": {"a": {"auth_type": "none"}, "b": {"auth_type": "none"}}}),
    /// #     ferrocloud::config::Environment::from_vars([("OS_CLOUD", "b")])).unwrap();
    /// assert_eq!(config.default_cloud(), Some("b"));
    /// ```
    pub fn default_cloud(&self) -> Option<&str> {
        self.default.as_deref()
    }

    /// The profiles of `clouds-public.yaml`, by name.
    ///
    /// ```
    /// let config = ferrocloud::config::CloudsConfig::from_value(
    ///     serde_json::json!({"public-clouds": {"corp": {"auth": {"auth_url": "https://k.corp"}}}}),
    ///     ferrocloud::config::Environment::from_vars([("X", "y")]),
    /// ).unwrap();
    /// assert_eq!(config.public_profile_names(), ["corp"]);
    /// ```
    pub fn public_profile_names(&self) -> Vec<String> {
        self.public_clouds.keys().cloned().collect()
    }

    /// Resolves a cloud: `name`, else [`default_cloud`](Self::default_cloud).
    ///
    /// ```
    /// # let config = ferrocloud::config::CloudsConfig::from_value(
    /// #     serde_json::json!({"clouds": {"a": {"auth_type": "none"}, "b": {"auth_type": "none"}}}),
    /// #     ferrocloud::config::Environment::from_vars([("OS_CLOUD", "b")])).unwrap();
    /// assert_eq!(config.cloud(None).unwrap().name, "b");
    /// assert!(config.cloud(Some("c")).unwrap_err().to_string().contains("clouds found: a, b"));
    /// ```
    pub fn cloud(&self, name: Option<&str>) -> Result<CloudConfig> {
        self.cloud_with(name, &CloudOptions::default())
    }

    /// Resolves a cloud with the program's own options over everything else.
    ///
    /// ```
    /// use ferrocloud::config::{CloudOptions, CloudsConfig, Environment};
    /// let config = CloudsConfig::from_value(serde_json::json!({"clouds": {"c": {
    ///     "regions": ["R1", "R2"],
    ///     "auth": {"auth_url": "http://k/v3", "user_id": "u", "password": "p"}}}}),
    ///     Environment::from_vars([("X", "y")])).unwrap();
    /// assert_eq!(config.cloud(None).unwrap().region_name.as_deref(), Some("R1"));
    /// let c = config.cloud_with(None, &CloudOptions::new().region("R2")).unwrap();
    /// assert_eq!(c.region_name.as_deref(), Some("R2"));
    /// let err = config.cloud_with(None, &CloudOptions::new().region("r2")).unwrap_err();
    /// assert!(err.to_string().contains("R1, R2"));
    /// ```
    pub fn cloud_with(&self, name: Option<&str>, options: &CloudOptions) -> Result<CloudConfig> {
        self.resolve(name, options, finish)
    }

    /// Resolves a cloud as [`cloud_with`](Self::cloud_with) does, without checking or
    /// building its authentication (openstacksdk's `validate=False`): the merged
    /// settings and `auth:` mapping, for tools that show or edit configuration.
    ///
    /// ```
    /// use ferrocloud::config::{CloudOptions, CloudsConfig, Environment};
    /// let config = CloudsConfig::from_value(serde_json::json!({"clouds": {"c": {
    ///     "auth": {"auth_url": "http://k/v3", "pasword": "typo"}}}}),
    ///     Environment::from_vars([("OS_PASSWORD", "pw")])).unwrap();
    /// assert!(config.cloud(Some("c")).is_err()); // an unknown auth key
    /// let raw = config.cloud_settings(Some("c"), &CloudOptions::new()).unwrap();
    /// assert!(raw.auth().contains_key("pasword") && raw.auth()["password"].is_secret());
    /// ```
    pub fn cloud_settings(
        &self,
        name: Option<&str>,
        options: &CloudOptions,
    ) -> Result<CloudSettings> {
        self.resolve(name, options, finish_unvalidated)
    }

    /// Chooses the cloud and merges its layers; `done` ends the resolution.
    fn resolve<T>(&self, name: Option<&str>, options: &CloudOptions, done: Done<T>) -> Result<T> {
        if let Some(key) = options
            .settings
            .keys()
            .find(|k| !super::command_line::is_known_option(k))
        {
            return Err(Error::config(format!(
                "{key:?} is not a cloud setting (the program's options are clouds.yaml keys: auth, region_name, interface, <service>_api_version, …)"
            )));
        }
        let (name, chosen) = match name.filter(|n| !n.is_empty()) {
            Some(n) => (n.to_string(), Chosen::Named),
            None => match &self.default {
                Some(d) if self.env.var("OS_CLOUD").as_deref() == Some(d.as_str()) => {
                    (d.clone(), Chosen::OsCloud)
                }
                Some(d) => (d.clone(), Chosen::Default),
                None => return self.defaults_cloud(options, done),
            },
        };
        if name == self.envvars_name && !self.env_vars.is_empty() {
            return self.env_cloud(options, &chosen, done);
        }
        match self.clouds.get(&name) {
            Some(entry) => self.file_cloud(&name, entry, options, done),
            None if name == DEFAULTS && self.configured_names().is_empty() => {
                self.defaults_cloud(options, done)
            }
            // OS_CLOUD naming a vendor profile: the environment cloud with that profile.
            None if matches!(chosen, Chosen::OsCloud)
                && (self.public_clouds.contains_key(&name) || vendor_profile(&name).is_some()) =>
            {
                self.file_cloud(
                    &self.envvars_name,
                    &json!({ "profile": name }),
                    options,
                    done,
                )
            }
            None => Err(self.unknown(&name, &chosen)),
        }
    }

    /// The `defaults` pseudo-cloud: nothing but the program's options and the `OS_*`
    /// variables, when no cloud is configured or several are and none is chosen. Its
    /// errors say which.
    fn defaults_cloud<T>(&self, options: &CloudOptions, done: Done<T>) -> Result<T> {
        self.file_cloud(DEFAULTS, &Value::Null, options, done)
            .map_err(|e| {
                let names = self.configured_names();
                let why = if names.is_empty() {
                    format!(
                        "no cloud is configured: no clouds in the configuration files and no OS_* variables ({})",
                        self.files.describe()
                    )
                } else {
                    format!(
                        "several clouds are configured ({}); choose one with OS_CLOUD or by name ({})",
                        names.join(", "),
                        self.files.describe()
                    )
                };
                Error::config(format!("{}; {why}", e.service_message()))
            })
    }

    fn unknown(&self, name: &str, chosen: &Chosen) -> Error {
        let names = self.configured_names();
        let how = match chosen {
            Chosen::OsCloud => " (named by OS_CLOUD)",
            _ => "",
        };
        let found = if names.is_empty() {
            "no clouds were found".to_string()
        } else {
            format!("clouds found: {}", names.join(", "))
        };
        Error::config(format!(
            "cloud {name:?}{how} is not defined; {found}; {}",
            self.files.describe()
        ))
    }

    fn resolve_profile(
        &self,
        profile: &str,
        cloud: &str,
        notes: &mut Vec<String>,
    ) -> Result<Option<Obj>> {
        if profile == self.envvars_name {
            return Ok(None);
        }
        if let Some(p) = self.public_clouds.get(profile) {
            let what = format!(
                "profile {profile:?}{}",
                self.files
                    .public
                    .as_ref()
                    .map(|p| format!(" in {}", p.display()))
                    .unwrap_or_default()
            );
            return normalize_layer(p, &what).map(Some);
        }
        let remote = |url: &str, notes: &mut Vec<String>| {
            let note = format!(
                "profile {profile:?} is published at {}/.well-known/openstack/api, which ferrocloud does not fetch: copy it under public-clouds in clouds-public.yaml, or set auth.auth_url",
                url.trim_end_matches('/')
            );
            tracing::warn!(cloud, "{note}");
            notes.push(note);
            Ok(None)
        };
        let Some(raw) = vendor_profile(profile) else {
            if profile.contains("://") {
                return remote(profile, notes);
            }
            let note = format!(
                "profile {profile:?} was not found (built-in profiles: {}; custom ones go in clouds-public.yaml)",
                vendor_profile_names().join(", ")
            );
            tracing::warn!(cloud, "{note}");
            notes.push(note);
            return Ok(None);
        };
        let what = format!("vendor profile {profile:?}");
        let mut prof = normalize_layer(&raw, &what)?;
        if let Some(nested) = prof.remove("profile").as_ref().and_then(scalar) {
            match vendor_profile(&nested) {
                Some(raw) => prof = normalize_layer(&raw, &what)?,
                None => return remote(&nested, notes),
            }
        }
        let status = prof.remove("status").as_ref().and_then(scalar);
        let message = prof
            .remove("message")
            .as_ref()
            .and_then(scalar)
            .unwrap_or_default();
        match status.as_deref() {
            Some("shutdown") => Err(Error::config(format!(
                "cloud {cloud:?}: profile {profile:?} references a cloud that no longer exists: {message}"
            ))),
            Some("deprecated") => {
                tracing::warn!(cloud, "profile {profile:?} is deprecated: {message}");
                Ok(Some(prof))
            }
            _ => Ok(Some(prof)),
        }
    }

    /// The layer of `OS_*` variables that override a file cloud.
    fn env_overrides(&self) -> Obj {
        let mut layer = Obj::new();
        for (var, key) in ENV_OVERRIDES {
            if let Some(v) = self.env.var(var) {
                place(&mut layer, key, Value::String(v));
            }
        }
        for (var, key) in service_vars(&["api_version"]) {
            if let Some(v) = self.env.var(&var) {
                place(&mut layer, &key, Value::String(v));
            }
        }
        layer
    }

    /// Fills what `cfg` leaves unset from the complementing `OS_*` variables; returns
    /// the `auth:` keys it set.
    fn env_complements(&self, cfg: &mut Obj) -> Vec<String> {
        let mut placed = Vec::new();
        let service = service_vars(SERVICE_COMPLEMENTS);
        let all = ENV_COMPLEMENTS
            .iter()
            .map(|(v, k)| (v.to_string(), k.to_string()))
            .chain(service);
        for (var, key) in all {
            if let Some(v) = self.env.var(&var)
                && unset(cfg, &key)
            {
                place(cfg, &key, Value::String(v));
                if let Some(k) = key.strip_prefix("auth.") {
                    placed.push(k.to_string());
                }
            }
        }
        placed
    }

    fn requested_region(&self, options: &CloudOptions, from_env: bool) -> Option<String> {
        options
            .region_name
            .clone()
            .or_else(|| options.settings.get("region_name").and_then(scalar))
            .or_else(|| from_env.then(|| self.env.var("OS_REGION_NAME")).flatten())
    }

    fn file_cloud<T>(
        &self,
        name: &str,
        raw: &Value,
        options: &CloudOptions,
        done: Done<T>,
    ) -> Result<T> {
        let what = format!(
            "cloud {name:?}{}",
            self.files
                .clouds
                .as_ref()
                .map(|p| format!(" in {}", p.display()))
                .unwrap_or_default()
        );
        let mut notes = Vec::new();
        let mut entry = normalize_layer(raw, &what)?;
        // A profile among the program's options replaces the cloud's.
        if let Some(p) = options.settings.get("profile").filter(|p| !p.is_null()) {
            entry.insert("profile".into(), p.clone());
        }
        let profile_name = get_string(&entry, "profile", "")?;
        let profile = match &profile_name {
            Some(p) => self.resolve_profile(p, name, &mut notes)?,
            None => None,
        };
        let known = match regions_of(&entry, &what)? {
            Some(r) => r,
            None => match &profile {
                Some(p) => regions_of(
                    p,
                    &format!("profile {:?}", profile_name.as_deref().unwrap_or("")),
                )?
                .unwrap_or_default(),
                None => Vec::new(),
            },
        };
        let requested = self.requested_region(options, true);
        let (region, values, regions) = select_region(name, known, requested.as_deref())?;

        let mut cfg = Obj::new();
        cfg.insert("auth".into(), json!({}));
        let mut used_public = false;
        if let Some(p) = profile {
            used_public = profile_name
                .as_ref()
                .is_some_and(|n| self.public_clouds.contains_key(n));
            merge_layer(&mut cfg, p);
        }
        merge_layer(&mut cfg, entry);
        merge_layer(
            &mut cfg,
            normalize_layer(
                &values,
                &format!("{what}, region {:?}", region.as_deref().unwrap_or("")),
            )?,
        );
        let overrides = self.env_overrides();
        let mut env_keys: Vec<String> = match overrides.get("auth") {
            Some(Value::Object(a)) => a.keys().cloned().collect(),
            _ => Vec::new(),
        };
        merge_layer(&mut cfg, overrides);
        merge_layer(
            &mut cfg,
            normalize_layer(
                &Value::Object(options.settings.clone()),
                "the program's options",
            )?,
        );
        cfg.remove("regions");
        match &region {
            Some(r) => cfg.insert("region_name".into(), Value::String(r.clone())),
            None => cfg.remove("region_name"),
        };
        env_keys.extend(self.env_complements(&mut cfg));

        let mut sources: Vec<PathBuf> = self
            .files
            .clouds
            .iter()
            .chain(&self.files.secure)
            .cloned()
            .collect();
        if used_public {
            sources.extend(self.files.public.iter().cloned());
        }
        done(Finish {
            name,
            cfg,
            env: &self.env,
            env_auth: None,
            notes,
            env_keys,
            regions,
            sources,
        })
    }

    /// The cloud made from `OS_*` variables.
    fn env_cloud<T>(&self, options: &CloudOptions, _chosen: &Chosen, done: Done<T>) -> Result<T> {
        let mut entry = Obj::new();
        entry.insert("auth".into(), json!({}));
        let mut complements = Obj::new();
        let env_keys = self.env_complements(&mut complements);
        merge_layer(&mut entry, complements);
        merge_layer(&mut entry, self.env_overrides());
        let program = normalize_layer(
            &Value::Object(options.settings.clone()),
            "the program's options",
        )?;
        // The credentials come from the variables, read as the OS_* reader reads them,
        // with the program's auth settings standing in for the variables they name.
        let mut overrides: Vec<(String, String)> = Vec::new();
        if let Some(Value::Object(a)) = program.get("auth") {
            for (k, v) in a {
                if let Some(s) = scalar(v) {
                    overrides.push((format!("OS_{}", k.to_ascii_uppercase()), s));
                }
            }
        }
        if let Some(v) = program.get("identity_api_version").and_then(scalar) {
            overrides.push(("OS_IDENTITY_API_VERSION".into(), v));
        }
        merge_layer(&mut entry, program);
        let known = regions_of(&entry, "the environment cloud")?.unwrap_or_default();
        let requested = self.requested_region(options, true);
        let (region, _, regions) = select_region(&self.envvars_name, known, requested.as_deref())?;
        match &region {
            Some(r) => entry.insert("region_name".into(), Value::String(r.clone())),
            None => entry.remove("region_name"),
        };
        let env = self.env.clone();
        let get = move |k: &str| -> Option<String> {
            overrides
                .iter()
                .rev()
                .find(|(name, _)| name == k)
                .map(|(_, v)| v.clone())
                .or_else(|| env.var(k))
        };
        // As for a cloud in a file: with a project, OS_DOMAIN_ID/NAME are the default
        // user and project domains rather than a domain scope.
        let project_scoped = [
            "OS_PROJECT_ID",
            "OS_PROJECT_NAME",
            "OS_TENANT_ID",
            "OS_TENANT_NAME",
        ]
        .iter()
        .any(|k| get(k).is_some());
        let lookup = move |k: &str| -> Option<String> {
            if !project_scoped {
                return get(k);
            }
            let spread = |source: &str, id_var: &str, name_var: &str| {
                if get(id_var).is_some() || get(name_var).is_some() {
                    None
                } else {
                    get(source)
                }
            };
            match k {
                "OS_DOMAIN_ID" | "OS_DOMAIN_NAME" => None,
                "OS_USER_DOMAIN_ID" => {
                    spread("OS_DOMAIN_ID", k, "OS_USER_DOMAIN_NAME").or_else(|| get(k))
                }
                "OS_USER_DOMAIN_NAME" => {
                    spread("OS_DOMAIN_NAME", "OS_USER_DOMAIN_ID", k).or_else(|| get(k))
                }
                "OS_PROJECT_DOMAIN_ID" => {
                    spread("OS_DOMAIN_ID", k, "OS_PROJECT_DOMAIN_NAME").or_else(|| get(k))
                }
                "OS_PROJECT_DOMAIN_NAME" => {
                    spread("OS_DOMAIN_NAME", "OS_PROJECT_DOMAIN_ID", k).or_else(|| get(k))
                }
                _ => get(k),
            }
        };
        done(Finish {
            name: &self.envvars_name,
            cfg: entry,
            env: &self.env,
            env_auth: Some(&lookup),
            notes: vec![format!(
                "the environment cloud is made from: {}",
                self.env_vars.join(", ")
            )],
            env_keys,
            regions,
            sources: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(v: Value) -> Obj {
        normalize_layer(&v, "test").unwrap()
    }

    #[test]
    fn normalization_moves_keys_into_auth_with_the_documented_precedence() {
        let l = layer(json!({
            "auth": {"project_name": "in-auth", "username": "in-auth", "tenant_id": "t"},
            "project-name": "top", "username": "top", "auth_token": "tok",
            "compute-endpoint-type": "internal", "cloud": "rackspace", "auth_plugin": "token"
        }));
        assert_eq!(l["auth"]["project_name"], "top");
        assert_eq!(l["auth"]["username"], "in-auth");
        // The top-level project name replaces the project ID of `auth:` (one project).
        assert!(l["auth"].get("project_id").is_none());
        assert_eq!(
            layer(json!({"auth": {"tenant_id": "t"}}))["auth"]["project_id"],
            "t"
        );
        assert_eq!(l["auth"]["token"], "tok");
        assert_eq!(l["compute_interface"], "internal");
        assert_eq!(l["profile"], "rackspace");
        assert_eq!(l["auth_type"], "token");
        assert!(l.get("username").is_none());
    }

    #[test]
    fn a_layer_setting_one_of_a_pair_drops_the_other() {
        let mut base = layer(
            json!({"auth": {"project_name": "p", "project_domain_name": "Default", "user_id": "u"}}),
        );
        merge_layer(
            &mut base,
            layer(json!({"auth": {"project_id": "pid", "username": "bob"}})),
        );
        let auth = base["auth"].as_object().unwrap();
        assert!(auth.get("project_name").is_none() && auth.get("user_id").is_none());
        assert_eq!(auth["project_domain_name"], "Default");
    }

    #[test]
    fn regions_as_names_mappings_or_region_name() {
        let r = regions_of(
            &layer(json!({"regions": ["a", {"name": "b", "values": {"x": 1}}]})),
            "t",
        )
        .unwrap()
        .unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].values["x"], 1);
        let e = regions_of(&layer(json!({"regions": [{"name": "b", "other": 1}]})), "t")
            .err()
            .unwrap();
        assert!(e.to_string().contains("invalid region entry"));
        let r = regions_of(&layer(json!({"region_name": "a, b"})), "t")
            .unwrap()
            .unwrap();
        assert_eq!(
            r.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert!(regions_of(&layer(json!({})), "t").unwrap().is_none());
    }

    #[test]
    fn unset_considers_partners_and_verify() {
        let cfg = layer(json!({"auth": {"user_id": "u"}, "verify": false}));
        assert!(!unset(&cfg, "auth.username"));
        assert!(unset(&cfg, "auth.password"));
        assert!(!unset(&cfg, "insecure"));
    }
}
