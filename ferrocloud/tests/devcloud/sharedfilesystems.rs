//! Shared file systems against the real Manila (DummyDriver, no share servers): shares
//! with access rules, metadata, export locations and instances, resizing, management;
//! snapshots, their instances and management; soft delete, locks, transfers and
//! backups; share types, QoS types, share group types, groups and group snapshots;
//! replicas and migration; share networks, subnets, security services and share
//! servers; quotas, services and the admin views; user messages.
//!
//! Each scenario is its own test, so that they run in parallel. Everything a test makes
//! is registered with a [`Cleanup`] as soon as it exists, and deleted at the end
//! whether the test passed or not.

use std::collections::BTreeMap;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ferrocloud::openstack::identity::v3::projects;
use ferrocloud::openstack::sharedfilesystems::v2::{
    availability_zones, export_location_metadata, export_locations, extensions, limits, messages,
    qos_types, quota_class_sets, quota_sets, resource_locks, scheduler_stats, security_services,
    services, share_access, share_backups, share_group_snapshots, share_group_types, share_groups,
    share_instances, share_metadata, share_migration, share_network_subnet_metadata,
    share_network_subnets, share_networks, share_replica_metadata, share_replicas, share_servers,
    share_transfers, share_types, shares, snapshot_instances, snapshot_metadata, snapshots,
    versions,
};
use ferrocloud::wait::{State, WaitOpts};
use ferrocloud::{ServiceClient, openstack};
use futures::FutureExt;
use futures::future::BoxFuture;

use crate::support::*;

const MV: &str = "2.95";

async fn manila(provider: &ferrocloud::ProviderClient) -> ServiceClient {
    openstack::new_shared_file_system_v2(provider, region())
        .unwrap()
        .with_microversion(MV)
}

/// Short polls: the dummy driver answers in a fraction of a second.
fn wait() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(120))
        .interval(Duration::from_millis(250), Duration::from_secs(2))
}

fn items(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The deletions a test owes, run last first when the test ends, whether it passed or
/// panicked; their errors are ignored (most are for resources the test already
/// deleted). They run with an administrator's client, which may delete anything.
#[derive(Clone)]
struct Cleanup {
    admin: ServiceClient,
    steps: Arc<Mutex<Vec<BoxFuture<'static, ()>>>>,
}

impl Cleanup {
    fn new(admin: &ServiceClient) -> Self {
        Cleanup {
            admin: admin.clone(),
            steps: Arc::default(),
        }
    }

    /// Runs the test `body`, then the deletions; a panic of the body is raised again
    /// after them.
    async fn run(&self, body: impl Future<Output = ()>) {
        let outcome = AssertUnwindSafe(body).catch_unwind().await;
        let steps = std::mem::take(&mut *self.steps.lock().unwrap());
        for step in steps.into_iter().rev() {
            step.await;
        }
        if let Err(p) = outcome {
            std::panic::resume_unwind(p);
        }
    }

    /// Registers a deletion, given the admin client.
    fn defer<F, Fut>(&self, f: F)
    where
        F: FnOnce(ServiceClient) -> Fut,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let step = f(self.admin.clone()).boxed();
        self.steps.lock().unwrap().push(step);
    }

    /// Registers the deletion of a resource of `kind`.
    fn delete(&self, kind: Kind, id: &str) {
        let id = id.to_string();
        self.defer(move |c| async move { kind.delete(&c, &id).await });
    }

    fn share(&self, id: &str) {
        self.delete(Kind::Share, id);
    }
}

/// What [`Cleanup::delete`] deletes.
#[derive(Clone, Copy)]
enum Kind {
    Share,
    Snapshot,
    ShareType,
    ShareNetwork,
    SecurityService,
    ShareGroup,
    GroupSnapshot,
    Replica,
    Backup,
    /// The user messages about the resource.
    Messages,
}

impl Kind {
    /// Deletes the resource whatever its status (where Manila allows it) and waits until
    /// it is gone; errors are ignored.
    async fn delete(self, c: &ServiceClient, id: &str) {
        let w = wait();
        match self {
            Kind::Share => {
                let _ = shares::force_delete(c, id).await.ok();
                let _ = shares::wait_for_delete(c, id, &w).await;
            }
            Kind::Snapshot => {
                let _ = snapshots::force_delete(c, id).await.ok();
                let _ = snapshots::wait_for_delete(c, id, &w).await;
            }
            Kind::ShareType => drop(share_types::delete(c, id).await.ok()),
            Kind::ShareNetwork => drop(share_networks::delete(c, id).await.ok()),
            Kind::SecurityService => drop(security_services::delete(c, id).await.ok()),
            Kind::ShareGroup => {
                let _ = share_groups::force_delete(c, id).await.ok();
                let _ = share_groups::wait_for_delete(c, id, &w).await;
            }
            Kind::GroupSnapshot => {
                let _ = share_group_snapshots::force_delete(c, id).await.ok();
                let _ = share_group_snapshots::wait_for_delete(c, id, &w).await;
            }
            Kind::Replica => {
                let _ = share_replicas::force_delete(c, id).await.ok();
                let _ = share_replicas::wait_for_delete(c, id, &w).await;
            }
            Kind::Messages => {
                let about = messages::ListOpts {
                    resource_id: Some(id.to_string()),
                    ..Default::default()
                };
                let found = messages::list(c, &about).all_pages().await;
                for m in found
                    .and_then(|p| messages::extract(&p))
                    .unwrap_or_default()
                {
                    let _ = messages::delete(c, &m.id).await.ok();
                }
            }
            Kind::Backup => {
                let error = share_backups::BackupStatus::Error;
                let _ = share_backups::reset_status(c, id, error).await.ok();
                let _ = share_backups::delete(c, id).await.ok();
                let _ = share_backups::wait_for_delete(c, id, &w).await;
            }
        }
    }
}

/// Creates a share, registers its deletion and waits until it is available.
async fn new_share(c: &ServiceClient, cl: &Cleanup, opts: shares::CreateOpts) -> shares::Share {
    let s = shares::create(c, &opts).await.extract().unwrap();
    cl.share(&s.id);
    shares::wait_for_status(c, &s.id, shares::ShareStatus::Available, &wait())
        .await
        .unwrap()
}

/// A 1 GiB NFS share of the default type with a unique name.
fn nfs() -> shares::CreateOpts {
    shares::CreateOpts::new("NFS", 1).name(unique("share"))
}

/// Waits until the share is available again after an action.
async fn share_available(c: &ServiceClient, id: &str) -> shares::Share {
    shares::wait_for_status(c, id, shares::ShareStatus::Available, &wait())
        .await
        .unwrap()
}

/// Creates a snapshot, registers its deletion and waits until it is available.
async fn new_snapshot(
    c: &ServiceClient,
    cl: &Cleanup,
    opts: snapshots::CreateOpts,
) -> snapshots::Snapshot {
    let s = snapshots::create(c, &opts).await.extract().unwrap();
    cl.delete(Kind::Snapshot, &s.id);
    snapshots::wait_for_status(c, &s.id, snapshots::SnapshotStatus::Available, &wait())
        .await
        .unwrap()
}

/// Creates a share type (admin) and registers its deletion.
async fn new_share_type(
    admin: &ServiceClient,
    cl: &Cleanup,
    opts: share_types::CreateOpts,
) -> share_types::ShareType {
    let t = share_types::create(admin, &opts).await.extract().unwrap();
    cl.delete(Kind::ShareType, &t.id);
    t
}

/// Creates a share network and registers its deletion.
async fn new_share_network(c: &ServiceClient, cl: &Cleanup) -> share_networks::ShareNetwork {
    let opts = share_networks::CreateOpts {
        name: Some(unique("net")),
        ..Default::default()
    };
    let n = share_networks::create(c, &opts).await.extract().unwrap();
    cl.delete(Kind::ShareNetwork, &n.id);
    n
}

/// Creates a security service of `kind` and registers its deletion.
async fn new_security_service(
    c: &ServiceClient,
    cl: &Cleanup,
    kind: &str,
) -> security_services::SecurityService {
    let opts = security_services::CreateOpts {
        name: Some(unique(kind)),
        ..security_services::CreateOpts::new(kind)
    };
    let s = security_services::create(c, &opts).await.extract().unwrap();
    cl.delete(Kind::SecurityService, &s.id);
    s
}

/// Creates a share group, registers its deletion and waits until it is available.
async fn new_share_group(
    c: &ServiceClient,
    cl: &Cleanup,
    opts: share_groups::CreateOpts,
) -> share_groups::ShareGroup {
    let g = share_groups::create(c, &opts).await.extract().unwrap();
    cl.delete(Kind::ShareGroup, &g.id);
    share_groups::wait_for_status(c, &g.id, share_groups::ShareGroupStatus::Available, &wait())
        .await
        .unwrap()
}

/// Creates a snapshot of a share group, registers its deletion and waits until it is
/// available.
async fn new_group_snapshot(
    c: &ServiceClient,
    cl: &Cleanup,
    group_id: &str,
) -> share_group_snapshots::GroupSnapshot {
    let opts = share_group_snapshots::CreateOpts::new(group_id);
    let gs = share_group_snapshots::create(c, &opts)
        .await
        .extract()
        .unwrap();
    cl.delete(Kind::GroupSnapshot, &gs.id);
    share_group_snapshots::wait_for_status(
        c,
        &gs.id,
        share_groups::ShareGroupStatus::Available,
        &wait(),
    )
    .await
    .unwrap()
}

/// Creates a replica of a share and registers its deletion. The devcloud has one pool,
/// and Manila places no two replicas of a share on one pool (ShareReplicationFilter):
/// the replica ends in `error`, which this waits for (and Manila writes a user message
/// about it, deleted with it).
async fn new_failed_replica(
    c: &ServiceClient,
    cl: &Cleanup,
    opts: share_replicas::CreateOpts,
) -> share_replicas::Replica {
    let r = share_replicas::create(c, &opts).await.extract().unwrap();
    cl.delete(Kind::Replica, &r.id);
    cl.delete(Kind::Messages, &r.id);
    let failed = share_replicas::wait_for_status(
        c,
        &r.id,
        share_replicas::ReplicaStatus::Available,
        &wait(),
    )
    .await
    .unwrap_err();
    assert!(failed.to_string().contains("is error"), "{failed}");
    share_replicas::get(c, &r.id).await.extract().unwrap()
}

/// Asserts that Manila refused a request (an error status, not a transport failure).
fn refused<T: std::fmt::Debug>(r: ferrocloud::Result<T>) {
    let e = r.unwrap_err();
    assert!(e.status().is_some(), "{e}");
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_share_access_metadata_exports_and_instances() {
    let demo = manila(&member().await).await;
    let admin = manila(&admin().await).await;
    let cl = Cleanup::new(&admin);
    cl.run(async {
        let share = new_share(&demo, &cl, nfs().metadata("aim", "test")).await;
        let id = share.id.as_str();
        let name = share.name.as_deref().unwrap();
        assert_eq!(shares::find(&demo, name).await.unwrap().id, id);
        let summaries = shares::extract_summaries(
            &shares::list(&demo, &Default::default())
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(summaries.iter().any(|s| s.id == id));
        let up = shares::UpdateOpts {
            display_description: Some("by tests".into()),
            ..Default::default()
        };
        let updated = shares::update(&demo, id, &up).await.extract().unwrap();
        assert_eq!(updated.description.as_deref(), Some("by tests"));

        // Metadata.
        let all = share_metadata::set(&demo, id, &items(&[("tier", "gold")]))
            .await
            .extract()
            .unwrap();
        assert_eq!(
            (all["aim"].as_str(), all["tier"].as_str()),
            ("test", "gold")
        );
        let item = share_metadata::get_item(&demo, id, "tier").await.extract();
        assert_eq!(item.unwrap().value, "gold");
        share_metadata::delete_item(&demo, id, "tier")
            .await
            .ok()
            .unwrap();
        let left = share_metadata::list(&demo, id).await.extract().unwrap();
        assert!(!left.contains_key("tier"));
        let only = items(&[("aim", "replaced")]);
        let replaced = share_metadata::replace(&demo, id, Some(&only))
            .await
            .extract();
        assert_eq!(replaced.unwrap(), Some(only));

        // Access rules: granted, read, changed to read-only, labelled, revoked.
        let grant = share_access::GrantOpts::new("ip", "10.0.0.0/24", "rw");
        let rule = share_access::grant(&demo, id, &grant)
            .await
            .extract()
            .unwrap();
        share_access::wait_for_active(&demo, &rule.id, &wait())
            .await
            .unwrap();
        let rules = share_access::list(&demo, id, &Default::default())
            .await
            .extract()
            .unwrap();
        assert!(rules.iter().any(|r| r.id == rule.id));
        // Before 2.45 the rules are listed with an action.
        let old = demo.clone().with_microversion("2.44");
        let rules = share_access::list(&old, id, &Default::default())
            .await
            .extract()
            .unwrap();
        assert!(rules.iter().any(|r| r.id == rule.id));
        let ro = share_access::update(&demo, &rule.id, "ro")
            .await
            .extract()
            .unwrap();
        assert_eq!(ro.access_level, "ro");
        share_access::wait_for_active(&demo, &rule.id, &wait())
            .await
            .unwrap();
        let labels = share_access::set_metadata(&demo, &rule.id, &items(&[("who", "tests")]))
            .await
            .extract()
            .unwrap();
        assert_eq!(labels["who"], "tests");
        share_access::delete_metadata(&demo, &rule.id, "who")
            .await
            .ok()
            .unwrap();
        assert!(
            !share_access::get(&demo, &rule.id)
                .await
                .extract()
                .unwrap()
                .metadata
                .contains_key("who")
        );
        let revoke = share_access::RevokeOpts {
            access_id: rule.id.clone(),
            ..Default::default()
        };
        share_access::revoke(&demo, id, &revoke).await.ok().unwrap();

        // Export locations and their metadata.
        let locs = export_locations::list(&demo, id).await.extract().unwrap();
        let loc = locs.iter().find(|l| l.is_admin_only != Some(true)).unwrap();
        export_locations::get(&demo, id, &loc.id)
            .await
            .extract()
            .unwrap();
        let set = export_location_metadata::set(&demo, id, &loc.id, &items(&[("rack", "a1")]))
            .await
            .extract()
            .unwrap();
        assert_eq!(set["rack"], "a1");
        let one = export_location_metadata::get_item(&demo, id, &loc.id, "rack").await;
        assert_eq!(one.extract().unwrap().value, "a1");
        let replaced = items(&[("rack", "b2")]);
        export_location_metadata::replace(&demo, id, &loc.id, Some(&replaced))
            .await
            .extract()
            .unwrap();
        let one = export_location_metadata::get_item(&demo, id, &loc.id, "rack").await;
        assert_eq!(one.extract().unwrap().value, "b2");
        // Manila 22.0.2 checks its answer to the listing against the schema of one item
        // (`meta` required) and refuses its own answer: 400.
        let listed = export_location_metadata::list(&demo, id, &loc.id)
            .await
            .extract();
        let e = listed.unwrap_err();
        assert!(
            e.to_string().contains("'meta' is a required property"),
            "{e}"
        );
        export_location_metadata::delete_item(&demo, id, &loc.id, "rack")
            .await
            .ok()
            .unwrap();

        // The share's instance (administrators) and its export locations.
        let instances = share_instances::list_for_share(&admin, id)
            .await
            .extract()
            .unwrap();
        assert_eq!(instances.len(), 1);
        let inst = &instances[0];
        let by_location = share_instances::ListOpts {
            export_location_path: Some(loc.path.clone()),
            ..Default::default()
        };
        let found = share_instances::list(&admin, &by_location)
            .all_pages()
            .await
            .unwrap();
        assert!(
            share_instances::extract(&found)
                .unwrap()
                .iter()
                .any(|i| i.id == inst.id)
        );
        let shown = share_instances::get(&admin, &inst.id).await.extract();
        assert_eq!(shown.unwrap().share_id, id);
        let inst_locs = export_locations::list_for_instance(&admin, &inst.id)
            .await
            .extract()
            .unwrap();
        export_locations::get_for_instance(&admin, &inst.id, &inst_locs[0].id)
            .await
            .extract()
            .unwrap();
        share_instances::reset_status(&admin, &inst.id, shares::ShareStatus::Available)
            .await
            .ok()
            .unwrap();

        // Extend and shrink.
        shares::extend(&demo, id, 2, false).await.ok().unwrap();
        assert_eq!(share_available(&demo, id).await.size, Some(2));
        shares::shrink(&demo, id, 1).await.ok().unwrap();
        share_available(&demo, id).await;
        shares::delete(&demo, id).await.ok().unwrap();
        shares::wait_for_delete(&demo, id, &wait()).await.unwrap();
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_snapshots_instances_and_management() {
    let admin = manila(&admin().await).await;
    let cl = Cleanup::new(&admin);
    cl.run(async {
        let share = new_share(&admin, &cl, nfs()).await;
        let id = share.id.as_str();
        let mut opts = snapshots::CreateOpts::new(id);
        opts.metadata = Some(items(&[("aim", "test")]));
        let snap = new_snapshot(&admin, &cl, opts).await;
        let of_share = snapshots::ListOpts {
            share_id: Some(id.to_string()),
            ..Default::default()
        };
        let short = snapshots::list(&admin, &of_share).all_pages().await;
        assert_eq!(
            snapshots::extract_summaries(&short.unwrap()).unwrap().len(),
            1
        );
        let long = snapshots::list_detail(&admin, &of_share).all_pages().await;
        assert_eq!(snapshots::extract(&long.unwrap()).unwrap()[0].id, snap.id);
        let up = snapshots::UpdateOpts {
            display_name: Some(unique("snap")),
            ..Default::default()
        };
        snapshots::update(&admin, &snap.id, &up)
            .await
            .extract()
            .unwrap();

        // Metadata.
        snapshot_metadata::set(&admin, &snap.id, &items(&[("tier", "gold")]))
            .await
            .extract()
            .unwrap();
        let item = snapshot_metadata::get_item(&admin, &snap.id, "aim").await;
        assert_eq!(item.extract().unwrap().value, "test");
        snapshot_metadata::replace(&admin, &snap.id, Some(&items(&[("tier", "silver")])))
            .await
            .extract()
            .unwrap();
        let all = snapshot_metadata::list(&admin, &snap.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(all, items(&[("tier", "silver")]));
        snapshot_metadata::delete_item(&admin, &snap.id, "tier")
            .await
            .ok()
            .unwrap();

        // Its instance.
        let of_snap = snapshot_instances::ListOpts {
            snapshot_id: Some(snap.id.clone()),
        };
        let short = snapshot_instances::list(&admin, &of_snap)
            .await
            .extract()
            .unwrap();
        assert_eq!(short.len(), 1);
        let long = snapshot_instances::list_detail(&admin, &of_snap)
            .await
            .extract()
            .unwrap();
        assert_eq!(long[0].share_id, id);
        let inst = snapshot_instances::get(&admin, &short[0].id)
            .await
            .extract()
            .unwrap();
        assert_eq!(inst.snapshot_id, snap.id);
        snapshot_instances::reset_status(&admin, &inst.id, snapshots::SnapshotStatus::Available)
            .await
            .ok()
            .unwrap();
        snapshots::reset_status(&admin, &snap.id, snapshots::SnapshotStatus::Available)
            .await
            .ok()
            .unwrap();

        // Revert the share to it.
        shares::revert(&admin, id, &snap.id).await.ok().unwrap();
        share_available(&admin, id).await;

        // Out of Manila's management and back, by its provider location.
        let location = snapshots::get(&admin, &snap.id)
            .await
            .extract()
            .unwrap()
            .provider_location
            .expect("administrators see the provider location");
        snapshots::unmanage(&admin, &snap.id).await.ok().unwrap();
        snapshots::wait_for_delete(&admin, &snap.id, &wait())
            .await
            .unwrap();
        let manage = snapshots::ManageOpts {
            share_id: id.to_string(),
            provider_location: location,
            name: Some(unique("managed")),
            ..Default::default()
        };
        let managed = snapshots::manage(&admin, &manage).await.extract().unwrap();
        cl.delete(Kind::Snapshot, &managed.id);
        snapshots::wait_for_status(
            &admin,
            &managed.id,
            snapshots::SnapshotStatus::Available,
            &wait(),
        )
        .await
        .unwrap();
        snapshots::delete(&admin, &managed.id).await.ok().unwrap();
        snapshots::wait_for_delete(&admin, &managed.id, &wait())
            .await
            .unwrap();

        // A snapshot deleted whatever its status.
        let other = new_snapshot(&admin, &cl, snapshots::CreateOpts::new(id)).await;
        snapshots::force_delete(&admin, &other.id)
            .await
            .ok()
            .unwrap();
        snapshots::wait_for_delete(&admin, &other.id, &wait())
            .await
            .unwrap();
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_share_unmanage_and_manage() {
    let admin = manila(&admin().await).await;
    let cl = Cleanup::new(&admin);
    cl.run(async {
        let share = new_share(&admin, &cl, nfs()).await;
        let host = share.host.clone().expect("administrators see the host");
        let type_id = share.share_type.clone().unwrap();
        // Unmanaged, then managed back from its export path; once with the current
        // API, once with the one before 2.7 (`os-share-manage`, `os-share-unmanage`).
        let mut current = share.id.clone();
        for client in [admin.clone(), admin.clone().with_microversion("2.6")] {
            let path = export_locations::list(&admin, &current)
                .await
                .extract()
                .unwrap()[0]
                .path
                .clone();
            shares::unmanage(&client, &current).await.ok().unwrap();
            shares::wait_for_delete(&admin, &current, &wait())
                .await
                .unwrap();
            let opts = shares::ManageOpts {
                protocol: "NFS".into(),
                service_host: host.clone(),
                export_path: path,
                name: Some(unique("managed")),
                share_type: Some(type_id.clone()),
                ..Default::default()
            };
            let managed = shares::manage(&client, &opts).await.extract().unwrap();
            cl.share(&managed.id);
            share_available(&admin, &managed.id).await;
            current = managed.id;
        }
        shares::force_delete(&admin, &current).await.ok().unwrap();
        shares::wait_for_delete(&admin, &current, &wait())
            .await
            .unwrap();
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_share_locks_soft_delete_and_transfer() {
    let demo = manila(&member().await).await;
    let admin_provider = admin().await;
    let admin = manila(&admin_provider).await;
    let cl = Cleanup::new(&admin);
    cl.run(async {
        let share = new_share(&demo, &cl, nfs()).await;
        let id = share.id.as_str();

        // A lock on deletion refuses the deletion until it is removed.
        let opts = resource_locks::CreateOpts {
            lock_reason: Some("tests".into()),
            ..resource_locks::CreateOpts::new(id)
        };
        let lock = resource_locks::create(&demo, &opts)
            .await
            .extract()
            .unwrap();
        let lock_id = lock.id.clone();
        cl.defer(|c| async move {
            let _ = resource_locks::delete(&c, &lock_id).await.ok();
        });
        assert_eq!(
            (lock.resource_action.as_str(), lock.lock_context.as_str()),
            ("delete", "user")
        );
        refused(shares::delete(&demo, id).await.ok());
        let of_share = resource_locks::ListOpts {
            resource_id: Some(id.to_string()),
            ..Default::default()
        };
        let listed = resource_locks::list(&demo, &of_share).all_pages().await;
        assert_eq!(
            resource_locks::extract_summaries(&listed.unwrap())
                .unwrap()
                .len(),
            1
        );
        let up = resource_locks::UpdateOpts {
            lock_reason: Some("still tests".into()),
            ..Default::default()
        };
        let updated = resource_locks::update(&demo, &lock.id, &up).await.extract();
        assert_eq!(updated.unwrap().lock_reason.as_deref(), Some("still tests"));
        resource_locks::get(&demo, &lock.id)
            .await
            .extract()
            .unwrap();
        resource_locks::delete(&demo, &lock.id).await.ok().unwrap();

        // Soft delete and restore.
        shares::soft_delete(&demo, id).await.ok().unwrap();
        shares::restore(&demo, id).await.ok().unwrap();
        share_available(&demo, id).await;

        // Transfer to the admin project.
        let opts = share_transfers::CreateOpts {
            name: Some(unique("transfer")),
            ..share_transfers::CreateOpts::new(id)
        };
        let t = share_transfers::create(&demo, &opts)
            .await
            .extract()
            .unwrap();
        let transfer_id = t.id.clone();
        cl.defer(|c| async move {
            let _ = share_transfers::delete(&c, &transfer_id).await.ok();
        });
        let key = t.auth_key.clone().expect("shown at creation");
        assert!(
            !share_transfers::get(&demo, &t.id)
                .await
                .extract()
                .unwrap()
                .accepted
        );
        let short = share_transfers::list(&demo, &Default::default())
            .all_pages()
            .await
            .unwrap();
        assert!(
            share_transfers::extract_summaries(&short)
                .unwrap()
                .iter()
                .any(|x| x.id == t.id)
        );
        let long = share_transfers::list_detail(&demo, &Default::default())
            .all_pages()
            .await
            .unwrap();
        share_transfers::extract(&long).unwrap();
        share_transfers::accept(&admin, &t.id, key, true)
            .await
            .ok()
            .unwrap();
        let moved = share_available(&admin, id).await;
        assert_eq!(
            Some(moved.project_id),
            admin_provider.auth_info().unwrap().project.map(|p| p.id)
        );

        // A transfer deleted before it is accepted.
        let t = share_transfers::create(&admin, &share_transfers::CreateOpts::new(id))
            .await
            .extract()
            .unwrap();
        share_transfers::delete(&admin, &t.id).await.ok().unwrap();
        share_available(&admin, id).await;
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_share_backups() {
    let admin = manila(&admin().await).await;
    let cl = Cleanup::new(&admin);
    cl.run(async {
        let share = new_share(&admin, &cl, nfs()).await;
        let id = share.id.as_str();
        // Backups (experimental API) made by the share driver (a `backup_type` in the
        // options): the dummy driver's. Without options Manila copies the data with
        // its data service, which needs mount settings the devcloud does not have, and
        // such a backup can then not be deleted either (it stays `error_deleting`).
        let opts = share_backups::CreateOpts {
            name: Some(unique("backup")),
            backup_options: Some(BTreeMap::from([(
                "backup_type".to_string(),
                serde_json::json!("dummy"),
            )])),
            ..share_backups::CreateOpts::new(id)
        };
        let b = share_backups::create(&admin, &opts)
            .await
            .extract()
            .unwrap();
        cl.delete(Kind::Backup, &b.id);
        // The share manager completes it on its next periodic task (every 60 s).
        share_backups::wait_for_status(
            &admin,
            &b.id,
            share_backups::BackupStatus::Available,
            &wait(),
        )
        .await
        .unwrap();
        let up = share_backups::UpdateOpts {
            description: Some("by tests".into()),
            ..Default::default()
        };
        let updated = share_backups::update(&admin, &b.id, &up).await.extract();
        assert_eq!(updated.unwrap().description.as_deref(), Some("by tests"));
        let short = share_backups::list(&admin, &Default::default())
            .all_pages()
            .await
            .unwrap();
        assert!(
            share_backups::extract_summaries(&short)
                .unwrap()
                .iter()
                .any(|x| x.id == b.id)
        );
        let long = share_backups::list_detail(&admin, &Default::default())
            .all_pages()
            .await
            .unwrap();
        share_backups::extract(&long).unwrap();
        let restore = share_backups::restore(&admin, &b.id, None).await.extract();
        assert_eq!(restore.unwrap().share_id, id);
        // The restore completes on another periodic task: not waited for. Both
        // statuses are set back instead.
        share_backups::reset_status(&admin, &b.id, share_backups::BackupStatus::Available)
            .await
            .ok()
            .unwrap();
        shares::reset_status(&admin, id, shares::ShareStatus::Available)
            .await
            .ok()
            .unwrap();
        share_backups::delete(&admin, &b.id).await.ok().unwrap();
        share_backups::wait_for_delete(&admin, &b.id, &wait())
            .await
            .unwrap();
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_types_qos_and_share_groups() {
    let demo_provider = member().await;
    let demo_project = demo_provider.auth_info().unwrap().project.unwrap().id;
    let admin = manila(&admin().await).await;
    let cl = Cleanup::new(&admin);
    cl.run(async {
        // A private share type with extra specs and access.
        let t = new_share_type(
            &admin,
            &cl,
            share_types::CreateOpts {
                is_public: Some(false),
                ..share_types::CreateOpts::new(unique("type"), false)
                    .extra_spec("snapshot_support", "True")
            },
        )
        .await;
        // A QoS type.
        let mut q = qos_types::CreateOpts::new(unique("qos"));
        q.specs.insert("peak_iops".into(), "500".into());
        let qos = qos_types::create(&admin, &q).await.extract().unwrap();
        let qos_id = qos.id.clone();
        cl.defer(|c| async move {
            let _ = qos_types::delete(&c, &qos_id).await.ok();
        });
        // A share group type over the share type.
        let gt = share_group_types::create(
            &admin,
            &share_group_types::CreateOpts {
                is_public: Some(false),
                ..share_group_types::CreateOpts::new(unique("group-type"), vec![t.id.clone()])
            },
        )
        .await
        .extract()
        .unwrap();
        let gt_id = gt.id.clone();
        cl.defer(|c| async move {
            let _ = share_group_types::delete(&c, &gt_id).await.ok();
        });

        // Share types: listed, shown, renamed.
        let all = share_types::list(&admin, &Default::default())
            .await
            .extract()
            .unwrap();
        assert!(all.iter().any(|x| x.name == "default"));
        assert_eq!(
            share_types::get_default(&admin)
                .await
                .extract()
                .unwrap()
                .name,
            "default"
        );
        assert_eq!(
            share_types::get(&admin, &t.id).await.extract().unwrap().id,
            t.id
        );
        let up = share_types::UpdateOpts {
            name: Some(unique("renamed")),
            description: Some("by tests".into()),
            is_public: Some(false),
        };
        let renamed = share_types::update(&admin, &t.id, &up)
            .await
            .extract()
            .unwrap();
        assert_eq!(renamed.description.as_deref(), Some("by tests"));

        let specs = BTreeMap::from([("mount_snapshot_support".to_string(), "False".to_string())]);
        share_types::set_extra_specs(&admin, &t.id, &specs)
            .await
            .extract()
            .unwrap();
        assert_eq!(
            share_types::list_extra_specs(&admin, &t.id)
                .await
                .extract()
                .unwrap()["mount_snapshot_support"],
            "False"
        );
        share_types::delete_extra_spec(&admin, &t.id, "mount_snapshot_support")
            .await
            .ok()
            .unwrap();
        share_types::add_access(&admin, &t.id, &demo_project)
            .await
            .ok()
            .unwrap();
        assert!(
            share_types::list_access(&admin, &t.id)
                .await
                .extract()
                .unwrap()
                .iter()
                .any(|a| a.project_id == demo_project)
        );
        share_types::remove_access(&admin, &t.id, &demo_project)
            .await
            .ok()
            .unwrap();

        // QoS types.
        assert_eq!(
            qos_types::get(&admin, &qos.id)
                .await
                .extract()
                .unwrap()
                .specs["peak_iops"],
            "500"
        );
        let up = qos_types::UpdateOpts {
            description: Some("by tests".into()),
        };
        assert_eq!(
            qos_types::update(&admin, &qos.id, &up)
                .await
                .extract()
                .unwrap()
                .description
                .as_deref(),
            Some("by tests")
        );
        let more =
            qos_types::Specs::from([("expected_iops".to_string(), serde_json::json!("100"))]);
        qos_types::set_specs(&admin, &qos.id, &more)
            .await
            .extract()
            .unwrap();
        assert!(
            qos_types::list_specs(&admin, &qos.id)
                .await
                .extract()
                .unwrap()
                .contains_key("expected_iops")
        );
        qos_types::delete_spec(&admin, &qos.id, "expected_iops")
            .await
            .ok()
            .unwrap();
        let all = qos_types::extract_summaries(
            &qos_types::list(&admin, &Default::default())
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(all.iter().any(|x| x.id == qos.id));

        // Share group types.
        assert!(
            share_group_types::list(
                &admin,
                &share_group_types::ListOpts {
                    is_public: Some("all".into())
                }
            )
            .await
            .extract()
            .unwrap()
            .iter()
            .any(|x| x.id == gt.id)
        );
        assert_eq!(
            share_group_types::get_default(&admin)
                .await
                .extract()
                .unwrap()
                .name,
            "default"
        );
        let specs = BTreeMap::from([(
            "consistent_snapshot_support".to_string(),
            "pool".to_string(),
        )]);
        share_group_types::set_group_specs(&admin, &gt.id, &specs)
            .await
            .extract()
            .unwrap();
        assert_eq!(
            share_group_types::list_group_specs(&admin, &gt.id)
                .await
                .extract()
                .unwrap()["consistent_snapshot_support"],
            "pool"
        );
        share_group_types::delete_group_spec(&admin, &gt.id, "consistent_snapshot_support")
            .await
            .ok()
            .unwrap();
        share_group_types::add_access(&admin, &gt.id, &demo_project)
            .await
            .ok()
            .unwrap();
        assert!(
            share_group_types::list_access(&admin, &gt.id)
                .await
                .extract()
                .unwrap()
                .iter()
                .any(|a| a.project_id == demo_project)
        );
        share_group_types::remove_access(&admin, &gt.id, &demo_project)
            .await
            .ok()
            .unwrap();

        // A share group with a share in it and two group snapshots; a second, empty
        // group deleted whatever its status.
        let g = new_share_group(
            &admin,
            &cl,
            share_groups::CreateOpts {
                name: Some(unique("group")),
                share_group_type_id: Some(gt.id.clone()),
                share_types: Some(vec![t.id.clone()]),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(g.share_group_type_id, gt.id);
        let up = share_groups::UpdateOpts {
            description: Some("by tests".into()),
            ..Default::default()
        };
        share_groups::update(&admin, &g.id, &up)
            .await
            .extract()
            .unwrap();
        let short = share_groups::list(&admin, &Default::default())
            .all_pages()
            .await;
        share_groups::extract_summaries(&short.unwrap()).unwrap();
        let long = share_groups::list_detail(&admin, &Default::default())
            .all_pages()
            .await;
        assert!(
            share_groups::extract(&long.unwrap())
                .unwrap()
                .iter()
                .any(|x| x.id == g.id)
        );
        let mut opts = shares::CreateOpts::new("NFS", 1).share_type(&t.id);
        opts.share_group_id = Some(g.id.clone());
        let s = new_share(&admin, &cl, opts).await;
        let gs = new_group_snapshot(&admin, &cl, &g.id).await;
        assert_eq!(gs.members.len(), 1);
        let members = share_group_snapshots::list_members(&admin, &gs.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(members[0].share_id.as_deref(), Some(s.id.as_str()));
        let up = share_group_snapshots::UpdateOpts {
            name: Some(unique("gsnap")),
            ..Default::default()
        };
        share_group_snapshots::update(&admin, &gs.id, &up)
            .await
            .extract()
            .unwrap();
        let short = share_group_snapshots::list(&admin, &Default::default())
            .all_pages()
            .await;
        share_group_snapshots::extract_summaries(&short.unwrap()).unwrap();
        let long = share_group_snapshots::list_detail(&admin, &Default::default())
            .all_pages()
            .await;
        share_group_snapshots::extract(&long.unwrap()).unwrap();
        share_group_snapshots::reset_status(&admin, &gs.id, share_groups::ShareGroupStatus::Error)
            .await
            .ok()
            .unwrap();
        share_group_snapshots::force_delete(&admin, &gs.id)
            .await
            .ok()
            .unwrap();
        share_group_snapshots::wait_for_delete(&admin, &gs.id, &wait())
            .await
            .unwrap();
        let gs = new_group_snapshot(&admin, &cl, &g.id).await;
        share_group_snapshots::delete(&admin, &gs.id)
            .await
            .ok()
            .unwrap();
        share_group_snapshots::wait_for_delete(&admin, &gs.id, &wait())
            .await
            .unwrap();
        // A share of a group is deleted with the group's ID.
        refused(shares::delete(&admin, &s.id).await.ok());
        let in_group = shares::DeleteOpts {
            share_group_id: Some(g.id.clone()),
        };
        shares::delete_with(&admin, &s.id, &in_group)
            .await
            .ok()
            .unwrap();
        shares::wait_for_delete(&admin, &s.id, &wait())
            .await
            .unwrap();
        share_groups::reset_status(&admin, &g.id, share_groups::ShareGroupStatus::Available)
            .await
            .ok()
            .unwrap();
        share_groups::delete(&admin, &g.id).await.ok().unwrap();
        share_groups::wait_for_delete(&admin, &g.id, &wait())
            .await
            .unwrap();
        let empty = new_share_group(
            &admin,
            &cl,
            share_groups::CreateOpts {
                share_group_type_id: Some(gt.id.clone()),
                share_types: Some(vec![t.id.clone()]),
                ..Default::default()
            },
        )
        .await;
        share_groups::force_delete(&admin, &empty.id)
            .await
            .ok()
            .unwrap();
        share_groups::wait_for_delete(&admin, &empty.id, &wait())
            .await
            .unwrap();
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_replicas() {
    let admin = manila(&admin().await).await;
    let cl = Cleanup::new(&admin);
    cl.run(async {
        let t = new_share_type(
            &admin,
            &cl,
            share_types::CreateOpts::new(unique("replicated"), false)
                .extra_spec("replication_type", "readable"),
        )
        .await;
        let share = new_share(&admin, &cl, nfs().share_type(&t.id)).await;
        // What can be done with a replica in `error` is done.
        let opts = share_replicas::CreateOpts {
            metadata: Some(items(&[("aim", "test")])),
            ..share_replicas::CreateOpts::new(&share.id)
        };
        let r = new_failed_replica(&admin, &cl, opts).await;
        assert_eq!(r.metadata.as_ref().map(|m| m["aim"].as_str()), Some("test"));
        let by_share = share_replicas::ListOpts {
            share_id: Some(share.id.clone()),
            ..Default::default()
        };
        let long = share_replicas::list_detail(&admin, &by_share)
            .all_pages()
            .await;
        let all = share_replicas::extract(&long.unwrap()).unwrap();
        assert_eq!(all.len(), 2);
        let short = share_replicas::list(&admin, &by_share).all_pages().await;
        assert!(
            share_replicas::extract_summaries(&short.unwrap())
                .unwrap()
                .iter()
                .any(|x| x.replica_state == Some(share_replicas::ReplicaState::Active))
        );
        let item = share_replica_metadata::get_item(&admin, &r.id, "aim").await;
        assert_eq!(item.extract().unwrap().value, "test");
        let gold = items(&[("tier", "gold")]);
        share_replica_metadata::set(&admin, &r.id, &gold)
            .await
            .extract()
            .unwrap();
        share_replica_metadata::replace(&admin, &r.id, Some(&gold))
            .await
            .extract()
            .unwrap();
        let left = share_replica_metadata::list(&admin, &r.id).await.extract();
        assert!(!left.unwrap().contains_key("aim"));
        share_replica_metadata::delete_item(&admin, &r.id, "tier")
            .await
            .ok()
            .unwrap();
        let active = all.iter().find(|x| x.id != r.id).unwrap();
        let locs = export_locations::list_for_replica(&admin, &active.id)
            .await
            .extract()
            .unwrap();
        export_locations::get_for_replica(&admin, &active.id, &locs[0].id)
            .await
            .extract()
            .unwrap();
        // An errored replica is neither resynced nor promoted.
        refused(share_replicas::resync(&admin, &r.id).await.ok());
        refused(share_replicas::promote(&admin, &r.id, None).await.ok());
        let out_of_sync = share_replicas::ReplicaState::OutOfSync;
        share_replicas::reset_replica_state(&admin, &r.id, out_of_sync.clone())
            .await
            .ok()
            .unwrap();
        share_replicas::reset_status(&admin, &r.id, share_replicas::ReplicaStatus::Error)
            .await
            .ok()
            .unwrap();
        let r2 = share_replicas::get(&admin, &r.id).await.extract().unwrap();
        assert_eq!(r2.replica_state, Some(out_of_sync));
        share_replicas::force_delete(&admin, &r.id)
            .await
            .ok()
            .unwrap();
        share_replicas::wait_for_delete(&admin, &r.id, &wait())
            .await
            .unwrap();
        // A second one, deleted the ordinary way.
        let r = new_failed_replica(&admin, &cl, share_replicas::CreateOpts::new(&share.id)).await;
        share_replicas::delete(&admin, &r.id).await.ok().unwrap();
        share_replicas::wait_for_delete(&admin, &r.id, &wait())
            .await
            .unwrap();
        // A third one: a replica is a share instance, deleted as one.
        let r = new_failed_replica(&admin, &cl, share_replicas::CreateOpts::new(&share.id)).await;
        share_instances::force_delete(&admin, &r.id)
            .await
            .ok()
            .unwrap();
        share_instances::wait_for_delete(&admin, &r.id, &wait())
            .await
            .unwrap();
    })
    .await;
}

/// Polls the share until its task state is `state`.
async fn task_state(c: &ServiceClient, id: &str, state: &str) -> shares::Share {
    ferrocloud::wait::wait_for(
        &format!("share {id} to be in {state}"),
        &WaitOpts::new(Duration::from_secs(60))
            .interval(Duration::from_millis(250), Duration::from_secs(1)),
        || async { shares::get(c, id).await.extract() },
        |s: &shares::Share| {
            if s.task_state.as_deref() == Some(state) {
                State::Ready
            } else {
                State::Pending
            }
        },
        |_| {},
    )
    .await
    .unwrap()
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_share_migration() {
    let admin = manila(&admin().await).await;
    let cl = Cleanup::new(&admin);
    cl.run(async {
        let from = share_types::CreateOpts::new(unique("source"), false);
        let from = new_share_type(&admin, &cl, from).await;
        let to = share_types::CreateOpts::new(unique("target"), false);
        let to = new_share_type(&admin, &cl, to).await;
        let moving = new_share(&admin, &cl, nfs().share_type(&from.id)).await;
        let id = moving.id.clone();
        cl.defer(|c| async move {
            let available = shares::ShareStatus::Available;
            let _ = shares::reset_status(&c, &id, available).await.ok();
        });
        // Migration to the same pool with another share type.
        let host = moving.host.clone().expect("administrators see the host");
        let mut opts = share_migration::StartOpts::new(&host);
        opts.new_share_type_id = Some(to.id.clone());
        opts.preserve_snapshots = false;
        share_migration::start(&admin, &moving.id, &opts)
            .await
            .ok()
            .unwrap();
        // The driver's first phase runs until the share manager's periodic check (60 s
        // by default): the migration is seen in progress, its progress read, and
        // cancelled.
        task_state(&admin, &moving.id, "migration_driver_in_progress").await;
        let progress = share_migration::get_progress(&admin, &moving.id)
            .await
            .extract()
            .unwrap();
        assert!(progress.total_progress <= 100);
        // Completing needs the first phase done: refused now.
        refused(share_migration::complete(&admin, &moving.id).await.ok());
        share_migration::cancel(&admin, &moving.id)
            .await
            .ok()
            .unwrap();
        task_state(&admin, &moving.id, "migration_cancelled").await;
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_admin_views_services_and_quotas() {
    let admin_provider = admin().await;
    let project = admin_provider.auth_info().unwrap().project.unwrap().id;
    let admin = manila(&admin_provider).await;
    let cl = Cleanup::new(&admin);
    cl.run(async {
        let vs = versions::list(&admin).await.extract().unwrap();
        assert!(vs.iter().any(|v| v.id == "v2.0"));
        let v2 = versions::get(&admin, "v2").await.extract().unwrap();
        assert_eq!(v2[0].version, MV);
        // Manila 22 lists no extensions any more; the listing still answers.
        extensions::list(&admin).await.extract().unwrap();
        let zones = availability_zones::list(&admin).await.extract().unwrap();
        assert!(!zones.is_empty());
        // Before 2.7: `os-availability-zone`.
        let old = admin.clone().with_microversion("2.6");
        let old_zones = availability_zones::list(&old).await.extract().unwrap();
        assert_eq!(old_zones.len(), zones.len());
        let pools = scheduler_stats::list(&admin, &Default::default())
            .await
            .extract()
            .unwrap();
        assert!(!pools.is_empty());
        let detailed = scheduler_stats::list_detail(&admin, &Default::default())
            .await
            .extract()
            .unwrap();
        assert_eq!(detailed.len(), pools.len());
        limits::get(&admin).await.extract().unwrap();
        let all = messages::list(&admin, &Default::default())
            .all_pages()
            .await;
        messages::extract(&all.unwrap()).unwrap();
        share_servers::list(&admin, &Default::default())
            .await
            .extract()
            .unwrap();

        // Services: the data service (which only backups and migrations of other
        // back ends use, none here) is disabled and enabled again at once.
        let svcs = services::list(&admin, &Default::default())
            .await
            .extract()
            .unwrap();
        assert!(svcs.iter().any(|s| s.binary == "manila-share"));
        let data = svcs.iter().find(|s| s.binary == "manila-data").unwrap();
        let host = data.host.clone();
        cl.defer(|c| async move {
            let _ = services::enable(&c, &host, "manila-data").await.ok();
        });
        let off = services::disable(&admin, &data.host, "manila-data", Some("tests"))
            .await
            .extract()
            .unwrap();
        // From 2.83 the answer carries a status instead of `disabled`.
        assert_eq!(off.status.as_deref(), Some("disabled"));
        assert_eq!(off.disabled_reason.as_deref(), Some("tests"));
        let on = services::enable(&admin, &data.host, "manila-data")
            .await
            .extract()
            .unwrap();
        assert_eq!(on.status.as_deref(), Some("enabled"));
        // Ensuring shares sets every share of a back end `ensuring` for a while, for
        // everyone: only its refusal (an unknown host) is tried here.
        refused(
            services::ensure_shares(&admin, "nowhere@nothing")
                .await
                .ok(),
        );

        // Quotas of a project made for the test.
        let identity = admin_identity().await;
        let p = projects::CreateOpts::new(unique("quotas")).domain_id("default");
        let p = projects::create(&identity, &p).await.extract().unwrap();
        let pid = p.id.clone();
        cl.defer(|_| async move {
            let _ = projects::delete(&identity, &pid).await.ok();
        });
        let scope = quota_sets::Scope::default();
        let defaults = quota_sets::defaults(&admin, &project)
            .await
            .extract()
            .unwrap();
        let up = quota_sets::UpdateOpts {
            shares: Some(defaults.shares + 7),
            ..Default::default()
        };
        let set = quota_sets::update(&admin, &p.id, &scope, &up)
            .await
            .extract()
            .unwrap();
        assert_eq!(set.shares, defaults.shares + 7);
        let got = quota_sets::get(&admin, &p.id, &scope).await.extract();
        assert_eq!(got.unwrap().shares, defaults.shares + 7);
        let detail = quota_sets::detail(&admin, &p.id, &scope).await.extract();
        assert_eq!(detail.unwrap().shares.in_use, 0);
        quota_sets::delete(&admin, &p.id, &scope)
            .await
            .ok()
            .unwrap();
        let reset = quota_sets::get(&admin, &p.id, &scope).await.extract();
        assert_eq!(reset.unwrap().shares, defaults.shares);

        // The default quota class, written back with the values it has.
        let class = quota_class_sets::get(&admin, "default")
            .await
            .extract()
            .unwrap();
        let same = quota_class_sets::UpdateOpts {
            quotas: quota_sets::UpdateOpts {
                shares: Some(class.shares),
                ..Default::default()
            },
            ..Default::default()
        };
        let written = quota_class_sets::update(&admin, "default", &same)
            .await
            .extract()
            .unwrap();
        assert_eq!(written.shares, class.shares);
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_networks_security_services_and_servers() {
    let admin = manila(&admin().await).await;
    let cl = Cleanup::new(&admin);
    cl.run(async {
        // Share networks, subnets and security services: database objects here.
        let net = new_share_network(&admin, &cl).await;
        let up = share_networks::UpdateOpts {
            description: Some("by tests".into()),
            ..Default::default()
        };
        share_networks::update(&admin, &net.id, &up)
            .await
            .extract()
            .unwrap();
        let shown = share_networks::get(&admin, &net.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(shown.description.as_deref(), Some("by tests"));
        let short = share_networks::list(&admin, &Default::default())
            .all_pages()
            .await;
        assert!(
            share_networks::extract_summaries(&short.unwrap())
                .unwrap()
                .iter()
                .any(|n| n.id == net.id)
        );
        let long = share_networks::list_detail(&admin, &Default::default())
            .all_pages()
            .await;
        share_networks::extract(&long.unwrap()).unwrap();
        share_networks::reset_status(&admin, &net.id, "active")
            .await
            .ok()
            .unwrap();

        let default_subnet = share_network_subnets::list(&admin, &net.id)
            .await
            .extract()
            .unwrap()[0]
            .clone();
        let zone = availability_zones::list(&admin).await.extract().unwrap()[0]
            .name
            .clone();
        let opts = share_network_subnets::CreateOpts {
            availability_zone: Some(zone.clone()),
            ..Default::default()
        };
        let subnet = share_network_subnets::create(&admin, &net.id, &opts)
            .await
            .extract()
            .unwrap();
        let (net_id, subnet_id) = (net.id.clone(), subnet.id.clone());
        cl.defer(|c| async move {
            let _ = share_network_subnets::delete(&c, &net_id, &subnet_id)
                .await
                .ok();
        });
        let got = share_network_subnets::get(&admin, &net.id, &subnet.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(got.availability_zone.as_deref(), Some(zone.as_str()));
        let md = share_network_subnet_metadata::set(
            &admin,
            &net.id,
            &subnet.id,
            &items(&[("aim", "test")]),
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(md["aim"], "test");
        let one = share_network_subnet_metadata::get_item(&admin, &net.id, &subnet.id, "aim")
            .await
            .extract()
            .unwrap();
        assert_eq!(one.value, "test");
        let tier = items(&[("tier", "gold")]);
        share_network_subnet_metadata::replace(&admin, &net.id, &subnet.id, Some(&tier))
            .await
            .extract()
            .unwrap();
        let all = share_network_subnet_metadata::list(&admin, &net.id, &subnet.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(all, tier);
        share_network_subnet_metadata::delete_item(&admin, &net.id, &subnet.id, "tier")
            .await
            .ok()
            .unwrap();
        share_network_subnets::delete(&admin, &net.id, &subnet.id)
            .await
            .ok()
            .unwrap();

        let ldap = new_security_service(&admin, &cl, "ldap").await;
        let other = new_security_service(&admin, &cl, "ldap").await;
        let kerberos = new_security_service(&admin, &cl, "kerberos").await;
        let up = security_services::UpdateOpts {
            description: Some("by tests".into()),
            ..Default::default()
        };
        security_services::update(&admin, &ldap.id, &up)
            .await
            .extract()
            .unwrap();
        let got = security_services::get(&admin, &ldap.id).await.extract();
        assert_eq!(got.unwrap().description.as_deref(), Some("by tests"));
        let short = security_services::list(&admin, &Default::default())
            .all_pages()
            .await;
        assert!(
            security_services::extract_summaries(&short.unwrap())
                .unwrap()
                .iter()
                .any(|s| s.id == ldap.id)
        );
        let long = security_services::list_detail(&admin, &Default::default())
            .all_pages()
            .await;
        security_services::extract(&long.unwrap()).unwrap();
        share_networks::add_security_service(&admin, &net.id, &ldap.id)
            .await
            .extract()
            .unwrap();
        // Checks before changing a network in use (here it has no share servers).
        let add = share_networks::SecurityServiceOpts {
            security_service_id: kerberos.id.clone(),
            reset_operation: None,
        };
        share_networks::add_security_service_check(&admin, &net.id, &add)
            .await
            .extract()
            .unwrap();
        let swap = share_networks::ReplaceSecurityServiceOpts {
            current_service_id: ldap.id.clone(),
            new_service_id: other.id.clone(),
            reset_operation: None,
        };
        share_networks::update_security_service_check(&admin, &net.id, &swap)
            .await
            .extract()
            .unwrap();
        let swapped = share_networks::update_security_service(&admin, &net.id, &ldap.id, &other.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(swapped.id, net.id);
        share_networks::remove_security_service(&admin, &net.id, &other.id)
            .await
            .extract()
            .unwrap();

        // Share servers: the back end does not handle share servers, so there are
        // none. Bringing one under management is refused here for an unknown host;
        // with the real host Manila would record it, fail to manage it, and could
        // then neither delete nor unmanage the record (the dummy driver has no network
        // API when it does not handle share servers). The other operations are refused
        // for an unknown ID.
        let opts = share_servers::ManageOpts {
            host: "nowhere@nothing".into(),
            share_network_id: net.id.clone(),
            identifier: unique("server"),
            share_network_subnet_id: Some(default_subnet.id.clone()),
            ..Default::default()
        };
        refused(share_servers::manage(&admin, &opts).await.extract());
        let none = "00000000-0000-0000-0000-000000000000";
        let missing = share_servers::get(&admin, none)
            .await
            .extract()
            .unwrap_err();
        assert!(missing.is_not_found(), "{missing}");
        refused(share_servers::get_details(&admin, none).await.extract());
        let error = share_servers::ShareServerStatus::Error;
        refused(share_servers::reset_status(&admin, none, error).await.ok());
        let to = share_servers::MigrationOpts::new("devcloud@dummy");
        refused(
            share_servers::migration_check(&admin, none, &to)
                .await
                .extract(),
        );
        refused(share_servers::migration_start(&admin, none, &to).await.ok());
        refused(
            share_servers::migration_get_progress(&admin, none)
                .await
                .extract(),
        );
        refused(
            share_servers::migration_complete(&admin, none)
                .await
                .extract(),
        );
        refused(share_servers::migration_cancel(&admin, none).await.ok());
        refused(share_servers::unmanage(&admin, none, true).await.ok());
        refused(share_servers::delete(&admin, none).await.ok());
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn manila_user_messages() {
    let admin = manila(&admin().await).await;
    let cl = Cleanup::new(&admin);
    cl.run(async {
        // A share of a type no back end has fails to be scheduled: Manila tells its
        // owner with a message.
        let t = share_types::CreateOpts {
            is_public: Some(false),
            ..share_types::CreateOpts::new(unique("nowhere"), false)
                .extra_spec("share_backend_name", "nowhere")
        };
        let t = new_share_type(&admin, &cl, t).await;
        let s = shares::create(&admin, &nfs().share_type(&t.id))
            .await
            .extract()
            .unwrap();
        cl.share(&s.id);
        cl.delete(Kind::Messages, &s.id);
        let about = messages::ListOpts {
            resource_id: Some(s.id.clone()),
            ..Default::default()
        };
        let found = ferrocloud::wait::wait_for(
            &format!("a message about share {}", s.id),
            &wait(),
            || async {
                let page = messages::list(&admin, &about).all_pages().await?;
                messages::extract(&page)
            },
            |m: &Vec<messages::Message>| {
                if m.is_empty() {
                    State::Pending
                } else {
                    State::Ready
                }
            },
            |_| {},
        )
        .await
        .unwrap();
        let m = messages::get(&admin, &found[0].id).await.extract().unwrap();
        assert_eq!(m.resource_type, "SHARE");
        messages::delete(&admin, &m.id).await.ok().unwrap();
        let gone = messages::get(&admin, &m.id).await.extract().unwrap_err();
        assert!(gone.is_not_found(), "{gone}");
        shares::delete(&admin, &s.id).await.ok().unwrap();
        shares::wait_for_delete(&admin, &s.id, &wait())
            .await
            .unwrap();
    })
    .await;
}
