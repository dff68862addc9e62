//! Minimum packet rate rules: the packet rate a port is guaranteed, in thousands of
//! packets per second, in one direction or both (`any`). List, show, create, update
//! and delete under a policy; show, update and delete by rule ID alone (`*_alias`).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, policy_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::qos::{minimum_packet_rate_rules::{self, CreateOpts}, Direction};
//! let opts = CreateOpts::new(1000).direction(Direction::Any);
//! let rule = minimum_packet_rate_rules::create(&network, policy_id, &opts).await.extract()?;
//! assert_eq!(rule.direction, Direction::Any);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::{Direction, check_rate};
use crate::Result;
use crate::request::Validate;

crate::operations! {
    service: "network";
    /// List a policy's minimum packet rate rules.
    LIST = GET "/qos/policies/{policy_id}/minimum_packet_rate_rules"
        list("minimum_packet_rate_rules", MinimumPacketRateRule);
    /// Show a minimum packet rate rule.
    GET = GET "/qos/policies/{policy_id}/minimum_packet_rate_rules/{rule_id}"
        response("minimum_packet_rate_rule", MinimumPacketRateRule);
    /// Create a minimum packet rate rule.
    CREATE = POST "/qos/policies/{policy_id}/minimum_packet_rate_rules"
        request("minimum_packet_rate_rule", CreateOpts)
        response("minimum_packet_rate_rule", MinimumPacketRateRule);
    /// Update a minimum packet rate rule.
    UPDATE = PUT "/qos/policies/{policy_id}/minimum_packet_rate_rules/{rule_id}"
        request("minimum_packet_rate_rule", UpdateOpts)
        response("minimum_packet_rate_rule", MinimumPacketRateRule);
    /// Delete a minimum packet rate rule.
    DELETE = DELETE "/qos/policies/{policy_id}/minimum_packet_rate_rules/{rule_id}";
    /// Show a minimum packet rate rule by its ID alone.
    ALIAS_GET = GET "/qos/alias_minimum_packet_rate_rules/{rule_id}"
        response("alias_minimum_packet_rate_rule", MinimumPacketRateRule);
    /// Update a minimum packet rate rule by its ID alone.
    ALIAS_UPDATE = PUT "/qos/alias_minimum_packet_rate_rules/{rule_id}"
        request("alias_minimum_packet_rate_rule", UpdateOpts)
        response("alias_minimum_packet_rate_rule", MinimumPacketRateRule);
    /// Delete a minimum packet rate rule by its ID alone.
    ALIAS_DELETE = DELETE "/qos/alias_minimum_packet_rate_rules/{rule_id}";
}

/// A minimum packet rate rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MinimumPacketRateRule {
    /// The ID.
    pub id: String,
    /// The guaranteed rate, in kpps.
    pub min_kpps: u32,
    /// The traffic guaranteed (`any`: the sum of both directions).
    pub direction: Direction,
}

/// Options for creating a minimum packet rate rule.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::{minimum_packet_rate_rules::CreateOpts, Direction};
/// let opts = CreateOpts::new(1000).direction(Direction::Any);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"min_kpps": 1000, "direction": "any"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The guaranteed rate, in kpps.
    pub min_kpps: u32,
    /// `egress` (Neutron's default, although the API reference calls it required),
    /// `ingress` or `any`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
}

impl CreateOpts {
    /// A guarantee of `min_kpps`.
    pub fn new(min_kpps: u32) -> Self {
        CreateOpts {
            min_kpps,
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
        check_rate("min_kpps", Some(self.min_kpps))
    }
}

/// Changes to a minimum packet rate rule; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::{minimum_packet_rate_rules::UpdateOpts, Direction};
/// let opts = UpdateOpts::default().min_kpps(2000).direction(Direction::Any);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"min_kpps": 2000, "direction": "any"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new guaranteed rate, in kpps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_kpps: Option<u32>,
    /// A new direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
}

impl UpdateOpts {
    /// Sets the guaranteed rate.
    pub fn min_kpps(mut self, kpps: u32) -> Self {
        self.min_kpps = Some(kpps);
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
        check_rate("min_kpps", self.min_kpps)
    }
}

crate::openstack::networking::v2::common::child_resource_functions! {
    MinimumPacketRateRule, "minimum packet rate rule", "minimum_packet_rate_rules", "QoS policy", extract_minimum_packet_rate_rules,
    crate::openstack::networking::v2::common::ListControls; list get create update delete
}

super::alias_functions!(MinimumPacketRateRule, "minimum packet rate rule");
