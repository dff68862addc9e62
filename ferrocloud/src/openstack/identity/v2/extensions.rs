//! Extensions (identity v2.0, legacy clouds): what the v2.0 API adds to its core.
//!
//! Keystone removed the v2.0 API in Queens (13.0.0); these calls are for clouds that
//! still serve it.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v2::extensions;
//! for e in extensions::list(&identity).await.extract()?.values {
//!     println!("{}: {}", e.alias, e.name);
//! }
//! let oauth = extensions::get(&identity, "OS-OAUTH1").await.extract()?;
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::de::Link;
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "identity", undocumented;
    /// List extensions.
    LIST = GET "/extensions" response("extensions", Extensions);
    /// Show an extension.
    GET = GET "/extensions/{alias}" response("extension", Extension);
}



/// The extensions of a v2.0 API (`{"extensions": {"values": [...]}}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Extensions {
    /// The extensions.
    #[serde(default)]
    pub values: Vec<Extension>,
}

/// An extension.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Extension {
    /// Its alias (`OS-KSADM`, `OS-OAUTH1`…).
    pub alias: String,
    /// Its name.
    pub name: String,
    /// Its namespace URL.
    #[serde(default)]
    pub namespace: Option<String>,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// When it was last updated, as Keystone wrote it (not always a valid date, e.g.
    /// `2013-07-07T12:00:0-00:00`).
    #[serde(default)]
    pub updated: Option<String>,
    /// Links to its documentation.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// Lists the extensions.
pub async fn list(client: &ServiceClient) -> ApiResult<Extensions> {
    client.request(&LIST, &[]).send().await
}

/// Shows an extension by alias.
pub async fn get(client: &ServiceClient, alias: &str) -> ApiResult<Extension> {
    client.request(&GET, &[alias]).send().await
}
