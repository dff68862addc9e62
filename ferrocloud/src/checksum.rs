//! Checksums of bytes in flight: digests computed as chunks go by, and streams that end
//! with an [`ErrorKind::Integrity`] error when the bytes they carried do not match the
//! checksum the service announced. Object storage (MD5 `ETag`s) and the image service
//! (`Content-MD5`, `checksum`, `os_hash_value`) check their transfers with them.

use std::sync::{Arc, Mutex};

use bytes::Bytes;
use futures::stream::BoxStream;
use futures::{Stream, StreamExt, TryStreamExt};
use md5::{Digest as _, Md5};

use crate::{Error, ErrorKind, Result};

/// A digest algorithm a service names for a checksum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Algorithm {
    Md5,
    Sha256,
    Sha384,
    Sha512,
}

impl Algorithm {
    /// The algorithm of a name as Glance writes it (`os_hash_algo`: Python's hashlib
    /// names), if this SDK computes it.
    pub(crate) fn from_name(name: &str) -> Option<Algorithm> {
        match name.to_ascii_lowercase().as_str() {
            "md5" => Some(Algorithm::Md5),
            "sha256" => Some(Algorithm::Sha256),
            "sha384" => Some(Algorithm::Sha384),
            "sha512" => Some(Algorithm::Sha512),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Algorithm::Md5 => "MD5",
            Algorithm::Sha256 => "SHA-256",
            Algorithm::Sha384 => "SHA-384",
            Algorithm::Sha512 => "SHA-512",
        }
    }
}

/// A digest being computed.
#[derive(Clone)]
pub(crate) enum Hasher {
    Md5(Md5),
    Ring(ring::digest::Context),
}

impl Hasher {
    pub(crate) fn new(algorithm: Algorithm) -> Hasher {
        use ring::digest::{Context, SHA256, SHA384, SHA512};
        match algorithm {
            Algorithm::Md5 => Hasher::Md5(Md5::new()),
            Algorithm::Sha256 => Hasher::Ring(Context::new(&SHA256)),
            Algorithm::Sha384 => Hasher::Ring(Context::new(&SHA384)),
            Algorithm::Sha512 => Hasher::Ring(Context::new(&SHA512)),
        }
    }

    pub(crate) fn update(&mut self, bytes: &[u8]) {
        match self {
            Hasher::Md5(h) => h.update(bytes),
            Hasher::Ring(h) => h.update(bytes),
        }
    }

    /// The digest in lower-case hex.
    pub(crate) fn finish_hex(self) -> String {
        match self {
            Hasher::Md5(h) => hex(&h.finalize()),
            Hasher::Ring(h) => hex(h.finish().as_ref()),
        }
    }
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The MD5 of `bytes`, in hex.
pub(crate) fn md5_hex(bytes: &[u8]) -> String {
    hex(&Md5::digest(bytes))
}

/// The error for bytes whose digest is not the one announced.
pub(crate) fn mismatch(what: &str, announced: &str, algorithm: Algorithm, got: &str) -> Error {
    Error::new(
        ErrorKind::Integrity,
        format!(
            "{what}: the service announced the checksum {announced:?}, the bytes' {} is {got:?}",
            algorithm.name()
        ),
    )
}

/// A digest fed by a stream as it is read (for uploads: the body stream computes it,
/// the caller reads it once the request is over).
#[derive(Clone)]
pub(crate) struct Tap(Arc<Mutex<Hasher>>);

impl Tap {
    pub(crate) fn new(algorithm: Algorithm) -> Tap {
        Tap(Arc::new(Mutex::new(Hasher::new(algorithm))))
    }

    /// `chunks`, feeding each chunk to the digest as it passes.
    pub(crate) fn feed<S, E>(
        &self,
        chunks: S,
    ) -> impl Stream<Item = std::result::Result<Bytes, E>> + use<S, E>
    where
        S: Stream<Item = std::result::Result<Bytes, E>>,
    {
        let tap = self.0.clone();
        chunks.inspect_ok(move |chunk| {
            tap.lock().unwrap_or_else(|e| e.into_inner()).update(chunk);
        })
    }

    /// The digest of what went through so far, in hex.
    pub(crate) fn hex(&self) -> String {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .finish_hex()
    }
}

/// `chunks` unchanged, except that at its end the digest of what it carried is compared
/// with `announced` (hex, any case): a difference ends the stream with an
/// [`ErrorKind::Integrity`] error instead of its end.
pub(crate) fn verified(
    chunks: BoxStream<'static, Result<Bytes>>,
    algorithm: Algorithm,
    announced: String,
    what: String,
) -> BoxStream<'static, Result<Bytes>> {
    let announced = announced.to_ascii_lowercase();
    futures::stream::unfold(Some((chunks, Hasher::new(algorithm))), move |state| {
        let (announced, what) = (announced.clone(), what.clone());
        async move {
            let (mut chunks, mut hasher) = state?;
            match chunks.next().await {
                Some(Ok(chunk)) => {
                    hasher.update(&chunk);
                    Some((Ok(chunk), Some((chunks, hasher))))
                }
                Some(Err(e)) => Some((Err(e), None)),
                None => {
                    let got = hasher.finish_hex();
                    (got != announced)
                        .then(|| (Err(mismatch(&what, &announced, algorithm, &got)), None))
                }
            }
        }
    })
    .boxed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_of_known_inputs() {
        let mut h = Hasher::new(Algorithm::Sha256);
        h.update(b"ab");
        h.update(b"c");
        assert_eq!(
            h.finish_hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(md5_hex(b"abc"), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(Algorithm::from_name("SHA512"), Some(Algorithm::Sha512));
        assert_eq!(Algorithm::from_name("blake2b"), None);
    }

    #[tokio::test]
    async fn a_stream_ends_with_an_error_when_its_bytes_differ() {
        let chunks = || {
            futures::stream::iter(vec![
                Ok(Bytes::from_static(b"a")),
                Ok(Bytes::from_static(b"bc")),
            ])
            .boxed()
        };
        let good = verified(
            chunks(),
            Algorithm::Md5,
            "900150983CD24FB0D6963F7D28E17F72".into(),
            "x".into(),
        );
        let all: Vec<Bytes> = good.try_collect().await.unwrap();
        assert_eq!(all.concat(), b"abc");
        let bad = verified(
            chunks(),
            Algorithm::Md5,
            "00".into(),
            "download of x".into(),
        );
        let err = bad.try_collect::<Vec<Bytes>>().await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Integrity);
        assert!(err.to_string().contains("download of x"), "{err}");
    }
}
