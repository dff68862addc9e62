use crate::support::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::identity::v3::simple_cert;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn simple_cert_is_gone() {
    let identity = admin_identity().await;
    for res in [
        simple_cert::get_ca_certificate(&identity).await,
        simple_cert::list_certificates(&identity).await,
    ] {
        let err = res.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnexpectedStatus);
        assert_eq!(err.status().map(|s| s.as_u16()), Some(410));
        assert!(err.to_string().contains("PKI"), "{err}");
    }
}
