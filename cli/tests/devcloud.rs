//! The `ferrocloud` binary against the project's real local cloud (`scripts/devcloud
//! up full`): the common commands in every output format, names or IDs, progress of an
//! upload, waits, the generic and raw commands, and exit codes from real answers.
//!
//! Ignored by a plain `cargo test`; `scripts/test` runs them with `--ignored`, with
//! `OS_CLIENT_CONFIG_FILE` naming the devcloud's clouds.yaml.

use assert_cmd::Command;
use serde_json::Value;

const NEEDS: &str = "needs the devcloud: scripts/devcloud up full";

/// The binary as the devcloud's `cloud` entry (`devcloud`: demo, member;
/// `devcloud-admin`: admin).
fn ferrocloud(cloud: &str) -> Command {
    let mut c = Command::cargo_bin("ferrocloud").expect("the ferrocloud binary");
    c.env("OS_CLOUD", cloud).env_remove("OS_REGION_NAME");
    c
}

fn run(cloud: &str, args: &[&str]) -> std::process::Output {
    ferrocloud(cloud).args(args).output().unwrap()
}

/// Runs a command that must succeed, and gives its stdout.
fn ok(cloud: &str, args: &[&str]) -> String {
    let out = run(cloud, args);
    assert!(
        out.status.success(),
        "ferrocloud {}: {:?}\n{}",
        args.join(" "),
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn ok_json(cloud: &str, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["-f", "json"]);
    let text = ok(cloud, &all);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("ferro-cli-{prefix}-{}-{nanos:x}", std::process::id())
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn token_catalog_and_endpoints() {
    let _ = NEEDS;
    let token = ok_json("devcloud", &["token", "issue"]);
    assert!(
        token["id"].as_str().is_some_and(|t| t.len() > 20),
        "{token}"
    );
    assert!(token["expires"].as_str().is_some());
    assert!(token["project_id"].as_str().is_some());

    let catalog = ok_json("devcloud", &["catalog", "list"]);
    let types: Vec<&str> = catalog
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["Type"].as_str().unwrap())
        .collect();
    for t in ["identity", "compute", "network", "image"] {
        assert!(types.contains(&t), "{t} not in {types:?}");
    }
    let compute = ok_json("devcloud", &["catalog", "show", "compute"]);
    assert!(
        compute["endpoints"]
            .as_str()
            .unwrap()
            .contains("public: http://127.0.0.1")
    );

    let endpoints = ok_json(
        "devcloud-admin",
        &[
            "endpoint",
            "list",
            "--service",
            "compute",
            "--interface",
            "public",
        ],
    );
    let endpoints = endpoints.as_array().unwrap();
    assert_eq!(endpoints.len(), 1, "{endpoints:?}");
    assert_eq!(endpoints[0]["Service Type"], "compute");
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn flavors_in_every_output_format() {
    let table = ok("devcloud", &["flavor", "list"]);
    let header = table.lines().nth(1).unwrap();
    for col in [
        "ID",
        "Name",
        "RAM",
        "Disk",
        "Ephemeral",
        "VCPUs",
        "Is Public",
    ] {
        assert!(header.contains(col), "{col}: {header}");
    }
    assert!(table.contains("m1.tiny") && table.starts_with('+'));

    let json = ok_json("devcloud", &["flavor", "list", "--sort-column", "RAM"]);
    let rams: Vec<i64> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["RAM"].as_i64().unwrap())
        .collect();
    assert!(rams.windows(2).all(|w| w[0] <= w[1]), "{rams:?}");
    assert_eq!(json[0]["Name"], "m1.nano");

    let yaml = ok(
        "devcloud",
        &["flavor", "list", "-f", "yaml", "-c", "Name", "-c", "RAM"],
    );
    assert!(yaml.contains("- Name: m1.tiny\n  RAM: 512\n"), "{yaml}");

    let values = ok(
        "devcloud",
        &[
            "flavor",
            "list",
            "-f",
            "value",
            "-c",
            "Name",
            "--sort-column",
            "Name",
        ],
    );
    assert!(values.lines().any(|l| l == "m1.small"), "{values}");

    let csv = ok(
        "devcloud",
        &["flavor", "list", "-f", "csv", "-c", "ID", "-c", "Name"],
    );
    assert!(csv.starts_with("\"ID\",\"Name\"\n"), "{csv}");
    assert!(csv.contains("\"1\",\"m1.tiny\""), "{csv}");

    // By name or by ID, the same flavor.
    let by_name = ok_json("devcloud", &["flavor", "show", "m1.tiny"]);
    let by_id = ok_json("devcloud", &["flavor", "show", "1"]);
    assert_eq!(by_name, by_id);
    assert_eq!(by_name["ram"], 512);

    let shell = ok(
        "devcloud",
        &[
            "flavor", "show", "m1.tiny", "-f", "shell", "-c", "name", "--prefix", "f_",
        ],
    );
    assert_eq!(shell.trim(), "f_name=\"m1.tiny\"");
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn identity_lists_and_exit_codes_of_real_answers() {
    let projects = ok_json("devcloud-admin", &["project", "list"]);
    assert!(
        projects
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["Name"] == "demo")
    );
    let demo = ok_json("devcloud-admin", &["project", "show", "demo"]);
    assert_eq!(demo["name"], "demo");
    let users = ok_json("devcloud-admin", &["user", "list", "--long"]);
    assert!(
        users
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["Name"] == "demo" && u["Enabled"] == true)
    );

    // 403: a member may not list users.
    let out = run("devcloud", &["user", "list"]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // 404 and no such name.
    let out = run("devcloud", &["server", "show", "no-such-server-anywhere"]);
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // 401: a wrong password, never printed.
    let out = ferrocloud("devcloud")
        .args([
            "--os-password",
            "wrong-password-xyz",
            "--os-auth-type",
            "password",
        ])
        .args(["flavor", "list"])
        .output()
        .unwrap();
    // The file's password wins over --os-password (openstackclient's rule); with the
    // cloud's own password the command succeeds.
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::cargo_bin("ferrocloud")
        .unwrap()
        .env_remove("OS_CLOUD")
        .args([
            "--os-auth-url",
            "http://127.0.0.1:5000/v3",
            "--os-username",
            "demo",
            "--os-password",
            "wrong-password-xyz",
            "--os-project-name",
            "demo",
            "--os-user-domain-name",
            "Default",
            "--os-project-domain-name",
            "Default",
            "--os-region-name",
            "RegionOne",
            "token",
            "issue",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("wrong-password-xyz"), "{err}");
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn images_upload_and_download_with_progress() {
    let dir = std::env::temp_dir().join(unique("img"));
    std::fs::create_dir_all(&dir).unwrap();
    let data: Vec<u8> = (0..3 * 1024 * 1024u32).map(|i| (i % 251) as u8).collect();
    let file = dir.join("disk.raw");
    std::fs::write(&file, &data).unwrap();
    let name = unique("image");

    let out = ferrocloud("devcloud")
        .env("FERROCLOUD_PROGRESS", "always")
        .args([
            "image",
            "create",
            &name,
            "--file",
            file.to_str().unwrap(),
            "-f",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Uploaded 3.0 MiB in "), "{err}");
    let created: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(created["status"], "active");
    assert_eq!(created["size"], data.len());

    let saved = dir.join("saved.raw");
    let out = ferrocloud("devcloud")
        .env("FERROCLOUD_PROGRESS", "always")
        .args(["image", "save", &name, "--file", saved.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("Downloaded 3.0 MiB"));
    assert_eq!(std::fs::read(&saved).unwrap(), data);

    // Quiet: no progress at all.
    let out = ferrocloud("devcloud")
        .env("FERROCLOUD_PROGRESS", "always")
        .args([
            "-q",
            "image",
            "save",
            &name,
            "--file",
            saved.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.stderr.is_empty());

    let listed = ok_json("devcloud", &["image", "list", "--name", &name, "--long"]);
    assert_eq!(listed[0]["Size"], data.len());
    ok("devcloud", &["image", "delete", &name]);
    let out = run("devcloud", &["image", "show", &name]);
    assert_eq!(out.status.code(), Some(4));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn networks_by_name_and_the_neutron_listings() {
    let name = unique("net");
    let created = ok_json(
        "devcloud",
        &["network", "create", &name, "--description", "cli test"],
    );
    assert_eq!(created["name"], name.as_str());
    assert_eq!(created["description"], "cli test");
    let shown = ok_json("devcloud", &["network", "show", &name]);
    assert_eq!(shown["id"], created["id"]);
    let listed = ok_json("devcloud", &["network", "list", "--name", &name, "--long"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["State"], true);
    ok("devcloud", &["network", "delete", &name]);
    assert_eq!(
        run("devcloud", &["network", "show", &name]).status.code(),
        Some(4)
    );

    let subnets = ok_json("devcloud", &["subnet", "list"]);
    assert!(
        subnets
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["Name"] == "private-subnet")
    );
    let routers = ok_json("devcloud", &["router", "list"]);
    assert!(
        routers
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["Name"] == "router1")
    );
    ok_json("devcloud", &["port", "list", "--long"]);
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn servers_created_waited_for_and_deleted() {
    let name = unique("srv");
    let created = ok_json(
        "devcloud",
        &[
            "server",
            "create",
            &name,
            "--flavor",
            "m1.nano",
            "--image",
            "devcloud-raw",
            "--network",
            "private",
            "--property",
            "role=cli",
            "--wait",
        ],
    );
    assert_eq!(created["status"], "ACTIVE", "{created}");
    assert_eq!(created["metadata"]["role"], "cli");
    let listed = ok_json("devcloud", &["server", "list", "--name", &name]);
    let row = &listed[0];
    assert_eq!(row["Status"], "ACTIVE");
    assert!(
        row["Networks"].as_str().unwrap().starts_with("private="),
        "{row}"
    );
    assert_eq!(row["Flavor"], "42");
    ok("devcloud", &["server", "stop", &name]);
    ok("devcloud", &["server", "delete", &name, "--wait"]);
    assert_eq!(
        run("devcloud", &["server", "show", &name]).status.code(),
        Some(4)
    );
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn generic_and_raw_commands() {
    let flavors = ok_json(
        "devcloud",
        &["operation", "call", "compute.v2.flavors.list-detail"],
    );
    assert!(
        flavors
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["name"] == "m1.tiny"),
        "{flavors}"
    );
    let one = ok(
        "devcloud",
        &["operation", "call", "compute.v2.flavors.get", "flavor_id=1"],
    );
    let one: Value = serde_json::from_str(&one).unwrap();
    assert_eq!(one["flavor"]["name"], "m1.tiny");
    let limited = ok("devcloud", &["api", "compute", "GET", "/flavors?limit=2"]);
    let limited: Value = serde_json::from_str(&limited).unwrap();
    assert_eq!(limited["flavors"].as_array().unwrap().len(), 2);
    // A microversion the service lacks: the service's 406 is a usage-independent failure.
    let out = run(
        "devcloud",
        &[
            "api",
            "compute",
            "GET",
            "/flavors",
            "--microversion",
            "9.99",
        ],
    );
    assert!(!out.status.success());
    let out = run("devcloud", &["api", "compute", "GET", "/no-such-thing"]);
    assert_eq!(out.status.code(), Some(4));
}
