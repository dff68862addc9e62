//! DNS commands: `zone list|show|create|delete` and `recordset list|show|create|delete`.

use std::io::Write;

use clap::Subcommand;
use ferrocloud::ServiceClient;
use ferrocloud::openstack::dns::v2::{common::RequestHeaders, recordsets, zones};
use serde_json::Value;

use super::{Col, ListArgs, all_json, delete_each, listing, record, result_json, wait_status};
use crate::{CliError, CliResult, Context};

resource_commands!(
    ZoneCmd, zone, "dns", zones, "zone",
    list |c: &ServiceClient, a: &ListArgs| -> CliResult<ferrocloud::Pager<zones::Zone>> {
        let opts = zones::ListOpts { name: a.name.clone(), ..Default::default() };
        match &a.project {
            None => Ok(zones::list(c, &opts)),
            Some(p) => Ok(zones::list(&RequestHeaders::default().sudo_project_id(p.clone()).apply(c)?, &opts)),
        }
    },
    [
        Col::Key("ID", "id"),
        Col::Key("Name", "name"),
        Col::Key("Type", "type"),
        Col::Key("Serial", "serial"),
        Col::Key("Status", "status"),
        Col::Key("Action", "action"),
    ],
    long [
        Col::Key("Email", "email"),
        Col::Key("TTL", "ttl"),
        Col::Key("Project", "project_id"),
        Col::Key("Description", "description"),
    ],
    create ZoneCreate
);

/// `zone create` options.
#[derive(clap::Args, Debug)]
pub struct ZoneCreate {
    /// The zone's name, ending with a dot (`example.org.`).
    name: String,
    /// The administrator's address (primary zones).
    #[arg(long)]
    email: String,
    /// The default TTL of its records.
    #[arg(long)]
    ttl: Option<u32>,
    /// Description.
    #[arg(long)]
    description: Option<String>,
    /// Wait until it is ACTIVE (a status line on stderr).
    #[arg(long)]
    wait: bool,
}

impl ZoneCreate {
    async fn run(ctx: &Context, dns: &ServiceClient, a: ZoneCreate) -> CliResult<Value> {
        let mut opts = zones::CreateOpts::primary(a.name, a.email);
        if let Some(t) = a.ttl {
            opts = opts.ttl(t);
        }
        if let Some(d) = a.description {
            opts = opts.description(d);
        }
        let created = zones::create(dns, &opts).await.extract()?;
        if a.wait {
            let id = created.id.clone();
            wait_status(ctx, &format!("zone {id}"), "status", "ACTIVE", || async {
                zones::get(dns, &id).await.extract_into::<Value>()
            })
            .await
        } else {
            result_json(&zones::get(dns, &created.id).await)
        }
    }
}

/// `recordset …`
#[derive(Subcommand, Debug)]
pub enum RecordsetCmd {
    /// Recordsets of a zone.
    List {
        /// The zone (name or ID).
        zone: String,
        /// Only those with this name.
        #[arg(long)]
        name: Option<String>,
        /// Only those of this type (`A`, `MX`…).
        #[arg(long = "type")]
        record_type: Option<String>,
    },
    /// One recordset, by name or ID.
    Show {
        /// The zone (name or ID).
        zone: String,
        /// The recordset (name or ID).
        recordset: String,
    },
    /// Create a recordset.
    Create {
        /// The zone (name or ID).
        zone: String,
        /// The name (relative names get the zone's name appended).
        name: String,
        /// The type (`A`, `AAAA`, `CNAME`, `MX`, `TXT`…).
        #[arg(long = "type")]
        record_type: String,
        /// A record (repeat for several).
        #[arg(long = "record", required = true)]
        records: Vec<String>,
        /// TTL.
        #[arg(long)]
        ttl: Option<u32>,
        /// Description.
        #[arg(long)]
        description: Option<String>,
    },
    /// Delete recordsets.
    Delete {
        /// The zone (name or ID).
        zone: String,
        /// The recordsets (names or IDs).
        #[arg(required = true)]
        recordsets: Vec<String>,
    },
}

/// A recordset's ID, from its name (full, or relative to the zone) or ID.
async fn find_recordset(
    dns: &ServiceClient,
    zone: &zones::Zone,
    name_or_id: &str,
) -> CliResult<String> {
    let full = full_name(&zone.name, name_or_id);
    let opts = recordsets::ListOpts {
        name: Some(full.clone()),
        ..Default::default()
    };
    let found = all_json(recordsets::list(dns, &zone.id, &opts)).await?;
    match found.as_slice() {
        [one] => Ok(one["id"].as_str().unwrap_or_default().to_string()),
        [] => Ok(name_or_id.to_string()),
        _ => Err(CliError::new(
            crate::ExitKind::Conflict,
            format!("more than one recordset is named {full}: give its ID"),
        )),
    }
}

/// `www` in `example.org.` is `www.example.org.`; a name ending with a dot stays.
fn full_name(zone: &str, name: &str) -> String {
    if name.ends_with('.') {
        name.to_string()
    } else {
        format!("{name}.{zone}")
    }
}

pub async fn recordset(ctx: &Context, cmd: RecordsetCmd, out: &mut dyn Write) -> CliResult<()> {
    let dns = ctx.service("dns").await?;
    match cmd {
        RecordsetCmd::List {
            zone,
            name,
            record_type,
        } => {
            let zone = zones::find(&dns, &zone).await?;
            let opts = recordsets::ListOpts {
                name: name.map(|n| full_name(&zone.name, &n)),
                record_type,
                ..Default::default()
            };
            let items = all_json(recordsets::list(&dns, &zone.id, &opts)).await?;
            let cols = [
                Col::Key("ID", "id"),
                Col::Key("Name", "name"),
                Col::Key("Type", "type"),
                Col::Key("Records", "records"),
                Col::Key("Status", "status"),
                Col::Key("Action", "action"),
            ];
            ctx.print_listing(out, &listing(&items, &cols))
        }
        RecordsetCmd::Show { zone, recordset } => {
            let zone = zones::find(&dns, &zone).await?;
            let id = find_recordset(&dns, &zone, &recordset).await?;
            let got = recordsets::get(&dns, &zone.id, &id).await;
            ctx.print_record(out, &record(&result_json(&got)?))
        }
        RecordsetCmd::Create {
            zone,
            name,
            record_type,
            records,
            ttl,
            description,
        } => {
            let zone = zones::find(&dns, &zone).await?;
            let mut opts =
                recordsets::CreateOpts::new(full_name(&zone.name, &name), record_type, records);
            if let Some(t) = ttl {
                opts = opts.ttl(t);
            }
            if let Some(d) = description {
                opts = opts.description(d);
            }
            let got = recordsets::create(&dns, &zone.id, &opts).await;
            ctx.print_record(out, &record(&result_json(&got)?))
        }
        RecordsetCmd::Delete {
            zone,
            recordsets: names,
        } => {
            let zone = zones::find(&dns, &zone).await?;
            let (dns, zone) = (&dns, &zone);
            delete_each("recordset", &names, |n| async move {
                let id = find_recordset(dns, zone, &n).await?;
                recordsets::delete(dns, &zone.id, &id).await.ok()?;
                Ok(())
            })
            .await
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn relative_names_get_the_zone() {
        assert_eq!(super::full_name("example.org.", "www"), "www.example.org.");
        assert_eq!(
            super::full_name("example.org.", "mail.example.org."),
            "mail.example.org."
        );
    }
}
