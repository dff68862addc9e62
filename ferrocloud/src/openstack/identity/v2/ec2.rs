//! EC2 credentials (OS-KSEC2) and EC2 token validation (identity v2.0, legacy clouds).
//!
//! An EC2 credential is an access key and secret for a user on a tenant, for services
//! with an EC2- or S3-style API; such a service checks a request's signature by posting
//! it to [`authenticate`](crate::openstack::identity::v2::ec2::authenticate), which answers with a Keystone token for the credential's
//! user and tenant.
//!
//! Keystone removed the v2.0 API in Queens (13.0.0); current deployments serve EC2
//! credentials through the v3 credentials API instead.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v2::ec2::{self, CreateOpts};
//! let cred = ec2::create(&identity, "user-id", &CreateOpts::new("tenant-id")).await?;
//! if let Some(access) = &cred.access {
//!     println!("access key {access}");
//!     ec2::delete(&identity, "user-id", access).await.ok()?;
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::tokens::{secret, Access};
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Result, SecretString, ServiceClient};

crate::operations! {
    service: "identity";
    /// Check an EC2-signed request and get a token for its credential.
    AUTHENTICATE = POST "/ec2tokens" request("credentials", Ec2Signature) response("access", Access);
    /// Create an EC2 credential for a user on a tenant.
    CREATE = POST "/users/{user_id}/credentials/OS-EC2" request(CreateOpts) response(CredentialBody);
    /// List a user's EC2 credentials.
    LIST = GET "/users/{user_id}/credentials/OS-EC2" list("credentials", Ec2Credential);
    /// Show an EC2 credential (by access key).
    GET = GET "/users/{user_id}/credentials/OS-EC2/{credential_id}" response(CredentialBody);
    /// Delete an EC2 credential (by access key).
    DELETE = DELETE "/users/{user_id}/credentials/OS-EC2/{credential_id}";
}

/// An EC2 credential. `Debug` does not show the secret.
#[derive(Debug, Clone, Default, Deserialize)]
#[non_exhaustive]
pub struct Ec2Credential {
    /// The access key (also the credential's ID in the URLs). Keystone always sends it;
    /// `None` for the username/signature shape the API reference's samples show.
    #[serde(default)]
    pub access: Option<String>,
    /// The secret key.
    #[serde(default, with = "secret::option")]
    pub secret: Option<SecretString>,
    /// The user it belongs to.
    #[serde(default)]
    pub user_id: Option<String>,
    /// The tenant its tokens are scoped to.
    #[serde(default)]
    pub tenant_id: Option<String>,
    /// The trust it was created under, if any.
    #[serde(default)]
    pub trust_id: Option<String>,
}

/// The body of a credential answer: `{"credential": {...}}` (the API reference's samples
/// write the key `OS-KSEC2-ec2Credentials`, which is read too).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CredentialBody {
    /// The credential.
    #[serde(alias = "OS-KSEC2-ec2Credentials")]
    pub credential: Ec2Credential,
}

/// A new EC2 credential: the tenant its tokens are scoped to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The tenant (required).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tenant_id: String,
}

impl CreateOpts {
    /// A credential for tenant `tenant_id`.
    pub fn new(tenant_id: impl Into<String>) -> Self {
        CreateOpts {
            tenant_id: tenant_id.into(),
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("tenant_id", !self.tenant_id.is_empty())
    }
}

/// An EC2-signed request to check: what the service received, with the signature and
/// the access key (never the secret).
///
/// ```
/// use ferrocloud::openstack::identity::v2::ec2::Ec2Signature;
/// let mut s = Ec2Signature::new("8cff51dc", "Fra2UBKK…=");
/// s.host = "localhost".into();
/// s.verb = "GET".into();
/// s.path = "/".into();
/// s.params.insert("SignatureVersion".into(), "2".into());
/// assert_eq!(serde_json::to_value(&s).unwrap()["params"]["SignatureVersion"], "2");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ec2Signature {
    /// The access key.
    pub access: String,
    /// The signature to check.
    pub signature: String,
    /// The `Host` the request was sent to.
    #[serde(default)]
    pub host: String,
    /// Its method.
    #[serde(default)]
    pub verb: String,
    /// Its path.
    #[serde(default)]
    pub path: String,
    /// Its query parameters (for signature versions 2 and 4 with query signing).
    #[serde(default)]
    pub params: BTreeMap<String, String>,
    /// The SHA-256 of its body (signature version 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_hash: Option<String>,
    /// Its headers (signature version 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<BTreeMap<String, String>>,
}

impl Ec2Signature {
    /// A signature by access key `access`.
    pub fn new(access: impl Into<String>, signature: impl Into<String>) -> Self {
        Ec2Signature {
            access: access.into(),
            signature: signature.into(),
            ..Default::default()
        }
    }
}

impl Validate for Ec2Signature {
    fn validate(&self) -> Result<()> {
        require("access", !self.access.is_empty())?;
        require("signature", !self.signature.is_empty())
    }
}

/// Checks an EC2-signed request; on success, a token for the credential's user and
/// tenant (Keystone answers 401 for a wrong signature).
pub async fn authenticate(client: &ServiceClient, signature: &Ec2Signature) -> ApiResult<Access> {
    client
        .request(&AUTHENTICATE, &[])
        .body(signature)
        .ok_codes(&[200])
        .send()
        .await
}

/// Creates an EC2 credential for a user on a tenant. The answer holds the secret.
pub async fn create(
    client: &ServiceClient,
    user_id: &str,
    opts: &CreateOpts,
) -> Result<Ec2Credential> {
    let body: CredentialBody = client
        .request(&CREATE, &[user_id])
        .body(opts)
        .send()
        .await
        .extract()?;
    Ok(body.credential)
}

/// Lists a user's EC2 credentials.
pub fn list(client: &ServiceClient, user_id: &str) -> Pager<Ec2Credential> {
    client
        .request(&LIST, &[user_id])
        .paged(PageStyle::Links("credentials_links"))
}

crate::operation::extract_fn! {
    /// The credentials of a page.
    extract_credentials, Ec2Credential
}

/// Shows an EC2 credential by access key.
pub async fn get(client: &ServiceClient, user_id: &str, access: &str) -> Result<Ec2Credential> {
    let body: CredentialBody = client
        .request(&GET, &[user_id, access])
        .send()
        .await
        .extract()?;
    Ok(body.credential)
}

/// Deletes an EC2 credential by access key.
pub async fn delete(client: &ServiceClient, user_id: &str, access: &str) -> ApiResult<()> {
    client.request(&DELETE, &[user_id, access]).send().await
}
