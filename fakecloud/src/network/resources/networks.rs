//! Networks: the provider attributes, sharing and the external flag.

use super::*;

pub(super) fn network_public(_: &NetworkState, r: &Record) -> bool {
    r.get("shared").and_then(Value::as_bool) == Some(true)
        || r.get("router:external").and_then(Value::as_bool) == Some(true)
}

pub(super) fn create_network(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
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

pub(super) fn merge_network(
    net: &mut Net<'_>,
    r: Record,
    changes: Record,
) -> Result<Record, Fault> {
    if !net.ctx.is_admin()
        && ["router:external", "shared", "provider:segmentation_id"]
            .iter()
            .any(|k| changes.contains_key(*k))
    {
        return Err(forbidden("rule:update_network:router:external"));
    }
    merge(net, r, changes)
}

pub(super) fn delete_network(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
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

pub(super) fn view_network(st: &NetworkState, ctx: &Ctx, r: &Record) -> Record {
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
