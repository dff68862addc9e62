//! Flavors, service profiles, and associating them.

use crate::common::*;
use crate::{expect, network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::flavors::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::openstack::networking::v2::service_profiles as profiles;
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/flavors";
const DRIVER: &str = "neutron.services.vpn.device_drivers.ipsec.OpenSwanDriver";

#[tokio::test]
async fn flavors_crud_and_find() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "7fc0581b-4509-49e1-90eb-c953c877fa4c";
    let shown_id = "f7b14d9a-b0dc-4fbe-bb14-a0f4970a69e0";
    let req = |f: &str| Some(sample_json(&format!("{S}/{f}")));
    expect(
        &server,
        "POST",
        "/network/v2.0/flavors",
        req("flavor-create-request.json"),
        reply(S, 201, "flavor-create-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        format!("/network/v2.0/flavors/{shown_id}"),
        None,
        reply(S, 200, "flavor-show-response.json"),
    )
    .await;
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/flavors/{id}"),
        req("flavor-update-request.json"),
        reply(S, 200, "flavor-update-response.json"),
    )
    .await;
    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/flavors/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/flavors"))
        .and(query_param("service_type", "FIREWALL"))
        .respond_with(reply(S, 200, "flavors-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    // find by name: the ID lookup misses, the name listing has one.
    Mock::given(method("GET"))
        .and(path("/network/v2.0/flavors/dummy"))
        .respond_with(ResponseTemplate::new(404))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/flavors"))
        .and(query_param("name", "dummy"))
        .respond_with(reply(S, 200, "flavors-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;

    let opts = CreateOpts::new("FIREWALL")
        .enabled(true)
        .name("dummy")
        .description("Dummy flavor");
    let f = flavors::create(&client, &opts).await.extract().unwrap();
    assert_eq!(
        (f.id.as_str(), f.service_type.as_str(), f.enabled),
        (id, "FIREWALL", true)
    );
    assert!(f.service_profiles.is_empty());
    let shown = flavors::get(&client, shown_id).await.extract().unwrap();
    assert_eq!(shown.name, "dummy");
    let opts = UpdateOpts::default()
        .enabled(false)
        .name("newname")
        .description("New description");
    let updated = flavors::update(&client, id, &opts).await.extract().unwrap();
    assert_eq!((updated.name.as_str(), updated.enabled), ("newname", false));
    let opts = ListOpts {
        service_type: Some("FIREWALL".into()),
        ..ListOpts::default()
    };
    assert_eq!(flavors::list(&client, &opts).all().await.unwrap().len(), 1);
    assert_eq!(flavors::find(&client, "dummy").await.unwrap().id, shown_id);
    flavors::delete(&client, id).await.ok().unwrap();

    let err = flavors::create(&client, &CreateOpts::default())
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn associate_and_disassociate_a_service_profile() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let flavor = "7fc0581b-4509-49e1-90eb-c953c877fa4c";
    let profile = "4e5b9191-ffbe-4f7a-b112-2db98232fd32";
    expect(
        &server,
        "POST",
        format!("/network/v2.0/flavors/{flavor}/service_profiles"),
        Some(sample_json(&format!("{S}/flavor-associate-request.json"))),
        reply(S, 201, "flavor-associate-response.json"),
    )
    .await;
    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/flavors/{flavor}/service_profiles/{profile}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    let r = flavors::associate(&client, flavor, profile)
        .await
        .extract()
        .unwrap();
    assert_eq!(r.id, profile);
    flavors::disassociate(&client, flavor, profile)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn service_profiles_crud() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "7c793e5f-9b64-44e0-8b1f-902e59c85a01";
    // The official request, with a JSON boolean (the sample writes "true").
    let mut create = sample_json(&format!("{S}/service-profile-create-request.json"));
    create["service_profile"]["enabled"] = json!(true);
    expect(
        &server,
        "POST",
        "/network/v2.0/service_profiles",
        Some(create),
        reply(S, 201, "service-profile-create-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        format!("/network/v2.0/service_profiles/{id}"),
        None,
        reply(S, 200, "service-profile-show-response.json"),
    )
    .await;
    expect(
        &server,
        "PUT",
        format!("/network/v2.0/service_profiles/{id}"),
        Some(sample_json(&format!(
            "{S}/service-profile-update-request.json"
        ))),
        reply(S, 200, "service-profile-update-response.json"),
    )
    .await;
    expect(
        &server,
        "DELETE",
        format!("/network/v2.0/service_profiles/{id}"),
        None,
        ResponseTemplate::new(204),
    )
    .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/service_profiles"))
        .and(query_param("driver", DRIVER))
        .respond_with(reply(S, 200, "service-profiles-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;

    let opts = profiles::CreateOpts::driver(DRIVER)
        .enabled(true)
        .description("Dummy profile")
        .metainfo("{'foo': 'bar'}");
    let p = profiles::create(&client, &opts).await.extract().unwrap();
    assert_eq!(
        (p.id.as_str(), p.driver.as_str(), p.enabled),
        (id, DRIVER, true)
    );
    assert_eq!(p.metainfo, "{'foo': 'bar'}");
    assert_eq!(
        profiles::get(&client, id)
            .await
            .extract()
            .unwrap()
            .description,
        "Dummy profile"
    );
    let opts = profiles::UpdateOpts::default()
        .enabled(false)
        .driver(DRIVER)
        .description("New description")
        .metainfo("{'new': 'info'}");
    let u = profiles::update(&client, id, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!((u.enabled, u.metainfo.as_str()), (false, "{'new': 'info'}"));
    let opts = profiles::ListOpts {
        driver: Some(DRIVER.into()),
        ..profiles::ListOpts::default()
    };
    let all = profiles::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|p| p.metainfo == "{}"));
    profiles::delete(&client, id).await.ok().unwrap();
}
