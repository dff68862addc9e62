//! Volume attachments against the real Nova and Cinder.

use crate::compute_ips::{
    create_volume, delete_volume, member_compute, run_then, wait_for_volume, wait_opts, with_server,
};
use crate::support::{region, unique};
use ferrocloud::openstack::compute::v2::volume_attachments::{self, AttachOpts, UpdateOpts};
use ferrocloud::wait::State;
use ferrocloud::{ErrorKind, ServiceClient, openstack};

/// Waits until Nova lists no volume attachment for the server.
async fn wait_detached(compute: &ServiceClient, server: &str) {
    ferrocloud::wait::wait_for(
        &format!("server {server} to have no volume attached"),
        &wait_opts(),
        || async {
            let page = volume_attachments::list(compute, server, &Default::default())
                .all_pages()
                .await?;
            volume_attachments::extract_volume_attachments(&page)
        },
        |all: &Vec<volume_attachments::VolumeAttachment>| {
            if all.is_empty() {
                State::Ready
            } else {
                State::Pending
            }
        },
        |_| {},
    )
    .await
    .unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn attach_update_detach() {
    with_server(
        &member_compute().await,
        "volatt",
        |compute, id| async move {
            let volumes = openstack::new_block_storage_v3(compute.provider(), region()).unwrap();
            let vol = create_volume(&volumes, &unique("vol")).await;
            let body = async {
                // 2.79: delete_on_termination in the request and the answer. (No tag: with
                // the fake virt driver, nova-compute fails to detach a tagged volume, as the
                // server has no device metadata to remove the tag from.)
                let v279 = compute.with_microversion("2.79");
                let opts = AttachOpts::new(&vol).delete_on_termination(false);
                let att = volume_attachments::attach(&v279, &id, &opts)
                    .await
                    .extract()
                    .unwrap();
                assert_eq!(att.volume_id, vol);
                assert_eq!(att.server_id, id);
                assert_eq!(att.id.as_deref(), Some(vol.as_str()));
                assert_eq!(att.tag, None);
                assert_eq!(att.delete_on_termination, Some(false));
                assert!(
                    att.device
                        .as_deref()
                        .is_some_and(|d| d.starts_with("/dev/")),
                    "{att:?}"
                );
                let in_use = wait_for_volume(&volumes, &vol, "in-use").await.unwrap();
                assert_eq!(in_use["attachments"][0]["server_id"], id.as_str());

                // 2.89: the attachment's own IDs, no `id`.
                let v289 = compute.with_microversion("2.89");
                let page = volume_attachments::list(&v289, &id, &Default::default())
                    .all_pages()
                    .await
                    .unwrap();
                let all = volume_attachments::extract_volume_attachments(&page).unwrap();
                assert_eq!(all.len(), 1, "{all:?}");
                assert_eq!(all[0].id, None);
                assert_eq!(
                    all[0].attachment_id.as_deref(),
                    in_use["attachments"][0]["attachment_id"].as_str()
                );
                assert!(all[0].bdm_uuid.is_some());
                assert_eq!(all[0].device, att.device);

                // 2.85: delete_on_termination can change.
                let keep = UpdateOpts {
                    delete_on_termination: Some(true),
                    ..Default::default()
                };
                let r = volume_attachments::update(
                    &compute.with_microversion("2.85"),
                    &id,
                    &vol,
                    &keep,
                )
                .await;
                r.ok().unwrap();
                assert_eq!(r.status().unwrap().as_u16(), 202);
                let got = volume_attachments::get(&v289, &id, &vol)
                    .await
                    .extract()
                    .unwrap();
                assert_eq!(got.delete_on_termination, Some(true));
                // The other fields must repeat their values.
                let tag_change = UpdateOpts {
                    tag: Some("other".into()),
                    ..Default::default()
                };
                let err = volume_attachments::update(
                    &compute.with_microversion("2.85"),
                    &id,
                    &vol,
                    &tag_change,
                )
                .await
                .ok()
                .unwrap_err();
                assert_eq!(err.kind(), ErrorKind::BadRequest);
                // Base version: the same attachment, fewer fields.
                let base = volume_attachments::get(&compute, &id, &vol)
                    .await
                    .extract()
                    .unwrap();
                assert_eq!((base.tag, base.delete_on_termination), (None, None));
                // A member may not swap volumes.
                let err = volume_attachments::swap(&compute, &id, &vol, &vol)
                    .await
                    .ok()
                    .unwrap_err();
                assert_eq!(err.kind(), ErrorKind::Forbidden);

                let r = volume_attachments::detach(&compute, &id, &vol).await;
                r.ok().unwrap();
                assert_eq!(r.status().unwrap().as_u16(), 202);
                wait_for_volume(&volumes, &vol, "available").await.unwrap();
                // Nova forgets the attachment shortly after Cinder frees the volume.
                wait_detached(&compute, &id).await;

                // 2.101: the attach answers 202 without a body.
                let v2101 = compute.with_microversion("2.101");
                let r = volume_attachments::attach(&v2101, &id, &AttachOpts::new(&vol)).await;
                r.ok().unwrap();
                assert_eq!(r.status().unwrap().as_u16(), 202);
                assert!(r.body().unwrap().is_empty());
                wait_for_volume(&volumes, &vol, "in-use").await.unwrap();
                let got = volume_attachments::get(&v2101, &id, &vol)
                    .await
                    .extract()
                    .unwrap();
                assert_eq!(got.delete_on_termination, Some(false));
                volume_attachments::detach(&compute, &id, &vol)
                    .await
                    .ok()
                    .unwrap();
                wait_for_volume(&volumes, &vol, "available").await.unwrap();
                wait_detached(&compute, &id).await;

                let err = volume_attachments::get(&compute, &id, &vol)
                    .await
                    .extract()
                    .unwrap_err();
                assert_eq!(err.kind(), ErrorKind::NotFound);
            };
            let cleanup = async {
                let _ = volume_attachments::detach(&compute, &id, &vol).await;
                delete_volume(&volumes, &vol).await;
            };
            run_then(body, cleanup).await;
        },
    )
    .await;
}
