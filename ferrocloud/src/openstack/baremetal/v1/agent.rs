//! The ramdisk agent's API (1.22): lookup of a node by its MAC addresses, and the
//! heartbeat that tells Ironic where the agent listens. Ironic Python Agent calls these;
//! clients rarely need them. The heartbeat carries the agent's token (a secret, hidden
//! by `Debug`).
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::agent::{self, LookupOpts};
//! let found = agent::lookup(&ironic, &LookupOpts { addresses: vec!["52:54:00:90:35:d6".into()], ..Default::default() }).await.extract()?;
//! println!("{}", found.node.uuid);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Links, Object};
use crate::request::{ApiResult, Validate};
use crate::{Result, SecretString, ServiceClient};

crate::operations! {
    service: "baremetal";
    /// Look a node up for the agent.
    LOOKUP = GET "/lookup" since("1.22") response(Lookup);
    /// The agent's heartbeat.
    HEARTBEAT = POST "/heartbeat/{node_ident}" since("1.22") request(HeartbeatOpts);
}

/// What the agent learns about its node.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Lookup {
    /// The node.
    pub node: LookupNode,
    /// The agent's configuration (`heartbeat_timeout`, `metrics`…).
    pub config: Object,
}

/// The node, as the lookup gives it to the agent.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct LookupNode {
    /// The UUID.
    pub uuid: String,
    /// Its properties.
    #[serde(default)]
    pub properties: Object,
    /// Its instance data.
    #[serde(default)]
    pub instance_info: super::nodes::SecretMap,
    /// Ironic's data for the agent.
    #[serde(default)]
    pub driver_internal_info: Object,
    /// Its links.
    #[serde(default)]
    pub links: Links,
}

/// What [`lookup`] asks with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LookupOpts {
    /// The machine's MAC addresses.
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "crate::query::comma")]
    pub addresses: Vec<String>,
    /// The node's UUID, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_uuid: Option<String>,
}

/// Looks a node up by MAC addresses or UUID (1.22).
pub async fn lookup(client: &ServiceClient, opts: &LookupOpts) -> ApiResult<Lookup> {
    client.request(&LOOKUP, &[]).query(opts).send().await
}

/// What [`heartbeat`] sends.
#[derive(Clone, Serialize, Deserialize)]
pub struct HeartbeatOpts {
    /// Where the agent listens.
    pub callback_url: String,
    /// The agent's version (1.36).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_version: Option<String>,
    /// The agent's token (1.62).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::de::secret::option")]
    pub agent_token: Option<SecretString>,
}

impl std::fmt::Debug for HeartbeatOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HeartbeatOpts")
            .field("callback_url", &self.callback_url)
            .field("agent_version", &self.agent_version)
            .field("agent_token", &self.agent_token.as_ref().map(|_| "[REDACTED]"))
            .finish()
    }
}

impl Validate for HeartbeatOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("callback_url", !self.callback_url.is_empty())
    }
}

/// Sends the agent's heartbeat (1.22; `202`).
pub async fn heartbeat(client: &ServiceClient, node: &str, opts: &HeartbeatOpts) -> ApiResult<()> {
    client.request(&HEARTBEAT, &[node]).body(opts).send().await
}
