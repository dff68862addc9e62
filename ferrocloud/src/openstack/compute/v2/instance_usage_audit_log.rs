//! Instance usage audit logs (admin): the results of the periodic task that audits
//! server usage on each compute host (when `instance_usage_audit` is enabled).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::instance_usage_audit_log;
//! let log = instance_usage_audit_log::list(&compute).await.extract()?;
//! println!("{}", log.overall_status);
//! let before = instance_usage_audit_log::get(&compute, "2012-07-01 00:00:00").await.extract()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "compute";
    /// Show the audit of the last complete period.
    LIST = GET "/os-instance_usage_audit_log" response("instance_usage_audit_logs", AuditLog);
    /// Show the audit of the last period that ended before a time.
    GET = GET "/os-instance_usage_audit_log/{before_timestamp}" response("instance_usage_audit_log", AuditLog);
}

/// The audit of one period over all compute hosts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AuditLog {
    /// The start of the period (as Nova writes it, `2012-06-01 00:00:00`).
    pub period_beginning: String,
    /// The end of the period.
    pub period_ending: String,
    /// A summary (`3 of 4 hosts done. 3 errors.`).
    pub overall_status: String,
    /// Compute hosts.
    pub num_hosts: i64,
    /// Hosts whose audit is done.
    pub num_hosts_done: i64,
    /// Hosts whose audit has not run.
    pub num_hosts_not_run: i64,
    /// Hosts whose audit is running.
    pub num_hosts_running: i64,
    /// The hosts whose audit has not run.
    pub hosts_not_run: Vec<String>,
    /// Errors over all hosts.
    pub total_errors: i64,
    /// Servers audited over all hosts.
    pub total_instances: i64,
    /// The audit of each host, by host name.
    pub log: BTreeMap<String, HostAudit>,
}

/// The audit of one compute host.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct HostAudit {
    /// `DONE` or `RUNNING`.
    pub state: String,
    /// Servers audited.
    pub instances: i64,
    /// Errors.
    pub errors: i64,
    /// What the task reported.
    pub message: String,
}

/// Shows the audit of the last complete period.
pub async fn list(client: &ServiceClient) -> ApiResult<AuditLog> {
    client.request(&LIST, &[]).send().await
}

/// Shows the audit of the last period that ended before `before` (a time such as
/// `2012-07-01 00:00:00` or `2012-07-01T00:00:00`).
pub async fn get(client: &ServiceClient, before: &str) -> ApiResult<AuditLog> {
    client.request(&GET, &[before]).send().await
}
