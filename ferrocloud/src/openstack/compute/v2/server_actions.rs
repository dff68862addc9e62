//! Server actions (`POST /servers/{server_id}/action`): reboot, rebuild, resize,
//! start/stop, pause, suspend, lock, rescue, shelve, migrate, evacuate, images and
//! backups, passwords, console output, reset state, crash dumps, security groups, fixed
//! and floating IPs.
//!
//! Every action is one operation, told apart by the key of its body (`{"reboot": …}`).
//! Most return nothing: wait for the server's new status with
//! [`wait_for_status`](crate::openstack::compute::v2::servers::wait_for_status).
//! Options that only exist from a microversion are refused before sending when the
//! client's microversion is older.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::server_actions::{self, CreateImageOpts, RebootType};
//! use ferrocloud::openstack::compute::v2::servers;
//! use ferrocloud::wait::WaitOpts;
//! let id = "0e44cc9c-e052-415d-afbf-469b0d384170";
//! server_actions::stop(&compute, id).await.ok()?;
//! servers::wait_for_status(&compute, id, "SHUTOFF", &WaitOpts::default()).await?;
//! server_actions::start(&compute, id).await.ok()?;
//! server_actions::reboot(&compute, id, RebootType::Soft).await.ok()?;
//! let log = server_actions::get_console_output(&compute, id, Some(50)).await?;
//! let image_id = server_actions::create_image(&compute, id, &CreateImageOpts::new("snap-1")).await?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::de::Deserializer;
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use super::remote_consoles::{Console, ConsoleType};
use super::servers::{
    check_field, client_microversion, double_option, secret, secret_opt, Lenient, Personality,
    Server,
};
use crate::microversion::Microversion;
use crate::openstack::compute::v2::extensions::diskconfig::DiskConfig;
use crate::request::{require, ApiResult, Response, Validate};
use crate::{Error, ErrorKind, Operation, Result, SecretString, ServiceClient};

crate::operations! {
    service: "compute";
    /// Associate a floating IP (until 2.43; use the networking API).
    ADD_FLOATING_IP = POST "/servers/{server_id}/action" until("2.43") request("addFloatingIp", AddFloatingIpOpts);
    /// Add a security group to a server.
    ADD_SECURITY_GROUP = POST "/servers/{server_id}/action" request("addSecurityGroup", SecurityGroupOpts);
    /// Change the admin password.
    CHANGE_PASSWORD = POST "/servers/{server_id}/action" request("changePassword", ChangePasswordOpts);
    /// Confirm a resize or cold migration.
    CONFIRM_RESIZE = POST "/servers/{server_id}/action" request("confirmResize", Null);
    /// Create a backup image, rotating older ones.
    CREATE_BACKUP = POST "/servers/{server_id}/action" request("createBackup", CreateBackupOpts) response(CreatedImage);
    /// Create an image (snapshot) of a server.
    CREATE_IMAGE = POST "/servers/{server_id}/action" request("createImage", CreateImageOpts) response(CreatedImage);
    /// Lock a server.
    LOCK = POST "/servers/{server_id}/action" request("lock", OrNull<LockOpts>);
    /// Pause a server.
    PAUSE = POST "/servers/{server_id}/action" request("pause", Null);
    /// Reboot a server.
    REBOOT = POST "/servers/{server_id}/action" request("reboot", RebootOpts);
    /// Rebuild a server from an image.
    REBUILD = POST "/servers/{server_id}/action" request("rebuild", RebuildOpts) response("server", RebuiltServer);
    /// Disassociate a floating IP (until 2.43; use the networking API).
    REMOVE_FLOATING_IP = POST "/servers/{server_id}/action" until("2.43") request("removeFloatingIp", RemoveFloatingIpOpts);
    /// Remove a security group from a server.
    REMOVE_SECURITY_GROUP = POST "/servers/{server_id}/action" request("removeSecurityGroup", SecurityGroupOpts);
    /// Put a server in rescue mode.
    RESCUE = POST "/servers/{server_id}/action" request("rescue", RescueOpts) response(AdminPassword);
    /// Resize a server to another flavor.
    RESIZE = POST "/servers/{server_id}/action" request("resize", ResizeOpts);
    /// Resume a suspended server.
    RESUME = POST "/servers/{server_id}/action" request("resume", Null);
    /// Revert a resize or cold migration.
    REVERT_RESIZE = POST "/servers/{server_id}/action" request("revertResize", Null);
    /// Start a stopped server.
    START = POST "/servers/{server_id}/action" request("os-start", Null);
    /// Stop (power off) a server.
    STOP = POST "/servers/{server_id}/action" request("os-stop", Null);
    /// Suspend a server.
    SUSPEND = POST "/servers/{server_id}/action" request("suspend", Null);
    /// Unlock a server.
    UNLOCK = POST "/servers/{server_id}/action" request("unlock", Null);
    /// Unpause a server.
    UNPAUSE = POST "/servers/{server_id}/action" request("unpause", Null);
    /// Leave rescue mode.
    UNRESCUE = POST "/servers/{server_id}/action" request("unrescue", Null);
    /// Inject network information into a server (admin).
    INJECT_NETWORK_INFO = POST "/servers/{server_id}/action" request("injectNetworkInfo", Null);
    /// Cold-migrate a server (admin).
    MIGRATE = POST "/servers/{server_id}/action" request("migrate", OrNull<MigrateOpts>);
    /// Live-migrate a server (admin).
    LIVE_MIGRATE = POST "/servers/{server_id}/action" request("os-migrateLive", LiveMigrateOpts);
    /// Reset a server's state (admin).
    RESET_STATE = POST "/servers/{server_id}/action" request("os-resetState", ResetStateOpts);
    /// Show the console output of a server.
    GET_CONSOLE_OUTPUT = POST "/servers/{server_id}/action" request("os-getConsoleOutput", ConsoleOutputOpts) response("output", String);
    /// Trigger a crash dump in a server (2.17+).
    TRIGGER_CRASH_DUMP = POST "/servers/{server_id}/action" since("2.17") request("trigger_crash_dump", Null);
    /// Delete a soft-deleted server now.
    FORCE_DELETE = POST "/servers/{server_id}/action" request("forceDelete", Null);
    /// Restore a soft-deleted server.
    RESTORE = POST "/servers/{server_id}/action" request("restore", Null);
    /// Rebuild a server on another host after its host failed (admin).
    EVACUATE = POST "/servers/{server_id}/action" request("evacuate", EvacuateOpts) response(AdminPassword);
    /// Add a fixed IP on a network (until 2.43).
    ADD_FIXED_IP = POST "/servers/{server_id}/action" until("2.43") request("addFixedIp", AddFixedIpOpts);
    /// Remove a fixed IP (until 2.43).
    REMOVE_FIXED_IP = POST "/servers/{server_id}/action" until("2.43") request("removeFixedIp", RemoveFixedIpOpts);
    /// Shelve a server.
    SHELVE = POST "/servers/{server_id}/action" request("shelve", Null);
    /// Offload a shelved server from its host.
    SHELVE_OFFLOAD = POST "/servers/{server_id}/action" request("shelveOffload", Null);
    /// Unshelve a server.
    UNSHELVE = POST "/servers/{server_id}/action" request("unshelve", OrNull<UnshelveOpts>);
    /// Get a VNC console (until 2.5; then `remote_consoles::create`).
    GET_VNC_CONSOLE = POST "/servers/{server_id}/action" until("2.5") request("os-getVNCConsole", ConsoleOpts) response("console", Console);
    /// Get a SPICE console (until 2.5; then `remote_consoles::create`).
    GET_SPICE_CONSOLE = POST "/servers/{server_id}/action" until("2.5") request("os-getSPICEConsole", ConsoleOpts) response("console", Console);
    /// Get a serial console (until 2.5; then `remote_consoles::create`).
    GET_SERIAL_CONSOLE = POST "/servers/{server_id}/action" until("2.5") request("os-getSerialConsole", ConsoleOpts) response("console", Console);
}

// ------------------------------------------------------------------ bodies

pub use crate::request::Null;

/// Options of an action that Nova also takes as `null`: written as `null` when nothing
/// is set (the form every microversion accepts), as an object otherwise.
///
/// ```
/// use ferrocloud::openstack::compute::v2::server_actions::{LockOpts, OrNull};
/// assert_eq!(serde_json::to_string(&OrNull(LockOpts::default())).unwrap(), "null");
/// let why = OrNull(LockOpts { locked_reason: Some("maintenance".into()) });
/// assert_eq!(serde_json::to_string(&why).unwrap(), r#"{"locked_reason":"maintenance"}"#);
/// let read: OrNull<LockOpts> = serde_json::from_str("null").unwrap();
/// assert_eq!(read.0, LockOpts::default());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrNull<T>(pub T);

impl<T: Serialize + Default + PartialEq> Serialize for OrNull<T> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        if self.0 == T::default() {
            s.serialize_none()
        } else {
            self.0.serialize(s)
        }
    }
}

impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for OrNull<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Ok(OrNull(Option::<T>::deserialize(d)?.unwrap_or_default()))
    }
}

impl<T: Validate> Validate for OrNull<T> {
    fn validate(&self) -> Result<()> {
        self.0.validate()
    }
}

/// A floating IP to associate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddFloatingIpOpts {
    /// The floating IP address.
    pub address: String,
    /// The fixed IP to map it to (default: the first one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_address: Option<String>,
}

impl Validate for AddFloatingIpOpts {
    fn validate(&self) -> Result<()> {
        require("address", !self.address.is_empty())
    }
}

/// A floating IP to disassociate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoveFloatingIpOpts {
    /// The floating IP address.
    pub address: String,
}

impl Validate for RemoveFloatingIpOpts {
    fn validate(&self) -> Result<()> {
        require("address", !self.address.is_empty())
    }
}

/// A security group to add or remove (by name; Nova also accepts an ID).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityGroupOpts {
    /// The group's name.
    pub name: String,
}

impl Validate for SecurityGroupOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())
    }
}

/// A new admin password. It never shows in `Debug` output.
///
/// ```
/// use ferrocloud::openstack::compute::v2::server_actions::ChangePasswordOpts;
/// let o = ChangePasswordOpts::new("n3w-pass");
/// assert_eq!(serde_json::to_string(&o).unwrap(), r#"{"adminPass":"n3w-pass"}"#);
/// assert!(!format!("{o:?}").contains("n3w-pass"));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ChangePasswordOpts {
    /// The password.
    #[serde(rename = "adminPass", with = "secret")]
    pub admin_pass: SecretString,
}

impl ChangePasswordOpts {
    /// The password `p`.
    pub fn new(p: impl Into<String>) -> Self {
        ChangePasswordOpts {
            admin_pass: SecretString::from(p.into()),
        }
    }
}

impl Validate for ChangePasswordOpts {
    fn validate(&self) -> Result<()> {
        use secrecy::ExposeSecret;
        require("adminPass", !self.admin_pass.expose_secret().is_empty())
    }
}

/// A backup image to create.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateBackupOpts {
    /// The image's name.
    pub name: String,
    /// The backup type (`daily`, `weekly`…: any text; backups of one type rotate
    /// together).
    pub backup_type: String,
    /// How many backups of this type to keep (0 deletes them all and creates none that
    /// stays).
    pub rotation: u32,
    /// Image properties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
}

impl Validate for CreateBackupOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())?;
        require("backup_type", !self.backup_type.is_empty())
    }
}

/// An image to create from a server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateImageOpts {
    /// The image's name.
    pub name: String,
    /// Image properties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
}

impl CreateImageOpts {
    /// An image named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateImageOpts {
            name: name.into(),
            metadata: None,
        }
    }

    /// Adds an image property.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata
            .get_or_insert_with(BTreeMap::new)
            .insert(key.into(), value.into());
        self
    }
}

impl Validate for CreateImageOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())
    }
}

/// The image an image or backup action created, in the body from microversion 2.45
/// (before, in the `Location` header; [`create_image`] and [`create_backup`] read both).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct CreatedImage {
    /// The image's ID (`None` for a backup with rotation 0).
    #[serde(default)]
    pub image_id: Option<String>,
}

/// Why a server is locked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockOpts {
    /// The reason (2.73+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked_reason: Option<String>,
}

impl Validate for LockOpts {
    fn validate(&self) -> Result<()> {
        if self.locked_reason.as_deref() == Some("") {
            return Err(Error::invalid_input("locked_reason must not be empty"));
        }
        Ok(())
    }
}

/// How to reboot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RebootType {
    /// Ask the guest to restart.
    #[default]
    #[serde(rename = "SOFT", alias = "Soft", alias = "soft")]
    Soft,
    /// Power-cycle.
    #[serde(rename = "HARD", alias = "Hard", alias = "hard")]
    Hard,
}

/// The reboot action's body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RebootOpts {
    /// Soft or hard.
    #[serde(rename = "type")]
    pub reboot_type: RebootType,
}

impl Validate for RebootOpts {}

/// A rebuild: the image (required) and what to change with it. Fields added by a
/// microversion are refused by [`rebuild`] when the client's microversion is older.
///
/// ```
/// use ferrocloud::openstack::compute::v2::server_actions::RebuildOpts;
/// let o = RebuildOpts::new("70a599e0-31e7-49b7-b260-868f441e862b").name("web-2");
/// assert_eq!(serde_json::to_string(&o).unwrap(),
///     r#"{"imageRef":"70a599e0-31e7-49b7-b260-868f441e862b","name":"web-2"}"#);
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RebuildOpts {
    /// The image (required).
    #[serde(rename = "imageRef")]
    pub image_ref: String,
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new admin password.
    #[serde(
        rename = "adminPass",
        default,
        with = "secret_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub admin_pass: Option<SecretString>,
    /// New metadata (replacing the old).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
    /// Keep the ephemeral disk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preserve_ephemeral: Option<bool>,
    /// The disk configuration.
    #[serde(
        rename = "OS-DCF:diskConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub disk_config: Option<DiskConfig>,
    /// A new public IPv4 address.
    #[serde(
        rename = "accessIPv4",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_ipv4: Option<String>,
    /// A new public IPv6 address.
    #[serde(
        rename = "accessIPv6",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_ipv6: Option<String>,
    /// Files to inject (until 2.56).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personality: Option<Vec<Personality>>,
    /// A new description (2.19+); `Some(None)` clears it.
    #[serde(
        default,
        deserialize_with = "double_option::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<Option<String>>,
    /// A new key pair (2.54+); `Some(None)` removes it.
    #[serde(
        default,
        deserialize_with = "double_option::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub key_name: Option<Option<String>>,
    /// New user data, base64-encoded (2.57+); `Some(None)` removes it.
    #[serde(
        default,
        deserialize_with = "double_option::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_data: Option<Option<String>>,
    /// Trusted certificate IDs (2.63+); `Some(None)` removes them.
    #[serde(
        default,
        deserialize_with = "double_option::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub trusted_image_certificates: Option<Option<Vec<String>>>,
    /// A new guest host name (2.90+; an FQDN from 2.94).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
}

impl RebuildOpts {
    /// A rebuild from this image.
    pub fn new(image_ref: impl Into<String>) -> Self {
        RebuildOpts {
            image_ref: image_ref.into(),
            ..Default::default()
        }
    }

    /// Sets the name.
    pub fn name(mut self, n: impl Into<String>) -> Self {
        self.name = Some(n.into());
        self
    }

    /// Sets the admin password.
    pub fn admin_pass(mut self, p: impl Into<String>) -> Self {
        self.admin_pass = Some(SecretString::from(p.into()));
        self
    }

    /// Sets the user data from raw bytes (encoded here; 2.57+).
    pub fn user_data(mut self, data: impl AsRef<[u8]>) -> Self {
        self.user_data = Some(Some(super::servers::base64_encode(data.as_ref())));
        self
    }

    /// Refuses the fields the client's microversion does not read.
    pub fn check_microversion(&self, client: &ServiceClient) -> Result<()> {
        check_field(
            client,
            "personality",
            self.personality.is_some(),
            None,
            Some("2.56"),
        )?;
        check_field(
            client,
            "description",
            self.description.is_some(),
            Some("2.19"),
            None,
        )?;
        check_field(client, "key_name", self.key_name.is_some(), Some("2.54"), None)?;
        check_field(client, "user_data", self.user_data.is_some(), Some("2.57"), None)?;
        check_field(
            client,
            "trusted_image_certificates",
            self.trusted_image_certificates.is_some(),
            Some("2.63"),
            None,
        )?;
        check_field(client, "hostname", self.hostname.is_some(), Some("2.90"), None)
    }
}

impl Validate for RebuildOpts {
    fn validate(&self) -> Result<()> {
        require("imageRef", !self.image_ref.is_empty())?;
        if self.name.as_deref() == Some("") {
            return Err(Error::invalid_input("name must not be empty"));
        }
        Ok(())
    }
}

/// A rebuilt server, with the admin password (when the cloud sets one) and the user
/// data (2.57+). The password never shows in `Debug` output.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct RebuiltServer {
    /// The server.
    #[serde(flatten)]
    pub server: Server,
    /// The admin password.
    #[serde(
        rename = "adminPass",
        default,
        deserialize_with = "secret_opt::deserialize"
    )]
    pub admin_pass: Option<SecretString>,
    /// The user data, base64-encoded (2.57+).
    #[serde(default)]
    pub user_data: Option<String>,
}

/// Rescue options.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RescueOpts {
    /// The password of the rescue system.
    #[serde(
        rename = "adminPass",
        default,
        with = "secret_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub admin_pass: Option<SecretString>,
    /// The image to rescue with (default: the server's own image).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rescue_image_ref: Option<String>,
}

impl Validate for RescueOpts {}

/// The admin password some actions answer with (rescue, and evacuate before 2.14), when
/// the cloud sets one. It never shows in `Debug` output.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AdminPassword {
    /// The password.
    #[serde(
        rename = "adminPass",
        default,
        deserialize_with = "secret_opt::deserialize"
    )]
    pub admin_pass: Option<SecretString>,
}

/// A resize.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResizeOpts {
    /// The new flavor's ID or URL.
    #[serde(rename = "flavorRef")]
    pub flavor_ref: String,
    /// The disk configuration.
    #[serde(
        rename = "OS-DCF:diskConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub disk_config: Option<DiskConfig>,
}

impl Validate for ResizeOpts {
    fn validate(&self) -> Result<()> {
        require("flavorRef", !self.flavor_ref.is_empty())
    }
}

/// Where to cold-migrate (the scheduler picks when unset).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrateOpts {
    /// The target host (2.56+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
}

impl Validate for MigrateOpts {}

/// Whether a live migration copies the disks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BlockMigration {
    /// Let Nova decide from the storage (2.25+).
    #[default]
    Auto,
    /// Copy (`true`) or not (`false`).
    Bool(bool),
}

impl Serialize for BlockMigration {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            BlockMigration::Auto => s.serialize_str("auto"),
            BlockMigration::Bool(b) => s.serialize_bool(*b),
        }
    }
}

impl<'de> Deserialize<'de> for BlockMigration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Bool(bool),
            Text(String),
        }
        match Repr::deserialize(d)? {
            Repr::Bool(b) => Ok(BlockMigration::Bool(b)),
            Repr::Text(t) if t.eq_ignore_ascii_case("auto") => Ok(BlockMigration::Auto),
            Repr::Text(t) => {
                serde_json::from_value::<Lenient<bool>>(serde_json::Value::String(t.clone()))
                    .map(|b| BlockMigration::Bool(b.value()))
                    .map_err(|_| {
                        serde::de::Error::custom(format!(
                            "block_migration must be a boolean or \"auto\", not {t:?}"
                        ))
                    })
            }
        }
    }
}

/// A live migration. [`live_migrate`] adapts it to the client's microversion: before
/// 2.25 `block_migration` must be a boolean and `disk_over_commit` is sent (false when
/// unset); from 2.25 `disk_over_commit` is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveMigrateOpts {
    /// The target host (`None`: the scheduler picks; sent as `null`).
    #[serde(default)]
    pub host: Option<String>,
    /// Block migration.
    pub block_migration: BlockMigration,
    /// Allow disk over-commit (before 2.25).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk_over_commit: Option<bool>,
    /// Skip the scheduler's checks of the target host (2.30–2.67).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

impl Validate for LiveMigrateOpts {}

/// A server state an admin can reset to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResetState {
    /// `active`.
    #[default]
    Active,
    /// `error`.
    Error,
}

/// The reset-state action's body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResetStateOpts {
    /// The state.
    pub state: ResetState,
}

impl Validate for ResetStateOpts {}

/// How much console output to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleOutputOpts {
    /// The number of last lines (`None` or -1: all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<i64>,
}

impl Validate for ConsoleOutputOpts {
    fn validate(&self) -> Result<()> {
        match self.length {
            Some(n) if n < -1 => Err(Error::invalid_input(format!(
                "length must be -1 or more, not {n}"
            ))),
            _ => Ok(()),
        }
    }
}

/// An evacuation. Fields are refused by [`evacuate`] outside the microversions that
/// read them: `on_shared_storage` is required before 2.14 and refused after; `force`
/// exists from 2.29 to 2.67.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EvacuateOpts {
    /// The target host (the scheduler picks when unset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The new admin password.
    #[serde(
        rename = "adminPass",
        default,
        with = "secret_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub admin_pass: Option<SecretString>,
    /// Whether the server's disks are on shared storage (before 2.14).
    #[serde(
        rename = "onSharedStorage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_shared_storage: Option<Lenient<bool>>,
    /// Skip the scheduler's checks of the target host (2.29–2.67).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

impl Validate for EvacuateOpts {}

/// A fixed IP to add: one more port on this network.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddFixedIpOpts {
    /// The network's ID.
    #[serde(rename = "networkId")]
    pub network_id: String,
}

impl Validate for AddFixedIpOpts {
    fn validate(&self) -> Result<()> {
        require("networkId", !self.network_id.is_empty())
    }
}

/// A fixed IP to remove.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoveFixedIpOpts {
    /// The address.
    pub address: String,
}

impl Validate for RemoveFixedIpOpts {
    fn validate(&self) -> Result<()> {
        require("address", !self.address.is_empty())
    }
}

/// Where to unshelve. Unset, the body is `null` (the original zone, any host).
///
/// ```
/// use ferrocloud::openstack::compute::v2::server_actions::UnshelveOpts;
/// let unpin = UnshelveOpts { availability_zone: Some(None), host: Some("host01".into()) };
/// assert_eq!(serde_json::to_string(&unpin).unwrap(), r#"{"availability_zone":null,"host":"host01"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnshelveOpts {
    /// The availability zone (2.77+); `Some(None)` unpins the server from its zone
    /// (2.91+).
    #[serde(
        default,
        deserialize_with = "double_option::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub availability_zone: Option<Option<String>>,
    /// The target host (admin, 2.91+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
}

impl Validate for UnshelveOpts {}

/// The console type asked of the deprecated console actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleOpts {
    /// The type (`novnc`, `spice-html5`, `serial`…).
    #[serde(rename = "type")]
    pub console_type: ConsoleType,
}

impl Default for ConsoleOpts {
    /// noVNC.
    fn default() -> Self {
        ConsoleOpts {
            console_type: ConsoleType::NoVnc,
        }
    }
}

impl Validate for ConsoleOpts {}

// ------------------------------------------------------------------ sending

async fn act<B: Serialize + Validate>(
    client: &ServiceClient,
    op: &'static Operation,
    id: &str,
    body: &B,
) -> ApiResult<()> {
    client.request(op, &[id]).body(body).send().await
}

fn refused<T>(e: Error) -> ApiResult<T> {
    ApiResult::from_error(e)
}

macro_rules! simple_actions {
    ($($(#[$doc:meta])* $fn_name:ident => $op:ident;)*) => {$(
        $(#[$doc])*
        pub async fn $fn_name(client: &ServiceClient, id: &str) -> ApiResult<()> {
            act(client, &$op, id, &Null).await
        }
    )*};
}

simple_actions! {
    /// Confirms a resize or cold migration (the server leaves `VERIFY_RESIZE`).
    confirm_resize => CONFIRM_RESIZE;
    /// Pauses a server (`PAUSED`).
    pause => PAUSE;
    /// Unpauses a server.
    unpause => UNPAUSE;
    /// Suspends a server (`SUSPENDED`).
    suspend => SUSPEND;
    /// Resumes a suspended server.
    resume => RESUME;
    /// Reverts a resize or cold migration.
    revert_resize => REVERT_RESIZE;
    /// Starts a stopped server (`ACTIVE`).
    start => START;
    /// Stops a server (`SHUTOFF`).
    stop => STOP;
    /// Unlocks a server.
    unlock => UNLOCK;
    /// Leaves rescue mode.
    unrescue => UNRESCUE;
    /// Injects network information into a server (admin).
    inject_network_info => INJECT_NETWORK_INFO;
    /// Triggers a crash dump (NMI) in a server (2.17+).
    trigger_crash_dump => TRIGGER_CRASH_DUMP;
    /// Deletes a soft-deleted server now.
    force_delete => FORCE_DELETE;
    /// Restores a soft-deleted server.
    restore => RESTORE;
    /// Shelves a server (`SHELVED`, then `SHELVED_OFFLOADED`).
    shelve => SHELVE;
    /// Removes a shelved server from its host (`SHELVED_OFFLOADED`).
    shelve_offload => SHELVE_OFFLOAD;
}

/// Reboots a server (`REBOOT` or `HARD_REBOOT`, then `ACTIVE`).
pub async fn reboot(client: &ServiceClient, id: &str, how: RebootType) -> ApiResult<()> {
    act(client, &REBOOT, id, &RebootOpts { reboot_type: how }).await
}

/// Resizes a server; confirm with [`confirm_resize`] once it is `VERIFY_RESIZE`.
pub async fn resize(client: &ServiceClient, id: &str, opts: &ResizeOpts) -> ApiResult<()> {
    act(client, &RESIZE, id, opts).await
}

/// Rebuilds a server from an image and returns it (with the admin password, when the
/// cloud sets one).
pub async fn rebuild(
    client: &ServiceClient,
    id: &str,
    opts: &RebuildOpts,
) -> ApiResult<RebuiltServer> {
    if let Err(e) = opts.check_microversion(client) {
        return refused(e);
    }
    client.request(&REBUILD, &[id]).body(opts).send().await
}

/// Locks a server (admins and the owner can still act on it, depending on policy).
pub async fn lock(client: &ServiceClient, id: &str, opts: &LockOpts) -> ApiResult<()> {
    if let Err(e) = check_field(
        client,
        "locked_reason",
        opts.locked_reason.is_some(),
        Some("2.73"),
        None,
    ) {
        return refused(e);
    }
    act(client, &LOCK, id, &OrNull(opts.clone())).await
}

/// Changes the admin password (where the driver supports it).
pub async fn change_password(
    client: &ServiceClient,
    id: &str,
    password: &SecretString,
) -> ApiResult<()> {
    let body = ChangePasswordOpts {
        admin_pass: password.clone(),
    };
    act(client, &CHANGE_PASSWORD, id, &body).await
}

/// Adds a security group to a server.
pub async fn add_security_group(client: &ServiceClient, id: &str, name: &str) -> ApiResult<()> {
    act(
        client,
        &ADD_SECURITY_GROUP,
        id,
        &SecurityGroupOpts { name: name.into() },
    )
    .await
}

/// Removes a security group from a server.
pub async fn remove_security_group(client: &ServiceClient, id: &str, name: &str) -> ApiResult<()> {
    act(
        client,
        &REMOVE_SECURITY_GROUP,
        id,
        &SecurityGroupOpts { name: name.into() },
    )
    .await
}

/// Associates a floating IP (until 2.43).
pub async fn add_floating_ip(
    client: &ServiceClient,
    id: &str,
    opts: &AddFloatingIpOpts,
) -> ApiResult<()> {
    act(client, &ADD_FLOATING_IP, id, opts).await
}

/// Disassociates a floating IP (until 2.43).
pub async fn remove_floating_ip(client: &ServiceClient, id: &str, address: &str) -> ApiResult<()> {
    act(
        client,
        &REMOVE_FLOATING_IP,
        id,
        &RemoveFloatingIpOpts {
            address: address.into(),
        },
    )
    .await
}

/// Adds a fixed IP on a network (until 2.43).
pub async fn add_fixed_ip(client: &ServiceClient, id: &str, network_id: &str) -> ApiResult<()> {
    act(
        client,
        &ADD_FIXED_IP,
        id,
        &AddFixedIpOpts {
            network_id: network_id.into(),
        },
    )
    .await
}

/// Removes a fixed IP (until 2.43).
pub async fn remove_fixed_ip(client: &ServiceClient, id: &str, address: &str) -> ApiResult<()> {
    act(
        client,
        &REMOVE_FIXED_IP,
        id,
        &RemoveFixedIpOpts {
            address: address.into(),
        },
    )
    .await
}

/// The image ID from a `createImage`/`createBackup` answer: the body (2.45+) or the
/// `Location` header (before).
fn created_image_id(resp: &Response) -> Result<Option<String>> {
    if !resp.body().iter().all(u8::is_ascii_whitespace) {
        let created: CreatedImage = resp.decode(None)?;
        if created.image_id.is_some() {
            return Ok(created.image_id);
        }
    }
    Ok(resp
        .header("location")
        .and_then(|l| l.trim_end_matches('/').rsplit('/').next())
        .filter(|s| !s.is_empty())
        .map(str::to_string))
}

/// Creates an image (snapshot) of a server and returns the image's ID. The image is
/// `queued`/`saving` at first: wait for it in the image service.
pub async fn create_image(
    client: &ServiceClient,
    id: &str,
    opts: &CreateImageOpts,
) -> Result<String> {
    let resp = client
        .request(&CREATE_IMAGE, &[id])
        .body(opts)
        .send_raw()
        .await?;
    created_image_id(&resp)?.ok_or_else(|| {
        Error::new(
            ErrorKind::Decode,
            "the createImage answer has neither an image_id nor a Location header",
        )
        .with_request_id(resp.request_id())
    })
}

/// Creates a backup image of a server and returns its ID (`None` when Nova gives none:
/// before 2.45 with rotation 0).
pub async fn create_backup(
    client: &ServiceClient,
    id: &str,
    opts: &CreateBackupOpts,
) -> Result<Option<String>> {
    let resp = client
        .request(&CREATE_BACKUP, &[id])
        .body(opts)
        .send_raw()
        .await?;
    created_image_id(&resp)
}

/// Puts a server in rescue mode (`RESCUE`) and returns the rescue password, when the
/// cloud sets one.
pub async fn rescue(
    client: &ServiceClient,
    id: &str,
    opts: &RescueOpts,
) -> Result<Option<SecretString>> {
    let r: Option<AdminPassword> = client
        .request(&RESCUE, &[id])
        .body(opts)
        .send()
        .await
        .extract_into()?;
    Ok(r.and_then(|p| p.admin_pass))
}

/// Cold-migrates a server (admin); confirm with [`confirm_resize`] once it is
/// `VERIFY_RESIZE`.
pub async fn migrate(client: &ServiceClient, id: &str, opts: &MigrateOpts) -> ApiResult<()> {
    if let Err(e) = check_field(client, "host", opts.host.is_some(), Some("2.56"), None) {
        return refused(e);
    }
    act(client, &MIGRATE, id, &OrNull(opts.clone())).await
}

/// Live-migrates a server (admin). See [`LiveMigrateOpts`] for how the body follows the
/// client's microversion.
pub async fn live_migrate(
    client: &ServiceClient,
    id: &str,
    opts: &LiveMigrateOpts,
) -> ApiResult<()> {
    let mut body = opts.clone();
    let modern = client_microversion(client).is_none_or(|v| v >= Microversion::new(2, 25));
    if modern {
        if let Err(e) = check_field(
            client,
            "disk_over_commit",
            opts.disk_over_commit.is_some(),
            None,
            Some("2.24"),
        ) {
            return refused(e);
        }
    } else {
        if opts.block_migration == BlockMigration::Auto {
            return refused(Error::invalid_input(
                "block_migration \"auto\" needs compute microversion 2.25 or later; use BlockMigration::Bool",
            ));
        }
        body.disk_over_commit.get_or_insert(false);
    }
    if let Err(e) = check_field(
        client,
        "force",
        opts.force.is_some(),
        Some("2.30"),
        Some("2.67"),
    ) {
        return refused(e);
    }
    act(client, &LIVE_MIGRATE, id, &body).await
}

/// Resets a server's state (admin).
pub async fn reset_state(client: &ServiceClient, id: &str, state: ResetState) -> ApiResult<()> {
    act(client, &RESET_STATE, id, &ResetStateOpts { state }).await
}

/// Returns the console output (the last `length` lines, or all).
pub async fn get_console_output(
    client: &ServiceClient,
    id: &str,
    length: Option<i64>,
) -> Result<String> {
    client
        .request(&GET_CONSOLE_OUTPUT, &[id])
        .body(&ConsoleOutputOpts { length })
        .send()
        .await
        .extract()
}

/// Rebuilds a server on another host after its host failed (admin), and returns the
/// admin password Nova answers with before 2.14.
pub async fn evacuate(
    client: &ServiceClient,
    id: &str,
    opts: &EvacuateOpts,
) -> Result<Option<SecretString>> {
    check_field(
        client,
        "onSharedStorage",
        opts.on_shared_storage.is_some(),
        None,
        Some("2.13"),
    )?;
    check_field(
        client,
        "force",
        opts.force.is_some(),
        Some("2.29"),
        Some("2.67"),
    )?;
    if opts.on_shared_storage.is_none()
        && client_microversion(client).is_some_and(|v| v < Microversion::new(2, 14))
    {
        return Err(Error::invalid_input(
            "onSharedStorage is required before compute microversion 2.14",
        ));
    }
    let r: Option<AdminPassword> = client
        .request(&EVACUATE, &[id])
        .body(opts)
        .send()
        .await
        .extract_into()?;
    Ok(r.and_then(|p| p.admin_pass))
}

/// Unshelves a server.
pub async fn unshelve(client: &ServiceClient, id: &str, opts: &UnshelveOpts) -> ApiResult<()> {
    let unpin = matches!(opts.availability_zone, Some(None));
    let zone = matches!(opts.availability_zone, Some(Some(_)));
    let checks = check_field(client, "availability_zone", zone, Some("2.77"), None)
        .and_then(|()| {
            check_field(
                client,
                "availability_zone: null (unpin)",
                unpin,
                Some("2.91"),
                None,
            )
        })
        .and_then(|()| check_field(client, "host", opts.host.is_some(), Some("2.91"), None));
    if let Err(e) = checks {
        return refused(e);
    }
    act(client, &UNSHELVE, id, &OrNull(opts.clone())).await
}

/// Gets a VNC console URL (until 2.5; then `remote_consoles::create`).
pub async fn get_vnc_console(
    client: &ServiceClient,
    id: &str,
    console_type: ConsoleType,
) -> ApiResult<Console> {
    client
        .request(&GET_VNC_CONSOLE, &[id])
        .body(&ConsoleOpts { console_type })
        .send()
        .await
}

/// Gets a SPICE console URL (until 2.5; then `remote_consoles::create`).
pub async fn get_spice_console(
    client: &ServiceClient,
    id: &str,
    console_type: ConsoleType,
) -> ApiResult<Console> {
    client
        .request(&GET_SPICE_CONSOLE, &[id])
        .body(&ConsoleOpts { console_type })
        .send()
        .await
}

/// Gets a serial console URL (until 2.5; then `remote_consoles::create`).
pub async fn get_serial_console(
    client: &ServiceClient,
    id: &str,
    console_type: ConsoleType,
) -> ApiResult<Console> {
    client
        .request(&GET_SERIAL_CONSOLE, &[id])
        .body(&ConsoleOpts { console_type })
        .send()
        .await
}
