//! Neutron's resources, declared over the generic collection of `network/mod.rs` (the
//! `KINDS` table here), with the listing filters the collection cannot read and the
//! routes that are not plain collections (`special`). Each resource's defaults,
//! validation and side effects are in its own file: networks, subnets (and the
//! addresses ports take from them), ports, routers, floating IPs, security groups,
//! subnet pools and address scopes, resources under another (`children`), local IPs,
//! the auto-allocated topology, NDP proxies, trunks, quotas and extensions.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use super::ipam::{Cidr, fmt_ip, merge_cidrs, parse_ip};
use super::{Kind, Net, NetworkState, create_one, find, no_route, touch, visible};
use crate::http_util::{Ctx, Reply, Req};
use crate::records::{Collections, Fault, Record, str_of, with_defaults};

mod auto_topology;
mod children;
mod extensions;
mod floating_ips;
mod local_ips;
mod ndp_proxies;
mod networks;
mod ports;
mod quotas;
mod routers;
mod security_groups;
mod subnet_pools;
mod subnets;
mod trunks;

use auto_topology::*;
use children::*;
use floating_ips::*;
use local_ips::*;
use ndp_proxies::*;
use networks::*;
use ports::*;
use routers::*;
use security_groups::*;
use subnet_pools::*;
use subnets::*;
use trunks::*;

use extensions::*;
pub(crate) use quotas::quota_limit;
use quotas::*;
pub(crate) use routers::{add_interface, bumps_before_if_match};
pub(crate) use security_groups::ensure_default_group;

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
