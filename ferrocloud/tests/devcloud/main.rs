//! Integration tests against the project's real local cloud (`scripts/devcloud up`).
//!
//! Every test here is ignored by a plain `cargo test`, because it needs the services
//! running; `scripts/test` brings the devcloud up and runs them with `--ignored`.
//! The credentials are the devcloud's (test-only, loopback-only); `FERROCLOUD_DEVCLOUD_*`
//! variables override them.

mod services;
mod support;

mod compute_aggregates;
mod compute_api_extensions;
mod compute_assisted_volume_snapshots;
mod compute_availability_zones;
mod compute_baremetal_nodes;
mod compute_compute_services;
mod compute_diagnostics;
mod compute_external_events;
mod compute_flavor_access;
mod compute_flavor_extra_specs;
mod compute_flavors;
mod compute_floating_ips;
mod compute_hosts;
mod compute_hypervisors;
mod compute_images;
mod compute_instance_actions;
mod compute_instance_usage_audit_log;
mod compute_interfaces;
mod compute_ips;
mod compute_keypairs;
mod compute_limits;
mod compute_migrations;
mod compute_quota_class_sets;
mod compute_quota_sets;
mod compute_remote_consoles;
mod compute_security_groups;
mod compute_server_actions;
mod compute_server_groups;
mod compute_server_metadata;
mod compute_server_migrations;
mod compute_server_password;
mod compute_server_security_groups;
mod compute_server_shares;
mod compute_server_tags;
mod compute_servers;
mod compute_tenant_networks;
mod compute_topology;
mod compute_usage;
mod compute_versions;
mod compute_volume_attachments;
mod compute_volumes;
mod identity_application_credentials;
mod identity_auth;
mod identity_credentials;
mod identity_domain_configs;
mod identity_domains;
mod identity_ec2;
mod identity_endpoint_filter;
mod identity_endpoint_policy;
mod identity_endpoints;
mod identity_federation;
mod identity_grants;
mod identity_groups;
mod identity_identity_providers;
mod identity_limits;
mod identity_mappings;
mod identity_oauth1;
mod identity_oauth2;
mod identity_policies;
mod identity_projects;
mod identity_regions;
mod identity_revoke;
mod identity_roles;
mod identity_service_providers;
mod identity_services;
mod identity_simple_cert;
mod identity_tokens;
mod identity_trusts;
mod identity_users;
mod networking_api_extensions;
mod networking_bgp;
mod networking_bgpvpn;
mod networking_networks;
mod networking_subnets;
mod networking_taas;
