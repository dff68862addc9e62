//! Secret stores (multiple store backends): the backends a deployment keeps secrets
//! in, the global default, and the store a project prefers for its new secrets. Where
//! multiple backends are not enabled, every operation answers `404`.
//!
//! ```no_run
//! # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::keymanager::v1::secret_stores;
//! let stores = secret_stores::list(&barbican).await.extract()?;
//! let hsm = stores.iter().find(|s| s.name == "PKCS11 HSM").expect("an HSM store");
//! secret_stores::set_preferred(&barbican, &hsm.secret_store_ref).await.ok()?;
//! # Ok(()) }
//! ```

use serde::Deserialize;

use super::common::{self, Status};
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::request::ApiResult;

crate::operations! {
    service: "key-manager";
    /// List the secret stores.
    LIST = GET "/secret-stores" list("secret_stores", SecretStore);
    /// Show a secret store.
    GET = GET "/secret-stores/{secret_store_id}" response(SecretStore);
    /// Show the project's preferred secret store.
    GET_PREFERRED = GET "/secret-stores/preferred" response(SecretStore);
    /// Make a secret store the project's preferred one.
    SET_PREFERRED = POST "/secret-stores/{secret_store_id}/preferred";
    /// Stop preferring a secret store.
    UNSET_PREFERRED = DELETE "/secret-stores/{secret_store_id}/preferred";
    /// Show the global default secret store.
    GET_GLOBAL_DEFAULT = GET "/secret-stores/global-default" response(SecretStore);
}

/// A secret store: a store plugin, with the crypto plugin it uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SecretStore {
    /// Its URL; [`SecretStore::id`] gives the UUID.
    pub secret_store_ref: String,
    /// Its name.
    pub name: String,
    /// The status.
    pub status: Status,
    /// Whether it is the deployment's default.
    pub global_default: bool,
    /// The store plugin (`store_crypto`, `kmip_plugin`…).
    #[serde(default)]
    pub secret_store_plugin: Option<String>,
    /// The crypto plugin (`simple_crypto`, `p11_crypto`…; none for stores that do not
    /// use one).
    #[serde(default)]
    pub crypto_plugin: Option<String>,
    /// When it was configured.
    #[serde(with = "crate::dates::timestamp")]
    pub created: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
}

impl SecretStore {
    /// The store's UUID (the end of its `secret_store_ref`).
    ///
    /// ```
    /// # use ferrocloud::openstack::keymanager::v1::secret_stores::SecretStore;
    /// let s: SecretStore = serde_json::from_value(serde_json::json!({
    ///     "secret_store_ref": "http://h/v1/secret-stores/4d27", "name": "PKCS11 HSM",
    ///     "status": "ACTIVE", "global_default": true, "created": "2016-08-22T23:46:45.114283",
    ///     "updated": "2016-08-22T23:46:45.114283"})).unwrap();
    /// assert_eq!(s.id(), "4d27");
    /// ```
    pub fn id(&self) -> &str {
        common::id_from_ref(&self.secret_store_ref)
    }
}

/// Lists the secret stores (one page: a deployment has few).
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// for s in ferrocloud::openstack::keymanager::v1::secret_stores::list(&barbican).await.extract()? {
///     println!("{} {}", s.name, s.global_default);
/// }
/// # Ok(()) }
/// ```
pub async fn list(client: &ServiceClient) -> ApiResult<Vec<SecretStore>> {
    client.request(&LIST, &[]).send().await
}

/// Shows a secret store (`store`: its reference or UUID).
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let s = ferrocloud::openstack::keymanager::v1::secret_stores::get(&barbican, "93869b0f").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, store: &str) -> ApiResult<SecretStore> {
    common::request_on(client, &GET, store, "secret-stores")
        .send()
        .await
}

/// Shows the project's preferred secret store (`404` when it has none).
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let s = ferrocloud::openstack::keymanager::v1::secret_stores::get_preferred(&barbican).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get_preferred(client: &ServiceClient) -> ApiResult<SecretStore> {
    client.request(&GET_PREFERRED, &[]).send().await
}

/// Makes a secret store the project's preferred one (`204`): the project's new
/// secrets go there.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::keymanager::v1::secret_stores::set_preferred(&barbican, "7776adb8").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn set_preferred(client: &ServiceClient, store: &str) -> ApiResult<()> {
    common::request_on(client, &SET_PREFERRED, store, "secret-stores")
        .send()
        .await
}

/// Stops preferring a secret store (`204`): new secrets go to the global default.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::keymanager::v1::secret_stores::unset_preferred(&barbican, "7776adb8").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn unset_preferred(client: &ServiceClient, store: &str) -> ApiResult<()> {
    common::request_on(client, &UNSET_PREFERRED, store, "secret-stores")
        .send()
        .await
}

/// Shows the deployment's global default secret store.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let s = ferrocloud::openstack::keymanager::v1::secret_stores::get_global_default(&barbican).await.extract()?;
/// assert!(s.global_default);
/// # Ok(()) }
/// ```
pub async fn get_global_default(client: &ServiceClient) -> ApiResult<SecretStore> {
    client.request(&GET_GLOBAL_DEFAULT, &[]).send().await
}
