//! Block storage commands: `volume` and `volume snapshot` (also `snapshot`), and the
//! attachment of volumes to servers (`server add|remove volume`).

use std::io::Write;

use clap::Subcommand;
use ferrocloud::ServiceClient;
use ferrocloud::openstack::blockstorage::v3::{snapshots, volumes};
use ferrocloud::openstack::compute::v2::{servers, volume_attachments};
use serde_json::Value;

use super::{Col, ListArgs, pairs, result_json, wait_status};
use crate::{CliResult, Context};

/// Waits until a volume's status is `target`, with a status line.
async fn wait_volume(
    ctx: &Context,
    cinder: &ServiceClient,
    id: &str,
    target: &str,
) -> CliResult<Value> {
    wait_status(ctx, &format!("volume {id}"), "status", target, || async {
        volumes::get(cinder, id).await.extract_into::<Value>()
    })
    .await
}

resource_commands!(
    VolumeResource, volume_resource, "block-storage", volumes, "volume",
    list |c, a: &ListArgs| {
        let opts = volumes::ListOpts {
            name: a.name.clone(),
            all_tenants: a.project.is_some().then_some(true),
            project_id: a.project.clone(),
            ..Default::default()
        };
        crate::CliResult::Ok(volumes::list_detail(c, &opts))
    },
    [
        Col::Key("ID", "id"),
        Col::Key("Name", "name"),
        Col::Key("Status", "status"),
        Col::Key("Size", "size"),
        Col::With("Attached to", attached_to),
    ],
    long [
        Col::Key("Type", "volume_type"),
        Col::Key("Bootable", "bootable"),
        Col::Key("Availability Zone", "availability_zone"),
        Col::Key("Properties", "metadata"),
    ],
    create VolumeCreate
);

/// "Attached to <server> on <device>" lines, as openstackclient writes them.
fn attached_to(volume: &Value) -> Value {
    let lines: Vec<String> = volume["attachments"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| {
            format!(
                "Attached to {} on {}",
                a["server_id"].as_str().unwrap_or(""),
                a["device"].as_str().unwrap_or("")
            )
        })
        .collect();
    Value::String(lines.join("\n"))
}

/// `volume …`
#[derive(Subcommand, Debug)]
pub enum VolumeCmd {
    /// Snapshots of volumes.
    #[command(subcommand)]
    Snapshot(SnapshotCmd),
    #[command(flatten)]
    Resource(VolumeResource),
}

/// `volume create` options.
#[derive(clap::Args, Debug)]
pub struct VolumeCreate {
    /// Name.
    name: String,
    /// Size in GiB (may be left out with `--snapshot` or `--source`).
    #[arg(long)]
    size: Option<u64>,
    /// Make it from an image (name or ID).
    #[arg(long, conflicts_with_all = ["snapshot", "source"])]
    image: Option<String>,
    /// Make it from a snapshot (name or ID).
    #[arg(long, conflicts_with = "source")]
    snapshot: Option<String>,
    /// Copy another volume (name or ID).
    #[arg(long)]
    source: Option<String>,
    /// Volume type.
    #[arg(long = "type")]
    volume_type: Option<String>,
    /// Availability zone.
    #[arg(long)]
    availability_zone: Option<String>,
    /// Description.
    #[arg(long)]
    description: Option<String>,
    /// A property, KEY=VALUE (repeat for several).
    #[arg(long = "property", value_name = "KEY=VALUE")]
    properties: Vec<String>,
    /// Wait until it is available (a status line on stderr).
    #[arg(long)]
    wait: bool,
}

impl VolumeCreate {
    async fn run(ctx: &Context, cinder: &ServiceClient, a: VolumeCreate) -> CliResult<Value> {
        let size = match (a.size, &a.snapshot, &a.source) {
            (Some(s), _, _) => s,
            (None, Some(s), _) => snapshots::find(cinder, s).await?.size,
            (None, None, Some(v)) => {
                volumes::get(cinder, &volumes::find(cinder, v).await?.id)
                    .await
                    .extract()?
                    .size
            }
            (None, None, None) => {
                return Err(crate::CliError::usage(
                    "--size is needed unless the volume comes from --snapshot or --source",
                ));
            }
        };
        let mut opts = volumes::CreateOpts::new(size).name(a.name);
        if let Some(i) = &a.image {
            let glance = ctx.service("image").await?;
            let image = ferrocloud::openstack::image::v2::images::find(&glance, i).await?;
            opts = opts.image_ref(image.id);
        }
        if let Some(s) = &a.snapshot {
            opts = opts.snapshot_id(snapshots::find(cinder, s).await?.id);
        }
        if let Some(v) = &a.source {
            opts = opts.source_volid(volumes::find(cinder, v).await?.id);
        }
        if let Some(t) = a.volume_type {
            opts = opts.volume_type(t);
        }
        if let Some(z) = a.availability_zone {
            opts = opts.availability_zone(z);
        }
        if let Some(d) = a.description {
            opts = opts.description(d);
        }
        for (k, v) in pairs(&a.properties, "--property")? {
            opts = opts.metadata(k, v);
        }
        let created = volumes::create(cinder, &opts).await.extract()?;
        if a.wait {
            wait_volume(ctx, cinder, &created.id, "available").await
        } else {
            result_json(&volumes::get(cinder, &created.id).await)
        }
    }
}

resource_commands!(
    SnapshotCmd, snapshot, "block-storage", snapshots, "snapshot",
    list |c, a: &ListArgs| {
        let opts = snapshots::ListOpts {
            name: a.name.clone(),
            all_tenants: a.project.is_some().then_some(true),
            project_id: a.project.clone(),
            ..Default::default()
        };
        crate::CliResult::Ok(snapshots::list_detail(c, &opts))
    },
    [
        Col::Key("ID", "id"),
        Col::Key("Name", "name"),
        Col::Key("Description", "description"),
        Col::Key("Status", "status"),
        Col::Key("Size", "size"),
    ],
    long [
        Col::Key("Created At", "created_at"),
        Col::Key("Volume", "volume_id"),
        Col::Key("Properties", "metadata"),
    ],
    create SnapshotCreate
);

/// `volume snapshot create` options.
#[derive(clap::Args, Debug)]
pub struct SnapshotCreate {
    /// Name.
    name: String,
    /// The volume (name or ID).
    #[arg(long)]
    volume: String,
    /// Snapshot a volume that is in use.
    #[arg(long)]
    force: bool,
    /// Description.
    #[arg(long)]
    description: Option<String>,
    /// Wait until it is available (a status line on stderr).
    #[arg(long)]
    wait: bool,
}

impl SnapshotCreate {
    async fn run(ctx: &Context, cinder: &ServiceClient, a: SnapshotCreate) -> CliResult<Value> {
        let volume = volumes::find(cinder, &a.volume).await?;
        let mut opts = snapshots::CreateOpts::new(volume.id).name(a.name);
        if a.force {
            opts = opts.force(true);
        }
        if let Some(d) = a.description {
            opts = opts.description(d);
        }
        let created = snapshots::create(cinder, &opts).await.extract()?;
        if a.wait {
            let id = created.id.clone();
            wait_status(
                ctx,
                &format!("snapshot {id}"),
                "status",
                "available",
                || async { snapshots::get(cinder, &id).await.extract_into::<Value>() },
            )
            .await
        } else {
            result_json(&snapshots::get(cinder, &created.id).await)
        }
    }
}

pub async fn volume(ctx: &Context, cmd: VolumeCmd, out: &mut dyn Write) -> CliResult<()> {
    match cmd {
        VolumeCmd::Snapshot(c) => snapshot(ctx, c, out).await,
        VolumeCmd::Resource(c) => volume_resource(ctx, c, out).await,
    }
}

/// `server add volume` / `server remove volume`: attaches or detaches, and with `wait`
/// follows the volume until it is `in-use` or `available`.
pub(crate) async fn attach(
    ctx: &Context,
    server: &str,
    volume: &str,
    device: Option<String>,
    detach: bool,
    wait: bool,
    out: &mut dyn Write,
) -> CliResult<()> {
    let compute = ctx.service("compute").await?;
    let cinder = ctx.service("block-storage").await?;
    let server = servers::find(&compute, server).await?;
    let volume = volumes::find(&cinder, volume).await?;
    if detach {
        volume_attachments::detach(&compute, &server.id, &volume.id)
            .await
            .ok()?;
        if wait {
            wait_volume(ctx, &cinder, &volume.id, "available").await?;
        }
        return Ok(());
    }
    let mut opts = volume_attachments::AttachOpts::new(volume.id.clone());
    if let Some(d) = device {
        opts = opts.device(d);
    }
    let got = volume_attachments::attach(&compute, &server.id, &opts).await;
    let attachment = result_json(&got)?;
    if wait {
        wait_volume(ctx, &cinder, &volume.id, "in-use").await?;
    }
    ctx.print_record(out, &super::record(&attachment))
}
