//! Domains: the top-level containers of users, groups and projects.
//!
//! A domain must be disabled before Keystone lets it be deleted.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::domains::{self, CreateOpts, UpdateOpts};
//! let d = domains::create(&identity, &CreateOpts::new("partners").description("external")).await.extract()?;
//! let same = domains::find(&identity, "partners").await?;
//! assert_eq!(same.id, d.id);
//! domains::update(&identity, &d.id, &UpdateOpts { enabled: Some(false), ..Default::default() }).await.ok()?;
//! domains::delete(&identity, &d.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Links;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List domains.
    LIST = GET "/domains" list("domains", Domain);
    /// Create a domain.
    CREATE = POST "/domains" request("domain", CreateOpts) response("domain", Domain);
    /// Show a domain.
    GET = GET "/domains/{domain_id}" response("domain", Domain);
    /// Update a domain.
    UPDATE = PATCH "/domains/{domain_id}" request("domain", UpdateOpts) response("domain", Domain);
    /// Delete a (disabled) domain.
    DELETE = DELETE "/domains/{domain_id}";
}

/// A domain.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Domain {
    /// The domain's ID.
    pub id: String,
    /// Its name, unique in the deployment.
    pub name: String,
    /// Its description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// Whether it is enabled; the users and projects of a disabled domain cannot
    /// authenticate or be scoped to.
    pub enabled: bool,
    /// Resource options (e.g. `immutable`).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub options: BTreeMap<String, Value>,
    /// Its tags (Keystone sends them, the API reference does not document them).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
    /// Links to it.
    pub links: Links,
}

impl crate::find::Named for Domain {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Filters for listing domains.
///
/// ```
/// use ferrocloud::openstack::identity::v3::domains::ListOpts;
/// let o = ListOpts { enabled: Some(false), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "enabled=false");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Domains with this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Enabled (or disabled) domains only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Page size (where the deployment enables it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The last domain of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// A new domain.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether it is enabled (default: true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The ID to give the domain instead of a generated one (a UUID in hex form), so
    /// that several deployments can share domain IDs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explicit_domain_id: Option<String>,
    /// Resource options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, Value>>,
}

impl CreateOpts {
    /// A domain named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }

    /// Sets the description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())?;
        if self.explicit_domain_id.as_deref() == Some("") {
            return Err(Error::invalid_input("explicit_domain_id must not be empty"));
        }
        Ok(())
    }
}

/// Changes to a domain; unset fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Enable or disable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Resource options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, Value>>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.name.as_deref() == Some("") {
            return Err(Error::invalid_input("name must not be empty"));
        }
        Ok(())
    }
}

/// Lists domains.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Domain> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The domains of a page.
    extract_domains, Domain
}

/// Creates a domain.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Domain> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a domain.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Domain> {
    client.request(&GET, &[id]).send().await
}

/// Updates a domain.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Domain> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a domain. Keystone refuses (403) to delete an enabled domain: disable it
/// first with [`update`].
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Finds a domain by ID or exact name.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Domain> {
    let by_name = ListOpts {
        name: Some(name_or_id.to_string()),
        ..Default::default()
    };
    crate::find::find(
        "domain",
        name_or_id,
        get(client, name_or_id),
        list(client, &by_name),
    )
    .await
}
