//! Policies: policy documents stored in Keystone (as opaque text), for services to
//! fetch, e.g. through
//! [endpoint policy associations](crate::openstack::identity::v3::endpoint_policy).
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::policies::{self, CreateOpts};
//! let doc = serde_json::json!({"compute:start": "role:member"});
//! let p = policies::create(&identity, &CreateOpts::new("application/json", doc.to_string())).await.extract()?;
//! assert_eq!(p.blob_text(), Some(doc.to_string().as_str()));
//! policies::delete(&identity, &p.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Links;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List policies.
    LIST = GET "/policies" list("policies", Policy);
    /// Create a policy.
    CREATE = POST "/policies" request("policy", CreateOpts) response("policy", Policy);
    /// Show a policy.
    GET = GET "/policies/{policy_id}" response("policy", Policy);
    /// Update a policy.
    UPDATE = PATCH "/policies/{policy_id}" request("policy", UpdateOpts) response("policy", Policy);
    /// Delete a policy.
    DELETE = DELETE "/policies/{policy_id}";
}

/// A policy.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Policy {
    /// The policy's ID.
    pub id: String,
    /// The media type of its document (`application/json`…).
    #[serde(rename = "type")]
    pub media_type: String,
    /// The document. Keystone stores and returns it as text (a JSON string); the API
    /// reference shows it as an object.
    pub blob: Value,
    /// Links to it.
    pub links: Links,
}

impl Policy {
    /// The document as text, when Keystone returned it as text.
    pub fn blob_text(&self) -> Option<&str> {
        self.blob.as_str()
    }
}

/// Filters for listing policies.
///
/// ```
/// use ferrocloud::openstack::identity::v3::policies::ListOpts;
/// let o = ListOpts { media_type: Some("application/json".into()) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "type=application%2Fjson");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Policies of this media type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
}

fn check_blob(blob: &Value) -> Result<()> {
    match blob {
        Value::String(s) if s.is_empty() => Err(Error::invalid_input("blob must not be empty")),
        Value::String(_) => Ok(()),
        _ => Err(Error::invalid_input(
            "blob must be a string: Keystone stores the document as text (serialize it first)",
        )),
    }
}

/// A new policy.
///
/// ```
/// use ferrocloud::openstack::identity::v3::policies::CreateOpts;
/// use ferrocloud::request::Validate;
/// assert!(CreateOpts::new("application/json", r#"{"a": "rule:b"}"#).validate().is_ok());
/// let mut bad = CreateOpts::new("application/json", "");
/// bad.blob = serde_json::json!({"a": "rule:b"});
/// assert!(bad.validate().unwrap_err().to_string().contains("blob"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The media type of the document (required).
    #[serde(rename = "type")]
    pub media_type: String,
    /// The document, as a string (required).
    pub blob: Value,
}

impl CreateOpts {
    /// A policy document of a media type.
    pub fn new(media_type: impl Into<String>, blob: impl Into<String>) -> Self {
        CreateOpts {
            media_type: media_type.into(),
            blob: Value::String(blob.into()),
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("type", !self.media_type.is_empty())?;
        check_blob(&self.blob)
    }
}

/// Changes to a policy; unset fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new media type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// A new document, as a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blob: Option<Value>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.media_type.as_deref() == Some("") {
            return Err(Error::invalid_input("type must not be empty"));
        }
        match &self.blob {
            Some(b) => check_blob(b),
            None => Ok(()),
        }
    }
}

/// Lists policies.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Policy> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The policies of a page.
    extract_policies, Policy
}

/// Creates a policy.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Policy> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a policy.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Policy> {
    client.request(&GET, &[id]).send().await
}

/// Updates a policy.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Policy> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a policy.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
