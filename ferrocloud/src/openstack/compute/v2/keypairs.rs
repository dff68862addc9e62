//! Key pairs: public keys injected into servers at boot (SSH keys, or x509 certificates
//! for Windows servers from microversion 2.2).
//!
//! A key pair is named, and its name is its ID (unique per user). Nova can import a
//! public key, or (before microversion 2.92) generate a pair and return the private key
//! once, in the create response: it is held as a [`SecretString`](crate::SecretString)
//! and never shown by `Debug`.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::ExposeSecret;
//! use ferrocloud::openstack::compute::v2::keypairs::{self, CreateOpts};
//! let imported = keypairs::create(&compute, &CreateOpts::import("laptop", "ssh-ed25519 AAAA… me@laptop")).await.extract()?;
//! println!("{}", imported.fingerprint);
//!
//! let generated = keypairs::create(&compute, &CreateOpts::new("generated")).await.extract()?;
//! let private_key = generated.private_key.as_ref().map(|k| k.expose_secret().to_string());
//!
//! let mine = keypairs::extract_keypairs(&keypairs::list(&compute, &Default::default()).all_pages().await?)?;
//! keypairs::delete(&compute, "generated").await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Deserializer, Serialize};

use crate::dates::Timestamp;
use crate::microversion::Microversion;
use crate::pagination::{Page, PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, ErrorKind, Result, SecretString, ServiceClient};

crate::operations! {
    service: "compute";
    /// List key pairs.
    LIST = GET "/os-keypairs" list("keypairs", KeypairEntry);
    /// Import (or create) a key pair.
    CREATE = POST "/os-keypairs" request("keypair", CreateOpts) response("keypair", Keypair);
    /// Show a key pair.
    GET = GET "/os-keypairs/{keypair_name}" response("keypair", Keypair);
    /// Delete a key pair.
    DELETE = DELETE "/os-keypairs/{keypair_name}";
}

/// A key pair.
#[derive(Clone, Deserialize)]
#[non_exhaustive]
pub struct Keypair {
    /// The name (the key pair's ID).
    pub name: String,
    /// The public key.
    pub public_key: String,
    /// The public key's fingerprint.
    pub fingerprint: String,
    /// `ssh` or `x509` (2.2+).
    #[serde(default, rename = "type")]
    pub key_type: Option<String>,
    /// The owner (create and show).
    #[serde(default)]
    pub user_id: Option<String>,
    /// The private key of a generated pair, returned once by create (before 2.92).
    #[serde(default, deserialize_with = "secret")]
    pub private_key: Option<SecretString>,
    /// The database ID (show only).
    #[serde(default)]
    pub id: Option<u64>,
    /// When it was created (show only).
    #[serde(default, with = "crate::dates::option")]
    pub created_at: Option<Timestamp>,
    /// Never set: key pairs cannot be changed (show only).
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Always false (show only).
    #[serde(default)]
    pub deleted: Option<bool>,
    /// Never set (show only).
    #[serde(default, with = "crate::dates::option")]
    pub deleted_at: Option<Timestamp>,
}

impl std::fmt::Debug for Keypair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keypair")
            .field("name", &self.name)
            .field("key_type", &self.key_type)
            .field("fingerprint", &self.fingerprint)
            .field("public_key", &self.public_key)
            .field("user_id", &self.user_id)
            .field(
                "private_key",
                &self.private_key.as_ref().map(|_| "[REDACTED]"),
            )
            .field("id", &self.id)
            .field("created_at", &self.created_at)
            .finish_non_exhaustive()
    }
}

fn secret<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<SecretString>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.map(SecretString::from))
}

impl crate::find::Named for Keypair {
    fn id(&self) -> &str {
        &self.name
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// A key pair as `GET /os-keypairs` lists it: each item wraps the key pair in a
/// `keypair` object.
#[derive(Debug, Clone, Deserialize)]
pub struct KeypairEntry {
    /// The key pair (name, public key, fingerprint, type).
    pub keypair: Keypair,
}

/// The kind of key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyType {
    /// An SSH public key.
    Ssh,
    /// An x509 certificate.
    X509,
}

/// A key pair to import or create.
///
/// ```
/// use ferrocloud::openstack::compute::v2::keypairs::{CreateOpts, KeyType};
/// let opts = CreateOpts::import("laptop", "ssh-rsa AAAA").key_type(KeyType::Ssh);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "laptop", "public_key": "ssh-rsa AAAA", "type": "ssh"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required; letters, digits, spaces, `_` and `-`, and from 2.92 also `@`
    /// and `.`).
    pub name: String,
    /// The public key to import. Without it Nova generates a pair (before 2.92 only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
    /// The kind of key (2.2+; default `ssh`).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub key_type: Option<KeyType>,
    /// The user to create it for (2.10+, admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
}

impl CreateOpts {
    /// A key pair generated by Nova (before microversion 2.92).
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }

    /// An imported public key.
    pub fn import(name: impl Into<String>, public_key: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            public_key: Some(public_key.into()),
            ..Default::default()
        }
    }

    /// Sets the kind of key (2.2+).
    pub fn key_type(mut self, t: KeyType) -> Self {
        self.key_type = Some(t);
        self
    }

    /// Sets the owner (2.10+, admin).
    pub fn user_id(mut self, u: impl Into<String>) -> Self {
        self.user_id = Some(u.into());
        self
    }

    fn check(&self, client: &ServiceClient) -> Result<()> {
        use super::versions::check_field;
        check_field(client, "type", self.key_type.is_some(), Some("2.2"), None)?;
        check_field(
            client,
            "user_id",
            self.user_id.is_some(),
            Some("2.10"),
            None,
        )?;
        if self.public_key.is_none() && super::versions::at_least(client, Microversion::new(2, 92))
        {
            return Err(Error::invalid_input(
                "public_key is required from compute microversion 2.92 on (Nova no longer generates key pairs)",
            ));
        }
        Ok(())
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.trim().is_empty())?;
        if self.name.chars().count() > 255 {
            return Err(Error::invalid_input("name must be at most 255 characters"));
        }
        if self
            .public_key
            .as_deref()
            .is_some_and(|k| k.trim().is_empty())
        {
            return Err(Error::invalid_input("public_key must not be empty"));
        }
        Ok(())
    }
}

/// Filters and paging for listing key pairs.
///
/// ```
/// use ferrocloud::openstack::compute::v2::keypairs::ListOpts;
/// let opts = ListOpts { user_id: Some("u1".into()), limit: Some(10), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "user_id=u1&limit=10");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Another user's key pairs (2.10+, admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Page size (2.35+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The name of the last key pair of the previous page (2.35+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

impl ListOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        use super::versions::check_field;
        check_field(
            client,
            "user_id",
            self.user_id.is_some(),
            Some("2.10"),
            None,
        )?;
        check_field(client, "limit", self.limit.is_some(), Some("2.35"), None)?;
        check_field(client, "marker", self.marker.is_some(), Some("2.35"), None)
    }
}

/// Whose key pair to show or delete.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UserOpts {
    /// Another user's key pair (2.10+, admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
}

impl UserOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        super::versions::check_field(
            client,
            "user_id",
            self.user_id.is_some(),
            Some("2.10"),
            None,
        )
    }
}

/// Lists key pairs (the caller's, or a user's with `user_id`). Paged from 2.35 on.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<KeypairEntry> {
    let req = client.request(&LIST, &[]).query(opts);
    let req = match opts.check(client) {
        Ok(()) => req,
        Err(e) => req.fail_with(e),
    };
    req.paged(PageStyle::Links("keypairs_links"))
}

/// The key pairs of a page (or of all pages).
pub fn extract_keypairs(page: &Page<KeypairEntry>) -> Result<Vec<Keypair>> {
    Ok(page.extract()?.into_iter().map(|e| e.keypair).collect())
}

/// Imports or creates a key pair. Fields newer than the client's microversion, and a
/// pair without a public key from 2.92 on, are refused before anything is sent.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Keypair> {
    if let Err(e) = opts.check(client) {
        return ApiResult::from_error(e);
    }
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows one of the caller's key pairs.
pub async fn get(client: &ServiceClient, name: &str) -> ApiResult<Keypair> {
    client.request(&GET, &[name]).send().await
}

/// Shows a key pair of a given user (2.10+, admin).
pub async fn get_with(client: &ServiceClient, name: &str, opts: &UserOpts) -> ApiResult<Keypair> {
    if let Err(e) = opts.check(client) {
        return ApiResult::from_error(e);
    }
    client.request(&GET, &[name]).query(opts).send().await
}

/// Deletes one of the caller's key pairs.
pub async fn delete(client: &ServiceClient, name: &str) -> ApiResult<()> {
    client.request(&DELETE, &[name]).send().await
}

/// Deletes a key pair of a given user (2.10+, admin).
pub async fn delete_with(client: &ServiceClient, name: &str, opts: &UserOpts) -> ApiResult<()> {
    if let Err(e) = opts.check(client) {
        return ApiResult::from_error(e);
    }
    client.request(&DELETE, &[name]).query(opts).send().await
}

/// Finds one of the caller's key pairs by name (a key pair's name is its ID).
pub async fn find(client: &ServiceClient, name: &str) -> Result<Keypair> {
    if name.is_empty() {
        return Err(Error::invalid_input("key pair name must not be empty"));
    }
    match get(client, name).await.extract() {
        Err(e) if e.kind() == ErrorKind::NotFound => Err(Error::new(
            ErrorKind::NotFound,
            format!("no key pair named {name:?}"),
        )),
        other => other,
    }
}
