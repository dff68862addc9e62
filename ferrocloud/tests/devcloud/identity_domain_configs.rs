use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;

use crate::support::*;
use ferrocloud::openstack::identity::v3::domain_configs::{self, DomainConfig};
use ferrocloud::openstack::identity::v3::domains::{self, CreateOpts, UpdateOpts};
use ferrocloud::{ErrorKind, ServiceClient};
use futures::FutureExt;
use serde_json::json;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn domain_configuration_round_trip() {
    let identity = admin_identity().await;
    let d = domains::create(&identity, &CreateOpts::new(unique("configured")))
        .await
        .extract()
        .unwrap();
    let outcome = AssertUnwindSafe(exercise(&identity, &d.id))
        .catch_unwind()
        .await;
    let off = UpdateOpts {
        enabled: Some(false),
        ..Default::default()
    };
    domains::update(&identity, &d.id, &off).await.ok().unwrap();
    domains::delete(&identity, &d.id).await.ok().unwrap();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn exercise(identity: &ServiceClient, domain_id: &str) {
    let err = domain_configs::get(identity, domain_id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    let config = DomainConfig::new()
        .option("identity", "driver", "ldap")
        .option("ldap", "url", "ldap://ldap.example.com")
        .option("ldap", "user_tree_dn", "ou=Users,dc=example,dc=com");
    let created = domain_configs::create(identity, domain_id, &config).await;
    assert_eq!(created.status().map(|s| s.as_u16()), Some(201));
    assert_eq!(created.extract().unwrap(), config);
    // A second create replaces it (200).
    let replaced = domain_configs::create(identity, domain_id, &config).await;
    assert_eq!(replaced.status().map(|s| s.as_u16()), Some(200));
    assert_eq!(
        domain_configs::get(identity, domain_id)
            .await
            .extract()
            .unwrap(),
        config
    );

    let ldap = domain_configs::get_group(identity, domain_id, "ldap")
        .await
        .extract()
        .unwrap();
    assert_eq!(ldap.groups.len(), 1);
    assert_eq!(ldap.get("ldap", "url").unwrap(), "ldap://ldap.example.com");
    let url = domain_configs::get_option(identity, domain_id, "ldap", "url")
        .await
        .extract()
        .unwrap();
    assert_eq!(url.value().unwrap(), "ldap://ldap.example.com");

    let all = domain_configs::update_option(
        identity,
        domain_id,
        "ldap",
        "url",
        json!("ldaps://ldap.example.com"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(all.get("ldap", "url").unwrap(), "ldaps://ldap.example.com");
    assert_eq!(all.get("identity", "driver").unwrap(), "ldap");

    let options = BTreeMap::from([(
        "user_tree_dn".to_string(),
        json!("ou=People,dc=example,dc=com"),
    )]);
    let all = domain_configs::update_group(identity, domain_id, "ldap", &options)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        all.get("ldap", "user_tree_dn").unwrap(),
        "ou=People,dc=example,dc=com"
    );
    assert_eq!(all.get("ldap", "url").unwrap(), "ldaps://ldap.example.com");

    let more = DomainConfig::new().option("ldap", "user_filter", "(objectClass=person)");
    let all = domain_configs::update(identity, domain_id, &more)
        .await
        .extract()
        .unwrap();
    assert_eq!(all.groups["ldap"].len(), 3);

    domain_configs::delete_option(identity, domain_id, "ldap", "user_filter")
        .await
        .ok()
        .unwrap();
    let err = domain_configs::get_option(identity, domain_id, "ldap", "user_filter")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    domain_configs::delete_group(identity, domain_id, "ldap")
        .await
        .ok()
        .unwrap();
    let left = domain_configs::get(identity, domain_id)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        left,
        DomainConfig::new().option("identity", "driver", "ldap")
    );
    domain_configs::delete(identity, domain_id)
        .await
        .ok()
        .unwrap();
    let err = domain_configs::get(identity, domain_id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    // A group Keystone does not allow for domains.
    let bad = DomainConfig::new().option("token", "expiration", 60);
    let err = domain_configs::create(identity, domain_id, &bad)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn default_configuration() {
    let identity = admin_identity().await;
    let all = domain_configs::get_default(&identity)
        .await
        .extract()
        .unwrap();
    assert!(all.groups.contains_key("identity"));
    assert!(all.groups.contains_key("ldap"));
    let ldap = domain_configs::get_group_default(&identity, "ldap")
        .await
        .extract()
        .unwrap();
    assert_eq!(ldap.groups.len(), 1);
    assert_eq!(ldap.get("ldap", "url"), all.get("ldap", "url"));
    let url = domain_configs::get_option_default(&identity, "ldap", "url")
        .await
        .extract()
        .unwrap();
    assert_eq!(url.value(), all.get("ldap", "url"));
}
