//! Zones: the DNS domains a project owns (`PRIMARY`, whose records Designate serves, or
//! `SECONDARY`, transferred in from other name servers). Every change is asynchronous:
//! a zone is `PENDING` until the name servers have it, then `ACTIVE` (or `ERROR`);
//! [`wait_for_status`](crate::openstack::dns::v2::zones::wait_for_status) and
//! [`wait_for_delete`](crate::openstack::dns::v2::zones::wait_for_delete) wait for that.
//! Listings page by Designate's `links.next`.
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::common::Status;
//! use ferrocloud::openstack::dns::v2::zones::{self, CreateOpts};
//! use ferrocloud::wait::WaitOpts;
//! let opts = CreateOpts::primary("example.org.", "hostmaster@example.org").ttl(3600);
//! let zone = zones::create(&dns, &opts).await.extract()?;
//! let zone = zones::wait_for_status(&dns, &zone.id, Status::Active, &WaitOpts::default()).await?;
//! let same = zones::find(&dns, "example.org").await?;
//! assert_eq!(same.id, zone.id);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{Action, Links, Paging, RequestHeaders, Status};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "dns";
    /// Create a zone.
    CREATE = POST "/zones" request(CreateOpts) response(Zone);
    /// List zones.
    LIST = GET "/zones" list("zones", Zone);
    /// Show a zone.
    GET = GET "/zones/{zone_id}" response(Zone);
    /// Change a zone's email, TTL or description.
    UPDATE = PATCH "/zones/{zone_id}" request(UpdateOpts) response(Zone);
    /// Delete a zone (`202`, with the zone being deleted).
    DELETE = DELETE "/zones/{zone_id}" response(Zone);
    /// List the name servers of a zone.
    NAMESERVERS = GET "/zones/{zone_id}/nameservers" list("nameservers", Nameserver);
}

crate::de::text_enum! {
    /// The kind of a zone.
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::zones::ZoneType;
    /// assert_eq!(serde_json::to_string(&ZoneType::Secondary).unwrap(), "\"SECONDARY\"");
    /// ```
    ZoneType {
        /// Designate holds the records.
        Primary = "PRIMARY",
        /// Transferred from the `masters`.
        Secondary = "SECONDARY",
    }
}

/// A zone.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Zone {
    /// The ID.
    pub id: String,
    /// The pool of name servers that serves it.
    pub pool_id: String,
    /// The owning project.
    pub project_id: String,
    /// The name, fully qualified (`example.org.`).
    pub name: String,
    /// The email of the zone's administrator (the `SOA` record's `RNAME`).
    #[serde(default)]
    pub email: Option<String>,
    /// The default TTL of its records.
    #[serde(default)]
    pub ttl: Option<u32>,
    /// The `SOA` serial.
    pub serial: u64,
    /// Where it stands.
    pub status: Status,
    /// The change under way.
    pub action: Action,
    /// The description.
    #[serde(default)]
    pub description: Option<String>,
    /// The servers a `SECONDARY` zone is transferred from (`host:port`).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub masters: Vec<String>,
    /// `PRIMARY` or `SECONDARY`.
    #[serde(rename = "type", default)]
    pub zone_type: Option<ZoneType>,
    /// When it was last transferred to the project (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub transferred_at: Option<Timestamp>,
    /// Its version, raised by every change.
    pub version: u64,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Attributes for the pool scheduler (`{"tier": "gold"}`).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub attributes: BTreeMap<String, String>,
    /// Whether it is shared with other projects (API 2.1).
    #[serde(default)]
    pub shared: Option<bool>,
    /// Its own URL.
    pub links: Links,
}

impl crate::find::Named for Zone {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// A name server of a zone.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Nameserver {
    /// Its host name.
    pub hostname: String,
    /// Its rank in the zone's `NS` records.
    pub priority: u32,
}

crate::operation::extract_fn! {
    /// The zones of a page of [`list`].
    extract_zones, Zone
}

/// What [`list`] filters on (Designate takes `*` as a wildcard in `name`, `email` and
/// `description`).
///
/// ```
/// use ferrocloud::openstack::dns::v2::zones::ListOpts;
/// let opts = ListOpts { name: Some("*.example.org.".into()), ..Default::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "name=*.example.org.");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Zones of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Zones of this kind.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub zone_type: Option<ZoneType>,
    /// Zones with this email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Zones in this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Zones with this description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Zones with this TTL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u32>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::dns::v2::zones::CreateOpts;
/// let opts = CreateOpts::primary("example.org.", "joe@example.org").ttl(7200)
///     .description("This is an example zone.").attribute("tier", "gold");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "example.org.", "email": "joe@example.org", "type": "PRIMARY", "ttl": 7200,
///     "description": "This is an example zone.", "attributes": {"tier": "gold"}}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name, fully qualified (ending with `.`).
    pub name: String,
    /// The administrator's email (required for `PRIMARY` zones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `PRIMARY` (the default) or `SECONDARY`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub zone_type: Option<ZoneType>,
    /// The default TTL of its records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u32>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The servers a `SECONDARY` zone is transferred from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub masters: Vec<String>,
    /// Attributes for the pool scheduler.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
}

impl CreateOpts {
    /// A `PRIMARY` zone named `name`, administered by `email`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::zones::CreateOpts::primary("a.org.", "h@a.org");
    /// assert_eq!(o.email.as_deref(), Some("h@a.org"));
    /// ```
    pub fn primary(name: impl Into<String>, email: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            email: Some(email.into()),
            zone_type: Some(ZoneType::Primary),
            ttl: None,
            description: None,
            masters: Vec::new(),
            attributes: BTreeMap::new(),
        }
    }

    /// A `SECONDARY` zone named `name`, transferred from `masters`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::zones::CreateOpts::secondary("a.org.", ["192.0.2.1:53"]);
    /// assert_eq!(o.masters, ["192.0.2.1:53"]);
    /// ```
    pub fn secondary<S: Into<String>>(
        name: impl Into<String>,
        masters: impl IntoIterator<Item = S>,
    ) -> Self {
        CreateOpts {
            name: name.into(),
            email: None,
            zone_type: Some(ZoneType::Secondary),
            ttl: None,
            description: None,
            masters: masters.into_iter().map(Into::into).collect(),
            attributes: BTreeMap::new(),
        }
    }

    /// Sets the default TTL.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::zones::CreateOpts::primary("a.org.", "h@a.org").ttl(60);
    /// assert_eq!(o.ttl, Some(60));
    /// ```
    pub fn ttl(mut self, ttl: u32) -> Self {
        self.ttl = Some(ttl);
        self
    }

    /// Sets the description.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::zones::CreateOpts::primary("a.org.", "h@a.org").description("d");
    /// assert_eq!(o.description.as_deref(), Some("d"));
    /// ```
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }

    /// Adds an attribute for the pool scheduler.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::zones::CreateOpts::primary("a.org.", "h@a.org").attribute("ha", "true");
    /// assert_eq!(o.attributes["ha"], "true");
    /// ```
    pub fn attribute(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.attributes.insert(key.into(), value.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.trim().is_empty())?;
        match self.zone_type {
            Some(ZoneType::Secondary) => {
                crate::request::require("masters (of a SECONDARY zone)", !self.masters.is_empty())
            }
            _ => crate::request::require(
                "email (of a PRIMARY zone)",
                self.email.as_deref().is_some_and(|e| !e.is_empty()),
            ),
        }
    }
}

/// What [`update`] changes.
///
/// ```
/// use ferrocloud::openstack::dns::v2::zones::UpdateOpts;
/// let opts = UpdateOpts { ttl: Some(600), description: Some("Updated Description".into()), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"ttl": 600, "description": "Updated Description"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new administrator email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A new default TTL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u32>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("email", self.email.is_some()),
            ("ttl", self.ttl.is_some()),
            ("description", self.description.is_some()),
        ])
    }
}

/// How [`delete_with`] deletes a zone.
///
/// ```
/// use ferrocloud::openstack::dns::v2::zones::DeleteOpts;
/// let opts = DeleteOpts { hard_delete: true, ..Default::default() };
/// assert!(opts.hard_delete && !opts.delete_shares);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeleteOpts {
    /// Delete it at once, even when its back end cannot be reached
    /// (`x-designate-hard-delete`; admins).
    pub hard_delete: bool,
    /// Delete it with its shares when it is shared (`x-designate-delete-shares`).
    pub delete_shares: bool,
}

/// Creates a zone (`202`; `PENDING` until the name servers have it).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::zones::{self, CreateOpts};
/// let zone = zones::create(&dns, &CreateOpts::primary("example.org.", "joe@example.org")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Zone> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Lists zones, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::zones;
/// let all = zones::extract_zones(&zones::list(&dns, &Default::default()).all_pages().await?)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Zone> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

/// Shows a zone.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let zone = ferrocloud::openstack::dns::v2::zones::get(&dns, "a86dba58").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Zone> {
    client.request(&GET, &[id]).send().await
}

/// Changes a zone's email, TTL or description (`202`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::zones::{self, UpdateOpts};
/// let opts = UpdateOpts { ttl: Some(600), ..Default::default() };
/// zones::update(&dns, "a86dba58", &opts).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Zone> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a zone and its recordsets (`202`, with the zone in `PENDING`/`DELETE`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::zones::delete(&dns, "a86dba58").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<Zone> {
    client.request(&DELETE, &[id]).send().await
}

/// [`delete`], with the headers of `opts`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::zones::{self, DeleteOpts};
/// let opts = DeleteOpts { delete_shares: true, ..Default::default() };
/// zones::delete_with(&dns, "a86dba58", &opts).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete_with(client: &ServiceClient, id: &str, opts: &DeleteOpts) -> ApiResult<Zone> {
    let mut headers = RequestHeaders::default();
    if opts.hard_delete {
        headers = headers.hard_delete(true);
    }
    if opts.delete_shares {
        headers = headers.delete_shares(true);
    }
    client
        .request(&DELETE, &[id])
        .headers(headers.header_map())
        .send()
        .await
}

/// The name servers of a zone.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let ns = ferrocloud::openstack::dns::v2::zones::nameservers(&dns, "a86dba58").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn nameservers(client: &ServiceClient, id: &str) -> ApiResult<Vec<Nameserver>> {
    client.request(&NAMESERVERS, &[id]).send().await
}

/// Finds a zone by ID, or by name when exactly one has it. A name without its final
/// `.` is read as fully qualified (`example.org` is `example.org.`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let zone = ferrocloud::openstack::dns::v2::zones::find(&dns, "example.org.").await?;
/// # Ok(()) }
/// ```
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Zone> {
    if name_or_id.is_empty() {
        return Err(Error::invalid_input("zone name or ID must not be empty"));
    }
    let fqdn = if name_or_id.ends_with('.') {
        name_or_id.to_string()
    } else {
        format!("{name_or_id}.")
    };
    let by_name = ListOpts {
        name: Some(fqdn.clone()),
        ..ListOpts::default()
    };
    crate::find::find(
        "zone",
        &fqdn,
        get(client, name_or_id),
        list(client, &by_name),
    )
    .await
}

fn state(z: &Zone) -> (&Status, &Action) {
    (&z.status, &z.action)
}

/// Waits until the zone has `status` (`ACTIVE`: the name servers serve it); `ERROR`
/// ends the wait with an error.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::{common::Status, zones};
/// let zone = zones::wait_for_status(&dns, "a86dba58", Status::Active, &Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn wait_for_status(
    client: &ServiceClient,
    id: &str,
    status: Status,
    opts: &crate::wait::WaitOpts,
) -> Result<Zone> {
    super::common::wait_for_status(
        &format!("zone {id}"),
        &status,
        opts,
        || async { get(client, id).await.extract() },
        state,
    )
    .await
}

/// Waits until the zone is gone (`404`); `ERROR` ends the wait with an error.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::zones;
/// zones::delete(&dns, "a86dba58").await.ok()?;
/// zones::wait_for_delete(&dns, "a86dba58", &Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn wait_for_delete(
    client: &ServiceClient,
    id: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<()> {
    super::common::wait_for_delete(
        &format!("zone {id}"),
        opts,
        || async { get(client, id).await.extract() },
        state,
    )
    .await
}
