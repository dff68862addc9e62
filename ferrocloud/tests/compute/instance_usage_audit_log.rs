//! Instance usage audit logs: the last period and the period before a time.

use crate::common::*;
use ferrocloud::openstack::compute::v2::instance_usage_audit_log;
use ferrocloud::{EndpointOpts, openstack};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-instance-usage-audit-log";

#[tokio::test]
async fn list_and_before_a_time() {
    let server = MockServer::start().await;
    let p = provider(&server).await;
    let compute = openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-instance_usage_audit_log"))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(&format!(
            "{S}/inst-usage-audit-log-index-get-resp.json"
        ))))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(
            "/compute/v2.1/os-instance_usage_audit_log/2012-07-01%2000%3A00%3A00",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(&format!(
            "{S}/inst-usage-audit-log-show-get-resp.json"
        ))))
        .expect(1)
        .mount(&server)
        .await;
    let log = instance_usage_audit_log::list(&compute)
        .await
        .extract()
        .unwrap();
    assert_eq!(log.num_hosts, 4);
    assert_eq!(log.total_errors, 3);
    assert_eq!(log.hosts_not_run, ["329fa448-f6bb-4e72-b954-faa66c30d4fa"]);
    assert_eq!(log.log["60dbe74d-0cf3-419b-83f5-407e4b78c7b4"].instances, 2);
    assert_eq!(log.period_beginning, "2012-06-01 00:00:00");
    let before = instance_usage_audit_log::get(&compute, "2012-07-01 00:00:00")
        .await
        .extract()
        .unwrap();
    assert_eq!(
        before.log["2c8ef37b-f0cc-4a9e-92a6-32df0095cb12"].state,
        "DONE"
    );
    server.verify().await;
}
