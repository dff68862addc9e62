//! TSIG keys (admins): the shared secrets Designate signs zone transfers and
//! notifications with, for a pool or one zone. The secret is a
//! [`SecretString`](crate::SecretString): never printed by `Debug`.
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::tsigkeys::{self, Algorithm, CreateOpts, Scope};
//! let opts = CreateOpts::new("Example key", Algorithm::HmacSha256, "SomeSecretKey".into(),
//!     Scope::Pool, "d96851d0-765c-4ee9-bbdf-153345270bd3");
//! let key = tsigkeys::create(&dns, &opts).await.extract()?;
//! # Ok(()) }
//! ```

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::common::{Links, Paging};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "dns";
    /// Create a TSIG key (`201`).
    CREATE = POST "/tsigkeys" request(CreateOpts) response(TsigKey);
    /// List TSIG keys.
    LIST = GET "/tsigkeys" list("tsigkeys", TsigKey);
    /// Show a TSIG key.
    GET = GET "/tsigkeys/{tsigkey_id}" response(TsigKey);
    /// Change a TSIG key.
    UPDATE = PATCH "/tsigkeys/{tsigkey_id}" request(UpdateOpts) response(TsigKey);
    /// Delete a TSIG key (`204`).
    DELETE = DELETE "/tsigkeys/{tsigkey_id}";
}

crate::de::text_enum! {
    /// What a TSIG key is for.
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::tsigkeys::Scope;
    /// assert_eq!(serde_json::to_string(&Scope::Zone).unwrap(), "\"ZONE\"");
    /// ```
    Scope {
        /// Every zone of a pool (`resource_id` is the pool).
        Pool = "POOL",
        /// One zone (`resource_id` is the zone).
        Zone = "ZONE",
    }
}

crate::de::text_enum! {
    /// The HMAC algorithm of a TSIG key.
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::tsigkeys::Algorithm;
    /// assert_eq!(Algorithm::HmacSha256.as_str(), "hmac-sha256");
    /// ```
    Algorithm {
        /// HMAC-MD5.
        HmacMd5 = "hmac-md5",
        /// HMAC-SHA1.
        HmacSha1 = "hmac-sha1",
        /// HMAC-SHA224.
        HmacSha224 = "hmac-sha224",
        /// HMAC-SHA256.
        HmacSha256 = "hmac-sha256",
        /// HMAC-SHA384.
        HmacSha384 = "hmac-sha384",
        /// HMAC-SHA512.
        HmacSha512 = "hmac-sha512",
    }
}

/// A TSIG key.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TsigKey {
    /// The ID.
    pub id: String,
    /// The name (the key name the name servers see).
    pub name: String,
    /// The HMAC algorithm.
    pub algorithm: Algorithm,
    /// The shared secret.
    #[serde(deserialize_with = "crate::de::secret::deserialize")]
    pub secret: SecretString,
    /// A pool's key or a zone's.
    pub scope: Scope,
    /// The pool or zone.
    pub resource_id: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its own URL.
    pub links: Links,
}

crate::operation::extract_fn! {
    /// The TSIG keys of a page of [`list`].
    extract_tsigkeys, TsigKey
}

/// What [`create`] sends (the secret is written out only in the request body).
///
/// ```
/// use ferrocloud::openstack::dns::v2::tsigkeys::{Algorithm, CreateOpts, Scope};
/// let opts = CreateOpts::new("Example key", Algorithm::HmacSha256, "SomeSecretKey".into(),
///     Scope::Pool, "d96851d0");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "Example key", "algorithm": "hmac-sha256", "secret": "SomeSecretKey",
///     "scope": "POOL", "resource_id": "d96851d0"}));
/// assert!(!format!("{opts:?}").contains("SomeSecretKey"));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// The HMAC algorithm.
    pub algorithm: Algorithm,
    /// The shared secret (base64, as the name servers take it).
    #[serde(with = "crate::de::secret")]
    pub secret: SecretString,
    /// A pool's key or a zone's.
    pub scope: Scope,
    /// The pool or zone.
    pub resource_id: String,
}

impl CreateOpts {
    /// A key named `name`, for the pool or zone `resource_id`.
    ///
    /// ```
    /// use ferrocloud::openstack::dns::v2::tsigkeys::{Algorithm, CreateOpts, Scope};
    /// let o = CreateOpts::new("k", Algorithm::HmacSha512, "s".into(), Scope::Zone, "z1");
    /// assert_eq!(o.resource_id, "z1");
    /// ```
    pub fn new(
        name: impl Into<String>,
        algorithm: Algorithm,
        secret: SecretString,
        scope: Scope,
        resource_id: impl Into<String>,
    ) -> Self {
        CreateOpts {
            name: name.into(),
            algorithm,
            secret,
            scope,
            resource_id: resource_id.into(),
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        use secrecy::ExposeSecret;
        crate::request::require("name", !self.name.is_empty())?;
        crate::request::require("secret", !self.secret.expose_secret().is_empty())?;
        crate::request::require("resource_id", !self.resource_id.is_empty())
    }
}

/// What [`update`] changes.
///
/// ```
/// use ferrocloud::openstack::dns::v2::tsigkeys::{Scope, UpdateOpts};
/// let opts = UpdateOpts { name: Some("example_tsigkey".into()), scope: Some(Scope::Zone), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "example_tsigkey", "scope": "ZONE"}));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<Algorithm>,
    /// A new secret.
    #[serde(
        default,
        with = "crate::de::secret::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub secret: Option<SecretString>,
    /// A new scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// A new pool or zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("name", self.name.is_some()),
            ("algorithm", self.algorithm.is_some()),
            ("secret", self.secret.is_some()),
            ("scope", self.scope.is_some()),
            ("resource_id", self.resource_id.is_some()),
        ])
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::dns::v2::tsigkeys::{ListOpts, Scope};
/// let opts = ListOpts { scope: Some(Scope::Pool), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "scope=POOL");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Keys of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Keys of this algorithm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<Algorithm>,
    /// Keys of this scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub paging: Paging,
}

/// Creates a TSIG key (`201`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient, opts: ferrocloud::openstack::dns::v2::tsigkeys::CreateOpts) -> ferrocloud::Result<()> {
/// let key = ferrocloud::openstack::dns::v2::tsigkeys::create(&dns, &opts).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<TsigKey> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Lists TSIG keys, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::tsigkeys;
/// let keys = tsigkeys::extract_tsigkeys(&tsigkeys::list(&dns, &Default::default()).all_pages().await?)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<TsigKey> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

/// Shows a TSIG key.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let key = ferrocloud::openstack::dns::v2::tsigkeys::get(&dns, "c429b860").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<TsigKey> {
    client.request(&GET, &[id]).send().await
}

/// Changes a TSIG key.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::tsigkeys::{self, UpdateOpts};
/// let opts = UpdateOpts { name: Some("renamed".into()), ..Default::default() };
/// tsigkeys::update(&dns, "c429b860", &opts).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<TsigKey> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a TSIG key (`204`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::tsigkeys::delete(&dns, "c429b860").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
