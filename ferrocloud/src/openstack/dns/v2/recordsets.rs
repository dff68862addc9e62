//! Recordsets: the records of one name and type in a zone (`www.example.org.` `A`,
//! with its addresses). Like zones, every change is asynchronous: a recordset is
//! `PENDING` until the name servers have it, then `ACTIVE` (or `ERROR`). Recordsets are
//! listed per zone ([`list`](crate::openstack::dns::v2::recordsets::list)) or across the project's zones ([`list_all`](crate::openstack::dns::v2::recordsets::list_all)).
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::common::Status;
//! use ferrocloud::openstack::dns::v2::recordsets::{self, CreateOpts};
//! let opts = CreateOpts::new("www.example.org.", "A", ["192.0.2.10"]).ttl(300);
//! let rs = recordsets::create(&dns, "2150b1bf", &opts).await.extract()?;
//! recordsets::wait_for_status(&dns, "2150b1bf", &rs.id, Status::Active, &Default::default()).await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Action, Links, Paging, Status};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "dns";
    /// Create a recordset (`202`).
    CREATE = POST "/zones/{zone_id}/recordsets" request(CreateOpts) response(Recordset);
    /// List a zone's recordsets.
    LIST = GET "/zones/{zone_id}/recordsets" list("recordsets", Recordset);
    /// List the recordsets of every zone of the project.
    LIST_ALL = GET "/recordsets" list("recordsets", Recordset);
    /// Show a recordset.
    GET = GET "/zones/{zone_id}/recordsets/{recordset_id}" response(Recordset);
    /// Replace a recordset's records, TTL or description (`202`).
    UPDATE = PUT "/zones/{zone_id}/recordsets/{recordset_id}" request(UpdateOpts) response(Recordset);
    /// Delete a recordset (`202`, with the recordset being deleted).
    DELETE = DELETE "/zones/{zone_id}/recordsets/{recordset_id}" response(Recordset);
}

/// A recordset.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Recordset {
    /// The ID.
    pub id: String,
    /// The owning project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// The name, fully qualified.
    pub name: String,
    /// The record type (`A`, `AAAA`, `MX`, `SRV`…).
    #[serde(rename = "type")]
    pub record_type: String,
    /// The records' data (`10.1.0.2`, `10 mail1.example.org.`).
    pub records: Vec<String>,
    /// The TTL (`None`: the zone's).
    #[serde(default)]
    pub ttl: Option<u32>,
    /// Where it stands.
    pub status: Status,
    /// The change under way.
    pub action: Action,
    /// The zone.
    pub zone_id: String,
    /// The zone's name.
    pub zone_name: String,
    /// The description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its version, raised by every change.
    pub version: u64,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its own URL.
    pub links: Links,
}

crate::operation::extract_fn! {
    /// The recordsets of a page of [`list`] or [`list_all`].
    extract_recordsets, Recordset
}

/// What [`list`] and [`list_all`] filter on (`*` is a wildcard in `name`, `data` and
/// `description`).
///
/// ```
/// use ferrocloud::openstack::dns::v2::recordsets::ListOpts;
/// let opts = ListOpts { record_type: Some("A".into()), data: Some("10.1.*".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "type=A&data=10.1.*");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Recordsets of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Recordsets of this type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub record_type: Option<String>,
    /// Recordsets with this TTL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u32>,
    /// Recordsets holding a record with this data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// Recordsets in this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Recordsets with this description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Recordsets of this zone ([`list_all`] only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone_id: Option<String>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::dns::v2::recordsets::CreateOpts;
/// let opts = CreateOpts::new("example.org.", "A", ["10.1.0.2"]).ttl(3600)
///     .description("This is an example record set.");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "example.org.", "type": "A", "records": ["10.1.0.2"], "ttl": 3600,
///     "description": "This is an example record set."}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name, fully qualified, inside the zone.
    pub name: String,
    /// The record type.
    #[serde(rename = "type")]
    pub record_type: String,
    /// The records' data.
    pub records: Vec<String>,
    /// The TTL (the zone's when not set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u32>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateOpts {
    /// A recordset of `name` and `record_type` holding `records`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::recordsets::CreateOpts::new("mail.example.org.", "MX",
    ///     ["10 mail1.example.org.", "20 mail2.example.org."]);
    /// assert_eq!(o.records.len(), 2);
    /// ```
    pub fn new<S: Into<String>>(
        name: impl Into<String>,
        record_type: impl Into<String>,
        records: impl IntoIterator<Item = S>,
    ) -> Self {
        CreateOpts {
            name: name.into(),
            record_type: record_type.into(),
            records: records.into_iter().map(Into::into).collect(),
            ttl: None,
            description: None,
        }
    }

    /// Sets the TTL.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::recordsets::CreateOpts::new("a.org.", "A", ["192.0.2.1"]).ttl(60);
    /// assert_eq!(o.ttl, Some(60));
    /// ```
    pub fn ttl(mut self, ttl: u32) -> Self {
        self.ttl = Some(ttl);
        self
    }

    /// Sets the description.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::recordsets::CreateOpts::new("a.org.", "A", ["192.0.2.1"]).description("d");
    /// assert_eq!(o.description.as_deref(), Some("d"));
    /// ```
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.trim().is_empty())?;
        crate::request::require("type", !self.record_type.trim().is_empty())?;
        crate::request::require("records", !self.records.is_empty())
    }
}

/// What [`update`] changes. `ttl: Some(None)` sends `null`: the recordset takes the
/// zone's TTL again.
///
/// ```
/// use ferrocloud::openstack::dns::v2::recordsets::UpdateOpts;
/// let opts = UpdateOpts { records: Some(vec!["10.1.0.2".into(), "10.1.0.3".into()]),
///     ttl: Some(None), description: Some("Updated description".into()) };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "records": ["10.1.0.2", "10.1.0.3"], "ttl": null, "description": "Updated description"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new records (all of them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<Vec<String>>,
    /// A new TTL, or `Some(None)` for the zone's.
    #[serde(
        default,
        deserialize_with = "crate::de::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub ttl: Option<Option<u32>>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if let Some(records) = &self.records {
            crate::request::require("records (at least one)", !records.is_empty())?;
        }
        crate::request::at_least_one_of(&[
            ("records", self.records.is_some()),
            ("ttl", self.ttl.is_some()),
            ("description", self.description.is_some()),
        ])
    }
}

/// Creates a recordset in a zone (`202`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::recordsets::{self, CreateOpts};
/// let opts = CreateOpts::new("_http._tcp.example.org.", "SRV", ["10 0 5060 www.example.org."]);
/// let rs = recordsets::create(&dns, "f6b472ed", &opts).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(
    client: &ServiceClient,
    zone_id: &str,
    opts: &CreateOpts,
) -> ApiResult<Recordset> {
    client.request(&CREATE, &[zone_id]).body(opts).send().await
}

/// Lists a zone's recordsets, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::recordsets;
/// let page = recordsets::list(&dns, "2150b1bf", &Default::default()).all_pages().await?;
/// let all = recordsets::extract_recordsets(&page)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, zone_id: &str, opts: &ListOpts) -> Pager<Recordset> {
    client
        .request(&LIST, &[zone_id])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

/// Lists the recordsets of every zone of the project, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::recordsets::{self, ListOpts};
/// let opts = ListOpts { data: Some("192.0.2.10".into()), ..Default::default() };
/// let page = recordsets::list_all(&dns, &opts).all_pages().await?;
/// # Ok(()) }
/// ```
pub fn list_all(client: &ServiceClient, opts: &ListOpts) -> Pager<Recordset> {
    client
        .request(&LIST_ALL, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

/// Shows a recordset.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let rs = ferrocloud::openstack::dns::v2::recordsets::get(&dns, "2150b1bf", "f7b10e9b").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, zone_id: &str, id: &str) -> ApiResult<Recordset> {
    client.request(&GET, &[zone_id, id]).send().await
}

/// Changes a recordset (`202`). The zone's `SOA` and `NS` recordsets need
/// [`RequestHeaders::edit_managed_records`](crate::openstack::dns::v2::common::RequestHeaders::edit_managed_records).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::recordsets::{self, UpdateOpts};
/// let opts = UpdateOpts { records: Some(vec!["10.1.0.3".into()]), ..Default::default() };
/// recordsets::update(&dns, "2150b1bf", "f7b10e9b", &opts).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn update(
    client: &ServiceClient,
    zone_id: &str,
    id: &str,
    opts: &UpdateOpts,
) -> ApiResult<Recordset> {
    client.request(&UPDATE, &[zone_id, id]).body(opts).send().await
}

/// Deletes a recordset (`202`, with the recordset in `PENDING`/`DELETE`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::recordsets::delete(&dns, "2150b1bf", "f7b10e9b").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, zone_id: &str, id: &str) -> ApiResult<Recordset> {
    client.request(&DELETE, &[zone_id, id]).send().await
}

fn state(r: &Recordset) -> (&Status, &Action) {
    (&r.status, &r.action)
}

/// Waits until the recordset has `status` (`ACTIVE`: the name servers serve it);
/// `ERROR` ends the wait with an error.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::{common::Status, recordsets};
/// recordsets::wait_for_status(&dns, "2150b1bf", "f7b10e9b", Status::Active, &Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn wait_for_status(
    client: &ServiceClient,
    zone_id: &str,
    id: &str,
    status: Status,
    opts: &crate::wait::WaitOpts,
) -> Result<Recordset> {
    super::common::wait_for_status(
        &format!("recordset {id}"),
        &status,
        opts,
        || async { get(client, zone_id, id).await.extract() },
        state,
    )
    .await
}

/// Waits until the recordset is gone (`404`); `ERROR` ends the wait with an error.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::recordsets;
/// recordsets::wait_for_delete(&dns, "2150b1bf", "f7b10e9b", &Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn wait_for_delete(
    client: &ServiceClient,
    zone_id: &str,
    id: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<()> {
    super::common::wait_for_delete(
        &format!("recordset {id}"),
        opts,
        || async { get(client, zone_id, id).await.extract() },
        state,
    )
    .await
}
