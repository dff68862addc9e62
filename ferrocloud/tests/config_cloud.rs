//! A `Cloud` built from clouds.yaml against a mock Keystone: it authenticates lazily and
//! once, hands out service clients from the catalog with the cloud's region, interface
//! and microversion pins, and sends what the configuration says.

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use common::*;
use ferrocloud::ErrorKind;
use ferrocloud::config::{Cloud, CloudsConfig, Environment};
use ferrocloud::openstack::compute::v2::servers;
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "ferrocloud-config-cloud-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.0.join(rel), text).unwrap();
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn load(dir: &TempDir, vars: &[(&str, &str)]) -> CloudsConfig {
    let vars: Vec<(String, String)> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    CloudsConfig::load_with(Environment::from_vars(vars).with_search_dirs([dir.path()])).unwrap()
}

const TOKENS: &str = "/identity/v3/auth/tokens";

fn write_clouds(dir: &TempDir, uri: &str) {
    dir.write(
        "clouds.yaml",
        &format!(
            r#"
clouds:
  mock:
    auth:
      auth_url: {uri}/identity/v3
      username: alice
      user_domain_id: default
      project_name: demo
      project_domain_id: default
    region_name: RegionOne
    compute_api_version: "2.79"
    image_interface: internal
    volume_api_version: "3.59"
  elsewhere:
    auth:
      auth_url: {uri}/identity/v3
      user_id: u1
    region_name: RegionTwo
"#
        ),
    );
    dir.write(
        "secure.yaml",
        "clouds:\n  mock:\n    auth:\n      password: s3cret-pass\n",
    );
}

#[tokio::test]
async fn a_cloud_authenticates_lazily_once_and_pins_the_microversion() {
    let server = MockServer::start().await;
    let uri = server.uri();
    mount_keystone(&server, "tok-1").await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/abc"))
        .and(header("x-auth-token", "tok-1"))
        .and(header("x-openstack-nova-api-version", "2.79"))
        .and(header("openstack-api-version", "compute 2.79"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sample_json(
            "compute/doc/api_samples/servers/server-get-resp.json",
        )))
        .expect(1)
        .mount(&server)
        .await;

    let dir = TempDir::new("lazy");
    write_clouds(&dir, &uri);
    let config = load(&dir, &[("OS_CLOUD", "mock")]);
    let cloud = Cloud::new(config.cloud(None).unwrap()).unwrap();
    assert_eq!(
        (cloud.name(), cloud.region_name()),
        ("mock", Some("RegionOne"))
    );

    // Nothing is sent before a service is asked for.
    assert_eq!(count(&server, "POST", TOKENS).await, 0);
    assert_eq!(cloud.provider().token_generation(), 0);

    let compute = cloud.compute().await.unwrap();
    assert_eq!(count(&server, "POST", TOKENS).await, 1);
    assert_eq!(compute.endpoint().as_str(), format!("{uri}/compute/v2.1/"));
    assert_eq!(compute.microversion(), Some("2.79"));
    let s = servers::get(&compute, "abc").await.extract().unwrap();
    assert!(s.name.is_some_and(|n| !n.is_empty()));

    // The token request carried the configuration's credentials and scope.
    let requests = server.received_requests().await.unwrap();
    let token_request = requests.iter().find(|r| r.url.path() == TOKENS).unwrap();
    let body: serde_json::Value = serde_json::from_slice(&token_request.body).unwrap();
    assert_eq!(
        body,
        json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
                  "name": "alice", "domain": {"id": "default"}, "password": "s3cret-pass"}}},
               "scope": {"project": {"name": "demo", "domain": {"id": "default"}}}}})
    );

    // Other services come from the same catalog, without authenticating again.
    let image = cloud.image().await.unwrap();
    assert_eq!(
        image.resource_base().as_str(),
        format!("{uri}/image/internal/v2/")
    );
    let network = cloud.network().await.unwrap();
    assert_eq!(
        network.resource_base().as_str(),
        format!("{uri}/network/v2.0/")
    );
    let volume = cloud.block_storage().await.unwrap();
    assert_eq!(volume.endpoint().as_str(), format!("{uri}/volume/v3/p1/"));
    assert_eq!(volume.microversion(), Some("3.59"));
    let identity = cloud.identity().await.unwrap();
    assert_eq!(
        identity.resource_base().as_str(),
        format!("{uri}/identity/v3/")
    );
    let generic = cloud.service("volumev3").await.unwrap();
    assert_eq!(generic.service_type(), "block-storage");
    assert_eq!(count(&server, "POST", TOKENS).await, 1);

    // A service missing from the catalog is the catalog's error.
    let e = cloud.service("key-manager").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::EndpointNotFound);

    // Eager authentication gets a new token on demand.
    cloud.authenticate().await.unwrap();
    assert_eq!(cloud.provider().token_generation(), 2);
    server.verify().await;
}

#[tokio::test]
async fn concurrent_first_uses_authenticate_once() {
    let server = MockServer::start().await;
    mount_keystone(&server, "tok-1").await;
    let dir = TempDir::new("concurrent");
    write_clouds(&dir, &server.uri());
    let cloud = Cloud::new(load(&dir, &[]).cloud(Some("mock")).unwrap()).unwrap();
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let cloud = cloud.clone();
            tokio::spawn(async move {
                if i % 2 == 0 {
                    cloud.compute().await.map(|_| ())
                } else {
                    cloud.network().await.map(|_| ())
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    assert_eq!(count(&server, "POST", TOKENS).await, 1);
}

#[tokio::test]
async fn environment_complements_and_region_selection_reach_keystone() {
    let server = MockServer::start().await;
    mount_keystone(&server, "tok-1").await;
    let dir = TempDir::new("env");
    write_clouds(&dir, &server.uri());
    // `elsewhere` has no password in its files: OS_PASSWORD complements it.
    let config = load(
        &dir,
        &[("OS_CLOUD", "elsewhere"), ("OS_PASSWORD", "from-env")],
    );
    let cloud = Cloud::new(config.cloud(None).unwrap()).unwrap();
    // The catalog has no RegionTwo endpoints.
    let e = cloud.compute().await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::EndpointNotFound);
    assert!(e.to_string().contains("RegionTwo"), "{e}");
    let requests = server.received_requests().await.unwrap();
    let body: serde_json::Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(
        body["auth"]["identity"]["password"]["user"],
        json!({"id": "u1", "password": "from-env"})
    );
}

#[tokio::test]
async fn no_auth_clouds_send_no_token() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/abc"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sample_json(
            "compute/doc/api_samples/servers/server-get-resp.json",
        )))
        .expect(1)
        .mount(&server)
        .await;
    let dir = TempDir::new("noauth");
    dir.write(
        "clouds.yaml",
        &format!(
            "clouds:\n  standalone:\n    auth_type: none\n    compute_endpoint_override: {}/compute/v2.1\n",
            server.uri()
        ),
    );
    let cloud = Cloud::new(load(&dir, &[]).cloud(None).unwrap()).unwrap();
    let compute = cloud.compute().await.unwrap();
    servers::get(&compute, "abc").await.extract().unwrap();
    let requests = server.received_requests().await.unwrap();
    assert!(
        requests
            .iter()
            .all(|r| !r.headers.contains_key("x-auth-token"))
    );
    assert_eq!(count(&server, "POST", TOKENS).await, 0);
}
