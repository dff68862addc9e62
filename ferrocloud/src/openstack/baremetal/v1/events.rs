//! Events (1.54): notifications other services send Ironic (Neutron's port binding
//! events). The API reference does not document this endpoint; it is declared apart
//! from the coverage figures.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::events;
//! let event = serde_json::json!({"event": "network.bind_port", "port_id": "11", "mac_address": "52:54:00:00:00:01",
//!     "status": "ACTIVE", "device_id": "d1", "binding:host_id": "h", "binding:vnic_type": "baremetal"});
//! events::post(&ironic, &[event]).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "baremetal", undocumented;
    /// Send events.
    POST = POST "/events" since("1.54") request(EventsOpts);
}

/// What [`post`] sends: `{"events": […]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventsOpts {
    /// The events.
    pub events: Vec<Value>,
}

impl Validate for EventsOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("events", !self.events.is_empty())
    }
}

/// Sends events to Ironic (1.54; `204`).
pub async fn post(client: &ServiceClient, events: &[Value]) -> ApiResult<()> {
    let opts = EventsOpts {
        events: events.to_vec(),
    };
    client.request(&POST, &[]).body(&opts).send().await
}
