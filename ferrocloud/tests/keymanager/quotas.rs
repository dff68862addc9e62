//! Effective quotas and project quotas.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::keymanager::v1::common::Paging;
use ferrocloud::openstack::keymanager::v1::project_quotas::{self, ProjectQuotas};
use ferrocloud::openstack::keymanager::v1::quotas;
use serde_json::json;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer};

use crate::{BASE, barbican, expect, href, reply};

#[tokio::test]
async fn effective_quotas() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    expect(
        &server,
        "GET",
        "quotas",
        None,
        200,
        Some(
            json!({"quotas": {"secrets": 10, "orders": 20, "containers": 10,
            "consumers": -1, "cas": 5}}),
        ),
    )
    .await;
    let q = quotas::get(&client).await.extract().unwrap();
    assert_eq!(
        (q.secrets, q.orders, q.containers, q.consumers, q.cas),
        (10, 20, 10, -1, 5)
    );
}

#[tokio::test]
async fn project_quotas() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/project-quotas")))
        .and(query_param("limit", "2"))
        .and(query_param_is_missing("offset"))
        .respond_with(reply(
            200,
            Some(json!({"project_quotas": [
                {"project_id": "1234", "project_quotas": {"secrets": 2000, "orders": 0,
                    "containers": -1, "consumers": null, "cas": null}},
                {"project_id": "5678", "project_quotas": {"secrets": 200, "orders": 100,
                    "containers": -1, "consumers": null, "cas": null}}],
                "total": 3, "next": href(&server, "project-quotas?limit=2&offset=2")})),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/project-quotas")))
        .and(query_param("offset", "2"))
        .respond_with(reply(
            200,
            Some(json!({"project_quotas": [
                {"project_id": "9abc", "project_quotas": {"secrets": 1}}], "total": 3})),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let all = project_quotas::extract_records(
        &project_quotas::list(&client, &Paging::default().limit(2))
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].project_id, "1234");
    assert_eq!(all[0].project_quotas.secrets, Some(2000));
    assert_eq!(all[0].project_quotas.orders, Some(0));
    assert_eq!(all[0].project_quotas.consumers, None);
    assert_eq!(all[2].project_quotas.cas, None);

    expect(
        &server,
        "GET",
        "project-quotas/1234",
        None,
        200,
        Some(
            json!({"project_quotas": {"secrets": 10, "orders": 20, "containers": -1,
            "consumers": 10, "cas": 5}}),
        ),
    )
    .await;
    let q = project_quotas::get(&client, "1234")
        .await
        .extract()
        .unwrap();
    assert_eq!(q.containers, Some(-1));
    assert_eq!(q.cas, Some(5));

    expect(
        &server,
        "PUT",
        "project-quotas/1234",
        Some(json!({"project_quotas": {"secrets": 50, "orders": 10, "containers": 20}})),
        204,
        None,
    )
    .await;
    let set = ProjectQuotas {
        secrets: Some(50),
        orders: Some(10),
        containers: Some(20),
        ..Default::default()
    };
    project_quotas::set(&client, "1234", &set)
        .await
        .ok()
        .unwrap();

    expect(&server, "DELETE", "project-quotas/1234", None, 204, None).await;
    project_quotas::delete(&client, "1234").await.ok().unwrap();

    expect(&server, "GET", "project-quotas/none", None, 404, None).await;
    let err = project_quotas::get(&client, "none")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
