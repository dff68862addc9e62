//! Security groups and rules through the compute API (proxy to networking, until 2.35).
//!
//! Nova forwards these calls (`/os-security-groups`, `/os-security-group-rules`) to the
//! Networking service (Neutron), showing groups and ingress rules in Nova's older shape.
//! They are deprecated and answer 404 from microversion 2.36: the SDK refuses them
//! before sending when the client's microversion is newer. Use the Networking API
//! instead. A compute client without a microversion (the base version, 2.1) may use
//! them. (A server's own groups, and adding or removing one, are served at every
//! microversion: see [`crate::openstack::compute::v2::server_security_groups`] and
//! [`crate::openstack::compute::v2::server_actions`].)
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::security_groups::{self, CreateOpts, CreateRuleOpts};
//! let compute = compute.with_microversion("2.35");
//! let sg = security_groups::create(&compute, &CreateOpts::new("web", "web servers")).await.extract()?;
//! let rule = CreateRuleOpts::new(&sg.id).protocol("tcp").ports(443, 443).cidr("0.0.0.0/0");
//! security_groups::create_rule(&compute, &rule).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List security groups, up to 2.35.
    LIST = GET "/os-security-groups" until("2.35") list("security_groups", SecurityGroup);
    /// Create a security group, up to 2.35.
    CREATE = POST "/os-security-groups" until("2.35")
        request("security_group", CreateOpts) response("security_group", SecurityGroup);
    /// Show a security group, up to 2.35.
    GET = GET "/os-security-groups/{security_group_id}" until("2.35") response("security_group", SecurityGroup);
    /// Update a security group's name and description, up to 2.35.
    UPDATE = PUT "/os-security-groups/{security_group_id}" until("2.35")
        request("security_group", UpdateOpts) response("security_group", SecurityGroup);
    /// Delete a security group, up to 2.35.
    DELETE = DELETE "/os-security-groups/{security_group_id}" until("2.35");
    /// Create an ingress rule in a security group, up to 2.35.
    CREATE_RULE = POST "/os-security-group-rules" until("2.35")
        request("security_group_rule", CreateRuleOpts) response("security_group_rule", Rule);
    /// Delete a rule, up to 2.35.
    DELETE_RULE = DELETE "/os-security-group-rules/{security_group_rule_id}" until("2.35");
}

/// A security group.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SecurityGroup {
    /// The group's ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The project it belongs to.
    pub tenant_id: String,
    /// Its ingress rules (Nova does not show egress rules).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub rules: Vec<Rule>,
}

impl crate::find::Named for SecurityGroup {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// The group a rule admits traffic from (empty for a CIDR rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct RuleGroup {
    /// The group's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The group's project.
    #[serde(default)]
    pub tenant_id: Option<String>,
}

/// The addresses a rule admits traffic from (empty for a group rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct IpRange {
    /// The CIDR.
    #[serde(default)]
    pub cidr: Option<String>,
}

/// An ingress rule of a security group.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Rule {
    /// The rule's ID.
    pub id: String,
    /// The group the rule belongs to.
    pub parent_group_id: String,
    /// `tcp`, `udp`, `icmp`, or none for any protocol.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub ip_protocol: Option<String>,
    /// The first port (or the ICMP type; -1 for any), none for any.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub from_port: Option<i32>,
    /// The last port (or the ICMP code; -1 for any), none for any.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub to_port: Option<i32>,
    /// The source group, for a rule that admits a group (empty for a CIDR rule).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub group: RuleGroup,
    /// The source addresses, for a rule that admits a CIDR (empty for a group rule).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub ip_range: IpRange,
}

/// Paging and scope for listing security groups.
///
/// ```
/// use ferrocloud::openstack::compute::v2::security_groups::ListOpts;
/// let o = ListOpts { all_tenants: true, limit: Some(5), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "limit=5&all_tenants=1");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// At most this many groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Skip this many groups first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    /// The groups of every project (admin).
    #[serde(
        serialize_with = "one_if_set",
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub all_tenants: bool,
}

fn one_if_set<S: serde::Serializer>(_: &bool, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str("1")
}

fn check_text(field: &str, value: &str) -> Result<()> {
    if value.chars().count() > 255 {
        return Err(Error::invalid_input(format!(
            "{field} must be at most 255 characters"
        )));
    }
    Ok(())
}

/// A new security group: Nova needs both a name and a description (which may be empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// The description (sent even when empty).
    #[serde(default)]
    pub description: String,
}

impl CreateOpts {
    /// A group named `name`, described by `description`.
    pub fn new(name: impl Into<String>, description: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            description: description.into(),
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.trim().is_empty())?;
        check_text("name", &self.name)?;
        check_text("description", &self.description)
    }
}

/// A security group's new name and description: Nova needs both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new name (required).
    pub name: String,
    /// The new description (sent even when empty).
    #[serde(default)]
    pub description: String,
}

impl UpdateOpts {
    /// Renames the group to `name`, described by `description`.
    pub fn new(name: impl Into<String>, description: impl Into<String>) -> Self {
        UpdateOpts {
            name: name.into(),
            description: description.into(),
        }
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.trim().is_empty())?;
        check_text("name", &self.name)?;
        check_text("description", &self.description)
    }
}

/// A new ingress rule. Either a CIDR (`0.0.0.0/0` when neither is set) or a source group
/// admits the traffic; a CIDR rule needs a protocol and both ports.
///
/// ```
/// use ferrocloud::openstack::compute::v2::security_groups::CreateRuleOpts;
/// use ferrocloud::request::Validate;
/// let ssh = CreateRuleOpts::new("d6f86d8c").protocol("tcp").ports(22, 22).cidr("10.0.0.0/24");
/// assert!(ssh.validate().is_ok());
/// let both = ssh.clone().group_id("5b95f90a");
/// assert!(both.validate().unwrap_err().to_string().contains("cidr, group_id"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateRuleOpts {
    /// The group the rule goes into (required).
    pub parent_group_id: String,
    /// `tcp`, `udp` or `icmp`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_protocol: Option<String>,
    /// The first port (1–65535), or the ICMP type (-1 for any).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_port: Option<i32>,
    /// The last port (1–65535), or the ICMP code (-1 for any).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_port: Option<i32>,
    /// The source addresses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cidr: Option<String>,
    /// The source group (its ID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
}

impl CreateRuleOpts {
    /// A rule in the group `parent_group_id`.
    pub fn new(parent_group_id: impl Into<String>) -> Self {
        CreateRuleOpts {
            parent_group_id: parent_group_id.into(),
            ..Default::default()
        }
    }

    /// Sets the protocol.
    pub fn protocol(mut self, p: impl Into<String>) -> Self {
        self.ip_protocol = Some(p.into());
        self
    }

    /// Sets the port range (or the ICMP type and code).
    pub fn ports(mut self, from: i32, to: i32) -> Self {
        self.from_port = Some(from);
        self.to_port = Some(to);
        self
    }

    /// Admits these addresses.
    pub fn cidr(mut self, cidr: impl Into<String>) -> Self {
        self.cidr = Some(cidr.into());
        self
    }

    /// Admits this group.
    pub fn group_id(mut self, id: impl Into<String>) -> Self {
        self.group_id = Some(id.into());
        self
    }
}

impl Validate for CreateRuleOpts {
    fn validate(&self) -> Result<()> {
        require("parent_group_id", !self.parent_group_id.is_empty())?;
        if self.cidr.is_some() && self.group_id.is_some() {
            return Err(Error::invalid_input(
                "at most one of cidr, group_id may be set",
            ));
        }
        for (field, port) in [("from_port", self.from_port), ("to_port", self.to_port)] {
            if let Some(p) = port
                && !(-1..=65535).contains(&p) {
                    return Err(Error::invalid_input(format!(
                        "{field} must be between -1 and 65535 (got {p})"
                    )));
                }
        }
        if let (Some(from), Some(to)) = (self.from_port, self.to_port) {
            let tcp_udp = self
                .ip_protocol
                .as_deref()
                .is_some_and(|p| p.eq_ignore_ascii_case("tcp") || p.eq_ignore_ascii_case("udp"));
            if tcp_udp && from > to {
                return Err(Error::invalid_input(format!(
                    "from_port ({from}) must not be greater than to_port ({to})"
                )));
            }
        }
        Ok(())
    }
}

/// Lists the project's security groups (or every project's, with `all_tenants`).
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<SecurityGroup> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The security groups of a page.
    extract_security_groups, SecurityGroup
}

/// Creates a security group.
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<SecurityGroup> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a security group with its rules.
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<SecurityGroup> {
    client.request(&GET, &[id]).send().await
}

/// Changes a security group's name and description.
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn update(
    client: &ServiceClient,
    id: &str,
    opts: &UpdateOpts,
) -> ApiResult<SecurityGroup> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a security group (Nova answers 202).
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Finds a security group of the project by ID or by exact name.
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<SecurityGroup> {
    crate::find::find(
        "security group",
        name_or_id,
        get(client, name_or_id),
        list(client, &ListOpts::default()),
    )
    .await
}

/// Creates an ingress rule.
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn create_rule(client: &ServiceClient, opts: &CreateRuleOpts) -> ApiResult<Rule> {
    client.request(&CREATE_RULE, &[]).body(opts).send().await
}

/// Deletes a rule (Nova answers 202).
///
/// Served up to microversion 2.35; use the Networking service (Neutron) instead.
pub async fn delete_rule(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE_RULE, &[id]).send().await
}
