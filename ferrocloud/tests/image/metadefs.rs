//! Metadata definitions against a mock Glance: every operation, requests compared with
//! the official request samples, answers from the official response samples.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::image::v2::metadefs::{
    PropertyKind, SortDir, Visibility, namespaces, objects, properties, resource_types, tags,
};
use ferrocloud::request::Validate;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{V2, common, expect, image, reply};

/// `OS::Compute::Hypervisor` as Glance receives it in a path.
const HYPERVISOR: &str = "OS%3A%3ACompute%3A%3AHypervisor";
const QUOTA: &str = "OS%3A%3ACompute%3A%3AQuota";

fn sample(name: &str) -> serde_json::Value {
    common::sample_json(&format!("image/{V2}/{name}"))
}

#[tokio::test]
async fn namespaces_are_listed_with_filters_and_followed_by_next() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    let mut first = sample("metadef-namespaces-list-response.json");
    first["next"] =
        "/image/v2/metadefs/namespaces?limit=3&marker=OS%3A%3ACompute%3A%3AVirtCPUTopology".into();
    Mock::given(method("GET"))
        .and(path("/image/v2/metadefs/namespaces"))
        .and(query_param("visibility", "public"))
        .and(query_param(
            "resource_types",
            "OS::Glance::Image,OS::Nova::Flavor",
        ))
        .and(query_param("sort_dir", "asc"))
        .and(query_param("limit", "3"))
        .and(wiremock::matchers::query_param_is_missing("marker"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&first))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/image/v2/metadefs/namespaces"))
        .and(query_param("marker", "OS::Compute::VirtCPUTopology"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "namespaces": [], "first": "/v2/metadefs/namespaces",
            "schema": "/v2/schemas/metadefs/namespaces"})))
        .expect(1)
        .mount(&server)
        .await;
    let opts = namespaces::ListOpts {
        visibility: Some(Visibility::Public),
        resource_types: vec!["OS::Glance::Image".into(), "OS::Nova::Flavor".into()],
        sort_dir: Some(SortDir::Asc),
        limit: Some(3),
        ..Default::default()
    };
    let all = namespaces::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].namespace, "OS::Compute::Libvirt");
    assert_eq!(all[0].visibility, Visibility::Public);
    assert!(all[0].protected);
    assert_eq!(all[2].resource_type_associations.len(), 3);
    assert_eq!(
        all[2].resource_type_associations[1]
            .properties_target
            .as_deref(),
        Some("image")
    );
    assert_eq!(
        all[0].self_link,
        "/v2/metadefs/namespaces/OS::Compute::Libvirt"
    );
}

#[tokio::test]
async fn a_namespace_is_created_shown_updated_and_deleted() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    expect(
        &server,
        "POST",
        "metadefs/namespaces",
        Some("metadef-namespace-create-request-simple.json"),
        201,
        Some("metadef-namespace-create-response-simple.json"),
    )
    .await;
    let opts = namespaces::CreateOpts::new("FredCo::SomeCategory::Example")
        .display_name("An Example Namespace")
        .description("A metadata definitions namespace for example use.")
        .visibility(Visibility::Public)
        .protected(true);
    let ns = namespaces::create(&client, &opts).await.extract().unwrap();
    assert_eq!(ns.owner, "c60b1d57c5034e0d86902aedf8c49be0");
    assert!(ns.updated_at.is_some());

    let libvirt = "OS%3A%3ACompute%3A%3ALibvirt";
    expect(
        &server,
        "GET",
        &format!("metadefs/namespaces/{libvirt}"),
        None,
        200,
        Some("metadef-namespace-details-response.json"),
    )
    .await;
    let shown = namespaces::get(&client, "OS::Compute::Libvirt", None)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.properties["serial_port_count"].minimum, Some(0));
    assert_eq!(shown.properties["boot_menu"].kind, PropertyKind::String);
    assert_eq!(
        shown.resource_type_associations[1].prefix.as_deref(),
        Some("hw:")
    );

    let server = MockServer::start().await;
    let client = image(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("/image/v2/metadefs/namespaces/{libvirt}")))
        .and(query_param("resource_type", "OS::Glance::Image"))
        .respond_with(reply(
            200,
            Some("metadef-namespace-details-with-rt-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let shown = namespaces::get(&client, "OS::Compute::Libvirt", Some("OS::Glance::Image"))
        .await
        .extract()
        .unwrap();
    assert!(shown.properties.contains_key("hw_boot_menu"));

    expect(
        &server,
        "PUT",
        &format!("metadefs/namespaces/{HYPERVISOR}"),
        Some("metadef-namespace-update-request.json"),
        200,
        Some("metadef-namespace-update-response.json"),
    )
    .await;
    let update = namespaces::UpdateOpts::new("OS::Compute::Hypervisor")
        .description(
            sample("metadef-namespace-update-request.json")["description"]
                .as_str()
                .unwrap(),
        )
        .display_name("Hypervisor Selection")
        .protected(false)
        .visibility(Visibility::Public);
    let updated = namespaces::update(&client, "OS::Compute::Hypervisor", &update)
        .await
        .extract()
        .unwrap();
    assert!(!updated.protected);
    let again = namespaces::UpdateOpts::from_namespace(&updated);
    assert_eq!(again.description, update.description);
    assert_eq!(again.owner.as_deref(), Some(updated.owner.as_str()));

    expect(
        &server,
        "DELETE",
        &format!("metadefs/namespaces/{HYPERVISOR}"),
        None,
        204,
        None,
    )
    .await;
    namespaces::delete(&client, "OS::Compute::Hypervisor")
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn a_namespace_is_created_with_its_contents() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    // The full create sample's answer lacks the owner and dates Glance sends (the
    // sample is attached to no operation by the index): added here.
    let mut answer = sample("metadef-namespace-create-response.json");
    answer["owner"] = "admin".into();
    answer["created_at"] = "2014-08-28T17:13:06Z".into();
    Mock::given(method("POST"))
        .and(path("/image/v2/metadefs/namespaces"))
        .and(wiremock::matchers::body_json(sample(
            "metadef-namespace-create-request.json",
        )))
        .respond_with(ResponseTemplate::new(201).set_body_json(&answer))
        .expect(1)
        .mount(&server)
        .await;
    let opts: namespaces::CreateOpts =
        serde_json::from_value(sample("metadef-namespace-create-request.json")).unwrap();
    assert_eq!(opts.resource_type_associations[0].name, "OS::Glance::Image");
    assert_eq!(
        opts.properties["vm_mode"]
            .enum_values
            .as_ref()
            .unwrap()
            .len(),
        4
    );
    let ns = namespaces::create(&client, &opts).await.extract().unwrap();
    // The contents are echoed as sent, without dates.
    assert_eq!(ns.resource_type_associations[0].created_at, None);
    assert_eq!(ns.properties, opts.properties);
    assert!(ns.updated_at.is_none());
}

#[tokio::test]
async fn bad_namespace_input_is_refused_before_sending() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    let long = "n".repeat(81);
    let e = namespaces::create(&client, &namespaces::CreateOpts::new(long.as_str()))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("namespace"), "{e}");
    let e = namespaces::update(
        &client,
        "x",
        &namespaces::UpdateOpts::new("x").description("d".repeat(501)),
    )
    .await
    .extract()
    .unwrap_err();
    assert!(e.to_string().contains("description"), "{e}");
    let e = namespaces::delete(&client, "").await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let bad = ferrocloud::openstack::image::v2::metadefs::Property::new("", PropertyKind::String);
    assert!(
        namespaces::CreateOpts::new("ns")
            .property("p", bad)
            .validate()
            .is_err()
    );
    assert_eq!(
        common::count(&server, "POST", "/image/v2/metadefs/namespaces").await,
        0
    );
}

#[tokio::test]
async fn objects_are_listed_created_shown_updated_and_deleted() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    expect(
        &server,
        "GET",
        &format!("metadefs/namespaces/{QUOTA}/objects"),
        None,
        200,
        Some("metadef-objects-list-response.json"),
    )
    .await;
    let all = objects::list(&client, "OS::Compute::Quota")
        .await
        .extract()
        .unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[2].name, "Virtual Interface QoS");
    assert!(all[0].required.is_empty());
    assert!(all[0].updated_at.is_none()); // the sample has none

    expect(
        &server,
        "POST",
        &format!("metadefs/namespaces/{QUOTA}/objects"),
        Some("metadef-object-create-request.json"),
        201,
        Some("metadef-object-create-response.json"),
    )
    .await;
    let opts: objects::CreateOpts =
        serde_json::from_value(sample("metadef-object-create-request.json")).unwrap();
    opts.validate().unwrap();
    let created = objects::create(&client, "OS::Compute::Quota", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        created.properties["quota:cpu_period"].maximum,
        Some(1_000_000)
    );
    assert_eq!(
        created.self_link,
        "/v2/metadefs/namespaces/OS::Compute::Quota/objects/CPU Limits"
    );

    let cpu = format!("metadefs/namespaces/{QUOTA}/objects/CPU%20Limits");
    expect(
        &server,
        "GET",
        &cpu,
        None,
        200,
        Some("metadef-object-details-response.json"),
    )
    .await;
    let shown = objects::get(&client, "OS::Compute::Quota", "CPU Limits")
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.name, "CPU Limits");

    expect(
        &server,
        "PUT",
        &cpu,
        Some("metadef-object-update-request.json"),
        200,
        Some("metadef-object-update-response.json"),
    )
    .await;
    let update: objects::UpdateOpts =
        serde_json::from_value(sample("metadef-object-update-request.json")).unwrap();
    let updated = objects::update(&client, "OS::Compute::Quota", "CPU Limits", &update)
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.name, update.name);

    expect(&server, "DELETE", &cpu, None, 204, None).await;
    objects::delete(&client, "OS::Compute::Quota", "CPU Limits")
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("metadefs/namespaces/{QUOTA}/objects"),
        None,
        204,
        None,
    )
    .await;
    objects::delete_all(&client, "OS::Compute::Quota")
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn properties_are_listed_as_a_map_created_shown_updated_and_deleted() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    let base = "metadefs/namespaces/OS%3A%3ACompute%3A%3ALibvirtImage/properties";
    expect(
        &server,
        "GET",
        base,
        None,
        200,
        Some("metadef-properties-list-response.json"),
    )
    .await;
    let all = properties::list(&client, "OS::Compute::LibvirtImage")
        .await
        .extract()
        .unwrap();
    assert_eq!(all.len(), 9);
    assert_eq!(
        all["hw_rng_model"].default,
        Some(serde_json::json!("virtio"))
    );
    assert_eq!(all["hw_video_ram"].kind, PropertyKind::Integer);

    expect(
        &server,
        "POST",
        &format!("metadefs/namespaces/{HYPERVISOR}/properties"),
        Some("metadef-property-create-request.json"),
        201,
        Some("metadef-property-create-response.json"),
    )
    .await;
    let request = sample("metadef-property-create-request.json");
    let definition = ferrocloud::openstack::image::v2::metadefs::Property::new(
        "Hypervisor Type",
        PropertyKind::String,
    )
    .description(request["description"].as_str().unwrap())
    .enum_values(["xen", "qemu", "kvm", "lxc", "uml", "vmware", "hyperv"]);
    let opts = properties::CreateOpts::new("hypervisor_type", definition);
    let created = properties::create(&client, "OS::Compute::Hypervisor", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(created.name.as_deref(), Some("hypervisor_type"));

    let one = format!("metadefs/namespaces/{HYPERVISOR}/properties/hypervisor_type");
    expect(
        &server,
        "GET",
        &one,
        None,
        200,
        Some("metadef-property-details-response.json"),
    )
    .await;
    let shown = properties::get(&client, "OS::Compute::Hypervisor", "hypervisor_type", None)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown, created);

    expect(
        &server,
        "PUT",
        &one,
        Some("metadef-property-update-request.json"),
        200,
        Some("metadef-property-update-response.json"),
    )
    .await;
    let updated = properties::update(&client, "OS::Compute::Hypervisor", "hypervisor_type", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.title, "Hypervisor Type");

    expect(&server, "DELETE", &one, None, 204, None).await;
    properties::delete(&client, "OS::Compute::Hypervisor", "hypervisor_type")
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("metadefs/namespaces/{HYPERVISOR}/properties"),
        None,
        204,
        None,
    )
    .await;
    properties::delete_all(&client, "OS::Compute::Hypervisor")
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn a_property_is_shown_by_its_prefixed_name() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/image/v2/metadefs/namespaces/{HYPERVISOR}/properties/hw_hypervisor_type"
        )))
        .and(query_param("resource_type", "OS::Glance::Image"))
        .respond_with(reply(200, Some("metadef-property-details-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    properties::get(
        &client,
        "OS::Compute::Hypervisor",
        "hw_hypervisor_type",
        Some("OS::Glance::Image"),
    )
    .await
    .extract()
    .unwrap();
    let nameless: properties::CreateOpts =
        serde_json::from_value(serde_json::json!({"type": "string", "title": "T"})).unwrap();
    let e = properties::create(&client, "ns", &nameless)
        .await
        .extract()
        .unwrap_err();
    assert!(e.to_string().contains("name"), "{e}");
}

#[tokio::test]
async fn tags_are_created_listed_shown_renamed_and_deleted() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    let base = format!("metadefs/namespaces/{HYPERVISOR}/tags");
    Mock::given(method("POST"))
        .and(path(format!("/image/v2/{base}")))
        .and(header("X-Openstack-Append", "true"))
        .and(wiremock::matchers::body_json(sample(
            "metadef-tags-create-request.json",
        )))
        .respond_with(reply(201, Some("metadef-tags-create-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = tags::CreateManyOpts::new(["sample-tag1", "sample-tag2", "sample-tag3"]);
    let created = tags::create_many(&client, "OS::Compute::Hypervisor", &opts, true)
        .await
        .extract()
        .unwrap();
    assert_eq!(created.len(), 3);

    // A listing by marker: the sample, then an empty page after its last name.
    Mock::given(method("GET"))
        .and(path(format!("/image/v2/{base}")))
        .and(query_param("sort_key", "name"))
        .and(wiremock::matchers::query_param_is_missing("marker"))
        .respond_with(reply(200, Some("metadef-tags-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/image/v2/{base}")))
        .and(query_param("marker", "sample-tag3"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"tags": []})))
        .expect(1)
        .mount(&server)
        .await;
    let list = tags::ListOpts {
        sort_key: Some("name".into()),
        ..Default::default()
    };
    let all = tags::list(&client, "OS::Compute::Hypervisor", &list)
        .all()
        .await
        .unwrap();
    assert_eq!(all, created);

    expect(
        &server,
        "POST",
        &format!("{base}/added-sample-tag"),
        None,
        201,
        Some("metadef-tag-create-response.json"),
    )
    .await;
    let one = tags::create(&client, "OS::Compute::Hypervisor", "added-sample-tag")
        .await
        .extract()
        .unwrap();
    assert_eq!(one.name, "added-sample-tag");

    expect(
        &server,
        "GET",
        &format!("{base}/sample-tag2"),
        None,
        200,
        Some("metadef-tag-details-response.json"),
    )
    .await;
    let shown = tags::get(&client, "OS::Compute::Hypervisor", "sample-tag2")
        .await
        .extract()
        .unwrap();
    assert!(shown.updated_at.is_some());

    expect(
        &server,
        "PUT",
        &format!("{base}/sample-tag2"),
        Some("metadef-tag-update-request.json"),
        200,
        Some("metadef-tag-update-response.json"),
    )
    .await;
    let renamed = tags::update(
        &client,
        "OS::Compute::Hypervisor",
        "sample-tag2",
        "new-tag-name",
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(renamed.name, "new-tag-name");

    expect(
        &server,
        "DELETE",
        &format!("{base}/new-tag-name"),
        None,
        204,
        None,
    )
    .await;
    tags::delete(&client, "OS::Compute::Hypervisor", "new-tag-name")
        .await
        .ok()
        .unwrap();
    expect(&server, "DELETE", &base, None, 204, None).await;
    tags::delete_all(&client, "OS::Compute::Hypervisor")
        .await
        .ok()
        .unwrap();

    let e = tags::create_many(&client, "ns", &tags::CreateManyOpts::new(["a", "a"]), false)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn resource_types_and_associations() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    expect(
        &server,
        "GET",
        "metadefs/resource_types",
        None,
        200,
        Some("metadef-resource-types-list-response.json"),
    )
    .await;
    let all = resource_types::list(&client).await.extract().unwrap();
    assert_eq!(all.len(), 5);
    assert_eq!(all[3].name, "OS::Nova::Aggregate");

    let base = format!("metadefs/namespaces/{HYPERVISOR}/resource_types");
    expect(
        &server,
        "GET",
        &base,
        None,
        200,
        Some("metadef-resource-type-assoc-list-response.json"),
    )
    .await;
    let assoc = resource_types::list_associations(&client, "OS::Compute::Hypervisor")
        .await
        .extract()
        .unwrap();
    assert_eq!(assoc[0].prefix.as_deref(), Some("hw:"));
    assert!(assoc[0].created_at.is_some());

    expect(
        &server,
        "POST",
        &base,
        Some("metadef-resource-type-create-request.json"),
        201,
        Some("metadef-resource-type-assoc-create-response.json"),
    )
    .await;
    let opts = resource_types::CreateOpts::new("OS::Cinder::Volume")
        .prefix("hw_")
        .properties_target("image");
    let created = resource_types::create_association(&client, "OS::Compute::Hypervisor", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(created.properties_target.as_deref(), Some("image"));

    expect(
        &server,
        "DELETE",
        &format!("{base}/OS%3A%3ACinder%3A%3AVolume"),
        None,
        204,
        None,
    )
    .await;
    resource_types::delete_association(&client, "OS::Compute::Hypervisor", "OS::Cinder::Volume")
        .await
        .ok()
        .unwrap();
}
