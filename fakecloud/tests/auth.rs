//! Keystone in the fake: issuing tokens, validation, scopes, expiry, revocation, policy.

use std::time::Duration;

use fakecloud::{Clock, FakeCloud};
use ferrocloud::openstack::identity::v3::tokens::{self, AuthRequest, CreateOpts, ValidateOpts};
use ferrocloud::openstack::identity::v3::{application_credentials, projects, users};
use ferrocloud::{AuthOptions, DomainRef, ErrorKind, ExposeSecret, Scope, openstack};

#[tokio::test]
async fn seeded_users_authenticate_with_the_devcloud_passwords() {
    let cloud = FakeCloud::start().await.unwrap();
    for user in ["admin", "demo", "nova"] {
        let p = cloud.provider(user).await.unwrap();
        let info = p.auth_info().unwrap();
        assert_eq!(info.user.unwrap().name.as_deref(), Some(user));
        assert!(
            info.catalog
                .locate(&["compute"], &Default::default())
                .is_ok()
        );
    }
    let admin = cloud.provider("admin").await.unwrap();
    let names: Vec<String> = admin
        .auth_info()
        .unwrap()
        .roles
        .iter()
        .filter_map(|r| r.name.clone())
        .collect();
    // admin implies member, which implies reader.
    for role in ["admin", "member", "reader"] {
        assert!(names.iter().any(|n| n == role), "{names:?}");
    }
    assert!(matches!(
        cloud.provider("nobody").await,
        Err(fakecloud::Error::UnknownUser(_))
    ));
}

#[tokio::test]
async fn wrong_passwords_and_unknown_projects_are_401() {
    let cloud = FakeCloud::start().await.unwrap();
    let wrong = AuthOptions::password(cloud.auth_url(), "demo", "nope").user_domain_name("Default");
    let e = openstack::authenticated_client(wrong).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unauthorized);
    // demo has no role on the admin project.
    let elsewhere = AuthOptions::password(cloud.auth_url(), "demo", "devcloud-demo")
        .user_domain_name("Default")
        .scope(Scope::project_name(
            "admin",
            DomainRef::Name("Default".into()),
        ));
    let e = openstack::authenticated_client(elsewhere)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unauthorized);
}

#[tokio::test]
async fn tokens_expire_on_the_fake_clock_and_revocation_follows_the_audit_chain() {
    let clock = Clock::frozen();
    let cloud = FakeCloud::builder()
        .clock(clock.clone())
        .token_lifetime(Duration::from_secs(600))
        .start()
        .await
        .unwrap();
    let admin = cloud.provider("admin").await.unwrap();
    let identity = openstack::new_identity_v3(&admin, Default::default()).unwrap();
    let issued = tokens::create(
        &identity,
        &AuthRequest::from_options(&cloud.auth_options("demo").unwrap()).unwrap(),
        &CreateOpts::default(),
    )
    .await
    .unwrap();
    assert!(
        tokens::check(&identity, &issued.subject_token, false)
            .await
            .unwrap()
    );
    let shown = tokens::validate(&identity, &issued.subject_token, &ValidateOpts::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.audit_ids, issued.token.audit_ids);

    // A token exchanged from it shares its audit chain: revoking the first ends both.
    let exchanged = tokens::create(
        &identity,
        &AuthRequest::from_options(&AuthOptions::token(
            cloud.auth_url(),
            issued.subject_token.expose_secret(),
        ))
        .unwrap(),
        &CreateOpts::default(),
    )
    .await
    .unwrap();
    assert_eq!(exchanged.token.audit_ids[1], issued.token.audit_ids[0]);
    tokens::revoke(&identity, &issued.subject_token)
        .await
        .ok()
        .unwrap();
    assert!(
        !tokens::check(&identity, &exchanged.subject_token, false)
            .await
            .unwrap()
    );

    // Ten minutes later the demo's fresh token is gone; the admin re-authenticates.
    let fresh = tokens::create(
        &identity,
        &AuthRequest::from_options(&cloud.auth_options("demo").unwrap()).unwrap(),
        &CreateOpts::default(),
    )
    .await
    .unwrap();
    clock.advance(Duration::from_secs(601));
    let err = tokens::validate(&identity, &fresh.subject_token, &ValidateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(err.request_id().is_some());
}

#[tokio::test]
async fn members_are_refused_admin_apis_with_403() {
    let cloud = FakeCloud::start().await.unwrap();
    let demo = cloud.provider("demo").await.unwrap();
    let identity = openstack::new_identity_v3(&demo, Default::default()).unwrap();
    let err = projects::create(&identity, &projects::CreateOpts::new("nope"))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    let err = users::list(&identity, &Default::default())
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    assert!(
        err.service_message().contains("identity:list_users"),
        "{err}"
    );
}

#[tokio::test]
async fn application_credentials_authenticate_with_their_roles() {
    let cloud = FakeCloud::start().await.unwrap();
    let demo = cloud.provider("demo").await.unwrap();
    let user_id = demo.auth_info().unwrap().user.unwrap().id;
    let identity = openstack::new_identity_v3(&demo, Default::default()).unwrap();
    let mut opts = application_credentials::CreateOpts::new("ci");
    opts.roles = Some(vec![
        ferrocloud::openstack::identity::v3::roles::RoleRef::name("reader"),
    ]);
    let cred = application_credentials::create(&identity, &user_id, &opts)
        .await
        .extract()
        .unwrap();
    let secret = cred.secret.clone().unwrap();
    let as_app = openstack::authenticated_client(AuthOptions::application_credential(
        cloud.auth_url(),
        &cred.id,
        secret.expose_secret(),
    ))
    .await
    .unwrap();
    let info = as_app.auth_info().unwrap();
    assert_eq!(info.methods, ["application_credential"]);
    let roles: Vec<_> = info.roles.iter().filter_map(|r| r.name.clone()).collect();
    assert_eq!(roles, ["reader"]);
    let wrong = AuthOptions::application_credential(cloud.auth_url(), &cred.id, "wrong");
    let e = openstack::authenticated_client(wrong).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unauthorized);
}
