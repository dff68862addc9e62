//! Secret consumers: the resources (an image, a volume, a load balancer's listener…)
//! that use a secret, registered by the services that own them so that nobody deletes a
//! secret in use. The paths hang off the secret's reference: `{secret_ref}/consumers`.
//!
//! ```no_run
//! # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::keymanager::v1::secret_consumers::{self, ConsumerOpts};
//! let secret = "http://barbican:9311/v1/secrets/74bbd3fd-9ba8-42ee-b87e-2eecf10e47b9";
//! let opts = ConsumerOpts::new("image", "image", "123e4567-e89b-12d3-a456-426614174000");
//! let s = secret_consumers::register(&barbican, secret, &opts).await.extract()?;
//! assert_eq!(s.consumers.len(), 1);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{self, Paging, Status};
use super::secrets::Secret;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "key-manager";
    /// List a secret's consumers.
    LIST = GET "/secrets/{secret_id}/consumers" list("consumers", Consumer);
    /// Register a consumer of a secret.
    REGISTER = POST "/secrets/{secret_id}/consumers" request(ConsumerOpts) response(Secret);
    /// Remove a consumer of a secret.
    REMOVE = DELETE "/secrets/{secret_id}/consumers" request(ConsumerOpts) response(Secret);
}

/// A resource that uses a secret. In a listing it has its status and dates; in a
/// secret's `consumers` only the three names.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Consumer {
    /// The service type of its owner (`image`, `volume`, `load-balancer`…).
    pub service: String,
    /// The kind of resource (`image`, `volume`, `listener`…).
    pub resource_type: String,
    /// The resource's ID.
    pub resource_id: String,
    /// The status (listings).
    #[serde(default)]
    pub status: Option<Status>,
    /// When it was registered (listings).
    #[serde(default, with = "crate::dates::option")]
    pub created: Option<Timestamp>,
    /// When it last changed (listings).
    #[serde(default, with = "crate::dates::option")]
    pub updated: Option<Timestamp>,
}

crate::operation::extract_fn! {
    /// The consumers of a page of [`list`].
    ///
    /// ```no_run
    /// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
    /// use ferrocloud::openstack::keymanager::v1::secret_consumers;
    /// let pages = secret_consumers::list(&barbican, "74bbd3fd", &Default::default()).all_pages().await?;
    /// for c in secret_consumers::extract_consumers(&pages)? { println!("{} {}", c.service, c.resource_id) }
    /// # Ok(()) }
    /// ```
    extract_consumers, Consumer
}

/// Who uses the secret: what [`register`] and [`remove`] send.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::secret_consumers::ConsumerOpts;
/// let opts = ConsumerOpts::new("image", "image", "123e4567");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "service": "image", "resource_type": "image", "resource_id": "123e4567"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsumerOpts {
    /// The service type of the resource's owner.
    pub service: String,
    /// The kind of resource.
    pub resource_type: String,
    /// The resource's ID.
    pub resource_id: String,
}

impl ConsumerOpts {
    /// The resource `resource_id`, a `resource_type` of the service `service`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::secret_consumers::ConsumerOpts::new("volume", "volume", "v1");
    /// assert_eq!(o.resource_id, "v1");
    /// ```
    pub fn new(
        service: impl Into<String>,
        resource_type: impl Into<String>,
        resource_id: impl Into<String>,
    ) -> Self {
        ConsumerOpts {
            service: service.into(),
            resource_type: resource_type.into(),
            resource_id: resource_id.into(),
        }
    }
}

impl Validate for ConsumerOpts {
    fn validate(&self) -> Result<()> {
        for (field, value) in [
            ("service", &self.service),
            ("resource_type", &self.resource_type),
        ] {
            if value.is_empty() || value.chars().count() > 255 {
                return Err(Error::invalid_input(format!(
                    "a consumer's {field} must be 1 to 255 characters"
                )));
            }
        }
        crate::request::require("resource_id", !self.resource_id.is_empty())
    }
}

/// Lists a secret's consumers (`secret`: its reference or UUID), following Barbican's
/// `next` links.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::{common::Paging, secret_consumers};
/// let first = secret_consumers::list(&barbican, "74bbd3fd", &Paging::default().limit(100));
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, secret: &str, paging: &Paging) -> Pager<Consumer> {
    common::request_on(client, &LIST, secret, "secrets")
        .query(paging)
        .paged(PageStyle::Next("next"))
}

/// Registers a consumer of a secret (`200`); the answer is the secret, with its
/// consumers.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::secret_consumers::{self, ConsumerOpts};
/// let opts = ConsumerOpts::new("volume", "volume", "0b5ac4a4");
/// secret_consumers::register(&barbican, "74bbd3fd", &opts).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn register(client: &ServiceClient, secret: &str, opts: &ConsumerOpts) -> ApiResult<Secret> {
    common::request_on(client, &REGISTER, secret, "secrets")
        .body(opts)
        .send()
        .await
}

/// Removes a consumer of a secret (`200`); the answer is the secret, with the consumers
/// left.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::secret_consumers::{self, ConsumerOpts};
/// let opts = ConsumerOpts::new("volume", "volume", "0b5ac4a4");
/// secret_consumers::remove(&barbican, "74bbd3fd", &opts).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn remove(client: &ServiceClient, secret: &str, opts: &ConsumerOpts) -> ApiResult<Secret> {
    common::request_on(client, &REMOVE, secret, "secrets")
        .body(opts)
        .send()
        .await
}
