//! Security groups: list (typed filters, sorting, tags, any attribute), show, create,
//! update (optionally only if unchanged since read), delete, find. A group comes with
//! its rules ([`SecurityGroupRule`](crate::openstack::networking::v2::security_group_rules::SecurityGroupRule)); add and remove rules with
//! [`security_group_rules`](crate::openstack::networking::v2::security_group_rules).
//!
//! Neutron creates each project's `default` group on its first use, and gives every new
//! group the rules of the templates in
//! [`default_security_group_rules`]
//! (by default: all outgoing traffic allowed). A stateless group (`stateful: false`,
//! `stateful-security-group`) does not track connections: replies need their own rules.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::security_groups::{self, CreateOpts, UpdateOpts};
//! let opts = CreateOpts::new("web").description("front end").stateful(true);
//! let sg = security_groups::create(&network, &opts).await.extract()?;
//! for rule in &sg.security_group_rules {
//!     println!("{:?} {:?} {:?}", rule.direction, rule.ethertype, rule.remote_ip_prefix);
//! }
//! let renamed = security_groups::update_if_revision(
//!     &network, &sg.id, sg.revision_number, &UpdateOpts::default().name("www"),
//! ).await.extract()?;
//! let default = security_groups::find(&network, "default").await?;
//! security_groups::delete(&network, &sg.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
pub use super::security_group_rules::SecurityGroupRule;
use crate::dates::Timestamp;
use crate::request::{Extensible, Validate};
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List security groups.
    LIST = GET "/security-groups" list("security_groups", SecurityGroup);
    /// Show a security group.
    GET = GET "/security-groups/{security_group_id}" response("security_group", SecurityGroup);
    /// Create a security group.
    CREATE = POST "/security-groups"
        request("security_group", CreateOpts)
        response("security_group", SecurityGroup);
    /// Update a security group.
    UPDATE = PUT "/security-groups/{security_group_id}"
        request("security_group", UpdateOpts)
        response("security_group", SecurityGroup);
    /// Delete a security group.
    DELETE = DELETE "/security-groups/{security_group_id}";
}

/// A security group, with its rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SecurityGroup {
    /// The ID.
    pub id: String,
    /// The name (`default` for a project's default group).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// Its rules.
    pub security_group_rules: Vec<SecurityGroupRule>,
    /// Tracks connections (`stateful-security-group`; `None` where the extension is not
    /// loaded: stateful).
    #[serde(default)]
    pub stateful: Option<bool>,
    /// Shared with the asking project through an RBAC policy
    /// (`rbac-security-groups`).
    #[serde(default)]
    pub shared: Option<bool>,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Its tags (empty when the `standard-attr-tag` extension is not loaded).
    #[serde(default)]
    pub tags: Vec<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
    /// Incremented on every change; see [`update_if_revision`].
    pub revision_number: u64,
}

impl crate::find::Named for SecurityGroup {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// Options for creating a security group.
///
/// ```
/// use ferrocloud::openstack::networking::v2::security_groups::CreateOpts;
/// let opts = CreateOpts::new("new-webservers").description("security group for webservers").stateful(true);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "new-webservers", "description": "security group for webservers", "stateful": true}));
/// use ferrocloud::request::Validate;
/// assert!(CreateOpts::new("default").validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name (not `default`, which Neutron keeps for each project's own group).
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Track connections (the default) or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stateful: Option<bool>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// A group named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Tracks connections, or not.
    pub fn stateful(mut self, stateful: bool) -> Self {
        self.stateful = Some(stateful);
        self
    }
    /// Creates it for another project.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

fn not_default(name: &str) -> Result<()> {
    if name.eq_ignore_ascii_case("default") {
        return Err(Error::invalid_input(
            "a security group cannot be named \"default\": Neutron keeps the name for each \
             project's own group",
        ));
    }
    Ok(())
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        not_default(&self.name)
    }
}

/// Changes to a security group; unset fields are left as they are.
///
/// ```
/// use ferrocloud::openstack::networking::v2::security_groups::UpdateOpts;
/// let opts = UpdateOpts::default().name("mysecgroup").stateful(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///            serde_json::json!({"name": "mysecgroup", "stateful": false}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Track connections or not (Neutron refuses the change while a port uses the
    /// group).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stateful: Option<bool>,
}

impl UpdateOpts {
    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Tracks connections, or not.
    pub fn stateful(mut self, stateful: bool) -> Self {
        self.stateful = Some(stateful);
        self
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        self.name.as_deref().map_or(Ok(()), not_default)
    }
}

/// Filters for listing security groups; sorting, paging, tags and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::security_groups::ListOpts;
/// let opts = ListOpts { name: Some("default".into()), stateful: Some(true), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "name=default&stateful=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By description (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Stateful groups only, or stateless only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stateful: Option<bool>,
    /// Groups shared with the project only, or the others
    /// (`security-groups-shared-filtering`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// Sorting, paging, fields, tags and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    SecurityGroup, "security group", "security_groups", extract_security_groups;
    list get create update update_if_revision delete find
}
