use bytes::Bytes;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::image::v2::image_data::{self, DownloadOpts, UploadOpts};
use serde_json::json;
use wiremock::matchers::{body_bytes, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::image;

const ID: &str = "1bea47ed";
const MD5_ABC: &str = "900150983cd24fb0d6963f7d28e17f72";

async fn image_with_checksum(server: &MockServer, checksum: &str) {
    let mut v =
        crate::common::sample_json(&format!("image/{}/image-show-response.json", crate::V2));
    v["checksum"] = json!(checksum);
    Mock::given(method("GET"))
        .and(path(format!("/image/v2/images/{ID}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(v))
        .mount(server)
        .await;
}

#[tokio::test]
async fn an_upload_is_checked_against_glances_checksum() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("/image/v2/images/{ID}/file")))
        .and(header("content-type", "application/octet-stream"))
        .and(header("content-length", "3"))
        .and(body_bytes(b"abc".to_vec()))
        .respond_with(ResponseTemplate::new(204))
        .expect(2)
        .mount(&server)
        .await;
    image_with_checksum(&server, MD5_ABC).await;
    image_data::upload(
        &client,
        ID,
        Bytes::from_static(b"abc"),
        &UploadOpts::default(),
    )
    .await
    .ok()
    .unwrap();
    // A stream with its size goes with Content-Length too.
    let chunks = futures::stream::iter(vec![
        Ok::<_, std::io::Error>(Bytes::from_static(b"ab")),
        Ok(Bytes::from_static(b"c")),
    ]);
    image_data::upload_stream(&client, ID, chunks, &UploadOpts::default().size(3))
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn an_upload_glance_recorded_differently_is_an_integrity_error() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("/image/v2/images/{ID}/file")))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    image_with_checksum(&server, "00000000000000000000000000000000").await;
    let err = image_data::upload(
        &client,
        ID,
        Bytes::from_static(b"abc"),
        &UploadOpts::default(),
    )
    .await
    .ok()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Integrity);
    // Unchecked, nothing is read back.
    let opts = UploadOpts {
        skip_checksum: true,
        ..Default::default()
    };
    image_data::upload(&client, ID, Bytes::from_static(b"abc"), &opts)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn staging_sends_the_bytes_without_a_check() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("/image/v2/images/{ID}/stage")))
        .and(body_bytes(b"abc".to_vec()))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    image_data::stage(
        &client,
        ID,
        Bytes::from_static(b"abc"),
        &UploadOpts::default(),
    )
    .await
    .ok()
    .unwrap();
    let chunks = futures::stream::iter(vec![Ok::<_, std::io::Error>(Bytes::from_static(b"abc"))]);
    let err = image_data::stage_stream(&client, "other", chunks, &UploadOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

async fn file(server: &MockServer, md5: Option<&str>, status: u16) {
    let mut r = ResponseTemplate::new(status).set_body_bytes(b"abc".to_vec());
    if let Some(m) = md5 {
        r = r.insert_header("content-md5", m);
    }
    Mock::given(method("GET"))
        .and(path(format!("/image/v2/images/{ID}/file")))
        .respond_with(r)
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_download_is_checked_against_content_md5() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    file(&server, Some(MD5_ABC), 200).await;
    let d = image_data::download(&client, ID, &DownloadOpts::default())
        .await
        .unwrap();
    assert_eq!(d.content_md5.as_deref(), Some(MD5_ABC));
    assert_eq!(d.bytes().await.unwrap(), &b"abc"[..]);

    // With the image's multihash as well.
    let mut v =
        crate::common::sample_json(&format!("image/{}/image-show-response.json", crate::V2));
    v["os_hash_algo"] = json!("sha256");
    v["os_hash_value"] = json!("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    let img: ferrocloud::openstack::image::v2::images::Image =
        serde_json::from_value(v.clone()).unwrap();
    let d = image_data::download(&client, ID, &DownloadOpts::default().verify_hash(&img))
        .await
        .unwrap();
    assert_eq!(d.bytes().await.unwrap(), &b"abc"[..]);
    v["os_hash_value"] = json!("00");
    let img: ferrocloud::openstack::image::v2::images::Image =
        serde_json::from_value(v.clone()).unwrap();
    let d = image_data::download(&client, ID, &DownloadOpts::default().verify_hash(&img))
        .await
        .unwrap();
    assert_eq!(d.bytes().await.unwrap_err().kind(), ErrorKind::Integrity);
    v["os_hash_algo"] = json!("blake2b");
    let img: ferrocloud::openstack::image::v2::images::Image = serde_json::from_value(v).unwrap();
    let err = image_data::download(&client, ID, &DownloadOpts::default().verify_hash(&img))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn damaged_bytes_end_the_download_with_an_integrity_error() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    file(&server, Some("00000000000000000000000000000000"), 200).await;
    let d = image_data::download(&client, ID, &DownloadOpts::default())
        .await
        .unwrap();
    assert_eq!(d.bytes().await.unwrap_err().kind(), ErrorKind::Integrity);
    let opts = DownloadOpts {
        skip_checksum: true,
        ..Default::default()
    };
    let d = image_data::download(&client, ID, &opts).await.unwrap();
    assert_eq!(d.bytes().await.unwrap(), &b"abc"[..]);
}

#[tokio::test]
async fn a_range_is_not_checked_and_a_bad_content_md5_is_refused() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("/image/v2/images/{ID}/file")))
        .and(header("range", "bytes=0-2"))
        .respond_with(
            ResponseTemplate::new(206)
                .set_body_bytes(b"abc".to_vec())
                .insert_header("content-md5", "00000000000000000000000000000000"),
        )
        .mount(&server)
        .await;
    let opts = DownloadOpts {
        range: Some("bytes=0-2".into()),
        ..Default::default()
    };
    let d = image_data::download(&client, ID, &opts).await.unwrap();
    assert_eq!(d.status, 206);
    assert_eq!(d.bytes().await.unwrap(), &b"abc"[..]);

    let server = MockServer::start().await;
    let client = image(&server).await;
    file(&server, Some("not-an-md5"), 200).await;
    let err = image_data::download(&client, ID, &DownloadOpts::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
}
