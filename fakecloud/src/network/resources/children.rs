//! Resources under another: conntrack helpers under routers, port forwardings under floating IPs.

use super::*;

/// A resource that lives under another (conntrack helpers under routers, port
/// forwardings under floating IPs).
pub(super) struct Child {
    pub(super) parent_path: &'static str,
    pub(super) parent: &'static str,
    /// The attribute naming the parent in the stored record.
    pub(super) parent_key: &'static str,
    pub(super) path: &'static str,
    pub(super) singular: &'static str,
    pub(super) noun: &'static str,
    /// Validates a record and fills what it derives from its parent.
    pub(super) check: fn(&NetworkState, &Record, &mut Record) -> Result<(), Fault>,
    /// Attributes kept but not shown.
    pub(super) hidden: &'static [&'static str],
}

pub(super) static CHILDREN: &[Child] = &[
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
pub(super) fn check_association(
    st: &NetworkState,
    parent: &Record,
    r: &mut Record,
) -> Result<(), Fault> {
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

pub(super) fn check_helper(_: &NetworkState, _: &Record, r: &mut Record) -> Result<(), Fault> {
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

pub(super) fn check_forwarding(st: &NetworkState, _: &Record, r: &mut Record) -> Result<(), Fault> {
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

pub(super) fn child_view(c: &Child, r: &Record) -> Value {
    let mut v = r.clone();
    v.retain(|k, _| !c.hidden.contains(&k.as_str()));
    Value::Object(v)
}

pub(super) fn child_route(
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
