//! Zone imports: a zone created from a zone file (RFC 1035 master file text, sent as
//! `text/dns`). The import runs on its own: it is `PENDING`, then `COMPLETE` with the
//! new zone's ID, or `ERROR` with a message; [`wait_for_completion`](crate::openstack::dns::v2::zone_imports::wait_for_completion) waits for it.
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::zone_imports;
//! let text = "$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1.example.com. admin.example.com. 1 3600 1800 604800 86400\n@ IN NS ns1.example.com.\n";
//! let import = zone_imports::create(&dns, text).await.extract()?;
//! let done = zone_imports::wait_for_completion(&dns, &import.id, &Default::default()).await?;
//! println!("zone {}", done.zone_id.unwrap_or_default());
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Links, TaskStatus};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "dns";
    /// Import a zone file (`text/dns`; `202`).
    CREATE = POST "/zones/tasks/imports" response(ZoneImport);
    /// List zone imports.
    LIST = GET "/zones/tasks/imports" list("imports", ZoneImport);
    /// Show a zone import.
    GET = GET "/zones/tasks/imports/{zone_import_id}" response(ZoneImport);
    /// Delete a zone import's record (not the zone).
    DELETE = DELETE "/zones/tasks/imports/{zone_import_id}";
}

/// A zone import.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ZoneImport {
    /// The ID.
    pub id: String,
    /// `PENDING`, `COMPLETE` or `ERROR`.
    pub status: TaskStatus,
    /// The zone it made, once `COMPLETE`.
    #[serde(default)]
    pub zone_id: Option<String>,
    /// What happened (`example.com. imported`, or why it failed).
    #[serde(default)]
    pub message: Option<String>,
    /// The owning project.
    pub project_id: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its version, raised by every change.
    pub version: u64,
    /// Its own URL (`self`), and the zone's once made (`href`).
    pub links: Links,
}

crate::operation::extract_fn! {
    /// The zone imports of a page of [`list`].
    extract_zone_imports, ZoneImport
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::dns::v2::{common::TaskStatus, zone_imports::ListOpts};
/// let opts = ListOpts { status: Some(TaskStatus::Error), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "status=ERROR");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Imports that made this zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone_id: Option<String>,
    /// Imports with this message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Imports in this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskStatus>,
}

/// Imports a zone file, sent as `text/dns` (`202`). An empty file is refused before
/// anything is sent.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let text = std::fs::read_to_string("example.com.zone").unwrap();
/// let import = ferrocloud::openstack::dns::v2::zone_imports::create(&dns, &text).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, zone_file: &str) -> ApiResult<ZoneImport> {
    let request = client.request(&CREATE, &[]);
    if zone_file.trim().is_empty() {
        return request
            .fail_with(Error::invalid_input("the zone file is empty"))
            .send()
            .await;
    }
    request
        .bytes(zone_file.to_string(), "text/dns")
        .send()
        .await
}

/// Lists zone imports, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::zone_imports;
/// let page = zone_imports::list(&dns, &Default::default()).all_pages().await?;
/// let imports = zone_imports::extract_zone_imports(&page)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<ZoneImport> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

/// Shows a zone import.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let i = ferrocloud::openstack::dns::v2::zone_imports::get(&dns, "074e805e").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<ZoneImport> {
    client.request(&GET, &[id]).send().await
}

/// Deletes a zone import's record; the zone stays (`204`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::zone_imports::delete(&dns, "074e805e").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Waits until the import is `COMPLETE`; `ERROR` ends the wait with its message.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::zone_imports;
/// let done = zone_imports::wait_for_completion(&dns, "074e805e", &Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn wait_for_completion(
    client: &ServiceClient,
    id: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<ZoneImport> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("zone import {id} to complete"),
        opts,
        || async { get(client, id).await.extract() },
        |i: &ZoneImport| match i.status {
            TaskStatus::Complete => State::Ready,
            TaskStatus::Error => State::Failed(format!(
                "zone import {} failed: {}",
                i.id,
                i.message.as_deref().unwrap_or("no message")
            )),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}
