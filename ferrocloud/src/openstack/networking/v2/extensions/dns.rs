//! `dns-integration` and `subnet-dns-publish-fixed-ip`: the DNS domain of a network, and
//! whether a subnet's fixed IPs are published in DNS.

super::attributes! {
    /// A network's DNS domain.
    DnsDomain {
        /// The domain given to the DNS names of the network's ports (`example.org.`).
        "dns_domain" => dns_domain: String,
    }
}

super::attributes! {
    /// Whether a subnet's fixed IPs are published in the external DNS service.
    DnsPublishFixedIp {
        /// Publish the addresses of the subnet's ports.
        "dns_publish_fixed_ip" => dns_publish_fixed_ip: bool,
    }
}
