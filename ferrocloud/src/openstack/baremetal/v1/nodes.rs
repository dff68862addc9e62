//! Nodes: the bare metal machines Ironic manages. Create one with its driver and the
//! driver's credentials (`driver_info`), change it with a JSON Patch
//! ([`Patch`](crate::openstack::baremetal::v1::common::Patch)), move it through its
//! provision states with [`crate::openstack::baremetal::v1::node_states`], and read or
//! set its traits, VIFs, maintenance flag and interface validation here. Ironic
//! addresses a node by name or UUID alike.
//!
//! `driver_info` and `instance_info` are [`SecretMap`](crate::openstack::baremetal::v1::nodes::SecretMap)s: `Debug` hides the
//! values of their secret keys (`ipmi_password`, `redfish_password`…). Ironic itself
//! answers with `"******"` in their place.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::{common::Patch, nodes::{self, CreateOpts}};
//! let opts = CreateOpts::new("ipmi").name("node-1")
//!     .driver_info("ipmi_address", "192.0.2.10")
//!     .driver_info("ipmi_password", "s3cr3t");
//! let node = nodes::create(&ironic, &opts).await.extract()?;
//! let node = nodes::update(&ironic, &node.uuid, &Patch::new().add("/extra/rack", "r12")).await.extract()?;
//! for n in nodes::list(&ironic, &Default::default()).all().await? {
//!     println!("{} {:?} {}", n.uuid, n.name, n.provision_state);
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{Links, Listing, Object, Versioned, since, text_enum};
use crate::dates::Timestamp;
use crate::pagination::Pager;
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "baremetal";
    /// Create a node.
    CREATE = POST "/nodes" request(CreateOpts) response(Node);
    /// List nodes.
    LIST = GET "/nodes" list("nodes", NodeSummary);
    /// List nodes with their details.
    LIST_DETAIL = GET "/nodes/detail" list("nodes", Node);
    /// Show a node.
    GET = GET "/nodes/{node_ident}" response(Node);
    /// Update a node (JSON Patch).
    UPDATE = PATCH "/nodes/{node_ident}" request(super::common::Patch) response(Node);
    /// Delete a node.
    DELETE = DELETE "/nodes/{node_ident}";
    /// Validate a node's interfaces.
    VALIDATE = GET "/nodes/{node_ident}/validate" response(NodeValidation);
    /// Put a node in maintenance.
    SET_MAINTENANCE = PUT "/nodes/{node_ident}/maintenance" request(MaintenanceOpts);
    /// Take a node out of maintenance.
    UNSET_MAINTENANCE = DELETE "/nodes/{node_ident}/maintenance";
    /// List a node's traits.
    LIST_TRAITS = GET "/nodes/{node_ident}/traits" since("1.37") response("traits", Vec<String>);
    /// Replace a node's traits.
    SET_TRAITS = PUT "/nodes/{node_ident}/traits" since("1.37") request(TraitsOpts);
    /// Add a trait to a node.
    ADD_TRAIT = PUT "/nodes/{node_ident}/traits/{trait}" since("1.37");
    /// Remove all traits of a node.
    DELETE_TRAITS = DELETE "/nodes/{node_ident}/traits" since("1.37");
    /// Remove a trait from a node.
    DELETE_TRAIT = DELETE "/nodes/{node_ident}/traits/{trait}" since("1.37");
    /// List a node's VIFs.
    LIST_VIFS = GET "/nodes/{node_ident}/vifs" since("1.28") list("vifs", Vif);
    /// Attach a VIF to a node.
    ATTACH_VIF = POST "/nodes/{node_ident}/vifs" since("1.28") request(VifOpts);
    /// Detach a VIF from a node.
    DETACH_VIF = DELETE "/nodes/{node_ident}/vifs/{node_vif_ident}" since("1.28");
}

#[allow(dead_code)]
mod undocumented {
    crate::operations! {
        service: "baremetal", undocumented;
        /// List a node's child nodes (1.83).
        LIST_CHILDREN = GET "/nodes/{node_ident}/children" since("1.83") list("children", String);
    }
}
pub use undocumented::LIST_CHILDREN;

text_enum! {
    /// Where a node stands in its life (Ironic's provision state machine).
    ///
    /// ```
    /// use ferrocloud::openstack::baremetal::v1::nodes::ProvisionState;
    /// let s: ProvisionState = serde_json::from_str("\"wait call-back\"").unwrap();
    /// assert_eq!(s, ProvisionState::DeployWait);
    /// assert!(ProvisionState::CleanFailed.is_failure());
    /// assert_eq!(serde_json::from_str::<ProvisionState>("\"new\"").unwrap(), ProvisionState::Other("new".into()));
    /// ```
    ProvisionState {
        /// Enrolled: credentials not yet verified.
        Enroll = "enroll",
        /// Checking the credentials (after `manage`).
        Verifying = "verifying",
        /// Under the operator's control.
        Manageable = "manageable",
        /// Ready to be deployed.
        Available = "available",
        /// Deployed.
        Active = "active",
        /// Deployment starting.
        Deploying = "deploying",
        /// Waiting for the ramdisk during deployment.
        DeployWait = "wait call-back",
        /// Deployment failed.
        DeployFailed = "deploy failed",
        /// Deployment done (passing to `active`).
        DeployComplete = "deploy complete",
        /// Deployment held by a step.
        DeployHold = "deploy hold",
        /// Being torn down.
        Deleting = "deleting",
        /// Torn down (passing to cleaning).
        Deleted = "deleted",
        /// Being cleaned.
        Cleaning = "cleaning",
        /// Waiting for the ramdisk during cleaning.
        CleanWait = "clean wait",
        /// Cleaning failed.
        CleanFailed = "clean failed",
        /// Cleaning held by a step.
        CleanHold = "clean hold",
        /// Tearing down failed.
        Error = "error",
        /// Being redeployed.
        Rebuild = "rebuild",
        /// Being inspected.
        Inspecting = "inspecting",
        /// Waiting for out-of-band inspection or the ramdisk.
        InspectWait = "inspect wait",
        /// Inspection failed.
        InspectFailed = "inspect failed",
        /// Being adopted.
        Adopting = "adopting",
        /// Adoption failed.
        AdoptFailed = "adopt failed",
        /// Rescued: the rescue ramdisk runs.
        Rescue = "rescue",
        /// Rescue starting.
        Rescuing = "rescuing",
        /// Waiting for the rescue ramdisk.
        RescueWait = "rescue wait",
        /// Rescue failed.
        RescueFailed = "rescue failed",
        /// Leaving rescue.
        Unrescuing = "unrescuing",
        /// Leaving rescue failed.
        UnrescueFailed = "unrescue failed",
        /// Being serviced.
        Servicing = "servicing",
        /// Waiting for the ramdisk during servicing.
        ServiceWait = "service wait",
        /// Servicing failed.
        ServiceFailed = "service failed",
        /// Servicing held by a step.
        ServiceHold = "service hold",
    }
}

impl ProvisionState {
    /// Whether the state ends a failed action (`deploy failed`, `clean failed`,
    /// `inspect failed`, `adopt failed`, `rescue failed`, `unrescue failed`,
    /// `service failed`, `error`).
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            ProvisionState::DeployFailed
                | ProvisionState::CleanFailed
                | ProvisionState::InspectFailed
                | ProvisionState::AdoptFailed
                | ProvisionState::RescueFailed
                | ProvisionState::UnrescueFailed
                | ProvisionState::ServiceFailed
                | ProvisionState::Error
        )
    }
}

text_enum! {
    /// A node's power state (and the target of a power change).
    ///
    /// ```
    /// use ferrocloud::openstack::baremetal::v1::nodes::PowerState;
    /// assert_eq!(serde_json::from_str::<PowerState>("\"power on\"").unwrap(), PowerState::On);
    /// assert_eq!(PowerState::SoftOff.to_string(), "soft power off");
    /// ```
    PowerState {
        /// On.
        On = "power on",
        /// Off.
        Off = "power off",
        /// Rebooting (a target).
        Rebooting = "rebooting",
        /// Soft rebooting (a target, 1.27).
        SoftRebooting = "soft rebooting",
        /// Soft power off (a target, 1.27).
        SoftOff = "soft power off",
        /// The power state could not be read.
        Error = "error",
    }
}

/// A node, as the plain listing gives it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct NodeSummary {
    /// The UUID.
    pub uuid: String,
    /// The name (1.5; `null` when unnamed).
    #[serde(default)]
    pub name: Option<String>,
    /// The instance deployed on it.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub instance_uuid: Option<String>,
    /// Its power state (`null` before it was read).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub power_state: Option<PowerState>,
    /// Its provision state.
    pub provision_state: ProvisionState,
    /// Whether it is in maintenance.
    pub maintenance: bool,
    /// Its links.
    pub links: Links,
}

/// A node's full record. Fields added by a microversion are `Option`s: Ironic leaves
/// them out of answers to an older one.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Node {
    /// The UUID.
    pub uuid: String,
    /// The name (1.5).
    #[serde(default)]
    pub name: Option<String>,
    /// The power state.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub power_state: Option<PowerState>,
    /// The power state being reached.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub target_power_state: Option<PowerState>,
    /// The provision state.
    pub provision_state: ProvisionState,
    /// The provision state being reached.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub target_provision_state: Option<ProvisionState>,
    /// Whether it is in maintenance.
    pub maintenance: bool,
    /// Why it is in maintenance.
    #[serde(default)]
    pub maintenance_reason: Option<String>,
    /// The fault that put it in maintenance (1.42: `power failure`, `clean failure`…).
    #[serde(default)]
    pub fault: Option<String>,
    /// The error of the last failed action.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub last_error: Option<String>,
    /// The conductor holding its lock.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub reservation: Option<String>,
    /// The hardware type.
    pub driver: String,
    /// The driver's settings (secrets answered as `******`).
    pub driver_info: SecretMap,
    /// Ironic's own data about it (admins).
    #[serde(default)]
    pub driver_internal_info: Option<Object>,
    /// Its properties (`cpu_arch`, `memory_mb`, `capabilities`…).
    pub properties: Object,
    /// What deploying an instance needs (`image_source`…).
    pub instance_info: SecretMap,
    /// The instance deployed on it.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub instance_uuid: Option<String>,
    /// The instance's name (1.104).
    #[serde(default)]
    pub instance_name: Option<String>,
    /// Its chassis.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub chassis_uuid: Option<String>,
    /// Free-form data.
    pub extra: Object,
    /// Whether its serial console is on.
    pub console_enabled: bool,
    /// Its RAID configuration (1.12).
    #[serde(default)]
    pub raid_config: Option<Object>,
    /// The RAID configuration to apply (1.12).
    #[serde(default)]
    pub target_raid_config: Option<Object>,
    /// The clean step running (1.7).
    #[serde(default)]
    pub clean_step: Option<Object>,
    /// The deploy step running (1.44).
    #[serde(default)]
    pub deploy_step: Option<Object>,
    /// The service step running (1.87).
    #[serde(default)]
    pub service_step: Option<Object>,
    /// Its links.
    pub links: Links,
    /// The links of its ports.
    pub ports: Links,
    /// The links of its port groups (1.24).
    #[serde(default)]
    pub portgroups: Option<Links>,
    /// The links of its states.
    pub states: Links,
    /// The links of its volume resources (1.32).
    #[serde(default)]
    pub volume: Option<Links>,
    /// Its resource class (1.21).
    #[serde(default)]
    pub resource_class: Option<String>,
    /// The BIOS interface (1.40).
    #[serde(default)]
    pub bios_interface: Option<String>,
    /// The boot interface (1.31).
    #[serde(default)]
    pub boot_interface: Option<String>,
    /// The console interface (1.31).
    #[serde(default)]
    pub console_interface: Option<String>,
    /// The deploy interface (1.31).
    #[serde(default)]
    pub deploy_interface: Option<String>,
    /// The firmware interface (1.86).
    #[serde(default)]
    pub firmware_interface: Option<String>,
    /// The inspect interface (1.31).
    #[serde(default)]
    pub inspect_interface: Option<String>,
    /// The management interface (1.31).
    #[serde(default)]
    pub management_interface: Option<String>,
    /// The network interface (1.20).
    #[serde(default)]
    pub network_interface: Option<String>,
    /// The power interface (1.31).
    #[serde(default)]
    pub power_interface: Option<String>,
    /// The RAID interface (1.31).
    #[serde(default)]
    pub raid_interface: Option<String>,
    /// The rescue interface (1.38).
    #[serde(default)]
    pub rescue_interface: Option<String>,
    /// The storage interface (1.33).
    #[serde(default)]
    pub storage_interface: Option<String>,
    /// The vendor interface (1.31).
    #[serde(default)]
    pub vendor_interface: Option<String>,
    /// Its traits (1.37).
    #[serde(default)]
    pub traits: Option<Vec<String>>,
    /// Its conductor group (1.46).
    #[serde(default)]
    pub conductor_group: Option<String>,
    /// The conductor managing it (1.49).
    #[serde(default)]
    pub conductor: Option<String>,
    /// Whether it is protected from undeployment and rebuilding (1.48).
    #[serde(default)]
    pub protected: Option<bool>,
    /// Why it is protected (1.48).
    #[serde(default)]
    pub protected_reason: Option<String>,
    /// Its owner project (1.50).
    #[serde(default)]
    pub owner: Option<String>,
    /// The project leasing it (1.65).
    #[serde(default)]
    pub lessee: Option<String>,
    /// Its shard (1.82).
    #[serde(default)]
    pub shard: Option<String>,
    /// Its parent node (1.83).
    #[serde(default)]
    pub parent_node: Option<String>,
    /// The description (1.51).
    #[serde(default)]
    pub description: Option<String>,
    /// Its allocation (1.52).
    #[serde(default)]
    pub allocation_uuid: Option<String>,
    /// Whether it is cleaned automatically (1.47; `null`: the conductor's setting).
    #[serde(default)]
    pub automated_clean: Option<bool>,
    /// Whether it is retired (1.61).
    #[serde(default)]
    pub retired: Option<bool>,
    /// Why it is retired (1.61).
    #[serde(default)]
    pub retired_reason: Option<String>,
    /// Its static network configuration (1.66).
    #[serde(default)]
    pub network_data: Option<Object>,
    /// The boot mode (1.75: `uefi`, `bios`).
    #[serde(default)]
    pub boot_mode: Option<String>,
    /// Whether secure boot is on (1.75).
    #[serde(default)]
    pub secure_boot: Option<bool>,
    /// Whether Ironic must never power it off (1.95).
    #[serde(default)]
    pub disable_power_off: Option<bool>,
    /// Its health as the BMC reports it (1.109).
    #[serde(default)]
    pub health: Option<String>,
    /// When the provision state last changed.
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub provision_updated_at: Option<Timestamp>,
    /// When the last inspection started (1.52).
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub inspection_started_at: Option<Timestamp>,
    /// When the last inspection finished (1.52).
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub inspection_finished_at: Option<Timestamp>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
}

/// A JSON object whose `Debug` hides the values of its secret keys (those holding
/// `password`, `secret`, `token`, `key` or `credential`: `ipmi_password`,
/// `redfish_password`, `snmp_auth_key`…), for `driver_info` and `instance_info`.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::nodes::SecretMap;
/// let m: SecretMap = serde_json::from_str(r#"{"ipmi_username": "admin", "ipmi_password": "pw1234"}"#).unwrap();
/// let shown = format!("{m:?}");
/// assert!(shown.contains("admin") && !shown.contains("pw1234"));
/// assert_eq!(m["ipmi_username"], "admin");
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SecretMap(pub Object);

impl std::ops::Deref for SecretMap {
    type Target = Object;
    fn deref(&self) -> &Object {
        &self.0
    }
}

impl std::fmt::Debug for SecretMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut m = f.debug_map();
        for (k, v) in &self.0 {
            if crate::patch::is_secret_path(k) {
                m.entry(k, &"[REDACTED]");
            } else {
                m.entry(k, v);
            }
        }
        m.finish()
    }
}

impl crate::find::Named for Node {
    fn id(&self) -> &str {
        &self.uuid
    }
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or_default()
    }
}

/// What [`list`] and [`list_detail`] filter on (each filter names the microversion
/// that added it; a filter set on an older client is refused before sending).
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::nodes::{ListOpts, ProvisionState};
/// let opts = ListOpts { provision_state: Some(ProvisionState::Available), maintenance: Some(false),
///     ..Default::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "maintenance=false&provision_state=available");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Nodes running this instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_uuid: Option<String>,
    /// Nodes whose instance has this name (1.104).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_name: Option<String>,
    /// Nodes in maintenance, or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maintenance: Option<bool>,
    /// Nodes with an instance, or without.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub associated: Option<bool>,
    /// Nodes in this provision state (1.9).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provision_state: Option<ProvisionState>,
    /// Nodes of this hardware type (1.16).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub driver: Option<String>,
    /// Nodes of this resource class (1.21).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_class: Option<String>,
    /// Nodes of this conductor group (1.46).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conductor_group: Option<String>,
    /// Nodes managed by this conductor (1.49).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conductor: Option<String>,
    /// Nodes in maintenance for this fault (1.42).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<String>,
    /// Nodes of this owner (1.50).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Nodes leased to this project (1.65).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lessee: Option<String>,
    /// Nodes of these shards (1.82).
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "crate::query::comma")]
    pub shard: Vec<String>,
    /// Nodes with a shard, or without (1.82).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sharded: Option<bool>,
    /// Nodes whose description contains this (1.51).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description_contains: Option<String>,
    /// Children of this node (1.83).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_node: Option<String>,
    /// Child nodes too (1.83; they are left out by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_children: Option<bool>,
    /// Paging, sorting, fields.
    #[serde(flatten)]
    pub listing: Listing,
}

impl Versioned for ListOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        let checks = [
            ("instance_name", self.instance_name.is_some(), "1.104"),
            ("provision_state", self.provision_state.is_some(), "1.9"),
            ("driver", self.driver.is_some(), "1.16"),
            ("resource_class", self.resource_class.is_some(), "1.21"),
            ("fault", self.fault.is_some(), "1.42"),
            ("conductor_group", self.conductor_group.is_some(), "1.46"),
            ("conductor", self.conductor.is_some(), "1.49"),
            ("owner", self.owner.is_some(), "1.50"),
            ("description_contains", self.description_contains.is_some(), "1.51"),
            ("lessee", self.lessee.is_some(), "1.65"),
            ("shard", !self.shard.is_empty(), "1.82"),
            ("sharded", self.sharded.is_some(), "1.82"),
            ("parent_node", self.parent_node.is_some(), "1.83"),
            ("include_children", self.include_children.is_some(), "1.83"),
        ];
        for (field, set, version) in checks {
            since(client, field, set, version)?;
        }
        self.listing.check(client)
    }
}

/// What [`create`] sends. Only `driver` is required; `driver_info` holds the BMC's
/// address and credentials (hidden by `Debug`).
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::nodes::CreateOpts;
/// let opts = CreateOpts::new("ipmi").name("test_node_dynamic")
///     .driver_info("ipmi_username", "ADMIN").driver_info("ipmi_password", "password");
/// assert!(!format!("{opts:?}").contains("\"password\""));
/// assert_eq!(serde_json::to_value(&opts).unwrap()["driver_info"]["ipmi_password"], "password");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The hardware type (`ipmi`, `redfish`, `fake-hardware`…).
    pub driver: String,
    /// A name (1.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A UUID of one's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// The driver's settings: BMC address and credentials.
    #[serde(default, skip_serializing_if = "Object::is_empty")]
    pub driver_info: SecretMap,
    /// What deploying needs.
    #[serde(default, skip_serializing_if = "Object::is_empty")]
    pub instance_info: SecretMap,
    /// Properties (`cpu_arch`, `capabilities`…).
    #[serde(default, skip_serializing_if = "Object::is_empty")]
    pub properties: Object,
    /// Free-form data.
    #[serde(default, skip_serializing_if = "Object::is_empty")]
    pub extra: Object,
    /// The chassis it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chassis_uuid: Option<String>,
    /// The instance deployed on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_uuid: Option<String>,
    /// The instance's name (1.104).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_name: Option<String>,
    /// The resource class (1.21).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_class: Option<String>,
    /// The interfaces, by name (`boot_interface` → `ipxe`…; 1.31, `bios_interface`
    /// 1.40, `rescue_interface` 1.38, `firmware_interface` 1.86).
    #[serde(flatten)]
    pub interfaces: BTreeMap<String, String>,
    /// The conductor group (1.46).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conductor_group: Option<String>,
    /// Clean it automatically, or not (1.47).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated_clean: Option<bool>,
    /// Protect it (1.48).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protected: Option<bool>,
    /// Why it is protected (1.48).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protected_reason: Option<String>,
    /// The owner project (1.50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The description (1.51).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Retired (1.61).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<bool>,
    /// Why it is retired (1.61).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired_reason: Option<String>,
    /// The lessee project (1.65).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lessee: Option<String>,
    /// Static network configuration (1.66).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_data: Option<Object>,
    /// The shard (1.82).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    /// The parent node (1.83).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_node: Option<String>,
    /// Never power it off (1.95).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_power_off: Option<bool>,
    /// In maintenance from the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintenance: Option<bool>,
    /// Why it is in maintenance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintenance_reason: Option<String>,
}

impl CreateOpts {
    /// A node of hardware type `driver`.
    pub fn new(driver: impl Into<String>) -> Self {
        CreateOpts {
            driver: driver.into(),
            ..Default::default()
        }
    }

    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets one `driver_info` value (a BMC address, user or password).
    pub fn driver_info(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.driver_info.0.insert(key.into(), value.into());
        self
    }

    /// Sets an interface (`interface("boot", "ipxe")` sends `boot_interface`).
    ///
    /// ```
    /// let o = ferrocloud::openstack::baremetal::v1::nodes::CreateOpts::new("ipmi").interface("power", "ipmitool");
    /// assert_eq!(serde_json::to_value(&o).unwrap()["power_interface"], "ipmitool");
    /// ```
    pub fn interface(mut self, kind: &str, name: impl Into<String>) -> Self {
        self.interfaces.insert(format!("{kind}_interface"), name.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("driver", !self.driver.trim().is_empty())?;
        if let Some(k) = self.interfaces.keys().find(|k| !k.ends_with("_interface")) {
            return Err(Error::invalid_input(format!(
                "{k:?} is not an interface field (names end with _interface)"
            )));
        }
        Ok(())
    }
}

impl Versioned for CreateOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        let mut checks = vec![
            ("name", self.name.is_some(), "1.5"),
            ("resource_class", self.resource_class.is_some(), "1.21"),
            ("conductor_group", self.conductor_group.is_some(), "1.46"),
            ("automated_clean", self.automated_clean.is_some(), "1.47"),
            ("protected", self.protected.is_some(), "1.48"),
            ("owner", self.owner.is_some(), "1.50"),
            ("description", self.description.is_some(), "1.51"),
            ("retired", self.retired.is_some(), "1.61"),
            ("lessee", self.lessee.is_some(), "1.65"),
            ("network_data", self.network_data.is_some(), "1.66"),
            ("shard", self.shard.is_some(), "1.82"),
            ("parent_node", self.parent_node.is_some(), "1.83"),
            ("disable_power_off", self.disable_power_off.is_some(), "1.95"),
            ("instance_name", self.instance_name.is_some(), "1.104"),
        ];
        for key in self.interfaces.keys() {
            let version = match key.as_str() {
                "network_interface" => "1.20",
                "storage_interface" => "1.33",
                "rescue_interface" => "1.38",
                "bios_interface" => "1.40",
                "firmware_interface" => "1.86",
                _ => "1.31",
            };
            checks.push((key.as_str(), true, version));
        }
        for (field, set, version) in checks {
            since(client, field, set, version)?;
        }
        Ok(())
    }
}

super::common::resource_functions!(Node, NodeSummary, "node"; list list_detail get create update delete find);

crate::operation::extract_fn! {
    /// The nodes of a page of [`list`].
    extract_summaries, NodeSummary
}

crate::operation::extract_fn! {
    /// The nodes of a page of [`list_detail`].
    extract_nodes, Node
}

/// The outcome of validating one interface: `result` is `null` when the interface is
/// not supported, with the `reason`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Validation {
    /// Valid (`true`), invalid (`false`) or not supported (`null`).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub result: Option<bool>,
    /// Why it is not valid or not supported.
    #[serde(default)]
    pub reason: Option<String>,
}

/// The validation of each interface of a node. Interfaces added by a microversion are
/// `Option`s.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct NodeValidation {
    /// The boot interface.
    pub boot: Validation,
    /// The console interface.
    pub console: Validation,
    /// The deploy interface.
    pub deploy: Validation,
    /// The inspect interface.
    pub inspect: Validation,
    /// The management interface.
    pub management: Validation,
    /// The network interface.
    pub network: Validation,
    /// The power interface.
    pub power: Validation,
    /// The RAID interface (1.31).
    #[serde(default)]
    pub raid: Option<Validation>,
    /// The rescue interface (1.38).
    #[serde(default)]
    pub rescue: Option<Validation>,
    /// The storage interface (1.33).
    #[serde(default)]
    pub storage: Option<Validation>,
    /// The BIOS interface (1.40).
    #[serde(default)]
    pub bios: Option<Validation>,
    /// The firmware interface (1.86).
    #[serde(default)]
    pub firmware: Option<Validation>,
}

/// Validates a node's interfaces.
pub async fn validate(client: &ServiceClient, ident: &str) -> ApiResult<NodeValidation> {
    client.request(&VALIDATE, &[ident]).send().await
}

/// What [`set_maintenance`] sends: the reason, if any.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::nodes::MaintenanceOpts;
/// let o = MaintenanceOpts { reason: Some("Replacing the hard drive".into()) };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"reason": "Replacing the hard drive"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaintenanceOpts {
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Validate for MaintenanceOpts {}

/// Puts a node in maintenance (`202`).
pub async fn set_maintenance(client: &ServiceClient, ident: &str, opts: &MaintenanceOpts) -> ApiResult<()> {
    client.request(&SET_MAINTENANCE, &[ident]).body(opts).send().await
}

/// Takes a node out of maintenance (`202`).
pub async fn unset_maintenance(client: &ServiceClient, ident: &str) -> ApiResult<()> {
    client.request(&UNSET_MAINTENANCE, &[ident]).send().await
}

/// A node's traits (1.37).
pub async fn list_traits(client: &ServiceClient, ident: &str) -> ApiResult<Vec<String>> {
    client.request(&LIST_TRAITS, &[ident]).send().await
}

/// What [`set_traits`] sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraitsOpts {
    /// The traits (standard ones, or `CUSTOM_…`).
    pub traits: Vec<String>,
}

impl Validate for TraitsOpts {}

/// Replaces a node's traits (1.37; `204`).
pub async fn set_traits<S: AsRef<str>>(client: &ServiceClient, ident: &str, traits: &[S]) -> ApiResult<()> {
    let opts = TraitsOpts {
        traits: traits.iter().map(|t| t.as_ref().to_string()).collect(),
    };
    client.request(&SET_TRAITS, &[ident]).body(&opts).send().await
}

/// Adds one trait to a node (1.37; `204`).
pub async fn add_trait(client: &ServiceClient, ident: &str, name: &str) -> ApiResult<()> {
    client.request(&ADD_TRAIT, &[ident, name]).send().await
}

/// Removes every trait of a node (1.37; `204`).
pub async fn delete_traits(client: &ServiceClient, ident: &str) -> ApiResult<()> {
    client.request(&DELETE_TRAITS, &[ident]).send().await
}

/// Removes one trait from a node (1.37; `204`).
pub async fn delete_trait(client: &ServiceClient, ident: &str, name: &str) -> ApiResult<()> {
    client.request(&DELETE_TRAIT, &[ident, name]).send().await
}

/// A VIF attached to a node.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Vif {
    /// The VIF's ID (a Neutron port).
    pub id: String,
}

/// The VIFs attached to a node (1.28; one page).
pub fn list_vifs(client: &ServiceClient, ident: &str) -> Pager<Vif> {
    client
        .request(&LIST_VIFS, &[ident])
        .paged(crate::pagination::PageStyle::Single)
}

/// What [`attach_vif`] sends: the VIF, and optionally the port or port group to bind
/// it to (1.67).
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::nodes::VifOpts;
/// assert_eq!(serde_json::to_value(VifOpts::new("1974dcfa")).unwrap(), serde_json::json!({"id": "1974dcfa"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VifOpts {
    /// The VIF's ID.
    pub id: String,
    /// Bind it to this port (1.67).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_uuid: Option<String>,
    /// Bind it to this port group (1.67).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portgroup_uuid: Option<String>,
}

impl VifOpts {
    /// Attaches VIF `id`.
    pub fn new(id: impl Into<String>) -> Self {
        VifOpts {
            id: id.into(),
            ..Default::default()
        }
    }
}

impl Validate for VifOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("id", !self.id.is_empty())?;
        if self.port_uuid.is_some() && self.portgroup_uuid.is_some() {
            return Err(Error::invalid_input("port_uuid and portgroup_uuid exclude each other"));
        }
        Ok(())
    }
}

/// Attaches a VIF to a node (1.28; `204`).
pub async fn attach_vif(client: &ServiceClient, ident: &str, opts: &VifOpts) -> ApiResult<()> {
    let request = client.request(&ATTACH_VIF, &[ident]).body(opts);
    let set = opts.port_uuid.is_some() || opts.portgroup_uuid.is_some();
    match since(client, "port_uuid/portgroup_uuid", set, "1.67") {
        Ok(()) => request.send().await,
        Err(e) => request.fail_with(e).send().await,
    }
}

/// Detaches a VIF from a node (1.28; `204`).
pub async fn detach_vif(client: &ServiceClient, ident: &str, vif_id: &str) -> ApiResult<()> {
    client.request(&DETACH_VIF, &[ident, vif_id]).send().await
}

/// The UUIDs of a node's child nodes (1.83; one page).
pub fn list_children(client: &ServiceClient, ident: &str) -> Pager<String> {
    client
        .request(&LIST_CHILDREN, &[ident])
        .paged(crate::pagination::PageStyle::Single)
}

/// The nodes whose parent is `parent` (1.83): [`list`] filtered by `parent_node`.
pub fn list_by_parent(client: &ServiceClient, parent: &str) -> Pager<NodeSummary> {
    let opts = ListOpts {
        parent_node: Some(parent.to_string()),
        ..Default::default()
    };
    super::common::pager(client, &LIST, &[], &opts)
}
