//! Nova's network proxies (to 2.35): `os-security-groups`, `os-security-group-rules`,
//! `os-floating-ips`, `os-floating-ip-pools` and `os-tenant-networks`, each a
//! translation of Neutron's own API over the same records.

use chrono::{DateTime, Utc};
use http::Method;
use serde_json::{Value, json};

use super::{Net, NetworkState, dispatch, ensure_default_group};
use crate::compute::fault;
use crate::http_util::{Ctx, Reply, Req};
use crate::records::{Collections, Record, str_of};

/// Calls Neutron's API on the caller's behalf: the answer's status and body.
fn neutron(
    st: &mut NetworkState,
    ctx: &Ctx,
    now: DateTime<Utc>,
    method: Method,
    path: &[&str],
    body: Option<Value>,
) -> (u16, Value) {
    let segs: Vec<&str> = ["network", "v2.0"].iter().chain(path).copied().collect();
    let req = crate::records::internal_request(method, &segs, body);
    let mut net = Net {
        st,
        ctx,
        now: now.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    };
    if let Some(p) = ctx.project_id() {
        ensure_default_group(&mut net, p);
    }
    crate::records::outcome(dispatch(&mut net, &req, path, String::new()))
}

fn message(body: &Value) -> String {
    body["message"].as_str().unwrap_or_default().to_string()
}

fn rule_json(st: &NetworkState, r: &Value) -> Value {
    let group = r["remote_group_id"]
        .as_str()
        .and_then(|g| st.get("security_groups", g))
        .map_or(
            json!({}),
            |g| json!({"name": g.get("name"), "tenant_id": g.get("project_id")}),
        );
    let ip_range = r["remote_ip_prefix"]
        .as_str()
        .map_or(json!({}), |c| json!({ "cidr": c }));
    let icmp = r["protocol"].as_str() == Some("icmp");
    let port = |k: &str| match &r[k] {
        Value::Null if icmp => json!(-1),
        v => v.clone(),
    };
    json!({"id": r["id"], "parent_group_id": r["security_group_id"], "ip_protocol": r["protocol"],
        "from_port": port("port_range_min"), "to_port": port("port_range_max"),
        "group": group, "ip_range": ip_range})
}

fn group_json(st: &NetworkState, g: &Value) -> Value {
    let rules: Vec<Value> = g["security_group_rules"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["direction"] == "ingress" && r["ethertype"] == "IPv4")
        .map(|r| rule_json(st, r))
        .collect();
    json!({"id": g["id"], "name": g["name"], "description": g["description"],
        "tenant_id": g["project_id"], "rules": rules})
}

/// A server's security group by name, in its project, as Nova shows it.
pub(crate) fn server_group(
    st: &mut NetworkState,
    ctx: &Ctx,
    project: &str,
    name: &str,
    now: DateTime<Utc>,
) -> Value {
    let (_, all) = neutron(st, ctx, now, Method::GET, &["security-groups"], None);
    let found = all["security_groups"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|g| g["project_id"] == project && g["name"] == name)
        .cloned();
    match found {
        Some(g) => group_json(st, &g),
        None => json!({"name": name, "description": "", "tenant_id": project, "rules": []}),
    }
}

/// `os-security-groups` and (with `rules`) `os-security-group-rules`.
pub(crate) fn security_groups(
    st: &mut NetworkState,
    ctx: &Ctx,
    req: &Req,
    rules: bool,
    rest: &[&str],
    now: DateTime<Utc>,
) -> Reply {
    let project = ctx.project_id().unwrap_or_default().to_string();
    let body = req.json().unwrap_or_default();
    if rules {
        return match (&req.method, rest) {
            (&Method::POST, []) => {
                let o = &body["security_group_rule"];
                let Some(parent) = o["parent_group_id"].as_str() else {
                    return fault(400, "Invalid input for field/attribute parent_group_id.");
                };
                let protocol = o["ip_protocol"].as_str().map(str::to_ascii_lowercase);
                if protocol
                    .as_deref()
                    .is_some_and(|p| !matches!(p, "tcp" | "udp" | "icmp"))
                {
                    return fault(400, "Invalid IP protocol.");
                }
                let port = |k: &str| {
                    o[k].as_i64()
                        .or_else(|| o[k].as_str().and_then(|v| v.parse().ok()))
                        .filter(|p| *p >= 0)
                };
                let group = o["group_id"].as_str();
                let cidr = match group {
                    Some(_) => Value::Null,
                    None => json!(o["cidr"].as_str().unwrap_or("0.0.0.0/0")),
                };
                let rule = json!({"security_group_rule": {"security_group_id": parent,
                    "direction": "ingress", "ethertype": "IPv4", "protocol": protocol,
                    "port_range_min": port("from_port"), "port_range_max": port("to_port"),
                    "remote_ip_prefix": cidr, "remote_group_id": group}});
                let (status, out) = neutron(
                    st,
                    ctx,
                    now,
                    Method::POST,
                    &["security-group-rules"],
                    Some(rule),
                );
                match status {
                    201 => Reply::ok(
                        json!({"security_group_rule": rule_json(st, &out["security_group_rule"])}),
                    ),
                    404 => fault(404, &format!("Security group {parent} not found.")),
                    409 => fault(400, &format!("This rule already exists in group {parent}")),
                    s => fault(s, &message(&out)),
                }
            }
            (&Method::DELETE, [id]) => {
                match neutron(
                    st,
                    ctx,
                    now,
                    Method::DELETE,
                    &["security-group-rules", id],
                    None,
                ) {
                    (204, _) => Reply::empty(202),
                    (404, _) => fault(404, &format!("Rule ({id}) not found")),
                    (s, out) => fault(s, &message(&out)),
                }
            }
            _ => fault(405, "The method is not allowed for the requested URL."),
        };
    }
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let all = ctx.is_admin()
                && req
                    .q("all_tenants")
                    .is_some_and(|v| v != "0" && v != "false");
            let (_, out) = neutron(st, ctx, now, Method::GET, &["security-groups"], None);
            let rows: Vec<Value> = out["security_groups"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|g| all || g["project_id"] == project.as_str())
                .map(|g| group_json(st, g))
                .collect();
            Reply::ok(json!({ "security_groups": rows }))
        }
        (&Method::POST, []) => {
            let o = &body["security_group"];
            let Some(name) = o["name"].as_str().filter(|n| !n.is_empty()) else {
                return fault(400, "Security group name is required.");
            };
            let group = json!({"security_group": {"name": name,
                "description": o["description"].as_str().unwrap_or_default()}});
            let (status, out) = neutron(
                st,
                ctx,
                now,
                Method::POST,
                &["security-groups"],
                Some(group),
            );
            match status {
                201 => Reply::ok(json!({"security_group": group_json(st, &out["security_group"])})),
                s => fault(if s == 409 { 400 } else { s }, &message(&out)),
            }
        }
        (m, [id]) => {
            let (status, out) = match *m {
                Method::GET => neutron(st, ctx, now, Method::GET, &["security-groups", id], None),
                Method::PUT => {
                    let o = &body["security_group"];
                    let mut changes = serde_json::Map::new();
                    for k in ["name", "description"] {
                        if let Some(v) = o.get(k) {
                            changes.insert(k.into(), v.clone());
                        }
                    }
                    let body = json!({ "security_group": changes });
                    neutron(
                        st,
                        ctx,
                        now,
                        Method::PUT,
                        &["security-groups", id],
                        Some(body),
                    )
                }
                Method::DELETE => {
                    neutron(st, ctx, now, Method::DELETE, &["security-groups", id], None)
                }
                _ => return fault(405, "The method is not allowed for the requested URL."),
            };
            match status {
                200 => Reply::ok(json!({"security_group": group_json(st, &out["security_group"])})),
                204 => Reply::empty(202),
                404 => fault(404, &format!("Security group {id} not found.")),
                s => fault(if s == 409 { 400 } else { s }, &message(&out)),
            }
        }
        _ => fault(404, "The resource could not be found."),
    }
}

fn fip_json(st: &NetworkState, f: &Value) -> Value {
    let pool = f["floating_network_id"]
        .as_str()
        .and_then(|n| st.get("networks", n))
        .and_then(|n| str_of(n, "name"))
        .unwrap_or("public");
    let instance = f["port_id"]
        .as_str()
        .and_then(|p| st.get("ports", p))
        .and_then(|p| str_of(p, "device_id"))
        .filter(|d| !d.is_empty());
    json!({"id": f["id"], "ip": f["floating_ip_address"], "fixed_ip": f["fixed_ip_address"],
        "instance_id": instance, "pool": pool})
}

fn external(st: &NetworkState) -> impl Iterator<Item = &Record> {
    st.coll("networks")
        .filter(|n| n.get("router:external") == Some(&json!(true)))
}

/// `os-floating-ip-pools`: the external networks.
pub(crate) fn floating_ip_pools(st: &NetworkState) -> Reply {
    let pools: Vec<Value> = external(st)
        .map(|n| json!({"name": n.get("name")}))
        .collect();
    Reply::ok(json!({ "floating_ip_pools": pools }))
}

/// `os-floating-ips`: the project's floating IPs.
pub(crate) fn floating_ips(
    st: &mut NetworkState,
    ctx: &Ctx,
    req: &Req,
    rest: &[&str],
    now: DateTime<Utc>,
) -> Reply {
    let project = ctx.project_id().unwrap_or_default().to_string();
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let (_, out) = neutron(st, ctx, now, Method::GET, &["floatingips"], None);
            let rows: Vec<Value> = out["floatingips"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|f| f["project_id"] == project.as_str())
                .map(|f| fip_json(st, f))
                .collect();
            Reply::ok(json!({ "floating_ips": rows }))
        }
        (&Method::POST, []) => {
            let pool = req
                .json()
                .and_then(|b| b["pool"].as_str().map(str::to_string))
                .unwrap_or_else(|| "public".into());
            let network = external(st)
                .find(|n| str_of(n, "name") == Some(pool.as_str()))
                .and_then(|n| str_of(n, "id").map(str::to_string));
            let Some(network) = network else {
                return fault(404, &format!("Floating IP pool not found: {pool}"));
            };
            let body = json!({"floatingip": {"floating_network_id": network}});
            match neutron(st, ctx, now, Method::POST, &["floatingips"], Some(body)) {
                (201, out) => Reply::ok(json!({"floating_ip": fip_json(st, &out["floatingip"])})),
                (s, out) => fault(if s == 409 { 400 } else { s }, &message(&out)),
            }
        }
        (m @ (&Method::GET | &Method::DELETE), [id]) => {
            match neutron(st, ctx, now, m.clone(), &["floatingips", id], None) {
                (200, out) => Reply::ok(json!({"floating_ip": fip_json(st, &out["floatingip"])})),
                (204, _) => Reply::empty(202),
                (404, _) => fault(404, &format!("Floating IP not found for ID {id}")),
                (s, out) => fault(s, &message(&out)),
            }
        }
        _ => fault(405, "The method is not allowed for the requested URL."),
    }
}

/// `os-tenant-networks`: the networks the project may boot on (creating and deleting
/// answer `410`).
pub(crate) fn tenant_networks(st: &NetworkState, ctx: &Ctx, req: &Req, rest: &[&str]) -> Reply {
    let kind = super::resources::KINDS
        .iter()
        .find(|k| k.plural == "networks")
        .unwrap_or(&super::resources::KINDS[0]);
    let project = ctx.project_id().unwrap_or_default();
    let nets: Vec<Value> = st
        .coll("networks")
        .filter(|n| n.get("router:external") != Some(&json!(true)))
        .filter(|n| {
            str_of(n, "project_id") == Some(project)
                || (!ctx.is_admin() && super::visible(st, ctx, kind, n))
        })
        // Nova no longer knows the CIDRs of Neutron's networks.
        .map(|n| json!({"id": n.get("id"), "label": n.get("name"), "cidr": "None"}))
        .collect();
    match (&req.method, rest) {
        (&Method::GET, []) => Reply::ok(json!({ "networks": nets })),
        (&Method::GET, [id]) => match nets.iter().find(|n| n["id"] == *id) {
            Some(n) => Reply::ok(json!({ "network": n })),
            None => fault(404, &format!("Network {id} could not be found.")),
        },
        (&Method::POST, []) | (&Method::DELETE, [_]) => fault(
            410,
            "This API is not available: Nova no longer manages networks (Neutron does).",
        ),
        _ => fault(405, "The method is not allowed for the requested URL."),
    }
}
