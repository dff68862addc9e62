use crate::common::*;
use ferrocloud::openstack::identity::v3::credentials::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ExposeSecret, ServiceClient, openstack};
use wiremock::matchers::{body_json, method, path, query_param};
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
async fn crud_and_list() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("POST"))
        .and(path("/identity/v3/credentials"))
        .and(body_json(sample_json(&format!(
            "{S}/credential-create-request.json"
        ))))
        .respond_with(reply("credential-create-response.json", 201))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::new(
        "ec2",
        "bb5476fd12884539b41d5a88f838d773",
        r#"{"access":"181920","secret":"secretKey"}"#,
    );
    let opts = CreateOpts {
        project_id: Some("731fc6f265cd486d900f16e84c5cb594".into()),
        ..opts
    };
    assert!(!format!("{opts:?}").contains("secretKey"));
    let c = credentials::create(&identity, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(c.credential_type, "ec2");
    assert_eq!(
        c.blob.expose_secret(),
        r#"{"access":"181920","secret":"secretKey"}"#
    );
    assert!(!format!("{c:?}").contains("secretKey"));

    Mock::given(method("GET"))
        .and(path("/identity/v3/credentials/207e9b"))
        .respond_with(reply("credential-show-response.json", 200))
        .mount(&server)
        .await;
    let c = credentials::get(&identity, "207e9b")
        .await
        .extract()
        .unwrap();
    assert_eq!(
        c.project_id.as_deref(),
        Some("6e01855f345f4c59812999b5e459137d")
    );

    Mock::given(method("PATCH"))
        .and(path("/identity/v3/credentials/207e9b"))
        .and(body_json(sample_json(&format!(
            "{S}/credential-update-request.json"
        ))))
        .respond_with(reply("credential-update-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let upd = UpdateOpts {
        credential_type: Some("ec2".into()),
        user_id: Some("bb5476fd12884539b41d5a88f838d773".into()),
        project_id: Some("731fc6f265cd486d900f16e84c5cb594".into()),
        blob: Some(r#"{"access":"181920","secret":"secretKey"}"#.into()),
    };
    assert!(!format!("{upd:?}").contains("secretKey"));
    credentials::update(&identity, "207e9b", &upd)
        .await
        .extract()
        .unwrap();

    Mock::given(method("GET"))
        .and(path("/identity/v3/credentials"))
        .and(query_param("user_id", "bb5476fd12884539b41d5a88f838d773"))
        .and(query_param("type", "ec2"))
        .respond_with(reply("credentials-list-response.json", 200))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        user_id: Some("bb5476fd12884539b41d5a88f838d773".into()),
        credential_type: Some("ec2".into()),
    };
    let all = credentials::extract_credentials(
        &credentials::list(&identity, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 10);

    Mock::given(method("DELETE"))
        .and(path("/identity/v3/credentials/207e9b"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    credentials::delete(&identity, "207e9b").await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn invalid_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    // An EC2 credential needs a project.
    let err = credentials::create(&identity, &CreateOpts::new("ec2", "u1", "{}"))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("project_id"), "{err}");
    let err = credentials::create(&identity, &CreateOpts::totp("u1", ""))
        .await
        .ok()
        .unwrap_err();
    assert!(err.to_string().contains("blob"), "{err}");
    let err = credentials::update(
        &identity,
        "c",
        &UpdateOpts {
            user_id: Some(String::new()),
            ..Default::default()
        },
    )
    .await
    .ok()
    .unwrap_err();
    assert!(err.to_string().contains("user_id"), "{err}");
    assert_eq!(count(&server, "POST", "/identity/v3/credentials").await, 0);
}
