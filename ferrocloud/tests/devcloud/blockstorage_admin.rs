//! Cinder's administrative resources against the real Cinder 28 (no-op driver, one
//! volume backend `devcloud@fake`, no clusters): limits, zones, quotas, services,
//! pools, capabilities, clusters, workers, hosts, extensions, resource filters, default
//! types and versions.
//!
//! The devcloud is shared: every change is undone in the same test (quotas on a
//! throwaway project, a quota class raised then restored, a log level set then
//! restored; the backend is never frozen, which would fail other tests' volumes). Cinder
//! 28's `disable-log-reason` stores the
//! disabled flag and nothing but a thaw clears it through the API, so it is only sent
//! for a host that does not exist (404); on the mock it is tested with the samples.

use std::future::Future;
use std::panic::AssertUnwindSafe;

use crate::support::*;
use ferrocloud::openstack::blockstorage::v3::quota_sets::{QuotaKind, UpdateOpts};
use ferrocloud::openstack::blockstorage::v3::services::{
    DisableReasonOpts, FailoverOpts, GetLogOpts, HostOpts, ListOpts, LogLevel, ServiceOpts,
    ServiceStatus, SetLogOpts,
};
use ferrocloud::openstack::blockstorage::v3::{
    api_extensions, availability_zones, capabilities, clusters, default_types, hosts, limits,
    quota_class_sets, quota_sets, resource_filters, scheduler_stats, services, versions,
    volume_types, workers,
};
use ferrocloud::openstack::identity::v3::projects;
use ferrocloud::{ErrorKind, ServiceClient, openstack};
use futures::FutureExt;

const BACKEND: &str = "devcloud@fake";

async fn volumes() -> ServiceClient {
    openstack::new_block_storage_v3(&admin().await, region())
        .unwrap()
        .with_microversion("3.71")
}

/// Runs `body`, then `cleanup` even when `body` panics, then re-raises the panic.
async fn with_cleanup<C: Future<Output = ()>>(body: impl Future<Output = ()>, cleanup: C) {
    let outcome = AssertUnwindSafe(body).catch_unwind().await;
    cleanup.await;
    if let Err(p) = outcome {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_admin_read_only_resources() {
    let _ = NEEDS;
    let v = volumes().await;

    let l = limits::get(&v).await.extract().unwrap();
    assert!(l.absolute.max_total_volumes >= -1);
    assert!(l.rate.is_empty(), "no rate-limiting middleware here");

    let zones = availability_zones::list(&v).all().await.unwrap();
    assert!(
        zones
            .iter()
            .any(|z| z.zone_name == "nova" && z.zone_state.available)
    );

    let ext = api_extensions::list(&v).all().await.unwrap();
    assert!(ext.iter().any(|e| e.alias == "os-quota-sets"));
    assert!(
        ext.iter().all(|e| e.namespace.is_none()),
        "cinder 28 sends no namespace"
    );

    // GET / answers 300 with the list; GET /v3/ the same list of one; v2 is gone.
    let all = versions::list(&v).await.extract().unwrap();
    let v3 = all.iter().find(|x| x.id == "v3.0").unwrap();
    assert_eq!(v3.status, versions::VersionStatus::Current);
    assert_eq!(v3.version, "3.71");
    let one = versions::get_v3(&v).await.extract().unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].microversions().unwrap().min.to_string(), "3.0");
    let e = versions::get_v2(&v).await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);

    // No resource_filters.json here: Cinder lists none.
    let filters = resource_filters::list(&v, &Default::default())
        .all()
        .await
        .unwrap();
    assert!(filters.is_empty(), "{filters:?}");

    let list = hosts::list(&v, &Default::default()).all().await.unwrap();
    assert!(
        list.iter()
            .any(|h| h.host_name == BACKEND && h.service == "cinder-volume")
    );
    let zone = hosts::ListOpts {
        zone: Some("no-such-zone".into()),
    };
    assert!(hosts::list(&v, &zone).all().await.unwrap().is_empty());
    let usage = hosts::get(&v, BACKEND).await.extract().unwrap();
    assert!(usage[0].resource.is_total());
    assert_eq!(usage[0].resource.host, BACKEND);
    let e = hosts::get(&v, "no-such-host@x").await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);

    let pools = scheduler_stats::list(&v, &scheduler_stats::ListOpts::detail())
        .all()
        .await
        .unwrap();
    let pool = pools
        .iter()
        .find(|p| p.name == format!("{BACKEND}#fake"))
        .unwrap();
    let caps = pool.capabilities.as_ref().unwrap();
    assert!(
        caps.total_capacity_gb.is_infinite(),
        "the fake driver reports infinite"
    );
    assert!(
        caps.timestamp.is_some() && caps.updated.is_none(),
        "cinder 28 sends timestamp"
    );
    let short = scheduler_stats::list(&v, &Default::default())
        .all()
        .await
        .unwrap();
    assert!(short.iter().all(|p| p.capabilities.is_none()));
    // Pool filters are those of resource_filters.json, empty here: Cinder refuses any.
    let named = scheduler_stats::ListOpts::default().filter("name", format!("{BACKEND}#fake"));
    let e = scheduler_stats::list(&v, &named).all().await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");

    let c = capabilities::get(&v, BACKEND).await.extract().unwrap();
    assert_eq!(c.namespace, format!("OS::Storage::Capabilities::{BACKEND}"));
    assert_eq!(c.pool_name, None);
    assert!(c.properties.contains_key("thin_provisioning"));

    // No clusters here.
    assert!(
        clusters::list(&v, &Default::default())
            .all()
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        clusters::list_detail(&v, &Default::default())
            .all()
            .await
            .unwrap()
            .is_empty()
    );
    let e = clusters::get(&v, "no-cluster").await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let e = clusters::disable(&v, &clusters::ClusterOpts::new("no-cluster").reason("test"))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let e = clusters::enable(&v, &clusters::ClusterOpts::new("no-cluster"))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);

    // A cleanup for a host no service has asks nobody (202).
    let opts = workers::CleanupOpts {
        host: Some(unique("nohost")),
        ..Default::default()
    };
    let r = workers::cleanup(&v, &opts).await.extract().unwrap();
    assert!(r.cleaning.is_empty() && r.unavailable.is_empty());
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_admin_quotas_and_default_types_of_a_new_project() {
    let identity = admin_identity().await;
    let v = volumes().await;
    let project = projects::create(
        &identity,
        &projects::CreateOpts {
            name: unique("bs-quota"),
            ..Default::default()
        },
    )
    .await
    .extract()
    .unwrap();
    let pid = project.id.clone();
    let type_name = unique("bs-default");
    let created = volume_types::create(&v, &volume_types::CreateOpts::new(&type_name))
        .await
        .extract()
        .unwrap();
    let type_id = created.id.clone();

    let body = async {
        let defaults = quota_sets::get_defaults(&v, &pid).await.extract().unwrap();
        let q = quota_sets::get(&v, &pid).await.extract().unwrap();
        assert_eq!(q.id.as_deref(), Some(pid.as_str()));
        assert_eq!(q.volumes, defaults.volumes);
        assert!(q.per_type.contains_key("volumes___DEFAULT__"));
        assert!(q.per_type.contains_key(&format!("gigabytes_{type_name}")));

        let opts = UpdateOpts {
            volumes: Some(7),
            ..Default::default()
        }
        .per_type(QuotaKind::Volumes, &type_name, 3);
        let u = quota_sets::update(&v, &pid, &opts).await.extract().unwrap();
        assert_eq!(u.id, None, "the update answer has no id");
        assert_eq!(
            (u.volumes, u.per_type[&format!("volumes_{type_name}")]),
            (7, 3)
        );

        let usage = quota_sets::get_usage(&v, &pid).await.extract().unwrap();
        assert_eq!(usage.id, pid);
        assert_eq!((usage.volumes.limit, usage.volumes.in_use), (7, 0));
        assert_eq!(usage.per_type[&format!("volumes_{type_name}")].limit, 3);

        // The admin reads the project's limits (3.39).
        let l = limits::get_with(&v, &limits::LimitsOpts::project(pid.clone()))
            .await
            .extract()
            .unwrap();
        assert_eq!(l.absolute.max_total_volumes, 7);

        quota_sets::delete(&v, &pid).await.ok().unwrap();
        let back = quota_sets::get(&v, &pid).await.extract().unwrap();
        assert_eq!(back.volumes, defaults.volumes);

        // A limit below the usage of nothing is fine; a bad key is refused by Cinder.
        let mut bad = UpdateOpts::default();
        bad.per_type.insert("volumes_no-such-type-x".into(), 1);
        let e = quota_sets::update(&v, &pid, &bad).await.ok().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BadRequest);

        // Default types, served under …/v3/{project_id}/default-types.
        let e = default_types::get(&v, &pid).await.ok().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound);
        let d = default_types::set(&v, &pid, &type_name)
            .await
            .extract()
            .unwrap();
        assert_eq!(
            (d.project_id.as_str(), d.volume_type_id.as_str()),
            (pid.as_str(), type_id.as_str())
        );
        assert_eq!(default_types::get(&v, &pid).await.extract().unwrap(), d);
        let all = default_types::list(&v).all().await.unwrap();
        assert!(all.contains(&d));
        default_types::delete(&v, &pid).await.ok().unwrap();
        let e = default_types::get(&v, &pid).await.ok().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound);
        // Before 3.62 the SDK refuses.
        assert!(
            default_types::list(&v.with_microversion("3.61"))
                .all()
                .await
                .is_err()
        );
    };
    let cleanup = async {
        let _ = default_types::delete(&v, &pid).await;
        let _ = quota_sets::delete(&v, &pid).await;
        let _ = volume_types::delete(&v, &type_id).await;
        let _ = projects::delete(&identity, &pid).await;
    };
    with_cleanup(body, cleanup).await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_admin_quota_class_raised_and_restored() {
    let v = volumes().await;
    let original = quota_class_sets::get(&v, "default")
        .await
        .extract()
        .unwrap();
    assert_eq!(original.id.as_deref(), Some("default"));
    // Raising the groups quota only allows more, and is restored at once.
    let raised = UpdateOpts {
        groups: Some(original.groups + 1),
        ..Default::default()
    };
    let restore = UpdateOpts {
        groups: Some(original.groups),
        ..Default::default()
    };
    let body = async {
        let c = quota_class_sets::update(&v, "default", &raised)
            .await
            .extract()
            .unwrap();
        assert_eq!(c.groups, original.groups + 1);
        assert_eq!(c.id, None);
        let shown = quota_class_sets::get(&v, "default")
            .await
            .extract()
            .unwrap();
        assert_eq!(shown.groups, original.groups + 1);
    };
    let cleanup = async {
        quota_class_sets::update(&v, "default", &restore)
            .await
            .ok()
            .unwrap();
    };
    with_cleanup(body, cleanup).await;
    let back = quota_class_sets::get(&v, "default")
        .await
        .extract()
        .unwrap();
    assert_eq!(back, original);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_admin_services() {
    let v = volumes().await;
    let opts = ListOpts {
        binary: Some("cinder-volume".into()),
        host: Some(BACKEND.into()),
    };
    let list = services::list(&v, &opts).all().await.unwrap();
    assert_eq!(list.len(), 1);
    let svc = &list[0];
    assert_eq!(svc.backend_state.as_deref(), Some("up"), "3.49");
    assert_eq!(svc.cluster, None, "3.7, no clusters here");
    assert_eq!(svc.replication_status.as_deref(), Some("disabled"));
    assert_eq!(svc.frozen, Some(false));
    let old = services::list(&v.with_microversion("3.0"), &opts)
        .all()
        .await
        .unwrap();
    assert_eq!(
        (old[0].backend_state.as_ref(), old[0].cluster.as_ref()),
        (None, None)
    );

    // Cinder 28 answers disable and enable without storing the change.
    let target = ServiceOpts::new("cinder-volume", BACKEND);
    let body = async {
        let d = services::disable(&v, &target).await.extract().unwrap();
        assert!(d.disabled);
        assert_eq!(d.status, ServiceStatus::Disabled);
        let now = services::list(&v, &opts).all().await.unwrap();
        assert_eq!(
            now[0].status,
            ServiceStatus::Enabled,
            "cinder 28 does not store it"
        );
    };
    let cleanup = async {
        let e = services::enable(&v, &target).await.extract().unwrap();
        assert_eq!(e.status, ServiceStatus::Enabled);
    };
    with_cleanup(body, cleanup).await;

    // Disable with a reason would stick (see the module doc): a host that does not exist.
    let ghost = DisableReasonOpts {
        binary: "cinder-volume".into(),
        host: unique("ghost"),
        disabled_reason: Some("test".into()),
    };
    let e = services::disable_with_reason(&v, &ghost)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);

    // Failover needs a replicating backend: refused, nothing changes.
    let fo = FailoverOpts {
        host: Some(BACKEND.into()),
        ..Default::default()
    };
    let e = services::failover_host(&v, &fo).await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");
    let after = services::list(&v, &opts).all().await.unwrap();
    assert_eq!(after[0].replication_status.as_deref(), Some("disabled"));

    // A freeze disables the backend for the scheduler: on the shared devcloud, other
    // tests creating volumes at that moment would fail, so the real backend is never
    // frozen here (the mock tests freeze and thaw with the samples). A host Cinder does
    // not know is refused (400, "No service found").
    let ghost_host = HostOpts::host("ferro-no-such-host@fake");
    for e in [
        services::freeze(&v, &ghost_host).await.ok().unwrap_err(),
        services::thaw(&v, &ghost_host).await.ok().unwrap_err(),
    ] {
        assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");
        assert!(e.to_string().contains("No service found"), "{e}");
    }
    let host = HostOpts::host(BACKEND);
    // Thawing what is not frozen is refused.
    let e = services::thaw(&v, &host).await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_admin_log_levels_set_and_restored() {
    let v = volumes().await;
    let prefix = "cinder.api.v3.router";
    let get = GetLogOpts {
        binary: Some("cinder-api".into()),
        server: None,
        prefix: Some(prefix.into()),
    };
    let before = services::get_log(&v, &get).await.extract().unwrap();
    assert_eq!(before.len(), 1);
    assert_eq!(before[0].binary, "cinder-api");
    let level = before[0].levels[prefix].clone();
    let original = match level.as_str() {
        "DEBUG" => LogLevel::Debug,
        "INFO" => LogLevel::Info,
        "WARNING" => LogLevel::Warning,
        "ERROR" => LogLevel::Error,
        other => panic!("unexpected level {other}"),
    };
    let new = if original == LogLevel::Error {
        LogLevel::Warning
    } else {
        LogLevel::Error
    };
    let set = |level| SetLogOpts {
        binary: Some("cinder-api".into()),
        server: None,
        prefix: Some(prefix.into()),
        level,
    };
    let body = async {
        services::set_log(&v, &set(new)).await.ok().unwrap();
        let now = services::get_log(&v, &get).await.extract().unwrap();
        assert_eq!(now[0].levels[prefix], serde_json::to_value(new).unwrap());
    };
    let cleanup = async {
        services::set_log(&v, &set(original)).await.ok().unwrap();
    };
    with_cleanup(body, cleanup).await;
    let after = services::get_log(&v, &get).await.extract().unwrap();
    assert_eq!(after[0].levels[prefix], level);
    // 3.31 has no log levels.
    assert!(
        services::get_log(&v.with_microversion("3.31"), &get)
            .await
            .ok()
            .is_err()
    );
}
