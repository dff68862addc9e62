//! Share transfers (2.77): giving a share to another project. The owner creates a
//! transfer and hands its ID and `auth_key` (a secret, shown only once, at creation) to
//! the other project, which accepts it: the share moves there.
//!
//! ```no_run
//! # async fn demo(owner: ferrocloud::ServiceClient, other: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_transfers::{self, CreateOpts};
//! let t = share_transfers::create(&owner, &CreateOpts::new("29476819")).await.extract()?;
//! let key = t.auth_key.clone().expect("shown at creation");
//! share_transfers::accept(&other, &t.id, key, false).await.ok()?;
//! # Ok(()) }
//! ```

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::common::{self, ListControls};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "shared-file-system";
    /// List share transfers.
    LIST = GET "/share-transfers" since("2.77") list("transfers", TransferSummary);
    /// List share transfers with details.
    LIST_DETAIL = GET "/share-transfers/detail" since("2.77") list("transfers", Transfer);
    /// Show a share transfer.
    GET = GET "/share-transfers/{transfer_id}" since("2.77") response("transfer", Transfer);
    /// Create a share transfer.
    CREATE = POST "/share-transfers" since("2.77") request("transfer", CreateOpts) response("transfer", Transfer);
    /// Delete a share transfer.
    DELETE = DELETE "/share-transfers/{transfer_id}" since("2.77");
    /// Accept a share transfer.
    ACCEPT = POST "/share-transfers/{transfer_id}/accept" since("2.77") request("accept", AcceptOpts);
}

common::resource_functions! {
    Transfer, TransferSummary, "share transfer", "transfers_links", false;
    list list_detail get create delete
}

/// A share transfer in a listing without details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct TransferSummary {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// What is given: `share`.
    pub resource_type: String,
    /// The share.
    pub resource_id: String,
    /// Links.
    pub links: Vec<crate::de::Link>,
}

/// A share transfer.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Transfer {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// What is given: `share`.
    pub resource_type: String,
    /// The share.
    pub resource_id: String,
    /// When it was made.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it expires.
    #[serde(with = "crate::dates::option")]
    pub expires_at: Option<Timestamp>,
    /// The giving project.
    pub source_project_id: String,
    /// The receiving project, once accepted.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub destination_project_id: Option<String>,
    /// Whether it was accepted.
    pub accepted: bool,
    /// The key the receiver needs: a secret, in the answer to create only.
    #[serde(default, with = "crate::de::secret::option")]
    pub auth_key: Option<SecretString>,
    /// Links.
    pub links: Vec<crate::de::Link>,
}

/// Filters of [`list`] and [`list_detail`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// With this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Of this share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// Of every project (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Paging, sorting and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The share (`available`, with no snapshots, replicas or share group).
    pub share_id: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl CreateOpts {
    /// A transfer of `share_id`.
    pub fn new(share_id: impl Into<String>) -> Self {
        CreateOpts {
            share_id: share_id.into(),
            name: None,
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("share_id", !self.share_id.is_empty())
    }
}

/// The body of [`accept`] (the key is a secret: never in Debug output).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AcceptOpts {
    /// The transfer's `auth_key`.
    #[serde(with = "crate::de::secret")]
    pub auth_key: SecretString,
    /// Whether the share's access rules are removed on the way.
    #[serde(default)]
    pub clear_access_rules: bool,
}

impl Validate for AcceptOpts {}

/// Accepts a transfer with its `auth_key`: the share moves to the caller's project.
/// `clear_access_rules` removes its access rules on the way.
pub async fn accept(
    client: &ServiceClient,
    id: &str,
    auth_key: SecretString,
    clear_access_rules: bool,
) -> ApiResult<()> {
    client
        .request(&ACCEPT, &[id])
        .body(&AcceptOpts {
            auth_key,
            clear_access_rules,
        })
        .send()
        .await
}
