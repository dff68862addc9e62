//! The time the fake cloud lives by: real time, shifted by what tests advance it.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};

/// The fake cloud's clock. By default it follows real time; [`Clock::advance`] moves it
/// forward, which finishes builds, actions and deletions that were waiting for their
/// delay and ages tokens. A frozen clock ([`Clock::frozen`]) moves only when advanced.
///
/// Clones share the same time.
///
/// ```
/// use std::time::Duration;
/// let clock = fakecloud::Clock::frozen();
/// let before = clock.now();
/// clock.advance(Duration::from_secs(60));
/// assert_eq!((clock.now() - before).num_seconds(), 60);
/// ```
#[derive(Clone, Debug)]
pub struct Clock {
    inner: Arc<Mutex<Inner>>,
}

#[derive(Debug)]
struct Inner {
    /// Added to real time (or to the frozen instant).
    offset: chrono::Duration,
    /// When set, the clock stands still at this instant (plus the offset).
    frozen: Option<DateTime<Utc>>,
}

impl Default for Clock {
    fn default() -> Self {
        Self::real()
    }
}

impl Clock {
    /// A clock that follows real time.
    ///
    /// ```
    /// let clock = fakecloud::Clock::real();
    /// assert!((chrono::Utc::now() - clock.now()).num_seconds().abs() < 5);
    /// ```
    pub fn real() -> Self {
        Self {
            inner: Arc::new(Mutex::new(Inner {
                offset: chrono::Duration::zero(),
                frozen: None,
            })),
        }
    }

    /// A clock that stands still at the current instant until advanced.
    ///
    /// ```
    /// let clock = fakecloud::Clock::frozen();
    /// let t = clock.now();
    /// std::thread::sleep(std::time::Duration::from_millis(5));
    /// assert_eq!(clock.now(), t);
    /// ```
    pub fn frozen() -> Self {
        Self {
            inner: Arc::new(Mutex::new(Inner {
                offset: chrono::Duration::zero(),
                frozen: Some(Utc::now()),
            })),
        }
    }

    /// The current time of the fake cloud.
    ///
    /// ```
    /// let now = fakecloud::Clock::real().now();
    /// assert!(now.timestamp() > 0);
    /// ```
    pub fn now(&self) -> DateTime<Utc> {
        let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.frozen.unwrap_or_else(Utc::now) + inner.offset
    }

    /// Moves the clock forward by `by`.
    ///
    /// ```
    /// use std::time::Duration;
    /// let clock = fakecloud::Clock::real();
    /// clock.advance(Duration::from_secs(3600));
    /// assert!(clock.now() > chrono::Utc::now() + chrono::Duration::minutes(59));
    /// ```
    pub fn advance(&self, by: Duration) {
        let by = chrono::Duration::from_std(by).unwrap_or(chrono::Duration::MAX);
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.offset = inner.offset.checked_add(&by).unwrap_or(inner.offset);
    }
}
