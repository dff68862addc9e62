//! NDP proxies.

use super::*;

/// The subnets of a router's interfaces.
pub(super) fn router_subnets(st: &NetworkState, router: &str) -> Vec<String> {
    router_ports(st, router, "network:router_interface")
        .flat_map(fixed_ips)
        .map(|(s, _)| s)
        .collect()
}

/// An NDP proxy: a port's IPv6 address on one of the router's subnets, published by a
/// router that has `enable_ndp_proxy`.
pub(super) fn create_ndp_proxy(net: &mut Net<'_>, r: Record) -> Result<Record, Fault> {
    let router_id = required(&r, "router_id", "ndp_proxy")?.to_string();
    let port_id = required(&r, "port_id", "ndp_proxy")?.to_string();
    let router = find(net, kind(ROUTERS), &router_id)?;
    let port = find(net, kind(PORTS), &port_id)?;
    if router.get("enable_ndp_proxy") != Some(&json!(true)) {
        return Err(Fault::conflict(
            "RouterNDPProxyNotEnable",
            format!("The enable_ndp_proxy parameter of router {router_id} must be set as True."),
        ));
    }
    let subnets = router_subnets(net.st, &router_id);
    let on_router: Vec<String> = fixed_ips(&port)
        .into_iter()
        .filter(|(s, a)| subnets.contains(s) && a.contains(':'))
        .map(|(_, a)| a)
        .collect();
    let address = match str_of(&r, "ip_address") {
        Some(a) if on_router.iter().any(|x| x == a) => a.to_string(),
        Some(a) => {
            return Err(Fault::bad(format!(
                "Bad request: the address {a} is not an IPv6 address of port {port_id} on a subnet of router {router_id}."
            )));
        }
        None => on_router.first().cloned().ok_or_else(|| {
            Fault::conflict(
                "PortUnreachableRouter",
                format!("The port {port_id} cannot reach the router {router_id} by IPv6 subnet."),
            )
        })?,
    };
    let mut r = with_defaults(r, json!({"name": ""}));
    r.insert("ip_address".into(), json!(address));
    r.remove("tags");
    Ok(r)
}
