//! Migrations of all servers (os-migrations, admin): cold and live migrations, resizes
//! and evacuations, with their state.
//!
//! Filters and fields depend on the microversion: `migration_type` and links from 2.23,
//! paging, `changes-since` and the migration's UUID from 2.59, `changes-before` from
//! 2.66, user and project from 2.80. Filters newer than the client's microversion are
//! refused before sending (older Nova would ignore them).
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::migrations::{self, ListOpts};
//! let compute = compute.with_microversion("2.80");
//! let opts = ListOpts { migration_type: Some("live-migration".into()), limit: Some(50), ..Default::default() };
//! for m in migrations::list(&compute, &opts).all_pages().await?.extract()? {
//!     println!("{} {} → {:?}: {}", m.instance_uuid, m.source_compute.unwrap_or_default(), m.dest_compute, m.status);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize, Serializer};

use crate::dates::Timestamp;
use crate::de::Link;
use crate::pagination::{PageStyle, Pager};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "compute";
    /// List migrations.
    LIST = GET "/os-migrations" list("migrations", Migration);
}

/// A migration.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Migration {
    /// The migration's integer ID.
    pub id: u64,
    /// Its UUID (2.59+).
    #[serde(default)]
    pub uuid: Option<String>,
    /// The server's ID.
    pub instance_uuid: String,
    /// Its state (`migrating`, `finished`, `error`, `done`…).
    pub status: String,
    /// `migration`, `resize`, `live-migration` or `evacuation` (2.23+).
    #[serde(default)]
    pub migration_type: Option<String>,
    /// The source compute host.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub source_compute: Option<String>,
    /// The source node.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub source_node: Option<String>,
    /// The destination compute host.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub dest_compute: Option<String>,
    /// The destination host's IP address.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub dest_host: Option<String>,
    /// The destination node.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub dest_node: Option<String>,
    /// The flavor before (its internal ID).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub old_instance_type_id: Option<u64>,
    /// The flavor after (its internal ID).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub new_instance_type_id: Option<u64>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Links to the server's migration, for live migrations in progress (2.23+).
    #[serde(default)]
    pub links: Vec<Link>,
    /// The user who started it (2.80+).
    #[serde(default)]
    pub user_id: Option<String>,
    /// The server's project (2.80+).
    #[serde(default)]
    pub project_id: Option<String>,
}

fn as_int<S: Serializer>(v: &Option<bool>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match v {
        Some(b) => s.serialize_u8(u8::from(*b)),
        None => s.serialize_none(),
    }
}

/// Filters and paging for listing migrations.
///
/// ```
/// use ferrocloud::openstack::compute::v2::migrations::ListOpts;
/// let opts = ListOpts { status: Some("error".into()), changes_since: Some("2016-06-23T13:42:02Z".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "status=error&changes-since=2016-06-23T13%3A42%3A02Z");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Include hidden migrations (sent as `1`/`0`).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_int")]
    pub hidden: Option<bool>,
    /// Migrations from or to this host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Migrations of this server.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_uuid: Option<String>,
    /// Migrations of this type (`migration`, `resize`, `live-migration`, `evacuation`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub migration_type: Option<String>,
    /// Migrations from this compute host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_compute: Option<String>,
    /// Migrations in this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Page size (2.59+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The UUID of the last migration of the previous page (2.59+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Only migrations changed since this time, ISO 8601 (2.59+).
    #[serde(rename = "changes-since", skip_serializing_if = "Option::is_none")]
    pub changes_since: Option<String>,
    /// Only migrations changed before this time, ISO 8601 (2.66+).
    #[serde(rename = "changes-before", skip_serializing_if = "Option::is_none")]
    pub changes_before: Option<String>,
    /// Only migrations started by this user (2.80+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Only migrations of this project's servers (2.80+).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl ListOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        use super::versions::check_field;
        check_field(client, "limit", self.limit.is_some(), Some("2.59"), None)?;
        check_field(client, "marker", self.marker.is_some(), Some("2.59"), None)?;
        check_field(
            client,
            "changes-since",
            self.changes_since.is_some(),
            Some("2.59"),
            None,
        )?;
        check_field(
            client,
            "changes-before",
            self.changes_before.is_some(),
            Some("2.66"),
            None,
        )?;
        check_field(
            client,
            "user_id",
            self.user_id.is_some(),
            Some("2.80"),
            None,
        )?;
        check_field(
            client,
            "project_id",
            self.project_id.is_some(),
            Some("2.80"),
            None,
        )
    }
}

/// Lists migrations (paged from 2.59 on).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Migration> {
    let req = client.request(&LIST, &[]).query(opts);
    let req = match opts.check(client) {
        Ok(()) => req,
        Err(e) => req.fail_with(e),
    };
    req.paged(PageStyle::Links("migrations_links"))
}

crate::operation::extract_fn! {
    /// The migrations of a page (or of all pages).
    extract_migrations, Migration
}
