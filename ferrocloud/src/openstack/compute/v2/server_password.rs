//! The encrypted admin password of a server.
//!
//! A guest agent (cloud-init, cloudbase-init) may post a password, encrypted with the
//! public key of the server's key pair and base64-encoded, to the metadata service; these
//! calls read it back or clear it. The value is held as a
//! [`SecretString`](crate::SecretString): it never shows in `Debug` output.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::ExposeSecret;
//! use ferrocloud::openstack::compute::v2::server_password;
//! let id = "0e44cc9c-e052-415d-afbf-469b0d384170";
//! match server_password::get(&compute, id).await.extract()?.password {
//!     Some(encrypted) => println!("{} base64 characters to decrypt", encrypted.expose_secret().len()),
//!     None => println!("no password posted yet"),
//! }
//! server_password::clear(&compute, id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Deserializer};

use crate::request::ApiResult;
use crate::{SecretString, ServiceClient};

crate::operations! {
    service: "compute";
    /// Show the encrypted admin password of a server.
    GET = GET "/servers/{server_id}/os-server-password" response(ServerPassword);
    /// Clear the encrypted admin password of a server (the guest's password is unchanged).
    CLEAR = DELETE "/servers/{server_id}/os-server-password";
}

/// The encrypted admin password of a server.
///
/// ```
/// use ferrocloud::openstack::compute::v2::server_password::ServerPassword;
/// let p: ServerPassword = serde_json::from_str(r#"{"password": "c2VjcmV0"}"#).unwrap();
/// assert!(!format!("{p:?}").contains("c2VjcmV0"));
/// let none: ServerPassword = serde_json::from_str(r#"{"password": ""}"#).unwrap();
/// assert!(none.password.is_none());
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct ServerPassword {
    /// The password, encrypted with the key pair's public key and base64-encoded; `None`
    /// when none was posted (Nova answers `""`).
    #[serde(default, deserialize_with = "secret_or_empty")]
    pub password: Option<SecretString>,
}

fn secret_or_empty<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<SecretString>, D::Error> {
    Ok(Option::<String>::deserialize(d)?
        .filter(|s| !s.is_empty())
        .map(SecretString::from))
}

/// Shows the encrypted admin password of a server.
pub async fn get(client: &ServiceClient, server_id: &str) -> ApiResult<ServerPassword> {
    client.request(&GET, &[server_id]).send().await
}

/// Clears the encrypted admin password of a server, as the API stores it. The password
/// inside the guest does not change.
pub async fn clear(client: &ServiceClient, server_id: &str) -> ApiResult<()> {
    client.request(&CLEAR, &[server_id]).send().await
}
