//! `ferrocloud-fakecloud [--port N] [--clouds-yaml PATH] [fault options]`: serves a seeded
//! fake cloud on 127.0.0.1 until killed, and writes a `clouds.yaml` for it.

use std::time::Duration;

const USAGE: &str = "usage: ferrocloud-fakecloud [--port N] [--clouds-yaml PATH]
    [--latency-ms N] [--error-rate F] [--error-status N] [--rate-limit-rate F]
    [--retry-after N] [--token-uses N] [--token-lifetime-secs N] [--seed N]
    [--body-delay-ms N] [--cut-body-rate F]
    [--build-ms N] [--action-ms N] [--delete-ms N] [--max-microversion 2.N]
    [--max-body-bytes N] [--single-host] [--devcloud]

--devcloud mirrors the project's devcloud where it differs from the defaults: port 5000,
a single compute host (resizes find no other host) and microversions up to 2.102.";

fn value<T: std::str::FromStr>(args: &mut impl Iterator<Item = String>, flag: &str) -> T {
    let raw = args
        .next()
        .unwrap_or_else(|| fail(&format!("{flag} needs a value")));
    raw.parse()
        .unwrap_or_else(|_| fail(&format!("{flag}: {raw:?} is not a valid value")))
}

fn fail(message: &str) -> ! {
    eprintln!("ferrocloud-fakecloud: {message}\n{USAGE}");
    std::process::exit(2)
}

#[tokio::main]
async fn main() {
    let mut builder = fakecloud::FakeCloud::builder();
    let mut faults = fakecloud::Faults::default();
    let mut delays = fakecloud::Delays::default();
    let mut clouds_yaml: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--port" => builder = builder.port(value(&mut args, &flag)),
            "--single-host" => builder = builder.single_host(true),
            "--max-body-bytes" => builder = builder.max_body(value(&mut args, &flag)),
            "--devcloud" => {
                builder = builder
                    .port(5000)
                    .single_host(true)
                    .max_microversion(2, 102)
            }
            "--clouds-yaml" => clouds_yaml = Some(value(&mut args, &flag)),
            "--latency-ms" => faults.latency = Duration::from_millis(value(&mut args, &flag)),
            "--error-rate" => faults.error_rate = value(&mut args, &flag),
            "--error-status" => faults.error_status = value(&mut args, &flag),
            "--rate-limit-rate" => faults.rate_limit_rate = value(&mut args, &flag),
            "--retry-after" => faults.retry_after_secs = value(&mut args, &flag),
            "--token-uses" => faults.token_uses = Some(value(&mut args, &flag)),
            "--seed" => faults.seed = value(&mut args, &flag),
            "--body-delay-ms" => faults.body_delay = Duration::from_millis(value(&mut args, &flag)),
            "--cut-body-rate" => faults.cut_body_rate = value(&mut args, &flag),
            "--token-lifetime-secs" => {
                builder = builder.token_lifetime(Duration::from_secs(value(&mut args, &flag)))
            }
            "--build-ms" => delays.build = Duration::from_millis(value(&mut args, &flag)),
            "--action-ms" => delays.action = Duration::from_millis(value(&mut args, &flag)),
            "--delete-ms" => delays.delete = Duration::from_millis(value(&mut args, &flag)),
            "--max-microversion" => {
                let v: String = value(&mut args, &flag);
                let parsed = v
                    .split_once('.')
                    .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
                let Some((major, minor)) = parsed else {
                    fail(&format!("--max-microversion: {v:?} is not MAJOR.MINOR"))
                };
                builder = builder.max_microversion(major, minor);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            other => fail(&format!("unknown option {other:?}")),
        }
    }
    let cloud = match builder.faults(faults).delays(delays).start().await {
        Ok(c) => c,
        Err(e) => fail(&e.to_string()),
    };
    if let Some(path) = &clouds_yaml
        && let Err(e) = std::fs::write(path, cloud.clouds_yaml())
    {
        fail(&format!("writing {path}: {e}"));
    }
    println!("{}", cloud.auth_url());
    // Serves until the process is killed.
    std::future::pending::<()>().await;
    drop(cloud);
}
