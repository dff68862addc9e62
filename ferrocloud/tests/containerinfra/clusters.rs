//! Clusters, their actions and waiters.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::containerinfra::v1::clusters::{
    self, ClusterStatus, CreateOpts, ResizeOpts, UpgradeOpts,
};
use ferrocloud::patch::Patch;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{Expect, expect, magnum, quick, sample};

const ID: &str = "746e779a-751a-456b-a3e9-c883d734946f";

#[tokio::test]
async fn create_answers_the_uuid() {
    let server = MockServer::start().await;
    let client = magnum(&server).await;
    expect(
        &server,
        "POST",
        "clusters",
        Expect {
            body: Some(json!({"name": "k8s", "master_count": 2, "node_count": 2,
            "cluster_template_id": "0562d357-8641-4759-8fed-8173f02c9633",
            "create_timeout": 60, "keypair": "my_keypair", "labels": {}})),
            status: 202,
            answer: Some(sample("cluster-create-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let opts: CreateOpts = serde_json::from_value(sample("cluster-create-req.json")).unwrap();
    let id = clusters::create(&client, &opts).await.extract().unwrap();
    assert_eq!(id.uuid, ID);
}

#[tokio::test]
async fn list_follows_next_and_get_reads_the_detail() {
    let server = MockServer::start().await;
    let client = magnum(&server).await;
    let mut first = sample("cluster-get-all-resp.json");
    first["next"] = json!(format!(
        "{}/magnum/v1/clusters?limit=1&marker=731387cf",
        server.uri()
    ));
    expect(
        &server,
        "GET",
        "clusters",
        Expect {
            query: &[("limit", "1"), ("marker", "731387cf")],
            answer: Some(json!({"clusters": []})),
            ..Default::default()
        },
    )
    .await;
    expect(
        &server,
        "GET",
        "clusters",
        Expect {
            query: &[("sort_key", "name")],
            answer: Some(first),
            ..Default::default()
        },
    )
    .await;
    let opts = ferrocloud::openstack::containerinfra::v1::common::ListOpts {
        sort_key: Some("name".into()),
        ..Default::default()
    };
    let all = clusters::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].status, ClusterStatus::CreateInProgress);
    assert_eq!(
        all[0].stack_id.as_deref(),
        Some("31c1ee6c-081e-4f39-9f0f-f1d87a7defa1")
    );

    expect(
        &server,
        "GET",
        &format!("clusters/{ID}"),
        Expect {
            answer: Some(sample("cluster-get-one-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let c = clusters::get(&client, ID).await.extract().unwrap();
    assert_eq!(c.api_address.as_deref(), Some("https://172.24.4.6:6443"));
    assert_eq!(c.node_addresses, ["172.24.4.13"]);
    assert_eq!(c.coe_version.as_deref(), Some("v1.2.0"));
}

#[tokio::test]
async fn update_and_delete() {
    let server = MockServer::start().await;
    let client = magnum(&server).await;
    expect(
        &server,
        "PATCH",
        &format!("clusters/{ID}"),
        Expect {
            body: Some(sample("cluster-update-req.json")),
            status: 202,
            answer: Some(sample("cluster-create-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let id = clusters::update(&client, ID, &Patch::new().replace("/node_count", 2))
        .await
        .extract()
        .unwrap();
    assert_eq!(id.uuid, ID);
    expect(
        &server,
        "DELETE",
        &format!("clusters/{ID}"),
        Expect {
            status: 204,
            ..Default::default()
        },
    )
    .await;
    clusters::delete(&client, ID).await.ok().unwrap();
}

#[tokio::test]
async fn resize_and_upgrade_send_their_microversion() {
    let server = MockServer::start().await;
    let client = magnum(&server).await;
    let refused = clusters::resize(&client, ID, &ResizeOpts::new(3))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);

    expect(
        &server,
        "POST",
        &format!("clusters/{ID}/actions/resize"),
        Expect {
            headers: &[("OpenStack-API-Version", "container-infra 1.7")],
            body: Some(json!({"node_count": 3,
            "nodes_to_remove": ["e74c40e0-d825-11e2-a28f-0800200c9a66"],
            "nodegroup": "production_group"})),
            status: 202,
            answer: Some(sample("cluster-resize-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let opts = ResizeOpts {
        nodes_to_remove: vec!["e74c40e0-d825-11e2-a28f-0800200c9a66".into()],
        nodegroup: Some("production_group".into()),
        ..ResizeOpts::new(3)
    };
    let id = clusters::resize(&client.with_microversion("1.7"), ID, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(id.uuid, ID);

    expect(
        &server,
        "POST",
        &format!("clusters/{ID}/actions/upgrade"),
        Expect {
            headers: &[("OpenStack-API-Version", "container-infra 1.8")],
            body: Some(
                json!({"cluster_template": "e74c40e0-d825-11e2-a28f-0800200c9a66",
            "max_batch_size": 1, "nodegroup": "production_group"}),
            ),
            status: 202,
            answer: Some(sample("cluster-upgrade-resp.json")),
            ..Default::default()
        },
    )
    .await;
    // `new` sends one node at a time: Magnum answers 500 without max_batch_size.
    let opts = UpgradeOpts {
        nodegroup: Some("production_group".into()),
        ..UpgradeOpts::new("e74c40e0-d825-11e2-a28f-0800200c9a66")
    };
    let id = clusters::upgrade(&client.with_microversion("1.8"), ID, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(id.uuid, ID);
}

#[tokio::test]
async fn waiters_report_the_status_reason() {
    let server = MockServer::start().await;
    let client = magnum(&server).await;
    let mut failed = sample("cluster-get-one-resp.json");
    failed["status"] = json!("CREATE_FAILED");
    failed["status_reason"] = json!("Resource CREATE failed: quota exceeded");
    Mock::given(method("GET"))
        .and(path(format!("/magnum/v1/clusters/{ID}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(&failed))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    let e = clusters::wait_for_status(&client, ID, &quick())
        .await
        .unwrap_err();
    assert!(e.to_string().contains("quota exceeded"), "{e}");

    Mock::given(method("GET"))
        .and(path(format!("/magnum/v1/clusters/{ID}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(sample("cluster-get-one-resp.json")))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    let c = clusters::wait_for_status(&client, ID, &quick())
        .await
        .unwrap();
    assert_eq!(c.status, ClusterStatus::CreateComplete);

    Mock::given(method("GET"))
        .and(path(format!("/magnum/v1/clusters/{ID}")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    clusters::wait_for_delete(&client, ID, &quick())
        .await
        .unwrap();
}
