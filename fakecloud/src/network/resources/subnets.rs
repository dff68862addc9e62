//! Subnets: CIDRs, gateways and allocation pools, and the addresses ports take from them.

use super::*;

pub(super) fn subnet_public(st: &NetworkState, r: &Record) -> bool {
    str_of(r, "network_id")
        .and_then(|n| st.get(NETWORKS, n))
        .is_some_and(|n| network_public(st, n))
}

pub(super) fn subnet_cidr(r: &Record) -> Option<Cidr> {
    str_of(r, "cidr").and_then(Cidr::parse)
}

pub(super) fn parse_in(cidr: &Cidr, s: &str, what: &str) -> Result<u128, Fault> {
    match parse_ip(s) {
        Some((v, x)) if cidr.contains(v, x) => Ok(x),
        _ => Err(Fault::bad(format!(
            "Invalid input for operation: {what} {s} is not within subnet {}.",
            cidr.to_text()
        ))),
    }
}

pub(super) fn pools_json(version: u8, pools: &[(u128, u128)]) -> Value {
    json!(
        pools
            .iter()
            .map(|(a, b)| json!({"start": fmt_ip(version, *a), "end": fmt_ip(version, *b)}))
            .collect::<Vec<_>>()
    )
}

pub(super) fn parse_pools(cidr: &Cidr, v: &Value) -> Result<Vec<(u128, u128)>, Fault> {
    let mut out = Vec::new();
    for p in v.as_array().into_iter().flatten() {
        let (Some(s), Some(e)) = (
            p.get("start").and_then(Value::as_str),
            p.get("end").and_then(Value::as_str),
        ) else {
            return Err(Fault::bad("Invalid input for allocation_pools."));
        };
        let (a, b) = (
            parse_in(cidr, s, "Pool start")?,
            parse_in(cidr, e, "Pool end")?,
        );
        if a > b {
            return Err(Fault::bad(format!(
                "Invalid input for operation: The allocation pool {s}-{e} spans beyond the subnet cidr {}.",
                cidr.to_text()
            )));
        }
        out.push((a, b));
    }
    Ok(out)
}

/// Gateway and pools of a subnet, checked against each other.
pub(super) fn gateway_and_pools(
    r: &mut Record,
    cidr: &Cidr,
    default_pools: bool,
) -> Result<(), Fault> {
    let gateway = match r.get("gateway_ip") {
        None => {
            let g = cidr.default_gateway();
            r.insert(
                "gateway_ip".into(),
                g.map_or(Value::Null, |g| json!(fmt_ip(cidr.version, g))),
            );
            g
        }
        Some(Value::Null) => None,
        Some(Value::String(s)) => {
            let s = s.clone();
            Some(parse_in(cidr, &s, "Gateway")?)
        }
        Some(_) => return Err(Fault::bad("Invalid input for gateway_ip.")),
    };
    let pools = match r.get("allocation_pools") {
        Some(v) if !v.is_null() && !default_pools => parse_pools(cidr, v)?,
        _ => cidr.default_pools(gateway),
    };
    if let Some(g) = gateway
        && pools.iter().any(|(a, b)| g >= *a && g <= *b)
    {
        return Err(Fault::conflict(
            "GatewayConflictWithAllocationPools",
            format!(
                "Gateway ip {} conflicts with allocation pool {}-{}",
                fmt_ip(cidr.version, g),
                pools
                    .first()
                    .map_or(String::new(), |p| fmt_ip(cidr.version, p.0)),
                pools
                    .first()
                    .map_or(String::new(), |p| fmt_ip(cidr.version, p.1))
            ),
        ));
    }
    r.insert("allocation_pools".into(), pools_json(cidr.version, &pools));
    Ok(())
}

pub(super) fn create_subnet(net: &mut Net<'_>, mut r: Record) -> Result<Record, Fault> {
    let network_id = required(&r, "network_id", "subnet")?.to_string();
    let Some(network) = net.st.get(NETWORKS, &network_id).cloned() else {
        return Err(nf("Network", &network_id));
    };
    if !net.ctx.is_admin() && str_of(&network, "project_id") != net.ctx.project_id() {
        return Err(nf("Network", &network_id));
    }
    let version = r.get("ip_version").and_then(Value::as_u64).unwrap_or(0);
    if version != 4 && version != 6 {
        return Err(Fault::bad(format!(
            "Invalid input for ip_version. Reason: '{}' is not in [4, 6].",
            r.get("ip_version").cloned().unwrap_or(Value::Null)
        )));
    }
    let version = version as u8;
    if let Some(pool_id) = str_of(&r, "subnetpool_id").map(str::to_string) {
        let Some(pool) = net.st.get(POOLS, &pool_id).cloned() else {
            return Err(nf("SubnetPool", &pool_id));
        };
        let prefix = r
            .get("prefixlen")
            .and_then(|v| {
                v.as_u64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            })
            .or_else(|| str_of(&pool, "default_prefixlen").and_then(|s| s.parse().ok()))
            .unwrap_or(24);
        let taken: Vec<Cidr> = net.st.coll(SUBNETS).filter_map(subnet_cidr).collect();
        let block = strings(pool.get("prefixes"))
            .iter()
            .filter_map(|p| Cidr::parse(p))
            .find_map(|p| p.free_block(u8::try_from(prefix).unwrap_or(0), &taken));
        let Some(block) = block else {
            return Err(Fault::conflict(
                "SubnetAllocationError",
                "Failed to allocate subnet: Insufficient prefix space to allocate subnet size",
            ));
        };
        r.insert("cidr".into(), json!(block.to_text()));
        if let Some(scope) = pool.get("address_scope_id").filter(|v| !v.is_null()) {
            let key = if version == 4 {
                "ipv4_address_scope"
            } else {
                "ipv6_address_scope"
            };
            if let Some(n) = net.st.get_mut(NETWORKS, &network_id) {
                n.insert(key.into(), scope.clone());
            }
        }
    }
    let cidr_text = required(&r, "cidr", "subnet")?.to_string();
    let Some(cidr) = Cidr::parse(&cidr_text) else {
        return Err(Fault::bad(format!(
            "Invalid input for cidr. Reason: '{cidr_text}' is not a valid IP subnet."
        )));
    };
    if cidr.version != version {
        return Err(Fault::bad(
            "Invalid input for operation: Cidr and IP version do not match.",
        ));
    }
    if net
        .st
        .coll(SUBNETS)
        .filter(|s| str_of(s, "network_id") == Some(&network_id))
        .filter_map(subnet_cidr)
        .any(|c| c.overlaps(&cidr))
    {
        return Err(Fault::bad(format!(
            "Invalid input for operation: Requested subnet with cidr: {} for network: {network_id} overlaps with another subnet.",
            cidr.to_text()
        )));
    }
    r.insert("cidr".into(), json!(cidr.to_text()));
    gateway_and_pools(&mut r, &cidr, false)?;
    Ok(with_defaults(
        r,
        json!({"name": "", "enable_dhcp": true, "dns_nameservers": [], "host_routes": [],
            "ipv6_ra_mode": null, "ipv6_address_mode": null, "subnetpool_id": null,
            "service_types": [], "segment_id": null, "dns_publish_fixed_ip": false}),
    ))
}

pub(super) fn update_subnet(
    _: &mut Net<'_>,
    mut r: Record,
    changes: Record,
) -> Result<Record, Fault> {
    let Some(cidr) = subnet_cidr(&r) else {
        return Err(Fault::bad("Invalid subnet"));
    };
    let repool = changes.contains_key("allocation_pools");
    r.extend(changes);
    if !repool {
        // Keep the pools the subnet has.
        let pools = r.get("allocation_pools").cloned();
        gateway_and_pools(&mut r, &cidr, false)?;
        if let Some(p) = pools {
            r.insert("allocation_pools".into(), p);
        }
    } else {
        gateway_and_pools(&mut r, &cidr, false)?;
    }
    Ok(r)
}

pub(super) fn delete_subnet(net: &mut Net<'_>, r: &Record) -> Result<(), Fault> {
    let id = str_of(r, "id").unwrap_or_default();
    if net.st.coll(PORTS).any(|p| {
        str_of(p, "device_owner") != Some("network:dhcp")
            && fixed_ips(p).iter().any(|(s, _)| s == id)
    }) {
        return Err(Fault::conflict(
            "SubnetInUse",
            format!(
                "Unable to complete operation on subnet {id}: One or more ports have an IP allocation from this subnet."
            ),
        ));
    }
    Ok(())
}

pub(super) fn nf(noun: &str, id: &str) -> Fault {
    let words: String = noun
        .chars()
        .enumerate()
        .flat_map(|(i, c)| {
            if c.is_uppercase() && i > 0 {
                vec![' ', c.to_ascii_lowercase()]
            } else {
                vec![c]
            }
        })
        .collect();
    Fault::new(
        404,
        &format!("{noun}NotFound"),
        format!("{words} {id} could not be found."),
    )
}

// ----- addresses -----

/// The addresses in use on a subnet (ports' and the gateway's), less a port's own.
pub(super) fn used_ips(
    st: &NetworkState,
    subnet: &Record,
    except_port: Option<&str>,
) -> BTreeSet<u128> {
    let id = str_of(subnet, "id").unwrap_or_default();
    let mut used: BTreeSet<u128> = st
        .coll(PORTS)
        .filter(|p| str_of(p, "id") != except_port || except_port.is_none())
        .flat_map(fixed_ips)
        .filter(|(s, _)| s == id)
        .filter_map(|(_, ip)| parse_ip(&ip).map(|x| x.1))
        .collect();
    if let Some(g) = str_of(subnet, "gateway_ip").and_then(parse_ip) {
        used.insert(g.1);
    }
    used
}

pub(super) fn next_free(subnet: &Record, used: &BTreeSet<u128>) -> Option<u128> {
    let cidr = subnet_cidr(subnet)?;
    let pools = parse_pools(&cidr, subnet.get("allocation_pools")?).ok()?;
    for (a, b) in pools {
        let mut x = a;
        while x <= b {
            if !used.contains(&x) {
                return Some(x);
            }
            x = x.checked_add(1)?;
        }
    }
    None
}

/// The fixed IPs of a port on a network: as requested (a subnet, an address, or both),
/// or one address of each IP version's first subnet.
pub(super) fn assign_ips(
    st: &NetworkState,
    network_id: &str,
    requested: Option<&Value>,
    port_id: Option<&str>,
    gateway_ok: bool,
) -> Result<Vec<Value>, Fault> {
    let subnets: Vec<&Record> = st
        .coll(SUBNETS)
        .filter(|s| str_of(s, "network_id") == Some(network_id))
        .collect();
    let wanted: Vec<(Option<String>, Option<String>)> = match requested.and_then(Value::as_array) {
        Some(list) => list
            .iter()
            .map(|f| {
                (
                    f.get("subnet_id")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                    f.get("ip_address")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                )
            })
            .collect(),
        None => {
            let mut seen = Vec::new();
            let mut out = Vec::new();
            for s in &subnets {
                let v = s.get("ip_version").and_then(Value::as_u64);
                if !seen.contains(&v) {
                    seen.push(v);
                    out.push((str_of(s, "id").map(str::to_string), None));
                }
            }
            out
        }
    };
    let mut out: Vec<Value> = Vec::new();
    let mut taken: Vec<(String, u128)> = Vec::new();
    for (subnet_id, ip) in wanted {
        let subnet = match (&subnet_id, &ip) {
            (Some(sid), _) => subnets
                .iter()
                .find(|s| str_of(s, "id") == Some(sid))
                .copied(),
            (None, Some(ip)) => {
                subnets
                    .iter()
                    .copied()
                    .find(|s| match (subnet_cidr(s), parse_ip(ip)) {
                        (Some(c), Some((v, x))) => c.contains(v, x),
                        _ => false,
                    })
            }
            (None, None) => None,
        };
        let Some(subnet) = subnet else {
            return Err(Fault::bad(format!(
                "Invalid input for operation: Failed to create port on network {network_id}, because fixed_ips included invalid subnet {}.",
                subnet_id.or(ip).unwrap_or_default()
            )));
        };
        let sid = str_of(subnet, "id").unwrap_or_default().to_string();
        let version = subnet
            .get("ip_version")
            .and_then(Value::as_u64)
            .unwrap_or(4) as u8;
        let mut used = used_ips(st, subnet, port_id);
        used.extend(taken.iter().filter(|(s, _)| *s == sid).map(|(_, x)| *x));
        let x = match ip {
            Some(ip) => {
                let Some(cidr) = subnet_cidr(subnet) else {
                    return Err(Fault::bad("Invalid subnet"));
                };
                let x = parse_in(&cidr, &ip, "IP address")?;
                let gateway = str_of(subnet, "gateway_ip").and_then(parse_ip).map(|g| g.1);
                if used.contains(&x) && !(gateway_ok && gateway == Some(x)) {
                    return Err(Fault::conflict(
                        "IpAddressAlreadyAllocated",
                        format!("IP address {ip} already allocated in subnet {sid}"),
                    ));
                }
                x
            }
            None => next_free(subnet, &used).ok_or_else(|| {
                Fault::conflict(
                    "IpAddressGenerationFailure",
                    format!("No more IP addresses available on network {network_id}."),
                )
            })?,
        };
        taken.push((sid.clone(), x));
        out.push(json!({"subnet_id": sid, "ip_address": fmt_ip(version, x)}));
    }
    Ok(out)
}

pub(super) fn mac() -> String {
    let hex = crate::ids::hex_id();
    let b = hex.as_bytes();
    let part = |i: usize| {
        std::str::from_utf8(b.get(i..i + 2).unwrap_or(b"00"))
            .unwrap_or("00")
            .to_string()
    };
    format!("fa:16:3e:{}:{}:{}", part(0), part(2), part(4))
}
