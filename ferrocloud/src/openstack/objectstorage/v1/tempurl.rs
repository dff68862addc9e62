//! Temporary URLs and form POST signatures: links that let anyone without a token read
//! or write one object (or every object under a prefix) until a time, signed with the
//! account's or the container's TempURL key (set with
//! [`account::update`](crate::openstack::objectstorage::v1::account::update) or
//! [`containers::update`](crate::openstack::objectstorage::v1::containers::update)).
//! Signing is local: nothing is sent.
//!
//! ```
//! use ferrocloud::openstack::objectstorage::v1::tempurl::{self, TempUrlOpts};
//! use ferrocloud::http::Method;
//!
//! let key = ferrocloud::SecretString::from("mykey".to_string());
//! let account = "https://swift.example/v1/AUTH_a".parse().unwrap();
//! let opts = TempUrlOpts::new(Method::GET, 1_700_000_000);
//! let url = tempurl::sign(&account, "photos", "2026/cat.jpg", &key, &opts).unwrap();
//! assert!(url.as_str().starts_with("https://swift.example/v1/AUTH_a/photos/2026/cat.jpg?temp_url_sig="));
//! assert!(url.as_str().ends_with("&temp_url_expires=1700000000"));
//! ```

use http::Method;
use ring::hmac;
use secrecy::{ExposeSecret, SecretString};
use url::Url;

use crate::openstack::compute::v2::versions::service_root;
use crate::{Error, Result};

/// The HMAC digest of a signature. Swift accepts the three; `sha1` is deprecated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Digest {
    /// HMAC-SHA1 (deprecated by Swift, still served).
    Sha1,
    /// HMAC-SHA256.
    #[default]
    Sha256,
    /// HMAC-SHA512.
    Sha512,
}

impl Digest {
    fn algorithm(self) -> hmac::Algorithm {
        match self {
            Digest::Sha1 => hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY,
            Digest::Sha256 => hmac::HMAC_SHA256,
            Digest::Sha512 => hmac::HMAC_SHA512,
        }
    }
}

/// What a temporary URL allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TempUrlOpts {
    /// The method it allows (`GET` also allows `HEAD`).
    pub method: Method,
    /// Until when, in seconds since the epoch.
    pub expires: i64,
    /// The digest.
    pub digest: Digest,
    /// The object name is a prefix: the URL serves every object that starts with it.
    pub prefix: bool,
    /// Only for clients in this address or CIDR range.
    pub ip_range: Option<String>,
}

impl TempUrlOpts {
    /// `method` until `expires` (seconds since the epoch), with SHA-256.
    pub fn new(method: Method, expires: i64) -> Self {
        TempUrlOpts {
            method,
            expires,
            digest: Digest::Sha256,
            prefix: false,
            ip_range: None,
        }
    }
    /// `method` for the next `seconds`.
    pub fn valid_for(method: Method, seconds: i64) -> Self {
        Self::new(method, chrono::Utc::now().timestamp() + seconds)
    }
    /// Sets the digest.
    pub fn digest(mut self, digest: Digest) -> Self {
        self.digest = digest;
        self
    }
    /// Serves every object whose name starts with the one given.
    pub fn prefix(mut self) -> Self {
        self.prefix = true;
        self
    }
    /// Only for clients in `range` (`203.0.113.7` or `203.0.113.0/24`).
    pub fn ip_range(mut self, range: impl Into<String>) -> Self {
        self.ip_range = Some(range.into());
        self
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hmac_hex(digest: Digest, key: &SecretString, text: &str) -> String {
    let k = hmac::Key::new(digest.algorithm(), key.expose_secret().as_bytes());
    hex(hmac::sign(&k, text.as_bytes()).as_ref())
}

/// The path Swift signs: the object's path from the version segment on (`/v1/AUTH_a/c/o`),
/// not percent-encoded; and the object's URL.
fn object_path(account_url: &Url, container: &str, object: &str) -> Result<(String, Url)> {
    if container.is_empty() || container.contains('/') {
        return Err(Error::invalid_input(
            "a temporary URL needs a container name without '/'",
        ));
    }
    let root = service_root(account_url);
    let account_path = account_url.path().trim_end_matches('/');
    let from_version = account_path
        .strip_prefix(root.path().trim_end_matches('/'))
        .unwrap_or(account_path);
    let decoded = |p: &str| {
        url::form_urlencoded::parse(format!("x={}", p.replace('+', "%2B")).as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    let signed = format!("{}/{container}/{object}", decoded(from_version));
    let op = crate::Operation::new("object-store", Method::GET, "/{container}/{object*}");
    let rel = op.render(&[container, object]).or_else(|e| {
        // An empty object name is allowed for a prefix URL (the whole container).
        if object.is_empty() {
            op.render(&[container, "x"])
                .map(|r| r[..r.len() - 1].to_string())
        } else {
            Err(e)
        }
    })?;
    let mut base = account_url.clone();
    if !base.path().ends_with('/') {
        base.set_path(&format!("{}/", base.path()));
    }
    let url = base
        .join(&rel)
        .map_err(|e| Error::invalid_input(format!("temporary URL: {e}")))?;
    Ok((signed, url))
}

/// A temporary URL for `container/object` of the account at `account_url` (the object
/// storage client's endpoint), signed with `key`.
pub fn sign(
    account_url: &Url,
    container: &str,
    object: &str,
    key: &SecretString,
    opts: &TempUrlOpts,
) -> Result<Url> {
    if object.is_empty() && !opts.prefix {
        return Err(Error::invalid_input(
            "a temporary URL needs an object name (or a prefix URL)",
        ));
    }
    let (path, mut url) = object_path(account_url, container, object)?;
    let mut text = String::new();
    if let Some(ip) = &opts.ip_range {
        text.push_str(&format!("ip={ip}\n"));
    }
    let signed_path = if opts.prefix {
        format!("prefix:{path}")
    } else {
        path
    };
    text.push_str(&format!("{}\n{}\n{signed_path}", opts.method, opts.expires));
    let sig = hmac_hex(opts.digest, key, &text);
    {
        let mut q = url.query_pairs_mut();
        q.append_pair("temp_url_sig", &sig);
        q.append_pair("temp_url_expires", &opts.expires.to_string());
        if opts.prefix {
            q.append_pair("temp_url_prefix", object);
        }
        if let Some(ip) = &opts.ip_range {
            q.append_pair("temp_url_ip_range", ip);
        }
    }
    Ok(url)
}

/// What a form POST allows: the fields of the HTML form that Swift's `formpost`
/// middleware checks, besides the signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormPostOpts {
    /// Where the browser goes after the upload (may be empty).
    pub redirect: String,
    /// The largest file, in bytes.
    pub max_file_size: u64,
    /// The most files.
    pub max_file_count: u64,
    /// Until when, in seconds since the epoch.
    pub expires: i64,
    /// The digest.
    pub digest: Digest,
}

/// The form POST signature (the form's `signature` field) for uploads under
/// `container/prefix` of the account at `account_url`. The form posts to the URL of
/// that prefix, with the fields `redirect`, `max_file_size`, `max_file_count`,
/// `expires` and `signature`.
pub fn form_post_signature(
    account_url: &Url,
    container: &str,
    prefix: &str,
    key: &SecretString,
    opts: &FormPostOpts,
) -> Result<String> {
    let (path, _) = object_path(account_url, container, prefix)?;
    let text = format!(
        "{path}\n{}\n{}\n{}\n{}",
        opts.redirect, opts.max_file_size, opts.max_file_count, opts.expires
    );
    Ok(hmac_hex(opts.digest, key, &text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SecretString {
        "mykey".to_string().into()
    }

    #[test]
    fn the_signed_text_is_swifts() {
        // The documented example: GET, 1440619048, /v1/AUTH_account/container/object,
        // key "mykey", HMAC-SHA1.
        let opts = TempUrlOpts::new(Method::GET, 1440619048).digest(Digest::Sha1);
        let url = sign(
            &"https://s/v1/AUTH_account".parse().unwrap(),
            "container",
            "object",
            &key(),
            &opts,
        )
        .unwrap();
        let expected = hmac_hex(
            Digest::Sha1,
            &key(),
            "GET\n1440619048\n/v1/AUTH_account/container/object",
        );
        assert_eq!(
            url.as_str(),
            format!(
                "https://s/v1/AUTH_account/container/object?temp_url_sig={expected}&temp_url_expires=1440619048"
            )
        );
        assert_eq!(expected.len(), 40);
    }

    #[test]
    fn behind_a_path_prefix_the_path_is_signed_from_the_version_on() {
        let opts = TempUrlOpts::new(Method::PUT, 1).digest(Digest::Sha512);
        let url = sign(
            &"https://cloud/swift/v1/AUTH_a".parse().unwrap(),
            "c",
            "dir/a b",
            &key(),
            &opts,
        )
        .unwrap();
        let sig = hmac_hex(Digest::Sha512, &key(), "PUT\n1\n/v1/AUTH_a/c/dir/a b");
        assert_eq!(sig.len(), 128);
        assert!(
            url.as_str()
                .starts_with("https://cloud/swift/v1/AUTH_a/c/dir/a%20b?")
        );
        assert!(url.as_str().contains(&sig));
    }

    #[test]
    fn prefix_and_ip_range() {
        let opts = TempUrlOpts::new(Method::GET, 5)
            .prefix()
            .ip_range("10.0.0.0/8");
        let url = sign(
            &"http://s/v1/AUTH_a".parse().unwrap(),
            "c",
            "logs/",
            &key(),
            &opts,
        )
        .unwrap();
        let sig = hmac_hex(
            Digest::Sha256,
            &key(),
            "ip=10.0.0.0/8\nGET\n5\nprefix:/v1/AUTH_a/c/logs/",
        );
        let q: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        assert_eq!(
            q,
            [
                ("temp_url_sig".to_string(), sig),
                ("temp_url_expires".into(), "5".into()),
                ("temp_url_prefix".into(), "logs/".into()),
                ("temp_url_ip_range".into(), "10.0.0.0/8".into()),
            ]
        );
    }

    #[test]
    fn bad_names_are_refused() {
        let opts = TempUrlOpts::new(Method::GET, 5);
        let acct: Url = "http://s/v1/AUTH_a".parse().unwrap();
        assert!(sign(&acct, "", "o", &key(), &opts).is_err());
        assert!(sign(&acct, "a/b", "o", &key(), &opts).is_err());
        assert!(sign(&acct, "c", "", &key(), &opts).is_err());
    }

    #[test]
    fn form_post_signs_its_fields() {
        let opts = FormPostOpts {
            redirect: String::new(),
            max_file_size: 1024,
            max_file_count: 3,
            expires: 99,
            digest: Digest::Sha256,
        };
        let sig = form_post_signature(
            &"http://s/v1/AUTH_a".parse().unwrap(),
            "c",
            "up/",
            &key(),
            &opts,
        )
        .unwrap();
        assert_eq!(
            sig,
            hmac_hex(Digest::Sha256, &key(), "/v1/AUTH_a/c/up/\n\n1024\n3\n99")
        );
    }
}
