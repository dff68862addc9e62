use std::panic::AssertUnwindSafe;

use crate::support::*;
use ferrocloud::openstack::identity::v3::roles::{self, RoleRef};
use ferrocloud::openstack::identity::v3::trusts::{self, CreateOpts, ListOpts};
use ferrocloud::openstack::identity::v3::users;
use ferrocloud::{AuthOptions, ErrorKind, ProviderClient, Scope, ServiceClient, openstack};
use futures::FutureExt;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn the_trustee_authenticates_with_the_trust() {
    let admin = admin().await;
    let identity = openstack::new_identity_v3(&admin, region()).unwrap();
    // The trustee: a new user with no role anywhere.
    let name = unique("trustee");
    let password = unique("pw");
    let trustee = users::create(
        &identity,
        &users::CreateOpts::new(&name)
            .domain_id("default")
            .password(&password),
    )
    .await
    .extract()
    .unwrap();
    let outcome = AssertUnwindSafe(exercise(&admin, &identity, &trustee, &password))
        .catch_unwind()
        .await;
    let _ = users::delete(&identity, &trustee.id).await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn exercise(
    admin: &ProviderClient,
    identity: &ServiceClient,
    trustee: &users::User,
    password: &str,
) {
    let info = admin.auth_info().unwrap();
    let trustor_id = info.user.as_ref().unwrap().id.clone();
    let project_id = info.project.as_ref().unwrap().id.clone();
    let reader = roles::find(identity, "reader").await.unwrap();

    // Without a trust, the trustee cannot scope to the project.
    let mut opts = CreateOpts::new(&trustor_id, &trustee.id);
    opts.project_id = Some(project_id.clone());
    opts.roles = Some(vec![RoleRef::name("reader")]);
    opts.expires_at = Some(chrono::Utc::now() + chrono::Duration::hours(1));
    opts.remaining_uses = Some(5);
    let trust = trusts::create(identity, &opts).await.extract().unwrap();
    assert_eq!(trust.trustor_user_id, trustor_id);
    assert_eq!(trust.trustee_user_id, trustee.id);
    assert_eq!(trust.project_id.as_deref(), Some(project_id.as_str()));
    assert!(!trust.impersonation);
    assert_eq!(trust.remaining_uses, Some(5));
    assert!(trust.roles.iter().any(|r| r.id == reader.id));

    let got = trusts::get(identity, &trust.id).await.extract().unwrap();
    assert_eq!(got.id, trust.id);
    let listed = trusts::extract_trusts(
        &trusts::list(
            identity,
            &ListOpts {
                trustee_user_id: Some(trustee.id.clone()),
                ..Default::default()
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(listed.len(), 1);
    let delegated = trusts::list_roles(identity, &trust.id)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(delegated.iter().any(|r| r.id == reader.id));
    assert!(
        trusts::has_role(identity, &trust.id, &reader.id)
            .await
            .unwrap()
    );
    let admin_role = roles::find(identity, "admin").await.unwrap();
    assert!(
        !trusts::has_role(identity, &trust.id, &admin_role.id)
            .await
            .unwrap()
    );
    assert_eq!(
        trusts::get_role(identity, &trust.id, &reader.id)
            .await
            .extract()
            .unwrap()
            .name,
        "reader"
    );

    // The trustee consumes the trust.
    let auth = AuthOptions::password(auth_url(), &trustee.name, password)
        .user_domain_name("Default")
        .scope(Scope::Trust(trust.id.clone()));
    let as_trustee = openstack::authenticated_client(auth).await.unwrap();
    let t = as_trustee.auth_info().unwrap();
    assert_eq!(t.trust_id.as_deref(), Some(trust.id.as_str()));
    assert_eq!(t.user.as_ref().unwrap().id, trustee.id);
    assert_eq!(t.project.as_ref().unwrap().id, project_id);
    assert!(t.roles.iter().any(|r| r.id == reader.id));
    assert!(t.roles.iter().all(|r| r.id != admin_role.id));
    let used = trusts::get(identity, &trust.id).await.extract().unwrap();
    assert_eq!(used.remaining_uses, Some(4));

    trusts::delete(identity, &trust.id).await.ok().unwrap();
    let err = trusts::get(identity, &trust.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
