//! Servers: create (every documented option), update, delete, list filters, and every
//! server sample read at its microversion.

use crate::common::*;
use ferrocloud::openstack::compute::v2::extensions::{
    availabilityzone::AvailabilityZone, diskconfig::DiskConfig,
    extendedserverattributes::ServerAttributes, extendedstatus::ExtendedStatus,
    extendedvolumes::ExtendedVolumes, serverusage::ServerUsage,
};
use ferrocloud::openstack::compute::v2::servers::{
    self, BlockDevice, CreateOpts, CreateRequest, DestinationType, ListOpts, Network, Networks,
    Personality, SchedulerHints, Server, ServerRef, SourceType, UpdateOpts,
};
use ferrocloud::{EndpointOpts, ErrorKind, ExposeSecret, ServiceClient, openstack};
use serde::Deserialize;
use serde_json::{Value, json};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples";

async fn compute(server: &MockServer, microversion: Option<&str>) -> ServiceClient {
    let p = provider(server).await;
    let c = openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap();
    match microversion {
        Some(v) => c.with_microversion(v),
        None => c,
    }
}

fn reply(rel: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{rel}")))
}

/// A create request sample as the SDK sends it: the hints under `os:scheduler_hints`.
fn as_sent(mut v: Value) -> Value {
    if let Some(h) = v
        .as_object_mut()
        .unwrap()
        .remove("OS-SCH-HNT:scheduler_hints")
    {
        v["os:scheduler_hints"] = h;
    }
    v
}

#[tokio::test]
async fn create_sends_every_request_sample_as_documented() {
    // (sample, microversion of the client)
    let cases = [
        ("servers/server-create-req.json", None),
        ("servers/v2.19/server-create-req.json", Some("2.19")),
        ("servers/v2.32/server-create-req.json", Some("2.32")),
        ("servers/v2.37/server-create-req.json", Some("2.37")),
        ("servers/v2.42/server-create-req.json", Some("2.42")),
        ("servers/v2.52/server-create-req.json", Some("2.52")),
        ("servers/v2.57/server-create-req.json", Some("2.57")),
        ("servers/v2.63/server-create-req.json", Some("2.63")),
        ("servers/v2.67/server-create-req.json", Some("2.67")),
        (
            "servers/v2.74/server-create-req-with-host-and-node.json",
            Some("2.74"),
        ),
        (
            "servers/v2.74/server-create-req-with-only-host.json",
            Some("2.74"),
        ),
        (
            "servers/v2.74/server-create-req-with-only-node.json",
            Some("2.74"),
        ),
        ("servers/v2.100/server-create-req.json", Some("2.100")),
        (
            "os-multiple-create/multiple-create-no-resv-post-req.json",
            None,
        ),
    ];
    for (rel, mv) in cases {
        let server = MockServer::start().await;
        let compute = compute(&server, mv).await;
        let req: Value = sample_json(&format!("{S}/{rel}"));
        Mock::given(method("POST"))
            .and(path("/compute/v2.1/servers"))
            .and(body_json(as_sent(req.clone())))
            .respond_with(reply("servers/server-create-resp.json", 202))
            .expect(1)
            .mount(&server)
            .await;
        let parsed: CreateRequest = serde_json::from_value(req).unwrap();
        let mut opts = parsed.server;
        opts.scheduler_hints = parsed.scheduler_hints.or(parsed.legacy_scheduler_hints);
        let created = servers::create(&compute, &opts).await.extract();
        let created = created.unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(created.id, "f5dc173b-6804-445a-a6d8-c705dad5b5eb", "{rel}");
        server.verify().await;
    }
}

/// The 2.90 and 2.94 samples carry `personality` (gone since 2.57) and no `networks`
/// (required since 2.37): Nova refuses them at those microversions, and so does the SDK,
/// before sending.
#[tokio::test]
async fn create_samples_that_nova_refuses_are_refused() {
    for (rel, mv) in [
        ("servers/v2.90/server-create-req.json", "2.90"),
        ("servers/v2.94/server-create-req.json", "2.94"),
    ] {
        let server = MockServer::start().await;
        let compute = compute(&server, Some(mv)).await;
        let parsed: CreateRequest =
            serde_json::from_value(sample_json(&format!("{S}/{rel}"))).unwrap();
        let e = servers::create(&compute, &parsed.server)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert!(e.to_string().contains("personality"), "{e}");
        let mut fixed = parsed.server.clone();
        fixed.personality = None;
        let e = servers::create(&compute, &fixed)
            .await
            .extract()
            .unwrap_err();
        assert!(e.to_string().contains("networks is required"), "{e}");
        assert_eq!(count(&server, "POST", "/compute/v2.1/servers").await, 0);
    }
}

#[tokio::test]
async fn create_from_the_builder_and_read_the_answer() {
    let server = MockServer::start().await;
    let compute = compute(&server, Some("2.100")).await;
    let expected = json!({
        "server": {
            "name": "web-1",
            "flavorRef": "42",
            "imageRef": "img-1",
            "networks": [{"uuid": "net-1", "fixed_ip": "10.0.0.5", "tag": "nic1"}, {"port": "port-1"}],
            "block_device_mapping_v2": [
                {"source_type": "image", "destination_type": "volume", "uuid": "img-1",
                 "boot_index": 0, "volume_size": 10, "delete_on_termination": true},
                {"source_type": "blank", "destination_type": "local", "boot_index": -1,
                 "volume_size": 1, "guest_format": "swap", "volume_type": "fast", "tag": "swap"}
            ],
            "security_groups": [{"name": "default"}, {"name": "web"}],
            "user_data": "IyEvYmluL3NoCmVjaG8gaGkK",
            "metadata": {"role": "web"},
            "key_name": "mykey",
            "availability_zone": "nova:devcloud",
            "config_drive": true,
            "description": "a web server",
            "tags": ["prod"],
            "trusted_image_certificates": ["cert-1"],
            "hostname": "web-1.example.com",
            "accessIPv4": "1.2.3.4",
            "accessIPv6": "80fe::",
            "adminPass": "s3cret-pass",
            "min_count": 1,
            "max_count": 2,
            "OS-DCF:diskConfig": "MANUAL",
            "host": "compute-1",
            "hypervisor_hostname": "node-1"
        },
        "os:scheduler_hints": {
            "group": "0c1b1d44-4f72-4f3e-9f36-4b1ad4f0f3a1",
            "same_host": "48e6a9f6-30af-47e0-bc04-acaed113bb4e",
            "different_host": ["a", "b"],
            "query": "[\">=\", \"$free_ram_mb\", 1024]",
            "target_cell": "cell1",
            "different_cell": "cell2",
            "build_near_host_ip": "10.1.1.1",
            "cidr": "/24",
            "custom": {"x": 1}
        }
    });
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/servers"))
        .and(body_json(expected))
        .respond_with(reply("servers/server-create-resp.json", 202))
        .expect(1)
        .mount(&server)
        .await;
    let mut hints = SchedulerHints {
        group: Some("0c1b1d44-4f72-4f3e-9f36-4b1ad4f0f3a1".into()),
        same_host: vec!["48e6a9f6-30af-47e0-bc04-acaed113bb4e".into()],
        different_host: vec!["a".into(), "b".into()],
        query: Some(json!("[\">=\", \"$free_ram_mb\", 1024]")),
        target_cell: Some("cell1".into()),
        different_cell: vec!["cell2".into()],
        build_near_host_ip: Some("10.1.1.1".into()),
        cidr: Some("/24".into()),
        ..Default::default()
    };
    hints.extra.insert("custom".into(), json!({"x": 1}));
    let mut swap = BlockDevice {
        source_type: Some(SourceType::Blank),
        destination_type: Some(DestinationType::Local),
        boot_index: Some((-1).into()),
        volume_size: Some(1.into()),
        guest_format: Some("swap".into()),
        volume_type: Some("fast".into()),
        ..Default::default()
    };
    swap.tag = Some("swap".into());
    let mut opts = CreateOpts::new("web-1", "42")
        .image_ref("img-1")
        .networks(Networks::List(vec![
            Network::uuid("net-1").fixed_ip("10.0.0.5").tag("nic1"),
            Network::port("port-1"),
        ]))
        .block_device(BlockDevice::image_to_volume("img-1", 10).delete_on_termination(true))
        .block_device(swap)
        .security_group("default")
        .security_group("web")
        .user_data("#!/bin/sh\necho hi\n")
        .metadata("role", "web")
        .key_name("mykey")
        .availability_zone("nova:devcloud")
        .description("a web server")
        .tag("prod")
        .hostname("web-1.example.com")
        .admin_pass("s3cret-pass")
        .count(1, 2)
        .scheduler_hints(hints);
    opts.config_drive = Some(true);
    opts.trusted_image_certificates = Some(vec!["cert-1".into()]);
    opts.access_ipv4 = Some("1.2.3.4".into());
    opts.access_ipv6 = Some("80fe::".into());
    opts.disk_config = Some(DiskConfig::Manual);
    opts.host = Some("compute-1".into());
    opts.hypervisor_hostname = Some("node-1".into());
    assert!(!format!("{opts:?}").contains("s3cret-pass"));

    let result = servers::create(&compute, &opts).await;
    let created = result.extract().unwrap();
    assert_eq!(created.id, "f5dc173b-6804-445a-a6d8-c705dad5b5eb");
    assert_eq!(
        created.admin_pass.as_ref().unwrap().expose_secret(),
        "6NpUwoz2QDRN"
    );
    assert_eq!(created.disk_config, Some(DiskConfig::Auto));
    assert_eq!(created.security_groups[0].name, "default");
    assert_eq!(created.links[0].rel, "self");
    assert!(!format!("{created:?}").contains("6NpUwoz2QDRN"));
    assert_eq!(result.status().unwrap().as_u16(), 202);
}

#[tokio::test]
async fn several_servers_and_the_reservation_id() {
    let server = MockServer::start().await;
    let compute = compute(&server, None).await;
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/servers"))
        .and(body_json(sample_json(&format!(
            "{S}/os-multiple-create/multiple-create-post-req.json"
        ))))
        .respond_with(reply(
            "os-multiple-create/multiple-create-post-resp.json",
            202,
        ))
        .expect(1)
        .mount(&server)
        .await;
    // The sample writes min_count, max_count and return_reservation_id as text: a body
    // read from it is sent back the same way.
    let parsed: CreateRequest = serde_json::from_value(sample_json(&format!(
        "{S}/os-multiple-create/multiple-create-post-req.json"
    )))
    .unwrap();
    assert_eq!(parsed.server.min_count.as_ref().unwrap().value(), 2);
    assert!(
        parsed
            .server
            .return_reservation_id
            .as_ref()
            .unwrap()
            .value()
    );
    let r = servers::create_reservation(&compute, &parsed.server)
        .await
        .unwrap();
    assert_eq!(r, "r-3fhpjulh");
    server.verify().await;

    // Built in code, the counts are numbers and the flag a boolean.
    let server = MockServer::start().await;
    let compute = self::compute(&server, None).await;
    Mock::given(method("POST"))
        .and(path("/compute/v2.1/servers"))
        .and(body_json(
            json!({"server": {"name": "batch", "flavorRef": "1", "imageRef": "img",
            "min_count": 2, "max_count": 3, "return_reservation_id": true}}),
        ))
        .respond_with(reply(
            "os-multiple-create/multiple-create-post-resp.json",
            202,
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new("batch", "1").image_ref("img").count(2, 3);
    assert_eq!(
        servers::create_reservation(&compute, &opts).await.unwrap(),
        "r-3fhpjulh"
    );
    server.verify().await;
}

#[tokio::test]
async fn create_refuses_bad_input_and_fields_of_later_microversions() {
    let server = MockServer::start().await;
    let base = compute(&server, None).await;
    let ok = || CreateOpts::new("a", "1").image_ref("img");
    let refused = |e: ferrocloud::Error, needle: &str| {
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
        assert!(
            e.to_string().contains(needle),
            "{e} should mention {needle}"
        );
    };

    let e = servers::create(&base, &CreateOpts::new("", "1"))
        .await
        .extract()
        .unwrap_err();
    refused(e, "name");
    let e = servers::create(&base, &CreateOpts::new("a", ""))
        .await
        .extract()
        .unwrap_err();
    refused(e, "flavorRef");
    let e = servers::create(
        &base,
        &ok().networks(Networks::List(vec![
            Network::default().fixed_ip("10.0.0.1"),
        ])),
    )
    .await
    .extract()
    .unwrap_err();
    refused(e, "networks[0]");
    let e = servers::create(&base, &ok().count(3, 2))
        .await
        .extract()
        .unwrap_err();
    refused(e, "min_count");

    let e = servers::create(&base, &ok().tag("x"))
        .await
        .extract()
        .unwrap_err();
    refused(e, "2.52");
    let e = servers::create(&base, &ok().description("d"))
        .await
        .extract()
        .unwrap_err();
    refused(e, "2.19");
    let e = servers::create(&base, &ok().networks(Networks::Auto))
        .await
        .extract()
        .unwrap_err();
    refused(e, "2.37");
    let e = servers::create(
        &base.with_microversion("2.89"),
        &ok().networks(Networks::Auto).hostname("h"),
    )
    .await
    .extract()
    .unwrap_err();
    refused(e, "hostname");
    let e = servers::create(&base.with_microversion("2.37"), &ok())
        .await
        .extract()
        .unwrap_err();
    refused(e, "networks is required");
    let e = servers::create(
        &base.with_microversion("2.57"),
        &ok()
            .networks(Networks::None)
            .personality(Personality::new("/etc/motd", "hi")),
    )
    .await
    .extract()
    .unwrap_err();
    refused(e, "personality");
    let e = servers::create(
        &base.with_microversion("2.40"),
        &ok().networks(Networks::List(vec![Network::uuid("n").tag("t")])),
    )
    .await
    .extract()
    .unwrap_err();
    refused(e, "tag");
    let mut bdm = BlockDevice::image_to_volume("img", 1);
    bdm.volume_type = Some("fast".into());
    let e = servers::create(
        &base.with_microversion("2.66"),
        &ok().networks(Networks::Auto).block_device(bdm),
    )
    .await
    .extract()
    .unwrap_err();
    refused(e, "volume_type");
    let mut hinted: CreateRequest = ok().into();
    hinted.scheduler_hints = Some(SchedulerHints::default());
    hinted.legacy_scheduler_hints = Some(SchedulerHints::default());
    let e = ferrocloud::request::Validate::validate(&hinted).unwrap_err();
    refused(e, "scheduler_hints");
    assert_eq!(count(&server, "POST", "/compute/v2.1/servers").await, 0);
}

#[tokio::test]
async fn update_and_delete() {
    let server = MockServer::start().await;
    let compute = compute(&server, Some("2.104")).await;
    for (req, resp) in [
        (
            "servers/v2.104/server-update-req.json",
            "servers/v2.104/server-update-resp.json",
        ),
        (
            "servers/v2.63/server-update-req.json",
            "servers/v2.98/server-update-resp.json",
        ),
    ] {
        Mock::given(method("PUT"))
            .and(path("/compute/v2.1/servers/s1"))
            .and(body_json(sample_json(&format!("{S}/{req}"))))
            .respond_with(reply(resp, 200))
            .expect(1)
            .mount(&server)
            .await;
    }
    let unpin = UpdateOpts {
        access_ipv4: Some("1.2.3.4".into()),
        access_ipv6: Some("80fe::".into()),
        disk_config: Some(DiskConfig::Auto),
        hostname: Some("new-server-hostname.example.com".into()),
        pinned_availability_zone: Some(None),
        ..Default::default()
    };
    let s = servers::update(&compute, "s1", &unpin)
        .await
        .extract()
        .unwrap();
    assert_eq!(s.name.as_deref(), Some("new-server-test"));
    assert_eq!(s.pinned_availability_zone, None);
    let rename = UpdateOpts {
        access_ipv4: Some("1.2.3.4".into()),
        access_ipv6: Some("80fe::".into()),
        disk_config: Some(DiskConfig::Auto),
        ..Default::default()
    }
    .name("new-server-test")
    .description("Sample description");
    let s = servers::update(&compute, "s1", &rename)
        .await
        .extract()
        .unwrap();
    assert_eq!(s.flavor.unwrap().original_name.as_deref(), Some("m1.tiny"));

    // Fields of later microversions are refused, empty names too.
    let e = servers::update(
        &compute.with_microversion("2.18"),
        "s1",
        &UpdateOpts::default().description("d"),
    )
    .await
    .extract()
    .unwrap_err();
    assert!(e.to_string().contains("2.19"), "{e}");
    let e = servers::update(
        &compute.with_microversion("2.89"),
        "s1",
        &UpdateOpts::default().hostname("h"),
    )
    .await
    .extract()
    .unwrap_err();
    assert!(e.to_string().contains("2.90"), "{e}");
    let e = servers::update(
        &compute.with_microversion("2.103"),
        "s1",
        &UpdateOpts {
            pinned_availability_zone: Some(None),
            ..Default::default()
        },
    )
    .await
    .extract()
    .unwrap_err();
    assert!(e.to_string().contains("2.104"), "{e}");
    let e = servers::update(&compute, "s1", &UpdateOpts::default().name(""))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);

    Mock::given(method("DELETE"))
        .and(path("/compute/v2.1/servers/s1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    servers::delete(&compute, "s1").await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn list_sends_every_filter() {
    let server = MockServer::start().await;
    let compute = compute(&server, Some("2.73")).await;
    let expected = [
        ("changes-since", "2024-01-01T00:00:00Z"),
        ("changes-before", "2024-02-01T00:00:00Z"),
        ("image", "img"),
        ("flavor", "42"),
        ("name", "^web"),
        ("description", "db"),
        ("ip", "10\\.0\\."),
        ("ip6", "fe80"),
        ("status", "ACTIVE"),
        ("host", "compute-1"),
        ("node", "node-1"),
        ("hostname", "web"),
        ("all_tenants", "true"),
        ("tenant_id", "t1"),
        ("project_id", "p1"),
        ("user_id", "u1"),
        ("uuid", "0e44cc9c"),
        ("reservation_id", "r-1"),
        ("availability_zone", "nova"),
        ("key_name", "k"),
        ("vm_state", "active"),
        ("task_state", "rebooting"),
        ("power_state", "1"),
        ("progress", "100"),
        ("launch_index", "0"),
        ("kernel_id", "kid"),
        ("ramdisk_id", "rid"),
        ("root_device_name", "/dev/vda"),
        ("config_drive", "True"),
        ("access_ip_v4", "1.2.3.4"),
        ("access_ip_v6", "80fe::"),
        ("auto_disk_config", "True"),
        ("locked_by", "owner"),
        ("created_at", "2024"),
        ("launched_at", "2024"),
        ("terminated_at", "2025"),
        ("locked", "false"),
        ("deleted", "true"),
        ("soft_deleted", "true"),
        ("tags", "a,b"),
        ("tags-any", "c"),
        ("not-tags", "d"),
        ("not-tags-any", "e,f"),
        ("sort_key", "display_name"),
        ("sort_dir", "asc"),
        ("marker", "m1"),
        ("limit", "10"),
        ("custom", "x"),
    ];
    let mut m = Mock::given(method("GET")).and(path("/compute/v2.1/servers/detail"));
    for (k, v) in expected {
        m = m.and(query_param(k, v));
    }
    m.respond_with(reply("servers/v2.73/servers-details-resp.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let s = |v: &str| Some(v.to_string());
    let mut opts = ListOpts {
        changes_since: s("2024-01-01T00:00:00Z"),
        changes_before: s("2024-02-01T00:00:00Z"),
        image: s("img"),
        flavor: s("42"),
        name: s("^web"),
        description: s("db"),
        ip: s("10\\.0\\."),
        ip6: s("fe80"),
        status: s("ACTIVE"),
        host: s("compute-1"),
        node: s("node-1"),
        hostname: s("web"),
        all_tenants: Some(true),
        tenant_id: s("t1"),
        project_id: s("p1"),
        user_id: s("u1"),
        uuid: s("0e44cc9c"),
        reservation_id: s("r-1"),
        availability_zone: s("nova"),
        key_name: s("k"),
        vm_state: s("active"),
        task_state: s("rebooting"),
        power_state: Some(1),
        progress: Some(100),
        launch_index: Some(0),
        kernel_id: s("kid"),
        ramdisk_id: s("rid"),
        root_device_name: s("/dev/vda"),
        config_drive: s("True"),
        access_ip_v4: s("1.2.3.4"),
        access_ip_v6: s("80fe::"),
        auto_disk_config: s("True"),
        locked_by: s("owner"),
        created_at: s("2024"),
        launched_at: s("2024"),
        terminated_at: s("2025"),
        locked: Some(false),
        deleted: Some(true),
        soft_deleted: Some(true),
        tags: vec!["a".into(), "b".into()],
        tags_any: vec!["c".into()],
        not_tags: vec!["d".into()],
        not_tags_any: vec!["e".into(), "f".into()],
        sort_key: vec!["display_name".into()],
        sort_dir: vec!["asc".into()],
        marker: s("m1"),
        limit: Some(10),
        ..Default::default()
    };
    opts.extra.insert("custom".into(), "x".into());
    let page = servers::list(&compute, &opts).all_pages().await.unwrap();
    let all = servers::extract_servers(&page).unwrap();
    assert_eq!(
        all[0].locked_reason.as_deref(),
        Some("I don't want to work")
    );
    server.verify().await;
}

/// Every server in a sample body: one under `server`, or a list under `servers`.
fn servers_in(v: &Value) -> Vec<Value> {
    match (v.get("server"), v.get("servers")) {
        (Some(one), _) => vec![one.clone()],
        (_, Some(Value::Array(list))) => list.clone(),
        _ => panic!("no server in {v}"),
    }
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct WithExtensions {
    #[serde(flatten)]
    server: Server,
    #[serde(flatten)]
    zone: AvailabilityZone,
    #[serde(flatten)]
    attrs: ServerAttributes,
    #[serde(flatten)]
    status: ExtendedStatus,
    #[serde(flatten)]
    usage: ServerUsage,
    #[serde(flatten)]
    volumes: ExtendedVolumes,
}

#[test]
fn every_server_sample_parses_at_its_microversion() {
    let dir = format!(
        "{}/../conformance/api-samples/{S}/servers",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            for f in std::fs::read_dir(&p).unwrap() {
                files.push(f.unwrap().path());
            }
        } else {
            files.push(p);
        }
    }
    let mut checked = 0;
    for f in files {
        let name = f.file_name().unwrap().to_str().unwrap().to_string();
        let is_server = (name.starts_with("server-get")
            || name.starts_with("servers-details")
            || name.starts_with("server-update-resp")
            || name.starts_with("server-put-resp"))
            && name.ends_with(".json");
        let is_list = name.starts_with("servers-list") && name.ends_with(".json");
        if !is_server && !is_list {
            continue;
        }
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        for item in servers_in(&v) {
            if is_list && item.get("created").is_none() {
                let r: ServerRef =
                    serde_json::from_value(item).unwrap_or_else(|e| panic!("{f:?}: {e}"));
                assert!(!r.id.is_empty());
            } else {
                let s: Server =
                    serde_json::from_value(item.clone()).unwrap_or_else(|e| panic!("{f:?}: {e}"));
                assert!(!s.id.is_empty());
                let x: WithExtensions =
                    serde_json::from_value(item).unwrap_or_else(|e| panic!("{f:?}: {e}"));
                assert_eq!(x.server, s, "{f:?}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} servers checked");
}

#[tokio::test]
async fn fields_of_each_microversion() {
    let server = MockServer::start().await;
    let compute = compute(&server, Some("2.100")).await;
    let samples = [
        "servers/v2.3/server-get-resp.json",
        "servers/v2.9/server-get-resp.json",
        "servers/v2.16/server-get-resp.json",
        "servers/v2.19/server-get-resp.json",
        "servers/v2.47/server-get-resp.json",
        "servers/v2.63/server-get-resp.json",
        "servers/v2.71/server-get-resp.json",
        "servers/v2.71/server-get-down-cell-resp.json",
        "servers/v2.73/server-get-resp.json",
        "servers/v2.98/server-get-resp.json",
        "servers/v2.100/server-get-resp.json",
    ];
    for (i, rel) in samples.iter().enumerate() {
        Mock::given(method("GET"))
            .and(path(format!("/compute/v2.1/servers/s{i}")))
            .respond_with(reply(rel, 200))
            .mount(&server)
            .await;
    }
    let ids: Vec<String> = (0..samples.len()).map(|i| format!("s{i}")).collect();
    let get = |i: usize| servers::get(&compute, &ids[i]);

    let r = get(0).await;
    let attrs: ServerAttributes = r.extract_into().unwrap();
    assert_eq!(
        attrs.host.as_deref(),
        Some("b8b357f7100d4391828f2177c922ef93")
    );
    assert_eq!(attrs.hypervisor_hostname.as_deref(), Some("fake-mini"));
    assert_eq!(attrs.instance_name.as_deref(), Some("instance-00000001"));
    assert_eq!(attrs.hostname.as_deref(), Some("fake-hostname"));
    assert_eq!(attrs.launch_index, Some(0));
    assert_eq!(attrs.reservation_id.as_deref(), Some("r-00000001"));
    assert_eq!(attrs.kernel_id.as_deref(), Some(""));
    assert_eq!(attrs.root_device_name.as_deref(), Some("/dev/sda"));
    assert!(attrs.user_data.is_some());
    let vols: ExtendedVolumes = r.extract_into().unwrap();
    assert_eq!(vols.volumes_attached[0].delete_on_termination, Some(false));
    let usage: ServerUsage = r.extract_into().unwrap();
    assert!(usage.launched_at.is_some() && usage.terminated_at.is_none());
    let zone: AvailabilityZone = r.extract_into().unwrap();
    assert_eq!(zone.availability_zone.as_deref(), Some("us-west"));

    assert_eq!(get(1).await.extract().unwrap().locked, Some(false));
    assert_eq!(
        get(2).await.extract().unwrap().host_status.as_deref(),
        Some("UP")
    );
    assert_eq!(
        get(3).await.extract().unwrap().description.as_deref(),
        Some("new-server-description")
    );
    let s = get(4).await.extract().unwrap();
    let flavor = s.flavor.unwrap();
    assert_eq!(flavor.original_name.as_deref(), Some("m1.tiny.specs"));
    assert_eq!(flavor.ram, Some(512));
    assert_eq!(flavor.extra_specs.unwrap()["hw:numa_nodes"], "1");
    assert!(flavor.id.is_none());
    assert_eq!(
        get(5)
            .await
            .extract()
            .unwrap()
            .trusted_image_certificates
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        get(6).await.extract().unwrap().server_groups.unwrap().len(),
        1
    );
    let down = get(7).await;
    let s = down.extract().unwrap();
    assert_eq!((s.status.as_str(), s.name.as_deref()), ("UNKNOWN", None));
    let zone: AvailabilityZone = down.extract_into().unwrap();
    assert_eq!(zone.availability_zone.as_deref(), Some("UNKNOWN"));
    assert_eq!(
        get(8).await.extract().unwrap().locked_reason.as_deref(),
        Some("I don't want to work")
    );
    let s = get(9).await.extract().unwrap();
    assert_eq!(
        s.image.unwrap().properties.unwrap()["architecture"],
        "x86_64"
    );
    let s = get(10).await.extract().unwrap();
    assert_eq!(s.pinned_availability_zone.as_deref(), Some("us-west"));
    assert!(s.scheduler_hints.unwrap().contains_key("same_host"));
}

#[tokio::test]
async fn list_simple_reads_servers_of_cells_that_are_down() {
    let server = MockServer::start().await;
    let compute = compute(&server, Some("2.69")).await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers"))
        .respond_with(reply("servers/v2.69/servers-list-resp.json", 200))
        .mount(&server)
        .await;
    let refs = servers::list_simple(&compute, &Default::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(refs[0].status.as_deref(), Some("UNKNOWN"));
    assert_eq!(refs[0].name, None);
}
