//! Allocations, allocation candidates, usages and reshaping.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::placement::v1::allocation_candidates::{self, ListOpts, RequestGroup};
use ferrocloud::openstack::placement::v1::allocations::{
    self, AllocationsOpts, ConsumerGeneration, ManageOpts,
};
use ferrocloud::openstack::placement::v1::common::ProviderResources;
use ferrocloud::openstack::placement::v1::inventories::{InventoriesOpts, InventoryOpts};
use ferrocloud::openstack::placement::v1::reshaper::{self, ReshapeOpts};
use ferrocloud::openstack::placement::v1::usages::{self, UsageTotals};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer};

use crate::{common, expect, placement, reply};

const CONSUMER: &str = "9afd5aeb-d6b9-4dea-a588-1e6327a91834";

/// The allocations of the update samples (`update-allocations-request-1.*.json`).
fn sample_allocations() -> AllocationsOpts {
    AllocationsOpts::new(
        "42a32c07-3eeb-4401-9373-68a8cdca6784",
        "66cb2f29-c86d-47c3-8af5-69ae7b778c70",
    )
    .on(
        "4e061c03-611e-4caa-bf26-999dcff4284e",
        ProviderResources::new([("DISK_GB", 20)]),
    )
    .on(
        "89873422-1373-46e5-b467-f0c5e6acf08f",
        ProviderResources::new([("MEMORY_MB", 1024), ("VCPU", 1)]),
    )
}

#[tokio::test]
async fn a_consumer_s_allocations_at_each_form() {
    let server = MockServer::start().await;
    for (version, sample, opts) in [
        (
            "1.12",
            "allocations/update-allocations-request-1.12.json",
            sample_allocations(),
        ),
        (
            "1.28",
            "allocations/update-allocations-request-1.28.json",
            sample_allocations().consumer_generation(ConsumerGeneration::Is(1)),
        ),
        (
            "1.38",
            "allocations/update-allocations-request-1.38.json",
            sample_allocations()
                .consumer_generation(ConsumerGeneration::Is(1))
                .consumer_type("INSTANCE"),
        ),
    ] {
        let client = placement(&server, version).await;
        expect(
            &server,
            version,
            "PUT",
            &format!("allocations/{CONSUMER}"),
            Some(sample),
            204,
            None,
        )
        .await;
        allocations::replace(&client, CONSUMER, &opts)
            .await
            .ok()
            .unwrap();
    }
    // What each microversion requires or refuses is checked before sending.
    let at_1_28 = placement(&server, "1.28").await;
    let err = allocations::replace(&at_1_28, CONSUMER, &sample_allocations())
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("ConsumerGeneration::New"), "{err}");
    let at_1_12 = placement(&server, "1.12").await;
    let with_type = sample_allocations().consumer_type("INSTANCE");
    let err = allocations::replace(&at_1_12, CONSUMER, &with_type)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let at_1_38 = placement(&server, "1.38").await;
    let no_type = sample_allocations().consumer_generation(ConsumerGeneration::New);
    let err = allocations::replace(&at_1_38, CONSUMER, &no_type)
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("consumer_type"), "{err}");

    expect(
        &server,
        "1.38",
        "GET",
        &format!("allocations/{CONSUMER}"),
        None,
        200,
        Some("allocations/get-allocations-1.38.json"),
    )
    .await;
    let got = allocations::get(&at_1_38, CONSUMER)
        .await
        .extract()
        .unwrap();
    assert_eq!(got.consumer_generation, Some(1));
    assert_eq!(got.next_generation(), ConsumerGeneration::Is(1));
    assert_eq!(got.consumer_type.as_deref(), Some("INSTANCE"));
    let rp = &got.allocations["ba8e1ef8-7fa3-41a4-9bb4-d7cb2019899b"];
    assert_eq!((rp.generation, rp.resources["VCPU"]), (Some(8), 2));
    assert_eq!(allocations::totals(&got.allocations)["DISK_GB"], 5);

    expect(
        &server,
        "1.38",
        "DELETE",
        &format!("allocations/{CONSUMER}"),
        None,
        204,
        None,
    )
    .await;
    allocations::delete(&at_1_38, CONSUMER).await.ok().unwrap();
}

#[tokio::test]
async fn several_consumers_at_once_and_by_provider() {
    let server = MockServer::start().await;
    let client = placement(&server, "1.38").await;
    let sample = common::sample_json(&format!(
        "{}/allocations/manage-allocations-request-1.38.json",
        crate::SAMPLES
    ));
    let opts: ManageOpts = serde_json::from_value(sample).unwrap();
    assert_eq!(opts.0.len(), 3);
    expect(
        &server,
        "1.38",
        "POST",
        "allocations",
        Some("allocations/manage-allocations-request-1.38.json"),
        204,
        None,
    )
    .await;
    allocations::manage(&client, &opts).await.ok().unwrap();

    expect(
        &server,
        "1.38",
        "GET",
        "resource_providers/r1/allocations",
        None,
        200,
        Some("resource_provider_allocations/get-resource_provider_allocations.json"),
    )
    .await;
    let by_rp = allocations::list_for_provider(&client, "r1")
        .await
        .extract()
        .unwrap();
    assert_eq!(by_rp.resource_provider_generation, 12);
    assert_eq!(
        by_rp.allocations["9d16a611-e7f9-4ef3-be26-c61ed01ecefb"].resources["MEMORY_MB"],
        1024
    );
    // POST /allocations came with 1.13.
    let old = placement(&server, "1.12").await;
    let err = allocations::manage(&old, &opts).await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn allocation_candidates_with_granular_groups() {
    let server = MockServer::start().await;
    let client = placement(&server, "1.36").await;
    Mock::given(method("GET"))
        .and(path("/placement/allocation_candidates"))
        .and(query_param("resources", "VCPU:1"))
        .and(query_param(
            "resources_NET1",
            "NET_BW_EGR_KILOBIT_PER_SEC:10",
        ))
        .and(query_param("required_NET1", "CUSTOM_PHYSNET1"))
        .and(query_param(
            "resources_NET2",
            "NET_BW_EGR_KILOBIT_PER_SEC:20",
        ))
        .and(query_param("member_of_NET2", "in:a1,a2"))
        .and(query_param("group_policy", "isolate"))
        .and(query_param("same_subtree", "_NET1,_NET2"))
        .and(query_param("limit", "2"))
        .respond_with(reply(
            200,
            Some("allocation_candidates/get-allocation_candidates-1.34.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts::default()
        .resources([("VCPU", 1)])
        .group(
            RequestGroup::new("_NET1")
                .resources([("NET_BW_EGR_KILOBIT_PER_SEC", 10)])
                .required("CUSTOM_PHYSNET1"),
        )
        .group(
            RequestGroup::new("_NET2")
                .resources([("NET_BW_EGR_KILOBIT_PER_SEC", 20)])
                .member_of("in:a1,a2"),
        )
        .group_policy("isolate")
        .same_subtree(["_NET1", "_NET2"])
        .limit(2);
    let found = allocation_candidates::list(&client, &opts)
        .await
        .extract()
        .unwrap();
    let first = &found.allocation_requests[0];
    assert_eq!(
        first.mappings["_NET1"],
        ["92e971c9-777a-48bf-a181-a2ca1105c015"]
    );
    assert_eq!(
        first.allocations["9a9c6b0f-e8d1-4d16-b053-a2bfe8a76757"].resources["VCPU"],
        1
    );
    let root = &found.provider_summaries["be99627d-e848-44ef-8341-683e2e557c58"];
    assert_eq!(root.traits, ["COMPUTE_VOLUME_MULTI_ATTACH"]);
    assert_eq!(root.parent_provider_uuid, None);

    // A repeated suffix is refused before sending.
    let twice = ListOpts::default()
        .group(RequestGroup::new("1"))
        .group(RequestGroup::new("1"));
    let err = allocation_candidates::list(&client, &twice)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn usages_by_project_and_by_provider() {
    let server = MockServer::start().await;
    let client = placement(&server, "1.38").await;
    Mock::given(method("GET"))
        .and(path("/placement/usages"))
        .and(query_param("project_id", "p1"))
        .respond_with(reply(200, Some("usages/get-usages-1.38.json")))
        .expect(1)
        .mount(&server)
        .await;
    let u = usages::list(&client, &usages::ListOpts::project("p1"))
        .await
        .extract()
        .unwrap();
    let UsageTotals::ByConsumerType(by) = u.usages else {
        panic!("by consumer type at 1.38");
    };
    assert_eq!(by["INSTANCE"].consumer_count, 5);
    assert_eq!(by["MIGRATION"].resources["DISK_GB"], 5);
    assert!(!by["INSTANCE"].resources.contains_key("consumer_count"));

    let old = placement(&server, "1.9").await;
    Mock::given(method("GET"))
        .and(path("/placement/usages"))
        .and(query_param("project_id", "p2"))
        .respond_with(reply(200, Some("usages/get-usages.json")))
        .expect(1)
        .mount(&server)
        .await;
    let u = usages::list(&old, &usages::ListOpts::project("p2"))
        .await
        .extract()
        .unwrap();
    assert_eq!(
        u.usages,
        UsageTotals::Total(
            [
                ("DISK_GB".to_string(), 5),
                ("MEMORY_MB".to_string(), 512),
                ("VCPU".to_string(), 2)
            ]
            .into()
        )
    );
    let err = usages::list(&old, &Default::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    expect(
        &server,
        "1.9",
        "GET",
        "resource_providers/r1/usages",
        None,
        200,
        Some("resource_provider_usages/get-resource_provider_usages.json"),
    )
    .await;
    let u = usages::list_for_provider(&old, "r1")
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (u.usages["MEMORY_MB"], u.resource_provider_generation),
        (512, 1)
    );
}

#[tokio::test]
async fn reshaping_sends_inventories_and_allocations_together() {
    let server = MockServer::start().await;
    let client = placement(&server, "1.30").await;
    // The sample sends a null provider generation, which Placement refuses: a number here.
    let mut sample = common::sample_json(&format!(
        "{}/reshaper/post-reshaper-1.30.json",
        crate::SAMPLES
    ));
    for inv in sample["inventories"].as_object_mut().unwrap().values_mut() {
        if inv["resource_provider_generation"].is_null() {
            inv["resource_provider_generation"] = 3.into();
        }
    }
    let opts: ReshapeOpts = serde_json::from_value(sample.clone()).unwrap();
    assert_eq!(opts.allocations.len(), 3);
    Mock::given(method("POST"))
        .and(path("/placement/reshaper"))
        .and(body_json(sample))
        .respond_with(wiremock::ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    reshaper::reshape(&client, &opts).await.ok().unwrap();
    let built = ReshapeOpts::default().inventories(
        "rp",
        InventoriesOpts::new(1).with("VGPU", InventoryOpts::new(4)),
    );
    let old = placement(&server, "1.29").await;
    let err = reshaper::reshape(&old, &built).await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
