//! QoS policies: list (typed filters, sorting, tags, any attribute), show, create,
//! update (optionally only if unchanged since read), delete, find. A policy holds
//! rules (added with the rule kinds' modules, read here as [`PolicyRule`](crate::openstack::networking::v2::qos::policies::PolicyRule)s) and applies
//! to the networks and ports whose `qos_policy_id` names it; Neutron refuses to delete
//! a policy in use (409, `QosPolicyInUse`). Neutron creates policies one at a time (no
//! bulk creation).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::qos::policies::{self, CreateOpts, Rule, UpdateOpts};
//! let policy = policies::create(&network, &CreateOpts::new("10Mbit").shared(true)).await.extract()?;
//! let policy = policies::update_if_revision(&network, &policy.id, policy.revision_number,
//!     &UpdateOpts::default().description("limits ports to 10Mbit")).await.extract()?;
//! for rule in &policies::find(&network, "10Mbit").await?.rules {
//!     if let Rule::BandwidthLimit(limit) = &rule.rule {
//!         println!("{} kbps", limit.max_kbps);
//!     }
//! }
//! policies::delete(&network, &policy.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::bandwidth_limit_rules::BandwidthLimitRule;
use super::dscp_marking_rules::DscpMarkingRule;
use super::minimum_bandwidth_rules::MinimumBandwidthRule;
use super::minimum_packet_rate_rules::MinimumPacketRateRule;
use super::packet_rate_limit_rules::PacketRateLimitRule;
use super::rule_types::RuleType;
use crate::dates::Timestamp;
use crate::openstack::networking::v2::common::ListControls;
use crate::request::{Extensible, Validate};
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List QoS policies.
    LIST = GET "/qos/policies" list("policies", Policy);
    /// Show a QoS policy.
    GET = GET "/qos/policies/{policy_id}" response("policy", Policy);
    /// Create a QoS policy.
    CREATE = POST "/qos/policies" request("policy", CreateOpts) response("policy", Policy);
    /// Update a QoS policy.
    UPDATE = PUT "/qos/policies/{policy_id}" request("policy", UpdateOpts) response("policy", Policy);
    /// Delete a QoS policy.
    DELETE = DELETE "/qos/policies/{policy_id}";
}

/// A rule of a policy, of one of the kinds.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::policies::{PolicyRule, Rule};
/// let r: PolicyRule = serde_json::from_str(r#"{"id": "r1", "qos_policy_id": "p1",
///     "type": "dscp_marking", "dscp_mark": 26}"#).unwrap();
/// assert!(matches!(&r.rule, Rule::DscpMarking(d) if d.dscp_mark == 26 && d.id == "r1"));
/// assert_eq!(r.rule.rule_type().as_str(), "dscp_marking");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// A bandwidth limit rule.
    BandwidthLimit(BandwidthLimitRule),
    /// A DSCP marking rule.
    DscpMarking(DscpMarkingRule),
    /// A minimum bandwidth rule.
    MinimumBandwidth(MinimumBandwidthRule),
    /// A minimum packet rate rule.
    MinimumPacketRate(MinimumPacketRateRule),
    /// A packet rate limit rule.
    PacketRateLimit(PacketRateLimitRule),
    /// A kind this SDK does not know (newer Neutron releases add kinds).
    #[serde(other)]
    Other,
}

impl Rule {
    /// The rule's kind ([`RuleType::Other`] with an empty name for [`Rule::Other`]).
    pub fn rule_type(&self) -> RuleType {
        match self {
            Rule::BandwidthLimit(_) => RuleType::BandwidthLimit,
            Rule::DscpMarking(_) => RuleType::DscpMarking,
            Rule::MinimumBandwidth(_) => RuleType::MinimumBandwidth,
            Rule::MinimumPacketRate(_) => RuleType::MinimumPacketRate,
            Rule::PacketRateLimit(_) => RuleType::PacketRateLimit,
            Rule::Other => RuleType::Other(String::new()),
        }
    }
}

/// A rule as a policy lists it: the rule (its `type` picks the variant) and the
/// policy's ID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PolicyRule {
    /// The policy holding it.
    pub qos_policy_id: String,
    /// The rule.
    #[serde(flatten)]
    pub rule: Rule,
}

/// A QoS policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Policy {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// Shared with every project.
    pub shared: bool,
    /// The project's default policy, applied to its new networks and ports
    /// (`qos-default`).
    pub is_default: bool,
    /// Its rules (Neutron always sends them; the API reference's update answer leaves
    /// them out, read as empty).
    #[serde(default)]
    pub rules: Vec<PolicyRule>,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Its tags (empty when the `standard-attr-tag` extension is not loaded).
    #[serde(default)]
    pub tags: Vec<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
    /// Incremented on every change (adding or removing a rule too); see
    /// [`update_if_revision`].
    pub revision_number: u64,
}

impl crate::find::Named for Policy {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Options for creating a QoS policy.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::policies::CreateOpts;
/// let opts = CreateOpts::new("10Mbit").description("limits").shared(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "10Mbit", "description": "limits", "shared": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Share it with every project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// Make it the project's default policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A policy named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: Some(name.into()),
            ..Default::default()
        }
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Shares it with every project.
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = Some(shared);
        self
    }
    /// Makes it the project's default policy.
    pub fn is_default(mut self, is_default: bool) -> Self {
        self.is_default = Some(is_default);
        self
    }
    /// Creates it for another project.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input(
                "set project_id or tenant_id, not both",
            ));
        }
        Ok(())
    }
}

/// Changes to a QoS policy; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::policies::UpdateOpts;
/// let opts = UpdateOpts::default().name("renamed").is_default(true);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "renamed", "is_default": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Share it with every project, or stop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// Make it the project's default policy, or stop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
}

impl UpdateOpts {
    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Shares it with every project, or stops.
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = Some(shared);
        self
    }
    /// Makes it the project's default policy, or stops.
    pub fn is_default(mut self, is_default: bool) -> Self {
        self.is_default = Some(is_default);
        self
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {}

/// Filters for listing QoS policies; sorting, paging, tags and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::policies::ListOpts;
/// let opts = ListOpts { shared: Some(true), is_default: Some(false), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "shared=true&is_default=false");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By description (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Shared policies only, or unshared only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// Default policies only, or the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// Sorting, paging, fields, tags and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::common::resource_functions! {
    Policy, "QoS policy", "policies", extract_policies, without_bulk
}
