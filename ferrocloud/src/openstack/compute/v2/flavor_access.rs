//! Flavor access: which projects may use a private flavor (admin).
//!
//! A flavor created with `is_public: false` is visible only to the projects it is
//! shared with (and to administrators).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::flavor_access;
//! let now = flavor_access::add_tenant_access(&compute, "10", "6f70656e737461636b20342065766572").await.extract()?;
//! assert!(now.iter().any(|a| a.tenant_id == "6f70656e737461636b20342065766572"));
//! let all = flavor_access::list(&compute, "10").all_pages().await?.extract()?;
//! flavor_access::remove_tenant_access(&compute, "10", "6f70656e737461636b20342065766572").await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List the projects a flavor is shared with.
    LIST = GET "/flavors/{flavor_id}/os-flavor-access" list("flavor_access", FlavorAccess);
    /// Share a private flavor with a project (`addTenantAccess` action).
    ADD_TENANT_ACCESS = POST "/flavors/{flavor_id}/action"
        request("addTenantAccess", TenantAccess) response("flavor_access", Vec<FlavorAccess>);
    /// Stop sharing a private flavor with a project (`removeTenantAccess` action).
    REMOVE_TENANT_ACCESS = POST "/flavors/{flavor_id}/action"
        request("removeTenantAccess", TenantAccess) response("flavor_access", Vec<FlavorAccess>);
}

/// One project's access to a flavor.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FlavorAccess {
    /// The flavor's ID.
    pub flavor_id: String,
    /// The project's ID.
    pub tenant_id: String,
}

/// The body of the `addTenantAccess` and `removeTenantAccess` actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantAccess {
    /// The project's ID.
    pub tenant: String,
}

impl Validate for TenantAccess {
    fn validate(&self) -> Result<()> {
        require("tenant", !self.tenant.is_empty())
    }
}

/// Lists the projects a (private) flavor is shared with. Nova answers 404 for a public
/// flavor.
pub fn list(client: &ServiceClient, flavor_id: &str) -> Pager<FlavorAccess> {
    client.request(&LIST, &[flavor_id]).paged(PageStyle::Single)
}

/// Shares a private flavor with a project; returns the flavor's access list after the
/// change.
pub async fn add_tenant_access(
    client: &ServiceClient,
    flavor_id: &str,
    project_id: &str,
) -> ApiResult<Vec<FlavorAccess>> {
    let body = TenantAccess {
        tenant: project_id.to_string(),
    };
    client
        .request(&ADD_TENANT_ACCESS, &[flavor_id])
        .body(&body)
        .send()
        .await
}

/// Stops sharing a private flavor with a project; returns the access list after the
/// change.
pub async fn remove_tenant_access(
    client: &ServiceClient,
    flavor_id: &str,
    project_id: &str,
) -> ApiResult<Vec<FlavorAccess>> {
    let body = TenantAccess {
        tenant: project_id.to_string(),
    };
    client
        .request(&REMOVE_TENANT_ACCESS, &[flavor_id])
        .body(&body)
        .send()
        .await
}
