//! Deployables: the parts of a device that instances use (a whole card, a virtual
//! function, an FPGA region), each a resource provider in Placement. An FPGA deployable
//! is programmed with a bitstream image from Glance.
//!
//! ```no_run
//! # async fn demo(cyborg: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::accelerator::v2::deployables;
//! let d = deployables::program(&cyborg, "29e23349-12ee-4978-963c-11484a4ae601",
//!     "76babc1b-3222-4992-a046-52441e403577").await.extract()?;
//! println!("{} holds {} accelerators", d.name, d.num_accelerators);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::cyborg_functions;
use crate::ServiceClient;
use crate::dates::Timestamp;
use crate::de::Link;
use crate::patch::PatchOp;
use crate::request::{ApiResult, Validate};

crate::operations! {
    service: "accelerator";
    /// List deployables.
    LIST = GET "/deployables" list("deployables", Deployable);
    /// Show a deployable.
    GET = GET "/deployables/{deployable_uuid}" response(Deployable);
    /// Program an FPGA deployable with a bitstream image.
    PROGRAM = PATCH "/deployables/{deployable_uuid}/program" request(ProgramPatch) response(Deployable);
}

/// A deployable.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Deployable {
    /// The UUID.
    pub uuid: String,
    /// The ID of the deployable it is part of.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub parent_id: Option<i64>,
    /// The ID of the root of its tree.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub root_id: Option<i64>,
    /// The name (`<host>_<device>`).
    pub name: String,
    /// How many accelerators it offers.
    pub num_accelerators: i64,
    /// The ID of its device.
    pub device_id: i64,
    /// Its attributes, as Cyborg writes them (a Python list of dicts as text); read them
    /// one by one with [`attributes`](super::attributes).
    pub attributes_list: String,
    /// Its resource provider in Placement.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub rp_uuid: Option<String>,
    /// The Cyborg driver that manages it.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub driver_name: Option<String>,
    /// The bitstream it is programmed with.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub bitstream_id: Option<String>,
    /// When it was found.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Links to it.
    pub links: Vec<Link>,
}

/// What [`list`] takes (Cyborg lists every deployable the caller may see).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {}

/// The JSON Patch [`program`] sends: `replace /program` with the bitstream image.
///
/// ```
/// use ferrocloud::openstack::accelerator::v2::deployables::ProgramPatch;
/// assert_eq!(serde_json::to_value(ProgramPatch::image("76babc1b")).unwrap(), serde_json::json!(
///     [{"op": "replace", "path": "/program", "value": [{"image_uuid": "76babc1b"}]}]));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProgramPatch(pub Vec<PatchOp>);

impl ProgramPatch {
    /// Programs the bitstream of Glance image `image_uuid`.
    pub fn image(image_uuid: impl Into<String>) -> Self {
        ProgramPatch(vec![PatchOp::Replace {
            path: "/program".into(),
            value: serde_json::json!([{ "image_uuid": image_uuid.into() }]),
        }])
    }
}

impl Validate for ProgramPatch {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("a /program change", !self.0.is_empty())
    }
}

cyborg_functions! { Deployable, "deployable", extract_deployables; list get }

/// Programs an FPGA deployable with the bitstream in Glance image `image_uuid`; the
/// answer is the deployable.
pub async fn program(client: &ServiceClient, uuid: &str, image_uuid: &str) -> ApiResult<Deployable> {
    if image_uuid.is_empty() {
        return ApiResult::from_error(crate::Error::invalid_input("image_uuid must not be empty"));
    }
    client
        .request(&PROGRAM, &[uuid])
        .body(&ProgramPatch::image(image_uuid))
        .send()
        .await
}
