//! Networking commands: `network`, `subnet`, `port`, `router` (list, show, delete;
//! `network create`).

use std::io::Write;

use clap::Subcommand;
use ferrocloud::openstack::networking::v2::{networks, ports, routers, subnets};
use serde_json::Value;

use super::{Col, all_json, listing, record, result_json};
use crate::{CliResult, Context};

/// Declares the list/show/delete command enum of a Neutron resource and the function
/// that runs it, with the listing's columns (`--long` adds the second set).
macro_rules! neutron_resource {
    ($cmd:ident, $run:ident, $module:ident, $noun:literal,
     [$($col:expr),* $(,)?], long [$($lcol:expr),* $(,)?] $(, create $create:ident)?) => {
        #[doc = concat!("`", $noun, " …`")]
        #[derive(Subcommand, Debug)]
        pub enum $cmd {
            #[doc = concat!("List ", $noun, "s.")]
            List {
                /// Only those with this name.
                #[arg(long)]
                name: Option<String>,
                /// Only those of this project (ID).
                #[arg(long)]
                project: Option<String>,
                /// More columns.
                #[arg(long)]
                long: bool,
            },
            #[doc = concat!("Show one ", $noun, ", by name or ID.")]
            Show {
                /// Name or ID.
                name_or_id: String,
            },
            #[doc = concat!("Delete ", $noun, "s.")]
            Delete {
                /// Names or IDs.
                #[arg(required = true)]
                names: Vec<String>,
            },
            $(
                #[doc = concat!("Create a ", $noun, ".")]
                Create(Box<$create>),
            )?
        }

        pub async fn $run(ctx: &Context, cmd: $cmd, out: &mut dyn Write) -> CliResult<()> {
            let neutron = ctx.service("network").await?;
            match cmd {
                $cmd::List { name, project, long } => {
                    let opts = $module::ListOpts {
                        name,
                        project_id: project,
                        ..Default::default()
                    };
                    let items = all_json($module::list(&neutron, &opts)).await?;
                    let mut cols: Vec<Col> = vec![$($col),*];
                    if long {
                        cols.extend([$($lcol),*]);
                    }
                    ctx.print_listing(out, &listing(&items, &cols))
                }
                $cmd::Show { name_or_id } => {
                    let found = $module::find(&neutron, &name_or_id).await?;
                    let got = $module::get(&neutron, &found.id).await;
                    ctx.print_record(out, &record(&result_json(&got)?))
                }
                $cmd::Delete { names } => {
                    for n in &names {
                        let found = $module::find(&neutron, n).await?;
                        $module::delete(&neutron, &found.id).await.ok()?;
                    }
                    Ok(())
                }
                $(
                    $cmd::Create(a) => {
                        let got = $create::run(&neutron, *a).await;
                        ctx.print_record(out, &record(&result_json(&got)?))
                    }
                )?
            }
        }
    };
}

fn fixed_ips(port: &Value) -> Value {
    let parts: Vec<String> = port["fixed_ips"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|ip| {
            format!(
                "ip_address='{}', subnet_id='{}'",
                ip["ip_address"].as_str().unwrap_or(""),
                ip["subnet_id"].as_str().unwrap_or("")
            )
        })
        .collect();
    Value::String(parts.join("\n"))
}

neutron_resource!(
    NetworkCmd, network, networks, "network",
    [Col::Key("ID", "id"), Col::Key("Name", "name"), Col::Key("Subnets", "subnets")],
    long [
        Col::Key("Status", "status"),
        Col::Key("Project", "project_id"),
        Col::Key("State", "admin_state_up"),
        Col::Key("Shared", "shared"),
        Col::Key("Router Type", "router:external"),
        Col::Key("Availability Zones", "availability_zones"),
        Col::Key("Tags", "tags"),
    ],
    create NetworkCreate
);

neutron_resource!(
    SubnetCmd, subnet, subnets, "subnet",
    [
        Col::Key("ID", "id"),
        Col::Key("Name", "name"),
        Col::Key("Network", "network_id"),
        Col::Key("Subnet", "cidr"),
    ],
    long [
        Col::Key("Project", "project_id"),
        Col::Key("DHCP", "enable_dhcp"),
        Col::Key("Name Servers", "dns_nameservers"),
        Col::Key("Allocation Pools", "allocation_pools"),
        Col::Key("Host Routes", "host_routes"),
        Col::Key("IP Version", "ip_version"),
        Col::Key("Gateway", "gateway_ip"),
        Col::Key("Tags", "tags"),
    ]
);

neutron_resource!(
    PortCmd, port, ports, "port",
    [
        Col::Key("ID", "id"),
        Col::Key("Name", "name"),
        Col::Key("MAC Address", "mac_address"),
        Col::With("Fixed IP Addresses", fixed_ips),
        Col::Key("Status", "status"),
    ],
    long [
        Col::Key("Security Groups", "security_groups"),
        Col::Key("Device Owner", "device_owner"),
        Col::Key("Tags", "tags"),
    ]
);

neutron_resource!(
    RouterCmd, router, routers, "router",
    [
        Col::Key("ID", "id"),
        Col::Key("Name", "name"),
        Col::Key("Status", "status"),
        Col::Key("State", "admin_state_up"),
        Col::Key("Project", "project_id"),
    ],
    long [
        Col::Key("Distributed", "distributed"),
        Col::Key("HA", "ha"),
        Col::Key("External gateway info", "external_gateway_info"),
        Col::Key("Tags", "tags"),
    ]
);

/// `network create` options.
#[derive(clap::Args, Debug)]
pub struct NetworkCreate {
    /// Name.
    name: String,
    /// Shared between projects.
    #[arg(long)]
    share: bool,
    /// Disabled (admin state down).
    #[arg(long)]
    disable: bool,
    /// External (router gateways may use it; admin).
    #[arg(long)]
    external: bool,
    /// Description.
    #[arg(long)]
    description: Option<String>,
}

impl NetworkCreate {
    async fn run(
        neutron: &ferrocloud::ServiceClient,
        a: NetworkCreate,
    ) -> ferrocloud::ApiResult<networks::Network> {
        let mut opts = networks::CreateOpts::new(a.name);
        if a.share {
            opts = opts.shared(true);
        }
        if a.disable {
            opts = opts.admin_state_up(false);
        }
        if let Some(d) = a.description {
            opts = opts.description(d);
        }
        if a.external {
            let external =
                ferrocloud::openstack::networking::v2::extensions::external::External::new(true);
            let ext = ferrocloud::request::With::new(opts, external);
            networks::create(neutron, &ext).await
        } else {
            networks::create(neutron, &opts).await
        }
    }
}
