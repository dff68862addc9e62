//! Instance HA v1 against the real Masakari (API and engine; Nova read as user
//! `masakari`, whose fake compute host `devcloud` can join a segment): versions,
//! segments, hosts, notifications and instance moves.
//!
//! The devcloud is shared: a recovery of host `devcloud` would disable its compute
//! service in Nova. So the notifications here are sent for a segment that is disabled
//! (1.2), which the engine answers at once by ignoring them: nothing is recovered, and
//! the segment can be removed afterwards (Masakari keeps a segment with unfinished
//! notifications).

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use ferrocloud::openstack::instanceha::v1::notifications::{
    self, NotificationStatus, NotificationType,
};
use ferrocloud::openstack::instanceha::v1::{hosts, segments, versions, vmoves};
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ErrorKind, ProviderClient, ServiceClient, openstack};
use futures::FutureExt;
use serde_json::json;

use crate::support::*;

fn masakari(provider: &ProviderClient) -> ServiceClient {
    openstack::new_instance_ha_v1(provider, region()).unwrap()
}

/// The fake compute host of the devcloud's Nova.
const COMPUTE_HOST: &str = "devcloud";

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn instanceha_versions_and_segments() {
    let c = masakari(&admin().await);
    let all = versions::list(&c).all().await.unwrap();
    let listed = all.iter().find(|v| v.id == "v1.0").expect("v1.0");
    assert_eq!(listed.min_version, "1.0");
    let v1 = versions::get(&c, "v1").await.extract().unwrap();
    assert_eq!(v1.id, "v1.0");
    assert_eq!(v1.version, listed.version);

    // Members may not manage segments.
    let demo = masakari(&member().await);
    let denied = segments::list(&demo, &Default::default())
        .all()
        .await
        .unwrap_err();
    assert_eq!(denied.kind(), ErrorKind::Forbidden, "{denied}");

    let name = unique("seg");
    let mut opts = segments::CreateOpts::new(&name, segments::RecoveryMethod::Auto, "COMPUTE");
    opts.description = Some("live".into());
    opts.enabled = Some(false);
    // `enabled` is a 1.2 field: refused before it is sent in 1.0.
    let early = segments::create(&c, &opts).await.extract().unwrap_err();
    assert_eq!(early.kind(), ErrorKind::InvalidInput);
    let v12 = c.with_microversion("1.2");
    let seg = segments::create(&v12, &opts).await.extract().unwrap();
    let result = AssertUnwindSafe(async {
        assert_eq!(seg.name, name);
        assert_eq!(seg.description.as_deref(), Some("live"));
        assert_eq!(seg.recovery_method, segments::RecoveryMethod::Auto);
        assert_eq!(seg.service_type, "COMPUTE");
        assert_eq!(seg.enabled, Some(false));
        assert!(!seg.record.deleted);
        let got = segments::get(&v12, &seg.uuid).await.extract().unwrap();
        assert_eq!(got.id, seg.id);
        assert_eq!(got.enabled, Some(false));
        // Masakari writes `enabled` whatever the microversion asked.
        let old = segments::get(&c, &seg.uuid).await.extract().unwrap();
        assert_eq!(old.enabled, Some(false));
        let found = segments::find(&c, &name).await.unwrap();
        assert_eq!(found.uuid, seg.uuid);
        let listed = segments::list(
            &v12,
            &segments::ListOpts {
                recovery_method: Some(segments::RecoveryMethod::Auto),
                enabled: Some(false),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert!(listed.iter().any(|s| s.uuid == seg.uuid));
        let others = segments::list(
            &c,
            &segments::ListOpts {
                recovery_method: Some(segments::RecoveryMethod::ReservedHost),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert!(others.iter().all(|s| s.uuid != seg.uuid));

        let upd = segments::UpdateOpts {
            description: Some("changed".into()),
            recovery_method: Some(segments::RecoveryMethod::ReservedHost),
            ..Default::default()
        };
        let changed = segments::update(&c, &seg.uuid, &upd)
            .await
            .extract()
            .unwrap();
        assert_eq!(changed.description.as_deref(), Some("changed"));
        assert_eq!(
            changed.recovery_method,
            segments::RecoveryMethod::ReservedHost
        );
        assert!(changed.record.updated_at.is_some());

        // Only hosts Nova knows join a segment.
        let unknown = hosts::create(
            &c,
            &seg.uuid,
            &hosts::CreateOpts::new(unique("nohost"), "COMPUTE", "SSH"),
        )
        .await
        .extract()
        .unwrap_err();
        assert!(
            matches!(unknown.kind(), ErrorKind::BadRequest | ErrorKind::NotFound),
            "{unknown}"
        );
    })
    .catch_unwind()
    .await;
    let deleted = segments::delete(&c, &seg.uuid).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    deleted.ok().unwrap();
    let gone = segments::get(&c, &seg.uuid).await.extract().unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn instanceha_hosts_notifications_vmoves() {
    let c = masakari(&admin().await).with_microversion("1.3");
    let mut opts =
        segments::CreateOpts::new(unique("seg"), segments::RecoveryMethod::Auto, "COMPUTE");
    opts.enabled = Some(false);
    let seg = segments::create(&c, &opts).await.extract().unwrap();
    let mut host_uuid: Option<String> = None;
    let result = AssertUnwindSafe(async {
        let host = hosts::create(
            &c,
            &seg.uuid,
            &hosts::CreateOpts::new(COMPUTE_HOST, "COMPUTE", "SSH"),
        )
        .await
        .extract()
        .unwrap();
        host_uuid = Some(host.uuid.clone());
        assert_eq!(host.name, COMPUTE_HOST);
        assert_eq!(host.host_type, "COMPUTE");
        assert_eq!(host.control_attributes, "SSH");
        assert!(!host.reserved && !host.on_maintenance);
        assert_eq!(host.failover_segment_id, seg.uuid);
        assert_eq!(host.failover_segment.uuid, seg.uuid);
        let got = hosts::get(&c, &seg.uuid, &host.uuid)
            .await
            .extract()
            .unwrap();
        assert_eq!(got.id, host.id);
        let found = hosts::find(&c, &seg.uuid, COMPUTE_HOST).await.unwrap();
        assert_eq!(found.uuid, host.uuid);
        let listed = hosts::list(
            &c,
            &seg.uuid,
            &hosts::ListOpts {
                host_type: Some("COMPUTE".into()),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(listed.len(), 1);
        let changed = hosts::update(
            &c,
            &seg.uuid,
            &host.uuid,
            &hosts::UpdateOpts {
                reserved: Some(true),
                control_attributes: Some("IPMI".into()),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        assert!(changed.reserved);
        assert_eq!(changed.control_attributes, "IPMI");
        let reserved = hosts::list(
            &c,
            &seg.uuid,
            &hosts::ListOpts {
                reserved: Some(false),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert!(reserved.is_empty());
        hosts::update(
            &c,
            &seg.uuid,
            &host.uuid,
            &hosts::UpdateOpts {
                reserved: Some(false),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();

        // A host notification and an instance one, both ignored by the engine (the
        // segment is disabled).
        let now = chrono_now();
        let host_n = notifications::create(
            &c,
            &notifications::CreateOpts::new(
                NotificationType::ComputeHost,
                COMPUTE_HOST,
                &now,
                json!({"event": "STOPPED", "host_status": "NORMAL", "cluster_status": "OFFLINE"}),
            ),
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(host_n.notification_type, NotificationType::ComputeHost);
        assert_eq!(host_n.source_host_uuid, host.uuid);
        assert_eq!(host_n.payload["event"], "STOPPED");
        let vm_n = notifications::create(
            &c,
            &notifications::CreateOpts::new(
                NotificationType::Vm,
                COMPUTE_HOST,
                &now,
                json!({"event": "LIFECYCLE", "instance_uuid": "c7b3b6b4-5a8f-4d1e-9e0a-5b1f3f0f7a01",
                       "vir_domain_event": "STOPPED_FAILED"}),
            ),
        )
        .await
        .extract()
        .unwrap();
        let wait = WaitOpts::new(Duration::from_secs(60));
        for n in [&host_n, &vm_n] {
            let done = notifications::wait_for_completion(&c, &n.notification_uuid, &wait)
                .await
                .unwrap();
            assert_eq!(done.status, NotificationStatus::Ignored);
        }
        // A second identical report within the detection interval is a duplicate.
        let dup = notifications::create(
            &c,
            &notifications::CreateOpts::new(
                NotificationType::ComputeHost,
                COMPUTE_HOST,
                &now,
                json!({"event": "STOPPED", "host_status": "NORMAL", "cluster_status": "OFFLINE"}),
            ),
        )
        .await
        .extract()
        .unwrap_err();
        assert_eq!(dup.kind(), ErrorKind::Conflict, "{dup}");

        let got = notifications::get(&c, &host_n.notification_uuid)
            .await
            .extract()
            .unwrap();
        assert_eq!(got.id, host_n.id);
        let of_host = notifications::list(
            &c,
            &notifications::ListOpts {
                source_host_uuid: Some(host.uuid.clone()),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(of_host.len(), 2);
        let vms = notifications::list(
            &c,
            &notifications::ListOpts {
                source_host_uuid: Some(host.uuid.clone()),
                notification_type: Some(NotificationType::Vm),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(vms.len(), 1);
        assert_eq!(vms[0].notification_uuid, vm_n.notification_uuid);

        // Instance moves: none for an ignored host notification; an instance
        // notification has none to list.
        let moves = vmoves::list(&c, &host_n.notification_uuid, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(moves.is_empty(), "{moves:?}");
        let missing = vmoves::get(
            &c,
            &host_n.notification_uuid,
            "2b4e6f5a-0b5c-4a84-8a2c-2f5d9d1c0e11",
        )
        .await
        .extract()
        .unwrap_err();
        assert_eq!(missing.kind(), ErrorKind::NotFound, "{missing}");
        let not_host = vmoves::list(&c, &vm_n.notification_uuid, &Default::default())
            .all()
            .await
            .unwrap_err();
        assert_eq!(not_host.kind(), ErrorKind::BadRequest, "{not_host}");
        // Before 1.3 there are no moves to list.
        let early = vmoves::list(
            &c.with_microversion("1.2"),
            &host_n.notification_uuid,
            &Default::default(),
        )
        .all()
        .await
        .unwrap_err();
        assert!(
            matches!(early.kind(), ErrorKind::InvalidInput | ErrorKind::NotFound),
            "{early}"
        );
    })
    .catch_unwind()
    .await;
    if let Some(h) = &host_uuid {
        let _ = hosts::delete(&c, &seg.uuid, h).await;
    }
    let deleted = segments::delete(&c, &seg.uuid).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    deleted.ok().unwrap();
    let h = host_uuid.unwrap();
    let gone = hosts::get(&c, &seg.uuid, &h).await.extract().unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
}

/// The current time as Masakari takes it (UTC, ISO 8601 without offset).
fn chrono_now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S").to_string()
}
