//! Security groups, their rules and the default rule templates.

use super::*;

pub(super) fn builtin_templates() -> Vec<Record> {
    let t = |eth: &str, dir: &str, remote: Value, default: bool, other: bool| {
        let mut r = Map::new();
        r.extend(
            json!({"id": crate::ids::uuid(), "direction": dir, "ethertype": eth,
                "protocol": null, "port_range_min": null, "port_range_max": null,
                "remote_ip_prefix": null, "remote_group_id": remote,
                "remote_address_group_id": null, "description": "",
                "used_in_default_sg": default, "used_in_non_default_sg": other})
            .as_object()
            .cloned()
            .unwrap_or_default(),
        );
        r
    };
    vec![
        t("IPv4", "egress", Value::Null, true, true),
        t("IPv6", "egress", Value::Null, true, true),
        t("IPv4", "ingress", json!(PARENT), true, false),
        t("IPv6", "ingress", json!(PARENT), true, false),
    ]
}

/// The rules a new group takes from the templates.
pub(super) fn rules_from_templates(net: &mut Net<'_>, group: &Record, default: bool) {
    if !net.st.colls.contains_key(TEMPLATES) {
        for t in builtin_templates() {
            net.st.insert(TEMPLATES, t);
        }
    }
    let gid = str_of(group, "id").unwrap_or_default().to_string();
    let project = str_of(group, "project_id").unwrap_or_default().to_string();
    let key = if default {
        "used_in_default_sg"
    } else {
        "used_in_non_default_sg"
    };
    let templates: Vec<Record> = net
        .st
        .coll(TEMPLATES)
        .filter(|t| t.get(key).and_then(Value::as_bool) == Some(true))
        .cloned()
        .collect();
    for t in templates {
        let mut rule = net.standard(&project);
        rule.remove("tags");
        for k in [
            "direction",
            "ethertype",
            "protocol",
            "port_range_min",
            "port_range_max",
            "remote_ip_prefix",
            "remote_address_group_id",
        ] {
            rule.insert(k.into(), t.get(k).cloned().unwrap_or(Value::Null));
        }
        let remote = match str_of(&t, "remote_group_id") {
            Some(PARENT) => json!(gid),
            Some(other) => json!(other),
            None => Value::Null,
        };
        rule.insert("remote_group_id".into(), remote);
        rule.insert(
            "normalized_cidr".into(),
            normalized(rule.get("remote_ip_prefix")),
        );
        rule.insert("security_group_id".into(), json!(gid));
        rule.insert("belongs_to_default_sg".into(), json!(default));
        rule.insert("revision_number".into(), json!(0));
        net.st.insert(RULES, rule);
    }
}

pub(super) fn normalized(prefix: Option<&Value>) -> Value {
    prefix
        .and_then(Value::as_str)
        .and_then(Cidr::parse)
        .map_or(Value::Null, |c| json!(c.to_text()))
}

/// Makes the project's `default` security group, with its rules, if it has none.
pub(crate) fn ensure_default_group(net: &mut Net<'_>, project: &str) {
    if project.is_empty() || default_group(net.st, project).is_some() {
        return;
    }
    let mut g = net.standard(project);
    g.insert("name".into(), json!("default"));
    g.insert("description".into(), json!("Default security group"));
    g.insert("stateful".into(), json!(true));
    g.insert("shared".into(), json!(false));
    g.insert("revision_number".into(), json!(1));
    rules_from_templates(net, &g, true);
    net.st.insert(GROUPS, g);
}

pub(super) fn create_group(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
    let r = with_defaults(r, json!({"name": "", "stateful": true, "shared": false}));
    let project = str_of(&r, "project_id").unwrap_or_default();
    if str_of(&r, "name") == Some("default") && default_group(net.st, project).is_some() {
        return Err(Fault::conflict(
            "SecurityGroupDefaultAlreadyExists",
            "Default security group already exists.",
        ));
    }
    rules_from_templates(net, &r, false);
    Ok(r)
}

pub(super) fn update_group(net: &mut Net<'_>, r: Record, changes: Record) -> Result<Record, Fault> {
    if str_of(&r, "name") == Some("default") && changes.get("name").is_some_and(|n| n != "default")
    {
        return Err(Fault::conflict(
            "SecurityGroupCannotUpdateDefault",
            "Updating default security group not allowed.",
        ));
    }
    merge(net, r, changes)
}

pub(super) fn delete_group(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    let id = str_of(r, "id").unwrap_or_default();
    if str_of(r, "name") == Some("default") && !net.ctx.is_admin() {
        return Err(Fault::conflict(
            "SecurityGroupCannotRemoveDefault",
            "Insufficient rights for removing default security group.",
        ));
    }
    if net
        .st
        .coll(PORTS)
        .any(|p| strings(p.get("security_groups")).iter().any(|g| g == id))
    {
        return Err(Fault::conflict(
            "SecurityGroupInUse",
            format!("Security Group {id} in use."),
        ));
    }
    if let Some(c) = net.st.colls.get_mut(RULES) {
        c.0.retain(|x| str_of(x, "security_group_id") != Some(id));
    }
    Ok(())
}

pub(super) fn view_group(st: &NetworkState, _: &Ctx, r: &Record) -> Record {
    let mut v = r.clone();
    let id = str_of(r, "id").unwrap_or_default();
    let rules: Vec<Value> = st
        .coll(RULES)
        .filter(|x| str_of(x, "security_group_id") == Some(id))
        .map(|x| Value::Object(x.clone()))
        .collect();
    v.insert("security_group_rules".into(), json!(rules));
    v
}

pub(super) fn port_proto(p: &str) -> bool {
    matches!(
        p,
        "tcp" | "udp" | "sctp" | "dccp" | "udplite" | "6" | "17" | "132" | "33" | "136"
    )
}

pub(super) fn icmp_proto(p: &str) -> bool {
    matches!(p, "icmp" | "ipv6-icmp" | "icmpv6" | "1" | "58")
}

/// Validates the matching attributes shared by rules and their templates.
pub(super) fn check_rule(r: &mut Record) -> Result<(), Fault> {
    match str_of(r, "direction") {
        Some("ingress" | "egress") => {}
        other => {
            return Err(Fault::bad(format!(
                "Invalid input for direction. Reason: {} is not in valid_values.",
                other.unwrap_or("None")
            )));
        }
    }
    let eth = str_of(r, "ethertype").unwrap_or("IPv4").to_string();
    if eth != "IPv4" && eth != "IPv6" {
        return Err(Fault::bad(format!(
            "Invalid input for ethertype. Reason: {eth} is not in valid_values."
        )));
    }
    r.insert("ethertype".into(), json!(eth));
    let proto = match r.get("protocol") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::String(s)) if s.is_empty() || s == "any" => None,
        Some(Value::String(s)) => Some(s.to_lowercase()),
        Some(_) => return Err(Fault::bad("Invalid input for protocol.")),
    };
    if let Some(p) = &proto
        && let Ok(n) = p.parse::<u64>()
        && n > 255
    {
        return Err(Fault::bad(format!(
            "Security group rule protocol {p} not supported."
        )));
    }
    r.insert(
        "protocol".into(),
        proto.clone().map_or(Value::Null, |p| json!(p)),
    );
    let port = |k: &str| -> Result<Option<u64>, Fault> {
        match r.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v
                .as_u64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                .map(Some)
                .ok_or_else(|| Fault::bad(format!("Invalid input for {k}."))),
        }
    };
    let (min, max) = (port("port_range_min")?, port("port_range_max")?);
    if min.is_some() || max.is_some() {
        match proto.as_deref() {
            None => {
                return Err(Fault::bad(
                    "Must also specify protocol if port range is given.",
                ));
            }
            Some(p) if port_proto(p) => {
                let (a, b) = (min.unwrap_or(0), max.unwrap_or(0));
                if a == 0 || b == 0 || a > 65535 || b > 65535 {
                    return Err(Fault::bad(format!(
                        "Invalid value for port {}",
                        if a == 0 { a } else { b }
                    )));
                }
                if a > b {
                    return Err(Fault::bad(
                        "For TCP/UDP protocols, port_range_min must be <= port_range_max",
                    ));
                }
            }
            Some(p) if icmp_proto(p) => {
                if min.is_some_and(|m| m > 255) || max.is_some_and(|m| m > 255) {
                    return Err(Fault::bad(format!(
                        "Invalid value for ICMP field (type/code): {}",
                        min.unwrap_or(0).max(max.unwrap_or(0))
                    )));
                }
                if min.is_none() && max.is_some() {
                    return Err(Fault::bad(
                        "ICMP code (port-range-max) is provided but ICMP type (port-range-min) is missing.",
                    ));
                }
            }
            Some(p) => {
                return Err(Fault::bad(format!(
                    "Invalid input: protocol {p} does not support port ranges."
                )));
            }
        }
    }
    for (k, v) in [("port_range_min", min), ("port_range_max", max)] {
        r.insert(k.into(), v.map_or(Value::Null, |n| json!(n)));
    }
    let prefix = r.get("remote_ip_prefix").filter(|v| !v.is_null()).cloned();
    let group = r.get("remote_group_id").filter(|v| !v.is_null()).cloned();
    if prefix.is_some() && group.is_some() {
        return Err(Fault::bad(
            "Only remote_ip_prefix or remote_group_id may be provided.",
        ));
    }
    if let Some(p) = prefix {
        let Some(c) = p.as_str().and_then(Cidr::parse) else {
            return Err(Fault::bad(format!(
                "Invalid input for remote_ip_prefix. Reason: '{p}' is not a valid IP subnet."
            )));
        };
        if (c.version == 4) != (eth == "IPv4") {
            return Err(Fault::bad(format!(
                "Conflicting value ethertype {eth} for CIDR {}",
                c.to_text()
            )));
        }
    }
    r.insert(
        "normalized_cidr".into(),
        normalized(r.get("remote_ip_prefix")),
    );
    let r2 = with_defaults(
        std::mem::take(r),
        json!({"remote_ip_prefix": null, "remote_group_id": null,
            "remote_address_group_id": null, "description": ""}),
    );
    *r = r2;
    Ok(())
}

pub(super) const RULE_MATCH: &[&str] = &[
    "direction",
    "ethertype",
    "protocol",
    "port_range_min",
    "port_range_max",
    "normalized_cidr",
    "remote_group_id",
    "remote_address_group_id",
];

pub(super) fn create_rule(net: &mut Net<'_>, mut r: Record) -> Result<Record, Fault> {
    let gid = required(&r, "security_group_id", "security_group_rule")?.to_string();
    let group = find(net, kind(GROUPS), &gid)?;
    if !net.ctx.is_admin() && str_of(&group, "project_id") != net.ctx.project_id() {
        return Err(nf("SecurityGroup", &gid));
    }
    check_rule(&mut r)?;
    if let Some(remote) = str_of(&r, "remote_group_id")
        && net.st.get(GROUPS, remote).is_none()
    {
        return Err(nf("SecurityGroup", remote));
    }
    let dup = net.st.coll(RULES).find(|x| {
        str_of(x, "security_group_id") == Some(&gid)
            && RULE_MATCH
                .iter()
                .all(|k| x.get(*k).unwrap_or(&Value::Null) == r.get(*k).unwrap_or(&Value::Null))
    });
    if let Some(d) = dup {
        return Err(Fault::conflict(
            "SecurityGroupRuleExists",
            format!(
                "Security group rule already exists. Rule id is {}.",
                str_of(d, "id").unwrap_or_default()
            ),
        ));
    }
    let project = str_of(&group, "project_id").unwrap_or_default();
    r.insert("project_id".into(), json!(project));
    r.insert("tenant_id".into(), json!(project));
    r.remove("tags");
    r.insert(
        "belongs_to_default_sg".into(),
        json!(str_of(&group, "name") == Some("default")),
    );
    let now = net.now.clone();
    if let Some(g) = net.st.get_mut(GROUPS, &gid) {
        touch(g, &now);
    }
    Ok(r)
}

pub(super) fn create_template(_: &mut Net<'_>, mut r: Record) -> Result<Record, Fault> {
    check_rule(&mut r)?;
    r.remove("normalized_cidr");
    for k in ["created_at", "updated_at", "description"] {
        if k != "description" {
            r.remove(k);
        }
    }
    Ok(with_defaults(
        r,
        json!({"used_in_default_sg": false, "used_in_non_default_sg": true}),
    ))
}
