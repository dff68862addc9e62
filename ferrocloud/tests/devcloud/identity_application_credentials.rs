use crate::support::*;
use ferrocloud::openstack::identity::v3::application_credentials::{
    self, AccessRuleOpts, CreateOpts, ListOpts,
};
use ferrocloud::openstack::identity::v3::roles::RoleRef;
use ferrocloud::{AuthOptions, ErrorKind, ExposeSecret, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn a_member_creates_uses_and_deletes_an_application_credential() {
    let member = member().await;
    let info = member.auth_info().unwrap();
    let user_id = info.user.as_ref().unwrap().id.clone();
    let project_id = info.project.as_ref().unwrap().id.clone();
    let identity = openstack::new_identity_v3(&member, region()).unwrap();

    let name = unique("appcred");
    let mut opts = CreateOpts::new(&name);
    opts.description = Some("made by a test".into());
    opts.roles = Some(vec![RoleRef::name("reader")]);
    opts.access_rules = Some(vec![AccessRuleOpts::new(
        "identity",
        "GET",
        "/v3/auth/tokens",
    )]);
    opts.expires_at = Some(chrono::Utc::now() + chrono::Duration::hours(1));
    let cred = application_credentials::create(&identity, &user_id, &opts)
        .await
        .extract()
        .unwrap();
    let secret = cred
        .secret
        .clone()
        .expect("the secret comes with the creation");
    assert!(!secret.expose_secret().is_empty());
    assert!(!format!("{cred:?}").contains(secret.expose_secret()));
    assert_eq!(cred.project_id.as_deref(), Some(project_id.as_str()));
    assert_eq!(cred.roles.len(), 1);
    assert_eq!(cred.roles[0].name, "reader");
    assert!(!cred.unrestricted);
    assert!(cred.expires_at.is_some());
    assert_eq!(cred.access_rules.len(), 1);
    let rule_id = cred.access_rules[0].id.clone();

    let got = application_credentials::get(&identity, &user_id, &cred.id)
        .await
        .extract()
        .unwrap();
    assert!(got.secret.is_none());
    assert_eq!(got.description.as_deref(), Some("made by a test"));
    let found = application_credentials::find(&identity, &user_id, &name)
        .await
        .unwrap();
    assert_eq!(found.id, cred.id);
    let listed = application_credentials::list(
        &identity,
        &user_id,
        &ListOpts {
            name: Some(name.clone()),
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap();
    assert_eq!(listed.len(), 1);
    let rules = application_credentials::list_access_rules(&identity, &user_id)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(rules.iter().any(|r| r.id == rule_id));
    let rule = application_credentials::get_access_rule(&identity, &user_id, &rule_id)
        .await
        .extract()
        .unwrap();
    assert_eq!(rule.service, "identity");
    assert_eq!(rule.path, "/v3/auth/tokens");

    // Authenticate with it.
    let auth = AuthOptions::application_credential(auth_url(), &cred.id, secret.expose_secret());
    let as_app = openstack::authenticated_client(auth).await.unwrap();
    let app_info = as_app.auth_info().unwrap();
    assert_eq!(app_info.methods, ["application_credential"]);
    assert_eq!(app_info.project.as_ref().unwrap().id, project_id);
    assert_eq!(app_info.user.as_ref().unwrap().id, user_id);
    assert!(
        app_info
            .roles
            .iter()
            .any(|r| r.name.as_deref() == Some("reader"))
    );
    assert!(
        app_info
            .roles
            .iter()
            .all(|r| r.name.as_deref() != Some("member"))
    );

    // A wrong secret is refused.
    let wrong = AuthOptions::application_credential(auth_url(), &cred.id, "not-the-secret");
    let err = openstack::authenticated_client(wrong).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);

    application_credentials::delete(&identity, &user_id, &cred.id)
        .await
        .ok()
        .unwrap();
    let err = application_credentials::get(&identity, &user_id, &cred.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    // The rule outlives the credential until deleted.
    application_credentials::delete_access_rule(&identity, &user_id, &rule_id)
        .await
        .ok()
        .unwrap();
    let err = application_credentials::get_access_rule(&identity, &user_id, &rule_id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
