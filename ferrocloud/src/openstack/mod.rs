//! OpenStack: the provider constructors, one constructor per service client, and the
//! resource modules (`openstack::<service>::<version>::<resource>`).
//!
//! ```no_run
//! # async fn demo() -> ferrocloud::Result<()> {
//! use ferrocloud::{openstack, EndpointOpts};
//! use ferrocloud::openstack::compute::v2::servers;
//!
//! let opts = openstack::auth_options_from_env()?;
//! let provider = openstack::authenticated_client(opts).await?;
//! let compute = openstack::new_compute_v2(&provider, EndpointOpts::region("RegionOne"))?;
//! let server = servers::get(&compute, "8c3c0d25-0b6a-4d54-a7e0-5d0c7b1b0a49").await.extract()?;
//! println!("{} is {}", server.name.unwrap_or_default(), server.status);
//! # Ok(()) }
//! ```

pub mod accelerator;
pub mod baremetal;
pub mod baremetalintrospection;
pub mod blockstorage;
pub mod clustering;
pub mod compute;
pub mod container;
pub mod containerinfra;
pub mod db;
pub mod dns;
pub mod identity;
pub mod image;
pub mod instanceha;
pub mod keymanager;
pub mod loadbalancer;
pub mod messaging;
pub mod networking;
pub mod objectstorage;
pub mod orchestration;
pub mod placement;
pub mod sharedfilesystems;
pub mod workflow;

use crate::auth::catalog::aliases;
use crate::{AuthOptions, EndpointOpts, ErrorKind, ProviderClient, Result, ServiceClient};

pub use crate::auth::env::{auth_options_from_env, endpoint_opts_from_env};

/// Every operation the SDK implements, for the coverage report and the conformance checks
/// (`cargo xtask coverage`, `cargo xtask conformance`).
///
/// Each entry is the service's name in the API reference index
/// (`conformance/api-ref/<name>.json`), the prefix that, put before the operation's path
/// (relative to the service client's resource base), gives the path the index writes
/// (`""` for compute, `/v3` for identity v3, `/v2.0` for network; a part in brackets is
/// optional: `/v3[/{project_id}]`), and the operation. `conformance/README.md` lists the
/// prefix of each service.
///
/// ```
/// let ops = ferrocloud::openstack::all_operations();
/// assert!(ops.iter().any(|(service, prefix, op)| {
///     *service == "compute" && prefix.is_empty() && op.path == "/servers/{server_id}"
/// }));
/// ```
pub fn all_operations() -> Vec<(&'static str, &'static str, &'static crate::Operation)> {
    type Modules = &'static [&'static [&'static crate::Operation]];
    // (index service name, path prefix, one service version's OPERATIONS)
    let versions: &[(&'static str, &'static str, Modules)] = &[
        // Compute v2.1 (Nova): the index's paths start at the resource base.
        ("compute", "", compute::v2::OPERATIONS),
        // Identity v3 (Keystone): the index writes /v3/… paths.
        ("identity", "/v3", identity::v3::OPERATIONS),
        // Identity v2.0 (Keystone, legacy): the index writes /v2.0/… paths.
        ("identity", "/v2.0", identity::v2::OPERATIONS),
        // Networking v2.0 (Neutron): the index writes /v2.0/… paths.
        ("network", "/v2.0", networking::v2::OPERATIONS),
        // Networking operations at Neutron's root (the list of versions).
        ("network", "", networking::v2::ROOT_OPERATIONS),
        // Block storage v3 (Cinder): the index writes /v3/{project_id}/… paths, and a few
        // /v3/… ones for the resources Cinder also serves without the project.
        (
            "block-storage",
            "/v3[/{project_id}]",
            blockstorage::v3::OPERATIONS,
        ),
        // Block storage v2 (Cinder, legacy): the same, under /v2.
        (
            "block-storage",
            "/v2[/{project_id}]",
            blockstorage::v2::OPERATIONS,
        ),
        // Block storage operations at Cinder's root (versions: GET /, /v3/, /v2/).
        (
            "block-storage",
            "",
            blockstorage::v3::versions::ROOT_OPERATIONS,
        ),
        // DNS v2 (Designate): the index writes /v2/… paths.
        ("dns", "/v2", dns::v2::OPERATIONS),
        // DNS operations at Designate's root (the list of versions).
        ("dns", "", dns::v2::ROOT_OPERATIONS),
        // Image v2 (Glance): paths under /v2.
        ("image", "/v2", image::v2::OPERATIONS),
        // Image operations at Glance's root (versions).
        ("image", "", image::v2::ROOT_OPERATIONS),
        // Key manager v1 (Barbican): paths under /v1.
        ("key-manager", "/v1", keymanager::v1::OPERATIONS),
        // Load balancer v2 (Octavia): the index writes /v2/lbaas/… and /v2/octavia/…
        // paths (its /v2.0/lbaas/… ones are aliased to /v2/…).
        ("load-balancer", "/v2", loadbalancer::v2::OPERATIONS),
        // Load balancer operations at Octavia's root (the list of versions).
        ("load-balancer", "", loadbalancer::v2::ROOT_OPERATIONS),
        // Object storage v1 (Swift): the index writes /v1/{account}/… paths.
        (
            "object-store",
            "/v1/{account}",
            objectstorage::v1::OPERATIONS,
        ),
        // Object storage operations at Swift's root (/info, /endpoints/v2/…).
        (
            "object-store",
            "",
            objectstorage::v1::capabilities::ROOT_OPERATIONS,
        ),
        // Placement v1: no version in the paths.
        ("placement", "", placement::v1::OPERATIONS),
        // Orchestration v1 (Heat): the endpoint is …/v1/{project_id}; the index writes
        // /v1/{tenant_id}/… paths.
        (
            "orchestration",
            "/v1/{tenant_id}",
            orchestration::v1::OPERATIONS,
        ),
        // Orchestration operations at Heat's root (versions).
        ("orchestration", "", orchestration::v1::ROOT_OPERATIONS),
        // Shared file systems v2 (Manila): the endpoint is …/v2/{project_id} or …/v2;
        // the index writes /v2/… paths, a few with the project.
        (
            "shared-file-system",
            "/v2[/{project_id}]",
            sharedfilesystems::v2::OPERATIONS,
        ),
        // Shared file systems operations at Manila's root (versions).
        (
            "shared-file-system",
            "",
            sharedfilesystems::v2::ROOT_OPERATIONS,
        ),
        // Bare metal v1 (Ironic): the client's resource base is …/v1/; the index writes
        // /v1/… paths.
        ("baremetal", "/v1", baremetal::v1::OPERATIONS),
        // Bare metal operations at Ironic's root (versions).
        ("baremetal", "", baremetal::v1::ROOT_OPERATIONS),
        // Bare metal introspection v1 (Ironic Inspector): the client's resource base is
        // …/v1/; the index writes /v1/… paths.
        (
            "baremetal-introspection",
            "/v1",
            baremetalintrospection::v1::OPERATIONS,
        ),
        // Bare metal introspection operations at Inspector's root (versions).
        (
            "baremetal-introspection",
            "",
            baremetalintrospection::v1::ROOT_OPERATIONS,
        ),
        // Container infrastructure v1 (Magnum): the client's resource base is …/v1/; the
        // index writes /v1/… paths.
        (
            "container-infrastructure-management",
            "/v1",
            containerinfra::v1::OPERATIONS,
        ),
        // Container infrastructure operations at Magnum's root (versions).
        (
            "container-infrastructure-management",
            "",
            containerinfra::v1::ROOT_OPERATIONS,
        ),
        // Database v1.0 (Trove): the endpoint is …/v1.0/{project_id}; the index writes
        // /v1.0/{project_id}/… paths.
        ("database", "/v1.0/{project_id}", db::v1::OPERATIONS),
        // Database operations at Trove's root (versions).
        ("database", "", db::v1::ROOT_OPERATIONS),
        // Messaging v2 (Zaqar): the client's resource base is …/v2/; the index writes
        // /v2/… paths.
        ("message", "/v2", messaging::v2::OPERATIONS),
        // Messaging operations at Zaqar's root (versions).
        ("message", "", messaging::v2::ROOT_OPERATIONS),
        // Accelerator v2 (Cyborg): the client's resource base is …/v2/; the index writes
        // /v2/… paths.
        ("accelerator", "/v2", accelerator::v2::OPERATIONS),
        // Workflow v2 (Mistral): the catalog endpoint is …/v2; the index writes /v2/… paths.
        ("workflow", "/v2", workflow::v2::OPERATIONS),
        // Instance HA v1 (Masakari): the endpoint is …/v1/{project_id}; the index writes
        // paths from it.
        ("instance-ha", "", instanceha::v1::OPERATIONS),
        // Instance HA operations at Masakari's root (versions).
        ("instance-ha", "", instanceha::v1::ROOT_OPERATIONS),
        // Application container v1 (Zun): the client's resource base is …/v1/; the index
        // writes /v1/… paths.
        ("application-container", "/v1", container::v1::OPERATIONS),
        // Clustering v1 (Senlin): the client's resource base is …/v1/; the index writes
        // /v1/… paths.
        ("clustering", "/v1", clustering::v1::OPERATIONS),
        // Clustering operations at Senlin's root (versions).
        ("clustering", "", clustering::v1::ROOT_OPERATIONS),
    ];
    versions
        .iter()
        .flat_map(|&(service, prefix, modules)| {
            modules
                .iter()
                .flat_map(|ops| ops.iter())
                .map(move |op| (service, prefix, *op))
        })
        .collect()
}

/// A provider for the Keystone at `auth_url`, not yet authenticated.
///
/// ```
/// let provider = ferrocloud::openstack::new_client("http://keystone:5000/v3").unwrap();
/// assert!(provider.token().is_none());
/// ```
pub fn new_client(auth_url: &str) -> Result<ProviderClient> {
    ProviderClient::builder(auth_url).build()
}

/// Authenticates `provider` with `opts` (and keeps them for re-authentication, unless
/// `opts.allow_reauth` is false).
///
/// ```no_run
/// # async fn demo() -> ferrocloud::Result<()> {
/// let provider = ferrocloud::openstack::new_client("http://keystone:5000")?;
/// let opts = ferrocloud::AuthOptions::token("http://keystone:5000", "gAAAA…");
/// ferrocloud::openstack::authenticate(&provider, opts).await?;
/// # Ok(()) }
/// ```
pub async fn authenticate(provider: &ProviderClient, opts: AuthOptions) -> Result<()> {
    provider.authenticate(opts).await
}

/// A new provider for `opts.auth_url`, authenticated with `opts`.
///
/// ```no_run
/// # async fn demo() -> ferrocloud::Result<()> {
/// let opts = ferrocloud::openstack::auth_options_from_env()?;
/// let provider = ferrocloud::openstack::authenticated_client(opts).await?;
/// # Ok(()) }
/// ```
pub async fn authenticated_client(opts: AuthOptions) -> Result<ProviderClient> {
    let provider = new_client(&opts.auth_url)?;
    provider.authenticate(opts).await?;
    Ok(provider)
}

/// A service client for the first of `types` found in the provider's catalog.
pub fn service_client(
    provider: &ProviderClient,
    eo: &EndpointOpts,
    service_type: &str,
    types: &[&str],
    version_suffix: Option<&str>,
) -> Result<ServiceClient> {
    let url = provider.catalog().locate(types, eo)?;
    ServiceClient::new(provider.clone(), service_type, &url, version_suffix)
}

macro_rules! service_constructors {
    ($($(#[$doc:meta])* $fn_name:ident => $stype:literal, $types:expr, $suffix:expr;)*) => {
        $(
            $(#[$doc])*
            pub fn $fn_name(provider: &ProviderClient, eo: EndpointOpts) -> Result<ServiceClient> {
                service_client(provider, &eo, $stype, $types, $suffix)
            }
        )*
    };
}

service_constructors! {
    /// Compute v2 (Nova).
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let compute = ferrocloud::openstack::new_compute_v2(&provider, ferrocloud::EndpointOpts::region("RegionOne"))?;
    /// # Ok(()) }
    /// ```
    new_compute_v2 => "compute", &["compute"], None;
    /// Networking v2 (Neutron); resources under `v2.0/`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let network = ferrocloud::openstack::new_network_v2(&provider, Default::default())?;
    /// assert!(network.resource_base().path().ends_with("/v2.0/"));
    /// # Ok(()) }
    /// ```
    new_network_v2 => "network", &["network"], Some("v2.0");
    /// Block storage v3 (Cinder), found as `block-storage` or `volumev3`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let volumes = ferrocloud::openstack::new_block_storage_v3(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_block_storage_v3 => "block-storage", &["block-storage", "volumev3", "block-store"], None;
    /// Block storage v2 (Cinder, legacy), found as `volumev2`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let volumes = ferrocloud::openstack::new_block_storage_v2(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_block_storage_v2 => "block-storage", &["volumev2"], None;
    /// Block storage v1 (Cinder, legacy), found as `volume`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let volumes = ferrocloud::openstack::new_block_storage_v1(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_block_storage_v1 => "block-storage", &["volume"], None;
    /// Image v2 (Glance); resources under `v2/`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let image = ferrocloud::openstack::new_image_v2(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_image_v2 => "image", &["image"], Some("v2");
    /// Object storage v1 (Swift).
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let swift = ferrocloud::openstack::new_object_storage_v1(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_object_storage_v1 => "object-store", &["object-store"], None;
    /// Placement v1.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let placement = ferrocloud::openstack::new_placement_v1(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_placement_v1 => "placement", &["placement"], None;
    /// Shared file systems v2 (Manila), found as `shared-file-system` or `sharev2`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let manila = ferrocloud::openstack::new_shared_file_system_v2(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_shared_file_system_v2 => "shared-file-system", &["shared-file-system", "sharev2"], None;
    /// Orchestration v1 (Heat).
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let heat = ferrocloud::openstack::new_orchestration_v1(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_orchestration_v1 => "orchestration", &["orchestration"], None;
    /// DNS v2 (Designate); resources under `v2/`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let dns = ferrocloud::openstack::new_dns_v2(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_dns_v2 => "dns", &["dns"], Some("v2");
    /// Load balancer v2 (Octavia); resources under `v2/`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let lb = ferrocloud::openstack::new_load_balancer_v2(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_load_balancer_v2 => "load-balancer", &["load-balancer"], Some("v2");
    /// Key manager v1 (Barbican); resources under `v1/`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let barbican = ferrocloud::openstack::new_key_manager_v1(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_key_manager_v1 => "key-manager", &["key-manager"], Some("v1");
    /// Bare metal v1 (Ironic); resources under `v1/`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let ironic = ferrocloud::openstack::new_baremetal_v1(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_baremetal_v1 => "baremetal", &["baremetal", "bare-metal"], Some("v1");
    /// Bare metal introspection v1 (Ironic Inspector); resources under `v1/`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let inspector = ferrocloud::openstack::new_baremetal_introspection_v1(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_baremetal_introspection_v1 => "baremetal-introspection", &["baremetal-introspection"], Some("v1");
    /// Container infrastructure management v1 (Magnum).
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let magnum = ferrocloud::openstack::new_container_infra_v1(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_container_infra_v1 => "container-infrastructure-management", aliases("container-infrastructure-management"), Some("v1");
    /// Containers v1 (Zun); resources under `v1/`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let zun = ferrocloud::openstack::new_container_v1(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_container_v1 => "container", aliases("application-container"), Some("v1");
    /// Workflow v2 (Mistral).
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let mistral = ferrocloud::openstack::new_workflow_v2(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_workflow_v2 => "workflow", aliases("workflow"), None;
    /// Messaging v2 (Zaqar); resources under `v2/` (Zaqar's catalog endpoint has no
    /// version). Every request needs a `Client-ID`: see
    /// [`messaging::v2::common::with_client_id`].
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let zaqar = ferrocloud::openstack::new_messaging_v2(&provider, Default::default())?;
    /// let zaqar = ferrocloud::openstack::messaging::v2::common::with_new_client_id(&zaqar)?;
    /// assert!(zaqar.resource_base().path().ends_with("/v2/"));
    /// # Ok(()) }
    /// ```
    new_messaging_v2 => "messaging", &["messaging"], Some("v2");
    /// Database v1.0 (Trove); the catalog endpoint holds the project
    /// (`…/v1.0/<project_id>`), where Trove's resources are.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let trove = ferrocloud::openstack::new_database_v1(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_database_v1 => "database", &["database"], None;
    /// Clustering v1 (Senlin); resources under `v1/`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let senlin = ferrocloud::openstack::new_clustering_v1(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_clustering_v1 => "clustering", &["clustering"], Some("v1");
    /// Accelerator v2 (Cyborg); resources under `v2/`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let cyborg = ferrocloud::openstack::new_accelerator_v2(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_accelerator_v2 => "accelerator", &["accelerator"], Some("v2");
    /// Instance HA v1 (Masakari), found as `instance-ha` or `ha`.
    ///
    /// ```no_run
    /// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
    /// let masakari = ferrocloud::openstack::new_instance_ha_v1(&provider, Default::default())?;
    /// # Ok(()) }
    /// ```
    new_instance_ha_v1 => "instance-ha", aliases("instance-ha"), None;
}

fn identity_client(
    provider: &ProviderClient,
    eo: &EndpointOpts,
    suffix: &str,
) -> Result<ServiceClient> {
    match provider.catalog().locate(&["identity"], eo) {
        Ok(url) => ServiceClient::new(provider.clone(), "identity", &url, Some(suffix)),
        Err(e) if e.kind() == ErrorKind::EndpointNotFound => {
            // Fall back to the endpoint the provider authenticated against.
            let base = provider.identity_endpoint().ok_or(e)?;
            let mut root = base.clone();
            let path = base.path().trim_end_matches('/');
            let unversioned = path
                .strip_suffix("/v3")
                .or_else(|| path.strip_suffix("/v2.0"))
                .unwrap_or(path)
                .to_string();
            root.set_path(&unversioned);
            ServiceClient::new(provider.clone(), "identity", root.as_str(), Some(suffix))
        }
        Err(e) => Err(e),
    }
}

/// Identity v3 (Keystone); resources under `v3/`. Uses the catalog's identity endpoint,
/// or the one the provider authenticated against when the catalog has none.
///
/// ```no_run
/// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
/// let identity = ferrocloud::openstack::new_identity_v3(&provider, Default::default())?;
/// assert!(identity.resource_base().path().ends_with("/v3/"));
/// # Ok(()) }
/// ```
pub fn new_identity_v3(provider: &ProviderClient, eo: EndpointOpts) -> Result<ServiceClient> {
    identity_client(provider, &eo, "v3")
}

/// Identity v2.0 (Keystone, legacy); resources under `v2.0/`.
///
/// ```no_run
/// # fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
/// let identity = ferrocloud::openstack::new_identity_v2(&provider, Default::default())?;
/// # Ok(()) }
/// ```
pub fn new_identity_v2(provider: &ProviderClient, eo: EndpointOpts) -> Result<ServiceClient> {
    identity_client(provider, &eo, "v2.0")
}
