//! Default volume types (since 3.62, admin): the volume type a project's new volumes get
//! when they name none, instead of the deployment's `default_volume_type`.
//!
//! The API reference writes these paths without the project (`/v3/default-types/…`);
//! Cinder serves them both with and without it (its router maps `default-types` under
//! `/{project_id}` and under the version root), so the SDK sends them under the
//! catalog endpoint like every other path (`…/v3/{project_id}/default-types/…`).
//! Showing a project without one answers 404.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::default_types;
//! let project = "6685584b1eac4da6b5c3555430cf68ff";
//! let d = default_types::set(&volumes, project, "lvm_backend").await.extract()?;
//! println!("{} -> {}", d.project_id, d.volume_type_id);
//! for d in default_types::list(&volumes).all().await? {
//!     println!("{} -> {}", d.project_id, d.volume_type_id);
//! }
//! default_types::delete(&volumes, project).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// Set (create or update) a project's default volume type.
    SET = PUT "/default-types/{project_id}" since("3.62") request("default_type", SetOpts) response("default_type", DefaultType);
    /// Show a project's default volume type.
    GET = GET "/default-types/{project_id}" since("3.62") response("default_type", DefaultType);
    /// List the projects' default volume types.
    LIST = GET "/default-types" since("3.62") list("default_types", DefaultType);
    /// Unset a project's default volume type.
    DELETE = DELETE "/default-types/{project_id}" since("3.62");
}

/// The operations the v2 API documents: none (v3 only).
pub static V2_OPERATIONS: &[&crate::Operation] = &[];

/// A project's default volume type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct DefaultType {
    /// The project.
    pub project_id: String,
    /// The volume type's ID.
    pub volume_type_id: String,
}

/// The volume type to set.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::default_types::SetOpts;
/// let opts = SetOpts { volume_type: "lvm_backend".into() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"volume_type": "lvm_backend"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetOpts {
    /// The volume type's name or ID.
    pub volume_type: String,
}

impl Validate for SetOpts {
    fn validate(&self) -> Result<()> {
        if self.volume_type.is_empty() || self.volume_type.chars().count() > 255 {
            return Err(Error::invalid_input("volume_type must be 1 to 255 characters"));
        }
        Ok(())
    }
}

/// Sets a project's default volume type (by the type's name or ID).
pub async fn set(
    client: &ServiceClient,
    project_id: &str,
    volume_type: &str,
) -> ApiResult<DefaultType> {
    let opts = SetOpts {
        volume_type: volume_type.to_string(),
    };
    client.request(&SET, &[project_id]).body(&opts).send().await
}

/// Shows a project's default volume type (404 when it has none).
pub async fn get(client: &ServiceClient, project_id: &str) -> ApiResult<DefaultType> {
    client.request(&GET, &[project_id]).send().await
}

/// Lists the default volume types of all projects that have one (one page).
pub fn list(client: &ServiceClient) -> Pager<DefaultType> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The default types of a page of [`list`].
    extract_default_types, DefaultType
}

/// Unsets a project's default volume type (Cinder answers 204).
pub async fn delete(client: &ServiceClient, project_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[project_id]).send().await
}
