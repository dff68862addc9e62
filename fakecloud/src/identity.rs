//! Keystone v3: tokens, the catalog, projects, users, roles, role assignments, domains,
//! services, endpoints and application credentials.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use http::Method;
use serde_json::{Map, Value, json};

use crate::App;
use crate::http_util::{Answer, Ctx, Reply, Req, authenticate, keystone_error, unauthorized};
use crate::ids;
use crate::state::{
    AccessRule, Actor, ApplicationCredential, Assignment, Domain, Group, Project, Role, State,
    Target, Token, TokenScope, User,
};

const STAMP: &str = "%Y-%m-%dT%H:%M:%S%.6fZ";

pub(crate) fn stamp(t: DateTime<Utc>) -> String {
    t.format(STAMP).to_string()
}

fn not_found(kind: &str, id: &str) -> Reply {
    keystone_error(404, &format!("Could not find {kind}: {id}."))
}

fn bad_request(message: &str) -> Reply {
    keystone_error(400, message)
}

fn forbidden(action: &str) -> Reply {
    keystone_error(
        403,
        &format!("You are not authorized to perform the requested action: identity:{action}."),
    )
}

fn conflict(kind: &str, name: &str) -> Reply {
    keystone_error(
        409,
        &format!(
            "Conflict occurred attempting to store {kind} - Duplicate entry found with name {name}."
        ),
    )
}

fn require_admin(ctx: &Ctx, action: &str) -> Result<(), Reply> {
    if ctx.is_admin() {
        Ok(())
    } else {
        Err(forbidden(action))
    }
}

fn method_not_allowed() -> Reply {
    keystone_error(405, "The method is not allowed for the requested URL.")
}

/// `GET /`: Keystone's version list (300 Multiple Choices).
pub(crate) fn root(app: &App) -> Reply {
    Reply::json(300, json!({"versions": {"values": [version_doc(app)]}}))
}

fn version_doc(app: &App) -> Value {
    json!({
        "id": "v3.14",
        "status": "stable",
        "updated": "2020-04-07T00:00:00Z",
        "links": [{"rel": "self", "href": format!("{}/v3/", app.base)}],
        "media-types": [{"base": "application/json", "type": "application/vnd.openstack.identity-v3+json"}]
    })
}

// ------------------------------------------------------------------ roles and tokens

/// The role IDs implied by `ids`, `ids` included.
fn closure(state: &State, ids: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = ids.into_iter().collect();
    loop {
        let more: Vec<String> = state
            .implied_roles
            .iter()
            .filter(|(p, i)| out.contains(p) && !out.contains(i))
            .map(|(_, i)| i.clone())
            .collect();
        if more.is_empty() {
            return out;
        }
        out.extend(more);
    }
}

fn target_of(scope: &TokenScope) -> Option<Target> {
    match scope {
        TokenScope::Project(p) => Some(Target::Project(p.clone())),
        TokenScope::Domain(d) => Some(Target::Domain(d.clone())),
        TokenScope::System => Some(Target::System),
        TokenScope::Unscoped => None,
    }
}

/// The IDs of the groups a user belongs to.
fn groups_of(state: &State, user_id: &str) -> Vec<String> {
    state
        .groups
        .values()
        .filter(|g| g.users.iter().any(|u| u == user_id))
        .map(|g| g.id.clone())
        .collect()
}

/// The role IDs a user holds on a target: its own and its groups', direct or inherited
/// from the project's domain (before implied roles).
fn direct_roles(state: &State, user_id: &str, target: &Target) -> Vec<String> {
    let groups = groups_of(state, user_id);
    state
        .assignments
        .iter()
        .filter(|a| match &a.actor {
            Actor::User(u) => u == user_id,
            Actor::Group(g) => groups.contains(g),
        })
        .filter(|a| {
            if !a.inherited {
                return a.target == *target;
            }
            match (target, &a.target) {
                (Target::Project(p), Target::Domain(d)) => {
                    state.projects.get(p).is_some_and(|p| p.domain_id == *d)
                }
                _ => false,
            }
        })
        .map(|a| a.role_id.clone())
        .collect()
}

/// The effective role IDs of a token.
fn token_role_ids(state: &State, t: &Token) -> BTreeSet<String> {
    if let Some(trust) = t.trust_id.as_ref().and_then(|id| state.trusts.get(id)) {
        return closure(state, trust.role_ids.clone());
    }
    if let Some(ac) = t
        .application_credential_id
        .as_ref()
        .and_then(|id| state.application_credentials.get(id))
    {
        return closure(state, ac.role_ids.clone());
    }
    match target_of(&t.scope) {
        Some(target) => closure(state, direct_roles(state, &t.user_id, &target)),
        None => BTreeSet::new(),
    }
}

/// The effective role names of a token.
pub(crate) fn token_role_names(state: &State, t: &Token) -> Vec<String> {
    token_role_ids(state, t)
        .iter()
        .filter_map(|id| state.roles.get(id))
        .map(|r| r.name.clone())
        .collect()
}

/// Whether a token is known, unexpired, unrevoked, and its user (and credential) still
/// good.
pub(crate) fn token_valid(state: &State, token: &str, now: DateTime<Utc>) -> bool {
    let Some(t) = state.tokens.get(token) else {
        return false;
    };
    if now >= t.expires_at
        || t.audit_ids
            .iter()
            .any(|a| state.revoked_audit_ids.contains(a))
    {
        return false;
    }
    let Some(user) = state.users.get(&t.user_id) else {
        return false;
    };
    if !user.enabled {
        return false;
    }
    if let Some(ac) = &t.application_credential_id
        && !state.application_credentials.contains_key(ac)
    {
        return false;
    }
    if let Some(trust) = &t.trust_id
        && !state.trusts.contains_key(trust)
    {
        return false;
    }
    match &t.scope {
        TokenScope::Project(p) => state.projects.get(p).is_some_and(|p| p.enabled),
        TokenScope::Domain(d) => state.domains.get(d).is_some_and(|d| d.enabled),
        _ => true,
    }
}

fn domain_ref(state: &State, id: &str) -> Value {
    let name = state.domains.get(id).map(|d| d.name.clone());
    json!({"id": id, "name": name})
}

/// The catalog as a token scoped to `project` sees it: `$(project_id)s` (or
/// `%(project_id)s`) in an endpoint's URL becomes the project's ID, and without a project
/// such endpoints are left out, as Keystone does.
fn catalog_json(state: &State, project: Option<&str>) -> Value {
    let mut out = Vec::new();
    for s in state.services.values().filter(|s| s.enabled) {
        let endpoints: Vec<Value> = state
            .endpoints
            .values()
            .filter(|e| e.service_id == s.id && e.enabled)
            .filter_map(|e| {
                let templated = e.url.contains("(project_id)s");
                let url = match project {
                    Some(p) => e
                        .url
                        .replace("$(project_id)s", p)
                        .replace("%(project_id)s", p),
                    None if templated => return None,
                    None => e.url.clone(),
                };
                Some(
                    json!({"id": e.id, "interface": e.interface, "region_id": e.region_id,
                       "region": e.region_id, "url": url}),
                )
            })
            .collect();
        out.push(
            json!({"id": s.id, "type": s.service_type, "name": s.name, "endpoints": endpoints}),
        );
    }
    Value::Array(out)
}

fn token_body(state: &State, t: &Token, with_catalog: bool) -> Value {
    let user = state.users.get(&t.user_id);
    let mut body = json!({
        "methods": t.methods,
        "user": {
            "id": t.user_id,
            "name": user.map(|u| u.name.clone()),
            "domain": domain_ref(state, user.map(|u| u.domain_id.as_str()).unwrap_or("default")),
            "password_expires_at": null,
        },
        "audit_ids": t.audit_ids,
        "expires_at": stamp(t.expires_at),
        "issued_at": stamp(t.issued_at),
    });
    let obj = body.as_object_mut().expect("an object");
    match &t.scope {
        TokenScope::Project(p) => {
            let project = state.projects.get(p);
            obj.insert(
                "project".into(),
                json!({"id": p, "name": project.map(|p| p.name.clone()),
                       "domain": domain_ref(state, project.map(|p| p.domain_id.as_str()).unwrap_or("default"))}),
            );
            obj.insert("is_domain".into(), json!(false));
        }
        TokenScope::Domain(d) => {
            obj.insert("domain".into(), domain_ref(state, d));
        }
        TokenScope::System => {
            obj.insert("system".into(), json!({"all": true}));
        }
        TokenScope::Unscoped => {}
    }
    if t.scope != TokenScope::Unscoped {
        let roles: Vec<Value> = token_role_ids(state, t)
            .iter()
            .filter_map(|id| state.roles.get(id))
            .map(|r| json!({"id": r.id, "name": r.name}))
            .collect();
        obj.insert("roles".into(), Value::Array(roles));
        if with_catalog {
            let project = match &t.scope {
                TokenScope::Project(p) => Some(p.as_str()),
                _ => None,
            };
            obj.insert("catalog".into(), catalog_json(state, project));
        }
    }
    if let Some(trust) = t.trust_id.as_ref().and_then(|id| state.trusts.get(id)) {
        obj.insert(
            "OS-TRUST:trust".into(),
            json!({"id": trust.id, "impersonation": trust.impersonation,
                   "trustee_user": {"id": trust.trustee}, "trustor_user": {"id": trust.trustor}}),
        );
    }
    if let Some(ac) = t
        .application_credential_id
        .as_ref()
        .and_then(|id| state.application_credentials.get(id))
    {
        obj.insert(
            "application_credential".into(),
            json!({"id": ac.id, "name": ac.name, "restricted": !ac.unrestricted}),
        );
    }
    json!({ "token": body })
}

/// Finds a user from `{"id"}` or `{"name", "domain": {"id"|"name"}}`.
fn find_user<'a>(state: &'a State, v: &Value) -> Option<&'a User> {
    if let Some(id) = v["id"].as_str() {
        return state.users.get(id);
    }
    let name = v["name"].as_str()?;
    let domain_id = find_domain(state, &v["domain"])?.id.clone();
    state
        .users
        .values()
        .find(|u| u.name == name && u.domain_id == domain_id)
}

fn find_domain<'a>(state: &'a State, v: &Value) -> Option<&'a Domain> {
    if let Some(id) = v["id"].as_str() {
        return state.domains.get(id);
    }
    let name = v["name"].as_str()?;
    state.domains.values().find(|d| d.name == name)
}

fn find_project<'a>(state: &'a State, v: &Value) -> Option<&'a Project> {
    if let Some(id) = v["id"].as_str() {
        return state.projects.get(id);
    }
    let name = v["name"].as_str()?;
    let domain_id = find_domain(state, &v["domain"])?.id.clone();
    state
        .projects
        .values()
        .find(|p| p.name == name && p.domain_id == domain_id)
}

fn auth_failed() -> Reply {
    unauthorized()
}

/// `POST /v3/auth/tokens`.
fn issue_token(app: &App, state: &mut State, req: &Req) -> Answer {
    let Some(body) = req.json() else {
        return Err(bad_request("Expecting to find auth in request body."));
    };
    let auth = &body["auth"];
    let identity = &auth["identity"];
    let Some(methods) = identity["methods"].as_array() else {
        return Err(bad_request(
            "Invalid input for field 'identity': 'methods' is a required property",
        ));
    };
    let now = app.clock.now();
    let mut user_id: Option<String> = None;
    let mut used: Vec<String> = Vec::new();
    let mut parent: Option<Token> = None;
    let mut app_cred: Option<ApplicationCredential> = None;
    let same_user = |id: &str, user_id: &mut Option<String>| -> bool {
        match user_id {
            Some(u) => u == id,
            None => {
                *user_id = Some(id.to_string());
                true
            }
        }
    };
    for m in methods {
        let Some(m) = m.as_str() else {
            return Err(bad_request("Invalid input for field 'identity/methods'."));
        };
        match m {
            "password" => {
                let u = &identity["password"]["user"];
                let Some(user) = find_user(state, u) else {
                    return Err(auth_failed());
                };
                if u["password"].as_str() != Some(user.password.as_str()) {
                    return Err(auth_failed());
                }
                if !same_user(&user.id, &mut user_id) {
                    return Err(auth_failed());
                }
                used.push("password".into());
            }
            "token" => {
                let Some(id) = identity["token"]["id"].as_str() else {
                    return Err(bad_request(
                        "Invalid input for field 'identity/token': 'id' is a required property",
                    ));
                };
                if !token_valid(state, id, now) {
                    return Err(auth_failed());
                }
                let t = state.tokens[id].clone();
                if t.application_credential_id.is_some() {
                    return Err(keystone_error(
                        403,
                        "You are not authorized to perform the requested action: rescoping a token issued for an application credential.",
                    ));
                }
                if !same_user(&t.user_id, &mut user_id) {
                    return Err(auth_failed());
                }
                for m in &t.methods {
                    if !used.contains(m) {
                        used.push(m.clone());
                    }
                }
                if !used.iter().any(|m| m == "token") {
                    used.push("token".into());
                }
                parent = Some(t);
            }
            "application_credential" => {
                let a = &identity["application_credential"];
                let found = if let Some(id) = a["id"].as_str() {
                    state.application_credentials.get(id)
                } else {
                    let name = a["name"].as_str().unwrap_or_default();
                    let owner = find_user(state, &a["user"]).map(|u| u.id.clone());
                    state
                        .application_credentials
                        .values()
                        .find(|c| c.name == name && Some(&c.user_id) == owner.as_ref())
                };
                let Some(cred) = found.cloned() else {
                    return Err(auth_failed());
                };
                if a["secret"].as_str() != Some(cred.secret.as_str())
                    || cred.expires_at.is_some_and(|e| e <= now)
                {
                    return Err(auth_failed());
                }
                if !same_user(&cred.user_id, &mut user_id) {
                    return Err(auth_failed());
                }
                used.push("application_credential".into());
                app_cred = Some(cred);
            }
            _ => return Err(auth_failed()),
        }
    }
    let Some(user_id) = user_id else {
        return Err(auth_failed());
    };
    let Some(user) = state.users.get(&user_id).cloned() else {
        return Err(auth_failed());
    };
    if !user.enabled
        || !state
            .domains
            .get(&user.domain_id)
            .is_some_and(|d| d.enabled)
    {
        return Err(auth_failed());
    }

    // Multi-factor rules: the methods used (with a receipt's) must satisfy one rule.
    if let Some(receipt) = req.header("openstack-auth-receipt") {
        match state.receipts.get(receipt) {
            Some((uid, methods, expires)) if *uid == user_id && *expires > now => {
                for m in methods {
                    if !used.contains(m) {
                        used.push(m.clone());
                    }
                }
            }
            _ => return Err(auth_failed()),
        }
    }
    if user.options.get("multi_factor_auth_enabled") == Some(&json!(true))
        && let Some(rules) = user
            .options
            .get("multi_factor_auth_rules")
            .and_then(Value::as_array)
        && !rules.is_empty()
    {
        let satisfied = rules.iter().any(|rule| {
            rule.as_array().is_some_and(|ms| {
                ms.iter()
                    .all(|m| m.as_str().is_some_and(|m| used.iter().any(|u| u == m)))
            })
        });
        if !satisfied {
            let receipt = ids::secret();
            let expires = now + chrono::Duration::minutes(5);
            state
                .receipts
                .insert(receipt.clone(), (user_id.clone(), used.clone(), expires));
            return Ok(Reply::json(
                401,
                json!({
                    "receipt": {
                        "methods": used,
                        "user": {"id": user.id, "name": user.name,
                                 "domain": domain_ref(state, &user.domain_id)},
                        "expires_at": stamp(expires),
                        "issued_at": stamp(now),
                    },
                    "required_auth_methods": rules,
                }),
            )
            .header("Openstack-Auth-Receipt", receipt));
        }
    }

    // Scope.
    let scope_v = &auth["scope"];
    let mut trust: Option<crate::state::Trust> = None;
    let scope = if let Some(cred) = &app_cred {
        TokenScope::Project(cred.project_id.clone())
    } else if scope_v.is_null() {
        match &parent {
            Some(p) => {
                if p.scope != TokenScope::Unscoped {
                    p.scope.clone()
                } else {
                    TokenScope::Unscoped
                }
            }
            None => match &user.default_project_id {
                Some(p)
                    if state.projects.get(p).is_some_and(|p| p.enabled)
                        && !direct_roles(state, &user_id, &Target::Project(p.clone()))
                            .is_empty() =>
                {
                    TokenScope::Project(p.clone())
                }
                _ => TokenScope::Unscoped,
            },
        }
    } else if scope_v.as_str() == Some("unscoped") {
        TokenScope::Unscoped
    } else if !scope_v["project"].is_null() {
        match find_project(state, &scope_v["project"]) {
            Some(p) if p.enabled => TokenScope::Project(p.id.clone()),
            Some(_) => return Err(auth_failed()),
            None => {
                return Err(auth_failed());
            }
        }
    } else if !scope_v["domain"].is_null() {
        match find_domain(state, &scope_v["domain"]) {
            Some(d) if d.enabled => TokenScope::Domain(d.id.clone()),
            _ => return Err(auth_failed()),
        }
    } else if !scope_v["system"].is_null() {
        TokenScope::System
    } else if let Some(trust_id) = scope_v["OS-TRUST:trust"]["id"].as_str() {
        let Some(t) = state.trusts.get(trust_id) else {
            return Err(auth_failed());
        };
        if t.trustee != user_id
            || t.expires_at.is_some_and(|e| e <= now)
            || t.remaining_uses == Some(0)
        {
            return Err(auth_failed());
        }
        trust = Some(t.clone());
        match &t.project_id {
            Some(p) => TokenScope::Project(p.clone()),
            None => TokenScope::Unscoped,
        }
    } else {
        return Err(bad_request("Invalid input for field 'scope'."));
    };
    if app_cred.is_none()
        && trust.is_none()
        && let Some(target) = target_of(&scope)
        && direct_roles(state, &user_id, &target).is_empty()
    {
        return Err(auth_failed());
    }

    let mut expires_at =
        now + chrono::Duration::from_std(app.token_lifetime).unwrap_or(chrono::Duration::hours(1));
    if let Some(p) = &parent {
        expires_at = p.expires_at;
    }
    if let Some(e) = app_cred.as_ref().and_then(|c| c.expires_at) {
        expires_at = expires_at.min(e);
    }
    if let Some(t) = &trust {
        if let Some(e) = t.expires_at {
            expires_at = expires_at.min(e);
        }
        if let Some(left) = state
            .trusts
            .get_mut(&t.id)
            .and_then(|x| x.remaining_uses.as_mut())
        {
            *left = left.saturating_sub(1);
        }
    }
    let mut audit_ids = vec![ids::secret()[..22].to_string()];
    if let Some(p) = &parent {
        audit_ids.push(p.audit_ids[0].clone());
    }
    let token = Token {
        user_id,
        scope,
        methods: used,
        audit_ids,
        issued_at: now,
        expires_at,
        application_credential_id: app_cred.map(|c| c.id),
        trust_id: trust.map(|t| t.id),
        uses: 0,
    };
    let value = ids::secret();
    let body = token_body(state, &token, req.q("nocatalog").is_none());
    state.tokens.insert(value.clone(), token);
    Ok(Reply::json(201, body).header("X-Subject-Token", value))
}

/// `GET|HEAD|DELETE /v3/auth/tokens`.
fn subject_token(app: &App, state: &mut State, req: &Req, ctx: &Ctx) -> Answer {
    let Some(subject) = req.header("x-subject-token").map(str::to_string) else {
        return Err(bad_request(
            "Expecting to find X-Subject-Token in request headers.",
        ));
    };
    let now = app.clock.now();
    let allow_expired = req
        .q("allow_expired")
        .is_some_and(|v| v == "true" || v == "1");
    let valid = token_valid(state, &subject, now)
        || (allow_expired
            && state.tokens.get(&subject).is_some_and(|t| {
                !t.audit_ids
                    .iter()
                    .any(|a| state.revoked_audit_ids.contains(a))
            }));
    let owner = state.tokens.get(&subject).map(|t| t.user_id.clone());
    if !(ctx.is_admin() || ctx.is_service() || owner.as_deref() == Some(ctx.user_id.as_str())) {
        return Err(forbidden("validate_token"));
    }
    if !valid {
        return Err(not_found("token", &subject));
    }
    match req.method {
        Method::GET => {
            let t = state.tokens[&subject].clone();
            Ok(
                Reply::ok(token_body(state, &t, req.q("nocatalog").is_none()))
                    .header("X-Subject-Token", subject),
            )
        }
        Method::HEAD => Ok(Reply::empty(200).header("X-Subject-Token", subject)),
        Method::DELETE => {
            let t = &state.tokens[&subject];
            let audit = t.audit_ids[0].clone();
            let issued = t.issued_at;
            state.revoked_audit_ids.push(audit.clone());
            state.revocation_events.push((audit, now, issued));
            Ok(Reply::empty(204))
        }
        _ => Err(method_not_allowed()),
    }
}

// ------------------------------------------------------------------ JSON of records

fn link(app: &App, path: &str) -> Value {
    json!({"self": format!("{}/v3/{path}", app.base)})
}

fn project_json(app: &App, p: &Project) -> Value {
    let mut v = json!({
        "id": p.id, "name": p.name, "domain_id": p.domain_id, "description": p.description,
        "enabled": p.enabled, "parent_id": p.domain_id, "is_domain": false, "tags": p.tags,
        "options": {}, "links": link(app, &format!("projects/{}", p.id)),
    });
    if let Some(o) = v.as_object_mut() {
        for (k, x) in &p.extra {
            o.entry(k.clone()).or_insert(x.clone());
        }
    }
    v
}

fn user_json(app: &App, u: &User) -> Value {
    let mut v = json!({
        "id": u.id, "name": u.name, "domain_id": u.domain_id, "enabled": u.enabled,
        "password_expires_at": null, "options": u.options,
        "links": link(app, &format!("users/{}", u.id)),
    });
    if let Some(o) = v.as_object_mut() {
        if let Some(d) = &u.description {
            o.insert("description".into(), json!(d));
        }
        if let Some(p) = &u.default_project_id {
            o.insert("default_project_id".into(), json!(p));
        }
        for (k, x) in &u.extra {
            o.entry(k.clone()).or_insert(x.clone());
        }
    }
    v
}

fn role_json(app: &App, r: &Role) -> Value {
    json!({"id": r.id, "name": r.name, "domain_id": r.domain_id, "description": r.description,
           "options": {}, "links": link(app, &format!("roles/{}", r.id))})
}

fn role_ref(app: &App, r: &Role) -> Value {
    json!({"id": r.id, "name": r.name, "links": link(app, &format!("roles/{}", r.id))})
}

fn domain_json(app: &App, d: &Domain) -> Value {
    json!({"id": d.id, "name": d.name, "description": d.description, "enabled": d.enabled,
           "tags": [], "options": {}, "links": link(app, &format!("domains/{}", d.id))})
}

fn collection(app: &App, key: &str, path: &str, items: Vec<Value>) -> Reply {
    Reply::ok(json!({
        key: items,
        "links": {"self": format!("{}/v3/{path}", app.base), "previous": null, "next": null},
    }))
}

fn body_object<'a>(body: &'a Option<Value>, key: &str) -> Result<&'a Map<String, Value>, Reply> {
    body.as_ref()
        .and_then(|b| b.get(key))
        .and_then(Value::as_object)
        .ok_or_else(|| {
            bad_request(&format!(
                "Invalid input for field '{key}': '{key}' is a required property"
            ))
        })
}

fn str_field(o: &Map<String, Value>, key: &str) -> Result<Option<String>, Reply> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(bad_request(&format!(
            "Invalid input for field '{key}': not a string"
        ))),
    }
}

fn bool_field(o: &Map<String, Value>, key: &str) -> Result<Option<bool>, Reply> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(bad_request(&format!(
            "Invalid input for field '{key}': not a boolean"
        ))),
    }
}

fn enabled_filter(req: &Req) -> Option<bool> {
    req.q("enabled").map(|v| {
        !matches!(
            v.to_ascii_lowercase().as_str(),
            "0" | "false" | "no" | "off"
        )
    })
}

// ------------------------------------------------------------------ routing

/// Requests under `/v3`.
pub(crate) fn handle(app: &App, state: &mut State, req: &Req) -> Answer {
    let segs: Vec<&str> = req.segs.iter().skip(1).map(String::as_str).collect();
    let m = &req.method;
    // What needs no token.
    match (m, segs.as_slice()) {
        (&Method::GET, []) => return Ok(Reply::ok(json!({"version": version_doc(app)}))),
        (&Method::POST, ["auth", "tokens"]) => return issue_token(app, state, req),
        (&Method::POST, ["users", id, "password"]) => return change_password(state, req, id),
        (&Method::POST, ["OS-OAUTH2", "token"]) => return oauth2_token(app, state, req),
        _ => {}
    }
    let ctx = authenticate(app, state, req)?;
    match (m, segs.as_slice()) {
        (_, ["auth", "tokens"]) => subject_token(app, state, req, &ctx),
        (&Method::GET, ["auth", "catalog"]) => {
            if ctx.scope == TokenScope::Unscoped {
                Err(keystone_error(403, "The service catalog is empty."))
            } else {
                Ok(Reply::ok(
                    json!({"catalog": catalog_json(state, ctx.project_id()),
                                 "links": link(app, "auth/catalog")}),
                ))
            }
        }
        (&Method::GET, ["auth" | "OS-FEDERATION", "projects"]) => {
            let items = user_projects(app, state, &ctx.user_id);
            Ok(collection(app, "projects", "auth/projects", items))
        }
        (&Method::GET, ["auth" | "OS-FEDERATION", "domains"]) => {
            let items: Vec<Value> = state
                .domains
                .values()
                .filter(|d| {
                    !direct_roles(state, &ctx.user_id, &Target::Domain(d.id.clone())).is_empty()
                })
                .map(|d| domain_json(app, d))
                .collect();
            Ok(collection(app, "domains", "auth/domains", items))
        }
        (&Method::GET, ["auth", "system"]) => {
            let system = if direct_roles(state, &ctx.user_id, &Target::System).is_empty() {
                json!([])
            } else {
                json!([{"all": true}])
            };
            Ok(Reply::ok(
                json!({"system": system, "links": link(app, "auth/system")}),
            ))
        }
        (_, ["projects", rest @ ..]) => projects(app, state, req, &ctx, rest),
        (_, ["users", rest @ ..]) => users(app, state, req, &ctx, rest),
        (_, ["roles", rest @ ..]) => roles(app, state, req, &ctx, rest),
        (&Method::GET, ["role_inferences"]) => {
            require_admin(&ctx, "list_role_inference_rules")?;
            let mut by_prior: BTreeMap<String, Vec<Value>> = BTreeMap::new();
            for (p, i) in &state.implied_roles {
                if let Some(r) = state.roles.get(i) {
                    by_prior
                        .entry(p.clone())
                        .or_default()
                        .push(role_ref(app, r));
                }
            }
            let items: Vec<Value> = by_prior
                .into_iter()
                .filter_map(|(p, implies)| {
                    state
                        .roles
                        .get(&p)
                        .map(|r| json!({"prior_role": role_ref(app, r), "implies": implies}))
                })
                .collect();
            Ok(Reply::ok(
                json!({"role_inferences": items, "links": link(app, "role_inferences")}),
            ))
        }
        (&Method::GET, ["role_assignments"]) => role_assignments(app, state, req, &ctx),
        (_, ["domains", rest @ ..]) => domains(app, state, req, &ctx, rest),
        (_, ["system", kind, actor, "roles", rest @ ..]) => grant(
            app,
            state,
            req,
            &ctx,
            Target::System,
            kind,
            actor,
            rest,
            false,
        ),
        (_, ["OS-INHERIT", "domains", id, kind, actor, "roles", rest @ ..]) => {
            if !state.domains.contains_key(*id) {
                return Err(not_found("domain", id));
            }
            let target = Target::Domain(id.to_string());
            grant(app, state, req, &ctx, target, kind, actor, rest, true)
        }
        (
            _,
            [
                "OS-INHERIT",
                "projects",
                id,
                kind,
                actor,
                "roles",
                rest @ ..,
            ],
        ) => {
            if !state.projects.contains_key(*id) {
                return Err(not_found("project", id));
            }
            let target = Target::Project(id.to_string());
            grant(app, state, req, &ctx, target, kind, actor, rest, true)
        }
        (_, ["groups", rest @ ..]) => groups(app, state, req, &ctx, rest),
        (_, ["OS-TRUST", "trusts", rest @ ..]) => trusts(app, state, req, &ctx, rest),
        (_, ["OS-EP-FILTER", rest @ ..]) => endpoint_filter(app, state, req, &ctx, rest),
        (_, ["OS-OAUTH1", "consumers", rest @ ..]) => consumers(app, state, req, &ctx, rest),
        (&Method::GET, ["OS-FEDERATION", "saml2", "metadata"]) => Err(keystone_error(
            500,
            "An unexpected error prevented the server from accessing encrypted credentials.",
        )),
        (&Method::POST, ["auth", "OS-FEDERATION", "saml2", ..]) => {
            let body = req.json().unwrap_or_default();
            let sp = body["auth"]["scope"]["service_provider"]["id"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            if state
                .documents
                .get("service_providers")
                .is_some_and(|d| d.contains_key(&sp))
            {
                Err(keystone_error(
                    500,
                    "Keystone is not configured as a SAML identity provider.",
                ))
            } else {
                Err(not_found("service provider", &sp))
            }
        }
        (
            _,
            [
                "OS-FEDERATION",
                kind @ ("mappings" | "service_providers" | "identity_providers"),
                rest @ ..,
            ],
        ) => federation(app, state, req, &ctx, kind, rest),
        (&Method::GET, ["limits", "model"]) => Ok(Reply::ok(json!({"model": {
            "name": "flat",
            "description": "Limit enforcement and validation does not take project hierarchy into consideration."
        }}))),
        (&Method::POST, ["registered_limits" | "limits"]) => {
            create_limits(app, state, req, &ctx, segs[0])
        }
        (_, ["registered_limits", rest @ ..]) => documents(
            app,
            state,
            req,
            &ctx,
            &Documents {
                collection: "registered_limits",
                singular: "registered_limit",
                required: &[],
                filters: &["service_id", "resource_name", "region_id"],
                nullable: &["region_id", "description"],
            },
            rest,
        ),
        (_, ["limits", rest @ ..]) => documents(
            app,
            state,
            req,
            &ctx,
            &Documents {
                collection: "limits",
                singular: "limit",
                required: &[],
                filters: &[
                    "service_id",
                    "resource_name",
                    "region_id",
                    "project_id",
                    "domain_id",
                ],
                nullable: &["region_id", "description", "project_id", "domain_id"],
            },
            rest,
        ),
        (_, ["credentials", rest @ ..]) => documents(
            app,
            state,
            req,
            &ctx,
            &Documents {
                collection: "credentials",
                singular: "credential",
                required: &["type", "user_id", "blob"],
                filters: &["user_id", "type"],
                nullable: &["project_id"],
            },
            rest,
        ),
        (_, ["policies", rest @ ..]) => documents(
            app,
            state,
            req,
            &ctx,
            &Documents {
                collection: "policies",
                singular: "policy",
                required: &["type", "blob"],
                filters: &["type"],
                nullable: &[],
            },
            rest,
        ),
        (&Method::GET, ["OS-SIMPLE-CERT", "ca" | "certificates"]) => Err(keystone_error(
            410,
            "This API is no longer available due to the removal of support for PKI tokens.",
        )),
        (&Method::GET, ["auth", "tokens", "OS-PKI", "revoked"]) => Err(keystone_error(
            410,
            "This API is no longer available due to the removal of support for PKI tokens.",
        )),
        (&Method::GET, ["OS-REVOKE", "events"]) => {
            let since = match req.q("since") {
                Some(v) => match parse_time(v) {
                    Some(t) => Some(t),
                    None => return Err(bad_request(&format!("Invalid time format: {v}"))),
                },
                None => None,
            };
            let events: Vec<Value> = state
                .revocation_events
                .iter()
                .filter(|(_, at, _)| since.is_none_or(|s| *at >= s))
                .map(|(audit, at, before)| {
                    json!({"audit_id": audit, "revoked_at": stamp(*at),
                           "issued_before": stamp(*before)})
                })
                .collect();
            Ok(Reply::ok(
                json!({"events": events, "links": link(app, "OS-REVOKE/events")}),
            ))
        }
        (_, ["services", rest @ ..]) => services(app, state, req, &ctx, rest),
        (_, ["endpoints", rest @ ..]) => endpoints(app, state, req, &ctx, rest),
        (_, ["regions", rest @ ..]) => regions(app, state, req, &ctx, rest),
        _ => Err(keystone_error(404, "The resource could not be found.")),
    }
}

fn endpoint_json(app: &App, e: &crate::state::Endpoint) -> Value {
    json!({"id": e.id, "service_id": e.service_id, "interface": e.interface, "url": e.url,
           "region_id": e.region_id, "region": e.region_id, "enabled": e.enabled,
           "name": e.name, "description": e.description,
           "links": link(app, &format!("endpoints/{}", e.id))})
}

fn service_json(app: &App, s: &crate::state::Service) -> Value {
    json!({"id": s.id, "type": s.service_type, "name": s.name, "enabled": s.enabled,
           "description": s.description, "links": link(app, &format!("services/{}", s.id))})
}

fn region_json(app: &App, r: &crate::state::Region) -> Value {
    json!({"id": r.id, "description": r.description, "parent_region_id": r.parent_region_id,
           "links": link(app, &format!("regions/{}", r.id))})
}

fn services(app: &App, state: &mut State, req: &Req, ctx: &Ctx, rest: &[&str]) -> Answer {
    require_admin(ctx, "create_service")?;
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let items = state
                .services
                .values()
                .filter(|s| req.q("type").is_none_or(|t| t == s.service_type))
                .filter(|s| req.q("name").is_none_or(|n| n == s.name))
                .map(|s| service_json(app, s))
                .collect();
            Ok(collection(app, "services", "services", items))
        }
        (&Method::POST, []) => {
            let body = req.json();
            let o = body_object(&body, "service")?;
            let Some(service_type) = str_field(o, "type")? else {
                return Err(bad_request(
                    "Invalid input for field 'type': 'type' is a required property",
                ));
            };
            let s = crate::state::Service {
                id: ids::hex_id(),
                service_type,
                name: str_field(o, "name")?.unwrap_or_default(),
                enabled: bool_field(o, "enabled")?.unwrap_or(true),
                description: str_field(o, "description")?,
            };
            let v = service_json(app, &s);
            state.services.insert(s.id.clone(), s);
            Ok(Reply::json(201, json!({"service": v})))
        }
        (m, [id]) => {
            let Some(mut s) = state.services.get(*id).cloned() else {
                return Err(not_found("service", id));
            };
            match *m {
                Method::GET => Ok(Reply::ok(json!({"service": service_json(app, &s)}))),
                Method::PATCH => {
                    let body = req.json();
                    let o = body_object(&body, "service")?;
                    if let Some(t) = str_field(o, "type")? {
                        s.service_type = t;
                    }
                    if let Some(n) = str_field(o, "name")? {
                        s.name = n;
                    }
                    if o.contains_key("description") {
                        s.description = str_field(o, "description")?;
                    }
                    if let Some(e) = bool_field(o, "enabled")? {
                        s.enabled = e;
                    }
                    let v = service_json(app, &s);
                    state.services.insert(s.id.clone(), s);
                    Ok(Reply::ok(json!({"service": v})))
                }
                Method::DELETE => {
                    state.services.remove(*id);
                    state.endpoints.retain(|_, e| e.service_id != *id);
                    Ok(Reply::empty(204))
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

fn interface_field(o: &Map<String, Value>) -> Result<Option<String>, Reply> {
    match str_field(o, "interface")? {
        Some(i) if matches!(i.as_str(), "public" | "internal" | "admin") => Ok(Some(i)),
        Some(i) => Err(bad_request(&format!(
            "Invalid input for field 'interface': '{i}' does not match '^(?:admin|internal|public)$'"
        ))),
        None => Ok(None),
    }
}

fn endpoints(app: &App, state: &mut State, req: &Req, ctx: &Ctx, rest: &[&str]) -> Answer {
    require_admin(ctx, "create_endpoint")?;
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let items = state
                .endpoints
                .values()
                .filter(|e| req.q("interface").is_none_or(|i| i == e.interface))
                .filter(|e| req.q("service_id").is_none_or(|s| s == e.service_id))
                .filter(|e| {
                    req.q("region_id")
                        .is_none_or(|r| e.region_id.as_deref() == Some(r))
                })
                .map(|e| endpoint_json(app, e))
                .collect();
            Ok(collection(app, "endpoints", "endpoints", items))
        }
        (&Method::POST, []) => {
            let body = req.json();
            let o = body_object(&body, "endpoint")?;
            let (Some(service_id), Some(interface), Some(url)) = (
                str_field(o, "service_id")?,
                interface_field(o)?,
                str_field(o, "url")?,
            ) else {
                return Err(bad_request(
                    "Invalid input for field 'endpoint': 'service_id', 'interface' and 'url' are required properties",
                ));
            };
            if !state.services.contains_key(&service_id) {
                return Err(not_found("service", &service_id));
            }
            let region_id = str_field(o, "region_id")?;
            if let Some(r) = &region_id
                && !state.regions.contains_key(r)
            {
                return Err(not_found("region", r));
            }
            let e = crate::state::Endpoint {
                id: ids::hex_id(),
                service_id,
                interface,
                url,
                region_id,
                enabled: bool_field(o, "enabled")?.unwrap_or(true),
                name: str_field(o, "name")?,
                description: str_field(o, "description")?,
            };
            let v = endpoint_json(app, &e);
            state.endpoints.insert(e.id.clone(), e);
            Ok(Reply::json(201, json!({"endpoint": v})))
        }
        (m, [id]) => {
            let Some(mut e) = state.endpoints.get(*id).cloned() else {
                return Err(not_found("endpoint", id));
            };
            match *m {
                Method::GET => Ok(Reply::ok(json!({"endpoint": endpoint_json(app, &e)}))),
                Method::PATCH => {
                    let body = req.json();
                    let o = body_object(&body, "endpoint")?;
                    if let Some(i) = interface_field(o)? {
                        e.interface = i;
                    }
                    if let Some(u) = str_field(o, "url")? {
                        e.url = u;
                    }
                    if let Some(s) = str_field(o, "service_id")? {
                        e.service_id = s;
                    }
                    if o.contains_key("region_id") {
                        e.region_id = str_field(o, "region_id")?;
                    }
                    if let Some(b) = bool_field(o, "enabled")? {
                        e.enabled = b;
                    }
                    if o.contains_key("name") {
                        e.name = str_field(o, "name")?;
                    }
                    if o.contains_key("description") {
                        e.description = str_field(o, "description")?;
                    }
                    let v = endpoint_json(app, &e);
                    state.endpoints.insert(e.id.clone(), e);
                    Ok(Reply::ok(json!({"endpoint": v})))
                }
                Method::DELETE => {
                    state.endpoints.remove(*id);
                    Ok(Reply::empty(204))
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

fn regions(app: &App, state: &mut State, req: &Req, ctx: &Ctx, rest: &[&str]) -> Answer {
    let reading = matches!(req.method, Method::GET | Method::HEAD);
    if !reading {
        require_admin(ctx, "create_region")?;
    }
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let items = state
                .regions
                .values()
                .filter(|r| {
                    req.q("parent_region_id")
                        .is_none_or(|p| r.parent_region_id.as_deref() == Some(p))
                })
                .map(|r| region_json(app, r))
                .collect();
            Ok(collection(app, "regions", "regions", items))
        }
        (&Method::POST, []) => {
            let body = req.json();
            let o = body_object(&body, "region")?;
            let id = str_field(o, "id")?.unwrap_or_else(ids::hex_id);
            if state.regions.contains_key(&id) {
                return Err(keystone_error(
                    409,
                    &format!("Conflict occurred attempting to store region - Duplicate ID, {id}."),
                ));
            }
            let parent_region_id = str_field(o, "parent_region_id")?;
            if let Some(p) = &parent_region_id
                && !state.regions.contains_key(p)
            {
                return Err(not_found("region", p));
            }
            let r = crate::state::Region {
                id,
                description: str_field(o, "description")?.unwrap_or_default(),
                parent_region_id,
            };
            let v = region_json(app, &r);
            state.regions.insert(r.id.clone(), r);
            Ok(Reply::json(201, json!({"region": v})))
        }
        (m, [id]) => {
            let Some(mut r) = state.regions.get(*id).cloned() else {
                return Err(not_found("region", id));
            };
            match *m {
                Method::GET => Ok(Reply::ok(json!({"region": region_json(app, &r)}))),
                Method::PATCH => {
                    let body = req.json();
                    let o = body_object(&body, "region")?;
                    if let Some(d) = str_field(o, "description")? {
                        r.description = d;
                    }
                    if o.contains_key("parent_region_id") {
                        r.parent_region_id = str_field(o, "parent_region_id")?;
                    }
                    let v = region_json(app, &r);
                    state.regions.insert(r.id.clone(), r);
                    Ok(Reply::ok(json!({"region": v})))
                }
                Method::DELETE => {
                    // The region and its subregions, unless one of them has endpoints.
                    let mut doomed = vec![id.to_string()];
                    let mut i = 0;
                    while i < doomed.len() {
                        let children: Vec<String> = state
                            .regions
                            .values()
                            .filter(|c| c.parent_region_id.as_deref() == Some(doomed[i].as_str()))
                            .map(|c| c.id.clone())
                            .collect();
                        doomed.extend(children);
                        i += 1;
                    }
                    if state
                        .endpoints
                        .values()
                        .any(|e| e.region_id.as_ref().is_some_and(|r| doomed.contains(r)))
                    {
                        return Err(keystone_error(
                            403,
                            &format!(
                                "Unable to delete region {id} because it or its child regions have associated endpoints."
                            ),
                        ));
                    }
                    for d in doomed {
                        state.regions.remove(&d);
                    }
                    Ok(Reply::empty(204))
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

fn user_projects(app: &App, state: &State, user_id: &str) -> Vec<Value> {
    state
        .projects
        .values()
        .filter(|p| !direct_roles(state, user_id, &Target::Project(p.id.clone())).is_empty())
        .map(|p| project_json(app, p))
        .collect()
}

// ------------------------------------------------------------------ projects

fn projects(app: &App, state: &mut State, req: &Req, ctx: &Ctx, rest: &[&str]) -> Answer {
    let m = &req.method;
    match (m, rest) {
        (&Method::GET, []) => {
            require_admin(ctx, "list_projects")?;
            let enabled = enabled_filter(req);
            let tags = req
                .q("tags")
                .map(|t| t.split(',').map(str::to_string).collect::<Vec<_>>());
            let items = state
                .projects
                .values()
                .filter(|p| req.q("name").is_none_or(|n| n == p.name))
                .filter(|p| req.q("domain_id").is_none_or(|d| d == p.domain_id))
                .filter(|p| req.q("parent_id").is_none_or(|d| d == p.domain_id))
                .filter(|p| enabled.is_none_or(|e| e == p.enabled))
                .filter(|p| {
                    tags.as_ref()
                        .is_none_or(|ts| ts.iter().all(|t| p.tags.contains(t)))
                })
                .filter(|_| req.q("is_domain").is_none_or(|v| v == "false"))
                .map(|p| project_json(app, p))
                .collect();
            Ok(collection(app, "projects", "projects", items))
        }
        (&Method::POST, []) => {
            require_admin(ctx, "create_project")?;
            let body = req.json();
            let o = body_object(&body, "project")?;
            let Some(name) = str_field(o, "name")? else {
                return Err(bad_request(
                    "Invalid input for field 'name': 'name' is a required property",
                ));
            };
            let domain_id = str_field(o, "domain_id")?.unwrap_or_else(|| "default".into());
            if !state.domains.contains_key(&domain_id) {
                return Err(not_found("domain", &domain_id));
            }
            if state
                .projects
                .values()
                .any(|p| p.name == name && p.domain_id == domain_id)
            {
                return Err(conflict("project", &name));
            }
            let mut p = Project::new(&name, &domain_id);
            p.description = str_field(o, "description")?.unwrap_or_default();
            p.enabled = bool_field(o, "enabled")?.unwrap_or(true);
            if let Some(tags) = o.get("tags").and_then(Value::as_array) {
                p.tags = tags
                    .iter()
                    .filter_map(|t| t.as_str().map(str::to_string))
                    .collect();
            }
            for (k, v) in o {
                if !matches!(
                    k.as_str(),
                    "name"
                        | "domain_id"
                        | "description"
                        | "enabled"
                        | "tags"
                        | "parent_id"
                        | "is_domain"
                        | "options"
                ) {
                    p.extra.insert(k.clone(), v.clone());
                }
            }
            let v = project_json(app, &p);
            state.projects.insert(p.id.clone(), p);
            Ok(Reply::json(201, json!({"project": v})))
        }
        (_, [id, rest @ ..]) => {
            let id = id.to_string();
            let Some(p) = state.projects.get(&id).cloned() else {
                return Err(not_found("project", &id));
            };
            let member =
                !direct_roles(state, &ctx.user_id, &Target::Project(id.clone())).is_empty();
            match (m, rest) {
                (&Method::GET, []) => {
                    if !(ctx.is_admin() || member) {
                        return Err(forbidden("get_project"));
                    }
                    Ok(Reply::ok(json!({"project": project_json(app, &p)})))
                }
                (&Method::PATCH, []) => {
                    require_admin(ctx, "update_project")?;
                    let body = req.json();
                    let o = body_object(&body, "project")?;
                    let mut p = p;
                    if let Some(n) = str_field(o, "name")? {
                        if state
                            .projects
                            .values()
                            .any(|q| q.id != p.id && q.name == n && q.domain_id == p.domain_id)
                        {
                            return Err(conflict("project", &n));
                        }
                        p.name = n;
                    }
                    if let Some(d) = str_field(o, "description")? {
                        p.description = d;
                    }
                    if let Some(e) = bool_field(o, "enabled")? {
                        p.enabled = e;
                    }
                    if let Some(tags) = o.get("tags").and_then(Value::as_array) {
                        p.tags = tags
                            .iter()
                            .filter_map(|t| t.as_str().map(str::to_string))
                            .collect();
                    }
                    for (k, v) in o {
                        if !matches!(
                            k.as_str(),
                            "name"
                                | "domain_id"
                                | "description"
                                | "enabled"
                                | "tags"
                                | "parent_id"
                                | "is_domain"
                                | "options"
                        ) {
                            p.extra.insert(k.clone(), v.clone());
                        }
                    }
                    let v = project_json(app, &p);
                    state.projects.insert(p.id.clone(), p);
                    Ok(Reply::ok(json!({"project": v})))
                }
                (&Method::DELETE, []) => {
                    require_admin(ctx, "delete_project")?;
                    state.projects.remove(&id);
                    state
                        .assignments
                        .retain(|a| a.target != Target::Project(id.clone()));
                    state.project_endpoints.retain(|(p, _)| *p != id);
                    state.group_projects.retain(|(_, p)| *p != id);
                    Ok(Reply::empty(204))
                }
                (_, ["tags", rest @ ..]) => project_tags(state, req, ctx, member, p, rest),
                (_, [kind, actor, "roles", rest @ ..]) => {
                    let target = Target::Project(id.clone());
                    grant(app, state, req, ctx, target, kind, actor, rest, false)
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

fn project_tags(
    state: &mut State,
    req: &Req,
    ctx: &Ctx,
    member: bool,
    mut p: Project,
    rest: &[&str],
) -> Answer {
    let reading = matches!(req.method, Method::GET | Method::HEAD);
    if !(ctx.is_admin() || (reading && member)) {
        return Err(forbidden("update_project_tags"));
    }
    let reply = match (&req.method, rest) {
        (&Method::GET, []) => Reply::ok(json!({"tags": p.tags})),
        (&Method::PUT, []) => {
            let Some(tags) = req.json().and_then(|b| b.get("tags").cloned()) else {
                return Err(bad_request(
                    "Invalid input for field 'tags': 'tags' is a required property",
                ));
            };
            let Some(tags) = tags.as_array() else {
                return Err(bad_request("Invalid input for field 'tags'."));
            };
            let mut new = Vec::new();
            for t in tags {
                let Some(t) = t.as_str() else {
                    return Err(bad_request("Invalid input for field 'tags'."));
                };
                if t.contains('/') || t.contains(',') || t.is_empty() || t.len() > 255 {
                    return Err(bad_request(&format!("Invalid tag: {t}")));
                }
                if !new.iter().any(|x: &String| x == t) {
                    new.push(t.to_string());
                }
            }
            p.tags = new;
            Reply::ok(json!({"tags": p.tags}))
        }
        (&Method::DELETE, []) => {
            p.tags.clear();
            Reply::empty(204)
        }
        (&Method::GET | &Method::HEAD, [tag]) => {
            if p.tags.iter().any(|t| t == tag) {
                Reply::empty(204)
            } else {
                not_found("project tag", tag)
            }
        }
        (&Method::PUT, [tag]) => {
            if tag.contains(',') || tag.len() > 255 {
                return Err(bad_request(&format!("Invalid tag: {tag}")));
            }
            if !p.tags.iter().any(|t| t == tag) {
                p.tags.push(tag.to_string());
            }
            Reply::empty(201)
        }
        (&Method::DELETE, [tag]) => {
            let before = p.tags.len();
            p.tags.retain(|t| t != tag);
            if before == p.tags.len() {
                return Err(not_found("project tag", tag));
            }
            Reply::empty(204)
        }
        _ => return Err(method_not_allowed()),
    };
    state.projects.insert(p.id.clone(), p);
    Ok(reply)
}

// ------------------------------------------------------------------ users

fn change_password(state: &mut State, req: &Req, id: &str) -> Answer {
    let body = req.json();
    let o = body_object(&body, "user")?;
    let (Some(original), Some(new)) = (
        str_field(o, "original_password")?,
        str_field(o, "password")?,
    ) else {
        return Err(bad_request(
            "Invalid input for field 'user': 'original_password' and 'password' are required properties",
        ));
    };
    let Some(user) = state.users.get_mut(id) else {
        return Err(unauthorized());
    };
    if user.password != original || !user.enabled {
        return Err(unauthorized());
    }
    user.password = new;
    revoke_user_tokens(state, id);
    Ok(Reply::empty(204))
}

fn revoke_user_tokens(state: &mut State, user_id: &str) {
    let audits: Vec<String> = state
        .tokens
        .values()
        .filter(|t| t.user_id == user_id)
        .map(|t| t.audit_ids[0].clone())
        .collect();
    state.revoked_audit_ids.extend(audits);
}

const USER_FIELDS: [&str; 8] = [
    "name",
    "domain_id",
    "enabled",
    "password",
    "description",
    "default_project_id",
    "options",
    "federated",
];

fn users(app: &App, state: &mut State, req: &Req, ctx: &Ctx, rest: &[&str]) -> Answer {
    let m = &req.method;
    match (m, rest) {
        (&Method::GET, []) => {
            require_admin(ctx, "list_users")?;
            let enabled = enabled_filter(req);
            let items = state
                .users
                .values()
                .filter(|u| req.q("name").is_none_or(|n| n == u.name))
                .filter(|u| req.q("domain_id").is_none_or(|d| d == u.domain_id))
                .filter(|u| enabled.is_none_or(|e| e == u.enabled))
                .map(|u| user_json(app, u))
                .collect();
            Ok(collection(app, "users", "users", items))
        }
        (&Method::POST, []) => {
            require_admin(ctx, "create_user")?;
            let body = req.json();
            let o = body_object(&body, "user")?;
            let Some(name) = str_field(o, "name")? else {
                return Err(bad_request(
                    "Invalid input for field 'name': 'name' is a required property",
                ));
            };
            let domain_id = str_field(o, "domain_id")?.unwrap_or_else(|| "default".into());
            if !state.domains.contains_key(&domain_id) {
                return Err(not_found("domain", &domain_id));
            }
            if state
                .users
                .values()
                .any(|u| u.name == name && u.domain_id == domain_id)
            {
                return Err(conflict("user", &name));
            }
            let mut u = User::new(&name, &domain_id, "");
            u.password = str_field(o, "password")?.unwrap_or_default();
            apply_user_fields(&mut u, o)?;
            let v = user_json(app, &u);
            state.users.insert(u.id.clone(), u);
            Ok(Reply::json(201, json!({"user": v})))
        }
        (_, [id, rest @ ..]) => {
            let id = id.to_string();
            let Some(u) = state.users.get(&id).cloned() else {
                return Err(not_found("user", &id));
            };
            let own = ctx.user_id == id;
            match (m, rest) {
                (&Method::GET, []) => {
                    if !(ctx.is_admin() || own) {
                        return Err(forbidden("get_user"));
                    }
                    Ok(Reply::ok(json!({"user": user_json(app, &u)})))
                }
                (&Method::PATCH, []) => {
                    require_admin(ctx, "update_user")?;
                    let body = req.json();
                    let o = body_object(&body, "user")?;
                    let mut u = u;
                    if let Some(n) = str_field(o, "name")? {
                        u.name = n;
                    }
                    if let Some(pw) = str_field(o, "password")? {
                        u.password = pw;
                        revoke_user_tokens(state, &id);
                    }
                    apply_user_fields(&mut u, o)?;
                    if !u.enabled {
                        revoke_user_tokens(state, &id);
                    }
                    let v = user_json(app, &u);
                    state.users.insert(u.id.clone(), u);
                    Ok(Reply::ok(json!({"user": v})))
                }
                (&Method::DELETE, []) => {
                    require_admin(ctx, "delete_user")?;
                    revoke_user_tokens(state, &id);
                    state.users.remove(&id);
                    state
                        .assignments
                        .retain(|a| a.actor != Actor::User(id.clone()));
                    for g in state.groups.values_mut() {
                        g.users.retain(|u| *u != id);
                    }
                    state.application_credentials.retain(|_, c| c.user_id != id);
                    if let Some(creds) = state.documents.get_mut("credentials") {
                        creds.retain(|_, c| c.get("user_id") != Some(&json!(id)));
                    }
                    Ok(Reply::empty(204))
                }
                (&Method::GET, ["groups"]) => {
                    if !(ctx.is_admin() || own) {
                        return Err(forbidden("list_groups_for_user"));
                    }
                    let items = state
                        .groups
                        .values()
                        .filter(|g| g.users.contains(&id))
                        .map(|g| group_json(app, g))
                        .collect();
                    Ok(collection(
                        app,
                        "groups",
                        &format!("users/{id}/groups"),
                        items,
                    ))
                }
                (&Method::GET, ["projects"]) => {
                    if !(ctx.is_admin() || own) {
                        return Err(forbidden("list_user_projects"));
                    }
                    let items = user_projects(app, state, &id);
                    Ok(collection(
                        app,
                        "projects",
                        &format!("users/{id}/projects"),
                        items,
                    ))
                }
                (_, ["application_credentials", rest @ ..]) => {
                    if !(ctx.is_admin() || own) {
                        return Err(forbidden("list_application_credentials"));
                    }
                    application_credentials(app, state, req, ctx, &id, rest)
                }
                (_, ["access_rules", rest @ ..]) => {
                    if !(ctx.is_admin() || own) {
                        return Err(forbidden("list_access_rules"));
                    }
                    access_rules(app, state, req, &id, rest)
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

fn apply_user_fields(u: &mut User, o: &Map<String, Value>) -> Result<(), Reply> {
    if let Some(d) = str_field(o, "description")? {
        u.description = Some(d);
    }
    if let Some(p) = str_field(o, "default_project_id")? {
        u.default_project_id = Some(p);
    }
    if let Some(e) = bool_field(o, "enabled")? {
        u.enabled = e;
    }
    if let Some(opts) = o.get("options").and_then(Value::as_object) {
        for (k, v) in opts {
            if v.is_null() {
                u.options.remove(k);
            } else {
                u.options.insert(k.clone(), v.clone());
            }
        }
    }
    for (k, v) in o {
        if !USER_FIELDS.contains(&k.as_str()) && k != "id" && k != "links" {
            u.extra.insert(k.clone(), v.clone());
        }
    }
    Ok(())
}

// ------------------------------------------------------------------ application credentials

fn app_cred_json(app: &App, state: &State, c: &ApplicationCredential, secret: bool) -> Value {
    let roles: Vec<Value> = c
        .role_ids
        .iter()
        .filter_map(|id| state.roles.get(id))
        .map(|r| json!({"id": r.id, "name": r.name, "domain_id": r.domain_id}))
        .collect();
    let rules: Vec<Value> = c
        .access_rule_ids
        .iter()
        .filter_map(|id| state.access_rules.get(id))
        .map(|r| json!({"id": r.id, "service": r.service, "method": r.method, "path": r.path}))
        .collect();
    let mut v = json!({
        "id": c.id, "name": c.name, "description": c.description, "user_id": c.user_id,
        "project_id": c.project_id, "roles": roles, "unrestricted": c.unrestricted,
        "expires_at": c.expires_at.map(stamp), "access_rules": rules, "system": null,
        "links": link(app, &format!("users/{}/application_credentials/{}", c.user_id, c.id)),
    });
    if secret {
        v["secret"] = json!(c.secret);
    }
    v
}

fn application_credentials(
    app: &App,
    state: &mut State,
    req: &Req,
    ctx: &Ctx,
    user_id: &str,
    rest: &[&str],
) -> Answer {
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let items = state
                .application_credentials
                .values()
                .filter(|c| c.user_id == user_id)
                .filter(|c| req.q("name").is_none_or(|n| n == c.name))
                .map(|c| app_cred_json(app, state, c, false))
                .collect();
            Ok(collection(
                app,
                "application_credentials",
                &format!("users/{user_id}/application_credentials"),
                items,
            ))
        }
        (&Method::POST, []) => {
            if ctx.user_id != user_id {
                return Err(forbidden("create_application_credential"));
            }
            let Some(project_id) = ctx.project_id().map(str::to_string) else {
                return Err(bad_request(
                    "Application credentials require a project-scoped token.",
                ));
            };
            let body = req.json();
            let o = body_object(&body, "application_credential")?;
            let Some(name) = str_field(o, "name")? else {
                return Err(bad_request(
                    "Invalid input for field 'name': 'name' is a required property",
                ));
            };
            if state
                .application_credentials
                .values()
                .any(|c| c.user_id == user_id && c.name == name)
            {
                return Err(keystone_error(
                    409,
                    &format!(
                        "Conflict occurred attempting to store application_credential - Duplicate entry found with name {name}."
                    ),
                ));
            }
            // The caller's effective roles on the project bound what may be delegated.
            let held = closure(
                state,
                direct_roles(state, user_id, &Target::Project(project_id.clone())),
            );
            let mut role_ids = Vec::new();
            match o.get("roles").and_then(Value::as_array) {
                Some(roles) => {
                    for r in roles {
                        let found = if let Some(id) = r["id"].as_str() {
                            state.roles.get(id)
                        } else if let Some(n) = r["name"].as_str() {
                            state.role_by_name(n)
                        } else {
                            None
                        };
                        match found {
                            Some(role) if held.contains(&role.id) => role_ids.push(role.id.clone()),
                            _ => {
                                return Err(keystone_error(
                                    404,
                                    &format!(
                                        "Could not find role assignment with role: {r} for the user {user_id}."
                                    ),
                                ));
                            }
                        }
                    }
                }
                None => {
                    role_ids = direct_roles(state, user_id, &Target::Project(project_id.clone()));
                }
            }
            let expires_at = match o.get("expires_at") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => match parse_time(s) {
                    Some(t) => Some(t),
                    None => return Err(bad_request("Invalid input for field 'expires_at'.")),
                },
                Some(_) => return Err(bad_request("Invalid input for field 'expires_at'.")),
            };
            let mut rule_ids = Vec::new();
            if let Some(rules) = o.get("access_rules").and_then(Value::as_array) {
                for r in rules {
                    if let Some(id) = r["id"].as_str() {
                        if state
                            .access_rules
                            .get(id)
                            .is_some_and(|x| x.user_id == user_id)
                        {
                            rule_ids.push(id.to_string());
                            continue;
                        }
                        return Err(not_found("access_rule", id));
                    }
                    let (Some(service), Some(method), Some(path)) = (
                        r["service"].as_str(),
                        r["method"].as_str(),
                        r["path"].as_str(),
                    ) else {
                        return Err(bad_request("Invalid input for field 'access_rules'."));
                    };
                    let existing = state.access_rules.values().find(|x| {
                        x.user_id == user_id
                            && x.service == service
                            && x.method == method
                            && x.path == path
                    });
                    let id = match existing {
                        Some(x) => x.id.clone(),
                        None => {
                            let id = ids::hex_id();
                            state.access_rules.insert(
                                id.clone(),
                                AccessRule {
                                    id: id.clone(),
                                    user_id: user_id.into(),
                                    service: service.into(),
                                    method: method.into(),
                                    path: path.into(),
                                },
                            );
                            id
                        }
                    };
                    rule_ids.push(id);
                }
            }
            let cred = ApplicationCredential {
                id: ids::hex_id(),
                name,
                user_id: user_id.into(),
                project_id,
                secret: str_field(o, "secret")?.unwrap_or_else(ids::secret),
                description: str_field(o, "description")?,
                role_ids,
                unrestricted: bool_field(o, "unrestricted")?.unwrap_or(false),
                expires_at,
                access_rule_ids: rule_ids,
            };
            let v = app_cred_json(app, state, &cred, true);
            state.application_credentials.insert(cred.id.clone(), cred);
            Ok(Reply::json(201, json!({"application_credential": v})))
        }
        (&Method::GET, [id]) => match state.application_credentials.get(*id) {
            Some(c) if c.user_id == user_id => Ok(Reply::ok(
                json!({"application_credential": app_cred_json(app, state, c, false)}),
            )),
            _ => Err(not_found("application credential", id)),
        },
        (&Method::DELETE, [id]) => match state.application_credentials.get(*id) {
            Some(c) if c.user_id == user_id => {
                state.application_credentials.remove(*id);
                Ok(Reply::empty(204))
            }
            _ => Err(not_found("application credential", id)),
        },
        _ => Err(method_not_allowed()),
    }
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    let s = s.trim_end_matches('Z');
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .map(|n| n.and_utc())
}

fn access_rules(app: &App, state: &mut State, req: &Req, user_id: &str, rest: &[&str]) -> Answer {
    let rule_json = |r: &AccessRule| {
        json!({"id": r.id, "service": r.service, "method": r.method, "path": r.path,
               "links": link(app, &format!("users/{}/access_rules/{}", r.user_id, r.id))})
    };
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let items = state
                .access_rules
                .values()
                .filter(|r| r.user_id == user_id)
                .map(rule_json)
                .collect();
            Ok(collection(
                app,
                "access_rules",
                &format!("users/{user_id}/access_rules"),
                items,
            ))
        }
        (&Method::GET, [id]) => match state.access_rules.get(*id) {
            Some(r) if r.user_id == user_id => Ok(Reply::ok(json!({"access_rule": rule_json(r)}))),
            _ => Err(not_found("access rule", id)),
        },
        (&Method::DELETE, [id]) => {
            if state
                .access_rules
                .get(*id)
                .is_none_or(|r| r.user_id != user_id)
            {
                return Err(not_found("access rule", id));
            }
            if state
                .application_credentials
                .values()
                .any(|c| c.access_rule_ids.iter().any(|r| r == id))
            {
                return Err(keystone_error(
                    403,
                    "Cannot delete access rule because it is in use by an application credential.",
                ));
            }
            state.access_rules.remove(*id);
            Ok(Reply::empty(204))
        }
        _ => Err(method_not_allowed()),
    }
}

// ------------------------------------------------------------------ roles

fn roles(app: &App, state: &mut State, req: &Req, ctx: &Ctx, rest: &[&str]) -> Answer {
    let m = &req.method;
    let action = match (m, rest.len()) {
        (&Method::GET | &Method::HEAD, _) => "get_role",
        _ => "create_role",
    };
    require_admin(ctx, action)?;
    match (m, rest) {
        (&Method::GET, []) => {
            let items = state
                .roles
                .values()
                .filter(|r| req.q("name").is_none_or(|n| n == r.name))
                .filter(|r| match req.q("domain_id") {
                    Some(d) => r.domain_id.as_deref() == Some(d),
                    None => r.domain_id.is_none(),
                })
                .map(|r| role_json(app, r))
                .collect();
            Ok(collection(app, "roles", "roles", items))
        }
        (&Method::POST, []) => {
            let body = req.json();
            let o = body_object(&body, "role")?;
            let Some(name) = str_field(o, "name")? else {
                return Err(bad_request(
                    "Invalid input for field 'name': 'name' is a required property",
                ));
            };
            let domain_id = str_field(o, "domain_id")?;
            if state
                .roles
                .values()
                .any(|r| r.name == name && r.domain_id == domain_id)
            {
                return Err(conflict("role", &name));
            }
            let r = Role {
                id: ids::hex_id(),
                name,
                domain_id,
                description: str_field(o, "description")?,
            };
            let v = role_json(app, &r);
            state.roles.insert(r.id.clone(), r);
            Ok(Reply::json(201, json!({"role": v})))
        }
        (_, [id, rest @ ..]) => {
            let id = id.to_string();
            let Some(role) = state.roles.get(&id).cloned() else {
                return Err(not_found("role", &id));
            };
            match (m, rest) {
                (&Method::GET, []) => Ok(Reply::ok(json!({"role": role_json(app, &role)}))),
                (&Method::PATCH, []) => {
                    let body = req.json();
                    let o = body_object(&body, "role")?;
                    let mut role = role;
                    if let Some(n) = str_field(o, "name")? {
                        role.name = n;
                    }
                    if o.contains_key("description") {
                        role.description = str_field(o, "description")?;
                    }
                    let v = role_json(app, &role);
                    state.roles.insert(role.id.clone(), role);
                    Ok(Reply::ok(json!({"role": v})))
                }
                (&Method::DELETE, []) => {
                    state.roles.remove(&id);
                    state.assignments.retain(|a| a.role_id != id);
                    state.implied_roles.retain(|(p, i)| *p != id && *i != id);
                    for c in state.application_credentials.values_mut() {
                        c.role_ids.retain(|r| *r != id);
                    }
                    Ok(Reply::empty(204))
                }
                (&Method::GET, ["implies"]) => {
                    let implies: Vec<Value> = state
                        .implied_roles
                        .iter()
                        .filter(|(p, _)| *p == id)
                        .filter_map(|(_, i)| state.roles.get(i))
                        .map(|r| role_ref(app, r))
                        .collect();
                    Ok(Reply::ok(
                        json!({"role_inference": {"prior_role": role_ref(app, &role),
                        "implies": implies}, "links": link(app, &format!("roles/{id}/implies"))}),
                    ))
                }
                (_, ["implies", implied]) => {
                    let Some(imp) = state.roles.get(*implied).cloned() else {
                        return Err(not_found("role", implied));
                    };
                    let exists = state
                        .implied_roles
                        .iter()
                        .any(|(p, i)| *p == id && i == implied);
                    let body = json!({"role_inference": {"prior_role": role_ref(app, &role),
                        "implies": role_ref(app, &imp)},
                        "links": link(app, &format!("roles/{id}/implies/{implied}"))});
                    match m {
                        &Method::PUT => {
                            if !exists {
                                state.implied_roles.push((id.clone(), implied.to_string()));
                            }
                            Ok(Reply::json(201, body))
                        }
                        &Method::GET if exists => Ok(Reply::ok(body)),
                        &Method::HEAD if exists => Ok(Reply::empty(204)),
                        &Method::DELETE if exists => {
                            state
                                .implied_roles
                                .retain(|(p, i)| !(*p == id && i == implied));
                            Ok(Reply::empty(204))
                        }
                        &Method::GET | &Method::HEAD | &Method::DELETE => Err(keystone_error(
                            404,
                            &format!("{id} does not imply {implied}."),
                        )),
                        _ => Err(method_not_allowed()),
                    }
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

// ------------------------------------------------------------------ grants and assignments

/// `…/{users|groups}/{actor}/roles[/{role}][/inherited_to_projects]` on a target.
#[allow(clippy::too_many_arguments)]
fn grant(
    app: &App,
    state: &mut State,
    req: &Req,
    ctx: &Ctx,
    target: Target,
    kind: &str,
    actor: &str,
    rest: &[&str],
    inherited: bool,
) -> Answer {
    require_admin(ctx, "create_grant")?;
    let actor = match kind {
        "users" if state.users.contains_key(actor) => Actor::User(actor.into()),
        "groups" if state.groups.contains_key(actor) => Actor::Group(actor.into()),
        "users" => return Err(not_found("user", actor)),
        "groups" => return Err(not_found("group", actor)),
        _ => return Err(keystone_error(404, "The resource could not be found.")),
    };
    // Inherited paths end in `inherited_to_projects`; direct ones must not.
    let rest: Vec<&str> = match (inherited, rest.split_last()) {
        (true, Some((&"inherited_to_projects", head))) => head.to_vec(),
        (true, _) => return Err(keystone_error(404, "The resource could not be found.")),
        (false, _) => rest.to_vec(),
    };
    match (&req.method, rest.as_slice()) {
        (&Method::GET, []) => {
            let items = state
                .assignments
                .iter()
                .filter(|a| a.actor == actor && a.target == target && a.inherited == inherited)
                .filter_map(|a| state.roles.get(&a.role_id))
                .map(|r| role_json(app, r))
                .collect();
            Ok(collection(app, "roles", "roles", items))
        }
        (m, [role]) => {
            if !state.roles.contains_key(*role) {
                return Err(not_found("role", role));
            }
            let a = Assignment {
                actor: actor.clone(),
                role_id: role.to_string(),
                target,
                inherited,
            };
            let exists = state.assignments.contains(&a);
            match *m {
                Method::PUT => {
                    if !exists {
                        state.assignments.push(a);
                    }
                    Ok(Reply::empty(204))
                }
                Method::GET | Method::HEAD if exists => Ok(Reply::empty(204)),
                Method::DELETE if exists => {
                    state.assignments.retain(|x| *x != a);
                    Ok(Reply::empty(204))
                }
                Method::GET | Method::HEAD | Method::DELETE => Err(keystone_error(
                    404,
                    &format!(
                        "Could not find role assignment with role: {role}, user or group: {}.",
                        match &actor {
                            Actor::User(u) | Actor::Group(u) => u,
                        }
                    ),
                )),
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

/// One row of a role assignment listing.
struct Row {
    actor: Actor,
    role: String,
    target: Target,
    inherited: bool,
    /// The group a user's effective row comes from.
    via: Option<String>,
}

fn role_assignments(app: &App, state: &State, req: &Req, ctx: &Ctx) -> Answer {
    let own = req.q("user.id") == Some(ctx.user_id.as_str());
    if !(ctx.is_admin() || own) {
        return Err(forbidden("list_role_assignments"));
    }
    let truthy = |k: &str| req.q(k).is_some_and(|v| v != "false" && v != "0");
    let effective = req.q("effective").is_some_and(|v| v != "false" && v != "0");
    let names = truthy("include_names");
    let mut rows: Vec<Row> = Vec::new();
    for a in &state.assignments {
        if !effective {
            rows.push(Row {
                actor: a.actor.clone(),
                role: a.role_id.clone(),
                target: a.target.clone(),
                inherited: a.inherited,
                via: None,
            });
            continue;
        }
        let (users, via): (Vec<String>, Option<String>) = match &a.actor {
            Actor::User(u) => (vec![u.clone()], None),
            Actor::Group(g) => (
                state
                    .groups
                    .get(g)
                    .map(|g| g.users.clone())
                    .unwrap_or_default(),
                Some(g.clone()),
            ),
        };
        let targets: Vec<Target> = match (&a.target, a.inherited) {
            (t, false) => vec![t.clone()],
            (Target::Domain(d), true) => state
                .projects
                .values()
                .filter(|p| p.domain_id == *d)
                .map(|p| Target::Project(p.id.clone()))
                .collect(),
            _ => Vec::new(),
        };
        for u in &users {
            for t in &targets {
                for r in closure(state, [a.role_id.clone()]) {
                    rows.push(Row {
                        actor: Actor::User(u.clone()),
                        role: r,
                        target: t.clone(),
                        inherited: false,
                        via: via.clone(),
                    });
                }
            }
        }
    }
    let inherited_only = req.q("scope.OS-INHERIT:inherited_to") == Some("projects");
    let items: Vec<Value> = rows
        .into_iter()
        .filter(|r| {
            req.q("user.id")
                .is_none_or(|x| r.actor == Actor::User(x.into()))
        })
        .filter(|r| {
            req.q("group.id")
                .is_none_or(|x| r.actor == Actor::Group(x.into()))
        })
        .filter(|r| req.q("role.id").is_none_or(|x| x == r.role))
        .filter(|r| {
            req.q("scope.project.id")
                .is_none_or(|x| r.target == Target::Project(x.into()))
        })
        .filter(|r| {
            req.q("scope.domain.id")
                .is_none_or(|x| r.target == Target::Domain(x.into()))
        })
        .filter(|r| {
            req.q("scope.system")
                .is_none_or(|_| r.target == Target::System)
        })
        .filter(|r| !inherited_only || r.inherited)
        .map(|r| assignment_json(app, state, &r, names))
        .collect();
    Ok(collection(
        app,
        "role_assignments",
        "role_assignments",
        items,
    ))
}

fn assignment_json(app: &App, state: &State, r: &Row, names: bool) -> Value {
    let mut role = json!({"id": r.role});
    if names && let Some(x) = state.roles.get(&r.role) {
        role["name"] = json!(x.name);
        if let Some(d) = &x.domain_id {
            role["domain"] = domain_ref(state, d);
        }
    }
    let (actor_key, actor_path, actor) = match &r.actor {
        Actor::User(u) => {
            let mut v = json!({"id": u});
            if names && let Some(x) = state.users.get(u) {
                v["name"] = json!(x.name);
                v["domain"] = domain_ref(state, &x.domain_id);
            }
            ("user", format!("users/{u}"), v)
        }
        Actor::Group(g) => {
            let mut v = json!({"id": g});
            if names && let Some(x) = state.groups.get(g) {
                v["name"] = json!(x.name);
                v["domain"] = domain_ref(state, &x.domain_id);
            }
            ("group", format!("groups/{g}"), v)
        }
    };
    let (mut scope, target_path) = match &r.target {
        Target::Project(p) => {
            let mut s = json!({"id": p});
            if names && let Some(p) = state.projects.get(p) {
                s["name"] = json!(p.name);
                s["domain"] = domain_ref(state, &p.domain_id);
            }
            (json!({"project": s}), format!("projects/{p}"))
        }
        Target::Domain(d) => {
            let s = if names {
                domain_ref(state, d)
            } else {
                json!({"id": d})
            };
            (json!({"domain": s}), format!("domains/{d}"))
        }
        Target::System => (json!({"system": {"all": true}}), "system".to_string()),
    };
    let assignment = if r.inherited {
        scope["OS-INHERIT:inherited_to"] = json!("projects");
        format!(
            "{}/v3/OS-INHERIT/{target_path}/{actor_path}/roles/{}/inherited_to_projects",
            app.base, r.role
        )
    } else {
        format!(
            "{}/v3/{target_path}/{actor_path}/roles/{}",
            app.base, r.role
        )
    };
    let mut links = json!({"assignment": assignment});
    if let (Some(g), Actor::User(u)) = (&r.via, &r.actor) {
        links["membership"] = json!(format!("{}/v3/groups/{g}/users/{u}", app.base));
    }
    json!({"role": role, actor_key: actor, "scope": scope, "links": links})
}

// ------------------------------------------------------------------ domains

fn domains(app: &App, state: &mut State, req: &Req, ctx: &Ctx, rest: &[&str]) -> Answer {
    let m = &req.method;
    if let ["config", tail @ ..] = rest {
        return default_config(req, ctx, tail);
    }
    if let [id, "config", tail @ ..] = rest {
        require_admin(ctx, "get_domain_config")?;
        if !state.domains.contains_key(*id) {
            return Err(not_found("domain", id));
        }
        return domain_config(state, req, id, tail);
    }
    match (m, rest) {
        (&Method::GET, []) => {
            require_admin(ctx, "list_domains")?;
            let enabled = enabled_filter(req);
            let items = state
                .domains
                .values()
                .filter(|d| req.q("name").is_none_or(|n| n == d.name))
                .filter(|d| enabled.is_none_or(|e| e == d.enabled))
                .map(|d| domain_json(app, d))
                .collect();
            Ok(collection(app, "domains", "domains", items))
        }
        (&Method::POST, []) => {
            require_admin(ctx, "create_domain")?;
            let body = req.json();
            let o = body_object(&body, "domain")?;
            let Some(name) = str_field(o, "name")? else {
                return Err(bad_request(
                    "Invalid input for field 'name': 'name' is a required property",
                ));
            };
            if state.domains.values().any(|d| d.name == name) {
                return Err(conflict("domain", &name));
            }
            let id = str_field(o, "explicit_domain_id")?.unwrap_or_else(ids::hex_id);
            if state.domains.contains_key(&id) {
                return Err(keystone_error(
                    409,
                    &format!("Conflict occurred attempting to store domain - Duplicate ID, {id}."),
                ));
            }
            let d = Domain {
                id,
                name,
                description: str_field(o, "description")?.unwrap_or_default(),
                enabled: bool_field(o, "enabled")?.unwrap_or(true),
            };
            let v = domain_json(app, &d);
            state.domains.insert(d.id.clone(), d);
            Ok(Reply::json(201, json!({"domain": v})))
        }
        (_, [id, rest @ ..]) => {
            let id = id.to_string();
            let Some(d) = state.domains.get(&id).cloned() else {
                return Err(not_found("domain", &id));
            };
            match (m, rest) {
                (&Method::GET, []) => {
                    let mine = ctx.scope == TokenScope::Domain(id.clone())
                        || state
                            .users
                            .get(&ctx.user_id)
                            .is_some_and(|u| u.domain_id == id);
                    if !(ctx.is_admin() || mine) {
                        return Err(forbidden("get_domain"));
                    }
                    Ok(Reply::ok(json!({"domain": domain_json(app, &d)})))
                }
                (&Method::PATCH, []) => {
                    require_admin(ctx, "update_domain")?;
                    let body = req.json();
                    let o = body_object(&body, "domain")?;
                    let mut d = d;
                    if let Some(n) = str_field(o, "name")? {
                        d.name = n;
                    }
                    if let Some(x) = str_field(o, "description")? {
                        d.description = x;
                    }
                    if let Some(e) = bool_field(o, "enabled")? {
                        d.enabled = e;
                    }
                    let v = domain_json(app, &d);
                    state.domains.insert(d.id.clone(), d);
                    Ok(Reply::ok(json!({"domain": v})))
                }
                (&Method::DELETE, []) => {
                    require_admin(ctx, "delete_domain")?;
                    if d.enabled {
                        return Err(keystone_error(
                            403,
                            "Cannot delete a domain that is enabled, please disable it first.",
                        ));
                    }
                    state.domains.remove(&id);
                    Ok(Reply::empty(204))
                }
                (_, [kind, actor, "roles", rest @ ..]) => {
                    let target = Target::Domain(id.clone());
                    grant(app, state, req, ctx, target, kind, actor, rest, false)
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

// ------------------------------------------------------------------ groups

fn group_json(app: &App, g: &Group) -> Value {
    json!({"id": g.id, "name": g.name, "domain_id": g.domain_id, "description": g.description,
           "links": link(app, &format!("groups/{}", g.id))})
}

fn groups(app: &App, state: &mut State, req: &Req, ctx: &Ctx, rest: &[&str]) -> Answer {
    let action = if matches!(req.method, Method::GET | Method::HEAD) {
        "list_groups"
    } else {
        "create_group"
    };
    require_admin(ctx, action)?;
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let items = state
                .groups
                .values()
                .filter(|g| req.q("name").is_none_or(|n| n == g.name))
                .filter(|g| req.q("domain_id").is_none_or(|d| d == g.domain_id))
                .map(|g| group_json(app, g))
                .collect();
            Ok(collection(app, "groups", "groups", items))
        }
        (&Method::POST, []) => {
            let body = req.json();
            let o = body_object(&body, "group")?;
            let Some(name) = str_field(o, "name")? else {
                return Err(bad_request(
                    "Invalid input for field 'name': 'name' is a required property",
                ));
            };
            let domain_id = str_field(o, "domain_id")?.unwrap_or_else(|| "default".into());
            if !state.domains.contains_key(&domain_id) {
                return Err(not_found("domain", &domain_id));
            }
            if state
                .groups
                .values()
                .any(|g| g.name == name && g.domain_id == domain_id)
            {
                return Err(conflict("group", &name));
            }
            let g = Group {
                id: ids::hex_id(),
                name,
                domain_id,
                description: str_field(o, "description")?,
                users: Vec::new(),
            };
            let v = group_json(app, &g);
            state.groups.insert(g.id.clone(), g);
            Ok(Reply::json(201, json!({"group": v})))
        }
        (m, [id, rest @ ..]) => {
            let id = id.to_string();
            let Some(g) = state.groups.get(&id).cloned() else {
                return Err(not_found("group", &id));
            };
            match (m, rest) {
                (&Method::GET, []) => Ok(Reply::ok(json!({"group": group_json(app, &g)}))),
                (&Method::PATCH, []) => {
                    let body = req.json();
                    let o = body_object(&body, "group")?;
                    let mut g = g;
                    if let Some(n) = str_field(o, "name")? {
                        g.name = n;
                    }
                    if o.contains_key("description") {
                        g.description = str_field(o, "description")?;
                    }
                    let v = group_json(app, &g);
                    state.groups.insert(id, g);
                    Ok(Reply::ok(json!({"group": v})))
                }
                (&Method::DELETE, []) => {
                    state.groups.remove(&id);
                    state
                        .assignments
                        .retain(|a| a.actor != Actor::Group(id.clone()));
                    Ok(Reply::empty(204))
                }
                (&Method::GET, ["users"]) => {
                    let items = g
                        .users
                        .iter()
                        .filter_map(|u| state.users.get(u))
                        .map(|u| user_json(app, u))
                        .collect();
                    Ok(collection(
                        app,
                        "users",
                        &format!("groups/{id}/users"),
                        items,
                    ))
                }
                (_, ["users", user]) => {
                    if !state.users.contains_key(*user) {
                        return Err(not_found("user", user));
                    }
                    let member = g.users.iter().any(|u| u == user);
                    let Some(g) = state.groups.get_mut(&id) else {
                        return Err(not_found("group", &id));
                    };
                    match *m {
                        Method::PUT => {
                            if !member {
                                g.users.push(user.to_string());
                            }
                            Ok(Reply::empty(204))
                        }
                        Method::HEAD | Method::GET if member => Ok(Reply::empty(204)),
                        Method::DELETE if member => {
                            g.users.retain(|u| u != user);
                            Ok(Reply::empty(204))
                        }
                        Method::HEAD | Method::GET | Method::DELETE => Err(keystone_error(
                            404,
                            &format!("User {user} is not a member of group {id}."),
                        )),
                        _ => Err(method_not_allowed()),
                    }
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

// ------------------------------------------------------------------ credentials, policies

/// A collection Keystone keeps as given: its name, the singular key of its bodies, the
/// fields a create needs, the query filters.
struct Documents {
    collection: &'static str,
    singular: &'static str,
    required: &'static [&'static str],
    filters: &'static [&'static str],
    /// Fields always shown, `null` when not given.
    nullable: &'static [&'static str],
}

fn documents(
    app: &App,
    state: &mut State,
    req: &Req,
    ctx: &Ctx,
    d: &Documents,
    rest: &[&str],
) -> Answer {
    let owner_of = |doc: &Map<String, Value>| {
        doc.get("user_id")
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let with_links = |id: &str, doc: &Map<String, Value>| {
        let mut v = Value::Object(doc.clone());
        for f in d.nullable {
            if v.get(*f).is_none() {
                v[*f] = Value::Null;
            }
        }
        v["id"] = json!(id);
        v["links"] = link(app, &format!("{}/{id}", d.collection));
        v
    };
    let items = state.documents.entry(d.collection.to_string()).or_default();
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let rows: Vec<Value> = items
                .iter()
                .filter(|(_, doc)| {
                    ctx.is_admin() || owner_of(doc).as_deref() == Some(ctx.user_id.as_str())
                })
                .filter(|(_, doc)| {
                    d.filters.iter().all(|f| {
                        req.q(f)
                            .is_none_or(|want| doc.get(*f).and_then(Value::as_str) == Some(want))
                    })
                })
                .map(|(id, doc)| with_links(id, doc))
                .collect();
            Ok(collection(app, d.collection, d.collection, rows))
        }
        (&Method::POST, []) => {
            let body = req.json();
            let o = body_object(&body, d.singular)?.clone();
            for f in d.required {
                if o.get(*f).is_none_or(|v| v.is_null()) {
                    return Err(bad_request(&format!(
                        "Invalid input for field '{f}': '{f}' is a required property"
                    )));
                }
            }
            let own = owner_of(&o).as_deref() == Some(ctx.user_id.as_str());
            if !(ctx.is_admin() || (own && d.collection == "credentials")) {
                return Err(forbidden(&format!("create_{}", d.singular)));
            }
            if let Some(u) = owner_of(&o)
                && !state.users.contains_key(&u)
            {
                return Err(not_found("user", &u));
            }
            let id = ids::hex_id();
            let mut doc = o;
            doc.remove("id");
            let v = with_links(&id, &doc);
            items.insert(id, doc);
            Ok(Reply::json(201, json!({ d.singular: v })))
        }
        (m, [id]) => {
            let Some(doc) = items.get(*id).cloned() else {
                return Err(not_found(d.singular, id));
            };
            let own = owner_of(&doc).as_deref() == Some(ctx.user_id.as_str());
            if !(ctx.is_admin() || own) {
                return Err(forbidden(&format!("get_{}", d.singular)));
            }
            match *m {
                Method::GET => Ok(Reply::ok(json!({ d.singular: with_links(id, &doc) }))),
                Method::PATCH => {
                    let body = req.json();
                    let o = body_object(&body, d.singular)?;
                    let mut doc = doc;
                    for (k, v) in o {
                        if k != "id" {
                            doc.insert(k.clone(), v.clone());
                        }
                    }
                    let v = with_links(id, &doc);
                    items.insert(id.to_string(), doc);
                    Ok(Reply::ok(json!({ d.singular: v })))
                }
                Method::DELETE => {
                    items.remove(*id);
                    Ok(Reply::empty(204))
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

// ------------------------------------------------------------------ trusts

fn trust_json(app: &App, state: &State, t: &crate::state::Trust) -> Value {
    let roles: Vec<Value> = t
        .role_ids
        .iter()
        .filter_map(|id| state.roles.get(id))
        .map(|r| role_ref(app, r))
        .collect();
    json!({
        "id": t.id, "trustor_user_id": t.trustor, "trustee_user_id": t.trustee,
        "project_id": t.project_id, "impersonation": t.impersonation,
        "expires_at": t.expires_at.map(stamp), "remaining_uses": t.remaining_uses,
        "allow_redelegation": false, "redelegation_count": 0, "redelegated_trust_id": null,
        "roles": roles, "roles_links": {"self": null, "previous": null, "next": null},
        "links": link(app, &format!("OS-TRUST/trusts/{}", t.id)),
    })
}

fn trusts(app: &App, state: &mut State, req: &Req, ctx: &Ctx, rest: &[&str]) -> Answer {
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let mine = |t: &crate::state::Trust| {
                ctx.is_admin() || t.trustor == ctx.user_id || t.trustee == ctx.user_id
            };
            let rows = state
                .trusts
                .values()
                .filter(|t| mine(t))
                .filter(|t| req.q("trustee_user_id").is_none_or(|u| u == t.trustee))
                .filter(|t| req.q("trustor_user_id").is_none_or(|u| u == t.trustor))
                .map(|t| trust_json(app, state, t))
                .collect();
            Ok(collection(app, "trusts", "OS-TRUST/trusts", rows))
        }
        (&Method::POST, []) => {
            let body = req.json();
            let o = body_object(&body, "trust")?;
            let (Some(trustor), Some(trustee)) = (
                str_field(o, "trustor_user_id")?,
                str_field(o, "trustee_user_id")?,
            ) else {
                return Err(bad_request(
                    "Invalid input for field 'trust': 'trustor_user_id' and 'trustee_user_id' are required properties",
                ));
            };
            if trustor != ctx.user_id {
                return Err(forbidden("create_trust"));
            }
            if !state.users.contains_key(&trustee) {
                return Err(not_found("user", &trustee));
            }
            let project_id = str_field(o, "project_id")?;
            let held = match &project_id {
                Some(p) => closure(
                    state,
                    direct_roles(state, &trustor, &Target::Project(p.clone())),
                ),
                None => BTreeSet::new(),
            };
            let mut role_ids = Vec::new();
            for r in o
                .get("roles")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let found = r["id"]
                    .as_str()
                    .and_then(|id| state.roles.get(id))
                    .or_else(|| r["name"].as_str().and_then(|n| state.role_by_name(n)));
                match found {
                    Some(role) if held.contains(&role.id) => role_ids.push(role.id.clone()),
                    _ => {
                        return Err(keystone_error(
                            403,
                            "At least one role should be specified and held by the trustor on the project.",
                        ));
                    }
                }
            }
            let expires_at = match o.get("expires_at") {
                Some(Value::String(t)) => match parse_time(t) {
                    Some(t) => Some(t),
                    None => return Err(bad_request("Invalid input for field 'expires_at'.")),
                },
                _ => None,
            };
            let t = crate::state::Trust {
                id: ids::hex_id(),
                trustor,
                trustee,
                project_id,
                role_ids,
                impersonation: bool_field(o, "impersonation")?.unwrap_or(false),
                expires_at,
                remaining_uses: o.get("remaining_uses").and_then(Value::as_u64),
            };
            let v = trust_json(app, state, &t);
            state.trusts.insert(t.id.clone(), t);
            Ok(Reply::json(201, json!({ "trust": v })))
        }
        (m, [id, tail @ ..]) => {
            let Some(t) = state.trusts.get(*id).cloned() else {
                return Err(not_found("trust", id));
            };
            if !(ctx.is_admin() || t.trustor == ctx.user_id || t.trustee == ctx.user_id) {
                return Err(forbidden("get_trust"));
            }
            match (m, tail) {
                (&Method::GET, []) => Ok(Reply::ok(json!({"trust": trust_json(app, state, &t)}))),
                (&Method::DELETE, []) => {
                    if !(ctx.is_admin() || t.trustor == ctx.user_id) {
                        return Err(forbidden("delete_trust"));
                    }
                    state.trusts.remove(*id);
                    Ok(Reply::empty(204))
                }
                (&Method::GET, ["roles"]) => {
                    let rows = t
                        .role_ids
                        .iter()
                        .filter_map(|r| state.roles.get(r))
                        .map(|r| role_json(app, r))
                        .collect();
                    Ok(collection(
                        app,
                        "roles",
                        &format!("OS-TRUST/trusts/{id}/roles"),
                        rows,
                    ))
                }
                (&Method::GET | &Method::HEAD, ["roles", role]) => {
                    match state
                        .roles
                        .get(*role)
                        .filter(|_| t.role_ids.iter().any(|r| r == role))
                    {
                        Some(r) if *m == Method::GET => {
                            Ok(Reply::ok(json!({"role": role_json(app, r)})))
                        }
                        Some(_) => Ok(Reply::empty(200)),
                        None => Err(not_found("role", role)),
                    }
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

// ------------------------------------------------------------------ limits

/// `POST /v3/registered_limits` and `POST /v3/limits`: several at once, all or none.
fn create_limits(app: &App, state: &mut State, req: &Req, ctx: &Ctx, collection: &str) -> Answer {
    let registered = collection == "registered_limits";
    let action = if registered {
        "create_registered_limits"
    } else {
        "create_limits"
    };
    require_admin(ctx, action)?;
    let Some(items) = req
        .json()
        .and_then(|b| b.get(collection).and_then(Value::as_array).cloned())
    else {
        return Err(bad_request(&format!(
            "Invalid input for field '{collection}': '{collection}' is a required property"
        )));
    };
    let value_key = if registered {
        "default_limit"
    } else {
        "resource_limit"
    };
    let existing = state.documents.get(collection).cloned().unwrap_or_default();
    let registry = state
        .documents
        .get("registered_limits")
        .cloned()
        .unwrap_or_default();
    let mut made = Vec::new();
    for item in &items {
        let Some(o) = item.as_object() else {
            return Err(bad_request(&format!(
                "Invalid input for field '{collection}'."
            )));
        };
        let field = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_string);
        let (Some(service_id), Some(resource)) = (field("service_id"), field("resource_name"))
        else {
            return Err(bad_request(
                "Invalid input for field 'service_id' or 'resource_name': required properties",
            ));
        };
        if o.get(value_key).and_then(Value::as_i64).is_none() {
            return Err(bad_request(&format!(
                "Invalid input for field '{value_key}': '{value_key}' is a required property"
            )));
        }
        if !state.services.contains_key(&service_id) {
            return Err(bad_request(&format!(
                "Invalid input for field 'service_id': {service_id} is not a service."
            )));
        }
        let region = field("region_id");
        let same = |d: &Map<String, Value>| {
            d.get("service_id").and_then(Value::as_str) == Some(service_id.as_str())
                && d.get("resource_name").and_then(Value::as_str) == Some(resource.as_str())
                && d.get("region_id").and_then(Value::as_str) == region.as_deref()
        };
        if !registered {
            if !registry.values().any(same) {
                return Err(keystone_error(
                    403,
                    &format!(
                        "The resource {resource} of service {service_id} has no registered limit."
                    ),
                ));
            }
            if field("project_id").is_none() == field("domain_id").is_none() {
                return Err(bad_request(
                    "A limit is for a project or a domain: give one of 'project_id' and 'domain_id'.",
                ));
            }
        }
        let target_same = |d: &Map<String, Value>| {
            same(d)
                && d.get("project_id").and_then(Value::as_str) == field("project_id").as_deref()
                && d.get("domain_id").and_then(Value::as_str) == field("domain_id").as_deref()
        };
        if existing.values().any(target_same) {
            return Err(keystone_error(
                409,
                &format!("Duplicate entry: a limit of {resource} already exists."),
            ));
        }
        made.push(o.clone());
    }
    let docs = state.documents.entry(collection.to_string()).or_default();
    let mut out = Vec::new();
    for mut doc in made {
        doc.remove("id");
        for k in ["region_id", "description"] {
            doc.entry(k).or_insert(Value::Null);
        }
        if !registered {
            for k in ["project_id", "domain_id"] {
                doc.entry(k).or_insert(Value::Null);
            }
        }
        let id = ids::hex_id();
        let mut v = Value::Object(doc.clone());
        v["id"] = json!(id);
        v["links"] = link(app, &format!("{collection}/{id}"));
        out.push(v);
        docs.insert(id, doc);
    }
    Ok(Reply::json(201, json!({ collection: out })))
}

// ------------------------------------------------------------------ domain configurations

/// The groups a domain may configure, with Keystone's defaults for the fields shown.
fn config_defaults() -> Map<String, Value> {
    let v = json!({
        "identity": {"driver": "sql", "list_limit": null},
        "ldap": {"url": "ldap://localhost", "user": null, "suffix": "cn=example,cn=com",
                 "query_scope": "one", "page_size": 0, "user_tree_dn": null,
                 "user_filter": null, "group_tree_dn": null},
    });
    v.as_object().cloned().unwrap_or_default()
}

fn default_config(req: &Req, ctx: &Ctx, tail: &[&str]) -> Answer {
    require_admin(ctx, "get_domain_config_default")?;
    if req.method != Method::GET {
        return Err(method_not_allowed());
    }
    let all = config_defaults();
    match tail {
        ["default"] => Ok(Reply::ok(json!({ "config": all }))),
        [group, "default"] => match all.get(*group) {
            Some(g) => Ok(Reply::ok(json!({"config": { *group: g }}))),
            None => Err(not_found("domain config group", group)),
        },
        [group, option, "default"] => match all.get(*group).and_then(|g| g.get(*option)) {
            Some(v) => Ok(Reply::ok(json!({"config": { *option: v }}))),
            None => Err(not_found("domain config option", option)),
        },
        _ => Err(keystone_error(404, "The resource could not be found.")),
    }
}

/// Checks that a configuration names only the groups a domain may set.
fn check_groups(config: &Map<String, Value>) -> Result<(), Reply> {
    for (group, options) in config {
        if !matches!(group.as_str(), "identity" | "ldap") {
            return Err(keystone_error(
                403,
                &format!(
                    "Invalid domain specific configuration: Group {group} is not supported for domain specific configurations"
                ),
            ));
        }
        if !options.is_object() {
            return Err(bad_request(&format!(
                "Invalid domain specific configuration: group {group} is not an object"
            )));
        }
    }
    Ok(())
}

fn merge_config(into: &mut Map<String, Value>, from: &Map<String, Value>) {
    for (group, options) in from {
        let target = into
            .entry(group.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        if let (Some(t), Some(o)) = (target.as_object_mut(), options.as_object()) {
            for (k, v) in o {
                t.insert(k.clone(), v.clone());
            }
        }
    }
}

fn domain_config(state: &mut State, req: &Req, domain: &str, tail: &[&str]) -> Answer {
    let body = req.json();
    let given = body
        .as_ref()
        .and_then(|b| b.get("config"))
        .and_then(Value::as_object)
        .cloned();
    let current = state.domain_configs.get(domain).cloned();
    let missing = || not_found("domain config", domain);
    match (&req.method, tail) {
        (&Method::PUT, []) => {
            let Some(config) = given else {
                return Err(bad_request(
                    "Invalid input for field 'config': 'config' is a required property",
                ));
            };
            check_groups(&config)?;
            let status = if current.is_some() { 200 } else { 201 };
            state.domain_configs.insert(domain.into(), config.clone());
            Ok(Reply::json(status, json!({ "config": config })))
        }
        (&Method::GET, []) => match current {
            Some(c) => Ok(Reply::ok(json!({ "config": c }))),
            None => Err(missing()),
        },
        (&Method::PATCH, []) => {
            let (Some(mut c), Some(config)) = (current, given) else {
                return Err(missing());
            };
            check_groups(&config)?;
            merge_config(&mut c, &config);
            state.domain_configs.insert(domain.into(), c.clone());
            Ok(Reply::ok(json!({ "config": c })))
        }
        (&Method::DELETE, []) => {
            if state.domain_configs.remove(domain).is_none() {
                return Err(missing());
            }
            Ok(Reply::empty(204))
        }
        (m, [group, rest @ ..]) => {
            let Some(mut c) = current else {
                return Err(missing());
            };
            let Some(g) = c.get(*group).and_then(Value::as_object).cloned() else {
                return Err(not_found("domain config group", group));
            };
            match (m, rest) {
                (&Method::GET, []) => Ok(Reply::ok(json!({"config": { *group: g }}))),
                (&Method::PATCH, []) => {
                    let Some(config) = given else {
                        return Err(bad_request("Invalid input for field 'config'."));
                    };
                    // Either `{"config": {"<group>": {...}}}` or the options alone.
                    let options = config
                        .get(*group)
                        .and_then(Value::as_object)
                        .cloned()
                        .unwrap_or(config);
                    merge_config(
                        &mut c,
                        &Map::from_iter([(group.to_string(), Value::Object(options))]),
                    );
                    state.domain_configs.insert(domain.into(), c.clone());
                    Ok(Reply::ok(json!({ "config": c })))
                }
                (&Method::DELETE, []) => {
                    c.remove(*group);
                    state.domain_configs.insert(domain.into(), c);
                    Ok(Reply::empty(204))
                }
                (&Method::GET, [option]) => match g.get(*option) {
                    Some(v) => Ok(Reply::ok(json!({"config": { *option: v }}))),
                    None => Err(not_found("domain config option", option)),
                },
                (&Method::PATCH, [option]) => {
                    let Some(config) = given else {
                        return Err(bad_request("Invalid input for field 'config'."));
                    };
                    let Some(v) = config.get(*option) else {
                        return Err(bad_request(&format!(
                            "Invalid domain specific configuration: option {option} is missing"
                        )));
                    };
                    if let Some(o) = c.get_mut(*group).and_then(Value::as_object_mut) {
                        o.insert(option.to_string(), v.clone());
                    }
                    state.domain_configs.insert(domain.into(), c.clone());
                    Ok(Reply::ok(json!({ "config": c })))
                }
                (&Method::DELETE, [option]) => {
                    let removed = c
                        .get_mut(*group)
                        .and_then(Value::as_object_mut)
                        .and_then(|o| o.remove(*option));
                    if removed.is_none() {
                        return Err(not_found("domain config option", option));
                    }
                    state.domain_configs.insert(domain.into(), c);
                    Ok(Reply::empty(204))
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

// ------------------------------------------------------------------ endpoint filter

fn endpoint_group_json(app: &App, id: &str, g: &Map<String, Value>) -> Value {
    let mut v = Value::Object(g.clone());
    v["id"] = json!(id);
    if v.get("description").is_none() {
        v["description"] = Value::Null;
    }
    v["links"] = link(app, &format!("OS-EP-FILTER/endpoint_groups/{id}"));
    v
}

/// The endpoints an endpoint group's filters select.
fn group_endpoints<'a>(
    state: &'a State,
    g: &Map<String, Value>,
) -> Vec<&'a crate::state::Endpoint> {
    let filters = g
        .get("filters")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let want = |k: &str| filters.get(k).and_then(Value::as_str).map(str::to_string);
    state
        .endpoints
        .values()
        .filter(|e| want("service_id").is_none_or(|s| s == e.service_id))
        .filter(|e| want("interface").is_none_or(|i| i == e.interface))
        .filter(|e| want("region_id").is_none_or(|r| Some(r) == e.region_id))
        .collect()
}

fn endpoint_filter(app: &App, state: &mut State, req: &Req, ctx: &Ctx, rest: &[&str]) -> Answer {
    require_admin(ctx, "list_endpoint_groups")?;
    let m = &req.method;
    let exists = |present: bool| {
        if present {
            Reply::empty(204)
        } else {
            keystone_error(404, "The association could not be found.")
        }
    };
    match (m, rest) {
        (_, ["projects", project, "endpoints", tail @ ..]) => {
            if !state.projects.contains_key(*project) {
                return Err(not_found("project", project));
            }
            match (m, tail) {
                (&Method::GET, []) => {
                    let items = state
                        .project_endpoints
                        .iter()
                        .filter(|(p, _)| p == project)
                        .filter_map(|(_, e)| state.endpoints.get(e))
                        .map(|e| endpoint_json(app, e))
                        .collect();
                    Ok(collection(
                        app,
                        "endpoints",
                        &format!("OS-EP-FILTER/projects/{project}/endpoints"),
                        items,
                    ))
                }
                (_, [endpoint]) => {
                    if !state.endpoints.contains_key(*endpoint) {
                        return Err(not_found("endpoint", endpoint));
                    }
                    let pair = (project.to_string(), endpoint.to_string());
                    let has = state.project_endpoints.contains(&pair);
                    match *m {
                        Method::PUT => {
                            if !has {
                                state.project_endpoints.push(pair);
                            }
                            Ok(Reply::empty(204))
                        }
                        Method::HEAD | Method::GET => Ok(exists(has)),
                        Method::DELETE if has => {
                            state.project_endpoints.retain(|x| *x != pair);
                            Ok(Reply::empty(204))
                        }
                        Method::DELETE => Ok(exists(false)),
                        _ => Err(method_not_allowed()),
                    }
                }
                _ => Err(method_not_allowed()),
            }
        }
        (&Method::GET, ["projects", project, "endpoint_groups"]) => {
            let items = state
                .group_projects
                .iter()
                .filter(|(_, p)| p == project)
                .filter_map(|(g, _)| {
                    state
                        .endpoint_groups
                        .get(g)
                        .map(|x| endpoint_group_json(app, g, x))
                })
                .collect();
            Ok(collection(
                app,
                "endpoint_groups",
                &format!("OS-EP-FILTER/projects/{project}/endpoint_groups"),
                items,
            ))
        }
        (&Method::GET, ["endpoints", endpoint, "projects"]) => {
            let items = state
                .project_endpoints
                .iter()
                .filter(|(_, e)| e == endpoint)
                .filter_map(|(p, _)| state.projects.get(p))
                .map(|p| project_json(app, p))
                .collect();
            Ok(collection(
                app,
                "projects",
                &format!("OS-EP-FILTER/endpoints/{endpoint}/projects"),
                items,
            ))
        }
        (&Method::GET, ["endpoint_groups"]) => {
            let items = state
                .endpoint_groups
                .iter()
                .filter(|(_, g)| {
                    req.q("name")
                        .is_none_or(|n| g.get("name").and_then(Value::as_str) == Some(n))
                })
                .map(|(id, g)| endpoint_group_json(app, id, g))
                .collect();
            Ok(collection(
                app,
                "endpoint_groups",
                "OS-EP-FILTER/endpoint_groups",
                items,
            ))
        }
        (&Method::POST, ["endpoint_groups"]) => {
            let body = req.json();
            let o = body_object(&body, "endpoint_group")?.clone();
            if o.get("name").and_then(Value::as_str).is_none()
                || !o.get("filters").is_some_and(Value::is_object)
            {
                return Err(bad_request(
                    "Invalid input for field 'endpoint_group': 'name' and 'filters' are required properties",
                ));
            }
            let id = ids::hex_id();
            let v = endpoint_group_json(app, &id, &o);
            state.endpoint_groups.insert(id, o);
            Ok(Reply::json(201, json!({ "endpoint_group": v })))
        }
        (_, ["endpoint_groups", id, tail @ ..]) => {
            let Some(g) = state.endpoint_groups.get(*id).cloned() else {
                return Err(not_found("endpoint group", id));
            };
            match (m, tail) {
                (&Method::GET, []) => Ok(Reply::ok(
                    json!({"endpoint_group": endpoint_group_json(app, id, &g)}),
                )),
                (&Method::HEAD, []) => Ok(Reply::empty(200)),
                (&Method::PATCH, []) => {
                    let body = req.json();
                    let o = body_object(&body, "endpoint_group")?;
                    let mut g = g;
                    for (k, v) in o {
                        g.insert(k.clone(), v.clone());
                    }
                    let v = endpoint_group_json(app, id, &g);
                    state.endpoint_groups.insert(id.to_string(), g);
                    Ok(Reply::ok(json!({ "endpoint_group": v })))
                }
                (&Method::DELETE, []) => {
                    state.endpoint_groups.remove(*id);
                    state.group_projects.retain(|(x, _)| x != id);
                    Ok(Reply::empty(204))
                }
                (&Method::GET, ["endpoints"]) => {
                    let items = group_endpoints(state, &g)
                        .into_iter()
                        .map(|e| endpoint_json(app, e))
                        .collect();
                    Ok(collection(
                        app,
                        "endpoints",
                        &format!("OS-EP-FILTER/endpoint_groups/{id}/endpoints"),
                        items,
                    ))
                }
                (&Method::GET, ["projects"]) => {
                    let items = state
                        .group_projects
                        .iter()
                        .filter(|(x, _)| x == id)
                        .filter_map(|(_, p)| state.projects.get(p))
                        .map(|p| project_json(app, p))
                        .collect();
                    Ok(collection(
                        app,
                        "projects",
                        &format!("OS-EP-FILTER/endpoint_groups/{id}/projects"),
                        items,
                    ))
                }
                (_, ["projects", project]) => {
                    if !state.projects.contains_key(*project) {
                        return Err(not_found("project", project));
                    }
                    let pair = (id.to_string(), project.to_string());
                    let has = state.group_projects.contains(&pair);
                    match *m {
                        Method::PUT => {
                            if !has {
                                state.group_projects.push(pair);
                            }
                            Ok(Reply::empty(204))
                        }
                        Method::HEAD => Ok(exists(has)),
                        Method::GET if has => Ok(Reply::ok(json!({"project_endpoint_group": {
                            "endpoint_group_id": id, "project_id": project,
                            "links": link(app, &format!("OS-EP-FILTER/endpoint_groups/{id}/projects/{project}")),
                        }}))),
                        Method::DELETE if has => {
                            state.group_projects.retain(|x| *x != pair);
                            Ok(Reply::empty(204))
                        }
                        Method::GET | Method::DELETE => Ok(exists(false)),
                        _ => Err(method_not_allowed()),
                    }
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(keystone_error(404, "The resource could not be found.")),
    }
}

// ------------------------------------------------------------------ federation records

fn federation_json(app: &App, kind: &str, id: &str, doc: &Map<String, Value>) -> Value {
    let mut v = Value::Object(doc.clone());
    v["id"] = json!(id);
    let me = format!("{}/v3/OS-FEDERATION/{kind}/{id}", app.base);
    v["links"] = if kind == "identity_providers" {
        json!({"self": me, "protocols": format!("{me}/protocols")})
    } else {
        json!({ "self": me })
    };
    v
}

/// Checks a mapping's rules against its schema version (1.0 knows no project domains).
fn check_mapping(doc: &Map<String, Value>) -> Result<(), Reply> {
    let Some(rules) = doc.get("rules").and_then(Value::as_array) else {
        return Err(bad_request(
            "Invalid input for field 'rules': 'rules' is a required property",
        ));
    };
    let version = doc
        .get("schema_version")
        .and_then(Value::as_str)
        .unwrap_or("1.0");
    if !matches!(version, "1.0" | "2.0") {
        return Err(bad_request(&format!(
            "Invalid input for field 'schema_version': {version}"
        )));
    }
    for rule in rules {
        if !rule["local"].is_array() || !rule["remote"].is_array() {
            return Err(bad_request(
                "Invalid input for field 'rules': each rule needs 'local' and 'remote'",
            ));
        }
        let project_domain = rule["local"].as_array().into_iter().flatten().any(|l| {
            l["projects"]
                .as_array()
                .is_some_and(|ps| ps.iter().any(|p| p.get("domain").is_some()))
        });
        if version == "1.0" && project_domain {
            return Err(bad_request(
                "Invalid input for field 'rules': Additional properties are not allowed ('domain' was unexpected)",
            ));
        }
    }
    Ok(())
}

fn federation(
    app: &App,
    state: &mut State,
    req: &Req,
    ctx: &Ctx,
    kind: &str,
    rest: &[&str],
) -> Answer {
    let singular = match kind {
        "mappings" => "mapping",
        "service_providers" => "service_provider",
        _ => "identity_provider",
    };
    require_admin(ctx, &format!("create_{singular}"))?;
    if let ([idp, "protocols", tail @ ..], "identity_providers") = (rest, kind) {
        return protocols(app, state, req, idp, tail);
    }
    let body = req.json();
    let m = &req.method;
    match (m, rest) {
        (&Method::GET, []) => {
            let enabled = enabled_filter(req);
            let items = state
                .documents
                .get(kind)
                .into_iter()
                .flatten()
                .filter(|(id, _)| req.q("id").is_none_or(|x| x == id.as_str()))
                .filter(|(_, d)| enabled.is_none_or(|e| d.get("enabled") == Some(&json!(e))))
                .map(|(id, d)| federation_json(app, kind, id, d))
                .collect();
            Ok(collection(
                app,
                kind,
                &format!("OS-FEDERATION/{kind}"),
                items,
            ))
        }
        (&Method::PUT, [id]) => {
            let mut doc = body_object(&body, singular)?.clone();
            if state
                .documents
                .get(kind)
                .is_some_and(|d| d.contains_key(*id))
            {
                return Err(keystone_error(
                    409,
                    &format!("Conflict occurred attempting to store {singular} - Duplicate entry."),
                ));
            }
            match kind {
                "mappings" => {
                    check_mapping(&doc)?;
                    doc.entry("schema_version").or_insert(json!("1.0"));
                }
                "service_providers" => {
                    if doc.get("auth_url").is_none() || doc.get("sp_url").is_none() {
                        return Err(bad_request(
                            "Invalid input for field 'service_provider': 'auth_url' and 'sp_url' are required properties",
                        ));
                    }
                    doc.entry("enabled").or_insert(json!(false));
                    doc.entry("relay_state_prefix").or_insert(json!("ss:mem:"));
                    doc.entry("description").or_insert(Value::Null);
                }
                _ => {
                    let remote_ids: Vec<Value> = doc
                        .get("remote_ids")
                        .and_then(Value::as_array)
                        .cloned()
                        .unwrap_or_default();
                    let taken = state
                        .documents
                        .get(kind)
                        .into_iter()
                        .flatten()
                        .any(|(_, d)| {
                            d.get("remote_ids")
                                .and_then(Value::as_array)
                                .is_some_and(|r| r.iter().any(|x| remote_ids.contains(x)))
                        });
                    if taken {
                        return Err(keystone_error(
                            409,
                            "Conflict occurred attempting to store identity_provider - Duplicate remote ID.",
                        ));
                    }
                    doc.insert("remote_ids".into(), Value::Array(remote_ids));
                    doc.entry("enabled").or_insert(json!(false));
                    doc.entry("description").or_insert(Value::Null);
                    doc.entry("authorization_ttl").or_insert(Value::Null);
                    if doc.get("domain_id").and_then(Value::as_str).is_none() {
                        let d = Domain {
                            id: ids::hex_id(),
                            name: id.to_string(),
                            description: format!(
                                "Auto generated federated domain for Identity Provider: {id}"
                            ),
                            enabled: true,
                        };
                        doc.insert("domain_id".into(), json!(d.id));
                        state.domains.insert(d.id.clone(), d);
                    }
                }
            }
            let v = federation_json(app, kind, id, &doc);
            state
                .documents
                .entry(kind.to_string())
                .or_default()
                .insert(id.to_string(), doc);
            Ok(Reply::json(201, json!({ singular: v })))
        }
        (_, [id]) => {
            let Some(mut doc) = state.documents.get(kind).and_then(|d| d.get(*id)).cloned() else {
                return Err(not_found(singular, id));
            };
            match *m {
                Method::GET => Ok(Reply::ok(
                    json!({ singular: federation_json(app, kind, id, &doc) }),
                )),
                Method::PATCH => {
                    let o = body_object(&body, singular)?;
                    for (k, v) in o {
                        if k != "id" && k != "domain_id" {
                            doc.insert(k.clone(), v.clone());
                        }
                    }
                    if kind == "mappings" {
                        check_mapping(&doc)?;
                    }
                    let v = federation_json(app, kind, id, &doc);
                    state
                        .documents
                        .entry(kind.to_string())
                        .or_default()
                        .insert(id.to_string(), doc);
                    Ok(Reply::ok(json!({ singular: v })))
                }
                Method::DELETE => {
                    if let Some(d) = state.documents.get_mut(kind) {
                        d.remove(*id);
                    }
                    state.documents.remove(&format!("protocols:{id}"));
                    Ok(Reply::empty(204))
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

fn protocols(app: &App, state: &mut State, req: &Req, idp: &str, tail: &[&str]) -> Answer {
    if !state
        .documents
        .get("identity_providers")
        .is_some_and(|d| d.contains_key(idp))
    {
        return Err(not_found("identity provider", idp));
    }
    let key = format!("protocols:{idp}");
    let body = req.json();
    let json_of = |id: &str, d: &Map<String, Value>, listing: bool| {
        let mut v = json!({"id": id, "mapping_id": d.get("mapping_id"),
            "links": {"self": format!("{}/v3/OS-FEDERATION/identity_providers/{idp}/protocols/{id}", app.base),
                      "identity_provider": format!("{}/v3/OS-FEDERATION/identity_providers/{idp}", app.base)}});
        if listing {
            v["idp_id"] = json!(idp);
            v["remote_id_attribute"] = d.get("remote_id_attribute").cloned().unwrap_or(Value::Null);
        }
        v
    };
    match (&req.method, tail) {
        (&Method::GET, []) => {
            let items = state
                .documents
                .get(&key)
                .into_iter()
                .flatten()
                .map(|(id, d)| json_of(id, d, true))
                .collect();
            Ok(collection(
                app,
                "protocols",
                &format!("OS-FEDERATION/identity_providers/{idp}/protocols"),
                items,
            ))
        }
        (m @ (&Method::PUT | &Method::PATCH), [id]) => {
            let o = body_object(&body, "protocol")?.clone();
            let Some(mapping) = o.get("mapping_id").and_then(Value::as_str) else {
                return Err(bad_request(
                    "Invalid input for field 'mapping_id': 'mapping_id' is a required property",
                ));
            };
            if !state
                .documents
                .get("mappings")
                .is_some_and(|d| d.contains_key(mapping))
            {
                return Err(not_found("mapping", mapping));
            }
            let exists = state
                .documents
                .get(&key)
                .is_some_and(|d| d.contains_key(*id));
            if *m == Method::PUT && exists {
                return Err(keystone_error(
                    409,
                    "Conflict occurred attempting to store protocol - Duplicate entry.",
                ));
            }
            if *m == Method::PATCH && !exists {
                return Err(not_found("protocol", id));
            }
            let v = json_of(id, &o, false);
            state
                .documents
                .entry(key)
                .or_default()
                .insert(id.to_string(), o);
            Ok(Reply::json(
                if *m == Method::PUT { 201 } else { 200 },
                json!({ "protocol": v }),
            ))
        }
        (_, [_, "auth"]) => Err(unauthorized()),
        (&Method::GET, [id]) => match state.documents.get(&key).and_then(|d| d.get(*id)) {
            Some(d) => Ok(Reply::ok(json!({"protocol": json_of(id, d, false)}))),
            None => Err(not_found("protocol", id)),
        },
        (&Method::DELETE, [id]) => {
            match state.documents.get_mut(&key).and_then(|d| d.remove(*id)) {
                Some(_) => Ok(Reply::empty(204)),
                None => Err(not_found("protocol", id)),
            }
        }
        _ => Err(method_not_allowed()),
    }
}

// ------------------------------------------------------------------ OAuth 2.0

fn oauth2_error(status: u16, error: &str, description: &str) -> Reply {
    Reply::json(
        status,
        json!({"error": {"code": status, "message": description, "title": error}}),
    )
}

/// `POST /v3/OS-OAUTH2/token`: the client credentials grant with an application
/// credential (its ID as `client_id`, its secret in HTTP Basic authentication).
fn oauth2_token(app: &App, state: &mut State, req: &Req) -> Answer {
    use base64::Engine;
    let form: Vec<(String, String)> = url::form_urlencoded::parse(&req.body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let field = |k: &str| form.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone());
    if field("grant_type").as_deref() != Some("client_credentials") {
        return Err(oauth2_error(
            400,
            "invalid_request",
            "The parameter grant_type is required and must be client_credentials.",
        ));
    }
    let basic = req
        .header("authorization")
        .and_then(|h| h.strip_prefix("Basic "))
        .and_then(|b| {
            base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .ok()
        })
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|pair| {
            pair.split_once(':')
                .map(|(a, b)| (a.to_string(), b.to_string()))
        });
    let Some((client_id, secret)) = basic else {
        return Err(oauth2_error(
            401,
            "invalid_client",
            "Client authentication failed.",
        ));
    };
    let now = app.clock.now();
    let Some(cred) = state.application_credentials.get(&client_id).cloned() else {
        return Err(oauth2_error(
            401,
            "invalid_client",
            "Client authentication failed.",
        ));
    };
    if cred.secret != secret
        || cred.expires_at.is_some_and(|e| e <= now)
        || !state.users.get(&cred.user_id).is_some_and(|u| u.enabled)
    {
        return Err(oauth2_error(
            401,
            "invalid_client",
            "Client authentication failed.",
        ));
    }
    let lifetime =
        chrono::Duration::from_std(app.token_lifetime).unwrap_or(chrono::Duration::hours(1));
    let expires_at = cred
        .expires_at
        .map_or(now + lifetime, |e| e.min(now + lifetime));
    let token = Token {
        user_id: cred.user_id.clone(),
        scope: TokenScope::Project(cred.project_id.clone()),
        methods: vec!["application_credential".into()],
        audit_ids: vec![ids::secret()[..22].to_string()],
        issued_at: now,
        expires_at,
        application_credential_id: Some(cred.id.clone()),
        trust_id: None,
        uses: 0,
    };
    let value = ids::secret();
    state.tokens.insert(value.clone(), token);
    Ok(Reply::ok(
        json!({"access_token": value, "token_type": "Bearer",
                     "expires_in": (expires_at - now).num_seconds()}),
    ))
}

// ------------------------------------------------------------------ OAuth 1.0a consumers

fn consumer_json(app: &App, id: &str, c: &Map<String, Value>, with_secret: bool) -> Value {
    let mut v = json!({"id": id, "description": c.get("description").cloned().unwrap_or(Value::Null),
                       "links": link(app, &format!("OS-OAUTH1/consumers/{id}"))});
    if with_secret {
        v["secret"] = c.get("secret").cloned().unwrap_or(Value::Null);
    }
    v
}

/// OAuth 1.0a consumers (the delegation flow itself is not served).
fn consumers(app: &App, state: &mut State, req: &Req, ctx: &Ctx, rest: &[&str]) -> Answer {
    require_admin(ctx, "create_consumer")?;
    let body = req.json();
    let items = state.documents.entry("consumers".to_string()).or_default();
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let rows = items
                .iter()
                .map(|(id, c)| consumer_json(app, id, c, false))
                .collect();
            Ok(collection(app, "consumers", "OS-OAUTH1/consumers", rows))
        }
        (&Method::POST, []) => {
            let mut c = body
                .as_ref()
                .and_then(|b| b.get("consumer"))
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            c.retain(|k, _| k == "description");
            c.insert("secret".into(), json!(ids::secret()));
            let id = ids::hex_id();
            let v = consumer_json(app, &id, &c, true);
            items.insert(id, c);
            Ok(Reply::json(201, json!({ "consumer": v })))
        }
        (m, [id]) => {
            let Some(mut c) = items.get(*id).cloned() else {
                return Err(not_found("consumer", id));
            };
            match *m {
                Method::GET => Ok(Reply::ok(
                    json!({"consumer": consumer_json(app, id, &c, false)}),
                )),
                Method::PATCH => {
                    let o = body_object(&body, "consumer")?;
                    if o.contains_key("secret") || o.contains_key("id") {
                        return Err(bad_request(
                            "Invalid input for field 'consumer': the secret and ID cannot change.",
                        ));
                    }
                    if let Some(d) = o.get("description") {
                        c.insert("description".into(), d.clone());
                    }
                    let v = consumer_json(app, id, &c, false);
                    items.insert(id.to_string(), c);
                    Ok(Reply::ok(json!({ "consumer": v })))
                }
                Method::DELETE => {
                    items.remove(*id);
                    Ok(Reply::empty(204))
                }
                _ => Err(method_not_allowed()),
            }
        }
        _ => Err(method_not_allowed()),
    }
}
