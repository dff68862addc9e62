//! The databases (schemas) of an instance.
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::db::v1::databases::{self, NewDatabase};
//! databases::create(&trove, "7de1bed8", &[NewDatabase::new("app")]).await.ok()?;
//! for d in databases::list(&trove, "7de1bed8", &Default::default()).all().await? {
//!     println!("{}", d.name);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{ListOpts, db_functions};
use crate::request::{ApiResult, Bulk, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "database";
    /// Create databases.
    CREATE = POST "/instances/{instance_id}/databases" request("databases", Vec<NewDatabase>);
    /// List databases.
    LIST = GET "/instances/{instance_id}/databases" list("databases", Database);
    /// Delete a database.
    DELETE = DELETE "/instances/{instance_id}/databases/{database_name}";
}

/// A database of an instance.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Database {
    /// The name.
    pub name: String,
    /// Its character set, when given.
    #[serde(default)]
    pub character_set: Option<String>,
    /// Its collation, when given.
    #[serde(default)]
    pub collate: Option<String>,
}

/// A database to create.
///
/// ```
/// use ferrocloud::openstack::db::v1::databases::NewDatabase;
/// let d = NewDatabase { character_set: Some("utf8mb4".into()), ..NewDatabase::new("app") };
/// assert_eq!(serde_json::to_value(&d).unwrap(), serde_json::json!({"name": "app", "character_set": "utf8mb4"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewDatabase {
    /// The name.
    pub name: String,
    /// The character set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub character_set: Option<String>,
    /// The collation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collate: Option<String>,
}

impl NewDatabase {
    /// A database `name` with the datastore's defaults.
    pub fn new(name: impl Into<String>) -> Self {
        NewDatabase { name: name.into(), ..Default::default() }
    }
}

impl Validate for NewDatabase {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("name", !self.name.is_empty())
    }
}

/// Creates databases on an instance (`202`).
pub async fn create(client: &ServiceClient, instance_id: &str, databases: &[NewDatabase]) -> ApiResult<()> {
    client
        .request(&CREATE, &[instance_id])
        .json_in("databases", &Bulk(databases))
        .send()
        .await
}

db_functions! { Database, "database of an instance", extract_databases, [instance_id]; list delete }
