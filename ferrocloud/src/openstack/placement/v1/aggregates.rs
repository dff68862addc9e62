//! The aggregates a resource provider is a member of (1.1): sets of UUIDs Placement
//! uses for sharing providers and `member_of` filters. Setting them names the
//! provider's generation (1.19).
//!
//! ```no_run
//! # async fn demo(placement: ferrocloud::ServiceClient, rp: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::placement::v1::aggregates;
//! let current = aggregates::list(&placement, rp).await.extract()?;
//! let mut wanted = current.aggregates.clone();
//! wanted.push("5e08ea53-c4c6-448e-9334-ac4953de3cfa".into());
//! let generation = current.resource_provider_generation.unwrap_or_default();
//! aggregates::set(&placement, rp, &wanted, generation).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::ServiceClient;
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "placement";
    /// List a provider's aggregates.
    LIST = GET "/resource_providers/{uuid}/aggregates" since("1.1") response(Aggregates);
    /// Replace a provider's aggregates (with its generation: 1.19).
    SET = PUT "/resource_providers/{uuid}/aggregates" since("1.19") request(AggregatesOpts) response(Aggregates);
}

/// A provider's aggregates.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Aggregates {
    /// The aggregates' UUIDs.
    pub aggregates: Vec<String>,
    /// The provider's generation (1.19).
    #[serde(default)]
    pub resource_provider_generation: Option<u64>,
}

/// What [`set`] sends.
///
/// ```
/// use ferrocloud::openstack::placement::v1::aggregates::AggregatesOpts;
/// let opts = AggregatesOpts { aggregates: vec!["42896e0d".into()], resource_provider_generation: 9 };
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"aggregates": ["42896e0d"], "resource_provider_generation": 9}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AggregatesOpts {
    /// Every aggregate the provider is to be a member of.
    pub aggregates: Vec<String>,
    /// The provider's generation this was computed from.
    pub resource_provider_generation: u64,
}

impl Validate for AggregatesOpts {}

/// Lists a provider's aggregates (1.1; the generation comes with them from 1.19).
pub async fn list(client: &ServiceClient, uuid: &str) -> ApiResult<Aggregates> {
    client.request(&LIST, &[uuid]).send().await
}

/// Replaces a provider's aggregates with `aggregates` (1.19), computed from the
/// provider's `generation` (a stale one is
/// [`ErrorKind::GenerationConflict`](crate::ErrorKind::GenerationConflict)).
pub async fn set(
    client: &ServiceClient,
    uuid: &str,
    aggregates: &[String],
    generation: u64,
) -> ApiResult<Aggregates> {
    let opts = AggregatesOpts {
        aggregates: aggregates.to_vec(),
        resource_provider_generation: generation,
    };
    client.request(&SET, &[uuid]).body(&opts).send().await
}
