use crate::support::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::identity::v3::service_providers::{
    self, CreateOpts, ListOpts, UpdateOpts,
};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn service_provider_round_trip() {
    let identity = admin_identity().await;
    let id = unique("sp");
    let opts = CreateOpts::new(
        format!(
            "https://{id}.example.com/v3/OS-FEDERATION/identity_providers/us/protocols/saml2/auth"
        ),
        format!("https://{id}.example.com/Shibboleth.sso/SAML2/ECP"),
    );
    let sp = service_providers::create(&identity, &id, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(sp.id, id);
    // Defaults: disabled, and the deployment's RelayState prefix.
    assert!(!sp.enabled);
    assert_eq!(sp.relay_state_prefix, "ss:mem:");
    assert_eq!(sp.description, None);

    let upd = UpdateOpts {
        enabled: Some(true),
        relay_state_prefix: Some("ss:temp:".into()),
        description: Some("partner".into()),
        ..Default::default()
    };
    let sp = service_providers::update(&identity, &id, &upd)
        .await
        .extract()
        .unwrap();
    assert!(sp.enabled);
    assert_eq!(sp.relay_state_prefix, "ss:temp:");

    let got = service_providers::get(&identity, &id)
        .await
        .extract()
        .unwrap();
    assert_eq!(got.description.as_deref(), Some("partner"));
    let listed = service_providers::extract_service_providers(
        &service_providers::list(
            &identity,
            &ListOpts {
                id: Some(id.clone()),
                enabled: Some(true),
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].sp_url, opts.sp_url);

    service_providers::delete(&identity, &id)
        .await
        .ok()
        .unwrap();
    let err = service_providers::get(&identity, &id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
