//! Agents and DHCP agent scheduling: listing with filters, show, update, delete; the
//! networks of a DHCP agent, adding and removing one, the DHCP agents of a network.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::agents::{self, AgentType, ListOpts, UpdateOpts};
use ferrocloud::openstack::networking::v2::dhcp_agent_scheduler as dhcp;
use ferrocloud::openstack::networking::v2::extensions::mtu::Mtu;
use ferrocloud::openstack::networking::v2::networks::Network;
use ferrocloud::request::With;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/agents";

#[tokio::test]
async fn list_with_filters_reads_types_and_configurations() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/agents"))
        .and(query_param("agent_type", "DHCP agent"))
        .and(query_param("alive", "true"))
        .and(query_param("host", "agenthost1"))
        .respond_with(reply(S, 200, "agents-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        agent_type: Some(AgentType::Dhcp),
        alive: Some(true),
        host: Some("agenthost1".into()),
        ..ListOpts::default()
    };
    let all = agents::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 4);
    let types: Vec<&AgentType> = all.iter().map(|a| &a.agent_type).collect();
    assert_eq!(
        types,
        [
            &AgentType::OpenVSwitch,
            &AgentType::Dhcp,
            &AgentType::L3,
            &AgentType::Metadata
        ]
    );
    let dhcp = &all[1];
    assert_eq!(dhcp.availability_zone.as_deref(), Some("nova"));
    assert_eq!(dhcp.description, None);
    assert_eq!(dhcp.resources_synced, None);
    assert_eq!(dhcp.configurations["networks"], 1);
    assert_eq!(
        dhcp.configurations["dhcp_driver"],
        "neutron.agent.linux.dhcp.Dnsmasq"
    );
    assert_eq!(all[0].resources_synced, Some(true));
    assert_eq!(
        all[0].heartbeat_timestamp.to_rfc3339(),
        "2017-09-12T19:40:08+00:00"
    );
    assert!(all.iter().all(|a| a.alive && a.admin_state_up));
}

#[tokio::test]
async fn show_update_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "04c62b91-b799-48b7-9cd5-2982db6df9c6";
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/agents/{id}")))
        .respond_with(reply(S, 200, "agent-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/agents/{id}")))
        .and(body_json(sample_json(&format!(
            "{S}/agent-update-request.json"
        ))))
        .respond_with(reply(S, 200, "agent-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/agents/{id}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let agent = agents::get(&client, id).await.extract().unwrap();
    assert_eq!(agent.agent_type, AgentType::OpenVSwitch);
    assert_eq!(agent.agent_type.to_string(), "Open vSwitch agent");
    assert_eq!(agent.binary, "neutron-openvswitch-agent");
    assert_eq!(agent.configurations["bridge_mappings"]["public"], "br-ex");
    assert_eq!(agent.description, None);

    let opts = UpdateOpts::default().description("My OVS agent for OpenStack");
    let updated = agents::update(&client, id, &opts).await.extract().unwrap();
    assert_eq!(
        updated.description.as_deref(),
        Some("My OVS agent for OpenStack")
    );
    agents::delete(&client, id).await.ok().unwrap();

    // An empty update is refused before sending.
    let err = agents::update(&client, id, &UpdateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn dhcp_networks_of_an_agent_add_and_remove() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let agent = "840d5d68-5759-4e9e-812f-f3bd19214c7f";
    let net = "1ae075ca-708b-4e66-b4a7-b7698632f05f";
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/agents/{agent}/dhcp-networks")))
        .respond_with(reply(S, 200, "agent-dhcp-networks-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/network/v2.0/agents/{agent}/dhcp-networks")))
        .and(body_json(sample_json(&format!(
            "{S}/agent-dhcp-network-add-request.json"
        ))))
        .respond_with(ResponseTemplate::new(201).set_body_string("null"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!(
            "/network/v2.0/agents/{agent}/dhcp-networks/{net}"
        )))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let page = dhcp::list_networks(&client, agent)
        .all_pages()
        .await
        .unwrap();
    let nets = dhcp::extract_networks(&page).unwrap();
    assert_eq!(
        nets.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(),
        ["net1", "net2"]
    );
    let with: Vec<With<Network, Mtu>> = page.extract_into().unwrap();
    assert_eq!(with[0].ext.mtu, Some(1500));
    dhcp::add_network(&client, agent, net).await.ok().unwrap();
    dhcp::remove_network(&client, agent, net)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn dhcp_agents_of_a_network() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let net = "d32019d3-bc6e-4319-9c1d-6722fc136a22";
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/networks/{net}/dhcp-agents")))
        .respond_with(reply(S, 200, "network-dhcp-agent-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let all = dhcp::list_agents(&client, net).all().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].agent_type, AgentType::Dhcp);
    assert_eq!(all[0].host, "mkm-instance01");
    assert_eq!(all[0].ha_state, None);
    assert_eq!(all[0].resource_versions.as_ref().map(|v| v.len()), Some(0));
    assert_eq!(all[0].configurations["ports"], 2);
}
