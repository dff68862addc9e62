//! Retries and client-side rate limits, applied by the provider to every request.
//!
//! Nothing is sent again that the server may already have acted on. What is retried
//! ([`RetryPolicy`], on by default):
//! - any request that provably never reached the server (the connection was refused);
//! - `429 Too Many Requests`, for every method: the service refused it unread;
//! - for idempotent methods only (GET, HEAD, PUT, DELETE, OPTIONS): a transport failure
//!   or a timeout after the request was sent, and `500`, `502`, `503`, `504`.
//!
//! A POST or PATCH answered with 503 or cut off mid-way is not retried, since a create
//! may have happened: [`RetryPolicy::retry_non_idempotent`] opts in.
//!
//! Delays: a `Retry-After` (seconds or an HTTP date) is waited out in full, up to
//! [`RetryPolicy::max_retry_after`] (60 s by default); a longer one is not cut short but
//! ends the retries, and the error carries the service's delay
//! ([`Error::retry_after`](crate::Error::retry_after)). Without `Retry-After`, capped
//! exponential backoff with jitter. A request whose body is a stream is never sent
//! twice; the error says so. Attempts and total time are bounded, and the final error
//! says how many attempts were made.
//!
//! [`RateLimit`] caps requests per second and requests in flight, per provider or per
//! service client.
//!
//! ```
//! use std::time::Duration;
//! use ferrocloud::retry::{RateLimit, RetryPolicy};
//! let provider = ferrocloud::ProviderClient::builder("https://keystone:5000/v3")
//!     .retry(RetryPolicy::default().max_attempts(5).max_elapsed(Duration::from_secs(120)))
//!     .rate_limit(RateLimit::new().per_second(20.0).max_in_flight(8))
//!     .build()
//!     .unwrap();
//! ```

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http::{Method, StatusCode};

/// When and how often to send a request again.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 turns retries off).
    pub max_attempts: u32,
    /// The time after which no new attempt starts.
    pub max_elapsed: Duration,
    /// The first backoff delay.
    pub base_delay: Duration,
    /// The longest backoff delay between attempts (without `Retry-After`).
    pub max_delay: Duration,
    /// The longest `Retry-After` waited out; a longer one ends the retries.
    pub max_retry_after: Duration,
    /// Also retry requests the server may have acted on (POST and PATCH after a 5xx or
    /// a broken connection). Off by default: a create could happen twice.
    pub retry_non_idempotent: bool,
}

impl Default for RetryPolicy {
    /// 4 attempts within 90 s, backoff from 0.5 s up to 10 s, `Retry-After` honoured up
    /// to 60 s, non-idempotent requests retried only where the server did not act.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            max_elapsed: Duration::from_secs(90),
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(10),
            max_retry_after: Duration::from_secs(60),
            retry_non_idempotent: false,
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    ///
    /// ```
    /// assert_eq!(ferrocloud::retry::RetryPolicy::none().max_attempts, 1);
    /// ```
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..Default::default()
        }
    }

    /// Sets the number of attempts (at least 1).
    pub fn max_attempts(mut self, n: u32) -> Self {
        self.max_attempts = n.max(1);
        self
    }

    /// Sets the total time budget.
    pub fn max_elapsed(mut self, d: Duration) -> Self {
        self.max_elapsed = d;
        self
    }

    /// Sets the first and the longest delay.
    ///
    /// ```
    /// use std::time::Duration;
    /// let p = ferrocloud::retry::RetryPolicy::default().delays(Duration::from_millis(10), Duration::from_millis(100));
    /// assert_eq!(p.max_delay, Duration::from_millis(100));
    /// ```
    pub fn delays(mut self, base: Duration, max: Duration) -> Self {
        self.base_delay = base;
        self.max_delay = max;
        self
    }

    /// Sets the longest `Retry-After` that is waited out (a longer one ends the retries,
    /// with the service's delay in the error).
    ///
    /// ```
    /// use std::time::Duration;
    /// let p = ferrocloud::retry::RetryPolicy::default().max_retry_after(Duration::from_secs(5));
    /// assert_eq!(p.max_retry_after, Duration::from_secs(5));
    /// ```
    pub fn max_retry_after(mut self, d: Duration) -> Self {
        self.max_retry_after = d;
        self
    }

    /// Opts in to retrying POST and PATCH after a 5xx or a broken connection, for
    /// requests the caller knows are safe to repeat.
    ///
    /// ```
    /// use ferrocloud::retry::RetryPolicy;
    /// use http::{Method, StatusCode};
    /// assert!(!RetryPolicy::default().retries_status(&Method::POST, StatusCode::SERVICE_UNAVAILABLE));
    /// let p = RetryPolicy::default().retry_non_idempotent(true);
    /// assert!(p.retries_status(&Method::POST, StatusCode::SERVICE_UNAVAILABLE));
    /// ```
    pub fn retry_non_idempotent(mut self, yes: bool) -> Self {
        self.retry_non_idempotent = yes;
        self
    }

    /// Whether this policy sends a `method` request again after `status`.
    pub fn retries_status(&self, method: &Method, status: StatusCode) -> bool {
        retryable_status(method, status)
            || (self.retry_non_idempotent && matches!(status.as_u16(), 500 | 502 | 503 | 504))
    }

    /// The backoff before attempt `attempt + 1` (1-based `attempt`): exponential, capped,
    /// with up to 25% jitter either way.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let exp = self
            .base_delay
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16));
        let capped = exp.min(self.max_delay);
        let jitter = 0.75 + 0.5 * unit_random();
        capped.mul_f64(jitter).min(self.max_delay)
    }
}

/// Whether an answer with `status` to a `method` request may be sent again without
/// risk of doing twice what the server did once: 429 for every method, 5xx for
/// idempotent methods only.
///
/// ```
/// use ferrocloud::retry::retryable_status;
/// use http::{Method, StatusCode};
/// assert!(retryable_status(&Method::POST, StatusCode::TOO_MANY_REQUESTS));
/// assert!(retryable_status(&Method::GET, StatusCode::BAD_GATEWAY));
/// assert!(retryable_status(&Method::DELETE, StatusCode::SERVICE_UNAVAILABLE));
/// assert!(!retryable_status(&Method::POST, StatusCode::SERVICE_UNAVAILABLE));
/// assert!(!retryable_status(&Method::POST, StatusCode::INTERNAL_SERVER_ERROR));
/// assert!(!retryable_status(&Method::GET, StatusCode::NOT_FOUND));
/// ```
pub fn retryable_status(method: &Method, status: StatusCode) -> bool {
    match status.as_u16() {
        429 => true,
        500 | 502 | 503 | 504 => is_idempotent(method),
        _ => false,
    }
}

/// A duration as people write it: `250 ms`, `30 s`, `1.5 s`.
pub(crate) fn show_duration(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// GET, HEAD, PUT, DELETE and OPTIONS.
pub fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
    )
}

/// A number in [0, 1) from a small generator seeded by the clock (for jitter only).
fn unit_random() -> f64 {
    static STATE: AtomicU64 = AtomicU64::new(0);
    let mut x = STATE.load(Ordering::Relaxed);
    if x == 0 {
        x = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x9E37_79B9_7F4A_7C15)
            | 1;
    }
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    STATE.store(x, Ordering::Relaxed);
    (x >> 11) as f64 / (1u64 << 53) as f64
}

/// Client-side limits: requests per second and requests in flight.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RateLimit {
    /// Requests started per second, at most.
    pub per_second: Option<f64>,
    /// Requests in flight at once, at most.
    pub max_in_flight: Option<usize>,
}

impl RateLimit {
    /// No limit yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// At most `n` requests started per second.
    pub fn per_second(mut self, n: f64) -> Self {
        self.per_second = Some(n);
        self
    }

    /// At most `n` requests in flight.
    pub fn max_in_flight(mut self, n: usize) -> Self {
        self.max_in_flight = Some(n.max(1));
        self
    }
}

/// The state behind a [`RateLimit`].
#[derive(Debug)]
pub(crate) struct Limiter {
    interval: Option<Duration>,
    next: Mutex<Option<Instant>>,
    in_flight: Option<Arc<tokio::sync::Semaphore>>,
}

/// Held while a request is in flight.
pub(crate) struct Permit {
    _permit: Option<tokio::sync::OwnedSemaphorePermit>,
}

impl Limiter {
    pub(crate) fn new(limit: &RateLimit) -> Option<Arc<Limiter>> {
        if limit.per_second.is_none() && limit.max_in_flight.is_none() {
            return None;
        }
        Some(Arc::new(Limiter {
            interval: limit
                .per_second
                .filter(|r| *r > 0.0 && r.is_finite())
                .map(|r| Duration::from_secs_f64(1.0 / r)),
            next: Mutex::new(None),
            in_flight: limit
                .max_in_flight
                .map(|n| Arc::new(tokio::sync::Semaphore::new(n))),
        }))
    }

    /// Waits for a slot: first a place in flight, then the next start time.
    pub(crate) async fn acquire(&self) -> Permit {
        let permit = match &self.in_flight {
            Some(s) => s.clone().acquire_owned().await.ok(),
            None => None,
        };
        if let Some(interval) = self.interval {
            let wait = {
                let mut next = self.next.lock().unwrap_or_else(|e| e.into_inner());
                let now = Instant::now();
                let start = next.map_or(now, |n| n.max(now));
                *next = Some(start + interval);
                start.saturating_duration_since(now)
            };
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
        }
        Permit { _permit: permit }
    }
}
