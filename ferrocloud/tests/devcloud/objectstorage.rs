//! Object storage against the real Swift: account metadata and TempURL keys, containers
//! with settings, objects uploaded from bytes and streams (checked against Swift's ETag),
//! listed by marker with pseudo-directories, downloaded whole, by range and
//! conditionally, copied with `COPY`, expiring, deleted; `/info` and list_endpoints.

use std::collections::BTreeMap;

use bytes::Bytes;
use ferrocloud::openstack::objectstorage::v1::common::{ListOpts, MetadataChanges};
use ferrocloud::openstack::objectstorage::v1::objects::{
    CopyOpts, CreateOpts, DeleteOpts, DownloadOpts, ObjectEntry, UpdateOpts,
};
use ferrocloud::openstack::objectstorage::v1::{account, capabilities, containers, objects};
use ferrocloud::{ErrorKind, ExposeSecret, ServiceClient, openstack};
use futures::{FutureExt, TryStreamExt};
use std::panic::AssertUnwindSafe;

use crate::support::*;

async fn swift() -> ServiceClient {
    openstack::new_object_storage_v1(&member().await, region()).unwrap()
}

/// Deletes every object of `container` (versions too), then the container.
async fn remove_container(client: &ServiceClient, container: &str) {
    let entries: Vec<ObjectEntry> = objects::list(client, container, &ListOpts::default())
        .items()
        .try_collect()
        .await
        .unwrap_or_default();
    for e in entries {
        if let ObjectEntry::Object(o) = e {
            let _ = objects::delete(client, container, &o.name, &DeleteOpts::default()).await;
        }
    }
    let _ = containers::delete(client, container).await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn objectstorage_account_metadata_and_temp_url_keys() {
    let client = swift().await;
    let key = unique("meta").replace('-', "");
    let opts = account::UpdateOpts {
        metadata: MetadataChanges::default().set(&key, "v1"),
        temp_url_key: Some("devcloud-temp-url-secret".to_string().into()),
        ..account::UpdateOpts::default()
    };
    account::update(&client, &opts).await.ok().unwrap();
    let a = account::get(&client).await.extract().unwrap();
    assert_eq!(
        a.metadata.get(&key.to_lowercase()).map(String::as_str),
        Some("v1")
    );
    assert_eq!(
        a.temp_url_key
            .as_ref()
            .map(|k| k.expose_secret().to_string())
            .as_deref(),
        Some("devcloud-temp-url-secret")
    );
    assert!(!format!("{a:?}").contains("devcloud-temp-url-secret"));
    assert!(a.created.is_some());

    let opts = account::UpdateOpts {
        metadata: MetadataChanges::default().remove(&key),
        remove_temp_url_key: true,
        ..account::UpdateOpts::default()
    };
    account::update(&client, &opts).await.ok().unwrap();
    let a = account::get(&client).await.extract().unwrap();
    assert!(!a.metadata.contains_key(&key.to_lowercase()));
    assert!(a.temp_url_key.is_none());

    // Deleting an account is for reseller admins: a project member is refused.
    let err = account::delete(&client).await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden, "{err}");
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn objectstorage_containers_settings_listing_and_delete() {
    let client = swift().await;
    let name = unique("box");
    let opts = containers::CreateOpts {
        read_acl: Some(".r:*,.rlistings".into()),
        quota_count: Some(5),
        metadata: MetadataChanges::default().set("Colour", "blue"),
        ..containers::CreateOpts::default()
    };
    containers::create(&client, &name, &opts)
        .await
        .ok()
        .unwrap();
    // A second PUT of the same container is accepted (202).
    let again = containers::create(&client, &name, &containers::CreateOpts::default()).await;
    assert_eq!(again.status_code(), Some(202));

    let c = containers::get(&client, &name).await.extract().unwrap();
    assert_eq!((c.object_count, c.bytes_used), (0, 0));
    assert_eq!(c.read_acl.as_deref(), Some(".r:*,.rlistings"));
    assert_eq!(c.quota_count, Some(5));
    assert_eq!(c.metadata.get("colour").map(String::as_str), Some("blue"));
    assert!(c.storage_policy.is_some());

    let update = containers::UpdateOpts {
        set: containers::CreateOpts {
            metadata: MetadataChanges::default().remove("Colour").set("Size", "L"),
            ..containers::CreateOpts::default()
        },
        remove_read_acl: true,
        ..containers::UpdateOpts::default()
    };
    containers::update(&client, &name, &update)
        .await
        .ok()
        .unwrap();
    let c = containers::get(&client, &name).await.extract().unwrap();
    assert!(c.read_acl.is_none());
    assert_eq!(c.metadata.len(), 2, "{:?}", c.metadata); // size and the quota
    assert_eq!(c.metadata.get("size").map(String::as_str), Some("L"));

    let listed: Vec<_> = containers::list(&client, &ListOpts::default().prefix(name.clone()))
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name, name);

    // A container with an object is not deleted.
    objects::create(
        &client,
        &name,
        "x",
        Bytes::from_static(b"x"),
        &CreateOpts::default(),
    )
    .await
    .ok()
    .unwrap();
    let err = containers::delete(&client, &name).await.ok().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    remove_container(&client, &name).await;
    let err = containers::get(&client, &name).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn objectstorage_objects_upload_list_download_copy_expire_delete() {
    let client = swift().await;
    let c = unique("objs");
    let other = unique("copies");
    containers::create(&client, &c, &Default::default())
        .await
        .ok()
        .unwrap();
    containers::create(&client, &other, &Default::default())
        .await
        .ok()
        .unwrap();

    // From bytes: empty, small, and names with slashes, spaces, non-ASCII and dots.
    let names = [
        "empty",
        "a b.txt",
        "dir/one",
        "dir/two",
        "dir/sub/three",
        "ünï/cödé",
        "x/../y",
    ];
    for (i, n) in names.iter().enumerate() {
        let data = Bytes::from(if i == 0 {
            String::new()
        } else {
            format!("content of {n}")
        });
        let opts = CreateOpts {
            content_type: Some("text/plain".into()),
            metadata: BTreeMap::from([("Index".to_string(), i.to_string())]),
            ..CreateOpts::default()
        };
        objects::create(&client, &c, n, data, &opts)
            .await
            .ok()
            .unwrap();
    }
    // From a stream: 5 MiB in 64 KiB chunks, sent chunked; Swift's ETag matches ours.
    let big: Vec<u8> = (0..5 * 1024 * 1024u32).map(|i| (i % 251) as u8).collect();
    let chunks: Vec<Result<Bytes, std::io::Error>> = big
        .chunks(64 * 1024)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    objects::create_stream(
        &client,
        &c,
        "big",
        futures::stream::iter(chunks),
        &CreateOpts::default(),
    )
    .await
    .ok()
    .unwrap();

    // Listing: 2 per page, all of them; with a delimiter, the pseudo-directories.
    let all: Vec<ObjectEntry> = objects::list(&client, &c, &ListOpts::default().limit(2))
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), names.len() + 1);
    let top: Vec<ObjectEntry> =
        objects::list(&client, &c, &ListOpts::default().delimiter('/').limit(2))
            .items()
            .try_collect()
            .await
            .unwrap();
    let subdirs: Vec<&str> = top
        .iter()
        .filter_map(|e| match e {
            ObjectEntry::Subdir { subdir } => Some(subdir.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(subdirs, ["dir/", "x/", "ünï/"]);
    let in_dir: Vec<ObjectEntry> = objects::list(
        &client,
        &c,
        &ListOpts::default().prefix("dir/").delimiter('/'),
    )
    .items()
    .try_collect()
    .await
    .unwrap();
    assert_eq!(in_dir.len(), 3, "{in_dir:?}"); // one, two, sub/

    // Downloads: whole (checked), a range, a condition that holds, one that fails.
    for (i, n) in names.iter().enumerate().skip(1) {
        let d = objects::download(&client, &c, n, &DownloadOpts::default())
            .await
            .unwrap();
        assert_eq!(d.object.metadata.get("index"), Some(&i.to_string()));
        assert_eq!(
            d.bytes().await.unwrap(),
            Bytes::from(format!("content of {n}"))
        );
    }
    let d = objects::download(&client, &c, "empty", &DownloadOpts::default())
        .await
        .unwrap();
    assert!(d.bytes().await.unwrap().is_empty());
    let d = objects::download(&client, &c, "big", &DownloadOpts::default())
        .await
        .unwrap();
    assert_eq!(d.object.content_length, big.len() as u64);
    let etag = d.object.etag.clone().unwrap();
    assert_eq!(d.bytes().await.unwrap(), Bytes::from(big.clone()));
    let range = DownloadOpts {
        range: Some("bytes=10-19".into()),
        ..DownloadOpts::default()
    };
    let d = objects::download(&client, &c, "big", &range).await.unwrap();
    assert_eq!(d.status.as_u16(), 206);
    assert_eq!(
        d.bytes().await.unwrap(),
        Bytes::copy_from_slice(&big[10..20])
    );
    let unchanged = DownloadOpts {
        if_none_match: Some(etag.clone()),
        ..DownloadOpts::default()
    };
    let d = objects::download(&client, &c, "big", &unchanged)
        .await
        .unwrap();
    assert_eq!(d.status.as_u16(), 304);
    let other_etag = DownloadOpts {
        if_match: Some("0123456789abcdef0123456789abcdef".into()),
        ..DownloadOpts::default()
    };
    let err = objects::download(&client, &c, "big", &other_etag)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PreconditionFailed, "{err}");

    // Create only if absent.
    let only_new = CreateOpts {
        if_none_match: true,
        ..CreateOpts::default()
    };
    let err = objects::create(&client, &c, "big", Bytes::from_static(b"no"), &only_new)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PreconditionFailed, "{err}");

    // Metadata: a POST replaces all of it; expiry is set and cancelled.
    let update = UpdateOpts {
        metadata: BTreeMap::from([("Colour".to_string(), "red".to_string())]),
        delete_after: Some(3600),
        ..UpdateOpts::default()
    };
    objects::update(&client, &c, "dir/one", &update)
        .await
        .ok()
        .unwrap();
    let o = objects::get(&client, &c, "dir/one")
        .await
        .extract()
        .unwrap();
    assert_eq!(
        o.metadata,
        BTreeMap::from([("colour".to_string(), "red".to_string())])
    );
    let left = o.delete_at.unwrap().timestamp() - chrono::Utc::now().timestamp();
    assert!((3500..=3600).contains(&left), "{left}");
    let cancel = UpdateOpts {
        metadata: o.metadata.clone(),
        remove_delete_at: true,
        ..UpdateOpts::default()
    };
    objects::update(&client, &c, "dir/one", &cancel)
        .await
        .ok()
        .unwrap();
    assert!(
        objects::get(&client, &c, "dir/one")
            .await
            .extract()
            .unwrap()
            .delete_at
            .is_none()
    );

    // Copy to another container: the metadata comes along, or not (fresh).
    objects::copy(
        &client,
        &c,
        "dir/one",
        &other,
        "kept/one",
        &CopyOpts::default(),
    )
    .await
    .ok()
    .unwrap();
    let fresh = CopyOpts {
        fresh_metadata: true,
        metadata: BTreeMap::from([("New".to_string(), "yes".to_string())]),
        ..CopyOpts::default()
    };
    objects::copy(&client, &c, "dir/one", &other, "fresh", &fresh)
        .await
        .ok()
        .unwrap();
    let kept = objects::get(&client, &other, "kept/one")
        .await
        .extract()
        .unwrap();
    assert_eq!(kept.metadata.get("colour").map(String::as_str), Some("red"));
    let f = objects::get(&client, &other, "fresh")
        .await
        .extract()
        .unwrap();
    assert_eq!(
        f.metadata,
        BTreeMap::from([("new".to_string(), "yes".to_string())])
    );
    let d = objects::download(&client, &other, "kept/one", &DownloadOpts::default())
        .await
        .unwrap();
    assert_eq!(
        d.bytes().await.unwrap(),
        Bytes::from_static(b"content of dir/one")
    );

    // Delete, then it is gone.
    objects::delete(&client, &c, "a b.txt", &DeleteOpts::default())
        .await
        .ok()
        .unwrap();
    let err = objects::get(&client, &c, "a b.txt")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    remove_container(&client, &c).await;
    remove_container(&client, &other).await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn objectstorage_capabilities_and_endpoints() {
    let client = swift().await;
    let info = capabilities::get(&client).await.extract().unwrap();
    assert!(
        info.swift.version.starts_with('2'),
        "{}",
        info.swift.version
    );
    assert!(info.swift.max_file_size.unwrap() > 1 << 30);
    for middleware in ["slo", "tempurl", "bulk_delete", "symlink", "formpost"] {
        assert!(info.middleware.contains_key(middleware), "{middleware}");
    }
    let e = capabilities::endpoints(&client, None, None)
        .await
        .extract()
        .unwrap();
    assert_eq!(e.endpoints.len(), 1, "one replica on the devcloud: {e:?}");
    let account = client
        .endpoint()
        .path_segments()
        .unwrap()
        .next_back()
        .unwrap()
        .to_string();
    assert!(e.endpoints[0].ends_with(&account), "{e:?}");
    let e = capabilities::endpoints(&client, Some("c"), Some("a/b"))
        .await
        .extract()
        .unwrap();
    assert!(
        e.endpoints[0].ends_with(&format!("{account}/c/a/b")),
        "{e:?}"
    );
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn objectstorage_temp_urls_and_form_post_are_accepted_by_swift() {
    use ferrocloud::http::Method;
    use ferrocloud::openstack::objectstorage::v1::tempurl::{
        self, Digest, FormPostOpts, TempUrlOpts,
    };

    let client = swift().await;
    let c = unique("temp");
    let key: ferrocloud::SecretString = "devcloud-container-key".to_string().into();
    let opts = containers::CreateOpts {
        temp_url_key: Some(key.clone()),
        ..containers::CreateOpts::default()
    };
    containers::create(&client, &c, &opts).await.ok().unwrap();
    objects::create(
        &client,
        &c,
        "dir/file 1.txt",
        Bytes::from_static(b"shared"),
        &CreateOpts::default(),
    )
    .await
    .ok()
    .unwrap();
    let account = client.endpoint().clone();
    // A plain HTTP client, without a token.
    let http = reqwest::Client::new();

    for digest in [Digest::Sha1, Digest::Sha256, Digest::Sha512] {
        let get = TempUrlOpts::valid_for(Method::GET, 300).digest(digest);
        let url = tempurl::sign(&account, &c, "dir/file 1.txt", &key, &get).unwrap();
        let resp = http.get(url).send().await.unwrap();
        assert_eq!(resp.status().as_u16(), 200, "{digest:?}");
        assert_eq!(resp.text().await.unwrap(), "shared");
    }
    // Upload through a PUT URL.
    let put = TempUrlOpts::valid_for(Method::PUT, 300);
    let url = tempurl::sign(&account, &c, "uploaded", &key, &put).unwrap();
    let resp = http.put(url).body("via temp url").send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 201);
    let d = objects::download(&client, &c, "uploaded", &DownloadOpts::default())
        .await
        .unwrap();
    assert_eq!(
        d.bytes().await.unwrap(),
        Bytes::from_static(b"via temp url")
    );
    // A prefix URL serves every object under it.
    let prefix = TempUrlOpts::valid_for(Method::GET, 300).prefix();
    let url = tempurl::sign(&account, &c, "dir/", &key, &prefix).unwrap();
    let mut other = url.clone();
    other.set_path(&format!(
        "{}/{c}/dir/file%201.txt",
        account.path().trim_end_matches('/')
    ));
    let resp = http.get(other.clone()).send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 200, "{other}");
    // Refused: an expired URL, a wrong key, a method it does not allow.
    let expired = TempUrlOpts::new(Method::GET, chrono::Utc::now().timestamp() - 10);
    let url = tempurl::sign(&account, &c, "uploaded", &key, &expired).unwrap();
    assert_eq!(http.get(url).send().await.unwrap().status().as_u16(), 401);
    let wrong: ferrocloud::SecretString = "not-the-key".to_string().into();
    let url = tempurl::sign(&account, &c, "uploaded", &wrong, &put).unwrap();
    assert_eq!(
        http.put(url)
            .body("x")
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        401
    );
    let url = tempurl::sign(
        &account,
        &c,
        "uploaded",
        &key,
        &TempUrlOpts::valid_for(Method::GET, 60),
    )
    .unwrap();
    assert_eq!(
        http.delete(url).send().await.unwrap().status().as_u16(),
        401
    );

    // A form POST of one file under `forms/`.
    let form = FormPostOpts {
        redirect: String::new(),
        max_file_size: 1024,
        max_file_count: 1,
        expires: chrono::Utc::now().timestamp() + 300,
        digest: Digest::Sha256,
    };
    let sig = tempurl::form_post_signature(&account, &c, "forms/", &key, &form).unwrap();
    let boundary = "ferroBoundary7d3";
    let mut body = String::new();
    for (name, value) in [
        ("redirect", String::new()),
        ("max_file_size", form.max_file_size.to_string()),
        ("max_file_count", form.max_file_count.to_string()),
        ("expires", form.expires.to_string()),
        ("signature", sig),
    ] {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file1\"; filename=\"posted.txt\"\r\n\
         Content-Type: text/plain\r\n\r\nposted by a form\r\n--{boundary}--\r\n"
    ));
    let mut url = account.clone();
    url.set_path(&format!(
        "{}/{c}/forms/",
        account.path().trim_end_matches('/')
    ));
    let resp = http
        .post(url)
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert!(
        resp.status().as_u16() == 201 || resp.status().is_redirection(),
        "{}",
        resp.status()
    );
    let d = objects::download(&client, &c, "forms/posted.txt", &DownloadOpts::default())
        .await
        .unwrap();
    assert_eq!(
        d.bytes().await.unwrap(),
        Bytes::from_static(b"posted by a form")
    );

    remove_container(&client, &c).await;
}

/// A tar archive (ustar) of `files`, written by hand.
fn tar(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, data) in files {
        let mut h = [0u8; 512];
        h[..name.len()].copy_from_slice(name.as_bytes());
        h[100..107].copy_from_slice(b"0000644");
        h[108..115].copy_from_slice(b"0000000");
        h[116..123].copy_from_slice(b"0000000");
        h[124..135].copy_from_slice(format!("{:011o}", data.len()).as_bytes());
        h[136..147].copy_from_slice(b"00000000000");
        h[148..156].copy_from_slice(b"        ");
        h[156] = b'0';
        h[257..263].copy_from_slice(b"ustar\0");
        h[263..265].copy_from_slice(b"00");
        let sum: u32 = h.iter().map(|&b| b as u32).sum();
        h[148..155].copy_from_slice(format!("{sum:06o}\0").as_bytes());
        out.extend_from_slice(&h);
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(512) * 512, 0);
    }
    out.resize(out.len() + 1024, 0);
    out
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn objectstorage_bulk_delete_and_archive_extraction() {
    use ferrocloud::openstack::objectstorage::v1::bulk::{self, ArchiveFormat};

    let client = swift().await;
    let c = unique("bulk");
    containers::create(&client, &c, &Default::default())
        .await
        .ok()
        .unwrap();

    // Three files from one archive, under a prefix.
    let archive = tar(&[
        ("a.txt", b"first"),
        ("sub/b.txt", b"second"),
        ("sub/c d.txt", b"third"),
    ]);
    let chunks: Vec<Result<Bytes, std::io::Error>> = archive
        .chunks(700)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    let done = bulk::extract_archive(
        &client,
        &format!("{c}/unpacked"),
        ArchiveFormat::Tar,
        futures::stream::iter(chunks),
    )
    .await
    .unwrap();
    assert_eq!(done.created, 3, "{done:?}");
    let d = objects::download(
        &client,
        &c,
        "unpacked/sub/c d.txt",
        &DownloadOpts::default(),
    )
    .await
    .unwrap();
    assert_eq!(d.bytes().await.unwrap(), Bytes::from_static(b"third"));

    // Two of them and one that does not exist, then the (now not empty) container fails.
    let done = bulk::delete(
        &client,
        &[
            (&c, "unpacked/a.txt"),
            (&c, "unpacked/sub/c d.txt"),
            (&c, "never-there"),
        ],
    )
    .await
    .unwrap();
    assert_eq!((done.deleted, done.not_found), (2, 1), "{done:?}");
    let err = bulk::delete(&client, &[(&c, "")]).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest, "{err}");
    assert!(err.to_string().contains("409"), "{err}");
    // The last object and the container together.
    let done = bulk::delete(&client, &[(&c, "unpacked/sub/b.txt"), (&c, "")])
        .await
        .unwrap();
    assert_eq!(done.deleted, 2, "{done:?}");
    assert_eq!(
        containers::get(&client, &c)
            .await
            .extract()
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
}

/// The process's resident set now and at its peak since [`reset_peak`], in MiB.
fn rss_mib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Resets the peak resident set (Linux: `5` to `/proc/self/clear_refs`).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// `total` bytes of a deterministic pattern, as a stream of 1 MiB chunks made on demand.
fn pattern(total: usize) -> impl futures::Stream<Item = Result<Bytes, std::io::Error>> + Send {
    let chunk = 1 << 20;
    futures::stream::iter((0..total.div_ceil(chunk)).map(move |i| {
        let len = chunk.min(total - i * chunk);
        let v: Vec<u8> = (0..len).map(|j| ((i * 7 + j * 13) % 251) as u8).collect();
        Ok(Bytes::from(v))
    }))
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn objectstorage_static_large_object_of_200_mib_with_flat_memory() {
    use ferrocloud::openstack::objectstorage::v1::common::Progress;
    use ferrocloud::openstack::objectstorage::v1::large_objects::{self, SloOpts};
    use md5::{Digest, Md5};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};

    let client = swift().await;
    let c = unique("slo");
    containers::create(&client, &c, &Default::default())
        .await
        .ok()
        .unwrap();
    let total = 200 << 20;
    let reported = Arc::new(AtomicU64::new(0));
    let r = reported.clone();
    let opts = SloOpts {
        segment_size: 16 << 20,
        concurrency: 4,
        progress: Some(Progress::new(move |done, _| {
            r.fetch_max(done, Ordering::Relaxed);
        })),
        ..SloOpts::default()
    };
    reset_peak();
    let (before, _) = rss_mib();
    let done = large_objects::upload(&client, &c, "disk.img", pattern(total), &opts)
        .await
        .unwrap();
    let (_, peak) = rss_mib();
    assert_eq!((done.segments, done.bytes), (13, total as u64));
    assert_eq!(reported.load(Ordering::Relaxed), total as u64);
    // At most (concurrency + 1) segments held, with room for the other tests' work.
    assert!(
        peak < before + 16 * 6 + 96,
        "peak {peak} MiB, {before} MiB before"
    );

    let head = objects::get(&client, &c, "disk.img")
        .await
        .extract()
        .unwrap();
    assert!(head.static_large_object);
    assert_eq!(head.content_length, total as u64);

    // Downloaded as a stream: the same bytes, memory flat.
    let mut expected = Md5::new();
    let mut source = std::pin::pin!(pattern(total));
    while let Some(chunk) = source.try_next().await.unwrap() {
        expected.update(&chunk);
    }
    reset_peak();
    let (before, _) = rss_mib();
    let d = objects::download(&client, &c, "disk.img", &DownloadOpts::default())
        .await
        .unwrap();
    let mut got = Md5::new();
    let mut n = 0u64;
    let mut stream = d.into_stream();
    while let Some(chunk) = stream.try_next().await.unwrap() {
        n += chunk.len() as u64;
        got.update(&chunk);
    }
    let (_, peak) = rss_mib();
    assert_eq!(n, total as u64);
    assert_eq!(got.finalize(), expected.finalize());
    assert!(
        peak < before + 96,
        "download peak {peak} MiB, {before} MiB before"
    );

    // Deleted with its segments.
    let with_segments = DeleteOpts {
        with_segments: true,
        ..DeleteOpts::default()
    };
    objects::delete(&client, &c, "disk.img", &with_segments)
        .await
        .ok()
        .unwrap();
    let left: Vec<ObjectEntry> = objects::list(
        &client,
        &done.segment_container,
        &ListOpts::default().prefix(done.segment_prefix.clone()),
    )
    .items()
    .try_collect()
    .await
    .unwrap();
    assert!(left.is_empty(), "{left:?}");
    remove_container(&client, &c).await;
    remove_container(&client, &done.segment_container).await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn objectstorage_symlinks_dynamic_large_objects_and_versions() {
    let client = swift().await;
    let c = unique("links");
    containers::create(&client, &c, &Default::default())
        .await
        .ok()
        .unwrap();
    let get_all = |name: &'static str| {
        let (client, c) = (client.clone(), c.clone());
        async move {
            objects::download(&client, &c, name, &DownloadOpts::default())
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap()
        }
    };
    // Plain-text listings: names only, one per line, paged by marker.
    let a = containers::list_names(&client, &ListOpts::default().prefix(&c))
        .all()
        .await
        .unwrap();
    assert_eq!(a, std::slice::from_ref(&c));
    // A symlink serves its target's bytes; its own HEAD names the target.
    objects::create(
        &client,
        &c,
        "target",
        Bytes::from_static(b"pointed at"),
        &CreateOpts::default(),
    )
    .await
    .ok()
    .unwrap();
    let link = CreateOpts {
        symlink_target: Some(format!("{c}/target")),
        ..CreateOpts::default()
    };
    objects::create(&client, &c, "link", Bytes::new(), &link)
        .await
        .ok()
        .unwrap();
    assert_eq!(get_all("link").await, &b"pointed at"[..]);

    // A dynamic large object: its segments by prefix, joined in name order.
    for (i, part) in ["first ", "second ", "third"].iter().enumerate() {
        objects::create(
            &client,
            &c,
            &format!("segs/{i:03}"),
            Bytes::from(part.to_string()),
            &CreateOpts::default(),
        )
        .await
        .ok()
        .unwrap();
    }
    let manifest = CreateOpts {
        object_manifest: Some(format!("{c}/segs/")),
        ..CreateOpts::default()
    };
    objects::create(&client, &c, "dlo", Bytes::new(), &manifest)
        .await
        .ok()
        .unwrap();
    let names = objects::list_names(&client, &c, &ListOpts::default().limit(2))
        .all()
        .await
        .unwrap();
    assert_eq!(
        names,
        ["dlo", "link", "segs/000", "segs/001", "segs/002", "target"]
    );
    let dirs = objects::list_names(&client, &c, &ListOpts::default().delimiter('/'))
        .all()
        .await
        .unwrap();
    assert_eq!(dirs, ["dlo", "link", "segs/", "target"]);
    assert_eq!(get_all("dlo").await, &b"first second third"[..]);
    let head = objects::get(&client, &c, "dlo").await.extract().unwrap();
    assert_eq!(head.content_length, 18);

    // A versioned container keeps every version under its ID.
    let v = unique("versioned");
    let opts = containers::CreateOpts {
        versions_enabled: Some(true),
        ..Default::default()
    };
    containers::create(&client, &v, &opts).await.ok().unwrap();
    let result = AssertUnwindSafe(async {
        assert_eq!(
            containers::get(&client, &v)
                .await
                .extract()
                .unwrap()
                .versions_enabled,
            Some(true)
        );
        let mut ids = Vec::new();
        for body in ["one", "two"] {
            objects::create(
                &client,
                &v,
                "doc",
                Bytes::from(body),
                &CreateOpts::default(),
            )
            .await
            .ok()
            .unwrap();
            let id = objects::get(&client, &v, "doc")
                .await
                .extract()
                .unwrap()
                .version_id;
            ids.push(id.expect("a version ID in a versioned container"));
        }
        assert_ne!(ids[0], ids[1]);
        let old = DownloadOpts {
            version_id: Some(ids[0].clone()),
            ..Default::default()
        };
        let d = objects::download(&client, &v, "doc", &old).await.unwrap();
        assert_eq!(d.bytes().await.unwrap(), &b"one"[..]);
        let latest = objects::download(&client, &v, "doc", &DownloadOpts::default())
            .await
            .unwrap();
        assert_eq!(latest.bytes().await.unwrap(), &b"two"[..]);
        // Listed one version per page, the versions of one name are all there.
        let two_versions: Vec<ObjectEntry> =
            objects::list_versions(&client, &v, &ListOpts::default().limit(1))
                .items()
                .try_collect()
                .await
                .unwrap();
        let listed: Vec<(String, Option<bool>)> = two_versions
            .iter()
            .filter_map(|e| match e {
                ObjectEntry::Object(o) => Some((o.version_id.clone().unwrap(), o.is_latest)),
                _ => None,
            })
            .collect();
        assert_eq!(
            listed,
            [(ids[1].clone(), Some(true)), (ids[0].clone(), Some(false))]
        );
        // Deleting the newest version by its ID does not make the older one current
        // (Swift answers 404 for the object), and the older one stays by its ID.
        let newest = DeleteOpts {
            version_id: Some(ids[1].clone()),
            ..Default::default()
        };
        objects::delete(&client, &v, "doc", &newest)
            .await
            .ok()
            .unwrap();
        let gone = objects::download(&client, &v, "doc", &DownloadOpts::default())
            .await
            .unwrap_err();
        assert_eq!(gone.kind(), ErrorKind::NotFound);
        let d = objects::download(&client, &v, "doc", &old).await.unwrap();
        assert_eq!(d.bytes().await.unwrap(), &b"one"[..]);
        ids.truncate(1);
        ids
    })
    .catch_unwind()
    .await;
    if let Ok(ids) = &result {
        for id in ids {
            let opts = DeleteOpts {
                version_id: Some(id.clone()),
                ..Default::default()
            };
            objects::delete(&client, &v, "doc", &opts)
                .await
                .ok()
                .unwrap();
        }
    }
    let _ = containers::delete(&client, &v).await;
    remove_container(&client, &c).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}
