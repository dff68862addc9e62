use crate::support::*;
use ferrocloud::openstack::identity::v3::oauth1::{
    self, ConsumerCredentials, CreateConsumerOpts, SignatureMethod, UpdateConsumerOpts,
};
use ferrocloud::openstack::identity::v3::roles::RoleRef;
use ferrocloud::openstack::identity::v3::tokens::{self, ValidateOpts};
use ferrocloud::{ErrorKind, ExposeSecret, ProviderClient, SecretString, ServiceClient, openstack};

/// The consumer's client: it never authenticates with Keystone.
fn anonymous() -> ServiceClient {
    let url = auth_url();
    let p = ProviderClient::builder(url.clone()).build().unwrap();
    ServiceClient::new(p, "identity", &url, Some("v3")).unwrap()
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn consumer_round_trip() {
    let identity = admin_identity().await;
    let c = oauth1::create_consumer(&identity, &CreateConsumerOpts::default())
        .await
        .extract()
        .unwrap();
    assert!(c.secret.is_some());
    assert_eq!(c.description, None);
    let desc = unique("consumer");
    let c2 = oauth1::update_consumer(
        &identity,
        &c.id,
        &UpdateConsumerOpts {
            description: Some(desc.clone()),
        },
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(c2.description.as_deref(), Some(desc.as_str()));
    let got = oauth1::get_consumer(&identity, &c.id)
        .await
        .extract()
        .unwrap();
    // The secret is shown once, at creation.
    assert!(got.secret.is_none());
    let all =
        oauth1::extract_consumers(&oauth1::list_consumers(&identity).all_pages().await.unwrap())
            .unwrap();
    assert!(all.iter().any(|x| x.id == c.id));
    oauth1::delete_consumer(&identity, &c.id)
        .await
        .ok()
        .unwrap();
    let err = oauth1::get_consumer(&identity, &c.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn delegation_flow_request_authorize_access_authenticate() {
    // Keystone's default policy lets only admins authorize request tokens and see access
    // tokens: the admin delegates its `member` role on the admin project.
    let admin_provider = admin().await;
    let admin = openstack::new_identity_v3(&admin_provider, region()).unwrap();
    let user = admin.clone();
    let info = admin_provider.auth_info().unwrap();
    let project_id = info.project.unwrap().id;
    let user_id = info.user.unwrap().id;

    let consumer = oauth1::create_consumer(
        &admin,
        &CreateConsumerOpts {
            description: Some(unique("consumer")),
        },
    )
    .await
    .extract()
    .unwrap();
    let creds = ConsumerCredentials::new(consumer.id.clone(), consumer.secret.clone().unwrap());
    let app = anonymous();

    // 1. The application gets a request token (HMAC-SHA1).
    let request_token = oauth1::create_request_token(&app, &creds, &project_id)
        .await
        .unwrap();
    assert_eq!(request_token.key.len(), 32);
    assert!(request_token.expires_at.is_some());

    // A non-admin may not authorize it.
    let member_identity = openstack::new_identity_v3(&member().await, region()).unwrap();
    let err = oauth1::authorize_request_token(
        &member_identity,
        &request_token.key,
        &[RoleRef::name("member")],
    )
    .await
    .ok()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);

    // 2. The user authorizes it for one of their roles on the project.
    let verifier =
        oauth1::authorize_request_token(&user, &request_token.key, &[RoleRef::name("member")])
            .await
            .extract()
            .unwrap()
            .oauth_verifier;
    assert_eq!(verifier.expose_secret().len(), 8);

    // 3. The application trades it for an access token.
    let access = oauth1::create_access_token(&app, &creds, &request_token, &verifier)
        .await
        .unwrap();
    assert_eq!(access.key.len(), 32);
    // A request token is used once (then Keystone answers 404).
    let err = oauth1::create_access_token(&app, &creds, &request_token, &verifier)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");

    // 4. The access token gets Keystone tokens, scoped to the project, with the
    //    delegated role only.
    let token = oauth1::authenticate(&app, &creds, &access).await.unwrap();
    assert_eq!(token.token.methods, ["oauth1"]);
    assert_eq!(token.token.project.as_ref().unwrap().id, project_id);
    assert_eq!(token.token.user.id, user_id);
    let o = token.token.oauth1.as_ref().unwrap();
    assert_eq!(
        (o.access_token_id.as_str(), o.consumer_id.as_str()),
        (access.key.as_str(), consumer.id.as_str())
    );
    assert!(
        token
            .token
            .roles
            .iter()
            .all(|r| r.name.as_deref() != Some("admin"))
    );
    let validated = tokens::validate(&admin, &token.subject_token, &ValidateOpts::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(validated.methods, ["oauth1"]);

    // PLAINTEXT signatures are accepted too.
    let plain = creds.clone().signature_method(SignatureMethod::Plaintext);
    oauth1::authenticate(&app, &plain, &access).await.unwrap();
    oauth1::create_request_token(&app, &plain, &project_id)
        .await
        .unwrap();
    // A wrong consumer secret is refused.
    let wrong =
        ConsumerCredentials::new(consumer.id.clone(), SecretString::from("wrong".to_string()));
    let err = oauth1::authenticate(&app, &wrong, &access)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);

    // The user sees the access token and the roles it delegates.
    let tokens_of_user = oauth1::extract_access_tokens(
        &oauth1::list_access_tokens(&user, &user_id)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    let mine = tokens_of_user.iter().find(|t| t.id == access.key).unwrap();
    assert_eq!(mine.consumer_id, consumer.id);
    assert_eq!(mine.project_id, project_id);
    let got = oauth1::get_access_token(&user, &user_id, &access.key)
        .await
        .extract()
        .unwrap();
    assert_eq!(got.authorizing_user_id, user_id);
    let roles = oauth1::extract_roles(
        &oauth1::list_access_token_roles(&user, &user_id, &access.key)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(roles.len(), 1);
    assert_eq!(roles[0].name, "member");
    let role = oauth1::get_access_token_role(&user, &user_id, &access.key, &roles[0].id)
        .await
        .extract()
        .unwrap();
    assert_eq!(role.id, roles[0].id);

    // Revoked, the access token gets no more tokens (404: access token not found).
    oauth1::revoke_access_token(&user, &user_id, &access.key)
        .await
        .ok()
        .unwrap();
    let err = oauth1::authenticate(&app, &creds, &access)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    oauth1::delete_consumer(&admin, &consumer.id)
        .await
        .ok()
        .unwrap();
}
