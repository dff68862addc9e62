//! Stacks: creation, adoption, previews, listing and counting, lookups through Heat's
//! redirects, updates and their previews, deletion, abandon and export, the stack's
//! template, environment and files, actions, waiters, and bad input.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::orchestration::v1::common::{Document, stack_from_location};
use ferrocloud::openstack::orchestration::v1::stacks::{
    self, CreateOpts, ListOpts, PreviewItem, StackStatus, UpdateOpts,
};
use serde_json::{Map, Value, json};
use wiremock::matchers::{body_json, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer};

use crate::{
    at, expect, found, heat, heat_error, heat_requests, quick, refused_unsent, reply, reply_json,
    sample,
};

const NAME: &str = "simple_stack";
const ID: &str = "3095aefc-09fb-4bc7-b1f0-f21a304e864c";

fn stack_path(rel: &str) -> String {
    if rel.is_empty() {
        format!("stacks/{NAME}/{ID}")
    } else {
        format!("stacks/{NAME}/{ID}/{rel}")
    }
}

fn object(v: &Value) -> Map<String, Value> {
    v.as_object().expect("an object").clone()
}

/// The options that give `stack-create-request.json`.
fn create_opts() -> CreateOpts {
    let req = sample("stack-create-request.json");
    let mut opts = CreateOpts::new("teststack", req["template"].clone());
    opts.files = Some(Default::default());
    opts.disable_rollback = Some(true);
    opts.parameters = Some(object(&json!({"flavor": "m1.heat"})));
    opts.timeout_mins = Some(60);
    opts
}

/// The options that give `stack-update-request.json`.
fn update_opts() -> UpdateOpts {
    let req = sample("stack-update-request.json");
    UpdateOpts {
        template: Some(Document::Json(req["template"].clone())),
        parameters: Some(object(&json!({"flavor": "m1.small"}))),
        ..Default::default()
    }
}

/// `stack-show-response.json` with another status and reason.
fn show_with(status: &str, reason: &str) -> Value {
    let mut v = sample("stack-show-response.json");
    v["stack"]["stack_status"] = json!(status);
    v["stack"]["stack_status_reason"] = json!(reason);
    v
}

#[tokio::test]
async fn create_sends_the_sample_and_reads_the_new_stack() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "POST",
        "stacks",
        Some("stack-create-request.json"),
        201,
        Some("stack-create-response.json"),
    )
    .await;
    let created = stacks::create(&client, &create_opts())
        .await
        .extract()
        .unwrap();
    assert_eq!(created.id, ID);
    assert_eq!(created.links[0].rel, "self");
    assert_eq!(
        created.links[0].href,
        format!(
            "http://192.168.123.200:8004/v1/eb1c63a4f77141548385f113a28f0f52/stacks/teststack/{ID}"
        )
    );
    let sent = &heat_requests(&server).await[0];
    assert_eq!(
        sent.headers.get("content-type").unwrap().to_str().unwrap(),
        "application/json"
    );
}

#[tokio::test]
async fn create_sends_tags_as_one_text_and_a_text_template_as_is() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let template = "heat_template_version: 2018-08-31\nresources: {}\n";
    Mock::given(method("POST"))
        .and(path(at("stacks")))
        .and(body_json(json!({
            "stack_name": "web", "template": template, "tags": "prod,web",
            "environment_files": ["env.yaml"], "files": {"env.yaml": "parameters: {}\n"},
        })))
        .respond_with(reply(201, Some("stack-create-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = CreateOpts::new("web", template);
    opts.tags = Some(vec!["prod".into(), "web".into()]);
    opts.environment_files = Some(vec!["env.yaml".into()]);
    opts.files = Some([("env.yaml".to_string(), "parameters: {}\n".to_string())].into());
    let created = stacks::create(&client, &opts).await.extract().unwrap();
    assert_eq!(created.id, ID);
}

/// Matches an adoption whose `adopt_stack_data` is a text holding `data` as JSON, the
/// rest of the body being `rest`.
struct AdoptBody {
    rest: Value,
    data: Value,
}

impl wiremock::Match for AdoptBody {
    fn matches(&self, request: &wiremock::Request) -> bool {
        let Ok(mut body) = serde_json::from_slice::<Value>(&request.body) else {
            return false;
        };
        let Some(Value::String(text)) = body
            .as_object_mut()
            .and_then(|m| m.remove("adopt_stack_data"))
        else {
            return false;
        };
        serde_json::from_str::<Value>(&text).is_ok_and(|d| d == self.data) && body == self.rest
    }
}

#[tokio::test]
async fn adopt_sends_the_sample_data_as_heat_parses_it() {
    // The official `stack-adopt-request.json` shows `adopt_stack_data` as an object, but
    // Heat parses the member from text (`InstantiationData.template` and
    // `engine.api.extract_args` call `template_format.simple_parse`, whose
    // `jsonutils.loads` refuses a dict with a TypeError, a 500): python-heatclient and
    // Heat's own functional tests send `json.dumps(data)`. So the body is the sample
    // with that member as its JSON text.
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let mut rest = sample("stack-adopt-request.json");
    let data = rest
        .as_object_mut()
        .unwrap()
        .remove("adopt_stack_data")
        .unwrap();
    Mock::given(method("POST"))
        .and(path(at("stacks")))
        .and(AdoptBody {
            rest,
            data: data.clone(),
        })
        .respond_with(reply(201, Some("stack-create-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = CreateOpts::adopting("new_stack", data.clone());
    opts.timeout_mins = Some(30);
    let created = stacks::adopt(&client, &opts).await.extract().unwrap();
    assert_eq!(created.id, ID);

    // Data already held as text (an abandon file read as it is) is sent unchanged.
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let text = "{\"name\": \"teststack\", \"resources\": {}}";
    Mock::given(method("POST"))
        .and(path(at("stacks")))
        .and(body_json(
            json!({"stack_name": "again", "adopt_stack_data": text}),
        ))
        .respond_with(reply(201, Some("stack-create-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::adopting("again", json!(text));
    stacks::adopt(&client, &opts).await.extract().unwrap();
}

#[tokio::test]
async fn adopt_without_data_and_create_without_template_are_refused_unsent() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let mut opts = create_opts();
    opts.adopt_stack_data = None;
    let e = stacks::adopt(&client, &CreateOpts::new("x", "t"))
        .await
        .extract();
    refused_unsent(&server, &e.unwrap_err()).await;
    opts.template = None;
    let e = stacks::create(&client, &opts).await.extract().unwrap_err();
    refused_unsent(&server, &e).await;
    let e = stacks::create(&client, &CreateOpts::new("", "t"))
        .await
        .extract()
        .unwrap_err();
    refused_unsent(&server, &e).await;
    let e = stacks::preview(&client, &CreateOpts::new("", "t"))
        .await
        .extract()
        .unwrap_err();
    refused_unsent(&server, &e).await;
}

#[tokio::test]
async fn preview_reads_the_resources_that_would_be_made() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "POST",
        "stacks/preview",
        Some("stack-create-request.json"),
        200,
        Some("stack-preview-response.json"),
    )
    .await;
    let p = stacks::preview(&client, &create_opts())
        .await
        .extract()
        .unwrap();
    assert_eq!(p.id, "None");
    assert_eq!(p.stack_name, "test_stack");
    assert_eq!(p.description, "HOT template for Nova Server resource.\n");
    assert_eq!(p.disable_rollback, Some(true));
    assert_eq!(p.timeout_mins, None);
    assert_eq!(p.parameters["flavor"], "m1.small");
    assert_eq!(p.parameters["OS::stack_name"], "teststack");
    assert!(p.tags.is_empty());
    assert_eq!(p.resources.len(), 2);
    let PreviewItem::Resource(sg) = &p.resources[0] else {
        panic!("a resource: {:?}", p.resources[0]);
    };
    assert_eq!(sg.resource_name, "the_sg_res");
    assert_eq!(sg.resource_type, "OS::Neutron::SecurityGroup");
    assert_eq!(
        (sg.resource_action.as_str(), sg.resource_status.as_str()),
        ("INIT", "COMPLETE")
    );
    assert_eq!(sg.required_by, ["server1"]);
    assert_eq!(sg.properties["rules"][1]["port_range_max"], 65535);
    assert_eq!(
        sg.resource_identity.as_ref().unwrap()["path"],
        "/resources/the_sg_res"
    );
    let PreviewItem::Resource(server_res) = &p.resources[1] else {
        panic!("a resource");
    };
    assert_eq!(server_res.properties["image"], "F20-cfg");
    assert_eq!(server_res.attributes["name"], "MyServer");
    assert_eq!(
        server_res.updated_time.unwrap().to_rfc3339(),
        "2015-01-31T15:12:36+00:00"
    );
}

#[tokio::test]
async fn list_sends_the_filters_and_pages_by_marker() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at("stacks")))
        .and(query_param("limit", "1"))
        .and(query_param("status", "COMPLETE"))
        .and(query_param("tags_any", "prod,web"))
        .and(query_param("sort_keys", "stack_name"))
        .and(query_param("sort_dir", "asc"))
        .and(query_param("show_nested", "true"))
        .and(query_param_is_missing("marker"))
        .respond_with(reply(200, Some("stacks-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at("stacks")))
        .and(query_param("marker", ID))
        .and(query_param("limit", "1"))
        .and(query_param("status", "COMPLETE"))
        .respond_with(reply_json(200, &json!({"stacks": []})))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        limit: Some(1),
        status: Some("COMPLETE".into()),
        tags_any: Some(vec!["prod".into(), "web".into()]),
        sort_keys: Some("stack_name".into()),
        sort_dir: Some("asc".into()),
        show_nested: Some(true),
        ..Default::default()
    };
    let all = stacks::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 1);
    let s = &all[0];
    assert_eq!((s.id.as_str(), s.stack_name.as_str()), (ID, NAME));
    assert_eq!(s.stack_status, StackStatus::CreateComplete);
    assert_eq!(s.stack_status_reason, "Stack CREATE completed successfully");
    assert_eq!(s.description, "sample stack");
    assert_eq!(s.creation_time.to_rfc3339(), "2014-06-03T20:59:46+00:00");
    assert_eq!(s.updated_time, None);
    assert_eq!(s.parent, None);
    assert_eq!(s.stack_owner, None);
    assert_eq!(
        s.stack_user_project_id.as_deref(),
        Some("71510cbd459a49ac989ca1055de7038b")
    );
    assert!(s.tags.is_empty());
}

#[tokio::test]
async fn a_listing_page_extracts() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at("stacks")))
        .and(query_param_is_missing("marker"))
        .respond_with(reply(200, Some("stacks-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at("stacks")))
        .and(query_param("marker", ID))
        .respond_with(reply_json(200, &json!({"stacks": []})))
        .expect(1)
        .mount(&server)
        .await;
    let page = stacks::list(&client, &ListOpts::default())
        .all_pages()
        .await
        .unwrap();
    let items = stacks::extract_stacks(&page).unwrap();
    assert_eq!(items[0].stack_name, NAME);
}

#[tokio::test]
async fn count_asks_with_count_and_reads_it() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let mut body = sample("stacks-list-response.json");
    body["count"] = json!(7);
    Mock::given(method("GET"))
        .and(path(at("stacks")))
        .and(query_param("with_count", "true"))
        .and(query_param("limit", "1"))
        .and(query_param("name", NAME))
        .and(query_param_is_missing("marker"))
        .respond_with(reply_json(200, &body))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        name: Some(NAME.into()),
        marker: Some("ignored".into()),
        limit: Some(50),
        ..Default::default()
    };
    assert_eq!(stacks::count(&client, &opts).await.unwrap(), 7);
}

#[tokio::test]
async fn count_without_a_count_is_a_decode_error() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at("stacks")))
        .respond_with(reply(200, Some("stacks-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let e = stacks::count(&client, &ListOpts::default())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert!(e.to_string().contains("count"), "{e}");
}

#[tokio::test]
async fn find_reads_the_redirect_then_shows_the_canonical_stack() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let location = format!("{}{}", server.uri(), at(&stack_path("")));
    Mock::given(method("GET"))
        .and(path(at(&format!("stacks/{NAME}"))))
        .respond_with(found(&location, "stack-find-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    expect(
        &server,
        "GET",
        &stack_path(""),
        None,
        200,
        Some("stack-show-response.json"),
    )
    .await;
    let s = stacks::find(&client, NAME).await.unwrap();
    assert_eq!((s.stack_name.as_str(), s.id.as_str()), (NAME, ID));
    assert_eq!(s.stack_owner.as_deref(), Some("simple_username"));
}

#[tokio::test]
async fn lookup_by_id_reads_a_relative_location() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at(&format!("stacks/{ID}"))))
        .respond_with(found(&at(&stack_path("")), "stack-find-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let (name, id) = stacks::lookup(&client, ID).await.unwrap();
    assert_eq!((name.as_str(), id.as_str()), (NAME, ID));
}

#[tokio::test]
async fn lookup_encodes_the_name_and_decodes_the_location() {
    // Heat's own names are `[a-zA-Z][a-zA-Z0-9_.-]*`, but a lookup also takes what the
    // caller typed (or an ARN), and Heat's Location quotes the name
    // (`HeatIdentifier.stack_path`): both directions must round-trip.
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let id = "2f1e0c3a-0000-4000-8000-000000000001";
    Mock::given(method("GET"))
        .and(path(at("stacks/my%20stack%2Fv%C3%A9")))
        .respond_with(found(
            &format!(
                "{}{}",
                server.uri(),
                at(&format!("stacks/my%20stack%2Fv%C3%A9/{id}"))
            ),
            "stack-find-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let mut shown = sample("stack-show-response.json");
    shown["stack"]["stack_name"] = json!("my stack/vé");
    shown["stack"]["id"] = json!(id);
    Mock::given(method("GET"))
        .and(path(at(&format!("stacks/my%20stack%2Fv%C3%A9/{id}"))))
        .respond_with(reply_json(200, &shown))
        .expect(1)
        .mount(&server)
        .await;
    let s = stacks::find(&client, "my stack/vé").await.unwrap();
    assert_eq!(s.stack_name, "my stack/vé");
    assert_eq!(s.id, id);
}

#[tokio::test]
async fn lookup_of_an_unknown_stack_is_not_found() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at("stacks/nope")))
        .respond_with(heat_error(
            404,
            "Not Found",
            "EntityNotFound",
            "The Stack (nope) could not be found.",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let e = stacks::find(&client, "nope").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert!(e.is_not_found());
    assert!(
        e.to_string()
            .contains("The Stack (nope) could not be found."),
        "{e}"
    );
    assert_eq!(e.service_code(), Some("EntityNotFound"));
    assert_eq!(heat_requests(&server).await.len(), 1);
}

#[tokio::test]
async fn a_location_on_another_host_is_read_never_followed() {
    // Heat writes its Location from the request as it saw it (`req.relative_url`,
    // webob's application URL): behind a proxy that is often another scheme, host or
    // port than the catalog's (the official `stack-find-response.json` names
    // 192.168.42.11:8004). The SDK takes the stack's name and ID from the path and
    // sends the canonical request to the catalog endpoint: the other host sees nothing,
    // so no token can travel there.
    let server = MockServer::start().await;
    let other = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at("stacks/s1")))
        .respond_with(found(
            &format!("{}/v1/369166a68a3a49b78b4e138531556e55/stacks/s1/da778f26-6d25-4634-9531-d438188e48fd", other.uri()),
            "stack-find-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let mut shown = sample("stack-show-response.json");
    shown["stack"]["stack_name"] = json!("s1");
    shown["stack"]["id"] = json!("da778f26-6d25-4634-9531-d438188e48fd");
    Mock::given(method("GET"))
        .and(path(at("stacks/s1/da778f26-6d25-4634-9531-d438188e48fd")))
        .respond_with(reply_json(200, &shown))
        .expect(1)
        .mount(&server)
        .await;
    let s = stacks::find(&client, "s1").await.unwrap();
    assert_eq!(s.id, "da778f26-6d25-4634-9531-d438188e48fd");
    assert!(other.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_malformed_or_missing_location_is_a_clear_error() {
    let server = MockServer::start().await;
    let other = MockServer::start().await;
    let client = heat(&server).await;
    let cases = [
        ("bad1", Some("http://[::1".to_string())),
        ("bad2", Some(format!("{}/v1/p1/servers/x/y", other.uri()))),
        ("bad3", Some(at("stacks/only-a-name"))),
        ("bad4", Some(at("stacks/s%zz/abc"))),
        ("bad5", Some(at("stacks/s%FF/abc"))),
        ("bad6", None),
    ];
    for (name, location) in &cases {
        let answer = match location {
            Some(l) => found(l, "stack-find-response.json"),
            None => reply(302, Some("stack-find-response.json")),
        };
        Mock::given(method("GET"))
            .and(path(at(&format!("stacks/{name}"))))
            .respond_with(answer)
            .expect(1)
            .mount(&server)
            .await;
    }
    for (name, location) in &cases {
        let e = stacks::find(&client, name).await.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Decode, "{name}: {e}");
        match location {
            Some(l) => assert!(
                e.to_string().contains("does not name a stack")
                    && e.to_string().contains(l.as_str()),
                "{name}: {e}"
            ),
            None => assert!(e.to_string().contains("no Location"), "{e}"),
        }
    }
    // One request per lookup: nothing followed, no show sent.
    assert_eq!(heat_requests(&server).await.len(), cases.len());
    assert!(other.received_requests().await.unwrap().is_empty());
}

#[test]
fn stack_from_location_reads_suffixes_and_refuses_the_rest() {
    let base = url::Url::parse("http://heat:8004/v1/p1/stacks/s1/resources").unwrap();
    let (n, i) = stack_from_location(&base, "/v1/p1/stacks/s1/abc/resources", 1).unwrap();
    assert_eq!((n.as_str(), i.as_str()), ("s1", "abc"));
    assert!(stack_from_location(&base, "/v1/p1/stacks/s1/abc", 1).is_err());
    assert!(stack_from_location(&base, "/v1/p1/stacks//abc", 0).is_err());
}

#[tokio::test]
async fn get_and_get_unresolved() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path(""))))
        .and(query_param_is_missing("resolve_outputs"))
        .respond_with(reply(200, Some("stack-show-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path(""))))
        .and(query_param("resolve_outputs", "false"))
        .respond_with(reply(200, Some("stack-show-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let s = stacks::get(&client, NAME, ID).await.extract().unwrap();
    assert_eq!(s.stack_status, StackStatus::CreateComplete);
    assert_eq!(s.stack_status_reason, "Stack CREATE completed successfully");
    assert_eq!(s.description, "sample stack");
    assert_eq!(s.template_description, "sample stack");
    assert!(s.disable_rollback);
    assert_eq!(s.timeout_mins, None);
    assert_eq!(s.parameters["OS::stack_name"], NAME);
    assert_eq!(
        s.parameters["OS::project_id"],
        "3ab5b02f-a01f-4f95-afa1-e254afc4a435"
    );
    assert!(s.outputs.is_empty());
    assert!(s.tags.is_empty());
    assert_eq!(s.parent, None);
    assert_eq!(
        s.stack_user_project_id.as_deref(),
        Some("65728b74-cfe7-4f17-9c15-11d4f686e591")
    );
    assert_eq!(s.creation_time.to_rfc3339(), "2014-06-03T20:59:46+00:00");
    assert_eq!(s.deletion_time, None);
    assert!(s.links[0].href.ends_with(&format!("/stacks/{NAME}/{ID}")));
    let u = stacks::get_unresolved(&client, NAME, ID)
        .await
        .extract()
        .unwrap();
    assert_eq!(u.id, ID);
}

#[tokio::test]
async fn a_shown_stack_with_outputs_and_tags() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let mut v = sample("stack-show-response.json");
    v["stack"]["tags"] = json!(["prod", "web"]);
    v["stack"]["timeout_mins"] = json!(60);
    v["stack"]["outputs"] = json!([
        {"output_key": "ip", "output_value": "10.0.0.3", "description": "The address"},
        {"output_key": "bad", "output_value": null, "description": "No description given",
         "output_error": "The Referenced Attribute (server first_address) is incorrect."}
    ]);
    Mock::given(method("GET"))
        .and(path(at(&stack_path(""))))
        .respond_with(reply_json(200, &v))
        .expect(1)
        .mount(&server)
        .await;
    let s = stacks::get(&client, NAME, ID).await.extract().unwrap();
    assert_eq!(s.tags, ["prod", "web"]);
    assert_eq!(s.timeout_mins, Some(60));
    assert_eq!(s.outputs[0].output_value, "10.0.0.3");
    assert_eq!(s.outputs[1].output_value, Value::Null);
    assert!(
        s.outputs[1]
            .output_error
            .as_deref()
            .unwrap()
            .contains("first_address")
    );
}

#[tokio::test]
async fn update_puts_and_patches_the_sample() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "PUT",
        &stack_path(""),
        Some("stack-update-request.json"),
        202,
        Some("stack-update-response.json"),
    )
    .await;
    expect(
        &server,
        "PATCH",
        &stack_path(""),
        Some("stack-update-request.json"),
        202,
        Some("stack-update-response.json"),
    )
    .await;
    let r = stacks::update(&client, NAME, ID, &update_opts()).await;
    r.ok().unwrap();
    assert_eq!(r.status_code(), Some(202));
    stacks::update_patch(&client, NAME, ID, &update_opts())
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn a_patch_may_say_only_what_changes() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("PATCH"))
        .and(path(at(&stack_path(""))))
        .and(body_json(
            json!({"clear_parameters": ["flavor"], "tags": "a,b", "existing": true}),
        ))
        .respond_with(reply(202, Some("stack-update-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts {
        clear_parameters: Some(vec!["flavor".into()]),
        tags: Some(vec!["a".into(), "b".into()]),
        existing: Some(true),
        ..Default::default()
    };
    stacks::update_patch(&client, NAME, ID, &opts)
        .await
        .ok()
        .unwrap();
    // A full update needs a template (or its URL): refused before sending.
    let e = stacks::update(&client, NAME, ID, &opts)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(heat_requests(&server).await.len(), 1);
}

#[tokio::test]
async fn update_previews_put_and_patch() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    // Heat answers a preview with `{"resource_changes": {...}}`
    // (StackController.preview_update and preview_update_patch); the official
    // `stack-update-preview-response.json` shows the object without its envelope, so
    // the answer here wraps the sample in it.
    let answer = json!({"resource_changes": sample("stack-update-preview-response.json")});
    Mock::given(method("PUT"))
        .and(path(at(&stack_path("preview"))))
        .and(query_param("show_nested", "true"))
        .and(body_json(sample("stack-update-request.json")))
        .respond_with(reply_json(200, &answer))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path(at(&stack_path("preview"))))
        .and(query_param_is_missing("show_nested"))
        .and(body_json(sample("stack-update-request.json")))
        .respond_with(reply_json(200, &answer))
        .expect(1)
        .mount(&server)
        .await;
    let c = stacks::preview_update(&client, NAME, ID, &update_opts(), true)
        .await
        .extract()
        .unwrap();
    for list in [&c.added, &c.deleted, &c.replaced, &c.unchanged, &c.updated] {
        assert_eq!(list.len(), 1);
        assert_eq!(list[0]["resource_type"], "restype");
        assert_eq!(list[0]["resource_action"], "CREATE");
    }
    let c = stacks::preview_update_patch(&client, NAME, ID, &update_opts(), false)
        .await
        .extract()
        .unwrap();
    assert_eq!(c.updated[0]["resource_status"], "COMPLETE");
}

#[tokio::test]
async fn delete_and_delete_by_name_or_id() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(&server, "DELETE", &stack_path(""), None, 204, None).await;
    stacks::delete(&client, NAME, ID).await.ok().unwrap();

    let s2 = "321c4eed-c87f-4cea-8288-9238f3b92e63";
    Mock::given(method("DELETE"))
        .and(path(at("stacks/s2")))
        .respond_with(found(
            &format!("{}{}", server.uri(), at(&format!("stacks/s2/{s2}"))),
            "stack-find-delete-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    expect(
        &server,
        "DELETE",
        &format!("stacks/s2/{s2}"),
        None,
        204,
        None,
    )
    .await;
    let (name, id) = stacks::delete_by_name_or_id(&client, "s2").await.unwrap();
    assert_eq!((name.as_str(), id.as_str()), ("s2", s2));
}

#[tokio::test]
async fn abandon_and_export_read_the_stack_data() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "DELETE",
        &stack_path("abandon"),
        None,
        200,
        Some("stack-abandon-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        &stack_path("export"),
        None,
        200,
        Some("stack-export-response.json"),
    )
    .await;
    let d = stacks::abandon(&client, NAME, ID).await.extract().unwrap();
    assert_eq!(d.id, "16934ca3-40e0-4fb2-a289-a700662ec05a");
    assert_eq!(d.name, "g");
    assert_eq!(
        (d.action.as_str(), d.status.as_str()),
        ("CREATE", "COMPLETE")
    );
    assert_eq!(d.project_id, "369166a68a3a49b78b4e138531556e55");
    assert_eq!(
        d.stack_user_project_id.as_deref(),
        Some("9bbd353467bc4f069a3692d223a48aac")
    );
    let server_res = &d.resources["server"];
    assert_eq!(server_res.resource_type, "OS::Nova::Server");
    assert_eq!(
        server_res.resource_id.as_deref(),
        Some("39d5dad7-7d7a-4cc8-bd84-851e9e2ff4ea")
    );
    assert_eq!(d.template["heat_template_version"], "2013-05-23");
    assert_eq!(d.template["parameters"]["flavor"]["default"], "m1.small");
    assert!(d.tags.is_empty() && d.files.is_empty() && d.environment.is_empty());

    let e = stacks::export(&client, NAME, ID).await.extract().unwrap();
    assert_eq!((e.name.as_str(), e.action.as_str()), ("s1", "SUSPEND"));
    let random = &e.resources["random"];
    assert_eq!(random.resource_type, "OS::Heat::RandomString");
    assert_eq!(
        random.resource_data["value"],
        "wCPWWoGJH5SZKtNFAgqGcbiWokCkRgam"
    );
    assert_eq!(
        random.resource_id.as_deref(),
        Some("s1-random-pzuzs6pbjhho")
    );
    assert_eq!(e.environment["resource_registry"]["resources"], json!({}));
    assert_eq!(e.template["parameters"]["str_length"]["default"], 32);
}

#[tokio::test]
async fn template_environment_and_files() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "GET",
        &stack_path("template"),
        None,
        200,
        Some("template-show-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        &stack_path("environment"),
        None,
        200,
        Some("stack-environment-show-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        &stack_path("files"),
        None,
        200,
        Some("stack-files-show-response.json"),
    )
    .await;
    let t = stacks::template(&client, NAME, ID).await.extract().unwrap();
    assert_eq!(t["heat_template_version"], "2013-05-23");
    assert_eq!(t["parameters"]["foo"]["hidden"], true);
    assert_eq!(
        t["resources"]["random_key_name"]["type"],
        "OS::Heat::RandomString"
    );

    let env = stacks::environment(&client, NAME, ID)
        .await
        .extract()
        .unwrap();
    assert_eq!(env.resource_registry["resources"], json!({}));
    assert!(env.encrypted_param_names.is_empty());
    assert!(env.event_sinks.is_empty() && env.parameters.is_empty());
    assert!(env.parameter_defaults.is_empty());

    let files = stacks::files(&client, NAME, ID).await.extract().unwrap();
    assert_eq!(
        files["file:///home/username/hello.sh"],
        "#!/bin/sh\necho hello\n"
    );
}

#[tokio::test]
async fn actions_send_the_samples() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    for action in [
        "suspend",
        "resume",
        "cancel-update",
        "cancel-without-rollback",
        "check",
    ] {
        expect(
            &server,
            "POST",
            &stack_path("actions"),
            Some(&format!("stack-action-{action}-request.json")),
            202,
            None,
        )
        .await;
    }
    stacks::suspend(&client, NAME, ID).await.ok().unwrap();
    stacks::resume(&client, NAME, ID).await.ok().unwrap();
    stacks::cancel_update(&client, NAME, ID).await.ok().unwrap();
    stacks::cancel_without_rollback(&client, NAME, ID)
        .await
        .ok()
        .unwrap();
    stacks::check(&client, NAME, ID).await.ok().unwrap();
    let bodies: Vec<Value> = heat_requests(&server)
        .await
        .iter()
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect();
    assert_eq!(
        bodies,
        [
            json!({"suspend": null}),
            json!({"resume": null}),
            json!({"cancel_update": null}),
            json!({"cancel_without_rollback": null}),
            json!({"check": null}),
        ]
    );
}

#[tokio::test]
async fn wait_for_status_polls_until_complete() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path(""))))
        .respond_with(reply_json(
            200,
            &show_with("CREATE_IN_PROGRESS", "Stack CREATE started"),
        ))
        .up_to_n_times(2)
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path(""))))
        .respond_with(reply(200, Some("stack-show-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let s = stacks::wait_for_status(&client, NAME, ID, StackStatus::CreateComplete, &quick())
        .await
        .unwrap();
    assert_eq!(s.stack_status, StackStatus::CreateComplete);
    assert_eq!(s.stack_status_reason, "Stack CREATE completed successfully");
}

#[tokio::test]
async fn wait_for_status_stops_at_a_failure_with_heats_reason() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let reason = "Resource CREATE failed: Forbidden: resources.server: Quota exceeded for cores";
    Mock::given(method("GET"))
        .and(path(at(&stack_path(""))))
        .respond_with(reply_json(
            200,
            &show_with("CREATE_IN_PROGRESS", "Stack CREATE started"),
        ))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path(""))))
        .respond_with(reply_json(200, &show_with("CREATE_FAILED", reason)))
        .expect(1)
        .mount(&server)
        .await;
    let e = stacks::wait_for_status(&client, NAME, ID, StackStatus::CreateComplete, &quick())
        .await
        .unwrap_err();
    assert_ne!(e.kind(), ErrorKind::Timeout);
    let text = e.to_string();
    assert!(text.contains(reason), "{text}");
    assert!(text.contains("CREATE_FAILED"), "{text}");
}

#[tokio::test]
async fn wait_for_status_times_out() {
    use std::time::Duration;
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path(""))))
        .respond_with(reply_json(
            200,
            &show_with("CREATE_IN_PROGRESS", "Stack CREATE started"),
        ))
        .mount(&server)
        .await;
    let opts = ferrocloud::wait::WaitOpts::new(Duration::from_millis(150))
        .interval(Duration::from_millis(10), Duration::from_millis(20));
    let e = stacks::wait_for_status(&client, NAME, ID, StackStatus::CreateComplete, &opts)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert!(e.to_string().contains(&format!("stack {NAME}/{ID}")), "{e}");
    assert!(heat_requests(&server).await.len() >= 2);
}

#[tokio::test]
async fn wait_for_deletion_ends_at_404_or_delete_failed() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path(""))))
        .respond_with(reply_json(
            200,
            &show_with("DELETE_IN_PROGRESS", "Stack DELETE started"),
        ))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path(""))))
        .respond_with(heat_error(
            404,
            "Not Found",
            "EntityNotFound",
            "The Stack (simple_stack) could not be found.",
        ))
        .expect(1)
        .mount(&server)
        .await;
    stacks::wait_for_deletion(&client, NAME, ID, &quick())
        .await
        .unwrap();

    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path(""))))
        .respond_with(reply_json(
            200,
            &show_with("DELETE_FAILED", "Resource DELETE failed: volume in use"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let e = stacks::wait_for_deletion(&client, NAME, ID, &quick())
        .await
        .unwrap_err();
    assert!(e.to_string().contains("volume in use"), "{e}");
}

#[tokio::test]
async fn heats_error_body_surfaces_its_message() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let message = "The template version is invalid: \"heat_template_version: 2099-01-01\".";
    Mock::given(method("POST"))
        .and(path(at("stacks")))
        .respond_with(heat_error(
            400,
            "Bad Request",
            "InvalidTemplateVersion",
            message,
        ))
        .expect(1)
        .mount(&server)
        .await;
    let e = stacks::create(&client, &create_opts())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest);
    assert_eq!(e.status_code(), Some(400));
    assert_eq!(e.service_message(), message);
    assert_eq!(e.service_code(), Some("InvalidTemplateVersion"));
    assert!(e.to_string().contains(message), "{e}");
}

#[tokio::test]
async fn a_redirect_where_none_is_expected_is_not_followed() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at(&stack_path(""))))
        .respond_with(found(
            &format!("{}/elsewhere", server.uri()),
            "stack-find-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let e = stacks::get(&client, NAME, ID).await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Redirect);
    assert_eq!(heat_requests(&server).await.len(), 1);
}

#[tokio::test]
async fn empty_names_and_ids_are_refused_unsent() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let u = update_opts();
    macro_rules! refused {
        ($e:expr) => {
            refused_unsent(&server, &$e).await
        };
    }
    refused!(stacks::lookup(&client, "").await.unwrap_err());
    refused!(stacks::find(&client, "").await.unwrap_err());
    refused!(stacks::delete_by_name_or_id(&client, "").await.unwrap_err());
    for (n, i) in [("", ID), (NAME, "")] {
        refused!(stacks::get(&client, n, i).await.extract().unwrap_err());
        refused!(
            stacks::get_unresolved(&client, n, i)
                .await
                .extract()
                .unwrap_err()
        );
        refused!(stacks::update(&client, n, i, &u).await.ok().unwrap_err());
        refused!(
            stacks::update_patch(&client, n, i, &u)
                .await
                .ok()
                .unwrap_err()
        );
        refused!(
            stacks::preview_update(&client, n, i, &u, false)
                .await
                .extract()
                .unwrap_err()
        );
        refused!(
            stacks::preview_update_patch(&client, n, i, &u, true)
                .await
                .extract()
                .unwrap_err()
        );
        refused!(stacks::delete(&client, n, i).await.ok().unwrap_err());
        refused!(stacks::abandon(&client, n, i).await.extract().unwrap_err());
        refused!(stacks::export(&client, n, i).await.extract().unwrap_err());
        refused!(stacks::template(&client, n, i).await.extract().unwrap_err());
        refused!(
            stacks::environment(&client, n, i)
                .await
                .extract()
                .unwrap_err()
        );
        refused!(stacks::files(&client, n, i).await.extract().unwrap_err());
        refused!(stacks::suspend(&client, n, i).await.ok().unwrap_err());
        refused!(stacks::resume(&client, n, i).await.ok().unwrap_err());
        refused!(stacks::cancel_update(&client, n, i).await.ok().unwrap_err());
        refused!(
            stacks::cancel_without_rollback(&client, n, i)
                .await
                .ok()
                .unwrap_err()
        );
        refused!(stacks::check(&client, n, i).await.ok().unwrap_err());
        refused!(
            stacks::wait_for_status(&client, n, i, StackStatus::CreateComplete, &quick())
                .await
                .unwrap_err()
        );
        refused!(
            stacks::wait_for_deletion(&client, n, i, &quick())
                .await
                .unwrap_err()
        );
    }
}
