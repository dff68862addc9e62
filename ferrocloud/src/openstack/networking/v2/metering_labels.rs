//! Metering labels (admin, `metering`): named counters of the traffic through a
//! project's routers (or every project's, when shared); what they count is set by their
//! [rules](crate::openstack::networking::v2::metering_label_rules). List, show, create,
//! delete, find: Neutron refuses updates.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::metering_labels::{self, CreateOpts, ListOpts};
//! let label = metering_labels::create(&network, &CreateOpts::new("web").shared(true)).await.extract()?;
//! let shared = metering_labels::list(&network, &ListOpts { shared: Some(true), ..ListOpts::default() })
//!     .all().await?;
//! assert!(shared.iter().any(|l| l.id == label.id));
//! metering_labels::delete(&network, &label.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::Result;
use crate::request::Validate;

crate::operations! {
    service: "network";
    /// List metering labels.
    LIST = GET "/metering/metering-labels" list("metering_labels", MeteringLabel);
    /// Show a metering label.
    GET = GET "/metering/metering-labels/{metering_label_id}" response("metering_label", MeteringLabel);
    /// Create a metering label.
    CREATE = POST "/metering/metering-labels" request("metering_label", CreateOpts)
        response("metering_label", MeteringLabel);
    /// Delete a metering label (and its rules).
    DELETE = DELETE "/metering/metering-labels/{metering_label_id}";
}

/// A metering label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MeteringLabel {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// Counts the traffic of every project's routers, not only its own project's.
    pub shared: bool,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl crate::find::Named for MeteringLabel {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Options for creating a metering label.
///
/// ```
/// use ferrocloud::openstack::networking::v2::metering_labels::CreateOpts;
/// let opts = CreateOpts::new("label1").description("description of label1");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "label1", "description": "description of label1"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Count every project's router traffic (false by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// Create it for another project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A label named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: Some(name.into()),
            ..Default::default()
        }
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Counts every project's router traffic.
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = Some(shared);
        self
    }
    /// Creates it for another project.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(crate::Error::invalid_input(
                "set project_id or tenant_id, not both",
            ));
        }
        Ok(())
    }
}

/// Filters for listing metering labels; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::metering_labels::ListOpts;
/// let opts = ListOpts { name: Some("web".into()), shared: Some(false), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "name=web&shared=false");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Shared labels only, or unshared only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::crud::crud! {
    MeteringLabel, "metering label", "metering labels", "metering_labels_links", extract_metering_labels;
    list, get, create, delete, find
}
