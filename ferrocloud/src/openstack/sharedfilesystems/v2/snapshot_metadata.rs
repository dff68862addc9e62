//! Metadata items of a share snapshot (2.73).
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::snapshot_metadata;
//! let manila = manila.with_microversion("2.73");
//! let items = snapshot_metadata::list(&manila, "6d221c1d").await.extract()?;
//! # Ok(()) }
//! ```

super::common::metadata_resource!(
    "snapshot",
    "/snapshots/{snapshot_id}/metadata",
    "/snapshots/{snapshot_id}/metadata/{key}",
    since("2.73"),
    false;
    snapshot_id
);
