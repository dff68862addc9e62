//! The account: HEAD into typed figures, metadata and TempURL key changes, delete.

use ferrocloud::ExposeSecret;
use ferrocloud::openstack::objectstorage::v1::account::{self, UpdateOpts};
use ferrocloud::openstack::objectstorage::v1::common::MetadataChanges;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::{ACCOUNT, received, swift};

#[tokio::test]
async fn get_reads_the_headers() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("HEAD"))
        .and(path(format!("{ACCOUNT}/")))
        .respond_with(
            ResponseTemplate::new(204)
                .insert_header("X-Account-Container-Count", "2")
                .insert_header("X-Account-Object-Count", "7")
                .insert_header("X-Account-Bytes-Used", "14")
                .insert_header("X-Account-Meta-Book", "MobyDick")
                .insert_header("X-Account-Meta-Temp-URL-Key", "s3cr3t-key")
                .insert_header("X-Account-Meta-Quota-Bytes", "1000")
                .insert_header("X-Account-Storage-Policy-Gold-Object-Count", "7")
                .insert_header("X-Account-Storage-Policy-Gold-Bytes-Used", "14")
                .insert_header("X-Account-Storage-Policy-Gold-Container-Count", "2")
                .insert_header("X-Timestamp", "1389453423.35964"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let result = account::get(&client).await;
    let a = result.extract().unwrap();
    assert_eq!(
        (a.container_count, a.object_count, a.bytes_used),
        (2, 7, 14)
    );
    assert_eq!(a.metadata.get("book").map(String::as_str), Some("MobyDick"));
    assert!(
        !a.metadata.contains_key("temp-url-key"),
        "keys are not plain metadata"
    );
    assert_eq!(
        a.temp_url_key.as_ref().unwrap().expose_secret(),
        "s3cr3t-key"
    );
    assert!(!format!("{a:?}").contains("s3cr3t-key"), "{a:?}");
    assert_eq!(a.quota_bytes, Some(1000));
    let gold = &a.policies["gold"];
    assert_eq!(
        (gold.container_count, gold.object_count, gold.bytes_used),
        (2, 7, 14)
    );
    assert_eq!(a.created.unwrap().timestamp(), 1389453423);
    assert_eq!(result.status_code(), Some(204));
}

#[tokio::test]
async fn a_missing_count_is_a_decode_error() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("HEAD"))
        .respond_with(ResponseTemplate::new(204).insert_header("X-Account-Object-Count", "x"))
        .mount(&server)
        .await;
    let err = account::get(&client).await.extract().unwrap_err();
    assert_eq!(err.kind(), ferrocloud::ErrorKind::Decode);
    assert!(err.to_string().contains("x-account-"), "{err}");
}

#[tokio::test]
async fn update_sends_metadata_and_key_headers() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("POST"))
        .and(path(format!("{ACCOUNT}/")))
        .and(header("X-Account-Meta-Owner", "ops"))
        .and(header("X-Remove-Account-Meta-Old", "x"))
        .and(header("X-Account-Meta-Temp-URL-Key", "k1"))
        .and(header("X-Remove-Account-Meta-Temp-URL-Key-2", "x"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts {
        metadata: MetadataChanges::default().set("Owner", "ops").remove("Old"),
        temp_url_key: Some("k1".to_string().into()),
        remove_temp_url_key_2: true,
        ..UpdateOpts::default()
    };
    account::update(&client, &opts).await.ok().unwrap();
    assert!(!format!("{opts:?}").contains("k1"));
}

#[tokio::test]
async fn bad_metadata_names_fail_before_sending() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    for name in ["", "two words", "a:b", "é"] {
        let opts = UpdateOpts {
            metadata: MetadataChanges::default().set(name, "v"),
            ..UpdateOpts::default()
        };
        let err = account::update(&client, &opts).await.ok().unwrap_err();
        assert_eq!(err.kind(), ferrocloud::ErrorKind::InvalidInput, "{name:?}");
    }
    let opts = UpdateOpts {
        metadata: MetadataChanges::default().set("ok", "line\nbreak"),
        ..UpdateOpts::default()
    };
    let err = account::update(&client, &opts).await.ok().unwrap_err();
    assert_eq!(err.kind(), ferrocloud::ErrorKind::InvalidInput);
    assert!(
        received(&server, "POST", &format!("{ACCOUNT}/"))
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn delete_is_a_delete_of_the_account() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("DELETE"))
        .and(path(format!("{ACCOUNT}/")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    account::delete(&client).await.ok().unwrap();
}
