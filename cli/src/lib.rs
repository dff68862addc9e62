//! The `ferrocloud` command-line client: openstackclient's commands, options and
//! configuration over the ferrocloud SDK.
//!
//! The binary is a thin shell around [`run`]: it reads the process's arguments and
//! environment, and maps the outcome to an exit code ([`ExitKind`]).
//!
//! ```no_run
//! // What `ferrocloud --os-cloud devcloud server list -f json` does:
//! let code = ferrocloud_cli::run(
//!     ["ferrocloud", "--os-cloud", "devcloud", "server", "list", "-f", "json"].map(String::from).to_vec(),
//!     ferrocloud::config::Environment::from_process(),
//! );
//! assert_eq!(code, ferrocloud_cli::ExitKind::Success);
//! ```

pub mod args;
mod commands;
mod context;
pub mod output;
pub mod progress;

use std::io::Write;

pub use context::Context;

/// How a command ended, and the exit code the process gives for it.
///
/// ```
/// use ferrocloud_cli::ExitKind;
/// assert_eq!(ExitKind::NotFound.code(), 4);
/// assert_eq!(ExitKind::from_error(&ferrocloud::Error::new(
///     ferrocloud::ErrorKind::Conflict, "busy")), ExitKind::Conflict);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitKind {
    /// 0: done.
    Success,
    /// 1: any other failure (transport, decoding, timeouts…).
    Failure,
    /// 2: the command line is wrong (unknown command or option, bad value).
    Usage,
    /// 3: authentication or authorization failed (401, 403, bad credentials).
    Auth,
    /// 4: what the command names does not exist (404, no such name).
    NotFound,
    /// 5: the request conflicts with the resource's state (409, 412), or a name matches
    /// several resources.
    Conflict,
    /// 6: the server failed (5xx).
    Server,
    /// 7: the configuration is wrong (clouds.yaml, `OS_*`, `--os-*`), or the catalog lacks
    /// the service.
    Config,
}

impl ExitKind {
    /// The process exit code.
    ///
    /// ```
    /// assert_eq!(ferrocloud_cli::ExitKind::Usage.code(), 2);
    /// ```
    pub fn code(self) -> u8 {
        match self {
            ExitKind::Success => 0,
            ExitKind::Failure => 1,
            ExitKind::Usage => 2,
            ExitKind::Auth => 3,
            ExitKind::NotFound => 4,
            ExitKind::Conflict => 5,
            ExitKind::Server => 6,
            ExitKind::Config => 7,
        }
    }

    /// The exit kind of an SDK error.
    ///
    /// ```
    /// use ferrocloud::{Error, ErrorKind};
    /// use ferrocloud_cli::ExitKind;
    /// assert_eq!(ExitKind::from_error(&Error::new(ErrorKind::Unauthorized, "x")), ExitKind::Auth);
    /// assert_eq!(ExitKind::from_error(&Error::new(ErrorKind::ServerError, "x")), ExitKind::Server);
    /// ```
    pub fn from_error(e: &ferrocloud::Error) -> ExitKind {
        use ferrocloud::ErrorKind as K;
        match e.kind() {
            K::Unauthorized | K::Forbidden | K::Auth => ExitKind::Auth,
            K::NotFound => ExitKind::NotFound,
            K::Conflict | K::PreconditionFailed | K::Ambiguous => ExitKind::Conflict,
            K::ServerError => ExitKind::Server,
            K::Config | K::EndpointNotFound => ExitKind::Config,
            K::InvalidInput => ExitKind::Usage,
            _ => ExitKind::Failure,
        }
    }
}

/// A command's failure: what to print and the exit kind.
#[derive(Debug)]
pub struct CliError {
    kind: ExitKind,
    message: String,
}

impl CliError {
    /// A usage error (exit code 2).
    ///
    /// ```
    /// let e = ferrocloud_cli::CliError::usage("--limit must be a number");
    /// assert_eq!(e.kind(), ferrocloud_cli::ExitKind::Usage);
    /// ```
    pub fn usage(message: impl Into<String>) -> CliError {
        CliError {
            kind: ExitKind::Usage,
            message: message.into(),
        }
    }

    /// A failure of another kind.
    ///
    /// ```
    /// let e = ferrocloud_cli::CliError::new(ferrocloud_cli::ExitKind::NotFound, "no server x");
    /// assert_eq!(e.to_string(), "no server x");
    /// ```
    pub fn new(kind: ExitKind, message: impl Into<String>) -> CliError {
        CliError {
            kind,
            message: message.into(),
        }
    }

    /// The exit kind.
    ///
    /// ```
    /// assert_eq!(ferrocloud_cli::CliError::usage("x").kind().code(), 2);
    /// ```
    pub fn kind(&self) -> ExitKind {
        self.kind
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

impl From<ferrocloud::Error> for CliError {
    fn from(e: ferrocloud::Error) -> Self {
        CliError {
            kind: ExitKind::from_error(&e),
            message: e.to_string(),
        }
    }
}

impl From<output::OutputError> for CliError {
    fn from(e: output::OutputError) -> Self {
        CliError::usage(e.to_string())
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::new(ExitKind::Failure, e.to_string())
    }
}

/// What a command returns.
pub type CliResult<T> = std::result::Result<T, CliError>;

/// Runs a command line (`argv[0]` first) with `env` as the process environment, printing
/// results on stdout and errors on stderr.
///
/// ```
/// use ferrocloud::config::Environment;
/// let env = Environment::from_vars(Vec::<(String, String)>::new());
/// let code = ferrocloud_cli::run(vec!["ferrocloud".into(), "no-such-command".into()], env);
/// assert_eq!(code, ferrocloud_cli::ExitKind::Usage);
/// ```
pub fn run(argv: Vec<String>, env: ferrocloud::config::Environment) -> ExitKind {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr();
    match run_to(argv, env, &mut stdout) {
        Ok(()) => {
            let _ = stdout.flush();
            ExitKind::Success
        }
        Err(Outcome::Help(text)) => {
            let _ = write!(stdout, "{text}");
            ExitKind::Success
        }
        Err(Outcome::Failed(e)) => {
            let _ = stdout.flush();
            let _ = writeln!(stderr, "Error: {e}");
            e.kind()
        }
    }
}

/// A command line's end other than success.
enum Outcome {
    /// `--help`, `--version`: text for stdout.
    Help(String),
    Failed(CliError),
}

fn run_to(
    argv: Vec<String>,
    env: ferrocloud::config::Environment,
    out: &mut dyn Write,
) -> std::result::Result<(), Outcome> {
    let scanned = args::scan(argv).map_err(Outcome::Failed)?;
    let cli = match commands::parse(&scanned.rest) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind as K;
            return match e.kind() {
                K::DisplayHelp | K::DisplayVersion => Err(Outcome::Help(e.render().to_string())),
                _ => Err(Outcome::Failed(CliError::usage(
                    e.render()
                        .to_string()
                        .trim_start_matches("error: ")
                        .trim_end(),
                ))),
            };
        }
    };
    let ctx = Context::new(scanned.options, env, &cli.global).map_err(Outcome::Failed)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Outcome::Failed(e.into()))?;
    runtime
        .block_on(commands::dispatch(&ctx, cli.command, out))
        .map_err(Outcome::Failed)
}

/// The binary's entry point: [`run`] with the process's arguments and environment.
pub fn main() -> std::process::ExitCode {
    let code = run(
        std::env::args().collect(),
        ferrocloud::config::Environment::from_process(),
    );
    std::process::ExitCode::from(code.code())
}
