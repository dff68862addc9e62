//! Networks: CRUD with extension attributes, bulk creation, listing with filters and
//! pages, compare-and-swap updates, find.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::common::{ListControls, SortDir};
use ferrocloud::openstack::networking::v2::extensions::{
    dns::DnsDomain, external::External, mtu::Mtu, provider::Provider, qos::QosPolicyId,
};
use ferrocloud::openstack::networking::v2::networks::{
    self, CreateOpts, ListOpts, Network, UpdateOpts,
};
use ferrocloud::request::With;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/networks";

/// The sample without `pvlan`, which no Neutron extension defines.
fn request_sample(rel: &str) -> serde_json::Value {
    let mut v = sample_json(&format!("{S}/{rel}"));
    if let Some(net) = v.get_mut("network").and_then(|n| n.as_object_mut()) {
        net.remove("pvlan");
    }
    v
}

type Extended = With<With<With<CreateOpts, DnsDomain>, QosPolicyId>, Mtu>;

#[tokio::test]
async fn create_with_extension_attributes_and_read_them_back() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/networks"))
        .and(body_json(request_sample("network-create-request.json")))
        .respond_with(reply(S, 201, "network-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts: Extended = With::new(
        With::new(
            With::new(
                CreateOpts::new("sample_network").admin_state_up(true),
                DnsDomain::default().dns_domain("my-domain.org."),
            ),
            QosPolicyId::default().qos_policy_id("6a8454ade84346f59e8d40665f878b2e"),
        ),
        Mtu::default().mtu(1400u32),
    );
    let result = networks::create(&client, &opts).await;
    let net = result.extract().unwrap();
    assert_eq!(net.name, "net1");
    assert_eq!(net.status, "ACTIVE");
    assert_eq!(net.revision_number, 1);
    assert_eq!(net.created_at.to_rfc3339(), "2016-03-08T20:19:41+00:00");
    let with = result
        .extract_into::<With<With<Network, Mtu>, External>>()
        .unwrap();
    assert_eq!(with.base.ext.mtu, Some(1400));
    assert_eq!(with.ext.external, Some(false));
    assert_eq!(with.id, net.id);
}

#[tokio::test]
async fn provider_attributes_create_and_show() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/networks"))
        .and(body_json(request_sample(
            "network-provider-create-request.json",
        )))
        .respond_with(reply(S, 201, "network-provider-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = With::new(
        With::new(
            CreateOpts::new("net1").admin_state_up(true),
            Provider::vlan("public", 2),
        ),
        QosPolicyId::default().qos_policy_id("6a8454ade84346f59e8d40665f878b2e"),
    );
    let net = networks::create(&client, &opts)
        .await
        .extract_into::<With<Network, Provider>>()
        .unwrap();
    assert_eq!(net.ext.network_type.as_deref(), Some("vlan"));
    assert_eq!(net.ext.segmentation_id, Some(2));

    Mock::given(method("GET"))
        .and(path(
            "/network/v2.0/networks/4e8e5957-649f-477b-9e5b-f1f75b21c03c",
        ))
        .respond_with(reply(S, 200, "network-multi-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let net = networks::get(&client, "4e8e5957-649f-477b-9e5b-f1f75b21c03c")
        .await
        .extract_into::<With<Network, Provider>>()
        .unwrap();
    let segments = net.ext.segments.unwrap();
    assert_eq!(segments.len(), 2);
    assert_eq!(segments[1].network_type.as_deref(), Some("flat"));
}

#[tokio::test]
async fn bulk_create_sends_every_network_and_refuses_an_empty_list() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/networks"))
        .and(body_json(sample_json(&format!(
            "{S}/networks-bulk-create-request.json"
        ))))
        .respond_with(reply(S, 201, "networks-bulk-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let qos = || QosPolicyId::default().qos_policy_id("6a8454ade84346f59e8d40665f878b2e");
    let opts = [
        With::new(
            CreateOpts::new("sample_network3").admin_state_up(true),
            qos(),
        ),
        With::new(
            CreateOpts::new("sample_network4").admin_state_up(true),
            qos(),
        ),
    ];
    let nets = networks::create_bulk(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(nets.len(), 2);
    assert_eq!(nets[1].name, "sample_network4");

    let none: [CreateOpts; 0] = [];
    let err = networks::create_bulk(&client, &none)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn list_sends_filters_sorting_and_tags_and_follows_links() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let uri = server.uri();
    let mut first = sample_json(&format!("{S}/networks-list-response.json"));
    let second_net = first["networks"][1].clone();
    first["networks"].as_array_mut().unwrap().truncate(1);
    first["networks_links"] = json!([{"rel": "next",
        "href": format!("{uri}/network/v2.0/networks?limit=1&marker=m1&shared=false")}]);
    Mock::given(method("GET"))
        .and(path("/network/v2.0/networks"))
        .and(query_param("shared", "false"))
        .and(query_param("router:external", "false"))
        .and(query_param("sort_key", "name"))
        .and(query_param("sort_dir", "desc"))
        .and(query_param("limit", "1"))
        .and(query_param("tags-any", "a,b"))
        .and(query_param("dns_domain", "example.org."))
        .and(wiremock::matchers::query_param_is_missing("marker"))
        .respond_with(ResponseTemplate::new(200).set_body_json(first))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/networks"))
        .and(query_param("marker", "m1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"networks": [second_net], "networks_links": []})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        shared: Some(false),
        external: Some(false),
        controls: ListControls::default()
            .sort("name", SortDir::Desc)
            .limit(1)
            .tags_any(["a", "b"])
            .filter("dns_domain", "example.org."),
        ..ListOpts::default()
    };
    let all = networks::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_ne!(all[0].id, all[1].id);
}

#[tokio::test]
async fn update_if_revision_sends_if_match_and_a_412_is_matchable() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "1f370095-98f6-4079-be64-6d3d4a6adcc6";
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/networks/{id}")))
        .and(header("If-Match", "revision_number=4"))
        .and(body_json(json!({"network": {"name": "renamed"}})))
        .respond_with(
            ResponseTemplate::new(412).set_body_json(json!({"NeutronError": {
            "type": "RevisionNumberConstraintFailed",
            "message": "Constrained to 4, but current revision is 5",
            "detail": ""}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let err = networks::update_if_revision(&client, id, 4, &UpdateOpts::default().name("renamed"))
        .await
        .extract()
        .unwrap_err();
    assert!(err.is_precondition_failed(), "{err}");
    assert!(err.to_string().contains("current revision is 5"), "{err}");

    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/networks/{id}")))
        .and(body_json(request_sample("network-update-request.json")))
        .respond_with(reply(S, 200, "network-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = With::new(
        With::new(
            With::new(
                UpdateOpts::default().name("sample_network_5_updated"),
                DnsDomain::default().dns_domain("my-domain.org."),
            ),
            QosPolicyId::default().qos_policy_id("6a8454ade84346f59e8d40665f878b2e"),
        ),
        Mtu::default().mtu(1300u32),
    );
    let net = networks::update(&client, id, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(net.id, id);
}

#[tokio::test]
async fn find_by_name_and_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/networks/private"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({"NeutronError": {
            "type": "NetworkNotFound", "message": "Network private could not be found.", "detail": ""}})))
        .expect(1)
        .mount(&server)
        .await;
    let mut listed = sample_json(&format!("{S}/networks-list-response.json"));
    listed["networks"].as_array_mut().unwrap().truncate(1);
    listed["networks"][0]["name"] = json!("private");
    let id = listed["networks"][0]["id"].as_str().unwrap().to_string();
    Mock::given(method("GET"))
        .and(path("/network/v2.0/networks"))
        .and(query_param("name", "private"))
        .respond_with(ResponseTemplate::new(200).set_body_json(listed))
        .expect(1)
        .mount(&server)
        .await;
    let found = networks::find(&client, "private").await.unwrap();
    assert_eq!(
        (found.name.as_str(), found.id.as_str()),
        ("private", id.as_str())
    );

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/networks/{id}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    networks::delete(&client, &id).await.ok().unwrap();
}
