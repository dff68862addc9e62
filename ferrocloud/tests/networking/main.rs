//! Networking v2.0 resources against a mock Neutron: requests as sent, official samples
//! as answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

mod agents;
mod api_extensions;
mod floating_ips;
mod l3_resources;
mod networks;
mod routers;
mod network_segment_ranges;
mod networks;
mod qos;
mod segments;
mod flavors;
mod logs;
mod metering;
mod networks;
mod quotas;
mod service_providers;
mod port_bindings;
mod ports;
mod subnets;
mod tags;
mod trunks;
