//! The fake cloud against the devcloud, side by side in one run: the fake's start-up
//! (spawning its binary until it prints its URL, median of 15), and the devcloud
//! suite's tests of the six services the fake serves, timed against the fake and, when
//! the devcloud answers on 127.0.0.1:5000, against the devcloud.
//!
//! `cargo bench -p xtask --bench fakecloud --profile dev` (it times other processes: its
//! own profile does not matter). The suite and the fake come from the JSON messages of
//! `cargo test --workspace --all-features --no-run --message-format=json` in the file
//! `FERROCLOUD_SUITE_BUILD_LOG` names, or from that build run in
//! `<target>/fakecloud-bench` (the bench's own target directory is locked while it
//! runs). Last line: `fakecloud: start <ms> ms, suite <s> s (devcloud <s> s)`.

use std::time::Duration;

use xtask::suite;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| xtask::workspace().join("target"))
        .join("fakecloud-bench");
    let log = std::env::var_os("FERROCLOUD_SUITE_BUILD_LOG").map(std::path::PathBuf::from);
    let bins = suite::Binaries::from_log_or_build(log.as_deref(), Some(&target))
        .expect("the suite and the fake");
    let (binary, bin) = (bins.suite, bins.fake);
    let names = suite::tests(&binary).expect("its tests");
    let mut starts: Vec<Duration> = (0..15)
        .map(|_| suite::Fake::spawn(&bin).expect("the fake cloud").started_in)
        .collect();
    starts.sort();
    let start = starts[starts.len() / 2];
    println!(
        "start: median {:.1} ms (min {:.1}, max {:.1})",
        ms(start),
        ms(starts[0]),
        ms(starts[starts.len() - 1])
    );

    let fake = suite::Fake::spawn(&bin).expect("the fake cloud");
    let on_fake = suite::run(&binary, &fake.env(), &names).expect("the suite on the fake");
    println!(
        "suite on the fake: {} of {} pass in {:.1} s",
        on_fake.passed.len(),
        names.len(),
        on_fake.elapsed.as_secs_f64()
    );
    drop(fake);

    let devcloud = if std::net::TcpStream::connect("127.0.0.1:5000").is_ok() {
        let url = std::env::var("FERROCLOUD_DEVCLOUD_AUTH_URL")
            .unwrap_or_else(|_| "http://127.0.0.1:5000/v3".into());
        let env = [("FERROCLOUD_DEVCLOUD_AUTH_URL", url)];
        let on_devcloud = suite::run(&binary, &env, &names).expect("the suite on the devcloud");
        println!(
            "suite on the devcloud: {} of {} pass in {:.1} s",
            on_devcloud.passed.len(),
            names.len(),
            on_devcloud.elapsed.as_secs_f64()
        );
        for name in &on_devcloud.failed {
            println!("  failed on the devcloud: {name}");
        }
        format!("devcloud {:.1} s", on_devcloud.elapsed.as_secs_f64())
    } else {
        "devcloud not running".to_string()
    };
    println!(
        "fakecloud: start {:.1} ms, suite {:.1} s ({devcloud})",
        ms(start),
        on_fake.elapsed.as_secs_f64()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
