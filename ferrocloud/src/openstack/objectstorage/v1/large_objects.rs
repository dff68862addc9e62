//! Static large objects: a stream of any size cut into segments, uploaded several at a
//! time (memory stays at about `segment_size × (concurrency + 1)`), each checked by its
//! MD5, then joined by a manifest. Download one with
//! [`objects::download`](crate::openstack::objectstorage::v1::objects::download) (Swift
//! joins the segments), delete it with its segments with
//! [`objects::delete`](crate::openstack::objectstorage::v1::objects::delete) and
//! `with_segments`. Dynamic large objects are a manifest object naming a segment prefix
//! (`CreateOpts::object_manifest`).
//!
//! ```no_run
//! # async fn demo(swift: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::objectstorage::v1::large_objects::{self, SloOpts};
//! let file = tokio::fs::File::open("disk.img").await.map_err(|e| {
//!     ferrocloud::Error::invalid_input(e.to_string())
//! })?;
//! # let file = futures::stream::empty::<std::io::Result<bytes::Bytes>>();
//! let done = large_objects::upload(&swift, "images", "disk.img", file, &SloOpts::default()).await?;
//! println!("{} bytes in {} segments", done.bytes, done.segments);
//! # Ok(()) }
//! ```

use bytes::{Bytes, BytesMut};
use futures::{Stream, StreamExt, TryStreamExt};
use md5::{Digest, Md5};
use serde::Serialize;

use super::common::Progress;
use super::containers;
use super::objects::{self, CreateOpts, DeleteOpts, put_bytes};
use crate::{Error, ErrorKind, Result, ServiceClient};

/// How [`upload`] cuts and sends.
#[derive(Debug, Clone)]
pub struct SloOpts {
    /// Bytes per segment (the last may be shorter). Default 8 MiB.
    pub segment_size: usize,
    /// Segments in flight at once. Default 4.
    pub concurrency: usize,
    /// Where the segments go (created when missing). Default `<container>_segments`.
    pub segment_container: Option<String>,
    /// The manifest's content type, metadata and expiry (the manifest is the object).
    pub create: CreateOpts,
    /// Told of the bytes sent so far after each segment.
    pub progress: Option<Progress>,
}

impl Default for SloOpts {
    fn default() -> Self {
        SloOpts {
            segment_size: 8 << 20,
            concurrency: 4,
            segment_container: None,
            create: CreateOpts::default(),
            progress: None,
        }
    }
}

/// What [`upload`] made.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SloUpload {
    /// The segments.
    pub segments: usize,
    /// The object's size.
    pub bytes: u64,
    /// The container holding the segments.
    pub segment_container: String,
    /// The segments' common prefix in it.
    pub segment_prefix: String,
}

/// One entry of a manifest.
#[derive(Debug, Clone, Serialize)]
struct Segment {
    path: String,
    etag: String,
    size_bytes: u64,
}

/// Cuts a stream of chunks into pieces of `size` bytes (the last shorter, none empty).
fn segments<S>(data: S, size: usize) -> impl Stream<Item = Result<Bytes>>
where
    S: Stream<Item = std::result::Result<Bytes, std::io::Error>> + Send + 'static,
{
    let data = data.map_err(|e| Error::new(ErrorKind::Transport, format!("reading the data: {e}")));
    futures::stream::unfold(
        (Box::pin(data), BytesMut::new(), false),
        move |(mut data, mut buf, mut ended)| async move {
            loop {
                if buf.len() >= size {
                    let piece = buf.split_to(size).freeze();
                    return Some((Ok(piece), (data, buf, ended)));
                }
                if ended {
                    if buf.is_empty() {
                        return None;
                    }
                    let piece = buf.split().freeze();
                    return Some((Ok(piece), (data, buf, ended)));
                }
                match data.next().await {
                    Some(Ok(chunk)) => buf.extend_from_slice(&chunk),
                    Some(Err(e)) => return Some((Err(e), (data, BytesMut::new(), true))),
                    None => ended = true,
                }
            }
        },
    )
}

/// Uploads a stream as a static large object `container/name`. The first failure stops
/// the upload, deletes the segments already stored (best effort: one in flight when it
/// stopped may remain) and is returned.
pub async fn upload<S>(
    client: &ServiceClient,
    container: &str,
    name: &str,
    data: S,
    opts: &SloOpts,
) -> Result<SloUpload>
where
    S: Stream<Item = std::result::Result<Bytes, std::io::Error>> + Send + 'static,
{
    if opts.segment_size == 0 || opts.concurrency == 0 {
        return Err(Error::invalid_input(
            "segment_size and concurrency must be at least 1",
        ));
    }
    let seg_container = opts
        .segment_container
        .clone()
        .unwrap_or_else(|| format!("{container}_segments"));
    containers::create(client, &seg_container, &Default::default())
        .await
        .ok()?;
    let stamp = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
    let prefix = format!("{name}/slo/{stamp}/{}", opts.segment_size);
    let sent = std::sync::atomic::AtomicU64::new(0);
    let (manifest, failure) = {
        let uploads = segments(data, opts.segment_size)
            .enumerate()
            .map(|(i, piece)| {
                let (seg_container, prefix, sent) = (&seg_container, &prefix, &sent);
                async move {
                    let piece = piece?;
                    let etag = crate::checksum::md5_hex(&piece);
                    let size = piece.len() as u64;
                    let seg_name = format!("{prefix}/{i:08}");
                    put_bytes(
                        client,
                        seg_container,
                        &seg_name,
                        piece,
                        &etag,
                        &CreateOpts::default(),
                    )
                    .await
                    .ok()?;
                    let done = sent.fetch_add(size, std::sync::atomic::Ordering::Relaxed) + size;
                    if let Some(p) = &opts.progress {
                        p.report(done, None);
                    }
                    Ok(Segment {
                        path: format!("/{seg_container}/{seg_name}"),
                        etag,
                        size_bytes: size,
                    })
                }
            })
            .buffered(opts.concurrency);
        let mut uploads = std::pin::pin!(uploads);
        let mut manifest = Vec::new();
        let mut failure = None;
        // The first failure stops the upload: segments in flight are abandoned.
        while let Some(r) = uploads.next().await {
            match r {
                Ok(segment) => manifest.push(segment),
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        (manifest, failure)
    };
    let outcome = match failure {
        Some(e) => Err(e),
        None => put_manifest(client, container, name, &manifest, opts).await,
    };
    match outcome {
        Ok(bytes) => Ok(SloUpload {
            segments: manifest.len(),
            bytes,
            segment_container: seg_container,
            segment_prefix: prefix,
        }),
        Err(e) => {
            for s in &manifest {
                let seg_name = s
                    .path
                    .trim_start_matches(&format!("/{seg_container}/"))
                    .to_string();
                let _ = objects::delete(client, &seg_container, &seg_name, &DeleteOpts::default())
                    .await;
            }
            Err(e)
        }
    }
}

/// Puts the manifest (or, for no data at all, an empty plain object); the size.
async fn put_manifest(
    client: &ServiceClient,
    container: &str,
    name: &str,
    manifest: &[Segment],
    opts: &SloOpts,
) -> Result<u64> {
    if manifest.is_empty() {
        objects::create(client, container, name, Bytes::new(), &opts.create)
            .await
            .ok()?;
        return Ok(0);
    }
    let body = serde_json::to_vec(manifest)
        .map_err(|e| Error::new(ErrorKind::InvalidInput, format!("manifest: {e}")))?;
    let result: crate::request::ApiResult<()> = client
        .request(&objects::CREATE, &[container, name])
        .headers(opts.create.to_headers())
        .query_pair("multipart-manifest", "put")
        .bytes(body, opts.create.content_type())
        .ok_codes(&[201])
        .send()
        .await;
    let resp = result.into_result()?;
    // Swift's ETag of the manifest is the MD5 of the segments' ETags, one after another.
    let mut md5 = Md5::new();
    for s in manifest {
        md5.update(s.etag.as_bytes());
    }
    let expected = crate::checksum::hex(&md5.finalize());
    if let Some(got) = resp
        .header("etag")
        .map(|e| e.trim_matches('"').to_ascii_lowercase())
        && got != expected
    {
        return Err(Error::new(
            ErrorKind::Integrity,
            format!(
                "manifest of {container}/{name}: Swift's ETag is {got:?}, the segments' is {expected:?}"
            ),
        ));
    }
    Ok(manifest.iter().map(|s| s.size_bytes).sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn segments_are_cut_at_the_size_whatever_the_chunks() {
        let chunks: Vec<std::io::Result<Bytes>> = ["abc", "defgh", "", "ij", "k"]
            .iter()
            .map(|c| Ok(Bytes::from_static(c.as_bytes())))
            .collect();
        let pieces: Vec<Bytes> = segments(futures::stream::iter(chunks), 4)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(
            pieces,
            ["abcd", "efgh", "ijk"].map(|p| Bytes::from_static(p.as_bytes()))
        );
        let none: Vec<Bytes> = segments(futures::stream::empty(), 4)
            .try_collect()
            .await
            .unwrap();
        assert!(none.is_empty());
    }
}
