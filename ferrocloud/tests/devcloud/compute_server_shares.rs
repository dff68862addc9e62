//! Share attachments against the real Nova (2.97+). The devcloud has no Manila: only the
//! listing and the errors can be checked.

use crate::compute_ips::{member_compute, with_server};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::compute::v2::server_shares::{self, AttachOpts};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn list_empty_and_errors() {
    with_server(
        &member_compute().await,
        "shares",
        |compute, id| async move {
            let compute = compute.with_microversion("2.97");
            let page = server_shares::list(&compute, &id)
                .all_pages()
                .await
                .unwrap();
            assert!(server_shares::extract_shares(&page).unwrap().is_empty());

            let share = "e8debdc0-447a-4376-a10a-4cd9122d7986";
            let err = server_shares::get(&compute, &id, share)
                .await
                .extract()
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::NotFound);
            // Attaching needs a stopped server: an active one is a conflict.
            let err = server_shares::attach(&compute, &id, &AttachOpts::new(share))
                .await
                .extract()
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
            // Too old a microversion is refused before sending.
            let err = server_shares::list(&compute.with_microversion("2.96"), &id)
                .all_pages()
                .await
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput);
        },
    )
    .await;
}
