//! API versions of the compute service: the version documents served at the service's
//! root (`GET /`) and at each version's root (`GET /v2.1/`).
//!
//! These two operations are not under the compute client's resource base (the catalog
//! endpoint, `…/v2.1`): their paths are written from the service root, the way the API
//! reference writes them, and the functions here send them to the root found by cutting
//! the endpoint before its version segment (`http://nova:8774/v2.1/<project>` →
//! `http://nova:8774/`). They need no microversion and send none.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::versions;
//! for v in versions::list(&compute).all_pages().await?.extract()? {
//!     println!("{} {} ({}–{})", v.id, v.status, v.min_version, v.version);
//! }
//! let current = versions::get(&compute, "v2.1").await.extract()?;
//! assert_eq!(current.status, "CURRENT");
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use url::Url;

use crate::dates::Timestamp;
use crate::de::Link;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List all major versions (at the service root).
    LIST = GET "/" list("versions", Version);
    /// Show details of one API version (at the service root).
    GET = GET "/{api_version}/" response("version", Version);
}

/// One API version of the compute service.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Version {
    /// The version's ID (`v2.0`, `v2.1`).
    pub id: String,
    /// `CURRENT`, `SUPPORTED` or `DEPRECATED`.
    pub status: String,
    /// The newest microversion (empty for a version without microversions).
    pub version: String,
    /// The oldest microversion (empty for a version without microversions).
    pub min_version: String,
    /// When the version last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
    /// Links (`self`, `describedby`).
    pub links: Vec<Link>,
    /// The media types the version serves (in `GET /{api_version}/` only).
    #[serde(default, rename = "media-types")]
    pub media_types: Vec<MediaType>,
}

impl Version {
    /// The microversion range, when the version has one.
    ///
    /// ```
    /// let v: ferrocloud::openstack::compute::v2::versions::Version = serde_json::from_str(
    ///     r#"{"id": "v2.1", "status": "CURRENT", "version": "2.96", "min_version": "2.1",
    ///         "updated": "2013-07-23T11:33:21Z", "links": []}"#).unwrap();
    /// let r = v.microversions().unwrap();
    /// assert_eq!((r.min.to_string(), r.max.to_string()), ("2.1".into(), "2.96".into()));
    /// ```
    pub fn microversions(&self) -> Option<crate::microversion::VersionRange> {
        Some(crate::microversion::VersionRange {
            min: self.min_version.parse().ok()?,
            max: self.version.parse().ok()?,
        })
    }
}

/// A media type of a version document.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct MediaType {
    /// The base type (`application/json`).
    pub base: String,
    /// The vendor type.
    #[serde(rename = "type")]
    pub media_type: String,
}

/// The service root of a compute endpoint: the endpoint cut before its last version
/// segment (`v2`, `v2.1`), or the endpoint itself when it has none.
///
/// ```
/// use ferrocloud::openstack::compute::v2::versions::service_root;
/// let root = service_root(&"http://nova:8774/v2.1/6f70".parse().unwrap());
/// assert_eq!(root.as_str(), "http://nova:8774/");
/// let root = service_root(&"https://cloud/compute/v2.1/".parse().unwrap());
/// assert_eq!(root.as_str(), "https://cloud/compute/");
/// ```
pub fn service_root(endpoint: &Url) -> Url {
    let segs: Vec<&str> = endpoint
        .path_segments()
        .map(|s| s.collect())
        .unwrap_or_default();
    let is_version = |s: &str| {
        s.strip_prefix(['v', 'V']).is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        })
    };
    match segs.iter().rposition(|s| is_version(s)) {
        Some(i) => {
            let mut u = endpoint.clone();
            let path = if i == 0 {
                "/".to_string()
            } else {
                format!("/{}/", segs[..i].join("/"))
            };
            u.set_path(&path);
            u.set_query(None);
            u
        }
        None => endpoint.clone(),
    }
}

/// A client of the same service and provider at the service root of `client`'s
/// endpoint ([`service_root`]), for the operations written from the root (versions,
/// Swift's `/info`).
pub(crate) fn root_client(client: &ServiceClient) -> Result<ServiceClient> {
    let root = service_root(client.endpoint());
    ServiceClient::new(
        client.provider().clone(),
        client.service_type(),
        root.as_str(),
        None,
    )
}

/// Lists the major versions the service serves (`GET /` at the service root).
pub fn list(client: &ServiceClient) -> Pager<Version> {
    match root_client(client) {
        Ok(root) => root.request(&LIST, &[]).paged(PageStyle::Single),
        Err(e) => client.request(&LIST, &[]).fail_with(e).paged(PageStyle::Single),
    }
}

/// Shows one version (`api_version` is its ID, e.g. `v2.1`).
pub async fn get(client: &ServiceClient, api_version: &str) -> ApiResult<Version> {
    match root_client(client) {
        Ok(root) => root.request(&GET, &[api_version]).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}

pub(crate) use crate::microversion::{at_least, check_field};
