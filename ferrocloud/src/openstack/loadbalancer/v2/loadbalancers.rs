//! Load balancers: a virtual IP (VIP) on a subnet, network or port, with listeners and
//! pools. A load balancer is created alone or with its whole tree in one call
//! ([`CreateOpts::listeners`](crate::openstack::loadbalancer::v2::loadbalancers::CreateOpts)
//! and `pools` take the typed create options of listeners, pools, members, health
//! monitors and L7 policies). It is `PENDING_CREATE` until the provider has built it;
//! [`wait_for_status`](crate::openstack::loadbalancer::v2::loadbalancers::wait_for_status)
//! waits for `ACTIVE`.
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::common::{Protocol, ListControls};
//! use ferrocloud::openstack::loadbalancer::v2::loadbalancers::{self, CreateOpts, DeleteOpts};
//! use ferrocloud::openstack::loadbalancer::v2::{listeners, members, pools};
//! use ferrocloud::openstack::loadbalancer::v2::pools::LbAlgorithm;
//! let pool = pools::CreateOpts {
//!     members: vec![members::CreateOpts::new("192.0.2.16", 80)],
//!     ..pools::CreateOpts::new(Protocol::Http, LbAlgorithm::RoundRobin)
//! };
//! let listener = listeners::CreateOpts {
//!     default_pool: Some(Box::new(pool)),
//!     ..listeners::CreateOpts::in_tree(Protocol::Http, 80)
//! };
//! let opts = CreateOpts {
//!     listeners: vec![listener],
//!     ..CreateOpts::on_subnet("d4af86e1-0051-488c-b7a0-527f97490c9a").name("web")
//! };
//! let lb_created = loadbalancers::create(&lb, &opts).await.extract()?;
//! let ready = loadbalancers::wait_for_status(&lb, &lb_created.id, &Default::default()).await?;
//! let tree = loadbalancers::status(&lb, &ready.id).await.extract()?;
//! loadbalancers::delete_with(&lb, &ready.id, &DeleteOpts { cascade: true }).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Deserializer, Serialize};

use super::common::{
    IdRef, ListControls, OperatingStatus, ProvisioningStatus, Stats, lb_functions, named,
    provisioned,
};
use super::{listeners, pools};
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "load-balancer";
    /// List load balancers.
    LIST = GET "/lbaas/loadbalancers" list("loadbalancers", LoadBalancer);
    /// Create a load balancer (alone or with a tree of listeners and pools).
    CREATE = POST "/lbaas/loadbalancers" request("loadbalancer", CreateOpts) response("loadbalancer", LoadBalancer);
    /// Show a load balancer.
    GET = GET "/lbaas/loadbalancers/{loadbalancer_id}" response("loadbalancer", LoadBalancer);
    /// Update a load balancer.
    UPDATE = PUT "/lbaas/loadbalancers/{loadbalancer_id}" request("loadbalancer", UpdateOpts) response("loadbalancer", LoadBalancer);
    /// Delete a load balancer (with `cascade`, its whole tree).
    DELETE = DELETE "/lbaas/loadbalancers/{loadbalancer_id}";
    /// Show a load balancer's statistics.
    STATS = GET "/lbaas/loadbalancers/{loadbalancer_id}/stats" response("stats", Stats);
    /// Show a load balancer's status tree.
    STATUS = GET "/lbaas/loadbalancers/{loadbalancer_id}/status" response("statuses", StatusTree);
    /// Fail a load balancer over to new amphorae (admins; `202`).
    FAILOVER = PUT "/lbaas/loadbalancers/{loadbalancer_id}/failover";
}

/// A load balancer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct LoadBalancer {
    /// The ID.
    pub id: String,
    /// The name (`""` when it has none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// The description (`""` when it has none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub description: String,
    /// Where its provisioning stands.
    pub provisioning_status: ProvisioningStatus,
    /// How it is doing.
    pub operating_status: OperatingStatus,
    /// Whether it is up administratively.
    pub admin_state_up: bool,
    /// The owning project.
    pub project_id: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// The VIP address.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub vip_address: Option<String>,
    /// The Neutron port of the VIP.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub vip_port_id: Option<String>,
    /// The subnet of the VIP.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub vip_subnet_id: Option<String>,
    /// The network of the VIP.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub vip_network_id: Option<String>,
    /// The QoS policy of the VIP port.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub vip_qos_policy_id: Option<String>,
    /// The security groups of the VIP port (API 2.29).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub vip_sg_ids: Vec<String>,
    /// The VNIC type of the VIP port (`normal`, `direct`; API 2.28).
    #[serde(default)]
    pub vip_vnic_type: Option<String>,
    /// More VIPs, on other subnets (API 2.26).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub additional_vips: Vec<AdditionalVip>,
    /// Its listeners (the IDs; the answer of a tree create holds more, read it with
    /// [`ApiResult::extract_into`](crate::request::ApiResult::extract_into)).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub listeners: Vec<IdRef>,
    /// Its pools (the IDs).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub pools: Vec<IdRef>,
    /// The provider (driver) that runs it.
    pub provider: String,
    /// Its flavor (`None` when it has none).
    #[serde(deserialize_with = "crate::de::empty_as_none")]
    pub flavor_id: Option<String>,
    /// Its availability zone (API 2.14).
    #[serde(default)]
    pub availability_zone: Option<String>,
    /// Tags (API 2.5).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
}

named!(LoadBalancer);
provisioned!(LoadBalancer);

/// A VIP of a load balancer besides its main one (API 2.26).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct AdditionalVip {
    /// Its subnet.
    pub subnet_id: String,
    /// Its address (chosen by Neutron when not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// Its Neutron port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
}

impl AdditionalVip {
    /// A VIP on `subnet_id`, its address chosen by Neutron.
    ///
    /// ```
    /// let v = ferrocloud::openstack::loadbalancer::v2::loadbalancers::AdditionalVip::on_subnet("s");
    /// assert_eq!(v.subnet_id, "s");
    /// ```
    pub fn on_subnet(subnet_id: impl Into<String>) -> Self {
        AdditionalVip {
            subnet_id: subnet_id.into(),
            ..Default::default()
        }
    }
}

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::common::ProvisioningStatus;
/// use ferrocloud::openstack::loadbalancer::v2::loadbalancers::ListOpts;
/// let opts = ListOpts { provisioning_status: Some(ProvisioningStatus::Error), ..Default::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "provisioning_status=ERROR");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Load balancers of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// With this description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Of this project (admins see every project's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// In this provisioning status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioning_status: Option<ProvisioningStatus>,
    /// In this operating status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operating_status: Option<OperatingStatus>,
    /// Up or down administratively.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// With this VIP address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vip_address: Option<String>,
    /// With the VIP on this network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vip_network_id: Option<String>,
    /// With the VIP on this subnet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vip_subnet_id: Option<String>,
    /// With the VIP on this port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vip_port_id: Option<String>,
    /// Run by this provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Of this flavor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flavor_id: Option<String>,
    /// In this availability zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// Paging, sorting, fields and tags.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends. The VIP is placed by one of `vip_subnet_id`,
/// `vip_network_id` or `vip_port_id`; `listeners` and `pools` create the whole tree in
/// the same call (a listener's `default_pool` names a pool of `pools` by its `name`, or
/// carries it inline).
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::loadbalancers::CreateOpts;
/// let opts = CreateOpts::on_subnet("d4af86e1").name("best_load_balancer").tag("test_tag");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "vip_subnet_id": "d4af86e1", "name": "best_load_balancer", "tags": ["test_tag"]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Up administratively (the default) or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// The VIP address (chosen by Neutron when not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vip_address: Option<String>,
    /// An existing Neutron port to use as the VIP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vip_port_id: Option<String>,
    /// The subnet of the VIP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vip_subnet_id: Option<String>,
    /// The network of the VIP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vip_network_id: Option<String>,
    /// The QoS policy of the VIP port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vip_qos_policy_id: Option<String>,
    /// Security groups of the VIP port (API 2.29).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vip_sg_ids: Vec<String>,
    /// More VIPs, on other subnets (API 2.26).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub additional_vips: Vec<AdditionalVip>,
    /// The owning project (admins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Listeners created with it (their `loadbalancer_id` is left out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub listeners: Vec<listeners::CreateOpts>,
    /// Pools created with it (their `listener_id` and `loadbalancer_id` are left out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pools: Vec<pools::CreateOpts>,
    /// The provider (driver): `amphora`, `ovn`…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Tags (API 2.5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The flavor (API 2.6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flavor_id: Option<String>,
    /// The availability zone (API 2.14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
}

impl CreateOpts {
    /// A load balancer whose VIP is on `subnet_id`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::loadbalancer::v2::loadbalancers::CreateOpts::on_subnet("s");
    /// assert_eq!(o.vip_subnet_id.as_deref(), Some("s"));
    /// ```
    pub fn on_subnet(subnet_id: impl Into<String>) -> Self {
        CreateOpts {
            vip_subnet_id: Some(subnet_id.into()),
            ..Default::default()
        }
    }

    /// A load balancer whose VIP is on `network_id`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::loadbalancer::v2::loadbalancers::CreateOpts::on_network("n");
    /// assert_eq!(o.vip_network_id.as_deref(), Some("n"));
    /// ```
    pub fn on_network(network_id: impl Into<String>) -> Self {
        CreateOpts {
            vip_network_id: Some(network_id.into()),
            ..Default::default()
        }
    }

    /// Sets the name.
    ///
    /// ```
    /// let o = ferrocloud::openstack::loadbalancer::v2::loadbalancers::CreateOpts::on_subnet("s").name("web");
    /// assert_eq!(o.name.as_deref(), Some("web"));
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Adds a tag.
    ///
    /// ```
    /// let o = ferrocloud::openstack::loadbalancer::v2::loadbalancers::CreateOpts::on_subnet("s").tag("a");
    /// assert_eq!(o.tags, ["a"]);
    /// ```
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tags.push(tag.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::at_least_one_of(&[
            ("vip_subnet_id", self.vip_subnet_id.is_some()),
            ("vip_network_id", self.vip_network_id.is_some()),
            ("vip_port_id", self.vip_port_id.is_some()),
        ])?;
        for l in &self.listeners {
            l.validate_in_tree()?;
        }
        for p in &self.pools {
            p.validate_in_tree()?;
        }
        Ok(())
    }
}

/// What [`update`] changes.
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::loadbalancers::UpdateOpts;
/// let opts = UpdateOpts { admin_state_up: Some(false), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"admin_state_up": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Up or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// A new QoS policy for the VIP port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vip_qos_policy_id: Option<String>,
    /// New security groups for the VIP port (API 2.29).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vip_sg_ids: Option<Vec<String>>,
    /// New tags, replacing the old ones (API 2.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

impl Validate for UpdateOpts {}

/// How [`delete_with`] deletes a load balancer.
///
/// ```
/// let o = ferrocloud::openstack::loadbalancer::v2::loadbalancers::DeleteOpts { cascade: true };
/// assert_eq!(ferrocloud::query::to_pairs(&o).unwrap()[0], ("cascade".into(), "true".into()));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DeleteOpts {
    /// Delete its listeners, pools, members, monitors and policies with it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cascade: bool,
}

lb_functions! {
    LoadBalancer, "load balancer", "loadbalancers_links", extract_loadbalancers, [];
    list get create update delete find wait
}

/// [`delete`] with options (`cascade`).
///
/// ```no_run
/// # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::loadbalancer::v2::loadbalancers::{self, DeleteOpts};
/// loadbalancers::delete_with(&lb, "8a562351", &DeleteOpts { cascade: true }).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete_with(client: &ServiceClient, id: &str, opts: &DeleteOpts) -> ApiResult<()> {
    client.request(&DELETE, &[id]).query(opts).send().await
}

/// A load balancer's statistics.
///
/// ```no_run
/// # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let s = ferrocloud::openstack::loadbalancer::v2::loadbalancers::stats(&lb, "8a562351").await.extract()?;
/// println!("{} active connections", s.active_connections);
/// # Ok(()) }
/// ```
pub async fn stats(client: &ServiceClient, id: &str) -> ApiResult<Stats> {
    client.request(&STATS, &[id]).send().await
}

/// A load balancer's status tree: its listeners, pools, members, monitors and policies
/// with their statuses, in one answer.
///
/// ```no_run
/// # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let tree = ferrocloud::openstack::loadbalancer::v2::loadbalancers::status(&lb, "8a562351").await.extract()?;
/// for l in &tree.loadbalancer.listeners {
///     println!("{} {}", l.name, l.operating_status);
/// }
/// # Ok(()) }
/// ```
pub async fn status(client: &ServiceClient, id: &str) -> ApiResult<StatusTree> {
    client.request(&STATUS, &[id]).send().await
}

/// Fails a load balancer over: its amphorae are rebuilt (admins; `202`, then
/// `PENDING_UPDATE` until done).
///
/// ```no_run
/// # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::loadbalancer::v2::loadbalancers::failover(&lb, "8a562351").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn failover(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&FAILOVER, &[id]).send().await
}

/// The answer of [`status`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct StatusTree {
    /// The load balancer and its tree.
    pub loadbalancer: LoadBalancerStatus,
}

/// A load balancer in a status tree.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct LoadBalancerStatus {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// Its provisioning status.
    pub provisioning_status: ProvisioningStatus,
    /// Its operating status.
    pub operating_status: OperatingStatus,
    /// Its listeners.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub listeners: Vec<ListenerStatus>,
    /// Its pools.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub pools: Vec<PoolStatus>,
}

/// A listener in a status tree.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ListenerStatus {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// Its provisioning status.
    pub provisioning_status: ProvisioningStatus,
    /// Its operating status.
    pub operating_status: OperatingStatus,
    /// Its pools.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub pools: Vec<PoolStatus>,
    /// Its L7 policies.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub l7policies: Vec<L7PolicyStatus>,
}

/// A pool in a status tree.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct PoolStatus {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// Its provisioning status.
    pub provisioning_status: ProvisioningStatus,
    /// Its operating status.
    pub operating_status: OperatingStatus,
    /// Its health monitor (`None` when it has none: Octavia sends `{}`). Octavia writes
    /// it `health_monitor` (its API reference, `healthmonitor`; both are read).
    #[serde(
        default,
        rename = "health_monitor",
        alias = "healthmonitor",
        deserialize_with = "empty_object_as_none"
    )]
    pub healthmonitor: Option<HealthMonitorStatus>,
    /// Its members.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub members: Vec<MemberStatus>,
}

/// A health monitor in a status tree.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct HealthMonitorStatus {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// The kind of check (`HTTP`, `TCP`…).
    #[serde(rename = "type")]
    pub monitor_type: super::healthmonitors::MonitorType,
    /// Its provisioning status.
    pub provisioning_status: ProvisioningStatus,
    /// Its operating status (recent Octavia releases send it).
    #[serde(default)]
    pub operating_status: Option<OperatingStatus>,
}

/// A member in a status tree.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MemberStatus {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// Its address.
    pub address: String,
    /// Its port.
    pub protocol_port: u16,
    /// Its provisioning status.
    pub provisioning_status: ProvisioningStatus,
    /// Its operating status.
    pub operating_status: OperatingStatus,
}

/// An L7 policy in a status tree.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct L7PolicyStatus {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// What it does.
    pub action: super::l7policies::Action,
    /// Its provisioning status.
    pub provisioning_status: ProvisioningStatus,
    /// Its operating status (recent Octavia releases send it).
    #[serde(default)]
    pub operating_status: Option<OperatingStatus>,
    /// Its rules.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub rules: Vec<L7RuleStatus>,
}

/// An L7 rule in a status tree.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct L7RuleStatus {
    /// The ID.
    pub id: String,
    /// What it compares.
    #[serde(rename = "type")]
    pub rule_type: super::l7rules::RuleType,
    /// Its provisioning status.
    pub provisioning_status: ProvisioningStatus,
    /// Its operating status (recent Octavia releases send it).
    #[serde(default)]
    pub operating_status: Option<OperatingStatus>,
}

/// `{}` and `null` as `None`, any other object as `T`.
fn empty_object_as_none<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    match Option::<serde_json::Map<String, serde_json::Value>>::deserialize(d)? {
        None => Ok(None),
        Some(m) if m.is_empty() => Ok(None),
        Some(m) => T::deserialize(serde_json::Value::Object(m))
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}
