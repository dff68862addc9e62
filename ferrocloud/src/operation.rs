//! Operations as data.
//!
//! Every API call the SDK makes is declared once as an [`Operation`]: the service type,
//! the HTTP method, the path template relative to the service's resource base, and the
//! microversion that introduced it. The resource functions build their requests *from*
//! these declarations (so they cannot drift from what is sent), and the coverage report
//! reads the same declarations to compare the SDK with the official API reference.
//!
//! ```
//! use ferrocloud::Operation;
//! use http::Method;
//!
//! const GET_THING: Operation = Operation::new("compute", Method::GET, "/things/{thing_id}");
//! assert_eq!(GET_THING.render(&["a b"]).unwrap(), "things/a%20b");
//! assert!(GET_THING.render(&[]).is_err());
//! ```

use std::marker::PhantomData;

use http::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{Error, ErrorKind, Result};

/// The type of an operation's request or response body, for the conformance checks:
/// which Rust type reads it, under which envelope key, as one value or a list.
#[derive(Clone, Copy)]
pub struct BodySpec {
    /// The Rust type's name.
    pub type_name: &'static str,
    /// The key the body wraps the value in, if any.
    pub envelope: Option<&'static str>,
    /// True when the value is a list of items (a listing).
    pub list: bool,
    check: CheckFn,
    roundtrip: Option<RoundtripFn>,
    decode_bytes: DecodeFn,
}

type CheckFn = fn(&Value) -> std::result::Result<Vec<String>, String>;
type RoundtripFn = fn(&Value) -> std::result::Result<Value, String>;
type DecodeFn = fn(&[u8], Option<&str>) -> crate::Result<()>;

fn decode_one<T: DeserializeOwned>(body: &[u8], envelope: Option<&str>) -> crate::Result<()> {
    crate::request::decode::<T>(body, envelope).map(drop)
}

fn decode_list<T: DeserializeOwned>(body: &[u8], envelope: Option<&str>) -> crate::Result<()> {
    crate::request::decode::<Vec<T>>(body, envelope).map(drop)
}

impl std::fmt::Debug for BodySpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BodySpec")
            .field("type_name", &self.type_name)
            .field("envelope", &self.envelope)
            .field("list", &self.list)
            .finish()
    }
}

impl PartialEq for BodySpec {
    fn eq(&self, other: &Self) -> bool {
        self.type_name == other.type_name
            && self.envelope == other.envelope
            && self.list == other.list
    }
}

impl Eq for BodySpec {}

fn check_one<T: DeserializeOwned>(v: &Value) -> std::result::Result<Vec<String>, String> {
    let mut dropped = Vec::new();
    serde_ignored::deserialize::<_, _, T>(v, |path| dropped.push(path.to_string()))
        .map_err(|e| e.to_string())?;
    Ok(dropped)
}

fn check_list<T: DeserializeOwned>(v: &Value) -> std::result::Result<Vec<String>, String> {
    let items = v.as_array().ok_or("expected a list")?;
    let mut dropped = Vec::new();
    for (i, item) in items.iter().enumerate() {
        for p in check_one::<T>(item).map_err(|e| format!("item {i}: {e}"))? {
            dropped.push(format!("[{i}].{p}"));
        }
    }
    Ok(dropped)
}

fn roundtrip_one<T: DeserializeOwned + Serialize>(v: &Value) -> std::result::Result<Value, String> {
    let t = T::deserialize(v).map_err(|e| e.to_string())?;
    serde_json::to_value(&t).map_err(|e| e.to_string())
}

impl BodySpec {
    /// A body holding one `T` (under `envelope`).
    pub const fn one<T: DeserializeOwned>(
        type_name: &'static str,
        envelope: Option<&'static str>,
    ) -> Self {
        BodySpec {
            type_name,
            envelope,
            list: false,
            check: check_one::<T>,
            roundtrip: None,
            decode_bytes: decode_one::<T>,
        }
    }

    /// A body holding a list of `T` (under `envelope`).
    pub const fn list<T: DeserializeOwned>(
        type_name: &'static str,
        envelope: Option<&'static str>,
    ) -> Self {
        BodySpec {
            type_name,
            envelope,
            list: true,
            check: check_list::<T>,
            roundtrip: None,
            decode_bytes: decode_list::<T>,
        }
    }

    /// A request body: one `T` that also serializes, so that the SDK's rendering of a
    /// sample can be compared with the sample.
    pub const fn request<T: DeserializeOwned + Serialize>(
        type_name: &'static str,
        envelope: Option<&'static str>,
    ) -> Self {
        BodySpec {
            type_name,
            envelope,
            list: false,
            check: check_one::<T>,
            roundtrip: Some(roundtrip_one::<T>),
            decode_bytes: decode_one::<T>,
        }
    }

    fn inner<'v>(&self, body: &'v Value) -> Result<&'v Value> {
        match self.envelope {
            None => Ok(body),
            Some(k) => body
                .get(k)
                .ok_or_else(|| Error::new(ErrorKind::Decode, format!("the body has no {k:?} key"))),
        }
    }

    /// Decodes a sample body with the SDK's type and returns the paths of the fields the
    /// type ignored (fields the SDK drops).
    ///
    /// ```
    /// use ferrocloud::openstack::compute::v2::flavors;
    /// let spec = flavors::GET.response.unwrap();
    /// let body = serde_json::json!({"flavor": {"id": "1", "name": "tiny", "ram": 512, "vcpus": 1,
    ///     "disk": 1, "swap": 0, "OS-FLV-EXT-DATA:ephemeral": 0, "os-flavor-access:is_public": true,
    ///     "links": [], "unknown": true}});
    /// assert_eq!(spec.check(&body).unwrap(), vec!["unknown".to_string()]);
    /// ```
    pub fn check(&self, body: &Value) -> Result<Vec<String>> {
        let inner = self.inner(body)?;
        (self.check)(inner)
            .map_err(|e| Error::new(ErrorKind::Decode, format!("{}: {e}", self.type_name)))
    }

    /// Like [`check`](Self::check), with `extensions`: types read from the same objects
    /// as this one (each item of a listing), each a [`BodySpec::one`] without an
    /// envelope. The body must decode with every type; a field is dropped only when
    /// every type drops it (or a field that contains it).
    ///
    /// ```
    /// use ferrocloud::operation::BodySpec;
    /// #[derive(serde::Deserialize)]
    /// struct Thing { id: String }
    /// #[derive(serde::Deserialize)]
    /// struct Colour { colour: Option<String> }
    /// let spec = BodySpec::list::<Thing>("Thing", Some("things"));
    /// let colour = [BodySpec::one::<Colour>("Colour", None)];
    /// let body = serde_json::json!({"things": [{"id": "1", "colour": "red", "size": 2}]});
    /// assert_eq!(spec.check(&body).unwrap(), ["[0].colour", "[0].size"]);
    /// assert_eq!(spec.check_extended(&body, &colour).unwrap(), ["[0].size"]);
    /// ```
    pub fn check_extended(&self, body: &Value, extensions: &[BodySpec]) -> Result<Vec<String>> {
        let base = self.check(body)?;
        if extensions.is_empty() {
            return Ok(base);
        }
        let inner = self.inner(body)?;
        // A listing, or a request type that is a list (`Vec<CreateOpts>` for bulk creation).
        let objects: Vec<(String, &Value)> = if self.list || inner.is_array() {
            inner
                .as_array()
                .map(|items| {
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| (format!("[{i}]."), v))
                        .collect()
                })
                .unwrap_or_default()
        } else {
            vec![(String::new(), inner)]
        };
        let mut reports = vec![base];
        for ext in extensions {
            let mut dropped = Vec::new();
            for (prefix, object) in &objects {
                let paths = (ext.check)(object).map_err(|e| {
                    Error::new(ErrorKind::Decode, format!("{}: {e}", ext.type_name))
                })?;
                dropped.extend(paths.into_iter().map(|p| format!("{prefix}{p}")));
            }
            reports.push(dropped);
        }
        // A path is dropped by a type when it reports the path or a field containing it.
        let covers = |report: &[String], path: &str| {
            report.iter().any(|r| {
                path == r
                    || path
                        .strip_prefix(r.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        };
        let candidates: std::collections::BTreeSet<&String> = reports.iter().flatten().collect();
        Ok(candidates
            .into_iter()
            .filter(|p| reports.iter().all(|r| covers(r, p)))
            .cloned()
            .collect())
    }

    /// Decodes raw body bytes the way a response is decoded (one pass, envelope
    /// included), for fuzzing: any input gives `Ok` or an error, never a panic.
    ///
    /// ```
    /// let spec = ferrocloud::openstack::compute::v2::flavors::GET.response.unwrap();
    /// assert!(spec.decode(br#"{"flavor": {"id": "1", "name": "tiny", "ram": 512, "vcpus": 1,
    ///     "disk": 1, "swap": 0, "OS-FLV-EXT-DATA:ephemeral": 0, "os-flavor-access:is_public": true,
    ///     "links": []}}"#).is_ok());
    /// assert!(spec.decode(br#"{"flavor": {"id": "1"}}"#).is_err());
    /// assert!(spec.decode(b"{").is_err());
    /// ```
    pub fn decode(&self, body: &[u8]) -> crate::Result<()> {
        (self.decode_bytes)(body, self.envelope)
    }

    /// [`roundtrip`](Self::roundtrip) with extension types that serialize: each object
    /// (each item of a list) is rendered by the base type, and by every extension from
    /// the same sample object, and the renderings are merged.
    pub fn roundtrip_extended(
        &self,
        body: &Value,
        extensions: &[BodySpec],
    ) -> Option<Result<Value>> {
        let mut rendered = match self.roundtrip(body)? {
            Ok(v) => v,
            Err(e) => return Some(Err(e)),
        };
        if extensions.is_empty() {
            return Some(Ok(rendered));
        }
        let merge = |target: &mut Value, source: &Value| -> Result<()> {
            for ext in extensions {
                let Some(f) = ext.roundtrip else { continue };
                let v = f(source).map_err(|e| {
                    Error::new(ErrorKind::Decode, format!("{}: {e}", ext.type_name))
                })?;
                if let (Value::Object(t), Value::Object(v)) = (&mut *target, v) {
                    t.extend(v);
                }
            }
            Ok(())
        };
        let result = (|| {
            let original = self.inner(body)?;
            let out = match self.envelope {
                Some(k) => rendered.get_mut(k).ok_or_else(|| {
                    Error::new(ErrorKind::Decode, format!("the rendering has no {k:?} key"))
                })?,
                None => &mut rendered,
            };
            match (out, original) {
                (Value::Array(outs), Value::Array(origs)) => {
                    for (o, s) in outs.iter_mut().zip(origs) {
                        merge(o, s)?;
                    }
                }
                (o, s) => merge(o, s)?,
            }
            Ok(())
        })();
        Some(result.map(|()| rendered))
    }

    /// For request bodies: decodes a sample with the SDK's type and serializes it back,
    /// inside the envelope, to be compared with the sample. `None` for response bodies.
    pub fn roundtrip(&self, body: &Value) -> Option<Result<Value>> {
        let f = self.roundtrip?;
        Some(self.inner(body).and_then(|inner| {
            let v = f(inner)
                .map_err(|e| Error::new(ErrorKind::Decode, format!("{}: {e}", self.type_name)))?;
            Ok(match self.envelope {
                Some(k) => {
                    let mut m = serde_json::Map::new();
                    m.insert(k.to_string(), v);
                    Value::Object(m)
                }
                None => v,
            })
        }))
    }
}

/// An operation's HTTP method: a standard one, or an extension method such as Object
/// Storage's `COPY` (named by a `&'static str`, so that operations stay `const`).
///
/// ```
/// use ferrocloud::operation::Verb;
/// use ferrocloud::http::Method;
/// assert_eq!(Verb::Standard(Method::GET).to_method(), Method::GET);
/// let copy = Verb::extension("COPY");
/// assert_eq!(copy.as_str(), "COPY");
/// assert_eq!(copy.to_method().as_str(), "COPY");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verb {
    /// GET, PUT, POST…
    Standard(Method),
    /// A method HTTP does not define, checked when the operation is declared.
    Extension(&'static str),
}

impl Verb {
    /// An extension method. A name that is not an HTTP token (upper-case letters here)
    /// fails at compile time in a `static`/`const`, and panics otherwise.
    pub const fn extension(name: &'static str) -> Verb {
        let bytes = name.as_bytes();
        assert!(!bytes.is_empty(), "an HTTP method name is not empty");
        let mut i = 0;
        while i < bytes.len() {
            assert!(
                bytes[i].is_ascii_uppercase(),
                "an extension method is written in upper-case letters"
            );
            i += 1;
        }
        Verb::Extension(name)
    }

    /// The method's name.
    pub fn as_str(&self) -> &str {
        match self {
            Verb::Standard(m) => m.as_str(),
            Verb::Extension(name) => name,
        }
    }

    /// The method for a request.
    pub fn to_method(&self) -> Method {
        match self {
            Verb::Standard(m) => m.clone(),
            // Upper-case ASCII letters (checked by `extension`) always make a valid method.
            Verb::Extension(name) => Method::from_bytes(name.as_bytes()).unwrap_or_default(),
        }
    }
}

impl std::fmt::Display for Verb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<Method> for Verb {
    fn eq(&self, other: &Method) -> bool {
        self.as_str() == other.as_str()
    }
}

/// One documented API operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// The service type, as in the catalog and the API reference (`compute`, `identity`…).
    pub service: &'static str,
    /// The HTTP method.
    pub method: Verb,
    /// The path template, relative to the service client's resource base, with
    /// `{name}` placeholders (`/servers/{server_id}`).
    pub path: &'static str,
    /// The first microversion that serves this operation, when it is not the base one.
    pub min_microversion: Option<&'static str>,
    /// The last microversion that serves this operation, when a later one removed it
    /// (Nova's proxy APIs stop at 2.35).
    pub max_microversion: Option<&'static str>,
    /// The type of the request body, if the operation sends one.
    pub request: Option<BodySpec>,
    /// The type of the response body, if the operation returns one.
    pub response: Option<BodySpec>,
    /// The extension types read from the same response objects as the response type
    /// (`OS-EXT-STS:*` fields next to a server, read with `extract_into`): each is
    /// decoded from every object the response type decodes (each item of a listing).
    pub extensions: &'static [BodySpec],
    /// The extension types sent in the same request objects as the request type
    /// (`With<CreateOpts, Provider>`): each is decoded from, and rendered into, every
    /// object of a request sample.
    pub request_extensions: &'static [BodySpec],
    /// Where the SDK declares it: the Rust path of its `static`
    /// (`ferrocloud::openstack::compute::v2::servers::GET`), or `""` for an operation
    /// declared by hand.
    pub name: &'static str,
}

/// An [`Operation`] together with the type its response decodes to. `operations!`
/// declares every operation of the SDK this way, so that
/// [`ServiceClient::request`](crate::ServiceClient::request) gives a
/// [`RequestBuilder<R>`](crate::request::RequestBuilder) whose `send` returns an
/// [`ApiResult<R>`](crate::request::ApiResult): a resource function whose return type
/// differs from its operation's declaration does not compile. Listings are `Op<Vec<T>>`,
/// paged into a `Pager<T>`; operations whose answer is not decoded are `Op<()>`.
///
/// ```
/// use ferrocloud::operation::{BodySpec, Op, Operation};
/// use http::Method;
///
/// #[derive(serde::Deserialize)]
/// struct Thing { id: String }
///
/// static GET_THING: Op<Thing> = Op::new(
///     Operation::new("compute", Method::GET, "/things/{thing_id}")
///         .with_response(BodySpec::one::<Thing>("Thing", Some("thing"))),
/// );
/// assert_eq!(GET_THING.path, "/things/{thing_id}");
/// # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
/// # let c = ferrocloud::ServiceClient::new(p, "compute", "http://n/v2.1", None).unwrap();
/// // `send` gives an `ApiResult<Thing>`.
/// let request: ferrocloud::request::RequestBuilder<Thing> = c.request(&GET_THING, &["a"]);
/// ```
pub struct Op<R> {
    operation: Operation,
    _response: PhantomData<fn() -> R>,
}

impl<R> Op<R> {
    /// Declares that `operation` answers with an `R`.
    pub const fn new(operation: Operation) -> Self {
        Op {
            operation,
            _response: PhantomData,
        }
    }

    /// The operation, as data.
    pub const fn operation(&self) -> &Operation {
        &self.operation
    }
}

impl<R> std::ops::Deref for Op<R> {
    type Target = Operation;
    fn deref(&self) -> &Operation {
        &self.operation
    }
}

impl<R> std::fmt::Debug for Op<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.operation.fmt(f)
    }
}

/// What [`ServiceClient::request`](crate::ServiceClient::request) accepts: an
/// [`Op<R>`], whose requests decode an `R`, or a bare [`Operation`], whose requests
/// decode nothing (`()`: read them with `send_raw` or `send_streaming`).
pub trait Declared: Sync {
    /// The type the response decodes to.
    type Response;
    /// The operation, as data.
    fn as_operation(&'static self) -> &'static Operation;
}

impl Declared for Operation {
    type Response = ();
    fn as_operation(&'static self) -> &'static Operation {
        self
    }
}

impl<R> Declared for Op<R> {
    type Response = R;
    fn as_operation(&'static self) -> &'static Operation {
        &self.operation
    }
}

/// The operation's name: service, method, path template and, when it sends an enveloped
/// body, the envelope key (which tells apart the actions that share a path), separated
/// by spaces. The request pipeline names the operation this way in its trace event.
///
/// ```
/// use ferrocloud::openstack::compute::v2::servers;
/// assert_eq!(servers::GET.operation().to_string(), "compute GET /servers/{server_id}");
/// ```
impl std::fmt::Display for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.service, self.method, self.path)?;
        match self.request.and_then(|r| r.envelope) {
            Some(key) => write!(f, " {key}"),
            None => Ok(()),
        }
    }
}

impl Operation {
    /// Declares an operation served since the service's base version.
    pub const fn new(service: &'static str, method: Method, path: &'static str) -> Self {
        Operation::with_verb(service, Verb::Standard(method), path)
    }

    /// Declares an operation of any method, extension methods included.
    ///
    /// ```
    /// use ferrocloud::operation::Verb;
    /// static COPY: ferrocloud::Operation = ferrocloud::Operation::with_verb(
    ///     "object-store", Verb::extension("COPY"), "/{container}/{object}");
    /// assert_eq!(COPY.method.as_str(), "COPY");
    /// ```
    pub const fn with_verb(service: &'static str, method: Verb, path: &'static str) -> Self {
        Operation {
            service,
            method,
            path,
            min_microversion: None,
            max_microversion: None,
            request: None,
            response: None,
            extensions: &[],
            request_extensions: &[],
            name: "",
        }
    }

    /// The same operation, with the Rust path it is declared at ([`Operation::name`]).
    ///
    /// ```
    /// use ferrocloud::openstack::compute::v2::servers;
    /// assert_eq!(servers::GET.operation().name, "ferrocloud::openstack::compute::v2::servers::GET");
    /// ```
    pub const fn named(mut self, name: &'static str) -> Self {
        self.name = name;
        self
    }

    /// The same operation, with the extension types read from its response objects
    /// (each a [`BodySpec::one`] without an envelope).
    pub const fn with_extensions(mut self, extensions: &'static [BodySpec]) -> Self {
        self.extensions = extensions;
        self
    }

    /// The same operation, with the extension types its request objects may hold.
    pub const fn with_request_extensions(mut self, extensions: &'static [BodySpec]) -> Self {
        self.request_extensions = extensions;
        self
    }

    /// The same operation, with its request body type.
    pub const fn with_request(mut self, spec: BodySpec) -> Self {
        self.request = Some(spec);
        self
    }

    /// The same operation, with its response body type.
    pub const fn with_response(mut self, spec: BodySpec) -> Self {
        self.response = Some(spec);
        self
    }

    /// The same operation, served from microversion `version` on.
    ///
    /// ```
    /// use ferrocloud::Operation;
    /// const TOPOLOGY: Operation = Operation::new("compute", http::Method::GET,
    ///     "/servers/{server_id}/topology").since("2.78");
    /// assert_eq!(TOPOLOGY.min_microversion, Some("2.78"));
    /// ```
    pub const fn since(mut self, version: &'static str) -> Self {
        self.min_microversion = Some(version);
        self
    }

    /// The same operation, served up to microversion `version` only.
    ///
    /// ```
    /// use ferrocloud::Operation;
    /// const LIST_IMAGES: Operation = Operation::new("compute", http::Method::GET, "/images").until("2.35");
    /// assert_eq!(LIST_IMAGES.max_microversion, Some("2.35"));
    /// ```
    pub const fn until(mut self, version: &'static str) -> Self {
        self.max_microversion = Some(version);
        self
    }

    /// The number of `{…}` placeholders in the path.
    pub fn param_count(&self) -> usize {
        self.path.matches('{').count()
    }

    /// Fills the placeholders in order, percent-encoding each value as one path segment,
    /// and returns the path without its leading `/` (to be joined to a resource base).
    /// A placeholder whose name ends with `*` (`{object*}`: Swift's object names) keeps
    /// the value's `/` as they are, so that names with slashes read as the service and
    /// the proxies in front of it expect; a value with a `.` or `..` part (which a URL
    /// would resolve away) is encoded as one segment instead.
    ///
    /// An empty value is refused: it would silently address a different resource.
    ///
    /// ```
    /// use ferrocloud::{http::Method, Operation};
    /// let op = Operation::new("object-store", Method::GET, "/{container}/{object*}");
    /// assert_eq!(op.render(&["c", "a b/c"]).unwrap(), "c/a%20b/c");
    /// assert_eq!(op.render(&["c", "a/../b"]).unwrap(), "c/a%2F..%2Fb");
    /// assert_eq!(op.render(&["c/d", "x"]).unwrap(), "c%2Fd/x");
    /// ```
    pub fn render(&self, params: &[&str]) -> Result<String> {
        let expected = self.param_count();
        if params.len() != expected {
            return Err(Error::invalid_input(format!(
                "{} {} takes {expected} path parameter(s), {} given",
                self.method,
                self.path,
                params.len()
            )));
        }
        let mut out = String::with_capacity(self.path.len() + 32);
        let mut rest = self.path.trim_start_matches('/');
        let mut it = params.iter();
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let end = rest[start..]
                .find('}')
                .map(|e| start + e)
                .ok_or_else(|| Error::invalid_input(format!("bad path template {}", self.path)))?;
            let name = &rest[start + 1..end];
            let value = it.next().copied().unwrap_or_default();
            if value.is_empty() {
                return Err(Error::invalid_input(format!(
                    "{} {}: {name} must not be empty",
                    self.method, self.path
                )));
            }
            let encode = |out: &mut String, part: &str| {
                out.extend(
                    url::form_urlencoded::byte_serialize(part.as_bytes()).map(|s| {
                        // form encoding writes spaces as '+', which is literal in a path.
                        if s == "+" { "%20" } else { s }
                    }),
                )
            };
            let dotted = |v: &str| v.split('/').any(|p| p == "." || p == "..");
            if name.ends_with('*') && !dotted(value) {
                for (i, part) in value.split('/').enumerate() {
                    if i > 0 {
                        out.push('/');
                    }
                    encode(&mut out, part);
                }
            } else {
                encode(&mut out, value);
            }
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// Declares the resource modules of a service version and collects their operations.
///
/// ```ignore
/// ferrocloud::resources! {
///     /// Servers.
///     pub mod servers;
///     /// Flavors.
///     pub mod flavors;
/// }
/// // expands to the two `pub mod` items and
/// // `pub static OPERATIONS: &[&[&Operation]] = &[servers::OPERATIONS, flavors::OPERATIONS];`
/// ```
///
/// A folder of resources inside a version (a Neutron service plugin's resources) starts
/// its list with `nested;`: its `OPERATIONS` is then one flat list, like a resource
/// module's, and the folder is listed in the version's `resources!` as a resource module.
///
/// ```ignore
/// // networking/v2/fwaas/mod.rs
/// ferrocloud::resources! {
///     nested;
///     /// Firewall rules.
///     pub mod rules;
/// }
/// // expands to `pub mod rules;` and
/// // `pub static OPERATIONS: &[&Operation] = <the operations of rules, in one list>;`
/// ```
#[macro_export]
macro_rules! resources {
    (nested; $($(#[$meta:meta])* pub mod $name:ident;)*) => {
        $($(#[$meta])* pub mod $name;)*

        /// Every operation the resource modules above implement, in one list, for
        /// coverage reports.
        pub static OPERATIONS: &[&$crate::Operation] = {
            const PARTS: &[&[&$crate::Operation]] = &[$($name::OPERATIONS),*];
            static ALL: [&$crate::Operation; $crate::operation::count_operations(PARTS)] =
                $crate::operation::flatten_operations(PARTS);
            &ALL
        };
    };
    ($($(#[$meta:meta])* pub mod $name:ident;)*) => {
        $($(#[$meta])* pub mod $name;)*

        /// Every operation the resource modules above implement, for coverage reports.
        pub static OPERATIONS: &[&[&$crate::Operation]] = &[$($name::OPERATIONS),*];
    };
}

/// The number of operations in `parts` (for the `nested;` form of [`resources!`]).
#[doc(hidden)]
pub const fn count_operations(parts: &[&[&Operation]]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < parts.len() {
        n += parts[i].len();
        i += 1;
    }
    n
}

/// The operations of `parts` in one array (for the `nested;` form of [`resources!`]);
/// `N` is [`count_operations`] of `parts`.
#[doc(hidden)]
pub const fn flatten_operations<const N: usize>(
    parts: &[&[&'static Operation]],
) -> [&'static Operation; N] {
    const NONE: &Operation = &Operation::new("", Method::GET, "");
    let mut out = [NONE; N];
    let mut n = 0;
    let mut i = 0;
    while i < parts.len() {
        let mut j = 0;
        while j < parts[i].len() {
            out[n] = parts[i][j];
            n += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

/// Declares a resource module's operations as statics and lists them in `OPERATIONS`.
///
/// Each line names the operation, its method and path template, and optionally (in this
/// order) the first microversion that serves it (`since`), the last one (`until`), its
/// request body type (with, after `;`, the extension types that may be sent in the same
/// objects), and its response body type (`response`) or item type (`list`), each with its
/// envelope key if it has one, and last the extension types read from the same response
/// objects (`extensions`).
///
/// ```
/// mod things {
///     #[derive(serde::Deserialize, serde::Serialize)]
///     pub struct Thing { pub id: String }
///     #[derive(serde::Deserialize)]
///     pub struct Colour { pub colour: Option<String> }
///     ferrocloud::operations! {
///         service: "compute";
///         /// Show one thing.
///         GET = GET "/things/{thing_id}" response("thing", Thing) extensions(Colour);
///         /// List things.
///         LIST = GET "/things" list("things", Thing);
///         /// Create a thing (2.26+).
///         CREATE = POST "/things" since("2.26") request("thing", Thing) response("thing", Thing);
///         /// Delete a thing.
///         DELETE = DELETE "/things/{thing_id}";
///     }
/// }
/// assert_eq!(things::OPERATIONS.len(), 4);
/// assert_eq!(things::CREATE.min_microversion, Some("2.26"));
/// assert_eq!(things::LIST.response.unwrap().envelope, Some("things"));
/// assert_eq!(things::GET.extensions[0].type_name, "Colour");
/// ```
///
/// Operations the API reference no longer documents (served by older clouds) are
/// declared the same way, after `service: "…", undocumented;`: they are not listed in
/// `OPERATIONS`.
///
/// ```
/// mod legacy {
///     #[derive(serde::Deserialize)]
///     pub struct Tenant { pub id: String }
///     ferrocloud::operations! {
///         service: "identity", undocumented;
///         /// List tenants.
///         LIST = GET "/tenants" list("tenants", Tenant);
///     }
/// }
/// assert!(legacy::OPERATIONS.is_empty());
/// assert_eq!(legacy::LIST.path, "/tenants");
/// ```
#[macro_export]
macro_rules! operations {
    (service: $service:literal $(, $undocumented:ident)?;
     $($(#[$meta:meta])* $name:ident = $method:ident $path:literal
        $(since($v:literal))?
        $(until($u:literal))?
        $(request($($rqe:literal,)? $rq:ty $(; $($rqx:ty),+)?))?
        $(response($($rse:literal,)? $rs:ty))?
        $(list($($lse:literal,)? $ls:ty))?
        $(extensions($($ext:ty),+ $(,)?))?
     ;)*) => {
        $(
            $crate::__operation! {
                $service; $(#[$meta])* $name = $method $path
                since($($v)?) until($($u)?)
                request($($($rqe)?, $rq)?) request_extensions($($($($rqx),+)?)?)
                response($($($rse)?, $rs)?) list($($($lse)?, $ls)?)
                extensions($($($ext),+)?)
            }
        )*
        $crate::__operations_list!($($undocumented)?; $($name),*);
    };
}

/// The `OPERATIONS` list of [`operations!`]: every operation, or none after
/// `, undocumented`.
#[doc(hidden)]
#[macro_export]
macro_rules! __operations_list {
    (undocumented; $($name:ident),*) => {
        /// The operations of this module that the API reference documents: none (those
        /// above are no longer documented), so coverage reports do not count them.
        pub static OPERATIONS: &[&$crate::Operation] = &[];
    };
    (; $($name:ident),*) => {
        /// Every operation this module implements, for coverage reports.
        pub static OPERATIONS: &[&$crate::Operation] = &[$($name.operation()),*];
    };
}

/// One operation of [`operations!`]: the static `Op<R>`, `R` being the response type,
/// `Vec` of the list item type, or `()`.
#[doc(hidden)]
#[macro_export]
macro_rules! __operation {
    ($service:literal; $(#[$meta:meta])* $name:ident = $method:ident $path:literal
     since($($v:literal)?) until($($u:literal)?)
     request($($($rqe:literal)?, $rq:ty)?) request_extensions($($rqx:ty),*)
     response($($($rse:literal)?, $rs:ty)?)
     list($($($lse:literal)?, $ls:ty)?) extensions($($ext:ty),*)) => {
        $(#[$meta])*
        pub static $name: $crate::operation::Op<$crate::__response_type!($($rs)?; $($ls)?)> =
            $crate::operation::Op::new(
                $crate::Operation::with_verb($service, $crate::__verb!($method), $path)
                .named(concat!(module_path!(), "::", stringify!($name)))
                $(.since($v))?
                $(.until($u))?
                $(.with_request($crate::operation::BodySpec::request::<$rq>(
                    stringify!($rq), $crate::__envelope!($($rqe)?))))?
                $(.with_response($crate::operation::BodySpec::one::<$rs>(
                    stringify!($rs), $crate::__envelope!($($rse)?))))?
                $(.with_response($crate::operation::BodySpec::list::<$ls>(
                    stringify!($ls), $crate::__envelope!($($lse)?))))?
                .with_extensions({
                    const EXTENSIONS: &[$crate::operation::BodySpec] = &[$(
                        $crate::operation::BodySpec::one::<$ext>(stringify!($ext), None)
                    ),*];
                    EXTENSIONS
                })
                .with_request_extensions({
                    const EXTENSIONS: &[$crate::operation::BodySpec] = &[$(
                        $crate::operation::BodySpec::request::<$rqx>(stringify!($rqx), None)
                    ),*];
                    EXTENSIONS
                }),
            );
    };
}

/// The [`Verb`] of a method named in [`operations!`]: the standard ones, and `COPY`.
#[doc(hidden)]
#[macro_export]
macro_rules! __verb {
    (COPY) => {
        $crate::operation::Verb::extension("COPY")
    };
    ($method:ident) => {
        $crate::operation::Verb::Standard($crate::http::Method::$method)
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __response_type {
    ($rs:ty;) => {
        $rs
    };
    (; $ls:ty) => {
        ::std::vec::Vec<$ls>
    };
    (;) => {
        ()
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __envelope {
    () => {
        None
    };
    ($e:literal) => {
        Some($e)
    };
}

/// Declares a resource module's `extract_<items>` function: the items of a page (or of
/// all pages), as [`Page::extract`](crate::pagination::Page::extract) gives them.
///
/// ```ignore
/// crate::operation::extract_fn! {
///     /// The servers of a page (or of all pages).
///     extract_servers, Server
/// }
/// // expands to
/// // `pub fn extract_servers(page: &Page<Server>) -> Result<Vec<Server>> { page.extract() }`
/// ```
macro_rules! extract_fn {
    ($(#[$meta:meta])* $name:ident, $item:ty) => {
        $(#[$meta])*
        pub fn $name(page: &$crate::pagination::Page<$item>) -> $crate::Result<Vec<$item>> {
            page.extract()
        }
    };
}
pub(crate) use extract_fn;

#[cfg(test)]
mod tests {
    use super::*;

    const OP: Operation = Operation::new("compute", Method::GET, "/servers/{id}/tags/{tag}");

    #[test]
    fn renders_and_encodes() {
        assert_eq!(
            OP.render(&["a/b", "x y+z"]).unwrap(),
            "servers/a%2Fb/tags/x%20y%2Bz"
        );
        assert_eq!(
            Operation::new("compute", Method::GET, "/servers/detail")
                .render(&[])
                .unwrap(),
            "servers/detail"
        );
    }

    #[test]
    fn wrong_params_are_errors() {
        assert!(OP.render(&["a"]).is_err());
        assert!(OP.render(&["a", ""]).is_err());
        assert!(OP.render(&["a", "b", "c"]).is_err());
    }
}
