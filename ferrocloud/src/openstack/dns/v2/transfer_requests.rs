//! Zone transfer requests: the owner of a zone offers it to another project (or to any
//! project that has the key). The key goes to the receiving project out of band; it
//! accepts with [`crate::openstack::dns::v2::transfer_accepts`]. The key is a secret:
//! it is kept as a [`SecretString`](crate::SecretString) and never printed.
//!
//! ```no_run
//! # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::transfer_requests::{self, CreateOpts};
//! use secrecy::ExposeSecret;
//! let opts = CreateOpts { target_project_id: Some("123456".into()), ..Default::default() };
//! let request = transfer_requests::create(&dns, "6b78734a", &opts).await.extract()?;
//! let key = request.key.as_ref().map(|k| k.expose_secret().to_string());
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
    /// Offer a zone to another project (`201`).
    CREATE = POST "/zones/{zone_id}/tasks/transfer_requests" request(CreateOpts) response(TransferRequest);
    /// List zone transfer requests.
    LIST = GET "/zones/tasks/transfer_requests" list("transfer_requests", TransferRequest);
    /// Show a zone transfer request.
    GET = GET "/zones/tasks/transfer_requests/{zone_transfer_request_id}" response(TransferRequest);
    /// Change a zone transfer request's target or description.
    UPDATE = PATCH "/zones/tasks/transfer_requests/{zone_transfer_request_id}" request(UpdateOpts) response(TransferRequest);
    /// Withdraw a zone transfer request (`204`).
    DELETE = DELETE "/zones/tasks/transfer_requests/{zone_transfer_request_id}";
}

/// A zone transfer request. The project that made it sees everything; the target
/// project sees the zone, the status and the description only.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct TransferRequest {
    /// The ID.
    pub id: String,
    /// The zone offered.
    pub zone_id: String,
    /// Its name.
    pub zone_name: String,
    /// `ACTIVE` until accepted, then `COMPLETE`.
    pub status: TaskStatus,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The project that may accept it (any project with the key when `None`).
    #[serde(default)]
    pub target_project_id: Option<String>,
    /// The project offering the zone (shown to it only).
    #[serde(default)]
    pub project_id: Option<String>,
    /// The key the accepting project needs (shown to the offering project only).
    #[serde(default, deserialize_with = "crate::de::secret::option::deserialize")]
    pub key: Option<SecretString>,
    /// When it was made (shown to the offering project only).
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub created_at: Option<Timestamp>,
    /// When it last changed.
    #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its version.
    #[serde(default)]
    pub version: Option<u64>,
    /// Its own URL.
    pub links: Links,
}

crate::operation::extract_fn! {
    /// The transfer requests of a page of [`list`].
    extract_transfer_requests, TransferRequest
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::dns::v2::transfer_requests::CreateOpts;
/// let opts = CreateOpts { target_project_id: Some("123456".into()), description: Some("d".into()) };
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"target_project_id": "123456", "description": "d"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The only project that may accept it (any project with the key when not set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_project_id: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for CreateOpts {}

/// What [`update`] changes.
///
/// ```
/// use ferrocloud::openstack::dns::v2::transfer_requests::UpdateOpts;
/// let opts = UpdateOpts { description: Some("This is scoped to the new project".into()),
///     target_project_id: Some("987654".into()) };
/// assert_eq!(serde_json::to_value(&opts).unwrap()["target_project_id"], "987654");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new target project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_project_id: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("target_project_id", self.target_project_id.is_some()),
            ("description", self.description.is_some()),
        ])
    }
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::dns::v2::{common::TaskStatus, transfer_requests::ListOpts};
/// let opts = ListOpts { status: Some(TaskStatus::Active) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "status=ACTIVE");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Requests in this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskStatus>,
}

/// Offers a zone to another project (`201`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::transfer_requests;
/// let r = transfer_requests::create(&dns, "6b78734a", &Default::default()).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(
    client: &ServiceClient,
    zone_id: &str,
    opts: &CreateOpts,
) -> ApiResult<TransferRequest> {
    client.request(&CREATE, &[zone_id]).body(opts).send().await
}

/// Lists the transfer requests the project made or may accept, following `links.next`.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::transfer_requests;
/// let page = transfer_requests::list(&dns, &Default::default()).all_pages().await?;
/// let all = transfer_requests::extract_transfer_requests(&page)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<TransferRequest> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

/// Shows a transfer request.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let r = ferrocloud::openstack::dns::v2::transfer_requests::get(&dns, "f2ad17b5").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<TransferRequest> {
    client.request(&GET, &[id]).send().await
}

/// Changes a transfer request's target project or description.
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::dns::v2::transfer_requests::{self, UpdateOpts};
/// let opts = UpdateOpts { description: Some("moved".into()), ..Default::default() };
/// transfer_requests::update(&dns, "f2ad17b5", &opts).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn update(
    client: &ServiceClient,
    id: &str,
    opts: &UpdateOpts,
) -> ApiResult<TransferRequest> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Withdraws a transfer request (`204`).
///
/// ```no_run
/// # async fn demo(dns: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::dns::v2::transfer_requests::delete(&dns, "f2ad17b5").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
