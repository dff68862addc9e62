//! TLS settings of a cloud (`verify`/`insecure`, `cacert`, `cert`, `key`) and the HTTP
//! client built from them.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};

use crate::{Error, Result};

/// PEM data, in a file or written inline in the configuration.
///
/// ```
/// use ferrocloud::config::Pem;
/// let p = Pem::Inline("-----BEGIN CERTIFICATE-----\n...".into());
/// assert_eq!(format!("{p:?}"), "Inline(..)");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub enum Pem {
    /// A file (`~` already expanded).
    File(PathBuf),
    /// The PEM text itself.
    Inline(String),
}

impl fmt::Debug for Pem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pem::File(p) => f.debug_tuple("File").field(p).finish(),
            Pem::Inline(_) => f.write_str("Inline(..)"),
        }
    }
}

/// A private key: a file, or PEM text kept secret.
///
/// ```
/// use ferrocloud::config::KeyPem;
/// let k = KeyPem::Inline("-----BEGIN PRIVATE KEY-----\nsecret".to_string().into());
/// assert!(!format!("{k:?}").contains("secret"));
/// ```
#[derive(Clone)]
pub enum KeyPem {
    /// A file (`~` already expanded).
    File(PathBuf),
    /// The PEM text itself, never shown.
    Inline(SecretString),
}

impl fmt::Debug for KeyPem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyPem::File(p) => f.debug_tuple("File").field(p).finish(),
            KeyPem::Inline(_) => f.write_str("Inline(<redacted>)"),
        }
    }
}

/// Whether a configuration value is PEM text rather than a path.
pub(crate) fn is_inline_pem(s: &str) -> bool {
    s.trim_start().starts_with("-----BEGIN ")
}

/// A cloud's TLS settings.
///
/// Verification is on unless the cloud turns it off (`verify: false` or
/// `insecure: true`). The operating system's certificate store is trusted (as curl, Go
/// and the Python tools do), and a `cacert` adds its certificates to it. A client certificate is `cert` (with its key in the same PEM, or
/// in `key`).
///
/// ```
/// use ferrocloud::config::{Pem, TlsConfig};
/// let tls = TlsConfig::default();
/// assert!(tls.verify);
/// let client = tls.client_builder().unwrap().build().unwrap();
/// # drop(client);
/// let bad = TlsConfig { ca_cert: Some(Pem::Inline("-----BEGIN CERTIFICATE-----\nnope\n".into())), ..TlsConfig::default() };
/// assert!(bad.client_builder().is_err());
/// ```
#[derive(Debug, Clone)]
pub struct TlsConfig {
    /// Verify server certificates (default true).
    pub verify: bool,
    /// CA certificates to trust besides the operating system's store.
    pub ca_cert: Option<Pem>,
    /// A client certificate (may also hold its key).
    pub client_cert: Option<Pem>,
    /// The client certificate's private key.
    pub client_key: Option<KeyPem>,
}

impl Default for TlsConfig {
    fn default() -> Self {
        TlsConfig {
            verify: true,
            ca_cert: None,
            client_cert: None,
            client_key: None,
        }
    }
}

fn read(what: &str, pem: &Pem) -> Result<Vec<u8>> {
    match pem {
        Pem::Inline(s) => Ok(s.as_bytes().to_vec()),
        Pem::File(p) => std::fs::read(p).map_err(|e| {
            Error::config(format!("{what} {}: cannot be read: {e}", p.display())).with_source(e)
        }),
    }
}

fn describe(pem: &Pem) -> String {
    match pem {
        Pem::File(p) => p.display().to_string(),
        Pem::Inline(_) => "(inline PEM)".to_string(),
    }
}

impl TlsConfig {
    /// A `reqwest` client builder with these settings, rustls and no redirects (a token
    /// must never follow a redirect). Files are read now; their content never appears in
    /// errors.
    ///
    /// ```
    /// let tls = ferrocloud::config::TlsConfig { verify: false, ..Default::default() };
    /// let client = tls.client_builder().unwrap().build().unwrap();
    /// # drop(client);
    /// ```
    pub fn client_builder(&self) -> Result<reqwest::ClientBuilder> {
        self.builder_for(None)
    }

    pub(crate) fn builder_for(&self, cloud: Option<&str>) -> Result<reqwest::ClientBuilder> {
        let mut b = reqwest::Client::builder()
            .use_rustls_tls()
            .redirect(reqwest::redirect::Policy::none());
        if self.verify {
            if let Some(ca) = &self.ca_cert {
                let bytes = read("cacert", ca)?;
                let certs = reqwest::Certificate::from_pem_bundle(&bytes)
                    .ok()
                    .filter(|c| !c.is_empty())
                    .ok_or_else(|| {
                        Error::config(format!(
                            "cacert {}: no PEM certificate could be read",
                            describe(ca)
                        ))
                    })?;
                for c in certs {
                    b = b.add_root_certificate(c);
                }
            }
        } else {
            tracing::warn!(
                cloud = cloud.unwrap_or(""),
                "TLS certificate verification is turned off (verify: false or insecure: true)"
            );
            if self.ca_cert.is_some() {
                tracing::warn!(
                    cloud = cloud.unwrap_or(""),
                    "cacert is ignored because verification is turned off"
                );
            }
            b = b.danger_accept_invalid_certs(true);
        }
        match (&self.client_cert, &self.client_key) {
            (None, None) => {}
            (None, Some(_)) => {
                return Err(Error::config(
                    "key is set without cert: a client key needs its certificate",
                ));
            }
            (Some(cert), key) => {
                let mut pem = read("cert", cert)?;
                match key {
                    Some(KeyPem::Inline(k)) => {
                        pem.push(b'\n');
                        pem.extend_from_slice(k.expose_secret().as_bytes());
                    }
                    Some(KeyPem::File(p)) => {
                        let k = std::fs::read(p).map_err(|e| {
                            Error::config(format!("key {}: cannot be read: {e}", p.display()))
                        })?;
                        pem.push(b'\n');
                        pem.extend_from_slice(&k);
                    }
                    None => {}
                }
                let identity = reqwest::Identity::from_pem(&pem).map_err(|_| {
                    Error::config(format!(
                        "cert {}: not a PEM certificate with its private key (set key when the key is in another file)",
                        describe(cert)
                    ))
                })?;
                b = b.identity(identity);
            }
        }
        Ok(b)
    }

    /// A client with these settings, waiting at most `timeout` to connect and for each
    /// read.
    ///
    /// ```
    /// let client = ferrocloud::config::TlsConfig::default()
    ///     .http_client(Some(std::time::Duration::from_secs(30)))
    ///     .unwrap();
    /// # drop(client);
    /// ```
    pub fn http_client(&self, timeout: Option<Duration>) -> Result<reqwest::Client> {
        self.http_client_for(None, timeout)
    }

    pub(crate) fn http_client_for(
        &self,
        cloud: Option<&str>,
        timeout: Option<Duration>,
    ) -> Result<reqwest::Client> {
        let mut b = self.builder_for(cloud)?;
        if let Some(t) = timeout {
            b = b.connect_timeout(t).read_timeout(t);
        }
        b.build()
            .map_err(|e| Error::config(format!("building the HTTP client: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_inline_material() {
        let t = TlsConfig {
            verify: true,
            ca_cert: Some(Pem::Inline("-----BEGIN CERTIFICATE-----\nCA-DATA".into())),
            client_cert: Some(Pem::File("/c.pem".into())),
            client_key: Some(KeyPem::Inline(SecretString::from(
                "-----BEGIN PRIVATE KEY-----\nKEY-DATA".to_string(),
            ))),
        };
        let d = format!("{t:?}");
        assert!(!d.contains("KEY-DATA") && !d.contains("CA-DATA"), "{d}");
        assert!(d.contains("/c.pem"));
    }

    #[test]
    fn unreadable_and_invalid_material_is_a_clear_error() {
        let t = TlsConfig {
            ca_cert: Some(Pem::File("/nonexistent/ca.pem".into())),
            ..TlsConfig::default()
        };
        let e = t.client_builder().unwrap_err();
        assert!(
            e.to_string()
                .contains("cacert /nonexistent/ca.pem: cannot be read"),
            "{e}"
        );
        let t = TlsConfig {
            client_key: Some(KeyPem::Inline(SecretString::from("k".to_string()))),
            ..TlsConfig::default()
        };
        assert!(
            t.client_builder()
                .unwrap_err()
                .to_string()
                .contains("key is set without cert")
        );
        let t = TlsConfig {
            client_cert: Some(Pem::Inline(
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".into(),
            )),
            client_key: Some(KeyPem::Inline(SecretString::from(
                "SECRET-KEY-TEXT".to_string(),
            ))),
            ..TlsConfig::default()
        };
        let e = t.client_builder().unwrap_err().to_string();
        assert!(
            e.contains("cert (inline PEM)") && !e.contains("SECRET-KEY-TEXT"),
            "{e}"
        );
        // Verification off ignores the CA file entirely.
        let t = TlsConfig {
            verify: false,
            ca_cert: Some(Pem::File("/nonexistent/ca.pem".into())),
            ..TlsConfig::default()
        };
        assert!(t.client_builder().is_ok());
    }

    #[test]
    fn inline_pem_detection() {
        assert!(is_inline_pem("  -----BEGIN CERTIFICATE-----\n"));
        assert!(!is_inline_pem("~/ca.pem"));
    }
}
