//! The actions done to a container (create, start, stop…), with the events of each: who
//! asked, when, and how it ended.
//!
//! ```no_run
//! # async fn demo(zun: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::container::v1::container_actions;
//! let page = container_actions::list(&zun, "web").all_pages().await?;
//! for a in container_actions::extract_actions(&page)? {
//!     let detail = container_actions::get(&zun, "web", &a.request_id).await.extract()?;
//!     println!("{} {:?}", detail.action, detail.events.len());
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use super::common::list_single;
use crate::dates::Timestamp;
use crate::pagination::Pager;
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "container";
    /// List the actions of a container.
    LIST = GET "/containers/{container_ident}/container_actions" list("containerActions", Action);
    /// Show an action with its events.
    GET = GET "/containers/{container_ident}/container_actions/{request_ident}" response(Action);
}

/// An action done to a container.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Action {
    /// What was done (`create`, `stop`…).
    pub action: String,
    /// The container.
    pub container_uuid: String,
    /// The request that asked for it.
    pub request_id: String,
    /// Who asked.
    pub user_id: String,
    /// Their project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// An error message, if it failed.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub message: Option<String>,
    /// When it started.
    #[serde(with = "crate::dates::timestamp")]
    pub start_time: Timestamp,
    /// When it ended (1.33).
    #[serde(default, with = "crate::dates::option")]
    pub finish_time: Option<Timestamp>,
    /// Its events (shown by [`get`] only).
    #[serde(default)]
    pub events: Vec<Event>,
}

/// A step of an action.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// The step.
    pub event: String,
    /// `Success` or `Error`.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub result: Option<String>,
    /// When it started.
    #[serde(with = "crate::dates::timestamp")]
    pub start_time: Timestamp,
    /// When it ended (`null` while under way).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub finish_time: Option<Timestamp>,
    /// The failure's traceback (admins).
    #[serde(default)]
    pub traceback: Option<String>,
}

/// The actions of a container, in one page.
pub fn list(client: &ServiceClient, container: &str) -> Pager<Action> {
    list_single(client, &LIST, &[container])
}

crate::operation::extract_fn! {
    /// The actions of a page.
    extract_actions, Action
}

/// Shows the action of request `request_id` with its events.
pub async fn get(client: &ServiceClient, container: &str, request_id: &str) -> ApiResult<Action> {
    client.request(&GET, &[container, request_id]).send().await
}
