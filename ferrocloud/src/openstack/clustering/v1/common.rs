//! What Senlin's resources share: paging and sorting of listings, the actions that
//! requests start (and how to read their IDs), the type documents of profile and policy
//! types, and the functions a resource shares.
//!
//! ```
//! use ferrocloud::openstack::clustering::v1::common::Paging;
//! let p = Paging { limit: Some(10), sort: Some("name:asc".into()), global_project: Some(true), ..Default::default() };
//! assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&p).unwrap()),
//!     "limit=10&sort=name%3Aasc&global_project=true");
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::dates::Timestamp;
use crate::request::{ApiResult, Response};
use crate::{Error, ErrorKind, Result};

/// A JSON object kept as Senlin sent it (metadata, data, specs, parameters).
pub type Object = BTreeMap<String, Value>;

/// Paging and sorting of a Senlin listing, flattened into each resource's `ListOpts`.
/// The pager asks for the next page after the last item's ID on its own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Paging {
    /// Items per page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after the item with this ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Sort keys and directions, comma-separated (`name:asc,created_at:desc`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    /// Items of every project (administrators).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_project: Option<bool>,
}

/// The owner and the dates every Senlin object carries, flattened into each type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Record {
    /// The project (`project_id` in some listings).
    #[serde(alias = "project_id")]
    pub project: String,
    /// The user.
    pub user: String,
    /// The domain.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub domain: Option<String>,
    /// When it was created (`null` before it is).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub created_at: Option<Timestamp>,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
}

/// The body of a `202` answer that started an action: its ID.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Accepted {
    /// The action's ID.
    pub action: String,
}

/// What a request that starts an action gives back: the object as Senlin answered it
/// (still `INIT` or `UPDATING`) and the ID of the action doing the work, to wait for
/// with [`actions::wait_for_success`](super::actions::wait_for_success).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Started<T> {
    /// The object, as answered.
    pub value: T,
    /// The action's ID.
    pub action: String,
}

/// The ID of the action a `202` answer started: from the `Location` header
/// (`…/actions/<id>`), or else from the body's `action` field. The request's error when
/// it failed; a decode error when the answer names no action.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::common::action_id;
/// use ferrocloud::request::{ApiResult, Response};
/// use http::{HeaderMap, Method, StatusCode};
/// let mut h = HeaderMap::new();
/// h.insert("location", "/v1/actions/2a0ff107".parse().unwrap());
/// let r = Response::new(Method::DELETE, "http://s/v1/clusters/c".parse().unwrap(),
///     StatusCode::ACCEPTED, h, Default::default());
/// assert_eq!(action_id(&ApiResult::<()>::from_response(r, None)).unwrap(), "2a0ff107");
/// ```
pub fn action_id<T>(result: &ApiResult<T>) -> Result<String> {
    result.ok()?;
    let Some(resp) = result.response() else {
        return Err(no_action(None));
    };
    if let Some(id) = location_action(resp) {
        return Ok(id);
    }
    if !resp.body().iter().all(u8::is_ascii_whitespace)
        && let Ok(a) = resp.decode::<Accepted>(None)
    {
        return Ok(a.action);
    }
    Err(no_action(resp.request_id()))
}

/// The action ID at the end of a `Location` header pointing to an action.
fn location_action(resp: &Response) -> Option<String> {
    let loc = resp.header("location")?;
    let path = loc.split(['?', '#']).next().unwrap_or_default();
    let (_, id) = path.trim_end_matches('/').rsplit_once("/actions/")?;
    (!id.is_empty() && !id.contains('/')).then(|| id.to_string())
}

fn no_action(request_id: Option<&str>) -> Error {
    Error::new(
        ErrorKind::Decode,
        "the answer names no action (neither a Location header nor an action field)",
    )
    .with_request_id(request_id)
}

/// The object and the action ID of an answer that started an action.
pub(crate) fn started<T: crate::request::FromResponse>(result: ApiResult<T>) -> Result<Started<T>> {
    let value = result.extract()?;
    Ok(Started {
        value,
        action: action_id(&result)?,
    })
}

/// What the validation of a profile or policy sends: the spec to check (microversion
/// 1.2).
///
/// ```
/// use ferrocloud::openstack::clustering::v1::common::ValidateOpts;
/// let o = ValidateOpts { spec: serde_json::json!({"type": "os.nova.server", "version": 1.0, "properties": {}}) };
/// assert_eq!(serde_json::to_value(&o).unwrap()["spec"]["type"], "os.nova.server");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidateOpts {
    /// The spec: `type`, `version` and `properties`, kept as given.
    pub spec: Value,
}

impl crate::request::Validate for ValidateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("spec", self.spec.is_object())
    }
}

/// A request whose body is one key naming what to do, holding its arguments
/// (`{"reboot": {"type": "SOFT"}}`): the operations of clusters and nodes.
///
/// ```
/// use ferrocloud::openstack::clustering::v1::common::Named;
/// let op = Named::new("reboot", serde_json::json!({"type": "SOFT"}));
/// assert_eq!(serde_json::to_value(&op).unwrap(), serde_json::json!({"reboot": {"type": "SOFT"}}));
/// let back: Named<serde_json::Value> = serde_json::from_value(serde_json::json!({"stop": {}})).unwrap();
/// assert_eq!(back.name, "stop");
/// assert!(serde_json::from_value::<Named<serde_json::Value>>(serde_json::json!({})).is_err());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Named<T> {
    /// What to do (`reboot`).
    pub name: String,
    /// Its arguments.
    pub args: T,
}

impl<T> Named<T> {
    /// `name` with `args`.
    pub fn new(name: impl Into<String>, args: T) -> Self {
        Named {
            name: name.into(),
            args,
        }
    }
}

impl<T: Serialize> Serialize for Named<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(&self.name, &self.args)?;
        m.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Named<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let mut m = BTreeMap::<String, T>::deserialize(d)?;
        match m.pop_first() {
            Some((name, args)) if m.is_empty() => Ok(Named { name, args }),
            _ => Err(serde::de::Error::custom(
                "expected exactly one key, the operation's name",
            )),
        }
    }
}

impl<T> crate::request::Validate for Named<T> {
    fn validate(&self) -> Result<()> {
        crate::request::require("the operation's name", !self.name.trim().is_empty())
    }
}

/// Sends a request that starts an action, and returns the action's ID.
pub(crate) async fn start<B>(
    client: &crate::ServiceClient,
    op: &'static crate::operation::Op<Accepted>,
    params: &[&str],
    body: &B,
) -> Result<String>
where
    B: Serialize + crate::request::Validate + ?Sized,
{
    action_id(&client.request(op, params).body(body).send().await)
}

/// When a profile or policy type was supported, experimental or deprecated (1.5).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SupportStatus {
    /// `SUPPORTED`, `EXPERIMENTAL`, `DEPRECATED`…
    pub status: String,
    /// Since which release (`2016.04`).
    pub since: String,
}

/// A profile or policy type of a listing: `name-version` before microversion 1.5; the
/// name, the version and the support history from 1.5.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TypeSummary {
    /// The name (`os.nova.server-1.0` before 1.5, `os.nova.server` from 1.5).
    pub name: String,
    /// The version (1.5).
    #[serde(default)]
    pub version: Option<String>,
    /// The support history per version (1.5).
    #[serde(default)]
    pub support_status: BTreeMap<String, Vec<SupportStatus>>,
}

/// A profile or policy type: its spec's schema.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct TypeDetail {
    /// The name and version (`os.heat.stack-1.0`).
    pub name: String,
    /// The properties a spec of the type takes, each described by its own schema.
    pub schema: Object,
    /// The support history per version (1.5).
    #[serde(default)]
    pub support_status: BTreeMap<String, Vec<SupportStatus>>,
}

/// The functions of a Senlin resource, declared once; the module names the ones it has
/// after the `;`. Senlin takes a name, an ID or a short ID wherever an ID is asked for.
///
/// - `list`: pages by the items' `id`, with `ListOpts`, and `$extract`;
/// - `get`; `delete` (`204`);
/// - `create`/`update`: `POST`/`PATCH` with `CreateOpts`/`UpdateOpts`, answering the item;
/// - `create_started`/`update_started`/`delete_started`: the same, answering `202` with
///   the action doing the work ([`Started`]; an action ID for a delete);
/// - `wait_active`: waits for `ACTIVE`, failing on a failed state with `status_reason`;
/// - `wait_deleted`: waits until the item is gone.
macro_rules! senlin_functions {
    ($item:ty, $noun:literal, $extract:ident; $($f:ident)+) => {
        $(
            $crate::openstack::clustering::v1::common::senlin_functions! {
                @$f $item, $noun, $extract
            }
        )+
    };
    (@list $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Lists every ", $noun, ", page after page (marker: the last item's ID).")]
        ///
        /// ```no_run
        /// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!("let all = ", module_path!(), "::list(&senlin, &Default::default()).all().await?;")]
        /// # Ok(()) }
        /// ```
        pub fn list(client: &$crate::ServiceClient, opts: &ListOpts) -> $crate::pagination::Pager<$item> {
            client
                .request(&LIST, &[])
                .query(opts)
                .paged($crate::pagination::PageStyle::Marker("id"))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("Each ", $noun, " of a page (or of all pages).")]
            $extract, $item
        }
    };
    (@get $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Shows a ", $noun, " (by ID, short ID or name).")]
        ///
        /// ```no_run
        /// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!("let one = ", module_path!(), "::get(&senlin, \"45edadcb\").await.extract()?;")]
        /// # Ok(()) }
        /// ```
        pub async fn get(client: &$crate::ServiceClient, id: &str) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[id]).send().await
        }
    };
    (@delete $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Deletes a ", $noun, " (`204`).")]
        ///
        /// ```no_run
        /// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!(module_path!(), "::delete(&senlin, \"1d85fc39\").await.ok()?;")]
        /// # Ok(()) }
        /// ```
        pub async fn delete(client: &$crate::ServiceClient, id: &str) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[id]).send().await
        }
    };
    (@create $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Creates a ", $noun, ".")]
        ///
        /// ```no_run
        #[doc = concat!("# use ", module_path!(), "::CreateOpts;")]
        /// # async fn demo(senlin: ferrocloud::ServiceClient, opts: CreateOpts) -> ferrocloud::Result<()> {
        #[doc = concat!("let created = ", module_path!(), "::create(&senlin, &opts).await.extract()?;")]
        /// # Ok(()) }
        /// ```
        pub async fn create(client: &$crate::ServiceClient, opts: &CreateOpts) -> $crate::request::ApiResult<$item> {
            client.request(&CREATE, &[]).body(opts).send().await
        }
    };
    (@update $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Changes a ", $noun, ".")]
        ///
        /// ```no_run
        #[doc = concat!("# use ", module_path!(), "::UpdateOpts;")]
        /// # async fn demo(senlin: ferrocloud::ServiceClient, opts: UpdateOpts) -> ferrocloud::Result<()> {
        #[doc = concat!("let changed = ", module_path!(), "::update(&senlin, \"1d85fc39\", &opts).await.extract()?;")]
        /// # Ok(()) }
        /// ```
        pub async fn update(
            client: &$crate::ServiceClient,
            id: &str,
            opts: &UpdateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&UPDATE, &[id]).body(opts).send().await
        }
    };
    (@validate $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Validates a ", $noun, " spec without creating anything (microversion 1.2): the ", $noun, " it would make.")]
        ///
        /// ```no_run
        /// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        /// use ferrocloud::openstack::clustering::v1::common::ValidateOpts;
        /// let spec = serde_json::json!({"type": "senlin.policy.deletion", "version": "1.0", "properties": {}});
        #[doc = concat!("let checked = ", module_path!(), "::validate(&senlin.with_microversion(\"1.2\"), &ValidateOpts { spec }).await.extract()?;")]
        /// # Ok(()) }
        /// ```
        pub async fn validate(
            client: &$crate::ServiceClient,
            opts: &$crate::openstack::clustering::v1::common::ValidateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&VALIDATE, &[]).body(opts).send().await
        }
    };
    (@create_started $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Creates a ", $noun, " (`202`): the ", $noun, " as answered (`INIT`) and the action creating it.")]
        ///
        /// ```no_run
        #[doc = concat!("# use ", module_path!(), "::CreateOpts;")]
        /// # async fn demo(senlin: ferrocloud::ServiceClient, opts: CreateOpts) -> ferrocloud::Result<()> {
        #[doc = concat!("let started = ", module_path!(), "::create(&senlin, &opts).await?;")]
        /// ferrocloud::openstack::clustering::v1::actions::wait_for_success(&senlin, &started.action, &Default::default()).await?;
        /// # Ok(()) }
        /// ```
        pub async fn create(
            client: &$crate::ServiceClient,
            opts: &CreateOpts,
        ) -> $crate::Result<$crate::openstack::clustering::v1::common::Started<$item>> {
            let result = match opts.check(client) {
                Ok(()) => client.request(&CREATE, &[]).body(opts).send().await,
                Err(e) => $crate::request::ApiResult::from_error(e),
            };
            $crate::openstack::clustering::v1::common::started(result)
        }
    };
    (@update_started $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Changes a ", $noun, " (`202`): the ", $noun, " as answered and the action updating it.")]
        ///
        /// ```no_run
        #[doc = concat!("# use ", module_path!(), "::UpdateOpts;")]
        /// # async fn demo(senlin: ferrocloud::ServiceClient, opts: UpdateOpts) -> ferrocloud::Result<()> {
        #[doc = concat!("let started = ", module_path!(), "::update(&senlin, \"45edadcb\", &opts).await?;")]
        /// ferrocloud::openstack::clustering::v1::actions::wait_for_success(&senlin, &started.action, &Default::default()).await?;
        /// # Ok(()) }
        /// ```
        pub async fn update(
            client: &$crate::ServiceClient,
            id: &str,
            opts: &UpdateOpts,
        ) -> $crate::Result<$crate::openstack::clustering::v1::common::Started<$item>> {
            let result = match opts.check(client) {
                Ok(()) => client.request(&UPDATE, &[id]).body(opts).send().await,
                Err(e) => $crate::request::ApiResult::from_error(e),
            };
            $crate::openstack::clustering::v1::common::started(result)
        }
    };
    (@delete_started $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Deletes a ", $noun, " (`202`), and returns the ID of the action deleting it.")]
        #[doc = concat!("`force` (microversion 1.8) deletes a ", $noun, " that is in a transitional state.")]
        ///
        /// ```no_run
        /// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!("let action = ", module_path!(), "::delete(&senlin, \"45edadcb\", false).await?;")]
        /// # Ok(()) }
        /// ```
        pub async fn delete(client: &$crate::ServiceClient, id: &str, force: bool) -> $crate::Result<String> {
            $crate::microversion::check_field(client, "force", force, Some("1.8"), None)?;
            let mut req = client.request(&DELETE, &[id]);
            if force {
                req = req.query_pair("force", "true");
            }
            $crate::openstack::clustering::v1::common::action_id(&req.send().await)
        }
    };
    (@wait_active $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Waits until the ", $noun, " is `ACTIVE`, and returns it; a failed state (",
            "see `is_failed`) ends the wait with its `status_reason`.")]
        ///
        /// ```no_run
        /// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!("let ready = ", module_path!(), "::wait_for_active(&senlin, \"45edadcb\", &Default::default()).await?;")]
        /// # Ok(()) }
        /// ```
        pub async fn wait_for_active(
            client: &$crate::ServiceClient,
            id: &str,
            opts: &$crate::wait::WaitOpts,
        ) -> $crate::Result<$item> {
            $crate::wait::wait_for(
                &format!(concat!($noun, " {} to be ACTIVE"), id),
                opts,
                || async { get(client, id).await.extract() },
                |x: &$item| {
                    if x.status.is_active() {
                        $crate::wait::State::Ready
                    } else if x.status.is_failed() {
                        $crate::wait::State::Failed(format!(
                            concat!($noun, " is {}: {}"),
                            x.status,
                            x.status_reason.as_deref().unwrap_or("no reason given")
                        ))
                    } else {
                        $crate::wait::State::Pending
                    }
                },
                |_| {},
            )
            .await
        }
    };
    (@wait_deleted $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Waits until the ", $noun, " is gone (its show answers `404`).")]
        ///
        /// ```no_run
        /// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
        #[doc = concat!(module_path!(), "::wait_for_deletion(&senlin, \"45edadcb\", &Default::default()).await?;")]
        /// # Ok(()) }
        /// ```
        pub async fn wait_for_deletion(
            client: &$crate::ServiceClient,
            id: &str,
            opts: &$crate::wait::WaitOpts,
        ) -> $crate::Result<()> {
            $crate::wait::wait_for_deletion(&format!(concat!($noun, " {}"), id), opts, || async {
                get(client, id).await.extract()
            })
            .await
        }
    };
}
pub(crate) use senlin_functions;
