//! Image data: upload an image's bytes (from memory or from any stream, memory flat
//! whatever the size), stage them for an [import](crate::openstack::image::v2::imports),
//! and download them as a stream.
//!
//! Uploads compute the MD5 of what they send and compare it with the `checksum` Glance
//! recorded; whole downloads compute it as the bytes arrive and compare it with the
//! `Content-MD5` Glance announced. A difference is an [`ErrorKind::Integrity`](crate::ErrorKind::Integrity) error.
//! `skip_checksum` turns the check off where the digest's cost matters more.
//!
//! ```no_run
//! # async fn demo(glance: ferrocloud::ServiceClient, id: &str) -> ferrocloud::Result<()> {
//! use futures::TryStreamExt;
//! use ferrocloud::openstack::image::v2::image_data::{self, DownloadOpts, UploadOpts};
//!
//! // Any stream of byte chunks: a file read piece by piece, a download elsewhere…
//! let parts = vec![bytes::Bytes::from_static(b"QFI\xfb"), bytes::Bytes::from(vec![0u8; 1 << 20])];
//! let size = parts.iter().map(|p| p.len() as u64).sum();
//! let chunks = futures::stream::iter(parts.into_iter().map(Ok::<_, std::io::Error>));
//! image_data::upload_stream(&glance, id, chunks, &UploadOpts::default().size(size)).await.ok()?;
//!
//! let download = image_data::download(&glance, id, &DownloadOpts::default()).await?;
//! let mut chunks = download.into_stream();
//! while let Some(chunk) = chunks.try_next().await? {
//!     // write `chunk` somewhere; damaged bytes end the stream with an error
//! #   let _ = chunk;
//! }
//! # Ok(()) }
//! ```

use bytes::Bytes;
use futures::stream::BoxStream;
use futures::{Stream, StreamExt, TryStreamExt};
use http::StatusCode;

use crate::checksum::{self, Algorithm, Tap};
use crate::request::{ApiResult, StreamingResponse};
use crate::transfer::Progress;
use crate::{Error, ErrorKind, Operation, Result, ServiceClient};

crate::operations! {
    service: "image";
    /// Upload binary image data.
    UPLOAD = PUT "/images/{image_id}/file";
    /// Stage binary image data (for an import; 2.6).
    STAGE = PUT "/images/{image_id}/stage";
    /// Download binary image data.
    DOWNLOAD = GET "/images/{image_id}/file";
}

const OCTETS: &str = "application/octet-stream";

/// How [`upload`], [`upload_stream`], [`stage`] and [`stage_stream`] send the bytes.
#[derive(Debug, Clone, Default)]
pub struct UploadOpts {
    /// The number of bytes the stream carries: sent as `Content-Length` (the stream
    /// must then carry exactly that many), instead of a chunked upload. Some stores
    /// and proxies need it; Glance also checks it against the image quota up front.
    pub size: Option<u64>,
    /// Told of the bytes sent so far (and the size, when given).
    pub progress: Option<Progress>,
    /// Do not compute the MD5 of the upload (nor compare it with Glance's checksum).
    pub skip_checksum: bool,
}

impl UploadOpts {
    /// Sends the size as `Content-Length`.
    pub fn size(mut self, bytes: u64) -> Self {
        self.size = Some(bytes);
        self
    }
    /// Reports progress to `p`.
    pub fn progress(mut self, p: Progress) -> Self {
        self.progress = Some(p);
        self
    }
}

/// Uploads an image's data from memory (`204`; the image becomes `active`), checked
/// against Glance's checksum.
pub async fn upload(client: &ServiceClient, id: &str, data: Bytes, opts: &UploadOpts) -> ApiResult<()> {
    let opts = UploadOpts {
        size: Some(data.len() as u64),
        ..opts.clone()
    };
    let chunks = futures::stream::iter([Ok::<_, std::io::Error>(data)]);
    put(client, &UPLOAD, id, chunks, &opts).await
}

/// Uploads an image's data from a stream (`204`), memory flat whatever its size. The
/// MD5 is computed as the chunks go; once Glance has the data, its `checksum` is
/// compared with it. A stream cannot be sent twice: a `401` midway fails with
/// [`ErrorKind::NotReplayable`].
pub async fn upload_stream<S>(client: &ServiceClient, id: &str, data: S, opts: &UploadOpts) -> ApiResult<()>
where
    S: Stream<Item = std::result::Result<Bytes, std::io::Error>> + Send + 'static,
{
    put(client, &UPLOAD, id, data, opts).await
}

/// Stages an image's data from memory for a `glance-direct` import (2.6; `204`; the
/// image becomes `uploading`). Glance computes no checksum before the import: nothing is
/// compared.
pub async fn stage(client: &ServiceClient, id: &str, data: Bytes, opts: &UploadOpts) -> ApiResult<()> {
    let opts = UploadOpts {
        size: Some(data.len() as u64),
        ..opts.clone()
    };
    let chunks = futures::stream::iter([Ok::<_, std::io::Error>(data)]);
    put(client, &STAGE, id, chunks, &opts).await
}

/// Stages an image's data from a stream (2.6; `204`).
pub async fn stage_stream<S>(client: &ServiceClient, id: &str, data: S, opts: &UploadOpts) -> ApiResult<()>
where
    S: Stream<Item = std::result::Result<Bytes, std::io::Error>> + Send + 'static,
{
    put(client, &STAGE, id, data, opts).await
}

async fn put<S>(
    client: &ServiceClient,
    op: &'static crate::operation::Op<()>,
    id: &str,
    data: S,
    opts: &UploadOpts,
) -> ApiResult<()>
where
    S: Stream<Item = std::result::Result<Bytes, std::io::Error>> + Send + 'static,
{
    let checked = std::ptr::eq::<Operation>(op.operation(), UPLOAD.operation()) && !opts.skip_checksum;
    let tap = checked.then(|| Tap::new(Algorithm::Md5));
    let mut data: BoxStream<'static, std::result::Result<Bytes, std::io::Error>> = match &tap {
        Some(tap) => tap.feed(data).boxed(),
        None => data.boxed(),
    };
    if let Some(p) = opts.progress.clone() {
        data = p.count(data, opts.size).boxed();
    }
    let mut req = client.request(op, &[id]).stream(data, OCTETS);
    if let Some(size) = opts.size {
        req = req.header("content-length", &size.to_string());
    }
    let result = req.ok_codes(&[204]).send().await;
    let (true, Some(tap)) = (result.is_ok(), tap) else {
        return result;
    };
    let sent = tap.hex();
    match super::images::get(client, id).await.extract() {
        Ok(image) => match image.checksum {
            Some(recorded) if !recorded.eq_ignore_ascii_case(&sent) => ApiResult::from_error(
                checksum::mismatch(&format!("upload of image {id}"), &recorded, Algorithm::Md5, &sent),
            ),
            _ => result,
        },
        Err(e) => ApiResult::from_error(Error::new(
            e.kind(),
            format!("upload of image {id}: the data went, but reading its checksum failed: {e}"),
        )),
    }
}

/// What [`download`] asks for.
#[derive(Debug, Clone, Default)]
pub struct DownloadOpts {
    /// A byte range (`bytes=0-99`): the answer is `206` with those bytes.
    pub range: Option<String>,
    /// Told of the bytes received so far, and the length Glance announced.
    pub progress: Option<Progress>,
    /// Do not compute the MD5 of a whole download (nor compare it with `Content-MD5`).
    pub skip_checksum: bool,
    /// Also check a whole download against this multihash (`os_hash_algo`,
    /// `os_hash_value`): see [`verify_hash`](Self::verify_hash).
    pub hash: Option<(String, String)>,
}

impl DownloadOpts {
    /// Checks a whole download against the image's multihash (`sha512` as a rule) as
    /// well as its MD5: stronger than MD5 alone. An image without one, or one whose
    /// algorithm this SDK does not compute (anything but MD5 and SHA-2), is left to the
    /// MD5 check; the download then fails with [`ErrorKind::InvalidInput`] for an unknown
    /// algorithm rather than pass unchecked.
    ///
    /// ```
    /// # fn demo(image: &ferrocloud::openstack::image::v2::images::Image) {
    /// use ferrocloud::openstack::image::v2::image_data::DownloadOpts;
    /// let opts = DownloadOpts::default().verify_hash(image);
    /// # }
    /// ```
    pub fn verify_hash(mut self, image: &super::images::Image) -> Self {
        self.hash = image.os_hash_algo.clone().zip(image.os_hash_value.clone());
        self
    }
}

/// A download: what Glance announced, and the bytes as they arrive.
pub struct Download {
    /// `200` whole, `206` a range, `204` an image without data (no bytes).
    pub status: StatusCode,
    /// The length announced, if any.
    pub content_length: Option<u64>,
    /// The MD5 announced (`Content-MD5`: the image's `checksum`), if any.
    pub content_md5: Option<String>,
    what: String,
    checksum: bool,
    hash: Option<(Algorithm, String)>,
    progress: Option<Progress>,
    inner: StreamingResponse,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("status", &self.status)
            .field("content_length", &self.content_length)
            .field("content_md5", &self.content_md5)
            .finish_non_exhaustive()
    }
}

impl Download {
    /// The bytes as they arrive. A whole download with a `Content-MD5` is checked as it
    /// goes: the stream ends with an [`ErrorKind::Integrity`] error instead of its end
    /// when the bytes differ.
    pub fn into_stream(self) -> BoxStream<'static, Result<Bytes>> {
        let mut chunks = self.inner.bytes_stream();
        if let Some(p) = self.progress {
            chunks = p.count(chunks, self.content_length).boxed();
        }
        if self.status != StatusCode::OK {
            return chunks;
        }
        if let (Some(md5), true) = (self.content_md5, self.checksum) {
            chunks = checksum::verified(chunks, Algorithm::Md5, md5, self.what.clone());
        }
        if let Some((algorithm, value)) = self.hash {
            chunks = checksum::verified(chunks, algorithm, value, self.what);
        }
        chunks
    }

    /// Reads the whole download into memory (for small images), checked as
    /// [`into_stream`](Self::into_stream) checks it.
    pub async fn bytes(self) -> Result<Bytes> {
        let parts: Vec<Bytes> = self.into_stream().try_collect().await?;
        Ok(parts.concat().into())
    }
}

/// Downloads an image's data as a stream (the idle timeout applies between two chunks,
/// not to the whole transfer). A deactivated image answers `403`.
pub async fn download(client: &ServiceClient, id: &str, opts: &DownloadOpts) -> Result<Download> {
    let mut req = client
        .request(&DOWNLOAD, &[id])
        .omit_header("accept")
        .ok_codes(&[200, 204, 206]);
    if let Some(range) = &opts.range {
        req = req.header("range", range);
    }
    let hash = match &opts.hash {
        None => None,
        Some((name, value)) => match Algorithm::from_name(name) {
            Some(a) => Some((a, value.clone())),
            None => {
                return Err(Error::invalid_input(format!(
                    "download of image {id}: the hash algorithm {name:?} is not one this SDK computes (md5, sha256, sha384, sha512)"
                )));
            }
        },
    };
    let inner = req.send_streaming().await?;
    let content_md5 = inner.header("content-md5").map(|s| {
        // Glance sends the hex digest; RFC 1864 writes base64: read either.
        decode_md5(s).unwrap_or_else(|| s.to_string())
    });
    if content_md5.as_deref().is_some_and(|m| m.len() != 32) {
        return Err(Error::new(
            ErrorKind::Decode,
            format!("download of image {id}: Content-MD5 {content_md5:?} is not an MD5"),
        ));
    }
    Ok(Download {
        status: inner.status(),
        content_length: inner.content_length(),
        content_md5,
        what: format!("download of image {id}"),
        checksum: !opts.skip_checksum,
        hash,
        progress: opts.progress.clone(),
        inner,
    })
}

/// A `Content-MD5` as hex: Glance's hex as it is, or RFC 1864's base64 decoded.
fn decode_md5(value: &str) -> Option<String> {
    use base64::Engine;
    if value.len() == 32 && value.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Some(value.to_ascii_lowercase());
    }
    let raw = base64::engine::general_purpose::STANDARD.decode(value).ok()?;
    (raw.len() == 16).then(|| checksum::hex(&raw))
}

#[cfg(test)]
mod tests {
    use super::decode_md5;

    #[test]
    fn content_md5_in_hex_or_base64() {
        assert_eq!(
            decode_md5("900150983CD24FB0D6963F7D28E17F72").as_deref(),
            Some("900150983cd24fb0d6963f7d28e17f72")
        );
        assert_eq!(
            decode_md5("kAFQmDzST7DWlj99KOF/cg==").as_deref(),
            Some("900150983cd24fb0d6963f7d28e17f72")
        );
        assert_eq!(decode_md5("nonsense"), None);
    }
}
