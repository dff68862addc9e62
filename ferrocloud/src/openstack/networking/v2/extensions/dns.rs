//! `dns-integration`: the DNS domain of a network.

super::attributes! {
    /// A network's DNS domain.
    DnsDomain {
        /// The domain given to the DNS names of the network's ports (`example.org.`).
        "dns_domain" => dns_domain: String,
    }
}
