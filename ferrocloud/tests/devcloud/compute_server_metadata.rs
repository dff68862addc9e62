//! Server metadata items against the real Nova.

use std::collections::BTreeMap;

use crate::compute_ips::{member_compute, with_server};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::compute::v2::{server_metadata, servers};

fn map(items: &[(&str, &str)]) -> BTreeMap<String, String> {
    items
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn set_get_replace_delete() {
    with_server(
        &member_compute().await,
        "metadata",
        |compute, id| async move {
            assert!(
                server_metadata::list(&compute, &id)
                    .await
                    .extract()
                    .unwrap()
                    .is_empty()
            );

            // POST merges.
            let all =
                server_metadata::set(&compute, &id, &map(&[("role", "web"), ("tier", "front")]))
                    .await
                    .extract()
                    .unwrap();
            assert_eq!(all, map(&[("role", "web"), ("tier", "front")]));
            let all = server_metadata::set(&compute, &id, &map(&[("owner", "ops team")]))
                .await
                .extract()
                .unwrap();
            assert_eq!(all.len(), 3);

            // One item: show, create or update, delete.
            let item = server_metadata::get_item(&compute, &id, "role")
                .await
                .extract()
                .unwrap();
            assert_eq!((item.key.as_str(), item.value.as_str()), ("role", "web"));
            let item = server_metadata::set_item(&compute, &id, "role", "api")
                .await
                .extract()
                .unwrap();
            assert_eq!(item.value, "api");
            server_metadata::set_item(&compute, &id, "a.b:c d", "odd key")
                .await
                .ok()
                .unwrap();
            assert_eq!(
                server_metadata::get_item(&compute, &id, "a.b:c d")
                    .await
                    .extract()
                    .unwrap()
                    .value,
                "odd key"
            );
            server_metadata::delete_item(&compute, &id, "tier")
                .await
                .ok()
                .unwrap();
            let err = server_metadata::get_item(&compute, &id, "tier")
                .await
                .extract()
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::NotFound);
            let err = server_metadata::delete_item(&compute, &id, "tier")
                .await
                .ok()
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::NotFound);

            // The server shows the same metadata.
            let server = servers::get(&compute, &id).await.extract().unwrap();
            assert_eq!(
                server.metadata,
                map(&[
                    ("role", "api"),
                    ("owner", "ops team"),
                    ("a.b:c d", "odd key")
                ])
            );

            // PUT replaces; an empty map removes everything.
            let all = server_metadata::replace(&compute, &id, &map(&[("only", "one")]))
                .await
                .extract()
                .unwrap();
            assert_eq!(all, map(&[("only", "one")]));
            assert_eq!(
                server_metadata::list(&compute, &id)
                    .await
                    .extract()
                    .unwrap(),
                map(&[("only", "one")])
            );
            assert!(
                server_metadata::replace(&compute, &id, &BTreeMap::new())
                    .await
                    .extract()
                    .unwrap()
                    .is_empty()
            );

            // Refused by the SDK before Nova sees it.
            let err = server_metadata::set_item(&compute, &id, "bad/key", "v")
                .await
                .ok()
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput);
        },
    )
    .await;
}
