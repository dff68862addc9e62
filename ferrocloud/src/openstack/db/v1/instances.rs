//! Database instances: create (with datastore, volume, networks, databases and users),
//! list, show, update (name, configuration group, datastore version, replication,
//! access), delete, the actions (restart, resize, replica promotion and ejection,
//! status reset), an instance's backups and default configuration, and the waiters.
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::db::v1::instances::{self, CreateOpts, NewUser};
//! use ferrocloud::openstack::db::v1::databases::NewDatabase;
//! let opts = CreateOpts {
//!     databases: vec![NewDatabase::new("app")],
//!     users: vec![NewUser::new("app", "s3cret").databases(["app"])],
//!     ..CreateOpts::new("db1", "d2").datastore("mysql", "5.7").volume_size(2)
//! };
//! let id = instances::create(&trove, &opts).await.extract()?.id;
//! instances::wait_for_status(&trove, &id, &Default::default()).await?;
//! instances::resize_volume(&trove, &id, 4).await.ok()?;
//! # Ok(()) }
//! ```

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::backups::Backup;
use super::common::{DatastoreRef, Empty, ListOpts, Ref, Values, db_functions};
use super::databases::NewDatabase;
use crate::dates::Timestamp;
use crate::de::{Link, text_enum};
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::wait::{State, WaitOpts};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "database";
    /// List instances.
    LIST = GET "/instances" list("instances", InstanceSummary);
    /// List instances with their details.
    LIST_DETAIL = GET "/instances/detail" list("instances", Instance);
    /// Create an instance.
    CREATE = POST "/instances" request("instance", CreateOpts) response("instance", Instance);
    /// Show an instance.
    GET = GET "/instances/{instance_id}" response("instance", Instance);
    /// Update an instance (name, configuration group, datastore version, replication,
    /// access).
    UPDATE = PUT "/instances/{instance_id}" request("instance", UpdateOpts);
    /// Delete an instance.
    DELETE = DELETE "/instances/{instance_id}";
    /// Restart the database service.
    RESTART = POST "/instances/{instance_id}/action" request("restart", Empty);
    /// Resize the flavor or the volume.
    RESIZE = POST "/instances/{instance_id}/action" request("resize", ResizeOpts);
    /// Promote a replica to be the replication source.
    PROMOTE = POST "/instances/{instance_id}/action" request("promote_to_replica_source", Empty);
    /// Eject a failed replication source.
    EJECT = POST "/instances/{instance_id}/action" request("eject_replica_source", Empty);
    /// Reset the status of an instance stuck in a task.
    RESET_STATUS = POST "/instances/{instance_id}/action" request("reset_status", Empty);
    /// List an instance's backups.
    LIST_BACKUPS = GET "/instances/{instance_id}/backups" list("backups", Backup);
    /// Show the instance's default configuration.
    GET_CONFIGURATION = GET "/instances/{instance_id}/configuration" response("instance", InstanceConfiguration);
}

text_enum! {
    /// Where an instance stands.
    ///
    /// ```
    /// use ferrocloud::openstack::db::v1::instances::InstanceStatus;
    /// assert_eq!(serde_json::from_str::<InstanceStatus>("\"BUILD\"").unwrap(), InstanceStatus::Build);
    /// ```
    InstanceStatus {
        /// Serving.
        Active = "ACTIVE",
        /// Being built.
        Build = "BUILD",
        /// A backup is running.
        Backup = "BACKUP",
        /// The server is blocked.
        Blocked = "BLOCKED",
        /// Being rebooted.
        Reboot = "REBOOT",
        /// Being resized.
        Resize = "RESIZE",
        /// Being upgraded.
        Upgrade = "UPGRADE",
        /// Being promoted to replication source.
        Promote = "PROMOTE",
        /// The replication source is being ejected.
        Eject = "EJECT",
        /// Being detached from its source.
        Detach = "DETACH",
        /// Logs are being handled.
        Logging = "LOGGING",
        /// A change waits for a restart.
        RestartRequired = "RESTART_REQUIRED",
        /// The database service is stopped.
        Shutdown = "SHUTDOWN",
        /// Failed.
        Error = "ERROR",
        /// The database service failed.
        Failed = "FAILED",
    }
}

/// The address of an instance on one network.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Address {
    /// The address.
    pub address: String,
    /// `private` or `public`.
    #[serde(rename = "type")]
    pub address_type: String,
    /// The network, when known.
    #[serde(default)]
    pub network: Option<String>,
}

/// An instance's volume.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Volume {
    /// The size in GiB.
    pub size: u64,
    /// GiB in use.
    #[serde(default)]
    pub used: Option<f64>,
    /// Percent in use.
    #[serde(default)]
    pub used_percent: Option<f64>,
    /// GiB of the file system (administrators).
    #[serde(default)]
    pub total: Option<f64>,
    /// The Cinder volume's ID (administrators).
    #[serde(default)]
    pub id: Option<String>,
    /// The Cinder volume's status (administrators).
    #[serde(default)]
    pub status: Option<String>,
    /// The Cinder volume's availability zone (administrators).
    #[serde(default)]
    pub availability_zone: Option<String>,
    /// When the Cinder volume was created (administrators).
    #[serde(default, with = "crate::dates::option")]
    pub created_at: Option<Timestamp>,
    /// The Cinder volume's attachments (administrators).
    #[serde(default)]
    pub attachments: Vec<serde_json::Value>,
}

/// The datastore of an instance.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct InstanceDatastore {
    /// The datastore (`mysql`).
    #[serde(rename = "type", default)]
    pub datastore_type: Option<String>,
    /// The version's name.
    pub version: String,
    /// The version's number (`5.7.29`).
    #[serde(default)]
    pub version_number: Option<String>,
}

/// Why an instance failed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Fault {
    /// The message.
    pub message: String,
    /// When.
    #[serde(with = "crate::dates::timestamp")]
    pub created: Timestamp,
    /// Details (a traceback for administrators).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub details: Option<String>,
}

/// Who may reach an instance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Access {
    /// Whether it has a public address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
    /// The networks allowed to connect.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_cidrs: Vec<String>,
}

/// An instance as the plain listing shows it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct InstanceSummary {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// Where it stands.
    pub status: InstanceStatus,
    /// The database service's status (`HEALTHY`), `None` before it reports.
    #[serde(default, deserialize_with = "crate::de::empty_as_none")]
    pub operating_status: Option<String>,
    /// The flavor.
    pub flavor: Ref,
    /// The datastore.
    pub datastore: InstanceDatastore,
    /// The volume.
    #[serde(default)]
    pub volume: Option<Volume>,
    /// The addresses.
    #[serde(default)]
    pub ip: Vec<String>,
    /// The region.
    #[serde(default)]
    pub region: Option<String>,
    /// Links.
    pub links: Vec<Link>,
}

/// An instance with its details.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Instance {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// Where it stands.
    pub status: InstanceStatus,
    /// The database service's status (`HEALTHY`), `None` before it reports (`""`).
    #[serde(deserialize_with = "crate::de::empty_as_none")]
    pub operating_status: Option<String>,
    /// The flavor.
    pub flavor: Ref,
    /// The datastore.
    pub datastore: InstanceDatastore,
    /// The volume.
    #[serde(default)]
    pub volume: Option<Volume>,
    /// The addresses.
    #[serde(default)]
    pub ip: Vec<String>,
    /// The addresses with their types and networks.
    #[serde(default)]
    pub addresses: Vec<Address>,
    /// The host name, when the datastore gives one.
    #[serde(default)]
    pub hostname: Option<String>,
    /// The region.
    pub region: String,
    /// The project (administrators).
    #[serde(default)]
    pub tenant_id: Option<String>,
    /// Who may reach it.
    #[serde(default)]
    pub access: Option<Access>,
    /// Its configuration group.
    #[serde(default)]
    pub configuration: Option<Ref>,
    /// Its replication source.
    #[serde(default)]
    pub replica_of: Option<Ref>,
    /// Its replicas.
    #[serde(default)]
    pub replicas: Vec<Ref>,
    /// Its cluster.
    #[serde(default)]
    pub cluster_id: Option<String>,
    /// Its shard in the cluster.
    #[serde(default)]
    pub shard_id: Option<String>,
    /// Why it failed.
    #[serde(default)]
    pub fault: Option<Fault>,
    /// The root password Trove made, when the create request asked for one.
    #[serde(default, with = "crate::de::secret::option")]
    pub password: Option<SecretString>,
    /// The Nova server (administrators).
    #[serde(default)]
    pub server_id: Option<String>,
    /// The Cinder volume (administrators).
    #[serde(default)]
    pub volume_id: Option<String>,
    /// The Nova server's record (administrators).
    #[serde(default)]
    pub server: Option<serde_json::Value>,
    /// The guest agent's status (administrators).
    #[serde(default)]
    pub service_status: Option<String>,
    /// What the guest agent says (administrators).
    #[serde(default)]
    pub guest_status: Option<serde_json::Value>,
    /// The running task (administrators).
    #[serde(default)]
    pub task_description: Option<String>,
    /// Whether RPC messages to the guest are encrypted (administrators).
    #[serde(default)]
    pub encrypted_rpc_messaging: Option<bool>,
    /// Whether it was deleted (administrators).
    #[serde(default)]
    pub deleted: Option<bool>,
    /// When it was deleted (administrators).
    #[serde(default, with = "crate::dates::option")]
    pub deleted_at: Option<Timestamp>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
    /// When the guest agent last reported.
    #[serde(with = "crate::dates::option")]
    pub service_status_updated: Option<Timestamp>,
    /// Links.
    pub links: Vec<Link>,
}

/// A database user to create with an instance or on it ([`crate::openstack::db::v1::users::create`]).
/// The password is a secret: `Debug` does not show it.
///
/// ```
/// use ferrocloud::openstack::db::v1::instances::NewUser;
/// let u = NewUser::new("app", "s3cret").databases(["app"]);
/// assert!(!format!("{u:?}").contains("s3cret"));
/// assert_eq!(serde_json::to_value(&u).unwrap(), serde_json::json!(
///     {"name": "app", "password": "s3cret", "databases": [{"name": "app"}]}));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewUser {
    /// The name.
    pub name: String,
    /// The password.
    #[serde(with = "crate::de::secret")]
    pub password: SecretString,
    /// The host it may connect from (`%`: any).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// The databases it may use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub databases: Vec<DatabaseName>,
}

impl NewUser {
    /// A user `name` with `password`.
    pub fn new(name: impl Into<String>, password: impl Into<String>) -> Self {
        NewUser {
            name: name.into(),
            password: SecretString::from(password.into()),
            host: None,
            databases: Vec::new(),
        }
    }

    /// Grants the user these databases.
    pub fn databases<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.databases = names.into_iter().map(|n| DatabaseName { name: n.into() }).collect();
        self
    }
}

impl Validate for NewUser {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.is_empty())
    }
}

/// A database named in a user's access.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseName {
    /// The database.
    pub name: String,
}

/// A network of a new instance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nic {
    /// The network.
    #[serde(rename = "net-id", default, skip_serializing_if = "Option::is_none")]
    pub net_id: Option<String>,
    /// A subnet of it.
    #[serde(rename = "subnet-id", default, skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    /// A fixed address.
    #[serde(rename = "ip-address", default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// A port instead.
    #[serde(rename = "port-id", default, skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
}

/// The volume of a new instance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewVolume {
    /// The size in GiB.
    pub size: u64,
    /// The Cinder volume type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<String>,
}

/// The backup a new instance is restored from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestorePoint {
    /// The backup's ID.
    #[serde(rename = "backupRef")]
    pub backup_ref: String,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::db::v1::instances::CreateOpts;
/// let opts = CreateOpts::new("db1", "d2").datastore("mysql", "5.7").volume_size(2);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"name": "db1",
///     "flavorRef": "d2", "datastore": {"type": "mysql", "version": "5.7"}, "volume": {"size": 2}}));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// The flavor (an ID; Trove also reads a number).
    #[serde(rename = "flavorRef")]
    pub flavor_ref: serde_json::Value,
    /// The datastore and version (the default datastore's default version otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datastore: Option<DatastoreRef>,
    /// The volume (for datastores that keep data on one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<NewVolume>,
    /// The networks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nics: Vec<Nic>,
    /// Databases to create.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub databases: Vec<NewDatabase>,
    /// Users to create (their passwords are secrets).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub users: Vec<NewUser>,
    /// A configuration group to attach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<String>,
    /// The availability zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
    /// A backup to restore.
    #[serde(rename = "restorePoint", default, skip_serializing_if = "Option::is_none")]
    pub restore_point: Option<RestorePoint>,
    /// Make it a replica of this instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replica_of: Option<String>,
    /// How many replicas to make.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replica_count: Option<u32>,
    /// `affinity` or `anti-affinity` with the replication source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    /// The region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    /// Who may reach it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    /// Guest modules to apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<Ref2>,
}

/// A module applied to a new instance (`{"id": …}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ref2 {
    /// The module's ID.
    pub id: String,
}

impl CreateOpts {
    /// An instance `name` of the flavor `flavor_ref`.
    pub fn new(name: impl Into<String>, flavor_ref: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            flavor_ref: serde_json::Value::String(flavor_ref.into()),
            ..Default::default()
        }
    }

    /// Sets the datastore and its version.
    pub fn datastore(mut self, datastore: impl Into<String>, version: impl Into<String>) -> Self {
        self.datastore = Some(DatastoreRef {
            datastore_type: Some(datastore.into()),
            version: Some(version.into()),
            ..Default::default()
        });
        self
    }

    /// Sets the volume size (GiB).
    pub fn volume_size(mut self, size: u64) -> Self {
        self.volume = Some(NewVolume { size, volume_type: None });
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("name", !self.name.is_empty())?;
        crate::request::require(
            "flavorRef",
            !self.flavor_ref.is_null() && self.flavor_ref != "",
        )?;
        self.users.iter().try_for_each(Validate::validate)
    }
}

/// What [`update`] changes. `configuration` and `replica_of` hold `Some(None)` to send
/// `null`: that detaches the configuration group, or the replica from its source.
///
/// ```
/// use ferrocloud::openstack::db::v1::instances::UpdateOpts;
/// let detach = UpdateOpts { replica_of: Some(None), ..Default::default() };
/// assert_eq!(serde_json::to_value(&detach).unwrap(), serde_json::json!({"replica_of": null}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A configuration group to attach, or `Some(None)` to detach it.
    #[serde(default, deserialize_with = "crate::de::double_option", skip_serializing_if = "Option::is_none")]
    pub configuration: Option<Option<String>>,
    /// A datastore version to upgrade to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datastore_version: Option<String>,
    /// `Some(None)` detaches a replica from its source.
    #[serde(default, deserialize_with = "crate::de::double_option", skip_serializing_if = "Option::is_none")]
    pub replica_of: Option<Option<String>>,
    /// The older name of `replica_of`.
    #[serde(default, deserialize_with = "crate::de::double_option", skip_serializing_if = "Option::is_none")]
    pub slave_of: Option<Option<String>>,
    /// Who may reach it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
}

impl Validate for UpdateOpts {}

/// What [`resize`] sends: a new flavor, or a new volume size.
///
/// ```
/// use ferrocloud::openstack::db::v1::instances::ResizeOpts;
/// assert_eq!(serde_json::to_value(ResizeOpts::volume(4)).unwrap(), serde_json::json!({"volume": {"size": 4}}));
/// assert_eq!(serde_json::to_value(ResizeOpts::flavor("2")).unwrap(), serde_json::json!({"flavorRef": "2"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResizeOpts {
    /// A new flavor.
    #[serde(rename = "flavorRef", default, skip_serializing_if = "Option::is_none")]
    pub flavor_ref: Option<String>,
    /// A new volume size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<NewVolume>,
}

impl ResizeOpts {
    /// A resize to another flavor.
    pub fn flavor(flavor_ref: impl Into<String>) -> Self {
        ResizeOpts { flavor_ref: Some(flavor_ref.into()), volume: None }
    }
    /// A resize of the volume (GiB).
    pub fn volume(size: u64) -> Self {
        ResizeOpts { flavor_ref: None, volume: Some(NewVolume { size, volume_type: None }) }
    }
}

impl Validate for ResizeOpts {
    fn validate(&self) -> Result<()> {
        crate::request::exactly_one_of(&[
            ("flavorRef", self.flavor_ref.is_some()),
            ("volume", self.volume.is_some()),
        ])
    }
}

/// An instance's default configuration: the datastore's settings for its flavor.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct InstanceConfiguration {
    /// The settings.
    pub configuration: Values,
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::db::v1::instances::ListInstancesOpts;
/// let opts = ListInstancesOpts { include_clustered: Some(true), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()), "include_clustered=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListInstancesOpts {
    /// Instances of clusters too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_clustered: Option<bool>,
    /// Every project's instances (administrators).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_projects: Option<bool>,
    /// Paging.
    #[serde(flatten)]
    pub page: ListOpts,
}

/// Lists instances, following Trove's `links`.
///
/// ```no_run
/// # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::db::v1::instances;
/// let all = instances::list(&trove, &Default::default()).all().await?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListInstancesOpts) -> Pager<InstanceSummary> {
    client.request(&LIST, &[]).query(opts).paged(PageStyle::Links("links"))
}

/// Lists instances with their details.
///
/// ```no_run
/// # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let all = ferrocloud::openstack::db::v1::instances::list_detail(&trove, &Default::default()).all().await?;
/// # Ok(()) }
/// ```
pub fn list_detail(client: &ServiceClient, opts: &ListInstancesOpts) -> Pager<Instance> {
    client.request(&LIST_DETAIL, &[]).query(opts).paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The instances of a page (or of all pages).
    extract_instances, InstanceSummary
}

/// Creates an instance (`200`); it is `BUILD` until [`wait_for_status`] sees it
/// `ACTIVE`.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Instance> {
    client.request(&CREATE, &[]).json_in("instance", opts).send().await
}

/// Updates an instance (`202`).
///
/// ```no_run
/// # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::db::v1::instances::{self, UpdateOpts};
/// let attach = UpdateOpts { configuration: Some(Some("2aa51628".into())), ..Default::default() };
/// instances::update(&trove, "7de1bed8", &attach).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<()> {
    client.request(&UPDATE, &[id]).json_in("instance", opts).send().await
}

async fn action<B: Serialize + Validate>(
    client: &ServiceClient,
    op: &'static crate::operation::Op<()>,
    id: &str,
    key: &str,
    body: &B,
) -> ApiResult<()> {
    client.request(op, &[id]).json_in(key, body).send().await
}

/// Restarts the database service (`202`).
pub async fn restart(client: &ServiceClient, id: &str) -> ApiResult<()> {
    action(client, &RESTART, id, "restart", &Empty {}).await
}

/// Resizes the flavor or the volume (`202`).
pub async fn resize(client: &ServiceClient, id: &str, opts: &ResizeOpts) -> ApiResult<()> {
    action(client, &RESIZE, id, "resize", opts).await
}

/// Moves the instance to another flavor (`202`).
pub async fn resize_flavor(client: &ServiceClient, id: &str, flavor_ref: &str) -> ApiResult<()> {
    resize(client, id, &ResizeOpts::flavor(flavor_ref)).await
}

/// Grows the instance's volume to `size` GiB (`202`).
pub async fn resize_volume(client: &ServiceClient, id: &str, size: u64) -> ApiResult<()> {
    resize(client, id, &ResizeOpts::volume(size)).await
}

/// Promotes a replica to be the replication source (`202`).
pub async fn promote_to_replica_source(client: &ServiceClient, id: &str) -> ApiResult<()> {
    action(client, &PROMOTE, id, "promote_to_replica_source", &Empty {}).await
}

/// Ejects a replication source that failed, promoting a replica (`202`).
pub async fn eject_replica_source(client: &ServiceClient, id: &str) -> ApiResult<()> {
    action(client, &EJECT, id, "eject_replica_source", &Empty {}).await
}

/// Resets the status of an instance stuck in a task (`202`).
pub async fn reset_status(client: &ServiceClient, id: &str) -> ApiResult<()> {
    action(client, &RESET_STATUS, id, "reset_status", &Empty {}).await
}

/// Lists an instance's backups, following Trove's `links`.
pub fn list_backups(client: &ServiceClient, id: &str, opts: &ListOpts) -> Pager<Backup> {
    client.request(&LIST_BACKUPS, &[id]).query(opts).paged(PageStyle::Links("links"))
}

/// Shows the instance's default configuration.
pub async fn get_configuration(client: &ServiceClient, id: &str) -> ApiResult<InstanceConfiguration> {
    client.request(&GET_CONFIGURATION, &[id]).send().await
}

db_functions! { Instance, "instance", extract_instance_details, []; get delete }

/// Waits until the instance is `ACTIVE`; `ERROR` and `FAILED` end the wait with an
/// error holding the instance's fault.
///
/// ```no_run
/// # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let i = ferrocloud::openstack::db::v1::instances::wait_for_status(&trove, "7de1bed8", &Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn wait_for_status(client: &ServiceClient, id: &str, opts: &WaitOpts) -> Result<Instance> {
    crate::wait::wait_for(
        &format!("instance {id} to be ACTIVE"),
        opts,
        || async { get(client, id).await.extract() },
        |i: &Instance| match i.status {
            InstanceStatus::Active => State::Ready,
            InstanceStatus::Error | InstanceStatus::Failed => State::Failed(format!(
                "the instance is {}: {}",
                i.status,
                i.fault.as_ref().map_or("no fault given", |f| f.message.as_str())
            )),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}

/// Waits until the instance is gone (`404`).
pub async fn wait_for_delete(client: &ServiceClient, id: &str, opts: &WaitOpts) -> Result<()> {
    crate::wait::wait_for_deletion(&format!("instance {id}"), opts, || async {
        get(client, id).await.extract()
    })
    .await
}
