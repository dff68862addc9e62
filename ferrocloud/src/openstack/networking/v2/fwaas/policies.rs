//! Firewall policies (FWaaS v2): list, show, create, update, delete, find, and inserting
//! a rule into a policy or removing it. A policy is an ordered list of
//! [rules](crate::openstack::networking::v2::fwaas::rules); firewall groups apply one
//! policy to ingress traffic and one to egress traffic.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::fwaas::policies::{self, CreateOpts, InsertRuleOpts};
//!
//! let policy = policies::create(&network, &CreateOpts::new("web")).await.extract()?;
//! // Put a rule first, before the policy's current first rule.
//! let opts = InsertRuleOpts::new("{rule_id}").insert_before("{first_rule_id}");
//! let policy = policies::insert_rule(&network, &policy.id, &opts).await.extract()?;
//! let policy = policies::remove_rule(&network, &policy.id, "{rule_id}").await.extract()?;
//! policies::delete(&network, &policy.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::openstack::networking::v2::common::ListControls;
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List firewall policies.
    LIST = GET "/fwaas/firewall_policies" list("firewall_policies", FirewallPolicy);
    /// Show a firewall policy.
    GET = GET "/fwaas/firewall_policies/{firewall_policy_id}"
        response("firewall_policy", FirewallPolicy);
    /// Create a firewall policy.
    CREATE = POST "/fwaas/firewall_policies" request("firewall_policy", CreateOpts)
        response("firewall_policy", FirewallPolicy);
    /// Update a firewall policy.
    UPDATE = PUT "/fwaas/firewall_policies/{firewall_policy_id}"
        request("firewall_policy", UpdateOpts) response("firewall_policy", FirewallPolicy);
    /// Delete a firewall policy.
    DELETE = DELETE "/fwaas/firewall_policies/{firewall_policy_id}";
    /// Insert a rule into a policy (request and answer without an envelope).
    INSERT_RULE = PUT "/fwaas/firewall_policies/{firewall_policy_id}/insert_rule"
        request(InsertRuleOpts) response(FirewallPolicy);
    /// Remove a rule from a policy (request and answer without an envelope).
    REMOVE_RULE = PUT "/fwaas/firewall_policies/{firewall_policy_id}/remove_rule"
        request(RemoveRuleOpts) response(FirewallPolicy);
}

/// A firewall policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FirewallPolicy {
    /// The ID.
    pub id: String,
    /// The name (may be empty).
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// Set by an auditor; any change to the policy or its rules clears it.
    pub audited: bool,
    /// Its rules' IDs, in the order they are applied.
    pub firewall_rules: Vec<String>,
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

crate::openstack::networking::v2::plugin_crud::named!(FirewallPolicy);

/// Options for creating a firewall policy.
///
/// ```
/// use ferrocloud::openstack::networking::v2::fwaas::policies::CreateOpts;
/// let opts = CreateOpts::new("web").firewall_rules(["r1", "r2"]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"name": "web", "firewall_rules": ["r1", "r2"]}));
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
    /// Its rules' IDs, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firewall_rules: Option<Vec<String>>,
    /// Marks it audited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audited: Option<bool>,
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
    /// A policy named `name`.
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
    /// Sets its rules, in order.
    pub fn firewall_rules<I: IntoIterator<Item = S>, S: Into<String>>(mut self, rules: I) -> Self {
        self.firewall_rules = Some(rules.into_iter().map(Into::into).collect());
        self
    }
    /// Marks it audited, or not.
    pub fn audited(mut self, audited: bool) -> Self {
        self.audited = Some(audited);
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

/// Changes to a firewall policy; unset fields are left as they are. `firewall_rules`
/// replaces the whole list.
///
/// ```
/// use ferrocloud::openstack::networking::v2::fwaas::policies::UpdateOpts;
/// let opts = UpdateOpts::default().firewall_rules(Vec::<String>::new());
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"firewall_rules": []}));
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
    /// A new list of rules, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firewall_rules: Option<Vec<String>>,
    /// Marks it audited, or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audited: Option<bool>,
    /// Share it with every project, or stop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// Moves it to another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The same, under the older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
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
    /// Replaces its rules.
    pub fn firewall_rules<I: IntoIterator<Item = S>, S: Into<String>>(mut self, rules: I) -> Self {
        self.firewall_rules = Some(rules.into_iter().map(Into::into).collect());
        self
    }
    /// Marks it audited, or not.
    pub fn audited(mut self, audited: bool) -> Self {
        self.audited = Some(audited);
        self
    }
    /// Shares it with every project, or stops.
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = Some(shared);
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.project_id.is_some() && self.tenant_id.is_some() {
            return Err(Error::invalid_input("set project_id or tenant_id, not both"));
        }
        Ok(())
    }
}

/// Where to insert a rule into a policy: before one of its rules, after one, or (with
/// neither) first. An empty string counts as unset, as Neutron reads it.
///
/// ```
/// use ferrocloud::openstack::networking::v2::fwaas::policies::InsertRuleOpts;
/// use ferrocloud::request::Validate;
/// let opts = InsertRuleOpts::new("r2").insert_after("r1");
/// assert_eq!(serde_json::to_value(&opts).unwrap(),
///     serde_json::json!({"firewall_rule_id": "r2", "insert_after": "r1"}));
/// assert!(opts.insert_before("r3").validate().is_err());
/// assert!(InsertRuleOpts::new("").validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InsertRuleOpts {
    /// The rule to insert.
    pub firewall_rule_id: String,
    /// Insert it right after this rule of the policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insert_after: Option<String>,
    /// Insert it right before this rule of the policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insert_before: Option<String>,
}

impl InsertRuleOpts {
    /// Inserts `rule_id` (first in the policy, unless a position is set).
    pub fn new(rule_id: impl Into<String>) -> Self {
        InsertRuleOpts {
            firewall_rule_id: rule_id.into(),
            ..Default::default()
        }
    }
    /// Inserts it right after `rule_id`.
    pub fn insert_after(mut self, rule_id: impl Into<String>) -> Self {
        self.insert_after = Some(rule_id.into());
        self
    }
    /// Inserts it right before `rule_id`.
    pub fn insert_before(mut self, rule_id: impl Into<String>) -> Self {
        self.insert_before = Some(rule_id.into());
        self
    }
}

impl Validate for InsertRuleOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("firewall_rule_id", !self.firewall_rule_id.is_empty())?;
        let set = |o: &Option<String>| o.as_deref().is_some_and(|s| !s.is_empty());
        if set(&self.insert_after) && set(&self.insert_before) {
            return Err(Error::invalid_input(
                "set insert_after or insert_before, not both",
            ));
        }
        Ok(())
    }
}

/// The rule to remove from a policy.
///
/// ```
/// use ferrocloud::openstack::networking::v2::fwaas::policies::RemoveRuleOpts;
/// let opts = RemoveRuleOpts::new("r1");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"firewall_rule_id": "r1"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RemoveRuleOpts {
    /// The rule to remove.
    pub firewall_rule_id: String,
}

impl RemoveRuleOpts {
    /// Removes `rule_id`.
    pub fn new(rule_id: impl Into<String>) -> Self {
        RemoveRuleOpts {
            firewall_rule_id: rule_id.into(),
        }
    }
}

impl Validate for RemoveRuleOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("firewall_rule_id", !self.firewall_rule_id.is_empty())
    }
}

/// Filters for listing firewall policies; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::fwaas::policies::ListOpts;
/// let opts = ListOpts { name: Some("web".into()), audited: Some(false), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "name=web&audited=false");
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
    /// Audited policies only, or unaudited only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audited: Option<bool>,
    /// Shared policies only, or unshared only.
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
    FirewallPolicy, "firewall policy", "firewall policies", "firewall_policies", extract_policies
}

/// Inserts a rule into a policy, at the place `opts` says; answers with the policy.
pub async fn insert_rule(
    client: &ServiceClient,
    policy_id: &str,
    opts: &InsertRuleOpts,
) -> ApiResult<FirewallPolicy> {
    client
        .request(&INSERT_RULE, &[policy_id])
        .body(opts)
        .send()
        .await
}

/// Removes a rule from a policy (the rule itself stays); answers with the policy.
pub async fn remove_rule(
    client: &ServiceClient,
    policy_id: &str,
    rule_id: &str,
) -> ApiResult<FirewallPolicy> {
    client
        .request(&REMOVE_RULE, &[policy_id])
        .body(&RemoveRuleOpts::new(rule_id))
        .send()
        .await
}
