//! Server groups.

use crate::common::*;
use ferrocloud::openstack::compute::v2::server_groups::{self, CreateOpts, ListOpts, Policy};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "compute/doc/api_samples/os-server-groups";
const P: &str = "/compute/v2.1/os-server-groups";

async fn compute(server: &MockServer) -> ServiceClient {
    openstack::new_compute_v2(&provider(server).await, EndpointOpts::default()).unwrap()
}

fn reply(name: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{name}")))
}

#[tokio::test]
async fn create_in_the_form_of_each_microversion() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    // The same options give `policies` before 2.64 and `policy` from 2.64.
    for (mv, dir) in [(None, ""), (Some("2.13"), "v2.13/")] {
        Mock::given(method("POST"))
            .and(path(P))
            .and(header("x-openstack-nova-api-version", mv.unwrap_or("2.1")))
            .and(body_json(sample_json(&format!(
                "{S}/{dir}server-groups-post-req.json"
            ))))
            .respond_with(reply(&format!("{dir}server-groups-post-resp.json")))
            .expect(1)
            .mount(&server)
            .await;
        let client = compute.with_microversion(mv.unwrap_or("2.1"));
        let g = server_groups::create(&client, &CreateOpts::new("test", Policy::AntiAffinity))
            .await
            .extract()
            .unwrap();
        assert_eq!(g.id, "5bbcc3c4-1da2-4437-a48a-66f15b1b13f9");
        assert_eq!(
            g.policies.as_deref(),
            Some(&["anti-affinity".to_string()][..])
        );
        assert_eq!(g.policy_name(), Some("anti-affinity"));
        assert_eq!(g.policy, None);
        assert_eq!(g.metadata, Some(Default::default()));
        assert_eq!(g.project_id.is_some(), mv.is_some());
    }
    Mock::given(method("POST"))
        .and(path(P))
        .and(header("x-openstack-nova-api-version", "2.64"))
        .and(body_json(sample_json(&format!(
            "{S}/v2.64/server-groups-post-req.json"
        ))))
        .respond_with(reply("v2.64/server-groups-post-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let v264 = compute.with_microversion("2.64");
    let g = server_groups::create(
        &v264,
        &CreateOpts::new("test", Policy::AntiAffinity).max_server_per_host(3),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(g.policy.as_deref(), Some("anti-affinity"));
    assert_eq!(g.rules.unwrap().max_server_per_host, Some(3));
    assert_eq!(g.policies, None);
    assert_eq!(g.metadata, None);
    assert_eq!(g.user_id.as_deref(), Some("fake"));

    // The older form given at 2.64 is converted too.
    Mock::given(method("POST"))
        .and(path(P))
        .and(header("x-openstack-nova-api-version", "2.90"))
        .and(body_json(
            json!({"server_group": {"name": "soft", "policy": "soft-affinity"}}),
        ))
        .respond_with(reply("v2.64/server-groups-post-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let old_form = CreateOpts {
        name: "soft".into(),
        policies: Some(vec![Policy::SoftAffinity]),
        ..Default::default()
    };
    server_groups::create(&compute.with_microversion("2.90"), &old_form)
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn list_get_find_delete() {
    let server = MockServer::start().await;
    let compute = compute(&server).await.with_microversion("2.64");
    Mock::given(method("GET"))
        .and(path(P))
        .and(query_param("all_projects", "True"))
        .and(query_param("limit", "10"))
        .and(query_param("offset", "5"))
        .respond_with(reply("v2.64/server-groups-list-resp.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        all_projects: true,
        limit: Some(10),
        offset: Some(5),
    };
    let all = server_groups::extract_server_groups(
        &server_groups::list(&compute, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].name, "test");
    assert_eq!(all[0].policy_name(), Some("anti-affinity"));
    assert!(all[0].members.is_empty());

    for name in [
        "server-groups-get-resp.json",
        "v2.13/server-groups-get-resp.json",
        "v2.64/server-groups-get-resp.json",
    ] {
        let id = name.replace('/', "-");
        Mock::given(method("GET"))
            .and(path(format!("{P}/{id}")))
            .respond_with(reply(name))
            .expect(1)
            .mount(&server)
            .await;
        let g = server_groups::get(&compute, &id).await.extract().unwrap();
        assert_eq!(g.policy_name(), Some("anti-affinity"), "{name}");
    }

    // find: by ID (404) then by name among the project's groups.
    Mock::given(method("GET"))
        .and(path(format!("{P}/test")))
        .respond_with(ResponseTemplate::new(404).set_body_string(
            r#"{"itemNotFound": {"code": 404, "message": "Instance group test could not be found."}}"#,
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(P))
        .and(wiremock::matchers::query_param_is_missing("all_projects"))
        .respond_with(reply("v2.64/server-groups-list-resp.json"))
        .mount(&server)
        .await;
    let g = server_groups::find(&compute, "test").await.unwrap();
    assert_eq!(g.id, "616fb98f-46ca-475e-917e-2563e5a8cd19");
    let err = server_groups::find(&compute, "other").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    Mock::given(method("DELETE"))
        .and(path(format!("{P}/616fb98f")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    server_groups::delete(&compute, "616fb98f")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn refused_before_sending() {
    let server = MockServer::start().await;
    let compute = compute(&server).await;
    let cases = [
        (
            compute.with_microversion("2.63"),
            CreateOpts::new("g", Policy::AntiAffinity).max_server_per_host(2),
            "2.64",
        ),
        (
            compute.clone(),
            CreateOpts::new("g", Policy::SoftAntiAffinity),
            "2.15",
        ),
        (
            compute.with_microversion("2.64"),
            CreateOpts::new("g", Policy::Affinity).max_server_per_host(2),
            "anti-affinity",
        ),
        (
            compute.with_microversion("2.64"),
            CreateOpts::new("g", Policy::AntiAffinity).max_server_per_host(0),
            "at least 1",
        ),
        (
            compute.with_microversion("2.64"),
            CreateOpts::new("", Policy::Affinity),
            "name",
        ),
        (
            compute.with_microversion("2.64"),
            CreateOpts {
                name: "g".into(),
                ..Default::default()
            },
            "policy",
        ),
        (
            compute.with_microversion("2.15"),
            CreateOpts {
                name: "g".into(),
                policies: Some(vec![Policy::Affinity, Policy::AntiAffinity]),
                ..Default::default()
            },
            "exactly one",
        ),
        (
            compute.with_microversion("2.64"),
            CreateOpts {
                policies: Some(vec![Policy::Affinity]),
                ..CreateOpts::new("g", Policy::Affinity)
            },
            "exclusive",
        ),
    ];
    for (client, opts, needle) in cases {
        let err = server_groups::create(&client, &opts)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(needle), "{needle}: {err}");
    }
    assert_eq!(count(&server, "POST", P).await, 0);
}
