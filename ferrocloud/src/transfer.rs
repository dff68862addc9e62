//! Moving bytes: the progress callback of uploads and downloads, shared by the object
//! storage and image services.

use std::sync::Arc;

use bytes::Bytes;
use futures::{Stream, TryStreamExt};

/// A progress callback for uploads and downloads: called with the bytes moved so far and
/// the total when known, after each chunk (cheap: one call per chunk, no allocation).
///
/// ```
/// use std::sync::atomic::{AtomicU64, Ordering};
/// use std::sync::Arc;
/// use ferrocloud::transfer::Progress;
/// let seen = Arc::new(AtomicU64::new(0));
/// let s = seen.clone();
/// let progress = Progress::new(move |done, _total| s.store(done, Ordering::Relaxed));
/// progress.report(42, Some(100));
/// assert_eq!(seen.load(Ordering::Relaxed), 42);
/// ```
#[derive(Clone)]
pub struct Progress(Arc<dyn Fn(u64, Option<u64>) + Send + Sync>);

impl Progress {
    /// A callback `f(done, total)`.
    pub fn new(f: impl Fn(u64, Option<u64>) + Send + Sync + 'static) -> Self {
        Progress(Arc::new(f))
    }
    /// Reports `done` bytes of `total`.
    pub fn report(&self, done: u64, total: Option<u64>) {
        (self.0)(done, total)
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

impl Progress {
    /// `chunks`, reporting the bytes that went through after each chunk (of `total`
    /// when known).
    pub(crate) fn count<S, E>(
        self,
        chunks: S,
        total: Option<u64>,
    ) -> impl Stream<Item = std::result::Result<Bytes, E>> + use<S, E>
    where
        S: Stream<Item = std::result::Result<Bytes, E>>,
    {
        let mut done = 0u64;
        chunks.inspect_ok(move |c| {
            done += c.len() as u64;
            self.report(done, total);
        })
    }
}
