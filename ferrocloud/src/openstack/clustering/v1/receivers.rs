//! Receivers: what turns an outside signal into a cluster action. A `webhook` receiver
//! has a URL ([`Receiver::channel`](crate::openstack::clustering::v1::receivers::Receiver::channel)) that triggers its action
//! ([`webhooks::trigger`]); a `message` receiver has a queue
//! that Senlin reads when notified ([`notify`](crate::openstack::clustering::v1::receivers::notify)).
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::clustering::v1::receivers::{self, CreateOpts, ReceiverType};
//! let mut opts = CreateOpts::new("cluster_inflate", ReceiverType::Webhook);
//! opts.cluster_id = Some("web".into());
//! opts.action = Some("CLUSTER_SCALE_OUT".into());
//! let r = receivers::create(&senlin, &opts).await.extract()?;
//! println!("{:?}", r.channel.get("alarm_url"));
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Record, Object, Paging, senlin_functions};
use crate::de::text_enum;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "clustering";
    /// List receivers.
    LIST = GET "/receivers" list("receivers", Receiver);
    /// Create a receiver.
    CREATE = POST "/receivers" request("receiver", CreateOpts) response("receiver", Receiver);
    /// Show a receiver.
    GET = GET "/receivers/{receiver_id}" response("receiver", Receiver);
    /// Change a receiver (1.7).
    UPDATE = PATCH "/receivers/{receiver_id}" since("1.7") request("receiver", UpdateOpts)
        response("receiver", Receiver);
    /// Delete a receiver (`204`).
    DELETE = DELETE "/receivers/{receiver_id}";
    /// Notify a message receiver (`204`).
    NOTIFY = POST "/receivers/{receiver_id}/notify";
}

text_enum! {
    /// The kind of a receiver.
    ///
    /// ```
    /// use ferrocloud::openstack::clustering::v1::receivers::ReceiverType;
    /// assert_eq!(serde_json::from_str::<ReceiverType>("\"webhook\"").unwrap(), ReceiverType::Webhook);
    /// ```
    ReceiverType {
        /// Triggered by a URL.
        Webhook = "webhook",
        /// Reads messages from a queue.
        Message = "message",
    }
}

/// A receiver.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Receiver {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The kind.
    #[serde(rename = "type")]
    pub receiver_type: ReceiverType,
    /// The cluster it acts on.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub cluster_id: Option<String>,
    /// The action it starts (`CLUSTER_SCALE_OUT`).
    #[serde(default)]
    pub action: Option<String>,
    /// The action's parameters.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub params: Object,
    /// The credentials it acts with (a trust).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub actor: Object,
    /// How to reach it: `alarm_url` for a webhook, `queue_name` for a message receiver.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub channel: Object,
    /// Ownership and dates.
    #[serde(flatten)]
    pub record: Record,
}

/// What [`create`] sends (a webhook receiver needs a cluster and an action).
///
/// ```
/// use ferrocloud::openstack::clustering::v1::receivers::{CreateOpts, ReceiverType};
/// let o = CreateOpts::new("queue", ReceiverType::Message);
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"name": "queue", "type": "message"}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// The kind.
    #[serde(rename = "type")]
    pub receiver_type: ReceiverType,
    /// The cluster it acts on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<String>,
    /// The action it starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The action's parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<Object>,
    /// The credentials it acts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Object>,
}

impl CreateOpts {
    /// A receiver of this kind.
    ///
    /// ```
    /// use ferrocloud::openstack::clustering::v1::receivers::{CreateOpts, ReceiverType};
    /// assert!(CreateOpts::new("r", ReceiverType::Webhook).cluster_id.is_none());
    /// ```
    pub fn new(name: impl Into<String>, receiver_type: ReceiverType) -> Self {
        CreateOpts {
            name: name.into(),
            receiver_type,
            cluster_id: None,
            action: None,
            params: None,
            actor: None,
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.trim().is_empty())?;
        if self.receiver_type == ReceiverType::Webhook {
            crate::request::require("cluster_id", self.cluster_id.is_some())?;
            crate::request::require("action", self.action.is_some())?;
        }
        Ok(())
    }
}

/// What [`update`] changes (microversion 1.7).
///
/// ```
/// use ferrocloud::openstack::clustering::v1::receivers::UpdateOpts;
/// let o = UpdateOpts { name: Some("new-name".into()), ..Default::default() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"name": "new-name"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// New parameters of the action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<Object>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("name", self.name.is_some()),
            ("action", self.action.is_some()),
            ("params", self.params.is_some()),
        ])
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::receivers::{ListOpts, ReceiverType};
/// let o = ListOpts { receiver_type: Some(ReceiverType::Webhook), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "type=webhook");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Receivers of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Receivers of this kind.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub receiver_type: Option<ReceiverType>,
    /// Receivers of this cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<String>,
    /// Receivers of this action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Receivers of this user (1.4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

senlin_functions! {
    Receiver, "receiver", extract_receivers;
    list get create update delete
}

/// Tells a message receiver to read its queue (`204`).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::clustering::v1::receivers::notify(&senlin, "573aa1ba").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn notify(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&NOTIFY, &[id]).send().await
}
