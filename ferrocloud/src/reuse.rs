//! Keeping sequential work on one connection.
//!
//! The HTTP client hands a connection back to its pool from a task of its own, a moment
//! after the response's body has been read. A request that comes first finds the pool
//! empty and starts a new connection, racing it against the one coming back; if the
//! pooled one wins, the new connection is still finished in the background and kept.
//! On a multi-threaded runtime, under load, sequential work then spreads over several
//! connections (dozens per thousand requests on a busy machine), each with its own
//! handshake.
//!
//! The provider notes when each origin last answered. A request sent to an origin that
//! answered within [`RECENT`], while no other request is being sent, marks its send
//! with a hint; the connector layer then holds
//! a new connection to that origin back for up to [`HOLD`]. If the pooled connection
//! comes back meanwhile, the request takes it and the HTTP client moves the held
//! connection attempt to a background task: the layer sees it run on another task and
//! gives it up before anything is opened. Otherwise the connection is opened after the
//! hold, as it would have been. Only a request that follows an answer from its own
//! origin can wait, and never longer than [`HOLD`].

use std::future::Future;
use std::hash::{BuildHasher, Hash, Hasher};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

/// How recent an answer from the same origin must be for a new connection to be held.
pub(crate) const RECENT: Duration = Duration::from_millis(20);

/// The longest a new connection is held back.
pub(crate) const HOLD: Duration = Duration::from_millis(3);

tokio::task_local! {
    /// Set around a send whose origin answered within [`RECENT`].
    static HOLD_NEW_CONNECTION: bool;
}

/// The last answer a provider got: from which origin, and when.
pub(crate) struct Answers {
    started: Instant,
    hasher: std::collections::hash_map::RandomState,
    origin: AtomicU64,
    /// Microseconds after `started`, plus one (0: never).
    at: AtomicU64,
    /// Requests being sent (until their answer's headers arrive).
    sending: AtomicUsize,
}

impl Answers {
    pub(crate) fn new() -> Arc<Answers> {
        Arc::new(Answers {
            started: Instant::now(),
            hasher: std::collections::hash_map::RandomState::new(),
            origin: AtomicU64::new(0),
            at: AtomicU64::new(0),
            sending: AtomicUsize::new(0),
        })
    }

    fn key(&self, url: &url::Url) -> u64 {
        let mut h = self.hasher.build_hasher();
        url.scheme().hash(&mut h);
        url.host_str().hash(&mut h);
        url.port_or_known_default().hash(&mut h);
        h.finish()
    }

    fn now(&self) -> u64 {
        self.started.elapsed().as_micros() as u64 + 1
    }

    /// Notes an answer from `url`'s origin with these headers. An answer that closes
    /// its connection (`Connection: close`) gives nothing back to the pool, and is not
    /// noted.
    pub(crate) fn answered(&self, url: &url::Url, headers: &http::HeaderMap) {
        let closes = headers.get_all(http::header::CONNECTION).iter().any(|v| {
            v.to_str()
                .is_ok_and(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case("close")))
        });
        if closes {
            self.at.store(0, Ordering::Relaxed);
            return;
        }
        self.origin.store(self.key(url), Ordering::Relaxed);
        self.at.store(self.now(), Ordering::Relaxed);
    }

    /// Whether `url`'s origin gave the last answer, within [`RECENT`].
    fn recent(&self, url: &url::Url) -> bool {
        let at = self.at.load(Ordering::Relaxed);
        at != 0
            && self.origin.load(Ordering::Relaxed) == self.key(url)
            && self.now().saturating_sub(at) <= RECENT.as_micros() as u64
    }

    /// Runs a send to `url`, letting the connector hold a new connection back when
    /// `url`'s origin answered just before and no other request is being sent: work
    /// done one request at a time. Concurrent requests never wait, so that the pool
    /// grows to as many connections as they need.
    pub(crate) async fn send<F: Future>(&self, url: &url::Url, send: F) -> F::Output {
        struct Sending<'a>(&'a AtomicUsize);
        impl Drop for Sending<'_> {
            fn drop(&mut self) {
                self.0.fetch_sub(1, Ordering::Relaxed);
            }
        }
        let others = self.sending.fetch_add(1, Ordering::Relaxed);
        let _sending = Sending(&self.sending);
        HOLD_NEW_CONNECTION
            .scope(others == 0 && self.recent(url), send)
            .await
    }
}

/// Why a held connection attempt was given up: the request it was for took a pooled
/// connection. Nobody waits for this error; the HTTP client drops it.
#[derive(Debug)]
pub(crate) struct NotNeeded;

impl std::fmt::Display for NotNeeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a pooled connection was reused instead")
    }
}

impl std::error::Error for NotNeeded {}

/// The connector layer of [`Answers`]: holds a new connection back as described above.
#[derive(Clone, Copy, Default)]
pub(crate) struct HoldLayer;

impl<S> tower_layer::Layer<S> for HoldLayer {
    type Service = Hold<S>;
    fn layer(&self, inner: S) -> Hold<S> {
        Hold { inner }
    }
}

/// The connector service of [`HoldLayer`].
#[derive(Clone)]
pub(crate) struct Hold<S> {
    inner: S,
}

impl<S, R> tower_service::Service<R> for Hold<S>
where
    S: tower_service::Service<R>,
    S::Future: Send + 'static,
    S::Error: From<NotNeeded>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<S::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: R) -> Self::Future {
        let hold = HOLD_NEW_CONNECTION.try_with(|h| *h).unwrap_or(false);
        // The request's task; none when the request runs in `block_on` (as under
        // `#[tokio::main]`), where the background task still has one.
        let task = tokio::task::try_id();
        let connect = self.inner.call(req);
        Box::pin(async move {
            if hold {
                let mut timer = std::pin::pin!(tokio::time::sleep(HOLD));
                let moved = std::future::poll_fn(|cx| {
                    if tokio::task::try_id() != task {
                        return Poll::Ready(true);
                    }
                    timer.as_mut().poll(cx).map(|()| false)
                })
                .await;
                if moved {
                    return Err(NotNeeded.into());
                }
            }
            connect.await
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_recent_answer_from_the_same_origin_holds_a_new_connection() {
        let a = Answers::new();
        let u = |s: &str| url::Url::parse(s).unwrap();
        let none = http::HeaderMap::new();
        assert!(!a.recent(&u("http://h:8774/v2.1/servers")));
        a.answered(&u("http://h:8774/v2.1/servers/1"), &none);
        assert!(a.recent(&u("http://h:8774/v2.1/flavors")));
        assert!(!a.recent(&u("http://h:9696/v2.0/ports")));
        assert!(!a.recent(&u("https://h:8774/v2.1/servers")));
        let mut close = http::HeaderMap::new();
        close.insert(http::header::CONNECTION, "Close".parse().unwrap());
        a.answered(&u("http://h:8774/v2.1/servers/1"), &close);
        assert!(!a.recent(&u("http://h:8774/v2.1/servers")));
    }
}
