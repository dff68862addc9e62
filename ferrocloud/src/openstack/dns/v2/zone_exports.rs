//! Zone exports: a zone written out as a zone file. Creating an export starts a task
//! (`PENDING`, then `COMPLETE` or `ERROR`); once complete, [`download`](crate::openstack::dns::v2::zone_exports::download) reads the zone
//! file text Designate keeps.
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::zone_exports;
//! let export = zone_exports::create(&dns, "6625198b").await.extract()?;
//! let done = zone_exports::wait_for_completion(&dns, &export.id, &Default::default()).await?;
//! let file = zone_exports::download(&dns, &done.id).await.extract()?;
//! println!("{}", file.text);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Links, TaskStatus};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, FromResponse, Response};
use crate::{Error, ErrorKind, Result, ServiceClient};

crate::operations! {
    service: "dns";
    /// Export a zone (`202`).
    CREATE = POST "/zones/{zone_id}/tasks/export" response(ZoneExport);
    /// List zone exports.
    LIST = GET "/zones/tasks/exports" list("exports", ZoneExport);
    /// Show a zone export.
    GET = GET "/zones/tasks/exports/{zone_export_id}" response(ZoneExport);
    /// Read the zone file of a complete export (`text/dns`).
    DOWNLOAD = GET "/zones/tasks/exports/{zone_export_id}/export";
    /// Delete a zone export.
    DELETE = DELETE "/zones/tasks/exports/{zone_export_id}";
}

/// A zone export.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ZoneExport {
    /// The ID.
    pub id: String,
    /// `PENDING`, `COMPLETE` or `ERROR`.
    pub status: TaskStatus,
    /// The zone exported.
    #[serde(default)]
    pub zone_id: Option<String>,
    /// Where the zone file is, once complete (`designate://v2/zones/tasks/exports/<id>/export`
    /// when Designate keeps it: read it with [`download`]).
    #[serde(default)]
    pub location: Option<String>,
    /// Why it failed, if it did.
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
    /// Its own URL (`self`), and the zone file's once complete (`export`).
    pub links: Links,
}

crate::operation::extract_fn! {
    /// The zone exports of a page of [`list`].
    extract_zone_exports, ZoneExport
}

/// The text of an exported zone file, as [`download`] reads it.
///
/// ```
/// use ferrocloud::openstack::dns::v2::zone_exports::ZoneFile;
/// fn records(file: &ZoneFile) -> impl Iterator<Item = &str> {
///     file.text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('$'))
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ZoneFile {
    /// The zone file (RFC 1035 master file format).
    pub text: String,
}

impl FromResponse for ZoneFile {
    fn from_response(resp: &Response, _envelope: Option<&str>) -> Result<Self> {
        String::from_utf8(resp.body().to_vec())
            .map(|text| ZoneFile { text })
            .map_err(|_| Error::new(ErrorKind::Decode, "the zone file is not UTF-8 text"))
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::dns::v2::zone_exports::ListOpts;
/// let opts = ListOpts { zone_id: Some("6625198b".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "zone_id=6625198b");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Exports of this zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone_id: Option<String>,
    /// Exports with this message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Exports in this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskStatus>,
}

/// Starts exporting a zone (`202`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let e = ferrocloud::openstack::dns::v2::zone_exports::create(&dns, "6625198b").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, zone_id: &str) -> ApiResult<ZoneExport> {
    client.request(&CREATE, &[zone_id]).send().await
}

/// Lists zone exports, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::zone_exports;
/// let page = zone_exports::list(&dns, &Default::default()).all_pages().await?;
/// let exports = zone_exports::extract_zone_exports(&page)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<ZoneExport> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

/// Shows a zone export.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let e = ferrocloud::openstack::dns::v2::zone_exports::get(&dns, "8ec17fe1").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<ZoneExport> {
    client.request(&GET, &[id]).send().await
}

/// Reads the zone file of a complete export (asked for as `text/dns`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let file = ferrocloud::openstack::dns::v2::zone_exports::download(&dns, "8ec17fe1").await.extract()?;
/// std::fs::write("example.com.zone", file.text).unwrap();
/// # Ok(()) }
/// ```
pub async fn download(client: &ServiceClient, id: &str) -> ApiResult<ZoneFile> {
    client
        .request(&DOWNLOAD, &[id])
        .header("accept", "text/dns")
        .typed::<ZoneFile>()
        .send()
        .await
}

/// Deletes a zone export (`204`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::zone_exports::delete(&dns, "8ec17fe1").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Waits until the export is `COMPLETE`; `ERROR` ends the wait with its message.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::zone_exports;
/// let done = zone_exports::wait_for_completion(&dns, "8ec17fe1", &Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn wait_for_completion(
    client: &ServiceClient,
    id: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<ZoneExport> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("zone export {id} to complete"),
        opts,
        || async { get(client, id).await.extract() },
        |e: &ZoneExport| match e.status {
            TaskStatus::Complete => State::Ready,
            TaskStatus::Error => State::Failed(format!(
                "zone export {} failed: {}",
                e.id,
                e.message.as_deref().unwrap_or("no message")
            )),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}
