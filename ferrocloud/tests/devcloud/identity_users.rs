use std::panic::AssertUnwindSafe;

use crate::support::*;
use ferrocloud::openstack::identity::v3::tokens::{self, AuthRequest, ValidateOpts};
use ferrocloud::openstack::identity::v3::users::{
    self, ChangePasswordOpts, CreateOpts, ListOpts, UpdateOpts, User,
};
use ferrocloud::pagination::collect;
use ferrocloud::{AuthOptions, ErrorKind, ProviderClient, ServiceClient, openstack};
use futures::FutureExt;
use serde_json::json;

/// An identity client whose provider holds no token and no credentials.
fn anonymous_identity() -> ServiceClient {
    let p = ProviderClient::builder(auth_url()).build().unwrap();
    ServiceClient::new(p, "identity", &auth_url(), None).unwrap()
}

fn password_opts(name: &str, password: &str) -> AuthOptions {
    AuthOptions::password(auth_url(), name, password).user_domain_id("default")
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn user_round_trip_and_password_change() {
    let identity = admin_identity().await;
    let name = unique("user");
    let password = unique("pw");
    let mut opts = CreateOpts::new(&name)
        .domain_id("default")
        .password(&password);
    opts.description = Some("made by a test".into());
    opts.extra
        .insert("email".into(), json!("someone@example.com"));
    let u = users::create(&identity, &opts).await.extract().unwrap();
    let outcome = AssertUnwindSafe(exercise(&identity, &u, &name, &password))
        .catch_unwind()
        .await;
    users::delete(&identity, &u.id).await.ok().unwrap();
    let err = users::get(&identity, &u.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn exercise(identity: &ServiceClient, u: &User, name: &str, password: &str) {
    assert_eq!(u.name, name);
    assert_eq!(u.domain_id, "default");
    assert!(u.enabled);
    assert_eq!(u.extra["email"], "someone@example.com");
    assert!(u.password_expires_at.is_none());

    let got = users::get(identity, &u.id).await.extract().unwrap();
    assert_eq!(got.description.as_deref(), Some("made by a test"));
    assert_eq!(users::find(identity, name).await.unwrap().id, u.id);
    let listed = users::extract_users(
        &users::list(
            identity,
            &ListOpts {
                name: Some(name.to_string()),
                domain_id: Some("default".into()),
                enabled: Some(true),
                ..Default::default()
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(listed.len(), 1);

    let upd = UpdateOpts {
        description: Some("changed".into()),
        ..Default::default()
    };
    let u2 = users::update(identity, &u.id, &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(u2.description.as_deref(), Some("changed"));
    assert_eq!(u2.extra["email"], "someone@example.com");

    assert!(
        collect(users::list_groups(identity, &u.id))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        collect(users::list_projects(identity, &u.id))
            .await
            .unwrap()
            .is_empty()
    );

    // The user's current token, to see it revoked by the change.
    let before = tokens::create(
        identity,
        &AuthRequest::from_options(&password_opts(name, password)).unwrap(),
        &Default::default(),
    )
    .await
    .unwrap();

    // Keystone checks the current password, not a token: a client without one will do.
    let new_password = unique("new-pw");
    let anonymous = anonymous_identity();
    let err = users::change_password(
        &anonymous,
        &u.id,
        &ChangePasswordOpts::new("not-the-password", &new_password),
    )
    .await
    .ok()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    users::change_password(
        &anonymous,
        &u.id,
        &ChangePasswordOpts::new(password, &new_password),
    )
    .await
    .ok()
    .unwrap();

    let p = openstack::authenticated_client(password_opts(name, &new_password))
        .await
        .unwrap();
    assert_eq!(p.auth_info().unwrap().user.unwrap().id, u.id);
    let err = openstack::authenticated_client(password_opts(name, password))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized, "{err}");
    let err = tokens::validate(identity, &before.subject_token, &ValidateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    // Disabled, the user cannot authenticate any more.
    let off = UpdateOpts {
        enabled: Some(false),
        ..Default::default()
    };
    assert!(
        !users::update(identity, &u.id, &off)
            .await
            .extract()
            .unwrap()
            .enabled
    );
    let err = openstack::authenticated_client(password_opts(name, &new_password))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized, "{err}");
}
