//! Orchestration commands: `stack list|show|create|delete`, with `--wait` status lines.

use std::io::Write;

use clap::Subcommand;
use ferrocloud::openstack::orchestration::v1::stacks;
use serde_json::{Map, Value};

use super::{
    Col, all_json, delete_each, listing, pairs, record, result_json, wait_gone, wait_status,
};
use crate::{CliError, CliResult, Context};

/// `stack …`
#[derive(Subcommand, Debug)]
pub enum StackCmd {
    /// Stacks of the project.
    List {
        /// Only those with this name.
        #[arg(long)]
        name: Option<String>,
        /// Only those with this status (e.g. `CREATE_COMPLETE`).
        #[arg(long)]
        status: Option<String>,
        /// More columns.
        #[arg(long)]
        long: bool,
    },
    /// One stack, by name or ID.
    Show {
        /// Name or ID.
        stack: String,
    },
    /// Create a stack from a template file.
    Create {
        /// Name.
        name: String,
        /// The template (a YAML or JSON file).
        #[arg(short = 't', long)]
        template: std::path::PathBuf,
        /// An environment file (repeat for several; later ones win).
        #[arg(short = 'e', long = "environment")]
        environments: Vec<std::path::PathBuf>,
        /// A parameter, KEY=VALUE (repeat for several).
        #[arg(long = "parameter", value_name = "KEY=VALUE")]
        parameters: Vec<String>,
        /// Minutes before Heat gives up.
        #[arg(long)]
        timeout: Option<u32>,
        /// Keep what was made when the creation fails.
        #[arg(long)]
        disable_rollback: bool,
        /// A tag (repeat for several).
        #[arg(long = "tag")]
        tags: Vec<String>,
        /// Wait until CREATE_COMPLETE (a status line on stderr).
        #[arg(long)]
        wait: bool,
    },
    /// Delete stacks.
    Delete {
        /// Names or IDs.
        #[arg(required = true)]
        stacks: Vec<String>,
        /// Wait until they are gone.
        #[arg(long)]
        wait: bool,
    },
}

async fn read(path: &std::path::Path) -> CliResult<String> {
    tokio::fs::read_to_string(path)
        .await
        .map_err(|e| CliError::usage(format!("{}: {e}", path.display())))
}

pub async fn stack(ctx: &Context, cmd: StackCmd, out: &mut dyn Write) -> CliResult<()> {
    let heat = ctx.service("orchestration").await?;
    match cmd {
        StackCmd::List { name, status, long } => {
            let opts = stacks::ListOpts {
                name,
                status,
                ..Default::default()
            };
            let items = all_json(stacks::list(&heat, &opts)).await?;
            let mut cols = vec![
                Col::Key("ID", "id"),
                Col::Key("Stack Name", "stack_name"),
                Col::Key("Stack Status", "stack_status"),
                Col::Key("Creation Time", "creation_time"),
                Col::Key("Updated Time", "updated_time"),
            ];
            if long {
                cols.extend([
                    Col::Key("Project", "project"),
                    Col::Key("Stack Owner", "stack_owner"),
                    Col::Key("Parent", "parent"),
                    Col::Key("Tags", "tags"),
                ]);
            }
            ctx.print_listing(out, &listing(&items, &cols))
        }
        StackCmd::Show { stack } => {
            let (name, id) = stacks::lookup(&heat, &stack).await?;
            let got = stacks::get(&heat, &name, &id).await;
            ctx.print_record(out, &record(&result_json(&got)?))
        }
        StackCmd::Create {
            name,
            template,
            environments,
            parameters,
            timeout,
            disable_rollback,
            tags,
            wait,
        } => {
            let mut opts = stacks::CreateOpts::new(name.clone(), read(&template).await?);
            if !environments.is_empty() {
                let mut files = Vec::new();
                for e in &environments {
                    files.push(read(e).await?);
                }
                // Heat merges `environment_files` from `files`, in order.
                let names: Vec<String> = environments
                    .iter()
                    .map(|p| p.to_string_lossy().to_string())
                    .collect();
                opts.files = Some(names.iter().cloned().zip(files).collect());
                opts.environment_files = Some(names);
            }
            if !parameters.is_empty() {
                let map: Map<String, Value> = pairs(&parameters, "--parameter")?
                    .into_iter()
                    .map(|(k, v)| (k, Value::String(v)))
                    .collect();
                opts.parameters = Some(map);
            }
            opts.timeout_mins = timeout;
            opts.disable_rollback = disable_rollback.then_some(true);
            if !tags.is_empty() {
                opts.tags = Some(tags);
            }
            let created = stacks::create(&heat, &opts).await.extract()?;
            let shown = if wait {
                wait_status(
                    ctx,
                    &format!("stack {name}"),
                    "stack_status",
                    "CREATE_COMPLETE",
                    || async {
                        stacks::get(&heat, &name, &created.id)
                            .await
                            .extract_into::<Value>()
                    },
                )
                .await?
            } else {
                result_json(&stacks::get(&heat, &name, &created.id).await)?
            };
            ctx.print_record(out, &record(&shown))
        }
        StackCmd::Delete {
            stacks: names,
            wait,
        } => {
            let heat = &heat;
            delete_each("stack", &names, |n| async move {
                let (name, id) = stacks::delete_by_name_or_id(heat, &n).await?;
                if wait {
                    // A deleted stack reads as DELETE_COMPLETE for a while, then 404.
                    wait_gone(ctx, &format!("stack {name}"), || async {
                        let s = stacks::get(heat, &name, &id)
                            .await
                            .extract_into::<Value>()?;
                        match s["stack_status"].as_str() {
                            Some("DELETE_COMPLETE") => Err(ferrocloud::Error::new(
                                ferrocloud::ErrorKind::NotFound,
                                "deleted",
                            )),
                            Some("DELETE_FAILED") => Err(ferrocloud::Error::new(
                                ferrocloud::ErrorKind::ServerError,
                                format!(
                                    "DELETE_FAILED {}",
                                    s["stack_status_reason"].as_str().unwrap_or("")
                                ),
                            )),
                            _ => Ok(()),
                        }
                    })
                    .await?;
                }
                Ok(())
            })
            .await
        }
    }
}
