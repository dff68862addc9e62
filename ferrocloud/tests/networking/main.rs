//! Networking v2.0 resources against a mock Neutron: requests as sent, official samples
//! as answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

mod address_groups;
mod address_scopes;
mod api_extensions;
mod default_security_group_rules;
mod networks;
mod rbac_policies;
mod security_group_rules;
mod security_groups;
mod security_groups_default_statefulness;
mod subnet_pools;
mod subnets;
