//! Compute v2 resources against a mock Nova: requests as sent, official samples as
//! answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

mod aggregates;
mod api_extensions;
mod assisted_volume_snapshots;
mod availability_zones;
mod baremetal_nodes;
mod compute_services;
mod core;
mod diagnostics;
mod external_events;
mod flavor_access;
mod flavor_extra_specs;
mod flavors;
mod floating_ips;
mod hosts;
mod hypervisors;
mod images;
mod instance_actions;
mod instance_usage_audit_log;
mod interfaces;
mod ips;
mod keypairs;
mod limits;
mod migrations;
mod quota_class_sets;
mod quota_sets;
mod remote_consoles;
mod security_groups;
mod server_actions;
mod server_groups;
mod server_metadata;
mod server_migrations;
mod server_password;
mod server_security_groups;
mod server_shares;
mod server_tags;
mod servers;
mod tenant_networks;
mod topology;
mod usage;
mod versions;
mod volume_attachments;
mod volumes;
