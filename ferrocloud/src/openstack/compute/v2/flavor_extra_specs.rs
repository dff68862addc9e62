//! Flavor extra specs: key/value pairs that tell the scheduler and the hypervisor more
//! about a flavor (`hw:cpu_policy`, `aggregate_instance_extra_specs:…`). Changing them
//! is for administrators.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::flavor_extra_specs::{self, ExtraSpecs};
//! let specs = ExtraSpecs::from_iter([("hw:cpu_policy", "shared"), ("hw:numa_nodes", "1")]);
//! flavor_extra_specs::create(&compute, "10", &specs).await.extract()?;
//! flavor_extra_specs::update(&compute, "10", "hw:numa_nodes", "2").await.extract()?;
//! let all = flavor_extra_specs::list(&compute, "10").await.extract()?;
//! assert_eq!(all.value("hw:numa_nodes"), Some("2"));
//! flavor_extra_specs::delete(&compute, "10", "hw:numa_nodes").await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List a flavor's extra specs.
    LIST = GET "/flavors/{flavor_id}/os-extra_specs" response("extra_specs", ExtraSpecs);
    /// Create or replace extra specs of a flavor (admin).
    CREATE = POST "/flavors/{flavor_id}/os-extra_specs" request("extra_specs", ExtraSpecs) response("extra_specs", ExtraSpecs);
    /// Show one extra spec of a flavor.
    GET = GET "/flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}" response(ExtraSpecs);
    /// Update one extra spec of a flavor (admin).
    UPDATE = PUT "/flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}" request(ExtraSpecs) response(ExtraSpecs);
    /// Delete one extra spec of a flavor (admin).
    DELETE = DELETE "/flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}";
}

/// Extra specs: keys and their values, as text.
///
/// ```
/// use ferrocloud::openstack::compute::v2::flavor_extra_specs::ExtraSpecs;
/// let specs: ExtraSpecs = [("hw:numa_nodes", "1")].into_iter().collect();
/// assert_eq!(serde_json::to_string(&specs).unwrap(), r#"{"hw:numa_nodes":"1"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ExtraSpecs(pub BTreeMap<String, String>);

impl ExtraSpecs {
    /// The value of `key`, if set.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for ExtraSpecs {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        ExtraSpecs(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

impl Validate for ExtraSpecs {
    fn validate(&self) -> Result<()> {
        if self.0.is_empty() {
            return Err(Error::invalid_input("extra_specs must not be empty"));
        }
        for (k, v) in &self.0 {
            if k.is_empty() || k.len() > 255 {
                return Err(Error::invalid_input(format!(
                    "extra_specs: key {k:?} must be 1 to 255 characters"
                )));
            }
            if v.len() > 255 {
                return Err(Error::invalid_input(format!(
                    "extra_specs: the value of {k:?} must be at most 255 characters"
                )));
            }
        }
        Ok(())
    }
}

/// Lists a flavor's extra specs.
pub async fn list(client: &ServiceClient, flavor_id: &str) -> ApiResult<ExtraSpecs> {
    client.request(&LIST, &[flavor_id]).send().await
}

/// Creates extra specs (replacing the values of keys already set); returns the specs
/// sent.
pub async fn create(
    client: &ServiceClient,
    flavor_id: &str,
    specs: &ExtraSpecs,
) -> ApiResult<ExtraSpecs> {
    client
        .request(&CREATE, &[flavor_id])
        .body(specs)
        .send()
        .await
}

/// Shows one extra spec: a map with the one key.
pub async fn get(client: &ServiceClient, flavor_id: &str, key: &str) -> ApiResult<ExtraSpecs> {
    client.request(&GET, &[flavor_id, key]).send().await
}

/// Sets one extra spec to `value`.
pub async fn update(
    client: &ServiceClient,
    flavor_id: &str,
    key: &str,
    value: &str,
) -> ApiResult<ExtraSpecs> {
    let body = ExtraSpecs::from_iter([(key, value)]);
    client
        .request(&UPDATE, &[flavor_id, key])
        .body(&body)
        .send()
        .await
}

/// Deletes one extra spec.
pub async fn delete(client: &ServiceClient, flavor_id: &str, key: &str) -> ApiResult<()> {
    client.request(&DELETE, &[flavor_id, key]).send().await
}
