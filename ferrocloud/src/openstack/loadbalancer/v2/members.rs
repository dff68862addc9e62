//! Members of a pool: the backend addresses and ports traffic goes to. Each function
//! takes the pool's ID first; [`batch_update`](crate::openstack::loadbalancer::v2::members::batch_update)
//! sets a pool's whole member list in one call.
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::members::{self, BatchUpdateOpts, CreateOpts};
//! let m = members::create(&lb, "4029d267", &CreateOpts::new("192.0.2.16", 80)).await.extract()?;
//! members::wait_for_status(&lb, "4029d267", &m.id, &Default::default()).await?;
//! let all = BatchUpdateOpts {
//!     members: vec![CreateOpts::new("192.0.2.16", 80), CreateOpts::new("192.0.2.17", 80)],
//! };
//! members::batch_update(&lb, "4029d267", &all, &Default::default()).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{
    ListControls, OperatingStatus, ProvisioningStatus, lb_functions, named, provisioned,
};
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "load-balancer";
    /// List the members of a pool.
    LIST = GET "/lbaas/pools/{pool_id}/members" list("members", Member);
    /// Create a member.
    CREATE = POST "/lbaas/pools/{pool_id}/members" request("member", CreateOpts) response("member", Member);
    /// Show a member.
    GET = GET "/lbaas/pools/{pool_id}/members/{member_id}" response("member", Member);
    /// Update a member.
    UPDATE = PUT "/lbaas/pools/{pool_id}/members/{member_id}" request("member", UpdateOpts) response("member", Member);
    /// Set a pool's members in one call (`202`).
    BATCH_UPDATE = PUT "/lbaas/pools/{pool_id}/members" request(BatchUpdateOpts);
    /// Delete a member.
    DELETE = DELETE "/lbaas/pools/{pool_id}/members/{member_id}";
}

/// A member.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Member {
    /// The ID.
    pub id: String,
    /// The name (`""` when it has none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// Where its provisioning stands.
    pub provisioning_status: ProvisioningStatus,
    /// How it is doing.
    pub operating_status: OperatingStatus,
    /// Whether it is up administratively.
    pub admin_state_up: bool,
    /// Its address.
    pub address: String,
    /// Its port.
    pub protocol_port: u16,
    /// Its share of the traffic (0 to 256; 0: drained).
    pub weight: u32,
    /// Whether it only gets traffic when every other member is down (API 2.1).
    #[serde(default)]
    pub backup: Option<bool>,
    /// The subnet it is reached through.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub subnet_id: Option<String>,
    /// The owning project.
    pub project_id: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// The address health checks go to, when not its own.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub monitor_address: Option<String>,
    /// The port health checks go to, when not its own.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub monitor_port: Option<u16>,
    /// Tags (API 2.5).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
    /// The VNIC type of its port (`normal`, `direct`; API 2.29).
    #[serde(default)]
    pub vnic_type: Option<String>,
}

named!(Member);
provisioned!(Member);

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// let opts = ferrocloud::openstack::loadbalancer::v2::members::ListOpts { weight: Some(0), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "weight=0");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Members of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// With this address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// On this port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol_port: Option<u16>,
    /// Of this weight.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    /// Backup members or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup: Option<bool>,
    /// On this subnet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    /// Of this project.
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
    /// Paging, sorting, fields and tags.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends, a member of a pool of a load balancer's tree, and one item of
/// [`BatchUpdateOpts`].
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::members::CreateOpts;
/// let opts = CreateOpts { weight: Some(20), ..CreateOpts::new("192.0.2.16", 80) };
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"address": "192.0.2.16", "protocol_port": 80, "weight": 20}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Up administratively (the default) or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// Its address (required).
    pub address: String,
    /// Its port (required).
    pub protocol_port: u16,
    /// Its share of the traffic (0 to 256; 1 by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    /// Only gets traffic when every other member is down (API 2.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<bool>,
    /// The subnet it is reached through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    /// The owning project (admins; deprecated by Octavia).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The port health checks go to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitor_port: Option<u16>,
    /// The address health checks go to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitor_address: Option<String>,
    /// Tags (API 2.5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Ask for an SR-IOV port (API 2.29).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_sriov: Option<bool>,
}

impl CreateOpts {
    /// A member at `address` and `port`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::loadbalancer::v2::members::CreateOpts::new("192.0.2.1", 8080);
    /// assert_eq!((o.address.as_str(), o.protocol_port), ("192.0.2.1", 8080));
    /// ```
    pub fn new(address: impl Into<String>, port: u16) -> Self {
        CreateOpts {
            address: address.into(),
            protocol_port: port,
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("address", !self.address.trim().is_empty())?;
        crate::request::require("protocol_port", self.protocol_port != 0)
    }
}

/// What [`update`] changes.
///
/// ```
/// let opts = ferrocloud::openstack::loadbalancer::v2::members::UpdateOpts { weight: Some(0), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"weight": 0}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Up or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// A new weight (0 drains it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    /// Backup or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<bool>,
    /// A new health check port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitor_port: Option<u16>,
    /// A new health check address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitor_address: Option<String>,
    /// New tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

impl Validate for UpdateOpts {}

/// What [`batch_update`] sends: the pool's members as they are to be. Members not
/// listed are deleted (unless [`BatchQuery::additive_only`]); listed members are
/// matched by address and port, then created or updated.
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::members::{BatchUpdateOpts, CreateOpts};
/// let opts = BatchUpdateOpts { members: vec![CreateOpts::new("192.0.2.16", 80)] };
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"members": [{"address": "192.0.2.16", "protocol_port": 80}]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchUpdateOpts {
    /// The members (an empty list deletes them all).
    pub members: Vec<CreateOpts>,
}

impl Validate for BatchUpdateOpts {
    fn validate(&self) -> crate::Result<()> {
        self.members.iter().try_for_each(Validate::validate)
    }
}

/// The query of [`batch_update`].
///
/// ```
/// let q = ferrocloud::openstack::loadbalancer::v2::members::BatchQuery { additive_only: true };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&q).unwrap()), "additive_only=true");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BatchQuery {
    /// Create and update the listed members, but delete none (API 2.11).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub additive_only: bool,
}

lb_functions! {
    Member, "member", "members_links", extract_members, [pool_id];
    list get create update delete find wait
}

/// Sets a pool's members in one call (`202`; the pool and its load balancer are
/// `PENDING_UPDATE` until done).
///
/// ```no_run
/// # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::loadbalancer::v2::members::{self, BatchQuery, BatchUpdateOpts, CreateOpts};
/// let opts = BatchUpdateOpts { members: vec![CreateOpts::new("192.0.2.18", 80)] };
/// members::batch_update(&lb, "4029d267", &opts, &BatchQuery { additive_only: true }).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn batch_update(
    client: &ServiceClient,
    pool_id: &str,
    opts: &BatchUpdateOpts,
    query: &BatchQuery,
) -> ApiResult<()> {
    client
        .request(&BATCH_UPDATE, &[pool_id])
        .query(query)
        .body(opts)
        .send()
        .await
}
