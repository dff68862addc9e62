//! Networking v2.0 resources against a mock Neutron: requests as sent, official samples
//! as answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

/// A network client of a mock Neutron (the catalog's endpoint, version path `/v2.0`).
pub async fn network(server: &wiremock::MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_network_v2(&p, ferrocloud::EndpointOpts::default()).unwrap()
}

mod address_groups;
mod address_scopes;
mod agents;
mod api_extensions;
mod bgp;
mod bgpvpn;
mod default_security_group_rules;
mod flavors;
mod floating_ips;
mod fwaas;
mod l3_resources;
mod logs;
mod metering;
mod network_segment_ranges;
mod networks;
mod port_bindings;
mod ports;
mod qos;
mod quotas;
mod rbac_policies;
mod routers;
mod security_group_rules;
mod security_groups;
mod security_groups_default_statefulness;
mod segments;
mod service_providers;
mod sfc;
mod subnet_pools;
mod subnets;
mod taas;
mod tags;
mod trunks;
mod vpnaas;
