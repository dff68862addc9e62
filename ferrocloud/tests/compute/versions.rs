//! Version documents, at the service root outside the compute endpoint.

use crate::common::*;
use ferrocloud::openstack::compute::v2::versions;
use ferrocloud::{EndpointOpts, openstack};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/versions";

#[tokio::test]
async fn list_and_show_at_the_service_root() {
    let server = MockServer::start().await;
    let p = provider(&server).await;
    // A microversion on the client is not sent to the version documents.
    let compute = openstack::new_compute_v2(&p, EndpointOpts::default())
        .unwrap()
        .with_microversion("2.90");
    Mock::given(method("GET"))
        .and(path("/compute/"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/versions-get-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/v21-version-get-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2/"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/v2-version-get-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let all = versions::list(&compute)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].status, "DEPRECATED");
    assert!(all[0].microversions().is_none());
    let r = all[1].microversions().unwrap();
    assert_eq!(
        (r.min.to_string(), r.max.to_string()),
        ("2.1".to_string(), "2.104".to_string())
    );

    let v = versions::get(&compute, "v2.1").await.extract().unwrap();
    assert_eq!(v.id, "v2.1");
    assert_eq!(
        v.media_types[0].media_type,
        "application/vnd.openstack.compute+json;version=2.1"
    );
    assert_eq!(v.updated.to_rfc3339(), "2013-07-23T11:33:21+00:00");
    let old = versions::get(&compute, "v2").await.extract().unwrap();
    assert_eq!(old.version, "");
    server.verify().await;
    let sent = server.received_requests().await.unwrap();
    assert!(
        sent.iter()
            .filter(|r| r.url.path().starts_with("/compute"))
            .all(|r| !r.headers.contains_key("x-openstack-nova-api-version"))
    );
}

#[test]
fn service_roots() {
    for (endpoint, root) in [
        ("http://nova:8774/v2.1", "http://nova:8774/"),
        ("http://nova:8774/v2.1/", "http://nova:8774/"),
        (
            "http://nova:8774/v2.1/6f70656e737461636b20342065766572",
            "http://nova:8774/",
        ),
        (
            "https://cloud.example.com/compute/v2.1",
            "https://cloud.example.com/compute/",
        ),
        ("http://nova:8774/v2/abc", "http://nova:8774/"),
        ("http://nova:8774/", "http://nova:8774/"),
    ] {
        assert_eq!(
            versions::service_root(&endpoint.parse().unwrap()).as_str(),
            root,
            "{endpoint}"
        );
    }
}
