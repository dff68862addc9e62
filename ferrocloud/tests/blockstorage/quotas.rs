//! Quota sets, quota classes and limits against a mock Cinder answering with the
//! official samples.

use crate::{V2, V3, expect, expect_at, volume, volume_v2};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::v3::limits::{self, LimitsOpts};
use ferrocloud::openstack::blockstorage::v3::quota_sets::{self, QuotaKind, UpdateOpts};
use ferrocloud::openstack::blockstorage::{v2, v3::quota_class_sets};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer};

#[tokio::test]
async fn quota_set_show_usage_defaults_update_delete() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "GET",
        "os-quota-sets/fake_tenant/defaults",
        None,
        200,
        Some(&format!(
            "{V3}/quota_sets/quotas-show-defaults-response.json"
        )),
    )
    .await;
    let d = quota_sets::get_defaults(&client, "fake_tenant")
        .await
        .extract()
        .unwrap();
    assert_eq!(d.id.as_deref(), Some("fake_tenant"));
    assert_eq!(
        (d.volumes, d.gigabytes, d.per_volume_gigabytes),
        (10, 1000, -1)
    );
    assert_eq!(d.per_type["volumes___DEFAULT__"], -1);
    assert_eq!(d.per_type.len(), 3);

    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/os-quota-sets/fake_tenant"))
        .and(query_param("usage", "True"))
        .respond_with(crate::reply(
            200,
            Some(&format!("{V3}/quota_sets/quotas-show-usage-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let u = quota_sets::get_usage(&client, "fake_tenant")
        .await
        .extract()
        .unwrap();
    assert_eq!(u.id, "fake_tenant");
    assert_eq!(
        (u.volumes.limit, u.volumes.in_use, u.volumes.reserved),
        (10, 0, 0)
    );
    assert_eq!(u.per_type["snapshots___DEFAULT__"].limit, -1);
    assert_eq!(u.backups.allocated, None);
}

#[tokio::test]
async fn quota_set_show_update_and_delete() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/os-quota-sets/fake_tenant"))
        .respond_with(crate::reply(
            200,
            Some(&format!("{V3}/quota_sets/quotas-show-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let q = quota_sets::get(&client, "fake_tenant")
        .await
        .extract()
        .unwrap();
    assert_eq!((q.backups, q.groups, q.snapshots), (10, 10, 10));
    let received = server.received_requests().await.unwrap();
    assert_eq!(received[received.len() - 1].url.query(), None);

    expect(
        &server,
        "PUT",
        "os-quota-sets/fake_tenant",
        Some(&format!("{V3}/quota_sets/quotas-update-request.json")),
        200,
        Some(&format!("{V3}/quota_sets/quotas-update-response.json")),
    )
    .await;
    let opts = UpdateOpts {
        groups: Some(11),
        volumes: Some(5),
        backups: Some(4),
        ..Default::default()
    };
    let q = quota_sets::update(&client, "fake_tenant", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!((q.id, q.groups, q.volumes, q.backups), (None, 11, 5, 4));

    expect(
        &server,
        "DELETE",
        "os-quota-sets/fake_tenant",
        None,
        200,
        None,
    )
    .await;
    quota_sets::delete(&client, "fake_tenant")
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn per_type_quotas_are_sent_and_bad_quotas_refused() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    Mock::given(method("PUT"))
        .and(path("/volume/v3/p1/os-quota-sets/p2"))
        .and(wiremock::matchers::body_json(serde_json::json!(
            {"quota_set": {"volumes_ssd": 3, "gigabytes_ssd": -1}}
        )))
        .respond_with(crate::reply(
            200,
            Some(&format!("{V3}/quota_sets/quotas-update-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts::default()
        .per_type(QuotaKind::Volumes, "ssd", 3)
        .per_type(QuotaKind::Gigabytes, "ssd", -1);
    quota_sets::update(&client, "p2", &opts).await.ok().unwrap();

    for bad in [
        UpdateOpts::default(),
        UpdateOpts {
            volumes: Some(-2),
            ..Default::default()
        },
        UpdateOpts {
            gigabytes: Some(i64::from(i32::MAX) + 1),
            ..Default::default()
        },
        {
            let mut o = UpdateOpts::default();
            o.per_type.insert("widgets_ssd".into(), 1);
            o
        },
        {
            let mut o = UpdateOpts::default();
            o.per_type.insert("volumes_".into(), 1);
            o
        },
    ] {
        let e = quota_sets::update(&client, "p2", &bad)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{bad:?}");
    }
}

#[tokio::test]
async fn quota_class_show_and_update() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "GET",
        "os-quota-class-sets/test_class",
        None,
        200,
        Some(&format!(
            "{V3}/quota_classes/quota-classes-show-response.json"
        )),
    )
    .await;
    let c = quota_class_sets::get(&client, "test_class")
        .await
        .extract()
        .unwrap();
    assert_eq!(c.id.as_deref(), Some("test_class"));
    assert_eq!(c.per_type["gigabytes___DEFAULT__"], -1);

    expect(
        &server,
        "PUT",
        "os-quota-class-sets/test_class",
        Some(&format!(
            "{V3}/quota_classes/quota-classes-update-request.json"
        )),
        200,
        Some(&format!(
            "{V3}/quota_classes/quota-classes-update-response.json"
        )),
    )
    .await;
    let opts = UpdateOpts {
        volumes: Some(10),
        gigabytes: Some(1000),
        snapshots: Some(10),
        ..Default::default()
    };
    let c = quota_class_sets::update(&client, "test_class", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!((c.volumes, c.gigabytes, c.snapshots), (10, 1000, 10));
}

#[tokio::test]
async fn v2_quotas_and_classes() {
    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    expect_at(
        &server,
        "GET",
        "/volume/v2/p1/os-quota-class-sets/default",
        None,
        200,
        Some(&format!("{V2}/quota-classes-show-response.json")),
    )
    .await;
    let c = v2::quota_class_sets::get(&client, "default")
        .await
        .extract()
        .unwrap();
    assert_eq!(c.per_type["volumes_lvmdriver-1"], -1);
    expect_at(
        &server,
        "PUT",
        "/volume/v2/p1/os-quota-sets/p2",
        Some(&format!("{V2}/quotas-update-request.json")),
        200,
        Some(&format!("{V3}/quota_sets/quotas-update-response.json")),
    )
    .await;
    let opts = UpdateOpts {
        snapshots: Some(45),
        ..Default::default()
    };
    v2::quota_sets::update(&client, "p2", &opts)
        .await
        .ok()
        .unwrap();
    expect_at(
        &server,
        "PUT",
        "/volume/v2/p1/os-quota-class-sets/default",
        Some(&format!("{V2}/quota-classes-update-request.json")),
        200,
        Some(&format!("{V2}/quota-classes-update-response.json")),
    )
    .await;
    let body = ferrocloud_sample(&format!("{V2}/quota-classes-update-request.json"));
    let opts: UpdateOpts = serde_json::from_value(body["quota_class_set"].clone()).unwrap();
    v2::quota_class_sets::update(&client, "default", &opts)
        .await
        .extract()
        .unwrap();
}

fn ferrocloud_sample(rel: &str) -> serde_json::Value {
    crate::common::sample_json(&format!("block-storage/{rel}"))
}

#[tokio::test]
async fn limits_of_own_and_other_project() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "GET",
        "limits",
        None,
        200,
        Some(&format!("{V3}/limits/limits-show-response.json")),
    )
    .await;
    let l = limits::get(&client).await.extract().unwrap();
    assert_eq!(l.absolute.max_total_volumes, 10);
    assert_eq!(l.absolute.total_backup_gigabytes_used, 0);
    assert!(l.rate.is_empty());

    // Another project's limits need 3.39: refused before sending on an older client.
    let e = limits::get_with(
        &client.with_microversion("3.38"),
        &LimitsOpts::project("p2"),
    )
    .await
    .ok()
    .unwrap_err();
    assert_ne!(e.kind(), ErrorKind::NotFound);
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/limits"))
        .and(query_param("project_id", "p2"))
        .and(header("OpenStack-API-Version", "volume 3.39"))
        .respond_with(crate::reply(
            200,
            Some(&format!("{V3}/limits/limits-show-response.json")),
        ))
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    limits::get_with(
        &client.with_microversion("3.39"),
        &LimitsOpts::project("p2"),
    )
    .await
    .extract()
    .unwrap();
}

#[tokio::test]
async fn v2_limits_with_rate_limits() {
    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    expect_at(
        &server,
        "GET",
        "/volume/v2/p1/limits",
        None,
        200,
        Some(&format!("{V2}/limits-show-response.json")),
    )
    .await;
    let l = v2::limits::get(&client).await.extract().unwrap();
    assert_eq!(l.absolute.max_total_snapshots, 10);
    // A rate-limiting middleware's answer.
    let r: limits::RateLimit = serde_json::from_value(serde_json::json!({
        "regex": ".*", "uri": "*", "limit": [{"verb": "POST", "value": 10,
        "remaining": 2, "unit": "MINUTE", "next-available": "2011-12-15T22:42:45Z"}]
    }))
    .unwrap();
    assert!(r.limit[0].next_available.is_some());
}
