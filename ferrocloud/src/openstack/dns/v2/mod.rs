//! DNS API v2 (Designate). Create the client with
//! [`new_dns_v2`](crate::openstack::new_dns_v2): paths are relative to the endpoint's
//! `v2/`.
//!
//! Zones ([`zones`]) hold recordsets ([`recordsets`]); both change asynchronously
//! (`PENDING`, then `ACTIVE` or `ERROR`), and have waiters. Zones move between projects
//! by [`transfer_requests`] and [`transfer_accepts`], are shared with [`zone_shares`],
//! come from and go to zone files with [`zone_imports`] and [`zone_exports`]. Floating
//! IPs get their reverse names with [`reverse_floatingips`]. Admins manage [`pools`],
//! [`tsigkeys`], [`blacklists`], [`tlds`], [`quotas`] and read [`service_statuses`].
//! Designate's own request headers (all projects, sudo, managed records, hard delete)
//! are typed in [`common::RequestHeaders`].
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::dns::v2::{recordsets, zones};
//! let dns = ferrocloud::openstack::new_dns_v2(&provider, Default::default())?;
//! let zone = zones::find(&dns, "example.org.").await?;
//! let page = recordsets::list(&dns, &zone.id, &Default::default()).all_pages().await?;
//! for rs in recordsets::extract_recordsets(&page)? {
//!     println!("{} {} {:?}", rs.name, rs.record_type, rs.records);
//! }
//! # Ok(()) }
//! ```

crate::resources! {
    /// Blacklisted zone name patterns (admins).
    pub mod blacklists;
    /// Limits.
    pub mod limits;
    /// Pools of name servers.
    pub mod pools;
    /// Quotas.
    pub mod quotas;
    /// Recordsets, per zone and across zones.
    pub mod recordsets;
    /// PTR records of floating IPs.
    pub mod reverse_floatingips;
    /// Statuses of Designate's services (admins).
    pub mod service_statuses;
    /// Top-level domains (admins).
    pub mod tlds;
    /// Zone transfer accepts.
    pub mod transfer_accepts;
    /// Zone transfer requests.
    pub mod transfer_requests;
    /// TSIG keys (admins).
    pub mod tsigkeys;
    /// Zone exports.
    pub mod zone_exports;
    /// Zone imports.
    pub mod zone_imports;
    /// Zone shares.
    pub mod zone_shares;
    /// Zone tasks: abandon, transfer from masters, pool move.
    pub mod zone_tasks;
    /// Zones.
    pub mod zones;
}

/// The operations written from Designate's root rather than `v2/`, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&crate::Operation]] = versions::ROOT_OPERATIONS;

/// What Designate's resources share: links, statuses, paging, request headers.
pub mod common;

/// Designate's API versions (`GET /`), at the service root.
pub mod versions;
