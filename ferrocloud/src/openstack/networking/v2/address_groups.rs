//! Address groups: named sets of CIDRs that security group rules match as their remote
//! (`remote_address_group_id`). List, show, create, update (name and description,
//! optionally only if unchanged since read), delete, find; add and remove addresses.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::address_groups::{self, CreateOpts};
//! let opts = CreateOpts::new("office").addresses(["192.0.2.0/24"]);
//! let group = address_groups::create(&network, &opts).await.extract()?;
//! let group = address_groups::add_addresses(&network, &group.id, ["198.51.100.7/32"]).await.extract()?;
//! assert_eq!(group.addresses.len(), 2);
//! let group = address_groups::remove_addresses(&network, &group.id, ["192.0.2.0/24"]).await.extract()?;
//! address_groups::delete(&network, &group.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Extensible, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List address groups.
    LIST = GET "/address-groups" list("address_groups", AddressGroup);
    /// Show an address group.
    GET = GET "/address-groups/{address_group_id}" response("address_group", AddressGroup);
    /// Create an address group.
    CREATE = POST "/address-groups"
        request("address_group", CreateOpts)
        response("address_group", AddressGroup);
    /// Update an address group.
    UPDATE = PUT "/address-groups/{address_group_id}"
        request("address_group", UpdateOpts)
        response("address_group", AddressGroup);
    /// Delete an address group.
    DELETE = DELETE "/address-groups/{address_group_id}";
    /// Add addresses to an address group.
    ADD_ADDRESSES = PUT "/address-groups/{address_group_id}/add_addresses"
        request(Addresses)
        response("address_group", AddressGroup);
    /// Remove addresses from an address group.
    REMOVE_ADDRESSES = PUT "/address-groups/{address_group_id}/remove_addresses"
        request(Addresses)
        response("address_group", AddressGroup);
}

/// An address group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AddressGroup {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// Its CIDRs.
    pub addresses: Vec<String>,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Shared with the asking project through an RBAC policy (`rbac-address-group`;
    /// Neutron 28 sends it in the answers to add and remove addresses only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// Its revision (Neutron sends it; the API reference's samples leave it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// When it was created (as the revision).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::option"
    )]
    pub created_at: Option<Timestamp>,
    /// When it last changed (as the revision).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::option"
    )]
    pub updated_at: Option<Timestamp>,
}

impl crate::find::Named for AddressGroup {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Options for creating an address group.
///
/// ```
/// use ferrocloud::openstack::networking::v2::address_groups::CreateOpts;
/// let opts = CreateOpts::new("address-group-2").description("docs example group").addresses(Vec::<String>::new());
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "address-group-2", "description": "docs example group", "addresses": []}));
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
    /// Its CIDRs (none when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addresses: Option<Vec<String>>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// A group named `name`.
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
    /// Sets its CIDRs.
    pub fn addresses<I: IntoIterator<Item = S>, S: Into<String>>(mut self, addresses: I) -> Self {
        self.addresses = Some(addresses.into_iter().map(Into::into).collect());
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
        self.addresses.as_deref().map_or(Ok(()), no_empty_address)
    }
}

fn no_empty_address(addresses: &[String]) -> Result<()> {
    if addresses.iter().any(|a| a.trim().is_empty()) {
        return Err(Error::invalid_input("an address must not be empty"));
    }
    Ok(())
}

/// Changes to an address group (its addresses change with [`add_addresses`] and
/// [`remove_addresses`]); unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::address_groups::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::default().description("AG description")).unwrap(),
///            serde_json::json!({"description": "AG description"}));
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

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {}

/// The body of [`add_addresses`] and [`remove_addresses`]: CIDRs.
///
/// ```
/// use ferrocloud::openstack::networking::v2::address_groups::Addresses;
/// assert_eq!(serde_json::to_value(Addresses::new(["10.0.2.100/32"])).unwrap(),
///            serde_json::json!({"addresses": ["10.0.2.100/32"]}));
/// use ferrocloud::request::Validate;
/// assert!(Addresses::new(Vec::<String>::new()).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Addresses {
    /// The CIDRs.
    pub addresses: Vec<String>,
}

impl Addresses {
    /// These CIDRs.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(addresses: I) -> Self {
        Addresses {
            addresses: addresses.into_iter().map(Into::into).collect(),
        }
    }
}

impl Validate for Addresses {
    fn validate(&self) -> Result<()> {
        if self.addresses.is_empty() {
            return Err(Error::invalid_input("give at least one address"));
        }
        no_empty_address(&self.addresses)
    }
}

/// Filters for listing address groups; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::address_groups::ListOpts;
/// let opts = ListOpts { name: Some("office".into()), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "name=office");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By description (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    AddressGroup, "address group", "address_groups", extract_address_groups;
    list get create update update_if_revision delete find
}

/// Adds CIDRs to an address group; answers with the group. Neutron refuses (400,
/// `AddressesAlreadyExist`) an address the group already has, and normalizes what it
/// adds (`10.0.0.1` is `10.0.0.1/32`).
pub async fn add_addresses<I: IntoIterator<Item = S>, S: Into<String>>(
    client: &ServiceClient,
    id: &str,
    addresses: I,
) -> ApiResult<AddressGroup> {
    client
        .request(&ADD_ADDRESSES, &[id])
        .body(&Addresses::new(addresses))
        .send()
        .await
}

/// Removes CIDRs from an address group; answers with the group. Neutron refuses (404,
/// `AddressesNotFound`) to remove an address the group does not have.
pub async fn remove_addresses<I: IntoIterator<Item = S>, S: Into<String>>(
    client: &ServiceClient,
    id: &str,
    addresses: I,
) -> ApiResult<AddressGroup> {
    client
        .request(&REMOVE_ADDRESSES, &[id])
        .body(&Addresses::new(addresses))
        .send()
        .await
}
