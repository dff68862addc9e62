//! Zone transfer accepts: the receiving project takes a zone offered by a
//! [transfer request](crate::openstack::dns::v2::transfer_requests), with the request's
//! ID and key. The zone then belongs to the accepting project.
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::transfer_accepts;
//! let accept = transfer_accepts::create(&dns, "794fdf58", "FUGXMZ5N".into()).await.extract()?;
//! println!("zone {} is ours", accept.zone_id);
//! # Ok(()) }
//! ```

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::common::{Links, TaskStatus};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "dns";
    /// Accept a zone transfer (`201`).
    CREATE = POST "/zones/tasks/transfer_accepts" request(CreateOpts) response(TransferAccept);
    /// List zone transfer accepts.
    LIST = GET "/zones/tasks/transfer_accepts" list("transfer_accepts", TransferAccept);
    /// Show a zone transfer accept (the API reference writes its path as a transfer
    /// request's; Designate serves accepts here).
    GET = GET "/zones/tasks/transfer_accepts/{zone_transfer_accept_id}" response(TransferAccept);
}

/// A zone transfer accept.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TransferAccept {
    /// The ID.
    pub id: String,
    /// `COMPLETE` once the zone is moved (or `ERROR`).
    pub status: TaskStatus,
    /// The accepting project.
    pub project_id: String,
    /// The zone transferred.
    pub zone_id: String,
    /// The key used (`null` in listings).
    #[serde(deserialize_with = "crate::de::secret::option::deserialize")]
    pub key: Option<SecretString>,
    /// The transfer request accepted.
    pub zone_transfer_request_id: String,
    /// When it was made.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its own URL (`self`) and the zone's (`zone`).
    pub links: Links,
}

crate::operation::extract_fn! {
    /// The transfer accepts of a page of [`list`].
    extract_transfer_accepts, TransferAccept
}

/// What [`create`] sends: the transfer request and its key (a secret, never printed).
///
/// ```
/// use ferrocloud::openstack::dns::v2::transfer_accepts::CreateOpts;
/// let opts = CreateOpts::new("794fdf58", "FUGXMZ5N".into());
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"key": "FUGXMZ5N", "zone_transfer_request_id": "794fdf58"}));
/// assert!(!format!("{opts:?}").contains("FUGXMZ5N"));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The key of the transfer request.
    #[serde(with = "crate::de::secret")]
    pub key: SecretString,
    /// The transfer request.
    pub zone_transfer_request_id: String,
}

impl CreateOpts {
    /// Accepts `request_id` with `key`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::dns::v2::transfer_accepts::CreateOpts::new("r", "k".into());
    /// assert_eq!(o.zone_transfer_request_id, "r");
    /// ```
    pub fn new(request_id: impl Into<String>, key: SecretString) -> Self {
        CreateOpts {
            key,
            zone_transfer_request_id: request_id.into(),
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        use secrecy::ExposeSecret;
        crate::request::require("key", !self.key.expose_secret().is_empty())?;
        crate::request::require(
            "zone_transfer_request_id",
            !self.zone_transfer_request_id.is_empty(),
        )
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::dns::v2::{common::TaskStatus, transfer_accepts::ListOpts};
/// let opts = ListOpts { status: Some(TaskStatus::Complete) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "status=COMPLETE");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Accepts in this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskStatus>,
}

/// Accepts the zone offered by `request_id`, with its `key` (`201`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::transfer_accepts;
/// let a = transfer_accepts::create(&dns, "794fdf58", "FUGXMZ5N".into()).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(
    client: &ServiceClient,
    request_id: &str,
    key: SecretString,
) -> ApiResult<TransferAccept> {
    let opts = CreateOpts::new(request_id, key);
    client.request(&CREATE, &[]).body(&opts).send().await
}

/// Lists transfer accepts, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::transfer_accepts;
/// let page = transfer_accepts::list(&dns, &Default::default()).all_pages().await?;
/// let all = transfer_accepts::extract_transfer_accepts(&page)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<TransferAccept> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

/// Shows a transfer accept (`GET /v2/zones/tasks/transfer_accepts/{id}`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let a = ferrocloud::openstack::dns::v2::transfer_accepts::get(&dns, "fe8c30f5").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<TransferAccept> {
    client.request(&GET, &[id]).send().await
}
