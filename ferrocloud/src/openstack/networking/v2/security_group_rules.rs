//! Security group rules: list (typed filters), show, create (one or in bulk), delete.
//! A rule has no update: delete it and create another.
//!
//! What a rule matches ([`RuleSpec`](crate::openstack::networking::v2::security_group_rules::RuleSpec): direction, ethertype, protocol, ports, remote)
//! is shared with the templates of
//! [`default_security_group_rules`].
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, sg_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::security_group_rules::{
//!     self, CreateOpts, Direction, ListOpts, Protocol, RuleSpec,
//! };
//! let ssh = RuleSpec::ingress()
//!     .protocol(Protocol::Tcp)
//!     .ports(22, 22)
//!     .remote_ip_prefix("203.0.113.0/24");
//! let rule = security_group_rules::create(&network, &CreateOpts::new(sg_id, ssh)).await.extract()?;
//! assert_eq!(rule.port_range_min, Some(22));
//!
//! let opts = ListOpts {
//!     security_group_id: Some(sg_id.into()),
//!     direction: Some(Direction::Ingress),
//!     ..ListOpts::default()
//! };
//! let ingress = security_group_rules::list(&network, &opts).all().await?;
//! security_group_rules::delete(&network, &rule.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::request::{Extensible, Validate};
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List security group rules.
    LIST = GET "/security-group-rules" list("security_group_rules", SecurityGroupRule);
    /// Show a security group rule.
    GET = GET "/security-group-rules/{security_group_rule_id}"
        response("security_group_rule", SecurityGroupRule);
    /// Create a security group rule.
    CREATE = POST "/security-group-rules"
        request("security_group_rule", CreateOpts)
        response("security_group_rule", SecurityGroupRule);
    /// Create several security group rules at once (all or none).
    CREATE_BULK = POST "/security-group-rules"
        request("security_group_rules", Vec<CreateOpts>)
        list("security_group_rules", SecurityGroupRule);
    /// Delete a security group rule.
    DELETE = DELETE "/security-group-rules/{security_group_rule_id}";
}

/// Which traffic a rule matches: coming in or going out of the port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Traffic to the port.
    Ingress,
    /// Traffic from the port.
    Egress,
}

/// The IP version a rule matches (Neutron accepts no other value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ethertype {
    /// IPv4.
    #[serde(rename = "IPv4")]
    Ipv4,
    /// IPv6.
    #[serde(rename = "IPv6")]
    Ipv6,
}

macro_rules! protocols {
    ($($(#[$meta:meta])* $variant:ident = $name:literal, $number:literal;)+) => {
        /// The IP protocol a rule matches: one of the names Neutron knows, or a protocol
        /// number (0–255). Neutron keeps what it was given (`"tcp"` stays a name, `"6"` a
        /// number) and answers `null` for any protocol.
        ///
        /// ```
        /// use ferrocloud::openstack::networking::v2::security_group_rules::Protocol;
        /// let p: Protocol = serde_json::from_str(r#""tcp""#).unwrap();
        /// assert_eq!((p.clone(), p.number()), (Protocol::Tcp, Some(6)));
        /// assert_eq!(serde_json::from_str::<Protocol>(r#""112""#).unwrap(), Protocol::Number(112));
        /// assert_eq!(serde_json::from_str::<Protocol>("17").unwrap(), Protocol::Number(17));
        /// assert_eq!(serde_json::to_value(Protocol::Number(112)).unwrap(), "112");
        /// assert_eq!(serde_json::to_value(Protocol::Ipv6Icmp).unwrap(), "ipv6-icmp");
        /// assert!(serde_json::from_str::<Protocol>(r#""300""#).is_err());
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Protocol {
            $(
                $(#[$meta])*
                #[doc = concat!("`", $name, "` (", stringify!($number), ").")]
                $variant,
            )+
            /// A protocol by number.
            Number(u8),
            /// A name this SDK does not know (a newer Neutron's).
            Other(String),
        }

        impl Protocol {
            /// The protocol as Neutron writes it: its name, or its number as text.
            pub fn as_str(&self) -> Cow<'_, str> {
                match self {
                    $(Protocol::$variant => Cow::Borrowed($name),)+
                    Protocol::Number(n) => Cow::Owned(n.to_string()),
                    Protocol::Other(s) => Cow::Borrowed(s),
                }
            }

            /// The protocol's number, when the SDK knows it.
            pub fn number(&self) -> Option<u8> {
                match self {
                    $(Protocol::$variant => Some($number),)+
                    Protocol::Number(n) => Some(*n),
                    Protocol::Other(_) => None,
                }
            }

            fn from_name(name: &str) -> std::result::Result<Self, String> {
                if let Ok(n) = name.parse::<u16>() {
                    return u8::try_from(n)
                        .map(Protocol::Number)
                        .map_err(|_| format!("protocol number {n} is out of 0-255"));
                }
                Ok(match name {
                    $($name => Protocol::$variant,)+
                    other => Protocol::Other(other.to_string()),
                })
            }
        }
    };
}

protocols! {
    /// IPsec authentication header.
    Ah = "ah", 51;
    /// Datagram congestion control.
    Dccp = "dccp", 33;
    /// Exterior gateway protocol.
    Egp = "egp", 8;
    /// IPsec encapsulating security payload.
    Esp = "esp", 50;
    /// Generic routing encapsulation.
    Gre = "gre", 47;
    /// IPv6 hop-by-hop option.
    Hopopt = "hopopt", 0;
    /// ICMP.
    Icmp = "icmp", 1;
    /// IGMP.
    Igmp = "igmp", 2;
    /// IP (Neutron's alias of protocol 0).
    Ip = "ip", 0;
    /// IP in IP.
    Ipip = "ipip", 4;
    /// IPv6 encapsulation.
    Ipv6Encap = "ipv6-encap", 41;
    /// IPv6 fragment header.
    Ipv6Frag = "ipv6-frag", 44;
    /// ICMP for IPv6.
    Ipv6Icmp = "ipv6-icmp", 58;
    /// ICMP for IPv6, under its legacy name.
    Icmpv6 = "icmpv6", 58;
    /// IPv6 no next header.
    Ipv6Nonxt = "ipv6-nonxt", 59;
    /// IPv6 destination options.
    Ipv6Opts = "ipv6-opts", 60;
    /// IPv6 routing header.
    Ipv6Route = "ipv6-route", 43;
    /// OSPF.
    Ospf = "ospf", 89;
    /// Pragmatic general multicast.
    Pgm = "pgm", 113;
    /// Resource reservation protocol.
    Rsvp = "rsvp", 46;
    /// SCTP.
    Sctp = "sctp", 132;
    /// TCP.
    Tcp = "tcp", 6;
    /// UDP.
    Udp = "udp", 17;
    /// UDP-Lite.
    Udplite = "udplite", 136;
    /// Virtual router redundancy protocol.
    Vrrp = "vrrp", 112;
}

impl Protocol {
    /// True for the protocols whose rules take a port range (TCP, UDP, SCTP, DCCP,
    /// UDP-Lite); for ICMP the range holds the type and code instead.
    pub fn has_ports(&self) -> bool {
        matches!(self.number(), Some(6 | 17 | 33 | 132 | 136))
    }
}

impl Serialize for Protocol {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_str())
    }
}

impl<'de> Deserialize<'de> for Protocol {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(u8),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Number(n) => Ok(Protocol::Number(n)),
            Raw::Text(s) => Protocol::from_name(&s).map_err(serde::de::Error::custom),
        }
    }
}

/// A security group rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SecurityGroupRule {
    /// The ID.
    pub id: String,
    /// The group it belongs to.
    pub security_group_id: String,
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
    /// The remote addresses it matches, as given (`None`: see the remote group).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub remote_ip_prefix: Option<String>,
    /// The remote group whose ports it matches (`None`: see the prefix).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub remote_group_id: Option<String>,
    /// The remote address group it matches (`security-groups-remote-address-group`;
    /// absent from rules embedded in a group in the API reference's samples).
    #[serde(default)]
    pub remote_address_group_id: Option<String>,
    /// The remote prefix with its host bits cleared, as Neutron applies it
    /// (`security-groups-normalized-cidr`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normalized_cidr: Option<String>,
    /// Its description: Neutron answers `null` for the rules it creates with a group,
    /// and the API reference's show sample leaves it out.
    #[serde(default)]
    pub description: Option<String>,
    /// It belongs to a project's default group
    /// (`security-groups-rules-belongs-to-default-sg`; Neutron 28.0 answers `null` in
    /// the rules of a default group it creates while answering a listing).
    #[serde(default)]
    pub belongs_to_default_sg: Option<bool>,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Its tags (Neutron sends them only for rules embedded in a group, empty: rules
    /// take no tags).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
    /// Its revision.
    pub revision_number: u64,
}

/// What a rule matches: the part of a rule that a security group rule and a default
/// rule template share. As Neutron does, [`Validate`] refuses several remotes at once,
/// ports without a protocol, and for TCP, UDP, SCTP, DCCP and UDP-Lite anything but a
/// range of two ports from 1 up (for ICMP the range holds a type and a code).
///
/// ```
/// use ferrocloud::openstack::networking::v2::security_group_rules::{Ethertype, Protocol, RuleSpec};
/// let web = RuleSpec::ingress().ethertype(Ethertype::Ipv6).protocol(Protocol::Tcp).ports(80, 443);
/// assert_eq!(serde_json::to_value(&web).unwrap(), serde_json::json!({
///     "direction": "ingress", "ethertype": "IPv6", "protocol": "tcp",
///     "port_range_min": 80, "port_range_max": 443}));
/// use ferrocloud::request::Validate;
/// assert!(RuleSpec::ingress().ports(22, 22).validate().is_err()); // ports need a protocol
/// assert!(RuleSpec::ingress().protocol(Protocol::Udp).ports(90, 80).validate().is_err());
/// assert!(RuleSpec::egress().remote_ip_prefix("10.0.0.0/8").remote_group_id("g").validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RuleSpec {
    /// Incoming or outgoing traffic.
    pub direction: Direction,
    /// IPv4 or IPv6 (Neutron's default: IPv4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethertype: Option<Ethertype>,
    /// The protocol (`None`: any).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    /// The first port, or the ICMP type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_range_min: Option<u16>,
    /// The last port, or the ICMP code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_range_max: Option<u16>,
    /// Match these remote addresses (a CIDR).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_ip_prefix: Option<String>,
    /// Match the ports of this remote group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_group_id: Option<String>,
    /// Match the addresses of this address group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_address_group_id: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl RuleSpec {
    /// A rule on `direction` traffic, of any protocol from anywhere.
    pub fn new(direction: Direction) -> Self {
        RuleSpec {
            direction,
            ethertype: None,
            protocol: None,
            port_range_min: None,
            port_range_max: None,
            remote_ip_prefix: None,
            remote_group_id: None,
            remote_address_group_id: None,
            description: None,
        }
    }
    /// A rule on incoming traffic.
    pub fn ingress() -> Self {
        Self::new(Direction::Ingress)
    }
    /// A rule on outgoing traffic.
    pub fn egress() -> Self {
        Self::new(Direction::Egress)
    }
    /// Sets the IP version.
    pub fn ethertype(mut self, ethertype: Ethertype) -> Self {
        self.ethertype = Some(ethertype);
        self
    }
    /// Sets the protocol.
    pub fn protocol(mut self, protocol: Protocol) -> Self {
        self.protocol = Some(protocol);
        self
    }
    /// Sets the port range (or, for ICMP, the type and code).
    pub fn ports(mut self, min: u16, max: u16) -> Self {
        self.port_range_min = Some(min);
        self.port_range_max = Some(max);
        self
    }
    /// Matches remote addresses in this CIDR.
    pub fn remote_ip_prefix(mut self, cidr: impl Into<String>) -> Self {
        self.remote_ip_prefix = Some(cidr.into());
        self
    }
    /// Matches the ports of this remote group.
    pub fn remote_group_id(mut self, id: impl Into<String>) -> Self {
        self.remote_group_id = Some(id.into());
        self
    }
    /// Matches the addresses of this address group.
    pub fn remote_address_group_id(mut self, id: impl Into<String>) -> Self {
        self.remote_address_group_id = Some(id.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

impl Validate for RuleSpec {
    fn validate(&self) -> Result<()> {
        let remotes = [
            self.remote_ip_prefix.is_some(),
            self.remote_group_id.is_some(),
            self.remote_address_group_id.is_some(),
        ];
        if remotes.iter().filter(|r| **r).count() > 1 {
            return Err(Error::invalid_input(
                "set one of remote_ip_prefix, remote_group_id and remote_address_group_id, \
                 not several",
            ));
        }
        let (min, max) = (self.port_range_min, self.port_range_max);
        if min.is_none() && max.is_none() {
            return Ok(());
        }
        let Some(protocol) = &self.protocol else {
            return Err(Error::invalid_input(
                "a port range (or ICMP type and code) needs a protocol",
            ));
        };
        if protocol.has_ports() {
            let (Some(min), Some(max)) = (min, max) else {
                return Err(Error::invalid_input(format!(
                    "a {} rule with ports needs both port_range_min and port_range_max",
                    protocol.as_str()
                )));
            };
            if min == 0 || min > max {
                return Err(Error::invalid_input(format!(
                    "the port range {min}-{max} is not a range of ports from 1 to 65535"
                )));
            }
        } else if min.is_none() {
            return Err(Error::invalid_input(
                "port_range_max (or the ICMP code) needs port_range_min (or the ICMP type)",
            ));
        }
        Ok(())
    }
}

/// Options for creating a security group rule: the group and what the rule matches.
///
/// ```
/// use ferrocloud::openstack::networking::v2::security_group_rules::{CreateOpts, RuleSpec};
/// let opts = CreateOpts::new("sg-1", RuleSpec::egress().remote_ip_prefix("0.0.0.0/0"));
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "security_group_id": "sg-1", "direction": "egress", "remote_ip_prefix": "0.0.0.0/0"}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The group to add the rule to.
    pub security_group_id: String,
    /// What the rule matches.
    #[serde(flatten)]
    pub rule: RuleSpec,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// A rule `rule` in the group `security_group_id`.
    pub fn new(security_group_id: impl Into<String>, rule: RuleSpec) -> Self {
        CreateOpts {
            security_group_id: security_group_id.into(),
            rule,
            project_id: None,
        }
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
        if self.security_group_id.is_empty() {
            return Err(Error::invalid_input("security_group_id is required"));
        }
        self.rule.validate()
    }
}

/// Filters for listing security group rules; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::security_group_rules::{Direction, Ethertype, ListOpts, Protocol};
/// let opts = ListOpts {
///     direction: Some(Direction::Ingress),
///     ethertype: Some(Ethertype::Ipv6),
///     protocol: Some(Protocol::Tcp),
///     port_range_min: Some(22),
///     ..ListOpts::default()
/// };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs),
///     "direction=ingress&ethertype=IPv6&protocol=tcp&port_range_min=22");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_group_id: Option<String>,
    /// By direction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// By IP version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ethertype: Option<Ethertype>,
    /// By protocol (as created: a rule made with `6` does not match `tcp`).
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
    /// By remote group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_group_id: Option<String>,
    /// By remote address group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_address_group_id: Option<String>,
    /// Rules of default groups only, or of the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub belongs_to_default_sg: Option<bool>,
    /// By description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    SecurityGroupRule, "security group rule", "security_group_rules", extract_security_group_rules;
    list get create create_bulk delete
}
