//! Quota classes (admin, 2.7): the defaults of a class of projects (`default`).
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::quota_class_sets::{self, UpdateOpts};
//! let q = quota_class_sets::get(&manila, "default").await.extract()?;
//! let mut opts = UpdateOpts::default();
//! opts.quotas.shares = Some(q.shares + 10);
//! quota_class_sets::update(&manila, "default", &opts).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

pub use super::quota_sets::QuotaSet;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "shared-file-system";
    /// Show a quota class.
    GET = GET "/quota-class-sets/{quota_class_name}" since("2.7") response("quota_class_set", QuotaSet);
    /// Update a quota class.
    UPDATE = PUT "/quota-class-sets/{quota_class_name}" since("2.7") request("quota_class_set", UpdateOpts) response("quota_class_set", QuotaSet);
}

/// What [`update`] changes (unset kinds stay): the kinds of
/// [`quota_sets::UpdateOpts`](super::quota_sets::UpdateOpts) (its `force` does not apply).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The class name (Manila ignores it; the path names the class).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class_name: Option<String>,
    /// The new limits.
    #[serde(flatten)]
    pub quotas: super::quota_sets::UpdateOpts,
}

impl Validate for UpdateOpts {}

/// Shows a quota class.
pub async fn get(client: &ServiceClient, class: &str) -> ApiResult<QuotaSet> {
    client.request(&GET, &[class]).send().await
}

/// Updates a quota class.
pub async fn update(client: &ServiceClient, class: &str, opts: &UpdateOpts) -> ApiResult<QuotaSet> {
    client.request(&UPDATE, &[class]).body(opts).send().await
}
