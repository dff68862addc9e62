//! Extensions of the compute API (a legacy listing: Nova 2.1 has no loadable
//! extensions, and lists its built-in features this way for old clients).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::api_extensions;
//! for ext in api_extensions::list(&compute).all_pages().await?.extract()? {
//!     println!("{}: {}", ext.alias, ext.description);
//! }
//! let agents = api_extensions::get(&compute, "os-agents").await.extract()?;
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::dates::Timestamp;
use crate::de::Link;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "compute";
    /// List extensions.
    LIST = GET "/extensions" list("extensions", Extension);
    /// Show one extension.
    GET = GET "/extensions/{alias}" response("extension", Extension);
}

/// An extension.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Extension {
    /// Its alias (`os-agents`, `OS-DCF`).
    pub alias: String,
    /// Its name.
    pub name: String,
    /// What it does.
    pub description: String,
    /// Its XML namespace (historical).
    pub namespace: String,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
    /// Links (always empty).
    pub links: Vec<Link>,
}

/// Lists the extensions.
pub fn list(client: &ServiceClient) -> Pager<Extension> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

/// Shows one extension by alias.
pub async fn get(client: &ServiceClient, alias: &str) -> ApiResult<Extension> {
    client.request(&GET, &[alias]).send().await
}
