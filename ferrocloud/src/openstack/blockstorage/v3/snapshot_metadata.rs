//! Snapshot metadata items: free key/value pairs on a snapshot.
//!
//! Keys are 1 to 255 characters among letters, digits, `-`, `_`, `:`, `.`, `/` and
//! space; values are at most 255 characters. The SDK checks both before sending.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use std::collections::BTreeMap;
//! use ferrocloud::openstack::blockstorage::v3::snapshot_metadata;
//! let id = "d0083dc5-8795-4c1a-bc9c-74f70006c205";
//!
//! let mut more = BTreeMap::new();
//! more.insert("purpose".to_string(), "pre-upgrade".to_string());
//! snapshot_metadata::set(&volumes, id, &more).await.extract()?; // merged
//! let item = snapshot_metadata::get_item(&volumes, id, "purpose").await.extract()?;
//! assert_eq!(item.value, "pre-upgrade");
//! snapshot_metadata::delete_item(&volumes, id, "purpose").await.ok()?;
//! # Ok(()) }
//! ```

crate::operations! {
    service: "block-storage";
    /// Show a snapshot's metadata.
    LIST = GET "/snapshots/{snapshot_id}/metadata" response("metadata", Metadata);
    /// Create or update metadata items (the others are kept).
    SET = POST "/snapshots/{snapshot_id}/metadata" request("metadata", MetadataOpts) response("metadata", Metadata);
    /// Replace all metadata items (the others are removed).
    REPLACE = PUT "/snapshots/{snapshot_id}/metadata" request("metadata", MetadataOpts) response("metadata", Metadata);
    /// Show one metadata item.
    GET_ITEM = GET "/snapshots/{snapshot_id}/metadata/{key}" response("meta", MetaItem);
    /// Create or update one metadata item.
    SET_ITEM = PUT "/snapshots/{snapshot_id}/metadata/{key}" request("meta", MetaItem) response("meta", MetaItem);
    /// Delete one metadata item.
    DELETE_ITEM = DELETE "/snapshots/{snapshot_id}/metadata/{key}";
}

crate::metadata::metadata_functions!("snapshot", "/");

/// The operations the v2 API documents: the whole-set ones.
pub static V2_OPERATIONS: &[&crate::Operation] =
    &[LIST.operation(), SET.operation(), REPLACE.operation()];
