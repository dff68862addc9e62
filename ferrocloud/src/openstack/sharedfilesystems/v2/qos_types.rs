//! QoS types (2.94): named sets of quality-of-service specs (such as `peak_iops`) that
//! share types refer to with the `qos_type` extra spec, and their specs.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::qos_types::{self, CreateOpts};
//! let manila = manila.with_microversion("2.94");
//! let mut opts = CreateOpts::new("gold");
//! opts.specs.insert("peak_iops".into(), "5000".into());
//! let t = qos_types::create(&manila, &opts).await.extract()?;
//! qos_types::delete(&manila, &t.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{self, ListControls};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "shared-file-system";
    /// List QoS types.
    LIST = GET "/qos-types" since("2.94") list("qos_types", QosType);
    /// Show a QoS type.
    GET = GET "/qos-types/{qos_type_id}" since("2.94") response("qos_type", QosType);
    /// Create a QoS type.
    CREATE = POST "/qos-types" since("2.94") request("qos_type", CreateOpts) response("qos_type", QosType);
    /// Update a QoS type.
    UPDATE = PUT "/qos-types/{qos_type_id}" since("2.94") request("qos_type", UpdateOpts) response("qos_type", QosType);
    /// Delete a QoS type.
    DELETE = DELETE "/qos-types/{qos_type_id}" since("2.94");
    /// List a QoS type's specs.
    LIST_SPECS = GET "/qos-types/{qos_type_id}/specs" since("2.94") response("specs", Specs);
    /// Set specs of a QoS type.
    SET_SPECS = POST "/qos-types/{qos_type_id}/specs" since("2.94") request("specs", Specs) response("specs", Specs);
    /// Unset a spec.
    DELETE_SPEC = DELETE "/qos-types/{qos_type_id}/specs/{spec_key}" since("2.94");
}

common::resource_functions! {
    QosType, QosType, "QoS type", "qos_types_links", false;
    list get create update delete
}

/// The specs of a QoS type. Manila takes text (1 to 255 characters) or booleans as
/// values, and refuses numbers (400 `Invalid spec`), although its reference writes
/// some; the SDK checks before sending.
pub type Specs = BTreeMap<String, serde_json::Value>;

/// Refuses what Manila refuses in specs: an empty or long key, a value that is not
/// text of 1 to 255 characters or a boolean.
fn check_specs(specs: &Specs) -> Result<()> {
    let text = |s: &str| (1..256).contains(&s.len());
    for (k, v) in specs {
        let ok = text(k)
            && match v {
                serde_json::Value::String(s) => text(s),
                serde_json::Value::Bool(_) => true,
                _ => false,
            };
        if !ok {
            return Err(Error::invalid_input(format!(
                "QoS spec {k:?}: Manila takes text of 1 to 255 characters or a boolean, not {v}"
            )));
        }
    }
    Ok(())
}

/// A QoS type.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct QosType {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The specs.
    pub specs: Specs,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

/// Filters of [`list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// With this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Paging, sorting and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The specs.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub specs: Specs,
}

impl CreateOpts {
    /// A QoS type named `name` with no specs yet.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..CreateOpts::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.is_empty())?;
        check_specs(&self.specs)
    }
}

/// What [`update`] takes: Manila changes the description only.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateOpts {}

/// Specs to set, checked before sending.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
struct SpecsBody<'a>(&'a Specs);

impl Validate for SpecsBody<'_> {
    fn validate(&self) -> Result<()> {
        check_specs(self.0)
    }
}

/// Lists a QoS type's specs.
pub async fn list_specs(client: &ServiceClient, id: &str) -> ApiResult<Specs> {
    client.request(&LIST_SPECS, &[id]).send().await
}

/// Sets specs of a QoS type (admin); the answer holds the specs sent.
pub async fn set_specs(client: &ServiceClient, id: &str, specs: &Specs) -> ApiResult<Specs> {
    client.request(&SET_SPECS, &[id]).body(&SpecsBody(specs)).send().await
}

/// Unsets a spec of a QoS type (admin).
pub async fn delete_spec(client: &ServiceClient, id: &str, key: &str) -> ApiResult<()> {
    client.request(&DELETE_SPEC, &[id, key]).send().await
}
