//! Instance actions against the real Nova.

use futures::TryStreamExt;

use crate::compute_ips::{admin_compute, member_compute, wait_opts, with_server};
use ferrocloud::openstack::compute::v2::instance_actions::{self, ListOpts};
use ferrocloud::openstack::compute::v2::servers;
use ferrocloud::{ErrorKind, Operation, http::Method};

static ACTION: Operation = Operation::new("compute", Method::POST, "/servers/{server_id}/action");

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn create_and_stop_are_recorded() {
    with_server(
        &member_compute().await,
        "actions",
        |compute, id| async move {
            compute
                .request(&ACTION, &[&id])
                .json(&serde_json::json!({"os-stop": null}))
                .send()
                .await
                .ok()
                .unwrap();
            servers::wait_for_status(&compute, &id, "SHUTOFF", &wait_opts())
                .await
                .unwrap();

            // Base version: every action, newest first, no paging fields.
            let page = instance_actions::list(&compute, &id, &ListOpts::default())
                .all_pages()
                .await
                .unwrap();
            let all = instance_actions::extract_instance_actions(&page).unwrap();
            let names: Vec<&str> = all.iter().map(|a| a.action.as_str()).collect();
            assert_eq!(names, ["stop", "create"]);
            for a in &all {
                assert_eq!(a.instance_uuid, id);
                assert!(a.request_id.starts_with("req-"), "{a:?}");
                assert!(a.user_id.is_some() && a.project_id.is_some());
                assert_eq!(a.updated_at, None);
                assert_eq!(a.events, None);
            }
            assert!(all[0].start_time >= all[1].start_time);

            // 2.58: pages of one, followed through the `next` links.
            let v258 = compute.with_microversion("2.58");
            let paged: Vec<_> = instance_actions::list(
                &v258,
                &id,
                &ListOpts {
                    limit: Some(1),
                    ..Default::default()
                },
            )
            .items()
            .try_collect()
            .await
            .unwrap();
            assert_eq!(
                paged.iter().map(|a| a.action.as_str()).collect::<Vec<_>>(),
                ["stop", "create"]
            );
            assert!(paged.iter().all(|a| a.updated_at.is_some()));
            let first_page = instance_actions::list(
                &v258,
                &id,
                &ListOpts {
                    limit: Some(1),
                    ..Default::default()
                },
            )
            .pages()
            .try_next()
            .await
            .unwrap()
            .unwrap();
            assert_eq!(
                instance_actions::extract_instance_actions(&first_page)
                    .unwrap()
                    .len(),
                1
            );

            // changes-since the stop's start: only the stop (and the create's update time is
            // earlier); changes-before the stop (2.66): only the create.
            let stop = &all[0];
            let since = ListOpts {
                changes_since: Some(stop.start_time),
                ..Default::default()
            };
            let recent = instance_actions::extract_instance_actions(
                &instance_actions::list(&v258, &id, &since)
                    .all_pages()
                    .await
                    .unwrap(),
            )
            .unwrap();
            assert!(recent.iter().any(|a| a.action == "stop"), "{recent:?}");
            let before = ListOpts {
                changes_before: Some(all[1].start_time),
                ..Default::default()
            };
            let err = instance_actions::list(&v258, &id, &before)
                .all_pages()
                .await
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput);
            let old = instance_actions::extract_instance_actions(
                &instance_actions::list(&compute.with_microversion("2.66"), &id, &before)
                    .all_pages()
                    .await
                    .unwrap(),
            )
            .unwrap();
            assert!(old.iter().all(|a| a.action != "stop"), "{old:?}");

            // One action with its events: the owner sees them from 2.51, without traceback
            // or host; hostId from 2.62.
            // Nova records the event's end just after the server is SHUTOFF: wait for it.
            let v284 = compute.with_microversion("2.84");
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
            let (detail, events) = loop {
                let detail = instance_actions::get(&v284, &id, &stop.request_id)
                    .await
                    .extract()
                    .unwrap();
                let events = detail.events.clone().unwrap();
                let finished = events
                    .iter()
                    .any(|e| e.event == "compute_stop_instance" && e.finish_time.is_some());
                if finished || std::time::Instant::now() > deadline {
                    break (detail, events);
                }
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            };
            assert_eq!(detail.action, "stop");
            let ev = events
                .iter()
                .find(|e| e.event == "compute_stop_instance")
                .expect("the compute event");
            assert_eq!(ev.result.as_deref(), Some("Success"));
            assert!(ev.finish_time.is_some());
            assert!(ev.host_id.is_some());
            assert_eq!(ev.host, None);
            assert_eq!(ev.traceback, None);
            let base = instance_actions::get(&compute, &id, &stop.request_id)
                .await
                .extract()
                .unwrap();
            assert_eq!(base.events, None, "a member sees no events before 2.51");

            // The admin sees the host too.
            let admin = admin_compute().await.with_microversion("2.84");
            let detail = instance_actions::get(&admin, &id, &stop.request_id)
                .await
                .extract()
                .unwrap();
            let ev = detail
                .events
                .unwrap()
                .into_iter()
                .find(|e| e.event == "compute_stop_instance")
                .unwrap();
            assert!(ev.host.is_some());

            let err =
                instance_actions::get(&compute, &id, "req-00000000-0000-0000-0000-000000000000")
                    .await
                    .extract()
                    .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::NotFound);
        },
    )
    .await;
}
