use crate::support::*;
use ferrocloud::openstack::identity::v3::auth;
use ferrocloud::pagination::collect;
use ferrocloud::{EndpointOpts, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn the_admin_token_sees_its_catalog_and_scopes() {
    let identity = admin_identity().await;
    let services = collect(auth::list_catalog(&identity)).await.unwrap();
    let keystone = services
        .iter()
        .find(|s| s.service_type == "identity")
        .expect("identity in the catalog");
    assert!(keystone.endpoints.iter().any(|e| e.interface == "public"));
    let catalog = auth::to_catalog(&services).unwrap();
    let url = catalog
        .locate(&["identity"], &EndpointOpts::region("RegionOne"))
        .unwrap();
    // Keystone's own origin (127.0.0.1:5000 on the devcloud).
    let origin = auth_url()
        .trim_end_matches('/')
        .trim_end_matches("/v3")
        .to_string();
    assert!(url.starts_with(&origin), "{url} is not under {origin}");

    let projects = collect(auth::list_projects(&identity)).await.unwrap();
    assert!(projects.iter().any(|p| p.name == "admin"));
    let domains = collect(auth::list_domains(&identity)).await.unwrap();
    assert!(domains.iter().any(|d| d.id == "default"), "{domains:?}");
    let system = collect(auth::list_system(&identity)).await.unwrap();
    assert_eq!(system, [auth::SystemScope { all: true }]);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn a_member_may_scope_to_its_project_only() {
    let identity = openstack::new_identity_v3(&member().await, region()).unwrap();
    let projects = collect(auth::list_projects(&identity)).await.unwrap();
    assert_eq!(
        projects.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["demo"]
    );
    assert!(
        collect(auth::list_domains(&identity))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        collect(auth::list_system(&identity))
            .await
            .unwrap()
            .is_empty()
    );
}
