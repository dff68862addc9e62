//! The API extensions this Neutron has loaded: what decides which attributes and
//! resources exist (`qos`, `trunk`, `port-security`…).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::api_extensions;
//! if api_extensions::is_loaded(&network, "trunk").await? {
//!     println!("trunks are available");
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::de::Link;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List the loaded extensions.
    LIST = GET "/extensions" list("extensions", Extension);
    /// Show one extension by alias.
    GET = GET "/extensions/{alias}" response("extension", Extension);
}

/// One API extension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Extension {
    /// The alias resources and attributes are known by (`port-security`).
    pub alias: String,
    /// Its name.
    pub name: String,
    /// What it adds.
    pub description: String,
    /// When it last changed (free text, often an ISO date).
    pub updated: String,
    /// Links (usually none).
    pub links: Vec<Link>,
}

/// Lists the loaded extensions (one page).
pub fn list(client: &ServiceClient) -> Pager<Extension> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The extensions of a page.
    extract_extensions, Extension
}

/// Shows an extension by alias (404 when it is not loaded).
pub async fn get(client: &ServiceClient, alias: &str) -> ApiResult<Extension> {
    client.request(&GET, &[alias]).send().await
}

/// True when the extension `alias` is loaded.
pub async fn is_loaded(client: &ServiceClient, alias: &str) -> Result<bool> {
    get(client, alias).await.exists()
}
