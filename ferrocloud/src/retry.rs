//! Retries and client-side rate limits, applied by the provider to every request.
//!
//! What is retried ([`RetryPolicy`], on by default):
//! - a transport failure when the request never reached the server (connection
//!   refused), or when the method is idempotent (a reset pooled connection);
//! - `429 Too Many Requests` and `503 Service Unavailable`, honouring `Retry-After`
//!   (seconds or an HTTP date), else with capped exponential backoff and jitter: the
//!   service did not act on the request;
//! - other 5xx answers (500, 502, 504) for idempotent methods only.
//!
//! A request whose body is a stream is never sent twice; the error says so. Attempts and
//! total time are bounded, and the final error says how many attempts were made.
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
    /// The longest delay between attempts (also caps `Retry-After`).
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    /// 4 attempts within 60 s, backoff from 0.5 s up to 10 s.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            max_elapsed: Duration::from_secs(60),
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(10),
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

/// Whether an answer with `status` to a `method` request may be sent again.
///
/// ```
/// use ferrocloud::retry::retryable_status;
/// use http::{Method, StatusCode};
/// assert!(retryable_status(&Method::POST, StatusCode::TOO_MANY_REQUESTS));
/// assert!(retryable_status(&Method::GET, StatusCode::BAD_GATEWAY));
/// assert!(!retryable_status(&Method::POST, StatusCode::INTERNAL_SERVER_ERROR));
/// assert!(!retryable_status(&Method::GET, StatusCode::NOT_FOUND));
/// ```
pub fn retryable_status(method: &Method, status: StatusCode) -> bool {
    match status.as_u16() {
        429 | 503 => true,
        500 | 502 | 504 => is_idempotent(method),
        _ => false,
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
