//! Configuration as the OpenStack tools read it: `clouds.yaml`, `secure.yaml`,
//! `clouds-public.yaml`, vendor profiles, `OS_*` variables and TLS settings; and
//! [`Cloud`], a handle that hands out service clients with a cloud's settings.
//!
//! ```no_run
//! # async fn demo() -> ferrocloud::Result<()> {
//! // OS_CLOUD=mycloud, or the only cloud, or the cloud made from OS_* variables.
//! let cloud = ferrocloud::config::Cloud::from_config(None)?;
//! let compute = cloud.compute().await?; // authenticates once; compute_api_version pinned
//! let network = cloud.network().await?;
//! # Ok(()) }
//! ```
//!
//! # Files
//!
//! Each of `clouds`, `secure` and `clouds-public` is looked for as `.yaml`, `.yml` and
//! `.json` in the search directories ([`default_search_dirs`]: the current directory,
//! the user's configuration directory, the system's) and the first one found is read.
//! `OS_CLIENT_CONFIG_FILE` and `OS_CLIENT_SECURE_FILE` name a file to try before the
//! others. `secure.yaml` is merged over `clouds.yaml` (mappings merge, other values
//! replace). A file that is not valid YAML/JSON is an error that names the file, line
//! and column ([`SyntaxError`]); a file that cannot be read is skipped with a warning.
//! Paths and the environment are injectable ([`Environment`]).
//!
//! # Choosing a cloud
//!
//! The name given, else `OS_CLOUD`, else the cloud made from `OS_*` variables when any
//! is set (named `envvars`, or `OS_CLOUD_NAME`), else the only cloud of the files. An
//! unknown name is an error that lists the clouds found and the files read, except that
//! an `OS_CLOUD` naming a vendor profile (and no file cloud) gives the environment cloud
//! with that profile, as openstacksdk does. With no
//! cloud at all, or several and none chosen, the `defaults` pseudo-cloud is resolved
//! (the program's options and `OS_*` variables alone); its error names what is missing
//! and lists the clouds found. A file cloud named `envvars` (or the name in
//! `OS_CLOUD_NAME`) is an error when the files are read.
//!
//! # Layers, lowest first
//!
//! 1. the vendor profile named by `profile:` (or the deprecated `cloud:`): first from
//!    `public-clouds` of `clouds-public.yaml`, else the built-in ones
//!    ([`vendor_profile_names`]). Profiles published only at a URL are not fetched: a
//!    warning says so, and so does the error if the cloud then lacks its `auth_url`;
//! 2. the cloud's entry (`clouds.yaml` with `secure.yaml`);
//! 3. the values of the chosen region (`regions:` as names, or as `{name, values}`);
//! 4. `OS_*` variables that override (those documented for the OpenStack tools):
//!    `OS_DOMAIN_ID/NAME`, `OS_USER_DOMAIN_ID/NAME`, `OS_PROJECT_DOMAIN_ID/NAME`,
//!    `OS_AUTH_TOKEN`, `OS_PROJECT_ID/NAME` (`OS_TENANT_ID/NAME`), plus `OS_REGION_NAME`,
//!    `OS_INTERFACE` (`OS_ENDPOINT_TYPE`) and `OS_<SERVICE>_API_VERSION`;
//! 5. the program's [`CloudOptions`];
//!
//! and then the other recognised `OS_*` variables complement what is still unset
//! (`OS_AUTH_URL`, `OS_USERNAME`, `OS_PASSWORD`, `OS_APPLICATION_CREDENTIAL_*`,
//! `OS_CACERT`, `OS_CERT`, `OS_KEY`, `OS_INSECURE`, `OS_AUTH_TYPE`, … and
//! `OS_<SERVICE>_ENDPOINT_OVERRIDE`, `_INTERFACE`, `_REGION_NAME`, `_SERVICE_TYPE`,
//! `_SERVICE_NAME`): a `clouds.yaml` without its password plus `OS_PASSWORD` works.
//!
//! Within a layer, scope and domain keys written next to `auth:` win over the `auth:`
//! ones, credentials inside `auth:` win over those next to it, and a name and an ID for
//! the same thing given together are both kept, the ID scoping. A layer that sets one of a pair (project ID/name,
//! a domain's ID/name, user ID/name) replaces both of a lower layer. `domain_id`/
//! `domain_name` with a project scope are the default user and project domains;
//! without a project they are the scope. `{region_name}` and other `{key}` templates
//! are expanded (vendor profiles use them in URLs).
//!
//! # Command line
//!
//! [`CommandLine`] and [`CloudsConfig::from_command_line`] resolve `--os-*` options with
//! the `OS_*` variables as their defaults, as openstackclient does: credentials already
//! in the cloud's `auth:` stay, every other option replaces the cloud's value, and an
//! option beats its variable.
//!
//! # Authentication types
//!
//! [`AuthType`]: `password`, `v3password`, `v2password`, `token`, `v3token`, `v2token`,
//! `v3applicationcredential`, `v3totp`, `v3multifactor` (with `auth_methods`), `none`
//! (every service needs an endpoint: `auth.endpoint` or `<service>_endpoint_override`),
//! `admin_token`/`token_endpoint` (a fixed token; `url` is the old name of `endpoint`),
//! `http_basic` (HTTP basic authentication on every request to `auth.endpoint`). Others
//! are a clear error. An `auth:` key that the type does not take (keystoneauth's options
//! of each type, see [`AuthType::auth_keys`]) is an error naming the key and the type;
//! one set by an `OS_*` variable is dropped instead. Without `auth_type`, password is used, or what the credentials show
//! (an application credential, a passcode, a token) when there is no password.
//!
//! A `project_name` or `username` without its domain loads with `password` and `token`:
//! identity v2.0 has no domains, and with v3 `default_domain_id`/`_name` serves; when
//! Keystone v3 needs a domain that is not there, authentication fails naming the key.
//! The types that are identity v3 by name (`v3password`, …) refuse them at load.
//!
//! # Services
//!
//! `<service>_endpoint_override`, `<service>_api_version` (a microversion such as
//! `compute_api_version: "2.79"` is pinned on the client; write it quoted, as YAML reads
//! an unquoted `2.10` as a number), `<service>_default_microversion`,
//! `<service>_interface`, `<service>_region_name`, `<service>_service_type`,
//! `<service>_service_name`, where `<service>` is the service type with `_` for `-` or
//! an alias (`volume_api_version`). See [`ServiceConfig`].
//!
//! # TLS
//!
//! `verify` (default true) and `insecure` (wins when true), `cacert` (added to the
//! operating system's certificate store, which is always trusted), `cert` and `key`
//! (paths, `~` expanded, or inline PEM), `api_timeout` (seconds: the longest wait for the
//! server, to connect and for each read; see [`crate::provider::Timeouts`]). A warning is logged when verification is turned off. See [`TlsConfig`].
//!
//! # Legacy spellings
//!
//! `endpoint_type` and `<service>_endpoint_type` are read as `interface` and
//! `<service>_interface`, and win over them; any `<service>_timeout` sets `api_timeout`;
//! `tenant_id`/`tenant_name` are `project_id`/`project_name`, except that under
//! `v2password` the tenant wins over the project.
//!
//! # Deliberate differences from openstacksdk
//!
//! - A configuration file that cannot be parsed, or is not a mapping, is an error (openstacksdk skips it with a log line).
//! - `verify: "False"` (a string) means false, as every boolean spelling does.
//! - An unquoted `2.10` stays "2.10": numbers keep their source text.
//! - `OS_REGION_NAME`/`OS_INTERFACE` set beside `OS_CLOUD` apply to the file cloud, as openstackclient does.
//! - `noauth` is a name of `none`, and a token without `auth_type` means token authentication.
//! - With `password`/`token`, a name without its domain fails at authentication with Keystone v3, naming the key (keystoneauth sends it and Keystone refuses it).
//! - A project's name and ID given together scope by the ID, for `v3password` too (keystoneauth refuses the name without a domain).
//!
//! Secrets (passwords, tokens, application credential secrets, TLS keys) never appear in
//! `Debug` output, logs or error messages.

mod auth;
mod cloud;
mod cloud_config;
mod command_line;
mod env;
mod files;
mod loader;
mod service;
mod tls;
mod value;
mod vendors;

pub use auth::{AuthType, CloudAuth};
pub use cloud::Cloud;
pub use cloud_config::{AuthValue, CloudConfig, CloudSettings};
pub use command_line::CommandLine;
pub use env::{Environment, default_search_dirs};
pub use files::SyntaxError;
pub use loader::{CloudOptions, CloudsConfig, ConfigFiles};
pub use service::ServiceConfig;
pub use tls::{KeyPem, Pem, TlsConfig};
pub use vendors::{vendor_profile, vendor_profile_names};

/// Opens the cloud `name` (else the default one) of this process's configuration and
/// authenticates now; [`Cloud::from_config`] does the same without authenticating.
///
/// ```no_run
/// # async fn demo() -> ferrocloud::Result<()> {
/// let cloud = ferrocloud::config::connect(Some("mycloud")).await?;
/// println!("token for {} expires at {:?}", cloud.name(),
///     cloud.provider().auth_info().and_then(|i| i.expires_at));
/// # Ok(()) }
/// ```
pub async fn connect(name: Option<&str>) -> crate::Result<Cloud> {
    Cloud::connect(name).await
}

/// Reads a clouds.yaml text and resolves every cloud in it (for the fuzz targets).
pub(crate) fn fuzz_clouds_yaml(text: &str) {
    let Ok(doc) = files::parse(std::path::Path::new("clouds.yaml"), text) else {
        return;
    };
    let env = Environment::from_vars(Vec::<(String, String)>::new())
        .with_search_dirs(Vec::<std::path::PathBuf>::new());
    if let Ok(cfg) = CloudsConfig::from_value(doc, env) {
        for name in cfg.cloud_names() {
            if let Ok(c) = cfg.cloud(Some(&name)) {
                let _ = c.service("compute");
                let _ = c.auth_url();
            }
        }
    }
}
