//! Metadata items of a share network subnet (2.78).
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_network_subnet_metadata;
//! let manila = manila.with_microversion("2.78");
//! let items = share_network_subnet_metadata::list(&manila, "1324e7d3", "e4db03dc").await.extract()?;
//! # Ok(()) }
//! ```

super::common::metadata_resource!(
    "share network subnet",
    "/share-networks/{share_network_id}/subnets/{share_network_subnet_id}/metadata",
    "/share-networks/{share_network_id}/subnets/{share_network_subnet_id}/metadata/{key}",
    since("2.78"),
    false;
    share_network_id, share_network_subnet_id
);
