//! Everything the fake cloud knows, in memory.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::ids;

/// The whole state of the fake cloud: the records of Keystone, Nova, Glance and Swift (the
/// images servers boot from). Read or change it with [`crate::FakeCloud::state`].
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let cloud = fakecloud::FakeCloud::start().await?;
/// let demo = cloud.state(|s| s.project_by_name("demo").map(|p| p.id.clone()));
/// assert!(demo.is_some());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Domains by ID.
    pub domains: BTreeMap<String, Domain>,
    /// Projects by ID.
    pub projects: BTreeMap<String, Project>,
    /// Users by ID.
    pub users: BTreeMap<String, User>,
    /// Roles by ID.
    pub roles: BTreeMap<String, Role>,
    /// Role inference rules: (prior role ID, implied role ID).
    pub implied_roles: Vec<(String, String)>,
    /// Who has which role where.
    pub assignments: Vec<Assignment>,
    /// Groups by ID.
    pub groups: BTreeMap<String, Group>,
    /// Catalog services by ID.
    pub services: BTreeMap<String, Service>,
    /// Catalog endpoints by ID.
    pub endpoints: BTreeMap<String, Endpoint>,
    /// Regions by ID.
    pub regions: BTreeMap<String, Region>,
    /// Issued tokens by their value.
    pub tokens: BTreeMap<String, Token>,
    /// Revoked audit IDs: a token whose audit chain holds one of them is refused.
    pub revoked_audit_ids: Vec<String>,
    /// Nova's services: (binary, enabled, disabled reason, forced down), on the one host.
    pub(crate) compute_services: Vec<ComputeService>,
    /// The default quotas (the `default` quota class), by resource.
    pub(crate) quota_defaults: BTreeMap<String, i64>,
    /// Per-project quota overrides, by project then resource.
    pub(crate) quotas: BTreeMap<String, BTreeMap<String, i64>>,
    /// Host aggregates by numeric ID.
    pub(crate) aggregates: BTreeMap<u64, Aggregate>,
    /// Instance actions, oldest first.
    pub(crate) instance_actions: Vec<InstanceAction>,
    /// Keystone records kept as given (credentials, policies), by collection then ID.
    pub(crate) documents: BTreeMap<String, BTreeMap<String, serde_json::Map<String, Value>>>,
    /// Domain-specific configurations by domain: group → option → value.
    pub(crate) domain_configs: BTreeMap<String, serde_json::Map<String, Value>>,
    /// Endpoints associated with projects: (project, endpoint).
    pub(crate) project_endpoints: Vec<(String, String)>,
    /// Endpoint groups by ID: name, description, filters.
    pub(crate) endpoint_groups: BTreeMap<String, serde_json::Map<String, Value>>,
    /// Endpoint groups associated with projects: (group, project).
    pub(crate) group_projects: Vec<(String, String)>,
    /// Trusts by ID.
    pub(crate) trusts: BTreeMap<String, Trust>,
    /// Revocation events: audit ID, when revoked, issued before.
    pub(crate) revocation_events: Vec<(String, DateTime<Utc>, DateTime<Utc>)>,
    /// Application credentials by ID.
    pub application_credentials: BTreeMap<String, ApplicationCredential>,
    /// Access rules of application credentials by ID.
    pub access_rules: BTreeMap<String, AccessRule>,
    /// Flavors by ID.
    pub flavors: BTreeMap<String, Flavor>,
    /// Key pairs, in creation order.
    pub keypairs: Vec<Keypair>,
    /// Server groups by ID.
    pub server_groups: BTreeMap<String, ServerGroup>,
    /// Servers by ID.
    pub servers: BTreeMap<String, Server>,
    /// Glance's images by ID (which Nova's image proxy shows too).
    pub images: BTreeMap<String, Image>,
    /// Glance's tasks and cache.
    pub(crate) glance: crate::image::ImageState,
    /// Swift's accounts, containers and objects.
    pub(crate) object: crate::object::ObjectState,
    /// Counter for key pair IDs and addresses.
    pub(crate) serial: u64,
    /// Neutron's records (networks, subnets, ports, routers, security groups…).
    pub(crate) network: crate::network::NetworkState,
    /// Cinder's records (volumes, snapshots, types, attachments…).
    pub(crate) volume: crate::volume::VolumeState,
    /// Receipts of multi-factor authentication by value: the user, the methods given,
    /// the expiry.
    pub(crate) receipts: BTreeMap<String, (String, Vec<String>, DateTime<Utc>)>,
}

/// A Keystone domain.
///
/// ```
/// let d = fakecloud::Domain { id: "d1".into(), name: "D1".into(), description: String::new(), enabled: true };
/// assert!(d.enabled);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Domain {
    /// The ID (`default` for the default domain).
    pub id: String,
    /// The name.
    pub name: String,
    /// The description.
    pub description: String,
    /// Whether it is enabled.
    pub enabled: bool,
}

/// A Keystone project.
///
/// ```
/// let p = fakecloud::Project::new("demo", "default");
/// assert_eq!(p.domain_id, "default");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The owning domain.
    pub domain_id: String,
    /// The description.
    pub description: String,
    /// Whether it is enabled.
    pub enabled: bool,
    /// The tags.
    pub tags: Vec<String>,
    /// Fields Keystone keeps as given.
    pub extra: Map<String, Value>,
}

impl Project {
    /// A new enabled project with a fresh ID.
    ///
    /// ```
    /// assert_eq!(fakecloud::Project::new("p", "default").id.len(), 32);
    /// ```
    pub fn new(name: &str, domain_id: &str) -> Self {
        Self {
            id: ids::hex_id(),
            name: name.into(),
            domain_id: domain_id.into(),
            description: String::new(),
            enabled: true,
            tags: Vec::new(),
            extra: Map::new(),
        }
    }
}

/// A Keystone user.
///
/// ```
/// let u = fakecloud::User::new("alice", "default", "secret");
/// assert!(u.enabled);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The owning domain.
    pub domain_id: String,
    /// The password (the fake keeps it as given).
    pub password: String,
    /// Whether the user may authenticate.
    pub enabled: bool,
    /// The description.
    pub description: Option<String>,
    /// The default project.
    pub default_project_id: Option<String>,
    /// The user's options (`multi_factor_auth_enabled`, `multi_factor_auth_rules`…).
    pub options: Map<String, Value>,
    /// Fields Keystone keeps as given (`email`…).
    pub extra: Map<String, Value>,
}

impl User {
    /// A new enabled user with a fresh ID.
    ///
    /// ```
    /// assert_eq!(fakecloud::User::new("u", "default", "pw").name, "u");
    /// ```
    pub fn new(name: &str, domain_id: &str, password: &str) -> Self {
        Self {
            id: ids::hex_id(),
            name: name.into(),
            domain_id: domain_id.into(),
            password: password.into(),
            enabled: true,
            description: None,
            default_project_id: None,
            options: Map::new(),
            extra: Map::new(),
        }
    }
}

/// A Keystone role: global, or specific to a domain.
///
/// ```
/// let r = fakecloud::Role { id: "r".into(), name: "reader".into(), domain_id: None, description: None };
/// assert!(r.domain_id.is_none());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The domain of a domain-specific role.
    pub domain_id: Option<String>,
    /// The description.
    pub description: Option<String>,
}

/// Where a role is held.
///
/// ```
/// let t = fakecloud::Target::Project("p1".into());
/// assert_ne!(t, fakecloud::Target::System);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// On a project.
    Project(String),
    /// On a domain.
    Domain(String),
    /// On the whole system.
    System,
}

/// Who holds a role: a user, or the members of a group.
///
/// ```
/// let a = fakecloud::Actor::Group("g1".into());
/// assert_ne!(a, fakecloud::Actor::User("g1".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A user, by ID.
    User(String),
    /// A group, by ID.
    Group(String),
}

/// A role held by a user or a group on a target; an inherited one applies to the
/// projects below the target (the projects of a domain), not to the target itself.
///
/// ```
/// let a = fakecloud::Assignment::user("u", "r", fakecloud::Target::System);
/// assert!(!a.inherited);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The user or group.
    pub actor: Actor,
    /// The role.
    pub role_id: String,
    /// Where.
    pub target: Target,
    /// Whether it is inherited by the projects below the target (OS-INHERIT).
    pub inherited: bool,
}

impl Assignment {
    /// A direct assignment to a user.
    ///
    /// ```
    /// let a = fakecloud::Assignment::user("u", "r", fakecloud::Target::Project("p".into()));
    /// assert_eq!(a.actor, fakecloud::Actor::User("u".into()));
    /// ```
    pub fn user(user_id: &str, role_id: &str, target: Target) -> Self {
        Self {
            actor: Actor::User(user_id.into()),
            role_id: role_id.into(),
            target,
            inherited: false,
        }
    }
}

/// A Keystone group.
///
/// ```
/// let g = fakecloud::Group { id: "g".into(), name: "ops".into(), domain_id: "default".into(),
///     description: None, users: vec![] };
/// assert!(g.users.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The owning domain.
    pub domain_id: String,
    /// The description.
    pub description: Option<String>,
    /// The member user IDs.
    pub users: Vec<String>,
}

/// A catalog service.
///
/// ```
/// let s = fakecloud::Service { id: "s".into(), service_type: "compute".into(), name: "nova".into(),
///     enabled: true, description: None };
/// assert_eq!(s.service_type, "compute");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// The ID.
    pub id: String,
    /// The type (`identity`, `compute`…).
    pub service_type: String,
    /// The name.
    pub name: String,
    /// Whether it is enabled (a disabled service leaves the catalog).
    pub enabled: bool,
    /// The description.
    pub description: Option<String>,
}

/// A catalog endpoint.
///
/// ```
/// let e = fakecloud::Endpoint { id: "e".into(), service_id: "s".into(), interface: "public".into(),
///     url: "http://127.0.0.1:1/compute/v2.1".into(), region_id: Some("RegionOne".into()),
///     enabled: true, name: None, description: None };
/// assert_eq!(e.interface, "public");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    /// The ID.
    pub id: String,
    /// The service.
    pub service_id: String,
    /// `public`, `internal` or `admin`.
    pub interface: String,
    /// The URL.
    pub url: String,
    /// The region.
    pub region_id: Option<String>,
    /// Whether it is enabled (a disabled endpoint leaves the catalog).
    pub enabled: bool,
    /// The name.
    pub name: Option<String>,
    /// The description.
    pub description: Option<String>,
}

/// A catalog region.
///
/// ```
/// let r = fakecloud::Region { id: "RegionTwo".into(), description: String::new(), parent_region_id: None };
/// assert!(r.parent_region_id.is_none());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// The ID (also its name).
    pub id: String,
    /// The description.
    pub description: String,
    /// The parent region.
    pub parent_region_id: Option<String>,
}

/// The scope of a token.
///
/// ```
/// assert_ne!(fakecloud::TokenScope::Unscoped, fakecloud::TokenScope::System);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenScope {
    /// No scope.
    Unscoped,
    /// A project.
    Project(String),
    /// A domain.
    Domain(String),
    /// The system.
    System,
}

/// An issued token.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let cloud = fakecloud::FakeCloud::start().await?;
/// let _provider = cloud.provider("admin").await?;
/// assert!(cloud.state(|s| s.tokens.values().any(|t| t.methods == ["password"])));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The user.
    pub user_id: String,
    /// The scope.
    pub scope: TokenScope,
    /// The authentication methods.
    pub methods: Vec<String>,
    /// The audit chain: this token's audit ID, then the one it was exchanged from.
    pub audit_ids: Vec<String>,
    /// When it was issued.
    pub issued_at: DateTime<Utc>,
    /// When it expires.
    pub expires_at: DateTime<Utc>,
    /// The application credential it was issued for.
    pub application_credential_id: Option<String>,
    /// The trust it was issued for (its roles are the trust's).
    pub trust_id: Option<String>,
    /// How many requests it has authenticated.
    pub uses: u32,
}

/// An application credential.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let cloud = fakecloud::FakeCloud::start().await?;
/// assert!(cloud.state(|s| s.application_credentials.is_empty()));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ApplicationCredential {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The owner.
    pub user_id: String,
    /// The project its tokens are scoped to.
    pub project_id: String,
    /// The secret.
    pub secret: String,
    /// The description.
    pub description: Option<String>,
    /// The role IDs it delegates.
    pub role_ids: Vec<String>,
    /// Whether it may create other credentials.
    pub unrestricted: bool,
    /// When it expires.
    pub expires_at: Option<DateTime<Utc>>,
    /// The access rule IDs.
    pub access_rule_ids: Vec<String>,
}

/// An access rule of application credentials.
///
/// ```
/// let r = fakecloud::AccessRule { id: "r".into(), user_id: "u".into(), service: "identity".into(),
///     method: "GET".into(), path: "/v3/users".into() };
/// assert_eq!(r.method, "GET");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct AccessRule {
    /// The ID.
    pub id: String,
    /// The owner.
    pub user_id: String,
    /// The service type.
    pub service: String,
    /// The HTTP method.
    pub method: String,
    /// The path (template).
    pub path: String,
}

/// A Nova flavor.
///
/// ```
/// let f = fakecloud::Flavor::new("7", "m1.test", 64, 1, 1);
/// assert!(f.is_public);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Flavor {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// Memory in MiB.
    pub ram: u64,
    /// Root disk in GiB.
    pub disk: u64,
    /// Virtual CPUs.
    pub vcpus: u64,
    /// Ephemeral disk in GiB.
    pub ephemeral: u64,
    /// Swap in MiB.
    pub swap: u64,
    /// RX/TX factor.
    pub rxtx_factor: f64,
    /// Whether every project sees it.
    pub is_public: bool,
    /// The description (2.55).
    pub description: Option<String>,
    /// Extra specs.
    pub extra_specs: BTreeMap<String, String>,
    /// The projects a private flavor is shared with.
    pub access: Vec<String>,
}

impl Flavor {
    /// A public flavor without ephemeral disk or swap.
    ///
    /// ```
    /// assert_eq!(fakecloud::Flavor::new("1", "m1.tiny", 512, 1, 1).ram, 512);
    /// ```
    pub fn new(id: &str, name: &str, ram: u64, disk: u64, vcpus: u64) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            ram,
            disk,
            vcpus,
            ephemeral: 0,
            swap: 0,
            rxtx_factor: 1.0,
            is_public: true,
            description: None,
            extra_specs: BTreeMap::new(),
            access: Vec::new(),
        }
    }
}

/// A Nova key pair.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let cloud = fakecloud::FakeCloud::start().await?;
/// assert!(cloud.state(|s| s.keypairs.is_empty()));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Keypair {
    /// The numeric ID.
    pub id: u64,
    /// The name (unique per user).
    pub name: String,
    /// The owner.
    pub user_id: String,
    /// The public key.
    pub public_key: String,
    /// The fingerprint.
    pub fingerprint: String,
    /// `ssh` or `x509`.
    pub key_type: String,
    /// When it was created.
    pub created_at: DateTime<Utc>,
}

/// A Nova server group.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let cloud = fakecloud::FakeCloud::start().await?;
/// assert!(cloud.state(|s| s.server_groups.is_empty()));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ServerGroup {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The policy (`affinity`, `anti-affinity`, `soft-affinity`, `soft-anti-affinity`).
    pub policy: String,
    /// The rules (`max_server_per_host`).
    pub rules: Map<String, Value>,
    /// The owning project.
    pub project_id: String,
    /// The creating user.
    pub user_id: String,
    /// The member server IDs.
    pub members: Vec<String>,
}

/// An address of a server on a network.
///
/// ```
/// let a = fakecloud::Address { network: "private".into(), addr: "10.0.0.3".into(), version: 4, mac: "fa:16:3e:00:00:03".into() };
/// assert_eq!(a.version, 4);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Address {
    /// The network label.
    pub network: String,
    /// The IP address.
    pub addr: String,
    /// 4 or 6.
    pub version: u8,
    /// The MAC address.
    pub mac: String,
}

/// A status change that happens when the clock reaches `due`.
///
/// ```
/// let p = fakecloud::Pending { due: chrono::Utc::now(), vm_state: "active".into(), power_state: 1, delete: false };
/// assert!(!p.delete);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// When it happens.
    pub due: DateTime<Utc>,
    /// The VM state afterwards.
    pub vm_state: String,
    /// The power state afterwards.
    pub power_state: u8,
    /// True when the server disappears.
    pub delete: bool,
}

/// A Nova server. Its status follows from `vm_state` and `task_state` as Nova computes
/// it ([`Server::status`]).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let cloud = fakecloud::FakeCloud::start().await?;
/// assert!(cloud.state(|s| s.servers.values().all(|v| v.status() == "ACTIVE")));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Server {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// The owning project.
    pub project_id: String,
    /// The creating user.
    pub user_id: String,
    /// `building`, `active`, `stopped`, `paused`, `suspended`, `resized`, `rescued`,
    /// `shelved_offloaded`, `error`.
    pub vm_state: String,
    /// The task under way (`spawning`, `powering-off`, `deleting`…).
    pub task_state: Option<String>,
    /// 0 no state, 1 running, 3 paused, 4 shutdown.
    pub power_state: u8,
    /// What happens next, and when.
    pub pending: Option<Pending>,
    /// The flavor.
    pub flavor: Flavor,
    /// The flavor before a resize, until confirmed or reverted.
    pub old_flavor: Option<Flavor>,
    /// The image booted from.
    pub image_id: String,
    /// The metadata.
    pub metadata: BTreeMap<String, String>,
    /// The tags.
    pub tags: Vec<String>,
    /// The description.
    pub description: Option<String>,
    /// Whether it is locked, and why.
    pub locked: bool,
    /// The reason given when locking.
    pub locked_reason: Option<String>,
    /// The key pair name.
    pub key_name: Option<String>,
    /// The addresses.
    pub addresses: Vec<Address>,
    /// Security group names.
    pub security_groups: Vec<String>,
    /// The reservation it was created in.
    pub reservation_id: String,
    /// Server group IDs.
    pub server_groups: Vec<String>,
    /// Scheduler hints as given.
    pub scheduler_hints: Map<String, Value>,
    /// The availability zone.
    pub availability_zone: String,
    /// The host.
    pub host: String,
    /// IPv4 access address.
    pub access_ipv4: String,
    /// IPv6 access address.
    pub access_ipv6: String,
    /// When it was created.
    pub created: DateTime<Utc>,
    /// When it last changed.
    pub updated: DateTime<Utc>,
    /// When it became active first.
    pub launched_at: Option<DateTime<Utc>>,
}

impl Server {
    /// The status Nova shows: from the VM state and the task under way.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let cloud = fakecloud::FakeCloud::start().await?;
    /// let statuses: Vec<String> = cloud.state(|s| s.servers.values().map(|v| v.status().to_string()).collect());
    /// assert!(statuses.is_empty());
    /// # Ok(()) }
    /// ```
    pub fn status(&self) -> &'static str {
        match (self.vm_state.as_str(), self.task_state.as_deref()) {
            (_, Some("deleting")) if self.vm_state == "error" => "ERROR",
            ("active", Some("rebooting" | "reboot_pending" | "reboot_started")) => "REBOOT",
            ("active", Some("rebooting_hard" | "reboot_pending_hard" | "reboot_started_hard")) => {
                "HARD_REBOOT"
            }
            ("active" | "stopped", Some("rebuilding" | "rebuild_spawning")) => "REBUILD",
            ("active" | "stopped", Some("resize_prep" | "resize_migrating" | "resize_finish")) => {
                "RESIZE"
            }
            ("resized", Some("resize_reverting")) => "REVERT_RESIZE",
            ("active", Some("migrating")) => "MIGRATING",
            ("active", _) => "ACTIVE",
            ("building", _) => "BUILD",
            ("stopped", _) => "SHUTOFF",
            ("paused", _) => "PAUSED",
            ("suspended", _) => "SUSPENDED",
            ("resized", _) => "VERIFY_RESIZE",
            ("rescued", _) => "RESCUE",
            ("shelved", _) => "SHELVED",
            ("shelved_offloaded", _) => "SHELVED_OFFLOADED",
            ("deleted", _) => "DELETED",
            ("soft-delete", _) => "SOFT_DELETED",
            _ => "ERROR",
        }
    }
}

/// An image of the image service (Glance v2), which Nova's image proxy also shows.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let cloud = fakecloud::FakeCloud::start().await?;
/// assert!(cloud.state(|s| s.images.values().any(|i| i.name == "devcloud-raw")));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Image {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// `active`, `queued`…
    pub status: String,
    /// The owning project.
    pub owner: String,
    /// `public`, `private`, `shared` or `community`.
    pub visibility: String,
    /// Free-form properties (`image_type`, `instance_uuid`, metadata given at snapshot).
    pub properties: BTreeMap<String, String>,
    /// The minimum memory in MiB.
    pub min_ram: u64,
    /// The minimum disk in GiB.
    pub min_disk: u64,
    /// The size of the data in bytes (0 before upload).
    pub size: u64,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed (its creation when never).
    pub updated_at: Option<DateTime<Utc>>,
    /// The disk format (`raw`, `qcow2`…), unset until given.
    pub disk_format: Option<String>,
    /// The container format (`bare`…), unset until given.
    pub container_format: Option<String>,
    /// Whether it is protected from deletion.
    pub protected: bool,
    /// Whether it is hidden from default listings.
    pub os_hidden: bool,
    /// The tags, a set in the order added.
    pub tags: Vec<String>,
    /// The MD5 of the data, once uploaded.
    pub checksum: Option<String>,
    /// The SHA-512 of the data, once uploaded.
    pub os_hash_value: Option<String>,
    /// The data, once uploaded.
    pub(crate) data: Option<bytes::Bytes>,
    /// Data staged for an import.
    pub(crate) staged: Option<bytes::Bytes>,
    /// The stores holding the data.
    pub(crate) stores: Vec<String>,
    /// The projects it is shared with.
    pub(crate) members: Vec<crate::image::Member>,
    /// The status it reaches at `due` (an import in progress), with its task.
    pub(crate) pending: Option<(DateTime<Utc>, String)>,
}

/// A trust: a trustor delegates roles on a project to a trustee.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Trust {
    pub(crate) id: String,
    pub(crate) trustor: String,
    pub(crate) trustee: String,
    pub(crate) project_id: Option<String>,
    pub(crate) role_ids: Vec<String>,
    pub(crate) impersonation: bool,
    pub(crate) expires_at: Option<DateTime<Utc>>,
    pub(crate) remaining_uses: Option<u64>,
}

/// A host aggregate.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Aggregate {
    pub(crate) id: u64,
    pub(crate) uuid: String,
    pub(crate) name: String,
    pub(crate) hosts: Vec<String>,
    /// The metadata, the availability zone included.
    pub(crate) metadata: BTreeMap<String, String>,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
}

/// A Nova service (`nova-compute`, `nova-scheduler`, `nova-conductor`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ComputeService {
    pub(crate) number: u64,
    pub(crate) uuid: String,
    pub(crate) binary: String,
    pub(crate) enabled: bool,
    pub(crate) disabled_reason: Option<String>,
    pub(crate) forced_down: bool,
}

/// An action on a server, as `os-instance-actions` lists it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct InstanceAction {
    pub(crate) server_id: String,
    pub(crate) action: String,
    pub(crate) request_id: String,
    pub(crate) user_id: String,
    pub(crate) project_id: String,
    pub(crate) start: DateTime<Utc>,
    /// When its work ends (the status change it started).
    pub(crate) finish: DateTime<Utc>,
}

/// The well-known ID of the seeded `devcloud-raw` image.
pub const SEED_IMAGE_ID: &str = "b7c1e6e2-3f4a-4d6b-9a51-0c2f7d8e9a10";

impl State {
    /// A project by name (in any domain).
    ///
    /// ```
    /// let s = fakecloud::State::default();
    /// assert!(s.project_by_name("admin").is_none());
    /// ```
    pub fn project_by_name(&self, name: &str) -> Option<&Project> {
        self.projects.values().find(|p| p.name == name)
    }

    /// A user by name (in any domain).
    ///
    /// ```
    /// let s = fakecloud::State::default();
    /// assert!(s.user_by_name("admin").is_none());
    /// ```
    pub fn user_by_name(&self, name: &str) -> Option<&User> {
        self.users.values().find(|u| u.name == name)
    }

    /// A role by name (global roles first).
    ///
    /// ```
    /// let s = fakecloud::State::default();
    /// assert!(s.role_by_name("reader").is_none());
    /// ```
    pub fn role_by_name(&self, name: &str) -> Option<&Role> {
        self.roles
            .values()
            .filter(|r| r.name == name)
            .min_by_key(|r| r.domain_id.is_some())
    }

    pub(crate) fn next_serial(&mut self) -> u64 {
        self.serial += 1;
        self.serial
    }

    /// The seed state: the devcloud's domain, projects, users, roles, catalog, flavors
    /// and image. `base` is the fake's URL (`http://127.0.0.1:<port>`).
    pub(crate) fn seeded(base: &str, now: DateTime<Utc>) -> Self {
        let mut s = State::default();
        s.domains.insert(
            "default".into(),
            Domain {
                id: "default".into(),
                name: "Default".into(),
                description: "The default domain".into(),
                enabled: true,
            },
        );
        let mut role_ids = BTreeMap::new();
        for name in ["admin", "member", "reader", "service"] {
            let id = ids::hex_id();
            role_ids.insert(name, id.clone());
            s.roles.insert(
                id.clone(),
                Role {
                    id,
                    name: name.into(),
                    domain_id: None,
                    description: None,
                },
            );
        }
        s.implied_roles
            .push((role_ids["admin"].clone(), role_ids["member"].clone()));
        s.implied_roles
            .push((role_ids["member"].clone(), role_ids["reader"].clone()));
        let mut project_ids = BTreeMap::new();
        for (name, description) in [
            ("admin", "Bootstrap project for initializing the cloud."),
            ("demo", ""),
            ("service", ""),
        ] {
            let mut p = Project::new(name, "default");
            p.description = description.into();
            project_ids.insert(name, p.id.clone());
            s.projects.insert(p.id.clone(), p);
        }
        let add_user = |s: &mut State, name: &str, pw: &str, role: &str, project: &str| {
            let mut u = User::new(name, "default", pw);
            u.default_project_id = Some(project_ids[project].clone());
            s.assignments.push(Assignment::user(
                &u.id,
                &role_ids[role],
                Target::Project(project_ids[project].clone()),
            ));
            let id = u.id.clone();
            s.users.insert(u.id.clone(), u);
            id
        };
        let admin = add_user(&mut s, "admin", "devcloud-admin", "admin", "admin");
        for target in [Target::Domain("default".into()), Target::System] {
            s.assignments
                .push(Assignment::user(&admin, &role_ids["admin"], target));
        }
        add_user(&mut s, "demo", "devcloud-demo", "member", "demo");
        for name in ["nova", "placement", "glance", "neutron", "cinder"] {
            add_user(&mut s, name, "devcloud-service", "service", "service");
        }
        s.regions.insert(
            "RegionOne".into(),
            Region {
                id: "RegionOne".into(),
                description: String::new(),
                parent_region_id: None,
            },
        );
        let base = base.trim_end_matches('/');
        for (service_type, name, url) in [
            ("identity", "keystone", base.to_string()),
            ("compute", "nova", format!("{base}/compute/v2.1")),
            ("image", "glance", format!("{base}/image")),
            ("network", "neutron", format!("{base}/network")),
            (
                "block-storage",
                "cinder",
                format!("{base}/volume/v3/$(project_id)s"),
            ),
            (
                "volumev3",
                "cinderv3",
                format!("{base}/volume/v3/$(project_id)s"),
            ),
            (
                "object-store",
                "swift",
                format!("{base}/object/v1/AUTH_$(project_id)s"),
            ),
        ] {
            let sid = ids::hex_id();
            s.services.insert(
                sid.clone(),
                Service {
                    id: sid.clone(),
                    service_type: service_type.into(),
                    name: name.into(),
                    enabled: true,
                    description: None,
                },
            );
            for interface in ["public", "internal", "admin"] {
                let eid = ids::hex_id();
                s.endpoints.insert(
                    eid.clone(),
                    Endpoint {
                        id: eid,
                        service_id: sid.clone(),
                        interface: interface.into(),
                        url: url.clone(),
                        region_id: Some("RegionOne".into()),
                        enabled: true,
                        name: None,
                        description: None,
                    },
                );
            }
        }
        for (id, name, ram, disk, vcpus) in [
            ("1", "m1.tiny", 512, 1, 1),
            ("2", "m1.small", 2048, 20, 1),
            ("3", "m1.medium", 4096, 40, 2),
            ("4", "m1.large", 8192, 80, 4),
            ("5", "m1.xlarge", 16384, 160, 8),
            ("42", "m1.nano", 128, 1, 1),
            ("84", "m1.micro", 256, 1, 1),
        ] {
            s.flavors
                .insert(id.into(), Flavor::new(id, name, ram, disk, vcpus));
        }
        for (number, binary) in [
            (1, "nova-scheduler"),
            (2, "nova-conductor"),
            (3, "nova-compute"),
        ] {
            s.compute_services.push(ComputeService {
                number,
                uuid: ids::uuid(),
                binary: binary.into(),
                enabled: true,
                disabled_reason: None,
                forced_down: false,
            });
        }
        for (k, v) in [
            ("instances", 10),
            ("cores", 20),
            ("ram", 51200),
            ("key_pairs", 100),
            ("metadata_items", 128),
            ("server_groups", 10),
            ("server_group_members", 10),
            ("fixed_ips", -1),
            ("floating_ips", 10),
            ("security_groups", 10),
            ("security_group_rules", 20),
            ("networks", 3),
            ("injected_files", 5),
            ("injected_file_content_bytes", 10240),
            ("injected_file_path_bytes", 255),
        ] {
            s.quota_defaults.insert(k.into(), v);
        }
        s.images.insert(
            SEED_IMAGE_ID.into(),
            Image {
                id: SEED_IMAGE_ID.into(),
                name: "devcloud-raw".into(),
                status: "active".into(),
                owner: project_ids["admin"].clone(),
                visibility: "public".into(),
                properties: BTreeMap::new(),
                min_ram: 0,
                min_disk: 0,
                size: 65536,
                created_at: now,
                disk_format: Some("raw".into()),
                container_format: Some("bare".into()),
                ..Default::default()
            },
        );
        if let Some(i) = s.images.get_mut(SEED_IMAGE_ID) {
            crate::image::store_data(i, bytes::Bytes::from(vec![0u8; 65536]), now);
        }
        s.volume = crate::volume::seed(now);
        s.network = crate::network::seed(
            &project_ids["admin"],
            &project_ids["demo"],
            &now.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        );
        s
    }
}
