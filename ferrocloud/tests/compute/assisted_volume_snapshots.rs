//! Assisted volume snapshots: create and delete (with `delete_info`).

use crate::common::*;
use ferrocloud::openstack::compute::v2::assisted_volume_snapshots::{self, CreateOpts, DeleteInfo};
use ferrocloud::{EndpointOpts, ErrorKind, openstack};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-assisted-volume-snapshots";

#[tokio::test]
async fn create_and_delete() {
    let server = MockServer::start().await;
    let p = provider(&server).await;
    let compute = openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap();
    let req = sample_json(&format!("{S}/snapshot-create-assisted-req.json"));
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/os-assisted-volume-snapshots"))
        .and(body_json(req.clone()))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/snapshot-create-assisted-resp.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let opts: CreateOpts = serde_json::from_value(req["snapshot"].clone()).unwrap();
    assert_eq!(opts.create_info.snapshot_type, "qcow2");
    let snap = assisted_volume_snapshots::create(&compute, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(snap.id, "421752a6-acf6-4b2d-bc7a-119f9148cd8c");
    assert_eq!(snap.volume_id, "521752a6-acf6-4b2d-bc7a-119f9148cd8c");

    Mock::given(method("DELETE"))
        .and(path("/compute/v2.1/os-assisted-volume-snapshots/421752a6"))
        .and(query_param(
            "delete_info",
            r#"{"volume_id":"521752a6","file_to_merge":"snap.qcow2"}"#,
        ))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let info = DeleteInfo::new("521752a6").with("file_to_merge", "snap.qcow2");
    assisted_volume_snapshots::delete(&compute, "421752a6", &info)
        .await
        .ok()
        .unwrap();
    server.verify().await;

    let err = assisted_volume_snapshots::create(&compute, &CreateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("volume_id"), "{err}");
    let err = assisted_volume_snapshots::delete(&compute, "x", &DeleteInfo::default())
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("volume_id"), "{err}");
}
