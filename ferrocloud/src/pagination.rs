//! Listings, page by page, all at once, or as a stream of items.
//!
//! Every list operation returns a [`Pager`]. It knows where the items are in a page (the
//! key, or the top level) and how the service says where the next page is
//! ([`PageStyle`]): links with `rel="next"` (Nova, Neutron, Cinder, Keystone's `links.next`),
//! a top-level `next` URL (Glance), a marker taken from the last item (Swift), or a
//! single page. Pages are fetched lazily: while streaming, only one page is held.
//!
//! # A listing always ends
//!
//! Every walk ([`Pager::each_page`], [`Pager::all_pages`], [`Pager::pages`],
//! [`Pager::items`]) remembers the URL of every page it requested and every `marker` it
//! sent (the `marker` query parameter of a next-page link as well as the marker a
//! [`PageStyle::Marker`] listing takes from its last item). A walk that would not make
//! progress ends with an [`ErrorKind::Pagination`] error instead of paging for ever or
//! handing out the same items twice:
//!
//! - a next-page link to a page already requested (a cycle `A → B → A`);
//! - a next-page link whose `marker` was already sent (a link that changes while its
//!   marker stays);
//! - a marker-style marker equal to one already sent (a service that ignores `marker`).
//!
//! A page whose link repeats (or is refused, see below) is handed out; the error comes
//! when the walk needs the next page, so a walk stopped before it sees none, and the
//! repeated page is never requested. A marker listing whose last item's marker was
//! already sent returned items already handed out: the error comes instead of that page.
//! A next-page link to the very page just read ends the listing (some services link their
//! last page to itself).
//! [`Pager::max_pages`] sets a limit on the number of pages; a listing with more pages is
//! an error too, not a silent truncation.
//!
//! # Next-page links and the token
//!
//! Requests for later pages carry the token, so they only go to the service endpoint the
//! client was configured with ([`ServiceClient::endpoint`]):
//!
//! - a link with the endpoint's scheme, host and port is followed;
//! - a link to another origin whose path lies under the endpoint's path is *rebased*: its
//!   path and query are requested from the endpoint's scheme, host and port. Behind a
//!   TLS-terminating proxy, services often write their internal address
//!   (`http://controller:8774/v2.1/servers?marker=…`) into their links; the token still
//!   only goes to the host the user configured;
//! - any other link (another origin and a path outside the endpoint's path, or a scheme
//!   other than `http` and `https`) is refused with an [`ErrorKind::Pagination`] error,
//!   and nothing is sent to it.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use futures::TryStreamExt;
//! use ferrocloud::openstack::compute::v2::servers;
//!
//! let mut items = servers::list(&compute, &servers::ListOpts::default()).items();
//! while let Some(server) = items.try_next().await? {
//!     println!("{} {}", server.id, server.name.unwrap_or_default());
//! }
//! # Ok(()) }
//! ```

use std::collections::HashSet;
use std::future::Future;
use std::marker::PhantomData;

use futures::stream::BoxStream;
use http::{HeaderMap, Method};
use serde::de::{DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use url::Url;

use crate::error::redact_url;
use crate::provider::Body;
use crate::request::{KeyIndex, RequestBuilder, Response, send_prepared};
use crate::{Error, ErrorKind, Result, ServiceClient};

/// How a service points at the next page.
///
/// Whatever the style, a walk never requests the same page twice nor sends the same
/// marker twice, and next-page links are only followed on the service endpoint's own
/// scheme, host and port: a link to another origin is rebased onto the endpoint when its
/// path lies under the endpoint's path, and refused otherwise (see the
/// [module](self) documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageStyle {
    /// A links member under this key: an array of `{"href", "rel"}` (the `rel: next` one)
    /// or an object whose `next` is the URL (`servers_links`, `links`).
    Links(&'static str),
    /// Like [`Links`](PageStyle::Links), for services whose next-page links leave out
    /// query parameters of the request (Octavia writes only `limit`, `sort`, `sort_key`
    /// and `marker`): a parameter of the page just read that the link does not name is
    /// added back to it, so that later pages keep the listing's filters.
    LinksKeepQuery(&'static str),
    /// Like [`Links`](PageStyle::Links), for services that write their links from their
    /// own root (Zaqar's `/v2/queues?marker=…`), unaware of a path the endpoint is
    /// published under: a root-relative link is read under the endpoint's path, as a
    /// [`Next`](PageStyle::Next) link is.
    RootedLinks(&'static str),
    /// A URL under this top-level key (Glance's `next`), absolute or relative.
    Next(&'static str),
    /// No links: the next request sets `marker` to this field of the last item (or to its
    /// `subdir`, the pseudo-directory a delimited Swift listing returns), and an empty page
    /// ends the listing (Swift, and services listed with marker/limit).
    Marker(&'static str),
    /// A [`Marker`](PageStyle::Marker) listing of versions (Swift's `?versions`), where
    /// one name comes several times: the next request also sets `version_marker` to the
    /// second field of the last item (its version), so that a page ending among a
    /// name's versions goes on with the next one.
    MarkerVersion(&'static str, &'static str),
    /// A plain-text listing (Swift's `format=plain`): one item per line, read as a
    /// string; the next request sets `marker` to the last line, and an empty page ends
    /// the listing. (A name holding a line break cannot be listed this way.)
    Lines,
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
    max_pages: Option<usize>,
    end_status: Option<u16>,
    operation: &'static crate::Operation,
    _t: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for Pager<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pager")
            .field("first", &self.first.as_ref().map(|u| u.as_str()))
            .field("items_key", &self.items_key)
            .field("style", &self.style)
            .field("max_pages", &self.max_pages)
            .finish()
    }
}

impl<T> RequestBuilder<Vec<T>> {
    /// Turns a GET request into a pager whose items are under the key the operation
    /// declares for its list (`list("servers", Server)`), linked as `style` says.
    pub fn paged(self, style: PageStyle) -> Pager<T> {
        let key = self.operation().response.and_then(|r| r.envelope);
        self.pager(key, style)
    }

    /// Turns a GET request into a pager whose items are under `items_key` (`None`: the
    /// body is the array) and whose pages are linked as `style` says.
    pub fn pager(self, items_key: Option<&'static str>, style: PageStyle) -> Pager<T> {
        let client = self.client_ref().clone();
        let operation = self.operation();
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
            max_pages: None,
            end_status: None,
            operation,
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

/// The longest marker or URL shown in an error message, in bytes.
const SHOWN_MAX: usize = 200;

/// A value from a server, cut short for an error message.
fn shorten(s: &str) -> String {
    if s.len() <= SHOWN_MAX {
        return s.to_string();
    }
    let mut end = SHOWN_MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// A URL as shown in an error message or a log line: without credentials, cut short.
fn shown(url: &Url) -> String {
    shorten(&redact_url(url.as_str()))
}

/// The value of the first `marker` query parameter of a URL.
fn marker_of(url: &Url) -> Option<String> {
    let marker = url
        .query_pairs()
        .find(|(k, _)| k == "marker")
        .map(|(_, v)| v.into_owned())?;
    // A versions listing's position is the name and the version together.
    match url.query_pairs().find(|(k, _)| k == "version_marker") {
        Some((_, v)) => Some(format!("{marker}{VERSION_SEPARATOR}{v}")),
        None => Some(marker),
    }
}

/// Adds to `url` the query parameters of `current` whose names it does not hold (in
/// `current`'s order, after its own).
fn keep_query(url: &mut Url, current: &Url) {
    let named: HashSet<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
    let missing: Vec<(String, String)> = current
        .query_pairs()
        .filter(|(k, _)| !named.contains(k.as_ref()))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if !missing.is_empty() {
        url.query_pairs_mut().extend_pairs(missing);
    }
}

/// Joins a name and a version into the one marker a [`PageStyle::MarkerVersion`] walk
/// keeps (a character no name or version holds).
const VERSION_SEPARATOR: char = '\u{0}';

/// One walk through a listing: the URL to request next, every page URL requested and
/// every marker sent so far, and the decision of what follows a page. The four walkers
/// of [`Pager`] go through it, so that they all end, all refuse the same links and all
/// count pages the same way.
struct Walk {
    endpoint: Url,
    style: PageStyle,
    max_pages: Option<usize>,
    /// The page to request next (`None`: the listing is over), or why the walk cannot go
    /// on; the error is given when the next page is needed.
    pending: Option<Result<Url>>,
    requested: HashSet<String>,
    markers: HashSet<String>,
    pages: usize,
}

impl Walk {
    fn new(first: Url, endpoint: Url, style: PageStyle, max_pages: Option<usize>) -> Walk {
        Walk {
            endpoint,
            style,
            max_pages,
            pending: Some(Ok(first)),
            requested: HashSet::new(),
            markers: HashSet::new(),
            pages: 0,
        }
    }

    fn error(&self, what: String) -> Error {
        let pages = match self.pages {
            1 => "1 page".to_string(),
            n => format!("{n} pages"),
        };
        Error::new(ErrorKind::Pagination, format!("{what} (after {pages})"))
    }

    /// The next page to request, recorded as requested; `None` at the end of the listing.
    /// Past the page limit, or when the last page's link was refused or repeats, an error
    /// (once; then the walk is over).
    fn next_request(&mut self) -> Result<Option<Url>> {
        let url = match self.pending.take() {
            None => return Ok(None),
            Some(Err(e)) => return Err(e),
            Some(Ok(url)) => url,
        };
        if let Some(limit) = self.max_pages
            && self.pages >= limit
        {
            return Err(self.error(format!(
                "the listing has more than {limit} page{} (the page limit set with max_pages)",
                if limit == 1 { "" } else { "s" }
            )));
        }
        self.pages += 1;
        if let Some(m) = marker_of(&url) {
            self.markers.insert(m);
        }
        self.requested.insert(url.as_str().to_owned());
        Ok(Some(url))
    }

    /// Decides what follows the page read from `current`: the next page to request, or
    /// the end of the listing.
    ///
    /// A next-page link that repeats a page or a marker, or that the policy refuses,
    /// does not make the page itself wrong: the error is kept for `next_request`,
    /// so that a caller who stops here sees none, and nothing is requested. A marker
    /// listing whose last marker was already sent returned items already handed out
    /// (the service ignored the marker): that is an error now, and the page is not to be
    /// handed out. After an error, the walk requests nothing more.
    fn read<T>(&mut self, current: &Url, scan: &Scan<T>) -> Result<()> {
        self.pending = None;
        if scan.count == 0 {
            return Ok(());
        }
        match self.style {
            PageStyle::Single => {}
            PageStyle::Links(_)
            | PageStyle::LinksKeepQuery(_)
            | PageStyle::RootedLinks(_)
            | PageStyle::Next(_) => {
                if let Some(href) = scan.next.as_deref().filter(|h| !h.is_empty()) {
                    let href = match self.style {
                        PageStyle::Next(_) | PageStyle::RootedLinks(_) => self.rooted(href),
                        _ => std::borrow::Cow::Borrowed(href),
                    };
                    self.pending = self.follow_link(current, &href).transpose();
                }
            }
            PageStyle::Marker(_) | PageStyle::MarkerVersion(..) | PageStyle::Lines => {
                if let Some(m) = scan.last_marker.as_deref() {
                    self.pending = Some(Ok(self.marker_step(current, m)?));
                }
            }
        }
        Ok(())
    }

    /// Applies `f` to the error the walk keeps for its next request, if any (to say which
    /// page the refused link came from).
    fn annotate(&mut self, f: impl FnOnce(Error) -> Error) {
        self.pending = match self.pending.take() {
            Some(Err(e)) => Some(Err(f(e))),
            other => other,
        };
    }

    /// A root-relative `next` link read under the endpoint's path. Glance writes its
    /// links from its own root (`/v2/images?marker=…`), unaware of a path the endpoint
    /// is published under (`https://cloud/image`): the link then continues the endpoint's
    /// path, where it does not already (the version segment is not repeated).
    fn rooted<'h>(&self, href: &'h str) -> std::borrow::Cow<'h, str> {
        use std::borrow::Cow;
        let base = self.endpoint.path().trim_end_matches('/');
        if base.is_empty() || !href.starts_with('/') || href.starts_with("//") {
            return Cow::Borrowed(href);
        }
        if href.starts_with(&format!("{base}/")) || href == base {
            return Cow::Borrowed(href);
        }
        let first = href[1..].split(['/', '?']).next().unwrap_or_default();
        let segment = format!("/{first}");
        let prefix = match base.find(&format!("{segment}/")) {
            Some(i) if !first.is_empty() => &base[..i],
            _ if !first.is_empty() && base.ends_with(&segment) => {
                &base[..base.len() - segment.len()]
            }
            _ => base,
        };
        Cow::Owned(format!("{prefix}{href}"))
    }

    /// The URL a next-page link leads to, if it is to be followed.
    fn follow_link(&self, current: &Url, href: &str) -> Result<Option<Url>> {
        let link = current
            .join(href)
            .map_err(|e| Error::decode(format!("next-page link {:?}", shorten(href)), e))?;
        let mut url = self.admit(link)?;
        if let PageStyle::LinksKeepQuery(_) = self.style {
            keep_query(&mut url, current);
        }
        // A link to the very page just read ends the listing.
        if url == *current {
            return Ok(None);
        }
        if self.requested.contains(url.as_str()) {
            return Err(self.error(format!(
                "the listing did not make progress: the next-page link {} was already requested",
                shown(&url)
            )));
        }
        if let Some(m) = marker_of(&url)
            && self.markers.contains(&m)
        {
            return Err(self.error(format!(
                "the listing did not make progress: the next-page link {} repeats the marker {:?}, already sent",
                shown(&url),
                shorten(&m)
            )));
        }
        Ok(Some(url))
    }

    /// The URL of the page after `current` in a marker listing: the same query with
    /// `marker` set to the last item's marker, unless that marker was already sent.
    fn marker_step(&self, current: &Url, marker: &str) -> Result<Url> {
        if self.markers.contains(marker) {
            return Err(self.error(format!(
                "the listing did not make progress: the marker {:?} of the last item was already sent",
                shorten(marker)
            )));
        }
        let mut u = current.clone();
        let kept: Vec<(String, String)> = current
            .query_pairs()
            .filter(|(k, _)| k != "marker" && k != "version_marker")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let mut pairs = u.query_pairs_mut();
        pairs.clear().extend_pairs(kept);
        match marker.split_once(VERSION_SEPARATOR) {
            Some((name, version)) => pairs
                .append_pair("marker", name)
                .append_pair("version_marker", version),
            None => pairs.append_pair("marker", marker),
        };
        drop(pairs);
        if self.requested.contains(u.as_str()) {
            return Err(self.error(format!(
                "the listing did not make progress: the page {} was already requested",
                shown(&u)
            )));
        }
        Ok(u)
    }

    /// Applies the link policy: the URL to request for a next-page link (on the service
    /// endpoint's scheme, host and port, without user info or fragment), or an error.
    fn admit(&self, link: Url) -> Result<Url> {
        if !matches!(link.scheme(), "http" | "https") {
            return Err(self.error(format!(
                "refused to follow the next-page link {}: only http and https links are followed",
                shown(&link)
            )));
        }
        let same_origin = link.scheme() == self.endpoint.scheme()
            && link.host_str() == self.endpoint.host_str()
            && link.port_or_known_default() == self.endpoint.port_or_known_default();
        let base = self.endpoint.path();
        let under = link.path().starts_with(base) || link.path() == base.trim_end_matches('/');
        if !same_origin && !under {
            return Err(self.error(format!(
                "refused to follow the next-page link {}: it points to another host than the service endpoint {}, outside the endpoint's path",
                shown(&link),
                shown(&self.endpoint)
            )));
        }
        let mut url = self.endpoint.clone();
        url.set_path(link.path());
        url.set_query(link.query());
        url.set_fragment(None);
        if !same_origin {
            tracing::debug!(
                link = %shown(&link),
                rebased = %shown(&url),
                "the next-page link points to another host; requesting its path from the service endpoint instead"
            );
        }
        Ok(url)
    }
}

impl<T> Pager<T> {
    /// Sets a limit on the number of pages a walk fetches. A listing with more pages ends
    /// with an [`ErrorKind::Pagination`] error naming the limit once the walk needs page
    /// `n + 1` (the pages before it have been handed out); it is not cut short silently.
    /// Without a call, there is no limit.
    ///
    /// ```no_run
    /// # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
    /// use ferrocloud::openstack::compute::v2::servers;
    /// let opts = servers::ListOpts { limit: Some(100), ..Default::default() };
    /// // At most 50 pages of 100 servers; more is an error of kind `Pagination`.
    /// let page = servers::list(&compute, &opts).max_pages(50).all_pages().await?;
    /// # Ok(()) }
    /// ```
    pub fn max_pages(mut self, n: usize) -> Self {
        self.max_pages = Some(n);
        self
    }

    /// For a service that answers a page past the last one with an error rather than an
    /// empty list (Heat's events of one resource: `404` once the marker is the last
    /// event): that status on any page but the first ends the listing. On the first page
    /// it stays an error.
    pub(crate) fn end_status(mut self, status: u16) -> Self {
        self.end_status = Some(status);
        self
    }

    /// A new walk through this listing, starting at its first page.
    fn walk(&self) -> Result<Walk> {
        Ok(Walk::new(
            self.first.clone()?,
            self.client.endpoint().clone(),
            self.style,
            self.max_pages,
        ))
    }
}

impl<T: DeserializeOwned> Pager<T> {
    fn get(&self, url: Url) -> impl Future<Output = Result<Response>> + '_ {
        let mut prepared =
            self.client
                .prepared(Method::GET, url, self.headers.clone(), Body::Empty, None);
        // every page is a request of the listing's operation (traced with its name)
        prepared.operation = Some(self.operation);
        send_prepared(&self.client, prepared, LIST_OK)
    }

    fn scan(&self, r: &Response, keep_items: bool) -> Result<Scan<T>> {
        scan_page::<T>(r.body(), self.items_key, self.style, keep_items).map_err(|e| {
            e.with_request(r.method(), r.url().as_str())
                .with_request_id(r.request_id())
        })
    }

    /// Fetches the walk's next page and decides what follows it: the response and its
    /// items (decoded when `keep_items`), or `None` at the end of the listing.
    async fn step(&self, walk: &mut Walk, keep_items: bool) -> Result<Option<(Response, Vec<T>)>> {
        let Some(url) = walk.next_request()? else {
            return Ok(None);
        };
        let resp = match self.get(url.clone()).await {
            Err(e)
                if walk.pages > 1
                    && self.end_status.is_some()
                    && e.status().map(|s| s.as_u16()) == self.end_status =>
            {
                return Ok(None);
            }
            r => r?,
        };
        let scan = self.scan(&resp, keep_items)?;
        let context = |e: Error| {
            e.with_request(resp.method(), resp.url().as_str())
                .with_request_id(resp.request_id())
        };
        walk.read(&url, &scan).map_err(context)?;
        walk.annotate(context);
        Ok(Some((resp, scan.items)))
    }

    /// Calls `f` with each page in turn, until the last page or until `f` returns
    /// `Ok(false)`. An error from a request or from `f` ends the walk and is returned.
    ///
    /// `f` is a plain closure: it may borrow and change the caller's state, and return
    /// the caller's own error type, as long as that converts from [`Error`]. The walk's
    /// future stays `Send`, so it can run in a spawned task. For async work on each page,
    /// walk [`pages`](Self::pages) instead.
    ///
    /// ```no_run
    /// # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
    /// use ferrocloud::openstack::compute::v2::servers;
    /// let mut names = Vec::new();
    /// servers::list(&compute, &Default::default())
    ///     .each_page(|page| {
    ///         names.extend(servers::extract_servers(&page)?.into_iter().map(|s| s.name));
    ///         Ok::<_, ferrocloud::Error>(names.len() < 500)
    ///     })
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// With an error type of the caller's:
    ///
    /// ```no_run
    /// # async fn demo(compute: ferrocloud::ServiceClient) {
    /// use ferrocloud::openstack::compute::v2::servers;
    /// #[derive(Debug)]
    /// enum AppError { Cloud(ferrocloud::Error), TooMany }
    /// impl From<ferrocloud::Error> for AppError {
    ///     fn from(e: ferrocloud::Error) -> Self { AppError::Cloud(e) }
    /// }
    /// let mut count = 0;
    /// let walked: Result<(), AppError> = servers::list(&compute, &Default::default())
    ///     .each_page(|page| {
    ///         count += servers::extract_servers(&page)?.len();
    ///         if count > 10_000 { return Err(AppError::TooMany) }
    ///         Ok(true)
    ///     })
    ///     .await;
    /// # let _ = walked;
    /// # }
    /// ```
    pub async fn each_page<F, E>(self, mut f: F) -> std::result::Result<(), E>
    where
        F: FnMut(Page<T>) -> std::result::Result<bool, E>,
        E: From<Error>,
    {
        let mut walk = self.walk()?;
        while let Some((resp, items)) = self.step(&mut walk, true).await? {
            let page = Page::with_items(vec![resp], self.items_key, items);
            if !f(page)? {
                break;
            }
        }
        Ok(())
    }

    /// Fetches every page and returns them as one [`Page`].
    pub async fn all_pages(self) -> Result<Page<T>> {
        let mut responses = Vec::new();
        let mut items = Vec::new();
        let mut walk = self.walk()?;
        while let Some((resp, page_items)) = self.step(&mut walk, true).await? {
            items.extend(page_items);
            responses.push(resp);
        }
        Ok(Page::with_items(responses, self.items_key, items))
    }

    /// Fetches every page and returns all the items: the short way to read a whole
    /// listing. For large listings, [`Pager::items`] holds one page at a time instead.
    ///
    /// ```no_run
    /// # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
    /// use ferrocloud::openstack::compute::v2::flavors;
    /// let all: Vec<flavors::Flavor> = flavors::list(&compute, &Default::default()).all().await?;
    /// # Ok(()) }
    /// ```
    pub async fn all(self) -> Result<Vec<T>> {
        self.all_pages().await?.extract()
    }

    /// The pages as a stream, fetched one at a time as the stream is polled.
    pub fn pages(self) -> BoxStream<'static, Result<Page<T>>>
    where
        T: Send + 'static,
    {
        Box::pin(futures::stream::try_unfold(
            (self, None::<Walk>),
            |(pager, walk)| async move {
                let mut walk = match walk {
                    Some(w) => w,
                    None => pager.walk()?,
                };
                match pager.step(&mut walk, false).await? {
                    Some((resp, _)) => {
                        let page = Page::from_responses(vec![resp], pager.items_key);
                        Ok(Some((page, (pager, Some(walk)))))
                    }
                    None => Ok(None),
                }
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
            walk: Option<Walk>,
        }
        let state = State {
            buffer: Vec::new().into_iter(),
            walk: None,
        };
        Box::pin(futures::stream::try_unfold(
            (self, state),
            |(pager, mut st)| async move {
                loop {
                    if let Some(item) = st.buffer.next() {
                        return Ok(Some((item, (pager, st))));
                    }
                    let walk = match &mut st.walk {
                        Some(w) => w,
                        None => st.walk.insert(pager.walk()?),
                    };
                    match pager.step(walk, true).await? {
                        Some((_, items)) => st.buffer = items.into_iter(),
                        None => return Ok(None),
                    }
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
    if style == PageStyle::Lines {
        return scan_lines(body, keep_items);
    }
    let (marker_field, version_field) = match style {
        PageStyle::Marker(f) => (Some(f), None),
        PageStyle::MarkerVersion(f, v) => (Some(f), Some(v)),
        _ => (None, None),
    };
    let mut de = serde_json::Deserializer::from_slice(body);
    let scan = match items_key {
        None => ItemsSeed::<T> {
            keep: keep_items,
            marker_field,
            version_field,
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
                PageStyle::Links(k)
                | PageStyle::LinksKeepQuery(k)
                | PageStyle::RootedLinks(k)
                | PageStyle::Next(k) => Some(k),
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

/// Walks listings whose pages are read from `data` (for the fuzz targets), asserting
/// what a walk guarantees: every request goes to the endpoint's origin, no URL is
/// requested twice, and the only errors are pagination and decode errors.
///
/// The pages are the parts of `data` between record separators (`0x1e`), served in turn
/// and round again, in every style. The whole input is then also tried as a next-page
/// link and as a marker served on every page: such a listing must end within a few
/// requests.
pub(crate) fn fuzz_walk(data: &[u8]) {
    const STEPS: usize = 16;
    let endpoint = Url::parse("http://127.0.0.1/v2/").expect("a constant URL");
    let first = Url::parse("http://127.0.0.1/v2/things?limit=2").expect("a constant URL");
    let same_origin = |u: &Url| {
        u.scheme() == endpoint.scheme()
            && u.host_str() == endpoint.host_str()
            && u.port_or_known_default() == endpoint.port_or_known_default()
            && u.username().is_empty()
            && u.password().is_none()
    };
    let acceptable = |e: &Error| matches!(e.kind(), ErrorKind::Pagination | ErrorKind::Decode);
    let bodies: Vec<&[u8]> = data.split(|b| *b == 0x1e).collect();
    let styles = [
        (Some("things"), PageStyle::Links("things_links")),
        (Some("things"), PageStyle::Links("links")),
        (Some("things"), PageStyle::Next("next")),
        (Some("things"), PageStyle::Marker("name")),
        (None, PageStyle::Marker("name")),
        (Some("things"), PageStyle::Single),
    ];
    for (items_key, style) in styles {
        for limit in [None, Some(3)] {
            let mut walk = Walk::new(first.clone(), endpoint.clone(), style, limit);
            let mut requested = HashSet::new();
            for step in 0..STEPS {
                let url = match walk.next_request() {
                    Ok(Some(u)) => u,
                    Ok(None) => break,
                    Err(e) => {
                        assert!(acceptable(&e), "{e}");
                        assert!(matches!(walk.next_request(), Ok(None)), "one error");
                        break;
                    }
                };
                assert!(limit.is_none_or(|l| step < l), "past the page limit");
                assert!(same_origin(&url), "{url} left the endpoint's origin");
                assert!(requested.insert(url.to_string()), "{url} requested twice");
                let body = bodies[step % bodies.len()];
                let Ok(scan) = scan_page::<IgnoredAny>(body, items_key, style, false) else {
                    break;
                };
                if let Err(e) = walk.read(&url, &scan) {
                    assert!(acceptable(&e), "{e}");
                    assert!(matches!(walk.next_request(), Ok(None)));
                    break;
                }
            }
        }
    }
    let text = String::from_utf8_lossy(data);
    // A link that leads to the same URL from any page: one that parses on its own to the
    // URL it joins to (`http:x/y` parses, but is relative to an http page; a relative
    // link may lead somewhere new from every page, e.g. `../x:/` grows the path).
    let absolute = Url::parse(&text).is_ok_and(|u| first.join(&text).is_ok_and(|j| j == u));
    for style in [PageStyle::Links("links"), PageStyle::Marker("name")] {
        let scan = Scan::<()> {
            items: Vec::new(),
            count: 1,
            next: Some(text.to_string()),
            last_marker: Some(text.to_string()),
        };
        let mut walk = Walk::new(first.clone(), endpoint.clone(), style, None);
        let mut requested = HashSet::new();
        let mut requests = 0;
        while requests < STEPS {
            let url = match walk.next_request() {
                Ok(Some(u)) => u,
                Ok(None) => break,
                Err(e) => {
                    assert!(acceptable(&e), "{e}");
                    break;
                }
            };
            requests += 1;
            assert!(same_origin(&url), "{url} left the endpoint's origin");
            assert!(requested.insert(url.to_string()), "{url} requested twice");
            if let Err(e) = walk.read(&url, &scan) {
                assert!(acceptable(&e), "{e}");
                break;
            }
        }
        // The same marker, or the same absolute link, on every page: two requests at most.
        if matches!(style, PageStyle::Marker(_)) || absolute {
            assert!(requests <= 2, "{requests} requests for a repeated {text:?}");
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
                        version_field: None,
                        _t: PhantomData,
                    })?;
                    scan.items = items;
                    scan.count = count;
                    scan.last_marker = marker;
                }
                Some(1) => {
                    scan.next = match self.style {
                        PageStyle::Links(_)
                        | PageStyle::LinksKeepQuery(_)
                        | PageStyle::RootedLinks(_) => map.next_value::<Links>()?.next(),
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

/// Reads a plain-text page: one item per line (a final line break, and `\r` before
/// one, are not part of an item).
fn scan_lines<T: DeserializeOwned>(body: &[u8], keep: bool) -> Result<Scan<T>> {
    let text =
        std::str::from_utf8(body).map_err(|e| Error::decode("reading a plain-text page", e))?;
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.is_empty())
        .collect();
    let items = if keep {
        lines
            .iter()
            .map(|l| T::deserialize(serde_json::Value::String((*l).to_string())))
            .collect::<std::result::Result<Vec<T>, _>>()
            .map_err(|e| Error::decode("reading a plain-text page", e))?
    } else {
        Vec::new()
    };
    Ok(Scan {
        items,
        count: lines.len(),
        next: None,
        last_marker: lines.last().map(|l| (*l).to_string()),
    })
}

/// A list of items, kept or only counted, with the marker field of the last one.
struct ItemsSeed<'a, T> {
    keep: bool,
    marker_field: Option<&'a str>,
    /// The version field joined to the marker ([`PageStyle::MarkerVersion`]).
    version_field: Option<&'a str>,
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
                    // A pseudo-directory of a delimited Swift listing has only `subdir`.
                    marker = v.get(field).or_else(|| v.get("subdir")).and_then(|m| {
                        m.as_str()
                            .map(str::to_owned)
                            .or_else(|| Some(m.to_string()))
                    });
                    if let (Some(m), Some(version)) = (
                        marker.as_mut(),
                        self.version_field
                            .and_then(|f| v.get(f))
                            .and_then(serde_json::Value::as_str),
                    ) {
                        m.push(VERSION_SEPARATOR);
                        m.push_str(version);
                    }
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

/// Follows a pager to the end and returns every item: the same as [`Pager::all`].
///
/// ```no_run
/// # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::compute::v2::flavors;
/// let all = ferrocloud::pagination::collect(flavors::list(&compute, &Default::default())).await?;
/// # Ok(()) }
/// ```
pub async fn collect<T: DeserializeOwned>(pager: Pager<T>) -> Result<Vec<T>> {
    pager.all().await
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
        let delimited = br#"[{"name": "a"}, {"subdir": "b/"}]"#;
        let s: Scan<serde_json::Value> =
            scan_page(delimited, None, PageStyle::Marker("name"), true).unwrap();
        assert_eq!(s.last_marker.as_deref(), Some("b/"));
    }

    fn endpoint() -> Url {
        Url::parse("https://cloud.example:8774/v2.1/").unwrap()
    }

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    /// A page with one item and this next link and last marker.
    fn page(next: Option<&str>, marker: Option<&str>) -> Scan<()> {
        Scan {
            items: Vec::new(),
            count: 1,
            next: next.map(str::to_owned),
            last_marker: marker.map(str::to_owned),
        }
    }

    #[test]
    fn a_plain_text_listing_is_one_item_per_line() {
        let s: Scan<String> = scan_page(
            "a b\r\nc/d\n\u{e9}\n".as_bytes(),
            None,
            PageStyle::Lines,
            true,
        )
        .unwrap();
        assert_eq!(s.items, ["a b", "c/d", "\u{e9}"]);
        assert_eq!(s.last_marker.as_deref(), Some("\u{e9}"));
        let first = url("https://swift.example/v1/AUTH_a/c?format=plain");
        let mut walk = Walk::new(first, endpoint(), PageStyle::Lines, None);
        let u = first_step(&mut walk, &page(None, Some("c/d"))).unwrap();
        assert_eq!(u.query(), Some("format=plain"));
        let second = walk.next_request().unwrap().unwrap();
        assert_eq!(second.query(), Some("format=plain&marker=c%2Fd"));
        assert!(scan_page::<String>(b"\xff", None, PageStyle::Lines, true).is_err());
    }

    #[test]
    fn a_versions_listing_goes_on_among_one_names_versions() {
        let json = br#"[{"name": "a", "version_id": "3"}, {"name": "a", "version_id": "2"}]"#;
        let s: Scan<serde_json::Value> = scan_page(
            json,
            None,
            PageStyle::MarkerVersion("name", "version_id"),
            true,
        )
        .unwrap();
        assert_eq!(s.last_marker.as_deref(), Some("a\u{0}2"));
        let first = url("https://swift.example/v1/AUTH_a/c?versions=&format=json");
        let style = PageStyle::MarkerVersion("name", "version_id");
        let mut walk = Walk::new(first, endpoint(), style, None);
        let u = first_step(&mut walk, &page(None, Some("a\u{0}2"))).unwrap();
        assert!(u.query().unwrap().starts_with("versions="));
        let second = walk.next_request().unwrap().unwrap();
        assert_eq!(
            second.query(),
            Some("versions=&format=json&marker=a&version_marker=2")
        );
        // The next page moves on within the same name: progress.
        walk.read(&second, &page(None, Some("a\u{0}1"))).unwrap();
        let third = walk.next_request().unwrap().unwrap();
        assert_eq!(
            third.query(),
            Some("versions=&format=json&marker=a&version_marker=1")
        );
        // The same position twice is a loop.
        let e = walk.read(&third, &page(None, Some("a\u{0}2"))).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Pagination);
    }

    /// Requests the first page of a walk and reads `scan` as its answer.
    fn first_step(walk: &mut Walk, scan: &Scan<()>) -> Result<Url> {
        let u = walk.next_request().unwrap().unwrap();
        walk.read(&u, scan).map(|()| u)
    }

    /// Walks a listing whose pages give these next links, and returns the URLs
    /// requested and how the walk ended.
    fn walk_links(links: &[&str], max_pages: Option<usize>) -> (Vec<String>, Result<()>) {
        let first = url("https://cloud.example:8774/v2.1/things");
        let mut walk = Walk::new(first, endpoint(), PageStyle::Links("l"), max_pages);
        let mut requested = Vec::new();
        let mut links = links.iter();
        loop {
            let u = match walk.next_request() {
                Ok(Some(u)) => u,
                Ok(None) => return (requested, Ok(())),
                Err(e) => {
                    assert!(matches!(walk.next_request(), Ok(None)), "one error");
                    return (requested, Err(e));
                }
            };
            requested.push(u.to_string());
            if let Err(e) = walk.read(&u, &page(links.next().copied(), None)) {
                assert!(
                    matches!(walk.next_request(), Ok(None)),
                    "nothing after an error"
                );
                return (requested, Err(e));
            }
        }
    }

    #[test]
    fn links_keeping_the_query_add_back_the_filters_a_link_leaves_out() {
        let first = url("https://cloud.example:8774/v2.1/things?name=web&limit=2&tags=a%2Cb");
        let mut walk = Walk::new(first, endpoint(), PageStyle::LinksKeepQuery("l"), None);
        let u = walk.next_request().unwrap().unwrap();
        walk.read(&u, &page(Some("/v2.1/things?limit=2&marker=x"), None))
            .unwrap();
        let second = walk.next_request().unwrap().unwrap();
        assert_eq!(
            second.as_str(),
            "https://cloud.example:8774/v2.1/things?limit=2&marker=x&name=web&tags=a%2Cb"
        );
        walk.read(&second, &page(Some("/v2.1/things?limit=2&marker=y"), None))
            .unwrap();
        let third = walk.next_request().unwrap().unwrap();
        assert_eq!(
            third.as_str(),
            "https://cloud.example:8774/v2.1/things?limit=2&marker=y&name=web&tags=a%2Cb"
        );
        // The plain style follows the link as written.
        let first = url("https://cloud.example:8774/v2.1/things?name=web");
        let mut walk = Walk::new(first, endpoint(), PageStyle::Links("l"), None);
        let u = walk.next_request().unwrap().unwrap();
        walk.read(&u, &page(Some("/v2.1/things?marker=x"), None))
            .unwrap();
        assert_eq!(
            walk.next_request().unwrap().unwrap().as_str(),
            "https://cloud.example:8774/v2.1/things?marker=x"
        );
    }

    #[test]
    fn links_are_followed_to_the_end() {
        let (reqs, end) = walk_links(
            &[
                "https://cloud.example:8774/v2.1/things?marker=a",
                "/v2.1/things?marker=b",
                "?marker=c",
            ],
            None,
        );
        end.unwrap();
        assert_eq!(
            reqs,
            [
                "https://cloud.example:8774/v2.1/things",
                "https://cloud.example:8774/v2.1/things?marker=a",
                "https://cloud.example:8774/v2.1/things?marker=b",
                "https://cloud.example:8774/v2.1/things?marker=c",
            ]
        );
    }

    #[test]
    fn a_link_cycle_is_a_pagination_error() {
        let (reqs, end) = walk_links(
            &[
                "https://cloud.example:8774/v2.1/things?page=2",
                "https://cloud.example:8774/v2.1/things",
            ],
            None,
        );
        assert_eq!(reqs.len(), 2);
        let e = end.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Pagination);
        let msg = e.to_string();
        assert!(msg.contains("already requested"), "{msg}");
        assert!(msg.contains("/v2.1/things"), "{msg}");
        assert!(msg.contains("after 2 pages"), "{msg}");
    }

    #[test]
    fn a_bad_link_is_an_error_only_when_the_next_page_is_needed() {
        let first = url("https://cloud.example:8774/v2.1/things");
        let mut walk = Walk::new(first, endpoint(), PageStyle::Links("l"), None);
        // Reading the page is fine: a caller may stop here.
        first_step(&mut walk, &page(Some("https://evil.example/x"), None)).unwrap();
        walk.annotate(|e| e.with_request(&Method::GET, "https://cloud.example:8774/v2.1/p1"));
        let e = walk.next_request().unwrap_err();
        assert!(e.to_string().contains("refused"), "{e}");
        assert_eq!(e.url(), Some("https://cloud.example:8774/v2.1/p1"));
        assert!(matches!(walk.next_request(), Ok(None)));
        // Annotating a walk that can go on keeps its next page.
        let first = url("https://cloud.example:8774/v2.1/things");
        let mut walk = Walk::new(first, endpoint(), PageStyle::Links("l"), None);
        first_step(&mut walk, &page(Some("?marker=a"), None)).unwrap();
        walk.annotate(|e| e.with_request(&Method::GET, "x"));
        assert!(walk.next_request().unwrap().is_some());
    }

    #[test]
    fn a_changing_link_with_the_same_marker_is_a_pagination_error() {
        let (reqs, end) = walk_links(
            &[
                "/v2.1/things?marker=b&x=1",
                "/v2.1/things?marker=b&x=2",
                "/v2.1/things?marker=b&x=3",
            ],
            None,
        );
        assert_eq!(reqs.len(), 2);
        let msg = end.unwrap_err().to_string();
        assert!(msg.contains("marker \"b\""), "{msg}");
        assert!(msg.contains("x=2"), "{msg}");
    }

    #[test]
    fn root_relative_next_links_continue_the_endpoints_path() {
        let rooted = |endpoint: &str, href: &str| {
            let walk = Walk::new(url(endpoint), url(endpoint), PageStyle::Next("next"), None);
            walk.rooted(href).into_owned()
        };
        let link = "/v2/images?marker=a";
        assert_eq!(
            rooted("https://cloud/image", link),
            "/image/v2/images?marker=a"
        );
        assert_eq!(
            rooted("https://cloud/image/", link),
            "/image/v2/images?marker=a"
        );
        assert_eq!(
            rooted("https://cloud/image/v2/", link),
            "/image/v2/images?marker=a"
        );
        assert_eq!(
            rooted("https://cloud/image/v2", link),
            "/image/v2/images?marker=a"
        );
        assert_eq!(rooted("https://cloud:9292/", link), link);
        assert_eq!(rooted("https://cloud:9292/v2/", link), link);
        assert_eq!(
            rooted("https://cloud/image", "/image/v2/images?marker=a"),
            "/image/v2/images?marker=a"
        );
        assert_eq!(rooted("https://cloud/image", "?marker=a"), "?marker=a");
        assert_eq!(
            rooted("https://cloud/image", "https://other/v2/images"),
            "https://other/v2/images"
        );
    }

    #[test]
    fn the_first_pages_marker_counts_as_sent() {
        let first = url("https://cloud.example:8774/v2.1/things?marker=m");
        let mut walk = Walk::new(first, endpoint(), PageStyle::Next("next"), None);
        first_step(&mut walk, &page(Some("?marker=m&limit=5"), None)).unwrap();
        let e = walk.next_request().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Pagination);
        assert!(
            matches!(walk.next_request(), Ok(None)),
            "one error, then the end"
        );
    }

    #[test]
    fn a_link_to_the_page_just_read_ends_the_listing() {
        let (reqs, end) = walk_links(
            &[
                "/v2.1/things?marker=a",
                "https://cloud.example:8774/v2.1/things?marker=a#top",
            ],
            None,
        );
        end.unwrap();
        assert_eq!(reqs.len(), 2);
    }

    #[test]
    fn a_stuck_marker_is_a_pagination_error() {
        let first = url("https://cloud.example:8774/v2.1/things?format=json");
        let mut walk = Walk::new(first, endpoint(), PageStyle::Marker("name"), None);
        first_step(&mut walk, &page(None, Some("b"))).unwrap();
        let second = walk.next_request().unwrap().unwrap();
        assert_eq!(second.query(), Some("format=json&marker=b"));
        let e = walk.read(&second, &page(None, Some("b"))).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Pagination);
        assert!(e.to_string().contains("marker \"b\""), "{e}");
        assert!(e.to_string().contains("after 2 pages"), "{e}");
        assert!(matches!(walk.next_request(), Ok(None)));
        // An older marker coming back is caught too.
        let first = url("https://cloud.example:8774/v2.1/things");
        let mut walk = Walk::new(first, endpoint(), PageStyle::Marker("name"), None);
        first_step(&mut walk, &page(None, Some("a"))).unwrap();
        let u = walk.next_request().unwrap().unwrap();
        walk.read(&u, &page(None, Some("b"))).unwrap();
        let u = walk.next_request().unwrap().unwrap();
        let e = walk.read(&u, &page(None, Some("a"))).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Pagination);
    }

    #[test]
    fn empty_pages_and_single_pages_end() {
        let first = url("https://cloud.example:8774/v2.1/things");
        let mut walk = Walk::new(first.clone(), endpoint(), PageStyle::Marker("name"), None);
        let empty = Scan::<()> {
            items: Vec::new(),
            count: 0,
            next: Some("?marker=z".into()),
            last_marker: None,
        };
        first_step(&mut walk, &empty).unwrap();
        assert!(matches!(walk.next_request(), Ok(None)));
        let mut walk = Walk::new(first, endpoint(), PageStyle::Single, None);
        first_step(&mut walk, &page(Some("?marker=z"), Some("z"))).unwrap();
        assert!(matches!(walk.next_request(), Ok(None)));
    }

    #[test]
    fn the_page_limit_is_an_error_not_a_truncation() {
        let links = ["?page=2", "?page=3", "?page=4"];
        let (reqs, end) = walk_links(&links, Some(2));
        assert_eq!(reqs.len(), 2);
        let e = end.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Pagination);
        assert!(e.to_string().contains("more than 2 pages"), "{e}");
        // Exactly at the limit: fine.
        let (reqs, end) = walk_links(&links, Some(4));
        end.unwrap();
        assert_eq!(reqs.len(), 4);
        // No limit.
        let (reqs, end) = walk_links(&links, None);
        end.unwrap();
        assert_eq!(reqs.len(), 4);
        let (reqs, end) = walk_links(&links, Some(0));
        assert!(reqs.is_empty());
        assert!(end.unwrap_err().to_string().contains("more than 0 pages"));
    }

    /// What a walk does with a next-page link from the first page: the URL it requests
    /// next, or the error.
    fn admitted(link: &str) -> Result<Option<String>> {
        let first = url("https://cloud.example:8774/v2.1/things");
        let mut walk = Walk::new(first, endpoint(), PageStyle::Links("l"), None);
        first_step(&mut walk, &page(Some(link), None))?;
        Ok(walk.next_request()?.map(|u| u.to_string()))
    }

    #[test]
    fn links_are_followed_on_the_endpoints_origin_only() {
        // Same origin: followed, whatever the path; user info and fragment dropped.
        for (link, want) in [
            (
                "https://cloud.example:8774/v2.1/things?marker=a",
                "https://cloud.example:8774/v2.1/things?marker=a",
            ),
            (
                "https://CLOUD.example:8774/other?marker=a#frag",
                "https://cloud.example:8774/other?marker=a",
            ),
            (
                "https://u:p@cloud.example:8774/v2.1/things?marker=a",
                "https://cloud.example:8774/v2.1/things?marker=a",
            ),
            // Another origin, a path under the endpoint's: rebased.
            (
                "http://controller:8774/v2.1/things?marker=a",
                "https://cloud.example:8774/v2.1/things?marker=a",
            ),
            (
                "https://cloud.example:9999/v2.1/things?marker=a",
                "https://cloud.example:8774/v2.1/things?marker=a",
            ),
            (
                "//elsewhere/v2.1/things?marker=a",
                "https://cloud.example:8774/v2.1/things?marker=a",
            ),
            (
                "http://u:p@controller/v2.1",
                "https://cloud.example:8774/v2.1",
            ),
        ] {
            assert_eq!(admitted(link).unwrap().as_deref(), Some(want), "{link}");
        }
        // Another origin, a path outside the endpoint's, or not http(s): refused.
        for link in [
            "https://evil.example/steal?marker=a",
            "http://controller:8774/v2.10/things",
            "https://cloud.example:8775/v2/things",
            "http://cloud.example:8774/identity/v3/users",
            "ftp://cloud.example:8774/v2.1/things",
            "file:///v2.1/things",
            "javascript:alert(1)",
            "data:text/plain,v2.1",
        ] {
            let e = admitted(link).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Pagination, "{link}");
            assert!(e.to_string().contains("refused"), "{e}");
        }
        // A link that is no URL at all is a decode error.
        let e = admitted("http://[::1").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Decode);
    }

    #[test]
    fn error_messages_show_links_without_secrets() {
        let e = admitted("https://evil.example/x?token=s3cret&marker=a").unwrap_err();
        let msg = e.to_string();
        assert!(!msg.contains("s3cret"), "{msg}");
        assert!(msg.contains("evil.example"), "{msg}");
        let long = format!("?marker={}", "é".repeat(500));
        let (_, end) = walk_links(&[&long, &format!("{long}&x=1")], None);
        let msg = end.unwrap_err().to_string();
        assert!(msg.len() < 1000, "{}", msg.len());
    }

    #[test]
    fn the_fuzz_walk_holds_on_samples() {
        for body in [
            &br#"{"things": [{"name": "a"}], "things_links": [{"rel": "next", "href": "http://x/v2/things?marker=a"}]}"#[..],
            br#"{"things": [{"name": "a"}], "links": {"next": "http://evil/steal"}}"#,
            br#"{"things": [{"name": "a"}], "next": "/v2/things?marker=a"}"#,
            br#"[{"name": "a"}, {"name": "a"}]"#,
            b"{\"things\": [1], \"next\": \"?page=2\"}\x1e{\"things\": [1], \"next\": \"?page=1\"}",
            b"?marker=a",
            b"http://127.0.0.1:80/v2/things?limit=2",
            b"http:e/ngs?marke",
            b"../../../x:/??marker=`marker=a/x:/??marker=`marker=a",
            b"http:v2/t//user:pw@127.0.0.1:80/v2/t",
            b"",
        ] {
            fuzz_walk(body);
        }
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
