//! Groups and their members.
//!
//! A role granted to a group (see the
//! [grants module](crate::openstack::identity::v3::grants)) is held by each of its
//! members.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient, user_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::groups::{self, CreateOpts};
//! let g = groups::create(&identity, &CreateOpts::new("operators").domain_id("default")).await.extract()?;
//! groups::add_user(&identity, &g.id, user_id).await.ok()?;
//! assert!(groups::is_member(&identity, &g.id, user_id).await?);
//! let members = ferrocloud::pagination::collect(groups::list_users(&identity, &g.id, &Default::default())).await?;
//! groups::remove_user(&identity, &g.id, user_id).await.ok()?;
//! groups::delete(&identity, &g.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::users::User;
use super::Links;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List groups.
    LIST = GET "/groups" list("groups", Group);
    /// Create a group.
    CREATE = POST "/groups" request("group", CreateOpts) response("group", Group);
    /// Show a group.
    GET = GET "/groups/{group_id}" response("group", Group);
    /// Update a group.
    UPDATE = PATCH "/groups/{group_id}" request("group", UpdateOpts) response("group", Group);
    /// Delete a group.
    DELETE = DELETE "/groups/{group_id}";
    /// List the members of a group.
    LIST_USERS = GET "/groups/{group_id}/users" list("users", User);
    /// Add a user to a group.
    ADD_USER = PUT "/groups/{group_id}/users/{user_id}";
    /// Check that a user belongs to a group.
    CHECK_USER = HEAD "/groups/{group_id}/users/{user_id}";
    /// Remove a user from a group.
    REMOVE_USER = DELETE "/groups/{group_id}/users/{user_id}";
}

/// A group.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Group {
    /// The group's ID.
    pub id: String,
    /// Its name, unique within its domain.
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// The domain it belongs to.
    pub domain_id: String,
    /// For the groups of a federated user (listing a user's groups): when the membership
    /// the identity provider asserted expires.
    #[serde(default, with = "crate::dates::option")]
    pub membership_expires_at: Option<Timestamp>,
    /// Links to it.
    pub links: Links,
}

impl crate::find::Named for Group {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Filters for listing groups.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Groups with this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Groups of this domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// Page size (where the deployment enables it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The last group of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Sort by this attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<String>,
    /// Sort direction: `asc` or `desc`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<String>,
}

/// Filters for listing the members of a group.
///
/// ```
/// use ferrocloud::openstack::identity::v3::groups::ListUsersOpts;
/// let o = ListUsersOpts { password_expires_at: Some("gt:2030-01-01T00:00:00Z".into()) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()),
///     "password_expires_at=gt%3A2030-01-01T00%3A00%3A00Z");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListUsersOpts {
    /// Members whose password expires as said: `{operator}:{timestamp}`, the operator one
    /// of `lt`, `lte`, `gt`, `gte`, `eq`, `neq`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_expires_at: Option<String>,
}

/// A new group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The domain (default: the token's domain, or the default domain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
}

impl CreateOpts {
    /// A group named `name`.
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

    /// Sets the domain.
    pub fn domain_id(mut self, d: impl Into<String>) -> Self {
        self.domain_id = Some(d.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())
    }
}

/// Changes to a group; unset fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The domain (Keystone refuses to move a group to another domain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.name.as_deref() == Some("") {
            return Err(Error::invalid_input("name must not be empty"));
        }
        Ok(())
    }
}

/// Lists groups.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Group> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The groups of a page.
    extract_groups, Group
}

/// Creates a group.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Group> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a group.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Group> {
    client.request(&GET, &[id]).send().await
}

/// Updates a group.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Group> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a group.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Finds a group by ID or exact name.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Group> {
    let by_name = ListOpts {
        name: Some(name_or_id.to_string()),
        ..Default::default()
    };
    crate::find::find(
        "group",
        name_or_id,
        get(client, name_or_id),
        list(client, &by_name),
    )
    .await
}

/// Lists the members of a group.
pub fn list_users(client: &ServiceClient, group_id: &str, opts: &ListUsersOpts) -> Pager<User> {
    client
        .request(&LIST_USERS, &[group_id])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

/// Adds a user to a group.
pub async fn add_user(client: &ServiceClient, group_id: &str, user_id: &str) -> ApiResult<()> {
    client.request(&ADD_USER, &[group_id, user_id]).send().await
}

/// Whether a user belongs to a group: `Ok(false)` when Keystone answers 404 (also for a
/// user or group that does not exist).
pub async fn is_member(client: &ServiceClient, group_id: &str, user_id: &str) -> Result<bool> {
    client
        .request(&CHECK_USER, &[group_id, user_id])
        .send()
        .await
        .exists()
}

/// Removes a user from a group.
pub async fn remove_user(client: &ServiceClient, group_id: &str, user_id: &str) -> ApiResult<()> {
    client
        .request(&REMOVE_USER, &[group_id, user_id])
        .send()
        .await
}
