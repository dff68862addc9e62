//! Networking v2.0 resources against a mock Neutron: requests as sent, official samples
//! as answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

mod agents;
mod api_extensions;
mod flavors;
mod logs;
mod metering;
mod networks;
mod quotas;
mod service_providers;
mod subnets;
