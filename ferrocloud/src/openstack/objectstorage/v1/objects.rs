//! Objects: list them (pseudo-directories included), upload them from bytes or from any
//! stream (the MD5 `ETag` computed as the bytes go and checked against Swift's), download
//! them as a stream (whole, by range, or conditionally; a whole download is checked
//! against its `ETag`), read and change their metadata, copy and delete them, and set
//! their expiry.
//!
//! ```no_run
//! # async fn demo(swift: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use futures::TryStreamExt;
//! use ferrocloud::openstack::objectstorage::v1::objects::{self, CreateOpts, DownloadOpts};
//!
//! let opts = CreateOpts { content_type: Some("text/plain".into()), ..CreateOpts::default() };
//! objects::create(&swift, "logs", "2026/12/05.txt", "hello".into(), &opts).await.ok()?;
//!
//! let download = objects::download(&swift, "logs", "2026/12/05.txt", &DownloadOpts::default()).await?;
//! println!("{} bytes", download.object.content_length);
//! let mut chunks = download.into_stream();
//! while let Some(chunk) = chunks.try_next().await? {
//!     // write `chunk` somewhere; a wrong ETag ends the stream with an error
//! #   let _ = chunk;
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use bytes::Bytes;
use futures::stream::BoxStream;
use futures::{Stream, StreamExt, TryStreamExt};
use http::HeaderMap;
use serde::Deserialize;

use super::common::{self, ListOpts, Progress};
use crate::checksum::{self, Algorithm};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, FromResponse, Response};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "object-store";
    /// Show container details and list objects.
    LIST = GET "/{container}" list(ObjectEntry);
    /// Create or replace an object.
    CREATE = PUT "/{container}/{object*}";
    /// Get object content and metadata.
    DOWNLOAD = GET "/{container}/{object*}";
    /// Copy an object.
    COPY = COPY "/{container}/{object*}";
    /// Delete an object.
    DELETE = DELETE "/{container}/{object*}";
    /// Show object metadata.
    GET = HEAD "/{container}/{object*}";
    /// Create or update object metadata.
    UPDATE = POST "/{container}/{object*}";
}

/// One entry of a listing: an object, or a pseudo-directory (with a delimiter).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum ObjectEntry {
    /// An object.
    Object(ObjectSummary),
    /// The names that share this prefix, up to the delimiter (`photos/`).
    Subdir {
        /// The prefix.
        subdir: String,
    },
}

/// An object as its container lists it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ObjectSummary {
    /// The name.
    pub name: String,
    /// The MD5 of its content (of the manifest, for a large object).
    pub hash: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its content type.
    pub content_type: String,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub last_modified: Timestamp,
    /// The target of a symlink (`container/object`).
    #[serde(default)]
    pub symlink_path: Option<String>,
    /// The version ([`list_versions`]; `null` for one written before versioning was
    /// enabled).
    #[serde(default)]
    pub version_id: Option<String>,
    /// Whether it is the current version ([`list_versions`]).
    #[serde(default)]
    pub is_latest: Option<bool>,
}

impl ObjectSummary {
    /// Whether this version marks a deletion ([`list_versions`]: a delete in a versioned
    /// container keeps the older versions and writes a marker as the newest).
    pub fn is_delete_marker(&self) -> bool {
        self.content_type.starts_with("application/x-deleted")
    }
}

crate::operation::extract_fn! {
    /// The entries of a page of [`list`].
    extract_objects, ObjectEntry
}

/// Lists a container's objects (JSON listing), following markers from page to page;
/// with a delimiter, pseudo-directories come as [`ObjectEntry::Subdir`].
pub fn list(client: &ServiceClient, container: &str, opts: &ListOpts) -> Pager<ObjectEntry> {
    client
        .request(&LIST, &[container])
        .query(opts)
        .query_pair("format", "json")
        .paged(PageStyle::Marker("name"))
}

/// Lists a container's object names only, as Swift's plain-text listing gives them (one
/// per line; with a delimiter, pseudo-directories are names too), paged by marker. A
/// name holding a line break cannot be listed this way: [`list`] reads every name.
pub fn list_names(client: &ServiceClient, container: &str, opts: &ListOpts) -> Pager<String> {
    client
        .request(&LIST, &[container])
        .query(opts)
        .query_pair("format", "plain")
        .typed::<Vec<String>>()
        .paged(PageStyle::Lines)
}

/// Lists every version of the objects of a versioned container (`?versions`): by
/// name, newest first, delete markers included, paged by name and version
/// (`version_marker`) so that no version is skipped between pages.
pub fn list_versions(client: &ServiceClient, container: &str, opts: &ListOpts) -> Pager<ObjectEntry> {
    client
        .request(&LIST, &[container])
        .query(opts)
        .query_pair("versions", "")
        .query_pair("format", "json")
        .paged(PageStyle::MarkerVersion("name", "version_id"))
}

/// An object's metadata, read from the headers of a `HEAD` or a download.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Object {
    /// Its size (of the part sent, for a range).
    pub content_length: u64,
    /// Its content type.
    pub content_type: Option<String>,
    /// The MD5 of its content (quoted for large objects, whose ETag is of their parts).
    pub etag: Option<String>,
    /// When it last changed.
    pub last_modified: Option<Timestamp>,
    /// When it was written (`X-Timestamp`).
    pub created: Option<Timestamp>,
    /// User metadata (`X-Object-Meta-*`, names in lower case).
    pub metadata: BTreeMap<String, String>,
    /// When Swift deletes it (`X-Delete-At`).
    pub delete_at: Option<Timestamp>,
    /// The segments' prefix of a dynamic large object (`X-Object-Manifest`).
    pub object_manifest: Option<String>,
    /// A static large object (`X-Static-Large-Object`).
    pub static_large_object: bool,
    /// The target of a symlink (`X-Symlink-Target`).
    pub symlink_target: Option<String>,
    /// The target's account, when another (`X-Symlink-Target-Account`).
    pub symlink_target_account: Option<String>,
    /// Its version, in a versioned container (`X-Object-Version-Id`).
    pub version_id: Option<String>,
    /// `Content-Encoding`.
    pub content_encoding: Option<String>,
    /// `Content-Disposition`.
    pub content_disposition: Option<String>,
}

impl Object {
    fn from_headers(h: &HeaderMap) -> Result<Object> {
        Ok(Object {
            content_length: common::number(h, "content-length")?.unwrap_or(0),
            content_type: common::text(h, "content-type"),
            etag: common::text(h, "etag"),
            last_modified: common::time(h, "last-modified")?,
            created: common::time(h, "x-timestamp")?,
            metadata: common::metadata(h, "x-object-meta-"),
            delete_at: common::time(h, "x-delete-at")?,
            object_manifest: common::text(h, "x-object-manifest"),
            static_large_object: common::boolean(h, "x-static-large-object")?.unwrap_or(false),
            symlink_target: common::text(h, "x-symlink-target"),
            symlink_target_account: common::text(h, "x-symlink-target-account"),
            version_id: common::text(h, "x-object-version-id"),
            content_encoding: common::text(h, "content-encoding"),
            content_disposition: common::text(h, "content-disposition"),
        })
    }

    /// Whether the `ETag` is the MD5 of the bytes a whole download gives (not for large
    /// objects, whose quoted ETag is of their parts, nor for symlinks' targets in
    /// another format).
    fn etag_is_content_md5(&self) -> Option<&str> {
        if self.static_large_object || self.object_manifest.is_some() {
            return None;
        }
        self.etag
            .as_deref()
            .filter(|e| e.len() == 32 && e.bytes().all(|b| b.is_ascii_hexdigit()))
    }
}

impl FromResponse for Object {
    fn from_response(resp: &Response, _envelope: Option<&str>) -> Result<Self> {
        Object::from_headers(resp.headers())
    }
}

/// What [`create`] and [`create_stream`] send besides the bytes.
#[derive(Debug, Clone, Default)]
pub struct CreateOpts {
    /// The content type (`application/octet-stream` when not set, unless
    /// `detect_content_type`).
    pub content_type: Option<String>,
    /// Let Swift guess the content type from the name.
    pub detect_content_type: bool,
    /// `Content-Encoding`.
    pub content_encoding: Option<String>,
    /// `Content-Disposition`.
    pub content_disposition: Option<String>,
    /// Swift deletes the object at this time.
    pub delete_at: Option<Timestamp>,
    /// Swift deletes the object after this many seconds.
    pub delete_after: Option<u64>,
    /// User metadata.
    pub metadata: BTreeMap<String, String>,
    /// Makes a dynamic large object: the prefix (`container/prefix`) of its segments.
    pub object_manifest: Option<String>,
    /// Makes a symlink to `container/object`.
    pub symlink_target: Option<String>,
    /// The symlink target's account, when another.
    pub symlink_target_account: Option<String>,
    /// Only create the object when none has the name (`If-None-Match: *`; `412` else).
    pub if_none_match: bool,
    /// Told of the bytes sent so far (and the total, for bytes held in memory).
    pub progress: Option<Progress>,
    /// [`create_stream`]: do not compute the MD5 (nor compare it with Swift's ETag), to
    /// save its CPU time on very large uploads.
    pub skip_checksum: bool,
}

impl CreateOpts {
    pub(crate) fn to_headers(&self) -> Result<HeaderMap> {
        let mut h = HeaderMap::new();
        if self.detect_content_type {
            common::put(&mut h, "X-Detect-Content-Type", "true")?;
        }
        common::put_opt(&mut h, "Content-Encoding", &self.content_encoding)?;
        common::put_opt(&mut h, "Content-Disposition", &self.content_disposition)?;
        common::put_opt(&mut h, "X-Delete-At", &self.delete_at.map(|t| t.timestamp()))?;
        common::put_opt(&mut h, "X-Delete-After", &self.delete_after)?;
        common::put_opt(&mut h, "X-Object-Manifest", &self.object_manifest)?;
        common::put_opt(&mut h, "X-Symlink-Target", &self.symlink_target)?;
        common::put_opt(&mut h, "X-Symlink-Target-Account", &self.symlink_target_account)?;
        if self.if_none_match {
            common::put(&mut h, "If-None-Match", "*")?;
        }
        object_metadata(&self.metadata, &mut h)?;
        Ok(h)
    }

    pub(crate) fn content_type(&self) -> &str {
        self.content_type
            .as_deref()
            .unwrap_or("application/octet-stream")
    }
}

/// Writes an object's metadata headers.
fn object_metadata(metadata: &BTreeMap<String, String>, h: &mut HeaderMap) -> Result<()> {
    let changes = common::MetadataChanges {
        set: metadata.clone(),
        ..common::MetadataChanges::default()
    };
    changes.write("Object", h)
}

/// Uploads an object from bytes held in memory (`201`). The MD5 goes as the `ETag`:
/// Swift refuses bytes that arrive damaged (`422`).
pub async fn create(
    client: &ServiceClient,
    container: &str,
    name: &str,
    data: Bytes,
    opts: &CreateOpts,
) -> ApiResult<()> {
    let etag = checksum::md5_hex(&data);
    put_bytes(client, container, name, data, &etag, opts).await
}

/// Uploads `data` whose MD5 is `etag`.
pub(crate) async fn put_bytes(
    client: &ServiceClient,
    container: &str,
    name: &str,
    data: Bytes,
    etag: &str,
    opts: &CreateOpts,
) -> ApiResult<()> {
    let len = data.len() as u64;
    let result = client
        .request(&CREATE, &[container, name])
        .headers(opts.to_headers())
        .header("ETag", etag)
        // Swift wants a length even for an empty object (`411` without one).
        .header("Content-Length", &len.to_string())
        .bytes(data, opts.content_type())
        .ok_codes(&[201])
        .send()
        .await;
    if let (true, Some(p)) = (result.is_ok(), &opts.progress) {
        p.report(len, Some(len));
    }
    result
}

/// Uploads an object from a stream of chunks, sent chunked as they come: memory stays
/// flat for any size. The MD5 is computed as the chunks go; an `ETag` from Swift that
/// differs fails the call with [`ErrorKind::Integrity`](crate::ErrorKind::Integrity) (the object is then stored with
/// the bytes Swift received). A stream cannot be sent twice: a `401` midway fails with
/// [`ErrorKind::NotReplayable`](crate::ErrorKind::NotReplayable).
pub async fn create_stream<S>(
    client: &ServiceClient,
    container: &str,
    name: &str,
    data: S,
    opts: &CreateOpts,
) -> ApiResult<()>
where
    S: Stream<Item = std::result::Result<Bytes, std::io::Error>> + Send + 'static,
{
    let tap = (!opts.skip_checksum).then(|| checksum::Tap::new(Algorithm::Md5));
    let data: BoxStream<'static, std::result::Result<Bytes, std::io::Error>> = match &tap {
        Some(tap) => tap.feed(data).boxed(),
        None => data.boxed(),
    };
    let data = match opts.progress.clone() {
        Some(p) => p.count(data, None).boxed(),
        None => data,
    };
    let result: ApiResult<()> = client
        .request(&CREATE, &[container, name])
        .headers(opts.to_headers())
        .stream(data, opts.content_type())
        .ok_codes(&[201])
        .send()
        .await;
    let (Some(resp), Some(tap)) = (result.response(), tap) else {
        return result;
    };
    let sent = tap.hex();
    match resp.header("etag").map(|e| e.trim_matches('"').to_ascii_lowercase()) {
        Some(etag) if etag != sent => ApiResult::from_error(checksum::mismatch(
            &format!("upload of {container}/{name}"),
            &etag,
            Algorithm::Md5,
            &sent,
        )),
        _ => result,
    }
}

/// What [`download`] asks for.
#[derive(Debug, Clone, Default)]
pub struct DownloadOpts {
    /// A byte range (`bytes=0-99`, `bytes=-500`, `bytes=100-`, or several): the answer is
    /// `206` with those bytes.
    pub range: Option<String>,
    /// Only if the ETag is this (`412` else).
    pub if_match: Option<String>,
    /// Only if the ETag is not this (`304` else: an empty download).
    pub if_none_match: Option<String>,
    /// Only if changed since (`304` else).
    pub if_modified_since: Option<Timestamp>,
    /// Only if not changed since (`412` else).
    pub if_unmodified_since: Option<Timestamp>,
    /// A static large object's manifest instead of its content
    /// (`multipart-manifest=get`).
    pub manifest: bool,
    /// This version of the object, in a versioned container.
    pub version_id: Option<String>,
    /// Told of the bytes received so far, and the length Swift announced.
    pub progress: Option<Progress>,
    /// Do not compute the MD5 of a whole download (nor compare it with the ETag).
    pub skip_checksum: bool,
}

impl DownloadOpts {
    fn to_headers(&self) -> Result<HeaderMap> {
        let http_date = |t: &Option<Timestamp>| {
            t.map(|t| t.format("%a, %d %b %Y %H:%M:%S GMT").to_string())
        };
        let mut h = HeaderMap::new();
        common::put_opt(&mut h, "Range", &self.range)?;
        common::put_opt(&mut h, "If-Match", &self.if_match)?;
        common::put_opt(&mut h, "If-None-Match", &self.if_none_match)?;
        common::put_opt(&mut h, "If-Modified-Since", &http_date(&self.if_modified_since))?;
        common::put_opt(
            &mut h,
            "If-Unmodified-Since",
            &http_date(&self.if_unmodified_since),
        )?;
        Ok(h)
    }
}

/// A download: the object's metadata, and its bytes as they arrive.
pub struct Download {
    /// The object's metadata (for a range, `content_length` is the part's).
    pub object: Object,
    /// `200` whole, `206` a range, `304` not modified (no bytes).
    pub status: http::StatusCode,
    what: String,
    checksum: bool,
    progress: Option<Progress>,
    inner: crate::request::StreamingResponse,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("object", &self.object)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

impl Download {
    /// The bytes as they arrive. For a whole object whose ETag is an MD5, the stream
    /// computes it as it goes, and ends with an [`ErrorKind::Integrity`](crate::ErrorKind::Integrity) error instead of
    /// its end when the bytes differ.
    pub fn into_stream(self) -> BoxStream<'static, Result<Bytes>> {
        let expected = match self.status {
            http::StatusCode::OK if self.checksum => {
                self.object.etag_is_content_md5().map(str::to_ascii_lowercase)
            }
            _ => None,
        };
        let mut chunks = self.inner.bytes_stream();
        if let Some(p) = self.progress {
            chunks = p.count(chunks, Some(self.object.content_length)).boxed();
        }
        let Some(expected) = expected else {
            return chunks;
        };
        checksum::verified(chunks, Algorithm::Md5, expected, self.what)
    }

    /// Reads the whole download into memory (for small objects), checked as
    /// [`into_stream`](Self::into_stream) checks it.
    pub async fn bytes(self) -> Result<Bytes> {
        let parts: Vec<Bytes> = self.into_stream().try_collect().await?;
        Ok(parts.concat().into())
    }
}

/// Downloads an object as a stream; the metadata comes first, the bytes as they arrive
/// (the idle timeout applies between two chunks, not to the whole transfer).
pub async fn download(
    client: &ServiceClient,
    container: &str,
    name: &str,
    opts: &DownloadOpts,
) -> Result<Download> {
    let mut req = client
        .request(&DOWNLOAD, &[container, name])
        .headers(opts.to_headers())
        .omit_header("accept")
        .ok_codes(&[200, 206, 304]);
    if opts.manifest {
        req = req.query_pair("multipart-manifest", "get");
    }
    if let Some(v) = &opts.version_id {
        req = req.query_pair("version-id", v.clone());
    }
    let inner = req.send_streaming().await?;
    Ok(Download {
        object: Object::from_headers(inner.headers())?,
        status: inner.status(),
        what: format!("download of {container}/{name}"),
        checksum: !opts.skip_checksum,
        progress: opts.progress.clone(),
        inner,
    })
}

/// An object's metadata (`200`).
pub async fn get(client: &ServiceClient, container: &str, name: &str) -> ApiResult<Object> {
    client.request(&GET, &[container, name]).typed().send().await
}

/// What [`update`] sets: Swift replaces all of an object's metadata with these (what is
/// not sent is removed), and its expiry.
#[derive(Debug, Clone, Default)]
pub struct UpdateOpts {
    /// The object's metadata, whole.
    pub metadata: BTreeMap<String, String>,
    /// A new content type.
    pub content_type: Option<String>,
    /// Swift deletes the object at this time.
    pub delete_at: Option<Timestamp>,
    /// Swift deletes the object after this many seconds.
    pub delete_after: Option<u64>,
    /// Cancels a scheduled deletion.
    pub remove_delete_at: bool,
}

impl UpdateOpts {
    fn to_headers(&self) -> Result<HeaderMap> {
        let mut h = HeaderMap::new();
        object_metadata(&self.metadata, &mut h)?;
        common::put_opt(&mut h, "Content-Type", &self.content_type)?;
        common::put_opt(&mut h, "X-Delete-At", &self.delete_at.map(|t| t.timestamp()))?;
        common::put_opt(&mut h, "X-Delete-After", &self.delete_after)?;
        if self.remove_delete_at {
            common::put(&mut h, "X-Remove-Delete-At", "x")?;
        }
        Ok(h)
    }
}

/// Replaces an object's metadata and sets its expiry (`202`).
pub async fn update(
    client: &ServiceClient,
    container: &str,
    name: &str,
    opts: &UpdateOpts,
) -> ApiResult<()> {
    client
        .request(&UPDATE, &[container, name])
        .headers(opts.to_headers())
        .send()
        .await
}

/// What [`copy`] changes on the copy.
#[derive(Debug, Clone, Default)]
pub struct CopyOpts {
    /// Metadata to add to (or, with `fresh_metadata`, to replace) the source's.
    pub metadata: BTreeMap<String, String>,
    /// Start from no metadata rather than the source's.
    pub fresh_metadata: bool,
    /// A new content type.
    pub content_type: Option<String>,
    /// Copy a static large object's manifest rather than its content
    /// (`multipart-manifest=get`).
    pub manifest: bool,
}

/// Copies an object to `to_container/to_name` (another container too) with Swift's
/// `COPY` (`201`); the copy is made server-side.
pub async fn copy(
    client: &ServiceClient,
    container: &str,
    name: &str,
    to_container: &str,
    to_name: &str,
    opts: &CopyOpts,
) -> ApiResult<()> {
    let destination = match copy_destination(to_container, to_name) {
        Ok(d) => d,
        Err(e) => return ApiResult::from_error(e),
    };
    let headers = (|| {
        let mut h = HeaderMap::new();
        common::put(&mut h, "Destination", &destination)?;
        object_metadata(&opts.metadata, &mut h)?;
        if opts.fresh_metadata {
            common::put(&mut h, "X-Fresh-Metadata", "true")?;
        }
        common::put_opt(&mut h, "Content-Type", &opts.content_type)?;
        Ok(h)
    })();
    let mut req = client.request(&COPY, &[container, name]).headers(headers);
    if opts.manifest {
        req = req.query_pair("multipart-manifest", "get");
    }
    req.ok_codes(&[201]).send().await
}

/// The `Destination` of a copy: `container/object`, each percent-encoded.
fn copy_destination(container: &str, name: &str) -> Result<String> {
    if container.is_empty() || name.is_empty() || container.contains('/') {
        return Err(Error::invalid_input(
            "a copy needs a destination container (without '/') and object name",
        ));
    }
    let enc = |s: &str| -> String {
        url::form_urlencoded::byte_serialize(s.as_bytes())
            .map(|p| if p == "+" { "%20" } else { p })
            .collect()
    };
    Ok(format!("{}/{}", enc(container), enc(name).replace("%2F", "/")))
}

/// What [`delete`] takes.
#[derive(Debug, Clone, Default)]
pub struct DeleteOpts {
    /// Delete a static large object with its segments (`multipart-manifest=delete`).
    pub with_segments: bool,
    /// Delete this version, in a versioned container.
    pub version_id: Option<String>,
}

/// Deletes an object (`204`).
pub async fn delete(
    client: &ServiceClient,
    container: &str,
    name: &str,
    opts: &DeleteOpts,
) -> ApiResult<()> {
    let mut req = client.request(&DELETE, &[container, name]);
    if opts.with_segments {
        req = req.query_pair("multipart-manifest", "delete");
    }
    if let Some(v) = &opts.version_id {
        req = req.query_pair("version-id", v.clone());
    }
    req.ok_codes(&[200, 204]).send().await
}
