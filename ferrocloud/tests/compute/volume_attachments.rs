//! Volumes attached to a server.

use crate::common::*;
use ferrocloud::openstack::compute::v2::volume_attachments::{
    self, AttachOpts, ListOpts, UpdateOpts,
};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-volume_attachments";
const VOL: &str = "a07f71dc-8151-4e7d-a0cc-cd24a3f11113";

async fn compute(server: &MockServer) -> ServiceClient {
    openstack::new_compute_v2(&provider(server).await, EndpointOpts::default()).unwrap()
}

fn reply(name: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{name}")))
}

fn base(srv: &str) -> String {
    format!("/compute/v2.1/servers/{srv}/os-volume_attachments")
}

#[tokio::test]
async fn attach_at_each_microversion() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    let cases = [
        (None, "", AttachOpts::new(VOL).device("/dev/sdb")),
        (Some("2.49"), "v2.49/", AttachOpts::new(VOL).tag("foo")),
        (Some("2.70"), "v2.70/", AttachOpts::new(VOL).tag("foo")),
        (
            Some("2.79"),
            "v2.79/",
            AttachOpts::new(VOL).tag("foo").delete_on_termination(true),
        ),
    ];
    for (i, (mv, dir, opts)) in cases.into_iter().enumerate() {
        let srv = format!("srv-{i}");
        let client = mv.map_or(compute.clone(), |v| compute.with_microversion(v));
        // 2.70 has no request sample of its own; it is the 2.49 one.
        let req_dir = if dir == "v2.70/" { "v2.49/" } else { dir };
        Mock::given(method("POST"))
            .and(path(base(&srv)))
            .and(body_json(sample_json(&format!(
                "{S}/{req_dir}attach-volume-to-server-req.json"
            ))))
            .respond_with(reply(&format!("{dir}attach-volume-to-server-resp.json")))
            .expect(1)
            .mount(&server)
            .await;
        let a = volume_attachments::attach(&client, &srv, &opts)
            .await
            .extract()
            .unwrap();
        assert_eq!(a.volume_id, VOL);
        assert_eq!(a.id.as_deref(), Some(VOL));
        assert_eq!(a.device.as_deref(), Some("/dev/sdb"));
        let tagged = mv.is_some_and(|v| v != "2.49");
        assert_eq!(a.tag.as_deref(), tagged.then_some("foo"), "{mv:?}");
        assert_eq!(
            a.delete_on_termination,
            (mv == Some("2.79")).then_some(true)
        );
    }

    // 2.101: 202 without a body.
    Mock::given(method("POST"))
        .and(path(base("srv-new")))
        .and(header("x-openstack-nova-api-version", "2.101"))
        .and(body_json(sample_json(&format!(
            "{S}/v2.101/attach-volume-to-server-req.json"
        ))))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let opts = AttachOpts::new(VOL).tag("foo").delete_on_termination(true);
    let r = volume_attachments::attach(&compute.with_microversion("2.101"), "srv-new", &opts).await;
    r.ok().unwrap();
    assert_eq!(r.status().unwrap().as_u16(), 202);
    server.verify().await;
}

#[tokio::test]
async fn list_and_show() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("GET"))
        .and(path(base("srv-1")))
        .and(query_param("limit", "2"))
        .and(query_param("offset", "1"))
        .respond_with(reply("list-volume-attachments-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        limit: Some(2),
        offset: Some(1),
    };
    let page = volume_attachments::list(&compute, "srv-1", &opts)
        .all_pages()
        .await
        .unwrap();
    let all = volume_attachments::extract_volume_attachments(&page).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].device.as_deref(), Some("/dev/sdc"));
    assert_eq!(all[1].server_id, "4b293d31-ebd5-4a7f-be03-874b90021e54");

    Mock::given(method("GET"))
        .and(path(base("srv-89")))
        .respond_with(reply("v2.89/list-volume-attachments-resp.json"))
        .mount(&server)
        .await;
    let v289 = compute.with_microversion("2.89");
    let all = volume_attachments::extract_volume_attachments(
        &volume_attachments::list(&v289, "srv-89", &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all[0].id, None);
    assert_eq!(all[0].tag, None);
    assert_eq!(all[0].delete_on_termination, Some(false));
    assert_eq!(
        all[1].attachment_id.as_deref(),
        Some("c5684109-0311-4fca-9814-350e46ab7d2a")
    );
    assert_eq!(
        all[1].bdm_uuid.as_deref(),
        Some("1aa24536-6fb5-426c-8894-d627f39aa48b")
    );

    for (srv, name) in [
        ("srv-a", "volume-attachment-detail-resp.json"),
        ("srv-b", "v2.79/volume-attachment-detail-resp.json"),
        ("srv-c", "v2.89/volume-attachment-detail-resp.json"),
    ] {
        Mock::given(method("GET"))
            .and(path(format!("{}/{VOL}", base(srv))))
            .respond_with(reply(name))
            .expect(1)
            .mount(&server)
            .await;
        let a = volume_attachments::get(&compute, srv, VOL)
            .await
            .extract()
            .unwrap();
        assert_eq!(a.volume_id, VOL);
        assert_eq!(a.device.as_deref(), Some("/dev/sdb"));
    }
    server.verify().await;
}

#[tokio::test]
async fn update_swap_and_detach() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    // 2.85: change delete_on_termination; the volume ID comes from the path.
    Mock::given(method("PUT"))
        .and(path(format!("{}/{VOL}", base("srv-1"))))
        .and(header("x-openstack-nova-api-version", "2.85"))
        .and(body_json(sample_json(&format!(
            "{S}/v2.85/update-volume-attachment-delete-flag-req.json"
        ))))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts {
        delete_on_termination: Some(true),
        ..Default::default()
    };
    volume_attachments::update(&compute.with_microversion("2.85"), "srv-1", VOL, &opts)
        .await
        .ok()
        .unwrap();

    // Swap (any microversion).
    let new = "227cc671-f30b-4488-96fd-7d0bf13648d8";
    Mock::given(method("PUT"))
        .and(path(format!("{}/old-vol", base("srv-1"))))
        .and(body_json(sample_json(&format!(
            "{S}/update-volume-req.json"
        ))))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    volume_attachments::swap(&compute, "srv-1", "old-vol", new)
        .await
        .ok()
        .unwrap();

    Mock::given(method("DELETE"))
        .and(path(format!("{}/{VOL}", base("srv-1"))))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    volume_attachments::detach(&compute, "srv-1", VOL)
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn refused_before_sending() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    let cases = [
        (compute.clone(), AttachOpts::new(VOL).tag("t"), "2.49"),
        (
            compute.with_microversion("2.78"),
            AttachOpts::new(VOL).delete_on_termination(true),
            "2.79",
        ),
        (compute.clone(), AttachOpts::new(""), "volumeId"),
        (
            compute.clone(),
            AttachOpts::new(VOL).device("sdb"),
            "device",
        ),
        (
            compute.clone(),
            AttachOpts::new(VOL).device("/dev/sd-b"),
            "device",
        ),
        (
            compute.with_microversion("2.79"),
            AttachOpts::new(VOL).tag("a,b"),
            "tag",
        ),
    ];
    for (client, opts, needle) in cases {
        let err = volume_attachments::attach(&client, "srv-1", &opts)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(needle), "{err}");
    }
    assert!(
        AttachOpts::new(VOL)
            .device("/dev/xvda1")
            .tag("ok")
            .delete_on_termination(false)
            .device
            .is_some()
    );

    // Fields other than the volume ID need 2.85.
    let opts = UpdateOpts {
        delete_on_termination: Some(false),
        ..Default::default()
    };
    let err = volume_attachments::update(&compute.with_microversion("2.84"), "srv-1", VOL, &opts)
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("2.85"), "{err}");
    let err = volume_attachments::swap(&compute, "srv-1", VOL, "")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|r| !r.url.path().contains("/servers/"))
    );
}
