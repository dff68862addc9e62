use crate::common::*;
use ferrocloud::openstack::identity::v3::endpoint_policy::{self, Association};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3-ext/samples/OS-ENDPOINT-POLICY";
const P: &str = "/identity/v3/policies/13c928/OS-ENDPOINT-POLICY";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn reply(sample_name: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{sample_name}")))
}

async fn mount(server: &MockServer, m: &str, p: String, r: ResponseTemplate) {
    Mock::given(method(m))
        .and(path(p))
        .respond_with(r)
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn associations() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let cases = [
        (Association::Endpoint("e1"), "/endpoints/e1"),
        (Association::Service("s1"), "/services/s1"),
        (
            Association::ServiceInRegion {
                service_id: "s1",
                region_id: "RegionOne",
            },
            "/services/s1/regions/RegionOne",
        ),
    ];
    for (with, suffix) in cases {
        let p = format!("{P}{suffix}");
        mount(&server, "PUT", p.clone(), ResponseTemplate::new(204)).await;
        mount(&server, "GET", p.clone(), ResponseTemplate::new(204)).await;
        mount(&server, "DELETE", p.clone(), ResponseTemplate::new(204)).await;
        endpoint_policy::associate(&identity, "13c928", with)
            .await
            .ok()
            .unwrap();
        assert!(
            endpoint_policy::is_associated(&identity, "13c928", with)
                .await
                .unwrap()
        );
        endpoint_policy::dissociate(&identity, "13c928", with)
            .await
            .ok()
            .unwrap();
    }
    Mock::given(method("GET"))
        .and(path(format!("{P}/endpoints/nope")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    assert!(
        !endpoint_policy::is_associated(&identity, "13c928", Association::Endpoint("nope"))
            .await
            .unwrap()
    );
    server.verify().await;
}

#[tokio::test]
async fn lookups() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    mount(
        &server,
        "GET",
        format!("{P}/endpoints"),
        reply("policy-endpoint-associations-list-response.json"),
    )
    .await;
    mount(
        &server,
        "GET",
        format!("{P}/policy"),
        reply("policy-show-response.json"),
    )
    .await;
    mount(
        &server,
        "HEAD",
        format!("{P}/policy"),
        ResponseTemplate::new(200),
    )
    .await;
    mount(
        &server,
        "GET",
        "/identity/v3/endpoints/e1/OS-ENDPOINT-POLICY/policy".to_string(),
        reply("policy-show-response.json"),
    )
    .await;
    let endpoints = endpoint_policy::extract_endpoints(
        &endpoint_policy::list_endpoints(&identity, "13c928")
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(endpoints.len(), 2);
    assert_eq!(endpoints[0].service_id, "9242e05f0c23467bbd1cf1f7a6e5e596");
    let p = endpoint_policy::get_policy(&identity, "13c928")
        .await
        .extract()
        .unwrap();
    assert_eq!(p.id, "13c92821e4c4476a878d3aae7444f52f");
    assert!(
        endpoint_policy::check_policy(&identity, "13c928")
            .await
            .unwrap()
    );
    let p = endpoint_policy::get_for_endpoint(&identity, "e1")
        .await
        .extract()
        .unwrap();
    assert_eq!(p.media_type, "application/json");
    assert_eq!(p.blob["foobar_user"][0], "role:compute-user");
    server.verify().await;
}

#[tokio::test]
async fn empty_ids_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let with = Association::ServiceInRegion {
        service_id: "s",
        region_id: "",
    };
    let err = endpoint_policy::associate(&identity, "p", with)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("region_id"), "{err}");
    let err = endpoint_policy::get_for_endpoint(&identity, "")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
