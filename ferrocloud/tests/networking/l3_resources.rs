//! Conntrack helpers, NDP proxies, local IPs with their port associations, and the
//! auto-allocated topology, against the official samples.

use crate::common::*;
use crate::{expect, network, reply, request};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::local_ips::{self, IpMode};
use ferrocloud::openstack::networking::v2::{
    auto_allocated_topology, conntrack_helpers, ndp_proxies,
};
use serde_json::json;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const V2: &str = "network/api-ref/source/v2/samples";
const ROUTER: &str = "915a14a6-867b-4af7-83d1-70efceb146f9";

#[tokio::test]
async fn conntrack_helpers_crud() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "2fc1eebb-e0fa-4c40-868a-7ace444717e1";
    let base = format!("/routers/{ROUTER}/conntrack_helpers");
    expect(
        &server,
        "POST",
        format!("/network/v2.0{}", &base),
        Some(request(
            V2,
            "conntrack_helpers/conntrack-helper-create-request.json",
        )),
        reply(
            V2,
            201,
            "conntrack_helpers/conntrack-helper-create-response.json",
        ),
    )
    .await;
    let created = conntrack_helpers::create(
        &client,
        ROUTER,
        &conntrack_helpers::CreateOpts::new("udp", 2121, "ftp"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((created.helper.as_str(), created.port), ("ftp", 21));

    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0{base}")))
        .and(query_param("helper", "tftp"))
        .respond_with(reply(
            V2,
            200,
            "conntrack_helpers/conntrack-helper-list-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = conntrack_helpers::ListOpts {
        helper: Some("tftp".into()),
        ..Default::default()
    };
    let listed = conntrack_helpers::list(&client, ROUTER, &opts)
        .all()
        .await
        .unwrap();
    assert_eq!(
        listed.iter().map(|h| h.port).collect::<Vec<_>>(),
        [6969, 21]
    );

    expect(
        &server,
        "GET",
        format!("/network/v2.0{base}/{id}"),
        None,
        reply(
            V2,
            200,
            "conntrack_helpers/conntrack-helper-show-response.json",
        ),
    )
    .await;
    let shown = conntrack_helpers::get(&client, ROUTER, id)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.protocol, "tcp");

    expect(
        &server,
        "PUT",
        format!("/network/v2.0{base}/{id}"),
        Some(request(
            V2,
            "conntrack_helpers/conntrack-helper-update-request.json",
        )),
        reply(
            V2,
            200,
            "conntrack_helpers/conntrack-helper-update-response.json",
        ),
    )
    .await;
    let opts = conntrack_helpers::UpdateOpts::default()
        .helper("tftp")
        .protocol("udp")
        .port(69);
    let updated = conntrack_helpers::update(&client, ROUTER, id, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!((updated.helper.as_str(), updated.port), ("tftp", 69));

    expect(
        &server,
        "DELETE",
        format!("/network/v2.0{base}/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    conntrack_helpers::delete(&client, ROUTER, id)
        .await
        .ok()
        .unwrap();

    let err = conntrack_helpers::update(
        &client,
        ROUTER,
        id,
        &conntrack_helpers::UpdateOpts::default().port(0),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn ndp_proxies_crud_and_find() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "b930d7f6-ceb7-40a0-8b81-a425dd994ccf";
    expect(
        &server,
        "POST",
        "/network/v2.0/ndp_proxies",
        Some(request(V2, "ndp_proxies/ndp-proxy-create-request.json")),
        reply(V2, 201, "ndp_proxies/ndp-proxy-create-response.json"),
    )
    .await;
    let opts = ndp_proxies::CreateOpts::new(
        "1238be08-a2a8-4b8d-addf-fb5e2250e480",
        "6738be23-a398-445d-aaaf-785e4550e4cb",
    )
    .name("ndp_proxy1")
    .ip_address("2001::1:6")
    .description("Some description");
    let created = ndp_proxies::create(&client, &opts).await.extract().unwrap();
    assert_eq!((created.id.as_str(), created.revision_number), (id, 0));

    Mock::given(method("GET"))
        .and(path("/network/v2.0/ndp_proxies"))
        .and(query_param("router_id", ROUTER))
        .respond_with(reply(V2, 200, "ndp_proxies/ndp-proxies-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ndp_proxies::ListOpts {
        router_id: Some(ROUTER.into()),
        ..Default::default()
    };
    let listed = ndp_proxies::list(&client, &opts).all().await.unwrap();
    assert_eq!(listed[1].ip_address, "2001::1:67");

    expect(
        &server,
        "GET",
        format!("/network/v2.0/ndp_proxies/{id}"),
        None,
        reply(V2, 200, "ndp_proxies/ndp-proxy-show-response.json"),
    )
    .await;
    assert_eq!(ndp_proxies::find(&client, id).await.unwrap().name, "proxy1");

    expect(
        &server,
        "PUT",
        format!("/network/v2.0/ndp_proxies/{id}"),
        Some(request(V2, "ndp_proxies/ndp-proxy-update-request.json")),
        reply(V2, 200, "ndp_proxies/ndp-proxy-update-response.json"),
    )
    .await;
    let opts = ndp_proxies::UpdateOpts::default()
        .name("new-name")
        .description("balabalabala");
    let updated = ndp_proxies::update(&client, id, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (updated.name.as_str(), updated.revision_number),
        ("new-name", 3)
    );

    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/ndp_proxies/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    ndp_proxies::delete(&client, id).await.ok().unwrap();
}

#[tokio::test]
async fn local_ips_crud_and_port_associations() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "d23abc8d-2991-4a55-ba98-2aaea84cc72f";
    expect(
        &server,
        "POST",
        "/network/v2.0/local_ips",
        Some(request(V2, "local_ips/local_ip-create-request.json")),
        reply(V2, 201, "local_ips/local_ip-create-response.json"),
    )
    .await;
    let opts = local_ips::CreateOpts::on_network("ce705c24-c1ef-408a-bda3-7bbd946164ab")
        .name("test_local_ip")
        .description("local ip for testing")
        .local_ip_address("172.24.4.228")
        .ip_mode(IpMode::Translate);
    let created = local_ips::create(&client, &opts).await.extract().unwrap();
    assert_eq!(
        (created.id.as_str(), created.ip_mode),
        (id, IpMode::Translate)
    );

    Mock::given(method("GET"))
        .and(path("/network/v2.0/local_ips"))
        .and(query_param("ip_mode", "passthrough"))
        .respond_with(reply(V2, 200, "local_ips/local-ips-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = local_ips::ListOpts {
        ip_mode: Some(IpMode::Passthrough),
        ..Default::default()
    };
    let listed = local_ips::list(&client, &opts).all().await.unwrap();
    assert_eq!(listed[1].ip_mode, IpMode::Passthrough);

    expect(
        &server,
        "GET",
        format!("/network/v2.0/local_ips/{id}"),
        None,
        reply(V2, 200, "local_ips/local_ip-show-response.json"),
    )
    .await;
    assert_eq!(
        local_ips::get(&client, id)
            .await
            .extract()
            .unwrap()
            .local_port_id,
        "2f245a7b-796b-4f26-9cf9-9e82d248fda7"
    );

    expect(
        &server,
        "PUT",
        format!("/network/v2.0/local_ips/{id}"),
        Some(request(V2, "local_ips/local_ip-update-request.json")),
        reply(V2, 200, "local_ips/local_ip-update-response.json"),
    )
    .await;
    let opts = local_ips::UpdateOpts::default()
        .name("new_name")
        .description("new description");
    assert_eq!(
        local_ips::update(&client, id, &opts)
            .await
            .extract()
            .unwrap()
            .name,
        "new_name"
    );

    let assoc = "/local_ips/8c5d88dc-60ac-4b02-a65a-36b65888ddcd/port_associations";
    let lip = "8c5d88dc-60ac-4b02-a65a-36b65888ddcd";
    expect(
        &server,
        "POST",
        format!("/network/v2.0{}", assoc),
        Some(request(
            V2,
            "local_ips/local_ip_association-create-request.json",
        )),
        reply(
            V2,
            201,
            "local_ips/local_ip_association-create-response.json",
        ),
    )
    .await;
    let opts = local_ips::AssociationOpts::new("96227c78-6a0c-4d9d-b441-c4b8f6fb6c4a")
        .fixed_ip("10.0.0.5");
    let a = local_ips::create_port_association(&client, lip, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (a.fixed_ip.as_str(), a.host.as_deref()),
        ("10.0.0.5", Some("host1"))
    );

    expect(
        &server,
        "GET",
        format!("/network/v2.0{}", assoc),
        None,
        reply(
            V2,
            200,
            "local_ips/local-ip-list-associations-response.json",
        ),
    )
    .await;
    let all = local_ips::list_port_associations(&client, lip, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|a| a.fixed_ip.as_str()).collect::<Vec<_>>(),
        ["10.0.0.5", "10.0.0.6"]
    );

    expect(
        &server,
        "DELETE",
        format!("/network/v2.0{assoc}/96227c78-6a0c-4d9d-b441-c4b8f6fb6c4a"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    local_ips::delete_port_association(&client, lip, "96227c78-6a0c-4d9d-b441-c4b8f6fb6c4a")
        .await
        .ok()
        .unwrap();

    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/local_ips/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    local_ips::delete(&client, id).await.ok().unwrap();

    let err = local_ips::create(&client, &local_ips::CreateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn auto_allocated_topology_validate_get_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let project = "7623217f-dd15-44ec-994a-581a6e41c113";
    // Neutron wraps the sample's object in `auto_allocated_topology` and adds project_id.
    let mut body = sample_json(&format!("{V2}/auto-topology/topo-show-response.json"));
    body["project_id"] = json!(project);
    Mock::given(method("GET"))
        .and(path(format!(
            "/network/v2.0/auto-allocated-topology/{project}"
        )))
        .and(query_param("fields", "dry-run"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"auto_allocated_topology":
            {"id": "dry-run=pass", "tenant_id": project, "project_id": project}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let checked = auto_allocated_topology::validate(&client, project)
        .await
        .extract()
        .unwrap();
    assert_eq!(checked.id, "dry-run=pass");
    Mock::given(method("GET"))
        .and(path(format!(
            "/network/v2.0/auto-allocated-topology/{project}"
        )))
        .and(query_param_is_missing("fields"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"auto_allocated_topology": body})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let topology = auto_allocated_topology::get(&client, project)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (topology.id.as_str(), topology.project_id.as_str()),
        ("31483d41-5c2b-481c-beef-ab501bd2e0da", project)
    );
    Mock::given(method("DELETE"))
        .and(path(format!(
            "/network/v2.0/auto-allocated-topology/{project}"
        )))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    auto_allocated_topology::delete(&client, project)
        .await
        .ok()
        .unwrap();
}
