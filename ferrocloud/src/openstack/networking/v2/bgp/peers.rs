//! BGP peers: list, show, create, update (name and password), delete, find.
//!
//! A peer is an address and a remote AS number, with an optional MD5 password. The
//! password is write-only: Neutron never shows it, and the option types here hold it as
//! a [`SecretString`](crate::SecretString) that `Debug` prints as `[REDACTED]`.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::bgp::peers::{self, AuthType, CreateOpts, UpdateOpts};
//!
//! let peer = peers::create(&network, &CreateOpts::new("upstream", "192.0.2.1", 64513).md5("first"))
//!     .await.extract()?;
//! assert_eq!(peer.auth_type, AuthType::Md5);
//! peers::update(&network, &peer.id, &UpdateOpts::default().password("second")).await.extract()?;
//! peers::delete(&network, &peer.id).await.ok()?;
//! # Ok(()) }
//! ```

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List BGP peers.
    LIST = GET "/bgp-peers" list("bgp_peers", BgpPeer);
    /// Show a BGP peer.
    GET = GET "/bgp-peers/{bgp-peer-id}" response("bgp_peer", BgpPeer);
    /// Create a BGP peer.
    CREATE = POST "/bgp-peers" request("bgp_peer", CreateOpts) response("bgp_peer", BgpPeer);
    /// Update a BGP peer (its name or password).
    UPDATE = PUT "/bgp-peers/{bgp-peer-id}" request("bgp_peer", UpdateOpts)
        response("bgp_peer", BgpPeer);
    /// Delete a BGP peer.
    DELETE = DELETE "/bgp-peers/{bgp-peer-id}";
}

/// How a BGP session with the peer is authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthType {
    /// No authentication.
    #[default]
    None,
    /// TCP MD5 signatures (RFC 2385) with the peer's password.
    Md5,
}

/// A BGP peer (its password is never shown).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BgpPeer {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// The peer's address.
    pub peer_ip: String,
    /// The peer's AS number (the API reference's samples write it as text or as a
    /// number).
    #[serde(deserialize_with = "super::as_number")]
    pub remote_as: u32,
    /// How sessions are authenticated.
    pub auth_type: AuthType,
    /// The owning project. The plugin sends it; the API reference's samples write
    /// `tenant_id` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The owning project, under its older name (the API reference's samples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl BgpPeer {
    /// The owning project, under either name.
    pub fn project(&self) -> Option<&str> {
        self.project_id.as_deref().or(self.tenant_id.as_deref())
    }
}

/// A new BGP peer: a name, an address and a remote AS number, without authentication
/// unless [`md5`](CreateOpts::md5) sets a password. The password is shown as
/// `[REDACTED]` by `Debug`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgp::peers::CreateOpts;
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("bgp-peer", "10.0.0.3", 1001);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "bgp-peer",
///     "peer_ip": "10.0.0.3", "remote_as": 1001, "auth_type": "none"}));
/// let md5 = CreateOpts::new("bgp-peer", "10.0.0.3", 1001).md5("s3cret-pw");
/// assert_eq!(serde_json::to_value(&md5).unwrap()["password"], "s3cret-pw");
/// assert!(!format!("{md5:?}").contains("s3cret-pw"));
/// let mut no_password = md5.clone();
/// no_password.password = None;
/// assert!(no_password.validate().is_err());
/// ```
#[derive(Clone, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The peer's address (IPv4 or IPv6).
    pub peer_ip: String,
    /// The peer's AS number (1–65535; up to 4294967295 with `bgp_4byte_asn`).
    #[serde(deserialize_with = "super::as_number")]
    pub remote_as: u32,
    /// How sessions are authenticated (required by Neutron; `none` by default here).
    pub auth_type: AuthType,
    /// The MD5 password (with [`AuthType::Md5`] only).
    #[serde(
        default,
        with = "crate::de::secret::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub password: Option<SecretString>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl std::fmt::Debug for CreateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateOpts")
            .field("name", &self.name)
            .field("peer_ip", &self.peer_ip)
            .field("remote_as", &self.remote_as)
            .field("auth_type", &self.auth_type)
            .field("password", &self.password.as_ref().map(|_| "[REDACTED]"))
            .field("project_id", &self.project_id)
            .finish()
    }
}

impl CreateOpts {
    /// A peer named `name` at `peer_ip` in AS `remote_as`, without authentication.
    pub fn new(name: impl Into<String>, peer_ip: impl Into<String>, remote_as: u32) -> Self {
        CreateOpts {
            name: Some(name.into()),
            peer_ip: peer_ip.into(),
            remote_as,
            ..Default::default()
        }
    }
    /// Authenticates sessions with MD5 signatures and this password.
    pub fn md5(mut self, password: impl Into<String>) -> Self {
        self.auth_type = AuthType::Md5;
        self.password = Some(SecretString::from(password.into()));
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
        crate::request::require("peer_ip", !self.peer_ip.is_empty())?;
        super::check_as("remote_as", self.remote_as)?;
        match (self.auth_type, &self.password) {
            (AuthType::Md5, None) => Err(Error::invalid_input(
                "password is required with auth_type md5",
            )),
            (AuthType::None, Some(_)) => Err(Error::invalid_input(
                "a password needs auth_type md5",
            )),
            _ => Ok(()),
        }
    }
}

/// Changes to a BGP peer: its name and password (the address, AS number and
/// authentication type cannot change). The password is shown as `[REDACTED]` by
/// `Debug`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgp::peers::UpdateOpts;
/// let opts = UpdateOpts::default().name("renamed").password("n3w-pw");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "renamed", "password": "n3w-pw"}));
/// assert!(!format!("{opts:?}").contains("n3w-pw"));
/// ```
#[derive(Clone, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new MD5 password.
    #[serde(
        default,
        with = "crate::de::secret::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub password: Option<SecretString>,
}

impl std::fmt::Debug for UpdateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpdateOpts")
            .field("name", &self.name)
            .field("password", &self.password.as_ref().map(|_| "[REDACTED]"))
            .finish()
    }
}

impl UpdateOpts {
    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets a new password.
    pub fn password(mut self, password: impl Into<String>) -> Self {
        self.password = Some(SecretString::from(password.into()));
        self
    }
}

impl Validate for UpdateOpts {}

/// Filters for listing BGP peers; sorting, paging and other filters are in `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgp::peers::ListOpts;
/// let opts = ListOpts { peer_ip: Some("10.0.0.3".into()), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "peer_ip=10.0.0.3");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peer_ip: Option<String>,
    /// By remote AS number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_as: Option<u32>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::common::resource_functions! {
    BgpPeer, "BGP peer", "bgp_peers", extract_bgp_peers;
    list get create update delete find
}

crate::openstack::networking::v2::common::named!(BgpPeer);

impl crate::request::Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl crate::request::Extensible for UpdateOpts {
    type Base = UpdateOpts;
}
