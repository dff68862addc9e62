//! Executions, tasks, action executions, triggers and environments.

use ferrocloud::openstack::workflow::v2::common::State;
use ferrocloud::openstack::workflow::v2::{
    action_executions, cron_triggers, environments, event_triggers, executions, tasks,
};
use serde_json::json;
use wiremock::MockServer;

use crate::{Sent, execution, expect, expect_deleted, expect_listing, mistral};

const EX: &str = "6bd3c9f2-3f4e-4b6c-9d54-3a7e1c2f8b10";

#[tokio::test]
async fn executions_create_update_list_report_delete() {
    let server = MockServer::start().await;
    let c = mistral(&server).await;
    expect(
        &server,
        "POST",
        "executions",
        &[],
        Sent::Json(json!({"workflow_name": "hello",
        "input": "{\"name\":\"Ada\"}", "params": "{\"env\":{\"region\":\"r1\"}}"})),
        201,
        Some(execution(EX, "RUNNING", None)),
    )
    .await;
    let opts = executions::CreateOpts::workflow("hello")
        .input(json!({"name": "Ada"}))
        .env(json!({"region": "r1"}));
    let ex = executions::create(&c, &opts).await.extract().unwrap();
    assert_eq!(ex.input.as_deref().unwrap()["name"], "Ada");
    assert_eq!(ex.params.as_deref().unwrap()["env"]["region"], "r1");
    assert_eq!(ex.state, State::Running);

    expect(
        &server,
        "PUT",
        &format!("executions/{EX}"),
        &[],
        Sent::Json(json!({"state": "PAUSED"})),
        200,
        Some(execution(EX, "PAUSED", None)),
    )
    .await;
    let up = executions::update(&c, EX, &executions::UpdateOpts::state(State::Paused))
        .await
        .extract()
        .unwrap();
    assert_eq!(up.state, State::Paused);

    expect(
        &server,
        "GET",
        "executions",
        &[("state", "ERROR"), ("include_output", "true")],
        Sent::Nothing,
        200,
        Some(json!({"executions": [execution(EX, "ERROR", Some("boom"))]})),
    )
    .await;
    let lo = executions::ListOpts {
        state: Some("ERROR".into()),
        include_output: Some(true),
        ..Default::default()
    };
    let all = executions::extract_executions(&executions::list(&c, &lo).all_pages().await.unwrap())
        .unwrap();
    assert_eq!(all[0].output.as_deref().unwrap()["greeting"], "hello Ada");

    expect(
        &server,
        "GET",
        &format!("executions/{EX}/executions"),
        &[("errors_only", "true")],
        Sent::Nothing,
        200,
        Some(json!({"executions": [execution("sub1", "ERROR", Some("boom"))]})),
    )
    .await;
    let tree = executions::TreeOpts {
        errors_only: Some(true),
        ..Default::default()
    };
    let subs = executions::list_sub_executions(&c, EX, &tree)
        .all_pages()
        .await
        .unwrap();
    assert_eq!(executions::extract_executions(&subs).unwrap()[0].id, "sub1");

    let report = json!({"statistics": {"total_tasks_count": 2, "running_tasks_count": 0, "success_tasks_count": 1,
        "error_tasks_count": 1, "idle_tasks_count": 0, "paused_tasks_count": 0, "estimated_time": 0},
        "root_workflow_execution": {"id": EX, "name": "hello", "state": "ERROR", "state_info": "boom",
            "created_at": "2024-05-02 10:00:00", "updated_at": "2024-05-02 10:00:05",
            "task_executions": [{"id": "t1", "name": "t", "state": "ERROR", "retry_count": 0,
                "action_executions": [{"id": "a1", "name": "std.fail", "state": "ERROR", "accepted": true,
                    "last_heartbeat": "2024-05-02 10:00:04"}], "workflow_executions": []}]}});
    expect(
        &server,
        "GET",
        &format!("executions/{EX}/report"),
        &[("max_depth", "1")],
        Sent::Nothing,
        200,
        Some(report),
    )
    .await;
    let r = executions::report(
        &c,
        EX,
        &executions::TreeOpts {
            max_depth: Some(1),
            ..Default::default()
        },
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(r.statistics.error_tasks_count, 1);
    let root = r.root_workflow_execution.unwrap();
    assert_eq!(
        root.task_executions[0].action_executions[0].accepted,
        Some(true)
    );

    expect_deleted(&server, &format!("executions/{EX}"), &[("force", "true")]).await;
    executions::delete(&c, EX, true).await.ok().unwrap();
    assert!(
        executions::create(&c, &executions::CreateOpts::default())
            .await
            .err()
            .is_some()
    );
}

#[tokio::test]
async fn wait_for_completion_reports_state_info() {
    let server = MockServer::start().await;
    let c = mistral(&server).await;
    expect(
        &server,
        "GET",
        &format!("executions/{EX}"),
        &[],
        Sent::Nothing,
        200,
        Some(execution(
            EX,
            "ERROR",
            Some("Failure caused by error in tasks: t"),
        )),
    )
    .await;
    let opts = ferrocloud::wait::WaitOpts::new(std::time::Duration::from_secs(5));
    let e = executions::wait_for_completion(&c, EX, &opts)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("error in tasks: t"), "{e}");
}

#[tokio::test]
async fn tasks_and_action_executions() {
    let server = MockServer::start().await;
    let c = mistral(&server).await;
    let task = json!({"id": "t1", "name": "greet", "type": "ACTION", "workflow_name": "hello", "workflow_namespace": "",
        "workflow_id": "wf1", "workflow_execution_id": EX, "tags": [], "state": "ERROR", "state_info": "boom",
        "project_id": "p", "runtime_context": "{\"retry_task_policy\": {\"retry_no\": 1}}",
        "result": "\"hello Ada\"", "published": "{\"greeting\": \"hello Ada\"}", "processed": true,
        "created_at": "2024-05-02 10:00:00", "updated_at": "2024-05-02 10:00:05",
        "started_at": "2024-05-02 10:00:01", "finished_at": "2024-05-02 10:00:05"});
    expect(
        &server,
        "GET",
        "tasks/t1",
        &[],
        Sent::Nothing,
        200,
        Some(task.clone()),
    )
    .await;
    let t = tasks::get(&c, "t1").await.extract().unwrap();
    assert_eq!(*t.result.unwrap(), json!("hello Ada"));
    assert_eq!(t.published.unwrap()["greeting"], "hello Ada");
    expect(
        &server,
        "GET",
        "tasks",
        &[("workflow_execution_id", EX)],
        Sent::Nothing,
        200,
        Some(json!({"tasks": [task.clone()]})),
    )
    .await;
    let lo = tasks::ListOpts {
        workflow_execution_id: Some(EX.into()),
        ..Default::default()
    };
    assert_eq!(
        tasks::extract_tasks(&tasks::list(&c, &lo).all_pages().await.unwrap()).unwrap()[0]
            .task_type,
        "ACTION"
    );
    let mut running = task.clone();
    running["state"] = json!("RUNNING");
    expect(
        &server,
        "PUT",
        "tasks/t1",
        &[],
        Sent::Json(json!({"state": "RUNNING", "reset": true})),
        200,
        Some(running),
    )
    .await;
    assert_eq!(
        tasks::rerun(&c, "t1", &tasks::RerunOpts::default().reset(true))
            .await
            .extract()
            .unwrap()
            .state,
        State::Running
    );
    expect(
        &server,
        "GET",
        "tasks/t1/executions",
        &[],
        Sent::Nothing,
        200,
        Some(json!({"executions": []})),
    )
    .await;
    tasks::list_sub_executions(&c, "t1", &Default::default())
        .all_pages()
        .await
        .unwrap();

    let ae = json!({"id": "a1", "name": "std.echo", "workflow_name": null, "task_name": null, "task_execution_id": null,
        "state": "SUCCESS", "state_info": null, "tags": [], "description": "", "project_id": "p", "accepted": true,
        "input": "{\"output\": \"hi\"}", "output": "{\"result\": \"hi\"}", "params": "{\"save_result\": true}",
        "created_at": "2024-05-02 10:00:00", "updated_at": "2024-05-02 10:00:00"});
    expect(
        &server,
        "POST",
        "action_executions",
        &[],
        Sent::Json(json!({"name": "std.echo", "input": "{\"output\":\"hi\"}"})),
        201,
        Some(ae.clone()),
    )
    .await;
    let run = action_executions::CreateOpts::new("std.echo").input(json!({"output": "hi"}));
    assert_eq!(
        action_executions::create(&c, &run)
            .await
            .extract()
            .unwrap()
            .output
            .unwrap()["result"],
        "hi"
    );
    expect(
        &server,
        "PUT",
        "action_executions/a1",
        &[],
        Sent::Json(json!({"state": "SUCCESS", "output": "{\"id\":7}"})),
        200,
        Some(ae.clone()),
    )
    .await;
    let done = action_executions::UpdateOpts::new(State::Success).output(json!({"id": 7}));
    action_executions::update(&c, "a1", &done)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "GET",
        "action_executions/a1",
        &[],
        Sent::Nothing,
        200,
        Some(ae.clone()),
    )
    .await;
    assert_eq!(
        action_executions::get(&c, "a1")
            .await
            .extract()
            .unwrap()
            .accepted,
        Some(true)
    );
    expect(
        &server,
        "GET",
        "action_executions",
        &[("include_output", "true")],
        Sent::Nothing,
        200,
        Some(json!({"action_executions": [ae]})),
    )
    .await;
    let lo = action_executions::ListOpts {
        include_output: Some(true),
        ..Default::default()
    };
    action_executions::list(&c, &lo).all_pages().await.unwrap();
    expect_deleted(&server, "action_executions/a1", &[]).await;
    action_executions::delete(&c, "a1").await.ok().unwrap();
}

#[tokio::test]
async fn triggers_and_environments() {
    let server = MockServer::start().await;
    let c = mistral(&server).await;
    let ct = json!({"id": "c1", "name": "nightly", "workflow_name": "backup", "workflow_id": "wf1",
        "workflow_input": "{}", "workflow_params": "{}", "project_id": "p", "scope": "private",
        "pattern": "0 2 * * *", "remaining_executions": 3, "first_execution_time": null,
        "next_execution_time": "2024-05-03 02:00:00", "created_at": "2024-05-02 10:00:00", "updated_at": null});
    let mut opts = cron_triggers::CreateOpts::new("nightly", "backup").pattern("0 2 * * *");
    opts.remaining_executions = Some(3);
    expect(
        &server,
        "POST",
        "cron_triggers",
        &[],
        Sent::Json(json!({"name": "nightly", "workflow_name": "backup",
        "pattern": "0 2 * * *", "remaining_executions": 3})),
        201,
        Some(ct.clone()),
    )
    .await;
    assert_eq!(
        cron_triggers::create(&c, &opts)
            .await
            .extract()
            .unwrap()
            .remaining_executions,
        Some(3)
    );
    expect(
        &server,
        "GET",
        "cron_triggers/nightly",
        &[],
        Sent::Nothing,
        200,
        Some(ct.clone()),
    )
    .await;
    assert!(
        cron_triggers::find(&c, "nightly")
            .await
            .unwrap()
            .next_execution_time
            .is_some()
    );
    expect_listing(&server, "cron_triggers", &ct).await;
    cron_triggers::list(&c, &Default::default())
        .all_pages()
        .await
        .unwrap();
    expect_deleted(&server, "cron_triggers/nightly", &[]).await;
    cron_triggers::delete(&c, "nightly").await.ok().unwrap();

    let et = json!({"id": "e1", "name": "on_boot", "workflow_id": "wf1", "workflow_input": "{\"a\": 1}",
        "workflow_params": "{}", "exchange": "nova", "topic": "notifications", "event": "compute.instance.create.end",
        "scope": "private", "project_id": "p", "created_at": "2024-05-02 10:00:00", "updated_at": null});
    expect(
        &server,
        "POST",
        "event_triggers",
        &[],
        Sent::Json(json!({"workflow_id": "wf1", "exchange": "nova",
        "topic": "notifications", "event": "compute.instance.create.end"})),
        201,
        Some(et.clone()),
    )
    .await;
    let opts = event_triggers::CreateOpts::new(
        "wf1",
        "nova",
        "notifications",
        "compute.instance.create.end",
    );
    assert_eq!(
        event_triggers::create(&c, &opts)
            .await
            .extract()
            .unwrap()
            .workflow_input
            .unwrap()["a"],
        1
    );
    expect(
        &server,
        "PUT",
        "event_triggers/e1",
        &[],
        Sent::Json(json!({"name": "renamed"})),
        200,
        Some(et.clone()),
    )
    .await;
    let up = event_triggers::UpdateOpts {
        name: Some("renamed".into()),
        ..Default::default()
    };
    event_triggers::update(&c, "e1", &up)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "GET",
        "event_triggers/e1",
        &[],
        Sent::Nothing,
        200,
        Some(et.clone()),
    )
    .await;
    assert_eq!(
        event_triggers::get(&c, "e1")
            .await
            .extract()
            .unwrap()
            .exchange,
        "nova"
    );
    expect(
        &server,
        "GET",
        "event_triggers",
        &[("exchange", "nova")],
        Sent::Nothing,
        200,
        Some(json!({"event_triggers": [et]})),
    )
    .await;
    let lo = event_triggers::ListOpts {
        exchange: Some("nova".into()),
        ..Default::default()
    };
    event_triggers::list(&c, &lo).all_pages().await.unwrap();
    expect_deleted(&server, "event_triggers/e1", &[]).await;
    event_triggers::delete(&c, "e1").await.ok().unwrap();

    let env = json!({"id": "v1", "name": "prod", "description": null, "variables": "{\"token\": \"s3cr3t\", \"retries\": 3}",
        "scope": "private", "project_id": "p", "created_at": "2024-05-02 10:00:00", "updated_at": null});
    let opts = environments::EnvironmentOpts::new("prod", json!({"token": "s3cr3t", "retries": 3}));
    let sent = json!({"name": "prod", "variables": "{\"retries\":3,\"token\":\"s3cr3t\"}"});
    expect(
        &server,
        "POST",
        "environments",
        &[],
        Sent::Json(sent.clone()),
        201,
        Some(env.clone()),
    )
    .await;
    let e = environments::create(&c, &opts).await.extract().unwrap();
    assert_eq!(e.variables["retries"], 3);
    assert!(!format!("{e:?}").contains("s3cr3t"));
    expect(
        &server,
        "PUT",
        "environments",
        &[],
        Sent::Json(sent),
        200,
        Some(env.clone()),
    )
    .await;
    environments::update(&c, &opts).await.extract().unwrap();
    expect(
        &server,
        "GET",
        "environments/prod",
        &[],
        Sent::Nothing,
        200,
        Some(env.clone()),
    )
    .await;
    environments::get(&c, "prod").await.extract().unwrap();
    expect_listing(&server, "environments", &env).await;
    environments::list(&c, &Default::default())
        .all_pages()
        .await
        .unwrap();
    expect_deleted(&server, "environments/prod", &[]).await;
    environments::delete(&c, "prod").await.ok().unwrap();
}
