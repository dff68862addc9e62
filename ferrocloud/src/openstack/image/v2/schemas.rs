//! The JSON schemas Glance publishes for its resources (`GET /schemas/…`): images and
//! image members, tasks, and the metadata definitions. Each is a JSON Schema document
//! read as a [`JsonSchema`](crate::openstack::image::v2::schemas::JsonSchema): its
//! name, its properties (each a schema kept as JSON), the required properties, the
//! links templates and shared definitions; anything else is kept in `other`.
//!
//! The image schema is where a cloud's custom image properties (its
//! `schema-image.json`) appear, and it allows additional properties as strings; the
//! metadefs schemas allow none. The member and task schemas are Glance's *minimal*
//! form: no `additionalProperties`, no links for one member or task.
//!
//! ```no_run
//! # async fn demo(image: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::schemas::{self, Schema};
//! let s = schemas::get(&image, Schema::Image).await.extract()?;
//! println!("{}: {} properties", s.name, s.properties.len());
//! for schema in Schema::ALL {
//!     let doc = schemas::get(&image, schema).await.extract()?;
//!     assert_eq!(doc.name, schema.name());
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::ServiceClient;
use crate::de::Link;
use crate::operation::Op;
use crate::request::ApiResult;

crate::operations! {
    service: "image";
    /// Show the schema of an image.
    IMAGE = GET "/schemas/image" response(JsonSchema);
    /// Show the schema of a list of images.
    IMAGES = GET "/schemas/images" response(JsonSchema);
    /// Show the schema of an image member.
    MEMBER = GET "/schemas/member" response(JsonSchema);
    /// Show the schema of a list of image members.
    MEMBERS = GET "/schemas/members" response(JsonSchema);
    /// Show the schema of a task.
    TASK = GET "/schemas/task" response(JsonSchema);
    /// Show the schema of a list of tasks.
    TASKS = GET "/schemas/tasks" response(JsonSchema);
    /// Show the schema of a metadata definition namespace.
    METADEF_NAMESPACE = GET "/schemas/metadefs/namespace" response(JsonSchema);
    /// Show the schema of a list of metadata definition namespaces.
    METADEF_NAMESPACES = GET "/schemas/metadefs/namespaces" response(JsonSchema);
    /// Show the schema of a resource type association.
    METADEF_RESOURCE_TYPE = GET "/schemas/metadefs/resource_type" response(JsonSchema);
    /// Show the schema of a list of resource type associations.
    METADEF_RESOURCE_TYPES = GET "/schemas/metadefs/resource_types" response(JsonSchema);
    /// Show the schema of a metadata definition object.
    METADEF_OBJECT = GET "/schemas/metadefs/object" response(JsonSchema);
    /// Show the schema of a list of metadata definition objects.
    METADEF_OBJECTS = GET "/schemas/metadefs/objects" response(JsonSchema);
    /// Show the schema of a metadata definition property.
    METADEF_PROPERTY = GET "/schemas/metadefs/property" response(JsonSchema);
    /// Show the schema of a map of metadata definition properties.
    METADEF_PROPERTIES = GET "/schemas/metadefs/properties" response(JsonSchema);
    /// Show the schema of a metadata definition tag.
    METADEF_TAG = GET "/schemas/metadefs/tag" response(JsonSchema);
    /// Show the schema of a list of metadata definition tags.
    METADEF_TAGS = GET "/schemas/metadefs/tags" response(JsonSchema);
}

/// One of the schemas Glance publishes.
///
/// ```
/// use ferrocloud::openstack::image::v2::schemas::Schema;
/// assert_eq!(Schema::MetadefResourceTypes.path(), "/schemas/metadefs/resource_types");
/// assert_eq!(Schema::MetadefResourceTypes.name(), "resource_type_associations");
/// assert_eq!(Schema::ALL.len(), 16);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Schema {
    /// An image (`/schemas/image`).
    Image,
    /// A list of images (`/schemas/images`).
    Images,
    /// An image member (`/schemas/member`).
    Member,
    /// A list of image members (`/schemas/members`).
    Members,
    /// A task (`/schemas/task`).
    Task,
    /// A list of tasks (`/schemas/tasks`).
    Tasks,
    /// A metadefs namespace (`/schemas/metadefs/namespace`).
    MetadefNamespace,
    /// A list of metadefs namespaces (`/schemas/metadefs/namespaces`).
    MetadefNamespaces,
    /// A resource type association (`/schemas/metadefs/resource_type`).
    MetadefResourceType,
    /// A list of resource type associations (`/schemas/metadefs/resource_types`).
    MetadefResourceTypes,
    /// A metadefs object (`/schemas/metadefs/object`).
    MetadefObject,
    /// A list of metadefs objects (`/schemas/metadefs/objects`).
    MetadefObjects,
    /// A metadefs property (`/schemas/metadefs/property`).
    MetadefProperty,
    /// A map of metadefs properties (`/schemas/metadefs/properties`).
    MetadefProperties,
    /// A metadefs tag (`/schemas/metadefs/tag`).
    MetadefTag,
    /// A list of metadefs tags (`/schemas/metadefs/tags`).
    MetadefTags,
}

impl Schema {
    /// Every schema.
    pub const ALL: [Schema; 16] = [
        Schema::Image,
        Schema::Images,
        Schema::Member,
        Schema::Members,
        Schema::Task,
        Schema::Tasks,
        Schema::MetadefNamespace,
        Schema::MetadefNamespaces,
        Schema::MetadefResourceType,
        Schema::MetadefResourceTypes,
        Schema::MetadefObject,
        Schema::MetadefObjects,
        Schema::MetadefProperty,
        Schema::MetadefProperties,
        Schema::MetadefTag,
        Schema::MetadefTags,
    ];

    /// The operation that shows it.
    pub fn operation(self) -> &'static Op<JsonSchema> {
        match self {
            Schema::Image => &IMAGE,
            Schema::Images => &IMAGES,
            Schema::Member => &MEMBER,
            Schema::Members => &MEMBERS,
            Schema::Task => &TASK,
            Schema::Tasks => &TASKS,
            Schema::MetadefNamespace => &METADEF_NAMESPACE,
            Schema::MetadefNamespaces => &METADEF_NAMESPACES,
            Schema::MetadefResourceType => &METADEF_RESOURCE_TYPE,
            Schema::MetadefResourceTypes => &METADEF_RESOURCE_TYPES,
            Schema::MetadefObject => &METADEF_OBJECT,
            Schema::MetadefObjects => &METADEF_OBJECTS,
            Schema::MetadefProperty => &METADEF_PROPERTY,
            Schema::MetadefProperties => &METADEF_PROPERTIES,
            Schema::MetadefTag => &METADEF_TAG,
            Schema::MetadefTags => &METADEF_TAGS,
        }
    }

    /// Its path, relative to `v2/`.
    pub fn path(self) -> &'static str {
        self.operation().path
    }

    /// The `name` Glance gives the schema document.
    pub fn name(self) -> &'static str {
        match self {
            Schema::Image => "image",
            Schema::Images => "images",
            Schema::Member => "member",
            Schema::Members => "members",
            Schema::Task => "task",
            Schema::Tasks => "tasks",
            Schema::MetadefNamespace => "namespace",
            Schema::MetadefNamespaces => "namespaces",
            Schema::MetadefResourceType => "resource_type_association",
            Schema::MetadefResourceTypes => "resource_type_associations",
            Schema::MetadefObject => "object",
            Schema::MetadefObjects => "objects",
            Schema::MetadefProperty => "property",
            Schema::MetadefProperties => "properties",
            Schema::MetadefTag => "tag",
            Schema::MetadefTags => "tags",
        }
    }
}

/// A JSON Schema document as Glance publishes it.
///
/// ```
/// use ferrocloud::openstack::image::v2::schemas::JsonSchema;
/// let s: JsonSchema = serde_json::from_str(r#"{"name": "tag", "additionalProperties": false,
///     "properties": {"name": {"type": "string", "maxLength": 255}}, "required": ["name"],
///     "$schema": "x"}"#).unwrap();
/// assert_eq!(s.required, ["name"]);
/// assert_eq!(s.properties["name"]["maxLength"], 255);
/// assert_eq!(s.additional_properties, Some(serde_json::Value::Bool(false)));
/// assert_eq!(s.other["$schema"], "x");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct JsonSchema {
    /// The schema's name (`image`, `namespaces`, `resource_type_association`…).
    pub name: String,
    /// The properties, each a JSON schema.
    pub properties: BTreeMap<String, Value>,
    /// The properties an instance must have.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<String>,
    /// Whether (`false`) or how (a schema) other properties are allowed; absent from
    /// collection schemas and from Glance's minimal schemas (members, tasks).
    #[serde(
        rename = "additionalProperties",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_properties: Option<Value>,
    /// Link templates (`{"href": "{next}", "rel": "next"}`), for collection schemas and
    /// the image schema.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Shared definitions the properties refer to (`#/definitions/property`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub definitions: BTreeMap<String, Value>,
    /// Any other keyword.
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

/// Shows one of Glance's schemas.
pub async fn get(client: &ServiceClient, schema: Schema) -> ApiResult<JsonSchema> {
    client.request(schema.operation(), &[]).send().await
}
