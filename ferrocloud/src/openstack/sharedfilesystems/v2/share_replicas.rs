//! Share replicas (2.11): copies of a share in other availability zones, kept in sync
//! by the back end. A share type with the `replication_type` extra spec (`readable`,
//! `writable` or `dr`) makes shares that can have replicas; one replica is `active`,
//! the others `in_sync` or `out_of_sync`. Promote one to make it the active one, resync
//! one that fell behind. Their metadata (2.95) is in `share_replica_metadata`, their
//! export locations (2.47) in `export_locations`.
//!
//! Manila called the API experimental before 2.56: requests of older clients carry the
//! experimental-API header.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_replicas::{self, CreateOpts, ReplicaStatus};
//! use ferrocloud::wait::WaitOpts;
//! let manila = manila.with_microversion("2.95");
//! let r = share_replicas::create(&manila, &CreateOpts::new("50a6a566")).await.extract()?;
//! share_replicas::wait_for_status(&manila, &r.id, ReplicaStatus::Available, &WaitOpts::default()).await?;
//! share_replicas::promote(&manila, &r.id, None).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{self, ExperimentalBefore, ListControls, need};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Null, Validate};
use crate::{Result, ServiceClient};

/// Share replicas left the experimental API at 2.56.
const EXPERIMENTAL: ExperimentalBefore = ExperimentalBefore(56);

crate::operations! {
    service: "shared-file-system";
    /// List share replicas.
    LIST = GET "/share-replicas" since("2.11") list("share_replicas", ReplicaSummary);
    /// List share replicas with details.
    LIST_DETAIL = GET "/share-replicas/detail" since("2.11") list("share_replicas", Replica);
    /// Show a share replica.
    GET = GET "/share-replicas/{share_replica_id}" since("2.11") response("share_replica", Replica);
    /// Create a share replica.
    CREATE = POST "/share-replicas" since("2.11") request("share_replica", CreateOpts) response("share_replica", Replica);
    /// Delete a share replica.
    DELETE = DELETE "/share-replicas/{share_replica_id}" since("2.11");
    /// Make a replica the active one.
    PROMOTE = POST "/share-replicas/{share_replica_id}/action" since("2.11") request("promote", PromoteOpts);
    /// Bring a replica up to date with the active one.
    RESYNC = POST "/share-replicas/{share_replica_id}/action" since("2.11") request("resync", Null);
    /// Reset a replica's status (admin).
    RESET_STATUS = POST "/share-replicas/{share_replica_id}/action" since("2.11") request("reset_status", common::ResetStatus<ReplicaStatus>);
    /// Reset a replica's replica state (admin).
    RESET_REPLICA_STATE = POST "/share-replicas/{share_replica_id}/action" since("2.11") request("reset_replica_state", ReplicaStateOpts);
    /// Delete a replica whatever its status (admin).
    FORCE_DELETE = POST "/share-replicas/{share_replica_id}/action" since("2.11") request("force_delete", Null);
}

common::resource_functions! {
    Replica, ReplicaSummary, "share replica", "share_replica_links", EXPERIMENTAL;
    list list_detail get delete reset_status(ReplicaStatus) force_delete wait(ReplicaStatus)
}

common::status_enum! {
    /// The status of a share replica.
    ReplicaStatus {
        /// Being made.
        Creating = "creating",
        /// Ready.
        Available = "available",
        /// Being deleted.
        Deleting = "deleting",
        /// Creation failed.
        Error = "error",
        /// Deletion failed.
        ErrorDeleting = "error_deleting",
        /// Being promoted.
        ReplicationChange = "replication_change",
    }
}

common::status_enum! {
    /// How a replica stands towards the active one.
    ReplicaState {
        /// The active replica (the one clients write to).
        Active = "active",
        /// Up to date.
        InSync = "in_sync",
        /// Behind.
        OutOfSync = "out_of_sync",
        /// Replication failed.
        Error = "error",
    }
}

/// A replica in a listing without details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ReplicaSummary {
    /// The ID.
    pub id: String,
    /// The share.
    pub share_id: String,
    /// The status.
    pub status: ReplicaStatus,
    /// Its state towards the active replica (none while it is being made).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub replica_state: Option<ReplicaState>,
}

/// A share replica.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Replica {
    /// The ID.
    pub id: String,
    /// The share.
    pub share_id: String,
    /// The status.
    pub status: ReplicaStatus,
    /// Its state towards the active replica (none while it is being made).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub replica_state: Option<ReplicaState>,
    /// The availability zone (none until it is scheduled).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub availability_zone: Option<String>,
    /// The share network.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub share_network_id: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// The share server (administrators).
    #[serde(default)]
    pub share_server_id: Option<String>,
    /// The back end host (administrators).
    #[serde(default)]
    pub host: Option<String>,
    /// Whether access rules are read-only on it (administrators, 2.30).
    #[serde(default)]
    pub cast_rules_to_readonly: Option<bool>,
    /// Metadata (2.95).
    #[serde(default)]
    pub metadata: Option<BTreeMap<String, String>>,
}

/// Filters of [`list`] and [`list_detail`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// The replicas of this share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_id: Option<String>,
    /// Paging, sorting and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The share.
    pub share_id: String,
    /// The availability zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// Hints for the scheduler, such as `only_host` (2.67).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduler_hints: Option<BTreeMap<String, String>>,
    /// The share network (2.72).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_network_id: Option<String>,
    /// Metadata (2.95).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
}

impl CreateOpts {
    /// A replica of `share_id`.
    pub fn new(share_id: impl Into<String>) -> Self {
        CreateOpts {
            share_id: share_id.into(),
            ..CreateOpts::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("share_id", !self.share_id.is_empty())
    }
}

/// Creates a replica of a share (`202`; it starts `creating`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Replica> {
    let needs = [
        (opts.scheduler_hints.is_some(), "scheduler_hints", 67),
        (opts.share_network_id.is_some(), "share_network_id", 72),
        (opts.metadata.is_some(), "metadata", 95),
    ];
    for (set, what, minor) in needs {
        if set && let Err(e) = need(client, what, minor) {
            return ApiResult::from_error(e);
        }
    }
    common::request(client, &CREATE, &[], EXPERIMENTAL)
        .body(opts)
        .send()
        .await
}

/// The body of [`promote`]: `null`, or how long to wait for the active replica to
/// quiesce (2.75).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromoteOpts {
    /// Seconds to wait for the active replica to quiesce (2.75).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiesce_wait_time: Option<u32>,
}

impl Validate for PromoteOpts {}

/// Makes a replica the active one (`202`); the former active one becomes `in_sync` or
/// `out_of_sync`. `quiesce_wait_time` needs 2.75.
pub async fn promote(client: &ServiceClient, id: &str, quiesce_wait_time: Option<u32>) -> ApiResult<()> {
    match quiesce_wait_time {
        Some(seconds) => {
            if let Err(e) = need(client, "quiesce_wait_time", 75) {
                return ApiResult::from_error(e);
            }
            let body = PromoteOpts {
                quiesce_wait_time: Some(seconds),
            };
            common::action(client, &PROMOTE, &[id], &body, None, EXPERIMENTAL).await
        }
        None => common::action(client, &PROMOTE, &[id], &Null, None, EXPERIMENTAL).await,
    }
}

/// Brings a replica up to date with the active one (`202`).
pub async fn resync(client: &ServiceClient, id: &str) -> ApiResult<()> {
    common::action(client, &RESYNC, &[id], &Null, None, EXPERIMENTAL).await
}

/// The body of [`reset_replica_state`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicaStateOpts {
    /// The new replica state.
    pub replica_state: ReplicaState,
}

impl Validate for ReplicaStateOpts {}

/// Sets a replica's replica state in the database, nothing else (admin, `202`).
pub async fn reset_replica_state(client: &ServiceClient, id: &str, state: ReplicaState) -> ApiResult<()> {
    let body = ReplicaStateOpts { replica_state: state };
    common::action(client, &RESET_REPLICA_STATE, &[id], &body, None, EXPERIMENTAL).await
}
