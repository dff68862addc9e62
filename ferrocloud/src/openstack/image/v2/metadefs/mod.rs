//! Metadata definitions (metadefs): the catalog of metadata keys that Glance keeps for
//! other services' resources (images, volumes, flavors…). A *namespace* groups
//! *properties* (JSON-Schema-like definitions of one key), *objects* (named groups of
//! properties), *tags*, and *resource type associations* (the kinds of resource the
//! namespace applies to, with the prefix their keys take).
//!
//! Everything under a namespace is addressed by the namespace's name, and the namespace
//! itself by its `namespace` field (there are no IDs). A namespace is `private` to its
//! owner unless made `public`; by Glance's default policy only admins create, change
//! or delete metadefs. Deleting a namespace deletes everything it holds; a `protected`
//! one must be unprotected first.
//!
//! ```no_run
//! # async fn demo(image: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::metadefs::{namespaces, properties, tags, Property, PropertyKind};
//! let ns = namespaces::create(&image, &namespaces::CreateOpts::new("Example::Hardware")
//!     .display_name("Hardware options")).await.extract()?;
//! let cores = Property::new("Cores", PropertyKind::Integer).minimum(1);
//! properties::create(&image, &ns.namespace, &properties::CreateOpts::new("cores", cores))
//!     .await.extract()?;
//! tags::create(&image, &ns.namespace, "fast").await.extract()?;
//! for (name, p) in properties::list(&image, &ns.namespace).await.extract()? {
//!     println!("{name}: {}", p.title);
//! }
//! namespaces::delete(&image, &ns.namespace).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

crate::resources! {
    nested;
    /// Namespaces: list, create (with their contents), show, update, delete.
    pub mod namespaces;
    /// Objects of a namespace: named groups of property definitions.
    pub mod objects;
    /// Property definitions of a namespace.
    pub mod properties;
    /// Resource types, and a namespace's associations with them.
    pub mod resource_types;
    /// Tags of a namespace.
    pub mod tags;
}

/// Who sees a namespace. Glance knows `public` and `private` (the default); another
/// value is kept as [`Visibility::Other`].
///
/// ```
/// use ferrocloud::openstack::image::v2::metadefs::Visibility;
/// let v: Visibility = serde_json::from_str(r#""public""#).unwrap();
/// assert_eq!(v, Visibility::Public);
/// let v: Visibility = serde_json::from_str(r#""community""#).unwrap();
/// assert_eq!(v, Visibility::Other("community".into()));
/// assert_eq!(serde_json::to_string(&Visibility::Private).unwrap(), r#""private""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Every project sees it.
    Public,
    /// Only the owner (and admins) see it: Glance's default.
    Private,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

impl Visibility {
    /// The name Glance uses.
    pub fn as_str(&self) -> &str {
        match self {
            Visibility::Public => "public",
            Visibility::Private => "private",
            Visibility::Other(s) => s,
        }
    }
}

impl std::fmt::Display for Visibility {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The sort direction of a listing (descending is Glance's default).
pub use crate::query::SortDir;

/// The JSON type of a property's values (`type`). Glance accepts `array`, `boolean`,
/// `integer`, `number`, `object` and `string`; another value is kept as
/// [`PropertyKind::Other`].
///
/// ```
/// use ferrocloud::openstack::image::v2::metadefs::PropertyKind;
/// let k: PropertyKind = serde_json::from_str(r#""integer""#).unwrap();
/// assert_eq!(k, PropertyKind::Integer);
/// assert_eq!(serde_json::to_string(&PropertyKind::Array).unwrap(), r#""array""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PropertyKind {
    /// A list (see [`Property::items`]).
    Array,
    /// `true` or `false`.
    Boolean,
    /// A whole number.
    Integer,
    /// Any number.
    Number,
    /// A JSON object.
    Object,
    /// Text.
    String,
    /// A type this SDK does not know.
    #[serde(untagged)]
    Other(std::string::String),
}

/// The type of the items of an `array` property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ItemType {
    /// The items' JSON type.
    #[serde(rename = "type")]
    pub kind: PropertyKind,
    /// The values an item may take.
    #[serde(rename = "enum", default, skip_serializing_if = "Option::is_none")]
    pub enum_values: Option<Vec<String>>,
}

impl ItemType {
    /// Items of type `kind`.
    pub fn new(kind: PropertyKind) -> Self {
        ItemType {
            kind,
            enum_values: None,
        }
    }

    /// Restricts the items to `values`.
    pub fn enum_values<S: Into<String>>(mut self, values: impl IntoIterator<Item = S>) -> Self {
        self.enum_values = Some(values.into_iter().map(Into::into).collect());
        self
    }
}

/// The definition of one metadata key: a JSON-Schema-like description of its values.
/// Namespaces and objects hold them in maps keyed by the property's name (without a
/// `name` field); the property operations send and answer them with their `name`.
///
/// Glance keeps only the keywords below (its `PropertyType` model) and leaves out of
/// its answers every keyword that was not set: only `type` and `title` are always
/// there, and `description` and `enum` (which the API reference marks as always sent)
/// are absent when not given.
///
/// ```
/// use ferrocloud::openstack::image::v2::metadefs::{ItemType, Property, PropertyKind};
/// let p = Property::new("Disk bus", PropertyKind::String)
///     .description("The disk controller.")
///     .enum_values(["scsi", "virtio"]);
/// assert_eq!(serde_json::to_value(&p).unwrap(), serde_json::json!({
///     "type": "string", "title": "Disk bus", "description": "The disk controller.",
///     "enum": ["scsi", "virtio"]}));
/// let list = Property::new("Flags", PropertyKind::Array)
///     .items(ItemType::new(PropertyKind::String).enum_values(["a", "b"]))
///     .operators(["<all-in>"]);
/// assert_eq!(list.items.unwrap().enum_values.unwrap(), ["a", "b"]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Property {
    /// The key, in answers of the property operations (absent inside maps, where the
    /// map's key names it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The JSON type of the values.
    #[serde(rename = "type")]
    pub kind: PropertyKind,
    /// A title for people.
    pub title: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Operators for a value that holds several (`<or>`, `<all-in>`, `<in>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operators: Option<Vec<String>>,
    /// The default value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    /// The value is not to be changed by users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readonly: Option<bool>,
    /// The smallest value (numbers; Glance keeps integers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<i64>,
    /// The largest value (numbers; Glance keeps integers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<i64>,
    /// The values allowed.
    #[serde(rename = "enum", default, skip_serializing_if = "Option::is_none")]
    pub enum_values: Option<Vec<String>>,
    /// A regular expression the value matches (strings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The shortest length (strings).
    #[serde(rename = "minLength", default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    /// The longest length (strings).
    #[serde(rename = "maxLength", default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    /// The value is confidential (a keyword of Glance's model the API reference does not
    /// document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidential: Option<bool>,
    /// The type of the items (arrays).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<ItemType>,
    /// The items must differ (arrays).
    #[serde(rename = "uniqueItems", default, skip_serializing_if = "Option::is_none")]
    pub unique_items: Option<bool>,
    /// The fewest items (arrays).
    #[serde(rename = "minItems", default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u64>,
    /// The most items (arrays).
    #[serde(rename = "maxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u64>,
    /// Items beyond those described are allowed (arrays).
    #[serde(
        rename = "additionalItems",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_items: Option<bool>,
}

impl Property {
    /// A definition with its two required keywords: a title and the values' type.
    pub fn new(title: impl Into<String>, kind: PropertyKind) -> Self {
        Property {
            name: None,
            kind,
            title: title.into(),
            description: None,
            operators: None,
            default: None,
            readonly: None,
            minimum: None,
            maximum: None,
            enum_values: None,
            pattern: None,
            min_length: None,
            max_length: None,
            confidential: None,
            items: None,
            unique_items: None,
            min_items: None,
            max_items: None,
            additional_items: None,
        }
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the operators.
    pub fn operators<S: Into<String>>(mut self, operators: impl IntoIterator<Item = S>) -> Self {
        self.operators = Some(operators.into_iter().map(Into::into).collect());
        self
    }

    /// Sets the default value.
    pub fn default_value(mut self, value: impl Into<serde_json::Value>) -> Self {
        self.default = Some(value.into());
        self
    }

    /// Marks the value read-only.
    pub fn readonly(mut self, readonly: bool) -> Self {
        self.readonly = Some(readonly);
        self
    }

    /// Sets the smallest value.
    pub fn minimum(mut self, minimum: i64) -> Self {
        self.minimum = Some(minimum);
        self
    }

    /// Sets the largest value.
    pub fn maximum(mut self, maximum: i64) -> Self {
        self.maximum = Some(maximum);
        self
    }

    /// Sets the values allowed.
    pub fn enum_values<S: Into<String>>(mut self, values: impl IntoIterator<Item = S>) -> Self {
        self.enum_values = Some(values.into_iter().map(Into::into).collect());
        self
    }

    /// Sets the pattern.
    pub fn pattern(mut self, pattern: impl Into<String>) -> Self {
        self.pattern = Some(pattern.into());
        self
    }

    /// Sets the shortest and longest lengths.
    pub fn length(mut self, min: Option<u64>, max: Option<u64>) -> Self {
        self.min_length = min;
        self.max_length = max;
        self
    }

    /// Sets the items' type.
    pub fn items(mut self, items: ItemType) -> Self {
        self.items = Some(items);
        self
    }

    /// Sets the fewest and most items.
    pub fn item_count(mut self, min: Option<u64>, max: Option<u64>) -> Self {
        self.min_items = min;
        self.max_items = max;
        self
    }

    /// Requires the items to differ.
    pub fn unique_items(mut self, unique: bool) -> Self {
        self.unique_items = Some(unique);
        self
    }

    /// Checks what Glance would refuse, naming the field (`field` is where the
    /// definition sits in the request).
    pub(crate) fn check(&self, field: &str) -> crate::Result<()> {
        if self.title.is_empty() {
            return Err(crate::Error::invalid_input(format!(
                "{field}.title must not be empty"
            )));
        }
        if let (Some(min), Some(max)) = (self.minimum, self.maximum)
            && min > max
        {
            return Err(crate::Error::invalid_input(format!(
                "{field}: minimum {min} is greater than maximum {max}"
            )));
        }
        if let (Some(min), Some(max)) = (self.min_length, self.max_length)
            && min > max
        {
            return Err(crate::Error::invalid_input(format!(
                "{field}: minLength {min} is greater than maxLength {max}"
            )));
        }
        if let (Some(min), Some(max)) = (self.min_items, self.max_items)
            && min > max
        {
            return Err(crate::Error::invalid_input(format!(
                "{field}: minItems {min} is greater than maxItems {max}"
            )));
        }
        Ok(())
    }
}

/// A map of property definitions keyed by name, as namespaces and objects hold them.
pub type Properties = std::collections::BTreeMap<String, Property>;

/// Checks a name Glance limits to `max` characters.
pub(crate) fn check_name(field: &str, value: &str, max: usize) -> crate::Result<()> {
    if value.is_empty() {
        return Err(crate::Error::invalid_input(format!(
            "{field} must not be empty"
        )));
    }
    let n = value.chars().count();
    if n > max {
        return Err(crate::Error::invalid_input(format!(
            "{field} is at most {max} characters long ({n} given)"
        )));
    }
    Ok(())
}

/// Checks every definition of a map.
pub(crate) fn check_properties(field: &str, props: &Properties) -> crate::Result<()> {
    for (name, p) in props {
        check_name(&format!("{field} key"), name, 80)?;
        p.check(&format!("{field}.{name}"))?;
    }
    Ok(())
}
