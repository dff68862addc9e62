//! Cinder v3 under `/volume/v3/{project_id}`: volumes and their actions, snapshots,
//! volume types (extra specs, access, encryption), attachments, transfers, limits and
//! quota sets, over the generic record collection; status changes run on the fake's clock.

mod actions;
mod nova;
mod qos;
mod transfers;
mod types;

pub(crate) use nova::{assisted_snapshots, proxy, release_server, server_attachments};

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use http::Method;
use serde_json::{Map, Value, json};

use crate::App;
use crate::http_util::{Ctx, Reply, Req, authenticate, keystone_error};
use crate::records::{
    Collections, Fault, ListSpec, Record, Records, list_page, str_of, value_matches,
};
use crate::state::State;

pub(crate) const VOLUMES: &str = "volumes";
pub(crate) const SNAPSHOTS: &str = "snapshots";
pub(crate) const TYPES: &str = "types";
pub(crate) const ATTACHMENTS: &str = "attachments";

/// The backend every volume lives on (the devcloud's one Cinder backend).
pub(crate) const HOST: &str = "devcloud@fake#fake";
/// That backend's `volume_backend_name`, which a volume type's extra specs may ask for.
const BACKEND_NAME: &str = "fake";
/// The service UUID of the volume service.
const SERVICE_UUID: &str = "5b5d3f44-2b0c-4a1b-9f7e-7a0c1f1e0d11";
/// The newest microversion served.
pub(crate) const MAX_MINOR: u32 = 71;

/// Cinder's records by collection, the status changes to come and the quota overrides.
#[derive(Debug, Clone, Default)]
pub(crate) struct VolumeState {
    pub(crate) colls: BTreeMap<&'static str, Records>,
    /// Changes due at a time: (when, collection, ID, attributes to set, or `None` to
    /// remove the record).
    pub(crate) pending: Vec<(DateTime<Utc>, &'static str, String, Option<Record>)>,
    /// Quota overrides by project, then resource.
    pub(crate) quotas: BTreeMap<String, BTreeMap<String, i64>>,
    /// Projects' default volume types (type IDs).
    pub(crate) default_types: BTreeMap<String, String>,
}

impl Collections for VolumeState {
    fn colls(&self) -> &BTreeMap<&'static str, Records> {
        &self.colls
    }

    fn colls_mut(&mut self) -> &mut BTreeMap<&'static str, Records> {
        &mut self.colls
    }
}

impl VolumeState {
    /// Sets attributes of a record now.
    pub(crate) fn set(&mut self, c: &str, id: &str, patch: Value) {
        if let (Some(r), Value::Object(p)) = (self.get_mut(c, id), patch) {
            r.extend(p);
        }
    }

    /// Sets attributes of a record at a later time (replacing what was due for it).
    pub(crate) fn later(
        &mut self,
        at: DateTime<Utc>,
        c: &'static str,
        id: &str,
        patch: Option<Value>,
    ) {
        self.pending.retain(|p| !(p.1 == c && p.2 == id));
        let patch = patch.and_then(|v| v.as_object().cloned());
        self.pending.push((at, c, id.to_string(), patch));
    }

    /// Records an attachment (`attached` when made through the old calls or Nova).
    pub(crate) fn attach(&mut self, now: DateTime<Utc>, a: &Attach<'_>) -> String {
        let id = crate::ids::uuid();
        let project = self
            .get(VOLUMES, a.volume_id)
            .and_then(|r| str_of(r, "project_id"))
            .unwrap_or_default()
            .to_string();
        let done = a.status == "attached";
        let mut r = Map::new();
        r.extend(
            json!({"id": id, "volume_id": a.volume_id, "instance": a.instance,
                "host_name": a.host, "mountpoint": a.mountpoint, "attach_mode": a.mode,
                "status": a.status, "attach_status": a.status, "project_id": project,
                "attached_at": if done { json!(stamp(now)) } else { Value::Null },
                "detached_at": null, "connection_info": null})
            .as_object()
            .cloned()
            .unwrap_or_default(),
        );
        self.insert(ATTACHMENTS, r);
        id
    }

    /// Whether a volume has an attachment.
    pub(crate) fn attached(&self, volume_id: &str) -> bool {
        self.coll(ATTACHMENTS)
            .any(|a| str_of(a, "volume_id") == Some(volume_id))
    }

    /// Removes an attachment (the volume's first without one); the volume is
    /// `available` once it has none.
    pub(crate) fn detach(
        &mut self,
        volume_id: &str,
        attachment: Option<&str>,
    ) -> Result<(), Fault> {
        let target = self
            .coll(ATTACHMENTS)
            .filter(|a| str_of(a, "volume_id") == Some(volume_id))
            .filter(|a| attachment.is_none_or(|x| str_of(a, "id") == Some(x)))
            .find_map(|a| str_of(a, "id").map(str::to_string));
        let Some(target) = target else {
            return Err(bad(format!(
                "Invalid volume: Unable to detach volume. Volume {volume_id} is not attached."
            )));
        };
        if let Some(c) = self.colls.get_mut(ATTACHMENTS) {
            c.remove(&target);
        }
        if !self.attached(volume_id) {
            self.set(VOLUMES, volume_id, json!({"status": "available"}));
        }
        Ok(())
    }

    /// Forgets what was due for a record.
    pub(crate) fn cancel(&mut self, c: &str, id: &str) {
        self.pending.retain(|p| !(p.1 == c && p.2 == id));
    }
}

/// An attachment to record: the volume, the server or host, the device, the mode and
/// the status.
pub(crate) struct Attach<'a> {
    pub(crate) volume_id: &'a str,
    pub(crate) instance: Option<&'a str>,
    pub(crate) host: Option<&'a str>,
    pub(crate) mountpoint: Option<&'a str>,
    pub(crate) mode: &'a str,
    pub(crate) status: &'a str,
}

/// Applies the changes whose time has come.
pub(crate) fn tick(state: &mut State, now: DateTime<Utc>) {
    let st = &mut state.volume;
    let (due, rest): (Vec<_>, Vec<_>) = st.pending.drain(..).partition(|p| p.0 <= now);
    st.pending = rest;
    for (at, c, id, patch) in due {
        match patch {
            Some(p) => {
                if let Some(r) = st.get_mut(c, &id) {
                    r.extend(p);
                    r.insert("updated_at".into(), json!(stamp(at)));
                }
            }
            None => {
                if let Some(x) = st.colls.get_mut(c) {
                    x.remove(&id);
                }
                if c == VOLUMES {
                    for s in [SNAPSHOTS, ATTACHMENTS] {
                        if let Some(x) = st.colls.get_mut(s) {
                            x.0.retain(|r| str_of(r, "volume_id") != Some(id.as_str()));
                        }
                    }
                }
            }
        }
    }
}

/// Cinder's time format.
pub(crate) fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6f").to_string()
}

/// A request to Cinder: the caller, its microversion, the time and the state.
pub(crate) struct Vol<'a> {
    pub(crate) app: &'a App,
    pub(crate) st: &'a mut VolumeState,
    pub(crate) images: &'a mut BTreeMap<String, crate::state::Image>,
    pub(crate) ctx: &'a Ctx,
    pub(crate) minor: u32,
    pub(crate) now: DateTime<Utc>,
    /// `{base}/volume/v3/{project}`.
    pub(crate) url: String,
}

impl Vol<'_> {
    pub(crate) fn project(&self) -> String {
        self.ctx.project_id().unwrap_or_default().to_string()
    }

    pub(crate) fn at_least(&self, minor: u32) -> bool {
        self.minor >= minor
    }

    /// When a status change started now ends.
    pub(crate) fn soon(&self) -> DateTime<Utc> {
        let d = chrono::Duration::from_std(self.app.delays.action).unwrap_or_default();
        self.now + d
    }

    pub(crate) fn admin_only(&self, rule: &str) -> Result<(), Fault> {
        if self.ctx.is_admin() {
            Ok(())
        } else {
            Err(Fault::new(
                403,
                "forbidden",
                format!("Policy doesn't allow {rule} to be performed."),
            ))
        }
    }

    /// The record of a collection the caller may see, or Cinder's 404.
    pub(crate) fn find(&self, c: &str, id: &str) -> Result<Record, Fault> {
        self.st
            .get(c, id)
            .filter(|r| self.ctx.is_admin() || str_of(r, "project_id") == self.ctx.project_id())
            .cloned()
            .ok_or_else(|| not_found(c, id))
    }
}

pub(crate) fn not_found(c: &str, id: &str) -> Fault {
    let noun = match c {
        VOLUMES => "Volume",
        SNAPSHOTS => "Snapshot",
        ATTACHMENTS => "Volume attachment",
        TYPES => "Volume type",
        _ => "Resource",
    };
    Fault::new(
        404,
        "itemNotFound",
        format!("{noun} {id} could not be found."),
    )
}

pub(crate) fn bad(message: impl Into<String>) -> Fault {
    Fault::new(400, "badRequest", message)
}

/// Cinder's error body: `{"<name>": {"code", "message"}}`.
fn error(f: &Fault) -> Reply {
    let name = match f.status {
        400 => "badRequest",
        403 => "forbidden",
        404 => "itemNotFound",
        406 => "notAcceptable",
        409 => "conflictingRequest",
        413 => "overLimit",
        _ => "computeFault",
    };
    Reply::json(
        f.status,
        json!({ name: {"code": f.status, "message": f.message} }),
    )
}

fn version_doc(app: &App) -> Value {
    json!({"id": "v3.0", "status": "CURRENT", "version": format!("3.{MAX_MINOR}"),
        "min_version": "3.0", "updated": "2023-08-31T00:00:00Z",
        "links": [{"rel": "describedby", "type": "text/html", "href": "https://docs.openstack.org/"},
            {"rel": "self", "href": format!("{}/volume/v3/", app.base)}],
        "media-types": [{"base": "application/json",
            "type": "application/vnd.openstack.volume+json;version=3"}]})
}

/// The microversion asked for (`OpenStack-API-Version: volume 3.N`), 3.0 by default.
fn microversion(req: &Req) -> Result<u32, Fault> {
    let Some(h) = req.header("openstack-api-version") else {
        return Ok(0);
    };
    let v = h
        .trim()
        .strip_prefix("volume")
        .map(str::trim)
        .unwrap_or(h.trim());
    if v == "latest" {
        return Ok(MAX_MINOR);
    }
    let minor = v
        .strip_prefix("3.")
        .and_then(|m| m.parse::<u32>().ok())
        .ok_or_else(|| {
            bad(format!(
                "API Version String {v} is of invalid format. Must be of format MajorNum.MinorNum."
            ))
        })?;
    if minor > MAX_MINOR {
        return Err(Fault::new(
            406,
            "notAcceptable",
            format!(
                "Version {v} is not supported by the API. Minimum is 3.0 and maximum is 3.{MAX_MINOR}."
            ),
        ));
    }
    Ok(minor)
}

/// Requests under `/volume`.
pub(crate) fn handle(app: &App, state: &mut State, req: &Req) -> Reply {
    match (req.seg(1), req.seg(2)) {
        (None, _) => {
            return Reply::json(300, json!({"versions": [version_doc(app)]}));
        }
        (Some("v3"), None) => return Reply::ok(json!({"versions": [version_doc(app)]})),
        (Some("v3"), Some(_)) => {}
        _ => return keystone_error(404, "The resource could not be found."),
    }
    let ctx = match authenticate(app, state, req) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let minor = match microversion(req) {
        Ok(m) => m,
        Err(f) => return error(&f),
    };
    let project = req.seg(2).unwrap_or_default().to_string();
    let reply = if !ctx.is_admin() && ctx.project_id() != Some(project.as_str()) {
        error(&Fault::new(403, "forbidden", "Malformed request url"))
    } else {
        let rest: Vec<&str> = req.segs.iter().skip(3).map(String::as_str).collect();
        let mut vol = Vol {
            app,
            st: &mut state.volume,
            images: &mut state.images,
            ctx: &ctx,
            minor,
            now: app.clock.now(),
            url: format!("{}/volume/v3/{project}", app.base),
        };
        match dispatch(&mut vol, req, &rest) {
            Ok(r) => r,
            Err(f) => error(&f),
        }
    };
    reply
        .header("OpenStack-API-Version", format!("volume 3.{minor}"))
        .header("Vary", "OpenStack-API-Version")
}

fn dispatch(v: &mut Vol<'_>, req: &Req, rest: &[&str]) -> Result<Reply, Fault> {
    let m = &req.method;
    match rest {
        [VOLUMES, ..] | [SNAPSHOTS, ..] | [ATTACHMENTS, ..] => actions::route(v, req, rest),
        [TYPES, ..] => types::route(v, req, rest),
        ["qos-specs", more @ ..] => qos::route(v, req, more),
        ["os-volume-transfer", more @ ..] => transfers::route(v, req, more),
        ["volume-transfers", more @ ..] if v.at_least(55) => transfers::route(v, req, more),
        ["limits"] if *m == Method::GET => Ok(limits(v, req)),
        ["default-types", more @ ..] if v.at_least(62) => default_types(v, req, more),
        ["os-quota-sets", p, more @ ..] => quota_sets(v, req, p, more),
        ["os-availability-zone"] if *m == Method::GET => Ok(Reply::ok(
            json!({"availabilityZoneInfo": [{"zoneName": "nova", "zoneState": {"available": true}}]}),
        )),
        _ => Err(Fault::new(
            404,
            "itemNotFound",
            "The resource could not be found.",
        )),
    }
}

/// A listing of a collection: the caller's records (every project's with
/// `all_tenants` for admins), Cinder's filters, sorted and paged.
pub(crate) fn list(
    v: &Vol<'_>,
    c: &'static str,
    plural: &str,
    query: &[(String, String)],
    url: String,
    view: impl Fn(&Vol<'_>, &Record) -> Record,
) -> Result<Value, Fault> {
    let all = v.ctx.is_admin()
        && query
            .iter()
            .any(|(k, x)| (k == "all_tenants" || k == "all_projects") && x != "0" && x != "false");
    let project_filter = query
        .iter()
        .find(|(k, _)| k == "project_id")
        .map(|(_, x)| x.clone());
    let mut rows: Vec<Record> = Vec::new();
    for r in v.st.coll(c) {
        let owner = str_of(r, "project_id");
        let mine = owner == v.ctx.project_id();
        if !(mine || all || (v.ctx.is_admin() && project_filter.as_deref() == owner)) {
            continue;
        }
        if !cinder_filters(r, query)? {
            continue;
        }
        rows.push(view(v, r));
    }
    let spec = ListSpec {
        plural,
        url,
        skip: &[
            "all_tenants",
            "all_projects",
            "project_id",
            "metadata",
            "glance_metadata",
            "created_at",
            "updated_at",
            "name",
            "volume_type",
            "is_public",
            "extra_specs",
        ],
    };
    let mut page = list_page(rows, query, &spec)?;
    if query.iter().any(|(k, x)| k == "with_count" && x != "false") {
        let total =
            v.st.coll(c)
                .filter(|r| str_of(r, "project_id") == v.ctx.project_id() || all)
                .filter(|r| cinder_filters(r, query).unwrap_or(false))
                .count();
        if let Value::Object(o) = &mut page {
            o.insert("count".into(), json!(total));
        }
    }
    Ok(page)
}

/// Cinder's own filters: `name`, `metadata` (a JSON object), time comparisons
/// (`created_at=gte:…`).
fn cinder_filters(r: &Record, query: &[(String, String)]) -> Result<bool, Fault> {
    for (k, x) in query {
        let ok = match k.as_str() {
            "name" => r.get("name").is_some_and(|n| value_matches(n, x)),
            "volume_type" => {
                str_of(r, "volume_type") == Some(x.as_str())
                    || str_of(r, "volume_type_id") == Some(x.as_str())
            }
            "metadata" | "glance_metadata" => {
                let field = if k == "metadata" {
                    "metadata"
                } else {
                    "volume_image_metadata"
                };
                let want: Map<String, Value> = serde_json::from_str(x)
                    .or_else(|_| serde_json::from_str(&x.replace('\'', "\"")))
                    .map_err(|_| bad(format!("Invalid filter {k}: {x}")))?;
                let have = r.get(field).and_then(Value::as_object);
                want.iter()
                    .all(|(wk, wv)| have.and_then(|h| h.get(wk)) == Some(wv))
            }
            "created_at" | "updated_at" => {
                let have = str_of(r, k).unwrap_or_default().to_string();
                x.split(',').all(|part| {
                    let (op, when) = part.split_once(':').unwrap_or(("eq", part));
                    let when = when
                        .parse::<DateTime<Utc>>()
                        .map(stamp)
                        .unwrap_or_else(|_| when.to_string());
                    match op {
                        "gt" => have > when,
                        "gte" => have >= when,
                        "lt" => have < when,
                        "lte" => have <= when,
                        "neq" => have != when,
                        _ => have == when,
                    }
                })
            }
            _ => true,
        };
        if !ok {
            return Ok(false);
        }
    }
    Ok(true)
}

// ----- metadata-like maps -----

/// Where a string map lives and how its bodies are wrapped.
#[derive(Clone, Copy)]
pub(crate) struct MapSpec {
    /// The collection of the record.
    pub(crate) c: &'static str,
    /// The record's attribute.
    pub(crate) field: &'static str,
    /// The envelope of the whole map.
    pub(crate) envelope: &'static str,
    /// The envelope of one item (`meta`), or `None` for `{key: value}`.
    pub(crate) item: Option<&'static str>,
}

pub(crate) const VOLUME_META: MapSpec = MapSpec {
    c: VOLUMES,
    field: "metadata",
    envelope: "metadata",
    item: Some("meta"),
};
pub(crate) const SNAPSHOT_META: MapSpec = MapSpec {
    c: SNAPSHOTS,
    field: "metadata",
    envelope: "metadata",
    item: Some("meta"),
};
pub(crate) const TYPE_SPECS: MapSpec = MapSpec {
    c: TYPES,
    field: "extra_specs",
    envelope: "extra_specs",
    item: None,
};

/// The six calls of a string map on a record (`metadata`, `extra_specs`): list, merge,
/// replace, and one item's show, set and delete. `item` is the envelope of one item
/// (`meta`), or `None` for `{key: value}`.
pub(crate) fn map_routes(
    v: &mut Vol<'_>,
    req: &Req,
    spec: &MapSpec,
    id: &str,
    key: Option<&str>,
) -> Result<Reply, Fault> {
    let MapSpec {
        c,
        field,
        envelope,
        item,
    } = *spec;
    let r = v.find(c, id)?;
    let mut map = r
        .get(field)
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let body = req.json().unwrap_or(Value::Null);
    let text_map = |val: Option<&Value>| -> Result<Map<String, Value>, Fault> {
        let Some(Value::Object(o)) = val else {
            return Err(bad("Malformed request body"));
        };
        o.iter()
            .map(|(k, x)| match x {
                Value::String(_) => Ok((k.clone(), x.clone())),
                Value::Number(_) | Value::Bool(_) => Ok((k.clone(), json!(x.to_string()))),
                _ => Err(bad(format!(
                    "Invalid input received: value of {k} must be a string"
                ))),
            })
            .collect()
    };
    let answer = match (&req.method, key) {
        (&Method::GET, None) => return Ok(Reply::ok(json!({ envelope: map }))),
        (&Method::GET, Some(k)) => {
            let Some(x) = map.get(k) else {
                return Err(Fault::new(
                    404,
                    "itemNotFound",
                    format!(
                        "{} {id} has no metadata with key {k}.",
                        if c == TYPES {
                            "Volume Type"
                        } else {
                            "Resource"
                        }
                    ),
                ));
            };
            let one = json!({ k: x });
            return Ok(Reply::ok(match item {
                Some(e) => json!({ e: one }),
                None => one,
            }));
        }
        (&Method::POST, None) => {
            let given = text_map(body.get(envelope))?;
            map.extend(given.clone());
            if c == TYPES {
                json!({ envelope: given })
            } else {
                json!({ envelope: map })
            }
        }
        (&Method::PUT, None) => {
            map = text_map(body.get(envelope))?;
            json!({ envelope: map })
        }
        (&Method::PUT, Some(k)) => {
            let given = text_map(match item {
                Some(e) => body.get(e),
                None => Some(&body),
            })?;
            if given.len() != 1 || !given.contains_key(k) {
                return Err(bad("Request body and URI mismatch"));
            }
            map.extend(given.clone());
            match item {
                Some(e) => json!({ e: given }),
                None => Value::Object(given),
            }
        }
        (&Method::DELETE, Some(k)) => {
            if map.remove(k).is_none() {
                return Err(Fault::new(
                    404,
                    "itemNotFound",
                    format!("Metadata item was not found: {k}"),
                ));
            }
            Value::Null
        }
        _ => return Err(Fault::new(405, "badMethod", "The method is not allowed.")),
    };
    let now = stamp(v.now);
    v.st.set(c, id, json!({ field: map, "updated_at": now }));
    Ok(if answer.is_null() {
        Reply::empty(200)
    } else {
        Reply::ok(answer)
    })
}

// ----- limits and quotas -----

const QUOTA_DEFAULTS: &[(&str, i64)] = &[
    ("volumes", 10),
    ("snapshots", 10),
    ("gigabytes", 1000),
    ("backups", 10),
    ("backup_gigabytes", 1000),
    ("groups", 10),
    ("per_volume_gigabytes", -1),
];

fn quota_limit(st: &VolumeState, project: &str, key: &str) -> i64 {
    crate::records::quota_limit(&st.quotas, QUOTA_DEFAULTS, project, key)
}

fn usage(st: &VolumeState, project: &str, key: &str) -> i64 {
    let mine = |c: &str| {
        st.coll(c)
            .filter(|r| str_of(r, "project_id") == Some(project))
            .collect::<Vec<_>>()
    };
    let n = match key {
        "volumes" => mine(VOLUMES).len(),
        "snapshots" => mine(SNAPSHOTS).len(),
        "gigabytes" => mine(VOLUMES)
            .iter()
            .chain(mine(SNAPSHOTS).iter())
            .filter_map(|r| r.get("size").and_then(Value::as_u64))
            .sum::<u64>() as usize,
        _ => 0,
    };
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Cinder's quota check before a project's volumes, snapshots or gigabytes grow: each
/// `(key, amount)`, in the order given, must fit under its limit (`-1`: unlimited), and
/// a volume under `per_volume_gigabytes`; Cinder's 413, with its exception's name,
/// otherwise.
pub(crate) fn check_quota(
    st: &VolumeState,
    project: &str,
    adds: &[(&str, i64)],
) -> Result<(), Fault> {
    for &(key, n) in adds {
        let limit = quota_limit(st, project, key);
        if limit < 0 {
            continue;
        }
        let message = if key == "per_volume_gigabytes" {
            if n <= limit {
                continue;
            }
            format!(
                "VolumeSizeExceedsLimit: Requested volume size {n}G is larger than maximum allowed limit {limit}G."
            )
        } else {
            // What the project holds is counted only where a limit applies.
            let used = usage(st, project, key);
            if used + n <= limit {
                continue;
            }
            match key {
                "gigabytes" => format!(
                    "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested {n}G, quota is {limit}G and {used}G has been consumed."
                ),
                "snapshots" => format!(
                    "SnapshotLimitExceeded: Maximum number of snapshots allowed ({limit}) exceeded"
                ),
                _ => format!(
                    "VolumeLimitExceeded: Maximum number of volumes allowed ({limit}) exceeded for quota '{key}'."
                ),
            }
        };
        return Err(Fault::new(413, "overLimit", message));
    }
    Ok(())
}

/// The caller's limits, or (admins, 3.39) another project's.
fn limits(v: &Vol<'_>, req: &Req) -> Reply {
    let p = match req.q("project_id") {
        Some(other) if v.ctx.is_admin() && v.at_least(39) => other.to_string(),
        _ => v.project(),
    };
    let l = |k: &str| quota_limit(v.st, &p, k);
    let u = |k: &str| usage(v.st, &p, k);
    Reply::ok(json!({"limits": {"rate": [], "absolute": {
        "maxTotalVolumes": l("volumes"), "maxTotalSnapshots": l("snapshots"),
        "maxTotalVolumeGigabytes": l("gigabytes"), "maxTotalBackups": l("backups"),
        "maxTotalBackupGigabytes": l("backup_gigabytes"),
        "totalVolumesUsed": u("volumes"), "totalSnapshotsUsed": u("snapshots"),
        "totalGigabytesUsed": u("gigabytes"), "totalBackupsUsed": 0,
        "totalBackupGigabytesUsed": 0}}}))
}

/// The per-type quota keys: `volumes_<type>`, `snapshots_<type>`, `gigabytes_<type>`
/// for every volume type.
fn per_type_keys(st: &VolumeState) -> Vec<String> {
    st.coll(TYPES)
        .filter_map(|t| str_of(t, "name"))
        .flat_map(|n| ["volumes", "snapshots", "gigabytes"].map(|k| format!("{k}_{n}")))
        .collect()
}

fn quota_set(st: &VolumeState, project: &str, with_usage: bool) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(project));
    let keys = QUOTA_DEFAULTS
        .iter()
        .map(|(k, _)| k.to_string())
        .chain(per_type_keys(st));
    for k in keys {
        let limit = quota_limit(st, project, &k);
        let value = if with_usage {
            json!({"limit": limit, "in_use": usage(st, project, &k), "reserved": 0, "allocated": 0})
        } else {
            json!(limit)
        };
        m.insert(k, value);
    }
    Value::Object(m)
}

fn quota_sets(v: &mut Vol<'_>, req: &Req, p: &str, more: &[&str]) -> Result<Reply, Fault> {
    let own = v.ctx.project_id() == Some(p);
    match (&req.method, more) {
        (&Method::GET, []) => {
            if !own {
                v.admin_only("volume_extension:quotas:show")?;
            }
            let with_usage = req
                .query
                .iter()
                .any(|(k, x)| k == "usage" && x.eq_ignore_ascii_case("true"));
            Ok(Reply::ok(
                json!({"quota_set": quota_set(v.st, p, with_usage)}),
            ))
        }
        (&Method::GET, ["defaults"]) => Ok(Reply::ok(
            json!({"quota_set": quota_set(&VolumeState::default(), p, false)}),
        )),
        (&Method::PUT, []) => {
            v.admin_only("volume_extension:quotas:update")?;
            let body = req.json().unwrap_or(Value::Null);
            let Some(given) = body.get("quota_set").and_then(Value::as_object) else {
                return Err(bad("Missing required element 'quota_set' in request body."));
            };
            let mut entry = v.st.quotas.get(p).cloned().unwrap_or_default();
            for (k, x) in given {
                let known =
                    QUOTA_DEFAULTS.iter().any(|(q, _)| q == k) || per_type_keys(v.st).contains(k);
                if !known {
                    return Err(bad(format!("Bad key(s) in quota set: {k}")));
                }
                let Some(n) = x
                    .as_i64()
                    .or_else(|| x.as_str().and_then(|s| s.parse().ok()))
                else {
                    return Err(bad(format!(
                        "Invalid input received: {k} must be an integer."
                    )));
                };
                if n < -1 {
                    return Err(bad(format!(
                        "Invalid input received: Quota limit {n} for {k} must be -1 or greater."
                    )));
                }
                entry.insert(k.clone(), n);
            }
            v.st.quotas.insert(p.to_string(), entry);
            let mut q = quota_set(v.st, p, false);
            if let Value::Object(o) = &mut q {
                o.remove("id");
            }
            Ok(Reply::ok(json!({ "quota_set": q })))
        }
        (&Method::DELETE, []) => {
            v.admin_only("volume_extension:quotas:delete")?;
            v.st.quotas.remove(p);
            Ok(Reply::empty(200))
        }
        _ => Err(Fault::new(
            404,
            "itemNotFound",
            "The resource could not be found.",
        )),
    }
}

/// Projects' default volume types (3.62, admins): set, show, list, unset.
fn default_types(v: &mut Vol<'_>, req: &Req, more: &[&str]) -> Result<Reply, Fault> {
    v.admin_only("volume_extension:default_set_or_update")?;
    let view = |p: &str, t: &str| json!({"project_id": p, "volume_type_id": t});
    match (&req.method, more) {
        (&Method::GET, []) => {
            let all: Vec<Value> = v.st.default_types.iter().map(|(p, t)| view(p, t)).collect();
            Ok(Reply::ok(json!({ "default_types": all })))
        }
        (&Method::GET, [p]) => match v.st.default_types.get(*p) {
            Some(t) => Ok(Reply::ok(json!({"default_type": view(p, t)}))),
            None => Err(Fault::new(
                404,
                "itemNotFound",
                format!("Default type for project {p} could not be found."),
            )),
        },
        (&Method::PUT, [p]) => {
            let name = req
                .json()
                .and_then(|b| {
                    b["default_type"]["volume_type"]
                        .as_str()
                        .map(str::to_string)
                })
                .ok_or_else(|| bad("Missing required element 'default_type' in request body."))?;
            let t =
                v.st.coll(TYPES)
                    .find(|t| {
                        str_of(t, "name") == Some(name.as_str())
                            || str_of(t, "id") == Some(name.as_str())
                    })
                    .and_then(|t| str_of(t, "id").map(str::to_string))
                    .ok_or_else(|| not_found(TYPES, &name))?;
            v.st.default_types.insert(p.to_string(), t.clone());
            Ok(Reply::ok(json!({"default_type": view(p, &t)})))
        }
        (&Method::DELETE, [p]) => {
            v.st.default_types.remove(*p);
            Ok(Reply::empty(204))
        }
        _ => Err(Fault::new(
            404,
            "itemNotFound",
            "The resource could not be found.",
        )),
    }
}

/// The devcloud's default volume type, `__DEFAULT__`.
pub(crate) fn seed(now: DateTime<Utc>) -> VolumeState {
    let mut st = VolumeState::default();
    let mut t = Map::new();
    t.extend(
        json!({"id": crate::ids::uuid(), "name": "__DEFAULT__", "description": "Default Volume Type",
            "is_public": true, "extra_specs": {}, "qos_specs_id": null, "project_id": "",
            "created_at": stamp(now)})
        .as_object()
        .cloned()
        .unwrap_or_default(),
    );
    st.insert(TYPES, t);
    st
}
