use crate::common::*;
use ferrocloud::openstack::identity::v3::mappings::{
    self, LocalRule, MappingOpts, RemoteRule, Rule, UserType,
};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3-ext/federation/mapping/samples";
const M: &str = "/identity/v3/OS-FEDERATION/mappings";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn reply(name: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{name}")))
}

fn rules(remote: RemoteRule) -> Vec<Rule> {
    vec![Rule::new(
        vec![LocalRule::user_name("{0}"), LocalRule::group_id("0cd5e9")],
        vec![RemoteRule::new("UserName"), remote],
    )]
}

#[tokio::test]
async fn create_get_update_list_delete() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("{M}/ACME")))
        .and(body_json(sample_json(&format!("{S}/create-request.json"))))
        .respond_with(reply("create-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let opts = MappingOpts::new(rules(
        RemoteRule::new("orgPersonType").not_any_of(["Contractor", "Guest"]),
    ));
    let m = mappings::create(&identity, "ACME", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(m.id, "ACME");
    assert_eq!(m.rules, opts.rules);

    Mock::given(method("GET"))
        .and(path(format!("{M}/ACME")))
        .respond_with(reply("get-response.json", 200))
        .mount(&server)
        .await;
    let m = mappings::get(&identity, "ACME").await.extract().unwrap();
    assert_eq!(
        m.rules[0].local[1].group.as_ref().unwrap().id.as_deref(),
        Some("0cd5e9")
    );

    Mock::given(method("PATCH"))
        .and(path(format!("{M}/ACME")))
        .and(body_json(sample_json(&format!("{S}/update-request.json"))))
        .respond_with(reply("update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let opts = MappingOpts::new(rules(
        RemoteRule::new("orgPersonType").any_one_of(["Contractor", "SubContractor"]),
    ));
    let m = mappings::update(&identity, "ACME", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        m.rules[0].remote[1].any_one_of.as_deref(),
        Some(&["Contractor".to_string(), "SubContractor".to_string()][..])
    );

    Mock::given(method("GET"))
        .and(path(M))
        .respond_with(reply("list-response.json", 200))
        .mount(&server)
        .await;
    let all =
        mappings::extract_mappings(&mappings::list(&identity).all_pages().await.unwrap()).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        all[0].links.self_link.as_deref(),
        Some("http://example.com/identity/v3/OS-FEDERATION/mappings/ACME")
    );

    Mock::given(method("DELETE"))
        .and(path(format!("{M}/ACME")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    mappings::delete(&identity, "ACME").await.ok().unwrap();
    server.verify().await;
}

#[test]
fn rules_of_every_shape_round_trip() {
    let v = json!({
        "rules": [{
            "local": [
                {"user": {"name": "{0}", "email": "{1}", "type": "local", "domain": {"name": "Default"}}},
                {"groups": "{2}", "domain": {"id": "default"}},
                {"group_ids": "{3}"},
                {"group": {"name": "staff", "domain": {"name": "Default"}}},
                {"projects": [{"name": "p-{0}", "roles": [{"name": "member"}], "domain": {"id": "d1"}}]}
            ],
            "remote": [
                {"type": "REMOTE_USER"},
                {"type": "OIDC-email", "whitelist": [".*@example.com"], "regex": true},
                {"type": "OIDC-groups", "blacklist": ["guests"]},
                {"type": "OIDC-group-ids"}
            ]
        }],
        "schema_version": "2.0"
    });
    let opts: MappingOpts = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(
        opts.rules[0].local[0].user.as_ref().unwrap().kind,
        Some(UserType::Local)
    );
    assert_eq!(serde_json::to_value(&opts).unwrap(), v);
}

#[tokio::test]
async fn invalid_rules_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let err = mappings::create(&identity, "m", &MappingOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("rules"), "{err}");

    let no_remote = MappingOpts::new(vec![Rule::new(vec![LocalRule::user_name("{0}")], vec![])]);
    let err = mappings::create(&identity, "m", &no_remote)
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("rules[0].remote"), "{err}");

    let two_lists = MappingOpts::new(rules(
        RemoteRule::new("x").any_one_of(["a"]).not_any_of(["b"]),
    ));
    let err = mappings::update(&identity, "m", &two_lists)
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("rules[0].remote[1]"), "{err}");
    assert_eq!(count(&server, "PUT", &format!("{M}/m")).await, 0);
    assert_eq!(count(&server, "PATCH", &format!("{M}/m")).await, 0);
}
