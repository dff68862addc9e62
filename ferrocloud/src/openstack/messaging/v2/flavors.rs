//! Flavors (operators): named sets of pools a queue can be created in (`_flavor` in a
//! queue's metadata), with the capabilities their storage offers.
//!
//! ```no_run
//! # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::messaging::v2::flavors::{self, CreateOpts};
//! flavors::create(&zaqar, "gold", &CreateOpts::pools(["pool1", "pool2"])).await.ok()?;
//! let gold = flavors::get(&zaqar, "gold").await.extract()?;
//! println!("{:?}", gold.capabilities);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{DetailedListOpts, request, zaqar_functions};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "messaging";
    /// List flavors.
    LIST = GET "/flavors" list("flavors", Flavor);
    /// Create a flavor (`201`).
    CREATE = PUT "/flavors/{flavor_name}" request(CreateOpts);
    /// Change a flavor.
    UPDATE = PATCH "/flavors/{flavor_name}" request(CreateOpts) response(Flavor);
    /// Show a flavor.
    GET = GET "/flavors/{flavor_name}" response(Flavor);
    /// Delete a flavor (`204`).
    DELETE = DELETE "/flavors/{flavor_name}";
}

/// A flavor.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Flavor {
    /// The name.
    pub name: String,
    /// Its path.
    #[serde(default)]
    pub href: Option<String>,
    /// Its pools (Zaqar's answers write them as a list, or as text in older ones).
    #[serde(default, deserialize_with = "pool_names")]
    pub pool_list: Vec<String>,
    /// Its pool group (Zaqar before Stein; `""` otherwise).
    #[serde(default)]
    pub pool_group: Option<String>,
    /// The pool group, as older listings repeat it.
    #[serde(default)]
    pub pool: Option<String>,
    /// What its storage offers (`FIFO`, `CLAIMS`, `DURABILITY`, `AOD`, `HIGH_THROUGHPUT`).
    #[serde(default)]
    pub capabilities: Vec<String>,
}

/// Pool names as a JSON list, or as the text `"[a, b]"` (`""`: none).
fn pool_names<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Names {
        List(Vec<String>),
        Text(String),
    }
    Ok(match Option::<Names>::deserialize(d)? {
        None => Vec::new(),
        Some(Names::List(l)) => l,
        Some(Names::Text(t)) => t
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .split(',')
            .map(|s| s.trim().trim_matches(['"', '\'']).to_string())
            .filter(|s| !s.is_empty())
            .collect(),
    })
}

impl crate::find::Named for Flavor {
    fn id(&self) -> &str {
        &self.name
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// What [`create`] and [`update`] send: the flavor's pools (or, before Stein, its pool
/// group).
///
/// ```
/// use ferrocloud::openstack::messaging::v2::flavors::CreateOpts;
/// assert_eq!(serde_json::to_value(CreateOpts::pools(["p1", "p2"])).unwrap(),
///     serde_json::json!({"pool_list": ["p1", "p2"]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The pools.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pool_list: Vec<String>,
    /// The pool group (Zaqar before Stein).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool_group: Option<String>,
}

impl CreateOpts {
    /// A flavor of these pools.
    ///
    /// ```
    /// let o = ferrocloud::openstack::messaging::v2::flavors::CreateOpts::pools(["p"]);
    /// assert_eq!(o.pool_list, ["p"]);
    /// ```
    pub fn pools<S: Into<String>>(names: impl IntoIterator<Item = S>) -> Self {
        CreateOpts {
            pool_list: names.into_iter().map(Into::into).collect(),
            pool_group: None,
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::at_least_one_of(&[
            ("pool_list", !self.pool_list.is_empty()),
            ("pool_group", self.pool_group.is_some()),
        ])
    }
}

/// What [`update`] sends.
pub type UpdateOpts = CreateOpts;

/// What [`list`] takes.
pub type ListOpts = DetailedListOpts;

zaqar_functions! {
    Flavor, "flavor", ListOpts, extract_flavors, Flavor, [];
    list get update delete
}

/// Creates a flavor (`201`).
///
/// ```no_run
/// # async fn demo(zaqar: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::messaging::v2::flavors::{self, CreateOpts};
/// flavors::create(&zaqar, "gold", &CreateOpts::pools(["p1"])).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, name: &str, opts: &CreateOpts) -> ApiResult<()> {
    request(client, &CREATE, &[name]).body(opts).send().await
}
