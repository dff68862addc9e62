//! Blacklists (admins): regular expressions of zone names that projects may not create.
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::blacklists::{self, CreateOpts};
//! let opts = CreateOpts::new(r"^([A-Za-z0-9_\-]+\.)*example\.com\.$").description("reserved");
//! let b = blacklists::create(&dns, &opts).await.extract()?;
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
    /// Create a blacklist entry (`201`).
    CREATE = POST "/blacklists" request(CreateOpts) response(Blacklist);
    /// List blacklist entries.
    LIST = GET "/blacklists" list("blacklists", Blacklist);
    /// Show a blacklist entry.
    GET = GET "/blacklists/{blacklist_id}" response(Blacklist);
    /// Change a blacklist entry.
    UPDATE = PATCH "/blacklists/{blacklist_id}" request(UpdateOpts) response(Blacklist);
    /// Delete a blacklist entry (`204`).
    DELETE = DELETE "/blacklists/{blacklist_id}";
}

/// A blacklist entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Blacklist {
    /// The ID.
    pub id: String,
    /// The regular expression zone names may not match.
    pub pattern: String,
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

crate::operation::extract_fn! {
    /// The blacklist entries of a page of [`list`].
    extract_blacklists, Blacklist
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::dns::v2::blacklists::CreateOpts;
/// let opts = CreateOpts::new(r"^examples\.com\.$");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"pattern": "^examples\\.com\\.$"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The regular expression.
    pub pattern: String,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// An entry for `pattern`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::blacklists::CreateOpts::new("^a\\.$");
    /// assert_eq!(o.pattern, "^a\\.$");
    /// ```
    pub fn new(pattern: impl Into<String>) -> Self {
        CreateOpts {
            pattern: pattern.into(),
            description: None,
        }
    }

    /// Sets the description.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::blacklists::CreateOpts::new("^a\\.$").description("d");
    /// assert_eq!(o.description.as_deref(), Some("d"));
    /// ```
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("pattern", !self.pattern.is_empty())
    }
}

/// What [`update`] changes.
///
/// ```
/// use ferrocloud::openstack::dns::v2::blacklists::UpdateOpts;
/// let opts = UpdateOpts { description: Some("Updated the description".into()), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"description": "Updated the description"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new regular expression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.pattern.as_deref() == Some("") {
            return Err(crate::Error::invalid_input("pattern must not be empty"));
        }
        crate::request::at_least_one_of(&[
            ("pattern", self.pattern.is_some()),
            ("description", self.description.is_some()),
        ])
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::dns::v2::blacklists::ListOpts;
/// let opts = ListOpts { pattern: Some("*example*".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "pattern=*example*");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Entries of this pattern (`*` is a wildcard).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

/// Creates a blacklist entry (`201`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::blacklists::{self, CreateOpts};
/// blacklists::create(&dns, &CreateOpts::new(r"^examples\.com\.$")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Blacklist> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Lists blacklist entries, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::blacklists;
/// let all = blacklists::extract_blacklists(&blacklists::list(&dns, &Default::default()).all_pages().await?)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Blacklist> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

/// Shows a blacklist entry.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let b = ferrocloud::openstack::dns::v2::blacklists::get(&dns, "af91edb5").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Blacklist> {
    client.request(&GET, &[id]).send().await
}

/// Changes a blacklist entry.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::blacklists::{self, UpdateOpts};
/// let opts = UpdateOpts { description: Some("d".into()), ..Default::default() };
/// blacklists::update(&dns, "af91edb5", &opts).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Blacklist> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a blacklist entry (`204`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::blacklists::delete(&dns, "af91edb5").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
