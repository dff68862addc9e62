//! Servers: virtual machines.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::servers::{self, ListOpts};
//!
//! let server = servers::get(&compute, "0e44cc9c-e052-415d-afbf-469b0d384170").await.extract()?;
//! println!("{} is {}", server.name, server.status);
//!
//! let opts = ListOpts { status: Some("ACTIVE".into()), ..Default::default() };
//! let all = servers::extract_servers(&servers::list(&compute, &opts).all_pages().await?)?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::de::Link;
use crate::pagination::{Page, PageStyle, Pager};
use crate::request::ApiResult;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// Show server details.
    GET = GET "/servers/{server_id}" response("server", Server);
    /// List servers (IDs, names and links).
    LIST = GET "/servers" list("servers", ServerRef);
    /// List servers with details.
    LIST_DETAIL = GET "/servers/detail" list("servers", Server);
}

/// One address of a server on a network.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Address {
    /// The IP address.
    pub addr: String,
    /// 4 or 6.
    #[serde(default)]
    pub version: u8,
    /// `fixed` or `floating`.
    #[serde(default, rename = "OS-EXT-IPS:type", skip_serializing_if = "Option::is_none")]
    pub ip_type: Option<String>,
    /// The MAC address of the port.
    #[serde(default, rename = "OS-EXT-IPS-MAC:mac_addr", skip_serializing_if = "Option::is_none")]
    pub mac_addr: Option<String>,
}

/// The image a server was booted from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ServerImage {
    /// The image ID.
    pub id: String,
    /// Links to the image.
    #[serde(default)]
    pub links: Vec<Link>,
    /// The image properties (microversion 2.98 and later).
    #[serde(default)]
    pub properties: Option<BTreeMap<String, serde_json::Value>>,
}

/// The flavor of a server: a reference (`id`, `links`) before microversion 2.47, the
/// flavor's own values from 2.47 on.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct ServerFlavor {
    /// The flavor ID (before 2.47).
    #[serde(default)]
    pub id: Option<String>,
    /// Links to the flavor (before 2.47).
    #[serde(default)]
    pub links: Vec<Link>,
    /// The flavor's name when the server was booted (2.47+).
    #[serde(default)]
    pub original_name: Option<String>,
    /// vCPUs (2.47+).
    #[serde(default)]
    pub vcpus: Option<u32>,
    /// RAM in MiB (2.47+).
    #[serde(default)]
    pub ram: Option<u64>,
    /// Root disk in GiB (2.47+).
    #[serde(default)]
    pub disk: Option<u64>,
    /// Ephemeral disk in GiB (2.47+).
    #[serde(default)]
    pub ephemeral: Option<u64>,
    /// Swap in MiB (2.47+).
    #[serde(default)]
    pub swap: Option<u64>,
    /// Extra specs (2.47+, when policy allows).
    #[serde(default)]
    pub extra_specs: Option<BTreeMap<String, String>>,
}

/// A security group name as servers list them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SecurityGroupName {
    /// The group's name.
    pub name: String,
}

/// The fault of a server in ERROR.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Fault {
    /// The HTTP-like code.
    #[serde(default)]
    pub code: Option<u16>,
    /// When it happened.
    #[serde(default, with = "crate::dates::option")]
    pub created: Option<Timestamp>,
    /// The message.
    #[serde(default)]
    pub message: String,
    /// Details (admins only).
    #[serde(default)]
    pub details: Option<String>,
}

/// A server, as `GET /servers/{id}` and `GET /servers/detail` describe it.
///
/// Fields added by a microversion are `Option`s. Extension fields (`OS-EXT-*`,
/// `OS-DCF:diskConfig`…) are read with `extract_into` and the types in
/// [`extensions`](super::extensions).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Server {
    /// The server's ID.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its status (`ACTIVE`, `BUILD`, `ERROR`, `SHUTOFF`…).
    #[serde(default)]
    pub status: String,
    /// The project that owns it.
    #[serde(default)]
    pub tenant_id: String,
    /// The user that created it.
    #[serde(default)]
    pub user_id: String,
    /// A hash of the host, unique per project.
    #[serde(default, rename = "hostId")]
    pub host_id: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created: Timestamp,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated: Option<Timestamp>,
    /// Its addresses, by network name.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub addresses: BTreeMap<String, Vec<Address>>,
    /// The public IPv4 address set by the user.
    #[serde(default, rename = "accessIPv4", deserialize_with = "crate::de::lenient_string")]
    pub access_ipv4: String,
    /// The public IPv6 address set by the user.
    #[serde(default, rename = "accessIPv6", deserialize_with = "crate::de::lenient_string")]
    pub access_ipv6: String,
    /// The image (`None` for a server booted from a volume).
    #[serde(default, deserialize_with = "crate::de::empty_as_none")]
    pub image: Option<ServerImage>,
    /// The flavor.
    #[serde(default)]
    pub flavor: ServerFlavor,
    /// The key pair's name.
    #[serde(default)]
    pub key_name: Option<String>,
    /// Metadata.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub metadata: BTreeMap<String, String>,
    /// Build progress, 0–100.
    #[serde(default)]
    pub progress: Option<u32>,
    /// Whether a config drive is attached (`"True"` or `""`, as Nova writes it).
    #[serde(default, deserialize_with = "crate::de::lenient_string")]
    pub config_drive: String,
    /// Its security groups.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub security_groups: Vec<SecurityGroupName>,
    /// Links to the server.
    #[serde(default)]
    pub links: Vec<Link>,
    /// The fault, for a server in ERROR.
    #[serde(default)]
    pub fault: Option<Fault>,
    /// Whether it is locked (2.9+).
    #[serde(default)]
    pub locked: Option<bool>,
    /// Why it is locked (2.73+).
    #[serde(default)]
    pub locked_reason: Option<String>,
    /// The host's status (2.16+).
    #[serde(default)]
    pub host_status: Option<String>,
    /// The description (2.19+).
    #[serde(default)]
    pub description: Option<String>,
    /// Tags (2.26+).
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    /// Trusted image certificate IDs (2.63+).
    #[serde(default)]
    pub trusted_image_certificates: Option<Vec<String>>,
    /// Server groups it belongs to (2.71+).
    #[serde(default)]
    pub server_groups: Option<Vec<String>>,
    /// The availability zone it is pinned to (2.96+).
    #[serde(default)]
    pub pinned_availability_zone: Option<String>,
    /// The scheduler hints it was booted with (2.100+).
    #[serde(default)]
    pub scheduler_hints: Option<BTreeMap<String, serde_json::Value>>,
}

/// A server as `GET /servers` lists it: ID, name and links.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ServerRef {
    /// The server's ID.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Links to it.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// Filters and paging for listing servers. Unset fields are not sent; `extra` carries
/// filters this struct does not name.
///
/// ```
/// use ferrocloud::openstack::compute::v2::servers::ListOpts;
/// let opts = ListOpts { name: Some("^web".into()), limit: Some(50), all_tenants: Some(true), ..Default::default() };
/// let q = ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap());
/// assert_eq!(q, "name=%5Eweb&all_tenants=true&limit=50");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Only servers changed since this time (ISO 8601).
    #[serde(rename = "changes-since", skip_serializing_if = "Option::is_none")]
    pub changes_since: Option<String>,
    /// Only servers changed before this time (2.66+).
    #[serde(rename = "changes-before", skip_serializing_if = "Option::is_none")]
    pub changes_before: Option<String>,
    /// Image ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Flavor ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flavor: Option<String>,
    /// Name (a regular expression).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// IPv4 address (a regular expression).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// IPv6 address (a regular expression).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip6: Option<String>,
    /// Status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Host name (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Servers of every project (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Project ID (with `all_tenants`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// User ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Reservation ID (servers created together).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reservation_id: Option<String>,
    /// Availability zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// Only locked (or unlocked) servers (2.73+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locked: Option<bool>,
    /// Deleted servers (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// Servers with all of these tags (2.26+).
    #[serde(serialize_with = "crate::query::comma", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Servers with any of these tags (2.26+).
    #[serde(rename = "tags-any", serialize_with = "crate::query::comma", skip_serializing_if = "Vec::is_empty")]
    pub tags_any: Vec<String>,
    /// Servers without all of these tags (2.26+).
    #[serde(rename = "not-tags", serialize_with = "crate::query::comma", skip_serializing_if = "Vec::is_empty")]
    pub not_tags: Vec<String>,
    /// Servers without any of these tags (2.26+).
    #[serde(rename = "not-tags-any", serialize_with = "crate::query::comma", skip_serializing_if = "Vec::is_empty")]
    pub not_tags_any: Vec<String>,
    /// Sort keys (repeated).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sort_key: Vec<String>,
    /// Sort directions (`asc`/`desc`, repeated, one per key).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sort_dir: Vec<String>,
    /// The ID of the last server of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Other filters, sent as given.
    #[serde(flatten)]
    pub extra: BTreeMap<String, String>,
}

/// Shows one server.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Server> {
    client.request(&GET, &[id]).send().await
}

/// Lists servers with details (`GET /servers/detail`).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Server> {
    client
        .request(&LIST_DETAIL, &[])
        .query(opts)
        .paged(PageStyle::Links("servers_links"))
}

/// Lists servers with IDs, names and links only (`GET /servers`).
pub fn list_simple(client: &ServiceClient, opts: &ListOpts) -> Pager<ServerRef> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("servers_links"))
}

/// The servers of a page (or of all pages).
pub fn extract_servers(page: &Page<Server>) -> Result<Vec<Server>> {
    page.extract()
}

impl crate::find::Named for Server {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Finds a server by ID or by exact name (the name filter is a regular expression on
/// the server side; the exact match is checked here).
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Server> {
    let opts = ListOpts {
        name: Some(format!("^{}$", regex_escape(name_or_id))),
        ..Default::default()
    };
    crate::find::find("server", name_or_id, get(client, name_or_id), list(client, &opts)).await
}

fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Waits until the server has `status` (e.g. `ACTIVE`, `SHUTOFF`). A server in `ERROR`
/// ends the wait with its fault message (unless `ERROR` is what was asked for).
pub async fn wait_for_status(
    client: &ServiceClient,
    id: &str,
    status: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<Server> {
    wait_for_status_with(client, id, status, opts, |_| {}).await
}

/// [`wait_for_status`] with a callback that sees the server at every poll.
pub async fn wait_for_status_with(
    client: &ServiceClient,
    id: &str,
    status: &str,
    opts: &crate::wait::WaitOpts,
    progress: impl FnMut(&Server),
) -> Result<Server> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("server {id} to be {status}"),
        opts,
        || async { get(client, id).await.extract() },
        |s: &Server| {
            if s.status.eq_ignore_ascii_case(status) {
                State::Ready
            } else if s.status.eq_ignore_ascii_case("ERROR") {
                let why = s
                    .fault
                    .as_ref()
                    .map(|f| f.message.clone())
                    .unwrap_or_else(|| "no fault reported".into());
                State::Failed(format!("server {} is in ERROR: {why}", s.id))
            } else {
                State::Pending
            }
        },
        progress,
    )
    .await
}

/// Waits until the server is gone (404).
pub async fn wait_for_delete(client: &ServiceClient, id: &str, opts: &crate::wait::WaitOpts) -> Result<()> {
    crate::wait::wait_for_deletion(&format!("server {id}"), opts, || async { get(client, id).await.extract() }).await
}
