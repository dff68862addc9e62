//! Quotas: how many of each resource a project may have: the projects with their own
//! limits, one project's limits, the defaults, the usage (used, reserved, limit), and
//! changing or resetting them (admin; a member may read its own project's).
//!
//! A limit is a [`Limit`](crate::openstack::networking::v2::quotas::Limit): [`Limit::Unlimited`](crate::openstack::networking::v2::quotas::Limit::Unlimited) (Neutron's `-1`) or a maximum. The
//! limits every Neutron has are plain fields of [`QuotaSet`](crate::openstack::networking::v2::quotas::QuotaSet); those of service plugins
//! (routers and floating IPs come with the L3 plugin, trunks, FWaaS, VPNaaS, SFC,
//! BGPVPN, TaaS) are `Option`s, and any other resource a plugin registers is in
//! [`QuotaSet::other`](crate::openstack::networking::v2::quotas::QuotaSet::other). [`QuotaSet::get`](crate::openstack::networking::v2::quotas::QuotaSet::get) reads any of them by name.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::quotas::{self, Limit, UpdateOpts};
//! let q = quotas::get(&network, "project-id").await.extract()?;
//! println!("{} networks, routers: {:?}", q.network, q.router);
//! let opts = UpdateOpts::default().network(20u64).port(Limit::Unlimited);
//! quotas::update(&network, "project-id", &opts).await.extract()?;
//! let usage = quotas::get_details(&network, "project-id").await.extract()?;
//! println!("{} of {} ports used", usage.port.used, usage.port.limit);
//! quotas::delete(&network, "project-id").await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List the projects whose quotas differ from the defaults, with their quotas.
    LIST = GET "/quotas" list("quotas", ProjectQuota);
    /// Show a project's quotas.
    GET = GET "/quotas/{project_id}" response("quota", Quota);
    /// Show the default quotas (the same for every project).
    GET_DEFAULTS = GET "/quotas/{project_id}/default" response("quota", Quota);
    /// Show a project's quotas with their usage.
    GET_DETAILS = GET "/quotas/{project_id}/details.json" response("quota", QuotaDetails);
    /// Update a project's quotas.
    UPDATE = PUT "/quotas/{project_id}" request("quota", UpdateOpts) response("quota", Quota);
    /// Reset a project's quotas to the defaults.
    DELETE = DELETE "/quotas/{project_id}";
}

/// A quota limit: unlimited, or at most this many.
///
/// Neutron writes unlimited as `-1` (and treats any negative limit as unlimited).
///
/// ```
/// use ferrocloud::openstack::networking::v2::quotas::Limit;
/// let l: Limit = serde_json::from_str("-1").unwrap();
/// assert_eq!(l, Limit::Unlimited);
/// assert_eq!(serde_json::from_str::<Limit>("10").unwrap(), Limit::Max(10));
/// assert_eq!(serde_json::to_string(&Limit::Unlimited).unwrap(), "-1");
/// assert!(Limit::Max(3).allows(3) && !Limit::Max(3).allows(4) && Limit::Unlimited.allows(u64::MAX));
/// assert_eq!(Limit::Max(5).to_string(), "5");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// No limit (`-1`).
    Unlimited,
    /// At most this many.
    Max(u64),
}

impl Limit {
    /// True for [`Limit::Unlimited`].
    pub fn is_unlimited(&self) -> bool {
        matches!(self, Limit::Unlimited)
    }
    /// The maximum, if there is one.
    pub fn max(&self) -> Option<u64> {
        match self {
            Limit::Unlimited => None,
            Limit::Max(n) => Some(*n),
        }
    }
    /// Whether `count` resources fit in the limit.
    pub fn allows(&self, count: u64) -> bool {
        self.max().is_none_or(|m| count <= m)
    }
}

impl From<u64> for Limit {
    fn from(n: u64) -> Self {
        Limit::Max(n)
    }
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Limit::Unlimited => f.write_str("unlimited"),
            Limit::Max(n) => write!(f, "{n}"),
        }
    }
}

impl Serialize for Limit {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Limit::Unlimited => s.serialize_i64(-1),
            Limit::Max(n) => s.serialize_u64(*n),
        }
    }
}

impl<'de> Deserialize<'de> for Limit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Limit;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a quota limit (an integer, -1 for unlimited)")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Limit, E> {
                Ok(u64::try_from(v).map_or(Limit::Unlimited, Limit::Max))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Limit, E> {
                Ok(Limit::Max(v))
            }
        }
        d.deserialize_i64(V)
    }
}

/// The usage of one quota: what exists, what is being created, and the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QuotaUsage {
    /// How many exist.
    pub used: u64,
    /// The limit.
    pub limit: Limit,
    /// How many are being created (reserved, not yet committed).
    pub reserved: u64,
}

/// Declares [`QuotaSet`] and [`UpdateOpts`] from one list of the resources Neutron
/// counts: those every Neutron has (plain fields), then those of service plugins
/// (optional fields).
macro_rules! quota_resources {
    (
        always { $($(#[$am:meta])* $a:ident,)* }
        plugins { $($(#[$pm:meta])* $p:ident,)* }
    ) => {
        /// One value per resource Neutron counts: a [`Limit`] in [`Quota`], a
        /// [`QuotaUsage`] in [`QuotaDetails`]. The resources of service plugins are
        /// `None` where the plugin is not loaded; resources this type does not name are
        /// in `other`.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(bound(deserialize = "T: Deserialize<'de>"))]
        #[non_exhaustive]
        pub struct QuotaSet<T> {
            $($(#[$am])* pub $a: T,)*
            $(
                $(#[$pm])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $p: Option<T>,
            )*
            /// The resources of other plugins, by name.
            #[serde(flatten)]
            pub other: BTreeMap<String, T>,
        }

        impl<T> QuotaSet<T> {
            /// The value of resource `name` (`network`, `router`, any other one), if
            /// this Neutron counts it.
            pub fn get(&self, name: &str) -> Option<&T> {
                match name {
                    $(stringify!($a) => Some(&self.$a),)*
                    $(stringify!($p) => self.$p.as_ref(),)*
                    _ => self.other.get(name),
                }
            }
        }

        /// New quotas for a project; unset ones are left as they are.
        ///
        /// Neutron refuses a limit below the current usage unless `force` is set.
        ///
        /// ```
        /// use ferrocloud::openstack::networking::v2::quotas::{Limit, UpdateOpts};
        /// let opts = UpdateOpts::default().network(20u64).router(Limit::Unlimited)
        ///     .resource("widget", 3u64).force(true);
        /// assert_eq!(serde_json::to_value(&opts).unwrap(),
        ///     serde_json::json!({"network": 20, "router": -1, "widget": 3, "force": true}));
        /// ```
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct UpdateOpts {
            $(
                $(#[$am])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $a: Option<Limit>,
            )*
            $(
                $(#[$pm])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $p: Option<Limit>,
            )*
            /// Set the limits even below the current usage.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub force: Option<bool>,
            /// Refuse limits below the current usage (what Neutron does by default
            /// since 2025.1, which ignores it).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub check_limit: Option<bool>,
            /// Limits of other resources, by name.
            #[serde(flatten)]
            pub other: BTreeMap<String, Limit>,
        }

        impl UpdateOpts {
            $(
                #[doc = concat!("Sets the `", stringify!($a), "` limit.")]
                pub fn $a(mut self, limit: impl Into<Limit>) -> Self {
                    self.$a = Some(limit.into());
                    self
                }
            )*
            $(
                #[doc = concat!("Sets the `", stringify!($p), "` limit.")]
                pub fn $p(mut self, limit: impl Into<Limit>) -> Self {
                    self.$p = Some(limit.into());
                    self
                }
            )*

            fn is_empty(&self) -> bool {
                $(self.$a.is_none() &&)* $(self.$p.is_none() &&)* self.other.is_empty()
            }

            fn names_a_field(name: &str) -> bool {
                matches!(name, $(stringify!($a))|* | $(stringify!($p))|* | "force" | "check_limit")
            }
        }
    };
}

quota_resources! {
    always {
        /// Networks.
        network,
        /// Subnets.
        subnet,
        /// Subnet pools.
        subnetpool,
        /// Ports.
        port,
        /// Security groups.
        security_group,
        /// Security group rules.
        security_group_rule,
        /// RBAC policies.
        rbac_policy,
    }
    plugins {
        /// Routers (L3 plugin).
        router,
        /// Floating IPs (L3 plugin).
        floatingip,
        /// Trunks (trunk plugin).
        trunk,
        /// Firewall groups (FWaaS v2).
        firewall_group,
        /// Firewall policies (FWaaS v2).
        firewall_policy,
        /// Firewall rules (FWaaS v2).
        firewall_rule,
        /// IKE policies (VPNaaS).
        ikepolicy,
        /// IPsec policies (VPNaaS).
        ipsecpolicy,
        /// VPN endpoint groups (VPNaaS).
        endpoint_group,
        /// VPN services (VPNaaS).
        vpnservice,
        /// IPsec site connections (VPNaaS).
        ipsec_site_connection,
        /// Flow classifiers (SFC).
        flow_classifier,
        /// Port pairs (SFC).
        port_pair,
        /// Port pair groups (SFC).
        port_pair_group,
        /// Port chains (SFC).
        port_chain,
        /// Service graphs (SFC).
        service_graph,
        /// BGP VPNs (BGPVPN).
        bgpvpn,
        /// Tap services (TaaS).
        tap_service,
        /// Tap flows (TaaS).
        tap_flow,
    }
}

/// A project's limits.
pub type Quota = QuotaSet<Limit>;

/// A project's limits with their usage.
pub type QuotaDetails = QuotaSet<QuotaUsage>;

/// One project's limits, in the listing of the projects that have their own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProjectQuota {
    /// The project.
    pub project_id: String,
    /// The project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Its limits.
    #[serde(flatten)]
    pub quota: Quota,
}

impl UpdateOpts {
    /// Sets the limit of a resource by name (one that has no field here, or any).
    pub fn resource(mut self, name: impl Into<String>, limit: impl Into<Limit>) -> Self {
        self.other.insert(name.into(), limit.into());
        self
    }
    /// Sets the limits even below the current usage.
    pub fn force(mut self, force: bool) -> Self {
        self.force = Some(force);
        self
    }
    /// Asks Neutron to refuse limits below the current usage (needed before 2025.1).
    pub fn check_limit(mut self, check: bool) -> Self {
        self.check_limit = Some(check);
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.is_empty() {
            return Err(Error::invalid_input("a quota update needs at least one limit"));
        }
        if let Some(name) = self.other.keys().find(|k| k.is_empty() || Self::names_a_field(k)) {
            return Err(Error::invalid_input(format!(
                "quota resource {name:?}: empty, or set with its own field"
            )));
        }
        if self.force == Some(true) && self.check_limit == Some(true) {
            return Err(Error::invalid_input("set force or check_limit, not both"));
        }
        Ok(())
    }
}

/// Lists the projects whose quotas differ from the defaults (admin; one page).
pub fn list(client: &ServiceClient) -> Pager<ProjectQuota> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The project quotas of a page.
    extract_quotas, ProjectQuota
}

/// Shows a project's limits (its own, or the defaults).
pub async fn get(client: &ServiceClient, project_id: &str) -> ApiResult<Quota> {
    client.request(&GET, &[project_id]).send().await
}

/// Shows the default limits (`project_id` is any project: the defaults are global).
pub async fn get_defaults(client: &ServiceClient, project_id: &str) -> ApiResult<Quota> {
    client.request(&GET_DEFAULTS, &[project_id]).send().await
}

/// Shows a project's limits with what it uses and has reserved.
pub async fn get_details(client: &ServiceClient, project_id: &str) -> ApiResult<QuotaDetails> {
    client.request(&GET_DETAILS, &[project_id]).send().await
}

/// Changes a project's limits (admin) and returns all of them.
pub async fn update(client: &ServiceClient, project_id: &str, opts: &UpdateOpts) -> ApiResult<Quota> {
    client.request(&UPDATE, &[project_id]).body(opts).send().await
}

/// Resets a project's limits to the defaults (admin).
pub async fn delete(client: &ServiceClient, project_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[project_id]).send().await
}
