//! The security groups of a server (`GET /servers/{server_id}/os-security-groups`), with
//! their rules, as the compute API describes them (Nova reads them from Neutron).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::server_security_groups;
//! let server = "0e44cc9c-e052-415d-afbf-469b0d384170";
//! let page = server_security_groups::list(&compute, server).all_pages().await?;
//! for g in server_security_groups::extract_security_groups(&page)? {
//!     println!("{} ({} rules)", g.name, g.rules.len());
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::pagination::{PageStyle, Pager};
use crate::ServiceClient;

crate::operations! {
    service: "compute";
    /// List the security groups of a server.
    LIST = GET "/servers/{server_id}/os-security-groups" list("security_groups", SecurityGroup);
}

/// A security group of a server.
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
    /// The project that owns it.
    pub tenant_id: String,
    /// Its rules (ingress rules only, as the compute API shows them).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub rules: Vec<SecurityGroupRule>,
}

/// A rule of a security group.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SecurityGroupRule {
    /// The rule's ID.
    pub id: String,
    /// The group it belongs to.
    pub parent_group_id: String,
    /// `tcp`, `udp`, `icmp`… (`None`: any).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub ip_protocol: Option<String>,
    /// The first port (the ICMP type for ICMP; `None` or -1: any).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub from_port: Option<i32>,
    /// The last port (the ICMP code for ICMP; `None` or -1: any).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub to_port: Option<i32>,
    /// The source addresses, for a rule by CIDR (empty for a rule by group).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub ip_range: IpRange,
    /// The source group, for a rule by group (empty for a rule by CIDR).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub group: RuleGroup,
}

/// The source addresses of a rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct IpRange {
    /// The CIDR (`None` for a rule by group).
    #[serde(default)]
    pub cidr: Option<String>,
}

/// The source group of a rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct RuleGroup {
    /// The group's name (`None` for a rule by CIDR).
    #[serde(default)]
    pub name: Option<String>,
    /// The group's project.
    #[serde(default)]
    pub tenant_id: Option<String>,
}

/// Lists the security groups of a server (one page).
pub fn list(client: &ServiceClient, server_id: &str) -> Pager<SecurityGroup> {
    client.request(&LIST, &[server_id]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The security groups of a page.
    extract_security_groups, SecurityGroup
}
