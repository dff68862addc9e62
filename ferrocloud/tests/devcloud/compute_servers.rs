//! Servers against the real Nova (fake virt driver): boot, wait, rename, power, console,
//! image, delete; several at once; microversion negotiation. Also the helpers the other
//! compute tests share: clients, the test image, and a guard that deletes a test's server
//! (and its images) even when the test fails.
#![allow(dead_code)]

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::support::*;
use ferrocloud::http::Method;
use ferrocloud::openstack::compute::v2::extensions::extendedstatus::ExtendedStatus;
use ferrocloud::openstack::compute::v2::server_actions::{self, CreateImageOpts, RebootType};
use ferrocloud::openstack::compute::v2::servers::{
    self, CreateOpts, ListOpts, Networks, Server, UpdateOpts,
};
use ferrocloud::wait::{State, WaitOpts};
use ferrocloud::{ErrorKind, Operation, ProviderClient, ServiceClient, openstack};
use serde::Deserialize;

/// The newest microversion these tests ask for.
pub const SDK_MAX: &str = "2.100";
/// The smallest flavor.
pub const NANO: &str = "42";

static LIST_IMAGES: Operation = Operation::new("image", Method::GET, "/images");
static GET_IMAGE: Operation = Operation::new("image", Method::GET, "/images/{image_id}");
static DELETE_IMAGE: Operation = Operation::new("image", Method::DELETE, "/images/{image_id}");

/// The demo member, on a provider that does not reuse connections.
pub async fn member_provider() -> ProviderClient {
    crate::support::fresh(member_opts()).await
}

/// The admin, on a provider that does not reuse connections.
pub async fn admin_provider() -> ProviderClient {
    crate::support::fresh(admin_opts()).await
}

pub async fn compute_for(provider: &ProviderClient) -> ServiceClient {
    openstack::new_compute_v2(provider, region())
        .unwrap()
        .negotiate_microversion(SDK_MAX)
        .await
        .expect("microversion negotiation")
}

/// The demo member's compute client, at the newest common microversion.
pub async fn member_compute() -> ServiceClient {
    compute_for(&member_provider().await).await
}

/// The admin's compute client, at the newest common microversion.
pub async fn admin_compute() -> ServiceClient {
    compute_for(&admin_provider().await).await
}

pub fn image_client(provider: &ProviderClient) -> ServiceClient {
    openstack::new_image_v2(provider, region()).unwrap()
}

#[derive(Deserialize)]
struct Images {
    images: Vec<ImageRow>,
}

#[derive(Deserialize)]
pub struct ImageRow {
    pub id: String,
    pub name: Option<String>,
    pub status: String,
}

/// The ID of the devcloud's test image, from Glance.
pub async fn test_image(provider: &ProviderClient) -> String {
    let resp = image_client(provider)
        .request(&LIST_IMAGES, &[])
        .query_pair("name", "devcloud-raw")
        .send_raw()
        .await
        .expect("listing images");
    let list: Images = resp.decode(None).unwrap();
    list.images
        .into_iter()
        .next()
        .expect("the devcloud-raw image")
        .id
}

/// An image as Glance shows it, or `None` when it is gone.
pub async fn glance_image(provider: &ProviderClient, id: &str) -> Option<ImageRow> {
    match image_client(provider)
        .request(&GET_IMAGE, &[id])
        .send_raw()
        .await
    {
        Ok(resp) => Some(resp.decode(None).unwrap()),
        Err(e) if e.is_not_found() => None,
        Err(e) => panic!("showing image {id}: {e}"),
    }
}

pub fn wait_opts() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(180))
        .interval(Duration::from_millis(500), Duration::from_secs(3))
}

#[derive(Deserialize)]
struct WithStatus {
    #[serde(flatten)]
    server: Server,
    #[serde(flatten)]
    ext: ExtendedStatus,
}

/// Waits until the server has `status` and no task under way (Nova refuses most actions
/// while a task runs).
pub async fn settle(compute: &ServiceClient, id: &str, status: &str) -> Server {
    let found: WithStatus = ferrocloud::wait::wait_for(
        &format!("server {id} to be {status} and idle"),
        &wait_opts(),
        || async { servers::get(compute, id).await.extract_into::<WithStatus>() },
        |s: &WithStatus| {
            if s.server.status.eq_ignore_ascii_case(status) && s.ext.task_state.is_none() {
                State::Ready
            } else if s.server.status == "ERROR" && status != "ERROR" {
                State::Failed(format!(
                    "server {id} is in ERROR: {:?}",
                    s.server.fault.as_ref().map(|f| &f.message)
                ))
            } else {
                State::Pending
            }
        },
        |_| {},
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    found.server
}

/// What a test leaves behind, deleted after it whatever its outcome.
#[derive(Default)]
pub struct Cleanup {
    images: Mutex<Vec<String>>,
    servers: Mutex<Vec<String>>,
}

impl Cleanup {
    /// An image to delete afterwards.
    pub fn image(&self, id: &str) {
        self.images.lock().unwrap().push(id.to_string());
    }

    /// Another server to delete afterwards.
    pub fn server(&self, id: &str) {
        self.servers.lock().unwrap().push(id.to_string());
    }
}

/// Boots a server with `opts` (the test's name prefix is made unique), runs `body` on it
/// in its own task, then deletes the server and whatever `body` registered, and fails if
/// `body` failed.
pub async fn with_server<F, Fut>(compute: &ServiceClient, opts: CreateOpts, body: F)
where
    F: FnOnce(ServiceClient, Server, Arc<Cleanup>) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let mut opts = opts;
    opts.name = unique(&opts.name);
    let created = servers::create(compute, &opts)
        .await
        .extract()
        .unwrap_or_else(|e| panic!("booting {}: {e}", opts.name));
    let cleanup = Arc::new(Cleanup::default());
    cleanup.server(&created.id);
    let task = {
        let compute = compute.clone();
        let cleanup = cleanup.clone();
        let id = created.id.clone();
        tokio::spawn(async move {
            let server = settle(&compute, &id, "ACTIVE").await;
            body(compute, server, cleanup).await
        })
    };
    let outcome = task.await;
    let servers_left: Vec<String> = cleanup.servers.lock().unwrap().drain(..).collect();
    for id in &servers_left {
        match servers::delete(compute, id).await.ok() {
            Ok(()) => {}
            Err(e) if e.is_not_found() => {}
            Err(e) => eprintln!("cleanup: deleting server {id}: {e}"),
        }
    }
    for id in &servers_left {
        if let Err(e) = servers::wait_for_delete(compute, id, &wait_opts()).await {
            eprintln!("cleanup: server {id} is not gone: {e}");
        }
    }
    let images: Vec<String> = cleanup.images.lock().unwrap().drain(..).collect();
    let glance = image_client(compute.provider());
    for id in images {
        match glance.request(&DELETE_IMAGE, &[&id]).send_raw().await {
            Ok(_) => {}
            Err(e) if e.is_not_found() => {}
            Err(e) => eprintln!("cleanup: deleting image {id}: {e}"),
        }
    }
    if let Err(e) = outcome {
        if e.is_panic() {
            std::panic::resume_unwind(e.into_panic());
        }
        panic!("the test task ended: {e}");
    }
}

/// A member's server: m1.nano, devcloud-raw, the project's network.
pub async fn member_server_opts(provider: &ProviderClient, prefix: &str) -> CreateOpts {
    CreateOpts::new(prefix, NANO)
        .image_ref(test_image(provider).await)
        .networks(Networks::Auto)
}

/// An admin's server: m1.nano, devcloud-raw, no network (the admin project has none).
pub async fn admin_server_opts(provider: &ProviderClient, prefix: &str) -> CreateOpts {
    CreateOpts::new(prefix, NANO)
        .image_ref(test_image(provider).await)
        .networks(Networks::None)
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn server_lifecycle_as_member() {
    let provider = member_provider().await;
    let compute = compute_for(&provider).await;
    let opts = member_server_opts(&provider, "srv")
        .await
        .metadata("role", "web")
        .metadata("tier", "1")
        .description("made by a test")
        .tag("ferro")
        .user_data("#!/bin/sh\necho hello\n");
    with_server(&compute, opts, |compute, server, cleanup| async move {
        let id = server.id.clone();
        assert_eq!(server.status, "ACTIVE");
        assert_eq!(server.metadata["role"], "web");
        assert_eq!(server.metadata["tier"], "1");
        assert_eq!(server.description.as_deref(), Some("made by a test"));
        assert_eq!(server.tags.as_deref(), Some(&["ferro".to_string()][..]));
        assert_eq!(
            server.flavor.as_ref().unwrap().original_name.as_deref(),
            Some("m1.nano")
        );
        assert!(
            server.addresses.contains_key("private"),
            "{:?}",
            server.addresses
        );
        assert!(server.image.is_some());

        // Found by name and in listings.
        let name = server.name.clone().unwrap();
        assert_eq!(servers::find(&compute, &name).await.unwrap().id, id);
        let by_name = ListOpts {
            name: Some(format!("^{name}$")),
            ..Default::default()
        };
        let listed =
            servers::extract_servers(&servers::list(&compute, &by_name).all_pages().await.unwrap())
                .unwrap();
        assert_eq!(listed.len(), 1);
        let refs = servers::list_simple(&compute, &by_name)
            .all_pages()
            .await
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(refs[0].id, id);

        // Rename.
        let new_name = format!("{name}-renamed");
        let updated = servers::update(
            &compute,
            &id,
            &UpdateOpts::default().name(&new_name).description("renamed"),
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(updated.name, Some(new_name));
        assert_eq!(updated.description.as_deref(), Some("renamed"));

        // Power.
        server_actions::stop(&compute, &id).await.ok().unwrap();
        settle(&compute, &id, "SHUTOFF").await;
        server_actions::start(&compute, &id).await.ok().unwrap();
        settle(&compute, &id, "ACTIVE").await;
        server_actions::reboot(&compute, &id, RebootType::Soft)
            .await
            .ok()
            .unwrap();
        settle(&compute, &id, "ACTIVE").await;
        server_actions::reboot(&compute, &id, RebootType::Hard)
            .await
            .ok()
            .unwrap();
        settle(&compute, &id, "ACTIVE").await;

        // Console output (the fake driver's canned text).
        let out = server_actions::get_console_output(&compute, &id, Some(10))
            .await
            .unwrap();
        assert!(out.contains("FAKE CONSOLE OUTPUT"), "{out:?}");

        // An image of the server: the ID comes back and Glance knows it.
        let image_name = unique("srv-image");
        let image_id = server_actions::create_image(
            &compute,
            &id,
            &CreateImageOpts::new(&image_name).metadata("made_by", "ferrocloud"),
        )
        .await
        .unwrap();
        cleanup.image(&image_id);
        let image = glance_image(compute.provider(), &image_id)
            .await
            .expect("the new image");
        assert_eq!(image.name.as_deref(), Some(image_name.as_str()));
        settle(&compute, &id, "ACTIVE").await;

        // Delete, and the waiter sees it gone.
        servers::delete(&compute, &id).await.ok().unwrap();
        servers::wait_for_delete(&compute, &id, &wait_opts())
            .await
            .unwrap();
        let e = servers::get(&compute, &id).await.extract().unwrap_err();
        assert!(e.is_not_found(), "{e}");
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn microversion_negotiation_against_nova() {
    let provider = member_provider().await;
    let base = openstack::new_compute_v2(&provider, region()).unwrap();
    let range = ferrocloud::microversion::discover(&base)
        .await
        .unwrap()
        .expect("Nova announces microversions");
    assert_eq!(range.min.to_string(), "2.1");
    assert!(range.max >= "2.100".parse().unwrap(), "{}", range.max);
    let c = base.negotiate_microversion("2.100").await.unwrap();
    assert_eq!(c.microversion(), Some("2.100"));
    let c = base.negotiate_microversion("2.999").await.unwrap();
    assert_eq!(c.microversion(), Some(range.max.to_string().as_str()));
    let e = base.negotiate_microversion("1.0").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);

    // What Nova serves at each end: a server listing at 2.1 and at the newest version.
    for c in [base.clone(), base.with_microversion(range.max.to_string())] {
        servers::list_simple(
            &c,
            &ListOpts {
                limit: Some(1),
                ..Default::default()
            },
        )
        .all_pages()
        .await
        .unwrap();
    }
    // Nova itself refuses a version it does not have.
    let e = servers::list_simple(&base.with_microversion("2.999"), &Default::default())
        .all_pages()
        .await
        .unwrap_err();
    assert!(e.status().map(|s| s.as_u16()) == Some(406), "{e}");
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn several_servers_at_once_by_reservation() {
    let provider = member_provider().await;
    let compute = compute_for(&provider).await;
    let opts = member_server_opts(&provider, "multi").await;
    let mut opts = opts.count(2, 2);
    opts.name = unique("multi");
    let reservation = servers::create_reservation(&compute, &opts).await.unwrap();
    assert!(reservation.starts_with("r-"), "{reservation}");
    let by_reservation = ListOpts {
        reservation_id: Some(reservation.clone()),
        ..Default::default()
    };
    let listed = servers::extract_servers(
        &servers::list(&compute, &by_reservation)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    let ids: Vec<String> = listed.iter().map(|s| s.id.clone()).collect();
    // Delete before checking, so that a failed check leaves nothing behind.
    for id in &ids {
        servers::delete(&compute, id).await.ok().unwrap();
    }
    for id in &ids {
        servers::wait_for_delete(&compute, id, &wait_opts())
            .await
            .unwrap();
    }
    assert_eq!(ids.len(), 2, "{listed:?}");
    // Nova names them name-1 and name-2.
    let mut names: Vec<&str> = listed
        .iter()
        .map(|s| s.name.as_deref().unwrap_or_default())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [format!("{}-1", opts.name), format!("{}-2", opts.name)]
    );
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn what_nova_refuses_at_create() {
    let provider = member_provider().await;
    let compute = compute_for(&provider).await;
    let image = test_image(&provider).await;
    // No such flavor: Nova answers 400.
    let opts = CreateOpts::new(unique("bad"), "no-such-flavor")
        .image_ref(&image)
        .networks(Networks::Auto);
    let e = servers::create(&compute, &opts)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");
    assert!(e.service_message().contains("Flavor"), "{e}");
    // The SDK refuses what the microversion does not read, before Nova sees it.
    let e = servers::create(&compute.with_microversion("2.36"), &opts)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
}
