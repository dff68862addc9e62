//! Quotas, stats, Magnum's services and the versions.

use ferrocloud::openstack::containerinfra::v1::mservices::{self, ServiceState};
use ferrocloud::openstack::containerinfra::v1::quotas::{self, ListOpts, QuotaOpts};
use ferrocloud::openstack::containerinfra::v1::{stats, versions};
use wiremock::MockServer;

use crate::{Expect, expect, magnum, sample};

const PROJECT: &str = "aa5436ab58144c768ca4e9d2e9f5c3b2";

#[tokio::test]
async fn quotas_round_trip() {
    let server = MockServer::start().await;
    let client = magnum(&server).await;
    let opts = QuotaOpts::new(PROJECT, "Cluster", 10);
    expect(
        &server,
        "POST",
        "quotas",
        Expect {
            body: Some(sample("quota-create-req.json")),
            status: 201,
            answer: Some(sample("quota-create-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let q = quotas::create(&client, &opts).await.extract().unwrap();
    assert_eq!((q.id, q.hard_limit), (Some(26), 1));
    assert!(q.updated_at.is_none());

    expect(
        &server,
        "GET",
        "quotas",
        Expect {
            query: &[("all_tenants", "true")],
            answer: Some(sample("quota-get-all-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let all = quotas::list(
        &client,
        &ListOpts {
            all_tenants: Some(true),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(all[0].resource, "Cluster");

    let one = format!("quotas/{PROJECT}/Cluster");
    expect(
        &server,
        "GET",
        &one,
        Expect {
            answer: Some(sample("quota-get-one-resp.json")),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        quotas::get(&client, PROJECT, "Cluster")
            .await
            .extract()
            .unwrap()
            .hard_limit,
        10
    );

    expect(
        &server,
        "PATCH",
        &one,
        Expect {
            body: Some(sample("quota-update-req.json")),
            status: 202,
            answer: Some(sample("quota-update-resp.json")),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        quotas::update(&client, &opts)
            .await
            .extract()
            .unwrap()
            .project_id,
        PROJECT
    );

    expect(
        &server,
        "DELETE",
        &one,
        Expect {
            status: 204,
            ..Default::default()
        },
    )
    .await;
    quotas::delete(&client, PROJECT, "Cluster")
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn stats_and_services() {
    let server = MockServer::start().await;
    let client = magnum(&server).await;
    expect(
        &server,
        "GET",
        "stats",
        Expect {
            query: &[("project_id", PROJECT)],
            answer: Some(sample("stats-get-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let s = stats::get_project(&client, PROJECT)
        .await
        .extract()
        .unwrap();
    assert_eq!((s.clusters, s.nodes), (1, 2));
    let server2 = MockServer::start().await;
    let client2 = magnum(&server2).await;
    expect(
        &server2,
        "GET",
        "stats",
        Expect {
            answer: Some(sample("stats-get-resp.json")),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(stats::get(&client2).await.extract().unwrap().nodes, 2);

    expect(
        &server,
        "GET",
        "mservices",
        Expect {
            answer: Some(sample("mservice-get-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let all = mservices::list(&client).all().await.unwrap();
    assert_eq!(all[0].binary, "magnum-conductor");
    assert_eq!(all[0].state, ServiceState::Up);
    assert_eq!(all[0].report_count, 2179);
}

#[tokio::test]
async fn versions() {
    let server = MockServer::start().await;
    let client = magnum(&server).await;
    expect(
        &server,
        "GET",
        "/",
        Expect {
            answer: Some(sample("versions-get-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let v = versions::list(&client).await.extract().unwrap();
    assert_eq!(v.versions[0].max_version, "1.4");
    assert_eq!(v.name, "OpenStack Magnum API");
    expect(
        &server,
        "GET",
        "",
        Expect {
            answer: Some(sample("versions-01-get-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let d = versions::get(&client).await.extract().unwrap();
    assert_eq!(d.id, "v1");
    assert_eq!(d.clusters[0].rel, "self");
}
