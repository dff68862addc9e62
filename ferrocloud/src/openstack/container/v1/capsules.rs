//! Capsules: groups of containers that share a network and volumes, described by a
//! template in the manner of a Kubernetes pod.
//!
//! ```no_run
//! # async fn demo(zun: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::container::v1::capsules::{self, CreateOpts};
//! let template = serde_json::json!({"kind": "capsule", "metadata": {"name": "demo"},
//!     "spec": {"containers": [{"image": "nginx"}]}});
//! let c = capsules::create(&zun, &CreateOpts::new(template)).await.extract()?;
//! capsules::delete(&zun, &c.uuid).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{ListControls, RestartPolicy, list_next};
use super::containers::{Address, Container, Status};
use crate::dates::Timestamp;
use crate::de::Link;
use crate::pagination::Pager;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "container";
    /// Create a capsule.
    CREATE = POST "/capsules" request(CreateOpts) response(Capsule);
    /// List capsules.
    LIST = GET "/capsules" list("capsules", Capsule);
    /// Show a capsule.
    GET = GET "/capsules/{capsule_ident}" response(Capsule);
    /// Delete a capsule.
    DELETE = DELETE "/capsules/{capsule_ident}";
}

/// A capsule.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Capsule {
    /// The UUID.
    pub uuid: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The status.
    pub status: Status,
    /// Why it is in this status.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub status_reason: Option<String>,
    /// Its containers.
    pub containers: Vec<Container>,
    /// CPUs of all its containers.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub cpu: Option<f64>,
    /// Memory of all its containers, in MiB (text).
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub memory: String,
    /// Labels.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub labels: BTreeMap<String, String>,
    /// Annotations (1.38).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub annotations: BTreeMap<String, String>,
    /// What happens when its containers exit.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub restart_policy: Option<RestartPolicy>,
    /// Addresses per network ID (`null` until it has some).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub addresses: BTreeMap<String, Vec<Address>>,
    /// The owning project.
    pub project_id: String,
    /// The owning user.
    pub user_id: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Links to itself.
    pub links: Vec<Link>,
}

/// What [`create`] sends: a capsule template (`kind`, `metadata`, `spec` with its
/// `containers`, `initContainers`, `volumes` and `restartPolicy`) as Zun documents it.
///
/// ```
/// use ferrocloud::openstack::container::v1::capsules::CreateOpts;
/// let opts = CreateOpts::new(serde_json::json!({"kind": "capsule", "spec": {"containers": [{"image": "nginx"}]}}));
/// assert_eq!(serde_json::to_value(&opts).unwrap()["template"]["kind"], "capsule");
/// assert!(ferrocloud::request::Validate::validate(&CreateOpts::new(serde_json::json!("x"))).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The template.
    pub template: serde_json::Value,
}

impl CreateOpts {
    /// A capsule from `template`.
    pub fn new(template: serde_json::Value) -> Self {
        CreateOpts { template }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require(
            "template.spec",
            self.template.get("spec").is_some_and(serde_json::Value::is_object),
        )
    }
}

/// What [`list`] filters on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Paging and sorting.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// Creates a capsule (`202`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Capsule> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Lists capsules, following Zun's `next` links.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Capsule> {
    list_next(client, &LIST, &[], opts)
}

crate::operation::extract_fn! {
    /// The capsules of a page (or of all pages).
    extract_capsules, Capsule
}

/// Shows a capsule, by name or UUID.
pub async fn get(client: &ServiceClient, capsule: &str) -> ApiResult<Capsule> {
    client.request(&GET, &[capsule]).send().await
}

/// Deletes a capsule (`204`; asynchronously from 1.32).
pub async fn delete(client: &ServiceClient, capsule: &str) -> ApiResult<()> {
    client.request(&DELETE, &[capsule]).send().await
}
