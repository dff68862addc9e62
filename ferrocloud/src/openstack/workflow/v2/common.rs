//! What Mistral's resources share: the `private`/`public` scope, JSON held in text
//! fields ([`Data`](crate::openstack::workflow::v2::common::Data)), the paging and sorting controls of every listing, the options of
//! YAML definitions sent as text, the answer of a validation, and the states of
//! executions and tasks.
//!
//! ```
//! use ferrocloud::openstack::workflow::v2::common::{ListControls, SortDir};
//! let c = ListControls::default().limit(20).sort("created_at", SortDir::Desc);
//! assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&c).unwrap()),
//!     "limit=20&sort_keys=created_at&sort_dirs=desc");
//! ```

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::de::text_enum;
pub use crate::query::SortDir;

text_enum! {
    /// Who sees a definition, trigger or environment: its project (`private`, the
    /// default) or everyone (`public`).
    ///
    /// ```
    /// use ferrocloud::openstack::workflow::v2::common::Scope;
    /// assert_eq!(serde_json::to_string(&Scope::Public).unwrap(), "\"public\"");
    /// ```
    Scope {
        /// The project only.
        Private = "private",
        /// Every project.
        Public = "public",
    }
}

text_enum! {
    /// Where a workflow execution, a task or an action execution stands.
    ///
    /// ```
    /// use ferrocloud::openstack::workflow::v2::common::State;
    /// let s: State = serde_json::from_str("\"DELAYED\"").unwrap();
    /// assert_eq!(s, State::Delayed);
    /// assert!(State::Cancelled.is_completed());
    /// assert!(!State::Paused.is_completed());
    /// ```
    State {
        /// Not started.
        Idle = "IDLE",
        /// Waiting for something (a join, a sub-workflow).
        Waiting = "WAITING",
        /// Running.
        Running = "RUNNING",
        /// Running, held back (a `wait-before`, a retry delay).
        Delayed = "DELAYED",
        /// Paused.
        Paused = "PAUSED",
        /// Done, successfully.
        Success = "SUCCESS",
        /// Cancelled.
        Cancelled = "CANCELLED",
        /// Failed.
        Error = "ERROR",
        /// A task skipped by a rerun.
        Skipped = "SKIPPED",
    }
}

impl State {
    /// True for `SUCCESS`, `ERROR` and `CANCELLED`: the execution will not change again
    /// (unless a task is rerun).
    pub fn is_completed(&self) -> bool {
        matches!(self, State::Success | State::Error | State::Cancelled)
    }
}

/// A JSON value that Mistral carries as text (`input`, `output`, `params`, `variables`,
/// `published`, `result`…): decoded when read, written back as text when sent.
///
/// It dereferences to the [`Value`]. These fields often hold credentials (workflow
/// inputs, environment variables, task results), so `Debug` prints no content.
///
/// ```
/// use ferrocloud::openstack::workflow::v2::common::Data;
/// let d: Data = serde_json::from_str(r#""{\"password\": \"s3cr3t\", \"n\": 1}""#).unwrap();
/// assert_eq!(d["n"], 1);
/// assert!(!format!("{d:?}").contains("s3cr3t"));
/// // Mistral's own JSON objects are read as they are too.
/// let o: Data = serde_json::from_str(r#"{"n": 1}"#).unwrap();
/// assert_eq!(o, d.clone().without("password"));
/// // Sent as text.
/// assert_eq!(serde_json::to_string(&Data::from(serde_json::json!({"a": 1}))).unwrap(),
///     r#""{\"a\":1}""#);
/// // Text that is not JSON stays a string.
/// let t: Data = serde_json::from_str(r#""not json""#).unwrap();
/// assert_eq!(*t, serde_json::json!("not json"));
/// ```
#[derive(Clone, PartialEq, Default)]
pub struct Data(pub Value);

impl Data {
    /// The value.
    pub fn value(&self) -> &Value {
        &self.0
    }

    /// The value, owned.
    pub fn into_value(self) -> Value {
        self.0
    }

    /// The same object without member `key`.
    pub fn without(mut self, key: &str) -> Self {
        if let Value::Object(m) = &mut self.0 {
            m.remove(key);
        }
        self
    }
}

/// `params` with member `key` set to `value` (a new object when there were none).
pub(crate) fn with_param(params: Option<Data>, key: &str, value: Value) -> Option<Data> {
    let mut params = params.map(Data::into_value).unwrap_or_default();
    if !params.is_object() {
        params = serde_json::json!({});
    }
    params[key] = value;
    Some(params.into())
}

impl std::ops::Deref for Data {
    type Target = Value;
    fn deref(&self) -> &Value {
        &self.0
    }
}

impl From<Value> for Data {
    fn from(v: Value) -> Self {
        Data(v)
    }
}

impl std::fmt::Debug for Data {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shape = match &self.0 {
            Value::Object(m) => format!("{{{} members}}", m.len()),
            Value::Array(a) => format!("[{} items]", a.len()),
            Value::Null => "null".into(),
            _ => "…".into(),
        };
        write!(f, "Data({shape})")
    }
}

impl<'de> Deserialize<'de> for Data {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Data(match Value::deserialize(d)? {
            Value::String(text) => serde_json::from_str(&text).unwrap_or(Value::String(text)),
            other => other,
        }))
    }
}

impl Serialize for Data {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = serde_json::to_string(&self.0).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&text)
    }
}

/// Paging, sorting and field selection of a Mistral listing, flattened into each
/// resource's `ListOpts` as its `controls` field. The pager follows Mistral's `next`
/// link, which repeats the filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListControls {
    /// The page size (Mistral caps it at its `max_limit`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after the object with this ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Sort keys, most significant first (`created_at` by default).
    #[serde(
        serialize_with = "crate::query::comma",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub sort_keys: Vec<String>,
    /// The direction of each sort key.
    #[serde(serialize_with = "sort_dirs", skip_serializing_if = "Vec::is_empty")]
    pub sort_dirs: Vec<SortDir>,
    /// Only these fields (with `id`): read such a listing through your own type.
    #[serde(
        serialize_with = "crate::query::comma",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub fields: Vec<String>,
}

fn sort_dirs<S: Serializer>(dirs: &[SortDir], s: S) -> Result<S::Ok, S::Error> {
    let text: Vec<&str> = dirs.iter().map(|d| d.as_str()).collect();
    s.serialize_str(&text.join(","))
}

impl ListControls {
    /// Sets the page size.
    ///
    /// ```
    /// let c = ferrocloud::openstack::workflow::v2::common::ListControls::default().limit(5);
    /// assert_eq!(c.limit, Some(5));
    /// ```
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Adds a sort key (keys added first sort first).
    ///
    /// ```
    /// use ferrocloud::openstack::workflow::v2::common::{ListControls, SortDir};
    /// let c = ListControls::default().sort("name", SortDir::Asc);
    /// assert_eq!(c.sort_keys, ["name"]);
    /// ```
    pub fn sort(mut self, key: impl Into<String>, dir: SortDir) -> Self {
        self.sort_keys.push(key.into());
        self.sort_dirs.push(dir);
        self
    }
}

/// Where a YAML definition goes, sent with it as query parameters.
///
/// ```
/// use ferrocloud::openstack::workflow::v2::common::{DefinitionOpts, Scope};
/// let o = DefinitionOpts::default().namespace("ops").scope(Scope::Public).skip_validation();
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()),
///     "namespace=ops&scope=public&skip_validation=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DefinitionOpts {
    /// The namespace (the default one, `""`, when not given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// `private` (the default) or `public`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Store the definition without validating it (workbooks and workflows).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub skip_validation: bool,
}

impl DefinitionOpts {
    /// In this namespace.
    pub fn namespace(mut self, namespace: impl Into<String>) -> Self {
        self.namespace = Some(namespace.into());
        self
    }

    /// With this scope.
    pub fn scope(mut self, scope: Scope) -> Self {
        self.scope = Some(scope);
        self
    }

    /// Without validation.
    pub fn skip_validation(mut self) -> Self {
        self.skip_validation = true;
        self
    }
}

/// The `namespace` query parameter of a read or a delete (left out for the default
/// namespace, `""`).
#[derive(Serialize)]
pub(crate) struct InNamespace<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    pub namespace: &'a str,
}

/// The answer of a validation: whether the definition is valid, and why not.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Validation {
    /// Whether the definition is valid.
    pub valid: bool,
    /// What is wrong with it.
    #[serde(default)]
    pub error: Option<String>,
}

/// Sends a YAML definition as `text/plain` (with [`DefinitionOpts`] as the query).
/// Mistral declares these answers `text/plain` (their body is JSON) and refuses, `406`,
/// a request that accepts only `application/json`.
pub(crate) fn definition<R>(
    request: crate::request::RequestBuilder<R>,
    text: &str,
    opts: &DefinitionOpts,
) -> crate::request::RequestBuilder<R> {
    if text.trim().is_empty() {
        return request.fail_with(crate::Error::invalid_input("the definition is empty"));
    }
    request
        .query(opts)
        .header("accept", "application/json, text/plain")
        .bytes(text.as_bytes().to_vec(), "text/plain")
}

/// The functions of a Mistral resource, declared once; the module names the ones it
/// has after the `;`:
///
/// - `list`: follows Mistral's `next` link, with the module's `ListOpts`, and
///   `$extract`;
/// - `get`, `delete`: by ID (or name), or with `_ns`, by name or ID in a namespace
///   (`""` for the default one);
/// - `find`: by ID, or by name when exactly one has it (`ListOpts` has a `name`);
/// - `validate`: checks a definition without storing it.
macro_rules! mistral_functions {
    ($item:ty, $noun:literal, $extract:ident; $($f:ident)+) => {
        $(
            $crate::openstack::workflow::v2::common::mistral_functions! {
                @$f $item, $noun, $extract
            }
        )+
    };
    (@list $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Lists every ", $noun, ", following Mistral's `next` links.")]
        pub fn list(client: &$crate::ServiceClient, opts: &ListOpts) -> $crate::pagination::Pager<$item> {
            client
                .request(&LIST, &[])
                .query(opts)
                .paged($crate::pagination::PageStyle::Next("next"))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("Each ", $noun, " of a page (or of all pages).")]
            $extract, $item
        }
    };
    (@get $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Shows a ", $noun, ".")]
        pub async fn get(client: &$crate::ServiceClient, id: &str) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[id]).send().await
        }
    };
    (@get_ns $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Shows a ", $noun, " by name or ID, in `namespace` (`\"\"`: the default one).")]
        pub async fn get(
            client: &$crate::ServiceClient,
            identifier: &str,
            namespace: &str,
        ) -> $crate::request::ApiResult<$item> {
            client
                .request(&GET, &[identifier])
                .query(&$crate::openstack::workflow::v2::common::InNamespace { namespace })
                .send()
                .await
        }
    };
    (@delete $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Deletes a ", $noun, " (`204`).")]
        pub async fn delete(client: &$crate::ServiceClient, id: &str) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[id]).send().await
        }
    };
    (@delete_ns $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Deletes a ", $noun, " by name or ID, in `namespace` (`\"\"`: the default one; `204`).")]
        pub async fn delete(
            client: &$crate::ServiceClient,
            identifier: &str,
            namespace: &str,
        ) -> $crate::request::ApiResult<()> {
            client
                .request(&DELETE, &[identifier])
                .query(&$crate::openstack::workflow::v2::common::InNamespace { namespace })
                .send()
                .await
        }
    };
    (@find $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Finds a ", $noun, " by ID, or by name when exactly one has it.")]
        pub async fn find(client: &$crate::ServiceClient, name_or_id: &str) -> $crate::Result<$item> {
            let by_name = ListOpts {
                name: Some(name_or_id.to_string()),
                ..ListOpts::default()
            };
            $crate::find::find(
                $noun,
                name_or_id,
                client.request(&GET, &[name_or_id]).send(),
                list(client, &by_name),
            )
            .await
        }

        impl $crate::find::Named for $item {
            fn id(&self) -> &str {
                &self.id
            }
            fn name(&self) -> &str {
                &self.name
            }
        }
    };
    (@validate $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Checks a ", $noun, " definition without storing it (`valid`, and the `error` when it is not).")]
        pub async fn validate(
            client: &$crate::ServiceClient,
            definition: &str,
        ) -> $crate::request::ApiResult<$crate::openstack::workflow::v2::common::Validation> {
            $crate::openstack::workflow::v2::common::definition(
                client.request(&VALIDATE, &[]),
                definition,
                &Default::default(),
            )
            .send()
            .await
        }
    };
}
pub(crate) use mistral_functions;

/// How a waiter reads a state: `SUCCESS` ends it, `ERROR` and `CANCELLED` end it with an
/// error holding `state_info`.
pub(crate) fn completion(what: &str, state: &State, info: Option<&str>) -> crate::wait::State {
    match state {
        State::Success => crate::wait::State::Ready,
        State::Error | State::Cancelled => crate::wait::State::Failed(format!(
            "{what} is {state}: {}",
            info.unwrap_or("no state information")
        )),
        _ => crate::wait::State::Pending,
    }
}
