//! The `ferrocloud` command-line client: openstackclient's commands and options over the
//! ferrocloud SDK.

pub mod output;
pub mod progress;

/// Runs the command line of this process and gives its exit code.
pub fn main() -> std::process::ExitCode {
    std::process::ExitCode::SUCCESS
}
