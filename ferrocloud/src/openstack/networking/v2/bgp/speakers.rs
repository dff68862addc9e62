//! BGP speakers: list, show, create, update, delete, find; add and remove peers and
//! gateway networks; the routes a speaker advertises.
//!
//! A speaker's AS number and IP version are fixed at creation. Its peers and networks
//! change through [`add_bgp_peer`](crate::openstack::networking::v2::bgp::speakers::add_bgp_peer),
//! [`remove_bgp_peer`](crate::openstack::networking::v2::bgp::speakers::remove_bgp_peer),
//! [`add_gateway_network`](crate::openstack::networking::v2::bgp::speakers::add_gateway_network) and
//! [`remove_gateway_network`](crate::openstack::networking::v2::bgp::speakers::remove_gateway_network) only. The
//! advertised routes are computed by Neutron from the bound networks (the subnets behind
//! routers whose gateway is on them, and floating IPs as host routes), whether or not an
//! agent hosts the speaker. Neutron sends them as `destination` and `next_hop` (the API
//! reference writes `cidr` and `nexthop`; both are read).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::bgp::speakers::{self, CreateOpts, UpdateOpts};
//!
//! let opts = CreateOpts::new("edge", 64512, 4).advertise_tenant_networks(false);
//! let speaker = speakers::create(&network, &opts).await.extract()?;
//! speakers::add_gateway_network(&network, &speaker.id, "{public_network_id}").await.extract()?;
//! speakers::update(&network, &speaker.id, &UpdateOpts::default().name("edge-1")).await.extract()?;
//! let routes = speakers::get_advertised_routes(&network, &speaker.id).await.extract()?;
//! speakers::delete(&network, &speaker.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List BGP speakers.
    LIST = GET "/bgp-speakers" list("bgp_speakers", BgpSpeaker);
    /// Show a BGP speaker.
    GET = GET "/bgp-speakers/{bgp-speaker-id}" response("bgp_speaker", BgpSpeaker);
    /// Create a BGP speaker.
    CREATE = POST "/bgp-speakers" request("bgp_speaker", CreateOpts)
        response("bgp_speaker", BgpSpeaker);
    /// Update a BGP speaker.
    UPDATE = PUT "/bgp-speakers/{bgp-speaker-id}" request("bgp_speaker", UpdateOpts)
        response("bgp_speaker", BgpSpeaker);
    /// Delete a BGP speaker.
    DELETE = DELETE "/bgp-speakers/{bgp-speaker-id}";
    /// Add a BGP peer to a speaker.
    ADD_BGP_PEER = PUT "/bgp-speakers/{bgp-speaker-id}/add_bgp_peer"
        request(PeerRef) response(PeerRef);
    /// Remove a BGP peer from a speaker.
    REMOVE_BGP_PEER = PUT "/bgp-speakers/{bgp-speaker-id}/remove_bgp_peer" request(PeerRef);
    /// Bind a gateway network to a speaker.
    ADD_GATEWAY_NETWORK = PUT "/bgp-speakers/{bgp-speaker-id}/add_gateway_network"
        request(NetworkRef) response(NetworkRef);
    /// Unbind a gateway network from a speaker.
    REMOVE_GATEWAY_NETWORK = PUT "/bgp-speakers/{bgp-speaker-id}/remove_gateway_network"
        request(NetworkRef);
    /// List the routes a speaker advertises.
    GET_ADVERTISED_ROUTES = GET "/bgp-speakers/{bgp-speaker-id}/get_advertised_routes"
        list("advertised_routes", AdvertisedRoute);
}

/// A BGP speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BgpSpeaker {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its local AS number (the API reference's samples write it as text or as a number).
    #[serde(deserialize_with = "super::as_number")]
    pub local_as: u32,
    /// The IP version of the routes it advertises: 4 or 6.
    pub ip_version: u8,
    /// Advertise floating IPs as host routes (`/32`, `/128`).
    pub advertise_floating_ip_host_routes: bool,
    /// Advertise the projects' subnets behind routers on its networks.
    pub advertise_tenant_networks: bool,
    /// The IDs of its BGP peers.
    pub peers: Vec<String>,
    /// The IDs of its gateway networks.
    pub networks: Vec<String>,
    /// The owning project. The plugin sends it; the API reference's samples write
    /// `tenant_id` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The owning project, under its older name (the API reference's samples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl BgpSpeaker {
    /// The owning project, under either name.
    pub fn project(&self) -> Option<&str> {
        self.project_id.as_deref().or(self.tenant_id.as_deref())
    }
}

/// A new BGP speaker: a name, a local AS number and an IP version.
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgp::speakers::CreateOpts;
/// let opts = CreateOpts::new("bgp-speaker", 1000, 4).advertise_floating_ip_host_routes(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "bgp-speaker",
///     "local_as": 1000, "ip_version": 4, "advertise_floating_ip_host_routes": false}));
/// use ferrocloud::request::Validate;
/// assert!(CreateOpts::new("v5", 1000, 5).validate().is_err());
/// assert!(CreateOpts::new("as0", 0, 4).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The local AS number (1–65535; up to 4294967295 with `bgp_4byte_asn`).
    #[serde(deserialize_with = "super::as_number")]
    pub local_as: u32,
    /// The IP version of the routes to advertise: 4 or 6.
    pub ip_version: u8,
    /// Advertise floating IPs as host routes (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advertise_floating_ip_host_routes: Option<bool>,
    /// Advertise the projects' networks (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advertise_tenant_networks: Option<bool>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// A speaker named `name` with AS number `local_as`, for IPv`ip_version` routes.
    pub fn new(name: impl Into<String>, local_as: u32, ip_version: u8) -> Self {
        CreateOpts {
            name: Some(name.into()),
            local_as,
            ip_version,
            ..Default::default()
        }
    }
    /// Advertises floating IPs as host routes, or not.
    pub fn advertise_floating_ip_host_routes(mut self, yes: bool) -> Self {
        self.advertise_floating_ip_host_routes = Some(yes);
        self
    }
    /// Advertises the projects' networks, or not.
    pub fn advertise_tenant_networks(mut self, yes: bool) -> Self {
        self.advertise_tenant_networks = Some(yes);
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
        super::check_as("local_as", self.local_as)?;
        if !matches!(self.ip_version, 4 | 6) {
            return Err(Error::invalid_input(format!(
                "ip_version must be 4 or 6, not {}",
                self.ip_version
            )));
        }
        Ok(())
    }
}

/// Changes to a BGP speaker; unset fields are left as they are (the AS number and IP
/// version cannot change).
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgp::speakers::UpdateOpts;
/// let opts = UpdateOpts::default().name("bgp-speaker_2").advertise_tenant_networks(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "bgp-speaker_2", "advertise_tenant_networks": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Advertise floating IPs as host routes, or stop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advertise_floating_ip_host_routes: Option<bool>,
    /// Advertise the projects' networks, or stop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advertise_tenant_networks: Option<bool>,
}

impl UpdateOpts {
    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Advertises floating IPs as host routes, or stops.
    pub fn advertise_floating_ip_host_routes(mut self, yes: bool) -> Self {
        self.advertise_floating_ip_host_routes = Some(yes);
        self
    }
    /// Advertises the projects' networks, or stops.
    pub fn advertise_tenant_networks(mut self, yes: bool) -> Self {
        self.advertise_tenant_networks = Some(yes);
        self
    }
}

impl Validate for UpdateOpts {}

/// Filters for listing BGP speakers; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgp::speakers::ListOpts;
/// let opts = ListOpts { name: Some("edge".into()), ip_version: Some(6), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "name=edge&ip_version=6");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By local AS number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_as: Option<u32>,
    /// By IP version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_version: Option<u8>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::common::resource_functions! {
    BgpSpeaker, "BGP speaker", "bgp_speakers", extract_bgp_speakers;
    list get create update delete find
}

crate::openstack::networking::v2::common::named!(BgpSpeaker);

impl crate::request::Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl crate::request::Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

/// A BGP peer named in an add or remove request, and in the add answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PeerRef {
    /// The BGP peer's ID.
    pub bgp_peer_id: String,
}

impl Validate for PeerRef {
    fn validate(&self) -> Result<()> {
        crate::request::require("bgp_peer_id", !self.bgp_peer_id.is_empty())
    }
}

/// A gateway network named in an add or remove request, and in the add answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NetworkRef {
    /// The network's ID.
    pub network_id: String,
}

impl Validate for NetworkRef {
    fn validate(&self) -> Result<()> {
        crate::request::require("network_id", !self.network_id.is_empty())
    }
}

/// A route a speaker advertises: a prefix and its next hop.
///
/// The plugin sends `destination` and `next_hop`; the API reference writes `cidr` and
/// `nexthop`, which are read as well.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AdvertisedRoute {
    /// The advertised prefix (`192.168.10.0/24`, or a floating IP's `/32`).
    #[serde(alias = "cidr")]
    pub destination: String,
    /// The next hop: the router's gateway address on the speaker's network.
    #[serde(alias = "nexthop")]
    pub next_hop: String,
}

/// Adds the BGP peer `bgp_peer_id` to a speaker (409 when the speaker already has a
/// peer at that address); answers with the peer's ID.
pub async fn add_bgp_peer(
    client: &ServiceClient,
    speaker_id: &str,
    bgp_peer_id: &str,
) -> ApiResult<PeerRef> {
    let body = PeerRef {
        bgp_peer_id: bgp_peer_id.to_string(),
    };
    client
        .request(&ADD_BGP_PEER, &[speaker_id])
        .body(&body)
        .send()
        .await
}

/// Removes the BGP peer `bgp_peer_id` from a speaker (404 when it is not one of its
/// peers).
pub async fn remove_bgp_peer(
    client: &ServiceClient,
    speaker_id: &str,
    bgp_peer_id: &str,
) -> ApiResult<()> {
    let body = PeerRef {
        bgp_peer_id: bgp_peer_id.to_string(),
    };
    client
        .request(&REMOVE_BGP_PEER, &[speaker_id])
        .body(&body)
        .send()
        .await
}

/// Binds the gateway network `network_id` to a speaker (one speaker per network and IP
/// version); answers with the network's ID.
pub async fn add_gateway_network(
    client: &ServiceClient,
    speaker_id: &str,
    network_id: &str,
) -> ApiResult<NetworkRef> {
    let body = NetworkRef {
        network_id: network_id.to_string(),
    };
    client
        .request(&ADD_GATEWAY_NETWORK, &[speaker_id])
        .body(&body)
        .send()
        .await
}

/// Unbinds the gateway network `network_id` from a speaker.
pub async fn remove_gateway_network(
    client: &ServiceClient,
    speaker_id: &str,
    network_id: &str,
) -> ApiResult<()> {
    let body = NetworkRef {
        network_id: network_id.to_string(),
    };
    client
        .request(&REMOVE_GATEWAY_NETWORK, &[speaker_id])
        .body(&body)
        .send()
        .await
}

/// The routes a speaker advertises (one answer, no pages).
pub async fn get_advertised_routes(
    client: &ServiceClient,
    speaker_id: &str,
) -> ApiResult<Vec<AdvertisedRoute>> {
    client
        .request(&GET_ADVERTISED_ROUTES, &[speaker_id])
        .send()
        .await
}
