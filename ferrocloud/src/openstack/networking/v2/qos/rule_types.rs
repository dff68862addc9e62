//! QoS rule types: the kinds of rule the loaded QoS drivers support (or every kind
//! Neutron knows, with `all_rules`), and for one kind, each driver's accepted
//! parameters.
//!
//! Neutron answers the show operation inside a `rule_type` object (the API
//! reference's samples show the object alone), and a rule type name it does not know
//! with a server error (500) rather than 404.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::qos::rule_types::{self, ListOpts, RuleType};
//! let known = rule_types::list(&network, &ListOpts { all_rules: Some(true), ..ListOpts::default() })
//!     .all().await?;
//! let details = rule_types::get(&network, &RuleType::BandwidthLimit).await.extract()?;
//! for driver in details.drivers {
//!     println!("{}: {} parameters", driver.name, driver.supported_parameters.len());
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "network";
    /// List QoS rule types.
    LIST = GET "/qos/rule-types" list("rule_types", ListedRuleType);
    /// Show a QoS rule type's drivers and parameters.
    GET = GET "/qos/rule-types/{rule_type}" response("rule_type", RuleTypeDetails);
}

/// A kind of QoS rule. Kinds a newer Neutron adds are kept as [`RuleType::Other`].
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::rule_types::RuleType;
/// let t: RuleType = serde_json::from_str(r#""dscp_marking""#).unwrap();
/// assert_eq!(t, RuleType::DscpMarking);
/// let t: RuleType = serde_json::from_str(r#""future_kind""#).unwrap();
/// assert_eq!(t.as_str(), "future_kind");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum RuleType {
    /// `bandwidth_limit`.
    BandwidthLimit,
    /// `dscp_marking`.
    DscpMarking,
    /// `minimum_bandwidth`.
    MinimumBandwidth,
    /// `minimum_packet_rate`.
    MinimumPacketRate,
    /// `packet_rate_limit`.
    PacketRateLimit,
    /// Another kind.
    Other(String),
}

impl RuleType {
    /// The name Neutron uses.
    pub fn as_str(&self) -> &str {
        match self {
            RuleType::BandwidthLimit => "bandwidth_limit",
            RuleType::DscpMarking => "dscp_marking",
            RuleType::MinimumBandwidth => "minimum_bandwidth",
            RuleType::MinimumPacketRate => "minimum_packet_rate",
            RuleType::PacketRateLimit => "packet_rate_limit",
            RuleType::Other(s) => s,
        }
    }
}

impl From<String> for RuleType {
    fn from(s: String) -> Self {
        match s.as_str() {
            "bandwidth_limit" => RuleType::BandwidthLimit,
            "dscp_marking" => RuleType::DscpMarking,
            "minimum_bandwidth" => RuleType::MinimumBandwidth,
            "minimum_packet_rate" => RuleType::MinimumPacketRate,
            "packet_rate_limit" => RuleType::PacketRateLimit,
            _ => RuleType::Other(s),
        }
    }
}

impl From<RuleType> for String {
    fn from(t: RuleType) -> Self {
        match t {
            RuleType::Other(s) => s,
            known => known.as_str().to_string(),
        }
    }
}

impl std::fmt::Display for RuleType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An item of the rule type listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ListedRuleType {
    /// The kind.
    #[serde(rename = "type")]
    pub rule_type: RuleType,
}

/// A rule type and what each loaded QoS driver accepts for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RuleTypeDetails {
    /// The kind.
    #[serde(rename = "type")]
    pub rule_type: RuleType,
    /// The drivers that support it (empty when none is loaded).
    pub drivers: Vec<Driver>,
}

/// A QoS driver's support of a rule type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Driver {
    /// The driver (`openvswitch`, `ovn`, `sriovnicswitch`…).
    pub name: String,
    /// The parameters it accepts, with their values.
    pub supported_parameters: Vec<SupportedParameter>,
}

/// How a driver constrains a parameter's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParameterType {
    /// A range of integers.
    Range,
    /// A list of allowed values.
    Choices,
}

/// A value of a `choices` parameter: a number (DSCP marks) or a name (directions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Choice {
    /// A number.
    Number(i64),
    /// A name.
    Name(String),
}

/// An inclusive range of integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Range {
    /// The smallest value.
    pub start: i64,
    /// The largest value.
    pub end: i64,
}

/// The values a parameter accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ParameterValues {
    /// Between `start` and `end`.
    Range(Range),
    /// One of these.
    Choices(Vec<Choice>),
}

/// A parameter of a rule type, as a driver accepts it.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::rule_types::{Choice, ParameterValues, SupportedParameter};
/// let p: SupportedParameter = serde_json::from_str(r#"{"parameter_name": "direction",
///     "parameter_type": "choices", "parameter_values": ["ingress", "egress"]}"#).unwrap();
/// assert_eq!(p.parameter_values,
///     ParameterValues::Choices(vec![Choice::Name("ingress".into()), Choice::Name("egress".into())]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SupportedParameter {
    /// The rule's attribute (`max_kbps`, `direction`…).
    pub parameter_name: String,
    /// Range or choices.
    pub parameter_type: ParameterType,
    /// The accepted values.
    pub parameter_values: ParameterValues,
}

/// Filters for listing rule types (`qos-rule-type-filter`); by default Neutron lists
/// the kinds every loaded driver supports.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::rule_types::ListOpts;
/// let opts = ListOpts { all_rules: Some(true), ..ListOpts::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "all_rules=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// The kinds at least one loaded driver supports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_supported: Option<bool>,
    /// Every kind Neutron knows, supported or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_rules: Option<bool>,
}

/// Lists rule types (one page).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<ListedRuleType> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The rule types of a page.
    extract_rule_types, ListedRuleType
}

/// Shows a rule type: the loaded drivers that support it and their parameters.
pub async fn get(client: &ServiceClient, rule_type: &RuleType) -> ApiResult<RuleTypeDetails> {
    client.request(&GET, &[rule_type.as_str()]).send().await
}
