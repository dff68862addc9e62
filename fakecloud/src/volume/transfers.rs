//! Volume transfers: `/os-volume-transfer` and, from 3.55, `/volume-transfers`. A
//! transfer puts an `available` volume in `awaiting-transfer` and gives its owner a key,
//! shown once; another project that presents the key takes the volume (and, unless
//! `no_snapshots`, its snapshots), and the transfer is gone. Deleting a transfer makes
//! the volume `available` again.

use http::Method;
use serde_json::{Map, Value, json};

use super::actions::{body_of, links};
use super::{SNAPSHOTS, VOLUMES, Vol, bad, check_quota, list, stamp};
use crate::http_util::{Reply, Req};
use crate::records::{Collections, Fault, Record, str_of};

const TRANSFERS: &str = "transfers";

pub(super) fn route(v: &mut Vol<'_>, req: &Req, rest: &[&str]) -> Result<Reply, Fault> {
    match (&req.method, rest) {
        (&Method::GET, []) => listing(v, req, false),
        (&Method::GET, ["detail"]) => listing(v, req, true),
        (&Method::POST, []) => create(v, req),
        (&Method::GET, [id]) => {
            let t = find(v, id)?;
            Ok(Reply::ok(json!({"transfer": view(v, &t, true)})))
        }
        (&Method::DELETE, [id]) => {
            let t = find(v, id)?;
            v.st.remove(TRANSFERS, id);
            let volume = str_of(&t, "volume_id").unwrap_or_default();
            v.st.set(VOLUMES, volume, json!({"status": "available"}));
            Ok(Reply::empty(202))
        }
        (&Method::POST, [id, "accept"]) => accept(v, req, id),
        _ => Err(Fault::new(
            404,
            "itemNotFound",
            "The resource could not be found.",
        )),
    }
}

/// A transfer of the caller's project (any, for admins), or Cinder's 404.
fn find(v: &Vol<'_>, id: &str) -> Result<Record, Fault> {
    v.st.get(TRANSFERS, id)
        .filter(|t| v.ctx.is_admin() || str_of(t, "project_id") == v.ctx.project_id())
        .cloned()
        .ok_or_else(|| transfer_not_found(id))
}

fn transfer_not_found(id: &str) -> Fault {
    Fault::new(
        404,
        "itemNotFound",
        format!("Transfer {id} could not be found."),
    )
}

/// A transfer as shown: the summary (ID, name, volume, links), with `detail` the creation
/// time, from 3.55 (on the new API) `no_snapshots`, and from 3.57 the projects and
/// whether it was taken.
fn view(v: &Vol<'_>, t: &Record, detail: bool) -> Value {
    let id = str_of(t, "id").unwrap_or_default();
    let mut o = Map::new();
    for k in ["id", "name", "volume_id"] {
        o.insert(k.into(), t.get(k).cloned().unwrap_or(Value::Null));
    }
    // Under the legacy path, whichever API was asked, as Cinder writes them.
    o.insert("links".into(), links(v, "os-volume-transfer", id));
    if detail {
        o.insert("created_at".into(), t.get("created_at").cloned().into());
        if v.at_least(55) {
            o.insert("no_snapshots".into(), t.get("no_snapshots").cloned().into());
        }
        if v.at_least(57) {
            o.insert(
                "source_project_id".into(),
                t.get("project_id").cloned().into(),
            );
            o.insert("destination_project_id".into(), Value::Null);
            o.insert("accepted".into(), json!(false));
        }
    }
    Value::Object(o)
}

fn listing(v: &Vol<'_>, req: &Req, detail: bool) -> Result<Reply, Fault> {
    let url = format!(
        "{}/{}{}",
        v.url,
        if v.at_least(55) {
            "volume-transfers"
        } else {
            "os-volume-transfer"
        },
        if detail { "/detail" } else { "" }
    );
    let page = list(
        v,
        TRANSFERS,
        "transfers",
        &req.query,
        url,
        |v, t| match view(v, t, detail) {
            Value::Object(o) => o,
            _ => Record::new(),
        },
    )?;
    Ok(Reply::ok(page))
}

fn create(v: &mut Vol<'_>, req: &Req) -> Result<Reply, Fault> {
    let b = body_of(req, "transfer")?;
    let volume_id = b
        .get("volume_id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let volume = v.find(VOLUMES, &volume_id)?;
    if str_of(&volume, "status") != Some("available") {
        return Err(bad(format!(
            "Invalid volume: Status of volume must be available, but current status is: {}.",
            str_of(&volume, "status").unwrap_or_default()
        )));
    }
    let no_snapshots = v.at_least(55)
        && b.get("no_snapshots")
            .is_some_and(|x| x == &json!(true) || x == &json!("true"));
    let id = crate::ids::uuid();
    // Sixteen hexadecimal digits, as Cinder's keys.
    let key = crate::ids::hex_id()[..16].to_string();
    let mut t = Map::new();
    t.extend([
        ("id".to_string(), json!(id)),
        ("name".into(), b.get("name").cloned().unwrap_or(Value::Null)),
        ("volume_id".into(), json!(volume_id)),
        ("project_id".into(), json!(v.project())),
        ("created_at".into(), json!(stamp(v.now))),
        ("no_snapshots".into(), json!(no_snapshots)),
        ("auth_key".into(), json!(key)),
    ]);
    let Value::Object(mut shown) = view(v, &t, true) else {
        return Err(bad("transfer"));
    };
    shown.insert("auth_key".into(), json!(key));
    v.st.insert(TRANSFERS, t);
    v.st.set(VOLUMES, &volume_id, json!({"status": "awaiting-transfer"}));
    Ok(Reply::json(202, json!({ "transfer": shown })))
}

fn accept(v: &mut Vol<'_>, req: &Req, id: &str) -> Result<Reply, Fault> {
    let b = body_of(req, "accept")?;
    // Any project may accept a transfer it knows the ID and key of.
    let t =
        v.st.get(TRANSFERS, id)
            .cloned()
            .ok_or_else(|| transfer_not_found(id))?;
    if b.get("auth_key").and_then(Value::as_str) != str_of(&t, "auth_key") {
        return Err(bad(format!(
            "Invalid auth key: Attempt to transfer {id} with invalid auth key."
        )));
    }
    let volume_id = str_of(&t, "volume_id").unwrap_or_default().to_string();
    let size =
        v.st.get(VOLUMES, &volume_id)
            .and_then(|r| r.get("size"))
            .and_then(Value::as_i64)
            .unwrap_or(0);
    let taker = v.project();
    check_quota(v.st, &taker, &[("gigabytes", size), ("volumes", 1)])?;
    let moved = json!({"status": "available", "project_id": taker, "user_id": v.ctx.user_id,
        "updated_at": stamp(v.now)});
    v.st.set(VOLUMES, &volume_id, moved);
    if t.get("no_snapshots") != Some(&json!(true)) {
        let snaps: Vec<String> =
            v.st.coll(SNAPSHOTS)
                .filter(|s| str_of(s, "volume_id") == Some(volume_id.as_str()))
                .filter_map(|s| str_of(s, "id").map(str::to_string))
                .collect();
        for s in snaps {
            v.st.set(
                SNAPSHOTS,
                &s,
                json!({"project_id": taker, "user_id": v.ctx.user_id}),
            );
        }
    }
    v.st.remove(TRANSFERS, id);
    let shown = view(v, &t, false);
    Ok(Reply::json(202, json!({ "transfer": shown })))
}
