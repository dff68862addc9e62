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

/// Asserts that a `show` command answers "not found" (exit code 4).
fn assert_gone(cloud: &str, args: &[&str]) {
    let out = run(cloud, args);
    assert_eq!(
        out.status.code(),
        Some(4),
        "ferrocloud {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
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
    assert_gone("devcloud", &["network", "show", &name]);

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
    assert_gone("devcloud", &["server", "show", &name]);
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

/// Runs a command with progress forced on: its stdout as JSON, and its stderr.
fn ok_json_progress(cloud: &str, args: &[&str]) -> (Value, String) {
    let out = ferrocloud(cloud)
        .env("FERROCLOUD_PROGRESS", "always")
        .args(args)
        .args(["-f", "json"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "ferrocloud {}: {err}", args.join(" "));
    let text = String::from_utf8(out.stdout).unwrap();
    (
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}")),
        err,
    )
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn volumes_snapshots_and_attachments_with_waits() {
    let name = unique("vol");
    let (volume, err) = ok_json_progress(
        "devcloud",
        &[
            "volume",
            "create",
            &name,
            "--size",
            "1",
            "--property",
            "role=cli",
            "--wait",
        ],
    );
    assert_eq!(volume["status"], "available", "{volume}");
    assert_eq!(volume["metadata"]["role"], "cli");
    let id = volume["id"].as_str().unwrap();
    assert!(err.contains(&format!("volume {id}: available (")), "{err}");

    let snap = unique("snap");
    let (snapshot, _) = ok_json_progress(
        "devcloud",
        &[
            "volume", "snapshot", "create", &snap, "--volume", &name, "--wait",
        ],
    );
    assert_eq!(snapshot["status"], "available");
    assert_eq!(snapshot["volume_id"], id);
    let listed = ok_json("devcloud", &["snapshot", "list", "--name", &snap, "--long"]);
    assert_eq!(listed[0]["Volume"], id);

    let server = unique("vsrv");
    ok_json(
        "devcloud",
        &[
            "server",
            "create",
            &server,
            "--flavor",
            "m1.nano",
            "--image",
            "devcloud-raw",
            "--network",
            "private",
            "--wait",
        ],
    );
    let (attachment, err) = ok_json_progress(
        "devcloud",
        &["server", "add", "volume", &server, &name, "--wait"],
    );
    assert_eq!(attachment["volumeId"], id, "{attachment}");
    assert!(err.contains("in-use ("), "{err}");
    let listed = ok_json("devcloud", &["volume", "list", "--name", &name]);
    assert_eq!(listed[0]["Status"], "in-use");
    assert!(
        listed[0]["Attached to"]
            .as_str()
            .unwrap()
            .starts_with("Attached to "),
        "{listed}"
    );
    // In use: Cinder refuses the deletion (400), which is not a usage error here.
    let out = run("devcloud", &["volume", "delete", &name]);
    assert!(!out.status.success());
    ok(
        "devcloud",
        &["server", "remove", "volume", &server, &name, "--wait"],
    );
    assert_eq!(
        ok_json("devcloud", &["volume", "show", &name])["status"],
        "available"
    );
    ok("devcloud", &["server", "delete", &server, "--wait"]);
    ok("devcloud", &["snapshot", "delete", &snap, "--wait"]);
    ok("devcloud", &["volume", "delete", &name, "--wait"]);
    assert_gone("devcloud", &["volume", "show", &name]);
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn floating_ips_and_security_groups() {
    let group = unique("sg");
    let created = ok_json(
        "devcloud",
        &[
            "security",
            "group",
            "create",
            &group,
            "--description",
            "cli",
        ],
    );
    assert_eq!(created["description"], "cli");
    let rule = ok_json(
        "devcloud",
        &[
            "security",
            "group",
            "rule",
            "create",
            &group,
            "--protocol",
            "tcp",
            "--dst-port",
            "8000:8080",
            "--remote-ip",
            "192.0.2.0/24",
        ],
    );
    assert_eq!(rule["port_range_min"], 8000);
    assert_eq!(rule["port_range_max"], 8080);
    assert_eq!(rule["direction"], "ingress");
    let rules = ok_json("devcloud", &["security", "group", "rule", "list", &group]);
    let row = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ID"] == rule["id"])
        .unwrap_or_else(|| panic!("{rules}"));
    assert_eq!(row["Port Range"], "8000:8080");
    assert_eq!(row["IP Range"], "192.0.2.0/24");
    // A bad range never reaches the server.
    let out = run(
        "devcloud",
        &[
            "security",
            "group",
            "rule",
            "create",
            &group,
            "--dst-port",
            "90:80",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    ok(
        "devcloud",
        &[
            "security",
            "group",
            "rule",
            "delete",
            rule["id"].as_str().unwrap(),
        ],
    );
    ok("devcloud", &["security", "group", "delete", &group]);
    assert_gone("devcloud", &["security", "group", "show", &group]);

    let fip = ok_json("devcloud", &["floating", "ip", "create", "public"]);
    let address = fip["floating_ip_address"].as_str().unwrap().to_string();
    let shown = ok_json("devcloud", &["floating", "ip", "show", &address]);
    assert_eq!(shown["id"], fip["id"]);
    let listed = ok_json("devcloud", &["floating", "ip", "list"]);
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["Floating IP Address"] == address.as_str())
    );
    ok("devcloud", &["floating", "ip", "delete", &address]);
    assert_gone("devcloud", &["floating", "ip", "show", &address]);
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn containers_and_objects_with_progress_and_large_objects() {
    let dir = std::env::temp_dir().join(unique("obj"));
    std::fs::create_dir_all(&dir).unwrap();
    let data: Vec<u8> = (0..3 * 1024 * 1024u32).map(|i| (i % 253) as u8).collect();
    let file = dir.join("data.bin");
    std::fs::write(&file, &data).unwrap();
    let container = unique("c");
    ok("devcloud", &["container", "create", &container]);

    let out = ferrocloud("devcloud")
        .env("FERROCLOUD_PROGRESS", "always")
        .current_dir(&dir)
        .args(["object", "create", &container, "data.bin"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("Uploaded 3.0 MiB in "), "{err}");
    // The same file as a static large object in 1 MiB segments.
    let out = ferrocloud("devcloud")
        .env("FERROCLOUD_PROGRESS", "always")
        .args(["object", "create", &container, file.to_str().unwrap()])
        .args(["--name", "big.bin", "--segment-size", "1"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("Uploaded 3.0 MiB in "), "{err}");

    let big = ok_json("devcloud", &["object", "show", &container, "big.bin"]);
    assert_eq!(big["static_large_object"], true, "{big}");
    assert_eq!(big["content-length"], data.len());
    let listed = ok_json("devcloud", &["object", "list", &container, "--long"]);
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["Name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["big.bin", "data.bin"]);
    assert_eq!(listed[1]["Bytes"], data.len());

    for object in ["data.bin", "big.bin"] {
        let saved = dir.join(format!("saved-{object}"));
        let out = ferrocloud("devcloud")
            .env("FERROCLOUD_PROGRESS", "always")
            .args([
                "object",
                "save",
                &container,
                object,
                "--file",
                saved.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
        assert!(err.contains("Downloaded 3.0 MiB"), "{err}");
        assert_eq!(std::fs::read(&saved).unwrap(), data, "{object}");
    }
    let shown = ok_json("devcloud", &["container", "show", &container]);
    assert_eq!(shown["object_count"], 2);

    // Deleting the large object takes its segments too.
    ok("devcloud", &["object", "delete", &container, "big.bin"]);
    let segments = ok_json(
        "devcloud",
        &["container", "show", &format!("{container}_segments")],
    );
    assert_eq!(segments["object_count"], 0, "{segments}");
    // Not empty: refused; recursive: done.
    let out = run("devcloud", &["container", "delete", &container]);
    assert_eq!(out.status.code(), Some(5));
    ok(
        "devcloud",
        &["container", "delete", "--recursive", &container],
    );
    ok(
        "devcloud",
        &["container", "delete", &format!("{container}_segments")],
    );
    assert_gone("devcloud", &["container", "show", &container]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn stacks_created_and_deleted_with_waits() {
    let dir = std::env::temp_dir().join(unique("stack"));
    std::fs::create_dir_all(&dir).unwrap();
    let template = dir.join("t.yaml");
    std::fs::write(
        &template,
        "heat_template_version: 2018-08-31\nparameters:\n  length: {type: number, default: 8}\n\
         resources:\n  random:\n    type: OS::Heat::RandomString\n    properties:\n      length: {get_param: length}\n\
         outputs:\n  value: {value: {get_attr: [random, value]}}\n",
    )
    .unwrap();
    let env = dir.join("env.yaml");
    std::fs::write(&env, "parameters:\n  length: 12\n").unwrap();
    let name = unique("stack");
    let (stack, err) = ok_json_progress(
        "devcloud",
        &[
            "stack",
            "create",
            &name,
            "-t",
            template.to_str().unwrap(),
            "-e",
            env.to_str().unwrap(),
            "--wait",
        ],
    );
    assert_eq!(stack["stack_status"], "CREATE_COMPLETE", "{stack}");
    assert_eq!(stack["parameters"]["length"], "12", "{stack}");
    assert!(err.contains("CREATE_COMPLETE ("), "{err}");
    let listed = ok_json("devcloud", &["stack", "list", "--name", &name]);
    assert_eq!(listed[0]["Stack Status"], "CREATE_COMPLETE");
    ok("devcloud", &["stack", "delete", &name, "--wait"]);
    assert_gone("devcloud", &["stack", "show", &name]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn zones_and_recordsets() {
    let zone = format!("{}.org.", unique("zone"));
    let (created, _) = ok_json_progress(
        "devcloud",
        &[
            "zone",
            "create",
            &zone,
            "--email",
            "ops@example.org",
            "--ttl",
            "600",
            "--wait",
        ],
    );
    assert_eq!(created["status"], "ACTIVE", "{created}");
    let rs = ok_json(
        "devcloud",
        &[
            "recordset",
            "create",
            &zone,
            "www",
            "--type",
            "A",
            "--record",
            "192.0.2.10",
            "--record",
            "192.0.2.11",
        ],
    );
    assert_eq!(rs["name"], format!("www.{zone}"));
    let listed = ok_json("devcloud", &["recordset", "list", &zone, "--type", "A"]);
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    let shown = ok_json("devcloud", &["recordset", "show", &zone, "www"]);
    assert_eq!(shown["id"], rs["id"]);
    ok("devcloud", &["recordset", "delete", &zone, "www"]);
    ok("devcloud", &["zone", "delete", &zone, "--wait"]);
    assert_gone("devcloud", &["zone", "show", &zone]);
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn load_balancers_and_shares_with_waits() {
    let name = unique("lb");
    let (lb, err) = ok_json_progress(
        "devcloud",
        &[
            "loadbalancer",
            "create",
            "--name",
            &name,
            "--vip-subnet-id",
            "private-subnet",
            "--wait",
        ],
    );
    assert_eq!(lb["provisioning_status"], "ACTIVE", "{lb}");
    assert!(err.contains(": ACTIVE ("), "{err}");
    let listed = ok_json("devcloud", &["loadbalancer", "list", "--name", &name]);
    assert_eq!(listed[0]["Provisioning Status"], "ACTIVE");
    // A listener under it: Octavia refuses a plain delete, `--cascade` takes both.
    let body = serde_json::json!({"listener": {
        "loadbalancer_id": lb["id"], "protocol": "HTTP", "protocol_port": 80,
    }});
    let listener = ok(
        "devcloud",
        &[
            "operation",
            "call",
            "loadbalancer.v2.listeners.create",
            "-d",
            &body.to_string(),
        ],
    );
    let listener: Value = serde_json::from_str(&listener).unwrap();
    let listener_id = listener["listener"]["id"].as_str().unwrap().to_string();
    let mut active = false;
    for _ in 0..120 {
        let shown = ok_json("devcloud", &["loadbalancer", "show", &name]);
        active = shown["provisioning_status"] == "ACTIVE";
        if active {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    assert!(
        active,
        "the load balancer did not settle after the listener"
    );
    let refused = run("devcloud", &["loadbalancer", "delete", &name]);
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("children"), "{err}");
    ok(
        "devcloud",
        &["loadbalancer", "delete", &name, "--cascade", "--wait"],
    );
    assert_gone("devcloud", &["loadbalancer", "show", &name]);
    let listener_gone = run(
        "devcloud",
        &[
            "operation",
            "call",
            "loadbalancer.v2.listeners.get",
            &listener_id,
        ],
    );
    assert_eq!(listener_gone.status.code(), Some(4));

    let share = unique("share");
    let (created, _) = ok_json_progress(
        "devcloud",
        &["share", "create", "NFS", "1", "--name", &share, "--wait"],
    );
    assert_eq!(created["status"], "available", "{created}");
    let listed = ok_json("devcloud", &["share", "list", "--name", &share]);
    assert_eq!(listed[0]["Share Proto"], "NFS");
    ok("devcloud", &["share", "delete", &share, "--wait"]);
    assert_gone("devcloud", &["share", "show", &share]);
}

#[test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
fn role_assignments_quotas_and_baremetal_nodes() {
    let rows = ok_json(
        "devcloud-admin",
        &[
            "role",
            "assignment",
            "list",
            "--user",
            "demo",
            "--project",
            "demo",
            "--names",
        ],
    );
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .any(|r| r["Role"] == "member" && r["User"] == "demo@Default"),
        "{rows}"
    );
    let quotas = ok_json("devcloud", &["quota", "show"]);
    for key in [
        "cores",
        "instances",
        "volumes",
        "gigabytes",
        "network",
        "port",
    ] {
        assert!(quotas[key].is_i64(), "{key}: {quotas}");
    }
    let compute_only = ok_json("devcloud-admin", &["quota", "show", "demo", "--compute"]);
    assert!(compute_only["cores"].is_i64() && compute_only["volumes"].is_null());
    assert_eq!(compute_only["project"], quotas["project"]);
    // The devcloud's Ironic has no nodes until a test enrolls one: a listing, maybe empty.
    ok_json("devcloud-admin", &["baremetal", "node", "list", "--long"]);
}
