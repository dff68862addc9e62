//! Remote consoles (2.6+) and console authentication tokens (2.31+).

use crate::common::*;
use ferrocloud::openstack::compute::v2::remote_consoles::{
    self, ConsoleType, CreateOpts, Protocol, token_of,
};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples";

async fn compute(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap()
}

#[tokio::test]
async fn create_each_documented_console() {
    let cases = [
        (
            "os-remote-consoles/v2.6/create-vnc-console-req.json",
            "os-remote-consoles/v2.6/create-vnc-console-resp.json",
            "2.6",
            Protocol::Vnc,
            ConsoleType::NoVnc,
        ),
        (
            "os-remote-consoles/v2.8/create-mks-console-req.json",
            "os-remote-consoles/v2.8/create-mks-console-resp.json",
            "2.8",
            Protocol::Mks,
            ConsoleType::WebMks,
        ),
        (
            "os-remote-consoles/v2.99/create-spice-direct-console-req.json",
            "os-remote-consoles/v2.99/create-spice-direct-console-resp.json",
            "2.99",
            Protocol::Spice,
            ConsoleType::SpiceDirect,
        ),
    ];
    for (req, resp, mv, protocol, console_type) in cases {
        let server = MockServer::start().await;
        let c = compute(&server).await.with_microversion(mv);
        Mock::given(method("POST"))
            .and(path("/compute/v2.1/servers/s1/remote-consoles"))
            .and(body_json(sample_json(&format!("{S}/{req}"))))
            .respond_with(
                ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{resp}"))),
            )
            .expect(1)
            .mount(&server)
            .await;
        let opts = CreateOpts::new(protocol.clone(), console_type.clone());
        let console = remote_consoles::create(&c, "s1", &opts)
            .await
            .extract()
            .unwrap();
        assert_eq!(
            (&console.protocol, &console.console_type),
            (&protocol, &console_type)
        );
        let token = token_of(&console.url).unwrap();
        assert!(!format!("{console:?}").contains(&token));
        server.verify().await;
    }
    // Older samples and unknown values read too.
    let rdp: CreateOpts = serde_json::from_value(
        sample_json(&format!(
            "{S}/os-remote-consoles/v2.6/create-rdp-console-req.json"
        ))["remote_console"]
            .clone(),
    )
    .unwrap();
    assert_eq!(rdp.console_type, ConsoleType::RdpHtml5);
    let other: ConsoleType = serde_json::from_str("\"future-console\"").unwrap();
    assert_eq!(other, ConsoleType::Other("future-console".into()));
}

#[tokio::test]
async fn create_needs_2_6() {
    let server = MockServer::start().await;
    let c = compute(&server).await.with_microversion("2.5");
    let e = remote_consoles::create(&c, "s1", &CreateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("2.6"), "{e}");
    assert_eq!(
        count(&server, "POST", "/compute/v2.1/servers/s1/remote-consoles").await,
        0
    );
}

#[tokio::test]
async fn console_token_connection_info() {
    let server = MockServer::start().await;
    let c = compute(&server).await;
    for (token, rel) in [
        (
            "t231",
            "os-console-auth-tokens/v2.31/get-console-connect-info-get-resp.json",
        ),
        (
            "t299",
            "os-console-auth-tokens/v2.99/get-console-connect-info-get-resp.json",
        ),
    ] {
        Mock::given(method("GET"))
            .and(path(format!(
                "/compute/v2.1/os-console-auth-tokens/{token}"
            )))
            .respond_with(ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{rel}"))))
            .expect(1)
            .mount(&server)
            .await;
    }
    let info = remote_consoles::get_connection(&c.with_microversion("2.31"), "t231")
        .await
        .extract()
        .unwrap();
    assert_eq!(info.instance_uuid, "b48316c5-71e8-45e4-9884-6c78055b9b13");
    assert_eq!(info.port, 5900);
    assert_eq!(
        info.internal_access_path.as_deref(),
        Some("51af38c3-555e-4884-a314-6c8cdde37444")
    );
    let info = remote_consoles::get_connection(&c.with_microversion("2.99"), "t299")
        .await
        .extract()
        .unwrap();
    assert_eq!((info.port, info.tls_port), (6969, Some(6970)));
    assert_eq!(info.internal_access_path, None);
    let e = remote_consoles::get_connection(&c.with_microversion("2.30"), "t231")
        .await
        .extract()
        .unwrap_err();
    assert!(e.to_string().contains("2.31"), "{e}");
    server.verify().await;
}
