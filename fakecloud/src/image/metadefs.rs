//! Glance's metadata definitions under `/image/v2/metadefs`: namespaces with their
//! objects, properties, tags and resource type associations (admins only, as Glance's
//! defaults have it).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use http::Method;
use serde_json::{Map, Value, json};

use super::{error, glance_time, page};
use crate::http_util::{Ctx, Reply, Req};

/// The namespaces by name, and the resource types the associations named.
#[derive(Debug, Clone, Default)]
pub(crate) struct Metadefs {
    namespaces: BTreeMap<String, Namespace>,
    resource_types: BTreeMap<String, String>,
}

/// A namespace: its own fields, and its contents.
#[derive(Debug, Clone, Default)]
struct Namespace {
    /// `namespace`, `display_name`, `description`, `visibility`, `protected`, `owner`,
    /// `created_at`, `updated_at`.
    record: Map<String, Value>,
    /// Properties by name (without their name).
    properties: Map<String, Value>,
    objects: Vec<Map<String, Value>>,
    tags: Vec<Map<String, Value>>,
    associations: Vec<Map<String, Value>>,
}

/// A record with `created_at` and `updated_at` of `now`.
fn dated(mut m: Map<String, Value>, now: &str) -> Map<String, Value> {
    m.insert("created_at".into(), json!(now));
    m.insert("updated_at".into(), json!(now));
    m
}

/// The JSON object of a body (an empty one for anything else).
fn object(v: &Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

fn name_of(m: &Map<String, Value>) -> &str {
    m.get("name").and_then(Value::as_str).unwrap_or_default()
}

fn missing(what: &str, name: &str, ns: &str) -> Reply {
    error(
        404,
        &format!("Metadata definition {what} not found for namespace={ns}: {name}"),
    )
}

fn duplicate(what: &str, name: &str, ns: &str) -> Reply {
    error(
        409,
        &format!("A metadata definition {what} with name={name} already exists in namespace={ns}."),
    )
}

/// Renames the keys of a properties map with a resource type's prefix.
fn prefixed(props: &Map<String, Value>, prefix: &str) -> Value {
    Value::Object(
        props
            .iter()
            .map(|(k, v)| (format!("{prefix}{k}"), v.clone()))
            .collect(),
    )
}

impl Namespace {
    fn name(&self) -> String {
        self.record
            .get("namespace")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    }

    fn link(&self) -> String {
        format!("/v2/metadefs/namespaces/{}", self.name())
    }

    /// Its own fields with `self` and `schema`.
    fn summary(&self) -> Map<String, Value> {
        let mut m = self.record.clone();
        m.insert("self".into(), json!(self.link()));
        m.insert("schema".into(), json!("/v2/schemas/metadefs/namespace"));
        m
    }

    /// Everything, names prefixed as the association with `resource_type` asks.
    fn full(&self, resource_type: Option<&str>) -> Value {
        let prefix = resource_type
            .and_then(|rt| self.associations.iter().find(|a| name_of(a) == rt))
            .and_then(|a| a.get("prefix").and_then(Value::as_str))
            .unwrap_or_default();
        let mut m = self.summary();
        m.insert("properties".into(), prefixed(&self.properties, prefix));
        let objects: Vec<Value> = self
            .objects
            .iter()
            .map(|o| {
                let mut o = o.clone();
                if let Some(Value::Object(p)) = o.get("properties") {
                    let p = prefixed(p, prefix);
                    o.insert("properties".into(), p);
                }
                if let Some(Value::Array(r)) = o.get("required") {
                    let r: Vec<Value> = r
                        .iter()
                        .map(|n| json!(format!("{prefix}{}", n.as_str().unwrap_or_default())))
                        .collect();
                    o.insert("required".into(), json!(r));
                }
                Value::Object(o)
            })
            .collect();
        m.insert("objects".into(), json!(objects));
        m.insert("tags".into(), json!(self.tags));
        m.insert(
            "resource_type_associations".into(),
            json!(self.associations),
        );
        Value::Object(m)
    }

    /// The namespace fields of a create or update body: what is not given is reset.
    fn set_fields(&mut self, body: &Map<String, Value>) {
        for key in ["namespace", "display_name", "description"] {
            match body.get(key).filter(|v| v.is_string()) {
                Some(v) => self.record.insert(key.into(), v.clone()),
                None => self.record.remove(key),
            };
        }
        let visibility = body
            .get("visibility")
            .and_then(Value::as_str)
            .filter(|v| matches!(*v, "public" | "private"))
            .unwrap_or("private");
        self.record.insert("visibility".into(), json!(visibility));
        let protected = body
            .get("protected")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        self.record.insert("protected".into(), json!(protected));
    }
}

/// An object as Glance shows it, with its link under the namespace's `link`.
fn object_json(link: &str, o: &Map<String, Value>) -> Value {
    let mut o = o.clone();
    o.insert(
        "self".into(),
        json!(format!("{link}/objects/{}", name_of(&o))),
    );
    o.insert("schema".into(), json!("/v2/schemas/metadefs/object"));
    Value::Object(o)
}

/// Adds a record to a list of named ones (objects, tags): `409` for a name taken.
fn create_named(
    list: &mut Vec<Map<String, Value>>,
    (what, ns): (&str, &str),
    record: Map<String, Value>,
    show: impl Fn(&Map<String, Value>) -> Value,
) -> Reply {
    let name = name_of(&record).to_string();
    if list.iter().any(|r| name_of(r) == name) {
        return duplicate(what, &name, ns);
    }
    let answer = show(&record);
    list.push(record);
    Reply::json(201, answer)
}

/// Shows, replaces (a rename included; `created_at` kept) or deletes the record `name`
/// of a list of named ones.
fn one_named(
    list: &mut Vec<Map<String, Value>>,
    (what, ns): (&str, &str),
    (call, name): (Call<'_>, &str),
    build: impl Fn(&Map<String, Value>) -> Map<String, Value>,
    show: impl Fn(&Map<String, Value>) -> Value,
) -> Reply {
    let Some(i) = list.iter().position(|r| name_of(r) == name) else {
        return missing(what, name, ns);
    };
    match call.req.method {
        Method::GET => Reply::ok(show(&list[i])),
        Method::PUT => {
            let Some(n) = call.body.get("name").and_then(Value::as_str) else {
                return error(400, "'name' is a required property");
            };
            if n != name && list.iter().any(|r| name_of(r) == n) {
                return duplicate(what, n, ns);
            }
            let mut record = build(call.body);
            if let Some(created) = list[i].get("created_at") {
                record.insert("created_at".into(), created.clone());
            }
            let answer = show(&record);
            list[i] = record;
            Reply::ok(answer)
        }
        Method::DELETE => {
            list.remove(i);
            Reply::empty(204)
        }
        _ => error(405, "The method is not allowed for this resource."),
    }
}

/// An object of a body: its name, description, properties and required names, dated.
fn new_object(body: &Map<String, Value>, now: &str) -> Map<String, Value> {
    let mut o = Map::new();
    o.insert(
        "name".into(),
        body.get("name").cloned().unwrap_or(Value::Null),
    );
    if let Some(d) = body.get("description").filter(|d| d.is_string()) {
        o.insert("description".into(), d.clone());
    }
    o.insert(
        "properties".into(),
        body.get("properties").cloned().unwrap_or_else(|| json!({})),
    );
    o.insert(
        "required".into(),
        body.get("required").cloned().unwrap_or_else(|| json!([])),
    );
    dated(o, now)
}

/// A request on a namespace's contents: the request, its JSON body, the path below the
/// kind of contents, the time as Glance writes it.
#[derive(Clone, Copy)]
struct Call<'a> {
    req: &'a Req,
    body: &'a Map<String, Value>,
    rest: &'a [&'a str],
    now: &'a str,
}

/// Requests under `/v2/metadefs` (the caller checked the admin role).
pub(crate) fn handle(
    m: &mut Metadefs,
    req: &Req,
    ctx: &Ctx,
    rest: &[&str],
    now: DateTime<Utc>,
) -> Reply {
    let now = glance_time(now);
    let body = req.json().map(|b| object(&b)).unwrap_or_default();
    match (&req.method, rest) {
        (&Method::GET, ["resource_types"]) => {
            let rows: Vec<Value> = m
                .resource_types
                .iter()
                .map(|(name, at)| json!({"name": name, "created_at": at, "updated_at": at}))
                .collect();
            Reply::ok(json!({ "resource_types": rows }))
        }
        (&Method::GET, ["namespaces"]) => {
            let types: Vec<&str> = req
                .q("resource_types")
                .map(|t| t.split(',').collect())
                .unwrap_or_default();
            let rows: Vec<Value> = m
                .namespaces
                .values()
                .filter(|n| {
                    types.is_empty() || n.associations.iter().any(|a| types.contains(&name_of(a)))
                })
                .filter(|n| {
                    req.q("visibility")
                        .is_none_or(|v| n.record.get("visibility") == Some(&json!(v)))
                })
                .map(|n| {
                    let mut s = n.summary();
                    s.insert("resource_type_associations".into(), json!(n.associations));
                    Value::Object(s)
                })
                .collect();
            match page(
                req,
                rows,
                ("/v2/metadefs/namespaces", "namespace"),
                "created_at",
            ) {
                Ok((rows, next)) => {
                    let mut body = json!({"namespaces": rows, "first": "/v2/metadefs/namespaces",
                        "schema": "/v2/schemas/metadefs/namespaces"});
                    if let Some(n) = next {
                        body["next"] = json!(n);
                    }
                    Reply::ok(body)
                }
                Err(r) => r,
            }
        }
        (&Method::POST, ["namespaces"]) => {
            let Some(name) = body
                .get("namespace")
                .and_then(Value::as_str)
                .map(str::to_string)
            else {
                return error(
                    400,
                    "Provided object does not match schema 'namespace': 'namespace' is a required property",
                );
            };
            if m.namespaces.contains_key(&name) {
                return error(
                    409,
                    &format!("Metadata definition namespace={name} already exists."),
                );
            }
            let mut ns = Namespace::default();
            ns.set_fields(&body);
            ns.record
                .insert("owner".into(), json!(ctx.project_id().unwrap_or_default()));
            ns.record = dated(std::mem::take(&mut ns.record), &now);
            ns.properties = body.get("properties").map(object).unwrap_or_default();
            let list = |k: &str| -> Vec<Map<String, Value>> {
                body.get(k)
                    .and_then(Value::as_array)
                    .map(|a| a.iter().map(object).collect())
                    .unwrap_or_default()
            };
            ns.objects = list("objects")
                .iter()
                .map(|o| new_object(o, &now))
                .collect();
            ns.tags = list("tags").into_iter().map(|t| dated(t, &now)).collect();
            ns.associations = list("resource_type_associations")
                .into_iter()
                .map(|a| dated(a, &now))
                .collect();
            for a in &ns.associations {
                m.resource_types
                    .entry(name_of(a).to_string())
                    .or_insert(now.clone());
            }
            // The answer echoes the contents as sent.
            let mut answer = ns.summary();
            for k in [
                "properties",
                "objects",
                "tags",
                "resource_type_associations",
            ] {
                if let Some(v) = body.get(k) {
                    answer.insert(k.into(), v.clone());
                }
            }
            let link = ns.link();
            m.namespaces.insert(name, ns);
            Reply::json(201, Value::Object(answer)).header("Location", link)
        }
        (_, ["namespaces", name, rest @ ..]) => {
            let name = name.to_string();
            let Some(ns) = m.namespaces.get_mut(&name) else {
                return error(
                    404,
                    &format!("Metadata definition namespace={name} was not found."),
                );
            };
            match (&req.method, rest) {
                (&Method::GET, []) => Reply::ok(ns.full(req.q("resource_type"))),
                (&Method::PUT, []) => {
                    let renamed = body
                        .get("namespace")
                        .and_then(Value::as_str)
                        .unwrap_or(&name)
                        .to_string();
                    if renamed != name && m.namespaces.contains_key(&renamed) {
                        return error(
                            409,
                            &format!("Metadata definition namespace={renamed} already exists."),
                        );
                    }
                    let Some(mut ns) = m.namespaces.remove(&name) else {
                        return error(
                            404,
                            &format!("Metadata definition namespace={name} was not found."),
                        );
                    };
                    ns.set_fields(&body);
                    ns.record.insert("namespace".into(), json!(renamed));
                    ns.record.insert("updated_at".into(), json!(now));
                    let answer = Value::Object(ns.summary());
                    m.namespaces.insert(renamed, ns);
                    Reply::ok(answer)
                }
                (&Method::DELETE, []) => {
                    if ns.record.get("protected") == Some(&json!(true)) {
                        return error(
                            403,
                            &format!("Namespace {name} is protected and cannot be deleted."),
                        );
                    }
                    m.namespaces.remove(&name);
                    Reply::empty(204)
                }
                (_, [part, rest @ ..]) => {
                    let call = Call {
                        req,
                        body: &body,
                        rest,
                        now: &now,
                    };
                    match *part {
                        "objects" => objects(ns, call),
                        "properties" => properties(ns, call),
                        "tags" => tags(ns, call),
                        "resource_types" => associations(ns, &mut m.resource_types, call),
                        _ => error(404, "The resource could not be found."),
                    }
                }
                _ => error(404, "The resource could not be found."),
            }
        }
        _ => error(404, "The resource could not be found."),
    }
}

fn objects(ns: &mut Namespace, call: Call<'_>) -> Reply {
    let (ns_name, link) = (ns.name(), ns.link());
    let show = |o: &Map<String, Value>| object_json(&link, o);
    let build = |body: &Map<String, Value>| new_object(body, call.now);
    match (&call.req.method, call.rest) {
        (&Method::GET, []) => {
            let rows: Vec<Value> = ns.objects.iter().map(show).collect();
            Reply::ok(json!({"objects": rows, "schema": "/v2/schemas/metadefs/objects"}))
        }
        (&Method::POST, []) => {
            if call.body.get("name").and_then(Value::as_str).is_none() {
                return error(400, "'name' is a required property");
            }
            let record = build(call.body);
            create_named(&mut ns.objects, ("object", &ns_name), record, show)
        }
        (&Method::DELETE, []) => {
            ns.objects.clear();
            Reply::empty(204)
        }
        (_, [name]) => {
            let what = ("object", ns_name.as_str());
            one_named(&mut ns.objects, what, (call, name), build, show)
        }
        _ => error(404, "The resource could not be found."),
    }
}

fn properties(ns: &mut Namespace, call: Call<'_>) -> Reply {
    let Call {
        req, body, rest, ..
    } = call;
    let ns_name = ns.name();
    // A property as stored (without its name), from a body.
    let stored = |body: &Map<String, Value>| {
        let mut p = body.clone();
        p.remove("name");
        p
    };
    let named = |name: &str, p: &Value| {
        let mut p = object(p);
        p.insert("name".into(), json!(name));
        Value::Object(p)
    };
    let given = body.get("name").and_then(Value::as_str).map(str::to_string);
    match (&req.method, rest) {
        (&Method::GET, []) => Reply::ok(json!({"properties": ns.properties})),
        (&Method::POST, []) => {
            let Some(n) = given else {
                return error(400, "'name' is a required property");
            };
            if ns.properties.contains_key(&n) {
                return duplicate("property", &n, &ns_name);
            }
            let p = Value::Object(stored(body));
            let answer = named(&n, &p);
            ns.properties.insert(n, p);
            Reply::json(201, answer)
        }
        (&Method::DELETE, []) => {
            ns.properties.clear();
            Reply::empty(204)
        }
        (method, [name]) => {
            // With a resource type, the name carries its prefix.
            let base = match req.q("resource_type") {
                Some(rt) => {
                    let prefix = ns
                        .associations
                        .iter()
                        .find(|a| name_of(a) == rt)
                        .and_then(|a| a.get("prefix").and_then(Value::as_str))
                        .unwrap_or_default();
                    name.strip_prefix(prefix).map(str::to_string)
                }
                None => Some(name.to_string()),
            };
            let Some(base) = base.filter(|b| ns.properties.contains_key(b)) else {
                return missing("property", name, &ns_name);
            };
            match *method {
                Method::GET => Reply::ok(named(
                    &base,
                    ns.properties.get(&base).unwrap_or(&Value::Null),
                )),
                Method::PUT => {
                    let n = given.unwrap_or_else(|| base.clone());
                    if n != base && ns.properties.contains_key(&n) {
                        return duplicate("property", &n, &ns_name);
                    }
                    ns.properties.remove(&base);
                    let p = Value::Object(stored(body));
                    let answer = named(&n, &p);
                    ns.properties.insert(n, p);
                    Reply::ok(answer)
                }
                Method::DELETE => {
                    ns.properties.remove(&base);
                    Reply::empty(204)
                }
                _ => error(405, "The method is not allowed for this resource."),
            }
        }
        _ => error(404, "The resource could not be found."),
    }
}

fn tags(ns: &mut Namespace, call: Call<'_>) -> Reply {
    let Call {
        req,
        body,
        rest,
        now,
    } = call;
    let ns_name = ns.name();
    let show = |t: &Map<String, Value>| Value::Object(t.clone());
    let tag = |n: &str| dated(Map::from_iter([("name".to_string(), json!(n))]), now);
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let rows: Vec<Value> = ns.tags.iter().cloned().map(Value::Object).collect();
            match page(req, rows, ("", "name"), "created_at") {
                Ok((rows, _)) => Reply::ok(json!({ "tags": rows })),
                Err(r) => r,
            }
        }
        (&Method::POST, []) => {
            let names: Vec<String> = body
                .get("tags")
                .and_then(Value::as_array)
                .map(|a| a.iter().map(|t| name_of(&object(t)).to_string()).collect())
                .unwrap_or_default();
            let append = req
                .header("x-openstack-append")
                .is_some_and(|v| v.eq_ignore_ascii_case("true"));
            let mut kept = if append { ns.tags.clone() } else { Vec::new() };
            for n in &names {
                if kept.iter().any(|t| name_of(t) == n) {
                    return duplicate("tag", n, &ns_name);
                }
                kept.push(tag(n));
            }
            ns.tags = kept;
            let answer: Vec<Value> = names.iter().map(|n| json!({ "name": n })).collect();
            Reply::json(201, json!({ "tags": answer }))
        }
        (&Method::DELETE, []) => {
            ns.tags.clear();
            Reply::empty(204)
        }
        (&Method::POST, [name]) => {
            let record = tag(name);
            create_named(&mut ns.tags, ("tag", &ns_name), record, show)
        }
        (_, [name]) => {
            let build = |body: &Map<String, Value>| tag(name_of(body));
            let what = ("tag", ns_name.as_str());
            one_named(&mut ns.tags, what, (call, name), build, show)
        }
        _ => error(404, "The resource could not be found."),
    }
}

fn associations(ns: &mut Namespace, types: &mut BTreeMap<String, String>, call: Call<'_>) -> Reply {
    let ns_name = ns.name();
    match (&call.req.method, call.rest) {
        (&Method::GET, []) => Reply::ok(json!({"resource_type_associations": ns.associations})),
        (&Method::POST, []) => {
            let Some(n) = call.body.get("name").and_then(Value::as_str) else {
                return error(400, "'name' is a required property");
            };
            if ns.associations.iter().any(|a| name_of(a) == n) {
                return duplicate("resource type association", n, &ns_name);
            }
            let a = dated(call.body.clone(), call.now);
            types
                .entry(n.to_string())
                .or_insert_with(|| call.now.to_string());
            ns.associations.push(a.clone());
            Reply::json(201, Value::Object(a))
        }
        (&Method::DELETE, [name]) => {
            match ns.associations.iter().position(|a| name_of(a) == *name) {
                Some(i) => {
                    ns.associations.remove(i);
                    Reply::empty(204)
                }
                None => missing("resource type association", name, &ns_name),
            }
        }
        _ => error(404, "The resource could not be found."),
    }
}
