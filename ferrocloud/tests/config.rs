//! Configuration: where files are found, which cloud is chosen, how profile, cloud,
//! secure.yaml, region, environment and program settings are layered, every auth type,
//! per-service settings, errors (malformed files, unknown clouds, missing keys), and
//! secrets staying out of Debug output, errors and logs.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use ferrocloud::config::{
    AuthType, CloudAuth, CloudConfig, CloudOptions, CloudsConfig, Environment, Pem, SyntaxError,
};
use ferrocloud::{Availability, ErrorKind, ExposeSecret, IdentityVersion};
use serde_json::{Value, json};

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "ferrocloud-config-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn env(vars: &[(&str, &str)], dirs: &[&Path]) -> Environment {
    Environment::from_vars(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())))
        .with_search_dirs(dirs.iter().map(|d| d.to_path_buf()))
}

fn load(vars: &[(&str, &str)], dirs: &[&Path]) -> CloudsConfig {
    CloudsConfig::load_with(env(vars, dirs)).unwrap()
}

fn from_yaml(yaml: &str, vars: &[(&str, &str)]) -> CloudsConfig {
    let dir = TempDir::new("yaml");
    dir.write("clouds.yaml", yaml);
    load(vars, &[dir.path()])
}

fn body(cfg: &CloudConfig) -> Value {
    cfg.auth.auth_options().unwrap().v3_request_body().unwrap()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config")
}

// ---- files and their search order ----

#[test]
fn the_first_clouds_file_wins_in_directory_then_suffix_order() {
    let a = TempDir::new("a");
    let b = TempDir::new("b");
    b.write("clouds.yaml", "clouds: {from-b: {}}");
    assert_eq!(load(&[], &[a.path(), b.path()]).cloud_names(), ["from-b"]);

    a.write("clouds.json", r#"{"clouds": {"from-a-json": {}}}"#);
    let c = load(&[], &[a.path(), b.path()]);
    assert_eq!(c.cloud_names(), ["from-a-json"]);
    assert_eq!(c.files().clouds, Some(a.path().join("clouds.json")));

    a.write("clouds.yml", "clouds: {from-a-yml: {}}");
    assert_eq!(
        load(&[], &[a.path(), b.path()]).cloud_names(),
        ["from-a-yml"]
    );
    a.write("clouds.yaml", "clouds: {from-a-yaml: {}}");
    assert_eq!(
        load(&[], &[a.path(), b.path()]).cloud_names(),
        ["from-a-yaml"]
    );

    // OS_CLIENT_CONFIG_FILE is tried first; when it does not exist the search goes on.
    let x = TempDir::new("x");
    let custom = x.write("custom.yaml", "clouds: {custom: {}}");
    let c = load(
        &[("OS_CLIENT_CONFIG_FILE", custom.to_str().unwrap())],
        &[a.path(), b.path()],
    );
    assert_eq!(c.cloud_names(), ["custom"]);
    let c = load(
        &[("OS_CLIENT_CONFIG_FILE", "/nonexistent/clouds.yaml")],
        &[a.path()],
    );
    assert_eq!(c.cloud_names(), ["from-a-yaml"]);
    // `~` in it is the home directory.
    let c = load(
        &[
            ("OS_CLIENT_CONFIG_FILE", "~/custom.yaml"),
            ("HOME", x.path().to_str().unwrap()),
        ],
        &[a.path()],
    );
    assert_eq!(c.cloud_names(), ["custom"]);
}

#[test]
fn secure_and_public_files_are_searched_on_their_own() {
    let a = TempDir::new("a");
    let b = TempDir::new("b");
    a.write(
        "clouds.yaml",
        "clouds:\n  c:\n    auth: {auth_url: 'http://k/v3', user_id: u, password: from-clouds}\n    region_name: R1\n",
    );
    b.write(
        "secure.yml",
        "clouds:\n  c:\n    auth: {password: from-secure}\n",
    );
    b.write(
        "clouds-public.json",
        r#"{"public-clouds": {"p": {"image_format": "vhd"}}}"#,
    );
    let c = load(&[], &[a.path(), b.path()]);
    assert_eq!(c.files().clouds, Some(a.path().join("clouds.yaml")));
    assert_eq!(c.files().secure, Some(b.path().join("secure.yml")));
    assert_eq!(c.files().public, Some(b.path().join("clouds-public.json")));
    assert_eq!(c.public_profile_names(), ["p"]);
    let cfg = c.cloud(None).unwrap();
    assert_eq!(
        body(&cfg)["auth"]["identity"]["password"]["user"]["password"],
        "from-secure"
    );
    assert_eq!(cfg.region_name.as_deref(), Some("R1"));
    assert_eq!(
        cfg.sources,
        [a.path().join("clouds.yaml"), b.path().join("secure.yml")]
    );

    // OS_CLIENT_SECURE_FILE comes first.
    let x = TempDir::new("x");
    let s = x.write(
        "mine.yaml",
        "clouds: {c: {auth: {password: from-env-file}}}",
    );
    let c = load(
        &[("OS_CLIENT_SECURE_FILE", s.to_str().unwrap())],
        &[a.path(), b.path()],
    );
    let cfg = c.cloud(None).unwrap();
    assert_eq!(
        body(&cfg)["auth"]["identity"]["password"]["user"]["password"],
        "from-env-file"
    );
}

#[test]
fn a_directory_tree_like_a_users() {
    let f = fixtures();
    let user = f.join("user");
    let site = f.join("site");
    let c = load(&[], &[&user, &site]);
    assert_eq!(c.files().clouds, Some(user.join("clouds.yaml")));
    assert_eq!(c.files().public, Some(site.join("clouds-public.yaml")));
    assert_eq!(
        c.cloud_names(),
        ["appcred", "citycloud", "corp", "devstack", "devstack-admin"]
    );
    assert_eq!(c.default_cloud(), None);

    let devstack = c.cloud(Some("devstack")).unwrap();
    let b = body(&devstack);
    assert_eq!(
        b["auth"]["identity"]["password"]["user"]["password"],
        "devstack-secret-pw"
    );
    assert_eq!(
        b["auth"]["scope"]["project"],
        json!({"name": "demo", "domain": {"id": "default"}})
    );
    assert_eq!(
        devstack.service("compute").unwrap().microversion.as_deref(),
        Some("2.79")
    );
    let bs = devstack.service("block-storage").unwrap();
    assert_eq!(
        (bs.api_version.as_deref(), bs.microversion.as_deref()),
        (Some("3"), Some("3.59"))
    );
    assert_eq!(
        devstack.auth.auth_options().unwrap().identity_version,
        Some(IdentityVersion::V3)
    );

    let admin = c.cloud(Some("devstack-admin")).unwrap();
    let b = body(&admin);
    assert_eq!(
        b["auth"]["identity"]["password"]["user"]["domain"],
        json!({"id": "default"})
    );
    assert_eq!(
        b["auth"]["scope"]["project"]["domain"],
        json!({"id": "default"})
    );
    assert_eq!(admin.interface, Availability::Internal);
    assert_eq!(
        admin.service("image").unwrap().endpoint_override.as_deref(),
        Some("http://203.0.113.10/image")
    );

    let corp = c.cloud(Some("corp")).unwrap();
    assert_eq!(
        corp.auth_url(),
        Some("https://keystone.fr-par.corp.example:5000/v3")
    );
    assert_eq!(corp.regions, ["fr-par", "de-fra"]);
    assert_eq!(corp.setting("image_format"), Some(&json!("raw")));
    assert_eq!(
        body(&corp)["auth"]["scope"]["project"]["domain"],
        json!({"name": "Corp"})
    );
    assert!(corp.sources.contains(&site.join("clouds-public.yaml")));
    let corp_de = c
        .cloud_with(Some("corp"), &CloudOptions::new().region("de-fra"))
        .unwrap();
    assert_eq!(
        corp_de.auth_url(),
        Some("https://keystone.de-fra.corp.example:5000/v3")
    );

    let city = c.cloud(Some("citycloud")).unwrap();
    assert_eq!(city.auth_url(), Some("https://Kna1.citycloud.com:5000/v3/"));
    assert_eq!(
        body(&city)["auth"]["scope"],
        json!({"project": {"id": "0bedab75898c4521a0380b4b71c41bed"}})
    );

    let ac = c.cloud(Some("appcred")).unwrap();
    assert_eq!(ac.auth_type, AuthType::V3ApplicationCredential);
    assert_eq!(
        body(&ac)["auth"]["identity"]["application_credential"],
        json!({"id": "9da0a8da3d394d09bf49dfc27014d254", "secret": "appcred-secret-value"})
    );
}

// ---- choosing a cloud ----

const TWO_CLOUDS: &str = "clouds:\n  a:\n    auth: {auth_url: 'http://a/v3', user_id: u, password: p}\n  b:\n    auth: {auth_url: 'http://b/v3', user_id: u, password: p}\n";

#[test]
fn clouds_are_chosen_by_name_os_cloud_or_being_the_only_one() {
    let c = from_yaml(TWO_CLOUDS, &[]);
    assert_eq!(c.cloud(Some("b")).unwrap().auth_url(), Some("http://b/v3"));
    let e = c.cloud(None).unwrap_err();
    assert!(
        e.to_string()
            .contains("several clouds are configured (a, b)"),
        "{e}"
    );

    let c = from_yaml(TWO_CLOUDS, &[("OS_CLOUD", "b")]);
    assert_eq!(c.default_cloud(), Some("b"));
    assert_eq!(c.cloud(None).unwrap().name, "b");
    assert_eq!(c.cloud(Some("a")).unwrap().name, "a");

    let c = from_yaml(
        "clouds:\n  only:\n    auth: {auth_url: 'http://o/v3', token: t}\n",
        &[],
    );
    assert_eq!(c.cloud(None).unwrap().name, "only");
}

#[test]
fn an_unknown_cloud_lists_the_clouds_and_files() {
    let dir = TempDir::new("unknown");
    let f = dir.write("clouds.yaml", TWO_CLOUDS);
    let s = dir.write("secure.yaml", "clouds: {a: {auth: {password: x}}}");
    let c = load(&[("OS_CLOUD", "prod")], &[dir.path()]);
    let e = c.cloud(None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Config);
    let msg = e.to_string();
    assert!(
        msg.contains("cloud \"prod\" (named by OS_CLOUD) is not defined"),
        "{msg}"
    );
    assert!(msg.contains("clouds found: a, b"), "{msg}");
    assert!(
        msg.contains(f.to_str().unwrap()) && msg.contains(s.to_str().unwrap()),
        "{msg}"
    );

    let empty = TempDir::new("empty");
    let c = load(&[], &[empty.path()]);
    let msg = c.cloud(Some("x")).unwrap_err().to_string();
    assert!(msg.contains("no clouds were found"), "{msg}");
    assert!(
        msg.contains(&format!("searched: {}", empty.path().display())),
        "{msg}"
    );
    let msg = c.cloud(None).unwrap_err().to_string();
    assert!(msg.contains("no cloud is configured"), "{msg}");
}

// ---- the environment ----

#[test]
fn os_variables_make_an_environment_cloud() {
    let vars = [
        ("OS_AUTH_URL", "http://keystone:5000/v3"),
        ("OS_USERNAME", "demo"),
        ("OS_PASSWORD", "env-secret"),
        ("OS_USER_DOMAIN_NAME", "Default"),
        ("OS_PROJECT_NAME", "demo"),
        ("OS_PROJECT_DOMAIN_ID", "default"),
        ("OS_REGION_NAME", "RegionTwo"),
        ("OS_INTERFACE", "internal"),
        ("OS_COMPUTE_API_VERSION", "2.87"),
        ("OS_IMAGE_ENDPOINT_OVERRIDE", "http://glance:9292"),
        ("OS_CACERT", "~/ca.pem"),
        ("HOME", "/home/demo"),
    ];
    // It is the default even when a file has a single cloud.
    let c = from_yaml(
        "clouds:\n  filecloud:\n    auth: {auth_url: 'http://f/v3', token: t}\n",
        &vars,
    );
    assert_eq!(c.cloud_names(), ["filecloud", "envvars"]);
    assert_eq!(c.default_cloud(), Some("envvars"));
    let cfg = c.cloud(None).unwrap();
    assert_eq!(cfg.name, "envvars");
    let b = body(&cfg);
    assert_eq!(b["auth"]["identity"]["password"]["user"]["name"], "demo");
    assert_eq!(
        b["auth"]["scope"]["project"],
        json!({"name": "demo", "domain": {"id": "default"}})
    );
    assert_eq!(cfg.region_name.as_deref(), Some("RegionTwo"));
    assert_eq!(cfg.interface, Availability::Internal);
    assert_eq!(cfg.tls.ca_cert, Some(Pem::File("/home/demo/ca.pem".into())));
    assert_eq!(
        cfg.service("compute").unwrap().microversion.as_deref(),
        Some("2.87")
    );
    assert_eq!(
        cfg.service("image").unwrap().endpoint_override.as_deref(),
        Some("http://glance:9292")
    );

    // OS_CLOUD_NAME renames it; a file cloud of that name is a conflict.
    let c = from_yaml(
        "clouds: {}",
        &[
            ("OS_CLOUD_NAME", "mine"),
            vars[0],
            vars[1],
            vars[2],
            vars[3],
        ],
    );
    assert_eq!(c.cloud_names(), ["mine"]);
    let dir = TempDir::new("conflict");
    dir.write("clouds.yaml", "clouds: {envvars: {}}");
    let e = CloudsConfig::load_with(env(&vars, &[dir.path()])).unwrap_err();
    assert!(e.to_string().contains("\"envvars\""), "{e}");

    // With a project, OS_DOMAIN_NAME is the user's and the project's domain.
    let c = from_yaml(
        "clouds: {}",
        &[
            ("OS_AUTH_URL", "http://k/v3"),
            ("OS_USERNAME", "u"),
            ("OS_PASSWORD", "p"),
            ("OS_PROJECT_NAME", "demo"),
            ("OS_DOMAIN_NAME", "acme"),
        ],
    );
    let b = body(&c.cloud(None).unwrap());
    assert_eq!(
        b["auth"]["identity"]["password"]["user"]["domain"],
        json!({"name": "acme"})
    );
    assert_eq!(
        b["auth"]["scope"],
        json!({"project": {"name": "demo", "domain": {"name": "acme"}}})
    );

    // Its errors name the variables.
    let c = from_yaml("clouds: {}", &[("OS_USERNAME", "u")]);
    let e = c.cloud(None).unwrap_err().to_string();
    assert!(
        e.contains("OS_AUTH_URL is not set") && e.contains("made from: OS_USERNAME"),
        "{e}"
    );
    let c = from_yaml(
        "clouds: {}",
        &[
            ("OS_AUTH_URL", "http://k/v3"),
            ("OS_AUTH_TYPE", "v3totp"),
            ("OS_USER_ID", "u"),
            ("OS_PASSWORD", "p"),
        ],
    );
    let e = c.cloud(None).unwrap_err().to_string();
    assert!(e.contains("OS_PASSCODE is missing"), "{e}");
}

#[test]
fn region_and_selectors_alone_make_no_environment_cloud() {
    let c = from_yaml(
        TWO_CLOUDS,
        &[
            ("OS_REGION_NAME", "R"),
            ("OS_CLOUD", "a"),
            ("OS_CLIENT_CONFIG_FILE", "/nonexistent"),
        ],
    );
    assert_eq!(c.cloud_names(), ["a", "b"]);
}

#[test]
fn os_variables_override_or_complement_a_file_cloud() {
    let yaml = r#"
clouds:
  c:
    auth:
      auth_url: http://k:5000/v3
      username: alice
      user_domain_name: Default
      project_name: file-project
      project_domain_name: Default
    compute_api_version: "2.60"
    regions: [R1, R2]
"#;
    let vars = [
        ("OS_CLOUD", "c"),
        // Overrides: documented for the OpenStack tools.
        ("OS_PROJECT_ID", "env-project-id"),
        ("OS_USER_DOMAIN_ID", "env-domain"),
        ("OS_COMPUTE_API_VERSION", "2.90"),
        ("OS_REGION_NAME", "R2"),
        // Complements: used only where the cloud is silent.
        ("OS_PASSWORD", "env-password"),
        ("OS_USERNAME", "env-user"),
        ("OS_AUTH_URL", "http://ignored/v3"),
        ("OS_CACERT", "/etc/ssl/env-ca.pem"),
        ("OS_NETWORK_ENDPOINT_OVERRIDE", "http://neutron:9696"),
    ];
    let cfg = from_yaml(yaml, &vars).cloud(None).unwrap();
    let b = body(&cfg);
    assert_eq!(
        b["auth"]["identity"]["password"]["user"],
        json!({"name": "alice", "domain": {"id": "env-domain"}, "password": "env-password"})
    );
    // The environment's project ID replaces the file's project name.
    assert_eq!(
        b["auth"]["scope"],
        json!({"project": {"id": "env-project-id"}})
    );
    assert_eq!(cfg.auth_url(), Some("http://k:5000/v3"));
    assert_eq!(cfg.region_name.as_deref(), Some("R2"));
    assert_eq!(
        cfg.service("compute").unwrap().microversion.as_deref(),
        Some("2.90")
    );
    assert_eq!(
        cfg.tls.ca_cert,
        Some(Pem::File("/etc/ssl/env-ca.pem".into()))
    );
    assert_eq!(
        cfg.service("network").unwrap().endpoint_override.as_deref(),
        Some("http://neutron:9696")
    );

    // A region the cloud does not have is an error listing its regions.
    let e = from_yaml(
        yaml,
        &[
            ("OS_CLOUD", "c"),
            ("OS_REGION_NAME", "r3"),
            ("OS_PASSWORD", "p"),
        ],
    )
    .cloud(None)
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("region \"r3\" is not a region of cloud \"c\"; its regions are: R1, R2"),
        "{e}"
    );

    // The program's options win over everything.
    let cfg = from_yaml(yaml, &vars)
        .cloud_with(
            None,
            &CloudOptions::new()
                .region("R1")
                .set("compute_api_version", "2.95")
                .set(
                    "auth",
                    json!({"project_name": "opt-project", "password": "opt-pw"}),
                ),
        )
        .unwrap();
    let b = body(&cfg);
    assert_eq!(b["auth"]["scope"]["project"]["name"], "opt-project");
    assert_eq!(
        b["auth"]["identity"]["password"]["user"]["password"],
        "opt-pw"
    );
    assert_eq!(cfg.region_name.as_deref(), Some("R1"));
    assert_eq!(
        cfg.service("compute").unwrap().microversion.as_deref(),
        Some("2.95")
    );
}

// ---- layering ----

#[test]
fn profile_then_cloud_then_secure_then_region_then_environment_then_program() {
    let dir = TempDir::new("layers");
    dir.write(
        "clouds-public.yaml",
        r#"
public-clouds:
  corp:
    auth:
      auth_url: https://{region_name}.keystone.corp:5000/v3
      user_domain_name: Corp
      project_domain_name: Corp
    regions:
      - name: r1
        values:
          compute_api_version: "2.79"
          auth: {project_name: from-region}
      - r2
    interface: internal
    image_format: raw
    compute_api_version: "2.1"
    volume_api_version: "3"
"#,
    );
    dir.write(
        "clouds.yaml",
        r#"
clouds:
  prod:
    profile: corp
    image_format: qcow2
    compute_api_version: "2.60"
    auth:
      username: alice
      project_name: from-clouds
"#,
    );
    dir.write(
        "secure.yaml",
        "clouds:\n  prod:\n    auth:\n      password: from-secure\n",
    );
    let c = load(&[("OS_PASSWORD", "from-env")], &[dir.path()]);
    let cfg = c.cloud(Some("prod")).unwrap();
    // Profile: URL template, interface, volume version; cloud beats profile (image_format).
    assert_eq!(cfg.auth_url(), Some("https://r1.keystone.corp:5000/v3"));
    assert_eq!(cfg.interface, Availability::Internal);
    assert_eq!(cfg.setting("image_format"), Some(&json!("qcow2")));
    assert_eq!(
        cfg.service("volume").unwrap().api_version.as_deref(),
        Some("3")
    );
    // Region values beat the cloud.
    assert_eq!(
        cfg.service("compute").unwrap().microversion.as_deref(),
        Some("2.79")
    );
    let b = body(&cfg);
    assert_eq!(
        b["auth"]["scope"]["project"],
        json!({"name": "from-region", "domain": {"name": "Corp"}})
    );
    // secure.yaml has the password, so OS_PASSWORD (a complement) is not used.
    assert_eq!(
        b["auth"]["identity"]["password"]["user"]["password"],
        "from-secure"
    );

    // Another region has no values of its own.
    let cfg = c
        .cloud_with(Some("prod"), &CloudOptions::new().region("r2"))
        .unwrap();
    assert_eq!(
        cfg.service("compute").unwrap().microversion.as_deref(),
        Some("2.60")
    );
    assert_eq!(
        body(&cfg)["auth"]["scope"]["project"]["name"],
        "from-clouds"
    );
    assert_eq!(cfg.auth_url(), Some("https://r2.keystone.corp:5000/v3"));

    // An override from the environment beats the region; the program beats both.
    let c = load(&[("OS_PROJECT_NAME", "from-env")], &[dir.path()]);
    let cfg = c.cloud(Some("prod")).unwrap();
    assert_eq!(body(&cfg)["auth"]["scope"]["project"]["name"], "from-env");
    let cfg = c
        .cloud_with(
            Some("prod"),
            &CloudOptions::new().set("auth", json!({"project_name": "from-program"})),
        )
        .unwrap();
    assert_eq!(
        body(&cfg)["auth"]["scope"]["project"]["name"],
        "from-program"
    );
}

#[test]
fn scope_keys_next_to_auth_win_and_names_win_over_ids() {
    // The example of the OpenStack configuration documentation.
    let c = from_yaml(
        r#"
clouds:
  mtvexx:
    auth:
      auth_url: https://auth.example.com/v3
      username: mordred@inaugust.com
      password: XXXXXXXXX
      project_name: mylessfavoriteproject
      project_id: 0bedab75-898c-4521-a038-0b4b71c41bed
      user_domain_id: default
      project_domain_id: default
    region_name: ca-ymq-1
    project_name: myfavoriteproject
    project_id: 2acf9403-25e8-479e-a3c6-d67540c424a4
"#,
        &[],
    );
    let b = body(&c.cloud(None).unwrap());
    assert_eq!(b["auth"]["scope"]["project"]["name"], "myfavoriteproject");
}

#[test]
fn vendor_profiles_built_in_custom_deprecated_and_gone() {
    // Rackspace: identity v2.0, service name and type, a block storage endpoint of its own.
    let c = from_yaml(
        "clouds:\n  rax:\n    profile: rackspace\n    auth: {username: u, password: p, project_id: '610275'}\n    regions: [DFW, ORD]\n",
        &[],
    );
    let cfg = c.cloud(None).unwrap();
    assert_eq!(cfg.profile.as_deref(), Some("rackspace"));
    assert_eq!(cfg.regions, ["DFW", "ORD"]);
    let o = cfg.auth.auth_options().unwrap();
    assert_eq!(o.identity_version, Some(IdentityVersion::V2));
    let v2 = o.v2_request_body().unwrap();
    assert_eq!(v2["auth"]["tenantId"], "610275");
    assert_eq!(
        cfg.service("compute").unwrap().service_name.as_deref(),
        Some("cloudServersOpenStack")
    );
    assert_eq!(
        cfg.service("database").unwrap().catalog_type.as_deref(),
        Some("rax:database")
    );
    assert_eq!(
        cfg.service("block-storage")
            .unwrap()
            .endpoint_override
            .as_deref(),
        Some("https://DFW.blockstorage.api.rackspacecloud.com/v2/610275")
    );

    // `cloud:` is the deprecated spelling of `profile:`.
    let c = from_yaml(
        "clouds:\n  z:\n    cloud: zetta\n    auth: {user_id: u, password: p}\n",
        &[],
    );
    let cfg = c.cloud(None).unwrap();
    assert_eq!(cfg.auth_url(), Some("https://identity.api.zetta.io/v3"));
    assert_eq!(cfg.region_name.as_deref(), Some("no-osl1"));
    assert_eq!(
        cfg.service("dns").unwrap().api_version.as_deref(),
        Some("2")
    );

    // clouds-public.yaml is searched before the built-in profiles.
    let dir = TempDir::new("public");
    dir.write(
        "clouds-public.yaml",
        "public-clouds:\n  zetta:\n    auth: {auth_url: 'https://mirror.example/v3'}\n",
    );
    dir.write(
        "clouds.yaml",
        "clouds:\n  z:\n    profile: zetta\n    auth: {user_id: u, password: p}\n",
    );
    assert_eq!(
        load(&[], &[dir.path()]).cloud(None).unwrap().auth_url(),
        Some("https://mirror.example/v3")
    );

    // A cloud that closed is an error; a deprecated one works.
    let c = from_yaml(
        "clouds:\n  b:\n    profile: betacloud\n    auth: {user_id: u, password: p}\n",
        &[],
    );
    let e = c.cloud(None).unwrap_err().to_string();
    assert!(
        e.contains("no longer exists: betacloud.de has ceased business"),
        "{e}"
    );
    let c = from_yaml(
        "clouds:\n  f:\n    profile: fuga\n    auth: {username: u, password: p}\n",
        &[],
    );
    assert_eq!(
        c.cloud(None).unwrap().auth_url(),
        Some("https://identity.api.fuga.io:5000")
    );

    // Profiles published only at a URL are not fetched: the error says so.
    let c = from_yaml(
        "clouds:\n  v:\n    profile: vexxhost\n    auth: {user_id: u, password: p}\n",
        &[],
    );
    let e = c.cloud(None).unwrap_err().to_string();
    assert!(e.contains("auth.auth_url is missing"), "{e}");
    assert!(
        e.contains("https://vexxhost.com/.well-known/openstack/api"),
        "{e}"
    );
    // …unless the cloud gives its auth_url.
    let c = from_yaml(
        "clouds:\n  v:\n    profile: vexxhost\n    auth: {auth_url: 'https://auth.vexxhost.net/v3', user_id: u, password: p}\n",
        &[],
    );
    assert!(c.cloud(None).is_ok());
    let c = from_yaml(
        "clouds:\n  n:\n    profile: nonesuch\n    auth: {user_id: u, password: p}\n",
        &[],
    );
    let e = c.cloud(None).unwrap_err().to_string();
    assert!(e.contains("profile \"nonesuch\" was not found"), "{e}");
}

#[test]
fn per_service_settings_by_type_or_alias() {
    let c = from_yaml(
        r#"
clouds:
  c:
    auth: {auth_url: 'http://k/v3', token: t}
    region_name: R1
    interface: public
    volume_api_version: "2"
    block_storage_api_version: "3.44"
    object_store_endpoint_override: http://swift:8080/v1/AUTH_p
    object-store-interface: internal
    image_region_name: R9
    network_api_version: "2.0"
    placement_api_version: "1.39"
    compute_default_microversion: "2.53"
    identity_endpoint_type: admin
    baremetal_api_version: latest
    load_balancer_service_name: octavia
"#,
        &[],
    );
    let cfg = c.cloud(None).unwrap();
    // The official type's key wins over an alias's.
    let bs = cfg.service("volume").unwrap();
    assert_eq!(
        (bs.api_version.as_deref(), bs.microversion.as_deref()),
        (Some("3"), Some("3.44"))
    );
    let os = cfg.service("object_store").unwrap();
    assert_eq!(os.service_type, "object-store");
    assert_eq!(os.interface, Availability::Internal);
    assert_eq!(
        os.endpoint_override.as_deref(),
        Some("http://swift:8080/v1/AUTH_p")
    );
    assert_eq!(
        cfg.service("image").unwrap().region_name.as_deref(),
        Some("R9")
    );
    assert_eq!(cfg.service("network").unwrap().microversion, None);
    assert_eq!(
        cfg.service("placement").unwrap().microversion.as_deref(),
        Some("1.39")
    );
    assert_eq!(
        cfg.service("compute").unwrap().microversion.as_deref(),
        Some("2.53")
    );
    assert_eq!(
        cfg.service("identity").unwrap().interface,
        Availability::Admin
    );
    assert_eq!(cfg.service("baremetal").unwrap().api_version, None);
    let lb = cfg.service("load-balancer").unwrap().endpoint_opts();
    assert_eq!(
        (lb.name.as_deref(), lb.region.as_deref()),
        (Some("octavia"), Some("R1"))
    );

    let e = CloudConfig::from_value(
        "c",
        json!({"auth": {"auth_url": "http://k/v3", "token": "t"},
               "compute_api_version": "2.79", "compute_default_microversion": "2.60"}),
    )
    .unwrap()
    .service("compute")
    .unwrap_err();
    assert!(e.to_string().contains("default_microversion 2.60"), "{e}");
}

// ---- auth types ----

fn cloud_auth(
    auth_type: Option<&str>,
    auth: Value,
    extra: Value,
) -> ferrocloud::Result<CloudConfig> {
    let mut entry = json!({"auth": auth});
    if let Some(t) = auth_type {
        entry["auth_type"] = json!(t);
    }
    if let Value::Object(m) = extra {
        for (k, v) in m {
            entry[k] = v;
        }
    }
    CloudConfig::from_value("c", entry)
}

#[test]
fn every_supported_auth_type_maps_onto_auth_options() {
    let url = "https://keystone.example.com:5000/v3";
    let cases: Vec<(Option<&str>, Value, Value, Value)> = vec![
        (
            None,
            json!({"auth_url": url, "username": "u", "password": "pw", "user_domain_name": "Default",
                   "project_name": "p", "project_domain_id": "default"}),
            json!({}),
            json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "u", "domain": {"name": "Default"}, "password": "pw"}}},
                   "scope": {"project": {"name": "p", "domain": {"id": "default"}}}}}),
        ),
        (
            Some("password"),
            json!({"auth_url": url, "user_id": "uid", "password": "pw", "system_scope": "all"}),
            json!({}),
            json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {"id": "uid", "password": "pw"}}},
                   "scope": {"system": {"all": true}}}}),
        ),
        (
            Some("v3password"),
            json!({"auth_url": url, "user_id": "uid", "password": "pw", "trust_id": "t1"}),
            json!({}),
            json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {"id": "uid", "password": "pw"}}},
                   "scope": {"OS-TRUST:trust": {"id": "t1"}}}}),
        ),
        (
            Some("v3password"),
            json!({"auth_url": url, "username": "u", "password": "pw", "user_domain_id": "dd",
                   "project_domain_id": "dd", "tenant_name": "legacy"}),
            json!({}),
            json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "u", "domain": {"id": "dd"}, "password": "pw"}}},
                   "scope": {"project": {"name": "legacy", "domain": {"id": "dd"}}}}}),
        ),
        (
            Some("token"),
            json!({"auth_url": url, "token": "tok", "project_id": "pid"}),
            json!({}),
            json!({"auth": {"identity": {"methods": ["token"], "token": {"id": "tok"}}, "scope": {"project": {"id": "pid"}}}}),
        ),
        (
            Some("v3token"),
            json!({"auth_url": url, "domain_name": "dn"}),
            json!({"auth_token": "tok"}),
            json!({"auth": {"identity": {"methods": ["token"], "token": {"id": "tok"}}, "scope": {"domain": {"name": "dn"}}}}),
        ),
        (
            Some("v3applicationcredential"),
            json!({"auth_url": url, "application_credential_id": "ac", "application_credential_secret": "acs",
                   "project_name": "ignored"}),
            json!({}),
            json!({"auth": {"identity": {"methods": ["application_credential"], "application_credential": {"id": "ac", "secret": "acs"}}}}),
        ),
        (
            Some("v3applicationcredential"),
            json!({"auth_url": url, "application_credential_name": "acn", "application_credential_secret": "acs",
                   "username": "u", "user_domain_id": "default"}),
            json!({}),
            json!({"auth": {"identity": {"methods": ["application_credential"], "application_credential": {
                   "name": "acn", "user": {"name": "u", "domain": {"id": "default"}}, "secret": "acs"}}}}),
        ),
        (
            Some("v3totp"),
            json!({"auth_url": url, "user_id": "uid", "passcode": "123456", "project_id": "pid"}),
            json!({}),
            json!({"auth": {"identity": {"methods": ["totp"], "totp": {"user": {"id": "uid", "passcode": "123456"}}},
                   "scope": {"project": {"id": "pid"}}}}),
        ),
        (
            Some("v3multifactor"),
            json!({"auth_url": url, "username": "u", "password": "pw", "passcode": "654321",
                   "user_domain_name": "udn", "project_name": "p", "project_domain_name": "pdn"}),
            json!({"auth_methods": ["v3password", "v3totp"]}),
            json!({"auth": {"identity": {"methods": ["password", "totp"],
                   "password": {"user": {"name": "u", "domain": {"name": "udn"}, "password": "pw"}},
                   "totp": {"user": {"name": "u", "domain": {"name": "udn"}, "passcode": "654321"}}},
                   "scope": {"project": {"name": "p", "domain": {"name": "pdn"}}}}}),
        ),
        (
            Some("v3multifactor"),
            json!({"auth_url": url, "user_id": "uid", "password": "pw", "token": "tok"}),
            json!({"auth_methods": "v3password,v3token"}),
            json!({"auth": {"identity": {"methods": ["password", "token"],
                   "password": {"user": {"id": "uid", "password": "pw"}}, "token": {"id": "tok"}}}}),
        ),
    ];
    for (t, auth, extra, want) in cases {
        let cfg =
            cloud_auth(t, auth.clone(), extra).unwrap_or_else(|e| panic!("{t:?} {auth}: {e}"));
        let o = cfg.auth.auth_options().unwrap();
        assert_eq!(o.v3_request_body().unwrap(), want, "{t:?}");
        assert_eq!(o.auth_url, url);
        assert!(o.allow_reauth);
        if t.is_some_and(|t| t.starts_with("v3")) {
            assert_eq!(o.identity_version, Some(IdentityVersion::V3), "{t:?}");
        }
    }
}

#[test]
fn identity_v2_types_and_versions() {
    let cfg = cloud_auth(
        Some("v2password"),
        json!({"auth_url": "http://k:5000", "username": "u", "password": "pw", "project_name": "t"}),
        json!({}),
    )
    .unwrap();
    let o = cfg.auth.auth_options().unwrap();
    assert_eq!(o.identity_version, Some(IdentityVersion::V2));
    assert_eq!(
        o.v2_request_body().unwrap(),
        json!({"auth": {"passwordCredentials": {"username": "u", "password": "pw"}, "tenantName": "t"}})
    );
    let cfg = cloud_auth(
        Some("v2token"),
        json!({"auth_url": "http://k:5000", "token": "tok", "tenant_id": "tid"}),
        json!({}),
    )
    .unwrap();
    assert_eq!(
        cfg.auth.auth_options().unwrap().v2_request_body().unwrap(),
        json!({"auth": {"token": {"id": "tok"}, "tenantId": "tid"}})
    );
    // identity_api_version picks the version of an unversioned auth URL.
    let cfg = cloud_auth(
        None,
        json!({"auth_url": "http://k:5000", "username": "u", "password": "pw", "project_name": "t"}),
        json!({"identity_api_version": "2.0"}),
    )
    .unwrap();
    assert_eq!(
        cfg.auth.auth_options().unwrap().identity_version,
        Some(IdentityVersion::V2)
    );
}

#[test]
fn no_auth_and_admin_token() {
    let cfg = cloud_auth(
        Some("none"),
        json!({"endpoint": "http://ironic:6385"}),
        json!({}),
    )
    .unwrap();
    assert_eq!(cfg.auth_type, AuthType::NoAuth);
    assert!(
        matches!(&cfg.auth, CloudAuth::NoAuth { endpoint: Some(e) } if e == "http://ironic:6385")
    );
    assert_eq!(
        cfg.service("baremetal")
            .unwrap()
            .endpoint_override
            .as_deref(),
        Some("http://ironic:6385")
    );
    for spelling in ["noauth", "None", ""] {
        let cfg = cloud_auth(
            Some(spelling),
            json!({}),
            json!({"baremetal_endpoint_override": "http://i"}),
        )
        .unwrap();
        assert_eq!(cfg.auth_type, AuthType::NoAuth, "{spelling:?}");
    }
    let cfg = cloud_auth(
        Some("admin_token"),
        json!({"endpoint": "http://svc", "token": "admin-tok"}),
        json!({}),
    )
    .unwrap();
    let CloudAuth::AdminToken { token, endpoint } = &cfg.auth else {
        panic!("{cfg:?}")
    };
    assert_eq!(
        (token.expose_secret(), endpoint.as_deref()),
        ("admin-tok", Some("http://svc"))
    );
    let e = cloud_auth(
        Some("admin_token"),
        json!({"endpoint": "http://svc"}),
        json!({}),
    )
    .unwrap_err();
    assert!(e.to_string().contains("auth.token is missing"), "{e}");
}

#[test]
fn unsupported_auth_types_are_named() {
    for t in [
        "v3oidcpassword",
        "v3samlpassword",
        "v3oauth1",
        "rackspace_apikey",
    ] {
        let e = cloud_auth(Some(t), json!({"auth_url": "http://k"}), json!({})).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Config);
        assert!(e.to_string().contains(t), "{t}: {e}");
    }
    let e = cloud_auth(
        Some("v3multifactor"),
        json!({"auth_url": "http://k"}),
        json!({"auth_methods": ["v3password", "v3oidcpassword"]}),
    )
    .unwrap_err();
    assert!(e.to_string().contains("v3oidcpassword"), "{e}");
}

#[test]
fn missing_required_keys_are_named() {
    let cases = [
        (
            json!({"auth": {"username": "u", "password": "p"}}),
            "auth.auth_url is missing",
        ),
        (
            json!({"auth": {"auth_url": "http://k/v3", "username": "u", "user_domain_id": "d"}}),
            "auth.password is missing (auth_type password; set it in clouds.yaml or secure.yaml, or with OS_PASSWORD)",
        ),
        (
            json!({"auth": {"auth_url": "http://k/v3", "password": "p"}}),
            "auth.username is missing",
        ),
        (
            json!({"auth_type": "v3password", "auth": {"auth_url": "http://k/v3", "username": "u", "password": "p"}}),
            "auth.username needs auth.user_domain_name or auth.user_domain_id",
        ),
        (
            json!({"auth_type": "v3password", "auth": {"auth_url": "http://k/v3", "user_id": "u", "password": "p", "project_name": "p"}}),
            "auth.project_name needs auth.project_domain_name",
        ),
        (
            json!({"auth_type": "v3applicationcredential", "auth": {"auth_url": "http://k/v3", "application_credential_id": "a"}}),
            "auth.application_credential_secret is missing",
        ),
        (
            json!({"auth_type": "v3applicationcredential", "auth": {"auth_url": "http://k/v3", "application_credential_name": "a", "application_credential_secret": "s"}}),
            "belongs to a user",
        ),
        (
            json!({"auth_type": "v3multifactor", "auth": {"auth_url": "http://k/v3"}}),
            "needs auth_methods",
        ),
        (
            json!({"auth": {"auth_url": "http://k/v3", "token": "t", "system_scope": "domain"}}),
            "system_scope must be \"all\"",
        ),
        (
            json!({"regions": "R1", "auth": {"auth_url": "http://k/v3", "token": "t"}}),
            "regions must be a list",
        ),
        (json!({"auth": "nope"}), "auth must be a mapping"),
    ];
    for (entry, expect) in cases {
        let e = CloudConfig::from_value("c", entry.clone()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Config);
        assert!(e.to_string().contains(expect), "{entry}: {e}");
    }
}

// ---- malformed files ----

#[test]
fn malformed_files_are_errors_with_file_line_and_column() {
    let dir = TempDir::new("malformed");
    let path = dir.write(
        "clouds.yaml",
        "clouds:\n  a:\n    auth:\n      auth_url: http://k/v3\n     password: oops\n",
    );
    let e = CloudsConfig::load_with(env(&[], &[dir.path()])).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Config);
    let syntax = std::error::Error::source(&e)
        .and_then(|s| s.downcast_ref::<SyntaxError>())
        .expect("a SyntaxError source");
    assert_eq!(syntax.path, path);
    assert_eq!((syntax.line, syntax.column), (5, 14), "{syntax}");
    let msg = e.to_string();
    assert!(
        msg.contains(&format!(
            "malformed YAML in {} at line 5, column 14",
            path.display()
        )),
        "{msg}"
    );

    let dir = TempDir::new("malformed-secure");
    dir.write("clouds.yaml", "clouds: {a: {}}");
    let path = dir.write(
        "secure.yaml",
        "clouds:\n  a:\n    auth: {password: \"unterminated\n",
    );
    let e = CloudsConfig::load_with(env(&[], &[dir.path()])).unwrap_err();
    assert!(e.to_string().contains(&path.display().to_string()), "{e}");

    let dir = TempDir::new("malformed-json");
    let path = dir.write("clouds.json", "{\"clouds\": {\"a\": {},}}");
    let e = CloudsConfig::load_with(env(&[], &[dir.path()])).unwrap_err();
    let syntax = std::error::Error::source(&e)
        .unwrap()
        .downcast_ref::<SyntaxError>()
        .unwrap();
    assert_eq!(
        (syntax.path.clone(), syntax.line, syntax.column),
        (path, 1, 21)
    );

    for (text, expect) in [
        ("", "is empty or not a mapping"),
        ("- a\n- b\n", "is empty or not a mapping"),
        ("clouds: [a, b]\n", "clouds must be a mapping"),
        ("clouds:\n  a: 3\n", "cloud \"a\" must be a mapping"),
    ] {
        let dir = TempDir::new("shape");
        dir.write("clouds.yaml", text);
        let e = CloudsConfig::load_with(env(&[], &[dir.path()])).unwrap_err();
        assert!(e.to_string().contains(expect), "{text:?}: {e}");
    }
}

// ---- secrets ----

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn secrets_never_appear_in_debug_output_errors_or_logs() {
    let secrets = [
        "pw-8d1f0c",
        "acs-77aa31",
        "tok-5b2e90",
        "passcode-4410",
        "KEYMATERIAL-91c2",
    ];
    let dir = TempDir::new("secrets");
    dir.write(
        "clouds.yaml",
        "clouds:\n  c:\n    auth_type: v3multifactor\n    auth_methods: [v3password, v3totp]\n    auth: {auth_url: 'https://k/v3', user_id: u}\n    verify: false\n    cacert: /nonexistent/ca.pem\n    profile: nonesuch\n  d:\n    auth_type: v3applicationcredential\n    auth: {auth_url: 'https://k/v3', application_credential_id: ac}\n  e:\n    auth_type: admin_token\n    auth: {endpoint: 'http://svc', token: tok-5b2e90}\n",
    );
    dir.write(
        "secure.yaml",
        "clouds:\n  c:\n    auth: {password: pw-8d1f0c, passcode: passcode-4410}\n    key: \"-----BEGIN PRIVATE KEY-----\\nKEYMATERIAL-91c2\\n\"\n    cert: /nonexistent/cert.pem\n  d:\n    auth: {application_credential_secret: acs-77aa31}\n",
    );
    let log = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer({
            let log = log.clone();
            move || log.clone()
        })
        .with_max_level(tracing::Level::TRACE)
        .finish();
    let mut shown = String::new();
    tracing::subscriber::with_default(subscriber, || {
        let config =
            CloudsConfig::load_with(env(&[("OS_PASSWORD", "pw-8d1f0c")], &[dir.path()])).unwrap();
        shown.push_str(&format!("{config:?}"));
        for name in ["c", "d", "e"] {
            let cfg = config.cloud(Some(name)).unwrap();
            shown.push_str(&format!("{cfg:?} {:?}", cfg.auth));
            if let Err(e) = cfg.http_client() {
                shown.push_str(&format!("{e} {e:?}"));
            }
            if let Ok(cloud) = ferrocloud::config::Cloud::new(cfg.clone()) {
                shown.push_str(&format!("{cloud:?}"));
            }
            shown.push_str(&format!("{:?}", cfg.setting("key")));
        }
        let opts = CloudOptions::new().set("auth", json!({"password": "pw-8d1f0c"}));
        shown.push_str(&format!("{opts:?}"));
        // Errors about secret values name the key, not the value.
        let e = CloudConfig::from_value(
            "x",
            json!({"auth": {"auth_url": "http://k", "password": ["pw-8d1f0c"]}}),
        )
        .unwrap_err();
        shown.push_str(&format!("{e} {e:?}"));
        let bad = TempDir::new("bad-secure");
        bad.write(
            "secure.yaml",
            "clouds:\n  c:\n    auth:\n      password: pw-8d1f0c\n      password: acs-77aa31\n",
        );
        let e = CloudsConfig::load_with(env(&[], &[bad.path()])).unwrap_err();
        shown.push_str(&format!("{e} {e:?}"));
    });
    let logged = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    assert!(logged.contains("verification is turned off"), "{logged}");
    assert!(logged.contains("nonesuch"), "{logged}");
    assert!(
        shown.contains("REDACTED") || shown.contains("redacted"),
        "{shown}"
    );
    for s in secrets {
        assert!(!shown.contains(s), "{s} shown in: {shown}");
        assert!(!logged.contains(s), "{s} logged in: {logged}");
    }
}
