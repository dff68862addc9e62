//! A volume type's extra specs (admin): the key/value pairs that steer the scheduler and
//! the back end (`volume_backend_name`, `capabilities:…`, `RESKEY:…`). Setting merges
//! (Cinder answers with the specs sent, not all of them); there is no replacing all at
//! once.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::volume_type_extra_specs as specs;
//! let all = specs::set(&volumes, "6685584b", &[("volume_backend_name".to_string(), "ssd".to_string())].into()).await.extract()?;
//! specs::set_item(&volumes, "6685584b", "multiattach", "<is> True").await.ok()?;
//! specs::delete_item(&volumes, "6685584b", "multiattach").await.ok()?;
//! # let _ = all;
//! # Ok(()) }
//! ```


crate::operations! {
    service: "block-storage";
    /// Show all extra specifications for volume type.
    LIST = GET "/types/{volume_type_id}/extra_specs" response("extra_specs", Metadata);
    /// Create or update extra specs for volume type.
    SET = POST "/types/{volume_type_id}/extra_specs" request("extra_specs", MetadataOpts) response("extra_specs", Metadata);
    /// Show extra specification for volume type.
    GET_ITEM = GET "/types/{volume_type_id}/extra_specs/{key}" response(MetaItem);
    /// Update extra specification for volume type.
    SET_ITEM = PUT "/types/{volume_type_id}/extra_specs/{key}" request(MetaItem) response(MetaItem);
    /// Delete extra specification for volume type.
    DELETE_ITEM = DELETE "/types/{volume_type_id}/extra_specs/{key}";
}

/// The operations the v2 API documents: it documents setting the specs, as part of
/// updating a type (`PUT /types/{id}`); the v2 reference has no separate extra specs
/// section.
pub static V2_OPERATIONS: &[&crate::Operation] = &[];

crate::metadata::metadata_functions!("volume type", "/"; without replace);
