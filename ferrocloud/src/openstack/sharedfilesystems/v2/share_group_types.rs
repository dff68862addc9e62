//! Share group types (2.31): what a share group is made of (the share types its shares
//! may have) and group specs the scheduler matches (such as
//! `consistent_snapshot_support`), and their access by project. Manila called the API
//! experimental before 2.55: requests of older clients carry the experimental-API
//! header.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_group_types::{self, CreateOpts};
//! let manila = manila.with_microversion("2.55");
//! let opts = CreateOpts::new("grouped", vec!["ecd11f4c".into()]);
//! let t = share_group_types::create(&manila, &opts).await.extract()?;
//! share_group_types::add_access(&manila, &t.id, "e1284adea3ee").await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{self, ExperimentalBefore};
use super::share_types::{ExtraSpecs, ProjectOpts};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

/// Share group types left the experimental API at 2.55.
const EXPERIMENTAL: ExperimentalBefore = ExperimentalBefore(55);

crate::operations! {
    service: "shared-file-system";
    /// List share group types.
    LIST = GET "/share-group-types" since("2.31") list("share_group_types", ShareGroupType);
    /// Show the default share group type.
    GET_DEFAULT = GET "/share-group-types/default" since("2.31") response("share_group_type", ShareGroupType);
    /// Create a share group type.
    CREATE = POST "/share-group-types" since("2.31") request("share_group_type", CreateOpts) response("share_group_type", ShareGroupType);
    /// Delete a share group type.
    DELETE = DELETE "/share-group-types/{share_group_type_id}" since("2.31");
    /// List a share group type's group specs.
    LIST_GROUP_SPECS = GET "/share-group-types/{share_group_type_id}/group-specs" since("2.31") response("group_specs", BTreeMap<String, String>);
    /// Set group specs.
    SET_GROUP_SPECS = POST "/share-group-types/{share_group_type_id}/group-specs" since("2.31") request("group_specs", ExtraSpecs) response("group_specs", BTreeMap<String, String>);
    /// Unset a group spec.
    DELETE_GROUP_SPEC = DELETE "/share-group-types/{share_group_type_id}/group-specs/{group_spec_key}" since("2.31");
    /// List the projects with access to a private share group type.
    LIST_ACCESS = GET "/share-group-types/{share_group_type_id}/access" since("2.31") list("share_group_type_access", Access);
    /// Give a project access to a private share group type.
    ADD_ACCESS = POST "/share-group-types/{share_group_type_id}/action" since("2.31") request("addProjectAccess", ProjectOpts);
    /// Take a project's access away.
    REMOVE_ACCESS = POST "/share-group-types/{share_group_type_id}/action" since("2.31") request("removeProjectAccess", ProjectOpts);
}

common::resource_functions! {
    ShareGroupType, ShareGroupType, "share group type", "share_group_types_links", EXPERIMENTAL;
    create delete
}

/// A share group type.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ShareGroupType {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// Whether every project may use it.
    pub is_public: bool,
    /// The group specs (values as Manila stores them: text).
    pub group_specs: BTreeMap<String, serde_json::Value>,
    /// The share types a group of this type may hold.
    pub share_types: Vec<String>,
    /// Whether it is the default share group type (2.46).
    #[serde(default)]
    pub is_default: Option<bool>,
}

impl crate::find::Named for ShareGroupType {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// A project's access to a private share group type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Access {
    /// The share group type.
    pub share_group_type_id: String,
    /// The project.
    pub project_id: String,
}

/// Filters of [`list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// `true`, `false` or `all` (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_public: Option<String>,
}

/// Lists share group types (one page: Manila does not page them).
pub async fn list(client: &ServiceClient, opts: &ListOpts) -> ApiResult<Vec<ShareGroupType>> {
    common::request(client, &LIST, &[], EXPERIMENTAL)
        .query(opts)
        .send()
        .await
}

/// Shows the default share group type (404 when the cloud names none).
pub async fn get_default(client: &ServiceClient) -> ApiResult<ShareGroupType> {
    common::request(client, &GET_DEFAULT, &[], EXPERIMENTAL).send().await
}

/// What [`create`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// The share types (IDs or names) a group of this type may hold: at least one.
    pub share_types: Vec<String>,
    /// Group specs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_specs: Option<BTreeMap<String, serde_json::Value>>,
    /// Whether every project may use it (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
}

impl CreateOpts {
    /// A type named `name` for groups of shares of `share_types`.
    pub fn new(name: impl Into<String>, share_types: Vec<String>) -> Self {
        CreateOpts {
            name: name.into(),
            share_types,
            ..CreateOpts::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.name.is_empty() || self.share_types.is_empty() {
            return Err(Error::invalid_input(
                "a share group type needs a name and at least one share type",
            ));
        }
        Ok(())
    }
}

/// Lists a share group type's group specs.
pub async fn list_group_specs(client: &ServiceClient, id: &str) -> ApiResult<BTreeMap<String, String>> {
    common::request(client, &LIST_GROUP_SPECS, &[id], EXPERIMENTAL)
        .send()
        .await
}

/// Sets group specs of a share group type (admin); the answer holds the specs sent.
pub async fn set_group_specs(
    client: &ServiceClient,
    id: &str,
    specs: &BTreeMap<String, String>,
) -> ApiResult<BTreeMap<String, String>> {
    common::request(client, &SET_GROUP_SPECS, &[id], EXPERIMENTAL)
        .body(&ExtraSpecs(specs.clone()))
        .send()
        .await
}

/// Unsets a group spec of a share group type (admin).
pub async fn delete_group_spec(client: &ServiceClient, id: &str, key: &str) -> ApiResult<()> {
    common::request(client, &DELETE_GROUP_SPEC, &[id, key], EXPERIMENTAL)
        .send()
        .await
}

/// Lists the projects with access to a private share group type (admin).
pub async fn list_access(client: &ServiceClient, id: &str) -> ApiResult<Vec<Access>> {
    common::request(client, &LIST_ACCESS, &[id], EXPERIMENTAL)
        .send()
        .await
}

/// Gives a project access to a private share group type (admin).
pub async fn add_access(client: &ServiceClient, id: &str, project: &str) -> ApiResult<()> {
    let body = ProjectOpts {
        project: project.into(),
    };
    common::action(client, &ADD_ACCESS, &[id], &body, None, EXPERIMENTAL).await
}

/// Takes a project's access to a private share group type away (admin).
pub async fn remove_access(client: &ServiceClient, id: &str, project: &str) -> ApiResult<()> {
    let body = ProjectOpts {
        project: project.into(),
    };
    common::action(client, &REMOVE_ACCESS, &[id], &body, None, EXPERIMENTAL).await
}

