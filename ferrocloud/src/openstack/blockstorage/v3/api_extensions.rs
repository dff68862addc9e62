//! API extensions: the extensions Cinder has loaded (`GET /extensions`).
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::api_extensions;
//! let all = api_extensions::list(&volumes).all().await?;
//! assert!(all.iter().any(|e| e.alias == "os-quota-sets"));
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::dates::Timestamp;
use crate::de::Link;
use crate::pagination::{PageStyle, Pager};
use crate::ServiceClient;

crate::operations! {
    service: "block-storage";
    /// List the API extensions.
    LIST = GET "/extensions" list("extensions", Extension);
}

/// The operations the v2 API documents: all of them.
pub static V2_OPERATIONS: &[&crate::Operation] = OPERATIONS;

/// An API extension.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Extension {
    /// Its alias (`os-hosts`).
    pub alias: String,
    /// Its name.
    pub name: String,
    /// What it does.
    pub description: String,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
    /// Links (none in Cinder 28).
    pub links: Vec<Link>,
    /// Its XML namespace (older Cinder only).
    #[serde(default)]
    pub namespace: Option<String>,
}

/// Lists the extensions (one page).
pub fn list(client: &ServiceClient) -> Pager<Extension> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The extensions of a page of [`list`].
    extract_extensions, Extension
}
