//! Swift in the fake: containers and objects through the SDK, listings, conditions,
//! ranges, expiry on a frozen clock, static large objects, the upload bound.

use std::collections::BTreeMap;
use std::time::Duration;

use bytes::Bytes;
use fakecloud::{Clock, FakeCloud, FakeCloudBuilder};
use ferrocloud::http::Method;
use ferrocloud::openstack::objectstorage::v1::common::ListOpts;
use ferrocloud::openstack::objectstorage::v1::large_objects::{self, SloOpts};
use ferrocloud::openstack::objectstorage::v1::objects::{
    CreateOpts, DeleteOpts, DownloadOpts, ObjectEntry, UpdateOpts,
};
use ferrocloud::openstack::objectstorage::v1::{account, containers, objects};
use ferrocloud::{ErrorKind, ServiceClient, openstack};

async fn swift(cloud: &FakeCloud, user: &str) -> ServiceClient {
    let p = cloud.provider(user).await.unwrap();
    openstack::new_object_storage_v1(&p, Default::default()).unwrap()
}

/// A cloud from `builder`, demo's object storage client, and its container `c`.
async fn with_container(builder: FakeCloudBuilder) -> (FakeCloud, ServiceClient) {
    let cloud = builder.start().await.unwrap();
    let client = swift(&cloud, "demo").await;
    containers::create(&client, "c", &Default::default())
        .await
        .ok()
        .unwrap();
    (cloud, client)
}

async fn put(client: &ServiceClient, c: &str, name: &str, data: &'static [u8]) {
    objects::create(
        client,
        c,
        name,
        Bytes::from_static(data),
        &CreateOpts::default(),
    )
    .await
    .ok()
    .unwrap();
}

fn names(entries: &[ObjectEntry]) -> Vec<String> {
    entries
        .iter()
        .map(|e| match e {
            ObjectEntry::Object(o) => o.name.clone(),
            ObjectEntry::Subdir { subdir } => subdir.clone(),
        })
        .collect()
}

#[tokio::test]
async fn containers_objects_and_listings() {
    let cloud = FakeCloud::start().await.unwrap();
    let client = swift(&cloud, "demo").await;
    let first = containers::create(&client, "box", &Default::default()).await;
    assert_eq!(first.status_code(), Some(201));
    let again = containers::create(&client, "box", &Default::default()).await;
    assert_eq!(again.status_code(), Some(202));
    for n in ["a", "d/1", "d/2", "d/e/3", "z"] {
        put(&client, "box", n, b"data").await;
    }
    let list = |opts: ListOpts| {
        let client = client.clone();
        async move { objects::list(&client, "box", &opts).all().await.unwrap() }
    };
    assert_eq!(
        names(&list(ListOpts::default().delimiter('/')).await),
        ["a", "d/", "z"]
    );
    assert_eq!(
        names(&list(ListOpts::default().prefix("d/").delimiter('/')).await),
        ["d/1", "d/2", "d/e/"]
    );
    let window = ListOpts {
        marker: Some("a".into()),
        end_marker: Some("z".into()),
        ..ListOpts::default()
    };
    assert_eq!(names(&list(window).await), ["d/1", "d/2", "d/e/3"]);
    let reversed = ListOpts {
        reverse: Some(true),
        limit: Some(2),
        ..ListOpts::default()
    };
    assert_eq!(
        names(&list(reversed).await),
        ["z", "d/e/3", "d/2", "d/1", "a"]
    );

    // In XML, pseudo-directories are `subdir` elements.
    let xml = client
        .raw(Method::GET, "box?format=xml&prefix=d/&delimiter=/")
        .unwrap()
        .send_raw()
        .await
        .unwrap();
    let text = String::from_utf8_lossy(xml.body()).into_owned();
    assert!(text.starts_with("<?xml"), "{text}");
    assert!(text.contains("<object><bytes>4</bytes>"), "{text}");
    assert!(text.contains(r#"<subdir name="d/e/">"#), "{text}");

    // The account counts what it holds; a non-empty container is not deleted.
    let a = account::get(&client).await.extract().unwrap();
    assert_eq!(
        (a.container_count, a.object_count, a.bytes_used),
        (1, 5, 20)
    );
    let err = containers::delete(&client, "box").await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);

    // Another project's account is refused.
    let admin = swift(&cloud, "admin").await;
    let theirs = ServiceClient::new(
        admin.provider().clone(),
        "object-store",
        client.endpoint().as_str(),
        None,
    )
    .unwrap();
    let err = account::get(&theirs).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
}

#[tokio::test]
async fn etags_conditions_ranges_and_metadata() {
    let (_cloud, client) = with_container(FakeCloud::builder()).await;
    put(&client, "c", "o", b"0123456789").await;
    let o = objects::get(&client, "c", "o").await.extract().unwrap();
    assert_eq!(o.etag.as_deref(), Some("781e5e245d69b566979b86e28d23f2c7"));

    // Names keep empty segments and a trailing slash.
    put(&client, "c", "a//b/", b"odd").await;
    let odd = objects::download(&client, "c", "a//b/", &DownloadOpts::default())
        .await
        .unwrap();
    assert_eq!(odd.bytes().await.unwrap(), &b"odd"[..]);
    let listed = objects::list(&client, "c", &ListOpts::default())
        .all()
        .await
        .unwrap();
    assert_eq!(names(&listed), ["a//b/", "o"]);

    // A client ETag that does not match the bytes: 422.
    let wrong = client
        .raw(Method::PUT, "c/bad")
        .unwrap()
        .header("ETag", "0123456789abcdef0123456789abcdef")
        .bytes(Bytes::from_static(b"x"), "text/plain")
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(wrong.status_code(), Some(422));
    // Create only when absent.
    let only_new = CreateOpts {
        if_none_match: true,
        ..CreateOpts::default()
    };
    let err = objects::create(&client, "c", "o", Bytes::new(), &only_new)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PreconditionFailed);

    let range = |r: &str| DownloadOpts {
        range: Some(r.into()),
        ..DownloadOpts::default()
    };
    let d = objects::download(&client, "c", "o", &range("bytes=-3"))
        .await
        .unwrap();
    assert_eq!(d.status.as_u16(), 206);
    assert_eq!(d.bytes().await.unwrap(), &b"789"[..]);
    let err = objects::download(&client, "c", "o", &range("bytes=50-60"))
        .await
        .unwrap_err();
    assert_eq!(err.status_code(), Some(416));
    let unchanged = DownloadOpts {
        if_none_match: o.etag.clone(),
        ..DownloadOpts::default()
    };
    let d = objects::download(&client, "c", "o", &unchanged)
        .await
        .unwrap();
    assert_eq!(d.status.as_u16(), 304);

    // A POST replaces the metadata.
    let first = UpdateOpts {
        metadata: BTreeMap::from([("A".to_string(), "1".to_string())]),
        ..UpdateOpts::default()
    };
    objects::update(&client, "c", "o", &first)
        .await
        .ok()
        .unwrap();
    let second = UpdateOpts {
        metadata: BTreeMap::from([("B".to_string(), "2".to_string())]),
        ..UpdateOpts::default()
    };
    objects::update(&client, "c", "o", &second)
        .await
        .ok()
        .unwrap();
    let o = objects::get(&client, "c", "o").await.extract().unwrap();
    assert_eq!(
        o.metadata,
        BTreeMap::from([("b".to_string(), "2".to_string())])
    );
}

#[tokio::test]
async fn objects_expire_on_the_fake_clock() {
    let clock = Clock::frozen();
    let (_cloud, client) = with_container(FakeCloud::builder().clock(clock.clone())).await;
    let opts = CreateOpts {
        delete_after: Some(60),
        ..CreateOpts::default()
    };
    objects::create(&client, "c", "brief", Bytes::from_static(b"x"), &opts)
        .await
        .ok()
        .unwrap();
    clock.advance(Duration::from_secs(59));
    assert!(objects::get(&client, "c", "brief").await.extract().is_ok());
    clock.advance(Duration::from_secs(2));
    let err = objects::get(&client, "c", "brief")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn static_large_objects_join_and_delete_their_segments() {
    let (_cloud, client) = with_container(FakeCloud::builder()).await;
    let data: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
    let chunks = vec![Ok::<_, std::io::Error>(Bytes::from(data.clone()))];
    let opts = SloOpts {
        segment_size: 4096,
        ..SloOpts::default()
    };
    let done = large_objects::upload(&client, "c", "big", futures_stream(chunks), &opts)
        .await
        .unwrap();
    assert_eq!(done.segments, 3);
    let head = objects::get(&client, "c", "big").await.extract().unwrap();
    assert!(head.static_large_object);
    assert_eq!(head.content_length, 10_000);
    let d = objects::download(&client, "c", "big", &DownloadOpts::default())
        .await
        .unwrap();
    assert_eq!(d.bytes().await.unwrap(), Bytes::from(data));

    // A manifest naming a segment with the wrong size is refused.
    let manifest = format!(
        r#"[{{"path": "/{}/{}/00000000", "size_bytes": 1}}]"#,
        done.segment_container, done.segment_prefix
    );
    let err = client
        .raw(Method::PUT, "c/broken?multipart-manifest=put")
        .unwrap()
        .bytes(manifest, "application/json")
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.status_code(), Some(400));

    let with_segments = DeleteOpts {
        with_segments: true,
        ..DeleteOpts::default()
    };
    objects::delete(&client, "c", "big", &with_segments)
        .await
        .ok()
        .unwrap();
    let left = objects::list(&client, &done.segment_container, &ListOpts::default())
        .all()
        .await
        .unwrap();
    assert!(left.is_empty(), "{left:?}");
}

fn futures_stream(
    chunks: Vec<Result<Bytes, std::io::Error>>,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static {
    futures_util::stream::iter(chunks)
}

#[tokio::test]
async fn uploads_beyond_the_bound_are_refused() {
    let (_cloud, client) = with_container(FakeCloud::builder().max_body(1024)).await;
    let err = objects::create(
        &client,
        "c",
        "big",
        Bytes::from(vec![0u8; 4096]),
        &CreateOpts::default(),
    )
    .await
    .ok()
    .unwrap_err();
    assert_eq!(err.status_code(), Some(413));
    put(&client, "c", "small", b"fits").await;
}
