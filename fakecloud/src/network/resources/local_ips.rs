//! Local IPs.

use super::*;

/// A local IP: an address of a network, held by a port of its own.
pub(super) fn create_local_ip(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
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

pub(super) fn delete_local_ip(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    let id = str_of(r, "id").unwrap_or_default();
    if let Some(c) = net.st.colls.get_mut("port_associations") {
        c.0.retain(|a| str_of(a, "local_ip_id") != Some(id));
    }
    if let Some(p) = str_of(r, "local_port_id") {
        net.st.remove(PORTS, p);
    }
    Ok(())
}
