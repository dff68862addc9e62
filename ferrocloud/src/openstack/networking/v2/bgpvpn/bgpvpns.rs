//! BGP VPNs: list, show, create, update, delete, find.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::bgpvpn::bgpvpns::{self, BgpvpnType, CreateOpts, UpdateOpts};
//!
//! let opts = CreateOpts::new("blue").kind(BgpvpnType::L3).route_targets(["64512:1444"]).vni(1000);
//! let vpn = bgpvpns::create(&network, &opts).await.extract()?;
//! // Clear the import targets, keep the rest.
//! bgpvpns::update(&network, &vpn.id, &UpdateOpts::default().import_targets(Vec::<String>::new()))
//!     .await.extract()?;
//! bgpvpns::delete(&network, &vpn.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List BGP VPNs.
    LIST = GET "/bgpvpn/bgpvpns" list("bgpvpns", Bgpvpn);
    /// Show a BGP VPN.
    GET = GET "/bgpvpn/bgpvpns/{bgpvpn_id}" response("bgpvpn", Bgpvpn);
    /// Create a BGP VPN.
    CREATE = POST "/bgpvpn/bgpvpns" request("bgpvpn", CreateOpts) response("bgpvpn", Bgpvpn);
    /// Update a BGP VPN.
    UPDATE = PUT "/bgpvpn/bgpvpns/{bgpvpn_id}" request("bgpvpn", UpdateOpts)
        response("bgpvpn", Bgpvpn);
    /// Delete a BGP VPN.
    DELETE = DELETE "/bgpvpn/bgpvpns/{bgpvpn_id}";
}

/// What a BGP VPN carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BgpvpnType {
    /// IP routes (an IP VPN; the default).
    L3,
    /// Ethernet (an EVPN).
    L2,
}

/// A BGP VPN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Bgpvpn {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// What it carries.
    #[serde(rename = "type")]
    pub kind: BgpvpnType,
    /// Route targets imported and exported.
    pub route_targets: Vec<String>,
    /// Route targets imported only.
    pub import_targets: Vec<String>,
    /// Route targets exported only.
    pub export_targets: Vec<String>,
    /// Route distinguishers to use (chosen by the driver when empty).
    pub route_distinguishers: Vec<String>,
    /// The IDs of the networks associated with it.
    pub networks: Vec<String>,
    /// The IDs of the routers associated with it.
    pub routers: Vec<String>,
    /// The IDs of the ports associated with it (`bgpvpn-routes-control`).
    #[serde(default)]
    pub ports: Vec<String>,
    /// The BGP local preference of its routes (`bgpvpn-routes-control`; `None`: the
    /// driver's default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_pref: Option<u32>,
    /// Its VXLAN VNI (`bgpvpn-vni`; `None`: the driver chooses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vni: Option<u32>,
    /// Shared with other projects through RBAC (`rbac-bgpvpn`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// Its description (`standard-attr-bgpvpn`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its tags (`standard-attr-bgpvpn`).
    #[serde(default)]
    pub tags: Vec<String>,
    /// When it was created (`standard-attr-bgpvpn`).
    #[serde(default, with = "crate::dates::option", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it last changed (`standard-attr-bgpvpn`).
    #[serde(default, with = "crate::dates::option", skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// Incremented on every change (`standard-attr-bgpvpn`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// The owning project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The owning project, under its older name (the plugin's own name for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl Bgpvpn {
    /// The owning project, under either name.
    pub fn project(&self) -> Option<&str> {
        self.project_id.as_deref().or(self.tenant_id.as_deref())
    }
}

/// Checks route targets and distinguishers: `ASN:n` (`64512:1444`) or `IPv4:n`
/// (`192.0.2.1:7`).
fn check_rtrd(field: &str, values: &Option<Vec<String>>) -> Result<()> {
    for v in values.iter().flatten() {
        let ok = v.rsplit_once(':').is_some_and(|(admin, n)| {
            !admin.is_empty()
                && (admin.parse::<u32>().is_ok() || admin.parse::<std::net::Ipv4Addr>().is_ok())
                && n.parse::<u32>().is_ok()
        });
        if !ok {
            return Err(Error::invalid_input(format!(
                "{field}: {v:?} is not ASN:number or IPv4:number"
            )));
        }
    }
    Ok(())
}

fn strings<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> Option<Vec<String>> {
    Some(items.into_iter().map(Into::into).collect())
}

/// A new BGP VPN; every field may be left out.
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgpvpn::bgpvpns::{BgpvpnType, CreateOpts};
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("blue").kind(BgpvpnType::L3).route_targets(["64512:1444"]).vni(1000);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "blue",
///     "type": "l3", "route_targets": ["64512:1444"], "vni": 1000}));
/// assert!(CreateOpts::new("bad").route_targets(["64512"]).validate().is_err());
/// assert!(CreateOpts::new("ip").route_distinguishers(["192.0.2.1:7"]).validate().is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What it carries (`l3` by default).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<BgpvpnType>,
    /// Route targets to import and export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_targets: Option<Vec<String>>,
    /// Route targets to import only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_targets: Option<Vec<String>>,
    /// Route targets to export only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_targets: Option<Vec<String>>,
    /// Route distinguishers to use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_distinguishers: Option<Vec<String>>,
    /// The BGP local preference (`bgpvpn-routes-control`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_pref: Option<u32>,
    /// The VXLAN VNI (`bgpvpn-vni`, 1–16777215).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vni: Option<u32>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name (the API reference's sample sends it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A BGP VPN named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: Some(name.into()),
            ..Default::default()
        }
    }
    /// Sets what it carries.
    pub fn kind(mut self, kind: BgpvpnType) -> Self {
        self.kind = Some(kind);
        self
    }
    /// Sets the route targets to import and export.
    pub fn route_targets<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.route_targets = strings(v);
        self
    }
    /// Sets the route targets to import only.
    pub fn import_targets<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.import_targets = strings(v);
        self
    }
    /// Sets the route targets to export only.
    pub fn export_targets<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.export_targets = strings(v);
        self
    }
    /// Sets the route distinguishers.
    pub fn route_distinguishers<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.route_distinguishers = strings(v);
        self
    }
    /// Sets the local preference.
    pub fn local_pref(mut self, local_pref: u32) -> Self {
        self.local_pref = Some(local_pref);
        self
    }
    /// Sets the VXLAN VNI.
    pub fn vni(mut self, vni: u32) -> Self {
        self.vni = Some(vni);
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
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        if let Some(vni) = self.vni
            && !(1..=16_777_215).contains(&vni)
        {
            return Err(Error::invalid_input(format!(
                "vni must be between 1 and 16777215, not {vni}"
            )));
        }
        check_rtrd("route_targets", &self.route_targets)?;
        check_rtrd("import_targets", &self.import_targets)?;
        check_rtrd("export_targets", &self.export_targets)?;
        check_rtrd("route_distinguishers", &self.route_distinguishers)
    }
}

/// Changes to a BGP VPN; unset fields are left as they are, and an empty list clears
/// one (its type and VNI cannot change).
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgpvpn::bgpvpns::UpdateOpts;
/// let opts = UpdateOpts::default().name("foo").route_targets(["64512:1444"])
///     .export_targets(Vec::<String>::new());
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "foo",
///     "route_targets": ["64512:1444"], "export_targets": []}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New route targets to import and export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_targets: Option<Vec<String>>,
    /// New route targets to import only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_targets: Option<Vec<String>>,
    /// New route targets to export only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_targets: Option<Vec<String>>,
    /// New route distinguishers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_distinguishers: Option<Vec<String>>,
    /// A new local preference (`bgpvpn-routes-control`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_pref: Option<u32>,
}

impl UpdateOpts {
    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Replaces the route targets to import and export.
    pub fn route_targets<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.route_targets = strings(v);
        self
    }
    /// Replaces the route targets to import only.
    pub fn import_targets<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.import_targets = strings(v);
        self
    }
    /// Replaces the route targets to export only.
    pub fn export_targets<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.export_targets = strings(v);
        self
    }
    /// Replaces the route distinguishers.
    pub fn route_distinguishers<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.route_distinguishers = strings(v);
        self
    }
    /// Sets the local preference.
    pub fn local_pref(mut self, local_pref: u32) -> Self {
        self.local_pref = Some(local_pref);
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        check_rtrd("route_targets", &self.route_targets)?;
        check_rtrd("import_targets", &self.import_targets)?;
        check_rtrd("export_targets", &self.export_targets)?;
        check_rtrd("route_distinguishers", &self.route_distinguishers)
    }
}

/// Filters for listing BGP VPNs; sorting, paging and other filters are in `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::bgpvpn::bgpvpns::ListOpts;
/// let opts = ListOpts { networks: Some("net-1".into()), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "networks=net-1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<BgpvpnType>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The BGP VPNs associated with this network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub networks: Option<String>,
    /// The BGP VPNs associated with this router.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routers: Option<String>,
    /// The BGP VPNs associated with this port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ports: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::common::resource_functions! {
    Bgpvpn, "BGP VPN", "bgpvpns", extract_bgpvpns;
    list get create update delete find
}

crate::openstack::networking::v2::common::named!(Bgpvpn);

impl crate::request::Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl crate::request::Extensible for UpdateOpts {
    type Base = UpdateOpts;
}
