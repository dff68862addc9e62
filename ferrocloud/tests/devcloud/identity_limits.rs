use crate::support::*;
use ferrocloud::openstack::identity::v3::limits::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::openstack::identity::v3::registered_limits;
use ferrocloud::openstack::identity::v3::{projects, services};
use ferrocloud::{ErrorKind, ServiceClient};

async fn compute_service_id(identity: &ServiceClient) -> String {
    let found = services::list(
        identity,
        &services::ListOpts {
            service_type: Some("compute".into()),
            ..Default::default()
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap();
    found
        .first()
        .expect("the devcloud has a compute service")
        .id
        .clone()
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn registered_limits_then_project_and_domain_limits() {
    let identity = admin_identity().await;
    let model = limits::get_model(&identity).await.extract().unwrap();
    assert!(["flat", "strict-two-level"].contains(&model.name.as_str()));
    let service_id = compute_service_id(&identity).await;
    // Resource names are free-form: a unique one keeps runs apart.
    let resource = unique("res");

    let created = registered_limits::create(
        &identity,
        &[
            registered_limits::CreateOpts::new(&service_id, &resource, 10)
                .region_id("RegionOne")
                .description("made by a test"),
        ],
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(created.len(), 1);
    let reg = &created[0];
    assert_eq!(reg.default_limit, 10);
    assert_eq!(reg.region_id.as_deref(), Some("RegionOne"));
    let got = registered_limits::get(&identity, &reg.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(got.resource_name, resource);
    let listed = registered_limits::list(
        &identity,
        &registered_limits::ListOpts {
            service_id: Some(service_id.clone()),
            resource_name: Some(resource.clone()),
            region_id: Some("RegionOne".into()),
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap();
    assert_eq!(listed.len(), 1);
    let upd = registered_limits::UpdateOpts {
        default_limit: Some(20),
        description: Some("changed".into()),
        ..Default::default()
    };
    let changed = registered_limits::update(&identity, &reg.id, &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(changed.default_limit, 20);
    assert_eq!(changed.description.as_deref(), Some("changed"));

    // Limits for a new project and for the default domain, in one request.
    let project = projects::create(
        &identity,
        &projects::CreateOpts::new(unique("limits")).domain_id("default"),
    )
    .await
    .extract()
    .unwrap();
    let made = limits::create(
        &identity,
        &[
            CreateOpts::for_project(&project.id, &service_id, &resource, 5).region_id("RegionOne"),
            CreateOpts::for_domain("default", &service_id, &resource, 50)
                .region_id("RegionOne")
                .description("domain limit"),
        ],
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(made.len(), 2);
    let for_project = made
        .iter()
        .find(|l| l.project_id.as_deref() == Some(project.id.as_str()))
        .unwrap();
    let for_domain = made
        .iter()
        .find(|l| l.domain_id.as_deref() == Some("default"))
        .unwrap();
    assert_eq!(for_project.resource_limit, 5);
    assert_eq!(for_domain.description.as_deref(), Some("domain limit"));

    let got = limits::get(&identity, &for_project.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(got.resource_name, resource);
    let listed = limits::extract_limits(
        &limits::list(
            &identity,
            &ListOpts {
                project_id: Some(project.id.clone()),
                resource_name: Some(resource.clone()),
                ..Default::default()
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, for_project.id);
    let upd = UpdateOpts {
        resource_limit: Some(7),
        description: Some("changed".into()),
    };
    let changed = limits::update(&identity, &for_project.id, &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(changed.resource_limit, 7);

    for l in &made {
        limits::delete(&identity, &l.id).await.ok().unwrap();
    }
    let err = limits::get(&identity, &for_project.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    registered_limits::delete(&identity, &reg.id)
        .await
        .ok()
        .unwrap();
    let err = registered_limits::get(&identity, &reg.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    projects::delete(&identity, &project.id).await.ok().unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn a_limit_needs_a_registered_limit() {
    let identity = admin_identity().await;
    let service_id = compute_service_id(&identity).await;
    let err = limits::create(
        &identity,
        &[CreateOpts::for_domain(
            "default",
            &service_id,
            unique("unregistered"),
            1,
        )],
    )
    .await
    .extract()
    .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::BadRequest | ErrorKind::Forbidden),
        "{err}"
    );
}
