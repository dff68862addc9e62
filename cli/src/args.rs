//! The `--os-*` options, taken out of the command line before the commands are parsed.
//!
//! openstackclient accepts every OpenStack setting as an `--os-<setting>` option
//! (`--os-cloud`, `--os-project-name`, `--os-compute-api-version`, …), plus `--insecure`
//! and `--os-cacert`; they may appear anywhere before `--`. They are handed to the SDK's
//! command-line configuration path ([`ferrocloud::config::CommandLine`]), which knows
//! them all, resolves them over `OS_*` variables and clouds.yaml with openstackclient's
//! precedence, and rejects a misspelt one by name.

use ferrocloud::config::CommandLine;

use crate::{CliError, CliResult};

/// The command line split in two: the OpenStack options, and the rest for the commands.
#[derive(Debug)]
pub struct Scanned {
    /// The `--os-*` options (and `--insecure`/`--verify`), as the SDK reads them.
    pub options: CommandLine,
    /// Everything else, `argv[0]` first.
    pub rest: Vec<String>,
}

/// Splits `argv` into the OpenStack options and the rest. An option's value follows it
/// (`--os-cloud lab`) or is joined with `=` (`--os-cloud=lab`); a missing value or an
/// unknown `--os-*` name is a usage error.
///
/// ```
/// let s = ferrocloud_cli::args::scan(
///     ["ferrocloud", "--os-cloud", "lab", "server", "list", "--os-region-name=R2", "--insecure", "--long"]
///         .map(String::from).to_vec()).unwrap();
/// assert_eq!(s.rest, ["ferrocloud", "server", "list", "--long"]);
/// let shown = format!("{:?}", s.options);
/// assert!(shown.contains("cloud=lab") && shown.contains("region_name=R2"));
/// assert!(ferrocloud_cli::args::scan(vec!["ferrocloud".into(), "--os-cloud".into()]).is_err());
/// assert!(ferrocloud_cli::args::scan(vec!["ferrocloud".into(), "--os-colour=x".into()]).is_err());
/// ```
pub fn scan(argv: Vec<String>) -> CliResult<Scanned> {
    let mut options = CommandLine::new();
    let mut rest = Vec::with_capacity(argv.len());
    let mut args = argv.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            rest.push(arg);
            rest.extend(args.by_ref());
            break;
        }
        match arg.as_str() {
            "--insecure" => {
                options = set(options, "--insecure", "true")?;
                continue;
            }
            "--verify" => {
                options = set(options, "--verify", "true")?;
                continue;
            }
            _ => {}
        }
        if !arg.starts_with("--os-") {
            rest.push(arg);
            continue;
        }
        let (name, value) = match arg.split_once('=') {
            Some((n, v)) => (n.to_string(), v.to_string()),
            None => {
                let v = args
                    .next()
                    .ok_or_else(|| CliError::usage(format!("{arg} needs a value")))?;
                (arg, v)
            }
        };
        options = set(options, &name, value)?;
    }
    Ok(Scanned { options, rest })
}

/// Sets one option; a name the SDK does not know is a usage error.
fn set(options: CommandLine, name: &str, value: impl Into<String>) -> CliResult<CommandLine> {
    options
        .option(name, value)
        .map_err(|e| CliError::usage(e.to_string()))
}
