//! What several Heat resources share: the status of stacks and resources
//! ([`StackStatus`](crate::openstack::orchestration::v1::common::StackStatus)), templates and environments as documents
//! ([`Document`](crate::openstack::orchestration::v1::common::Document)), tags sent as one comma-separated text, outputs
//! ([`Output`](crate::openstack::orchestration::v1::common::Output)), and reading the stack's canonical name and ID from
//! Heat's redirects ([`stack_from_location`](crate::openstack::orchestration::v1::common::stack_from_location)).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use url::Url;

use crate::{Error, ErrorKind, Operation, Result, ServiceClient};

macro_rules! stack_status {
    ($($(#[$vmeta:meta])* $variant:ident = $text:literal,)+) => {
        /// The status of a stack or of a resource: an action (`CREATE`, `UPDATE`…) and
        /// its state (`IN_PROGRESS`, `COMPLETE`, `FAILED`), written `CREATE_COMPLETE`.
        /// A status this SDK does not know keeps its text.
        ///
        /// ```
        /// use ferrocloud::openstack::orchestration::v1::common::StackStatus;
        /// let s: StackStatus = serde_json::from_str(r#""UPDATE_FAILED""#).unwrap();
        /// assert_eq!(s, StackStatus::UpdateFailed);
        /// assert!(s.is_failed());
        /// assert_eq!((s.action(), s.state()), ("UPDATE", "FAILED"));
        /// let odd: StackStatus = serde_json::from_str(r#""WARP_COMPLETE""#).unwrap();
        /// assert_eq!(odd, StackStatus::Other("WARP_COMPLETE".into()));
        /// assert!(odd.is_complete());
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum StackStatus {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)+
            /// A status this SDK does not know.
            #[serde(untagged)]
            Other(String),
        }

        impl StackStatus {
            /// The status as Heat writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(StackStatus::$variant => $text,)+
                    StackStatus::Other(s) => s,
                }
            }
        }
    };
}

stack_status! {
    /// Resources being initialised (resources only).
    InitInProgress = "INIT_IN_PROGRESS",
    /// Initialised, not created yet (resources only).
    InitComplete = "INIT_COMPLETE",
    /// Initialisation failed (resources only).
    InitFailed = "INIT_FAILED",
    /// Being created.
    CreateInProgress = "CREATE_IN_PROGRESS",
    /// Created.
    CreateComplete = "CREATE_COMPLETE",
    /// Creation failed.
    CreateFailed = "CREATE_FAILED",
    /// Being updated.
    UpdateInProgress = "UPDATE_IN_PROGRESS",
    /// Updated.
    UpdateComplete = "UPDATE_COMPLETE",
    /// The update failed.
    UpdateFailed = "UPDATE_FAILED",
    /// Being deleted.
    DeleteInProgress = "DELETE_IN_PROGRESS",
    /// Deleted.
    DeleteComplete = "DELETE_COMPLETE",
    /// The deletion failed.
    DeleteFailed = "DELETE_FAILED",
    /// A failed create or update being rolled back.
    RollbackInProgress = "ROLLBACK_IN_PROGRESS",
    /// Rolled back.
    RollbackComplete = "ROLLBACK_COMPLETE",
    /// The rollback failed.
    RollbackFailed = "ROLLBACK_FAILED",
    /// Being suspended.
    SuspendInProgress = "SUSPEND_IN_PROGRESS",
    /// Suspended.
    SuspendComplete = "SUSPEND_COMPLETE",
    /// Suspending failed.
    SuspendFailed = "SUSPEND_FAILED",
    /// Being resumed.
    ResumeInProgress = "RESUME_IN_PROGRESS",
    /// Resumed.
    ResumeComplete = "RESUME_COMPLETE",
    /// Resuming failed.
    ResumeFailed = "RESUME_FAILED",
    /// Being checked.
    CheckInProgress = "CHECK_IN_PROGRESS",
    /// Checked.
    CheckComplete = "CHECK_COMPLETE",
    /// The check failed.
    CheckFailed = "CHECK_FAILED",
    /// A snapshot being taken.
    SnapshotInProgress = "SNAPSHOT_IN_PROGRESS",
    /// Snapshot taken.
    SnapshotComplete = "SNAPSHOT_COMPLETE",
    /// The snapshot failed.
    SnapshotFailed = "SNAPSHOT_FAILED",
    /// A snapshot being restored.
    RestoreInProgress = "RESTORE_IN_PROGRESS",
    /// Restored.
    RestoreComplete = "RESTORE_COMPLETE",
    /// Restoring failed.
    RestoreFailed = "RESTORE_FAILED",
    /// Being adopted.
    AdoptInProgress = "ADOPT_IN_PROGRESS",
    /// Adopted.
    AdoptComplete = "ADOPT_COMPLETE",
    /// Adopting failed.
    AdoptFailed = "ADOPT_FAILED",
}

impl StackStatus {
    /// The action: the text before the state (`CREATE` for `CREATE_FAILED`).
    pub fn action(&self) -> &str {
        let s = self.as_str();
        for state in ["_IN_PROGRESS", "_COMPLETE", "_FAILED"] {
            if let Some(action) = s.strip_suffix(state) {
                return action;
            }
        }
        s
    }

    /// The state: `IN_PROGRESS`, `COMPLETE`, `FAILED` (or the whole text when it is none
    /// of them).
    pub fn state(&self) -> &str {
        let s = self.as_str();
        for state in ["IN_PROGRESS", "COMPLETE", "FAILED"] {
            if s.ends_with(state) && s.len() > state.len() {
                return state;
            }
        }
        s
    }

    /// True for the `*_FAILED` statuses.
    pub fn is_failed(&self) -> bool {
        self.as_str().ends_with("_FAILED")
    }

    /// True for the `*_COMPLETE` statuses.
    pub fn is_complete(&self) -> bool {
        self.as_str().ends_with("_COMPLETE")
    }

    /// True for the `*_IN_PROGRESS` statuses.
    pub fn is_in_progress(&self) -> bool {
        self.as_str().ends_with("_IN_PROGRESS")
    }
}

impl std::fmt::Display for StackStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A template as Heat answers it (a stack's template, a resource type's template): a
/// JSON object whose keys depend on the template's format (HOT's
/// `heat_template_version`, `parameters`, `resources`, `outputs`; CFN's
/// `HeatTemplateFormatVersion`, `Resources`…) and on what its author wrote.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::common::Template;
/// let t: Template = serde_json::from_str(r#"{"heat_template_version": "2018-08-31"}"#).unwrap();
/// assert_eq!(t["heat_template_version"], "2018-08-31");
/// ```
pub type Template = serde_json::Map<String, Value>;

/// A template or an environment as Heat takes it: a JSON object, or text (YAML or
/// JSON), which Heat parses itself.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::common::Document;
/// let text = Document::from("heat_template_version: 2018-08-31\n");
/// assert_eq!(serde_json::to_value(&text).unwrap(), "heat_template_version: 2018-08-31\n");
/// let json = Document::from(serde_json::json!({"heat_template_version": "2018-08-31"}));
/// assert_eq!(serde_json::to_value(&json).unwrap()["heat_template_version"], "2018-08-31");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Document {
    /// YAML or JSON text.
    Text(String),
    /// A JSON value (an object).
    Json(Value),
}

impl From<&str> for Document {
    fn from(s: &str) -> Self {
        Document::Text(s.to_string())
    }
}

impl From<String> for Document {
    fn from(s: String) -> Self {
        Document::Text(s)
    }
}

impl From<Value> for Document {
    fn from(v: Value) -> Self {
        Document::Json(v)
    }
}

/// `#[serde(with = "…::common::comma_list")]` on an `Option<Vec<String>>`: tags as Heat
/// takes them, one comma-separated text (`"a,b"`).
///
/// ```
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct S {
///     #[serde(default, with = "ferrocloud::openstack::orchestration::v1::common::comma_list")]
///     tags: Option<Vec<String>>,
/// }
/// let s = S { tags: Some(vec!["a".into(), "b".into()]) };
/// assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"tags":"a,b"}"#);
/// let back: S = serde_json::from_str(r#"{"tags":"x,y"}"#).unwrap();
/// assert_eq!(back.tags.unwrap(), ["x", "y"]);
/// ```
pub mod comma_list {
    use super::*;

    /// Writes the list as one text.
    pub fn serialize<S: Serializer>(
        v: &Option<Vec<String>>,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        match v {
            Some(items) => s.serialize_str(&items.join(",")),
            None => s.serialize_none(),
        }
    }

    /// Reads one text (or a list) into a list.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<Option<Vec<String>>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Text(String),
            List(Vec<String>),
        }
        Ok(Option::<Form>::deserialize(d)?.map(|f| match f {
            Form::Text(t) => t
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            Form::List(l) => l,
        }))
    }
}

/// Serializes an optional list as one comma-separated text, for query strings.
pub(crate) fn join_tags<S: Serializer>(
    v: &Option<Vec<String>>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    comma_list::serialize(v, s)
}

/// A stack output: its key, value, description and, when it could not be resolved, the
/// error.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::common::Output;
/// let o: Output = serde_json::from_str(r#"{"output_key": "ip", "output_value": "10.0.0.3",
///     "description": "The address"}"#).unwrap();
/// assert_eq!(o.output_value, "10.0.0.3");
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Output {
    /// The output's name.
    pub output_key: String,
    /// Its value (any JSON; `null` when it could not be resolved).
    pub output_value: Value,
    /// Its description (`No description given` when the template gives none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub description: String,
    /// Why the value could not be resolved.
    #[serde(default)]
    pub output_error: Option<String>,
}

/// Decodes one percent-encoded path segment (Heat's `Location` header encodes stack
/// names).
fn percent_decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The stack name and ID in a `Location` URL (`…/stacks/{name}/{id}[/suffix…]`) that
/// ends with `suffix_segments` segments after the ID.
///
/// ```
/// use ferrocloud::openstack::orchestration::v1::common::stack_from_location;
/// let base = url::Url::parse("http://heat:8004/v1/p1/stacks/web").unwrap();
/// let (name, id) = stack_from_location(&base, "/v1/p1/stacks/web/8c3c/events?sort_dir=asc", 1).unwrap();
/// assert_eq!((name.as_str(), id.as_str()), ("web", "8c3c"));
/// assert!(stack_from_location(&base, "/v1/p1/elsewhere", 0).is_err());
/// ```
pub fn stack_from_location(
    request_url: &Url,
    location: &str,
    suffix_segments: usize,
) -> Result<(String, String)> {
    let bad = || {
        Error::new(
            ErrorKind::Decode,
            format!("Heat's redirect does not name a stack: {location:?}"),
        )
    };
    let url = request_url.join(location).map_err(|_| bad())?;
    let segments: Vec<&str> = url
        .path_segments()
        .map(|s| s.filter(|p| !p.is_empty()).collect())
        .unwrap_or_default();
    let n = segments.len();
    if n < 3 + suffix_segments {
        return Err(bad());
    }
    let id_at = n - 1 - suffix_segments;
    if segments[id_at - 2] != "stacks" {
        return Err(bad());
    }
    let name = percent_decode(segments[id_at - 1]).ok_or_else(bad)?;
    let id = percent_decode(segments[id_at]).ok_or_else(bad)?;
    if name.is_empty() || id.is_empty() {
        return Err(bad());
    }
    Ok((name, id))
}

/// Sends a lookup operation (`{stack_identity}`: a stack's name or ID), which Heat
/// answers with a `302` to the canonical path, and returns the stack's name and ID read
/// from the `Location` header, whose path ends with `suffix_segments` segments after
/// the ID. A stack Heat does not know is [`ErrorKind::NotFound`].
pub(crate) async fn resolve(
    client: &ServiceClient,
    op: &'static Operation,
    params: &[&str],
    suffix_segments: usize,
) -> Result<(String, String)> {
    if params.iter().any(|p| p.is_empty()) {
        return Err(Error::invalid_input("a stack name or ID must not be empty"));
    }
    let resp = client
        .request(op, params)
        .ok_codes(&[302])
        .send_raw()
        .await?;
    let location = resp.header("location").ok_or_else(|| {
        Error::new(ErrorKind::Decode, "Heat's redirect has no Location header")
            .with_request_id(resp.request_id())
    })?;
    stack_from_location(resp.url(), location, suffix_segments)
        .map_err(|e| e.with_request_id(resp.request_id()))
}

/// Checks that a stack's name and ID are both given (the canonical paths need both).
/// For `Debug`: the names of a map of values that may hold secrets (parameters, input
/// and output values), never the values.
pub(crate) fn names(m: &Option<serde_json::Map<String, Value>>) -> Option<Vec<&str>> {
    m.as_ref().map(|m| m.keys().map(String::as_str).collect())
}

pub(crate) fn check_stack(name: &str, id: &str) -> Result<()> {
    crate::request::require("stack name", !name.is_empty())?;
    crate::request::require("stack ID", !id.is_empty())
}
