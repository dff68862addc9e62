//! Accelerator requests (ARQs): one accelerator asked of a device profile's group. Nova
//! creates them from a flavor's device profile, binds them to the instance and host it
//! picked (a JSON Patch of the collection, answered `202`), waits for `Bound`, and
//! deletes them with the instance.
//!
//! Cyborg takes a bind or an unbind only with a service's token besides the user's
//! (`403` otherwise): send it as `X-Service-Token`
//! ([`ServiceClient::with_header`](crate::ServiceClient::with_header)). Cyborg then
//! tells Nova of the outcome; when Nova does not know the instance, the request is
//! bound all the same and the answer is a `400`.
//!
//! ```no_run
//! # async fn demo(cyborg: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::accelerator::v2::accelerator_requests::{self, ArqState, Binding};
//! let arqs = accelerator_requests::create(&cyborg, "fpga-dp1").await.extract()?;
//! let uuid = &arqs[0].uuid;
//! accelerator_requests::bind(&cyborg, &[Binding::new(uuid, "compute-1",
//!     "03631f82-20a9-3f67-a29d-dc1abe4042bf", "506220bc-18f2-4294-9b29-80267a021dc0")]).await.ok()?;
//! let arq = accelerator_requests::wait_for_bound(&cyborg, uuid, &Default::default()).await?;
//! assert_eq!(arq.state, ArqState::Bound);
//! accelerator_requests::unbind(&cyborg, &[uuid.as_str()]).await.ok()?;
//! accelerator_requests::delete(&cyborg, &[uuid.as_str()]).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::need;
use crate::dates::Timestamp;
use crate::de::{Link, text_enum};
use crate::patch::PatchOp;
use crate::request::{ApiResult, Validate};
use crate::wait::{State, WaitOpts};
use crate::{Error, ServiceClient};

crate::operations! {
    service: "accelerator";
    /// List accelerator requests.
    LIST = GET "/accelerator_requests" list("arqs", Arq);
    /// Show an accelerator request.
    GET = GET "/accelerator_requests/{accelerator_request_uuid}" response(Arq);
    /// Create the accelerator requests of a device profile.
    CREATE = POST "/accelerator_requests" request(CreateOpts) list("arqs", Arq);
    /// Bind or unbind accelerator requests (a JSON Patch per ARQ).
    UPDATE = PATCH "/accelerator_requests" request(BindPatch);
    /// Delete accelerator requests by UUID.
    DELETE = DELETE "/accelerator_requests?arqs={accelerator_request_uuid}";
    /// Delete the accelerator requests of an instance.
    DELETE_BY_INSTANCE = DELETE "/accelerator_requests?instance={instance_uuid}";
}

text_enum! {
    /// Where an accelerator request stands.
    ///
    /// ```
    /// use ferrocloud::openstack::accelerator::v2::accelerator_requests::ArqState;
    /// let s: ArqState = serde_json::from_str("\"BindFailed\"").unwrap();
    /// assert_eq!(s, ArqState::BindFailed);
    /// assert_eq!(ArqState::Bound.as_str(), "Bound");
    /// ```
    ArqState {
        /// Created, not bound.
        Initial = "Initial",
        /// Binding to a host and instance.
        BindStarted = "BindStarted",
        /// Bound: the accelerator is ready for the instance.
        Bound = "Bound",
        /// Unbound.
        Unbound = "Unbound",
        /// The binding failed.
        BindFailed = "BindFailed",
        /// The unbinding failed.
        UnbindFailed = "UnbindFailed",
        /// Being deleted.
        Deleting = "Deleting",
    }
}

/// An accelerator request.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Arq {
    /// The UUID.
    pub uuid: String,
    /// Where it stands.
    pub state: ArqState,
    /// The device profile it asks of.
    pub device_profile_name: String,
    /// The index of the profile's group it asks of.
    pub device_profile_group_id: i64,
    /// The host it is bound to.
    #[serde(default)]
    pub hostname: Option<String>,
    /// The resource provider (deployable) it is bound to.
    #[serde(default)]
    pub device_rp_uuid: Option<String>,
    /// The instance it is bound to.
    #[serde(default)]
    pub instance_uuid: Option<String>,
    /// The project that owns it (not in the answer to a create).
    #[serde(default)]
    pub project_id: Option<String>,
    /// How the instance attaches the accelerator (`PCI`, `MDEV`, `TEST_PCI`; `""`
    /// while unbound).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub attach_handle_type: String,
    /// The attach handle (not in the answer to a create).
    #[serde(default)]
    pub attach_handle_uuid: Option<String>,
    /// Where the accelerator is: PCI `domain`, `bus`, `device`, `function`, or an
    /// mdev's `asked_type`… (empty while unbound).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub attach_handle_info: BTreeMap<String, String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Links to it.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// What [`list`] filters on.
///
/// ```
/// let opts = ferrocloud::openstack::accelerator::v2::accelerator_requests::ListOpts {
///     instance: Some("d1e3ff56".into()), bind_state: Some("resolved".into()) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "bind_state=resolved&instance=d1e3ff56");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// `resolved`: with `instance`, only when every ARQ of the instance is bound or
    /// failed to (Cyborg answers `423` otherwise). Cyborg takes no other value (any
    /// other, such as a state, is a `500`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bind_state: Option<String>,
    /// The ARQs of this instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::accelerator::v2::accelerator_requests::CreateOpts;
/// assert_eq!(serde_json::to_value(CreateOpts::new("dp")).unwrap(),
///     serde_json::json!({"device_profile_name": "dp"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The device profile (required).
    pub device_profile_name: String,
}

impl CreateOpts {
    /// The requests of profile `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            device_profile_name: name.into(),
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("device_profile_name", !self.device_profile_name.is_empty())
    }
}

/// Where to bind one ARQ.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Binding {
    /// The ARQ.
    pub arq_uuid: String,
    /// The compute host.
    pub hostname: String,
    /// The resource provider (deployable) Placement allocated.
    pub device_rp_uuid: String,
    /// The instance.
    pub instance_uuid: String,
    /// The instance's project (admins; microversion 2.1 and later; the caller's project
    /// otherwise).
    pub project_id: Option<String>,
}

impl Binding {
    /// ARQ `arq_uuid` bound to `instance_uuid` on `hostname`, at `device_rp_uuid`.
    pub fn new(
        arq_uuid: impl Into<String>,
        hostname: impl Into<String>,
        device_rp_uuid: impl Into<String>,
        instance_uuid: impl Into<String>,
    ) -> Self {
        Binding {
            arq_uuid: arq_uuid.into(),
            hostname: hostname.into(),
            device_rp_uuid: device_rp_uuid.into(),
            instance_uuid: instance_uuid.into(),
            project_id: None,
        }
    }

    /// With the instance's project (admins; microversion 2.1).
    pub fn project(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

/// The body of [`bind`] and [`unbind`]: a JSON Patch per ARQ UUID.
///
/// ```
/// use ferrocloud::openstack::accelerator::v2::accelerator_requests::{BindPatch, Binding};
/// let patch = BindPatch::bind(&[Binding::new("a1", "host", "rp", "vm")]);
/// assert_eq!(serde_json::to_value(&patch).unwrap(), serde_json::json!({"a1": [
///     {"op": "add", "path": "/instance_uuid", "value": "vm"},
///     {"op": "add", "path": "/hostname", "value": "host"},
///     {"op": "add", "path": "/device_rp_uuid", "value": "rp"}]}));
/// let patch = BindPatch::unbind(&["a1"]);
/// assert_eq!(serde_json::to_value(&patch).unwrap()["a1"][0],
///     serde_json::json!({"op": "remove", "path": "/instance_uuid"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BindPatch(pub BTreeMap<String, Vec<PatchOp>>);

const BOUND_FIELDS: [&str; 3] = ["instance_uuid", "hostname", "device_rp_uuid"];

impl BindPatch {
    /// Binds each ARQ as its [`Binding`] says.
    pub fn bind(bindings: &[Binding]) -> Self {
        BindPatch(
            bindings
                .iter()
                .map(|b| {
                    let values = [&b.instance_uuid, &b.hostname, &b.device_rp_uuid];
                    let mut ops: Vec<PatchOp> = BOUND_FIELDS
                        .iter()
                        .zip(values)
                        .map(|(f, v)| PatchOp::Add {
                            path: format!("/{f}"),
                            value: v.as_str().into(),
                        })
                        .collect();
                    if let Some(p) = &b.project_id {
                        ops.push(PatchOp::Add {
                            path: "/project_id".into(),
                            value: p.as_str().into(),
                        });
                    }
                    (b.arq_uuid.clone(), ops)
                })
                .collect(),
        )
    }

    /// Unbinds these ARQs.
    pub fn unbind(arq_uuids: &[&str]) -> Self {
        BindPatch(
            arq_uuids
                .iter()
                .map(|u| {
                    let ops = BOUND_FIELDS
                        .iter()
                        .map(|f| PatchOp::Remove {
                            path: format!("/{f}"),
                        })
                        .collect();
                    (u.to_string(), ops)
                })
                .collect(),
        )
    }
}

impl Validate for BindPatch {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("at least one accelerator request", !self.0.is_empty())?;
        if self.0.keys().any(String::is_empty) {
            return Err(Error::invalid_input("an accelerator request UUID is empty"));
        }
        Ok(())
    }
}

/// Lists accelerator requests (one page).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> crate::pagination::Pager<Arq> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(crate::pagination::PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The accelerator requests of a page (or of all pages).
    extract_arqs, Arq
}

/// Shows an accelerator request.
pub async fn get(client: &ServiceClient, uuid: &str) -> ApiResult<Arq> {
    client.request(&GET, &[uuid]).send().await
}

/// Creates the accelerator requests of device profile `device_profile_name`: one per
/// accelerator its groups ask for (`201`).
pub async fn create(client: &ServiceClient, device_profile_name: &str) -> ApiResult<Vec<Arq>> {
    client
        .request(&CREATE, &[])
        .body(&CreateOpts::new(device_profile_name))
        .send()
        .await
}

/// Binds accelerator requests to instances and hosts (`202`; the binding goes on in
/// the background: [`wait_for_bound`]). A project needs microversion 2.1, checked
/// before sending.
pub async fn bind(client: &ServiceClient, bindings: &[Binding]) -> ApiResult<()> {
    if bindings.iter().any(|b| b.project_id.is_some())
        && let Err(e) = need(client, "binding an accelerator request with a project", 1)
    {
        return ApiResult::from_error(e);
    }
    let empty = bindings.iter().any(|b| {
        b.hostname.is_empty() || b.device_rp_uuid.is_empty() || b.instance_uuid.is_empty()
    });
    if empty {
        return ApiResult::from_error(Error::invalid_input(
            "a binding needs a hostname, a device_rp_uuid and an instance_uuid",
        ));
    }
    update(client, &BindPatch::bind(bindings)).await
}

/// Unbinds accelerator requests (`202`).
pub async fn unbind(client: &ServiceClient, arq_uuids: &[&str]) -> ApiResult<()> {
    update(client, &BindPatch::unbind(arq_uuids)).await
}

/// Sends a patch of the collection as it is (`202`): [`bind`] and [`unbind`] build it.
pub async fn update(client: &ServiceClient, patch: &BindPatch) -> ApiResult<()> {
    client
        .request(&UPDATE, &[])
        .body(patch)
        .ok_codes(&[202])
        .send()
        .await
}

/// Deletes accelerator requests by UUID (`204`).
pub async fn delete(client: &ServiceClient, arq_uuids: &[&str]) -> ApiResult<()> {
    if arq_uuids.is_empty() || arq_uuids.iter().any(|u| u.is_empty() || u.contains(',')) {
        return ApiResult::from_error(Error::invalid_input(
            "accelerator request UUIDs must be given, none empty or holding a comma",
        ));
    }
    client
        .request(&DELETE, &[&arq_uuids.join(",")])
        .send()
        .await
}

/// Deletes every accelerator request of an instance (`204`; a second call does no
/// harm). Cyborg keeps this to Nova (a service token).
pub async fn delete_by_instance(client: &ServiceClient, instance_uuid: &str) -> ApiResult<()> {
    client
        .request(&DELETE_BY_INSTANCE, &[instance_uuid])
        .send()
        .await
}

/// Waits until the accelerator request is `Bound`; `BindFailed` (or `UnbindFailed`,
/// `Deleting`) ends the wait with an error.
pub async fn wait_for_bound(client: &ServiceClient, uuid: &str, opts: &WaitOpts) -> crate::Result<Arq> {
    crate::wait::wait_for(
        &format!("accelerator request {uuid} to be Bound"),
        opts,
        || async { get(client, uuid).await.extract() },
        |a: &Arq| match a.state {
            ArqState::Bound => State::Ready,
            ArqState::BindFailed | ArqState::UnbindFailed | ArqState::Deleting => {
                State::Failed(format!("accelerator request {uuid} is {}", a.state))
            }
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}
