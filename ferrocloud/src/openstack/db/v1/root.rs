//! The root user of an instance: whether it was enabled, enable it (Trove answers with
//! its password, a secret), disable it, and (administrators) when it was enabled.
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::db::v1::root;
//! let user = root::enable(&trove, "7de1bed8", None).await.extract()?;
//! assert_eq!(user.name, "root");
//! # Ok(()) }
//! ```

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "database";
    /// Whether root was ever enabled.
    GET = GET "/instances/{instance_id}/root" response(RootStatus);
    /// Enable root.
    ENABLE = POST "/instances/{instance_id}/root" request(EnableOpts) response("user", RootUser);
    /// Disable root.
    DISABLE = DELETE "/instances/{instance_id}/root";
}

/// Whether root was ever enabled on an instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RootStatus {
    /// Whether it was.
    #[serde(rename = "rootEnabled")]
    pub root_enabled: bool,
}

/// The root user, with its password (a secret: `Debug` does not show it).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct RootUser {
    /// `root`.
    pub name: String,
    /// The password.
    #[serde(with = "crate::de::secret")]
    pub password: SecretString,
}

/// What [`enable`] sends: a password of the caller's choice, or none (Trove makes one).
///
/// ```
/// let o = ferrocloud::openstack::db::v1::root::EnableOpts { password: Some("pw".to_string().into()) };
/// assert!(!format!("{o:?}").contains("pw"));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EnableOpts {
    /// The password.
    #[serde(default, with = "crate::de::secret::option", skip_serializing_if = "Option::is_none")]
    pub password: Option<SecretString>,
}

impl Validate for EnableOpts {}

/// Whether root was ever enabled.
pub async fn get(client: &ServiceClient, instance_id: &str) -> ApiResult<RootStatus> {
    client.request(&GET, &[instance_id]).send().await
}

/// Enables root, with `password` or one Trove makes (in the answer).
pub async fn enable(client: &ServiceClient, instance_id: &str, password: Option<SecretString>) -> ApiResult<RootUser> {
    let request = client.request(&ENABLE, &[instance_id]);
    match password {
        Some(p) => request.body(&EnableOpts { password: Some(p) }).send().await,
        None => request.send().await,
    }
}

/// Disables root (`204`).
pub async fn disable(client: &ServiceClient, instance_id: &str) -> ApiResult<()> {
    client.request(&DISABLE, &[instance_id]).send().await
}
