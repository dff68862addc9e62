use crate::common::*;
use ferrocloud::openstack::identity::v3::role_assignments::{self, ListOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3/samples/admin";
const P: &str = "/identity/v3/role_assignments";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn reply(sample_name: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{sample_name}")))
}

#[tokio::test]
async fn plain_listing() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(P))
        .and(query_param("role.id", "123456"))
        .and(query_param_is_missing("effective"))
        .respond_with(reply("role-assignments-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        role_id: Some("123456".into()),
        ..Default::default()
    };
    let all = role_assignments::extract_role_assignments(
        &role_assignments::list(&identity, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].user.as_ref().unwrap().id, "313233");
    assert_eq!(all[0].scope.domain.as_ref().unwrap().id, "161718");
    assert!(all[0].group.is_none());
    assert_eq!(all[1].group.as_ref().unwrap().id, "101112");
    assert_eq!(all[1].scope.project.as_ref().unwrap().id, "456789");
    assert_eq!(all[1].role.id, "123456");
    assert!(all[1].role.name.is_none());
    assert!(
        all[1]
            .links
            .assignment
            .as_ref()
            .unwrap()
            .ends_with("/roles/123456")
    );
    server.verify().await;
}

#[tokio::test]
async fn every_filter_is_sent_with_its_dotted_key() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(P))
        .and(query_param("user.id", "u1"))
        .and(query_param("role.id", "r1"))
        .and(query_param("scope.domain.id", "d1"))
        .and(query_param("scope.OS-INHERIT:inherited_to", "projects"))
        .and(query_param("effective", "true"))
        .and(query_param("include_names", "true"))
        .respond_with(reply("role-assignments-list-include-subtree-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(P))
        .and(query_param("group.id", "g1"))
        .and(query_param("scope.project.id", "p1"))
        .and(query_param("include_subtree", "true"))
        .respond_with(reply("role-assignments-list-include-subtree-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(P))
        .and(query_param("scope.system", "all"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "role_assignments": [{
                "links": {"assignment": "http://k/v3/system/users/u1/roles/r1"},
                "scope": {"system": {"all": true}},
                "user": {"id": "u1"},
                "role": {"id": "r1"}
            }],
            "links": {"next": null, "self": "http://k/v3/role_assignments?scope.system=all", "previous": null}
        })))
        .expect(1)
        .mount(&server)
        .await;

    let inherited = ListOpts {
        user_id: Some("u1".into()),
        role_id: Some("r1".into()),
        domain_id: Some("d1".into()),
        inherited_to_projects: true,
        effective: true,
        include_names: true,
        ..Default::default()
    };
    let all = role_assignments::list(&identity, &inherited)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(all[0].scope.is_inherited());
    assert_eq!(all[0].scope.inherited_to.as_deref(), Some("projects"));
    assert!(!all[1].scope.is_inherited());

    let subtree = ListOpts {
        group_id: Some("g1".into()),
        project_id: Some("p1".into()),
        include_subtree: true,
        ..Default::default()
    };
    role_assignments::list(&identity, &subtree)
        .all_pages()
        .await
        .unwrap();

    let system = ListOpts {
        system: true,
        ..Default::default()
    };
    let all = role_assignments::list(&identity, &system)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(all[0].scope.is_system());
    assert!(all[0].scope.project.is_none());
    server.verify().await;
}

#[tokio::test]
async fn effective_listing_with_names() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(P))
        .and(query_param("effective", "true"))
        .and(query_param_is_missing("include_names"))
        .respond_with(reply("role-assignments-effective-list-response.json"))
        .mount(&server)
        .await;
    // The official include_names sample is not valid JSON: this is its content, fixed,
    // plus the prior-role link Keystone adds for implied roles.
    Mock::given(method("GET"))
        .and(path(P))
        .and(query_param("effective", "true"))
        .and(query_param("include_names", "true"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "role_assignments": [{
                "links": {
                    "assignment": "http://example.com/identity/v3/projects/456789/groups/101112/roles/123456",
                    "membership": "http://example.com/identity/v3/groups/101112/users/313233",
                    "prior_role": "http://example.com/identity/v3/prior_role/9/implies/123456"
                },
                "role": {"domain": {"id": "161718", "name": "Default"}, "id": "123456", "name": "admin"},
                "scope": {"project": {"domain": {"id": "161718", "name": "Default"}, "id": "456789", "name": "admin"}},
                "user": {"domain": {"id": "161718", "name": "Default"}, "id": "313233", "name": "admin"}
            }],
            "links": {"self": "http://example.com/identity/v3/role_assignments?effective&include_names=true", "previous": null, "next": null}
        })))
        .mount(&server)
        .await;
    let effective = ListOpts {
        effective: true,
        ..Default::default()
    };
    let all = role_assignments::list(&identity, &effective)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(all[1].user.as_ref().unwrap().id, "313234");
    assert!(all[1].links.membership.is_some());

    let named = ListOpts {
        effective: true,
        include_names: true,
        ..Default::default()
    };
    let all = role_assignments::list(&identity, &named)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    let a = &all[0];
    assert_eq!(a.role.name.as_deref(), Some("admin"));
    assert_eq!(
        a.role.domain.as_ref().unwrap().name.as_deref(),
        Some("Default")
    );
    let project = a.scope.project.as_ref().unwrap();
    assert_eq!(project.name.as_deref(), Some("admin"));
    assert_eq!(project.domain.as_ref().unwrap().id, "161718");
    assert_eq!(a.user.as_ref().unwrap().name.as_deref(), Some("admin"));
    assert!(a.links.prior_role.is_some());
}

#[tokio::test]
async fn contradictory_filters_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let cases = [
        (
            ListOpts {
                user_id: Some("u".into()),
                group_id: Some("g".into()),
                ..Default::default()
            },
            "group_id",
        ),
        (
            ListOpts {
                project_id: Some("p".into()),
                domain_id: Some("d".into()),
                ..Default::default()
            },
            "domain_id",
        ),
        (
            ListOpts {
                domain_id: Some("d".into()),
                system: true,
                ..Default::default()
            },
            "system",
        ),
        (
            ListOpts {
                include_subtree: true,
                ..Default::default()
            },
            "include_subtree",
        ),
        (
            ListOpts {
                role_id: Some(String::new()),
                ..Default::default()
            },
            "role_id",
        ),
    ];
    for (opts, field) in cases {
        let err = role_assignments::list(&identity, &opts)
            .all_pages()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(field), "{err}");
    }
    assert_eq!(count(&server, "GET", P).await, 0);
}
