use crate::common::*;
use ferrocloud::openstack::identity::v3::revoke::{self, ListEventsOpts};
use ferrocloud::{EndpointOpts, ErrorKind, ServiceClient, openstack};
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3-ext/samples/OS-REVOKE";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

#[tokio::test]
async fn list_events_since() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/OS-REVOKE/events"))
        .and(query_param("since", "2014-02-27T00:00:00Z"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample(&format!("{S}/list-revoke-response.json"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListEventsOpts {
        since: Some(ferrocloud::dates::parse("2014-02-27T00:00:00Z").unwrap()),
    };
    let events = revoke::extract_events(
        &revoke::list_events(&identity, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(events.len(), 4);
    assert_eq!(events[0].user_id.as_deref(), Some("f287de"));
    assert_eq!(
        events[0].issued_before.unwrap().to_rfc3339(),
        "2014-02-27T18:30:59.999999+00:00"
    );
    assert_eq!(
        events[1].audit_id.as_deref(),
        Some("VcxU2JYqT8OzfUVvrjEITQ")
    );
    assert_eq!(events[2].project_id.as_deref(), Some("976bf9"));
    // The sample's last date is malformed ("2014-02-2805:15:59.999999Z"): it reads as none.
    assert_eq!(events[3].issued_before, None);
    assert_eq!(events[3].domain_id.as_deref(), Some("be2c70"));
    server.verify().await;
}

#[tokio::test]
async fn extension_fields_of_events() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/OS-REVOKE/events"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "events": [{
                "OS-TRUST:trust_id": "t1",
                "OS-OAUTH1:consumer_id": "c1",
                "OS-OAUTH1:access_token_id": "a1",
                "expires_at": "2030-01-01T00:00:00Z",
                "issued_before": "2029-01-01T00:00:00.000000Z",
                "revoked_at": "2029-01-01T00:00:00.000000Z",
                "role_id": "r1",
                "domain_scope_id": "d1"
            }],
            "links": {"next": null, "self": "http://k/v3/OS-REVOKE/events", "previous": null}
        })))
        .mount(&server)
        .await;
    let e = &revoke::extract_events(
        &revoke::list_events(&identity, &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap()[0];
    assert_eq!(e.trust_id.as_deref(), Some("t1"));
    assert_eq!(e.consumer_id.as_deref(), Some("c1"));
    assert_eq!(e.access_token_id.as_deref(), Some("a1"));
    assert_eq!(e.role_id.as_deref(), Some("r1"));
    assert_eq!(e.domain_scope_id.as_deref(), Some("d1"));
    assert!(e.expires_at.is_some() && e.revoked_at.is_some());
}

#[tokio::test]
async fn revoked_pki_tokens() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    Mock::given(method("GET"))
        .and(path("/identity/v3/auth/tokens/OS-PKI/revoked"))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({
            "error": {"code": 403, "message": "You are not authorized to perform the requested action.", "title": "Forbidden"}
        })))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    let err = revoke::list_revoked_tokens(&identity)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);

    Mock::given(method("GET"))
        .and(path("/identity/v3/auth/tokens/OS-PKI/revoked"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"signed": "-----BEGIN CMS-----\nMIIB\n-----END CMS-----\n"})),
        )
        .mount(&server)
        .await;
    let r = revoke::list_revoked_tokens(&identity)
        .await
        .extract()
        .unwrap();
    assert!(r.signed.starts_with("-----BEGIN CMS-----"));
}
