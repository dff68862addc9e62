use crate::common::*;
use ferrocloud::openstack::identity::v3::roles::RoleRef;
use ferrocloud::openstack::identity::v3::trusts::{self, CreateOpts, ListOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3-ext/samples/OS-TRUST";
const T: &str = "/identity/v3/OS-TRUST/trusts";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn reply(sample_name: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{sample_name}")))
}

#[tokio::test]
async fn create_get_delete() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path(T))
        .and(body_json(sample_json(&format!(
            "{S}/trust-create-request.json"
        ))))
        .respond_with(reply("trust-create-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = CreateOpts::new("a0fdfd", "86c0d5");
    opts.impersonation = true;
    opts.allow_redelegation = Some(true);
    opts.project_id = Some("ddef321".into());
    opts.roles = Some(vec![RoleRef::name("member")]);
    opts.expires_at = Some(ferrocloud::dates::parse("2013-02-27T18:30:59.999999Z").unwrap());
    let t = trusts::create(&identity, &opts).await.extract().unwrap();
    assert_eq!(t.id, "1ff900");
    assert!(t.impersonation);
    assert_eq!(t.redelegation_count, Some(10));
    assert!(t.remaining_uses.is_none());
    assert_eq!(t.roles[0].name, "member");
    assert!(
        t.roles_links
            .unwrap()
            .self_link
            .unwrap()
            .ends_with("/roles")
    );
    assert_eq!(t.trustor_user_id, "a0fdfd");

    Mock::given(method("GET"))
        .and(path(format!("{T}/987fe8")))
        .respond_with(reply("trust-get-response.json", 200))
        .mount(&server)
        .await;
    let t = trusts::get(&identity, "987fe8").await.extract().unwrap();
    assert_eq!(t.project_id.as_deref(), Some("0f1233"));
    assert_eq!(
        t.expires_at.unwrap(),
        ferrocloud::dates::parse("2013-02-27T18:30:59.999999Z").unwrap()
    );

    Mock::given(method("DELETE"))
        .and(path(format!("{T}/987fe8")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    trusts::delete(&identity, "987fe8").await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn list_and_roles() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(T))
        .and(query_param("trustee_user_id", "86c0d5"))
        .respond_with(reply("trust-list-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        trustee_user_id: Some("86c0d5".into()),
        ..Default::default()
    };
    let all =
        trusts::extract_trusts(&trusts::list(&identity, &opts).all_pages().await.unwrap()).unwrap();
    assert_eq!(all.len(), 2);
    assert!(all[1].expires_at.is_none());
    assert!(!all[1].impersonation);
    assert!(all[0].roles.is_empty());

    Mock::given(method("GET"))
        .and(path(format!("{T}/1ff900/roles")))
        .respond_with(reply("trust-list-roles-delegated-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{T}/1ff900/roles/c1648e")))
        .respond_with(reply("trust-get-role-delegated-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("HEAD"))
        .and(path(format!("{T}/1ff900/roles/c1648e")))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    Mock::given(method("HEAD"))
        .and(path(format!("{T}/1ff900/roles/nope")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let roles = trusts::list_roles(&identity, "1ff900")
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    let names: Vec<&str> = roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["manager", "member"]);
    assert_eq!(
        trusts::get_role(&identity, "1ff900", "c1648e")
            .await
            .extract()
            .unwrap()
            .name,
        "manager"
    );
    assert!(
        trusts::has_role(&identity, "1ff900", "c1648e")
            .await
            .unwrap()
    );
    assert!(!trusts::has_role(&identity, "1ff900", "nope").await.unwrap());
}

#[tokio::test]
async fn invalid_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let mut cases = vec![
        (CreateOpts::new("", "b"), "trustor_user_id"),
        (CreateOpts::new("a", ""), "trustee_user_id"),
    ];
    let mut o = CreateOpts::new("a", "b");
    o.remaining_uses = Some(0);
    cases.push((o, "remaining_uses"));
    let mut o = CreateOpts::new("a", "b");
    o.roles = Some(vec![RoleRef::id("r"), RoleRef::default()]);
    cases.push((o, "roles[1]"));
    for (opts, field) in cases {
        let err = trusts::create(&identity, &opts).await.ok().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains(field), "{err}");
    }
    assert_eq!(count(&server, "POST", T).await, 0);
}
