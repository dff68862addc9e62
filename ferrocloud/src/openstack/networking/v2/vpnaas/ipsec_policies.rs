//! IPsec policies (VPNaaS): list, show, create, update, delete, find. An IPsec policy
//! sets phase 2 of the negotiation of an
//! [IPsec site connection](crate::openstack::networking::v2::vpnaas::site_connections);
//! neutron-vpnaas refuses to change or delete one that a connection uses (409).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::vpnaas::ipsec_policies::{self, CreateOpts, TransformProtocol};
//! use ferrocloud::openstack::networking::v2::vpnaas::Pfs;
//!
//! let opts = CreateOpts::new("esp-14").transform_protocol(TransformProtocol::Esp).pfs(Pfs::Group14);
//! let policy = ipsec_policies::create(&network, &opts).await.extract()?;
//! ipsec_policies::delete(&network, &policy.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::{AuthAlgorithm, EncryptionAlgorithm, Lifetime, Pfs};
use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List IPsec policies.
    LIST = GET "/vpn/ipsecpolicies" list("ipsecpolicies", IpsecPolicy);
    /// Show an IPsec policy.
    GET = GET "/vpn/ipsecpolicies/{ipsecpolicy_id}" response("ipsecpolicy", IpsecPolicy);
    /// Create an IPsec policy.
    CREATE = POST "/vpn/ipsecpolicies" request("ipsecpolicy", CreateOpts)
        response("ipsecpolicy", IpsecPolicy);
    /// Update an IPsec policy.
    UPDATE = PUT "/vpn/ipsecpolicies/{ipsecpolicy_id}" request("ipsecpolicy", UpdateOpts)
        response("ipsecpolicy", IpsecPolicy);
    /// Delete an IPsec policy.
    DELETE = DELETE "/vpn/ipsecpolicies/{ipsecpolicy_id}";
}

/// The IPsec transform protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TransformProtocol {
    /// ESP (the default).
    Esp,
    /// AH.
    Ah,
    /// AH and ESP.
    AhEsp,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// The IPsec encapsulation mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EncapsulationMode {
    /// Tunnel mode (the default).
    Tunnel,
    /// Transport mode.
    Transport,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// An IPsec policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IpsecPolicy {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The transform protocol.
    pub transform_protocol: TransformProtocol,
    /// The integrity algorithm.
    pub auth_algorithm: AuthAlgorithm,
    /// The encapsulation mode.
    pub encapsulation_mode: EncapsulationMode,
    /// The encryption algorithm.
    pub encryption_algorithm: EncryptionAlgorithm,
    /// The perfect forward secrecy group.
    pub pfs: Pfs,
    /// The lifetime of the security association.
    pub lifetime: Lifetime,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

crate::openstack::networking::v2::plugin_crud::named!(IpsecPolicy);

/// Options for creating an IPsec policy; unset fields take neutron-vpnaas's defaults
/// (ESP, SHA-1, tunnel, AES-128, group 5, 3600 seconds).
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::ipsec_policies::{CreateOpts, EncapsulationMode};
/// let opts = CreateOpts::new("ipsec").encapsulation_mode(EncapsulationMode::Transport);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "ipsec", "encapsulation_mode": "transport"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The transform protocol.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transform_protocol: Option<TransformProtocol>,
    /// The integrity algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_algorithm: Option<AuthAlgorithm>,
    /// The encapsulation mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encapsulation_mode: Option<EncapsulationMode>,
    /// The encryption algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_algorithm: Option<EncryptionAlgorithm>,
    /// The perfect forward secrecy group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pfs: Option<Pfs>,
    /// The lifetime of the security association.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<Lifetime>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A policy named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: Some(name.into()),
            ..Default::default()
        }
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Sets the transform protocol.
    pub fn transform_protocol(mut self, protocol: TransformProtocol) -> Self {
        self.transform_protocol = Some(protocol);
        self
    }
    /// Sets the integrity algorithm.
    pub fn auth_algorithm(mut self, algorithm: AuthAlgorithm) -> Self {
        self.auth_algorithm = Some(algorithm);
        self
    }
    /// Sets the encapsulation mode.
    pub fn encapsulation_mode(mut self, mode: EncapsulationMode) -> Self {
        self.encapsulation_mode = Some(mode);
        self
    }
    /// Sets the encryption algorithm.
    pub fn encryption_algorithm(mut self, algorithm: EncryptionAlgorithm) -> Self {
        self.encryption_algorithm = Some(algorithm);
        self
    }
    /// Sets the perfect forward secrecy group.
    pub fn pfs(mut self, pfs: Pfs) -> Self {
        self.pfs = Some(pfs);
        self
    }
    /// Sets the lifetime.
    pub fn lifetime(mut self, lifetime: Lifetime) -> Self {
        self.lifetime = Some(lifetime);
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
        self.lifetime.as_ref().map_or(Ok(()), Lifetime::check)
    }
}

/// Changes to an IPsec policy; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::ipsec_policies::UpdateOpts;
/// use ferrocloud::openstack::networking::v2::vpnaas::Pfs;
/// let opts = UpdateOpts::default().pfs(Pfs::Group14);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"pfs": "group14"}));
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
    /// A new transform protocol.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transform_protocol: Option<TransformProtocol>,
    /// A new integrity algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_algorithm: Option<AuthAlgorithm>,
    /// A new encapsulation mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encapsulation_mode: Option<EncapsulationMode>,
    /// A new encryption algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_algorithm: Option<EncryptionAlgorithm>,
    /// A new perfect forward secrecy group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pfs: Option<Pfs>,
    /// A new lifetime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<Lifetime>,
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
    /// Sets the perfect forward secrecy group.
    pub fn pfs(mut self, pfs: Pfs) -> Self {
        self.pfs = Some(pfs);
        self
    }
    /// Sets the encryption algorithm.
    pub fn encryption_algorithm(mut self, algorithm: EncryptionAlgorithm) -> Self {
        self.encryption_algorithm = Some(algorithm);
        self
    }
    /// Sets the lifetime.
    pub fn lifetime(mut self, lifetime: Lifetime) -> Self {
        self.lifetime = Some(lifetime);
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        self.lifetime.as_ref().map_or(Ok(()), Lifetime::check)
    }
}

/// Filters for listing IPsec policies; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::ipsec_policies::{ListOpts, TransformProtocol};
/// let opts = ListOpts { transform_protocol: Some(TransformProtocol::AhEsp), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "transform_protocol=ah-esp");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By transform protocol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transform_protocol: Option<TransformProtocol>,
    /// By encapsulation mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encapsulation_mode: Option<EncapsulationMode>,
    /// By perfect forward secrecy group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pfs: Option<Pfs>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::plugin_crud::plugin_functions! {
    IpsecPolicy, "IPsec policy", "IPsec policies", "ipsecpolicies", extract_ipsec_policies
}
