//! Instance usage audit logs against the real Nova.

use crate::support::*;
use ferrocloud::openstack;
use ferrocloud::openstack::compute::v2::instance_usage_audit_log;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_instance_usage_audit_log_list_and_before() {
    let compute =
        openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region()).unwrap();
    let log = instance_usage_audit_log::list(&compute)
        .await
        .extract()
        .unwrap();
    assert!(log.num_hosts >= 1);
    assert_eq!(
        log.num_hosts,
        log.num_hosts_done + log.num_hosts_running + log.num_hosts_not_run
    );
    assert!(!log.period_ending.is_empty());
    let now = chrono::Utc::now().format("%Y-%m-%d %H:%M:%S").to_string();
    let before = instance_usage_audit_log::get(&compute, &now)
        .await
        .extract()
        .unwrap();
    assert_eq!(before.num_hosts, log.num_hosts);
}
