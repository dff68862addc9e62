//! Microversions: parsing, comparing, discovering what a service supports, and
//! negotiating the version a client uses.
//!
//! ```
//! use ferrocloud::microversion::Microversion;
//! let a: Microversion = "2.9".parse().unwrap();
//! let b: Microversion = "2.10".parse().unwrap();
//! assert!(a < b);
//! assert_eq!(b.to_string(), "2.10");
//! ```

use std::fmt;
use std::str::FromStr;

use serde::Deserialize;
use url::Url;

use crate::provider::{Body, accept_json};
use crate::request::send_prepared;
use crate::{Error, ErrorKind, Result, ServiceClient};

/// A microversion `major.minor`, compared numerically (`2.10` > `2.9`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Microversion {
    /// The major version.
    pub major: u32,
    /// The minor version.
    pub minor: u32,
}

impl Microversion {
    /// `major.minor`.
    ///
    /// ```
    /// assert_eq!(ferrocloud::microversion::Microversion::new(2, 79).to_string(), "2.79");
    /// ```
    pub const fn new(major: u32, minor: u32) -> Self {
        Microversion { major, minor }
    }
}

impl FromStr for Microversion {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let t = s.trim().trim_start_matches(['v', 'V']);
        let (a, b) = t.split_once('.').unwrap_or((t, "0"));
        match (a.parse(), b.parse()) {
            (Ok(major), Ok(minor)) => Ok(Microversion { major, minor }),
            _ => Err(Error::invalid_input(format!(
                "{s:?} is not a microversion (major.minor)"
            ))),
        }
    }
}

impl fmt::Display for Microversion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// The microversions a service endpoint supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionRange {
    /// The oldest microversion.
    pub min: Microversion,
    /// The newest microversion.
    pub max: Microversion,
}

#[derive(Deserialize)]
struct VersionDoc {
    #[serde(default)]
    status: String,
    #[serde(default, alias = "max_version")]
    version: Option<String>,
    #[serde(default)]
    min_version: Option<String>,
    #[serde(default)]
    links: Vec<crate::de::Link>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum VersionList {
    List(Vec<VersionDoc>),
    Values { values: Vec<VersionDoc> },
}

#[derive(Deserialize)]
struct Discovery {
    #[serde(default)]
    version: Option<VersionDoc>,
    #[serde(default)]
    versions: Option<VersionList>,
    /// Ironic's root document.
    #[serde(default)]
    default_version: Option<VersionDoc>,
}

/// Reads a version document: `{"version": {..}}` (Nova, Manila), `{"versions": [..]}`
/// (Cinder, Placement, Ironic), picking the entry for `endpoint` (by its self link), else
/// the `CURRENT` one, else the only one with a microversion range.
///
/// ```
/// use ferrocloud::microversion::parse_version_document;
/// let doc = br#"{"version": {"id": "v2.1", "status": "CURRENT", "version": "2.96", "min_version": "2.1", "links": []}}"#;
/// let r = parse_version_document(doc, &"http://nova/v2.1/".parse().unwrap()).unwrap().unwrap();
/// assert_eq!(r.max.to_string(), "2.96");
/// let old = br#"{"version": {"id": "v2.0", "status": "SUPPORTED", "version": "", "min_version": ""}}"#;
/// assert!(parse_version_document(old, &"http://nova/v2/".parse().unwrap()).unwrap().is_none());
/// ```
pub fn parse_version_document(body: &[u8], endpoint: &Url) -> Result<Option<VersionRange>> {
    let d: Discovery = serde_json::from_slice(body)
        .map_err(|e| Error::decode("reading the version document", e))?;
    let mut all: Vec<VersionDoc> = Vec::new();
    all.extend(d.version);
    match d.versions {
        Some(VersionList::List(v)) | Some(VersionList::Values { values: v }) => all.extend(v),
        None => {}
    }
    all.extend(d.default_version);
    let ranged = |v: &VersionDoc| {
        v.version.as_deref().is_some_and(|s| !s.is_empty())
            && v.min_version.as_deref().is_some_and(|s| !s.is_empty())
    };
    let norm = |u: &str| u.trim_end_matches('/').to_string();
    let ep = norm(endpoint.as_str());
    let pick = all
        .iter()
        .filter(|v| ranged(v))
        .find(|v| {
            v.links
                .iter()
                .any(|l| l.rel == "self" && ep.starts_with(&norm(&l.href)))
        })
        .or_else(|| {
            all.iter()
                .filter(|v| ranged(v))
                .find(|v| v.status.eq_ignore_ascii_case("CURRENT"))
        })
        .or_else(|| all.iter().find(|v| ranged(v)));
    let Some(v) = pick else {
        return Ok(None);
    };
    Ok(Some(VersionRange {
        min: v.min_version.as_deref().unwrap_or_default().parse()?,
        max: v.version.as_deref().unwrap_or_default().parse()?,
    }))
}

/// Candidate URLs of a service's version document: the endpoint itself, the endpoint
/// without a trailing project ID (`/v3/{project_id}`), and the host root.
fn discovery_urls(endpoint: &Url) -> Vec<Url> {
    let mut out = vec![endpoint.clone()];
    let segs: Vec<&str> = endpoint
        .path_segments()
        .map(|s| s.filter(|x| !x.is_empty()).collect())
        .unwrap_or_default();
    for keep in (0..segs.len()).rev() {
        let mut u = endpoint.clone();
        let path = if keep == 0 {
            "/".to_string()
        } else {
            format!("/{}/", segs[..keep].join("/"))
        };
        u.set_path(&path);
        u.set_query(None);
        if !out.contains(&u) {
            out.push(u);
        }
    }
    out
}

/// Discovers the microversion range of the client's endpoint from the service's version
/// document. `Ok(None)` when the service has no microversions.
pub async fn discover(client: &ServiceClient) -> Result<Option<VersionRange>> {
    let mut last_err = None;
    for url in discovery_urls(client.endpoint()) {
        let prepared = client.prepared(
            http::Method::GET,
            url.clone(),
            accept_json(),
            Body::Empty,
            None,
        );
        match send_prepared(client, prepared, &[200, 300]).await {
            Ok(resp) => match parse_version_document(resp.body(), client.endpoint()) {
                Ok(Some(r)) => return Ok(Some(r)),
                Ok(None) => continue,
                Err(e) => last_err = Some(e),
            },
            Err(e)
                if matches!(
                    e.kind(),
                    ErrorKind::NotFound
                        | ErrorKind::Unauthorized
                        | ErrorKind::Forbidden
                        | ErrorKind::UnexpectedStatus
                        | ErrorKind::Decode
                ) =>
            {
                last_err = Some(e)
            }
            Err(e) => return Err(e),
        }
    }
    match last_err {
        Some(e) if e.kind() != ErrorKind::NotFound => Err(e),
        _ => Ok(None),
    }
}

/// The highest microversion both the SDK (`sdk_max`) and the server support, or an
/// error when the ranges do not meet.
///
/// ```
/// use ferrocloud::microversion::{choose, Microversion, VersionRange};
/// let server = VersionRange { min: Microversion::new(2, 1), max: Microversion::new(2, 96) };
/// assert_eq!(choose(server, Microversion::new(2, 100)).unwrap(), Microversion::new(2, 96));
/// assert_eq!(choose(server, Microversion::new(2, 79)).unwrap(), Microversion::new(2, 79));
/// assert!(choose(server, Microversion::new(1, 0)).is_err());
/// ```
pub fn choose(server: VersionRange, sdk_max: Microversion) -> Result<Microversion> {
    let v = server.max.min(sdk_max);
    if v < server.min {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!(
                "no common microversion: the server supports {}–{}, the SDK up to {sdk_max}",
                server.min, server.max
            ),
        ));
    }
    Ok(v)
}

/// What a microversion gate refuses: the client is older than the first microversion
/// that serves a thing, or newer than the last one.
enum Refusal {
    /// The first microversion that serves it, and what the client uses.
    TooOld(Microversion, String),
    /// The last microversion that serves it, and the client's.
    TooNew(Microversion, Microversion),
}

/// The one rule for everything gated by microversions (operations and request fields).
///
/// A client pinned to a microversion is served what `since..=until` includes. A client
/// with **no pinned microversion** speaks the service's base version (compute 2.1): that
/// is older than every `since` (a field or operation added by a microversion is refused,
/// and the error says "the base version"), and no `until` is older than it (a field or
/// operation removed by a later microversion is accepted).
fn gate(
    client: &ServiceClient,
    since: Option<&str>,
    until: Option<&str>,
) -> Result<Option<Refusal>> {
    if since.is_none() && until.is_none() {
        return Ok(None);
    }
    let have = client
        .microversion()
        .map(str::parse::<Microversion>)
        .transpose()?;
    if let Some(min) = since {
        let min: Microversion = min.parse()?;
        if have.is_none_or(|h| h < min) {
            let using = client.microversion().unwrap_or("the base version");
            return Ok(Some(Refusal::TooOld(min, using.to_string())));
        }
    }
    if let (Some(max), Some(h)) = (until, have) {
        let max: Microversion = max.parse()?;
        if h > max {
            return Ok(Some(Refusal::TooNew(max, h)));
        }
    }
    Ok(None)
}

/// Checks, before a request, that `client`'s microversion serves an operation (the rule
/// is [`check_field`]'s).
pub(crate) fn check(client: &ServiceClient, op: &crate::Operation) -> Result<()> {
    let service = client.service_type();
    let (method, path) = (&op.method, op.path);
    match gate(client, op.min_microversion, op.max_microversion)? {
        None => Ok(()),
        Some(Refusal::TooOld(min, using)) => Err(Error::invalid_input(format!(
            "{method} {path} needs microversion {min} or later; this {service} client uses {using}"
        ))),
        Some(Refusal::TooNew(max, h)) => Err(Error::invalid_input(format!(
            "{method} {path} was removed after microversion {max}; this {service} client uses {h}"
        ))),
    }
}

/// Refuses a request field the caller set (`set`) when the client's microversion does
/// not read it: `since` is the first microversion that does, `until` the last one.
/// Errors name the field.
///
/// A client with no pinned microversion speaks the service's base version: a field
/// added by a microversion (`since`) is refused, a field removed by a later one
/// (`until`) is accepted. Operations ([`Operation::since`](crate::Operation::since),
/// [`Operation::until`](crate::Operation::until)) follow the same rule.
///
/// ```
/// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
/// let c = ferrocloud::ServiceClient::new(p, "compute", "http://n/v2.1", None).unwrap();
/// use ferrocloud::microversion::check_field;
/// assert!(check_field(&c, "tags", true, Some("2.52"), None).is_err());
/// assert!(check_field(&c.with_microversion("2.52"), "tags", true, Some("2.52"), None).is_ok());
/// assert!(check_field(&c.with_microversion("2.57"), "personality", true, None, Some("2.56")).is_err());
/// assert!(check_field(&c, "personality", true, None, Some("2.56")).is_ok());
/// assert!(check_field(&c, "tags", false, Some("2.52"), None).is_ok());
/// ```
pub fn check_field(
    client: &ServiceClient,
    field: &str,
    set: bool,
    since: Option<&str>,
    until: Option<&str>,
) -> Result<()> {
    if !set {
        return Ok(());
    }
    let service = client.service_type();
    match gate(client, since, until)? {
        None => Ok(()),
        Some(Refusal::TooOld(min, using)) => Err(Error::invalid_input(format!(
            "{field} needs {service} microversion {min} or later; this client uses {using}"
        ))),
        Some(Refusal::TooNew(max, h)) => Err(Error::invalid_input(format!(
            "{field} is not accepted after {service} microversion {max}; this client uses {h}"
        ))),
    }
}

/// Whether the client is pinned to microversion `v` or later.
///
/// ```
/// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
/// let c = ferrocloud::ServiceClient::new(p, "compute", "http://n/v2.1", None).unwrap();
/// use ferrocloud::microversion::{at_least, Microversion};
/// assert!(!at_least(&c, Microversion::new(2, 92)));
/// assert!(at_least(&c.with_microversion("2.92"), Microversion::new(2, 92)));
/// ```
pub fn at_least(client: &ServiceClient, v: Microversion) -> bool {
    client
        .microversion()
        .and_then(|s| s.parse::<Microversion>().ok())
        .is_some_and(|h| h >= v)
}

impl ServiceClient {
    /// Discovers the server's microversion range and returns a client pinned to the
    /// highest microversion both the server and `sdk_max` support.
    ///
    /// ```no_run
    /// # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
    /// let compute = compute.negotiate_microversion("2.100").await?;
    /// println!("using {:?}", compute.microversion());
    /// # Ok(()) }
    /// ```
    pub async fn negotiate_microversion(&self, sdk_max: &str) -> Result<ServiceClient> {
        let sdk_max: Microversion = sdk_max.parse()?;
        match discover(self).await? {
            Some(range) => Ok(self.with_microversion(choose(range, sdk_max)?.to_string())),
            None => Err(Error::new(
                ErrorKind::InvalidInput,
                format!(
                    "the {} service at {} announces no microversions",
                    self.service_type(),
                    self.endpoint()
                ),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_order() {
        let v: Vec<Microversion> = ["2.1", "2.10", "2.9", "v3.0", "1"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        assert!(v[0] < v[2] && v[2] < v[1]);
        assert_eq!(v[3], Microversion::new(3, 0));
        assert_eq!(v[4], Microversion::new(1, 0));
        for bad in ["", "a.b", "2.x", "latest"] {
            assert!(bad.parse::<Microversion>().is_err(), "{bad}");
        }
    }

    #[test]
    fn official_version_documents() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/api-samples");
        let read = |p: &str| std::fs::read(format!("{dir}/{p}")).unwrap();
        let nova = parse_version_document(
            &read("compute/doc/api_samples/versions/v21-version-get-resp.json"),
            &"http://openstack.example.com/v2.1/".parse().unwrap(),
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            (nova.min.to_string(), nova.max.to_string()),
            ("2.1".into(), "2.104".into())
        );
        let cinder = parse_version_document(
            &read("block-storage/api-ref/source/v3/samples/versions/version-show-response.json"),
            &"http://127.0.0.1:44895/v3/p1/".parse().unwrap(),
        )
        .unwrap()
        .unwrap();
        assert_eq!(cinder.max.to_string(), "3.71");
        let placement = parse_version_document(
            &read("placement/api-ref/source/samples/root/get-root.json"),
            &"http://placement/".parse().unwrap(),
        )
        .unwrap()
        .unwrap();
        assert_eq!(placement.min.to_string(), "1.0");
    }

    #[test]
    fn an_unpinned_client_speaks_the_base_version() {
        let p = crate::ProviderClient::builder("http://k/v3")
            .build()
            .unwrap();
        let c = ServiceClient::new(p, "compute", "http://n/v2.1", None).unwrap();
        // A field added by a microversion is refused, and the error says why.
        let e = check_field(&c, "tags", true, Some("2.52"), None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert!(e.to_string().contains("the base version"), "{e}");
        // A field removed by a later microversion is accepted; so is one served by both.
        check_field(&c, "personality", true, None, Some("2.56")).unwrap();
        let e = check_field(&c, "force", true, Some("2.30"), Some("2.67")).unwrap_err();
        assert!(e.to_string().contains("the base version"), "{e}");
        // Operations follow the same rule.
        let added = crate::Operation::new("compute", http::Method::GET, "/x").since("2.78");
        let removed = crate::Operation::new("compute", http::Method::GET, "/y").until("2.35");
        let e = check(&c, &added).unwrap_err();
        assert!(e.to_string().contains("the base version"), "{e}");
        check(&c, &removed).unwrap();
        // Pinned clients are compared with both ends.
        let pinned = c.with_microversion("2.36");
        check(&pinned, &removed).unwrap_err();
        check_field(&pinned, "personality", true, None, Some("2.56")).unwrap();
        check_field(&pinned, "force", true, Some("2.30"), Some("2.67")).unwrap();
        check_field(
            &c.with_microversion("2.68"),
            "force",
            true,
            Some("2.30"),
            Some("2.67"),
        )
        .unwrap_err();
    }

    #[test]
    fn discovery_candidates() {
        let u: Url = "http://cinder:8776/v3/p1/".parse().unwrap();
        let c: Vec<String> = discovery_urls(&u).iter().map(|u| u.to_string()).collect();
        assert_eq!(
            c,
            [
                "http://cinder:8776/v3/p1/",
                "http://cinder:8776/v3/",
                "http://cinder:8776/"
            ]
        );
    }
}
