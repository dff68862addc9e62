//! Server groups: affinity and anti-affinity policies for the servers booted in them
//! (`os-server-groups`).
//!
//! Before microversion 2.64 a group has a list of `policies` (one item); from 2.64 it
//! has one `policy` and `rules` (`max_server_per_host`, anti-affinity only). The soft
//! policies need 2.15.
//! [`create`](crate::openstack::compute::v2::server_groups::create) sends the form the
//! client's microversion expects, from either field of
//! [`CreateOpts`](crate::openstack::compute::v2::server_groups::CreateOpts).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::server_groups::{self, CreateOpts, Policy};
//! let compute = compute.with_microversion("2.64");
//! let opts = CreateOpts::new("web", Policy::AntiAffinity).max_server_per_host(2);
//! let group = server_groups::create(&compute, &opts).await.extract()?;
//! assert_eq!(group.policy_name(), Some("anti-affinity"));
//! let same = server_groups::find(&compute, "web").await?;
//! server_groups::delete(&compute, &same.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::microversion::Microversion;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List server groups (the project's; every project's for admins with `all_projects`).
    LIST = GET "/os-server-groups" list("server_groups", ServerGroup);
    /// Create a server group.
    CREATE = POST "/os-server-groups" request("server_group", CreateOpts) response("server_group", ServerGroup);
    /// Show a server group.
    GET = GET "/os-server-groups/{server_group_id}" response("server_group", ServerGroup);
    /// Delete a server group (its servers stay).
    DELETE = DELETE "/os-server-groups/{server_group_id}";
}

/// The rules of a group (2.64+).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Rules {
    /// With `anti-affinity`: how many servers of the group one host may run (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_server_per_host: Option<u32>,
}

impl Rules {
    fn is_empty(&self) -> bool {
        self.max_server_per_host.is_none()
    }
}

/// A server group.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ServerGroup {
    /// The group's ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The IDs of its servers (deleted ones left out).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub members: Vec<String>,
    /// Its policies, one item (before 2.64).
    #[serde(default)]
    pub policies: Option<Vec<String>>,
    /// Its policy (2.64+).
    #[serde(default)]
    pub policy: Option<String>,
    /// Its rules (2.64+).
    #[serde(default)]
    pub rules: Option<Rules>,
    /// Always empty (before 2.64).
    #[serde(default)]
    pub metadata: Option<BTreeMap<String, serde_json::Value>>,
    /// The project that owns it (2.13+).
    #[serde(default)]
    pub project_id: Option<String>,
    /// The user that created it (2.13+).
    #[serde(default)]
    pub user_id: Option<String>,
}

impl ServerGroup {
    /// The group's policy, whichever microversion described it (`policy`, or the one
    /// item of `policies`).
    ///
    /// ```
    /// use ferrocloud::openstack::compute::v2::server_groups::ServerGroup;
    /// let g: ServerGroup = serde_json::from_value(serde_json::json!(
    ///     {"id": "1", "name": "a", "policies": ["affinity"], "members": []})).unwrap();
    /// assert_eq!(g.policy_name(), Some("affinity"));
    /// ```
    pub fn policy_name(&self) -> Option<&str> {
        self.policy
            .as_deref()
            .or_else(|| self.policies.as_ref()?.first().map(String::as_str))
    }
}

impl crate::find::Named for ServerGroup {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// A scheduling policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Policy {
    /// All servers on one host.
    Affinity,
    /// Every server on a different host (or at most `max_server_per_host` per host).
    AntiAffinity,
    /// On one host where possible (2.15+).
    SoftAffinity,
    /// On different hosts where possible (2.15+).
    SoftAntiAffinity,
}

impl Policy {
    /// The name Nova uses (`anti-affinity`…).
    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Affinity => "affinity",
            Policy::AntiAffinity => "anti-affinity",
            Policy::SoftAffinity => "soft-affinity",
            Policy::SoftAntiAffinity => "soft-anti-affinity",
        }
    }

    fn is_soft(self) -> bool {
        matches!(self, Policy::SoftAffinity | Policy::SoftAntiAffinity)
    }
}

/// A new server group: a name and a policy, given as `policy` (2.64+ form) or as the one
/// item of `policies` (older form); [`create`] converts one into the other as the
/// client's microversion needs.
///
/// ```
/// use ferrocloud::openstack::compute::v2::server_groups::{CreateOpts, Policy};
/// use ferrocloud::request::Validate;
/// let o = CreateOpts::new("test", Policy::AntiAffinity).max_server_per_host(3);
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!(
///     {"name": "test", "policy": "anti-affinity", "rules": {"max_server_per_host": 3}}));
/// let bad = CreateOpts::new("test", Policy::Affinity).max_server_per_host(3);
/// assert!(bad.validate().unwrap_err().to_string().contains("rules"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct CreateOpts {
    /// The name (required, 1 to 255 characters).
    pub name: String,
    /// The policies, one item (before 2.64).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policies: Option<Vec<Policy>>,
    /// The policy (2.64+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
    /// Rules (2.64+, anti-affinity only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Rules>,
}

impl CreateOpts {
    /// A group named `name` with `policy`.
    pub fn new(name: impl Into<String>, policy: Policy) -> Self {
        CreateOpts {
            name: name.into(),
            policy: Some(policy),
            ..Default::default()
        }
    }

    /// Lets one host run up to `n` servers of an anti-affinity group (2.64+).
    pub fn max_server_per_host(mut self, n: u32) -> Self {
        self.rules = Some(Rules {
            max_server_per_host: Some(n),
        });
        self
    }

    /// The policy, from either field.
    fn the_policy(&self) -> Option<Policy> {
        self.policy
            .or_else(|| self.policies.as_ref()?.first().copied())
    }

    /// The body for a client at microversion `v` (None: the base version).
    fn for_version(&self, v: Option<Microversion>) -> Result<CreateOpts> {
        let modern = v.is_some_and(|v| v >= Microversion::new(2, 64));
        let policy = self.the_policy();
        if policy.is_some_and(Policy::is_soft) && v.is_none_or(|v| v < Microversion::new(2, 15)) {
            return Err(Error::invalid_input(
                "soft-affinity and soft-anti-affinity policies need microversion 2.15 or later",
            ));
        }
        let mut out = self.clone();
        if modern {
            if out.policy.is_none() && out.policies.as_ref().is_some_and(|p| p.len() == 1) {
                out.policy = policy;
                out.policies = None;
            }
        } else {
            if out.rules.is_some_and(|r| !r.is_empty()) {
                return Err(Error::invalid_input(
                    "rules need microversion 2.64 or later",
                ));
            }
            out.rules = None;
            if out.policies.is_none() {
                out.policies = out.policy.take().map(|p| vec![p]);
            }
        }
        Ok(out)
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())?;
        if self.name.chars().count() > 255 {
            return Err(Error::invalid_input("name is longer than 255 characters"));
        }
        match (&self.policy, &self.policies) {
            (Some(_), Some(_)) => {
                return Err(Error::invalid_input(
                    "policy and policies are exclusive: give policy (2.64+) or policies",
                ))
            }
            (None, None) => return Err(Error::invalid_input("policy is required")),
            (None, Some(p)) if p.len() != 1 => {
                return Err(Error::invalid_input(format!(
                    "policies takes exactly one policy ({} given)",
                    p.len()
                )))
            }
            _ => {}
        }
        if self.rules.is_some_and(|r| !r.is_empty()) {
            if self.the_policy() != Some(Policy::AntiAffinity) {
                return Err(Error::invalid_input(
                    "rules apply to the anti-affinity policy only",
                ));
            }
            if self.rules.and_then(|r| r.max_server_per_host) == Some(0) {
                return Err(Error::invalid_input(
                    "rules.max_server_per_host must be at least 1",
                ));
            }
        }
        Ok(())
    }
}

/// Filters and paging for listing server groups.
///
/// ```
/// use ferrocloud::openstack::compute::v2::server_groups::ListOpts;
/// let o = ListOpts { all_projects: true, limit: Some(10), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "all_projects=True&limit=10");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// The groups of every project (admin).
    #[serde(
        serialize_with = "true_flag",
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub all_projects: bool,
    /// Page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// How many groups to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
}

fn true_flag<S: serde::Serializer>(_: &bool, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str("True")
}

/// Lists server groups (one page; `limit` and `offset` page through them).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<ServerGroup> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The server groups of a page.
    extract_server_groups, ServerGroup
}

/// Creates a server group, in the form the client's microversion expects (`policy` and
/// `rules` from 2.64, `policies` before; rules before 2.64 and soft policies before 2.15
/// are refused before sending).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<ServerGroup> {
    let body = client
        .microversion()
        .map(str::parse::<Microversion>)
        .transpose()
        .and_then(|v| opts.for_version(v));
    match body {
        Ok(body) => client.request(&CREATE, &[]).body(&body).send().await,
        Err(e) => ApiResult::from_error(e),
    }
}

/// Shows a server group.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<ServerGroup> {
    client.request(&GET, &[id]).send().await
}

/// Deletes a server group.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Finds a server group of the project by ID or exact name.
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<ServerGroup> {
    crate::find::find(
        "server group",
        name_or_id,
        get(client, name_or_id),
        list(client, &ListOpts::default()),
    )
    .await
}
