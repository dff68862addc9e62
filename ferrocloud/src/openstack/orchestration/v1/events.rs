//! Events: what happened to a stack's resources, per stack or per resource.
//!
//! ```no_run
//! # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::orchestration::v1::events::{self, ListOpts};
//! let opts = ListOpts { resource_status: Some("FAILED".into()), ..Default::default() };
//! for e in events::list(&heat, "web", "8c3c0d25", &opts).all().await? {
//!     println!("{} {}: {}", e.resource_name, e.resource_status, e.resource_status_reason);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::common::{self, StackStatus, check_stack};
use crate::dates::Timestamp;
use crate::de::Link;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, require};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "orchestration";
    /// Find a stack's events by the stack's name or ID (`302`).
    LOOKUP = GET "/stacks/{stack_name}/events";
    /// List a stack's events.
    LIST = GET "/stacks/{stack_name}/{stack_id}/events" list("events", Event);
    /// List a resource's events.
    LIST_FOR_RESOURCE = GET "/stacks/{stack_name}/{stack_id}/resources/{resource_name}/events" list("events", Event);
    /// Show an event.
    GET = GET "/stacks/{stack_name}/{stack_id}/resources/{resource_name}/events/{event_id}" response("event", Event);
}

/// An event. Listings leave out `resource_type` and `resource_properties`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// The ID.
    pub id: String,
    /// When it happened.
    #[serde(with = "crate::dates::timestamp")]
    pub event_time: Timestamp,
    /// The resource's name.
    pub resource_name: String,
    /// The same (the logical ID).
    pub logical_resource_id: String,
    /// The ID of what the resource made, if anything yet.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub physical_resource_id: Option<String>,
    /// The resource's status after the event.
    pub resource_status: StackStatus,
    /// Why.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub resource_status_reason: String,
    /// Links (`self`, `resource`, `stack`).
    pub links: Vec<Link>,
    /// The resource's type (shown).
    #[serde(default)]
    pub resource_type: Option<String>,
    /// The resource's properties (shown).
    #[serde(default)]
    pub resource_properties: Option<Map<String, Value>>,
}

/// What the listings filter, sort and page on.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::events::ListOpts;
/// let opts = ListOpts { resource_action: Some("CREATE".into()), sort_dir: Some("asc".into()),
///     limit: Some(5), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "resource_action=CREATE&limit=5&sort_dir=asc");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Events of resources whose action was this one (`CREATE`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_action: Option<String>,
    /// Events leaving resources in this state (`FAILED`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_status: Option<String>,
    /// Events of this resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_name: Option<String>,
    /// Events of resources of this type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// Events per page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after this event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Sort keys, comma-separated (`event_time`, `resource_type`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_keys: Option<String>,
    /// `asc` or `desc`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<String>,
    /// How deep to include nested stacks' events.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nested_depth: Option<u32>,
}

fn pager(
    client: &ServiceClient,
    op: &'static crate::operation::Op<Vec<Event>>,
    params: &[&str],
    check: Result<()>,
    opts: &ListOpts,
) -> Pager<Event> {
    let req = client.request(op, params).query(opts);
    match check {
        Ok(()) => req,
        Err(e) => req.fail_with(e),
    }
    .paged(PageStyle::Marker("id"))
}

/// Lists a stack's events, by marker and limit.
pub fn list(client: &ServiceClient, stack_name: &str, stack_id: &str, opts: &ListOpts) -> Pager<Event> {
    pager(client, &LIST, &[stack_name, stack_id], check_stack(stack_name, stack_id), opts)
}

/// Lists the events of a stack named by its name or its ID (Heat's redirect is read,
/// then the canonical listing sent).
pub async fn list_by_stack_name_or_id(
    client: &ServiceClient,
    name_or_id: &str,
    opts: &ListOpts,
) -> Result<Vec<Event>> {
    let (name, id) = common::resolve(client, &LOOKUP, &[name_or_id], 1).await?;
    list(client, &name, &id, opts).all().await
}

/// Lists a resource's events, by marker and limit. (Heat answers `404` rather than an
/// empty page once the marker is the resource's last event: that ends the listing.)
pub fn list_for_resource(
    client: &ServiceClient,
    stack_name: &str,
    stack_id: &str,
    resource_name: &str,
    opts: &ListOpts,
) -> Pager<Event> {
    let check = check_stack(stack_name, stack_id)
        .and_then(|()| require("resource name", !resource_name.is_empty()));
    pager(client, &LIST_FOR_RESOURCE, &[stack_name, stack_id, resource_name], check, opts).end_status(404)
}

crate::operation::extract_fn! {
    /// The events of a page of [`list`] or [`list_for_resource`].
    extract_events, Event
}

/// Shows an event.
pub async fn get(
    client: &ServiceClient,
    stack_name: &str,
    stack_id: &str,
    resource_name: &str,
    event_id: &str,
) -> ApiResult<Event> {
    if let Err(e) = check_stack(stack_name, stack_id)
        .and_then(|()| require("resource name", !resource_name.is_empty()))
        .and_then(|()| require("event ID", !event_id.is_empty()))
    {
        return ApiResult::from_error(e);
    }
    client
        .request(&GET, &[stack_name, stack_id, resource_name, event_id])
        .send()
        .await
}
