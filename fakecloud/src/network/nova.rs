//! Nova's side of networking: the ports a server boots with, its interfaces
//! (`os-interface`) and its addresses, all Neutron ports.

use chrono::{DateTime, Utc};
use http::Method;
use serde_json::{Value, json};

use super::{Net, NetworkState, create_one, resources::KINDS, touch, visible};
use crate::compute::fault;
use crate::http_util::{Ctx, Reply, Req};
use crate::records::{Collections, Fault, Record, str_of};
use crate::state::{Address, State};

const PORTS: &str = "ports";
const NETWORKS: &str = "networks";

fn kind(plural: &str) -> &'static super::Kind {
    KINDS
        .iter()
        .find(|k| k.plural == plural)
        .unwrap_or(&KINDS[0])
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The network `auto` picks for a project: its own (not external), else a shared one,
/// else the devcloud's `private`.
fn auto_network(st: &NetworkState, project: &str) -> Option<String> {
    let internal = |n: &&Record| n.get("router:external") != Some(&json!(true));
    let pick = |f: &dyn Fn(&Record) -> bool| {
        st.coll(NETWORKS)
            .filter(internal)
            .filter(|n| {
                st.coll("subnets")
                    .any(|s| str_of(s, "network_id") == str_of(n, "id"))
            })
            .find(|n| f(n))
            .and_then(|n| str_of(n, "id").map(str::to_string))
    };
    pick(&|n| str_of(n, "project_id") == Some(project))
        .or_else(|| pick(&|n| n.get("shared") == Some(&json!(true))))
        .or_else(|| pick(&|n| str_of(n, "name") == Some("private")))
}

/// Binds a port to a server on the one compute host.
fn bind(st: &mut NetworkState, port: &str, server: &str, now: &str) {
    if let Some(p) = st.get_mut(PORTS, port) {
        p.insert("device_id".into(), json!(server));
        p.insert("device_owner".into(), json!("compute:nova"));
        p.insert("binding:host_id".into(), json!(crate::compute::HOST));
        p.insert("binding:vif_type".into(), json!("ovs"));
        p.insert("status".into(), json!("ACTIVE"));
        touch(p, now);
    }
}

/// Makes a port on a network for a server (Nova's own: deleted with the server).
fn nova_port(
    st: &mut NetworkState,
    ctx: &Ctx,
    project: &str,
    network: &str,
    server: &str,
    fixed: Option<&Value>,
    now: &str,
) -> Result<String, Fault> {
    let now = now.to_string();
    let mut net = Net {
        st,
        ctx,
        now: now.clone(),
    };
    let mut body = serde_json::Map::new();
    body.insert("network_id".into(), json!(network));
    body.insert("project_id".into(), json!(project));
    if let Some(f) = fixed {
        body.insert("fixed_ips".into(), f.clone());
    }
    let id = create_one(&mut net, kind(PORTS), body)?;
    bind(st, &id, server, &now);
    st.nova.insert(id.clone(), (true, None));
    Ok(id)
}

/// The ports a new server gets from its `networks` (`auto`, or a list of `uuid`,
/// `port` and `fixed_ip`): `Ok(false)` when there is no network to use.
pub(crate) fn boot_ports(
    state: &mut State,
    ctx: &Ctx,
    project: &str,
    server: &str,
    networks: Option<&Value>,
    at: DateTime<Utc>,
) -> Result<bool, Reply> {
    let now = stamp(at);
    let st = &mut state.network;
    let wanted: Vec<(Option<String>, Option<String>, Option<String>)> =
        match networks.and_then(Value::as_array) {
            Some(list) => list
                .iter()
                .map(|n| {
                    let s = |k: &str| n.get(k).and_then(Value::as_str).map(str::to_string);
                    (s("uuid"), s("port"), s("fixed_ip"))
                })
                .collect(),
            None => match auto_network(st, project) {
                Some(n) => vec![(Some(n), None, None)],
                None => return Ok(false),
            },
        };
    for (uuid, port, fixed) in wanted {
        if let Some(p) = port {
            let Some(r) = st
                .get(PORTS, &p)
                .filter(|r| visible(st, ctx, kind(PORTS), r))
                .cloned()
            else {
                return Err(fault(400, &format!("Port id {p} could not be found.")));
            };
            if str_of(&r, "device_id").is_some_and(|d| !d.is_empty()) {
                return Err(fault(409, &format!("Port {p} is still in use.")));
            }
            bind(st, &p, server, &now);
            st.nova.insert(p, (false, None));
            continue;
        }
        let Some(n) = uuid else {
            return Err(fault(
                400,
                "Bad networks format: network uuid is not in proper format",
            ));
        };
        if !st
            .get(NETWORKS, &n)
            .is_some_and(|r| visible(st, ctx, kind(NETWORKS), r))
        {
            return Err(fault(400, &format!("Network {n} could not be found.")));
        }
        let fixed = fixed.map(|ip| json!([{ "ip_address": ip }]));
        if let Err(f) = nova_port(st, ctx, project, &n, server, fixed.as_ref(), &now) {
            return Err(fault(if f.status == 409 { 409 } else { 400 }, &f.message));
        }
    }
    Ok(true)
}

/// A server's addresses, from the ports bound to it, by network name.
pub(crate) fn addresses(st: &NetworkState, server: &str) -> Vec<Address> {
    st.coll(PORTS)
        .filter(|p| str_of(p, "device_id") == Some(server))
        .flat_map(|p| {
            let label = str_of(p, "network_id")
                .and_then(|n| st.get(NETWORKS, n))
                .and_then(|n| str_of(n, "name"))
                .unwrap_or_default()
                .to_string();
            let mac = str_of(p, "mac_address").unwrap_or_default().to_string();
            p.get("fixed_ips")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|f| f.get("ip_address").and_then(Value::as_str))
                .map(|ip| Address {
                    network: label.clone(),
                    addr: ip.to_string(),
                    version: if ip.contains(':') { 6 } else { 4 },
                    mac: mac.clone(),
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Frees a deleted server's ports: Nova's own go, the user's are unbound.
pub(crate) fn release_server(st: &mut NetworkState, server: &str, at: DateTime<Utc>) {
    let now = stamp(at);
    let bound: Vec<String> = st
        .coll(PORTS)
        .filter(|p| str_of(p, "device_id") == Some(server))
        .filter_map(|p| str_of(p, "id").map(str::to_string))
        .collect();
    for id in bound {
        unplug(st, &id, &now);
    }
}

fn unplug(st: &mut NetworkState, port: &str, now: &str) {
    let created = st.nova.remove(port).is_some_and(|(c, _)| c);
    if created {
        st.remove(PORTS, port);
        return;
    }
    if let Some(p) = st.get_mut(PORTS, port) {
        for (k, v) in [
            ("device_id", json!("")),
            ("device_owner", json!("")),
            ("binding:host_id", json!("")),
            ("binding:vif_type", json!("unbound")),
            ("status", json!("DOWN")),
        ] {
            p.insert(k.into(), v);
        }
        touch(p, now);
    }
}

fn interface(st: &NetworkState, p: &Record, minor: u32) -> Value {
    let id = str_of(p, "id").unwrap_or_default();
    let mut v = json!({"port_id": id, "net_id": p.get("network_id"),
        "mac_addr": p.get("mac_address"), "port_state": p.get("status"),
        "fixed_ips": p.get("fixed_ips").cloned().unwrap_or(json!([]))});
    if minor >= 70 {
        v["tag"] = st
            .nova
            .get(id)
            .and_then(|n| n.1.clone())
            .map_or(Value::Null, |t| json!(t));
    }
    v
}

/// `/servers/{id}/os-interface[/{port_id}]`. Answers the reply and whether the
/// server's addresses changed.
pub(crate) fn interfaces(
    state: &mut State,
    ctx: &Ctx,
    req: &Req,
    (server, project): (&str, &str),
    minor: u32,
    rest: &[&str],
    at: DateTime<Utc>,
) -> (Reply, bool) {
    let now = stamp(at);
    let st = &mut state.network;
    let mine = |st: &NetworkState, port: &str| {
        st.get(PORTS, port)
            .filter(|p| str_of(p, "device_id") == Some(server))
            .cloned()
    };
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let all: Vec<Value> = st
                .coll(PORTS)
                .filter(|p| str_of(p, "device_id") == Some(server))
                .map(|p| interface(st, p, minor))
                .collect();
            (Reply::ok(json!({ "interfaceAttachments": all })), false)
        }
        (&Method::GET, [port]) => match mine(st, port) {
            Some(p) => (
                Reply::ok(json!({"interfaceAttachment": interface(st, &p, minor)})),
                false,
            ),
            None => (fault(404, &format!("Port {port} is not attached")), false),
        },
        (&Method::POST, []) => {
            let body = req.json().unwrap_or(Value::Null);
            let a = body
                .get("interfaceAttachment")
                .cloned()
                .unwrap_or(json!({}));
            let tag = a.get("tag").and_then(Value::as_str).map(str::to_string);
            let s = |k: &str| a.get(k).and_then(Value::as_str).map(str::to_string);
            let port = match (s("port_id"), s("net_id")) {
                (Some(_), Some(_)) => {
                    return (
                        fault(400, "Must not input both network_id and port_id"),
                        false,
                    );
                }
                (Some(p), None) => {
                    let Some(r) = st
                        .get(PORTS, &p)
                        .filter(|r| visible(st, ctx, kind(PORTS), r))
                        .cloned()
                    else {
                        return (fault(404, &format!("Port {p} could not be found.")), false);
                    };
                    if str_of(&r, "device_id").is_some_and(|d| !d.is_empty()) {
                        return (fault(409, &format!("Port {p} is still in use.")), false);
                    }
                    bind(st, &p, server, &now);
                    st.nova.insert(p.clone(), (false, tag));
                    p
                }
                (None, net) => {
                    let Some(n) = net.or_else(|| auto_network(st, project)) else {
                        return (fault(400, "No network to attach to."), false);
                    };
                    if !st
                        .get(NETWORKS, &n)
                        .is_some_and(|r| visible(st, ctx, kind(NETWORKS), r))
                    {
                        return (
                            fault(404, &format!("Network {n} could not be found.")),
                            false,
                        );
                    }
                    match nova_port(st, ctx, project, &n, server, a.get("fixed_ips"), &now) {
                        Ok(p) => {
                            st.nova.insert(p.clone(), (true, tag));
                            p
                        }
                        Err(f) => {
                            return (
                                fault(if f.status == 409 { 409 } else { 400 }, &f.message),
                                false,
                            );
                        }
                    }
                }
            };
            match mine(st, &port) {
                Some(p) => (
                    Reply::ok(json!({"interfaceAttachment": interface(st, &p, minor)})),
                    true,
                ),
                None => (fault(500, "The port was lost."), false),
            }
        }
        (&Method::DELETE, [port]) => {
            if mine(st, port).is_none() {
                return (fault(404, &format!("Port {port} is not attached")), false);
            }
            unplug(st, port, &now);
            (Reply::empty(202), true)
        }
        _ => (fault(404, "The resource could not be found."), false),
    }
}
