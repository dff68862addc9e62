//! IPsec site connections (VPNaaS): list, show, create, update, delete, find. A
//! connection is a tunnel from a [VPN service](crate::openstack::networking::v2::vpnaas::services)
//! to a peer, authenticated with a pre-shared key. The key is held as a
//! [`SecretString`](crate::SecretString): `Debug` shows `[REDACTED]`, and an error
//! message that quotes it has it replaced.
//!
//! neutron-vpnaas refuses to update a connection whose status is `PENDING_*` (400):
//! without a VPN agent a new connection stays `PENDING_CREATE`.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::vpnaas::site_connections::{self, CreateOpts};
//! use ferrocloud::ExposeSecret;
//!
//! let opts = CreateOpts::new("{vpnservice_id}", "{ikepolicy_id}", "{ipsecpolicy_id}",
//!         "172.24.4.233", "172.24.4.233", "s3cret")
//!     .endpoint_groups("{local_ep_group_id}", "{peer_ep_group_id}")
//!     .name("to-branch");
//! let conn = site_connections::create(&network, &opts).await.extract()?;
//! assert_eq!(conn.psk.expose_secret(), "s3cret");
//! site_connections::delete(&network, &conn.id).await.ok()?;
//! # Ok(()) }
//! ```

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List IPsec site connections.
    LIST = GET "/vpn/ipsec-site-connections" list("ipsec_site_connections", SiteConnection);
    /// Show an IPsec site connection.
    GET = GET "/vpn/ipsec-site-connections/{connection_id}"
        response("ipsec_site_connection", SiteConnection);
    /// Create an IPsec site connection.
    CREATE = POST "/vpn/ipsec-site-connections" request("ipsec_site_connection", CreateOpts)
        response("ipsec_site_connection", SiteConnection);
    /// Update an IPsec site connection.
    UPDATE = PUT "/vpn/ipsec-site-connections/{connection_id}"
        request("ipsec_site_connection", UpdateOpts) response("ipsec_site_connection", SiteConnection);
    /// Delete an IPsec site connection.
    DELETE = DELETE "/vpn/ipsec-site-connections/{connection_id}";
}

/// Which side may start the negotiation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Initiator {
    /// Either side (the default).
    BiDirectional,
    /// Only the peer.
    ResponseOnly,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// What dead peer detection does when the peer stops answering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DpdAction {
    /// Keep the tunnel and wait (the default).
    Hold,
    /// Tear the tunnel down.
    Clear,
    /// Renegotiate.
    Restart,
    /// Renegotiate when the peer comes back.
    RestartByPeer,
    /// No dead peer detection.
    Disabled,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// Dead peer detection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Dpd {
    /// What to do with a dead peer.
    pub action: DpdAction,
    /// Seconds between probes.
    pub interval: u32,
    /// Seconds without an answer before the peer is dead (more than `interval`).
    pub timeout: u32,
}

impl Dpd {
    /// Dead peer detection with `action`, probing every `interval` seconds, dead after
    /// `timeout`.
    pub fn new(action: DpdAction, interval: u32, timeout: u32) -> Self {
        Dpd {
            action,
            interval,
            timeout,
        }
    }

    fn check(&self) -> Result<()> {
        if self.interval == 0 || self.timeout <= self.interval {
            return Err(Error::invalid_input(format!(
                "dpd: the timeout ({}) must be longer than the interval ({}), which must not be 0",
                self.timeout, self.interval
            )));
        }
        Ok(())
    }
}

/// An IPsec site connection. `Debug` shows the pre-shared key as `[REDACTED]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SiteConnection {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The peer's public address (or FQDN).
    pub peer_address: String,
    /// The peer's IKE identity (an address, FQDN, email or key ID).
    pub peer_id: String,
    /// The local IKE identity (neutron-vpnaas sends `""` for the external address; the
    /// API reference's samples leave it out).
    #[serde(default)]
    pub local_id: Option<String>,
    /// The peer's CIDRs (connections of services with a subnet; empty with endpoint
    /// groups).
    pub peer_cidrs: Vec<String>,
    /// The local endpoint group (subnets).
    #[serde(default, deserialize_with = "crate::de::nullable")]
    pub local_ep_group_id: Option<String>,
    /// The peer endpoint group (CIDRs).
    #[serde(default, deserialize_with = "crate::de::nullable")]
    pub peer_ep_group_id: Option<String>,
    /// The route mode (`static`).
    pub route_mode: String,
    /// The MTU of the tunnel.
    pub mtu: u32,
    /// The authentication mode (`psk`).
    pub auth_mode: String,
    /// The pre-shared key: neutron-vpnaas sends it back to the owner.
    #[serde(with = "crate::de::secret")]
    pub psk: SecretString,
    /// Which side may start the negotiation.
    pub initiator: Initiator,
    /// Dead peer detection.
    pub dpd: Dpd,
    /// The administrative state.
    pub admin_state_up: bool,
    /// `ACTIVE`, `DOWN`, `ERROR` or `PENDING_*`.
    pub status: String,
    /// The VPN service it belongs to.
    pub vpnservice_id: String,
    /// Its IKE policy.
    pub ikepolicy_id: String,
    /// Its IPsec policy.
    pub ipsecpolicy_id: String,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

crate::openstack::networking::v2::plugin_crud::named!(SiteConnection);

fn check_common(
    psk: &Option<SecretString>,
    mtu: Option<u32>,
    dpd: &Option<Dpd>,
    peer_cidrs: &Option<Vec<String>>,
    peer_ep_group_id: &Option<String>,
) -> Result<()> {
    use secrecy::ExposeSecret;
    if psk.as_ref().is_some_and(|k| k.expose_secret().is_empty()) {
        return Err(Error::invalid_input("psk must not be empty"));
    }
    if mtu.is_some_and(|m| m < 68) {
        return Err(Error::invalid_input("mtu must be at least 68"));
    }
    if let Some(d) = dpd {
        d.check()?;
    }
    if peer_cidrs.as_ref().is_some_and(|c| !c.is_empty()) && peer_ep_group_id.is_some() {
        return Err(Error::invalid_input(
            "set peer_cidrs or the endpoint groups, not both",
        ));
    }
    Ok(())
}

/// Options for creating an IPsec site connection. `Debug` shows the pre-shared key as
/// `[REDACTED]`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::site_connections::CreateOpts;
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("svc", "ike", "ipsec", "203.0.113.9", "203.0.113.9", "s3cret")
///     .endpoint_groups("locals", "peers").mtu(1400);
/// assert!(!format!("{opts:?}").contains("s3cret"));
/// let body = serde_json::to_value(&opts).unwrap();
/// assert_eq!(body["psk"], "s3cret");
/// assert_eq!(body["local_ep_group_id"], "locals");
/// assert!(opts.peer_cidrs(["10.0.0.0/24"]).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The VPN service (required).
    pub vpnservice_id: String,
    /// The IKE policy (required).
    pub ikepolicy_id: String,
    /// The IPsec policy (required).
    pub ipsecpolicy_id: String,
    /// The peer's public address or FQDN (required).
    pub peer_address: String,
    /// The peer's IKE identity (required; usually its address).
    pub peer_id: String,
    /// The pre-shared key (required).
    #[serde(default, with = "crate::de::secret::option", skip_serializing_if = "Option::is_none")]
    pub psk: Option<SecretString>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The local IKE identity (the external address by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_id: Option<String>,
    /// The local endpoint group (subnets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_ep_group_id: Option<String>,
    /// The peer endpoint group (CIDRs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_ep_group_id: Option<String>,
    /// The peer's CIDRs (for a service with a subnet, instead of endpoint groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_cidrs: Option<Vec<String>>,
    /// The MTU (1500 by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mtu: Option<u32>,
    /// Which side may start the negotiation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiator: Option<Initiator>,
    /// Dead peer detection (hold, 30 s, 120 s by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpd: Option<Dpd>,
    /// The administrative state (up by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A connection of `vpnservice_id` with the two policies, to the peer at
    /// `peer_address` known as `peer_id`, with the pre-shared key `psk`.
    pub fn new(
        vpnservice_id: impl Into<String>,
        ikepolicy_id: impl Into<String>,
        ipsecpolicy_id: impl Into<String>,
        peer_address: impl Into<String>,
        peer_id: impl Into<String>,
        psk: impl Into<String>,
    ) -> Self {
        CreateOpts {
            vpnservice_id: vpnservice_id.into(),
            ikepolicy_id: ikepolicy_id.into(),
            ipsecpolicy_id: ipsecpolicy_id.into(),
            peer_address: peer_address.into(),
            peer_id: peer_id.into(),
            psk: Some(SecretString::from(psk.into())),
            ..Default::default()
        }
    }
    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Sets the local IKE identity.
    pub fn local_id(mut self, local_id: impl Into<String>) -> Self {
        self.local_id = Some(local_id.into());
        self
    }
    /// Sets the local (subnets) and peer (CIDRs) endpoint groups.
    pub fn endpoint_groups(mut self, local: impl Into<String>, peer: impl Into<String>) -> Self {
        self.local_ep_group_id = Some(local.into());
        self.peer_ep_group_id = Some(peer.into());
        self
    }
    /// Sets the peer's CIDRs (instead of endpoint groups).
    pub fn peer_cidrs<I: IntoIterator<Item = S>, S: Into<String>>(mut self, cidrs: I) -> Self {
        self.peer_cidrs = Some(cidrs.into_iter().map(Into::into).collect());
        self
    }
    /// Sets the MTU.
    pub fn mtu(mut self, mtu: u32) -> Self {
        self.mtu = Some(mtu);
        self
    }
    /// Sets which side may start the negotiation.
    pub fn initiator(mut self, initiator: Initiator) -> Self {
        self.initiator = Some(initiator);
        self
    }
    /// Sets dead peer detection.
    pub fn dpd(mut self, dpd: Dpd) -> Self {
        self.dpd = Some(dpd);
        self
    }
    /// Sets the administrative state.
    pub fn admin_state_up(mut self, up: bool) -> Self {
        self.admin_state_up = Some(up);
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        for (field, value) in [
            ("vpnservice_id", &self.vpnservice_id),
            ("ikepolicy_id", &self.ikepolicy_id),
            ("ipsecpolicy_id", &self.ipsecpolicy_id),
            ("peer_address", &self.peer_address),
            ("peer_id", &self.peer_id),
        ] {
            crate::request::require(field, !value.is_empty())?;
        }
        crate::request::require("psk", self.psk.is_some())?;
        if self.local_ep_group_id.is_some() != self.peer_ep_group_id.is_some() {
            return Err(Error::invalid_input(
                "set both endpoint groups (local and peer), or neither",
            ));
        }
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        check_common(
            &self.psk,
            self.mtu,
            &self.dpd,
            &self.peer_cidrs,
            &self.peer_ep_group_id,
        )
    }
}

/// Changes to an IPsec site connection; unset fields are left as they are. `Debug`
/// shows a new pre-shared key as `[REDACTED]`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::site_connections::UpdateOpts;
/// let opts = UpdateOpts::default().mtu(2000).psk("n3w");
/// assert!(!format!("{opts:?}").contains("n3w"));
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"psk": "n3w", "mtu": 2000}));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A new pre-shared key.
    #[serde(default, with = "crate::de::secret::option", skip_serializing_if = "Option::is_none")]
    pub psk: Option<SecretString>,
    /// A new peer address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_address: Option<String>,
    /// A new peer identity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_id: Option<String>,
    /// A new local identity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_id: Option<String>,
    /// A new local endpoint group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_ep_group_id: Option<String>,
    /// A new peer endpoint group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_ep_group_id: Option<String>,
    /// New peer CIDRs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_cidrs: Option<Vec<String>>,
    /// A new MTU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mtu: Option<u32>,
    /// A new initiator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiator: Option<Initiator>,
    /// New dead peer detection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpd: Option<Dpd>,
    /// A new administrative state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
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
    /// Sets a new pre-shared key.
    pub fn psk(mut self, psk: impl Into<String>) -> Self {
        self.psk = Some(SecretString::from(psk.into()));
        self
    }
    /// Sets the MTU.
    pub fn mtu(mut self, mtu: u32) -> Self {
        self.mtu = Some(mtu);
        self
    }
    /// Sets dead peer detection.
    pub fn dpd(mut self, dpd: Dpd) -> Self {
        self.dpd = Some(dpd);
        self
    }
    /// Sets the administrative state.
    pub fn admin_state_up(mut self, up: bool) -> Self {
        self.admin_state_up = Some(up);
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        check_common(
            &self.psk,
            self.mtu,
            &self.dpd,
            &self.peer_cidrs,
            &self.peer_ep_group_id,
        )
    }
}

/// Filters for listing IPsec site connections; sorting, paging and other filters are
/// in `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::site_connections::ListOpts;
/// let opts = ListOpts { vpnservice_id: Some("svc".into()), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "vpnservice_id=svc");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By VPN service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vpnservice_id: Option<String>,
    /// By IKE policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ikepolicy_id: Option<String>,
    /// By IPsec policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ipsecpolicy_id: Option<String>,
    /// By peer address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peer_address: Option<String>,
    /// By status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::plugin_crud::plugin_functions! {
    SiteConnection, "IPsec site connection", "IPsec site connections", "ipsec_site_connections",
    extract_site_connections
}
