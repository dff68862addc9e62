//! Resource filters (since 3.33): the filters each resource's listing accepts, as the
//! deployment configures them (Cinder's `resource_filters.json`; an empty list when
//! the deployment has none).
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::resource_filters::{self, ListOpts};
//! let opts = ListOpts { resource: Some("volume".into()) };
//! for f in resource_filters::list(&volumes, &opts).all().await? {
//!     println!("{}: {:?}", f.resource, f.filters);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::ServiceClient;

crate::operations! {
    service: "block-storage";
    /// List resource filters.
    LIST = GET "/resource_filters" since("3.33") list("resource_filters", ResourceFilter);
}

/// The operations the v2 API documents: none (v3 only).
pub static V2_OPERATIONS: &[&crate::Operation] = &[];

/// The filters of one resource.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ResourceFilter {
    /// The resource (`volume`, `snapshot`, `backup`…).
    pub resource: String,
    /// The filter names its listing accepts.
    pub filters: Vec<String>,
}

/// Options of [`list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Only this resource's filters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
}

/// Lists the filters (one page).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<ResourceFilter> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The filters of a page of [`list`].
    extract_resource_filters, ResourceFilter
}
