//! A handle on one configured cloud: the provider underneath, and service clients with
//! the cloud's settings.

use std::fmt;
use std::sync::Arc;

use super::service::spec;
use super::{CloudAuth, CloudConfig, CloudsConfig};
use crate::{Error, ErrorKind, ProviderClient, Result, ServiceClient};

struct Inner {
    config: CloudConfig,
    provider: ProviderClient,
    auth_lock: tokio::sync::Mutex<()>,
}

/// A configured cloud: a [`ProviderClient`] built from its [`CloudConfig`] (TLS,
/// timeout, credentials), and service clients with its region, interface, endpoint
/// overrides and API versions.
///
/// Authentication is lazy: nothing is sent until a service client is asked for (the
/// catalog comes with the token) or a request is made; [`Cloud::authenticate`] does it
/// now. Cheap to clone.
///
/// ```no_run
/// # async fn demo() -> ferrocloud::Result<()> {
/// use ferrocloud::config::Cloud;
/// use ferrocloud::openstack::compute::v2::servers;
///
/// let cloud = Cloud::from_config(None)?; // OS_CLOUD, or the only cloud of clouds.yaml
/// let compute = cloud.compute().await?;  // authenticates once, pins compute_api_version
/// let server = servers::get(&compute, "8c3c0d25-0b6a-4d54-a7e0-5d0c7b1b0a49").await.extract()?;
/// println!("{} on {}", server.name.unwrap_or_default(), cloud.name());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Cloud {
    inner: Arc<Inner>,
}

impl fmt::Debug for Cloud {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cloud")
            .field("name", &self.inner.config.name)
            .field("region_name", &self.inner.config.region_name)
            .field("auth_type", &self.inner.config.auth_type)
            .field("provider", &self.inner.provider)
            .finish_non_exhaustive()
    }
}

impl Cloud {
    /// A handle on a resolved cloud (nothing is sent yet).
    ///
    /// ```
    /// use ferrocloud::config::{Cloud, CloudConfig};
    /// let cfg = CloudConfig::from_value("lab", serde_json::json!({
    ///     "auth": {"auth_url": "http://k:5000/v3", "user_id": "u", "password": "p"}})).unwrap();
    /// let cloud = Cloud::new(cfg).unwrap();
    /// assert_eq!(cloud.name(), "lab");
    /// assert_eq!(cloud.provider().token_generation(), 0);
    /// ```
    pub fn new(config: CloudConfig) -> Result<Cloud> {
        let provider = config.provider()?;
        Ok(Cloud {
            inner: Arc::new(Inner {
                config,
                provider,
                auth_lock: tokio::sync::Mutex::new(()),
            }),
        })
    }

    /// The cloud `name` (else the default one) of this process's configuration files and
    /// environment; see [`CloudsConfig::load`]. Does not authenticate.
    ///
    /// ```no_run
    /// let cloud = ferrocloud::config::Cloud::from_config(Some("devstack"))?;
    /// assert_eq!(cloud.provider().token_generation(), 0);
    /// # Ok::<(), ferrocloud::Error>(())
    /// ```
    pub fn from_config(name: Option<&str>) -> Result<Cloud> {
        Cloud::new(CloudsConfig::load()?.cloud(name)?)
    }

    /// Like [`from_config`](Self::from_config), and authenticates now.
    ///
    /// ```no_run
    /// # async fn demo() -> ferrocloud::Result<()> {
    /// let cloud = ferrocloud::config::Cloud::connect(None).await?;
    /// assert!(cloud.provider().token().is_some());
    /// # Ok(()) }
    /// ```
    pub async fn connect(name: Option<&str>) -> Result<Cloud> {
        let cloud = Self::from_config(name)?;
        cloud.authenticate().await?;
        Ok(cloud)
    }

    /// The cloud's configuration.
    ///
    /// ```
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    /// #     "auth_type": "none", "region_name": "R1",
    /// #     "compute_endpoint_override": "http://nova:8774/v2.1", "compute_api_version": "2.79",
    /// #     "network_endpoint_override": "http://neutron:9696",
    /// #     "volume_endpoint_override": "http://cinder:8776/v3/p", "volume_api_version": "3.59",
    /// #     "image_endpoint_override": "http://glance:9292",
    /// #     "identity_endpoint_override": "http://keystone:5000",
    /// #     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p",
    /// #     "placement_endpoint_override": "http://placement:8778"})).unwrap();
    /// # let cloud = ferrocloud::config::Cloud::new(cfg).unwrap();
    /// assert_eq!(cloud.config().auth_type, ferrocloud::config::AuthType::NoAuth);
    /// ```
    pub fn config(&self) -> &CloudConfig {
        &self.inner.config
    }

    /// The cloud's name.
    ///
    /// ```
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    /// #     "auth_type": "none", "region_name": "R1",
    /// #     "compute_endpoint_override": "http://nova:8774/v2.1", "compute_api_version": "2.79",
    /// #     "network_endpoint_override": "http://neutron:9696",
    /// #     "volume_endpoint_override": "http://cinder:8776/v3/p", "volume_api_version": "3.59",
    /// #     "image_endpoint_override": "http://glance:9292",
    /// #     "identity_endpoint_override": "http://keystone:5000",
    /// #     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p",
    /// #     "placement_endpoint_override": "http://placement:8778"})).unwrap();
    /// # let cloud = ferrocloud::config::Cloud::new(cfg).unwrap();
    /// assert_eq!(cloud.name(), "lab");
    /// ```
    pub fn name(&self) -> &str {
        &self.inner.config.name
    }

    /// The region in use, if any.
    ///
    /// ```
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    /// #     "auth_type": "none", "region_name": "R1",
    /// #     "compute_endpoint_override": "http://nova:8774/v2.1", "compute_api_version": "2.79",
    /// #     "network_endpoint_override": "http://neutron:9696",
    /// #     "volume_endpoint_override": "http://cinder:8776/v3/p", "volume_api_version": "3.59",
    /// #     "image_endpoint_override": "http://glance:9292",
    /// #     "identity_endpoint_override": "http://keystone:5000",
    /// #     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p",
    /// #     "placement_endpoint_override": "http://placement:8778"})).unwrap();
    /// # let cloud = ferrocloud::config::Cloud::new(cfg).unwrap();
    /// assert_eq!(cloud.region_name(), Some("R1"));
    /// ```
    pub fn region_name(&self) -> Option<&str> {
        self.inner.config.region_name.as_deref()
    }

    /// The provider underneath (token, catalog, HTTP client).
    ///
    /// ```
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    /// #     "auth_type": "none", "region_name": "R1",
    /// #     "compute_endpoint_override": "http://nova:8774/v2.1", "compute_api_version": "2.79",
    /// #     "network_endpoint_override": "http://neutron:9696",
    /// #     "volume_endpoint_override": "http://cinder:8776/v3/p", "volume_api_version": "3.59",
    /// #     "image_endpoint_override": "http://glance:9292",
    /// #     "identity_endpoint_override": "http://keystone:5000",
    /// #     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p",
    /// #     "placement_endpoint_override": "http://placement:8778"})).unwrap();
    /// # let cloud = ferrocloud::config::Cloud::new(cfg).unwrap();
    /// assert!(cloud.provider().token().is_none());
    /// ```
    pub fn provider(&self) -> &ProviderClient {
        &self.inner.provider
    }

    /// Authenticates now (again, if already authenticated). Nothing to do for `none`
    /// and `admin_token`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> ferrocloud::Result<()> {
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    /// #     "auth_type": "none", "region_name": "R1",
    /// #     "compute_endpoint_override": "http://nova:8774/v2.1", "compute_api_version": "2.79",
    /// #     "network_endpoint_override": "http://neutron:9696",
    /// #     "volume_endpoint_override": "http://cinder:8776/v3/p", "volume_api_version": "3.59",
    /// #     "image_endpoint_override": "http://glance:9292",
    /// #     "identity_endpoint_override": "http://keystone:5000",
    /// #     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p",
    /// #     "placement_endpoint_override": "http://placement:8778"})).unwrap();
    /// # let cloud = ferrocloud::config::Cloud::new(cfg).unwrap();
    /// cloud.authenticate().await?; // nothing to do for `none`
    /// # Ok(())
    /// # }
    /// ```
    pub async fn authenticate(&self) -> Result<()> {
        match &self.inner.config.auth {
            CloudAuth::Keystone(opts) => {
                let _guard = self.inner.auth_lock.lock().await;
                self.inner.provider.authenticate(opts.clone()).await
            }
            _ => Ok(()),
        }
    }

    /// Authenticates once, if no token (and so no catalog) was obtained yet.
    async fn ensure_catalog(&self) -> Result<()> {
        let CloudAuth::Keystone(opts) = &self.inner.config.auth else {
            return Ok(());
        };
        if self.inner.provider.auth_info().is_some() {
            return Ok(());
        }
        let _guard = self.inner.auth_lock.lock().await;
        if self.inner.provider.auth_info().is_some() {
            return Ok(());
        }
        self.inner.provider.authenticate(opts.clone()).await
    }

    /// A client for a service, named by type (`compute`, `block-storage`), alias
    /// (`volume`) or with `_` for `-` (`object_store`), with the cloud's settings for it:
    /// an endpoint override, else the catalog's endpoint in its region and interface
    /// (authenticating first if needed), and the microversion of its API version.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> ferrocloud::Result<()> {
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    /// #     "auth_type": "none", "region_name": "R1",
    /// #     "compute_endpoint_override": "http://nova:8774/v2.1", "compute_api_version": "2.79",
    /// #     "network_endpoint_override": "http://neutron:9696",
    /// #     "volume_endpoint_override": "http://cinder:8776/v3/p", "volume_api_version": "3.59",
    /// #     "image_endpoint_override": "http://glance:9292",
    /// #     "identity_endpoint_override": "http://keystone:5000",
    /// #     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p",
    /// #     "placement_endpoint_override": "http://placement:8778"})).unwrap();
    /// # let cloud = ferrocloud::config::Cloud::new(cfg).unwrap();
    /// let bs = cloud.service("volume").await?;
    /// assert_eq!((bs.service_type(), bs.microversion()), ("block-storage", Some("3.59")));
    /// # Ok(())
    /// # }
    /// ```
    pub async fn service(&self, service: &str) -> Result<ServiceClient> {
        let config = &self.inner.config;
        let provider = &self.inner.provider;
        let sc = config.service(service)?;
        let major = sc
            .api_version
            .as_deref()
            .or(match (sc.service_type.as_str(), &config.auth) {
                ("identity", CloudAuth::Keystone(o)) => match o.identity_version {
                    Some(crate::IdentityVersion::V2) => Some("2"),
                    _ => None,
                },
                _ => None,
            });
        let spec = spec(&sc.service_type, major);
        let client = match &sc.endpoint_override {
            Some(endpoint) => {
                ServiceClient::new(provider.clone(), &sc.service_type, endpoint, spec.suffix)?
            }
            None => {
                if !matches!(config.auth, CloudAuth::Keystone(_)) {
                    return Err(Error::config(format!(
                        "cloud {:?}: auth_type {} has no catalog: set {}_endpoint_override (or auth.endpoint)",
                        config.name,
                        config.auth_type,
                        sc.service_type.replace('-', "_")
                    )));
                }
                self.ensure_catalog().await?;
                let owned;
                let types: &[&str] = if spec.types.is_empty() {
                    owned = [sc.service_type.as_str()];
                    &owned
                } else {
                    &spec.types
                };
                let eo = sc.endpoint_opts();
                let url = match provider.catalog().locate(types, &eo) {
                    Ok(url) => url,
                    Err(e)
                        if e.kind() == ErrorKind::EndpointNotFound
                            && sc.service_type == "identity" =>
                    {
                        identity_root(provider).ok_or(e)?
                    }
                    Err(e) => return Err(e),
                };
                ServiceClient::new(provider.clone(), &sc.service_type, &url, spec.suffix)?
            }
        };
        Ok(match &sc.microversion {
            Some(v) => client.with_microversion(v.clone()),
            None => client,
        })
    }

    /// Compute (Nova).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> ferrocloud::Result<()> {
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    /// #     "auth_type": "none", "region_name": "R1",
    /// #     "compute_endpoint_override": "http://nova:8774/v2.1", "compute_api_version": "2.79",
    /// #     "network_endpoint_override": "http://neutron:9696",
    /// #     "volume_endpoint_override": "http://cinder:8776/v3/p", "volume_api_version": "3.59",
    /// #     "image_endpoint_override": "http://glance:9292",
    /// #     "identity_endpoint_override": "http://keystone:5000",
    /// #     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p",
    /// #     "placement_endpoint_override": "http://placement:8778"})).unwrap();
    /// # let cloud = ferrocloud::config::Cloud::new(cfg).unwrap();
    /// assert_eq!(cloud.compute().await?.microversion(), Some("2.79"));
    /// # Ok(())
    /// # }
    /// ```
    pub async fn compute(&self) -> Result<ServiceClient> {
        self.service("compute").await
    }

    /// Networking (Neutron); resources under `v2.0/`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> ferrocloud::Result<()> {
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    /// #     "auth_type": "none", "region_name": "R1",
    /// #     "compute_endpoint_override": "http://nova:8774/v2.1", "compute_api_version": "2.79",
    /// #     "network_endpoint_override": "http://neutron:9696",
    /// #     "volume_endpoint_override": "http://cinder:8776/v3/p", "volume_api_version": "3.59",
    /// #     "image_endpoint_override": "http://glance:9292",
    /// #     "identity_endpoint_override": "http://keystone:5000",
    /// #     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p",
    /// #     "placement_endpoint_override": "http://placement:8778"})).unwrap();
    /// # let cloud = ferrocloud::config::Cloud::new(cfg).unwrap();
    /// assert_eq!(cloud.network().await?.resource_base().as_str(), "http://neutron:9696/v2.0/");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn network(&self) -> Result<ServiceClient> {
        self.service("network").await
    }

    /// Block storage (Cinder): `block-storage`, `volumev3`… as its API version says.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> ferrocloud::Result<()> {
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    /// #     "auth_type": "none", "region_name": "R1",
    /// #     "compute_endpoint_override": "http://nova:8774/v2.1", "compute_api_version": "2.79",
    /// #     "network_endpoint_override": "http://neutron:9696",
    /// #     "volume_endpoint_override": "http://cinder:8776/v3/p", "volume_api_version": "3.59",
    /// #     "image_endpoint_override": "http://glance:9292",
    /// #     "identity_endpoint_override": "http://keystone:5000",
    /// #     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p",
    /// #     "placement_endpoint_override": "http://placement:8778"})).unwrap();
    /// # let cloud = ferrocloud::config::Cloud::new(cfg).unwrap();
    /// assert_eq!(cloud.block_storage().await?.endpoint().as_str(), "http://cinder:8776/v3/p/");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn block_storage(&self) -> Result<ServiceClient> {
        self.service("block-storage").await
    }

    /// Image (Glance); resources under `v2/`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> ferrocloud::Result<()> {
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    /// #     "auth_type": "none", "region_name": "R1",
    /// #     "compute_endpoint_override": "http://nova:8774/v2.1", "compute_api_version": "2.79",
    /// #     "network_endpoint_override": "http://neutron:9696",
    /// #     "volume_endpoint_override": "http://cinder:8776/v3/p", "volume_api_version": "3.59",
    /// #     "image_endpoint_override": "http://glance:9292",
    /// #     "identity_endpoint_override": "http://keystone:5000",
    /// #     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p",
    /// #     "placement_endpoint_override": "http://placement:8778"})).unwrap();
    /// # let cloud = ferrocloud::config::Cloud::new(cfg).unwrap();
    /// assert_eq!(cloud.image().await?.resource_base().as_str(), "http://glance:9292/v2/");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn image(&self) -> Result<ServiceClient> {
        self.service("image").await
    }

    /// Identity (Keystone); resources under `v3/` (or `v2.0/`). Falls back to the
    /// endpoint authenticated against when the catalog has none.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> ferrocloud::Result<()> {
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    /// #     "auth_type": "none", "region_name": "R1",
    /// #     "compute_endpoint_override": "http://nova:8774/v2.1", "compute_api_version": "2.79",
    /// #     "network_endpoint_override": "http://neutron:9696",
    /// #     "volume_endpoint_override": "http://cinder:8776/v3/p", "volume_api_version": "3.59",
    /// #     "image_endpoint_override": "http://glance:9292",
    /// #     "identity_endpoint_override": "http://keystone:5000",
    /// #     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p",
    /// #     "placement_endpoint_override": "http://placement:8778"})).unwrap();
    /// # let cloud = ferrocloud::config::Cloud::new(cfg).unwrap();
    /// assert_eq!(cloud.identity().await?.resource_base().as_str(), "http://keystone:5000/v3/");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn identity(&self) -> Result<ServiceClient> {
        self.service("identity").await
    }

    /// Object storage (Swift).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> ferrocloud::Result<()> {
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    /// #     "auth_type": "none", "region_name": "R1",
    /// #     "compute_endpoint_override": "http://nova:8774/v2.1", "compute_api_version": "2.79",
    /// #     "network_endpoint_override": "http://neutron:9696",
    /// #     "volume_endpoint_override": "http://cinder:8776/v3/p", "volume_api_version": "3.59",
    /// #     "image_endpoint_override": "http://glance:9292",
    /// #     "identity_endpoint_override": "http://keystone:5000",
    /// #     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p",
    /// #     "placement_endpoint_override": "http://placement:8778"})).unwrap();
    /// # let cloud = ferrocloud::config::Cloud::new(cfg).unwrap();
    /// assert_eq!(cloud.object_store().await?.service_type(), "object-store");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn object_store(&self) -> Result<ServiceClient> {
        self.service("object-store").await
    }

    /// Placement.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> ferrocloud::Result<()> {
    /// # let cfg = ferrocloud::config::CloudConfig::from_value("lab", serde_json::json!({
    /// #     "auth_type": "none", "region_name": "R1",
    /// #     "compute_endpoint_override": "http://nova:8774/v2.1", "compute_api_version": "2.79",
    /// #     "network_endpoint_override": "http://neutron:9696",
    /// #     "volume_endpoint_override": "http://cinder:8776/v3/p", "volume_api_version": "3.59",
    /// #     "image_endpoint_override": "http://glance:9292",
    /// #     "identity_endpoint_override": "http://keystone:5000",
    /// #     "object_store_endpoint_override": "http://swift:8080/v1/AUTH_p",
    /// #     "placement_endpoint_override": "http://placement:8778"})).unwrap();
    /// # let cloud = ferrocloud::config::Cloud::new(cfg).unwrap();
    /// assert_eq!(cloud.placement().await?.endpoint().as_str(), "http://placement:8778/");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn placement(&self) -> Result<ServiceClient> {
        self.service("placement").await
    }
}

/// The unversioned root of the identity endpoint the provider authenticated against.
fn identity_root(provider: &ProviderClient) -> Option<String> {
    let base = provider.identity_endpoint()?;
    let mut root = base.clone();
    let path = base.path().trim_end_matches('/');
    let unversioned = path
        .strip_suffix("/v3")
        .or_else(|| path.strip_suffix("/v2.0"))
        .unwrap_or(path)
        .to_string();
    root.set_path(&unversioned);
    Some(root.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[tokio::test]
    async fn endpoint_overrides_need_no_authentication() {
        let cfg = CloudConfig::from_value(
            "c",
            json!({"auth": {"auth_url": "http://127.0.0.1:9/v3", "token": "t"},
                   "compute_endpoint_override": "http://nova:8774/v2.1",
                   "compute_api_version": "2.79",
                   "network_endpoint_override": "http://neutron:9696",
                   "volume_api_version": "3.59",
                   "block_storage_endpoint_override": "http://cinder:8776/v3/p"}),
        )
        .unwrap();
        let cloud = Cloud::new(cfg).unwrap();
        let compute = cloud.compute().await.unwrap();
        assert_eq!(compute.resource_base().as_str(), "http://nova:8774/v2.1/");
        assert_eq!(compute.microversion(), Some("2.79"));
        let network = cloud.network().await.unwrap();
        assert_eq!(
            network.resource_base().as_str(),
            "http://neutron:9696/v2.0/"
        );
        assert_eq!(network.microversion(), None);
        let bs = cloud.block_storage().await.unwrap();
        assert_eq!(
            (bs.service_type(), bs.microversion()),
            ("block-storage", Some("3.59"))
        );
        assert_eq!(cloud.provider().token_generation(), 0);
    }

    #[tokio::test]
    async fn no_auth_uses_the_fixed_endpoint_or_fails_clearly() {
        let cfg = CloudConfig::from_value(
            "standalone",
            json!({"auth_type": "none", "auth": {"endpoint": "http://ironic:6385"},
                   "baremetal_api_version": "1.78"}),
        )
        .unwrap();
        let cloud = Cloud::new(cfg).unwrap();
        let bm = cloud.service("baremetal").await.unwrap();
        assert_eq!(bm.resource_base().as_str(), "http://ironic:6385/v1/");
        assert_eq!(bm.microversion(), Some("1.78"));
        assert!(cloud.provider().token().is_none());

        let cfg = CloudConfig::from_value(
            "standalone",
            json!({"auth_type": "none", "baremetal_endpoint_override": "http://ironic:6385"}),
        )
        .unwrap();
        let cloud = Cloud::new(cfg).unwrap();
        let e = cloud.compute().await.unwrap_err();
        assert!(e.to_string().contains("compute_endpoint_override"), "{e}");
    }

    #[tokio::test]
    async fn admin_token_sets_the_token() {
        let cfg = CloudConfig::from_value(
            "c",
            json!({"auth_type": "token_endpoint", "auth": {"endpoint": "http://svc:1234", "token": "fixed-tok"}}),
        )
        .unwrap();
        let cloud = Cloud::new(cfg).unwrap();
        use crate::ExposeSecret;
        assert_eq!(
            cloud.provider().token().unwrap().expose_secret(),
            "fixed-tok"
        );
        assert!(!format!("{cloud:?}").contains("fixed-tok"));
    }
}
