//! Hosts (until 2.42): list, show, update, power actions.

use crate::common::*;
use ferrocloud::openstack::compute::v2::hosts::{self, ListOpts, UpdateOpts};
use ferrocloud::{EndpointOpts, ErrorKind, openstack};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-hosts";

fn reply(rel: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{rel}")))
}

#[tokio::test]
async fn hosts_until_2_42() {
    let server = MockServer::start().await;
    let p = provider(&server).await;
    let compute = openstack::new_compute_v2(&p, EndpointOpts::default())
        .unwrap()
        .with_microversion("2.42");
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-hosts"))
        .and(query_param("zone", "nova"))
        .respond_with(reply("hosts-list-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let all = hosts::list(
        &compute,
        &ListOpts {
            zone: Some("nova".into()),
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[1].service, "compute");

    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-hosts/c1a7de0a"))
        .respond_with(reply("host-get-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let res = hosts::get(&compute, "c1a7de0a").await.extract().unwrap();
    assert_eq!(res[0].resource.project, "(total)");
    assert_eq!(res[0].resource.memory_mb, 8192);

    Mock::given(method("PUT"))
        .and(path("/compute/v2.1/os-hosts/65c5d5b7"))
        .and(body_json(sample_json(&format!(
            "{S}/host-put-maintenance-req.json"
        ))))
        .respond_with(reply("host-put-maintenance-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts {
        status: Some("enable".into()),
        maintenance_mode: Some("disable".into()),
    };
    let u = hosts::update(&compute, "65c5d5b7", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(u.maintenance_mode.as_deref(), Some("off_maintenance"));
    assert_eq!(u.status.as_deref(), Some("enabled"));

    for (action, rel) in [
        ("reboot", "host-get-reboot.json"),
        ("shutdown", "host-get-shutdown.json"),
        ("startup", "host-get-startup.json"),
    ] {
        Mock::given(method("GET"))
            .and(path(format!("/compute/v2.1/os-hosts/h1/{action}")))
            .respond_with(reply(rel))
            .expect(1)
            .mount(&server)
            .await;
    }
    assert_eq!(
        hosts::reboot(&compute, "h1")
            .await
            .extract()
            .unwrap()
            .power_action,
        "reboot"
    );
    assert_eq!(
        hosts::shutdown(&compute, "h1")
            .await
            .extract()
            .unwrap()
            .power_action,
        "shutdown"
    );
    assert_eq!(
        hosts::startup(&compute, "h1")
            .await
            .extract()
            .unwrap()
            .power_action,
        "startup"
    );
    server.verify().await;

    let err = hosts::update(&compute, "h1", &UpdateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let bad = UpdateOpts {
        status: Some("on".into()),
        ..Default::default()
    };
    let err = hosts::update(&compute, "h1", &bad).await.ok().unwrap_err();
    assert!(err.to_string().contains("status"), "{err}");
    let err = hosts::list(&compute.with_microversion("2.43"), &ListOpts::default())
        .all_pages()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("2.42"), "{err}");
}
