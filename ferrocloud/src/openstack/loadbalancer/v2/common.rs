//! What Octavia's resources share: the provisioning and operating statuses, protocols,
//! the `{"id": …}` references between objects, the paging, sorting, field and tag
//! controls of every listing, the waiters of provisioned objects, and the `409` Octavia
//! answers while a load balancer is busy.
//!
//! ```
//! use ferrocloud::openstack::loadbalancer::v2::common::{ListControls, SortDir};
//! let controls = ListControls::default()
//!     .limit(50)
//!     .sort("name", SortDir::Asc)
//!     .tags(["web", "prod"])
//!     .not_tags_any(["old"]);
//! let pairs = ferrocloud::query::to_pairs(&controls).unwrap();
//! assert_eq!(ferrocloud::query::encode(&pairs),
//!     "limit=50&sort=name%3Aasc&tags=web%2Cprod&not-tags-any=old");
//! ```

use serde::{Deserialize, Serialize, Serializer};

pub use crate::query::SortDir;
use crate::wait::{State, WaitOpts};
use crate::{Error, Result};

use crate::de::text_enum;

text_enum! {
    /// Where the provisioning of an object stands: `PENDING_*` while the provider applies
    /// a change, then `ACTIVE`, or `ERROR` when it could not.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::common::ProvisioningStatus;
    /// let s: ProvisioningStatus = serde_json::from_str("\"PENDING_UPDATE\"").unwrap();
    /// assert_eq!(s, ProvisioningStatus::PendingUpdate);
    /// assert!(s.is_pending());
    /// let new: ProvisioningStatus = serde_json::from_str("\"FROZEN\"").unwrap();
    /// assert_eq!(new, ProvisioningStatus::Other("FROZEN".into()));
    /// ```
    ProvisioningStatus {
        /// Provisioned.
        Active = "ACTIVE",
        /// Deleted.
        Deleted = "DELETED",
        /// The provider failed to apply the last change.
        Error = "ERROR",
        /// Being created.
        PendingCreate = "PENDING_CREATE",
        /// Being changed.
        PendingUpdate = "PENDING_UPDATE",
        /// Being deleted.
        PendingDelete = "PENDING_DELETE",
    }
}

impl ProvisioningStatus {
    /// True for `PENDING_CREATE`, `PENDING_UPDATE` and `PENDING_DELETE` (and any other
    /// `PENDING_` status): the object, and its load balancer, refuse changes meanwhile.
    pub fn is_pending(&self) -> bool {
        self.as_str().starts_with("PENDING_")
    }
}

text_enum! {
    /// How an object is doing, as the health manager sees it.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::common::OperatingStatus;
    /// assert_eq!(serde_json::from_str::<OperatingStatus>("\"NO_MONITOR\"").unwrap(),
    ///     OperatingStatus::NoMonitor);
    /// ```
    OperatingStatus {
        /// Working.
        Online = "ONLINE",
        /// Administratively down, or not yet in service.
        Offline = "OFFLINE",
        /// Some of its members or children are in error.
        Degraded = "DEGRADED",
        /// Failed its health checks.
        Error = "ERROR",
        /// A member taking no new connections (weight 0).
        Draining = "DRAINING",
        /// A member of a pool without a health monitor.
        NoMonitor = "NO_MONITOR",
    }
}

text_enum! {
    /// The protocol of a listener or a pool. Listeners take `HTTP`, `HTTPS`, `TCP`,
    /// `UDP`, `SCTP`, `TERMINATED_HTTPS` and `PROMETHEUS`; pools take `HTTP`, `HTTPS`,
    /// `PROXY`, `PROXYV2`, `TCP`, `UDP` and `SCTP`.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::common::Protocol;
    /// assert_eq!(serde_json::to_string(&Protocol::TerminatedHttps).unwrap(), "\"TERMINATED_HTTPS\"");
    /// ```
    Protocol {
        /// HTTP.
        Http = "HTTP",
        /// HTTPS, passed through (TLS is not terminated).
        Https = "HTTPS",
        /// TCP.
        Tcp = "TCP",
        /// UDP.
        Udp = "UDP",
        /// SCTP.
        Sctp = "SCTP",
        /// HTTPS terminated by the load balancer (a listener with certificates).
        TerminatedHttps = "TERMINATED_HTTPS",
        /// A Prometheus metrics endpoint of the load balancer (a listener; API 2.25).
        Prometheus = "PROMETHEUS",
        /// TCP with the PROXY protocol header (a pool).
        Proxy = "PROXY",
        /// TCP with the PROXY protocol v2 header (a pool; API 2.22).
        ProxyV2 = "PROXYV2",
    }
}

/// A reference to another object (`{"id": "…"}`): a load balancer's listeners and
/// pools, a listener's load balancers and L7 policies…
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[non_exhaustive]
pub struct IdRef {
    /// The object's ID.
    pub id: String,
}

/// The statistics of a load balancer or a listener.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Stats {
    /// Connections open now.
    pub active_connections: u64,
    /// Bytes received.
    pub bytes_in: u64,
    /// Bytes sent.
    pub bytes_out: u64,
    /// Requests that failed.
    pub request_errors: u64,
    /// Connections handled in all.
    pub total_connections: u64,
}

/// Paging, sorting, field selection and tag filters of an Octavia listing, flattened
/// into each resource's `ListOpts` as its `controls` field.
///
/// The pager follows `<resources>_links` on its own; Octavia writes only `limit`,
/// `sort`/`sort_key` and `marker` in those links, so the pager adds the other
/// parameters of the first request back (filters, `fields`, tags).
///
/// `fields` limits the fields Octavia sends: the SDK's types need the fields they
/// require, so read a listing with `fields` page by page
/// ([`Pager::pages`](crate::pagination::Pager::pages), which leaves the items undecoded)
/// through your own type ([`Page::extract_into`](crate::pagination::Page)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListControls {
    /// The page size (Octavia caps it at its `pagination_max_limit`, 1000 by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after the object with this ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Page backwards from `marker`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_reverse: Option<bool>,
    /// Sort keys with directions, most significant first (`sort=key:dir,key:dir`).
    #[serde(serialize_with = "sort_param", skip_serializing_if = "Vec::is_empty")]
    pub sort: Vec<(String, SortDir)>,
    /// Only these fields in each object, the key repeated (`fields=id&fields=name`:
    /// Octavia reads `fields=id,name` as one unknown field and sends empty objects).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Objects that have all these tags.
    #[serde(
        serialize_with = "crate::query::comma",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<String>,
    /// Objects that have at least one of these tags.
    #[serde(
        rename = "tags-any",
        serialize_with = "crate::query::comma",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags_any: Vec<String>,
    /// Objects that do not have all of these tags.
    #[serde(
        rename = "not-tags",
        serialize_with = "crate::query::comma",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub not_tags: Vec<String>,
    /// Objects that have none of these tags.
    #[serde(
        rename = "not-tags-any",
        serialize_with = "crate::query::comma",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub not_tags_any: Vec<String>,
}

fn sort_param<S: Serializer>(keys: &[(String, SortDir)], s: S) -> Result<S::Ok, S::Error> {
    let text: Vec<String> = keys
        .iter()
        .map(|(k, d)| format!("{k}:{}", d.as_str()))
        .collect();
    s.serialize_str(&text.join(","))
}

fn strings<S: Into<String>>(items: impl IntoIterator<Item = S>) -> Vec<String> {
    items.into_iter().map(Into::into).collect()
}

impl ListControls {
    /// Sets the page size.
    ///
    /// ```
    /// let c = ferrocloud::openstack::loadbalancer::v2::common::ListControls::default().limit(5);
    /// assert_eq!(c.limit, Some(5));
    /// ```
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Starts after the object with this ID.
    ///
    /// ```
    /// let c = ferrocloud::openstack::loadbalancer::v2::common::ListControls::default().marker("x");
    /// assert_eq!(c.marker.as_deref(), Some("x"));
    /// ```
    pub fn marker(mut self, id: impl Into<String>) -> Self {
        self.marker = Some(id.into());
        self
    }

    /// Adds a sort key (keys added first sort first).
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::common::{ListControls, SortDir};
    /// let c = ListControls::default().sort("name", SortDir::Asc).sort("id", SortDir::Desc);
    /// let pairs = ferrocloud::query::to_pairs(&c).unwrap();
    /// assert_eq!(pairs, [("sort".to_string(), "name:asc,id:desc".to_string())]);
    /// ```
    pub fn sort(mut self, key: impl Into<String>, dir: SortDir) -> Self {
        self.sort.push((key.into(), dir));
        self
    }

    /// Asks for these fields only.
    ///
    /// ```
    /// let c = ferrocloud::openstack::loadbalancer::v2::common::ListControls::default().fields(["id", "name"]);
    /// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&c).unwrap()),
    ///     "fields=id&fields=name");
    /// ```
    pub fn fields<S: Into<String>>(mut self, fields: impl IntoIterator<Item = S>) -> Self {
        self.fields = strings(fields);
        self
    }

    /// Objects that have all these tags.
    ///
    /// ```
    /// let c = ferrocloud::openstack::loadbalancer::v2::common::ListControls::default().tags(["a"]);
    /// assert_eq!(c.tags, ["a"]);
    /// ```
    pub fn tags<S: Into<String>>(mut self, tags: impl IntoIterator<Item = S>) -> Self {
        self.tags = strings(tags);
        self
    }

    /// Objects that have at least one of these tags.
    ///
    /// ```
    /// let c = ferrocloud::openstack::loadbalancer::v2::common::ListControls::default().tags_any(["a", "b"]);
    /// assert_eq!(ferrocloud::query::to_pairs(&c).unwrap()[0], ("tags-any".into(), "a,b".into()));
    /// ```
    pub fn tags_any<S: Into<String>>(mut self, tags: impl IntoIterator<Item = S>) -> Self {
        self.tags_any = strings(tags);
        self
    }

    /// Objects that do not have all of these tags.
    ///
    /// ```
    /// let c = ferrocloud::openstack::loadbalancer::v2::common::ListControls::default().not_tags(["a"]);
    /// assert_eq!(ferrocloud::query::to_pairs(&c).unwrap()[0], ("not-tags".into(), "a".into()));
    /// ```
    pub fn not_tags<S: Into<String>>(mut self, tags: impl IntoIterator<Item = S>) -> Self {
        self.not_tags = strings(tags);
        self
    }

    /// Objects that have none of these tags.
    ///
    /// ```
    /// let c = ferrocloud::openstack::loadbalancer::v2::common::ListControls::default().not_tags_any(["a"]);
    /// assert_eq!(c.not_tags_any, ["a"]);
    /// ```
    pub fn not_tags_any<S: Into<String>>(mut self, tags: impl IntoIterator<Item = S>) -> Self {
        self.not_tags_any = strings(tags);
        self
    }
}

/// True for the `409` Octavia answers when an object's load balancer is busy
/// (`PENDING_CREATE`, `PENDING_UPDATE`, `PENDING_DELETE`): "Load Balancer … is immutable
/// and cannot be updated." for a change to one of its objects, "Invalid state
/// PENDING_UPDATE of loadbalancer resource …" for a change to the load balancer itself
/// (seen on Octavia 18). Wait for the load balancer to be `ACTIVE`
/// ([`crate::openstack::loadbalancer::v2::loadbalancers::wait_for_status`]) and try
/// again.
///
/// ```
/// use ferrocloud::Error;
/// use ferrocloud::openstack::loadbalancer::v2::common::is_immutable_conflict;
/// use http::{HeaderMap, Method, StatusCode};
/// let body = br#"{"faultcode": "Client", "faultstring": "Load Balancer 8a562351 is immutable and cannot be updated.", "debuginfo": null}"#;
/// let e = Error::from_response(&Method::PUT, "http://lb/v2/lbaas/listeners/x",
///     StatusCode::CONFLICT, &HeaderMap::new(), body);
/// assert!(is_immutable_conflict(&e));
/// let own = br#"{"faultcode": "Client", "faultstring": "Invalid state PENDING_UPDATE of loadbalancer resource 8a562351", "debuginfo": null}"#;
/// let e = Error::from_response(&Method::PUT, "http://lb/v2/lbaas/loadbalancers/8a562351",
///     StatusCode::CONFLICT, &HeaderMap::new(), own);
/// assert!(is_immutable_conflict(&e));
/// let other = br#"{"faultcode": "Client", "faultstring": "Duplicate listener port.", "debuginfo": null}"#;
/// let e = Error::from_response(&Method::POST, "http://lb/v2/lbaas/listeners",
///     StatusCode::CONFLICT, &HeaderMap::new(), other);
/// assert!(!is_immutable_conflict(&e));
/// ```
pub fn is_immutable_conflict(e: &Error) -> bool {
    let message = e.service_message();
    e.is_conflict()
        && (message.contains("is immutable") || message.contains("Invalid state PENDING_"))
}

/// An object whose changes Octavia provisions asynchronously.
pub trait Provisioned {
    /// Its provisioning status.
    fn provisioning_status(&self) -> &ProvisioningStatus;
    /// Its operating status.
    fn operating_status(&self) -> &OperatingStatus;
}

/// Implements [`Provisioned`] for types with `provisioning_status` and
/// `operating_status` fields.
macro_rules! provisioned {
    ($($item:ty),+) => {
        $(impl $crate::openstack::loadbalancer::v2::common::Provisioned for $item {
            fn provisioning_status(&self) -> &$crate::openstack::loadbalancer::v2::common::ProvisioningStatus {
                &self.provisioning_status
            }
            fn operating_status(&self) -> &$crate::openstack::loadbalancer::v2::common::OperatingStatus {
                &self.operating_status
            }
        })+
    };
}
pub(crate) use provisioned;

/// Waits until the object read by `get` is `ACTIVE`; `ERROR` ends the wait with an
/// error naming both statuses.
pub(crate) async fn wait_active<T, F, Fut>(what: &str, opts: &WaitOpts, get: F) -> Result<T>
where
    T: Provisioned,
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    crate::wait::wait_for(
        &format!("{what} to be ACTIVE"),
        opts,
        get,
        |x: &T| match x.provisioning_status() {
            ProvisioningStatus::Active => State::Ready,
            ProvisioningStatus::Error => State::Failed(format!(
                "{what} is ERROR (operating status {}): the provider could not apply the change",
                x.operating_status()
            )),
            ProvisioningStatus::Deleted => State::Failed(format!("{what} is DELETED")),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}

/// Waits until the object read by `get` is gone (`404`, or `DELETED`); `ERROR` ends the
/// wait.
pub(crate) async fn wait_gone<T, F, Fut>(what: &str, opts: &WaitOpts, mut get: F) -> Result<()>
where
    T: Provisioned,
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
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
        |x: &Option<T>| match x.as_ref().map(Provisioned::provisioning_status) {
            None | Some(ProvisioningStatus::Deleted) => State::Ready,
            Some(ProvisioningStatus::Error) => {
                State::Failed(format!("{what} is ERROR: the provider could not delete it"))
            }
            Some(_) => State::Pending,
        },
        |_| {},
    )
    .await
    .map(|_| ())
}

/// The functions of an Octavia resource, declared once; the module names the ones it
/// has after the `;`. A resource under a parent (members under a pool, rules under an
/// L7 policy) names the parent's ID parameter in brackets (`[pool_id]`); its functions
/// take that ID first.
///
/// - `list`: follows the links under `$links` (`loadbalancers_links`) keeping the
///   query, with `ListOpts`, and `$extract`;
/// - `get`, `create` (`CreateOpts`), `update` (`UpdateOpts`), `delete`;
/// - `find`: by ID, or by name when exactly one has it (`ListOpts` has a `name`);
/// - `wait`: `wait_for_status` (until `ACTIVE`) and `wait_for_delete`.
///
/// ```ignore
/// lb_functions! {
///     Member, "member", "members_links", extract_members, [pool_id];
///     list get create update delete find wait
/// }
/// ```
macro_rules! lb_functions {
    ($item:ty, $noun:literal, $plural:literal, $extract:ident, $parent:tt; $($f:ident)+) => {
        $(
            $crate::openstack::loadbalancer::v2::common::lb_functions! {
                @$f $item, $noun, $plural, $extract, $parent
            }
        )+
    };
    (@list $item:ty, $noun:literal, $plural:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Lists every ", $noun, ", following `", $plural, "` with the filters kept.")]
        pub fn list(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            opts: &ListOpts,
        ) -> $crate::pagination::Pager<$item> {
            client
                .request(&LIST, &[$($p)?])
                .query(opts)
                .paged($crate::pagination::PageStyle::LinksKeepQuery($plural))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("Each ", $noun, " of a page (or of all pages).")]
            $extract, $item
        }
    };
    (@get $item:ty, $noun:literal, $plural:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Shows a ", $noun, ".")]
        pub async fn get(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            id: &str,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[$($p,)? id]).send().await
        }
    };
    (@create $item:ty, $noun:literal, $plural:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Creates a ", $noun, " (`201`, or `202`; provisioned asynchronously).")]
        pub async fn create(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            opts: &CreateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&CREATE, &[$($p)?]).body(opts).send().await
        }
    };
    (@update $item:ty, $noun:literal, $plural:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Updates a ", $noun, " (`200`, or `202`; provisioned asynchronously).")]
        pub async fn update(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            id: &str,
            opts: &UpdateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&UPDATE, &[$($p,)? id]).body(opts).send().await
        }
    };
    (@delete $item:ty, $noun:literal, $plural:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Deletes a ", $noun, " (`204`).")]
        pub async fn delete(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[$($p,)? id]).send().await
        }
    };
    (@find $item:ty, $noun:literal, $plural:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Finds a ", $noun, " by ID, or by name when exactly one has it.")]
        pub async fn find(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            name_or_id: &str,
        ) -> $crate::Result<$item> {
            let by_name = ListOpts {
                name: Some(name_or_id.to_string()),
                ..ListOpts::default()
            };
            $crate::find::find(
                $noun,
                name_or_id,
                get(client, $($p,)? name_or_id),
                list(client, $($p,)? &by_name),
            )
            .await
        }
    };
    (@wait $item:ty, $noun:literal, $plural:literal, $extract:ident, [$($p:ident)?]) => {
        #[doc = concat!("Waits until the ", $noun, " is `ACTIVE`; `ERROR` ends the wait with an error.")]
        pub async fn wait_for_status(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            id: &str,
            opts: &$crate::wait::WaitOpts,
        ) -> $crate::Result<$item> {
            $crate::openstack::loadbalancer::v2::common::wait_active(
                &format!(concat!($noun, " {}"), id),
                opts,
                || async { get(client, $($p,)? id).await.extract() },
            )
            .await
        }

        #[doc = concat!("Waits until the ", $noun, " is gone (`404`); `ERROR` ends the wait with an error.")]
        pub async fn wait_for_delete(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            id: &str,
            opts: &$crate::wait::WaitOpts,
        ) -> $crate::Result<()> {
            $crate::openstack::loadbalancer::v2::common::wait_gone(
                &format!(concat!($noun, " {}"), id),
                opts,
                || async { get(client, $($p,)? id).await.extract() },
            )
            .await
        }
    };
}
pub(crate) use lb_functions;

/// Implements [`Named`](crate::find::Named) for types with `id` and `name` fields.
macro_rules! named {
    ($($item:ty),+) => {
        $(impl $crate::find::Named for $item {
            fn id(&self) -> &str {
                &self.id
            }
            fn name(&self) -> &str {
                &self.name
            }
        })+
    };
}
pub(crate) use named;
