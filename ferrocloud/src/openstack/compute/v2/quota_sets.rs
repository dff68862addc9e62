//! Quota sets: the limits of a project (or of one user in a project), their usage, the
//! defaults, and changing or reverting them (admin).
//!
//! Microversion 2.36 drops the network quotas (`fixed_ips`, `floating_ips`,
//! `security_groups`, `security_group_rules`, now in Neutron) and 2.57 the personality
//! quotas (`injected_files…`): they are `None` when Nova does not send them, and
//! setting them at a later microversion is refused before sending.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::quota_sets::{self, UpdateOpts};
//! let q = quota_sets::get(&compute, "demo-project-id").await.extract()?;
//! println!("{} instances, {} cores", q.instances, q.cores);
//! let opts = UpdateOpts { cores: Some(40), ..Default::default() };
//! quota_sets::update(&compute, "demo-project-id", &opts).await.extract()?;
//! let usage = quota_sets::get_detail(&compute, "demo-project-id").await.extract()?;
//! println!("{} of {} cores used", usage.cores.in_use, usage.cores.limit);
//! quota_sets::delete(&compute, "demo-project-id").await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

/// Declares `UpdateOpts`, the new quotas of a quota set or of a quota class (the same
/// quotas, both updated the same way), after the fields given first, and its `limits()`:
/// the network quotas are accepted until `network_until`, the personality quotas until
/// 2.56.
macro_rules! quota_update_opts {
    (
        $(#[$meta:meta])*
        network_until: $net:literal;
        $($(#[$fmeta:meta])* $field:ident: $ty:ty,)*
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        pub struct UpdateOpts {
            $($(#[$fmeta])* pub $field: $ty,)*
            /// Servers.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub instances: Option<i64>,
            /// vCPUs.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub cores: Option<i64>,
            /// RAM in MiB.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub ram: Option<i64>,
            /// Key pairs.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub key_pairs: Option<i64>,
            /// Metadata items per server.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub metadata_items: Option<i64>,
            /// Server groups.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub server_groups: Option<i64>,
            /// Servers per server group.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub server_group_members: Option<i64>,
            #[doc = concat!("Fixed IPs (until ", $net, ").")]
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub fixed_ips: Option<i64>,
            #[doc = concat!("Floating IPs (until ", $net, ").")]
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub floating_ips: Option<i64>,
            #[doc = concat!("Security groups (until ", $net, ").")]
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub security_groups: Option<i64>,
            #[doc = concat!("Security group rules (until ", $net, ").")]
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub security_group_rules: Option<i64>,
            /// Injected files (until 2.56).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub injected_files: Option<i64>,
            /// Bytes per injected file (until 2.56).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub injected_file_content_bytes: Option<i64>,
            /// Bytes per injected file path (until 2.56).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub injected_file_path_bytes: Option<i64>,
        }

        impl UpdateOpts {
            /// Each quota asked for, with the last microversion that accepts it.
            fn limits(&self) -> [$crate::openstack::compute::v2::quota_sets::Limit; 14] {
                let net = Some($net);
                let personality = Some("2.56");
                [
                    ("instances", self.instances, None),
                    ("cores", self.cores, None),
                    ("ram", self.ram, None),
                    ("key_pairs", self.key_pairs, None),
                    ("metadata_items", self.metadata_items, None),
                    ("server_groups", self.server_groups, None),
                    ("server_group_members", self.server_group_members, None),
                    ("fixed_ips", self.fixed_ips, net),
                    ("floating_ips", self.floating_ips, net),
                    ("security_groups", self.security_groups, net),
                    ("security_group_rules", self.security_group_rules, net),
                    ("injected_files", self.injected_files, personality),
                    ("injected_file_content_bytes", self.injected_file_content_bytes, personality),
                    ("injected_file_path_bytes", self.injected_file_path_bytes, personality),
                ]
            }
        }
    };
}
pub(crate) use quota_update_opts;

crate::operations! {
    service: "compute";
    /// Show a project's (or a user's) quotas.
    GET = GET "/os-quota-sets/{tenant_id}" response("quota_set", QuotaSet);
    /// Update a project's (or a user's) quotas (admin).
    UPDATE = PUT "/os-quota-sets/{tenant_id}" request("quota_set", UpdateOpts) response("quota_set", QuotaSet);
    /// Revert a project's (or a user's) quotas to the defaults (admin).
    DELETE = DELETE "/os-quota-sets/{tenant_id}";
    /// Show the default quotas.
    DEFAULTS = GET "/os-quota-sets/{tenant_id}/defaults" response("quota_set", QuotaSet);
    /// Show a project's (or a user's) quotas with their usage.
    GET_DETAIL = GET "/os-quota-sets/{tenant_id}/detail" response("quota_set", QuotaSetDetail);
}

/// The quotas of a project or user. `-1` means unlimited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QuotaSet {
    /// The project's ID (not in the update response).
    #[serde(default)]
    pub id: Option<String>,
    /// Servers.
    pub instances: i64,
    /// vCPUs.
    pub cores: i64,
    /// RAM in MiB.
    pub ram: i64,
    /// Key pairs (per user).
    pub key_pairs: i64,
    /// Metadata items per server.
    pub metadata_items: i64,
    /// Server groups.
    pub server_groups: i64,
    /// Servers per server group.
    pub server_group_members: i64,
    /// Fixed IPs (until 2.35).
    #[serde(default)]
    pub fixed_ips: Option<i64>,
    /// Floating IPs (until 2.35).
    #[serde(default)]
    pub floating_ips: Option<i64>,
    /// Security groups (until 2.35).
    #[serde(default)]
    pub security_groups: Option<i64>,
    /// Security group rules (until 2.35).
    #[serde(default)]
    pub security_group_rules: Option<i64>,
    /// Networks (until 2.35, with nova-network only).
    #[serde(default)]
    pub networks: Option<i64>,
    /// Injected files (until 2.56).
    #[serde(default)]
    pub injected_files: Option<i64>,
    /// Bytes per injected file (until 2.56).
    #[serde(default)]
    pub injected_file_content_bytes: Option<i64>,
    /// Bytes per injected file path (until 2.56).
    #[serde(default)]
    pub injected_file_path_bytes: Option<i64>,
}

/// One quota with its usage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct QuotaDetail {
    /// In use.
    pub in_use: i64,
    /// The limit (`-1`: unlimited).
    pub limit: i64,
    /// Reserved (always 0 in recent Nova).
    pub reserved: i64,
}

/// The quotas of a project or user, with their usage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QuotaSetDetail {
    /// The project's ID.
    pub id: String,
    /// Servers.
    pub instances: QuotaDetail,
    /// vCPUs.
    pub cores: QuotaDetail,
    /// RAM in MiB.
    pub ram: QuotaDetail,
    /// Key pairs.
    pub key_pairs: QuotaDetail,
    /// Metadata items per server.
    pub metadata_items: QuotaDetail,
    /// Server groups.
    pub server_groups: QuotaDetail,
    /// Servers per server group.
    pub server_group_members: QuotaDetail,
    /// Fixed IPs (until 2.35).
    #[serde(default)]
    pub fixed_ips: Option<QuotaDetail>,
    /// Floating IPs (until 2.35).
    #[serde(default)]
    pub floating_ips: Option<QuotaDetail>,
    /// Security groups (until 2.35).
    #[serde(default)]
    pub security_groups: Option<QuotaDetail>,
    /// Security group rules (until 2.35).
    #[serde(default)]
    pub security_group_rules: Option<QuotaDetail>,
    /// Networks (until 2.35, with nova-network only).
    #[serde(default)]
    pub networks: Option<QuotaDetail>,
    /// Injected files (until 2.56).
    #[serde(default)]
    pub injected_files: Option<QuotaDetail>,
    /// Bytes per injected file (until 2.56).
    #[serde(default)]
    pub injected_file_content_bytes: Option<QuotaDetail>,
    /// Bytes per injected file path (until 2.56).
    #[serde(default)]
    pub injected_file_path_bytes: Option<QuotaDetail>,
}

/// A boolean flag as Nova reads it: JSON `true`/`false`, or text (`"True"`, `"yes"`,
/// `"0"`…). Build one from a `bool`.
///
/// ```
/// use ferrocloud::openstack::compute::v2::quota_sets::Flag;
/// assert_eq!(serde_json::to_string(&Flag::from(true)).unwrap(), "true");
/// let text: Flag = serde_json::from_str(r#""True""#).unwrap();
/// assert_eq!(text.as_bool(), Some(true));
/// assert_eq!(serde_json::to_string(&text).unwrap(), r#""True""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Flag {
    /// A JSON boolean.
    Bool(bool),
    /// A boolean written as text.
    Text(String),
}

impl From<bool> for Flag {
    fn from(b: bool) -> Self {
        Flag::Bool(b)
    }
}

impl Flag {
    /// The flag's value, or `None` for text Nova does not read as a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Flag::Bool(b) => Some(*b),
            Flag::Text(t) => match t.as_str() {
                "True" | "TRUE" | "true" | "1" | "ON" | "On" | "on" | "YES" | "Yes" | "yes" => {
                    Some(true)
                }
                "False" | "FALSE" | "false" | "0" | "OFF" | "Off" | "off" | "NO" | "No" | "no" => {
                    Some(false)
                }
                _ => None,
            },
        }
    }
}

quota_update_opts! {
    /// New quotas; unset fields are left as they are. `-1` means unlimited.
    ///
    /// ```
    /// use ferrocloud::openstack::compute::v2::quota_sets::UpdateOpts;
    /// let opts = UpdateOpts { instances: Some(45), force: Some(true.into()), ..Default::default() };
    /// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"instances": 45, "force": true}));
    /// ```
    network_until: "2.35";
    /// Apply the new limits even below the current usage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    force: Option<Flag>,
}

impl UpdateOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        check_limits(client, &self.limits())
    }
}

/// One quota of an update: its name, the value asked for, and the last microversion
/// that accepts it.
pub(crate) type Limit = (&'static str, Option<i64>, Option<&'static str>);

/// Quota values are -1 (unlimited) or 0 to `i32::MAX`.
pub(crate) fn validate_limits(limits: &[Limit]) -> Result<()> {
    for (name, value, _) in limits {
        if let Some(v) = value
            && !(-1..=i64::from(i32::MAX)).contains(v)
        {
            return Err(Error::invalid_input(format!(
                "{name} must be -1 (unlimited) or between 0 and {}",
                i32::MAX
            )));
        }
    }
    Ok(())
}

/// Refuses quotas the client's microversion no longer accepts.
pub(crate) fn check_limits(client: &ServiceClient, limits: &[Limit]) -> Result<()> {
    for (name, value, until) in limits {
        super::versions::check_field(client, name, value.is_some(), None, *until)?;
    }
    Ok(())
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        validate_limits(&self.limits())?;
        if self.force.as_ref().is_some_and(|f| f.as_bool().is_none()) {
            return Err(Error::invalid_input("force must be a boolean"));
        }
        Ok(())
    }
}

/// Whose quotas: the project's, or one user's in the project.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UserOpts {
    /// A user of the project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
}

impl UserOpts {
    /// The quotas of `user_id`.
    pub fn user(user_id: impl Into<String>) -> Self {
        UserOpts {
            user_id: Some(user_id.into()),
        }
    }
}

/// Shows a project's quotas.
pub async fn get(client: &ServiceClient, project_id: &str) -> ApiResult<QuotaSet> {
    client.request(&GET, &[project_id]).send().await
}

/// Shows a project's (or, with `user_id`, a user's) quotas.
pub async fn get_with(
    client: &ServiceClient,
    project_id: &str,
    opts: &UserOpts,
) -> ApiResult<QuotaSet> {
    client.request(&GET, &[project_id]).query(opts).send().await
}

/// Shows a project's quotas with their usage.
pub async fn get_detail(client: &ServiceClient, project_id: &str) -> ApiResult<QuotaSetDetail> {
    client.request(&GET_DETAIL, &[project_id]).send().await
}

/// Shows a project's (or a user's) quotas with their usage.
pub async fn get_detail_with(
    client: &ServiceClient,
    project_id: &str,
    opts: &UserOpts,
) -> ApiResult<QuotaSetDetail> {
    client
        .request(&GET_DETAIL, &[project_id])
        .query(opts)
        .send()
        .await
}

/// Shows the default quotas (the same for every project).
pub async fn get_defaults(client: &ServiceClient, project_id: &str) -> ApiResult<QuotaSet> {
    client.request(&DEFAULTS, &[project_id]).send().await
}

/// Updates a project's quotas (admin). Quotas removed by the client's microversion are
/// refused before sending.
pub async fn update(
    client: &ServiceClient,
    project_id: &str,
    opts: &UpdateOpts,
) -> ApiResult<QuotaSet> {
    update_with(client, project_id, opts, &UserOpts::default()).await
}

/// Updates a project's (or a user's) quotas (admin).
pub async fn update_with(
    client: &ServiceClient,
    project_id: &str,
    opts: &UpdateOpts,
    user: &UserOpts,
) -> ApiResult<QuotaSet> {
    if let Err(e) = opts.check(client) {
        return ApiResult::from_error(e);
    }
    client
        .request(&UPDATE, &[project_id])
        .query(user)
        .body(opts)
        .send()
        .await
}

/// Reverts a project's quotas to the defaults (admin).
pub async fn delete(client: &ServiceClient, project_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[project_id]).send().await
}

/// Reverts a project's (or a user's) quotas to the defaults (admin).
pub async fn delete_with(
    client: &ServiceClient,
    project_id: &str,
    opts: &UserOpts,
) -> ApiResult<()> {
    client
        .request(&DELETE, &[project_id])
        .query(opts)
        .send()
        .await
}
