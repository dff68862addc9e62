//! `data-plane-status`: the status of a port's underlying data plane, set by an
//! administrator or an external monitoring service (`ACTIVE` or `DOWN`; `null` when
//! never set).

super::attributes! {
    /// The data plane status of a port.
    DataPlaneStatus {
        /// `ACTIVE` or `DOWN` (`None`: never set).
        "data_plane_status" => data_plane_status: String,
    }
}
