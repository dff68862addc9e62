//! Address scopes: address spaces within which addresses do not overlap, so that
//! routers route between their subnets without NAT. Subnet pools join a scope
//! ([`subnet_pools`]); a network's scopes
//! are read with the
//! [`AddressScopes`](crate::openstack::networking::v2::extensions::address_scopes::AddressScopes)
//! extension type. List, show, create, update, delete, find.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::address_scopes::{self, CreateOpts, UpdateOpts};
//! let scope = address_scopes::create(&network, &CreateOpts::ipv4("corp")).await.extract()?;
//! let scope = address_scopes::update(&network, &scope.id, &UpdateOpts::default().name("corp-v4"))
//!     .await.extract()?;
//! address_scopes::delete(&network, &scope.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::request::{Extensible, Validate};
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List address scopes.
    LIST = GET "/address-scopes" list("address_scopes", AddressScope);
    /// Show an address scope.
    GET = GET "/address-scopes/{address_scope_id}" response("address_scope", AddressScope);
    /// Create an address scope.
    CREATE = POST "/address-scopes"
        request("address_scope", CreateOpts)
        response("address_scope", AddressScope);
    /// Update an address scope.
    UPDATE = PUT "/address-scopes/{address_scope_id}"
        request("address_scope", UpdateOpts)
        response("address_scope", AddressScope);
    /// Delete an address scope.
    DELETE = DELETE "/address-scopes/{address_scope_id}";
}

/// An address scope (it has no standard attributes: no description, tags, timestamps
/// or revision).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AddressScope {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// 4 or 6.
    pub ip_version: u8,
    /// Shared with every project (or with the asking one through an RBAC policy).
    pub shared: bool,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl crate::find::Named for AddressScope {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Options for creating an address scope.
///
/// ```
/// use ferrocloud::openstack::networking::v2::address_scopes::CreateOpts;
/// let opts = CreateOpts::ipv6("v6").shared(true);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///            serde_json::json!({"name": "v6", "ip_version": 6, "shared": true}));
/// use ferrocloud::request::Validate;
/// let mut bad = CreateOpts::ipv4("x");
/// bad.ip_version = 5;
/// assert!(bad.validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// 4 or 6.
    pub ip_version: u8,
    /// Share it with every project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name (the API reference's sample sends both, equal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// An IPv4 scope named `name`.
    pub fn ipv4(name: impl Into<String>) -> Self {
        Self::new(name, 4)
    }
    /// An IPv6 scope named `name`.
    pub fn ipv6(name: impl Into<String>) -> Self {
        Self::new(name, 6)
    }
    fn new(name: impl Into<String>, ip_version: u8) -> Self {
        CreateOpts {
            name: name.into(),
            ip_version,
            ..Default::default()
        }
    }
    /// Shares it with every project.
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = Some(shared);
        self
    }
    /// Creates it for another project.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if !matches!(self.ip_version, 4 | 6) {
            return Err(Error::invalid_input(format!(
                "ip_version must be 4 or 6, not {}",
                self.ip_version
            )));
        }
        if let (Some(p), Some(t)) = (&self.project_id, &self.tenant_id)
            && p != t
        {
            return Err(Error::invalid_input(
                "project_id and tenant_id differ: set one of them",
            ));
        }
        Ok(())
    }
}

/// Changes to an address scope; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::address_scopes::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::default().name("address-scope-ip4").shared(true)).unwrap(),
///            serde_json::json!({"name": "address-scope-ip4", "shared": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Share it with every project (admin; Neutron refuses to unshare it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
}

impl UpdateOpts {
    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Shares it with every project.
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = Some(shared);
        self
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {}

/// Filters for listing address scopes; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::address_scopes::ListOpts;
/// let opts = ListOpts { ip_version: Some(6), shared: Some(true), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "ip_version=6&shared=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By IP version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_version: Option<u8>,
    /// Shared scopes only, or unshared only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    AddressScope, "address scope", "address_scopes", extract_address_scopes;
    list get create update delete find
}
