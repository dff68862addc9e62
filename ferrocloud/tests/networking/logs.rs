//! Logs and loggable resources.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::openstack::networking::v2::logs::{self, CreateOpts, Event, ListOpts, UpdateOpts};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/logs";
const ID: &str = "46ebaec0-0570-43ac-82f6-60d2b03168c4";

#[tokio::test]
async fn create_show_update_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/log/logs"))
        .and(body_json(sample_json(&format!(
            "{S}/log-create-request.json"
        ))))
        .respond_with(reply(S, 201, "log-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/log/logs/{ID}")))
        .respond_with(reply(S, 200, "log-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/log/logs/{ID}")))
        .and(body_json(sample_json(&format!(
            "{S}/log-update-request.json"
        ))))
        .respond_with(reply(S, 200, "log-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/log/logs/{ID}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let opts = CreateOpts::new("security_group")
        .name("security group log")
        .description("Log for project demo.");
    let log = logs::create(&client, &opts).await.extract().unwrap();
    assert_eq!(log.id, ID);
    assert_eq!((log.event, log.enabled), (Event::All, true));
    assert_eq!(
        (log.resource_id.as_deref(), log.target_id.as_deref()),
        (None, None)
    );
    assert_eq!(log.created_at.to_rfc3339(), "2018-04-03T21:03:04+00:00");
    let shown = logs::get(&client, ID).await.extract().unwrap();
    assert_eq!(shown.event, Event::Accept);
    let updated = logs::update(&client, ID, &UpdateOpts::default().enabled(false))
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (updated.enabled, updated.event, updated.revision_number),
        (false, Event::Drop, 3)
    );
    logs::delete(&client, ID).await.ok().unwrap();
}

#[tokio::test]
async fn list_logs_and_loggable_resources() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/log/logs"))
        .and(query_param("resource_type", "security_group"))
        .and(query_param("event", "ALL"))
        .respond_with(reply(S, 200, "log-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/log/loggable-resources"))
        .respond_with(reply(S, 200, "loggable_resources-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        resource_type: Some("security_group".into()),
        event: Some(Event::All),
        ..ListOpts::default()
    };
    let all = logs::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].name, "security group log");
    let types = logs::list_loggable_resources(&client).all().await.unwrap();
    assert_eq!(types.len(), 1);
    assert_eq!(types[0].resource_type, "security_group");
}
