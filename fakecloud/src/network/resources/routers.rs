//! Routers: external gateways, interfaces, routes and their actions.

use super::*;

pub(super) fn router_ports<'a>(
    st: &'a NetworkState,
    router: &'a str,
    owner: &'a str,
) -> impl Iterator<Item = &'a Record> {
    st.coll(PORTS).filter(move |p| {
        str_of(p, "device_id") == Some(router) && str_of(p, "device_owner") == Some(owner)
    })
}

pub(super) fn set_gateway(net: &mut Net<'_>, r: &mut Record, info: &Value) -> Result<(), Fault> {
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

pub(super) fn clear_gateway(net: &mut Net<'_>, r: &mut Record) -> Result<(), Fault> {
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

pub(super) fn create_router(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
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

pub(super) fn update_router(
    net: &mut Net<'_>,
    mut r: Record,
    mut changes: Record,
) -> Result<Record, Fault> {
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

pub(super) fn check_routes(routes: &Value) -> Result<(), Fault> {
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

pub(super) fn delete_router(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
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

pub(super) fn view_router(st: &NetworkState, _: &Ctx, r: &Record) -> Record {
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

pub(super) fn interface_answer(router: &Record, port: &Record) -> Value {
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

pub(super) fn remove_interface(
    net: &mut Net<'_>,
    router: &Record,
    body: &Value,
) -> Result<Value, Fault> {
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

pub(super) fn router_action(
    net: &mut Net<'_>,
    req: &Req,
    id: &str,
    action: &str,
) -> Result<Reply, Fault> {
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
            return Err(no_route());
        }
    };
    let now = net.now.clone();
    if let Some(r) = net.st.get_mut(ROUTERS, id) {
        touch(r, &now);
    }
    Ok(Reply::ok(answer))
}
