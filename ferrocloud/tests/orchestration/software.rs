//! Software configurations and deployments.

use ferrocloud::openstack::orchestration::v1::software_configs::{self, ConfigInput, ConfigOutput};
use ferrocloud::openstack::orchestration::v1::software_deployments::{self, UpdateOpts};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer};

use crate::{
    JsonSansNulls, at, expect, heat, heat_error, heat_requests, refused_unsent, reply, reply_json,
    sample,
};

const CONFIG: &str = "ddee7aca-aa32-4335-8265-d436b20db4f1";
const SERVER: &str = "ec14c864-096e-4e27-bb8a-2c2b4dc6f3f5";

fn script() -> String {
    sample("config-create-request.json")["config"]
        .as_str()
        .unwrap()
        .to_string()
}

// ------------------------------------------------------------------ configs

#[tokio::test]
async fn config_create_sends_the_sample() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    // The sample spells out `"description": null`, `"default": null` and
    // `"options": null`; the SDK leaves out what it was not given, which Heat reads the
    // same (`body.get(...)`), so the bodies are compared without their nulls.
    Mock::given(method("POST"))
        .and(path(at("software_configs")))
        .and(JsonSansNulls(sample("config-create-request.json")))
        .respond_with(reply(200, Some("config-create-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = software_configs::CreateOpts::new("a-config-we5zpvyu7b5o");
    opts.group = Some("script".into());
    opts.config = Some(script());
    opts.inputs = Some(vec![
        ConfigInput {
            input_type: Some("String".into()),
            ..ConfigInput::new("foo")
        },
        ConfigInput {
            input_type: Some("String".into()),
            ..ConfigInput::new("bar")
        },
    ]);
    opts.outputs = Some(vec![ConfigOutput {
        output_type: Some("String".into()),
        error_output: Some(false),
        ..ConfigOutput::new("result")
    }]);
    let c = software_configs::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    // The body holds exactly these keys (nothing extra beyond the sample).
    let sent: Value = serde_json::from_slice(&heat_requests(&server).await[0].body).unwrap();
    assert_eq!(sent["inputs"][0], json!({"name": "foo", "type": "String"}));
    assert_eq!(c.id, CONFIG);
    assert_eq!(c.name, "a-config-we5zpvyu7b5o");
    assert_eq!(c.group.as_deref(), Some("script"));
    assert_eq!(c.config.as_deref(), Some(script().as_str()));
    assert_eq!(c.inputs.len(), 2);
    assert_eq!(c.inputs[1].name, "bar");
    assert_eq!(c.inputs[1].input_type.as_deref(), Some("String"));
    assert_eq!(c.inputs[1].default, None);
    assert_eq!(c.outputs[0].error_output, Some(false));
    assert_eq!(c.options, None);
    assert_eq!(c.creation_time.to_rfc3339(), "2015-01-31T15:12:36+00:00");
}

#[tokio::test]
async fn config_list_pages_by_marker() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    // `configs-list-response.json` is not valid JSON (a trailing comma after "id");
    // this is the same listing, written valid.
    let listing = json!({"software_configs": [{
        "group": "script",
        "name": "a-config-we5zpvyu7b5o",
        "creation_time": "2015-01-31T15:12:36Z",
        "id": CONFIG,
    }]});
    assert!(
        serde_json::from_str::<Value>(&crate::sample_text("configs-list-response.json")).is_err()
    );
    Mock::given(method("GET"))
        .and(path(at("software_configs")))
        .and(query_param("limit", "1"))
        .and(query_param_is_missing("marker"))
        .respond_with(reply_json(200, &listing))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at("software_configs")))
        .and(query_param("limit", "1"))
        .and(query_param("marker", CONFIG))
        .respond_with(reply_json(200, &json!({"software_configs": []})))
        .expect(1)
        .mount(&server)
        .await;
    let opts = software_configs::ListOpts {
        limit: Some(1),
        marker: None,
    };
    let all = software_configs::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].id, CONFIG);
    assert_eq!(all[0].group.as_deref(), Some("script"));
    assert_eq!(all[0].config, None);
    assert!(all[0].inputs.is_empty());
}

#[tokio::test]
async fn config_show_and_delete() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "GET",
        &format!("software_configs/{CONFIG}"),
        None,
        200,
        Some("config-show-response.json"),
    )
    .await;
    expect(
        &server,
        "DELETE",
        &format!("software_configs/{CONFIG}"),
        None,
        204,
        None,
    )
    .await;
    let c = software_configs::get(&client, CONFIG)
        .await
        .extract()
        .unwrap();
    assert_eq!(c.name, "a-config-we5zpvyu7b5o");
    assert_eq!(c.inputs[0].name, "foo");
    assert_eq!(c.outputs[0].name, "result");
    assert_eq!(c.outputs[0].output_type.as_deref(), Some("String"));
    assert!(c.config.unwrap().starts_with("#!/bin/sh -x\n"));
    software_configs::delete(&client, CONFIG)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn config_calls_refuse_empty_input_unsent() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let e = software_configs::get(&client, "")
        .await
        .extract()
        .unwrap_err();
    refused_unsent(&server, &e).await;
    let e = software_configs::delete(&client, "")
        .await
        .ok()
        .unwrap_err();
    refused_unsent(&server, &e).await;
    let e = software_configs::create(&client, &software_configs::CreateOpts::new(""))
        .await
        .extract()
        .unwrap_err();
    refused_unsent(&server, &e).await;
}

// ------------------------------------------------------------------ deployments

#[tokio::test]
async fn deployment_create_sends_the_sample() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "POST",
        "software_deployments",
        Some("deployment-create-request.json"),
        200,
        Some("deployment-create-response.json"),
    )
    .await;
    let mut opts =
        software_deployments::CreateOpts::new("8da95794-2ad9-4979-8ae5-739ce314c5cd", SERVER);
    opts.status = Some("IN_PROGRESS".into());
    opts.stack_user_project_id = Some("c024bfada67845ddb17d2b0c0be8cd79".into());
    opts.action = Some("CREATE".into());
    opts.status_reason = Some("Deploy data available".into());
    let d = software_deployments::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(d.id, "ef422fa5-719a-419e-a10c-72e3a367b0b8");
    assert_eq!(d.server_id, SERVER);
    assert_eq!(d.config_id, "8da95794-2ad9-4979-8ae5-739ce314c5cd");
    assert_eq!(d.status.as_deref(), Some("IN_PROGRESS"));
    assert_eq!(d.status_reason.as_deref(), Some("Deploy data available"));
    assert_eq!(d.output_values, None);
    assert_eq!(d.input_values, None);
    assert_eq!(
        d.updated_time.unwrap().to_rfc3339(),
        "2015-01-31T15:18:21+00:00"
    );
}

#[tokio::test]
async fn deployment_list_of_one_server() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at("software_deployments")))
        .and(query_param("server_id", SERVER))
        .respond_with(reply(200, Some("deployments-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at("software_deployments")))
        .and(query_param_is_missing("server_id"))
        .respond_with(reply(200, Some("deployments-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let all = software_deployments::list(&client, Some(SERVER))
        .all()
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
    let d = &all[0];
    assert_eq!(d.status.as_deref(), Some("COMPLETE"));
    let out = d.output_values.as_ref().unwrap();
    assert_eq!(out["deploy_status_code"], 0);
    assert_eq!(
        out["deploy_stdout"],
        "Writing to /tmp/barmy\nWritten to /tmp/barmy\n"
    );
    let all = software_deployments::list(&client, None)
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].id, "ef422fa5-719a-419e-a10c-72e3a367b0b8");
}

#[tokio::test]
async fn deployment_show_update_delete() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let id = "06e87bcc-33a2-4bce-aebd-533e698282d3";
    expect(
        &server,
        "GET",
        &format!("software_deployments/{id}"),
        None,
        200,
        Some("deployment-show-response.json"),
    )
    .await;
    let d = software_deployments::get(&client, id)
        .await
        .extract()
        .unwrap();
    assert_eq!(d.config_id, "3d5ec2a8-7004-43b6-a7f6-542bdbe9d434");
    assert_eq!(d.action.as_deref(), Some("CREATE"));

    expect(
        &server,
        "PUT",
        &format!("software_deployments/{id}"),
        Some("deployment-update-request.json"),
        200,
        Some("deployment-update-response.json"),
    )
    .await;
    let req = sample("deployment-update-request.json");
    let opts = UpdateOpts {
        status: Some("COMPLETE".into()),
        status_reason: Some("Outputs received".into()),
        output_values: Some(req["output_values"].as_object().unwrap().clone()),
        ..Default::default()
    };
    let d = software_deployments::update(&client, id, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(d.status.as_deref(), Some("COMPLETE"));
    assert_eq!(d.status_reason.as_deref(), Some("Outputs received"));
    assert!(
        d.output_values.unwrap()["result"]
            .as_str()
            .unwrap()
            .starts_with("The file /tmp/baaaaa contains fooooo")
    );

    expect(
        &server,
        "DELETE",
        &format!("software_deployments/{id}"),
        None,
        204,
        None,
    )
    .await;
    software_deployments::delete(&client, id)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn deployment_metadata_of_a_server() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "GET",
        &format!("software_deployments/metadata/{SERVER}"),
        None,
        200,
        Some("deployment-metadata-response.json"),
    )
    .await;
    let m = software_deployments::metadata(&client, SERVER)
        .await
        .extract()
        .unwrap();
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].id, "3d5ec2a8-7004-43b6-a7f6-542bdbe9d434");
    assert_eq!(m[1].id, "8da95794-2ad9-4979-8ae5-739ce314c5cd");
    assert_eq!(m[0].inputs.len(), 7);
    assert_eq!(m[0].inputs[0].value, Some(json!("fooooo")));
    assert_eq!(m[1].inputs[1].value, Some(json!("barmy")));
    assert_eq!(m[0].inputs[5].value, Some(json!("deployment")));
    assert_eq!(
        m[0].inputs[2].description.as_deref(),
        Some("ID of the server being deployed to")
    );
    assert_eq!(
        m[1].updated_time.unwrap().to_rfc3339(),
        "2015-01-31T16:18:19+00:00"
    );
}

#[tokio::test]
async fn deployment_calls_refuse_empty_input_unsent_and_surface_heats_errors() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let e = software_deployments::get(&client, "")
        .await
        .extract()
        .unwrap_err();
    refused_unsent(&server, &e).await;
    let e = software_deployments::update(&client, "", &UpdateOpts::default())
        .await
        .extract()
        .unwrap_err();
    refused_unsent(&server, &e).await;
    let e = software_deployments::delete(&client, "")
        .await
        .ok()
        .unwrap_err();
    refused_unsent(&server, &e).await;
    let e = software_deployments::metadata(&client, "")
        .await
        .extract()
        .unwrap_err();
    refused_unsent(&server, &e).await;
    for (c, s) in [("", SERVER), ("c", "")] {
        let opts = software_deployments::CreateOpts::new(c, s);
        let e = software_deployments::create(&client, &opts)
            .await
            .extract()
            .unwrap_err();
        refused_unsent(&server, &e).await;
    }

    let message = "Software config with id 8da95794 not found";
    Mock::given(method("POST"))
        .and(path(at("software_deployments")))
        .and(body_json(
            json!({"config_id": "8da95794", "server_id": SERVER}),
        ))
        .respond_with(heat_error(404, "Not Found", "NotFound", message))
        .expect(1)
        .mount(&server)
        .await;
    let opts = software_deployments::CreateOpts::new("8da95794", SERVER);
    let e = software_deployments::create(&client, &opts)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ferrocloud::ErrorKind::NotFound);
    assert!(e.to_string().contains(message), "{e}");
}
