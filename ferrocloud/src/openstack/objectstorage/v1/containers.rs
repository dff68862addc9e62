//! Containers: list them (a `GET` of the account, paged by marker), create them with
//! ACLs, a storage policy, quotas, versioning and metadata, read their figures and
//! metadata (a `HEAD`), change them, and delete them (empty ones).
//!
//! ```no_run
//! # async fn demo(swift: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use futures::TryStreamExt;
//! use ferrocloud::openstack::objectstorage::v1::{common::ListOpts, containers::{self, CreateOpts}};
//!
//! let opts = CreateOpts { read_acl: Some(".r:*,.rlistings".into()), ..CreateOpts::default() };
//! containers::create(&swift, "site", &opts).await.ok()?;
//! let names: Vec<String> = containers::list(&swift, &ListOpts::default().prefix("si"))
//!     .items()
//!     .map_ok(|c| c.name)
//!     .try_collect()
//!     .await?;
//! let site = containers::get(&swift, "site").await.extract()?;
//! println!("{names:?}: {} objects", site.object_count);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use http::HeaderMap;
use secrecy::SecretString;
use serde::Deserialize;

use super::account::temp_url_keys;
use super::common::{self, ListOpts, MetadataChanges};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, FromResponse, Response};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "object-store";
    /// Show account details and list containers.
    LIST = GET "/" list(ContainerSummary);
    /// Create a container.
    CREATE = PUT "/{container}";
    /// Show container metadata.
    GET = HEAD "/{container}";
    /// Create, update, or delete container metadata.
    UPDATE = POST "/{container}";
    /// Delete a container.
    DELETE = DELETE "/{container}";
}

/// A container as the account lists it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ContainerSummary {
    /// The name.
    pub name: String,
    /// Objects in it.
    pub count: u64,
    /// Bytes stored in it.
    pub bytes: u64,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub last_modified: Option<Timestamp>,
}

crate::operation::extract_fn! {
    /// The containers of a page of [`list`].
    extract_containers, ContainerSummary
}

/// Lists the account's containers (JSON listing), following markers from page to page.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<ContainerSummary> {
    client
        .request(&LIST, &[])
        .query(opts)
        .query_pair("format", "json")
        .paged(PageStyle::Marker("name"))
}

/// Lists the account's container names only, as Swift's plain-text listing gives them
/// (one per line: the smallest answer, for accounts with very many containers), paged
/// by marker.
pub fn list_names(client: &ServiceClient, opts: &ListOpts) -> Pager<String> {
    client
        .request(&LIST, &[])
        .query(opts)
        .query_pair("format", "plain")
        .typed::<Vec<String>>()
        .paged(PageStyle::Lines)
}

/// A container's figures, settings and metadata, read from the headers of a `HEAD`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Container {
    /// Objects (`X-Container-Object-Count`).
    pub object_count: u64,
    /// Bytes stored (`X-Container-Bytes-Used`).
    pub bytes_used: u64,
    /// The read ACL (`X-Container-Read`).
    pub read_acl: Option<String>,
    /// The write ACL (`X-Container-Write`).
    pub write_acl: Option<String>,
    /// The storage policy (`X-Storage-Policy`).
    pub storage_policy: Option<String>,
    /// Object versioning (`X-Versions-Enabled`).
    pub versions_enabled: Option<bool>,
    /// The container that keeps old versions, in "stack" mode (`X-Versions-Location`).
    pub versions_location: Option<String>,
    /// The container that keeps old versions, in "history" mode (`X-History-Location`).
    pub history_location: Option<String>,
    /// The byte quota (`X-Container-Meta-Quota-Bytes`).
    pub quota_bytes: Option<u64>,
    /// The object quota (`X-Container-Meta-Quota-Count`).
    pub quota_count: Option<u64>,
    /// Where the container syncs to (`X-Container-Sync-To`).
    pub sync_to: Option<String>,
    /// User metadata (`X-Container-Meta-*`, names in lower case; the TempURL keys apart).
    pub metadata: BTreeMap<String, String>,
    /// The first TempURL key (a secret).
    pub temp_url_key: Option<SecretString>,
    /// The second TempURL key (a secret).
    pub temp_url_key_2: Option<SecretString>,
    /// When the container was created (`X-Timestamp`).
    pub created: Option<Timestamp>,
    /// When it last changed (`Last-Modified`).
    pub last_modified: Option<Timestamp>,
}

impl FromResponse for Container {
    fn from_response(resp: &Response, _envelope: Option<&str>) -> Result<Self> {
        let h = resp.headers();
        Ok(Container {
            object_count: common::required_number(h, "x-container-object-count")?,
            bytes_used: common::required_number(h, "x-container-bytes-used")?,
            read_acl: common::text(h, "x-container-read"),
            write_acl: common::text(h, "x-container-write"),
            storage_policy: common::text(h, "x-storage-policy"),
            versions_enabled: common::boolean(h, "x-versions-enabled")?,
            versions_location: common::text(h, "x-versions-location"),
            history_location: common::text(h, "x-history-location"),
            quota_bytes: common::number(h, "x-container-meta-quota-bytes")?,
            quota_count: common::number(h, "x-container-meta-quota-count")?,
            sync_to: common::text(h, "x-container-sync-to"),
            metadata: common::metadata(h, "x-container-meta-"),
            temp_url_key: common::secret(h, "x-container-meta-temp-url-key"),
            temp_url_key_2: common::secret(h, "x-container-meta-temp-url-key-2"),
            created: common::time(h, "x-timestamp")?,
            last_modified: common::time(h, "last-modified")?,
        })
    }
}

/// A container's settings, for [`create`] (the headers of the `PUT`) and [`update`]
/// (those of the `POST`). Unset fields are not sent: they keep their value.
#[derive(Debug, Clone, Default)]
pub struct CreateOpts {
    /// The read ACL (`.r:*,.rlistings` makes it public; `project:user` grants).
    pub read_acl: Option<String>,
    /// The write ACL.
    pub write_acl: Option<String>,
    /// The storage policy (only at creation).
    pub storage_policy: Option<String>,
    /// Turns object versioning on or off (`X-Versions-Enabled`, Swift 2.24+).
    pub versions_enabled: Option<bool>,
    /// Keeps old versions in this container, "stack" mode.
    pub versions_location: Option<String>,
    /// Keeps old versions in this container, "history" mode.
    pub history_location: Option<String>,
    /// A byte quota.
    pub quota_bytes: Option<u64>,
    /// An object quota.
    pub quota_count: Option<u64>,
    /// Syncs to this container URL.
    pub sync_to: Option<String>,
    /// The sync key (a secret).
    pub sync_key: Option<SecretString>,
    /// The first TempURL key.
    pub temp_url_key: Option<SecretString>,
    /// The second TempURL key.
    pub temp_url_key_2: Option<SecretString>,
    /// Metadata to set (and, for an update, to remove).
    pub metadata: MetadataChanges,
}

/// What [`update`] changes: the settings of [`CreateOpts`] (but the storage policy),
/// and settings to remove.
#[derive(Debug, Clone, Default)]
pub struct UpdateOpts {
    /// New settings and metadata.
    pub set: CreateOpts,
    /// Remove the read ACL.
    pub remove_read_acl: bool,
    /// Remove the write ACL.
    pub remove_write_acl: bool,
    /// Stop keeping versions ("stack" mode).
    pub remove_versions_location: bool,
    /// Stop keeping versions ("history" mode).
    pub remove_history_location: bool,
    /// Remove the first TempURL key.
    pub remove_temp_url_key: bool,
    /// Remove the second TempURL key.
    pub remove_temp_url_key_2: bool,
}

impl CreateOpts {
    fn to_headers(&self) -> Result<HeaderMap> {
        let mut h = HeaderMap::new();
        common::put_opt(&mut h, "X-Container-Read", &self.read_acl)?;
        common::put_opt(&mut h, "X-Container-Write", &self.write_acl)?;
        common::put_opt(&mut h, "X-Storage-Policy", &self.storage_policy)?;
        common::put_opt(&mut h, "X-Versions-Enabled", &self.versions_enabled)?;
        common::put_opt(&mut h, "X-Versions-Location", &self.versions_location)?;
        common::put_opt(&mut h, "X-History-Location", &self.history_location)?;
        common::put_opt(&mut h, "X-Container-Meta-Quota-Bytes", &self.quota_bytes)?;
        common::put_opt(&mut h, "X-Container-Meta-Quota-Count", &self.quota_count)?;
        common::put_opt(&mut h, "X-Container-Sync-To", &self.sync_to)?;
        if let Some(key) = &self.sync_key {
            use secrecy::ExposeSecret;
            common::put(&mut h, "X-Container-Sync-Key", key.expose_secret())
                .map_err(|_| crate::Error::invalid_input("the sync key has a control character"))?;
        }
        temp_url_keys(
            "Container",
            [(&self.temp_url_key, false, ""), (&self.temp_url_key_2, false, "-2")],
            &mut h,
        )?;
        self.metadata.write("Container", &mut h)?;
        Ok(h)
    }
}

impl UpdateOpts {
    fn to_headers(&self) -> Result<HeaderMap> {
        if self.set.storage_policy.is_some() {
            return Err(crate::Error::invalid_input(
                "a container's storage policy is set at creation only",
            ));
        }
        let mut h = self.set.to_headers()?;
        for (remove, name) in [
            (self.remove_read_acl, "X-Remove-Container-Read"),
            (self.remove_write_acl, "X-Remove-Container-Write"),
            (self.remove_versions_location, "X-Remove-Versions-Location"),
            (self.remove_history_location, "X-Remove-History-Location"),
        ] {
            if remove {
                common::put(&mut h, name, "x")?;
            }
        }
        temp_url_keys(
            "Container",
            [
                (&None, self.remove_temp_url_key, ""),
                (&None, self.remove_temp_url_key_2, "-2"),
            ],
            &mut h,
        )?;
        Ok(h)
    }
}

/// Creates a container, or changes an existing one's settings (`201` created, `202`
/// existed).
pub async fn create(client: &ServiceClient, name: &str, opts: &CreateOpts) -> ApiResult<()> {
    client
        .request(&CREATE, &[name])
        .headers(opts.to_headers())
        .ok_codes(&[201, 202])
        .send()
        .await
}

/// A container's figures, settings and metadata (`204`).
pub async fn get(client: &ServiceClient, name: &str) -> ApiResult<Container> {
    client.request(&GET, &[name]).typed().send().await
}

/// Changes a container's settings and metadata (`204`).
pub async fn update(client: &ServiceClient, name: &str, opts: &UpdateOpts) -> ApiResult<()> {
    client
        .request(&UPDATE, &[name])
        .headers(opts.to_headers())
        .send()
        .await
}

/// Deletes an empty container (`204`; one with objects is refused with `409`).
pub async fn delete(client: &ServiceClient, name: &str) -> ApiResult<()> {
    client.request(&DELETE, &[name]).send().await
}
