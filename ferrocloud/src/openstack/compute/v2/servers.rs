//! Servers: virtual machines. Create (boot), show, list, update and delete them; wait
//! for a status or for the deletion. The actions on a server (reboot, resize, images…)
//! are in [the server actions module](crate::openstack::compute::v2::server_actions).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::servers::{self, CreateOpts, ListOpts, Networks, UpdateOpts};
//! use ferrocloud::wait::WaitOpts;
//!
//! let compute = compute.with_microversion("2.90");
//! let opts = CreateOpts::new("web-1", "42")
//!     .image_ref("8f84ae31-f25e-45c9-9b21-fcd10e1afddf")
//!     .networks(Networks::Auto)
//!     .metadata("role", "web")
//!     .user_data("#cloud-config\npackages: [nginx]\n");
//! let created = servers::create(&compute, &opts).await.extract()?;
//! let server = servers::wait_for_status(&compute, &created.id, "ACTIVE", &WaitOpts::default()).await?;
//! println!("{} is {}", server.name.as_deref().unwrap_or_default(), server.status);
//!
//! servers::update(&compute, &server.id, &UpdateOpts::default().name("web-01")).await.extract()?;
//! let active = ListOpts { status: Some("ACTIVE".into()), ..Default::default() };
//! let all = servers::extract_servers(&servers::list(&compute, &active).all_pages().await?)?;
//!
//! servers::delete(&compute, &server.id).await.ok()?;
//! servers::wait_for_delete(&compute, &server.id, &WaitOpts::default()).await?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::de::{self, Deserializer};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::dates::Timestamp;
use crate::de::Link;
use crate::microversion::Microversion;
use crate::openstack::compute::v2::extensions::availabilityzone::AvailabilityZone;
use crate::openstack::compute::v2::extensions::diskconfig::{DiskConfig, ServerDiskConfig};
use crate::openstack::compute::v2::extensions::extendedserverattributes::ServerAttributes;
use crate::openstack::compute::v2::extensions::extendedstatus::ExtendedStatus;
use crate::openstack::compute::v2::extensions::extendedvolumes::ExtendedVolumes;
use crate::openstack::compute::v2::extensions::serverusage::ServerUsage;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, SecretString, ServiceClient};

crate::operations! {
    service: "compute";
    /// Show server details.
    GET = GET "/servers/{server_id}" response("server", Server)
        extensions(ServerAttributes, ExtendedStatus, AvailabilityZone, ServerDiskConfig, ExtendedVolumes, ServerUsage);
    /// List servers (IDs, names and links).
    LIST = GET "/servers" list("servers", ServerRef);
    /// List servers with details.
    LIST_DETAIL = GET "/servers/detail" list("servers", Server)
        extensions(ServerAttributes, ExtendedStatus, AvailabilityZone, ServerDiskConfig, ExtendedVolumes, ServerUsage);
    /// Create (boot) one server, or several at once (`min_count`/`max_count`).
    CREATE = POST "/servers" request(CreateRequest) response(CreateResponse);
    /// Update a server's name, description, access addresses or hostname.
    UPDATE = PUT "/servers/{server_id}" request("server", UpdateOpts) response("server", Server)
        extensions(ServerAttributes, ExtendedStatus, AvailabilityZone, ServerDiskConfig, ExtendedVolumes, ServerUsage);
    /// Delete a server.
    DELETE = DELETE "/servers/{server_id}";
}

// ------------------------------------------------------------------ the server

/// One address of a server on a network.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Address {
    /// The IP address.
    pub addr: String,
    /// 4 or 6.
    pub version: u8,
    /// `fixed` or `floating`.
    #[serde(
        default,
        rename = "OS-EXT-IPS:type",
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_type: Option<String>,
    /// The MAC address of the port.
    #[serde(
        default,
        rename = "OS-EXT-IPS-MAC:mac_addr",
        skip_serializing_if = "Option::is_none"
    )]
    pub mac_addr: Option<String>,
}

/// The image a server was booted from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ServerImage {
    /// The image ID.
    pub id: String,
    /// Links to the image.
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
    /// Links to the flavor (before 2.47; empty from 2.47, which leaves them out).
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

/// A security group by name, as servers list them and as a new server asks for them
/// (Nova also accepts a group's ID in `name`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct SecurityGroupName {
    /// The group's name (or ID, in a request).
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
    pub message: String,
    /// Details (admins only).
    #[serde(default)]
    pub details: Option<String>,
}

/// A server, as `GET /servers/{id}`, `GET /servers/detail` and `PUT /servers/{id}`
/// describe it.
///
/// Fields added by a microversion are `Option`s. Extension fields (`OS-EXT-*`,
/// `OS-DCF:diskConfig`…) are read with `extract_into` and the types in
/// [`extensions`](crate::openstack::compute::v2::extensions). A server in a cell that is
/// down (2.69+) comes with few fields and the status `UNKNOWN`: its name, host ID, access
/// addresses, update time and config drive are then `None` (in a listing, its user, image
/// and flavor too), its addresses and metadata empty.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Server {
    /// The server's ID.
    pub id: String,
    /// Its name (`None` for a server in a cell that is down).
    #[serde(default)]
    pub name: Option<String>,
    /// Its status (`ACTIVE`, `BUILD`, `ERROR`, `SHUTOFF`…; `UNKNOWN` in a cell that is
    /// down).
    pub status: String,
    /// The project that owns it.
    pub tenant_id: String,
    /// The user that created it (`None` for a server in a cell that is down, in a
    /// listing).
    #[serde(default)]
    pub user_id: Option<String>,
    /// A hash of the host, unique per project (empty while the server has no host;
    /// `None` for a server in a cell that is down).
    #[serde(default, rename = "hostId")]
    pub host_id: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created: Timestamp,
    /// When it last changed (`None` for a server in a cell that is down).
    #[serde(default, with = "crate::dates::option")]
    pub updated: Option<Timestamp>,
    /// Its addresses, by network name (empty for a server in a cell that is down).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub addresses: BTreeMap<String, Vec<Address>>,
    /// The public IPv4 address set by the user (`None` when unset, which Nova writes
    /// `""`, and for a server in a cell that is down).
    #[serde(default, rename = "accessIPv4", deserialize_with = "non_empty_text")]
    pub access_ipv4: Option<String>,
    /// The public IPv6 address set by the user (`None` when unset, which Nova writes
    /// `""`, and for a server in a cell that is down).
    #[serde(default, rename = "accessIPv6", deserialize_with = "non_empty_text")]
    pub access_ipv6: Option<String>,
    /// The image (`None` for a server booted from a volume).
    #[serde(default, deserialize_with = "crate::de::empty_as_none")]
    pub image: Option<ServerImage>,
    /// The flavor (`None` for a server in a cell that is down, in a listing).
    #[serde(default)]
    pub flavor: Option<ServerFlavor>,
    /// The key pair's name.
    #[serde(default)]
    pub key_name: Option<String>,
    /// Metadata (empty for a server in a cell that is down).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub metadata: BTreeMap<String, String>,
    /// Build progress, 0–100.
    #[serde(default)]
    pub progress: Option<u32>,
    /// Whether a config drive is attached: `Some("True")` when one is (as Nova writes
    /// it), `None` when not (Nova writes `""`) or for a server in a cell that is down.
    #[serde(default, deserialize_with = "non_empty_text")]
    pub config_drive: Option<String>,
    /// Its security groups.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub security_groups: Vec<SecurityGroupName>,
    /// Links to the server.
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
    /// Its name (`None` for a server in a cell that is down).
    #[serde(default)]
    pub name: Option<String>,
    /// Links to it.
    pub links: Vec<Link>,
    /// `UNKNOWN` for a server in a cell that is down (2.69+), which has no name.
    #[serde(default)]
    pub status: Option<String>,
}

/// Text as Nova writes it (a string, or a boolean or number written as text), with `""`
/// and `null` read as `None`.
pub(crate) fn non_empty_text<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<String>, D::Error> {
    crate::de::lenient_string(d).map(|s| (!s.is_empty()).then_some(s))
}

// ------------------------------------------------------------------ listing

/// Filters and paging for listing servers. Unset fields are not sent; `extra` carries
/// filters this struct does not name. Most text filters are regular expressions on the
/// server side; several are for admins only (`host`, `node`, `all_tenants`, `deleted`,
/// the `OS-EXT-*` fields…).
///
/// ```
/// use ferrocloud::openstack::compute::v2::servers::ListOpts;
/// let opts = ListOpts { name: Some("^web".into()), limit: Some(50), all_tenants: Some(true), ..Default::default() };
/// let q = ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap());
/// assert_eq!(q, "name=%5Eweb&all_tenants=true&limit=50");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Only servers changed since this time (ISO 8601), deleted ones included.
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
    /// Description (a regular expression; 2.19+ descriptions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
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
    /// Hypervisor node name (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// The guest's host name (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    /// Servers of every project (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Project ID (with `all_tenants`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Project ID (with `all_tenants`; the same filter as `tenant_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// User ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Server UUID (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Reservation ID (servers created together).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reservation_id: Option<String>,
    /// Availability zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// Key pair name (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_name: Option<String>,
    /// The VM state (`active`, `stopped`…; admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vm_state: Option<String>,
    /// The task state (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_state: Option<String>,
    /// The power state number (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub power_state: Option<i32>,
    /// Build progress (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<u32>,
    /// Launch index among servers created together (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub launch_index: Option<u32>,
    /// Kernel image ID (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kernel_id: Option<String>,
    /// RAM disk image ID (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ramdisk_id: Option<String>,
    /// Root device name (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub root_device_name: Option<String>,
    /// Config drive (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config_drive: Option<String>,
    /// Access IPv4 address (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_ip_v4: Option<String>,
    /// Access IPv6 address (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_ip_v6: Option<String>,
    /// Disk configuration, `AUTO` or `MANUAL` as text (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_disk_config: Option<String>,
    /// Who locked it: `admin` or `owner` (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locked_by: Option<String>,
    /// Creation time (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Launch time (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub launched_at: Option<String>,
    /// Termination time (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terminated_at: Option<String>,
    /// Only locked (or unlocked) servers (2.73+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locked: Option<bool>,
    /// Deleted servers (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// Soft-deleted servers as well (with `deleted`, admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub soft_deleted: Option<bool>,
    /// Servers with all of these tags (2.26+).
    #[serde(
        serialize_with = "crate::query::comma",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<String>,
    /// Servers with any of these tags (2.26+).
    #[serde(
        rename = "tags-any",
        serialize_with = "crate::query::comma",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags_any: Vec<String>,
    /// Servers without all of these tags (2.26+).
    #[serde(
        rename = "not-tags",
        serialize_with = "crate::query::comma",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub not_tags: Vec<String>,
    /// Servers without any of these tags (2.26+).
    #[serde(
        rename = "not-tags-any",
        serialize_with = "crate::query::comma",
        skip_serializing_if = "Vec::is_empty"
    )]
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

// ------------------------------------------------------------------ request helpers

/// A number or a boolean that Nova also accepts written as text (`"2"`, `"True"`).
///
/// A value made in code is sent as a JSON number or boolean. A value read from a body
/// keeps the form it came in, so that a request body read and written back is
/// unchanged.
///
/// ```
/// use ferrocloud::openstack::compute::v2::servers::Lenient;
/// let n: Lenient<u32> = serde_json::from_str(r#""2""#).unwrap();
/// assert_eq!(n.value(), 2);
/// assert_eq!(serde_json::to_string(&n).unwrap(), r#""2""#);
/// assert_eq!(serde_json::to_string(&Lenient::from(3u32)).unwrap(), "3");
/// let b: Lenient<bool> = serde_json::from_str(r#""True""#).unwrap();
/// assert!(b.value());
/// assert!(serde_json::from_str::<Lenient<u32>>(r#""two""#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lenient<T> {
    value: T,
    text: Option<String>,
}

impl<T> Lenient<T> {
    /// A value, sent as JSON.
    pub fn new(value: T) -> Self {
        Lenient { value, text: None }
    }

    /// The value.
    pub fn get(&self) -> &T {
        &self.value
    }

    /// The text it was read from, when it came as text.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }
}

impl<T: Copy> Lenient<T> {
    /// The value.
    pub fn value(&self) -> T {
        self.value
    }
}

impl<T> From<T> for Lenient<T> {
    fn from(value: T) -> Self {
        Lenient::new(value)
    }
}

impl<T: Serialize> Serialize for Lenient<T> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match &self.text {
            Some(t) => s.serialize_str(t),
            None => self.value.serialize(s),
        }
    }
}

/// Nova's reading of a boolean written as text.
fn bool_from_text(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "1" | "t" | "true" | "on" | "y" | "yes" => Some(true),
        "0" | "f" | "false" | "off" | "n" | "no" => Some(false),
        _ => None,
    }
}

macro_rules! lenient_from_text {
    ($($t:ty => $parse:expr, $what:literal;)*) => {$(
        impl<'de> Deserialize<'de> for Lenient<$t> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                #[derive(Deserialize)]
                #[serde(untagged)]
                enum Repr {
                    Value($t),
                    Text(String),
                }
                match Repr::deserialize(d)? {
                    Repr::Value(value) => Ok(Lenient { value, text: None }),
                    Repr::Text(text) => {
                        let parse: fn(&str) -> Option<$t> = $parse;
                        match parse(&text) {
                            Some(value) => Ok(Lenient { value, text: Some(text) }),
                            None => Err(de::Error::custom(format!(
                                concat!("expected ", $what, ", got {:?}"), text
                            ))),
                        }
                    }
                }
            }
        }
    )*};
}

lenient_from_text! {
    u32 => |s| s.trim().parse().ok(), "a non-negative integer";
    u64 => |s| s.trim().parse().ok(), "a non-negative integer";
    i32 => |s| s.trim().parse().ok(), "an integer";
    i64 => |s| s.trim().parse().ok(), "an integer";
    bool => bool_from_text, "a boolean";
}

/// Serde helpers for request fields that may be sent as `null` on purpose
/// (`Option<Option<T>>`: `None` is left out, `Some(None)` is `null`).
pub(crate) mod double_option {
    use super::*;

    pub fn deserialize<'de, D, T>(d: D) -> std::result::Result<Option<Option<T>>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        Option::<T>::deserialize(d).map(Some)
    }
}

pub(crate) use crate::de::secret;
pub(crate) use crate::de::secret::option as secret_opt;

/// Encodes bytes as standard base64 with padding (for `user_data` and `personality`).
///
/// ```
/// use ferrocloud::openstack::compute::v2::servers::base64_encode;
/// assert_eq!(base64_encode(b"#!/bin/sh\n"), "IyEvYmluL3NoCg==");
/// assert_eq!(base64_encode(b""), "");
/// assert_eq!(base64_encode(b"ab"), "YWI=");
/// ```
pub fn base64_encode(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The client's microversion (the base one, 2.1, when it sends none); `None` when it is
/// not a number (nothing is checked then).
pub(crate) fn client_microversion(client: &ServiceClient) -> Option<Microversion> {
    match client.microversion() {
        None => Some(Microversion::new(2, 1)),
        Some(v) => v.parse().ok(),
    }
}

pub(crate) use crate::microversion::check_field;

fn nonempty(field: &str, v: &Option<String>) -> Result<()> {
    match v {
        Some(s) if s.is_empty() => Err(Error::invalid_input(format!("{field} must not be empty"))),
        _ => Ok(()),
    }
}

/// A file injected into a new or rebuilt server (until microversion 2.56).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Personality {
    /// The file's path in the guest.
    pub path: String,
    /// Its contents, base64-encoded.
    pub contents: String,
}

impl Personality {
    /// A file at `path` with these contents (encoded here).
    ///
    /// ```
    /// let p = ferrocloud::openstack::compute::v2::servers::Personality::new("/etc/motd", "hi");
    /// assert_eq!(p.contents, "aGk=");
    /// ```
    pub fn new(path: impl Into<String>, contents: impl AsRef<[u8]>) -> Self {
        Personality {
            path: path.into(),
            contents: base64_encode(contents.as_ref()),
        }
    }
}

// ------------------------------------------------------------------ create

/// The networks of a new server: automatic (`"auto"`, 2.37+), none (`"none"`, 2.37+), or
/// a list of networks, ports and fixed IPs. From microversion 2.37 Nova requires one.
///
/// ```
/// use ferrocloud::openstack::compute::v2::servers::{Network, Networks};
/// assert_eq!(serde_json::to_value(Networks::Auto).unwrap(), "auto");
/// let list = Networks::List(vec![Network::uuid("net-1").fixed_ip("10.0.0.5"), Network::port("port-1")]);
/// assert_eq!(serde_json::to_string(&list).unwrap(),
///     r#"[{"uuid":"net-1","fixed_ip":"10.0.0.5"},{"port":"port-1"}]"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Networks {
    /// Let Nova allocate a network (Neutron's auto-allocated topology or the project's
    /// only network).
    Auto,
    /// No network at all.
    None,
    /// These networks, ports or fixed IPs.
    List(Vec<Network>),
}

impl Serialize for Networks {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Networks::Auto => s.serialize_str("auto"),
            Networks::None => s.serialize_str("none"),
            Networks::List(l) => l.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Networks {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Word(String),
            List(Vec<Network>),
        }
        match Repr::deserialize(d)? {
            Repr::Word(w) if w == "auto" => Ok(Networks::Auto),
            Repr::Word(w) if w == "none" => Ok(Networks::None),
            Repr::Word(w) => Err(de::Error::custom(format!(
                "networks must be \"auto\", \"none\" or a list, not {w:?}"
            ))),
            Repr::List(l) => Ok(Networks::List(l)),
        }
    }
}

/// One network of a new server: a network (`uuid`), a port (`port`), optionally a fixed
/// IP, and a device tag (2.32–2.36 and 2.42+).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Network {
    /// The network's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// An existing port's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<String>,
    /// A fixed IP address on the network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_ip: Option<String>,
    /// A device tag for the interface.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

impl Network {
    /// The network with this ID.
    pub fn uuid(id: impl Into<String>) -> Self {
        Network {
            uuid: Some(id.into()),
            ..Default::default()
        }
    }

    /// The existing port with this ID.
    pub fn port(id: impl Into<String>) -> Self {
        Network {
            port: Some(id.into()),
            ..Default::default()
        }
    }

    /// With a fixed IP address.
    pub fn fixed_ip(mut self, ip: impl Into<String>) -> Self {
        self.fixed_ip = Some(ip.into());
        self
    }

    /// With a device tag.
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tag = Some(tag.into());
        self
    }
}

/// Where a block device comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceType {
    /// An existing volume.
    #[serde(rename = "volume")]
    Volume,
    /// An image.
    #[serde(rename = "image")]
    Image,
    /// A volume snapshot.
    #[serde(rename = "snapshot")]
    Snapshot,
    /// Nothing: a blank device.
    #[serde(rename = "blank")]
    Blank,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// Where a block device lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DestinationType {
    /// On the compute host (ephemeral).
    #[serde(rename = "local")]
    Local,
    /// On a volume.
    #[serde(rename = "volume")]
    Volume,
    /// A value this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// One entry of `block_device_mapping_v2`: boot from a volume, add ephemeral or swap
/// disks, attach volumes.
///
/// ```
/// use ferrocloud::openstack::compute::v2::servers::BlockDevice;
/// let root = BlockDevice::image_to_volume("70a599e0-31e7-49b7-b260-868f441e862b", 10).delete_on_termination(true);
/// let v = serde_json::to_value(&root).unwrap();
/// assert_eq!(v["boot_index"], 0);
/// assert_eq!(v["destination_type"], "volume");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BlockDevice {
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_type: Option<SourceType>,
    /// Where it lives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_type: Option<DestinationType>,
    /// The ID of the source (volume, image or snapshot).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// The boot order (0 is the root disk; negative or unset: not bootable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boot_index: Option<Lenient<i64>>,
    /// The size in GiB, for a new volume or a blank device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_size: Option<Lenient<u64>>,
    /// Delete the volume with the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_on_termination: Option<bool>,
    /// The device name in the guest (a hint; `vdb`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_name: Option<String>,
    /// The device type (`disk`, `cdrom`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_type: Option<String>,
    /// The bus (`virtio`, `scsi`, `ide`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk_bus: Option<String>,
    /// The file system of a blank local device (`swap`, `ext4`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guest_format: Option<String>,
    /// Suppress the device of the image's own mapping with this device name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_device: Option<bool>,
    /// A device tag (2.32, and 2.42+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// The volume type of a new volume (2.67+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<String>,
}

impl BlockDevice {
    /// A root volume of `size_gib` made from an image (boot from volume).
    pub fn image_to_volume(image_id: impl Into<String>, size_gib: u64) -> Self {
        BlockDevice {
            source_type: Some(SourceType::Image),
            destination_type: Some(DestinationType::Volume),
            uuid: Some(image_id.into()),
            boot_index: Some(0.into()),
            volume_size: Some(size_gib.into()),
            ..Default::default()
        }
    }

    /// An existing volume, attached at boot (`boot_index` 0 to boot from it).
    pub fn volume(volume_id: impl Into<String>, boot_index: Option<i64>) -> Self {
        BlockDevice {
            source_type: Some(SourceType::Volume),
            destination_type: Some(DestinationType::Volume),
            uuid: Some(volume_id.into()),
            boot_index: boot_index.map(Lenient::new),
            ..Default::default()
        }
    }

    /// Deletes the volume with the server (or keeps it).
    pub fn delete_on_termination(mut self, yes: bool) -> Self {
        self.delete_on_termination = Some(yes);
        self
    }
}

/// Hints for the scheduler, sent beside the server (`os:scheduler_hints`). Which hints
/// work depends on the scheduler filters the cloud enables; `extra` carries others.
///
/// A list of one server ID is sent as a string, longer lists as lists (Nova reads both).
///
/// ```
/// use ferrocloud::openstack::compute::v2::servers::SchedulerHints;
/// let h = SchedulerHints { group: Some("5f0c3a1e-9b2c-4a64-8e1f-5c1d7d8f8a10".into()), different_host: vec!["a".into(), "b".into()], ..Default::default() };
/// assert_eq!(serde_json::to_string(&h).unwrap(),
///     r#"{"group":"5f0c3a1e-9b2c-4a64-8e1f-5c1d7d8f8a10","different_host":["a","b"]}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SchedulerHints {
    /// Boot in this server group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Boot on a host other than those of these servers.
    #[serde(default, with = "one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub different_host: Vec<String>,
    /// Boot on the host of these servers.
    #[serde(default, with = "one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub same_host: Vec<String>,
    /// A JSON filter query (text or object).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<Value>,
    /// Boot in this cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_cell: Option<String>,
    /// Boot outside these cells.
    #[serde(default, with = "one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub different_cell: Vec<String>,
    /// Boot near this host IP (with `cidr`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build_near_host_ip: Option<String>,
    /// The prefix length for `build_near_host_ip` (`/24`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cidr: Option<String>,
    /// Other hints, sent as given.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

mod one_or_many {
    use super::*;

    pub fn serialize<S: Serializer>(v: &[String], s: S) -> std::result::Result<S::Ok, S::Error> {
        match v {
            [one] => s.serialize_str(one),
            many => many.serialize(s),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<Vec<String>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            One(String),
            Many(Vec<String>),
        }
        Ok(match Option::<Repr>::deserialize(d)? {
            None => Vec::new(),
            Some(Repr::One(s)) => vec![s],
            Some(Repr::Many(v)) => v,
        })
    }
}

/// A new server (the `server` object of `POST /servers`). The name and the flavor are
/// required; the image too unless the server boots from a volume
/// (`block_device_mapping_v2`); from microversion 2.37 `networks` is required as well.
/// Fields added by a microversion are refused by [`create`] when the client's
/// microversion is older.
///
/// `user_data` holds base64 text, as Nova wants it: [`CreateOpts::user_data`] encodes
/// raw bytes, [`CreateOpts::user_data_base64`] takes text already encoded. The admin
/// password is a [`SecretString`] and never shows in `Debug` output.
///
/// Scheduler hints are not part of the `server` object: set `scheduler_hints` here and
/// [`create`] sends them beside it, as `os:scheduler_hints`.
///
/// ```
/// use ferrocloud::openstack::compute::v2::servers::{CreateOpts, Networks};
/// let opts = CreateOpts::new("web-1", "42").image_ref("img").networks(Networks::None).admin_pass("s3cret!");
/// let v = serde_json::to_value(&opts).unwrap();
/// assert_eq!(v["flavorRef"], "42");
/// assert_eq!(v["networks"], "none");
/// assert_eq!(v["adminPass"], "s3cret!");
/// assert!(!format!("{opts:?}").contains("s3cret!"));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// The flavor's ID or URL (required).
    #[serde(rename = "flavorRef")]
    pub flavor_ref: String,
    /// The image's ID or URL (empty or unset to boot from a volume).
    #[serde(rename = "imageRef", default, skip_serializing_if = "Option::is_none")]
    pub image_ref: Option<String>,
    /// The networks (required from 2.37).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub networks: Option<Networks>,
    /// Block devices (boot from volume, extra disks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block_device_mapping_v2: Option<Vec<BlockDevice>>,
    /// Security groups by name or ID (default: the project's `default`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_groups: Option<Vec<SecurityGroupName>>,
    /// User data for the guest (cloud-init…), base64-encoded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_data: Option<String>,
    /// Files to inject (until 2.56).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personality: Option<Vec<Personality>>,
    /// Metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
    /// The key pair to inject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_name: Option<String>,
    /// The availability zone, or `zone:host` / `zone:host:node` / `zone::node` to target a
    /// host (admin; before 2.74 the only way).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// The compute host to boot on (admin, 2.74+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The hypervisor node to boot on (admin, 2.74+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hypervisor_hostname: Option<String>,
    /// Attach a config drive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_drive: Option<bool>,
    /// The description (2.19+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Tags (2.52+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// IDs of trusted certificates to verify the image with (2.63+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trusted_image_certificates: Option<Vec<String>>,
    /// The guest's host name (2.90+; an FQDN from 2.94).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    /// The public IPv4 address to record.
    #[serde(
        rename = "accessIPv4",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_ipv4: Option<String>,
    /// The public IPv6 address to record.
    #[serde(
        rename = "accessIPv6",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_ipv6: Option<String>,
    /// The admin password to set (where the driver supports it).
    #[serde(
        rename = "adminPass",
        default,
        with = "secret_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub admin_pass: Option<SecretString>,
    /// The fewest servers to create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_count: Option<Lenient<u32>>,
    /// The most servers to create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_count: Option<Lenient<u32>>,
    /// Answer with the reservation ID instead of the server (see [`create_reservation`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_reservation_id: Option<Lenient<bool>>,
    /// How to partition the disk.
    #[serde(
        rename = "OS-DCF:diskConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub disk_config: Option<DiskConfig>,
    /// Scheduler hints, sent beside the server (not inside it).
    #[serde(skip)]
    pub scheduler_hints: Option<SchedulerHints>,
}

impl CreateOpts {
    /// A server named `name` of the flavor `flavor_ref`.
    pub fn new(name: impl Into<String>, flavor_ref: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            flavor_ref: flavor_ref.into(),
            ..Default::default()
        }
    }

    /// Boots from this image.
    pub fn image_ref(mut self, image: impl Into<String>) -> Self {
        self.image_ref = Some(image.into());
        self
    }

    /// Sets the networks.
    pub fn networks(mut self, networks: Networks) -> Self {
        self.networks = Some(networks);
        self
    }

    /// Adds a block device.
    pub fn block_device(mut self, device: BlockDevice) -> Self {
        self.block_device_mapping_v2
            .get_or_insert_with(Vec::new)
            .push(device);
        self
    }

    /// Adds a security group (by name or ID).
    pub fn security_group(mut self, name: impl Into<String>) -> Self {
        self.security_groups
            .get_or_insert_with(Vec::new)
            .push(SecurityGroupName { name: name.into() });
        self
    }

    /// Sets the user data from raw bytes (encoded here).
    ///
    /// ```
    /// use ferrocloud::openstack::compute::v2::servers::CreateOpts;
    /// let o = CreateOpts::new("a", "1").user_data("#!/bin/sh\n");
    /// assert_eq!(o.user_data.as_deref(), Some("IyEvYmluL3NoCg=="));
    /// ```
    pub fn user_data(mut self, data: impl AsRef<[u8]>) -> Self {
        self.user_data = Some(base64_encode(data.as_ref()));
        self
    }

    /// Sets the user data from text already base64-encoded (sent as given).
    pub fn user_data_base64(mut self, encoded: impl Into<String>) -> Self {
        self.user_data = Some(encoded.into());
        self
    }

    /// Adds a file to inject (until 2.56).
    pub fn personality(mut self, file: Personality) -> Self {
        self.personality.get_or_insert_with(Vec::new).push(file);
        self
    }

    /// Adds a metadata item.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata
            .get_or_insert_with(BTreeMap::new)
            .insert(key.into(), value.into());
        self
    }

    /// Injects this key pair.
    pub fn key_name(mut self, key: impl Into<String>) -> Self {
        self.key_name = Some(key.into());
        self
    }

    /// Sets the availability zone (or `zone:host[:node]`).
    pub fn availability_zone(mut self, zone: impl Into<String>) -> Self {
        self.availability_zone = Some(zone.into());
        self
    }

    /// Sets the description (2.19+).
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }

    /// Adds a tag (2.52+).
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tags.get_or_insert_with(Vec::new).push(tag.into());
        self
    }

    /// Sets the guest's host name (2.90+).
    pub fn hostname(mut self, h: impl Into<String>) -> Self {
        self.hostname = Some(h.into());
        self
    }

    /// Sets the admin password.
    pub fn admin_pass(mut self, p: impl Into<String>) -> Self {
        self.admin_pass = Some(SecretString::from(p.into()));
        self
    }

    /// Creates between `min` and `max` servers at once.
    pub fn count(mut self, min: u32, max: u32) -> Self {
        self.min_count = Some(min.into());
        self.max_count = Some(max.into());
        self
    }

    /// Sets the scheduler hints.
    pub fn scheduler_hints(mut self, hints: SchedulerHints) -> Self {
        self.scheduler_hints = Some(hints);
        self
    }

    /// Refuses the fields the client's microversion does not read, and a missing
    /// `networks` from 2.37 on.
    pub fn check_microversion(&self, client: &ServiceClient) -> Result<()> {
        check_field(
            client,
            "description",
            self.description.is_some(),
            Some("2.19"),
            None,
        )?;
        check_field(client, "tags", self.tags.is_some(), Some("2.52"), None)?;
        check_field(
            client,
            "trusted_image_certificates",
            self.trusted_image_certificates.is_some(),
            Some("2.63"),
            None,
        )?;
        check_field(client, "host", self.host.is_some(), Some("2.74"), None)?;
        check_field(
            client,
            "hypervisor_hostname",
            self.hypervisor_hostname.is_some(),
            Some("2.74"),
            None,
        )?;
        check_field(client, "hostname", self.hostname.is_some(), Some("2.90"), None)?;
        check_field(
            client,
            "personality",
            self.personality.is_some(),
            None,
            Some("2.56"),
        )?;
        let have = client_microversion(client);
        match &self.networks {
            None => {
                if have.is_some_and(|v| v >= Microversion::new(2, 37)) {
                    return Err(Error::invalid_input(
                        "networks is required from compute microversion 2.37 (Networks::Auto, Networks::None or a list)",
                    ));
                }
            }
            Some(Networks::Auto) | Some(Networks::None) => {
                check_field(client, "networks \"auto\"/\"none\"", true, Some("2.37"), None)?;
            }
            Some(Networks::List(list)) => {
                let tagged = list.iter().any(|n| n.tag.is_some());
                if tagged
                    && have.is_some_and(|v| {
                        v >= Microversion::new(2, 37) && v < Microversion::new(2, 42)
                    })
                {
                    return Err(Error::invalid_input(
                        "networks[].tag is not accepted from compute microversion 2.37 to 2.41; use 2.32-2.36 or 2.42+",
                    ));
                }
                check_field(client, "networks[].tag", tagged, Some("2.32"), None)?;
            }
        }
        let devices = self.block_device_mapping_v2.as_deref().unwrap_or_default();
        let tagged = devices.iter().any(|d| d.tag.is_some());
        if tagged
            && have.is_some_and(|v| v > Microversion::new(2, 32) && v < Microversion::new(2, 42))
        {
            return Err(Error::invalid_input(
                "block_device_mapping_v2[].tag is not accepted from compute microversion 2.33 to 2.41; use 2.32 or 2.42+",
            ));
        }
        check_field(
            client,
            "block_device_mapping_v2[].tag",
            tagged,
            Some("2.32"),
            None,
        )?;
        check_field(
            client,
            "block_device_mapping_v2[].volume_type",
            devices.iter().any(|d| d.volume_type.is_some()),
            Some("2.67"),
            None,
        )?;
        Ok(())
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())?;
        require("flavorRef", !self.flavor_ref.is_empty())?;
        if let Some(Networks::List(list)) = &self.networks {
            for (i, n) in list.iter().enumerate() {
                if n.uuid.is_none() && n.port.is_none() {
                    return Err(Error::invalid_input(format!(
                        "networks[{i}]: uuid or port is required"
                    )));
                }
            }
        }
        if let (Some(min), Some(max)) = (&self.min_count, &self.max_count)
            && min.get() > max.get() {
                return Err(Error::invalid_input(format!(
                    "min_count ({}) must not exceed max_count ({})",
                    min.get(),
                    max.get()
                )));
            }
        for (i, p) in self.personality.iter().flatten().enumerate() {
            if p.path.is_empty() {
                return Err(Error::invalid_input(format!(
                    "personality[{i}].path is required"
                )));
            }
        }
        nonempty("key_name", &self.key_name)?;
        nonempty("availability_zone", &self.availability_zone)?;
        Ok(())
    }
}

/// The body of `POST /servers`: the server, and the scheduler hints beside it.
///
/// [`create`] builds it from [`CreateOpts`] (moving `scheduler_hints` out of the server).
/// Nova reads the hints under `os:scheduler_hints` and under their older name
/// `OS-SCH-HNT:scheduler_hints`; a body read with the older name is written back with
/// it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CreateRequest {
    /// The server.
    pub server: CreateOpts,
    /// Scheduler hints.
    #[serde(
        rename = "os:scheduler_hints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduler_hints: Option<SchedulerHints>,
    /// Scheduler hints under their older key (set this or `scheduler_hints`).
    #[serde(
        rename = "OS-SCH-HNT:scheduler_hints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub legacy_scheduler_hints: Option<SchedulerHints>,
}

impl From<CreateOpts> for CreateRequest {
    fn from(mut server: CreateOpts) -> Self {
        let scheduler_hints = server.scheduler_hints.take();
        CreateRequest {
            server,
            scheduler_hints,
            legacy_scheduler_hints: None,
        }
    }
}

impl Validate for CreateRequest {
    fn validate(&self) -> Result<()> {
        self.server.validate()?;
        if self.scheduler_hints.is_some() && self.legacy_scheduler_hints.is_some() {
            return Err(Error::invalid_input(
                "set scheduler_hints or legacy_scheduler_hints, not both",
            ));
        }
        Ok(())
    }
}

/// What `POST /servers` answers for one new server. The password is there when the
/// cloud generates or accepts one (`[api] enable_instance_password`); it never shows in
/// `Debug` output.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CreatedServer {
    /// The new server's ID.
    pub id: String,
    /// Links to it.
    #[serde(default)]
    pub links: Vec<Link>,
    /// The admin password.
    #[serde(
        rename = "adminPass",
        default,
        deserialize_with = "secret_opt::deserialize"
    )]
    pub admin_pass: Option<SecretString>,
    /// Its security groups.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub security_groups: Vec<SecurityGroupName>,
    /// Its disk configuration.
    #[serde(rename = "OS-DCF:diskConfig", default)]
    pub disk_config: Option<DiskConfig>,
}

/// The whole answer of `POST /servers`: the new server, or only the reservation ID when
/// `return_reservation_id` was set.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CreateResponse {
    /// The new server (one server, or the first of several).
    #[serde(default)]
    pub server: Option<CreatedServer>,
    /// The reservation ID of the servers created together.
    #[serde(default)]
    pub reservation_id: Option<String>,
}

/// Creates (boots) a server. The answer holds its ID, links and admin password; wait for
/// `ACTIVE` with [`wait_for_status`]. Fields the client's microversion does not read are
/// refused before anything is sent.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<CreatedServer> {
    if let Err(e) = opts.check_microversion(client) {
        return ApiResult::from_error(e);
    }
    client
        .request(&CREATE, &[])
        .body(&CreateRequest::from(opts.clone()))
        .part::<CreatedServer>("server")
        .send()
        .await
}

/// Creates servers and returns the reservation ID that `ListOpts::reservation_id` finds
/// them by (sets `return_reservation_id`).
pub async fn create_reservation(client: &ServiceClient, opts: &CreateOpts) -> Result<String> {
    opts.check_microversion(client)?;
    let mut opts = opts.clone();
    if !opts
        .return_reservation_id
        .as_ref()
        .is_some_and(|r| r.value())
    {
        opts.return_reservation_id = Some(true.into());
    }
    let resp: CreateResponse = client
        .request(&CREATE, &[])
        .body(&CreateRequest::from(opts))
        .send()
        .await
        .extract()?;
    resp.reservation_id
        .ok_or_else(|| Error::new(crate::ErrorKind::Decode, "the answer has no reservation_id"))
}

// ------------------------------------------------------------------ update

/// Changes to a server; unset fields are left as they are. Fields added by a microversion
/// are refused by [`update`] when the client's microversion is older.
///
/// ```
/// use ferrocloud::openstack::compute::v2::servers::UpdateOpts;
/// let o = UpdateOpts::default().name("web-01").clear_description();
/// assert_eq!(serde_json::to_string(&o).unwrap(), r#"{"name":"web-01","description":null}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description (2.19+); `Some(None)` clears it.
    #[serde(
        default,
        deserialize_with = "double_option::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<Option<String>>,
    /// A new public IPv4 address.
    #[serde(
        rename = "accessIPv4",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_ipv4: Option<String>,
    /// A new public IPv6 address.
    #[serde(
        rename = "accessIPv6",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_ipv6: Option<String>,
    /// A new guest host name (2.90+; an FQDN from 2.94).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    /// The disk configuration.
    #[serde(
        rename = "OS-DCF:diskConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub disk_config: Option<DiskConfig>,
    /// Pin to an availability zone (2.104+); `Some(None)` unpins.
    #[serde(
        default,
        deserialize_with = "double_option::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub pinned_availability_zone: Option<Option<String>>,
}

impl UpdateOpts {
    /// Sets the name.
    pub fn name(mut self, n: impl Into<String>) -> Self {
        self.name = Some(n.into());
        self
    }

    /// Sets the description (2.19+).
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(Some(d.into()));
        self
    }

    /// Clears the description (2.19+).
    pub fn clear_description(mut self) -> Self {
        self.description = Some(None);
        self
    }

    /// Sets the guest host name (2.90+).
    pub fn hostname(mut self, h: impl Into<String>) -> Self {
        self.hostname = Some(h.into());
        self
    }

    /// Refuses the fields the client's microversion does not read.
    pub fn check_microversion(&self, client: &ServiceClient) -> Result<()> {
        check_field(
            client,
            "description",
            self.description.is_some(),
            Some("2.19"),
            None,
        )?;
        check_field(
            client,
            "hostname",
            self.hostname.is_some(),
            Some("2.90"),
            None,
        )?;
        check_field(
            client,
            "pinned_availability_zone",
            self.pinned_availability_zone.is_some(),
            Some("2.104"),
            None,
        )
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        nonempty("name", &self.name)?;
        nonempty("hostname", &self.hostname)
    }
}

/// Updates a server and returns it.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Server> {
    if let Err(e) = opts.check_microversion(client) {
        return ApiResult::from_error(e);
    }
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a server (it goes on being listed, `DELETED` or `SOFT_DELETED`, for a while;
/// see [`wait_for_delete`]).
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

// ------------------------------------------------------------------ read

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

crate::operation::extract_fn! {
    /// The servers of a page (or of all pages).
    extract_servers, Server
}

impl crate::find::Named for Server {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or_default()
    }
}

/// Finds a server by ID or by exact name (the name filter is a regular expression on
/// the server side; the exact match is checked here).
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Server> {
    let opts = ListOpts {
        name: Some(format!("^{}$", regex_escape(name_or_id))),
        ..Default::default()
    };
    crate::find::find(
        "server",
        name_or_id,
        get(client, name_or_id),
        list(client, &opts),
    )
    .await
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

// ------------------------------------------------------------------ waiters

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
pub async fn wait_for_delete(
    client: &ServiceClient,
    id: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<()> {
    crate::wait::wait_for_deletion(&format!("server {id}"), opts, || async {
        get(client, id).await.extract()
    })
    .await
}
