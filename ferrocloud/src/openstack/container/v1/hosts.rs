//! Compute hosts: the machines that run containers, with their capacity and use (admins;
//! microversion 1.4).
//!
//! ```no_run
//! # async fn demo(zun: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::container::v1::hosts;
//! let zun = zun.with_microversion("1.4");
//! let page = hosts::list(&zun, &Default::default()).all_pages().await?;
//! for h in hosts::extract_hosts(&page)? {
//!     println!("{} runs {:?} containers", h.hostname, h.total_containers);
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{ListControls, list_next};
use crate::de::Link;
use crate::pagination::Pager;
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "container";
    /// List hosts.
    LIST = GET "/hosts" since("1.4") list("hosts", Host);
    /// Show a host.
    GET = GET "/hosts/{host_ident}" since("1.4") response(Host);
}

/// A compute host.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Host {
    /// The UUID.
    pub uuid: String,
    /// The hostname.
    pub hostname: String,
    /// CPUs.
    #[serde(default)]
    pub cpus: Option<u64>,
    /// CPUs in use.
    #[serde(default)]
    pub cpu_used: Option<f64>,
    /// Memory in MiB.
    #[serde(default)]
    pub mem_total: Option<u64>,
    /// Memory in use, in MiB.
    #[serde(default)]
    pub mem_used: Option<u64>,
    /// Disk in GiB.
    #[serde(default)]
    pub disk_total: Option<u64>,
    /// Disk in use, in GiB.
    #[serde(default)]
    pub disk_used: Option<u64>,
    /// Containers it runs.
    #[serde(default)]
    pub total_containers: Option<u64>,
    /// The operating system.
    #[serde(default)]
    pub os: Option<String>,
    /// The operating system's type (`linux`).
    #[serde(default)]
    pub os_type: Option<String>,
    /// The kernel.
    #[serde(default)]
    pub kernel_version: Option<String>,
    /// The architecture.
    #[serde(default)]
    pub architecture: Option<String>,
    /// Labels.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub labels: BTreeMap<String, String>,
    /// Whether it pins CPUs (1.29).
    #[serde(default)]
    pub enable_cpu_pinning: Option<bool>,
    /// Links to itself.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// What [`list`] takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Paging and sorting.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// Lists hosts, following Zun's `next` links.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Host> {
    list_next(client, &LIST, &[], opts)
}

crate::operation::extract_fn! {
    /// The hosts of a page (or of all pages).
    extract_hosts, Host
}

/// Shows a host, by name or UUID.
pub async fn get(client: &ServiceClient, host: &str) -> ApiResult<Host> {
    client.request(&GET, &[host]).send().await
}
