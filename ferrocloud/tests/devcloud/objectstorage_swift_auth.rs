//! Swift's own v1.0 authentication against the real Swift proxy: the devcloud runs
//! `tempauth` (accounts `TEMP_*`) beside Keystone (`AUTH_*`) in one pipeline.

use bytes::Bytes;
use ferrocloud::openstack::objectstorage::v1::common::ListOpts;
use ferrocloud::openstack::objectstorage::v1::containers::{self, UpdateOpts};
use ferrocloud::openstack::objectstorage::v1::objects::{CreateOpts, DeleteOpts, DownloadOpts};
use ferrocloud::openstack::objectstorage::v1::{account, objects};
use ferrocloud::{AuthOptions, EndpointOpts, ErrorKind, ServiceClient, openstack};
use futures::TryStreamExt;

use crate::support::*;

fn swift_auth_url() -> String {
    std::env::var("FERROCLOUD_DEVCLOUD_SWIFT_AUTH_URL")
        .unwrap_or_else(|_| "http://127.0.0.1:8080/auth/v1.0".into())
}

async fn tempauth(user: &str, key: &str) -> ferrocloud::Result<ServiceClient> {
    record_operations();
    let provider =
        openstack::authenticated_client(AuthOptions::swift_v1(swift_auth_url(), user, key)).await?;
    openstack::new_object_storage_v1(&provider, EndpointOpts::default())
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn objectstorage_swift_v1_auth_reaches_its_account_and_acls_let_others_in() {
    let swift = tempauth("test:tester", "testing").await.unwrap();
    // The storage URL Swift answered is the whole catalog.
    assert!(
        swift.endpoint().path().ends_with("/v1/TEMP_test/"),
        "{}",
        swift.endpoint()
    );
    account::get(&swift).await.extract().unwrap();

    let c = unique("v1auth");
    containers::create(&swift, &c, &Default::default())
        .await
        .ok()
        .unwrap();
    let body = Bytes::from_static(b"stored with a tempauth token");
    objects::create(
        &swift,
        &c,
        "dir/a.txt",
        body.clone(),
        &CreateOpts::default(),
    )
    .await
    .ok()
    .unwrap();
    let names: Vec<String> = objects::list_names(&swift, &c, &ListOpts::default())
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names, ["dir/a.txt"]);

    // A user of the account without .admin is refused until an ACL names it.
    let reader = tempauth("test:reader", "reading").await.unwrap();
    assert_eq!(reader.endpoint(), swift.endpoint());
    let err = objects::download(&reader, &c, "dir/a.txt", &DownloadOpts::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden, "{err}");
    let acl = UpdateOpts {
        set: containers::CreateOpts {
            read_acl: Some("test:reader".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    containers::update(&swift, &c, &acl).await.ok().unwrap();
    let got = objects::download(&reader, &c, "dir/a.txt", &DownloadOpts::default())
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(got, body);
    // Reading is all the ACL grants.
    let err = objects::delete(&reader, &c, "dir/a.txt", &DeleteOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden, "{err}");

    objects::delete(&swift, &c, "dir/a.txt", &DeleteOpts::default())
        .await
        .ok()
        .unwrap();
    containers::delete(&swift, &c).await.ok().unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn objectstorage_swift_v1_auth_refuses_a_wrong_key_without_echoing_it() {
    let err = tempauth("test:tester", "not-the-key-5150")
        .await
        .expect_err("a wrong key is refused");
    assert!(
        matches!(err.kind(), ErrorKind::Unauthorized | ErrorKind::Auth),
        "{err:?}"
    );
    assert!(
        !format!("{err} {err:?}").contains("not-the-key-5150"),
        "{err:?}"
    );
    // A tempauth token does not open a Keystone account.
    let swift = tempauth("test:tester", "testing").await.unwrap();
    let keystone = openstack::new_object_storage_v1(&member().await, region()).unwrap();
    assert!(keystone.endpoint().path().contains("/v1/AUTH_"));
    let crossed = ServiceClient::new(
        swift.provider().clone(),
        "object-store",
        keystone.endpoint().as_str(),
        None,
    )
    .unwrap();
    let err = account::get(&crossed).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden, "{err}");
}
