//! Networking v2.0 resources against a mock Neutron: requests as sent, official samples
//! as answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

mod agents;
mod api_extensions;
mod flavors;
mod floating_ips;
mod l3_resources;
mod logs;
mod metering;
mod network_segment_ranges;
mod networks;
mod port_bindings;
mod ports;
mod qos;
mod quotas;
mod routers;
mod segments;
mod service_providers;
mod subnets;
mod tags;
mod trunks;
