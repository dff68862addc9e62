use crate::support::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::identity::v3::identity_providers::{
    self, CreateOpts, ListOpts, ProtocolOpts, UpdateOpts,
};
use ferrocloud::openstack::identity::v3::mappings::{
    self, LocalRule, MappingOpts, RemoteRule, Rule,
};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn identity_provider_and_protocol_round_trip() {
    let identity = admin_identity().await;
    let idp_id = unique("idp");
    let map_id = unique("idp-map");
    let rules = vec![Rule::new(
        vec![LocalRule::user_name("{0}")],
        vec![RemoteRule::new("REMOTE_USER")],
    )];
    mappings::create(&identity, &map_id, &MappingOpts::new(rules))
        .await
        .extract()
        .unwrap();

    let opts = CreateOpts {
        description: Some("made by a test".into()),
        remote_ids: Some(vec![format!("https://{idp_id}.example.com")]),
        enabled: Some(true),
        authorization_ttl: Some(30),
        ..Default::default()
    };
    let idp = identity_providers::create(&identity, &idp_id, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(idp.id, idp_id);
    assert!(idp.enabled);
    assert_eq!(idp.authorization_ttl, Some(30));
    // Keystone creates a domain for the provider when none is given.
    let domain_id = idp.domain_id.clone();
    assert!(!domain_id.is_empty());

    let got = identity_providers::get(&identity, &idp_id)
        .await
        .extract()
        .unwrap();
    assert_eq!(got.remote_ids, [format!("https://{idp_id}.example.com")]);
    let listed = identity_providers::extract_identity_providers(
        &identity_providers::list(
            &identity,
            &ListOpts {
                id: Some(idp_id.clone()),
                ..Default::default()
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].links.protocols.is_some());

    let upd = UpdateOpts {
        enabled: Some(false),
        description: Some("changed".into()),
        ..Default::default()
    };
    let idp = identity_providers::update(&identity, &idp_id, &upd)
        .await
        .extract()
        .unwrap();
    assert!(!idp.enabled);
    assert_eq!(idp.domain_id, domain_id);

    let p = identity_providers::create_protocol(
        &identity,
        &idp_id,
        "openid",
        &ProtocolOpts::new(&map_id),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(p.mapping_id, map_id);
    let got = identity_providers::get_protocol(&identity, &idp_id, "openid")
        .await
        .extract()
        .unwrap();
    assert_eq!(got.id, "openid");
    let p = identity_providers::update_protocol(
        &identity,
        &idp_id,
        "openid",
        &ProtocolOpts::new(&map_id).remote_id_attribute("OIDC-iss"),
    )
    .await
    .extract()
    .unwrap();
    // Keystone returns the remote ID attribute in listings only.
    assert_eq!(p.mapping_id, map_id);
    let all = identity_providers::extract_protocols(
        &identity_providers::list_protocols(&identity, &idp_id)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 1);
    // Listings carry the provider's ID and the remote ID attribute.
    assert_eq!(all[0].idp_id.as_deref(), Some(idp_id.as_str()));
    assert_eq!(all[0].remote_id_attribute.as_deref(), Some("OIDC-iss"));

    identity_providers::delete_protocol(&identity, &idp_id, "openid")
        .await
        .ok()
        .unwrap();
    let err = identity_providers::get_protocol(&identity, &idp_id, "openid")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    identity_providers::delete(&identity, &idp_id)
        .await
        .ok()
        .unwrap();
    let err = identity_providers::get(&identity, &idp_id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    mappings::delete(&identity, &map_id).await.ok().unwrap();
    // The domain Keystone created for the provider stays; remove it (disable, delete).
    cleanup_domain(&identity, &domain_id).await;
}

async fn cleanup_domain(identity: &ferrocloud::ServiceClient, domain_id: &str) {
    use ferrocloud::openstack::identity::v3::domains::{self, UpdateOpts};
    let off = UpdateOpts {
        enabled: Some(false),
        ..Default::default()
    };
    domains::update(identity, domain_id, &off)
        .await
        .ok()
        .unwrap();
    domains::delete(identity, domain_id).await.ok().unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn duplicate_remote_ids_conflict() {
    let identity = admin_identity().await;
    let (a, b) = (unique("idp-a"), unique("idp-b"));
    let opts = CreateOpts {
        remote_ids: Some(vec![format!("https://{a}.example.com")]),
        ..Default::default()
    };
    let first = identity_providers::create(&identity, &a, &opts)
        .await
        .extract()
        .unwrap();
    let err = identity_providers::create(&identity, &b, &opts)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    identity_providers::delete(&identity, &a)
        .await
        .ok()
        .unwrap();
    cleanup_domain(&identity, &first.domain_id).await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn a_member_cannot_register_identity_providers() {
    let identity = ferrocloud::openstack::new_identity_v3(&member().await, region()).unwrap();
    let err = identity_providers::create(&identity, &unique("nope"), &CreateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
}
