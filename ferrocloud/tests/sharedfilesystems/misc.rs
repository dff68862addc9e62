//! Quotas, quota classes, limits, availability zones, services, user messages, pools,
//! extensions and versions.

use crate::{expect, manila, mock, pages, reply, sample};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::sharedfilesystems::v2::{
    availability_zones, extensions, limits, messages, quota_class_sets, quota_sets,
    scheduler_stats, services, versions,
};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer};

const P: &str = "16e1ab15c35a457e9c2b2aa189f544e1";

#[tokio::test]
async fn quotas() {
    let (server, c) = mock("2.80").await;
    Mock::given(method("GET"))
        .and(path(format!("/share/v2/p1/quota-sets/{P}")))
        .and(query_param("user_id", "u1"))
        .respond_with(reply(200, Some("quota-show-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let scope = quota_sets::Scope {
        user_id: Some("u1".into()),
        ..Default::default()
    };
    let q = quota_sets::get(&c, P, &scope).await.extract().unwrap();
    assert_eq!((q.shares, q.backups), (50, Some(50)));
    expect(
        &server,
        "GET",
        &format!("quota-sets/{P}/defaults"),
        "2.80",
        None,
        200,
        Some("quota-show-response.json"),
    )
    .await;
    quota_sets::defaults(&c, P).await.extract().unwrap();
    expect(
        &server,
        "GET",
        &format!("quota-sets/{P}/detail"),
        "2.80",
        None,
        200,
        Some("quota-show-detail-response.json"),
    )
    .await;
    let d = quota_sets::detail(&c, P, &Default::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(d.gigabytes.limit, 1000);
    expect(
        &server,
        "PUT",
        &format!("quota-sets/{P}"),
        "2.80",
        Some("quota-update-request.json"),
        200,
        Some("quota-update-response.json"),
    )
    .await;
    let opts: quota_sets::UpdateOpts =
        serde_json::from_value(sample("quota-update-request.json")["quota_set"].clone()).unwrap();
    assert_eq!(
        quota_sets::update(&c, P, &Default::default(), &opts)
            .await
            .extract()
            .unwrap()
            .snapshots,
        49
    );
    expect(
        &server,
        "DELETE",
        &format!("quota-sets/{P}"),
        "2.80",
        None,
        202,
        None,
    )
    .await;
    quota_sets::delete(&c, P, &Default::default())
        .await
        .ok()
        .unwrap();
    // Per user and per share type at once is refused.
    let both = quota_sets::Scope {
        user_id: Some("u".into()),
        share_type: Some("t".into()),
    };
    assert_eq!(
        quota_sets::get(&c, P, &both).await.ok().unwrap_err().kind(),
        ErrorKind::InvalidInput
    );

    expect(
        &server,
        "GET",
        "quota-class-sets/default",
        "2.80",
        None,
        200,
        Some("quota-classes-show-response.json"),
    )
    .await;
    assert_eq!(
        quota_class_sets::get(&c, "default")
            .await
            .extract()
            .unwrap()
            .id
            .as_deref(),
        Some("default")
    );
    expect(
        &server,
        "PUT",
        "quota-class-sets/default",
        "2.80",
        Some("quota-classes-update-request.json"),
        200,
        Some("quota-classes-update-response.json"),
    )
    .await;
    let opts: quota_class_sets::UpdateOpts = serde_json::from_value(
        sample("quota-classes-update-request.json")["quota_class_set"].clone(),
    )
    .unwrap();
    assert_eq!(
        quota_class_sets::update(&c, "default", &opts)
            .await
            .extract()
            .unwrap()
            .gigabytes,
        20
    );
    server.verify().await;
}

#[tokio::test]
async fn limits_zones_services_pools() {
    let (server, c) = mock("2.86").await;
    expect(
        &server,
        "GET",
        "limits",
        "2.86",
        None,
        200,
        Some("limits-response.json"),
    )
    .await;
    let l = limits::get(&c).await.extract().unwrap();
    assert_eq!(l.absolute.max_total_shares, 50);
    assert_eq!(l.absolute.max_total_share_backups, Some(100));
    expect(
        &server,
        "GET",
        "availability-zones",
        "2.86",
        None,
        200,
        Some("availability-zones-list-response.json"),
    )
    .await;
    assert_eq!(
        availability_zones::list(&c).await.extract().unwrap()[0].name,
        "nova"
    );
    expect(
        &server,
        "GET",
        "services",
        "2.86",
        None,
        200,
        Some("services-list-response.json"),
    )
    .await;
    let s = services::list(&c, &Default::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(s[1].binary, "manila-scheduler");
    expect(
        &server,
        "PUT",
        "services/enable",
        "2.86",
        Some("service-enable-request.json"),
        200,
        Some("service-enable-response.json"),
    )
    .await;
    assert_eq!(
        services::enable(&c, "openstackhost@generic#pool_0", "manila-share")
            .await
            .extract()
            .unwrap()
            .status
            .as_deref(),
        Some("enabled")
    );
    expect(
        &server,
        "PUT",
        "services/disable",
        "2.86",
        Some("service-disable-request.json"),
        200,
        Some("service-disable-response.json"),
    )
    .await;
    services::disable(
        &c,
        "openstackhost@generic#pool_0",
        "manila-share",
        Some("Service taken down for maintenance until May"),
    )
    .await
    .extract()
    .unwrap();
    expect(
        &server,
        "POST",
        "services/ensure-shares",
        "2.86",
        Some("service-ensure-shares-request.json"),
        202,
        None,
    )
    .await;
    services::ensure_shares(&c, "openstackhost@storagebackend")
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "GET",
        "scheduler-stats/pools/detail",
        "2.86",
        None,
        200,
        Some("pools-list-detailed-response.json"),
    )
    .await;
    let pools = scheduler_stats::list_detail(&c, &Default::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(pools[0].capabilities["total_capacity_gb"], 1230.0);
    expect(
        &server,
        "GET",
        "scheduler-stats/pools",
        "2.86",
        None,
        200,
        Some("pools-list-response.json"),
    )
    .await;
    assert_eq!(
        scheduler_stats::list(&c, &Default::default())
            .await
            .extract()
            .unwrap()
            .len(),
        4
    );
    expect(
        &server,
        "GET",
        "extensions",
        "2.86",
        None,
        200,
        Some("extensions-list-response.json"),
    )
    .await;
    assert!(!extensions::list(&c).await.extract().unwrap().is_empty());
    server.verify().await;

    // Before 2.7: the old availability zone path; services are refused.
    let server = MockServer::start().await;
    let old = manila(&server, "2.6").await;
    expect(
        &server,
        "GET",
        "os-availability-zone",
        "2.6",
        None,
        200,
        Some("availability-zones-list-response.json"),
    )
    .await;
    availability_zones::list(&old).await.extract().unwrap();
    assert_eq!(
        services::list(&old, &Default::default())
            .await
            .ok()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
    server.verify().await;
}

#[tokio::test]
async fn messages_and_versions() {
    let (server, c) = mock("2.52").await;
    expect(
        &server,
        "GET",
        "messages",
        "2.52",
        None,
        200,
        Some("user-messages-list-response.json"),
    )
    .await;
    let all = messages::extract(&pages(messages::list(&c, &Default::default())).await).unwrap();
    assert_eq!(all[0].message_level, "ERROR");
    expect(
        &server,
        "GET",
        "messages/m1",
        "2.52",
        None,
        200,
        Some("user-message-show-response.json"),
    )
    .await;
    assert_eq!(
        messages::get(&c, "m1")
            .await
            .extract()
            .unwrap()
            .resource_type,
        "SHARE"
    );
    expect(&server, "DELETE", "messages/m1", "2.52", None, 204, None).await;
    messages::delete(&c, "m1").await.ok().unwrap();

    Mock::given(method("GET"))
        .and(path("/share/"))
        .respond_with(reply(300, Some("versions-index-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let v = versions::list(&c).await.extract().unwrap();
    assert_eq!(v[1].id, "v2.0");
    Mock::given(method("GET"))
        .and(path("/share/v2/"))
        .respond_with(reply(200, Some("versions-get-version-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let v2 = versions::get(&c, "v2").await.extract().unwrap();
    assert_eq!(v2[0].version, "2.15");
    server.verify().await;
}
