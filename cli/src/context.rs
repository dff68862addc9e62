//! What every command shares: the resolved cloud (connected on first use), the output
//! options, and the diagnostics settings.

use std::io::{IsTerminal, Write};

use ferrocloud::ServiceClient;
use ferrocloud::config::{Cloud, CloudConfig, CloudsConfig, CommandLine, Environment};
use tokio::sync::OnceCell;

use crate::commands::{FormatArg, GlobalArgs, QuoteArg};
use crate::output::{self, Format, Listing, OutputOptions, Quote, Record};
use crate::{CliError, CliResult};

/// A command's context: the OpenStack options, the environment, the cloud once resolved
/// and connected, and how to print.
pub struct Context {
    options: CommandLine,
    env: Environment,
    cloud: OnceCell<Cloud>,
    output: OutputOptions,
    format_given: Option<FormatArg>,
    quiet: bool,
}

impl Context {
    pub(crate) fn new(options: CommandLine, env: Environment, g: &GlobalArgs) -> CliResult<Self> {
        if g.debug {
            install_debug_log();
        }
        let stdout_tty = std::io::stdout().is_terminal();
        let output = OutputOptions {
            format: match g.format.unwrap_or(FormatArg::Table) {
                FormatArg::Table => Format::Table,
                FormatArg::Json => Format::Json,
                FormatArg::Yaml => Format::Yaml,
                FormatArg::Value => Format::Value,
                FormatArg::Csv => Format::Csv,
                FormatArg::Shell => Format::Shell,
            },
            columns: g.columns.clone(),
            sort: g.sort_columns.clone(),
            sort_ascending: !g.sort_descending,
            fit_width: g.fit_width,
            max_width: g.max_width,
            color: stdout_tty && env.var("NO_COLOR").is_none_or(|v| v.is_empty()),
            noindent: g.noindent,
            quote: match g.quote.unwrap_or(QuoteArg::Nonnumeric) {
                QuoteArg::All => Quote::All,
                QuoteArg::Minimal => Quote::Minimal,
                QuoteArg::None => Quote::None,
                QuoteArg::Nonnumeric => Quote::NonNumeric,
            },
            prefix: g.prefix.clone(),
        };
        Ok(Context {
            options,
            env,
            cloud: OnceCell::new(),
            output,
            format_given: g.format,
            quiet: g.quiet,
        })
    }

    /// The cloud's resolved configuration (`--os-*` over `OS_*` over clouds.yaml).
    pub fn config(&self) -> CliResult<CloudConfig> {
        Ok(CloudsConfig::from_command_line(
            &self.options,
            self.env.clone(),
        )?)
    }

    /// The resolved configuration of the cloud `name`, whatever `--os-cloud` says.
    pub fn config_of(&self, name: &str) -> CliResult<CloudConfig> {
        let options = self
            .options
            .clone()
            .option("--os-cloud", name)
            .map_err(|e| CliError::usage(e.to_string()))?;
        Ok(CloudsConfig::from_command_line(&options, self.env.clone())?)
    }

    /// The cloud, resolved on first use (authentication happens with its first request).
    pub async fn cloud(&self) -> CliResult<&Cloud> {
        self.cloud
            .get_or_try_init(|| async { Ok(Cloud::new(self.config()?)?) })
            .await
    }

    /// A client of one service (by type or alias: `compute`, `volume`, `network`…).
    pub async fn service(&self, service: &str) -> CliResult<ServiceClient> {
        Ok(self.cloud().await?.service(service).await?)
    }

    /// Whether progress bars and status lines are drawn: stderr is a terminal and
    /// `--quiet` was not given; `FERROCLOUD_PROGRESS=always` draws them anyway (into a
    /// log), `never` never.
    pub fn progress_enabled(&self) -> bool {
        match self.env.var("FERROCLOUD_PROGRESS").as_deref() {
            _ if self.quiet => false,
            Some("always") => true,
            Some("never") => false,
            _ => std::io::stderr().is_terminal(),
        }
    }

    /// Whether the output format is the default one (no `-f`).
    pub fn format_is_default(&self) -> bool {
        self.format_given.is_none()
    }

    /// Prints a listing with the output options.
    pub fn print_listing(&self, out: &mut dyn Write, listing: &Listing) -> CliResult<()> {
        let text = output::render_listing(listing, &self.output)?;
        out.write_all(text.as_bytes())?;
        Ok(())
    }

    /// Prints a record with the output options.
    pub fn print_record(&self, out: &mut dyn Write, record: &Record) -> CliResult<()> {
        let text = output::render_record(record, &self.output)?;
        out.write_all(text.as_bytes())?;
        Ok(())
    }
}

/// `--debug`: the SDK's request events (method, URL with secrets redacted, status,
/// duration, request id; never headers or bodies) on stderr.
fn install_debug_log() {
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_max_level(tracing::Level::DEBUG)
        .with_target(false)
        .try_init();
}
