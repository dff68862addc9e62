//! Glance in the fake: the import's status machine on a frozen clock, data, JSON Patch,
//! listings, sharing and the refusals Glance answers.

use std::time::Duration;

use bytes::Bytes;
use fakecloud::{Clock, Delays, FakeCloud, SEED_IMAGE_ID};
use ferrocloud::http::Method;
use ferrocloud::openstack::image::v2::image_data::{self, DownloadOpts, UploadOpts};
use ferrocloud::openstack::image::v2::images::{
    self, CreateOpts, ImageStatus, ListOpts, UpdateOpts, Visibility,
};
use ferrocloud::openstack::image::v2::imports::{self, ImportMethod, ImportOpts};
use ferrocloud::openstack::image::v2::members::{self, MemberStatus};
use ferrocloud::openstack::image::v2::tasks;
use ferrocloud::{ErrorKind, ServiceClient, openstack};

async fn glance(cloud: &FakeCloud, user: &str) -> ServiceClient {
    let p = cloud.provider(user).await.unwrap();
    openstack::new_image_v2(&p, Default::default()).unwrap()
}

fn raw(name: &str) -> CreateOpts {
    CreateOpts::new(name)
        .disk_format("raw")
        .container_format("bare")
}

/// Uploads (or stages) an image's data.
async fn send(
    client: &ServiceClient,
    id: &str,
    data: &'static [u8],
    staged: bool,
) -> ferrocloud::Result<()> {
    let data = Bytes::from_static(data);
    let opts = UploadOpts::default();
    let sent = if staged {
        image_data::stage(client, id, data, &opts).await
    } else {
        image_data::upload(client, id, data, &opts).await
    };
    sent.ok()
}

/// Downloads an image's data: the status and the bytes.
async fn fetch(client: &ServiceClient, id: &str, opts: &DownloadOpts) -> (u16, Bytes) {
    let d = image_data::download(client, id, opts).await.unwrap();
    let status = d.status.as_u16();
    (status, d.bytes().await.unwrap())
}

fn status(cloud: &FakeCloud, id: &str) -> String {
    cloud.state(|s| {
        s.images
            .get(id)
            .map(|i| i.status.clone())
            .unwrap_or_default()
    })
}

#[tokio::test]
async fn an_import_finishes_on_the_clock_with_its_task() {
    let clock = Clock::frozen();
    let cloud = FakeCloud::builder()
        .clock(clock.clone())
        .delays(Delays {
            action: Duration::from_secs(5),
            ..Delays::default()
        })
        .start()
        .await
        .unwrap();
    let admin = glance(&cloud, "admin").await;
    let image = images::create(&admin, &raw("imported"))
        .await
        .extract()
        .unwrap();
    assert_eq!(image.status, ImageStatus::Queued);
    send(&admin, &image.id, b"staged bytes", true)
        .await
        .unwrap();
    assert_eq!(status(&cloud, &image.id), "uploading");
    let direct = ImportOpts::new(ImportMethod::GlanceDirect);
    let accepted = imports::import(&admin, &image.id, &direct).await;
    assert_eq!(accepted.status_code(), Some(202));
    assert_eq!(status(&cloud, &image.id), "importing");
    let task = &images::list_tasks(&admin, &image.id)
        .await
        .extract()
        .unwrap()[0];
    assert_eq!(task.status, tasks::TaskStatus::Processing);
    clock.advance(Duration::from_secs(4));
    assert_eq!(status(&cloud, &image.id), "importing");
    clock.advance(Duration::from_secs(2));
    let active = images::get(&admin, &image.id).await.extract().unwrap();
    assert_eq!(active.status, ImageStatus::Active);
    assert_eq!(active.size, Some(12));
    let task = tasks::get(&admin, &task.id).await.extract().unwrap();
    assert_eq!(task.status, tasks::TaskStatus::Success);
    // Only queued images take data.
    let err = send(&admin, &image.id, b"", false).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
}

#[tokio::test]
async fn data_patch_and_refusals() {
    let cloud = FakeCloud::start().await.unwrap();
    let admin = glance(&cloud, "admin").await;
    let image = images::create(&admin, &raw("data").property("os_distro", "cirros"))
        .await
        .extract()
        .unwrap();
    assert_eq!(image.visibility, Visibility::Shared);
    send(&admin, &image.id, b"0123456789", false).await.unwrap();
    let active = images::get(&admin, &image.id).await.extract().unwrap();
    assert_eq!(
        active.checksum.as_deref(),
        Some("781e5e245d69b566979b86e28d23f2c7")
    );
    assert_eq!(active.os_hash_algo.as_deref(), Some("sha512"));
    let whole = DownloadOpts::default().verify_hash(&active);
    assert_eq!(
        fetch(&admin, &image.id, &whole).await,
        (200, Bytes::from_static(b"0123456789"))
    );
    let part = DownloadOpts {
        range: Some("bytes=2-4".into()),
        ..Default::default()
    };
    assert_eq!(
        fetch(&admin, &image.id, &part).await,
        (206, Bytes::from_static(b"234"))
    );

    // JSON Patch: a property replaced, one removed, then removed again (409).
    let change = UpdateOpts::new()
        .set_property("os_distro", "debian")
        .set_property("hw_disk_bus", "scsi");
    let changed = images::update(&admin, &image.id, &change)
        .await
        .extract()
        .unwrap();
    assert_eq!(changed.property("os_distro"), Some("debian"));
    let remove = UpdateOpts::new().remove_property("hw_disk_bus");
    images::update(&admin, &image.id, &remove)
        .await
        .extract()
        .unwrap();
    let err = images::update(&admin, &image.id, &remove)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    // Read-only properties are refused (the SDK would not send this).
    let err = admin
        .raw(Method::PATCH, &format!("images/{}", image.id))
        .unwrap()
        .bytes(
            r#"[{"op": "replace", "path": "/size", "value": 1}]"#,
            "application/openstack-images-v2.1-json-patch",
        )
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden, "{err}");

    // Protected, it cannot be deleted; the flag is in the state.
    for protect in [true, false] {
        let opts = UpdateOpts::new().protected(protect);
        let shown = images::update(&admin, &image.id, &opts).await.extract();
        assert_eq!(shown.unwrap().protected, protect);
        if protect {
            let err = images::delete(&admin, &image.id).await.ok().unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Forbidden);
        }
    }
    images::delete(&admin, &image.id).await.ok().unwrap();
    let err = images::get(&admin, &image.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn listings_filter_sort_and_page() {
    let cloud = FakeCloud::start().await.unwrap();
    let demo = glance(&cloud, "demo").await;
    for (name, tag) in [("b", "x"), ("a", "x"), ("c", "y")] {
        images::create(&demo, &raw(name).tag(tag))
            .await
            .extract()
            .unwrap();
    }
    let by_name = ListOpts {
        sort: Some("name:asc".into()),
        limit: Some(1),
        ..Default::default()
    };
    let all = images::list(&demo, &by_name).all().await.unwrap();
    let names: Vec<_> = all.iter().filter_map(|i| i.name.clone()).collect();
    assert_eq!(names, ["a", "b", "c", "devcloud-raw"]);
    let tagged = ListOpts {
        tags: vec!["x".into()],
        ..Default::default()
    };
    assert_eq!(images::list(&demo, &tagged).all().await.unwrap().len(), 2);
    let found = images::find(&demo, "devcloud-raw").await.unwrap();
    assert_eq!(found.id, SEED_IMAGE_ID);
}

#[tokio::test]
async fn shared_images_show_once_accepted() {
    let cloud = FakeCloud::start().await.unwrap();
    let admin = glance(&cloud, "admin").await;
    let demo = glance(&cloud, "demo").await;
    let demo_project = cloud.state(|s| s.project_by_name("demo").unwrap().id.clone());
    let image = images::create(&admin, &raw("shared"))
        .await
        .extract()
        .unwrap();
    let listed = |c: ServiceClient| async move {
        images::list(&c, &ListOpts::default())
            .all()
            .await
            .unwrap()
            .into_iter()
            .map(|i| i.id)
            .collect::<Vec<_>>()
    };
    // Before sharing, the image does not exist for the other project.
    let err = images::get(&demo, &image.id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let m = members::create(&admin, &image.id, &demo_project)
        .await
        .extract()
        .unwrap();
    assert_eq!(m.status, MemberStatus::Pending);
    assert!(!listed(demo.clone()).await.contains(&image.id));
    // Only the member answers for itself.
    let err = members::update(&admin, &image.id, &demo_project, MemberStatus::Accepted)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    members::update(&demo, &image.id, &demo_project, MemberStatus::Accepted)
        .await
        .extract()
        .unwrap();
    assert!(listed(demo.clone()).await.contains(&image.id));
    // A member cannot change the image.
    let err = images::update(&demo, &image.id, &UpdateOpts::new().name("mine"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    members::delete(&admin, &image.id, &demo_project)
        .await
        .ok()
        .unwrap();
    assert!(!listed(demo).await.contains(&image.id));
}

#[tokio::test]
async fn every_schema_is_served_and_metadefs_are_for_admins() {
    use ferrocloud::openstack::image::v2::metadefs::namespaces;
    use ferrocloud::openstack::image::v2::schemas::{self, Schema};
    let cloud = FakeCloud::start().await.unwrap();
    let admin = glance(&cloud, "admin").await;
    for schema in Schema::ALL {
        let doc = schemas::get(&admin, schema).await.extract().unwrap();
        assert_eq!(doc.name, schema.name(), "{schema:?}");
        assert!(doc.other.is_empty(), "{schema:?}");
    }
    let demo = glance(&cloud, "demo").await;
    let err = namespaces::create(&demo, &namespaces::CreateOpts::new("Fake::Ns"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
}

#[tokio::test]
async fn metadef_names_take_the_resource_type_prefix() {
    use ferrocloud::openstack::image::v2::metadefs::{Property, PropertyKind, namespaces};
    let cloud = FakeCloud::start().await.unwrap();
    let admin = glance(&cloud, "admin").await;
    let opts = namespaces::CreateOpts::new("Fake::Hw")
        .property("cores", Property::new("Cores", PropertyKind::Integer))
        .resource_type("OS::Glance::Image", Some("hw_"));
    namespaces::create(&admin, &opts).await.extract().unwrap();
    let plain = namespaces::get(&admin, "Fake::Hw", None)
        .await
        .extract()
        .unwrap();
    assert!(plain.properties.contains_key("cores"));
    let typed = namespaces::get(&admin, "Fake::Hw", Some("OS::Glance::Image"))
        .await
        .extract()
        .unwrap();
    assert!(typed.properties.contains_key("hw_cores"));
    // Protected, it stays.
    let protect = namespaces::UpdateOpts::new("Fake::Hw").protected(true);
    namespaces::update(&admin, "Fake::Hw", &protect)
        .await
        .extract()
        .unwrap();
    let err = namespaces::delete(&admin, "Fake::Hw")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
}
