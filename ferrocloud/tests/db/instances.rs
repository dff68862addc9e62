//! Instances, their actions, logs, TLS, root, and the administrators' views.

use ferrocloud::openstack::db::v1::databases::NewDatabase;
use ferrocloud::openstack::db::v1::instances::{
    self, Access, CreateOpts, InstanceStatus, NewUser, Nic, UpdateOpts,
};
use ferrocloud::openstack::db::v1::{logs, mgmt, root, ssl};
use secrecy::ExposeSecret;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{Expect, answer, expect, sample, sends, trove};

const ID: &str = "7de1bed8-6983-4d46-9a52-0abfbb0d27a2";

fn quick() -> ferrocloud::wait::WaitOpts {
    use std::time::Duration;
    ferrocloud::wait::WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(1), Duration::from_millis(5))
}

#[tokio::test]
async fn create_sends_users_and_databases() {
    let server = MockServer::start().await;
    let client = trove(&server).await;
    let mut body = sample("instance-create-request.json");
    body["instance"]["flavorRef"] = json!("1");
    expect(
        &server,
        "POST",
        "instances",
        Expect {
            body: Some(body),
            answer: Some(sample("instance-create-response.json")),
            ..Default::default()
        },
    )
    .await;
    let opts = CreateOpts {
        nics: vec![Nic {
            net_id: Some("a5330d7d-0e8c-48b4-9f6c-0f2c4ab1b854".into()),
            ..Default::default()
        }],
        databases: vec![
            NewDatabase {
                character_set: Some("utf8mb3".into()),
                collate: Some("utf8mb3_general_ci".into()),
                ..NewDatabase::new("sampledb")
            },
            NewDatabase::new("nextround"),
        ],
        users: vec![NewUser::new("demouser", "demopassword").databases(["sampledb"])],
        access: Some(Access {
            is_public: Some(true),
            allowed_cidrs: vec!["202.78.240.0/24".into()],
        }),
        ..CreateOpts::new("test", "1")
            .datastore("mysql", "5.7")
            .volume_size(2)
    };
    assert!(!format!("{opts:?}").contains("demopassword"));
    let i = instances::create(&client, &opts).await.extract().unwrap();
    assert_eq!(i.status, InstanceStatus::Build);
    assert_eq!(i.operating_status, None);
    assert_eq!(i.flavor.links.len(), 2);
}

#[tokio::test]
async fn list_get_update_delete() {
    let server = MockServer::start().await;
    let client = trove(&server).await;
    expect(
        &server,
        "GET",
        "instances",
        answer("instance-list-response.json"),
    )
    .await;
    let all = instances::list(&client, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].ip, ["10.1.0.62", "172.24.5.114"]);
    expect(
        &server,
        "GET",
        "instances/detail",
        answer("instance-list-detail-response.json"),
    )
    .await;
    let all = instances::list_detail(&client, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(
        all[1].fault.as_ref().unwrap().message,
        "Failed to create User port for instance b76a6a76-748b-4064-adec-4c9e6c9abd68"
    );
    expect(
        &server,
        "GET",
        &format!("instances/{ID}"),
        answer("instance-show-response.json"),
    )
    .await;
    let i = instances::get(&client, ID).await.extract().unwrap();
    assert_eq!(i.volume.unwrap().used_percent, Some(13.33));
    assert_eq!(i.addresses[0].address_type, "private");

    for (name, opts) in [
        (
            "instance-put-attach-config-group-request.json",
            UpdateOpts {
                configuration: Some(Some("2aa51628-5c42-4086-8682-137caffd2ba6".into())),
                ..Default::default()
            },
        ),
        (
            "instance-put-detach-config-group-request-2.json",
            UpdateOpts {
                configuration: Some(None),
                ..Default::default()
            },
        ),
        (
            "instance-patch-update-name-request.json",
            UpdateOpts {
                name: Some("sample_instance".into()),
                ..Default::default()
            },
        ),
        (
            "instance-patch-upgrade-datastore-version-request.json",
            UpdateOpts {
                datastore_version: Some("sample_datastore_version".into()),
                ..Default::default()
            },
        ),
        (
            "instance-patch-detach-replica-request.json",
            UpdateOpts {
                replica_of: Some(None),
                ..Default::default()
            },
        ),
        (
            "instance-update-access-request.json",
            UpdateOpts {
                access: Some(Access {
                    is_public: Some(true),
                    allowed_cidrs: vec!["10.0.0.0/24".into()],
                }),
                ..Default::default()
            },
        ),
    ] {
        let s = MockServer::start().await;
        let c = trove(&s).await;
        expect(&s, "PUT", &format!("instances/{ID}"), sends(name, 202)).await;
        instances::update(&c, ID, &opts).await.ok().unwrap();
    }
    expect(
        &server,
        "DELETE",
        &format!("instances/{ID}"),
        Expect {
            status: 202,
            ..Default::default()
        },
    )
    .await;
    instances::delete(&client, ID).await.ok().unwrap();
}

#[tokio::test]
async fn actions_send_their_samples() {
    let action = format!("instances/{ID}/action");
    type Call = for<'a> fn(
        &'a ferrocloud::ServiceClient,
    ) -> futures::future::BoxFuture<'a, ferrocloud::Result<()>>;
    let calls: [(&str, Call); 6] = [
        ("instance-action-restart-request.json", |c| {
            Box::pin(async move { instances::restart(c, ID).await.ok() })
        }),
        ("instance-action-resize-request.json", |c| {
            Box::pin(async move { instances::resize_flavor(c, ID, "2").await.ok() })
        }),
        ("instance-action-resize-volume-request.json", |c| {
            Box::pin(async move { instances::resize_volume(c, ID, 4).await.ok() })
        }),
        ("instance-action-promote-replica-request.json", |c| {
            Box::pin(async move { instances::promote_to_replica_source(c, ID).await.ok() })
        }),
        ("instance-action-eject-replica-request.json", |c| {
            Box::pin(async move { instances::eject_replica_source(c, ID).await.ok() })
        }),
        ("instance-action-reset-status-request.json", |c| {
            Box::pin(async move { instances::reset_status(c, ID).await.ok() })
        }),
    ];
    for (name, call) in calls {
        let server = MockServer::start().await;
        let client = trove(&server).await;
        expect(&server, "POST", &action, sends(name, 202)).await;
        call(&client).await.unwrap();
    }
    let mgmt_action = format!("mgmt/instances/{ID}/action");
    let calls: [(&str, Call); 5] = [
        ("instance-mgmt-action-stop-request.json", |c| {
            Box::pin(async move { mgmt::stop(c, ID).await.ok() })
        }),
        ("instance-mgmt-action-reboot-request.json", |c| {
            Box::pin(async move { mgmt::reboot(c, ID).await.ok() })
        }),
        ("instance-mgmt-action-migrate-request.json", |c| {
            Box::pin(async move { mgmt::migrate(c, ID, Some("compute-001")).await.ok() })
        }),
        ("instance-mgmt-action-reset-task-status-request.json", |c| {
            Box::pin(async move { mgmt::reset_task_status(c, ID).await.ok() })
        }),
        ("instance-mgmt-action-rebuild-instance-request.json", |c| {
            Box::pin(async move {
                mgmt::rebuild(c, ID, "3e50414a-8532-4646-982c-a66fe8f0411b")
                    .await
                    .ok()
            })
        }),
    ];
    for (name, call) in calls {
        let server = MockServer::start().await;
        let client = trove(&server).await;
        expect(&server, "POST", &mgmt_action, sends(name, 202)).await;
        call(&client).await.unwrap();
    }
}

#[tokio::test]
async fn backups_configuration_and_waiter() {
    let server = MockServer::start().await;
    let client = trove(&server).await;
    expect(
        &server,
        "GET",
        &format!("instances/{ID}/backups"),
        answer("instance-backup-list-response.json"),
    )
    .await;
    let b = instances::list_backups(&client, ID, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(b[0].name, "backup-full");
    expect(
        &server,
        "GET",
        &format!("instances/{ID}/configuration"),
        answer("instance-configuration-list-response.json"),
    )
    .await;
    let c = instances::get_configuration(&client, ID)
        .await
        .extract()
        .unwrap();
    assert_eq!(c.configuration["port"], 3306);

    let mut failed = sample("instance-list-detail-response.json")["instances"][1].clone();
    failed["id"] = json!(ID);
    Mock::given(method("GET"))
        .and(path(format!("/database/v1.0/p1/instances/{ID}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"instance": failed})))
        .mount(&server)
        .await;
    let e = instances::wait_for_status(&client, ID, &quick())
        .await
        .unwrap_err();
    assert!(e.to_string().contains("Failed to create User port"), "{e}");
}

#[tokio::test]
async fn logs_and_ssl() {
    let server = MockServer::start().await;
    let client = trove(&server).await;
    let log = format!("instances/{ID}/log");
    expect(
        &server,
        "GET",
        &log,
        answer("instance-log-list-response.json"),
    )
    .await;
    let all = logs::list(&client, ID).all().await.unwrap();
    assert_eq!(all[0].status, logs::LogStatus::Partial);
    type Call = for<'a> fn(
        &'a ferrocloud::ServiceClient,
    ) -> futures::future::BoxFuture<'a, ferrocloud::Result<logs::Log>>;
    let calls: [(&str, &str, Call); 5] = [
        (
            "instance-log-show-request.json",
            "instance-log-show-response.json",
            |c| Box::pin(async move { logs::show(c, ID, "general").await.extract() }),
        ),
        (
            "instance-log-enable-request.json",
            "instance-log-enable-response.json",
            |c| Box::pin(async move { logs::enable(c, ID, "general").await.extract() }),
        ),
        (
            "instance-log-disable-request.json",
            "instance-log-disable-response.json",
            |c| Box::pin(async move { logs::disable(c, ID, "general").await.extract() }),
        ),
        (
            "instance-log-publish-request.json",
            "instance-log-publish-response.json",
            |c| Box::pin(async move { logs::publish(c, ID, "general").await.extract() }),
        ),
        (
            "instance-log-discard-request.json",
            "instance-log-discard-response.json",
            |c| Box::pin(async move { logs::discard(c, ID, "general").await.extract() }),
        ),
    ];
    for (req, resp, call) in calls {
        let s = MockServer::start().await;
        let c = trove(&s).await;
        expect(
            &s,
            "POST",
            &log,
            Expect {
                body: Some(sample(req)),
                answer: Some(sample(resp)),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(
            call(&c).await.unwrap().metafile,
            "5e9e616c-1827-45f5-a487-679084d82f7e/mysql-general_metafile"
        );
    }

    let tls = format!("instances/{ID}/ssl");
    expect(
        &server,
        "GET",
        &tls,
        Expect {
            query: &[("include_certificate", "true")],
            answer: Some(sample("instance-ssl-show-response.json")),
            ..Default::default()
        },
    )
    .await;
    let s = ssl::get(&client, ID, true).await.extract().unwrap();
    assert_eq!(
        s.certificate.unwrap().cn.as_deref(),
        Some("self-signed certificate")
    );
    for (req, resp, opts) in [
        (
            "instance-ssl-action-request-disable.json",
            "instance-ssl-action-response-disable.json",
            ssl::SslAction::disable(),
        ),
        (
            "instance-ssl-action-request-rollback.json",
            "instance-ssl-action-response-rollback.json",
            ssl::SslAction::rollback(),
        ),
    ] {
        let s = MockServer::start().await;
        let c = trove(&s).await;
        expect(
            &s,
            "POST",
            &tls,
            Expect {
                body: Some(sample(req)),
                answer: Some(sample(resp)),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(
            ssl::action(&c, ID, &opts)
                .await
                .extract()
                .unwrap()
                .restart_required,
            Some(true)
        );
    }
    expect(
        &server,
        "POST",
        &tls,
        Expect {
            body: Some(sample("instance-ssl-action-request.json")),
            answer: Some(sample("instance-ssl-action-response.json")),
            ..Default::default()
        },
    )
    .await;
    let opts = ssl::SslAction {
        mode: Some("basic".into()),
        container_ref: Some(
            "https://barbican.example.kz/v1/secrets/2b4edf0-586b-49c4-a183-716a66d86f4e1".into(),
        ),
        password_ref: Some(
            "https://barbican.example.kz/v1/secrets/3927c462-60eb-4f1f-b64c-5a6835778371".into(),
        ),
        ..ssl::SslAction::enable()
    };
    assert_eq!(
        ssl::action(&client, ID, &opts)
            .await
            .extract()
            .unwrap()
            .status,
        "on"
    );
}

#[tokio::test]
async fn root_and_mgmt() {
    let server = MockServer::start().await;
    let client = trove(&server).await;
    let r = format!("instances/{ID}/root");
    expect(&server, "GET", &r, answer("user-check-root-response.json")).await;
    assert!(root::get(&client, ID).await.extract().unwrap().root_enabled);
    expect(
        &server,
        "POST",
        &r,
        Expect {
            body: Some(sample("user-root-enable-request.json")),
            answer: Some(sample("user-enable-root-response.json")),
            ..Default::default()
        },
    )
    .await;
    let u = root::enable(
        &client,
        ID,
        Some("q5BXXMUMbc8XBf5kkVToKZW4Kx3Egv5VjY0P".to_string().into()),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        u.password.expose_secret(),
        "q5BXXMUMbc8XBf5kkVToKZW4Kx3Egv5VjY0P"
    );
    assert!(!format!("{u:?}").contains("q5BXX"));
    expect(
        &server,
        "DELETE",
        &r,
        Expect {
            status: 204,
            ..Default::default()
        },
    )
    .await;
    root::disable(&client, ID).await.ok().unwrap();

    expect(
        &server,
        "GET",
        &format!("mgmt/instances/{ID}/root"),
        answer("user-show-root-history-response.json"),
    )
    .await;
    assert_eq!(
        mgmt::root_history(&client, ID)
            .await
            .extract()
            .unwrap()
            .user
            .as_deref(),
        Some("7578487d3cc843dca904d2f4eced7dd2")
    );
    expect(
        &server,
        "GET",
        "mgmt/instances",
        answer("instance-mgmt-list-response.json"),
    )
    .await;
    let all = mgmt::list(&client, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(
        all[1].task_description.as_deref(),
        Some("Build error: Port.")
    );
    expect(
        &server,
        "GET",
        &format!("mgmt/instances/{ID}"),
        answer("instance-mgmt-show-response.json"),
    )
    .await;
    let i = mgmt::get(&client, ID).await.extract().unwrap();
    assert_eq!(i.volume.unwrap().status.as_deref(), Some("in-use"));
}
