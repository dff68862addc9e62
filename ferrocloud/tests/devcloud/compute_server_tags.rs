//! Server tags against the real Nova.

use crate::compute_ips::{member_compute, with_server};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::compute::v2::{server_tags, servers};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn add_check_replace_delete() {
    with_server(&member_compute().await, "tags", |compute, id| async move {
        let compute = compute.with_microversion("2.26");
        assert!(
            server_tags::list(&compute, &id)
                .await
                .extract()
                .unwrap()
                .tags
                .is_empty()
        );

        let added = server_tags::add(&compute, &id, "prod").await;
        added.ok().unwrap();
        assert_eq!(added.status().unwrap().as_u16(), 201);
        assert!(
            added
                .response()
                .unwrap()
                .header("location")
                .unwrap()
                .ends_with(&format!("/servers/{id}/tags/prod"))
        );
        // Adding it again is fine (204).
        let again = server_tags::add(&compute, &id, "prod").await;
        assert_eq!(again.status().unwrap().as_u16(), 204);
        server_tags::add(&compute, &id, "with space")
            .await
            .ok()
            .unwrap();

        assert!(server_tags::has(&compute, &id, "prod").await.unwrap());
        assert!(server_tags::has(&compute, &id, "with space").await.unwrap());
        assert!(!server_tags::has(&compute, &id, "dev").await.unwrap());
        let mut tags = server_tags::list(&compute, &id)
            .await
            .extract()
            .unwrap()
            .tags;
        tags.sort();
        assert_eq!(tags, ["prod", "with space"]);

        let mut replaced = server_tags::replace(&compute, &id, &["web", "eu", "web"])
            .await
            .extract()
            .unwrap()
            .tags;
        replaced.sort();
        assert_eq!(replaced, ["eu", "web"]);
        let server = servers::get(&compute, &id).await.extract().unwrap();
        let mut on_server = server.tags.unwrap();
        on_server.sort();
        assert_eq!(on_server, ["eu", "web"]);

        server_tags::delete(&compute, &id, "web")
            .await
            .ok()
            .unwrap();
        let err = server_tags::delete(&compute, &id, "web")
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        assert_eq!(
            server_tags::list(&compute, &id)
                .await
                .extract()
                .unwrap()
                .tags,
            ["eu"]
        );
        server_tags::delete_all(&compute, &id).await.ok().unwrap();
        assert!(
            server_tags::list(&compute, &id)
                .await
                .extract()
                .unwrap()
                .tags
                .is_empty()
        );

        // Refused before sending: a bad tag, an old microversion.
        let err = server_tags::add(&compute, &id, "a/b")
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        let err = server_tags::list(&compute.with_microversion("2.25"), &id)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    })
    .await;
}
