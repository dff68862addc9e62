//! VPNaaS: IKE and IPsec policies, VPN services, endpoint groups and IPsec site
//! connections against a mock Neutron answering with the official samples.

use crate::{expect, network, reply, request};
use ferrocloud::openstack::networking::v2::vpnaas::{
    AuthAlgorithm, EncryptionAlgorithm, Lifetime, LifetimeUnits, Pfs, endpoint_groups,
    ike_policies, ipsec_policies, services, site_connections,
};
use ferrocloud::{ErrorKind, ExposeSecret};
use serde_json::json;
use wiremock::{MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/vpn";

#[tokio::test]
async fn ike_policies_crud() {
    let server = MockServer::start().await;
    let c = network(&server).await;
    expect(
        &server,
        "POST",
        "/network/v2.0/vpn/ikepolicies",
        Some(request(S, "ikepolicy-create-request.json")),
        reply(S, 201, "ikepolicy-create-response.json"),
    )
    .await;
    let opts = ike_policies::CreateOpts::new("ikepolicy1")
        .phase1_negotiation_mode(ike_policies::Phase1NegotiationMode::Main)
        .auth_algorithm(AuthAlgorithm::Sha1)
        .encryption_algorithm(EncryptionAlgorithm::Aes128)
        .pfs(Pfs::Group5)
        .lifetime(Lifetime::seconds(7200))
        .ike_version(ike_policies::IkeVersion::V1);
    let p = ike_policies::create(&c, &opts).await.extract().unwrap();
    assert_eq!(p.lifetime, Lifetime::seconds(7200));
    assert_eq!(p.lifetime.units, LifetimeUnits::Seconds);
    let id = p.id.as_str();
    expect(
        &server,
        "GET",
        "/network/v2.0/vpn/ikepolicies",
        None,
        reply(S, 200, "ikepolicies-list-response.json"),
    )
    .await;
    let all = ike_policies::list(&c, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].encryption_algorithm, EncryptionAlgorithm::Aes256);
    expect(
        &server,
        "GET",
        format!("/network/v2.0/vpn/ikepolicies/{id}"),
        None,
        reply(S, 200, "ikepolicy-show-response.json"),
    )
    .await;
    assert_eq!(
        ike_policies::get(&c, id).await.extract().unwrap().pfs,
        Pfs::Group5
    );
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/vpn/ikepolicies/{id}"),
        Some(request(S, "ikepolicy-update-request.json")),
        reply(S, 200, "ikepolicy-update-response.json"),
    )
    .await;
    let u = ike_policies::UpdateOpts::default().encryption_algorithm(EncryptionAlgorithm::Aes256);
    assert_eq!(
        ike_policies::update(&c, id, &u)
            .await
            .extract()
            .unwrap()
            .lifetime
            .value,
        3600
    );
    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/vpn/ikepolicies/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    ike_policies::delete(&c, id).await.ok().unwrap();
}

#[tokio::test]
async fn ipsec_policies_crud() {
    let server = MockServer::start().await;
    let c = network(&server).await;
    expect(
        &server,
        "POST",
        "/network/v2.0/vpn/ipsecpolicies",
        Some(request(S, "ipsecpolicy-create-request.json")),
        reply(S, 201, "ipsecpolicy-create-response.json"),
    )
    .await;
    let opts = ipsec_policies::CreateOpts::new("ipsecpolicy1")
        .transform_protocol(ipsec_policies::TransformProtocol::Esp)
        .auth_algorithm(AuthAlgorithm::Sha1)
        .encapsulation_mode(ipsec_policies::EncapsulationMode::Tunnel)
        .encryption_algorithm(EncryptionAlgorithm::Aes128)
        .pfs(Pfs::Group5)
        .lifetime(Lifetime::seconds(7200));
    let p = ipsec_policies::create(&c, &opts).await.extract().unwrap();
    let id = p.id.as_str();
    expect(
        &server,
        "GET",
        "/network/v2.0/vpn/ipsecpolicies",
        None,
        reply(S, 200, "ipsecpolicies-list-response.json"),
    )
    .await;
    let all = ipsec_policies::list(&c, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].pfs, Pfs::Group14);
    expect(
        &server,
        "GET",
        format!("/network/v2.0/vpn/ipsecpolicies/{id}"),
        None,
        reply(S, 200, "ipsecpolicy-show-response.json"),
    )
    .await;
    assert_eq!(
        ipsec_policies::get(&c, id).await.extract().unwrap().name,
        "ipsecpolicy1"
    );
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/vpn/ipsecpolicies/{id}"),
        Some(request(S, "ipsecpolicy-update-request.json")),
        reply(S, 200, "ipsecpolicy-update-response.json"),
    )
    .await;
    let u = ipsec_policies::UpdateOpts::default().pfs(Pfs::Group14);
    assert_eq!(
        ipsec_policies::update(&c, id, &u)
            .await
            .extract()
            .unwrap()
            .pfs,
        Pfs::Group14
    );
    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/vpn/ipsecpolicies/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    ipsec_policies::delete(&c, id).await.ok().unwrap();
}

#[tokio::test]
async fn services_and_endpoint_groups_crud() {
    let server = MockServer::start().await;
    let c = network(&server).await;
    // The create sample sends subnet_id and flavor_id as null: the same as leaving them out.
    let mut body = request(S, "vpnservice-create-request.json");
    body["vpnservice"]
        .as_object_mut()
        .unwrap()
        .retain(|_, v| !v.is_null());
    expect(
        &server,
        "POST",
        "/network/v2.0/vpn/vpnservices",
        Some(body),
        reply(S, 201, "vpnservice-create-response.json"),
    )
    .await;
    let opts = services::CreateOpts::new("66e3b16c-8ce5-40fb-bb49-ab6d8dc3f2aa")
        .name("myservice")
        .admin_state_up(true);
    let s = services::create(&c, &opts).await.extract().unwrap();
    assert_eq!(s.external_v4_ip.as_deref(), Some("172.32.1.11"));
    assert_eq!(s.subnet_id, None);
    let id = s.id.as_str();
    expect(
        &server,
        "GET",
        "/network/v2.0/vpn/vpnservices",
        None,
        reply(S, 200, "vpnservices-list-response.json"),
    )
    .await;
    assert_eq!(
        services::list(&c, &Default::default())
            .all()
            .await
            .unwrap()
            .len(),
        1
    );
    expect(
        &server,
        "GET",
        format!("/network/v2.0/vpn/vpnservices/{id}"),
        None,
        reply(S, 200, "vpnservice-show-response.json"),
    )
    .await;
    assert_eq!(
        services::get(&c, id).await.extract().unwrap().status,
        "PENDING_CREATE"
    );
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/vpn/vpnservices/{id}"),
        Some(request(S, "vpnservice-update-request.json")),
        reply(S, 200, "vpnservice-update-response.json"),
    )
    .await;
    let u = services::update(
        &c,
        id,
        &services::UpdateOpts::default().description("Updated description"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((u.status.as_str(), u.external_v4_ip), ("ACTIVE", None));
    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/vpn/vpnservices/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    services::delete(&c, id).await.ok().unwrap();

    expect(
        &server,
        "POST",
        "/network/v2.0/vpn/endpoint-groups",
        Some(request(S, "vpn-endpoint-group-create-request.json")),
        reply(S, 201, "vpn-endpoint-group-create-response.json"),
    )
    .await;
    let opts = endpoint_groups::CreateOpts::new(
        endpoint_groups::EndpointType::Cidr,
        ["10.2.0.0/24", "10.3.0.0/24"],
    )
    .name("peers");
    let g = endpoint_groups::create(&c, &opts).await.extract().unwrap();
    let id = g.id.as_str();
    expect(
        &server,
        "GET",
        "/network/v2.0/vpn/endpoint-groups",
        None,
        reply(S, 200, "vpn-endpoint-groups-list-response.json"),
    )
    .await;
    let all = endpoint_groups::list(&c, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].endpoint_type, endpoint_groups::EndpointType::Subnet);
    expect(
        &server,
        "GET",
        format!("/network/v2.0/vpn/endpoint-groups/{id}"),
        None,
        reply(S, 200, "vpn-endpoint-group-show-response.json"),
    )
    .await;
    assert_eq!(
        endpoint_groups::get(&c, id)
            .await
            .extract()
            .unwrap()
            .endpoints
            .len(),
        2
    );
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/vpn/endpoint-groups/{id}"),
        Some(request(S, "vpn-endpoint-group-update-request.json")),
        reply(S, 200, "vpn-endpoint-group-update-response.json"),
    )
    .await;
    let u = endpoint_groups::UpdateOpts::default().description("New description");
    assert_eq!(
        endpoint_groups::update(&c, id, &u)
            .await
            .extract()
            .unwrap()
            .description,
        "New description"
    );
    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/vpn/endpoint-groups/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    endpoint_groups::delete(&c, id).await.ok().unwrap();
}

#[tokio::test]
async fn site_connections_crud_keep_the_key_secret() {
    let server = MockServer::start().await;
    let c = network(&server).await;
    // The create sample writes mtu as a string; the SDK sends the number.
    let mut body = request(S, "ipsec-site-connection-create-request.json");
    body["ipsec_site_connection"]["mtu"] = json!(1500);
    expect(
        &server,
        "POST",
        "/network/v2.0/vpn/ipsec-site-connections",
        Some(body),
        reply(S, 201, "ipsec-site-connection-create-response.json"),
    )
    .await;
    let opts = site_connections::CreateOpts::new(
        "5c561d9d-eaea-45f6-ae3e-08d1a7080828",
        "9b00d6b0-6c93-4ca5-9747-b8ade7bb514f",
        "e6e23d0c-9519-4d52-8ea4-5b1f96d857b1",
        "172.24.4.233",
        "172.24.4.233",
        "secret",
    )
    .initiator(site_connections::Initiator::BiDirectional)
    .admin_state_up(true)
    .mtu(1500)
    .endpoint_groups(
        "3e1815dd-e212-43d0-8f13-b494fa553e68",
        "9ad5a7e0-6dac-41b4-b20d-a7b8645fddf1",
    )
    .name("vpnconnection1");
    let conn = site_connections::create(&c, &opts).await.extract().unwrap();
    assert_eq!(conn.psk.expose_secret(), "secret");
    assert!(!format!("{conn:?}").contains("\"secret\""));
    assert_eq!(conn.dpd.action, site_connections::DpdAction::Hold);
    assert_eq!((conn.dpd.interval, conn.dpd.timeout), (30, 120));
    let id = conn.id.as_str();
    expect(
        &server,
        "GET",
        "/network/v2.0/vpn/ipsec-site-connections",
        None,
        reply(S, 200, "ipsec-site-connections-list-response.json"),
    )
    .await;
    let all = site_connections::list(&c, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].peer_address, "172.24.4.226");
    expect(
        &server,
        "GET",
        format!("/network/v2.0/vpn/ipsec-site-connections/{id}"),
        None,
        reply(S, 200, "ipsec-site-connection-show-response.json"),
    )
    .await;
    assert_eq!(
        site_connections::get(&c, id)
            .await
            .extract()
            .unwrap()
            .status,
        "DOWN"
    );
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/vpn/ipsec-site-connections/{id}"),
        Some(json!({"ipsec_site_connection": {"mtu": 2000}})),
        reply(S, 200, "ipsec-site-connection-update-response.json"),
    )
    .await;
    let u =
        site_connections::update(&c, id, &site_connections::UpdateOpts::default().mtu(2000)).await;
    assert_eq!(u.extract().unwrap().mtu, 2000);
    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/vpn/ipsec-site-connections/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    site_connections::delete(&c, id).await.ok().unwrap();

    // Bad input is refused before anything is sent.
    let bad = site_connections::UpdateOpts::default().dpd(site_connections::Dpd::new(
        site_connections::DpdAction::Hold,
        30,
        10,
    ));
    let err = site_connections::update(&c, id, &bad)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
