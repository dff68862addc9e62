//! Reshaping (1.30): moving inventories and the allocations against them between
//! providers in one transaction, when a provider tree changes shape (a compute node's
//! VGPUs moving to child providers, for instance).
//!
//! ```no_run
//! # async fn demo(placement: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::placement::v1::reshaper::{self, ReshapeOpts};
//! use ferrocloud::openstack::placement::v1::inventories::{InventoriesOpts, InventoryOpts};
//! let opts = ReshapeOpts::default()
//!     .inventories("root-uuid", InventoriesOpts::new(4))
//!     .inventories("child-uuid", InventoriesOpts::new(0).with("VGPU", InventoryOpts::new(8)));
//! reshaper::reshape(&placement, &opts).await.extract()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::allocations::AllocationsOpts;
use super::inventories::InventoriesOpts;
use crate::ServiceClient;
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "placement";
    /// Reshape inventories and allocations (1.30).
    RESHAPE = POST "/reshaper" since("1.30") request(ReshapeOpts);
}

/// What [`reshape`] sends: the complete inventories of every provider it touches, and
/// the complete allocations of every consumer it touches.
///
/// ```
/// use ferrocloud::openstack::placement::v1::reshaper::ReshapeOpts;
/// use ferrocloud::openstack::placement::v1::inventories::InventoriesOpts;
/// let opts = ReshapeOpts::default().inventories("rp", InventoriesOpts::new(2));
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "inventories": {"rp": {"inventories": {}, "resource_provider_generation": 2}},
///     "allocations": {}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReshapeOpts {
    /// Inventories by provider UUID.
    pub inventories: BTreeMap<String, InventoriesOpts>,
    /// Allocations by consumer UUID.
    pub allocations: BTreeMap<String, AllocationsOpts>,
}

impl ReshapeOpts {
    /// Sets the inventories of the provider `uuid`.
    pub fn inventories(mut self, uuid: impl Into<String>, inventories: InventoriesOpts) -> Self {
        self.inventories.insert(uuid.into(), inventories);
        self
    }

    /// Sets the allocations of the consumer `uuid`.
    pub fn allocations(mut self, uuid: impl Into<String>, allocations: AllocationsOpts) -> Self {
        self.allocations.insert(uuid.into(), allocations);
        self
    }
}

impl Validate for ReshapeOpts {}

/// Reshapes inventories and allocations in one transaction (1.30; `204`). Every
/// generation must be current, or nothing changes
/// ([`ErrorKind::GenerationConflict`](crate::ErrorKind::GenerationConflict)).
pub async fn reshape(client: &ServiceClient, opts: &ReshapeOpts) -> ApiResult<()> {
    if let Err(e) = opts.allocations.values().try_for_each(|a| a.check(client)) {
        return ApiResult::from_error(e);
    }
    client.request(&RESHAPE, &[]).body(opts).send().await
}
