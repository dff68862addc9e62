//! Shared file system commands: `share list|show|create|delete`.

use ferrocloud::ServiceClient;
use ferrocloud::openstack::sharedfilesystems::v2::shares;
use serde_json::Value;

use super::{Col, ListArgs, pairs, result_json, wait_status};
use crate::{CliResult, Context};

resource_commands!(
    ShareCmd, share, "shared-file-system", shares, "share",
    list |c, a: &ListArgs| {
        let opts = shares::ListOpts {
            name: a.name.clone(),
            all_tenants: a.project.is_some().then_some(true),
            project_id: a.project.clone(),
            ..Default::default()
        };
        crate::CliResult::Ok(shares::list_detail(c, &opts))
    },
    [
        Col::Key("ID", "id"),
        Col::Key("Name", "name"),
        Col::Key("Size", "size"),
        Col::Key("Share Proto", "share_proto"),
        Col::Key("Status", "status"),
        Col::Key("Is Public", "is_public"),
        Col::Key("Share Type Name", "share_type_name"),
        Col::Key("Host", "host"),
        Col::Key("Availability Zone", "availability_zone"),
    ],
    long [
        Col::Key("Project ID", "project_id"),
        Col::Key("Share Network ID", "share_network_id"),
        Col::Key("Properties", "metadata"),
    ],
    create ShareCreate
);

/// `share create` options.
#[derive(clap::Args, Debug)]
pub struct ShareCreate {
    /// The protocol (`NFS`, `CIFS`, `CEPHFS`…).
    protocol: String,
    /// Size in GiB.
    size: u64,
    /// Name.
    #[arg(long)]
    name: Option<String>,
    /// Share type.
    #[arg(long)]
    share_type: Option<String>,
    /// A property, KEY=VALUE (repeat for several).
    #[arg(long = "property", value_name = "KEY=VALUE")]
    properties: Vec<String>,
    /// Wait until it is available (a status line on stderr).
    #[arg(long)]
    wait: bool,
}

impl ShareCreate {
    async fn run(ctx: &Context, manila: &ServiceClient, a: ShareCreate) -> CliResult<Value> {
        let mut opts = shares::CreateOpts::new(a.protocol, a.size);
        if let Some(n) = a.name {
            opts = opts.name(n);
        }
        if let Some(t) = a.share_type {
            opts = opts.share_type(t);
        }
        for (k, v) in pairs(&a.properties, "--property")? {
            opts = opts.metadata(k, v);
        }
        let created = shares::create(manila, &opts).await.extract()?;
        if a.wait {
            let id = created.id.clone();
            wait_status(
                ctx,
                &format!("share {id}"),
                "status",
                "available",
                || async { shares::get(manila, &id).await.extract_into::<Value>() },
            )
            .await
        } else {
            result_json(&shares::get(manila, &created.id).await)
        }
    }
}
