//! BGP dynamic routing: speakers (CRUD, peers, gateway networks, advertised routes),
//! peers (CRUD, the password kept out of Debug) and DR agent scheduling.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::agents::AgentType;
use ferrocloud::openstack::networking::v2::bgp::peers::{self, AuthType};
use ferrocloud::openstack::networking::v2::bgp::{dragent_scheduler, speakers};
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/bgp";
const SPEAKER: &str = "5e08db80-db77-4b5c-a56d-dbca0b284f2c";
const PEER: &str = "a7193581-a31c-4ea5-8218-b3052758461f";
const NET: &str = "f2269b61-6755-4174-8f64-5e318617b204";
const AGENT: &str = "af216618-29d3-4ee7-acab-725bdc90e614";

#[tokio::test]
async fn speaker_create_show_list_update_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/bgp-speakers"))
        .and(body_json(
            json!({"bgp_speaker": {"name": "bgp-speaker", "local_as": 1000, "ip_version": 4}}),
        ))
        .respond_with(reply(S, 201, "bgp_speaker-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/bgp-speakers/{SPEAKER}")))
        .respond_with(reply(S, 200, "bgp_speaker-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/bgp-speakers"))
        .and(query_param("ip_version", "4"))
        .respond_with(reply(S, 200, "bgp_speaker-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/bgp-speakers/{SPEAKER}")))
        .and(body_json(json!({"bgp_speaker": {"name": "bgp-speaker_2",
            "advertise_floating_ip_host_routes": true, "advertise_tenant_networks": false}})))
        .respond_with(reply(S, 200, "bgp_speaker-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/bgp-speakers/{SPEAKER}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let created = speakers::create(&client, &speakers::CreateOpts::new("bgp-speaker", 1000, 4))
        .await
        .extract()
        .unwrap();
    assert_eq!(created.id, SPEAKER);
    assert_eq!(created.local_as, 1000);
    assert_eq!(created.ip_version, 4);
    assert!(created.advertise_tenant_networks && created.advertise_floating_ip_host_routes);
    assert!(created.peers.is_empty() && created.networks.is_empty());
    assert_eq!(created.project(), Some("34a6e17a48cf414ebc890367bf42266b"));

    let shown = speakers::get(&client, SPEAKER).await.extract().unwrap();
    assert_eq!(shown.name, "bgp-speaker-1");
    assert_eq!(shown.local_as, 1001);

    let opts = speakers::ListOpts {
        ip_version: Some(4),
        ..Default::default()
    };
    let all = speakers::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].id, "b759b2a1-27f4-4a6b-bb61-f2c9a22c9902");

    let update = speakers::UpdateOpts::default()
        .name("bgp-speaker_2")
        .advertise_floating_ip_host_routes(true)
        .advertise_tenant_networks(false);
    speakers::update(&client, SPEAKER, &update)
        .await
        .extract()
        .unwrap();
    speakers::delete(&client, SPEAKER).await.ok().unwrap();
}

#[tokio::test]
async fn speaker_peers_networks_and_routes() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let base = format!("/network/v2.0/bgp-speakers/{SPEAKER}");
    Mock::given(method("PUT"))
        .and(path(format!("{base}/add_bgp_peer")))
        .and(body_json(sample_json(&format!(
            "{S}/bgp_speaker_add_peer-request.json"
        ))))
        .respond_with(reply(S, 200, "bgp_speaker_add_peer-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("{base}/remove_bgp_peer")))
        .and(body_json(sample_json(&format!(
            "{S}/bgp_speaker_remove_peer-request.json"
        ))))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("{base}/add_gateway_network")))
        .and(body_json(sample_json(&format!(
            "{S}/bgp_speaker_add_network-request.json"
        ))))
        .respond_with(reply(S, 200, "bgp_speaker_add_network-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("{base}/remove_gateway_network")))
        .and(body_json(sample_json(&format!(
            "{S}/bgp_speaker_remove_network-request.json"
        ))))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"network_id": NET})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{base}/get_advertised_routes")))
        .respond_with(reply(S, 200, "bgp_speaker_list_routes-response.json"))
        .expect(1)
        .mount(&server)
        .await;

    let added = speakers::add_bgp_peer(&client, SPEAKER, PEER)
        .await
        .extract()
        .unwrap();
    assert_eq!(added.bgp_peer_id, PEER);
    speakers::remove_bgp_peer(&client, SPEAKER, PEER)
        .await
        .ok()
        .unwrap();
    let added = speakers::add_gateway_network(&client, SPEAKER, NET)
        .await
        .extract()
        .unwrap();
    assert_eq!(added.network_id, NET);
    speakers::remove_gateway_network(&client, SPEAKER, NET)
        .await
        .ok()
        .unwrap();
    // The sample's cidr/nexthop are read as destination/next_hop, the plugin's names.
    let routes = speakers::get_advertised_routes(&client, SPEAKER)
        .await
        .extract()
        .unwrap();
    assert_eq!(routes.len(), 1);
    assert_eq!(routes[0].destination, "192.168.10.0/24");
    assert_eq!(routes[0].next_hop, "10.0.0.1");
}

#[tokio::test]
async fn empty_ids_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let e = speakers::add_bgp_peer(&client, SPEAKER, "")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = speakers::create(&client, &speakers::CreateOpts::new("x", 1000, 5))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        count(
            &server,
            "PUT",
            &format!("/network/v2.0/bgp-speakers/{SPEAKER}/add_bgp_peer")
        )
        .await,
        0
    );
}

#[tokio::test]
async fn peer_create_with_md5_show_list_update_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/bgp-peers"))
        .and(body_json(
            json!({"bgp_peer": {"name": "bgp-peer", "peer_ip": "10.0.0.3",
            "remote_as": 1001, "auth_type": "md5", "password": "s3cret-pw"}}),
        ))
        .respond_with(reply(S, 201, "bgp_peer-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/bgp-peers/{PEER}")))
        .respond_with(reply(S, 200, "bgp_peer-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/bgp-peers"))
        .and(query_param("peer_ip", "10.0.0.3"))
        .respond_with(reply(S, 200, "bgp_peer-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/bgp-peers/{PEER}")))
        .and(body_json(json!({"bgp_peer": {"password": "n3w-pw"}})))
        .respond_with(reply(S, 200, "bgp_peer-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/bgp-peers/{PEER}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let opts = peers::CreateOpts::new("bgp-peer", "10.0.0.3", 1001).md5("s3cret-pw");
    assert!(!format!("{opts:?}").contains("s3cret-pw"));
    // The create sample writes remote_as as text.
    let peer = peers::create(&client, &opts).await.extract().unwrap();
    assert_eq!(peer.remote_as, 1001);
    assert_eq!(peer.auth_type, AuthType::None);
    assert_eq!(peer.peer_ip, "10.0.0.3");
    let shown = peers::get(&client, PEER).await.extract().unwrap();
    assert_eq!(shown, peer);
    let opts = peers::ListOpts {
        peer_ip: Some("10.0.0.3".into()),
        ..Default::default()
    };
    assert_eq!(peers::list(&client, &opts).all().await.unwrap(), [peer]);
    let update = peers::UpdateOpts::default().password("n3w-pw");
    assert!(!format!("{update:?}").contains("n3w-pw"));
    peers::update(&client, PEER, &update)
        .await
        .extract()
        .unwrap();
    peers::delete(&client, PEER).await.ok().unwrap();
}

#[tokio::test]
async fn peer_find_by_name() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/bgp-peers/bgp-peer"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"NeutronError": {
            "type": "BgpPeerNotFound", "message": "not found", "detail": ""}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/bgp-peers"))
        .and(query_param("name", "bgp-peer"))
        .respond_with(reply(S, 200, "bgp_peer-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let peer = peers::find(&client, "bgp-peer").await.unwrap();
    assert_eq!(peer.id, PEER);
}

/// DR agent scheduling needs a running neutron-bgp-dragent: tested on the mock only.
#[tokio::test]
async fn dragent_scheduling_mock_only_needs_a_dragent() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let speaker = "5639072c-49eb-480a-9f11-953386589bc8";
    Mock::given(method("POST"))
        .and(path(format!(
            "/network/v2.0/agents/{AGENT}/bgp-drinstances"
        )))
        .and(body_json(sample_json(&format!(
            "{S}/dragent_add_speaker-request.json"
        ))))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/network/v2.0/agents/{AGENT}/bgp-drinstances"
        )))
        .respond_with(reply(S, 200, "dragent_list_speakers-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!(
            "/network/v2.0/agents/{AGENT}/bgp-drinstances/{speaker}"
        )))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/network/v2.0/bgp-speakers/{speaker}/bgp-dragents"
        )))
        .respond_with(reply(S, 200, "bgp_speaker_list_dragent_host-response.json"))
        .expect(1)
        .mount(&server)
        .await;

    dragent_scheduler::add_speaker(&client, AGENT, speaker)
        .await
        .ok()
        .unwrap();
    let hosted = dragent_scheduler::list_speakers(&client, AGENT)
        .await
        .extract()
        .unwrap();
    assert_eq!(hosted.len(), 1);
    assert_eq!(hosted[0].name, "bgp-speaker");
    dragent_scheduler::remove_speaker(&client, AGENT, speaker)
        .await
        .ok()
        .unwrap();
    let agents = dragent_scheduler::list_dragents_hosting_speaker(&client, speaker)
        .await
        .extract()
        .unwrap();
    assert_eq!(agents.len(), 1);
    let a = &agents[0];
    assert_eq!(a.id, AGENT);
    assert_eq!(a.binary, "neutron-bgp-dragent");
    assert_eq!(a.agent_type, AgentType::BgpDynamicRouting);
    assert!(a.alive && a.admin_state_up);
    assert_eq!(a.description, None);
    assert_eq!(
        a.heartbeat_timestamp.to_rfc3339(),
        "2016-05-17T03:05:12+00:00"
    );
    assert_eq!(a.configurations["bgp_speakers"], 1);
}
