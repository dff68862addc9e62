//! TLS of an instance's database service: its status, and the enable, disable and
//! rollback actions. Certificates and their keys stay in Barbican; the requests name
//! them by reference.
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::db::v1::ssl;
//! let s = ssl::get(&trove, "7de1bed8", true).await.extract()?;
//! println!("{} ({:?})", s.status, s.mode);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "database";
    /// Show the TLS status.
    GET = GET "/instances/{instance_id}/ssl" response("ssl", SslStatus);
    /// Enable, disable or roll back TLS.
    ACTION = POST "/instances/{instance_id}/ssl" request("ssl", SslAction) response("ssl", SslStatus);
}

/// The certificate of an instance's database service.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SslCertificate {
    /// The common name.
    #[serde(default)]
    pub cn: Option<String>,
    /// When it expires.
    #[serde(default)]
    pub expire_at: Option<String>,
    /// Its subject alternative names.
    #[serde(default)]
    pub san: Option<serde_json::Value>,
    /// The certificate, PEM-encoded (public), when asked for.
    #[serde(default)]
    pub payload: Option<String>,
}

/// The TLS status of an instance.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SslStatus {
    /// `on` or `off`.
    pub status: String,
    /// How (`basic`).
    #[serde(default)]
    pub mode: Option<String>,
    /// Whether the datastore must restart for it.
    #[serde(default)]
    pub restart_required: Option<bool>,
    /// The Barbican container of the certificate.
    #[serde(default)]
    pub container_ref: Option<String>,
    /// The certificate.
    #[serde(default)]
    pub certificate: Option<SslCertificate>,
}

/// What a TLS action sends: one of `enable`, `disable`, `rollback`, and for `enable`
/// the mode and the Barbican references of the certificate and of its key's password.
///
/// ```
/// use ferrocloud::openstack::db::v1::ssl::SslAction;
/// assert_eq!(serde_json::to_value(SslAction::disable()).unwrap(), serde_json::json!({"disable": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SslAction {
    /// Enable TLS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable: Option<bool>,
    /// Disable TLS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable: Option<bool>,
    /// Go back to the previous certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollback: Option<bool>,
    /// The mode (`basic`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// The Barbican container of the certificate and key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_ref: Option<String>,
    /// The Barbican secret holding the key's password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_ref: Option<String>,
}

impl SslAction {
    /// Enable TLS (with Trove's own certificate unless `container_ref` is set).
    pub fn enable() -> Self {
        SslAction { enable: Some(true), ..Default::default() }
    }
    /// Disable TLS.
    pub fn disable() -> Self {
        SslAction { disable: Some(true), ..Default::default() }
    }
    /// Roll back to the previous certificate.
    pub fn rollback() -> Self {
        SslAction { rollback: Some(true), ..Default::default() }
    }
}

impl Validate for SslAction {
    fn validate(&self) -> crate::Result<()> {
        crate::request::exactly_one_of(&[
            ("enable", self.enable.is_some()),
            ("disable", self.disable.is_some()),
            ("rollback", self.rollback.is_some()),
        ])
    }
}

/// Shows the TLS status (with the certificate when `include_certificate`).
pub async fn get(client: &ServiceClient, instance_id: &str, include_certificate: bool) -> ApiResult<SslStatus> {
    let mut request = client.request(&GET, &[instance_id]);
    if include_certificate {
        request = request.query_pair("include_certificate", "true");
    }
    request.send().await
}

/// Sends a TLS action.
pub async fn action(client: &ServiceClient, instance_id: &str, opts: &SslAction) -> ApiResult<SslStatus> {
    client.request(&ACTION, &[instance_id]).json_in("ssl", opts).send().await
}
