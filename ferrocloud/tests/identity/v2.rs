//! Identity v2.0 (legacy): EC2 credentials with the official samples; tokens, tenants,
//! users, roles and extensions with bodies shaped as the (retired) v2.0 reference wrote
//! them.

use crate::common::*;
use ferrocloud::openstack::identity::v2::{ec2, extensions, roles, tenants, tokens, users};
use ferrocloud::{EndpointOpts, ErrorKind, ExposeSecret, SecretString, ServiceClient, openstack};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const EC2: &str = "identity/api-ref/source/v2-ext/samples/OS-KSEC2";
const V2: &str = "/identity/v2.0";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v2(&p, EndpointOpts::default()).unwrap()
}

fn ok(v: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(v)
}

fn access_body() -> Value {
    json!({"access": {
        "token": {
            "id": "ab48a9efdfedb23ty3494",
            "expires": "2010-11-01T03:32:15-05:00",
            "issued_at": "2010-11-01T02:32:15-05:00",
            "audit_ids": ["VcxU2JYqT8OzfUVvrjEITQ"],
            "tenant": {"id": "345", "name": "My Project", "enabled": true}
        },
        "user": {
            "id": "123", "name": "jqsmith", "username": "jqsmith",
            "roles": [{"id": "234", "name": "compute:admin"}, {"name": "object-store:admin", "tenantId": "1"}],
            "roles_links": []
        },
        "serviceCatalog": [{
            "name": "nova", "type": "compute", "endpoints_links": [],
            "endpoints": [{"id": "e1", "region": "RegionOne",
                "publicURL": "https://nova.example.com/v2.1", "internalURL": "http://nova.internal/v2.1",
                "adminURL": "http://nova.admin/v2.1"}]
        }],
        "metadata": {"is_admin": 0, "roles": ["234"]}
    }})
}

// ---------------------------------------------------------------- EC2 (in the reference)

#[tokio::test]
async fn ec2_tokens() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    // The sample also sends the secret key, which Keystone does not need: the SDK leaves
    // it out.
    let mut expected = sample_json(&format!("{EC2}/authenticate-request.json"));
    expected["credentials"]
        .as_object_mut()
        .unwrap()
        .remove("secret");
    Mock::given(method("POST"))
        .and(path(format!("{V2}/ec2tokens")))
        .and(body_json(expected))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{EC2}/authenticate-response.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let mut s = ec2::Ec2Signature::new(
        "8cff51dc66594df4a2ae121f796df36c",
        "Fra2UBKKtqy3GQ0mj+JqzR8GTGsbWQW+yN5Nih9ThfI=",
    );
    s.host = "localhost".into();
    s.path = "/".into();
    s.verb = "GET".into();
    for (k, v) in [
        ("Action", "Test"),
        ("SignatureMethod", "HmacSHA256"),
        ("SignatureVersion", "2"),
        ("Timestamp", "2007-01-31T23:59:59Z"),
    ] {
        s.params.insert(k.into(), v.into());
    }
    let access = ec2::authenticate(&identity, &s).await.extract().unwrap();
    assert!(access.token.id.expose_secret().starts_with("gAAAAABadMZf"));
    assert!(!format!("{access:?}").contains("gAAAAABadMZf"));
    assert_eq!(access.token.tenant.as_ref().unwrap().name, "BAR");
    assert_eq!(access.user.roles[0].name, "_member_");
    assert_eq!(access.metadata.unwrap().roles.len(), 1);

    let err = ec2::authenticate(&identity, &ec2::Ec2Signature::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("access"), "{err}");
    server.verify().await;
}

#[tokio::test]
async fn ec2_credentials() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let base = format!("{V2}/users/u1/credentials/OS-EC2");
    let cred = json!({"user_id": "u1", "tenant_id": "t1", "access": "ak1", "secret": "sk1", "trust_id": null});
    Mock::given(method("POST"))
        .and(path(&base))
        .and(body_json(json!({"tenant_id": "t1"})))
        .respond_with(ok(json!({ "credential": cred })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&base))
        .respond_with(ok(json!({ "credentials": [cred] })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{base}/ak1")))
        .respond_with(ok(json!({ "credential": cred })))
        .mount(&server)
        .await;
    // The reference's own sample shape.
    Mock::given(method("GET"))
        .and(path(format!("{base}/sample")))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{EC2}/ec2Credentials-show-response.json"))),
        )
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("{base}/ak1")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let c = ec2::create(&identity, "u1", &ec2::CreateOpts::new("t1"))
        .await
        .unwrap();
    assert_eq!(c.access.as_deref(), Some("ak1"));
    assert_eq!(c.secret.as_ref().unwrap().expose_secret(), "sk1");
    assert!(!format!("{c:?}").contains("sk1"));
    let all =
        ec2::extract_credentials(&ec2::list(&identity, "u1").all_pages().await.unwrap()).unwrap();
    assert_eq!(all[0].tenant_id.as_deref(), Some("t1"));
    let c = ec2::get(&identity, "u1", "ak1").await.unwrap();
    assert_eq!(c.user_id.as_deref(), Some("u1"));
    let c = ec2::get(&identity, "u1", "sample").await.unwrap();
    assert_eq!(c.secret.unwrap().expose_secret(), "secretsecret");
    ec2::delete(&identity, "u1", "ak1").await.ok().unwrap();

    let err = ec2::create(&identity, "u1", &ec2::CreateOpts::default())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("tenant_id"), "{err}");
    assert_eq!(count(&server, "POST", &base).await, 1);
    server.verify().await;
}

#[tokio::test]
async fn ec2_reference_list_sample_parses() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/users/u1/credentials/OS-EC2")))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(&format!(
            "{EC2}/credentialswithec2-list-response.json"
        ))))
        .mount(&server)
        .await;
    let all =
        ec2::extract_credentials(&ec2::list(&identity, "u1").all_pages().await.unwrap()).unwrap();
    assert_eq!(all.len(), 2);
}

// ---------------------------------------------------------------- tokens (legacy)

#[tokio::test]
async fn tokens_issue_validate_check_revoke() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path(format!("{V2}/tokens")))
        .and(body_json(json!({"auth": {
            "passwordCredentials": {"username": "jqsmith", "password": "s3cret"},
            "tenantName": "My Project"
        }})))
        .respond_with(ok(access_body()))
        .expect(1)
        .mount(&server)
        .await;
    let req = tokens::AuthRequest::password("jqsmith", "s3cret").tenant_name("My Project");
    assert!(!format!("{req:?}").contains("s3cret"));
    let access = tokens::create(&identity, &req).await.extract().unwrap();
    assert_eq!(access.token.id.expose_secret(), "ab48a9efdfedb23ty3494");
    assert_eq!(
        access.service_catalog[0].endpoints[0].public_url.as_deref(),
        Some("https://nova.example.com/v2.1")
    );
    assert_eq!(access.user.roles[1].tenant_id.as_deref(), Some("1"));
    assert!(access.token.expires.is_some());

    let tok = SecretString::from("ab48a9efdfedb23ty3494".to_string());
    Mock::given(method("GET"))
        .and(path(format!("{V2}/tokens/ab48a9efdfedb23ty3494")))
        .and(query_param("belongsTo", "345"))
        .respond_with(ok(access_body()))
        .expect(1)
        .mount(&server)
        .await;
    let v = tokens::validate(&identity, &tok, Some("345"))
        .await
        .unwrap();
    assert_eq!(v.user.name, "jqsmith");

    Mock::given(method("HEAD"))
        .and(path(format!("{V2}/tokens/ab48a9efdfedb23ty3494")))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("HEAD"))
        .and(path(format!("{V2}/tokens/gone")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    assert!(tokens::check(&identity, &tok, None).await.unwrap());
    let gone = SecretString::from("gone".to_string());
    assert!(!tokens::check(&identity, &gone, None).await.unwrap());

    Mock::given(method("GET"))
        .and(path(format!("{V2}/tokens/ab48a9efdfedb23ty3494/endpoints")))
        .respond_with(ok(json!({"endpoints_links": [], "endpoints": [{
            "name": "nova", "type": "compute", "id": "11b41ee1", "region": "RegionOne",
            "publicURL": "https://nova.region-one.public.com/v2/be13",
            "internalURL": "https://nova.region-one.internal.com/v2/be13",
            "adminURL": "https://nova.region-one.internal.com/v2/be13"
        }]})))
        .mount(&server)
        .await;
    let eps = tokens::list_endpoints(&identity, &tok).await.unwrap();
    assert_eq!(eps[0].service_type, "compute");

    Mock::given(method("DELETE"))
        .and(path(format!("{V2}/tokens/ab48a9efdfedb23ty3494")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    tokens::delete(&identity, &tok).await.unwrap();
    server.verify().await;
}

#[tokio::test]
async fn token_errors_do_not_show_the_token() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/tokens/secret-token-value")))
        .respond_with(ResponseTemplate::new(404).set_body_json(
            json!({"error": {"code": 404, "message": "Could not find token", "title": "Not Found"}}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/tokens/secret-token-value/endpoints")))
        .respond_with(ResponseTemplate::new(200).set_body_string("not json"))
        .mount(&server)
        .await;
    let tok = SecretString::from("secret-token-value".to_string());
    let err = tokens::validate(&identity, &tok, None).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(!err.to_string().contains("secret-token-value"), "{err}");
    assert!(!format!("{err:?}").contains("secret-token-value"));
    assert!(err.url().unwrap().contains("%7Btoken_id%7D"), "{err}");
    let err = tokens::list_endpoints(&identity, &tok).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(!err.to_string().contains("secret-token-value"), "{err}");

    let err = tokens::create(&identity, &tokens::AuthRequest::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("passwordCredentials"), "{err}");
    let both = tokens::AuthRequest::token("t")
        .tenant_id("a")
        .tenant_name("b");
    let err = tokens::create(&identity, &both).await.ok().unwrap_err();
    assert!(err.to_string().contains("tenantName"), "{err}");
}

// ---------------------------------------------------------------- tenants (legacy)

fn tenant(id: &str, name: &str) -> Value {
    json!({"id": id, "name": name, "description": "A description ...", "enabled": true})
}

#[tokio::test]
async fn tenants_crud_and_find() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/tenants")))
        .and(query_param("name", "ACME corp"))
        .respond_with(ok(json!({"tenant": tenant("1234", "ACME corp")})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/tenants")))
        .and(query_param("limit", "2"))
        .respond_with(ok(json!({
            "tenants": [tenant("1234", "ACME Corp"), tenant("3456", "Iron Works")],
            "tenants_links": []
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/tenants/1234")))
        .respond_with(ok(json!({"tenant": tenant("1234", "ACME corp")})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/tenants/ACME corp")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{V2}/tenants")))
        .and(body_json(json!({"tenant": {
            "name": "ACME corp", "description": "A description ...", "enabled": true
        }})))
        .respond_with(ok(json!({"tenant": tenant("1234", "ACME corp")})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{V2}/tenants/1234")))
        .and(body_json(json!({"tenant": {"enabled": false}})))
        .respond_with(ok(
            json!({"tenant": {"id": "1234", "name": "ACME corp", "enabled": false}}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("{V2}/tenants/1234")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/tenants/1234/users")))
        .respond_with(ok(json!({"users": [
            {"id": "3c9530e", "name": "admin", "email": "admin@example.org", "username": "admin", "enabled": true}
        ]})))
        .mount(&server)
        .await;

    let opts = tenants::ListOpts {
        limit: Some(2),
        ..Default::default()
    };
    let all = tenants::extract_tenants(&tenants::list(&identity, &opts).all_pages().await.unwrap())
        .unwrap();
    assert_eq!(all[1].name, "Iron Works");
    assert_eq!(
        tenants::get(&identity, "1234")
            .await
            .extract()
            .unwrap()
            .name,
        "ACME corp"
    );
    assert_eq!(
        tenants::find(&identity, "ACME corp").await.unwrap().id,
        "1234"
    );
    let mut c = tenants::CreateOpts::new("ACME corp").description("A description ...");
    c.enabled = Some(true);
    tenants::create(&identity, &c).await.ok().unwrap();
    let off = tenants::UpdateOpts {
        enabled: Some(false),
        ..Default::default()
    };
    assert!(
        !tenants::update(&identity, "1234", &off)
            .await
            .extract()
            .unwrap()
            .enabled
    );
    let members = tenants::list_users(&identity, "1234")
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(members[0].username.as_deref(), Some("admin"));
    tenants::delete(&identity, "1234").await.ok().unwrap();

    let err = tenants::create(&identity, &tenants::CreateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("name"), "{err}");
    let err = tenants::update(&identity, "1234", &tenants::UpdateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    server.verify().await;
}

// ---------------------------------------------------------------- users (legacy)

#[tokio::test]
async fn users_crud_find_and_roles() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let user = json!({"id": "71767c61", "name": "new-user", "username": "new-user", "enabled": true,
                      "email": "new-user@example.com", "tenantId": "40429f98"});
    Mock::given(method("POST"))
        .and(path(format!("{V2}/users")))
        .and(body_json(json!({"user": {
            "name": "new-user", "password": "pw", "email": "new-user@example.com",
            "enabled": true, "tenantId": "40429f98"
        }})))
        .respond_with(ok(json!({ "user": user })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/users")))
        .and(query_param("name", "new-user"))
        .respond_with(ok(json!({ "user": user })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/users")))
        .respond_with(ok(
            json!({ "users": [user, {"id": "2", "name": "nova", "enabled": true, "email": null}] }),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/users/71767c61")))
        .respond_with(ok(json!({ "user": user })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/users/new-user")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("{V2}/users/71767c61")))
        .and(body_json(json!({"user": {"email": "updated@example.org", "tenantId": "1ca8e0"}})))
        .respond_with(ok(json!({"user": {"id": "71767c61", "name": "new-user", "email": "updated@example.org", "tenantId": "1ca8e0", "enabled": true}})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("{V2}/users/71767c61")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/tenants/40429f98/users/71767c61/roles")))
        .respond_with(ok(json!({"roles": [{"id": "123", "name": "compute:admin", "description": "Nova Administrator"}], "roles_links": []})))
        .mount(&server)
        .await;

    let mut c = users::CreateOpts::new("new-user");
    c.password = Some(SecretString::from("pw".to_string()));
    c.email = Some("new-user@example.com".into());
    c.enabled = Some(true);
    c.tenant_id = Some("40429f98".into());
    assert!(!format!("{c:?}").contains("\"pw\""));
    let u = users::create(&identity, &c).await.extract().unwrap();
    assert_eq!(u.tenant_id.as_deref(), Some("40429f98"));
    let all = users::extract_users(&users::list(&identity).all_pages().await.unwrap()).unwrap();
    assert_eq!(all[1].email, None);
    assert_eq!(
        users::get(&identity, "71767c61")
            .await
            .extract()
            .unwrap()
            .name,
        "new-user"
    );
    assert_eq!(
        users::find(&identity, "new-user").await.unwrap().id,
        "71767c61"
    );
    let upd = users::UpdateOpts {
        email: Some("updated@example.org".into()),
        tenant_id: Some("1ca8e0".into()),
        ..Default::default()
    };
    assert_eq!(
        users::update(&identity, "71767c61", &upd)
            .await
            .extract()
            .unwrap()
            .email
            .as_deref(),
        Some("updated@example.org")
    );
    let roles = users::extract_roles(
        &users::list_roles_on_tenant(&identity, "40429f98", "71767c61")
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(roles[0].description.as_deref(), Some("Nova Administrator"));
    users::delete(&identity, "71767c61").await.ok().unwrap();

    let err = users::update(&identity, "x", &users::UpdateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    server.verify().await;
}

// ---------------------------------------------------------------- roles (legacy)

#[tokio::test]
async fn roles_crud_grant_revoke() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let role = json!({"id": "123", "name": "Guest", "description": "Guest Access"});
    Mock::given(method("POST"))
        .and(path(format!("{V2}/OS-KSADM/roles")))
        .and(body_json(
            json!({"role": {"name": "Guest", "description": "Guest Access"}}),
        ))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({ "role": role })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/OS-KSADM/roles")))
        .respond_with(ok(
            json!({"roles": [role, {"id": "9", "name": "admin"}], "roles_links": []}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/OS-KSADM/roles/123")))
        .respond_with(ok(json!({ "role": role })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/OS-KSADM/roles/Guest")))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("{V2}/OS-KSADM/roles/123")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let grant = format!("{V2}/tenants/t1/users/u1/roles/OS-KSADM/123");
    Mock::given(method("PUT"))
        .and(path(&grant))
        .respond_with(ok(json!({ "role": role })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(&grant))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    let mut c = roles::CreateOpts::new("Guest");
    c.description = Some("Guest Access".into());
    let r = roles::create(&identity, &c).await.extract().unwrap();
    assert_eq!(r.id, "123");
    let all = roles::extract_roles(&roles::list(&identity).all_pages().await.unwrap()).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(
        roles::get(&identity, "123").await.extract().unwrap().name,
        "Guest"
    );
    assert_eq!(roles::find(&identity, "Guest").await.unwrap().id, "123");
    assert_eq!(
        roles::grant(&identity, "t1", "u1", "123")
            .await
            .extract()
            .unwrap()
            .name,
        "Guest"
    );
    roles::revoke(&identity, "t1", "u1", "123")
        .await
        .ok()
        .unwrap();
    roles::delete(&identity, "123").await.ok().unwrap();
    let err = roles::create(&identity, &roles::CreateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("name"), "{err}");
    server.verify().await;
}

// ---------------------------------------------------------------- extensions (legacy)

#[tokio::test]
async fn extensions_list_and_show() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    let ext = json!({
        "updated": "2013-07-07T12:00:0-00:00",
        "name": "OpenStack OAUTH1 API",
        "links": [{"href": "https://github.com/openstack/identity-api", "type": "text/html", "rel": "describedby"}],
        "namespace": "https://docs.openstack.org/identity/api/ext/OS-OAUTH1/v1.0",
        "alias": "OS-OAUTH1",
        "description": "OpenStack OAuth 1.0a Delegated Auth Mechanism."
    });
    Mock::given(method("GET"))
        .and(path(format!("{V2}/extensions")))
        .respond_with(ok(json!({"extensions": {"values": [ext]}})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{V2}/extensions/OS-OAUTH1")))
        .respond_with(ok(json!({ "extension": ext })))
        .mount(&server)
        .await;
    let all = extensions::list(&identity).await.extract().unwrap().values;
    assert_eq!(all[0].alias, "OS-OAUTH1");
    let e = extensions::get(&identity, "OS-OAUTH1")
        .await
        .extract()
        .unwrap();
    assert_eq!(e.updated.as_deref(), Some("2013-07-07T12:00:0-00:00"));
    assert_eq!(e.links[0].rel, "describedby");
}
