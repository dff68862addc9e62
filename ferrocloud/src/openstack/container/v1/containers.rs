//! Containers: create, list, show, update and delete them, and act on them (start, stop,
//! restart, pause, kill, rename, run commands, read logs and statistics, copy files in
//! and out as tar archives, attach networks and security groups).
//!
//! Zun takes a container's name or its UUID wherever an operation names a container.
//! Answers are accepted first (`202`) and carried out by the compute host: wait for the
//! status with [`wait_for_status`](crate::openstack::container::v1::containers::wait_for_status).
//!
//! ```no_run
//! # async fn demo(zun: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::container::v1::containers::{self, CreateOpts, Status};
//! let zun = zun.with_microversion("1.40");
//! let opts = CreateOpts::new("nginx").name("web").environment([("TOKEN", "s3cret")]);
//! let c = containers::create(&zun, &opts).await.extract()?;
//! containers::wait_for_status(&zun, &c.uuid, Status::Created, &Default::default()).await?;
//! containers::start(&zun, &c.uuid).await.ok()?;
//! containers::wait_for_status(&zun, &c.uuid, Status::Running, &Default::default()).await?;
//! let out = containers::execute(&zun, &c.uuid, &containers::ExecuteOpts::run("date")).await.extract()?;
//! println!("{}", out.output.unwrap_or_default());
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::common::{
    Amount, Environment, Healthcheck, HealthcheckOpts, ListControls, RestartPolicy, call, call_pairs,
    list_next, list_single, non_empty, refused,
};
use crate::de::{Link, text_enum};
use crate::microversion::check_field;
use crate::operation::Op;
use crate::pagination::Pager;
use crate::request::{ApiResult, Validate};
use crate::wait::{State, WaitOpts};
use crate::{Error, ErrorKind, Result, ServiceClient};

crate::operations! {
    service: "container";
    /// List containers.
    LIST = GET "/containers" list("containers", Container);
    /// Create a container.
    CREATE = POST "/containers" request(CreateOpts) response(Container);
    /// Show a container.
    GET = GET "/containers/{container_ident}" response(Container);
    /// Update a container (memory, CPUs, name).
    UPDATE = PATCH "/containers/{container_ident}" request(UpdateOpts) response(Container);
    /// Delete a container.
    DELETE = DELETE "/containers/{container_ident}";
    /// Start a container.
    START = POST "/containers/{container_ident}/start";
    /// Stop a container.
    STOP = POST "/containers/{container_ident}/stop";
    /// Restart a container.
    REBOOT = POST "/containers/{container_ident}/reboot";
    /// Pause a container.
    PAUSE = POST "/containers/{container_ident}/pause";
    /// Unpause a container.
    UNPAUSE = POST "/containers/{container_ident}/unpause";
    /// Rebuild a container from its image (or another one).
    REBUILD = POST "/containers/{container_ident}/rebuild";
    /// Send a signal to a container.
    KILL = POST "/containers/{container_ident}/kill";
    /// Rename a container (up to 1.13; later, update its name).
    RENAME = POST "/containers/{container_ident}/rename" until("1.13") response(Container);
    /// Run a command in a container.
    EXECUTE = POST "/containers/{container_ident}/execute" response(ExecResult);
    /// Resize the terminal of a command started interactively.
    EXECUTE_RESIZE = POST "/containers/{container_ident}/execute_resize" response(Option<ExecSession>);
    /// Read a container's logs.
    LOGS = GET "/containers/{container_ident}/logs" response(String);
    /// The processes running in a container.
    TOP = GET "/containers/{container_ident}/top" response(Top);
    /// A snapshot of a container's resource use.
    STATS = GET "/containers/{container_ident}/stats" response(Stats);
    /// Make an image of a container.
    COMMIT = POST "/containers/{container_ident}/commit" response(Commit);
    /// The websocket URL to attach to an interactive container.
    ATTACH = GET "/containers/{container_ident}/attach" response(String);
    /// Resize the terminal of an interactive container.
    RESIZE = POST "/containers/{container_ident}/resize";
    /// Read files of a container as a tar archive.
    GET_ARCHIVE = GET "/containers/{container_ident}/get_archive" response(Archive);
    /// Write a tar archive into a container.
    PUT_ARCHIVE = POST "/containers/{container_ident}/put_archive" request(PutArchiveOpts);
    /// Add a security group to a container (up to 1.14).
    ADD_SECURITY_GROUP = POST "/containers/{container_ident}/add_security_group" until("1.14");
    /// Attach a network or a port (1.8).
    NETWORK_ATTACH = POST "/containers/{container_ident}/network_attach" since("1.8");
    /// Detach a network or a port (1.6).
    NETWORK_DETACH = POST "/containers/{container_ident}/network_detach" since("1.6");
    /// The networks of a container (1.13).
    NETWORK_LIST = GET "/containers/{container_ident}/network_list" since("1.13") list("networks", ContainerNetwork);
}

/// Remove a security group from a container (up to 1.14). The API reference leaves it
/// out, so it is not listed in [`OPERATIONS`].
pub static REMOVE_SECURITY_GROUP: Op<()> = Op::new(
    crate::Operation::new(
        "container",
        http::Method::POST,
        "/containers/{container_ident}/remove_security_group",
    )
    .until("1.14"),
);

text_enum! {
    /// Where a container (or a capsule) stands.
    ///
    /// ```
    /// use ferrocloud::openstack::container::v1::containers::Status;
    /// assert_eq!(serde_json::from_str::<Status>("\"Running\"").unwrap(), Status::Running);
    /// assert_eq!(serde_json::from_str::<Status>("\"Frozen\"").unwrap(), Status::Other("Frozen".into()));
    /// ```
    Status {
        /// Being created (the image is pulled, the container made).
        Creating = "Creating",
        /// Created, not started.
        Created = "Created",
        /// Running.
        Running = "Running",
        /// Stopped.
        Stopped = "Stopped",
        /// Paused.
        Paused = "Paused",
        /// Restarting.
        Restarting = "Restarting",
        /// Being rebuilt.
        Rebuilding = "Rebuilding",
        /// Failed: `status_reason` says why.
        Error = "Error",
        /// Being deleted.
        Deleting = "Deleting",
        /// Deleted.
        Deleted = "Deleted",
        /// The host does not answer.
        Unknown = "Unknown",
    }
}

/// An address of a container on a network.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Address {
    /// The IP address.
    pub addr: String,
    /// 4 or 6.
    pub version: u8,
    /// The Neutron port.
    #[serde(default)]
    pub port: Option<String>,
    /// The subnet.
    #[serde(default)]
    pub subnet_id: Option<String>,
    /// Whether the port is kept when the container is deleted.
    #[serde(default)]
    pub preserve_on_delete: Option<bool>,
}

/// A container.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Container {
    /// The UUID.
    pub uuid: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The image.
    pub image: String,
    /// Where the image comes from (`docker`, `glance`).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub image_driver: Option<String>,
    /// The status.
    pub status: Status,
    /// Why it is in this status (an `Error` status's cause).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub status_reason: Option<String>,
    /// Docker's own account of the status (`Exited(0) 8 mins ago`).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub status_detail: Option<String>,
    /// The task under way (`container_creating`…), if any.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub task_state: Option<String>,
    /// The command (one line of text before microversion 1.20, read as one item).
    #[serde(deserialize_with = "super::common::command")]
    pub command: Vec<String>,
    /// CPUs.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub cpu: Option<f64>,
    /// Memory, in MiB, as Zun writes it (text).
    #[serde(deserialize_with = "crate::de::lenient_string")]
    pub memory: String,
    /// The working directory.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub workdir: Option<String>,
    /// Labels.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub labels: BTreeMap<String, String>,
    /// Environment variables (`Debug` hides their values).
    #[serde(deserialize_with = "super::common::environment")]
    pub environment: Environment,
    /// What happens when it exits.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub restart_policy: Option<RestartPolicy>,
    /// Whether stdin stays open.
    pub interactive: bool,
    /// Whether it has a terminal (1.36).
    #[serde(default)]
    pub tty: Option<bool>,
    /// Security groups.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub security_groups: Vec<String>,
    /// Addresses per network ID.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub addresses: BTreeMap<String, Vec<Address>>,
    /// Exposed ports.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub ports: Vec<serde_json::Value>,
    /// The owning project.
    pub project_id: String,
    /// The owning user.
    pub user_id: String,
    /// The hostname inside the container (1.9).
    #[serde(default)]
    pub hostname: Option<String>,
    /// The compute host running it (shown to admins).
    #[serde(default)]
    pub host: Option<String>,
    /// The container runtime (`runc`…; 1.5).
    #[serde(default)]
    pub runtime: Option<String>,
    /// Disk size in GiB.
    #[serde(default)]
    pub disk: Option<u64>,
    /// Whether it is removed when it exits (1.3).
    #[serde(default)]
    pub auto_remove: Option<bool>,
    /// Whether Zun restarts it when Docker loses it.
    #[serde(default)]
    pub auto_heal: Option<bool>,
    /// Whether it runs privileged (1.21).
    #[serde(default)]
    pub privileged: Option<bool>,
    /// Its health check (1.22).
    #[serde(default)]
    pub healthcheck: Option<Healthcheck>,
    /// `shared` or `dedicated` CPUs.
    #[serde(default)]
    pub cpu_policy: Option<String>,
    /// The private registry of its image (1.31).
    #[serde(default)]
    pub registry_id: Option<String>,
    /// The image's entry point, replaced (1.40).
    #[serde(default)]
    pub entrypoint: Option<Vec<String>>,
    /// Links to itself (not shown for the containers of a capsule).
    #[serde(default)]
    pub links: Vec<Link>,
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::container::v1::containers::{ListOpts, Status};
/// let opts = ListOpts { status: Some(Status::Running), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "status=Running");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Of this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Of this image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Of this project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Of this user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// With this memory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    /// On this host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// In this task state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_state: Option<String>,
    /// In this status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Removed when they exit, or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_remove: Option<bool>,
    /// Paging and sorting.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// A network to start a container on: a network, or a port, with fixed addresses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkOpts {
    /// The network's name or ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    /// A port's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<String>,
    /// A fixed IPv4 address.
    #[serde(
        rename = "v4-fixed-ip",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub v4_fixed_ip: Option<String>,
    /// A fixed IPv6 address.
    #[serde(
        rename = "v6-fixed-ip",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub v6_fixed_ip: Option<String>,
}

/// A volume to mount: an existing Cinder volume (`source`), a new one (`size`), or a
/// bind of a file given inline (`type` `bind`, 1.23).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MountOpts {
    /// The volume's name or ID (or the file's content, for a bind).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where it is mounted in the container.
    pub destination: String,
    /// The size in GiB of a volume to create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// `volume` or `bind` (1.23).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// What [`create`] sends. Fields newer than the client's microversion are refused
/// before anything is sent.
///
/// ```
/// use ferrocloud::openstack::container::v1::containers::CreateOpts;
/// let opts = CreateOpts::new("ubuntu").name("test").command(["/bin/sh", "-c", "echo hi"]);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "image": "ubuntu", "name": "test", "command": ["/bin/sh", "-c", "echo hi"]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The image (required).
    pub image: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The command, as a list of arguments (1.20; before, one line of text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    /// Replace the image's entry point (1.40).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrypoint: Option<Vec<String>>,
    /// CPUs (a whole number or with a fraction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<Amount>,
    /// Memory, in MiB or with a unit (`"512M"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<Amount>,
    /// Disk size in GiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk: Option<u64>,
    /// `shared` or `dedicated` CPUs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_policy: Option<String>,
    /// The working directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workdir: Option<String>,
    /// Labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    /// Environment variables (`Debug` hides their values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Environment>,
    /// What happens when it exits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restart_policy: Option<RestartPolicy>,
    /// Keep stdin open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interactive: Option<bool>,
    /// Give it a terminal (1.36).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tty: Option<bool>,
    /// `docker` or `glance`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_driver: Option<String>,
    /// Security groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_groups: Option<Vec<String>>,
    /// Networks or ports (1.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nets: Option<Vec<NetworkOpts>>,
    /// The container runtime (1.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime: Option<String>,
    /// The hostname inside the container (1.9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    /// Remove it when it exits (1.3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_remove: Option<bool>,
    /// Restart it when Docker loses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_heal: Option<bool>,
    /// The availability zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// Scheduler hints.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hints: Option<BTreeMap<String, String>>,
    /// Volumes to mount (1.11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mounts: Option<Vec<MountOpts>>,
    /// Run privileged (1.21).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privileged: Option<bool>,
    /// A health check (1.22).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthcheck: Option<HealthcheckOpts>,
    /// Ports to expose, `"80/tcp"` to `{}` (1.24).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exposed_ports: Option<BTreeMap<String, serde_json::Value>>,
    /// The compute host to run on (admins; 1.39).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// A private registry's name or ID (1.30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry: Option<String>,
}

impl CreateOpts {
    /// A container of `image`.
    pub fn new(image: impl Into<String>) -> Self {
        CreateOpts {
            image: image.into(),
            ..Default::default()
        }
    }

    /// Names it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the command.
    pub fn command<S: Into<String>>(mut self, args: impl IntoIterator<Item = S>) -> Self {
        self.command = Some(args.into_iter().map(Into::into).collect());
        self
    }

    /// Sets the environment variables.
    pub fn environment<K: Into<String>, V: Into<String>>(
        mut self,
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.environment = Some(vars.into_iter().collect());
        self
    }

    /// Refuses the fields `client`'s microversion does not read.
    fn check(&self, client: &ServiceClient) -> Result<()> {
        let fields: [(&str, bool, &str); 11] = [
            ("nets", self.nets.is_some(), "1.2"),
            ("auto_remove", self.auto_remove.is_some(), "1.3"),
            ("runtime", self.runtime.is_some(), "1.5"),
            ("hostname", self.hostname.is_some(), "1.9"),
            ("mounts", self.mounts.is_some(), "1.11"),
            ("privileged", self.privileged.is_some(), "1.21"),
            ("healthcheck", self.healthcheck.is_some(), "1.22"),
            ("exposed_ports", self.exposed_ports.is_some(), "1.24"),
            ("tty", self.tty.is_some(), "1.36"),
            ("host", self.host.is_some(), "1.39"),
            ("entrypoint", self.entrypoint.is_some(), "1.40"),
        ];
        for (name, set, since) in fields {
            check_field(client, name, set, Some(since), None)?;
        }
        Ok(())
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("image", !self.image.trim().is_empty())
    }
}

/// What [`update`] changes.
///
/// ```
/// use ferrocloud::openstack::container::v1::containers::UpdateOpts;
/// let opts = UpdateOpts { memory: Some("200".into()), name: Some("new".into()), ..Default::default() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"memory": "200", "name": "new"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// New memory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<Amount>,
    /// New CPUs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<Amount>,
    /// A new name (1.14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Restart it when Docker loses it, or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_heal: Option<bool>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("memory", self.memory.is_some()),
            ("cpu", self.cpu.is_some()),
            ("name", self.name.is_some()),
            ("auto_heal", self.auto_heal.is_some()),
        ])
    }
}

/// How [`delete`] deletes.
///
/// ```
/// let opts = ferrocloud::openstack::container::v1::containers::DeleteOpts { stop: true, ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "stop=true");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DeleteOpts {
    /// Delete it whatever its status (admins from 1.7).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub force: bool,
    /// Stop it first if it runs (1.12).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub stop: bool,
    /// A container of another project (admins).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub all_projects: bool,
}

/// What [`execute`] runs.
///
/// ```
/// use ferrocloud::openstack::container::v1::containers::ExecuteOpts;
/// let opts = ExecuteOpts::run("ls -l");
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "command=ls+-l&run=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ExecuteOpts {
    /// The command line.
    pub command: String,
    /// Run it now and wait for its output (`false`: only prepare an exec session).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run: Option<bool>,
    /// Keep stdin open and give it a terminal (the answer holds a websocket URL).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interactive: Option<bool>,
}

impl ExecuteOpts {
    /// Runs `command` and waits for its output.
    pub fn run(command: impl Into<String>) -> Self {
        ExecuteOpts {
            command: command.into(),
            run: Some(true),
            interactive: None,
        }
    }
}

/// The outcome of [`execute`]: the output and exit code of a command run, or the exec
/// session of an interactive one.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ExecResult {
    /// What the command wrote.
    #[serde(default)]
    pub output: Option<String>,
    /// Its exit code.
    #[serde(default)]
    pub exit_code: Option<i64>,
    /// The exec session (interactive commands).
    #[serde(default)]
    pub exec_id: Option<String>,
    /// Where to attach to the session (interactive commands).
    #[serde(default)]
    pub url: Option<String>,
}

/// An exec session, as [`execute_resize`] may answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ExecSession {
    /// The exec session.
    #[serde(default)]
    pub exec_id: Option<String>,
    /// Where to attach to it.
    #[serde(default)]
    pub url: Option<String>,
}

/// Which logs [`logs`] reads.
///
/// ```
/// let opts = ferrocloud::openstack::container::v1::containers::LogsOpts { tail: Some("100".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "tail=100");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LogsOpts {
    /// Standard output (true by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stdout: Option<bool>,
    /// Standard error (true by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stderr: Option<bool>,
    /// Prefix each line with its time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamps: Option<bool>,
    /// The last lines only (a number, or `all`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tail: Option<String>,
    /// Since a time (epoch seconds, or a date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
}

/// The processes of a container, as `ps` shows them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Top {
    /// The column titles.
    #[serde(rename = "Titles")]
    pub titles: Vec<String>,
    /// One row per process.
    #[serde(rename = "Processes")]
    pub processes: Vec<Vec<String>>,
}

/// A snapshot of a container's resource use.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Stats {
    /// The container's name.
    #[serde(rename = "CONTAINER", default)]
    pub container: Option<String>,
    /// CPU use, in percent.
    #[serde(rename = "CPU %", default)]
    pub cpu_percent: Option<f64>,
    /// Memory in use, in MiB.
    #[serde(rename = "MEM USAGE(MiB)", default)]
    pub mem_usage_mib: Option<f64>,
    /// The memory limit, in MiB.
    #[serde(rename = "MEM LIMIT(MiB)", default)]
    pub mem_limit_mib: Option<f64>,
    /// Memory use, in percent.
    #[serde(rename = "MEM %", default)]
    pub mem_percent: Option<f64>,
    /// Bytes read and written (`read/written`).
    #[serde(rename = "BLOCK I/O(B)", default)]
    pub block_io: Option<String>,
    /// Bytes received and sent (`received/sent`).
    #[serde(rename = "NET I/O(B)", default)]
    pub net_io: Option<String>,
}

/// The image [`commit`] makes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Commit {
    /// The new image's UUID.
    pub uuid: String,
}

/// Files read from a container by [`get_archive`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Archive {
    /// The tar archive, base64-encoded from microversion 1.25 (see [`Archive::tar`]).
    pub data: String,
    /// What the path is.
    pub stat: ArchiveStat,
}

impl Archive {
    /// The tar archive's bytes (from base64, as Zun sends them from microversion 1.25).
    ///
    /// ```
    /// let a: ferrocloud::openstack::container::v1::containers::Archive = serde_json::from_str(
    ///     r#"{"data": "aGVsbG8=", "stat": {"name": "f", "size": 5, "mode": 420, "mtime": "", "linkTarget": ""}}"#).unwrap();
    /// assert_eq!(a.tar().unwrap(), b"hello");
    /// ```
    pub fn tar(&self) -> Result<Vec<u8>> {
        base64::engine::general_purpose::STANDARD
            .decode(self.data.trim())
            .map_err(|e| Error::new(ErrorKind::Decode, format!("archive data is not base64: {e}")))
    }
}

/// What a path in a container is.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ArchiveStat {
    /// Its name.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its mode bits.
    pub mode: u64,
    /// When it last changed.
    pub mtime: String,
    /// What a link points to (`""` for other files).
    #[serde(rename = "linkTarget", default)]
    pub link_target: String,
}

/// What [`put_archive`] writes: a tar archive.
///
/// ```
/// use ferrocloud::openstack::container::v1::containers::PutArchiveOpts;
/// assert_eq!(PutArchiveOpts::from_tar(b"hello").data, "aGVsbG8=");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PutArchiveOpts {
    /// The tar archive, base64-encoded (microversion 1.25 on; raw before).
    pub data: String,
}

impl PutArchiveOpts {
    /// A tar archive's bytes, encoded as Zun reads them from microversion 1.25.
    pub fn from_tar(tar: &[u8]) -> Self {
        PutArchiveOpts {
            data: base64::engine::general_purpose::STANDARD.encode(tar),
        }
    }
}

impl Validate for PutArchiveOpts {}

/// A fixed address of a container's port.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct FixedIp {
    /// The address.
    pub ip_address: String,
    /// 4 or 6.
    #[serde(default)]
    pub version: Option<u8>,
    /// The subnet.
    #[serde(default)]
    pub subnet_id: Option<String>,
}

/// A network a container is on, as [`network_list`] lists them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ContainerNetwork {
    /// The network.
    pub net_id: String,
    /// The port.
    pub port_id: String,
    /// Its fixed addresses (one object before microversion 1.18, a list after).
    #[serde(deserialize_with = "fixed_ips")]
    pub fixed_ips: Vec<FixedIp>,
}

fn fixed_ips<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Vec<FixedIp>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        Many(Vec<FixedIp>),
        One(FixedIp),
    }
    Ok(match Option::<OneOrMany>::deserialize(d)? {
        None => Vec::new(),
        Some(OneOrMany::Many(v)) => v,
        Some(OneOrMany::One(ip)) => vec![ip],
    })
}

/// A network or port to [`network_attach`] or [`network_detach`].
///
/// ```
/// let opts = ferrocloud::openstack::container::v1::containers::NetworkAttachOpts::network("private");
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "network=private");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct NetworkAttachOpts {
    /// The network's name or ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    /// A port's name or ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<String>,
    /// A fixed address on the network (attach only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed_ip: Option<String>,
}

impl NetworkAttachOpts {
    /// A network by name or ID.
    pub fn network(network: impl Into<String>) -> Self {
        NetworkAttachOpts {
            network: Some(network.into()),
            ..Default::default()
        }
    }

    /// A port by name or ID.
    pub fn port(port: impl Into<String>) -> Self {
        NetworkAttachOpts {
            port: Some(port.into()),
            ..Default::default()
        }
    }

    fn check(&self) -> Result<()> {
        crate::request::exactly_one_of(&[
            ("network", self.network.is_some()),
            ("port", self.port.is_some()),
        ])
    }
}

/// Lists containers, following Zun's `next` links.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Container> {
    list_next(client, &LIST, &[], opts)
}

crate::operation::extract_fn! {
    /// The containers of a page (or of all pages).
    extract_containers, Container
}

/// Creates a container (`202`: it is `Creating`; wait for `Created` or `Running`).
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Container> {
    if let Err(e) = opts.check(client) {
        return refused(e);
    }
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Creates a container and starts it (`run=true`).
pub async fn run(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Container> {
    if let Err(e) = opts.check(client) {
        return refused(e);
    }
    client
        .request(&CREATE, &[])
        .query_pair("run", "true")
        .body(opts)
        .send()
        .await
}

/// Shows a container, by name or UUID.
pub async fn get(client: &ServiceClient, container: &str) -> ApiResult<Container> {
    client.request(&GET, &[container]).send().await
}

/// Updates a container's memory, CPUs or name.
pub async fn update(
    client: &ServiceClient,
    container: &str,
    opts: &UpdateOpts,
) -> ApiResult<Container> {
    if let Err(e) = check_field(client, "name", opts.name.is_some(), Some("1.14"), None) {
        return refused(e);
    }
    client.request(&UPDATE, &[container]).body(opts).send().await
}

/// Deletes a container (`204`; deleted asynchronously from 1.10).
pub async fn delete(client: &ServiceClient, container: &str, opts: &DeleteOpts) -> ApiResult<()> {
    if let Err(e) = check_field(client, "stop", opts.stop, Some("1.12"), None) {
        return refused(e);
    }
    call(client, &DELETE, &[container], opts).await
}

/// Starts a container (`202`).
pub async fn start(client: &ServiceClient, container: &str) -> ApiResult<()> {
    call(client, &START, &[container], &()).await
}

#[derive(Serialize)]
struct Timeout {
    #[serde(skip_serializing_if = "Option::is_none")]
    timeout: Option<u32>,
}

/// Stops a container, killing it after `timeout` seconds (Docker's default when `None`).
pub async fn stop(client: &ServiceClient, container: &str, timeout: Option<u32>) -> ApiResult<()> {
    call(client, &STOP, &[container], &Timeout { timeout }).await
}

/// Restarts a container, killing it after `timeout` seconds if it does not stop.
pub async fn restart(
    client: &ServiceClient,
    container: &str,
    timeout: Option<u32>,
) -> ApiResult<()> {
    call(client, &REBOOT, &[container], &Timeout { timeout }).await
}

/// Pauses a container (`202`).
pub async fn pause(client: &ServiceClient, container: &str) -> ApiResult<()> {
    call(client, &PAUSE, &[container], &()).await
}

/// Unpauses a container (`202`).
pub async fn unpause(client: &ServiceClient, container: &str) -> ApiResult<()> {
    call(client, &UNPAUSE, &[container], &()).await
}

/// How [`rebuild`] rebuilds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RebuildOpts {
    /// Another image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Where that image comes from (`docker`, `glance`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_driver: Option<String>,
}

/// Rebuilds a container (`202`).
pub async fn rebuild(client: &ServiceClient, container: &str, opts: &RebuildOpts) -> ApiResult<()> {
    call(client, &REBUILD, &[container], opts).await
}

/// Sends `signal` (`SIGKILL` by default) to a container (`202`).
pub async fn kill(client: &ServiceClient, container: &str, signal: Option<&str>) -> ApiResult<()> {
    #[derive(Serialize)]
    struct Q<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        signal: Option<&'a str>,
    }
    call(client, &KILL, &[container], &Q { signal }).await
}

/// Renames a container (microversions up to 1.13; later, [`update`] its name).
pub async fn rename(client: &ServiceClient, container: &str, name: &str) -> ApiResult<Container> {
    if let Err(e) = non_empty("the new name", name) {
        return refused(e);
    }
    call_pairs(client, &RENAME, &[container], &[("name", name)]).await
}

/// Runs a command in a running container.
pub async fn execute(
    client: &ServiceClient,
    container: &str,
    opts: &ExecuteOpts,
) -> ApiResult<ExecResult> {
    if let Err(e) = non_empty("the command", &opts.command) {
        return refused(e);
    }
    call(client, &EXECUTE, &[container], opts).await
}

/// Resizes the terminal of the exec session `exec_id`.
pub async fn execute_resize(
    client: &ServiceClient,
    container: &str,
    exec_id: &str,
    width: u32,
    height: u32,
) -> ApiResult<Option<ExecSession>> {
    let (w, h) = (width.to_string(), height.to_string());
    let q = [("exec_id", exec_id), ("w", w.as_str()), ("h", h.as_str())];
    call_pairs(client, &EXECUTE_RESIZE, &[container], &q).await
}

/// Reads a container's logs, as text.
pub async fn logs(client: &ServiceClient, container: &str, opts: &LogsOpts) -> ApiResult<String> {
    call(client, &LOGS, &[container], opts).await
}

/// The processes of a container; `ps_args` are options for `ps` (`aux`).
pub async fn top(client: &ServiceClient, container: &str, ps_args: Option<&str>) -> ApiResult<Top> {
    let q: Vec<(&str, &str)> = ps_args.map(|a| ("ps_args", a)).into_iter().collect();
    call_pairs(client, &TOP, &[container], &q).await
}

/// A snapshot of a container's resource use.
pub async fn stats(client: &ServiceClient, container: &str) -> ApiResult<Stats> {
    call(client, &STATS, &[container], &()).await
}

/// Makes an image `repository[:tag]` of a container (`202`).
pub async fn commit(
    client: &ServiceClient,
    container: &str,
    repository: &str,
    tag: Option<&str>,
) -> ApiResult<Commit> {
    if let Err(e) = non_empty("the repository", repository) {
        return refused(e);
    }
    let mut q = vec![("repository", repository)];
    q.extend(tag.map(|t| ("tag", t)));
    call_pairs(client, &COMMIT, &[container], &q).await
}

/// The websocket URL to attach to an interactive container.
pub async fn attach(client: &ServiceClient, container: &str) -> ApiResult<String> {
    call(client, &ATTACH, &[container], &()).await
}

/// Resizes the terminal of an interactive container.
pub async fn resize(
    client: &ServiceClient,
    container: &str,
    width: u32,
    height: u32,
) -> ApiResult<()> {
    let (w, h) = (width.to_string(), height.to_string());
    call_pairs(client, &RESIZE, &[container], &[("w", w.as_str()), ("h", h.as_str())]).await
}

/// Reads `path` of a container as a tar archive.
pub async fn get_archive(client: &ServiceClient, container: &str, path: &str) -> ApiResult<Archive> {
    if let Err(e) = non_empty("the path", path) {
        return refused(e);
    }
    call_pairs(client, &GET_ARCHIVE, &[container], &[("path", path)]).await
}

/// Writes a tar archive into the directory `path` of a container.
pub async fn put_archive(
    client: &ServiceClient,
    container: &str,
    path: &str,
    opts: &PutArchiveOpts,
) -> ApiResult<()> {
    if let Err(e) = non_empty("the path", path) {
        return refused(e);
    }
    client
        .request(&PUT_ARCHIVE, &[container])
        .query_pair("path", path)
        .body(opts)
        .send()
        .await
}

/// Adds a security group (name or ID) to a container (`202`; up to 1.14).
pub async fn add_security_group(
    client: &ServiceClient,
    container: &str,
    group: &str,
) -> ApiResult<()> {
    security_group(client, &ADD_SECURITY_GROUP, container, group).await
}

/// Removes a security group (name or ID) from a container (`202`; up to 1.14).
pub async fn remove_security_group(
    client: &ServiceClient,
    container: &str,
    group: &str,
) -> ApiResult<()> {
    security_group(client, &REMOVE_SECURITY_GROUP, container, group).await
}

async fn security_group(
    client: &ServiceClient,
    op: &'static Op<()>,
    container: &str,
    group: &str,
) -> ApiResult<()> {
    if let Err(e) = non_empty("the security group", group) {
        return refused(e);
    }
    call_pairs(client, op, &[container], &[("name", group)]).await
}

/// Attaches a network or a port to a container (`202`; 1.8).
pub async fn network_attach(
    client: &ServiceClient,
    container: &str,
    opts: &NetworkAttachOpts,
) -> ApiResult<()> {
    if let Err(e) = opts.check() {
        return refused(e);
    }
    call(client, &NETWORK_ATTACH, &[container], opts).await
}

/// Detaches a network or a port from a container (`202`; 1.6, ports from 1.17).
pub async fn network_detach(
    client: &ServiceClient,
    container: &str,
    opts: &NetworkAttachOpts,
) -> ApiResult<()> {
    let checked = opts.check().and_then(|()| {
        if opts.fixed_ip.is_some() {
            return Err(Error::invalid_input("a network is detached without fixed_ip"));
        }
        check_field(client, "port", opts.port.is_some(), Some("1.17"), None)
    });
    if let Err(e) = checked {
        return refused(e);
    }
    call(client, &NETWORK_DETACH, &[container], opts).await
}

/// The networks a container is on (1.13), in one page.
pub fn network_list(client: &ServiceClient, container: &str) -> Pager<ContainerNetwork> {
    list_single(client, &NETWORK_LIST, &[container])
}

crate::operation::extract_fn! {
    /// The networks of a page.
    extract_networks, ContainerNetwork
}

/// The end of a wait on a container in `Error`, with its `status_reason`.
fn failed(c: &Container) -> State {
    State::Failed(format!(
        "container is Error: {}",
        c.status_reason.as_deref().unwrap_or("no reason given")
    ))
}

/// Waits until a container is in `status`; `Error` ends the wait with its
/// `status_reason`, and so does `Deleted`.
pub async fn wait_for_status(
    client: &ServiceClient,
    container: &str,
    status: Status,
    opts: &WaitOpts,
) -> Result<Container> {
    crate::wait::wait_for(
        &format!("container {container} to be {status}"),
        opts,
        || async { get(client, container).await.extract() },
        |c: &Container| match &c.status {
            s if *s == status => State::Ready,
            Status::Error => failed(c),
            Status::Deleted => State::Failed("container is Deleted".into()),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}

/// Waits until a container is gone (`404`); `Error` ends the wait with its
/// `status_reason`.
pub async fn wait_for_delete(client: &ServiceClient, container: &str, opts: &WaitOpts) -> Result<()> {
    crate::wait::wait_for(
        &format!("container {container} to be deleted"),
        opts,
        || async {
            match get(client, container).await.extract() {
                Ok(c) => Ok(Some(c)),
                Err(e) if e.is_not_found() => Ok(None),
                Err(e) => Err(e),
            }
        },
        |c: &Option<Container>| match c {
            None => State::Ready,
            Some(c) if c.status == Status::Error => failed(c),
            Some(_) => State::Pending,
        },
        |_| {},
    )
    .await
    .map(|_| ())
}
