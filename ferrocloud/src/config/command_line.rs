//! The command-line path: `--os-*` options resolved with openstackclient's precedence.

use std::fmt;

use serde_json::Value;

use super::loader::{AUTH_WINS, SERVICE_COMPLEMENTS, TOP_LEVEL_WINS, option_key};
use super::service::{KNOWN_SERVICES, key_prefixes};
use super::value::is_secret_key;
use super::{CloudConfig, CloudOptions, CloudsConfig, Environment};
use crate::{Error, Result};

/// Top-level settings a command line may give besides the scope keys and credentials.
const SETTINGS: &[&str] = &[
    "auth_type",
    "auth_methods",
    "interface",
    "endpoint_type",
    "identity_api_version",
    "cacert",
    "cert",
    "key",
    "insecure",
    "verify",
    "api_timeout",
    "profile",
    "token",
    "auth_token",
    "passcode",
];

/// Per-service settings (`--os-<service>-<setting>`).
const SERVICE_SETTINGS: &[&str] = &["api_version", "endpoint_type"];

/// Other settings a program may give for a cloud (openstacksdk's behaviour settings):
/// accepted and kept, though ferrocloud does not act on them.
const PROGRAM_SETTINGS: &[&str] = &[
    "regions",
    "connect_retries",
    "status_code_retries",
    "split_loggers",
    "disable_vendor_agent",
    "floating_ip_source",
    "image_api_use_tasks",
    "image_format",
    "secgroup_source",
    "nat_destination",
    "nat_source",
    "default_network",
    "external_network",
    "internal_network",
    "networks",
    "rate_limit",
    "concurrency",
    "collect_timing",
    "statsd_host",
    "statsd_port",
    "statsd_prefix",
    "prometheus_enabled",
    "influxdb_config",
];

/// Per-service behaviour settings of openstacksdk (`<service>_status_code_retries`…).
const PROGRAM_SERVICE_SETTINGS: &[&str] =
    &["status_code_retries", "connect_retries", "split_loggers"];

/// Whether `key` (normalized) may be given among a program's options
/// ([`CloudOptions::set`]): every `clouds.yaml` setting ferrocloud reads, the `auth`
/// mapping, and openstacksdk's behaviour settings.
pub(crate) fn is_known_option(key: &str) -> bool {
    key == "auth"
        || kind(key).is_some()
        || PROGRAM_SETTINGS.contains(&key)
        || service_setting(key, PROGRAM_SERVICE_SETTINGS)
}

/// Whether `key` is `<service>_<setting>` for a known service and one of `settings`.
fn service_setting(key: &str, settings: &[&str]) -> bool {
    KNOWN_SERVICES.iter().any(|svc| {
        key_prefixes(svc).iter().any(|prefix| {
            key.strip_prefix(prefix.as_str())
                .and_then(|rest| rest.strip_prefix('_'))
                .is_some_and(|s| settings.contains(&s))
        })
    })
}

/// The command-line path: `--os-*` options, with the `OS_*` variables as their defaults,
/// resolved with openstackclient's precedence.
///
/// openstackclient gives its options (`--os-cloud`, `--os-region-name`,
/// `--os-project-name`, `--os-username`, `--os-compute-api-version`, `--insecure`…) the
/// `OS_*` variables as defaults, and lays them over the chosen cloud:
///
/// - the credentials of the auth plugin (`auth_url`, `username`, `user_id`, `password`,
///   the application credential, `system_scope`, `trust_id`, `default_domain_*`,
///   `endpoint`) fill what the cloud's `auth:` leaves unset: a file's password is not
///   replaced by `OS_PASSWORD`, or by `--os-password`;
/// - every other option (project and domain scope, token, `interface`, `region_name`,
///   `auth_type`, API versions, TLS settings, per-service settings) replaces the cloud's
///   value.
///
/// An option given on the command line wins over its variable. An option that is not an
/// OpenStack setting is an error that names it.
///
/// ```
/// use ferrocloud::config::{CommandLine, CloudsConfig, Environment};
/// let dir = std::env::temp_dir().join(format!("ferrocloud-doc-cli-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("clouds.yaml"), "clouds:\n  lab:\n    regions: [R1, R2]\n    auth:\n      auth_url: http://k:5000/v3\n      username: alice\n      password: from-the-file\n      project_name: p1\n      user_domain_id: default\n      project_domain_id: default\n").unwrap();
/// let env = Environment::from_vars([("OS_PASSWORD", "from-the-environment"), ("OS_PROJECT_NAME", "p2")])
///     .with_search_dirs([&dir]);
/// let cli = CommandLine::new()
///     .option("--os-cloud", "lab")?
///     .option("--os-region-name", "R2")?
///     .option("--os-username", "bob")?
///     .option("--os-compute-api-version", "2.95")?;
/// let cloud = CloudsConfig::from_command_line(&cli, env)?;
/// assert_eq!(cloud.region_name.as_deref(), Some("R2"));
/// let auth = cloud.auth.auth_options().unwrap();
/// assert_eq!(auth.username.as_deref(), Some("alice")); // the file's credentials stay
/// assert!(format!("{:?}", auth.scope).contains("p2")); // OS_PROJECT_NAME replaces the scope
/// assert_eq!(cloud.service("compute")?.microversion.as_deref(), Some("2.95"));
/// assert!(CommandLine::new().option("--os-pasword", "x").unwrap_err().to_string().contains("--os-pasword"));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), ferrocloud::Error>(())
/// ```
///
/// `Debug` shows the option names and hides the values of secrets.
#[derive(Clone, Default)]
pub struct CommandLine {
    cloud: Option<String>,
    region: Option<String>,
    /// Credentials, by `clouds.yaml` key.
    credentials: Vec<(String, String)>,
    /// Everything else, as `clouds.yaml` keys.
    settings: Vec<(String, Value)>,
}

impl fmt::Debug for CommandLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |k: &str, v: String| {
            if is_secret_key(k) {
                format!("{k}=<redacted>")
            } else {
                format!("{k}={v}")
            }
        };
        let mut items: Vec<String> = Vec::new();
        items.extend(self.cloud.iter().map(|c| format!("cloud={c}")));
        items.extend(self.region.iter().map(|r| format!("region_name={r}")));
        items.extend(self.credentials.iter().map(|(k, v)| show(k, v.clone())));
        items.extend(self.settings.iter().map(|(k, v)| show(k, v.to_string())));
        f.debug_tuple("CommandLine").field(&items).finish()
    }
}

/// What a known option is.
enum Kind {
    Cloud,
    Region,
    Credential,
    Setting,
}

fn kind(key: &str) -> Option<Kind> {
    if key == "cloud" {
        return Some(Kind::Cloud);
    }
    if key == "region_name" {
        return Some(Kind::Region);
    }
    if AUTH_WINS.contains(&key) {
        return Some(Kind::Credential);
    }
    let scope = TOP_LEVEL_WINS.iter().any(|(_, names)| names.contains(&key));
    let service =
        service_setting(key, SERVICE_SETTINGS) || service_setting(key, SERVICE_COMPLEMENTS);
    (scope || service || SETTINGS.contains(&key)).then_some(Kind::Setting)
}

impl CommandLine {
    /// No options.
    ///
    /// ```
    /// let cli = ferrocloud::config::CommandLine::new();
    /// assert_eq!(format!("{cli:?}"), "CommandLine([])");
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets an option, named as on the command line (`--os-project-name`), or as its
    /// variable or `clouds.yaml` key (`os_project_name`, `project_name`). `--insecure`
    /// and `--verify` take `"true"`/`"false"`. An option that is not an OpenStack setting
    /// is an error naming it.
    ///
    /// ```
    /// use ferrocloud::config::CommandLine;
    /// let cli = CommandLine::new().option("--os-password", "s3cret")?.option("--insecure", "true")?;
    /// let shown = format!("{cli:?}");
    /// assert!(shown.contains("password=<redacted>") && !shown.contains("s3cret"));
    /// assert!(CommandLine::new().option("--os-colour", "blue").is_err());
    /// # Ok::<(), ferrocloud::Error>(())
    /// ```
    pub fn option(mut self, name: &str, value: impl Into<String>) -> Result<Self> {
        let key = option_key(name);
        let value = value.into();
        match kind(&key) {
            Some(Kind::Cloud) => self.cloud = Some(value),
            Some(Kind::Region) => self.region = Some(value),
            Some(Kind::Credential) => self.credentials.push((key, value)),
            Some(Kind::Setting) => self.settings.push((key, Value::String(value))),
            None => {
                return Err(Error::config(format!(
                    "{name} is not an OpenStack option (the --os-* options name clouds.yaml settings, auth credentials and scope, and <service>-api-version)"
                )));
            }
        }
        Ok(self)
    }

    /// The program options this command line gives: every option but the credentials.
    fn cloud_options(&self) -> CloudOptions {
        let mut options = CloudOptions::new();
        if let Some(r) = &self.region {
            options = options.region(r.clone());
        }
        for (k, v) in &self.settings {
            options = options.set(k.clone(), v.clone());
        }
        options
    }
}

impl CloudsConfig {
    /// Resolves the cloud a command line names (`--os-cloud`, else `OS_CLOUD`, else as
    /// [`CloudsConfig::cloud`] chooses), reading the configuration from `env` with the
    /// command line's options over it, with openstackclient's precedence (see
    /// [`CommandLine`]).
    ///
    /// ```
    /// use ferrocloud::config::{CommandLine, CloudsConfig, Environment};
    /// // No files: the cloud is made of the options and variables.
    /// let env = Environment::from_vars([("OS_AUTH_URL", "http://k:5000/v3"), ("OS_USERNAME", "u")]);
    /// let cli = CommandLine::new().option("--os-password", "pw")?.option("--os-interface", "internal")?;
    /// let cloud = CloudsConfig::from_command_line(&cli, env)?;
    /// assert_eq!(cloud.auth_url(), Some("http://k:5000/v3"));
    /// # Ok::<(), ferrocloud::Error>(())
    /// ```
    pub fn from_command_line(cli: &CommandLine, env: Environment) -> Result<CloudConfig> {
        // Credentials complement the cloud as the variables they stand for do.
        let vars = cli
            .credentials
            .iter()
            .map(|(k, v)| (format!("OS_{}", k.to_ascii_uppercase()), v.clone()));
        let config = CloudsConfig::load_with(env.with_vars(vars))?;
        config.cloud_with(cli.cloud.as_deref(), &cli.cloud_options())
    }
}
