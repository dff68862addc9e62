//! Storage pools (operators): the databases Zaqar spreads queues over, by weight, within
//! a flavor. A pool's `uri` may hold the database's credentials: `Debug` hides them.
//!
//! ```no_run
//! # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::messaging::v2::pools::{self, CreateOpts};
//! let opts = CreateOpts::new(100, "mongodb://127.0.0.1:27017").flavor("gold");
//! pools::create(&zaqar, "pool1", &opts).await.ok()?;
//! let pool = pools::get(&zaqar, "pool1").await.extract()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{DetailedListOpts, request, zaqar_functions};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "messaging";
    /// List pools.
    LIST = GET "/pools" list("pools", Pool);
    /// Create a pool (`201`).
    CREATE = PUT "/pools/{pool_name}" request(CreateOpts);
    /// Change a pool.
    UPDATE = PATCH "/pools/{pool_name}" request(UpdateOpts) response(Pool);
    /// Show a pool.
    GET = GET "/pools/{pool_name}" response(Pool);
    /// Delete a pool (`204`).
    DELETE = DELETE "/pools/{pool_name}";
}

/// `uri` with its credentials hidden, for `Debug`.
fn shown_uri(uri: &str) -> String {
    match uri.split_once("://") {
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((_, host)) => format!("{scheme}://[REDACTED]@{host}"),
            None => uri.to_string(),
        },
        None => uri.to_string(),
    }
}

/// A storage pool.
#[derive(Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Pool {
    /// The name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its path.
    #[serde(default)]
    pub href: Option<String>,
    /// Its weight among the pools of its flavor.
    pub weight: u64,
    /// The database's URI (may hold credentials).
    pub uri: String,
    /// Its pool group (Zaqar before Stein; `""` otherwise).
    #[serde(default)]
    pub group: Option<String>,
    /// Its flavor.
    #[serde(default)]
    pub flavor: Option<String>,
    /// Storage driver options (listed with `detailed`).
    #[serde(default)]
    pub options: Option<BTreeMap<String, Value>>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("name", &self.name)
            .field("href", &self.href)
            .field("weight", &self.weight)
            .field("uri", &shown_uri(&self.uri))
            .field("group", &self.group)
            .field("flavor", &self.flavor)
            .field("options", &self.options.as_ref().map(|o| o.keys().collect::<Vec<_>>()))
            .finish()
    }
}

/// What [`create`] sends. `Debug` hides the URI's credentials.
///
/// ```
/// use ferrocloud::openstack::messaging::v2::pools::CreateOpts;
/// let o = CreateOpts::new(100, "mongodb://zaqar:s3cret@db:27017").flavor("gold");
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!(
///     {"weight": 100, "uri": "mongodb://zaqar:s3cret@db:27017", "flavor": "gold"}));
/// assert!(!format!("{o:?}").contains("s3cret"));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// Its weight.
    pub weight: u64,
    /// The database's URI.
    pub uri: String,
    /// Its pool group (Zaqar before Stein).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Its flavor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flavor: Option<String>,
    /// Storage driver options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, Value>>,
}

impl std::fmt::Debug for CreateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateOpts")
            .field("weight", &self.weight)
            .field("uri", &shown_uri(&self.uri))
            .field("group", &self.group)
            .field("flavor", &self.flavor)
            .finish_non_exhaustive()
    }
}

impl CreateOpts {
    /// A pool of `weight` on the database at `uri`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::messaging::v2::pools::CreateOpts::new(10, "redis://r:6379");
    /// assert_eq!(o.weight, 10);
    /// ```
    pub fn new(weight: u64, uri: impl Into<String>) -> Self {
        CreateOpts {
            weight,
            uri: uri.into(),
            ..Default::default()
        }
    }

    /// Puts the pool in a flavor.
    ///
    /// ```
    /// let o = ferrocloud::openstack::messaging::v2::pools::CreateOpts::new(10, "redis://r").flavor("f");
    /// assert_eq!(o.flavor.as_deref(), Some("f"));
    /// ```
    pub fn flavor(mut self, name: impl Into<String>) -> Self {
        self.flavor = Some(name.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("uri", !self.uri.trim().is_empty())
    }
}

/// What [`update`] changes. `Debug` hides the URI's credentials.
///
/// ```
/// use ferrocloud::openstack::messaging::v2::pools::UpdateOpts;
/// let o = UpdateOpts { weight: Some(60), ..Default::default() };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!({"weight": 60}));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u64>,
    /// A new URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// A new pool group (Zaqar before Stein).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// A new flavor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flavor: Option<String>,
    /// New storage driver options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, Value>>,
}

impl std::fmt::Debug for UpdateOpts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpdateOpts")
            .field("weight", &self.weight)
            .field("uri", &self.uri.as_deref().map(shown_uri))
            .field("group", &self.group)
            .field("flavor", &self.flavor)
            .finish_non_exhaustive()
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("weight", self.weight.is_some()),
            ("uri", self.uri.is_some()),
            ("group", self.group.is_some()),
            ("flavor", self.flavor.is_some()),
            ("options", self.options.is_some()),
        ])
    }
}

/// What [`list`] takes.
pub type ListOpts = DetailedListOpts;

zaqar_functions! {
    Pool, "pool", ListOpts, extract_pools, Pool, [];
    list get update delete
}

/// Creates a pool (`201`).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::messaging::v2::pools::{self, CreateOpts};
/// pools::create(&zaqar, "p1", &CreateOpts::new(100, "mongodb://db:27017")).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, name: &str, opts: &CreateOpts) -> ApiResult<()> {
    request(client, &CREATE, &[name]).body(opts).send().await
}
