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
    /// Address groups: named sets of CIDRs for security group rules.
    pub mod address_groups;
    /// Address scopes: address spaces without overlaps.
    pub mod address_scopes;
    /// The API extensions this Neutron has loaded.
    pub mod api_extensions;
    /// Availability zones of networks and routers.
    pub mod availability_zones;
    /// The templates of the rules new security groups get (admin).
    pub mod default_security_group_rules;
    /// How many addresses each network and subnet has left.
    pub mod network_ip_availability;
    /// Networks.
    pub mod networks;
    /// RBAC policies: share objects with other projects.
    pub mod rbac_policies;
    /// Security group rules.
    pub mod security_group_rules;
    /// Security groups.
    pub mod security_groups;
    /// The default statefulness of new security groups (admin).
    pub mod security_groups_default_statefulness;
    /// Subnet pools: the prefixes subnets are allocated from.
    pub mod subnet_pools;
    /// Subnets: address ranges of a network.
    pub mod subnets;
}
