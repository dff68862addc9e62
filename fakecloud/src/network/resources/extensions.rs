//! The extension list, and network IP availability.

use super::*;

pub(super) const EXTENSIONS: &[(&str, &str, &str)] = &[
    (
        "address-scope",
        "Address scope",
        "Address scopes extension.",
    ),
    (
        "auto-allocated-topology",
        "Auto Allocated Topology Services",
        "Auto Allocated Topology Services.",
    ),
    (
        "floating-ip-port-forwarding",
        "Floating IP Port Forwarding",
        "Allow to forward a port of a floating IP to a port of a fixed IP.",
    ),
    (
        "l3-conntrack-helper",
        "Router conntrack helper",
        "Conntrack helpers of routers.",
    ),
    (
        "local_ip",
        "Local IP",
        "Local IPs of a network, associated with ports.",
    ),
    (
        "trunk",
        "Trunk Extension",
        "Provides support for trunk ports",
    ),
    (
        "l3-ndp-proxy",
        "Router NDP proxy",
        "Router NDP proxy extension.",
    ),
    (
        "trunk-details",
        "Trunk port details",
        "Expose trunk port details",
    ),
    (
        "allowed-address-pairs",
        "Allowed Address Pairs",
        "Provides allowed address pairs",
    ),
    (
        "binding",
        "Port Binding",
        "Expose port bindings of a virtual port to external application",
    ),
    (
        "default-subnetpools",
        "Default Subnetpools",
        "Provides ability to mark and use a subnetpool as the default.",
    ),
    (
        "empty-string-filtering",
        "Empty String Filtering Extension",
        "Allow filtering by attributes with empty string value",
    ),
    (
        "external-net",
        "Neutron external network",
        "Adds external network attribute to network resource.",
    ),
    (
        "extra_dhcp_opt",
        "Neutron Extra DHCP options",
        "Extra options configuration for DHCP.",
    ),
    (
        "extraroute",
        "Neutron Extra Route",
        "Extra routes configuration for L3 router",
    ),
    (
        "extraroute-atomic",
        "Atomically add/remove extra routes",
        "Edit extra routes of a router on server side by atomically adding/removing extra routes",
    ),
    (
        "ext-gw-mode",
        "Neutron L3 Configurable external gateway mode",
        "Extension of the router abstraction for specifying whether SNAT should occur on the external gateway",
    ),
    (
        "filter-validation",
        "Filter parameters validation",
        "Provides validation on filtering parameters.",
    ),
    (
        "fip-port-details",
        "Floating IP Port Details Extension",
        "Add port_details attribute to Floating IP resource",
    ),
    (
        "floatingip-pools",
        "Floating IP Pools Extension",
        "Provides a floating IP pools API.",
    ),
    (
        "ip-substring-filtering",
        "IP address substring filtering",
        "Provides IP address substring filtering when listing ports",
    ),
    ("ip_allocation", "IP Allocation", "IP allocation extension."),
    (
        "network-ip-availability",
        "Network IP Availability",
        "Provides IP availability data for each network and subnet.",
    ),
    (
        "net-mtu",
        "Network MTU",
        "Provides MTU attribute for a network resource.",
    ),
    (
        "net-mtu-writable",
        "Network MTU (writable)",
        "Provides a writable MTU attribute for a network resource.",
    ),
    (
        "pagination",
        "Pagination support",
        "Extension that indicates that pagination is enabled.",
    ),
    ("port-security", "Port Security", "Provides port security"),
    (
        "project-id",
        "project_id field enabled",
        "Extension that indicates that project_id field is enabled.",
    ),
    (
        "provider",
        "Provider Network",
        "Expose mapping of virtual networks to physical networks",
    ),
    (
        "quotas",
        "Quota management support",
        "Expose functions for quotas management per project",
    ),
    (
        "quota_details",
        "Quota details management support",
        "Expose functions for quotas usage statistics per project",
    ),
    (
        "revision-if-match",
        "If-Match constraints based on revision_number",
        "Extension indicating that If-Match based on revision_number is supported.",
    ),
    (
        "router",
        "Neutron L3 Router",
        "Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external networks via a NAT gateway.",
    ),
    (
        "security-group",
        "security-group",
        "The security groups extension.",
    ),
    (
        "security-groups-default-rules",
        "Security group default rules",
        "Configure set of security group rules used as default rules for every new security group",
    ),
    (
        "security-groups-normalized-cidr",
        "Security Group Rule normalized CIDR",
        "Add normalized CIDR field to security group rule",
    ),
    (
        "security-groups-rules-belongs-to-default-sg",
        "Security group rule belongs to the project's default security group",
        "Flag to determine if the security group rule belongs to the project's default security group",
    ),
    (
        "sorting",
        "Sorting support",
        "Extension that indicates that sorting is enabled.",
    ),
    (
        "standard-attr-description",
        "standard-attr-description",
        "Extension to add descriptions to standard attributes",
    ),
    (
        "standard-attr-revisions",
        "Resource revision numbers",
        "This extension will display the revision number of neutron resources.",
    ),
    (
        "standard-attr-tag",
        "Tag support for resources with standard attribute: subnet, trunk, network_segment_range, router, network, policy, subnetpool, port, security_group, floatingip",
        "Enables to set tag on resources with standard attribute.",
    ),
    (
        "standard-attr-timestamp",
        "Resource timestamps",
        "Adds created_at and updated_at fields to all Neutron resources that have Neutron standard attributes.",
    ),
    (
        "stateful-security-group",
        "Stateful security group",
        "Indicates if the security group is stateful or not",
    ),
    (
        "subnet_allocation",
        "Subnet Allocation",
        "Enables allocation of subnets from a subnet pool",
    ),
    (
        "subnet-dns-publish-fixed-ip",
        "Subnet DNS publish fixed IP",
        "Support for publishing DNS records for IPs from a subnet.",
    ),
    (
        "uplink-status-propagation",
        "Uplink status propagation extension",
        "Provides ability to propagate uplink status of physical ports",
    ),
];

pub(super) fn extension(alias: &str, name: &str, description: &str) -> Value {
    json!({"alias": alias, "name": name, "description": description,
        "updated": "2013-01-20T00:00:00-00:00", "links": []})
}

pub(super) fn ip_availability(st: &NetworkState, n: &Record) -> String {
    let id = str_of(n, "id").unwrap_or_default();
    let mut total: u128 = 0;
    let mut used_all: u128 = 0;
    let mut subs = Vec::new();
    for s in st
        .coll(SUBNETS)
        .filter(|s| str_of(s, "network_id") == Some(id))
    {
        let Some(cidr) = subnet_cidr(s) else { continue };
        let t: u128 = if cidr.version == 6 {
            cidr.size() - 1
        } else {
            parse_pools(&cidr, s.get("allocation_pools").unwrap_or(&Value::Null))
                .unwrap_or_default()
                .iter()
                .map(|(a, b)| b - a + 1)
                .sum()
        };
        let sid = str_of(s, "id").unwrap_or_default();
        let used = st
            .coll(PORTS)
            .flat_map(fixed_ips)
            .filter(|(x, _)| x == sid)
            .count() as u128;
        total = total.saturating_add(t);
        used_all += used;
        subs.push(format!(
            r#"{{"subnet_id":{},"subnet_name":{},"cidr":{},"ip_version":{},"total_ips":{t},"used_ips":{used}}}"#,
            json!(sid),
            json!(s.get("name")),
            json!(s.get("cidr")),
            cidr.version
        ));
    }
    format!(
        r#"{{"network_id":{},"network_name":{},"project_id":{},"tenant_id":{},"total_ips":{total},"used_ips":{used_all},"subnet_ip_availability":[{}]}}"#,
        json!(id),
        json!(n.get("name")),
        json!(n.get("project_id")),
        json!(n.get("project_id")),
        subs.join(",")
    )
}

pub(super) fn raw_json(text: String) -> Reply {
    Reply {
        status: 200,
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: Some(Value::String(text)),
        data: None,
    }
}
