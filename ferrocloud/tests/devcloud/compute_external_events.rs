//! Server external events against the real Nova (admin only).

use crate::compute_ips::{admin_compute, member_compute, with_server};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::compute::v2::external_events::{self, CreateOpts, Event};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn accepted_partly_refused_and_forbidden() {
    with_server(&member_compute().await, "events", |member, id| async move {
        let admin = admin_compute().await;
        let ok = CreateOpts::new([Event::new(&id, "network-changed")]);
        let r = external_events::create(&admin, &ok).await;
        assert_eq!(r.status().unwrap().as_u16(), 200);
        let results = r.extract().unwrap();
        assert_eq!(results.len(), 1);
        assert_eq!(
            (results[0].code, results[0].status.as_deref()),
            (200, Some("completed"))
        );
        assert_eq!(results[0].server_uuid, id);

        // One unknown server among the events: 207, each event with its own code.
        let unknown = "00000000-0000-4000-8000-000000000000";
        let mixed = CreateOpts::new([
            Event::new(&id, "network-changed"),
            Event::new(unknown, "network-changed"),
        ]);
        let r = external_events::create(&admin, &mixed).await;
        assert_eq!(r.status().unwrap().as_u16(), 207);
        let results = r.extract().unwrap();
        let refused = results.iter().find(|e| e.server_uuid == unknown).unwrap();
        assert_eq!(
            (refused.code, refused.status.as_deref()),
            (404, Some("failed"))
        );

        // volume-extended (2.51) needs a tag: Nova refuses that event (400) and accepts
        // the other.
        let untagged = CreateOpts::new([
            Event::new(&id, "network-changed"),
            Event::new(&id, "volume-extended"),
        ]);
        let r = external_events::create(&admin.with_microversion("2.51"), &untagged).await;
        assert_eq!(r.status().unwrap().as_u16(), 207);
        assert_eq!(
            r.extract()
                .unwrap()
                .iter()
                .map(|e| e.code)
                .collect::<Vec<_>>(),
            [200, 400]
        );
        let err = external_events::create(&admin, &untagged)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);

        // None accepted: 207 as well (older releases answered 404).
        let r = external_events::create(
            &admin,
            &CreateOpts::new([Event::new(unknown, "network-changed")]),
        )
        .await;
        assert_eq!(r.status().unwrap().as_u16(), 207);
        assert_eq!(r.extract().unwrap()[0].code, 404);
        // Members may not send events.
        let err = external_events::create(&member, &ok)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden);
    })
    .await;
}
