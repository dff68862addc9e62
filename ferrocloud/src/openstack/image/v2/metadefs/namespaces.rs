//! Metadata definition namespaces: list (filtered, sorted, paged by Glance's `next`
//! link), create (optionally with its properties, objects, tags and resource type
//! associations in the same request), show (all its contents, the property names
//! prefixed for one resource type on request), update and delete.
//!
//! Glance's update *replaces* the namespace's fields: a `display_name` or `description`
//! left out is cleared, a `visibility` left out becomes `private` and `protected` becomes
//! `false` (the real Glance does so; the API reference does not say).
//! [`UpdateOpts::from_namespace`](crate::openstack::image::v2::metadefs::namespaces::UpdateOpts::from_namespace) starts from what the namespace holds. Deleting a
//! `protected` namespace is refused (403) until it is updated unprotected.
//!
//! ```no_run
//! # async fn demo(image: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::metadefs::{namespaces, Visibility};
//! let opts = namespaces::ListOpts { visibility: Some(Visibility::Public), ..Default::default() };
//! for ns in namespaces::list(&image, &opts).all().await? {
//!     println!("{} ({} resource types)", ns.namespace, ns.resource_type_associations.len());
//! }
//! let shown = namespaces::get(&image, "OS::Compute::Libvirt", Some("OS::Glance::Image"))
//!     .await.extract()?;
//! for name in shown.properties.keys() {
//!     println!("{name}"); // hw_…
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::resource_types::{Association, CreateOpts as AssociationOpts};
use super::tags::TagName;
use super::{Properties, SortDir, Visibility, check_name, check_properties};
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "image";
    /// List namespaces.
    LIST = GET "/metadefs/namespaces" list("namespaces", Namespace);
    /// Create a namespace (`201`, with a `Location` header).
    CREATE = POST "/metadefs/namespaces" request(CreateOpts) response(Namespace);
    /// Show a namespace and everything it holds.
    GET = GET "/metadefs/namespaces/{namespace_name}" response(Namespace);
    /// Update (replace) a namespace's fields.
    UPDATE = PUT "/metadefs/namespaces/{namespace_name}" request(UpdateOpts) response(Namespace);
    /// Delete a namespace and everything it holds (`204`).
    DELETE = DELETE "/metadefs/namespaces/{namespace_name}";
}

/// A metadata definition namespace.
///
/// Listings hold the resource type associations but not the properties, objects and
/// tags; [`get`] holds them all; the answers to [`create`] echo what was sent (the
/// contents without their dates) and to [`update`] none of them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Namespace {
    /// The name, unique in the cloud (what the other operations address it by).
    pub namespace: String,
    /// A name for people.
    #[serde(default)]
    pub display_name: Option<String>,
    /// A description.
    #[serde(default)]
    pub description: Option<String>,
    /// Who sees it.
    pub visibility: Visibility,
    /// Whether it is protected from deletion.
    pub protected: bool,
    /// The owning project.
    pub owner: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it was last changed. Glance's database allows none (then the key is left
    /// out), and the API reference's samples of a namespace shown in detail have none;
    /// the real Glance sets it on creation.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// The kinds of resource it applies to.
    #[serde(default)]
    pub resource_type_associations: Vec<Association>,
    /// Its property definitions, by name ([`get`], [`create`]).
    #[serde(default)]
    pub properties: Properties,
    /// Its objects ([`get`], [`create`]).
    #[serde(default)]
    pub objects: Vec<NamespaceObject>,
    /// Its tags, by name only ([`get`], [`create`]).
    #[serde(default)]
    pub tags: Vec<TagName>,
    /// Its path (`/v2/metadefs/namespaces/{namespace}`).
    #[serde(rename = "self")]
    pub self_link: String,
    /// The path of its JSON schema (`/v2/schemas/metadefs/namespace`).
    pub schema: String,
}

/// An object as a namespace holds it: shown by [`get`] with its dates and links, echoed
/// by [`create`] as sent (without them).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct NamespaceObject {
    /// The object's name.
    pub name: String,
    /// A description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its property definitions, by name.
    #[serde(default)]
    pub properties: Properties,
    /// The names of the properties a resource must set.
    #[serde(default)]
    pub required: Vec<String>,
    /// When it was created ([`get`]).
    #[serde(default, with = "crate::dates::option")]
    pub created_at: Option<Timestamp>,
    /// When it was last changed ([`get`]).
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Its path ([`get`]).
    #[serde(rename = "self", default)]
    pub self_link: Option<String>,
    /// The path of its JSON schema ([`get`]).
    #[serde(default)]
    pub schema: Option<String>,
}

/// Filters, sorting and paging for [`list`].
///
/// ```
/// use ferrocloud::openstack::image::v2::metadefs::{namespaces::ListOpts, SortDir, Visibility};
/// let opts = ListOpts {
///     visibility: Some(Visibility::Public),
///     resource_types: vec!["OS::Glance::Image".into(), "OS::Nova::Flavor".into()],
///     sort_key: Some("namespace".into()),
///     sort_dir: Some(SortDir::Asc),
///     limit: Some(10),
///     ..Default::default()
/// };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "limit=10&visibility=public&resource_types=OS%3A%3AGlance%3A%3AImage%2COS%3A%3ANova%3A%3AFlavor&sort_key=namespace&sort_dir=asc");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// The page size (Glance's default is its `limit_param_default`, 25).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The namespace after which the listing starts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Only namespaces of this visibility.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
    /// Only namespaces associated with one of these resource types.
    #[serde(serialize_with = "crate::query::comma")]
    pub resource_types: Vec<String>,
    /// The field to sort by (`created_at` by default, `namespace`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<String>,
    /// The direction (descending by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<SortDir>,
}

/// Lists the namespaces the caller sees, following Glance's `next` link.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Namespace> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Next("next"))
}

crate::operation::extract_fn! {
    /// The namespaces of a page of [`list`].
    extract_namespaces, Namespace
}

/// A new namespace, optionally with its contents.
///
/// ```
/// use ferrocloud::openstack::image::v2::metadefs::{namespaces::CreateOpts, Property, PropertyKind, Visibility};
/// use ferrocloud::request::Validate;
/// let opts = CreateOpts::new("Example::Ns")
///     .display_name("Example")
///     .visibility(Visibility::Public)
///     .property("speed", Property::new("Speed", PropertyKind::Integer))
///     .tag("fast")
///     .resource_type("OS::Glance::Image", Some("ex_"));
/// assert!(opts.validate().is_ok());
/// let v = serde_json::to_value(&opts).unwrap();
/// assert_eq!(v["tags"], serde_json::json!([{"name": "fast"}]));
/// assert_eq!(v["resource_type_associations"][0]["prefix"], "ex_");
/// assert!(CreateOpts::new("").validate().unwrap_err().to_string().contains("namespace"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name (at most 80 characters), unique in the cloud.
    pub namespace: String,
    /// A name for people (at most 80 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// A description (at most 500 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Who sees it (`private` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
    /// Protect it from deletion (`false` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protected: Option<bool>,
    /// The owning project (the caller's by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Resource types to associate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resource_type_associations: Vec<AssociationOpts>,
    /// Property definitions, by name.
    #[serde(default, skip_serializing_if = "Properties::is_empty")]
    pub properties: Properties,
    /// Objects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objects: Vec<super::objects::CreateOpts>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<TagName>,
}

impl CreateOpts {
    /// A namespace named `namespace`.
    pub fn new(namespace: impl Into<String>) -> Self {
        CreateOpts {
            namespace: namespace.into(),
            ..Default::default()
        }
    }
    /// Sets the name for people.
    pub fn display_name(mut self, display_name: impl Into<String>) -> Self {
        self.display_name = Some(display_name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Sets who sees it.
    pub fn visibility(mut self, visibility: Visibility) -> Self {
        self.visibility = Some(visibility);
        self
    }
    /// Protects it from deletion.
    pub fn protected(mut self, protected: bool) -> Self {
        self.protected = Some(protected);
        self
    }
    /// Adds a property definition.
    pub fn property(mut self, name: impl Into<String>, property: super::Property) -> Self {
        self.properties.insert(name.into(), property);
        self
    }
    /// Adds an object.
    pub fn object(mut self, object: super::objects::CreateOpts) -> Self {
        self.objects.push(object);
        self
    }
    /// Adds a tag.
    pub fn tag(mut self, name: impl Into<String>) -> Self {
        self.tags.push(TagName::new(name));
        self
    }
    /// Associates a resource type, with the prefix its keys take.
    pub fn resource_type(mut self, name: impl Into<String>, prefix: Option<&str>) -> Self {
        let mut a = AssociationOpts::new(name);
        a.prefix = prefix.map(str::to_string);
        self.resource_type_associations.push(a);
        self
    }
}

/// The checks Glance's namespace schema makes on the fields both requests send.
fn check_fields(
    namespace: &str,
    display_name: Option<&str>,
    description: Option<&str>,
) -> crate::Result<()> {
    check_name("namespace", namespace, 80)?;
    if let Some(d) = display_name
        && d.chars().count() > 80
    {
        return Err(crate::Error::invalid_input(
            "display_name is at most 80 characters long",
        ));
    }
    if let Some(d) = description
        && d.chars().count() > 500
    {
        return Err(crate::Error::invalid_input(
            "description is at most 500 characters long",
        ));
    }
    Ok(())
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        check_fields(
            &self.namespace,
            self.display_name.as_deref(),
            self.description.as_deref(),
        )?;
        for a in &self.resource_type_associations {
            a.validate()?;
        }
        check_properties("properties", &self.properties)?;
        for o in &self.objects {
            o.validate()?;
        }
        for t in &self.tags {
            t.validate()?;
        }
        Ok(())
    }
}

/// Creates a namespace (`201`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Namespace> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a namespace with its properties, objects, tags and resource type associations.
/// With `resource_type`, the names of the properties (of the namespace and of its
/// objects, and the objects' `required` lists) carry the prefix of that resource type's
/// association, as they are to be set on such a resource.
pub async fn get(
    client: &ServiceClient,
    namespace: &str,
    resource_type: Option<&str>,
) -> ApiResult<Namespace> {
    let mut r = client.request(&GET, &[namespace]);
    if let Some(rt) = resource_type {
        r = r.query_pair("resource_type", rt);
    }
    r.send().await
}

/// A namespace's new fields. Glance replaces them all: what is left unset is cleared
/// (`display_name`, `description`) or reset (`visibility` to `private`, `protected` to
/// `false`, `owner` to the caller's project).
///
/// ```
/// use ferrocloud::openstack::image::v2::metadefs::namespaces::UpdateOpts;
/// let opts = UpdateOpts::new("Example::Renamed").description("new").protected(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "namespace": "Example::Renamed", "description": "new", "protected": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// The name (changing it renames the namespace).
    pub namespace: String,
    /// A name for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Who sees it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
    /// Protection from deletion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protected: Option<bool>,
    /// The owning project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

impl UpdateOpts {
    /// The fields of a namespace named `namespace`, the others unset.
    pub fn new(namespace: impl Into<String>) -> Self {
        UpdateOpts {
            namespace: namespace.into(),
            ..Default::default()
        }
    }
    /// The fields `ns` holds now, to be changed before sending (so that nothing is
    /// cleared by accident).
    pub fn from_namespace(ns: &Namespace) -> Self {
        UpdateOpts {
            namespace: ns.namespace.clone(),
            display_name: ns.display_name.clone(),
            description: ns.description.clone(),
            visibility: Some(ns.visibility.clone()),
            protected: Some(ns.protected),
            owner: Some(ns.owner.clone()),
        }
    }
    /// Sets the name for people.
    pub fn display_name(mut self, display_name: impl Into<String>) -> Self {
        self.display_name = Some(display_name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Sets who sees it.
    pub fn visibility(mut self, visibility: Visibility) -> Self {
        self.visibility = Some(visibility);
        self
    }
    /// Sets the protection from deletion.
    pub fn protected(mut self, protected: bool) -> Self {
        self.protected = Some(protected);
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> crate::Result<()> {
        check_fields(
            &self.namespace,
            self.display_name.as_deref(),
            self.description.as_deref(),
        )
    }
}

/// Updates (replaces) a namespace's fields; the answer holds none of its contents.
pub async fn update(
    client: &ServiceClient,
    namespace: &str,
    opts: &UpdateOpts,
) -> ApiResult<Namespace> {
    client
        .request(&UPDATE, &[namespace])
        .body(opts)
        .send()
        .await
}

/// Deletes a namespace with everything it holds (`204`).
pub async fn delete(client: &ServiceClient, namespace: &str) -> ApiResult<()> {
    client.request(&DELETE, &[namespace]).send().await
}
