//! Volumes, their actions and manageable volumes against the real Cinder (no-op volume
//! driver, one backend) and Nova (fake virt driver).
//!
//! Volume types and snapshots, which other modules cover, are made by raw requests.

use std::collections::BTreeMap;

use crate::compute_ips::{member_compute, run_then, wait_opts, with_server};
use crate::support::{admin, member, region, unique};
use ferrocloud::http::Method;
use ferrocloud::openstack::blockstorage::v3::common::{ListControls, SortDir};
use ferrocloud::openstack::blockstorage::v3::manageable_volumes::{
    self, ListOpts as ManageableListOpts, ManageOpts,
};
use ferrocloud::openstack::blockstorage::v3::volume_actions::{
    self, AttachMode, AttachOpts, AttachStatus, Connector, ForceDetachOpts, ImageVisibility,
    MigrateCompletionOpts, MigrateOpts, ReimageOpts, ResetStatusOpts, RetypeOpts, UploadImageOpts,
};
use ferrocloud::openstack::blockstorage::v3::volumes::{
    self, Compare, CreateOpts, DeleteOpts, ListOpts, SummaryOpts, TimeFilter, UpdateOpts,
    VolumeStatus,
};
use ferrocloud::openstack::blockstorage::v3::{volume_metadata, volume_types};
use ferrocloud::openstack::compute::v2::volume_attachments;
use ferrocloud::wait::State;
use ferrocloud::{ErrorKind, Op, Operation, ServiceClient, openstack};
use serde_json::{Value, json};

static CREATE_SNAPSHOT: Op<Value> =
    Op::new(Operation::new("block-storage", Method::POST, "/snapshots"));
static GET_SNAPSHOT: Op<Value> = Op::new(Operation::new(
    "block-storage",
    Method::GET,
    "/snapshots/{snapshot_id}",
));
static LIST_IMAGES: Op<Value> = Op::new(Operation::new("image", Method::GET, "/images"));
static DELETE_IMAGE: Operation = Operation::new("image", Method::DELETE, "/images/{image_id}");

/// The admin's block storage client at Cinder's newest microversion here.
async fn admin_volumes() -> ServiceClient {
    openstack::new_block_storage_v3(&admin().await, region())
        .unwrap()
        .with_microversion("3.71")
}

/// The HTTP status of a refused call.
fn status<T: std::fmt::Debug>(r: ferrocloud::Result<T>) -> u16 {
    r.unwrap_err().status().expect("an HTTP error").as_u16()
}

async fn wait_status(volumes: &ServiceClient, id: &str, s: VolumeStatus) -> volumes::Volume {
    volumes::wait_for_status(volumes, id, s, &wait_opts())
        .await
        .unwrap()
}

/// Creates a 1 GiB volume and waits until it is available.
async fn new_volume(volumes: &ServiceClient, prefix: &str) -> volumes::Volume {
    let created = volumes::create(volumes, &CreateOpts::new(1).name(unique(prefix)))
        .await
        .extract()
        .unwrap();
    wait_status(volumes, &created.id, VolumeStatus::Available).await
}

/// Deletes a volume and its snapshots (forcing it when it is stuck and the user may),
/// and waits until it is gone; errors are reported, not raised.
async fn cleanup_volume(volumes: &ServiceClient, id: &str) {
    let cascade = DeleteOpts {
        cascade: true,
        force: false,
    };
    let forced = DeleteOpts {
        cascade: true,
        force: true,
    };
    let result = match volumes::delete_with(volumes, id, &cascade).await.ok() {
        Err(e) if !e.is_not_found() => volumes::delete_with(volumes, id, &forced).await.ok(),
        other => other,
    };
    match result {
        Ok(()) => {}
        Err(e) if e.is_not_found() => return,
        Err(e) => {
            eprintln!("cleanup: deleting volume {id}: {e}");
            return;
        }
    }
    if let Err(e) = volumes::wait_for_delete(volumes, id, &wait_opts()).await {
        eprintln!("cleanup: volume {id}: {e}");
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn volume_lifecycle_lists_and_flags() {
    let volumes = admin_volumes().await;
    let started = chrono::Utc::now() - chrono::Duration::minutes(5);
    let name = unique("vol");
    let opts = CreateOpts::new(1)
        .name(&name)
        .description("made by ferrocloud")
        .metadata("role", "db");
    let created = volumes::create(&volumes, &opts).await.extract().unwrap();
    let id = created.id.clone();
    run_then(
        async {
            assert_eq!(created.status, VolumeStatus::Creating);
            let vol = wait_status(&volumes, &id, VolumeStatus::Available).await;
            assert_eq!((vol.size, vol.bootable, vol.encrypted), (1, false, false));
            assert_eq!(vol.metadata["role"], "db");
            assert!(vol.tenant_id.is_some() && vol.user_id.is_some());
            // Admin-only and microversioned fields, at 3.71.
            assert!(
                vol.host.as_deref().is_some_and(|h| h.contains('@')),
                "{vol:?}"
            );
            assert!(vol.volume_type_id.is_some() && vol.service_uuid.is_some());
            assert_eq!(vol.consumes_quota, Some(true));
            assert!(vol.cluster_name.is_none() && vol.group_id.is_none());
            // The base version has none of them.
            let base = openstack::new_block_storage_v3(&admin().await, region()).unwrap();
            let old = volumes::get(&base, &id).await.extract().unwrap();
            assert!(old.volume_type_id.is_none() && old.consumes_quota.is_none());

            // Cinder refuses the old multiattach flag.
            let mut multi = CreateOpts::new(1).name(unique("multi"));
            multi.multiattach = Some(true);
            assert_eq!(
                status(volumes::create(&volumes, &multi).await.extract()),
                400
            );

            // Extend.
            volume_actions::extend(&volumes, &id, 2).await.ok().unwrap();
            let vol = wait_status(&volumes, &id, VolumeStatus::Available).await;
            assert_eq!(vol.size, 2);
            // Not extending: the completion is refused.
            let r = volume_actions::extend_volume_completion(&volumes, &id, false).await;
            assert_eq!(status(r.ok()), 400);

            // Metadata and update.
            volume_metadata::set_item(&volumes, &id, "owner", "ops")
                .await
                .ok()
                .unwrap();
            let renamed = format!("{name}-1");
            let upd = UpdateOpts::default().name(&renamed).clear_description();
            let vol = volumes::update(&volumes, &id, &upd)
                .await
                .extract()
                .unwrap();
            assert_eq!(vol.name.as_deref(), Some(renamed.as_str()));
            assert_eq!(vol.description, None);
            assert_eq!(vol.metadata["owner"], "ops");
            // The whole metadata API: merged, shown, one item, replaced, an item deleted.
            let more: std::collections::BTreeMap<String, String> =
                [("role".to_string(), "db".to_string())].into();
            let merged = volume_metadata::set(&volumes, &id, &more)
                .await
                .extract()
                .unwrap();
            assert_eq!(
                (merged["owner"].as_str(), merged["role"].as_str()),
                ("ops", "db")
            );
            let listed = volume_metadata::list(&volumes, &id)
                .await
                .extract()
                .unwrap();
            assert_eq!(listed, merged);
            let owner = volume_metadata::get_item(&volumes, &id, "owner")
                .await
                .extract()
                .unwrap();
            assert_eq!(owner.value, "ops");
            let only: std::collections::BTreeMap<String, String> = [
                ("role".to_string(), "db".to_string()),
                ("tier".to_string(), "gold".to_string()),
            ]
            .into();
            let replaced = volume_metadata::replace(&volumes, &id, &only)
                .await
                .extract()
                .unwrap();
            assert_eq!(replaced, only, "replacing drops owner");
            volume_metadata::set_item(&volumes, &id, "owner", "ops")
                .await
                .ok()
                .unwrap();
            volume_metadata::delete_item(&volumes, &id, "tier")
                .await
                .ok()
                .unwrap();
            let gone = volume_metadata::get_item(&volumes, &id, "tier")
                .await
                .extract()
                .unwrap_err();
            assert!(gone.is_not_found(), "{gone}");
            assert_eq!(volumes::find(&volumes, &renamed).await.unwrap().id, id);
            assert_eq!(volumes::find(&volumes, &id).await.unwrap().id, id);

            // Listings: filters, sort, count, summary.
            let mut by_meta = ListOpts {
                name: Some(renamed.clone()),
                created_at: TimeFilter::default().and(Compare::Gte, started),
                controls: ListControls::default()
                    .sort("created_at", SortDir::Desc)
                    .with_count(),
                ..Default::default()
            };
            by_meta.metadata.insert("role".into(), "db".into());
            let page = volumes::list_detail(&volumes, &by_meta)
                .all_pages()
                .await
                .unwrap();
            let found = volumes::extract(&page).unwrap();
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(volumes::extract_count(&page).unwrap(), Some(1));
            by_meta.metadata.insert("role".into(), "web".into());
            assert!(
                volumes::list(&volumes, &by_meta)
                    .all()
                    .await
                    .unwrap()
                    .is_empty()
            );
            let short = volumes::list(
                &volumes,
                &ListOpts {
                    status: Some(VolumeStatus::Available),
                    bootable: Some(false),
                    controls: ListControls::default().limit(1000),
                    ..Default::default()
                },
            )
            .all()
            .await
            .unwrap();
            assert!(short.iter().any(|s| s.id == id));
            let sum = volumes::summary(&volumes, &SummaryOpts::default())
                .await
                .extract()
                .unwrap();
            assert!(sum.total_count >= 1 && sum.total_size >= 2, "{sum:?}");
            assert!(sum.metadata.unwrap()["role"].contains(&"db".to_string()));

            // Bootable and read-only flags (read-only shows in the admin metadata).
            volume_actions::set_bootable(&volumes, &id, true)
                .await
                .ok()
                .unwrap();
            volume_actions::update_readonly_flag(&volumes, &id, true)
                .await
                .ok()
                .unwrap();
            let vol = volumes::get(&volumes, &id).await.extract().unwrap();
            assert!(vol.bootable);
            assert_eq!(vol.metadata["readonly"], "True");
            let bootable = ListOpts {
                bootable: Some(true),
                name: Some(renamed.clone()),
                ..Default::default()
            };
            assert_eq!(
                volumes::list(&volumes, &bootable)
                    .all()
                    .await
                    .unwrap()
                    .len(),
                1
            );
            volume_actions::update_readonly_flag(&volumes, &id, false)
                .await
                .ok()
                .unwrap();

            // Image metadata.
            let mut items = BTreeMap::new();
            items.insert("purpose".to_string(), "test".to_string());
            let all = volume_actions::set_image_metadata(&volumes, &id, &items)
                .await
                .extract()
                .unwrap();
            assert_eq!(all["purpose"], "test");
            let shown = volume_actions::show_image_metadata(&volumes, &id)
                .await
                .extract()
                .unwrap();
            assert_eq!(shown["purpose"], "test");
            let vol = volumes::get(&volumes, &id).await.extract().unwrap();
            assert_eq!(vol.volume_image_metadata.unwrap()["purpose"], "test");
            volume_actions::unset_image_metadata(&volumes, &id, "purpose")
                .await
                .ok()
                .unwrap();
            let r = volume_actions::unset_image_metadata(&volumes, &id, "purpose").await;
            assert_eq!(status(r.ok()), 404);

            // Reset status (admin).
            let to_error = ResetStatusOpts {
                status: Some(VolumeStatus::Error),
                ..Default::default()
            };
            volume_actions::reset_status(&volumes, &id, &to_error)
                .await
                .ok()
                .unwrap();
            let vol = volumes::get(&volumes, &id).await.extract().unwrap();
            assert_eq!(vol.status, VolumeStatus::Error);
            // The waiter fails fast on it, naming it.
            let e = volumes::wait_for_status(&volumes, &id, VolumeStatus::Available, &wait_opts())
                .await
                .unwrap_err();
            assert!(e.to_string().contains("is error"), "{e}");
            let back = ResetStatusOpts {
                status: Some(VolumeStatus::Available),
                attach_status: Some(AttachStatus::Detached),
                ..Default::default()
            };
            volume_actions::reset_status(&volumes, &id, &back)
                .await
                .ok()
                .unwrap();
            // Cinder refuses `deleting`.
            let deleting = ResetStatusOpts {
                status: Some(VolumeStatus::Deleting),
                ..Default::default()
            };
            let r = volume_actions::reset_status(&volumes, &id, &deleting).await;
            assert_eq!(status(r.ok()), 400);
            wait_status(&volumes, &id, VolumeStatus::Available).await;
        },
        cleanup_volume(&volumes, &id),
    )
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn old_attach_flow_reserve_connect_attach_detach() {
    let volumes = admin_volumes().await;
    let vol = new_volume(&volumes, "flow").await;
    let id = vol.id.clone();
    run_then(
        async {
            // Reserve and unreserve.
            volume_actions::reserve(&volumes, &id).await.ok().unwrap();
            let v = volumes::get(&volumes, &id).await.extract().unwrap();
            assert_eq!(v.status, VolumeStatus::Attaching);
            volume_actions::unreserve(&volumes, &id).await.ok().unwrap();
            wait_status(&volumes, &id, VolumeStatus::Available).await;
            // Detaching needs an attached volume.
            let r = volume_actions::begin_detaching(&volumes, &id).await;
            assert_eq!(status(r.ok()), 400);

            // reserve → initialize the connection → attach (to a host).
            volume_actions::reserve(&volumes, &id).await.ok().unwrap();
            let connector = Connector {
                host: Some("ferro-host".into()),
                ip: Some("127.0.0.1".into()),
                initiator: Some("iqn.2024-01.org.ferrocloud:host".into()),
                ..Default::default()
            };
            let info = volume_actions::initialize_connection(&volumes, &id, &connector)
                .await
                .extract()
                .unwrap();
            // The devcloud's driver answers os-brick "local" connections (a file per volume).
            assert_eq!(info.driver_volume_type, "local");
            assert_eq!(info.enforce_multipath, Some(false));
            let attach = AttachOpts {
                mode: Some(AttachMode::Rw),
                ..AttachOpts::host("ferro-host", "/dev/vdb")
            };
            volume_actions::attach(&volumes, &id, &attach)
                .await
                .ok()
                .unwrap();
            let v = wait_status(&volumes, &id, VolumeStatus::InUse).await;
            assert_eq!(v.attachments.len(), 1, "{v:?}");
            let att = &v.attachments[0];
            assert_eq!(att.host_name.as_deref(), Some("ferro-host"));
            assert_eq!(att.device.as_deref(), Some("/dev/vdb"));
            let attachment_id = att.attachment_id.clone().unwrap();

            // begin detaching → roll back → detach → terminate the connection.
            volume_actions::begin_detaching(&volumes, &id)
                .await
                .ok()
                .unwrap();
            let v = volumes::get(&volumes, &id).await.extract().unwrap();
            assert_eq!(v.status, VolumeStatus::Detaching);
            volume_actions::roll_detaching(&volumes, &id)
                .await
                .ok()
                .unwrap();
            let v = volumes::get(&volumes, &id).await.extract().unwrap();
            assert_eq!(v.status, VolumeStatus::InUse);
            // Attached volumes are not deleted, even forced.
            let r = volume_actions::force_delete(&volumes, &id).await;
            assert_eq!(status(r.ok()), 400);
            volume_actions::detach(&volumes, &id, Some(&attachment_id))
                .await
                .ok()
                .unwrap();
            wait_status(&volumes, &id, VolumeStatus::Available).await;
            volume_actions::terminate_connection(&volumes, &id, &connector)
                .await
                .ok()
                .unwrap();

            // Once more, ended by a forced detach (admin).
            volume_actions::reserve(&volumes, &id).await.ok().unwrap();
            volume_actions::attach(&volumes, &id, &AttachOpts::host("ferro-host", "/dev/vdc"))
                .await
                .ok()
                .unwrap();
            let v = wait_status(&volumes, &id, VolumeStatus::InUse).await;
            let force = ForceDetachOpts {
                attachment_id: v.attachments[0].attachment_id.clone(),
                connector: Some(connector.clone()),
            };
            volume_actions::force_detach(&volumes, &id, &force)
                .await
                .ok()
                .unwrap();
            let v = wait_status(&volumes, &id, VolumeStatus::Available).await;
            assert!(v.attachments.is_empty());
        },
        cleanup_volume(&volumes, &id),
    )
    .await;
}

/// Waits for a snapshot made by a raw request to be available.
async fn wait_snapshot(volumes: &ServiceClient, id: &str) {
    ferrocloud::wait::wait_for(
        &format!("snapshot {id} to be available"),
        &wait_opts(),
        || async { volumes.request(&GET_SNAPSHOT, &[id]).send().await.extract() },
        |s: &Value| match s["snapshot"]["status"].as_str() {
            Some("available") => State::Ready,
            Some(e) if e.starts_with("error") => State::Failed(e.to_string()),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
    .unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn retype_migrate_upload_revert_and_cascade_delete() {
    let volumes = admin_volumes().await;
    let vol = new_volume(&volumes, "ops").await;
    let id = vol.id.clone();
    let type_name = unique("type");
    let created_type = volume_types::create(&volumes, &volume_types::CreateOpts::new(&type_name))
        .await
        .extract()
        .unwrap();
    let type_id = created_type.id.clone();
    let image = openstack::new_image_v2(volumes.provider(), crate::support::region()).unwrap();
    let uploaded = std::sync::Mutex::new(None::<String>);
    run_then(
        async {
            // Retype on the one backend: done in place by the driver.
            let r = volume_actions::retype(&volumes, &id, &RetypeOpts::new(&type_name)).await;
            r.ok().unwrap();
            assert_eq!(r.status().unwrap().as_u16(), 202);
            let v = wait_status(&volumes, &id, VolumeStatus::Available).await;
            assert_eq!(v.volume_type.as_deref(), Some(type_name.as_str()));
            assert_eq!(v.volume_type_id.as_deref(), Some(type_id.as_str()));

            // Migration: the one backend is the volume's own host, which Cinder refuses.
            let host = v.host.clone().unwrap();
            let r = volume_actions::migrate(&volumes, &id, &MigrateOpts::host(&host)).await;
            assert_eq!(status(r.ok()), 400);
            // Without a running migration, Cinder moves the volume's attachments (none
            // here) to the new volume and answers with the new volume's ID.
            let done = MigrateCompletionOpts {
                new_volume: id.clone(),
                error: Some(false),
            };
            let kept = volume_actions::migrate_volume_completion(&volumes, &id, &done)
                .await
                .extract()
                .unwrap();
            assert_eq!(kept.save_volume_id, id);

            // Upload to an image (3.1 fields); Glance gets a queued image at once.
            let opts = UploadImageOpts::new(unique("img"))
                .visibility(ImageVisibility::Private)
                .protected(false);
            let up = volume_actions::upload_to_image(&volumes, &id, &opts)
                .await
                .extract()
                .unwrap();
            *uploaded.lock().unwrap() = Some(up.image_id.clone());
            assert_eq!(up.id, id);
            assert_eq!(up.status, VolumeStatus::Uploading);
            assert_eq!(up.image_name.as_deref(), Some(opts.image_name.as_str()));
            assert_eq!(up.visibility, Some(ImageVisibility::Private));
            assert_eq!(up.protected, Some(false));
            assert!(
                up.volume_type.as_ref().is_some_and(Value::is_object),
                "{up:?}"
            );
            wait_status(&volumes, &id, VolumeStatus::Available).await;

            // Revert to the latest snapshot (3.40).
            let snap: Value = volumes
                .request(&CREATE_SNAPSHOT, &[])
                .json(&json!({"snapshot": {"volume_id": id, "name": unique("snap")}}))
                .send()
                .await
                .extract()
                .unwrap();
            let snap_id = snap["snapshot"]["id"].as_str().unwrap().to_string();
            wait_snapshot(&volumes, &snap_id).await;
            let old = volumes.with_microversion("3.39");
            let e = volume_actions::revert(&old, &id, &snap_id)
                .await
                .ok()
                .unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInput);
            let r = volume_actions::revert(&volumes, &id, &id).await;
            assert_eq!(status(r.ok()), 400);
            volume_actions::revert(&volumes, &id, &snap_id)
                .await
                .ok()
                .unwrap();
            wait_status(&volumes, &id, VolumeStatus::Available).await;

            // Re-image (3.68) with the devcloud's image: Cinder accepts it (202), but the
            // no-op driver cannot write image data, so the volume ends in `error`, which
            // the waiter reports at once.
            let images: Value = image
                .request(&LIST_IMAGES, &[])
                .query_pair("name", "devcloud-raw")
                .send()
                .await
                .extract()
                .unwrap();
            let reimage = ReimageOpts {
                image_id: images["images"][0]["id"].as_str().unwrap().to_string(),
                reimage_reserved: Some(false),
            };
            let r = volume_actions::reimage(&volumes, &id, &reimage).await;
            r.ok().unwrap();
            assert_eq!(r.status().unwrap().as_u16(), 202);
            let e = volumes::wait_for_status(&volumes, &id, VolumeStatus::Available, &wait_opts())
                .await
                .unwrap_err();
            assert!(e.to_string().contains("is error"), "{e}");

            // A volume with snapshots goes with them only by cascade.
            let r = volumes::delete(&volumes, &id).await;
            assert_eq!(status(r.ok()), 400);
            let cascade = DeleteOpts {
                cascade: true,
                force: false,
            };
            volumes::delete_with(&volumes, &id, &cascade)
                .await
                .ok()
                .unwrap();
            volumes::wait_for_delete(&volumes, &id, &wait_opts())
                .await
                .unwrap();
        },
        async {
            cleanup_volume(&volumes, &id).await;
            let image_id = uploaded.lock().unwrap().clone();
            if let Some(image_id) = image_id {
                let _ = image.request(&DELETE_IMAGE, &[&image_id]).send_raw().await;
            }
            if let Err(e) = volume_types::delete(&volumes, &type_id).await.ok() {
                eprintln!("cleanup: volume type {type_id}: {e}");
            }
        },
    )
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn unmanage_list_manageable_manage_and_force_delete() {
    let volumes = admin_volumes().await;
    let vol = new_volume(&volumes, "managed").await;
    let id = vol.id.clone();
    let host = vol.host.clone().unwrap();
    let adopted = std::sync::Mutex::new(None::<String>);
    run_then(
        async {
            let opts = ManageableListOpts {
                host: Some(host.clone()),
                ..Default::default()
            };
            let detail = manageable_volumes::list_detail(&volumes, &opts).all().await;
            let short = manageable_volumes::list(&volumes, &opts).all().await;
            // The no-op driver's fake LVM reports no logical volumes to adopt.
            assert!(detail.unwrap().is_empty());
            assert!(short.unwrap().is_empty());

            volume_actions::unmanage(&volumes, &id).await.ok().unwrap();
            volumes::wait_for_delete(&volumes, &id, &wait_opts())
                .await
                .unwrap();

            let manage = ManageOpts::by_name(&host, format!("volume-{id}"))
                .name(unique("adopted"))
                .bootable(true)
                .metadata("origin", "managed");
            let v = manageable_volumes::manage(&volumes, &manage)
                .await
                .extract()
                .unwrap();
            *adopted.lock().unwrap() = Some(v.id.clone());
            assert_ne!(v.id, id);
            // The answer has the base version's fields whatever the microversion.
            assert!(v.volume_type_id.is_none() && v.consumes_quota.is_none());
            let v = wait_status(&volumes, &v.id, VolumeStatus::Available).await;
            assert_eq!(v.size, 1);
            assert!(v.bootable);
            assert_eq!(v.metadata["origin"], "managed");

            // Without 3.8 the v3 path is refused before sending.
            let base = openstack::new_block_storage_v3(&admin().await, region()).unwrap();
            let e = manageable_volumes::manage(&base, &manage)
                .await
                .ok()
                .unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInput);

            volume_actions::force_delete(&volumes, &v.id)
                .await
                .ok()
                .unwrap();
            volumes::wait_for_delete(&volumes, &v.id, &wait_opts())
                .await
                .unwrap();
        },
        async {
            cleanup_volume(&volumes, &id).await;
            let other = adopted.lock().unwrap().clone();
            if let Some(other) = other {
                cleanup_volume(&volumes, &other).await;
            }
        },
    )
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn attached_to_a_nova_server() {
    with_server(
        &member_compute().await,
        "volsrv",
        |compute, server| async move {
            let volumes = openstack::new_block_storage_v3(&member().await, region())
                .unwrap()
                .with_microversion("3.71");
            let vol = new_volume(&volumes, "attached").await;
            let id = vol.id.clone();
            run_then(
                async {
                    volume_attachments::attach(
                        &compute,
                        &server,
                        &volume_attachments::AttachOpts::new(&id),
                    )
                    .await
                    .ok()
                    .unwrap();
                    let v = wait_status(&volumes, &id, VolumeStatus::InUse).await;
                    assert_eq!(v.attachments.len(), 1, "{v:?}");
                    let att = &v.attachments[0];
                    assert_eq!(att.server_id.as_deref(), Some(server.as_str()));
                    assert_eq!(att.volume_id.as_deref(), Some(id.as_str()));
                    assert!(att.attached_at.is_some());
                    // A member does not see the host.
                    assert_eq!(att.host_name, None);
                    assert_eq!(v.host, None);
                    // A member may not force-delete.
                    let r = volume_actions::force_delete(&volumes, &id).await;
                    assert_eq!(status(r.ok()), 403);
                    // An attached volume is not deleted.
                    assert_eq!(status(volumes::delete(&volumes, &id).await.ok()), 400);

                    volume_attachments::detach(&compute, &server, &id)
                        .await
                        .ok()
                        .unwrap();
                    let v = wait_status(&volumes, &id, VolumeStatus::Available).await;
                    assert!(v.attachments.is_empty());
                },
                cleanup_volume(&volumes, &id),
            )
            .await;
        },
    )
    .await;
}
