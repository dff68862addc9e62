//! Fault injection: latency, server errors, rate limiting, short-lived tokens, slow and
//! cut bodies.

use std::time::Duration;

/// What can go wrong on purpose. Decisions are drawn from a random sequence seeded with
/// [`Faults::seed`], so that a test sees the same faults on every run.
///
/// Faults apply to every request except token requests (`POST /v3/auth/tokens`), so that
/// a client can always authenticate; scripted failures ([`crate::FakeCloud::fail_next`])
/// come before the random ones.
///
/// ```
/// use std::time::Duration;
/// let faults = fakecloud::Faults {
///     latency: Duration::from_millis(20),
///     error_rate: 0.1,
///     ..Default::default()
/// };
/// assert_eq!(faults.error_status, 503);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Faults {
    /// Added before every answer.
    pub latency: Duration,
    /// The fraction (0 to 1) of requests answered with [`Faults::error_status`].
    pub error_rate: f64,
    /// The 5xx status of random errors (503 by default).
    pub error_status: u16,
    /// The fraction (0 to 1) of requests answered `429 Too Many Requests`.
    pub rate_limit_rate: f64,
    /// The `Retry-After` of 429 and 503 answers, in seconds.
    pub retry_after_secs: u64,
    /// A token stops working after this many requests made with it (`401`), so that
    /// clients must re-authenticate.
    pub token_uses: Option<u32>,
    /// Answer bodies are sent in pieces of 16 KiB, each after this delay (a slow server).
    pub body_delay: Duration,
    /// The fraction (0 to 1) of answers whose body stops halfway: the headers promise the
    /// whole length, then the connection is closed (a server or proxy dying mid-answer).
    pub cut_body_rate: f64,
    /// The seed of the random draws.
    pub seed: u64,
}

/// The size of the pieces a slowed body is sent in ([`Faults::body_delay`]).
pub(crate) const BODY_PIECE: usize = 16 * 1024;

impl Default for Faults {
    fn default() -> Self {
        Self {
            latency: Duration::ZERO,
            error_rate: 0.0,
            error_status: 503,
            rate_limit_rate: 0.0,
            retry_after_secs: 1,
            token_uses: None,
            body_delay: Duration::ZERO,
            cut_body_rate: 0.0,
            seed: 0x5eed,
        }
    }
}

impl Faults {
    /// True when some fault is configured.
    ///
    /// ```
    /// assert!(!fakecloud::Faults::default().any());
    /// ```
    pub fn any(&self) -> bool {
        !self.latency.is_zero()
            || self.error_rate > 0.0
            || self.rate_limit_rate > 0.0
            || self.token_uses.is_some()
            || !self.body_delay.is_zero()
            || self.cut_body_rate > 0.0
    }
}

/// A small seeded generator (SplitMix64): deterministic and good enough for fault draws.
#[derive(Debug, Clone)]
pub(crate) struct Draws {
    state: u64,
}

impl Draws {
    pub(crate) fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_draws() {
        let mut a = Draws::new(7);
        let mut b = Draws::new(7);
        for _ in 0..10 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        let u = Draws::new(1).unit();
        assert!((0.0..1.0).contains(&u));
    }
}
