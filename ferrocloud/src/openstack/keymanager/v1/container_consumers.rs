//! Container consumers: the services that use a container (a load balancer using a
//! certificate container), registered by name and URL so that nobody deletes a
//! container in use. The paths hang off the container's reference:
//! `{container_ref}/consumers`.
//!
//! ```no_run
//! # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::keymanager::v1::container_consumers::{self, ConsumerOpts};
//! let container = "http://barbican:9311/v1/containers/74bbd3fd-9ba8-42ee-b87e-2eecf10e47b9";
//! let opts = ConsumerOpts::new("lb-listener", "https://octavia/v2/lbaas/listeners/0b5a");
//! let c = container_consumers::register(&barbican, container, &opts).await.extract()?;
//! assert_eq!(c.consumers[0].name, "lb-listener");
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{self, Paging, Status};
use super::containers::Container;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "key-manager";
    /// List a container's consumers.
    LIST = GET "/containers/{container_id}/consumers" list("consumers", Consumer);
    /// Register a consumer of a container.
    REGISTER = POST "/containers/{container_id}/consumers" request(ConsumerOpts) response(Container);
    /// Remove a consumer of a container.
    REMOVE = DELETE "/containers/{container_id}/consumers" request(ConsumerOpts) response(Container);
}

/// A service that uses a container. In a listing it has its status and dates; in a
/// container's `consumers` only its name and URL.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Consumer {
    /// The consumer's name.
    pub name: String,
    /// The URL of the user or service.
    #[serde(rename = "URL")]
    pub url: String,
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
    /// use ferrocloud::openstack::keymanager::v1::container_consumers;
    /// let pages = container_consumers::list(&barbican, "74bbd3fd", &Default::default()).all_pages().await?;
    /// for c in container_consumers::extract_consumers(&pages)? { println!("{} {}", c.name, c.url) }
    /// # Ok(()) }
    /// ```
    extract_consumers, Consumer
}

/// Who uses the container: what [`register`] and [`remove`] send. Barbican reads the
/// URL under the key `URL`.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::container_consumers::ConsumerOpts;
/// let opts = ConsumerOpts::new("ConsumerName", "ConsumerURL");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "ConsumerName", "URL": "ConsumerURL"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsumerOpts {
    /// The consumer's name (at most 36 characters).
    pub name: String,
    /// The URL of the user or service (at most 255 characters).
    #[serde(rename = "URL")]
    pub url: String,
}

impl ConsumerOpts {
    /// The consumer `name` at `url`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::container_consumers::ConsumerOpts::new("n", "u");
    /// assert_eq!(o.url, "u");
    /// ```
    pub fn new(name: impl Into<String>, url: impl Into<String>) -> Self {
        ConsumerOpts {
            name: name.into(),
            url: url.into(),
        }
    }
}

impl Validate for ConsumerOpts {
    fn validate(&self) -> Result<()> {
        let name = self.name.chars().count();
        if name == 0 || name > 36 {
            return Err(Error::invalid_input(
                "a container consumer's name must be 1 to 36 characters",
            ));
        }
        let url = self.url.chars().count();
        if url == 0 || url > 255 {
            return Err(Error::invalid_input(
                "a container consumer's URL must be 1 to 255 characters",
            ));
        }
        Ok(())
    }
}

/// Lists a container's consumers (`container`: its reference or UUID), following
/// Barbican's `next` links.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::{common::Paging, container_consumers};
/// let pager = container_consumers::list(&barbican, "74bbd3fd", &Paging::default().limit(1));
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, container: &str, paging: &Paging) -> Pager<Consumer> {
    common::request_on(client, &LIST, container, "containers")
        .query(paging)
        .paged(PageStyle::Next("next"))
}

/// Registers a consumer of a container (`200`); the answer is the container, with its
/// consumers.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::container_consumers::{self, ConsumerOpts};
/// container_consumers::register(&barbican, "74bbd3fd", &ConsumerOpts::new("n", "https://u")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn register(
    client: &ServiceClient,
    container: &str,
    opts: &ConsumerOpts,
) -> ApiResult<Container> {
    common::request_on(client, &REGISTER, container, "containers")
        .body(opts)
        .send()
        .await
}

/// Removes a consumer of a container (`200`); the answer is the container, with the
/// consumers left.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::container_consumers::{self, ConsumerOpts};
/// container_consumers::remove(&barbican, "74bbd3fd", &ConsumerOpts::new("n", "https://u")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn remove(
    client: &ServiceClient,
    container: &str,
    opts: &ConsumerOpts,
) -> ApiResult<Container> {
    common::request_on(client, &REMOVE, container, "containers")
        .body(opts)
        .send()
        .await
}
