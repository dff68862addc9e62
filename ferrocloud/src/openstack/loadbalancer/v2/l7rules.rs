//! L7 rules: the conditions of an L7 policy (all of them must match). Each function
//! takes the policy's ID first.
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::l7rules::{self, CompareType, CreateOpts, RuleType};
//! let opts = CreateOpts::new(RuleType::Path, CompareType::StartsWith, "/images");
//! let rule = l7rules::create(&lb, "8a1412f0", &opts).await.extract()?;
//! l7rules::wait_for_status(&lb, "8a1412f0", &rule.id, &Default::default()).await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{ListControls, OperatingStatus, ProvisioningStatus, lb_functions, provisioned};
use crate::dates::Timestamp;
use crate::request::Validate;

crate::operations! {
    service: "load-balancer";
    /// List the rules of an L7 policy.
    LIST = GET "/lbaas/l7policies/{l7policy_id}/rules" list("rules", L7Rule);
    /// Create a rule.
    CREATE = POST "/lbaas/l7policies/{l7policy_id}/rules" request("rule", CreateOpts) response("rule", L7Rule);
    /// Show a rule.
    GET = GET "/lbaas/l7policies/{l7policy_id}/rules/{l7rule_id}" response("rule", L7Rule);
    /// Update a rule.
    UPDATE = PUT "/lbaas/l7policies/{l7policy_id}/rules/{l7rule_id}" request("rule", UpdateOpts) response("rule", L7Rule);
    /// Delete a rule.
    DELETE = DELETE "/lbaas/l7policies/{l7policy_id}/rules/{l7rule_id}";
}

crate::de::text_enum! {
    /// What an L7 rule looks at.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::l7rules::RuleType;
    /// assert_eq!(RuleType::HostName.as_str(), "HOST_NAME");
    /// ```
    RuleType {
        /// A cookie, named by `key`.
        Cookie = "COOKIE",
        /// The extension of the path's last part.
        FileType = "FILE_TYPE",
        /// A header, named by `key`.
        Header = "HEADER",
        /// The `Host`.
        HostName = "HOST_NAME",
        /// The path.
        Path = "PATH",
        /// Whether the client sent a certificate (API 2.8).
        SslConnHasCert = "SSL_CONN_HAS_CERT",
        /// The result of checking the client's certificate (API 2.8).
        SslVerifyResult = "SSL_VERIFY_RESULT",
        /// A field of the client certificate's DN, named by `key` (API 2.8).
        SslDnField = "SSL_DN_FIELD",
    }
}

crate::de::text_enum! {
    /// How an L7 rule compares with its `value`.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::l7rules::CompareType;
    /// assert_eq!(CompareType::EqualTo.as_str(), "EQUAL_TO");
    /// ```
    CompareType {
        /// Contains it.
        Contains = "CONTAINS",
        /// Ends with it.
        EndsWith = "ENDS_WITH",
        /// Equals it.
        EqualTo = "EQUAL_TO",
        /// Matches it as a regular expression.
        Regex = "REGEX",
        /// Starts with it.
        StartsWith = "STARTS_WITH",
    }
}

/// An L7 rule.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct L7Rule {
    /// The ID.
    pub id: String,
    /// What it looks at.
    #[serde(rename = "type")]
    pub rule_type: RuleType,
    /// How it compares.
    pub compare_type: CompareType,
    /// The cookie, header or DN field it looks at, for those types.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub key: Option<String>,
    /// The value it compares with.
    pub value: String,
    /// Whether the match is inverted.
    pub invert: bool,
    /// Whether it is up administratively.
    pub admin_state_up: bool,
    /// The owning project.
    pub project_id: String,
    /// Where its provisioning stands.
    pub provisioning_status: ProvisioningStatus,
    /// How it is doing.
    pub operating_status: OperatingStatus,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed (`null` if never).
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Tags (API 2.5).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub tags: Vec<String>,
}

provisioned!(L7Rule);

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::l7rules::{ListOpts, RuleType};
/// let opts = ListOpts { rule_type: Some(RuleType::Header), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "type=HEADER");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Rules of this type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub rule_type: Option<RuleType>,
    /// Comparing this way.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compare_type: Option<CompareType>,
    /// With this key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// With this value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Inverted or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invert: Option<bool>,
    /// Of this project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// In this provisioning status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioning_status: Option<ProvisioningStatus>,
    /// In this operating status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operating_status: Option<OperatingStatus>,
    /// Up or down administratively.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// Paging, sorting, fields and tags.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] sends, and a rule of a policy of a load balancer's tree.
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::l7rules::{CompareType, CreateOpts, RuleType};
/// let opts = CreateOpts::new(RuleType::Path, CompareType::Regex, "/images*");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "type": "PATH", "compare_type": "REGEX", "value": "/images*"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// What it looks at (required).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub rule_type: Option<RuleType>,
    /// How it compares (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare_type: Option<CompareType>,
    /// The value it compares with (required).
    pub value: String,
    /// The cookie, header or DN field it looks at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Invert the match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invert: Option<bool>,
    /// Up administratively (the default) or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// The owning project (admins; deprecated by Octavia).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Tags (API 2.5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl CreateOpts {
    /// A rule matching when `rule_type` compares with `value` as `compare_type` says.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::l7rules::{CompareType, CreateOpts, RuleType};
    /// assert_eq!(CreateOpts::new(RuleType::HostName, CompareType::EqualTo, "a.org").value, "a.org");
    /// ```
    pub fn new(rule_type: RuleType, compare_type: CompareType, value: impl Into<String>) -> Self {
        CreateOpts {
            rule_type: Some(rule_type),
            compare_type: Some(compare_type),
            value: value.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("type", self.rule_type.is_some())?;
        crate::request::require("compare_type", self.compare_type.is_some())?;
        crate::request::require("value", !self.value.is_empty())
    }
}

/// What [`update`] changes.
///
/// ```
/// let opts = ferrocloud::openstack::loadbalancer::v2::l7rules::UpdateOpts { invert: Some(true), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"invert": true}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub rule_type: Option<RuleType>,
    /// A new comparison.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare_type: Option<CompareType>,
    /// A new value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// A new key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Inverted or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invert: Option<bool>,
    /// Up or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// New tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

impl Validate for UpdateOpts {}

lb_functions! {
    L7Rule, "L7 rule", "rules_links", extract_rules, [l7policy_id];
    list get create update delete wait
}
