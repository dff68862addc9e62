use std::panic::AssertUnwindSafe;

use crate::support::*;
use ferrocloud::openstack::identity::v3::tokens::{
    self, AuthOutcome, AuthRequest, CreateOpts, ValidateOpts,
};
use ferrocloud::openstack::identity::v3::{auth, users};
use ferrocloud::{
    AuthOptions, DomainRef, ErrorKind, ExposeSecret, ProviderClient, Scope, SecretString,
    ServiceClient,
};
use futures::FutureExt;
use serde_json::json;

fn admin_password() -> String {
    std::env::var("FERROCLOUD_DEVCLOUD_ADMIN_PASSWORD").unwrap_or_else(|_| "devcloud-admin".into())
}

/// An identity client that sends `token` as it is (no re-authentication).
fn identity_with_token(token: &SecretString) -> ServiceClient {
    let p = ProviderClient::builder(auth_url()).build().unwrap();
    p.set_token(token.expose_secret(), None);
    ServiceClient::new(p, "identity", &auth_url(), None).unwrap()
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn a_revoked_token_is_refused() {
    let identity = admin_identity().await;
    let issued = tokens::create(
        &identity,
        &AuthRequest::from_options(&member_opts()).unwrap(),
        &CreateOpts::default(),
    )
    .await
    .unwrap();
    let subject = issued.subject_token.clone();
    assert_eq!(issued.token.user.name.as_deref(), Some("demo"));
    assert_eq!(
        issued.token.project.as_ref().unwrap().name.as_deref(),
        Some("demo")
    );
    assert!(issued.token.catalog.as_ref().is_some_and(|c| !c.is_empty()));
    assert!(issued.request_id.is_some());

    // The new token works on its own, and Keystone vouches for it.
    let as_demo = identity_with_token(&subject);
    let projects = ferrocloud::pagination::collect(auth::list_projects(&as_demo))
        .await
        .unwrap();
    assert!(projects.iter().any(|p| p.name == "demo"));
    let shown = tokens::validate(&identity, &subject, &ValidateOpts::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.audit_ids, issued.token.audit_ids);
    assert!(tokens::check(&identity, &subject, false).await.unwrap());

    tokens::revoke(&identity, &subject).await.ok().unwrap();

    let err = tokens::validate(&identity, &subject, &ValidateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert!(!tokens::check(&identity, &subject, false).await.unwrap());
    let err = ferrocloud::pagination::collect(auth::list_projects(&as_demo))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn tokens_of_every_scope() {
    let identity = admin_identity().await;
    let admin_user =
        || AuthOptions::password(auth_url(), "admin", admin_password()).user_domain_name("Default");
    let issue = |opts: AuthOptions, nocatalog: bool| {
        let identity = identity.clone();
        async move {
            tokens::create(
                &identity,
                &AuthRequest::from_options(&opts).unwrap(),
                &CreateOpts {
                    nocatalog,
                    ..Default::default()
                },
            )
            .await
            .unwrap()
        }
    };

    let system = issue(admin_user().scope(Scope::System), false).await;
    assert_eq!(system.token.scope(), Scope::System);
    assert!(!system.token.roles.is_empty());

    let domain = issue(
        admin_user().scope(Scope::Domain(DomainRef::Name("Default".into()))),
        true,
    )
    .await;
    assert_eq!(
        domain.token.scope(),
        Scope::Domain(DomainRef::Id("default".into()))
    );
    assert!(domain.token.catalog.is_none());

    let unscoped = issue(admin_user().scope(Scope::Unscoped), false).await;
    assert_eq!(unscoped.token.scope(), Scope::Unscoped);
    assert!(unscoped.token.roles.is_empty());

    // Exchange the unscoped token for a project-scoped one.
    let rescoped = issue(
        AuthOptions::token(auth_url(), unscoped.subject_token.expose_secret()).scope(
            Scope::project_name("admin", DomainRef::Id("default".into())),
        ),
        false,
    )
    .await;
    // The methods of both tokens, in no particular order.
    let mut methods = rescoped.token.methods.clone();
    methods.sort();
    assert_eq!(methods, ["password", "token"]);
    assert_eq!(rescoped.token.audit_ids.len(), 2);
    assert_eq!(rescoped.token.audit_ids[1], unscoped.token.audit_ids[0]);
    assert_eq!(
        rescoped.token.project.as_ref().unwrap().name.as_deref(),
        Some("admin")
    );

    let shown = tokens::validate(
        &identity,
        &rescoped.subject_token,
        &ValidateOpts {
            nocatalog: true,
            ..Default::default()
        },
    )
    .await
    .extract()
    .unwrap();
    assert!(shown.catalog.is_none());
    assert_eq!(shown.expires_at, rescoped.token.expires_at);

    for t in [&system, &domain] {
        tokens::revoke(&identity, &t.subject_token)
            .await
            .ok()
            .unwrap();
    }
    // Revoking a token also revokes the tokens exchanged from it (same audit chain).
    tokens::revoke(&identity, &unscoped.subject_token)
        .await
        .ok()
        .unwrap();
    assert!(
        !tokens::check(&identity, &rescoped.subject_token, false)
            .await
            .unwrap()
    );
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn wrong_credentials_are_refused() {
    let identity = admin_identity().await;
    let opts =
        AuthOptions::password(auth_url(), "demo", "not-the-password").user_domain_name("Default");
    let err = tokens::create(
        &identity,
        &AuthRequest::from_options(&opts).unwrap(),
        &CreateOpts::default(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert!(!err.to_string().contains("not-the-password"));
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn multi_factor_rules_give_a_receipt_first() {
    let identity = admin_identity().await;
    let password = unique("pw");
    let user = users::create(
        &identity,
        &users::CreateOpts::new(unique("mfa"))
            .domain_id("default")
            .password(&password),
    )
    .await
    .extract()
    .unwrap();
    let outcome = AssertUnwindSafe(receipt_then_token(&identity, &user.id, &password))
        .catch_unwind()
        .await;
    users::delete(&identity, &user.id).await.ok().unwrap();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn receipt_then_token(identity: &ServiceClient, user_id: &str, password: &str) {
    let by_password =
        AuthRequest::from_options(&AuthOptions::password_by_user_id("", user_id, password))
            .unwrap();
    // A token from before the rule, for the second factor.
    let earlier = tokens::create(identity, &by_password, &CreateOpts::default())
        .await
        .unwrap();
    // From now on, the password alone is not enough. (TOTP is not enabled on the
    // devcloud, so the second method is a token.)
    let rules = users::UpdateOpts {
        options: Some(
            [
                ("multi_factor_auth_enabled".to_string(), json!(true)),
                (
                    "multi_factor_auth_rules".to_string(),
                    json!([["password", "token"]]),
                ),
            ]
            .into(),
        ),
        ..Default::default()
    };
    users::update(identity, user_id, &rules)
        .await
        .extract()
        .unwrap();

    let receipt = match tokens::create_multi_factor(identity, &by_password, &CreateOpts::default())
        .await
        .unwrap()
    {
        AuthOutcome::Receipt(r) => r,
        AuthOutcome::Token(t) => panic!("expected a receipt, got a token: {:?}", t.token.methods),
    };
    assert_eq!(receipt.details.methods, ["password"]);
    assert_eq!(receipt.details.user.id, user_id);
    assert!(
        receipt
            .required_auth_methods
            .iter()
            .any(|set| set.contains(&"token".to_string()))
    );
    let err = tokens::create(identity, &by_password, &CreateOpts::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);

    let by_token = AuthRequest::from_options(&AuthOptions::token(
        "",
        earlier.subject_token.expose_secret(),
    ))
    .unwrap();
    let opts = CreateOpts {
        receipt: Some(receipt.receipt.clone()),
        ..Default::default()
    };
    let AuthOutcome::Token(t) = tokens::create_multi_factor(identity, &by_token, &opts)
        .await
        .unwrap()
    else {
        panic!("expected a token")
    };
    let mut methods = t.token.methods.clone();
    methods.sort();
    assert_eq!(methods, ["password", "token"]);
    assert_eq!(t.token.user.id, user_id);
}
