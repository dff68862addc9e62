//! Per-service settings of a cloud: `<service>_endpoint_override`, `<service>_api_version`,
//! `<service>_interface`, `<service>_region_name`, `<service>_service_type`,
//! `<service>_service_name`, `<service>_default_microversion`.
//!
//! `<service>` is the service type with `-` written `_` (`block_storage`,
//! `object_store`), or one of its aliases (`volume`, `volumev3`…): a key written with the
//! official type wins over one written with an alias.

use crate::auth::catalog::aliases;
use crate::{Availability, EndpointOpts, Error, Result};

/// The settings of one service of a cloud, as [`CloudConfig::service`](super::CloudConfig::service)
/// resolves them.
///
/// ```
/// use ferrocloud::config::CloudConfig;
/// let cfg = CloudConfig::from_value("c", serde_json::json!({
///     "auth_type": "none", "region_name": "R1",
///     "volume_api_version": "3.59", "compute_endpoint_override": "http://nova:8774/v2.1",
///     "interface": "internal", "compute_interface": "admin"})).unwrap();
/// let bs = cfg.service("volume").unwrap();
/// assert_eq!(bs.service_type, "block-storage");
/// assert_eq!((bs.api_version.as_deref(), bs.microversion.as_deref()), (Some("3"), Some("3.59")));
/// assert_eq!(bs.interface, ferrocloud::Availability::Internal);
/// let compute = cfg.service("compute").unwrap();
/// assert_eq!(compute.endpoint_override.as_deref(), Some("http://nova:8774/v2.1"));
/// assert_eq!(compute.interface, ferrocloud::Availability::Admin);
/// assert_eq!(compute.region_name.as_deref(), Some("R1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceConfig {
    /// The official service type (`block-storage` for `volume`).
    pub service_type: String,
    /// The type to look for in the catalog instead (`<service>_service_type`).
    pub catalog_type: Option<String>,
    /// The service name in the catalog (`<service>_service_name`).
    pub service_name: Option<String>,
    /// The region (`<service>_region_name`, else the cloud's).
    pub region_name: Option<String>,
    /// The interface (`<service>_interface`, else the cloud's).
    pub interface: Availability,
    /// An endpoint to use instead of the catalog's (`<service>_endpoint_override`, or
    /// `auth.endpoint` for `none` and `admin_token`).
    pub endpoint_override: Option<String>,
    /// The major API version (`<service>_api_version` without its microversion part).
    pub api_version: Option<String>,
    /// The microversion to pin: from `<service>_api_version` when it has a minor part
    /// other than `0` (`"2.79"`), or `<service>_default_microversion`.
    pub microversion: Option<String>,
}

impl ServiceConfig {
    /// The options to find this service's endpoint in the catalog.
    ///
    /// ```
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("c", serde_json::json!({
    /// #     "auth_type": "none", "auth": {"endpoint": "http://x"}, "database_service_type": "rax:database"})).unwrap();
    /// let eo = cfg.service("database").unwrap().endpoint_opts();
    /// assert_eq!(eo.service_type.as_deref(), Some("rax:database"));
    /// ```
    pub fn endpoint_opts(&self) -> EndpointOpts {
        EndpointOpts {
            service_type: self.catalog_type.clone(),
            name: self.service_name.clone(),
            region: self.region_name.clone(),
            availability: self.interface,
        }
    }
}

/// The official type of a service named by type, alias or with `_` for `-`.
pub(crate) fn official_type(service: &str) -> String {
    let t = service.trim().to_ascii_lowercase().replace('_', "-");
    match aliases(&t).first() {
        Some(official) => official.to_string(),
        None => t,
    }
}

/// The key prefixes of a service, official first (`block_storage`, `volumev3`, …).
pub(crate) fn key_prefixes(official: &str) -> Vec<String> {
    let mut types: Vec<&str> = aliases(official).to_vec();
    if types.is_empty() {
        types.push(official);
    }
    types.iter().map(|t| t.replace('-', "_")).collect()
}

/// The service types whose settings may come from `OS_*` variables.
pub(crate) const KNOWN_SERVICES: &[&str] = &[
    "compute",
    "network",
    "block-storage",
    "image",
    "identity",
    "object-store",
    "placement",
    "shared-file-system",
    "orchestration",
    "dns",
    "load-balancer",
    "key-manager",
    "baremetal",
    "baremetal-introspection",
    "container-infrastructure-management",
    "workflow",
    "messaging",
    "database",
    "clustering",
    "container",
    "application-container",
    "accelerator",
    "application-catalog",
    "metric",
    "alarm",
    "event",
    "rating",
    "reservation",
    "instance-ha",
    "backup",
];

/// Splits an API version into its major version and the microversion it implies
/// (`"2.79"` → `("2", Some("2.79"))`, `"2.0"` → `("2", None)`, `"3"` → `("3", None)`).
pub(crate) fn split_version(v: &str) -> Option<(String, Option<String>)> {
    let v = v.trim();
    let v = v.strip_prefix(['v', 'V']).unwrap_or(v);
    let (major, minor) = match v.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (v, None),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(major) || !minor.is_none_or(digits) {
        return None;
    }
    let micro = match minor {
        Some(m) if m.trim_start_matches('0').is_empty() => None,
        Some(_) => Some(v.to_string()),
        None => None,
    };
    Some((major.to_string(), micro))
}

/// How ferrocloud finds a service's endpoint: the catalog types to try and the version
/// suffix of its resource base.
pub(crate) struct ServiceSpec {
    pub types: Vec<&'static str>,
    pub suffix: Option<&'static str>,
}

pub(crate) fn spec(official: &str, major: Option<&str>) -> ServiceSpec {
    let known = |types: &'static [&'static str], suffix| ServiceSpec {
        types: types.to_vec(),
        suffix,
    };
    match (official, major) {
        ("network", _) => known(&["network"], Some("v2.0")),
        ("image", Some("1")) => known(&["image"], Some("v1")),
        ("image", _) => known(&["image"], Some("v2")),
        ("identity", Some("2")) => known(&["identity"], Some("v2.0")),
        ("identity", _) => known(&["identity"], Some("v3")),
        ("block-storage", Some("3")) => known(&["block-storage", "volumev3", "block-store"], None),
        ("block-storage", Some("2")) => known(&["volumev2", "block-storage"], None),
        ("block-storage", Some("1")) => known(&["volume"], None),
        ("dns", Some("1")) => known(&["dns"], Some("v1")),
        ("dns", _) => known(&["dns"], Some("v2")),
        ("load-balancer", _) => known(&["load-balancer"], Some("v2")),
        ("key-manager", _) => known(&["key-manager"], Some("v1")),
        ("baremetal", _) => ServiceSpec {
            types: aliases("baremetal").to_vec(),
            suffix: Some("v1"),
        },
        ("baremetal-introspection", _) => known(&["baremetal-introspection"], Some("v1")),
        (other, _) => ServiceSpec {
            types: aliases(other).to_vec(),
            suffix: None,
        },
    }
}

/// Checks that the microversions of `api_version` and `default_microversion` agree.
pub(crate) fn microversion(
    service: &str,
    from_version: Option<String>,
    default: Option<String>,
) -> Result<Option<String>> {
    match (from_version, default) {
        (Some(a), Some(b)) if a != b => Err(Error::config(format!(
            "{service}: default_microversion {b} was given, but api_version looks like a different microversion ({a}); set api_version to the major version only, or drop default_microversion"
        ))),
        (a, b) => Ok(a.or(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_types_and_prefixes() {
        assert_eq!(official_type("volume"), "block-storage");
        assert_eq!(official_type("object_store"), "object-store");
        assert_eq!(official_type("sharev2"), "shared-file-system");
        assert_eq!(official_type("my-service"), "my-service");
        assert_eq!(
            key_prefixes("block-storage"),
            [
                "block_storage",
                "volumev3",
                "volumev2",
                "volume",
                "block_store"
            ]
        );
        assert_eq!(key_prefixes("my-service"), ["my_service"]);
    }

    #[test]
    fn versions_and_microversions() {
        assert_eq!(
            split_version("2.79"),
            Some(("2".into(), Some("2.79".into())))
        );
        assert_eq!(split_version("2.0"), Some(("2".into(), None)));
        assert_eq!(split_version("3"), Some(("3".into(), None)));
        assert_eq!(
            split_version("v3.10"),
            Some(("3".into(), Some("3.10".into())))
        );
        assert_eq!(split_version("latest"), None);
        assert_eq!(split_version("2.x"), None);
        assert!(microversion("compute", Some("2.79".into()), Some("2.60".into())).is_err());
        assert_eq!(
            microversion("compute", None, Some("2.60".into()))
                .unwrap()
                .as_deref(),
            Some("2.60")
        );
    }

    #[test]
    fn specs() {
        assert_eq!(spec("block-storage", Some("2")).types[0], "volumev2");
        assert_eq!(spec("block-storage", None).types[0], "block-storage");
        assert_eq!(spec("identity", Some("2")).suffix, Some("v2.0"));
        assert_eq!(spec("compute", None).types, ["compute"]);
        assert!(spec("unknown-thing", None).types.is_empty());
    }
}
