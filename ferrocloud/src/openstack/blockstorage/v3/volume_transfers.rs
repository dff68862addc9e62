//! Volume transfers: giving an `available` volume to another project. The owner creates
//! a transfer and hands its ID and `auth_key` (a secret, shown only once, at creation) to
//! the other project, which accepts it: the volume (and, unless `no_snapshots`, its
//! snapshots) moves there.
//!
//! Cinder serves two APIs: `/os-volume-transfer` (v2 and v3) and, from 3.55,
//! `/volume-transfers` (with `no_snapshots`; from 3.57 the answers also say who gave,
//! who took and whether it was taken). The functions here pick the newer one when the
//! client's microversion is 3.55 or later, the legacy one otherwise; both take and give
//! the same types.
//!
//! ```no_run
//! # async fn demo(owner: ferrocloud::ServiceClient, other: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::volume_transfers::{self, CreateOpts};
//! let t = volume_transfers::create(&owner, &CreateOpts::new("80d68197-b67e-4c8e-bbb9-030b2581f921")).await.extract()?;
//! let key = t.auth_key.clone().expect("shown at creation");
//! volume_transfers::accept(&other, &t.id, key).await.extract()?;
//! # Ok(()) }
//! ```

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::microversion::{Microversion, at_least, check_field};
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Operation, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List volume transfers (legacy API).
    LIST = GET "/os-volume-transfer" list("transfers", Transfer);
    /// List volume transfers with details (legacy API).
    LIST_DETAIL = GET "/os-volume-transfer/detail" list("transfers", Transfer);
    /// Show a volume transfer (legacy API).
    GET = GET "/os-volume-transfer/{transfer_id}" response("transfer", Transfer);
    /// Create a volume transfer (legacy API).
    CREATE = POST "/os-volume-transfer" request("transfer", CreateOpts) response("transfer", Transfer);
    /// Delete a volume transfer (legacy API).
    DELETE = DELETE "/os-volume-transfer/{transfer_id}";
    /// Accept a volume transfer (legacy API).
    ACCEPT = POST "/os-volume-transfer/{transfer_id}/accept" request("accept", AcceptOpts) response("transfer", Transfer);
    /// List volume transfers (3.55).
    LIST_V355 = GET "/volume-transfers" since("3.55") list("transfers", Transfer);
    /// List volume transfers with details (3.55).
    LIST_DETAIL_V355 = GET "/volume-transfers/detail" since("3.55") list("transfers", Transfer);
    /// Show a volume transfer (3.55).
    GET_V355 = GET "/volume-transfers/{transfer_id}" since("3.55") response("transfer", Transfer);
    /// Create a volume transfer (3.55).
    CREATE_V355 = POST "/volume-transfers" since("3.55") request("transfer", CreateOpts) response("transfer", Transfer);
    /// Delete a volume transfer (3.55).
    DELETE_V355 = DELETE "/volume-transfers/{transfer_id}" since("3.55");
    /// Accept a volume transfer (3.55).
    ACCEPT_V355 = POST "/volume-transfers/{transfer_id}/accept" since("3.55") request("accept", AcceptOpts) response("transfer", Transfer);
}

/// The operations the v2 API documents: the legacy ones.
pub static V2_OPERATIONS: &[&Operation] = &[
    LIST.operation(),
    LIST_DETAIL.operation(),
    GET.operation(),
    CREATE.operation(),
    DELETE.operation(),
    ACCEPT.operation(),
];

/// A volume transfer.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Transfer {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The volume.
    pub volume_id: String,
    /// When it was made (not in the short listing nor the answer to accept).
    #[serde(default, with = "crate::dates::option")]
    pub created_at: Option<Timestamp>,
    /// The key the receiver needs: a secret, in the answer to create only.
    #[serde(default, with = "crate::de::secret::option")]
    pub auth_key: Option<SecretString>,
    /// Whether the volume's snapshots stay behind (3.55).
    #[serde(default)]
    pub no_snapshots: Option<bool>,
    /// The giving project (3.57).
    #[serde(default)]
    pub source_project_id: Option<String>,
    /// The receiving project, once accepted (3.57).
    #[serde(default)]
    pub destination_project_id: Option<String>,
    /// Whether it was accepted (3.57).
    #[serde(default)]
    pub accepted: Option<bool>,
    /// Links (`self`, `bookmark`).
    pub links: Vec<crate::de::Link>,
}

impl crate::find::Named for Transfer {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or_default()
    }
}

crate::operation::extract_fn! {
    /// The transfers of a page of [`list`] or [`list_detail`].
    extract_transfers, Transfer
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::volume_transfers::CreateOpts;
/// let opts = CreateOpts::new("80d68197").name("first volume");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"volume_id": "80d68197", "name": "first volume"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The volume (`available`).
    pub volume_id: String,
    /// A name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Leave the volume's snapshots behind (3.55).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_snapshots: Option<bool>,
}

impl CreateOpts {
    /// A transfer of `volume_id`.
    pub fn new(volume_id: impl Into<String>) -> Self {
        CreateOpts {
            volume_id: volume_id.into(),
            ..CreateOpts::default()
        }
    }
    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Leaves the snapshots behind (3.55).
    pub fn no_snapshots(mut self) -> Self {
        self.no_snapshots = Some(true);
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("volume_id", !self.volume_id.is_empty())
    }
}

/// The key [`accept`] sends (a secret: never in Debug output).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AcceptOpts {
    /// The transfer's `auth_key`.
    #[serde(with = "crate::de::secret")]
    pub auth_key: SecretString,
}

impl Validate for AcceptOpts {}

/// What the listings filter on.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Every project's transfers (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Paging and sorting (the 3.55 API; the legacy one lists everything at once).
    #[serde(flatten)]
    pub controls: ListControls,
}

/// The operations for the client's microversion: the 3.55 API, or the legacy one.
fn newer(client: &ServiceClient) -> bool {
    at_least(client, Microversion::new(3, 55))
}

/// Lists transfers (the short form).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Transfer> {
    let op = if newer(client) { &LIST_V355 } else { &LIST };
    client
        .request(op, &[])
        .query(opts)
        .paged(PageStyle::Links("transfers_links"))
}

/// Lists transfers with their details.
pub fn list_detail(client: &ServiceClient, opts: &ListOpts) -> Pager<Transfer> {
    let op = if newer(client) {
        &LIST_DETAIL_V355
    } else {
        &LIST_DETAIL
    };
    client
        .request(op, &[])
        .query(opts)
        .paged(PageStyle::Links("transfers_links"))
}

/// Shows a transfer (its owner's project only).
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Transfer> {
    let op = if newer(client) { &GET_V355 } else { &GET };
    client.request(op, &[id]).send().await
}

/// Finds a transfer by ID, or by name when exactly one has it.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Transfer> {
    crate::find::find(
        "volume transfer",
        name_or_id,
        get(client, name_or_id),
        list_detail(client, &ListOpts::default()),
    )
    .await
}

/// Creates a transfer (`202`): the volume becomes `awaiting-transfer`. The answer holds
/// the `auth_key`, which nothing shows again. `no_snapshots` needs 3.55.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Transfer> {
    if let Err(e) = check_field(
        client,
        "no_snapshots",
        opts.no_snapshots.is_some(),
        Some("3.55"),
        None,
    ) {
        return ApiResult::from_error(e);
    }
    let op = if newer(client) { &CREATE_V355 } else { &CREATE };
    client.request(op, &[]).body(opts).send().await
}

/// Accepts a transfer with its `auth_key` (`202`): the volume moves to the caller's
/// project. A wrong key is refused (`400`).
pub async fn accept(
    client: &ServiceClient,
    id: &str,
    auth_key: SecretString,
) -> ApiResult<Transfer> {
    let op = if newer(client) { &ACCEPT_V355 } else { &ACCEPT };
    client
        .request(op, &[id])
        .body(&AcceptOpts { auth_key })
        .send()
        .await
}

/// Deletes a transfer (`202`): the volume is `available` again.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    let op = if newer(client) { &DELETE_V355 } else { &DELETE };
    client.request(op, &[id]).send().await
}
