//! Consistency group snapshots: the legacy API, deprecated in favour of group snapshots
//! ([`crate::openstack::blockstorage::v3::group_snapshots`]), still served (v2 and v3)
//! for consistency groups.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::cgsnapshots::{self, CreateOpts};
//! let s = cgsnapshots::create(&volumes, &CreateOpts::new("6f519a48").name("nightly")).await.extract()?;
//! cgsnapshots::delete(&volumes, &s.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{ListControls, Summary};
use super::group_snapshots::GroupSnapshotStatus;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List consistency group snapshots.
    LIST = GET "/cgsnapshots" list("cgsnapshots", Summary);
    /// List consistency group snapshots with details.
    LIST_DETAIL = GET "/cgsnapshots/detail" list("cgsnapshots", Cgsnapshot);
    /// Show a consistency group snapshot.
    GET = GET "/cgsnapshots/{cgsnapshot_id}" response("cgsnapshot", Cgsnapshot);
    /// Create a consistency group snapshot.
    CREATE = POST "/cgsnapshots" request("cgsnapshot", CreateOpts) response("cgsnapshot", Summary);
    /// Delete a consistency group snapshot.
    DELETE = DELETE "/cgsnapshots/{cgsnapshot_id}";
}

/// The operations the v2 API documents: all.
pub static V2_OPERATIONS: &[&crate::Operation] = OPERATIONS;

super::common::resource_functions! {
    Cgsnapshot, Summary, "consistency group snapshot", "consistency group snapshots";
    get delete
}

/// A consistency group snapshot with its details.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Cgsnapshot {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The consistency group it was taken of.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub consistencygroup_id: Option<String>,
    /// The status (a group snapshot's).
    pub status: GroupSnapshotStatus,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
}

/// What [`list`] and [`list_detail`] filter on.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Every project's cgsnapshots (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Paging, sorting and filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// Lists cgsnapshots (ID and name); Cinder answers them in one page.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Summary> {
    client.request(&LIST, &[]).query(opts).paged(PageStyle::Single)
}

/// Lists cgsnapshots with their details, in one page.
pub fn list_detail(client: &ServiceClient, opts: &ListOpts) -> Pager<Cgsnapshot> {
    client
        .request(&LIST_DETAIL, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

/// What [`create`] sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The consistency group to snapshot.
    pub consistencygroup_id: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// A snapshot of `consistencygroup_id`.
    pub fn new(consistencygroup_id: impl Into<String>) -> Self {
        CreateOpts {
            consistencygroup_id: consistencygroup_id.into(),
            name: None,
            description: None,
        }
    }
    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("consistencygroup_id", !self.consistencygroup_id.is_empty())
    }
}

/// Snapshots a consistency group (`202`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Summary> {
    client.request(&CREATE, &[]).body(opts).ok_codes(&[200, 202]).send().await
}
