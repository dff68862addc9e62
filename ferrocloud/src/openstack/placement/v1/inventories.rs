//! Inventories: how much of each resource class a provider has, and how it may be
//! allocated (reserved amount, smallest and largest allocation, step, overcommit
//! ratio). Every write names the provider's generation.
//!
//! ```no_run
//! # async fn demo(placement: ferrocloud::ServiceClient, rp: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::placement::v1::inventories::{self, InventoryOpts, InventoriesOpts};
//! let current = inventories::list(&placement, rp).await.extract()?;
//! let opts = InventoriesOpts::new(current.resource_provider_generation)
//!     .with("VCPU", InventoryOpts::new(32).allocation_ratio(4.0))
//!     .with("MEMORY_MB", InventoryOpts::new(131072).reserved(2048));
//! let updated = inventories::replace(&placement, rp, &opts).await.extract()?;
//! println!("generation {}", updated.resource_provider_generation);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "placement";
    /// List a provider's inventories.
    LIST = GET "/resource_providers/{uuid}/inventories" response(Inventories);
    /// Replace a provider's inventories.
    REPLACE = PUT "/resource_providers/{uuid}/inventories" request(InventoriesOpts) response(Inventories);
    /// Delete all of a provider's inventories (1.5).
    DELETE_ALL = DELETE "/resource_providers/{uuid}/inventories" since("1.5");
    /// Show one inventory.
    GET = GET "/resource_providers/{uuid}/inventories/{resource_class}" response(ProviderInventory);
    /// Create or update one inventory.
    UPDATE = PUT "/resource_providers/{uuid}/inventories/{resource_class}" request(InventoryUpdate) response(ProviderInventory);
    /// Delete one inventory.
    DELETE = DELETE "/resource_providers/{uuid}/inventories/{resource_class}";
}

/// One resource class's inventory on a provider.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Inventory {
    /// The amount the provider has.
    pub total: u64,
    /// The amount kept out of allocations.
    pub reserved: u64,
    /// The smallest amount one allocation may take.
    pub min_unit: u64,
    /// The largest amount one allocation may take.
    pub max_unit: u64,
    /// Allocations are multiples of this.
    pub step_size: u64,
    /// Overcommit: capacity is `(total - reserved) * allocation_ratio`.
    pub allocation_ratio: f64,
}

impl Inventory {
    /// What allocations may use in all: `(total - reserved) * allocation_ratio`, as
    /// Placement counts it.
    ///
    /// ```
    /// # use ferrocloud::openstack::placement::v1::inventories::Inventory;
    /// let inv: Inventory = serde_json::from_value(serde_json::json!({"total": 8, "reserved": 2,
    ///     "min_unit": 1, "max_unit": 8, "step_size": 1, "allocation_ratio": 4.0})).unwrap();
    /// assert_eq!(inv.capacity(), 24);
    /// ```
    pub fn capacity(&self) -> u64 {
        (self.total.saturating_sub(self.reserved) as f64 * self.allocation_ratio) as u64
    }
}

/// A provider's inventories with its generation.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Inventories {
    /// The inventories by resource class.
    pub inventories: BTreeMap<String, Inventory>,
    /// The provider's generation.
    pub resource_provider_generation: u64,
}

/// One inventory with the provider's generation.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ProviderInventory {
    /// The inventory.
    #[serde(flatten)]
    pub inventory: Inventory,
    /// The provider's generation.
    pub resource_provider_generation: u64,
}

/// One inventory as sent: the total, and the rest when it differs from Placement's
/// defaults (reserved 0, min_unit 1, max_unit the largest, step_size 1, ratio 1.0).
///
/// ```
/// use ferrocloud::openstack::placement::v1::inventories::InventoryOpts;
/// let inv = InventoryOpts::new(64).reserved(2).allocation_ratio(10.0);
/// assert_eq!(serde_json::to_value(&inv).unwrap(),
///     serde_json::json!({"total": 64, "reserved": 2, "allocation_ratio": 10.0}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InventoryOpts {
    /// The amount the provider has.
    pub total: u64,
    /// The amount kept out of allocations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserved: Option<u64>,
    /// The smallest amount one allocation may take.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_unit: Option<u64>,
    /// The largest amount one allocation may take.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_unit: Option<u64>,
    /// Allocations are multiples of this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_size: Option<u64>,
    /// The overcommit ratio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation_ratio: Option<f64>,
}

impl InventoryOpts {
    /// An inventory of `total`.
    pub fn new(total: u64) -> Self {
        InventoryOpts {
            total,
            ..Default::default()
        }
    }
    /// Keeps `n` out of allocations.
    pub fn reserved(mut self, n: u64) -> Self {
        self.reserved = Some(n);
        self
    }
    /// The smallest allocation.
    pub fn min_unit(mut self, n: u64) -> Self {
        self.min_unit = Some(n);
        self
    }
    /// The largest allocation.
    pub fn max_unit(mut self, n: u64) -> Self {
        self.max_unit = Some(n);
        self
    }
    /// Allocations in multiples of `n`.
    pub fn step_size(mut self, n: u64) -> Self {
        self.step_size = Some(n);
        self
    }
    /// The overcommit ratio.
    pub fn allocation_ratio(mut self, r: f64) -> Self {
        self.allocation_ratio = Some(r);
        self
    }
}

/// What [`replace`] sends: every inventory the provider is to have, and the generation
/// they were computed from.
///
/// ```
/// use ferrocloud::openstack::placement::v1::inventories::{InventoriesOpts, InventoryOpts};
/// let opts = InventoriesOpts::new(1).with("VCPU", InventoryOpts::new(64));
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "inventories": {"VCPU": {"total": 64}}, "resource_provider_generation": 1}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InventoriesOpts {
    /// The inventories by resource class.
    pub inventories: BTreeMap<String, InventoryOpts>,
    /// The provider's generation they were computed from.
    pub resource_provider_generation: u64,
}

impl InventoriesOpts {
    /// No inventories yet, computed from `generation`.
    pub fn new(generation: u64) -> Self {
        InventoriesOpts {
            inventories: BTreeMap::new(),
            resource_provider_generation: generation,
        }
    }

    /// Adds the inventory of `resource_class`.
    pub fn with(mut self, resource_class: impl Into<String>, inventory: InventoryOpts) -> Self {
        self.inventories.insert(resource_class.into(), inventory);
        self
    }
}

impl Validate for InventoriesOpts {}

/// What [`update`] sends: one inventory and the provider's generation.
///
/// ```
/// use ferrocloud::openstack::placement::v1::inventories::{InventoryOpts, InventoryUpdate};
/// let opts = InventoryUpdate::new(7, InventoryOpts::new(50));
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"resource_provider_generation": 7, "total": 50}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InventoryUpdate {
    /// The provider's generation.
    pub resource_provider_generation: u64,
    /// The inventory.
    #[serde(flatten)]
    pub inventory: InventoryOpts,
}

impl InventoryUpdate {
    /// `inventory`, computed from `generation`.
    pub fn new(generation: u64, inventory: InventoryOpts) -> Self {
        InventoryUpdate {
            resource_provider_generation: generation,
            inventory,
        }
    }
}

impl Validate for InventoryUpdate {}

/// Lists a provider's inventories.
pub async fn list(client: &ServiceClient, uuid: &str) -> ApiResult<Inventories> {
    client.request(&LIST, &[uuid]).send().await
}

/// Replaces all of a provider's inventories (`409` with
/// [`ErrorKind::GenerationConflict`](crate::ErrorKind::GenerationConflict) when the
/// generation is stale, or a plain conflict when allocations would not fit).
pub async fn replace(
    client: &ServiceClient,
    uuid: &str,
    opts: &InventoriesOpts,
) -> ApiResult<Inventories> {
    client.request(&REPLACE, &[uuid]).body(opts).send().await
}

/// Deletes all of a provider's inventories (1.5; `409` while it has allocations).
pub async fn delete_all(client: &ServiceClient, uuid: &str) -> ApiResult<()> {
    client.request(&DELETE_ALL, &[uuid]).send().await
}

/// Shows the inventory of one resource class.
pub async fn get(
    client: &ServiceClient,
    uuid: &str,
    resource_class: &str,
) -> ApiResult<ProviderInventory> {
    client.request(&GET, &[uuid, resource_class]).send().await
}

/// Creates or updates the inventory of one resource class.
pub async fn update(
    client: &ServiceClient,
    uuid: &str,
    resource_class: &str,
    opts: &InventoryUpdate,
) -> ApiResult<ProviderInventory> {
    client
        .request(&UPDATE, &[uuid, resource_class])
        .body(opts)
        .send()
        .await
}

/// Deletes the inventory of one resource class (`409` while it is allocated).
pub async fn delete(client: &ServiceClient, uuid: &str, resource_class: &str) -> ApiResult<()> {
    client.request(&DELETE, &[uuid, resource_class]).send().await
}

