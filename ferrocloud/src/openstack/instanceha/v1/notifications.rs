//! Notifications: a monitor reports a failure (a host down, a process stopped, an
//! instance dead), Masakari recovers from it. A notification is `new`, then `running`,
//! and ends `finished`, `failed` or `ignored` (`error` while a failed recovery waits for
//! its retry). From microversion 1.1, a notification shows its recovery's tasks and their
//! progress ([`Notification::recovery_workflow_details`](crate::openstack::instanceha::v1::notifications::Notification::recovery_workflow_details)).
//!
//! ```no_run
//! # async fn demo(masakari: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::instanceha::v1::notifications::{self, CreateOpts, NotificationType};
//! let payload = serde_json::json!({"event": "STOPPED", "host_status": "UNKNOWN", "cluster_status": "OFFLINE"});
//! let opts = CreateOpts::new(NotificationType::ComputeHost, "compute-1", "2017-04-24 08:34:46", payload);
//! let n = notifications::create(&masakari, &opts).await.extract()?;
//! let done = notifications::wait_for_completion(&masakari, &n.notification_uuid, &Default::default()).await?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{Paging, Record, masakari_functions};
use crate::de::text_enum;
use crate::request::Validate;
use crate::wait::{State, WaitOpts};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "instance-ha";
    /// List notifications.
    LIST = GET "/notifications" list("notifications", Notification);
    /// Create a notification.
    CREATE = POST "/notifications" request("notification", CreateOpts)
        response("notification", Notification);
    /// Show a notification.
    GET = GET "/notifications/{notification_id}" response("notification", Notification);
}

text_enum! {
    /// What failed.
    ///
    /// ```
    /// use ferrocloud::openstack::instanceha::v1::notifications::NotificationType;
    /// assert_eq!(serde_json::from_str::<NotificationType>("\"COMPUTE_HOST\"").unwrap(), NotificationType::ComputeHost);
    /// ```
    NotificationType {
        /// An instance.
        Vm = "VM",
        /// A process of a host.
        Process = "PROCESS",
        /// A compute host.
        ComputeHost = "COMPUTE_HOST",
    }
}

text_enum! {
    /// Where a notification's recovery stands.
    ///
    /// ```
    /// use ferrocloud::openstack::instanceha::v1::notifications::NotificationStatus;
    /// let s: NotificationStatus = serde_json::from_str("\"finished\"").unwrap();
    /// assert!(s.is_final());
    /// assert!(!NotificationStatus::Running.is_final());
    /// ```
    NotificationStatus {
        /// Received.
        New = "new",
        /// Being recovered from.
        Running = "running",
        /// The recovery failed; it will be retried.
        Error = "error",
        /// The recovery failed for good.
        Failed = "failed",
        /// Nothing was done (a host under maintenance, a duplicate…).
        Ignored = "ignored",
        /// Recovered.
        Finished = "finished",
    }
}

impl NotificationStatus {
    /// Whether the recovery is over: `finished`, `failed` or `ignored`.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            NotificationStatus::Finished | NotificationStatus::Failed | NotificationStatus::Ignored
        )
    }
}

/// A notification.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Notification {
    /// The database ID.
    pub id: u64,
    /// The UUID (what the API takes).
    pub notification_uuid: String,
    /// What failed.
    #[serde(rename = "type")]
    pub notification_type: NotificationType,
    /// Where its recovery stands.
    pub status: NotificationStatus,
    /// The UUID of the host it came from.
    pub source_host_uuid: String,
    /// When the failure happened.
    #[serde(with = "crate::dates::timestamp")]
    pub generated_time: crate::dates::Timestamp,
    /// What the monitor reported.
    pub payload: BTreeMap<String, Value>,
    /// The recovery's tasks and their progress (1.1).
    #[serde(default)]
    pub recovery_workflow_details: Vec<WorkflowTask>,
    /// Dates and deletion.
    #[serde(flatten)]
    pub record: Record,
}

impl crate::find::Named for Notification {
    fn id(&self) -> &str {
        &self.notification_uuid
    }
    fn name(&self) -> &str {
        &self.notification_uuid
    }
}

/// One task of a recovery.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct WorkflowTask {
    /// The task (`StopInstanceTask`…).
    pub name: String,
    /// Its state (`SUCCESS`, `FAILURE`, `RUNNING`…).
    pub state: String,
    /// Its progress, 0 to 1.
    pub progress: f64,
    /// What it reported.
    #[serde(default)]
    pub progress_details: Vec<ProgressDetail>,
}

/// One report of a recovery task.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ProgressDetail {
    /// When.
    pub timestamp: String,
    /// What.
    pub message: String,
    /// The task's progress then (Masakari writes it as text, `"0.0"`).
    #[serde(deserialize_with = "progress")]
    pub progress: f64,
}

/// A number, or a number written as text.
fn progress<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<f64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum P {
        N(f64),
        T(String),
    }
    match P::deserialize(d)? {
        P::N(n) => Ok(n),
        P::T(t) => t
            .trim()
            .parse()
            .map_err(|_| serde::de::Error::custom("a progress as a number")),
    }
}

/// What [`create`] sends: what failed, on which host, when, and the monitor's payload.
///
/// ```
/// use ferrocloud::openstack::instanceha::v1::notifications::{CreateOpts, NotificationType};
/// let o = CreateOpts::new(NotificationType::Process, "openstack-VirtualBox", "2017-04-21 17:29:55",
///     serde_json::json!({"process_name": "nova-compute", "event": "stopped"}));
/// assert_eq!(serde_json::to_value(&o).unwrap()["hostname"], "openstack-VirtualBox");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// What failed.
    #[serde(rename = "type")]
    pub notification_type: NotificationType,
    /// When (`2017-04-21 17:29:55`, or ISO 8601).
    pub generated_time: String,
    /// What the monitor reports.
    pub payload: Value,
    /// The host it happened on.
    pub hostname: String,
}

impl CreateOpts {
    /// A notification.
    ///
    /// ```
    /// use ferrocloud::openstack::instanceha::v1::notifications::{CreateOpts, NotificationType};
    /// let o = CreateOpts::new(NotificationType::Vm, "h", "2017-04-23T07:18:51", serde_json::json!({}));
    /// assert_eq!(o.hostname, "h");
    /// ```
    pub fn new(
        notification_type: NotificationType,
        hostname: impl Into<String>,
        generated_time: impl Into<String>,
        payload: Value,
    ) -> Self {
        CreateOpts {
            notification_type,
            generated_time: generated_time.into(),
            payload,
            hostname: hostname.into(),
        }
    }

    fn check(&self, _: &ServiceClient) -> Result<()> {
        Ok(())
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("hostname", !self.hostname.trim().is_empty())?;
        crate::request::require("generated_time", !self.generated_time.trim().is_empty())?;
        crate::request::require("payload", self.payload.is_object())
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::instanceha::v1::notifications::{ListOpts, NotificationType};
/// let o = ListOpts { notification_type: Some(NotificationType::Vm), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "type=VM");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Notifications from this host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_host_uuid: Option<String>,
    /// Notifications of this kind.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub notification_type: Option<NotificationType>,
    /// Notifications generated since (ISO 8601).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generated_since: Option<String>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

masakari_functions! {
    Notification, "notification", "id", extract_notifications, [];
    list get create
}

/// Waits until the notification's recovery is over (`finished`, `failed` or `ignored`),
/// and returns it: check its [`status`](Notification::status).
///
/// ```no_run
/// # async fn demo(masakari: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::instanceha::v1::notifications::{self, NotificationStatus};
/// let n = notifications::wait_for_completion(&masakari, "9e66b95d", &Default::default()).await?;
/// if n.status != NotificationStatus::Finished {
///     eprintln!("recovery {}", n.status);
/// }
/// # Ok(()) }
/// ```
pub async fn wait_for_completion(
    client: &ServiceClient,
    id: &str,
    opts: &WaitOpts,
) -> Result<Notification> {
    crate::wait::wait_for(
        &format!("notification {id} to be finished, failed or ignored"),
        opts,
        || async { get(client, id).await.extract() },
        |n: &Notification| {
            if n.status.is_final() {
                State::Ready
            } else {
                State::Pending
            }
        },
        |_| {},
    )
    .await
}
