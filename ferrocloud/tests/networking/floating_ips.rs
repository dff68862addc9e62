//! Floating IPs (CRUD with extension attributes, associate and disassociate, filters,
//! compare-and-swap updates, find by address, the status waiter), floating IP pools and
//! port forwardings.

use std::time::Duration;

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::extensions::{
    fip_dns::FloatingIpDns, fip_port_details::PortDetails, fip_port_forwardings::PortForwardings,
    qos::QosPolicyId, qos_network_policy::QosNetworkPolicyId,
};
use ferrocloud::openstack::networking::v2::floating_ips::{self, CreateOpts, FloatingIp, ListOpts};
use ferrocloud::openstack::networking::v2::{floating_ip_pools, port_forwardings};
use ferrocloud::request::With;
use ferrocloud::wait::WaitOpts;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/floatingips";
const PF: &str = "network/api-ref/source/v2/samples/port_forwardings";
const FIP: &str = "2f245a7b-796b-4f26-9cf9-9e82d248fda7";

#[tokio::test]
async fn create_with_dns_and_qos_and_read_the_extensions() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/floatingips"))
        .and(body_json(sample_json(&format!(
            "{S}/floatingip-create-request.json"
        ))))
        .respond_with(reply(
            "",
            201,
            &format!("{S}/floatingip-create-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = With::new(
        With::new(
            CreateOpts::new("376da547-b977-4cfe-9cba-275c80debf57")
                .port_id("ce705c24-c1ef-408a-bda3-7bbd946164ab")
                .subnet_id("278d9507-36e7-403c-bb80-1d7093318fe6")
                .fixed_ip_address("10.0.0.3")
                .floating_ip_address("172.24.4.228")
                .description("floating ip for testing"),
            FloatingIpDns::default()
                .dns_domain("my-domain.org.")
                .dns_name("myfip"),
        ),
        QosPolicyId::default().qos_policy_id("29d5e02e-d5ab-4929-bee4-4a9fc12e22ae"),
    );
    let result = floating_ips::create(&client, &opts).await;
    let fip = result.extract().unwrap();
    assert_eq!(
        (fip.id.as_str(), fip.floating_ip_address.as_str()),
        (FIP, "172.24.4.228")
    );
    assert_eq!(fip.fixed_ip_address.as_deref(), Some("10.0.0.3"));
    assert_eq!(
        fip.router_id.as_deref(),
        Some("d23abc8d-2991-4a55-ba98-2aaea84cc72f")
    );
    let ext = result
        .extract_into::<With<With<With<FloatingIp, FloatingIpDns>, PortDetails>, PortForwardings>>()
        .unwrap();
    assert_eq!(ext.base.base.ext.dns_name.as_deref(), Some("myfip"));
    let port = ext.base.ext.port_details.as_ref().unwrap();
    assert_eq!(
        (port.device_owner.as_str(), port.admin_state_up),
        ("compute:nova", true)
    );
    assert_eq!(ext.ext.port_forwardings.as_deref(), Some(&[][..]));

    // A fixed address without a port is refused before sending.
    let err = floating_ips::create(
        &client,
        &CreateOpts::new("net").fixed_ip_address("10.0.0.3"),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn list_with_filters_and_port_forwardings_then_find_by_address() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/floatingips"))
        .and(query_param(
            "floating_network_id",
            "376da547-b977-4cfe-9cba-275c80debf57",
        ))
        .respond_with(reply(
            "",
            200,
            &format!("{S}/floating-ips-list-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        floating_network_id: Some("376da547-b977-4cfe-9cba-275c80debf57".into()),
        ..ListOpts::default()
    };
    let page = floating_ips::list(&client, &opts)
        .all_pages()
        .await
        .unwrap();
    let fips = floating_ips::extract_floating_ips(&page).unwrap();
    assert_eq!(fips.len(), 3);
    assert_eq!(
        (fips[1].port_id.as_deref(), fips[1].status.as_str()),
        (None, "DOWN")
    );
    let ext = page
        .extract_into::<With<With<FloatingIp, PortForwardings>, QosNetworkPolicyId>>()
        .unwrap();
    let pfs = ext[2].base.ext.port_forwardings.as_ref().unwrap();
    assert_eq!(
        (pfs[0].internal_port, pfs[0].external_port),
        (Some(25), Some(2225))
    );
    assert_eq!(
        ext[0].ext.qos_network_policy_id.as_deref(),
        Some("174dd0c1-a4eb-49d4-a807-ae80246d82f4")
    );

    // find: not an ID (404), then the only floating IP with that address.
    Mock::given(method("GET"))
        .and(path("/network/v2.0/floatingips/172.24.4.228"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"NeutronError": {
            "type": "FloatingIPNotFound", "message": "not found", "detail": ""}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let mut one = sample_json(&format!("{S}/floating-ips-list-response.json"));
    one["floatingips"].as_array_mut().unwrap().truncate(1);
    Mock::given(method("GET"))
        .and(path("/network/v2.0/floatingips"))
        .and(query_param("floating_ip_address", "172.24.4.228"))
        .respond_with(ResponseTemplate::new(200).set_body_json(one))
        .expect(1)
        .mount(&server)
        .await;
    let found = floating_ips::find(&client, "172.24.4.228").await.unwrap();
    assert_eq!(found.id, FIP);
}

#[tokio::test]
async fn associate_disassociate_show_and_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/floatingips/{FIP}")))
        .and(body_json(sample_json(&format!(
            "{S}/floatingip-update-request.json"
        ))))
        .respond_with(reply(
            "",
            200,
            &format!("{S}/floatingip-update-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let fip = floating_ips::associate(&client, FIP, "fc861431-0e6c-4842-a0ed-e2363f9bc3a8")
        .await
        .extract()
        .unwrap();
    assert_eq!(fip.fixed_ip_address.as_deref(), Some("10.0.0.4"));

    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/floatingips/{FIP}")))
        .and(header("If-Match", "revision_number=2"))
        .and(body_json(sample_json(&format!(
            "{S}/floatingip-disassociate-request.json"
        ))))
        .respond_with(reply(
            "",
            200,
            &format!("{S}/floatingip-disassociate-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let fip = floating_ips::update_if_revision(
        &client,
        FIP,
        2,
        &floating_ips::UpdateOpts::disassociate(),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (fip.port_id, fip.fixed_ip_address, fip.revision_number),
        (None, None, 3)
    );

    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/floatingips/{FIP}")))
        .respond_with(reply(
            "",
            200,
            &format!("{S}/floatingip-show-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let shown = floating_ips::get(&client, FIP).await.extract().unwrap();
    assert_eq!(shown.description, "floating ip for testing");

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/floatingips/{FIP}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    floating_ips::delete(&client, FIP).await.ok().unwrap();
}

#[tokio::test]
async fn wait_for_status_reaches_active() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let mut down = sample_json(&format!("{S}/floatingip-show-response.json"));
    down["floatingip"]["status"] = json!("DOWN");
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/floatingips/{FIP}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(down))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/floatingips/{FIP}")))
        .respond_with(reply(
            "",
            200,
            &format!("{S}/floatingip-show-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(5), Duration::from_millis(10));
    let fip = floating_ips::wait_for_status(&client, FIP, "ACTIVE", &opts)
        .await
        .unwrap();
    assert_eq!(fip.status, "ACTIVE");
}

#[tokio::test]
async fn floating_ip_pools_list() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/floatingip_pools"))
        .respond_with(reply(
            "",
            200,
            &format!("{S}/floating-ip-pools-list-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let pools = floating_ip_pools::list(&client).all().await.unwrap();
    assert_eq!(pools.len(), 1);
    assert_eq!(
        (pools[0].subnet_name.as_str(), pools[0].cidr.as_str()),
        ("public-subnet", "192.0.0.0/8")
    );
}

#[tokio::test]
async fn port_forwardings_crud() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let base = format!("/network/v2.0/floatingips/{FIP}/port_forwardings");
    let pf_id = "725ade3c-9760-4880-8080-8fc2dbab9acc";
    Mock::given(method("POST"))
        .and(path(base.clone()))
        .and(body_json(sample_json(&format!(
            "{PF}/port-fowarding-create-request.json"
        ))))
        .respond_with(reply(
            "",
            201,
            &format!("{PF}/port-fowarding-create-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = port_forwardings::CreateOpts::new(
        "tcp",
        "1238be08-a2a8-4b8d-addf-fb5e2250e480",
        "10.0.0.11",
    )
    .ports(25, 2230)
    .description("Some description");
    let pf = port_forwardings::create(&client, FIP, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!((pf.id.as_str(), pf.external_port), (pf_id, Some(2230)));

    Mock::given(method("GET"))
        .and(path(base.clone()))
        .and(query_param("protocol", "tcp"))
        .respond_with(reply(
            "",
            200,
            &format!("{PF}/port-fowarding-list-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let listed = port_forwardings::list(
        &client,
        FIP,
        &port_forwardings::ListOpts {
            protocol: Some("tcp".into()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[2].internal_port_range.as_deref(), Some("80:90"));
    assert_eq!(
        (listed[2].internal_port, listed[2].external_port),
        (None, None)
    );

    Mock::given(method("GET"))
        .and(path(format!("{base}/{pf_id}")))
        .respond_with(reply(
            "",
            200,
            &format!("{PF}/port-fowarding-show-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let shown = port_forwardings::get(&client, FIP, pf_id)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.internal_ip_address, "10.0.0.11");

    Mock::given(method("PUT"))
        .and(path(format!("{base}/{pf_id}")))
        .and(body_json(sample_json(&format!(
            "{PF}/port-fowarding-update-request.json"
        ))))
        .respond_with(reply(
            "",
            200,
            &format!("{PF}/port-fowarding-update-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let mut update = port_forwardings::UpdateOpts::default()
        .protocol("udp")
        .internal_port(37)
        .external_port(1960)
        .description("Some description");
    update.internal_port_id = Some("99889dc2-19a7-4edb-b9d0-d2ace8d1e144".into());
    let updated = port_forwardings::update(&client, FIP, pf_id, &update)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (updated.protocol.as_str(), updated.internal_port),
        ("udp", Some(37))
    );

    Mock::given(method("DELETE"))
        .and(path(format!("{base}/{pf_id}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    port_forwardings::delete(&client, FIP, pf_id)
        .await
        .ok()
        .unwrap();

    // Ports and ranges at once, or neither: refused before sending.
    let both = port_forwardings::CreateOpts::new("tcp", "p", "10.0.0.1")
        .ports(1, 2)
        .port_ranges("1:2", "3:4");
    assert!(
        port_forwardings::create(&client, FIP, &both)
            .await
            .extract()
            .is_err()
    );
    let neither = port_forwardings::CreateOpts::new("tcp", "p", "10.0.0.1");
    assert!(
        port_forwardings::create(&client, FIP, &neither)
            .await
            .extract()
            .is_err()
    );
}
