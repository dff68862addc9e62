//! Bare metal commands: `baremetal node list|show`.

use std::io::Write;

use clap::Subcommand;
use ferrocloud::openstack::baremetal::v1::nodes;

use super::{Col, all_json, listing, record, result_json};
use crate::{CliResult, Context};

/// `baremetal …`
#[derive(Subcommand, Debug)]
pub enum BaremetalCmd {
    /// Bare metal nodes.
    #[command(subcommand)]
    Node(NodeCmd),
}

/// `baremetal node …`
#[derive(Subcommand, Debug)]
pub enum NodeCmd {
    /// Nodes.
    List {
        /// Only those in maintenance.
        #[arg(long)]
        maintenance: bool,
        /// Only those with this provision state.
        #[arg(long)]
        provision_state: Option<String>,
        /// More columns.
        #[arg(long)]
        long: bool,
    },
    /// One node, by name or UUID.
    Show {
        /// Name or UUID.
        node: String,
    },
}

pub async fn baremetal(ctx: &Context, cmd: BaremetalCmd, out: &mut dyn Write) -> CliResult<()> {
    let ironic = ctx.service("baremetal").await?;
    let BaremetalCmd::Node(cmd) = cmd;
    match cmd {
        NodeCmd::List {
            maintenance,
            provision_state,
            long,
        } => {
            let provision_state = match provision_state {
                None => None,
                Some(s) => Some(serde_json::from_value(serde_json::json!(s)).map_err(|_| {
                    crate::CliError::usage(format!("--provision-state {s:?} is not a state"))
                })?),
            };
            let opts = nodes::ListOpts {
                maintenance: maintenance.then_some(true),
                provision_state,
                ..Default::default()
            };
            let items = all_json(nodes::list_detail(&ironic, &opts)).await?;
            let mut cols = vec![
                Col::Key("UUID", "uuid"),
                Col::Key("Name", "name"),
                Col::Key("Instance UUID", "instance_uuid"),
                Col::Key("Power State", "power_state"),
                Col::Key("Provisioning State", "provision_state"),
                Col::Key("Maintenance", "maintenance"),
            ];
            if long {
                cols.extend([
                    Col::Key("Driver", "driver"),
                    Col::Key("Resource Class", "resource_class"),
                    Col::Key("Conductor Group", "conductor_group"),
                    Col::Key("Last Error", "last_error"),
                ]);
            }
            ctx.print_listing(out, &listing(&items, &cols))
        }
        NodeCmd::Show { node } => {
            let found = nodes::find(&ironic, &node).await?;
            let got = nodes::get(&ironic, &found.uuid).await;
            ctx.print_record(out, &record(&result_json(&got)?))
        }
    }
}
