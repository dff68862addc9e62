use crate::common::*;
use ferrocloud::openstack::identity::v3::grants::{self, Actor, InheritedTarget, Target};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3/samples/admin";
const B: &str = "/identity/v3";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn reply(sample_name: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{sample_name}")))
}

/// Mounts PUT (204), HEAD (204 for `r1`, 404 for `nope`) and DELETE (204) on
/// `{base}/roles/{role}{suffix}`, each expected once (HEAD twice).
async fn mount_grant(server: &MockServer, base: &str, suffix: &str) {
    let one = format!("{B}{base}/roles/r1{suffix}");
    for (m, times) in [("PUT", 1), ("HEAD", 1), ("DELETE", 1)] {
        Mock::given(method(m))
            .and(path(one.as_str()))
            .respond_with(ResponseTemplate::new(204))
            .expect(times)
            .mount(server)
            .await;
    }
    Mock::given(method("HEAD"))
        .and(path(format!("{B}{base}/roles/nope{suffix}")))
        .respond_with(ResponseTemplate::new(404))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn direct_grants_for_every_target_and_actor() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let cases = [
        (
            Target::Project("p1"),
            Actor::User("u1"),
            "/projects/p1/users/u1",
            "project-user-roles-list-response.json",
        ),
        (
            Target::Project("p1"),
            Actor::Group("g1"),
            "/projects/p1/groups/g1",
            "project-group-roles-list-response.json",
        ),
        (
            Target::Domain("d1"),
            Actor::User("u1"),
            "/domains/d1/users/u1",
            "domain-user-roles-list-response.json",
        ),
        (
            Target::Domain("d1"),
            Actor::Group("g1"),
            "/domains/d1/groups/g1",
            "domain-group-roles-list-response.json",
        ),
        (
            Target::System,
            Actor::User("u1"),
            "/system/users/u1",
            "list-system-roles-for-user-response.json",
        ),
        (
            Target::System,
            Actor::Group("g1"),
            "/system/groups/g1",
            "list-system-roles-for-group-response.json",
        ),
    ];
    for (target, actor, base, list_sample) in cases {
        mount_grant(&server, base, "").await;
        Mock::given(method("GET"))
            .and(path(format!("{B}{base}/roles")))
            .respond_with(reply(list_sample))
            .expect(1)
            .mount(&server)
            .await;

        let roles = grants::extract_roles(
            &grants::list(&identity, target, actor)
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(!roles.is_empty(), "{base}");
        assert!(!roles[0].id.is_empty());
        assert_eq!(roles[0].name, "admin");
        grants::assign(&identity, target, actor, "r1")
            .await
            .ok()
            .unwrap();
        assert!(grants::check(&identity, target, actor, "r1").await.unwrap());
        assert!(
            !grants::check(&identity, target, actor, "nope")
                .await
                .unwrap()
        );
        grants::unassign(&identity, target, actor, "r1")
            .await
            .ok()
            .unwrap();
    }
    server.verify().await;
}

#[tokio::test]
async fn system_grants_can_be_read_with_get() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    for base in ["/system/users/u1", "/system/groups/g1"] {
        Mock::given(method("GET"))
            .and(path(format!("{B}{base}/roles/r1")))
            .respond_with(ResponseTemplate::new(204))
            .expect(1)
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path(format!("{B}/system/users/u1/roles/nope")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    grants::get_system(&identity, Actor::User("u1"), "r1")
        .await
        .ok()
        .unwrap();
    grants::get_system(&identity, Actor::Group("g1"), "r1")
        .await
        .ok()
        .unwrap();
    let err = grants::get_system(&identity, Actor::User("u1"), "nope")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    server.verify().await;
}

#[tokio::test]
async fn inherited_grants() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let cases = [
        (
            InheritedTarget::Domain("d1"),
            Actor::User("u1"),
            "/OS-INHERIT/domains/d1/users/u1",
        ),
        (
            InheritedTarget::Domain("d1"),
            Actor::Group("g1"),
            "/OS-INHERIT/domains/d1/groups/g1",
        ),
        (
            InheritedTarget::Project("p1"),
            Actor::User("u1"),
            "/OS-INHERIT/projects/p1/users/u1",
        ),
        (
            InheritedTarget::Project("p1"),
            Actor::Group("g1"),
            "/OS-INHERIT/projects/p1/groups/g1",
        ),
    ];
    for (target, actor, base) in cases {
        mount_grant(&server, base, "/inherited_to_projects").await;
        grants::assign_inherited(&identity, target, actor, "r1")
            .await
            .ok()
            .unwrap();
        assert!(
            grants::check_inherited(&identity, target, actor, "r1")
                .await
                .unwrap()
        );
        assert!(
            !grants::check_inherited(&identity, target, actor, "nope")
                .await
                .unwrap()
        );
        grants::unassign_inherited(&identity, target, actor, "r1")
            .await
            .ok()
            .unwrap();
    }
    for (actor, base, sample_name) in [
        (
            Actor::User("u1"),
            "/OS-INHERIT/domains/d1/users/u1",
            "user-roles-domain-list-response.json",
        ),
        (
            Actor::Group("g1"),
            "/OS-INHERIT/domains/d1/groups/g1",
            "group-roles-domain-list-response.json",
        ),
    ] {
        Mock::given(method("GET"))
            .and(path(format!("{B}{base}/roles/inherited_to_projects")))
            .respond_with(reply(sample_name))
            .expect(1)
            .mount(&server)
            .await;
        let roles = grants::list_inherited(&identity, "d1", actor)
            .all_pages()
            .await
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(roles.len(), 2);
        assert_eq!(roles[0].id, "91011");
    }
    server.verify().await;
}

#[tokio::test]
async fn empty_ids_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let err = grants::assign(&identity, Target::Project(""), Actor::User("u"), "r")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("project_id"), "{err}");
    let err = grants::check(&identity, Target::System, Actor::Group("g"), "")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("role_id"), "{err}");
    let err = grants::list(&identity, Target::Domain("d"), Actor::User(""))
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|r| r.url.path().ends_with("/auth/tokens"))
    );
}
