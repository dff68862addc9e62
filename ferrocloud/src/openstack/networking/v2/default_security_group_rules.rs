//! Default security group rules (`security-groups-default-rules`, admin): the templates
//! of the rules Neutron gives each new security group, the projects' `default` groups,
//! the other groups, or both. List (typed filters), show, create, delete; a template
//! has no update. Changing the templates changes the groups created afterwards only.
//!
//! What a template matches is a
//! [`RuleSpec`](crate::openstack::networking::v2::security_group_rules::RuleSpec), as for the rules of
//! [`security_group_rules`].
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::default_security_group_rules::{self, CreateOpts};
//! use ferrocloud::openstack::networking::v2::security_group_rules::{Protocol, RuleSpec};
//! // Every group created from now on lets SSH in (but the projects' default groups).
//! let ssh = RuleSpec::ingress().protocol(Protocol::Tcp).ports(22, 22);
//! let opts = CreateOpts::other_groups(ssh);
//! let template = default_security_group_rules::create(&network, &opts).await.extract()?;
//! default_security_group_rules::delete(&network, &template.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use super::security_group_rules::{Direction, Ethertype, Protocol, RuleSpec};
use crate::request::{Extensible, Validate};
use crate::Result;

crate::operations! {
    service: "network";
    /// List the default security group rules.
    LIST = GET "/default-security-group-rules"
        list("default_security_group_rules", DefaultSecurityGroupRule);
    /// Show a default security group rule.
    GET = GET "/default-security-group-rules/{default_security_group_rule_id}"
        response("default_security_group_rule", DefaultSecurityGroupRule);
    /// Create a default security group rule.
    CREATE = POST "/default-security-group-rules"
        request("default_security_group_rule", CreateOpts)
        response("default_security_group_rule", DefaultSecurityGroupRule);
    /// Delete a default security group rule.
    DELETE = DELETE "/default-security-group-rules/{default_security_group_rule_id}";
}

/// In a template, the `remote_group_id` that stands for the group the rule lands in.
pub const PARENT: &str = "PARENT";

/// The template of a rule new security groups get.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DefaultSecurityGroupRule {
    /// The ID.
    pub id: String,
    /// Incoming or outgoing traffic.
    pub direction: Direction,
    /// IPv4 or IPv6.
    pub ethertype: Ethertype,
    /// The protocol (`None`: any).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub protocol: Option<Protocol>,
    /// The first port, or the ICMP type (`None`: any).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub port_range_min: Option<u16>,
    /// The last port, or the ICMP code (`None`: any).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub port_range_max: Option<u16>,
    /// The remote addresses the rules match.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub remote_ip_prefix: Option<String>,
    /// The remote group the rules match: [`PARENT`] for the group each rule lands in.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub remote_group_id: Option<String>,
    /// The remote address group the rules match.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub remote_address_group_id: Option<String>,
    /// Its description (may be empty).
    pub description: String,
    /// The projects' `default` groups get the rule.
    pub used_in_default_sg: bool,
    /// The other groups get the rule.
    pub used_in_non_default_sg: bool,
}

/// Options for creating a default rule: what it matches, and which new groups get it.
/// Neutron (28.0) requires both flags, which the API reference calls optional.
///
/// ```
/// use ferrocloud::openstack::networking::v2::default_security_group_rules::CreateOpts;
/// use ferrocloud::openstack::networking::v2::security_group_rules::{Ethertype, Protocol, RuleSpec};
/// let http = RuleSpec::ingress().ethertype(Ethertype::Ipv4).protocol(Protocol::Tcp).ports(80, 80);
/// let opts = CreateOpts::other_groups(http);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "direction": "ingress", "ethertype": "IPv4", "protocol": "tcp",
///     "port_range_min": 80, "port_range_max": 80,
///     "used_in_default_sg": false, "used_in_non_default_sg": true}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// What the rule matches (`remote_group_id` may be [`PARENT`]).
    #[serde(flatten)]
    pub rule: RuleSpec,
    /// The projects' `default` groups get it.
    pub used_in_default_sg: bool,
    /// The other groups get it.
    pub used_in_non_default_sg: bool,
}

impl CreateOpts {
    /// A template of `rule` for every new group.
    pub fn everywhere(rule: RuleSpec) -> Self {
        Self::new(rule, true, true)
    }
    /// A template of `rule` for the projects' `default` groups only.
    pub fn default_groups(rule: RuleSpec) -> Self {
        Self::new(rule, true, false)
    }
    /// A template of `rule` for the groups other than the projects' `default` ones.
    pub fn other_groups(rule: RuleSpec) -> Self {
        Self::new(rule, false, true)
    }
    /// A template of `rule`, for the default groups or not, for the others or not.
    pub fn new(rule: RuleSpec, used_in_default_sg: bool, used_in_non_default_sg: bool) -> Self {
        CreateOpts {
            rule,
            used_in_default_sg,
            used_in_non_default_sg,
        }
    }
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        self.rule.validate()
    }
}

/// Filters for listing default rules; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::default_security_group_rules::ListOpts;
/// use ferrocloud::openstack::networking::v2::security_group_rules::Direction;
/// let opts = ListOpts { direction: Some(Direction::Egress), used_in_default_sg: Some(true), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "direction=egress&used_in_default_sg=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By direction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// By IP version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ethertype: Option<Ethertype>,
    /// By protocol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    /// By first port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_range_min: Option<u16>,
    /// By last port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_range_max: Option<u16>,
    /// By remote prefix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_ip_prefix: Option<String>,
    /// By remote group ([`PARENT`] included).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_group_id: Option<String>,
    /// By remote address group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_address_group_id: Option<String>,
    /// By description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Templates of the default groups only, or the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub used_in_default_sg: Option<bool>,
    /// Templates of the other groups only, or the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub used_in_non_default_sg: Option<bool>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    DefaultSecurityGroupRule, "default security group rule", "default_security_group_rules",
    extract_default_security_group_rules;
    list get create delete
}
