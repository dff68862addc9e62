//! What Zaqar's resources share: the `Client-ID` header every request carries, the
//! paging controls of listings, and the functions a resource shares.
//!
//! ```
//! # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
//! # let zaqar = ferrocloud::ServiceClient::new(p, "messaging", "http://zaqar:8888", Some("v2")).unwrap();
//! use ferrocloud::openstack::messaging::v2::common;
//! let zaqar = common::with_client_id(&zaqar, "3381af92-2b9e-11e3-b191-71861300734c").unwrap();
//! assert_eq!(common::client_id(&zaqar), Some("3381af92-2b9e-11e3-b191-71861300734c"));
//! ```

use serde::{Deserialize, Serialize};

use crate::operation::Op;
use crate::request::RequestBuilder;
use crate::{Error, Result, ServiceClient};

/// The header naming the program instance that sends a request.
pub const CLIENT_ID: &str = "client-id";

/// The same client, sending `id` as its `Client-ID` on every request. Zaqar checks by
/// default that the ID is a UUID (`client_id_uuid_safe = strict`); a cloud that relaxes
/// the check takes any text of 1 to 255 characters. Keep the same ID for the life of a
/// program: Zaqar leaves a client's own messages out of listings unless `echo` is set.
///
/// ```
/// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
/// # let zaqar = ferrocloud::ServiceClient::new(p, "messaging", "http://zaqar:8888", Some("v2")).unwrap();
/// use ferrocloud::openstack::messaging::v2::common::with_client_id;
/// assert!(with_client_id(&zaqar, "").is_err());
/// let c = with_client_id(&zaqar, "3381af92-2b9e-11e3-b191-71861300734c").unwrap();
/// assert_eq!(c.extra_headers()["client-id"], "3381af92-2b9e-11e3-b191-71861300734c");
/// ```
pub fn with_client_id(client: &ServiceClient, id: &str) -> Result<ServiceClient> {
    if id.is_empty() || id.len() > 255 {
        return Err(Error::invalid_input(
            "a Client-ID is 1 to 255 characters long (a UUID by default)",
        ));
    }
    client.with_header(CLIENT_ID, id)
}

/// The same client, with a new random UUID (version 4) as its `Client-ID`.
///
/// ```
/// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
/// # let zaqar = ferrocloud::ServiceClient::new(p, "messaging", "http://zaqar:8888", Some("v2")).unwrap();
/// use ferrocloud::openstack::messaging::v2::common::{client_id, with_new_client_id};
/// let c = with_new_client_id(&zaqar).unwrap();
/// let id = client_id(&c).unwrap();
/// assert_eq!(id.len(), 36);
/// assert_eq!(&id[14..15], "4");
/// ```
pub fn with_new_client_id(client: &ServiceClient) -> Result<ServiceClient> {
    with_client_id(client, &new_uuid()?)
}

/// The `Client-ID` the client sends, if it has one.
///
/// ```
/// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
/// # let zaqar = ferrocloud::ServiceClient::new(p, "messaging", "http://zaqar:8888", Some("v2")).unwrap();
/// assert_eq!(ferrocloud::openstack::messaging::v2::common::client_id(&zaqar), None);
/// ```
pub fn client_id(client: &ServiceClient) -> Option<&str> {
    client
        .extra_headers()
        .get(CLIENT_ID)
        .and_then(|v| v.to_str().ok())
}

/// A random UUID, version 4.
fn new_uuid() -> Result<String> {
    use ring::rand::SecureRandom;
    let mut b = [0u8; 16];
    ring::rand::SystemRandom::new()
        .fill(&mut b)
        .map_err(|_| Error::invalid_input("no random bytes for a Client-ID"))?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    ))
}

/// A request for `op`, refused before it is sent when the client has no `Client-ID`.
pub(crate) fn request<R>(
    client: &ServiceClient,
    op: &'static Op<R>,
    params: &[&str],
) -> RequestBuilder<R> {
    let rb = client.request(op, params);
    if client_id(client).is_some() {
        rb
    } else {
        rb.fail_with(Error::invalid_input(format!(
            "Zaqar needs a Client-ID header for {} {}: set one on the client with \
             messaging::v2::common::with_client_id or with_new_client_id",
            op.method, op.path
        )))
    }
}

/// Paging of a Zaqar listing, flattened into each resource's `ListOpts`: the pager
/// follows Zaqar's `links` on its own; `limit` sets the page size (Zaqar's default is
/// 10, at most 20 for queues), `marker` starts after a name or ID.
///
/// ```
/// use ferrocloud::openstack::messaging::v2::common::Paging;
/// let p = Paging { limit: Some(5), marker: Some("q1".into()) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&p).unwrap()), "limit=5&marker=q1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paging {
    /// Items per page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after this name or ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// What the listings of operators' resources ([`pools`](super::pools),
/// [`flavors`](super::flavors)) take: paging, and `detailed` for the full records.
///
/// ```
/// use ferrocloud::openstack::messaging::v2::common::DetailedListOpts;
/// let o = DetailedListOpts { detailed: Some(true), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "detailed=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DetailedListOpts {
    /// Paging.
    #[serde(flatten)]
    pub paging: Paging,
    /// Include every field (options, capabilities).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detailed: Option<bool>,
}

/// The part of a Zaqar `href` after its last `/`, without the query (a message's ID).
pub(crate) fn last_segment(href: &str) -> Option<String> {
    let path = href.split(['?', '#']).next().unwrap_or_default();
    path.rsplit('/')
        .next()
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The value of a query parameter of a Zaqar `href` (`claim_id`).
pub(crate) fn query_value(href: &str, key: &str) -> Option<String> {
    let (_, query) = href.split_once('?')?;
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.is_empty())
}

/// The functions of a Zaqar resource, declared once; the module names the ones it has
/// after the `;`. A resource under a queue (subscriptions) names the queue parameter in
/// brackets (`[queue_name]`); its functions take that name first.
///
/// - `list`: follows `links`, with `$opts`, and `$extract`;
/// - `get`, `delete`;
/// - `update`: `PATCH` with `UpdateOpts` (answer as `GET`'s when `$upd` is the item,
///   nothing when `()`).
macro_rules! zaqar_functions {
    ($item:ty, $noun:literal, $opts:ty, $extract:ident, $upd:ty, $parent:tt; $($f:ident)+) => {
        $(
            $crate::openstack::messaging::v2::common::zaqar_functions! {
                @$f $item, $noun, $opts, $extract, $upd, $parent
            }
        )+
    };
    (@list $item:ty, $noun:literal, $opts:ty, $extract:ident, $upd:ty, [$($p:ident)?]) => {
        #[doc = concat!("Lists every ", $noun, ", following `links`.")]
        ///
        /// ```no_run
        /// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!("let all = ", module_path!(), "::list(&zaqar, ", $("\"", stringify!($p), "\", ",)? "&Default::default()).all().await?;")]
        /// # Ok(()) }
        /// ```
        pub fn list(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            opts: &$opts,
        ) -> $crate::pagination::Pager<$item> {
            $crate::openstack::messaging::v2::common::request(client, &LIST, &[$($p)?])
                .query(opts)
                .paged($crate::pagination::PageStyle::RootedLinks("links"))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("Each ", $noun, " of a page (or of all pages).")]
            $extract, $item
        }
    };
    (@get $item:ty, $noun:literal, $opts:ty, $extract:ident, $upd:ty, [$($p:ident)?]) => {
        #[doc = concat!("Shows a ", $noun, ".")]
        ///
        /// ```no_run
        /// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!("let one = ", module_path!(), "::get(&zaqar, ", $("\"", stringify!($p), "\", ",)? "\"x\").await.extract()?;")]
        /// # Ok(()) }
        /// ```
        pub async fn get(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            id: &str,
        ) -> $crate::request::ApiResult<$item> {
            $crate::openstack::messaging::v2::common::request(client, &GET, &[$($p,)? id])
                .send()
                .await
        }
    };
    (@update $item:ty, $noun:literal, $opts:ty, $extract:ident, $upd:ty, [$($p:ident)?]) => {
        #[doc = concat!("Changes a ", $noun, ".")]
        ///
        /// ```no_run
        /// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!(module_path!(), "::update(&zaqar, ", $("\"", stringify!($p), "\", ",)? "\"x\", &Default::default()).await.ok()?;")]
        /// # Ok(()) }
        /// ```
        pub async fn update(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            id: &str,
            opts: &UpdateOpts,
        ) -> $crate::request::ApiResult<$upd> {
            $crate::openstack::messaging::v2::common::request(client, &UPDATE, &[$($p,)? id])
                .body(opts)
                .send()
                .await
        }
    };
    (@delete $item:ty, $noun:literal, $opts:ty, $extract:ident, $upd:ty, [$($p:ident)?]) => {
        #[doc = concat!("Deletes a ", $noun, " (`204`, also when there was none).")]
        ///
        /// ```no_run
        /// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!(module_path!(), "::delete(&zaqar, ", $("\"", stringify!($p), "\", ",)? "\"x\").await.ok()?;")]
        /// # Ok(()) }
        /// ```
        pub async fn delete(
            client: &$crate::ServiceClient,
            $($p: &str,)?
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            $crate::openstack::messaging::v2::common::request(client, &DELETE, &[$($p,)? id])
                .send()
                .await
        }
    };
}
pub(crate) use zaqar_functions;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs() {
        let h = "/v2/queues/q/messages/51db6f78?claim_id=51db7067";
        assert_eq!(last_segment(h).as_deref(), Some("51db6f78"));
        assert_eq!(query_value(h, "claim_id").as_deref(), Some("51db7067"));
        assert_eq!(query_value("/v2/x", "claim_id"), None);
        assert_eq!(last_segment("/"), None);
    }
}
