//! Generic volume groups (3.13): volumes of one or more volume types managed together,
//! for consistent snapshots ([`crate::openstack::blockstorage::v3::group_snapshots`]) and
//! replication. A group is made of a group type ([`crate::openstack::blockstorage::v3::group_types`]) and the volume
//! types its volumes may have; volumes join at creation (`group_id`) or through
//! [`update`](crate::openstack::blockstorage::v3::groups::update).
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::groups::{self, CreateOpts, GroupStatus, UpdateOpts};
//! use ferrocloud::wait::WaitOpts;
//! let volumes = volumes.with_microversion("3.20");
//! let g = groups::create(&volumes, &CreateOpts::new("29514915", ["4e9e6d23"]).name("db")).await.extract()?;
//! let g = groups::wait_for_status(&volumes, &g.id, GroupStatus::Available, &WaitOpts::default()).await?;
//! groups::update(&volumes, &g.id, &UpdateOpts::default().add_volume("a2cdf1ad")).await.ok()?;
//! groups::delete(&volumes, &g.id, true).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::common::{Empty, ListControls, Summary};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List groups.
    LIST = GET "/groups" since("3.13") list("groups", Summary);
    /// List groups with details.
    LIST_DETAIL = GET "/groups/detail" since("3.13") list("groups", Group);
    /// Show group details.
    GET = GET "/groups/{group_id}" since("3.13") response("group", Group);
    /// Create a group.
    CREATE = POST "/groups" since("3.13") request("group", CreateOpts) response("group", Summary);
    /// Create a group from a group snapshot or another group.
    CREATE_FROM_SRC = POST "/groups/action" since("3.14") request("create-from-src", CreateFromSrcOpts) response("group", Summary);
    /// Update a group (name, description, volumes).
    UPDATE = PUT "/groups/{group_id}" since("3.13") request("group", UpdateOpts);
    /// Delete a group.
    DELETE = POST "/groups/{group_id}/action" since("3.13") request("delete", DeleteOpts);
    /// Reset a group's status (admin).
    RESET_STATUS = POST "/groups/{group_id}/action" since("3.20") request("reset_status", ResetStatusOpts);
    /// Enable group replication.
    ENABLE_REPLICATION = POST "/groups/{group_id}/action" since("3.38") request("enable_replication", Empty);
    /// Disable group replication.
    DISABLE_REPLICATION = POST "/groups/{group_id}/action" since("3.38") request("disable_replication", Empty);
    /// Failover replication.
    FAILOVER_REPLICATION = POST "/groups/{group_id}/action" since("3.38") request("failover_replication", FailoverOpts);
    /// List replication targets.
    LIST_REPLICATION_TARGETS = POST "/groups/{group_id}/action" since("3.38") request("list_replication_targets", Empty) response("replication_targets", ReplicationTargets);
}

/// The operations the v2 API documents: none (3.13).
pub static V2_OPERATIONS: &[&crate::Operation] = &[];

super::common::resource_functions! {
    Group, Summary, "group", "groups";
    list("group_links") list_detail("group_links") get find reset_status(GroupStatus)
    wait(GroupStatus)
}

super::common::status_enum! {
    /// The status of a group.
    GroupStatus {
        /// Being made.
        Creating = "creating",
        /// Ready.
        Available = "available",
        /// Volumes are joining or leaving.
        Updating = "updating",
        /// Its volumes are attached.
        InUse = "in-use",
        /// Being deleted.
        Deleting = "deleting",
        /// Deleted (admins listing deleted groups).
        Deleted = "deleted",
        /// Creation failed.
        Error = "error",
        /// Deletion failed.
        ErrorDeleting = "error_deleting",
    }
}

super::common::status_enum! {
    /// The replication status of a group (3.38).
    ReplicationStatus {
        /// Not replicating.
        Disabled = "disabled",
        /// Being turned on.
        Enabling = "enabling",
        /// Replicating.
        Enabled = "enabled",
        /// Being turned off.
        Disabling = "disabling",
        /// Failing over to a secondary back end.
        FailingOver = "failing-over",
        /// Failed over.
        FailedOver = "failed-over",
        /// The back end cannot replicate.
        NotCapable = "not-capable",
        /// A failover failed.
        FailoverError = "failover-error",
        /// Replication failed.
        Error = "error",
    }
}

/// Waits until the group's replication status is `status`; an error status
/// (`error`, `failover-error`) ends the wait with an error.
pub async fn wait_for_replication_status(
    client: &ServiceClient,
    id: &str,
    status: ReplicationStatus,
    opts: &crate::wait::WaitOpts,
) -> Result<Group> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("group {id} to replicate as {status}"),
        opts,
        || async { get(client, id).await.extract() },
        |g: &Group| match &g.replication_status {
            Some(s) if *s == status => State::Ready,
            Some(s) if s.is_error() || *s == ReplicationStatus::FailoverError => {
                State::Failed(format!("group {} replication is {s}", g.id))
            }
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}

/// A group, with its details.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Group {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The status.
    pub status: GroupStatus,
    /// Its availability zone.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub availability_zone: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// Its group type's ID.
    pub group_type: String,
    /// The volume types its volumes may have, by ID.
    pub volume_types: Vec<String>,
    /// Its volumes, by ID (3.25, when listed with `list_volume`).
    #[serde(default)]
    pub volumes: Option<Vec<String>>,
    /// The group snapshot it was made from (3.14).
    #[serde(default, deserialize_with = "crate::de::double_option")]
    pub group_snapshot_id: Option<Option<String>>,
    /// The group it was made from (3.14).
    #[serde(default, deserialize_with = "crate::de::double_option")]
    pub source_group_id: Option<Option<String>>,
    /// Its replication status (3.38; `disabled` for a group type that does not
    /// replicate too).
    #[serde(default)]
    pub replication_status: Option<ReplicationStatus>,
    /// The owning project (3.58, for those the policy lets see it).
    #[serde(default)]
    pub project_id: Option<String>,
}

impl crate::find::Named for Group {
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
    /// Groups of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Every project's groups (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// With each group's volume IDs (3.25; [`list_detail`] and [`get`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_volume: Option<bool>,
    /// Paging, sorting and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::groups::CreateOpts;
/// let opts = CreateOpts::new("29514915", ["4e9e6d23", "c4daaf47"]).name("first_group").availability_zone("az0");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "group_type": "29514915", "volume_types": ["4e9e6d23", "c4daaf47"],
///     "name": "first_group", "availability_zone": "az0"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The group type, by ID or name.
    pub group_type: String,
    /// The volume types its volumes may have, by ID or name (at least one).
    pub volume_types: Vec<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The availability zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
}

impl CreateOpts {
    /// A group of `group_type` for volumes of `volume_types`.
    pub fn new<I: IntoIterator<Item = T>, T: Into<String>>(group_type: impl Into<String>, volume_types: I) -> Self {
        CreateOpts {
            group_type: group_type.into(),
            volume_types: volume_types.into_iter().map(Into::into).collect(),
            name: None,
            description: None,
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
        crate::request::require("group_type", !self.group_type.is_empty())?;
        if self.volume_types.is_empty() {
            return Err(Error::invalid_input("a group needs at least one volume type"));
        }
        Ok(())
    }
}

/// Creates a group (`202`; Cinder answers its ID and name; it is `creating`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Summary> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// What [`create_from_src`] sends: the group snapshot or the group to copy (one of
/// them).
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::groups::CreateFromSrcOpts;
/// let opts = CreateFromSrcOpts::from_group_snapshot("6f519a48").name("copy");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"group_snapshot_id": "6f519a48", "name": "copy"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateFromSrcOpts {
    /// The group snapshot to make the group from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_snapshot_id: Option<String>,
    /// The group to copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_group_id: Option<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateFromSrcOpts {
    /// A group made from a group snapshot.
    pub fn from_group_snapshot(id: impl Into<String>) -> Self {
        CreateFromSrcOpts {
            group_snapshot_id: Some(id.into()),
            ..Default::default()
        }
    }
    /// A copy of a group.
    pub fn from_group(id: impl Into<String>) -> Self {
        CreateFromSrcOpts {
            source_group_id: Some(id.into()),
            ..Default::default()
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

impl Validate for CreateFromSrcOpts {
    fn validate(&self) -> Result<()> {
        crate::request::exactly_one_of(&[
            ("group_snapshot_id", self.group_snapshot_id.is_some()),
            ("source_group_id", self.source_group_id.is_some()),
        ])
    }
}

/// Makes a group from a group snapshot or another group (3.14; `202`).
pub async fn create_from_src(client: &ServiceClient, opts: &CreateFromSrcOpts) -> ApiResult<Summary> {
    client.request(&CREATE_FROM_SRC, &[]).body(opts).send().await
}

/// What [`update`] sends: a new name or description, volumes to add and to remove
/// (Cinder takes them comma-separated).
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::groups::UpdateOpts;
/// let opts = UpdateOpts::default().name("my_group").add_volume("v1").add_volume("v2").remove_volume("v9");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "my_group", "add_volumes": "v1,v2", "remove_volumes": "v9"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Volumes to add, by ID.
    #[serde(default, with = "comma_list", skip_serializing_if = "Vec::is_empty")]
    pub add_volumes: Vec<String>,
    /// Volumes to remove, by ID.
    #[serde(default, with = "comma_list", skip_serializing_if = "Vec::is_empty")]
    pub remove_volumes: Vec<String>,
}

impl UpdateOpts {
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
    /// Adds a volume.
    pub fn add_volume(mut self, id: impl Into<String>) -> Self {
        self.add_volumes.push(id.into());
        self
    }
    /// Removes a volume.
    pub fn remove_volume(mut self, id: impl Into<String>) -> Self {
        self.remove_volumes.push(id.into());
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.name.is_none()
            && self.description.is_none()
            && self.add_volumes.is_empty()
            && self.remove_volumes.is_empty()
        {
            return Err(Error::invalid_input(
                "a group update needs a name, a description, or volumes to add or remove",
            ));
        }
        for id in self.add_volumes.iter().chain(&self.remove_volumes) {
            if id.is_empty() || id.contains(',') {
                return Err(Error::invalid_input(format!(
                    "volume ID {id:?} cannot be sent in Cinder's comma-separated list"
                )));
            }
        }
        Ok(())
    }
}

/// A list of IDs as Cinder writes them in group updates: one comma-separated string.
pub(crate) mod comma_list {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(ids: &[String], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&ids.join(","))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        Ok(text
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect())
    }
}

/// Changes a group (`202`; volumes joining or leaving make it `updating` a moment).
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<()> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// What [`delete`] sends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeleteOpts {
    /// Delete its volumes too (a group with volumes cannot be deleted otherwise).
    #[serde(rename = "delete-volumes", default)]
    pub delete_volumes: bool,
}

impl Validate for DeleteOpts {}

/// Deletes a group, with its volumes when `delete_volumes` (`202`).
pub async fn delete(client: &ServiceClient, id: &str, delete_volumes: bool) -> ApiResult<()> {
    client
        .request(&DELETE, &[id])
        .body(&DeleteOpts { delete_volumes })
        .ok_codes(&[202])
        .send()
        .await
}

/// Turns replication on for a group whose type and volume types allow it (3.38; `202`).
pub async fn enable_replication(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&ENABLE_REPLICATION, &[id]).body(&Empty {}).ok_codes(&[202]).send().await
}

/// Turns replication off (3.38; `202`).
pub async fn disable_replication(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DISABLE_REPLICATION, &[id]).body(&Empty {}).ok_codes(&[202]).send().await
}

/// What [`failover_replication`] sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailoverOpts {
    /// Fail over even with attached volumes.
    #[serde(default)]
    pub allow_attached_volume: bool,
    /// The back end to fail over to (its replication target ID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary_backend_id: Option<String>,
}

impl Validate for FailoverOpts {}

/// Fails a replicated group over to a secondary back end (3.38; `202`).
pub async fn failover_replication(client: &ServiceClient, id: &str, opts: &FailoverOpts) -> ApiResult<()> {
    client
        .request(&FAILOVER_REPLICATION, &[id])
        .body(opts)
        .ok_codes(&[202])
        .send()
        .await
}

/// A group's replication targets, as its back end describes them (`backend_id` and
/// driver-specific keys).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReplicationTargets(pub Vec<BTreeMap<String, Value>>);

impl<'de> Deserialize<'de> for ReplicationTargets {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Targets {
            Many(Vec<BTreeMap<String, Value>>),
            One(BTreeMap<String, Value>),
        }
        Ok(match Option::<Targets>::deserialize(d)? {
            Some(Targets::Many(v)) => ReplicationTargets(v),
            Some(Targets::One(t)) => ReplicationTargets(vec![t]),
            None => ReplicationTargets::default(),
        })
    }
}

/// Lists a group's replication targets (3.38; none for a group that does not
/// replicate).
pub async fn list_replication_targets(client: &ServiceClient, id: &str) -> ApiResult<ReplicationTargets> {
    client
        .request(&LIST_REPLICATION_TARGETS, &[id])
        .body(&Empty {})
        .send()
        .await
}
