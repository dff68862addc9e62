use std::panic::AssertUnwindSafe;

use crate::support::*;
use ferrocloud::ServiceClient;
use ferrocloud::openstack::identity::v3::endpoint_filter::{
    self, CreateGroupOpts, Filters, ListGroupsOpts, UpdateGroupOpts,
};
use ferrocloud::openstack::identity::v3::endpoints::{self, Endpoint, Interface};
use ferrocloud::openstack::identity::v3::{projects, services};
use futures::FutureExt;

/// The image service's ID and its public endpoint.
async fn image_endpoint(identity: &ServiceClient) -> (String, Endpoint) {
    let svc = services::list(
        identity,
        &services::ListOpts {
            service_type: Some("image".into()),
            ..Default::default()
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap()
    .remove(0);
    let ep = endpoints::list(
        identity,
        &endpoints::ListOpts {
            service_id: Some(svc.id.clone()),
            interface: Some(Interface::Public),
            ..Default::default()
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap()
    .remove(0);
    (svc.id, ep)
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn endpoint_groups_and_project_associations() {
    let identity = admin_identity().await;
    let project = projects::create(
        &identity,
        &projects::CreateOpts::new(unique("epfilter")).domain_id("default"),
    )
    .await
    .extract()
    .unwrap();
    let outcome = AssertUnwindSafe(exercise(&identity, &project))
        .catch_unwind()
        .await;
    let _ = projects::delete(&identity, &project.id).await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn exercise(identity: &ServiceClient, project: &projects::Project) {
    let (service_id, endpoint) = image_endpoint(identity).await;

    // One endpoint associated directly.
    assert!(
        !endpoint_filter::project_has_endpoint(identity, &project.id, &endpoint.id)
            .await
            .unwrap()
    );
    endpoint_filter::add_endpoint_to_project(identity, &project.id, &endpoint.id)
        .await
        .ok()
        .unwrap();
    assert!(
        endpoint_filter::project_has_endpoint(identity, &project.id, &endpoint.id)
            .await
            .unwrap()
    );
    let eps = endpoint_filter::list_project_endpoints(identity, &project.id)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(eps.len(), 1);
    assert_eq!(eps[0].id, endpoint.id);
    let projects_of = endpoint_filter::list_endpoint_projects(identity, &endpoint.id)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(projects_of.iter().any(|p| p.id == project.id));
    endpoint_filter::remove_endpoint_from_project(identity, &project.id, &endpoint.id)
        .await
        .ok()
        .unwrap();
    assert!(
        !endpoint_filter::project_has_endpoint(identity, &project.id, &endpoint.id)
            .await
            .unwrap()
    );

    // An endpoint group: the image service's public endpoints.
    let name = unique("epgroup");
    let filters = Filters {
        service_id: Some(service_id.clone()),
        interface: Some("public".into()),
        ..Default::default()
    };
    let mut opts = CreateGroupOpts::new(&name, filters);
    opts.description = Some("made by a test".into());
    let group = endpoint_filter::create_group(identity, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(group.name, name);
    assert_eq!(
        group.filters.service_id.as_deref(),
        Some(service_id.as_str())
    );
    let outcome = AssertUnwindSafe(with_group(identity, project, &group, &endpoint))
        .catch_unwind()
        .await;
    let _ = endpoint_filter::delete_group(identity, &group.id).await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
    assert!(
        !endpoint_filter::group_exists(identity, &group.id)
            .await
            .unwrap()
    );
}

async fn with_group(
    identity: &ServiceClient,
    project: &projects::Project,
    group: &endpoint_filter::EndpointGroup,
    endpoint: &Endpoint,
) {
    assert!(
        endpoint_filter::group_exists(identity, &group.id)
            .await
            .unwrap()
    );
    let got = endpoint_filter::get_group(identity, &group.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(got.description.as_deref(), Some("made by a test"));
    let found = endpoint_filter::find_group(identity, &group.name)
        .await
        .unwrap();
    assert_eq!(found.id, group.id);
    let listed = endpoint_filter::list_groups(
        identity,
        &ListGroupsOpts {
            name: Some(group.name.clone()),
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap();
    assert_eq!(listed.len(), 1);
    let upd = UpdateGroupOpts {
        description: Some("changed".into()),
        ..Default::default()
    };
    let changed = endpoint_filter::update_group(identity, &group.id, &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(changed.description.as_deref(), Some("changed"));
    let selected = endpoint_filter::list_group_endpoints(identity, &group.id)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(selected.iter().any(|e| e.id == endpoint.id), "{selected:?}");
    assert!(selected.iter().all(|e| e.interface == Interface::Public));

    assert!(
        !endpoint_filter::project_has_group(identity, &group.id, &project.id)
            .await
            .unwrap()
    );
    endpoint_filter::add_group_to_project(identity, &group.id, &project.id)
        .await
        .ok()
        .unwrap();
    assert!(
        endpoint_filter::project_has_group(identity, &group.id, &project.id)
            .await
            .unwrap()
    );
    // Keystone answers with the association, not with the project the API reference shows.
    let a = endpoint_filter::get_group_project(identity, &group.id, &project.id)
        .await
        .extract()
        .unwrap();
    let assoc = a.project_endpoint_group.unwrap();
    assert_eq!(assoc.project_id, project.id);
    assert_eq!(assoc.endpoint_group_id, group.id);
    let ps = endpoint_filter::list_group_projects(identity, &group.id)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(ps.len(), 1);
    let gs = endpoint_filter::list_project_groups(identity, &project.id)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(gs.len(), 1);
    assert_eq!(gs[0].id, group.id);
    endpoint_filter::remove_group_from_project(identity, &group.id, &project.id)
        .await
        .ok()
        .unwrap();
    assert!(
        !endpoint_filter::project_has_group(identity, &group.id, &project.id)
            .await
            .unwrap()
    );
}
