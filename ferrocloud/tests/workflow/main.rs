//! Workflow v2 resources against a mock Mistral. The API reference publishes no
//! samples for Mistral, so the answers here are written from Mistral's own resource
//! definitions (`mistral/api/controllers/v2/resources.py`): the fields it sends, JSON
//! values as JSON text, `next` links as its `ResourceList.get_next` builds them.

#[path = "../common/mod.rs"]
mod common;

use serde_json::{Value, json};
use wiremock::matchers::{body_json, body_string, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A workflow v2 client of a mock Mistral (endpoint `/workflow/v2`).
pub async fn mistral(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_workflow_v2(&p, Default::default()).unwrap()
}

/// What the request must carry: a JSON body, a text body, query pairs.
pub enum Sent<'a> {
    /// Nothing checked beyond method and path.
    Nothing,
    /// This JSON body.
    Json(Value),
    /// This `text/plain` body.
    Text(&'a str),
}

/// Expects exactly one `verb` request to `/workflow/v2/{rel}` with these query pairs
/// and body, answered `status` with `answer`.
pub async fn expect(
    server: &MockServer,
    verb: &str,
    rel: &str,
    query: &[(&str, &str)],
    sent: Sent<'_>,
    status: u16,
    answer: Option<Value>,
) {
    let mut m = Mock::given(method(verb)).and(path(format!("/workflow/v2/{rel}")));
    for (k, v) in query {
        m = m.and(query_param(*k, *v));
    }
    m = match sent {
        Sent::Nothing => m,
        Sent::Json(b) => m.and(body_json(b)),
        Sent::Text(t) => m
            .and(body_string(t))
            .and(header("content-type", "text/plain")),
    };
    let mut reply = ResponseTemplate::new(status);
    if let Some(a) = answer {
        reply = reply
            .set_body_string(a.to_string())
            .insert_header("content-type", "application/json");
    }
    m.respond_with(reply).expect(1).mount(server).await;
}

/// A workflow execution as Mistral sends it (`input`, `params` as JSON text).
pub fn execution(id: &str, state: &str, state_info: Option<&str>) -> Value {
    json!({
        "id": id,
        "workflow_id": "123e4567-e89b-12d3-a456-426655441111",
        "workflow_name": "hello",
        "workflow_namespace": "",
        "description": "",
        "tags": [],
        "params": "{\"namespace\": \"\", \"env\": {\"region\": \"r1\"}}",
        "task_execution_id": null,
        "root_execution_id": null,
        "state": state,
        "state_info": state_info,
        "input": "{\"name\": \"Ada\"}",
        "output": "{\"greeting\": \"hello Ada\"}",
        "created_at": "2024-05-02 10:00:00",
        "updated_at": "2024-05-02 10:00:05",
        "project_id": "40a908dbddfe48ad80a87fb30fa70a03"
    })
}

mod definitions;
mod runs;

/// Expects `GET /<collection>` once, answering `{"<collection>": [item]}`.
pub async fn expect_listing(server: &MockServer, collection: &str, item: &Value) {
    let answer = json!({ collection: [item] });
    expect(
        server,
        "GET",
        collection,
        &[],
        Sent::Nothing,
        200,
        Some(answer),
    )
    .await;
}

/// Expects `DELETE /<rel>` once (with this query), answering `204`.
pub async fn expect_deleted(server: &MockServer, rel: &str, query: &[(&str, &str)]) {
    expect(server, "DELETE", rel, query, Sent::Nothing, 204, None).await;
}
