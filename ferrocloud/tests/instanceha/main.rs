//! Instance HA v1 resources against a mock Masakari: requests as sent, official samples
//! as answers.

#[path = "../common/mod.rs"]
mod common;

use ferrocloud::openstack::instanceha::v1::{hosts, notifications, segments, versions, vmoves};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// An instance HA client of a mock Masakari (endpoint `/instance-ha/v1/p1`).
async fn masakari(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_instance_ha_v1(&p, Default::default()).unwrap()
}

/// The sample `name` (under `instance-ha/doc/api_samples/`) as JSON.
fn sample(name: &str) -> Value {
    common::sample_json(&format!("instance-ha/doc/api_samples/{name}"))
}

/// Expects one `verb` request to `rel` under the endpoint, with `query` pairs, the
/// microversion header when given, and a JSON body when given; answers `status` with
/// `answer`.
#[allow(clippy::too_many_arguments)]
async fn expect(
    server: &MockServer,
    verb: &str,
    rel: &str,
    query: &[(&str, &str)],
    version: Option<&str>,
    request: Option<Value>,
    status: u16,
    answer: Option<Value>,
) {
    let mut m = Mock::given(method(verb)).and(path(format!("/instance-ha/v1/p1/{rel}")));
    for (k, v) in query {
        m = m.and(query_param(*k, *v));
    }
    if let Some(v) = version {
        m = m.and(header(
            "openstack-api-version",
            format!("instance-ha {v}").as_str(),
        ));
    }
    if let Some(b) = request {
        m = m.and(body_json(b));
    }
    let reply = match answer {
        Some(b) => ResponseTemplate::new(status).set_body_json(b),
        None => ResponseTemplate::new(status),
    };
    m.respond_with(reply).expect(1).mount(server).await;
}

const SEG: &str = "5fd9f925-0379-40db-a7f8-786a0b655b2a";

#[tokio::test]
async fn segments_crud() {
    let server = MockServer::start().await;
    let c = masakari(&server).await.with_microversion("1.2");
    let list = sample("segments/segments-list-resp.json");
    expect(
        &server,
        "GET",
        "segments",
        &[("marker", "1")],
        None,
        None,
        200,
        Some(json!({"segments": []})),
    )
    .await;
    expect(
        &server,
        "GET",
        "segments",
        &[("recovery_method", "auto")],
        None,
        None,
        200,
        Some(list),
    )
    .await;
    let create = sample("segments/segment-create-req.json");
    expect(
        &server,
        "POST",
        "segments",
        &[],
        Some("1.2"),
        Some(create),
        200,
        Some(sample("segments/segment-create-resp.json")),
    )
    .await;
    expect(
        &server,
        "GET",
        &format!("segments/{SEG}"),
        &[],
        None,
        None,
        200,
        Some(sample("segments/segment-get-resp.json")),
    )
    .await;
    expect(
        &server,
        "PUT",
        &format!("segments/{SEG}"),
        &[],
        None,
        Some(sample("segments/segment-update-req.json")),
        200,
        Some(sample("segments/segment-update-resp.json")),
    )
    .await;
    expect(
        &server,
        "DELETE",
        &format!("segments/{SEG}"),
        &[],
        None,
        None,
        204,
        None,
    )
    .await;

    let opts = segments::ListOpts {
        recovery_method: Some(segments::RecoveryMethod::Auto),
        ..Default::default()
    };
    let all = segments::list(&c, &opts).all().await.unwrap();
    assert_eq!(all[0].name, "segment2");
    assert_eq!(all[0].description.as_deref(), Some("Segment1"));
    let mut new =
        segments::CreateOpts::new("new_segment", segments::RecoveryMethod::Auto, "COMPUTE");
    new.enabled = Some(true);
    let s = segments::create(&c, &new).await.extract().unwrap();
    assert_eq!((s.id, s.uuid.as_str(), s.enabled), (4, SEG, Some(true)));
    let s = segments::get(&c, SEG).await.extract().unwrap();
    assert_eq!(s.recovery_method, segments::RecoveryMethod::Auto);
    let upd = segments::UpdateOpts {
        name: Some("new_segment".into()),
        enabled: Some(false),
        ..Default::default()
    };
    let s = segments::update(&c, SEG, &upd).await.extract().unwrap();
    assert_eq!(s.enabled, Some(false));
    assert!(s.record.updated_at.is_some());
    segments::delete(&c, SEG).await.ok().unwrap();
    // `enabled` needs 1.2: refused before sending at the base version.
    let base = masakari(&server).await;
    assert!(segments::update(&base, SEG, &upd).await.err().is_some());
}

#[tokio::test]
async fn hosts_crud() {
    let server = MockServer::start().await;
    let c = masakari(&server).await;
    let seg = "9e800031-6946-4b43-bf09-8b3d1cab792b";
    let host = "083a8474-22c0-407f-b89b-c569134c3bfd";
    let base = format!("segments/{seg}/hosts");
    expect(
        &server,
        "GET",
        &base,
        &[("marker", "1")],
        None,
        None,
        200,
        Some(json!({"hosts": []})),
    )
    .await;
    expect(
        &server,
        "GET",
        &base,
        &[("reserved", "false")],
        None,
        None,
        200,
        Some(sample("hosts/hosts-list-resp.json")),
    )
    .await;
    expect(
        &server,
        "POST",
        &base,
        &[],
        None,
        Some(sample("hosts/host-create-req.json")),
        200,
        Some(sample("hosts/host-create-resp.json")),
    )
    .await;
    expect(
        &server,
        "GET",
        &format!("{base}/{host}"),
        &[],
        None,
        None,
        200,
        Some(sample("hosts/host-get-resp.json")),
    )
    .await;
    expect(
        &server,
        "PUT",
        &format!("{base}/{host}"),
        &[],
        None,
        Some(json!({"host": {"reserved": true}})),
        200,
        Some(sample("hosts/host-update-resp.json")),
    )
    .await;
    expect(
        &server,
        "DELETE",
        &format!("{base}/{host}"),
        &[],
        None,
        None,
        204,
        None,
    )
    .await;

    let opts = hosts::ListOpts {
        reserved: Some(false),
        ..Default::default()
    };
    let all = hosts::list(&c, seg, &opts).all().await.unwrap();
    assert_eq!(all[0].name, "openstack-VirtualBox");
    assert_eq!(all[0].failover_segment.name, "segment2");
    let h = hosts::create(
        &c,
        seg,
        &hosts::CreateOpts::new("openstack-VirtualBox", "COMPUTE", "SSH"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(h.host_type, "COMPUTE_HOST");
    assert_eq!(h.control_attributes, "SSH");
    let h = hosts::get(&c, seg, host).await.extract().unwrap();
    assert!(!h.on_maintenance);
    let upd = hosts::UpdateOpts {
        reserved: Some(true),
        ..Default::default()
    };
    assert!(
        hosts::update(&c, seg, host, &upd)
            .await
            .extract()
            .unwrap()
            .reserved
    );
    hosts::delete(&c, seg, host).await.ok().unwrap();
}

#[tokio::test]
async fn notifications_create_list_get_and_wait() {
    let server = MockServer::start().await;
    let c = masakari(&server).await.with_microversion("1.1");
    let id = "07a331b8-df15-4582-b121-73ed3541a408";
    expect(
        &server,
        "GET",
        "notifications",
        &[("marker", "1")],
        None,
        None,
        200,
        Some(json!({"notifications": []})),
    )
    .await;
    expect(
        &server,
        "GET",
        "notifications",
        &[("type", "PROCESS")],
        None,
        None,
        200,
        Some(sample("notifications/notifcations-list-resp.json")),
    )
    .await;
    expect(
        &server,
        "POST",
        "notifications",
        &[],
        None,
        Some(sample("notifications/host-notification-create-req.json")),
        200,
        Some(sample("notifications/host-notification-create-resp.json")),
    )
    .await;
    Mock::given(method("GET"))
        .and(path(format!("/instance-ha/v1/p1/notifications/{id}")))
        .and(header("openstack-api-version", "instance-ha 1.1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(sample("notifications/notification-get-resp.json")),
        )
        .expect(2)
        .mount(&server)
        .await;

    let opts = notifications::ListOpts {
        notification_type: Some(notifications::NotificationType::Process),
        ..Default::default()
    };
    let all = notifications::list(&c, &opts).all().await.unwrap();
    assert_eq!(all[0].status, notifications::NotificationStatus::New);
    assert_eq!(all[0].payload["process_name"], "nova-compute");
    let body = sample("notifications/host-notification-create-req.json");
    let new: notifications::CreateOpts =
        serde_json::from_value(body["notification"].clone()).unwrap();
    let n = notifications::create(&c, &new).await.extract().unwrap();
    assert_eq!(
        n.notification_type,
        notifications::NotificationType::ComputeHost
    );
    assert_eq!(n.source_host_uuid, "083a8474-22c0-407f-b89b-c569134c3bfd");
    let n = notifications::get(&c, id).await.extract().unwrap();
    assert_eq!(n.recovery_workflow_details.len(), 3);
    assert_eq!(n.recovery_workflow_details[0].name, "StopInstanceTask");
    assert_eq!(
        n.recovery_workflow_details[0].progress_details[1].progress,
        1.0
    );
    let quick = ferrocloud::wait::WaitOpts::new(std::time::Duration::from_secs(5)).interval(
        std::time::Duration::from_millis(1),
        std::time::Duration::from_millis(5),
    );
    let done = notifications::wait_for_completion(&c, id, &quick)
        .await
        .unwrap();
    assert_eq!(done.status, notifications::NotificationStatus::Finished);
}

#[tokio::test]
async fn vmoves_need_1_3() {
    let server = MockServer::start().await;
    let c = masakari(&server).await.with_microversion("1.3");
    let n = "a0e70d3a-b3a2-4616-b65d-a7c03a2c85fc";
    expect(
        &server,
        "GET",
        &format!("notifications/{n}/vmoves"),
        &[("status", "succeeded"), ("marker", "1")],
        Some("1.3"),
        None,
        200,
        Some(json!({"vmoves": []})),
    )
    .await;
    expect(
        &server,
        "GET",
        &format!("notifications/{n}/vmoves"),
        &[("status", "succeeded")],
        Some("1.3"),
        None,
        200,
        Some(sample("vmoves/vmoves-list-resp.json")),
    )
    .await;
    expect(
        &server,
        "GET",
        &format!("notifications/{n}/vmoves/1"),
        &[],
        Some("1.3"),
        None,
        200,
        Some(sample("vmoves/vmove-get-resp.json")),
    )
    .await;
    let opts = vmoves::ListOpts {
        status: Some(vmoves::VMoveStatus::Succeeded),
        ..Default::default()
    };
    let all = vmoves::list(&c, n, &opts).all().await.unwrap();
    assert_eq!(all[0].instance_name, "vm1");
    assert_eq!(all[0].dest_host.as_deref(), Some("host2"));
    let m = vmoves::get(&c, n, "1").await.extract().unwrap();
    assert_eq!(m.move_type, vmoves::VMoveType::Evacuation);
    assert!(m.message.is_none());
    let old = masakari(&server).await;
    assert!(vmoves::get(&old, n, "1").await.err().is_some());
}

#[tokio::test]
async fn versions_at_the_root() {
    let server = MockServer::start().await;
    let c = masakari(&server).await;
    Mock::given(method("GET"))
        .and(path("/instance-ha/"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(sample("versions/versions-get-resp.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/instance-ha/v1/"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(sample("versions/v1-version-get-resp.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let all = versions::list(&c).all().await.unwrap();
    assert_eq!(all[0].id, "v1.0");
    let v1 = versions::get(&c, "v1").await.extract().unwrap();
    assert_eq!(v1.min_version, "1.0");
}
