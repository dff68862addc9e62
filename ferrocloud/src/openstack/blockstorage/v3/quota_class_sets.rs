//! Quota class sets: named sets of quotas. Cinder reads the `default` class for the
//! default quotas of every project (what
//! [`get_defaults`](crate::openstack::blockstorage::v3::quota_sets::get_defaults)
//! shows), so changing it changes the quotas of every project that has not its own
//! (admin).
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::{quota_class_sets, quota_sets::UpdateOpts};
//! let class = quota_class_sets::get(&volumes, "default").await.extract()?;
//! let opts = UpdateOpts { snapshots: Some(class.snapshots + 1), ..Default::default() };
//! let changed = quota_class_sets::update(&volumes, "default", &opts).await.extract()?;
//! assert_eq!(changed.snapshots, class.snapshots + 1);
//! # Ok(()) }
//! ```

use crate::request::ApiResult;
use crate::ServiceClient;

pub use super::quota_sets::{QuotaSet, UpdateOpts};

crate::operations! {
    service: "block-storage";
    /// Show a quota class's quotas.
    GET = GET "/os-quota-class-sets/{quota_class_name}" response("quota_class_set", QuotaSet);
    /// Update a quota class's quotas (admin).
    UPDATE = PUT "/os-quota-class-sets/{quota_class_name}" request("quota_class_set", UpdateOpts) response("quota_class_set", QuotaSet);
}

/// The operations the v2 API documents: all of them.
pub static V2_OPERATIONS: &[&crate::Operation] = OPERATIONS;

/// Shows a quota class (its `id` is the class name; a class without quotas of its own
/// shows the defaults).
pub async fn get(client: &ServiceClient, class_name: &str) -> ApiResult<QuotaSet> {
    client.request(&GET, &[class_name]).send().await
}

/// Updates a quota class (admin); the answer holds all its quotas (without `id`).
pub async fn update(
    client: &ServiceClient,
    class_name: &str,
    opts: &UpdateOpts,
) -> ApiResult<QuotaSet> {
    client.request(&UPDATE, &[class_name]).body(opts).send().await
}
