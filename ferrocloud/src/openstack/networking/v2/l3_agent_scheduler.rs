//! L3 agent scheduling (`l3_agent_scheduler`, admin): which L3 agents host a router,
//! which routers an agent hosts, and placing a router on an agent or taking it off.
//! Needs a Neutron with L3 agents (ML2/OVS or Linux bridge; not OVN).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, agent: &str, router: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::l3_agent_scheduler;
//! l3_agent_scheduler::add_router(&network, agent, router).await.ok()?;
//! for a in l3_agent_scheduler::list_agents_hosting_router(&network, router).all().await? {
//!     println!("{} on {} ({:?})", a.id, a.host, a.ha_state);
//! }
//! let routers = l3_agent_scheduler::list_routers_on_agent(&network, agent).all().await?;
//! l3_agent_scheduler::remove_router(&network, agent, router).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::routers::Router;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List the routers an L3 agent hosts.
    LIST_ROUTERS = GET "/agents/{agent_id}/l3-routers" list("routers", Router);
    /// Schedule a router to an L3 agent.
    ADD_ROUTER = POST "/agents/{agent_id}/l3-routers" request(AddRouterOpts);
    /// Remove a router from an L3 agent.
    REMOVE_ROUTER = DELETE "/agents/{agent_id}/l3-routers/{router_id}";
    /// List the L3 agents hosting a router.
    LIST_AGENTS = GET "/routers/{router_id}/l3-agents" list("agents", L3Agent);
}

/// An L3 agent, as the listing of a router's agents shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct L3Agent {
    /// The ID.
    pub id: String,
    /// `L3 agent`.
    pub agent_type: String,
    /// The program (`neutron-l3-agent`).
    pub binary: String,
    /// The host it runs on.
    pub host: String,
    /// The message topic (`l3_agent`).
    pub topic: String,
    /// Its administrative state.
    pub admin_state_up: bool,
    /// It reported recently.
    pub alive: bool,
    /// Its description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// Its availability zone.
    #[serde(default, deserialize_with = "crate::de::nullable")]
    pub availability_zone: Option<String>,
    /// For an HA router: `active`, `standby` or `unknown` on this agent.
    #[serde(default, deserialize_with = "crate::de::nullable")]
    pub ha_state: Option<String>,
    /// Its configuration as it reports it (agent mode, counts of routers and ports…).
    pub configurations: BTreeMap<String, serde_json::Value>,
    /// The versions of the objects it understands.
    #[serde(default)]
    pub resource_versions: BTreeMap<String, serde_json::Value>,
    /// When it first reported (`2018-03-11 08:10:58`, UTC).
    pub created_at: String,
    /// When it last started.
    pub started_at: String,
    /// When it last reported.
    pub heartbeat_timestamp: String,
}

/// The router to schedule (the body of [`add_router`]).
///
/// ```
/// use ferrocloud::openstack::networking::v2::l3_agent_scheduler::AddRouterOpts;
/// assert_eq!(serde_json::to_value(AddRouterOpts::new("r1")).unwrap(),
///            serde_json::json!({"router_id": "r1"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AddRouterOpts {
    /// The router.
    pub router_id: String,
}

impl AddRouterOpts {
    /// Schedules `router_id`.
    pub fn new(router_id: impl Into<String>) -> Self {
        AddRouterOpts {
            router_id: router_id.into(),
        }
    }
}

impl Validate for AddRouterOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("router_id", !self.router_id.is_empty())
    }
}

/// Lists the routers an L3 agent hosts.
pub fn list_routers_on_agent(client: &ServiceClient, agent_id: &str) -> Pager<Router> {
    client
        .request(&LIST_ROUTERS, &[agent_id])
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The routers of a page.
    extract_routers, Router
}

/// Schedules a router to an L3 agent (Neutron answers 201 with no body).
pub async fn add_router(client: &ServiceClient, agent_id: &str, router_id: &str) -> ApiResult<()> {
    client
        .request(&ADD_ROUTER, &[agent_id])
        .body(&AddRouterOpts::new(router_id))
        .send()
        .await
}

/// Removes a router from an L3 agent.
pub async fn remove_router(
    client: &ServiceClient,
    agent_id: &str,
    router_id: &str,
) -> ApiResult<()> {
    client
        .request(&REMOVE_ROUTER, &[agent_id, router_id])
        .send()
        .await
}

/// Lists the L3 agents hosting a router.
pub fn list_agents_hosting_router(client: &ServiceClient, router_id: &str) -> Pager<L3Agent> {
    client
        .request(&LIST_AGENTS, &[router_id])
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The agents of a page.
    extract_agents, L3Agent
}
