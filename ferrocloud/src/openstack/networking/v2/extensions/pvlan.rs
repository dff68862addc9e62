//! Private VLAN attributes of a port, which the API reference documents and some
//! backends serve.

super::attributes! {
    /// The private VLAN of a port.
    Pvlan {
        /// `promiscuous`, `isolated` or `community` (empty: none).
        "pvlan_type" => pvlan_type: String,
        /// The community, for a `community` port.
        "pvlan_community" => pvlan_community: String,
    }
}
