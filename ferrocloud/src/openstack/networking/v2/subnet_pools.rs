//! Subnet pools: prefixes that subnets take their CIDRs from
//! ([`subnets::CreateOpts::from_pool`](crate::openstack::networking::v2::subnets::CreateOpts::from_pool)).
//! List (typed filters, sorting, tags, any attribute), show, create, update (optionally
//! only if unchanged since read), delete, find; add and remove prefixes; onboard a
//! network's existing subnets (`subnet_onboard`).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, net_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::subnet_pools::{self, CreateOpts};
//! use ferrocloud::openstack::networking::v2::subnets;
//! let opts = CreateOpts::new("tenant-v4", ["10.10.0.0/16"]).default_prefixlen(24);
//! let pool = subnet_pools::create(&network, &opts).await.extract()?;
//! let subnet = subnets::create(&network, &subnets::CreateOpts::from_pool(net_id, 4, &pool.id))
//!     .await.extract()?;
//! assert!(subnet.cidr.ends_with("/24"));
//! let prefixes = subnet_pools::add_prefixes(&network, &pool.id, ["10.11.0.0/16"]).await.extract()?;
//! println!("the pool now holds {:?}", prefixes.prefixes);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Deserializer, Serialize};

use super::common::ListControls;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Extensible, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List subnet pools.
    LIST = GET "/subnetpools" list("subnetpools", SubnetPool);
    /// Show a subnet pool.
    GET = GET "/subnetpools/{subnetpool_id}" response("subnetpool", SubnetPool);
    /// Create a subnet pool.
    CREATE = POST "/subnetpools" request("subnetpool", CreateOpts) response("subnetpool", SubnetPool);
    /// Update a subnet pool.
    UPDATE = PUT "/subnetpools/{subnetpool_id}"
        request("subnetpool", UpdateOpts)
        response("subnetpool", SubnetPool);
    /// Delete a subnet pool.
    DELETE = DELETE "/subnetpools/{subnetpool_id}";
    /// Add prefixes to a subnet pool.
    ADD_PREFIXES = PUT "/subnetpools/{subnetpool_id}/add_prefixes" request(Prefixes) response(Prefixes);
    /// Remove prefixes from a subnet pool.
    REMOVE_PREFIXES = PUT "/subnetpools/{subnetpool_id}/remove_prefixes"
        request(Prefixes)
        response(Prefixes);
    /// Move a network's subnets into a subnet pool.
    ONBOARD_NETWORK_SUBNETS = PUT "/subnetpools/{subnetpool_id}/onboard_network_subnets"
        request(OnboardOpts)
        response(Vec<OnboardedSubnet>);
}

/// A prefix length, which Neutron sends as text (`"24"`) and the API reference's
/// samples as text or as a number.
fn prefixlen<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<u8, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(u8),
        Text(String),
    }
    match Raw::deserialize(d)? {
        Raw::Number(n) => Ok(n),
        Raw::Text(s) => s.trim().parse().map_err(|_| {
            serde::de::Error::invalid_value(serde::de::Unexpected::Str(&s), &"a prefix length")
        }),
    }
}

/// A subnet pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubnetPool {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// Its description (may be empty).
    pub description: String,
    /// 4 or 6.
    pub ip_version: u8,
    /// Its prefixes, merged where adjacent (Neutron answers `10.98.0.0/15` for
    /// `10.98.0.0/16` and `10.99.0.0/16`).
    pub prefixes: Vec<String>,
    /// The prefix length a subnet gets when it asks for none.
    #[serde(deserialize_with = "prefixlen")]
    pub default_prefixlen: u8,
    /// The shortest prefix length a subnet may have.
    #[serde(deserialize_with = "prefixlen")]
    pub min_prefixlen: u8,
    /// The longest prefix length a subnet may have.
    #[serde(deserialize_with = "prefixlen")]
    pub max_prefixlen: u8,
    /// How many addresses a project may take from it (`None`: no limit).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub default_quota: Option<u64>,
    /// Its address scope, if any.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub address_scope_id: Option<String>,
    /// It is the default pool of its IP version (`default-subnetpools`).
    pub is_default: bool,
    /// Shared with every project (or with the asking one through an RBAC policy).
    pub shared: bool,
    /// The owning project.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Its tags (empty when the `standard-attr-tag` extension is not loaded).
    #[serde(default)]
    pub tags: Vec<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
    /// Incremented on every change; see [`update_if_revision`].
    pub revision_number: u64,
}

impl crate::find::Named for SubnetPool {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

fn strings<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> Vec<String> {
    items.into_iter().map(Into::into).collect()
}

/// Checks min ≤ default ≤ max for the lengths that are set.
fn check_prefixlens(min: Option<u8>, default: Option<u8>, max: Option<u8>) -> Result<()> {
    for (name, v) in [("min", min), ("default", default), ("max", max)] {
        if let Some(v) = v
            && v > 128
        {
            return Err(Error::invalid_input(format!(
                "{name}_prefixlen {v} is longer than 128"
            )));
        }
    }
    let pairs = [
        ("min_prefixlen", min, "default_prefixlen", default),
        ("default_prefixlen", default, "max_prefixlen", max),
        ("min_prefixlen", min, "max_prefixlen", max),
    ];
    for (a, x, b, y) in pairs {
        if let (Some(x), Some(y)) = (x, y)
            && x > y
        {
            return Err(Error::invalid_input(format!(
                "{a} {x} is greater than {b} {y}"
            )));
        }
    }
    Ok(())
}

/// Options for creating a subnet pool.
///
/// ```
/// use ferrocloud::openstack::networking::v2::subnet_pools::CreateOpts;
/// let opts = CreateOpts::new("my-subnet-pool", ["192.168.0.0/16", "10.10.0.0/21"])
///     .default_prefixlen(25).min_prefixlen(24).max_prefixlen(30).shared(false);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "my-subnet-pool", "prefixes": ["192.168.0.0/16", "10.10.0.0/21"],
///     "default_prefixlen": 25, "min_prefixlen": 24, "max_prefixlen": 30, "shared": false}));
/// use ferrocloud::request::Validate;
/// assert!(CreateOpts::new("p", Vec::<String>::new()).validate().is_err());
/// assert!(CreateOpts::new("p", ["10.0.0.0/8"]).min_prefixlen(24).default_prefixlen(16).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The name.
    pub name: String,
    /// Its prefixes (all of one IP version).
    pub prefixes: Vec<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The prefix length a subnet gets when it asks for none (Neutron's default: the
    /// minimum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_prefixlen: Option<u8>,
    /// The shortest prefix length (Neutron's default: 8 for IPv4, 64 for IPv6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_prefixlen: Option<u8>,
    /// The longest prefix length (Neutron's default: 32 or 128).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_prefixlen: Option<u8>,
    /// How many addresses a project may take from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_quota: Option<u64>,
    /// Put it in this address scope (of the same IP version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_scope_id: Option<String>,
    /// Share it with every project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// Make it the default pool of its IP version (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    /// Create it for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// A pool named `name` of `prefixes`.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(name: impl Into<String>, prefixes: I) -> Self {
        CreateOpts {
            name: name.into(),
            prefixes: strings(prefixes),
            ..Default::default()
        }
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Sets the default prefix length.
    pub fn default_prefixlen(mut self, len: u8) -> Self {
        self.default_prefixlen = Some(len);
        self
    }
    /// Sets the shortest prefix length.
    pub fn min_prefixlen(mut self, len: u8) -> Self {
        self.min_prefixlen = Some(len);
        self
    }
    /// Sets the longest prefix length.
    pub fn max_prefixlen(mut self, len: u8) -> Self {
        self.max_prefixlen = Some(len);
        self
    }
    /// Sets the per-project quota of addresses.
    pub fn default_quota(mut self, quota: u64) -> Self {
        self.default_quota = Some(quota);
        self
    }
    /// Puts it in an address scope.
    pub fn address_scope_id(mut self, id: impl Into<String>) -> Self {
        self.address_scope_id = Some(id.into());
        self
    }
    /// Shares it with every project.
    pub fn shared(mut self, shared: bool) -> Self {
        self.shared = Some(shared);
        self
    }
    /// Makes it the default pool of its IP version.
    pub fn is_default(mut self, is_default: bool) -> Self {
        self.is_default = Some(is_default);
        self
    }
    /// Creates it for another project.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.prefixes.is_empty() {
            return Err(Error::invalid_input("a subnet pool needs at least one prefix"));
        }
        check_prefixlens(self.min_prefixlen, self.default_prefixlen, self.max_prefixlen)
    }
}

/// Changes to a subnet pool; unset fields are left as they are. Prefixes can only be
/// added this way (the new list must hold the old one); see also [`add_prefixes`] and
/// [`remove_prefixes`].
///
/// ```
/// use ferrocloud::openstack::networking::v2::subnet_pools::UpdateOpts;
/// let opts = UpdateOpts::default().name("renamed").address_scope_id(None).default_quota(None);
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "renamed", "address_scope_id": null, "default_quota": null}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The new prefixes (a superset of the old ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefixes: Option<Vec<String>>,
    /// A new default prefix length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_prefixlen: Option<u8>,
    /// A new shortest prefix length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_prefixlen: Option<u8>,
    /// A new longest prefix length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_prefixlen: Option<u8>,
    /// A new quota (`Some(None)`: no limit).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::double_option"
    )]
    pub default_quota: Option<Option<u64>>,
    /// A new address scope (`Some(None)`: leave the scope).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::double_option"
    )]
    pub address_scope_id: Option<Option<String>>,
    /// Make it the default pool of its IP version, or stop (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
}

impl UpdateOpts {
    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// Replaces the prefixes (with a superset).
    pub fn prefixes<I: IntoIterator<Item = S>, S: Into<String>>(mut self, prefixes: I) -> Self {
        self.prefixes = Some(strings(prefixes));
        self
    }
    /// Sets the default prefix length.
    pub fn default_prefixlen(mut self, len: u8) -> Self {
        self.default_prefixlen = Some(len);
        self
    }
    /// Sets the shortest prefix length.
    pub fn min_prefixlen(mut self, len: u8) -> Self {
        self.min_prefixlen = Some(len);
        self
    }
    /// Sets the longest prefix length.
    pub fn max_prefixlen(mut self, len: u8) -> Self {
        self.max_prefixlen = Some(len);
        self
    }
    /// Sets the quota (`None`: no limit).
    pub fn default_quota(mut self, quota: Option<u64>) -> Self {
        self.default_quota = Some(quota);
        self
    }
    /// Moves it to an address scope (`None`: out of any).
    pub fn address_scope_id(mut self, id: Option<&str>) -> Self {
        self.address_scope_id = Some(id.map(str::to_string));
        self
    }
    /// Makes it the default pool, or stops.
    pub fn is_default(mut self, is_default: bool) -> Self {
        self.is_default = Some(is_default);
        self
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.prefixes.as_ref().is_some_and(Vec::is_empty) {
            return Err(Error::invalid_input("a subnet pool needs at least one prefix"));
        }
        check_prefixlens(self.min_prefixlen, self.default_prefixlen, self.max_prefixlen)
    }
}

/// Prefixes: the body of [`add_prefixes`] and [`remove_prefixes`], and their answer
/// (the pool's prefixes afterwards, merged where adjacent).
///
/// ```
/// use ferrocloud::openstack::networking::v2::subnet_pools::Prefixes;
/// assert_eq!(serde_json::to_value(Prefixes::new(["192.168.0.0/24"])).unwrap(),
///            serde_json::json!({"prefixes": ["192.168.0.0/24"]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Prefixes {
    /// The prefixes (CIDRs).
    pub prefixes: Vec<String>,
}

impl Prefixes {
    /// These prefixes.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(prefixes: I) -> Self {
        Prefixes {
            prefixes: strings(prefixes),
        }
    }
}

impl Validate for Prefixes {
    fn validate(&self) -> Result<()> {
        if self.prefixes.is_empty() {
            return Err(Error::invalid_input("give at least one prefix"));
        }
        Ok(())
    }
}

/// The body of [`onboard_network_subnets`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OnboardOpts {
    /// The network whose subnets move into the pool.
    pub network_id: String,
}

impl Validate for OnboardOpts {
    fn validate(&self) -> Result<()> {
        if self.network_id.is_empty() {
            return Err(Error::invalid_input("network_id is required"));
        }
        Ok(())
    }
}

/// A subnet moved into a pool by [`onboard_network_subnets`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OnboardedSubnet {
    /// The subnet.
    pub id: String,
    /// Its CIDR, now one of the pool's prefixes.
    pub cidr: String,
}

/// Filters for listing subnet pools; sorting, paging, tags and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::subnet_pools::ListOpts;
/// let opts = ListOpts { ip_version: Some(4), is_default: Some(true), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "ip_version=4&is_default=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By name (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// By description (exact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// By IP version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_version: Option<u8>,
    /// By address scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_scope_id: Option<String>,
    /// Default pools only, or the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    /// Shared pools only, or unshared only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared: Option<bool>,
    /// By default prefix length.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_prefixlen: Option<u8>,
    /// By shortest prefix length.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_prefixlen: Option<u8>,
    /// By longest prefix length.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_prefixlen: Option<u8>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// By revision number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_number: Option<u64>,
    /// Sorting, paging, fields, tags and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    SubnetPool, "subnet pool", "subnetpools", extract_subnet_pools;
    list get create update update_if_revision delete find
}

/// Adds prefixes to a subnet pool; answers with the pool's prefixes afterwards.
pub async fn add_prefixes<I: IntoIterator<Item = S>, S: Into<String>>(
    client: &ServiceClient,
    id: &str,
    prefixes: I,
) -> ApiResult<Prefixes> {
    client
        .request(&ADD_PREFIXES, &[id])
        .body(&Prefixes::new(prefixes))
        .send()
        .await
}

/// Removes prefixes from a subnet pool (none of their addresses may be allocated);
/// answers with the pool's prefixes afterwards.
pub async fn remove_prefixes<I: IntoIterator<Item = S>, S: Into<String>>(
    client: &ServiceClient,
    id: &str,
    prefixes: I,
) -> ApiResult<Prefixes> {
    client
        .request(&REMOVE_PREFIXES, &[id])
        .body(&Prefixes::new(prefixes))
        .send()
        .await
}

/// Moves the subnets of a network (of the pool's IP version, allocated from no pool)
/// into a subnet pool, whose prefixes grow by their CIDRs. Neutron answers with the
/// subnets it moved, `[{"id", "cidr"}]`: the API reference shows a single
/// `{"subnetpool_id", "cidr"}` object instead.
pub async fn onboard_network_subnets(
    client: &ServiceClient,
    id: &str,
    network_id: &str,
) -> ApiResult<Vec<OnboardedSubnet>> {
    client
        .request(&ONBOARD_NETWORK_SUBNETS, &[id])
        .body(&OnboardOpts {
            network_id: network_id.to_string(),
        })
        .send()
        .await
}
