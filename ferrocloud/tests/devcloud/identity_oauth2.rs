use crate::support::*;
use ferrocloud::openstack::identity::v3::application_credentials::{self, CreateOpts};
use ferrocloud::openstack::identity::v3::oauth2::{self, ClientCredentials};
use ferrocloud::openstack::identity::v3::tokens::{self, ValidateOpts};
use ferrocloud::{ErrorKind, ProviderClient, SecretString, ServiceClient, openstack};

fn anonymous() -> ServiceClient {
    let url = auth_url();
    let p = ProviderClient::builder(url.clone()).build().unwrap();
    ServiceClient::new(p, "identity", &url, Some("v3")).unwrap()
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn client_credentials_with_an_application_credential() {
    let provider = member().await;
    let identity = openstack::new_identity_v3(&provider, region()).unwrap();
    let user_id = provider.auth_info().unwrap().user.unwrap().id;
    let ac = application_credentials::create(
        &identity,
        &user_id,
        &CreateOpts {
            name: unique("oauth2"),
            ..Default::default()
        },
    )
    .await
    .extract()
    .unwrap();

    let anon = anonymous();
    let creds = ClientCredentials::secret(ac.id.clone(), ac.secret.clone().unwrap());
    let t = oauth2::create_token(&anon, &creds).await.extract().unwrap();
    assert_eq!(t.token_type, "Bearer");
    assert!(t.expires_in > 0);
    // The access token is a Keystone token of the application credential.
    let v = tokens::validate(&identity, &t.access_token, &ValidateOpts::default())
        .await
        .extract()
        .unwrap();
    assert_eq!(v.methods, ["application_credential"]);
    assert_eq!(v.user.id, user_id);

    let wrong = ClientCredentials::secret(ac.id.clone(), SecretString::from("wrong".to_string()));
    let err = oauth2::create_token(&anon, &wrong)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    // Without a secret (mutual TLS) and without a client certificate: refused.
    let err = oauth2::create_token(&anon, &ClientCredentials::mutual_tls(user_id.clone()))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);

    application_credentials::delete(&identity, &user_id, &ac.id)
        .await
        .ok()
        .unwrap();
}
