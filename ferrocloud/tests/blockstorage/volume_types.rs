//! Volume types, their access, extra specs and encryption against a mock Cinder
//! answering with the official samples.

use crate::{V2, V3, expect, expect_at, volume, volume_v2};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::blockstorage::v3::volume_type_encryption::{
    self as encryption, ControlLocation, EncryptionOpts,
};
use ferrocloud::openstack::blockstorage::v3::volume_type_extra_specs as specs;
use ferrocloud::openstack::blockstorage::v3::volume_types::{
    self, CreateOpts, ListOpts, UpdateOpts,
};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TYPE: &str = "6685584b-1eac-4da6-b5c3-555430cf68ff";

fn sample(rel: &str) -> Option<String> {
    Some(format!("{V3}/volume_type/{rel}"))
}

#[tokio::test]
async fn create_show_update_list_default_and_delete() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "POST",
        "types",
        sample("volume-type-create-request.json").as_deref(),
        200,
        sample("volume-type-create-response.json").as_deref(),
    )
    .await;
    let opts = CreateOpts::new("vol-type-001")
        .description("volume type 0001")
        .extra_spec("capabilities", "gpu");
    let t = volume_types::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(t.extra_specs["capabilities"], "gpu");
    assert!(t.is_public);

    expect(
        &server,
        "GET",
        &format!("types/{TYPE}"),
        None,
        200,
        sample("volume-type-show-response.json").as_deref(),
    )
    .await;
    let t = volume_types::get(&client, TYPE).await.extract().unwrap();
    assert_eq!((t.id.as_str(), t.qos_specs_id.as_deref()), (TYPE, None));
    assert_eq!(t.access_is_public, Some(true));

    expect(
        &server,
        "PUT",
        &format!("types/{TYPE}"),
        sample("volume-type-update-request.json").as_deref(),
        200,
        sample("volume-type-update-response.json").as_deref(),
    )
    .await;
    let update: UpdateOpts = serde_json::from_value(
        ferrocloud_sample(&format!("{V3}/volume_type/volume-type-update-request.json"))["volume_type"].clone(),
    )
    .unwrap();
    volume_types::update(&client, TYPE, &update)
        .await
        .extract()
        .unwrap();

    expect(
        &server,
        "GET",
        "types/default",
        None,
        200,
        sample("volume-type-default-response.json").as_deref(),
    )
    .await;
    volume_types::get_default(&client).await.extract().unwrap();

    expect(&server, "DELETE", &format!("types/{TYPE}"), None, 202, None).await;
    volume_types::delete(&client, TYPE).await.ok().unwrap();

    // An update with nothing to change, and a blank name, fail before sending.
    let err = volume_types::update(&client, TYPE, &UpdateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = volume_types::create(&client, &CreateOpts::new("  "))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

fn ferrocloud_sample(rel: &str) -> serde_json::Value {
    crate::common::sample_json(&format!("block-storage/{rel}"))
}

#[tokio::test]
async fn list_filters_by_extra_specs_from_3_52() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    Mock::given(method("GET"))
        .and(path("/volume/v3/p1/types"))
        .and(query_param("is_public", "false"))
        .and(query_param("extra_specs", r#"{"capabilities":"gpu"}"#))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(crate::common::sample(&format!(
                "block-storage/{V3}/volume_type/volume-types-list-response.json"
            ))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        is_public: Some(volume_types::Visibility::Private),
        extra_specs: Some([("capabilities".to_string(), "gpu".to_string())].into()),
        ..ListOpts::default()
    };
    // Refused before 3.52.
    let err = volume_types::list(&client, &opts).all().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let client = client.with_microversion("3.52");
    let all = volume_types::list(&client, &opts).all().await.unwrap();
    assert!(!all.is_empty());
}

#[tokio::test]
async fn access_add_list_remove() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    expect(
        &server,
        "POST",
        &format!("types/{TYPE}/action"),
        Some(&format!(
            "{V3}/volume_type/volume-type-access-add-request.json"
        )),
        202,
        None,
    )
    .await;
    let project = ferrocloud_sample(&format!(
        "{V3}/volume_type/volume-type-access-add-request.json"
    ))["addProjectAccess"]["project"]
        .as_str()
        .unwrap()
        .to_string();
    volume_types::add_project_access(&client, TYPE, &project)
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "GET",
        &format!("types/{TYPE}/os-volume-type-access"),
        None,
        200,
        sample("volume-type-access-list-response.json").as_deref(),
    )
    .await;
    let access = volume_types::list_access(&client, TYPE)
        .all()
        .await
        .unwrap();
    assert_eq!(access[0].project_id, "6f70656e737461636b20342065766572");

    let server = MockServer::start().await;
    let client = volume(&server).await;
    let removal = ferrocloud_sample(&format!("{V3}/volume-type-access-delete-request.json"));
    let project = removal["removeProjectAccess"]["project"]
        .as_str()
        .unwrap()
        .to_string();
    expect(
        &server,
        "POST",
        &format!("types/{TYPE}/action"),
        Some(&format!("{V3}/volume-type-access-delete-request.json")),
        202,
        None,
    )
    .await;
    volume_types::remove_project_access(&client, TYPE, &project)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn extra_specs_items() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let base = format!("/volume/v3/p1/types/{TYPE}/extra_specs");
    Mock::given(method("POST"))
        .and(path(base.clone()))
        .and(wiremock::matchers::body_json(
            serde_json::json!({"extra_specs": {"capabilities": "gpu"}}),
        ))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"extra_specs": {"capabilities": "gpu"}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("{base}/capabilities")))
        .and(wiremock::matchers::body_json(
            serde_json::json!({"capabilities": "cpu"}),
        ))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"capabilities": "cpu"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{base}/capabilities")))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"capabilities": "cpu"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("{base}/capabilities")))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let all = specs::set(
        &client,
        TYPE,
        &[("capabilities".to_string(), "gpu".to_string())].into(),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(all["capabilities"], "gpu");
    specs::set_item(&client, TYPE, "capabilities", "cpu")
        .await
        .extract()
        .unwrap();
    let item = specs::get_item(&client, TYPE, "capabilities")
        .await
        .extract()
        .unwrap();
    assert_eq!(item.value, "cpu");
    specs::delete_item(&client, TYPE, "capabilities")
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn encryption_create_show_update_delete() {
    let server = MockServer::start().await;
    let client = volume(&server).await;
    let id = "2d29462d-76cb-417c-8a9f-fb23140f1577";
    let enc = "81e069c6-7394-4856-8df7-3b237ca61f74";
    expect(
        &server,
        "POST",
        &format!("types/{id}/encryption"),
        sample("encryption-type-create-request.json").as_deref(),
        200,
        sample("encryption-type-create-response.json").as_deref(),
    )
    .await;
    let opts = EncryptionOpts {
        provider: Some("luks".into()),
        control_location: Some(ControlLocation::FrontEnd),
        cipher: Some("aes-xts-plain64".into()),
        key_size: Some(256),
    };
    let e = encryption::create(&client, id, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(e.encryption_id.as_deref(), Some(enc));
    expect(
        &server,
        "GET",
        &format!("types/{id}/encryption"),
        None,
        200,
        sample("encryption-type-show-response.json").as_deref(),
    )
    .await;
    let e = encryption::get(&client, id).await.extract().unwrap();
    assert_eq!(e.control_location, Some(ControlLocation::FrontEnd));
    expect(
        &server,
        "PUT",
        &format!("types/{id}/encryption/{enc}"),
        sample("encryption-type-update-request.json").as_deref(),
        200,
        sample("encryption-type-update-response.json").as_deref(),
    )
    .await;
    let update = EncryptionOpts {
        key_size: Some(64),
        control_location: Some(ControlLocation::BackEnd),
        ..opts.clone()
    };
    let e = encryption::update(&client, id, enc, &update)
        .await
        .extract()
        .unwrap();
    assert_eq!(e.key_size, Some(64));
    expect(
        &server,
        "DELETE",
        &format!("types/{id}/encryption/{enc}"),
        None,
        202,
        None,
    )
    .await;
    encryption::delete(&client, id, enc).await.ok().unwrap();
    // Create without a provider fails before sending.
    let err = encryption::create(&client, id, &EncryptionOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn v2_types_read_the_old_answers() {
    let server = MockServer::start().await;
    let client = volume_v2(&server).await;
    expect_at(
        &server,
        "GET",
        "/volume/v2/p1/types",
        None,
        200,
        Some(&format!("{V2}/volume-types-list-response.json")),
    )
    .await;
    let all = volume_types::list(&client, &ListOpts::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|t| t.is_public && t.description.is_none()));
    expect_at(
        &server,
        "GET",
        &format!("/volume/v2/p1/types/{TYPE}"),
        None,
        200,
        Some(&format!("{V2}/volume-type-show-response.json")),
    )
    .await;
    let t = volume_types::get(&client, TYPE).await.extract().unwrap();
    assert!(t.is_public, "the text \"true\" reads as true");
}
