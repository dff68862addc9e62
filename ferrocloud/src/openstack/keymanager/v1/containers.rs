//! Containers: named groups of secret references. A `generic` container holds any
//! secrets under any names; an `rsa` one a key pair (`public_key`, `private_key`,
//! `private_key_passphrase`); a `certificate` one a `certificate` with, optionally, its
//! `private_key`, `private_key_passphrase` and `intermediates`. Secrets are named by
//! their references; a UUID given instead is made into one on the client's endpoint.
//!
//! ```no_run
//! # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::keymanager::v1::containers::{self, CreateOpts};
//! let opts = CreateOpts::rsa("4a7ea8b9", "b61613fc").name("web key pair");
//! let created = containers::create(&barbican, &opts).await.extract()?;
//! let c = containers::get(&barbican, &created.container_ref).await.extract()?;
//! assert_eq!(c.secret_refs.len(), 2);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{self, ContainerRef, Paging, Status};
use super::container_consumers::Consumer;
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "key-manager";
    /// List containers.
    LIST = GET "/containers" list("containers", Container);
    /// Show a container.
    GET = GET "/containers/{container_id}" response(Container);
    /// Create a container.
    CREATE = POST "/containers" request(CreateOpts) response(ContainerRef);
    /// Delete a container.
    DELETE = DELETE "/containers/{container_id}";
    /// Add a secret to a generic container.
    ADD_SECRET = POST "/containers/{container_id}/secrets" request(SecretEntry) response(ContainerRef);
    /// Remove a secret from a generic container.
    REMOVE_SECRET = DELETE "/containers/{container_id}/secrets" request(SecretEntry);
}

/// The kind of container.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::containers::ContainerType;
/// assert_eq!(serde_json::to_string(&ContainerType::Rsa).unwrap(), r#""rsa""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContainerType {
    /// Any secrets, under any names.
    Generic,
    /// A key pair.
    Rsa,
    /// A certificate and what goes with it.
    Certificate,
    /// A kind this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

impl ContainerType {
    /// The kind as Barbican writes it.
    ///
    /// ```
    /// use ferrocloud::openstack::keymanager::v1::containers::ContainerType;
    /// assert_eq!(ContainerType::Certificate.as_str(), "certificate");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            ContainerType::Generic => "generic",
            ContainerType::Rsa => "rsa",
            ContainerType::Certificate => "certificate",
            ContainerType::Other(s) => s,
        }
    }

    /// The names a container of this kind takes (all: `None`), and the one it needs.
    fn names(&self) -> Option<(&'static [&'static str], &'static [&'static str])> {
        match self {
            ContainerType::Rsa => Some((
                &["public_key", "private_key", "private_key_passphrase"],
                &["public_key", "private_key"],
            )),
            ContainerType::Certificate => Some((
                &[
                    "certificate",
                    "private_key",
                    "private_key_passphrase",
                    "intermediates",
                ],
                &["certificate"],
            )),
            _ => None,
        }
    }
}

/// A secret in a container: its name there and its reference.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::containers::SecretEntry;
/// let e = SecretEntry::new("private_key", "http://h/v1/secrets/b616");
/// assert_eq!(e.id(), "b616");
/// assert_eq!(serde_json::to_value(&e).unwrap(), serde_json::json!({
///     "name": "private_key", "secret_ref": "http://h/v1/secrets/b616"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretEntry {
    /// Its name in the container.
    #[serde(
        default,
        deserialize_with = "crate::de::nullable",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// The secret's reference (a UUID is made into one before sending).
    pub secret_ref: String,
}

impl SecretEntry {
    /// The secret `secret` (a reference or a UUID) under `name`.
    ///
    /// ```
    /// let e = ferrocloud::openstack::keymanager::v1::containers::SecretEntry::new("k", "b616");
    /// assert_eq!(e.name.as_deref(), Some("k"));
    /// ```
    pub fn new(name: impl Into<String>, secret: impl Into<String>) -> Self {
        SecretEntry {
            name: Some(name.into()),
            secret_ref: secret.into(),
        }
    }

    /// The secret `secret`, without a name.
    ///
    /// ```
    /// let e = ferrocloud::openstack::keymanager::v1::containers::SecretEntry::unnamed("b616");
    /// assert!(e.name.is_none());
    /// ```
    pub fn unnamed(secret: impl Into<String>) -> Self {
        SecretEntry {
            name: None,
            secret_ref: secret.into(),
        }
    }

    /// The secret's UUID.
    ///
    /// ```
    /// let e = ferrocloud::openstack::keymanager::v1::containers::SecretEntry::unnamed("http://h/v1/secrets/1");
    /// assert_eq!(e.id(), "1");
    /// ```
    pub fn id(&self) -> &str {
        common::id_from_ref(&self.secret_ref)
    }

    /// The same entry with a full reference: a UUID becomes the secret's URL on `client`.
    fn resolved(&self, client: &ServiceClient) -> Result<SecretEntry> {
        let id = common::ref_id(&self.secret_ref, "secrets")?;
        let secret_ref = if self.secret_ref.contains('/') {
            self.secret_ref.clone()
        } else {
            client
                .url_for(&super::secrets::GET, &[id])?
                .to_string()
        };
        Ok(SecretEntry {
            name: self.name.clone(),
            secret_ref,
        })
    }
}

impl Validate for SecretEntry {
    fn validate(&self) -> Result<()> {
        crate::request::require("secret_ref", !self.secret_ref.is_empty())?;
        if self.name.as_ref().is_some_and(|n| n.chars().count() > 255) {
            return Err(Error::invalid_input(
                "a secret's name in a container is at most 255 characters",
            ));
        }
        Ok(())
    }
}

/// A container.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Container {
    /// Its URL; [`Container::id`] gives the UUID.
    pub container_ref: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The kind.
    #[serde(rename = "type")]
    pub kind: ContainerType,
    /// The status.
    pub status: Status,
    /// The secrets it holds.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub secret_refs: Vec<SecretEntry>,
    /// The services that use it.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub consumers: Vec<Consumer>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
    /// The user who created it.
    #[serde(default)]
    pub creator_id: Option<String>,
}

impl Container {
    /// The container's UUID (the end of its `container_ref`).
    ///
    /// ```
    /// # use ferrocloud::openstack::keymanager::v1::containers::Container;
    /// let c: Container = serde_json::from_value(serde_json::json!({
    ///     "container_ref": "http://h/v1/containers/74bb", "name": null, "type": "generic",
    ///     "status": "ACTIVE", "created": "2015-03-26T21:10:45.417835",
    ///     "updated": "2015-03-26T21:10:45.417835"})).unwrap();
    /// assert_eq!(c.id(), "74bb");
    /// ```
    pub fn id(&self) -> &str {
        common::id_from_ref(&self.container_ref)
    }

    /// The reference of the secret held under `name`.
    ///
    /// ```
    /// # use ferrocloud::openstack::keymanager::v1::containers::Container;
    /// let c: Container = serde_json::from_value(serde_json::json!({
    ///     "container_ref": "http://h/v1/containers/74bb", "name": "pair", "type": "rsa",
    ///     "status": "ACTIVE", "created": "2015-03-26T21:10:45", "updated": "2015-03-26T21:10:45",
    ///     "secret_refs": [{"name": "private_key", "secret_ref": "http://h/v1/secrets/b6"}]})).unwrap();
    /// assert_eq!(c.secret("private_key"), Some("http://h/v1/secrets/b6"));
    /// assert_eq!(c.secret("public_key"), None);
    /// ```
    pub fn secret(&self, name: &str) -> Option<&str> {
        self.secret_refs
            .iter()
            .find(|e| e.name.as_deref() == Some(name))
            .map(|e| e.secret_ref.as_str())
    }
}

crate::operation::extract_fn! {
    /// The containers of a page of [`list`].
    ///
    /// ```no_run
    /// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
    /// use ferrocloud::openstack::keymanager::v1::containers;
    /// let pages = containers::list(&barbican, &Default::default()).all_pages().await?;
    /// for c in containers::extract_containers(&pages)? { println!("{}", c.container_ref) }
    /// # Ok(()) }
    /// ```
    extract_containers, Container
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::containers::{ContainerType, ListOpts};
/// let opts = ListOpts { kind: Some(ContainerType::Rsa), ..Default::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "type=rsa");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Containers of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Containers of this kind.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<ContainerType>,
    /// Where to start and the page size.
    #[serde(flatten)]
    pub paging: Paging,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::containers::CreateOpts;
/// let opts = CreateOpts::generic().name("container name")
///     .secret("private_key", "https://barbican/v1/secrets/b616");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "type": "generic", "name": "container name",
///     "secret_refs": [{"name": "private_key", "secret_ref": "https://barbican/v1/secrets/b616"}]}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The kind.
    #[serde(rename = "type")]
    pub kind: ContainerType,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The secrets it holds.
    #[serde(default)]
    pub secret_refs: Vec<SecretEntry>,
}

impl CreateOpts {
    /// An empty container of `kind`.
    ///
    /// ```
    /// use ferrocloud::openstack::keymanager::v1::containers::{ContainerType, CreateOpts};
    /// assert_eq!(CreateOpts::new(ContainerType::Generic), CreateOpts::generic());
    /// ```
    pub fn new(kind: ContainerType) -> Self {
        CreateOpts {
            kind,
            name: None,
            secret_refs: Vec::new(),
        }
    }

    /// An empty generic container.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::containers::CreateOpts::generic();
    /// assert!(o.secret_refs.is_empty());
    /// ```
    pub fn generic() -> Self {
        Self::new(ContainerType::Generic)
    }

    /// An RSA container of a key pair (references or UUIDs); add a
    /// `private_key_passphrase` with [`secret`](Self::secret).
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::containers::CreateOpts::rsa("pub-id", "priv-id");
    /// assert_eq!(o.secret_refs.len(), 2);
    /// ```
    pub fn rsa(public_key: impl Into<String>, private_key: impl Into<String>) -> Self {
        Self::new(ContainerType::Rsa)
            .secret("public_key", public_key)
            .secret("private_key", private_key)
    }

    /// A certificate container of `certificate` (a reference or UUID); add its
    /// `private_key`, `private_key_passphrase` and `intermediates` with
    /// [`secret`](Self::secret).
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::containers::CreateOpts::certificate("cert-id")
    ///     .secret("intermediates", "chain-id");
    /// assert_eq!(o.secret_refs[1].name.as_deref(), Some("intermediates"));
    /// ```
    pub fn certificate(certificate: impl Into<String>) -> Self {
        Self::new(ContainerType::Certificate).secret("certificate", certificate)
    }

    /// Sets the name.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::containers::CreateOpts::generic().name("n");
    /// assert_eq!(o.name.as_deref(), Some("n"));
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Adds the secret `secret` (a reference or UUID) under `name`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::containers::CreateOpts::generic().secret("a", "id-a");
    /// assert_eq!(o.secret_refs[0].secret_ref, "id-a");
    /// ```
    pub fn secret(mut self, name: impl Into<String>, secret: impl Into<String>) -> Self {
        self.secret_refs.push(SecretEntry::new(name, secret));
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.name.as_ref().is_some_and(|n| n.chars().count() > 255) {
            return Err(Error::invalid_input(
                "a container's name is at most 255 characters",
            ));
        }
        self.secret_refs.iter().try_for_each(Validate::validate)?;
        if let Some((allowed, needed)) = self.kind.names() {
            for e in &self.secret_refs {
                let name = e.name.as_deref().unwrap_or_default();
                if !allowed.contains(&name) {
                    return Err(Error::invalid_input(format!(
                        "a {} container holds secrets named {}, not {name:?}",
                        self.kind.as_str(),
                        allowed.join(", ")
                    )));
                }
            }
            for n in needed {
                if self.secret_refs.iter().all(|e| e.name.as_deref() != Some(*n)) {
                    return Err(Error::invalid_input(format!(
                        "a {} container needs a secret named {n}",
                        self.kind.as_str()
                    )));
                }
            }
        }
        Ok(())
    }
}

/// Lists containers, oldest first, following Barbican's `next` links.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::containers::{self, ContainerType, ListOpts};
/// let opts = ListOpts { kind: Some(ContainerType::Certificate), ..Default::default() };
/// let certs = containers::extract_containers(&containers::list(&barbican, &opts).all_pages().await?)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Container> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Next("next"))
}

/// Shows a container (`container`: its reference or UUID).
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let c = ferrocloud::openstack::keymanager::v1::containers::get(&barbican, "74bbd3fd").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, container: &str) -> ApiResult<Container> {
    common::request_on(client, &GET, container, "containers")
        .send()
        .await
}

/// Creates a container (`201`); secrets named by UUID are sent as their references.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::containers::{self, CreateOpts};
/// let r = containers::create(&barbican, &CreateOpts::certificate("cert-uuid")).await.extract()?;
/// println!("{}", r.id());
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<ContainerRef> {
    let resolved: Result<Vec<SecretEntry>> = opts
        .secret_refs
        .iter()
        .map(|e| e.resolved(client))
        .collect();
    let req = client.request(&CREATE, &[]);
    match resolved {
        Ok(secret_refs) => {
            let opts = CreateOpts {
                secret_refs,
                ..opts.clone()
            };
            req.body(&opts).send().await
        }
        Err(e) => req.fail_with(e).send().await,
    }
}

/// Deletes a container (`204`); its secrets stay.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::keymanager::v1::containers::delete(&barbican, "74bbd3fd").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, container: &str) -> ApiResult<()> {
    common::request_on(client, &DELETE, container, "containers")
        .send()
        .await
}

/// Sends `entry` (its secret made a reference) to `op` on `container`.
async fn secret_request<R>(
    client: &ServiceClient,
    op: &'static crate::Op<R>,
    container: &str,
    entry: &SecretEntry,
) -> ApiResult<R> {
    let req = common::request_on(client, op, container, "containers");
    match entry.resolved(client) {
        Ok(entry) => req.body(&entry).send().await,
        Err(e) => req.fail_with(e).send().await,
    }
}

/// Adds a secret to a generic container (`201`).
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::containers::{self, SecretEntry};
/// containers::add_secret(&barbican, "74bbd3fd", &SecretEntry::new("private_key", "b61613fc")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn add_secret(
    client: &ServiceClient,
    container: &str,
    entry: &SecretEntry,
) -> ApiResult<ContainerRef> {
    secret_request(client, &ADD_SECRET, container, entry).await
}

/// Removes a secret from a generic container (`204`); the secret itself stays. Name it
/// as the container does.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::containers::{self, SecretEntry};
/// containers::remove_secret(&barbican, "74bbd3fd", &SecretEntry::new("private_key", "b61613fc")).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn remove_secret(
    client: &ServiceClient,
    container: &str,
    entry: &SecretEntry,
) -> ApiResult<()> {
    secret_request(client, &REMOVE_SECRET, container, entry).await
}
