//! Databases, users, configuration groups, backups, backup strategies, limits, quotas
//! and versions.

use ferrocloud::openstack::db::v1::backup_strategies::{self, Filter};
use ferrocloud::openstack::db::v1::backups::{self, BackupStatus};
use ferrocloud::openstack::db::v1::configurations::{self, UpdateOpts};
use ferrocloud::openstack::db::v1::databases::{self, NewDatabase};
use ferrocloud::openstack::db::v1::instances::NewUser;
use ferrocloud::openstack::db::v1::users::{self, UserUpdate};
use ferrocloud::openstack::db::v1::{limits, quotas, versions};
use wiremock::MockServer;

use crate::{Expect, answer, expect, sample, sends, trove};

const ID: &str = "44b277eb-39be-4921-be31-3d61b43651d7";

fn deleted() -> Expect<'static> {
    Expect {
        status: 202,
        ..Default::default()
    }
}

#[tokio::test]
async fn databases_and_users() {
    let server = MockServer::start().await;
    let client = trove(&server).await;
    let dbs = format!("instances/{ID}/databases");
    expect(
        &server,
        "POST",
        &dbs,
        sends("databases-create-request.json", 202),
    )
    .await;
    let new = [
        NewDatabase {
            character_set: Some("utf8mb3".into()),
            collate: Some("utf8mb3_general_ci".into()),
            ..NewDatabase::new("databaseA")
        },
        NewDatabase::new("databaseB"),
        NewDatabase::new("databaseC"),
    ];
    databases::create(&client, ID, &new).await.ok().unwrap();
    assert!(databases::create(&client, ID, &[]).await.ok().is_err());
    expect(&server, "GET", &dbs, answer("databases-list-response.json")).await;
    assert_eq!(
        databases::list(&client, ID, &Default::default())
            .all()
            .await
            .unwrap()[2]
            .name,
        "databaseD"
    );
    expect(&server, "DELETE", &format!("{dbs}/databaseB"), deleted()).await;
    databases::delete(&client, ID, "databaseB")
        .await
        .ok()
        .unwrap();

    let u = format!("instances/{ID}/users");
    expect(&server, "POST", &u, sends("user-create-request.json", 202)).await;
    let new = [
        NewUser::new("dbuser1", "password").databases(["databaseA"]),
        NewUser::new("dbuser2", "password").databases(["databaseB", "databaseC"]),
        NewUser::new("dbuser3", "password"),
    ];
    users::create(&client, ID, &new).await.ok().unwrap();
    expect(&server, "GET", &u, answer("user-list-response.json")).await;
    assert_eq!(
        users::list(&client, ID, &Default::default())
            .all()
            .await
            .unwrap()[1]
            .databases
            .len(),
        2
    );
    expect(
        &server,
        "GET",
        &format!("{u}/dbuser1"),
        answer("user-show-response.json"),
    )
    .await;
    assert_eq!(
        users::get(&client, ID, "dbuser1")
            .await
            .extract()
            .unwrap()
            .host
            .as_deref(),
        Some("%")
    );
    expect(
        &server,
        "PUT",
        &format!("{u}/dbuser1"),
        sends("user-put-request.json", 202),
    )
    .await;
    let change = UserUpdate {
        host: Some("192.168.30.98".into()),
        ..UserUpdate::password("new_name", "new_password")
    };
    users::update(&client, ID, "dbuser1", &change)
        .await
        .ok()
        .unwrap();
    expect(&server, "PUT", &u, sends("users-put-request.json", 202)).await;
    let change = UserUpdate {
        host: Some("192.168.30.98".into()),
        ..UserUpdate::password("new_name", "another_password")
    };
    users::update_passwords(&client, ID, &[change])
        .await
        .ok()
        .unwrap();
    expect(&server, "DELETE", &format!("{u}/dbuser3"), deleted()).await;
    users::delete(&client, ID, "dbuser3").await.ok().unwrap();

    let access = format!("{u}/dbuser1/databases");
    expect(
        &server,
        "GET",
        &access,
        answer("databases-list-response.json"),
    )
    .await;
    assert_eq!(
        users::list_access(&client, ID, "dbuser1")
            .all()
            .await
            .unwrap()
            .len(),
        3
    );
    expect(
        &server,
        "PUT",
        &access,
        sends("user-grant-databases-access-request.json", 202),
    )
    .await;
    users::grant(&client, ID, "dbuser1", &["test"])
        .await
        .ok()
        .unwrap();
    expect(&server, "DELETE", &format!("{access}/test"), deleted()).await;
    users::revoke(&client, ID, "dbuser1", "test")
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn configurations() {
    let server = MockServer::start().await;
    let client = trove(&server).await;
    let id = "1c8a4fdd-690c-4e6e-b2e1-148b8d738770";
    expect(
        &server,
        "POST",
        "configurations",
        Expect {
            answer: Some(sample("config-group-create-response.json")),
            ..sends("config-group-create-request.json", 200)
        },
    )
    .await;
    let req: configurations::CreateOpts =
        serde_json::from_value(sample("config-group-create-request.json")["configuration"].clone())
            .unwrap();
    assert_eq!(
        configurations::create(&client, &req)
            .await
            .extract()
            .unwrap()
            .instance_count,
        Some(0)
    );
    expect(
        &server,
        "GET",
        "configurations",
        answer("config-groups-list-response.json"),
    )
    .await;
    assert_eq!(
        configurations::list(&client, &Default::default())
            .all()
            .await
            .unwrap()[0]
            .name,
        "group1"
    );
    let one = format!("configurations/{id}");
    expect(
        &server,
        "GET",
        &one,
        answer("config-group-show-response.json"),
    )
    .await;
    assert_eq!(
        configurations::get(&client, id)
            .await
            .extract()
            .unwrap()
            .values["connect_timeout"],
        17
    );
    expect(
        &server,
        "GET",
        &format!("{one}/instances"),
        answer("config-group-list-instances-response.json"),
    )
    .await;
    assert_eq!(
        configurations::list_instances(&client, id, &Default::default())
            .all()
            .await
            .unwrap()[0]
            .name,
        "master_1"
    );
    let mut patch = UpdateOpts::default();
    patch.values.insert("connect_timeout".into(), 17.into());
    expect(
        &server,
        "PATCH",
        &one,
        sends("config-group-patch-request.json", 200),
    )
    .await;
    configurations::patch(&client, id, &patch)
        .await
        .ok()
        .unwrap();
    let mut put = UpdateOpts {
        name: Some("new_name".into()),
        description: Some("New description".into()),
        ..Default::default()
    };
    put.values.insert("connect_timeout".into(), 18.into());
    expect(
        &server,
        "PUT",
        &one,
        sends("config-group-put-request.json", 202),
    )
    .await;
    configurations::replace(&client, id, &put)
        .await
        .ok()
        .unwrap();
    expect(&server, "DELETE", &one, deleted()).await;
    configurations::delete(&client, id).await.ok().unwrap();
}

#[tokio::test]
async fn backups_and_strategies() {
    let server = MockServer::start().await;
    let client = trove(&server).await;
    let bid = "a9832168-7541-4536-b8d9-a8a9b79cf1b4";
    expect(
        &server,
        "POST",
        "backups",
        Expect {
            answer: Some(sample("backup-create-response.json")),
            ..sends("backup-create-request.json", 202)
        },
    )
    .await;
    let opts = backups::CreateOpts {
        description: Some("My Backup".into()),
        incremental: Some(false),
        storage_driver: Some("cinder".into()),
        ..backups::CreateOpts::new("snapshot", ID)
    };
    let b = backups::create(&client, &opts).await.extract().unwrap();
    assert_eq!((b.status, b.size), (BackupStatus::New, None));
    expect(
        &server,
        "GET",
        "backups",
        Expect {
            query: &[("instance_id", ID)],
            answer: Some(sample("backup-list-response.json")),
            ..Default::default()
        },
    )
    .await;
    let list = backups::list(
        &client,
        &backups::ListBackupsOpts {
            instance_id: Some(ID.into()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(list[1].parent_id.as_deref(), Some(bid));
    expect(
        &server,
        "GET",
        &format!("backups/{bid}"),
        answer("backup-get-response.json"),
    )
    .await;
    let b = backups::get(&client, bid).await.extract().unwrap();
    assert_eq!(
        b.location_ref.as_deref(),
        Some("http://localhost/path/to/backup")
    );
    expect(&server, "DELETE", &format!("backups/{bid}"), deleted()).await;
    backups::delete(&client, bid).await.ok().unwrap();

    expect(
        &server,
        "POST",
        "backup_strategies",
        Expect {
            answer: Some(sample("backup-strategy-create-response.json")),
            ..sends("backup-strategy-create-request.json", 200)
        },
    )
    .await;
    let opts = backup_strategies::CreateOpts {
        instance_id: Some("0602db72-c63d-11ea-b87c-00224d6b7bc1".into()),
        swift_container: "my_trove_backups".into(),
    };
    assert_eq!(
        backup_strategies::create(&client, &opts)
            .await
            .extract()
            .unwrap()
            .backend,
        "swift"
    );
    expect(
        &server,
        "GET",
        "backup_strategies",
        answer("backup-strategy-list-response.json"),
    )
    .await;
    assert_eq!(
        backup_strategies::list(&client, &Filter::default())
            .all()
            .await
            .unwrap()[0]
            .swift_container,
        "my_trove_backups"
    );
    let filter = Filter {
        instance_id: Some("0602db72".into()),
        project_id: None,
    };
    expect(
        &server,
        "DELETE",
        "backup_strategies",
        Expect {
            query: &[("instance_id", "0602db72")],
            status: 202,
            ..Default::default()
        },
    )
    .await;
    backup_strategies::delete(&client, &filter)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn limits_quotas_versions() {
    let server = MockServer::start().await;
    let client = trove(&server).await;
    expect(&server, "GET", "limits", answer("limit-show-response.json")).await;
    let l = limits::list(&client).all().await.unwrap();
    assert_eq!(
        (l[0].verb.as_str(), l[0].max_instances),
        ("ABSOLUTE", Some(10))
    );
    assert_eq!(l[1].remaining, Some(199));
    expect(
        &server,
        "GET",
        "mgmt/quotas/c37341d7",
        answer("quota-show-response.json"),
    )
    .await;
    assert_eq!(
        quotas::get(&client, "c37341d7").all().await.unwrap()[1].limit,
        50
    );
    expect(
        &server,
        "PUT",
        "mgmt/quotas/c37341d7",
        Expect {
            answer: Some(sample("quota-update.json")),
            ..sends("quota-update.json", 200)
        },
    )
    .await;
    let set = quotas::update(&client, "c37341d7", &[("instances", 10), ("backups", 30)])
        .await
        .extract()
        .unwrap();
    assert_eq!(set.0["backups"], 30);
    expect(&server, "GET", "/", answer("versions-response.json")).await;
    assert_eq!(
        versions::list(&client).await.extract().unwrap()[0].id,
        "v1.0"
    );
}
