//! Trunks and their subports.

use super::*;

/// The trunk whose parent or subport a port is, if any.
pub(super) fn trunk_of(st: &NetworkState, port: &str) -> Option<String> {
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
pub(super) fn check_subports(
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

pub(super) fn create_trunk(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
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
pub(super) fn trunk_action(
    net: &mut Net<'_>,
    req: &Req,
    id: &str,
    action: &str,
) -> Result<Reply, Fault> {
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
