use crate::support::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::identity::v3::policies::{self, CreateOpts, ListOpts, UpdateOpts};
use serde_json::json;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn policy_round_trip() {
    let identity = admin_identity().await;
    let media_type = format!("application/x-{}", unique("policy"));
    let doc = json!({"compute:start": "role:member"}).to_string();
    let p = policies::create(&identity, &CreateOpts::new(&media_type, &doc))
        .await
        .extract()
        .unwrap();
    assert_eq!(p.media_type, media_type);
    // Keystone keeps the document as the text it was given.
    assert_eq!(p.blob_text(), Some(doc.as_str()));

    let got = policies::get(&identity, &p.id).await.extract().unwrap();
    assert_eq!(got.blob_text(), Some(doc.as_str()));
    let listed = policies::extract_policies(
        &policies::list(
            &identity,
            &ListOpts {
                media_type: Some(media_type.clone()),
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    assert_eq!(listed.len(), 1);

    let doc2 = json!({"compute:start": "role:admin"}).to_string();
    let upd = UpdateOpts {
        blob: Some(json!(doc2)),
        ..Default::default()
    };
    let p2 = policies::update(&identity, &p.id, &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(p2.blob_text(), Some(doc2.as_str()));

    policies::delete(&identity, &p.id).await.ok().unwrap();
    let err = policies::get(&identity, &p.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
