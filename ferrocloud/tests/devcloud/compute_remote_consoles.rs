//! Remote consoles against the real Nova: the devcloud runs no console proxy, so Nova
//! refuses every console type; console tokens it does not know are 404.

use crate::compute_servers::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::compute::v2::remote_consoles::{
    self, ConsoleType, CreateOpts, Protocol,
};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn consoles_are_unavailable_and_unknown_tokens_not_found() {
    let provider = admin_provider().await;
    let compute = compute_for(&provider).await;
    let opts = admin_server_opts(&provider, "con").await;
    with_server(&compute, opts, |compute, server, _| async move {
        for (protocol, console_type) in [
            (Protocol::Vnc, ConsoleType::NoVnc),
            (Protocol::Spice, ConsoleType::SpiceHtml5),
            (Protocol::Serial, ConsoleType::Serial),
        ] {
            let e = remote_consoles::create(
                &compute,
                &server.id,
                &CreateOpts::new(protocol, console_type.clone()),
            )
            .await
            .extract()
            .unwrap_err();
            assert_eq!(e.kind(), ErrorKind::BadRequest, "{console_type:?}: {e}");
            assert!(
                e.service_message().contains("Unavailable console type"),
                "{e}"
            );
        }
        let e = remote_consoles::get_connection(&compute, "no-such-token")
            .await
            .extract()
            .unwrap_err();
        assert!(e.is_not_found(), "{e}");
        // Before 2.31 Nova answers 400 to any token; the SDK does not send it.
        let e = remote_consoles::get_connection(&compute.with_microversion("2.30"), "t")
            .await
            .extract()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
    })
    .await;
}
