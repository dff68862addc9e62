//! Secret metadata: the user's own key/value pairs on a secret (not its payload). Keys
//! are letters, digits, `-` and `_` (Barbican lowers their case); values are text.
//!
//! ```no_run
//! # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::keymanager::v1::secret_metadata::{self, MetadataOpts, Metadatum};
//! let secret = "http://barbican:9311/v1/secrets/48d24158";
//! secret_metadata::replace(&barbican, secret, &MetadataOpts::from_iter([("geolocation", "12.3456, -98.7654")])).await.ok()?;
//! secret_metadata::create(&barbican, secret, &Metadatum::new("access-limit", "11")).await.ok()?;
//! let all = secret_metadata::list(&barbican, secret).await.extract()?;
//! assert_eq!(all["access-limit"], "11");
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common;
use crate::metadata::Metadata;
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "key-manager";
    /// List a secret's metadata.
    LIST = GET "/secrets/{secret_id}/metadata" response("metadata", Metadata);
    /// Replace a secret's metadata.
    REPLACE = PUT "/secrets/{secret_id}/metadata" request("metadata", MetadataOpts) response(MetadataRef);
    /// Show one item of a secret's metadata.
    GET = GET "/secrets/{secret_id}/metadata/{key}" response(Metadatum);
    /// Add one item to a secret's metadata.
    CREATE = POST "/secrets/{secret_id}/metadata/" request(Metadatum) response(Metadatum);
    /// Change one item of a secret's metadata.
    UPDATE = PUT "/secrets/{secret_id}/metadata/{key}" request(Metadatum) response(Metadatum);
    /// Delete one item of a secret's metadata.
    DELETE = DELETE "/secrets/{secret_id}/metadata/{key}";
}

/// Checks a key (1 to 255 letters, digits, `-`, `_`) and a value (at most 255
/// characters).
fn check(key: &str, value: &str) -> Result<()> {
    let key_ok = (1..=255).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !key_ok {
        return Err(Error::invalid_input(format!(
            "secret metadata key {key:?} must be 1 to 255 letters, digits, '-' or '_'"
        )));
    }
    if value.chars().count() > 255 {
        return Err(Error::invalid_input(format!(
            "the value of secret metadata key {key:?} is longer than 255 characters"
        )));
    }
    Ok(())
}

/// A secret's whole metadata, as [`replace`] sends it.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::secret_metadata::MetadataOpts;
/// use ferrocloud::request::Validate;
/// let m = MetadataOpts::from_iter([("description", "contains the AES key")]);
/// assert!(m.validate().is_ok());
/// assert!(MetadataOpts::from_iter([("a.b", "x")]).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MetadataOpts(pub Metadata);

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for MetadataOpts {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        MetadataOpts(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

impl Validate for MetadataOpts {
    fn validate(&self) -> Result<()> {
        self.0.iter().try_for_each(|(k, v)| check(k, v))
    }
}

/// One item of a secret's metadata: `{"key": …, "value": …}`.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::secret_metadata::Metadatum;
/// let m = Metadatum::new("access-limit", "11");
/// assert_eq!(serde_json::to_value(&m).unwrap(),
///     serde_json::json!({"key": "access-limit", "value": "11"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadatum {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

impl Metadatum {
    /// The item `key` = `value`.
    ///
    /// ```
    /// let m = ferrocloud::openstack::keymanager::v1::secret_metadata::Metadatum::new("k", "v");
    /// assert_eq!((m.key.as_str(), m.value.as_str()), ("k", "v"));
    /// ```
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Metadatum {
            key: key.into(),
            value: value.into(),
        }
    }
}

impl Validate for Metadatum {
    fn validate(&self) -> Result<()> {
        check(&self.key, &self.value)
    }
}

/// The reference to a secret's metadata that [`replace`] answers with.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::secret_metadata::MetadataRef;
/// let r: MetadataRef = serde_json::from_str(r#"{"metadata_ref": "http://h/v1/secrets/1/metadata"}"#).unwrap();
/// assert!(r.metadata_ref.ends_with("/metadata"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MetadataRef {
    /// The metadata's URL.
    pub metadata_ref: String,
}

/// A secret's metadata (`secret`: its reference or UUID); empty when it has none.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let m = ferrocloud::openstack::keymanager::v1::secret_metadata::list(&barbican, "48d24158").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn list(client: &ServiceClient, secret: &str) -> ApiResult<Metadata> {
    common::request_on(client, &LIST, secret, "secrets")
        .send()
        .await
}

/// Replaces a secret's metadata with `metadata` (`201`; an empty one removes every
/// item).
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::secret_metadata::{self, MetadataOpts};
/// let m = MetadataOpts::from_iter([("description", "contains the AES key")]);
/// secret_metadata::replace(&barbican, "48d24158", &m).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn replace(
    client: &ServiceClient,
    secret: &str,
    metadata: &MetadataOpts,
) -> ApiResult<MetadataRef> {
    common::request_on(client, &REPLACE, secret, "secrets")
        .body(metadata)
        .send()
        .await
}

/// Shows one item of a secret's metadata.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let m = ferrocloud::openstack::keymanager::v1::secret_metadata::get(&barbican, "48d24158", "access-limit").await.extract()?;
/// println!("{}", m.value);
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, secret: &str, key: &str) -> ApiResult<Metadatum> {
    common::request_with(client, &GET, secret, "secrets", &[key])
        .send()
        .await
}

/// Adds an item to a secret's metadata (`201`); its key must not be there yet.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::secret_metadata::{self, Metadatum};
/// secret_metadata::create(&barbican, "48d24158", &Metadatum::new("access-limit", "11")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(
    client: &ServiceClient,
    secret: &str,
    item: &Metadatum,
) -> ApiResult<Metadatum> {
    common::request_on(client, &CREATE, secret, "secrets")
        .body(item)
        .send()
        .await
}

/// Changes an item of a secret's metadata; its key must be there already.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::secret_metadata::{self, Metadatum};
/// secret_metadata::update(&barbican, "48d24158", &Metadatum::new("access-limit", "0")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn update(
    client: &ServiceClient,
    secret: &str,
    item: &Metadatum,
) -> ApiResult<Metadatum> {
    common::request_with(client, &UPDATE, secret, "secrets", &[&item.key])
        .body(item)
        .send()
        .await
}

/// Deletes an item of a secret's metadata (`204`).
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::keymanager::v1::secret_metadata::delete(&barbican, "48d24158", "access-limit").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, secret: &str, key: &str) -> ApiResult<()> {
    common::request_with(client, &DELETE, secret, "secrets", &[key])
        .send()
        .await
}
