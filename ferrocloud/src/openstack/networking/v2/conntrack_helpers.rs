//! Conntrack helpers of a router (`l3-conntrack-helper`): netfilter helpers (FTP, TFTP,
//! SIP…) that the router runs for a protocol and port, so that related connections
//! pass its firewall and NAT. A router lists them in its `conntrack_helpers` attribute
//! ([`ConntrackHelpers`](crate::openstack::networking::v2::extensions::l3_conntrack_helper::ConntrackHelpers)).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, router: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::conntrack_helpers::{self, CreateOpts, UpdateOpts};
//! let helper = conntrack_helpers::create(&network, router, &CreateOpts::new("tcp", 21, "ftp")).await.extract()?;
//! conntrack_helpers::update(&network, router, &helper.id, &UpdateOpts::default().port(2121)).await.ok()?;
//! conntrack_helpers::delete(&network, router, &helper.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List the conntrack helpers of a router.
    LIST = GET "/routers/{router_id}/conntrack_helpers"
        list("conntrack_helpers", ConntrackHelper);
    /// Show a conntrack helper.
    GET = GET "/routers/{router_id}/conntrack_helpers/{conntrack_helper_id}"
        response("conntrack_helper", ConntrackHelper);
    /// Create a conntrack helper.
    CREATE = POST "/routers/{router_id}/conntrack_helpers"
        request("conntrack_helper", CreateOpts) response("conntrack_helper", ConntrackHelper);
    /// Update a conntrack helper.
    UPDATE = PUT "/routers/{router_id}/conntrack_helpers/{conntrack_helper_id}"
        request("conntrack_helper", UpdateOpts) response("conntrack_helper", ConntrackHelper);
    /// Delete a conntrack helper.
    DELETE = DELETE "/routers/{router_id}/conntrack_helpers/{conntrack_helper_id}";
}

/// A conntrack helper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ConntrackHelper {
    /// The ID.
    pub id: String,
    /// The protocol (`tcp`, `udp`…).
    pub protocol: String,
    /// The netfilter helper (`ftp`, `tftp`…).
    pub helper: String,
    /// The port the helper watches.
    pub port: u16,
}

/// Options for creating a conntrack helper.
///
/// ```
/// use ferrocloud::openstack::networking::v2::conntrack_helpers::CreateOpts;
/// use ferrocloud::request::Validate;
/// assert_eq!(serde_json::to_value(CreateOpts::new("udp", 69, "tftp")).unwrap(),
///     serde_json::json!({"protocol": "udp", "port": 69, "helper": "tftp"}));
/// assert!(CreateOpts::new("udp", 0, "tftp").validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The protocol (`tcp`, `udp`…; Neutron checks it against the helpers it allows).
    pub protocol: String,
    /// The port (1 to 65535).
    pub port: u16,
    /// The helper.
    pub helper: String,
}

impl CreateOpts {
    /// Runs `helper` for `protocol` on `port`.
    pub fn new(protocol: impl Into<String>, port: u16, helper: impl Into<String>) -> Self {
        CreateOpts {
            protocol: protocol.into(),
            port,
            helper: helper.into(),
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("protocol", !self.protocol.is_empty())?;
        crate::request::require("helper", !self.helper.is_empty())?;
        if self.port == 0 {
            return Err(Error::invalid_input("port goes from 1 to 65535"));
        }
        Ok(())
    }
}

/// Changes to a conntrack helper; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::conntrack_helpers::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::default().helper("tftp").port(69)).unwrap(),
///     serde_json::json!({"helper": "tftp", "port": 69}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new protocol.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// A new port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// A new helper.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helper: Option<String>,
}

impl UpdateOpts {
    /// Sets the protocol.
    pub fn protocol(mut self, protocol: impl Into<String>) -> Self {
        self.protocol = Some(protocol.into());
        self
    }
    /// Sets the port.
    pub fn port(mut self, port: u16) -> Self {
        self.port = Some(port);
        self
    }
    /// Sets the helper.
    pub fn helper(mut self, helper: impl Into<String>) -> Self {
        self.helper = Some(helper.into());
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.port == Some(0) {
            return Err(Error::invalid_input("port goes from 1 to 65535"));
        }
        Ok(())
    }
}

/// Filters for listing a router's conntrack helpers.
///
/// ```
/// use ferrocloud::openstack::networking::v2::conntrack_helpers::ListOpts;
/// let opts = ListOpts { helper: Some("ftp".into()), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "helper=ftp");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By protocol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// By port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// By helper.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub helper: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::child_resource_functions! {
    ConntrackHelper, "conntrack helper", "conntrack_helpers", "router", extract_conntrack_helpers,
    ListOpts; list get create update delete
}
