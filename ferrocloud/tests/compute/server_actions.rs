//! Server actions: every action's body as the official samples write it, the answers
//! of those that have one, and the microversion rules.

use crate::common::*;
use ferrocloud::openstack::compute::v2::extensions::diskconfig::DiskConfig;
use ferrocloud::openstack::compute::v2::remote_consoles::ConsoleType;
use ferrocloud::openstack::compute::v2::server_actions::{
    self as actions, AddFloatingIpOpts, BlockMigration, ChangePasswordOpts, CreateBackupOpts,
    CreateImageOpts, EvacuateOpts, LiveMigrateOpts, LockOpts, MigrateOpts, RebootType, RebuildOpts,
    RescueOpts, ResetState, ResizeOpts, UnshelveOpts,
};
use ferrocloud::{EndpointOpts, ErrorKind, ExposeSecret, SecretString, ServiceClient, openstack};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples";
const ACTION: &str = "/compute/v2.1/servers/s1/action";

async fn compute(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap()
}

fn sample_body(rel: &str) -> Value {
    sample_json(&format!("{S}/{rel}"))
}

/// Expects exactly one action request whose body is `body`, and answers it.
async fn expect(server: &MockServer, body: Value, answer: ResponseTemplate) {
    Mock::given(method("POST"))
        .and(path(ACTION))
        .and(body_json(body))
        .respond_with(answer)
        .expect(1)
        .mount(server)
        .await;
}

fn accepted() -> ResponseTemplate {
    ResponseTemplate::new(202)
}

fn answer(rel: &str) -> ResponseTemplate {
    ResponseTemplate::new(202).set_body_string(sample(&format!("{S}/{rel}")))
}

async fn actions_sent(server: &MockServer) -> usize {
    count(server, "POST", ACTION).await
}

#[tokio::test]
async fn actions_without_options() {
    let server = MockServer::start().await;
    let c = compute(&server).await.with_microversion("2.17");
    let cases = [
        "servers/server-action-confirm-resize.json",
        "os-pause-server/pause-server.json",
        "os-pause-server/unpause-server.json",
        "os-suspend-server/server-suspend.json",
        "os-suspend-server/server-resume.json",
        "servers/server-action-revert-resize.json",
        "servers/server-action-start.json",
        "servers/server-action-stop.json",
        "os-lock-server/unlock-server.json",
        "os-rescue/server-unrescue-req.json",
        "os-admin-actions/admin-actions-inject-network-info.json",
        "servers/v2.17/server-action-trigger-crash-dump.json",
        "os-deferred-delete/force-delete-post-req.json",
        "os-deferred-delete/restore-post-req.json",
        "os-shelve/os-shelve.json",
        "os-shelve/os-shelve-offload.json",
    ];
    for rel in cases {
        expect(&server, sample_body(rel), accepted()).await;
    }
    actions::confirm_resize(&c, "s1").await.ok().unwrap();
    actions::pause(&c, "s1").await.ok().unwrap();
    actions::unpause(&c, "s1").await.ok().unwrap();
    actions::suspend(&c, "s1").await.ok().unwrap();
    actions::resume(&c, "s1").await.ok().unwrap();
    actions::revert_resize(&c, "s1").await.ok().unwrap();
    actions::start(&c, "s1").await.ok().unwrap();
    actions::stop(&c, "s1").await.ok().unwrap();
    actions::unlock(&c, "s1").await.ok().unwrap();
    actions::unrescue(&c, "s1").await.ok().unwrap();
    actions::inject_network_info(&c, "s1").await.ok().unwrap();
    actions::trigger_crash_dump(&c, "s1").await.ok().unwrap();
    actions::force_delete(&c, "s1").await.ok().unwrap();
    actions::restore(&c, "s1").await.ok().unwrap();
    actions::shelve(&c, "s1").await.ok().unwrap();
    actions::shelve_offload(&c, "s1").await.ok().unwrap();
    server.verify().await;

    // The crash dump needs 2.17.
    let e = actions::trigger_crash_dump(&c.with_microversion("2.16"), "s1")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("2.17"), "{e}");
    assert_eq!(actions_sent(&server).await, cases.len());
}

#[tokio::test]
async fn reboot_resize_and_security_groups() {
    let server = MockServer::start().await;
    let c = compute(&server).await;
    expect(
        &server,
        sample_body("servers/server-action-reboot.json"),
        accepted(),
    )
    .await;
    expect(&server, json!({"reboot": {"type": "SOFT"}}), accepted()).await;
    expect(
        &server,
        sample_body("servers/server-action-resize.json"),
        accepted(),
    )
    .await;
    expect(
        &server,
        sample_body("os-security-groups/security-group-add-post-req.json"),
        accepted(),
    )
    .await;
    expect(
        &server,
        sample_body("os-security-groups/security-group-remove-post-req.json"),
        accepted(),
    )
    .await;
    actions::reboot(&c, "s1", RebootType::Hard)
        .await
        .ok()
        .unwrap();
    actions::reboot(&c, "s1", RebootType::default())
        .await
        .ok()
        .unwrap();
    let resize = ResizeOpts {
        flavor_ref: "2".into(),
        disk_config: Some(DiskConfig::Auto),
    };
    actions::resize(&c, "s1", &resize).await.ok().unwrap();
    actions::add_security_group(&c, "s1", "test")
        .await
        .ok()
        .unwrap();
    actions::remove_security_group(&c, "s1", "test")
        .await
        .ok()
        .unwrap();
    server.verify().await;

    let e = actions::resize(&c, "s1", &ResizeOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("flavorRef"), "{e}");
    let e = actions::add_security_group(&c, "s1", "")
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("name"), "{e}");
}

#[tokio::test]
async fn change_password_keeps_the_secret_out_of_debug() {
    let server = MockServer::start().await;
    let c = compute(&server).await;
    expect(
        &server,
        sample_body("os-admin-password/admin-password-change-password.json"),
        accepted(),
    )
    .await;
    let pw = SecretString::from("foo");
    actions::change_password(&c, "s1", &pw).await.ok().unwrap();
    server.verify().await;
    let opts = ChangePasswordOpts::new("hunter2-secret");
    assert!(!format!("{opts:?}").contains("hunter2-secret"));
    let e = actions::change_password(&c, "s1", &SecretString::from(""))
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("adminPass"), "{e}");
}

#[tokio::test]
async fn create_image_and_backup_read_the_id_from_the_body_or_the_location() {
    let server = MockServer::start().await;
    let c = compute(&server).await;
    let image = CreateImageOpts::new("foo-image").metadata("meta_var", "meta_val");
    // Before 2.45: the Location header.
    expect(
        &server,
        sample_body("servers/server-action-create-image.json"),
        ResponseTemplate::new(202).insert_header(
            "location",
            "http://glance.example.com/images/0e7761dd-ee98-41f0-ba35-05994e446431",
        ),
    )
    .await;
    assert_eq!(
        actions::create_image(&c, "s1", &image).await.unwrap(),
        "0e7761dd-ee98-41f0-ba35-05994e446431"
    );
    server.verify().await;
    server.reset().await;

    // From 2.45: the body.
    let c45 = c.with_microversion("2.45");
    expect(
        &server,
        sample_body("servers/v2.45/server-action-create-image.json"),
        answer("servers/v2.45/server-action-create-image-resp.json"),
    )
    .await;
    let v245: CreateImageOpts = serde_json::from_value(
        sample_body("servers/v2.45/server-action-create-image.json")["createImage"].clone(),
    )
    .unwrap();
    assert_eq!(
        actions::create_image(&c45, "s1", &v245).await.unwrap(),
        "0e7761dd-ee98-41f0-ba35-05994e446431"
    );
    expect(
        &server,
        sample_body("os-create-backup/create-backup-req.json"),
        answer("os-create-backup/v2.45/create-backup-resp.json"),
    )
    .await;
    let backup = CreateBackupOpts {
        name: "Backup 1".into(),
        backup_type: "daily".into(),
        rotation: 1,
        metadata: None,
    };
    assert_eq!(
        actions::create_backup(&c45, "s1", &backup)
            .await
            .unwrap()
            .as_deref(),
        Some("0e7761dd-ee98-41f0-ba35-05994e446431")
    );
    server.verify().await;
    server.reset().await;

    // A backup with rotation 0 before 2.45 has no image to point to.
    expect(
        &server,
        json!({"createBackup": {"name": "b", "backup_type": "weekly", "rotation": 0}}),
        accepted(),
    )
    .await;
    let none = CreateBackupOpts {
        name: "b".into(),
        backup_type: "weekly".into(),
        rotation: 0,
        metadata: None,
    };
    assert_eq!(actions::create_backup(&c, "s1", &none).await.unwrap(), None);
    // No ID at all from createImage is an error.
    expect(&server, json!({"createImage": {"name": "x"}}), accepted()).await;
    let e = actions::create_image(&c, "s1", &CreateImageOpts::new("x"))
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    let e = actions::create_image(&c, "s1", &CreateImageOpts::new(""))
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn lock_with_and_without_a_reason() {
    let server = MockServer::start().await;
    let c = compute(&server).await;
    expect(
        &server,
        sample_body("os-lock-server/lock-server.json"),
        accepted(),
    )
    .await;
    expect(
        &server,
        sample_body("os-lock-server/v2.73/lock-server-with-reason.json"),
        accepted(),
    )
    .await;
    actions::lock(&c, "s1", &LockOpts::default())
        .await
        .ok()
        .unwrap();
    let why = LockOpts {
        locked_reason: Some("I don't want to work".into()),
    };
    actions::lock(&c.with_microversion("2.73"), "s1", &why)
        .await
        .ok()
        .unwrap();
    let e = actions::lock(&c.with_microversion("2.72"), "s1", &why)
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("2.73"), "{e}");
    server.verify().await;
}

#[tokio::test]
async fn rebuild_sends_the_samples_and_returns_the_server_with_its_password() {
    let server = MockServer::start().await;
    let c = compute(&server).await;
    for (req, resp, mv) in [
        (
            "servers/v2.63/server-action-rebuild.json",
            "servers/v2.75/server-action-rebuild-resp.json",
            "2.75",
        ),
        (
            "servers/v2.90/server-action-rebuild.json",
            "servers/v2.96/server-action-rebuild-resp.json",
            "2.96",
        ),
        (
            "servers/v2.94/server-action-rebuild.json",
            "servers/v2.100/server-action-rebuild-resp.json",
            "2.100",
        ),
        (
            "servers/server-action-rebuild.json",
            "servers/server-action-rebuild-resp.json",
            "2.1",
        ),
    ] {
        server.reset().await;
        let body = sample_body(req);
        expect(&server, body.clone(), answer(resp)).await;
        let opts: RebuildOpts = serde_json::from_value(body["rebuild"].clone()).unwrap();
        let r = actions::rebuild(&c.with_microversion(mv), "s1", &opts).await;
        let rebuilt = r.extract().unwrap_or_else(|e| panic!("{req}: {e}"));
        assert_eq!(rebuilt.server.name.as_deref(), Some("foobar"), "{resp}");
        assert_eq!(
            rebuilt.admin_pass.as_ref().unwrap().expose_secret(),
            "seekr3t"
        );
        assert!(!format!("{rebuilt:?}").contains("seekr3t"));
        if mv == "2.100" {
            assert_eq!(
                rebuilt.user_data.as_deref(),
                Some("ZWNobyAiaGVsbG8gd29ybGQi")
            );
            assert!(rebuilt.server.scheduler_hints.is_some());
        }
        server.verify().await;
    }
    // Built in code.
    server.reset().await;
    expect(
        &server,
        json!({"rebuild": {"imageRef": "img", "name": "n", "adminPass": "pw", "key_name": null,
            "user_data": "aGk=", "description": null, "preserve_ephemeral": true}}),
        answer("servers/v2.100/server-action-rebuild-resp.json"),
    )
    .await;
    let mut opts = RebuildOpts::new("img")
        .name("n")
        .admin_pass("pw")
        .user_data("hi");
    opts.key_name = Some(None);
    opts.description = Some(None);
    opts.preserve_ephemeral = Some(true);
    actions::rebuild(&c.with_microversion("2.100"), "s1", &opts)
        .await
        .extract()
        .unwrap();
    server.verify().await;

    // Fields of later microversions are refused.
    for (mv, needle) in [("2.53", "key_name"), ("2.56", "user_data")] {
        let e = actions::rebuild(&c.with_microversion(mv), "s1", &opts)
            .await
            .extract()
            .unwrap_err();
        assert!(e.to_string().contains(needle), "{mv}: {e}");
    }
    let mut h = RebuildOpts::new("img");
    h.hostname = Some("h".into());
    let e = actions::rebuild(&c.with_microversion("2.89"), "s1", &h)
        .await
        .extract()
        .unwrap_err();
    assert!(e.to_string().contains("2.90"), "{e}");
    let e = actions::rebuild(&c, "s1", &RebuildOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert!(e.to_string().contains("imageRef"), "{e}");
}

#[tokio::test]
async fn rescue_and_evacuate_return_the_admin_password() {
    let server = MockServer::start().await;
    let c = compute(&server).await;
    expect(
        &server,
        sample_body("os-rescue/server-rescue-req-with-image-ref.json"),
        answer("os-rescue/server-rescue.json"),
    )
    .await;
    let opts: RescueOpts = serde_json::from_value(
        sample_body("os-rescue/server-rescue-req-with-image-ref.json")["rescue"].clone(),
    )
    .unwrap();
    let pw = actions::rescue(&c, "s1", &opts).await.unwrap().unwrap();
    assert_eq!(pw.expose_secret(), "MySecretPass");
    // Without a password in the answer (enable_instance_password off).
    expect(
        &server,
        json!({"rescue": {}}),
        ResponseTemplate::new(200).set_body_string("{}"),
    )
    .await;
    assert!(
        actions::rescue(&c, "s1", &RescueOpts::default())
            .await
            .unwrap()
            .is_none()
    );

    // Before 2.14: onSharedStorage is required, the answer has the password.
    expect(
        &server,
        sample_body("os-evacuate/server-evacuate-req.json"),
        answer("os-evacuate/server-evacuate-resp.json"),
    )
    .await;
    let old: EvacuateOpts = serde_json::from_value(
        sample_body("os-evacuate/server-evacuate-req.json")["evacuate"].clone(),
    )
    .unwrap();
    let pw = actions::evacuate(&c, "s1", &old).await.unwrap().unwrap();
    assert_eq!(pw.expose_secret(), "MySecretPass");
    let e = actions::evacuate(&c, "s1", &EvacuateOpts::default())
        .await
        .unwrap_err();
    assert!(e.to_string().contains("onSharedStorage"), "{e}");
    server.verify().await;

    // 2.29: force, no answer body.
    expect(
        &server,
        sample_body("os-evacuate/v2.29/server-evacuate-req.json"),
        accepted(),
    )
    .await;
    let v229 = EvacuateOpts {
        host: Some("testHost".into()),
        admin_pass: Some(SecretString::from("MySecretPass")),
        force: Some(false),
        ..Default::default()
    };
    assert!(
        actions::evacuate(&c.with_microversion("2.29"), "s1", &v229)
            .await
            .unwrap()
            .is_none()
    );
    // 2.95: nothing at all.
    expect(
        &server,
        sample_body("os-evacuate/v2.95/server-evacuate-find-host-req.json"),
        accepted(),
    )
    .await;
    actions::evacuate(&c.with_microversion("2.95"), "s1", &EvacuateOpts::default())
        .await
        .unwrap();
    for (mv, opts, needle) in [
        ("2.14", old.clone(), "onSharedStorage"),
        ("2.28", v229.clone(), "2.29"),
        ("2.68", v229.clone(), "2.67"),
    ] {
        let e = actions::evacuate(&c.with_microversion(mv), "s1", &opts)
            .await
            .unwrap_err();
        assert!(e.to_string().contains(needle), "{mv}: {e}");
    }
    server.verify().await;
}

#[tokio::test]
async fn migrations_follow_the_microversion() {
    let server = MockServer::start().await;
    let c = compute(&server).await;
    expect(
        &server,
        sample_body("os-migrate-server/migrate-server.json"),
        accepted(),
    )
    .await;
    expect(
        &server,
        sample_body("os-migrate-server/v2.56/migrate-server.json"),
        accepted(),
    )
    .await;
    actions::migrate(&c, "s1", &MigrateOpts::default())
        .await
        .ok()
        .unwrap();
    let to = MigrateOpts {
        host: Some("host1".into()),
    };
    actions::migrate(&c.with_microversion("2.56"), "s1", &to)
        .await
        .ok()
        .unwrap();
    let e = actions::migrate(&c.with_microversion("2.55"), "s1", &to)
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("2.56"), "{e}");
    server.verify().await;

    // Live migration: the base version takes booleans and disk_over_commit.
    expect(
        &server,
        sample_body("os-migrate-server/live-migrate-server.json"),
        accepted(),
    )
    .await;
    let old = LiveMigrateOpts {
        host: Some("01c0cadef72d47e28a672a76060d492c".into()),
        block_migration: BlockMigration::Bool(false),
        ..Default::default()
    };
    actions::live_migrate(&c, "s1", &old).await.ok().unwrap();
    let e = actions::live_migrate(&c, "s1", &LiveMigrateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("2.25"), "{e}");
    // 2.25: "auto", no disk_over_commit; 2.30: force.
    expect(
        &server,
        sample_body("os-migrate-server/v2.25/live-migrate-server.json"),
        accepted(),
    )
    .await;
    expect(
        &server,
        sample_body("os-migrate-server/v2.30/live-migrate-server.json"),
        accepted(),
    )
    .await;
    let auto = LiveMigrateOpts {
        host: Some("01c0cadef72d47e28a672a76060d492c".into()),
        ..Default::default()
    };
    actions::live_migrate(&c.with_microversion("2.25"), "s1", &auto)
        .await
        .ok()
        .unwrap();
    let forced = LiveMigrateOpts {
        force: Some(false),
        ..auto.clone()
    };
    actions::live_migrate(&c.with_microversion("2.30"), "s1", &forced)
        .await
        .ok()
        .unwrap();
    for (mv, opts, needle) in [
        (
            "2.25",
            LiveMigrateOpts {
                disk_over_commit: Some(true),
                ..auto.clone()
            },
            "disk_over_commit",
        ),
        ("2.29", forced.clone(), "2.30"),
        ("2.68", forced.clone(), "2.67"),
    ] {
        let e = actions::live_migrate(&c.with_microversion(mv), "s1", &opts)
            .await
            .ok()
            .unwrap_err();
        assert!(e.to_string().contains(needle), "{mv}: {e}");
    }
    // The scheduler picks the host: host is sent as null.
    expect(
        &server,
        json!({"os-migrateLive": {"host": null, "block_migration": "auto"}}),
        accepted(),
    )
    .await;
    actions::live_migrate(
        &c.with_microversion("2.68"),
        "s1",
        &LiveMigrateOpts::default(),
    )
    .await
    .ok()
    .unwrap();
    server.verify().await;

    // Reset state.
    expect(
        &server,
        sample_body("os-admin-actions/admin-actions-reset-server-state.json"),
        accepted(),
    )
    .await;
    actions::reset_state(&c, "s1", ResetState::Active)
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        json!({"os-resetState": {"state": "error"}}),
        accepted(),
    )
    .await;
    actions::reset_state(&c, "s1", ResetState::Error)
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn unshelve_in_each_form() {
    let server = MockServer::start().await;
    let c = compute(&server).await;
    let cases: [(&str, &str, UnshelveOpts); 6] = [
        ("os-shelve/os-unshelve.json", "2.1", UnshelveOpts::default()),
        (
            "os-shelve/v2.77/os-unshelve-az.json",
            "2.77",
            UnshelveOpts {
                availability_zone: Some(Some("us-west".into())),
                host: None,
            },
        ),
        (
            "os-shelve/v2.91/os-unshelve-host.json",
            "2.91",
            UnshelveOpts {
                availability_zone: None,
                host: Some("host01".into()),
            },
        ),
        (
            "os-shelve/v2.91/os-unshelve-az-host.json",
            "2.91",
            UnshelveOpts {
                availability_zone: Some(Some("nova".into())),
                host: Some("host01".into()),
            },
        ),
        (
            "os-shelve/v2.91/os-unshelve-host-and-unpin-az.json",
            "2.91",
            UnshelveOpts {
                availability_zone: Some(None),
                host: Some("host01".into()),
            },
        ),
        (
            "os-shelve/v2.91/os-unshelve-unpin-az.json",
            "2.91",
            UnshelveOpts {
                availability_zone: Some(None),
                host: None,
            },
        ),
    ];
    for (rel, mv, opts) in cases {
        server.reset().await;
        expect(&server, sample_body(rel), accepted()).await;
        actions::unshelve(&c.with_microversion(mv), "s1", &opts)
            .await
            .ok()
            .unwrap();
        server.verify().await;
        // The sample reads back into the same options.
        let read: actions::OrNull<UnshelveOpts> =
            serde_json::from_value(sample_body(rel)["unshelve"].clone()).unwrap();
        assert_eq!(read.0, opts, "{rel}");
    }
    for (mv, opts, needle) in [
        (
            "2.76",
            UnshelveOpts {
                availability_zone: Some(Some("az".into())),
                host: None,
            },
            "2.77",
        ),
        (
            "2.90",
            UnshelveOpts {
                availability_zone: Some(None),
                host: None,
            },
            "2.91",
        ),
        (
            "2.90",
            UnshelveOpts {
                availability_zone: None,
                host: Some("h".into()),
            },
            "2.91",
        ),
    ] {
        let e = actions::unshelve(&c.with_microversion(mv), "s1", &opts)
            .await
            .ok()
            .unwrap_err();
        assert!(e.to_string().contains(needle), "{mv}: {e}");
    }
}

#[tokio::test]
async fn console_output_and_the_deprecated_console_actions() {
    let server = MockServer::start().await;
    let c = compute(&server).await;
    Mock::given(method("POST"))
        .and(path(ACTION))
        .and(body_json(sample_body(
            "os-console-output/console-output-post-req.json",
        )))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(&format!(
            "{S}/os-console-output/console-output-post-resp.json"
        ))))
        .expect(1)
        .mount(&server)
        .await;
    let out = actions::get_console_output(&c, "s1", Some(50))
        .await
        .unwrap();
    assert_eq!(out, "FAKE CONSOLE OUTPUT\nANOTHER\nLAST LINE");
    let e = actions::get_console_output(&c, "s1", Some(-2))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("length"), "{e}");

    for (req, resp) in [
        (
            "os-remote-consoles/get-vnc-console-post-req.json",
            "os-remote-consoles/get-vnc-console-post-resp.json",
        ),
        (
            "os-remote-consoles/get-spice-console-post-req.json",
            "os-remote-consoles/get-spice-console-post-resp.json",
        ),
        (
            "os-remote-consoles/get-serial-console-post-req.json",
            "os-remote-consoles/get-serial-console-post-resp.json",
        ),
    ] {
        Mock::given(method("POST"))
            .and(path(ACTION))
            .and(body_json(sample_body(req)))
            .respond_with(
                ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{resp}"))),
            )
            .expect(1)
            .mount(&server)
            .await;
    }
    let vnc = actions::get_vnc_console(&c, "s1", ConsoleType::NoVnc)
        .await
        .extract()
        .unwrap();
    assert_eq!(vnc.console_type, ConsoleType::NoVnc);
    assert!(vnc.url.contains("token"));
    assert!(!format!("{vnc:?}").contains("daae261f"));
    let spice = actions::get_spice_console(&c, "s1", ConsoleType::SpiceHtml5)
        .await
        .extract()
        .unwrap();
    assert_eq!(spice.console_type, ConsoleType::SpiceHtml5);
    let serial = actions::get_serial_console(&c, "s1", ConsoleType::Serial)
        .await
        .extract()
        .unwrap();
    assert!(serial.url.starts_with("ws://"));
    server.verify().await;
    // Gone from 2.6 (remote_consoles::create replaces them).
    let e = actions::get_vnc_console(&c.with_microversion("2.6"), "s1", ConsoleType::NoVnc)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("2.5"), "{e}");
}

#[tokio::test]
async fn fixed_and_floating_ips_until_2_43() {
    let server = MockServer::start().await;
    let c = compute(&server).await;
    for rel in [
        "os-multinic/multinic-add-fixed-ip-req.json",
        "os-multinic/multinic-remove-fixed-ip-req.json",
        "servers/server-action-addfloatingip-req.json",
        "servers/server-action-removefloatingip-req.json",
    ] {
        expect(&server, sample_body(rel), accepted()).await;
    }
    actions::add_fixed_ip(&c, "s1", "e1882e38-38c2-4239-ade7-35d644cb963a")
        .await
        .ok()
        .unwrap();
    actions::remove_fixed_ip(&c, "s1", "10.0.0.4")
        .await
        .ok()
        .unwrap();
    let fip = AddFloatingIpOpts {
        address: "10.10.10.10".into(),
        fixed_address: Some("192.168.1.30".into()),
    };
    actions::add_floating_ip(&c.with_microversion("2.43"), "s1", &fip)
        .await
        .ok()
        .unwrap();
    actions::remove_floating_ip(&c, "s1", "172.16.10.7")
        .await
        .ok()
        .unwrap();
    server.verify().await;
    let late = c.with_microversion("2.44");
    let e = actions::add_floating_ip(&late, "s1", &fip)
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("2.43"), "{e}");
    assert!(actions::add_fixed_ip(&late, "s1", "n").await.ok().is_err());
    assert!(
        actions::remove_fixed_ip(&late, "s1", "a")
            .await
            .ok()
            .is_err()
    );
    assert!(
        actions::remove_floating_ip(&late, "s1", "a")
            .await
            .ok()
            .is_err()
    );
    assert_eq!(actions_sent(&server).await, 4);
}

#[tokio::test]
async fn nova_errors_come_back_with_their_message() {
    let server = MockServer::start().await;
    let c = compute(&server).await;
    Mock::given(method("POST"))
        .and(path(ACTION))
        .respond_with(
            ResponseTemplate::new(409).set_body_json(json!({"conflictingRequest": {
            "code": 409,
            "message": "Cannot 'pause' instance s1 while it is in vm_state stopped"}})),
        )
        .mount(&server)
        .await;
    let e = actions::pause(&c, "s1").await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.service_message().contains("vm_state stopped"));
}
