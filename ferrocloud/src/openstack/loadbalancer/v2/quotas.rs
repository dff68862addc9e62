//! Quotas per project: how many load balancers, listeners, pools, members, health
//! monitors, L7 policies and rules a project may have (`-1`: no limit; `None`: the
//! default). Reading others' quotas and changing them is for admins.
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::quotas::{self, UpdateOpts};
//! let q = quotas::get(&lb, "e3cd678b").await.extract()?;
//! let opts = UpdateOpts { loadbalancer: Some(10), ..Default::default() };
//! quotas::update(&lb, "e3cd678b", &opts).await.extract()?;
//! quotas::reset(&lb, "e3cd678b").await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::ServiceClient;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "load-balancer";
    /// List the projects' quotas.
    LIST = GET "/lbaas/quotas" list("quotas", Quota);
    /// Show the default quotas.
    DEFAULTS = GET "/lbaas/quotas/defaults" response("quota", Quota);
    /// Show a project's quotas.
    GET = GET "/lbaas/quotas/{project_id}" response("quota", Quota);
    /// Update a project's quotas.
    UPDATE = PUT "/lbaas/quotas/{project_id}" request("quota", UpdateOpts) response("quota", Quota);
    /// Reset a project's quotas to the defaults.
    RESET = DELETE "/lbaas/quotas/{project_id}";
}

/// The quotas of a project (`-1`: no limit; `None`: the default applies).
///
/// Octavia writes the load balancer and health monitor quotas `load_balancer` and
/// `health_monitor` when it shows, updates or gives the defaults, and both those and
/// `loadbalancer`/`healthmonitor` in listings (its API reference writes only the
/// latter); either spelling is read.
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::quotas::Quota;
/// let shown: Quota = serde_json::from_str(r#"{"load_balancer": 7, "listener": -1,
///     "member": -1, "pool": -1, "health_monitor": null, "l7policy": -1, "l7rule": -1}"#).unwrap();
/// assert_eq!((shown.loadbalancer, shown.healthmonitor), (Some(7), None));
/// let listed: Quota = serde_json::from_str(r#"{"project_id": "p", "loadbalancer": 7,
///     "load_balancer": 7, "listener": null, "member": null, "pool": null,
///     "healthmonitor": 3, "health_monitor": 3, "l7policy": null, "l7rule": null}"#).unwrap();
/// assert_eq!((listed.loadbalancer, listed.healthmonitor), (Some(7), Some(3)));
/// assert!(serde_json::from_str::<Quota>(r#"{"listener": -1, "member": -1, "pool": -1,
///     "healthmonitor": -1, "l7policy": -1, "l7rule": -1}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawQuota")]
#[non_exhaustive]
pub struct Quota {
    /// The project (in listings).
    pub project_id: Option<String>,
    /// Load balancers.
    pub loadbalancer: Option<i64>,
    /// Listeners.
    pub listener: Option<i64>,
    /// Members.
    pub member: Option<i64>,
    /// Pools.
    pub pool: Option<i64>,
    /// Health monitors.
    pub healthmonitor: Option<i64>,
    /// L7 policies.
    pub l7policy: Option<i64>,
    /// L7 rules.
    pub l7rule: Option<i64>,
}

/// A quota as Octavia sends it, with both spellings of two fields.
#[derive(Deserialize)]
struct RawQuota {
    #[serde(default)]
    project_id: Option<String>,
    #[serde(default, deserialize_with = "crate::de::double_option")]
    loadbalancer: Option<Option<i64>>,
    #[serde(default, deserialize_with = "crate::de::double_option")]
    load_balancer: Option<Option<i64>>,
    #[serde(deserialize_with = "crate::de::nullable")]
    listener: Option<i64>,
    #[serde(deserialize_with = "crate::de::nullable")]
    member: Option<i64>,
    #[serde(deserialize_with = "crate::de::nullable")]
    pool: Option<i64>,
    #[serde(default, deserialize_with = "crate::de::double_option")]
    healthmonitor: Option<Option<i64>>,
    #[serde(default, deserialize_with = "crate::de::double_option")]
    health_monitor: Option<Option<i64>>,
    #[serde(deserialize_with = "crate::de::nullable")]
    l7policy: Option<i64>,
    #[serde(deserialize_with = "crate::de::nullable")]
    l7rule: Option<i64>,
}

/// The value of a field Octavia spells two ways: either one, which must be there.
fn either(name: &str, a: Option<Option<i64>>, b: Option<Option<i64>>) -> Result<Option<i64>, String> {
    a.or(b).ok_or_else(|| format!("missing field `{name}`"))
}

impl TryFrom<RawQuota> for Quota {
    type Error = String;

    fn try_from(q: RawQuota) -> Result<Self, String> {
        Ok(Quota {
            project_id: q.project_id,
            loadbalancer: either("loadbalancer", q.loadbalancer, q.load_balancer)?,
            listener: q.listener,
            member: q.member,
            pool: q.pool,
            healthmonitor: either("healthmonitor", q.healthmonitor, q.health_monitor)?,
            l7policy: q.l7policy,
            l7rule: q.l7rule,
        })
    }
}

/// What [`list`] filters on, besides the [`ListControls`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// The quotas of this project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`update`] changes (`-1`: no limit).
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::quotas::UpdateOpts;
/// let opts = UpdateOpts { member: Some(50), pool: Some(-1), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"member": 50, "pool": -1}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// Load balancers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loadbalancer: Option<i64>,
    /// Listeners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listener: Option<i64>,
    /// Members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<i64>,
    /// Pools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool: Option<i64>,
    /// Health monitors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthmonitor: Option<i64>,
    /// L7 policies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub l7policy: Option<i64>,
    /// L7 rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub l7rule: Option<i64>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> crate::Result<()> {
        let values = [
            ("loadbalancer", self.loadbalancer),
            ("listener", self.listener),
            ("member", self.member),
            ("pool", self.pool),
            ("healthmonitor", self.healthmonitor),
            ("l7policy", self.l7policy),
            ("l7rule", self.l7rule),
        ];
        crate::request::at_least_one_of(&values.map(|(k, v)| (k, v.is_some())))?;
        match values.iter().find(|(_, v)| v.is_some_and(|n| n < -1)) {
            Some((k, _)) => Err(crate::Error::invalid_input(format!(
                "quota {k} must be -1 (no limit) or more"
            ))),
            None => Ok(()),
        }
    }
}

/// Lists the projects' quotas (admins see every project's).
///
/// ```no_run
/// # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::loadbalancer::v2::quotas;
/// let all = quotas::extract_quotas(&quotas::list(&lb, &Default::default()).all_pages().await?)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Quota> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::LinksKeepQuery("quotas_links"))
}

crate::operation::extract_fn! {
    /// The quotas of a page of [`list`].
    extract_quotas, Quota
}

/// The default quotas.
///
/// ```no_run
/// # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let d = ferrocloud::openstack::loadbalancer::v2::quotas::defaults(&lb).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn defaults(client: &ServiceClient) -> ApiResult<Quota> {
    client.request(&DEFAULTS, &[]).send().await
}

/// A project's quotas.
///
/// ```no_run
/// # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let q = ferrocloud::openstack::loadbalancer::v2::quotas::get(&lb, "e3cd678b").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, project_id: &str) -> ApiResult<Quota> {
    client.request(&GET, &[project_id]).send().await
}

/// Changes a project's quotas (admins; Octavia answers `202`).
///
/// ```no_run
/// # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::loadbalancer::v2::quotas::{self, UpdateOpts};
/// quotas::update(&lb, "e3cd678b", &UpdateOpts { pool: Some(-1), ..Default::default() }).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn update(client: &ServiceClient, project_id: &str, opts: &UpdateOpts) -> ApiResult<Quota> {
    client.request(&UPDATE, &[project_id]).body(opts).send().await
}

/// Resets a project's quotas to the defaults (admins; Octavia answers `202`, its API
/// reference says `204`).
///
/// ```no_run
/// # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::loadbalancer::v2::quotas::reset(&lb, "e3cd678b").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn reset(client: &ServiceClient, project_id: &str) -> ApiResult<()> {
    client.request(&RESET, &[project_id]).send().await
}
