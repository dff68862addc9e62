//! A group type's group specs (3.11; admin): the key/value pairs that steer how groups
//! of the type are made (`consistent_group_snapshot_enabled`,
//! `consistent_group_replication_enabled`…). Setting merges; there is no replacing all
//! at once.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::group_type_specs as specs;
//! let volumes = volumes.with_microversion("3.11");
//! specs::set_item(&volumes, "6685584b", "consistent_group_snapshot_enabled", "<is> True").await.ok()?;
//! let all = specs::list(&volumes, "6685584b").await.extract()?;
//! specs::delete_item(&volumes, "6685584b", "consistent_group_snapshot_enabled").await.ok()?;
//! # let _ = all;
//! # Ok(()) }
//! ```

crate::operations! {
    service: "block-storage";
    /// List group specs for a group type.
    LIST = GET "/group_types/{group_type_id}/group_specs" since("3.11") response("group_specs", Metadata);
    /// Create or update group specs for a group type.
    SET = POST "/group_types/{group_type_id}/group_specs" since("3.11") request("group_specs", MetadataOpts) response("group_specs", Metadata);
    /// Show one specific group spec for a group type.
    GET_ITEM = GET "/group_types/{group_type_id}/group_specs/{spec_id}" since("3.11") response(MetaItem);
    /// Update one specific group spec for a group type.
    SET_ITEM = PUT "/group_types/{group_type_id}/group_specs/{spec_id}" since("3.11") request(MetaItem) response(MetaItem);
    /// Delete one specific group spec for a group type.
    DELETE_ITEM = DELETE "/group_types/{group_type_id}/group_specs/{spec_id}" since("3.11");
}

/// The operations the v2 API documents: none (3.11).
pub static V2_OPERATIONS: &[&crate::Operation] = &[];

crate::metadata::metadata_functions!("group type", "/"; without replace);
