//! The commands: openstackclient's shape (`ferrocloud server list`), the generic
//! operation commands, the raw API escape hatch, and the configuration and completion
//! helpers.

/// Declares a resource's `list|show|delete` commands (and `create` when given) and the
/// function that runs them against the service `$service`. `list` makes the pager from
/// the service client and the [`ListArgs`] (or refuses them); `show` and `delete` find
/// the resource by name or ID with the module's `find`, then call its `get` or
/// `delete`; `delete --wait` waits until `get` answers 404. `create` names a type with
/// `async fn run(ctx, service, args) -> CliResult<Value>`. The listing's columns come
/// next, `--long` adding the second set.
macro_rules! resource_commands {
    // The delete request: the module's plain `delete`, or the given one with the flag's value.
    (@delete $module:ident, $svc:expr, $id:expr) => {
        $module::delete($svc, $id).await
    };
    (@delete $module:ident, $svc:expr, $id:expr, $delete:expr, $flag:expr) => {
        ($delete)($svc, $id, $flag).await
    };
    ($cmd:ident, $run:ident, $service:literal, $module:ident, $noun:literal,
     list $list:expr,
     [$($col:expr),* $(,)?], long [$($lcol:expr),* $(,)?]
     $(, create $create:ident)?
     $(, delete --$flag:ident $flag_doc:literal => $delete:expr)?) => {
        #[doc = concat!("`", $noun, " …`")]
        #[derive(clap::Subcommand, Debug)]
        pub enum $cmd {
            #[doc = concat!("List ", $noun, "s.")]
            List {
                /// Only those with this name.
                #[arg(long)]
                name: Option<String>,
                /// Only those of this project (ID; admins).
                #[arg(long)]
                project: Option<String>,
                /// More columns.
                #[arg(long)]
                long: bool,
            },
            #[doc = concat!("Show one ", $noun, ", by name or ID.")]
            Show {
                /// Name or ID.
                name_or_id: String,
            },
            #[doc = concat!("Delete ", $noun, "s.")]
            Delete {
                /// Names or IDs.
                #[arg(required = true)]
                names: Vec<String>,
                /// Wait until they are gone (a status line on stderr).
                #[arg(long)]
                wait: bool,
                $(
                    #[doc = $flag_doc]
                    #[arg(long)]
                    $flag: bool,
                )?
            },
            $(
                #[doc = concat!("Create a ", $noun, ".")]
                Create(Box<$create>),
            )?
        }

        pub async fn $run(
            ctx: &$crate::Context,
            cmd: $cmd,
            out: &mut dyn std::io::Write,
        ) -> $crate::CliResult<()> {
            let svc = ctx.service($service).await?;
            match cmd {
                $cmd::List { name, project, long } => {
                    let args = $crate::commands::ListArgs { name, project };
                    let items = $crate::commands::all_json(($list)(&svc, &args)?).await?;
                    let mut cols: Vec<$crate::commands::Col> = vec![$($col),*];
                    if long {
                        cols.extend([$($lcol),*]);
                    }
                    ctx.print_listing(out, &$crate::commands::listing(&items, &cols))
                }
                $cmd::Show { name_or_id } => {
                    let found = $module::find(&svc, &name_or_id).await?;
                    let got = $module::get(&svc, &found.id).await;
                    ctx.print_record(
                        out,
                        &$crate::commands::record(&$crate::commands::result_json(&got)?),
                    )
                }
                $cmd::Delete { names, wait, $($flag,)? } => {
                    let svc = &svc;
                    $crate::commands::delete_each($noun, &names, |n| async move {
                        let found = $module::find(svc, &n).await?;
                        resource_commands!(@delete $module, svc, &found.id $(, $delete, $flag)?)
                            .ok()?;
                        if wait {
                            $crate::commands::wait_gone(
                                ctx,
                                &format!(concat!($noun, " {}"), found.id),
                                || async { $module::get(svc, &found.id).await.ok() },
                            )
                            .await?;
                        }
                        Ok(())
                    })
                    .await
                }
                $(
                    $cmd::Create(a) => {
                        let created = $create::run(ctx, &svc, *a).await?;
                        ctx.print_record(out, &$crate::commands::record(&created))
                    }
                )?
            }
        }
    };
}

/// The `list` of a resource whose `ListOpts` filter by `name` and `project_id`.
macro_rules! by_name_and_project {
    ($module:ident) => {
        |c: &ferrocloud::ServiceClient, a: &$crate::commands::ListArgs| {
            $crate::CliResult::Ok($module::list(
                c,
                &$module::ListOpts {
                    name: a.name.clone(),
                    project_id: a.project.clone(),
                    ..Default::default()
                },
            ))
        }
    };
}

mod api;
mod baremetal;
mod compute;
mod config;
mod dns;
mod identity;
mod image;
mod loadbalancer;
mod network;
mod object;
mod op;
mod quota;
mod share;
mod stack;
mod volume;

use std::io::Write;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use serde_json::Value;

use crate::context::Context;
use crate::output::{Listing, Record};
use crate::{CliError, CliResult};

const OS_OPTIONS_HELP: &str = "\
OpenStack options (before or after the command; each also read from its OS_* variable):
  --os-cloud <name>             the clouds.yaml entry (OS_CLOUD)
  --os-region-name <region>     the region (OS_REGION_NAME)
  --os-auth-url <url>           Keystone's URL (OS_AUTH_URL)
  --os-username, --os-password, --os-user-domain-name, --os-project-name,
  --os-project-domain-name, --os-token, --os-auth-type, --os-interface,
  --os-application-credential-id, --os-application-credential-secret,
  --os-<service>-api-version (e.g. --os-compute-api-version 2.95), --os-cacert,
  --insecure, and every other clouds.yaml setting as --os-<setting>.

Exit codes: 0 done, 1 other failure, 2 usage, 3 authentication or authorization,
4 not found, 5 conflict or ambiguous name, 6 server error, 7 configuration.";

/// The whole command line, after the `--os-*` options were taken out.
#[derive(Parser, Debug)]
#[command(
    name = "ferrocloud",
    version,
    about = "A command-line client for OpenStack clouds",
    after_help = OS_OPTIONS_HELP,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Options of every command.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Output and diagnostics options, accepted by every command.
#[derive(Args, Debug, Default)]
pub struct GlobalArgs {
    /// Print each request (method, URL, status, time, request id) on stderr; secrets
    /// are never printed.
    #[arg(long, global = true)]
    pub debug: bool,
    /// No progress bars or status lines.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Output format.
    #[arg(short = 'f', long = "format", global = true, value_enum)]
    pub format: Option<FormatArg>,
    /// A column to show (repeat for several; in the order given).
    #[arg(short = 'c', long = "column", global = true, value_name = "COLUMN")]
    pub columns: Vec<String>,
    /// Sort a listing by this column (repeat for several).
    #[arg(long = "sort-column", global = true, value_name = "COLUMN")]
    pub sort_columns: Vec<String>,
    /// Sort in descending order.
    #[arg(long = "sort-descending", global = true)]
    pub sort_descending: bool,
    /// Sort in ascending order (the default).
    #[arg(
        long = "sort-ascending",
        global = true,
        conflicts_with = "sort_descending"
    )]
    pub sort_ascending: bool,
    /// Fit the table to the terminal's width.
    #[arg(long = "fit-width", global = true)]
    pub fit_width: bool,
    /// The widest a table may be (0: no limit).
    #[arg(long = "max-width", global = true, value_name = "N")]
    pub max_width: Option<usize>,
    /// JSON on one line.
    #[arg(long, global = true)]
    pub noindent: bool,
    /// CSV quoting.
    #[arg(long, global = true, value_enum)]
    pub quote: Option<QuoteArg>,
    /// The prefix of every variable name (shell format).
    #[arg(long, global = true, default_value = "")]
    pub prefix: String,
}

/// `-f`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatArg {
    /// A table (the default).
    Table,
    /// JSON.
    Json,
    /// YAML.
    Yaml,
    /// The values alone.
    Value,
    /// Comma-separated values.
    Csv,
    /// `name="value"` lines (show commands).
    Shell,
}

/// `--quote`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteArg {
    /// Every field.
    All,
    /// Only where needed.
    Minimal,
    /// Never.
    None,
    /// Every field that is not a number.
    Nonnumeric,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Servers (compute).
    #[command(subcommand)]
    Server(compute::ServerCmd),
    /// Flavors (compute).
    #[command(subcommand)]
    Flavor(compute::FlavorCmd),
    /// Key pairs (compute).
    #[command(subcommand)]
    Keypair(compute::KeypairCmd),
    /// Compute limits.
    #[command(subcommand)]
    Limits(compute::LimitsCmd),
    /// Volumes and their snapshots (block storage).
    #[command(subcommand)]
    Volume(volume::VolumeCmd),
    /// Volume snapshots (block storage; also `volume snapshot`).
    #[command(subcommand)]
    Snapshot(volume::SnapshotCmd),
    /// Images (image).
    #[command(subcommand)]
    Image(image::ImageCmd),
    /// Networks (network).
    #[command(subcommand)]
    Network(network::NetworkCmd),
    /// Subnets (network).
    #[command(subcommand)]
    Subnet(network::SubnetCmd),
    /// Ports (network).
    #[command(subcommand)]
    Port(network::PortCmd),
    /// Routers (network).
    #[command(subcommand)]
    Router(network::RouterCmd),
    /// Floating IPs (network): `floating ip list|show|create|delete|set|unset`.
    #[command(subcommand)]
    Floating(network::FloatingCmd),
    /// Security groups and rules (network): `security group [rule] …`.
    #[command(subcommand)]
    Security(network::SecurityCmd),
    /// Containers (object storage).
    #[command(subcommand)]
    Container(object::ContainerCmd),
    /// Objects (object storage).
    #[command(subcommand)]
    Object(object::ObjectCmd),
    /// Stacks (orchestration).
    #[command(subcommand)]
    Stack(stack::StackCmd),
    /// DNS zones.
    #[command(subcommand)]
    Zone(dns::ZoneCmd),
    /// DNS recordsets of a zone.
    #[command(subcommand)]
    Recordset(dns::RecordsetCmd),
    /// Load balancers.
    #[command(subcommand)]
    Loadbalancer(loadbalancer::LoadbalancerCmd),
    /// Shared file systems.
    #[command(subcommand)]
    Share(share::ShareCmd),
    /// Bare metal: `baremetal node list|show`.
    #[command(subcommand)]
    Baremetal(baremetal::BaremetalCmd),
    /// Quotas of compute, block storage and network.
    #[command(subcommand)]
    Quota(quota::QuotaCmd),
    /// Roles and role assignments (identity).
    #[command(subcommand)]
    Role(identity::RoleCmd),
    /// Tokens (identity).
    #[command(subcommand)]
    Token(identity::TokenCmd),
    /// The service catalog (identity).
    #[command(subcommand)]
    Catalog(identity::CatalogCmd),
    /// Endpoints (identity).
    #[command(subcommand)]
    Endpoint(identity::EndpointCmd),
    /// Projects (identity).
    #[command(subcommand)]
    Project(identity::ProjectCmd),
    /// Users (identity).
    #[command(subcommand)]
    User(identity::UserCmd),
    /// The resolved configuration.
    #[command(subcommand)]
    Config(config::ConfigCmd),
    /// Any operation the SDK declares, by its name (`ferrocloud operation list` lists
    /// them).
    #[command(subcommand)]
    Operation(op::OperationCmd),
    /// A raw request to a service: `ferrocloud api compute GET /servers/detail`.
    Api(api::ApiArgs),
    /// Shell completion script.
    Completion {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Parses the command line (without the `--os-*` options).
pub fn parse(argv: &[String]) -> Result<Cli, clap::Error> {
    Cli::try_parse_from(argv)
}

/// Runs a command, writing its results to `out`.
pub async fn dispatch(ctx: &Context, command: Command, out: &mut dyn Write) -> CliResult<()> {
    match command {
        Command::Server(c) => compute::server(ctx, c, out).await,
        Command::Flavor(c) => compute::flavor(ctx, c, out).await,
        Command::Keypair(c) => compute::keypair(ctx, c, out).await,
        Command::Limits(c) => compute::limits(ctx, c, out).await,
        Command::Volume(c) => volume::volume(ctx, c, out).await,
        Command::Snapshot(c) => volume::snapshot(ctx, c, out).await,
        Command::Image(c) => image::image(ctx, c, out).await,
        Command::Network(c) => network::network(ctx, c, out).await,
        Command::Subnet(c) => network::subnet(ctx, c, out).await,
        Command::Port(c) => network::port(ctx, c, out).await,
        Command::Router(c) => network::router(ctx, c, out).await,
        Command::Floating(c) => network::floating(ctx, c, out).await,
        Command::Security(c) => network::security(ctx, c, out).await,
        Command::Container(c) => object::container(ctx, c, out).await,
        Command::Object(c) => object::object(ctx, c, out).await,
        Command::Stack(c) => stack::stack(ctx, c, out).await,
        Command::Zone(c) => dns::zone(ctx, c, out).await,
        Command::Recordset(c) => dns::recordset(ctx, c, out).await,
        Command::Loadbalancer(c) => loadbalancer::loadbalancer(ctx, c, out).await,
        Command::Share(c) => share::share(ctx, c, out).await,
        Command::Baremetal(c) => baremetal::baremetal(ctx, c, out).await,
        Command::Quota(c) => quota::quota(ctx, c, out).await,
        Command::Role(c) => identity::role(ctx, c, out).await,
        Command::Token(c) => identity::token(ctx, c, out).await,
        Command::Catalog(c) => identity::catalog(ctx, c, out).await,
        Command::Endpoint(c) => identity::endpoint(ctx, c, out).await,
        Command::Project(c) => identity::project(ctx, c, out).await,
        Command::User(c) => identity::user(ctx, c, out).await,
        Command::Config(c) => config::config(ctx, c, out),
        Command::Operation(c) => op::operation(ctx, c, out).await,
        Command::Api(a) => api::api(ctx, a, out).await,
        Command::Completion { shell } => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "ferrocloud", out);
            Ok(())
        }
    }
}

/// The filters every generated `list` command takes.
pub(crate) struct ListArgs {
    /// `--name`.
    pub name: Option<String>,
    /// `--project`.
    pub project: Option<String>,
}

/// Runs `delete` for each name, going on after a failure: each failure is printed on
/// stderr, and the first one's kind is the exit code.
pub(crate) async fn delete_each<F, Fut>(
    noun: &str,
    names: &[String],
    mut delete: F,
) -> CliResult<()>
where
    F: FnMut(String) -> Fut,
    Fut: std::future::Future<Output = CliResult<()>>,
{
    let mut failed = Vec::new();
    for name in names {
        if let Err(e) = delete(name.clone()).await {
            eprintln!("Error: {name}: {e}");
            failed.push(e.kind());
        }
    }
    match failed.first() {
        None => Ok(()),
        Some(kind) => Err(CliError::new(
            *kind,
            format!("{} of {} {noun}s not deleted", failed.len(), names.len()),
        )),
    }
}

/// How long `--wait` waits, and how often it looks.
fn wait_opts() -> ferrocloud::wait::WaitOpts {
    ferrocloud::wait::WaitOpts::new(std::time::Duration::from_secs(3600)).interval(
        std::time::Duration::from_secs(1),
        std::time::Duration::from_secs(5),
    )
}

/// Polls `get` (the resource as JSON) until its `field` reads `target` (any case), with
/// a live status line on stderr: `label: <status> <seconds> s`. A status holding
/// `ERROR` or `FAILED` ends the wait with a server error.
pub(crate) async fn wait_status<F, Fut>(
    ctx: &Context,
    label: &str,
    field: &str,
    target: &str,
    mut get: F,
) -> CliResult<Value>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ferrocloud::Result<Value>>,
{
    use ferrocloud::wait::State;
    let line = crate::progress::StatusLine::new(label, ctx.progress_enabled());
    let started = std::time::Instant::now();
    let status_of = |v: &Value| v[field].as_str().unwrap_or("").to_string();
    let result = ferrocloud::wait::wait_for(
        &format!("{label} to be {target}"),
        &wait_opts(),
        &mut get,
        |v: &Value| {
            let status = status_of(v).to_ascii_uppercase();
            if status.eq_ignore_ascii_case(target) {
                State::Ready
            } else if status.contains("ERROR") || status.contains("FAILED") {
                let reason = ["status_reason", "stack_status_reason", "fault"]
                    .iter()
                    .find_map(|k| v[*k].as_str().map(str::to_string))
                    .unwrap_or_default();
                State::Failed(format!("{field} is {status} {reason}").trim().to_string())
            } else {
                State::Pending
            }
        },
        |v: &Value| {
            line.set(&format!(
                "{} {} s",
                status_of(v),
                started.elapsed().as_secs()
            ));
        },
    )
    .await;
    match &result {
        Ok(v) => line.finish(&status_of(v)),
        Err(_) => line.finish("failed"),
    }
    Ok(result?)
}

/// Polls `check` (a read of the resource) until it answers 404, with a status line.
pub(crate) async fn wait_gone<F, Fut>(ctx: &Context, label: &str, mut check: F) -> CliResult<()>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ferrocloud::Result<()>>,
{
    use ferrocloud::wait::State;
    let line = crate::progress::StatusLine::new(label, ctx.progress_enabled());
    let started = std::time::Instant::now();
    let result = ferrocloud::wait::wait_for(
        &format!("{label} to be deleted"),
        &wait_opts(),
        || {
            let read = check();
            async move {
                match read.await {
                    Ok(()) => Ok(false),
                    Err(e) if e.kind() == ferrocloud::ErrorKind::NotFound => Ok(true),
                    Err(e) => Err(e),
                }
            }
        },
        |gone: &bool| if *gone { State::Ready } else { State::Pending },
        |gone: &bool| {
            if !*gone {
                line.set(&format!("deleting {} s", started.elapsed().as_secs()));
            }
        },
    )
    .await;
    match &result {
        Ok(_) => line.finish("deleted"),
        Err(_) => line.finish("failed"),
    }
    result?;
    Ok(())
}

/// Opens a file for upload: the file and its size.
pub(crate) async fn open(path: &std::path::Path) -> CliResult<(tokio::fs::File, u64)> {
    let f = tokio::fs::File::open(path)
        .await
        .map_err(|e| CliError::usage(format!("{}: {e}", path.display())))?;
    let size = f.metadata().await?.len();
    Ok((f, size))
}

/// Writes a download to a file, counting it on `bar`, which is finished at the end.
pub(crate) async fn save<S>(
    path: &std::path::Path,
    mut stream: S,
    bar: &crate::progress::Progress,
) -> CliResult<()>
where
    S: futures::Stream<Item = ferrocloud::Result<bytes::Bytes>> + Unpin,
{
    use futures::StreamExt;
    use tokio::io::AsyncWriteExt;
    let mut f = tokio::fs::File::create(path)
        .await
        .map_err(|e| CliError::usage(format!("{}: {e}", path.display())))?;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        f.write_all(&chunk).await?;
        bar.inc(chunk.len() as u64);
    }
    f.flush().await?;
    bar.finish();
    Ok(())
}

/// A file as a stream of chunks of 256 KiB.
pub(crate) fn file_stream(
    f: tokio::fs::File,
) -> impl futures::Stream<Item = std::io::Result<bytes::Bytes>> + Send + 'static {
    use tokio::io::AsyncReadExt;
    futures::stream::unfold(Some(f), |state| async move {
        let mut f = state?;
        let mut buf = vec![0u8; 256 * 1024];
        match f.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok(bytes::Bytes::from(buf)), Some(f)))
            }
            Err(e) => Some((Err(e), None)),
        }
    })
}

/// A record of every field of a JSON object, sorted by name (what `show` prints).
pub(crate) fn record(object: &Value) -> Record {
    let mut fields: Vec<(String, Value)> = match object {
        Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        other => vec![("value".to_string(), other.clone())],
    };
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Record { fields }
}

/// How a listing column reads its value from one item.
pub(crate) enum Col {
    /// A field (a `/`-separated path into nested objects).
    Key(&'static str, &'static str),
    /// A value computed from the item.
    With(&'static str, fn(&Value) -> Value),
}

impl Col {
    fn header(&self) -> &'static str {
        match self {
            Col::Key(h, _) | Col::With(h, _) => h,
        }
    }

    fn read(&self, item: &Value) -> Value {
        match self {
            Col::Key(_, path) => path
                .split('/')
                .try_fold(item, |v, k| v.get(k))
                .cloned()
                .unwrap_or(Value::Null),
            Col::With(_, f) => f(item),
        }
    }
}

/// A listing of `items` with `columns`.
pub(crate) fn listing(items: &[Value], columns: &[Col]) -> Listing {
    Listing {
        headers: columns.iter().map(|c| c.header().to_string()).collect(),
        rows: items
            .iter()
            .map(|item| columns.iter().map(|c| c.read(item)).collect())
            .collect(),
    }
}

/// Parses `key=value` pairs (properties, query parameters).
pub(crate) fn pairs(items: &[String], what: &str) -> CliResult<Vec<(String, String)>> {
    items
        .iter()
        .map(|p| {
            p.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .ok_or_else(|| CliError::usage(format!("{what} {p:?} is not KEY=VALUE")))
        })
        .collect()
}

/// Every item of a listing as JSON, after the SDK has read each page with its typed
/// model (so an answer the model refuses is an error here too).
pub(crate) async fn all_json<T>(pager: ferrocloud::Pager<T>) -> CliResult<Vec<Value>>
where
    T: serde::de::DeserializeOwned + Send + 'static,
{
    Ok(pager.all_pages().await?.extract_into::<Value>()?)
}

/// A result's value as JSON (inside its envelope), after checking that the typed model
/// reads it.
pub(crate) fn result_json<T>(result: &ferrocloud::ApiResult<T>) -> CliResult<Value>
where
    T: ferrocloud::request::FromResponse,
{
    result.extract()?;
    Ok(result.extract_into::<Value>()?)
}

/// A JSON body given as text, `@FILE`, or `@-` (stdin).
pub(crate) async fn body_arg(arg: &str) -> CliResult<Value> {
    let text = match arg.strip_prefix('@') {
        Some("-") => {
            use tokio::io::AsyncReadExt;
            let mut s = String::new();
            tokio::io::stdin().read_to_string(&mut s).await?;
            s
        }
        Some(path) => tokio::fs::read_to_string(path)
            .await
            .map_err(|e| CliError::usage(format!("{path}: {e}")))?,
        None => arg.to_string(),
    };
    serde_json::from_str(&text).map_err(|e| CliError::usage(format!("the body is not JSON: {e}")))
}

/// Prints a raw answer: with `-f table` (the default), a JSON body as JSON; with
/// another format, a body holding one list of objects as a listing and an object as a
/// record; other bodies as they came. `include` prints the status and headers on stderr.
pub(crate) fn print_answer(
    ctx: &Context,
    resp: &ferrocloud::Response,
    include: bool,
    out: &mut dyn Write,
) -> CliResult<()> {
    if include {
        let mut err = std::io::stderr().lock();
        writeln!(err, "{}", resp.status())?;
        for (k, v) in resp.headers() {
            let shown = if k.as_str().contains("token") {
                "<masked>"
            } else {
                v.to_str().unwrap_or("<binary>")
            };
            writeln!(err, "{k}: {shown}")?;
        }
    }
    let body = resp.body();
    let json: Option<Value> = serde_json::from_slice(body).ok();
    match (json, ctx.format_is_default()) {
        (Some(v), true) => {
            out.write_all(
                serde_json::to_string_pretty(&v)
                    .unwrap_or_default()
                    .as_bytes(),
            )?;
            out.write_all(b"\n")?;
            Ok(())
        }
        (Some(v), false) => {
            // `{"servers": [...]}` or a bare list: a listing of the items' keys.
            let items = match &v {
                Value::Array(a) => Some(a.clone()),
                Value::Object(m) if m.len() == 1 => {
                    m.values().next().and_then(|x| x.as_array()).cloned()
                }
                _ => None,
            };
            match items {
                Some(items) if items.iter().all(Value::is_object) => {
                    let mut headers: Vec<String> = Vec::new();
                    for item in &items {
                        for k in item.as_object().into_iter().flat_map(|m| m.keys()) {
                            if !headers.contains(k) {
                                headers.push(k.clone());
                            }
                        }
                    }
                    let rows = items
                        .iter()
                        .map(|i| headers.iter().map(|h| i[h].clone()).collect())
                        .collect();
                    ctx.print_listing(out, &Listing { headers, rows })
                }
                _ => {
                    let inner = match &v {
                        Value::Object(m) if m.len() == 1 && m.values().all(Value::is_object) => {
                            m.values().next().cloned().unwrap_or_default()
                        }
                        _ => v,
                    };
                    ctx.print_record(out, &record(&inner))
                }
            }
        }
        (None, _) => {
            out.write_all(body)?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
