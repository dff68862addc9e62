//! Minimum bandwidth rules: the bandwidth a port is guaranteed, in kilobits per second
//! (scheduling through Placement). List, show, create, update and delete under a
//! policy; show, update and delete by rule ID alone (`*_alias`).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, policy_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::qos::minimum_bandwidth_rules::{self, CreateOpts};
//! let rule = minimum_bandwidth_rules::create(&network, policy_id, &CreateOpts::new(1000)).await.extract()?;
//! assert_eq!(minimum_bandwidth_rules::get_alias(&network, &rule.id).await.extract()?.min_kbps, 1000);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::{Direction, check_not_any, check_rate};
use crate::Result;
use crate::request::Validate;

crate::operations! {
    service: "network";
    /// List a policy's minimum bandwidth rules.
    LIST = GET "/qos/policies/{policy_id}/minimum_bandwidth_rules"
        list("minimum_bandwidth_rules", MinimumBandwidthRule);
    /// Show a minimum bandwidth rule.
    GET = GET "/qos/policies/{policy_id}/minimum_bandwidth_rules/{rule_id}"
        response("minimum_bandwidth_rule", MinimumBandwidthRule);
    /// Create a minimum bandwidth rule.
    CREATE = POST "/qos/policies/{policy_id}/minimum_bandwidth_rules"
        request("minimum_bandwidth_rule", CreateOpts)
        response("minimum_bandwidth_rule", MinimumBandwidthRule);
    /// Update a minimum bandwidth rule.
    UPDATE = PUT "/qos/policies/{policy_id}/minimum_bandwidth_rules/{rule_id}"
        request("minimum_bandwidth_rule", UpdateOpts)
        response("minimum_bandwidth_rule", MinimumBandwidthRule);
    /// Delete a minimum bandwidth rule.
    DELETE = DELETE "/qos/policies/{policy_id}/minimum_bandwidth_rules/{rule_id}";
    /// Show a minimum bandwidth rule by its ID alone.
    ALIAS_GET = GET "/qos/alias_minimum_bandwidth_rules/{rule_id}"
        response("alias_minimum_bandwidth_rule", MinimumBandwidthRule);
    /// Update a minimum bandwidth rule by its ID alone.
    ALIAS_UPDATE = PUT "/qos/alias_minimum_bandwidth_rules/{rule_id}"
        request("alias_minimum_bandwidth_rule", UpdateOpts)
        response("alias_minimum_bandwidth_rule", MinimumBandwidthRule);
    /// Delete a minimum bandwidth rule by its ID alone.
    ALIAS_DELETE = DELETE "/qos/alias_minimum_bandwidth_rules/{rule_id}";
}

/// A minimum bandwidth rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MinimumBandwidthRule {
    /// The ID.
    pub id: String,
    /// The guaranteed bandwidth, in kbps.
    pub min_kbps: u32,
    /// The traffic guaranteed.
    pub direction: Direction,
}

/// Options for creating a minimum bandwidth rule.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::{minimum_bandwidth_rules::CreateOpts, Direction};
/// let opts = CreateOpts::new(1000).direction(Direction::Egress);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"min_kbps": 1000, "direction": "egress"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The guaranteed bandwidth, in kbps.
    pub min_kbps: u32,
    /// `egress` (the default) or `ingress`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
}

impl CreateOpts {
    /// A guarantee of `min_kbps`.
    pub fn new(min_kbps: u32) -> Self {
        CreateOpts {
            min_kbps,
            direction: None,
        }
    }
    /// Sets the direction.
    pub fn direction(mut self, direction: Direction) -> Self {
        self.direction = Some(direction);
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        check_rate("min_kbps", Some(self.min_kbps))?;
        check_not_any(self.direction)
    }
}

/// Changes to a minimum bandwidth rule; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::minimum_bandwidth_rules::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::default().min_kbps(20000)).unwrap(),
///     serde_json::json!({"min_kbps": 20000}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new guaranteed bandwidth, in kbps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_kbps: Option<u32>,
    /// A new direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
}

impl UpdateOpts {
    /// Sets the guaranteed bandwidth.
    pub fn min_kbps(mut self, kbps: u32) -> Self {
        self.min_kbps = Some(kbps);
        self
    }
    /// Sets the direction.
    pub fn direction(mut self, direction: Direction) -> Self {
        self.direction = Some(direction);
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        check_rate("min_kbps", self.min_kbps)?;
        check_not_any(self.direction)
    }
}

crate::openstack::networking::v2::common::child_resource_functions! {
    MinimumBandwidthRule, "minimum bandwidth rule", "minimum_bandwidth_rules", "QoS policy", extract_minimum_bandwidth_rules,
    crate::openstack::networking::v2::common::ListControls; list get create update delete
}

super::alias_functions!(MinimumBandwidthRule, "minimum bandwidth rule");
