//! Networking v2.0 resources against a mock Neutron: requests as sent, official samples
//! as answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

mod api_extensions;
mod bgp;
mod bgpvpn;
mod networks;
mod subnets;
mod taas;
