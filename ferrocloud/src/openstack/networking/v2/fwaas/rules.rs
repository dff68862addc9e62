//! Firewall rules (FWaaS v2): list, show, create, update, delete, find. A rule matches
//! traffic (protocol, addresses, ports, IP version) and says what to do with it; rules
//! take effect through a [policy](crate::openstack::networking::v2::fwaas::policies).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::fwaas::rules::{self, Action, CreateOpts, ListOpts, Protocol};
//!
//! let opts = CreateOpts::new("allow-http", Action::Allow)
//!     .protocol(Protocol::Tcp)
//!     .destination_port("80");
//! let rule = rules::create(&network, &opts).await.extract()?;
//! let tcp = ListOpts { protocol: Some(Protocol::Tcp), ..ListOpts::default() };
//! let all = rules::list(&network, &tcp).all().await?;
//! rules::delete(&network, &rule.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Deserializer, Serialize};

use crate::dates::Timestamp;
use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List firewall rules.
    LIST = GET "/fwaas/firewall_rules" list("firewall_rules", FirewallRule);
    /// Show a firewall rule.
    GET = GET "/fwaas/firewall_rules/{firewall_rule_id}" response("firewall_rule", FirewallRule);
    /// Create a firewall rule.
    CREATE = POST "/fwaas/firewall_rules" request("firewall_rule", CreateOpts)
        response("firewall_rule", FirewallRule);
    /// Update a firewall rule.
    UPDATE = PUT "/fwaas/firewall_rules/{firewall_rule_id}" request("firewall_rule", UpdateOpts)
        response("firewall_rule", FirewallRule);
    /// Delete a firewall rule.
    DELETE = DELETE "/fwaas/firewall_rules/{firewall_rule_id}";
}

/// What a rule does with the traffic it matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Let it through.
    Allow,
    /// Drop it silently (Neutron's default).
    Deny,
    /// Drop it and tell the sender.
    Reject,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// The IP protocol a rule matches (no protocol: any).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    /// TCP.
    Tcp,
    /// UDP.
    Udp,
    /// ICMP.
    Icmp,
    /// Another protocol, by name (`ipv6-icmp`, `gre`…) or number (`"47"`).
    #[serde(untagged)]
    Other(String),
}

/// The IP version of a rule's addresses, sent and read as the number 4 or 6.
///
/// ```
/// use ferrocloud::openstack::networking::v2::fwaas::rules::IpVersion;
/// assert_eq!(serde_json::to_value(IpVersion::V6).unwrap(), serde_json::json!(6));
/// assert_eq!(serde_json::from_value::<IpVersion>(serde_json::json!(4)).unwrap(), IpVersion::V4);
/// assert!(serde_json::from_value::<IpVersion>(serde_json::json!(5)).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum IpVersion {
    /// IPv4.
    V4,
    /// IPv6.
    V6,
}

impl TryFrom<u8> for IpVersion {
    type Error = String;
    fn try_from(v: u8) -> std::result::Result<Self, String> {
        match v {
            4 => Ok(IpVersion::V4),
            6 => Ok(IpVersion::V6),
            other => Err(format!("IP version {other}, expected 4 or 6")),
        }
    }
}

impl From<IpVersion> for u8 {
    fn from(v: IpVersion) -> u8 {
        match v {
            IpVersion::V4 => 4,
            IpVersion::V6 => 6,
        }
    }
}

/// A firewall rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FirewallRule {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// What it does with the traffic it matches.
    pub action: Action,
    /// The protocol it matches (`None`: any).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub protocol: Option<Protocol>,
    /// The IP version of its addresses.
    pub ip_version: IpVersion,
    /// The source address or CIDR it matches (`None`: any).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub source_ip_address: Option<String>,
    /// The destination address or CIDR it matches (`None`: any).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub destination_ip_address: Option<String>,
    /// The source port or range (`"80"`, `"8000:8080"`) it matches (`None`: any).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub source_port: Option<String>,
    /// The destination port or range it matches (`None`: any).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub destination_port: Option<String>,
    /// False turns the rule off without removing it from its policies.
    pub enabled: bool,
    /// Shared with every project.
    pub shared: bool,
    /// The policies that hold it. FWaaS v2 sends a list (a rule may be in several
    /// policies) or `null`; the API reference's samples show one ID as a string: all three
    /// read as a list.
    #[serde(default, deserialize_with = "policy_ids")]
    pub firewall_policy_id: Vec<String>,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Its tags (sent by FWaaS releases with standard attributes).
    #[serde(default)]
    pub tags: Vec<String>,
    /// When it was created (FWaaS releases with standard attributes).
    #[serde(default, with = "crate::dates::option", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it last changed (FWaaS releases with standard attributes).
    #[serde(default, with = "crate::dates::option", skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// Incremented on every change (FWaaS releases with standard attributes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
}

/// `null`, one ID, or a list of IDs, as a list.
fn policy_ids<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Ids {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Option::<Ids>::deserialize(d)? {
        None => Vec::new(),
        Some(Ids::One(id)) => vec![id],
        Some(Ids::Many(ids)) => ids,
    })
}

crate::openstack::networking::v2::plugin_crud::named!(FirewallRule);

/// `"80"` or `"8000:8080"`: a port or an inclusive range of ports, 1 to 65535.
fn check_ports(field: &str, ports: &Option<String>) -> Result<()> {
    let Some(p) = ports else { return Ok(()) };
    let port = |s: &str| s.parse::<u16>().ok().filter(|n| *n > 0);
    let ok = match p.split_once(':') {
        None => port(p).is_some(),
        Some((lo, hi)) => matches!((port(lo), port(hi)), (Some(a), Some(b)) if a <= b),
    };
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "{field} must be a port (1-65535) or a range like 8000:8080, not {p:?}"
        )))
    }
}

fn check_rule(
    protocol: &Option<Protocol>,
    source_port: &Option<String>,
    destination_port: &Option<String>,
) -> Result<()> {
    check_ports("source_port", source_port)?;
    check_ports("destination_port", destination_port)?;
    let ported = matches!(protocol, Some(Protocol::Tcp | Protocol::Udp));
    if (source_port.is_some() || destination_port.is_some()) && protocol.is_some() && !ported {
        return Err(Error::invalid_input(
            "ports can only be matched with protocol tcp or udp",
        ));
    }
    Ok(())
}

/// Options for creating a firewall rule.
///
/// ```
/// use ferrocloud::openstack::networking::v2::fwaas::rules::{Action, CreateOpts, IpVersion, Protocol};
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("ssh", Action::Allow).protocol(Protocol::Tcp)
///     .destination_port("22").ip_version(IpVersion::V6);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "ssh",
///     "action": "allow", "protocol": "tcp", "destination_port": "22", "ip_version": 6}));
/// assert!(CreateOpts::new("bad", Action::Deny).destination_port("0:99").validate().is_err());
/// assert!(CreateOpts::new("bad", Action::Deny).protocol(Protocol::Icmp)
///     .destination_port("80").validate().is_err());
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
    /// What to do with matching traffic (`deny` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// The protocol to match (any by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    /// The IP version (4 by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_version: Option<IpVersion>,
    /// The source address or CIDR to match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_ip_address: Option<String>,
    /// The destination address or CIDR to match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_ip_address: Option<String>,
    /// The source port or range (`"8000:8080"`) to match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_port: Option<String>,
    /// The destination port or range to match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_port: Option<String>,
    /// Enabled (true by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Share it with every project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A rule named `name` that does `action`.
    pub fn new(name: impl Into<String>, action: Action) -> Self {
        CreateOpts {
            name: Some(name.into()),
            action: Some(action),
            ..Default::default()
        }
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Matches this protocol.
    pub fn protocol(mut self, protocol: Protocol) -> Self {
        self.protocol = Some(protocol);
        self
    }
    /// Sets the IP version.
    pub fn ip_version(mut self, version: IpVersion) -> Self {
        self.ip_version = Some(version);
        self
    }
    /// Matches this source address or CIDR.
    pub fn source_ip_address(mut self, address: impl Into<String>) -> Self {
        self.source_ip_address = Some(address.into());
        self
    }
    /// Matches this destination address or CIDR.
    pub fn destination_ip_address(mut self, address: impl Into<String>) -> Self {
        self.destination_ip_address = Some(address.into());
        self
    }
    /// Matches this source port or range (`"8000:8080"`).
    pub fn source_port(mut self, ports: impl Into<String>) -> Self {
        self.source_port = Some(ports.into());
        self
    }
    /// Matches this destination port or range.
    pub fn destination_port(mut self, ports: impl Into<String>) -> Self {
        self.destination_port = Some(ports.into());
        self
    }
    /// Enables or disables it.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }
    /// Shares it with every project.
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = Some(shared);
        self
    }
    /// Creates it for another project.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        check_rule(&self.protocol, &self.source_port, &self.destination_port)
    }
}

/// Changes to a firewall rule; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::fwaas::rules::UpdateOpts;
/// let opts = UpdateOpts::default().enabled(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"enabled": false}));
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
    /// A new action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// A new protocol.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    /// A new IP version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_version: Option<IpVersion>,
    /// A new source address or CIDR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_ip_address: Option<String>,
    /// A new destination address or CIDR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_ip_address: Option<String>,
    /// A new source port or range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_port: Option<String>,
    /// A new destination port or range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_port: Option<String>,
    /// Enable or disable it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Share it with every project, or stop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
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
    /// Sets the action.
    pub fn action(mut self, action: Action) -> Self {
        self.action = Some(action);
        self
    }
    /// Sets the protocol.
    pub fn protocol(mut self, protocol: Protocol) -> Self {
        self.protocol = Some(protocol);
        self
    }
    /// Sets the destination port or range.
    pub fn destination_port(mut self, ports: impl Into<String>) -> Self {
        self.destination_port = Some(ports.into());
        self
    }
    /// Enables or disables it.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }
    /// Shares it with every project, or stops.
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = Some(shared);
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        check_rule(&self.protocol, &self.source_port, &self.destination_port)
    }
}

/// Filters for listing firewall rules; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::fwaas::rules::{Action, ListOpts};
/// let opts = ListOpts { action: Some(Action::Allow), enabled: Some(true), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "action=allow&enabled=true");
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
    /// By action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// By protocol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    /// By IP version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_version: Option<IpVersion>,
    /// By source address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_ip_address: Option<String>,
    /// By destination address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_ip_address: Option<String>,
    /// By source port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_port: Option<String>,
    /// By destination port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_port: Option<String>,
    /// Enabled rules only, or disabled only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Shared rules only, or unshared only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields, tags and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::plugin_crud::plugin_functions! {
    FirewallRule, "firewall rule", "firewall rules", "firewall_rules", extract_rules
}
