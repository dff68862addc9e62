//! Workers (since 3.24, admin): asking the services to clean up the resources left in
//! transitional states (`creating`, `deleting`…) by a service that stopped.
//!
//! Cinder picks the services matching the request and answers 202 with those it asked
//! (`cleaning`) and those it could not reach (`unavailable`). Without `is_up`, Cinder
//! cleans for the services that are down only.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::workers::{self, CleanupOpts};
//! let opts = CleanupOpts { host: Some("host1@lvmdriver".into()), ..Default::default() };
//! let r = workers::cleanup(&volumes, &opts).await.extract()?;
//! println!("{} cleaning, {} unavailable", r.cleaning.len(), r.unavailable.len());
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// Clean up the resources of services.
    CLEANUP = POST "/workers/cleanup" since("3.24") request(CleanupOpts) response(Cleanup);
}

/// The operations the v2 API documents: none (v3 only).
pub static V2_OPERATIONS: &[&crate::Operation] = &[];

/// What to clean up: the services (and resources) matching every field set.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::workers::{CleanupOpts, ResourceType};
/// let opts = CleanupOpts { resource_type: Some(ResourceType::Volume), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"resource_type": "Volume"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CleanupOpts {
    /// The services of this cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_name: Option<String>,
    /// The services of this host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// `cinder-volume` or `cinder-scheduler`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binary: Option<String>,
    /// The service with this ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<i64>,
    /// Only disabled (or enabled) services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// Only services that are (not) up (Cinder's default: not up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_up: Option<bool>,
    /// Only this resource.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// Only resources of this type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<ResourceType>,
}

/// A kind of resource Cinder cleans up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResourceType {
    /// Volumes.
    Volume,
    /// Snapshots.
    Snapshot,
}

impl Validate for CleanupOpts {
    fn validate(&self) -> Result<()> {
        if let Some(b) = &self.binary
            && b != "cinder-volume"
            && b != "cinder-scheduler"
        {
            return Err(Error::invalid_input(format!(
                "binary must be cinder-volume or cinder-scheduler, not {b:?}"
            )));
        }
        Ok(())
    }
}

/// The answer to a cleanup.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Cleanup {
    /// The services asked to clean up.
    pub cleaning: Vec<Worker>,
    /// The services that matched but could not be asked.
    pub unavailable: Vec<Worker>,
}

/// A service of a cleanup.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Worker {
    /// The service's ID.
    pub id: i64,
    /// Its host.
    pub host: String,
    /// Its binary.
    pub binary: String,
    /// Its cluster.
    #[serde(default)]
    pub cluster_name: Option<String>,
}

/// Asks the matching services to clean up (Cinder answers 202).
pub async fn cleanup(client: &ServiceClient, opts: &CleanupOpts) -> ApiResult<Cleanup> {
    client.request(&CLEANUP, &[]).body(opts).send().await
}
