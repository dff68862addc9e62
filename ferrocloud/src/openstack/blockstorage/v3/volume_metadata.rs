//! Volume metadata items: free key/value pairs on a volume.
//!
//! Keys are 1 to 255 characters among letters, digits, `-`, `_`, `:`, `.`, `/` and
//! space; values are at most 255 characters. The SDK checks both before sending.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use std::collections::BTreeMap;
//! use ferrocloud::openstack::blockstorage::v3::volume_metadata;
//! let id = "6edbc2f4-1507-44f8-ac0d-eed1d2608d38";
//!
//! let mut more = BTreeMap::new();
//! more.insert("role".to_string(), "db".to_string());
//! let all = volume_metadata::set(&volumes, id, &more).await.extract()?; // merged
//! volume_metadata::set_item(&volumes, id, "owner", "ops").await.ok()?;
//! let owner = volume_metadata::get_item(&volumes, id, "owner").await.extract()?;
//! assert_eq!(owner.value, "ops");
//! volume_metadata::delete_item(&volumes, id, "owner").await.ok()?;
//! volume_metadata::replace(&volumes, id, &BTreeMap::new()).await.ok()?; // removes all
//! # Ok(()) }
//! ```

crate::operations! {
    service: "block-storage";
    /// Show a volume's metadata.
    LIST = GET "/volumes/{volume_id}/metadata" response("metadata", Metadata);
    /// Create or update metadata items (the others are kept).
    SET = POST "/volumes/{volume_id}/metadata" request("metadata", MetadataOpts) response("metadata", Metadata);
    /// Replace all metadata items (the others are removed).
    REPLACE = PUT "/volumes/{volume_id}/metadata" request("metadata", MetadataOpts) response("metadata", Metadata);
    /// Show one metadata item.
    GET_ITEM = GET "/volumes/{volume_id}/metadata/{key}" response("meta", MetaItem);
    /// Create or update one metadata item.
    SET_ITEM = PUT "/volumes/{volume_id}/metadata/{key}" request("meta", MetaItem) response("meta", MetaItem);
    /// Delete one metadata item.
    DELETE_ITEM = DELETE "/volumes/{volume_id}/metadata/{key}";
}

crate::metadata::metadata_functions!("volume", "/");

/// The operations the v2 API documents: all of them.
pub static V2_OPERATIONS: &[&crate::Operation] = OPERATIONS;
