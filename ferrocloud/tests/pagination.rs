//! Every pagination style against a mock server: links, top-level next, marker, single
//! page; early stop; lazy fetching; loop protection; errors in the middle.

mod common;

use common::*;
use ferrocloud::http::Method;
use ferrocloud::openstack::compute::v2::servers::{self, ListOpts};
use ferrocloud::{EndpointOpts, ErrorKind, Op, Operation, PageStyle, ServiceClient, openstack};
use futures::{StreamExt, TryStreamExt};
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

static LIST_THINGS: Op<Vec<Value>> = Op::new(Operation::new("compute", Method::GET, "/things"));

fn server_item(i: usize) -> Value {
    let mut v = sample_json("compute/doc/api_samples/servers/servers-details-resp.json")["servers"]
        [0]
    .clone();
    v["id"] = json!(format!("srv-{i}"));
    v["name"] = json!(format!("server-{i}"));
    v
}

/// Three pages of servers (2, 2, 1) linked with servers_links.
async fn mount_server_pages(server: &MockServer) {
    let base = format!("{}/compute/v2.1/servers/detail", server.uri());
    let page = |items: Vec<usize>, next: Option<&str>| {
        let mut body = json!({"servers": items.into_iter().map(server_item).collect::<Vec<_>>()});
        if let Some(m) = next {
            body["servers_links"] =
                json!([{"rel": "next", "href": format!("{base}?limit=2&marker={m}")}]);
        }
        ResponseTemplate::new(200).set_body_json(body)
    };
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/detail"))
        .and(query_param_is_missing("marker"))
        .and(query_param("limit", "2"))
        .respond_with(page(vec![0, 1], Some("srv-1")))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/detail"))
        .and(query_param("marker", "srv-1"))
        .respond_with(page(vec![2, 3], Some("srv-3")))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/servers/detail"))
        .and(query_param("marker", "srv-3"))
        .respond_with(page(vec![4], None))
        .mount(server)
        .await;
}

async fn compute(server: &MockServer) -> ServiceClient {
    let provider = provider(server).await;
    openstack::new_compute_v2(&provider, EndpointOpts::default())
        .unwrap()
        .with_retry(ferrocloud::retry::RetryPolicy::none())
}

fn opts() -> ListOpts {
    ListOpts {
        limit: Some(2),
        ..Default::default()
    }
}

const DETAIL: &str = "/compute/v2.1/servers/detail";

#[tokio::test]
async fn links_all_pages() {
    let server = MockServer::start().await;
    mount_server_pages(&server).await;
    let compute = compute(&server).await;
    let page = servers::list(&compute, &opts()).all_pages().await.unwrap();
    assert_eq!(page.responses().len(), 3);
    let names: Vec<String> = servers::extract_servers(&page)
        .unwrap()
        .into_iter()
        .filter_map(|s| s.name)
        .collect();
    assert_eq!(
        names,
        ["server-0", "server-1", "server-2", "server-3", "server-4"]
    );
    assert_eq!(count(&server, "GET", DETAIL).await, 3);
}

#[tokio::test]
async fn all_returns_every_item_of_every_page() {
    let server = MockServer::start().await;
    mount_server_pages(&server).await;
    let compute = compute(&server).await;
    let all = servers::list(&compute, &opts()).all().await.unwrap();
    let ids: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["srv-0", "srv-1", "srv-2", "srv-3", "srv-4"]);
    let collected = ferrocloud::pagination::collect(servers::list(&compute, &opts()))
        .await
        .unwrap();
    assert_eq!(collected, all);
    assert_eq!(count(&server, "GET", DETAIL).await, 6);
}

#[tokio::test]
async fn each_page_stops_early() {
    let server = MockServer::start().await;
    mount_server_pages(&server).await;
    let compute = compute(&server).await;
    // The callback borrows and changes the caller's state.
    let mut seen = Vec::new();
    let mut calls = 0;
    servers::list(&compute, &opts())
        .each_page(|page| {
            calls += 1;
            seen.push(servers::extract_servers(&page)?.len());
            Ok::<_, ferrocloud::Error>(false)
        })
        .await
        .unwrap();
    assert_eq!(seen, vec![2]);
    assert_eq!(calls, 1);
    assert_eq!(count(&server, "GET", DETAIL).await, 1);
}

#[tokio::test]
async fn each_page_error_from_the_callback_ends_the_walk() {
    let server = MockServer::start().await;
    mount_server_pages(&server).await;
    let compute = compute(&server).await;
    let err = servers::list(&compute, &opts())
        .each_page(|_| Err(ferrocloud::Error::invalid_input("stop here")))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("stop here"));
    assert_eq!(count(&server, "GET", DETAIL).await, 1);
}

/// The callback's own error type, converted from the SDK's errors.
#[tokio::test]
async fn each_page_returns_the_callers_error_type() {
    #[derive(Debug)]
    enum AppError {
        Cloud(ferrocloud::Error),
        Enough(usize),
    }
    impl From<ferrocloud::Error> for AppError {
        fn from(e: ferrocloud::Error) -> Self {
            AppError::Cloud(e)
        }
    }
    let server = MockServer::start().await;
    mount_server_pages(&server).await;
    let compute = compute(&server).await;
    let mut total = 0;
    let r = servers::list(&compute, &opts())
        .each_page(|page| {
            total += servers::extract_servers(&page)?.len();
            Err(AppError::Enough(total))
        })
        .await;
    assert!(matches!(r, Err(AppError::Enough(2))), "{r:?}");

    // An SDK error met by the walk itself arrives converted.
    let r: Result<(), AppError> = servers::list(&compute, &opts())
        .max_pages(1)
        .each_page(|_| Ok(true))
        .await;
    match r {
        Err(AppError::Cloud(e)) => assert_eq!(e.kind(), ferrocloud::ErrorKind::Pagination),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn items_are_fetched_one_page_at_a_time() {
    let server = MockServer::start().await;
    mount_server_pages(&server).await;
    let compute = compute(&server).await;
    let mut items = Box::pin(servers::list(&compute, &opts()).items());
    assert_eq!(
        count(&server, "GET", DETAIL).await,
        0,
        "nothing before the first poll"
    );
    let first = items.try_next().await.unwrap().unwrap();
    assert_eq!(first.name.as_deref(), Some("server-0"));
    assert_eq!(count(&server, "GET", DETAIL).await, 1);
    items.try_next().await.unwrap().unwrap();
    assert_eq!(
        count(&server, "GET", DETAIL).await,
        1,
        "second item comes from the same page"
    );
    items.try_next().await.unwrap().unwrap();
    assert_eq!(count(&server, "GET", DETAIL).await, 2);
    let rest: Vec<_> = items.try_collect().await.unwrap();
    assert_eq!(rest.len(), 2);
    assert_eq!(count(&server, "GET", DETAIL).await, 3);
}

#[tokio::test]
async fn pages_stream() {
    let server = MockServer::start().await;
    mount_server_pages(&server).await;
    let compute = compute(&server).await;
    let sizes: Vec<usize> = servers::list(&compute, &opts())
        .pages()
        .map(|p| p.unwrap().extract().unwrap().len())
        .collect()
        .await;
    assert_eq!(sizes, vec![2, 2, 1]);
}

#[tokio::test]
async fn query_options_are_sent_on_the_first_request() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(DETAIL))
        .and(query_param("status", "ACTIVE"))
        .and(query_param("tags", "a,b"))
        .and(query_param("all_tenants", "true"))
        .and(query_param("changes-since", "2024-01-01T00:00:00Z"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"servers": []})))
        .expect(1)
        .mount(&server)
        .await;
    let compute = compute(&server).await;
    let opts = ListOpts {
        status: Some("ACTIVE".into()),
        tags: vec!["a".into(), "b".into()],
        all_tenants: Some(true),
        changes_since: Some("2024-01-01T00:00:00Z".into()),
        ..Default::default()
    };
    let all = servers::extract_servers(&servers::list(&compute, &opts).all_pages().await.unwrap())
        .unwrap();
    assert!(all.is_empty());
    server.verify().await;
}

#[tokio::test]
async fn glance_style_relative_next() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/things"))
        .and(query_param_is_missing("marker"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "things": [{"id": "a"}, {"id": "b"}], "first": "/compute/v2.1/things",
            "next": "/compute/v2.1/things?marker=b", "schema": "/v2/schemas/things"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/things"))
        .and(query_param("marker", "b"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"things": [{"id": "c"}], "first": "/compute/v2.1/things"})),
        )
        .mount(&server)
        .await;
    let compute = compute(&server).await;
    let items: Vec<Value> = compute
        .request(&LIST_THINGS, &[])
        .pager(Some("things"), PageStyle::Next("next"))
        .items()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = items.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[tokio::test]
async fn keystone_style_links_object() {
    let server = MockServer::start().await;
    let uri = server.uri();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/things"))
        .and(query_param_is_missing("page"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "things": [{"id": "a"}], "links": {"self": "x", "previous": null, "next": format!("{uri}/compute/v2.1/things?page=2")}})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/things"))
        .and(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "things": [{"id": "b"}], "links": {"self": "x", "previous": null, "next": null}})))
        .mount(&server)
        .await;
    let compute = compute(&server).await;
    let page = compute
        .request(&LIST_THINGS, &[])
        .pager(Some("things"), PageStyle::Links("links"))
        .all_pages()
        .await
        .unwrap();
    assert_eq!(page.extract().unwrap().len(), 2);
}

#[tokio::test]
async fn marker_style_until_an_empty_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/things"))
        .and(query_param_is_missing("marker"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!([{"name": "a"}, {"name": "b"}])),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/things"))
        .and(query_param("marker", "b"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([{"name": "c d"}])))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/things"))
        .and(query_param("marker", "c d"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let compute = compute(&server).await;
    let items: Vec<Value> = compute
        .request(&LIST_THINGS, &[])
        .query_pair("format", "json")
        .pager(None, PageStyle::Marker("name"))
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.len(), 3);
    let reqs = server.received_requests().await.unwrap();
    let last = reqs.last().unwrap();
    assert_eq!(last.url.query(), Some("format=json&marker=c+d"));
}

#[tokio::test]
async fn single_page_and_self_links_end() {
    let server = MockServer::start().await;
    let uri = server.uri();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/things"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "things": [{"id": "a"}],
            "things_links": [{"rel": "next", "href": format!("{uri}/compute/v2.1/things")}]})))
        .mount(&server)
        .await;
    let compute = compute(&server).await;
    let n = compute
        .request(&LIST_THINGS, &[])
        .pager(Some("things"), PageStyle::Single)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap()
        .len();
    assert_eq!(n, 1);
    // A next link back to the same page would loop for ever: it ends the listing.
    let n = compute
        .request(&LIST_THINGS, &[])
        .pager(Some("things"), PageStyle::Links("things_links"))
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap()
        .len();
    assert_eq!(n, 1);
    assert_eq!(count(&server, "GET", "/compute/v2.1/things").await, 2);
}

#[tokio::test]
async fn an_error_on_a_later_page_is_returned() {
    let server = MockServer::start().await;
    let uri = server.uri();
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/things"))
        .and(query_param_is_missing("marker"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "things": [{"id": "a"}],
            "things_links": [{"rel": "next", "href": format!("{uri}/compute/v2.1/things?marker=a")}]})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/things"))
        .and(query_param("marker", "a"))
        .respond_with(
            ResponseTemplate::new(500)
                .insert_header("x-openstack-request-id", "req-500")
                .set_body_json(json!({"computeFault": {"code": 500, "message": "boom"}})),
        )
        .mount(&server)
        .await;
    let compute = compute(&server).await;
    let pager = || {
        compute
            .request(&LIST_THINGS, &[])
            .pager(Some("things"), PageStyle::Links("things_links"))
    };
    let err = pager().all_pages().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ServerError);
    assert_eq!(err.service_message(), "boom");
    assert_eq!(err.request_id(), Some("req-500"));
    let results: Vec<ferrocloud::Result<Value>> = pager().items().collect().await;
    assert_eq!(results.len(), 2);
    assert!(results[0].is_ok());
    assert_eq!(
        results[1].as_ref().unwrap_err().kind(),
        ErrorKind::ServerError
    );
}

#[tokio::test]
async fn a_malformed_page_is_a_decode_error_naming_the_request() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(DETAIL))
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"servers\": [{\"id\": 1"))
        .mount(&server)
        .await;
    let compute = compute(&server).await;
    let err = servers::list(&compute, &ListOpts::default())
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(err.url().unwrap().contains("/servers/detail"), "{err}");
    let err = servers::list(&compute, &ListOpts::default())
        .items()
        .next()
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
}

/// A walk with a borrowing callback runs in a spawned task (its future is `Send`).
#[tokio::test]
async fn each_page_in_a_spawned_task() {
    let server = MockServer::start().await;
    mount_server_pages(&server).await;
    let compute = compute(&server).await;
    let n = tokio::spawn(async move {
        let mut n = 0;
        servers::list(&compute, &opts())
            .each_page(|page| {
                n += servers::extract_servers(&page)?.len();
                Ok::<_, ferrocloud::Error>(true)
            })
            .await
            .map(|()| n)
    })
    .await
    .unwrap()
    .unwrap();
    assert!(n >= 2, "{n}");
}
