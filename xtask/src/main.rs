//! `cargo xtask <task>`: maintenance tasks for ferrocloud.

use std::path::Path;
use std::process::ExitCode;

use xtask::conformance::Report;
use xtask::coverage::Coverage;

const USAGE: &str = "\
usage: cargo xtask <task> [options]

tasks:
  coverage [--missing]      documented operations the SDK implements, per service;
                            --missing lists every missing and skipped operation
  coverage --live FILE [--missing]
                            the implemented operations that ran against the real
                            services, from the log the devcloud tests write when
                            FERROCLOUD_OPERATIONS_LOG names FILE; --missing lists the
                            ones that did not run or were only refused
  conformance [--verbose]   decode every sample of the implemented operations with the
                            SDK's types; --verbose lists every sample, its microversion
                            and the fields the SDK drops
  fuzz [--seconds N] [--seed N] [target...]
                            mutation fuzzing of the SDK's parsers (N seconds per target,
                            default 10); crashes are saved under fuzz/crashes/
  fakecloud-suite [--build-log FILE]
                            the devcloud suite's identity, compute, networking, block
                            storage, image and object storage tests against the fake
                            cloud; fails on a failure not named in
                            fakecloud/known-differences.txt. The binaries come from
                            FILE, the JSON messages of `cargo test --workspace
                            --all-features --no-run --message-format=json`, or from
                            running that build";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, flags) = match args.split_first() {
        Some((task, flags)) => (task.as_str(), flags),
        None => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if task == "fuzz" {
        return fuzz(flags);
    }
    if task == "fakecloud-suite" {
        return match flags {
            [] => fakecloud_suite(None),
            [flag, file] if flag == "--build-log" => fakecloud_suite(Some(file)),
            _ => {
                eprintln!("fakecloud-suite takes [--build-log FILE]\n\n{USAGE}");
                ExitCode::from(2)
            }
        };
    }
    if task == "coverage" && flags.iter().any(|f| f == "--live") {
        return live(flags);
    }
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

fn live(flags: &[String]) -> ExitCode {
    let mut file = None;
    let mut list = false;
    let mut it = flags.iter();
    while let Some(f) = it.next() {
        match f.as_str() {
            "--live" => match it.next() {
                Some(path) => file = Some(path.clone()),
                None => {
                    eprintln!("--live takes the operations log's path\n\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--missing" => list = true,
            other => {
                eprintln!("unknown option {other:?} for coverage --live\n\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(file) = file else {
        return ExitCode::from(2);
    };
    let log = match std::fs::read_to_string(&file) {
        Ok(log) => log,
        Err(e) => {
            eprintln!("error: cannot read {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (index, skips) = match xtask::load(&xtask::conformance_dir()) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let ops = ferrocloud::openstack::all_operations();
    let coverage = Coverage::compute(&index, &ops, &skips);
    let live = xtask::live::Live::compute(&index, &ops, &coverage, &log);
    // Lines naming no SDK operation (requests the tests declare for their own set-up)
    // are listed, not failed.
    print!("{}", live.render(&index, list));
    ExitCode::SUCCESS
}

fn fuzz(flags: &[String]) -> ExitCode {
    let mut seconds = 10u64;
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1);
    let mut names = Vec::new();
    let mut it = flags.iter();
    while let Some(f) = it.next() {
        let mut value = |what: &str| -> Option<u64> {
            let v = it.next().and_then(|v| v.parse().ok());
            if v.is_none() {
                eprintln!("{what} takes a number");
            }
            v
        };
        match f.as_str() {
            "--seconds" => match value("--seconds") {
                Some(v) => seconds = v,
                None => return ExitCode::from(2),
            },
            "--seed" => match value("--seed") {
                Some(v) => seed = v,
                None => return ExitCode::from(2),
            },
            other if other.starts_with("--") => {
                eprintln!("unknown option {other:?} for fuzz\n\n{USAGE}");
                return ExitCode::from(2);
            }
            name => names.push(name.to_string()),
        }
    }
    let root = xtask::conformance_dir();
    let targets = match xtask::fuzz::targets(&root) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(bad) = names.iter().find(|n| !targets.iter().any(|t| &t.name == n)) {
        let known: Vec<&str> = targets.iter().map(|t| t.name).collect();
        eprintln!("unknown fuzz target {bad:?}; targets: {}", known.join(", "));
        return ExitCode::from(2);
    }
    let crash_dir = root.join("../fuzz/crashes");
    let regressions = root.join("../fuzz/regressions");
    let mut failed = false;
    let (mut total, mut crashes) = (0u64, 0usize);
    println!("seed {seed}, {seconds} s per target");
    for t in targets
        .iter()
        .filter(|t| names.is_empty() || names.iter().any(|n| n == t.name))
    {
        let still = xtask::fuzz::replay(t, &regressions);
        let stats = xtask::fuzz::run(t, std::time::Duration::from_secs(seconds), seed, &crash_dir);
        println!(
            "  {:<12} {:>4} seeds {:>9} inputs {:>3} crashes",
            t.name,
            t.seeds.len(),
            stats.execs,
            stats.crashes.len() + still.len()
        );
        for p in stats.crashes.iter().chain(&still) {
            println!("    crash: {}", p.display());
        }
        failed |= !stats.crashes.is_empty() || !still.is_empty();
        total += stats.execs;
        crashes += stats.crashes.len() + still.len();
    }
    println!("fuzz: {total} inputs, {crashes} crashes");
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn fakecloud_suite(build_log: Option<&String>) -> ExitCode {
    use xtask::suite;
    let run = || -> Result<bool, String> {
        let path = xtask::workspace().join(suite::KNOWN_FILE);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("reading {}: {e}", path.display()))?;
        let known = suite::parse_known(&text).map_err(|e| format!("{}: {e}", suite::KNOWN_FILE))?;
        let bins = suite::Binaries::from_log_or_build(build_log.map(Path::new), None)?;
        let names = suite::tests(&bins.suite)?;
        let fake = suite::Fake::spawn(&bins.fake)?;
        let outcome = suite::run(&bins.suite, &fake.env(), &names)?;
        let verdict = suite::Verdict::of(&outcome, &known, &names);
        println!(
            "fake cloud: {} of {} devcloud tests ({}) pass against the fake in {:.1} s; {} \
             known differences in {}",
            outcome.passed.len(),
            names.len(),
            suite::PREFIXES.join(", "),
            outcome.elapsed.as_secs_f64(),
            known.len(),
            suite::KNOWN_FILE
        );
        for name in &verdict.unexpected {
            println!("FAILED, not a known difference: {name}");
        }
        for name in &verdict.stale {
            println!("listed, but no such test: {name}");
        }
        for name in &verdict.now_passing {
            println!("note: passes now, take it off the list: {name}");
        }
        Ok(verdict.ok())
    };
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
