//! Resource providers, inventories, aggregates, traits and resource classes.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::placement::v1::inventories::{
    self, InventoriesOpts, InventoryOpts, InventoryUpdate,
};
use ferrocloud::openstack::placement::v1::resource_providers::{self, CreateOpts, UpdateOpts};
use ferrocloud::openstack::placement::v1::{aggregates, resource_classes, traits, versions};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{expect, placement, reply};

const RP: &str = "3b4005be-d64b-456f-ba36-0ffd02718868";

#[tokio::test]
async fn providers_are_created_listed_shown_updated_and_deleted() {
    let server = MockServer::start().await;
    let client = placement(&server, "1.39").await;
    expect(
        &server,
        "1.39",
        "POST",
        "resource_providers",
        Some("resource_providers/create-resource_providers-request.json"),
        200,
        Some("resource_providers/create-resource_provider.json"),
    )
    .await;
    let opts = CreateOpts::new("NFS Share")
        .uuid("7d2590ae-fb85-4080-9306-058b4c915e3f")
        .parent_provider_uuid("542df8ed-9be2-49b9-b4db-6d3183ff8ec8");
    let rp = resource_providers::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(rp.uuid, "7d2590ae-fb85-4080-9306-058b4c915e3f");
    assert_eq!(rp.generation, 0);
    assert_eq!(rp.links.len(), 6);
    assert_eq!(
        rp.parent_provider_uuid.as_deref(),
        Some("542df8ed-9be2-49b9-b4db-6d3183ff8ec8")
    );

    Mock::given(method("GET"))
        .and(path("/placement/resource_providers"))
        .and(query_param("in_tree", RP))
        .and(query_param("resources", "DISK_GB:10,VCPU:1"))
        .respond_with(reply(
            200,
            Some("resource_providers/get-resource_providers.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let list = resource_providers::ListOpts {
        in_tree: Some(RP.into()),
        resources: [("VCPU".to_string(), 1), ("DISK_GB".to_string(), 10)].into(),
        ..Default::default()
    };
    let all = resource_providers::list(&client, &list)
        .all()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].uuid, "99c09379-6e52-4ef8-9a95-b9ce6f68452e");
    assert_eq!(all[0].generation, 1);
    assert_eq!(
        all[0].parent_provider_uuid.as_deref(),
        Some("542df8ed-9be2-49b9-b4db-6d3183ff8ec8")
    );
    assert_eq!(all[1].parent_provider_uuid, None);
    assert_eq!(
        all[1].root_provider_uuid.as_deref(),
        Some("d0b381e9-8761-42de-8e6c-bba99a96d5f5")
    );

    expect(
        &server,
        "1.39",
        "GET",
        &format!("resource_providers/{RP}"),
        None,
        200,
        Some("resource_providers/get-resource_provider.json"),
    )
    .await;
    let got = resource_providers::get(&client, RP)
        .await
        .extract()
        .unwrap();
    assert_eq!(got.name, "Ceph Storage Pool");
    assert_eq!(
        got.root_provider_uuid.as_deref(),
        Some("542df8ed-9be2-49b9-b4db-6d3183ff8ec8")
    );

    expect(
        &server,
        "1.39",
        "PUT",
        "resource_providers/33f26ae0-dbf2-485b-a24a-244d8280e29f",
        Some("resource_providers/update-resource_provider-request.json"),
        200,
        Some("resource_providers/update-resource_provider.json"),
    )
    .await;
    let upd = UpdateOpts::new("Shared storage")
        .parent_provider_uuid(Some("542df8ed-9be2-49b9-b4db-6d3183ff8ec8"));
    let updated = resource_providers::update(&client, "33f26ae0-dbf2-485b-a24a-244d8280e29f", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.name, "Shared storage");

    expect(
        &server,
        "1.39",
        "DELETE",
        &format!("resource_providers/{RP}"),
        None,
        204,
        None,
    )
    .await;
    resource_providers::delete(&client, RP).await.ok().unwrap();
}

#[tokio::test]
async fn microversions_are_checked_before_sending() {
    let server = MockServer::start().await;
    // Creation with an answer needs 1.20; a parent needs 1.14.
    let old = placement(&server, "1.19").await;
    let err = resource_providers::create(&old, &CreateOpts::new("x"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("1.20"), "{err}");
    let older = placement(&server, "1.10").await;
    let err =
        resource_providers::update(&older, RP, &UpdateOpts::new("x").parent_provider_uuid(None))
            .await
            .ok()
            .unwrap_err();
    assert!(err.to_string().contains("parent_provider_uuid"), "{err}");
    // Traits came with 1.6, resource classes with 1.2.
    let base = placement(&server, "1.0").await;
    assert!(
        traits::list(&base, &Default::default())
            .all()
            .await
            .is_err()
    );
    assert!(
        resource_classes::get(&base, "VCPU")
            .await
            .extract()
            .is_err()
    );
    let sent = server.received_requests().await.unwrap();
    assert!(
        sent.iter().all(|r| !r.url.path().starts_with("/placement")),
        "nothing reached Placement"
    );
}

#[tokio::test]
async fn inventories_are_read_and_written_with_the_generation() {
    let server = MockServer::start().await;
    let client = placement(&server, "1.39").await;
    expect(
        &server,
        "1.39",
        "GET",
        &format!("resource_providers/{RP}/inventories"),
        None,
        200,
        Some("inventories/get-inventories.json"),
    )
    .await;
    let inv = inventories::list(&client, RP).await.extract().unwrap();
    assert_eq!(inv.resource_provider_generation, 7);
    assert_eq!(inv.inventories["MEMORY_MB"].reserved, 512);
    assert_eq!(inv.inventories["MEMORY_MB"].allocation_ratio, 1.5);
    assert_eq!(inv.inventories["MEMORY_MB"].capacity(), 7969);
    assert_eq!(inv.inventories["VCPU"].capacity(), 64);

    expect(
        &server,
        "1.39",
        "PUT",
        &format!("resource_providers/{RP}/inventories"),
        Some("inventories/update-inventories-request.json"),
        200,
        Some("inventories/update-inventories.json"),
    )
    .await;
    let opts = InventoriesOpts::new(1)
        .with(
            "MEMORY_MB",
            InventoryOpts::new(128)
                .allocation_ratio(2.0)
                .max_unit(16)
                .step_size(4),
        )
        .with(
            "VCPU",
            InventoryOpts::new(64).allocation_ratio(10.0).reserved(2),
        );
    let put = inventories::replace(&client, RP, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(put.resource_provider_generation, 2);
    assert_eq!(put.inventories["VCPU"].max_unit, 2147483647);

    expect(
        &server,
        "1.39",
        "GET",
        &format!("resource_providers/{RP}/inventories/VCPU"),
        None,
        200,
        Some("inventories/get-inventory.json"),
    )
    .await;
    let one = inventories::get(&client, RP, "VCPU")
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (one.inventory.total, one.resource_provider_generation),
        (4, 9)
    );

    expect(
        &server,
        "1.39",
        "PUT",
        &format!("resource_providers/{RP}/inventories/DISK_GB"),
        Some("inventories/update-inventory-request.json"),
        200,
        Some("inventories/update-inventory.json"),
    )
    .await;
    let one = inventories::update(
        &client,
        RP,
        "DISK_GB",
        &InventoryUpdate::new(7, InventoryOpts::new(50)),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(one.resource_provider_generation, 8);

    // A stale generation is a generation conflict, told apart from other conflicts.
    Mock::given(method("DELETE"))
        .and(path(format!(
            "/placement/resource_providers/{RP}/inventories"
        )))
        .respond_with(
            ResponseTemplate::new(409).set_body_json(serde_json::json!({"errors": [{
            "status": 409, "title": "Conflict", "code": "placement.concurrent_update",
            "detail": "resource provider generation conflict", "request_id": "req-9"}]})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let err = inventories::delete_all(&client, RP).await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::GenerationConflict);
    assert!(err.is_conflict());
    assert_eq!(err.service_code(), Some("placement.concurrent_update"));
    Mock::given(method("DELETE"))
        .and(path(format!(
            "/placement/resource_providers/{RP}/inventories/VCPU"
        )))
        .respond_with(
            ResponseTemplate::new(409).set_body_json(serde_json::json!({"errors": [{
            "status": 409, "title": "Conflict", "code": "placement.inventory.inuse",
            "detail": "inventory in use"}]})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let err = inventories::delete(&client, RP, "VCPU")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(err.service_code(), Some("placement.inventory.inuse"));
}

#[tokio::test]
async fn aggregates_and_traits_of_a_provider() {
    let server = MockServer::start().await;
    let client = placement(&server, "1.19").await;
    expect(
        &server,
        "1.19",
        "GET",
        &format!("resource_providers/{RP}/aggregates"),
        None,
        200,
        Some("aggregates/get-aggregates-1.19.json"),
    )
    .await;
    let a = aggregates::list(&client, RP).await.extract().unwrap();
    assert_eq!(a.aggregates.len(), 2);
    assert_eq!(a.resource_provider_generation, Some(8));
    expect(
        &server,
        "1.19",
        "PUT",
        &format!("resource_providers/{RP}/aggregates"),
        Some("aggregates/update-aggregates-request-1.19.json"),
        200,
        Some("aggregates/update-aggregates-1.19.json"),
    )
    .await;
    let a = aggregates::set(&client, RP, &a.aggregates, 9)
        .await
        .extract()
        .unwrap();
    assert_eq!(a.resource_provider_generation, Some(9));

    expect(
        &server,
        "1.19",
        "PUT",
        &format!("resource_providers/{RP}/traits"),
        Some("resource_provider_traits/update-resource_provider-traits-request.json"),
        200,
        Some("resource_provider_traits/update-resource_provider-traits.json"),
    )
    .await;
    let wanted = [
        "CUSTOM_HW_FPGA_CLASS1".to_string(),
        "CUSTOM_HW_FPGA_CLASS3".to_string(),
    ];
    let t = traits::set_for_provider(&client, RP, &wanted, 0)
        .await
        .extract()
        .unwrap();
    assert_eq!((t.traits.len(), t.resource_provider_generation), (2, 1));
    expect(
        &server,
        "1.19",
        "GET",
        &format!("resource_providers/{RP}/traits"),
        None,
        200,
        Some("resource_provider_traits/get-resource_provider-traits.json"),
    )
    .await;
    assert_eq!(
        traits::list_for_provider(&client, RP)
            .await
            .extract()
            .unwrap(),
        t
    );
    expect(
        &server,
        "1.19",
        "DELETE",
        &format!("resource_providers/{RP}/traits"),
        None,
        204,
        None,
    )
    .await;
    traits::delete_for_provider(&client, RP).await.ok().unwrap();
}

#[tokio::test]
async fn traits_and_resource_classes() {
    let server = MockServer::start().await;
    let client = placement(&server, "1.7").await;
    Mock::given(method("GET"))
        .and(path("/placement/traits"))
        .and(query_param("name", "startswith:CUSTOM_HW"))
        .and(query_param("associated", "true"))
        .respond_with(reply(200, Some("traits/get-traits.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = traits::ListOpts {
        name: Some("startswith:CUSTOM_HW".into()),
        associated: Some(true),
    };
    let all = traits::list(&client, &opts).all().await.unwrap();
    assert_eq!(
        all,
        [
            "CUSTOM_HW_FPGA_CLASS1",
            "CUSTOM_HW_FPGA_CLASS2",
            "CUSTOM_HW_FPGA_CLASS3"
        ]
    );
    expect(&server, "1.7", "PUT", "traits/CUSTOM_GOLD", None, 201, None).await;
    traits::create(&client, "CUSTOM_GOLD").await.ok().unwrap();
    expect(&server, "1.7", "GET", "traits/CUSTOM_GOLD", None, 204, None).await;
    assert!(traits::exists(&client, "CUSTOM_GOLD").await.unwrap());
    Mock::given(method("GET"))
        .and(path("/placement/traits/CUSTOM_NONE"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    assert!(!traits::exists(&client, "CUSTOM_NONE").await.unwrap());
    // Only custom names are created.
    let err = traits::create(&client, "GOLD").await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    expect(
        &server,
        "1.7",
        "GET",
        "resource_classes",
        None,
        200,
        Some("resource_classes/get-resource_classes.json"),
    )
    .await;
    let rcs = resource_classes::list(&client).all().await.unwrap();
    assert_eq!(rcs[0].name, "VCPU");
    assert_eq!(rcs[0].links[0].href, "/placement/resource_classes/VCPU");
    expect(
        &server,
        "1.7",
        "POST",
        "resource_classes",
        Some("resource_classes/create-resource_classes-request.json"),
        201,
        None,
    )
    .await;
    resource_classes::create(&client, "CUSTOM_FPGA")
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "1.7",
        "PUT",
        "resource_classes/CUSTOM_FPGA",
        None,
        204,
        None,
    )
    .await;
    resource_classes::ensure(&client, "CUSTOM_FPGA")
        .await
        .ok()
        .unwrap();
    // Renaming stopped at 1.6: refused before sending at 1.7, sent at 1.6.
    let err = resource_classes::rename(&client, "CUSTOM_FPGA", "CUSTOM_FPGA_V2")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let old = placement(&server, "1.6").await;
    expect(
        &server,
        "1.6",
        "PUT",
        "resource_classes/CUSTOM_FPGA",
        Some("resource_classes/update-resource_class-request.json"),
        200,
        Some("resource_classes/update-resource_class.json"),
    )
    .await;
    let renamed = resource_classes::rename(&old, "CUSTOM_FPGA", "CUSTOM_FPGA_V2")
        .await
        .extract()
        .unwrap();
    assert_eq!(renamed.name, "CUSTOM_FPGA_V2");
}

#[tokio::test]
async fn the_version_document() {
    let server = MockServer::start().await;
    let client = placement(&server, "1.39").await;
    expect(
        &server,
        "1.39",
        "GET",
        "",
        None,
        200,
        Some("root/get-root.json"),
    )
    .await;
    let v = versions::list(&client).await.extract().unwrap();
    assert_eq!(
        (v[0].min_version.as_str(), v[0].max_version.as_str()),
        ("1.0", "1.28")
    );
}
