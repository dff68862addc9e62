//! A blocking facade for programs without an async runtime: the same calls, waited for.
//!
//! Every async function of the SDK returns a future; [`Wait::wait`] runs it to the end on
//! a runtime the SDK keeps for this purpose, and [`iter`] turns a stream of items into an
//! iterator.
//!
//! ```no_run
//! use ferrocloud::blocking::{iter, Wait};
//! use ferrocloud::openstack::{self, compute::v2::servers};
//!
//! let opts = openstack::auth_options_from_env()?;
//! let provider = openstack::authenticated_client(opts).wait()?;
//! let compute = openstack::new_compute_v2(&provider, Default::default())?;
//! let server = servers::get(&compute, "0e44cc9c").wait().extract()?;
//! for s in iter(servers::list(&compute, &Default::default()).items()) {
//!     println!("{}", s?.name.unwrap_or_default());
//! }
//! # Ok::<(), ferrocloud::Error>(())
//! ```

use std::future::Future;
use std::sync::OnceLock;

use futures::{Stream, StreamExt};

use crate::{Error, ErrorKind, Result};

fn runtime() -> Result<&'static tokio::runtime::Runtime> {
    static RT: OnceLock<std::result::Result<tokio::runtime::Runtime, String>> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("ferrocloud-blocking")
            .enable_all()
            .build()
            .map_err(|e| e.to_string())
    })
    .as_ref()
    .map_err(|e| {
        Error::new(
            ErrorKind::Config,
            format!("the runtime for blocking calls cannot start: {e}"),
        )
    })
}

/// The outputs a blocking call can give when it must not run: results that carry an
/// [`Error`].
pub trait FromBlockingError {
    /// The output that carries `e`.
    fn from_blocking_error(e: Error) -> Self;
}

impl<T> FromBlockingError for Result<T> {
    fn from_blocking_error(e: Error) -> Self {
        Err(e)
    }
}

impl<T> FromBlockingError for crate::ApiResult<T> {
    fn from_blocking_error(e: Error) -> Self {
        crate::ApiResult::from_error(e)
    }
}

/// The error of a blocking call made from inside an async runtime, or `None` outside.
fn inside_runtime() -> Option<Error> {
    tokio::runtime::Handle::try_current().ok().map(|_| {
        Error::new(
            ErrorKind::BlockingInAsync,
            "a blocking call was made from inside an async runtime, where it would block a worker thread: .await the call instead",
        )
    })
}

/// Runs a future to completion from synchronous code, on a runtime the SDK keeps for
/// this purpose. Called from inside an async runtime (a task, or `spawn_blocking`), it
/// does not block: it returns an [`ErrorKind::BlockingInAsync`] error at once.
///
/// ```
/// let r: ferrocloud::Result<u8> = ferrocloud::blocking::block_on(async { Ok(42) });
/// assert_eq!(r.unwrap(), 42);
/// ```
pub fn block_on<F>(fut: F) -> F::Output
where
    F: Future,
    F::Output: FromBlockingError,
{
    if let Some(e) = inside_runtime() {
        return F::Output::from_blocking_error(e);
    }
    match runtime() {
        Ok(rt) => rt.block_on(fut),
        Err(e) => F::Output::from_blocking_error(e),
    }
}

/// `.wait()` on any future of the SDK.
///
/// ```
/// use ferrocloud::blocking::Wait;
/// let r: ferrocloud::Result<&str> = async { Ok("done") }.wait();
/// assert_eq!(r.unwrap(), "done");
/// ```
pub trait Wait: Future + Sized {
    /// Runs the future to completion and returns its output (see [`block_on`]).
    fn wait(self) -> Self::Output;
}

impl<F> Wait for F
where
    F: Future,
    F::Output: FromBlockingError,
{
    fn wait(self) -> Self::Output {
        block_on(self)
    }
}

/// A blocking iterator over a stream (for example [`crate::Pager::items`]). Inside an
/// async runtime it yields one [`ErrorKind::BlockingInAsync`] error and ends.
///
/// ```
/// let items = futures::stream::iter([Ok(1u8), Ok(2), Ok(3)]);
/// let v: ferrocloud::Result<Vec<u8>> = ferrocloud::blocking::iter(items).collect();
/// assert_eq!(v.unwrap(), vec![1, 2, 3]);
/// ```
pub fn iter<S>(stream: S) -> impl Iterator<Item = S::Item>
where
    S: Stream + Send + 'static,
    S::Item: FromBlockingError + Send + 'static,
{
    let mut stream = Box::pin(stream);
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let rt = match inside_runtime().map_or_else(runtime, Err) {
            Ok(rt) => rt,
            Err(e) => {
                done = true;
                return Some(S::Item::from_blocking_error(e));
            }
        };
        let next = stream.next();
        // The stream is borrowed by `next`; run it on this thread with the SDK's runtime
        // entered so that the HTTP client finds it.
        let _guard = rt.enter();
        futures::executor::block_on(next)
    })
}
