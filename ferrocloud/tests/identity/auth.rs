use crate::common::*;
use ferrocloud::openstack::identity::v3::auth;
use ferrocloud::pagination::collect;
use ferrocloud::{EndpointOpts, ServiceClient, openstack};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "identity/api-ref/source/v3/samples/admin";

async fn identity(server: &MockServer) -> ServiceClient {
    let p = provider(server).await;
    openstack::new_identity_v3(&p, EndpointOpts::default()).unwrap()
}

async fn answer(server: &MockServer, p: &str, sample_name: &str) {
    Mock::given(method("GET"))
        .and(path(format!("/identity/v3{p}")))
        .and(header("x-auth-token", "tok-1"))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(sample(&format!("{S}/{sample_name}"))),
        )
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn catalog_and_scopes_of_the_token() {
    let server = MockServer::start().await;
    let identity = identity(&server).await;
    answer(
        &server,
        "/auth/catalog",
        "get-service-catalog-response.json",
    )
    .await;
    answer(
        &server,
        "/auth/projects",
        "get-available-project-scopes-response.json",
    )
    .await;
    answer(
        &server,
        "/auth/domains",
        "get-available-domain-scopes-response.json",
    )
    .await;
    answer(
        &server,
        "/auth/system",
        "get-available-system-scopes-response.json",
    )
    .await;

    let services = collect(auth::list_catalog(&identity)).await.unwrap();
    assert_eq!(services.len(), 1);
    assert_eq!(services[0].service_type, "identity");
    assert_eq!(services[0].name.as_deref(), Some("keystone"));
    assert_eq!(services[0].endpoints.len(), 3);
    assert_eq!(services[0].endpoints[2].interface, "admin");
    let catalog = auth::to_catalog(&services).unwrap();
    let url = catalog
        .locate(
            &["identity"],
            &EndpointOpts::region("RegionOne").availability(ferrocloud::Availability::Internal),
        )
        .unwrap();
    assert_eq!(url, "http://localhost:5000");

    let projects = collect(auth::list_projects(&identity)).await.unwrap();
    assert_eq!(projects.len(), 2);
    assert_eq!(projects[1].name, "Build Group");
    assert_eq!(projects[1].domain_id.as_deref(), Some("1789d1"));

    let domains = collect(auth::list_domains(&identity)).await.unwrap();
    assert_eq!(domains[0].id, "1789d1");
    assert_eq!(domains[1].name, "another domain");

    let system = collect(auth::list_system(&identity)).await.unwrap();
    assert_eq!(system, [auth::SystemScope { all: true }]);
    server.verify().await;
}
