//! Listings, page by page, all at once, or as a stream of items.
//!
//! Every list operation returns a [`Pager`]. It knows where the items are in a page (the
//! key, or the top level) and how the service says where the next page is
//! ([`PageStyle`]): links with `rel="next"` (Nova, Neutron, Cinder, Keystone's `links.next`),
//! a top-level `next` URL (Glance), a marker taken from the last item (Swift), or a
//! single page. Pages are fetched lazily: while streaming, only one page is held.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use futures::TryStreamExt;
//! use ferrocloud::openstack::compute::v2::servers;
//!
//! let mut items = servers::list(&compute, &servers::ListOpts::default()).items();
//! while let Some(server) = items.try_next().await? {
//!     println!("{} {}", server.id, server.name);
//! }
//! # Ok(()) }
//! ```

use std::future::Future;
use std::marker::PhantomData;

use futures::stream::BoxStream;
use http::{HeaderMap, Method};
use serde::de::{DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use url::Url;

use crate::provider::Body;
use crate::request::{KeyIndex, RequestBuilder, Response, send_prepared};
use crate::{Error, Result, ServiceClient};

/// How a service points at the next page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageStyle {
    /// A links member under this key: an array of `{"href", "rel"}` (the `rel: next` one)
    /// or an object whose `next` is the URL (`servers_links`, `links`).
    Links(&'static str),
    /// A URL under this top-level key (Glance's `next`), absolute or relative.
    Next(&'static str),
    /// No links: the next request sets `marker` to this field of the last item, and an
    /// empty page ends the listing (Swift, and services listed with marker/limit).
    Marker(&'static str),
    /// The whole listing comes in one page.
    Single,
}

const LIST_OK: &[u16] = &[200, 203, 204];

/// A listing that has not been fetched yet. See the [module](self) documentation.
pub struct Pager<T> {
    client: ServiceClient,
    first: Result<Url>,
    headers: HeaderMap,
    items_key: Option<&'static str>,
    style: PageStyle,
    _t: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for Pager<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pager")
            .field("first", &self.first.as_ref().map(|u| u.as_str()))
            .field("items_key", &self.items_key)
            .field("style", &self.style)
            .finish()
    }
}

impl RequestBuilder {
    /// Turns a GET request into a pager whose items are under the key the operation
    /// declares for its list (`list("servers", Server)`), linked as `style` says.
    pub fn paged<T>(self, style: PageStyle) -> Pager<T> {
        let key = self.operation().response.and_then(|r| r.envelope);
        self.pager(key, style)
    }

    /// Turns a GET request into a pager whose items are under `items_key` (`None`: the
    /// body is the array) and whose pages are linked as `style` says.
    pub fn pager<T>(self, items_key: Option<&'static str>, style: PageStyle) -> Pager<T> {
        let client = self.client_ref().clone();
        let (first, headers) = match self.into_parts() {
            Ok((url, headers)) => (Ok(url), headers),
            Err(e) => (Err(e), HeaderMap::new()),
        };
        Pager {
            client,
            first,
            headers,
            items_key,
            style,
            _t: PhantomData,
        }
    }
}

/// One page of a listing, or all pages of it after [`Pager::all_pages`]. The raw
/// responses stay available; [`Page::extract`] gives the items.
///
/// The pager decodes the items while it reads each page (one pass over the body); the
/// first [`Page::extract`] hands those out, later calls decode the raw bodies again.
pub struct Page<T> {
    responses: Vec<Response>,
    items_key: Option<&'static str>,
    decoded: std::sync::Mutex<Option<Vec<T>>>,
}

impl<T> std::fmt::Debug for Page<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Page")
            .field("responses", &self.responses)
            .field("items_key", &self.items_key)
            .finish()
    }
}

impl<T> Page<T> {
    /// A page made of responses (for tests and custom pipelines).
    pub fn from_responses(responses: Vec<Response>, items_key: Option<&'static str>) -> Self {
        Page {
            responses,
            items_key,
            decoded: std::sync::Mutex::new(None),
        }
    }

    fn with_items(
        responses: Vec<Response>,
        items_key: Option<&'static str>,
        items: Vec<T>,
    ) -> Self {
        Page {
            responses,
            items_key,
            decoded: std::sync::Mutex::new(Some(items)),
        }
    }

    /// The HTTP responses this page was read from (one, or one per page for
    /// [`Pager::all_pages`]).
    pub fn responses(&self) -> &[Response] {
        &self.responses
    }

    /// Decodes the items as another type `U` (an extension type flattening `T`).
    pub fn extract_into<U: DeserializeOwned>(&self) -> Result<Vec<U>> {
        let mut out = Vec::new();
        for r in &self.responses {
            let items: Option<Vec<U>> = r.decode(self.items_key)?;
            out.extend(items.unwrap_or_default());
        }
        Ok(out)
    }
}

impl<T: DeserializeOwned> Page<T> {
    /// The items.
    pub fn extract(&self) -> Result<Vec<T>> {
        let cached = self
            .decoded
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        match cached {
            Some(items) => Ok(items),
            None => self.extract_into::<T>(),
        }
    }
}

/// What one pass over a page tells the pager.
struct Scan<T> {
    items: Vec<T>,
    count: usize,
    next: Option<String>,
    last_marker: Option<String>,
}

impl<T: DeserializeOwned> Pager<T> {
    fn get(&self, url: Url) -> impl Future<Output = Result<Response>> + '_ {
        let prepared =
            self.client
                .prepared(Method::GET, url, self.headers.clone(), Body::Empty, None);
        send_prepared(&self.client, prepared, LIST_OK)
    }

    /// Reads what follows a page: the next URL (resolved) or `None` at the end.
    fn next_url(&self, current: &Url, scan: &Scan<impl Sized>) -> Result<Option<Url>> {
        if scan.count == 0 {
            return Ok(None);
        }
        let next = match self.style {
            PageStyle::Single => None,
            PageStyle::Links(_) | PageStyle::Next(_) => match &scan.next {
                Some(href) if !href.is_empty() => Some(
                    current
                        .join(href)
                        .map_err(|e| Error::decode(format!("next-page link {href:?}"), e))?,
                ),
                _ => None,
            },
            PageStyle::Marker(_) => match &scan.last_marker {
                Some(m) => {
                    let mut u = current.clone();
                    let kept: Vec<(String, String)> = current
                        .query_pairs()
                        .filter(|(k, _)| k != "marker")
                        .map(|(k, v)| (k.into_owned(), v.into_owned()))
                        .collect();
                    u.query_pairs_mut()
                        .clear()
                        .extend_pairs(kept)
                        .append_pair("marker", m);
                    Some(u)
                }
                None => None,
            },
        };
        // A link back to the same page would never end.
        Ok(next.filter(|n| n != current))
    }

    fn scan(&self, r: &Response, keep_items: bool) -> Result<Scan<T>> {
        scan_page::<T>(r.body(), self.items_key, self.style, keep_items).map_err(|e| {
            e.with_request(r.method(), r.url().as_str())
                .with_request_id(r.request_id())
        })
    }

    /// Calls `f` with each page in turn, until the last page or until `f` returns
    /// `Ok(false)`. An error from a request or from `f` ends the walk and is returned.
    ///
    /// ```no_run
    /// # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
    /// use ferrocloud::openstack::compute::v2::servers;
    /// servers::list(&compute, &Default::default()).each_page(|page| async move {
    ///     for s in servers::extract_servers(&page)? { println!("{}", s.name) }
    ///     Ok(true)
    /// }).await?;
    /// # Ok(()) }
    /// ```
    pub async fn each_page<F, Fut>(self, mut f: F) -> Result<()>
    where
        F: FnMut(Page<T>) -> Fut,
        Fut: Future<Output = Result<bool>>,
    {
        let mut url = Some(self.first.clone()?);
        while let Some(current) = url.take() {
            let resp = self.get(current.clone()).await?;
            let scan = self.scan(&resp, true)?;
            url = self.next_url(&current, &scan)?;
            let page = Page::with_items(vec![resp], self.items_key, scan.items);
            if !f(page).await? {
                break;
            }
        }
        Ok(())
    }

    /// Fetches every page and returns them as one [`Page`].
    pub async fn all_pages(self) -> Result<Page<T>> {
        let mut responses = Vec::new();
        let mut items = Vec::new();
        let mut url = Some(self.first.clone()?);
        while let Some(current) = url.take() {
            let resp = self.get(current.clone()).await?;
            let scan = self.scan(&resp, true)?;
            url = self.next_url(&current, &scan)?;
            items.extend(scan.items);
            responses.push(resp);
        }
        Ok(Page::with_items(responses, self.items_key, items))
    }

    /// The pages as a stream, fetched one at a time as the stream is polled.
    pub fn pages(self) -> BoxStream<'static, Result<Page<T>>>
    where
        T: Send + 'static,
    {
        Box::pin(futures::stream::try_unfold(
            (self, None::<Option<Url>>),
            |(pager, next)| async move {
                let current = match next {
                    None => pager.first.clone()?,
                    Some(Some(u)) => u,
                    Some(None) => return Ok(None),
                };
                let resp = pager.get(current.clone()).await?;
                let scan = pager.scan(&resp, false)?;
                let following = pager.next_url(&current, &scan)?;
                let page = Page::from_responses(vec![resp], pager.items_key);
                Ok(Some((page, (pager, Some(following)))))
            },
        ))
    }

    /// The items as a stream: one page is fetched and decoded at a time, when the items
    /// of the previous one have been consumed. The stream is `Unpin` and `Send`.
    pub fn items(self) -> BoxStream<'static, Result<T>>
    where
        T: Send + 'static,
    {
        struct State<T> {
            buffer: std::vec::IntoIter<T>,
            next: Option<Url>,
            started: bool,
        }
        let state = State {
            buffer: Vec::new().into_iter(),
            next: None,
            started: false,
        };
        Box::pin(futures::stream::try_unfold(
            (self, state),
            |(pager, mut st)| async move {
                loop {
                    if let Some(item) = st.buffer.next() {
                        return Ok(Some((item, (pager, st))));
                    }
                    let current = if !st.started {
                        st.started = true;
                        pager.first.clone()?
                    } else {
                        match st.next.take() {
                            Some(u) => u,
                            None => return Ok(None),
                        }
                    };
                    let resp = pager.get(current.clone()).await?;
                    let scan = pager.scan(&resp, true)?;
                    st.next = pager.next_url(&current, &scan)?;
                    st.buffer = scan.items.into_iter();
                }
            },
        ))
    }
}

// ---- one-pass page decoding ----

/// Decodes one page body in a single pass: the items (or only their count), the next
/// link, and the marker of the last item.
fn scan_page<T: DeserializeOwned>(
    body: &[u8],
    items_key: Option<&str>,
    style: PageStyle,
    keep_items: bool,
) -> Result<Scan<T>> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Scan {
            items: Vec::new(),
            count: 0,
            next: None,
            last_marker: None,
        });
    }
    let marker_field = match style {
        PageStyle::Marker(f) => Some(f),
        _ => None,
    };
    let mut de = serde_json::Deserializer::from_slice(body);
    let scan = match items_key {
        None => ItemsSeed::<T> {
            keep: keep_items,
            marker_field,
            _t: PhantomData,
        }
        .deserialize(&mut de)
        .map(|(items, count, last_marker)| Scan {
            items,
            count,
            next: None,
            last_marker,
        }),
        Some(key) => {
            let link_key = match style {
                PageStyle::Links(k) | PageStyle::Next(k) => Some(k),
                _ => None,
            };
            PageSeed::<T> {
                items_key: key,
                link_key,
                style,
                keep: keep_items,
                marker_field,
                _t: PhantomData,
            }
            .deserialize(&mut de)
        }
    }
    .map_err(|e| Error::decode("reading a page", e))?;
    de.end()
        .map_err(|e| Error::decode("trailing data after the page", e))?;
    Ok(scan)
}

/// Reads `body` in every page style (for the fuzz targets).
pub(crate) fn fuzz_scan(body: &[u8]) {
    for style in [
        PageStyle::Links("things_links"),
        PageStyle::Links("links"),
        PageStyle::Next("next"),
        PageStyle::Marker("name"),
        PageStyle::Single,
    ] {
        let _ = scan_page::<serde_json::Value>(body, Some("things"), style, true);
        let _ = scan_page::<serde_json::Value>(body, None, style, false);
        if let Ok(s) = scan_page::<serde_json::Value>(body, Some("things"), style, false)
            && let Some(next) = s.next
        {
            let _ = url::Url::parse("http://127.0.0.1/v2/things").map(|u| u.join(&next));
        }
    }
}

struct PageSeed<'a, T> {
    items_key: &'a str,
    link_key: Option<&'a str>,
    style: PageStyle,
    keep: bool,
    marker_field: Option<&'a str>,
    _t: PhantomData<T>,
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for PageSeed<'_, T> {
    type Value = Scan<T>;
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<Scan<T>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for PageSeed<'_, T> {
    type Value = Scan<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "an object with a {:?} list", self.items_key)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Scan<T>, A::Error> {
        let keys = [self.items_key, self.link_key.unwrap_or("\u{0}")];
        let mut scan = Scan {
            items: Vec::new(),
            count: 0,
            next: None,
            last_marker: None,
        };
        let mut seen_items = false;
        while let Some(k) = map.next_key_seed(KeyIndex(&keys))? {
            match k {
                Some(0) if !seen_items => {
                    seen_items = true;
                    let (items, count, marker) = map.next_value_seed(ItemsSeed::<T> {
                        keep: self.keep,
                        marker_field: self.marker_field,
                        _t: PhantomData,
                    })?;
                    scan.items = items;
                    scan.count = count;
                    scan.last_marker = marker;
                }
                Some(1) => {
                    scan.next = match self.style {
                        PageStyle::Links(_) => map.next_value::<Links>()?.next(),
                        _ => map.next_value::<Option<String>>()?,
                    };
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if !seen_items {
            return Err(serde::de::Error::custom(format!(
                "the page has no {:?} list",
                self.items_key
            )));
        }
        Ok(scan)
    }
}

/// A list of items, kept or only counted, with the marker field of the last one.
struct ItemsSeed<'a, T> {
    keep: bool,
    marker_field: Option<&'a str>,
    _t: PhantomData<T>,
}

type Items<T> = (Vec<T>, usize, Option<String>);

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for ItemsSeed<'_, T> {
    type Value = Items<T>;
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<Items<T>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for ItemsSeed<'_, T> {
    type Value = Items<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of items")
    }
    fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<Items<T>, E> {
        Ok((Vec::new(), 0, None))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Items<T>, A::Error> {
        let mut items = Vec::with_capacity(if self.keep {
            seq.size_hint().unwrap_or(16)
        } else {
            0
        });
        let mut count = 0;
        let mut marker = None;
        match (self.keep, self.marker_field) {
            (true, None) => {
                while let Some(item) = seq.next_element::<T>()? {
                    items.push(item);
                }
                count = items.len();
            }
            (false, None) => {
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    count += 1;
                }
            }
            (keep, Some(field)) => {
                // Marker listings are small objects: read each as a JSON value once.
                while let Some(v) = seq.next_element::<serde_json::Value>()? {
                    count += 1;
                    marker = v.get(field).and_then(|m| {
                        m.as_str()
                            .map(str::to_owned)
                            .or_else(|| Some(m.to_string()))
                    });
                    if keep {
                        items.push(T::deserialize(v).map_err(serde::de::Error::custom)?);
                    }
                }
            }
        }
        Ok((items, count, marker))
    }
}

/// A links member: `[{"href": .., "rel": "next"}]` or `{"next": ..}`.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Links {
    List(Vec<Link>),
    Object {
        #[serde(default)]
        next: Option<String>,
    },
    Null(()),
}

#[derive(serde::Deserialize)]
struct Link {
    #[serde(default)]
    href: String,
    #[serde(default)]
    rel: String,
}

impl Links {
    fn next(self) -> Option<String> {
        match self {
            Links::List(l) => l.into_iter().find(|l| l.rel == "next").map(|l| l.href),
            Links::Object { next } => next,
            Links::Null(()) => None,
        }
    }
}

/// Follows a pager to the end and returns every item (a convenience for small listings).
///
/// ```no_run
/// # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::compute::v2::flavors;
/// let all = ferrocloud::pagination::collect(flavors::list(&compute, &Default::default())).await?;
/// # Ok(()) }
/// ```
pub async fn collect<T: DeserializeOwned>(pager: Pager<T>) -> Result<Vec<T>> {
    pager.all_pages().await?.extract()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn one_pass_scan_finds_items_and_links() {
        let body = br#"{"servers_links": [{"rel": "next", "href": "http://n/servers?marker=b"}],
                        "servers": [{"id": "a"}, {"id": "b"}]}"#;
        let s: Scan<serde_json::Value> = scan_page(
            body,
            Some("servers"),
            PageStyle::Links("servers_links"),
            true,
        )
        .unwrap();
        assert_eq!(s.count, 2);
        assert_eq!(s.items.len(), 2);
        assert_eq!(s.next.as_deref(), Some("http://n/servers?marker=b"));
        let keystone = br#"{"links": {"next": "http://k/v3/users?marker=x", "self": "s", "previous": null}, "users": [{}]}"#;
        let s: Scan<serde_json::Value> =
            scan_page(keystone, Some("users"), PageStyle::Links("links"), false).unwrap();
        assert_eq!((s.count, s.items.len()), (1, 0));
        assert_eq!(s.next.as_deref(), Some("http://k/v3/users?marker=x"));
        let glance = br#"{"images": [{}], "next": "/v2/images?marker=i", "first": "/v2/images"}"#;
        let s: Scan<serde_json::Value> =
            scan_page(glance, Some("images"), PageStyle::Next("next"), false).unwrap();
        assert_eq!(s.next.as_deref(), Some("/v2/images?marker=i"));
        let swift = br#"[{"name": "a"}, {"name": "b/c"}]"#;
        let s: Scan<serde_json::Value> =
            scan_page(swift, None, PageStyle::Marker("name"), true).unwrap();
        assert_eq!(s.last_marker.as_deref(), Some("b/c"));
        assert_eq!(s.items.len(), 2);
    }

    #[test]
    fn malformed_pages_are_decode_errors() {
        for body in [
            &b"{"[..],
            b"[1, 2",
            b"{\"other\": []}",
            b"{\"servers\": 3}",
            b"{\"servers\": [], \"servers_links\": 7}",
            b"{\"servers\": []} trailing",
        ] {
            let e = scan_page::<serde_json::Value>(
                body,
                Some("servers"),
                PageStyle::Links("servers_links"),
                true,
            )
            .err()
            .unwrap_or_else(|| panic!("{}", String::from_utf8_lossy(body)));
            assert_eq!(e.kind(), ErrorKind::Decode);
        }
    }
}
