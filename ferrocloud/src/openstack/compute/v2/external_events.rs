//! Server external events (`os-server-external-events`): how other services (Neutron,
//! Cinder, Cyborg) tell Nova that something happened to a server's port, volume or
//! accelerator. Admin only by default.
//!
//! Event names other than the `network-*` ones need a microversion: `volume-extended`
//! 2.51, `power-update` 2.76, `accelerator-request-bound` 2.82, `volume-reimaged` 2.93.
//!
//! Nova answers 200 when it accepted every event, and 207 otherwise: each event then
//! carries its own `code` (404 unknown server, 422 server without a host, 400 missing
//! tag). Older releases answered 404 when every event failed (Nova bug 1855752).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::external_events::{self, CreateOpts, Event};
//! let opts = CreateOpts::new([Event::new("3df201cf-2451-44f2-8d25-a4ca826fc1f3", "network-changed")]);
//! for e in external_events::create(&compute, &opts).await.extract()? {
//!     println!("{} for {}: {:?}", e.name, e.server_uuid, e.code);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::microversion::Microversion;
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// Send events about servers.
    CREATE = POST "/os-server-external-events" request(CreateOpts) response("events", Vec<EventResult>);
}

/// The event names Nova knows (at the time of writing; Nova refuses others with 400),
/// with the microversion that introduced each (`None`: the base version).
pub const EVENT_NAMES: &[(&str, Option<&str>)] = &[
    ("network-changed", None),
    ("network-vif-plugged", None),
    ("network-vif-unplugged", None),
    ("network-vif-deleted", None),
    ("volume-extended", Some("2.51")),
    ("power-update", Some("2.76")),
    ("accelerator-request-bound", Some("2.82")),
    ("volume-reimaged", Some("2.93")),
];

/// Refuses an event name the client's microversion does not accept yet.
fn check_names(client: &ServiceClient, opts: &CreateOpts) -> Result<()> {
    let have = client
        .microversion()
        .map(str::parse::<Microversion>)
        .transpose()?;
    for (i, e) in opts.events.iter().enumerate() {
        let since = EVENT_NAMES
            .iter()
            .find(|(n, _)| *n == e.name)
            .and_then(|(_, v)| *v);
        if let Some(v) = since {
            let needed: Microversion = v.parse()?;
            if have.is_none_or(|h| h < needed) {
                return Err(Error::invalid_input(format!(
                    "events[{i}].name {:?} needs microversion {v} or later; this compute client uses {}",
                    e.name,
                    client.microversion().unwrap_or("the base version")
                )));
            }
        }
    }
    Ok(())
}

/// One event to send.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Event {
    /// The server's ID (required).
    pub server_uuid: String,
    /// The event's name (required; one of [`EVENT_NAMES`], each from its microversion).
    pub name: String,
    /// `completed` (the default), `failed` or `in-progress`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// What the event is about: a port ID, a volume ID, `POWER_ON`/`POWER_OFF`…
    /// (required for `volume-extended`; at most 255 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

impl Event {
    /// The event `name` for the server `server_uuid`.
    pub fn new(server_uuid: impl Into<String>, name: impl Into<String>) -> Self {
        Event {
            server_uuid: server_uuid.into(),
            name: name.into(),
            ..Default::default()
        }
    }

    /// Sets the status.
    pub fn status(mut self, status: impl Into<String>) -> Self {
        self.status = Some(status.into());
        self
    }

    /// Sets the tag.
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tag = Some(tag.into());
        self
    }
}

/// The events to send (at least one).
///
/// ```
/// use ferrocloud::openstack::compute::v2::external_events::{CreateOpts, Event};
/// use ferrocloud::request::Validate;
/// assert!(CreateOpts::new([]).validate().is_err());
/// let bad = CreateOpts::new([Event::new("s-1", "network-changed").status("done")]);
/// assert!(bad.validate().unwrap_err().to_string().contains("events[0].status"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct CreateOpts {
    /// The events.
    pub events: Vec<Event>,
}

impl CreateOpts {
    /// These events.
    pub fn new(events: impl IntoIterator<Item = Event>) -> Self {
        CreateOpts {
            events: events.into_iter().collect(),
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("events", !self.events.is_empty())?;
        for (i, e) in self.events.iter().enumerate() {
            require(
                &format!("events[{i}].server_uuid"),
                !e.server_uuid.is_empty(),
            )?;
            require(&format!("events[{i}].name"), !e.name.is_empty())?;
            if let Some(s) = &e.status
                && !["completed", "failed", "in-progress"].contains(&s.as_str()) {
                    return Err(Error::invalid_input(format!(
                        "events[{i}].status {s:?} is not one of completed, failed, in-progress"
                    )));
                }
            if e.tag.as_ref().is_some_and(|t| t.chars().count() > 255) {
                return Err(Error::invalid_input(format!(
                    "events[{i}].tag is longer than 255 characters"
                )));
            }
        }
        Ok(())
    }
}

/// What Nova did with one event.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct EventResult {
    /// The server's ID.
    pub server_uuid: String,
    /// The event's name.
    pub name: String,
    /// `completed` when accepted, `failed` otherwise.
    #[serde(default)]
    pub status: Option<String>,
    /// The event's tag.
    #[serde(default)]
    pub tag: Option<String>,
    /// 200 when accepted; 400, 404 or 422 when not.
    pub code: u16,
}

/// Sends events. Accepts 200 and 207 (some events refused: see each result's `code`).
/// Event names newer than the client's microversion (see [`EVENT_NAMES`]) are refused
/// before sending.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Vec<EventResult>> {
    if let Err(e) = check_names(client, opts) {
        return ApiResult::from_error(e);
    }
    client
        .request(&CREATE, &[])
        .body(opts)
        .ok_codes(&[200, 207])
        .send()
        .await
}
