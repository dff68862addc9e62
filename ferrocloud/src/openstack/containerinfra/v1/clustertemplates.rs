//! Cluster templates: the image, flavors, networks and drivers a cluster is built from.
//!
//! ```no_run
//! # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::containerinfra::v1::clustertemplates::{self, CreateOpts};
//! use ferrocloud::patch::Patch;
//! let opts = CreateOpts::new("k8s", "kubernetes", "fedora-coreos-38", "public");
//! let t = clustertemplates::create(&magnum, &opts).await.extract()?;
//! clustertemplates::update(&magnum, &t.uuid, &Patch::new().replace("/public", true)).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Labels, magnum_functions};
use crate::dates::Timestamp;
use crate::de::Link;
use crate::find::Named;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "container-infrastructure-management";
    /// Create a cluster template.
    CREATE = POST "/clustertemplates" request(CreateOpts) response(ClusterTemplate);
    /// List cluster templates.
    LIST = GET "/clustertemplates" list("clustertemplates", ClusterTemplate);
    /// Show a cluster template (by UUID or name).
    GET = GET "/clustertemplates/{clustertemplate_ident}" response(ClusterTemplate);
    /// Change a cluster template with a JSON Patch.
    UPDATE = PATCH "/clustertemplates/{clustertemplate_ident}" request(super::common::Patch) response(ClusterTemplate);
    /// Delete a cluster template.
    DELETE = DELETE "/clustertemplates/{clustertemplate_ident}";
}

/// A cluster template.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ClusterTemplate {
    /// The UUID.
    pub uuid: String,
    /// The name.
    pub name: String,
    /// The container orchestration engine (`kubernetes`).
    pub coe: String,
    /// The image's name or UUID.
    pub image_id: String,
    /// The distribution of the image (`fedora-coreos`), read from its `os_distro`.
    pub cluster_distro: String,
    /// The flavor of the worker nodes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub flavor_id: Option<String>,
    /// The flavor of the master nodes.
    #[serde(default)]
    pub master_flavor_id: Option<String>,
    /// The Nova key pair put on the nodes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub keypair_id: Option<String>,
    /// The network with the floating IPs (name or ID).
    pub external_network_id: String,
    /// The private network (name or ID), when not a new one.
    #[serde(default)]
    pub fixed_network: Option<String>,
    /// The private subnet (name or ID), when not a new one.
    #[serde(default)]
    pub fixed_subnet: Option<String>,
    /// The DNS server of the nodes.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub dns_nameserver: Option<String>,
    /// The container network driver (`flannel`, `calico`).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub network_driver: Option<String>,
    /// The volume driver (`cinder`).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub volume_driver: Option<String>,
    /// The Docker storage driver (`overlay2`).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub docker_storage_driver: Option<String>,
    /// The size in GiB of the Docker volume of each node.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub docker_volume_size: Option<u64>,
    /// `vm` or `bm` (bare metal).
    pub server_type: String,
    /// The port of the Kubernetes API.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub apiserver_port: Option<u16>,
    /// An insecure Docker registry the nodes may pull from.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub insecure_registry: Option<String>,
    /// The HTTP proxy of the nodes.
    #[serde(default)]
    pub http_proxy: Option<String>,
    /// The HTTPS proxy of the nodes.
    #[serde(default)]
    pub https_proxy: Option<String>,
    /// Addresses reached without the proxies.
    #[serde(default)]
    pub no_proxy: Option<String>,
    /// Labels: driver settings (`kube_tag`, `master_lb_floating_ip_enabled`…).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub labels: Labels,
    /// Whether TLS is off for the COE's API.
    pub tls_disabled: bool,
    /// Whether every project sees it.
    pub public: bool,
    /// Whether it is hidden from listings (admins).
    #[serde(default)]
    pub hidden: Option<bool>,
    /// Whether a local Docker registry runs on the nodes.
    #[serde(default)]
    pub registry_enabled: Option<bool>,
    /// Whether the masters sit behind a load balancer.
    pub master_lb_enabled: bool,
    /// Whether the nodes get floating IPs.
    pub floating_ip_enabled: bool,
    /// Tags, comma-separated.
    #[serde(default)]
    pub tags: Option<String>,
    /// The driver serving it (newer Magnum).
    #[serde(default)]
    pub driver: Option<String>,
    /// The owning project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// The creating user.
    #[serde(default)]
    pub user_id: Option<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Links (`self`, `bookmark`).
    pub links: Vec<Link>,
}

impl Named for ClusterTemplate {
    fn id(&self) -> &str {
        &self.uuid
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// What [`create`] sends: `coe`, `image_id` and `external_network_id` are required,
/// the rest has defaults.
///
/// ```
/// use ferrocloud::openstack::containerinfra::v1::clustertemplates::CreateOpts;
/// let opts = CreateOpts { master_lb_enabled: Some(true), ..CreateOpts::new("k8s", "kubernetes", "fcos", "public") };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "k8s",
///     "coe": "kubernetes", "image_id": "fcos", "external_network_id": "public",
///     "master_lb_enabled": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The container orchestration engine (`kubernetes`; required).
    pub coe: String,
    /// The image (name or UUID; required).
    pub image_id: String,
    /// The network with the floating IPs (required).
    pub external_network_id: String,
    /// The worker flavor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flavor_id: Option<String>,
    /// The master flavor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub master_flavor_id: Option<String>,
    /// The key pair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keypair_id: Option<String>,
    /// The private network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_network: Option<String>,
    /// The private subnet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_subnet: Option<String>,
    /// The DNS server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_nameserver: Option<String>,
    /// The network driver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_driver: Option<String>,
    /// The volume driver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_driver: Option<String>,
    /// The Docker storage driver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docker_storage_driver: Option<String>,
    /// The Docker volume size (GiB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docker_volume_size: Option<u64>,
    /// `vm` (default) or `bm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_type: Option<String>,
    /// The Kubernetes API port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apiserver_port: Option<u16>,
    /// An insecure registry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insecure_registry: Option<String>,
    /// The HTTP proxy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_proxy: Option<String>,
    /// The HTTPS proxy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub https_proxy: Option<String>,
    /// Addresses reached without the proxies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_proxy: Option<String>,
    /// Labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<Labels>,
    /// TLS off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_disabled: Option<bool>,
    /// Seen by every project (admins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<bool>,
    /// Hidden from listings (admins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
    /// A local registry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry_enabled: Option<bool>,
    /// Masters behind a load balancer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub master_lb_enabled: Option<bool>,
    /// Floating IPs on the nodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floating_ip_enabled: Option<bool>,
    /// Tags, comma-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<String>,
}

impl CreateOpts {
    /// A template `name` for `coe` from `image_id`, with floating IPs from
    /// `external_network_id`.
    pub fn new(
        name: impl Into<String>,
        coe: impl Into<String>,
        image_id: impl Into<String>,
        external_network_id: impl Into<String>,
    ) -> Self {
        CreateOpts {
            name: name.into(),
            coe: coe.into(),
            image_id: image_id.into(),
            external_network_id: external_network_id.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("coe", !self.coe.is_empty())?;
        crate::request::require("image_id", !self.image_id.is_empty())?;
        crate::request::require("external_network_id", !self.external_network_id.is_empty())
    }
}

/// Creates a cluster template (`201`).
///
/// ```no_run
/// # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::containerinfra::v1::clustertemplates::{self, CreateOpts};
/// let t = clustertemplates::create(&magnum, &CreateOpts::new("k8s", "kubernetes", "fcos", "public")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<ClusterTemplate> {
    client.request(&CREATE, &[]).body(opts).send().await
}

magnum_functions! {
    ClusterTemplate, ClusterTemplate, ClusterTemplate, "cluster template", extract_cluster_templates;
    list get update delete
}
