//! `config show`: the configuration the other commands would use, secrets masked.

use std::io::Write;

use clap::Subcommand;
use serde_json::{Value, json};

use crate::output::Record;
use crate::{CliResult, Context};

/// `config …`
#[derive(Subcommand, Debug)]
pub enum ConfigCmd {
    /// The resolved configuration of a cloud (`--os-cloud`, `OS_CLOUD`, or the one given
    /// here), after `--os-*` options and `OS_*` variables; secrets masked.
    Show {
        /// The cloud (else `--os-cloud`, `OS_CLOUD`, or the only one).
        cloud: Option<String>,
    },
}

/// What a secret shows as.
const MASK: &str = "<masked>";

pub fn config(ctx: &Context, cmd: ConfigCmd, out: &mut dyn Write) -> CliResult<()> {
    let ConfigCmd::Show { cloud } = cmd;
    let cfg = match cloud {
        Some(name) => ctx.config_of(&name)?,
        None => ctx.config()?,
    };
    let mut fields: Vec<(String, Value)> = vec![
        ("cloud".into(), json!(cfg.name)),
        ("region_name".into(), json!(cfg.region_name)),
        ("auth_type".into(), json!(cfg.auth_type.to_string())),
        ("interface".into(), json!(cfg.interface.as_str())),
    ];
    if !cfg.regions.is_empty() {
        fields.push(("regions".into(), json!(cfg.regions)));
    }
    if let Some(p) = &cfg.profile {
        fields.push(("profile".into(), json!(p)));
    }
    for (k, v) in cfg.auth_values() {
        let shown = match v.as_text() {
            Some(t) => json!(t),
            None => json!(MASK),
        };
        fields.push((format!("auth.{k}"), shown));
    }
    for (k, v) in cfg.settings() {
        if fields.iter().any(|(f, _)| f == k) {
            continue;
        }
        let shown = if v == "<redacted>" {
            json!(MASK)
        } else {
            v.clone()
        };
        fields.push((k.to_string(), shown));
    }
    if let Some(t) = cfg.api_timeout {
        fields.push(("api_timeout".into(), json!(t.as_secs_f64())));
    }
    fields.push((
        "sources".into(),
        json!(
            cfg.sources
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
        ),
    ));
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    fields.dedup_by(|a, b| a.0 == b.0);
    ctx.print_record(out, &Record { fields })
}
