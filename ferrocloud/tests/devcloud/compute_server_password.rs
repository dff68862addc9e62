//! The server password against the real Nova (fake driver: no guest posts one).

use crate::compute_ips::{member_compute, with_server};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::compute::v2::server_password;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn empty_password_and_clear() {
    with_server(
        &member_compute().await,
        "password",
        |compute, id| async move {
            // No guest agent runs on the fake driver: Nova answers {"password": ""}.
            let p = server_password::get(&compute, &id).await;
            let body: serde_json::Value = serde_json::from_slice(p.body().unwrap()).unwrap();
            assert_eq!(body, serde_json::json!({"password": ""}));
            assert!(p.extract().unwrap().password.is_none());

            let cleared = server_password::clear(&compute, &id).await;
            cleared.ok().unwrap();
            assert_eq!(cleared.status().unwrap().as_u16(), 204);
            assert!(
                server_password::get(&compute, &id)
                    .await
                    .extract()
                    .unwrap()
                    .password
                    .is_none()
            );

            let err = server_password::get(&compute, "00000000-0000-0000-0000-000000000000")
                .await
                .extract()
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::NotFound);
        },
    )
    .await;
}
