//! Attributes of deployables: key/value pairs (`rc: FPGA`, `trait0: CUSTOM_…`) that
//! Cyborg reports to Placement.
//!
//! ```no_run
//! # async fn demo(cyborg: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::accelerator::v2::attributes::{self, CreateOpts, ListOpts};
//! let a = attributes::create(&cyborg, &CreateOpts::new("1", "rc", "FPGA")).await.extract()?;
//! let opts = ListOpts { deployable_id: Some(1), ..Default::default() };
//! let all = attributes::extract_attributes(&attributes::list(&cyborg, &opts).all_pages().await?)?;
//! attributes::delete(&cyborg, &a.uuid).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::cyborg_functions;
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::de::Link;
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "accelerator";
    /// List attributes.
    LIST = GET "/attributes" list("attributes", Attribute);
    /// Show an attribute.
    GET = GET "/attributes/{attribute_uuid}" response(Attribute);
    /// Create an attribute.
    CREATE = POST "/attributes" request(CreateOpts) response(Attribute);
    /// Delete an attribute.
    DELETE = DELETE "/attributes/{attribute_uuid}";
}

/// An attribute of a deployable.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Attribute {
    /// The UUID.
    pub uuid: String,
    /// The integer ID (in some answers only).
    #[serde(default)]
    pub id: Option<i64>,
    /// The deployable's integer ID.
    pub deployable_id: i64,
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Links to it.
    pub links: Vec<Link>,
}

/// What [`list`] filters on.
///
/// ```
/// let opts = ferrocloud::openstack::accelerator::v2::attributes::ListOpts {
///     deployable_id: Some(1), key: Some("rc".into()) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "deployable_id=1&key=rc");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// The attributes of this deployable (its integer ID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deployable_id: Option<i64>,
    /// The attributes of this key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// What [`create`] sends. The deployable's integer ID is sent as text, as Cyborg's
/// reference shows it (Cyborg reads both).
///
/// ```
/// use ferrocloud::openstack::accelerator::v2::attributes::CreateOpts;
/// assert_eq!(serde_json::to_value(CreateOpts::new("1", "rc", "FPGA")).unwrap(),
///     serde_json::json!({"deployable_id": "1", "key": "rc", "value": "FPGA"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The deployable's integer ID (required).
    pub deployable_id: String,
    /// The key (required).
    pub key: String,
    /// The value (required).
    pub value: String,
}

impl CreateOpts {
    /// `key` = `value` on deployable `deployable_id`.
    pub fn new(
        deployable_id: impl Into<String>,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        CreateOpts {
            deployable_id: deployable_id.into(),
            key: key.into(),
            value: value.into(),
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("deployable_id", !self.deployable_id.is_empty())?;
        crate::request::require("key", !self.key.is_empty())
    }
}

cyborg_functions! { Attribute, "attribute", extract_attributes; list get delete }

/// Creates an attribute (`201`); the answer is the attribute.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Attribute> {
    client.request(&CREATE, &[]).body(opts).send().await
}
