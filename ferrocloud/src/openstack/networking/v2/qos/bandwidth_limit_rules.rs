//! Bandwidth limit rules: the most a port may send (egress) or receive (ingress), in
//! kilobits per second, with a burst allowance. List, show, create, update and delete
//! under a policy; show, update and delete by rule ID alone (`*_alias`).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, policy_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::qos::{bandwidth_limit_rules::{self, CreateOpts, UpdateOpts}, Direction};
//! let rule = bandwidth_limit_rules::create(&network, policy_id, &CreateOpts::new(10_000).max_burst_kbps(800))
//!     .await.extract()?;
//! assert_eq!(rule.direction, Direction::Egress);
//! bandwidth_limit_rules::update_alias(&network, &rule.id, &UpdateOpts::default().max_kbps(20_000))
//!     .await.extract()?;
//! bandwidth_limit_rules::delete(&network, policy_id, &rule.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::{Direction, check_not_any, check_rate};
use crate::Result;
use crate::request::Validate;

crate::operations! {
    service: "network";
    /// List a policy's bandwidth limit rules.
    LIST = GET "/qos/policies/{policy_id}/bandwidth_limit_rules"
        list("bandwidth_limit_rules", BandwidthLimitRule);
    /// Show a bandwidth limit rule.
    GET = GET "/qos/policies/{policy_id}/bandwidth_limit_rules/{rule_id}"
        response("bandwidth_limit_rule", BandwidthLimitRule);
    /// Create a bandwidth limit rule.
    CREATE = POST "/qos/policies/{policy_id}/bandwidth_limit_rules"
        request("bandwidth_limit_rule", CreateOpts)
        response("bandwidth_limit_rule", BandwidthLimitRule);
    /// Update a bandwidth limit rule.
    UPDATE = PUT "/qos/policies/{policy_id}/bandwidth_limit_rules/{rule_id}"
        request("bandwidth_limit_rule", UpdateOpts)
        response("bandwidth_limit_rule", BandwidthLimitRule);
    /// Delete a bandwidth limit rule.
    DELETE = DELETE "/qos/policies/{policy_id}/bandwidth_limit_rules/{rule_id}";
    /// Show a bandwidth limit rule by its ID alone.
    ALIAS_GET = GET "/qos/alias_bandwidth_limit_rules/{rule_id}"
        response("alias_bandwidth_limit_rule", BandwidthLimitRule);
    /// Update a bandwidth limit rule by its ID alone.
    ALIAS_UPDATE = PUT "/qos/alias_bandwidth_limit_rules/{rule_id}"
        request("alias_bandwidth_limit_rule", UpdateOpts)
        response("alias_bandwidth_limit_rule", BandwidthLimitRule);
    /// Delete a bandwidth limit rule by its ID alone.
    ALIAS_DELETE = DELETE "/qos/alias_bandwidth_limit_rules/{rule_id}";
}

/// A bandwidth limit rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BandwidthLimitRule {
    /// The ID.
    pub id: String,
    /// The limit, in kbps.
    pub max_kbps: u32,
    /// The burst allowance, in kilobits (0: the driver's default).
    pub max_burst_kbps: u32,
    /// The traffic limited (`egress` when absent: Neutron sends it since the
    /// `qos-bw-limit-direction` extension, and the API reference's policy samples
    /// leave it out).
    #[serde(default)]
    pub direction: Direction,
}

/// Options for creating a bandwidth limit rule.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::{bandwidth_limit_rules::CreateOpts, Direction};
/// let opts = CreateOpts::new(10_000).direction(Direction::Ingress);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"max_kbps": 10000, "direction": "ingress"}));
/// use ferrocloud::request::Validate;
/// assert!(CreateOpts::new(10).direction(Direction::Any).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The limit, in kbps.
    pub max_kbps: u32,
    /// The burst allowance, in kilobits (0 by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_burst_kbps: Option<u32>,
    /// `egress` (the default) or `ingress`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
}

impl CreateOpts {
    /// A limit of `max_kbps`.
    pub fn new(max_kbps: u32) -> Self {
        CreateOpts {
            max_kbps,
            max_burst_kbps: None,
            direction: None,
        }
    }
    /// Sets the burst allowance.
    pub fn max_burst_kbps(mut self, kb: u32) -> Self {
        self.max_burst_kbps = Some(kb);
        self
    }
    /// Sets the direction.
    pub fn direction(mut self, direction: Direction) -> Self {
        self.direction = Some(direction);
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        check_rate("max_kbps", Some(self.max_kbps))?;
        check_rate("max_burst_kbps", self.max_burst_kbps)?;
        check_not_any(self.direction)
    }
}

/// Changes to a bandwidth limit rule; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::bandwidth_limit_rules::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::default().max_kbps(2000)).unwrap(),
///     serde_json::json!({"max_kbps": 2000}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new limit, in kbps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_kbps: Option<u32>,
    /// A new burst allowance, in kilobits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_burst_kbps: Option<u32>,
    /// A new direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
}

impl UpdateOpts {
    /// Sets the limit.
    pub fn max_kbps(mut self, kbps: u32) -> Self {
        self.max_kbps = Some(kbps);
        self
    }
    /// Sets the burst allowance.
    pub fn max_burst_kbps(mut self, kb: u32) -> Self {
        self.max_burst_kbps = Some(kb);
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
        check_rate("max_kbps", self.max_kbps)?;
        check_rate("max_burst_kbps", self.max_burst_kbps)?;
        check_not_any(self.direction)
    }
}

crate::openstack::networking::v2::common::child_resource_functions! {
    BandwidthLimitRule, "bandwidth limit rule", "bandwidth_limit_rules", "QoS policy", extract_bandwidth_limit_rules,
    crate::openstack::networking::v2::common::ListControls; list get create update delete
}

super::alias_functions!(BandwidthLimitRule, "bandwidth limit rule");
