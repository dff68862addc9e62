//! Keystone's resources in the fake: groups, grants and effective role assignments,
//! trusts, state seeded in code.

use fakecloud::FakeCloud;
use ferrocloud::http::Method;
use ferrocloud::openstack::identity::v3::grants::{self, Actor, Target};
use ferrocloud::openstack::identity::v3::role_assignments::{self, ListOpts};
use ferrocloud::openstack::identity::v3::{groups, projects, users};
use ferrocloud::{AuthOptions, DomainRef, ErrorKind, Scope, openstack};
use serde_json::json;

#[tokio::test]
async fn a_group_grant_becomes_the_members_role() {
    let cloud = FakeCloud::start().await.unwrap();
    let admin = cloud.provider("admin").await.unwrap();
    let identity = openstack::new_identity_v3(&admin, Default::default()).unwrap();
    let project = projects::create(&identity, &projects::CreateOpts::new("team"))
        .await
        .extract()
        .unwrap();
    let user = users::create(
        &identity,
        &users::CreateOpts::new("alice")
            .domain_id("default")
            .password("pw"),
    )
    .await
    .extract()
    .unwrap();
    let group = groups::create(&identity, &groups::CreateOpts::new("devs"))
        .await
        .extract()
        .unwrap();
    let member = cloud.state(|s| s.role_by_name("member").unwrap().id.clone());

    // No role yet: scoping to the project is refused.
    let opts = AuthOptions::password(cloud.auth_url(), "alice", "pw")
        .user_domain_name("Default")
        .scope(Scope::project_name(
            "team",
            DomainRef::Name("Default".into()),
        ));
    let e = openstack::authenticated_client(opts.clone())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unauthorized);

    grants::assign(
        &identity,
        Target::Project(&project.id),
        Actor::Group(&group.id),
        &member,
    )
    .await
    .ok()
    .unwrap();
    groups::add_user(&identity, &group.id, &user.id)
        .await
        .ok()
        .unwrap();
    let alice = openstack::authenticated_client(opts).await.unwrap();
    let roles: Vec<_> = alice
        .auth_info()
        .unwrap()
        .roles
        .iter()
        .filter_map(|r| r.name.clone())
        .collect();
    assert!(roles.contains(&"member".to_string()) && roles.contains(&"reader".to_string()));

    // The effective listing shows the group's grant as alice's, with implied roles.
    let effective = role_assignments::list(
        &identity,
        &ListOpts {
            user_id: Some(user.id.clone()),
            effective: true,
            include_names: true,
            ..Default::default()
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap();
    assert_eq!(effective.len(), 2, "{effective:#?}");
    let direct = role_assignments::list(
        &identity,
        &ListOpts {
            group_id: Some(group.id.clone()),
            ..Default::default()
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap();
    assert_eq!(direct.len(), 1);
}

#[tokio::test]
async fn state_seeded_in_code_is_served() {
    let cloud = FakeCloud::builder().seed(false).start().await.unwrap();
    assert!(matches!(
        cloud.provider("admin").await,
        Err(fakecloud::Error::UnknownUser(_))
    ));
    let seeded = FakeCloud::start().await.unwrap();
    seeded.state(|s| {
        let demo = s.project_by_name("demo").unwrap().id.clone();
        let reader = s.role_by_name("reader").unwrap().id.clone();
        let mut u = fakecloud::User::new("bob", "default", "bob-pw");
        u.default_project_id = Some(demo.clone());
        s.assignments.push(fakecloud::Assignment::user(
            &u.id,
            &reader,
            fakecloud::Target::Project(demo),
        ));
        s.users.insert(u.id.clone(), u);
    });
    let bob = seeded.provider("bob").await.unwrap();
    let info = bob.auth_info().unwrap();
    assert_eq!(info.project.unwrap().name.as_deref(), Some("demo"));
    assert_eq!(info.roles.len(), 1);
}

#[tokio::test]
async fn a_wrong_typed_optional_field_is_refused() {
    let cloud = FakeCloud::start().await.unwrap();
    let admin = cloud.provider("admin").await.unwrap();
    let identity = openstack::new_identity_v3(&admin, Default::default()).unwrap();
    let count = || cloud.state(|s| s.services.len());
    let before = count();
    // Keystone's schema validation: a number where a string goes is a 400.
    let err = identity
        .raw(Method::POST, "services")
        .unwrap()
        .json(&json!({"service": {"type": "x", "name": 5}}))
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.status_code(), Some(400), "{err}");
    assert_eq!(
        err.service_message(),
        "Invalid input for field 'name': not a string"
    );
    assert_eq!(count(), before);

    // The same on an update, which changes nothing.
    let created = identity
        .raw(Method::POST, "services")
        .unwrap()
        .json(&json!({"service": {"type": "x", "name": "ok"}}))
        .send_raw()
        .await
        .unwrap();
    let created: serde_json::Value = serde_json::from_slice(created.body()).unwrap();
    let id = created["service"]["id"].as_str().unwrap();
    let err = identity
        .raw(Method::PATCH, &format!("services/{id}"))
        .unwrap()
        .json(&json!({"service": {"description": ["no"]}}))
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.status_code(), Some(400), "{err}");
    assert_eq!(
        err.service_message(),
        "Invalid input for field 'description': not a string"
    );
}
