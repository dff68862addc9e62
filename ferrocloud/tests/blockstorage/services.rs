//! Services, clusters, workers and hosts against a mock Cinder answering with the
//! official samples.

use crate::{V2, V3, expect, expect_at, reply, volume, volume_v2};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::v2;
use ferrocloud::openstack::blockstorage::v3::clusters::{self, ClusterOpts};
use ferrocloud::openstack::blockstorage::v3::hosts;
use ferrocloud::openstack::blockstorage::v3::services::{
    self, DisableReasonOpts, FailoverOpts, GetLogOpts, HostOpts, ListOpts, LogLevel, ServiceOpts,
    ServiceState, ServiceStatus, SetLogOpts,
};
use ferrocloud::openstack::blockstorage::v3::workers::{self, CleanupOpts, ResourceType};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer};

const HOST: &str = "devstack@lvmdriver-1";

#[tokio::test]
async fn list_services_with_filters() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/os-services"))
        .and(query_param("binary", "cinder-volume"))
        .and(query_param("host", HOST))
        .respond_with(reply(
            200,
            Some(&format!("{V3}/services-list-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        host: Some(HOST.into()),
        binary: Some("cinder-volume".into()),
    };
    let all = services::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 3);
    let vol = &all[2];
    assert_eq!(vol.status, ServiceStatus::Enabled);
    assert_eq!(vol.state, ServiceState::Up);
    assert_eq!(vol.frozen, Some(false));
    assert_eq!(vol.replication_status.as_deref(), Some("disabled"));
    assert!(vol.updated_at.is_some());
    assert_eq!(all[0].frozen, None);
    // 3.49's backend_state and unknown statuses.
    let s: services::Service = serde_json::from_value(serde_json::json!({
        "binary": "cinder-volume", "host": "h@b", "zone": "nova", "status": "paused",
        "state": "down", "updated_at": null, "backend_state": "down", "cluster": "c1"
    }))
    .unwrap();
    assert_eq!(s.status, ServiceStatus::Other("paused".into()));
    assert_eq!(s.backend_state.as_deref(), Some("down"));
}

#[tokio::test]
async fn enable_disable_and_disable_with_reason() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let target = ServiceOpts::new("cinder-volume", HOST);
    expect(
        &server,
        "PUT",
        "os-services/disable",
        Some(&format!("{V3}/services-disable-request.json")),
        200,
        Some(&format!("{V3}/services-disable-response.json")),
    )
    .await;
    let d = services::disable(&client, &target).await.extract().unwrap();
    assert!(d.disabled);
    assert_eq!(d.status, ServiceStatus::Disabled);
    expect(
        &server,
        "PUT",
        "os-services/enable",
        Some(&format!("{V3}/services-enable-request.json")),
        200,
        Some(&format!("{V3}/services-enable-response.json")),
    )
    .await;
    let e = services::enable(&client, &target).await.extract().unwrap();
    assert!(!e.disabled);
    assert_eq!(e.disabled_reason, None);
    expect(
        &server,
        "PUT",
        "os-services/disable-log-reason",
        Some(&format!("{V3}/services-disable-log-request.json")),
        200,
        Some(&format!("{V3}/services-disable-log-response.json")),
    )
    .await;
    let opts = DisableReasonOpts {
        binary: "cinder-volume".into(),
        host: HOST.into(),
        disabled_reason: Some("test".into()),
    };
    let r = services::disable_with_reason(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(r.disabled_reason.as_deref(), Some("test"));

    let bad = ServiceOpts::new("", HOST);
    let e = services::enable(&client, &bad).await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let bad = DisableReasonOpts {
        disabled_reason: Some("x".repeat(256)),
        ..opts
    };
    let e = services::disable_with_reason(&client, &bad)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn log_levels_need_3_32() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let get = GetLogOpts {
        binary: Some("cinder-volume".into()),
        server: Some(HOST.into()),
        prefix: Some("cinder.volume".into()),
    };
    assert!(
        services::get_log(&client.with_microversion("3.31"), &get)
            .await
            .ok()
            .is_err()
    );
    assert_eq!(
        crate::common::count(&server, "PUT", "/volume/v3/p1/os-services/get-log").await,
        0
    );

    let client = client.with_microversion("3.32");
    Mock::given(method("PUT"))
        .and(path("/volume/v3/p1/os-services/get-log"))
        .and(header("OpenStack-API-Version", "volume 3.32"))
        .and(body_json(crate::common::sample_json(&format!(
            "block-storage/{V3}/services-get-log-request.json"
        ))))
        .respond_with(reply(
            200,
            Some(&format!("{V3}/services-get-log-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let levels = services::get_log(&client, &get).await.extract().unwrap();
    assert_eq!(levels.len(), 4);
    assert_eq!(levels[0].levels["cinder.volume.api"], "DEBUG");
    assert!(levels[2].levels.is_empty());

    expect(
        &server,
        "PUT",
        "os-services/set-log",
        Some(&format!("{V3}/services-set-log-request.json")),
        202,
        None,
    )
    .await;
    let set = SetLogOpts {
        binary: Some("cinder-volume".into()),
        server: Some(HOST.into()),
        prefix: Some("cinder.volume".into()),
        level: LogLevel::Error,
    };
    services::set_log(&client, &set).await.ok().unwrap();
    let bad = SetLogOpts {
        binary: Some("nova-compute".into()),
        ..set
    };
    let e = services::set_log(&client, &bad).await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn freeze_thaw_and_failover() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "PUT",
        "os-services/freeze",
        Some(&format!("{V3}/services-freeze-request.json")),
        200,
        None,
    )
    .await;
    services::freeze(&client, &HostOpts::host("devstack@rbd-sas"))
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "PUT",
        "os-services/thaw",
        Some(&format!("{V3}/services-thaw-request.json")),
        200,
        None,
    )
    .await;
    services::thaw(&client, &HostOpts::host("devstack@rbd-sas"))
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "PUT",
        "os-services/failover_host",
        Some(&format!("{V3}/services-failover-host-request.json")),
        202,
        None,
    )
    .await;
    let opts = FailoverOpts {
        host: Some(HOST.into()),
        ..Default::default()
    };
    services::failover_host(&client, &opts).await.ok().unwrap();

    // One of host and cluster; cluster since 3.26.
    let both = FailoverOpts {
        host: Some(HOST.into()),
        cluster: Some("c1".into()),
        backend_id: None,
    };
    let e = services::failover_host(&client, &both)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let cluster = HostOpts {
        host: None,
        cluster: Some("c1".into()),
    };
    assert!(
        services::freeze(&client.with_microversion("3.25"), &cluster)
            .await
            .ok()
            .is_err()
    );
    assert_eq!(
        crate::common::count(&server, "PUT", "/volume/v3/p1/os-services/freeze").await,
        1
    );
}

#[tokio::test]
async fn clusters_since_3_7() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    assert!(
        clusters::list(&client.with_microversion("3.6"), &Default::default())
            .all()
            .await
            .is_err()
    );
    let client = client.with_microversion("3.7");
    let s = format!("{V3}/clusters/v3.7");
    expect(
        &server,
        "GET",
        "clusters",
        None,
        200,
        Some(&format!("{s}/clusters-list-response.json")),
    )
    .await;
    let all = clusters::list(&client, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[1].status, ServiceStatus::Disabled);
    expect(
        &server,
        "GET",
        "clusters/detail",
        None,
        200,
        Some(&format!("{s}/clusters-list-detailed-response.json")),
    )
    .await;
    let all = clusters::list_detail(&client, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[1].num_hosts, 2);
    assert_eq!(all[1].last_heartbeat, None); // Cinder writes "" for none
    assert!(all[0].last_heartbeat.is_some());
    expect(
        &server,
        "GET",
        "clusters/cluster_name",
        None,
        200,
        Some(&format!("{s}/cluster-show-response.json")),
    )
    .await;
    let c = clusters::get(&client, "cluster_name")
        .await
        .extract()
        .unwrap();
    assert_eq!(c.state, ServiceState::Down);
    expect(
        &server,
        "PUT",
        "clusters/disable",
        Some(&format!("{s}/cluster-disable-request.json")),
        200,
        Some(&format!("{s}/cluster-disable-response.json")),
    )
    .await;
    let c = clusters::disable(
        &client,
        &ClusterOpts::new("cluster_name").reason("for testing"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(c.disabled_reason.as_deref(), Some("for testing"));
    expect(
        &server,
        "PUT",
        "clusters/enable",
        Some(&format!("{s}/cluster-enable-request.json")),
        200,
        Some(&format!("{s}/cluster-enable-response.json")),
    )
    .await;
    let c = clusters::enable(&client, &ClusterOpts::new("cluster_name").reason("ignored"))
        .await
        .extract()
        .unwrap();
    assert_eq!(c.status, ServiceStatus::Enabled);
    // Replication filters need 3.26.
    let opts = clusters::ListOpts {
        frozen: Some(true),
        ..Default::default()
    };
    assert!(clusters::list_detail(&client, &opts).all().await.is_err());
}

#[tokio::test]
async fn workers_cleanup_since_3_24() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let opts = CleanupOpts {
        cluster_name: Some("test".into()),
        disabled: Some(true),
        host: Some("host1@lvmdriver".into()),
        service_id: Some(1),
        is_up: Some(true),
        binary: Some("cinder-volume".into()),
        resource_id: Some("b122f668-d15a-40f8-af21-38d218796ab8".into()),
        resource_type: Some(ResourceType::Volume),
    };
    assert!(
        workers::cleanup(&client.with_microversion("3.23"), &opts)
            .await
            .ok()
            .is_err()
    );
    Mock::given(method("POST"))
        .and(path("/volume/v3/p1/workers/cleanup"))
        .and(header("OpenStack-API-Version", "volume 3.24"))
        .and(body_json(crate::common::sample_json(&format!(
            "block-storage/{V3}/worker-cleanup-request.json"
        ))))
        .respond_with(reply(
            202,
            Some(&format!("{V3}/worker-cleanup-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let r = workers::cleanup(&client.with_microversion("3.24"), &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(r.cleaning[0].cluster_name.as_deref(), Some("test"));
    assert!(r.unavailable.is_empty());
    let bad = CleanupOpts {
        binary: Some("cinder-backup".into()),
        ..Default::default()
    };
    let e = workers::cleanup(&client.with_microversion("3.24"), &bad)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn hosts_list_and_show() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/os-hosts"))
        .and(query_param("zone", "nova"))
        .respond_with(reply(200, Some(&format!("{V3}/hosts-list-response.json"))))
        .expect(1)
        .mount(&server)
        .await;
    let opts = hosts::ListOpts {
        zone: Some("nova".into()),
    };
    let all = hosts::list(&client, &opts).all().await.unwrap();
    assert_eq!(all[2].host_name, "node1@lvm");
    assert_eq!(all[2].service_status, "available");
    expect(
        &server,
        "GET",
        "os-hosts/node1%40rbd-sas",
        None,
        200,
        Some(&format!("{V3}/hosts-get-response.json")),
    )
    .await;
    let items = hosts::get(&client, "node1@rbd-sas")
        .await
        .extract()
        .unwrap();
    assert!(items[0].resource.is_total());
    assert_eq!(items[1].resource.volume_count, 8);
    assert_eq!(items[1].resource.total_volume_gb, 11);

    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    expect_at(
        &server,
        "GET",
        "/volume/v2/p1/os-hosts",
        None,
        200,
        Some(&format!("{V2}/hosts-list-response.json")),
    )
    .await;
    v2::hosts::list(&client, &Default::default())
        .all()
        .await
        .unwrap();
    expect_at(
        &server,
        "GET",
        "/volume/v2/p1/os-hosts/node1",
        None,
        200,
        Some(&format!("{V2}/hosts-get-response.json")),
    )
    .await;
    v2::hosts::get(&client, "node1").await.extract().unwrap();
}
