//! Every service of the devcloud through the SDK's pipeline: found in the catalog,
//! authenticated by the token, one round trip each, including streamed uploads and
//! downloads (Glance, Swift) — and a connection made from the devcloud's clouds.yaml.

use std::time::Duration;

use crate::support::*;
use bytes::Bytes;
use ferrocloud::http::Method;
use ferrocloud::wait::{State, WaitOpts, wait_for};
use ferrocloud::{Op, Operation, ServiceClient, openstack};
use futures::TryStreamExt;
use serde_json::{Value, json};

static PROBE_IDENTITY: Operation = Operation::new("identity", Method::GET, "/auth/catalog");
static PROBE_COMPUTE: Operation = Operation::new("compute", Method::GET, "/flavors");
static PROBE_NETWORK: Operation = Operation::new("network", Method::GET, "/networks");
static PROBE_VOLUME: Operation = Operation::new("block-storage", Method::GET, "/volumes");
static PROBE_IMAGE: Operation = Operation::new("image", Method::GET, "/images");
static PROBE_OBJECTS: Operation = Operation::new("object-store", Method::GET, "/");
static PROBE_PLACEMENT: Operation = Operation::new("placement", Method::GET, "/resource_providers");

static IMAGES: Op<Value> = Op::new(Operation::new("image", Method::POST, "/images"));
static IMAGE: Op<Value> = Op::new(Operation::new("image", Method::GET, "/images/{image_id}"));
static IMAGE_DELETE: Operation = Operation::new("image", Method::DELETE, "/images/{image_id}");
static IMAGE_FILE_PUT: Operation = Operation::new("image", Method::PUT, "/images/{image_id}/file");
static IMAGE_FILE_GET: Operation = Operation::new("image", Method::GET, "/images/{image_id}/file");

static CONTAINER_PUT: Operation = Operation::new("object-store", Method::PUT, "/{container}");
static CONTAINER_DELETE: Operation = Operation::new("object-store", Method::DELETE, "/{container}");
static OBJECT_PUT: Operation = Operation::new("object-store", Method::PUT, "/{container}/{object}");
static OBJECT_GET: Operation = Operation::new("object-store", Method::GET, "/{container}/{object}");
static OBJECT_DELETE: Operation =
    Operation::new("object-store", Method::DELETE, "/{container}/{object}");

static NETWORKS: Op<Value> = Op::new(Operation::new("network", Method::POST, "/networks"));
static NETWORK_DELETE: Operation =
    Operation::new("network", Method::DELETE, "/networks/{network_id}");
static SUBNETS: Operation = Operation::new("network", Method::POST, "/subnets");
static PORTS: Op<Value> = Op::new(Operation::new("network", Method::POST, "/ports"));
static PORT_DELETE: Operation = Operation::new("network", Method::DELETE, "/ports/{port_id}");

static VOLUMES: Op<Value> = Op::new(Operation::new("block-storage", Method::POST, "/volumes"));
static VOLUME: Op<Value> = Op::new(Operation::new(
    "block-storage",
    Method::GET,
    "/volumes/{volume_id}",
));
static VOLUME_DELETE: Operation =
    Operation::new("block-storage", Method::DELETE, "/volumes/{volume_id}");

fn stream_of(
    data: Vec<u8>,
) -> impl futures::Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static {
    let chunks: Vec<Result<Bytes, std::io::Error>> = data
        .chunks(64 * 1024)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    futures::stream::iter(chunks)
}

async fn download(resp: ferrocloud::request::StreamingResponse) -> Vec<u8> {
    let mut out = Vec::new();
    let mut s = resp.bytes_stream();
    while let Some(chunk) = s.try_next().await.unwrap() {
        out.extend_from_slice(&chunk);
    }
    out
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn every_service_is_in_the_catalog_and_accepts_the_token() {
    let provider = member().await;
    let admin = admin().await;
    let clients: Vec<(&str, ServiceClient, &'static Operation)> = vec![
        (
            "identity",
            openstack::new_identity_v3(&provider, region()).unwrap(),
            &PROBE_IDENTITY,
        ),
        (
            "compute",
            openstack::new_compute_v2(&provider, region()).unwrap(),
            &PROBE_COMPUTE,
        ),
        (
            "network",
            openstack::new_network_v2(&provider, region()).unwrap(),
            &PROBE_NETWORK,
        ),
        (
            "block-storage",
            openstack::new_block_storage_v3(&provider, region()).unwrap(),
            &PROBE_VOLUME,
        ),
        (
            "image",
            openstack::new_image_v2(&provider, region()).unwrap(),
            &PROBE_IMAGE,
        ),
        (
            "object-store",
            openstack::new_object_storage_v1(&provider, region()).unwrap(),
            &PROBE_OBJECTS,
        ),
        (
            "placement",
            openstack::new_placement_v1(&admin, region()).unwrap(),
            &PROBE_PLACEMENT,
        ),
    ];
    for (name, c, probe) in clients {
        let resp = c
            .request(probe, &[])
            .ok_codes(&[200, 204, 300])
            .send_raw()
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(resp.status().is_success(), "{name}");
    }
    // Each interface is in the catalog too.
    for a in [
        ferrocloud::Availability::Public,
        ferrocloud::Availability::Internal,
        ferrocloud::Availability::Admin,
    ] {
        openstack::new_compute_v2(&provider, region().availability(a)).unwrap();
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn image_upload_and_download_stream() {
    let image = openstack::new_image_v2(&member().await, region()).unwrap();
    let created: Value = image
        .request(&IMAGES, &[])
        .json(&json!({"name": unique("image"), "disk_format": "raw", "container_format": "bare"}))
        .send()
        .await
        .extract()
        .unwrap();
    let id = created["id"].as_str().unwrap().to_string();
    let data: Vec<u8> = (0..3 * 1024 * 1024).map(|i| (i % 251) as u8).collect();
    let uploaded = image
        .request(&IMAGE_FILE_PUT, &[&id])
        .stream(stream_of(data.clone()), "application/octet-stream")
        .send_raw()
        .await;
    let result = async {
        uploaded?;
        let meta: Value = image.request(&IMAGE, &[&id]).send().await.extract()?;
        assert_eq!(meta["status"], "active");
        assert_eq!(meta["size"], data.len());
        let resp = image
            .request(&IMAGE_FILE_GET, &[&id])
            .omit_header("accept")
            .send_streaming()
            .await?;
        assert_eq!(download(resp).await, data);
        Ok::<(), ferrocloud::Error>(())
    }
    .await;
    image
        .request(&IMAGE_DELETE, &[&id])
        .send_raw()
        .await
        .unwrap();
    result.unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn object_round_trip() {
    let swift = openstack::new_object_storage_v1(&member().await, region()).unwrap();
    let container = unique("container");
    swift
        .request(&CONTAINER_PUT, &[&container])
        .send_raw()
        .await
        .unwrap();
    let data: Vec<u8> = (0..1024 * 1024).map(|i| (i % 13) as u8).collect();
    let put = swift
        .request(&OBJECT_PUT, &[&container, "dir/obj.bin"])
        .stream(stream_of(data.clone()), "application/octet-stream")
        .send_raw()
        .await;
    let got = async {
        put?;
        let resp = swift
            .request(&OBJECT_GET, &[&container, "dir/obj.bin"])
            .send_streaming()
            .await?;
        Ok::<Vec<u8>, ferrocloud::Error>(download(resp).await)
    }
    .await;
    let _ = swift
        .request(&OBJECT_DELETE, &[&container, "dir/obj.bin"])
        .send_raw()
        .await;
    swift
        .request(&CONTAINER_DELETE, &[&container])
        .send_raw()
        .await
        .unwrap();
    assert_eq!(got.unwrap(), data);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn network_subnet_and_port_round_trip() {
    let net = openstack::new_network_v2(&member().await, region()).unwrap();
    let n: Value = net
        .request(&NETWORKS, &[])
        .json(&json!({"network": {"name": unique("net")}}))
        .send()
        .await
        .extract()
        .unwrap();
    let network_id = n["network"]["id"].as_str().unwrap().to_string();
    let result = async {
        net.request(&SUBNETS, &[])
            .json(&json!({"subnet": {"network_id": network_id, "ip_version": 4, "cidr": "10.99.0.0/24"}}))
            .send_raw()
            .await?;
        let p: Value = net
            .request(&PORTS, &[])
            .json(&json!({"port": {"network_id": network_id}}))
            .send()
            .await
            .extract()?;
        assert_eq!(p["port"]["fixed_ips"][0]["ip_address"].as_str().map(|a| a.starts_with("10.99.0.")), Some(true));
        let port_id = p["port"]["id"].as_str().unwrap_or_default().to_string();
        net.request(&PORT_DELETE, &[&port_id]).send_raw().await?;
        Ok::<(), ferrocloud::Error>(())
    }
    .await;
    net.request(&NETWORK_DELETE, &[&network_id])
        .send_raw()
        .await
        .unwrap();
    result.unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn volume_created_available_and_deleted() {
    let cinder = openstack::new_block_storage_v3(&member().await, region()).unwrap();
    let v: Value = cinder
        .request(&VOLUMES, &[])
        .json(&json!({"volume": {"size": 1, "name": unique("vol")}}))
        .send()
        .await
        .extract()
        .unwrap();
    let id = v["volume"]["id"].as_str().unwrap().to_string();
    let opts = WaitOpts::new(Duration::from_secs(120))
        .interval(Duration::from_millis(500), Duration::from_secs(2));
    let ready = wait_for(
        "volume to be available",
        &opts,
        || async { cinder.request(&VOLUME, &[&id]).send().await.extract() },
        |v: &Value| match v["volume"]["status"].as_str() {
            Some("available") => State::Ready,
            Some("error") => State::Failed("the volume is in error".into()),
            _ => State::Pending,
        },
        |_| {},
    )
    .await;
    cinder
        .request(&VOLUME_DELETE, &[&id])
        .send_raw()
        .await
        .unwrap();
    ready.unwrap();
    ferrocloud::wait::wait_for_deletion("volume", &opts, || async {
        cinder.request(&VOLUME, &[&id]).send().await.extract()
    })
    .await
    .unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn connect_through_the_devcloud_clouds_yaml() {
    let path = std::env::var("OS_CLIENT_CONFIG_FILE")
        .unwrap_or_else(|_| format!("{}/../.devcloud/clouds.yaml", env!("CARGO_MANIFEST_DIR")));
    let env = ferrocloud::config::Environment::from_vars([("OS_CLIENT_CONFIG_FILE", path)])
        .with_search_dirs(Vec::<std::path::PathBuf>::new());
    let clouds = ferrocloud::config::CloudsConfig::load_with(env).unwrap();
    let system =
        ferrocloud::Cloud::new(clouds.cloud(Some("devcloud-system-admin")).unwrap()).unwrap();
    system.authenticate().await.unwrap();
    assert!(system.provider().auth_info().unwrap().system);
    for name in ["devcloud", "devcloud-admin"] {
        let cloud = ferrocloud::Cloud::new(clouds.cloud(Some(name)).unwrap()).unwrap();
        let identity = cloud.identity().await.unwrap();
        let catalog = ferrocloud::openstack::identity::v3::auth::list_catalog(&identity)
            .all_pages()
            .await
            .and_then(|p| p.extract());
        assert!(catalog.is_ok_and(|c| !c.is_empty()), "{name}");
    }
    let cloud = ferrocloud::Cloud::new(clouds.cloud(Some("devcloud")).unwrap()).unwrap();
    let compute = cloud.compute().await.unwrap();
    let flavors = ferrocloud::openstack::compute::v2::flavors::list(&compute, &Default::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(flavors.iter().any(|f| f.name == "m1.nano"));
}
