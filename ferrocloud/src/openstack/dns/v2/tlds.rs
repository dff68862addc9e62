//! TLDs (admins): the top-level domains zones may be created under. Once a cloud lists
//! any, a zone under a TLD it does not list is refused.
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::tlds::{self, CreateOpts};
//! let tld = tlds::create(&dns, &CreateOpts::new("com").description("tld description")).await.extract()?;
//! let same = tlds::find(&dns, "com").await?;
//! assert_eq!(same.id, tld.id);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Links, Paging};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "dns";
    /// Create a TLD (`201`).
    CREATE = POST "/tlds" request(CreateOpts) response(Tld);
    /// List TLDs.
    LIST = GET "/tlds" list("tlds", Tld);
    /// Show a TLD.
    GET = GET "/tlds/{tld_id}" response(Tld);
    /// Change a TLD.
    UPDATE = PATCH "/tlds/{tld_id}" request(UpdateOpts) response(Tld);
    /// Delete a TLD (`204`).
    DELETE = DELETE "/tlds/{tld_id}";
}

/// A top-level domain.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Tld {
    /// The ID.
    pub id: String,
    /// The name (`com`).
    pub name: String,
    /// The description.
    #[serde(default)]
    pub description: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its own URL.
    pub links: Links,
}

impl crate::find::Named for Tld {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

crate::operation::extract_fn! {
    /// The TLDs of a page of [`list`].
    extract_tlds, Tld
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::dns::v2::tlds::CreateOpts;
/// let opts = CreateOpts::new("com").description("tld description");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "com", "description": "tld description"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// A TLD named `name`.
    ///
    /// ```
    /// assert_eq!(ferrocloud::openstack::dns::v2::tlds::CreateOpts::new("org").name, "org");
    /// ```
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            description: None,
        }
    }

    /// Sets the description.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::tlds::CreateOpts::new("org").description("d");
    /// assert_eq!(o.description.as_deref(), Some("d"));
    /// ```
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.trim().is_empty())
    }
}

/// What [`update`] changes.
///
/// ```
/// use ferrocloud::openstack::dns::v2::tlds::UpdateOpts;
/// let opts = UpdateOpts { name: Some("org".into()), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "org"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            return Err(crate::Error::invalid_input("a TLD name must not be empty"));
        }
        crate::request::at_least_one_of(&[
            ("name", self.name.is_some()),
            ("description", self.description.is_some()),
        ])
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::dns::v2::tlds::ListOpts;
/// let opts = ListOpts { name: Some("com".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "name=com");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// TLDs of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

/// Creates a TLD (`201`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::tlds::{self, CreateOpts};
/// tlds::create(&dns, &CreateOpts::new("com")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Tld> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Lists TLDs, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::tlds;
/// let all = tlds::extract_tlds(&tlds::list(&dns, &Default::default()).all_pages().await?)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Tld> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

/// Shows a TLD.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let tld = ferrocloud::openstack::dns::v2::tlds::get(&dns, "cfee7486").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Tld> {
    client.request(&GET, &[id]).send().await
}

/// Changes a TLD.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::tlds::{self, UpdateOpts};
/// let opts = UpdateOpts { name: Some("org".into()), ..Default::default() };
/// tlds::update(&dns, "cfee7486", &opts).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Tld> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a TLD (`204`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::tlds::delete(&dns, "cfee7486").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Finds a TLD by ID, or by name when exactly one has it.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let tld = ferrocloud::openstack::dns::v2::tlds::find(&dns, "com").await?;
/// # Ok(()) }
/// ```
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Tld> {
    let by_name = ListOpts {
        name: Some(name_or_id.to_string()),
        ..ListOpts::default()
    };
    crate::find::find(
        "TLD",
        name_or_id,
        get(client, name_or_id),
        list(client, &by_name),
    )
    .await
}
