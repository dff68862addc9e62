//! Metadata items of a share's export location (2.87).
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::export_location_metadata;
//! let manila = manila.with_microversion("2.87");
//! let items = export_location_metadata::list(&manila, "011d21e2", "b6bd76ce").await.extract()?;
//! # Ok(()) }
//! ```

super::common::metadata_resource!(
    "share export location",
    "/shares/{share_id}/export_locations/{export_location_id}/metadata",
    "/shares/{share_id}/export_locations/{export_location_id}/metadata/{key}",
    since("2.87"),
    false;
    share_id, export_location_id
);
