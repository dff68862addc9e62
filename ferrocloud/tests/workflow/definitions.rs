//! Workbooks, workflows, actions, code sources, dynamic actions, members.

use ferrocloud::openstack::workflow::v2::common::{DefinitionOpts, Scope};
use ferrocloud::openstack::workflow::v2::{
    actions, code_sources, dynamic_actions, members, workbooks, workflows,
};
use serde_json::json;
use wiremock::MockServer;

use crate::{Sent, expect, expect_deleted, expect_listing, mistral};

const WF: &str =
    "version: '2.0'\nhello:\n  input: [name]\n  tasks:\n    t:\n      action: std.noop\n";

fn workflow() -> serde_json::Value {
    json!({"id": "123e4567-e89b-12d3-a456-426655441111", "name": "hello", "namespace": "ops",
        "input": "name", "interface": "{\"input\": [\"name\"], \"output\": []}",
        "definition": WF, "checksum": "b4b4d8b3", "tags": [], "scope": "private",
        "project_id": "40a908dbddfe48ad80a87fb30fa70a03",
        "created_at": "2024-05-02 10:00:00", "updated_at": null})
}

#[tokio::test]
async fn workflows_as_text_with_namespace_and_paging() {
    let server = MockServer::start().await;
    let c = mistral(&server).await;
    let q = [
        ("namespace", "ops"),
        ("scope", "public"),
        ("skip_validation", "true"),
    ];
    expect(
        &server,
        "POST",
        "workflows",
        &q,
        Sent::Text(WF),
        201,
        Some(json!({"workflows": [workflow()]})),
    )
    .await;
    let opts = DefinitionOpts::default()
        .namespace("ops")
        .scope(Scope::Public)
        .skip_validation();
    let created = workflows::create(&c, WF, &opts).await.extract().unwrap();
    assert_eq!(created[0].interface.as_deref().unwrap()["input"][0], "name");

    expect(
        &server,
        "PUT",
        "workflows/hello",
        &[("namespace", "ops")],
        Sent::Text(WF),
        200,
        Some(workflow()),
    )
    .await;
    let wf = workflows::update(&c, "hello", WF, &DefinitionOpts::default().namespace("ops"))
        .await
        .extract()
        .unwrap();
    assert_eq!(wf.checksum.as_deref(), Some("b4b4d8b3"));

    expect(
        &server,
        "GET",
        "workflows/hello",
        &[("namespace", "ops")],
        Sent::Nothing,
        200,
        Some(workflow()),
    )
    .await;
    assert_eq!(
        workflows::get(&c, "hello", "ops")
            .await
            .extract()
            .unwrap()
            .input
            .as_deref(),
        Some("name")
    );

    // Mistral's next link: `<application url>/v2/workflows?…limit=1&marker=<last id>`.
    let next = format!(
        "{}/workflow/v2/workflows?sort_keys=created_at&sort_dirs=asc&limit=1&marker=w1",
        server.uri()
    );
    let mut first = workflow();
    first["id"] = json!("w1");
    expect(
        &server,
        "GET",
        "workflows",
        &[("limit", "1"), ("marker", "w1")],
        Sent::Nothing,
        200,
        Some(json!({"workflows": [workflow()]})),
    )
    .await;
    wiremock::Mock::given(wiremock::matchers::method("GET"))
        .and(wiremock::matchers::path("/workflow/v2/workflows"))
        .and(wiremock::matchers::query_param_is_missing("marker"))
        .respond_with(
            wiremock::ResponseTemplate::new(200)
                .set_body_json(json!({"workflows": [first], "next": next})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let mut lo = workflows::ListOpts::default();
    lo.controls = lo.controls.limit(1);
    let all =
        workflows::extract_workflows(&workflows::list(&c, &lo).all_pages().await.unwrap()).unwrap();
    assert_eq!(all.len(), 2);

    expect(
        &server,
        "POST",
        "workflows/validate",
        &[],
        Sent::Text("x: 1"),
        200,
        Some(json!({"valid": false, "error": "Invalid DSL: 'version' is required"})),
    )
    .await;
    let v = workflows::validate(&c, "x: 1").await.extract().unwrap();
    assert!(!v.valid && v.error.unwrap().contains("version"));

    expect_deleted(&server, "workflows/hello", &[("namespace", "ops")]).await;
    workflows::delete(&c, "hello", "ops").await.ok().unwrap();
    assert!(
        workflows::create(&c, " ", &DefinitionOpts::default())
            .await
            .err()
            .is_some()
    );
}

#[tokio::test]
async fn workbooks_and_actions() {
    let server = MockServer::start().await;
    let c = mistral(&server).await;
    let wb = json!({"id": "wb1", "name": "ops", "namespace": "", "definition": "version: '2.0'\nname: ops\n",
        "tags": ["a"], "scope": "private", "project_id": "p", "created_at": "2024-05-02 10:00:00"});
    expect(
        &server,
        "POST",
        "workbooks",
        &[],
        Sent::Text("version: '2.0'\nname: ops\n"),
        201,
        Some(wb.clone()),
    )
    .await;
    assert_eq!(
        workbooks::create(
            &c,
            "version: '2.0'\nname: ops\n",
            &DefinitionOpts::default()
        )
        .await
        .extract()
        .unwrap()
        .tags,
        ["a"]
    );
    expect(
        &server,
        "PUT",
        "workbooks",
        &[],
        Sent::Text("version: '2.0'\nname: ops\n"),
        200,
        Some(wb.clone()),
    )
    .await;
    workbooks::update(
        &c,
        "version: '2.0'\nname: ops\n",
        &DefinitionOpts::default(),
    )
    .await
    .extract()
    .unwrap();
    expect(
        &server,
        "GET",
        "workbooks/ops",
        &[],
        Sent::Nothing,
        200,
        Some(wb.clone()),
    )
    .await;
    assert_eq!(
        workbooks::get(&c, "ops", "").await.extract().unwrap().id,
        "wb1"
    );
    expect(
        &server,
        "GET",
        "workbooks",
        &[("name", "ops")],
        Sent::Nothing,
        200,
        Some(json!({"workbooks": [wb]})),
    )
    .await;
    let lo = workbooks::ListOpts {
        name: Some("ops".into()),
        ..Default::default()
    };
    assert_eq!(
        workbooks::extract_workbooks(&workbooks::list(&c, &lo).all_pages().await.unwrap())
            .unwrap()
            .len(),
        1
    );
    expect(
        &server,
        "POST",
        "workbooks/validate",
        &[],
        Sent::Text("y"),
        200,
        Some(json!({"valid": true})),
    )
    .await;
    assert!(workbooks::validate(&c, "y").await.extract().unwrap().valid);
    expect_deleted(&server, "workbooks/ops", &[]).await;
    workbooks::delete(&c, "ops", "").await.ok().unwrap();

    let echo = json!({"id": "std.echo", "name": "std.echo", "is_system": false, "input": "output, delay=0",
        "description": "Echo", "tags": [], "definition": null, "scope": "public", "namespace": "",
        "created_at": null, "updated_at": null});
    expect(
        &server,
        "GET",
        "actions/std.echo",
        &[],
        Sent::Nothing,
        200,
        Some(echo.clone()),
    )
    .await;
    assert_eq!(
        actions::get(&c, "std.echo", "")
            .await
            .extract()
            .unwrap()
            .is_system,
        Some(false)
    );
    expect(
        &server,
        "GET",
        "actions",
        &[("is_system", "true")],
        Sent::Nothing,
        200,
        Some(json!({"actions": [echo.clone()]})),
    )
    .await;
    let lo = actions::ListOpts {
        is_system: Some(true),
        ..Default::default()
    };
    assert_eq!(
        actions::extract_actions(&actions::list(&c, &lo).all_pages().await.unwrap()).unwrap()[0]
            .name,
        "std.echo"
    );
    let yaml = "version: '2.0'\ngreet:\n  base: std.echo\n";
    expect(
        &server,
        "POST",
        "actions",
        &[("scope", "private")],
        Sent::Text(yaml),
        201,
        Some(json!({"actions": [echo.clone()]})),
    )
    .await;
    actions::create(&c, yaml, &DefinitionOpts::default().scope(Scope::Private))
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "PUT",
        "actions/greet",
        &[],
        Sent::Text(yaml),
        200,
        Some(json!({"actions": [echo]})),
    )
    .await;
    actions::update(&c, "greet", yaml, &DefinitionOpts::default())
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "POST",
        "actions/validate",
        &[],
        Sent::Text(yaml),
        200,
        Some(json!({"valid": true})),
    )
    .await;
    actions::validate(&c, yaml).await.extract().unwrap();
    expect_deleted(&server, "actions/greet", &[("namespace", "n")]).await;
    actions::delete(&c, "greet", "n").await.ok().unwrap();
}

#[tokio::test]
async fn code_sources_dynamic_actions_members() {
    let server = MockServer::start().await;
    let c = mistral(&server).await;
    let src = "class Hello: pass\n";
    let cs = json!({"id": "cs1", "name": "hello_mod", "namespace": "", "content": src, "version": 1,
        "scope": "private", "actions": [], "project_id": "p", "created_at": "2024-05-02 10:00:00"});
    expect(
        &server,
        "POST",
        "code_sources",
        &[("name", "hello_mod")],
        Sent::Text(src),
        201,
        Some(cs.clone()),
    )
    .await;
    assert_eq!(
        code_sources::create(&c, "hello_mod", src, &DefinitionOpts::default())
            .await
            .extract()
            .unwrap()
            .version,
        1
    );
    expect(
        &server,
        "PUT",
        "code_sources",
        &[("identifier", "hello_mod")],
        Sent::Text(src),
        200,
        Some(cs.clone()),
    )
    .await;
    code_sources::update(&c, "hello_mod", src, &DefinitionOpts::default())
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "GET",
        "code_sources/cs1",
        &[],
        Sent::Nothing,
        200,
        Some(cs.clone()),
    )
    .await;
    assert_eq!(
        code_sources::get(&c, "cs1", "")
            .await
            .extract()
            .unwrap()
            .content,
        src
    );
    expect_listing(&server, "code_sources", &cs).await;
    code_sources::list(&c, &Default::default())
        .all_pages()
        .await
        .unwrap();
    expect_deleted(&server, "code_sources/cs1", &[]).await;
    code_sources::delete(&c, "cs1", "").await.ok().unwrap();

    let da = json!({"id": "da1", "name": "hello", "namespace": "", "class_name": "Hello", "code_source_id": "cs1",
        "code_source_name": "hello_mod", "scope": "private", "project_id": "p", "created_at": "2024-05-02 10:00:00"});
    let opts =
        dynamic_actions::DynamicActionOpts::new("hello", "Hello").code_source_name("hello_mod");
    expect(
        &server,
        "POST",
        "dynamic_actions",
        &[],
        Sent::Json(json!({"name": "hello", "class_name": "Hello",
        "code_source_name": "hello_mod"})),
        201,
        Some(da.clone()),
    )
    .await;
    assert_eq!(
        dynamic_actions::create(&c, &opts)
            .await
            .extract()
            .unwrap()
            .code_source_id
            .as_deref(),
        Some("cs1")
    );
    expect(
        &server,
        "PUT",
        "dynamic_actions",
        &[],
        Sent::Json(json!({"name": "hello", "class_name": "Hello",
        "code_source_name": "hello_mod"})),
        200,
        Some(da.clone()),
    )
    .await;
    dynamic_actions::update(&c, &opts).await.extract().unwrap();
    expect(
        &server,
        "GET",
        "dynamic_actions/hello",
        &[("namespace", "ops")],
        Sent::Nothing,
        200,
        Some(da.clone()),
    )
    .await;
    dynamic_actions::get(&c, "hello", "ops")
        .await
        .extract()
        .unwrap();
    expect_listing(&server, "dynamic_actions", &da).await;
    dynamic_actions::list(&c, &Default::default())
        .all_pages()
        .await
        .unwrap();
    expect_deleted(&server, "dynamic_actions/hello", &[]).await;
    dynamic_actions::delete(&c, "hello", "").await.ok().unwrap();

    let m = json!({"id": "123e4567-e89b-12d3-a456-426655440000", "resource_id": "wf1", "resource_type": "workflow",
        "project_id": "p1", "member_id": "p2", "status": "pending", "created_at": "2024-05-02 10:00:00", "updated_at": null});
    expect(
        &server,
        "POST",
        "workflows/wf1/members",
        &[],
        Sent::Json(json!({"member_id": "p2"})),
        201,
        Some(m.clone()),
    )
    .await;
    assert_eq!(
        members::create(&c, "wf1", "p2")
            .await
            .extract()
            .unwrap()
            .status,
        members::MemberStatus::Pending
    );
    let mut accepted = m.clone();
    accepted["status"] = json!("accepted");
    expect(
        &server,
        "PUT",
        "workflows/wf1/members/p2",
        &[],
        Sent::Json(json!({"status": "accepted"})),
        200,
        Some(accepted),
    )
    .await;
    members::update(&c, "wf1", "p2", members::MemberStatus::Accepted)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "GET",
        "workflows/wf1/members/p2",
        &[],
        Sent::Nothing,
        200,
        Some(m.clone()),
    )
    .await;
    assert_eq!(
        members::get(&c, "wf1", "p2")
            .await
            .extract()
            .unwrap()
            .member_id,
        "p2"
    );
    expect(
        &server,
        "GET",
        "workflows/wf1/members",
        &[],
        Sent::Nothing,
        200,
        Some(json!({"members": [m]})),
    )
    .await;
    assert_eq!(
        members::extract_members(&members::list(&c, "wf1").all_pages().await.unwrap())
            .unwrap()
            .len(),
        1
    );
    expect_deleted(&server, "workflows/wf1/members/p2", &[]).await;
    members::delete(&c, "wf1", "p2").await.ok().unwrap();
}
