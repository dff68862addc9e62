//! Datastores, their versions and parameters, and their management.

use ferrocloud::openstack::db::v1::datastore_versions::{
    self, CreateOpts, ParameterOpts, UpdateOpts,
};
use ferrocloud::openstack::db::v1::datastores;
use wiremock::MockServer;

use crate::{Expect, answer, expect, sends, trove};

const DS: &str = "cc9ee471-e781-43bf-a796-423c5d549997";
const VER: &str = "4eb0179d-fe11-4556-9422-5267d2fc7625";

#[tokio::test]
async fn datastores_and_versions() {
    let server = MockServer::start().await;
    let client = trove(&server).await;
    expect(
        &server,
        "GET",
        "datastores",
        answer("datastore-list-response.json"),
    )
    .await;
    let all = datastores::list(&client).all().await.unwrap();
    assert_eq!(all[0].name, "mariadb");
    assert_eq!(all[2].default_version, None);
    expect(
        &server,
        "GET",
        &format!("datastores/{DS}"),
        answer("datastore-show-response.json"),
    )
    .await;
    assert_eq!(
        datastores::get(&client, DS)
            .await
            .extract()
            .unwrap()
            .versions[0]
            .name,
        "12"
    );
    expect(
        &server,
        "DELETE",
        &format!("datastores/{DS}"),
        Expect {
            status: 202,
            ..Default::default()
        },
    )
    .await;
    datastores::delete(&client, DS).await.ok().unwrap();

    expect(
        &server,
        "GET",
        &format!("datastores/{DS}/versions"),
        answer("datastore-version-list-response.json"),
    )
    .await;
    assert_eq!(
        datastores::list_versions(&client, DS).all().await.unwrap()[0]
            .datastore
            .as_deref(),
        Some(DS)
    );
    expect(
        &server,
        "GET",
        &format!("datastores/{DS}/versions/12"),
        answer("datastore-version-show-response.json"),
    )
    .await;
    let v = datastores::get_version(&client, DS, "12")
        .await
        .extract()
        .unwrap();
    assert_eq!(v.image_tags, ["trove"]);
    expect(
        &server,
        "GET",
        &format!("datastores/versions/{VER}"),
        answer("datastore-version-show-response.json"),
    )
    .await;
    assert_eq!(
        datastores::get_version_by_id(&client, VER)
            .await
            .extract()
            .unwrap()
            .active,
        Some(true)
    );
}

#[tokio::test]
async fn parameters() {
    let server = MockServer::start().await;
    let client = trove(&server).await;
    expect(
        &server,
        "GET",
        &format!("datastores/{DS}/versions/12/parameters"),
        answer("datastore-version-parameter-list-response.json"),
    )
    .await;
    assert_eq!(
        datastores::list_parameters(&client, DS, "12")
            .all()
            .await
            .unwrap()[0]
            .name,
        "autocommit"
    );
    expect(
        &server,
        "GET",
        &format!("datastores/{DS}/versions/12/parameters/wait_timeout"),
        answer("datastore-version-parameter-show-response.json"),
    )
    .await;
    assert_eq!(
        datastores::get_parameter(&client, DS, "12", "wait_timeout")
            .await
            .extract()
            .unwrap()
            .max,
        Some(31536000)
    );
    expect(
        &server,
        "GET",
        &format!("datastores/versions/{VER}/parameters"),
        answer("datastore-version-parameter-list-response.json"),
    )
    .await;
    assert_eq!(
        datastores::list_parameters_by_id(&client, VER)
            .all()
            .await
            .unwrap()
            .len(),
        4
    );
    expect(
        &server,
        "GET",
        &format!("datastores/versions/{VER}/parameters/wait_timeout"),
        answer("datastore-version-parameter-show-response.json"),
    )
    .await;
    assert!(
        !datastores::get_parameter_by_id(&client, VER, "wait_timeout")
            .await
            .extract()
            .unwrap()
            .restart_required
    );

    let base = format!("mgmt/datastores/versions/{VER}/parameters");
    expect(
        &server,
        "POST",
        &base,
        Expect {
            // Trove answers the parameter alone, with its `min_size`/`max_size` names
            // (the sample shows a list).
            answer: Some(serde_json::json!({
                "name": "connect_timeout",
                "datastore_version_id": VER,
                "restart_required": false,
                "type": "integer",
                "min_size": 64,
                "max_size": 65535,
            })),
            ..sends("datastore-version-parameter-create-request.json", 200)
        },
    )
    .await;
    let opts = ParameterOpts {
        min_size: Some(64),
        max_size: Some(65535),
        ..ParameterOpts::new("connect_timeout", "integer")
    };
    assert_eq!(
        datastore_versions::create_parameter(&client, VER, &opts)
            .await
            .extract()
            .unwrap()
            .min,
        Some(64)
    );
    expect(
        &server,
        "PUT",
        &format!("{base}/connect_timeout"),
        Expect {
            answer: Some(crate::sample(
                "datastore-version-parameter-update-response.json",
            )),
            ..sends("datastore-version-parameter-update-request.json", 200)
        },
    )
    .await;
    let p = datastore_versions::update_parameter(
        &client,
        VER,
        &ParameterOpts {
            restart_required: true,
            ..opts
        },
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((p.max, p.deleted), (Some(65535), Some(false)));
    expect(
        &server,
        "DELETE",
        &format!("{base}/connect_timeout"),
        Expect {
            status: 202,
            ..Default::default()
        },
    )
    .await;
    datastore_versions::delete_parameter(&client, VER, "connect_timeout")
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn managed_versions() {
    let server = MockServer::start().await;
    let client = trove(&server).await;
    expect(
        &server,
        "POST",
        "mgmt/datastore-versions",
        sends("datastore-version-create-request.json", 202),
    )
    .await;
    let opts = CreateOpts {
        image_tags: vec!["trove".into()],
        default: Some(false),
        version: Some("5.7.30".into()),
        ..CreateOpts::new("test", "mysql", "mysql")
    };
    datastore_versions::create(&client, &opts)
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "GET",
        "mgmt/datastore-versions",
        answer("datastore-version-mgmt-list-response.json"),
    )
    .await;
    assert_eq!(
        datastore_versions::list(&client).all().await.unwrap()[0].datastore_manager,
        "mariadb"
    );
    let one = "mgmt/datastore-versions/385fa391-f6f1-4444-9d80-7dc3b2188fa3";
    expect(
        &server,
        "GET",
        one,
        answer("datastore-version-mgmt-show-response.json"),
    )
    .await;
    assert_eq!(
        datastore_versions::get(&client, "385fa391-f6f1-4444-9d80-7dc3b2188fa3")
            .await
            .extract()
            .unwrap()
            .version
            .as_deref(),
        Some("10.4.12")
    );
    expect(
        &server,
        "PATCH",
        one,
        sends("datastore-version-mgmt-patch-request.json", 202),
    )
    .await;
    let update = UpdateOpts {
        name: Some("new name".into()),
        image: Some("42706631-3b76-4d1c-95c9-6a85e72eebda".into()),
        active: Some(true),
        ..Default::default()
    };
    datastore_versions::update(&client, "385fa391-f6f1-4444-9d80-7dc3b2188fa3", &update)
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "DELETE",
        one,
        Expect {
            status: 202,
            ..Default::default()
        },
    )
    .await;
    datastore_versions::delete(&client, "385fa391-f6f1-4444-9d80-7dc3b2188fa3")
        .await
        .ok()
        .unwrap();
}
