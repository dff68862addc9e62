//! `address-scope`: the address scopes of a network's IPv4 and IPv6 subnet pools (read
//! only).

super::attributes! {
    /// A network's address scopes.
    AddressScopes {
        /// The IPv4 address scope (`null` when none).
        "ipv4_address_scope" => ipv4_address_scope: String,
        /// The IPv6 address scope (`null` when none).
        "ipv6_address_scope" => ipv6_address_scope: String,
    }
}
