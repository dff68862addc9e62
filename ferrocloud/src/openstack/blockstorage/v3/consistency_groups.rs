//! Consistency groups: the legacy API for groups of volumes snapshotted together,
//! deprecated in favour of generic volume groups
//! ([`crate::openstack::blockstorage::v3::groups`]). Cinder still serves it (v2 and v3)
//! on top of generic groups of its `default_cgsnapshot_type` group type, for clouds and
//! tools that use it.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::consistency_groups::{self, CreateOpts};
//! let cg = consistency_groups::create(&volumes, &CreateOpts::new(["lvm"]).name("db")).await.extract()?;
//! let cg = consistency_groups::get(&volumes, &cg.id).await.extract()?;
//! println!("{} is {}", cg.id, cg.status);
//! consistency_groups::delete(&volumes, &cg.id, false).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{ListControls, Summary};
use super::groups::{GroupStatus, comma_list};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List consistency groups.
    LIST = GET "/consistencygroups" list("consistencygroups", Summary);
    /// List consistency groups with details.
    LIST_DETAIL = GET "/consistencygroups/detail" list("consistencygroups", ConsistencyGroup);
    /// Show a consistency group.
    GET = GET "/consistencygroups/{consistencygroup_id}" response("consistencygroup", ConsistencyGroup);
    /// Create a consistency group.
    CREATE = POST "/consistencygroups" request("consistencygroup", CreateOpts) response("consistencygroup", Summary);
    /// Create a consistency group from a cgsnapshot or another consistency group.
    CREATE_FROM_SRC = POST "/consistencygroups/create_from_src" request("consistencygroup-from-src", CreateFromSrcOpts) response("consistencygroup", Summary);
    /// Update a consistency group.
    UPDATE = PUT "/consistencygroups/{consistencygroup_id}/update" request("consistencygroup", UpdateOpts);
    /// Delete a consistency group.
    DELETE = POST "/consistencygroups/{consistencygroup_id}/delete" request("consistencygroup", DeleteOpts);
}

/// The operations the v2 API documents: all.
pub static V2_OPERATIONS: &[&crate::Operation] = OPERATIONS;

super::common::resource_functions! {
    ConsistencyGroup, Summary, "consistency group", "consistency groups";
    list("consistencygroup_links") list_detail("consistencygroup_links") get
}

/// A consistency group with its details.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ConsistencyGroup {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The status (a group's).
    pub status: GroupStatus,
    /// Its availability zone.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub availability_zone: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// The volume types its volumes may have, by ID.
    pub volume_types: Vec<String>,
}

impl crate::find::Named for ConsistencyGroup {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }
}

/// What [`list`] and [`list_detail`] filter on.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Every project's consistency groups (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Paging, sorting and filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::consistency_groups::CreateOpts;
/// let opts = CreateOpts::new(["type1", "type2"]).name("firstcg").description("first consistency group").availability_zone("az0");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "firstcg", "description": "first consistency group",
///     "volume_types": "type1,type2", "availability_zone": "az0"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The volume types its volumes may have, by ID or name (sent comma-separated).
    #[serde(with = "comma_list")]
    pub volume_types: Vec<String>,
    /// The availability zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
}

impl CreateOpts {
    /// A consistency group for volumes of `volume_types`.
    pub fn new<I: IntoIterator<Item = T>, T: Into<String>>(volume_types: I) -> Self {
        CreateOpts {
            name: None,
            description: None,
            volume_types: volume_types.into_iter().map(Into::into).collect(),
            availability_zone: None,
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
    /// Sets the availability zone.
    pub fn availability_zone(mut self, az: impl Into<String>) -> Self {
        self.availability_zone = Some(az.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.volume_types.is_empty() {
            return Err(Error::invalid_input(
                "a consistency group needs at least one volume type",
            ));
        }
        if self.volume_types.iter().any(|t| t.is_empty() || t.contains(',')) {
            return Err(Error::invalid_input(
                "a volume type cannot be sent in Cinder's comma-separated list when empty or holding a comma",
            ));
        }
        Ok(())
    }
}

/// Creates a consistency group (`202`; Cinder answers its ID and name).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Summary> {
    client.request(&CREATE, &[]).body(opts).ok_codes(&[200, 202]).send().await
}

/// What [`create_from_src`] sends: the cgsnapshot or the consistency group to copy (one
/// of them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateFromSrcOpts {
    /// The cgsnapshot to make it from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cgsnapshot_id: Option<String>,
    /// The consistency group to copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_cgid: Option<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for CreateFromSrcOpts {
    fn validate(&self) -> Result<()> {
        crate::request::exactly_one_of(&[
            ("cgsnapshot_id", self.cgsnapshot_id.is_some()),
            ("source_cgid", self.source_cgid.is_some()),
        ])
    }
}

/// Makes a consistency group from a cgsnapshot or another one (`202`).
pub async fn create_from_src(client: &ServiceClient, opts: &CreateFromSrcOpts) -> ApiResult<Summary> {
    client
        .request(&CREATE_FROM_SRC, &[])
        .body(opts)
        .ok_codes(&[200, 202])
        .send()
        .await
}

/// What [`update`] sends; the same as a group's.
pub type UpdateOpts = super::groups::UpdateOpts;

/// Changes a consistency group (`202`).
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<()> {
    client.request(&UPDATE, &[id]).body(opts).ok_codes(&[202]).send().await
}

/// What [`delete`] sends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeleteOpts {
    /// Delete it with its volumes, whatever its status.
    #[serde(default)]
    pub force: bool,
}

impl Validate for DeleteOpts {}

/// Deletes a consistency group (`202`); `force` deletes its volumes too.
pub async fn delete(client: &ServiceClient, id: &str, force: bool) -> ApiResult<()> {
    client
        .request(&DELETE, &[id])
        .body(&DeleteOpts { force })
        .ok_codes(&[202])
        .send()
        .await
}
