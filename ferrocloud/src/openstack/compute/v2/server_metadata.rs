//! Server metadata items: free key/value pairs on a server.
//!
//! Keys are 1 to 255 characters among letters, digits, `-`, `_`, `:`, `.` and space;
//! values are at most 255 characters (Nova refuses the `/` that Cinder takes). The SDK
//! checks both before sending.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use std::collections::BTreeMap;
//! use ferrocloud::openstack::compute::v2::server_metadata;
//! let id = "0e44cc9c-e052-415d-afbf-469b0d384170";
//!
//! let mut more = BTreeMap::new();
//! more.insert("role".to_string(), "web".to_string());
//! let all = server_metadata::set(&compute, id, &more).await.extract()?; // merged
//! server_metadata::set_item(&compute, id, "owner", "ops").await.ok()?;
//! let owner = server_metadata::get_item(&compute, id, "owner").await.extract()?;
//! assert_eq!(owner.value, "ops");
//! server_metadata::delete_item(&compute, id, "owner").await.ok()?;
//! server_metadata::replace(&compute, id, &BTreeMap::new()).await.ok()?; // removes all
//! # Ok(()) }
//! ```

crate::operations! {
    service: "compute";
    /// List all metadata of a server.
    LIST = GET "/servers/{server_id}/metadata" response("metadata", Metadata);
    /// Create or update metadata items (the others are kept).
    SET = POST "/servers/{server_id}/metadata" request("metadata", MetadataOpts) response("metadata", Metadata);
    /// Replace all metadata items (the others are removed).
    REPLACE = PUT "/servers/{server_id}/metadata" request("metadata", MetadataOpts) response("metadata", Metadata);
    /// Show one metadata item.
    GET_ITEM = GET "/servers/{server_id}/metadata/{key}" response("meta", MetaItem);
    /// Create or update one metadata item.
    SET_ITEM = PUT "/servers/{server_id}/metadata/{key}" request("meta", MetaItem) response("meta", MetaItem);
    /// Delete one metadata item.
    DELETE_ITEM = DELETE "/servers/{server_id}/metadata/{key}";
}

crate::metadata::metadata_functions!("server", "");
