//! `vlan-transparent` and `qinq`: VLAN-tagged traffic carried through a network.

super::attributes! {
    /// VLAN transparency of a network.
    VlanTransparent {
        /// Guests' VLAN tags pass through (set at creation).
        "vlan_transparent" => vlan_transparent: bool,
        /// 802.1ad (QinQ) stacking (set at creation).
        "qinq" => qinq: bool,
    }
}
