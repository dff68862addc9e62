//! Allocations: the resources a consumer (an instance, a migration…) holds on
//! providers. A consumer's allocations are replaced as a whole (1.12 form), naming the
//! consumer's generation from 1.28 (`ConsumerGeneration::New` for a consumer Placement
//! does not know yet) and its type from 1.38; `POST /allocations` (1.13) writes those of
//! several consumers at once, atomically.
//!
//! ```no_run
//! # async fn demo(placement: ferrocloud::ServiceClient, rp: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::placement::v1::allocations::{self, AllocationsOpts, ConsumerGeneration};
//! use ferrocloud::openstack::placement::v1::common::ProviderResources;
//! let consumer = "9afd5aeb-d6b9-4dea-a588-1e6327a91834";
//! let opts = AllocationsOpts::new("project-id", "user-id")
//!     .on(rp, ProviderResources::new([("VCPU", 2), ("MEMORY_MB", 2048)]))
//!     .consumer_generation(ConsumerGeneration::New)
//!     .consumer_type("INSTANCE");
//! allocations::replace(&placement, consumer, &opts).await.extract()?;
//! let held = allocations::get(&placement, consumer).await.extract()?;
//! println!("generation {:?}: {:?}", held.consumer_generation, held.allocations);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use super::common::{ProviderResources, Resources, need};
use crate::microversion::{Microversion, at_least};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "placement";
    /// Show a consumer's allocations.
    GET = GET "/allocations/{consumer_uuid}" response(ConsumerAllocations);
    /// Replace a consumer's allocations (the 1.12 form).
    REPLACE = PUT "/allocations/{consumer_uuid}" since("1.12") request(AllocationsOpts);
    /// Delete a consumer's allocations.
    DELETE = DELETE "/allocations/{consumer_uuid}";
    /// Replace the allocations of several consumers at once (1.13).
    MANAGE = POST "/allocations" since("1.13") request(ManageOpts);
    /// List the allocations on a provider.
    LIST_FOR_PROVIDER = GET "/resource_providers/{uuid}/allocations" response(ProviderAllocations);
}

/// A consumer's allocations.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ConsumerAllocations {
    /// What it holds, by provider UUID (with each provider's generation).
    pub allocations: BTreeMap<String, ProviderResources>,
    /// Its project (1.12; absent when it holds nothing).
    #[serde(default)]
    pub project_id: Option<String>,
    /// Its user (1.12; absent when it holds nothing).
    #[serde(default)]
    pub user_id: Option<String>,
    /// Its generation (1.28; absent when it holds nothing).
    #[serde(default)]
    pub consumer_generation: Option<u64>,
    /// Its type (1.38: `INSTANCE`, `MIGRATION`, or `unknown` for consumers written
    /// before).
    #[serde(default)]
    pub consumer_type: Option<String>,
}

impl ConsumerAllocations {
    /// The generation to name in the next write of these allocations: the one read,
    /// or [`ConsumerGeneration::New`] for a consumer Placement does not know.
    ///
    /// ```
    /// # use ferrocloud::openstack::placement::v1::allocations::{ConsumerAllocations, ConsumerGeneration};
    /// let none: ConsumerAllocations = serde_json::from_str(r#"{"allocations": {}}"#).unwrap();
    /// assert_eq!(none.next_generation(), ConsumerGeneration::New);
    /// ```
    pub fn next_generation(&self) -> ConsumerGeneration {
        self.consumer_generation
            .map_or(ConsumerGeneration::New, ConsumerGeneration::Is)
    }
}

/// The allocations on a provider.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ProviderAllocations {
    /// What each consumer holds here, by consumer UUID.
    pub allocations: BTreeMap<String, ProviderResources>,
    /// The provider's generation.
    pub resource_provider_generation: u64,
}

/// The consumer generation a write of allocations is computed from (1.28).
///
/// ```
/// use ferrocloud::openstack::placement::v1::allocations::ConsumerGeneration;
/// assert_eq!(serde_json::to_value(ConsumerGeneration::New).unwrap(), serde_json::Value::Null);
/// assert_eq!(serde_json::to_value(ConsumerGeneration::Is(3)).unwrap(), 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsumerGeneration {
    /// A consumer Placement does not know yet (sent as `null`).
    New,
    /// The generation read.
    Is(u64),
}

impl Serialize for ConsumerGeneration {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            ConsumerGeneration::New => s.serialize_none(),
            ConsumerGeneration::Is(n) => s.serialize_u64(*n),
        }
    }
}

impl<'de> Deserialize<'de> for ConsumerGeneration {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Ok(Option::<u64>::deserialize(d)?.map_or(ConsumerGeneration::New, ConsumerGeneration::Is))
    }
}

/// A consumer's allocations as written: what it is to hold on each provider (an empty
/// map removes them all), its project and user, and from 1.28 its generation, from
/// 1.38 its type.
///
/// ```
/// use ferrocloud::openstack::placement::v1::allocations::{AllocationsOpts, ConsumerGeneration};
/// use ferrocloud::openstack::placement::v1::common::ProviderResources;
/// let opts = AllocationsOpts::new("p", "u")
///     .on("rp1", ProviderResources::new([("DISK_GB", 20)]))
///     .consumer_generation(ConsumerGeneration::Is(1));
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "allocations": {"rp1": {"resources": {"DISK_GB": 20}}},
///     "project_id": "p", "user_id": "u", "consumer_generation": 1}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AllocationsOpts {
    /// What to hold, by provider UUID.
    pub allocations: BTreeMap<String, ProviderResources>,
    /// The consumer's project.
    pub project_id: String,
    /// The consumer's user.
    pub user_id: String,
    /// The consumer's generation (required from 1.28).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consumer_generation: Option<ConsumerGeneration>,
    /// The consumer's type (required from 1.38: `INSTANCE`, `MIGRATION`, or any name
    /// of capitals, digits and underscores).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consumer_type: Option<String>,
}

impl AllocationsOpts {
    /// Nothing held yet, for a consumer of `project_id` and `user_id`.
    pub fn new(project_id: impl Into<String>, user_id: impl Into<String>) -> Self {
        AllocationsOpts {
            project_id: project_id.into(),
            user_id: user_id.into(),
            ..Default::default()
        }
    }

    /// Holds `resources` on the provider `uuid`.
    pub fn on(mut self, uuid: impl Into<String>, resources: ProviderResources) -> Self {
        self.allocations.insert(uuid.into(), resources);
        self
    }

    /// The consumer generation this is computed from (1.28).
    pub fn consumer_generation(mut self, generation: ConsumerGeneration) -> Self {
        self.consumer_generation = Some(generation);
        self
    }

    /// The consumer type (1.38).
    pub fn consumer_type(mut self, kind: impl Into<String>) -> Self {
        self.consumer_type = Some(kind.into());
        self
    }

    /// Checks what the client's microversion requires or refuses.
    pub(crate) fn check(&self, client: &ServiceClient) -> Result<()> {
        crate::request::require("project_id", !self.project_id.is_empty())?;
        crate::request::require("user_id", !self.user_id.is_empty())?;
        let at = |minor| at_least(client, Microversion::new(1, minor));
        match (&self.consumer_generation, at(28)) {
            (None, true) => {
                return Err(Error::invalid_input(
                    "consumer_generation is required from placement microversion 1.28 (ConsumerGeneration::New for a new consumer)",
                ));
            }
            (Some(_), false) => need(client, "consumer_generation", 28)?,
            _ => {}
        }
        match (&self.consumer_type, at(38)) {
            (None, true) => Err(Error::invalid_input(
                "consumer_type is required from placement microversion 1.38",
            )),
            (Some(_), false) => need(client, "consumer_type", 38),
            _ => Ok(()),
        }
    }
}

impl Validate for AllocationsOpts {}

/// What [`manage`] sends: the allocations of each consumer, by consumer UUID.
///
/// ```
/// use ferrocloud::openstack::placement::v1::allocations::{AllocationsOpts, ManageOpts};
/// let mut opts = ManageOpts::default();
/// opts.0.insert("c1".into(), AllocationsOpts::new("p", "u"));
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "c1": {"allocations": {}, "project_id": "p", "user_id": "u"}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ManageOpts(pub BTreeMap<String, AllocationsOpts>);

impl Validate for ManageOpts {}

/// Shows a consumer's allocations (an empty map for a consumer holding nothing).
pub async fn get(client: &ServiceClient, consumer_uuid: &str) -> ApiResult<ConsumerAllocations> {
    client.request(&GET, &[consumer_uuid]).send().await
}

/// Replaces a consumer's allocations (1.12; `204`). A stale consumer or provider
/// generation is [`ErrorKind::GenerationConflict`](crate::ErrorKind::GenerationConflict);
/// not enough capacity is a plain conflict.
pub async fn replace(
    client: &ServiceClient,
    consumer_uuid: &str,
    opts: &AllocationsOpts,
) -> ApiResult<()> {
    if let Err(e) = opts.check(client) {
        return ApiResult::from_error(e);
    }
    client
        .request(&REPLACE, &[consumer_uuid])
        .body(opts)
        .send()
        .await
}

/// Deletes all of a consumer's allocations (`204`; `404` when it holds none).
pub async fn delete(client: &ServiceClient, consumer_uuid: &str) -> ApiResult<()> {
    client.request(&DELETE, &[consumer_uuid]).send().await
}

/// Replaces the allocations of several consumers in one transaction (1.13; `204`): a
/// move from one consumer to another, for instance.
pub async fn manage(client: &ServiceClient, opts: &ManageOpts) -> ApiResult<()> {
    if let Err(e) = opts.0.values().try_for_each(|o| o.check(client)) {
        return ApiResult::from_error(e);
    }
    client.request(&MANAGE, &[]).body(opts).send().await
}

/// Lists what each consumer holds on a provider.
pub async fn list_for_provider(
    client: &ServiceClient,
    uuid: &str,
) -> ApiResult<ProviderAllocations> {
    client.request(&LIST_FOR_PROVIDER, &[uuid]).send().await
}

/// The total of each resource class in `allocations` (all providers together).
///
/// ```
/// use ferrocloud::openstack::placement::v1::{allocations, common::ProviderResources};
/// let held = [("a".to_string(), ProviderResources::new([("VCPU", 1)])),
///             ("b".to_string(), ProviderResources::new([("VCPU", 2), ("DISK_GB", 5)]))].into();
/// let total = allocations::totals(&held);
/// assert_eq!((total["VCPU"], total["DISK_GB"]), (3, 5));
/// ```
pub fn totals(allocations: &BTreeMap<String, ProviderResources>) -> Resources {
    let mut out = Resources::new();
    for r in allocations.values() {
        for (class, n) in &r.resources {
            *out.entry(class.clone()).or_default() += n;
        }
    }
    out
}
