//! Certificates: the CA, signing, rotation.

use ferrocloud::openstack::containerinfra::v1::certificates::{self, SignOpts};
use wiremock::MockServer;

use crate::{Expect, expect, magnum, sample};

const CLUSTER: &str = "0b4b766f-1500-44b3-9804-5a6e12fe6df4";

#[tokio::test]
async fn show_sign_rotate() {
    let server = MockServer::start().await;
    let client = magnum(&server).await;
    expect(
        &server,
        "GET",
        &format!("certificates/{CLUSTER}"),
        Expect {
            query: &[("ca_cert_type", "etcd")],
            answer: Some(sample("certificates-ca-show-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let ca = certificates::get(&client, CLUSTER, Some("etcd"))
        .await
        .extract()
        .unwrap();
    assert!(ca.pem.starts_with("-----BEGIN CERTIFICATE-----"));
    assert_eq!(ca.cluster_uuid, CLUSTER);

    let req = sample("certificates-ca-sign-req.json");
    expect(
        &server,
        "POST",
        "certificates",
        Expect {
            body: Some(req.clone()),
            status: 201,
            answer: Some(sample("certificates-ca-sign-resp.json")),
            ..Default::default()
        },
    )
    .await;
    let opts = SignOpts::new(CLUSTER, req["csr"].as_str().unwrap());
    let signed = certificates::sign(&client, &opts).await.extract().unwrap();
    assert!(signed.csr.unwrap().contains("CERTIFICATE REQUEST"));

    expect(
        &server,
        "PATCH",
        &format!("certificates/{CLUSTER}"),
        Expect {
            headers: &[("OpenStack-API-Version", "container-infra 1.5")],
            status: 202,
            answer: Some(serde_json::json!({"uuid": CLUSTER})),
            ..Default::default()
        },
    )
    .await;
    let id = certificates::rotate_ca(&client.with_microversion("1.5"), CLUSTER)
        .await
        .extract()
        .unwrap();
    assert_eq!(id.uuid, CLUSTER);
}
