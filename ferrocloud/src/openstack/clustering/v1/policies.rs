//! Policies: rules Senlin applies to the clusters they are attached to (scaling,
//! deletion, placement, health, load balancing…) — a spec of a policy type, kept as the
//! JSON given. A policy's spec cannot change; its name can.
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::clustering::v1::policies::{self, CreateOpts};
//! let spec = serde_json::json!({
//!     "type": "senlin.policy.scaling", "version": "1.0",
//!     "properties": {"event": "CLUSTER_SCALE_IN", "adjustment": {"type": "CHANGE_IN_CAPACITY", "number": 1}}
//! });
//! let p = policies::create(&senlin, &CreateOpts::new("sp001", spec)).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{Record, Object, Paging, ValidateOpts, senlin_functions};
use crate::request::Validate;
use crate::Result;

crate::operations! {
    service: "clustering";
    /// List policies.
    LIST = GET "/policies" list("policies", Policy);
    /// Create a policy.
    CREATE = POST "/policies" request("policy", CreateOpts) response("policy", Policy);
    /// Show a policy.
    GET = GET "/policies/{policy_id}" response("policy", Policy);
    /// Rename a policy.
    UPDATE = PATCH "/policies/{policy_id}" request("policy", UpdateOpts) response("policy", Policy);
    /// Delete a policy (`204`).
    DELETE = DELETE "/policies/{policy_id}";
    /// Validate a policy spec (1.2).
    VALIDATE = POST "/policies/validate" since("1.2") request("policy", ValidateOpts)
        response("policy", Policy);
}

/// A policy.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Policy {
    /// The ID (empty in a validation's answer, where Senlin sends `null`).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub id: String,
    /// The name.
    pub name: String,
    /// The type and version (`senlin.policy.scaling-1.0`).
    #[serde(rename = "type")]
    pub policy_type: String,
    /// The spec, as given.
    pub spec: Value,
    /// What the policy keeps.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub data: Object,
    /// Ownership and dates.
    #[serde(flatten)]
    pub record: Record,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::policies::CreateOpts;
/// let o = CreateOpts::new("sp001", serde_json::json!({"type": "senlin.policy.scaling", "version": "1.0", "properties": {}}));
/// assert_eq!(serde_json::to_value(&o).unwrap()["spec"]["version"], "1.0");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// The spec: `type`, `version` and `properties`.
    pub spec: Value,
}

impl CreateOpts {
    /// A policy of this spec.
    ///
    /// ```
    /// use ferrocloud::openstack::clustering::v1::policies::CreateOpts;
    /// assert_eq!(CreateOpts::new("p", serde_json::json!({})).name, "p");
    /// ```
    pub fn new(name: impl Into<String>, spec: Value) -> Self {
        CreateOpts {
            name: name.into(),
            spec,
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.trim().is_empty())?;
        crate::request::require("spec", self.spec.is_object())
    }
}

/// What [`update`] changes: the name.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::policies::UpdateOpts;
/// let o = UpdateOpts { name: "new_name".into() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"name": "new_name"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new name.
    pub name: String,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.trim().is_empty())
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::policies::ListOpts;
/// let o = ListOpts { name: Some("sp001".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "name=sp001");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Policies of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Policies of this type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub policy_type: Option<String>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

senlin_functions! {
    Policy, "policy", extract_policies;
    list get create update delete validate
}
