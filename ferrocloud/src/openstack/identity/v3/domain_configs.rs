//! Domain-specific configuration (`/domains/{domain_id}/config`).
//!
//! A domain may have its own identity backend settings (typically an LDAP server), stored
//! in Keystone: groups of options (`identity`, `ldap`) with their values. Keystone accepts
//! only the groups and options it allows for domains; sensitive options (passwords) can be
//! written but are never read back.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient, domain_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::domain_configs::{self, DomainConfig};
//! use serde_json::json;
//! let config = DomainConfig::new()
//!     .option("identity", "driver", "ldap")
//!     .option("ldap", "url", "ldap://ldap.example.com")
//!     .option("ldap", "user_tree_dn", "ou=Users,dc=example,dc=com");
//! domain_configs::create(&identity, domain_id, &config).await.ok()?;
//! domain_configs::update_option(&identity, domain_id, "ldap", "url", json!("ldaps://ldap.example.com")).await.ok()?;
//! let url = domain_configs::get_option(&identity, domain_id, "ldap", "url").await.extract()?;
//! assert_eq!(url.value(), Some(&json!("ldaps://ldap.example.com")));
//! domain_configs::delete(&identity, domain_id).await.ok()?;
//! # Ok(()) }
//! ```
//!
//! Keystone wraps every answer in `{"config": ...}`, and reads every request body from
//! there too; some samples of the API reference leave that key out (showing a group or
//! an option bare). [`DomainConfig`](crate::openstack::identity::v3::domain_configs::DomainConfig) and [`ConfigOption`](crate::openstack::identity::v3::domain_configs::ConfigOption) read both forms.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// Create (or replace) a domain's configuration.
    CREATE = PUT "/domains/{domain_id}/config" request("config", DomainConfig) response("config", DomainConfig);
    /// Show a domain's configuration.
    GET = GET "/domains/{domain_id}/config" response("config", DomainConfig);
    /// Update a domain's configuration (merging groups and options).
    UPDATE = PATCH "/domains/{domain_id}/config" request("config", DomainConfig) response("config", DomainConfig);
    /// Delete a domain's configuration.
    DELETE = DELETE "/domains/{domain_id}/config";
    /// Show one group of a domain's configuration.
    GET_GROUP = GET "/domains/{domain_id}/config/{group}" response(DomainConfig);
    /// Update one group of a domain's configuration.
    UPDATE_GROUP = PATCH "/domains/{domain_id}/config/{group}" request("config", DomainConfig) response("config", DomainConfig);
    /// Delete one group of a domain's configuration.
    DELETE_GROUP = DELETE "/domains/{domain_id}/config/{group}";
    /// Show one option of a domain's configuration.
    GET_OPTION = GET "/domains/{domain_id}/config/{group}/{option}" response(ConfigOption);
    /// Update one option of a domain's configuration.
    UPDATE_OPTION = PATCH "/domains/{domain_id}/config/{group}/{option}" request(ConfigOption) response("config", DomainConfig);
    /// Delete one option of a domain's configuration.
    DELETE_OPTION = DELETE "/domains/{domain_id}/config/{group}/{option}";
    /// Show the default configuration (Keystone's own settings for the allowed options).
    GET_DEFAULT = GET "/domains/config/default" response("config", DomainConfig);
    /// Show the default configuration of one group.
    GET_GROUP_DEFAULT = GET "/domains/config/{group}/default" response("config", DomainConfig);
    /// Show the default value of one option.
    GET_OPTION_DEFAULT = GET "/domains/config/{group}/{option}/default" response(ConfigOption);
}

/// `{"config": X}` → `X`; anything else as it is.
fn unwrap_config(v: Value) -> Value {
    match v {
        Value::Object(mut m) if m.len() == 1 && m.get("config").is_some_and(Value::is_object) => {
            m.remove("config").unwrap_or_default()
        }
        other => other,
    }
}

/// A domain's configuration: option values by group (`{"ldap": {"url": ...}}`).
///
/// Read from `{"config": {...}}` or from the bare groups.
///
/// ```
/// use ferrocloud::openstack::identity::v3::domain_configs::DomainConfig;
/// let c: DomainConfig = serde_json::from_str(r#"{"config": {"ldap": {"url": "ldap://x"}}}"#).unwrap();
/// assert_eq!(c.get("ldap", "url").unwrap(), "ldap://x");
/// let c: DomainConfig = serde_json::from_str(r#"{"ldap": {"url": "ldap://x"}}"#).unwrap();
/// assert_eq!(c.get("ldap", "url").unwrap(), "ldap://x");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct DomainConfig {
    /// Option values by group.
    pub groups: BTreeMap<String, BTreeMap<String, Value>>,
}

impl<'de> Deserialize<'de> for DomainConfig {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let v = unwrap_config(Value::deserialize(d)?);
        let groups = serde_json::from_value(v).map_err(serde::de::Error::custom)?;
        Ok(DomainConfig { groups })
    }
}

impl DomainConfig {
    /// An empty configuration.
    pub fn new() -> Self {
        Self::default()
    }

    /// The same configuration with an option set.
    pub fn option(
        mut self,
        group: impl Into<String>,
        option: impl Into<String>,
        value: impl Into<Value>,
    ) -> Self {
        self.groups
            .entry(group.into())
            .or_default()
            .insert(option.into(), value.into());
        self
    }

    /// The value of an option.
    pub fn get(&self, group: &str, option: &str) -> Option<&Value> {
        self.groups.get(group).and_then(|g| g.get(option))
    }
}

impl Validate for DomainConfig {
    fn validate(&self) -> Result<()> {
        if self.groups.is_empty() {
            return Err(Error::invalid_input("config must hold at least one group"));
        }
        for (group, options) in &self.groups {
            if group.is_empty() {
                return Err(Error::invalid_input("config: a group name is empty"));
            }
            if options.is_empty() {
                return Err(Error::invalid_input(format!(
                    "config.{group} must hold at least one option"
                )));
            }
            if options.keys().any(String::is_empty) {
                return Err(Error::invalid_input(format!(
                    "config.{group}: an option name is empty"
                )));
            }
        }
        Ok(())
    }
}

/// One option and its value (`{"url": "ldap://..."}`).
///
/// Read from `{"config": {...}}` or from the bare option.
///
/// ```
/// use ferrocloud::openstack::identity::v3::domain_configs::ConfigOption;
/// let o: ConfigOption = serde_json::from_str(r#"{"config": {"driver": "ldap"}}"#).unwrap();
/// assert_eq!(o.value().unwrap(), "ldap");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ConfigOption {
    /// The option (one entry).
    pub options: BTreeMap<String, Value>,
}

impl<'de> Deserialize<'de> for ConfigOption {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let v = unwrap_config(Value::deserialize(d)?);
        let options = serde_json::from_value(v).map_err(serde::de::Error::custom)?;
        Ok(ConfigOption { options })
    }
}

impl ConfigOption {
    /// One option.
    pub fn new(option: impl Into<String>, value: impl Into<Value>) -> Self {
        ConfigOption {
            options: BTreeMap::from([(option.into(), value.into())]),
        }
    }

    /// The value (of the first option, for an answer that holds one).
    pub fn value(&self) -> Option<&Value> {
        self.options.values().next()
    }
}

impl Validate for ConfigOption {
    fn validate(&self) -> Result<()> {
        if self.options.len() != 1 || self.options.keys().any(String::is_empty) {
            return Err(Error::invalid_input(
                "config must hold exactly one named option",
            ));
        }
        Ok(())
    }
}

/// Creates (or replaces) a domain's configuration. Keystone answers 201 for a new one,
/// 200 when it replaced one.
pub async fn create(
    client: &ServiceClient,
    domain_id: &str,
    config: &DomainConfig,
) -> ApiResult<DomainConfig> {
    client
        .request(&CREATE, &[domain_id])
        .body(config)
        .send()
        .await
}

/// Shows a domain's configuration (sensitive options left out). A domain without one is
/// [`ErrorKind::NotFound`](crate::ErrorKind::NotFound).
pub async fn get(client: &ServiceClient, domain_id: &str) -> ApiResult<DomainConfig> {
    client.request(&GET, &[domain_id]).send().await
}

/// Updates a domain's configuration: the options given are set, the others kept.
pub async fn update(
    client: &ServiceClient,
    domain_id: &str,
    config: &DomainConfig,
) -> ApiResult<DomainConfig> {
    client
        .request(&UPDATE, &[domain_id])
        .body(config)
        .send()
        .await
}

/// Deletes a domain's configuration.
pub async fn delete(client: &ServiceClient, domain_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[domain_id]).send().await
}

/// Shows one group of a domain's configuration (as a configuration with that group).
pub async fn get_group(
    client: &ServiceClient,
    domain_id: &str,
    group: &str,
) -> ApiResult<DomainConfig> {
    client.request(&GET_GROUP, &[domain_id, group]).send().await
}

/// Updates options of one group, which must already be configured; answers with the whole
/// configuration.
pub async fn update_group(
    client: &ServiceClient,
    domain_id: &str,
    group: &str,
    options: &BTreeMap<String, Value>,
) -> ApiResult<DomainConfig> {
    let config = DomainConfig {
        groups: BTreeMap::from([(group.to_string(), options.clone())]),
    };
    client
        .request(&UPDATE_GROUP, &[domain_id, group])
        .body(&config)
        .send()
        .await
}

/// Deletes one group of a domain's configuration.
pub async fn delete_group(client: &ServiceClient, domain_id: &str, group: &str) -> ApiResult<()> {
    client
        .request(&DELETE_GROUP, &[domain_id, group])
        .send()
        .await
}

/// Shows one option of a domain's configuration.
pub async fn get_option(
    client: &ServiceClient,
    domain_id: &str,
    group: &str,
    option: &str,
) -> ApiResult<ConfigOption> {
    client
        .request(&GET_OPTION, &[domain_id, group, option])
        .send()
        .await
}

/// Sets one option, which must already be configured; answers with the whole
/// configuration. The body is `{"config": {"<option>": <value>}}`.
pub async fn update_option(
    client: &ServiceClient,
    domain_id: &str,
    group: &str,
    option: &str,
    value: Value,
) -> ApiResult<DomainConfig> {
    // Keystone reads the option from under `config` (the API reference's sample shows it
    // bare).
    client
        .request(&UPDATE_OPTION, &[domain_id, group, option])
        .json_in("config", &ConfigOption::new(option, value))
        .send()
        .await
}

/// Deletes one option of a domain's configuration.
pub async fn delete_option(
    client: &ServiceClient,
    domain_id: &str,
    group: &str,
    option: &str,
) -> ApiResult<()> {
    client
        .request(&DELETE_OPTION, &[domain_id, group, option])
        .send()
        .await
}

/// Shows the default configuration: Keystone's own values of the options a domain may
/// set.
pub async fn get_default(client: &ServiceClient) -> ApiResult<DomainConfig> {
    client.request(&GET_DEFAULT, &[]).send().await
}

/// Shows the default configuration of one group.
pub async fn get_group_default(client: &ServiceClient, group: &str) -> ApiResult<DomainConfig> {
    client.request(&GET_GROUP_DEFAULT, &[group]).send().await
}

/// Shows the default value of one option.
pub async fn get_option_default(
    client: &ServiceClient,
    group: &str,
    option: &str,
) -> ApiResult<ConfigOption> {
    client
        .request(&GET_OPTION_DEFAULT, &[group, option])
        .send()
        .await
}
