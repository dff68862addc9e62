//! QoS specs (admins): a consumer and keys, associated with volume types.

use http::Method;
use serde_json::{Map, Value, json};

use super::{TYPES, Vol, bad};
use crate::http_util::{Reply, Req};
use crate::records::{Collections, Fault, Record, str_of};

const QOS: &str = "qos_specs";
const CONSUMERS: &[&str] = &["front-end", "back-end", "both"];

fn view(r: &Record) -> Value {
    json!({"id": r.get("id"), "name": r.get("name"), "consumer": r.get("consumer"),
        "specs": r.get("specs").cloned().unwrap_or(json!({}))})
}

fn find(v: &Vol<'_>, id: &str) -> Result<Record, Fault> {
    v.st.get(QOS, id)
        .cloned()
        .ok_or_else(|| Fault::new(404, "itemNotFound", format!("No such QoS spec {id}.")))
}

/// The volume types associated with QoS specs.
fn associated(v: &Vol<'_>, id: &str) -> Vec<(String, String)> {
    v.st.coll(TYPES)
        .filter(|t| str_of(t, "qos_specs_id") == Some(id))
        .filter_map(|t| Some((str_of(t, "id")?.to_string(), str_of(t, "name")?.to_string())))
        .collect()
}

fn set_qos(v: &mut Vol<'_>, type_id: &str, qos: Value) {
    v.st.set(TYPES, type_id, json!({ "qos_specs_id": qos }));
}

pub(super) fn route(v: &mut Vol<'_>, req: &Req, rest: &[&str]) -> Result<Reply, Fault> {
    v.admin_only("volume_extension:qos_specs_manage")?;
    let body = req.json().unwrap_or(Value::Null);
    match (&req.method, rest) {
        (&Method::GET, []) => {
            let all: Vec<Value> = v.st.coll(QOS).map(view).collect();
            Ok(Reply::ok(json!({ "qos_specs": all })))
        }
        (&Method::POST, []) => {
            let Some(given) = body.get("qos_specs").and_then(Value::as_object) else {
                return Err(bad("Missing required element 'qos_specs' in request body."));
            };
            let Some(name) = given
                .get("name")
                .and_then(Value::as_str)
                .filter(|n| !n.is_empty())
            else {
                return Err(bad("Please specify a name for QoS specs."));
            };
            if v.st.coll(QOS).any(|q| str_of(q, "name") == Some(name)) {
                return Err(Fault::new(
                    409,
                    "conflictingRequest",
                    format!("QoS Specs {name} already exists."),
                ));
            }
            let consumer = given
                .get("consumer")
                .and_then(Value::as_str)
                .unwrap_or("back-end");
            if !CONSUMERS.contains(&consumer) {
                return Err(bad(format!(
                    "Invalid consumer {consumer}: must be front-end, back-end or both."
                )));
            }
            let specs: Map<String, Value> = given
                .iter()
                .filter(|(k, _)| *k != "name" && *k != "consumer")
                .map(|(k, x)| {
                    (
                        k.clone(),
                        json!(x.as_str().map_or_else(|| x.to_string(), str::to_string)),
                    )
                })
                .collect();
            let mut r = Map::new();
            r.insert("id".into(), json!(crate::ids::uuid()));
            r.insert("name".into(), json!(name));
            r.insert("consumer".into(), json!(consumer));
            r.insert("specs".into(), Value::Object(specs));
            let out = view(&r);
            v.st.insert(QOS, r);
            Ok(Reply::ok(json!({ "qos_specs": out })))
        }
        (&Method::GET, [id]) => Ok(Reply::ok(json!({ "qos_specs": view(&find(v, id)?) }))),
        (&Method::PUT, [id]) => {
            let r = find(v, id)?;
            let Some(given) = body.get("qos_specs").and_then(Value::as_object) else {
                return Err(bad("Missing required element 'qos_specs' in request body."));
            };
            let mut specs = r
                .get("specs")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            specs.extend(given.clone());
            v.st.set(QOS, id, json!({ "specs": specs }));
            Ok(Reply::ok(json!({ "qos_specs": given })))
        }
        (&Method::PUT, [id, "delete_keys"]) => {
            let r = find(v, id)?;
            let mut specs = r
                .get("specs")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            for k in body
                .get("keys")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let key = k.as_str().unwrap_or_default();
                if specs.remove(key).is_none() {
                    return Err(Fault::new(
                        404,
                        "itemNotFound",
                        format!("QoS spec {id} has no key {key}."),
                    ));
                }
            }
            v.st.set(QOS, id, json!({ "specs": specs }));
            Ok(Reply::empty(202))
        }
        (&Method::DELETE, [id]) => {
            find(v, id)?;
            let force = req
                .q("force")
                .is_some_and(|f| f.eq_ignore_ascii_case("true"));
            let types = associated(v, id);
            if !types.is_empty() && !force {
                return Err(bad(format!(
                    "QoS Specs {id} is still associated with entities."
                )));
            }
            for (t, _) in types {
                set_qos(v, &t, Value::Null);
            }
            v.st.remove(QOS, id);
            Ok(Reply::empty(202))
        }
        (&Method::GET, [id, "associations"]) => {
            find(v, id)?;
            let list: Vec<Value> = associated(v, id)
                .into_iter()
                .map(|(t, n)| json!({"association_type": "volume_type", "id": t, "name": n}))
                .collect();
            Ok(Reply::ok(json!({ "qos_associations": list })))
        }
        (
            &Method::GET,
            [
                id,
                action @ ("associate" | "disassociate" | "disassociate_all"),
            ],
        ) => {
            find(v, id)?;
            if *action == "disassociate_all" {
                for (t, _) in associated(v, id) {
                    set_qos(v, &t, Value::Null);
                }
                return Ok(Reply::empty(202));
            }
            let type_id = req.q("vol_type_id").unwrap_or_default().to_string();
            let Some(t) = v.st.get(TYPES, &type_id).cloned() else {
                return Err(Fault::new(
                    404,
                    "itemNotFound",
                    format!("Volume type {type_id} could not be found."),
                ));
            };
            if *action == "associate" {
                if t.get("qos_specs_id")
                    .is_some_and(|q| !q.is_null() && q != *id)
                {
                    return Err(bad(format!(
                        "Volume type {type_id} is already associated with other QoS specs."
                    )));
                }
                set_qos(v, &type_id, json!(id));
            } else {
                set_qos(v, &type_id, Value::Null);
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
