//! Compute commands: `server`, `flavor`, `keypair`, `limits`.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Duration;

use clap::{Args, Subcommand};
use ferrocloud::ServiceClient;
use ferrocloud::openstack::compute::v2::{flavors, keypairs, limits, server_actions, servers};
use ferrocloud::wait::WaitOpts;
use serde_json::{Value, json};

use super::{Col, all_json, listing, pairs, record, result_json};
use crate::{CliError, CliResult, Context};

/// `server …`
#[derive(Subcommand, Debug)]
pub enum ServerCmd {
    /// Servers of the project (`--all-projects` for every project, admin).
    List(ServerList),
    /// One server, by name or ID.
    Show {
        /// Name or ID.
        server: String,
    },
    /// Create a server.
    Create(Box<ServerCreate>),
    /// Delete servers.
    Delete {
        /// Names or IDs.
        #[arg(required = true)]
        servers: Vec<String>,
        /// Wait until they are gone.
        #[arg(long)]
        wait: bool,
    },
    /// Reboot a server (soft unless `--hard`).
    Reboot {
        /// Name or ID.
        server: String,
        /// Power-cycle instead of asking the guest.
        #[arg(long)]
        hard: bool,
        /// Wait until it is ACTIVE again.
        #[arg(long)]
        wait: bool,
    },
    /// Start stopped servers.
    Start {
        /// Names or IDs.
        #[arg(required = true)]
        servers: Vec<String>,
    },
    /// Stop servers.
    Stop {
        /// Names or IDs.
        #[arg(required = true)]
        servers: Vec<String>,
    },
    /// Resize a server to another flavor, or confirm or revert a resize.
    Resize {
        /// Name or ID.
        server: String,
        /// The new flavor (name or ID).
        #[arg(long, required_unless_present_any = ["confirm", "revert"])]
        flavor: Option<String>,
        /// Confirm a finished resize.
        #[arg(long, conflicts_with_all = ["flavor", "revert"])]
        confirm: bool,
        /// Revert a finished resize.
        #[arg(long, conflicts_with_all = ["flavor", "confirm"])]
        revert: bool,
        /// Wait for the resize to finish (VERIFY_RESIZE) or the confirmation (ACTIVE).
        #[arg(long)]
        wait: bool,
    },
    /// Attach something to a server: `server add volume SERVER VOLUME`.
    #[command(subcommand)]
    Add(ServerAttach),
    /// Detach something from a server: `server remove volume SERVER VOLUME`.
    #[command(subcommand)]
    Remove(ServerAttach),
}

/// What `server add` and `server remove` attach or detach.
#[derive(Subcommand, Debug)]
pub enum ServerAttach {
    /// A volume.
    Volume {
        /// The server (name or ID).
        server: String,
        /// The volume (name or ID).
        volume: String,
        /// The device name the guest should see (`server add` only; a hint).
        #[arg(long)]
        device: Option<String>,
        /// Wait until the volume is `in-use` (added) or `available` (removed).
        #[arg(long)]
        wait: bool,
    },
}

/// `server list` options.
#[derive(Args, Debug)]
pub struct ServerList {
    /// Only servers whose name matches this regular expression.
    #[arg(long)]
    name: Option<String>,
    /// Only servers with this status.
    #[arg(long)]
    status: Option<String>,
    /// Servers of every project (admin).
    #[arg(long)]
    all_projects: bool,
    /// At most this many servers.
    #[arg(long)]
    limit: Option<u32>,
    /// More columns.
    #[arg(long)]
    long: bool,
}

/// `server create` options.
#[derive(Args, Debug)]
pub struct ServerCreate {
    /// The server's name.
    name: String,
    /// Flavor (name or ID).
    #[arg(long)]
    flavor: String,
    /// Image (name or ID).
    #[arg(long)]
    image: Option<String>,
    /// A network to attach (name or ID; repeat for several). `auto` or `none` alone
    /// let Nova choose or attach none.
    #[arg(long = "network")]
    networks: Vec<String>,
    /// Key pair to inject.
    #[arg(long)]
    key_name: Option<String>,
    /// Security group (repeat for several).
    #[arg(long = "security-group")]
    security_groups: Vec<String>,
    /// Metadata KEY=VALUE (repeat for several).
    #[arg(long = "property")]
    properties: Vec<String>,
    /// A file of user data for cloud-init.
    #[arg(long)]
    user_data: Option<std::path::PathBuf>,
    /// Availability zone.
    #[arg(long)]
    availability_zone: Option<String>,
    /// Wait until the server is ACTIVE.
    #[arg(long)]
    wait: bool,
}

/// `flavor …`
#[derive(Subcommand, Debug)]
pub enum FlavorCmd {
    /// Flavors.
    List {
        /// Private flavors too (admin).
        #[arg(long)]
        all: bool,
        /// More columns.
        #[arg(long)]
        long: bool,
    },
    /// One flavor, by name or ID.
    Show {
        /// Name or ID.
        flavor: String,
    },
}

/// `keypair …`
#[derive(Subcommand, Debug)]
pub enum KeypairCmd {
    /// Key pairs of the user.
    List,
    /// One key pair.
    Show {
        /// Name.
        name: String,
    },
    /// Create a key pair from a public key file (or have Nova generate one, printed once).
    Create {
        /// Name.
        name: String,
        /// The public key file (OpenSSH format).
        #[arg(long)]
        public_key: Option<std::path::PathBuf>,
    },
    /// Delete key pairs.
    Delete {
        /// Names.
        #[arg(required = true)]
        names: Vec<String>,
    },
}

/// `limits …`
#[derive(Subcommand, Debug)]
pub enum LimitsCmd {
    /// The project's absolute compute limits and their use.
    Show {
        /// The absolute limits (the only kind Nova still reports).
        #[arg(long, default_value_t = true)]
        absolute: bool,
    },
}

fn networks_text(server: &Value) -> Value {
    let Some(addresses) = server["addresses"].as_object() else {
        return json!("");
    };
    let parts: Vec<String> = addresses
        .iter()
        .map(|(net, ips)| {
            let ips: Vec<&str> = ips
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|ip| ip["addr"].as_str())
                .collect();
            format!("{net}={}", ips.join(", "))
        })
        .collect();
    json!(parts.join("; "))
}

fn image_text(server: &Value) -> Value {
    match &server["image"] {
        Value::Object(m) => m.get("id").cloned().unwrap_or(Value::Null),
        // A server booted from a volume has "" as image.
        _ => json!("N/A (booted from volume)"),
    }
}

fn flavor_text(server: &Value) -> Value {
    let f = &server["flavor"];
    f.get("original_name")
        .or_else(|| f.get("id"))
        .cloned()
        .unwrap_or(Value::Null)
}

fn status_line(ctx: &Context, label: &str) -> crate::progress::StatusLine {
    crate::progress::StatusLine::new(label, ctx.progress_enabled())
}

async fn wait_status(
    ctx: &Context,
    compute: &ServiceClient,
    id: &str,
    status: &str,
) -> CliResult<servers::Server> {
    let line = status_line(ctx, &format!("server {id}"));
    let started = std::time::Instant::now();
    let result = servers::wait_for_status_with(
        compute,
        id,
        status,
        &WaitOpts::new(Duration::from_secs(3600))
            .interval(Duration::from_secs(1), Duration::from_secs(5)),
        |s| {
            let progress = s.progress.map(|p| format!(" {p}%")).unwrap_or_default();
            line.set(&format!(
                "{}{progress} {} s",
                s.status,
                started.elapsed().as_secs()
            ));
        },
    )
    .await;
    match &result {
        Ok(s) => line.finish(&s.status),
        Err(_) => line.finish("failed"),
    }
    Ok(result?)
}

pub async fn server(ctx: &Context, cmd: ServerCmd, out: &mut dyn Write) -> CliResult<()> {
    let compute = ctx.service("compute").await?;
    match cmd {
        ServerCmd::List(a) => {
            let opts = servers::ListOpts {
                name: a.name,
                status: a.status,
                all_tenants: a.all_projects.then_some(true),
                limit: a.limit,
                ..Default::default()
            };
            let mut pager = servers::list(&compute, &opts);
            if a.limit.is_some() {
                pager = pager.max_pages(1);
            }
            let items = all_json(pager).await?;
            let mut cols = vec![
                Col::Key("ID", "id"),
                Col::Key("Name", "name"),
                Col::Key("Status", "status"),
                Col::With("Networks", networks_text),
                Col::With("Image", image_text),
                Col::With("Flavor", flavor_text),
            ];
            if a.long {
                cols.extend([
                    Col::Key("Power State", "OS-EXT-STS:power_state"),
                    Col::Key("Task State", "OS-EXT-STS:task_state"),
                    Col::Key("Availability Zone", "OS-EXT-AZ:availability_zone"),
                    Col::Key("Host", "OS-EXT-SRV-ATTR:host"),
                    Col::Key("Properties", "metadata"),
                ]);
            }
            ctx.print_listing(out, &listing(&items, &cols))
        }
        ServerCmd::Show { server } => {
            let found = servers::find(&compute, &server).await?;
            let got = servers::get(&compute, &found.id).await;
            ctx.print_record(out, &record(&result_json(&got)?))
        }
        ServerCmd::Create(a) => server_create(ctx, &compute, *a, out).await,
        ServerCmd::Add(ServerAttach::Volume {
            server,
            volume,
            device,
            wait,
        }) => super::volume::attach(ctx, &server, &volume, device, false, wait, out).await,
        ServerCmd::Remove(ServerAttach::Volume {
            server,
            volume,
            device,
            wait,
        }) => {
            if device.is_some() {
                return Err(CliError::usage("--device is for `server add volume`"));
            }
            super::volume::attach(ctx, &server, &volume, None, true, wait, out).await
        }
        ServerCmd::Delete {
            servers: names,
            wait,
        } => {
            let compute = &compute;
            super::delete_each("server", &names, |name| async move {
                let found = servers::find(compute, &name).await?;
                servers::delete(compute, &found.id).await.ok()?;
                if wait {
                    super::wait_gone(ctx, &format!("server {}", found.id), || async {
                        servers::get(compute, &found.id).await.ok()
                    })
                    .await?;
                }
                Ok(())
            })
            .await
        }
        ServerCmd::Reboot { server, hard, wait } => {
            let found = servers::find(&compute, &server).await?;
            let how = if hard {
                server_actions::RebootType::Hard
            } else {
                server_actions::RebootType::Soft
            };
            server_actions::reboot(&compute, &found.id, how)
                .await
                .ok()?;
            if wait {
                // The reboot shows as a task state first; wait until it is ACTIVE again.
                tokio::time::sleep(Duration::from_secs(1)).await;
                wait_status(ctx, &compute, &found.id, "ACTIVE").await?;
            }
            Ok(())
        }
        ServerCmd::Start { servers: names } => {
            for name in &names {
                let found = servers::find(&compute, name).await?;
                server_actions::start(&compute, &found.id).await.ok()?;
            }
            Ok(())
        }
        ServerCmd::Stop { servers: names } => {
            for name in &names {
                let found = servers::find(&compute, name).await?;
                server_actions::stop(&compute, &found.id).await.ok()?;
            }
            Ok(())
        }
        ServerCmd::Resize {
            server,
            flavor,
            confirm,
            revert,
            wait,
        } => {
            let found = servers::find(&compute, &server).await?;
            let target = if confirm {
                server_actions::confirm_resize(&compute, &found.id)
                    .await
                    .ok()?;
                "ACTIVE"
            } else if revert {
                server_actions::revert_resize(&compute, &found.id)
                    .await
                    .ok()?;
                "ACTIVE"
            } else {
                let name = flavor.ok_or_else(|| CliError::usage("--flavor is required"))?;
                let f = flavors::find(&compute, &name).await?;
                let opts = server_actions::ResizeOpts {
                    flavor_ref: f.id,
                    ..Default::default()
                };
                server_actions::resize(&compute, &found.id, &opts)
                    .await
                    .ok()?;
                "VERIFY_RESIZE"
            };
            if wait {
                wait_status(ctx, &compute, &found.id, target).await?;
            }
            Ok(())
        }
    }
}

async fn server_create(
    ctx: &Context,
    compute: &ServiceClient,
    a: ServerCreate,
    out: &mut dyn Write,
) -> CliResult<()> {
    let flavor = flavors::find(compute, &a.flavor).await?;
    let mut opts = servers::CreateOpts::new(&a.name, &flavor.id);
    if let Some(image) = &a.image {
        let glance = ctx.service("image").await?;
        let found = ferrocloud::openstack::image::v2::images::find(&glance, image).await?;
        opts = opts.image_ref(found.id);
    }
    opts.networks = match a.networks.as_slice() {
        [] => None,
        [one] if one == "auto" => Some(servers::Networks::Auto),
        [one] if one == "none" => Some(servers::Networks::None),
        names => {
            let neutron = ctx.service("network").await?;
            let mut list = Vec::new();
            for n in names {
                let net =
                    ferrocloud::openstack::networking::v2::networks::find(&neutron, n).await?;
                list.push(servers::Network {
                    uuid: Some(net.id),
                    ..Default::default()
                });
            }
            Some(servers::Networks::List(list))
        }
    };
    opts.key_name = a.key_name;
    if !a.security_groups.is_empty() {
        opts.security_groups = Some(
            a.security_groups
                .into_iter()
                .map(|name| servers::SecurityGroupName { name })
                .collect(),
        );
    }
    if !a.properties.is_empty() {
        opts.metadata = Some(
            pairs(&a.properties, "--property")?
                .into_iter()
                .collect::<BTreeMap<_, _>>(),
        );
    }
    if let Some(path) = &a.user_data {
        let bytes = tokio::fs::read(path)
            .await
            .map_err(|e| CliError::usage(format!("{}: {e}", path.display())))?;
        opts.user_data = Some(servers::base64_encode(&bytes));
    }
    opts.availability_zone = a.availability_zone;
    let created = servers::create(compute, &opts).await.extract()?;
    if a.wait {
        wait_status(ctx, compute, &created.id, "ACTIVE").await?;
    }
    let shown = result_json(&servers::get(compute, &created.id).await)?;
    ctx.print_record(out, &record(&shown))
}

pub async fn flavor(ctx: &Context, cmd: FlavorCmd, out: &mut dyn Write) -> CliResult<()> {
    let compute = ctx.service("compute").await?;
    match cmd {
        FlavorCmd::List { all, long } => {
            let opts = flavors::ListOpts {
                access_type: all.then_some(flavors::AccessType::None),
                ..Default::default()
            };
            let items = all_json(flavors::list(&compute, &opts)).await?;
            let mut cols = vec![
                Col::Key("ID", "id"),
                Col::Key("Name", "name"),
                Col::Key("RAM", "ram"),
                Col::Key("Disk", "disk"),
                Col::Key("Ephemeral", "OS-FLV-EXT-DATA:ephemeral"),
                Col::Key("VCPUs", "vcpus"),
                Col::Key("Is Public", "os-flavor-access:is_public"),
            ];
            if long {
                cols.extend([
                    Col::Key("Swap", "swap"),
                    Col::Key("RXTX Factor", "rxtx_factor"),
                    Col::Key("Properties", "extra_specs"),
                ]);
            }
            ctx.print_listing(out, &listing(&items, &cols))
        }
        FlavorCmd::Show { flavor } => {
            let found = flavors::find(&compute, &flavor).await?;
            let got = flavors::get(&compute, &found.id).await;
            ctx.print_record(out, &record(&result_json(&got)?))
        }
    }
}

pub async fn keypair(ctx: &Context, cmd: KeypairCmd, out: &mut dyn Write) -> CliResult<()> {
    let compute = ctx.service("compute").await?;
    match cmd {
        KeypairCmd::List => {
            let items: Vec<Value> = all_json(keypairs::list(&compute, &Default::default()))
                .await?
                .into_iter()
                .map(|entry| entry["keypair"].clone())
                .collect();
            let cols = [
                Col::Key("Name", "name"),
                Col::Key("Fingerprint", "fingerprint"),
                Col::Key("Type", "type"),
            ];
            ctx.print_listing(out, &listing(&items, &cols))
        }
        KeypairCmd::Show { name } => {
            let got = keypairs::get(&compute, &name).await;
            ctx.print_record(out, &record(&result_json(&got)?))
        }
        KeypairCmd::Create { name, public_key } => {
            let mut opts = keypairs::CreateOpts::new(&name);
            if let Some(path) = &public_key {
                let text = tokio::fs::read_to_string(path)
                    .await
                    .map_err(|e| CliError::usage(format!("{}: {e}", path.display())))?;
                opts.public_key = Some(text.trim().to_string());
            }
            let got = keypairs::create(&compute, &opts).await;
            let mut shown = result_json(&got)?;
            if public_key.is_some() {
                // The public key the user gave; nothing new to show.
                if let Some(m) = shown.as_object_mut() {
                    m.remove("public_key");
                }
                ctx.print_record(out, &record(&shown))
            } else {
                // Nova generated the key pair: the private key is shown this once.
                let private = shown["private_key"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                out.write_all(private.as_bytes())?;
                Ok(())
            }
        }
        KeypairCmd::Delete { names } => {
            for name in &names {
                keypairs::delete(&compute, name).await.ok()?;
            }
            Ok(())
        }
    }
}

pub async fn limits(ctx: &Context, cmd: LimitsCmd, out: &mut dyn Write) -> CliResult<()> {
    let LimitsCmd::Show { .. } = cmd;
    let compute = ctx.service("compute").await?;
    let got = limits::get(&compute, &Default::default()).await;
    let v = result_json(&got)?;
    let absolute = v["absolute"].as_object().cloned().unwrap_or_default();
    let items: Vec<Value> = absolute
        .into_iter()
        .map(|(k, v)| json!({"name": k, "value": v}))
        .collect();
    let cols = [Col::Key("Name", "name"), Col::Key("Value", "value")];
    ctx.print_listing(out, &listing(&items, &cols))
}
