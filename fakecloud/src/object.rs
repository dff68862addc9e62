//! Swift v1 under `/object/v1/AUTH_<project>`: accounts, containers and objects with
//! their metadata, listings, conditional and ranged downloads, copies, expiry, static
//! and dynamic large objects, symlinks, bulk delete and archive extraction; `/object/info`
//! and the `list_endpoints` answers.

mod store;

use std::collections::BTreeMap;

use bytes::Bytes;
use chrono::{DateTime, TimeZone, Utc};
use http::Method;
use md5::{Digest, Md5};
use serde_json::{Value, json};

use crate::App;
use crate::http_util::{Ctx, Reply, Req, authenticate, percent_decode, ranged};
use crate::state::State;

pub(crate) use store::ObjectState;
use store::{Container, Obj, Segment};

/// The MD5 of some bytes, in hexadecimal.
pub(crate) fn md5_hex(chunks: &[Bytes]) -> String {
    let mut h = Md5::new();
    for c in chunks {
        h.update(c);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Swift's plain error answers: a status and a short HTML page.
fn error(status: u16, title: &str, text: &str) -> Reply {
    Reply::bytes(
        status,
        "text/html; charset=UTF-8",
        vec![Bytes::from(format!(
            "<html><h1>{title}</h1><p>{text}</p></html>"
        ))],
    )
}

fn not_found() -> Reply {
    error(404, "Not Found", "The resource could not be found.")
}

fn forbidden() -> Reply {
    error(403, "Forbidden", "Access was denied to this resource.")
}

fn bad_request(text: &str) -> Reply {
    Reply::text(400, text.to_string())
}

/// `X-Timestamp` as Swift writes it (seconds with five decimals).
fn x_timestamp(t: DateTime<Utc>) -> String {
    format!("{}.{:05}", t.timestamp(), t.timestamp_subsec_micros() / 10)
}

/// An HTTP date (`Last-Modified`), rounded up to the second as Swift does.
fn http_date(t: DateTime<Utc>) -> String {
    let secs = t.timestamp() + i64::from(t.timestamp_subsec_nanos() > 0);
    Utc.timestamp_opt(secs, 0)
        .single()
        .unwrap_or(t)
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string()
}

fn parse_http_date(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc2822(s.trim())
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

/// A listing time (`last_modified` in JSON listings).
fn listing_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6f").to_string()
}

/// Requests under `/object`.
pub(crate) fn handle(app: &App, state: &mut State, req: &Req) -> Reply {
    let now = app.clock.now();
    state.object.expire(now);
    let segs: Vec<&str> = req.segs.iter().skip(1).map(String::as_str).collect();
    let reply = match segs.as_slice() {
        ["info"] if req.method == Method::GET || req.method == Method::HEAD => info(),
        ["endpoints", "v2", account, rest @ ..] => endpoints(app, account, rest),
        ["v1", account, rest @ ..] => match account.strip_prefix("AUTH_") {
            Some(project) => storage(app, state, Call { req, project, now }, rest),
            None => not_found(),
        },
        _ => not_found(),
    };
    // The pipeline adds `X-Openstack-Request-Id` with the same value.
    reply.header("X-Trans-Id", req.request_id.clone())
}

/// The capabilities document, as the devcloud's proxy lists them.
fn info() -> Reply {
    Reply::ok(json!({
        "swift": {
            "version": "2.35.0", "max_file_size": 5_368_709_122u64,
            "max_meta_name_length": 128, "max_meta_value_length": 256,
            "max_meta_count": 90, "max_meta_overall_size": 4096,
            "container_listing_limit": 10000, "account_listing_limit": 10000,
            "max_object_name_length": 1024, "max_container_name_length": 256,
            "max_header_size": 8192, "extra_header_count": 0,
            "strict_cors_mode": true, "allow_account_management": false,
            "account_autocreate": true, "valid_api_versions": ["v1", "v1.0"],
            "policies": [{"name": "Policy-0", "aliases": "Policy-0", "default": true}],
        },
        "slo": {"max_manifest_segments": 1000, "max_manifest_size": 8_388_608,
            "yield_frequency": 10, "min_segment_size": 1,
            "allow_async_delete": true},
        "dlo": {"max_segments": 10000},
        "tempurl": {"methods": ["GET", "HEAD", "PUT", "POST", "DELETE"],
            "incoming_remove_headers": ["x-timestamp"],
            "incoming_allow_headers": [],
            "outgoing_remove_headers": ["x-object-meta-*"],
            "outgoing_allow_headers": ["x-object-meta-public-*"],
            "allowed_digests": ["sha1", "sha256", "sha512"]},
        "formpost": {"allowed_digests": ["sha1", "sha256", "sha512"]},
        "bulk_delete": {"max_deletes_per_request": 10000, "max_failed_deletes": 1000},
        "bulk_upload": {"max_containers_per_extraction": 10000,
            "max_failed_extractions": 1000},
        "symlink": {"symloop_max": 2, "static_links": true},
        "versioned_writes": {"allowed_flags": ["x-versions-location", "x-history-location"]},
        "object_versioning": {},
        "container_quotas": {},
        "account_quotas": {},
        "staticweb": {},
        "ratelimit": {"account_ratelimit": 0.0, "max_sleep_time_seconds": 60.0,
            "container_ratelimits": [], "container_listing_ratelimits": []},
        "tempauth": {"account_acls": true},
        "keystoneauth": {},
        "list_endpoints": {},
    }))
}

/// `list_endpoints`: the one storage node of the fake, for an account, a container or an
/// object.
fn endpoints(app: &App, account: &str, rest: &[&str]) -> Reply {
    let mut url = format!("{}/object/node/sda/0/{account}", app.base);
    for part in rest {
        url.push('/');
        url.push_str(part);
    }
    Reply::ok(json!({"endpoints": [url], "headers": {"X-Backend-Storage-Policy-Index": "0"}}))
}

/// A request on one account, at one time.
#[derive(Clone, Copy)]
pub(super) struct Call<'a> {
    pub(super) req: &'a Req,
    pub(super) project: &'a str,
    pub(super) now: DateTime<Utc>,
}

/// Who may use the account: keystoneauth's operator roles (`admin`, `member`) on its
/// project.
fn may_operate(ctx: &Ctx, project: &str) -> bool {
    ctx.project_id() == Some(project) && ctx.roles.iter().any(|r| r == "admin" || r == "member")
}

fn storage(app: &App, state: &mut State, call: Call<'_>, rest: &[&str]) -> Reply {
    let Call { req, project, .. } = call;
    if req.q("temp_url_sig").is_some() {
        return match store::temp_url_allows(state, call, rest) {
            Ok(()) => object_request(state, call, rest),
            Err(r) => r,
        };
    }
    if req.method == Method::POST
        && rest.len() >= 2
        && req
            .header("content-type")
            .is_some_and(|t| t.starts_with("multipart/form-data"))
        && req.header("x-auth-token").is_none()
    {
        return store::form_post(state, call, rest);
    }
    let ctx = match authenticate(app, state, req) {
        Ok(c) => c,
        Err(r) => return r,
    };
    if !may_operate(&ctx, project) {
        return forbidden();
    }
    object_request(state, call, rest)
}

fn object_request(state: &mut State, call: Call<'_>, rest: &[&str]) -> Reply {
    let os = &mut state.object;
    match rest {
        [] => account_request(os, call),
        [container] => container_request(os, call, container),
        [container, ..] => {
            // The object's name is the rest of the path as sent: empty segments and a
            // trailing slash are part of it.
            let name = object_name(&call.req.path, call.project);
            objects(os, call, container, &name)
        }
    }
}

/// The object name of a path `/object/v1/AUTH_<project>/<container>/<name>`.
fn object_name(path: &str, project: &str) -> String {
    let account = format!("/AUTH_{project}/");
    let rest = path
        .split_once(&account)
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    let rest = rest.trim_start_matches('/');
    let name = rest.split_once('/').map(|(_, n)| n).unwrap_or_default();
    percent_decode(name)
}

// ------------------------------------------------------------------ metadata headers

/// Applies the metadata headers of a PUT or POST with prefix `x-<kind>-` to `stored`:
/// `X-<Kind>-Meta-*` (an empty value removes), `X-Remove-<Kind>-Meta-*`, and the
/// `extra` settings headers (`X-Container-Read`…) with their `X-Remove-` forms.
fn apply_meta(stored: &mut BTreeMap<String, String>, req: &Req, kind: &str, extra: &[&str]) {
    let meta = format!("x-{kind}-meta-");
    let remove = format!("x-remove-{kind}-meta-");
    for (name, value) in &req.headers {
        let name = name.as_str();
        let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
        if name.starts_with(&meta) || extra.contains(&name) {
            if value.is_empty() {
                stored.remove(name);
            } else {
                stored.insert(name.to_string(), value);
            }
        } else if let Some(key) = name.strip_prefix(&remove) {
            stored.remove(&format!("{meta}{key}"));
        } else if let Some(setting) = name.strip_prefix("x-remove-")
            && extra.contains(&format!("x-{setting}").as_str())
        {
            stored.remove(&format!("x-{setting}"));
        }
    }
}

fn with_headers(mut reply: Reply, headers: &BTreeMap<String, String>) -> Reply {
    for (k, v) in headers {
        reply = reply.header(k, v.clone());
    }
    reply
}

// ------------------------------------------------------------------ listings

/// One row of a listing: its name (or pseudo-directory) and its JSON.
struct Row {
    name: String,
    json: Value,
    /// The version, in listings of versions (paged by `version_marker`).
    version: Option<String>,
}

/// A listing as Swift answers it: rows folded by `prefix` and `delimiter`, then
/// `marker`/`end_marker`, `reverse` and `limit`, in JSON or plain text (`format`,
/// `Accept`) or XML. An empty plain listing is a 204. `kind` names the listing for XML:
/// (`account`, its name) or (`container`, its name).
fn listing(req: &Req, kind: (&str, &str), rows: Vec<Row>, headers: Vec<(String, String)>) -> Reply {
    let limit = match req.q("limit").map(str::parse::<usize>) {
        None => 10_000,
        Some(Ok(n)) if n <= 10_000 => n,
        Some(_) => return Reply::text(412, "Maximum limit is 10000"),
    };
    let prefix = req.q("prefix").unwrap_or_default();
    let delimiter = req.q("delimiter").filter(|d| !d.is_empty());
    let mut folded: Vec<Row> = Vec::new();
    for row in rows {
        let Some(rest) = row.name.strip_prefix(prefix) else {
            continue;
        };
        if let Some(d) = delimiter
            && let Some(i) = rest.find(d)
        {
            let dir = format!("{prefix}{}", &rest[..i + d.len()]);
            if folded.last().is_none_or(|r| r.name != dir) {
                folded.push(Row {
                    json: json!({ "subdir": dir }),
                    name: dir,
                    version: None,
                });
            }
            continue;
        }
        folded.push(row);
    }
    let reverse = req
        .q("reverse")
        .is_some_and(|r| matches!(r.to_ascii_lowercase().as_str(), "true" | "1" | "yes" | "on"));
    if reverse {
        folded.reverse();
    }
    let after = |name: &str, bound: &str| if reverse { name < bound } else { name > bound };
    let marker = req.q("marker").filter(|m| !m.is_empty());
    let end = req.q("end_marker").filter(|m| !m.is_empty());
    if let (Some(m), Some(v)) = (marker, req.q("version_marker"))
        && let Some(i) = folded
            .iter()
            .position(|r| r.name == m && r.version.as_deref() == Some(v))
    {
        folded.drain(..=i);
        folded.retain(|r| r.name.as_str() >= m);
    } else if let Some(m) = marker {
        folded.retain(|r| after(&r.name, m));
    }
    let page: Vec<Row> = folded
        .into_iter()
        .filter(|r| end.is_none_or(|e| after(e, &r.name)))
        .take(limit)
        .collect();
    let format = match req.q("format") {
        Some(f) => f.to_string(),
        None => match req.header("accept") {
            Some(a) if a.contains("application/json") => "json".into(),
            Some(a) if a.contains("xml") => "xml".into(),
            _ => "plain".into(),
        },
    };
    let reply = if format == "xml" {
        Reply::bytes(
            200,
            "application/xml; charset=utf-8",
            vec![Bytes::from(xml_listing(kind, &page))],
        )
    } else if format == "json" {
        let rows: Vec<Value> = page.into_iter().map(|r| r.json).collect();
        Reply::bytes(
            200,
            "application/json; charset=utf-8",
            vec![Bytes::from(Value::Array(rows).to_string())],
        )
    } else if page.is_empty() {
        Reply::bytes(204, "text/plain; charset=utf-8", Vec::new())
    } else {
        let text: String = page.iter().map(|r| format!("{}\n", r.name)).collect();
        Reply::bytes(200, "text/plain; charset=utf-8", vec![Bytes::from(text)])
    };
    headers.into_iter().fold(reply, |r, (k, v)| r.header(&k, v))
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A listing in XML: one element per row (`container` rows in an account, `object`
/// rows in a container) with the JSON fields as children, `subdir` for
/// pseudo-directories.
fn xml_listing((kind, name): (&str, &str), rows: &[Row]) -> String {
    let item = if kind == "account" {
        "container"
    } else {
        "object"
    };
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{kind} name=\"{}\">",
        xml_escape(name)
    );
    for row in rows {
        let Some(fields) = row.json.as_object() else {
            continue;
        };
        if let Some(dir) = fields.get("subdir").and_then(Value::as_str) {
            let dir = xml_escape(dir);
            out.push_str(&format!(
                "<subdir name=\"{dir}\"><name>{dir}</name></subdir>"
            ));
            continue;
        }
        out.push_str(&format!("<{item}>"));
        for (k, v) in fields {
            let text = v.as_str().map_or_else(|| v.to_string(), str::to_string);
            out.push_str(&format!("<{k}>{}</{k}>", xml_escape(&text)));
        }
        out.push_str(&format!("</{item}>"));
    }
    out.push_str(&format!("</{kind}>"));
    out
}

// ------------------------------------------------------------------ account

fn account_request(os: &mut ObjectState, call: Call<'_>) -> Reply {
    let Call { req, project, now } = call;
    if req.method == Method::POST && req.q("bulk-delete").is_some() {
        return store::bulk_delete(os, call);
    }
    let account = os.account(project, now);
    match req.method {
        Method::GET | Method::HEAD => {
            let (objects, bytes) = account.containers.values().fold((0, 0), |(o, b), c| {
                (o + c.objects.len(), b + c.bytes_used())
            });
            let mut headers = vec![
                (
                    "X-Account-Container-Count".to_string(),
                    account.containers.len().to_string(),
                ),
                ("X-Account-Object-Count".to_string(), objects.to_string()),
                ("X-Account-Bytes-Used".to_string(), bytes.to_string()),
                ("X-Timestamp".to_string(), x_timestamp(account.created)),
                (
                    "X-Account-Storage-Policy-Policy-0-Container-Count".to_string(),
                    account.containers.len().to_string(),
                ),
                (
                    "X-Account-Storage-Policy-Policy-0-Object-Count".to_string(),
                    objects.to_string(),
                ),
                (
                    "X-Account-Storage-Policy-Policy-0-Bytes-Used".to_string(),
                    bytes.to_string(),
                ),
            ];
            headers.extend(account.headers.iter().map(|(k, v)| (k.clone(), v.clone())));
            if req.method == Method::HEAD {
                return headers.into_iter().fold(
                    Reply::bytes(204, "text/plain; charset=utf-8", Vec::new()),
                    |r, (k, v)| r.header(&k, v),
                );
            }
            let rows = account
                .containers
                .iter()
                .map(|(name, c)| Row {
                    name: name.clone(),
                    json: json!({"name": name, "count": c.objects.len(),
                        "bytes": c.bytes_used(), "last_modified": listing_time(c.modified)}),
                    version: None,
                })
                .collect();
            listing(req, ("account", &format!("AUTH_{project}")), rows, headers)
        }
        Method::POST => {
            apply_meta(&mut account.headers, req, "account", &[]);
            Reply::empty(204)
        }
        // Deleting an account is for reseller admins.
        Method::DELETE | Method::PUT => forbidden(),
        _ => error(
            405,
            "Method Not Allowed",
            "The method is not allowed for this resource.",
        ),
    }
}

// ------------------------------------------------------------------ containers

const CONTAINER_SETTINGS: &[&str] = &[
    "x-container-read",
    "x-container-write",
    "x-container-sync-to",
    "x-container-sync-key",
    "x-versions-location",
    "x-history-location",
    "x-versions-enabled",
];

fn container_request(os: &mut ObjectState, call: Call<'_>, name: &str) -> Reply {
    let Call { req, project, now } = call;
    let account = os.account(project, now);
    match req.method {
        Method::PUT => {
            if name.len() > 256 {
                return bad_request("Container name length of 257 longer than 256");
            }
            let created = !account.containers.contains_key(name);
            let c = account
                .containers
                .entry(name.to_string())
                .or_insert_with(|| Container::new(now));
            apply_meta(&mut c.headers, req, "container", CONTAINER_SETTINGS);
            c.modified = now;
            Reply::bytes(
                if created { 201 } else { 202 },
                "text/html; charset=UTF-8",
                Vec::new(),
            )
        }
        Method::POST => match account.containers.get_mut(name) {
            Some(c) => {
                apply_meta(&mut c.headers, req, "container", CONTAINER_SETTINGS);
                Reply::bytes(204, "text/html; charset=UTF-8", Vec::new())
            }
            None => not_found(),
        },
        Method::DELETE => match account.containers.get(name) {
            Some(c) if !c.objects.is_empty() => error(
                409,
                "Conflict",
                "There was a conflict when trying to complete your request.",
            ),
            Some(_) => {
                account.containers.remove(name);
                Reply::empty(204)
            }
            None => not_found(),
        },
        Method::GET | Method::HEAD => {
            let Some(c) = account.containers.get(name) else {
                return not_found();
            };
            let mut headers = vec![
                (
                    "X-Container-Object-Count".to_string(),
                    c.objects.len().to_string(),
                ),
                (
                    "X-Container-Bytes-Used".to_string(),
                    c.bytes_used().to_string(),
                ),
                ("X-Timestamp".to_string(), x_timestamp(c.created)),
                ("Last-Modified".to_string(), http_date(c.modified)),
                ("X-Storage-Policy".to_string(), "Policy-0".to_string()),
                ("Accept-Ranges".to_string(), "bytes".to_string()),
            ];
            headers.extend(c.headers.iter().map(|(k, v)| (k.clone(), v.clone())));
            if req.method == Method::HEAD {
                return headers.into_iter().fold(
                    Reply::bytes(204, "text/plain; charset=utf-8", Vec::new()),
                    |r, (k, v)| r.header(&k, v),
                );
            }
            if req.q("versions").is_some() {
                return listing(req, ("container", name), c.version_rows(), headers);
            }
            let rows = c
                .objects
                .iter()
                .map(|(n, o)| Row {
                    name: n.clone(),
                    json: o.listing_json(n),
                    version: None,
                })
                .collect();
            listing(req, ("container", name), rows, headers)
        }
        _ => error(
            405,
            "Method Not Allowed",
            "The method is not allowed for this resource.",
        ),
    }
}

// ------------------------------------------------------------------ objects

fn objects(os: &mut ObjectState, call: Call<'_>, container: &str, name: &str) -> Reply {
    let Call { req, project, now } = call;
    if req.method == Method::PUT
        && let Some(format) = req.q("extract-archive")
    {
        return store::extract_archive(os, call, container, name, format);
    }
    if !os.account(project, now).containers.contains_key(container) {
        return not_found();
    }
    match req.method {
        Method::PUT => put_object(os, call, container, name),
        _ if req.method.as_str() == "COPY" => copy_object(os, call, container, name),
        Method::GET | Method::HEAD => get_object(os, call, container, name),
        Method::POST => {
            let Some(o) = os.object_mut(project, container, name) else {
                return not_found();
            };
            o.user_headers
                .retain(|k, _| !k.starts_with("x-object-meta-"));
            o.set_headers(req, now);
            o.user_headers.remove("x-delete-at");
            if let Some(at) = delete_at(req, now) {
                o.user_headers.insert("x-delete-at".into(), at.to_string());
            }
            Reply::bytes(202, "text/html; charset=UTF-8", Vec::new())
        }
        Method::DELETE => {
            if let Some(version) = req.q("version-id") {
                return os.delete_version(project, container, name, version);
            }
            if req.q("multipart-manifest") == Some("delete") {
                return store::delete_slo(os, project, container, name, now);
            }
            os.delete_object(project, container, name, now)
        }
        _ => error(
            405,
            "Method Not Allowed",
            "The method is not allowed for this resource.",
        ),
    }
}

/// The expiry a request asks for (`X-Delete-At`, or `X-Delete-After` from now).
fn delete_at(req: &Req, now: DateTime<Utc>) -> Option<i64> {
    if let Some(at) = req
        .header("x-delete-at")
        .and_then(|v| v.trim().parse().ok())
    {
        return Some(at);
    }
    req.header("x-delete-after")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .map(|after| now.timestamp().saturating_add(after))
}

fn put_object(os: &mut ObjectState, call: Call<'_>, container: &str, name: &str) -> Reply {
    let Call { req, project, now } = call;
    if name.len() > 1024 {
        return bad_request("Object name length of 1025 longer than 1024");
    }
    if req.header("if-none-match").map(str::trim) == Some("*")
        && os.object_mut(project, container, name).is_some()
    {
        return error(
            412,
            "Precondition Failed",
            "A precondition for this request was not met.",
        );
    }
    if let Some(from) = req.header("x-copy-from") {
        let from = percent_decode(from.trim_start_matches('/'));
        let Some((c, o)) = from.split_once('/') else {
            return Reply::text(
                412,
                "X-Copy-From header must be of the form <container name>/<object name>",
            );
        };
        return copy_into(os, call, (c, o), (container, name));
    }
    let mut o = if req.q("multipart-manifest") == Some("put") {
        match store::slo_from_manifest(os, req, project) {
            Ok(o) => o,
            Err(r) => return r,
        }
    } else {
        let chunks = if req.body.is_empty() {
            Vec::new()
        } else {
            vec![req.body.clone()]
        };
        Obj::new(chunks, now)
    };
    if o.slo.is_none()
        && let Some(given) = req.header("etag")
        && !given.trim_matches('"').eq_ignore_ascii_case(&o.etag)
    {
        return error(
            422,
            "Unprocessable Entity",
            "Unable to process the contained instructions",
        );
    }
    o.content_type = req
        .header("content-type")
        .filter(|t| !t.is_empty() && req.header("x-detect-content-type") != Some("true"))
        .map_or_else(|| guess_type(name), str::to_string);
    o.modified = now;
    o.set_headers(req, now);
    if let Some(at) = delete_at(req, now) {
        if at <= now.timestamp() {
            return bad_request("X-Delete-At in past");
        }
        o.user_headers.insert("x-delete-at".into(), at.to_string());
    }
    let etag = o.etag_header();
    let version = os.put_object(project, container, name, o, now);
    let mut reply = Reply::bytes(201, "text/html; charset=UTF-8", Vec::new())
        .header("Etag", etag)
        .header("Last-Modified", http_date(now));
    if let Some(v) = version {
        reply = reply.header("X-Object-Version-Id", v);
    }
    reply
}

fn guess_type(name: &str) -> String {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("txt") => "text/plain",
        Some("json") => "application/json",
        Some("html" | "htm") => "text/html",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("tar") => "application/x-tar",
        Some("gz") => "application/gzip",
        _ => "application/octet-stream",
    }
    .to_string()
}

fn copy_object(os: &mut ObjectState, call: Call<'_>, container: &str, name: &str) -> Reply {
    let Call { req, .. } = call;
    let Some(dest) = req.header("destination") else {
        return Reply::text(412, "You must specify a Destination header");
    };
    let dest = percent_decode(dest.trim_start_matches('/'));
    let Some((c, o)) = dest.split_once('/') else {
        return Reply::text(
            412,
            "Destination header must be of the form <container name>/<object name>",
        );
    };
    copy_into(os, call, (container, name), (c, o))
}

fn copy_into(os: &mut ObjectState, call: Call<'_>, from: (&str, &str), to: (&str, &str)) -> Reply {
    let Call { req, project, now } = call;
    let Some(src) = os.object(project, from.0, from.1).cloned() else {
        return not_found();
    };
    if !os.account(project, now).containers.contains_key(to.0) {
        return not_found();
    }
    // A copy of a large object (without `multipart-manifest=get`) is of its bytes.
    let mut o = if src.slo.is_some() && req.q("multipart-manifest") != Some("get") {
        let chunks = os.content(project, &src, 0);
        Obj::new(chunks, now)
    } else {
        let mut o = src.clone();
        o.modified = now;
        o
    };
    if req
        .header("x-fresh-metadata")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        o.user_headers
            .retain(|k, _| !k.starts_with("x-object-meta-"));
    } else if o.slo.is_none() && src.slo.is_some() {
        o.user_headers = src.user_headers.clone();
        o.user_headers.remove("x-static-large-object");
    }
    if let Some(t) = req.header("content-type").filter(|t| !t.is_empty()) {
        o.content_type = t.to_string();
    } else {
        o.content_type = src.content_type.clone();
    }
    o.set_headers(req, now);
    let etag = o.etag_header();
    os.put_object(project, to.0, to.1, o, now);
    Reply::bytes(201, "text/html; charset=UTF-8", Vec::new())
        .header("Etag", etag)
        .header("X-Copied-From", format!("{}/{}", from.0, from.1))
        .header("Last-Modified", http_date(now))
}

fn get_object(os: &mut ObjectState, call: Call<'_>, container: &str, name: &str) -> Reply {
    let Call { req, project, .. } = call;
    let found = match req.q("version-id") {
        Some(v) => os.version(project, container, name, v).cloned(),
        None => os.object(project, container, name).cloned(),
    };
    let Some(mut o) = found else {
        return not_found();
    };
    let mut headers = o.user_headers.clone();
    // A symlink serves its target (unless asked for itself).
    if let Some(target) = o.user_headers.get("x-symlink-target").cloned()
        && req.q("symlink") != Some("get")
    {
        let Some((c, n)) = target.split_once('/') else {
            return not_found();
        };
        let Some(t) = os.object(project, c, n).cloned() else {
            return not_found();
        };
        headers = t.user_headers.clone();
        headers.insert(
            "content-location".into(),
            format!("/v1/AUTH_{project}/{target}"),
        );
        o = t;
    }
    let manifest_get = req.q("multipart-manifest") == Some("get");
    let (chunks, etag) = if manifest_get && o.slo.is_some() {
        let rows: Vec<Value> = o
            .slo
            .iter()
            .flatten()
            .map(|s| {
                json!({"name": s.path, "hash": s.etag, "bytes": s.size,
                "content_type": "application/octet-stream",
                "last_modified": listing_time(o.modified)})
            })
            .collect();
        let body = Bytes::from(Value::Array(rows).to_string());
        let etag = md5_hex(std::slice::from_ref(&body));
        o.content_type = "application/json; charset=utf-8".into();
        (vec![body], etag)
    } else if let Some(manifest) = o.user_headers.get("x-object-manifest") {
        (
            os.content(project, &o, 0),
            format!("\"{}\"", os.dlo_etag(project, manifest)),
        )
    } else {
        (os.content(project, &o, 0), o.etag_header())
    };
    // Conditions: If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since.
    let bare = etag.trim_matches('"').to_string();
    let matches = |list: &str| {
        list.split(',')
            .map(|e| e.trim().trim_start_matches("W/").trim_matches('"'))
            .any(|e| e == "*" || e == bare)
    };
    let modified = o.modified;
    let precondition = || {
        error(
            412,
            "Precondition Failed",
            "A precondition for this request was not met.",
        )
    };
    if let Some(m) = req.header("if-match")
        && !matches(m)
    {
        return precondition().header("Etag", etag.clone());
    }
    if let Some(at) = req.header("if-unmodified-since").and_then(parse_http_date)
        && modified.timestamp() > at.timestamp()
    {
        return precondition();
    }
    let not_modified = match req.header("if-none-match") {
        Some(m) => matches(m),
        None => req
            .header("if-modified-since")
            .and_then(parse_http_date)
            .is_some_and(|at| modified.timestamp() <= at.timestamp()),
    };
    let mut reply = if not_modified {
        Reply::bytes(304, &o.content_type, Vec::new()).header("Accept-Ranges", "bytes")
    } else {
        ranged(req, &o.content_type, chunks)
    };
    headers.remove("content-type");
    reply = with_headers(reply, &headers)
        .header("Etag", etag)
        .header("Last-Modified", http_date(modified))
        .header("X-Timestamp", x_timestamp(modified));
    if let Some(v) = &o.version_id {
        reply = reply.header("X-Object-Version-Id", v.clone());
    }
    reply
}

impl Obj {
    fn listing_json(&self, name: &str) -> Value {
        json!({"name": name, "hash": self.etag, "bytes": self.size,
            "content_type": self.content_type, "last_modified": listing_time(self.modified)})
    }

    /// The ETag header: the MD5, quoted for large objects.
    fn etag_header(&self) -> String {
        if self.slo.is_some() || self.user_headers.contains_key("x-object-manifest") {
            format!("\"{}\"", self.etag)
        } else {
            self.etag.clone()
        }
    }

    /// Takes the object headers of a request that Swift keeps.
    fn set_headers(&mut self, req: &Req, _now: DateTime<Utc>) {
        for (name, value) in &req.headers {
            let n = name.as_str();
            if n.starts_with("x-object-meta-")
                || matches!(
                    n,
                    "content-disposition"
                        | "content-encoding"
                        | "x-object-manifest"
                        | "x-symlink-target"
                        | "x-symlink-target-account"
                        | "x-delete-at"
                )
            {
                let v = String::from_utf8_lossy(value.as_bytes()).into_owned();
                if n == "x-delete-at" {
                    continue;
                }
                if v.is_empty() {
                    self.user_headers.remove(n);
                } else {
                    self.user_headers.insert(n.to_string(), v);
                }
            }
        }
        if req.method == Method::POST
            && let Some(t) = req.header("content-type").filter(|t| !t.is_empty())
        {
            self.content_type = t.to_string();
        }
    }
}

/// A segment of a manifest as given: `path`, and maybe `etag` and `size_bytes`.
type GivenSegment = (String, Option<String>, Option<u64>);

/// Segments of a large object's manifest as given.
pub(crate) fn manifest_segments(v: &Value) -> Option<Vec<GivenSegment>> {
    v.as_array()?
        .iter()
        .map(|s| {
            let path = s.get("path").and_then(Value::as_str)?.to_string();
            let etag = s.get("etag").and_then(Value::as_str).map(str::to_string);
            let size = s.get("size_bytes").and_then(Value::as_u64);
            Some((path, etag, size))
        })
        .collect()
}

/// The segment of `path` (`/container/object`) for a manifest.
pub(crate) fn segment(path: &str, o: &Obj) -> Segment {
    Segment {
        path: path.to_string(),
        etag: o.etag.clone(),
        size: o.size,
    }
}
