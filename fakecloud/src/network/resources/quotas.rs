//! Quotas: defaults, overrides and usage.

use super::*;

pub(super) const QUOTA_DEFAULTS: &[(&str, i64)] = &[
    ("network", 100),
    ("subnet", 100),
    ("port", 500),
    ("router", 10),
    ("floatingip", 50),
    ("security_group", 10),
    ("security_group_rule", 100),
    ("subnetpool", -1),
    ("rbac_policy", 10),
    ("trunk", -1),
];

/// A project's limit of a resource.
pub(crate) fn quota_limit(st: &NetworkState, project: &str, resource: &str) -> i64 {
    crate::records::quota_limit(&st.quotas, QUOTA_DEFAULTS, project, resource)
}

/// How many of a quota's resource a project has.
pub(super) fn quota_usage(st: &NetworkState, project: &str, resource: &str) -> i64 {
    let plural = match resource {
        "network" => NETWORKS,
        "subnet" => SUBNETS,
        "port" => PORTS,
        "router" => ROUTERS,
        "floatingip" => FIPS,
        "security_group" => GROUPS,
        "security_group_rule" => RULES,
        "subnetpool" => POOLS,
        "trunk" => TRUNKS,
        _ => "",
    };
    let n = st
        .coll(plural)
        .filter(|r| str_of(r, "project_id") == Some(project))
        .count();
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(super) fn quota_of(st: &NetworkState, project: &str) -> Value {
    let m: Map<String, Value> = QUOTA_DEFAULTS
        .iter()
        .map(|(k, _)| (k.to_string(), json!(quota_limit(st, project, k))))
        .collect();
    Value::Object(m)
}

pub(super) fn quotas(net: &mut Net<'_>, req: &Req, rest: &[&str]) -> Result<Reply, Fault> {
    use http::Method as M;
    let admin = net.ctx.is_admin();
    let own = |p: &str| admin || net.ctx.project_id() == Some(p);
    match (&req.method, rest) {
        (&M::GET, []) => {
            if !admin {
                return Err(forbidden("rule:get_quota"));
            }
            let list: Vec<Value> = net
                .st
                .quotas
                .keys()
                .map(|p| {
                    let mut q = quota_of(net.st, p);
                    if let Value::Object(o) = &mut q {
                        o.insert("project_id".into(), json!(p));
                        o.insert("tenant_id".into(), json!(p));
                    }
                    q
                })
                .collect();
            Ok(Reply::ok(json!({ "quotas": list })))
        }
        (&M::GET, ["tenant"]) => Ok(Reply::ok(json!({"tenant": {"tenant_id": net.project()}}))),
        (&M::GET, [p]) if own(p) => Ok(Reply::ok(json!({"quota": quota_of(net.st, p)}))),
        (&M::GET, [_, "default"]) => Ok(Reply::ok(
            json!({"quota": quota_of(&NetworkState::default(), "")}),
        )),
        (&M::GET, [p, "details"]) if own(p) => {
            let mut m = Map::new();
            for (res, _) in QUOTA_DEFAULTS {
                m.insert(
                    res.to_string(),
                    json!({"limit": quota_limit(net.st, p, res), "used": quota_usage(net.st, p, res), "reserved": 0}),
                );
            }
            Ok(Reply::ok(json!({ "quota": m })))
        }
        (&M::PUT, [p]) if admin => {
            let body = req.json().unwrap_or(Value::Null);
            let Some(given) = body.get("quota").and_then(Value::as_object) else {
                return Err(Fault::bad("Invalid input: quota is required"));
            };
            let mut entry = net.st.quotas.get(*p).cloned().unwrap_or_default();
            for (k, v) in given {
                if !QUOTA_DEFAULTS.iter().any(|(r, _)| r == k) {
                    return Err(Fault::bad(format!("Unrecognized attribute(s) '{k}'")));
                }
                let Some(n) = v
                    .as_i64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                else {
                    return Err(Fault::bad(format!(
                        "Invalid input for {k}. Reason: '{v}' is not an integer."
                    )));
                };
                if n < -1 {
                    return Err(Fault::bad(format!(
                        "Invalid input for {k}. Reason: '{n}' should be >= -1."
                    )));
                }
                let used = quota_usage(net.st, p, k);
                if n >= 0 && n < used {
                    return Err(Fault::bad(format!(
                        "Quota limit {n} for {k} must be greater than or equal to already used and reserved {used}."
                    )));
                }
                entry.insert(k.clone(), n);
            }
            net.st.quotas.insert(p.to_string(), entry);
            Ok(Reply::ok(json!({"quota": quota_of(net.st, p)})))
        }
        (&M::DELETE, [p]) if admin => {
            net.st.quotas.remove(*p);
            Ok(Reply::empty(204))
        }
        _ => Err(forbidden("rule:update_quota")),
    }
}
