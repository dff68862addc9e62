//! Migrations of one server against the real Nova: none is in progress on a one-host
//! cloud; an unknown migration is 404 to show, and 409 to force or abort while the
//! server is not migrating.

use crate::compute_servers::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::compute::v2::server_migrations;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn no_migration_in_progress() {
    let provider = admin_provider().await;
    let compute = compute_for(&provider).await;
    let opts = admin_server_opts(&provider, "mig").await;
    with_server(&compute, opts, |compute, server, _| async move {
        let id = server.id.clone();
        let all = server_migrations::list(&compute, &id)
            .all_pages()
            .await
            .unwrap()
            .extract()
            .unwrap();
        assert!(all.is_empty(), "{all:?}");
        let e = server_migrations::get(&compute, &id, 999_999)
            .await
            .extract()
            .unwrap_err();
        assert!(e.is_not_found(), "{e}");
        // Forcing a migration of a server that is not migrating: Nova checks the
        // server's state first.
        let e = server_migrations::force_complete(&compute, &id, 999_999)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
        assert!(e.service_message().contains("invalid state"), "{e}");
        let e = server_migrations::abort(&compute, &id, 999_999)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Conflict, "{e}");
        // A member may not list them (policy: admin).
        let member = member_compute().await;
        let e = server_migrations::list(&member, &id)
            .all_pages()
            .await
            .unwrap_err();
        assert!(
            matches!(e.kind(), ErrorKind::Forbidden | ErrorKind::NotFound),
            "{e}"
        );
    })
    .await;
}
