//! The caller's quota usage (2.9): what its project holds against each of Glance's
//! limits (unified limits in Keystone).
//!
//! ```no_run
//! # async fn demo(glance: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::usage;
//! let u = usage::get(&glance).await.extract()?;
//! if let Some(size) = u.get("image_size_total") {
//!     println!("{} of {} MiB", size.usage, size.limit);
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "image";
    /// Show the quota usage.
    GET = GET "/info/usage" response("usage", BTreeMap<String, Usage>);
}

/// One quota: its limit and what is used of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Usage {
    /// The limit (`-1`: none).
    pub limit: i64,
    /// What is used.
    pub usage: i64,
}

/// The quota usage, by quota (`image_size_total` in MiB, `image_count_total`,
/// `image_stage_total`, `image_count_uploading`).
pub async fn get(client: &ServiceClient) -> ApiResult<BTreeMap<String, Usage>> {
    client.request(&GET, &[]).send().await
}
