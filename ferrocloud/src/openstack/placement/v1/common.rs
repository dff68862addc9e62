//! What the Placement resources share: amounts of resources by class, the
//! microversion check, and the rule for custom names.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::microversion::{Microversion, at_least};
use crate::{Error, Result, ServiceClient};

/// Amounts of resources by resource class (`{"VCPU": 2, "MEMORY_MB": 1024}`).
pub type Resources = BTreeMap<String, u64>;

/// The resources held on (or asked of) one resource provider: `{"resources": {…}}`.
///
/// ```
/// use ferrocloud::openstack::placement::v1::common::ProviderResources;
/// let r = ProviderResources::new([("VCPU", 2), ("MEMORY_MB", 1024)]);
/// assert_eq!(serde_json::to_value(&r).unwrap(),
///     serde_json::json!({"resources": {"VCPU": 2, "MEMORY_MB": 1024}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProviderResources {
    /// The amounts by resource class.
    pub resources: Resources,
    /// The provider's generation when it was read (in a consumer's allocations; sent
    /// back by `POST /allocations`, where Placement ignores it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generation: Option<u64>,
}

impl ProviderResources {
    /// These amounts.
    pub fn new<K: Into<String>>(amounts: impl IntoIterator<Item = (K, u64)>) -> Self {
        ProviderResources {
            resources: amounts.into_iter().map(|(k, v)| (k.into(), v)).collect(),
            generation: None,
        }
    }
}

/// Refuses, before sending, what needs Placement microversion `major.minor` on a client
/// pinned lower (or not pinned: Placement's base version is 1.0).
pub(crate) fn need(client: &ServiceClient, what: &str, minor: u32) -> Result<()> {
    if at_least(client, Microversion::new(1, minor)) {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "{what} needs placement microversion 1.{minor} or later; this client uses {}",
            client.microversion().unwrap_or("the base version (1.0)")
        )))
    }
}

/// Custom resource classes and traits are named `CUSTOM_` followed by capitals, digits
/// and underscores; Placement refuses other names for what users create.
///
/// ```
/// use ferrocloud::openstack::placement::v1::common::check_custom_name;
/// assert!(check_custom_name("trait", "CUSTOM_GOLD_1").is_ok());
/// assert!(check_custom_name("trait", "GOLD").is_err());
/// assert!(check_custom_name("resource class", "CUSTOM_gold").is_err());
/// ```
pub fn check_custom_name(what: &str, name: &str) -> Result<()> {
    let rest = name.strip_prefix("CUSTOM_").unwrap_or_default();
    let ok = !rest.is_empty()
        && name.len() <= 255
        && rest
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "custom {what} {name:?} must be CUSTOM_ followed by capital letters, digits and underscores"
        )))
    }
}

/// Writes amounts as Placement's query syntax, `VCPU:2,MEMORY_MB:1024`
/// (`#[serde(serialize_with = …)]` for list options).
///
/// ```
/// use ferrocloud::openstack::placement::v1::common::{resources_param, Resources};
/// let r: Resources = [("VCPU".to_string(), 2), ("MEMORY_MB".to_string(), 1024)].into();
/// assert_eq!(resources_param(&r), "MEMORY_MB:1024,VCPU:2");
/// ```
pub fn resources_param(amounts: &Resources) -> String {
    amounts
        .iter()
        .map(|(k, v)| format!("{k}:{v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// Serializes [`Resources`] as [`resources_param`] does (`serialize_with`).
pub(crate) fn serialize_resources<S: serde::Serializer>(
    amounts: &Resources,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&resources_param(amounts))
}
