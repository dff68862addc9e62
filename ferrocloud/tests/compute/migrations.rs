//! Migrations (os-migrations): every sample, filters per microversion, paging.

use crate::common::*;
use ferrocloud::openstack::compute::v2::migrations::{self, ListOpts, Migration};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-migrations";

async fn compute(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_compute_v2(&p, EndpointOpts::default()).unwrap()
}

#[tokio::test]
async fn every_sample_parses() {
    for rel in [
        "migrations-get.json",
        "v2.23/migrations-get.json",
        "v2.59/migrations-get.json",
        "v2.59/migrations-get-with-changes-since.json",
        "v2.59/migrations-get-with-limit.json",
        "v2.59/migrations-get-with-marker.json",
        "v2.66/migrations-get.json",
        "v2.66/migrations-get-with-changes-before.json",
        "v2.66/migrations-get-with-changes-since.json",
        "v2.66/migrations-get-with-limit.json",
        "v2.66/migrations-get-with-marker.json",
        "v2.80/migrations-get.json",
        "v2.80/migrations-get-with-changes-before.json",
        "v2.80/migrations-get-with-changes-since.json",
        "v2.80/migrations-get-with-limit.json",
        "v2.80/migrations-get-with-marker.json",
        "v2.80/migrations-get-with-user-or-project-id.json",
    ] {
        let body = sample(&format!("{S}/{rel}"));
        let all: Vec<Migration> =
            ferrocloud::request::decode(body.as_bytes(), Some("migrations")).unwrap();
        assert!(!all.is_empty(), "{rel}");
        let m = &all[0];
        assert!(
            !m.instance_uuid.is_empty() && m.created_at.timestamp() > 0,
            "{rel}"
        );
        assert_eq!(m.migration_type.is_some(), rel.starts_with("v2."), "{rel}");
        let at_least = |v: &str| rel.starts_with("v2.") && rel[3..5] >= *v;
        assert_eq!(m.uuid.is_some(), at_least("59"), "{rel}");
        assert_eq!(m.user_id.is_some(), at_least("80"), "{rel}");
    }
}

#[tokio::test]
async fn filters_and_paging_at_2_80() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.80");
    let first = sample(&format!("{S}/v2.80/migrations-get-with-limit.json")).replace(
        "http://openstack.example.com/v2.1/6f70656e737461636b20342065766572",
        &format!("{}/compute/v2.1", server.uri()),
    );
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-migrations"))
        .and(query_param("limit", "1"))
        .and(query_param("hidden", "0"))
        .and(query_param("status", "migrating"))
        .and(query_param("changes-since", "2016-06-23T13:42:02Z"))
        .and(query_param("changes-before", "2016-06-24T13:42:02Z"))
        .and(query_param(
            "user_id",
            "78348f0e-97ee-4d70-ad34-189692673ea2",
        ))
        .and(query_param(
            "project_id",
            "9842f0f7-1229-4355-afe7-15ebdbb8c3d8",
        ))
        .and(query_param_is_missing("marker"))
        .respond_with(ResponseTemplate::new(200).set_body_string(first))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-migrations"))
        .and(query_param(
            "marker",
            "42341d4b-346a-40d0-83c6-5f4f6892b650",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"migrations": []}"#))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        limit: Some(1),
        hidden: Some(false),
        status: Some("migrating".into()),
        changes_since: Some("2016-06-23T13:42:02Z".into()),
        changes_before: Some("2016-06-24T13:42:02Z".into()),
        user_id: Some("78348f0e-97ee-4d70-ad34-189692673ea2".into()),
        project_id: Some("9842f0f7-1229-4355-afe7-15ebdbb8c3d8".into()),
        ..Default::default()
    };
    let all = migrations::extract_migrations(
        &migrations::list(&compute, &opts).all_pages().await.unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].id, 4);
    assert_eq!(all[0].dest_compute.as_deref(), Some("compute20"));
    assert_eq!(
        all[0].project_id.as_deref(),
        Some("9842f0f7-1229-4355-afe7-15ebdbb8c3d8")
    );
    server.verify().await;
}

#[tokio::test]
async fn base_version_filters_and_refused_ones() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    Mock::given(method("GET"))
        .and(path("/compute/v2.1/os-migrations"))
        .and(query_param("host", "compute1"))
        .and(query_param(
            "instance_uuid",
            "8600d31b-d1a1-4632-b2ff-45c2be1a70ff",
        ))
        .and(query_param("migration_type", "resize"))
        .and(query_param("source_compute", "compute1"))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/migrations-get.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        host: Some("compute1".into()),
        instance_uuid: Some("8600d31b-d1a1-4632-b2ff-45c2be1a70ff".into()),
        migration_type: Some("resize".into()),
        source_compute: Some("compute1".into()),
        ..Default::default()
    };
    let all = migrations::list(&compute, &opts)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].new_instance_type_id, Some(6));
    server.verify().await;

    for (mv, opts, field) in [
        (
            "2.58",
            ListOpts {
                limit: Some(1),
                ..Default::default()
            },
            "limit",
        ),
        (
            "2.65",
            ListOpts {
                changes_before: Some("2020-01-01T00:00:00Z".into()),
                ..Default::default()
            },
            "changes-before",
        ),
        (
            "2.79",
            ListOpts {
                project_id: Some("p".into()),
                ..Default::default()
            },
            "project_id",
        ),
    ] {
        let err = migrations::list(&compute.with_microversion(mv), &opts)
            .all_pages()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(field), "{err}");
    }
}
