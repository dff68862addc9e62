//! Glance v2 under `/image`: images (create, list with filters, sorting and paging, JSON
//! Patch updates, delete, deactivate/reactivate), their data (upload, ranged download,
//! stage and `glance-direct` import as a task), members, tags, stores, the cache, tasks,
//! schemas and the versions document.

mod metadefs;

use std::collections::BTreeMap;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use http::Method;
use serde_json::{Map, Value, json};

use crate::App;
use crate::http_util::{Ctx, Reply, Req, authenticate, ranged};
use crate::state::{Image, State};

/// A project an image is shared with, and whether it accepted.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member {
    pub(crate) member_id: String,
    pub(crate) status: String,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
}

/// Glance's records beside the images: tasks and the cache.
#[derive(Debug, Clone, Default)]
pub(crate) struct ImageState {
    /// Tasks by ID, as Glance shows them.
    tasks: BTreeMap<String, Value>,
    /// Cached images: ID → (size, when cached).
    cached: BTreeMap<String, (u64, DateTime<Utc>)>,
    /// Web downloads to start.
    fetches: Vec<Fetch>,
    /// Metadata definitions.
    metadefs: metadefs::Metadefs,
}

/// Glance's error page (webob's): a status line as title, the message as body.
fn error(status: u16, message: &str) -> Reply {
    let title = http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error");
    Reply::bytes(
        status,
        "text/html; charset=UTF-8",
        vec![Bytes::from(format!(
            "<html>\n <head>\n  <title>{status} {title}</title>\n </head>\n <body>\n  <h1>{status} {title}</h1>\n  {message}<br /><br />\n\n\n\n </body>\n</html>"
        ))],
    )
}

fn no_image(id: &str) -> Reply {
    error(404, &format!("No image found with ID {id}"))
}

fn glance_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

const DISK_FORMATS: &[&str] = &[
    "ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop",
];
const CONTAINER_FORMATS: &[&str] = &[
    "ami",
    "ari",
    "aki",
    "bare",
    "ovf",
    "ova",
    "docker",
    "compressed",
];
const VISIBILITIES: &[&str] = &["public", "private", "shared", "community"];
/// Properties only Glance sets.
const READ_ONLY: &[&str] = &[
    "id",
    "status",
    "checksum",
    "os_hash_algo",
    "os_hash_value",
    "size",
    "virtual_size",
    "created_at",
    "updated_at",
    "file",
    "self",
    "schema",
    "direct_url",
    "stores",
    "owner",
];

/// The image as Glance answers it.
pub(crate) fn image_json(i: &Image) -> Value {
    let mut v = json!({
        "id": i.id, "name": i.name, "status": i.status, "visibility": i.visibility,
        "owner": i.owner, "protected": i.protected, "tags": i.tags,
        "disk_format": i.disk_format, "container_format": i.container_format,
        "min_disk": i.min_disk, "min_ram": i.min_ram,
        "size": i.data.as_ref().map(|_| i.size), "virtual_size": null,
        "checksum": i.checksum, "os_hidden": i.os_hidden,
        "os_hash_algo": i.os_hash_value.as_ref().map(|_| "sha512"),
        "os_hash_value": i.os_hash_value,
        "created_at": glance_time(i.created_at),
        "updated_at": glance_time(i.updated_at.unwrap_or(i.created_at)),
        "self": format!("/v2/images/{}", i.id), "file": format!("/v2/images/{}/file", i.id),
        "schema": "/v2/schemas/image",
    });
    if let Some(o) = v.as_object_mut() {
        if !i.stores.is_empty() {
            o.insert("stores".into(), json!(i.stores.join(",")));
        }
        for (k, x) in &i.properties {
            o.entry(k.clone()).or_insert(json!(x));
        }
    }
    v
}

/// Stores `data` as the image's: size, MD5, SHA-512, the default store, `active`.
pub(crate) fn store_data(i: &mut Image, data: Bytes, now: DateTime<Utc>) {
    i.size = data.len() as u64;
    i.checksum = Some(crate::object::md5_hex(std::slice::from_ref(&data)));
    i.os_hash_value = Some(
        ring::digest::digest(&ring::digest::SHA512, &data)
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    );
    i.data = Some(data);
    i.stores = vec!["fs".into()];
    i.status = "active".into();
    i.updated_at = Some(now);
}

/// Finishes the imports whose time has come, with their tasks.
pub(crate) fn tick(state: &mut State, now: DateTime<Utc>) {
    let due: Vec<String> = state
        .images
        .values()
        .filter(|i| i.pending.as_ref().is_some_and(|(at, _)| *at <= now))
        .map(|i| i.id.clone())
        .collect();
    for id in due {
        let Some(i) = state.images.get_mut(&id) else {
            continue;
        };
        let Some((_, task)) = i.pending.take() else {
            continue;
        };
        if let Some(data) = i.staged.take() {
            store_data(i, data, now);
        }
        let copy_to = state
            .glance
            .tasks
            .get(&task)
            .filter(|t| t["input"]["import_req"]["method"]["name"] == "copy-image")
            .and_then(|t| t["input"]["backend"].as_array().cloned())
            .unwrap_or_default();
        for store in copy_to.iter().filter_map(Value::as_str) {
            if !i.stores.iter().any(|s| s == store) {
                i.stores.push(store.to_string());
            }
        }
        if let Some(t) = state.glance.tasks.get_mut(&task) {
            t["status"] = json!("success");
            t["result"] = json!({"image_id": id});
            t["updated_at"] = json!(glance_time(now));
        }
    }
}

/// Who sees an image: its owner, admins, everyone for public and community images,
/// the members for shared ones.
fn visible(ctx: &Ctx, i: &Image) -> bool {
    let project = ctx.project_id().unwrap_or_default();
    ctx.is_admin()
        || i.owner == project
        || matches!(i.visibility.as_str(), "public" | "community")
        || (i.visibility == "shared" && i.members.iter().any(|m| m.member_id == project))
}

fn owns(ctx: &Ctx, i: &Image) -> bool {
    ctx.is_admin() || ctx.project_id() == Some(i.owner.as_str())
}

// ------------------------------------------------------------------ collections

/// Sorts, then pages rows of JSON records by `sort_key`/`sort_dir` or
/// `sort=key:dir,...` (ties by `id`, the field naming a row), `marker` (an `id`) and
/// `limit`; the `next` link keeps the other query parameters.
fn page(
    req: &Req,
    mut rows: Vec<Value>,
    (path, id): (&str, &str),
    default_key: &str,
) -> Result<(Vec<Value>, Option<String>), Reply> {
    let mut keys: Vec<(String, bool)> = Vec::new();
    if let Some(sort) = req.q("sort") {
        for part in sort.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (k, dir) = part.split_once(':').unwrap_or((part, "desc"));
            if !matches!(dir, "asc" | "desc") {
                return Err(error(400, &format!("Invalid sort direction: {dir}")));
            }
            keys.push((k.to_string(), dir == "desc"));
        }
    } else {
        let dirs: Vec<&str> = req
            .query
            .iter()
            .filter(|(k, _)| k == "sort_dir")
            .map(|(_, v)| v.as_str())
            .collect();
        for (n, (_, k)) in req
            .query
            .iter()
            .filter(|(k, _)| k == "sort_key")
            .enumerate()
        {
            let dir = dirs.get(n).or(dirs.first()).copied().unwrap_or("desc");
            if !matches!(dir, "asc" | "desc") {
                return Err(error(400, &format!("Invalid sort direction: {dir}")));
            }
            keys.push((k.clone(), dir == "desc"));
        }
    }
    if keys.is_empty() {
        keys.push((default_key.to_string(), true));
    }
    let tie_desc = keys.last().is_some_and(|k| k.1);
    keys.push((id.into(), tie_desc));
    let cmp = |a: &Value, b: &Value| {
        for (k, desc) in &keys {
            let o = compare(&a[k.as_str()], &b[k.as_str()]);
            let o = if *desc { o.reverse() } else { o };
            if o.is_ne() {
                return o;
            }
        }
        std::cmp::Ordering::Equal
    };
    rows.sort_by(cmp);
    if let Some(m) = req.q("marker") {
        match rows.iter().position(|r| r[id] == m) {
            Some(i) => {
                rows.drain(..=i);
            }
            None => return Err(error(400, &format!("marker not found: {m}"))),
        }
    }
    let limit = match req.q("limit").map(str::parse::<usize>) {
        None => 25,
        Some(Ok(n)) => n.min(1000),
        Some(Err(_)) => return Err(error(400, "limit param must be an integer")),
    };
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next = match rows.last() {
        Some(last) if more => {
            let mut q = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in req.query.iter().filter(|(k, _)| k != "marker") {
                q.append_pair(k, v);
            }
            q.append_pair("marker", last[id].as_str().unwrap_or_default());
            Some(format!("{path}?{}", q.finish()))
        }
        _ => None,
    };
    Ok((rows, next))
}

/// A listing of a collection (`images`, `tasks`) as Glance answers it: a page of the
/// rows, newest first unless sorted otherwise, with `first`, `next` and `schema`.
fn listing(req: &Req, rows: Vec<Value>, collection: &str) -> Reply {
    let path = format!("/v2/{collection}");
    match page(req, rows, (&path, "id"), "created_at") {
        Ok((rows, next)) => {
            let mut body = json!({collection: rows, "first": path,
                "schema": format!("/v2/schemas/{collection}")});
            if let Some(n) = next {
                body["next"] = json!(n);
            }
            Reply::ok(body)
        }
        Err(r) => r,
    }
}

fn compare(a: &Value, b: &Value) -> std::cmp::Ordering {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(std::cmp::Ordering::Equal),
        (Value::Null, Value::Null) => std::cmp::Ordering::Equal,
        (Value::Null, _) => std::cmp::Ordering::Less,
        (_, Value::Null) => std::cmp::Ordering::Greater,
        _ => a.to_string().cmp(&b.to_string()),
    }
}

/// Whether a record matches a query filter on one of its fields (strings compared as
/// text, `in:a,b` for any of them).
fn field_matches(record: &Value, key: &str, wanted: &str) -> bool {
    let v = &record[key];
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Null => return false,
        other => other.to_string(),
    };
    match wanted.strip_prefix("in:") {
        Some(list) => list.split(',').any(|w| w == text),
        None => text == wanted,
    }
}

// ------------------------------------------------------------------ the service

/// Requests under `/image`.
pub(crate) fn handle(app: &App, state: &mut State, req: &Req) -> Reply {
    let segs: Vec<&str> = req.segs.iter().skip(1).map(String::as_str).collect();
    match segs.as_slice() {
        [] | ["versions"] if req.method == Method::GET => {
            let status = if segs.is_empty() { 300 } else { 200 };
            return Reply::json(status, versions(app));
        }
        _ => {}
    }
    let ctx = match authenticate(app, state, req) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let now = app.clock.now();
    let Some(("v2", rest)) = segs.split_first().map(|(a, b)| (*a, b)) else {
        return error(404, "The resource could not be found.");
    };
    match (&req.method, rest) {
        (&Method::GET, ["images"]) => list(state, req, &ctx),
        (&Method::POST, ["images"]) => create(state, req, &ctx, now),
        (_, ["images", id, rest @ ..]) => {
            let id = id.to_string();
            match state.images.get(&id) {
                Some(i) if visible(&ctx, i) => {}
                _ => return no_image(&id),
            }
            one_image(app, state, req, &ctx, &id, rest, now)
        }
        (&Method::GET, ["info", "import"]) => Reply::ok(json!({"import-methods": {
            "description": "Import methods available.", "type": "array",
            "value": IMPORT_METHODS}})),
        (&Method::GET, ["info", "stores"]) => Reply::ok(json!({"stores": [
            {"id": "fs", "description": "The default file store.", "default": true},
            {"id": "fs2", "description": "A second file store."}]})),
        (&Method::GET, ["info", "stores", "detail"]) if ctx.is_admin() => {
            let store = |id: &str, dir: &str, default: bool| {
                json!({"id": id, "type": "file", "default": default,
                    "properties": {"data_dir": dir, "chunk_size": 65536,
                        "thin_provisioning": false}})
            };
            Reply::ok(json!({"stores": [
                store("fs", "/opt/stack/data/glance/images/", true),
                store("fs2", "/opt/stack/data/glance/images2/", false)]}))
        }
        (&Method::GET, ["info", "usage"]) => Reply::ok(json!({"usage": {}})),
        (&Method::DELETE, ["stores", store, id]) => delete_from_store(state, &ctx, store, id),
        (_, ["cache", rest @ ..]) => cache(state, req, &ctx, rest, now),
        (&Method::GET, ["tasks"]) => {
            let rows: Vec<Value> = state
                .glance
                .tasks
                .values()
                .filter(|t| ctx.is_admin() || t["owner"] == ctx.project_id().unwrap_or_default())
                .filter(|t| {
                    ["status", "type"]
                        .iter()
                        .all(|k| req.q(k).is_none_or(|w| field_matches(t, k, w)))
                })
                .cloned()
                .collect();
            listing(req, rows, "tasks")
        }
        (&Method::GET, ["tasks", id]) => match state.glance.tasks.get(*id) {
            Some(t) if ctx.is_admin() || t["owner"] == ctx.project_id().unwrap_or_default() => {
                Reply::ok(t.clone())
            }
            _ => error(404, &format!("Task with the given id {id} was not found")),
        },
        (&Method::GET, ["schemas", name @ ..]) => schema(&name.join("/")),
        // Metadata definitions are for admins, as Glance's defaults have it.
        (_, ["metadefs", ..]) if !ctx.is_admin() => error(
            403,
            "You are not authorized to complete this action: metadefs are for admins.",
        ),
        (_, ["metadefs", rest @ ..]) => {
            metadefs::handle(&mut state.glance.metadefs, req, &ctx, rest, now)
        }
        _ => error(404, "The resource could not be found."),
    }
}

fn versions(app: &App) -> Value {
    let href = format!("{}/image/v2/", app.base);
    let mut all = vec![json!({"id": "v2.18", "status": "CURRENT",
        "links": [{"rel": "self", "href": href}]})];
    for minor in (0..18).rev() {
        all.push(json!({"id": format!("v2.{minor}"), "status": "SUPPORTED",
            "links": [{"rel": "self", "href": href}]}));
    }
    json!({ "versions": all })
}

/// Query parameters that are not filters on a field.
const NOT_FILTERS: &[&str] = &[
    "limit",
    "marker",
    "sort_key",
    "sort_dir",
    "sort",
    "tag",
    "member_status",
    "size_min",
    "size_max",
    "os_hidden",
    "visibility",
];

fn list(state: &State, req: &Req, ctx: &Ctx) -> Reply {
    let project = ctx.project_id().unwrap_or_default();
    let member_status = req.q("member_status").unwrap_or("accepted");
    let visibility = req.q("visibility");
    if visibility.is_some_and(|v| !VISIBILITIES.contains(&v) && v != "all") {
        return error(
            400,
            &format!(
                "Invalid visibility value: {}",
                visibility.unwrap_or_default()
            ),
        );
    }
    let hidden = req
        .q("os_hidden")
        .is_some_and(|h| h.eq_ignore_ascii_case("true"));
    let tags: Vec<&str> = req
        .query
        .iter()
        .filter(|(k, _)| k == "tag")
        .map(|(_, v)| v.as_str())
        .collect();
    let size_min = req.q("size_min").and_then(|s| s.parse::<u64>().ok());
    let size_max = req.q("size_max").and_then(|s| s.parse::<u64>().ok());
    let listed = |i: &Image| {
        let member = i.members.iter().find(|m| m.member_id == project);
        let shared_ok = member.is_some_and(|m| member_status == "all" || m.status == member_status);
        match visibility {
            Some("all") | None => {
                i.owner == project
                    || i.visibility == "public"
                    || (i.visibility == "shared" && shared_ok)
                    || (ctx.is_admin() && visibility == Some("all"))
                    || (ctx.is_admin() && visibility.is_none() && i.visibility != "community")
            }
            Some("shared") => {
                i.visibility == "shared" && (i.owner == project || shared_ok || ctx.is_admin())
            }
            Some(v) => {
                i.visibility == v && (v != "private" || i.owner == project || ctx.is_admin())
            }
        }
    };
    let rows: Vec<Value> = state
        .images
        .values()
        .filter(|i| listed(i))
        .filter(|i| i.os_hidden == hidden)
        .filter(|i| tags.iter().all(|t| i.tags.iter().any(|x| x == t)))
        .filter(|i| size_min.is_none_or(|m| i.data.is_some() && i.size >= m))
        .filter(|i| size_max.is_none_or(|m| i.data.is_some() && i.size <= m))
        .map(image_json)
        .filter(|v| {
            req.query
                .iter()
                .filter(|(k, _)| !NOT_FILTERS.contains(&k.as_str()))
                .all(|(k, w)| field_matches(v, k, w))
        })
        .collect();
    listing(req, rows, "images")
}

/// Sets one property of an image from JSON (create and patch share it).
fn set_property(i: &mut Image, ctx: &Ctx, key: &str, value: &Value) -> Result<(), Reply> {
    let bad = |what: &str| Err(error(400, &format!("Invalid value for {key}: {what}")));
    let text = || value.as_str().map(str::to_string);
    let number = || value.as_u64();
    match key {
        "name" => match value {
            Value::Null => i.name = String::new(),
            Value::String(s) if s.len() <= 255 => i.name = s.clone(),
            _ => return bad("a string of at most 255 characters"),
        },
        "visibility" => match text() {
            Some(v) if VISIBILITIES.contains(&v.as_str()) => {
                if v == "public" && !ctx.is_admin() && i.visibility != "public" {
                    return Err(error(
                        403,
                        "You are not authorized to complete publicize_image action.",
                    ));
                }
                i.visibility = v;
            }
            _ => return bad("one of public, private, shared, community"),
        },
        "disk_format" => match text() {
            Some(f) if DISK_FORMATS.contains(&f.as_str()) => i.disk_format = Some(f),
            _ if value.is_null() => i.disk_format = None,
            _ => return bad(&format!("one of {}", DISK_FORMATS.join(", "))),
        },
        "container_format" => match text() {
            Some(f) if CONTAINER_FORMATS.contains(&f.as_str()) => i.container_format = Some(f),
            _ if value.is_null() => i.container_format = None,
            _ => return bad(&format!("one of {}", CONTAINER_FORMATS.join(", "))),
        },
        "min_ram" | "min_disk" => {
            let Some(n) = number() else {
                return bad("an integer");
            };
            if key == "min_ram" {
                i.min_ram = n;
            } else {
                i.min_disk = n;
            }
        }
        "protected" | "os_hidden" => {
            let Some(b) = value.as_bool() else {
                return bad("a boolean");
            };
            if key == "protected" {
                i.protected = b;
            } else {
                i.os_hidden = b;
            }
        }
        "tags" => {
            let Some(list) = value.as_array() else {
                return bad("a list of strings");
            };
            let mut tags: Vec<String> = Vec::new();
            for t in list {
                let Some(t) = t.as_str().filter(|t| t.len() <= 255) else {
                    return bad("a list of strings");
                };
                if !tags.iter().any(|x| x == t) {
                    tags.push(t.to_string());
                }
            }
            i.tags = tags;
        }
        k if READ_ONLY.contains(&k) => {
            return Err(error(403, &format!("Attribute '{k}' is read-only.")));
        }
        k if k.starts_with("os_glance") => {
            return Err(error(403, &format!("Attribute '{k}' is reserved.")));
        }
        k => match value {
            Value::String(s) => {
                i.properties.insert(k.to_string(), s.clone());
            }
            _ => return bad("a string"),
        },
    }
    Ok(())
}

fn create(state: &mut State, req: &Req, ctx: &Ctx, now: DateTime<Utc>) -> Reply {
    let Some(Value::Object(o)) = req.json() else {
        return error(400, "Body expected in request.");
    };
    let id = match o.get("id") {
        None => crate::ids::uuid(),
        Some(Value::String(s)) if s.len() == 36 => s.clone(),
        Some(_) => {
            return error(
                400,
                "Provided object does not match schema 'image': id is not a UUID",
            );
        }
    };
    if state.images.contains_key(&id) {
        return error(409, &format!("Image with identifier {id} already exists!"));
    }
    let mut image = Image {
        id: id.clone(),
        status: "queued".into(),
        owner: ctx.project_id().unwrap_or_default().to_string(),
        visibility: "shared".into(),
        created_at: now,
        updated_at: Some(now),
        ..Default::default()
    };
    for (k, v) in &o {
        if k == "id" {
            continue;
        }
        if k == "owner" && ctx.is_admin() {
            if let Some(owner) = v.as_str() {
                image.owner = owner.to_string();
            }
            continue;
        }
        if let Err(r) = set_property(&mut image, ctx, k, v) {
            return r;
        }
    }
    let body = image_json(&image);
    state.images.insert(id.clone(), image);
    Reply::json(201, body)
        .header("Location", format!("/v2/images/{id}"))
        .header("OpenStack-image-import-methods", IMPORT_METHODS.join(","))
        .header("OpenStack-image-store-ids", "fs,fs2")
}

#[allow(clippy::too_many_arguments)]
fn one_image(
    app: &App,
    state: &mut State,
    req: &Req,
    ctx: &Ctx,
    id: &str,
    rest: &[&str],
    now: DateTime<Utc>,
) -> Reply {
    let Some(image) = state.images.get(id).cloned() else {
        return no_image(id);
    };
    let may_modify = owns(ctx, &image);
    let refused = || error(403, "You are not permitted to modify this image.");
    match (&req.method, rest) {
        (&Method::GET, []) => Reply::ok(image_json(&image)),
        (&Method::PATCH, []) => {
            if !may_modify {
                return refused();
            }
            patch(state, req, ctx, image, now)
        }
        (&Method::DELETE, []) => {
            if !may_modify {
                return error(403, "You are not permitted to delete this image.");
            }
            if image.protected {
                return error(
                    403,
                    &format!("Image {id} is protected and cannot be deleted."),
                );
            }
            state.images.remove(id);
            state.glance.cached.remove(id);
            Reply::empty(204)
        }
        (&Method::POST, ["actions", action @ ("deactivate" | "reactivate")]) => {
            if !may_modify {
                return error(
                    403,
                    &format!("You are not authorized to complete {action}_image action."),
                );
            }
            let (from, to) = if *action == "deactivate" {
                ("active", "deactivated")
            } else {
                ("deactivated", "active")
            };
            if image.status != from && image.status != to {
                return error(
                    400,
                    &format!("Not allowed to {action} image in status '{}'", image.status),
                );
            }
            if let Some(i) = state.images.get_mut(id) {
                i.status = to.into();
                i.updated_at = Some(now);
            }
            Reply::empty(204)
        }
        // Data, uploaded (queued → active) or staged for an import (queued → uploading).
        (&Method::PUT, [kind @ ("file" | "stage")]) => {
            if !may_modify {
                return refused();
            }
            let next = if *kind == "file" {
                "saving"
            } else {
                "uploading"
            };
            if image.status != "queued" {
                return error(
                    409,
                    &format!(
                        "Image status transition from {} to {next} is not allowed",
                        image.status
                    ),
                );
            }
            if *kind == "file" && (image.disk_format.is_none() || image.container_format.is_none())
            {
                return error(
                    400,
                    "Properties disk_format, container_format must be set prior to saving data.",
                );
            }
            if let Some(i) = state.images.get_mut(id) {
                if *kind == "file" {
                    store_data(i, req.body.clone(), now);
                } else {
                    i.staged = Some(req.body.clone());
                    i.status = "uploading".into();
                    i.updated_at = Some(now);
                }
            }
            Reply::empty(204)
        }
        (&Method::GET, ["file"]) => {
            if image.status == "deactivated" && !ctx.is_admin() {
                return error(
                    403,
                    "The requested image has been deactivated. Image data download is forbidden.",
                );
            }
            let Some(data) = image.data.clone() else {
                return Reply::empty(204);
            };
            let mut r = ranged(req, "application/octet-stream", vec![data]);
            if r.status == 200
                && let Some(md5) = &image.checksum
            {
                r = r.header("Content-MD5", md5.clone());
            }
            r
        }
        (&Method::POST, ["import"]) => {
            if !may_modify {
                return refused();
            }
            import(app, state, req, ctx, &image, now)
        }
        (&Method::GET, ["tasks"]) => {
            let tasks: Vec<Value> = state
                .glance
                .tasks
                .values()
                .filter(|t| t["image_id"] == id)
                .cloned()
                .collect();
            Reply::ok(json!({ "tasks": tasks }))
        }
        (&Method::GET, ["locations"]) => {
            if !ctx.is_admin() && !ctx.is_service() {
                return error(
                    403,
                    "You are not authorized to complete fetch_image_location action.",
                );
            }
            Reply::ok(json!([]))
        }
        (&Method::POST, ["locations"]) => error(
            403,
            "Adding a location is for service users, and the http store must be enabled for it.",
        ),
        (&Method::PUT, ["tags", tag]) => {
            if !may_modify {
                return refused();
            }
            if let Some(i) = state.images.get_mut(id) {
                if !i.tags.iter().any(|t| t == tag) {
                    i.tags.push(tag.to_string());
                }
                i.updated_at = Some(now);
            }
            Reply::empty(204)
        }
        (&Method::DELETE, ["tags", tag]) => {
            if !may_modify {
                return refused();
            }
            let Some(i) = state.images.get_mut(id) else {
                return no_image(id);
            };
            match i.tags.iter().position(|t| t == tag) {
                Some(n) => {
                    i.tags.remove(n);
                    i.updated_at = Some(now);
                    Reply::empty(204)
                }
                None => error(404, &format!("Tag {tag} not found")),
            }
        }
        (_, ["members", rest @ ..]) => members(state, req, ctx, &image, rest, now),
        _ => error(404, "The resource could not be found."),
    }
}

/// JSON Patch (`application/openstack-images-v2.1-json-patch`): `add`, `replace` and
/// `remove` of the image's properties, all or none.
fn patch(state: &mut State, req: &Req, ctx: &Ctx, mut image: Image, now: DateTime<Utc>) -> Reply {
    let Some(Value::Array(ops)) = req.json() else {
        return error(
            400,
            "Request body must be a JSON array of operation objects.",
        );
    };
    for op in &ops {
        let (Some(kind), Some(path)) = (
            op.get("op").and_then(Value::as_str),
            op.get("path").and_then(Value::as_str),
        ) else {
            return error(
                400,
                "Operation objects must contain exactly one member named \"op\" and \"path\".",
            );
        };
        let Some(key) = path.strip_prefix('/') else {
            return error(400, &format!("Pointer `{path}` does not start with \"/\"."));
        };
        let key = key.replace("~1", "/").replace("~0", "~");
        match kind {
            "add" | "replace" => {
                let Some(value) = op.get("value") else {
                    return error(400, "Operation objects must contain a \"value\" member.");
                };
                if kind == "replace"
                    && !image_json(&image)
                        .as_object()
                        .is_some_and(|o| o.contains_key(&key))
                {
                    return error(409, &format!("Property {key} does not exist."));
                }
                if let Err(r) = set_property(&mut image, ctx, &key, value) {
                    return r;
                }
            }
            "remove" => {
                if READ_ONLY.contains(&key.as_str()) {
                    return error(403, &format!("Attribute '{key}' is read-only."));
                }
                if image.properties.remove(&key).is_none() {
                    let core = matches!(
                        key.as_str(),
                        "name"
                            | "visibility"
                            | "disk_format"
                            | "container_format"
                            | "min_ram"
                            | "min_disk"
                            | "protected"
                            | "tags"
                            | "os_hidden"
                    );
                    return if core {
                        error(
                            403,
                            &format!("Properties {key} are protected and cannot be removed."),
                        )
                    } else {
                        error(409, &format!("Property {key} does not exist."))
                    };
                }
            }
            other => return error(400, &format!("Invalid operation: `{other}`")),
        }
    }
    image.updated_at = Some(now);
    let body = image_json(&image);
    state.images.insert(image.id.clone(), image);
    Reply::ok(body)
}

/// The import methods served, as `/v2/info/import` lists them.
const IMPORT_METHODS: &[&str] = &["glance-direct", "web-download", "copy-image"];

fn import(
    app: &App,
    state: &mut State,
    req: &Req,
    ctx: &Ctx,
    image: &Image,
    now: DateTime<Utc>,
) -> Reply {
    let body = req.json().unwrap_or(Value::Null);
    let method = body["method"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    if !IMPORT_METHODS.contains(&method.as_str()) {
        return error(
            400,
            &format!("Import method {method} is not valid for this cloud."),
        );
    }
    let stores: Vec<String> = match body["stores"].as_array() {
        Some(list) => list
            .iter()
            .map(|s| s.as_str().unwrap_or_default().to_string())
            .collect(),
        None => vec!["fs".into()],
    };
    if let Some(bad) = stores.iter().find(|s| !matches!(s.as_str(), "fs" | "fs2")) {
        return error(409, &format!("Unknown store {bad} in the import request."));
    }
    // glance-direct takes the staged data, web-download a queued image, copy-image an
    // active one.
    let from = match method.as_str() {
        "glance-direct" => "uploading",
        "web-download" => "queued",
        _ => "active",
    };
    let url = body["method"]["uri"].as_str().map(str::to_string);
    if image.status != from || (method == "web-download" && url.is_none()) {
        return error(
            409,
            &format!(
                "Image {} is not in a valid state to import with {method}: {}",
                image.id, image.status
            ),
        );
    }
    let task_id = crate::ids::uuid();
    let task = json!({
        "id": task_id, "type": "api_image_import", "status": "processing",
        "owner": ctx.project_id().unwrap_or_default(), "user_id": ctx.user_id,
        "image_id": image.id, "request_id": req.request_id,
        "input": {"image_id": image.id, "import_req": body, "backend": stores},
        "result": null, "message": "",
        "created_at": glance_time(now), "updated_at": glance_time(now), "expires_at": null,
        "self": format!("/v2/tasks/{task_id}"), "schema": "/v2/schemas/task",
    });
    state.glance.tasks.insert(task_id.clone(), task);
    if let Some(i) = state.images.get_mut(&image.id) {
        i.updated_at = Some(now);
        match (method.as_str(), url) {
            ("web-download", Some(url)) => {
                i.status = "importing".into();
                state.glance.fetches.push(Fetch {
                    url,
                    image_id: image.id.clone(),
                    task_id,
                });
            }
            _ => {
                if method == "glance-direct" {
                    i.status = "importing".into();
                }
                let due = now + chrono::Duration::from_std(app.delays.action).unwrap_or_default();
                i.pending = Some((due, task_id));
            }
        }
    }
    Reply::empty(202)
}

/// A `web-download` import waiting for its bytes.
#[derive(Debug, Clone)]
pub(crate) struct Fetch {
    url: String,
    image_id: String,
    task_id: String,
}

/// The web downloads that imports asked for since the last call.
pub(crate) fn take_fetches(app: &App) -> Vec<Fetch> {
    std::mem::take(&mut app.lock().glance.fetches)
}

/// Fetches a `web-download` import's bytes (plain HTTP, as the test servers are), then
/// makes the image `active`, or puts it back in `queued` with its task failed.
pub(crate) async fn fetch(app: std::sync::Arc<App>, job: Fetch) {
    let url = job.url.clone();
    let limit = app.max_body;
    let got = tokio::task::spawn_blocking(move || http_get(&url, limit))
        .await
        .unwrap_or_else(|e| Err(e.to_string()));
    let now = app.clock.now();
    let mut state = app.lock();
    let outcome = match (got, state.images.get_mut(&job.image_id)) {
        (Ok(data), Some(i)) => {
            store_data(i, data, now);
            Ok(())
        }
        (Err(e), Some(i)) => {
            i.status = "queued".into();
            Err(e)
        }
        (_, None) => Err("the image was deleted".into()),
    };
    if let Some(t) = state.glance.tasks.get_mut(&job.task_id) {
        t["updated_at"] = json!(glance_time(now));
        match outcome {
            Ok(()) => {
                t["status"] = json!("success");
                t["result"] = json!({"image_id": job.image_id});
            }
            Err(e) => {
                t["status"] = json!("failure");
                t["message"] = json!(e);
            }
        }
    }
}

/// A blocking HTTP/1.0 GET of at most `limit` bytes.
fn http_get(url: &str, limit: usize) -> Result<Bytes, String> {
    use std::io::{Read, Write};
    let url = url::Url::parse(url).map_err(|e| e.to_string())?;
    if url.scheme() != "http" {
        return Err(format!("{} URLs are not fetched", url.scheme()));
    }
    let host = url.host_str().ok_or("no host")?.to_string();
    let port = url.port_or_known_default().unwrap_or(80);
    let mut stream =
        std::net::TcpStream::connect((host.as_str(), port)).map_err(|e| e.to_string())?;
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(30)));
    let path = match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    };
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    stream
        .take(limit as u64 + 64 * 1024)
        .read_to_end(&mut raw)
        .map_err(|e| e.to_string())?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no HTTP header")?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let ok = head
        .split_whitespace()
        .nth(1)
        .is_some_and(|code| code == "200");
    if !ok {
        return Err(format!(
            "the server answered {}",
            head.lines().next().unwrap_or_default()
        ));
    }
    Ok(Bytes::from(raw.split_off(split + 4)))
}

fn member_json(image_id: &str, m: &Member) -> Value {
    json!({"image_id": image_id, "member_id": m.member_id, "status": m.status,
        "created_at": glance_time(m.created_at), "updated_at": glance_time(m.updated_at),
        "schema": "/v2/schemas/member"})
}

fn members(
    state: &mut State,
    req: &Req,
    ctx: &Ctx,
    image: &Image,
    rest: &[&str],
    now: DateTime<Utc>,
) -> Reply {
    let project = ctx.project_id().unwrap_or_default().to_string();
    let owner = owns(ctx, image);
    let id = image.id.clone();
    let Some(i) = state.images.get_mut(&id) else {
        return no_image(&id);
    };
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let rows: Vec<Value> = i
                .members
                .iter()
                .filter(|m| owner || m.member_id == project)
                .map(|m| member_json(&id, m))
                .collect();
            Reply::ok(json!({"members": rows, "schema": "/v2/schemas/members"}))
        }
        (&Method::POST, []) => {
            if !owner {
                return error(
                    403,
                    "You are not permitted to create image members for the image.",
                );
            }
            if i.visibility != "shared" {
                return error(
                    403,
                    &format!(
                        "Only shared images have members. Image {id} is {}.",
                        i.visibility
                    ),
                );
            }
            let Some(member) = req
                .json()
                .and_then(|b| b["member"].as_str().map(str::to_string))
            else {
                return error(400, "Member to be added not specified");
            };
            if i.members.iter().any(|m| m.member_id == member) {
                return error(
                    409,
                    &format!("Member {member} already exists for image {id}"),
                );
            }
            let m = Member {
                member_id: member,
                status: "pending".into(),
                created_at: now,
                updated_at: now,
            };
            let body = member_json(&id, &m);
            i.members.push(m);
            Reply::ok(body)
        }
        (method, [member]) => {
            let Some(n) = i
                .members
                .iter()
                .position(|m| m.member_id == *member && (owner || m.member_id == project))
            else {
                return error(404, &format!("{member} is not a member of image {id}"));
            };
            match *method {
                Method::GET => Reply::ok(member_json(&id, &i.members[n])),
                Method::PUT => {
                    if *member != project {
                        return error(
                            403,
                            "You are not permitted to modify 'status' on this image member.",
                        );
                    }
                    let status = req
                        .json()
                        .and_then(|b| b["status"].as_str().map(str::to_string));
                    match status {
                        Some(s) if matches!(s.as_str(), "pending" | "accepted" | "rejected") => {
                            i.members[n].status = s;
                            i.members[n].updated_at = now;
                            Reply::ok(member_json(&id, &i.members[n]))
                        }
                        _ => error(400, "Status must be one of pending, accepted, rejected"),
                    }
                }
                Method::DELETE => {
                    if !owner {
                        return error(
                            403,
                            "You are not permitted to delete image members for the image.",
                        );
                    }
                    i.members.remove(n);
                    Reply::empty(204)
                }
                _ => error(405, "The method is not allowed for this resource."),
            }
        }
        _ => error(404, "The resource could not be found."),
    }
}

fn delete_from_store(state: &mut State, ctx: &Ctx, store: &str, id: &str) -> Reply {
    if !ctx.is_admin() {
        return error(
            403,
            "You are not authorized to complete delete_image_location action.",
        );
    }
    let Some(i) = state.images.get_mut(id) else {
        return no_image(id);
    };
    if !i.stores.iter().any(|s| s == store) {
        return error(404, &format!("Image {id} is not present in store {store}"));
    }
    if i.stores.len() == 1 {
        return error(
            409,
            "It's not allowed to remove image data from the last store.",
        );
    }
    i.stores.retain(|s| s != store);
    Reply::empty(204)
}

fn cache(state: &mut State, req: &Req, ctx: &Ctx, rest: &[&str], now: DateTime<Utc>) -> Reply {
    if !ctx.is_admin() {
        return error(403, "You are not authorized to complete cache_list action.");
    }
    let cached = &mut state.glance.cached;
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let rows: Vec<Value> = cached
                .iter()
                .map(|(id, (size, at))| {
                    let t = at.timestamp() as f64;
                    json!({"image_id": id, "hits": 0, "last_accessed": t,
                        "last_modified": t, "size": size})
                })
                .collect();
            Reply::ok(json!({"cached_images": rows, "queued_images": []}))
        }
        // The cache worker takes a queued image at once.
        (&Method::PUT, [id]) => match state.images.get(*id) {
            Some(i) if i.status == "active" => {
                cached.insert(id.to_string(), (i.size, now));
                Reply::empty(202)
            }
            Some(_) => error(400, &format!("Image {id} is not active")),
            None => no_image(id),
        },
        (&Method::DELETE, [id]) => {
            cached.remove(*id);
            Reply::empty(204)
        }
        (&Method::DELETE, []) => {
            let target = req.header("x-image-cache-clear-target").unwrap_or("both");
            if target != "queue" {
                cached.clear();
            }
            Reply::empty(204)
        }
        (&Method::POST, ["clean"]) => Reply::empty(200),
        (&Method::POST, ["prune"]) => {
            Reply::ok(json!({"total_files_pruned": 0, "total_bytes_pruned": 0}))
        }
        _ => error(404, "The resource could not be found."),
    }
}

/// The JSON schemas, with the properties the fake knows: each singular one by its path
/// under `/v2/schemas`, the name it carries, its properties (strings unless typed) and
/// its required ones; each plural one lists its singular's records.
fn schema(path: &str) -> Reply {
    const TIMES: &[&str] = &["created_at", "updated_at"];
    type Typed = &'static [(&'static str, &'static str)];
    /// Path, name, string properties, typed properties, required properties.
    type Row = (
        &'static str,
        &'static str,
        &'static [&'static str],
        Typed,
        &'static [&'static str],
    );
    let table: &[Row] = &[
        (
            "image",
            "image",
            &[
                "id",
                "name",
                "status",
                "visibility",
                "owner",
                "checksum",
                "os_hash_algo",
                "os_hash_value",
                "disk_format",
                "container_format",
                "self",
                "file",
                "schema",
                "direct_url",
                "stores",
            ],
            &[
                ("size", "integer"),
                ("virtual_size", "integer"),
                ("min_ram", "integer"),
                ("min_disk", "integer"),
                ("protected", "boolean"),
                ("os_hidden", "boolean"),
                ("tags", "array"),
            ],
            &[],
        ),
        (
            "member",
            "member",
            &["image_id", "member_id", "status", "schema"],
            &[],
            &[],
        ),
        (
            "task",
            "task",
            &[
                "id",
                "type",
                "status",
                "owner",
                "message",
                "expires_at",
                "self",
                "schema",
            ],
            &[("input", "object"), ("result", "object")],
            &[],
        ),
        (
            "metadefs/namespace",
            "namespace",
            &[
                "namespace",
                "display_name",
                "description",
                "visibility",
                "owner",
                "schema",
                "self",
            ],
            &[
                ("protected", "boolean"),
                ("resource_type_associations", "array"),
                ("properties", "object"),
                ("objects", "array"),
                ("tags", "array"),
            ],
            &["namespace"],
        ),
        (
            "metadefs/resource_type",
            "resource_type_association",
            &["name", "prefix", "properties_target"],
            &[],
            &["name"],
        ),
        (
            "metadefs/object",
            "object",
            &["name", "description", "schema", "self"],
            &[("required", "array"), ("properties", "object")],
            &["name"],
        ),
        (
            "metadefs/property",
            "property",
            &["name", "title", "description", "type", "pattern", "default"],
            &[
                ("minimum", "number"),
                ("maximum", "number"),
                ("enum", "array"),
                ("readonly", "boolean"),
                ("items", "object"),
            ],
            &["name", "title", "type"],
        ),
        ("metadefs/tag", "tag", &["name"], &[], &["name"]),
    ];
    let one = |&(_, name, strings, typed, required): &Row| {
        let props: Map<String, Value> = strings
            .iter()
            .chain(TIMES)
            .map(|k| (k.to_string(), json!({"type": "string"})))
            .chain(
                typed
                    .iter()
                    .map(|(k, t)| (k.to_string(), json!({ "type": t }))),
            )
            .collect();
        let mut v = json!({"name": name, "properties": props});
        if !required.is_empty() {
            v["required"] = json!(required);
        }
        if path.starts_with("metadefs/") {
            v["additionalProperties"] = json!(false);
        } else if name == "image" {
            v["additionalProperties"] = json!({"type": "string"});
        }
        v
    };
    // Plural paths: `images`, `metadefs/resource_types`…; plural names: `images`,
    // `resource_type_associations`…
    let (row, plural) = match table.iter().find(|r| r.0 == path) {
        Some(r) => (r, false),
        None => match table.iter().find(|r| {
            format!("{}s", r.0) == path || (r.1 == "property" && path == "metadefs/properties")
        }) {
            Some(r) => (r, true),
            None => return error(404, "The resource could not be found."),
        },
    };
    if !plural {
        return Reply::ok(one(row));
    }
    let name = if row.1 == "property" {
        "properties".to_string()
    } else {
        format!("{}s", row.1)
    };
    Reply::ok(json!({"name": name,
        "properties": {&name: {"type": "array", "items": one(row)},
            "schema": {"type": "string"}, "first": {"type": "string"},
            "next": {"type": "string"}},
        "links": [{"rel": "first", "href": "{first}"}, {"rel": "next", "href": "{next}"},
            {"rel": "describedby", "href": "{schema}"}]}))
}
