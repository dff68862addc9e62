//! DHCP agent scheduling (admin, `dhcp_agent_scheduler`): the networks a DHCP agent
//! serves, adding a network to an agent or removing it, and the DHCP agents serving a
//! network. Neutron schedules networks on its own; these calls move them by hand.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::dhcp_agent_scheduler as dhcp;
//! let agents = dhcp::list_agents(&network, "net-id").all().await?;
//! for agent in &agents {
//!     dhcp::remove_network(&network, &agent.id, "net-id").await.ok()?;
//! }
//! dhcp::add_network(&network, "other-agent-id", "net-id").await.ok()?;
//! let served = dhcp::list_networks(&network, "other-agent-id").all().await?;
//! assert!(served.iter().any(|n| n.id == "net-id"));
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::agents::Agent;
use super::extensions::address_scopes::AddressScopes;
use super::extensions::availability_zones::AvailabilityZones;
use super::extensions::dns::DnsDomain;
use super::extensions::external::External;
use super::extensions::l2_adjacency::L2Adjacency;
use super::extensions::mtu::Mtu;
use super::extensions::port_security::PortSecurity;
use super::extensions::provider::Provider;
use super::extensions::qos::QosPolicyId;
use super::extensions::vlan_transparent::VlanTransparent;
use super::networks::Network;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List the networks a DHCP agent serves.
    LIST_NETWORKS = GET "/agents/{agent_id}/dhcp-networks" list("networks", Network)
        extensions(Provider, External, PortSecurity, Mtu, DnsDomain, QosPolicyId, L2Adjacency,
                   VlanTransparent, AvailabilityZones, AddressScopes);
    /// Schedule a network to a DHCP agent.
    ADD_NETWORK = POST "/agents/{agent_id}/dhcp-networks" request(AddNetwork);
    /// Remove a network from a DHCP agent.
    REMOVE_NETWORK = DELETE "/agents/{agent_id}/dhcp-networks/{network_id}";
    /// List the DHCP agents serving a network.
    LIST_AGENTS = GET "/networks/{network_id}/dhcp-agents" list("agents", Agent);
}

/// The body of [`add_network`]: the network to schedule.
///
/// ```
/// use ferrocloud::openstack::networking::v2::dhcp_agent_scheduler::AddNetwork;
/// assert_eq!(serde_json::to_value(AddNetwork::new("n1")).unwrap(),
///     serde_json::json!({"network_id": "n1"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AddNetwork {
    /// The network's ID.
    pub network_id: String,
}

impl AddNetwork {
    /// Schedules `network_id`.
    pub fn new(network_id: impl Into<String>) -> Self {
        AddNetwork {
            network_id: network_id.into(),
        }
    }
}

impl Validate for AddNetwork {
    fn validate(&self) -> Result<()> {
        crate::request::require("network_id", !self.network_id.is_empty())
    }
}

/// Lists the networks DHCP agent `agent_id` serves (one page; read extension attributes
/// with [`Page::extract_into`](crate::pagination::Page::extract_into)).
pub fn list_networks(client: &ServiceClient, agent_id: &str) -> Pager<Network> {
    client
        .request(&LIST_NETWORKS, &[agent_id])
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The networks of a page of [`list_networks`].
    extract_networks, Network
}

/// Schedules network `network_id` to DHCP agent `agent_id` (Neutron answers 201 with no
/// body; 409 when the agent already serves it).
pub async fn add_network(client: &ServiceClient, agent_id: &str, network_id: &str) -> ApiResult<()> {
    client
        .request(&ADD_NETWORK, &[agent_id])
        .body(&AddNetwork::new(network_id))
        .send()
        .await
}

/// Removes network `network_id` from DHCP agent `agent_id`.
pub async fn remove_network(
    client: &ServiceClient,
    agent_id: &str,
    network_id: &str,
) -> ApiResult<()> {
    client
        .request(&REMOVE_NETWORK, &[agent_id, network_id])
        .send()
        .await
}

/// Lists the DHCP agents serving network `network_id` (one page).
pub fn list_agents(client: &ServiceClient, network_id: &str) -> Pager<Agent> {
    client
        .request(&LIST_AGENTS, &[network_id])
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The agents of a page of [`list_agents`].
    extract_agents, Agent
}
