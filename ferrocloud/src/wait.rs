//! Waiting for a resource to reach a state, or to disappear.
//!
//! A waiter polls with a growing interval until the resource is ready, has failed, or the
//! timeout passes; a progress callback sees every poll. The futures are cancel-safe:
//! dropping one stops the polling and leaves nothing behind.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use std::time::Duration;
//! use ferrocloud::openstack::compute::v2::servers;
//! use ferrocloud::wait::WaitOpts;
//! let opts = WaitOpts::new(Duration::from_secs(600));
//! let server = servers::wait_for_status(&compute, "8c3c0d25", "ACTIVE", &opts).await?;
//! # Ok(()) }
//! ```

use std::future::Future;
use std::time::{Duration, Instant};

use crate::{Error, ErrorKind, Result};

/// Timeout and polling interval of a waiter.
#[derive(Debug, Clone, PartialEq)]
pub struct WaitOpts {
    /// How long to wait in all.
    pub timeout: Duration,
    /// The first interval between polls.
    pub interval: Duration,
    /// The longest interval between polls.
    pub max_interval: Duration,
    /// The factor the interval grows by after each poll.
    pub backoff: f64,
}

impl Default for WaitOpts {
    /// Ten minutes, polling after 1 s, then up to every 10 s.
    fn default() -> Self {
        WaitOpts {
            timeout: Duration::from_secs(600),
            interval: Duration::from_secs(1),
            max_interval: Duration::from_secs(10),
            backoff: 1.5,
        }
    }
}

impl WaitOpts {
    /// The defaults with another timeout.
    ///
    /// ```
    /// let o = ferrocloud::wait::WaitOpts::new(std::time::Duration::from_secs(30));
    /// assert_eq!(o.timeout.as_secs(), 30);
    /// ```
    pub fn new(timeout: Duration) -> Self {
        WaitOpts {
            timeout,
            ..Default::default()
        }
    }

    /// Sets the first and the longest interval.
    ///
    /// ```
    /// use std::time::Duration;
    /// let o = ferrocloud::wait::WaitOpts::new(Duration::from_secs(5)).interval(Duration::from_millis(10), Duration::from_millis(50));
    /// assert_eq!(o.max_interval, Duration::from_millis(50));
    /// ```
    pub fn interval(mut self, first: Duration, max: Duration) -> Self {
        self.interval = first;
        self.max_interval = max;
        self
    }
}

/// What one poll says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// The wait is over.
    Ready,
    /// Not yet.
    Pending,
    /// It will never get there: the message says why (e.g. the server's fault).
    Failed(String),
}

/// Polls `poll` until `classify` says [`State::Ready`] (returning the resource) or
/// [`State::Failed`], or `opts.timeout` passes ([`ErrorKind::Timeout`]). `progress` sees
/// the resource at every poll. `what` names the wait in errors ("server abc to be
/// ACTIVE").
///
/// ```
/// # tokio_test_shim::run(async {
/// use std::sync::atomic::{AtomicU32, Ordering};
/// use std::time::Duration;
/// use ferrocloud::wait::{wait_for, State, WaitOpts};
/// let n = AtomicU32::new(0);
/// let opts = WaitOpts::new(Duration::from_secs(5)).interval(Duration::from_millis(1), Duration::from_millis(2));
/// let v = wait_for("counter to reach 3", &opts,
///     || async { Ok(n.fetch_add(1, Ordering::SeqCst) + 1) },
///     |v| if *v >= 3 { State::Ready } else { State::Pending },
///     |_| {}).await.unwrap();
/// assert_eq!(v, 3);
/// # });
/// # mod tokio_test_shim { pub fn run<F: std::future::Future>(f: F) -> F::Output {
/// #   tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(f) } }
/// ```
pub async fn wait_for<T, P, Fut, C, G>(
    what: &str,
    opts: &WaitOpts,
    mut poll: P,
    classify: C,
    mut progress: G,
) -> Result<T>
where
    P: FnMut() -> Fut,
    Fut: Future<Output = Result<T>>,
    C: Fn(&T) -> State,
    G: FnMut(&T),
{
    let started = Instant::now();
    let mut interval = opts.interval;
    loop {
        let current = poll().await?;
        progress(&current);
        match classify(&current) {
            State::Ready => return Ok(current),
            State::Failed(why) => {
                return Err(Error::new(
                    ErrorKind::ServerError,
                    format!("waiting for {what}: {why}"),
                ));
            }
            State::Pending => {}
        }
        let elapsed = started.elapsed();
        if elapsed >= opts.timeout {
            return Err(Error::new(
                ErrorKind::Timeout,
                format!("{what}: still not there after {:.0?}", opts.timeout),
            ));
        }
        let sleep = interval.min(opts.timeout - elapsed);
        tokio::time::sleep(sleep).await;
        interval = interval
            .mul_f64(opts.backoff.max(1.0))
            .min(opts.max_interval);
    }
}

/// Polls `poll` until it fails with [`ErrorKind::NotFound`] (the resource is gone), or
/// the timeout passes. Other errors end the wait.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(async {
/// use std::time::Duration;
/// use ferrocloud::wait::{wait_for_deletion, WaitOpts};
/// let opts = WaitOpts::new(Duration::from_secs(1));
/// let gone = wait_for_deletion::<(), _, _>("thing", &opts,
///     || async { Err(ferrocloud::Error::new(ferrocloud::ErrorKind::NotFound, "gone")) }).await;
/// assert!(gone.is_ok());
/// # });
/// ```
pub async fn wait_for_deletion<T, P, Fut>(what: &str, opts: &WaitOpts, mut poll: P) -> Result<()>
where
    P: FnMut() -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let result = wait_for(
        &format!("{what} to be deleted"),
        opts,
        || {
            let f = poll();
            async move {
                match f.await {
                    Ok(_) => Ok(false),
                    Err(e) if e.is_not_found() => Ok(true),
                    Err(e) => Err(e),
                }
            }
        },
        |gone| if *gone { State::Ready } else { State::Pending },
        |_| {},
    )
    .await;
    result.map(|_| ())
}
