//! Floating IPs: allocation on external networks and association through routers.

use super::*;

pub(super) fn associate(
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

pub(super) fn create_fip(net: &mut Net<'_>, mut r: Record) -> Result<Record, Fault> {
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

pub(super) fn update_fip(
    net: &mut Net<'_>,
    mut r: Record,
    mut changes: Record,
) -> Result<Record, Fault> {
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

pub(super) fn delete_fip(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
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
