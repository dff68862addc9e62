use std::panic::AssertUnwindSafe;

use crate::support::*;
use ferrocloud::ServiceClient;
use ferrocloud::openstack::identity::v3::grants::{self, Actor, InheritedTarget, Target};
use ferrocloud::openstack::identity::v3::role_assignments::{self, ListOpts};
use ferrocloud::openstack::identity::v3::{groups, projects, roles, users};
use futures::FutureExt;

struct Fixture {
    role: roles::Role,
    user: users::User,
    group: groups::Group,
    project: projects::Project,
}

async fn fixture(identity: &ServiceClient) -> Fixture {
    let role = roles::create(identity, &roles::CreateOpts::new(unique("grant-role")))
        .await
        .extract()
        .unwrap();
    let user = users::create(
        identity,
        &users::CreateOpts::new(unique("grant-user")).domain_id("default"),
    )
    .await
    .extract()
    .unwrap();
    let group = groups::create(
        identity,
        &groups::CreateOpts::new(unique("grant-group")).domain_id("default"),
    )
    .await
    .extract()
    .unwrap();
    let project = projects::create(
        identity,
        &projects::CreateOpts::new(unique("grant-project")).domain_id("default"),
    )
    .await
    .extract()
    .unwrap();
    Fixture {
        role,
        user,
        group,
        project,
    }
}

async fn teardown(identity: &ServiceClient, f: &Fixture) {
    // Deleting them also deletes their assignments.
    let _ = roles::delete(identity, &f.role.id).await;
    let _ = users::delete(identity, &f.user.id).await;
    let _ = groups::delete(identity, &f.group.id).await;
    let _ = projects::delete(identity, &f.project.id).await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn grants_on_project_domain_and_system_then_role_assignments() {
    let identity = admin_identity().await;
    let f = fixture(&identity).await;
    let outcome = AssertUnwindSafe(exercise(&identity, &f))
        .catch_unwind()
        .await;
    teardown(&identity, &f).await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn exercise(identity: &ServiceClient, f: &Fixture) {
    let role = f.role.id.as_str();
    let targets = [
        Target::Project(&f.project.id),
        Target::Domain("default"),
        Target::System,
    ];
    let actors = [Actor::User(&f.user.id), Actor::Group(&f.group.id)];
    for target in targets {
        for actor in actors {
            assert!(
                !grants::check(identity, target, actor, role).await.unwrap(),
                "{target:?} {actor:?}"
            );
            grants::assign(identity, target, actor, role)
                .await
                .ok()
                .unwrap();
            assert!(
                grants::check(identity, target, actor, role).await.unwrap(),
                "{target:?} {actor:?}"
            );
            let held = grants::list(identity, target, actor)
                .all_pages()
                .await
                .unwrap()
                .extract()
                .unwrap();
            assert!(held.iter().any(|r| r.id == role), "{target:?} {actor:?}");
        }
    }
    grants::get_system(identity, Actor::User(&f.user.id), role)
        .await
        .ok()
        .unwrap();
    grants::get_system(identity, Actor::Group(&f.group.id), role)
        .await
        .ok()
        .unwrap();

    // Inherited grants (OS-INHERIT).
    let on_domain = InheritedTarget::Domain("default");
    let on_subtree = InheritedTarget::Project(&f.project.id);
    for target in [on_domain, on_subtree] {
        for actor in actors {
            grants::assign_inherited(identity, target, actor, role)
                .await
                .ok()
                .unwrap();
            assert!(
                grants::check_inherited(identity, target, actor, role)
                    .await
                    .unwrap()
            );
        }
    }
    let inherited = grants::list_inherited(identity, "default", Actor::Group(&f.group.id))
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(inherited.iter().any(|r| r.id == role));

    // Every assignment of the role: 6 direct + 4 inherited.
    let by_role = ListOpts {
        role_id: Some(role.to_string()),
        ..Default::default()
    };
    let all = role_assignments::list(identity, &by_role)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(all.len(), 10, "{all:#?}");
    assert_eq!(all.iter().filter(|a| a.scope.is_system()).count(), 2);
    assert_eq!(all.iter().filter(|a| a.scope.is_inherited()).count(), 4);
    let system_only = ListOpts {
        role_id: Some(role.to_string()),
        system: true,
        ..Default::default()
    };
    let sys = role_assignments::list(identity, &system_only)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(sys.len(), 2);
    let inherited_only = ListOpts {
        role_id: Some(role.to_string()),
        domain_id: Some("default".into()),
        inherited_to_projects: true,
        ..Default::default()
    };
    let inh = role_assignments::list(identity, &inherited_only)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(inh.len(), 2, "{inh:#?}");

    // The user joins the group: the effective listing of the user on the project shows
    // the group's grant as the user's, with names.
    groups::add_user(identity, &f.group.id, &f.user.id)
        .await
        .ok()
        .unwrap();
    let effective = ListOpts {
        user_id: Some(f.user.id.clone()),
        project_id: Some(f.project.id.clone()),
        effective: true,
        include_names: true,
        ..Default::default()
    };
    let eff = role_assignments::list(identity, &effective)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(eff.iter().all(|a| a.group.is_none()), "{eff:#?}");
    let via_group: Vec<_> = eff
        .iter()
        .filter(|a| a.links.membership.is_some())
        .collect();
    assert!(!via_group.is_empty(), "{eff:#?}");
    for a in &eff {
        let user = a.user.as_ref().unwrap();
        assert_eq!(user.id, f.user.id);
        assert_eq!(user.name.as_deref(), Some(f.user.name.as_str()));
        assert_eq!(
            user.domain.as_ref().unwrap().name.as_deref(),
            Some("Default")
        );
        let project = a.scope.project.as_ref().unwrap();
        assert_eq!(project.name.as_deref(), Some(f.project.name.as_str()));
        assert_eq!(a.role.name.as_deref(), Some(f.role.name.as_str()));
    }
    let subtree = ListOpts {
        project_id: Some(f.project.id.clone()),
        include_subtree: true,
        role_id: Some(role.to_string()),
        ..Default::default()
    };
    let sub = role_assignments::list(identity, &subtree)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(sub.len() >= 2, "{sub:#?}");

    // Unassign everything again.
    for target in [on_domain, on_subtree] {
        for actor in actors {
            grants::unassign_inherited(identity, target, actor, role)
                .await
                .ok()
                .unwrap();
            assert!(
                !grants::check_inherited(identity, target, actor, role)
                    .await
                    .unwrap()
            );
        }
    }
    for target in targets {
        for actor in actors {
            grants::unassign(identity, target, actor, role)
                .await
                .ok()
                .unwrap();
            assert!(!grants::check(identity, target, actor, role).await.unwrap());
        }
    }
    let err = grants::get_system(identity, Actor::User(&f.user.id), role)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ferrocloud::ErrorKind::NotFound);
    let left = role_assignments::list(identity, &by_role)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(left.is_empty(), "{left:#?}");
}
