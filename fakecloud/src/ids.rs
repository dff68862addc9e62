//! Identifiers and secrets: random bytes from the system's generator.

use base64::Engine;
use ring::rand::{SecureRandom, SystemRandom};

fn random<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    // The system generator does not fail on the platforms the fake runs on; a failure
    // leaves zeros, which the fake tolerates (IDs stay unique through the state's checks).
    let _ = SystemRandom::new().fill(&mut out);
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A Keystone-style ID: 32 hexadecimal digits.
pub(crate) fn hex_id() -> String {
    hex(&random::<16>())
}

/// A random (version 4) UUID, as Nova and Glance use.
pub(crate) fn uuid() -> String {
    let mut b = random::<16>();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// A secret or token value: 32 random bytes, URL-safe base64.
pub(crate) fn secret() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random::<32>())
}

/// A request ID as OpenStack services write them.
pub(crate) fn request_id() -> String {
    format!("req-{}", uuid())
}

#[cfg(test)]
mod tests {
    #[test]
    fn shapes() {
        assert_eq!(super::hex_id().len(), 32);
        let u = super::uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert!(super::request_id().starts_with("req-"));
        assert_ne!(super::secret(), super::secret());
    }
}
