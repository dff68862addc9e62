//! Database v1 against the real Trove API (no task manager, conductor, guest agent or
//! guest image: instances, backups and clusters cannot be built): versions, datastores,
//! their versions and parameters, configuration groups, limits, quotas, the
//! administrators' datastore versions and parameters, backup strategies; what needs an
//! instance is proven as a refusal.

use std::panic::AssertUnwindSafe;

use ferrocloud::openstack::db::v1::{
    backup_strategies, backups, configurations, databases, datastore_versions, datastores,
    instances, limits, logs, mgmt, quotas, root, ssl, users, versions,
};
use ferrocloud::{ErrorKind, ProviderClient, ServiceClient, openstack};
use futures::FutureExt;
use serde_json::json;

use crate::support::*;

fn trove(provider: &ProviderClient) -> ServiceClient {
    openstack::new_database_v1(provider, region()).unwrap()
}

/// The devcloud's datastore and its one version.
const DATASTORE: &str = "mysql";
const VERSION: &str = "8.0";

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn db_versions_datastores_parameters() {
    let c = trove(&member().await);
    let all = versions::list(&c).await.extract().unwrap();
    assert!(all.iter().any(|v| v.id == "v1.0"), "{all:?}");

    let stores = datastores::list(&c).all().await.unwrap();
    let mysql = stores
        .iter()
        .find(|d| d.name == DATASTORE)
        .expect("the mysql datastore");
    let v = mysql
        .versions
        .iter()
        .find(|v| v.name == VERSION)
        .expect("version 8.0");
    // Members are not told whether a version is active.
    assert_eq!(v.active, None);
    // Administrators are, as a number in the listing.
    let admin = trove(&admin().await);
    let as_admin = datastores::list(&admin).all().await.unwrap();
    let v_admin = as_admin
        .iter()
        .flat_map(|d| d.versions.iter())
        .find(|x| x.id == v.id)
        .unwrap();
    assert_eq!(v_admin.active, Some(true));
    let by_name = datastores::get(&c, DATASTORE).await.extract().unwrap();
    assert_eq!(by_name.id, mysql.id);
    let by_id = datastores::get(&c, &mysql.id).await.extract().unwrap();
    assert_eq!(by_id.name, DATASTORE);
    assert_eq!(by_id.default_version.as_deref(), Some(v.id.as_str()));
    let missing = datastores::get(&c, "no-such-datastore")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);

    let listed = datastores::list_versions(&c, DATASTORE)
        .all()
        .await
        .unwrap();
    assert!(listed.iter().any(|x| x.id == v.id));
    let got = datastores::get_version(&c, DATASTORE, VERSION)
        .await
        .extract()
        .unwrap();
    assert_eq!(got.id, v.id);
    assert_eq!(got.datastore.as_deref(), Some(mysql.id.as_str()));
    let by_id = datastores::get_version_by_id(&admin, &v.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(by_id.name, VERSION);
    assert_eq!(by_id.active, Some(true));

    let params = datastores::list_parameters(&c, DATASTORE, VERSION)
        .all()
        .await
        .unwrap();
    let max = params
        .iter()
        .find(|p| p.name == "max_connections")
        .expect("max_connections");
    assert_eq!(max.parameter_type, "integer");
    assert_eq!(max.datastore_version_id, v.id);
    let one = datastores::get_parameter(&c, DATASTORE, VERSION, "max_connections")
        .await
        .extract()
        .unwrap();
    assert_eq!(one.min, max.min);
    assert_eq!(one.max, max.max);
    let by_id = datastores::list_parameters_by_id(&c, &v.id)
        .all()
        .await
        .unwrap();
    assert_eq!(by_id.len(), params.len());
    let one = datastores::get_parameter_by_id(&c, &v.id, "max_connections")
        .await
        .extract()
        .unwrap();
    assert_eq!(one.restart_required, max.restart_required);
    let unknown = datastores::get_parameter_by_id(&c, &v.id, "no_such_parameter")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(unknown.kind(), ErrorKind::NotFound);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn db_limits_and_quotas() {
    let demo_provider = member().await;
    let demo = trove(&demo_provider);
    let project = demo_provider.auth_info().unwrap().project.unwrap().id;
    let all = limits::list(&demo).all().await.unwrap();
    let absolute = all
        .iter()
        .find(|l| l.verb == "ABSOLUTE")
        .expect("absolute limits");
    assert!(absolute.max_instances.is_some());
    assert!(
        all.iter()
            .any(|l| l.verb == "POST" && l.remaining.is_some())
    );

    // A project reads its quotas; only administrators change them (Trove answers 401).
    let own = quotas::get(&demo, &project).all().await.unwrap();
    assert!(own.iter().any(|q| q.resource == "instances"));
    let denied = quotas::update(&demo, &project, &[("backups", 1)])
        .await
        .extract()
        .unwrap_err();
    assert_eq!(denied.kind(), ErrorKind::Unauthorized, "{denied}");
    let admin = trove(&admin().await);
    let before = quotas::get(&admin, &project).all().await.unwrap();
    let backups_limit = before
        .iter()
        .find(|q| q.resource == "backups")
        .expect("backups quota")
        .limit;
    let set = quotas::update(&admin, &project, &[("backups", backups_limit + 1)])
        .await
        .extract()
        .unwrap();
    let result = AssertUnwindSafe(async {
        assert_eq!(set.0["backups"], backups_limit + 1);
        let after = quotas::get(&admin, &project).all().await.unwrap();
        let b = after.iter().find(|q| q.resource == "backups").unwrap();
        assert_eq!(b.limit, backups_limit + 1);
        assert_eq!(b.in_use, 0);
    })
    .catch_unwind()
    .await;
    let restored = quotas::update(&admin, &project, &[("backups", backups_limit)]).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    assert_eq!(restored.extract().unwrap().0["backups"], backups_limit);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn db_configuration_groups() {
    let c = trove(&member().await);
    let name = unique("cfg");
    let mut opts = configurations::CreateOpts::new(&name).datastore(DATASTORE, VERSION);
    opts.description = Some("live".into());
    opts.values.insert("max_connections".into(), json!(120));
    let created = configurations::create(&c, &opts).await.extract().unwrap();
    let result = AssertUnwindSafe(async {
        assert_eq!(created.name, name);
        assert_eq!(created.description.as_deref(), Some("live"));
        assert_eq!(created.datastore_name, DATASTORE);
        assert_eq!(created.datastore_version_name, VERSION);
        assert_eq!(created.values["max_connections"], 120);
        let got = configurations::get(&c, &created.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(got.values["max_connections"], 120);
        assert_eq!(got.instance_count, Some(0));
        let listed = configurations::list(&c, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(listed.iter().any(|g| g.id == created.id));
        let attached = configurations::list_instances(&c, &created.id, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(attached.is_empty());

        // PATCH adds to the values; PUT replaces them, with the name.
        let mut more = configurations::UpdateOpts::default();
        more.values.insert("connect_timeout".into(), json!(20));
        configurations::patch(&c, &created.id, &more)
            .await
            .ok()
            .unwrap();
        let patched = configurations::get(&c, &created.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(patched.values["max_connections"], 120);
        assert_eq!(patched.values["connect_timeout"], 20);
        let mut all = configurations::UpdateOpts {
            name: Some(format!("{name}-2")),
            description: Some("replaced".into()),
            ..Default::default()
        };
        all.values.insert("max_connections".into(), json!(200));
        configurations::replace(&c, &created.id, &all)
            .await
            .ok()
            .unwrap();
        let replaced = configurations::get(&c, &created.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(replaced.name, format!("{name}-2"));
        assert_eq!(replaced.description.as_deref(), Some("replaced"));
        assert_eq!(replaced.values.len(), 1);
        assert_eq!(replaced.values["max_connections"], 200);

        // Values are checked against the version's parameters.
        let mut bad = configurations::UpdateOpts::default();
        bad.values.insert("max_connections".into(), json!(0));
        let refused = configurations::patch(&c, &created.id, &bad)
            .await
            .ok()
            .unwrap_err();
        // Trove answers 422.
        assert_eq!(refused.status_code(), Some(422), "{refused}");
    })
    .catch_unwind()
    .await;
    let deleted = configurations::delete(&c, &created.id).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    deleted.ok().unwrap();
    let gone = configurations::get(&c, &created.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn db_mgmt_datastore_versions_and_parameters() {
    let c = trove(&admin().await);
    // A new version needs an image Trove's service user can find in Glance; the
    // devcloud's `trove` user (service role only) may not list images: refused.
    let store = unique("ds");
    let mut opts = datastore_versions::CreateOpts::new("1.0", &store, "mysql");
    opts.image = Some("4519d158-c569-4479-bd56-5ae067fb4cad".into());
    opts.active = true;
    let refused = datastore_versions::create(&c, &opts)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::BadRequest, "{refused}");
    let no_store = datastores::delete(&c, &store).await.ok().unwrap_err();
    assert_eq!(no_store.kind(), ErrorKind::NotFound, "{no_store}");

    // The devcloud's version: shown, and given a parameter of this test's own, which is
    // changed and removed. A change of the version is refused: it has no image.
    let all = datastore_versions::list(&c).all().await.unwrap();
    let v = all
        .iter()
        .find(|v| v.datastore_name == DATASTORE && v.name == VERSION)
        .expect("mysql 8.0");
    assert_eq!(v.datastore_manager, "mysql");
    assert!(v.active && v.default);
    let got = datastore_versions::get(&c, &v.id).await.extract().unwrap();
    assert_eq!(got.datastore_id, v.datastore_id);
    let no_image = datastore_versions::update(
        &c,
        &v.id,
        &datastore_versions::UpdateOpts {
            active: Some(true),
            ..Default::default()
        },
    )
    .await
    .ok()
    .unwrap_err();
    assert_eq!(no_image.kind(), ErrorKind::BadRequest, "{no_image}");
    assert!(no_image.to_string().contains("Image must be specified"));

    let name = unique("param").replace('-', "_");
    let mut p = datastore_versions::ParameterOpts::new(&name, "integer");
    p.min_size = Some(1);
    p.max_size = Some(10);
    let created = datastore_versions::create_parameter(&c, &v.id, &p)
        .await
        .extract();
    let result = AssertUnwindSafe(async {
        let created = created.unwrap();
        assert_eq!(
            (created.name.as_str(), created.min, created.max),
            (name.as_str(), Some(1), Some(10))
        );
        let shown = datastores::get_parameter_by_id(&c, &v.id, &name)
            .await
            .extract()
            .unwrap();
        assert_eq!((shown.min, shown.max), (Some(1), Some(10)));
        p.max_size = Some(20);
        p.restart_required = true;
        let updated = datastore_versions::update_parameter(&c, &v.id, &p)
            .await
            .extract()
            .unwrap();
        assert_eq!(updated.max, Some(20));
        assert!(updated.restart_required);
        // Members may not manage versions: Trove answers 401 ("User does not have admin
        // privileges").
        let demo = trove(&member().await);
        let denied = datastore_versions::list(&demo).all().await.unwrap_err();
        assert_eq!(denied.kind(), ErrorKind::Unauthorized, "{denied}");
    })
    .catch_unwind()
    .await;
    let deleted = datastore_versions::delete_parameter(&c, &v.id, &name).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    deleted.ok().unwrap();
    let gone = datastores::get_parameter_by_id(&c, &v.id, &name)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
    let no_version = datastore_versions::delete(&c, "6d1c7e2a-0b3f-4a5e-9c8d-7f6e5d4c3b2a")
        .await
        .ok()
        .unwrap_err();
    // Trove answers an unknown version's deletion with 400 ("cannot be found").
    assert_eq!(no_version.kind(), ErrorKind::BadRequest, "{no_version}");
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn db_backups_and_strategies() {
    let c = trove(&member().await);
    let all = backups::list(&c, &Default::default()).all().await.unwrap();
    assert!(all.is_empty(), "nothing can back up here: {all:?}");
    let missing = backups::get(&c, "5f0b6a9e-1c2d-4e3f-8a9b-0c1d2e3f4a5b")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);

    // A project-wide backup strategy: created, listed, deleted.
    let container = unique("backups");
    let opts = backup_strategies::CreateOpts {
        instance_id: None,
        swift_container: container.clone(),
    };
    let made = backup_strategies::create(&c, &opts)
        .await
        .extract()
        .unwrap();
    let result = AssertUnwindSafe(async {
        assert_eq!(made.swift_container, container);
        assert_eq!(made.instance_id, None);
        let listed = backup_strategies::list(&c, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(listed.iter().any(|s| s.swift_container == container));
    })
    .catch_unwind()
    .await;
    let deleted = backup_strategies::delete(&c, &Default::default()).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    deleted.ok().unwrap();
    let left = backup_strategies::list(&c, &Default::default())
        .all()
        .await
        .unwrap();
    assert!(left.iter().all(|s| s.swift_container != container));
}

/// An instance ID Trove does not have: what needs an instance is refused with 404.
const NO_INSTANCE: &str = "3c8e1f0a-7b6d-4e5c-9a8b-1f2e3d4c5b6a";

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn db_instance_operations_refused() {
    let c = trove(&admin().await);
    let mut refusals: Vec<(&str, ferrocloud::Error)> = Vec::new();
    macro_rules! refused {
        ($what:literal, $call:expr) => {
            refusals.push(($what, $call.unwrap_err()))
        };
    }
    refused!("get", instances::get(&c, NO_INSTANCE).await.extract());
    refused!(
        "update",
        instances::update(
            &c,
            NO_INSTANCE,
            &instances::UpdateOpts {
                name: Some("renamed".into()),
                ..Default::default()
            }
        )
        .await
        .ok()
    );
    refused!("restart", instances::restart(&c, NO_INSTANCE).await.ok());
    refused!(
        "resize",
        instances::resize_volume(&c, NO_INSTANCE, 2).await.ok()
    );
    refused!(
        "reset_status",
        instances::reset_status(&c, NO_INSTANCE).await.ok()
    );
    refused!(
        "promote",
        instances::promote_to_replica_source(&c, NO_INSTANCE)
            .await
            .ok()
    );
    refused!(
        "eject",
        instances::eject_replica_source(&c, NO_INSTANCE).await.ok()
    );
    refused!(
        "backups",
        instances::list_backups(&c, NO_INSTANCE, &Default::default())
            .all()
            .await
    );
    refused!(
        "configuration",
        instances::get_configuration(&c, NO_INSTANCE)
            .await
            .extract()
    );
    refused!("delete", instances::delete(&c, NO_INSTANCE).await.ok());
    refused!(
        "databases",
        databases::list(&c, NO_INSTANCE, &Default::default())
            .all()
            .await
    );
    refused!(
        "create databases",
        databases::create(&c, NO_INSTANCE, &[databases::NewDatabase::new("d1")])
            .await
            .ok()
    );
    refused!(
        "delete database",
        databases::delete(&c, NO_INSTANCE, "d1").await.ok()
    );
    refused!(
        "users",
        users::list(&c, NO_INSTANCE, &Default::default())
            .all()
            .await
    );
    refused!("user", users::get(&c, NO_INSTANCE, "u1").await.extract());
    refused!(
        "user access",
        users::list_access(&c, NO_INSTANCE, "u1").all().await
    );
    refused!(
        "revoke",
        users::revoke(&c, NO_INSTANCE, "u1", "d1").await.ok()
    );
    refused!(
        "delete user",
        users::delete(&c, NO_INSTANCE, "u1").await.ok()
    );
    refused!(
        "create users",
        users::create(
            &c,
            NO_INSTANCE,
            &[instances::NewUser::new("u1", "a-long-enough-password")]
        )
        .await
        .ok()
    );
    refused!(
        "update user",
        users::update(
            &c,
            NO_INSTANCE,
            "u1",
            &users::UserUpdate::password("u1", "another-password")
        )
        .await
        .ok()
    );
    refused!(
        "update passwords",
        users::update_passwords(
            &c,
            NO_INSTANCE,
            &[users::UserUpdate::password("u1", "another-password")]
        )
        .await
        .ok()
    );
    refused!(
        "grant",
        users::grant(&c, NO_INSTANCE, "u1", &["d1"]).await.ok()
    );
    refused!("root", root::get(&c, NO_INSTANCE).await.extract());
    refused!(
        "enable root",
        root::enable(&c, NO_INSTANCE, None).await.extract()
    );
    refused!(
        "enable log",
        logs::enable(&c, NO_INSTANCE, "general").await.extract()
    );
    refused!(
        "ssl action",
        ssl::action(&c, NO_INSTANCE, &ssl::SslAction::enable())
            .await
            .extract()
    );
    refused!(
        "backup",
        backups::create(&c, &backups::CreateOpts::new("b1", NO_INSTANCE))
            .await
            .extract()
    );
    refused!(
        "mgmt migrate",
        mgmt::migrate(&c, NO_INSTANCE, None).await.ok()
    );
    refused!(
        "mgmt rebuild",
        mgmt::rebuild(&c, NO_INSTANCE, "4519d158-c569-4479-bd56-5ae067fb4cad")
            .await
            .ok()
    );
    refused!("disable root", root::disable(&c, NO_INSTANCE).await.ok());
    refused!("logs", logs::list(&c, NO_INSTANCE).all().await);
    refused!(
        "log action",
        logs::show(&c, NO_INSTANCE, "general").await.extract()
    );
    refused!("ssl", ssl::get(&c, NO_INSTANCE, false).await.extract());
    refused!("mgmt get", mgmt::get(&c, NO_INSTANCE).await.extract());
    refused!("mgmt stop", mgmt::stop(&c, NO_INSTANCE).await.ok());
    refused!("mgmt reboot", mgmt::reboot(&c, NO_INSTANCE).await.ok());
    refused!(
        "mgmt reset task",
        mgmt::reset_task_status(&c, NO_INSTANCE).await.ok()
    );
    refused!(
        "mgmt root history",
        mgmt::root_history(&c, NO_INSTANCE).await.extract()
    );
    let unexpected: Vec<String> = refusals
        .iter()
        .filter(|(_, e)| e.kind() != ErrorKind::NotFound)
        .map(|(what, e)| format!("{what}: {:?} {e}", e.kind()))
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");

    // Listing instances makes Trove list Nova's servers as its service user (admin in
    // project service, as in devstack): the listings, the administrators' too, decode.
    instances::list(&c, &Default::default())
        .all()
        .await
        .unwrap();
    instances::list_detail(&c, &Default::default())
        .all()
        .await
        .unwrap();
    mgmt::list(&c, &Default::default()).all().await.unwrap();
    // Creating one: Trove records it in BUILD and casts the build to its task manager,
    // which the devcloud does not run; the deletion is accepted the same way.
    let made = instances::create(
        &c,
        &instances::CreateOpts::new(unique("db"), "1")
            .datastore(DATASTORE, VERSION)
            .volume_size(1),
    )
    .await
    .extract();
    let made = made.unwrap();
    // A building instance may not be deleted (422) until an administrator resets its
    // status (to ERROR).
    let early = instances::delete(&c, &made.id).await.ok();
    let reset = instances::reset_status(&c, &made.id).await.ok();
    let deleted = instances::delete(&c, &made.id).await.ok();
    assert_eq!(made.status, instances::InstanceStatus::Build);
    assert_eq!(early.unwrap_err().status_code(), Some(422));
    reset.unwrap();
    deleted.unwrap();
}
