use std::collections::BTreeMap;

use crate::common::*;
use ferrocloud::openstack::identity::v3::domain_configs::{self, ConfigOption, DomainConfig};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3/samples/admin";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

fn reply(sample_name: &str, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(sample(&format!("{S}/{sample_name}")))
}

#[tokio::test]
async fn whole_configuration() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let base = "/identity/v3/domains/d1/config";
    Mock::given(method("PUT"))
        .and(path(base))
        .and(body_json(sample_json(&format!(
            "{S}/domain-config-create-request.json"
        ))))
        .respond_with(reply("domain-config-create-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(base))
        .respond_with(reply("domain-config-show-response.json", 200))
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path(base))
        .and(body_json(sample_json(&format!(
            "{S}/domain-config-update-request.json"
        ))))
        .respond_with(reply("domain-config-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(base))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let config = DomainConfig::new()
        .option("identity", "driver", "ldap")
        .option("ldap", "url", "ldap://myldap.com:389/")
        .option("ldap", "user_tree_dn", "ou=Users,dc=my_new_root,dc=org");
    let c = domain_configs::create(&identity, "d1", &config)
        .await
        .extract()
        .unwrap();
    assert_eq!(c, config);
    let c = domain_configs::get(&identity, "d1")
        .await
        .extract()
        .unwrap();
    assert_eq!(c.get("ldap", "url").unwrap(), "http://myldap/root");

    let update = DomainConfig::new()
        .option("ldap", "url", "http://myldap/my_new_root")
        .option("ldap", "user_tree_dn", "ou=Users,dc=my_new_root,dc=org");
    let c = domain_configs::update(&identity, "d1", &update)
        .await
        .extract()
        .unwrap();
    assert_eq!(c.get("identity", "driver").unwrap(), "ldap");
    assert_eq!(c.get("ldap", "url").unwrap(), "http://myldap/my_new_root");
    domain_configs::delete(&identity, "d1").await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn one_group() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let p = "/identity/v3/domains/d1/config/ldap";
    // Keystone wraps the group in `config`; the API reference shows it bare. Both read.
    Mock::given(method("GET"))
        .and(path(p))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"config": {"ldap": {
            "url": "http://myldap/root", "user_tree_dn": "ou=Users,dc=root,dc=org"}}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let g = domain_configs::get_group(&identity, "d1", "ldap")
        .await
        .extract()
        .unwrap();
    let bare: DomainConfig = serde_json::from_str(&sample(&format!(
        "{S}/domain-config-group-show-response.json"
    )))
    .unwrap();
    assert_eq!(g, bare);

    Mock::given(method("PATCH"))
        .and(path(p))
        .and(body_json(sample_json(&format!(
            "{S}/domain-config-group-update-request.json"
        ))))
        .respond_with(reply("domain-config-group-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let options = BTreeMap::from([
        ("url".to_string(), json!("http://myldap/my_new_root")),
        (
            "user_tree_dn".to_string(),
            json!("ou=Users,dc=my_new_root,dc=org"),
        ),
    ]);
    let c = domain_configs::update_group(&identity, "d1", "ldap", &options)
        .await
        .extract()
        .unwrap();
    assert_eq!(c.groups.len(), 2);

    Mock::given(method("DELETE"))
        .and(path(p))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    domain_configs::delete_group(&identity, "d1", "ldap")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn one_option() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let p = "/identity/v3/domains/d1/config/ldap/url";
    Mock::given(method("GET"))
        .and(path(p))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"config": {"url": "http://myldap/root"}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let o = domain_configs::get_option(&identity, "d1", "ldap", "url")
        .await
        .extract()
        .unwrap();
    assert_eq!(o.value().unwrap(), "http://myldap/root");
    let bare: ConfigOption = serde_json::from_str(&sample(&format!(
        "{S}/domain-config-group-option-show-response.json"
    )))
    .unwrap();
    assert_eq!(o, bare);

    // Keystone reads the new value under `config` (the reference's sample shows it bare
    // and Keystone refuses that form).
    let mut want = serde_json::Map::new();
    want.insert(
        "config".into(),
        sample_json(&format!(
            "{S}/domain-config-group-option-update-request.json"
        )),
    );
    Mock::given(method("PATCH"))
        .and(path(p))
        .and(body_json(serde_json::Value::Object(want)))
        .respond_with(reply(
            "domain-config-group-option-update-response.json",
            200,
        ))
        .expect(1)
        .mount(&server)
        .await;
    let c = domain_configs::update_option(
        &identity,
        "d1",
        "ldap",
        "url",
        json!("http://myldap/my_other_root"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(c.get("ldap", "url").unwrap(), "http://myldap/my_other_root");

    Mock::given(method("DELETE"))
        .and(path(p))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    domain_configs::delete_option(&identity, "d1", "ldap", "url")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn defaults() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/domains/config/default"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"config": {
            "identity": {"driver": "sql", "list_limit": null},
            "ldap": {"url": "ldap://localhost", "suffix": "cn=example,cn=com", "page_size": 0}}})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/domains/config/ldap/default"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"config": {
            "ldap": {"url": "ldap://localhost", "suffix": "cn=example,cn=com"}}})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/domains/config/identity/driver/default"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"config": {"driver": "sql"}})),
        )
        .mount(&server)
        .await;
    let d = domain_configs::get_default(&identity)
        .await
        .extract()
        .unwrap();
    assert_eq!(d.get("identity", "driver").unwrap(), "sql");
    assert_eq!(d.get("ldap", "page_size").unwrap(), 0);
    let g = domain_configs::get_group_default(&identity, "ldap")
        .await
        .extract()
        .unwrap();
    assert_eq!(g.get("ldap", "url").unwrap(), "ldap://localhost");
    let o = domain_configs::get_option_default(&identity, "identity", "driver")
        .await
        .extract()
        .unwrap();
    assert_eq!(o.value().unwrap(), "sql");
    // The reference's sample of an option default is bare.
    let bare: ConfigOption = serde_json::from_str(&sample(&format!(
        "{S}/domain-config-group-option-default-response.json"
    )))
    .unwrap();
    assert_eq!(bare.value().unwrap(), "ldap");
}

#[tokio::test]
async fn empty_configurations_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let err = domain_configs::create(&identity, "d1", &DomainConfig::new())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("config"), "{err}");
    let empty_group = DomainConfig {
        groups: BTreeMap::from([("ldap".to_string(), BTreeMap::new())]),
    };
    let err = domain_configs::update(&identity, "d1", &empty_group)
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("config.ldap"), "{err}");
    let err = domain_configs::update_group(&identity, "d1", "ldap", &BTreeMap::new())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = domain_configs::update_option(&identity, "d1", "ldap", "", json!("x"))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|r| !r.url.path().contains("/config"))
    );
}
