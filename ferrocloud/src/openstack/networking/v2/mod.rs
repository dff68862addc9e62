//! Networking API v2.0 (Neutron). Create the client with
//! [`new_network_v2`](crate::openstack::new_network_v2).
//!
//! Every resource module follows the same shape: the base type holds the attributes
//! every Neutron sends (the core attributes and the standard ones: description, tags,
//! timestamps, revision number); attributes added by an API extension live in
//! [`extensions`] and compose with the base type through
//! [`With`](crate::request::With), to read them (`extract_into::<With<Network,
//! Provider>>()`) and to send them (`create(&client, &With::new(opts, provider))`).
//! Listings take the resource's typed filters plus [`common::ListControls`] (sorting,
//! page size, `fields`, tag filters and any other filter by name), and page through
//! `<resources>_links`.

pub mod common;
pub mod extensions;

crate::resources! {
    /// The API extensions this Neutron has loaded.
    pub mod api_extensions;
    /// Availability zones of networks and routers.
    pub mod availability_zones;
    /// BGP dynamic routing: speakers, peers, agent scheduling.
    pub mod bgp;
    /// BGP VPNs and their network, router and port associations.
    pub mod bgpvpn;
    /// How many addresses each network and subnet has left.
    pub mod network_ip_availability;
    /// Networks.
    pub mod networks;
    /// Subnets: address ranges of a network.
    pub mod subnets;
    /// Tap-as-a-Service: tap services, tap flows, tap mirrors.
    pub mod taas;
}
