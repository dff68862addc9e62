//! What Designate's resources share: the `links` object of every record, the status and
//! action of zones, recordsets and PTR records, the status of asynchronous tasks, the
//! paging and sorting controls of listings, and the request headers that widen or change
//! the project a request acts for.
//!
//! ```
//! use ferrocloud::openstack::dns::v2::common::{Paging, RequestHeaders, SortDir};
//! let paging = Paging::default().limit(20).sort("name", SortDir::Asc);
//! let pairs = ferrocloud::query::to_pairs(&paging).unwrap();
//! assert_eq!(ferrocloud::query::encode(&pairs), "limit=20&sort_key=name&sort_dir=asc");
//! let headers = RequestHeaders::default().all_projects(true).header_map().unwrap();
//! assert_eq!(headers["x-auth-all-projects"], "true");
//! ```

use crate::de::text_enum;
use std::collections::BTreeMap;

use http::HeaderMap;
use http::header::{HeaderName, HeaderValue};
use serde::{Deserialize, Serialize};

pub use crate::openstack::blockstorage::v3::common::SortDir;
use crate::{Error, Result, ServiceClient};

/// The `links` object of a Designate record: its own URL (`self`), and the others some
/// records carry (`zone` for a share or a transfer accept, `export` for an export,
/// `href` for an import's zone).
///
/// ```
/// use ferrocloud::openstack::dns::v2::common::Links;
/// let l: Links = serde_json::from_str(r#"{"self": "http://dns/v2/zones/1", "zone": "http://dns/v2/zones/1"}"#).unwrap();
/// assert_eq!(l.self_link, "http://dns/v2/zones/1");
/// assert_eq!(l.others["zone"], "http://dns/v2/zones/1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Links {
    /// The record's own URL.
    #[serde(rename = "self")]
    pub self_link: String,
    /// The other links, by relation.
    #[serde(flatten)]
    pub others: BTreeMap<String, String>,
}

text_enum! {
    /// Where a zone, a recordset or a PTR record stands: `PENDING` while Designate
    /// pushes a change to its name servers, `ACTIVE` once they serve it, `ERROR` when
    /// they could not.
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::common::Status;
    /// let s: Status = serde_json::from_str("\"ACTIVE\"").unwrap();
    /// assert_eq!(s, Status::Active);
    /// assert_eq!(serde_json::from_str::<Status>("\"NEW\"").unwrap(), Status::Other("NEW".into()));
    /// ```
    Status {
        /// Served by the name servers.
        Active = "ACTIVE",
        /// A change is on its way to the name servers.
        Pending = "PENDING",
        /// The name servers could not be updated.
        Error = "ERROR",
        /// Deleted.
        Deleted = "DELETED",
        /// A zone whose last change succeeded (reported by the workers).
        Success = "SUCCESS",
        /// A zone the name servers do not have.
        NoZone = "NO_ZONE",
    }
}

text_enum! {
    /// The change a zone, recordset or PTR record is going through: `NONE` once nothing
    /// is under way.
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::common::Action;
    /// assert_eq!(serde_json::from_str::<Action>("\"NONE\"").unwrap(), Action::None);
    /// assert_eq!(Action::Delete.to_string(), "DELETE");
    /// ```
    Action {
        /// Being created.
        Create = "CREATE",
        /// Being changed.
        Update = "UPDATE",
        /// Being deleted.
        Delete = "DELETE",
        /// Nothing under way.
        None = "NONE",
    }
}

text_enum! {
    /// The status of an asynchronous task (a zone import or export, a transfer).
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::common::TaskStatus;
    /// assert_eq!(serde_json::from_str::<TaskStatus>("\"COMPLETE\"").unwrap(), TaskStatus::Complete);
    /// ```
    TaskStatus {
        /// Waiting or running.
        Pending = "PENDING",
        /// Done.
        Complete = "COMPLETE",
        /// Failed: the task's `message` says why.
        Error = "ERROR",
        /// Still open (a transfer request not yet accepted).
        Active = "ACTIVE",
    }
}

/// Paging and sorting of a Designate listing, flattened into each resource's
/// `ListOpts`. The pager follows Designate's `links.next` on its own; `limit` sets the
/// page size and `marker` starts after an ID.
///
/// ```
/// use ferrocloud::openstack::dns::v2::common::{Paging, SortDir};
/// let p = Paging::default().sort("created_at", SortDir::Desc).marker("a86dba58");
/// let pairs = ferrocloud::query::to_pairs(&p).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs),
///     "marker=a86dba58&sort_key=created_at&sort_dir=desc");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Paging {
    /// Items per page (Designate caps it at its `max_page_limit`, see
    /// [`crate::openstack::dns::v2::limits`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after the item with this ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The field to sort on (`name`, `created_at`, `id`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<String>,
    /// The sort direction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<SortDir>,
}

impl Paging {
    /// Sets the page size.
    ///
    /// ```
    /// let p = ferrocloud::openstack::dns::v2::common::Paging::default().limit(5);
    /// assert_eq!(p.limit, Some(5));
    /// ```
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Starts after the item with this ID.
    ///
    /// ```
    /// let p = ferrocloud::openstack::dns::v2::common::Paging::default().marker("x");
    /// assert_eq!(p.marker.as_deref(), Some("x"));
    /// ```
    pub fn marker(mut self, id: impl Into<String>) -> Self {
        self.marker = Some(id.into());
        self
    }

    /// Sorts on `key` in direction `dir` (Designate takes one sort key).
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::common::{Paging, SortDir};
    /// let p = Paging::default().sort("name", SortDir::Asc);
    /// assert_eq!(p.sort_key.as_deref(), Some("name"));
    /// ```
    pub fn sort(mut self, key: impl Into<String>, dir: SortDir) -> Self {
        self.sort_key = Some(key.into());
        self.sort_dir = Some(dir);
        self
    }
}

/// Designate's request headers, as typed options. [`RequestHeaders::apply`] gives a
/// client that sends them with every request (keep it for one call or for many):
///
/// - `x-auth-all-projects`: act on the records of every project (admins);
/// - `x-auth-sudo-project-id`: act as another project (admins);
/// - `x-designate-edit-managed-records`: allow changing the records Designate manages
///   itself (the zone's `SOA` and `NS`, PTR records of floating IPs);
/// - `x-designate-hard-delete`: delete a zone from the database and the name servers
///   at once, even when its back end cannot be reached;
/// - `x-designate-delete-shares`: delete a zone that is shared with other projects,
///   with its shares.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::{common::RequestHeaders, zones};
/// let admin = RequestHeaders::default().all_projects(true).apply(&dns)?;
/// let all = zones::list(&admin, &Default::default()).all_pages().await?;
/// let as_other = RequestHeaders::default().sudo_project_id("5e3e2bb6").apply(&dns)?;
/// zones::get(&as_other, "a86dba58").await.extract()?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestHeaders {
    /// `x-auth-all-projects`.
    pub all_projects: Option<bool>,
    /// `x-auth-sudo-project-id`.
    pub sudo_project_id: Option<String>,
    /// `x-designate-edit-managed-records`.
    pub edit_managed_records: Option<bool>,
    /// `x-designate-hard-delete`.
    pub hard_delete: Option<bool>,
    /// `x-designate-delete-shares`.
    pub delete_shares: Option<bool>,
}

impl RequestHeaders {
    /// Sets `x-auth-all-projects`.
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::common::RequestHeaders;
    /// assert_eq!(RequestHeaders::default().all_projects(true).all_projects, Some(true));
    /// ```
    pub fn all_projects(mut self, all: bool) -> Self {
        self.all_projects = Some(all);
        self
    }

    /// Sets `x-auth-sudo-project-id`.
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::common::RequestHeaders;
    /// let h = RequestHeaders::default().sudo_project_id("p1");
    /// assert_eq!(h.sudo_project_id.as_deref(), Some("p1"));
    /// ```
    pub fn sudo_project_id(mut self, project_id: impl Into<String>) -> Self {
        self.sudo_project_id = Some(project_id.into());
        self
    }

    /// Sets `x-designate-edit-managed-records`.
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::common::RequestHeaders;
    /// let h = RequestHeaders::default().edit_managed_records(true);
    /// assert_eq!(h.header_map().unwrap()["x-designate-edit-managed-records"], "true");
    /// ```
    pub fn edit_managed_records(mut self, allow: bool) -> Self {
        self.edit_managed_records = Some(allow);
        self
    }

    /// Sets `x-designate-hard-delete`.
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::common::RequestHeaders;
    /// assert_eq!(RequestHeaders::default().hard_delete(true).hard_delete, Some(true));
    /// ```
    pub fn hard_delete(mut self, hard: bool) -> Self {
        self.hard_delete = Some(hard);
        self
    }

    /// Sets `x-designate-delete-shares`.
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::common::RequestHeaders;
    /// assert_eq!(RequestHeaders::default().delete_shares(true).delete_shares, Some(true));
    /// ```
    pub fn delete_shares(mut self, with_shares: bool) -> Self {
        self.delete_shares = Some(with_shares);
        self
    }

    /// The headers, as they are sent. An empty project ID, or one that cannot be a
    /// header value, is refused.
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::common::RequestHeaders;
    /// let h = RequestHeaders::default().sudo_project_id("p1").hard_delete(false);
    /// let map = h.header_map().unwrap();
    /// assert_eq!(map["x-auth-sudo-project-id"], "p1");
    /// assert_eq!(map["x-designate-hard-delete"], "false");
    /// assert!(RequestHeaders::default().sudo_project_id("").header_map().is_err());
    /// ```
    pub fn header_map(&self) -> Result<HeaderMap> {
        let mut map = HeaderMap::new();
        let flags = [
            ("x-auth-all-projects", self.all_projects),
            (
                "x-designate-edit-managed-records",
                self.edit_managed_records,
            ),
            ("x-designate-hard-delete", self.hard_delete),
            ("x-designate-delete-shares", self.delete_shares),
        ];
        for (name, flag) in flags {
            if let Some(flag) = flag {
                let value = if flag { "true" } else { "false" };
                map.insert(
                    HeaderName::from_static(name),
                    HeaderValue::from_static(value),
                );
            }
        }
        if let Some(project) = &self.sudo_project_id {
            let value = HeaderValue::from_str(project)
                .ok()
                .filter(|_| !project.trim().is_empty())
                .ok_or_else(|| {
                    Error::invalid_input(
                        "x-auth-sudo-project-id needs a project ID that fits in a header",
                    )
                })?;
            map.insert(HeaderName::from_static("x-auth-sudo-project-id"), value);
        }
        Ok(map)
    }

    /// A copy of `client` that sends these headers with every request.
    ///
    /// ```
    /// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
    /// let dns = ferrocloud::ServiceClient::new(p, "dns", "http://dns:9001", Some("v2")).unwrap();
    /// use ferrocloud::openstack::dns::v2::common::RequestHeaders;
    /// let admin = RequestHeaders::default().all_projects(true).apply(&dns).unwrap();
    /// assert_eq!(admin.extra_headers()["x-auth-all-projects"], "true");
    /// assert!(dns.extra_headers().is_empty());
    /// ```
    pub fn apply(&self, client: &ServiceClient) -> Result<ServiceClient> {
        let mut out = client.clone();
        for (name, value) in &self.header_map()? {
            let value = value
                .to_str()
                .map_err(|_| Error::invalid_input(format!("bad value for header {name}")))?;
            out = out.with_header(name.as_str(), value)?;
        }
        Ok(out)
    }
}

/// Waits until a zone or recordset read by `get` has `status`; `ERROR` ends the wait
/// with an error naming the record, its status and its action.
pub(crate) async fn wait_for_status<T, F, Fut>(
    what: &str,
    status: &Status,
    opts: &crate::wait::WaitOpts,
    get: F,
    state: fn(&T) -> (&Status, &Action),
) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("{what} to be {status}"),
        opts,
        get,
        |x: &T| {
            let (s, a) = state(x);
            if s == status {
                State::Ready
            } else if *s == Status::Error {
                State::Failed(format!(
                    "{what} is ERROR (action {a}): the name servers did not take the change"
                ))
            } else {
                State::Pending
            }
        },
        |_| {},
    )
    .await
}

/// Waits until a zone or recordset read by `get` is gone (`404`); `ERROR` ends the
/// wait.
pub(crate) async fn wait_for_delete<T, F, Fut>(
    what: &str,
    opts: &crate::wait::WaitOpts,
    mut get: F,
    state: fn(&T) -> (&Status, &Action),
) -> Result<()>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("{what} to be deleted"),
        opts,
        || {
            let f = get();
            async move {
                match f.await {
                    Ok(x) => Ok(Some(x)),
                    Err(e) if e.is_not_found() => Ok(None),
                    Err(e) => Err(e),
                }
            }
        },
        |x: &Option<T>| match x {
            None => State::Ready,
            Some(x) => match state(x) {
                (Status::Error, a) => State::Failed(format!(
                    "{what} is ERROR (action {a}): the name servers did not take the deletion"
                )),
                _ => State::Pending,
            },
        },
        |_| {},
    )
    .await
    .map(|_| ())
}
