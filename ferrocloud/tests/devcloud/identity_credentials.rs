use std::panic::AssertUnwindSafe;

use crate::support::*;
use ferrocloud::openstack::identity::v3::credentials::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::openstack::identity::v3::users;
use ferrocloud::{ErrorKind, ExposeSecret, ServiceClient};
use futures::FutureExt;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn credential_round_trip() {
    let admin = admin().await;
    let identity = ferrocloud::openstack::new_identity_v3(&admin, region()).unwrap();
    let project_id = admin.auth_info().unwrap().project.unwrap().id;
    let u = users::create(
        &identity,
        &users::CreateOpts::new(unique("owner")).domain_id("default"),
    )
    .await
    .extract()
    .unwrap();
    let outcome = AssertUnwindSafe(exercise(&identity, &u.id, &project_id))
        .catch_unwind()
        .await;
    users::delete(&identity, &u.id).await.ok().unwrap();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn exercise(identity: &ServiceClient, user_id: &str, project_id: &str) {
    let access = unique("access");
    let secret = unique("secret");
    let c = credentials::create(
        identity,
        &CreateOpts::ec2(user_id, project_id, &access, &secret),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(c.credential_type, "ec2");
    assert_eq!(c.user_id, user_id);
    assert_eq!(c.project_id.as_deref(), Some(project_id));
    assert!(!format!("{c:?}").contains(&secret));
    let blob: serde_json::Value = serde_json::from_str(c.blob.expose_secret()).unwrap();
    assert_eq!(blob["access"], access.as_str());
    assert_eq!(blob["secret"], secret.as_str());

    let totp = credentials::create(
        identity,
        &CreateOpts::totp(user_id, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        totp.blob.expose_secret(),
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    );

    let got = credentials::get(identity, &c.id).await.extract().unwrap();
    assert_eq!(got.blob.expose_secret(), c.blob.expose_secret());
    let mine = credentials::extract_credentials(
        &credentials::list(
            identity,
            &ListOpts {
                user_id: Some(user_id.to_string()),
                ..Default::default()
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(mine.len(), 2);
    let ec2 = credentials::extract_credentials(
        &credentials::list(
            identity,
            &ListOpts {
                user_id: Some(user_id.to_string()),
                credential_type: Some("ec2".into()),
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(ec2.len(), 1);
    assert_eq!(ec2[0].id, c.id);

    let upd = UpdateOpts {
        blob: Some("HEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ".into()),
        ..Default::default()
    };
    let t2 = credentials::update(identity, &totp.id, &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(t2.blob.expose_secret(), "HEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

    for id in [&c.id, &totp.id] {
        credentials::delete(identity, id).await.ok().unwrap();
        let err = credentials::get(identity, id).await.extract().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
    }
}
