//! The auto-allocated topology of a project.

use super::*;

/// The auto-allocated topology of a project: a network with a subnet from the default
/// subnet pool, behind a router on the default external network; made when first asked
/// for, `dry-run` only checks that it can be.
pub(super) fn auto_topology(net: &mut Net<'_>, req: &Req, project: &str) -> Result<Reply, Fault> {
    use http::Method as M;
    const TOPOLOGIES: &str = "auto_allocated_topologies";
    if !net.ctx.is_admin() && net.ctx.project_id() != Some(project) {
        return Err(forbidden("rule:get_auto_allocated_topology"));
    }
    let answer = |id: &str| {
        Reply::ok(
            json!({"auto_allocated_topology": {"id": id, "project_id": project, "tenant_id": project}}),
        )
    };
    let existing = net.st.get(TOPOLOGIES, project).cloned();
    if req.method == M::DELETE {
        let Some(t) = existing else {
            return Err(nf("AutoAllocatedTopology", project));
        };
        let router = str_of(&t, "router_id")
            .and_then(|r| net.st.get(ROUTERS, r))
            .cloned();
        let subnet = str_of(&t, "subnet_id").unwrap_or_default().to_string();
        if let Some(router) = router {
            remove_interface(net, &router, &json!({ "subnet_id": subnet }))?;
            delete_router(net, &router)?;
            net.st
                .remove(ROUTERS, str_of(&router, "id").unwrap_or_default());
        }
        if let Some(network) = str_of(&t, "network_id")
            .and_then(|n| net.st.get(NETWORKS, n))
            .cloned()
        {
            delete_network(net, &network)?;
            net.st
                .remove(NETWORKS, str_of(&network, "id").unwrap_or_default());
        }
        net.st.remove(TOPOLOGIES, project);
        return Ok(Reply::empty(204));
    }
    if req.method != M::GET {
        return Err(Fault::new(
            405,
            "HTTPMethodNotAllowed",
            "The method is not allowed.",
        ));
    }
    if let Some(t) = existing {
        return Ok(answer(str_of(&t, "network_id").unwrap_or_default()));
    }
    let default_of = |st: &NetworkState, plural: &str, extra: &dyn Fn(&Record) -> bool| {
        st.coll(plural)
            .filter(|r| r.get("is_default") == Some(&json!(true)) && extra(r))
            .find_map(|r| str_of(r, "id").map(str::to_string))
    };
    let external = default_of(net.st, NETWORKS, &|n| {
        n.get("router:external") == Some(&json!(true))
    });
    let pool = default_of(net.st, POOLS, &|p| p.get("ip_version") == Some(&json!(4)));
    let (Some(external), Some(pool)) = (external, pool) else {
        return Err(Fault::conflict(
            "AutoAllocationFailure",
            "Deployment error: No default external network or default subnet pool.",
        ));
    };
    if req
        .query
        .iter()
        .any(|(k, v)| k == "fields" && v == "dry-run")
    {
        return Ok(answer("dry-run=pass"));
    }
    let body = |v: Value| v.as_object().cloned().unwrap_or_default();
    let network = create_one(
        net,
        kind(NETWORKS),
        body(json!({"name": "auto_allocated_network", "project_id": project})),
    )?;
    let subnet = create_one(
        net,
        kind(SUBNETS),
        body(json!({"network_id": network, "subnetpool_id": pool,
        "ip_version": 4, "name": "auto_allocated_subnet_v4", "project_id": project})),
    )?;
    let router = create_one(
        net,
        kind(ROUTERS),
        body(json!({"name": "auto_allocated_router",
        "external_gateway_info": {"network_id": external}, "project_id": project})),
    )?;
    if let Some(r) = net.st.get(ROUTERS, &router).cloned() {
        add_interface(net, &r, &json!({ "subnet_id": subnet }))?;
    }
    let mut t = Map::new();
    t.insert("id".into(), json!(project));
    t.insert("network_id".into(), json!(network));
    t.insert("subnet_id".into(), json!(subnet));
    t.insert("router_id".into(), json!(router));
    net.st.insert(TOPOLOGIES, t);
    Ok(answer(&network))
}
