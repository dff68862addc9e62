//! Neutron v2.0 under `/network`: networks, subnets, ports, routers, floating IPs,
//! security groups and rules, subnet pools, address scopes, quotas, tags and the
//! extension list, each resource a declaration over one generic JSON collection.

mod ipam;
mod nova;
mod proxy;
mod resources;

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::App;
use crate::http_util::{Ctx, Reply, Req, authenticate, keystone_error};
use crate::records::{
    Collections, Fault, ListSpec, Record, Records, create_bodies, list_page, str_of, update_body,
};
use crate::state::State;

pub(crate) use nova::{addresses, boot_ports, interfaces, release_server};
pub(crate) use proxy::{
    floating_ip_pools, floating_ips, security_groups, server_group, tenant_networks,
};
pub(crate) use resources::{ensure_default_group, seed};

/// Neutron's records, by collection (the plural of each resource), and the quotas.
#[derive(Debug, Clone, Default)]
pub(crate) struct NetworkState {
    pub(crate) colls: BTreeMap<&'static str, Records>,
    /// Quota overrides by project, then resource.
    pub(crate) quotas: BTreeMap<String, BTreeMap<String, i64>>,
    /// The next VXLAN segmentation ID.
    pub(crate) next_vni: u64,
    /// Ports plugged into servers by Nova: whether Nova made the port (and deletes it
    /// on detach), and the interface's tag.
    pub(crate) nova: BTreeMap<String, (bool, Option<String>)>,
}

impl Collections for NetworkState {
    fn colls(&self) -> &BTreeMap<&'static str, Records> {
        &self.colls
    }

    fn colls_mut(&mut self) -> &mut BTreeMap<&'static str, Records> {
        &mut self.colls
    }
}

/// Neutron's 404 for a path it does not serve.
pub(crate) fn no_route() -> Fault {
    Fault::new(404, "HTTPNotFound", "The resource could not be found.")
}

/// The caller and the time of a request, with the state it changes.
pub(crate) struct Net<'a> {
    pub(crate) st: &'a mut NetworkState,
    pub(crate) ctx: &'a Ctx,
    pub(crate) now: String,
}

impl Net<'_> {
    /// The caller's project (empty for a token without one).
    pub(crate) fn project(&self) -> String {
        self.ctx.project_id().unwrap_or_default().to_string()
    }

    /// The attributes every record has: ID, owner, description, tags, timestamps and
    /// revision.
    pub(crate) fn standard(&self, project: &str) -> Record {
        let mut r = Map::new();
        r.insert("id".into(), json!(crate::ids::uuid()));
        r.insert("project_id".into(), json!(project));
        r.insert("tenant_id".into(), json!(project));
        r.insert("description".into(), json!(""));
        r.insert("tags".into(), json!([]));
        r.insert("created_at".into(), json!(self.now));
        r.insert("updated_at".into(), json!(self.now));
        r.insert("revision_number".into(), json!(0));
        r
    }
}

/// The hooks of one resource: validation and defaults on create, checks on update and
/// delete, derived attributes in its view.
pub(crate) struct Kind {
    /// The URL segment (`security-groups`).
    pub(crate) path: &'static str,
    /// The JSON collection key (`security_groups`).
    pub(crate) plural: &'static str,
    /// The JSON record key (`security_group`).
    pub(crate) singular: &'static str,
    /// The error type prefix (`SecurityGroup` in `SecurityGroupNotFound`).
    pub(crate) noun: &'static str,
    /// The quota resource counted on create, if any.
    pub(crate) quota: Option<&'static str>,
    /// Whether records belong to a project (templates do not).
    pub(crate) owned: bool,
    /// Who may create: admins only.
    pub(crate) admin_only: bool,
    /// Attributes an update may not change.
    pub(crate) readonly: &'static [&'static str],
    /// Validates a create body and answers the record to keep (it may add others).
    pub(crate) create: fn(&mut Net<'_>, Record) -> Result<Record, Fault>,
    /// Applies an update to a copy of the record; answers the new record.
    pub(crate) update: fn(&mut Net<'_>, Record, Record) -> Result<Record, Fault>,
    /// Checks and cascades a delete (the record itself is removed afterwards).
    pub(crate) delete: fn(&mut Net<'_>, &Record) -> Result<(), Fault>,
    /// Whether a member of a project other than the owner sees the record.
    pub(crate) public: fn(&NetworkState, &Record) -> bool,
    /// The record as the caller sees it.
    pub(crate) view: fn(&NetworkState, &Ctx, &Record) -> Record,
}

/// Neutron's error body.
pub(crate) fn error(f: &Fault) -> Reply {
    Reply::json(
        f.status,
        json!({"NeutronError": {"type": f.kind, "message": f.message, "detail": ""}}),
    )
}

fn not_found(kind: &Kind, id: &str) -> Fault {
    Fault::new(
        404,
        &format!("{}NotFound", kind.noun),
        format!(
            "{} {id} could not be found.",
            kind.noun_words().unwrap_or_else(|| kind.noun.to_string())
        ),
    )
}

impl Kind {
    /// `Security group` from `SecurityGroup`.
    fn noun_words(&self) -> Option<String> {
        let mut out = String::new();
        for (i, c) in self.noun.chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                out.push(' ');
                out.extend(c.to_lowercase());
            } else {
                out.push(c);
            }
        }
        Some(out)
    }
}

/// Whether the caller sees the record: admins all, members their project's and the
/// public ones.
pub(crate) fn visible(st: &NetworkState, ctx: &Ctx, kind: &Kind, r: &Record) -> bool {
    ctx.is_admin()
        || !kind.owned
        || str_of(r, "project_id") == ctx.project_id()
        || (kind.public)(st, r)
}

fn owns(ctx: &Ctx, r: &Record) -> bool {
    ctx.is_admin() || str_of(r, "project_id") == ctx.project_id()
}

/// Requests under `/network`.
pub(crate) fn handle(app: &App, state: &mut State, req: &Req) -> Reply {
    match (req.seg(1), req.seg(2)) {
        (None, _) => return versions(app),
        (Some("v2.0"), None) => return resources_doc(app),
        (Some("v2.0"), Some(_)) => {}
        _ => return keystone_error(404, "The resource could not be found."),
    }
    let ctx = match authenticate(app, state, req) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let now = app.clock.now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    // Neutron accepts a `.json` suffix on any path.
    let rest: Vec<&str> = req
        .segs
        .iter()
        .skip(2)
        .map(|s| s.strip_suffix(".json").unwrap_or(s))
        .collect();
    let url = format!("{}/network/v2.0/{}", app.base, rest.join("/"));
    let mut net = Net {
        st: &mut state.network,
        ctx: &ctx,
        now,
    };
    if let Some(p) = ctx.project_id() {
        ensure_default_group(&mut net, p);
    }
    match dispatch(&mut net, req, &rest, url) {
        Ok(reply) => reply,
        Err(f) => error(&f),
    }
}

fn versions(app: &App) -> Reply {
    Reply::ok(json!({"versions": [{
        "id": "v2.0", "status": "CURRENT",
        "links": [{"rel": "self", "href": format!("{}/network/v2.0/", app.base)}]
    }]}))
}

fn resources_doc(app: &App) -> Reply {
    let resources: Vec<Value> = resources::KINDS
        .iter()
        .map(|k| {
            json!({"name": k.singular, "collection": k.plural, "links": [{"rel": "self",
                "href": format!("{}/network/v2.0/{}", app.base, k.path)}]})
        })
        .collect();
    Reply::ok(json!({ "resources": resources }))
}

fn kind_of(path: &str) -> Option<&'static Kind> {
    resources::KINDS.iter().find(|k| k.path == path)
}

fn dispatch(net: &mut Net<'_>, req: &Req, rest: &[&str], url: String) -> Result<Reply, Fault> {
    use http::Method as M;
    let m = req.method.clone();
    if let Some(reply) = resources::special(net, req, rest, &url)? {
        return Ok(reply);
    }
    let Some(kind) = rest.first().and_then(|p| kind_of(p)) else {
        return Err(Fault::new(
            404,
            "HTTPNotFound",
            "The resource could not be found.",
        ));
    };
    match (m, &rest[1..]) {
        (M::GET, []) => list(net, kind, req, url),
        (M::POST, []) => create(net, kind, req),
        (M::GET, [id]) => show(net, kind, id, &req.query),
        (M::PUT, [id]) => update(net, kind, id, req),
        (M::DELETE, [id]) => delete(net, kind, id),
        (_, [id, "tags", more @ ..]) => tags(net, kind, req, id, more),
        _ => Err(Fault::new(
            405,
            "HTTPMethodNotAllowed",
            "The method is not allowed.",
        )),
    }
}

/// The record by ID if the caller sees it.
pub(crate) fn find(net: &Net<'_>, kind: &Kind, id: &str) -> Result<Record, Fault> {
    net.st
        .get(kind.plural, id)
        .filter(|r| visible(net.st, net.ctx, kind, r))
        .cloned()
        .ok_or_else(|| not_found(kind, id))
}

fn list(net: &mut Net<'_>, kind: &Kind, req: &Req, url: String) -> Result<Reply, Fault> {
    let skip = resources::custom_filters(kind);
    let rows: Vec<Record> = net
        .st
        .coll(kind.plural)
        .filter(|r| visible(net.st, net.ctx, kind, r))
        .filter(|r| resources::custom_match(net.st, kind, r, &req.query))
        .map(|r| (kind.view)(net.st, net.ctx, r))
        .collect();
    let spec = ListSpec {
        plural: kind.plural,
        url,
        skip,
    };
    Ok(Reply::ok(list_page(rows, &req.query, &spec)?))
}

fn show(
    net: &mut Net<'_>,
    kind: &Kind,
    id: &str,
    query: &[(String, String)],
) -> Result<Reply, Fault> {
    let r = find(net, kind, id)?;
    let view = crate::records::project_fields((kind.view)(net.st, net.ctx, &r), query);
    Ok(Reply::ok(json!({ kind.singular: view })))
}

fn quota_check(net: &Net<'_>, kind: &Kind, project: &str, adding: usize) -> Result<(), Fault> {
    let Some(q) = kind.quota else {
        return Ok(());
    };
    let limit = resources::quota_limit(net.st, project, q);
    if limit < 0 {
        return Ok(());
    }
    let used = net
        .st
        .coll(kind.plural)
        .filter(|r| str_of(r, "project_id") == Some(project))
        .count();
    if i64::try_from(used + adding).unwrap_or(i64::MAX) > limit {
        return Err(Fault::conflict(
            "OverQuota",
            format!("Quota exceeded for resources: ['{q}']."),
        ));
    }
    Ok(())
}

/// Creates one record, or several all-or-none.
fn create(net: &mut Net<'_>, kind: &Kind, req: &Req) -> Result<Reply, Fault> {
    if kind.admin_only && !net.ctx.is_admin() {
        return Err(Fault::new(
            403,
            "PolicyNotAuthorized",
            format!("rule:create_{} is disallowed by policy", kind.singular),
        ));
    }
    let (bodies, bulk) = create_bodies(req.json(), kind.singular, kind.plural)?;
    let before = net.st.clone();
    let mut made = Vec::new();
    for body in bodies {
        match create_one(net, kind, body) {
            Ok(r) => made.push(r),
            Err(f) => {
                *net.st = before;
                return Err(f);
            }
        }
    }
    let views: Vec<Value> = made
        .iter()
        .filter_map(|id| net.st.get(kind.plural, id))
        .map(|r| Value::Object((kind.view)(net.st, net.ctx, r)))
        .collect();
    if bulk {
        Ok(Reply::json(201, json!({ kind.plural: views })))
    } else {
        let one = views.into_iter().next().unwrap_or(Value::Null);
        Ok(Reply::json(201, json!({ kind.singular: one })))
    }
}

pub(crate) fn create_one(
    net: &mut Net<'_>,
    kind: &Kind,
    mut body: Record,
) -> Result<String, Fault> {
    let own = net.project();
    let project = body
        .remove("project_id")
        .or_else(|| body.remove("tenant_id"))
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| own.clone());
    if project != own && !net.ctx.is_admin() {
        return Err(Fault::new(
            403,
            "PolicyNotAuthorized",
            format!(
                "rule:create_{}:project_id is disallowed by policy",
                kind.singular
            ),
        ));
    }
    if kind.owned {
        quota_check(net, kind, &project, 1)?;
    }
    let mut r = net.standard(&project);
    if !kind.owned {
        r.remove("project_id");
        r.remove("tenant_id");
        r.remove("tags");
        r.remove("revision_number");
    }
    if kind.owned && project != own {
        ensure_default_group(net, &project);
    }
    for (k, v) in body {
        r.insert(k, v);
    }
    let mut r = (kind.create)(net, r)?;
    if kind.owned {
        r.insert("revision_number".into(), json!(1));
    }
    let id = str_of(&r, "id").unwrap_or_default().to_string();
    net.st.insert(kind.plural, r);
    Ok(id)
}

/// Bumps the revision and the update time of a record.
pub(crate) fn touch(r: &mut Record, now: &str) {
    let rev = r
        .get("revision_number")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    if r.contains_key("revision_number") {
        r.insert("revision_number".into(), json!(rev + 1));
    }
    r.insert("updated_at".into(), json!(now));
}

fn if_match(req: &Req) -> Result<Option<u64>, Fault> {
    let Some(h) = req.header("if-match") else {
        return Ok(None);
    };
    h.strip_prefix("revision_number=")
        .and_then(|n| n.trim().parse().ok())
        .map(Some)
        .ok_or_else(|| Fault::bad(format!("Invalid If-Match header: {h}")))
}

fn update(net: &mut Net<'_>, kind: &Kind, id: &str, req: &Req) -> Result<Reply, Fault> {
    let old = find(net, kind, id)?;
    if !owns(net.ctx, &old) && kind.owned {
        return Err(Fault::new(
            403,
            "PolicyNotAuthorized",
            format!("rule:update_{} is disallowed by policy", kind.singular),
        ));
    }
    let changes = update_body(req.json(), kind.singular)?;
    for key in changes.keys() {
        if [
            "id",
            "project_id",
            "tenant_id",
            "created_at",
            "updated_at",
            "revision_number",
        ]
        .contains(&key.as_str())
            || kind.readonly.contains(&key.as_str())
        {
            return Err(Fault::bad(format!(
                "Cannot update read-only attribute {key}"
            )));
        }
    }
    let mut current = old.clone();
    if let Some(expected) = if_match(req)? {
        if resources::bumps_before_if_match(kind, &current) {
            touch(&mut current, &net.now);
            if let Some(r) = net.st.get_mut(kind.plural, id) {
                touch(r, &net.now);
            }
        }
        let rev = current
            .get("revision_number")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        if rev != expected {
            return Err(Fault::new(
                412,
                "RevisionNumberConstraintFailed",
                format!("Constrained to {expected}, but current revision is {rev}"),
            ));
        }
    }
    let before = net.st.clone();
    let mut new = match (kind.update)(net, current, changes) {
        Ok(r) => r,
        Err(f) => {
            *net.st = before;
            return Err(f);
        }
    };
    touch(&mut new, &net.now);
    let view = (kind.view)(net.st, net.ctx, &new);
    if let Some(r) = net.st.get_mut(kind.plural, id) {
        *r = new;
    }
    Ok(Reply::ok(json!({ kind.singular: view })))
}

fn delete(net: &mut Net<'_>, kind: &Kind, id: &str) -> Result<Reply, Fault> {
    let r = find(net, kind, id)?;
    if (!owns(net.ctx, &r) && kind.owned) || (kind.admin_only && !net.ctx.is_admin()) {
        return Err(Fault::new(
            403,
            "PolicyNotAuthorized",
            format!("rule:delete_{} is disallowed by policy", kind.singular),
        ));
    }
    let before = net.st.clone();
    if let Err(f) = (kind.delete)(net, &r) {
        *net.st = before;
        return Err(f);
    }
    net.st.remove(kind.plural, id);
    Ok(Reply::empty(204))
}

/// The `tags` sub-resource: list, replace, clear, and one tag's check, add and remove.
fn tags(
    net: &mut Net<'_>,
    kind: &Kind,
    req: &Req,
    id: &str,
    more: &[&str],
) -> Result<Reply, Fault> {
    use http::Method as M;
    let r = find(net, kind, id)?;
    let mut list: Vec<String> = r
        .get("tags")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let answer = match (&req.method, more) {
        (&M::GET, []) => return Ok(Reply::ok(json!({ "tags": list }))),
        (&M::GET, [tag]) => {
            return if list.iter().any(|t| t == tag) {
                Ok(Reply::empty(204))
            } else {
                Err(Fault::new(
                    404,
                    "TagNotFound",
                    format!("Tag {tag} could not be found for {} {id}.", kind.singular),
                ))
            };
        }
        (&M::PUT | &M::POST, []) => {
            let body = req.json().unwrap_or(Value::Null);
            let Some(given) = body.get("tags").and_then(Value::as_array) else {
                return Err(Fault::bad("Invalid input: tags is required"));
            };
            let mut added: Vec<String> = Vec::new();
            for t in given {
                match t.as_str() {
                    Some(s) if !s.is_empty() && s.len() <= 255 => {
                        if !added.iter().any(|x| x == s) {
                            added.push(s.to_string());
                        }
                    }
                    _ => {
                        return Err(Fault::bad(format!(
                            "Invalid input: '{t}' is not a valid tag"
                        )));
                    }
                }
            }
            if req.method == M::PUT {
                list = added.clone();
            } else {
                for t in &added {
                    if !list.contains(t) {
                        list.push(t.clone());
                    }
                }
            }
            Reply::ok(json!({ "tags": added }))
        }
        (&M::PUT, [tag]) => {
            if tag.is_empty() || tag.len() > 255 {
                return Err(Fault::bad("Invalid tag"));
            }
            if !list.iter().any(|t| t == tag) {
                list.push(tag.to_string());
            }
            Reply::empty(201)
        }
        (&M::DELETE, []) => {
            list.clear();
            Reply::empty(204)
        }
        (&M::DELETE, [tag]) => {
            let Some(i) = list.iter().position(|t| t == tag) else {
                return Err(Fault::new(
                    404,
                    "TagNotFound",
                    format!("Tag {tag} could not be found for {} {id}.", kind.singular),
                ));
            };
            list.remove(i);
            Reply::empty(204)
        }
        _ => {
            return Err(Fault::new(
                405,
                "HTTPMethodNotAllowed",
                "The method is not allowed.",
            ));
        }
    };
    let now = net.now.clone();
    if let Some(r) = net.st.get_mut(kind.plural, id) {
        r.insert("tags".into(), json!(list));
        touch(r, &now);
    }
    Ok(answer)
}
