//! Containers: the account listing by marker, create with settings, HEAD, update, delete.

use ferrocloud::openstack::objectstorage::v1::common::{ListOpts, MetadataChanges};
use ferrocloud::openstack::objectstorage::v1::containers::{self, CreateOpts, UpdateOpts};
use futures::TryStreamExt;
use wiremock::matchers::{header, headers, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::{ACCOUNT, received, sample, swift};

#[tokio::test]
async fn list_pages_by_marker_until_an_empty_page() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{ACCOUNT}/")))
        .and(query_param("format", "json"))
        .and(query_param("marker", "marktwain"))
        .respond_with(ResponseTemplate::new(200).set_body_string("[]"))
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{ACCOUNT}/")))
        .and(query_param("format", "json"))
        .and(query_param("limit", "2"))
        .and(query_param("prefix", "ma"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(sample("account-containers-list-response.json")),
        )
        .with_priority(2)
        .expect(1)
        .mount(&server)
        .await;
    let all: Vec<_> = containers::list(&client, &ListOpts::default().limit(2).prefix("ma"))
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(
        (all[1].name.as_str(), all[1].count, all[1].bytes),
        ("marktwain", 1, 14)
    );
    assert_eq!(
        all[0].last_modified.unwrap().to_rfc3339(),
        "2013-11-19T20:08:13.283452+00:00"
    );
}

#[tokio::test]
async fn create_sends_the_settings_as_headers() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("{ACCOUNT}/my%20box")))
        .and(headers("X-Container-Read", vec![".r:*", ".rlistings"]))
        .and(header("X-Storage-Policy", "gold"))
        .and(header("X-Versions-Enabled", "true"))
        .and(header("X-Container-Meta-Quota-Bytes", "1024"))
        .and(header("X-Container-Meta-Colour", "blue"))
        .and(header("X-Container-Sync-Key", "sync-s3cr3t"))
        .respond_with(ResponseTemplate::new(201))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts {
        read_acl: Some(".r:*,.rlistings".into()),
        storage_policy: Some("gold".into()),
        versions_enabled: Some(true),
        quota_bytes: Some(1024),
        sync_key: Some("sync-s3cr3t".to_string().into()),
        metadata: MetadataChanges::default().set("Colour", "blue"),
        ..CreateOpts::default()
    };
    containers::create(&client, "my box", &opts)
        .await
        .ok()
        .unwrap();
    assert!(!format!("{opts:?}").contains("sync-s3cr3t"));
}

#[tokio::test]
async fn an_existing_container_answers_202_and_that_is_fine() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(202))
        .mount(&server)
        .await;
    containers::create(&client, "c", &CreateOpts::default())
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn get_reads_the_headers() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("HEAD"))
        .and(path(format!("{ACCOUNT}/c")))
        .respond_with(
            ResponseTemplate::new(204)
                .insert_header("X-Container-Object-Count", "3")
                .insert_header("X-Container-Bytes-Used", "42")
                .insert_header("X-Container-Read", ".r:*")
                .insert_header("X-Storage-Policy", "gold")
                .insert_header("X-Versions-Enabled", "True")
                .insert_header("X-Container-Meta-Quota-Count", "10")
                .insert_header("X-Container-Meta-Temp-URL-Key", "ck")
                .insert_header("X-Container-Meta-Colour", "blue")
                .insert_header("Last-Modified", "Thu, 16 Jan 2014 21:12:31 GMT"),
        )
        .mount(&server)
        .await;
    let c = containers::get(&client, "c").await.extract().unwrap();
    assert_eq!((c.object_count, c.bytes_used), (3, 42));
    assert_eq!(c.read_acl.as_deref(), Some(".r:*"));
    assert_eq!(c.versions_enabled, Some(true));
    assert_eq!(c.quota_count, Some(10));
    assert_eq!(c.metadata.len(), 2, "{:?}", c.metadata);
    assert!(c.temp_url_key.is_some() && !format!("{c:?}").contains("\"ck\""));
    assert_eq!(
        c.last_modified.unwrap().to_rfc3339(),
        "2014-01-16T21:12:31+00:00"
    );
}

#[tokio::test]
async fn update_sets_and_removes() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("POST"))
        .and(path(format!("{ACCOUNT}/c")))
        .and(header("X-Container-Write", "p1:u1"))
        .and(header("X-Remove-Container-Read", "x"))
        .and(header("X-Remove-Versions-Location", "x"))
        .and(header("X-Remove-Container-Meta-Colour", "x"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts {
        set: CreateOpts {
            write_acl: Some("p1:u1".into()),
            metadata: MetadataChanges::default().remove("Colour"),
            ..CreateOpts::default()
        },
        remove_read_acl: true,
        remove_versions_location: true,
        ..UpdateOpts::default()
    };
    containers::update(&client, "c", &opts).await.ok().unwrap();
    // The storage policy is set at creation only.
    let bad = UpdateOpts {
        set: CreateOpts {
            storage_policy: Some("gold".into()),
            ..CreateOpts::default()
        },
        ..UpdateOpts::default()
    };
    let err = containers::update(&client, "c", &bad)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ferrocloud::ErrorKind::InvalidInput);
    assert_eq!(
        received(&server, "POST", &format!("{ACCOUNT}/c"))
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn deleting_a_full_container_is_a_conflict() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("DELETE"))
        .and(path(format!("{ACCOUNT}/c")))
        .respond_with(ResponseTemplate::new(409).set_body_string(
            "<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>",
        ))
        .mount(&server)
        .await;
    let err = containers::delete(&client, "c").await.ok().unwrap_err();
    assert_eq!(err.kind(), ferrocloud::ErrorKind::Conflict);
}
