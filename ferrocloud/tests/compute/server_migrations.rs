//! Live migrations of one server: list, show, force complete, abort.

use crate::common::*;
use ferrocloud::openstack::compute::v2::server_migrations;
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/server-migrations";
const BASE: &str = "/compute/v2.1/servers/4cfba335-03d8-49b2-8c52-e69043d1e8fe/migrations";
const SERVER: &str = "4cfba335-03d8-49b2-8c52-e69043d1e8fe";

async fn compute(server: &MockServer, mv: &str) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default())
        .unwrap()
        .with_microversion(mv)
}

#[tokio::test]
async fn list_and_show_at_each_microversion() {
    for mv in ["2.23", "2.59", "2.80"] {
        let server = MockServer::start().await;
        let c = compute(&server, mv).await;
        Mock::given(method("GET"))
            .and(path(BASE))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_string(sample(&format!("{S}/v{mv}/migrations-index.json"))),
            )
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path(format!("{BASE}/1")))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_string(sample(&format!("{S}/v{mv}/migrations-get.json"))),
            )
            .mount(&server)
            .await;
        let all = server_migrations::list(&c, SERVER)
            .all_pages()
            .await
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(all.len(), 1);
        let m = server_migrations::get(&c, SERVER, 1)
            .await
            .extract()
            .unwrap();
        assert_eq!(m, all[0]);
        assert_eq!(m.id, 1);
        assert_eq!(m.status, "running");
        assert_eq!(m.server_uuid, SERVER);
        assert_eq!(m.memory_remaining_bytes, Some(111111));
        assert_eq!(m.dest_compute.as_deref(), Some("compute2"));
        assert!(m.created_at.timestamp() > 0);
        assert_eq!(m.uuid.is_some(), mv != "2.23", "{mv}");
        assert_eq!(m.user_id.is_some(), mv == "2.80", "{mv}");
        assert_eq!(m.project_id.is_some(), mv == "2.80", "{mv}");
    }
}

#[tokio::test]
async fn force_complete_and_abort() {
    let server = MockServer::start().await;
    let c = compute(&server, "2.24").await;
    Mock::given(method("POST"))
        .and(path(format!("{BASE}/7/action")))
        .and(body_json(sample_json(&format!(
            "{S}/v2.22/force_complete.json"
        ))))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("{BASE}/7")))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    server_migrations::force_complete(&c, SERVER, 7)
        .await
        .ok()
        .unwrap();
    server_migrations::abort(&c, SERVER, 7).await.ok().unwrap();
    server.verify().await;

    // Each operation needs its microversion.
    let old = c.with_microversion("2.21");
    let e = server_migrations::force_complete(&old, SERVER, 7)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("2.22"), "{e}");
    let e = server_migrations::abort(&c.with_microversion("2.23"), SERVER, 7)
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("2.24"), "{e}");
    let e = server_migrations::get(&c.with_microversion("2.22"), SERVER, 7)
        .await
        .extract()
        .unwrap_err();
    assert!(e.to_string().contains("2.23"), "{e}");
    let e = server_migrations::list(&c.with_microversion("2.22"), SERVER)
        .all_pages()
        .await
        .unwrap_err();
    assert!(e.to_string().contains("2.23"), "{e}");
}
