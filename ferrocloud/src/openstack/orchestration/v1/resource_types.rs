//! Resource types: which a cloud's Heat offers, the schema of one (its properties and
//! attributes), and a template made from it.
//!
//! ```no_run
//! # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::orchestration::v1::resource_types::{self, ListOpts, TemplateType};
//! let opts = ListOpts { name: Some("OS::Nova::*".into()), ..Default::default() };
//! for t in resource_types::list(&heat, &opts).all().await? {
//!     println!("{}", t.name());
//! }
//! let schema = resource_types::get(&heat, "OS::Nova::Server").await.extract()?;
//! let hot = resource_types::template(&heat, "OS::Nova::Server", TemplateType::Hot).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use super::common::Template;
use crate::ServiceClient;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, require};

crate::operations! {
    service: "orchestration";
    /// List resource types.
    LIST = GET "/resource_types" list("resource_types", ResourceTypeEntry);
    /// Show a resource type's schema.
    GET = GET "/resource_types/{type_name}" response(ResourceSchema);
    /// Show a template made from a resource type.
    TEMPLATE = GET "/resource_types/{type_name}/template" response(Template);
}

/// A resource type in a listing: its name, with its description when listed
/// `with_description`.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::resource_types::ResourceTypeEntry;
/// let both: Vec<ResourceTypeEntry> = serde_json::from_str(
///     r#"["OS::Nova::Server", {"resource_type": "OS::Heat::None", "description": "Nothing"}]"#).unwrap();
/// assert_eq!(both[0].name(), "OS::Nova::Server");
/// assert_eq!(both[1].description(), Some("Nothing"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum ResourceTypeEntry {
    /// The name alone.
    Name(String),
    /// The name and the description.
    Described {
        /// The name.
        resource_type: String,
        /// The description.
        description: String,
    },
}

impl ResourceTypeEntry {
    /// The type's name.
    pub fn name(&self) -> &str {
        match self {
            ResourceTypeEntry::Name(n) => n,
            ResourceTypeEntry::Described { resource_type, .. } => resource_type,
        }
    }

    /// The description, when listed `with_description`.
    pub fn description(&self) -> Option<&str> {
        match self {
            ResourceTypeEntry::Name(_) => None,
            ResourceTypeEntry::Described { description, .. } => Some(description),
        }
    }
}

/// A resource type's schema.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ResourceSchema {
    /// The type's name.
    pub resource_type: String,
    /// Its properties' schemas, by name (`type`, `description`, `required`,
    /// `constraints`, `update_allowed`, `immutable`…).
    pub properties: Map<String, Value>,
    /// Its attributes' schemas, by name (`type`, `description`).
    pub attributes: Map<String, Value>,
    /// Its support status.
    pub support_status: SupportStatus,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
}

/// Whether a resource type is supported.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct SupportStatus {
    /// `SUPPORTED`, `DEPRECATED`, `HIDDEN`, `UNSUPPORTED` or `UNKNOWN`.
    pub status: String,
    /// A message.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub message: Option<String>,
    /// The Heat version since which the status holds.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub version: Option<String>,
    /// The status before.
    #[serde(default)]
    pub previous_status: Option<Value>,
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::resource_types::ListOpts;
/// let opts = ListOpts { name: Some("OS::Nova::*".into()), with_description: Some(true), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "name=OS%3A%3ANova%3A%3A*&with_description=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Types whose name matches this (a regular expression).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Types of this support status (`SUPPORTED`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support_status: Option<String>,
    /// Types supported since this Heat version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Include each type's description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_description: Option<bool>,
}

/// The kind of template [`template`] makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateType {
    /// A CloudFormation-compatible template (Heat's default).
    Cfn,
    /// A HOT template.
    Hot,
}

impl TemplateType {
    /// The name Heat takes (`cfn`, `hot`).
    ///
    /// ```
    /// use ferrocloud::openstack::orchestration::v1::resource_types::TemplateType;
    /// assert_eq!(TemplateType::Hot.as_str(), "hot");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            TemplateType::Cfn => "cfn",
            TemplateType::Hot => "hot",
        }
    }
}

/// Lists resource types (one page).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<ResourceTypeEntry> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

/// Shows a resource type's schema.
pub async fn get(client: &ServiceClient, type_name: &str) -> ApiResult<ResourceSchema> {
    if let Err(e) = require("type name", !type_name.is_empty()) {
        return ApiResult::from_error(e);
    }
    client.request(&GET, &[type_name]).send().await
}

/// A template declaring one resource of `type_name`, its properties as parameters and
/// its attributes as outputs.
pub async fn template(
    client: &ServiceClient,
    type_name: &str,
    template_type: TemplateType,
) -> ApiResult<Template> {
    if let Err(e) = require("type name", !type_name.is_empty()) {
        return ApiResult::from_error(e);
    }
    client
        .request(&TEMPLATE, &[type_name])
        .query_pair("template_type", template_type.as_str())
        .send()
        .await
}
