//! Quick start: connect to a cloud from clouds.yaml, show the catalog, list and create a
//! few things.
//!
//! ```sh
//! scripts/devcloud up
//! OS_CLIENT_CONFIG_FILE=.devcloud/clouds.yaml OS_CLOUD=devcloud cargo run --example quickstart
//! ```

use ferrocloud::config::Cloud;
use ferrocloud::openstack::compute::v2::{flavors, keypairs, servers};
use ferrocloud::openstack::identity::v3::auth;
use futures::TryStreamExt;

#[tokio::main]
async fn main() -> ferrocloud::Result<()> {
    // OS_CLOUD (or the only cloud in clouds.yaml); authenticates on first use.
    let cloud = Cloud::from_config(None)?;
    cloud.authenticate().await?;
    let provider = cloud.provider();
    let info = provider.auth_info().unwrap_or_default();
    println!(
        "Connected to {} as {} (project {}), token valid until {}",
        cloud.name(),
        info.user
            .as_ref()
            .and_then(|u| u.name.as_deref())
            .unwrap_or("?"),
        info.project
            .as_ref()
            .and_then(|p| p.name.as_deref())
            .unwrap_or("-"),
        info.expires_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
    );

    println!("\nService catalog:");
    for entry in &provider.catalog().entries {
        for ep in &entry.endpoints {
            println!(
                "  {:<16} {:<10} {:<9} {:<10} {}",
                entry.service_type,
                entry.name.as_deref().unwrap_or(""),
                ep.interface.as_str(),
                ep.region.as_deref().unwrap_or(""),
                ep.url
            );
        }
    }

    let compute = cloud
        .compute()
        .await?
        .negotiate_microversion("2.100")
        .await?;
    println!(
        "\nCompute speaks microversion {}",
        compute.microversion().unwrap_or("2.1")
    );
    println!("Flavors:");
    let mut items = flavors::list(&compute, &Default::default()).items();
    while let Some(f) = items.try_next().await? {
        println!(
            "  {:<8} {:<12} {:>2} vCPU {:>6} MiB {:>4} GiB",
            f.id, f.name, f.vcpus, f.ram, f.disk
        );
    }
    let mine = servers::extract_servers(
        &servers::list(&compute, &Default::default())
            .all_pages()
            .await?,
    )?;
    println!("Servers: {}", mine.len());
    for s in &mine {
        println!(
            "  {} {} {}",
            s.id,
            s.name.as_deref().unwrap_or("-"),
            s.status
        );
    }

    // Create a key pair (Nova generates it up to microversion 2.91), and delete it again.
    let name = format!("quickstart-{}", std::process::id());
    let older = compute.with_microversion("2.91");
    let pair = keypairs::create(&older, &keypairs::CreateOpts::new(&name))
        .await
        .extract()?;
    println!("\nCreated key pair {} ({})", pair.name, pair.fingerprint);
    keypairs::delete(&compute, &name).await.ok()?;
    println!("Deleted key pair {name}");

    let identity = cloud.identity().await?;
    println!("\nProjects this user may scope to:");
    for p in auth::list_projects(&identity)
        .all_pages()
        .await?
        .extract()?
    {
        println!("  {} {}", p.id, p.name);
    }
    Ok(())
}
