//! A stack's resources: listing them (nested stacks' too), showing one with its
//! attributes, its metadata, signalling it, and marking it unhealthy (so that the next
//! update replaces it).
//!
//! ```no_run
//! # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::orchestration::v1::resources::{self, ListOpts};
//! let opts = ListOpts { nested_depth: Some(2), ..Default::default() };
//! for r in resources::list(&heat, "web", "8c3c0d25", &opts).await.extract()? {
//!     println!("{} ({}) {}", r.resource_name, r.resource_type, r.resource_status);
//! }
//! resources::mark_unhealthy(&heat, "web", "8c3c0d25", "server", Some("disk lost")).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::common::{self, StackStatus, check_stack};
use crate::dates::Timestamp;
use crate::de::Link;
use crate::request::{ApiResult, Validate, require};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "orchestration";
    /// Find a stack's resources by the stack's name or ID (`302`).
    LOOKUP = GET "/stacks/{stack_identity}/resources";
    /// List a stack's resources.
    LIST = GET "/stacks/{stack_name}/{stack_id}/resources" list("resources", Resource);
    /// Show a resource.
    GET = GET "/stacks/{stack_name}/{stack_id}/resources/{resource_name}" response("resource", Resource);
    /// Show a resource's metadata.
    METADATA = GET "/stacks/{stack_name}/{stack_id}/resources/{resource_name}/metadata" response("metadata", Map<String, Value>);
    /// Signal a resource.
    SIGNAL = POST "/stacks/{stack_name}/{stack_id}/resources/{resource_name}/signal";
    /// Mark a resource unhealthy (or healthy again).
    MARK_UNHEALTHY = PATCH "/stacks/{stack_name}/{stack_id}/resources/{resource_name_or_physical_id}" request(MarkUnhealthyOpts);
}

/// A stack resource. Listings leave out `attributes` and `description` unless asked
/// `with_detail`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Resource {
    /// The resource's name in the template.
    pub resource_name: String,
    /// The same (the logical ID).
    pub logical_resource_id: String,
    /// The ID of what it made (a server's ID…); empty before creation.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub physical_resource_id: String,
    /// Its type (`OS::Nova::Server`).
    pub resource_type: String,
    /// Its status.
    pub resource_status: StackStatus,
    /// Why it has that status.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub resource_status_reason: String,
    /// The resources that depend on it.
    pub required_by: Vec<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub creation_time: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::option")]
    pub updated_time: Option<Timestamp>,
    /// Links (`self`, `stack`, and `nested` for a nested stack).
    pub links: Vec<Link>,
    /// Its attributes (shown, or listed `with_detail`).
    #[serde(default)]
    pub attributes: Option<Map<String, Value>>,
    /// Its description (shown, or listed `with_detail`).
    #[serde(default)]
    pub description: Option<String>,
    /// The name of the resource of the parent stack that made its stack (nested
    /// listings).
    #[serde(default)]
    pub parent_resource: Option<String>,
    /// Its stack's name (nested listings).
    #[serde(default)]
    pub stack_name: Option<String>,
    /// Its stack's identity (nested listings).
    #[serde(default)]
    pub stack_identity: Option<Value>,
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::resources::ListOpts;
/// let opts = ListOpts { resource_type: Some("OS::Nova::Server".into()), with_detail: Some(true),
///     ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "type=OS%3A%3ANova%3A%3AServer&with_detail=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Resources of this type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// Resources in this state (`COMPLETE`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Resources of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Resources whose last action is this one (`CREATE`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Resources with this ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Resources with this physical ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub physical_resource_id: Option<String>,
    /// How deep to list nested stacks' resources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nested_depth: Option<u32>,
    /// Include attributes and descriptions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_detail: Option<bool>,
}

/// What [`mark_unhealthy`] sends.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::resources::MarkUnhealthyOpts;
/// let opts = MarkUnhealthyOpts { mark_unhealthy: true, resource_status_reason: Some("disk lost".into()) };
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"mark_unhealthy": true, "resource_status_reason": "disk lost"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkUnhealthyOpts {
    /// `true` marks it unhealthy (`CHECK_FAILED`), `false` healthy again.
    pub mark_unhealthy: bool,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_status_reason: Option<String>,
}

impl Validate for MarkUnhealthyOpts {}

fn check(stack_name: &str, stack_id: &str, resource: &str) -> Result<()> {
    check_stack(stack_name, stack_id)?;
    require("resource name", !resource.is_empty())
}

/// Lists a stack's resources (one page).
pub async fn list(
    client: &ServiceClient,
    stack_name: &str,
    stack_id: &str,
    opts: &ListOpts,
) -> ApiResult<Vec<Resource>> {
    if let Err(e) = check_stack(stack_name, stack_id) {
        return ApiResult::from_error(e);
    }
    client
        .request(&LIST, &[stack_name, stack_id])
        .query(opts)
        .send()
        .await
}

/// Lists the resources of a stack named by its name or its ID: Heat's redirect is
/// read, then the canonical listing sent.
pub async fn list_by_stack_name_or_id(
    client: &ServiceClient,
    name_or_id: &str,
    opts: &ListOpts,
) -> Result<Vec<Resource>> {
    let (name, id) = common::resolve(client, &LOOKUP, &[name_or_id], 1).await?;
    list(client, &name, &id, opts).await.extract()
}

/// Shows a resource (`with_attr` names attributes to resolve besides the usual ones).
pub async fn get(
    client: &ServiceClient,
    stack_name: &str,
    stack_id: &str,
    resource_name: &str,
    with_attr: &[&str],
) -> ApiResult<Resource> {
    if let Err(e) = check(stack_name, stack_id, resource_name) {
        return ApiResult::from_error(e);
    }
    let mut req = client.request(&GET, &[stack_name, stack_id, resource_name]);
    for a in with_attr {
        req = req.query_pair("with_attr", *a);
    }
    req.send().await
}

/// A resource's metadata.
pub async fn metadata(
    client: &ServiceClient,
    stack_name: &str,
    stack_id: &str,
    resource_name: &str,
) -> ApiResult<Map<String, Value>> {
    if let Err(e) = check(stack_name, stack_id, resource_name) {
        return ApiResult::from_error(e);
    }
    client
        .request(&METADATA, &[stack_name, stack_id, resource_name])
        .send()
        .await
}

/// Signals a resource (a wait condition, a scaling policy, a software deployment),
/// with `data` as the JSON body when given.
pub async fn signal(
    client: &ServiceClient,
    stack_name: &str,
    stack_id: &str,
    resource_name: &str,
    data: Option<&Value>,
) -> ApiResult<()> {
    if let Err(e) = check(stack_name, stack_id, resource_name) {
        return ApiResult::from_error(e);
    }
    let req = client.request(&SIGNAL, &[stack_name, stack_id, resource_name]);
    match data {
        Some(d) => req.json(d),
        None => req,
    }
    .send()
    .await
}

/// Marks a resource unhealthy (`CHECK_FAILED`: the next update replaces it), with a
/// reason.
pub async fn mark_unhealthy(
    client: &ServiceClient,
    stack_name: &str,
    stack_id: &str,
    resource_name_or_physical_id: &str,
    reason: Option<&str>,
) -> ApiResult<()> {
    set_health(client, stack_name, stack_id, resource_name_or_physical_id, true, reason).await
}

/// Marks a resource healthy again.
pub async fn mark_healthy(
    client: &ServiceClient,
    stack_name: &str,
    stack_id: &str,
    resource_name_or_physical_id: &str,
) -> ApiResult<()> {
    set_health(client, stack_name, stack_id, resource_name_or_physical_id, false, None).await
}

async fn set_health(
    client: &ServiceClient,
    stack_name: &str,
    stack_id: &str,
    resource: &str,
    unhealthy: bool,
    reason: Option<&str>,
) -> ApiResult<()> {
    if let Err(e) = check(stack_name, stack_id, resource) {
        return ApiResult::from_error(e);
    }
    let opts = MarkUnhealthyOpts {
        mark_unhealthy: unhealthy,
        resource_status_reason: reason.map(str::to_string),
    };
    client
        .request(&MARK_UNHEALTHY, &[stack_name, stack_id, resource])
        .body(&opts)
        .send()
        .await
}
