//! Compute services against the real Nova: list at several microversions, disable and
//! enable nova-compute by ID (2.53).

use crate::support::*;
use ferrocloud::openstack::compute::v2::compute_services::{self, ListOpts, UpdateOpts};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_compute_services_list_disable_enable() {
    let compute =
        openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region()).unwrap();
    let all = compute_services::list(&compute, &ListOpts::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    for binary in ["nova-compute", "nova-scheduler", "nova-conductor"] {
        assert!(all.iter().any(|s| s.binary == binary), "{binary}: {all:?}");
    }
    assert!(
        all[0]
            .id
            .as_deref()
            .is_some_and(|id| id.parse::<u64>().is_ok()),
        "integer IDs before 2.53: {:?}",
        all[0].id
    );
    assert_eq!(all[0].forced_down, None);

    let v253 = compute.with_microversion("2.53");
    let opts = ListOpts {
        binary: Some("nova-compute".into()),
        ..Default::default()
    };
    let svc = compute_services::list(&v253, &opts)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap()
        .remove(0);
    let svc_id = svc.id.clone().unwrap();
    assert_eq!(svc_id.len(), 36, "{svc_id}");
    assert_eq!(svc.zone.as_deref(), Some("nova"));
    assert_eq!(svc.forced_down, Some(false));
    assert_eq!(
        svc.status.as_deref(),
        Some("enabled"),
        "nova-compute should start enabled"
    );

    // Disable and enable again at once (other tests schedule servers here), then check.
    let reason = unique("maintenance");
    let disabled = compute_services::update(&v253, &svc_id, &UpdateOpts::disable(&reason)).await;
    let enabled = compute_services::update(&v253, &svc_id, &UpdateOpts::enable()).await;
    let disabled = disabled.extract().unwrap();
    let enabled = enabled.extract().unwrap();
    assert_eq!(disabled.status.as_deref(), Some("disabled"));
    assert_eq!(disabled.disabled_reason.as_deref(), Some(reason.as_str()));
    assert_eq!(disabled.id, svc.id);
    assert_eq!(enabled.status.as_deref(), Some("enabled"));
    assert_eq!(enabled.disabled_reason, None);

    // The legacy calls are gone from 2.53 (refused before sending); a reason without
    // disabling is refused too.
    let err = compute_services::enable_by_host(&v253, &svc.host, "nova-compute")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = compute_services::delete(&v253, "00000000-0000-0000-0000-000000000000")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
