//! Server addresses against the real Nova; also the fixtures the server sub-resource
//! tests share (`compute_server_metadata`, `compute_interfaces`…): a server booted with
//! raw requests, a Neutron port and a Cinder volume, each cleaned up even when the test
//! body fails.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use crate::support::*;
use ferrocloud::openstack::compute::v2::{ips, servers};
use ferrocloud::wait::{State, WaitOpts};
use ferrocloud::{ErrorKind, Op, Operation, ServiceClient, http::Method, openstack};
use futures::FutureExt;
use serde_json::{Value, json};

static BOOT: Op<Value> = Op::new(Operation::new("compute", Method::POST, "/servers"));
static DELETE_SERVER: Operation = Operation::new("compute", Method::DELETE, "/servers/{server_id}");
static LIST_IMAGES: Op<Value> = Op::new(Operation::new("image", Method::GET, "/images"));
static LIST_NETWORKS: Op<Value> = Op::new(Operation::new("network", Method::GET, "/networks"));
static CREATE_PORT: Op<Value> = Op::new(Operation::new("network", Method::POST, "/ports"));
static GET_PORT: Op<Value> = Op::new(Operation::new("network", Method::GET, "/ports/{port_id}"));
static DELETE_PORT: Operation = Operation::new("network", Method::DELETE, "/ports/{port_id}");
static CREATE_VOLUME: Op<Value> =
    Op::new(Operation::new("block-storage", Method::POST, "/volumes"));
static GET_VOLUME: Op<Value> = Op::new(Operation::new(
    "block-storage",
    Method::GET,
    "/volumes/{volume_id}",
));
static DELETE_VOLUME: Operation =
    Operation::new("block-storage", Method::DELETE, "/volumes/{volume_id}");

/// How long the devcloud may take to build, attach, detach or delete.
pub fn wait_opts() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(180))
        .interval(Duration::from_millis(500), Duration::from_secs(3))
}

/// A compute client for the `demo` member.
pub async fn member_compute() -> ServiceClient {
    openstack::new_compute_v2(&crate::support::fresh(member_opts()).await, region()).unwrap()
}

/// A compute client for the admin.
pub async fn admin_compute() -> ServiceClient {
    openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region()).unwrap()
}

/// Runs `body`, then `cleanup` whatever happened (a panic included), then returns the
/// body's value or resumes its panic.
pub async fn run_then<T>(body: impl Future<Output = T>, cleanup: impl Future<Output = ()>) -> T {
    let outcome = AssertUnwindSafe(body).catch_unwind().await;
    cleanup.await;
    match outcome {
        Ok(v) => v,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

async fn image_id(compute: &ServiceClient) -> String {
    let image = openstack::new_image_v2(compute.provider(), region()).unwrap();
    let body: Value = image
        .request(&LIST_IMAGES, &[])
        .query_pair("name", "devcloud-raw")
        .send()
        .await
        .extract()
        .unwrap();
    body["images"][0]["id"]
        .as_str()
        .expect("the devcloud-raw image")
        .to_string()
}

/// Boots an m1.nano server of `devcloud-raw` on the project's network and waits until it
/// is ACTIVE. Returns its ID.
pub async fn boot(compute: &ServiceClient, prefix: &str) -> String {
    boot_with(compute, prefix, json!({})).await
}

/// [`boot`] with more top-level keys in the request (`os:scheduler_hints`).
pub async fn boot_with(compute: &ServiceClient, prefix: &str, extra: Value) -> String {
    let name = unique(prefix);
    let mut body = json!({"server": {
        "name": name,
        "flavorRef": "42",
        "imageRef": image_id(compute).await,
        "networks": "auto",
    }});
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    let created: Value = compute
        .with_microversion("2.37")
        .request(&BOOT, &[])
        .json(&body)
        .send()
        .await
        .extract()
        .unwrap();
    let id = created["server"]["id"].as_str().unwrap().to_string();
    if let Err(e) = servers::wait_for_status(compute, &id, "ACTIVE", &wait_opts()).await {
        delete_server(compute, &id).await;
        panic!("server {name} did not become ACTIVE: {e}");
    }
    id
}

/// Deletes a server and waits until it is gone (errors are reported, not raised).
pub async fn delete_server(compute: &ServiceClient, id: &str) {
    match compute.request(&DELETE_SERVER, &[id]).send().await.ok() {
        Ok(()) => {}
        Err(e) if e.is_not_found() => return,
        Err(e) => {
            eprintln!("cleanup: deleting server {id}: {e}");
            return;
        }
    }
    if let Err(e) = servers::wait_for_delete(compute, id, &wait_opts()).await {
        eprintln!("cleanup: waiting for server {id} to go: {e}");
    }
}

/// Boots a server (as the client's user), runs `body` with the client and the server's
/// ID, then deletes the server.
pub async fn with_server<F, Fut>(compute: &ServiceClient, prefix: &str, body: F)
where
    F: FnOnce(ServiceClient, String) -> Fut,
    Fut: Future<Output = ()>,
{
    let id = boot(compute, prefix).await;
    run_then(
        body(compute.clone(), id.clone()),
        delete_server(compute, &id),
    )
    .await
}

/// The ID of the demo project's `private` network.
pub async fn private_network(network: &ServiceClient) -> String {
    let body: Value = network
        .request(&LIST_NETWORKS, &[])
        .query_pair("name", "private")
        .send()
        .await
        .extract()
        .unwrap();
    body["networks"][0]["id"]
        .as_str()
        .expect("the private network")
        .to_string()
}

/// Creates a port on the `private` network; returns its ID.
pub async fn create_port(network: &ServiceClient, name: &str) -> String {
    let net = private_network(network).await;
    let body: Value = network
        .request(&CREATE_PORT, &[])
        .json(&json!({"port": {"network_id": net, "name": name}}))
        .send()
        .await
        .extract()
        .unwrap();
    body["port"]["id"].as_str().unwrap().to_string()
}

/// A port as Neutron shows it.
pub async fn get_port(network: &ServiceClient, id: &str) -> ferrocloud::Result<Value> {
    let body: Value = network.request(&GET_PORT, &[id]).send().await.extract()?;
    Ok(body["port"].clone())
}

/// Deletes a port (errors are reported, not raised).
pub async fn delete_port(network: &ServiceClient, id: &str) {
    if let Err(e) = network.request(&DELETE_PORT, &[id]).send().await.ok()
        && !e.is_not_found()
    {
        eprintln!("cleanup: deleting port {id}: {e}");
    }
}

/// Creates a 1 GiB volume and waits until it is `available`; returns its ID.
pub async fn create_volume(volumes: &ServiceClient, name: &str) -> String {
    let body: Value = volumes
        .request(&CREATE_VOLUME, &[])
        .json(&json!({"volume": {"size": 1, "name": name}}))
        .send()
        .await
        .extract()
        .unwrap();
    let id = body["volume"]["id"].as_str().unwrap().to_string();
    if let Err(e) = wait_for_volume(volumes, &id, "available").await {
        delete_volume(volumes, &id).await;
        panic!("volume {name} did not become available: {e}");
    }
    id
}

/// Waits until a volume has `status` (`error*` ends the wait).
pub async fn wait_for_volume(
    volumes: &ServiceClient,
    id: &str,
    status: &str,
) -> ferrocloud::Result<Value> {
    ferrocloud::wait::wait_for(
        &format!("volume {id} to be {status}"),
        &wait_opts(),
        || async {
            let v: Value = volumes.request(&GET_VOLUME, &[id]).send().await.extract()?;
            Ok(v["volume"].clone())
        },
        |v: &Value| match v["status"].as_str() {
            Some(s) if s == status => State::Ready,
            Some(s) if s.starts_with("error") => State::Failed(format!("volume {id} is {s}")),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}

/// Deletes a volume once it can be (errors are reported, not raised).
pub async fn delete_volume(volumes: &ServiceClient, id: &str) {
    // A volume still detaching cannot be deleted yet.
    let _ = wait_for_volume(volumes, id, "available").await;
    match volumes.request(&DELETE_VOLUME, &[id]).send().await.ok() {
        Ok(()) => {}
        Err(e) if e.is_not_found() => {}
        Err(e) => eprintln!("cleanup: deleting volume {id}: {e}"),
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn addresses_by_network() {
    with_server(&member_compute().await, "ips", |compute, id| async move {
        let all = ips::list(&compute, &id).await.extract().unwrap();
        let private = all
            .get("private")
            .expect("an address on the private network");
        assert!(!private.is_empty());
        for a in private {
            assert!(a.version == 4 || a.version == 6, "{a:?}");
            assert!(a.addr.parse::<std::net::IpAddr>().is_ok(), "{a:?}");
        }
        // The same addresses as the server's own field.
        let server = servers::get(&compute, &id).await.extract().unwrap();
        let from_server: Vec<&str> = server.addresses["private"]
            .iter()
            .map(|a| a.addr.as_str())
            .collect();
        let from_ips: Vec<&str> = private.iter().map(|a| a.addr.as_str()).collect();
        assert_eq!(from_ips, from_server);

        let one = ips::get(&compute, &id, "private").await.extract().unwrap();
        assert_eq!(one.keys().collect::<Vec<_>>(), ["private"]);
        assert_eq!(one["private"], *private);

        let err = ips::get(&compute, &id, "no-such-network")
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        assert!(err.request_id().is_some());
    })
    .await;
}
