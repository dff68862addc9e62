//! API extensions Manila lists (legacy; the microversions describe the API now).
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::extensions;
//! for e in extensions::list(&manila).await.extract()? { println!("{}", e.alias); }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "shared-file-system";
    /// List extensions.
    LIST = GET "/extensions" list("extensions", Extension);
}

/// An API extension.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Extension {
    /// The name.
    pub name: String,
    /// The alias.
    pub alias: String,
    /// The description.
    pub description: String,
    /// When it was last updated (as written).
    pub updated: String,
    /// Links.
    pub links: Vec<crate::de::Link>,
}

/// Lists the extensions.
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<Extension>> {
    client.request(&LIST, &[]).send().await
}
