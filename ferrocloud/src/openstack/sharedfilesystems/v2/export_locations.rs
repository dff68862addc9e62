//! Export locations (2.9): where a share, a share instance or a share replica (2.47) is
//! mounted from. Administrators also see the locations for administrators only.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::export_locations;
//! let manila = manila.with_microversion("2.14");
//! for l in export_locations::list(&manila, "011d21e2").await.extract()? {
//!     println!("{} (preferred: {:?})", l.path, l.preferred);
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::dates::Timestamp;
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "shared-file-system";
    /// List a share's export locations.
    LIST = GET "/shares/{share_id}/export_locations" since("2.9") list("export_locations", ExportLocation);
    /// Show a share's export location.
    GET = GET "/shares/{share_id}/export_locations/{export_location_id}" since("2.9") response("export_location", ExportLocation);
    /// List a share instance's export locations.
    LIST_FOR_INSTANCE = GET "/share_instances/{share_instance_id}/export_locations" since("2.9") list("export_locations", ExportLocation);
    /// Show a share instance's export location.
    GET_FOR_INSTANCE = GET "/share_instances/{share_instance_id}/export_locations/{export_location_id}" since("2.9") response("export_location", ExportLocation);
    /// List a share replica's export locations (2.47).
    LIST_FOR_REPLICA = GET "/share-replicas/{share_replica_id}/export-locations" since("2.47") list("export_locations", ExportLocation);
    /// Show a share replica's export location (2.47).
    GET_FOR_REPLICA = GET "/share-replicas/{share_replica_id}/export-locations/{export_location_id}" since("2.47") response("export_location", ExportLocation);
}

/// An export location.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ExportLocation {
    /// The ID.
    pub id: String,
    /// What to mount (`10.0.0.3:/shares/share-e1c2`).
    pub path: String,
    /// Whether the driver prefers it (2.14).
    #[serde(default)]
    pub preferred: Option<bool>,
    /// For administrators only (administrators see this field).
    #[serde(default)]
    pub is_admin_only: Option<bool>,
    /// The share instance it belongs to (administrators).
    #[serde(default)]
    pub share_instance_id: Option<String>,
    /// When it was created (show only).
    #[serde(default, with = "crate::dates::option")]
    pub created_at: Option<Timestamp>,
    /// When it was last updated (show only).
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// The replica state of its replica (replica locations).
    #[serde(default)]
    pub replica_state: Option<String>,
    /// The availability zone of its replica (replica locations).
    #[serde(default)]
    pub availability_zone: Option<String>,
    /// Metadata (2.87).
    #[serde(default)]
    pub metadata: Option<BTreeMap<String, String>>,
}

/// Lists a share's export locations.
pub async fn list(client: &ServiceClient, share_id: &str) -> ApiResult<Vec<ExportLocation>> {
    client.request(&LIST, &[share_id]).send().await
}

/// Shows a share's export location.
pub async fn get(client: &ServiceClient, share_id: &str, id: &str) -> ApiResult<ExportLocation> {
    client.request(&GET, &[share_id, id]).send().await
}

/// Lists a share instance's export locations (admin).
pub async fn list_for_instance(client: &ServiceClient, instance_id: &str) -> ApiResult<Vec<ExportLocation>> {
    client.request(&LIST_FOR_INSTANCE, &[instance_id]).send().await
}

/// Shows a share instance's export location (admin).
pub async fn get_for_instance(client: &ServiceClient, instance_id: &str, id: &str) -> ApiResult<ExportLocation> {
    client.request(&GET_FOR_INSTANCE, &[instance_id, id]).send().await
}

/// Lists a share replica's export locations (2.47).
pub async fn list_for_replica(client: &ServiceClient, replica_id: &str) -> ApiResult<Vec<ExportLocation>> {
    client.request(&LIST_FOR_REPLICA, &[replica_id]).send().await
}

/// Shows a share replica's export location (2.47).
pub async fn get_for_replica(client: &ServiceClient, replica_id: &str, id: &str) -> ApiResult<ExportLocation> {
    client.request(&GET_FOR_REPLICA, &[replica_id, id]).send().await
}
