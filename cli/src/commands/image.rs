//! Image commands: `image list|show|create|save|delete`.

use std::io::Write;

use clap::Subcommand;
use ferrocloud::openstack::image::v2::{image_data, images};

use super::{Col, all_json, delete_each, file_stream, listing, open, record, result_json, save};
use crate::progress::Progress;
use crate::{CliError, CliResult, Context};

/// `image …`
#[derive(Subcommand, Debug)]
pub enum ImageCmd {
    /// Images.
    List {
        /// Only images with this name.
        #[arg(long)]
        name: Option<String>,
        /// Only images with this status.
        #[arg(long)]
        status: Option<String>,
        /// More columns.
        #[arg(long)]
        long: bool,
    },
    /// One image, by name or ID.
    Show {
        /// Name or ID.
        image: String,
    },
    /// Create an image, and upload its data from a file.
    Create {
        /// Name.
        name: String,
        /// The data (uploaded with a progress bar).
        #[arg(long)]
        file: Option<std::path::PathBuf>,
        /// Disk format (qcow2, raw, …).
        #[arg(long, default_value = "raw")]
        disk_format: String,
        /// Container format.
        #[arg(long, default_value = "bare")]
        container_format: String,
        /// Public.
        #[arg(long, conflicts_with_all = ["private", "shared", "community"])]
        public: bool,
        /// Private (the default).
        #[arg(long)]
        private: bool,
        /// Shared.
        #[arg(long)]
        shared: bool,
        /// Community.
        #[arg(long)]
        community: bool,
        /// Minimum disk (GiB).
        #[arg(long)]
        min_disk: Option<u64>,
        /// Minimum RAM (MiB).
        #[arg(long)]
        min_ram: Option<u64>,
    },
    /// Download an image's data to a file.
    Save {
        /// Name or ID.
        image: String,
        /// The file to write.
        #[arg(long)]
        file: std::path::PathBuf,
    },
    /// Delete images.
    Delete {
        /// Names or IDs.
        #[arg(required = true)]
        images: Vec<String>,
    },
}

pub async fn image(ctx: &Context, cmd: ImageCmd, out: &mut dyn Write) -> CliResult<()> {
    let glance = ctx.service("image").await?;
    match cmd {
        ImageCmd::List { name, status, long } => {
            let status = match status {
                None => None,
                Some(s) => Some(
                    serde_json::from_value(serde_json::json!(s.to_ascii_lowercase())).map_err(
                        |_| CliError::usage(format!("--status {s:?} is not an image status")),
                    )?,
                ),
            };
            let opts = images::ListOpts {
                name,
                status,
                ..Default::default()
            };
            let items = all_json(images::list(&glance, &opts)).await?;
            let mut cols = vec![
                Col::Key("ID", "id"),
                Col::Key("Name", "name"),
                Col::Key("Status", "status"),
            ];
            if long {
                cols.extend([
                    Col::Key("Disk Format", "disk_format"),
                    Col::Key("Container Format", "container_format"),
                    Col::Key("Size", "size"),
                    Col::Key("Checksum", "checksum"),
                    Col::Key("Visibility", "visibility"),
                    Col::Key("Protected", "protected"),
                    Col::Key("Project", "owner"),
                    Col::Key("Tags", "tags"),
                ]);
            }
            ctx.print_listing(out, &listing(&items, &cols))
        }
        ImageCmd::Show { image } => {
            let found = images::find(&glance, &image).await?;
            let got = images::get(&glance, &found.id).await;
            ctx.print_record(out, &record(&result_json(&got)?))
        }
        ImageCmd::Create {
            name,
            file,
            disk_format,
            container_format,
            public,
            private: _,
            shared,
            community,
            min_disk,
            min_ram,
        } => {
            let visibility = if public {
                Some(images::Visibility::Public)
            } else if shared {
                Some(images::Visibility::Shared)
            } else if community {
                Some(images::Visibility::Community)
            } else {
                None
            };
            let opts = images::CreateOpts {
                name: Some(name.clone()),
                disk_format: Some(disk_format),
                container_format: Some(container_format),
                visibility,
                min_disk,
                min_ram,
                ..Default::default()
            };
            // Open the file first: a missing file creates nothing.
            let data = match &file {
                Some(path) => Some(open(path).await?),
                None => None,
            };
            let created = images::create(&glance, &opts).await.extract()?;
            if let Some((f, size)) = data {
                let bar = Progress::transfer(
                    &format!("Uploading {name}"),
                    Some(size),
                    ctx.progress_enabled(),
                );
                let stream = file_stream(f);
                let counted = crate::progress::counting_stream(stream, bar.clone());
                let upload = image_data::UploadOpts {
                    size: Some(size),
                    ..Default::default()
                };
                image_data::upload_stream(&glance, &created.id, counted, &upload)
                    .await
                    .ok()?;
                bar.finish();
            }
            let got = images::get(&glance, &created.id).await;
            ctx.print_record(out, &record(&result_json(&got)?))
        }
        ImageCmd::Save { image, file } => {
            let found = images::find(&glance, &image).await?;
            let dl = image_data::download(&glance, &found.id, &Default::default()).await?;
            let bar = Progress::transfer(
                &format!("Downloading {}", found.name.as_deref().unwrap_or(&found.id)),
                found.size,
                ctx.progress_enabled(),
            );
            save(&file, dl.into_stream(), &bar).await
        }
        ImageCmd::Delete { images: names } => {
            let glance = &glance;
            delete_each("image", &names, |name| async move {
                let found = images::find(glance, &name).await?;
                images::delete(glance, &found.id).await.ok()?;
                Ok(())
            })
            .await
        }
    }
}
