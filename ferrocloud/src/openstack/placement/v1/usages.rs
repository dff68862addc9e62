//! Usages: what is allocated, on one provider or by one project (and user) across the
//! cloud (1.9), by consumer type from 1.38.
//!
//! ```no_run
//! # async fn demo(placement: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::placement::v1::usages::{self, ListOpts, UsageTotals};
//! let opts = ListOpts::project("7e67cbf7-7c38-4a32-b85b-0739c690991a");
//! match usages::list(&placement, &opts).await.extract()?.usages {
//!     UsageTotals::Total(t) => println!("{t:?}"),
//!     UsageTotals::ByConsumerType(by) => for (kind, u) in by {
//!         println!("{kind}: {} consumers, {:?}", u.consumer_count, u.resources);
//!     },
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::Resources;
use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "placement";
    /// List a project's (and user's) usages (1.9).
    LIST = GET "/usages" since("1.9") response(Usages);
    /// List a provider's usages.
    LIST_FOR_PROVIDER = GET "/resource_providers/{uuid}/usages" response(ProviderUsages);
}

/// A provider's usages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ProviderUsages {
    /// The amount used, by resource class.
    pub usages: Resources,
    /// The provider's generation.
    pub resource_provider_generation: u64,
}

/// A project's usages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Usages {
    /// The totals.
    pub usages: UsageTotals,
}

/// Usage totals: for all consumers together (before 1.38), or by consumer type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum UsageTotals {
    /// By consumer type (`INSTANCE`, `MIGRATION`, `unknown`…; 1.38).
    ByConsumerType(BTreeMap<String, ConsumerTypeUsage>),
    /// For all consumers together, by resource class.
    Total(Resources),
}

/// The usages of one consumer type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ConsumerTypeUsage {
    /// How many consumers of this type hold something.
    pub consumer_count: u64,
    /// The amount used, by resource class.
    #[serde(flatten)]
    pub resources: Resources,
}

/// What [`list`] asks about.
///
/// ```
/// use ferrocloud::openstack::placement::v1::usages::ListOpts;
/// let opts = ListOpts { consumer_type: Some("INSTANCE".into()), ..ListOpts::project("p1") };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "project_id=p1&consumer_type=INSTANCE");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// The project (required).
    pub project_id: String,
    /// Only this user's consumers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Only consumers of this type (`all`, `unknown`, or a type; 1.38).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumer_type: Option<String>,
}

impl ListOpts {
    /// The usages of `project_id`.
    pub fn project(project_id: impl Into<String>) -> Self {
        ListOpts {
            project_id: project_id.into(),
            ..Default::default()
        }
    }
}

/// Lists a project's usages (1.9).
pub async fn list(client: &ServiceClient, opts: &ListOpts) -> ApiResult<Usages> {
    if opts.project_id.is_empty() {
        return ApiResult::from_error(crate::Error::invalid_input("project_id is required"));
    }
    client.request(&LIST, &[]).query(opts).send().await
}

/// Lists a provider's usages.
pub async fn list_for_provider(client: &ServiceClient, uuid: &str) -> ApiResult<ProviderUsages> {
    client.request(&LIST_FOR_PROVIDER, &[uuid]).send().await
}
