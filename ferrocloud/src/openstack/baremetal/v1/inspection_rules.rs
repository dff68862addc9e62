//! Inspection rules (1.96): conditions on inspection data and the actions taken when
//! they hold (set a node's driver, its credentials…). A `sensitive` rule may carry
//! secrets (BMC passwords in its actions): Ironic hides its conditions and actions in
//! answers, and `Debug` of [`CreateOpts`](crate::openstack::baremetal::v1::inspection_rules::CreateOpts) hides the arguments.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::inspection_rules::{self, CreateOpts, RuleAction};
//! let action = RuleAction::new("set-attribute").arg("path", "/driver").arg("value", "redfish");
//! let rule = inspection_rules::create(&ironic, &CreateOpts::new(vec![action])).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{Links, Object, Versioned};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "baremetal";
    /// Create an inspection rule.
    CREATE = POST "/inspection_rules" since("1.96") request(CreateOpts) response(InspectionRule);
    /// List inspection rules.
    LIST = GET "/inspection_rules" since("1.96") list("inspection_rules", InspectionRule);
    /// Show an inspection rule.
    GET = GET "/inspection_rules/{rule_id}" since("1.96") response(InspectionRule);
    /// Update an inspection rule.
    UPDATE = PATCH "/inspection_rules/{rule_id}" since("1.96") request(super::common::Patch) response(InspectionRule);
    /// Delete an inspection rule.
    DELETE = DELETE "/inspection_rules/{rule_id}" since("1.96");
    /// Delete every inspection rule that is not built in.
    DELETE_ALL = DELETE "/inspection_rules" since("1.96");
}

/// A condition or an action of a rule: an operator (`contains`, `is-true`,
/// `set-attribute`…) and its arguments.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RuleAction {
    /// The operator (`!` before it negates a condition).
    pub op: String,
    /// Its arguments.
    #[serde(default)]
    pub args: Object,
    /// Apply it to each item of this list (`{inventory[interfaces]}`).
    #[serde(default, rename = "loop", skip_serializing_if = "Option::is_none")]
    pub loop_over: Option<Value>,
    /// For a condition over a loop: `any`, `all`, `first` or `last`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multiple: Option<String>,
}

impl std::fmt::Debug for RuleAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleAction")
            .field("op", &self.op)
            .field("args", &self.args.keys().collect::<Vec<_>>())
            .field("loop", &self.loop_over.as_ref().map(|_| "…"))
            .field("multiple", &self.multiple)
            .finish()
    }
}

impl RuleAction {
    /// Operator `op` without arguments.
    pub fn new(op: impl Into<String>) -> Self {
        RuleAction {
            op: op.into(),
            ..Default::default()
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.args.insert(name.into(), value.into());
        self
    }
}

/// An inspection rule. The plain listing gives no conditions or actions (`None`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct InspectionRule {
    /// The UUID.
    pub uuid: String,
    /// The description.
    #[serde(default)]
    pub description: Option<String>,
    /// When it runs (`main`).
    #[serde(default)]
    pub phase: Option<String>,
    /// Its rank (higher first).
    #[serde(default)]
    pub priority: Option<i64>,
    /// Whether it holds secrets (hidden in answers).
    #[serde(default)]
    pub sensitive: Option<bool>,
    /// Its conditions.
    #[serde(default)]
    pub conditions: Option<Vec<RuleAction>>,
    /// Its actions.
    #[serde(default)]
    pub actions: Option<Vec<RuleAction>>,
    /// Whether it is built in (from the configuration).
    #[serde(default)]
    pub built_in: Option<bool>,
    /// When it was created.
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub created_at: Option<Timestamp>,
    /// When it last changed.
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its links.
    pub links: Links,
}

/// What [`list`] filters on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// The details (conditions and actions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<bool>,
    /// Rules of this phase.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
}

impl Versioned for ListOpts {}

/// What [`create`] sends. `Debug` shows the arguments' names only.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The actions.
    pub actions: Vec<RuleAction>,
    /// The conditions (none: always). Always sent, `[]` when empty: Ironic 2026.1
    /// fails (`500`) on a rule without the field.
    #[serde(default)]
    pub conditions: Vec<RuleAction>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// Its rank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<i64>,
    /// Whether it holds secrets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitive: Option<bool>,
    /// A UUID of one's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
}

impl CreateOpts {
    /// A rule with `actions` and no condition.
    pub fn new(actions: Vec<RuleAction>) -> Self {
        CreateOpts {
            actions,
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("actions", !self.actions.is_empty())
    }
}

impl Versioned for CreateOpts {}

super::common::resource_functions!(InspectionRule, InspectionRule, "inspection rule"; list get create update delete);

/// Deletes every inspection rule that is not built in (1.96; `204`).
pub async fn delete_all(client: &ServiceClient) -> ApiResult<()> {
    client.request(&DELETE_ALL, &[]).send().await
}

