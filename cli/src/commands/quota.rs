//! `quota show`: a project's compute, block storage and network quotas in one record,
//! as openstackclient shows them.

use std::io::Write;

use clap::Subcommand;
use ferrocloud::openstack::blockstorage::v3::quota_sets as volume_quotas;
use ferrocloud::openstack::compute::v2::quota_sets as compute_quotas;
use ferrocloud::openstack::identity::v3::projects;
use ferrocloud::openstack::networking::v2::quotas as network_quotas;
use serde_json::{Map, Value};

use super::{record, result_json};
use crate::{CliError, CliResult, Context, ExitKind};

/// `quota …`
#[derive(Subcommand, Debug)]
pub enum QuotaCmd {
    /// A project's quotas (the current project's by default).
    Show {
        /// The project (name or ID).
        project: Option<String>,
        /// Compute quotas only.
        #[arg(long, conflicts_with_all = ["volume", "network"])]
        compute: bool,
        /// Block storage quotas only.
        #[arg(long, conflicts_with = "network")]
        volume: bool,
        /// Network quotas only.
        #[arg(long)]
        network: bool,
    },
}

/// Adds a service's quota fields to `all`; a service missing from the catalog is left
/// out when every service was asked for.
fn merge(all: &mut Map<String, Value>, part: CliResult<Value>, asked_alone: bool) -> CliResult<()> {
    match part {
        Ok(Value::Object(m)) => {
            for (k, v) in m {
                if k != "id" {
                    all.insert(k, v);
                }
            }
            Ok(())
        }
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ExitKind::Config && !asked_alone => Ok(()),
        Err(e) => Err(e),
    }
}

pub async fn quota(ctx: &Context, cmd: QuotaCmd, out: &mut dyn Write) -> CliResult<()> {
    let QuotaCmd::Show {
        project,
        compute,
        volume,
        network,
    } = cmd;
    let every = !(compute || volume || network);
    let project_id = match project {
        Some(p) => {
            let identity = ctx.service("identity").await?;
            projects::find(&identity, &p).await?.id
        }
        None => {
            let cloud = ctx.cloud().await?;
            cloud.authenticate().await?;
            cloud
                .provider()
                .auth_info()
                .and_then(|a| a.project.map(|p| p.id))
                .ok_or_else(|| CliError::usage("the token has no project: name one"))?
        }
    };
    let mut all = Map::new();
    all.insert("project".into(), Value::String(project_id.clone()));
    if every || compute {
        let part = async {
            let nova = ctx.service("compute").await?;
            result_json(&compute_quotas::get(&nova, &project_id).await)
        }
        .await;
        merge(&mut all, part, compute)?;
    }
    if every || volume {
        let part = async {
            let cinder = ctx.service("block-storage").await?;
            result_json(&volume_quotas::get(&cinder, &project_id).await)
        }
        .await;
        merge(&mut all, part, volume)?;
    }
    if every || network {
        let part = async {
            let neutron = ctx.service("network").await?;
            result_json(&network_quotas::get(&neutron, &project_id).await)
        }
        .await;
        merge(&mut all, part, network)?;
    }
    ctx.print_record(out, &record(&Value::Object(all)))
}
