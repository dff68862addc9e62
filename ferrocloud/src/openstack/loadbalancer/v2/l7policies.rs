//! L7 policies: what a listener does with the requests their rules match (send them to
//! a pool, redirect them, reject them), in order of `position`.
//!
//! ```no_run
//! # async fn demo(lb: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::loadbalancer::v2::l7policies::{self, Action, CreateOpts};
//! let opts = CreateOpts {
//!     redirect_url: Some("https://www.example.com".into()),
//!     redirect_http_code: Some(301),
//!     ..CreateOpts::new("023f2e34", Action::RedirectToUrl)
//! };
//! let policy = l7policies::create(&lb, &opts).await.extract()?;
//! l7policies::wait_for_status(&lb, &policy.id, &Default::default()).await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{
    IdRef, ListControls, OperatingStatus, ProvisioningStatus, lb_functions, named, provisioned,
};
use super::l7rules;
use crate::dates::Timestamp;
use crate::request::Validate;

crate::operations! {
    service: "load-balancer";
    /// List L7 policies.
    LIST = GET "/lbaas/l7policies" list("l7policies", L7Policy);
    /// Create an L7 policy.
    CREATE = POST "/lbaas/l7policies" request("l7policy", CreateOpts) response("l7policy", L7Policy);
    /// Show an L7 policy.
    GET = GET "/lbaas/l7policies/{l7policy_id}" response("l7policy", L7Policy);
    /// Update an L7 policy.
    UPDATE = PUT "/lbaas/l7policies/{l7policy_id}" request("l7policy", UpdateOpts) response("l7policy", L7Policy);
    /// Delete an L7 policy.
    DELETE = DELETE "/lbaas/l7policies/{l7policy_id}";
}

crate::de::text_enum! {
    /// What an L7 policy does with the requests it matches.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::l7policies::Action;
    /// assert_eq!(Action::RedirectPrefix.as_str(), "REDIRECT_PREFIX");
    /// ```
    Action {
        /// Send them to `redirect_pool_id`.
        RedirectToPool = "REDIRECT_TO_POOL",
        /// Redirect them to `redirect_url`.
        RedirectToUrl = "REDIRECT_TO_URL",
        /// Redirect them to `redirect_prefix` followed by their path (API 2.9).
        RedirectPrefix = "REDIRECT_PREFIX",
        /// Refuse them.
        Reject = "REJECT",
    }
}

/// An L7 policy.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct L7Policy {
    /// The ID.
    pub id: String,
    /// The name (`""` when it has none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub name: String,
    /// The description (`""` when it has none).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub description: String,
    /// Its listener.
    pub listener_id: String,
    /// What it does.
    pub action: Action,
    /// Its rank among the listener's policies (from 1).
    pub position: u32,
    /// The pool of `REDIRECT_TO_POOL`.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub redirect_pool_id: Option<String>,
    /// The URL of `REDIRECT_TO_URL`.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub redirect_url: Option<String>,
    /// The prefix of `REDIRECT_PREFIX`.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub redirect_prefix: Option<String>,
    /// The status of redirections (301, 302, 303, 307, 308; API 2.9).
    #[serde(default)]
    pub redirect_http_code: Option<u16>,
    /// Its rules.
    pub rules: Vec<IdRef>,
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

named!(L7Policy);
provisioned!(L7Policy);

/// What [`list`] filters on, besides the [`ListControls`].
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::l7policies::{Action, ListOpts};
/// let opts = ListOpts { action: Some(Action::Reject), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "action=REJECT");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Policies of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// With this description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Of this listener.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listener_id: Option<String>,
    /// With this action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// At this position.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// Redirecting to this pool.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_pool_id: Option<String>,
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

/// What [`create`] sends (with `listener_id`), and a policy of a listener of a load
/// balancer's tree (without it; with its `rules`).
///
/// ```
/// use ferrocloud::openstack::loadbalancer::v2::l7policies::{Action, CreateOpts};
/// let opts = CreateOpts { position: Some(1), ..CreateOpts::new("023f2e34", Action::Reject) };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "listener_id": "023f2e34", "action": "REJECT", "position": 1}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The listener (required, except in a load balancer's tree).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listener_id: Option<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What it does (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// Its rank (last by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// The pool of `REDIRECT_TO_POOL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_pool_id: Option<String>,
    /// The URL of `REDIRECT_TO_URL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
    /// The prefix of `REDIRECT_PREFIX` (API 2.9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_prefix: Option<String>,
    /// The status of redirections (API 2.9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_http_code: Option<u16>,
    /// Up administratively (the default) or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// The owning project (admins; deprecated by Octavia).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Rules created with it (in a load balancer's tree).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<l7rules::CreateOpts>,
    /// Tags (API 2.5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl CreateOpts {
    /// A policy of `listener_id` doing `action`.
    ///
    /// ```
    /// use ferrocloud::openstack::loadbalancer::v2::l7policies::{Action, CreateOpts};
    /// assert_eq!(CreateOpts::new("l", Action::Reject).action, Some(Action::Reject));
    /// ```
    pub fn new(listener_id: impl Into<String>, action: Action) -> Self {
        CreateOpts {
            listener_id: Some(listener_id.into()),
            action: Some(action),
            ..Default::default()
        }
    }

    /// Checks a policy of a load balancer's tree (and its rules).
    pub(crate) fn validate_in_tree(&self) -> crate::Result<()> {
        crate::request::require("action", self.action.is_some())?;
        self.rules.iter().try_for_each(Validate::validate)
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require(
            "listener_id",
            self.listener_id.as_deref().is_some_and(|s| !s.is_empty()),
        )?;
        self.validate_in_tree()
    }
}

/// What [`update`] changes.
///
/// ```
/// let opts = ferrocloud::openstack::loadbalancer::v2::l7policies::UpdateOpts { position: Some(2), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"position": 2}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A new action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// A new rank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// A new pool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_pool_id: Option<String>,
    /// A new URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
    /// A new prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_prefix: Option<String>,
    /// A new redirection status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_http_code: Option<u16>,
    /// Up or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    /// New tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

impl Validate for UpdateOpts {}

lb_functions! {
    L7Policy, "L7 policy", "l7policies_links", extract_l7policies, [];
    list get create update delete find wait
}
