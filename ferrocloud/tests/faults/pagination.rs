//! Listing faults: next links that loop or change while their marker stays, a marker
//! that does not advance, more pages than the limit, next links to another host.

use std::time::Duration;

use ferrocloud::http::Method;
use ferrocloud::retry::RetryPolicy;
use ferrocloud::{ErrorKind, Op, Operation, PageStyle, Pager, ProviderClient, ServiceClient};
use futures::{StreamExt, TryStreamExt};
use serde_json::{Value, json};

use crate::server::*;

static LIST_THINGS: Op<Vec<Value>> = Op::new(Operation::new("compute", Method::GET, "/things"));

const THINGS: &str = "/v2.1/things";

/// A client of `s` whose endpoint is `<server>/v2.1`, with the token `tok`, no retries.
fn client(s: &FaultServer) -> ServiceClient {
    let p = ProviderClient::builder(format!("{}/v3", s.uri))
        .retry(RetryPolicy::none())
        .timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    p.set_token("tok", None);
    ServiceClient::new(p, "compute", &format!("{}/v2.1", s.uri), None).unwrap()
}

/// A page of things with these names, whose `things_links` point at `next`.
fn page(names: &[&str], next: Option<&str>) -> Fault {
    let things: Vec<Value> = names.iter().map(|n| json!({ "name": n })).collect();
    let mut body = json!({ "things": things });
    if let Some(href) = next {
        body["things_links"] = json!([{"rel": "next", "href": href}]);
    }
    answer(200, &body.to_string())
}

fn links_pager(c: &ServiceClient) -> Pager<Value> {
    c.request(&LIST_THINGS, &[])
        .pager(Some("things"), PageStyle::Links("things_links"))
}

fn names(items: &[Value]) -> Vec<&str> {
    items.iter().filter_map(|v| v["name"].as_str()).collect()
}

pub(crate) async fn a_next_link_cycle() {
    // A → B → A: the second page's link goes back to the first one.
    let script = |uri: &str| {
        let a = format!("{uri}{THINGS}");
        let b = format!("{uri}{THINGS}?page=2");
        let mut v = Vec::new();
        for _ in 0..3 {
            v.push(page(&["a"], Some(&b)));
            v.push(page(&["b"], Some(&a)));
        }
        v
    };
    let s = FaultServer::start(vec![]).await;
    s.script.lock().unwrap().extend(script(&s.uri));
    let err = links_pager(&client(&s)).all_pages().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Pagination, "{err}");
    assert!(err.to_string().contains("already requested"), "{err}");
    assert!(err.to_string().contains("after 2 pages"), "{err}");
    assert_eq!(s.count("GET", THINGS), 2, "A and B, once each");
    tally(&s, 2);

    // The same through the stream of pages: pages A and B, then the error instead of A
    // again, then the end.
    let s = FaultServer::start(vec![]).await;
    s.script.lock().unwrap().extend(script(&s.uri));
    let results: Vec<_> = links_pager(&client(&s)).pages().collect().await;
    assert_eq!(results.len(), 3);
    assert!(results[0].is_ok() && results[1].is_ok());
    assert_eq!(
        results[2].as_ref().unwrap_err().kind(),
        ErrorKind::Pagination
    );
    assert_eq!(s.count("GET", THINGS), 2);
    tally(&s, 2);
}

pub(crate) async fn a_changing_next_link_with_the_same_marker() {
    let s = FaultServer::start(vec![]).await;
    {
        let mut script = s.script.lock().unwrap();
        script.push_back(page(
            &["a", "b"],
            Some(&format!("{}{THINGS}?marker=b", s.uri)),
        ));
        for i in 1..=10 {
            let next = format!("{}{THINGS}?marker=b&x={i}", s.uri);
            script.push_back(page(&["c"], Some(&next)));
        }
    }
    let results: Vec<ferrocloud::Result<Value>> = links_pager(&client(&s)).items().collect().await;
    let (ok, errs): (Vec<_>, Vec<_>) = results.into_iter().partition(|r| r.is_ok());
    let ok: Vec<Value> = ok.into_iter().map(Result::unwrap).collect();
    assert_eq!(
        names(&ok),
        ["a", "b", "c"],
        "each page requested once is handed out once"
    );
    assert_eq!(errs.len(), 1);
    let err = errs[0].as_ref().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Pagination, "{err}");
    assert!(err.to_string().contains("marker \"b\""), "{err}");
    let seen = s.requests();
    assert_eq!(seen.len(), 2, "stopped at the first repeated marker");
    assert_eq!(seen[1].query, "marker=b");
    tally(&s, 2);
}

pub(crate) async fn a_marker_that_does_not_advance() {
    // The service ignores `marker` and answers the same page every time.
    let same = || answer(200, r#"[{"name": "a"}, {"name": "b"}]"#);
    let s = FaultServer::start(vec![same(), same(), same(), same()]).await;
    let mut handed_out = Vec::new();
    let err = client(&s)
        .request(&LIST_THINGS, &[])
        .query_pair("format", "json")
        .pager(None, PageStyle::Marker("name"))
        .each_page(|page| {
            handed_out.extend(page.extract()?);
            Ok::<_, ferrocloud::Error>(true)
        })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Pagination, "{err}");
    assert!(err.to_string().contains("marker \"b\""), "{err}");
    assert_eq!(
        names(&handed_out),
        ["a", "b"],
        "the duplicate page is not handed out"
    );
    let seen = s.requests();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].query, "format=json");
    assert_eq!(seen[1].query, "format=json&marker=b");
    tally(&s, 2);
}

pub(crate) async fn more_pages_than_the_limit() {
    let script = |uri: &str| {
        vec![
            page(&["a"], Some(&format!("{uri}{THINGS}?marker=a"))),
            page(&["b"], Some(&format!("{uri}{THINGS}?marker=b"))),
            page(&["c"], None),
        ]
    };
    let s = FaultServer::start(vec![]).await;
    s.script.lock().unwrap().extend(script(&s.uri));
    let mut items = links_pager(&client(&s)).max_pages(2).items();
    let mut got = Vec::new();
    let err = loop {
        match items.try_next().await {
            Ok(Some(v)) => got.push(v),
            Ok(None) => panic!("the listing has 3 pages, the limit is 2"),
            Err(e) => break e,
        }
    };
    assert_eq!(names(&got), ["a", "b"], "the pages within the limit");
    assert_eq!(err.kind(), ErrorKind::Pagination, "{err}");
    assert!(err.to_string().contains("more than 2 pages"), "{err}");
    assert!(
        items.next().await.is_none(),
        "the stream ends after the error"
    );
    assert_eq!(s.count("GET", THINGS), 2, "page 3 is never requested");
    tally(&s, 2);

    // A limit the listing stays within changes nothing.
    let s = FaultServer::start(vec![]).await;
    s.script.lock().unwrap().extend(script(&s.uri));
    let all = links_pager(&client(&s))
        .max_pages(3)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(names(&all), ["a", "b", "c"]);
    assert_eq!(s.count("GET", THINGS), 3);
    tally(&s, 3);
}

pub(crate) async fn a_next_link_to_another_host() {
    let foreign = FaultServer::start(vec![page(&["stolen"], None)]).await;
    let s = FaultServer::start(vec![page(
        &["a"],
        Some(&format!("{}/collect/things?marker=a", foreign.uri)),
    )])
    .await;
    let err = links_pager(&client(&s)).all_pages().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Pagination, "{err}");
    assert!(err.to_string().contains("refused"), "{err}");
    assert!(err.to_string().contains("/collect/things"), "{err}");
    assert!(!err.to_string().contains("tok"), "{err}");
    assert!(
        foreign.requests().is_empty(),
        "nothing is sent to the other host"
    );
    assert_eq!(s.count("GET", THINGS), 1);
    tally(&s, 1);
    tally(&foreign, 0);
}

pub(crate) async fn a_next_link_to_an_internal_address_is_rebased() {
    // Behind a proxy, the service writes its internal address into its links; the path
    // lies under the endpoint's path, so the page is requested from the configured host.
    let internal = FaultServer::start(vec![page(&["stolen"], None)]).await;
    let s = FaultServer::start(vec![
        page(
            &["a"],
            Some(&format!("{}{THINGS}?marker=a&limit=1", internal.uri)),
        ),
        page(&["b"], None),
    ])
    .await;
    let mut got = Vec::new();
    links_pager(&client(&s))
        .each_page(|page| {
            got.extend(page.extract()?);
            Ok::<_, ferrocloud::Error>(true)
        })
        .await
        .unwrap();
    assert_eq!(names(&got), ["a", "b"]);
    let seen = s.requests();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1].path, THINGS);
    assert_eq!(seen[1].query, "marker=a&limit=1");
    assert_eq!(
        seen[1].token.as_deref(),
        Some("tok"),
        "the second page from the configured host, with the token"
    );
    assert!(
        internal.requests().is_empty(),
        "nothing is sent to the address in the link"
    );
    tally(&s, 2);
    tally(&internal, 0);
}
