//! Allocation candidates (1.10; the form here from 1.12): the sets of allocations that
//! would satisfy a request for resources, with a summary of every provider involved.
//! A request has an unnamed group (whose resources may come from several providers of
//! one tree) and granular groups (1.25; each satisfied by one provider), each with
//! required and forbidden traits and aggregates.
//!
//! ```no_run
//! # async fn demo(placement: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::placement::v1::allocation_candidates::{self, ListOpts, RequestGroup};
//! let opts = ListOpts::default()
//!     .resources([("VCPU", 2), ("MEMORY_MB", 4096)])
//!     .required("HW_CPU_X86_AVX2")
//!     .group(RequestGroup::new("_NIC").resources([("NET_BW_EGR_KILOBIT_PER_SEC", 1000)]))
//!     .group_policy("isolate")
//!     .limit(10);
//! let found = allocation_candidates::list(&placement, &opts).await.extract()?;
//! for r in &found.allocation_requests {
//!     println!("{:?} (groups {:?})", r.allocations, r.mappings);
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use super::common::{ProviderResources, Resources, resources_param};
use crate::request::ApiResult;
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "placement";
    /// List allocation candidates.
    LIST = GET "/allocation_candidates" since("1.12") response(AllocationCandidates);
}

/// Allocation candidates.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AllocationCandidates {
    /// Each way of satisfying the request.
    pub allocation_requests: Vec<AllocationRequest>,
    /// Every provider the requests involve, by UUID.
    pub provider_summaries: BTreeMap<String, ProviderSummary>,
}

/// One way of satisfying the request: allocations ready for
/// [`allocations::replace`](crate::openstack::placement::v1::allocations::replace).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AllocationRequest {
    /// What to allocate, by provider UUID.
    pub allocations: BTreeMap<String, ProviderResources>,
    /// Which providers satisfied each request group, by group suffix (`""` for the
    /// unnamed group; 1.34).
    #[serde(default)]
    pub mappings: BTreeMap<String, Vec<String>>,
}

/// A provider involved in the candidates.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ProviderSummary {
    /// Capacity and usage by resource class (every class it has from 1.27, the
    /// requested ones before).
    pub resources: BTreeMap<String, Capacity>,
    /// Its traits (1.17).
    #[serde(default)]
    pub traits: Vec<String>,
    /// Its parent (1.29).
    #[serde(default)]
    pub parent_provider_uuid: Option<String>,
    /// The root of its tree (1.29).
    #[serde(default)]
    pub root_provider_uuid: Option<String>,
}

/// The capacity of one resource class on a provider, and what is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Capacity {
    /// `(total - reserved) * allocation_ratio`.
    pub capacity: u64,
    /// What allocations use.
    pub used: u64,
}

/// A granular request group (1.25; suffixes other than numbers from 1.33): resources
/// that one provider must satisfy, with its own traits and aggregates.
///
/// ```
/// use ferrocloud::openstack::placement::v1::allocation_candidates::RequestGroup;
/// let g = RequestGroup::new("1").resources([("SRIOV_NET_VF", 1)]).required("CUSTOM_PHYSNET_A");
/// assert_eq!(g.suffix, "1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestGroup {
    /// The suffix of its parameters (`resources1`, `required_NIC`…).
    pub suffix: String,
    /// The amounts asked for.
    pub resources: Resources,
    /// Trait expressions, one `required` parameter each (see [`ListOpts::required`]).
    pub required: Vec<String>,
    /// Aggregate expressions, one `member_of` parameter each.
    pub member_of: Vec<String>,
    /// Only providers in this tree (1.31).
    pub in_tree: Option<String>,
}

impl RequestGroup {
    /// An empty group with `suffix` (digits, or from 1.33 up to 64 letters, digits, `_`
    /// and `-`).
    pub fn new(suffix: impl Into<String>) -> Self {
        RequestGroup {
            suffix: suffix.into(),
            ..Default::default()
        }
    }
    /// Asks for these amounts.
    pub fn resources<K: Into<String>>(mut self, amounts: impl IntoIterator<Item = (K, u64)>) -> Self {
        self.resources
            .extend(amounts.into_iter().map(|(k, v)| (k.into(), v)));
        self
    }
    /// Adds a trait expression.
    pub fn required(mut self, expr: impl Into<String>) -> Self {
        self.required.push(expr.into());
        self
    }
    /// Adds an aggregate expression.
    pub fn member_of(mut self, expr: impl Into<String>) -> Self {
        self.member_of.push(expr.into());
        self
    }
    /// Only providers in the tree of `uuid`.
    pub fn in_tree(mut self, uuid: impl Into<String>) -> Self {
        self.in_tree = Some(uuid.into());
        self
    }

    fn pairs(&self, out: &mut Vec<(String, String)>) {
        let s = &self.suffix;
        if !self.resources.is_empty() {
            out.push((format!("resources{s}"), resources_param(&self.resources)));
        }
        for r in &self.required {
            out.push((format!("required{s}"), r.clone()));
        }
        for m in &self.member_of {
            out.push((format!("member_of{s}"), m.clone()));
        }
        if let Some(t) = &self.in_tree {
            out.push((format!("in_tree{s}"), t.clone()));
        }
    }
}

/// What [`list`] asks for.
///
/// ```
/// use ferrocloud::openstack::placement::v1::allocation_candidates::{ListOpts, RequestGroup};
/// let opts = ListOpts::default()
///     .resources([("VCPU", 1)])
///     .required("!CUSTOM_MAINTENANCE")
///     .group(RequestGroup::new("_NET1").resources([("NET_BW_EGR_KILOBIT_PER_SEC", 10)]))
///     .same_subtree(["_NET1", "_NET2"])
///     .root_required("COMPUTE_STATUS_ENABLED")
///     .group_policy("none")
///     .limit(5);
/// assert_eq!(opts.query_pairs().unwrap(), [
///     ("resources", "VCPU:1"), ("required", "!CUSTOM_MAINTENANCE"),
///     ("resources_NET1", "NET_BW_EGR_KILOBIT_PER_SEC:10"),
///     ("group_policy", "none"), ("limit", "5"), ("root_required", "COMPUTE_STATUS_ENABLED"),
///     ("same_subtree", "_NET1,_NET2")
/// ].map(|(k, v)| (k.to_string(), v.to_string())));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListOpts {
    /// The unnamed group (its suffix is empty).
    pub unnamed: RequestGroup,
    /// The granular groups.
    pub groups: Vec<RequestGroup>,
    /// With several granular groups: `none` (providers may serve several groups) or
    /// `isolate` (one group per provider); required by Placement when there are several.
    pub group_policy: Option<String>,
    /// At most this many allocation requests.
    pub limit: Option<u32>,
    /// Trait expressions the root provider of each candidate must satisfy (1.35).
    pub root_required: Vec<String>,
    /// Group suffixes whose providers must be in one subtree, one `same_subtree`
    /// parameter per entry (1.36).
    pub same_subtree: Vec<Vec<String>>,
}

impl ListOpts {
    /// Asks the unnamed group for these amounts.
    pub fn resources<K: Into<String>>(mut self, amounts: impl IntoIterator<Item = (K, u64)>) -> Self {
        self.unnamed = self.unnamed.resources(amounts);
        self
    }
    /// Adds a trait expression to the unnamed group (`A,B`, `!C`, `in:D,E`).
    pub fn required(mut self, expr: impl Into<String>) -> Self {
        self.unnamed = self.unnamed.required(expr);
        self
    }
    /// Adds an aggregate expression to the unnamed group (`uuid`, `in:a,b`, `!uuid`).
    pub fn member_of(mut self, expr: impl Into<String>) -> Self {
        self.unnamed = self.unnamed.member_of(expr);
        self
    }
    /// Only providers in the tree of `uuid` (1.31).
    pub fn in_tree(mut self, uuid: impl Into<String>) -> Self {
        self.unnamed = self.unnamed.in_tree(uuid);
        self
    }
    /// Adds a granular group.
    pub fn group(mut self, group: RequestGroup) -> Self {
        self.groups.push(group);
        self
    }
    /// `none` or `isolate`.
    pub fn group_policy(mut self, policy: impl Into<String>) -> Self {
        self.group_policy = Some(policy.into());
        self
    }
    /// At most `n` allocation requests.
    pub fn limit(mut self, n: u32) -> Self {
        self.limit = Some(n);
        self
    }
    /// Adds a trait expression for the root providers (1.35).
    pub fn root_required(mut self, expr: impl Into<String>) -> Self {
        self.root_required.push(expr.into());
        self
    }
    /// Adds a set of granular group suffixes to be satisfied in one subtree (1.36; the
    /// unnamed group cannot be named).
    pub fn same_subtree<S: Into<String>>(mut self, suffixes: impl IntoIterator<Item = S>) -> Self {
        self.same_subtree
            .push(suffixes.into_iter().map(Into::into).collect());
        self
    }

    /// The query parameters, in order; refuses groups without a suffix or with the
    /// same suffix twice.
    pub fn query_pairs(&self) -> Result<Vec<(String, String)>> {
        let mut seen = std::collections::BTreeSet::new();
        for g in &self.groups {
            if g.suffix.is_empty() || !seen.insert(g.suffix.as_str()) {
                return Err(Error::invalid_input(format!(
                    "granular request group suffix {:?} is empty or repeated",
                    g.suffix
                )));
            }
        }
        let mut out = Vec::new();
        self.unnamed.pairs(&mut out);
        for g in &self.groups {
            g.pairs(&mut out);
        }
        if let Some(p) = &self.group_policy {
            out.push(("group_policy".into(), p.clone()));
        }
        if let Some(n) = self.limit {
            out.push(("limit".into(), n.to_string()));
        }
        for r in &self.root_required {
            out.push(("root_required".into(), r.clone()));
        }
        for s in &self.same_subtree {
            out.push(("same_subtree".into(), s.join(",")));
        }
        Ok(out)
    }
}

/// Lists allocation candidates (1.12 form; one page, at most `limit` requests).
pub async fn list(client: &ServiceClient, opts: &ListOpts) -> ApiResult<AllocationCandidates> {
    let pairs = match opts.query_pairs() {
        Ok(p) => p,
        Err(e) => return ApiResult::from_error(e),
    };
    let mut req = client.request(&LIST, &[]);
    for (k, v) in pairs {
        req = req.query_pair(k, v);
    }
    req.send().await
}
