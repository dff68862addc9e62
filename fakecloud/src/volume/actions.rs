//! Volumes, snapshots and attachments: create, show, list, update, delete, the
//! `action` calls and the status machine they drive.

use http::Method;
use serde_json::{Map, Value, json};

use super::{
    ATTACHMENTS, HOST, SERVICE_UUID, SNAPSHOTS, TYPES, VOLUMES, Vol, bad, list, map_routes,
    not_found, stamp,
};
use crate::http_util::{Reply, Req};
use crate::records::{Collections, Fault, Record, pick, str_of};

/// Statuses `os-reset_status` accepts for a volume.
const RESETTABLE: &[&str] = &[
    "available",
    "error",
    "creating",
    "attaching",
    "detaching",
    "in-use",
    "error_deleting",
    "maintenance",
    "reserved",
    "extending",
    "error_extending",
    "downloading",
    "uploading",
    "backing-up",
    "restoring-backup",
    "error_restoring",
];

pub(super) fn route(v: &mut Vol<'_>, req: &Req, rest: &[&str]) -> Result<Reply, Fault> {
    let m = req.method.clone();
    match (m, rest) {
        (Method::GET, [VOLUMES]) => list_volumes(v, req, false),
        (Method::GET, [VOLUMES, "detail"]) => list_volumes(v, req, true),
        (Method::GET, [VOLUMES, "summary"]) => summary(v),
        (Method::POST, [VOLUMES]) => create_volume(v, req),
        (Method::GET, [VOLUMES, id]) => {
            let r = v.find(VOLUMES, id)?;
            Ok(Reply::ok(json!({"volume": volume_view(v, &r)})))
        }
        (Method::PUT, [VOLUMES, id]) => update(v, req, VOLUMES, "volume", id),
        (Method::DELETE, [VOLUMES, id]) => {
            let flag = |k: &str| {
                req.query
                    .iter()
                    .any(|(q, x)| q == k && x.eq_ignore_ascii_case("true"))
            };
            delete_volume(v, id, flag("cascade"), flag("force"))
        }
        (Method::POST, [VOLUMES, id, "action"]) => volume_action(v, req, id),
        (_, [VOLUMES, id, "metadata"]) => map_routes(v, req, &super::VOLUME_META, id, None),
        (_, [VOLUMES, id, "metadata", key]) => {
            map_routes(v, req, &super::VOLUME_META, id, Some(key))
        }
        (Method::GET, [SNAPSHOTS]) => list_snapshots(v, req, false),
        (Method::GET, [SNAPSHOTS, "detail"]) => list_snapshots(v, req, true),
        (Method::POST, [SNAPSHOTS]) => create_snapshot(v, req),
        (Method::GET, [SNAPSHOTS, id]) => {
            let r = v.find(SNAPSHOTS, id)?;
            Ok(Reply::ok(json!({"snapshot": snapshot_view(v, &r, true)})))
        }
        (Method::PUT, [SNAPSHOTS, id]) => update(v, req, SNAPSHOTS, "snapshot", id),
        (Method::DELETE, [SNAPSHOTS, id]) => delete_snapshot(v, id, false),
        (Method::POST, [SNAPSHOTS, id, "action"]) => snapshot_action(v, req, id),
        (_, [SNAPSHOTS, id, "metadata"]) => map_routes(v, req, &super::SNAPSHOT_META, id, None),
        (_, [SNAPSHOTS, id, "metadata", key]) => {
            map_routes(v, req, &super::SNAPSHOT_META, id, Some(key))
        }
        (_, [ATTACHMENTS, ..]) => {
            if !v.at_least(27) {
                return Err(Fault::new(
                    404,
                    "itemNotFound",
                    "The resource could not be found.",
                ));
            }
            attachments(v, req, &rest[1..])
        }
        _ => Err(Fault::new(
            404,
            "itemNotFound",
            "The resource could not be found.",
        )),
    }
}

/// The object under `key` of a request's JSON body, or Cinder's 400.
pub(super) fn body_of(req: &Req, key: &str) -> Result<Map<String, Value>, Fault> {
    match req.json() {
        Some(Value::Object(mut o)) => match o.remove(key) {
            Some(Value::Object(x)) => Ok(x),
            _ => Err(bad(format!(
                "Missing required element '{key}' in request body."
            ))),
        },
        _ => Err(bad("Malformed request body")),
    }
}

fn status_of(r: &Record) -> &str {
    str_of(r, "status").unwrap_or_default()
}

/// A record's `self` and `bookmark` links under `c`, as Cinder writes them.
pub(super) fn links(v: &Vol<'_>, c: &str, id: &str) -> Value {
    json!([{"rel": "self", "href": format!("{}/{c}/{id}", v.url)},
        {"rel": "bookmark", "href": format!("{}/{c}/{id}", v.url.replacen("/v3/", "/", 1))}])
}

/// Adds the attributes of the microversions the request has (`(since, shown, key,
/// value)`: shown only when `shown`, e.g. to admins).
fn since<const N: usize>(v: &Vol<'_>, o: &mut Record, fields: [(u32, bool, &str, Value); N]) {
    for (minor, shown, key, value) in fields {
        if shown && v.at_least(minor) {
            o.insert(key.into(), value);
        }
    }
}

// ----- volumes -----

/// The volume's attachments as its view lists them.
fn volume_attachments(v: &Vol<'_>, id: &str) -> Vec<Value> {
    v.st.coll(ATTACHMENTS)
        .filter(|a| str_of(a, "volume_id") == Some(id) && str_of(a, "attach_status") == Some("attached"))
        .map(|a| {
            json!({"id": id, "attachment_id": a.get("id"), "volume_id": id,
                "server_id": a.get("instance"), "host_name": if v.ctx.is_admin() { a.get("host_name").cloned().unwrap_or(Value::Null) } else { Value::Null },
                "device": a.get("mountpoint"), "attached_at": a.get("attached_at")})
        })
        .collect()
}

/// The attributes volumes and snapshots share.
const COMMON: [&str; 7] = [
    "id",
    "name",
    "description",
    "status",
    "size",
    "created_at",
    "updated_at",
];

/// A volume as the caller and the microversion see it.
pub(crate) fn volume_view(v: &Vol<'_>, r: &Record) -> Record {
    let id = str_of(r, "id").unwrap_or_default();
    let mut o = pick(
        r,
        &[
            &COMMON[..],
            &[
                "availability_zone",
                "volume_type",
                "snapshot_id",
                "source_volid",
                "user_id",
                "encrypted",
                "multiattach",
                "migration_status",
                "replication_status",
                "consistencygroup_id",
            ],
        ]
        .concat(),
    );
    let bootable = r.get("bootable").and_then(Value::as_bool).unwrap_or(false);
    o.insert(
        "bootable".into(),
        json!(if bootable { "true" } else { "false" }),
    );
    let mut meta = r
        .get("metadata")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    if let Some(Value::Object(admin)) = r.get("admin_metadata") {
        meta.extend(admin.clone());
    }
    o.insert("metadata".into(), Value::Object(meta));
    if let Some(img) = r
        .get("volume_image_metadata")
        .filter(|m| m.as_object().is_some_and(|x| !x.is_empty()))
    {
        o.insert("volume_image_metadata".into(), img.clone());
    }
    o.insert("attachments".into(), json!(volume_attachments(v, id)));
    o.insert("links".into(), links(v, VOLUMES, id));
    o.insert(
        "os-vol-tenant-attr:tenant_id".into(),
        r.get("project_id").cloned().unwrap_or(Value::Null),
    );
    if v.ctx.is_admin() {
        o.insert("os-vol-host-attr:host".into(), json!(HOST));
        o.insert("os-vol-mig-status-attr:migstat".into(), Value::Null);
        o.insert("os-vol-mig-status-attr:name_id".into(), Value::Null);
    }
    let admin = v.ctx.is_admin();
    let field = |k: &str| r.get(k).cloned().unwrap_or(Value::Null);
    since(
        v,
        &mut o,
        [
            (13, true, "group_id", Value::Null),
            (21, admin, "provider_id", Value::Null),
            (48, true, "service_uuid", json!(SERVICE_UUID)),
            (48, true, "shared_targets", json!(false)),
            (61, admin, "cluster_name", Value::Null),
            (63, true, "volume_type_id", field("volume_type_id")),
            (65, true, "consumes_quota", json!(true)),
        ],
    );
    o
}

fn list_volumes(v: &mut Vol<'_>, req: &Req, detail: bool) -> Result<Reply, Fault> {
    let url = format!("{}/volumes{}", v.url, if detail { "/detail" } else { "" });
    let mut page = list(v, VOLUMES, VOLUMES, &req.query, url, volume_view)?;
    if !detail && let Some(Value::Array(rows)) = page.get_mut(VOLUMES) {
        for row in rows.iter_mut() {
            if let Value::Object(o) = row {
                o.retain(|k, _| k == "id" || k == "name" || k == "links");
            }
        }
    }
    Ok(Reply::ok(page))
}

fn summary(v: &mut Vol<'_>) -> Result<Reply, Fault> {
    if !v.at_least(12) {
        return Err(Fault::new(
            404,
            "itemNotFound",
            "The resource could not be found.",
        ));
    }
    let mine: Vec<&Record> =
        v.st.coll(VOLUMES)
            .filter(|r| str_of(r, "project_id") == v.ctx.project_id())
            .collect();
    let total_size: u64 = mine
        .iter()
        .filter_map(|r| r.get("size").and_then(Value::as_u64))
        .sum();
    let mut body = json!({"total_count": mine.len(), "total_size": total_size});
    if v.at_least(36) {
        let mut meta: Map<String, Value> = Map::new();
        for r in &mine {
            for (k, x) in r
                .get("metadata")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                let e = meta.entry(k.clone()).or_insert(json!([]));
                if let Value::Array(a) = e
                    && !a.contains(x)
                {
                    a.push(x.clone());
                }
            }
        }
        body["metadata"] = Value::Object(meta);
    }
    Ok(Reply::ok(json!({ "volume-summary": body })))
}

/// The volume type of a name or ID (the default type without one).
fn volume_type(v: &Vol<'_>, given: Option<&str>) -> Result<Record, Fault> {
    let t = match given {
        Some(g) => {
            v.st.coll(TYPES)
                .find(|t| str_of(t, "id") == Some(g) || str_of(t, "name") == Some(g))
        }
        // The project's default type, else the cloud's.
        None => match v.st.default_types.get(&v.project()) {
            Some(id) => v.st.get(TYPES, id),
            None => {
                v.st.coll(TYPES)
                    .find(|t| str_of(t, "name") == Some("__DEFAULT__"))
            }
        },
    };
    t.cloned().ok_or_else(|| {
        Fault::new(
            404,
            "itemNotFound",
            format!(
                "Volume type with name {} could not be found.",
                given.unwrap_or("__DEFAULT__")
            ),
        )
    })
}

fn create_volume(v: &mut Vol<'_>, req: &Req) -> Result<Reply, Fault> {
    let b = body_of(req, "volume")?;
    if b.contains_key("multiattach") {
        return Err(bad(
            "Invalid input received: The multiattach flag is no longer supported: use a multiattach volume type.",
        ));
    }
    let mut size = match b.get("size") {
        None | Some(Value::Null) => None,
        Some(x) => match x
            .as_u64()
            .or_else(|| x.as_str().and_then(|s| s.parse().ok()))
        {
            Some(n) if n > 0 => Some(n),
            _ => {
                return Err(bad(format!(
                    "Invalid input received: Volume size '{x}' must be an integer and greater than 0"
                )));
            }
        },
    };
    let mut bootable = false;
    let snapshot_id = b
        .get("snapshot_id")
        .and_then(Value::as_str)
        .map(str::to_string);
    if let Some(s) = &snapshot_id {
        let snap = v.find(SNAPSHOTS, s)?;
        size = size.or(snap.get("size").and_then(Value::as_u64));
    }
    let source = b
        .get("source_volid")
        .and_then(Value::as_str)
        .map(str::to_string);
    if let Some(s) = &source {
        let src = v.find(VOLUMES, s)?;
        size = size.or(src.get("size").and_then(Value::as_u64));
        bootable = src
            .get("bootable")
            .and_then(Value::as_bool)
            .unwrap_or(false);
    }
    let image = b
        .get("imageRef")
        .and_then(Value::as_str)
        .map(str::to_string);
    if let Some(i) = &image {
        if !v.images.contains_key(i) {
            return Err(bad(format!(
                "Invalid image identifier or unable to access requested image: {i}"
            )));
        }
        bootable = true;
    }
    let Some(size) = size else {
        return Err(bad(
            "Invalid input received: Volume size must be specified.",
        ));
    };
    let t = volume_type(v, b.get("volume_type").and_then(Value::as_str))?;
    let gigabytes = i64::try_from(size).unwrap_or(i64::MAX);
    super::check_quota(
        v.st,
        &v.project(),
        &[
            ("per_volume_gigabytes", gigabytes),
            ("gigabytes", gigabytes),
            ("volumes", 1),
        ],
    )?;
    let id = crate::ids::uuid();
    let now = stamp(v.now);
    let mut r = Map::new();
    r.extend(
        json!({"id": id, "name": b.get("name").cloned().unwrap_or(Value::Null),
            "description": b.get("description").cloned().unwrap_or(Value::Null),
            "status": "creating", "size": size,
            "availability_zone": b.get("availability_zone").cloned().unwrap_or(json!("nova")),
            "created_at": now, "updated_at": null, "volume_type": t.get("name"),
            "volume_type_id": t.get("id"), "snapshot_id": snapshot_id, "source_volid": source,
            "user_id": v.ctx.user_id, "project_id": v.project(), "encrypted": false,
            "multiattach": false, "migration_status": null, "replication_status": null,
            "consistencygroup_id": null, "bootable": bootable,
            "metadata": b.get("metadata").cloned().unwrap_or(json!({})), "admin_metadata": {}})
        .as_object()
        .cloned()
        .unwrap_or_default(),
    );
    if image.is_some() {
        r.insert("volume_image_metadata".into(), json!({"image_id": image}));
    }
    let view = volume_view(v, &r);
    v.st.insert(VOLUMES, r);
    let at = v.soon();
    // A type bound to another back end: Cinder's scheduler finds none, the volume fails.
    let placed = t
        .get("extra_specs")
        .and_then(|specs| specs.get("volume_backend_name"))
        .and_then(Value::as_str)
        .is_none_or(|name| name == super::BACKEND_NAME);
    let end = if placed { "available" } else { "error" };
    v.st.later(at, VOLUMES, &id, Some(json!({ "status": end })));
    Ok(Reply::json(202, json!({ "volume": view })))
}

fn update(
    v: &mut Vol<'_>,
    req: &Req,
    c: &'static str,
    key: &str,
    id: &str,
) -> Result<Reply, Fault> {
    v.find(c, id)?;
    let b = body_of(req, key)?;
    let mut patch = Map::new();
    for (k, x) in b {
        let k = match k.as_str() {
            "display_name" => "name".to_string(),
            "display_description" => "description".to_string(),
            _ => k,
        };
        if !["name", "description", "metadata"].contains(&k.as_str()) {
            return Err(bad(format!(
                "Invalid input for field/attribute {key}. Value: {k}."
            )));
        }
        patch.insert(k, x);
    }
    patch.insert("updated_at".into(), json!(stamp(v.now)));
    v.st.set(c, id, Value::Object(patch));
    let r = v.find(c, id)?;
    let view = if c == VOLUMES {
        volume_view(v, &r)
    } else {
        snapshot_view(v, &r, true)
    };
    Ok(Reply::ok(json!({ key: view })))
}

fn attached(v: &Vol<'_>, id: &str) -> bool {
    v.st.attached(id)
}

fn delete_volume(v: &mut Vol<'_>, id: &str, cascade: bool, force: bool) -> Result<Reply, Fault> {
    let r = v.find(VOLUMES, id)?;
    if force {
        v.admin_only("volume:force_delete")?;
    }
    let status = status_of(&r);
    let deletable = [
        "available",
        "error",
        "error_restoring",
        "error_extending",
        "error_managing",
    ];
    let refused = bad(
        "Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.",
    );
    if attached(v, id) || status == "in-use" || (!force && !deletable.contains(&status)) {
        return Err(refused);
    }
    let snaps: Vec<String> =
        v.st.coll(SNAPSHOTS)
            .filter(|s| str_of(s, "volume_id") == Some(id))
            .filter_map(|s| str_of(s, "id").map(str::to_string))
            .collect();
    if !snaps.is_empty() && !cascade {
        return Err(refused);
    }
    let at = v.soon();
    for s in snaps {
        v.st.set(SNAPSHOTS, &s, json!({"status": "deleting"}));
        v.st.later(at, SNAPSHOTS, &s, None);
    }
    v.st.set(VOLUMES, id, json!({"status": "deleting"}));
    v.st.later(at, VOLUMES, id, None);
    Ok(Reply::empty(202))
}

fn need(r: &Record, ok: &[&str], what: &str) -> Result<(), Fault> {
    let s = status_of(r);
    if ok.contains(&s) {
        Ok(())
    } else {
        Err(bad(format!(
            "Invalid volume: {what} volume status must be {}, but current status is: {s}.",
            ok.join(" or ")
        )))
    }
}

fn attach_record(
    v: &mut Vol<'_>,
    volume_id: &str,
    who: (Option<&str>, Option<&str>),
    mountpoint: Option<&str>,
    mode: &str,
    status: &str,
) -> String {
    let now = v.now;
    v.st.attach(
        now,
        &super::Attach {
            volume_id,
            instance: who.0,
            host: who.1,
            mountpoint,
            mode,
            status,
        },
    )
}

fn detach_record(v: &mut Vol<'_>, volume_id: &str, attachment: Option<&str>) -> Result<(), Fault> {
    v.st.detach(volume_id, attachment)
}

fn connection_info(connector: Option<&Value>, id: &str, mode: &str) -> Value {
    let multipath = connector
        .and_then(|c| c.get("multipath"))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    json!({"driver_volume_type": "local",
        "data": {"device_path": format!("/var/lib/cinder/volumes/volume-{id}"),
            "access_mode": mode, "volume_id": id},
        "enforce_multipath": multipath})
}

fn volume_action(v: &mut Vol<'_>, req: &Req, id: &str) -> Result<Reply, Fault> {
    let r = v.find(VOLUMES, id)?;
    let Some(Value::Object(body)) = req.json() else {
        return Err(bad("Malformed request body"));
    };
    let Some((action, args)) = body.into_iter().next() else {
        return Err(bad("Malformed request body"));
    };
    let arg = |k: &str| args.get(k).cloned();
    let at = v.soon();
    match action.as_str() {
        "os-extend" => {
            need(
                &r,
                if v.at_least(42) {
                    &["available", "in-use"]
                } else {
                    &["available"]
                },
                "Extend",
            )?;
            let new = arg("new_size").and_then(|x| {
                x.as_u64()
                    .or_else(|| x.as_str().and_then(|s| s.parse().ok()))
            });
            let size = r.get("size").and_then(Value::as_u64).unwrap_or(0);
            let Some(new) = new.filter(|n| *n > size) else {
                return Err(bad(format!(
                    "Invalid input received: New size for extend must be greater than current size. (current: {size}, extended: {})",
                    arg("new_size").unwrap_or(Value::Null)
                )));
            };
            let owner = str_of(&r, "project_id").unwrap_or_default();
            let growth = i64::try_from(new - size).unwrap_or(i64::MAX);
            super::check_quota(v.st, owner, &[("gigabytes", growth)])?;
            let back = status_of(&r).to_string();
            v.st.set(VOLUMES, id, json!({"status": "extending", "size": new}));
            v.st.later(at, VOLUMES, id, Some(json!({"status": back})));
        }
        "os-extend_volume_completion" => {
            need(&r, &["extending"], "Extend completion")?;
            v.st.cancel(VOLUMES, id);
            let failed = arg("error").and_then(|x| x.as_bool()).unwrap_or(false);
            v.st.set(
                VOLUMES,
                id,
                json!({"status": if failed { "error_extending" } else { "available" }}),
            );
        }
        "os-reset_status" => {
            v.admin_only("volume_extension:volume_admin_actions:reset_status")?;
            let mut patch = Map::new();
            if let Some(s) = arg("status") {
                let text = s.as_str().unwrap_or_default().to_lowercase();
                if !RESETTABLE.contains(&text.as_str()) {
                    return Err(bad(format!(
                        "Invalid input received: Must specify a valid status: {text}"
                    )));
                }
                patch.insert("status".into(), json!(text));
            }
            if let Some(a) = arg("attach_status") {
                match a.as_str() {
                    Some("detached") => {
                        if let Some(c) = v.st.colls.get_mut(ATTACHMENTS) {
                            c.0.retain(|x| str_of(x, "volume_id") != Some(id));
                        }
                    }
                    Some("attached") => {}
                    _ => {
                        return Err(bad(format!(
                            "Invalid input received: Must specify a valid attach status: {a}"
                        )));
                    }
                }
            }
            if let Some(m) = arg("migration_status") {
                patch.insert("migration_status".into(), m);
            }
            v.st.cancel(VOLUMES, id);
            v.st.set(VOLUMES, id, Value::Object(patch));
        }
        "os-set_bootable" => {
            let b = match arg("bootable") {
                Some(Value::Bool(b)) => b,
                Some(Value::String(s))
                    if ["true", "false", "1", "0", "yes", "no"]
                        .contains(&s.to_lowercase().as_str()) =>
                {
                    ["true", "1", "yes"].contains(&s.to_lowercase().as_str())
                }
                other => {
                    return Err(bad(format!(
                        "Invalid input received: Invalid value '{}' for bootable.",
                        other.unwrap_or(Value::Null)
                    )));
                }
            };
            v.st.set(VOLUMES, id, json!({"bootable": b}));
        }
        "os-update_readonly_flag" => {
            let Some(Value::Bool(ro)) = arg("readonly") else {
                return Err(bad("Invalid input received: 'readonly' must be a boolean."));
            };
            let mut admin = r
                .get("admin_metadata")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            admin.insert("readonly".into(), json!(if ro { "True" } else { "False" }));
            v.st.set(VOLUMES, id, json!({"admin_metadata": admin}));
        }
        "os-set_image_metadata" | "os-show_image_metadata" | "os-unset_image_metadata" => {
            let mut img = r
                .get("volume_image_metadata")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            match action.as_str() {
                "os-set_image_metadata" => {
                    let Some(Value::Object(m)) = arg("metadata") else {
                        return Err(bad("Malformed request body: metadata is required."));
                    };
                    img.extend(m);
                }
                "os-unset_image_metadata" => {
                    let key = arg("key")
                        .and_then(|k| k.as_str().map(str::to_string))
                        .unwrap_or_default();
                    if img.remove(&key).is_none() {
                        return Err(Fault::new(
                            404,
                            "itemNotFound",
                            format!(
                                "Glance metadata for volume {id} with key {key} could not be found."
                            ),
                        ));
                    }
                    v.st.set(VOLUMES, id, json!({"volume_image_metadata": img}));
                    return Ok(Reply::empty(200));
                }
                _ => return Ok(Reply::ok(json!({"metadata": img}))),
            }
            v.st.set(VOLUMES, id, json!({"volume_image_metadata": img.clone()}));
            return Ok(Reply::ok(json!({"metadata": img})));
        }
        "os-reserve" => {
            need(&r, &["available"], "Reserve")?;
            v.st.set(VOLUMES, id, json!({"status": "attaching"}));
        }
        "os-unreserve" => {
            if status_of(&r) == "attaching" {
                let next = if attached(v, id) {
                    "in-use"
                } else {
                    "available"
                };
                v.st.set(VOLUMES, id, json!({"status": next}));
            }
        }
        "os-begin_detaching" => {
            need(&r, &["in-use"], "Begin detaching")?;
            if !attached(v, id) {
                return Err(bad("Invalid volume: Volume is not attached."));
            }
            v.st.set(VOLUMES, id, json!({"status": "detaching"}));
        }
        "os-roll_detaching" => {
            if status_of(&r) == "detaching" {
                v.st.set(VOLUMES, id, json!({"status": "in-use"}));
            }
        }
        "os-initialize_connection" => {
            let connector = args.get("connector");
            if connector.is_none() {
                return Err(bad("Must specify 'connector'"));
            }
            return Ok(Reply::ok(
                json!({"connection_info": connection_info(connector, id, "rw")}),
            ));
        }
        "os-terminate_connection" => {
            if args.get("connector").is_none() {
                return Err(bad("Must specify 'connector'"));
            }
        }
        "os-attach" => {
            need(
                &r,
                &["attaching", "available", "reserved", "in-use"],
                "Attach",
            )?;
            let server = arg("instance_uuid").and_then(|x| x.as_str().map(str::to_string));
            let host = arg("host_name").and_then(|x| x.as_str().map(str::to_string));
            if server.is_none() && host.is_none() {
                return Err(bad("Invalid request to attach volume to an invalid target"));
            }
            let mount = arg("mountpoint").and_then(|x| x.as_str().map(str::to_string));
            let mode = arg("mode")
                .and_then(|x| x.as_str().map(str::to_string))
                .unwrap_or_else(|| "rw".into());
            if mode != "rw" && mode != "ro" {
                return Err(bad(format!(
                    "Invalid request to attach volume with an invalid mode: {mode}"
                )));
            }
            attach_record(
                v,
                id,
                (server.as_deref(), host.as_deref()),
                mount.as_deref(),
                &mode,
                "attached",
            );
            v.st.set(VOLUMES, id, json!({"status": "in-use"}));
        }
        "os-detach" => {
            let a = arg("attachment_id").and_then(|x| x.as_str().map(str::to_string));
            detach_record(v, id, a.as_deref())?;
        }
        "os-force_detach" => {
            v.admin_only("volume_extension:volume_admin_actions:force_detach")?;
            let a = arg("attachment_id").and_then(|x| x.as_str().map(str::to_string));
            detach_record(v, id, a.as_deref())?;
        }
        "os-force_delete" => {
            v.admin_only("volume_extension:volume_admin_actions:force_delete")?;
            return delete_volume(v, id, false, true);
        }
        "os-unmanage" => {
            v.admin_only("volume_extension:volume_unmanage")?;
            if attached(v, id) {
                return Err(bad("Invalid volume: Volume is attached."));
            }
            v.st.set(VOLUMES, id, json!({"status": "unmanaging"}));
            v.st.later(at, VOLUMES, id, None);
        }
        "os-retype" => {
            need(&r, &["available", "in-use"], "Retype")?;
            let Some(name) = arg("new_type").and_then(|x| x.as_str().map(str::to_string)) else {
                return Err(bad("New volume type must be specified."));
            };
            let t = volume_type(v, Some(&name))?;
            if t.get("id") == r.get("volume_type_id") {
                return Err(bad(
                    "Invalid volume type: New volume type must be different from the current one.",
                ));
            }
            v.st.set(
                VOLUMES,
                id,
                json!({"volume_type": t.get("name"), "volume_type_id": t.get("id")}),
            );
        }
        "os-migrate_volume" => {
            v.admin_only("volume_extension:volume_admin_actions:migrate_volume")?;
            let host = arg("host")
                .and_then(|x| x.as_str().map(str::to_string))
                .unwrap_or_default();
            if host == HOST || host == HOST.split('#').next().unwrap_or_default() {
                return Err(bad(
                    "Invalid host: Destination host must be different than the current host.",
                ));
            }
            return Err(bad(format!(
                "Invalid host: No valid host was found: {host}"
            )));
        }
        "os-migrate_volume_completion" => {
            v.admin_only("volume_extension:volume_admin_actions:migrate_volume_completion")?;
            let new = arg("new_volume")
                .and_then(|x| x.as_str().map(str::to_string))
                .unwrap_or_default();
            v.find(VOLUMES, &new)?;
            return Ok(Reply::ok(json!({"save_volume_id": new})));
        }
        "os-volume_upload_image" => return upload(v, &r, &args),
        "revert" => {
            if !v.at_least(40) {
                return Err(bad("Invalid action: revert needs microversion 3.40."));
            }
            let sid = arg("snapshot_id")
                .and_then(|x| x.as_str().map(str::to_string))
                .unwrap_or_default();
            let latest =
                v.st.coll(SNAPSHOTS)
                    .filter(|s| str_of(s, "volume_id") == Some(id))
                    .max_by(|a, b| str_of(a, "created_at").cmp(&str_of(b, "created_at")))
                    .and_then(|s| str_of(s, "id").map(str::to_string));
            if latest.as_deref() != Some(sid.as_str()) {
                return Err(bad(format!(
                    "Invalid snapshot: Snapshot {sid} is not the latest one of volume {id}."
                )));
            }
            need(&r, &["available"], "Revert")?;
            v.st.set(VOLUMES, id, json!({"status": "reverting"}));
            v.st.later(at, VOLUMES, id, Some(json!({"status": "available"})));
        }
        "os-reimage" => {
            if !v.at_least(68) {
                return Err(Fault::new(
                    404,
                    "itemNotFound",
                    "There is no such action: os-reimage",
                ));
            }
            let image = arg("image_id")
                .and_then(|x| x.as_str().map(str::to_string))
                .unwrap_or_default();
            if !v.images.contains_key(&image) {
                return Err(Fault::new(
                    404,
                    "itemNotFound",
                    format!("Image {image} could not be found."),
                ));
            }
            need(&r, &["available", "error"], "Reimage")?;
            v.st.set(VOLUMES, id, json!({"status": "downloading"}));
            v.st.later(
                at,
                VOLUMES,
                id,
                Some(json!({"status": "available", "bootable": true,
                "volume_image_metadata": {"image_id": image}})),
            );
        }
        other => {
            return Err(bad(format!("There is no such action: {other}")));
        }
    }
    Ok(Reply::empty(202))
}

fn upload(v: &mut Vol<'_>, r: &Record, args: &Value) -> Result<Reply, Fault> {
    let id = str_of(r, "id").unwrap_or_default().to_string();
    need(r, &["available", "in-use"], "Upload")?;
    let Some(name) = args
        .get("image_name")
        .and_then(Value::as_str)
        .map(str::to_string)
    else {
        return Err(bad("No image_name was specified in request."));
    };
    let visibility = args
        .get("visibility")
        .and_then(Value::as_str)
        .unwrap_or("private")
        .to_string();
    let protected = args
        .get("protected")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let image_id = crate::ids::uuid();
    let size = r.get("size").and_then(Value::as_u64).unwrap_or(0);
    v.images.insert(
        image_id.clone(),
        crate::state::Image {
            id: image_id.clone(),
            name: name.clone(),
            status: "queued".into(),
            owner: v.project(),
            visibility: visibility.clone(),
            properties: Default::default(),
            min_ram: 0,
            min_disk: 0,
            size: 0,
            created_at: v.now,
            ..Default::default()
        },
    );
    let t = volume_type(v, str_of(r, "volume_type_id"))?;
    v.st.set(VOLUMES, &id, json!({"status": "uploading"}));
    let at = v.soon();
    v.st.later(at, VOLUMES, &id, Some(json!({"status": "available"})));
    Ok(Reply::json(
        202,
        json!({"os-volume_upload_image": {"id": id, "updated_at": stamp(v.now),
            "status": "uploading", "display_description": r.get("description"), "size": size,
            "volume_type": Value::Object(t), "image_id": image_id,
            "container_format": args.get("container_format").cloned().unwrap_or(json!("bare")),
            "disk_format": args.get("disk_format").cloned().unwrap_or(json!("raw")),
            "image_name": name, "visibility": visibility, "protected": protected}}),
    ))
}

// ----- snapshots -----

fn snapshot_view(v: &Vol<'_>, r: &Record, extended: bool) -> Record {
    let id = str_of(r, "id").unwrap_or_default();
    let mut o = pick(r, &[&COMMON[..], &["volume_id", "metadata"]].concat());
    if extended {
        o.insert(
            "os-extended-snapshot-attributes:progress".into(),
            r.get("progress").cloned().unwrap_or(Value::Null),
        );
        o.insert(
            "os-extended-snapshot-attributes:project_id".into(),
            r.get("project_id").cloned().unwrap_or(Value::Null),
        );
    }
    let user = r.get("user_id").cloned().unwrap_or(Value::Null);
    since(
        v,
        &mut o,
        [
            (14, true, "group_snapshot_id", Value::Null),
            (41, true, "user_id", user),
            (65, true, "consumes_quota", json!(true)),
        ],
    );
    o.insert("links".into(), links(v, SNAPSHOTS, id));
    o
}

fn list_snapshots(v: &mut Vol<'_>, req: &Req, detail: bool) -> Result<Reply, Fault> {
    let url = format!("{}/snapshots{}", v.url, if detail { "/detail" } else { "" });
    let page = list(v, SNAPSHOTS, SNAPSHOTS, &req.query, url, |v, r| {
        snapshot_view(v, r, detail)
    })?;
    Ok(Reply::ok(page))
}

fn create_snapshot(v: &mut Vol<'_>, req: &Req) -> Result<Reply, Fault> {
    let b = body_of(req, "snapshot")?;
    let Some(volume_id) = b
        .get("volume_id")
        .and_then(Value::as_str)
        .map(str::to_string)
    else {
        return Err(bad("'volume_id' must be specified"));
    };
    let vol = v.find(VOLUMES, &volume_id)?;
    let force = b
        .get("force")
        .is_some_and(|f| f == &json!(true) || f == &json!("true"));
    let ok: &[&str] = if force {
        &["available", "in-use"]
    } else {
        &["available"]
    };
    if !ok.contains(&status_of(&vol)) {
        return Err(bad(format!(
            "Invalid volume: Volume {volume_id} status must be available, but current status is: {}.",
            status_of(&vol)
        )));
    }
    let gigabytes = vol.get("size").and_then(Value::as_i64).unwrap_or(0);
    super::check_quota(
        v.st,
        &v.project(),
        &[("gigabytes", gigabytes), ("snapshots", 1)],
    )?;
    let id = crate::ids::uuid();
    let mut r = Map::new();
    r.extend(
        json!({"id": id, "name": b.get("name").cloned().unwrap_or(Value::Null),
            "description": b.get("description").cloned().unwrap_or(Value::Null),
            "status": "creating", "size": vol.get("size"), "volume_id": volume_id,
            "created_at": stamp(v.now), "updated_at": null,
            "metadata": b.get("metadata").cloned().unwrap_or(json!({})), "progress": "0%",
            "project_id": v.project(), "user_id": v.ctx.user_id})
        .as_object()
        .cloned()
        .unwrap_or_default(),
    );
    let view = snapshot_view(v, &r, true);
    v.st.insert(SNAPSHOTS, r);
    let at = v.soon();
    v.st.later(
        at,
        SNAPSHOTS,
        &id,
        Some(json!({"status": "available", "progress": "100%"})),
    );
    Ok(Reply::json(202, json!({ "snapshot": view })))
}

fn delete_snapshot(v: &mut Vol<'_>, id: &str, force: bool) -> Result<Reply, Fault> {
    let r = v.find(SNAPSHOTS, id)?;
    // A snapshot left behind by a transfer: its volume is another project's now.
    v.find(VOLUMES, str_of(&r, "volume_id").unwrap_or_default())?;
    if !force && !["available", "error", "error_deleting"].contains(&status_of(&r)) {
        return Err(bad(format!(
            "Invalid snapshot: Volume Snapshot status must be available or error, but current status is: {}.",
            status_of(&r)
        )));
    }
    v.st.set(SNAPSHOTS, id, json!({"status": "deleting"}));
    let at = v.soon();
    v.st.later(at, SNAPSHOTS, id, None);
    Ok(Reply::empty(202))
}

fn snapshot_action(v: &mut Vol<'_>, req: &Req, id: &str) -> Result<Reply, Fault> {
    v.find(SNAPSHOTS, id)?;
    let Some(Value::Object(body)) = req.json() else {
        return Err(bad("Malformed request body"));
    };
    let Some((action, args)) = body.into_iter().next() else {
        return Err(bad("Malformed request body"));
    };
    let valid = [
        "available",
        "error",
        "creating",
        "deleting",
        "error_deleting",
    ];
    match action.as_str() {
        "os-reset_status" | "os-update_snapshot_status" => {
            if action == "os-reset_status" {
                v.admin_only("volume_extension:snapshot_admin_actions:reset_status")?;
            }
            let s = args
                .get("status")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_lowercase();
            if !valid.contains(&s.as_str()) {
                return Err(bad(format!(
                    "Invalid input received: Must specify a valid status: {s}"
                )));
            }
            let mut patch = json!({ "status": s });
            if let Some(p) = args.get("progress").filter(|_| action != "os-reset_status") {
                patch["progress"] = p.clone();
            }
            v.st.cancel(SNAPSHOTS, id);
            v.st.set(SNAPSHOTS, id, patch);
        }
        "os-force_delete" => {
            v.admin_only("volume_extension:snapshot_admin_actions:force_delete")?;
            return delete_snapshot(v, id, true);
        }
        other => return Err(bad(format!("There is no such action: {other}"))),
    }
    Ok(Reply::empty(202))
}

// ----- attachments (3.27) -----

fn attachment_view(r: &Record, detail: bool) -> Record {
    let keys: &[&str] = if detail {
        &[
            "id",
            "status",
            "instance",
            "volume_id",
            "attached_at",
            "detached_at",
            "attach_mode",
            "connection_info",
        ]
    } else {
        &["id", "status", "instance", "volume_id"]
    };
    pick(r, keys)
}

fn attachments(v: &mut Vol<'_>, req: &Req, rest: &[&str]) -> Result<Reply, Fault> {
    match (req.method.clone(), rest) {
        (Method::GET, []) | (Method::GET, ["detail"]) => {
            let detail = !rest.is_empty();
            let url = format!(
                "{}/attachments{}",
                v.url,
                if detail { "/detail" } else { "" }
            );
            let page = list(v, ATTACHMENTS, ATTACHMENTS, &req.query, url, |_, r| {
                attachment_view(r, detail)
            })?;
            Ok(Reply::ok(page))
        }
        (Method::POST, []) => {
            let b = body_of(req, "attachment")?;
            let Some(volume_id) = b
                .get("volume_uuid")
                .or_else(|| b.get("volume_id"))
                .and_then(Value::as_str)
                .map(str::to_string)
            else {
                return Err(bad("Must specify 'volume_id'"));
            };
            let vol = v.find(VOLUMES, &volume_id)?;
            if !["available", "reserved"].contains(&status_of(&vol)) {
                return Err(bad(format!(
                    "Invalid volume: Volume {volume_id} status must be available or reserved, but current status is: {}.",
                    status_of(&vol)
                )));
            }
            let instance = b
                .get("instance_uuid")
                .and_then(Value::as_str)
                .map(str::to_string);
            let mode = b
                .get("mode")
                .and_then(Value::as_str)
                .unwrap_or("rw")
                .to_string();
            let connector = b.get("connector").filter(|c| !c.is_null()).cloned();
            let status = if connector.is_some() {
                "attaching"
            } else {
                "reserved"
            };
            let aid = attach_record(
                v,
                &volume_id,
                (instance.as_deref(), None),
                None,
                &mode,
                status,
            );
            if let Some(c) = &connector {
                let info = connection_info(Some(c), &volume_id, &mode);
                v.st.set(
                    ATTACHMENTS,
                    &aid,
                    json!({"connection_info": info,
                    "host_name": c.get("host")}),
                );
            }
            v.st.set(VOLUMES, &volume_id, json!({"status": status}));
            let a = v.find(ATTACHMENTS, &aid)?;
            Ok(Reply::ok(json!({"attachment": attachment_view(&a, true)})))
        }
        (Method::GET, [id]) => {
            let a = v.find(ATTACHMENTS, id)?;
            Ok(Reply::ok(json!({"attachment": attachment_view(&a, true)})))
        }
        (Method::PUT, [id]) => {
            let a = v.find(ATTACHMENTS, id)?;
            let b = body_of(req, "attachment")?;
            let Some(c) = b.get("connector").filter(|c| c.is_object()) else {
                return Err(bad("Must specify 'connector'"));
            };
            let volume_id = str_of(&a, "volume_id").unwrap_or_default().to_string();
            let mode = str_of(&a, "attach_mode").unwrap_or("rw").to_string();
            let info = connection_info(Some(c), &volume_id, &mode);
            v.st.set(
                ATTACHMENTS,
                id,
                json!({"connection_info": info, "status": "attaching",
                "attach_status": "attaching", "host_name": c.get("host")}),
            );
            v.st.set(VOLUMES, &volume_id, json!({"status": "attaching"}));
            let a = v.find(ATTACHMENTS, id)?;
            Ok(Reply::ok(json!({"attachment": attachment_view(&a, true)})))
        }
        (Method::POST, [id, "action"]) => {
            let a = v.find(ATTACHMENTS, id)?;
            let complete = req.json().is_some_and(|b| b.get("os-complete").is_some());
            if !complete || !v.at_least(44) {
                return Err(bad("There is no such action"));
            }
            let volume_id = str_of(&a, "volume_id").unwrap_or_default().to_string();
            let now = stamp(v.now);
            v.st.set(
                ATTACHMENTS,
                id,
                json!({"status": "attached", "attach_status": "attached",
                "attached_at": now}),
            );
            v.st.set(VOLUMES, &volume_id, json!({"status": "in-use"}));
            Ok(Reply::empty(204))
        }
        (Method::DELETE, [id]) => {
            let a = v.find(ATTACHMENTS, id)?;
            let volume_id = str_of(&a, "volume_id").unwrap_or_default().to_string();
            detach_record(v, &volume_id, Some(id))?;
            Ok(Reply::ok(json!({"attachments": []})))
        }
        _ => Err(not_found(
            ATTACHMENTS,
            rest.first().copied().unwrap_or_default(),
        )),
    }
}
