//! Pools, capabilities, availability zones, extensions, resource filters, default
//! types and versions against a mock Cinder answering with the official samples.

use crate::{V2, V3, expect, expect_at, reply, volume, volume_v2};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::v2;
use ferrocloud::openstack::blockstorage::v3::scheduler_stats::{self, Capacity, ListOpts};
use ferrocloud::openstack::blockstorage::v3::versions::VersionStatus;
use ferrocloud::openstack::blockstorage::v3::{
    api_extensions, availability_zones, capabilities, default_types, resource_filters, versions,
};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer};

#[tokio::test]
async fn pools_with_detail_and_filters() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/scheduler-stats/get_pools"))
        .and(query_param("detail", "True"))
        .respond_with(reply(
            200,
            Some(&format!("{V3}/pools-list-detailed-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let pools = scheduler_stats::list(&client, &ListOpts::detail())
        .all()
        .await
        .unwrap();
    let caps = pools[1].capabilities.as_ref().unwrap();
    assert_eq!(caps.total_capacity_gb, Capacity::Gb(512.0));
    assert!(caps.qos_support);
    assert!(caps.updated.is_some());
    // Filters need 3.28.
    let opts = ListOpts::detail().filter("name", "pool1");
    assert!(scheduler_stats::list(&client, &opts).all().await.is_err());
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/scheduler-stats/get_pools"))
        .and(query_param("name", "pool1"))
        .and(header("OpenStack-API-Version", "volume 3.28"))
        .respond_with(reply(
            200,
            Some(&format!("{V3}/pools-list-detailed-response.json")),
        ))
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    scheduler_stats::list(&client.with_microversion("3.28"), &opts)
        .all()
        .await
        .unwrap();
    // What cinder 28 sends for an unbounded backend.
    let p: scheduler_stats::Pool = serde_json::from_value(serde_json::json!({
        "name": "h@fake#fake", "capabilities": {"total_capacity_gb": "infinite",
        "free_capacity_gb": "infinite", "reserved_percentage": 100, "QoS_support": false,
        "storage_protocol": "fake", "driver_version": "3.0.0", "replication_enabled": true,
        "timestamp": "2026-12-05T00:20:51.250140"}
    }))
    .unwrap();
    let caps = p.capabilities.unwrap();
    assert!(caps.total_capacity_gb.is_infinite());
    assert!(caps.timestamp.is_some());
    assert_eq!(caps.other["replication_enabled"], true);

    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    expect_at(
        &server,
        "GET",
        "/volume/v2/p1/scheduler-stats/get_pools",
        None,
        200,
        Some(&format!("{V2}/pools-list-detailed-response.json")),
    )
    .await;
    v2::scheduler_stats::list(&client, &ListOpts::default())
        .all()
        .await
        .unwrap();
}

#[tokio::test]
async fn backend_capabilities() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "GET",
        "capabilities/lvmdriver-1",
        None,
        200,
        Some(&format!("{V3}/backend-capabilities-response.json")),
    )
    .await;
    let c = capabilities::get(&client, "lvmdriver-1")
        .await
        .extract()
        .unwrap();
    assert_eq!(c.properties["qos"].property_type, "boolean");
    assert_eq!(c.visibility.as_deref(), Some("public"));

    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    expect_at(
        &server,
        "GET",
        "/volume/v2/p1/capabilities/h%40b",
        None,
        200,
        Some(&format!("{V2}/backend-capabilities-response.json")),
    )
    .await;
    v2::capabilities::get(&client, "h@b")
        .await
        .extract()
        .unwrap();
}

#[tokio::test]
async fn zones_and_extensions() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "GET",
        "os-availability-zone",
        None,
        200,
        Some(&format!("{V3}/availability-zone-list-response.json")),
    )
    .await;
    let zones = availability_zones::list(&client).all().await.unwrap();
    assert_eq!(zones[0].zone_name, "nova");
    assert!(zones[0].zone_state.available);
    expect(
        &server,
        "GET",
        "extensions",
        None,
        200,
        Some(&format!("{V3}/extensions/extensions-list-response.json")),
    )
    .await;
    let ext = api_extensions::list(&client).all().await.unwrap();
    assert!(ext.iter().any(|e| e.alias == "os-hosts"));

    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    expect_at(
        &server,
        "GET",
        "/volume/v2/p1/os-availability-zone",
        None,
        200,
        Some(&format!("{V2}/availability-zone-list-response.json")),
    )
    .await;
    v2::availability_zones::list(&client).all().await.unwrap();
    expect_at(
        &server,
        "GET",
        "/volume/v2/p1/extensions",
        None,
        200,
        Some(&format!("{V2}/extensions-list-response.json")),
    )
    .await;
    v2::api_extensions::list(&client).all().await.unwrap();
}

#[tokio::test]
async fn resource_filters_since_3_33() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let opts = resource_filters::ListOpts {
        resource: Some("volume".into()),
    };
    assert!(
        resource_filters::list(&client.with_microversion("3.32"), &opts)
            .all()
            .await
            .is_err()
    );
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/resource_filters"))
        .and(query_param("resource", "volume"))
        .and(header("OpenStack-API-Version", "volume 3.33"))
        .respond_with(reply(
            200,
            Some(&format!("{V3}/resource-filters-list-response.json")),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let all = resource_filters::list(&client.with_microversion("3.33"), &opts)
        .all()
        .await
        .unwrap();
    assert!(all[0].filters.contains(&"bootable".to_string()));
}

#[tokio::test]
async fn default_types_since_3_62() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let project = "6685584b-1eac-4da6-b5c3-555430cf68ff";
    assert!(
        default_types::get(&client.with_microversion("3.61"), project)
            .await
            .ok()
            .is_err()
    );
    let client = client.with_microversion("3.62");
    expect(
        &server,
        "PUT",
        &format!("default-types/{project}"),
        Some(&format!("{V3}/set-default-type-request.json")),
        200,
        Some(&format!("{V3}/set-default-type-response.json")),
    )
    .await;
    let d = default_types::set(&client, project, "lvm_backend")
        .await
        .extract()
        .unwrap();
    assert_eq!(d.volume_type_id, "40ec6e5e-c9bd-4170-8740-c1cd42d7eabb");
    expect(
        &server,
        "GET",
        &format!("default-types/{project}"),
        None,
        200,
        Some(&format!("{V3}/get-default-type-response.json")),
    )
    .await;
    assert_eq!(
        default_types::get(&client, project)
            .await
            .extract()
            .unwrap(),
        d
    );
    expect(
        &server,
        "GET",
        "default-types",
        None,
        200,
        Some(&format!("{V3}/get-default-types-response.json")),
    )
    .await;
    assert_eq!(default_types::list(&client).all().await.unwrap().len(), 2);
    expect(
        &server,
        "DELETE",
        &format!("default-types/{project}"),
        None,
        204,
        None,
    )
    .await;
    default_types::delete(&client, project).await.ok().unwrap();
    let e = default_types::set(&client, project, "")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn versions_at_the_root() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect_at(
        &server,
        "GET",
        "/volume/",
        None,
        300,
        Some(&format!("{V3}/versions/versions-response.json")),
    )
    .await;
    let all = versions::list(&client).await.extract().unwrap();
    assert_eq!(all[0].status, VersionStatus::Current);
    assert_eq!(all[0].microversions().unwrap().max.to_string(), "3.71");
    expect_at(
        &server,
        "GET",
        "/volume/v3/",
        None,
        200,
        Some(&format!("{V3}/versions/version-show-response.json")),
    )
    .await;
    let v3 = versions::get_v3(&client).await.extract().unwrap();
    assert_eq!(v3[0].media_types[0].base, "application/json");
    assert!(
        !server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .any(|r| r.headers.contains_key("openstack-api-version"))
    );

    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    expect_at(
        &server,
        "GET",
        "/volume/",
        None,
        300,
        Some(&format!("{V2}/versions-response.json")),
    )
    .await;
    let all = v2::versions::list(&client).await.extract().unwrap();
    assert_eq!(all[0].version, "");
    assert!(all[0].microversions().is_none());
    expect_at(
        &server,
        "GET",
        "/volume/v2/",
        None,
        200,
        Some(&format!("{V2}/version-show-response.json")),
    )
    .await;
    let v = v2::versions::get_v2(&client).await.extract().unwrap();
    assert_eq!(v[0].status, VersionStatus::Deprecated);
}
