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
    /// Agents (admin).
    pub mod agents;
    /// The API extensions this Neutron has loaded.
    pub mod api_extensions;
    /// Auto-allocated topology: a project's network made on demand.
    pub mod auto_allocated_topology;
    /// Availability zones of networks and routers.
    pub mod availability_zones;
    /// BGP dynamic routing: speakers, peers, agent scheduling.
    pub mod bgp;
    /// BGP VPNs and their network, router and port associations.
    pub mod bgpvpn;
    /// Conntrack helpers of routers.
    pub mod conntrack_helpers;
    /// The templates of the rules new security groups get (admin).
    pub mod default_security_group_rules;
    /// Which DHCP agents serve which networks (admin).
    pub mod dhcp_agent_scheduler;
    /// Flavors of the service plugins, and their service profiles.
    pub mod flavors;
    /// The subnets floating IPs come from.
    pub mod floating_ip_pools;
    /// Floating IPs.
    pub mod floating_ips;
    /// Firewall as a service v2 (neutron-fwaas): firewall groups, policies and rules.
    pub mod fwaas;
    /// Which L3 agents host which routers.
    pub mod l3_agent_scheduler;
    /// Local IPs and their port associations.
    pub mod local_ips;
    /// Logs of network events (firewall groups, security groups).
    pub mod logs;
    /// Metering label rules: the traffic a metering label counts.
    pub mod metering_label_rules;
    /// Metering labels: counters of router traffic.
    pub mod metering_labels;
    /// NDP proxies of routers.
    pub mod ndp_proxies;
    /// How many addresses each network and subnet has left.
    pub mod network_ip_availability;
    /// Network segment ranges: the segmentation IDs Neutron allocates from (admin).
    pub mod network_segment_ranges;
    /// Networks.
    pub mod networks;
    /// Bindings of a port to hosts (extended port bindings).
    pub mod port_bindings;
    /// Port forwardings of floating IPs.
    pub mod port_forwardings;
    /// Ports: a network's attachment points (servers, routers, DHCP…).
    pub mod ports;
    /// Quality of service: policies, their rules, and the rule types drivers support.
    pub mod qos;
    /// Quotas of projects.
    pub mod quotas;
    /// RBAC policies: share objects with other projects.
    pub mod rbac_policies;
    /// Routers: gateways, interfaces and routes.
    pub mod routers;
    /// Security group rules.
    pub mod security_group_rules;
    /// Security groups.
    pub mod security_groups;
    /// The default statefulness of new security groups (admin).
    pub mod security_groups_default_statefulness;
    /// Network segments (routed networks).
    pub mod segments;
    /// Service profiles: drivers that serve a flavor (admin).
    pub mod service_profiles;
    /// Drivers of the service plugins.
    pub mod service_providers;
    /// Service function chaining (networking-sfc): port pairs, port pair groups, flow
    /// classifiers, port chains and service graphs.
    pub mod sfc;
    /// Subnet pools: the prefixes subnets are allocated from.
    pub mod subnet_pools;
    /// Subnets: address ranges of a network.
    pub mod subnets;
    /// Tap-as-a-Service: tap services, tap flows, tap mirrors.
    pub mod taas;
    /// Resource tags on every taggable resource.
    pub mod tags;
    /// Trunks: a parent port carrying subports as VLANs.
    pub mod trunks;
    /// API versions, and the resources of v2.0.
    pub mod versions;
    /// VPN as a service (neutron-vpnaas): IKE and IPsec policies, VPN services, endpoint
    /// groups and IPsec site connections.
    pub mod vpnaas;
}

/// The operations written from Neutron's root rather than from `/v2.0` (the list of
/// versions), for coverage reports.
pub static ROOT_OPERATIONS: &[&[&crate::Operation]] = &[versions::ROOT_OPERATIONS];
