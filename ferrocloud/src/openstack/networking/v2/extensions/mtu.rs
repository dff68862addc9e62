//! `net-mtu` and `net-mtu-writable`: the largest packet a network carries.

super::attributes! {
    /// A network's MTU.
    Mtu {
        /// The MTU (writable with `net-mtu-writable`).
        "mtu" => mtu: u32,
    }
}
