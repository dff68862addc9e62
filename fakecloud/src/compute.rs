//! Nova v2.1: versions, servers and their actions, metadata, tags and addresses,
//! flavors, key pairs, server groups, limits.

use std::collections::BTreeMap;

use base64::Engine;
use chrono::{DateTime, Utc};
use http::Method;
use serde_json::{Map, Value, json};

use crate::App;
use crate::http_util::{Answer, Ctx, Reply, Req, authenticate};
use crate::identity::stamp;
use crate::ids;
use crate::state::{Address, Flavor, Image, Keypair, Pending, Server, ServerGroup, State};

/// The host every server runs on (the devcloud's single compute host).
pub(crate) const HOST: &str = "devcloud";
const CONSOLE: &str = "FAKE CONSOLE OUTPUT\nANOTHER\nLAST LINE";

/// A microversion, `(major, minor)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Mv(u32, u32);

impl Mv {
    fn at_least(self, minor: u32) -> bool {
        self >= Mv(2, minor)
    }
}

impl std::fmt::Display for Mv {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
}

/// Nova's error body: `{"<name>": {"code", "message"}}`, the name from the status.
pub(crate) fn fault(status: u16, message: &str) -> Reply {
    let name = match status {
        400 => "badRequest",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "itemNotFound",
        405 => "badMethod",
        409 => "conflictingRequest",
        413 | 429 => "overLimit",
        415 => "badMediaType",
        501 => "notImplemented",
        503 => "serviceUnavailable",
        _ => "computeFault",
    };
    Reply::json(
        status,
        json!({ name: {"code": status, "message": message} }),
    )
}

fn bad(message: &str) -> Reply {
    fault(400, message)
}

fn not_found(message: &str) -> Reply {
    fault(404, message)
}

fn conflict(message: &str) -> Reply {
    fault(409, message)
}

fn policy(rule: &str) -> Reply {
    fault(
        403,
        &format!("Policy doesn't allow {rule} to be performed."),
    )
}

fn server_not_found(id: &str) -> Reply {
    not_found(&format!("Instance {id} could not be found."))
}

/// An optional string member of a request body: `None` when absent or null, Nova's 400
/// (its schema validation) when of another type.
fn str_field<'a>(o: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, Reply> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(bad(&format!(
            "Invalid input for field/attribute {key}. Value: {other}. {other} is not of type 'string'"
        ))),
    }
}

/// Applies the status changes whose time has come.
pub(crate) fn tick(state: &mut State, now: DateTime<Utc>) {
    let due: Vec<String> = state
        .servers
        .values()
        .filter(|s| s.pending.as_ref().is_some_and(|p| p.due <= now))
        .map(|s| s.id.clone())
        .collect();
    for id in due {
        let Some(s) = state.servers.get_mut(&id) else {
            continue;
        };
        let Some(p) = s.pending.take() else {
            continue;
        };
        if p.delete {
            state.servers.remove(&id);
            crate::network::release_server(&mut state.network, &id, now);
            crate::volume::release_server(&mut state.volume, &id, now);
            for g in state.server_groups.values_mut() {
                g.members.retain(|m| *m != id);
            }
            continue;
        }
        s.vm_state = p.vm_state;
        s.power_state = p.power_state;
        s.task_state = None;
        s.updated = p.due;
        if s.launched_at.is_none() && s.vm_state == "active" {
            s.launched_at = Some(p.due);
        }
    }
}

fn microversion(app: &App, req: &Req) -> Result<Mv, Reply> {
    let max = Mv(app.max_microversion.0, app.max_microversion.1);
    let raw = req
        .header("openstack-api-version")
        .and_then(|h| {
            h.split(',').find_map(|part| {
                let mut it = part.split_whitespace();
                match (it.next(), it.next()) {
                    (Some(service), Some(v)) if service.eq_ignore_ascii_case("compute") => {
                        Some(v.to_string())
                    }
                    _ => None,
                }
            })
        })
        .or_else(|| {
            req.header("x-openstack-nova-api-version")
                .map(|v| v.trim().to_string())
        });
    let Some(raw) = raw else {
        return Ok(Mv(2, 1));
    };
    if raw.eq_ignore_ascii_case("latest") {
        return Ok(max);
    }
    let parsed = raw
        .split_once('.')
        .and_then(|(a, b)| Some(Mv(a.parse().ok()?, b.parse().ok()?)));
    let Some(v) = parsed else {
        return Err(bad(&format!(
            "API Version String {raw} is of invalid format. Must be of format MajorNum.MinorNum."
        )));
    };
    if v < Mv(2, 1) || v > max {
        return Err(fault(
            406,
            &format!(
                "Version {v} is not supported by the API. Minimum is 2.1 and maximum is {max}."
            ),
        ));
    }
    Ok(v)
}

fn version_v21(app: &App) -> Value {
    json!({
        "id": "v2.1", "status": "CURRENT",
        "version": format!("{}.{}", app.max_microversion.0, app.max_microversion.1),
        "min_version": "2.1", "updated": "2013-07-23T11:33:21Z",
        "links": [{"rel": "self", "href": format!("{}/compute/v2.1/", app.base)},
                  {"rel": "describedby", "type": "text/html", "href": "http://docs.openstack.org/"}],
        "media-types": [{"base": "application/json",
                         "type": "application/vnd.openstack.compute+json;version=2.1"}],
    })
}

fn version_v20(app: &App) -> Value {
    json!({
        "id": "v2.0", "status": "SUPPORTED", "version": "", "min_version": "",
        "updated": "2011-01-21T11:33:21Z",
        "links": [{"rel": "self", "href": format!("{}/compute/v2/", app.base)},
                  {"rel": "describedby", "type": "text/html", "href": "http://docs.openstack.org/"}],
        "media-types": [{"base": "application/json",
                         "type": "application/vnd.openstack.compute+json;version=2"}],
    })
}

/// Requests under `/compute`.
pub(crate) fn handle(app: &App, state: &mut State, req: &Req) -> Answer {
    let segs: Vec<&str> = req.segs.iter().skip(1).map(String::as_str).collect();
    match (&req.method, segs.as_slice()) {
        (&Method::GET, []) => {
            return Ok(Reply::ok(
                json!({"versions": [version_v20(app), version_v21(app)]}),
            ));
        }
        (&Method::GET, ["v2"]) => return Ok(Reply::ok(json!({"version": version_v20(app)}))),
        (&Method::GET, ["v2.1"]) => return Ok(Reply::ok(json!({"version": version_v21(app)}))),
        (_, ["v2.1", ..]) => {}
        _ => return Err(not_found("The resource could not be found.")),
    }
    let ctx = authenticate(app, state, req)?;
    let mv = microversion(app, req)?;
    let reply = if ctx.project_id().is_none() {
        fault(403, "A project-scoped token is required.")
    } else {
        // An error from the API carries the microversion headers as well.
        api(app, state, req, &ctx, mv, &segs[1..]).unwrap_or_else(|r| r)
    };
    Ok(reply
        .header("OpenStack-API-Version", format!("compute {mv}"))
        .header("X-OpenStack-Nova-API-Version", mv.to_string())
        .header(
            "Vary",
            "OpenStack-API-Version, X-OpenStack-Nova-API-Version",
        ))
}

fn api(app: &App, state: &mut State, req: &Req, ctx: &Ctx, mv: Mv, segs: &[&str]) -> Answer {
    let m = &req.method;
    match (m, segs) {
        (&Method::GET, ["servers"]) => list_servers(app, state, req, ctx, mv, false),
        (&Method::GET, ["servers", "detail"]) => list_servers(app, state, req, ctx, mv, true),
        (&Method::POST, ["servers"]) => create_server(app, state, req, ctx, mv),
        (_, ["servers", id, rest @ ..]) => {
            let id = id.to_string();
            let visible = state
                .servers
                .get(&id)
                .is_some_and(|s| ctx.is_admin() || Some(s.project_id.as_str()) == ctx.project_id());
            if !visible {
                return Err(server_not_found(&id));
            }
            match (m, rest) {
                (&Method::GET, []) => {
                    let s = &state.servers[&id];
                    Ok(Reply::ok(
                        json!({"server": server_json(app, state, s, mv, ctx)}),
                    ))
                }
                (&Method::PUT, []) => update_server(app, state, req, ctx, mv, &id),
                (&Method::DELETE, []) => {
                    let reply = delete_server(app, state, ctx, &id)?;
                    if reply.status < 300 {
                        record_action(app, state, req, ctx, &id, "delete");
                    }
                    Ok(reply)
                }
                (&Method::POST, ["action"]) => {
                    let reply = action(app, state, req, ctx, mv, &id)?;
                    let name = req
                        .json()
                        .and_then(|b| b.as_object().and_then(|o| o.keys().next().cloned()));
                    if reply.status < 300
                        && let Some(name) = name
                    {
                        record_action(app, state, req, ctx, &id, &name);
                    }
                    Ok(reply)
                }
                (&Method::GET, ["topology"]) => {
                    if !mv.at_least(78) {
                        return Err(not_found("The resource could not be found."));
                    }
                    Ok(Reply::ok(json!({"nodes": [], "pagesize_kb": null})))
                }
                (&Method::GET, ["os-server-password"]) => Ok(Reply::ok(json!({"password": ""}))),
                (&Method::DELETE, ["os-server-password"]) => Ok(Reply::empty(204)),
                (_, ["shares", rest @ ..]) => {
                    if !mv.at_least(97) {
                        return Err(not_found("The resource could not be found."));
                    }
                    let vm = state.servers[&id].vm_state.clone();
                    match (m, rest) {
                        (&Method::GET, []) => Ok(Reply::ok(json!({"shares": []}))),
                        (&Method::GET | &Method::DELETE, [share]) => Err(not_found(&format!(
                            "Share {share} is not attached to server {id}."
                        ))),
                        (&Method::POST, []) if vm != "stopped" => Err(conflict(&format!(
                            "Cannot 'attach_share' instance {id} while it is in vm_state {vm}"
                        ))),
                        (&Method::POST, []) => Err(not_found(
                            "The share could not be found: no shared file systems service.",
                        )),
                        _ => Err(not_found("The resource could not be found.")),
                    }
                }
                (&Method::POST, ["remote-consoles"]) => {
                    let t = req
                        .json()
                        .and_then(|b| b["remote_console"]["type"].as_str().map(str::to_string))
                        .unwrap_or_default();
                    Err(bad(&format!("Unavailable console type {t}.")))
                }
                (&Method::GET, ["diagnostics"]) => {
                    if !ctx.is_admin() {
                        return Err(policy("os_compute_api:os-server-diagnostics"));
                    }
                    let s = &state.servers[&id];
                    Ok(Reply::ok(diagnostics_json(s, mv)))
                }
                (&Method::GET, ["os-instance-actions"]) => {
                    list_instance_actions(app, state, req, ctx, mv, &id)
                }
                (&Method::GET, ["os-instance-actions", request_id]) => {
                    show_instance_action(state, ctx, mv, &id, request_id)
                }
                (_, ["metadata", rest @ ..]) => metadata(state, req, ctx, &id, rest),
                (_, ["tags", rest @ ..]) => tags(app, state, req, ctx, mv, &id, rest),
                (&Method::GET, ["ips"]) => {
                    let s = &state.servers[&id];
                    Ok(Reply::ok(json!({"addresses": ips_json(s, None)})))
                }
                (&Method::GET, ["ips", net]) => {
                    let s = &state.servers[&id];
                    if s.addresses.iter().any(|a| a.network == *net) {
                        Ok(Reply::ok(ips_json(s, Some(net))))
                    } else {
                        Err(not_found("Network not found"))
                    }
                }
                (_, ["migrations", rest @ ..]) => {
                    if !ctx.is_admin() {
                        return Err(policy("os_compute_api:servers:migrations:index"));
                    }
                    // Nothing ever migrates on one host.
                    match (m, rest) {
                        (&Method::GET, []) => Ok(Reply::ok(json!({"migrations": []}))),
                        (&Method::GET, [mid]) => Err(not_found(&format!(
                            "In-progress live migration {mid} is not found for server {id}."
                        ))),
                        (&Method::POST, [_, "action"]) | (&Method::DELETE, [_]) => {
                            Err(conflict(&format!(
                                "Instance {id} is in an invalid state for '{}'",
                                if *m == Method::POST {
                                    "force_complete"
                                } else {
                                    "abort"
                                }
                            )))
                        }
                        _ => Err(not_found("The resource could not be found.")),
                    }
                }
                (_, ["os-interface", rest @ ..]) => {
                    let project = state.servers[&id].project_id.clone();
                    let now = app.clock.now();
                    let (reply, changed) = crate::network::interfaces(
                        state,
                        ctx,
                        req,
                        (&id, &project),
                        mv.1,
                        rest,
                        now,
                    );
                    if changed {
                        let addresses = crate::network::addresses(&state.network, &id);
                        if let Some(s) = state.servers.get_mut(&id) {
                            s.addresses = addresses;
                        }
                    }
                    Ok(reply)
                }
                (_, ["os-volume_attachments", rest @ ..]) => Ok(crate::volume::server_attachments(
                    &mut state.volume,
                    ctx,
                    req,
                    &id,
                    mv.1,
                    app.clock.now(),
                    rest,
                )),
                (&Method::GET, ["os-security-groups"]) => {
                    let s = state.servers[&id].clone();
                    let groups: Vec<Value> = s
                        .security_groups
                        .iter()
                        .map(|name| {
                            crate::network::server_group(
                                &mut state.network,
                                ctx,
                                &s.project_id,
                                name,
                                app.clock.now(),
                            )
                        })
                        .collect();
                    Ok(Reply::ok(json!({"security_groups": groups})))
                }
                _ => Err(not_found("The resource could not be found.")),
            }
        }
        (_, ["flavors", rest @ ..]) => flavors(app, state, req, ctx, mv, rest),
        (_, ["os-keypairs", rest @ ..]) => keypairs(app, state, req, ctx, mv, rest),
        (_, ["os-server-groups", rest @ ..]) => server_groups(app, state, req, ctx, mv, rest),
        (&Method::GET, ["limits"]) => limits(state, req, ctx, mv),
        (_, ["os-quota-sets", project, rest @ ..]) => {
            quota_sets(state, req, ctx, mv, project, rest)
        }
        (_, ["os-quota-class-sets", class]) => quota_class_sets(state, req, ctx, mv, class),
        (&Method::GET, ["os-simple-tenant-usage", rest @ ..]) => {
            usage(app, state, req, ctx, mv, rest)
        }
        (&Method::GET, ["os-hypervisors", rest @ ..]) => {
            hypervisors(app, state, req, ctx, mv, rest)
        }
        (&Method::POST, ["os-server-external-events"]) => external_events(state, req, ctx, mv),
        (_, ["images", rest @ ..]) => images(app, state, req, ctx, mv, rest),
        (_, ["os-aggregates", rest @ ..]) => aggregates(app, state, req, ctx, mv, rest),
        (
            _,
            [
                proxy @ ("os-security-groups" | "os-security-group-rules"),
                rest @ ..,
            ],
        ) if !mv.at_least(36) => {
            let rules = *proxy == "os-security-group-rules";
            let now = app.clock.now();
            Ok(crate::network::security_groups(
                &mut state.network,
                ctx,
                req,
                rules,
                rest,
                now,
            ))
        }
        (_, ["os-tenant-networks", rest @ ..]) if !mv.at_least(36) => Ok(
            crate::network::tenant_networks(&state.network, ctx, req, rest),
        ),
        (&Method::GET, ["os-floating-ip-pools"]) if !mv.at_least(36) => {
            Ok(crate::network::floating_ip_pools(&state.network))
        }
        (_, ["os-floating-ips", rest @ ..]) if !mv.at_least(36) => {
            let now = app.clock.now();
            Ok(crate::network::floating_ips(
                &mut state.network,
                ctx,
                req,
                rest,
                now,
            ))
        }
        (_, [kind @ ("os-volumes" | "os-snapshots"), rest @ ..]) if !mv.at_least(36) => Ok(
            crate::volume::proxy(app, state, ctx, req, *kind == "os-snapshots", rest),
        ),
        (_, ["os-services", rest @ ..]) => compute_services(app, state, req, ctx, mv, rest),
        (_, ["os-assisted-volume-snapshots", rest @ ..]) => Ok(crate::volume::assisted_snapshots(
            &state.volume,
            ctx,
            req,
            rest,
        )),
        (_, ["os-hosts", rest @ ..]) => os_hosts(state, req, ctx, mv, rest),
        (&Method::GET, ["os-migrations"]) => {
            if !ctx.is_admin() {
                return Err(policy("os_compute_api:os-migrations:index"));
            }
            // Nothing ever migrates on one host.
            Ok(Reply::ok(json!({"migrations": []})))
        }
        (&Method::GET, ["os-instance_usage_audit_log", rest @ ..]) => {
            if !ctx.is_admin() {
                return Err(policy("os_compute_api:os-instance-usage-audit-log:list"));
            }
            let now = app.clock.now();
            let log = json!({
                "period_beginning": (now - chrono::Duration::days(1)).format("%Y-%m-%d 00:00:00").to_string(),
                "period_ending": now.format("%Y-%m-%d 00:00:00").to_string(),
                "overall_status": "ALL hosts done. 0 errors.",
                "num_hosts": 1, "num_hosts_done": 1, "num_hosts_not_run": 0,
                "num_hosts_running": 0, "hosts_not_run": [], "total_errors": 0,
                "total_instances": state.servers.len(),
                "log": {HOST: {"state": "DONE", "instances": state.servers.len(), "errors": 0,
                               "message": format!("Instance usage audit ran for host {HOST}, 0 instances in 0 seconds.")}},
            });
            match rest {
                [] => Ok(Reply::ok(json!({ "instance_usage_audit_logs": log }))),
                [_] => Ok(Reply::ok(json!({ "instance_usage_audit_log": log }))),
                _ => Err(not_found("The resource could not be found.")),
            }
        }
        (&Method::GET, ["os-baremetal-nodes", ..]) => {
            if mv.at_least(37) {
                return Err(not_found("The resource could not be found."));
            }
            Err(fault(
                500,
                "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n<class 'keystoneauth1.exceptions.catalog.EndpointNotFound'>",
            ))
        }
        (&Method::GET, ["extensions"]) => Ok(Reply::ok(
            json!({"extensions": EXTENSIONS.iter().map(extension_json).collect::<Vec<_>>()}),
        )),
        (&Method::GET, ["extensions", alias]) => match EXTENSIONS.iter().find(|e| e.0 == *alias) {
            Some(e) => Ok(Reply::ok(json!({"extension": extension_json(e)}))),
            None => Err(not_found("Extension could not be found.")),
        },
        (&Method::GET, ["os-console-auth-tokens", token]) => {
            if !ctx.is_admin() {
                return Err(policy("os_compute_api:os-console-auth-tokens"));
            }
            Err(not_found(&format!(
                "The token '{token}' is invalid or has expired"
            )))
        }
        (&Method::GET, ["os-availability-zone"]) => Ok(Reply::ok(json!({"availabilityZoneInfo": [
            {"zoneName": "nova", "zoneState": {"available": true}, "hosts": null}
        ]}))),
        (&Method::GET, ["os-availability-zone", "detail"]) => {
            if !ctx.is_admin() {
                return Err(policy("os_compute_api:os-availability-zone:detail"));
            }
            let svc = |names: &[&str]| -> Value {
                let mut m = Map::new();
                for n in names {
                    m.insert(
                        n.to_string(),
                        json!({"available": true, "active": true, "updated_at": null}),
                    );
                }
                Value::Object(m)
            };
            Ok(Reply::ok(json!({"availabilityZoneInfo": [
                {"zoneName": "internal", "zoneState": {"available": true},
                 "hosts": {HOST: svc(&["nova-conductor", "nova-scheduler"])}},
                {"zoneName": "nova", "zoneState": {"available": true},
                 "hosts": {HOST: svc(&["nova-compute"])}},
            ]})))
        }
        _ => Err(not_found("The resource could not be found.")),
    }
}

// ------------------------------------------------------------------ server views

fn link_pair(app: &App, project: &str, kind: &str, id: &str) -> Value {
    json!([
        {"rel": "self", "href": format!("{}/compute/v2.1/{kind}/{id}", app.base)},
        {"rel": "bookmark", "href": format!("{}/compute/{kind}/{id}", app.base)},
    ])
    .as_array()
    .map(|a| {
        let _ = project;
        Value::Array(a.clone())
    })
    .unwrap_or(Value::Null)
}

/// The libvirt-style instance name Nova shows to admins.
fn instance_name(id: &str) -> String {
    format!("instance-{}", id.chars().take(8).collect::<String>())
}

fn host_id(project: &str) -> String {
    let d = ring::digest::digest(&ring::digest::SHA256, format!("{project}{HOST}").as_bytes());
    d.as_ref()[..28]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn ips_json(s: &Server, only: Option<&str>) -> Value {
    let mut out: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for a in &s.addresses {
        if only.is_some_and(|n| n != a.network) {
            continue;
        }
        out.entry(a.network.clone())
            .or_default()
            .push(json!({"addr": a.addr, "version": a.version}));
    }
    json!(out)
}

fn server_json(app: &App, state: &State, s: &Server, mv: Mv, ctx: &Ctx) -> Value {
    let mut addresses: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for a in &s.addresses {
        addresses.entry(a.network.clone()).or_default().push(json!({
            "addr": a.addr, "version": a.version, "OS-EXT-IPS:type": "fixed",
            "OS-EXT-IPS-MAC:mac_addr": a.mac,
        }));
    }
    let flavor = if mv.at_least(47) {
        let mut f = json!({
            "vcpus": s.flavor.vcpus, "ram": s.flavor.ram, "disk": s.flavor.disk,
            "ephemeral": s.flavor.ephemeral, "swap": s.flavor.swap,
            "original_name": s.flavor.name,
        });
        if ctx.is_admin() || mv.at_least(47) {
            f["extra_specs"] = json!(s.flavor.extra_specs);
        }
        f
    } else {
        json!({"id": s.flavor.id, "links": [{"rel": "bookmark",
            "href": format!("{}/compute/flavors/{}", app.base, s.flavor.id)}]})
    };
    let image = if state.images.contains_key(&s.image_id) || !s.image_id.is_empty() {
        json!({"id": s.image_id, "links": [{"rel": "bookmark",
            "href": format!("{}/compute/images/{}", app.base, s.image_id)}]})
    } else {
        json!("")
    };
    let status = s.status();
    let mut v = json!({
        "id": s.id, "name": s.name, "status": status, "tenant_id": s.project_id,
        "user_id": s.user_id, "metadata": s.metadata, "hostId": host_id(&s.project_id),
        "image": image, "flavor": flavor, "created": s.created.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "updated": s.updated.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "addresses": addresses, "accessIPv4": s.access_ipv4, "accessIPv6": s.access_ipv6,
        "links": link_pair(app, &s.project_id, "servers", &s.id),
        "key_name": s.key_name, "config_drive": "",
        "OS-DCF:diskConfig": "MANUAL",
        "OS-EXT-AZ:availability_zone": if s.vm_state == "building" { "" } else { s.availability_zone.as_str() },
        "OS-EXT-STS:power_state": s.power_state,
        "OS-EXT-STS:task_state": s.task_state,
        "OS-EXT-STS:vm_state": s.vm_state,
        "OS-SRV-USG:launched_at": s.launched_at.map(|t| t.format("%Y-%m-%dT%H:%M:%S%.6f").to_string()),
        "OS-SRV-USG:terminated_at": null,
        "os-extended-volumes:volumes_attached": [],
        "security_groups": s.security_groups.iter().map(|n| json!({"name": n})).collect::<Vec<_>>(),
    });
    let o = v.as_object_mut().expect("an object");
    if matches!(
        status,
        "ACTIVE" | "BUILD" | "REBUILD" | "RESIZE" | "VERIFY_RESIZE" | "MIGRATING"
    ) {
        o.insert("progress".into(), json!(0));
    }
    if s.vm_state == "error" {
        o.insert(
            "fault".into(),
            json!({"code": 500, "message": "The server was set to ERROR.",
                   "created": stamp(s.updated)}),
        );
    }
    if ctx.is_admin() {
        o.insert("OS-EXT-SRV-ATTR:host".into(), json!(HOST));
        o.insert("OS-EXT-SRV-ATTR:hypervisor_hostname".into(), json!(HOST));
        o.insert(
            "OS-EXT-SRV-ATTR:instance_name".into(),
            json!(instance_name(&s.id)),
        );
        if mv.at_least(3) {
            o.insert("OS-EXT-SRV-ATTR:hostname".into(), json!(s.name));
            o.insert(
                "OS-EXT-SRV-ATTR:reservation_id".into(),
                json!(s.reservation_id),
            );
            o.insert("OS-EXT-SRV-ATTR:launch_index".into(), json!(0));
            o.insert("OS-EXT-SRV-ATTR:kernel_id".into(), json!(""));
            o.insert("OS-EXT-SRV-ATTR:ramdisk_id".into(), json!(""));
            o.insert("OS-EXT-SRV-ATTR:root_device_name".into(), json!("/dev/vda"));
            o.insert("OS-EXT-SRV-ATTR:user_data".into(), Value::Null);
        }
        if mv.at_least(16) {
            o.insert("host_status".into(), json!("UP"));
        }
    }
    if mv.at_least(9) {
        o.insert("locked".into(), json!(s.locked));
    }
    if mv.at_least(73) {
        o.insert("locked_reason".into(), json!(s.locked_reason));
    }
    if mv.at_least(19) {
        o.insert("description".into(), json!(s.description));
    }
    if mv.at_least(26) {
        o.insert("tags".into(), json!(s.tags));
    }
    if mv.at_least(63) {
        o.insert("trusted_image_certificates".into(), Value::Null);
    }
    if mv.at_least(71) {
        o.insert("server_groups".into(), json!(s.server_groups));
    }
    if mv.at_least(96) {
        o.insert("pinned_availability_zone".into(), Value::Null);
    }
    if mv.at_least(100) {
        o.insert(
            "scheduler_hints".into(),
            Value::Object(s.scheduler_hints.clone()),
        );
    }
    v
}

// ------------------------------------------------------------------ listing

fn name_matches(pattern: &str, name: &str) -> bool {
    match regex::Regex::new(pattern) {
        Ok(re) => re.is_match(name),
        Err(_) => name.contains(pattern),
    }
}

fn list_servers(app: &App, state: &State, req: &Req, ctx: &Ctx, mv: Mv, detail: bool) -> Answer {
    let all = ctx.is_admin()
        && req
            .q("all_tenants")
            .or(req.q("all_projects"))
            .is_some_and(|v| !matches!(v.to_ascii_lowercase().as_str(), "0" | "false" | "off"));
    let project_filter = if ctx.is_admin() {
        req.q("project_id").or(req.q("tenant_id"))
    } else {
        None
    };
    let limit = match req.q("limit").map(str::parse::<usize>) {
        None => None,
        Some(Ok(n)) => Some(n.min(1000)),
        Some(Err(_)) => return Err(bad("limit param must be an integer")),
    };
    let split = |k: &str| -> Option<Vec<String>> {
        req.q(k).map(|v| v.split(',').map(str::to_string).collect())
    };
    let (tags, tags_any, not_tags, not_tags_any) = (
        split("tags"),
        split("tags-any"),
        split("not-tags"),
        split("not-tags-any"),
    );
    let changes_since = req.q("changes-since").and_then(parse_time);
    let mut rows: Vec<&Server> = state
        .servers
        .values()
        .filter(|s| {
            if let Some(p) = project_filter {
                s.project_id == p
            } else {
                all || Some(s.project_id.as_str()) == ctx.project_id()
            }
        })
        .filter(|s| req.q("name").is_none_or(|n| name_matches(n, &s.name)))
        .filter(|s| {
            req.q("status")
                .is_none_or(|st| st.eq_ignore_ascii_case(s.status()))
        })
        .filter(|s| {
            req.q("reservation_id")
                .is_none_or(|r| r == s.reservation_id)
        })
        .filter(|s| req.q("flavor").is_none_or(|f| f == s.flavor.id))
        .filter(|s| req.q("image").is_none_or(|i| i == s.image_id))
        .filter(|s| req.q("user_id").is_none_or(|u| u == s.user_id))
        .filter(|s| {
            req.q("key_name")
                .is_none_or(|k| Some(k) == s.key_name.as_deref())
        })
        .filter(|s| {
            req.q("locked")
                .is_none_or(|l| l.eq_ignore_ascii_case("true") == s.locked)
        })
        .filter(|s| changes_since.is_none_or(|t| s.updated >= t))
        .filter(|s| {
            tags.as_ref()
                .is_none_or(|ts| ts.iter().all(|t| s.tags.contains(t)))
        })
        .filter(|s| {
            tags_any
                .as_ref()
                .is_none_or(|ts| ts.iter().any(|t| s.tags.contains(t)))
        })
        .filter(|s| {
            not_tags
                .as_ref()
                .is_none_or(|ts| !ts.iter().all(|t| s.tags.contains(t)))
        })
        .filter(|s| {
            not_tags_any
                .as_ref()
                .is_none_or(|ts| !ts.iter().any(|t| s.tags.contains(t)))
        })
        .collect();
    let key = req.q("sort_key").unwrap_or("created_at");
    let asc = req.q("sort_dir") == Some("asc");
    rows.sort_by(|a, b| {
        let o = match key {
            "display_name" | "name" => a.name.cmp(&b.name),
            "updated_at" => a.updated.cmp(&b.updated),
            "uuid" | "id" => a.id.cmp(&b.id),
            _ => a.created.cmp(&b.created),
        }
        .then(a.id.cmp(&b.id));
        if asc { o } else { o.reverse() }
    });
    if let Some(marker) = req.q("marker") {
        match rows.iter().position(|s| s.id == marker) {
            Some(i) => {
                rows.drain(..=i);
            }
            None => return Err(bad(&format!("marker [{marker}] not found"))),
        }
    }
    let mut next = None;
    if let Some(n) = limit {
        if rows.len() >= n && n > 0 {
            rows.truncate(n);
            let last = rows.last().map(|s| s.id.clone()).unwrap_or_default();
            next = Some(next_link(app, req, detail_path(detail), &last));
        } else {
            rows.truncate(n);
        }
    }
    let items: Vec<Value> = rows
        .iter()
        .map(|s| {
            if detail {
                server_json(app, state, s, mv, ctx)
            } else {
                json!({"id": s.id, "name": s.name, "links": link_pair(app, &s.project_id, "servers", &s.id)})
            }
        })
        .collect();
    let mut body = json!({ "servers": items });
    if let Some(href) = next {
        body["servers_links"] = json!([{"rel": "next", "href": href}]);
    }
    Ok(Reply::ok(body))
}

fn detail_path(detail: bool) -> &'static str {
    if detail { "servers/detail" } else { "servers" }
}

/// The next page's link: the request's query with the marker replaced.
fn next_link(app: &App, req: &Req, path: &str, marker: &str) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in &req.query {
        if k != "marker" {
            q.append_pair(k, v);
        }
    }
    q.append_pair("marker", marker);
    format!("{}/compute/v2.1/{path}?{}", app.base, q.finish())
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    chrono::NaiveDateTime::parse_from_str(s.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .map(|n| n.and_utc())
}

// ------------------------------------------------------------------ create, update, delete

fn string_or_number(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn string_map(v: Option<&Value>, what: &str) -> Result<BTreeMap<String, String>, Reply> {
    let mut out = BTreeMap::new();
    match v {
        None | Some(Value::Null) => {}
        Some(Value::Object(o)) => {
            for (k, x) in o {
                let Some(x) = x.as_str() else {
                    return Err(bad(&format!(
                        "Invalid input for field/attribute {what}. Value: {x}. {x} is not of type 'string'"
                    )));
                };
                if k.is_empty() || k.len() > 255 || x.len() > 255 {
                    return Err(bad(&format!(
                        "Invalid input for field/attribute {what}. Value: {k}."
                    )));
                }
                out.insert(k.clone(), x.to_string());
            }
        }
        Some(other) => {
            return Err(bad(&format!(
                "Invalid input for field/attribute {what}. Value: {other}. {other} is not of type 'object'"
            )));
        }
    }
    Ok(out)
}

fn valid_tag(t: &str) -> bool {
    !t.is_empty() && t.len() <= 60 && !t.contains('/') && !t.contains(',')
}

fn create_server(app: &App, state: &mut State, req: &Req, ctx: &Ctx, mv: Mv) -> Answer {
    let Some(body) = req.json() else {
        return Err(bad("The request body is not valid JSON."));
    };
    let Some(o) = body.get("server").and_then(Value::as_object) else {
        return Err(bad(
            "Invalid input for field/attribute server. 'server' is a required property",
        ));
    };
    let Some(name) = o.get("name").and_then(Value::as_str).map(str::to_string) else {
        return Err(bad(
            "Invalid input for field/attribute server. 'name' is a required property",
        ));
    };
    if name.trim().is_empty() || name.len() > 255 {
        return Err(bad("Invalid input for field/attribute name. Value: . "));
    }
    let Some(flavor_ref) = o.get("flavorRef").and_then(string_or_number) else {
        return Err(bad(
            "Invalid input for field/attribute server. 'flavorRef' is a required property",
        ));
    };
    let flavor_id = flavor_ref
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let project = ctx.project_id().unwrap_or_default().to_string();
    let Some(flavor) = state
        .flavors
        .get(&flavor_id)
        .filter(|f| f.is_public || ctx.is_admin() || f.access.contains(&project))
        .cloned()
    else {
        return Err(bad(&format!("Flavor {flavor_ref} could not be found.")));
    };
    let image_id = match o.get("imageRef").and_then(Value::as_str) {
        Some(r) => {
            let id = r.rsplit('/').next().unwrap_or_default().to_string();
            if !state.images.contains_key(&id) {
                return Err(bad(&format!("Image {r} could not be found.")));
            }
            id
        }
        None => {
            let boots_from_volume = o
                .get("block_device_mapping_v2")
                .and_then(Value::as_array)
                .is_some_and(|b| !b.is_empty());
            if !boots_from_volume {
                return Err(bad(
                    "Invalid input for field/attribute server. 'imageRef' is a required property",
                ));
            }
            String::new()
        }
    };
    let networks = o.get("networks");
    let with_address = match networks {
        None if mv.at_least(37) => {
            return Err(bad(
                "Invalid input for field/attribute server. 'networks' is a required property",
            ));
        }
        None => true,
        Some(Value::String(s)) if s == "auto" => true,
        Some(Value::String(s)) if s == "none" => false,
        Some(Value::String(s)) => {
            return Err(bad(&format!(
                "Invalid input for field/attribute networks. Value: {s}. '{s}' is not one of ['none', 'auto']"
            )));
        }
        Some(Value::Array(a)) => !a.is_empty(),
        Some(other) => {
            return Err(bad(&format!(
                "Invalid input for field/attribute networks. Value: {other}."
            )));
        }
    };
    let metadata = string_map(o.get("metadata"), "metadata")?;
    let description = match o.get("description") {
        None | Some(Value::Null) => None,
        Some(_) if !mv.at_least(19) => {
            return Err(bad(
                "Invalid input for field/attribute server. Additional properties are not allowed ('description' was unexpected)",
            ));
        }
        Some(Value::String(d)) => Some(d.clone()),
        Some(_) => return Err(bad("Invalid input for field/attribute description.")),
    };
    let mut tags = Vec::new();
    if let Some(t) = o.get("tags") {
        if !mv.at_least(52) {
            return Err(bad(
                "Invalid input for field/attribute server. Additional properties are not allowed ('tags' was unexpected)",
            ));
        }
        let Some(list) = t.as_array() else {
            return Err(bad("Invalid input for field/attribute tags."));
        };
        for x in list {
            match x.as_str() {
                Some(s) if valid_tag(s) => {
                    if !tags.iter().any(|t: &String| t == s) {
                        tags.push(s.to_string());
                    }
                }
                _ => {
                    return Err(bad(&format!(
                        "Invalid input for field/attribute tags. Value: {x}."
                    )));
                }
            }
        }
        if tags.len() > 50 {
            return Err(bad(
                "Invalid input for field/attribute tags. Too many tags.",
            ));
        }
    }
    let key_name = match o.get("key_name") {
        None | Some(Value::Null) => None,
        Some(Value::String(k)) => {
            if !state
                .keypairs
                .iter()
                .any(|kp| kp.name == *k && kp.user_id == ctx.user_id)
            {
                return Err(bad("Invalid key_name provided."));
            }
            Some(k.clone())
        }
        Some(_) => return Err(bad("Invalid key_name provided.")),
    };
    if let Some(ud) = o.get("user_data").and_then(Value::as_str)
        && base64::engine::general_purpose::STANDARD
            .decode(ud)
            .is_err()
    {
        return Err(bad("User data needs to be valid base 64."));
    }
    let count = |k: &str| -> Result<u64, Reply> {
        match o.get(k) {
            None => Ok(1),
            Some(v) => v
                .as_u64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                .filter(|n| *n >= 1)
                .ok_or_else(|| bad(&format!("Invalid input for field/attribute {k}."))),
        }
    };
    let min_count = count("min_count")?;
    let max_count = count("max_count")?.max(min_count);
    let allowed = quota_value(state, Some(&project), "instances");
    let used = quota_in_use(state, &project, "instances");
    let requested = i64::try_from(min_count).unwrap_or(i64::MAX);
    if allowed >= 0 && used.saturating_add(requested) > allowed {
        return Err(fault(
            403,
            &format!(
                "Quota exceeded for instances: Requested {requested}, but already used {used} of {allowed} instances"
            ),
        ));
    }
    // As many as the quota leaves room for, between min_count and max_count.
    let max_count = if allowed >= 0 {
        max_count
            .min(u64::try_from(allowed - used).unwrap_or(0))
            .max(min_count)
    } else {
        max_count
    };
    let security_groups: Vec<String> = match o.get("security_groups").and_then(Value::as_array) {
        Some(list) => list
            .iter()
            .filter_map(|g| g["name"].as_str().map(str::to_string))
            .collect(),
        None => vec!["default".into()],
    };
    let hints = body
        .get("os:scheduler_hints")
        .or(body.get("OS-SCH-HNT:scheduler_hints"))
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let group = match hints.get("group").and_then(Value::as_str) {
        Some(g) => match state.server_groups.get(g) {
            Some(_) => Some(g.to_string()),
            None => {
                return Err(bad(&format!(
                    "Invalid input for group: server group {g} not found"
                )));
            }
        },
        None => None,
    };
    let availability_zone = str_field(o, "availability_zone")?
        .unwrap_or("nova")
        .split(':')
        .next()
        .unwrap_or("nova")
        .to_string();
    let admin_pass = str_field(o, "adminPass")?
        .map(str::to_string)
        .unwrap_or_else(|| ids::secret()[..12].to_string());
    let reservation_id = format!("r-{}", &ids::hex_id()[..8]);
    let now = app.clock.now();
    let due = now + chrono::Duration::from_std(app.delays.build).unwrap_or_default();
    let project_id = ctx.project_id().unwrap_or_default().to_string();
    let mut first = None;
    for i in 1..=max_count {
        let id = ids::uuid();
        let serial = state.next_serial();
        let plugged = if with_address {
            crate::network::boot_ports(state, ctx, &project_id, &id, networks, now)?
        } else {
            false
        };
        let addresses = if plugged {
            crate::network::addresses(&state.network, &id)
        } else if with_address {
            vec![Address {
                network: "private".into(),
                addr: format!("10.0.{}.{}", (serial / 250) % 250, serial % 250 + 2),
                version: 4,
                mac: format!(
                    "fa:16:3e:{:02x}:{:02x}:{:02x}",
                    (serial >> 16) & 0xff,
                    (serial >> 8) & 0xff,
                    serial & 0xff
                ),
            }]
        } else {
            Vec::new()
        };
        let server = Server {
            id: id.clone(),
            name: if max_count > 1 {
                format!("{name}-{i}")
            } else {
                name.clone()
            },
            project_id: project_id.clone(),
            user_id: ctx.user_id.clone(),
            vm_state: "building".into(),
            task_state: Some("spawning".into()),
            power_state: 0,
            pending: Some(Pending {
                due,
                vm_state: "active".into(),
                power_state: 1,
                delete: false,
            }),
            flavor: flavor.clone(),
            old_flavor: None,
            image_id: image_id.clone(),
            metadata: metadata.clone(),
            tags: tags.clone(),
            description: description.clone(),
            locked: false,
            locked_reason: None,
            key_name: key_name.clone(),
            addresses,
            security_groups: security_groups.clone(),
            reservation_id: reservation_id.clone(),
            server_groups: group.iter().cloned().collect(),
            scheduler_hints: hints.clone(),
            availability_zone: availability_zone.clone(),
            host: HOST.into(),
            access_ipv4: o
                .get("accessIPv4")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .into(),
            access_ipv6: o
                .get("accessIPv6")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .into(),
            created: now,
            updated: now,
            launched_at: None,
        };
        if let Some(g) = group.as_ref().and_then(|g| state.server_groups.get_mut(g)) {
            g.members.push(id.clone());
        }
        state.servers.insert(id.clone(), server);
        record_action(app, state, req, ctx, &id, "create");
        first.get_or_insert(id);
    }
    let first = first.unwrap_or_default();
    let returns_reservation = o.get("return_reservation_id").is_some_and(|v| {
        v == &json!(true) || v.as_str().is_some_and(|s| s.eq_ignore_ascii_case("true"))
    });
    if returns_reservation {
        return Ok(Reply::json(202, json!({"reservation_id": reservation_id})));
    }
    let location = format!("{}/compute/v2.1/servers/{first}", app.base);
    Ok(Reply::json(
        202,
        json!({"server": {
            "id": first,
            "links": link_pair(app, &project_id, "servers", &first),
            "OS-DCF:diskConfig": "MANUAL",
            "security_groups": security_groups.iter().map(|n| json!({"name": n})).collect::<Vec<_>>(),
            "adminPass": admin_pass,
        }}),
    )
    .header("Location", location))
}

fn update_server(app: &App, state: &mut State, req: &Req, ctx: &Ctx, mv: Mv, id: &str) -> Answer {
    let Some(body) = req.json() else {
        return Err(bad("The request body is not valid JSON."));
    };
    let Some(o) = body.get("server").and_then(Value::as_object) else {
        return Err(bad(
            "Invalid input for field/attribute server. 'server' is a required property",
        ));
    };
    let Some(s) = state.servers.get_mut(id) else {
        return Err(server_not_found(id));
    };
    if s.locked && !ctx.is_admin() {
        return Err(conflict(&format!("Instance {id} is locked")));
    }
    for (k, v) in o {
        match (k.as_str(), v) {
            ("name", Value::String(n)) if !n.trim().is_empty() && n.len() <= 255 => {
                s.name = n.clone()
            }
            ("description", Value::String(d)) if mv.at_least(19) => s.description = Some(d.clone()),
            ("description", Value::Null) if mv.at_least(19) => s.description = None,
            ("accessIPv4", Value::String(a)) => s.access_ipv4 = a.clone(),
            ("accessIPv6", Value::String(a)) => s.access_ipv6 = a.clone(),
            ("hostname", Value::String(_)) if mv.at_least(90) => {}
            ("OS-DCF:diskConfig", Value::String(_)) => {}
            _ => {
                return Err(bad(&format!(
                    "Invalid input for field/attribute {k}. Value: {v}."
                )));
            }
        }
    }
    s.updated = app.clock.now();
    let s = state.servers[id].clone();
    Ok(Reply::ok(
        json!({"server": server_json(app, state, &s, mv, ctx)}),
    ))
}

fn delete_server(app: &App, state: &mut State, ctx: &Ctx, id: &str) -> Answer {
    let now = app.clock.now();
    let Some(s) = state.servers.get_mut(id) else {
        return Err(server_not_found(id));
    };
    if s.locked && !ctx.is_admin() {
        return Err(conflict(&format!("Instance {id} is locked")));
    }
    if s.task_state.as_deref() == Some("deleting") {
        return Ok(Reply::empty(204));
    }
    s.task_state = Some("deleting".into());
    s.updated = now;
    s.pending = Some(Pending {
        due: now + chrono::Duration::from_std(app.delays.delete).unwrap_or_default(),
        vm_state: "deleted".into(),
        power_state: 0,
        delete: true,
    });
    Ok(Reply::empty(204))
}

// ------------------------------------------------------------------ actions

fn action(app: &App, state: &mut State, req: &Req, ctx: &Ctx, mv: Mv, id: &str) -> Answer {
    let Some(Value::Object(body)) = req.json() else {
        return Err(bad("Malformed request body"));
    };
    let Some((name, args)) = body.iter().next().map(|(k, v)| (k.clone(), v.clone())) else {
        return Err(bad("Malformed request body"));
    };
    if body.len() != 1 {
        return Err(bad("Malformed request body: more than one action"));
    }
    let now = app.clock.now();
    let action_due = now + chrono::Duration::from_std(app.delays.action).unwrap_or_default();
    let s = state.servers[id].clone();
    let vm = s.vm_state.clone();
    let admin_only = [
        "os-resetState",
        "injectNetworkInfo",
        "migrate",
        "os-migrateLive",
        "evacuate",
        "forceDelete",
        "restore",
        "resetNetwork",
    ];
    if admin_only.contains(&name.as_str()) && !ctx.is_admin() {
        return Err(policy(&format!("os_compute_api:os-admin-actions:{name}")));
    }
    if s.locked
        && !ctx.is_admin()
        && !matches!(name.as_str(), "lock" | "unlock" | "os-getConsoleOutput")
    {
        return Err(conflict(&format!("Instance {id} is locked")));
    }
    let busy = |action: &str| -> Result<(), Reply> {
        match &s.task_state {
            Some(t) => Err(conflict(&format!(
                "Cannot '{action}' instance {id} while it is in task_state {t}"
            ))),
            None => Ok(()),
        }
    };
    let wrong_state = |action: &str| -> Reply {
        conflict(&format!(
            "Cannot '{action}' instance {id} while it is in vm_state {vm}"
        ))
    };
    // Starts a transition: a task now, a VM state later.
    let start = |state: &mut State, task: &str, to_vm: &str, power: u8| {
        if let Some(x) = state.servers.get_mut(id) {
            x.task_state = Some(task.into());
            x.updated = now;
            x.pending = Some(Pending {
                due: action_due,
                vm_state: to_vm.into(),
                power_state: power,
                delete: false,
            });
        }
    };
    let accepted = Reply::empty(202);
    match name.as_str() {
        "os-stop" => {
            busy("stop")?;
            if !matches!(vm.as_str(), "active" | "error" | "rescued") {
                return Err(wrong_state("stop"));
            }
            start(state, "powering-off", "stopped", 4);
            Ok(accepted)
        }
        "os-start" => {
            busy("start")?;
            if vm != "stopped" {
                return Err(wrong_state("start"));
            }
            start(state, "powering-on", "active", 1);
            Ok(accepted)
        }
        "reboot" => {
            let hard = match args["type"]
                .as_str()
                .map(str::to_ascii_uppercase)
                .as_deref()
            {
                Some("HARD") => true,
                Some("SOFT") => false,
                _ => {
                    return Err(bad(
                        "Invalid input for field/attribute type. Value: missing.",
                    ));
                }
            };
            busy("reboot")?;
            let allowed = if hard {
                matches!(
                    vm.as_str(),
                    "active" | "stopped" | "paused" | "suspended" | "error"
                )
            } else {
                vm == "active"
            };
            if !allowed {
                return Err(wrong_state("reboot"));
            }
            start(
                state,
                if hard { "rebooting_hard" } else { "rebooting" },
                "active",
                1,
            );
            Ok(accepted)
        }
        "pause" | "unpause" | "suspend" | "resume" | "rescue" | "unrescue" | "shelve"
        | "shelveOffload" | "unshelve" => {
            busy(&name)?;
            let (from, task, to, power): (&[&str], &str, &str, u8) = match name.as_str() {
                "pause" => (&["active"], "pausing", "paused", 3),
                "unpause" => (&["paused"], "unpausing", "active", 1),
                "suspend" => (&["active"], "suspending", "suspended", 4),
                "resume" => (&["suspended"], "resuming", "active", 1),
                "rescue" => (&["active", "stopped", "error"], "rescuing", "rescued", 1),
                "unrescue" => (&["rescued"], "unrescuing", "active", 1),
                "shelve" => (
                    &["active", "stopped", "paused", "suspended"],
                    "shelving",
                    "shelved_offloaded",
                    4,
                ),
                "shelveOffload" => (&["shelved"], "shelving_offloading", "shelved_offloaded", 4),
                _ => (&["shelved", "shelved_offloaded"], "unshelving", "active", 1),
            };
            if !from.contains(&vm.as_str()) {
                return Err(wrong_state(&name));
            }
            start(state, task, to, power);
            if name == "rescue" {
                let pass = args["adminPass"]
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| ids::secret()[..12].to_string());
                return Ok(Reply::ok(json!({"adminPass": pass})));
            }
            Ok(accepted)
        }
        "lock" => {
            let reason = args
                .as_object()
                .and_then(|o| o.get("locked_reason"))
                .and_then(Value::as_str)
                .map(str::to_string);
            if reason.is_some() && !mv.at_least(73) {
                return Err(bad(
                    "Invalid input for field/attribute lock. Additional properties are not allowed ('locked_reason' was unexpected)",
                ));
            }
            if let Some(x) = state.servers.get_mut(id) {
                x.locked = true;
                x.locked_reason = reason;
            }
            Ok(accepted)
        }
        "unlock" => {
            if let Some(x) = state.servers.get_mut(id) {
                x.locked = false;
                x.locked_reason = None;
            }
            Ok(accepted)
        }
        "rebuild" => {
            busy("rebuild")?;
            if !matches!(vm.as_str(), "active" | "stopped" | "error") {
                return Err(wrong_state("rebuild"));
            }
            let Some(image) = args["imageRef"].as_str() else {
                return Err(bad(
                    "Invalid input for field/attribute rebuild. 'imageRef' is a required property",
                ));
            };
            let image_id = image.rsplit('/').next().unwrap_or_default().to_string();
            if !state.images.contains_key(&image_id) {
                return Err(bad(&format!("Image {image} could not be found.")));
            }
            let metadata = match args.get("metadata") {
                Some(m) => Some(string_map(Some(m), "metadata")?),
                None => None,
            };
            let back = if vm == "stopped" {
                ("stopped", 4)
            } else {
                ("active", 1)
            };
            if let Some(x) = state.servers.get_mut(id) {
                x.image_id = image_id;
                if let Some(n) = args["name"].as_str() {
                    x.name = n.into();
                }
                if let Some(d) = args.get("description").filter(|_| mv.at_least(19)) {
                    x.description = d.as_str().map(str::to_string);
                }
                if let Some(m) = metadata {
                    x.metadata = m;
                }
                x.task_state = Some("rebuilding".into());
                x.updated = now;
                x.pending = Some(Pending {
                    due: action_due,
                    vm_state: back.0.into(),
                    power_state: back.1,
                    delete: false,
                });
            }
            let pass = args["adminPass"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| ids::secret()[..12].to_string());
            let s = state.servers[id].clone();
            let mut v = server_json(app, state, &s, mv, ctx);
            v["adminPass"] = json!(pass);
            Ok(Reply::json(202, json!({ "server": v })))
        }
        "resize" => {
            busy("resize")?;
            if !matches!(vm.as_str(), "active" | "stopped") {
                return Err(wrong_state("resize"));
            }
            let Some(fref) = args.get("flavorRef").and_then(string_or_number) else {
                return Err(bad(
                    "Invalid input for field/attribute resize. 'flavorRef' is a required property",
                ));
            };
            let Some(flavor) = state.flavors.get(&fref).cloned() else {
                return Err(bad(&format!("Flavor {fref} could not be found.")));
            };
            if flavor.id == s.flavor.id {
                return Err(bad("When resizing, instances must change flavor!"));
            }
            if flavor.disk < s.flavor.disk {
                return Err(bad("Resize error: Unable to resize disk down."));
            }
            let power = s.power_state;
            if app.single_host {
                // Like the devcloud: no other host, the server stays as it is.
                start(state, "resize_prep", &vm, power);
                return Ok(accepted);
            }
            if let Some(x) = state.servers.get_mut(id) {
                x.old_flavor = Some(x.flavor.clone());
                x.flavor = flavor;
                x.task_state = Some("resize_prep".into());
                x.updated = now;
                x.pending = Some(Pending {
                    due: action_due,
                    vm_state: "resized".into(),
                    power_state: power,
                    delete: false,
                });
            }
            Ok(accepted)
        }
        "confirmResize" => {
            if vm != "resized" || s.task_state.is_some() {
                return Err(conflict("Instance has not been resized."));
            }
            if let Some(x) = state.servers.get_mut(id) {
                x.old_flavor = None;
                x.vm_state = if x.power_state == 4 {
                    "stopped"
                } else {
                    "active"
                }
                .into();
                x.updated = now;
            }
            Ok(Reply::empty(204))
        }
        "revertResize" => {
            if vm != "resized" || s.task_state.is_some() {
                return Err(conflict("Instance has not been resized."));
            }
            let power = s.power_state;
            if let Some(x) = state.servers.get_mut(id) {
                if let Some(old) = x.old_flavor.take() {
                    x.flavor = old;
                }
                x.task_state = Some("resize_reverting".into());
                x.updated = now;
                x.pending = Some(Pending {
                    due: action_due,
                    vm_state: if power == 4 { "stopped" } else { "active" }.into(),
                    power_state: power,
                    delete: false,
                });
            }
            Ok(accepted)
        }
        "createImage" | "createBackup" => {
            busy(&name)?;
            if !matches!(vm.as_str(), "active" | "stopped" | "paused" | "suspended") {
                return Err(wrong_state(&name));
            }
            let Some(image_name) = args["name"].as_str().filter(|n| !n.is_empty()) else {
                return Err(bad(&format!(
                    "Invalid input for field/attribute {name}. 'name' is a required property"
                )));
            };
            if name == "createBackup"
                && (args["backup_type"].as_str().is_none() || args.get("rotation").is_none())
            {
                return Err(bad(
                    "Invalid input for field/attribute createBackup. 'backup_type' and 'rotation' are required properties",
                ));
            }
            let mut properties = string_map(args.get("metadata"), "metadata")?;
            properties.insert("instance_uuid".into(), id.into());
            properties.insert(
                "image_type".into(),
                if name == "createBackup" {
                    "backup"
                } else {
                    "snapshot"
                }
                .into(),
            );
            if let Some(t) = args["backup_type"].as_str() {
                properties.insert("backup_type".into(), t.into());
            }
            let image_id = ids::uuid();
            state.images.insert(
                image_id.clone(),
                Image {
                    id: image_id.clone(),
                    name: image_name.into(),
                    status: "active".into(),
                    owner: s.project_id.clone(),
                    visibility: "private".into(),
                    properties,
                    min_ram: 0,
                    min_disk: s.flavor.disk,
                    size: 0,
                    created_at: now,
                    ..Default::default()
                },
            );
            let task = if name == "createBackup" {
                "image_backup"
            } else {
                "image_snapshot"
            };
            let power = s.power_state;
            start(state, task, &vm, power);
            let location = format!("{}/image/v2/images/{image_id}", app.base);
            if mv.at_least(45) {
                Ok(Reply::json(202, json!({"image_id": image_id})))
            } else {
                Ok(Reply::empty(202).header("Location", location))
            }
        }
        "os-getConsoleOutput" => {
            if !matches!(
                vm.as_str(),
                "active" | "stopped" | "paused" | "suspended" | "rescued"
            ) {
                return Err(conflict(&format!("Instance {id} is not ready")));
            }
            let lines: Vec<&str> = CONSOLE.lines().collect();
            let out = match args.get("length") {
                None | Some(Value::Null) => CONSOLE.to_string(),
                Some(v) => {
                    let n = v
                        .as_i64()
                        .or_else(|| v.as_str().and_then(|s| s.parse().ok()));
                    match n {
                        Some(n) if n < 0 => CONSOLE.to_string(),
                        Some(n) => lines[lines.len().saturating_sub(n as usize)..].join("\n"),
                        None => return Err(bad("Invalid input for field/attribute length.")),
                    }
                }
            };
            Ok(Reply::ok(json!({"output": out})))
        }
        "os-resetState" => {
            let to = match args["state"].as_str() {
                Some("error") => "error",
                Some("active") => "active",
                _ => return Err(bad("Invalid input for field/attribute state.")),
            };
            if let Some(x) = state.servers.get_mut(id) {
                x.vm_state = to.into();
                x.task_state = None;
                x.pending = None;
                x.updated = now;
            }
            Ok(accepted)
        }
        "changePassword" => {
            if args["adminPass"].as_str().is_none() {
                return Err(bad(
                    "Invalid input for field/attribute changePassword. 'adminPass' is a required property",
                ));
            }
            if vm != "active" {
                return Err(wrong_state("changePassword"));
            }
            Ok(accepted)
        }
        "trigger_crash_dump" => {
            if !mv.at_least(17) {
                return Err(not_found("There is no such action: trigger_crash_dump"));
            }
            if vm != "active" {
                return Err(wrong_state("trigger_crash_dump"));
            }
            Ok(accepted)
        }
        "addSecurityGroup" | "removeSecurityGroup" => {
            let Some(group) = args["name"].as_str() else {
                return Err(bad(&format!(
                    "Invalid input for field/attribute {name}. 'name' is a required property"
                )));
            };
            let has = s.security_groups.iter().any(|g| g == group);
            if name == "addSecurityGroup" {
                if has {
                    return Err(bad(&format!(
                        "Security group {group} is already associated with the instance {id}"
                    )));
                }
                if let Some(x) = state.servers.get_mut(id) {
                    x.security_groups.push(group.into());
                }
            } else {
                if !has {
                    return Err(not_found(&format!(
                        "Security group {group} not associated with the instance {id}"
                    )));
                }
                if let Some(x) = state.servers.get_mut(id) {
                    x.security_groups.retain(|g| g != group);
                }
            }
            Ok(accepted)
        }
        "injectNetworkInfo" | "resetNetwork" => Ok(accepted),
        "migrate" | "os-migrateLive" => {
            busy(&name)?;
            if !matches!(vm.as_str(), "active" | "stopped") {
                return Err(wrong_state(&name));
            }
            if args["host"].as_str() == Some(HOST) {
                return Err(bad(
                    "The target host can't be the same one of the instance.",
                ));
            }
            // One host: the scheduler finds no other, and the server stays where it is.
            let power = s.power_state;
            let task = if name == "migrate" {
                "resize_prep"
            } else {
                "migrating"
            };
            start(state, task, &vm, power);
            Ok(accepted)
        }
        "evacuate" => Err(bad(&format!("Compute service of {HOST} is still in use."))),
        "restore" | "forceDelete" => {
            if vm != "soft-delete" {
                return Err(wrong_state(&name));
            }
            Ok(accepted)
        }
        "os-getVNCConsole" | "os-getSPICEConsole" | "os-getSerialConsole" | "os-getRDPConsole" => {
            if mv.at_least(6) {
                return Err(not_found(&format!("There is no such action: {name}")));
            }
            let t = args["type"].as_str().unwrap_or_default();
            Err(bad(&format!("Unavailable console type {t}.")))
        }
        other => Err(bad(&format!("There is no such action: {other}"))),
    }
}

// ------------------------------------------------------------------ quotas and usage

/// The resources a quota set shows at a microversion (network quotas go at 2.36,
/// injected files at 2.57; quota classes gain server groups at 2.50).
fn quota_keys(mv: Mv, class: bool) -> Vec<&'static str> {
    let mut keys = vec!["instances", "cores", "ram", "key_pairs", "metadata_items"];
    if !class || mv.at_least(50) {
        keys.extend(["server_groups", "server_group_members"]);
    }
    let network_until = if class { 50 } else { 36 };
    if !mv.at_least(network_until) {
        keys.extend([
            "fixed_ips",
            "floating_ips",
            "security_groups",
            "security_group_rules",
        ]);
        if !class {
            keys.push("networks");
        }
    }
    if !mv.at_least(57) {
        keys.extend([
            "injected_files",
            "injected_file_content_bytes",
            "injected_file_path_bytes",
        ]);
    }
    keys
}

fn quota_value(state: &State, project: Option<&str>, key: &str) -> i64 {
    project
        .and_then(|p| state.quotas.get(p))
        .and_then(|q| q.get(key))
        .or_else(|| state.quota_defaults.get(key))
        .copied()
        .unwrap_or(-1)
}

fn quota_in_use(state: &State, project: &str, key: &str) -> i64 {
    let servers = state.servers.values().filter(|s| s.project_id == project);
    let n = match key {
        "instances" => servers.count(),
        "cores" => servers.map(|s| s.flavor.vcpus as usize).sum(),
        "ram" => servers.map(|s| s.flavor.ram as usize).sum(),
        "server_groups" => state
            .server_groups
            .values()
            .filter(|g| g.project_id == project)
            .count(),
        _ => 0,
    };
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn quota_sets(
    state: &mut State,
    req: &Req,
    ctx: &Ctx,
    mv: Mv,
    project: &str,
    rest: &[&str],
) -> Answer {
    let own = ctx.project_id() == Some(project);
    let reading = req.method == Method::GET;
    if !(ctx.is_admin() || (reading && own)) {
        return Err(policy(if reading {
            "os_compute_api:os-quota-sets:show"
        } else {
            "os_compute_api:os-quota-sets:update"
        }));
    }
    let keys = quota_keys(mv, false);
    let set = |state: &State, project: Option<&str>, with_id: bool| {
        let mut o = Map::new();
        if with_id {
            o.insert("id".into(), json!(project.unwrap_or_default()));
        }
        for k in &keys {
            o.insert((*k).into(), json!(quota_value(state, project, k)));
        }
        Value::Object(o)
    };
    match (&req.method, rest) {
        (&Method::GET, []) => Ok(Reply::ok(
            json!({"quota_set": set(state, Some(project), true)}),
        )),
        (&Method::GET, ["defaults"]) => {
            let mut v = set(state, None, false);
            v["id"] = json!(project);
            Ok(Reply::ok(json!({ "quota_set": v })))
        }
        (&Method::GET, ["detail"]) => {
            let mut o = Map::new();
            o.insert("id".into(), json!(project));
            for k in &keys {
                o.insert(
                    (*k).into(),
                    json!({"limit": quota_value(state, Some(project), k),
                           "in_use": quota_in_use(state, project, k), "reserved": 0}),
                );
            }
            Ok(Reply::ok(json!({"quota_set": Value::Object(o)})))
        }
        (&Method::PUT, []) => {
            let body = req.json();
            let Some(o) = body
                .as_ref()
                .and_then(|b| b.get("quota_set"))
                .and_then(Value::as_object)
            else {
                return Err(bad(
                    "Invalid input for field/attribute quota_set. 'quota_set' is a required property",
                ));
            };
            let mut changes = BTreeMap::new();
            for (k, v) in o {
                if k == "force" {
                    continue;
                }
                if !keys.contains(&k.as_str()) {
                    return Err(bad(&format!(
                        "Invalid input for field/attribute quota_set. Additional properties are not allowed ('{k}' was unexpected)"
                    )));
                }
                let Some(n) = v
                    .as_i64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                else {
                    return Err(bad(&format!(
                        "Invalid input for field/attribute {k}. Value: {v}."
                    )));
                };
                if n < -1 {
                    return Err(bad(&format!(
                        "Quota limit {n} for {k} must be -1 or greater."
                    )));
                }
                changes.insert(k.clone(), n);
            }
            state
                .quotas
                .entry(project.to_string())
                .or_default()
                .extend(changes);
            Ok(Reply::ok(
                json!({"quota_set": set(state, Some(project), false)}),
            ))
        }
        (&Method::DELETE, []) => {
            state.quotas.remove(project);
            Ok(Reply::empty(202))
        }
        _ => Err(not_found("The resource could not be found.")),
    }
}

fn quota_class_sets(state: &mut State, req: &Req, ctx: &Ctx, mv: Mv, class: &str) -> Answer {
    if !ctx.is_admin() {
        return Err(policy("os_compute_api:os-quota-class-sets:show"));
    }
    let keys = quota_keys(mv, true);
    if req.method == Method::PUT {
        let body = req.json();
        let Some(o) = body
            .as_ref()
            .and_then(|b| b.get("quota_class_set"))
            .and_then(Value::as_object)
        else {
            return Err(bad(
                "Invalid input for field/attribute quota_class_set. 'quota_class_set' is a required property",
            ));
        };
        for (k, v) in o {
            if !keys.contains(&k.as_str()) {
                return Err(bad(&format!(
                    "Invalid input for field/attribute quota_class_set. Additional properties are not allowed ('{k}' was unexpected)"
                )));
            }
            let Some(n) = v.as_i64() else {
                return Err(bad(&format!(
                    "Invalid input for field/attribute {k}. Value: {v}."
                )));
            };
            // Only the `default` class is used; others are accepted and kept nowhere.
            if class == "default" {
                state.quota_defaults.insert(k.clone(), n);
            }
        }
    } else if req.method != Method::GET {
        return Err(fault(
            405,
            "The method is not allowed for the requested URL.",
        ));
    }
    let mut o = Map::new();
    if req.method == Method::GET {
        o.insert("id".into(), json!(class));
    }
    for k in &keys {
        o.insert((*k).into(), json!(quota_value(state, None, k)));
    }
    Ok(Reply::ok(json!({"quota_class_set": Value::Object(o)})))
}

fn usage(app: &App, state: &State, req: &Req, ctx: &Ctx, mv: Mv, rest: &[&str]) -> Answer {
    let now = app.clock.now();
    let start = req
        .q("start")
        .and_then(parse_time)
        .unwrap_or(now - chrono::Duration::days(1));
    let end = req.q("end").and_then(parse_time).unwrap_or(now).min(now);
    let of_project = |project: &str| -> Value {
        let mut servers: Vec<&Server> = state
            .servers
            .values()
            .filter(|s| s.project_id == project && s.created < end)
            .collect();
        servers.sort_by(|a, b| a.created.cmp(&b.created).then(a.id.cmp(&b.id)));
        if servers.is_empty() {
            return json!({});
        }
        let mut usages = Vec::new();
        let (mut hours, mut vcpu_h, mut mem_h, mut disk_h) = (0.0, 0.0, 0.0, 0.0);
        for s in servers {
            let from = s.created.max(start);
            let h = ((end - from).num_milliseconds().max(0) as f64) / 3_600_000.0;
            hours += h;
            vcpu_h += h * s.flavor.vcpus as f64;
            mem_h += h * s.flavor.ram as f64;
            disk_h += h * s.flavor.disk as f64;
            usages.push(json!({
                "instance_id": s.id, "name": s.name, "tenant_id": s.project_id,
                "flavor": s.flavor.name, "state": s.vm_state, "hours": h,
                "uptime": (now - s.created).num_seconds(), "vcpus": s.flavor.vcpus,
                "memory_mb": s.flavor.ram, "local_gb": s.flavor.disk,
                "started_at": nova_time(s.created), "ended_at": null,
            }));
        }
        json!({
            "tenant_id": project, "start": nova_time(start), "stop": nova_time(end),
            "total_hours": hours, "total_vcpus_usage": vcpu_h, "total_memory_mb_usage": mem_h,
            "total_local_gb_usage": disk_h, "server_usages": usages,
        })
    };
    match rest {
        [project] => {
            if !(ctx.is_admin() || ctx.project_id() == Some(*project)) {
                return Err(policy("os_compute_api:os-simple-tenant-usage:show"));
            }
            let mut u = of_project(project);
            if mv.at_least(40)
                && let Some(list) = u.get_mut("server_usages").and_then(Value::as_array_mut)
            {
                if let Some(marker) = req.q("marker") {
                    match list.iter().position(|x| x["instance_id"] == marker) {
                        Some(i) => {
                            list.drain(..=i);
                        }
                        None => return Err(bad(&format!("marker [{marker}] not found"))),
                    }
                }
                if let Some(n) = req.q("limit").and_then(|v| v.parse::<usize>().ok()) {
                    let full = list.len() >= n && n > 0;
                    list.truncate(n);
                    if full {
                        let last = list
                            .last()
                            .and_then(|x| x["instance_id"].as_str())
                            .unwrap_or_default()
                            .to_string();
                        let href = next_link(
                            app,
                            req,
                            &format!("os-simple-tenant-usage/{project}"),
                            &last,
                        );
                        return Ok(Reply::ok(json!({"tenant_usage": u,
                            "tenant_usage_links": [{"rel": "next", "href": href}]})));
                    }
                }
            }
            Ok(Reply::ok(json!({ "tenant_usage": u })))
        }
        [] => {
            if !ctx.is_admin() {
                return Err(policy("os_compute_api:os-simple-tenant-usage:list"));
            }
            let detailed = req.q("detailed").is_some_and(|v| v == "1" || v == "true");
            let mut projects: Vec<&String> =
                state.servers.values().map(|s| &s.project_id).collect();
            projects.sort();
            projects.dedup();
            let rows: Vec<Value> = projects
                .into_iter()
                .map(|p| {
                    let mut u = of_project(p);
                    if !detailed && let Some(o) = u.as_object_mut() {
                        o.remove("server_usages");
                    }
                    u
                })
                .filter(|u| u.as_object().is_some_and(|o| !o.is_empty()))
                .collect();
            Ok(Reply::ok(json!({ "tenant_usages": rows })))
        }
        _ => Err(not_found("The resource could not be found.")),
    }
}

// ------------------------------------------------------------------ images (proxy)

fn nova_image_json(app: &App, i: &Image, detail: bool) -> Value {
    let links = json!([
        {"rel": "self", "href": format!("{}/compute/v2.1/images/{}", app.base, i.id)},
        {"rel": "bookmark", "href": format!("{}/compute/images/{}", app.base, i.id)},
        {"rel": "alternate", "type": "application/vnd.openstack.image",
         "href": format!("{}/image/images/{}", app.base, i.id)},
    ]);
    if !detail {
        return json!({"id": i.id, "name": i.name, "links": links});
    }
    let (status, progress) = match i.status.as_str() {
        "active" => ("ACTIVE", 100),
        "queued" => ("SAVING", 25),
        "saving" | "importing" => ("SAVING", 50),
        "deleted" | "pending_delete" => ("DELETED", 0),
        _ => ("ERROR", 0),
    };
    let mut v = json!({
        "id": i.id, "name": i.name, "status": status, "progress": progress,
        "minRam": i.min_ram, "minDisk": i.min_disk, "metadata": i.properties,
        "created": i.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "updated": i.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "OS-EXT-IMG-SIZE:size": i.size, "links": links,
    });
    match i.properties.get("auto_disk_config").map(String::as_str) {
        Some("False" | "false") => v["OS-DCF:diskConfig"] = json!("MANUAL"),
        Some("True" | "true") => v["OS-DCF:diskConfig"] = json!("AUTO"),
        _ => {}
    }
    if let Some(server) = i.properties.get("instance_uuid") {
        v["server"] = json!({"id": server});
    }
    v
}

fn images(app: &App, state: &mut State, req: &Req, ctx: &Ctx, mv: Mv, rest: &[&str]) -> Answer {
    let project = ctx.project_id().unwrap_or_default().to_string();
    let visible = |i: &Image| ctx.is_admin() || i.visibility == "public" || i.owner == project;
    let gone = |until: u32| mv > Mv(2, until);
    match (&req.method, rest) {
        (&Method::GET, []) | (&Method::GET, ["detail"]) => {
            if gone(35) {
                return Err(not_found("The resource could not be found."));
            }
            let detail = !rest.is_empty();
            let rows: Vec<Value> = state
                .images
                .values()
                .filter(|i| visible(i))
                .filter(|i| req.q("name").is_none_or(|n| n == i.name))
                .map(|i| nova_image_json(app, i, detail))
                .filter(|v| {
                    req.q("status")
                        .is_none_or(|st| v["status"] == st || !detail)
                })
                .collect();
            Ok(Reply::ok(json!({ "images": rows })))
        }
        (m, [id, tail @ ..]) => {
            let Some(image) = state.images.get(*id).filter(|i| visible(i)).cloned() else {
                return Err(not_found("Image not found."));
            };
            match (m, tail) {
                (&Method::GET, []) if !gone(35) => Ok(Reply::ok(
                    json!({"image": nova_image_json(app, &image, true)}),
                )),
                (&Method::DELETE, []) if !gone(35) => {
                    if !(ctx.is_admin() || image.owner == project) {
                        return Err(fault(403, "You are not allowed to delete the image."));
                    }
                    state.images.remove(*id);
                    Ok(Reply::empty(204))
                }
                (_, ["metadata", key @ ..]) if !gone(38) => {
                    let mut image = image;
                    let writes = *m != Method::GET;
                    if writes && !(ctx.is_admin() || image.owner == project) {
                        return Err(fault(
                            403,
                            "You are not allowed to change the image's metadata.",
                        ));
                    }
                    let body = req.json();
                    let reply = match (m, key) {
                        (&Method::GET, []) => Reply::ok(json!({"metadata": image.properties})),
                        (&Method::POST | &Method::PUT, []) => {
                            let items = string_map(
                                body.as_ref().and_then(|b| b.get("metadata")),
                                "metadata",
                            )?;
                            if *m == Method::PUT {
                                image.properties = items;
                            } else {
                                image.properties.extend(items);
                            }
                            Reply::ok(json!({"metadata": image.properties}))
                        }
                        (&Method::GET, [k]) => match image.properties.get(*k) {
                            Some(v) => Reply::ok(json!({"meta": { *k: v }})),
                            None => return Err(not_found("Metadata item was not found")),
                        },
                        (&Method::PUT, [k]) => {
                            let items =
                                string_map(body.as_ref().and_then(|b| b.get("meta")), "meta")?;
                            let Some(v) = items.get(*k).filter(|_| items.len() == 1) else {
                                return Err(bad("Request body and URI mismatch"));
                            };
                            image.properties.insert(k.to_string(), v.clone());
                            Reply::ok(json!({"meta": { *k: v }}))
                        }
                        (&Method::DELETE, [k]) => {
                            if image.properties.remove(*k).is_none() {
                                return Err(not_found("Metadata item was not found"));
                            }
                            Reply::empty(204)
                        }
                        _ => {
                            return Err(fault(
                                405,
                                "The method is not allowed for the requested URL.",
                            ));
                        }
                    };
                    state.images.insert(image.id.clone(), image);
                    Ok(reply)
                }
                _ => Err(not_found("The resource could not be found.")),
            }
        }
        _ => Err(not_found("The resource could not be found.")),
    }
}

// ------------------------------------------------------------------ aggregates

fn aggregate_json(a: &crate::state::Aggregate, mv: Mv) -> Value {
    let mut v = json!({
        "id": a.id, "name": a.name,
        "availability_zone": a.metadata.get("availability_zone"),
        "hosts": a.hosts, "metadata": a.metadata,
        "created_at": nova_time(a.created_at), "updated_at": a.updated_at.map(nova_time),
        "deleted": false, "deleted_at": null,
    });
    if mv.at_least(41) {
        v["uuid"] = json!(a.uuid);
    }
    v
}

fn aggregates(app: &App, state: &mut State, req: &Req, ctx: &Ctx, mv: Mv, rest: &[&str]) -> Answer {
    if !ctx.is_admin() {
        return Err(policy("os_compute_api:os-aggregates:index"));
    }
    let now = app.clock.now();
    let body = req.json().unwrap_or_default();
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let rows: Vec<Value> = state
                .aggregates
                .values()
                .map(|a| aggregate_json(a, mv))
                .collect();
            Ok(Reply::ok(json!({ "aggregates": rows })))
        }
        (&Method::POST, []) => {
            let o = &body["aggregate"];
            let Some(name) = o["name"].as_str().filter(|n| !n.trim().is_empty()) else {
                return Err(bad(
                    "Invalid input for field/attribute aggregate. 'name' is a required property",
                ));
            };
            if state.aggregates.values().any(|a| a.name == name) {
                return Err(conflict(&format!("Aggregate {name} already exists.")));
            }
            let id = state.next_serial();
            let mut metadata = BTreeMap::new();
            if let Some(az) = o["availability_zone"].as_str() {
                metadata.insert("availability_zone".to_string(), az.to_string());
            }
            let a = crate::state::Aggregate {
                id,
                uuid: ids::uuid(),
                name: name.into(),
                hosts: Vec::new(),
                metadata,
                created_at: now,
                updated_at: None,
            };
            let mut v = aggregate_json(&a, mv);
            if let Some(o) = v.as_object_mut() {
                o.remove("hosts");
                o.remove("metadata");
            }
            state.aggregates.insert(id, a);
            Ok(Reply::ok(json!({ "aggregate": v })))
        }
        (m, [id, tail @ ..]) => {
            let key = state
                .aggregates
                .values()
                .find(|a| a.id.to_string() == *id || a.uuid == *id)
                .map(|a| a.id);
            let Some(key) = key else {
                return Err(not_found(&format!("Aggregate {id} could not be found.")));
            };
            let Some(a) = state.aggregates.get_mut(&key) else {
                return Err(not_found(&format!("Aggregate {id} could not be found.")));
            };
            match (m, tail) {
                (&Method::GET, []) => Ok(Reply::ok(json!({"aggregate": aggregate_json(a, mv)}))),
                (&Method::PUT, []) => {
                    let o = &body["aggregate"];
                    if let Some(n) = o["name"].as_str() {
                        a.name = n.into();
                    }
                    if let Some(az) = o["availability_zone"].as_str() {
                        a.metadata.insert("availability_zone".into(), az.into());
                    }
                    a.updated_at = Some(now);
                    Ok(Reply::ok(json!({"aggregate": aggregate_json(a, mv)})))
                }
                (&Method::DELETE, []) => {
                    if !a.hosts.is_empty() {
                        return Err(bad(&format!(
                            "Cannot remove aggregate {id}. Reason: Host aggregate is not empty."
                        )));
                    }
                    state.aggregates.remove(&key);
                    Ok(Reply::empty(200))
                }
                (&Method::POST, ["images"]) if mv.at_least(81) => Ok(Reply::empty(202)),
                (&Method::POST, ["action"]) => {
                    let Some((action, args)) = body.as_object().and_then(|o| o.iter().next())
                    else {
                        return Err(bad("Malformed request body"));
                    };
                    match action.as_str() {
                        "add_host" | "remove_host" => {
                            let Some(host) = args["host"].as_str() else {
                                return Err(bad("Invalid input for field/attribute host."));
                            };
                            if host != HOST {
                                return Err(not_found(&format!(
                                    "Compute host {host} could not be found."
                                )));
                            }
                            let has = a.hosts.iter().any(|h| h == host);
                            if action == "add_host" {
                                if has {
                                    return Err(conflict(&format!(
                                        "Aggregate {id} already has host {host}."
                                    )));
                                }
                                a.hosts.push(host.into());
                            } else {
                                if !has {
                                    return Err(not_found(&format!(
                                        "Cannot remove host {host} in aggregate {id}: not found."
                                    )));
                                }
                                a.hosts.retain(|h| h != host);
                            }
                        }
                        "set_metadata" => {
                            let Some(items) = args["metadata"].as_object() else {
                                return Err(bad("Invalid input for field/attribute metadata."));
                            };
                            for (k, v) in items {
                                match v {
                                    Value::Null => {
                                        a.metadata.remove(k);
                                    }
                                    Value::String(x) => {
                                        a.metadata.insert(k.clone(), x.clone());
                                    }
                                    other => {
                                        a.metadata.insert(k.clone(), other.to_string());
                                    }
                                }
                            }
                        }
                        other => return Err(bad(&format!("There is no such action: {other}"))),
                    }
                    a.updated_at = Some(now);
                    Ok(Reply::ok(json!({"aggregate": aggregate_json(a, mv)})))
                }
                _ => Err(not_found("The resource could not be found.")),
            }
        }
        _ => Err(not_found("The resource could not be found.")),
    }
}

// ------------------------------------------------------------------ hypervisors, events

/// The one hypervisor's UUID, stable for a state.
fn hypervisor_uuid(state: &State) -> String {
    let seed = state
        .compute_services
        .iter()
        .find(|s| s.binary == "nova-compute")
        .map(|s| s.uuid.clone())
        .unwrap_or_default();
    let d = ring::digest::digest(
        &ring::digest::SHA256,
        format!("hypervisor/{seed}").as_bytes(),
    );
    let h: String = d.as_ref()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!(
        "{}-{}-4{}-8{}-{}",
        &h[0..8],
        &h[8..12],
        &h[13..16],
        &h[17..20],
        &h[20..32]
    )
}

fn hypervisor_json(app: &App, state: &State, mv: Mv, detail: bool, with_servers: bool) -> Value {
    let svc = state
        .compute_services
        .iter()
        .find(|s| s.binary == "nova-compute")
        .cloned();
    let enabled = svc.as_ref().is_none_or(|s| s.enabled);
    let id = if mv.at_least(53) {
        json!(hypervisor_uuid(state))
    } else {
        json!(1)
    };
    let mut v = json!({"id": id, "hypervisor_hostname": HOST, "state": "up",
                       "status": if enabled { "enabled" } else { "disabled" }});
    let servers: Vec<Value> = state
        .servers
        .values()
        .map(|s| json!({"uuid": s.id, "name": instance_name(&s.id)}))
        .collect();
    if with_servers && !servers.is_empty() {
        v["servers"] = json!(servers);
    }
    if !detail {
        return v;
    }
    let o = v.as_object_mut().expect("an object");
    o.insert("hypervisor_type".into(), json!("fake"));
    o.insert("hypervisor_version".into(), json!(1000));
    o.insert("host_ip".into(), json!("127.0.0.1"));
    o.insert(
        "service".into(),
        json!({"host": HOST,
               "id": if mv.at_least(53) { json!(svc.as_ref().map(|s| s.uuid.clone())) } else { json!(svc.as_ref().map(|s| s.number)) },
               "disabled_reason": svc.as_ref().and_then(|s| s.disabled_reason.clone())}),
    );
    if mv.at_least(88) {
        o.insert("uptime".into(), Value::Null);
        return v;
    }
    let vcpus_used: u64 = state.servers.values().map(|s| s.flavor.vcpus).sum();
    let ram_used: u64 = state.servers.values().map(|s| s.flavor.ram).sum::<u64>() + 512;
    let disk_used: u64 = state.servers.values().map(|s| s.flavor.disk).sum();
    let cpu_info = json!({"arch": "x86_64", "model": "Nehalem", "vendor": "Intel",
                          "features": ["pge", "clflush"],
                          "topology": {"cores": 1, "threads": 1, "sockets": 4}});
    let o = v.as_object_mut().expect("an object");
    o.insert(
        "cpu_info".into(),
        if mv.at_least(28) {
            cpu_info
        } else {
            json!(cpu_info.to_string())
        },
    );
    for (k, x) in [
        ("vcpus", json!(32)),
        ("vcpus_used", json!(vcpus_used)),
        ("memory_mb", json!(131072)),
        ("memory_mb_used", json!(ram_used)),
        ("free_ram_mb", json!(131072 - ram_used.min(131072))),
        ("local_gb", json!(1024)),
        ("local_gb_used", json!(disk_used)),
        ("free_disk_gb", json!(1024 - disk_used.min(1024))),
        ("disk_available_least", json!(1024 - disk_used.min(1024))),
        ("current_workload", json!(0)),
        ("running_vms", json!(state.servers.len())),
    ] {
        o.insert(k.into(), x);
    }
    let _ = app;
    v
}

fn hypervisors(app: &App, state: &State, req: &Req, ctx: &Ctx, mv: Mv, rest: &[&str]) -> Answer {
    if !ctx.is_admin() {
        return Err(policy("os_compute_api:os-hypervisors:list"));
    }
    let uuid = hypervisor_uuid(state);
    let is_ours = |id: &str| {
        if mv.at_least(53) {
            id == uuid
        } else {
            id == "1"
        }
    };
    let with_servers = req
        .q("with_servers")
        .is_some_and(|v| v == "true" || v == "1");
    let pattern_ok = req
        .q("hypervisor_hostname_pattern")
        .is_none_or(|p| HOST.contains(p));
    let listing = |detail: bool| -> Reply {
        let mut rows = Vec::new();
        if pattern_ok && req.q("marker").is_none_or(|m| m != uuid && m != "1") {
            rows.push(hypervisor_json(app, state, mv, detail, with_servers));
        }
        Reply::ok(json!({ "hypervisors": rows }))
    };
    match rest {
        [] => Ok(listing(false)),
        ["detail"] => Ok(listing(true)),
        ["statistics"] if !mv.at_least(88) => {
            let enabled = state
                .compute_services
                .iter()
                .any(|s| s.binary == "nova-compute" && s.enabled);
            let h = hypervisor_json(app, state, Mv(2, 87), true, false);
            let n = |k: &str| if enabled { h[k].clone() } else { json!(0) };
            Ok(Reply::ok(json!({"hypervisor_statistics": {
                "count": if enabled { 1 } else { 0 }, "vcpus": n("vcpus"), "vcpus_used": n("vcpus_used"),
                "memory_mb": n("memory_mb"), "memory_mb_used": n("memory_mb_used"),
                "free_ram_mb": n("free_ram_mb"), "local_gb": n("local_gb"),
                "local_gb_used": n("local_gb_used"), "free_disk_gb": n("free_disk_gb"),
                "disk_available_least": n("disk_available_least"),
                "current_workload": n("current_workload"), "running_vms": n("running_vms"),
            }})))
        }
        [pattern, "search" | "servers"] if !mv.at_least(53) => {
            if !HOST.contains(pattern) {
                return Err(not_found(&format!(
                    "No hypervisor matching '{pattern}' could be found."
                )));
            }
            let servers = rest[1] == "servers";
            Ok(Reply::ok(
                json!({"hypervisors": [hypervisor_json(app, state, mv, false, servers)]}),
            ))
        }
        [id, "uptime"] if !mv.at_least(88) => {
            if !is_ours(id) {
                return Err(not_found(&format!(
                    "Hypervisor with ID '{id}' could not be found."
                )));
            }
            Err(fault(
                501,
                "Virt driver does not implement uptime function.",
            ))
        }
        [id] => {
            if !is_ours(id) {
                return Err(not_found(&format!(
                    "Hypervisor with ID '{id}' could not be found."
                )));
            }
            Ok(Reply::ok(
                json!({"hypervisor": hypervisor_json(app, state, mv, true, with_servers)}),
            ))
        }
        _ => Err(not_found("The resource could not be found.")),
    }
}

fn external_events(state: &State, req: &Req, ctx: &Ctx, mv: Mv) -> Answer {
    if !ctx.is_admin() {
        return Err(policy("os_compute_api:os-server-external-events:create"));
    }
    let body = req.json();
    let Some(events) = body
        .as_ref()
        .and_then(|b| b.get("events"))
        .and_then(Value::as_array)
    else {
        return Err(bad(
            "Invalid input for field/attribute events. 'events' is a required property",
        ));
    };
    if events.is_empty() {
        return Err(bad(
            "Invalid input for field/attribute events. [] is too short",
        ));
    }
    let mut out = Vec::new();
    let mut all_ok = true;
    for e in events {
        let (Some(name), Some(server)) = (e["name"].as_str(), e["server_uuid"].as_str()) else {
            return Err(bad(
                "Invalid input for field/attribute events. 'name' and 'server_uuid' are required properties",
            ));
        };
        let known = [
            "network-changed",
            "network-vif-plugged",
            "network-vif-unplugged",
            "network-vif-deleted",
            "volume-extended",
            "power-update",
            "accelerator-request-bound",
            "volume-reimaged",
        ];
        if !known.contains(&name) || (name == "volume-extended" && !mv.at_least(51)) {
            return Err(bad(&format!(
                "Invalid input for field/attribute name. Value: {name}."
            )));
        }
        let code = if !state.servers.contains_key(server) {
            404
        } else if matches!(name, "volume-extended" | "power-update") && e["tag"].as_str().is_none()
        {
            400
        } else {
            200
        };
        all_ok &= code == 200;
        let mut r = e.clone();
        r["code"] = json!(code);
        r["status"] = json!(if code == 200 { "completed" } else { "failed" });
        out.push(r);
    }
    Ok(Reply::json(
        if all_ok { 200 } else { 207 },
        json!({ "events": out }),
    ))
}

// ------------------------------------------------------------------ compute services

fn service_json(app: &App, s: &crate::state::ComputeService, mv: Mv) -> Value {
    let mut v = json!({
        "id": if mv.at_least(53) { json!(s.uuid) } else { json!(s.number) },
        "binary": s.binary, "host": HOST,
        "zone": if s.binary == "nova-compute" { "nova" } else { "internal" },
        "status": if s.enabled { "enabled" } else { "disabled" },
        "state": if s.forced_down { "down" } else { "up" },
        "updated_at": nova_time(app.clock.now()),
        "disabled_reason": s.disabled_reason,
    });
    if mv.at_least(11) {
        v["forced_down"] = json!(s.forced_down);
    }
    v
}

fn compute_services(
    app: &App,
    state: &mut State,
    req: &Req,
    ctx: &Ctx,
    mv: Mv,
    rest: &[&str],
) -> Answer {
    if !ctx.is_admin() {
        return Err(policy("os_compute_api:os-services:list"));
    }
    let body = req.json().unwrap_or_default();
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let rows: Vec<Value> = state
                .compute_services
                .iter()
                .filter(|s| req.q("binary").is_none_or(|b| b == s.binary))
                .filter(|_| req.q("host").is_none_or(|h| h == HOST))
                .map(|s| service_json(app, s, mv))
                .collect();
            Ok(Reply::ok(json!({ "services": rows })))
        }
        (&Method::PUT, [action]) if !mv.at_least(53) && !is_uuid_like(action) => {
            let (Some(host), Some(binary)) = (body["host"].as_str(), body["binary"].as_str())
            else {
                return Err(bad(
                    "Invalid input for field/attribute: 'host' and 'binary' are required properties",
                ));
            };
            let Some(svc) = state
                .compute_services
                .iter_mut()
                .find(|s| host == HOST && s.binary == binary)
            else {
                return Err(not_found(&format!(
                    "Service {binary} on host {host} could not be found."
                )));
            };
            match *action {
                "enable" => {
                    svc.enabled = true;
                    svc.disabled_reason = None;
                }
                "disable" => svc.enabled = false,
                "disable-log-reason" => {
                    svc.enabled = false;
                    svc.disabled_reason = body["disabled_reason"].as_str().map(str::to_string);
                }
                "force-down" if mv.at_least(11) => {
                    svc.forced_down = body["forced_down"].as_bool().unwrap_or(false)
                }
                _ => return Err(not_found("The resource could not be found.")),
            }
            let mut v = json!({"host": host, "binary": binary,
                               "status": if svc.enabled { "enabled" } else { "disabled" }});
            if *action == "disable-log-reason" {
                v["disabled_reason"] = json!(svc.disabled_reason);
            }
            if *action == "force-down" {
                v = json!({"host": host, "binary": binary, "forced_down": svc.forced_down});
            }
            Ok(Reply::ok(json!({ "service": v })))
        }
        (&Method::PUT, [id]) => {
            let Some(svc) = state.compute_services.iter_mut().find(|s| s.uuid == *id) else {
                return Err(not_found(&format!(
                    "Service with id {id} could not be found."
                )));
            };
            if let Some(status) = body["status"].as_str() {
                match status {
                    "enabled" => {
                        svc.enabled = true;
                        svc.disabled_reason = None;
                    }
                    "disabled" => {
                        svc.enabled = false;
                        svc.disabled_reason = body["disabled_reason"].as_str().map(str::to_string);
                    }
                    _ => return Err(bad("Invalid input for field/attribute status.")),
                }
            } else if body.get("disabled_reason").is_some() {
                return Err(bad(
                    "Specifying 'disabled_reason' with status 'enabled' is invalid.",
                ));
            }
            if let Some(f) = body["forced_down"].as_bool() {
                svc.forced_down = f;
            }
            let svc = svc.clone();
            Ok(Reply::ok(json!({ "service": service_json(app, &svc, mv) })))
        }
        (&Method::DELETE, [id]) => {
            let found = state
                .compute_services
                .iter()
                .any(|s| s.uuid == *id || s.number.to_string() == *id);
            if found {
                Err(conflict(
                    "Unable to delete a service that has running compute nodes or instances.",
                ))
            } else {
                Err(not_found(&format!(
                    "Service with id {id} could not be found."
                )))
            }
        }
        _ => Err(fault(
            405,
            "The method is not allowed for the requested URL.",
        )),
    }
}

fn os_hosts(state: &State, req: &Req, ctx: &Ctx, mv: Mv, rest: &[&str]) -> Answer {
    if !ctx.is_admin() {
        return Err(policy("os_compute_api:os-hosts:list"));
    }
    if mv.at_least(43) {
        return Err(not_found("The resource could not be found."));
    }
    let hosts = [
        ("compute", "nova"),
        ("scheduler", "internal"),
        ("conductor", "internal"),
    ];
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let rows: Vec<Value> = hosts
                .iter()
                .filter(|(_, zone)| req.q("zone").is_none_or(|z| z == *zone))
                .map(|(service, zone)| json!({"host_name": HOST, "service": service, "zone": zone}))
                .collect();
            Ok(Reply::ok(json!({ "hosts": rows })))
        }
        (&Method::GET, [name]) if *name == HOST => {
            let cpu: u64 = state.servers.values().map(|s| s.flavor.vcpus).sum();
            let ram: u64 = state.servers.values().map(|s| s.flavor.ram).sum();
            let disk: u64 = state.servers.values().map(|s| s.flavor.disk).sum();
            let row = |project: &str, cpu: u64, ram: u64, disk: u64| {
                json!({"resource": {"host": HOST, "project": project, "cpu": cpu,
                                    "memory_mb": ram, "disk_gb": disk}})
            };
            Ok(Reply::ok(json!({"host": [
                row("(total)", 32, 131072, 1024),
                row("(used_now)", cpu, ram + 512, disk),
                row("(used_max)", cpu, ram, disk),
            ]})))
        }
        (&Method::GET, [name]) => Err(not_found(&format!(
            "Compute host {name} could not be found."
        ))),
        _ => Err(fault(
            405,
            "The method is not allowed for the requested URL.",
        )),
    }
}

fn is_uuid_like(s: &str) -> bool {
    s.len() == 36 && s.chars().filter(|c| *c == '-').count() == 4
}

// ------------------------------------------------------------------ extensions, diagnostics

/// The extensions Nova still lists: alias, name, description.
const EXTENSIONS: &[(&str, &str, &str)] = &[
    (
        "os-admin-actions",
        "AdminActions",
        "Enable admin-only server actions.",
    ),
    (
        "os-availability-zone",
        "AvailabilityZone",
        "1. Add availability_zone to the Create Server API.",
    ),
    (
        "os-console-output",
        "ConsoleOutput",
        "Console log output support, with tailing ability.",
    ),
    (
        "os-create-backup",
        "CreateBackup",
        "Create a backup of a server.",
    ),
    ("OS-DCF", "DiskConfig", "Disk Management Extension."),
    (
        "OS-EXT-AZ",
        "ExtendedAvailabilityZone",
        "Extended Availability Zone support.",
    ),
    (
        "OS-EXT-IPS",
        "ExtendedIps",
        "Adds type parameter to the ip list.",
    ),
    (
        "OS-EXT-IPS-MAC",
        "ExtendedIpsMac",
        "Adds mac address parameter to the ip list.",
    ),
    (
        "OS-EXT-SRV-ATTR",
        "ExtendedServerAttributes",
        "Extended Server Attributes support.",
    ),
    ("OS-EXT-STS", "ExtendedStatus", "Extended Status support."),
    ("os-flavor-access", "FlavorAccess", "Flavor access support."),
    (
        "os-flavor-extra-specs",
        "FlavorExtraSpecs",
        "Flavors extra specs support.",
    ),
    (
        "os-flavor-manage",
        "FlavorManage",
        "Flavor create/delete API support.",
    ),
    ("os-keypairs", "Keypairs", "Keypair Support."),
    (
        "os-lock-server",
        "LockServer",
        "Enable lock/unlock server actions.",
    ),
    (
        "os-pause-server",
        "PauseServer",
        "Enable pause/unpause server actions.",
    ),
    ("os-rescue", "Rescue", "Instance rescue mode."),
    ("os-server-groups", "ServerGroups", "Server group support."),
    ("os-shelve", "Shelve", "Instance shelve mode."),
    (
        "os-suspend-server",
        "SuspendServer",
        "Enable suspend/resume server actions.",
    ),
    (
        "OS-SRV-USG",
        "ServerUsage",
        "Adds launched_at and terminated_at on Servers.",
    ),
];

fn extension_json(e: &(&str, &str, &str)) -> Value {
    json!({"alias": e.0, "name": e.1, "description": e.2,
           "namespace": "http://docs.openstack.org/compute/ext/fake_xml",
           "updated": "2014-12-03T00:00:00Z", "links": []})
}

fn diagnostics_json(s: &Server, mv: Mv) -> Value {
    let running = s.power_state == 1;
    if mv.at_least(48) {
        json!({
            "state": if running { "running" } else { "shutdown" },
            "driver": "fake", "hypervisor": "fake", "hypervisor_os": "fake-os",
            "uptime": 46664, "config_drive": false,
            "num_cpus": s.flavor.vcpus, "num_nics": s.addresses.len(), "num_disks": 1,
            "cpu_details": [{"id": 0, "time": 17300000000u64, "utilisation": 15}],
            "nic_details": s.addresses.iter().map(|a| json!({
                "mac_address": a.mac, "rx_octets": 2070139, "rx_errors": 0, "rx_drop": 0,
                "rx_packets": 26701, "rx_rate": null, "tx_octets": 140208, "tx_errors": 0,
                "tx_drop": 0, "tx_packets": 662, "tx_rate": null})).collect::<Vec<_>>(),
            "disk_details": [{"read_bytes": 262144, "read_requests": 112, "write_bytes": 5778432,
                              "write_requests": 488, "errors_count": 1}],
            "memory_details": {"maximum": s.flavor.ram * 1024, "used": 0},
        })
    } else {
        json!({
            "cpu0_time": 17300000000u64, "memory": s.flavor.ram * 1024, "memory-actual": s.flavor.ram * 1024,
            "memory-rss": 200000, "vda_errors": -1, "vda_read": 262144, "vda_read_req": 112,
            "vda_write": 5778432, "vda_write_req": 488,
        })
    }
}

// ------------------------------------------------------------------ instance actions

/// The name Nova records for an action of the `action` body.
fn recorded_name(action: &str) -> Option<&'static str> {
    Some(match action {
        "create" => "create",
        "delete" => "delete",
        "os-stop" => "stop",
        "os-start" => "start",
        "reboot" => "reboot",
        "pause" => "pause",
        "unpause" => "unpause",
        "suspend" => "suspend",
        "resume" => "resume",
        "lock" => "lock",
        "unlock" => "unlock",
        "rebuild" => "rebuild",
        "resize" => "resize",
        "confirmResize" => "confirmResize",
        "revertResize" => "revertResize",
        "createImage" => "createImage",
        "createBackup" => "createBackup",
        "rescue" => "rescue",
        "unrescue" => "unrescue",
        "shelve" => "shelve",
        "shelveOffload" => "shelveOffload",
        "unshelve" => "unshelve",
        "changePassword" => "changePassword",
        "migrate" => "migrate",
        "os-migrateLive" => "live-migration",
        "trigger_crash_dump" => "trigger_crash_dump",
        "os-resetState" => "reset_state",
        _ => return None,
    })
}

fn record_action(app: &App, state: &mut State, req: &Req, ctx: &Ctx, id: &str, action: &str) {
    let Some(name) = recorded_name(action) else {
        return;
    };
    let now = app.clock.now();
    let Some(s) = state.servers.get(id) else {
        return;
    };
    let finish = s.pending.as_ref().map_or(now, |p| p.due);
    let project_id = s.project_id.clone();
    state.instance_actions.push(crate::state::InstanceAction {
        server_id: id.into(),
        action: name.into(),
        request_id: req.request_id.clone(),
        user_id: ctx.user_id.clone(),
        project_id,
        start: now,
        finish,
    });
}

fn nova_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6f").to_string()
}

fn instance_action_json(a: &crate::state::InstanceAction, mv: Mv, now: DateTime<Utc>) -> Value {
    let mut v = json!({
        "action": a.action, "instance_uuid": a.server_id, "message": null,
        "project_id": a.project_id, "request_id": a.request_id, "user_id": a.user_id,
        "start_time": nova_time(a.start),
    });
    if mv.at_least(58) {
        v["updated_at"] = json!(nova_time(a.finish.min(now).max(a.start)));
    }
    v
}

fn list_instance_actions(
    app: &App,
    state: &State,
    req: &Req,
    ctx: &Ctx,
    mv: Mv,
    id: &str,
) -> Answer {
    let now = app.clock.now();
    let since = req.q("changes-since").and_then(parse_time);
    let before = if mv.at_least(66) {
        req.q("changes-before").and_then(parse_time)
    } else {
        None
    };
    let mut rows: Vec<&crate::state::InstanceAction> = state
        .instance_actions
        .iter()
        .filter(|a| a.server_id == id)
        .filter(|a| since.is_none_or(|t| a.finish.min(now).max(a.start) >= t))
        .filter(|a| before.is_none_or(|t| a.finish.min(now).max(a.start) <= t))
        .collect();
    rows.reverse();
    let mut body = json!({});
    if mv.at_least(58) {
        if let Some(marker) = req.q("marker") {
            match rows.iter().position(|a| a.request_id == marker) {
                Some(i) => {
                    rows.drain(..=i);
                }
                None => return Err(bad(&format!("Marker {marker} could not be found."))),
            }
        }
        if let Some(n) = req.q("limit").and_then(|v| v.parse::<usize>().ok()) {
            if rows.len() >= n && n > 0 {
                rows.truncate(n);
                let last = rows
                    .last()
                    .map(|a| a.request_id.clone())
                    .unwrap_or_default();
                body["links"] = json!([{"rel": "next",
                    "href": next_link(app, req, &format!("servers/{id}/os-instance-actions"), &last)}]);
            } else {
                rows.truncate(n);
            }
        }
    }
    let _ = ctx;
    body["instanceActions"] = rows
        .iter()
        .map(|a| instance_action_json(a, mv, now))
        .collect::<Vec<_>>()
        .into();
    Ok(Reply::ok(body))
}

fn show_instance_action(state: &State, ctx: &Ctx, mv: Mv, id: &str, request_id: &str) -> Answer {
    let Some(a) = state
        .instance_actions
        .iter()
        .find(|a| a.server_id == id && a.request_id == request_id)
    else {
        return Err(not_found(&format!(
            "Action for request_id {request_id} on instance {id} not found"
        )));
    };
    let now = state
        .servers
        .get(id)
        .map_or(a.finish, |s| s.updated.max(a.start));
    let mut v = instance_action_json(a, mv, a.finish.max(now));
    if ctx.is_admin() || mv.at_least(51) {
        let finished = state
            .servers
            .get(id)
            .is_none_or(|s| s.pending.as_ref().is_none_or(|p| p.due != a.finish));
        let event_name = match a.action.as_str() {
            "create" => "compute__do_build_and_run_instance".to_string(),
            "live-migration" => "compute_live_migration".to_string(),
            other => format!("compute_{}_instance", other.to_ascii_lowercase()),
        };
        let mut e = json!({
            "event": event_name, "start_time": nova_time(a.start),
            "finish_time": if finished { json!(nova_time(a.finish)) } else { Value::Null },
            "result": if finished { json!("Success") } else { Value::Null },
        });
        if ctx.is_admin() {
            e["traceback"] = Value::Null;
        }
        if mv.at_least(62) {
            e["hostId"] = json!(host_id(&a.project_id));
            if ctx.is_admin() {
                e["host"] = json!(HOST);
            }
        }
        if mv.at_least(84) {
            e["details"] = Value::Null;
        }
        v["events"] = json!([e]);
    }
    Ok(Reply::ok(json!({ "instanceAction": v })))
}

// ------------------------------------------------------------------ metadata and tags

fn metadata(state: &mut State, req: &Req, ctx: &Ctx, id: &str, rest: &[&str]) -> Answer {
    let writing = !matches!(req.method, Method::GET);
    let Some(s) = state.servers.get_mut(id) else {
        return Err(server_not_found(id));
    };
    if writing && s.locked && !ctx.is_admin() {
        return Err(conflict(&format!("Instance {id} is locked")));
    }
    match (&req.method, rest) {
        (&Method::GET, []) => Ok(Reply::ok(json!({"metadata": s.metadata}))),
        (&Method::POST | &Method::PUT, []) => {
            let body = req.json();
            let Some(m) = body.as_ref().and_then(|b| b.get("metadata")) else {
                return Err(bad(
                    "Malformed request body. 'metadata' is a required property",
                ));
            };
            let items = string_map(Some(m), "metadata")?;
            if req.method == Method::PUT {
                s.metadata = items;
            } else {
                s.metadata.extend(items);
            }
            if s.metadata.len() > 128 {
                return Err(fault(
                    403,
                    "Quota exceeded for metadata_items: Requested 129, but already used 0 of 128 metadata_items",
                ));
            }
            Ok(Reply::ok(json!({"metadata": s.metadata})))
        }
        (&Method::GET, [key]) => match s.metadata.get(*key) {
            Some(v) => Ok(Reply::ok(json!({"meta": {*key: v}}))),
            None => Err(not_found("Metadata item was not found")),
        },
        (&Method::PUT, [key]) => {
            let body = req.json();
            let Some(meta) = body.as_ref().and_then(|b| b.get("meta")) else {
                return Err(bad("Malformed request body. 'meta' is a required property"));
            };
            let items = string_map(Some(meta), "meta")?;
            if items.len() != 1 {
                return Err(bad("Request body contains too many items"));
            }
            let Some(v) = items.get(*key) else {
                return Err(bad("Request body and URI mismatch"));
            };
            s.metadata.insert(key.to_string(), v.clone());
            Ok(Reply::ok(json!({"meta": {*key: v}})))
        }
        (&Method::DELETE, [key]) => {
            if s.metadata.remove(*key).is_none() {
                return Err(not_found("Metadata item was not found"));
            }
            Ok(Reply::empty(204))
        }
        _ => Err(fault(
            405,
            "The method is not allowed for the requested URL.",
        )),
    }
}

fn tags(
    app: &App,
    state: &mut State,
    req: &Req,
    ctx: &Ctx,
    mv: Mv,
    id: &str,
    rest: &[&str],
) -> Answer {
    if !mv.at_least(26) {
        return Err(not_found("The resource could not be found."));
    }
    let Some(s) = state.servers.get_mut(id) else {
        return Err(server_not_found(id));
    };
    if !matches!(req.method, Method::GET) && s.locked && !ctx.is_admin() {
        return Err(conflict(&format!("Instance {id} is locked")));
    }
    match (&req.method, rest) {
        (&Method::GET, []) => Ok(Reply::ok(json!({"tags": s.tags}))),
        (&Method::PUT, []) => {
            let Some(list) = req.json().and_then(|b| b.get("tags").cloned()) else {
                return Err(bad(
                    "Invalid input for field/attribute tags. 'tags' is a required property",
                ));
            };
            let Some(list) = list.as_array() else {
                return Err(bad("Invalid input for field/attribute tags."));
            };
            let mut new: Vec<String> = Vec::new();
            for t in list {
                match t.as_str() {
                    Some(x) if valid_tag(x) => {
                        if !new.iter().any(|y| y == x) {
                            new.push(x.into());
                        }
                    }
                    _ => {
                        return Err(bad(&format!(
                            "Invalid input for field/attribute tags. Value: {t}."
                        )));
                    }
                }
            }
            if new.len() > 50 {
                return Err(bad("The number of tags exceeded the per-server limit 50"));
            }
            s.tags = new;
            Ok(Reply::ok(json!({"tags": s.tags})))
        }
        (&Method::DELETE, []) => {
            s.tags.clear();
            Ok(Reply::empty(204))
        }
        (&Method::GET, [tag]) => {
            if s.tags.iter().any(|t| t == tag) {
                Ok(Reply::empty(204))
            } else {
                Err(not_found(&format!("Tag '{tag}' could not be found.")))
            }
        }
        (&Method::PUT, [tag]) => {
            if !valid_tag(tag) {
                return Err(bad(&format!(
                    "Invalid input for field/attribute tag. Value: {tag}."
                )));
            }
            if s.tags.iter().any(|t| t == tag) {
                return Ok(Reply::empty(204));
            }
            if s.tags.len() >= 50 {
                return Err(bad("The number of tags exceeded the per-server limit 50"));
            }
            s.tags.push(tag.to_string());
            let encoded: String = url::form_urlencoded::byte_serialize(tag.as_bytes())
                .collect::<String>()
                .replace('+', "%20");
            Ok(Reply::empty(201).header(
                "Location",
                format!("{}/compute/v2.1/servers/{id}/tags/{encoded}", app.base),
            ))
        }
        (&Method::DELETE, [tag]) => {
            let before = s.tags.len();
            s.tags.retain(|t| t != tag);
            if before == s.tags.len() {
                return Err(not_found(&format!("Tag '{tag}' could not be found.")));
            }
            Ok(Reply::empty(204))
        }
        _ => Err(fault(
            405,
            "The method is not allowed for the requested URL.",
        )),
    }
}

// ------------------------------------------------------------------ flavors

fn flavor_json(app: &App, f: &Flavor, mv: Mv, detail: bool) -> Value {
    let mut v = json!({
        "id": f.id, "name": f.name,
        "links": link_pair(app, "", "flavors", &f.id),
    });
    if detail {
        let o = v.as_object_mut().expect("an object");
        o.insert("ram".into(), json!(f.ram));
        o.insert("disk".into(), json!(f.disk));
        o.insert("vcpus".into(), json!(f.vcpus));
        o.insert("OS-FLV-EXT-DATA:ephemeral".into(), json!(f.ephemeral));
        o.insert("OS-FLV-DISABLED:disabled".into(), json!(false));
        o.insert(
            "swap".into(),
            if f.swap == 0 && !mv.at_least(75) {
                json!("")
            } else {
                json!(f.swap)
            },
        );
        o.insert("rxtx_factor".into(), json!(f.rxtx_factor));
        o.insert("os-flavor-access:is_public".into(), json!(f.is_public));
        if mv.at_least(61) {
            o.insert("extra_specs".into(), json!(f.extra_specs));
        }
    }
    if mv.at_least(55) {
        v["description"] = json!(f.description);
    }
    v
}

fn flavors(app: &App, state: &mut State, req: &Req, ctx: &Ctx, mv: Mv, rest: &[&str]) -> Answer {
    let project = ctx.project_id().unwrap_or_default().to_string();
    let shared = |f: &Flavor| f.access.contains(&project);
    if let [id, sub, more @ ..] = rest {
        let visible = state
            .flavors
            .get(*id)
            .is_some_and(|f| f.is_public || ctx.is_admin() || shared(f));
        if !visible {
            return Err(not_found(&format!("Flavor {id} could not be found.")));
        }
        return flavor_extras(state, req, ctx, id, sub, more);
    }
    match (&req.method, rest) {
        (&Method::GET, []) | (&Method::GET, ["detail"]) => {
            let detail = !rest.is_empty();
            let public = match req.q("is_public").map(str::to_ascii_lowercase).as_deref() {
                Some("none") if ctx.is_admin() => None,
                Some("false" | "0" | "f" | "no") => Some(false),
                _ => Some(true),
            };
            let min_ram: u64 = req.q("minRam").and_then(|v| v.parse().ok()).unwrap_or(0);
            let min_disk: u64 = req.q("minDisk").and_then(|v| v.parse().ok()).unwrap_or(0);
            let mut rows: Vec<&Flavor> = state
                .flavors
                .values()
                .filter(|f| match public {
                    None => true,
                    // A project also sees the private flavors shared with it.
                    Some(true) => f.is_public || (!ctx.is_admin() && shared(f)),
                    Some(false) => !f.is_public && (ctx.is_admin() || shared(f)),
                })
                .filter(|f| f.ram >= min_ram && f.disk >= min_disk)
                .filter(|f| req.q("name").is_none_or(|n| name_matches(n, &f.name)))
                .collect();
            let asc = req.q("sort_dir") != Some("desc");
            let key = req.q("sort_key").unwrap_or("flavorid");
            rows.sort_by(|a, b| {
                let o = match key {
                    "name" => a.name.cmp(&b.name),
                    "memory_mb" => a.ram.cmp(&b.ram),
                    "vcpus" => a.vcpus.cmp(&b.vcpus),
                    "root_gb" => a.disk.cmp(&b.disk),
                    _ => a.id.cmp(&b.id),
                };
                if asc { o } else { o.reverse() }
            });
            if let Some(marker) = req.q("marker") {
                match rows.iter().position(|f| f.id == marker) {
                    Some(i) => {
                        rows.drain(..=i);
                    }
                    None => return Err(bad(&format!("marker [{marker}] not found"))),
                }
            }
            let mut body = json!({});
            if let Some(n) = req.q("limit").and_then(|v| v.parse::<usize>().ok()) {
                if rows.len() >= n && n > 0 {
                    rows.truncate(n);
                    let last = rows.last().map(|f| f.id.clone()).unwrap_or_default();
                    let path = if detail { "flavors/detail" } else { "flavors" };
                    body["flavors_links"] =
                        json!([{"rel": "next", "href": next_link(app, req, path, &last)}]);
                } else {
                    rows.truncate(n);
                }
            }
            body["flavors"] = rows
                .iter()
                .map(|f| flavor_json(app, f, mv, detail))
                .collect::<Vec<_>>()
                .into();
            Ok(Reply::ok(body))
        }
        (&Method::POST, []) => {
            if !ctx.is_admin() {
                return Err(policy("os_compute_api:os-flavor-manage:create"));
            }
            let Some(body) = req.json() else {
                return Err(bad("The request body is not valid JSON."));
            };
            let Some(o) = body.get("flavor").and_then(Value::as_object) else {
                return Err(bad(
                    "Invalid input for field/attribute flavor. 'flavor' is a required property",
                ));
            };
            let Some(name) = o.get("name").and_then(Value::as_str).map(str::trim) else {
                return Err(bad(
                    "Invalid input for field/attribute flavor. 'name' is a required property",
                ));
            };
            if name.is_empty() || name.len() > 255 {
                return Err(bad("Invalid input for field/attribute name."));
            }
            let int = |k: &str, required: bool| -> Result<u64, Reply> {
                match o.get(k) {
                    None | Some(Value::Null) if !required => Ok(0),
                    None | Some(Value::Null) => Err(bad(&format!(
                        "Invalid input for field/attribute flavor. '{k}' is a required property"
                    ))),
                    Some(v) => v
                        .as_u64()
                        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                        .ok_or_else(|| {
                            bad(&format!(
                                "Invalid input for field/attribute {k}. Value: {v}."
                            ))
                        }),
                }
            };
            let ram = int("ram", true)?;
            let vcpus = int("vcpus", true)?;
            let disk = int("disk", true)?;
            let eph = int("OS-FLV-EXT-DATA:ephemeral", false)?;
            let swap = int("swap", false)?;
            if ram == 0 || vcpus == 0 {
                return Err(bad(
                    "Invalid input for field/attribute ram or vcpus: must be at least 1.",
                ));
            }
            let id = match o.get("id").and_then(string_or_number) {
                Some(id) if id != "auto" => id,
                _ => ids::uuid(),
            };
            if state.flavors.values().any(|f| f.name == name) {
                return Err(conflict(&format!(
                    "Flavor with name {name} already exists."
                )));
            }
            if state.flavors.contains_key(&id) {
                return Err(conflict(&format!("Flavor with ID {id} already exists.")));
            }
            let description = match o.get("description") {
                Some(Value::String(d)) if mv.at_least(55) => Some(d.clone()),
                Some(Value::String(_)) => {
                    return Err(bad(
                        "Invalid input for field/attribute flavor. Additional properties are not allowed ('description' was unexpected)",
                    ));
                }
                _ => None,
            };
            let mut f = Flavor::new(&id, name, ram, disk, vcpus);
            f.ephemeral = eph;
            f.swap = swap;
            f.description = description;
            f.rxtx_factor = o.get("rxtx_factor").and_then(Value::as_f64).unwrap_or(1.0);
            f.is_public = o
                .get("os-flavor-access:is_public")
                .and_then(Value::as_bool)
                .unwrap_or(true);
            let v = flavor_json(app, &f, mv, true);
            state.flavors.insert(id, f);
            Ok(Reply::ok(json!({"flavor": v})))
        }
        (m, [id]) => {
            let id = id.to_string();
            let Some(f) = state
                .flavors
                .get(&id)
                .filter(|f| f.is_public || ctx.is_admin() || shared(f))
                .cloned()
            else {
                return Err(not_found(&format!("Flavor {id} could not be found.")));
            };
            match *m {
                Method::GET => Ok(Reply::ok(json!({"flavor": flavor_json(app, &f, mv, true)}))),
                Method::PUT => {
                    if !mv.at_least(55) {
                        return Err(fault(
                            405,
                            "The method is not allowed for the requested URL.",
                        ));
                    }
                    if !ctx.is_admin() {
                        return Err(policy("os_compute_api:os-flavor-manage:update"));
                    }
                    let body = req.json();
                    let Some(o) = body
                        .as_ref()
                        .and_then(|b| b.get("flavor"))
                        .and_then(Value::as_object)
                    else {
                        return Err(bad(
                            "Invalid input for field/attribute flavor. 'flavor' is a required property",
                        ));
                    };
                    let mut f = f;
                    match o.get("description") {
                        Some(Value::String(d)) => f.description = Some(d.clone()),
                        Some(Value::Null) => f.description = None,
                        _ => {
                            return Err(bad(
                                "Invalid input for field/attribute flavor. 'description' is a required property",
                            ));
                        }
                    }
                    let v = flavor_json(app, &f, mv, true);
                    state.flavors.insert(id, f);
                    Ok(Reply::ok(json!({"flavor": v})))
                }
                Method::DELETE => {
                    if !ctx.is_admin() {
                        return Err(policy("os_compute_api:os-flavor-manage:delete"));
                    }
                    state.flavors.remove(&id);
                    Ok(Reply::empty(202))
                }
                _ => Err(fault(
                    405,
                    "The method is not allowed for the requested URL.",
                )),
            }
        }
        _ => Err(not_found("The resource could not be found.")),
    }
}

/// `/flavors/{id}/os-extra_specs[/{key}]`, `/flavors/{id}/os-flavor-access` and the
/// `addTenantAccess`/`removeTenantAccess` actions.
fn flavor_extras(
    state: &mut State,
    req: &Req,
    ctx: &Ctx,
    id: &str,
    sub: &str,
    more: &[&str],
) -> Answer {
    let writing = !matches!(req.method, Method::GET);
    if writing && !ctx.is_admin() {
        return Err(policy("os_compute_api:os-flavor-extra-specs:create"));
    }
    let Some(f) = state.flavors.get_mut(id) else {
        return Err(not_found(&format!("Flavor {id} could not be found.")));
    };
    let body = req.json();
    match (&req.method, sub, more) {
        (&Method::GET, "os-extra_specs", []) => {
            Ok(Reply::ok(json!({"extra_specs": f.extra_specs})))
        }
        (&Method::POST, "os-extra_specs", []) => {
            let specs = string_map(
                body.as_ref().and_then(|b| b.get("extra_specs")),
                "extra_specs",
            )?;
            if specs.is_empty() {
                return Err(bad("Invalid input for field/attribute extra_specs."));
            }
            f.extra_specs.extend(specs.clone());
            Ok(Reply::ok(json!({ "extra_specs": specs })))
        }
        (&Method::GET, "os-extra_specs", [key]) => match f.extra_specs.get(*key) {
            Some(v) => Ok(Reply::ok(json!({ *key: v }))),
            None => Err(not_found(&format!(
                "Flavor {id} has no extra specs with key {key}."
            ))),
        },
        (&Method::PUT, "os-extra_specs", [key]) => {
            let item = string_map(body.as_ref(), "extra_specs")?;
            if item.len() != 1 {
                return Err(bad("Request body contains too many items"));
            }
            let Some(v) = item.get(*key) else {
                return Err(bad("Request body and URI mismatch"));
            };
            f.extra_specs.insert(key.to_string(), v.clone());
            Ok(Reply::ok(json!({ *key: v })))
        }
        (&Method::DELETE, "os-extra_specs", [key]) => {
            if f.extra_specs.remove(*key).is_none() {
                return Err(not_found(&format!(
                    "Flavor {id} has no extra specs with key {key}."
                )));
            }
            Ok(Reply::empty(202))
        }
        (&Method::GET, "os-flavor-access", []) => {
            if !ctx.is_admin() {
                return Err(policy("os_compute_api:os-flavor-access"));
            }
            if f.is_public {
                return Err(not_found("Access list not available for public flavors."));
            }
            Ok(Reply::ok(json!({"flavor_access": access_json(f)})))
        }
        (&Method::POST, "action", []) => {
            let Some(Value::Object(o)) = body else {
                return Err(bad("Malformed request body"));
            };
            let (name, args) = match o.iter().next() {
                Some((k, v)) if o.len() == 1 => (k.clone(), v.clone()),
                _ => return Err(bad("Malformed request body")),
            };
            let Some(tenant) = args["tenant"].as_str() else {
                return Err(bad(&format!(
                    "Invalid input for field/attribute {name}. 'tenant' is a required property"
                )));
            };
            if f.is_public {
                return Err(conflict("Can not add access to a public flavor."));
            }
            let has = f.access.iter().any(|p| p == tenant);
            match name.as_str() {
                "addTenantAccess" => {
                    if has {
                        return Err(conflict(&format!(
                            "Flavor access already exists for flavor {id} and project {tenant} combination."
                        )));
                    }
                    f.access.push(tenant.into());
                }
                "removeTenantAccess" => {
                    if !has {
                        return Err(not_found(&format!(
                            "Flavor access not found for {id} / {tenant} combination."
                        )));
                    }
                    f.access.retain(|p| p != tenant);
                }
                other => return Err(bad(&format!("There is no such action: {other}"))),
            }
            Ok(Reply::ok(json!({"flavor_access": access_json(f)})))
        }
        _ => Err(not_found("The resource could not be found.")),
    }
}

fn access_json(f: &Flavor) -> Vec<Value> {
    f.access
        .iter()
        .map(|p| json!({"flavor_id": f.id, "tenant_id": p}))
        .collect()
}

// ------------------------------------------------------------------ key pairs

fn md5_fingerprint(blob: &[u8]) -> String {
    use md5::{Digest, Md5};
    Md5::digest(blob)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// The fingerprint of an OpenSSH public key line, or `None` when it is not one.
fn ssh_fingerprint(public_key: &str) -> Option<String> {
    let mut parts = public_key.split_whitespace();
    let kind = parts.next()?;
    let data = parts.next()?;
    if !(kind.starts_with("ssh-") || kind.starts_with("ecdsa-")) {
        return None;
    }
    let blob = base64::engine::general_purpose::STANDARD
        .decode(data)
        .ok()?;
    Some(md5_fingerprint(&blob))
}

fn ssh_string(out: &mut Vec<u8>, data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(data);
}

/// A new Ed25519 key pair: the OpenSSH public key line and a PKCS#8 PEM private key.
fn generate_keypair() -> Option<(String, String)> {
    use ring::signature::KeyPair;
    let rng = ring::rand::SystemRandom::new();
    let pkcs8 = ring::signature::Ed25519KeyPair::generate_pkcs8(&rng).ok()?;
    let pair = ring::signature::Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).ok()?;
    let mut blob = Vec::new();
    ssh_string(&mut blob, b"ssh-ed25519");
    ssh_string(&mut blob, pair.public_key().as_ref());
    let b64 = base64::engine::general_purpose::STANDARD;
    let public = format!("ssh-ed25519 {} Generated-by-Nova", b64.encode(&blob));
    let body = b64.encode(pkcs8.as_ref());
    let mut pem = String::from("-----BEGIN PRIVATE KEY-----\n");
    for chunk in body.as_bytes().chunks(64) {
        pem.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        pem.push('\n');
    }
    pem.push_str("-----END PRIVATE KEY-----\n");
    Some((public, pem))
}

fn keypair_json(k: &Keypair, mv: Mv, full: bool) -> Value {
    let mut v = json!({"name": k.name, "public_key": k.public_key, "fingerprint": k.fingerprint});
    if mv.at_least(2) {
        v["type"] = json!(k.key_type);
    }
    if full {
        v["user_id"] = json!(k.user_id);
        v["id"] = json!(k.id);
        v["created_at"] = json!(k.created_at.format("%Y-%m-%dT%H:%M:%S%.6f").to_string());
        v["deleted"] = json!(false);
        v["deleted_at"] = Value::Null;
        v["updated_at"] = Value::Null;
    }
    v
}

fn keypairs(app: &App, state: &mut State, req: &Req, ctx: &Ctx, mv: Mv, rest: &[&str]) -> Answer {
    // Whose key pairs: the caller's, or (2.10, administrators) another user's.
    let owner = match req.q("user_id") {
        Some(u) if mv.at_least(10) => {
            if u != ctx.user_id && !ctx.is_admin() {
                return Err(policy("os_compute_api:os-keypairs:index"));
            }
            u.to_string()
        }
        _ => ctx.user_id.clone(),
    };
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let mut rows: Vec<&Keypair> = state
                .keypairs
                .iter()
                .filter(|k| k.user_id == owner)
                .collect();
            rows.sort_by(|a, b| a.name.cmp(&b.name));
            let mut body = json!({});
            if mv.at_least(35) {
                if let Some(marker) = req.q("marker") {
                    match rows.iter().position(|k| k.name == marker) {
                        Some(i) => {
                            rows.drain(..=i);
                        }
                        None => return Err(bad(&format!("marker [{marker}] not found"))),
                    }
                }
                if let Some(n) = req.q("limit").and_then(|v| v.parse::<usize>().ok()) {
                    if rows.len() >= n && n > 0 {
                        rows.truncate(n);
                        let last = rows.last().map(|k| k.name.clone()).unwrap_or_default();
                        body["keypairs_links"] = json!([{"rel": "next",
                            "href": next_link(app, req, "os-keypairs", &last)}]);
                    } else {
                        rows.truncate(n);
                    }
                }
            }
            body["keypairs"] = rows
                .iter()
                .map(|k| json!({"keypair": keypair_json(k, mv, false)}))
                .collect::<Vec<_>>()
                .into();
            Ok(Reply::ok(body))
        }
        (&Method::POST, []) => {
            let Some(body) = req.json() else {
                return Err(bad("The request body is not valid JSON."));
            };
            let Some(o) = body.get("keypair").and_then(Value::as_object) else {
                return Err(bad(
                    "Invalid input for field/attribute keypair. 'keypair' is a required property",
                ));
            };
            let Some(name) = o.get("name").and_then(Value::as_str).map(str::to_string) else {
                return Err(bad(
                    "Invalid input for field/attribute keypair. 'name' is a required property",
                ));
            };
            let valid_name = !name.is_empty()
                && name.len() <= 255
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | ' ' | '@'));
            if !valid_name {
                return Err(bad(
                    "Keypair data is invalid: Keypair name contains unsafe characters",
                ));
            }
            let key_type = str_field(o, "type")?.unwrap_or("ssh").to_string();
            if !matches!(key_type.as_str(), "ssh" | "x509") {
                return Err(bad("Invalid input for field/attribute type."));
            }
            let user_id = match o.get("user_id").and_then(Value::as_str) {
                Some(u) if mv.at_least(10) => {
                    if u != ctx.user_id && !ctx.is_admin() {
                        return Err(policy("os_compute_api:os-keypairs:create"));
                    }
                    u.to_string()
                }
                _ => ctx.user_id.clone(),
            };
            if state
                .keypairs
                .iter()
                .any(|k| k.name == name && k.user_id == user_id)
            {
                return Err(conflict(&format!("Key pair '{name}' already exists.")));
            }
            let (public_key, private_key) = match str_field(o, "public_key")? {
                Some(p) => (p.trim().to_string(), None),
                None if mv.at_least(92) => {
                    return Err(bad(
                        "Invalid input for field/attribute keypair. 'public_key' is a required property",
                    ));
                }
                None => match generate_keypair() {
                    Some((p, k)) => (p, Some(k)),
                    None => return Err(fault(500, "Key pair generation failed.")),
                },
            };
            let fingerprint = if key_type == "x509" {
                md5_fingerprint(public_key.as_bytes())
            } else {
                match ssh_fingerprint(&public_key) {
                    Some(f) => f,
                    None => {
                        return Err(bad(
                            "Keypair data is invalid: failed to generate fingerprint",
                        ));
                    }
                }
            };
            let k = Keypair {
                id: state.next_serial(),
                name,
                user_id,
                public_key,
                fingerprint,
                key_type,
                created_at: app.clock.now(),
            };
            let mut v = keypair_json(&k, mv, false);
            v["user_id"] = json!(k.user_id);
            if let Some(p) = private_key {
                v["private_key"] = json!(p);
            }
            state.keypairs.push(k);
            Ok(Reply::json(
                if mv.at_least(2) { 201 } else { 200 },
                json!({"keypair": v}),
            ))
        }
        (m, [name]) => {
            let Some(pos) = state
                .keypairs
                .iter()
                .position(|k| k.name == *name && k.user_id == owner)
            else {
                return Err(not_found(&format!(
                    "Keypair {name} not found for user {owner}"
                )));
            };
            match *m {
                Method::GET => Ok(Reply::ok(
                    json!({"keypair": keypair_json(&state.keypairs[pos], mv, true)}),
                )),
                Method::DELETE => {
                    state.keypairs.remove(pos);
                    Ok(Reply::empty(if mv.at_least(2) { 204 } else { 202 }))
                }
                _ => Err(fault(
                    405,
                    "The method is not allowed for the requested URL.",
                )),
            }
        }
        _ => Err(not_found("The resource could not be found.")),
    }
}

// ------------------------------------------------------------------ server groups

fn server_group_json(g: &ServerGroup, mv: Mv) -> Value {
    let mut v = json!({"id": g.id, "name": g.name, "members": g.members});
    if mv.at_least(64) {
        v["policy"] = json!(g.policy);
        v["rules"] = Value::Object(g.rules.clone());
    } else {
        v["policies"] = json!([g.policy]);
        v["metadata"] = json!({});
    }
    if mv.at_least(13) {
        v["project_id"] = json!(g.project_id);
        v["user_id"] = json!(g.user_id);
    }
    v
}

fn server_groups(
    app: &App,
    state: &mut State,
    req: &Req,
    ctx: &Ctx,
    mv: Mv,
    rest: &[&str],
) -> Answer {
    let _ = app;
    let project = ctx.project_id().unwrap_or_default().to_string();
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let all = ctx.is_admin()
                && req
                    .q("all_projects")
                    .is_some_and(|v| !matches!(v.to_ascii_lowercase().as_str(), "0" | "false"));
            let rows: Vec<Value> = state
                .server_groups
                .values()
                .filter(|g| all || g.project_id == project)
                .map(|g| server_group_json(g, mv))
                .collect();
            let offset: usize = req.q("offset").and_then(|v| v.parse().ok()).unwrap_or(0);
            let limit: usize = req
                .q("limit")
                .and_then(|v| v.parse().ok())
                .unwrap_or(usize::MAX);
            let rows: Vec<Value> = rows.into_iter().skip(offset).take(limit).collect();
            Ok(Reply::ok(json!({"server_groups": rows})))
        }
        (&Method::POST, []) => {
            let Some(body) = req.json() else {
                return Err(bad("The request body is not valid JSON."));
            };
            let Some(o) = body.get("server_group").and_then(Value::as_object) else {
                return Err(bad(
                    "Invalid input for field/attribute server_group. 'server_group' is a required property",
                ));
            };
            let Some(name) = o
                .get("name")
                .and_then(Value::as_str)
                .filter(|n| !n.trim().is_empty())
            else {
                return Err(bad(
                    "Invalid input for field/attribute server_group. 'name' is a required property",
                ));
            };
            let policy_name = if mv.at_least(64) {
                if o.contains_key("policies") {
                    return Err(bad(
                        "Invalid input for field/attribute server_group. Additional properties are not allowed ('policies' was unexpected)",
                    ));
                }
                o.get("policy").and_then(Value::as_str).map(str::to_string)
            } else {
                if o.contains_key("policy") || o.contains_key("rules") {
                    return Err(bad(
                        "Invalid input for field/attribute server_group. Additional properties are not allowed ('policy' was unexpected)",
                    ));
                }
                match o
                    .get("policies")
                    .and_then(Value::as_array)
                    .map(Vec::as_slice)
                {
                    Some([p]) => p.as_str().map(str::to_string),
                    _ => None,
                }
            };
            let Some(policy_name) = policy_name else {
                return Err(bad(
                    "Invalid input for field/attribute server_group. 'policy' is a required property",
                ));
            };
            let allowed: &[&str] = if mv.at_least(15) {
                &[
                    "affinity",
                    "anti-affinity",
                    "soft-affinity",
                    "soft-anti-affinity",
                ]
            } else {
                &["affinity", "anti-affinity"]
            };
            if !allowed.contains(&policy_name.as_str()) {
                return Err(bad(&format!(
                    "Invalid input for field/attribute policy. Value: {policy_name}. '{policy_name}' is not one of {allowed:?}"
                )));
            }
            let rules = o
                .get("rules")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            if !rules.is_empty() {
                if policy_name != "anti-affinity" {
                    return Err(bad("Only anti-affinity policy supports rules."));
                }
                if rules.keys().any(|k| k != "max_server_per_host")
                    || rules["max_server_per_host"].as_u64().is_none_or(|n| n < 1)
                {
                    return Err(bad("Invalid input for field/attribute rules."));
                }
            }
            let g = ServerGroup {
                id: ids::uuid(),
                name: name.into(),
                policy: policy_name,
                rules,
                project_id: project,
                user_id: ctx.user_id.clone(),
                members: Vec::new(),
            };
            let v = server_group_json(&g, mv);
            state.server_groups.insert(g.id.clone(), g);
            Ok(Reply::ok(json!({"server_group": v})))
        }
        (m, [id]) => {
            let visible = state
                .server_groups
                .get(*id)
                .is_some_and(|g| ctx.is_admin() || g.project_id == project);
            if !visible {
                return Err(not_found(&format!(
                    "Instance group {id} could not be found."
                )));
            }
            match *m {
                Method::GET => Ok(Reply::ok(
                    json!({"server_group": server_group_json(&state.server_groups[*id], mv)}),
                )),
                Method::DELETE => {
                    state.server_groups.remove(*id);
                    for s in state.servers.values_mut() {
                        s.server_groups.retain(|g| g != id);
                    }
                    Ok(Reply::empty(204))
                }
                _ => Err(fault(
                    405,
                    "The method is not allowed for the requested URL.",
                )),
            }
        }
        _ => Err(not_found("The resource could not be found.")),
    }
}

// ------------------------------------------------------------------ limits

fn limits(state: &State, req: &Req, ctx: &Ctx, mv: Mv) -> Answer {
    let project = match req.q("tenant_id") {
        Some(t) if t != ctx.project_id().unwrap_or_default() => {
            if !ctx.is_admin() {
                return Err(policy("os_compute_api:limits:other_project"));
            }
            t.to_string()
        }
        _ => ctx.project_id().unwrap_or_default().to_string(),
    };
    let servers: Vec<&Server> = state
        .servers
        .values()
        .filter(|s| s.project_id == project)
        .collect();
    let cores: u64 = servers.iter().map(|s| s.flavor.vcpus).sum();
    let ram: u64 = servers.iter().map(|s| s.flavor.ram).sum();
    let groups = state
        .server_groups
        .values()
        .filter(|g| g.project_id == project)
        .count();
    let mut absolute: Map<String, Value> = [
        (
            "maxServerMeta",
            json!(quota_value(state, Some(&project), "metadata_items")),
        ),
        ("maxImageMeta", json!(128)),
        (
            "maxTotalInstances",
            json!(quota_value(state, Some(&project), "instances")),
        ),
        (
            "maxTotalCores",
            json!(quota_value(state, Some(&project), "cores")),
        ),
        (
            "maxTotalRAMSize",
            json!(quota_value(state, Some(&project), "ram")),
        ),
        (
            "maxTotalKeypairs",
            json!(quota_value(state, Some(&project), "key_pairs")),
        ),
        (
            "maxServerGroups",
            json!(quota_value(state, Some(&project), "server_groups")),
        ),
        (
            "maxServerGroupMembers",
            json!(quota_value(state, Some(&project), "server_group_members")),
        ),
        ("totalInstancesUsed", json!(servers.len())),
        ("totalCoresUsed", json!(cores)),
        ("totalRAMUsed", json!(ram)),
        ("totalServerGroupsUsed", json!(groups)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    if !mv.at_least(36) {
        for (k, v) in [
            ("maxSecurityGroups", 10),
            ("maxSecurityGroupRules", 20),
            ("maxTotalFloatingIps", 10),
            ("totalSecurityGroupsUsed", 0),
            ("totalFloatingIpsUsed", 0),
        ] {
            absolute.insert(k.into(), json!(v));
        }
    }
    if !mv.at_least(57) {
        absolute.insert("maxPersonality".into(), json!(5));
        absolute.insert("maxPersonalitySize".into(), json!(10240));
    }
    Ok(Reply::ok(
        json!({"limits": {"rate": [], "absolute": absolute}}),
    ))
}
