//! Ports: addresses, port security, bindings and the ports services make for themselves.

use super::*;

pub(super) fn default_group(st: &NetworkState, project: &str) -> Option<String> {
    st.coll(GROUPS)
        .find(|g| str_of(g, "name") == Some("default") && str_of(g, "project_id") == Some(project))
        .and_then(|g| str_of(g, "id").map(str::to_string))
}

/// Security groups, address pairs and DHCP options of a port, checked together.
pub(super) fn port_security(
    net: &mut Net<'_>,
    r: &mut Record,
    creating: bool,
) -> Result<(), Fault> {
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

pub(super) fn bind(r: &mut Record) {
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

pub(super) fn create_port(net: &mut Net<'_>, mut r: Record) -> Result<Record, Fault> {
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

pub(super) fn update_port(
    net: &mut Net<'_>,
    mut r: Record,
    changes: Record,
) -> Result<Record, Fault> {
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

pub(super) fn delete_port(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
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

pub(super) fn view_port(st: &NetworkState, ctx: &Ctx, r: &Record) -> Record {
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
pub(super) fn service_port(
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
