//! Versions and the microversion negotiation, the agent's API, events, inspection
//! rules, shards, the listings under a node or a port group, the allocation waiter,
//! and an Ironic behind HTTP basic authentication.

use ferrocloud::openstack::baremetal::v1::common::{Listing, Patch};
use ferrocloud::openstack::baremetal::v1::{
    self as baremetal, agent, allocations, conductors, events, inspection_rules, portgroups, ports,
    versions, volume,
};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::{answer, expect, given, ironic, mock, quick, reply_json, sample};

#[tokio::test]
async fn versions_and_negotiation_read_ironics_root() {
    let server = MockServer::start().await;
    let p = super::common::provider(&server).await;
    let unpinned = ferrocloud::openstack::new_baremetal_v1(&p, Default::default()).unwrap();
    // Ironic's root: the version document, and the range in headers too.
    Mock::given(method("GET"))
        .and(path("/baremetal/"))
        .respond_with(
            reply_json(200, &sample("api-root-response.json"))
                .insert_header("x-openstack-ironic-api-minimum-version", "1.1")
                .insert_header("x-openstack-ironic-api-maximum-version", "1.37"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/baremetal/v1/"))
        .respond_with(reply_json(200, &sample("api-v1-root-response.json")))
        .mount(&server)
        .await;
    let c = unpinned
        .clone()
        .negotiate_microversion(baremetal::MAX_MICROVERSION)
        .await
        .unwrap();
    assert_eq!(c.microversion(), Some("1.37"));
    let lower = unpinned.negotiate_microversion("1.20").await.unwrap();
    assert_eq!(lower.microversion(), Some("1.20"));

    let root = versions::list(&c).await.extract().unwrap();
    assert_eq!(root.name.as_deref(), Some("OpenStack Ironic API"));
    assert_eq!(root.versions[0].min_version, "1.1");
    assert_eq!(root.default_version.unwrap().version, "1.37");
    let v1 = versions::get_v1(&c).await.extract().unwrap();
    assert_eq!(v1.id, "v1");
    assert_eq!(v1.media_types[0]["base"], "application/json");
    assert!(v1.resources.contains_key("nodes"));

    // Ironic itself answers one media type object, not a list.
    let mut real = sample("api-v1-root-response.json");
    real["media_types"] =
        json!({"base": "application/json", "type": "application/vnd.openstack.ironic.v1+json"});
    let doc: versions::V1 = serde_json::from_value(real).unwrap();
    assert_eq!(doc.media_types.len(), 1);
    assert_eq!(
        doc.media_types[0]["type"],
        "application/vnd.openstack.ironic.v1+json"
    );
}

#[tokio::test]
async fn agent_lookup_and_heartbeat() {
    let (server, c) = mock("1.62").await;
    given("GET", "lookup", "1.62")
        .and(query_param(
            "addresses",
            "52:54:00:90:35:d6,52:54:00:90:35:d7",
        ))
        .and(header("x-openstack-ironic-api-version", "1.62"))
        .respond_with(reply_json(200, &sample("lookup-node-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    given("POST", "heartbeat/n1", "1.62")
        .and(body_json(json!({"callback_url": "http://10.0.0.5:9999",
            "agent_version": "9.0.0", "agent_token": "t0ken-value"})))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let opts = agent::LookupOpts {
        addresses: vec!["52:54:00:90:35:d6".into(), "52:54:00:90:35:d7".into()],
        node_uuid: None,
    };
    let found = agent::lookup(&c, &opts).await.extract().unwrap();
    assert_eq!(found.node.uuid, "6d85703a-565d-469a-96ce-30b6de53079d");
    assert_eq!(found.config["heartbeat_timeout"], 300);
    let beat = agent::HeartbeatOpts {
        callback_url: "http://10.0.0.5:9999".into(),
        agent_version: Some("9.0.0".into()),
        agent_token: Some("t0ken-value".to_string().into()),
    };
    assert!(!format!("{beat:?}").contains("t0ken-value"));
    agent::heartbeat(&c, "n1", &beat).await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn events_are_posted_in_an_envelope() {
    let (server, c) = mock("1.54").await;
    let event = json!({"event": "network.bind_port", "port_id": "11111111-1111-1111-1111-111111111111",
        "mac_address": "52:54:00:00:00:01", "status": "ACTIVE"});
    given("POST", "events", "1.54")
        .and(body_json(json!({"events": [event.clone()]})))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    events::post(&c, std::slice::from_ref(&event))
        .await
        .ok()
        .unwrap();
    assert!(events::post(&c, &[]).await.ok().is_err());
    server.verify().await;
}

#[tokio::test]
async fn inspection_rules_round_trip() {
    let (server, c) = mock("1.96").await;
    expect(
        &server,
        "POST",
        "inspection_rules",
        "1.96",
        Some("inspection-rule-create-request.json"),
        201,
        Some("inspection-rule-create-response.json"),
    )
    .await;
    answer(
        &server,
        "inspection_rules",
        "1.96",
        "inspection-rule-list-response.json",
    )
    .await;
    answer(
        &server,
        "inspection_rules/r1",
        "1.96",
        "inspection-rule-show-response.json",
    )
    .await;
    expect(
        &server,
        "PATCH",
        "inspection_rules/r1",
        "1.96",
        Some("inspection-rule-update-request.json"),
        200,
        Some("inspection-rule-update-response.json"),
    )
    .await;
    expect(
        &server,
        "DELETE",
        "inspection_rules/r1",
        "1.96",
        None,
        204,
        None,
    )
    .await;
    expect(
        &server,
        "DELETE",
        "inspection_rules",
        "1.96",
        None,
        204,
        None,
    )
    .await;
    let opts: inspection_rules::CreateOpts =
        serde_json::from_value(sample("inspection-rule-create-request.json")).unwrap();
    assert!(!format!("{opts:?}").contains("\"password\""));
    let created = inspection_rules::create(&c, &opts).await.extract().unwrap();
    assert_eq!(created.sensitive, Some(true));
    assert_eq!(created.actions, None);
    let all = inspection_rules::list(&c, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[1].priority, Some(50));
    assert_eq!(all[0].conditions, None);
    let one = inspection_rules::get(&c, "r1").await.extract().unwrap();
    assert_eq!(one.conditions.unwrap()[0].op, "is-true");
    let patch: Patch =
        serde_json::from_value(sample("inspection-rule-update-request.json")).unwrap();
    let updated = inspection_rules::update(&c, "r1", &patch)
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.priority, Some(75));
    inspection_rules::delete(&c, "r1").await.ok().unwrap();
    inspection_rules::delete_all(&c).await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn shards_and_the_listings_under_a_node_or_a_port_group() {
    let (server, c) = mock("1.82").await;
    answer(&server, "shards", "1.82", "shards-list-response.json").await;
    for (rel, answer) in [
        ("nodes/n1/ports", "node-port-list-response.json"),
        ("nodes/n1/ports/detail", "node-port-detail-response.json"),
        ("nodes/n1/portgroups", "node-portgroup-list-response.json"),
        (
            "nodes/n1/portgroups/detail",
            "node-portgroup-detail-response.json",
        ),
        ("portgroups/pg1/ports", "portgroup-port-list-response.json"),
        (
            "portgroups/pg1/ports/detail",
            "portgroup-port-detail-response.json",
        ),
        ("nodes/n1/volume", "node-volume-list-response.json"),
        (
            "nodes/n1/volume/connectors",
            "node-volume-connector-list-response.json",
        ),
        (
            "nodes/n1/volume/targets",
            "node-volume-target-list-response.json",
        ),
    ] {
        expect(&server, "GET", rel, "1.82", None, 200, Some(answer)).await;
    }
    let shards = conductors::list_shards(&c).all().await.unwrap();
    assert_eq!(shards[0].name.as_deref(), Some("example_shard1"));
    assert_eq!(shards[0].count, 47);
    let l = Listing::default();
    let p = ports::list_by_node(&c, "n1", &l).all().await.unwrap();
    assert_eq!(p[0].address, "22:22:22:22:22:22");
    let p = ports::list_by_node_detail(&c, "n1", &l)
        .all()
        .await
        .unwrap();
    assert!(!p[0].node_uuid.is_empty());
    let g = portgroups::list_by_node(&c, "n1", &l).all().await.unwrap();
    assert_eq!(g[0].address.as_deref(), Some("22:22:22:22:22:22"));
    let g = portgroups::list_by_node_detail(&c, "n1", &l)
        .all()
        .await
        .unwrap();
    assert!(g[0].extra.is_empty());
    let p = ports::list_by_portgroup(&c, "pg1", &l).all().await.unwrap();
    assert_eq!(p.len(), 1);
    let p = ports::list_by_portgroup_detail(&c, "pg1", &l)
        .all()
        .await
        .unwrap();
    assert!(p[0].portgroup_uuid.is_some());
    let links = volume::node_root(&c, "n1").await.extract().unwrap();
    assert_eq!(links.connectors.len(), 2);
    let cs = volume::list_node_connectors(&c, "n1", &l)
        .all()
        .await
        .unwrap();
    assert_eq!(
        cs[0].connector_id,
        "iqn.2017-07.org.openstack:02:10190a4153e"
    );
    let ts = volume::list_node_targets(&c, "n1", &l).all().await.unwrap();
    assert_eq!(ts[0].boot_index, 0);
    // Shards came with 1.82: an older client is refused before sending.
    let old = ironic(&server, "1.81").await;
    assert!(conductors::list_shards(&old).all().await.is_err());
    server.verify().await;
}

#[tokio::test]
async fn the_allocation_waiter_follows_the_state() {
    let (server, c) = mock("1.52").await;
    let mut allocating = sample("allocation-show-response.json");
    allocating["state"] = json!("allocating");
    allocating["node_uuid"] = json!(null);
    given("GET", "allocations/a1", "1.52")
        .respond_with(reply_json(200, &allocating))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    given("GET", "allocations/a1", "1.52")
        .respond_with(reply_json(200, &sample("allocation-show-response.json")))
        .mount(&server)
        .await;
    let done =
        allocations::wait_for_state(&c, "a1", allocations::AllocationState::Active, &quick())
            .await
            .unwrap();
    assert!(done.node_uuid.is_some());
    let polls = server.received_requests().await.unwrap();
    let polls = polls
        .iter()
        .filter(|r| r.url.path().ends_with("/allocations/a1"));
    assert_eq!(polls.count(), 3);

    let mut failed = sample("allocation-show-response.json");
    failed["state"] = json!("error");
    failed["last_error"] = json!("No available nodes match the resource class bm-large");
    given("GET", "allocations/a2", "1.52")
        .respond_with(reply_json(200, &failed))
        .mount(&server)
        .await;
    let e = allocations::wait_for_state(&c, "a2", allocations::AllocationState::Active, &quick())
        .await
        .unwrap_err();
    assert!(e.to_string().contains("No available nodes"), "{e}");
}

/// Lists the nodes of a standalone Ironic (the mock server, at API version 1.78) through
/// a cloud of `auth` (`auth_type` and its options), and returns the requests it received.
async fn standalone_lists_nodes(auth: serde_json::Value) -> Vec<wiremock::Request> {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/nodes"))
        .and(header("x-openstack-ironic-api-version", "1.78"))
        .respond_with(reply_json(200, &sample("nodes-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let mut entry =
        json!({"baremetal_endpoint_override": server.uri(), "baremetal_api_version": "1.78"});
    let auth = auth.to_string().replace("{endpoint}", &server.uri());
    let auth: serde_json::Value = serde_json::from_str(&auth).unwrap();
    for (k, v) in auth.as_object().unwrap() {
        entry[k] = v.clone();
    }
    let cfg = ferrocloud::CloudConfig::from_value("standalone", entry).unwrap();
    assert!(!format!("{cfg:?}").contains("s3cret"));
    let cloud = ferrocloud::Cloud::new(cfg).unwrap();
    let bm = cloud.service("baremetal").await.unwrap();
    let nodes = ferrocloud::openstack::baremetal::v1::nodes::list(&bm, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(nodes.len(), 2);
    server.verify().await;
    server.received_requests().await.unwrap()
}

#[tokio::test]
async fn a_noauth_cloud_with_an_endpoint_override_reaches_ironic() {
    let received = standalone_lists_nodes(json!({"auth_type": "none"})).await;
    assert!(
        received
            .iter()
            .all(|r| !r.headers.contains_key("x-auth-token"))
    );
}

#[tokio::test]
async fn an_http_basic_cloud_reaches_ironic_with_credentials() {
    let received = standalone_lists_nodes(json!({"auth_type": "http_basic",
        "auth": {"endpoint": "{endpoint}", "username": "ironic", "password": "s3cret"}}))
    .await;
    let basic = "Basic aXJvbmljOnMzY3JldA==";
    assert!(
        received
            .iter()
            .all(|r| r.headers.get("authorization").is_some_and(|h| h == basic))
    );
}
