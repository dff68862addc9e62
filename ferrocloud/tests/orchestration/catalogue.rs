//! What Heat offers: resource types (with their schemas and templates), template
//! versions and functions, template validation, build information, engines, versions.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::orchestration::v1::resource_types::{self, ListOpts, TemplateType};
use ferrocloud::openstack::orchestration::v1::templates::{self, ValidateOpts};
use ferrocloud::openstack::orchestration::v1::{build_info, services, template_versions, versions};
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer};

use crate::{at, expect, heat, heat_error, heat_requests, refused_unsent, reply, sample};

// ------------------------------------------------------------------ resource types

#[tokio::test]
async fn resource_types_list_plain_and_with_filters() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("GET"))
        .and(path(at("resource_types")))
        .and(query_param_is_missing("with_description"))
        .respond_with(reply(200, Some("resource-types-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at("resource_types")))
        .and(query_param("name", "OS::Heat::*"))
        .and(query_param("support_status", "SUPPORTED"))
        .and(query_param("version", "5.0.0"))
        .and(query_param("with_description", "true"))
        .respond_with(reply(
            200,
            Some("resource-types-list-advanced-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let plain = resource_types::list(&client, &ListOpts::default())
        .all()
        .await
        .unwrap();
    let names: Vec<&str> = plain.iter().map(|t| t.name()).collect();
    assert_eq!(
        names,
        [
            "AWS::EC2::Instance",
            "OS::Heat::ScalingPolicy",
            "AWS::CloudFormation::Stack"
        ]
    );
    assert_eq!(plain[0].description(), None);

    let opts = ListOpts {
        name: Some("OS::Heat::*".into()),
        support_status: Some("SUPPORTED".into()),
        version: Some("5.0.0".into()),
        with_description: Some(true),
    };
    let described = resource_types::list(&client, &opts).all().await.unwrap();
    assert_eq!(described.len(), 5);
    assert_eq!(described[0].name(), "AWS::EC2::Instance");
    assert_eq!(described[0].description(), Some("No description given"));
    assert_eq!(described[4].name(), "OS::Keystone::Group");
    assert!(
        described[3]
            .description()
            .unwrap()
            .starts_with("Represents a child stack")
    );
}

#[tokio::test]
async fn resource_type_schema() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    // The type's name is one path segment, its colons percent-encoded.
    expect(
        &server,
        "GET",
        "resource_types/OS%3A%3AHeat%3A%3AAResourceName",
        None,
        200,
        Some("resource-schema-response.json"),
    )
    .await;
    let s = resource_types::get(&client, "OS::Heat::AResourceName")
        .await
        .extract()
        .unwrap();
    assert_eq!(s.resource_type, "OS::Heat::AResourceName");
    assert_eq!(s.support_status.status, "SUPPORTED");
    assert_eq!(
        s.support_status.message.as_deref(),
        Some("A status message")
    );
    assert_eq!(s.support_status.version.as_deref(), Some("10.0.0"));
    let prop = &s.properties["a_property"];
    assert_eq!(prop["required"], true);
    assert_eq!(prop["constraints"][0]["length"]["max"], 255);
    assert_eq!(s.attributes["an_attribute"]["type"], "string");
}

#[tokio::test]
async fn resource_type_templates_hot_and_cfn() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let rel = "resource_types/OS%3A%3ANova%3A%3AKeyPair/template";
    Mock::given(method("GET"))
        .and(path(at(rel)))
        .and(query_param("template_type", "hot"))
        .respond_with(reply(200, Some("resource-type-template-hot-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at(rel)))
        .and(query_param("template_type", "cfn"))
        .respond_with(reply(200, Some("resource-type-template-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let hot = resource_types::template(&client, "OS::Nova::KeyPair", TemplateType::Hot)
        .await
        .extract()
        .unwrap();
    assert_eq!(hot["heat_template_version"], "2016-10-14");
    assert_eq!(hot["resources"]["KeyPair"]["type"], "OS::Nova::KeyPair");
    assert_eq!(hot["parameters"]["save_private_key"]["type"], "boolean");
    assert_eq!(
        hot["outputs"]["public_key"]["value"]["get_attr"],
        json!(["KeyPair", "public_key"])
    );
    let cfn = resource_types::template(&client, "OS::Nova::KeyPair", TemplateType::Cfn)
        .await
        .extract()
        .unwrap();
    assert_eq!(cfn["HeatTemplateFormatVersion"], "2012-12-12");
    assert_eq!(cfn["Parameters"]["name"]["MaxLength"], 255);
    assert_eq!(cfn["Outputs"]["OS::stack_id"]["Value"]["Ref"], "KeyPair");
}

#[tokio::test]
async fn resource_type_calls_refuse_an_empty_name_unsent() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let e = resource_types::get(&client, "")
        .await
        .extract()
        .unwrap_err();
    refused_unsent(&server, &e).await;
    let e = resource_types::template(&client, "", TemplateType::Hot)
        .await
        .extract()
        .unwrap_err();
    refused_unsent(&server, &e).await;
}

#[tokio::test]
async fn an_unknown_resource_type_surfaces_heats_message() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let message = "The Resource Type (OS::No::Such) could not be found.";
    Mock::given(method("GET"))
        .and(path(at("resource_types/OS%3A%3ANo%3A%3ASuch")))
        .respond_with(heat_error(404, "Not Found", "EntityNotFound", message))
        .expect(1)
        .mount(&server)
        .await;
    let e = resource_types::get(&client, "OS::No::Such")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(e.service_message(), message);
}

// ------------------------------------------------------------------ template versions

#[tokio::test]
async fn template_versions_and_their_functions() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "GET",
        "template_versions",
        None,
        200,
        Some("template-versions-response.json"),
    )
    .await;
    let versions = template_versions::list(&client).all().await.unwrap();
    assert_eq!(versions.len(), 9);
    assert_eq!(versions[0].version, "AWSTemplateFormatVersion.2010-09-09");
    assert_eq!(versions[0].kind, "cfn");
    assert_eq!(versions[7].version, "heat_template_version.2016-10-14");
    assert_eq!(versions[7].kind, "hot");
    assert_eq!(versions[7].aliases, ["heat_template_version.newton"]);

    let rel = "template_versions/heat_template_version.2016-10-14/functions";
    Mock::given(method("GET"))
        .and(path(at(rel)))
        .and(query_param_is_missing("with_condition_func"))
        .respond_with(reply(200, Some("template-functions-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(at(rel)))
        .and(query_param("with_condition_func", "true"))
        .respond_with(reply(200, Some("template-functions-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let f = template_versions::functions(&client, "heat_template_version.2016-10-14", false)
        .all()
        .await
        .unwrap();
    assert_eq!(f.len(), 10);
    assert_eq!(f[0].functions, "Fn::Select");
    assert_eq!(f[6].functions, "get_param");
    assert_eq!(
        f[6].description,
        "A function for resolving parameter references."
    );
    let f = template_versions::functions(&client, "heat_template_version.2016-10-14", true)
        .all()
        .await
        .unwrap();
    assert_eq!(f[9].functions, "get_resource");

    let e = template_versions::functions(&client, "", false)
        .all()
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(heat_requests(&server).await.len(), 3);
}

// ------------------------------------------------------------------ validation

#[tokio::test]
async fn validate_sends_the_sample_and_reads_parameters_and_groups() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    Mock::given(method("POST"))
        .and(path(at("validate")))
        .and(body_json(sample("template-validate-request.json")))
        .and(query_param_is_missing("show_nested"))
        .and(query_param_is_missing("ignore_errors"))
        .respond_with(reply(200, Some("template-validate-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ValidateOpts {
        template_url: Some("/PATH_TO_HEAT_TEMPLATES/WordPress_Single_Instance.template".into()),
        ..Default::default()
    };
    let v = templates::validate(&client, &opts).await.extract().unwrap();
    assert_eq!(
        v.description,
        "A template that provides a single server instance."
    );
    assert_eq!(v.parameters.len(), 3);
    assert_eq!(v.parameters["key_name"]["required"], true);
    assert_eq!(
        v.parameters["server-size"]["constraints"][0]["allowed_values"][3],
        "8GB Standard Instance"
    );
    assert_eq!(v.parameter_groups.len(), 1);
    let g = &v.parameter_groups[0];
    assert_eq!(g.label.as_deref(), Some("Parameter groups"));
    assert_eq!(g.description.as_deref(), Some("My parameter groups"));
    assert_eq!(g.parameters, ["param_name-1", "param_name-2"]);
    assert_eq!(
        v.environment.unwrap()["resource_registry"],
        json!({"resources": {}})
    );
}

#[tokio::test]
async fn validate_with_sends_heats_query_options() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let template = "heat_template_version: 2018-08-31\nresources: {}\n";
    Mock::given(method("POST"))
        .and(path(at("validate")))
        .and(query_param("show_nested", "true"))
        .and(query_param("ignore_errors", "99001,99002"))
        .and(body_json(json!({
            "template": template,
            "environment": {"parameters": {"flavor": "m1.small"}},
        })))
        .respond_with(reply(200, Some("template-validate-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = ValidateOpts::new(template);
    opts.environment = Some(json!({"parameters": {"flavor": "m1.small"}}).into());
    let v = templates::validate_with(&client, &opts, true, Some("99001,99002"))
        .await
        .extract()
        .unwrap();
    assert_eq!(v.parameters["server_name"]["default"], "My server");

    // Neither template nor URL, or both: refused before sending.
    let e = templates::validate(&client, &ValidateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let both = ValidateOpts {
        template_url: Some("http://x/t.yaml".into()),
        ..ValidateOpts::new(template)
    };
    let e = templates::validate(&client, &both)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(heat_requests(&server).await.len(), 1);
}

#[tokio::test]
async fn an_invalid_template_surfaces_heats_message() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    let message = "The template section is invalid: resources_typo";
    Mock::given(method("POST"))
        .and(path(at("validate")))
        .respond_with(heat_error(
            400,
            "Bad Request",
            "StackValidationFailed",
            message,
        ))
        .expect(1)
        .mount(&server)
        .await;
    let e = templates::validate(&client, &ValidateOpts::new("resources_typo: {}\n"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::BadRequest);
    assert!(e.to_string().contains(message), "{e}");
    assert_eq!(e.service_code(), Some("StackValidationFailed"));
}

// ------------------------------------------------------------------ build info, engines, versions

#[tokio::test]
async fn build_info_and_services() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    expect(
        &server,
        "GET",
        "build_info",
        None,
        200,
        Some("build-info-response.json"),
    )
    .await;
    let b = build_info::get(&client).await.extract().unwrap();
    assert_eq!(b.api.revision, "{api_build_revision}");
    assert_eq!(b.engine.revision, "{engine_build_revision}");

    expect(
        &server,
        "GET",
        "services",
        None,
        200,
        Some("services-list-response.json"),
    )
    .await;
    let s = services::list(&client).all().await.unwrap();
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].id, "e1908f44-42f9-483f-b778-bc814072c33d");
    assert_eq!(s[0].engine_id, "9d9242c3-4b9e-45e1-9e74-7615fbf20e5d");
    assert_eq!(
        (s[0].binary.as_str(), s[0].topic.as_str()),
        ("heat-engine", "engine")
    );
    assert_eq!(
        (s[0].host.as_str(), s[0].hostname.as_str()),
        ("engine-1", "mrkanag")
    );
    assert_eq!(s[1].status, "down");
    assert_eq!(s[0].report_interval, 60);
    assert_eq!(s[0].created_at.to_rfc3339(), "2015-02-03T05:55:59+00:00");
    assert_eq!(
        s[1].updated_at.unwrap().to_rfc3339(),
        "2015-02-03T06:09:55+00:00"
    );
    assert_eq!(s[0].deleted_at, None);
}

#[tokio::test]
async fn versions_are_read_at_heats_root() {
    let server = MockServer::start().await;
    let client = heat(&server).await;
    // The endpoint is /heat/v1/p1: its root is /heat/, where Heat answers 300.
    Mock::given(method("GET"))
        .and(path("/heat/"))
        .respond_with(reply(300, Some("versions-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let v = versions::list(&client).await.extract().unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].id.as_str(), v[0].status.as_str()),
        ("v1.0", "CURRENT")
    );
    assert_eq!(v[0].links[0].href, "http://23.253.228.211:8000/v1/");
    assert_eq!(v[0].links[0].rel, "self");
    let sent = &heat_requests(&server).await[0];
    assert_eq!(sent.url.path(), "/heat/");
    assert!(sent.headers.get("x-auth-token").is_some());
}
