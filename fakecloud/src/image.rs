//! A minimal image service: enough for servers to boot from the seeded image and for
//! snapshots to be found (list, create without data, show, delete under
//! `/image/v2/images`).

use http::Method;
use serde_json::{Value, json};

use crate::App;
use crate::http_util::{Reply, Req, authenticate};
use crate::identity::stamp;
use crate::state::{Image, State};

fn image_json(app: &App, i: &Image) -> Value {
    let mut v = json!({
        "id": i.id, "name": i.name, "status": i.status, "visibility": i.visibility,
        "owner": i.owner, "protected": false, "tags": [], "disk_format": "raw",
        "container_format": "bare", "min_disk": i.min_disk, "min_ram": i.min_ram,
        "size": if i.size == 0 { Value::Null } else { json!(i.size) },
        "virtual_size": null, "checksum": null, "os_hidden": false,
        "created_at": stamp(i.created_at).replace(".000000", ""),
        "updated_at": stamp(i.created_at).replace(".000000", ""),
        "self": format!("/v2/images/{}", i.id), "file": format!("/v2/images/{}/file", i.id),
        "schema": "/v2/schemas/image",
    });
    if let Some(o) = v.as_object_mut() {
        for (k, x) in &i.properties {
            o.entry(k.clone()).or_insert(json!(x));
        }
    }
    let _ = app;
    v
}

fn error(status: u16, message: &str) -> Reply {
    let title = http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error");
    Reply::json(
        status,
        json!({"code": status, "title": title, "message": message}),
    )
}

/// Requests under `/image`.
pub(crate) fn handle(app: &App, state: &mut State, req: &Req) -> Reply {
    let segs: Vec<&str> = req.segs.iter().skip(1).map(String::as_str).collect();
    if segs.is_empty() && req.method == Method::GET {
        return Reply::json(
            300,
            json!({"versions": [{"id": "v2.16", "status": "CURRENT",
                "links": [{"rel": "self", "href": format!("{}/image/v2/", app.base)}]}]}),
        );
    }
    let ctx = match authenticate(app, state, req) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let project = ctx.project_id().unwrap_or_default().to_string();
    let visible = |i: &Image| ctx.is_admin() || i.visibility == "public" || i.owner == project;
    match (&req.method, segs.as_slice()) {
        (&Method::GET, ["v2", "images"]) => {
            let rows: Vec<Value> = state
                .images
                .values()
                .filter(|i| visible(i))
                .filter(|i| req.q("name").is_none_or(|n| n == i.name))
                .filter(|i| req.q("status").is_none_or(|s| s == i.status))
                .filter(|i| req.q("visibility").is_none_or(|v| v == i.visibility))
                .map(|i| image_json(app, i))
                .collect();
            Reply::ok(
                json!({"images": rows, "first": "/v2/images", "schema": "/v2/schemas/images"}),
            )
        }
        (&Method::POST, ["v2", "images"]) => {
            let Some(Value::Object(o)) = req.json() else {
                return error(400, "The request body is not a JSON object.");
            };
            let num = |k: &str| o.get(k).and_then(Value::as_u64).unwrap_or(0);
            let mut properties = std::collections::BTreeMap::new();
            for (k, v) in &o {
                if !matches!(
                    k.as_str(),
                    "id" | "name"
                        | "visibility"
                        | "min_ram"
                        | "min_disk"
                        | "disk_format"
                        | "container_format"
                        | "tags"
                        | "protected"
                ) && let Some(v) = v.as_str()
                {
                    properties.insert(k.clone(), v.to_string());
                }
            }
            let image = Image {
                id: o
                    .get("id")
                    .and_then(Value::as_str)
                    .map_or_else(crate::ids::uuid, str::to_string),
                name: o
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .into(),
                status: "queued".into(),
                owner: project.clone(),
                visibility: o
                    .get("visibility")
                    .and_then(Value::as_str)
                    .unwrap_or("shared")
                    .into(),
                properties,
                min_ram: num("min_ram"),
                min_disk: num("min_disk"),
                size: 0,
                created_at: app.clock.now(),
            };
            if state.images.contains_key(&image.id) {
                return error(
                    409,
                    &format!("Image with identifier {} already exists!", image.id),
                );
            }
            let v = image_json(app, &image);
            state.images.insert(image.id.clone(), image);
            Reply::json(201, v)
        }
        (&Method::GET, ["v2", "images", id]) => match state.images.get(*id) {
            Some(i) if visible(i) => Reply::ok(image_json(app, i)),
            _ => error(404, &format!("No image found with ID {id}")),
        },
        (&Method::DELETE, ["v2", "images", id]) => match state.images.get(*id) {
            Some(i) if ctx.is_admin() || i.owner == project => {
                state.images.remove(*id);
                Reply::empty(204)
            }
            Some(i) if visible(i) => error(403, "You are not authorized to delete this image."),
            _ => error(404, &format!("No image found with ID {id}")),
        },
        _ => error(404, "The resource could not be found."),
    }
}
