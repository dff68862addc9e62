//! What Barbican's resources share: references (`secret_ref`, `container_ref`,
//! `order_ref` are full URLs, and every function takes either such a URL or the bare
//! UUID), the status of its entities, and the offset/limit paging of its listings.
//!
//! ```
//! use ferrocloud::openstack::keymanager::v1::common::id_from_ref;
//! let r = "https://barbican.example.org:9311/v1/secrets/48d24158-b4b4-45b8-9669-d9f0ef793c23";
//! assert_eq!(id_from_ref(r), "48d24158-b4b4-45b8-9669-d9f0ef793c23");
//! assert_eq!(id_from_ref("48d24158-b4b4-45b8-9669-d9f0ef793c23"), "48d24158-b4b4-45b8-9669-d9f0ef793c23");
//! ```

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, RequestBuilder};
use crate::{Error, Result, ServiceClient};

/// The UUID at the end of a Barbican reference (`…/v1/secrets/{uuid}`), or `reference`
/// itself when it is not a URL (already a UUID). A query, a fragment and a trailing
/// slash are ignored.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::common::id_from_ref;
/// assert_eq!(id_from_ref("http://h:9311/v1/containers/74bbd3fd/"), "74bbd3fd");
/// assert_eq!(id_from_ref("http://h:9311/v1/orders/5443d349?x=1"), "5443d349");
/// assert_eq!(id_from_ref("5443d349"), "5443d349");
/// ```
pub fn id_from_ref(reference: &str) -> &str {
    split_ref(reference).1
}

/// The collection and the UUID of a reference: `("secrets", uuid)`; `("", reference)`
/// for a bare UUID.
fn split_ref(reference: &str) -> (&str, &str) {
    if !reference.contains('/') {
        return ("", reference);
    }
    let path = reference
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .trim_end_matches('/');
    let (head, id) = path.rsplit_once('/').unwrap_or(("", path));
    let collection = head.rsplit_once('/').map_or(head, |(_, c)| c);
    (collection, id)
}

/// The UUID of a reference to an entity of `collection` (`secrets`, `containers`…): a
/// URL must point into that collection, so that a container's reference given where a
/// secret's is expected is refused instead of addressing another entity.
pub(crate) fn ref_id<'r>(reference: &'r str, collection: &str) -> Result<&'r str> {
    let (found, id) = split_ref(reference);
    if !found.is_empty() && found != collection {
        return Err(Error::invalid_input(format!(
            "{reference:?} is not a reference to {collection} (…/{collection}/{{uuid}})"
        )));
    }
    Ok(id)
}

/// A request for `op` on the entity that `reference` (a URL or a UUID) of `collection`
/// names, failing before anything is sent when the reference points elsewhere.
pub(crate) fn request_on<O: crate::operation::Declared + ?Sized>(
    client: &ServiceClient,
    op: &'static O,
    reference: &str,
    collection: &str,
) -> RequestBuilder<O::Response> {
    request_with(client, op, reference, collection, &[])
}

/// [`request_on`] for a path with more parameters after the entity's UUID (`rest`).
pub(crate) fn request_with<O: crate::operation::Declared + ?Sized>(
    client: &ServiceClient,
    op: &'static O,
    reference: &str,
    collection: &str,
    rest: &[&str],
) -> RequestBuilder<O::Response> {
    let (id, error) = match ref_id(reference, collection) {
        Ok(id) => (id, None),
        Err(e) => (reference, Some(e)),
    };
    let mut params = vec![id];
    params.extend_from_slice(rest);
    let req = client.request(op, &params);
    match error {
        Some(e) => req.fail_with(e),
        None => req,
    }
}

/// `result`, with `secret` (a payload that was sent) replaced by `[REDACTED]` in its
/// error, should the service have echoed it.
pub(crate) fn scrub_payload<T>(result: ApiResult<T>, secret: &str) -> ApiResult<T> {
    match result.err() {
        Some(e) => ApiResult::from_error(e.clone().scrub(&[secret])),
        None => result,
    }
}

/// The status of a secret, container, order, consumer or secret store.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::common::Status;
/// let s: Status = serde_json::from_str(r#""ERROR""#).unwrap();
/// assert!(s.is_error());
/// let s: Status = serde_json::from_str(r#""SUSPENDED""#).unwrap();
/// assert_eq!(s, Status::Other("SUSPENDED".into()));
/// assert_eq!(s.to_string(), "SUSPENDED");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Ready.
    #[serde(rename = "ACTIVE")]
    Active,
    /// Being made (an order not processed yet).
    #[serde(rename = "PENDING")]
    Pending,
    /// Failed (an order: its `error_reason` says why).
    #[serde(rename = "ERROR")]
    Error,
    /// A status this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

impl Status {
    /// The status as Barbican writes it.
    ///
    /// ```
    /// assert_eq!(ferrocloud::openstack::keymanager::v1::common::Status::Active.as_str(), "ACTIVE");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            Status::Active => "ACTIVE",
            Status::Pending => "PENDING",
            Status::Error => "ERROR",
            Status::Other(s) => s,
        }
    }

    /// True for `ERROR`.
    ///
    /// ```
    /// assert!(!ferrocloud::openstack::keymanager::v1::common::Status::Pending.is_error());
    /// ```
    pub fn is_error(&self) -> bool {
        self.as_str().eq_ignore_ascii_case("ERROR")
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The paging of a Barbican listing: skip `offset` items, return at most `limit` (10 by
/// default, 100 at most). The pagers follow the `next` link Barbican adds while items
/// remain, so these only choose where to start and the page size.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::common::Paging;
/// let p = Paging::default().offset(20).limit(100);
/// let pairs = ferrocloud::query::to_pairs(&p).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "offset=20&limit=100");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Paging {
    /// Skip this many items first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    /// Items per page (Barbican takes at most 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl Paging {
    /// Starts after `offset` items.
    ///
    /// ```
    /// let p = ferrocloud::openstack::keymanager::v1::common::Paging::default().offset(5);
    /// assert_eq!(p.offset, Some(5));
    /// ```
    pub fn offset(mut self, offset: u32) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Sets the page size.
    ///
    /// ```
    /// let p = ferrocloud::openstack::keymanager::v1::common::Paging::default().limit(100);
    /// assert_eq!(p.limit, Some(100));
    /// ```
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
}

/// The reference to a secret Barbican answers a creation with.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::common::SecretRef;
/// let r: SecretRef = serde_json::from_str(r#"{"secret_ref": "http://h/v1/secrets/48d2"}"#).unwrap();
/// assert_eq!(r.id(), "48d2");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SecretRef {
    /// The secret's URL.
    pub secret_ref: String,
}

impl SecretRef {
    /// The secret's UUID.
    ///
    /// ```
    /// # use ferrocloud::openstack::keymanager::v1::common::SecretRef;
    /// let r: SecretRef = serde_json::from_str(r#"{"secret_ref": "http://h/v1/secrets/1"}"#).unwrap();
    /// assert_eq!(r.id(), "1");
    /// ```
    pub fn id(&self) -> &str {
        id_from_ref(&self.secret_ref)
    }
}

/// The reference to a container Barbican answers a creation (or a change of its
/// secrets) with.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::common::ContainerRef;
/// let r: ContainerRef = serde_json::from_str(r#"{"container_ref": "http://h/v1/containers/74bb"}"#).unwrap();
/// assert_eq!(r.id(), "74bb");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ContainerRef {
    /// The container's URL.
    pub container_ref: String,
}

impl ContainerRef {
    /// The container's UUID.
    ///
    /// ```
    /// # use ferrocloud::openstack::keymanager::v1::common::ContainerRef;
    /// let r: ContainerRef = serde_json::from_str(r#"{"container_ref": "http://h/v1/containers/2"}"#).unwrap();
    /// assert_eq!(r.id(), "2");
    /// ```
    pub fn id(&self) -> &str {
        id_from_ref(&self.container_ref)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(ref_id("http://h/v1/secrets/abc", "secrets").unwrap(), "abc");
        assert_eq!(ref_id("abc", "secrets").unwrap(), "abc");
        assert!(ref_id("http://h/v1/containers/abc", "secrets").is_err());
        assert_eq!(split_ref("http://h/v1/secrets/abc/#x"), ("secrets", "abc"));
        assert_eq!(split_ref("/abc"), ("", "abc"));
    }
}
