//! Key pairs as the demo user against the real Nova: generate (2.91), import (2.92),
//! list with paging (2.35), show, find, delete; an admin reads them by user (2.10).

use crate::support::*;
use ferrocloud::openstack::compute::v2::keypairs::{self, CreateOpts, KeyType, ListOpts, UserOpts};
use ferrocloud::{ErrorKind, ExposeSecret, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_keypairs_generate_import_list_delete() {
    let demo =
        openstack::new_compute_v2(&crate::support::fresh(member_opts()).await, region()).unwrap();
    let generated_name = unique("kp-gen");
    let generated = keypairs::create(
        &demo.with_microversion("2.91"),
        &CreateOpts::new(&generated_name),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(generated.name, generated_name);
    assert_eq!(generated.key_type.as_deref(), Some("ssh"));
    assert!(
        generated.public_key.starts_with("ssh-"),
        "{}",
        generated.public_key
    );
    assert!(
        generated
            .private_key
            .as_ref()
            .unwrap()
            .expose_secret()
            .contains("PRIVATE KEY")
    );
    assert!(!format!("{generated:?}").contains("PRIVATE KEY"));
    let demo_user = generated.user_id.clone().unwrap();

    // From 2.92 Nova only imports.
    let demo292 = demo.with_microversion("2.92");
    let err = keypairs::create(&demo292, &CreateOpts::new(unique("kp-none")))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let imported_name = unique("kp-imp");
    let imported = keypairs::create(
        &demo292,
        &CreateOpts::import(&imported_name, &generated.public_key).key_type(KeyType::Ssh),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(imported.fingerprint, generated.fingerprint);
    assert!(imported.private_key.is_none());

    let shown = keypairs::get(&demo.with_microversion("2.2"), &imported_name)
        .await
        .extract()
        .unwrap();
    assert_eq!(shown.public_key.trim(), generated.public_key.trim());
    assert_eq!(shown.key_type.as_deref(), Some("ssh"));
    assert!(shown.created_at.is_some() && shown.id.is_some());
    assert_eq!(
        keypairs::find(&demo, &generated_name)
            .await
            .unwrap()
            .fingerprint,
        generated.fingerprint
    );

    // Page by one at 2.35: both pairs come back over the pages.
    let opts = ListOpts {
        limit: Some(1),
        ..Default::default()
    };
    let all = keypairs::extract_keypairs(
        &keypairs::list(&demo.with_microversion("2.35"), &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    let names: Vec<&str> = all.iter().map(|k| k.name.as_str()).collect();
    assert!(
        names.contains(&generated_name.as_str()) && names.contains(&imported_name.as_str()),
        "{names:?}"
    );

    // An administrator reads the demo user's key pairs (2.10).
    let admin = openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region())
        .unwrap()
        .with_microversion("2.10");
    let theirs = UserOpts {
        user_id: Some(demo_user.clone()),
    };
    let seen = keypairs::get_with(&admin, &imported_name, &theirs)
        .await
        .extract()
        .unwrap();
    assert_eq!(seen.user_id.as_deref(), Some(demo_user.as_str()));
    let listed = keypairs::extract_keypairs(
        &keypairs::list(
            &admin,
            &ListOpts {
                user_id: Some(demo_user.clone()),
                ..Default::default()
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert!(listed.iter().any(|k| k.name == imported_name));
    keypairs::delete_with(&admin, &imported_name, &theirs)
        .await
        .ok()
        .unwrap();

    keypairs::delete(&demo, &generated_name).await.ok().unwrap();
    for name in [&generated_name, &imported_name] {
        let err = keypairs::get(&demo, name).await.extract().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
    }
    let err = keypairs::find(&demo, &generated_name).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
