//! Interoperable image import (2.6): the methods a cloud offers, and importing an
//! image's data by one of them: `glance-direct` (data staged with
//! [`image_data::stage`]), `web-download`
//! (Glance fetches a URL), `copy-image` (into more stores), `glance-download` (from
//! another region's Glance). The import runs after the `202`; follow it with
//! [`images::wait_for_status`] or
//! the image's tasks.
//!
//! ```no_run
//! # async fn demo(glance: ferrocloud::ServiceClient, id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::imports::{self, ImportMethod, ImportOpts};
//! let methods = imports::get_methods(&glance).await.extract()?;
//! if methods.value.iter().any(|m| m == "web-download") {
//!     let opts = ImportOpts::new(ImportMethod::web_download("https://example.org/cirros.img"));
//!     imports::import(&glance, id, &opts).await.ok()?;
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "image";
    /// Show the import methods.
    GET_METHODS = GET "/info/import" response("import-methods", ImportMethods);
    /// Import an image's data.
    IMPORT = POST "/images/{image_id}/import" request(ImportOpts);
}

/// The import methods a cloud offers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ImportMethods {
    /// What the list is.
    pub description: String,
    /// `array`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The methods' names.
    pub value: Vec<String>,
}

/// How the data comes in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "name", rename_all = "kebab-case")]
pub enum ImportMethod {
    /// From the staging area.
    GlanceDirect,
    /// Glance downloads it.
    WebDownload {
        /// From here.
        uri: String,
    },
    /// Copies an active image's data into more stores.
    CopyImage,
    /// From another region's Glance.
    GlanceDownload {
        /// The image there.
        glance_image_id: String,
        /// The region.
        glance_region: String,
        /// The endpoint interface to reach it by (`public` by default).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        glance_service_interface: Option<String>,
    },
}

impl ImportMethod {
    /// `web-download` from `uri`.
    pub fn web_download(uri: impl Into<String>) -> Self {
        ImportMethod::WebDownload { uri: uri.into() }
    }
}

/// What [`import`] sends.
///
/// ```
/// use ferrocloud::openstack::image::v2::imports::{ImportMethod, ImportOpts};
/// let opts = ImportOpts::new(ImportMethod::CopyImage).stores(["cheap", "fast"]).all_stores_must_succeed(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "method": {"name": "copy-image"}, "stores": ["cheap", "fast"],
///     "all_stores_must_succeed": false}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOpts {
    /// The method.
    pub method: ImportMethod,
    /// Into these stores (multi-store clouds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stores: Option<Vec<String>>,
    /// Into every store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_stores: Option<bool>,
    /// Whether one failed store fails the import (Glance's default: yes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_stores_must_succeed: Option<bool>,
}

impl ImportOpts {
    /// An import by `method`.
    pub fn new(method: ImportMethod) -> Self {
        ImportOpts {
            method,
            stores: None,
            all_stores: None,
            all_stores_must_succeed: None,
        }
    }
    /// Into these stores.
    pub fn stores<I: IntoIterator<Item = T>, T: Into<String>>(mut self, stores: I) -> Self {
        self.stores = Some(stores.into_iter().map(Into::into).collect());
        self
    }
    /// Into every store.
    pub fn all_stores(mut self, all: bool) -> Self {
        self.all_stores = Some(all);
        self
    }
    /// Whether one failed store fails the import.
    pub fn all_stores_must_succeed(mut self, must: bool) -> Self {
        self.all_stores_must_succeed = Some(must);
        self
    }
}

impl Validate for ImportOpts {
    fn validate(&self) -> Result<()> {
        if self.all_stores == Some(true) && self.stores.is_some() {
            return Err(Error::invalid_input(
                "import: give either stores or all_stores, not both",
            ));
        }
        if let ImportMethod::WebDownload { uri } = &self.method {
            url::Url::parse(uri).map_err(|e| {
                Error::invalid_input(format!("import: web-download uri {uri:?}: {e}"))
            })?;
        }
        Ok(())
    }
}

/// The import methods the cloud offers.
pub async fn get_methods(client: &ServiceClient) -> ApiResult<ImportMethods> {
    client.request(&GET_METHODS, &[]).send().await
}

/// Starts importing an image's data (`202`; the import goes on after the answer).
pub async fn import(client: &ServiceClient, image_id: &str, opts: &ImportOpts) -> ApiResult<()> {
    client
        .request(&IMPORT, &[image_id])
        .body(opts)
        .ok_codes(&[202])
        .send()
        .await
}
