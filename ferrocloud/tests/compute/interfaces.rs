//! Port interfaces of a server.

use crate::common::*;
use ferrocloud::openstack::compute::v2::interfaces::{self, CreateOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-attach-interfaces";
const BASE: &str = "/compute/v2.1/servers/srv-1/os-interface";
const PORT: &str = "ce531f90-199f-48c0-816c-13e38010b442";
const NET: &str = "3cb9bc59-5699-4588-a4b1-b87f96708bc6";

async fn compute(server: &MockServer) -> ServiceClient {
    openstack::new_compute_v2(&provider(server).await, EndpointOpts::default()).unwrap()
}

fn reply(name: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{name}")))
}

#[tokio::test]
async fn attach_port_or_network() {
    let server = MockServer::start().await;
    let base = compute(&server).await;
    Mock::given(method("POST"))
        .and(path(BASE))
        .and(body_json(sample_json(&format!(
            "{S}/attach-interfaces-create-req.json"
        ))))
        .respond_with(reply("attach-interfaces-create-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let i = interfaces::create(&base, "srv-1", &CreateOpts::port(PORT))
        .await
        .extract()
        .unwrap();
    assert_eq!(i.port_id, PORT);
    assert_eq!(i.net_id, NET);
    assert_eq!(i.mac_addr, "fa:16:3e:4c:2c:30");
    assert_eq!(i.port_state, "ACTIVE");
    assert_eq!(i.fixed_ips[0].ip_address, "192.168.1.3");
    assert_eq!(
        i.fixed_ips[0].subnet_id,
        "f8a6e8f8-c2ec-497c-9f23-da9616de54ef"
    );
    assert_eq!(i.tag, None);

    Mock::given(method("POST"))
        .and(path(BASE))
        .and(body_json(sample_json(&format!(
            "{S}/attach-interfaces-create-net_id-req.json"
        ))))
        .respond_with(reply("attach-interfaces-create-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    interfaces::create(
        &base,
        "srv-1",
        &CreateOpts::network(NET).fixed_ip("192.168.1.3"),
    )
    .await
    .ok()
    .unwrap();

    // Tagged, at 2.70 (the answer carries the tag).
    let v270 = base.with_microversion("2.70");
    Mock::given(method("POST"))
        .and(path(BASE))
        .and(header("x-openstack-nova-api-version", "2.70"))
        .and(body_json(sample_json(&format!(
            "{S}/v2.70/attach-interfaces-create-net_id-req.json"
        ))))
        .respond_with(reply("v2.70/attach-interfaces-create-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::network(NET)
        .fixed_ip("192.168.1.3")
        .tag("public");
    let i = interfaces::create(&v270, "srv-1", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(i.tag.as_deref(), Some("public"));

    Mock::given(method("POST"))
        .and(path(BASE))
        .and(header("x-openstack-nova-api-version", "2.49"))
        .and(body_json(sample_json(&format!(
            "{S}/v2.49/attach-interfaces-create-req.json"
        ))))
        .respond_with(reply("v2.49/attach-interfaces-create-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    interfaces::create(
        &base.with_microversion("2.49"),
        "srv-1",
        &CreateOpts::port(PORT).tag("foo"),
    )
    .await
    .ok()
    .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn list_show_detach() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("GET"))
        .and(path(BASE))
        .respond_with(reply("attach-interfaces-list-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let all = interfaces::extract_interfaces(
        &interfaces::list(&compute, "srv-1")
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].port_id, PORT);

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/srv-2/os-interface"))
        .and(header("x-openstack-nova-api-version", "2.70"))
        .respond_with(reply("v2.70/attach-interfaces-list-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let v270 = compute.with_microversion("2.70");
    let all = interfaces::extract_interfaces(
        &interfaces::list(&v270, "srv-2").all_pages().await.unwrap(),
    )
    .unwrap();
    assert_eq!(all[0].tag.as_deref(), Some("public"));

    for (mv, name) in [
        (None, "attach-interfaces-show-resp.json"),
        (Some("2.70"), "v2.70/attach-interfaces-show-resp.json"),
    ] {
        let client = match mv {
            Some(v) => compute.with_microversion(v),
            None => compute.clone(),
        };
        let srv = format!("srv-{}", mv.unwrap_or("base"));
        Mock::given(method("GET"))
            .and(path(format!(
                "/compute/v2.1/servers/{srv}/os-interface/{PORT}"
            )))
            .respond_with(reply(name))
            .expect(1)
            .mount(&server)
            .await;
        let i = interfaces::get(&client, &srv, PORT)
            .await
            .extract()
            .unwrap();
        assert_eq!(i.port_state, "ACTIVE");
        assert_eq!(i.tag.is_some(), mv.is_some());
    }

    // A null fixed_ips (a port without addresses) reads as empty.
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/p2")))
        .respond_with(ResponseTemplate::new(200).set_body_string(
            r#"{"interfaceAttachment": {"fixed_ips": null, "mac_addr": "fa:16:3e:00:00:01", "net_id": "n", "port_id": "p2", "port_state": "DOWN"}}"#,
        ))
        .mount(&server)
        .await;
    assert!(
        interfaces::get(&compute, "srv-1", "p2")
            .await
            .extract()
            .unwrap()
            .fixed_ips
            .is_empty()
    );

    Mock::given(method("DELETE"))
        .and(path(format!("{BASE}/{PORT}")))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    interfaces::delete(&compute, "srv-1", PORT)
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn refused_before_sending() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    // A tag needs 2.49.
    let err = interfaces::create(&compute, "srv-1", &CreateOpts::port(PORT).tag("t"))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("2.49"), "{err}");
    let err = interfaces::create(
        &compute.with_microversion("2.48"),
        "srv-1",
        &CreateOpts::port(PORT).tag("t"),
    )
    .await
    .ok()
    .unwrap_err();
    assert!(err.to_string().contains("2.48"), "{err}");

    let both = CreateOpts {
        net_id: Some(NET.into()),
        ..CreateOpts::port(PORT)
    };
    let cases = [
        (both, "port_id"),
        (CreateOpts::port(PORT).fixed_ip("10.0.0.1"), "net_id"),
        (CreateOpts::network(NET).fixed_ip("not-an-ip"), "not-an-ip"),
        (CreateOpts::port(""), "port_id"),
    ];
    for (opts, needle) in cases {
        let err = interfaces::create(&compute, "srv-1", &opts)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(needle), "{err}");
    }
    let err = interfaces::create(
        &compute.with_microversion("2.49"),
        "srv-1",
        &CreateOpts::port(PORT).tag("a/b"),
    )
    .await
    .ok()
    .unwrap_err();
    assert!(err.to_string().contains("tag"), "{err}");
    assert_eq!(count(&server, "POST", BASE).await, 0);
}
