//! A volume type's encryption (admin): how volumes of the type are encrypted (the
//! provider, where: front end or back end, the cipher and key size). Volumes of the type
//! get a key from the key manager. It can change only while no volume uses the type.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::volume_type_encryption::{self, ControlLocation, EncryptionOpts};
//! let opts = EncryptionOpts {
//!     provider: Some("luks".into()),
//!     control_location: Some(ControlLocation::FrontEnd),
//!     cipher: Some("aes-xts-plain64".into()),
//!     key_size: Some(256),
//! };
//! let e = volume_type_encryption::create(&volumes, "2d29462d", &opts).await.extract()?;
//! println!("{:?}", e.encryption_id);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "block-storage";
    /// Show an encryption type.
    GET = GET "/types/{volume_type_id}/encryption" response(Encryption);
    /// Show encryption specs item.
    GET_ITEM = GET "/types/{volume_type_id}/encryption/{key}" response(Value);
    /// Create an encryption type.
    CREATE = POST "/types/{volume_type_id}/encryption" request("encryption", EncryptionOpts) response("encryption", Encryption);
    /// Update an encryption type.
    UPDATE = PUT "/types/{volume_type_id}/encryption/{encryption_id}" request("encryption", EncryptionOpts) response("encryption", EncryptionOpts);
    /// Delete an encryption type.
    DELETE = DELETE "/types/{volume_type_id}/encryption/{encryption_id}";
}

/// The operations the v2 API documents. Its reference has no `DELETE`: the section
/// titled "Delete an encryption type for v2" documents `GET …/encryption/{encryption_id}`,
/// which is [`GET_ITEM`]'s path (Cinder serves a `GET` there: one field).
pub static V2_OPERATIONS: &[&crate::Operation] = &[
    GET.operation(),
    GET_ITEM.operation(),
    CREATE.operation(),
    UPDATE.operation(),
];

crate::openstack::blockstorage::v3::common::status_enum! {
    /// Where volumes are encrypted.
    ControlLocation {
        /// By the compute host (Nova), the usual place.
        FrontEnd = "front-end",
        /// By the storage back end.
        BackEnd = "back-end",
    }
}

/// A volume type's encryption. A type without one shows an empty object: every field is
/// then absent.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Encryption {
    /// The encryption's ID.
    #[serde(default)]
    pub encryption_id: Option<String>,
    /// The volume type.
    #[serde(default)]
    pub volume_type_id: Option<String>,
    /// The provider (`luks`, `plain`, or a class path).
    #[serde(default)]
    pub provider: Option<String>,
    /// Where volumes are encrypted.
    #[serde(default)]
    pub control_location: Option<ControlLocation>,
    /// The cipher (`aes-xts-plain64`).
    #[serde(default)]
    pub cipher: Option<String>,
    /// The key size in bits.
    #[serde(default)]
    pub key_size: Option<u32>,
    /// Whether it was deleted.
    #[serde(default)]
    pub deleted: Option<bool>,
    /// When it was made.
    #[serde(default, with = "crate::dates::option")]
    pub created_at: Option<Timestamp>,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// When it was deleted.
    #[serde(default, with = "crate::dates::option")]
    pub deleted_at: Option<Timestamp>,
}

/// What [`create`] and [`update`] send (create needs the provider and location).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptionOpts {
    /// The provider (`luks`, `plain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Where volumes are encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_location: Option<ControlLocation>,
    /// The cipher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cipher: Option<String>,
    /// The key size in bits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_size: Option<u32>,
}

impl Validate for EncryptionOpts {}

/// A volume type's encryption (an empty [`Encryption`] when it has none).
pub async fn get(client: &ServiceClient, volume_type_id: &str) -> ApiResult<Encryption> {
    client.request(&GET, &[volume_type_id]).send().await
}

/// One field of a volume type's encryption (`{"cipher": "aes-xts-plain64"}`), as JSON.
pub async fn get_item(client: &ServiceClient, volume_type_id: &str, key: &str) -> ApiResult<Value> {
    client.request(&GET_ITEM, &[volume_type_id, key]).send().await
}

/// Gives a volume type encryption; the provider and the location are required.
pub async fn create(
    client: &ServiceClient,
    volume_type_id: &str,
    opts: &EncryptionOpts,
) -> ApiResult<Encryption> {
    if let Err(e) = crate::request::require("provider", opts.provider.is_some())
        .and_then(|()| crate::request::require("control_location", opts.control_location.is_some()))
    {
        return ApiResult::from_error(e);
    }
    client.request(&CREATE, &[volume_type_id]).body(opts).send().await
}

/// Changes a volume type's encryption (while no volume uses the type); the answer is
/// the fields sent.
pub async fn update(
    client: &ServiceClient,
    volume_type_id: &str,
    encryption_id: &str,
    opts: &EncryptionOpts,
) -> ApiResult<EncryptionOpts> {
    client
        .request(&UPDATE, &[volume_type_id, encryption_id])
        .body(opts)
        .send()
        .await
}

/// Removes a volume type's encryption (`202`; refused while volumes use the type).
pub async fn delete(client: &ServiceClient, volume_type_id: &str, encryption_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[volume_type_id, encryption_id]).send().await
}

