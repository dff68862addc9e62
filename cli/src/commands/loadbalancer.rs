//! Load balancer commands: `loadbalancer list|show|create|delete [--cascade]`, with
//! `--wait` status lines for provisioning.

use ferrocloud::ServiceClient;
use ferrocloud::openstack::loadbalancer::v2::loadbalancers;
use serde_json::Value;

use super::{Col, result_json, wait_status};
use crate::{CliError, CliResult, Context};

resource_commands!(
    LoadbalancerCmd, loadbalancer, "load-balancer", loadbalancers, "load balancer",
    list by_name_and_project!(loadbalancers),
    [
        Col::Key("ID", "id"),
        Col::Key("Name", "name"),
        Col::Key("Project ID", "project_id"),
        Col::Key("VIP Address", "vip_address"),
        Col::Key("Provisioning Status", "provisioning_status"),
        Col::Key("Operating Status", "operating_status"),
        Col::Key("Provider", "provider"),
    ],
    long [
        Col::Key("VIP Network", "vip_network_id"),
        Col::Key("VIP Subnet", "vip_subnet_id"),
        Col::Key("Flavor", "flavor_id"),
        Col::Key("Availability Zone", "availability_zone"),
        Col::Key("Tags", "tags"),
    ],
    create LoadbalancerCreate,
    delete --cascade "Delete its listeners, pools, members and monitors with it."
        => async |c: &ServiceClient, id: &str, cascade: bool| {
            loadbalancers::delete_with(c, id, &loadbalancers::DeleteOpts { cascade }).await
        }
);

/// `loadbalancer create` options.
#[derive(clap::Args, Debug)]
pub struct LoadbalancerCreate {
    /// Name.
    #[arg(long)]
    name: Option<String>,
    /// The subnet of the virtual IP (name or ID).
    #[arg(long, required_unless_present = "vip_network_id")]
    vip_subnet_id: Option<String>,
    /// The network of the virtual IP (name or ID).
    #[arg(long, conflicts_with = "vip_subnet_id")]
    vip_network_id: Option<String>,
    /// A tag (repeat for several).
    #[arg(long = "tag")]
    tags: Vec<String>,
    /// Wait until its provisioning status is ACTIVE (a status line on stderr).
    #[arg(long)]
    wait: bool,
}

impl LoadbalancerCreate {
    async fn run(
        ctx: &Context,
        octavia: &ServiceClient,
        a: LoadbalancerCreate,
    ) -> CliResult<Value> {
        use ferrocloud::openstack::networking::v2::{networks, subnets};
        let neutron = ctx.service("network").await?;
        let mut opts = match (&a.vip_subnet_id, &a.vip_network_id) {
            (Some(s), _) => {
                loadbalancers::CreateOpts::on_subnet(subnets::find(&neutron, s).await?.id)
            }
            (None, Some(n)) => {
                loadbalancers::CreateOpts::on_network(networks::find(&neutron, n).await?.id)
            }
            (None, None) => return Err(CliError::usage("--vip-subnet-id or --vip-network-id")),
        };
        if let Some(n) = a.name {
            opts = opts.name(n);
        }
        for t in a.tags {
            opts = opts.tag(t);
        }
        let created = loadbalancers::create(octavia, &opts).await.extract()?;
        if a.wait {
            let id = created.id.clone();
            wait_status(
                ctx,
                &format!("load balancer {id}"),
                "provisioning_status",
                "ACTIVE",
                || async {
                    loadbalancers::get(octavia, &id)
                        .await
                        .extract_into::<Value>()
                },
            )
            .await
        } else {
            result_json(&loadbalancers::get(octavia, &created.id).await)
        }
    }
}
