//! Agents (admin): the Neutron agents that have reported to the server (DHCP, L3,
//! Open vSwitch, metadata, OVN…): list with filters, show, update (administrative state,
//! description), delete. An agent registers itself by reporting its state: there is no
//! creation call, and a deleted agent that is still running comes back.
//!
//! `configurations` is what the agent reported about itself, different for each agent
//! type (a DHCP agent's `networks`, an OVS agent's `bridge_mappings`…), kept as JSON.
//! Which networks a DHCP agent serves is in
//! [`dhcp_agent_scheduler`].
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::agents::{self, AgentType, ListOpts, UpdateOpts};
//! let opts = ListOpts { agent_type: Some(AgentType::Dhcp), alive: Some(true), ..ListOpts::default() };
//! for agent in agents::list(&network, &opts).all().await? {
//!     println!("{} on {}: {:?}", agent.agent_type, agent.host, agent.configurations.get("networks"));
//!     let opts = UpdateOpts::default().admin_state_up(false).description("draining");
//!     agents::update(&network, &agent.id, &opts).await.extract()?;
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List agents.
    LIST = GET "/agents" list("agents", Agent);
    /// Show an agent.
    GET = GET "/agents/{agent_id}" response("agent", Agent);
    /// Update an agent (administrative state, description).
    UPDATE = PUT "/agents/{agent_id}" request("agent", UpdateOpts) response("agent", Agent);
    /// Delete an agent.
    DELETE = DELETE "/agents/{agent_id}";
}

/// The kind of an agent, as Neutron names it in `agent_type`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::agents::AgentType;
/// let t: AgentType = serde_json::from_str(r#""DHCP agent""#).unwrap();
/// assert_eq!(t, AgentType::Dhcp);
/// let other: AgentType = serde_json::from_str(r#""Fancy agent""#).unwrap();
/// assert_eq!(other, AgentType::Other("Fancy agent".into()));
/// assert_eq!(serde_json::to_string(&AgentType::OpenVSwitch).unwrap(), r#""Open vSwitch agent""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AgentType {
    /// `DHCP agent`.
    Dhcp,
    /// `L3 agent`.
    L3,
    /// `Metadata agent`.
    Metadata,
    /// `Metering agent`.
    Metering,
    /// `Open vSwitch agent`.
    OpenVSwitch,
    /// `Linux bridge agent`.
    LinuxBridge,
    /// `Macvtap agent`.
    Macvtap,
    /// `NIC Switch agent` (SR-IOV).
    NicSwitch,
    /// `OVN Controller agent`.
    OvnController,
    /// `OVN Controller Gateway agent`.
    OvnControllerGateway,
    /// `OVN Metadata agent`.
    OvnMetadata,
    /// `OVN Neutron agent`.
    OvnNeutron,
    /// `BGP dynamic routing agent` (neutron-dynamic-routing).
    BgpDynamicRouting,
    /// Any other agent type, as Neutron wrote it.
    Other(String),
}

const AGENT_TYPES: &[(&str, AgentType)] = &[
    ("DHCP agent", AgentType::Dhcp),
    ("L3 agent", AgentType::L3),
    ("Metadata agent", AgentType::Metadata),
    ("Metering agent", AgentType::Metering),
    ("Open vSwitch agent", AgentType::OpenVSwitch),
    ("Linux bridge agent", AgentType::LinuxBridge),
    ("Macvtap agent", AgentType::Macvtap),
    ("NIC Switch agent", AgentType::NicSwitch),
    ("OVN Controller agent", AgentType::OvnController),
    ("OVN Controller Gateway agent", AgentType::OvnControllerGateway),
    ("OVN Metadata agent", AgentType::OvnMetadata),
    ("OVN Neutron agent", AgentType::OvnNeutron),
    ("BGP dynamic routing agent", AgentType::BgpDynamicRouting),
];

impl AgentType {
    /// The name Neutron uses.
    pub fn as_str(&self) -> &str {
        if let AgentType::Other(s) = self {
            return s;
        }
        AGENT_TYPES
            .iter()
            .find(|(_, t)| t == self)
            .map(|(name, _)| *name)
            .unwrap_or_default()
    }
}

impl From<&str> for AgentType {
    fn from(s: &str) -> Self {
        AGENT_TYPES
            .iter()
            .find(|(name, _)| *name == s)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| AgentType::Other(s.to_string()))
    }
}

impl std::fmt::Display for AgentType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for AgentType {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for AgentType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(AgentType::from(s.as_str()))
    }
}

/// An agent, as Neutron reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Agent {
    /// The ID.
    pub id: String,
    /// Its kind.
    pub agent_type: AgentType,
    /// The executable (`neutron-dhcp-agent`).
    pub binary: String,
    /// The message queue topic it listens on (`dhcp_agent`, or `N/A`).
    pub topic: String,
    /// The host it runs on.
    pub host: String,
    /// The administrative state: false stops scheduling new resources to it.
    pub admin_state_up: bool,
    /// Whether its last report is recent enough (`agent_down_time`).
    pub alive: bool,
    /// Its description (`null` until one is set).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// Its availability zone (`null` for agent types without one; the attribute comes
    /// with the `availability_zone` extension).
    #[serde(default)]
    pub availability_zone: Option<String>,
    /// What it reported about itself; the keys depend on the agent type.
    pub configurations: BTreeMap<String, serde_json::Value>,
    /// When it first reported.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last started.
    #[serde(with = "crate::dates::timestamp")]
    pub started_at: Timestamp,
    /// When it last reported.
    #[serde(with = "crate::dates::timestamp")]
    pub heartbeat_timestamp: Timestamp,
    /// Whether its resources are synchronised with the placement service
    /// (`agent-resources-synced`; `null` for agents that report none).
    #[serde(default)]
    pub resources_synced: Option<bool>,
    /// The versions of the objects it understands (in the DHCP and L3 scheduler
    /// listings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_versions: Option<BTreeMap<String, serde_json::Value>>,
    /// `active` or `standby` for an L3 agent hosting an HA router (in the scheduler
    /// listings; `null` otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ha_state: Option<String>,
}

/// Changes to an agent; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::agents::UpdateOpts;
/// let opts = UpdateOpts::default().admin_state_up(false).description("maintenance");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"admin_state_up": false, "description": "maintenance"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new administrative state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl UpdateOpts {
    /// Sets the administrative state.
    pub fn admin_state_up(mut self, up: bool) -> Self {
        self.admin_state_up = Some(up);
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.admin_state_up.is_none() && self.description.is_none() {
            return Err(Error::invalid_input(
                "an agent update needs admin_state_up or description",
            ));
        }
        Ok(())
    }
}

/// Filters for listing agents; sorting, paging and other filters are in `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::agents::{AgentType, ListOpts};
/// let opts = ListOpts { agent_type: Some(AgentType::L3), host: Some("net1".into()), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "agent_type=L3+agent&host=net1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_type: Option<AgentType>,
    /// By executable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binary: Option<String>,
    /// By topic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// By host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// By availability zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// By description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// By administrative state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// Live agents only, or dead ones only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alive: Option<bool>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::crud::crud! {
    Agent, "agent", "agents", "agents_links", extract_agents;
    list, get, update, delete
}
