//! Conductors (1.49): the services that manage nodes, and shards (1.82): how nodes are
//! split between the services that watch them. The plain conductor listing gives no
//! dates and no drivers (`None`); ask for `detail` for them.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::conductors;
//! for c in conductors::list(&ironic, &Default::default()).all().await? {
//!     println!("{} alive: {}", c.hostname, c.alive);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use super::common::{Links, Listing};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "baremetal";
    /// List conductors.
    LIST = GET "/conductors" since("1.49") list("conductors", Conductor);
    /// Show a conductor.
    GET = GET "/conductors/{hostname}" since("1.49") response(Conductor);
    /// List shards.
    LIST_SHARDS = GET "/shards" since("1.82") list("shards", Shard);
}

/// A conductor.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Conductor {
    /// Its host name.
    pub hostname: String,
    /// Its conductor group (`""`: the default one).
    pub conductor_group: String,
    /// Whether it sent a heartbeat lately.
    pub alive: bool,
    /// The hardware types it serves (details).
    #[serde(default)]
    pub drivers: Option<Vec<String>>,
    /// When it first registered (details).
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub created_at: Option<Timestamp>,
    /// Its last heartbeat (details).
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its links.
    pub links: Links,
}

/// What [`list`] takes.
pub type ListOpts = Listing;

/// Lists conductors, following Ironic's `next` link.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Conductor> {
    super::common::pager(client, &LIST, &[], opts)
}

/// Shows a conductor.
pub async fn get(client: &ServiceClient, hostname: &str) -> ApiResult<Conductor> {
    client.request(&GET, &[hostname]).send().await
}

/// A shard and how many nodes it holds.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Shard {
    /// The shard's name (`None` for the nodes without one).
    #[serde(default)]
    pub name: Option<String>,
    /// Its number of nodes.
    #[serde(default)]
    pub count: u64,
}

/// The shards (1.82; one page).
pub fn list_shards(client: &ServiceClient) -> Pager<Shard> {
    client.request(&LIST_SHARDS, &[]).paged(PageStyle::Single)
}
