//! Authentication options from `OS_*` environment variables, as the OpenStack command-line
//! tools read them.
//!
//! ```
//! use std::collections::HashMap;
//! let vars: HashMap<&str, &str> = [
//!     ("OS_AUTH_URL", "http://keystone:5000/v3"),
//!     ("OS_USERNAME", "demo"),
//!     ("OS_PASSWORD", "secret"),
//!     ("OS_USER_DOMAIN_NAME", "Default"),
//!     ("OS_PROJECT_NAME", "demo"),
//!     ("OS_PROJECT_DOMAIN_ID", "default"),
//! ].into();
//! let opts = ferrocloud::auth::env::auth_options_from(|k| vars.get(k).map(|v| v.to_string())).unwrap();
//! assert_eq!(opts.username.as_deref(), Some("demo"));
//! let body = opts.v3_request_body().unwrap();
//! assert_eq!(body["auth"]["scope"]["project"]["domain"]["id"], "default");
//! ```

use secrecy::SecretString;

use super::{AuthOptions, DomainRef, IdentityVersion, Scope};
use crate::auth::catalog::{Availability, EndpointOpts};
use crate::{Error, Result};

fn first(get: &dyn Fn(&str) -> Option<String>, names: &[&str]) -> Option<String> {
    names
        .iter()
        .find_map(|n| get(n).filter(|v| !v.trim().is_empty()))
}

fn domain(get: &dyn Fn(&str) -> Option<String>, id_var: &str, name_var: &str) -> Option<DomainRef> {
    first(get, &[id_var])
        .map(DomainRef::Id)
        .or_else(|| first(get, &[name_var]).map(DomainRef::Name))
}

/// Reads authentication options with `get` standing for the environment (for tests and
/// for callers with their own source of variables).
///
/// Variables: `OS_AUTH_URL`, `OS_USERNAME`, `OS_USER_ID`, `OS_PASSWORD`, `OS_PASSCODE`,
/// `OS_TOKEN`/`OS_AUTH_TOKEN`, `OS_APPLICATION_CREDENTIAL_ID`/`_NAME`/`_SECRET`,
/// `OS_USER_DOMAIN_ID`/`_NAME`, `OS_PROJECT_ID`/`OS_TENANT_ID`,
/// `OS_PROJECT_NAME`/`OS_TENANT_NAME`, `OS_PROJECT_DOMAIN_ID`/`_NAME`,
/// `OS_DOMAIN_ID`/`_NAME` (domain scope), `OS_DEFAULT_DOMAIN` (a domain ID, also
/// `OS_DEFAULT_DOMAIN_ID`/`_NAME`), `OS_SYSTEM_SCOPE`, `OS_TRUST_ID`,
/// `OS_IDENTITY_API_VERSION`. Errors name the variable that is missing.
pub fn auth_options_from(get: impl Fn(&str) -> Option<String>) -> Result<AuthOptions> {
    let get: &dyn Fn(&str) -> Option<String> = &get;
    let auth_url =
        first(get, &["OS_AUTH_URL"]).ok_or_else(|| Error::config("OS_AUTH_URL is not set"))?;
    let mut o = AuthOptions::base(auth_url);
    o.user_id = first(get, &["OS_USER_ID"]);
    o.username = first(get, &["OS_USERNAME"]);
    o.password = first(get, &["OS_PASSWORD"]).map(SecretString::from);
    o.passcode = first(get, &["OS_PASSCODE"]).map(SecretString::from);
    o.token = first(get, &["OS_TOKEN", "OS_AUTH_TOKEN"]).map(SecretString::from);
    o.application_credential_id = first(get, &["OS_APPLICATION_CREDENTIAL_ID"]);
    o.application_credential_name = first(get, &["OS_APPLICATION_CREDENTIAL_NAME"]);
    o.application_credential_secret =
        first(get, &["OS_APPLICATION_CREDENTIAL_SECRET"]).map(SecretString::from);
    o.user_domain = domain(get, "OS_USER_DOMAIN_ID", "OS_USER_DOMAIN_NAME");
    o.default_domain = first(get, &["OS_DEFAULT_DOMAIN", "OS_DEFAULT_DOMAIN_ID"])
        .map(DomainRef::Id)
        .or_else(|| first(get, &["OS_DEFAULT_DOMAIN_NAME"]).map(DomainRef::Name));
    o.identity_version = match first(get, &["OS_IDENTITY_API_VERSION"]).as_deref() {
        None => None,
        Some("3") | Some("3.0") | Some("v3") => Some(IdentityVersion::V3),
        Some("2") | Some("2.0") | Some("v2.0") => Some(IdentityVersion::V2),
        Some(other) => {
            return Err(Error::config(format!(
                "OS_IDENTITY_API_VERSION={other:?} is not supported (use 3 or 2.0)"
            )));
        }
    };
    if let Some(auth_type) = first(get, &["OS_AUTH_TYPE"]) {
        let oidc = super::oidc::from_settings(&auth_type, |k| {
            first(get, &[format!("OS_{}", k.to_ascii_uppercase()).as_str()])
        })
        .map_err(|e| match e.service_message().rsplit_once("needs ") {
            Some((head, key)) => {
                Error::config(format!("{head}needs OS_{}", key.to_ascii_uppercase()))
            }
            None => e,
        })?;
        if let Some(oidc) = oidc {
            o.oidc = Some(oidc);
            o.password = None;
            o.passcode = None;
            o.token = None;
            o.scope = env_scope(get)?;
            return Ok(o);
        }
    }

    let has_app_cred =
        o.application_credential_id.is_some() || o.application_credential_name.is_some();
    if has_app_cred {
        if o.application_credential_secret.is_none() {
            return Err(Error::config(
                "OS_APPLICATION_CREDENTIAL_SECRET is not set (needed with OS_APPLICATION_CREDENTIAL_ID/NAME)",
            ));
        }
        if o.application_credential_id.is_none() && o.user_id.is_none() && o.username.is_none() {
            return Err(Error::config(
                "OS_APPLICATION_CREDENTIAL_NAME needs OS_USER_ID or OS_USERNAME",
            ));
        }
    } else if o.password.is_none() && o.token.is_none() && o.passcode.is_none() {
        return Err(Error::config(
            "no credentials: set OS_PASSWORD (with OS_USERNAME or OS_USER_ID), OS_TOKEN, or OS_APPLICATION_CREDENTIAL_ID and OS_APPLICATION_CREDENTIAL_SECRET",
        ));
    }
    if (o.password.is_some() || o.passcode.is_some()) && o.user_id.is_none() && o.username.is_none()
    {
        return Err(Error::config(
            "OS_PASSWORD/OS_PASSCODE need OS_USERNAME or OS_USER_ID",
        ));
    }
    o.scope = env_scope(get)?;
    Ok(o)
}

/// The scope the `OS_*` variables ask for.
fn env_scope(get: &dyn Fn(&str) -> Option<String>) -> Result<Option<Scope>> {
    let project_id = first(get, &["OS_PROJECT_ID", "OS_TENANT_ID"]);
    let project_name = first(get, &["OS_PROJECT_NAME", "OS_TENANT_NAME"]);
    let domain_scope = domain(get, "OS_DOMAIN_ID", "OS_DOMAIN_NAME");
    let scope = if let Some(trust) = first(get, &["OS_TRUST_ID"]) {
        Some(Scope::Trust(trust))
    } else if let Some(system) = first(get, &["OS_SYSTEM_SCOPE"]) {
        if system != "all" {
            return Err(Error::config(format!(
                "OS_SYSTEM_SCOPE={system:?}: only \"all\" is supported"
            )));
        }
        Some(Scope::System)
    } else if let Some(id) = project_id {
        Some(Scope::ProjectId(id))
    } else if let Some(name) = project_name {
        // Without a domain, identity v3 needs OS_DEFAULT_DOMAIN; the version is known
        // at authentication.
        match domain(get, "OS_PROJECT_DOMAIN_ID", "OS_PROJECT_DOMAIN_NAME") {
            Some(domain) => Some(Scope::ProjectName { name, domain }),
            None => Some(Scope::ProjectNameOnly(name)),
        }
    } else {
        domain_scope.map(Scope::Domain)
    };
    Ok(scope)
}

/// Reads authentication options from the process environment; see [`auth_options_from`].
///
/// ```no_run
/// let opts = ferrocloud::openstack::auth_options_from_env()?;
/// # Ok::<(), ferrocloud::Error>(())
/// ```
pub fn auth_options_from_env() -> Result<AuthOptions> {
    auth_options_from(|k| std::env::var(k).ok())
}

/// Endpoint options from `OS_REGION_NAME` and `OS_INTERFACE` (also `OS_ENDPOINT_TYPE`).
///
/// ```
/// let eo = ferrocloud::auth::env::endpoint_opts_from(|k| match k {
///     "OS_REGION_NAME" => Some("RegionOne".into()),
///     "OS_INTERFACE" => Some("internal".into()),
///     _ => None,
/// }).unwrap();
/// assert_eq!(eo.region.as_deref(), Some("RegionOne"));
/// assert_eq!(eo.availability, ferrocloud::Availability::Internal);
/// ```
pub fn endpoint_opts_from(get: impl Fn(&str) -> Option<String>) -> Result<EndpointOpts> {
    let get: &dyn Fn(&str) -> Option<String> = &get;
    let mut eo = EndpointOpts {
        region: first(get, &["OS_REGION_NAME"]),
        ..Default::default()
    };
    if let Some(i) = first(get, &["OS_INTERFACE", "OS_ENDPOINT_TYPE"]) {
        eo.availability = Availability::parse(&i)
            .map_err(|e| Error::config(format!("OS_INTERFACE: {}", e.service_message())))?;
    }
    Ok(eo)
}

/// Endpoint options from the process environment; see [`endpoint_opts_from`].
///
/// ```
/// let eo = ferrocloud::auth::env::endpoint_opts_from_env();
/// assert!(eo.is_ok() || std::env::var("OS_INTERFACE").is_ok());
/// ```
pub fn endpoint_opts_from_env() -> Result<EndpointOpts> {
    endpoint_opts_from(|k| std::env::var(k).ok())
}
