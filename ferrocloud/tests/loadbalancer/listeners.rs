//! Listeners and their statistics.

use std::collections::BTreeMap;

use ferrocloud::openstack::loadbalancer::v2::common::{Protocol, ProvisioningStatus};
use ferrocloud::openstack::loadbalancer::v2::listeners::{
    self, ClientAuthentication, CreateOpts, UpdateOpts,
};
use serde_json::json;
use wiremock::MockServer;

use crate::{expect, lb, sample};

const L: &str = "023f2e34-7806-443b-bfae-16c324569a3d";
const BARBICAN: &str = "http://198.51.100.10:9311/v1/containers";

#[tokio::test]
async fn create_get_update_delete_stats() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    // The sample, with its port written as the integer the API takes.
    let mut request = sample("listener-create-request.json");
    request["listener"]["protocol_port"] = json!(443);
    expect(
        &server,
        "POST",
        "lbaas/listeners",
        Some(request),
        201,
        Some("listener-create-response.json"),
    )
    .await;
    let opts = CreateOpts {
        description: Some("A great TLS listener".into()),
        admin_state_up: Some(true),
        connection_limit: Some(200),
        name: Some("great_tls_listener".into()),
        insert_headers: BTreeMap::from([
            ("X-Forwarded-For".into(), "true".into()),
            ("X-Forwarded-Port".into(), "true".into()),
        ]),
        default_tls_container_ref: Some(format!("{BARBICAN}/a570068c-d295-4780-91d4-3046a325db51")),
        sni_container_refs: vec![
            format!("{BARBICAN}/a570068c-d295-4780-91d4-3046a325db51"),
            format!("{BARBICAN}/aaebb31e-7761-4826-8cb4-2b829caca3ee"),
        ],
        timeout_client_data: Some(50000),
        timeout_member_connect: Some(5000),
        timeout_member_data: Some(50000),
        timeout_tcp_inspect: Some(0),
        tags: vec!["test_tag".into()],
        client_ca_tls_container_ref: Some(format!(
            "{BARBICAN}/35649991-49f3-4625-81ce-2465fe8932e5"
        )),
        client_authentication: Some(ClientAuthentication::Mandatory),
        client_crl_container_ref: Some(format!("{BARBICAN}/e222b065-b93b-4e2a-9a02-804b7a118c3c")),
        allowed_cidrs: vec!["192.0.2.0/24".into(), "198.51.100.0/24".into()],
        tls_ciphers: Some("ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256".into()),
        tls_versions: vec!["TLSv1.2".into(), "TLSv1.3".into()],
        alpn_protocols: vec!["http/1.1".into(), "http/1.0".into()],
        hsts_include_subdomains: Some(true),
        hsts_max_age: Some(31536000),
        hsts_preload: Some(true),
        ..CreateOpts::new(
            "607226db-27ef-4d41-ae89-f2a800e9c2db",
            Protocol::TerminatedHttps,
            443,
        )
    };
    let created = listeners::create(&client, &opts).await.extract().unwrap();
    assert_eq!(created.protocol, Protocol::TerminatedHttps);
    assert_eq!(
        created.provisioning_status,
        ProvisioningStatus::PendingCreate
    );

    expect(
        &server,
        "GET",
        &format!("lbaas/listeners/{L}"),
        None,
        200,
        Some("listener-show-response.json"),
    )
    .await;
    let got = listeners::get(&client, L).await.extract().unwrap();
    assert_eq!(
        got.client_authentication,
        Some(ClientAuthentication::Mandatory)
    );
    assert_eq!(got.sni_container_refs.len(), 2);
    assert_eq!(got.insert_headers["X-Forwarded-Port"], "true");
    assert_eq!(
        got.loadbalancers[0].id,
        "607226db-27ef-4d41-ae89-f2a800e9c2db"
    );
    assert_eq!(got.allowed_cidrs, ["192.0.2.0/24", "198.51.100.0/24"]);
    assert_eq!(got.hsts_max_age, Some(31536000));

    expect(
        &server,
        "PUT",
        &format!("lbaas/listeners/{L}"),
        Some(sample("listener-update-request.json")),
        200,
        Some("listener-update-response.json"),
    )
    .await;
    let update: UpdateOpts =
        serde_json::from_value(sample("listener-update-request.json")["listener"].clone()).unwrap();
    assert_eq!(update.client_ca_tls_container_ref, Some(None));
    let updated = listeners::update(&client, L, &update)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        updated.provisioning_status,
        ProvisioningStatus::PendingUpdate
    );

    expect(
        &server,
        "DELETE",
        &format!("lbaas/listeners/{L}"),
        None,
        204,
        None,
    )
    .await;
    listeners::delete(&client, L).await.ok().unwrap();

    expect(
        &server,
        "GET",
        &format!("lbaas/listeners/{L}/stats"),
        None,
        200,
        Some("listener-stats-response.json"),
    )
    .await;
    assert_eq!(
        listeners::stats(&client, L)
            .await
            .extract()
            .unwrap()
            .total_connections,
        26189172
    );

    expect(
        &server,
        "GET",
        "lbaas/listeners",
        None,
        200,
        Some("listeners-list-response.json"),
    )
    .await;
    let all = listeners::extract_listeners(
        &listeners::list(&client, &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all[0].id, L);
    server.verify().await;
}

#[tokio::test]
async fn a_listener_without_its_load_balancer_is_refused() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    let err = listeners::create(&client, &CreateOpts::in_tree(Protocol::Http, 80))
        .await
        .extract()
        .unwrap_err();
    assert!(err.to_string().contains("loadbalancer_id"), "{err}");
}
