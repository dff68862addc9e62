//! Resource locks (2.81): a lock on one action of a resource, such as the deletion of
//! a share, until the lock is deleted. Locks of a user (`lock_context` `user`) are
//! removed by that user or an administrator; those of an administrator by
//! administrators only.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::resource_locks::{self, CreateOpts};
//! let manila = manila.with_microversion("2.81");
//! let lock = resource_locks::create(&manila, &CreateOpts::new("5a313549")).await.extract()?;
//! resource_locks::delete(&manila, &lock.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{self, ListControls};
use crate::dates::Timestamp;
use crate::request::Validate;
use crate::Result;

crate::operations! {
    service: "shared-file-system";
    /// List resource locks.
    LIST = GET "/resource-locks" since("2.81") list("resource_locks", ResourceLock);
    /// Show a resource lock.
    GET = GET "/resource-locks/{resource_lock_id}" since("2.81") response("resource_lock", ResourceLock);
    /// Create a resource lock.
    CREATE = POST "/resource-locks" since("2.81") request("resource_lock", CreateOpts) response("resource_lock", ResourceLock);
    /// Update a resource lock.
    UPDATE = PUT "/resource-locks/{resource_lock_id}" since("2.81") request("resource_lock", UpdateOpts) response("resource_lock", ResourceLock);
    /// Delete a resource lock.
    DELETE = DELETE "/resource-locks/{resource_lock_id}" since("2.81");
}

common::resource_functions! {
    ResourceLock, ResourceLock, "resource lock", "resource_locks_links", false;
    list get create update delete
}

/// A resource lock.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ResourceLock {
    /// The ID.
    pub id: String,
    /// The user who made it.
    pub user_id: String,
    /// The project.
    pub project_id: String,
    /// Who may remove it: `user`, `admin` or `service`.
    pub lock_context: String,
    /// The kind of resource (`share`, `access_rule`).
    pub resource_type: String,
    /// The resource.
    pub resource_id: String,
    /// The locked action (`delete`, `show`).
    pub resource_action: String,
    /// Why.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub lock_reason: Option<String>,
    /// When it was made.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Links.
    pub links: Vec<crate::de::Link>,
}

/// Filters of [`list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// On this resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// On this kind of resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// Of this action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_action: Option<String>,
    /// Of every project (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_projects: Option<bool>,
    /// Paging, sorting and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The resource.
    pub resource_id: String,
    /// The kind of resource: `share` or `access_rule`. Always sent: Manila 22 answers
    /// 500 when it is missing, although its reference names a default.
    pub resource_type: String,
    /// The action to lock (Manila's default: `delete`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_action: Option<String>,
    /// Why (up to 1023 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_reason: Option<String>,
}

impl CreateOpts {
    /// A lock on the deletion of the share `resource_id`.
    pub fn new(resource_id: impl Into<String>) -> Self {
        CreateOpts {
            resource_id: resource_id.into(),
            resource_type: "share".into(),
            ..CreateOpts::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require(
            "resource_id and resource_type",
            !self.resource_id.is_empty() && !self.resource_type.is_empty(),
        )
    }
}

/// What [`update`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The locked action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_action: Option<String>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_reason: Option<String>,
}

impl Validate for UpdateOpts {}
