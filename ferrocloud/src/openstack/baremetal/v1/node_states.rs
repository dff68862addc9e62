//! A node's states and their changes: the provision state machine (`manage`,
//! `provide`, `inspect`, `active` with a config drive or deploy steps, `rebuild`,
//! `deleted`, `clean`, `service`, `rescue`, `unrescue`, `abort`, `adopt`, `unhold`),
//! power, boot mode, secure boot, the RAID configuration to apply, the serial console,
//! and waiters for a provision or power state.
//!
//! Every change is asynchronous (`202`): wait for its end with
//! [`wait_for_provision_state`](crate::openstack::baremetal::v1::node_states::wait_for_provision_state), which fails as soon as the node
//! reaches a failure state (`deploy failed`, `clean failed`…) with its `last_error`.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::node_states::{self, ProvisionOpts, ProvisionTarget};
//! use ferrocloud::openstack::baremetal::v1::nodes::ProvisionState;
//! use ferrocloud::wait::WaitOpts;
//! node_states::set_provision_state(&ironic, "node-1", &ProvisionOpts::new(ProvisionTarget::Manage)).await.ok()?;
//! node_states::wait_for_provision_state(&ironic, "node-1", ProvisionState::Manageable, &WaitOpts::default()).await?;
//! node_states::set_provision_state(&ironic, "node-1", &ProvisionOpts::new(ProvisionTarget::Provide)).await.ok()?;
//! node_states::wait_for_provision_state(&ironic, "node-1", ProvisionState::Available, &WaitOpts::default()).await?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{Object, since, text_enum};
use super::nodes::{self, Node, PowerState, ProvisionState};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, SecretString, ServiceClient};

crate::operations! {
    service: "baremetal";
    /// A node's states.
    GET = GET "/nodes/{node_ident}/states" response(NodeStates);
    /// Change a node's provision state.
    SET_PROVISION = PUT "/nodes/{node_ident}/states/provision" request(ProvisionOpts);
    /// Change a node's power state.
    SET_POWER = PUT "/nodes/{node_ident}/states/power" request(PowerOpts);
    /// Change a node's boot mode.
    SET_BOOT_MODE = PUT "/nodes/{node_ident}/states/boot_mode" since("1.76") request(BootModeOpts);
    /// Turn a node's secure boot on or off.
    SET_SECURE_BOOT = PUT "/nodes/{node_ident}/states/secure_boot" since("1.76") request(SecureBootOpts);
    /// Set the RAID configuration to apply.
    SET_RAID = PUT "/nodes/{node_ident}/states/raid" since("1.12") request(RaidConfig);
    /// A node's console.
    GET_CONSOLE = GET "/nodes/{node_ident}/states/console" response(Console);
    /// Turn a node's console on or off.
    SET_CONSOLE = PUT "/nodes/{node_ident}/states/console" request(ConsoleOpts);
}

/// A node's states (`GET /nodes/{node}/states`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct NodeStates {
    /// The power state.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub power_state: Option<PowerState>,
    /// The power state being reached.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub target_power_state: Option<PowerState>,
    /// The provision state.
    pub provision_state: ProvisionState,
    /// The provision state being reached.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub target_provision_state: Option<ProvisionState>,
    /// When the provision state last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub provision_updated_at: Option<Timestamp>,
    /// The error of the last failed action.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub last_error: Option<String>,
    /// Whether the console is on.
    pub console_enabled: bool,
    /// The RAID configuration (1.12).
    #[serde(default)]
    pub raid_config: Option<Object>,
    /// The RAID configuration to apply (1.12).
    #[serde(default)]
    pub target_raid_config: Option<Object>,
    /// The boot mode (1.75).
    #[serde(default)]
    pub boot_mode: Option<String>,
    /// Whether secure boot is on (1.75).
    #[serde(default)]
    pub secure_boot: Option<bool>,
}

/// A node's states.
pub async fn get(client: &ServiceClient, ident: &str) -> ApiResult<NodeStates> {
    client.request(&GET, &[ident]).send().await
}

text_enum! {
    /// A provision action (a "verb" of Ironic's state machine), with the microversion
    /// that added it.
    ///
    /// ```
    /// use ferrocloud::openstack::baremetal::v1::node_states::ProvisionTarget;
    /// assert_eq!(serde_json::to_string(&ProvisionTarget::Deleted).unwrap(), "\"deleted\"");
    /// assert_eq!(ProvisionTarget::Unhold.min_version(), Some("1.85"));
    /// ```
    ProvisionTarget {
        /// Deploy (`active`).
        Active = "active",
        /// Deploy (1.73; the same as `active`).
        Deploy = "deploy",
        /// Redeploy.
        Rebuild = "rebuild",
        /// Tear down (`deleted`).
        Deleted = "deleted",
        /// Tear down (1.73; the same as `deleted`).
        Undeploy = "undeploy",
        /// Verify the credentials and take control (1.4).
        Manage = "manage",
        /// Make available, cleaning first when enabled (1.4).
        Provide = "provide",
        /// Inspect the hardware (1.6).
        Inspect = "inspect",
        /// Abort the current action (1.13).
        Abort = "abort",
        /// Clean with explicit steps or a runbook (1.15).
        Clean = "clean",
        /// Take over a deployed machine (1.17).
        Adopt = "adopt",
        /// Boot the rescue ramdisk (1.38).
        Rescue = "rescue",
        /// Leave rescue (1.38).
        Unrescue = "unrescue",
        /// Resume a held deployment or cleaning (1.85).
        Unhold = "unhold",
        /// Service a deployed node with steps (1.87).
        Service = "service",
    }
}

impl ProvisionTarget {
    /// The first microversion that accepts this action (`None`: the base version).
    pub fn min_version(&self) -> Option<&'static str> {
        match self {
            ProvisionTarget::Manage | ProvisionTarget::Provide => Some("1.4"),
            ProvisionTarget::Inspect => Some("1.6"),
            ProvisionTarget::Abort => Some("1.13"),
            ProvisionTarget::Clean => Some("1.15"),
            ProvisionTarget::Adopt => Some("1.17"),
            ProvisionTarget::Rescue | ProvisionTarget::Unrescue => Some("1.38"),
            ProvisionTarget::Deploy | ProvisionTarget::Undeploy => Some("1.73"),
            ProvisionTarget::Unhold => Some("1.85"),
            ProvisionTarget::Service => Some("1.87"),
            _ => None,
        }
    }
}

/// One step of cleaning, deployment or servicing.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::node_states::Step;
/// let s = Step::new("deploy", "upgrade_firmware").arg("force", "True");
/// assert_eq!(serde_json::to_value(&s).unwrap(), serde_json::json!(
///     {"interface": "deploy", "step": "upgrade_firmware", "args": {"force": "True"}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The interface that runs it (`deploy`, `bios`, `raid`, `management`…).
    pub interface: String,
    /// The step's name.
    pub step: String,
    /// Its arguments.
    #[serde(default)]
    pub args: Object,
    /// Its priority (deploy steps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u32>,
}

impl Step {
    /// Step `step` of `interface`, without arguments.
    pub fn new(interface: impl Into<String>, step: impl Into<String>) -> Self {
        Step {
            interface: interface.into(),
            step: step.into(),
            ..Default::default()
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.args.insert(name.into(), value.into());
        self
    }

    /// Sets the priority (deploy steps).
    pub fn priority(mut self, priority: u32) -> Self {
        self.priority = Some(priority);
        self
    }
}

/// A config drive for `active`/`rebuild`: a URL or a gzipped, base64-encoded ISO image
/// as text, or (1.56) its contents, which Ironic builds into an image. Either may hold
/// secrets (keys, passwords in user data): `Debug` shows neither.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ConfigDrive {
    /// A URL, or the image as base64 text.
    Text(String),
    /// The contents (1.56): `meta_data`, `network_data`, `user_data`, and (1.59)
    /// `vendor_data`.
    Contents(Object),
}

impl std::fmt::Debug for ConfigDrive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigDrive::Text(_) => f.write_str("ConfigDrive::Text([REDACTED])"),
            ConfigDrive::Contents(m) => {
                write!(f, "ConfigDrive::Contents({:?})", m.keys().collect::<Vec<_>>())
            }
        }
    }
}

/// What [`set_provision_state`] sends: the action and the options that go with it.
/// Options of another action, or newer than the client's microversion, are refused
/// before sending.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::node_states::{ConfigDrive, ProvisionOpts, ProvisionTarget};
/// let opts = ProvisionOpts::new(ProvisionTarget::Active)
///     .configdrive(ConfigDrive::Text("http://127.0.0.1/images/test-node-config-drive.iso.gz".into()));
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"target": "active",
///     "configdrive": "http://127.0.0.1/images/test-node-config-drive.iso.gz"}));
/// let rescue = ProvisionOpts::new(ProvisionTarget::Rescue).rescue_password("pa55w0rd");
/// assert!(!format!("{rescue:?}").contains("pa55w0rd"));
/// ```
#[derive(Clone, Serialize, Deserialize)]
pub struct ProvisionOpts {
    /// The action.
    pub target: ProvisionTarget,
    /// The config drive (`active`, `rebuild`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configdrive: Option<ConfigDrive>,
    /// The cleaning steps (`clean`, 1.15).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clean_steps: Vec<Step>,
    /// The deploy steps (`active`, `rebuild`, 1.69).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deploy_steps: Vec<Step>,
    /// The service steps (`service`, 1.87).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_steps: Vec<Step>,
    /// A runbook to run instead of steps (`clean`, `service`; 1.92).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runbook: Option<String>,
    /// The password of the rescue ramdisk (`rescue`, 1.38).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::de::secret::option")]
    pub rescue_password: Option<SecretString>,
    /// Run the steps without booting the ramdisk (`clean` 1.70, `service` 1.108).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_ramdisk: Option<bool>,
}

impl std::fmt::Debug for ProvisionOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProvisionOpts")
            .field("target", &self.target)
            .field("configdrive", &self.configdrive)
            .field("clean_steps", &self.clean_steps)
            .field("deploy_steps", &self.deploy_steps)
            .field("service_steps", &self.service_steps)
            .field("runbook", &self.runbook)
            .field("rescue_password", &self.rescue_password.as_ref().map(|_| "[REDACTED]"))
            .field("disable_ramdisk", &self.disable_ramdisk)
            .finish()
    }
}

impl ProvisionOpts {
    /// Action `target` without options.
    pub fn new(target: ProvisionTarget) -> Self {
        ProvisionOpts {
            target,
            configdrive: None,
            clean_steps: Vec::new(),
            deploy_steps: Vec::new(),
            service_steps: Vec::new(),
            runbook: None,
            rescue_password: None,
            disable_ramdisk: None,
        }
    }

    /// Sets the config drive.
    pub fn configdrive(mut self, drive: ConfigDrive) -> Self {
        self.configdrive = Some(drive);
        self
    }

    /// Sets the cleaning steps.
    pub fn clean_steps(mut self, steps: Vec<Step>) -> Self {
        self.clean_steps = steps;
        self
    }

    /// Sets the deploy steps.
    pub fn deploy_steps(mut self, steps: Vec<Step>) -> Self {
        self.deploy_steps = steps;
        self
    }

    /// Sets the service steps.
    pub fn service_steps(mut self, steps: Vec<Step>) -> Self {
        self.service_steps = steps;
        self
    }

    /// Runs a runbook (by name or UUID).
    pub fn runbook(mut self, runbook: impl Into<String>) -> Self {
        self.runbook = Some(runbook.into());
        self
    }

    /// Sets the rescue password.
    pub fn rescue_password(mut self, password: impl Into<String>) -> Self {
        self.rescue_password = Some(SecretString::from(password.into()));
        self
    }

    /// Runs the steps without the ramdisk.
    pub fn disable_ramdisk(mut self, disable: bool) -> Self {
        self.disable_ramdisk = Some(disable);
        self
    }

    /// Refuses options the action does not take, or that the client's microversion
    /// does not accept.
    fn check(&self, client: &ServiceClient) -> Result<()> {
        use ProvisionTarget as T;
        let t = &self.target;
        if let Some(v) = t.min_version() {
            since(client, &format!("provision action {t:?}", t = t.as_str()), true, v)?;
        }
        let deploying = matches!(t, T::Active | T::Deploy | T::Rebuild);
        let only = |field: &str, set: bool, ok: bool| {
            if set && !ok {
                Err(Error::invalid_input(format!(
                    "{field} does not go with provision action {:?}",
                    t.as_str()
                )))
            } else {
                Ok(())
            }
        };
        only("configdrive", self.configdrive.is_some(), deploying)?;
        only("deploy_steps", !self.deploy_steps.is_empty(), deploying)?;
        only("clean_steps", !self.clean_steps.is_empty(), matches!(t, T::Clean))?;
        only("service_steps", !self.service_steps.is_empty(), matches!(t, T::Service))?;
        only("runbook", self.runbook.is_some(), matches!(t, T::Clean | T::Service))?;
        only("rescue_password", self.rescue_password.is_some(), matches!(t, T::Rescue))?;
        only(
            "disable_ramdisk",
            self.disable_ramdisk.is_some(),
            matches!(t, T::Clean | T::Service),
        )?;
        if matches!(t, T::Rescue) && self.rescue_password.is_none() {
            return Err(Error::invalid_input("provision action \"rescue\" needs a rescue_password"));
        }
        if matches!(t, T::Clean) && self.clean_steps.is_empty() && self.runbook.is_none() {
            return Err(Error::invalid_input(
                "provision action \"clean\" needs clean_steps or a runbook",
            ));
        }
        let json_drive = matches!(self.configdrive, Some(ConfigDrive::Contents(_)));
        since(client, "configdrive as JSON", json_drive, "1.56")?;
        let vendor = matches!(&self.configdrive, Some(ConfigDrive::Contents(m)) if m.contains_key("vendor_data"));
        since(client, "configdrive vendor_data", vendor, "1.59")?;
        since(client, "deploy_steps", !self.deploy_steps.is_empty(), "1.69")?;
        since(client, "runbook", self.runbook.is_some(), "1.92")?;
        let ramdisk = if matches!(t, T::Service) { "1.108" } else { "1.70" };
        since(client, "disable_ramdisk", self.disable_ramdisk.is_some(), ramdisk)
    }
}

impl Validate for ProvisionOpts {}

/// Starts a provision action (`202`): follow it with [`wait_for_provision_state`].
pub async fn set_provision_state(client: &ServiceClient, ident: &str, opts: &ProvisionOpts) -> ApiResult<()> {
    let request = client.request(&SET_PROVISION, &[ident]).body(opts);
    match opts.check(client) {
        Ok(()) => request.send().await,
        Err(e) => request.fail_with(e).send().await,
    }
}

/// What [`set_power_state`] sends.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::{node_states::PowerOpts, nodes::PowerState};
/// let o = PowerOpts::new(PowerState::SoftOff).timeout(300);
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"target": "soft power off", "timeout": 300}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PowerOpts {
    /// `power on`, `power off`, `rebooting`, `soft power off` or `soft rebooting`.
    pub target: PowerState,
    /// Seconds before the change is given up (1.27).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u32>,
}

impl PowerOpts {
    /// Power change to `target`.
    pub fn new(target: PowerState) -> Self {
        PowerOpts { target, timeout: None }
    }

    /// Sets the timeout, in seconds.
    pub fn timeout(mut self, seconds: u32) -> Self {
        self.timeout = Some(seconds);
        self
    }
}

impl Validate for PowerOpts {
    fn validate(&self) -> Result<()> {
        if matches!(self.target, PowerState::Error) {
            return Err(Error::invalid_input("\"error\" is not a power state to reach"));
        }
        Ok(())
    }
}

/// Changes a node's power state (`202`): follow it with [`wait_for_power_state`].
pub async fn set_power_state(client: &ServiceClient, ident: &str, opts: &PowerOpts) -> ApiResult<()> {
    let soft = matches!(opts.target, PowerState::SoftOff | PowerState::SoftRebooting);
    let request = client.request(&SET_POWER, &[ident]).body(opts);
    let checked = since(client, "a soft power target", soft, "1.27")
        .and_then(|()| since(client, "timeout", opts.timeout.is_some(), "1.27"));
    match checked {
        Ok(()) => request.send().await,
        Err(e) => request.fail_with(e).send().await,
    }
}

text_enum! {
    /// A boot mode.
    ///
    /// ```
    /// use ferrocloud::openstack::baremetal::v1::node_states::BootMode;
    /// assert_eq!(serde_json::to_string(&BootMode::Uefi).unwrap(), "\"uefi\"");
    /// ```
    BootMode {
        /// UEFI.
        Uefi = "uefi",
        /// Legacy BIOS.
        Bios = "bios",
    }
}

/// What [`set_boot_mode`] sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BootModeOpts {
    /// The boot mode.
    pub target: BootMode,
}

impl Validate for BootModeOpts {}

/// Changes a node's boot mode (1.76; `202`).
pub async fn set_boot_mode(client: &ServiceClient, ident: &str, mode: BootMode) -> ApiResult<()> {
    let opts = BootModeOpts { target: mode };
    client.request(&SET_BOOT_MODE, &[ident]).body(&opts).send().await
}

/// What [`set_secure_boot`] sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecureBootOpts {
    /// On or off.
    pub target: bool,
}

impl Validate for SecureBootOpts {}

/// Turns a node's secure boot on or off (1.76; `202`).
pub async fn set_secure_boot(client: &ServiceClient, ident: &str, on: bool) -> ApiResult<()> {
    let opts = SecureBootOpts { target: on };
    client.request(&SET_SECURE_BOOT, &[ident]).body(&opts).send().await
}

/// A RAID configuration: the logical disks to build (each an object: `size_gb`,
/// `raid_level`, `is_root_volume`…).
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::node_states::RaidConfig;
/// let c = RaidConfig { logical_disks: vec![serde_json::json!({"size_gb": 100, "raid_level": "1"})] };
/// assert_eq!(serde_json::to_value(&c).unwrap()["logical_disks"][0]["raid_level"], "1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RaidConfig {
    /// The logical disks.
    pub logical_disks: Vec<Value>,
}

impl Validate for RaidConfig {}

/// Sets the RAID configuration applied by the next cleaning (1.12; `204`).
pub async fn set_raid_config(client: &ServiceClient, ident: &str, config: &RaidConfig) -> ApiResult<()> {
    client.request(&SET_RAID, &[ident]).body(config).send().await
}

/// A node's console: whether it is on and how to reach it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Console {
    /// Whether it is on.
    pub console_enabled: bool,
    /// How to reach it (`type` and `url`), when it is on.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub console_info: Option<Object>,
}

/// A node's console.
pub async fn get_console(client: &ServiceClient, ident: &str) -> ApiResult<Console> {
    client.request(&GET_CONSOLE, &[ident]).send().await
}

/// What [`set_console`] sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleOpts {
    /// On or off.
    pub enabled: bool,
}

impl Validate for ConsoleOpts {}

/// Turns a node's console on or off (`202`).
pub async fn set_console(client: &ServiceClient, ident: &str, enabled: bool) -> ApiResult<()> {
    client.request(&SET_CONSOLE, &[ident]).body(&ConsoleOpts { enabled }).send().await
}

/// Waits until the node reaches provision state `target`. Reaching a failure state
/// ([`ProvisionState::is_failure`]) other than `target` ends the wait with an error
/// that carries the node's `last_error`.
pub async fn wait_for_provision_state(
    client: &ServiceClient,
    ident: &str,
    target: ProvisionState,
    opts: &crate::wait::WaitOpts,
) -> Result<Node> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("node {ident} to be {target}"),
        opts,
        || async { nodes::get(client, ident).await.extract() },
        |n: &Node| {
            if n.provision_state == target {
                State::Ready
            } else if n.provision_state.is_failure() {
                State::Failed(format!(
                    "node {ident} is {}: {}",
                    n.provision_state,
                    n.last_error.as_deref().unwrap_or("no error recorded")
                ))
            } else {
                State::Pending
            }
        },
        |_| {},
    )
    .await
}

/// Waits until the node's power state is `target` and no power change is under way.
/// A power state `error`, or a `last_error` once the change stopped short of the
/// target, ends the wait with an error.
pub async fn wait_for_power_state(
    client: &ServiceClient,
    ident: &str,
    target: PowerState,
    opts: &crate::wait::WaitOpts,
) -> Result<Node> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("node {ident} to be {target}"),
        opts,
        || async { nodes::get(client, ident).await.extract() },
        |n: &Node| match (&n.power_state, &n.target_power_state) {
            (Some(p), None) if *p == target => State::Ready,
            (Some(PowerState::Error), _) => State::Failed(format!(
                "node {ident}'s power state is error: {}",
                n.last_error.as_deref().unwrap_or("no error recorded")
            )),
            (_, None) if n.last_error.is_some() => State::Failed(format!(
                "node {ident} did not reach {target}: {}",
                n.last_error.as_deref().unwrap_or_default()
            )),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}
