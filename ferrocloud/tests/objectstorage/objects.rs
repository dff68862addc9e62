//! Objects: listing with pseudo-directories, uploads with their MD5, downloads checked
//! against the ETag, ranges and conditions, metadata, copy, delete.

use std::collections::BTreeMap;

use bytes::Bytes;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::objectstorage::v1::common::ListOpts;
use ferrocloud::openstack::objectstorage::v1::objects::{
    self, CopyOpts, CreateOpts, DeleteOpts, DownloadOpts, ObjectEntry, UpdateOpts,
};
use futures::TryStreamExt;
use wiremock::matchers::{body_bytes, header, headers, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::{ACCOUNT, received, sample, swift};

/// The MD5 of "hello world".
const HELLO_MD5: &str = "5eb63bbbe01eeed093cb22bb8f5acdc3";

fn chunks(parts: &[&'static str]) -> impl futures::Stream<Item = Result<Bytes, std::io::Error>> {
    futures::stream::iter(
        parts
            .iter()
            .map(|p| Ok(Bytes::from_static(p.as_bytes())))
            .collect::<Vec<_>>(),
    )
}

#[tokio::test]
async fn list_reads_objects_and_pseudo_directories_and_pages_past_a_subdir() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{ACCOUNT}/c")))
        .and(query_param("marker", "photos/"))
        .respond_with(ResponseTemplate::new(200).set_body_string("[]"))
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{ACCOUNT}/c")))
        .and(query_param("delimiter", "/"))
        .and(query_param("format", "json"))
        .respond_with(ResponseTemplate::new(200).set_body_string(
            r#"[{"name": "a.txt", "hash": "5eb63bbbe01eeed093cb22bb8f5acdc3", "bytes": 11,
                 "content_type": "text/plain", "last_modified": "2014-01-15T16:41:49.390270"},
                {"subdir": "photos/"}]"#,
        ))
        .with_priority(2)
        .expect(1)
        .mount(&server)
        .await;
    let all: Vec<ObjectEntry> = objects::list(&client, "c", &ListOpts::default().delimiter('/'))
        .items()
        .try_collect()
        .await
        .unwrap();
    assert!(matches!(&all[0], ObjectEntry::Object(o) if o.name == "a.txt" && o.bytes == 11));
    assert_eq!(
        all[1],
        ObjectEntry::Subdir {
            subdir: "photos/".into()
        }
    );
}

#[tokio::test]
async fn the_official_listing_sample_parses() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{ACCOUNT}/marktwain")))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(sample("objects-list-response.json")),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("[]"))
        .mount(&server)
        .await;
    let page = objects::list(&client, "marktwain", &ListOpts::default())
        .all_pages()
        .await
        .unwrap();
    let items = objects::extract_objects(&page).unwrap();
    assert_eq!(items.len(), 2);
}

#[tokio::test]
async fn create_from_bytes_sends_the_md5_as_etag() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("{ACCOUNT}/c/dir/hello%20there.txt")))
        .and(header("ETag", HELLO_MD5))
        .and(header("Content-Type", "text/plain"))
        .and(header("X-Delete-After", "60"))
        .and(header("X-Object-Meta-Who", "me"))
        .and(body_bytes(b"hello world".to_vec()))
        .respond_with(ResponseTemplate::new(201).insert_header("ETag", HELLO_MD5))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts {
        content_type: Some("text/plain".into()),
        delete_after: Some(60),
        metadata: BTreeMap::from([("Who".to_string(), "me".to_string())]),
        ..CreateOpts::default()
    };
    objects::create(
        &client,
        "c",
        "dir/hello there.txt",
        Bytes::from_static(b"hello world"),
        &opts,
    )
    .await
    .ok()
    .unwrap();
}

#[tokio::test]
async fn create_from_a_stream_checks_swifts_etag() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("{ACCOUNT}/c/good")))
        .and(body_bytes(b"hello world".to_vec()))
        .respond_with(ResponseTemplate::new(201).insert_header("ETag", HELLO_MD5))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("{ACCOUNT}/c/bad")))
        .respond_with(
            ResponseTemplate::new(201).insert_header("ETag", "00000000000000000000000000000000"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let opts = CreateOpts::default();
    objects::create_stream(
        &client,
        "c",
        "good",
        chunks(&["hello", " ", "world"]),
        &opts,
    )
    .await
    .ok()
    .unwrap();
    let err = objects::create_stream(&client, "c", "bad", chunks(&["hello world"]), &opts)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity);
    assert!(err.to_string().contains(HELLO_MD5), "{err}");
}

#[tokio::test]
async fn download_streams_and_checks_the_etag() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{ACCOUNT}/c/good")))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("ETag", HELLO_MD5)
                .insert_header("Content-Type", "text/plain")
                .insert_header("X-Object-Meta-Who", "me")
                .insert_header("Last-Modified", "Wed, 15 Jan 2014 16:41:49 GMT")
                .set_body_string("hello world"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{ACCOUNT}/c/damaged")))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("ETag", HELLO_MD5)
                .set_body_string("hello w0rld"),
        )
        .mount(&server)
        .await;
    let d = objects::download(&client, "c", "good", &DownloadOpts::default())
        .await
        .unwrap();
    assert_eq!(d.object.content_length, 11);
    assert_eq!(d.object.metadata["who"], "me");
    assert_eq!(d.bytes().await.unwrap(), Bytes::from_static(b"hello world"));

    let d = objects::download(&client, "c", "damaged", &DownloadOpts::default())
        .await
        .unwrap();
    let mut stream = d.into_stream();
    let first = stream.try_next().await.unwrap().unwrap();
    assert_eq!(first, Bytes::from_static(b"hello w0rld"));
    let err = stream.try_next().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity);
    assert!(stream.try_next().await.unwrap().is_none());
}

#[tokio::test]
async fn ranges_and_conditions_go_as_headers_and_are_not_checked_against_the_etag() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("{ACCOUNT}/c/o")))
        .and(header("Range", "bytes=0-4"))
        .and(header("If-Match", HELLO_MD5))
        .and(headers(
            "If-Modified-Since",
            vec!["Wed", "15 Jan 2014 16:41:49 GMT"],
        ))
        .respond_with(
            ResponseTemplate::new(206)
                .insert_header("ETag", HELLO_MD5)
                .set_body_string("hello"),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{ACCOUNT}/c/o")))
        .and(header("If-None-Match", HELLO_MD5))
        .respond_with(ResponseTemplate::new(304).insert_header("ETag", HELLO_MD5))
        .expect(1)
        .mount(&server)
        .await;
    let opts = DownloadOpts {
        range: Some("bytes=0-4".into()),
        if_match: Some(HELLO_MD5.into()),
        if_modified_since: Some(ferrocloud::dates::parse("2014-01-15T16:41:49Z").unwrap()),
        ..DownloadOpts::default()
    };
    let d = objects::download(&client, "c", "o", &opts).await.unwrap();
    assert_eq!(d.status.as_u16(), 206);
    assert_eq!(d.bytes().await.unwrap(), Bytes::from_static(b"hello"));
    let opts = DownloadOpts {
        if_none_match: Some(HELLO_MD5.into()),
        ..DownloadOpts::default()
    };
    let d = objects::download(&client, "c", "o", &opts).await.unwrap();
    assert_eq!(d.status.as_u16(), 304);
    assert!(d.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_missing_object_is_not_found() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_string("<html><h1>Not Found</h1></html>"))
        .mount(&server)
        .await;
    let err = objects::download(&client, "c", "nope", &DownloadOpts::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn get_reads_the_headers_of_a_large_object() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("HEAD"))
        .and(path(format!("{ACCOUNT}/c/big")))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("Content-Length", "0")
                .insert_header("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\"")
                .insert_header("X-Static-Large-Object", "True")
                .insert_header("X-Delete-At", "1711122233")
                .insert_header("X-Timestamp", "1389453423.35964"),
        )
        .mount(&server)
        .await;
    let o = objects::get(&client, "c", "big").await.extract().unwrap();
    assert!(o.static_large_object);
    assert_eq!(o.delete_at.unwrap().timestamp(), 1711122233);
}

#[tokio::test]
async fn update_replaces_metadata_and_sets_expiry() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("POST"))
        .and(path(format!("{ACCOUNT}/c/o")))
        .and(header("X-Object-Meta-Colour", "red"))
        .and(header("X-Remove-Delete-At", "x"))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let opts = UpdateOpts {
        metadata: BTreeMap::from([("Colour".to_string(), "red".to_string())]),
        remove_delete_at: true,
        ..UpdateOpts::default()
    };
    objects::update(&client, "c", "o", &opts)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn copy_uses_the_copy_method_with_a_destination() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("COPY"))
        .and(path(format!("{ACCOUNT}/c/a%20b")))
        .and(header("Destination", "other/dir/a%20b%3F"))
        .and(header("X-Fresh-Metadata", "true"))
        .respond_with(ResponseTemplate::new(201))
        .expect(1)
        .mount(&server)
        .await;
    let opts = CopyOpts {
        fresh_metadata: true,
        ..CopyOpts::default()
    };
    objects::copy(&client, "c", "a b", "other", "dir/a b?", &opts)
        .await
        .ok()
        .unwrap();
    let err = objects::copy(&client, "c", "a", "x/y", "z", &opts)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        received(&server, "COPY", &format!("{ACCOUNT}/c/a"))
            .await
            .len(),
        0
    );
}

#[tokio::test]
async fn delete_with_segments_and_by_version() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("DELETE"))
        .and(path(format!("{ACCOUNT}/c/o")))
        .and(query_param("multipart-manifest", "delete"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("{ACCOUNT}/c/o")))
        .and(query_param("version-id", "1.5"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let opts = DeleteOpts {
        with_segments: true,
        ..DeleteOpts::default()
    };
    objects::delete(&client, "c", "o", &opts)
        .await
        .ok()
        .unwrap();
    let opts = DeleteOpts {
        version_id: Some("1.5".into()),
        ..DeleteOpts::default()
    };
    objects::delete(&client, "c", "o", &opts)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn an_empty_object_is_sent_with_a_zero_length() {
    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("{ACCOUNT}/c/empty")))
        .and(header("Content-Length", "0"))
        .and(header("ETag", "d41d8cd98f00b204e9800998ecf8427e"))
        .respond_with(ResponseTemplate::new(201))
        .expect(1)
        .mount(&server)
        .await;
    objects::create(&client, "c", "empty", Bytes::new(), &CreateOpts::default())
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn progress_is_reported_on_upload_and_download() {
    use ferrocloud::openstack::objectstorage::v1::common::Progress;
    use std::sync::{Arc, Mutex};

    let server = MockServer::start().await;
    let client = swift(&server).await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(201).insert_header("ETag", HELLO_MD5))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("ETag", HELLO_MD5)
                .set_body_string("hello world"),
        )
        .mount(&server)
        .await;
    type Reports = Vec<(u64, Option<u64>)>;
    let seen: Arc<Mutex<Reports>> = Arc::default();
    let s = seen.clone();
    let progress = Progress::new(move |done, total| s.lock().unwrap().push((done, total)));
    let opts = CreateOpts {
        progress: Some(progress.clone()),
        ..CreateOpts::default()
    };
    objects::create_stream(&client, "c", "o", chunks(&["hello", " world"]), &opts)
        .await
        .ok()
        .unwrap();
    assert_eq!(*seen.lock().unwrap(), [(5, None), (11, None)]);
    seen.lock().unwrap().clear();
    let opts = DownloadOpts {
        progress: Some(progress),
        ..DownloadOpts::default()
    };
    let d = objects::download(&client, "c", "o", &opts).await.unwrap();
    d.bytes().await.unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(seen.last(), Some(&(11, Some(11))), "{seen:?}");
}
