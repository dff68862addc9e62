//! Subnet pools, their prefixes and actions, and address scopes.

use super::*;

pub(super) fn create_pool(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
    if !net.ctx.is_admin()
        && (r.get("shared") == Some(&json!(true)) || r.get("is_default") == Some(&json!(true)))
    {
        return Err(forbidden("rule:create_subnetpool:shared"));
    }
    let prefixes: Vec<Cidr> = strings(r.get("prefixes"))
        .iter()
        .map(|p| {
            Cidr::parse(p).ok_or_else(|| {
                Fault::bad(format!(
                    "Invalid input for prefixes: '{p}' is not a valid IP subnet."
                ))
            })
        })
        .collect::<Result<_, _>>()?;
    let Some(first) = prefixes.first() else {
        return Err(Fault::bad(
            "Invalid input for prefixes: at least one prefix is required.",
        ));
    };
    let version = first.version;
    let bits = if version == 4 { 32 } else { 128 };
    let num = |k: &str, d: u64| -> String {
        r.get(k)
            .and_then(|v| {
                v.as_u64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            })
            .unwrap_or(d)
            .to_string()
    };
    let min = num("min_prefixlen", if version == 4 { 8 } else { 64 });
    let max = num("max_prefixlen", bits);
    let default = num("default_prefixlen", min.parse().unwrap_or(8));
    if let Some(scope) = str_of(&r, "address_scope_id")
        && net.st.get(SCOPES, scope).is_none()
    {
        return Err(nf("AddressScope", scope));
    }
    let mut r = with_defaults(
        r,
        json!({"name": "", "shared": false, "is_default": false, "default_quota": null,
            "address_scope_id": null}),
    );
    r.insert("ip_version".into(), json!(version));
    r.insert(
        "prefixes".into(),
        json!(prefixes.iter().map(|c| c.to_text()).collect::<Vec<_>>()),
    );
    r.insert("min_prefixlen".into(), json!(min));
    r.insert("max_prefixlen".into(), json!(max));
    r.insert("default_prefixlen".into(), json!(default));
    Ok(r)
}

/// Refuses (409) to delete a record that records of another collection still name.
pub(super) fn busy(
    net: &Net<'_>,
    r: &Record,
    plural: &str,
    key: &str,
    kind: &str,
    what: &str,
) -> Result<(), Fault> {
    let id = str_of(r, "id").unwrap_or_default();
    if net.st.coll(plural).any(|x| str_of(x, key) == Some(id)) {
        return Err(Fault::conflict(
            kind,
            format!("Unable to complete operation on {what} {id}: it is still in use."),
        ));
    }
    Ok(())
}

pub(super) fn delete_pool(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    busy(
        net,
        r,
        SUBNETS,
        "subnetpool_id",
        "SubnetPoolInUse",
        "subnet pool",
    )
}

pub(super) fn create_scope(_: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
    match r.get("ip_version").and_then(Value::as_u64) {
        Some(4 | 6) => Ok(with_defaults(r, json!({"name": "", "shared": false}))),
        _ => Err(Fault::bad("Invalid input for ip_version.")),
    }
}

pub(super) fn delete_scope(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    busy(
        net,
        r,
        POOLS,
        "address_scope_id",
        "AddressScopeInUse",
        "address scope",
    )
}

pub(super) fn cidrs_of(v: Option<&Value>) -> Result<Vec<Cidr>, Fault> {
    strings(v)
        .iter()
        .map(|p| {
            Cidr::parse(p).ok_or_else(|| {
                Fault::bad(format!(
                    "Invalid input for prefixes: '{p}' is not a valid IP subnet."
                ))
            })
        })
        .collect()
}

/// `add_prefixes`, `remove_prefixes` and `onboard_network_subnets` on a subnet pool.
pub(super) fn pool_action(
    net: &mut Net<'_>,
    req: &Req,
    id: &str,
    action: &str,
) -> Result<Reply, Fault> {
    let pool = find(net, kind(POOLS), id)?;
    if !net.ctx.is_admin() && str_of(&pool, "project_id") != net.ctx.project_id() {
        return Err(nf("SubnetPool", id));
    }
    let body = req.json().unwrap_or(Value::Null);
    let have = cidrs_of(pool.get("prefixes"))?;
    let in_pool: Vec<Cidr> = net
        .st
        .coll(SUBNETS)
        .filter(|s| str_of(s, "subnetpool_id") == Some(id))
        .filter_map(subnet_cidr)
        .collect();
    let (prefixes, answer) = match action {
        "add_prefixes" | "remove_prefixes" => {
            let given = cidrs_of(body.get("prefixes"))?;
            if given
                .iter()
                .any(|g| have.first().is_some_and(|h| h.version != g.version))
            {
                return Err(Fault::bad("Illegal prefix update: IP version mismatch."));
            }
            let out = if action == "add_prefixes" {
                merge_cidrs(&[have.clone(), given].concat(), &[])
            } else {
                if in_pool.iter().any(|s| given.iter().any(|g| g.overlaps(s))) {
                    return Err(Fault::bad(format!(
                        "Illegal update to prefixes: Subnets are still allocated from the prefixes of subnet pool {id}."
                    )));
                }
                merge_cidrs(&have, &given)
            };
            let texts: Vec<String> = out.into_iter().map(Cidr::to_text).collect();
            (texts.clone(), json!({ "prefixes": texts }))
        }
        "onboard_network_subnets" => {
            let Some(network_id) = body.get("network_id").and_then(Value::as_str) else {
                return Err(Fault::bad("network_id is required"));
            };
            let version = pool.get("ip_version").cloned();
            let moved: Vec<(String, String)> = net
                .st
                .coll(SUBNETS)
                .filter(|s| str_of(s, "network_id") == Some(network_id))
                .filter(|s| s.get("subnetpool_id").is_none_or(Value::is_null))
                .filter(|s| s.get("ip_version") == version.as_ref())
                .filter_map(|s| {
                    Some((str_of(s, "id")?.to_string(), str_of(s, "cidr")?.to_string()))
                })
                .collect();
            let mut all = have.clone();
            for (sid, cidr) in &moved {
                if let Some(c) = Cidr::parse(cidr) {
                    all.push(c);
                }
                if let Some(s) = net.st.get_mut(SUBNETS, sid) {
                    s.insert("subnetpool_id".into(), json!(id));
                }
            }
            let texts: Vec<String> = merge_cidrs(&all, &[])
                .into_iter()
                .map(Cidr::to_text)
                .collect();
            let answer: Vec<Value> = moved
                .iter()
                .map(|(i, c)| json!({"id": i, "cidr": c}))
                .collect();
            (texts, json!(answer))
        }
        _ => {
            return Err(no_route());
        }
    };
    let now = net.now.clone();
    if let Some(p) = net.st.get_mut(POOLS, id) {
        p.insert("prefixes".into(), json!(prefixes));
        touch(p, &now);
    }
    Ok(Reply::ok(answer))
}
