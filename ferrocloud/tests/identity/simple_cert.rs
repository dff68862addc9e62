use crate::common::*;
use ferrocloud::openstack::identity::v3::simple_cert;
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3-ext/samples/OS-SIMPLE-CERT";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

#[tokio::test]
async fn certificates_in_pem() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let ca = sample(&format!("{S}/show-ca-certificate-response.txt"));
    let signing = sample(&format!("{S}/show-signing-certificate-response.txt"));
    Mock::given(method("GET"))
        .and(path("/identity/v3/OS-SIMPLE-CERT/ca"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "application/x-pem-file")
                .set_body_string(ca.clone()),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/OS-SIMPLE-CERT/certificates"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "application/x-pem-file")
                .set_body_string(signing.clone()),
        )
        .mount(&server)
        .await;
    assert_eq!(
        simple_cert::get_ca_certificate(&identity).await.unwrap(),
        ca
    );
    assert_eq!(
        simple_cert::list_certificates(&identity).await.unwrap(),
        signing
    );
    let reqs = server.received_requests().await.unwrap();
    let accept = reqs
        .iter()
        .find(|r| r.url.path().ends_with("/ca"))
        .unwrap()
        .headers
        .get("accept")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(accept.contains("application/x-pem-file"), "{accept}");
}

#[tokio::test]
async fn gone_on_current_keystone() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/OS-SIMPLE-CERT/ca"))
        .respond_with(ResponseTemplate::new(410).set_body_string(
            r#"{"error":{"code":410,"message":"This API is no longer available due to the removal of support for PKI tokens.","title":"Gone"}}"#,
        ))
        .mount(&server)
        .await;
    let err = simple_cert::get_ca_certificate(&identity)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnexpectedStatus);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(410));
    assert!(err.to_string().contains("PKI"), "{err}");
}
