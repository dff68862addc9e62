//! Networking commands: `network`, `subnet`, `port`, `router`, `floating ip`,
//! `security group` (list, show, delete, and create for networks, floating IPs and
//! security groups) and `security group rule`.

use std::io::Write;

use clap::Subcommand;
use ferrocloud::ServiceClient;
use ferrocloud::openstack::networking::v2::{
    floating_ips, networks, ports, routers, security_group_rules, security_groups, subnets,
};
use serde_json::{Value, json};

use super::{Col, ListArgs, all_json, delete_each, listing, result_json};
use crate::{CliError, CliResult, Context};

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

resource_commands!(
    NetworkCmd, network, "network", networks, "network",
    list by_name_and_project!(networks),
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

resource_commands!(
    SubnetCmd, subnet, "network", subnets, "subnet",
    list by_name_and_project!(subnets),
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

resource_commands!(
    PortCmd, port, "network", ports, "port",
    list by_name_and_project!(ports),
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

resource_commands!(
    RouterCmd, router, "network", routers, "router",
    list by_name_and_project!(routers),
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
    async fn run(_: &Context, neutron: &ServiceClient, a: NetworkCreate) -> CliResult<Value> {
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
            result_json(&networks::create(neutron, &ext).await)
        } else {
            result_json(&networks::create(neutron, &opts).await)
        }
    }
}

resource_commands!(
    FloatingIpCmd, floating_ip, "network", floating_ips, "floating IP",
    list |c, a: &ListArgs| {
        if a.name.is_some() {
            return Err(CliError::usage("floating IPs have no name: list them by --project"));
        }
        let opts = floating_ips::ListOpts { project_id: a.project.clone(), ..Default::default() };
        Ok(floating_ips::list(c, &opts))
    },
    [
        Col::Key("ID", "id"),
        Col::Key("Floating IP Address", "floating_ip_address"),
        Col::Key("Fixed IP Address", "fixed_ip_address"),
        Col::Key("Port", "port_id"),
        Col::Key("Floating Network", "floating_network_id"),
        Col::Key("Project", "project_id"),
    ],
    long [
        Col::Key("Router", "router_id"),
        Col::Key("Status", "status"),
        Col::Key("Description", "description"),
        Col::Key("Tags", "tags"),
    ],
    create FloatingIpCreate
);

/// `floating ip …`: the resource commands, and association with a port.
#[derive(Subcommand, Debug)]
pub enum FloatingCmd {
    /// Floating IPs.
    #[command(subcommand)]
    Ip(FloatingIpAction),
}

/// `floating ip <action>`.
#[derive(Subcommand, Debug)]
pub enum FloatingIpAction {
    /// Associate a floating IP (ID or address) with a port.
    Set {
        /// The floating IP (ID or address).
        floating_ip: String,
        /// The port (name or ID).
        #[arg(long)]
        port: String,
        /// The port's fixed address to map to (when it has several).
        #[arg(long)]
        fixed_ip_address: Option<String>,
    },
    /// Disassociate a floating IP from its port.
    Unset {
        /// The floating IP (ID or address).
        floating_ip: String,
        /// Required, as in openstackclient.
        #[arg(long, required = true)]
        port: bool,
    },
    #[command(flatten)]
    Resource(FloatingIpCmd),
}

/// `floating ip create` options.
#[derive(clap::Args, Debug)]
pub struct FloatingIpCreate {
    /// The external network to allocate from (name or ID).
    network: String,
    /// The subnet to allocate from (name or ID).
    #[arg(long)]
    subnet: Option<String>,
    /// The address wanted.
    #[arg(long)]
    floating_ip_address: Option<String>,
    /// Associate with this port (name or ID).
    #[arg(long)]
    port: Option<String>,
    /// Description.
    #[arg(long)]
    description: Option<String>,
}

impl FloatingIpCreate {
    async fn run(_: &Context, neutron: &ServiceClient, a: FloatingIpCreate) -> CliResult<Value> {
        let network = networks::find(neutron, &a.network).await?;
        let mut opts = floating_ips::CreateOpts::new(network.id);
        if let Some(s) = &a.subnet {
            opts = opts.subnet_id(subnets::find(neutron, s).await?.id);
        }
        if let Some(p) = &a.port {
            opts = opts.port_id(ports::find(neutron, p).await?.id);
        }
        if let Some(ip) = a.floating_ip_address {
            opts = opts.floating_ip_address(ip);
        }
        if let Some(d) = a.description {
            opts = opts.description(d);
        }
        result_json(&floating_ips::create(neutron, &opts).await)
    }
}

pub async fn floating(ctx: &Context, cmd: FloatingCmd, out: &mut dyn Write) -> CliResult<()> {
    let FloatingCmd::Ip(action) = cmd;
    match action {
        FloatingIpAction::Resource(c) => floating_ip(ctx, c, out).await,
        FloatingIpAction::Set {
            floating_ip,
            port,
            fixed_ip_address,
        } => {
            let neutron = ctx.service("network").await?;
            let fip = floating_ips::find(&neutron, &floating_ip).await?;
            let port = ports::find(&neutron, &port).await?;
            match fixed_ip_address {
                None => floating_ips::associate(&neutron, &fip.id, &port.id)
                    .await
                    .ok()?,
                Some(ip) => {
                    let opts = floating_ips::UpdateOpts::associate(port.id).fixed_ip_address(ip);
                    floating_ips::update(&neutron, &fip.id, &opts).await.ok()?
                }
            }
            Ok(())
        }
        FloatingIpAction::Unset { floating_ip, .. } => {
            let neutron = ctx.service("network").await?;
            let fip = floating_ips::find(&neutron, &floating_ip).await?;
            floating_ips::disassociate(&neutron, &fip.id).await.ok()?;
            Ok(())
        }
    }
}

resource_commands!(
    SecurityGroupResource, security_group_resource, "network", security_groups, "security group",
    list by_name_and_project!(security_groups),
    [
        Col::Key("ID", "id"),
        Col::Key("Name", "name"),
        Col::Key("Description", "description"),
        Col::Key("Project", "project_id"),
        Col::Key("Tags", "tags"),
    ],
    long [Col::Key("Stateful", "stateful"), Col::Key("Shared", "shared")],
    create SecurityGroupCreate
);

/// `security group …`
#[derive(Subcommand, Debug)]
pub enum SecurityCmd {
    /// Security groups and their rules.
    #[command(subcommand)]
    Group(SecurityGroupCmd),
}

/// `security group <action>`.
#[derive(Subcommand, Debug)]
pub enum SecurityGroupCmd {
    /// Rules of security groups.
    #[command(subcommand)]
    Rule(RuleCmd),
    #[command(flatten)]
    Resource(SecurityGroupResource),
}

/// `security group create` options.
#[derive(clap::Args, Debug)]
pub struct SecurityGroupCreate {
    /// Name.
    name: String,
    /// Description.
    #[arg(long)]
    description: Option<String>,
    /// Stateless (no connection tracking).
    #[arg(long)]
    stateless: bool,
}

impl SecurityGroupCreate {
    async fn run(_: &Context, neutron: &ServiceClient, a: SecurityGroupCreate) -> CliResult<Value> {
        let mut opts = security_groups::CreateOpts::new(a.name);
        if let Some(d) = a.description {
            opts = opts.description(d);
        }
        if a.stateless {
            opts = opts.stateful(false);
        }
        result_json(&security_groups::create(neutron, &opts).await)
    }
}

/// `security group rule …`
#[derive(Subcommand, Debug)]
pub enum RuleCmd {
    /// Rules, of one group or of all.
    List {
        /// The group (name or ID).
        group: Option<String>,
        /// More columns.
        #[arg(long)]
        long: bool,
    },
    /// One rule, by ID.
    Show {
        /// ID.
        id: String,
    },
    /// Add a rule to a group.
    Create {
        /// The group (name or ID).
        group: String,
        /// The protocol (`tcp`, `udp`, `icmp`, a number, or `any`).
        #[arg(long, default_value = "any")]
        protocol: String,
        /// The port or range (`22`, `8000:8080`).
        #[arg(long = "dst-port")]
        dst_port: Option<String>,
        /// Remote addresses (CIDR).
        #[arg(long = "remote-ip", conflicts_with = "remote_group")]
        remote_ip: Option<String>,
        /// Remote group (name or ID).
        #[arg(long = "remote-group")]
        remote_group: Option<String>,
        /// Outgoing traffic (incoming by default).
        #[arg(long)]
        egress: bool,
        /// IPv6 (IPv4 by default).
        #[arg(long)]
        ipv6: bool,
        /// Description.
        #[arg(long)]
        description: Option<String>,
    },
    /// Delete rules, by ID.
    Delete {
        /// IDs.
        #[arg(required = true)]
        ids: Vec<String>,
    },
}

/// Reads `22` or `8000:8080`.
fn port_range(text: &str) -> CliResult<(u16, u16)> {
    let bad = || CliError::usage(format!("--dst-port {text:?} is not PORT or MIN:MAX"));
    let (min, max) = text.split_once(':').unwrap_or((text, text));
    let min: u16 = min.trim().parse().map_err(|_| bad())?;
    let max: u16 = max.trim().parse().map_err(|_| bad())?;
    if min > max {
        return Err(bad());
    }
    Ok((min, max))
}

async fn rule(ctx: &Context, cmd: RuleCmd, out: &mut dyn Write) -> CliResult<()> {
    use security_group_rules::{CreateOpts, Ethertype, Protocol, RuleSpec};
    let neutron = ctx.service("network").await?;
    match cmd {
        RuleCmd::List { group, long } => {
            let mut opts = security_group_rules::ListOpts::default();
            if let Some(g) = group {
                opts.security_group_id = Some(security_groups::find(&neutron, &g).await?.id);
            }
            let items = all_json(security_group_rules::list(&neutron, &opts)).await?;
            let mut cols = vec![
                Col::Key("ID", "id"),
                Col::Key("IP Protocol", "protocol"),
                Col::Key("Ethertype", "ethertype"),
                Col::Key("IP Range", "remote_ip_prefix"),
                Col::With("Port Range", |r| {
                    match (r["port_range_min"].as_u64(), r["port_range_max"].as_u64()) {
                        (Some(a), Some(b)) => json!(format!("{a}:{b}")),
                        _ => json!(""),
                    }
                }),
                Col::Key("Direction", "direction"),
                Col::Key("Remote Security Group", "remote_group_id"),
            ];
            if long {
                cols.push(Col::Key("Security Group", "security_group_id"));
                cols.push(Col::Key("Description", "description"));
            }
            ctx.print_listing(out, &listing(&items, &cols))
        }
        RuleCmd::Show { id } => {
            let got = security_group_rules::get(&neutron, &id).await;
            ctx.print_record(out, &super::record(&result_json(&got)?))
        }
        RuleCmd::Create {
            group,
            protocol,
            dst_port,
            remote_ip,
            remote_group,
            egress,
            ipv6,
            description,
        } => {
            let group = security_groups::find(&neutron, &group).await?;
            let mut spec = if egress {
                RuleSpec::egress()
            } else {
                RuleSpec::ingress()
            };
            spec = spec.ethertype(if ipv6 {
                Ethertype::Ipv6
            } else {
                Ethertype::Ipv4
            });
            if protocol != "any" {
                let p: Protocol = match protocol.parse::<u8>() {
                    Ok(n) => Protocol::Number(n),
                    Err(_) => serde_json::from_value(json!(protocol.to_ascii_lowercase()))
                        .map_err(|_| {
                            CliError::usage(format!("--protocol {protocol:?} is not a protocol"))
                        })?,
                };
                spec = spec.protocol(p);
            }
            if let Some(p) = dst_port {
                let (min, max) = port_range(&p)?;
                spec = spec.ports(min, max);
            }
            if let Some(ip) = remote_ip {
                spec = spec.remote_ip_prefix(ip);
            }
            if let Some(g) = remote_group {
                spec = spec.remote_group_id(security_groups::find(&neutron, &g).await?.id);
            }
            if let Some(d) = description {
                spec = spec.description(d);
            }
            let got =
                security_group_rules::create(&neutron, &CreateOpts::new(group.id, spec)).await;
            ctx.print_record(out, &super::record(&result_json(&got)?))
        }
        RuleCmd::Delete { ids } => {
            let neutron = &neutron;
            delete_each("security group rule", &ids, |id| async move {
                security_group_rules::delete(neutron, &id).await.ok()?;
                Ok(())
            })
            .await
        }
    }
}

pub async fn security(ctx: &Context, cmd: SecurityCmd, out: &mut dyn Write) -> CliResult<()> {
    let SecurityCmd::Group(action) = cmd;
    match action {
        SecurityGroupCmd::Rule(r) => rule(ctx, r, out).await,
        SecurityGroupCmd::Resource(c) => security_group_resource(ctx, c, out).await,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn port_ranges_are_read_and_checked() {
        assert_eq!(super::port_range("22").unwrap(), (22, 22));
        assert_eq!(super::port_range("8000:8080").unwrap(), (8000, 8080));
        for bad in ["", "x", "90:80", "1:70000", "1:2:3"] {
            assert!(super::port_range(bad).is_err(), "{bad}");
        }
    }
}
