//! Metadata items of a share replica (2.95).
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_replica_metadata::{self, Metadata};
//! let manila = manila.with_microversion("2.95");
//! let items = Metadata::from([("aim".to_string(), "doc".to_string())]);
//! share_replica_metadata::set(&manila, "c9f52e33", &items).await.ok()?;
//! # Ok(()) }
//! ```

super::common::metadata_resource!(
    "share replica",
    "/share-replicas/{share_replica_id}/metadata",
    "/share-replicas/{share_replica_id}/metadata/{key}",
    since("2.95"),
    false;
    share_replica_id
);
