//! The `ferrocloud` command.

fn main() -> std::process::ExitCode {
    ferrocloud_cli::main()
}
