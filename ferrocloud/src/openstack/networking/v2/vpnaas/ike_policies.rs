//! IKE policies (VPNaaS): list, show, create, update, delete, find. An IKE policy sets
//! phase 1 of the negotiation of an
//! [IPsec site connection](crate::openstack::networking::v2::vpnaas::site_connections);
//! neutron-vpnaas refuses to change or delete one that a connection uses (409).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::vpnaas::ike_policies::{self, CreateOpts, IkeVersion};
//! use ferrocloud::openstack::networking::v2::vpnaas::{EncryptionAlgorithm, Lifetime};
//!
//! let opts = CreateOpts::new("ike-v2")
//!     .ike_version(IkeVersion::V2)
//!     .encryption_algorithm(EncryptionAlgorithm::Aes256)
//!     .lifetime(Lifetime::seconds(7200));
//! let policy = ike_policies::create(&network, &opts).await.extract()?;
//! ike_policies::delete(&network, &policy.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::{AuthAlgorithm, EncryptionAlgorithm, Lifetime, Pfs};
use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List IKE policies.
    LIST = GET "/vpn/ikepolicies" list("ikepolicies", IkePolicy);
    /// Show an IKE policy.
    GET = GET "/vpn/ikepolicies/{ikepolicy_id}" response("ikepolicy", IkePolicy);
    /// Create an IKE policy.
    CREATE = POST "/vpn/ikepolicies" request("ikepolicy", CreateOpts) response("ikepolicy", IkePolicy);
    /// Update an IKE policy.
    UPDATE = PUT "/vpn/ikepolicies/{ikepolicy_id}" request("ikepolicy", UpdateOpts)
        response("ikepolicy", IkePolicy);
    /// Delete an IKE policy.
    DELETE = DELETE "/vpn/ikepolicies/{ikepolicy_id}";
}

/// The IKE protocol version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IkeVersion {
    /// IKEv1 (the default).
    V1,
    /// IKEv2.
    V2,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// The IKEv1 phase 1 mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase1NegotiationMode {
    /// Main mode (the default).
    Main,
    /// Aggressive mode.
    Aggressive,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// An IKE policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IkePolicy {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The integrity algorithm.
    pub auth_algorithm: AuthAlgorithm,
    /// The encryption algorithm.
    pub encryption_algorithm: EncryptionAlgorithm,
    /// The perfect forward secrecy group.
    pub pfs: Pfs,
    /// The IKEv1 phase 1 mode.
    pub phase1_negotiation_mode: Phase1NegotiationMode,
    /// The IKE version.
    pub ike_version: IkeVersion,
    /// The lifetime of the security association.
    pub lifetime: Lifetime,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

crate::openstack::networking::v2::plugin_crud::named!(IkePolicy);

/// Options for creating an IKE policy; unset algorithms take neutron-vpnaas's defaults
/// (SHA-1, AES-128, group 5, main mode, IKEv1, 3600 seconds).
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::ike_policies::CreateOpts;
/// use ferrocloud::openstack::networking::v2::vpnaas::{AuthAlgorithm, Lifetime};
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("ike").auth_algorithm(AuthAlgorithm::Sha256);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "ike", "auth_algorithm": "sha256"}));
/// assert!(CreateOpts::new("short").lifetime(Lifetime::seconds(30)).validate().is_err());
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
    /// The integrity algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_algorithm: Option<AuthAlgorithm>,
    /// The encryption algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_algorithm: Option<EncryptionAlgorithm>,
    /// The perfect forward secrecy group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pfs: Option<Pfs>,
    /// The IKEv1 phase 1 mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase1_negotiation_mode: Option<Phase1NegotiationMode>,
    /// The IKE version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ike_version: Option<IkeVersion>,
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
    /// Sets the integrity algorithm.
    pub fn auth_algorithm(mut self, algorithm: AuthAlgorithm) -> Self {
        self.auth_algorithm = Some(algorithm);
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
    /// Sets the IKEv1 phase 1 mode.
    pub fn phase1_negotiation_mode(mut self, mode: Phase1NegotiationMode) -> Self {
        self.phase1_negotiation_mode = Some(mode);
        self
    }
    /// Sets the IKE version.
    pub fn ike_version(mut self, version: IkeVersion) -> Self {
        self.ike_version = Some(version);
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

/// Changes to an IKE policy; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::ike_policies::UpdateOpts;
/// use ferrocloud::openstack::networking::v2::vpnaas::EncryptionAlgorithm;
/// let opts = UpdateOpts::default().encryption_algorithm(EncryptionAlgorithm::Aes256);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"encryption_algorithm": "aes-256"}));
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
    /// A new integrity algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_algorithm: Option<AuthAlgorithm>,
    /// A new encryption algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_algorithm: Option<EncryptionAlgorithm>,
    /// A new perfect forward secrecy group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pfs: Option<Pfs>,
    /// A new IKEv1 phase 1 mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase1_negotiation_mode: Option<Phase1NegotiationMode>,
    /// A new IKE version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ike_version: Option<IkeVersion>,
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
    /// Sets the integrity algorithm.
    pub fn auth_algorithm(mut self, algorithm: AuthAlgorithm) -> Self {
        self.auth_algorithm = Some(algorithm);
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
    /// Sets the IKE version.
    pub fn ike_version(mut self, version: IkeVersion) -> Self {
        self.ike_version = Some(version);
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

/// Filters for listing IKE policies; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::vpnaas::ike_policies::{IkeVersion, ListOpts};
/// let opts = ListOpts { ike_version: Some(IkeVersion::V2), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "ike_version=v2");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By integrity algorithm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_algorithm: Option<AuthAlgorithm>,
    /// By encryption algorithm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encryption_algorithm: Option<EncryptionAlgorithm>,
    /// By perfect forward secrecy group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pfs: Option<Pfs>,
    /// By IKE version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ike_version: Option<IkeVersion>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::plugin_crud::plugin_functions! {
    IkePolicy, "IKE policy", "IKE policies", "ikepolicies", extract_ike_policies
}
