//! Image v2 against the real Glance 33: an image's whole life (record, streamed upload
//! checked against Glance's checksum, download checked against its MD5 and multihash,
//! JSON Patch changes, tags, listing and finding, deactivation, sharing with another
//! project), the interoperable import (`glance-direct`), tasks, stores, usage, the cache
//! and the versions. Everything made here is deleted here.

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use bytes::Bytes;
use ferrocloud::openstack::image::v2::cache::{self, ClearTarget};
use ferrocloud::openstack::image::v2::image_data::{self, DownloadOpts, UploadOpts};
use ferrocloud::openstack::image::v2::images::{
    self, CreateOpts, ImageStatus, ListOpts, UpdateOpts, Visibility,
};
use ferrocloud::openstack::image::v2::imports::{self, ImportMethod, ImportOpts};
use ferrocloud::openstack::image::v2::members::{self, MemberStatus};
use ferrocloud::openstack::image::v2::{stores, tags, tasks, usage, versions};
use ferrocloud::transfer::Progress;
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ErrorKind, ServiceClient, openstack};
use futures::FutureExt;

use crate::support::*;

async fn glance(provider: &ferrocloud::ProviderClient) -> ServiceClient {
    openstack::new_image_v2(provider, region()).unwrap()
}

fn wait() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(60))
        .interval(Duration::from_millis(200), Duration::from_secs(1))
}

/// 3 MiB + 5 bytes of a pattern, in 64 KiB chunks.
fn data() -> Vec<Bytes> {
    let all: Vec<u8> = (0..(3 << 20) + 5).map(|i: u32| (i % 251) as u8).collect();
    all.chunks(64 << 10).map(Bytes::copy_from_slice).collect()
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn image_lifecycle_upload_download_patch_share() {
    let admin = glance(&admin().await).await;
    let member_provider = member().await;
    let member_project = member_provider.auth_info().unwrap().project.unwrap().id;
    let member = glance(&member_provider).await;
    let name = unique("image");
    let opts = CreateOpts::new(&name)
        .disk_format("raw")
        .container_format("bare")
        .tag("ferro-a")
        .property("os_distro", "cirros");
    let image = images::create(&admin, &opts).await.extract().unwrap();
    let result = AssertUnwindSafe(async {
        assert_eq!(image.status, ImageStatus::Queued);
        assert_eq!(
            image.visibility,
            Visibility::Shared,
            "Glance's default for a new image"
        );
        assert_eq!(image.property("os_distro"), Some("cirros"));
        assert_eq!(image.checksum, None);

        // A streamed upload with its size; the progress sees every byte.
        let parts = data();
        let size: u64 = parts.iter().map(|p| p.len() as u64).sum();
        let seen = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let s = seen.clone();
        let upload = UploadOpts::default()
            .size(size)
            .progress(Progress::new(move |done, _| {
                s.store(done, std::sync::atomic::Ordering::Relaxed)
            }));
        let chunks = futures::stream::iter(parts.clone().into_iter().map(Ok::<_, std::io::Error>));
        image_data::upload_stream(&admin, &image.id, chunks, &upload)
            .await
            .ok()
            .unwrap();
        assert_eq!(seen.load(std::sync::atomic::Ordering::Relaxed), size);
        let active = images::wait_for_status(&admin, &image.id, ImageStatus::Active, &wait())
            .await
            .unwrap();
        assert_eq!(active.size, Some(size));
        assert_eq!(active.os_hash_algo.as_deref(), Some("sha512"));
        assert_eq!(
            active.stores.as_deref(),
            Some("fs"),
            "the devcloud's one store"
        );

        // Downloaded whole and checked against Content-MD5 and the SHA-512 multihash.
        let d = image_data::download(
            &admin,
            &image.id,
            &DownloadOpts::default().verify_hash(&active),
        )
        .await
        .unwrap();
        assert_eq!(d.content_md5, active.checksum);
        assert_eq!(d.content_length, Some(size));
        let got = d.bytes().await.unwrap();
        assert_eq!(got, parts.concat());
        // A range.
        let opts = DownloadOpts {
            range: Some("bytes=10-19".into()),
            ..Default::default()
        };
        let d = image_data::download(&admin, &image.id, &opts)
            .await
            .unwrap();
        assert_eq!(d.status, 206);
        assert_eq!(d.bytes().await.unwrap(), parts.concat()[10..20]);

        // JSON Patch: rename, set and remove properties, replace the tags, hide it.
        let change = UpdateOpts::new()
            .name(format!("{name}-renamed"))
            .set_property("hw_disk_bus", "scsi")
            .set_property("os_distro", "debian")
            .tags(["ferro-b", "ferro-c"])
            .min_ram(64);
        let changed = images::update(&admin, &image.id, &change)
            .await
            .extract()
            .unwrap();
        assert_eq!(
            changed.name.as_deref(),
            Some(format!("{name}-renamed").as_str())
        );
        assert_eq!(changed.property("hw_disk_bus"), Some("scsi"));
        assert_eq!(changed.property("os_distro"), Some("debian"));
        // Glance keeps tags as a set: the order it answers in is not the order sent.
        let mut t = changed.tags.clone();
        t.sort();
        assert_eq!(t, ["ferro-b", "ferro-c"]);
        assert_eq!(changed.min_ram, 64);
        let change = UpdateOpts::new().remove_property("hw_disk_bus");
        let changed = images::update(&admin, &image.id, &change)
            .await
            .extract()
            .unwrap();
        assert_eq!(changed.property("hw_disk_bus"), None);
        // Removing what is not there: Glance answers 409.
        let err = images::update(&admin, &image.id, &change)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Conflict);

        // Tags one by one.
        tags::add(&admin, &image.id, "ferro d").await.ok().unwrap();
        tags::delete(&admin, &image.id, "ferro-b")
            .await
            .ok()
            .unwrap();
        let mut t = images::get(&admin, &image.id).await.extract().unwrap().tags;
        t.sort();
        assert_eq!(t, ["ferro d", "ferro-c"]);
        // A tag with a '/' cannot be addressed by Glance's routes (404 even encoded):
        // refused before sending; the patch sets it.
        let err = tags::add(&admin, &image.id, "ferro/e")
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        let with_slash = UpdateOpts::new().tags(["ferro/e", "ferro d", "ferro-c"]);
        let mut t = images::update(&admin, &image.id, &with_slash)
            .await
            .extract()
            .unwrap()
            .tags;
        t.sort();
        assert_eq!(t, ["ferro d", "ferro-c", "ferro/e"]);
        let err = tags::delete(&admin, &image.id, "ferro-b")
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);

        // Listing by tag and property, paged one by one; finding by name.
        let opts = ListOpts {
            tags: vec!["ferro-c".into()],
            properties: [("os_distro".to_string(), "debian".to_string())].into(),
            limit: Some(1),
            ..Default::default()
        };
        let listed = images::list(&admin, &opts).all().await.unwrap();
        assert_eq!(
            listed.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            [image.id.as_str()]
        );
        let found = images::find(&admin, &format!("{name}-renamed"))
            .await
            .unwrap();
        assert_eq!(found.id, image.id);

        // Shared with the member project: pending until it accepts.
        let m = members::create(&admin, &image.id, &member_project)
            .await
            .extract()
            .unwrap();
        assert_eq!(m.status, MemberStatus::Pending);
        let visible = |c: ServiceClient, id: String| async move {
            images::list(&c, &ListOpts::default())
                .all()
                .await
                .unwrap()
                .iter()
                .any(|i| i.id == id)
        };
        assert!(!visible(member.clone(), image.id.clone()).await);
        let m = members::update(&member, &image.id, &member_project, MemberStatus::Accepted)
            .await
            .extract()
            .unwrap();
        assert_eq!(m.status, MemberStatus::Accepted);
        assert!(visible(member.clone(), image.id.clone()).await);
        assert_eq!(
            members::list(&admin, &image.id)
                .await
                .extract()
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            members::get(&member, &image.id, &member_project)
                .await
                .extract()
                .unwrap()
                .status,
            MemberStatus::Accepted
        );
        let d = image_data::download(&member, &image.id, &DownloadOpts::default())
            .await
            .unwrap();
        assert_eq!(d.bytes().await.unwrap().len() as u64, size);
        // The member cannot change the image.
        let err = images::update(&member, &image.id, &UpdateOpts::new().name("x"))
            .await
            .extract()
            .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Forbidden | ErrorKind::NotFound),
            "{err}"
        );
        // Deactivated, its data cannot be read by others (admins still may);
        // reactivated, it can.
        images::deactivate(&admin, &image.id).await.ok().unwrap();
        let shown = images::get(&member, &image.id).await.extract().unwrap();
        assert_eq!(shown.status, ImageStatus::Deactivated);
        let err = image_data::download(&member, &image.id, &DownloadOpts::default())
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden);
        image_data::download(&admin, &image.id, &DownloadOpts::default())
            .await
            .unwrap();
        images::reactivate(&admin, &image.id).await.ok().unwrap();
        image_data::download(&member, &image.id, &DownloadOpts::default())
            .await
            .unwrap();
        members::delete(&admin, &image.id, &member_project)
            .await
            .ok()
            .unwrap();

        // Protected, it cannot be deleted.
        images::update(&admin, &image.id, &UpdateOpts::new().protected(true))
            .await
            .extract()
            .unwrap();
        let err = images::delete(&admin, &image.id).await.ok().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden);
        images::update(&admin, &image.id, &UpdateOpts::new().protected(false))
            .await
            .extract()
            .unwrap();
    })
    .catch_unwind()
    .await;
    let _ = images::update(&admin, &image.id, &UpdateOpts::new().protected(false)).await;
    images::delete(&admin, &image.id).await.ok().unwrap();
    images::wait_for_delete(&admin, &image.id, &wait())
        .await
        .unwrap();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn image_glance_direct_import_and_its_tasks() {
    let admin = glance(&admin().await).await;
    let methods = imports::get_methods(&admin).await.extract().unwrap();
    assert!(
        methods.value.iter().any(|m| m == "glance-direct"),
        "{methods:?}"
    );
    let image = images::create(
        &admin,
        &CreateOpts::new(unique("import"))
            .disk_format("raw")
            .container_format("bare"),
    )
    .await
    .extract()
    .unwrap();
    let result = AssertUnwindSafe(async {
        let parts = data();
        image_data::stage(
            &admin,
            &image.id,
            Bytes::from(parts.concat()),
            &UploadOpts::default(),
        )
        .await
        .ok()
        .unwrap();
        let staged = images::get(&admin, &image.id).await.extract().unwrap();
        assert_eq!(staged.status, ImageStatus::Uploading);
        imports::import(
            &admin,
            &image.id,
            &ImportOpts::new(ImportMethod::GlanceDirect),
        )
        .await
        .ok()
        .unwrap();
        let active = images::wait_for_status(&admin, &image.id, ImageStatus::Active, &wait())
            .await
            .unwrap();
        // Glance computed the checksum at import: the download checks against it.
        let d = image_data::download(
            &admin,
            &image.id,
            &DownloadOpts::default().verify_hash(&active),
        )
        .await
        .unwrap();
        assert_eq!(d.bytes().await.unwrap(), parts.concat());
        // The import ran as a task of the image.
        let its = images::list_tasks(&admin, &image.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(its.len(), 1, "{its:?}");
        assert_eq!(its[0].kind, "api_image_import");
        assert_eq!(its[0].image_id.as_deref(), Some(image.id.as_str()));
        let task = tasks::wait_for_completion(&admin, &its[0].id, &wait())
            .await
            .unwrap();
        assert_eq!(task.status, tasks::TaskStatus::Success);
        let listed = tasks::list(
            &admin,
            &tasks::ListOpts {
                limit: Some(1),
                ..Default::default()
            },
        )
        .max_pages(10_000)
        .all()
        .await
        .unwrap();
        assert!(listed.iter().any(|t| t.id == task.id));
        // A method the cloud does not offer.
        let err = imports::import(
            &admin,
            &image.id,
            &ImportOpts::new(ImportMethod::CopyImage).stores(["nowhere"]),
        )
        .await
        .ok()
        .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::BadRequest | ErrorKind::Conflict),
            "{err}"
        );
    })
    .catch_unwind()
    .await;
    images::delete(&admin, &image.id).await.ok().unwrap();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn image_stores_usage_cache_and_versions() {
    let admin = glance(&admin().await).await;
    let all = stores::list(&admin).await.extract().unwrap();
    let ids: Vec<_> = all.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["fs", "fs2"], "the devcloud's two file stores");
    assert!(all[0].default && !all[1].default);
    let detail = stores::list_detail(&admin).await.extract().unwrap();
    assert_eq!(detail[0].kind, "file");
    // The file store's setting is `data_dir` (the api-ref's sample writes `datadir`).
    assert!(detail[0].properties.contains_key("data_dir"), "{detail:?}");

    // Without unified limits (Keystone limits, `use_keystone_limits`), Glance has no
    // quota to report: the usage is empty.
    let u = usage::get(&admin).await.extract().unwrap();
    assert!(u.is_empty(), "{u:?}");

    let v = versions::list(&admin).await.extract().unwrap();
    assert_eq!(versions::current(&v).unwrap().id, "v2.18");
    assert_eq!(versions::list_root(&admin).await.extract().unwrap(), v);

    // The cache: an active image queued, then removed; upkeep.
    let image = images::create(
        &admin,
        &CreateOpts::new(unique("cached"))
            .disk_format("raw")
            .container_format("bare"),
    )
    .await
    .extract()
    .unwrap();
    let result = AssertUnwindSafe(async {
        image_data::upload(
            &admin,
            &image.id,
            Bytes::from_static(b"cache me"),
            &UploadOpts::default(),
        )
        .await
        .ok()
        .unwrap();
        cache::queue(&admin, &image.id).await.ok().unwrap();
        // Glance's cache worker takes the queued image at once and caches it.
        let mut state = cache::list(&admin).await.extract().unwrap();
        for _ in 0..50 {
            if state.cached_images.iter().any(|c| c.image_id == image.id) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
            state = cache::list(&admin).await.extract().unwrap();
        }
        let cached = state.cached_images.iter().find(|c| c.image_id == image.id);
        assert_eq!(cached.map(|c| c.size), Some(8), "{state:?}");
        cache::delete(&admin, &image.id).await.ok().unwrap();
        cache::clean(&admin).await.ok().unwrap();
        let pruned = cache::prune(&admin).await.extract().unwrap();
        assert_eq!(
            pruned.total_files_pruned, 0,
            "the cache is far below its size"
        );
        cache::clear(&admin, ClearTarget::Queue).await.ok().unwrap();
        cache::clear(&admin, ClearTarget::Both).await.ok().unwrap();
        let state = cache::list(&admin).await.extract().unwrap();
        assert!(
            state.queued_images.is_empty() && state.cached_images.is_empty(),
            "{state:?}"
        );
        // Glance keeps an image's last location: its one store's copy cannot go.
        let err = stores::delete_image(&admin, "fs", &image.id)
            .await
            .ok()
            .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Conflict | ErrorKind::Forbidden),
            "{err}"
        );
    })
    .catch_unwind()
    .await;
    images::delete(&admin, &image.id).await.ok().unwrap();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn image_locations_are_for_service_users() {
    let admin = glance(&admin().await).await;
    let image = images::create(
        &admin,
        &CreateOpts::new(unique("loc"))
            .disk_format("raw")
            .container_format("bare"),
    )
    .await
    .extract()
    .unwrap();
    let result = AssertUnwindSafe(async {
        // An admin reads the locations (none before data); adding one is for the
        // service users of other services.
        let none = images::list_locations(&admin, &image.id)
            .await
            .extract()
            .unwrap();
        assert!(none.is_empty(), "{none:?}");
        let opts = images::AddLocationOpts::new("file:///nowhere/at/all");
        let err = images::add_location(&admin, &image.id, &opts)
            .await
            .ok()
            .unwrap_err();
        assert!(
            err.to_string().contains("http store must be enabled"),
            "{err}"
        );
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{err}");
    })
    .catch_unwind()
    .await;
    images::delete(&admin, &image.id).await.ok().unwrap();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

/// Serves `body` once per request at `http://127.0.0.1:<port>/image.raw`, for Glance's
/// web-download.
async fn serve(body: Bytes) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/image.raw", listener.local_addr().unwrap());
    let app = axum::Router::new().route(
        "/image.raw",
        axum::routing::get(move || {
            let body = body.clone();
            async move { body }
        }),
    );
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    url
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn image_web_download_copy_image_and_per_store_delete() {
    let admin = glance(&admin().await).await;
    let methods = imports::get_methods(&admin).await.extract().unwrap();
    for m in ["glance-direct", "web-download", "copy-image"] {
        assert!(methods.value.iter().any(|v| v == m), "{m}: {methods:?}");
    }
    let body = Bytes::from(data().concat());
    let url = serve(body.clone()).await;
    let image = images::create(
        &admin,
        &CreateOpts::new(unique("web"))
            .disk_format("raw")
            .container_format("bare"),
    )
    .await
    .extract()
    .unwrap();
    let result = AssertUnwindSafe(async {
        // Glance fetches the bytes itself, into the default store.
        imports::import(
            &admin,
            &image.id,
            &ImportOpts::new(ImportMethod::web_download(&url)),
        )
        .await
        .ok()
        .unwrap();
        let active = images::wait_for_status(&admin, &image.id, ImageStatus::Active, &wait())
            .await
            .unwrap();
        assert_eq!(active.size, Some(body.len() as u64));
        assert_eq!(active.stores.as_deref(), Some("fs"));
        let d = image_data::download(
            &admin,
            &image.id,
            &DownloadOpts::default().verify_hash(&active),
        )
        .await
        .unwrap();
        assert_eq!(d.bytes().await.unwrap(), body);

        // Copied into the second store, every store must succeed.
        let copy = ImportOpts::new(ImportMethod::CopyImage)
            .stores(["fs2"])
            .all_stores_must_succeed(true);
        imports::import(&admin, &image.id, &copy)
            .await
            .ok()
            .unwrap();
        // Glance shows the new store before the copy's task is over, and the task's
        // last save of the image may still rewrite its locations: wait for both.
        let mut stores_now = String::new();
        for _ in 0..150 {
            let i = images::get(&admin, &image.id).await.extract().unwrap();
            stores_now = i.stores.clone().unwrap_or_default();
            let copied = stores_now.split(',').any(|s| s == "fs2")
                && i.property("os_glance_importing_to_stores")
                    .is_none_or(str::is_empty);
            let tasks = images::list_tasks(&admin, &image.id)
                .await
                .extract()
                .unwrap();
            if copied
                && tasks.len() == 2
                && tasks.iter().all(|t| t.status == tasks::TaskStatus::Success)
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let mut held: Vec<_> = stores_now.split(',').collect();
        held.sort();
        assert_eq!(held, ["fs", "fs2"]);
        // With two copies, one store's copy can go.
        stores::delete_image(&admin, "fs2", &image.id)
            .await
            .ok()
            .unwrap();
        let i = images::get(&admin, &image.id).await.extract().unwrap();
        assert_eq!(i.stores.as_deref(), Some("fs"));
        // Every import ran as a task of the image.
        let its = images::list_tasks(&admin, &image.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(its.len(), 2, "{its:?}");
    })
    .catch_unwind()
    .await;
    images::delete(&admin, &image.id).await.ok().unwrap();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}
