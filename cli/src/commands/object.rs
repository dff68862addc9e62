//! Object storage commands: `container list|show|create|delete` and
//! `object list|show|create|save|delete`, with progress bars on uploads and downloads;
//! files larger than a segment go up as static large objects.

use std::io::Write;

use clap::Subcommand;
use ferrocloud::ServiceClient;
use ferrocloud::openstack::objectstorage::v1::{common, containers, large_objects, objects};
use futures::StreamExt;
use serde_json::{Value, json};

use super::{Col, all_json, delete_each, file_stream, listing, open, record, save};
use crate::progress::Progress;
use crate::{CliError, CliResult, Context};

/// `container …`
#[derive(Subcommand, Debug)]
pub enum ContainerCmd {
    /// Containers of the account.
    List {
        /// Only names starting with this.
        #[arg(long)]
        prefix: Option<String>,
        /// More columns.
        #[arg(long)]
        long: bool,
    },
    /// One container's counts, ACLs and metadata.
    Show {
        /// Name.
        container: String,
    },
    /// Create containers.
    Create {
        /// Names.
        #[arg(required = true)]
        containers: Vec<String>,
    },
    /// Delete containers.
    Delete {
        /// Names.
        #[arg(required = true)]
        containers: Vec<String>,
        /// Delete their objects first.
        #[arg(short, long)]
        recursive: bool,
    },
}

/// `object …`
#[derive(Subcommand, Debug)]
pub enum ObjectCmd {
    /// Objects of a container.
    List {
        /// The container.
        container: String,
        /// Only names starting with this.
        #[arg(long)]
        prefix: Option<String>,
        /// Roll names up to this character into pseudo-directories.
        #[arg(long)]
        delimiter: Option<char>,
        /// More columns.
        #[arg(long)]
        long: bool,
    },
    /// One object's size, type, hash and metadata.
    Show {
        /// The container.
        container: String,
        /// The object.
        object: String,
    },
    /// Upload files as objects (named by the path given), with a progress bar.
    Create {
        /// The container.
        container: String,
        /// The files.
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
        /// The object's name (one file only; its path by default).
        #[arg(long)]
        name: Option<String>,
        /// Files larger than this many MiB go up in segments of this size, joined by a
        /// static large object manifest.
        #[arg(long, default_value_t = 1024, value_name = "MIB")]
        segment_size: u64,
    },
    /// Download an object to a file, with a progress bar.
    Save {
        /// The container.
        container: String,
        /// The object.
        object: String,
        /// The file to write (the object's name by default; `-` for stdout).
        #[arg(long)]
        file: Option<std::path::PathBuf>,
    },
    /// Delete objects (a large object with its segments).
    Delete {
        /// The container.
        container: String,
        /// The objects.
        #[arg(required = true)]
        objects: Vec<String>,
    },
}

/// What `container show` prints.
fn container_json(name: &str, c: &containers::Container) -> Value {
    json!({
        "container": name,
        "object_count": c.object_count,
        "bytes_used": c.bytes_used,
        "read_acl": c.read_acl,
        "write_acl": c.write_acl,
        "storage_policy": c.storage_policy,
        "properties": c.metadata,
    })
}

/// What `object show` prints.
fn object_json(container: &str, name: &str, o: &objects::Object) -> Value {
    json!({
        "container": container,
        "object": name,
        "content-length": o.content_length,
        "content-type": o.content_type,
        "etag": o.etag,
        "last-modified": o.last_modified.map(|t| ferrocloud::dates::format(&t)),
        "properties": o.metadata,
        "static_large_object": o.static_large_object,
    })
}

pub async fn container(ctx: &Context, cmd: ContainerCmd, out: &mut dyn Write) -> CliResult<()> {
    let swift = ctx.service("object-store").await?;
    match cmd {
        ContainerCmd::List { prefix, long } => {
            let opts = common::ListOpts {
                prefix,
                ..Default::default()
            };
            let items = all_json(containers::list(&swift, &opts)).await?;
            let mut cols = vec![Col::Key("Name", "name")];
            if long {
                cols.extend([
                    Col::Key("Bytes", "bytes"),
                    Col::Key("Count", "count"),
                    Col::Key("Last Modified", "last_modified"),
                ]);
            }
            ctx.print_listing(out, &listing(&items, &cols))
        }
        ContainerCmd::Show { container } => {
            let got = containers::get(&swift, &container).await.extract()?;
            ctx.print_record(out, &record(&container_json(&container, &got)))
        }
        ContainerCmd::Create { containers: names } => {
            let mut rows = Vec::new();
            for name in &names {
                containers::create(&swift, name, &Default::default())
                    .await
                    .ok()?;
                rows.push(json!({"container": name}));
            }
            ctx.print_listing(out, &listing(&rows, &[Col::Key("Container", "container")]))
        }
        ContainerCmd::Delete {
            containers: names,
            recursive,
        } => {
            let swift = &swift;
            delete_each("container", &names, |name| async move {
                if recursive {
                    let listed = objects::list_names(swift, &name, &Default::default())
                        .all_pages()
                        .await?
                        .extract()?;
                    for o in listed {
                        objects::delete(swift, &name, &o, &Default::default())
                            .await
                            .ok()?;
                    }
                }
                containers::delete(swift, &name).await.ok()?;
                Ok(())
            })
            .await
        }
    }
}

pub async fn object(ctx: &Context, cmd: ObjectCmd, out: &mut dyn Write) -> CliResult<()> {
    let swift = ctx.service("object-store").await?;
    match cmd {
        ObjectCmd::List {
            container,
            prefix,
            delimiter,
            long,
        } => {
            let opts = common::ListOpts {
                prefix,
                delimiter,
                ..Default::default()
            };
            let items = all_json(objects::list(&swift, &container, &opts)).await?;
            let mut cols = vec![Col::With("Name", |o| {
                o.get("name")
                    .or_else(|| o.get("subdir"))
                    .cloned()
                    .unwrap_or(Value::Null)
            })];
            if long {
                cols.extend([
                    Col::Key("Bytes", "bytes"),
                    Col::Key("Hash", "hash"),
                    Col::Key("Content Type", "content_type"),
                    Col::Key("Last Modified", "last_modified"),
                ]);
            }
            ctx.print_listing(out, &listing(&items, &cols))
        }
        ObjectCmd::Show { container, object } => {
            let got = objects::get(&swift, &container, &object).await.extract()?;
            ctx.print_record(out, &record(&object_json(&container, &object, &got)))
        }
        ObjectCmd::Create {
            container,
            files,
            name,
            segment_size,
        } => {
            if name.is_some() && files.len() > 1 {
                return Err(CliError::usage("--name is for a single file"));
            }
            let segment = usize::try_from(segment_size.saturating_mul(1 << 20))
                .ok()
                .filter(|s| *s > 0)
                .ok_or_else(|| CliError::usage("--segment-size must be at least 1"))?;
            let mut rows = Vec::new();
            for path in &files {
                let object = name
                    .clone()
                    .unwrap_or_else(|| path.to_string_lossy().trim_start_matches("./").to_string());
                upload(ctx, &swift, &container, &object, path, segment).await?;
                rows.push(json!({"object": object, "container": container}));
            }
            let cols = [
                Col::Key("object", "object"),
                Col::Key("container", "container"),
            ];
            ctx.print_listing(out, &listing(&rows, &cols))
        }
        ObjectCmd::Save {
            container,
            object,
            file,
        } => {
            let dl = objects::download(&swift, &container, &object, &Default::default()).await?;
            let bar = Progress::transfer(
                &format!("Downloading {object}"),
                Some(dl.object.content_length),
                ctx.progress_enabled() && file.as_deref() != Some("-".as_ref()),
            );
            let mut stream = dl.into_stream();
            if file.as_deref() == Some("-".as_ref()) {
                while let Some(chunk) = stream.next().await {
                    out.write_all(&chunk?)?;
                }
                return Ok(());
            }
            let path = file.unwrap_or_else(|| object.clone().into());
            save(&path, stream, &bar).await
        }
        ObjectCmd::Delete {
            container,
            objects: names,
        } => {
            let (swift, container) = (&swift, &container);
            delete_each("object", &names, |name| async move {
                let head = objects::get(swift, container, &name).await.extract()?;
                let opts = objects::DeleteOpts {
                    with_segments: head.static_large_object,
                    ..Default::default()
                };
                objects::delete(swift, container, &name, &opts).await.ok()?;
                Ok(())
            })
            .await
        }
    }
}

/// Uploads one file with a progress bar: in one request up to `segment` bytes, as a
/// static large object beyond.
async fn upload(
    ctx: &Context,
    swift: &ServiceClient,
    container: &str,
    object: &str,
    path: &std::path::Path,
    segment: usize,
) -> CliResult<()> {
    let (f, size) = open(path).await?;
    let bar = Progress::transfer(
        &format!("Uploading {object}"),
        Some(size),
        ctx.progress_enabled(),
    );
    let counted = crate::progress::counting_stream(file_stream(f), bar.clone());
    if size > segment as u64 {
        let opts = large_objects::SloOpts {
            segment_size: segment,
            ..Default::default()
        };
        large_objects::upload(swift, container, object, counted, &opts).await?;
    } else {
        objects::create_stream(swift, container, object, counted, &Default::default())
            .await
            .ok()?;
    }
    bar.finish();
    Ok(())
}
