//! Volume types: public and private ones, extra specs, project access, encryption and
//! the default type.

use http::Method;
use serde_json::{Map, Value, json};

use super::{TYPES, VOLUMES, Vol, bad, map_routes, not_found};
use crate::http_util::{Reply, Req};
use crate::records::{Collections, Fault, ListSpec, Record, list_page, pick, str_of};

fn access(r: &Record) -> Vec<String> {
    r.get("access")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|p| p.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn public(r: &Record) -> bool {
    r.get("is_public").and_then(Value::as_bool).unwrap_or(true)
}

/// Whether the caller sees the type: public, granted to its project, or an admin.
fn sees(v: &Vol<'_>, r: &Record) -> bool {
    v.ctx.is_admin()
        || public(r)
        || v.ctx
            .project_id()
            .is_some_and(|p| access(r).iter().any(|a| a == p))
}

fn view(v: &Vol<'_>, r: &Record) -> Record {
    let mut o = pick(
        r,
        &["id", "name", "description", "is_public", "qos_specs_id"],
    );
    o.insert(
        "extra_specs".into(),
        r.get("extra_specs").cloned().unwrap_or(json!({})),
    );
    if v.ctx.is_admin() {
        o.insert("os-volume-type-access:is_public".into(), json!(public(r)));
    }
    o
}

fn find(v: &Vol<'_>, id: &str) -> Result<Record, Fault> {
    if id == "default" {
        return v
            .st
            .coll(TYPES)
            .find(|t| str_of(t, "name") == Some("__DEFAULT__"))
            .cloned()
            .ok_or_else(|| not_found(TYPES, id));
    }
    v.st.get(TYPES, id)
        .filter(|r| sees(v, r))
        .cloned()
        .ok_or_else(|| {
            Fault::new(
                404,
                "itemNotFound",
                format!("Volume type {id} could not be found."),
            )
        })
}

pub(super) fn route(v: &mut Vol<'_>, req: &Req, rest: &[&str]) -> Result<Reply, Fault> {
    match (req.method.clone(), &rest[1..]) {
        (Method::GET, []) => list(v, req),
        (Method::POST, []) => create(v, req),
        (Method::GET, [id]) => {
            let r = find(v, id)?;
            Ok(Reply::ok(json!({"volume_type": view(v, &r)})))
        }
        (Method::PUT, [id]) => update(v, req, id),
        (Method::DELETE, [id]) => delete(v, id),
        (_, [id, "extra_specs"]) => {
            if req.method != Method::GET {
                v.admin_only("volume_extension:types_extra_specs:create")?;
            }
            map_routes(v, req, &super::TYPE_SPECS, id, None)
        }
        (_, [id, "extra_specs", key]) => {
            if req.method != Method::GET {
                v.admin_only("volume_extension:types_extra_specs:update")?;
            }
            map_routes(v, req, &super::TYPE_SPECS, id, Some(key))
        }
        (Method::GET, [id, "os-volume-type-access"]) => {
            v.admin_only("volume_extension:volume_type_access")?;
            let r = find(v, id)?;
            if public(&r) {
                return Err(Fault::new(
                    404,
                    "itemNotFound",
                    format!("Access list not available for public volume type {id}."),
                ));
            }
            let list: Vec<Value> = access(&r)
                .iter()
                .map(|p| json!({"volume_type_id": id, "project_id": p}))
                .collect();
            Ok(Reply::ok(json!({ "volume_type_access": list })))
        }
        (Method::POST, [id, "action"]) => action(v, req, id),
        (_, [id, "encryption", more @ ..]) => encryption(v, req, id, more),
        _ => Err(Fault::new(
            404,
            "itemNotFound",
            "The resource could not be found.",
        )),
    }
}

fn list(v: &mut Vol<'_>, req: &Req) -> Result<Reply, Fault> {
    let wanted = req
        .query
        .iter()
        .find(|(k, _)| k == "is_public")
        .map(|(_, x)| x.to_lowercase());
    let specs: Option<Map<String, Value>> = match req.query.iter().find(|(k, _)| k == "extra_specs")
    {
        Some((_, x)) => Some(
            serde_json::from_str(x)
                .or_else(|_| serde_json::from_str(&x.replace('\'', "\"")))
                .map_err(|_| bad(format!("Invalid filter extra_specs: {x}")))?,
        ),
        None => None,
    };
    let rows: Vec<Record> =
        v.st.coll(TYPES)
            .filter(|r| sees(v, r))
            .filter(|r| match wanted.as_deref() {
                None | Some("true") if v.ctx.is_admin() => public(r),
                Some("false") => !public(r),
                Some("none") => true,
                _ => true,
            })
            .filter(|r| {
                specs.as_ref().is_none_or(|want| {
                    let have = r.get("extra_specs").and_then(Value::as_object);
                    want.iter()
                        .all(|(k, x)| have.and_then(|h| h.get(k)) == Some(x))
                })
            })
            .map(|r| view(v, r))
            .collect();
    let spec = ListSpec {
        plural: "volume_types",
        url: format!("{}/types", v.url),
        skip: &["is_public", "extra_specs"],
    };
    Ok(Reply::ok(list_page(rows, &req.query, &spec)?))
}

fn is_public_of(b: &Map<String, Value>) -> Option<bool> {
    b.get("os-volume-type-access:is_public")
        .or_else(|| b.get("is_public"))
        .and_then(|x| {
            x.as_bool()
                .or_else(|| x.as_str().map(|s| s.eq_ignore_ascii_case("true")))
        })
}

fn body(req: &Req) -> Result<Map<String, Value>, Fault> {
    match req.json().and_then(|b| b.get("volume_type").cloned()) {
        Some(Value::Object(o)) => Ok(o),
        _ => Err(bad(
            "Missing required element 'volume_type' in request body.",
        )),
    }
}

fn create(v: &mut Vol<'_>, req: &Req) -> Result<Reply, Fault> {
    v.admin_only("volume_extension:types_manage")?;
    let b = body(req)?;
    let Some(name) = b
        .get("name")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|n| !n.is_empty())
    else {
        return Err(bad("Volume type name can not be empty."));
    };
    if v.st.coll(TYPES).any(|t| str_of(t, "name") == Some(name)) {
        return Err(Fault::new(
            409,
            "conflictingRequest",
            format!("Volume Type {name} already exists."),
        ));
    }
    let mut r = Map::new();
    r.extend(
        json!({"id": crate::ids::uuid(), "name": name,
            "description": b.get("description").cloned().unwrap_or(Value::Null),
            "is_public": is_public_of(&b).unwrap_or(true),
            "extra_specs": b.get("extra_specs").cloned().unwrap_or(json!({})),
            "qos_specs_id": null, "access": [], "project_id": ""})
        .as_object()
        .cloned()
        .unwrap_or_default(),
    );
    let out = view(v, &r);
    v.st.insert(TYPES, r);
    Ok(Reply::ok(json!({ "volume_type": out })))
}

fn update(v: &mut Vol<'_>, req: &Req, id: &str) -> Result<Reply, Fault> {
    v.admin_only("volume_extension:types_manage")?;
    find(v, id)?;
    let b = body(req)?;
    let mut patch = Map::new();
    if let Some(n) = b.get("name") {
        patch.insert("name".into(), n.clone());
    }
    if let Some(d) = b.get("description") {
        patch.insert("description".into(), d.clone());
    }
    if let Some(p) = is_public_of(&b) {
        patch.insert("is_public".into(), json!(p));
    }
    v.st.set(TYPES, id, Value::Object(patch));
    let r = find(v, id)?;
    Ok(Reply::ok(json!({"volume_type": view(v, &r)})))
}

fn delete(v: &mut Vol<'_>, id: &str) -> Result<Reply, Fault> {
    v.admin_only("volume_extension:types_manage")?;
    let r = find(v, id)?;
    if str_of(&r, "name") == Some("__DEFAULT__") {
        return Err(bad(
            "Target volume type is the default volume type and cannot be deleted.",
        ));
    }
    if v.st
        .coll(VOLUMES)
        .any(|x| str_of(x, "volume_type_id") == Some(id))
    {
        return Err(bad("Target volume type is still in use."));
    }
    if let Some(c) = v.st.colls.get_mut(TYPES) {
        c.remove(id);
    }
    Ok(Reply::empty(202))
}

fn action(v: &mut Vol<'_>, req: &Req, id: &str) -> Result<Reply, Fault> {
    v.admin_only("volume_extension:volume_type_access:addProjectAccess")?;
    let r = find(v, id)?;
    let b = req.json().unwrap_or(Value::Null);
    let (add, args) = match (b.get("addProjectAccess"), b.get("removeProjectAccess")) {
        (Some(a), _) => (true, a),
        (_, Some(a)) => (false, a),
        _ => return Err(bad("Invalid action.")),
    };
    let Some(project) = args.get("project").and_then(Value::as_str) else {
        return Err(bad("Missing required element 'project'."));
    };
    if public(&r) {
        return Err(bad(
            "Invalid volume type: Type access modification is not applicable to public volume type.",
        ));
    }
    let mut list = access(&r);
    let has = list.iter().any(|p| p == project);
    match (add, has) {
        (true, true) => {
            return Err(Fault::new(
                409,
                "conflictingRequest",
                format!("Volume type access for {id} / {project} combination already exists."),
            ));
        }
        (false, false) => {
            return Err(Fault::new(
                404,
                "itemNotFound",
                format!("Volume type access not found for {id} / {project} combination."),
            ));
        }
        (true, false) => list.push(project.to_string()),
        (false, true) => list.retain(|p| p != project),
    }
    v.st.set(TYPES, id, json!({ "access": list }));
    Ok(Reply::empty(202))
}

fn encryption(v: &mut Vol<'_>, req: &Req, id: &str, more: &[&str]) -> Result<Reply, Fault> {
    let r = find(v, id)?;
    let current = r.get("encryption").and_then(Value::as_object).cloned();
    let given = || -> Result<Map<String, Value>, Fault> {
        match req.json().and_then(|b| b.get("encryption").cloned()) {
            Some(Value::Object(o)) => Ok(o),
            _ => Err(bad(
                "Missing required element 'encryption' in request body.",
            )),
        }
    };
    match (req.method.clone(), more) {
        (Method::GET, []) => Ok(Reply::ok(Value::Object(current.unwrap_or_default()))),
        (Method::GET, [key]) => {
            let x = current
                .as_ref()
                .and_then(|c| c.get(*key))
                .cloned()
                .unwrap_or(Value::Null);
            Ok(Reply::ok(json!({ *key: x })))
        }
        (Method::POST, []) => {
            v.admin_only("volume_extension:volume_type_encryption")?;
            if current.is_some() {
                return Err(bad(format!(
                    "Volume type encryption for type {id} already exists."
                )));
            }
            let mut e = given()?;
            if e.get("control_location").is_none() {
                e.insert("control_location".into(), json!("front-end"));
            }
            e.insert("encryption_id".into(), json!(crate::ids::uuid()));
            e.insert("volume_type_id".into(), json!(id));
            v.st.set(TYPES, id, json!({ "encryption": e.clone() }));
            Ok(Reply::ok(json!({ "encryption": e })))
        }
        (Method::PUT, [_]) => {
            v.admin_only("volume_extension:volume_type_encryption")?;
            let Some(mut e) = current else {
                return Err(Fault::new(
                    404,
                    "itemNotFound",
                    format!("Volume type encryption for type {id} does not exist."),
                ));
            };
            let changes = given()?;
            e.extend(changes.clone());
            v.st.set(TYPES, id, json!({ "encryption": e }));
            Ok(Reply::ok(json!({ "encryption": changes })))
        }
        (Method::DELETE, [_]) => {
            v.admin_only("volume_extension:volume_type_encryption")?;
            if current.is_none() {
                return Err(Fault::new(
                    404,
                    "itemNotFound",
                    format!("Volume type encryption for type {id} does not exist."),
                ));
            }
            if let Some(t) = v.st.get_mut(TYPES, id) {
                t.remove("encryption");
            }
            Ok(Reply::empty(202))
        }
        _ => Err(Fault::new(
            404,
            "itemNotFound",
            "The resource could not be found.",
        )),
    }
}
