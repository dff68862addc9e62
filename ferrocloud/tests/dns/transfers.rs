//! Zone transfer requests and accepts.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::dns::v2::common::TaskStatus;
use ferrocloud::openstack::dns::v2::transfer_accepts;
use ferrocloud::openstack::dns::v2::transfer_requests::{self, CreateOpts, UpdateOpts};
use secrecy::ExposeSecret;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer};

use crate::{dns, expect, reply, reply_json, sample};

const REQUEST: &str = "f2ad17b5-807a-423f-a991-e06236c247be";
const SCOPED: &str = "efd2d720-b0c4-43d4-99f7-d9b53e08860d";

#[tokio::test]
async fn requests() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let zone = "6b78734a-aef1-45cd-9708-8eb3c2d26ff8";
    // The official request sample sends `project_id`, which Designate does not read:
    // the SDK sends the documented target project.
    Mock::given(method("POST"))
        .and(path(format!(
            "/dns/v2/zones/{zone}/tasks/transfer_requests"
        )))
        .and(body_json(
            serde_json::json!({"target_project_id": "123456"}),
        ))
        .respond_with(reply(
            201,
            Some("zones/create-zone-transfer-request-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts {
        target_project_id: Some("123456".into()),
        ..Default::default()
    };
    let r = transfer_requests::create(&client, zone, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (r.id.as_str(), r.zone_name.as_str()),
        (REQUEST, "qa.dev.example.com.")
    );
    assert_eq!(r.status, TaskStatus::Active);
    assert_eq!(r.key.as_ref().unwrap().expose_secret(), "9Z2R50Y0");
    assert!(!format!("{r:?}").contains("9Z2R50Y0"));
    assert_eq!(r.description, None);
    assert_eq!(r.target_project_id.as_deref(), Some("123456"));

    Mock::given(method("GET"))
        .and(path("/dns/v2/zones/tasks/transfer_requests"))
        .and(query_param("status", "ACTIVE"))
        .respond_with(reply(
            200,
            Some("zones/list-zone-transfer-request-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = transfer_requests::ListOpts {
        status: Some(TaskStatus::Active),
    };
    let all = transfer_requests::extract_transfer_requests(
        &transfer_requests::list(&client, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 2);
    // The target project's view: no key, no owner.
    assert!(all[1].key.is_none() && all[1].project_id.is_none());

    expect(
        &server,
        "GET",
        &format!("zones/tasks/transfer_requests/{SCOPED}"),
        None,
        200,
        Some("zones/show-zone-transfer-request-response.json"),
    )
    .await;
    let r = transfer_requests::get(&client, SCOPED)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        r.description.as_deref(),
        Some("This is scoped to the requesting project")
    );

    expect(
        &server,
        "PATCH",
        &format!("zones/tasks/transfer_requests/{SCOPED}"),
        Some("zones/update-zone-transfer-request-request.json"),
        200,
        Some("zones/update-zone-transfer-request-response.json"),
    )
    .await;
    let opts = UpdateOpts {
        description: Some("This is scoped to the new project".into()),
        target_project_id: Some("987654".into()),
    };
    let r = transfer_requests::update(&client, SCOPED, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(r.target_project_id.as_deref(), Some("987654"));
    let err = transfer_requests::update(&client, SCOPED, &UpdateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    expect(
        &server,
        "DELETE",
        &format!("zones/tasks/transfer_requests/{SCOPED}"),
        None,
        204,
        None,
    )
    .await;
    transfer_requests::delete(&client, SCOPED)
        .await
        .ok()
        .unwrap();
}

/// The official accept sample, with JSON `null` where it writes the text "null".
fn accept_sample() -> serde_json::Value {
    let mut v = sample("zones/create-zone-transfer-accept-response.json");
    assert_eq!(v["updated_at"], "null");
    v["updated_at"] = serde_json::Value::Null;
    v
}

#[tokio::test]
async fn accepts() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let id = "fe8c30f5-42f6-4af1-8cbf-e31a810d8c33";
    Mock::given(method("POST"))
        .and(path("/dns/v2/zones/tasks/transfer_accepts"))
        .and(body_json(sample(
            "zones/create-zone-transfer-accept-request.json",
        )))
        .respond_with(reply_json(201, &accept_sample()))
        .expect(1)
        .mount(&server)
        .await;
    let a = transfer_accepts::create(
        &client,
        "794fdf58-6e1d-41da-8b2d-16b6d10c8827",
        "FUGXMZ5N".into(),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (a.id.as_str(), a.status.clone()),
        (id, TaskStatus::Complete)
    );
    assert_eq!(a.zone_id, "b4542f5a-f1ea-4ec1-b850-52db9dc3f465");
    assert_eq!(a.project_id, "2e43de7ce3504a8fb90a45382532c37e");
    assert_eq!(a.key.as_ref().unwrap().expose_secret(), "FUGXMZ5N");
    assert!(!format!("{a:?}").contains("FUGXMZ5N"));
    assert_eq!(a.updated_at, None);

    // Served at transfer_accepts/{id} (the reference writes transfer_requests/{id}).
    Mock::given(method("GET"))
        .and(path(format!("/dns/v2/zones/tasks/transfer_accepts/{id}")))
        .respond_with(reply_json(200, &accept_sample()))
        .expect(1)
        .mount(&server)
        .await;
    let a = transfer_accepts::get(&client, id).await.extract().unwrap();
    assert_eq!(
        a.zone_transfer_request_id,
        "794fdf58-6e1d-41da-8b2d-16b6d10c8827"
    );

    expect(
        &server,
        "GET",
        "zones/tasks/transfer_accepts",
        None,
        200,
        Some("zones/list-zone-transfer-accept-response.json"),
    )
    .await;
    let all = transfer_accepts::extract_transfer_accepts(
        &transfer_accepts::list(&client, &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 2);
    assert!(all[0].key.is_none());
    assert!(all[1].updated_at.is_some());

    let err = transfer_accepts::create(&client, "794fdf58", "".into())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
