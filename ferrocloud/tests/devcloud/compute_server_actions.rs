//! Server actions against the real Nova (fake virt driver): what a member can do to a
//! server, and the admin actions, with what Nova answers on a one-host cloud.

use crate::compute_servers::*;
use ferrocloud::openstack::compute::v2::remote_consoles::ConsoleType;
use ferrocloud::openstack::compute::v2::server_actions::{
    self as actions, CreateBackupOpts, EvacuateOpts, LiveMigrateOpts, LockOpts, MigrateOpts,
    RebuildOpts, RescueOpts, ResetState, ResizeOpts, UnshelveOpts,
};
use ferrocloud::openstack::compute::v2::server_migrations;
use ferrocloud::openstack::compute::v2::servers;
use ferrocloud::{ErrorKind, ExposeSecret, SecretString};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn member_actions() {
    let provider = member_provider().await;
    let compute = compute_for(&provider).await;
    let image = test_image(&provider).await;
    let opts = member_server_opts(&provider, "act").await;
    with_server(&compute, opts, move |compute, server, cleanup| async move {
        let id = server.id.clone();

        actions::pause(&compute, &id).await.ok().unwrap();
        settle(&compute, &id, "PAUSED").await;
        // Nova refuses what the state does not allow, with its reason.
        let e = actions::suspend(&compute, &id).await.ok().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
        assert!(e.service_message().contains("paused"), "{e}");
        actions::unpause(&compute, &id).await.ok().unwrap();
        settle(&compute, &id, "ACTIVE").await;

        actions::suspend(&compute, &id).await.ok().unwrap();
        settle(&compute, &id, "SUSPENDED").await;
        actions::resume(&compute, &id).await.ok().unwrap();
        settle(&compute, &id, "ACTIVE").await;

        let why = LockOpts {
            locked_reason: Some("ferrocloud test".into()),
        };
        actions::lock(&compute, &id, &why).await.ok().unwrap();
        let locked = servers::get(&compute, &id).await.extract().unwrap();
        assert_eq!(locked.locked, Some(true));
        assert_eq!(locked.locked_reason.as_deref(), Some("ferrocloud test"));
        actions::unlock(&compute, &id).await.ok().unwrap();
        assert_eq!(
            servers::get(&compute, &id).await.extract().unwrap().locked,
            Some(false)
        );

        // Rescue answers with the password (the devcloud enables instance passwords).
        let rescue = RescueOpts {
            admin_pass: Some(SecretString::from("Resc-ue-pass-1")),
            ..Default::default()
        };
        let pw = actions::rescue(&compute, &id, &rescue).await.unwrap();
        assert_eq!(pw.unwrap().expose_secret(), "Resc-ue-pass-1");
        settle(&compute, &id, "RESCUE").await;
        actions::unrescue(&compute, &id).await.ok().unwrap();
        settle(&compute, &id, "ACTIVE").await;

        actions::change_password(&compute, &id, &SecretString::from("N3w-pass-ferro"))
            .await
            .ok()
            .unwrap();
        actions::trigger_crash_dump(&compute, &id)
            .await
            .ok()
            .unwrap();
        settle(&compute, &id, "ACTIVE").await;

        // Security groups: remove the default group, add it back.
        actions::remove_security_group(&compute, &id, "default")
            .await
            .ok()
            .unwrap();
        actions::add_security_group(&compute, &id, "default")
            .await
            .ok()
            .unwrap();
        // Adding it twice is refused by Neutron through Nova.
        let e = actions::add_security_group(&compute, &id, "default")
            .await
            .ok()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");

        // A backup: the image ID comes back in the body (2.45+).
        let backup = CreateBackupOpts {
            name: ferrocloud_unique("act-backup"),
            backup_type: "daily".into(),
            rotation: 1,
            metadata: None,
        };
        let backup_id = actions::create_backup(&compute, &id, &backup)
            .await
            .unwrap()
            .expect("a backup image");
        cleanup.image(&backup_id);
        settle(&compute, &id, "ACTIVE").await;

        // Before 2.45 the image ID comes from the Location header.
        let image_id = actions::create_image(
            &compute.with_microversion("2.44"),
            &id,
            &actions::CreateImageOpts::new(ferrocloud_unique("act-image")),
        )
        .await
        .unwrap();
        cleanup.image(&image_id);
        assert!(glance_image(compute.provider(), &image_id).await.is_some());
        settle(&compute, &id, "ACTIVE").await;

        // Shelve: the devcloud offloads at once.
        actions::shelve(&compute, &id).await.ok().unwrap();
        settle(&compute, &id, "SHELVED_OFFLOADED").await;
        actions::unshelve(&compute, &id, &UnshelveOpts::default())
            .await
            .ok()
            .unwrap();
        settle(&compute, &id, "ACTIVE").await;

        // Rebuild returns the server with a new admin password.
        let new_name = format!("{}-rebuilt", server.name.as_deref().unwrap());
        let rebuilt = actions::rebuild(&compute, &id, &RebuildOpts::new(&image).name(&new_name))
            .await
            .extract()
            .unwrap();
        assert_eq!(rebuilt.server.name, Some(new_name));
        assert!(rebuilt.admin_pass.is_some());
        settle(&compute, &id, "ACTIVE").await;

        // A resize to a bigger flavor on a one-host cloud: accepted (202), then the
        // scheduler finds no other host and the server stays ACTIVE on its flavor.
        let resize = ResizeOpts {
            flavor_ref: "84".into(),
            disk_config: None,
        };
        actions::resize(&compute, &id, &resize).await.ok().unwrap();
        let after = settle(&compute, &id, "ACTIVE").await;
        assert_eq!(
            after.flavor.unwrap().original_name.as_deref(),
            Some("m1.nano")
        );

        // The deprecated console actions exist until 2.5; VNC is off in the devcloud.
        let e =
            actions::get_vnc_console(&compute.with_microversion("2.5"), &id, ConsoleType::NoVnc)
                .await
                .extract()
                .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");
        assert!(
            e.service_message().contains("Unavailable console type"),
            "{e}"
        );
        let out = actions::get_console_output(&compute, &id, None)
            .await
            .unwrap();
        assert!(!out.is_empty());
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn admin_actions() {
    let provider = admin_provider().await;
    let compute = compute_for(&provider).await;
    let opts = admin_server_opts(&provider, "adm").await;
    with_server(&compute, opts, |compute, server, _cleanup| async move {
        let id = server.id.clone();

        actions::reset_state(&compute, &id, ResetState::Error)
            .await
            .ok()
            .unwrap();
        assert_eq!(
            servers::get(&compute, &id).await.extract().unwrap().status,
            "ERROR"
        );
        actions::reset_state(&compute, &id, ResetState::Active)
            .await
            .ok()
            .unwrap();
        settle(&compute, &id, "ACTIVE").await;

        actions::inject_network_info(&compute, &id)
            .await
            .ok()
            .unwrap();

        // A cold migration: accepted, then no valid host on a one-host cloud; the server
        // stays ACTIVE.
        actions::migrate(&compute, &id, &MigrateOpts::default())
            .await
            .ok()
            .unwrap();
        settle(&compute, &id, "ACTIVE").await;
        // Targeting the server's own host is refused at once.
        let here = MigrateOpts {
            host: Some("devcloud".into()),
        };
        let e = actions::migrate(&compute, &id, &here)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");

        // A live migration: the same story.
        actions::live_migrate(&compute, &id, &LiveMigrateOpts::default())
            .await
            .ok()
            .unwrap();
        settle(&compute, &id, "ACTIVE").await;
        // Nothing is in progress any more.
        let in_progress = server_migrations::list(&compute, &id)
            .all_pages()
            .await
            .unwrap()
            .extract()
            .unwrap();
        assert!(in_progress.is_empty(), "{in_progress:?}");

        // Evacuate needs the host's compute service down.
        let e = actions::evacuate(&compute, &id, &EvacuateOpts::default())
            .await
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");
        assert!(e.service_message().contains("still in use"), "{e}");

        // Soft delete is off in the devcloud: restore and force delete have nothing to do.
        let e = actions::restore(&compute, &id).await.ok().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
    })
    .await;
}

fn ferrocloud_unique(prefix: &str) -> String {
    crate::support::unique(prefix)
}
