//! Compute v2 resources against a mock Nova: requests as sent, official samples as
//! answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

mod core;
mod servers;
mod server_actions;
mod remote_consoles;
mod server_migrations;
mod diagnostics;
mod topology;
mod ips;
mod server_metadata;
mod server_tags;
mod server_password;
mod interfaces;
mod volume_attachments;
mod instance_actions;
mod server_shares;
mod server_groups;
mod external_events;
mod server_security_groups;
mod flavors;
mod flavor_access;
mod flavor_extra_specs;
mod keypairs;
mod aggregates;
mod availability_zones;
mod hypervisors;
mod compute_services;
mod quota_sets;
mod quota_class_sets;
mod limits;
mod usage;
mod migrations;
mod instance_usage_audit_log;
mod hosts;
mod versions;
mod api_extensions;
mod assisted_volume_snapshots;
mod images;
mod volumes;
mod floating_ips;
mod security_groups;
mod tenant_networks;
mod baremetal_nodes;
