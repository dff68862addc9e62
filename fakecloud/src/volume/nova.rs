//! Nova's side of block storage: a server's volume attachments
//! (`os-volume_attachments`) and assisted volume snapshots, over Cinder's records.

use chrono::{DateTime, Utc};
use http::Method;
use serde_json::{Map, Value, json};

use super::{ATTACHMENTS, Attach, VOLUMES, VolumeState};
use crate::compute::fault;
use crate::http_util::{Ctx, Reply, Req};
use crate::records::{Collections, Record, str_of};

/// The server's attachments (Cinder's records, with Nova's own attributes).
fn of_server<'a>(st: &'a VolumeState, server: &'a str) -> impl Iterator<Item = &'a Record> {
    st.coll(ATTACHMENTS)
        .filter(move |a| str_of(a, "instance") == Some(server))
}

/// The server's attachment of a volume, or Nova's 404.
fn attachment_of(st: &VolumeState, server: &str, vol: &str) -> Result<Record, Reply> {
    of_server(st, server)
        .find(|a| str_of(a, "volume_id") == Some(vol))
        .cloned()
        .ok_or_else(|| {
            fault(
                404,
                &format!("Volume {vol} is not attached to the server {server}."),
            )
        })
}

fn view(a: &Record, server: &str, minor: u32) -> Value {
    let volume = a.get("volume_id").cloned().unwrap_or(Value::Null);
    let mut o = Map::new();
    o.insert(
        "device".into(),
        a.get("mountpoint").cloned().unwrap_or(Value::Null),
    );
    o.insert("serverId".into(), json!(server));
    o.insert("volumeId".into(), volume.clone());
    if minor < 89 {
        o.insert("id".into(), volume);
    }
    if minor >= 70 {
        o.insert(
            "tag".into(),
            a.get("nova_tag").cloned().unwrap_or(Value::Null),
        );
    }
    if minor >= 79 {
        o.insert(
            "delete_on_termination".into(),
            a.get("delete_on_termination")
                .cloned()
                .unwrap_or(json!(false)),
        );
    }
    if minor >= 89 {
        o.insert(
            "attachment_id".into(),
            a.get("id").cloned().unwrap_or(Value::Null),
        );
        o.insert(
            "bdm_uuid".into(),
            a.get("bdm_uuid").cloned().unwrap_or(Value::Null),
        );
    }
    Value::Object(o)
}

/// A request to `/servers/{id}/os-volume_attachments[/{volume_id}]`, for a server of
/// `project`, at compute microversion `2.minor`.
pub(crate) fn server_attachments(
    st: &mut VolumeState,
    ctx: &Ctx,
    req: &Req,
    server: &str,
    minor: u32,
    now: DateTime<Utc>,
    rest: &[&str],
) -> Reply {
    let body = req.json().unwrap_or(Value::Null);
    let given = body.get("volumeAttachment").cloned().unwrap_or(Value::Null);
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let all: Vec<Value> = of_server(st, server)
                .map(|a| view(a, server, minor))
                .collect();
            Reply::ok(json!({ "volumeAttachments": all }))
        }
        (&Method::GET, [vol]) => match attachment_of(st, server, vol) {
            Ok(a) => Reply::ok(json!({"volumeAttachment": view(&a, server, minor)})),
            Err(r) => r,
        },
        (&Method::POST, []) => {
            let Some(vol) = given
                .get("volumeId")
                .and_then(Value::as_str)
                .map(str::to_string)
            else {
                return fault(
                    400,
                    "Invalid input for field/attribute volumeAttachment. 'volumeId' is a required property",
                );
            };
            let visible = st
                .get(VOLUMES, &vol)
                .filter(|r| ctx.is_admin() || str_of(r, "project_id") == ctx.project_id())
                .cloned();
            let Some(volume) = visible else {
                return fault(404, &format!("Volume {vol} could not be found."));
            };
            if str_of(&volume, "status") != Some("available") {
                return fault(
                    400,
                    &format!(
                        "Invalid volume: volume {vol} status must be 'available'. Currently in '{}'",
                        str_of(&volume, "status").unwrap_or_default()
                    ),
                );
            }
            if given.get("tag").is_some() && minor < 49 {
                return fault(
                    400,
                    "Invalid input for field/attribute volumeAttachment. Additional properties are not allowed ('tag' was unexpected)",
                );
            }
            let used: Vec<String> = of_server(st, server)
                .filter_map(|a| str_of(a, "mountpoint").map(str::to_string))
                .collect();
            let device = given
                .get("device")
                .and_then(Value::as_str)
                .map(str::to_string)
                .unwrap_or_else(|| {
                    ('b'..='z')
                        .map(|c| format!("/dev/vd{c}"))
                        .find(|d| !used.contains(d))
                        .unwrap_or_else(|| "/dev/vdz".into())
                });
            let id = st.attach(
                now,
                &Attach {
                    volume_id: &vol,
                    instance: Some(server),
                    host: Some(crate::compute::HOST),
                    mountpoint: Some(&device),
                    mode: "rw",
                    status: "attached",
                },
            );
            let extra = json!({"nova_tag": given.get("tag").cloned().unwrap_or(Value::Null),
                "delete_on_termination": given.get("delete_on_termination").and_then(Value::as_bool).unwrap_or(false),
                "bdm_uuid": crate::ids::uuid()});
            st.set(ATTACHMENTS, &id, extra);
            st.set(VOLUMES, &vol, json!({"status": "in-use"}));
            if minor >= 101 {
                return Reply::empty(202);
            }
            match st.get(ATTACHMENTS, &id) {
                Some(a) => Reply::ok(json!({"volumeAttachment": view(a, server, minor)})),
                None => fault(500, "The attachment was lost."),
            }
        }
        (&Method::PUT, [vol]) => {
            let a = match attachment_of(st, server, vol) {
                Ok(a) => a,
                Err(r) => return r,
            };
            let new_volume = given
                .get("volumeId")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if minor < 85 || new_volume != *vol {
                if !ctx.is_admin() {
                    return fault(
                        403,
                        "Policy doesn't allow os_compute_api:os-volumes-attachments:swap to be performed.",
                    );
                }
                return fault(
                    400,
                    "Swapping volumes is not supported by this compute driver.",
                );
            }
            let same = |k: &str, have: Option<&Value>| {
                given
                    .get(k)
                    .is_none_or(|g| Some(g) == have || (g.is_null() && have.is_none()))
            };
            if !same("tag", a.get("nova_tag").filter(|t| !t.is_null()))
                || !same("device", a.get("mountpoint"))
                || !same("serverId", Some(&json!(server)))
                || !same("id", a.get("volume_id"))
            {
                return fault(
                    400,
                    "Invalid input: only delete_on_termination can be changed; the other attributes must repeat their values.",
                );
            }
            if let Some(d) = given.get("delete_on_termination").and_then(Value::as_bool) {
                let aid = str_of(&a, "id").unwrap_or_default().to_string();
                st.set(ATTACHMENTS, &aid, json!({"delete_on_termination": d}));
            }
            Reply::empty(202)
        }
        (&Method::DELETE, [vol]) => {
            let a = match attachment_of(st, server, vol) {
                Ok(a) => a,
                Err(r) => return r,
            };
            let aid = str_of(&a, "id").map(str::to_string);
            match st.detach(vol, aid.as_deref()) {
                Ok(()) => Reply::empty(202),
                Err(f) => fault(f.status, &f.message),
            }
        }
        _ => fault(404, "The resource could not be found."),
    }
}

/// Detaches a deleted server's volumes (deleting those marked `delete_on_termination`).
pub(crate) fn release_server(st: &mut VolumeState, server: &str, now: DateTime<Utc>) {
    let mine: Vec<(String, String, bool)> = of_server(st, server)
        .filter_map(|a| {
            Some((
                str_of(a, "id")?.to_string(),
                str_of(a, "volume_id")?.to_string(),
                a.get("delete_on_termination")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
            ))
        })
        .collect();
    for (aid, vol, delete) in mine {
        let _ = st.detach(&vol, Some(&aid));
        if delete {
            st.set(VOLUMES, &vol, json!({"status": "deleting"}));
            st.later(now, VOLUMES, &vol, None);
        }
    }
}

/// `os-assisted-volume-snapshots` (admins): only for a volume attached to a server.
pub(crate) fn assisted_snapshots(st: &VolumeState, ctx: &Ctx, req: &Req, rest: &[&str]) -> Reply {
    if !ctx.is_admin() {
        return fault(
            403,
            "Policy doesn't allow os_compute_api:os-assisted-volume-snapshots:create to be performed.",
        );
    }
    let volume = match (&req.method, rest) {
        (&Method::POST, []) => req.json().and_then(|b| {
            b.get("snapshot")?
                .get("volume_id")?
                .as_str()
                .map(str::to_string)
        }),
        (&Method::DELETE, [_]) => req
            .query
            .iter()
            .find(|(k, _)| k == "delete_info")
            .and_then(|(_, v)| serde_json::from_str::<Value>(v).ok())
            .and_then(|d| d.get("volume_id")?.as_str().map(str::to_string)),
        _ => return fault(404, "The resource could not be found."),
    };
    let Some(volume) = volume else {
        return fault(400, "Invalid input: volume_id is required.");
    };
    if !st.attached(&volume) {
        return fault(
            400,
            &format!("No volume Block Device Mapping with id {volume}."),
        );
    }
    // The fake virt driver cannot snapshot what it does not run.
    fault(
        400,
        &format!("Volume {volume} is not attached to a libvirt server: nothing to snapshot."),
    )
}

/// Calls Cinder's API on the caller's behalf: the answer's status and body.
fn cinder(
    v: &mut super::Vol<'_>,
    method: Method,
    path: &[&str],
    body: Option<Value>,
) -> (u16, Value) {
    let req = crate::records::internal_request(method, &[], body);
    crate::records::outcome(super::actions::route(v, &req, path))
}

fn nova_volume(c: &Value) -> Value {
    let attachments: Vec<Value> = c["attachments"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| {
            json!({"id": a["attachment_id"], "volumeId": a["volume_id"],
            "serverId": a["server_id"], "device": a["device"]})
        })
        .collect();
    // Nova shows an unattached volume with one empty attachment.
    let attachments = if attachments.is_empty() {
        vec![json!({})]
    } else {
        attachments
    };
    json!({"id": c["id"], "status": c["status"], "size": c["size"],
        "availabilityZone": c["availability_zone"], "createdAt": c["created_at"],
        "attachments": attachments, "displayName": c["name"],
        "displayDescription": c["description"], "volumeType": c["volume_type"],
        "snapshotId": c["snapshot_id"], "metadata": c["metadata"]})
}

fn nova_snapshot(c: &Value) -> Value {
    json!({"id": c["id"], "volumeId": c["volume_id"], "status": c["status"], "size": c["size"],
        "createdAt": c["created_at"], "displayName": c["name"],
        "displayDescription": c["description"]})
}

/// Nova's volume proxies (to 2.35), `os-volumes` and `os-snapshots`: Cinder's API
/// translated. (A volume made through Nova is available at once.)
pub(crate) fn proxy(
    app: &crate::App,
    state: &mut crate::state::State,
    ctx: &Ctx,
    req: &Req,
    snapshots: bool,
    rest: &[&str],
) -> Reply {
    let project = ctx.project_id().unwrap_or_default().to_string();
    let mut v = super::Vol {
        app,
        st: &mut state.volume,
        images: &mut state.images,
        ctx,
        minor: 0,
        now: app.clock.now(),
        url: format!("{}/volume/v3/{project}", app.base),
    };
    let (c, singular, plural, noun) = if snapshots {
        ("snapshots", "snapshot", "snapshots", "Snapshot")
    } else {
        (VOLUMES, "volume", "volumes", "Volume")
    };
    let view = |x: &Value| {
        if snapshots {
            nova_snapshot(x)
        } else {
            nova_volume(x)
        }
    };
    let answer = |status: u16, out: &Value, id: &str| match status {
        404 => fault(404, &format!("{noun} {id} could not be found.")),
        s => fault(s, out["message"].as_str().unwrap_or_default()),
    };
    match (&req.method, rest) {
        (&Method::GET, []) | (&Method::GET, ["detail"]) => {
            let (_, out) = cinder(&mut v, Method::GET, &[c, "detail"], None);
            let rows: Vec<Value> = out[plural]
                .as_array()
                .into_iter()
                .flatten()
                .map(view)
                .collect();
            Reply::ok(json!({ plural: rows }))
        }
        (&Method::POST, []) => {
            let body = req.json().unwrap_or_default();
            let o = &body[singular];
            if !o.is_object() {
                return fault(
                    400,
                    &format!(
                        "Invalid input for field/attribute {singular}. '{singular}' is a required property"
                    ),
                );
            }
            let mut b = o.as_object().cloned().unwrap_or_default();
            for (from, to) in [
                ("display_name", "name"),
                ("display_description", "description"),
            ] {
                if let Some(x) = b.remove(from) {
                    b.insert(to.into(), x);
                }
            }
            if snapshots && b.get("volume_id").is_none() {
                return fault(
                    400,
                    "Invalid input for field/attribute snapshot. 'volume_id' is a required property",
                );
            }
            let (status, out) = cinder(&mut v, Method::POST, &[c], Some(json!({ singular: b })));
            if status != 202 {
                let id = o["volume_id"].as_str().unwrap_or_default();
                return answer(status, &out, id);
            }
            let id = out[singular]["id"].as_str().unwrap_or_default().to_string();
            if !snapshots {
                v.st.cancel(VOLUMES, &id);
                v.st.set(VOLUMES, &id, json!({"status": "available"}));
            }
            let (_, shown) = cinder(&mut v, Method::GET, &[c, &id], None);
            Reply::ok(json!({ singular: view(&shown[singular]) }))
        }
        (&Method::GET, [id]) => match cinder(&mut v, Method::GET, &[c, id], None) {
            (200, out) => Reply::ok(json!({ singular: view(&out[singular]) })),
            (s, out) => answer(s, &out, id),
        },
        (&Method::DELETE, [id]) => match cinder(&mut v, Method::DELETE, &[c, id], None) {
            (202, _) => Reply::empty(202),
            (s, out) => answer(s, &out, id),
        },
        _ => fault(404, "The resource could not be found."),
    }
}
