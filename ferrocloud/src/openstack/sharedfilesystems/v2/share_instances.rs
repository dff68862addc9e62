//! Share instances (admin, 2.3): a share's copies on back ends (one, or one per
//! replica; two during a migration). Their export locations are in `export_locations`.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_instances;
//! let manila = manila.with_microversion("2.3");
//! for i in share_instances::list_for_share(&manila, "406ea93b").await.extract()? {
//!     println!("{} on {:?}", i.id, i.host);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{self, ListControls};
use super::shares::ShareStatus;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Null};
use crate::ServiceClient;

crate::operations! {
    service: "shared-file-system";
    /// List share instances.
    LIST = GET "/share_instances" since("2.3") list("share_instances", ShareInstance);
    /// List a share's instances.
    LIST_FOR_SHARE = GET "/shares/{share_id}/instances" since("2.3") list("share_instances", ShareInstance);
    /// Show a share instance.
    GET = GET "/share_instances/{share_instance_id}" since("2.3") response("share_instance", ShareInstance);
    /// Reset a share instance's status.
    RESET_STATUS = POST "/share_instances/{share_instance_id}/action" since("2.3") request("reset_status", common::ResetStatus<ShareStatus>);
    /// Delete a share instance whatever its status.
    FORCE_DELETE = POST "/share_instances/{share_instance_id}/action" since("2.3") request("force_delete", Null);
}

common::resource_functions! {
    ShareInstance, ShareInstance, "share instance", "share_instances_links", false;
    get reset_status(ShareStatus, legacy) force_delete(legacy) wait(ShareStatus)
}

/// A share instance.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ShareInstance {
    /// The ID.
    pub id: String,
    /// Its share.
    pub share_id: String,
    /// The status.
    pub status: ShareStatus,
    /// The availability zone.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub availability_zone: Option<String>,
    /// The share network.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub share_network_id: Option<String>,
    /// The share server.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub share_server_id: Option<String>,
    /// The back end, `host@backend#pool`.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub host: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it was last updated.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// The state of its access rules (2.10).
    #[serde(default)]
    pub access_rules_status: Option<String>,
    /// Its replica state (2.11).
    #[serde(default)]
    pub replica_state: Option<String>,
    /// Whether its rules are applied read-only (2.30).
    #[serde(default)]
    pub cast_rules_to_readonly: Option<bool>,
    /// How far its creation got (2.54).
    #[serde(default)]
    pub progress: Option<String>,
    /// Its share type (2.22).
    #[serde(default)]
    pub share_type_id: Option<String>,
    /// The export location (before 2.9).
    #[serde(default)]
    pub export_location: Option<String>,
    /// The export locations (before 2.9).
    #[serde(default)]
    pub export_locations: Option<Vec<String>>,
}

/// Filters of [`list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Instances with this export location ID (2.35).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_location_id: Option<String>,
    /// Instances with this export location path (2.35).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_location_path: Option<String>,
    /// Paging and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// Lists share instances, following `share_instances_links`.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> crate::pagination::Pager<ShareInstance> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(crate::pagination::PageStyle::Links("share_instances_links"))
}

crate::operation::extract_fn! {
    /// The instances of a page of [`list`].
    extract, ShareInstance
}

/// Lists a share's instances.
pub async fn list_for_share(client: &ServiceClient, share_id: &str) -> ApiResult<Vec<ShareInstance>> {
    client.request(&LIST_FOR_SHARE, &[share_id]).send().await
}
