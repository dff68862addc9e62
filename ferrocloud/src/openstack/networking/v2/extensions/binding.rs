//! `binding` (port bindings): where a port is bound and how. An administrator (or the
//! compute service) sets the host, the VNIC type and the profile; the mechanism driver
//! that binds the port answers with the VIF type and details.
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::binding::{Binding, VnicType};
//! let sent = Binding::default().host_id("compute-1").vnic_type(VnicType::Direct).clear_profile();
//! assert_eq!(serde_json::to_value(&sent).unwrap(), serde_json::json!({
//!     "binding:host_id": "compute-1", "binding:vnic_type": "direct", "binding:profile": null}));
//! let read: Binding = serde_json::from_str(r#"{"binding:vnic_type": "smart-nic",
//!     "binding:vif_type": "ovs", "binding:vif_details": {"port_filter": true}}"#).unwrap();
//! assert_eq!(read.vnic_type, Some(VnicType::SmartNic));
//! assert_eq!(read.vif_details.unwrap()["port_filter"], true);
//! let other: VnicType = serde_json::from_str(r#""some-new-type""#).unwrap();
//! assert_eq!(other, VnicType::Other("some-new-type".into()));
//! ```

use serde::{Deserialize, Serialize};

/// A JSON object of driver-specific keys (`binding:profile`, `binding:vif_details`).
pub type JsonMap = serde_json::Map<String, serde_json::Value>;

/// The kind of virtual NIC a port is bound as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum VnicType {
    /// A virtual NIC of the hypervisor's switch (the default).
    Normal,
    /// An SR-IOV virtual function given to the guest.
    Direct,
    /// A macvtap device on an SR-IOV virtual function.
    Macvtap,
    /// A bare metal server's NIC.
    Baremetal,
    /// A whole SR-IOV physical function.
    DirectPhysical,
    /// A virtio device backed by a forwarding VF.
    VirtioForwarder,
    /// A NIC of a smart NIC (DPU).
    SmartNic,
    /// A vDPA device.
    Vdpa,
    /// An accelerator (Cyborg) device, as a virtual function.
    AcceleratorDirect,
    /// An accelerator (Cyborg) device, as a physical function.
    AcceleratorDirectPhysical,
    /// A VF of a NIC managed by a remote (DPU) host.
    RemoteManaged,
    /// A type this SDK does not name.
    #[serde(untagged)]
    Other(String),
}

/// The `binding:*` attributes of a port. `host_id`, `vnic_type` and `profile` may be
/// sent (administrators); `vif_type` and `vif_details` are set by the mechanism driver.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Binding {
    /// The host the port is bound on (empty: unbound).
    #[serde(
        rename = "binding:host_id",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub host_id: Option<String>,
    /// The VNIC type.
    #[serde(
        rename = "binding:vnic_type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vnic_type: Option<VnicType>,
    /// Driver-specific binding details (`local_link_information` of a bare metal port,
    /// the PCI slot of an SR-IOV one…): `Some(None)` is JSON `null`, sent to clear it.
    #[serde(
        rename = "binding:profile",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::double_option"
    )]
    pub profile: Option<Option<JsonMap>>,
    /// How the port is plugged (`ovs`, `bridge`, `unbound`, `binding_failed`…); read-only.
    #[serde(
        rename = "binding:vif_type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vif_type: Option<String>,
    /// Details of the plugging for the compute service (`port_filter`,
    /// `ovs_hybrid_plug`…); read-only.
    #[serde(
        rename = "binding:vif_details",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vif_details: Option<JsonMap>,
}

impl Binding {
    /// Binds the port on this host.
    pub fn host_id(mut self, host: impl Into<String>) -> Self {
        self.host_id = Some(host.into());
        self
    }
    /// Sets the VNIC type.
    pub fn vnic_type(mut self, vnic_type: VnicType) -> Self {
        self.vnic_type = Some(vnic_type);
        self
    }
    /// Sets the binding profile.
    pub fn profile(mut self, profile: JsonMap) -> Self {
        self.profile = Some(Some(profile));
        self
    }
    /// Clears the binding profile (sends `null`).
    pub fn clear_profile(mut self) -> Self {
        self.profile = Some(None);
        self
    }
}

impl crate::request::Validate for Binding {
    fn validate(&self) -> crate::Result<()> {
        if self.vif_type.is_some() || self.vif_details.is_some() {
            return Err(crate::Error::invalid_input(
                "binding:vif_type and binding:vif_details are set by Neutron, not sent",
            ));
        }
        Ok(())
    }
}
