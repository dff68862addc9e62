//! Nova in the fake: the server status machine on a frozen clock, and the SDK's waiters,
//! paging and actions on a real one.

use std::time::Duration;

use fakecloud::{Clock, Delays, FakeCloud, SEED_IMAGE_ID};
use ferrocloud::http::Method;
use ferrocloud::openstack::compute::v2::flavors;
use ferrocloud::openstack::compute::v2::server_actions::{self, ResizeOpts};
use ferrocloud::openstack::compute::v2::servers::{self, CreateOpts, ListOpts, Networks};
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ErrorKind, ServiceClient, openstack};
use serde_json::json;

async fn compute(cloud: &FakeCloud, user: &str) -> ServiceClient {
    let p = cloud.provider(user).await.unwrap();
    openstack::new_compute_v2(&p, Default::default())
        .unwrap()
        .negotiate_microversion("2.100")
        .await
        .unwrap()
}

fn status(cloud: &FakeCloud, id: &str) -> String {
    cloud.state(|s| {
        s.servers
            .get(id)
            .map(|v| v.status().to_string())
            .unwrap_or_default()
    })
}

fn opts(name: &str) -> CreateOpts {
    CreateOpts::new(name, "42")
        .image_ref(SEED_IMAGE_ID)
        .networks(Networks::Auto)
}

#[tokio::test]
async fn the_status_machine_follows_the_clock() {
    let clock = Clock::frozen();
    let cloud = FakeCloud::builder()
        .clock(clock.clone())
        .start()
        .await
        .unwrap();
    let compute = compute(&cloud, "demo").await;
    let id = servers::create(&compute, &opts("sm"))
        .await
        .extract()
        .unwrap()
        .id;
    assert_eq!(status(&cloud, &id), "BUILD");
    clock.advance(Duration::from_secs(2));
    assert_eq!(status(&cloud, &id), "ACTIVE");

    server_actions::stop(&compute, &id).await.ok().unwrap();
    // Busy: Nova refuses another action while a task runs.
    let e = server_actions::start(&compute, &id).await.ok().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    clock.advance(Duration::from_secs(1));
    assert_eq!(status(&cloud, &id), "SHUTOFF");
    server_actions::start(&compute, &id).await.ok().unwrap();
    clock.advance(Duration::from_secs(1));
    assert_eq!(status(&cloud, &id), "ACTIVE");

    // Resize: VERIFY_RESIZE with the new flavor, then revert to the old one.
    let resize = ResizeOpts {
        flavor_ref: "84".into(),
        disk_config: None,
    };
    server_actions::resize(&compute, &id, &resize)
        .await
        .ok()
        .unwrap();
    assert_eq!(status(&cloud, &id), "RESIZE");
    clock.advance(Duration::from_secs(1));
    assert_eq!(status(&cloud, &id), "VERIFY_RESIZE");
    server_actions::revert_resize(&compute, &id)
        .await
        .ok()
        .unwrap();
    clock.advance(Duration::from_secs(1));
    assert_eq!(status(&cloud, &id), "ACTIVE");
    assert_eq!(cloud.state(|s| s.servers[&id].flavor.id.clone()), "42");
    server_actions::resize(&compute, &id, &resize)
        .await
        .ok()
        .unwrap();
    clock.advance(Duration::from_secs(1));
    server_actions::confirm_resize(&compute, &id)
        .await
        .ok()
        .unwrap();
    assert_eq!(status(&cloud, &id), "ACTIVE");
    assert_eq!(cloud.state(|s| s.servers[&id].flavor.id.clone()), "84");

    // Pause refuses suspend with Nova's reason.
    server_actions::pause(&compute, &id).await.ok().unwrap();
    clock.advance(Duration::from_secs(1));
    let e = server_actions::suspend(&compute, &id)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.service_message().contains("paused"), "{e}");

    servers::delete(&compute, &id).await.ok().unwrap();
    assert!(cloud.state(|s| s.servers.contains_key(&id)));
    clock.advance(Duration::from_secs(1));
    assert!(!cloud.state(|s| s.servers.contains_key(&id)));
    let e = servers::get(&compute, &id).await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn the_sdk_boots_waits_pages_acts_and_deletes() {
    let cloud = FakeCloud::builder()
        .delays(Delays {
            build: Duration::from_millis(150),
            action: Duration::from_millis(50),
            delete: Duration::from_millis(50),
        })
        .start()
        .await
        .unwrap();
    let compute = compute(&cloud, "demo").await;
    let wait = WaitOpts::new(Duration::from_secs(10))
        .interval(Duration::from_millis(20), Duration::from_millis(100));
    let mut ids = Vec::new();
    for i in 0..3 {
        let id = servers::create(&compute, &opts(&format!("page-{i}")))
            .await
            .extract()
            .unwrap()
            .id;
        ids.push(id);
    }
    for id in &ids {
        let s = servers::wait_for_status(&compute, id, "ACTIVE", &wait)
            .await
            .unwrap();
        assert!(s.addresses.contains_key("private"));
    }

    // One server per page: three pages (and an empty fourth, as Nova does).
    let page_opts = ListOpts {
        limit: Some(1),
        ..Default::default()
    };
    let all = servers::extract_servers(
        &servers::list(&compute, &page_opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    let mut listed: Vec<String> = all.iter().map(|s| s.id.clone()).collect();
    listed.sort();
    let mut expected = ids.clone();
    expected.sort();
    assert_eq!(listed, expected);

    // The admin sees nothing of the demo project unless asking for all projects.
    let admin = compute_admin(&cloud).await;
    let mine = servers::extract_servers(
        &servers::list(&admin, &ListOpts::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(mine.is_empty());

    server_actions::reboot(&compute, &ids[0], server_actions::RebootType::Hard)
        .await
        .ok()
        .unwrap();
    servers::wait_for_status(&compute, &ids[0], "ACTIVE", &wait)
        .await
        .unwrap();

    for id in &ids {
        servers::delete(&compute, id).await.ok().unwrap();
    }
    for id in &ids {
        servers::wait_for_delete(&compute, id, &wait).await.unwrap();
    }
}

async fn compute_admin(cloud: &FakeCloud) -> ServiceClient {
    compute(cloud, "admin").await
}

#[tokio::test]
async fn nova_errors_and_microversions() {
    let cloud = FakeCloud::start().await.unwrap();
    let compute = compute(&cloud, "demo").await;
    assert_eq!(compute.microversion(), Some("2.100"));
    let e = servers::create(
        &compute,
        &CreateOpts::new("x", "nope")
            .image_ref(SEED_IMAGE_ID)
            .networks(Networks::None),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest);
    assert!(
        e.service_message()
            .contains("Flavor nope could not be found"),
        "{e}"
    );
    let e = servers::get(&compute, "missing")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert!(e.request_id().is_some_and(|r| r.starts_with("req-")));
    let e = servers::list_simple(&compute.with_microversion("2.101"), &Default::default())
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(406));
    let e = flavors::create(&compute, &flavors::CreateOpts::new("f", 64, 1, 1))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Forbidden);
}

#[tokio::test]
async fn private_flavors_and_quotas() {
    use ferrocloud::openstack::compute::v2::{flavor_access, quota_sets};
    let cloud = FakeCloud::start().await.unwrap();
    let admin = compute_admin(&cloud).await;
    let demo = compute(&cloud, "demo").await;
    let demo_project = cloud.state(|s| s.project_by_name("demo").unwrap().id.clone());
    let mut flavor_opts = flavors::CreateOpts::new("private", 64, 1, 1);
    flavor_opts.is_public = Some(false);
    let f = flavors::create(&admin, &flavor_opts)
        .await
        .extract()
        .unwrap();
    let e = flavors::get(&demo, &f.id).await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let e = servers::create(
        &demo,
        &CreateOpts::new("p", &f.id)
            .image_ref(SEED_IMAGE_ID)
            .networks(Networks::None),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest);
    flavor_access::add_tenant_access(&admin, &f.id, &demo_project)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        flavors::get(&demo, &f.id).await.extract().unwrap().name,
        "private"
    );

    // One instance at most for the demo project: the second is refused with 403.
    let one = quota_sets::UpdateOpts {
        instances: Some(1),
        ..Default::default()
    };
    quota_sets::update(&admin, &demo_project, &one)
        .await
        .extract()
        .unwrap();
    servers::create(
        &demo,
        &CreateOpts::new("a", &f.id)
            .image_ref(SEED_IMAGE_ID)
            .networks(Networks::None),
    )
    .await
    .extract()
    .unwrap();
    let e = servers::create(&demo, &opts("b"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Forbidden);
    assert!(e.service_message().contains("Quota exceeded"), "{e}");
}

#[tokio::test]
async fn a_wrong_typed_optional_field_is_nova_s_400() {
    let cloud = FakeCloud::start().await.unwrap();
    let nova = compute(&cloud, "demo").await;
    let keypairs = || cloud.state(|s| s.keypairs.len());
    let before = keypairs();
    let err = nova
        .raw(Method::POST, "os-keypairs")
        .unwrap()
        .json(&json!({"keypair": {"name": "k", "type": 5}}))
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.status_code(), Some(400), "{err}");
    assert_eq!(
        err.service_message(),
        "Invalid input for field/attribute type. Value: 5. 5 is not of type 'string'"
    );
    assert_eq!(keypairs(), before);

    let servers = || cloud.state(|s| s.servers.len());
    let before = servers();
    let err = nova
        .raw(Method::POST, "servers")
        .unwrap()
        .json(
            &json!({"server": {"name": "s", "flavorRef": "42", "imageRef": SEED_IMAGE_ID,
                                 "networks": "auto", "availability_zone": ["nova"]}}),
        )
        .send_raw()
        .await
        .unwrap_err();
    assert_eq!(err.status_code(), Some(400), "{err}");
    assert!(
        err.service_message()
            .starts_with("Invalid input for field/attribute availability_zone."),
        "{err}"
    );
    assert_eq!(servers(), before);
}
