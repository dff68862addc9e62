//! Firewall groups (FWaaS v2): list, show, create, update, delete, find. A group applies
//! an ingress and an egress [policy](crate::openstack::networking::v2::fwaas::policies)
//! to a set of ports (router or VM ports).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::fwaas::groups::{self, CreateOpts, UpdateOpts};
//!
//! let opts = CreateOpts::new("edge").ingress_firewall_policy_id("{policy_id}").ports(["{port_id}"]);
//! let group = groups::create(&network, &opts).await.extract()?;
//! // Detach every port: the group stays, inactive.
//! let group = groups::update(&network, &group.id, &UpdateOpts::default().ports(Vec::<String>::new()))
//!     .await.extract()?;
//! groups::delete(&network, &group.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::openstack::networking::v2::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List firewall groups.
    LIST = GET "/fwaas/firewall_groups" list("firewall_groups", FirewallGroup);
    /// Show a firewall group.
    GET = GET "/fwaas/firewall_groups/{firewall_group_id}" response("firewall_group", FirewallGroup);
    /// Create a firewall group.
    CREATE = POST "/fwaas/firewall_groups" request("firewall_group", CreateOpts)
        response("firewall_group", FirewallGroup);
    /// Update a firewall group.
    UPDATE = PUT "/fwaas/firewall_groups/{firewall_group_id}" request("firewall_group", UpdateOpts)
        response("firewall_group", FirewallGroup);
    /// Delete a firewall group.
    DELETE = DELETE "/fwaas/firewall_groups/{firewall_group_id}";
}

/// A firewall group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FirewallGroup {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// The administrative state: false stops filtering.
    pub admin_state_up: bool,
    /// `ACTIVE`, `INACTIVE` (no ports), `DOWN`, `ERROR` or `PENDING_*` (the firewall
    /// agent has not applied the last change yet).
    pub status: String,
    /// The policy applied to traffic entering the ports.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub ingress_firewall_policy_id: Option<String>,
    /// The policy applied to traffic leaving the ports.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub egress_firewall_policy_id: Option<String>,
    /// The ports it filters. Neutron always sends the list; the API reference's show
    /// sample leaves it out, and a missing list reads as empty.
    #[serde(default)]
    pub ports: Vec<String>,
    /// Shared with every project.
    pub shared: bool,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Its tags (sent by FWaaS releases with standard attributes).
    #[serde(default)]
    pub tags: Vec<String>,
    /// When it was created (FWaaS releases with standard attributes).
    #[serde(default, with = "crate::dates::option", skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    /// When it last changed (FWaaS releases with standard attributes).
    #[serde(default, with = "crate::dates::option", skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// Incremented on every change (FWaaS releases with standard attributes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
}

crate::openstack::networking::v2::plugin_crud::named!(FirewallGroup);

/// Options for creating a firewall group.
///
/// ```
/// use ferrocloud::openstack::networking::v2::fwaas::groups::CreateOpts;
/// let opts = CreateOpts::new("edge").egress_firewall_policy_id("p1").admin_state_up(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "edge",
///     "egress_firewall_policy_id": "p1", "admin_state_up": false}));
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
    /// The administrative state (up by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// The policy for ingress traffic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingress_firewall_policy_id: Option<String>,
    /// The policy for egress traffic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub egress_firewall_policy_id: Option<String>,
    /// The ports to filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<Vec<String>>,
    /// Share it with every project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl CreateOpts {
    /// A group named `name`.
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
    /// Sets the administrative state.
    pub fn admin_state_up(mut self, up: bool) -> Self {
        self.admin_state_up = Some(up);
        self
    }
    /// Sets the ingress policy.
    pub fn ingress_firewall_policy_id(mut self, id: impl Into<String>) -> Self {
        self.ingress_firewall_policy_id = Some(id.into());
        self
    }
    /// Sets the egress policy.
    pub fn egress_firewall_policy_id(mut self, id: impl Into<String>) -> Self {
        self.egress_firewall_policy_id = Some(id.into());
        self
    }
    /// Sets the ports to filter.
    pub fn ports<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ports: I) -> Self {
        self.ports = Some(ports.into_iter().map(Into::into).collect());
        self
    }
    /// Shares it with every project.
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
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        Ok(())
    }
}

/// Changes to a firewall group; unset fields are left as they are. A policy set to
/// `Some(None)` is detached (sent as `null`); `ports` replaces the whole list.
///
/// ```
/// use ferrocloud::openstack::networking::v2::fwaas::groups::UpdateOpts;
/// let opts = UpdateOpts::default().ingress_firewall_policy_id(None).admin_state_up(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"admin_state_up": false, "ingress_firewall_policy_id": null}));
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
    /// A new administrative state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// A new ingress policy, or `Some(None)` for none.
    #[serde(
        default,
        deserialize_with = "crate::de::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub ingress_firewall_policy_id: Option<Option<String>>,
    /// A new egress policy, or `Some(None)` for none.
    #[serde(
        default,
        deserialize_with = "crate::de::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub egress_firewall_policy_id: Option<Option<String>>,
    /// A new list of ports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<Vec<String>>,
    /// Share it with every project, or stop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
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
    /// Sets the administrative state.
    pub fn admin_state_up(mut self, up: bool) -> Self {
        self.admin_state_up = Some(up);
        self
    }
    /// Sets the ingress policy (`None` detaches it).
    pub fn ingress_firewall_policy_id(mut self, id: Option<String>) -> Self {
        self.ingress_firewall_policy_id = Some(id);
        self
    }
    /// Sets the egress policy (`None` detaches it).
    pub fn egress_firewall_policy_id(mut self, id: Option<String>) -> Self {
        self.egress_firewall_policy_id = Some(id);
        self
    }
    /// Replaces the ports.
    pub fn ports<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ports: I) -> Self {
        self.ports = Some(ports.into_iter().map(Into::into).collect());
        self
    }
    /// Shares it with every project, or stops.
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = Some(shared);
        self
    }
}

impl Validate for UpdateOpts {}

/// Filters for listing firewall groups; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::fwaas::groups::ListOpts;
/// let opts = ListOpts { status: Some("ACTIVE".into()), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "status=ACTIVE");
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
    /// By administrative state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// By status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// By ingress policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ingress_firewall_policy_id: Option<String>,
    /// By egress policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub egress_firewall_policy_id: Option<String>,
    /// Shared groups only, or unshared only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields, tags and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

crate::openstack::networking::v2::plugin_crud::plugin_functions! {
    FirewallGroup, "firewall group", "firewall groups", "firewall_groups", extract_groups
}
