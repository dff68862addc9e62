//! `cargo xtask <task>`: maintenance tasks for ferrocloud.

use std::process::ExitCode;

use xtask::conformance::Report;
use xtask::coverage::Coverage;

const USAGE: &str = "\
usage: cargo xtask <task> [options]

tasks:
  coverage [--missing]      documented operations the SDK implements, per service;
                            --missing lists every missing and skipped operation
  conformance [--verbose]   decode every sample of the implemented operations with the
                            SDK's types; --verbose lists every sample, its microversion
                            and the fields the SDK drops";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, flags) = match args.split_first() {
        Some((task, flags)) => (task.as_str(), flags),
        None => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let allowed: &[&str] = match task {
        "coverage" => &["--missing"],
        "conformance" => &["--verbose"],
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("unknown task {task:?}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(bad) = flags.iter().find(|f| !allowed.contains(&f.as_str())) {
        eprintln!("unknown option {bad:?} for {task}\n\n{USAGE}");
        return ExitCode::from(2);
    }
    let flag = !flags.is_empty();

    let (index, skips) = match xtask::load(&xtask::conformance_dir()) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let ops = ferrocloud::openstack::all_operations();
    let coverage = Coverage::compute(&index, &ops, &skips);
    let ok = if task == "coverage" {
        print!("{}", coverage.render(&index, flag));
        coverage.is_ok()
    } else {
        let report = Report::run(&index, &ops, &coverage, &skips);
        if !coverage.is_ok() {
            println!(
                "note: {} problem(s) in the coverage (see `cargo xtask coverage`); the samples of \
                 SDK operations that match nothing documented are not checked\n",
                coverage.errors.len()
            );
        }
        print!("{}", report.render(flag));
        !report.failed()
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
