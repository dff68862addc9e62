//! Resource providers: what has resources (a compute node, a shared storage pool, a
//! NIC's bandwidth), in trees (`parent_provider_uuid`, 1.14) and in aggregates.
//!
//! ```no_run
//! # async fn demo(placement: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::placement::v1::resource_providers::{self, CreateOpts, ListOpts};
//! let root = resource_providers::create(&placement, &CreateOpts::new("compute-1")).await.extract()?;
//! let child = CreateOpts::new("compute-1:numa0").parent_provider_uuid(&root.uuid);
//! resource_providers::create(&placement, &child).await.extract()?;
//! let tree = ListOpts { in_tree: Some(root.uuid.clone()), ..Default::default() };
//! assert_eq!(resource_providers::list(&placement, &tree).all().await?.len(), 2);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Resources, need, serialize_resources};
use crate::de::Link;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "placement";
    /// List resource providers.
    LIST = GET "/resource_providers" list("resource_providers", ResourceProvider);
    /// Create a resource provider (the answer has a body from 1.20).
    CREATE = POST "/resource_providers" since("1.20") request(CreateOpts) response(ResourceProvider);
    /// Show a resource provider.
    GET = GET "/resource_providers/{uuid}" response(ResourceProvider);
    /// Update a resource provider.
    UPDATE = PUT "/resource_providers/{uuid}" request(UpdateOpts) response(ResourceProvider);
    /// Delete a resource provider.
    DELETE = DELETE "/resource_providers/{uuid}";
}

/// A resource provider.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ResourceProvider {
    /// The UUID.
    pub uuid: String,
    /// The name (unique in the cloud).
    pub name: String,
    /// The generation: it changes with every change of the provider's inventories,
    /// traits, aggregates or allocations; writes name it to detect concurrent ones.
    pub generation: u64,
    /// Links to the provider and its sub-resources.
    pub links: Vec<Link>,
    /// The parent in its tree (1.14; `None` for a root).
    #[serde(default)]
    pub parent_provider_uuid: Option<String>,
    /// The root of its tree (1.14).
    #[serde(default)]
    pub root_provider_uuid: Option<String>,
}

impl crate::find::Named for ResourceProvider {
    fn id(&self) -> &str {
        &self.uuid
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::placement::v1::resource_providers::ListOpts;
/// let opts = ListOpts {
///     resources: [("VCPU".to_string(), 4)].into(),
///     required: vec!["HW_CPU_X86_AVX2,!CUSTOM_MAINTENANCE".into()],
///     member_of: vec!["in:4a8f,8a1e".into()],
///     ..Default::default()
/// };
/// let q = ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap());
/// assert_eq!(q, "member_of=in%3A4a8f%2C8a1e&resources=VCPU%3A4&required=HW_CPU_X86_AVX2%2C%21CUSTOM_MAINTENANCE");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Providers of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The provider of this UUID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Members of aggregates: each entry is one `member_of` parameter, an aggregate
    /// UUID, `in:<uuid>,<uuid>` (any of them; 1.3), or `!<uuid>` / `!in:…` (none of
    /// them; 1.32). Several entries must all hold (1.24).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub member_of: Vec<String>,
    /// Providers with capacity for these amounts (1.4).
    #[serde(
        skip_serializing_if = "Resources::is_empty",
        serialize_with = "serialize_resources"
    )]
    pub resources: Resources,
    /// Providers in the tree of this provider (1.14).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_tree: Option<String>,
    /// Trait expressions, each one `required` parameter: `A,B` (all of them), `!C`
    /// (not it; 1.22), `in:D,E` (any of them; 1.39) (1.18).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<String>,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::placement::v1::resource_providers::CreateOpts;
/// let opts = CreateOpts::new("nfs-share").parent_provider_uuid("542df8ed-9be2-49b9-b4db-6d3183ff8ec8");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "nfs-share", "parent_provider_uuid": "542df8ed-9be2-49b9-b4db-6d3183ff8ec8"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name (unique in the cloud).
    pub name: String,
    /// The UUID to give it (Placement makes one up otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Its parent (1.14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_provider_uuid: Option<String>,
}

impl CreateOpts {
    /// A provider named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }

    /// Gives it this UUID.
    pub fn uuid(mut self, uuid: impl Into<String>) -> Self {
        self.uuid = Some(uuid.into());
        self
    }

    /// Places it under `parent` (1.14).
    pub fn parent_provider_uuid(mut self, parent: impl Into<String>) -> Self {
        self.parent_provider_uuid = Some(parent.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.is_empty())
    }
}

/// What [`update`] sends: the whole provider (its name, and its parent from 1.14).
///
/// ```
/// use ferrocloud::openstack::placement::v1::resource_providers::UpdateOpts;
/// let opts = UpdateOpts::new("shared-storage").parent_provider_uuid(None);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "shared-storage", "parent_provider_uuid": null}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// The name.
    pub name: String,
    /// The parent: `Some(Some(uuid))` sets or changes it (changing or removing it
    /// needs 1.37), `Some(None)` makes the provider a root, `None` leaves it out.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::double_option"
    )]
    pub parent_provider_uuid: Option<Option<String>>,
}

impl UpdateOpts {
    /// Names the provider `name`.
    pub fn new(name: impl Into<String>) -> Self {
        UpdateOpts {
            name: name.into(),
            parent_provider_uuid: None,
        }
    }

    /// Sets the parent, or (`None`) makes the provider a root.
    pub fn parent_provider_uuid(mut self, parent: Option<&str>) -> Self {
        self.parent_provider_uuid = Some(parent.map(str::to_owned));
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.is_empty())
    }
}

/// Lists resource providers (one page: Placement does not page them).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<ResourceProvider> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

/// Creates a resource provider (1.20: the answer is the provider).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<ResourceProvider> {
    if opts.parent_provider_uuid.is_some()
        && let Err(e) = need(client, "parent_provider_uuid", 14)
    {
        return ApiResult::from_error(e);
    }
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a resource provider.
pub async fn get(client: &ServiceClient, uuid: &str) -> ApiResult<ResourceProvider> {
    client.request(&GET, &[uuid]).send().await
}

/// Finds a resource provider by UUID or by name.
pub async fn find(client: &ServiceClient, name_or_uuid: &str) -> Result<ResourceProvider> {
    let by_name = ListOpts {
        name: Some(name_or_uuid.to_string()),
        ..Default::default()
    };
    crate::find::find(
        "resource provider",
        name_or_uuid,
        get(client, name_or_uuid),
        list(client, &by_name),
    )
    .await
}

/// Updates (replaces) a resource provider's name and parent.
pub async fn update(
    client: &ServiceClient,
    uuid: &str,
    opts: &UpdateOpts,
) -> ApiResult<ResourceProvider> {
    if opts.parent_provider_uuid.is_some()
        && let Err(e) = need(client, "parent_provider_uuid", 14)
    {
        return ApiResult::from_error(e);
    }
    client.request(&UPDATE, &[uuid]).body(opts).send().await
}

/// Deletes a resource provider (`204`; `409` while it has allocations or children).
pub async fn delete(client: &ServiceClient, uuid: &str) -> ApiResult<()> {
    client.request(&DELETE, &[uuid]).send().await
}
