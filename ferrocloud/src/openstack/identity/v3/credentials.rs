//! Credentials: secrets Keystone stores for a user (EC2 key pairs, TOTP seeds,
//! certificates…), encrypted at rest.
//!
//! A credential's `blob` is the secret itself: it is held as a [`SecretString`](crate::SecretString) and never
//! appears in `Debug` output.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::credentials::{self, CreateOpts, ListOpts};
//! use ferrocloud::ExposeSecret;
//! let c = credentials::create(&identity, &CreateOpts::ec2("user-id", "project-id", "AKIA1", "s3cret")).await.extract()?;
//! let blob: serde_json::Value = serde_json::from_str(c.blob.expose_secret()).unwrap();
//! assert_eq!(blob["access"], "AKIA1");
//! let mine = credentials::extract_credentials(&credentials::list(&identity, &ListOpts {
//!     user_id: Some("user-id".into()), ..Default::default() }).all_pages().await?)?;
//! credentials::delete(&identity, &c.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::Links;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, ExposeSecret, Result, SecretString, ServiceClient};

crate::operations! {
    service: "identity";
    /// List credentials.
    LIST = GET "/credentials" list("credentials", Credential);
    /// Create a credential.
    CREATE = POST "/credentials" request("credential", CreateOpts) response("credential", Credential);
    /// Show a credential.
    GET = GET "/credentials/{credential_id}" response("credential", Credential);
    /// Update a credential.
    UPDATE = PATCH "/credentials/{credential_id}" request("credential", UpdateOpts) response("credential", Credential);
    /// Delete a credential.
    DELETE = DELETE "/credentials/{credential_id}";
}

/// A credential.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Credential {
    /// The credential's ID (for `ec2`, derived from the access key).
    pub id: String,
    /// Its type (`ec2`, `totp`, `cert`…).
    #[serde(rename = "type")]
    pub credential_type: String,
    /// The user it belongs to.
    pub user_id: String,
    /// The project it is for (required for `ec2`).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub project_id: Option<String>,
    /// The secret (for `ec2`, a JSON object with `access` and `secret`, as text).
    #[serde(with = "crate::de::secret")]
    pub blob: SecretString,
    /// Links to it.
    pub links: Links,
}

/// Filters for listing credentials.
///
/// ```
/// use ferrocloud::openstack::identity::v3::credentials::ListOpts;
/// let o = ListOpts { user_id: Some("u1".into()), credential_type: Some("ec2".into()) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "user_id=u1&type=ec2");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Credentials of this user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Credentials of this type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub credential_type: Option<String>,
}

/// A new credential. The blob is held as a [`SecretString`] and shown as `[REDACTED]` in
/// `Debug` output.
///
/// ```
/// use ferrocloud::openstack::identity::v3::credentials::CreateOpts;
/// let o = CreateOpts::ec2("u1", "p1", "AKIA1", "s3cret");
/// assert_eq!(o.credential_type, "ec2");
/// assert!(!format!("{o:?}").contains("s3cret"));
/// let body = serde_json::to_value(&o).unwrap();
/// assert!(body["blob"].as_str().unwrap().contains("s3cret"));
/// ```
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The type (required): `ec2`, `totp`, `cert`…
    #[serde(rename = "type")]
    pub credential_type: String,
    /// The user (required).
    pub user_id: String,
    /// The project (required for `ec2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The secret, as text (required).
    #[serde(with = "crate::de::secret")]
    pub blob: SecretString,
}

impl std::fmt::Debug for CreateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateOpts")
            .field("credential_type", &self.credential_type)
            .field("user_id", &self.user_id)
            .field("project_id", &self.project_id)
            .field("blob", &"[REDACTED]")
            .finish()
    }
}

impl CreateOpts {
    /// A credential of any type.
    pub fn new(
        credential_type: impl Into<String>,
        user_id: impl Into<String>,
        blob: impl Into<String>,
    ) -> Self {
        CreateOpts {
            credential_type: credential_type.into(),
            user_id: user_id.into(),
            project_id: None,
            blob: SecretString::from(blob.into()),
        }
    }

    /// An EC2 key pair for a user in a project.
    pub fn ec2(
        user_id: impl Into<String>,
        project_id: impl Into<String>,
        access: &str,
        secret: &str,
    ) -> Self {
        let blob = serde_json::json!({ "access": access, "secret": secret }).to_string();
        let mut o = Self::new("ec2", user_id, blob);
        o.project_id = Some(project_id.into());
        o
    }

    /// A TOTP seed (base32) for a user's second factor.
    pub fn totp(user_id: impl Into<String>, seed: impl Into<String>) -> Self {
        Self::new("totp", user_id, seed)
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("type", !self.credential_type.is_empty())?;
        require("user_id", !self.user_id.is_empty())?;
        require("blob", !self.blob.expose_secret().is_empty())?;
        if self.credential_type == "ec2" {
            require(
                "project_id",
                self.project_id.as_deref().is_some_and(|p| !p.is_empty()),
            )?;
        }
        Ok(())
    }
}

/// Changes to a credential; unset fields are left as they are. The blob is held as a
/// [`SecretString`] and shown as `[REDACTED]` in `Debug` output.
///
/// ```
/// use ferrocloud::openstack::identity::v3::credentials::UpdateOpts;
/// let o = UpdateOpts::default().blob("new-s3cret");
/// assert_eq!(serde_json::to_value(&o).unwrap()["blob"], "new-s3cret");
/// assert!(!format!("{o:?}").contains("new-s3cret"));
/// ```
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub credential_type: Option<String>,
    /// A new user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// A new project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// A new secret.
    #[serde(
        default,
        with = "crate::de::secret::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub blob: Option<SecretString>,
}

impl UpdateOpts {
    /// Sets a new secret.
    pub fn blob(mut self, blob: impl Into<String>) -> Self {
        self.blob = Some(SecretString::from(blob.into()));
        self
    }
}

impl std::fmt::Debug for UpdateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpdateOpts")
            .field("credential_type", &self.credential_type)
            .field("user_id", &self.user_id)
            .field("project_id", &self.project_id)
            .field("blob", &self.blob.as_ref().map(|_| "[REDACTED]"))
            .finish()
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        let blob = self.blob.as_ref().map(|b| b.expose_secret());
        for (field, v) in [
            ("type", self.credential_type.as_deref()),
            ("user_id", self.user_id.as_deref()),
            ("blob", blob),
        ] {
            if v == Some("") {
                return Err(Error::invalid_input(format!("{field} must not be empty")));
            }
        }
        Ok(())
    }
}

/// Lists credentials.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Credential> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The credentials of a page.
    extract_credentials, Credential
}

/// Creates a credential.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Credential> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a credential.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Credential> {
    client.request(&GET, &[id]).send().await
}

/// Updates a credential.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Credential> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a credential.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}
