//! Shares attached to a server (2.97+).

use crate::common::*;
use ferrocloud::openstack::compute::v2::server_shares::{self, AttachOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-server-shares/v2.97";
const BASE: &str = "/compute/v2.1/servers/srv-1/shares";
const SHARE: &str = "e8debdc0-447a-4376-a10a-4cd9122d7986";

async fn compute(server: &MockServer) -> ServiceClient {
    openstack::new_compute_v2(&provider(server).await, EndpointOpts::default())
        .unwrap()
        .with_microversion("2.97")
}

fn reply(status: u16, name: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{name}")))
}

#[tokio::test]
async fn attach_list_show_detach() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("POST"))
        .and(path(BASE))
        .and(header("x-openstack-nova-api-version", "2.97"))
        .and(body_json(sample_json(&format!(
            "{S}/server-shares-create-req.json"
        ))))
        .respond_with(reply(201, "server-shares-create-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = AttachOpts::new("3cdf5132-64f2-4584-876a-bd296ae7eabd").tag("my-share");
    let s = server_shares::attach(&compute, "srv-1", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(s.share_id, SHARE);
    assert_eq!(s.status, "attaching");
    assert_eq!(s.uuid, None);

    Mock::given(method("GET"))
        .and(path(BASE))
        .respond_with(reply(200, "server-shares-list-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let all = server_shares::extract_shares(
        &server_shares::list(&compute, "srv-1")
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].status, "inactive");
    assert_eq!(all[0].tag, SHARE);

    Mock::given(method("GET"))
        .and(path(format!("{BASE}/{SHARE}")))
        .respond_with(reply(200, "server-shares-admin-show-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let s = server_shares::get(&compute, "srv-1", SHARE)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        s.uuid.as_deref(),
        Some("68ba1762-fd6d-4221-8311-f3193dd93404")
    );
    assert_eq!(s.export_location.as_deref(), Some("10.0.0.50:/mnt/foo"));

    Mock::given(method("DELETE"))
        .and(path(format!("{BASE}/{SHARE}")))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    server_shares::detach(&compute, "srv-1", SHARE)
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn refused_before_sending() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    let err = server_shares::list(&compute.with_microversion("2.96"), "srv-1")
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("2.97"), "{err}");
    for (opts, needle) in [
        (AttachOpts::new(""), "share_id"),
        (AttachOpts::new(SHARE).tag("my share"), "tag"),
        (AttachOpts::new(SHARE).tag(""), "tag"),
    ] {
        let err = server_shares::attach(&compute, "srv-1", &opts)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(needle), "{err}");
    }
    assert_eq!(count(&server, "POST", BASE).await, 0);
}
