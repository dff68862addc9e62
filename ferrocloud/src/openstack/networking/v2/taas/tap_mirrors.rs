//! Tap mirrors (`tap-mirror`): list, show, create, update (name and description),
//! delete, find. A mirror sends a port's traffic to a remote address in GRE or ERSPAN v1
//! tunnels, one tunnel ID per direction.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::taas::tap_mirrors::{self, CreateOpts, Directions, MirrorType};
//!
//! let opts = CreateOpts::new("{port_id}", "100.109.0.142", MirrorType::Gre, Directions::default().inbound(99));
//! let mirror = tap_mirrors::create(&network, &opts.name("mirror1")).await.extract()?;
//! tap_mirrors::delete(&network, &mirror.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List tap mirrors.
    LIST = GET "/taas/tap_mirrors" list("tap_mirrors", TapMirror);
    /// Show a tap mirror.
    GET = GET "/taas/tap_mirrors/{tap_mirror_id}" response("tap_mirror", TapMirror);
    /// Create a tap mirror.
    CREATE = POST "/taas/tap_mirrors" request("tap_mirror", CreateOpts)
        response("tap_mirror", TapMirror);
    /// Update a tap mirror.
    UPDATE = PUT "/taas/tap_mirrors/{tap_mirror_id}" request("tap_mirror", UpdateOpts)
        response("tap_mirror", TapMirror);
    /// Delete a tap mirror.
    DELETE = DELETE "/taas/tap_mirrors/{tap_mirror_id}";
}

/// The tunnel a mirror sends traffic in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MirrorType {
    /// ERSPAN type II (version 1).
    Erspanv1,
    /// GRE.
    Gre,
}

/// The mirrored directions and the tunnel ID (GRE key, ERSPAN session ID) of each.
///
/// ```
/// use ferrocloud::openstack::networking::v2::taas::tap_mirrors::Directions;
/// let d = Directions::default().inbound(99).outbound(100);
/// assert_eq!(serde_json::to_value(d).unwrap(), serde_json::json!({"IN": 99, "OUT": 100}));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Directions {
    /// Traffic into the port's instance.
    #[serde(rename = "IN", default, skip_serializing_if = "Option::is_none")]
    pub inbound: Option<u32>,
    /// Traffic out of the port's instance.
    #[serde(rename = "OUT", default, skip_serializing_if = "Option::is_none")]
    pub outbound: Option<u32>,
    /// Both, in one tunnel (`tap-mirror-both-direction`).
    #[serde(rename = "BOTH", default, skip_serializing_if = "Option::is_none")]
    pub both: Option<u32>,
}

impl Directions {
    /// Mirrors inbound traffic with tunnel ID `id`.
    pub fn inbound(mut self, id: u32) -> Self {
        self.inbound = Some(id);
        self
    }
    /// Mirrors outbound traffic with tunnel ID `id`.
    pub fn outbound(mut self, id: u32) -> Self {
        self.outbound = Some(id);
        self
    }
    /// Mirrors both directions with tunnel ID `id`.
    pub fn both(mut self, id: u32) -> Self {
        self.both = Some(id);
        self
    }
}

/// A tap mirror.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TapMirror {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The port whose traffic is mirrored.
    pub port_id: String,
    /// The mirrored directions and their tunnel IDs.
    pub directions: Directions,
    /// Where the tunnels go.
    pub remote_ip: String,
    /// The tunnel type.
    pub mirror_type: MirrorType,
    /// The owning project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl TapMirror {
    /// The owning project, under either name.
    pub fn project(&self) -> Option<&str> {
        self.project_id.as_deref().or(self.tenant_id.as_deref())
    }
}

/// A new tap mirror.
///
/// ```
/// use ferrocloud::openstack::networking::v2::taas::tap_mirrors::{CreateOpts, Directions, MirrorType};
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("port-1", "100.109.0.142", MirrorType::Erspanv1,
///     Directions::default().inbound(99).outbound(100)).name("mirror2");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "mirror2",
///     "port_id": "port-1", "remote_ip": "100.109.0.142", "mirror_type": "erspanv1",
///     "directions": {"IN": 99, "OUT": 100}}));
/// assert!(CreateOpts::new("port-1", "100.109.0.142", MirrorType::Gre, Directions::default())
///     .validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The port whose traffic is mirrored.
    pub port_id: String,
    /// The directions to mirror and their tunnel IDs.
    pub directions: Directions,
    /// Where the tunnels go.
    pub remote_ip: String,
    /// The tunnel type.
    pub mirror_type: MirrorType,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// Mirrors `directions` of `port_id` to `remote_ip` in `mirror_type` tunnels.
    pub fn new(
        port_id: impl Into<String>,
        remote_ip: impl Into<String>,
        mirror_type: MirrorType,
        directions: Directions,
    ) -> Self {
        CreateOpts {
            name: None,
            description: None,
            port_id: port_id.into(),
            directions,
            remote_ip: remote_ip.into(),
            mirror_type,
            project_id: None,
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
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("port_id", !self.port_id.is_empty())?;
        crate::request::require("remote_ip", !self.remote_ip.is_empty())?;
        let d = &self.directions;
        if d.inbound.is_none() && d.outbound.is_none() && d.both.is_none() {
            return Err(Error::invalid_input(
                "directions: at least one of IN, OUT or BOTH must be set",
            ));
        }
        Ok(())
    }
}

/// Changes to a tap mirror: its name and description.
///
/// ```
/// use ferrocloud::openstack::networking::v2::taas::tap_mirrors::UpdateOpts;
/// let opts = UpdateOpts::default().name("my_tap_mirror");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "my_tap_mirror"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
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
}

impl Validate for UpdateOpts {}

/// Filters for listing tap mirrors; sorting, paging and other filters are in
/// `controls`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::common::resource_functions! {
    TapMirror, "tap mirror", "tap_mirrors", extract_tap_mirrors;
    list get create update delete find
}

crate::openstack::networking::v2::common::named!(TapMirror);

impl crate::request::Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl crate::request::Extensible for UpdateOpts {
    type Base = UpdateOpts;
}
