//! Cluster templates.

use ferrocloud::openstack::containerinfra::v1::clustertemplates::{self, CreateOpts};
use ferrocloud::patch::Patch;
use serde_json::json;
use wiremock::MockServer;

use crate::{Expect, expect, magnum, sample};

const ID: &str = "085e1c4d-4f68-4bfd-8462-74b9e14e4f39";

#[tokio::test]
async fn create_sends_the_sample() {
    let server = MockServer::start().await;
    let client = magnum(&server).await;
    let req = sample("clustertemplate-create-req.json");
    expect(
        &server,
        "POST",
        "clustertemplates",
        Expect {
            body: Some(json!({
            "labels": {}, "no_proxy": "10.0.0.0/8,172.0.0.0/8,192.0.0.0/8,localhost",
            "https_proxy": "http://10.164.177.169:8080", "tls_disabled": false,
            "keypair_id": "kp", "public": false, "http_proxy": "http://10.164.177.169:8080",
            "docker_volume_size": 3, "server_type": "vm", "external_network_id": "public",
            "image_id": "fedora-atomic-latest", "volume_driver": "cinder",
            "registry_enabled": false, "docker_storage_driver": "devicemapper",
            "name": "k8s-bm2", "network_driver": "flannel", "coe": "kubernetes",
            "flavor_id": "m1.small", "master_lb_enabled": true, "dns_nameserver": "8.8.8.8"})),
            status: 201,
            answer: Some(sample("clustertemplate-create-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let opts: CreateOpts = serde_json::from_value(req).unwrap();
    let t = clustertemplates::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(t.uuid, ID);
    assert_eq!(t.cluster_distro, "fedora-atomic");
    assert_eq!(t.apiserver_port, None);
    assert!(t.master_lb_enabled && !t.tls_disabled);
    assert_eq!(t.docker_volume_size, Some(3));
}

#[tokio::test]
async fn create_refuses_missing_fields() {
    let server = MockServer::start().await;
    let client = magnum(&server).await;
    let e = clustertemplates::create(&client, &CreateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert!(e.to_string().contains("coe"), "{e}");
}

#[tokio::test]
async fn list_get_update_delete() {
    let server = MockServer::start().await;
    let client = magnum(&server).await;
    expect(
        &server,
        "GET",
        "clustertemplates",
        Expect {
            query: &[("limit", "1")],
            answer: Some(sample("clustertemplate-get-all-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let opts = ferrocloud::openstack::containerinfra::v1::common::ListOpts {
        limit: Some(1),
        ..Default::default()
    };
    let all = clustertemplates::list(&client, &opts).all().await.unwrap();
    assert_eq!(all[0].name, "k8s-bm");
    assert_eq!(all[0].coe, "kubernetes");

    expect(
        &server,
        "GET",
        &format!("clustertemplates/{ID}"),
        Expect {
            answer: Some(sample("clustertemplate-create-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let t = clustertemplates::get(&client, ID).await.extract().unwrap();
    assert_eq!(t.external_network_id, "public");

    expect(
        &server,
        "PATCH",
        &format!("clustertemplates/{ID}"),
        Expect {
            body: Some(sample("clustertemplate-update-req.json")),
            answer: Some(sample("clustertemplate-create-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let patch = Patch::new()
        .replace("/master_lb_enabled", "True")
        .replace("/registry_enabled", "True");
    let t = clustertemplates::update(&client, ID, &patch)
        .await
        .extract()
        .unwrap();
    assert_eq!(t.name, "k8s-bm2");

    expect(
        &server,
        "DELETE",
        &format!("clustertemplates/{ID}"),
        Expect {
            status: 204,
            ..Default::default()
        },
    )
    .await;
    clustertemplates::delete(&client, ID).await.ok().unwrap();
}
