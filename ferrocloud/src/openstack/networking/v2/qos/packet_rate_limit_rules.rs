//! Packet rate limit rules: the most packets a port may send or receive, in thousands
//! of packets per second, with a burst allowance. List, show, create, update and
//! delete under a policy (Neutron has no alias paths for this kind).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, policy_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::qos::packet_rate_limit_rules::{self, CreateOpts};
//! let rule = packet_rate_limit_rules::create(&network, policy_id, &CreateOpts::new(10_000).max_burst_kpps(1000))
//!     .await.extract()?;
//! assert_eq!(rule.max_burst_kpps, 1000);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::{Direction, check_not_any, check_rate};
use crate::Result;
use crate::request::Validate;

crate::operations! {
    service: "network";
    /// List a policy's packet rate limit rules.
    LIST = GET "/qos/policies/{policy_id}/packet_rate_limit_rules"
        list("packet_rate_limit_rules", PacketRateLimitRule);
    /// Show a packet rate limit rule.
    GET = GET "/qos/policies/{policy_id}/packet_rate_limit_rules/{rule_id}"
        response("packet_rate_limit_rule", PacketRateLimitRule);
    /// Create a packet rate limit rule.
    CREATE = POST "/qos/policies/{policy_id}/packet_rate_limit_rules"
        request("packet_rate_limit_rule", CreateOpts)
        response("packet_rate_limit_rule", PacketRateLimitRule);
    /// Update a packet rate limit rule.
    UPDATE = PUT "/qos/policies/{policy_id}/packet_rate_limit_rules/{rule_id}"
        request("packet_rate_limit_rule", UpdateOpts)
        response("packet_rate_limit_rule", PacketRateLimitRule);
    /// Delete a packet rate limit rule.
    DELETE = DELETE "/qos/policies/{policy_id}/packet_rate_limit_rules/{rule_id}";
}

/// A packet rate limit rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PacketRateLimitRule {
    /// The ID.
    pub id: String,
    /// The limit, in kpps.
    pub max_kpps: u32,
    /// The burst allowance, in kilopackets (0: the driver's default).
    pub max_burst_kpps: u32,
    /// The traffic limited.
    pub direction: Direction,
}

/// Options for creating a packet rate limit rule.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::packet_rate_limit_rules::CreateOpts;
/// let opts = CreateOpts::new(10_000).max_burst_kpps(10_000);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"max_kpps": 10000, "max_burst_kpps": 10000}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The limit, in kpps.
    pub max_kpps: u32,
    /// The burst allowance, in kilopackets (0 by default, although the API reference
    /// calls it required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_burst_kpps: Option<u32>,
    /// `egress` (the default) or `ingress`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
}

impl CreateOpts {
    /// A limit of `max_kpps`.
    pub fn new(max_kpps: u32) -> Self {
        CreateOpts {
            max_kpps,
            max_burst_kpps: None,
            direction: None,
        }
    }
    /// Sets the burst allowance.
    pub fn max_burst_kpps(mut self, kp: u32) -> Self {
        self.max_burst_kpps = Some(kp);
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
        check_rate("max_kpps", Some(self.max_kpps))?;
        check_rate("max_burst_kpps", self.max_burst_kpps)?;
        check_not_any(self.direction)
    }
}

/// Changes to a packet rate limit rule; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::packet_rate_limit_rules::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::default().max_kpps(20000)).unwrap(),
///     serde_json::json!({"max_kpps": 20000}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new limit, in kpps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_kpps: Option<u32>,
    /// A new burst allowance, in kilopackets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_burst_kpps: Option<u32>,
    /// A new direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
}

impl UpdateOpts {
    /// Sets the limit.
    pub fn max_kpps(mut self, kpps: u32) -> Self {
        self.max_kpps = Some(kpps);
        self
    }
    /// Sets the burst allowance.
    pub fn max_burst_kpps(mut self, kp: u32) -> Self {
        self.max_burst_kpps = Some(kp);
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
        check_rate("max_kpps", self.max_kpps)?;
        check_rate("max_burst_kpps", self.max_burst_kpps)?;
        check_not_any(self.direction)
    }
}

crate::openstack::networking::v2::common::child_resource_functions! {
    PacketRateLimitRule, "packet rate limit rule", "packet_rate_limit_rules", "QoS policy", extract_packet_rate_limit_rules,
    crate::openstack::networking::v2::common::ListControls; list get create update delete
}
