//! Server diagnostics: the driver's own keys before 2.48, the standard form after.

use crate::common::*;
use ferrocloud::openstack::compute::v2::diagnostics;
use ferrocloud::{EndpointOpts, openstack};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-server-diagnostics";

#[tokio::test]
async fn both_forms() {
    let server = MockServer::start().await;
    let p = provider(&server).await;
    let c = openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/s1/diagnostics"))
        .and(header("openstack-api-version", "compute 2.48"))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(&format!(
            "{S}/v2.48/server-diagnostics-get-resp.json"
        ))))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/s1/diagnostics"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/server-diagnostics-get-resp.json"))),
        )
        .mount(&server)
        .await;

    let old = diagnostics::get(&c, "s1").await.extract().unwrap();
    assert_eq!(old.driver, None);
    assert_eq!(old.other["cpu0_time"], 17300000000u64);
    assert_eq!(old.other["vda_errors"], -1);
    assert_eq!(old.other.len(), 15);

    let d = diagnostics::get(&c.with_microversion("2.48"), "s1")
        .await
        .extract()
        .unwrap();
    assert!(d.other.is_empty(), "{:?}", d.other);
    assert_eq!(d.driver.as_deref(), Some("libvirt"));
    assert_eq!(d.state.as_deref(), Some("running"));
    assert_eq!(d.config_drive, Some(true));
    assert_eq!(
        (d.num_cpus, d.num_disks, d.num_nics, d.uptime),
        (Some(1), Some(1), Some(1), Some(46664))
    );
    assert_eq!(d.memory_details.unwrap().maximum, Some(524288));
    assert_eq!(d.cpu_details.unwrap()[0].utilisation, Some(15));
    assert_eq!(d.disk_details.unwrap()[0].errors_count, Some(1));
    let nic = &d.nic_details.unwrap()[0];
    assert_eq!(nic.mac_address.as_deref(), Some("01:23:45:67:89:ab"));
    assert_eq!((nic.rx_octets, nic.tx_rate), (Some(2070139), Some(600)));
}
