//! Neutron's resources, declared over the generic collection of `mod.rs`: their
//! defaults and validation, the addresses they take from subnets, and the routes that
//! are not plain collections (router interfaces, quotas, extensions, IP availability).

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use super::ipam::{Cidr, fmt_ip, merge_cidrs, parse_ip};
use super::{Kind, Net, NetworkState, find, touch, visible};
use crate::http_util::{Ctx, Reply, Req};
use crate::records::{Collections, Fault, Record, str_of, with_defaults};

const NETWORKS: &str = "networks";
const SUBNETS: &str = "subnets";
const PORTS: &str = "ports";
const ROUTERS: &str = "routers";
const FIPS: &str = "floatingips";
const GROUPS: &str = "security_groups";
const RULES: &str = "security_group_rules";
const TEMPLATES: &str = "default_security_group_rules";
const POOLS: &str = "subnetpools";
const SCOPES: &str = "address_scopes";
const LOCAL_IPS: &str = "local_ips";
const TRUNKS: &str = "trunks";
const NDP_PROXIES: &str = "ndp_proxies";

/// The remote group of a template that stands for the group itself.
const PARENT: &str = "PARENT";

fn nothing(_: &mut Net<'_>, _: &Record) -> Result<(), Fault> {
    Ok(())
}

fn private(_: &NetworkState, _: &Record) -> bool {
    false
}

fn shared(_: &NetworkState, r: &Record) -> bool {
    r.get("shared").and_then(Value::as_bool) == Some(true)
}

fn as_is(_: &NetworkState, _: &Ctx, r: &Record) -> Record {
    r.clone()
}

fn merge(_: &mut Net<'_>, mut r: Record, changes: Record) -> Result<Record, Fault> {
    r.extend(changes);
    Ok(r)
}

/// An update where only admins may change `shared` and `is_default`.
fn merge_shared(net: &mut Net<'_>, r: Record, changes: Record) -> Result<Record, Fault> {
    if !net.ctx.is_admin() && (changes.contains_key("shared") || changes.contains_key("is_default"))
    {
        return Err(forbidden("rule:update_address_scope:shared"));
    }
    merge(net, r, changes)
}

fn no_update(_: &mut Net<'_>, _: Record, _: Record) -> Result<Record, Fault> {
    Err(Fault::bad("This resource cannot be updated."))
}

/// The resources served as collections.
pub(crate) static KINDS: &[Kind] = &[
    Kind {
        path: "ndp_proxies",
        plural: NDP_PROXIES,
        singular: "ndp_proxy",
        noun: "NDPProxy",
        quota: None,
        owned: true,
        admin_only: false,
        readonly: &["router_id", "port_id", "ip_address"],
        create: create_ndp_proxy,
        update: merge,
        delete: nothing,
        public: private,
        view: as_is,
    },
    Kind {
        path: "trunks",
        plural: TRUNKS,
        singular: "trunk",
        noun: "Trunk",
        quota: Some("trunk"),
        owned: true,
        admin_only: false,
        readonly: &["port_id", "sub_ports", "status"],
        create: create_trunk,
        update: merge,
        delete: nothing,
        public: private,
        view: as_is,
    },
    Kind {
        path: "local_ips",
        plural: LOCAL_IPS,
        singular: "local_ip",
        noun: "LocalIP",
        quota: None,
        owned: true,
        admin_only: false,
        readonly: &["network_id", "local_port_id", "local_ip_address", "ip_mode"],
        create: create_local_ip,
        update: merge,
        delete: delete_local_ip,
        public: private,
        view: as_is,
    },
    Kind {
        path: "networks",
        plural: NETWORKS,
        singular: "network",
        noun: "Network",
        quota: Some("network"),
        owned: true,
        admin_only: false,
        readonly: &[
            "provider:network_type",
            "provider:physical_network",
            "status",
            "subnets",
        ],
        create: create_network,
        update: merge_network,
        delete: delete_network,
        public: network_public,
        view: view_network,
    },
    Kind {
        path: "subnets",
        plural: SUBNETS,
        singular: "subnet",
        noun: "Subnet",
        quota: Some("subnet"),
        owned: true,
        admin_only: false,
        readonly: &[
            "network_id",
            "cidr",
            "ip_version",
            "subnetpool_id",
            "prefixlen",
        ],
        create: create_subnet,
        update: update_subnet,
        delete: delete_subnet,
        public: subnet_public,
        view: as_is,
    },
    Kind {
        path: "ports",
        plural: PORTS,
        singular: "port",
        noun: "Port",
        quota: Some("port"),
        owned: true,
        admin_only: false,
        readonly: &["network_id", "status"],
        create: create_port,
        update: update_port,
        delete: delete_port,
        public: private,
        view: view_port,
    },
    Kind {
        path: "routers",
        plural: ROUTERS,
        singular: "router",
        noun: "Router",
        quota: Some("router"),
        owned: true,
        admin_only: false,
        readonly: &["status"],
        create: create_router,
        update: update_router,
        delete: delete_router,
        public: private,
        view: view_router,
    },
    Kind {
        path: "floatingips",
        plural: FIPS,
        singular: "floatingip",
        noun: "FloatingIP",
        quota: Some("floatingip"),
        owned: true,
        admin_only: false,
        readonly: &[
            "floating_network_id",
            "floating_ip_address",
            "subnet_id",
            "status",
        ],
        create: create_fip,
        update: update_fip,
        delete: delete_fip,
        public: private,
        view: as_is,
    },
    Kind {
        path: "security-groups",
        plural: GROUPS,
        singular: "security_group",
        noun: "SecurityGroup",
        quota: Some("security_group"),
        owned: true,
        admin_only: false,
        readonly: &["security_group_rules"],
        create: create_group,
        update: update_group,
        delete: delete_group,
        public: shared,
        view: view_group,
    },
    Kind {
        path: "security-group-rules",
        plural: RULES,
        singular: "security_group_rule",
        noun: "SecurityGroupRule",
        quota: Some("security_group_rule"),
        owned: true,
        admin_only: false,
        readonly: &[],
        create: create_rule,
        update: no_update,
        delete: nothing,
        public: private,
        view: as_is,
    },
    Kind {
        path: "default-security-group-rules",
        plural: TEMPLATES,
        singular: "default_security_group_rule",
        noun: "DefaultSecurityGroupRule",
        quota: None,
        owned: false,
        admin_only: true,
        readonly: &[],
        create: create_template,
        update: no_update,
        delete: nothing,
        public: private,
        view: as_is,
    },
    Kind {
        path: "subnetpools",
        plural: POOLS,
        singular: "subnetpool",
        noun: "SubnetPool",
        quota: None,
        owned: true,
        admin_only: false,
        readonly: &["ip_version"],
        create: create_pool,
        update: merge_shared,
        delete: delete_pool,
        public: shared,
        view: as_is,
    },
    Kind {
        path: "address-scopes",
        plural: SCOPES,
        singular: "address_scope",
        noun: "AddressScope",
        quota: None,
        owned: true,
        admin_only: false,
        readonly: &["ip_version"],
        create: create_scope,
        update: merge_shared,
        delete: delete_scope,
        public: shared,
        view: as_is,
    },
];

fn kind(plural: &str) -> &'static Kind {
    KINDS
        .iter()
        .find(|k| k.plural == plural)
        .unwrap_or(&KINDS[0])
}

fn required<'a>(r: &'a Record, key: &str, what: &str) -> Result<&'a str, Fault> {
    str_of(r, key).filter(|s| !s.is_empty()).ok_or_else(|| {
        Fault::bad(format!(
            "Failed to parse request. Required attribute '{key}' not specified for {what}"
        ))
    })
}

fn forbidden(rule: &str) -> Fault {
    Fault::new(
        403,
        "PolicyNotAuthorized",
        format!("({rule}) is disallowed by policy"),
    )
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn fixed_ips(r: &Record) -> Vec<(String, String)> {
    r.get("fixed_ips")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|f| {
                    Some((
                        f.get("subnet_id")?.as_str()?.to_string(),
                        f.get("ip_address")?.as_str()?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

// ----- networks -----

fn network_public(_: &NetworkState, r: &Record) -> bool {
    r.get("shared").and_then(Value::as_bool) == Some(true)
        || r.get("router:external").and_then(Value::as_bool) == Some(true)
}

fn create_network(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
    let admin_keys = [
        "provider:network_type",
        "provider:physical_network",
        "provider:segmentation_id",
        "router:external",
        "shared",
        "is_default",
    ];
    if !net.ctx.is_admin()
        && admin_keys.iter().any(|k| {
            r.get(*k)
                .is_some_and(|v| !v.is_null() && *v != json!(false))
        })
    {
        return Err(forbidden("rule:create_network:provider:network_type"));
    }
    let mut r = with_defaults(
        r,
        json!({"name": "", "admin_state_up": true, "shared": false, "router:external": false,
            "status": "ACTIVE", "port_security_enabled": true, "availability_zone_hints": [],
            "availability_zones": [], "ipv4_address_scope": null, "ipv6_address_scope": null,
            "is_default": false, "l2_adjacency": true, "qos_policy_id": null,
            "dns_domain": "", "provider:network_type": "vxlan",
            "provider:physical_network": null}),
    );
    let ty = str_of(&r, "provider:network_type")
        .unwrap_or("vxlan")
        .to_string();
    match ty.as_str() {
        "vxlan" => {
            if r.get("provider:segmentation_id").is_none_or(Value::is_null) {
                net.st.next_vni += 1;
                r.insert("provider:segmentation_id".into(), json!(net.st.next_vni));
            }
        }
        "flat" | "vlan" => {
            if str_of(&r, "provider:physical_network") != Some("public") {
                return Err(Fault::bad(format!(
                    "Invalid input for operation: physical_network '{}' unknown for {ty} provider network.",
                    str_of(&r, "provider:physical_network").unwrap_or("")
                )));
            }
            if ty == "flat" {
                r.insert("provider:segmentation_id".into(), Value::Null);
            }
        }
        other => {
            return Err(Fault::bad(format!(
                "Invalid input for operation: network_type value '{other}' not supported."
            )));
        }
    }
    let max = if ty == "vxlan" { 1450 } else { 1500 };
    match r.get("mtu").and_then(Value::as_u64) {
        None => {
            r.insert("mtu".into(), json!(max));
        }
        Some(m) if m > max => {
            return Err(Fault::bad(format!(
                "Invalid input for operation: Requested MTU is too big, maximum is {max}."
            )));
        }
        Some(_) => {}
    }
    Ok(r)
}

fn merge_network(net: &mut Net<'_>, r: Record, changes: Record) -> Result<Record, Fault> {
    if !net.ctx.is_admin()
        && ["router:external", "shared", "provider:segmentation_id"]
            .iter()
            .any(|k| changes.contains_key(*k))
    {
        return Err(forbidden("rule:update_network:router:external"));
    }
    merge(net, r, changes)
}

fn delete_network(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    let id = str_of(r, "id").unwrap_or_default();
    let busy = net.st.coll(PORTS).any(|p| {
        str_of(p, "network_id") == Some(id) && str_of(p, "device_owner") != Some("network:dhcp")
    });
    if busy {
        return Err(Fault::conflict(
            "NetworkInUse",
            format!(
                "Unable to complete operation on network {id}. There are one or more ports still in use on the network."
            ),
        ));
    }
    if let Some(c) = net.st.colls.get_mut(SUBNETS) {
        c.0.retain(|s| str_of(s, "network_id") != Some(id));
    }
    if let Some(c) = net.st.colls.get_mut(PORTS) {
        c.0.retain(|s| str_of(s, "network_id") != Some(id));
    }
    Ok(())
}

fn view_network(st: &NetworkState, ctx: &Ctx, r: &Record) -> Record {
    let mut v = r.clone();
    let id = str_of(r, "id").unwrap_or_default();
    let subnets: Vec<&str> = st
        .coll(SUBNETS)
        .filter(|s| str_of(s, "network_id") == Some(id))
        .filter_map(|s| str_of(s, "id"))
        .collect();
    v.insert("subnets".into(), json!(subnets));
    if !ctx.is_admin() {
        v.retain(|k, _| !k.starts_with("provider:"));
    }
    v
}

// ----- subnets -----

fn subnet_public(st: &NetworkState, r: &Record) -> bool {
    str_of(r, "network_id")
        .and_then(|n| st.get(NETWORKS, n))
        .is_some_and(|n| network_public(st, n))
}

fn subnet_cidr(r: &Record) -> Option<Cidr> {
    str_of(r, "cidr").and_then(Cidr::parse)
}

fn parse_in(cidr: &Cidr, s: &str, what: &str) -> Result<u128, Fault> {
    match parse_ip(s) {
        Some((v, x)) if cidr.contains(v, x) => Ok(x),
        _ => Err(Fault::bad(format!(
            "Invalid input for operation: {what} {s} is not within subnet {}.",
            cidr.to_text()
        ))),
    }
}

fn pools_json(version: u8, pools: &[(u128, u128)]) -> Value {
    json!(
        pools
            .iter()
            .map(|(a, b)| json!({"start": fmt_ip(version, *a), "end": fmt_ip(version, *b)}))
            .collect::<Vec<_>>()
    )
}

fn parse_pools(cidr: &Cidr, v: &Value) -> Result<Vec<(u128, u128)>, Fault> {
    let mut out = Vec::new();
    for p in v.as_array().into_iter().flatten() {
        let (Some(s), Some(e)) = (
            p.get("start").and_then(Value::as_str),
            p.get("end").and_then(Value::as_str),
        ) else {
            return Err(Fault::bad("Invalid input for allocation_pools."));
        };
        let (a, b) = (
            parse_in(cidr, s, "Pool start")?,
            parse_in(cidr, e, "Pool end")?,
        );
        if a > b {
            return Err(Fault::bad(format!(
                "Invalid input for operation: The allocation pool {s}-{e} spans beyond the subnet cidr {}.",
                cidr.to_text()
            )));
        }
        out.push((a, b));
    }
    Ok(out)
}

/// Gateway and pools of a subnet, checked against each other.
fn gateway_and_pools(r: &mut Record, cidr: &Cidr, default_pools: bool) -> Result<(), Fault> {
    let gateway = match r.get("gateway_ip") {
        None => {
            let g = cidr.default_gateway();
            r.insert(
                "gateway_ip".into(),
                g.map_or(Value::Null, |g| json!(fmt_ip(cidr.version, g))),
            );
            g
        }
        Some(Value::Null) => None,
        Some(Value::String(s)) => {
            let s = s.clone();
            Some(parse_in(cidr, &s, "Gateway")?)
        }
        Some(_) => return Err(Fault::bad("Invalid input for gateway_ip.")),
    };
    let pools = match r.get("allocation_pools") {
        Some(v) if !v.is_null() && !default_pools => parse_pools(cidr, v)?,
        _ => cidr.default_pools(gateway),
    };
    if let Some(g) = gateway
        && pools.iter().any(|(a, b)| g >= *a && g <= *b)
    {
        return Err(Fault::conflict(
            "GatewayConflictWithAllocationPools",
            format!(
                "Gateway ip {} conflicts with allocation pool {}-{}",
                fmt_ip(cidr.version, g),
                pools
                    .first()
                    .map_or(String::new(), |p| fmt_ip(cidr.version, p.0)),
                pools
                    .first()
                    .map_or(String::new(), |p| fmt_ip(cidr.version, p.1))
            ),
        ));
    }
    r.insert("allocation_pools".into(), pools_json(cidr.version, &pools));
    Ok(())
}

fn create_subnet(net: &mut Net<'_>, mut r: Record) -> Result<Record, Fault> {
    let network_id = required(&r, "network_id", "subnet")?.to_string();
    let Some(network) = net.st.get(NETWORKS, &network_id).cloned() else {
        return Err(nf("Network", &network_id));
    };
    if !net.ctx.is_admin() && str_of(&network, "project_id") != net.ctx.project_id() {
        return Err(nf("Network", &network_id));
    }
    let version = r.get("ip_version").and_then(Value::as_u64).unwrap_or(0);
    if version != 4 && version != 6 {
        return Err(Fault::bad(format!(
            "Invalid input for ip_version. Reason: '{}' is not in [4, 6].",
            r.get("ip_version").cloned().unwrap_or(Value::Null)
        )));
    }
    let version = version as u8;
    if let Some(pool_id) = str_of(&r, "subnetpool_id").map(str::to_string) {
        let Some(pool) = net.st.get(POOLS, &pool_id).cloned() else {
            return Err(nf("SubnetPool", &pool_id));
        };
        let prefix = r
            .get("prefixlen")
            .and_then(|v| {
                v.as_u64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            })
            .or_else(|| str_of(&pool, "default_prefixlen").and_then(|s| s.parse().ok()))
            .unwrap_or(24);
        let taken: Vec<Cidr> = net.st.coll(SUBNETS).filter_map(subnet_cidr).collect();
        let block = strings(pool.get("prefixes"))
            .iter()
            .filter_map(|p| Cidr::parse(p))
            .find_map(|p| p.free_block(u8::try_from(prefix).unwrap_or(0), &taken));
        let Some(block) = block else {
            return Err(Fault::conflict(
                "SubnetAllocationError",
                "Failed to allocate subnet: Insufficient prefix space to allocate subnet size",
            ));
        };
        r.insert("cidr".into(), json!(block.to_text()));
        if let Some(scope) = pool.get("address_scope_id").filter(|v| !v.is_null()) {
            let key = if version == 4 {
                "ipv4_address_scope"
            } else {
                "ipv6_address_scope"
            };
            if let Some(n) = net.st.get_mut(NETWORKS, &network_id) {
                n.insert(key.into(), scope.clone());
            }
        }
    }
    let cidr_text = required(&r, "cidr", "subnet")?.to_string();
    let Some(cidr) = Cidr::parse(&cidr_text) else {
        return Err(Fault::bad(format!(
            "Invalid input for cidr. Reason: '{cidr_text}' is not a valid IP subnet."
        )));
    };
    if cidr.version != version {
        return Err(Fault::bad(
            "Invalid input for operation: Cidr and IP version do not match.",
        ));
    }
    if net
        .st
        .coll(SUBNETS)
        .filter(|s| str_of(s, "network_id") == Some(&network_id))
        .filter_map(subnet_cidr)
        .any(|c| c.overlaps(&cidr))
    {
        return Err(Fault::bad(format!(
            "Invalid input for operation: Requested subnet with cidr: {} for network: {network_id} overlaps with another subnet.",
            cidr.to_text()
        )));
    }
    r.insert("cidr".into(), json!(cidr.to_text()));
    gateway_and_pools(&mut r, &cidr, false)?;
    Ok(with_defaults(
        r,
        json!({"name": "", "enable_dhcp": true, "dns_nameservers": [], "host_routes": [],
            "ipv6_ra_mode": null, "ipv6_address_mode": null, "subnetpool_id": null,
            "service_types": [], "segment_id": null, "dns_publish_fixed_ip": false}),
    ))
}

fn update_subnet(_: &mut Net<'_>, mut r: Record, changes: Record) -> Result<Record, Fault> {
    let Some(cidr) = subnet_cidr(&r) else {
        return Err(Fault::bad("Invalid subnet"));
    };
    let repool = changes.contains_key("allocation_pools");
    r.extend(changes);
    if !repool {
        // Keep the pools the subnet has.
        let pools = r.get("allocation_pools").cloned();
        gateway_and_pools(&mut r, &cidr, false)?;
        if let Some(p) = pools {
            r.insert("allocation_pools".into(), p);
        }
    } else {
        gateway_and_pools(&mut r, &cidr, false)?;
    }
    Ok(r)
}

fn delete_subnet(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    let id = str_of(r, "id").unwrap_or_default();
    if net.st.coll(PORTS).any(|p| {
        str_of(p, "device_owner") != Some("network:dhcp")
            && fixed_ips(p).iter().any(|(s, _)| s == id)
    }) {
        return Err(Fault::conflict(
            "SubnetInUse",
            format!(
                "Unable to complete operation on subnet {id}: One or more ports have an IP allocation from this subnet."
            ),
        ));
    }
    Ok(())
}

fn nf(noun: &str, id: &str) -> Fault {
    let words: String = noun
        .chars()
        .enumerate()
        .flat_map(|(i, c)| {
            if c.is_uppercase() && i > 0 {
                vec![' ', c.to_ascii_lowercase()]
            } else {
                vec![c]
            }
        })
        .collect();
    Fault::new(
        404,
        &format!("{noun}NotFound"),
        format!("{words} {id} could not be found."),
    )
}

// ----- addresses -----

/// The addresses in use on a subnet (ports' and the gateway's), less a port's own.
fn used_ips(st: &NetworkState, subnet: &Record, except_port: Option<&str>) -> BTreeSet<u128> {
    let id = str_of(subnet, "id").unwrap_or_default();
    let mut used: BTreeSet<u128> = st
        .coll(PORTS)
        .filter(|p| str_of(p, "id") != except_port || except_port.is_none())
        .flat_map(fixed_ips)
        .filter(|(s, _)| s == id)
        .filter_map(|(_, ip)| parse_ip(&ip).map(|x| x.1))
        .collect();
    if let Some(g) = str_of(subnet, "gateway_ip").and_then(parse_ip) {
        used.insert(g.1);
    }
    used
}

fn next_free(subnet: &Record, used: &BTreeSet<u128>) -> Option<u128> {
    let cidr = subnet_cidr(subnet)?;
    let pools = parse_pools(&cidr, subnet.get("allocation_pools")?).ok()?;
    for (a, b) in pools {
        let mut x = a;
        while x <= b {
            if !used.contains(&x) {
                return Some(x);
            }
            x = x.checked_add(1)?;
        }
    }
    None
}

/// The fixed IPs of a port on a network: as requested (a subnet, an address, or both),
/// or one address of each IP version's first subnet.
fn assign_ips(
    st: &NetworkState,
    network_id: &str,
    requested: Option<&Value>,
    port_id: Option<&str>,
    gateway_ok: bool,
) -> Result<Vec<Value>, Fault> {
    let subnets: Vec<&Record> = st
        .coll(SUBNETS)
        .filter(|s| str_of(s, "network_id") == Some(network_id))
        .collect();
    let wanted: Vec<(Option<String>, Option<String>)> = match requested.and_then(Value::as_array) {
        Some(list) => list
            .iter()
            .map(|f| {
                (
                    f.get("subnet_id")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                    f.get("ip_address")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                )
            })
            .collect(),
        None => {
            let mut seen = Vec::new();
            let mut out = Vec::new();
            for s in &subnets {
                let v = s.get("ip_version").and_then(Value::as_u64);
                if !seen.contains(&v) {
                    seen.push(v);
                    out.push((str_of(s, "id").map(str::to_string), None));
                }
            }
            out
        }
    };
    let mut out: Vec<Value> = Vec::new();
    let mut taken: Vec<(String, u128)> = Vec::new();
    for (subnet_id, ip) in wanted {
        let subnet = match (&subnet_id, &ip) {
            (Some(sid), _) => subnets
                .iter()
                .find(|s| str_of(s, "id") == Some(sid))
                .copied(),
            (None, Some(ip)) => {
                subnets
                    .iter()
                    .copied()
                    .find(|s| match (subnet_cidr(s), parse_ip(ip)) {
                        (Some(c), Some((v, x))) => c.contains(v, x),
                        _ => false,
                    })
            }
            (None, None) => None,
        };
        let Some(subnet) = subnet else {
            return Err(Fault::bad(format!(
                "Invalid input for operation: Failed to create port on network {network_id}, because fixed_ips included invalid subnet {}.",
                subnet_id.or(ip).unwrap_or_default()
            )));
        };
        let sid = str_of(subnet, "id").unwrap_or_default().to_string();
        let version = subnet
            .get("ip_version")
            .and_then(Value::as_u64)
            .unwrap_or(4) as u8;
        let mut used = used_ips(st, subnet, port_id);
        used.extend(taken.iter().filter(|(s, _)| *s == sid).map(|(_, x)| *x));
        let x = match ip {
            Some(ip) => {
                let Some(cidr) = subnet_cidr(subnet) else {
                    return Err(Fault::bad("Invalid subnet"));
                };
                let x = parse_in(&cidr, &ip, "IP address")?;
                let gateway = str_of(subnet, "gateway_ip").and_then(parse_ip).map(|g| g.1);
                if used.contains(&x) && !(gateway_ok && gateway == Some(x)) {
                    return Err(Fault::conflict(
                        "IpAddressAlreadyAllocated",
                        format!("IP address {ip} already allocated in subnet {sid}"),
                    ));
                }
                x
            }
            None => next_free(subnet, &used).ok_or_else(|| {
                Fault::conflict(
                    "IpAddressGenerationFailure",
                    format!("No more IP addresses available on network {network_id}."),
                )
            })?,
        };
        taken.push((sid.clone(), x));
        out.push(json!({"subnet_id": sid, "ip_address": fmt_ip(version, x)}));
    }
    Ok(out)
}

fn mac() -> String {
    let hex = crate::ids::hex_id();
    let b = hex.as_bytes();
    let part = |i: usize| {
        std::str::from_utf8(b.get(i..i + 2).unwrap_or(b"00"))
            .unwrap_or("00")
            .to_string()
    };
    format!("fa:16:3e:{}:{}:{}", part(0), part(2), part(4))
}

// ----- ports -----

fn default_group(st: &NetworkState, project: &str) -> Option<String> {
    st.coll(GROUPS)
        .find(|g| str_of(g, "name") == Some("default") && str_of(g, "project_id") == Some(project))
        .and_then(|g| str_of(g, "id").map(str::to_string))
}

/// Security groups, address pairs and DHCP options of a port, checked together.
fn port_security(net: &mut Net<'_>, r: &mut Record, creating: bool) -> Result<(), Fault> {
    let enabled = r.get("port_security_enabled").and_then(Value::as_bool) != Some(false);
    let project = str_of(r, "project_id").unwrap_or_default().to_string();
    let owner = str_of(r, "device_owner").unwrap_or_default().to_string();
    let groups = strings(r.get("security_groups"));
    if !enabled {
        if !groups.is_empty() {
            return Err(Fault::bad(
                "Port security must be enabled and port must have an IP address in order to use security groups.",
            ));
        }
        if r.get("allowed_address_pairs")
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty())
        {
            return Err(Fault::conflict(
                "AddressPairAndPortSecurityRequired",
                "Port Security must be enabled in order to have allowed address pairs on a port.",
            ));
        }
        r.insert("security_groups".into(), json!([]));
    } else if creating && r.get("security_groups").is_none() {
        let groups = if owner.starts_with("network:") {
            Vec::new()
        } else {
            ensure_default_group(net, &project);
            default_group(net.st, &project).into_iter().collect()
        };
        r.insert("security_groups".into(), json!(groups));
    }
    for g in strings(r.get("security_groups")) {
        if net.st.get(GROUPS, &g).is_none() {
            return Err(nf("SecurityGroup", &g));
        }
    }
    let port_mac = str_of(r, "mac_address").unwrap_or_default().to_string();
    if let Some(Value::Array(pairs)) = r.get_mut("allowed_address_pairs") {
        for p in pairs.iter_mut() {
            if let Value::Object(o) = p
                && o.get("mac_address").is_none_or(Value::is_null)
            {
                o.insert("mac_address".into(), json!(port_mac));
            }
        }
    }
    if let Some(Value::Array(opts)) = r.get_mut("extra_dhcp_opts") {
        for o in opts.iter_mut().filter_map(Value::as_object_mut) {
            o.entry("ip_version").or_insert(json!(4));
        }
    }
    Ok(())
}

fn bind(r: &mut Record) {
    let host = str_of(r, "binding:host_id").unwrap_or_default().to_string();
    let bound = !host.is_empty();
    r.insert(
        "binding:vif_type".into(),
        json!(if bound { "ovs" } else { "unbound" }),
    );
    r.insert(
        "binding:vif_details".into(),
        if bound {
            json!({"port_filter": true, "connectivity": "l2"})
        } else {
            json!({})
        },
    );
    let owner = str_of(r, "device_owner").unwrap_or_default();
    let active = bound || owner == "network:router_interface" || owner == "network:dhcp";
    r.insert(
        "status".into(),
        json!(if active { "ACTIVE" } else { "DOWN" }),
    );
}

fn create_port(net: &mut Net<'_>, mut r: Record) -> Result<Record, Fault> {
    let network_id = required(&r, "network_id", "port")?.to_string();
    let Some(network) = net.st.get(NETWORKS, &network_id).cloned() else {
        return Err(nf("Network", &network_id));
    };
    if !visible(net.st, net.ctx, kind(NETWORKS), &network) {
        return Err(nf("Network", &network_id));
    }
    let ips = assign_ips(
        net.st,
        &network_id,
        r.get("fixed_ips"),
        None,
        net.ctx.is_admin(),
    )?;
    r.insert("fixed_ips".into(), json!(ips));
    if r.get("mac_address").is_none_or(Value::is_null) {
        r.insert("mac_address".into(), json!(mac()));
    }
    let psec = network
        .get("port_security_enabled")
        .cloned()
        .unwrap_or(json!(true));
    r.entry("port_security_enabled").or_insert(psec);
    let mut r = with_defaults(
        r,
        json!({"name": "", "admin_state_up": true, "device_id": "", "device_owner": "",
            "allowed_address_pairs": [], "extra_dhcp_opts": [], "binding:host_id": "",
            "binding:vnic_type": "normal", "binding:profile": {}, "propagate_uplink_status": false,
            "ip_allocation": "immediate", "data_plane_status": null, "dns_name": "",
            "dns_assignment": [], "dns_domain": "", "numa_affinity_policy": null,
            "device_profile": null, "hints": null, "trusted": null, "qos_policy_id": null,
            "qos_network_policy_id": null, "resource_request": null,
            "port_numa_affinity_policy": null}),
    );
    port_security(net, &mut r, true)?;
    bind(&mut r);
    Ok(r)
}

fn update_port(net: &mut Net<'_>, mut r: Record, changes: Record) -> Result<Record, Fault> {
    if let Some(req) = changes.get("fixed_ips") {
        let network_id = str_of(&r, "network_id").unwrap_or_default().to_string();
        let id = str_of(&r, "id").map(str::to_string);
        let ips = assign_ips(
            net.st,
            &network_id,
            Some(req),
            id.as_deref(),
            net.ctx.is_admin(),
        )?;
        r.insert("fixed_ips".into(), json!(ips));
    }
    for (k, v) in changes {
        if k != "fixed_ips" {
            r.insert(k, v);
        }
    }
    port_security(net, &mut r, false)?;
    bind(&mut r);
    Ok(r)
}

fn delete_port(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    let id = str_of(r, "id").unwrap_or_default().to_string();
    let owner = str_of(r, "device_owner").unwrap_or_default();
    if matches!(
        owner,
        "network:router_interface" | "network:router_gateway" | "network:floatingip"
    ) && !net.ctx.is_service()
    {
        return Err(Fault::conflict(
            "L3PortInUse",
            format!(
                "Port {id} cannot be deleted directly via the port API: has device owner {owner}."
            ),
        ));
    }
    if net
        .st
        .coll(TRUNKS)
        .any(|t| str_of(t, "port_id") == Some(id.as_str()))
    {
        return Err(Fault::conflict(
            "PortInUseAsTrunkParent",
            format!("Port {id} is currently a parent port for a trunk."),
        ));
    }
    let now = net.now.clone();
    if let Some(c) = net.st.colls.get_mut(FIPS) {
        for f in c.0.iter_mut().filter(|f| str_of(f, "port_id") == Some(&id)) {
            for k in ["port_id", "fixed_ip_address", "router_id", "port_details"] {
                f.insert(k.into(), Value::Null);
            }
            touch(f, &now);
        }
    }
    Ok(())
}

fn view_port(st: &NetworkState, ctx: &Ctx, r: &Record) -> Record {
    let mut v = r.clone();
    let id = str_of(r, "id").unwrap_or_default();
    if let Some(t) = st.coll(TRUNKS).find(|t| str_of(t, "port_id") == Some(id)) {
        let subs: Vec<Value> = t
            .get("sub_ports")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|sp| {
                let mac = sp["port_id"]
                    .as_str()
                    .and_then(|p| st.get(PORTS, p))
                    .and_then(|p| p.get("mac_address").cloned());
                json!({"port_id": sp["port_id"], "segmentation_type": sp["segmentation_type"],
                    "segmentation_id": sp["segmentation_id"], "mac_address": mac})
            })
            .collect();
        v.insert(
            "trunk_details".into(),
            json!({"trunk_id": t.get("id"), "sub_ports": subs}),
        );
    }
    if !ctx.is_admin() {
        for k in [
            "binding:host_id",
            "binding:profile",
            "binding:vif_type",
            "binding:vif_details",
        ] {
            v.remove(k);
        }
    }
    v
}

/// Makes a port for a router or a floating IP (owned by the service: no project).
fn service_port(
    net: &mut Net<'_>,
    network_id: &str,
    fixed: Option<&Value>,
    owner: &str,
    device: &str,
    project: &str,
) -> Result<Record, Fault> {
    let ips = assign_ips(net.st, network_id, fixed, None, true)?;
    let mut p = net.standard(project);
    p.extend(
        json!({"network_id": network_id, "fixed_ips": ips, "device_owner": owner,
            "device_id": device, "port_security_enabled": false})
        .as_object()
        .cloned()
        .unwrap_or_default(),
    );
    let mut p = with_defaults(
        p,
        json!({"name": "", "admin_state_up": true, "mac_address": mac(), "security_groups": [],
            "allowed_address_pairs": [], "extra_dhcp_opts": [], "binding:host_id": "",
            "binding:vnic_type": "normal", "binding:profile": {}, "propagate_uplink_status": false,
            "ip_allocation": "immediate", "data_plane_status": null, "dns_name": "",
            "dns_assignment": [], "dns_domain": ""}),
    );
    p.insert("revision_number".into(), json!(1));
    bind(&mut p);
    net.st.insert(PORTS, p.clone());
    Ok(p)
}

// ----- routers -----

fn router_ports<'a>(
    st: &'a NetworkState,
    router: &'a str,
    owner: &'a str,
) -> impl Iterator<Item = &'a Record> {
    st.coll(PORTS).filter(move |p| {
        str_of(p, "device_id") == Some(router) && str_of(p, "device_owner") == Some(owner)
    })
}

fn set_gateway(net: &mut Net<'_>, r: &mut Record, info: &Value) -> Result<(), Fault> {
    let router_id = str_of(r, "id").unwrap_or_default().to_string();
    let Some(network_id) = info.get("network_id").and_then(Value::as_str) else {
        return Err(Fault::bad(
            "Invalid input for external_gateway_info: network_id is required.",
        ));
    };
    let external = net
        .st
        .get(NETWORKS, network_id)
        .is_some_and(|n| n.get("router:external").and_then(Value::as_bool) == Some(true));
    if !external {
        return Err(Fault::bad(format!(
            "Bad router request: Network {network_id} is not an external network."
        )));
    }
    let fixed = info
        .get("external_fixed_ips")
        .filter(|v| v.as_array().is_some_and(|a| !a.is_empty()));
    let port = service_port(
        net,
        network_id,
        fixed,
        "network:router_gateway",
        &router_id,
        "",
    )?;
    r.insert(
        "external_gateway_info".into(),
        json!({"network_id": network_id,
            "enable_snat": info.get("enable_snat").and_then(Value::as_bool).unwrap_or(true),
            "external_fixed_ips": port.get("fixed_ips").cloned().unwrap_or(json!([]))}),
    );
    Ok(())
}

fn clear_gateway(net: &mut Net<'_>, r: &mut Record) -> Result<(), Fault> {
    let id = str_of(r, "id").unwrap_or_default().to_string();
    if net
        .st
        .coll(FIPS)
        .any(|f| str_of(f, "router_id") == Some(&id))
    {
        return Err(Fault::conflict(
            "RouterExternalGatewayInUseByFloatingIp",
            format!(
                "Gateway cannot be updated for router {id}, since a gateway to external network is required by one or more floating IPs."
            ),
        ));
    }
    if let Some(c) = net.st.colls.get_mut(PORTS) {
        c.0.retain(|p| {
            !(str_of(p, "device_id") == Some(&id)
                && str_of(p, "device_owner") == Some("network:router_gateway"))
        });
    }
    r.insert("external_gateway_info".into(), Value::Null);
    Ok(())
}

fn create_router(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
    let info = r
        .get("external_gateway_info")
        .cloned()
        .unwrap_or(Value::Null);
    let mut r = with_defaults(
        r,
        json!({"name": "", "admin_state_up": true, "status": "ACTIVE", "routes": [],
            "ha": false, "distributed": false, "enable_ndp_proxy": false,
            "availability_zone_hints": [], "availability_zones": [], "flavor_id": null}),
    );
    r.insert("external_gateway_info".into(), Value::Null);
    if info.as_object().is_some_and(|o| !o.is_empty()) {
        set_gateway(net, &mut r, &info)?;
    }
    Ok(r)
}

fn update_router(net: &mut Net<'_>, mut r: Record, mut changes: Record) -> Result<Record, Fault> {
    if let Some(info) = changes.remove("external_gateway_info") {
        let same = info.get("network_id").and_then(Value::as_str)
            == r.get("external_gateway_info")
                .and_then(|g| g.get("network_id"))
                .and_then(Value::as_str);
        if info.as_object().is_none_or(|o| o.is_empty()) {
            clear_gateway(net, &mut r)?;
        } else if same {
            if let (Some(snat), Some(Value::Object(g))) = (
                info.get("enable_snat").cloned(),
                r.get_mut("external_gateway_info"),
            ) {
                g.insert("enable_snat".into(), snat);
            }
        } else {
            clear_gateway(net, &mut r)?;
            set_gateway(net, &mut r, &info)?;
        }
    }
    if let Some(routes) = changes.get("routes") {
        check_routes(routes)?;
    }
    r.extend(changes);
    Ok(r)
}

fn check_routes(routes: &Value) -> Result<(), Fault> {
    for route in routes.as_array().into_iter().flatten() {
        let ok = route
            .get("destination")
            .and_then(Value::as_str)
            .and_then(Cidr::parse)
            .is_some()
            && route
                .get("nexthop")
                .and_then(Value::as_str)
                .and_then(parse_ip)
                .is_some();
        if !ok {
            return Err(Fault::bad(format!(
                "Invalid input for routes. Reason: Invalid route {route}."
            )));
        }
    }
    Ok(())
}

fn delete_router(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    let id = str_of(r, "id").unwrap_or_default();
    if router_ports(net.st, id, "network:router_interface")
        .next()
        .is_some()
    {
        return Err(Fault::conflict(
            "RouterInUse",
            format!("Router {id} still has ports"),
        ));
    }
    if let Some(c) = net.st.colls.get_mut("conntrack_helpers") {
        c.0.retain(|h| str_of(h, "router_id") != Some(id));
    }
    let mut r = r.clone();
    clear_gateway(net, &mut r)
}

fn view_router(st: &NetworkState, _: &Ctx, r: &Record) -> Record {
    let mut v = r.clone();
    let id = str_of(r, "id").unwrap_or_default();
    let helpers: Vec<Value> = st
        .coll("conntrack_helpers")
        .filter(|h| str_of(h, "router_id") == Some(id))
        .map(|h| json!({"protocol": h.get("protocol"), "port": h.get("port"), "helper": h.get("helper")}))
        .collect();
    v.insert("conntrack_helpers".into(), json!(helpers));
    v
}

/// Whether an update checks `If-Match` only after bumping the revision (Neutron does
/// this for a router with a gateway).
pub(crate) fn bumps_before_if_match(k: &Kind, r: &Record) -> bool {
    k.plural == ROUTERS && r.get("external_gateway_info").is_some_and(|g| !g.is_null())
}

fn interface_answer(router: &Record, port: &Record) -> Value {
    let ips = fixed_ips(port);
    json!({"id": router.get("id"), "tenant_id": router.get("project_id"),
        "project_id": router.get("project_id"), "port_id": port.get("id"),
        "network_id": port.get("network_id"),
        "subnet_id": ips.first().map(|i| i.0.clone()),
        "subnet_ids": ips.iter().map(|i| i.0.clone()).collect::<Vec<_>>()})
}

/// `add_router_interface` on a subnet (the port takes its gateway) or a port.
pub(crate) fn add_interface(
    net: &mut Net<'_>,
    router: &Record,
    body: &Value,
) -> Result<Value, Fault> {
    let rid = str_of(router, "id").unwrap_or_default().to_string();
    let project = str_of(router, "project_id").unwrap_or_default().to_string();
    let port = if let Some(sid) = body.get("subnet_id").and_then(Value::as_str) {
        let Some(subnet) = net.st.get(SUBNETS, sid).cloned() else {
            return Err(nf("Subnet", sid));
        };
        let Some(gw) = str_of(&subnet, "gateway_ip").map(str::to_string) else {
            return Err(Fault::bad(format!(
                "Bad router request: Subnet {sid} does not have a gateway IP."
            )));
        };
        if router_ports(net.st, &rid, "network:router_interface")
            .any(|p| fixed_ips(p).iter().any(|(s, _)| s == sid))
        {
            return Err(Fault::bad(format!(
                "Bad router request: Router already has a port on subnet {sid}."
            )));
        }
        let network_id = str_of(&subnet, "network_id")
            .unwrap_or_default()
            .to_string();
        service_port(
            net,
            &network_id,
            Some(&json!([{"subnet_id": sid, "ip_address": gw}])),
            "network:router_interface",
            &rid,
            &project,
        )?
    } else if let Some(pid) = body.get("port_id").and_then(Value::as_str) {
        let Some(p) = net.st.get_mut(PORTS, pid) else {
            return Err(nf("Port", pid));
        };
        if str_of(p, "device_id").is_some_and(|d| !d.is_empty()) {
            return Err(Fault::conflict(
                "PortInUse",
                format!(
                    "Unable to complete operation on port {pid}, The port is used by another device."
                ),
            ));
        }
        p.insert("device_id".into(), json!(rid));
        p.insert("device_owner".into(), json!("network:router_interface"));
        p.insert("security_groups".into(), json!([]));
        bind(p);
        p.clone()
    } else {
        return Err(Fault::bad(
            "Bad router request: Either subnet_id or port_id must be specified.",
        ));
    };
    Ok(interface_answer(router, &port))
}

fn remove_interface(net: &mut Net<'_>, router: &Record, body: &Value) -> Result<Value, Fault> {
    let rid = str_of(router, "id").unwrap_or_default().to_string();
    let port = if let Some(pid) = body.get("port_id").and_then(Value::as_str) {
        router_ports(net.st, &rid, "network:router_interface")
            .find(|p| str_of(p, "id") == Some(pid))
            .cloned()
            .ok_or_else(|| {
                Fault::new(
                    404,
                    "RouterInterfaceNotFound",
                    format!("Router {rid} does not have an interface with id {pid}"),
                )
            })?
    } else if let Some(sid) = body.get("subnet_id").and_then(Value::as_str) {
        router_ports(net.st, &rid, "network:router_interface")
            .find(|p| fixed_ips(p).iter().any(|(s, _)| s == sid))
            .cloned()
            .ok_or_else(|| {
                Fault::new(
                    404,
                    "RouterInterfaceNotFoundForSubnet",
                    format!("Router {rid} has no interface on subnet {sid}"),
                )
            })?
    } else {
        return Err(Fault::bad(
            "Bad router request: Either subnet_id or port_id must be specified.",
        ));
    };
    let pid = str_of(&port, "id").unwrap_or_default();
    let subnets: Vec<String> = fixed_ips(&port).into_iter().map(|(s, _)| s).collect();
    let proxied = net.st.coll(NDP_PROXIES).any(|x| {
        str_of(x, "router_id") == Some(&rid)
            && str_of(x, "port_id")
                .and_then(|p| net.st.get(PORTS, p))
                .is_some_and(|p| fixed_ips(p).iter().any(|(s, _)| subnets.contains(s)))
    });
    if proxied {
        return Err(Fault::conflict(
            "RouterInterfaceInUseByNDPProxy",
            format!("Unable to remove the interface of router {rid}: NDP proxies use its subnet."),
        ));
    }
    if net.st.coll(FIPS).any(|f| {
        str_of(f, "router_id") == Some(&rid)
            && f.get("fixed_ip_address").is_some_and(|ip| !ip.is_null())
            && fixed_ips(&port).iter().any(|(s, _)| {
                f.get("port_id")
                    .and_then(Value::as_str)
                    .and_then(|p| net.st.get(PORTS, p))
                    .is_some_and(|fp| fixed_ips(fp).iter().any(|(fs, _)| fs == s))
            })
    }) {
        return Err(Fault::conflict(
            "RouterInterfaceInUseByFloatingIP",
            format!(
                "Router interface for subnet on router {rid} cannot be deleted, as it is required by one or more floating IPs."
            ),
        ));
    }
    net.st.remove(PORTS, pid);
    Ok(interface_answer(router, &port))
}

fn router_action(net: &mut Net<'_>, req: &Req, id: &str, action: &str) -> Result<Reply, Fault> {
    let k = kind(ROUTERS);
    let router = find(net, k, id)?;
    if !net.ctx.is_admin() && str_of(&router, "project_id") != net.ctx.project_id() {
        return Err(nf("Router", id));
    }
    let body = req.json().unwrap_or(Value::Null);
    let answer = match action {
        "add_router_interface" => add_interface(net, &router, &body)?,
        "remove_router_interface" => remove_interface(net, &router, &body)?,
        "add_extraroutes" | "remove_extraroutes" => {
            let given = body
                .get("router")
                .and_then(|r| r.get("routes"))
                .cloned()
                .unwrap_or(json!([]));
            check_routes(&given)?;
            let mut routes: Vec<Value> = router
                .get("routes")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for g in given.as_array().into_iter().flatten() {
                if action == "add_extraroutes" {
                    if !routes.contains(g) {
                        routes.push(g.clone());
                    }
                } else {
                    routes.retain(|x| x != g);
                }
            }
            let now = net.now.clone();
            let mut updated = router.clone();
            updated.insert("routes".into(), json!(routes));
            touch(&mut updated, &now);
            if let Some(r) = net.st.get_mut(ROUTERS, id) {
                *r = updated.clone();
            }
            return Ok(Reply::ok(
                json!({"router": view_router(net.st, net.ctx, &updated)}),
            ));
        }
        _ => {
            return Err(super::no_route());
        }
    };
    let now = net.now.clone();
    if let Some(r) = net.st.get_mut(ROUTERS, id) {
        touch(r, &now);
    }
    Ok(Reply::ok(answer))
}

// ----- floating IPs -----

fn associate(
    net: &mut Net<'_>,
    f: &mut Record,
    port_id: &str,
    fixed: Option<&str>,
) -> Result<(), Fault> {
    let Some(port) = net.st.get(PORTS, port_id).cloned() else {
        return Err(nf("Port", port_id));
    };
    if !visible(net.st, net.ctx, kind(PORTS), &port) {
        return Err(nf("Port", port_id));
    }
    let ips = fixed_ips(&port);
    let chosen = match fixed {
        Some(ip) => ips.iter().find(|(_, a)| a == ip),
        None => ips
            .iter()
            .find(|(_, a)| parse_ip(a).is_some_and(|x| x.0 == 4)),
    };
    let Some((subnet_id, address)) = chosen.cloned() else {
        return Err(Fault::bad(format!(
            "Bad floatingip request: Port {port_id} does not have any IPv4 address."
        )));
    };
    let ext = str_of(f, "floating_network_id")
        .unwrap_or_default()
        .to_string();
    let fid = str_of(f, "id").unwrap_or_default().to_string();
    if net.st.coll(FIPS).any(|o| {
        str_of(o, "id") != Some(&fid)
            && str_of(o, "port_id") == Some(port_id)
            && str_of(o, "fixed_ip_address") == Some(&address)
    }) {
        return Err(Fault::conflict(
            "FloatingIPPortAlreadyAssociated",
            format!(
                "Cannot associate floating IP with port {port_id} using fixed IP {address}, as that fixed IP already has a floating IP."
            ),
        ));
    }
    let router = net
        .st
        .coll(ROUTERS)
        .find(|r| {
            r.get("external_gateway_info")
                .and_then(|g| g.get("network_id"))
                .and_then(Value::as_str)
                == Some(&ext)
                && str_of(r, "id").is_some_and(|rid| {
                    router_ports(net.st, rid, "network:router_interface")
                        .any(|p| fixed_ips(p).iter().any(|(s, _)| *s == subnet_id))
                })
        })
        .and_then(|r| str_of(r, "id").map(str::to_string));
    let Some(router) = router else {
        return Err(Fault::new(
            404,
            "ExternalGatewayForFloatingIPNotFound",
            format!(
                "External network {ext} is not reachable from subnet {subnet_id}.  Therefore, cannot associate Port {port_id} with a Floating IP."
            ),
        ));
    };
    f.insert("port_id".into(), json!(port_id));
    f.insert("fixed_ip_address".into(), json!(address));
    f.insert("router_id".into(), json!(router));
    f.insert(
        "port_details".into(),
        json!({"name": port.get("name"), "network_id": port.get("network_id"),
            "mac_address": port.get("mac_address"), "admin_state_up": port.get("admin_state_up"),
            "status": port.get("status"), "device_id": port.get("device_id"),
            "device_owner": port.get("device_owner")}),
    );
    Ok(())
}

fn create_fip(net: &mut Net<'_>, mut r: Record) -> Result<Record, Fault> {
    let ext = required(&r, "floating_network_id", "floatingip")?.to_string();
    let Some(network) = net.st.get(NETWORKS, &ext).cloned() else {
        return Err(nf("Network", &ext));
    };
    if network.get("router:external").and_then(Value::as_bool) != Some(true) {
        return Err(Fault::bad(format!(
            "Bad floatingip request: Network {ext} is not a valid external network."
        )));
    }
    let mut want = Map::new();
    if let Some(s) = r.get("subnet_id").filter(|v| !v.is_null()) {
        want.insert("subnet_id".into(), s.clone());
    }
    if let Some(a) = r.get("floating_ip_address").filter(|v| !v.is_null()) {
        want.insert("ip_address".into(), a.clone());
    }
    if want.is_empty() {
        let v4 = net
            .st
            .coll(SUBNETS)
            .find(|s| {
                str_of(s, "network_id") == Some(&ext) && s.get("ip_version") == Some(&json!(4))
            })
            .and_then(|s| str_of(s, "id").map(str::to_string));
        let Some(v4) = v4 else {
            return Err(Fault::bad(format!(
                "Bad floatingip request: Network {ext} does not contain any IPv4 subnet."
            )));
        };
        want.insert("subnet_id".into(), json!(v4));
    }
    let id = str_of(&r, "id").unwrap_or_default().to_string();
    let port = service_port(
        net,
        &ext,
        Some(&json!([want])),
        "network:floatingip",
        &id,
        "",
    )?;
    let address = fixed_ips(&port)
        .first()
        .map(|f| f.1.clone())
        .unwrap_or_default();
    r.insert("floating_ip_address".into(), json!(address));
    r.remove("subnet_id");
    let port_id = r
        .remove("port_id")
        .and_then(|v| v.as_str().map(str::to_string));
    let fixed = r
        .remove("fixed_ip_address")
        .and_then(|v| v.as_str().map(str::to_string));
    let mut r = with_defaults(
        r,
        json!({"status": "DOWN", "router_id": null, "port_id": null, "fixed_ip_address": null,
            "dns_domain": "", "dns_name": "", "port_details": null, "port_forwardings": [],
            "qos_policy_id": null, "qos_network_policy_id": null}),
    );
    if let Some(p) = port_id {
        associate(net, &mut r, &p, fixed.as_deref())?;
    }
    Ok(r)
}

fn update_fip(net: &mut Net<'_>, mut r: Record, mut changes: Record) -> Result<Record, Fault> {
    if let Some(port) = changes.remove("port_id") {
        let fixed = changes.remove("fixed_ip_address");
        match port.as_str() {
            Some(p) => associate(net, &mut r, p, fixed.as_ref().and_then(Value::as_str))?,
            None => {
                for k in ["port_id", "fixed_ip_address", "router_id", "port_details"] {
                    r.insert(k.into(), Value::Null);
                }
            }
        }
    }
    r.extend(changes);
    Ok(r)
}

fn delete_fip(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    let id = str_of(r, "id").unwrap_or_default();
    if let Some(c) = net.st.colls.get_mut("port_forwardings") {
        c.0.retain(|h| str_of(h, "floatingip_id") != Some(id));
    }
    if let Some(c) = net.st.colls.get_mut(PORTS) {
        c.0.retain(|p| {
            !(str_of(p, "device_id") == Some(id)
                && str_of(p, "device_owner") == Some("network:floatingip"))
        });
    }
    Ok(())
}

// ----- security groups -----

fn builtin_templates() -> Vec<Record> {
    let t = |eth: &str, dir: &str, remote: Value, default: bool, other: bool| {
        let mut r = Map::new();
        r.extend(
            json!({"id": crate::ids::uuid(), "direction": dir, "ethertype": eth,
                "protocol": null, "port_range_min": null, "port_range_max": null,
                "remote_ip_prefix": null, "remote_group_id": remote,
                "remote_address_group_id": null, "description": "",
                "used_in_default_sg": default, "used_in_non_default_sg": other})
            .as_object()
            .cloned()
            .unwrap_or_default(),
        );
        r
    };
    vec![
        t("IPv4", "egress", Value::Null, true, true),
        t("IPv6", "egress", Value::Null, true, true),
        t("IPv4", "ingress", json!(PARENT), true, false),
        t("IPv6", "ingress", json!(PARENT), true, false),
    ]
}

/// The rules a new group takes from the templates.
fn rules_from_templates(net: &mut Net<'_>, group: &Record, default: bool) {
    if !net.st.colls.contains_key(TEMPLATES) {
        for t in builtin_templates() {
            net.st.insert(TEMPLATES, t);
        }
    }
    let gid = str_of(group, "id").unwrap_or_default().to_string();
    let project = str_of(group, "project_id").unwrap_or_default().to_string();
    let key = if default {
        "used_in_default_sg"
    } else {
        "used_in_non_default_sg"
    };
    let templates: Vec<Record> = net
        .st
        .coll(TEMPLATES)
        .filter(|t| t.get(key).and_then(Value::as_bool) == Some(true))
        .cloned()
        .collect();
    for t in templates {
        let mut rule = net.standard(&project);
        rule.remove("tags");
        for k in [
            "direction",
            "ethertype",
            "protocol",
            "port_range_min",
            "port_range_max",
            "remote_ip_prefix",
            "remote_address_group_id",
        ] {
            rule.insert(k.into(), t.get(k).cloned().unwrap_or(Value::Null));
        }
        let remote = match str_of(&t, "remote_group_id") {
            Some(PARENT) => json!(gid),
            Some(other) => json!(other),
            None => Value::Null,
        };
        rule.insert("remote_group_id".into(), remote);
        rule.insert(
            "normalized_cidr".into(),
            normalized(rule.get("remote_ip_prefix")),
        );
        rule.insert("security_group_id".into(), json!(gid));
        rule.insert("belongs_to_default_sg".into(), json!(default));
        rule.insert("revision_number".into(), json!(0));
        net.st.insert(RULES, rule);
    }
}

fn normalized(prefix: Option<&Value>) -> Value {
    prefix
        .and_then(Value::as_str)
        .and_then(Cidr::parse)
        .map_or(Value::Null, |c| json!(c.to_text()))
}

/// Makes the project's `default` security group, with its rules, if it has none.
pub(crate) fn ensure_default_group(net: &mut Net<'_>, project: &str) {
    if project.is_empty() || default_group(net.st, project).is_some() {
        return;
    }
    let mut g = net.standard(project);
    g.insert("name".into(), json!("default"));
    g.insert("description".into(), json!("Default security group"));
    g.insert("stateful".into(), json!(true));
    g.insert("shared".into(), json!(false));
    g.insert("revision_number".into(), json!(1));
    rules_from_templates(net, &g, true);
    net.st.insert(GROUPS, g);
}

fn create_group(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
    let r = with_defaults(r, json!({"name": "", "stateful": true, "shared": false}));
    let project = str_of(&r, "project_id").unwrap_or_default();
    if str_of(&r, "name") == Some("default") && default_group(net.st, project).is_some() {
        return Err(Fault::conflict(
            "SecurityGroupDefaultAlreadyExists",
            "Default security group already exists.",
        ));
    }
    rules_from_templates(net, &r, false);
    Ok(r)
}

fn update_group(net: &mut Net<'_>, r: Record, changes: Record) -> Result<Record, Fault> {
    if str_of(&r, "name") == Some("default") && changes.get("name").is_some_and(|n| n != "default")
    {
        return Err(Fault::conflict(
            "SecurityGroupCannotUpdateDefault",
            "Updating default security group not allowed.",
        ));
    }
    merge(net, r, changes)
}

fn delete_group(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    let id = str_of(r, "id").unwrap_or_default();
    if str_of(r, "name") == Some("default") && !net.ctx.is_admin() {
        return Err(Fault::conflict(
            "SecurityGroupCannotRemoveDefault",
            "Insufficient rights for removing default security group.",
        ));
    }
    if net
        .st
        .coll(PORTS)
        .any(|p| strings(p.get("security_groups")).iter().any(|g| g == id))
    {
        return Err(Fault::conflict(
            "SecurityGroupInUse",
            format!("Security Group {id} in use."),
        ));
    }
    if let Some(c) = net.st.colls.get_mut(RULES) {
        c.0.retain(|x| str_of(x, "security_group_id") != Some(id));
    }
    Ok(())
}

fn view_group(st: &NetworkState, _: &Ctx, r: &Record) -> Record {
    let mut v = r.clone();
    let id = str_of(r, "id").unwrap_or_default();
    let rules: Vec<Value> = st
        .coll(RULES)
        .filter(|x| str_of(x, "security_group_id") == Some(id))
        .map(|x| Value::Object(x.clone()))
        .collect();
    v.insert("security_group_rules".into(), json!(rules));
    v
}

fn port_proto(p: &str) -> bool {
    matches!(
        p,
        "tcp" | "udp" | "sctp" | "dccp" | "udplite" | "6" | "17" | "132" | "33" | "136"
    )
}

fn icmp_proto(p: &str) -> bool {
    matches!(p, "icmp" | "ipv6-icmp" | "icmpv6" | "1" | "58")
}

/// Validates the matching attributes shared by rules and their templates.
fn check_rule(r: &mut Record) -> Result<(), Fault> {
    match str_of(r, "direction") {
        Some("ingress" | "egress") => {}
        other => {
            return Err(Fault::bad(format!(
                "Invalid input for direction. Reason: {} is not in valid_values.",
                other.unwrap_or("None")
            )));
        }
    }
    let eth = str_of(r, "ethertype").unwrap_or("IPv4").to_string();
    if eth != "IPv4" && eth != "IPv6" {
        return Err(Fault::bad(format!(
            "Invalid input for ethertype. Reason: {eth} is not in valid_values."
        )));
    }
    r.insert("ethertype".into(), json!(eth));
    let proto = match r.get("protocol") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::String(s)) if s.is_empty() || s == "any" => None,
        Some(Value::String(s)) => Some(s.to_lowercase()),
        Some(_) => return Err(Fault::bad("Invalid input for protocol.")),
    };
    if let Some(p) = &proto
        && let Ok(n) = p.parse::<u64>()
        && n > 255
    {
        return Err(Fault::bad(format!(
            "Security group rule protocol {p} not supported."
        )));
    }
    r.insert(
        "protocol".into(),
        proto.clone().map_or(Value::Null, |p| json!(p)),
    );
    let port = |k: &str| -> Result<Option<u64>, Fault> {
        match r.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v
                .as_u64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                .map(Some)
                .ok_or_else(|| Fault::bad(format!("Invalid input for {k}."))),
        }
    };
    let (min, max) = (port("port_range_min")?, port("port_range_max")?);
    if min.is_some() || max.is_some() {
        match proto.as_deref() {
            None => {
                return Err(Fault::bad(
                    "Must also specify protocol if port range is given.",
                ));
            }
            Some(p) if port_proto(p) => {
                let (a, b) = (min.unwrap_or(0), max.unwrap_or(0));
                if a == 0 || b == 0 || a > 65535 || b > 65535 {
                    return Err(Fault::bad(format!(
                        "Invalid value for port {}",
                        if a == 0 { a } else { b }
                    )));
                }
                if a > b {
                    return Err(Fault::bad(
                        "For TCP/UDP protocols, port_range_min must be <= port_range_max",
                    ));
                }
            }
            Some(p) if icmp_proto(p) => {
                if min.is_some_and(|m| m > 255) || max.is_some_and(|m| m > 255) {
                    return Err(Fault::bad(format!(
                        "Invalid value for ICMP field (type/code): {}",
                        min.unwrap_or(0).max(max.unwrap_or(0))
                    )));
                }
                if min.is_none() && max.is_some() {
                    return Err(Fault::bad(
                        "ICMP code (port-range-max) is provided but ICMP type (port-range-min) is missing.",
                    ));
                }
            }
            Some(p) => {
                return Err(Fault::bad(format!(
                    "Invalid input: protocol {p} does not support port ranges."
                )));
            }
        }
    }
    for (k, v) in [("port_range_min", min), ("port_range_max", max)] {
        r.insert(k.into(), v.map_or(Value::Null, |n| json!(n)));
    }
    let prefix = r.get("remote_ip_prefix").filter(|v| !v.is_null()).cloned();
    let group = r.get("remote_group_id").filter(|v| !v.is_null()).cloned();
    if prefix.is_some() && group.is_some() {
        return Err(Fault::bad(
            "Only remote_ip_prefix or remote_group_id may be provided.",
        ));
    }
    if let Some(p) = prefix {
        let Some(c) = p.as_str().and_then(Cidr::parse) else {
            return Err(Fault::bad(format!(
                "Invalid input for remote_ip_prefix. Reason: '{p}' is not a valid IP subnet."
            )));
        };
        if (c.version == 4) != (eth == "IPv4") {
            return Err(Fault::bad(format!(
                "Conflicting value ethertype {eth} for CIDR {}",
                c.to_text()
            )));
        }
    }
    r.insert(
        "normalized_cidr".into(),
        normalized(r.get("remote_ip_prefix")),
    );
    let r2 = with_defaults(
        std::mem::take(r),
        json!({"remote_ip_prefix": null, "remote_group_id": null,
            "remote_address_group_id": null, "description": ""}),
    );
    *r = r2;
    Ok(())
}

const RULE_MATCH: &[&str] = &[
    "direction",
    "ethertype",
    "protocol",
    "port_range_min",
    "port_range_max",
    "normalized_cidr",
    "remote_group_id",
    "remote_address_group_id",
];

fn create_rule(net: &mut Net<'_>, mut r: Record) -> Result<Record, Fault> {
    let gid = required(&r, "security_group_id", "security_group_rule")?.to_string();
    let group = find(net, kind(GROUPS), &gid)?;
    if !net.ctx.is_admin() && str_of(&group, "project_id") != net.ctx.project_id() {
        return Err(nf("SecurityGroup", &gid));
    }
    check_rule(&mut r)?;
    if let Some(remote) = str_of(&r, "remote_group_id")
        && net.st.get(GROUPS, remote).is_none()
    {
        return Err(nf("SecurityGroup", remote));
    }
    let dup = net.st.coll(RULES).find(|x| {
        str_of(x, "security_group_id") == Some(&gid)
            && RULE_MATCH
                .iter()
                .all(|k| x.get(*k).unwrap_or(&Value::Null) == r.get(*k).unwrap_or(&Value::Null))
    });
    if let Some(d) = dup {
        return Err(Fault::conflict(
            "SecurityGroupRuleExists",
            format!(
                "Security group rule already exists. Rule id is {}.",
                str_of(d, "id").unwrap_or_default()
            ),
        ));
    }
    let project = str_of(&group, "project_id").unwrap_or_default();
    r.insert("project_id".into(), json!(project));
    r.insert("tenant_id".into(), json!(project));
    r.remove("tags");
    r.insert(
        "belongs_to_default_sg".into(),
        json!(str_of(&group, "name") == Some("default")),
    );
    let now = net.now.clone();
    if let Some(g) = net.st.get_mut(GROUPS, &gid) {
        touch(g, &now);
    }
    Ok(r)
}

fn create_template(_: &mut Net<'_>, mut r: Record) -> Result<Record, Fault> {
    check_rule(&mut r)?;
    r.remove("normalized_cidr");
    for k in ["created_at", "updated_at", "description"] {
        if k != "description" {
            r.remove(k);
        }
    }
    Ok(with_defaults(
        r,
        json!({"used_in_default_sg": false, "used_in_non_default_sg": true}),
    ))
}

// ----- subnet pools and address scopes -----

fn create_pool(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
    if !net.ctx.is_admin()
        && (r.get("shared") == Some(&json!(true)) || r.get("is_default") == Some(&json!(true)))
    {
        return Err(forbidden("rule:create_subnetpool:shared"));
    }
    let prefixes: Vec<Cidr> = strings(r.get("prefixes"))
        .iter()
        .map(|p| {
            Cidr::parse(p).ok_or_else(|| {
                Fault::bad(format!(
                    "Invalid input for prefixes: '{p}' is not a valid IP subnet."
                ))
            })
        })
        .collect::<Result<_, _>>()?;
    let Some(first) = prefixes.first() else {
        return Err(Fault::bad(
            "Invalid input for prefixes: at least one prefix is required.",
        ));
    };
    let version = first.version;
    let bits = if version == 4 { 32 } else { 128 };
    let num = |k: &str, d: u64| -> String {
        r.get(k)
            .and_then(|v| {
                v.as_u64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            })
            .unwrap_or(d)
            .to_string()
    };
    let min = num("min_prefixlen", if version == 4 { 8 } else { 64 });
    let max = num("max_prefixlen", bits);
    let default = num("default_prefixlen", min.parse().unwrap_or(8));
    if let Some(scope) = str_of(&r, "address_scope_id")
        && net.st.get(SCOPES, scope).is_none()
    {
        return Err(nf("AddressScope", scope));
    }
    let mut r = with_defaults(
        r,
        json!({"name": "", "shared": false, "is_default": false, "default_quota": null,
            "address_scope_id": null}),
    );
    r.insert("ip_version".into(), json!(version));
    r.insert(
        "prefixes".into(),
        json!(prefixes.iter().map(|c| c.to_text()).collect::<Vec<_>>()),
    );
    r.insert("min_prefixlen".into(), json!(min));
    r.insert("max_prefixlen".into(), json!(max));
    r.insert("default_prefixlen".into(), json!(default));
    Ok(r)
}

/// Refuses (409) to delete a record that records of another collection still name.
fn busy(
    net: &Net<'_>,
    r: &Record,
    plural: &str,
    key: &str,
    kind: &str,
    what: &str,
) -> Result<(), Fault> {
    let id = str_of(r, "id").unwrap_or_default();
    if net.st.coll(plural).any(|x| str_of(x, key) == Some(id)) {
        return Err(Fault::conflict(
            kind,
            format!("Unable to complete operation on {what} {id}: it is still in use."),
        ));
    }
    Ok(())
}

fn delete_pool(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    busy(
        net,
        r,
        SUBNETS,
        "subnetpool_id",
        "SubnetPoolInUse",
        "subnet pool",
    )
}

fn create_scope(_: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
    match r.get("ip_version").and_then(Value::as_u64) {
        Some(4 | 6) => Ok(with_defaults(r, json!({"name": "", "shared": false}))),
        _ => Err(Fault::bad("Invalid input for ip_version.")),
    }
}

fn delete_scope(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    busy(
        net,
        r,
        POOLS,
        "address_scope_id",
        "AddressScopeInUse",
        "address scope",
    )
}

fn cidrs_of(v: Option<&Value>) -> Result<Vec<Cidr>, Fault> {
    strings(v)
        .iter()
        .map(|p| {
            Cidr::parse(p).ok_or_else(|| {
                Fault::bad(format!(
                    "Invalid input for prefixes: '{p}' is not a valid IP subnet."
                ))
            })
        })
        .collect()
}

/// `add_prefixes`, `remove_prefixes` and `onboard_network_subnets` on a subnet pool.
fn pool_action(net: &mut Net<'_>, req: &Req, id: &str, action: &str) -> Result<Reply, Fault> {
    let pool = find(net, kind(POOLS), id)?;
    if !net.ctx.is_admin() && str_of(&pool, "project_id") != net.ctx.project_id() {
        return Err(nf("SubnetPool", id));
    }
    let body = req.json().unwrap_or(Value::Null);
    let have = cidrs_of(pool.get("prefixes"))?;
    let in_pool: Vec<Cidr> = net
        .st
        .coll(SUBNETS)
        .filter(|s| str_of(s, "subnetpool_id") == Some(id))
        .filter_map(subnet_cidr)
        .collect();
    let (prefixes, answer) = match action {
        "add_prefixes" | "remove_prefixes" => {
            let given = cidrs_of(body.get("prefixes"))?;
            if given
                .iter()
                .any(|g| have.first().is_some_and(|h| h.version != g.version))
            {
                return Err(Fault::bad("Illegal prefix update: IP version mismatch."));
            }
            let out = if action == "add_prefixes" {
                merge_cidrs(&[have.clone(), given].concat(), &[])
            } else {
                if in_pool.iter().any(|s| given.iter().any(|g| g.overlaps(s))) {
                    return Err(Fault::bad(format!(
                        "Illegal update to prefixes: Subnets are still allocated from the prefixes of subnet pool {id}."
                    )));
                }
                merge_cidrs(&have, &given)
            };
            let texts: Vec<String> = out.into_iter().map(Cidr::to_text).collect();
            (texts.clone(), json!({ "prefixes": texts }))
        }
        "onboard_network_subnets" => {
            let Some(network_id) = body.get("network_id").and_then(Value::as_str) else {
                return Err(Fault::bad("network_id is required"));
            };
            let version = pool.get("ip_version").cloned();
            let moved: Vec<(String, String)> = net
                .st
                .coll(SUBNETS)
                .filter(|s| str_of(s, "network_id") == Some(network_id))
                .filter(|s| s.get("subnetpool_id").is_none_or(Value::is_null))
                .filter(|s| s.get("ip_version") == version.as_ref())
                .filter_map(|s| {
                    Some((str_of(s, "id")?.to_string(), str_of(s, "cidr")?.to_string()))
                })
                .collect();
            let mut all = have.clone();
            for (sid, cidr) in &moved {
                if let Some(c) = Cidr::parse(cidr) {
                    all.push(c);
                }
                if let Some(s) = net.st.get_mut(SUBNETS, sid) {
                    s.insert("subnetpool_id".into(), json!(id));
                }
            }
            let texts: Vec<String> = merge_cidrs(&all, &[])
                .into_iter()
                .map(Cidr::to_text)
                .collect();
            let answer: Vec<Value> = moved
                .iter()
                .map(|(i, c)| json!({"id": i, "cidr": c}))
                .collect();
            (texts, json!(answer))
        }
        _ => {
            return Err(super::no_route());
        }
    };
    let now = net.now.clone();
    if let Some(p) = net.st.get_mut(POOLS, id) {
        p.insert("prefixes".into(), json!(prefixes));
        touch(p, &now);
    }
    Ok(Reply::ok(answer))
}

/// A resource that lives under another (conntrack helpers under routers, port
/// forwardings under floating IPs).
struct Child {
    parent_path: &'static str,
    parent: &'static str,
    /// The attribute naming the parent in the stored record.
    parent_key: &'static str,
    path: &'static str,
    singular: &'static str,
    noun: &'static str,
    /// Validates a record and fills what it derives from its parent.
    check: fn(&NetworkState, &Record, &mut Record) -> Result<(), Fault>,
    /// Attributes kept but not shown.
    hidden: &'static [&'static str],
}

static CHILDREN: &[Child] = &[
    Child {
        parent_path: "routers",
        parent: ROUTERS,
        parent_key: "router_id",
        path: "conntrack_helpers",
        singular: "conntrack_helper",
        noun: "ConntrackHelper",
        check: check_helper,
        hidden: &["router_id"],
    },
    Child {
        parent_path: "floatingips",
        parent: FIPS,
        parent_key: "floatingip_id",
        path: "port_forwardings",
        singular: "port_forwarding",
        noun: "PortForwarding",
        check: check_forwarding,
        hidden: &["floatingip_id"],
    },
    Child {
        parent_path: "local_ips",
        parent: LOCAL_IPS,
        parent_key: "local_ip_id",
        path: "port_associations",
        singular: "port_association",
        noun: "LocalIPAssociation",
        check: check_association,
        hidden: &["id"],
    },
];

/// A local IP's association with a port: keyed by the port, with its address.
fn check_association(st: &NetworkState, parent: &Record, r: &mut Record) -> Result<(), Fault> {
    let port_id = str_of(r, "fixed_port_id").unwrap_or_default().to_string();
    let Some(port) = st.get(PORTS, &port_id) else {
        return Err(nf("Port", &port_id));
    };
    let ips = fixed_ips(port);
    let fixed = match str_of(r, "fixed_ip") {
        Some(ip) if ips.iter().any(|(_, a)| a == ip) => ip.to_string(),
        Some(ip) => {
            return Err(Fault::bad(format!(
                "Bad request: the IP {ip} is not an address of port {port_id}."
            )));
        }
        None => ips.first().map(|(_, a)| a.clone()).unwrap_or_default(),
    };
    r.insert("id".into(), json!(port_id));
    r.insert("fixed_ip".into(), json!(fixed));
    r.insert(
        "local_ip_address".into(),
        parent
            .get("local_ip_address")
            .cloned()
            .unwrap_or(Value::Null),
    );
    r.insert("host".into(), Value::Null);
    r.remove("description");
    Ok(())
}

fn check_helper(_: &NetworkState, _: &Record, r: &mut Record) -> Result<(), Fault> {
    if !matches!(
        str_of(r, "protocol"),
        Some("tcp" | "udp" | "icmp" | "ipv6-icmp" | "sctp")
    ) {
        return Err(Fault::bad("Invalid input for protocol."));
    }
    if r.get("port")
        .and_then(Value::as_u64)
        .is_none_or(|p| p == 0 || p > 65535)
    {
        return Err(Fault::bad("Invalid input for port."));
    }
    if str_of(r, "helper").is_none_or(str::is_empty) {
        return Err(Fault::bad("Invalid input for helper."));
    }
    Ok(())
}

fn check_forwarding(st: &NetworkState, _: &Record, r: &mut Record) -> Result<(), Fault> {
    if !matches!(str_of(r, "protocol"), Some("tcp" | "udp")) {
        return Err(Fault::bad("Invalid input for protocol."));
    }
    for k in ["internal_port", "external_port"] {
        if r.get(k)
            .and_then(Value::as_u64)
            .is_none_or(|p| p == 0 || p > 65535)
        {
            return Err(Fault::bad(format!("Invalid input for {k}.")));
        }
    }
    let port_id = str_of(r, "internal_port_id").unwrap_or_default();
    let Some(port) = st.get(PORTS, port_id) else {
        return Err(nf("Port", port_id));
    };
    let ip = str_of(r, "internal_ip_address").unwrap_or_default();
    if !fixed_ips(port).iter().any(|(_, a)| a == ip) {
        return Err(Fault::bad(format!(
            "Bad port_forwarding request: The internal IP {ip} is not an address of port {port_id}."
        )));
    }
    Ok(())
}

fn child_view(c: &Child, r: &Record) -> Value {
    let mut v = r.clone();
    v.retain(|k, _| !c.hidden.contains(&k.as_str()));
    Value::Object(v)
}

fn child_route(
    net: &mut Net<'_>,
    req: &Req,
    c: &Child,
    pid: &str,
    id: Option<&str>,
) -> Result<Reply, Fault> {
    use http::Method as M;
    let parent = find(net, kind(c.parent), pid)?;
    if !net.ctx.is_admin() && str_of(&parent, "project_id") != net.ctx.project_id() {
        return Err(nf(kind(c.parent).noun, pid));
    }
    let mine = |st: &NetworkState, cid: &str| {
        st.get(c.path, cid)
            .filter(|r| str_of(r, c.parent_key) == Some(pid))
            .cloned()
            .ok_or_else(|| nf(c.noun, cid))
    };
    let body = |req: &Req| -> Result<Record, Fault> {
        crate::records::update_body(req.json(), c.singular)
    };
    match (&req.method, id) {
        (&M::GET, None) => {
            let rows: Vec<Record> = net
                .st
                .coll(c.path)
                .filter(|r| str_of(r, c.parent_key) == Some(pid))
                .map(|r| match child_view(c, r) {
                    Value::Object(o) => o,
                    _ => Map::new(),
                })
                .collect();
            let spec = crate::records::ListSpec {
                plural: c.path,
                url: format!("{}/{}/{}", c.parent_path, pid, c.path),
                skip: &[],
            };
            Ok(Reply::ok(crate::records::list_page(
                rows, &req.query, &spec,
            )?))
        }
        (&M::POST, None) => {
            let mut r = body(req)?;
            r.insert("id".into(), json!(crate::ids::uuid()));
            r.insert(c.parent_key.into(), json!(pid));
            let r = with_defaults(r, json!({"description": ""}));
            let mut r = r;
            (c.check)(net.st, &parent, &mut r)?;
            let out = child_view(c, &r);
            net.st.insert(c.path, r);
            Ok(Reply::json(201, json!({ c.singular: out })))
        }
        (&M::GET, Some(cid)) => Ok(Reply::ok(
            json!({ c.singular: child_view(c, &mine(net.st, cid)?) }),
        )),
        (&M::PUT, Some(cid)) => {
            let mut r = mine(net.st, cid)?;
            r.extend(body(req)?);
            (c.check)(net.st, &parent, &mut r)?;
            let out = child_view(c, &r);
            if let Some(x) = net.st.get_mut(c.path, cid) {
                *x = r;
            }
            Ok(Reply::ok(json!({ c.singular: out })))
        }
        (&M::DELETE, Some(cid)) => {
            mine(net.st, cid)?;
            net.st.remove(c.path, cid);
            Ok(Reply::empty(204))
        }
        _ => Err(Fault::new(
            405,
            "HTTPMethodNotAllowed",
            "The method is not allowed.",
        )),
    }
}

/// A local IP: an address of a network, held by a port of its own.
fn create_local_ip(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
    let network_id = required(&r, "network_id", "local_ip")?.to_string();
    let Some(network) = net.st.get(NETWORKS, &network_id).cloned() else {
        return Err(nf("Network", &network_id));
    };
    if !visible(net.st, net.ctx, kind(NETWORKS), &network) {
        return Err(nf("Network", &network_id));
    }
    let mut r = with_defaults(r, json!({"name": "", "ip_mode": "translate"}));
    if !matches!(str_of(&r, "ip_mode"), Some("translate" | "passthrough")) {
        return Err(Fault::bad("Invalid input for ip_mode."));
    }
    let id = str_of(&r, "id").unwrap_or_default().to_string();
    let project = str_of(&r, "project_id").unwrap_or_default().to_string();
    let fixed = r
        .get("local_ip_address")
        .and_then(Value::as_str)
        .map(|a| json!([{ "ip_address": a }]));
    let port = service_port(
        net,
        &network_id,
        fixed.as_ref(),
        "network:local_ip",
        &id,
        &project,
    )?;
    let address = fixed_ips(&port)
        .first()
        .map(|f| f.1.clone())
        .unwrap_or_default();
    r.insert(
        "local_port_id".into(),
        port.get("id").cloned().unwrap_or(Value::Null),
    );
    r.insert("local_ip_address".into(), json!(address));
    r.remove("tags");
    Ok(r)
}

fn delete_local_ip(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    let id = str_of(r, "id").unwrap_or_default();
    if let Some(c) = net.st.colls.get_mut("port_associations") {
        c.0.retain(|a| str_of(a, "local_ip_id") != Some(id));
    }
    if let Some(p) = str_of(r, "local_port_id") {
        net.st.remove(PORTS, p);
    }
    Ok(())
}

/// The auto-allocated topology of a project: a network with a subnet from the default
/// subnet pool, behind a router on the default external network; made when first asked
/// for, `dry-run` only checks that it can be.
fn auto_topology(net: &mut Net<'_>, req: &Req, project: &str) -> Result<Reply, Fault> {
    use http::Method as M;
    const TOPOLOGIES: &str = "auto_allocated_topologies";
    if !net.ctx.is_admin() && net.ctx.project_id() != Some(project) {
        return Err(forbidden("rule:get_auto_allocated_topology"));
    }
    let answer = |id: &str| {
        Reply::ok(
            json!({"auto_allocated_topology": {"id": id, "project_id": project, "tenant_id": project}}),
        )
    };
    let existing = net.st.get(TOPOLOGIES, project).cloned();
    if req.method == M::DELETE {
        let Some(t) = existing else {
            return Err(nf("AutoAllocatedTopology", project));
        };
        let router = str_of(&t, "router_id")
            .and_then(|r| net.st.get(ROUTERS, r))
            .cloned();
        let subnet = str_of(&t, "subnet_id").unwrap_or_default().to_string();
        if let Some(router) = router {
            remove_interface(net, &router, &json!({ "subnet_id": subnet }))?;
            delete_router(net, &router)?;
            net.st
                .remove(ROUTERS, str_of(&router, "id").unwrap_or_default());
        }
        if let Some(network) = str_of(&t, "network_id")
            .and_then(|n| net.st.get(NETWORKS, n))
            .cloned()
        {
            delete_network(net, &network)?;
            net.st
                .remove(NETWORKS, str_of(&network, "id").unwrap_or_default());
        }
        net.st.remove(TOPOLOGIES, project);
        return Ok(Reply::empty(204));
    }
    if req.method != M::GET {
        return Err(Fault::new(
            405,
            "HTTPMethodNotAllowed",
            "The method is not allowed.",
        ));
    }
    if let Some(t) = existing {
        return Ok(answer(str_of(&t, "network_id").unwrap_or_default()));
    }
    let default_of = |st: &NetworkState, plural: &str, extra: &dyn Fn(&Record) -> bool| {
        st.coll(plural)
            .filter(|r| r.get("is_default") == Some(&json!(true)) && extra(r))
            .find_map(|r| str_of(r, "id").map(str::to_string))
    };
    let external = default_of(net.st, NETWORKS, &|n| {
        n.get("router:external") == Some(&json!(true))
    });
    let pool = default_of(net.st, POOLS, &|p| p.get("ip_version") == Some(&json!(4)));
    let (Some(external), Some(pool)) = (external, pool) else {
        return Err(Fault::conflict(
            "AutoAllocationFailure",
            "Deployment error: No default external network or default subnet pool.",
        ));
    };
    if req
        .query
        .iter()
        .any(|(k, v)| k == "fields" && v == "dry-run")
    {
        return Ok(answer("dry-run=pass"));
    }
    let body = |v: Value| v.as_object().cloned().unwrap_or_default();
    let network = super::create_one(
        net,
        kind(NETWORKS),
        body(json!({"name": "auto_allocated_network", "project_id": project})),
    )?;
    let subnet = super::create_one(
        net,
        kind(SUBNETS),
        body(json!({"network_id": network, "subnetpool_id": pool,
        "ip_version": 4, "name": "auto_allocated_subnet_v4", "project_id": project})),
    )?;
    let router = super::create_one(
        net,
        kind(ROUTERS),
        body(json!({"name": "auto_allocated_router",
        "external_gateway_info": {"network_id": external}, "project_id": project})),
    )?;
    if let Some(r) = net.st.get(ROUTERS, &router).cloned() {
        add_interface(net, &r, &json!({ "subnet_id": subnet }))?;
    }
    let mut t = Map::new();
    t.insert("id".into(), json!(project));
    t.insert("network_id".into(), json!(network));
    t.insert("subnet_id".into(), json!(subnet));
    t.insert("router_id".into(), json!(router));
    net.st.insert(TOPOLOGIES, t);
    Ok(answer(&network))
}

/// The subnets of a router's interfaces.
fn router_subnets(st: &NetworkState, router: &str) -> Vec<String> {
    router_ports(st, router, "network:router_interface")
        .flat_map(fixed_ips)
        .map(|(s, _)| s)
        .collect()
}

/// An NDP proxy: a port's IPv6 address on one of the router's subnets, published by a
/// router that has `enable_ndp_proxy`.
fn create_ndp_proxy(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
    let router_id = required(&r, "router_id", "ndp_proxy")?.to_string();
    let port_id = required(&r, "port_id", "ndp_proxy")?.to_string();
    let router = find(net, kind(ROUTERS), &router_id)?;
    let port = find(net, kind(PORTS), &port_id)?;
    if router.get("enable_ndp_proxy") != Some(&json!(true)) {
        return Err(Fault::conflict(
            "RouterNDPProxyNotEnable",
            format!("The enable_ndp_proxy parameter of router {router_id} must be set as True."),
        ));
    }
    let subnets = router_subnets(net.st, &router_id);
    let on_router: Vec<String> = fixed_ips(&port)
        .into_iter()
        .filter(|(s, a)| subnets.contains(s) && a.contains(':'))
        .map(|(_, a)| a)
        .collect();
    let address = match str_of(&r, "ip_address") {
        Some(a) if on_router.iter().any(|x| x == a) => a.to_string(),
        Some(a) => {
            return Err(Fault::bad(format!(
                "Bad request: the address {a} is not an IPv6 address of port {port_id} on a subnet of router {router_id}."
            )));
        }
        None => on_router.first().cloned().ok_or_else(|| {
            Fault::conflict(
                "PortUnreachableRouter",
                format!("The port {port_id} cannot reach the router {router_id} by IPv6 subnet."),
            )
        })?,
    };
    let mut r = with_defaults(r, json!({"name": ""}));
    r.insert("ip_address".into(), json!(address));
    r.remove("tags");
    Ok(r)
}

/// The trunk whose parent or subport a port is, if any.
fn trunk_of(st: &NetworkState, port: &str) -> Option<String> {
    st.coll(TRUNKS)
        .find(|t| {
            str_of(t, "port_id") == Some(port)
                || t.get("sub_ports")
                    .and_then(Value::as_array)
                    .is_some_and(|s| s.iter().any(|x| x["port_id"] == port))
        })
        .and_then(|t| str_of(t, "id").map(str::to_string))
}

/// Checks subports to add to a trunk (`have` already on it): existing free ports, VLAN
/// IDs unique on the trunk.
fn check_subports(
    net: &Net<'_>,
    parent: &str,
    have: &[Value],
    add: &[Value],
) -> Result<Vec<Value>, Fault> {
    let mut all: Vec<Value> = have.to_vec();
    for sp in add {
        let Some(port) = sp.get("port_id").and_then(Value::as_str) else {
            return Err(Fault::bad(
                "Invalid input for sub_ports: port_id is required.",
            ));
        };
        if port == parent || trunk_of(net.st, port).is_some() {
            return Err(Fault::conflict(
                "PortInUse",
                format!(
                    "Port {port} is currently in use and is not eligible for use as a subport."
                ),
            ));
        }
        if net.st.get(PORTS, port).is_none() {
            return Err(nf("Port", port));
        }
        let seg = sp.get("segmentation_id").cloned().unwrap_or(Value::Null);
        if all
            .iter()
            .any(|x| x["segmentation_id"] == seg && x["port_id"] != port)
        {
            return Err(Fault::conflict(
                "DuplicateSubPort",
                format!(
                    "segmentation_type vlan and segmentation_id {seg} already in use on trunk."
                ),
            ));
        }
        all.push(json!({"port_id": port,
            "segmentation_type": sp.get("segmentation_type").cloned().unwrap_or(json!("vlan")),
            "segmentation_id": seg}));
    }
    Ok(all)
}

fn create_trunk(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
    let port = required(&r, "port_id", "trunk")?.to_string();
    let Some(parent) = net.st.get(PORTS, &port).cloned() else {
        return Err(nf("Port", &port));
    };
    if !visible(net.st, net.ctx, kind(PORTS), &parent) {
        return Err(nf("Port", &port));
    }
    if trunk_of(net.st, &port).is_some() {
        return Err(Fault::conflict(
            "TrunkPortInUse",
            format!("Port {port} is in use by another trunk."),
        ));
    }
    let given: Vec<Value> = r
        .get("sub_ports")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let subs = check_subports(net, &port, &[], &given)?;
    let bound = str_of(&parent, "binding:host_id").is_some_and(|h| !h.is_empty());
    let mut r = with_defaults(r, json!({"name": "", "admin_state_up": true}));
    r.insert("sub_ports".into(), json!(subs));
    r.insert(
        "status".into(),
        json!(if bound { "ACTIVE" } else { "DOWN" }),
    );
    Ok(r)
}

/// `add_subports`, `remove_subports` (a trunk that is down refuses both) and
/// `get_subports`.
fn trunk_action(net: &mut Net<'_>, req: &Req, id: &str, action: &str) -> Result<Reply, Fault> {
    let t = find(net, kind(TRUNKS), id)?;
    let have: Vec<Value> = t
        .get("sub_ports")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if action == "get_subports" {
        return Ok(Reply::ok(json!({ "sub_ports": have })));
    }
    if t.get("admin_state_up") == Some(&json!(false)) {
        return Err(Fault::conflict(
            "TrunkDisabled",
            format!("Trunk {id} is currently disabled."),
        ));
    }
    let given: Vec<Value> = req
        .json()
        .and_then(|b| b.get("sub_ports").and_then(Value::as_array).cloned())
        .unwrap_or_default();
    let parent = str_of(&t, "port_id").unwrap_or_default().to_string();
    let subs = if action == "add_subports" {
        check_subports(net, &parent, &have, &given)?
    } else {
        let gone: Vec<&Value> = given.iter().map(|g| &g["port_id"]).collect();
        have.into_iter()
            .filter(|x| !gone.contains(&&x["port_id"]))
            .collect()
    };
    let now = net.now.clone();
    let mut t = t;
    t.insert("sub_ports".into(), json!(subs));
    touch(&mut t, &now);
    if let Some(x) = net.st.get_mut(TRUNKS, id) {
        *x = t.clone();
    }
    Ok(Reply::ok(Value::Object(t)))
}

// ----- listing filters the generic collection cannot read -----

/// Query keys a resource reads itself.
pub(crate) fn custom_filters(k: &Kind) -> &'static [&'static str] {
    if k.plural == PORTS {
        &["fixed_ips"]
    } else {
        &[]
    }
}

/// Ports' `fixed_ips=ip_address=…`, `subnet_id=…` and `ip_address_substr=…` filters.
pub(crate) fn custom_match(
    _: &NetworkState,
    k: &Kind,
    r: &Record,
    query: &[(String, String)],
) -> bool {
    if k.plural != PORTS {
        return true;
    }
    let ips = fixed_ips(r);
    query
        .iter()
        .filter(|(q, _)| q == "fixed_ips")
        .all(|(_, v)| {
            let (key, val) = v.split_once('=').unwrap_or(("", v));
            ips.iter().any(|(s, a)| match key {
                "subnet_id" => s == val,
                "ip_address" => a == val,
                "ip_address_substr" => a.contains(val),
                _ => false,
            })
        })
}

// ----- routes that are not collections -----

const QUOTA_DEFAULTS: &[(&str, i64)] = &[
    ("network", 100),
    ("subnet", 100),
    ("port", 500),
    ("router", 10),
    ("floatingip", 50),
    ("security_group", 10),
    ("security_group_rule", 100),
    ("subnetpool", -1),
    ("rbac_policy", 10),
    ("trunk", -1),
];

/// A project's limit of a resource.
pub(crate) fn quota_limit(st: &NetworkState, project: &str, resource: &str) -> i64 {
    crate::records::quota_limit(&st.quotas, QUOTA_DEFAULTS, project, resource)
}

/// How many of a quota's resource a project has.
fn quota_usage(st: &NetworkState, project: &str, resource: &str) -> i64 {
    let plural = match resource {
        "network" => NETWORKS,
        "subnet" => SUBNETS,
        "port" => PORTS,
        "router" => ROUTERS,
        "floatingip" => FIPS,
        "security_group" => GROUPS,
        "security_group_rule" => RULES,
        "subnetpool" => POOLS,
        "trunk" => TRUNKS,
        _ => "",
    };
    let n = st
        .coll(plural)
        .filter(|r| str_of(r, "project_id") == Some(project))
        .count();
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn quota_of(st: &NetworkState, project: &str) -> Value {
    let m: Map<String, Value> = QUOTA_DEFAULTS
        .iter()
        .map(|(k, _)| (k.to_string(), json!(quota_limit(st, project, k))))
        .collect();
    Value::Object(m)
}

fn quotas(net: &mut Net<'_>, req: &Req, rest: &[&str]) -> Result<Reply, Fault> {
    use http::Method as M;
    let admin = net.ctx.is_admin();
    let own = |p: &str| admin || net.ctx.project_id() == Some(p);
    match (&req.method, rest) {
        (&M::GET, []) => {
            if !admin {
                return Err(forbidden("rule:get_quota"));
            }
            let list: Vec<Value> = net
                .st
                .quotas
                .keys()
                .map(|p| {
                    let mut q = quota_of(net.st, p);
                    if let Value::Object(o) = &mut q {
                        o.insert("project_id".into(), json!(p));
                        o.insert("tenant_id".into(), json!(p));
                    }
                    q
                })
                .collect();
            Ok(Reply::ok(json!({ "quotas": list })))
        }
        (&M::GET, ["tenant"]) => Ok(Reply::ok(json!({"tenant": {"tenant_id": net.project()}}))),
        (&M::GET, [p]) if own(p) => Ok(Reply::ok(json!({"quota": quota_of(net.st, p)}))),
        (&M::GET, [_, "default"]) => Ok(Reply::ok(
            json!({"quota": quota_of(&NetworkState::default(), "")}),
        )),
        (&M::GET, [p, "details"]) if own(p) => {
            let mut m = Map::new();
            for (res, _) in QUOTA_DEFAULTS {
                m.insert(
                    res.to_string(),
                    json!({"limit": quota_limit(net.st, p, res), "used": quota_usage(net.st, p, res), "reserved": 0}),
                );
            }
            Ok(Reply::ok(json!({ "quota": m })))
        }
        (&M::PUT, [p]) if admin => {
            let body = req.json().unwrap_or(Value::Null);
            let Some(given) = body.get("quota").and_then(Value::as_object) else {
                return Err(Fault::bad("Invalid input: quota is required"));
            };
            let mut entry = net.st.quotas.get(*p).cloned().unwrap_or_default();
            for (k, v) in given {
                if !QUOTA_DEFAULTS.iter().any(|(r, _)| r == k) {
                    return Err(Fault::bad(format!("Unrecognized attribute(s) '{k}'")));
                }
                let Some(n) = v
                    .as_i64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                else {
                    return Err(Fault::bad(format!(
                        "Invalid input for {k}. Reason: '{v}' is not an integer."
                    )));
                };
                if n < -1 {
                    return Err(Fault::bad(format!(
                        "Invalid input for {k}. Reason: '{n}' should be >= -1."
                    )));
                }
                let used = quota_usage(net.st, p, k);
                if n >= 0 && n < used {
                    return Err(Fault::bad(format!(
                        "Quota limit {n} for {k} must be greater than or equal to already used and reserved {used}."
                    )));
                }
                entry.insert(k.clone(), n);
            }
            net.st.quotas.insert(p.to_string(), entry);
            Ok(Reply::ok(json!({"quota": quota_of(net.st, p)})))
        }
        (&M::DELETE, [p]) if admin => {
            net.st.quotas.remove(*p);
            Ok(Reply::empty(204))
        }
        _ => Err(forbidden("rule:update_quota")),
    }
}

const EXTENSIONS: &[(&str, &str, &str)] = &[
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

fn extension(alias: &str, name: &str, description: &str) -> Value {
    json!({"alias": alias, "name": name, "description": description,
        "updated": "2013-01-20T00:00:00-00:00", "links": []})
}

fn ip_availability(st: &NetworkState, n: &Record) -> String {
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

fn raw_json(text: String) -> Reply {
    Reply {
        status: 200,
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: Some(Value::String(text)),
        data: None,
    }
}

/// The routes that are not plain collections; `None` for the others.
pub(crate) fn special(
    net: &mut Net<'_>,
    req: &Req,
    rest: &[&str],
    _url: &str,
) -> Result<Option<Reply>, Fault> {
    use http::Method as M;
    let m = &req.method;
    let reply = match rest {
        ["extensions"] if *m == M::GET => Reply::ok(json!({"extensions":
            EXTENSIONS.iter().map(|(a, n, d)| extension(a, n, d)).collect::<Vec<_>>()})),
        ["extensions", alias] if *m == M::GET => match EXTENSIONS.iter().find(|e| e.0 == *alias) {
            Some((a, n, d)) => Reply::ok(json!({"extension": extension(a, n, d)})),
            None => {
                return Err(Fault::new(
                    404,
                    "HTTPNotFound",
                    format!("Extension with alias {alias} does not exist"),
                ));
            }
        },
        ["quotas", more @ ..] => return quotas(net, req, more).map(Some),
        ["availability_zones"] if *m == M::GET => Reply::ok(json!({"availability_zones": []})),
        ["floatingip_pools"] if *m == M::GET => {
            let pools: Vec<Value> = net
                .st
                .coll(SUBNETS)
                .filter(|s| {
                    str_of(s, "network_id")
                        .and_then(|n| net.st.get(NETWORKS, n))
                        .is_some_and(|n| n.get("router:external") == Some(&json!(true)))
                })
                .map(|s| {
                    json!({"subnet_id": s.get("id"), "subnet_name": s.get("name"),
                    "network_id": s.get("network_id"), "cidr": s.get("cidr"),
                    "project_id": s.get("project_id"), "tenant_id": s.get("project_id")})
                })
                .collect();
            Reply::ok(json!({ "floatingip_pools": pools }))
        }
        ["network-ip-availabilities", more @ ..] if *m == M::GET => {
            if !net.ctx.is_admin() {
                return Err(forbidden("rule:get_network_ip_availability"));
            }
            let nets: Vec<&Record> = net
                .st
                .coll(NETWORKS)
                .filter(|n| crate::records::filter_matches(n, &req.query, &[]))
                .filter(
                    |n| match req.query.iter().find(|(k, _)| k == "network_id") {
                        Some((_, id)) => str_of(n, "id") == Some(id),
                        None => true,
                    },
                )
                .collect();
            match more {
                [] => raw_json(format!(
                    r#"{{"network_ip_availabilities":[{}]}}"#,
                    nets.iter()
                        .map(|n| ip_availability(net.st, n))
                        .collect::<Vec<_>>()
                        .join(",")
                )),
                [id] => match net.st.get(NETWORKS, id) {
                    Some(n) => raw_json(format!(
                        r#"{{"network_ip_availability":{}}}"#,
                        ip_availability(net.st, n)
                    )),
                    None => return Err(nf("Network", id)),
                },
                _ => return Ok(None),
            }
        }
        ["routers", id, action] if *m == M::PUT => {
            return router_action(net, req, id, action).map(Some);
        }
        [
            "trunks",
            id,
            action @ ("add_subports" | "remove_subports" | "get_subports"),
        ] => {
            return trunk_action(net, req, id, action).map(Some);
        }
        ["auto-allocated-topology", project] => {
            return auto_topology(net, req, project).map(Some);
        }
        ["subnetpools", id, action] if *m == M::PUT => {
            return pool_action(net, req, id, action).map(Some);
        }
        [parent, pid, child, more @ ..] if more.len() <= 1 => {
            let Some(c) = CHILDREN
                .iter()
                .find(|c| c.parent_path == *parent && c.path == *child)
            else {
                return Ok(None);
            };
            return child_route(net, req, c, pid, more.first().copied()).map(Some);
        }
        _ => return Ok(None),
    };
    Ok(Some(reply))
}

/// The devcloud's networks: the external `public` (flat, 172.24.4.0/24) and, in the
/// demo project, `private` (10.0.0.0/26) behind `router1`.
pub(crate) fn seed(admin_project: &str, demo_project: &str, now: &str) -> NetworkState {
    let mut st = NetworkState::default();
    let ctx = Ctx {
        user_id: String::new(),
        scope: crate::state::TokenScope::Project(admin_project.to_string()),
        roles: vec!["admin".into(), "service".into()],
    };
    let mut net = Net {
        st: &mut st,
        ctx: &ctx,
        now: now.to_string(),
    };
    let _ = seed_into(&mut net, admin_project, demo_project);
    st
}

fn seed_into(net: &mut Net<'_>, admin: &str, demo: &str) -> Result<(), Fault> {
    let make =
        |net: &mut Net<'_>, plural: &str, project: &str, body: Value| -> Result<Record, Fault> {
            let k = kind(plural);
            let mut r = net.standard(project);
            r.extend(body.as_object().cloned().unwrap_or_default());
            let mut r = (k.create)(net, r)?;
            r.insert("revision_number".into(), json!(1));
            net.st.insert(k.plural, r.clone());
            Ok(r)
        };
    ensure_default_group(net, admin);
    ensure_default_group(net, demo);
    let public = make(
        net,
        NETWORKS,
        admin,
        json!({"name": "public", "router:external": true,
        "provider:network_type": "flat", "provider:physical_network": "public"}),
    )?;
    let pid = str_of(&public, "id").unwrap_or_default().to_string();
    make(
        net,
        SUBNETS,
        admin,
        json!({"network_id": pid, "name": "public-subnet",
        "cidr": "172.24.4.0/24", "ip_version": 4, "gateway_ip": "172.24.4.1",
        "enable_dhcp": false}),
    )?;
    let private = make(net, NETWORKS, demo, json!({"name": "private"}))?;
    let private_id = str_of(&private, "id").unwrap_or_default().to_string();
    let sub = make(
        net,
        SUBNETS,
        demo,
        json!({"network_id": private_id, "name": "private-subnet",
        "cidr": "10.0.0.0/26", "ip_version": 4}),
    )?;
    let router = make(
        net,
        ROUTERS,
        demo,
        json!({"name": "router1",
        "external_gateway_info": {"network_id": pid}}),
    )?;
    add_interface(net, &router, &json!({"subnet_id": sub.get("id")}))?;
    Ok(())
}
