//! Compute API v2.1 (Nova). Create the client with
//! [`new_compute_v2`](crate::openstack::new_compute_v2).

pub mod extensions;

crate::resources! {
    /// Host aggregates, their hosts and metadata, and image caching.
    pub mod aggregates;
    /// Assisted volume snapshots (for volume drivers).
    pub mod assisted_volume_snapshots;
    /// Availability zones.
    pub mod availability_zones;
    /// Bare metal nodes through the compute API (proxy to the bare metal service, until 2.35).
    pub mod baremetal_nodes;
    /// Compute services (os-services).
    pub mod compute_services;
    /// Server diagnostics.
    pub mod diagnostics;
    /// Extensions of the API (legacy listing).
    pub mod api_extensions;
    /// Server external events (sent by other services).
    pub mod external_events;
    /// Flavor access: which projects may use a private flavor.
    pub mod flavor_access;
    /// Flavor extra specs.
    pub mod flavor_extra_specs;
    /// Flavors: the sizes a server can be booted with.
    pub mod flavors;
    /// Floating IPs and pools through the compute API (proxy to networking, until 2.35).
    pub mod floating_ips;
    /// Hosts (os-hosts, until microversion 2.42).
    pub mod hosts;
    /// Hypervisors, their servers, statistics and uptime.
    pub mod hypervisors;
    /// Images through the compute API (proxy to the image service, until 2.35).
    pub mod images;
    /// Instance actions of a server and their events.
    pub mod instance_actions;
    /// Instance usage audit logs.
    pub mod instance_usage_audit_log;
    /// Port interfaces of a server: attach, list, show, detach.
    pub mod interfaces;
    /// Server addresses by network.
    pub mod ips;
    /// Key pairs.
    pub mod keypairs;
    /// Rate and absolute limits.
    pub mod limits;
    /// Migrations of all servers (os-migrations).
    pub mod migrations;
    /// Quota class sets.
    pub mod quota_class_sets;
    /// Quota sets of projects and users, with details and defaults.
    pub mod quota_sets;
    /// Remote consoles (VNC, SPICE, serial, RDP, MKS) and console authentication tokens.
    pub mod remote_consoles;
    /// Security groups and rules through the compute API (proxy to networking, until 2.35).
    pub mod security_groups;
    /// Server actions (`POST /servers/{server_id}/action`): reboot, rebuild, resize, start/stop, pause, suspend, lock, rescue, shelve, migrate, evacuate, images and backups, passwords, console output, reset state, crash dumps, security groups, fixed and floating IPs.
    pub mod server_actions;
    /// Server groups (affinity and anti-affinity policies).
    pub mod server_groups;
    /// Server metadata items.
    pub mod server_metadata;
    /// Migrations of one server: list, show, force complete, abort.
    pub mod server_migrations;
    /// The encrypted admin password of a server.
    pub mod server_password;
    /// The security groups of a server.
    pub mod server_security_groups;
    /// Shares (Manila) attached to a server.
    pub mod server_shares;
    /// Server tags.
    pub mod server_tags;
    /// Servers: virtual machines.
    pub mod servers;
    /// Project networks through the compute API (proxy to networking, until 2.35).
    pub mod tenant_networks;
    /// Server NUMA topology.
    pub mod topology;
    /// Simple tenant usage.
    pub mod usage;
    /// API versions of the compute service.
    pub mod versions;
    /// Volumes attached to a server: attach, list, show, update or swap, detach.
    pub mod volume_attachments;
    /// Volumes and snapshots through the compute API (proxy to block storage, until 2.35).
    pub mod volumes;
}
