//! A small provisioning program of the kind users write and test against the fake cloud:
//! a network and subnet, a server on them, a volume attached to it, an inventory object
//! in object storage, then everything taken down again. Its tests run it against the
//! fake (`fakecloud/tests/program.rs`); the same file runs unchanged against a real
//! cloud:
//!
//! ```sh
//! OS_CLIENT_CONFIG_FILE=.devcloud/clouds.yaml OS_CLOUD=devcloud \
//!   cargo run -p ferrocloud-fakecloud --example provision
//! ```

use std::time::Duration;

use bytes::Bytes;
use ferrocloud::config::Cloud;
use ferrocloud::openstack::blockstorage::v3::volumes;
use ferrocloud::openstack::compute::v2::{flavors, servers, volume_attachments};
use ferrocloud::openstack::image::v2::images;
use ferrocloud::openstack::networking::v2::{networks, subnets};
use ferrocloud::openstack::objectstorage::v1::{containers, objects};
use ferrocloud::wait::WaitOpts;

/// What the program saw on its way.
#[derive(Debug)]
pub struct Report {
    /// The server's status once built.
    pub server_status: String,
    /// Its address on the new network.
    pub address: String,
    /// The volume's status once attached.
    pub attached_status: String,
    /// Whether the inventory read back was the one written.
    pub inventory_read_back: bool,
    /// Whether every resource was gone at the end.
    pub cleaned_up: bool,
}

fn waits() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(300))
        .interval(Duration::from_millis(200), Duration::from_secs(2))
}

/// Provisions and tears down a small environment whose names start with `tag`.
pub async fn provision(cloud: &Cloud, tag: &str) -> ferrocloud::Result<Report> {
    let compute = cloud.compute().await?;
    let network = cloud.network().await?;
    let storage = cloud.block_storage().await?;
    let image = cloud.image().await?;
    let swift = cloud.object_store().await?;

    // The smallest flavor and the first active public image.
    let flavor = flavors::list(&compute, &Default::default())
        .all()
        .await?
        .into_iter()
        .min_by_key(|f| (f.ram, f.disk))
        .ok_or_else(|| ferrocloud::Error::invalid_input("the cloud has no flavor"))?;
    let boot = images::list(&image, &Default::default())
        .all()
        .await?
        .into_iter()
        .find(|i| i.status == images::ImageStatus::Active)
        .ok_or_else(|| ferrocloud::Error::invalid_input("the cloud has no active image"))?;

    let net = networks::create(&network, &networks::CreateOpts::new(format!("{tag}-net")))
        .await
        .extract()?;
    let subnet = subnets::create(
        &network,
        &subnets::CreateOpts::ipv4(&net.id, "10.77.0.0/24").name(format!("{tag}-subnet")),
    )
    .await
    .extract()?;

    let mut opts =
        servers::CreateOpts::new(format!("{tag}-server"), &flavor.id).image_ref(&boot.id);
    opts.networks = Some(servers::Networks::List(vec![servers::Network {
        uuid: Some(net.id.clone()),
        ..Default::default()
    }]));
    let created = servers::create(&compute, &opts).await.extract()?;
    let server = servers::wait_for_status(&compute, &created.id, "ACTIVE", &waits()).await?;
    let address = server
        .addresses
        .get(&net.name)
        .and_then(|a| a.first())
        .map(|a| a.addr.clone())
        .unwrap_or_default();

    let volume = volumes::create(
        &storage,
        &volumes::CreateOpts::new(1).name(format!("{tag}-data")),
    )
    .await
    .extract()?;
    volumes::wait_for_status(
        &storage,
        &volume.id,
        volumes::VolumeStatus::Available,
        &waits(),
    )
    .await?;
    volume_attachments::attach(
        &compute,
        &server.id,
        &volume_attachments::AttachOpts::new(&volume.id),
    )
    .await
    .ok()?;
    let attached =
        volumes::wait_for_status(&storage, &volume.id, volumes::VolumeStatus::InUse, &waits())
            .await?;

    let container = format!("{tag}-inventory");
    containers::create(&swift, &container, &Default::default())
        .await
        .ok()?;
    let inventory = serde_json::json!({
        "server": server.id, "address": address, "volume": volume.id, "subnet": subnet.cidr,
    });
    let body = Bytes::from(inventory.to_string());
    objects::create(
        &swift,
        &container,
        "inventory.json",
        body.clone(),
        &Default::default(),
    )
    .await
    .ok()?;
    let read = objects::download(&swift, &container, "inventory.json", &Default::default())
        .await?
        .bytes()
        .await?;

    // Down again, in order.
    volume_attachments::detach(&compute, &server.id, &volume.id)
        .await
        .ok()?;
    volumes::wait_for_status(
        &storage,
        &volume.id,
        volumes::VolumeStatus::Available,
        &waits(),
    )
    .await?;
    volumes::delete(&storage, &volume.id).await.ok()?;
    servers::delete(&compute, &server.id).await.ok()?;
    servers::wait_for_delete(&compute, &server.id, &waits()).await?;
    volumes::wait_for_delete(&storage, &volume.id, &waits()).await?;
    subnets::delete(&network, &subnet.id).await.ok()?;
    networks::delete(&network, &net.id).await.ok()?;
    objects::delete(&swift, &container, "inventory.json", &Default::default())
        .await
        .ok()?;
    containers::delete(&swift, &container).await.ok()?;
    let cleaned_up = networks::get(&network, &net.id).await.ok().is_err()
        && containers::get(&swift, &container).await.ok().is_err();

    Ok(Report {
        server_status: server.status,
        address,
        attached_status: attached.status.as_str().to_string(),
        inventory_read_back: read == body,
        cleaned_up,
    })
}

#[tokio::main]
async fn main() -> ferrocloud::Result<()> {
    let cloud = Cloud::from_config(None)?;
    let tag = format!("provision-{}", std::process::id());
    let report = provision(&cloud, &tag).await?;
    println!("{report:#?}");
    Ok(())
}
