use crate::support::*;
use ferrocloud::openstack::identity::v2::ec2;
use ferrocloud::{ErrorKind, ServiceClient};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn identity_v2_is_not_served() {
    // Keystone removed v2.0 (Queens); the devcloud's Keystone answers 404 under /v2.0,
    // so the v2.0 EC2 calls are covered by mock tests only.
    let admin = admin().await;
    let root = auth_url()
        .trim_end_matches('/')
        .trim_end_matches("/v3")
        .to_string();
    let v2 = ServiceClient::new(admin, "identity", &root, Some("v2.0")).unwrap();
    let err = ec2::list(&v2, "any-user").all_pages().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
