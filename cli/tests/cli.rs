//! The `ferrocloud` binary without a cloud: usage and exit codes, configuration
//! precedence (`--os-*` over `OS_*` over clouds.yaml), the operation catalogue and
//! completion.

use assert_cmd::Command;

/// The binary with an empty environment, its configuration read from `dir` only.
fn ferrocloud(dir: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("ferrocloud").expect("the ferrocloud binary");
    c.env_clear()
        .env("HOME", dir)
        .env("OS_CLIENT_CONFIG_FILE", dir.join("clouds.yaml"));
    c
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("ferrocloud-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(
        d.join("clouds.yaml"),
        "clouds:
  lab:
    regions: [R1, R2, R3]
    region_name: R1
    interface: internal
    auth:
      auth_url: http://keystone.example:5000/v3
      username: alice
      password: from-the-file
      project_name: p1
      user_domain_name: Default
      project_domain_name: Default
",
    )
    .unwrap();
    d
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

#[test]
fn help_lists_the_commands_and_the_openstack_options() {
    let d = temp_dir("help");
    let out = ferrocloud(&d).arg("--help").output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    for word in [
        "server",
        "image",
        "network",
        "operation",
        "api",
        "--os-cloud",
        "Exit codes",
    ] {
        assert!(text.contains(word), "{word} missing from:\n{text}");
    }
}

#[test]
fn usage_errors_exit_2_and_name_the_problem() {
    let d = temp_dir("usage");
    let out = ferrocloud(&d).arg("no-such-command").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-command"), "{err}");

    // A misspelt OpenStack option is refused by name.
    let out = ferrocloud(&d)
        .args(["--os-pasword", "x", "config", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--os-pasword"));

    // A bad output column names the ones there are.
    let out = ferrocloud(&d)
        .args(["--os-cloud", "lab", "config", "show", "-c", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope"));
}

#[test]
fn configuration_follows_openstackclients_precedence_and_masks_secrets() {
    let d = temp_dir("precedence");
    // The file alone.
    let out = ferrocloud(&d)
        .args(["--os-cloud", "lab", "config", "show", "-f", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["cloud"], "lab");
    assert_eq!(v["region_name"], "R1");
    assert_eq!(v["interface"], "internal");
    assert_eq!(v["auth.username"], "alice");
    assert_eq!(v["auth.password"], "<masked>");
    assert!(!stdout(&out).contains("from-the-file"));

    // OS_* variables replace the scope and the region, but not the file's credentials;
    // the cloud can come from OS_CLOUD.
    let out = ferrocloud(&d)
        .env("OS_CLOUD", "lab")
        .env("OS_REGION_NAME", "R2")
        .env("OS_PROJECT_NAME", "p2")
        .env("OS_USERNAME", "bob")
        .env("OS_PASSWORD", "from-the-environment")
        .args(["config", "show", "-f", "json"])
        .output()
        .unwrap();
    let v = json(&out);
    assert_eq!(v["region_name"], "R2");
    assert_eq!(v["auth.project_name"], "p2");
    assert_eq!(v["auth.username"], "alice");
    assert!(!stdout(&out).contains("from-the-environment"));

    // An option beats its variable.
    let out = ferrocloud(&d)
        .env("OS_CLOUD", "lab")
        .env("OS_REGION_NAME", "R2")
        .args([
            "--os-region-name",
            "R3",
            "config",
            "show",
            "-f",
            "value",
            "-c",
            "region_name",
        ])
        .output()
        .unwrap();
    assert_eq!(stdout(&out).trim(), "R3");

    // No configuration at all is a configuration error (7).
    let empty = std::env::temp_dir().join(format!("ferrocloud-cli-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let out = ferrocloud(&empty)
        .args(["--os-cloud", "nowhere", "config", "show"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(7),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_operation_is_listed_and_callable_by_name() {
    let d = temp_dir("operations");
    let out = ferrocloud(&d)
        .args(["operation", "list", "-f", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let all = json(&out);
    let names: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["Name"].as_str().unwrap())
        .collect();
    assert!(names.len() > 2000, "{}", names.len());
    assert!(names.contains(&"compute.v2.servers.get"));
    assert!(names.contains(&"identity.v3.projects.list"));

    let out = ferrocloud(&d)
        .args([
            "operation",
            "call",
            "compute.v2.server_metadata.get-item",
            "key=k 1",
            "srv",
            "--query",
            "a=b",
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout(&out).trim(),
        "compute GET servers/srv/metadata/k%201?a=b"
    );

    let out = ferrocloud(&d)
        .args(["operation", "call", "compute.v2.servers.get", "--dry-run"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs server_id"));
}

#[test]
fn completion_scripts_for_three_shells() {
    let d = temp_dir("completion");
    for shell in ["bash", "zsh", "fish"] {
        let out = ferrocloud(&d).args(["completion", shell]).output().unwrap();
        assert!(out.status.success());
        let text = stdout(&out);
        assert!(
            text.contains("ferrocloud") && text.contains("server"),
            "{shell}"
        );
    }
}

/// `--fit-width` on a real terminal: the binary runs in a pseudo-terminal (util-linux's
/// `script`) of 24 rows and 70 columns, and every line of the table fits, long names
/// wrapped inside their cells.
#[test]
fn fit_width_fits_a_real_terminal() {
    let bin = assert_cmd::cargo::cargo_bin("ferrocloud");
    let shell = format!(
        "stty rows 24 cols 70; NO_COLOR=1 {} operation list servers --fit-width",
        bin.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &shell, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .output()
        .expect("util-linux's `script`");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap().replace('\r', "");
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert!(lines.len() > 10, "{text}");
    assert!(lines[1].starts_with("| Name"), "{text}");
    for line in &lines {
        assert!(line.chars().count() <= 70, "{line:?} is wider than 70");
    }
    // Without --fit-width the same table is wider than the terminal.
    let wide = ferrocloud(&temp_dir("wide"))
        .args(["operation", "list", "servers"])
        .output()
        .unwrap();
    assert!(stdout(&wide).lines().any(|l| l.chars().count() > 70));
}
