use crate::support::*;
use ferrocloud::openstack::identity::v3::federation::{self, SamlAssertionOpts};
use ferrocloud::openstack::identity::v3::identity_providers::{self, CreateOpts, ProtocolOpts};
use ferrocloud::openstack::identity::v3::mappings::{
    self, LocalRule, MappingOpts, RemoteRule, Rule,
};
use ferrocloud::{ErrorKind, ExposeSecret, ProviderClient, SecretString, ServiceClient};

/// A client that never authenticated.
fn anonymous() -> ServiceClient {
    let url = auth_url();
    let p = ProviderClient::builder(url.clone()).build().unwrap();
    ServiceClient::new(p, "identity", &url, Some("v3")).unwrap()
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn scope_targets_of_the_token() {
    let identity = admin_identity().await;
    let projects = federation::extract_projects(
        &federation::list_projects(&identity)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(projects.iter().any(|p| p.name == "admin"));
    let domains = federation::extract_domains(
        &federation::list_domains(&identity)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(domains.iter().any(|d| d.id == "default"));
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn federated_authentication_without_a_web_server_module() {
    // The devcloud has no SAML or OpenID Connect module in front of Keystone: whatever
    // the credentials, Keystone finds no federated identity and answers 401.
    let admin = admin_identity().await;
    let idp_id = unique("fed-idp");
    let map_id = unique("fed-map");
    mappings::create(
        &admin,
        &map_id,
        &MappingOpts::new(vec![Rule::new(
            vec![LocalRule::user_name("{0}")],
            vec![RemoteRule::new("REMOTE_USER")],
        )]),
    )
    .await
    .extract()
    .unwrap();
    let idp = identity_providers::create(
        &admin,
        &idp_id,
        &CreateOpts {
            enabled: Some(true),
            ..Default::default()
        },
    )
    .await
    .extract()
    .unwrap();
    for protocol in ["openid", "mapped"] {
        identity_providers::create_protocol(&admin, &idp_id, protocol, &ProtocolOpts::new(&map_id))
            .await
            .extract()
            .unwrap();
    }

    let anon = anonymous();
    let bearer = SecretString::from("not-a-real-access-token".to_string());
    let err = federation::authenticate_with_bearer(&anon, &idp_id, "openid", &bearer)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    let err = federation::authenticate(&anon, &idp_id, "mapped")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);

    // Web SSO: `origin` must be a trusted dashboard; without one configured, 401.
    let err = federation::websso_for_idp(&anon, &idp_id, "mapped", "https://horizon.example.com")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    let err = federation::websso(&anon, "mapped", "https://horizon.example.com")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);

    for protocol in ["openid", "mapped"] {
        identity_providers::delete_protocol(&admin, &idp_id, protocol)
            .await
            .ok()
            .unwrap();
    }
    identity_providers::delete(&admin, &idp_id)
        .await
        .ok()
        .unwrap();
    mappings::delete(&admin, &map_id).await.ok().unwrap();
    {
        use ferrocloud::openstack::identity::v3::domains::{self, UpdateOpts};
        let d = idp.domain_id;
        let off = UpdateOpts {
            enabled: Some(false),
            ..Default::default()
        };
        domains::update(&admin, &d, &off).await.ok().unwrap();
        domains::delete(&admin, &d).await.ok().unwrap();
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn keystone_is_not_a_saml_identity_provider_here() {
    let identity = admin_identity().await;
    // No IdP metadata file is configured: Keystone answers 500.
    let err = federation::metadata(&identity).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ServerError);
    // An assertion for an unknown service provider.
    let token = identity.provider().token().unwrap();
    let opts = SamlAssertionOpts::new(token.expose_secret(), unique("no-sp"));
    let err = federation::create_saml_assertion(&identity, &opts)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
}
