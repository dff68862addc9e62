//! Orchestration against the real Heat (API and one engine, convergence, trusts; the
//! stacks' own users in the `heat` domain): a stack of resources that need no other
//! service taken through its whole life (validate, preview, create, lookups, outputs,
//! resources, events, update previews and updates, snapshots and restore, suspend,
//! resume, check, both cancels, abandon and adopt, delete), a wait condition released
//! by a signal through the API, software configurations and deployments, Heat's
//! catalogue (resource types, template versions and functions, build info, services,
//! versions), and a Neutron network made by a stack.
//!
//! Real-Heat facts these tests rely on, beyond the API reference: restoring a snapshot
//! brings back its template and parameters, but a replaced random string gets a new
//! value; an update preview
//! answers `{"resource_changes": …}`; mark-unhealthy leaves the resource
//! `CHECK_FAILED`; signalling a resource that takes no signals is a `400`; a deployment
//! can be recorded for any server ID (Heat does not ask Nova).

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use ferrocloud::openstack::networking::v2::networks;
use ferrocloud::openstack::orchestration::v1::resource_types::{self, TemplateType};
use ferrocloud::openstack::orchestration::v1::stacks::{self, CreateOpts, StackStatus, UpdateOpts};
use ferrocloud::openstack::orchestration::v1::{
    build_info, events, outputs, resources, services, snapshots, software_configs,
    software_deployments, template_versions, templates, versions,
};
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ServiceClient, openstack};
use futures::FutureExt;
use serde_json::{Value, json};

use crate::support::*;

async fn heat(provider: &ferrocloud::ProviderClient) -> ServiceClient {
    openstack::new_orchestration_v1(provider, region()).unwrap()
}

fn wait() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(120))
        .interval(Duration::from_millis(250), Duration::from_secs(2))
}

/// A template of resources that need no other service: a random string (its length a
/// parameter), a no-op, and a test resource whose value is a parameter.
fn template(extra: Value) -> Value {
    let mut t = json!({
        "heat_template_version": "2018-08-31",
        "description": "ferrocloud devcloud stack",
        "parameters": {
            "length": {"type": "number", "default": 8},
            "value": {"type": "string", "default": "first"},
            "db_password": {"type": "string", "default": "unused", "hidden": true}
        },
        "resources": {
            "random": {"type": "OS::Heat::RandomString", "properties": {"length": {"get_param": "length"}}},
            "nothing": {"type": "OS::Heat::None"},
            "test": {"type": "OS::Heat::TestResource", "properties": {"value": {"get_param": "value"}}}
        },
        "outputs": {
            "random": {"description": "the random string", "value": {"get_attr": ["random", "value"]}},
            "test": {"value": {"get_attr": ["test", "output"]}}
        }
    });
    if let Value::Object(more) = extra {
        for (k, v) in more {
            t["resources"][&k] = v;
        }
    }
    t
}

fn names(list: &[Value]) -> Vec<String> {
    let mut v: Vec<String> = list
        .iter()
        .filter_map(|r| r["resource_name"].as_str().map(str::to_string))
        .collect();
    v.sort();
    v
}

async fn output(heat: &ServiceClient, name: &str, id: &str, key: &str) -> Value {
    outputs::get(heat, name, id, key)
        .await
        .extract()
        .unwrap()
        .output_value
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn orchestration_stack_lifecycle() {
    let provider = member().await;
    let heat = heat(&provider).await;
    let name = unique("stack");

    // Validation and preview create nothing.
    let v = templates::validate(&heat, &templates::ValidateOpts::new(template(json!({}))))
        .await
        .extract()
        .unwrap();
    assert_eq!(v.description, "ferrocloud devcloud stack");
    assert_eq!(v.parameters["length"]["Default"], 8);
    assert_eq!(v.parameters["db_password"]["NoEcho"], "true");
    let bad = templates::validate(
        &heat,
        &templates::ValidateOpts::new(json!({"heat_template_version": "2018-08-31",
            "resources": {"r": {"type": "OS::Heat::NoSuchType"}}})),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(bad.status().map(|s| s.as_u16()), Some(400), "{bad}");
    assert!(bad.to_string().contains("NoSuchType"), "{bad}");

    let mut opts = CreateOpts::new(&name, template(json!({})));
    opts.parameters = Some(
        json!({"length": 12, "db_password": "s3cret-pw"})
            .as_object()
            .unwrap()
            .clone(),
    );
    opts.tags = Some(vec!["ferro".into(), "lifecycle".into()]);
    opts.timeout_mins = Some(10);
    let preview = stacks::preview(&heat, &opts).await.extract().unwrap();
    assert_eq!(preview.stack_name, name);
    assert_eq!(preview.resources.len(), 3);

    let created = stacks::create(&heat, &opts).await.extract().unwrap();
    let id = created.id.clone();
    let result = AssertUnwindSafe(async {
        let stack = stacks::wait_for_status(&heat, &name, &id, StackStatus::CreateComplete, &wait())
            .await
            .unwrap();
        assert_eq!(stack.tags, ["ferro", "lifecycle"]);
        assert_eq!(stack.timeout_mins, Some(10));
        // hidden parameters come back masked
        assert_eq!(stack.parameters["db_password"], "******");
        assert_eq!(stack.parameters["OS::stack_name"], name.as_str());
        let random = stack.outputs.iter().find(|o| o.output_key == "random").unwrap();
        assert_eq!(random.output_value.as_str().unwrap().len(), 12);
        assert_eq!(random.description, "the random string");

        // Lookups: by name and by ID alone (Heat's redirect read), listing filters, count.
        assert_eq!(stacks::lookup(&heat, &name).await.unwrap(), (name.clone(), id.clone()));
        assert_eq!(stacks::lookup(&heat, &id).await.unwrap(), (name.clone(), id.clone()));
        assert_eq!(stacks::find(&heat, &name).await.unwrap().id, id);
        let missing = stacks::find(&heat, "ferro-no-such-stack").await.unwrap_err();
        assert!(missing.is_not_found(), "{missing}");
        let unresolved = stacks::get_unresolved(&heat, &name, &id).await.extract().unwrap();
        assert_eq!(unresolved.id, id);
        let listed = stacks::list(
            &heat,
            &stacks::ListOpts { name: Some(name.clone()), ..Default::default() },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].stack_status, StackStatus::CreateComplete);
        let tagged = stacks::ListOpts { tags: Some(vec!["lifecycle".into()]), ..Default::default() };
        assert!(stacks::list(&heat, &tagged).all().await.unwrap().iter().any(|s| s.id == id));
        assert!(stacks::count(&heat, &tagged).await.unwrap() >= 1);

        // Outputs.
        let outs = outputs::list(&heat, &name, &id).await.extract().unwrap();
        let mut keys: Vec<_> = outs.iter().map(|o| o.output_key.as_str()).collect();
        keys.sort();
        assert_eq!(keys, ["random", "test"]);
        assert_eq!(output(&heat, &name, &id, "test").await, "first");

        // Resources and their events.
        let res = resources::list(
            &heat,
            &name,
            &id,
            &resources::ListOpts { with_detail: Some(true), ..Default::default() },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(res.len(), 3);
        assert!(res.iter().all(|r| r.resource_status == StackStatus::CreateComplete));
        let by_type = resources::list(
            &heat,
            &name,
            &id,
            &resources::ListOpts { resource_type: Some("OS::Heat::None".into()), ..Default::default() },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(by_type.len(), 1);
        assert_eq!(by_type[0].resource_name, "nothing");
        let by_id = resources::list_by_stack_name_or_id(&heat, &id, &Default::default())
            .await
            .unwrap();
        assert_eq!(by_id.len(), 3);
        let random = resources::get(&heat, &name, &id, "random", &["value"]).await.extract().unwrap();
        assert_eq!(random.resource_type, "OS::Heat::RandomString");
        let attrs = random.attributes.unwrap();
        assert_eq!(attrs["value"].as_str().unwrap().len(), 12);
        let meta = resources::metadata(&heat, &name, &id, "nothing").await.extract().unwrap();
        assert!(meta.is_empty(), "{meta:?}");

        let evs = events::list(&heat, &name, &id, &Default::default()).all().await.unwrap();
        // the stack's own two events and two per resource
        assert!(evs.len() >= 8, "{}", evs.len());
        let for_random = events::list_for_resource(&heat, &name, &id, "random", &Default::default())
            .all()
            .await
            .unwrap();
        assert_eq!(for_random.len(), 2);
        let done = for_random
            .iter()
            .find(|e| e.resource_status == StackStatus::CreateComplete)
            .unwrap();
        let ev = events::get(&heat, &name, &id, "random", &done.id).await.extract().unwrap();
        assert_eq!(ev.id, done.id);
        assert_eq!(ev.resource_status, StackStatus::CreateComplete);
        assert_eq!(ev.resource_type.as_deref(), Some("OS::Heat::RandomString"));
        let paged = events::list(
            &heat,
            &name,
            &id,
            &events::ListOpts { limit: Some(2), sort_dir: Some("asc".into()), ..Default::default() },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(paged.len(), evs.len(), "every event once, two per page");
        let by_name = events::list_by_stack_name_or_id(&heat, &name, &Default::default())
            .await
            .unwrap();
        assert_eq!(by_name.len(), evs.len());

        // Health: marked unhealthy, then healthy again.
        resources::mark_unhealthy(&heat, &name, &id, "test", Some("found broken"))
            .await
            .ok()
            .unwrap();
        let t = resources::get(&heat, &name, &id, "test", &[]).await.extract().unwrap();
        assert_eq!(t.resource_status, StackStatus::CheckFailed);
        assert_eq!(t.resource_status_reason, "found broken");
        resources::mark_healthy(&heat, &name, &id, "test").await.ok().unwrap();
        let t = resources::get(&heat, &name, &id, "test", &[]).await.extract().unwrap();
        assert_eq!(t.resource_status, StackStatus::CheckComplete);

        // What Heat holds: template, environment, files, export.
        let tpl = stacks::template(&heat, &name, &id).await.extract().unwrap();
        assert_eq!(tpl["heat_template_version"], "2018-08-31");
        let env = stacks::environment(&heat, &name, &id).await.extract().unwrap();
        assert_eq!(env.parameters["length"], 12);
        assert!(stacks::files(&heat, &name, &id).await.extract().unwrap().is_empty());
        let exported = stacks::export(&heat, &name, &id).await.extract().unwrap();
        assert_eq!(exported.id, id);
        assert_eq!(exported.resources.len(), 3);

        // Update previews (PUT and PATCH), then a PATCH update: a new length replaces the
        // random string, a new value updates the test resource in place.
        let patch = UpdateOpts {
            parameters: Some(json!({"length": 16, "value": "second"}).as_object().unwrap().clone()),
            ..Default::default()
        };
        let changes = stacks::preview_update_patch(&heat, &name, &id, &patch, false)
            .await
            .extract()
            .unwrap();
        assert_eq!(names(&changes.replaced), ["random"]);
        assert_eq!(names(&changes.updated), ["test"]);
        assert_eq!(names(&changes.unchanged), ["nothing"]);
        let put = UpdateOpts {
            template: Some(template(json!({"more": {"type": "OS::Heat::None"}})).into()),
            parameters: Some(json!({"length": 16}).as_object().unwrap().clone()),
            ..Default::default()
        };
        let changes = stacks::preview_update(&heat, &name, &id, &put, true).await.extract().unwrap();
        assert_eq!(names(&changes.added), ["more"]);
        assert!(names(&changes.replaced).contains(&"random".to_string()));

        stacks::update_patch(&heat, &name, &id, &patch).await.ok().unwrap();
        stacks::wait_for_status(&heat, &name, &id, StackStatus::UpdateComplete, &wait())
            .await
            .unwrap();
        let v16 = output(&heat, &name, &id, "random").await;
        assert_eq!(v16.as_str().unwrap().len(), 16);
        assert_eq!(output(&heat, &name, &id, "test").await, "second");

        // Snapshot, change, restore: the snapshot's resources come back.
        let snap = snapshots::create(&heat, &name, &id, Some("before-20")).await.extract().unwrap();
        let snap = snapshots::wait_for_complete(&heat, &name, &id, &snap.id, &wait())
            .await
            .unwrap();
        assert_eq!(snap.name, "before-20");
        assert!(snap.data.is_some());
        let listed = snapshots::list(&heat, &name, &id).await.extract().unwrap();
        assert_eq!(listed.len(), 1);
        let to20 = UpdateOpts {
            parameters: Some(json!({"length": 20}).as_object().unwrap().clone()),
            ..Default::default()
        };
        stacks::update_patch(&heat, &name, &id, &to20).await.ok().unwrap();
        stacks::wait_for_status(&heat, &name, &id, StackStatus::UpdateComplete, &wait())
            .await
            .unwrap();
        assert_eq!(output(&heat, &name, &id, "random").await.as_str().unwrap().len(), 20);
        snapshots::restore(&heat, &name, &id, &snap.id).await.ok().unwrap();
        stacks::wait_for_status(&heat, &name, &id, StackStatus::RestoreComplete, &wait())
            .await
            .unwrap();
        // the snapshot's template and parameters come back: the random string is
        // replaced by one of length 16 again (Heat 26 makes a new value, not v16's)
        let restored = output(&heat, &name, &id, "random").await;
        assert_eq!(restored.as_str().unwrap().len(), 16, "{restored} (was {v16})");
        snapshots::delete(&heat, &name, &id, &snap.id).await.ok().unwrap();
        assert!(snapshots::list(&heat, &name, &id).await.extract().unwrap().is_empty());

        // Suspend, resume, check.
        stacks::suspend(&heat, &name, &id).await.ok().unwrap();
        stacks::wait_for_status(&heat, &name, &id, StackStatus::SuspendComplete, &wait())
            .await
            .unwrap();
        stacks::resume(&heat, &name, &id).await.ok().unwrap();
        stacks::wait_for_status(&heat, &name, &id, StackStatus::ResumeComplete, &wait())
            .await
            .unwrap();
        stacks::check(&heat, &name, &id).await.ok().unwrap();
        stacks::wait_for_status(&heat, &name, &id, StackStatus::CheckComplete, &wait())
            .await
            .unwrap();

        // An update slowed down by the test resource, cancelled: rolled back.
        let slow = |value: &str| UpdateOpts {
            template: Some(
                template(json!({"slow": {"type": "OS::Heat::TestResource",
                    "properties": {"value": value, "action_wait_secs": {"update": 10, "create": 10}}}}))
                .into(),
            ),
            ..Default::default()
        };
        stacks::update(&heat, &name, &id, &slow("a")).await.ok().unwrap();
        wait_in_progress(&heat, &name, &id).await;
        stacks::cancel_update(&heat, &name, &id).await.ok().unwrap();
        let rolled = stacks::wait_for_status(&heat, &name, &id, StackStatus::RollbackComplete, &wait())
            .await
            .unwrap();
        assert_eq!(rolled.stack_status, StackStatus::RollbackComplete);
        // Cancelled without rollback: the update is left failed.
        stacks::update(&heat, &name, &id, &slow("b")).await.ok().unwrap();
        wait_in_progress(&heat, &name, &id).await;
        stacks::cancel_without_rollback(&heat, &name, &id).await.ok().unwrap();
        let failed = stacks::wait_for_status(&heat, &name, &id, StackStatus::UpdateFailed, &wait())
            .await
            .unwrap();
        assert!(!failed.stack_status_reason.is_empty());
        // and a waiter for the update's success says why it will not come
        let err = stacks::wait_for_status(&heat, &name, &id, StackStatus::UpdateComplete, &wait())
            .await
            .unwrap_err();
        assert!(err.to_string().contains("UPDATE_FAILED"), "{err}");

        // A stack left failed is updated back to health (the half-made slow resource
        // goes: adopting a resource needs its ID).
        let back = UpdateOpts {
            template: Some(template(json!({})).into()),
            ..Default::default()
        };
        stacks::update(&heat, &name, &id, &back).await.ok().unwrap();
        stacks::wait_for_status(&heat, &name, &id, StackStatus::UpdateComplete, &wait())
            .await
            .unwrap();

        // Abandon: Heat forgets the stack and answers its data; adopt it back.
        // the typed data for reading, the whole body for adopting
        let abandoned = stacks::abandon(&heat, &name, &id).await;
        let data = abandoned.extract().unwrap();
        let raw: Value = abandoned.extract_into().unwrap();
        assert_eq!(data.id, id);
        assert!(data.resources.contains_key("random"));
        stacks::wait_for_deletion(&heat, &name, &id, &wait()).await.unwrap();
        let adopted_name = format!("{name}-adopted");
        let mut adopt = CreateOpts::adopting(&adopted_name, raw);
        adopt.template = Some(ferrocloud::openstack::orchestration::v1::common::Document::from(Value::Object(data.template.clone())));
        let adopted = stacks::adopt(&heat, &adopt).await.extract().unwrap();
        let stack = stacks::wait_for_status(&heat, &adopted_name, &adopted.id, StackStatus::AdoptComplete, &wait())
            .await
            .unwrap();
        assert_eq!(stack.stack_name, adopted_name);
        let (n, i) = stacks::delete_by_name_or_id(&heat, &adopted_name).await.unwrap();
        assert_eq!(i, adopted.id);
        stacks::wait_for_deletion(&heat, &n, &i, &wait()).await.unwrap();
    })
    .catch_unwind()
    .await;
    if stacks::get(&heat, &name, &id).await.extract().is_ok() {
        let _ = stacks::delete(&heat, &name, &id).await;
    }
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

/// Until the stack's update is under way.
async fn wait_in_progress(heat: &ServiceClient, name: &str, id: &str) {
    for _ in 0..120 {
        let s = stacks::get(heat, name, id).await.extract().unwrap();
        if s.stack_status == StackStatus::UpdateInProgress {
            return;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("stack {name} never UPDATE_IN_PROGRESS");
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn orchestration_wait_condition_released_by_a_signal() {
    let provider = member().await;
    let heat = heat(&provider).await;
    let name = unique("wait");
    let tpl = json!({
        "heat_template_version": "2018-08-31",
        "resources": {
            "handle": {"type": "OS::Heat::WaitConditionHandle",
                       "properties": {"signal_transport": "HEAT_SIGNAL"}},
            "waiter": {"type": "OS::Heat::WaitCondition",
                       "properties": {"handle": {"get_resource": "handle"}, "count": 1, "timeout": 120}},
            "word": {"type": "OS::Heat::RandomString"}
        },
        "outputs": {"data": {"value": {"get_attr": ["waiter", "data"]}}}
    });
    let created = stacks::create(&heat, &CreateOpts::new(&name, tpl))
        .await
        .extract()
        .unwrap();
    let id = created.id.clone();
    let result = AssertUnwindSafe(async {
        // the wait condition holds the stack until the handle is signalled
        for _ in 0..120 {
            let h = resources::get(&heat, &name, &id, "handle", &[])
                .await
                .extract();
            if matches!(h, Ok(ref r) if r.resource_status == StackStatus::CreateComplete) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        let stack = stacks::get(&heat, &name, &id).await.extract().unwrap();
        assert_eq!(stack.stack_status, StackStatus::CreateInProgress);

        // a resource that takes no signal refuses one
        let refused = resources::signal(&heat, &name, &id, "word", None)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(refused.status().map(|s| s.as_u16()), Some(400), "{refused}");

        let signal = json!({"status": "SUCCESS", "reason": "ready", "data": "hello", "id": "1"});
        resources::signal(&heat, &name, &id, "handle", Some(&signal))
            .await
            .ok()
            .unwrap();
        stacks::wait_for_status(&heat, &name, &id, StackStatus::CreateComplete, &wait())
            .await
            .unwrap();
        let data = output(&heat, &name, &id, "data").await;
        let data: Value = match data {
            Value::String(s) => serde_json::from_str(&s).unwrap(),
            v => v,
        };
        assert_eq!(data, json!({"1": "hello"}));
        let meta = resources::metadata(&heat, &name, &id, "handle")
            .await
            .extract()
            .unwrap();
        assert_eq!(meta["1"]["data"], "hello");
        assert_eq!(meta["1"]["reason"], "ready");
    })
    .catch_unwind()
    .await;
    let _ = stacks::delete(&heat, &name, &id).await;
    let gone = stacks::wait_for_deletion(&heat, &name, &id, &wait()).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    gone.unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn orchestration_software_configs_and_deployments() {
    let provider = member().await;
    let heat = heat(&provider).await;
    let mut opts = software_configs::CreateOpts::new(unique("config"));
    opts.group = Some("script".into());
    opts.config = Some("#!/bin/sh\necho $foo > /tmp/out\n".into());
    opts.inputs = Some(vec![software_configs::ConfigInput::new("foo")]);
    opts.outputs = Some(vec![software_configs::ConfigOutput::new("result")]);
    opts.options = Some(json!({"verbose": true}));
    let config = software_configs::create(&heat, &opts)
        .await
        .extract()
        .unwrap();
    let server = "5d0e3a43-59b4-4a44-9b6a-1d6e8e3b1f0a";
    let mut deployment_id = None;
    let result = AssertUnwindSafe(async {
        assert_eq!(config.group.as_deref(), Some("script"));
        assert_eq!(config.inputs[0].name, "foo");
        let shown = software_configs::get(&heat, &config.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(shown.config.as_deref(), opts.config.as_deref());
        assert_eq!(shown.options, Some(json!({"verbose": true})));
        let all = software_configs::list(
            &heat,
            &software_configs::ListOpts {
                limit: Some(1),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert!(all.iter().any(|c| c.id == config.id));

        let mut d = software_deployments::CreateOpts::new(&config.id, server);
        d.action = Some("CREATE".into());
        d.status = Some("IN_PROGRESS".into());
        d.input_values = Some(json!({"foo": "bar"}).as_object().unwrap().clone());
        let dep = software_deployments::create(&heat, &d)
            .await
            .extract()
            .unwrap();
        deployment_id = Some(dep.id.clone());
        assert_eq!(dep.server_id, server);
        assert_eq!(dep.status.as_deref(), Some("IN_PROGRESS"));
        let listed = software_deployments::list(&heat, Some(server))
            .all()
            .await
            .unwrap();
        assert_eq!(listed.len(), 1);
        let upd = software_deployments::UpdateOpts {
            status: Some("COMPLETE".into()),
            status_reason: Some("done".into()),
            output_values: Some(json!({"result": "ok"}).as_object().unwrap().clone()),
            ..Default::default()
        };
        let dep = software_deployments::update(&heat, &dep.id, &upd)
            .await
            .extract()
            .unwrap();
        assert_eq!(dep.status.as_deref(), Some("COMPLETE"));
        let shown = software_deployments::get(&heat, &dep.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(shown.output_values.unwrap()["result"], "ok");
        let meta = software_deployments::metadata(&heat, server)
            .await
            .extract()
            .unwrap();
        assert_eq!(meta.len(), 1);
        assert_eq!(meta[0].group.as_deref(), Some("script"));
        assert_eq!(meta[0].id, config.id);
        assert_eq!(meta[0].inputs[0].name, "foo");
        software_deployments::delete(&heat, &dep.id)
            .await
            .ok()
            .unwrap();
        deployment_id = None;
        let gone = software_deployments::get(&heat, &dep.id)
            .await
            .extract()
            .unwrap_err();
        assert!(gone.is_not_found(), "{gone}");
    })
    .catch_unwind()
    .await;
    if let Some(d) = &deployment_id {
        let _ = software_deployments::delete(&heat, d).await;
    }
    let deleted = software_configs::delete(&heat, &config.id).await.ok();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    deleted.unwrap();
    let gone = software_configs::get(&heat, &config.id)
        .await
        .extract()
        .unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn orchestration_catalogue() {
    let provider = admin().await;
    let heat = heat(&provider).await;
    let types = resource_types::list(
        &heat,
        &resource_types::ListOpts {
            name: Some("OS::Heat::Random.*".into()),
            with_description: Some(true),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert!(
        types.iter().any(|t| t.name() == "OS::Heat::RandomString"),
        "{types:?}"
    );
    assert!(types.iter().all(|t| t.description().is_some()));
    let schema = resource_types::get(&heat, "OS::Heat::RandomString")
        .await
        .extract()
        .unwrap();
    assert!(schema.properties.contains_key("length"));
    assert!(schema.attributes.contains_key("value"));
    assert_eq!(schema.support_status.status, "SUPPORTED");
    let hot = resource_types::template(&heat, "OS::Heat::RandomString", TemplateType::Hot)
        .await
        .extract()
        .unwrap();
    assert!(hot.contains_key("heat_template_version"));
    let cfn = resource_types::template(&heat, "OS::Heat::RandomString", TemplateType::Cfn)
        .await
        .extract()
        .unwrap();
    assert!(cfn.contains_key("HeatTemplateFormatVersion"));
    let unknown = resource_types::get(&heat, "OS::Heat::NoSuchType")
        .await
        .extract()
        .unwrap_err();
    assert!(unknown.is_not_found(), "{unknown}");

    let tv = template_versions::list(&heat).all().await.unwrap();
    assert!(
        tv.iter()
            .any(|v| v.version == "heat_template_version.2018-08-31" && v.kind == "hot")
    );
    // Heat 26 merges the condition functions into the version's own list the first
    // time they are asked for, and lists them without asking from then on: only "the
    // conditions are among them when asked" holds for every run.
    let plain = template_versions::functions(&heat, "heat_template_version.2016-10-14", false)
        .all()
        .await
        .unwrap();
    let with_cond = template_versions::functions(&heat, "heat_template_version.2016-10-14", true)
        .all()
        .await
        .unwrap();
    assert!(plain.iter().any(|f| f.functions == "get_attr"));
    for f in &plain {
        assert!(
            with_cond.iter().any(|g| g.functions == f.functions),
            "{}",
            f.functions
        );
    }
    for c in ["equals", "not", "and", "or"] {
        assert!(with_cond.iter().any(|f| f.functions == c), "{c}");
    }

    let info = build_info::get(&heat).await.extract().unwrap();
    assert!(!info.api.revision.is_empty() && !info.engine.revision.is_empty());
    let engines = services::list(&heat).all().await.unwrap();
    assert!(
        engines
            .iter()
            .any(|s| s.binary == "heat-engine" && s.status == "up"),
        "{engines:?}"
    );
    let vs = versions::list(&heat).await.extract().unwrap();
    assert!(
        vs.iter().any(|v| v.id == "v1.0" && v.status == "CURRENT"),
        "{vs:?}"
    );
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn orchestration_neutron_resources() {
    let provider = member().await;
    let heat = heat(&provider).await;
    let neutron = openstack::new_network_v2(&provider, region()).unwrap();
    let name = unique("net");
    let tpl = json!({
        "heat_template_version": "2018-08-31",
        "resources": {
            "net": {"type": "OS::Neutron::Net", "properties": {"name": name}},
            "subnet": {"type": "OS::Neutron::Subnet",
                       "properties": {"network": {"get_resource": "net"}, "cidr": "10.251.7.0/24"}}
        },
        "outputs": {"net": {"value": {"get_resource": "net"}}}
    });
    let created = stacks::create(&heat, &CreateOpts::new(&name, tpl))
        .await
        .extract()
        .unwrap();
    let id = created.id.clone();
    let result = AssertUnwindSafe(async {
        stacks::wait_for_status(&heat, &name, &id, StackStatus::CreateComplete, &wait())
            .await
            .unwrap();
        let net_id = output(&heat, &name, &id, "net").await;
        let net = networks::get(&neutron, net_id.as_str().unwrap())
            .await
            .extract()
            .unwrap();
        assert_eq!(net.name, name);
        assert_eq!(net.subnets.len(), 1);
        let res = resources::get(&heat, &name, &id, "net", &[])
            .await
            .extract()
            .unwrap();
        assert_eq!(res.physical_resource_id, net.id);
    })
    .catch_unwind()
    .await;
    let _ = stacks::delete(&heat, &name, &id).await;
    let gone = stacks::wait_for_deletion(&heat, &name, &id, &wait()).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    gone.unwrap();
    let left = networks::list(
        &neutron,
        &networks::ListOpts {
            name: Some(name.clone()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert!(left.is_empty(), "the stack's network outlived it");
}
