//! The blocking facade: the same calls from synchronous code.
#![cfg(feature = "blocking")]

mod common;

use common::*;
use ferrocloud::blocking::{Wait, iter};
use ferrocloud::openstack::compute::v2::servers;
use ferrocloud::{EndpointOpts, ErrorKind, openstack};
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

#[test]
fn blocking_calls_without_a_runtime() {
    // The mock server needs a runtime of its own; the SDK calls below run without one.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(async {
        let server = wiremock::MockServer::start().await;
        mount_keystone(&server, "tok-1").await;
        Mock::given(method("GET"))
            .and(path("/compute/v2.1/servers/x"))
            .respond_with(ResponseTemplate::new(200).set_body_string(sample(
                "compute/doc/api_samples/servers/server-get-resp.json",
            )))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/compute/v2.1/servers/detail"))
            .respond_with(
                ResponseTemplate::new(200).set_body_string(
                    sample("compute/doc/api_samples/servers/servers-details-resp.json")
                        .replace("servers_links", "ignored_links"),
                ),
            )
            .mount(&server)
            .await;
        server
    });
    let opts = password_opts(&server);
    std::thread::spawn(move || {
        let provider = openstack::authenticated_client(opts).wait().unwrap();
        let compute = openstack::new_compute_v2(&provider, EndpointOpts::default()).unwrap();
        let s = servers::get(&compute, "x").wait().extract().unwrap();
        assert_eq!(s.name.as_deref(), Some("new-server-test"));
        let names: Vec<Option<String>> = iter(servers::list(&compute, &Default::default()).items())
            .map(|s| s.unwrap().name)
            .collect();
        assert_eq!(names, vec![Some("new-server-test".to_string())]);
    })
    .join()
    .unwrap();
    drop(server);
}

#[tokio::test(flavor = "current_thread")]
async fn wait_inside_a_runtime_is_a_clear_error() {
    // On a single-threaded runtime, blocking would hang the program: it must not block.
    let r: ferrocloud::Result<u8> = async { Ok(7) }.wait();
    let e = r.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BlockingInAsync);
    assert!(e.to_string().contains(".await"), "{e}");
    let items: Vec<ferrocloud::Result<u8>> =
        iter(futures::stream::iter([Ok(1u8), Ok(2)])).collect();
    assert_eq!(items.len(), 1, "one error, then the end");
    assert_eq!(
        items[0].as_ref().unwrap_err().kind(),
        ErrorKind::BlockingInAsync
    );
    let never = std::future::pending::<ferrocloud::Result<()>>();
    let e = ferrocloud::blocking::block_on(never).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BlockingInAsync);
}
