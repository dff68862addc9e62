//! Metadata items of a share.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_metadata::{self, Metadata};
//! let items = Metadata::from([("aim".to_string(), "doc".to_string())]);
//! share_metadata::set(&manila, "011d21e2", &items).await.ok()?;
//! let item = share_metadata::get_item(&manila, "011d21e2", "aim").await.extract()?;
//! assert_eq!(item.value, "doc");
//! # Ok(()) }
//! ```

super::common::metadata_resource!(
    "share",
    "/shares/{share_id}/metadata",
    "/shares/{share_id}/metadata/{key}",
    false;
    share_id
);
