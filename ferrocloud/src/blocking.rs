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
//!     println!("{}", s?.name);
//! }
//! # Ok::<(), ferrocloud::Error>(())
//! ```

use std::future::Future;
use std::sync::OnceLock;

use futures::{Stream, StreamExt};

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("ferrocloud-blocking")
            .enable_all()
            .build()
            .unwrap_or_else(|e| panic!("ferrocloud cannot start its blocking runtime: {e}"))
    })
}

/// Runs a future to completion from synchronous code. When called from inside an async
/// runtime, the future runs on the SDK's own runtime and this thread waits for it.
///
/// ```
/// assert_eq!(ferrocloud::blocking::block_on(async { 40 + 2 }), 42);
/// ```
pub fn block_on<F>(fut: F) -> F::Output
where
    F: Future + Send,
    F::Output: Send,
{
    if tokio::runtime::Handle::try_current().is_ok() {
        // A runtime cannot be blocked on from inside another: wait on a helper thread.
        std::thread::scope(|s| {
            s.spawn(|| runtime().block_on(fut))
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p))
        })
    } else {
        runtime().block_on(fut)
    }
}

/// `.wait()` on any future of the SDK.
///
/// ```
/// use ferrocloud::blocking::Wait;
/// assert_eq!(async { "done" }.wait(), "done");
/// ```
pub trait Wait: Future + Sized {
    /// Runs the future to completion and returns its output.
    fn wait(self) -> Self::Output;
}

impl<F> Wait for F
where
    F: Future + Send,
    F::Output: Send,
{
    fn wait(self) -> Self::Output {
        block_on(self)
    }
}

/// A blocking iterator over a stream (for example [`crate::Pager::items`]).
///
/// ```
/// let v: Vec<u8> = ferrocloud::blocking::iter(futures::stream::iter([1u8, 2, 3])).collect();
/// assert_eq!(v, vec![1, 2, 3]);
/// ```
pub fn iter<S>(stream: S) -> impl Iterator<Item = S::Item>
where
    S: Stream + Send + 'static,
    S::Item: Send + 'static,
{
    let mut stream = Box::pin(stream);
    std::iter::from_fn(move || {
        let next = stream.next();
        // The stream is borrowed by `next`; run it on this thread with the SDK's runtime
        // entered so that the HTTP client finds it.
        let _guard = runtime().enter();
        futures::executor::block_on(next)
    })
}
