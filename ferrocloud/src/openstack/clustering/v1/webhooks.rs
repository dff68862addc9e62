//! Webhook triggers: the URL of a webhook receiver's channel
//! ([`Receiver::channel`](crate::openstack::clustering::v1::receivers::Receiver::channel)) starts the receiver's
//! action on its cluster, with the receiver's parameters and the ones given here.
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::clustering::v1::{actions, webhooks};
//! let params = serde_json::json!({"count": "2"});
//! let action = webhooks::trigger(&senlin, "e03dd2e5", Some(&params)).await?;
//! actions::wait_for_success(&senlin, &action, &Default::default()).await?;
//! # Ok(()) }
//! ```

use serde::Serialize;
use serde_json::Value;

use super::common::{Accepted, action_id};
use crate::request::Validate;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "clustering";
    /// Trigger a webhook.
    TRIGGER = POST "/webhooks/{webhook_id}/trigger" request(TriggerOpts) response(Accepted);
}

/// What [`trigger`] sends: parameters for the action, beside the receiver's own.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::webhooks::TriggerOpts;
/// let o = TriggerOpts { params: Some(serde_json::json!({"count": 1})) };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"params": {"count": 1}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct TriggerOpts {
    /// Parameters for the action (`{"count": 2}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<Value>,
}

impl Validate for TriggerOpts {}

/// Triggers a webhook (webhook version 2, `V=2`), and returns the ID of the action it
/// started.
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let action = ferrocloud::openstack::clustering::v1::webhooks::trigger(&senlin, "e03dd2e5", None).await?;
/// # Ok(()) }
/// ```
pub async fn trigger(client: &ServiceClient, webhook_id: &str, params: Option<&Value>) -> Result<String> {
    let opts = TriggerOpts {
        params: params.cloned(),
    };
    let result = client
        .request(&TRIGGER, &[webhook_id])
        .query_pair("V", "2")
        .body(&opts)
        .send()
        .await;
    action_id(&result)
}
