//! Device profiles: what an instance asks of accelerators, as groups of Placement
//! resources and traits (`resources:FPGA: "1"`, `trait:CUSTOM_FPGA_1: required`,
//! `accel:bitstream_id`…). A flavor names one in its `accel:device_profile` extra spec.
//!
//! ```no_run
//! # async fn demo(cyborg: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::accelerator::v2::device_profiles::{self, CreateOpts};
//! let group = [("resources:FPGA", "1"), ("trait:CUSTOM_FPGA_1", "required")];
//! let dp = device_profiles::create(&cyborg, &CreateOpts::new("fpga-dp1", [group])).await.extract()?;
//! let same = device_profiles::get(&cyborg.with_microversion("2.2"), "fpga-dp1").await.extract()?;
//! device_profiles::delete_by_names(&cyborg, &["fpga-dp1"]).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{cyborg_functions, is_uuid, need};
use crate::dates::Timestamp;
use crate::de::Link;
use crate::request::{ApiResult, Validate};
use crate::{Error, ServiceClient};

crate::operations! {
    service: "accelerator";
    /// List device profiles.
    LIST = GET "/device_profiles" list("device_profiles", DeviceProfile);
    /// Show a device profile (by name from microversion 2.2).
    GET = GET "/device_profiles/{device_profile_name_or_uuid}" response("device_profile", DeviceProfile);
    /// Create a device profile (admins).
    CREATE = POST "/device_profiles" request(Vec<CreateOpts>) response(DeviceProfile);
    /// Delete a device profile by UUID (admins).
    DELETE = DELETE "/device_profiles/{device_profile_uuid}";
    /// Delete device profiles by name (admins).
    DELETE_BY_NAMES = DELETE "/device_profiles?value={names}";
}

/// One group of a device profile: Placement resources and traits, and Cyborg's own
/// `accel:` keys, each with its text value.
pub type Group = BTreeMap<String, String>;

/// A device profile.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct DeviceProfile {
    /// The name.
    pub name: String,
    /// The UUID.
    pub uuid: String,
    /// The description (`""` when it has none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub description: String,
    /// The groups: one request group of Placement each.
    pub groups: Vec<Group>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Links to it.
    pub links: Vec<Link>,
}

impl crate::find::Named for DeviceProfile {
    fn id(&self) -> &str {
        &self.uuid
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// What [`list`] filters on.
///
/// ```
/// let opts = ferrocloud::openstack::accelerator::v2::device_profiles::ListOpts { name: Some("dp".into()) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "name=dp");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// The profile of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// What [`create`] sends (Cyborg takes a list holding one profile).
///
/// ```
/// use ferrocloud::openstack::accelerator::v2::device_profiles::CreateOpts;
/// let opts = CreateOpts::new("dp", [[("resources:FPGA", "1")]]).description("one FPGA");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!(
///     {"name": "dp", "description": "one FPGA", "groups": [{"resources:FPGA": "1"}]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The groups (at least one).
    pub groups: Vec<Group>,
    /// A UUID of your choosing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
}

impl CreateOpts {
    /// A profile `name` of these groups, each a list of `(key, value)` pairs.
    pub fn new<G, K, V>(name: impl Into<String>, groups: impl IntoIterator<Item = G>) -> Self
    where
        G: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        CreateOpts {
            name: name.into(),
            groups: groups
                .into_iter()
                .map(|g| g.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
                .collect(),
            ..Default::default()
        }
    }

    /// With a description.
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = Some(text.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("name", !self.name.is_empty())?;
        crate::request::require("groups", !self.groups.is_empty())
    }
}

cyborg_functions! { DeviceProfile, "device profile", extract_device_profiles; list }

/// Shows a device profile by UUID, or by name (microversion 2.2 and later; refused
/// before sending on an older client).
pub async fn get(client: &ServiceClient, name_or_uuid: &str) -> ApiResult<DeviceProfile> {
    if !is_uuid(name_or_uuid)
        && let Err(e) = need(client, "reading a device profile by name", 2)
    {
        return ApiResult::from_error(e);
    }
    client.request(&GET, &[name_or_uuid]).send().await
}

/// Finds a device profile by UUID or name, on any microversion (by name, through the
/// listing's `name` filter).
pub async fn find(client: &ServiceClient, name_or_uuid: &str) -> crate::Result<DeviceProfile> {
    let by_name = ListOpts {
        name: Some(name_or_uuid.to_string()),
    };
    if is_uuid(name_or_uuid) {
        return get(client, name_or_uuid).await.extract();
    }
    let found = extract_device_profiles(&list(client, &by_name).all_pages().await?)?;
    let mut it = found.into_iter().filter(|p| p.name == name_or_uuid);
    match (it.next(), it.next()) {
        (Some(p), None) => Ok(p),
        (None, _) => Err(Error::new(
            crate::ErrorKind::NotFound,
            format!("no device profile named {name_or_uuid:?}"),
        )),
        (Some(_), Some(_)) => Err(Error::invalid_input(format!(
            "more than one device profile named {name_or_uuid:?}"
        ))),
    }
}

/// Creates a device profile (admins; `201`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<DeviceProfile> {
    if let Err(e) = opts.validate() {
        return ApiResult::from_error(e);
    }
    client
        .request(&CREATE, &[])
        .json(std::slice::from_ref(opts))
        .send()
        .await
}

/// Deletes a device profile by UUID (admins; `204`).
pub async fn delete(client: &ServiceClient, uuid: &str) -> ApiResult<()> {
    client.request(&DELETE, &[uuid]).send().await
}

/// Deletes the device profiles of these names (admins; `204`). A name holding a comma
/// is refused: Cyborg splits the list on commas.
pub async fn delete_by_names(client: &ServiceClient, names: &[&str]) -> ApiResult<()> {
    if names.is_empty() || names.iter().any(|n| n.is_empty() || n.contains(',')) {
        return ApiResult::from_error(Error::invalid_input(
            "device profile names must be given, none empty or holding a comma",
        ));
    }
    client
        .request(&DELETE_BY_NAMES, &[&names.join(",")])
        .send()
        .await
}
