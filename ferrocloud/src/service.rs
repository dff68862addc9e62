//! The service client: a provider plus one service's endpoint.

use std::sync::Arc;

use http::HeaderMap;
use http::header::{HeaderName, HeaderValue};
use url::Url;

use crate::operation::Declared;
use crate::request::RequestBuilder;
use crate::{Error, Operation, ProviderClient, Result};

struct Inner {
    provider: ProviderClient,
    endpoint: Url,
    resource_base: Url,
    service_type: String,
    microversion: Option<String>,
    headers: HeaderMap,
    retry: Option<crate::retry::RetryPolicy>,
    limiter: Option<std::sync::Arc<crate::retry::Limiter>>,
}

/// A client for one service: the provider, the endpoint found in the catalog, the
/// resource base that operation paths are joined to, the service type, an optional
/// microversion and extra headers. Cheap to clone.
///
/// ```
/// use ferrocloud::{ProviderClient, ServiceClient};
/// let provider = ProviderClient::builder("http://keystone:5000/v3").build().unwrap();
/// let compute = ServiceClient::new(provider, "compute", "http://nova:8774/v2.1", None)
///     .unwrap()
///     .with_microversion("2.79");
/// assert_eq!(compute.resource_base().as_str(), "http://nova:8774/v2.1/");
/// assert_eq!(compute.microversion(), Some("2.79"));
/// ```
#[derive(Clone)]
pub struct ServiceClient {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for ServiceClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceClient")
            .field("service_type", &self.inner.service_type)
            .field("endpoint", &self.inner.endpoint.as_str())
            .field("resource_base", &self.inner.resource_base.as_str())
            .field("microversion", &self.inner.microversion)
            .finish_non_exhaustive()
    }
}

fn with_slash(mut u: Url) -> Url {
    if !u.path().ends_with('/') {
        let p = format!("{}/", u.path());
        u.set_path(&p);
    }
    u
}

impl ServiceClient {
    /// A service client for `endpoint`. `version_suffix` (e.g. `"v2.0"`) is appended to
    /// form the resource base unless the endpoint already ends with it.
    pub fn new(
        provider: ProviderClient,
        service_type: impl Into<String>,
        endpoint: &str,
        version_suffix: Option<&str>,
    ) -> Result<Self> {
        let endpoint = with_slash(Url::parse(endpoint).map_err(|e| {
            Error::invalid_input(format!("endpoint {endpoint:?} is not a URL: {e}"))
        })?);
        let resource_base = match version_suffix {
            Some(v)
                if !endpoint
                    .path()
                    .trim_end_matches('/')
                    .ends_with(&format!("/{v}")) =>
            {
                with_slash(
                    endpoint
                        .join(v)
                        .map_err(|e| Error::invalid_input(e.to_string()))?,
                )
            }
            _ => endpoint.clone(),
        };
        Ok(ServiceClient {
            inner: Arc::new(Inner {
                provider,
                endpoint,
                resource_base,
                service_type: service_type.into(),
                microversion: None,
                headers: HeaderMap::new(),
                retry: None,
                limiter: None,
            }),
        })
    }

    fn modified(&self, f: impl FnOnce(&mut Inner)) -> Self {
        let mut inner = Inner {
            provider: self.inner.provider.clone(),
            endpoint: self.inner.endpoint.clone(),
            resource_base: self.inner.resource_base.clone(),
            service_type: self.inner.service_type.clone(),
            microversion: self.inner.microversion.clone(),
            headers: self.inner.headers.clone(),
            retry: self.inner.retry.clone(),
            limiter: self.inner.limiter.clone(),
        };
        f(&mut inner);
        ServiceClient {
            inner: Arc::new(inner),
        }
    }

    /// The same client pinned to a microversion, sent in the header(s) the service reads.
    pub fn with_microversion(&self, version: impl Into<String>) -> Self {
        let v = version.into();
        self.modified(|i| i.microversion = Some(v))
    }

    /// The same client without a microversion (the service's base version).
    ///
    /// ```
    /// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
    /// let c = ferrocloud::ServiceClient::new(p, "compute", "http://n/v2.1", None).unwrap();
    /// assert_eq!(c.with_microversion("2.1").without_microversion().microversion(), None);
    /// ```
    pub fn without_microversion(&self) -> Self {
        self.modified(|i| i.microversion = None)
    }

    /// The same client with an extra header on every request.
    ///
    /// ```
    /// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
    /// let c = ferrocloud::ServiceClient::new(p, "compute", "http://n/v2.1", None).unwrap()
    ///     .with_header("x-openstack-request-id", "req-123").unwrap();
    /// assert_eq!(c.extra_headers()["x-openstack-request-id"], "req-123");
    /// ```
    pub fn with_header(&self, name: &str, value: &str) -> Result<Self> {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::invalid_input(format!("{name:?} is not a header name")))?;
        let value = HeaderValue::from_str(value)
            .map_err(|_| Error::invalid_input(format!("bad value for header {name}")))?;
        Ok(self.modified(|i| {
            i.headers.insert(name, value);
        }))
    }

    /// The same client with its own retry policy (instead of the provider's).
    ///
    /// ```
    /// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
    /// let c = ferrocloud::ServiceClient::new(p, "compute", "http://n/v2.1", None).unwrap()
    ///     .with_retry(ferrocloud::retry::RetryPolicy::none());
    /// ```
    pub fn with_retry(&self, policy: crate::retry::RetryPolicy) -> Self {
        self.modified(|i| i.retry = Some(policy))
    }

    /// The same client with a rate limit of its own (on top of the provider's).
    ///
    /// ```
    /// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
    /// let c = ferrocloud::ServiceClient::new(p, "compute", "http://n/v2.1", None).unwrap()
    ///     .with_rate_limit(ferrocloud::retry::RateLimit::new().max_in_flight(4));
    /// ```
    pub fn with_rate_limit(&self, limit: crate::retry::RateLimit) -> Self {
        let l = crate::retry::Limiter::new(&limit);
        self.modified(|i| i.limiter = l)
    }

    /// A prepared request carrying this client's pipeline settings.
    pub(crate) fn prepared(
        &self,
        method: http::Method,
        url: Url,
        headers: HeaderMap,
        body: crate::provider::Body,
        timeout: Option<std::time::Duration>,
    ) -> crate::provider::Prepared {
        crate::provider::Prepared {
            method,
            url,
            headers,
            body,
            authenticated: true,
            timeout,
            retry: self.inner.retry.clone(),
            limiter: self.inner.limiter.clone(),
            reauth: true,
            for_auth: false,
            operation: None,
        }
    }

    /// The provider underneath.
    pub fn provider(&self) -> &ProviderClient {
        &self.inner.provider
    }

    /// The endpoint from the catalog (with a trailing `/`).
    pub fn endpoint(&self) -> &Url {
        &self.inner.endpoint
    }

    /// The URL operation paths are joined to.
    pub fn resource_base(&self) -> &Url {
        &self.inner.resource_base
    }

    /// The service type.
    pub fn service_type(&self) -> &str {
        &self.inner.service_type
    }

    /// The pinned microversion, if any.
    pub fn microversion(&self) -> Option<&str> {
        self.inner.microversion.as_deref()
    }

    /// The extra headers sent with every request.
    pub fn extra_headers(&self) -> &HeaderMap {
        &self.inner.headers
    }

    /// The headers every request of this client carries: the microversion headers and
    /// the extra ones.
    pub(crate) fn default_headers(&self) -> HeaderMap {
        let mut h = self.inner.headers.clone();
        if let Some(v) = &self.inner.microversion {
            for (name, value) in microversion_headers(&self.inner.service_type, v) {
                if let Ok(value) = HeaderValue::from_str(&value) {
                    h.insert(name, value);
                }
            }
        }
        h
    }

    /// The URL of an operation with its path parameters filled in.
    pub fn url_for(&self, op: &Operation, params: &[&str]) -> Result<Url> {
        let path = op.render(params)?;
        self.inner
            .resource_base
            .join(&path)
            .map_err(|e| Error::invalid_input(format!("{}: {e}", op.path)))
    }

    /// Starts a request for an operation. See [`RequestBuilder`].
    ///
    /// ```
    /// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
    /// let c = ferrocloud::ServiceClient::new(p, "compute", "http://n/v2.1", None).unwrap();
    /// let req = c.request(&ferrocloud::openstack::compute::v2::servers::GET, &["abc"]);
    /// assert_eq!(req.url().unwrap().as_str(), "http://n/v2.1/servers/abc");
    /// ```
    pub fn request<O: Declared + ?Sized>(
        &self,
        op: &'static O,
        params: &[&str],
    ) -> RequestBuilder<O::Response> {
        let op = op.as_operation();
        RequestBuilder::new(self.clone(), op, self.url_for(op, params))
    }
}

impl ServiceClient {
    /// Starts a request that no declared operation describes: `method` on `path`,
    /// relative to the resource base (a leading `/` is ignored; a query string is kept;
    /// a URL of another origin is refused),
    /// with everything else a declared request gets (token, re-authentication,
    /// microversion headers, retries, timeouts, size caps). Its answer is read with
    /// [`send_raw`](RequestBuilder::send_raw) or
    /// [`send_streaming`](RequestBuilder::send_streaming); any 2xx status is accepted
    /// unless [`ok_codes`](RequestBuilder::ok_codes) says otherwise.
    ///
    /// For exploring an API and for the command line's escape hatch; resource
    /// functions use [`request`](Self::request) with their declared operation.
    ///
    /// ```
    /// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
    /// use ferrocloud::http::Method;
    /// let c = ferrocloud::ServiceClient::new(p, "compute", "http://n/v2.1", None).unwrap();
    /// let req = c.raw(Method::GET, "/servers/detail?limit=2").unwrap();
    /// assert_eq!(req.url().unwrap().as_str(), "http://n/v2.1/servers/detail?limit=2");
    /// assert!(c.raw(Method::from_bytes(b"PURGE").unwrap(), "x").is_err());
    /// // Never to another host: the token would go with it.
    /// assert!(c.raw(Method::GET, "http://elsewhere.example/servers").is_err());
    /// ```
    pub fn raw(&self, method: http::Method, path: &str) -> Result<RequestBuilder<()>> {
        let op = raw_operation(&method).ok_or_else(|| {
            Error::invalid_input(format!(
                "{method} is not a method a raw request can send (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, COPY)"
            ))
        })?;
        let base = &self.inner.resource_base;
        let url = base
            .join(path.trim_start_matches('/'))
            .map_err(|e| Error::invalid_input(format!("{path:?}: {e}")))?;
        // The token goes only to the service's own origin: a full URL elsewhere is refused.
        if url.origin() != base.origin() {
            return Err(Error::invalid_input(format!(
                "{path:?} leaves the {} endpoint; give a path relative to it",
                self.inner.service_type
            )));
        }
        Ok(RequestBuilder::new(self.clone(), op, Ok(url)).ok_codes(&ANY_SUCCESS))
    }
}

/// Every 2xx status: what a raw request accepts by default.
const ANY_SUCCESS: [u16; 100] = {
    let mut codes = [0u16; 100];
    let mut i = 0;
    while i < 100 {
        codes[i] = 200 + i as u16;
        i += 1;
    }
    codes
};

/// The operation a raw request is traced as: `<method> *` of service `raw`.
fn raw_operation(method: &http::Method) -> Option<&'static Operation> {
    use crate::operation::Verb;
    static GET: Operation = Operation::new("raw", http::Method::GET, "*");
    static HEAD: Operation = Operation::new("raw", http::Method::HEAD, "*");
    static POST: Operation = Operation::new("raw", http::Method::POST, "*");
    static PUT: Operation = Operation::new("raw", http::Method::PUT, "*");
    static PATCH: Operation = Operation::new("raw", http::Method::PATCH, "*");
    static DELETE: Operation = Operation::new("raw", http::Method::DELETE, "*");
    static OPTIONS: Operation = Operation::new("raw", http::Method::OPTIONS, "*");
    static COPY: Operation = Operation::with_verb("raw", Verb::extension("COPY"), "*");
    Some(match method.as_str() {
        "GET" => &GET,
        "HEAD" => &HEAD,
        "POST" => &POST,
        "PUT" => &PUT,
        "PATCH" => &PATCH,
        "DELETE" => &DELETE,
        "OPTIONS" => &OPTIONS,
        "COPY" => &COPY,
        _ => return None,
    })
}

/// The headers that carry a microversion for a service type: the service-specific legacy
/// header where there is one, and `OpenStack-API-Version: <type> <version>`.
///
/// ```
/// let h = ferrocloud::service::microversion_headers("compute", "2.79");
/// assert_eq!(h[0].1, "2.79");
/// assert_eq!(h[1].1, "compute 2.79");
/// let h = ferrocloud::service::microversion_headers("container-infrastructure-management", "1.10");
/// assert_eq!(h[0].1, "container-infra 1.10");
/// // Cyborg reads a bare version (`accelerator 2.2` would be read as 2.0).
/// assert_eq!(ferrocloud::service::microversion_headers("accelerator", "2.2")[0].1, "2.2");
/// // Ironic Inspector reads its own header (the API reference also names the standard one).
/// let h = ferrocloud::service::microversion_headers("baremetal-introspection", "1.18");
/// assert_eq!(h[0].0.as_str(), "x-openstack-ironic-inspector-api-version");
/// assert_eq!(h[0].1, "1.18");
/// assert_eq!(h[1].1, "baremetal-introspection 1.18");
/// ```
pub fn microversion_headers(service_type: &str, version: &str) -> Vec<(HeaderName, String)> {
    let (legacy, name) = match service_type {
        "compute" => (Some("x-openstack-nova-api-version"), "compute"),
        "block-storage" | "volume" | "volumev2" | "volumev3" => {
            (Some("x-openstack-volume-api-version"), "volume")
        }
        "shared-file-system" | "share" | "sharev2" => {
            (Some("x-openstack-manila-api-version"), "shared-file-system")
        }
        "baremetal" => (Some("x-openstack-ironic-api-version"), "baremetal"),
        "baremetal-introspection" => (
            Some("x-openstack-ironic-inspector-api-version"),
            "baremetal-introspection",
        ),
        // Magnum, Zun and Masakari read only `OpenStack-API-Version`, under these names.
        "container-infrastructure-management" | "container-infra" => (None, "container-infra"),
        "application-container" | "container" => (None, "container"),
        "instance-ha" | "ha" => (None, "instance-ha"),
        // Cyborg reads `OpenStack-API-Version` as a bare `major.minor` and takes any
        // other value for its minimum (2.0).
        "accelerator" => {
            return vec![(
                HeaderName::from_static("openstack-api-version"),
                version.to_string(),
            )];
        }
        other => (None, other),
    };
    let mut out = Vec::new();
    if let Some(l) = legacy {
        out.push((HeaderName::from_static(l), version.to_string()));
    }
    out.push((
        HeaderName::from_static("openstack-api-version"),
        format!("{name} {version}"),
    ));
    out
}
