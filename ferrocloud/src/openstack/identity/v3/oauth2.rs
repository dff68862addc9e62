//! OAuth 2.0 client credentials tokens (OS-OAUTH2).
//!
//! A client (an application credential, or with mutual TLS a user with a default
//! project) gets an access token from `POST /v3/OS-OAUTH2/token`. The access token is a
//! Keystone token: services whose middleware accepts OAuth 2.0 read it from
//! `Authorization: Bearer …`, and it also works as `X-Auth-Token`.
//!
//! The call needs no Keystone token: use a client whose provider was never
//! authenticated.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient, app_cred_secret: ferrocloud::SecretString) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::oauth2::{self, ClientCredentials};
//! let creds = ClientCredentials::secret("3f1f2b7c…", app_cred_secret);
//! let token = oauth2::create_token(&identity, &creds).await.extract()?;
//! println!("{} token, valid {} s", token.token_type, token.expires_in);
//! # Ok(()) }
//! ```

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Deserializer};

use crate::request::{require, ApiResult};
use crate::{ExposeSecret, SecretString, ServiceClient};

crate::operations! {
    service: "identity";
    /// Get an access token with the client credentials grant.
    CREATE_TOKEN = POST "/OS-OAUTH2/token" response(AccessToken);
}

fn secret<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<SecretString, D::Error> {
    String::deserialize(d).map(SecretString::from)
}

/// An OAuth 2.0 access token. `Debug` does not show it.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AccessToken {
    /// The token (a Keystone token).
    #[serde(deserialize_with = "secret")]
    pub access_token: SecretString,
    /// Its type (`Bearer`).
    pub token_type: String,
    /// How many seconds it is valid.
    pub expires_in: u64,
}

/// How the client authenticates. `Debug` does not show the secret.
#[derive(Debug, Clone)]
pub struct ClientCredentials {
    /// The client ID: an application credential's ID (or, with mutual TLS, the user's
    /// ID).
    pub client_id: String,
    /// The application credential's secret, sent with HTTP Basic authentication
    /// (`client_secret_basic`); `None` for mutual TLS (`tls_client_auth`), where the
    /// client certificate configured on the HTTP client authenticates.
    pub client_secret: Option<SecretString>,
}

impl ClientCredentials {
    /// An application credential's ID and secret.
    pub fn secret(client_id: impl Into<String>, client_secret: SecretString) -> Self {
        ClientCredentials {
            client_id: client_id.into(),
            client_secret: Some(client_secret),
        }
    }

    /// A user authenticated by the client certificate of the HTTP client.
    pub fn mutual_tls(user_id: impl Into<String>) -> Self {
        ClientCredentials {
            client_id: user_id.into(),
            client_secret: None,
        }
    }
}

/// Gets an access token with the client credentials grant: the form body carries
/// `grant_type=client_credentials` and `client_id`; the secret, if any, goes in an HTTP
/// Basic `Authorization` header. Keystone answers 401 for unknown credentials.
pub async fn create_token(
    client: &ServiceClient,
    creds: &ClientCredentials,
) -> ApiResult<AccessToken> {
    if let Err(e) = require("client_id", !creds.client_id.is_empty()) {
        return ApiResult::from_error(e);
    }
    let body: String = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("grant_type", "client_credentials")
        .append_pair("client_id", &creds.client_id)
        .finish();
    let mut rb = client
        .request(&CREATE_TOKEN, &[])
        .bytes(body, "application/x-www-form-urlencoded")
        .ok_codes(&[200]);
    if let Some(secret) = &creds.client_secret {
        // Keystone reads the pair as is (it does not form-decode the two parts).
        let pair = SecretString::from(format!("{}:{}", creds.client_id, secret.expose_secret()));
        let header = SecretString::from(format!(
            "Basic {}",
            STANDARD.encode(pair.expose_secret())
        ));
        rb = rb.header("Authorization", header.expose_secret());
    }
    rb.send().await
}
