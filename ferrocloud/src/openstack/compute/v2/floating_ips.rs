//! Floating IPs and pools through the compute API (proxy to networking, until 2.35).
//!
//! Nova forwards these calls (`/os-floating-ips`, `/os-floating-ip-pools`) to the
//! Networking service (Neutron): a pool is an external network, a floating IP is a
//! Neutron floating IP of the project. They are deprecated and answer 404 from
//! microversion 2.36: the SDK refuses them before sending when the client's
//! microversion is newer. Use the Networking API instead. A compute client without a
//! microversion (the base version, 2.1) may use them.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::floating_ips::{self, CreateOpts};
//! let compute = compute.with_microversion("2.35");
//! let pools = floating_ips::extract_pools(&floating_ips::list_pools(&compute).all_pages().await?)?;
//! let fip = floating_ips::create(&compute, &CreateOpts::from_pool(&pools[0].name)).await.extract()?;
//! println!("allocated {}", fip.ip);
//! floating_ips::delete(&compute, &fip.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List floating IP pools, up to 2.35.
    LIST_POOLS = GET "/os-floating-ip-pools" until("2.35") list("floating_ip_pools", Pool);
    /// List the project's floating IPs, up to 2.35.
    LIST = GET "/os-floating-ips" until("2.35") list("floating_ips", FloatingIp);
    /// Allocate a floating IP, up to 2.35.
    CREATE = POST "/os-floating-ips" until("2.35") request(CreateOpts) response("floating_ip", FloatingIp);
    /// Show a floating IP, up to 2.35.
    GET = GET "/os-floating-ips/{floating_ip_id}" until("2.35") response("floating_ip", FloatingIp);
    /// Release a floating IP, up to 2.35.
    DELETE = DELETE "/os-floating-ips/{floating_ip_id}" until("2.35");
}

/// A pool floating IPs are allocated from (an external network).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Pool {
    /// The network's name (or its ID when it has no name).
    pub name: String,
}

/// A floating IP of the project.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct FloatingIp {
    /// The floating IP's ID.
    pub id: String,
    /// The address.
    pub ip: String,
    /// The fixed address it is associated with, if any.
    #[serde(default)]
    pub fixed_ip: Option<String>,
    /// The server it is associated with, if any.
    #[serde(default)]
    pub instance_id: Option<String>,
    /// The pool (external network) it comes from.
    pub pool: String,
}

/// Where to allocate a floating IP from.
///
/// ```
/// use ferrocloud::openstack::compute::v2::floating_ips::CreateOpts;
/// assert_eq!(serde_json::to_string(&CreateOpts::from_pool("public")).unwrap(), r#"{"pool":"public"}"#);
/// assert_eq!(serde_json::to_string(&CreateOpts::default()).unwrap(), "{}");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The pool (external network name or ID); the cloud's default pool when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool: Option<String>,
}

impl CreateOpts {
    /// From this pool.
    pub fn from_pool(pool: impl Into<String>) -> Self {
        CreateOpts {
            pool: Some(pool.into()),
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.pool.as_deref() == Some("") {
            return Err(Error::invalid_input("pool must not be empty"));
        }
        Ok(())
    }
}

/// Lists the floating IP pools.
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead (external
/// networks).
pub fn list_pools(client: &ServiceClient) -> Pager<Pool> {
    client.request(&LIST_POOLS, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The pools of a page.
    extract_pools, Pool
}

/// Lists the project's floating IPs.
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub fn list(client: &ServiceClient) -> Pager<FloatingIp> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The floating IPs of a page.
    extract_floating_ips, FloatingIp
}

/// Allocates a floating IP to the project (Nova answers 404 when the pool has no
/// address left or does not exist, 403 over quota).
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<FloatingIp> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a floating IP.
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<FloatingIp> {
    client.request(&GET, &[id]).send().await
}

/// Releases a floating IP (disassociating it first if needed; Nova answers 202).
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
