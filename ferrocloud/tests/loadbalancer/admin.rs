//! Quotas, providers, flavors and their profiles, availability zones and their
//! profiles, amphorae, versions.

use ferrocloud::openstack::loadbalancer::v2::{
    amphorae, availability_zone_profiles, availability_zones, flavorprofiles, flavors, providers,
    quotas, versions,
};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

use crate::{expect, lb, reply_json, sample};

#[tokio::test]
async fn quotas_and_defaults() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    let project = "e3cd678b11784734bc366148aa37580e";
    expect(
        &server,
        "GET",
        "lbaas/quotas",
        None,
        200,
        Some("quotas-list-response.json"),
    )
    .await;
    let all = quotas::extract_quotas(
        &quotas::list(&client, &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!((all[0].listener, all[0].healthmonitor), (None, Some(-1)));
    assert_eq!(all[0].project_id.as_deref(), Some(project));
    expect(
        &server,
        "GET",
        "lbaas/quotas/defaults",
        None,
        200,
        Some("quotas-defaults-response.json"),
    )
    .await;
    assert_eq!(
        quotas::defaults(&client)
            .await
            .extract()
            .unwrap()
            .loadbalancer,
        Some(50)
    );
    expect(
        &server,
        "GET",
        &format!("lbaas/quotas/{project}"),
        None,
        200,
        Some("quotas-show-response.json"),
    )
    .await;
    assert_eq!(
        quotas::get(&client, project)
            .await
            .extract()
            .unwrap()
            .l7policy,
        Some(20)
    );
    expect(
        &server,
        "PUT",
        &format!("lbaas/quotas/{project}"),
        Some(sample("quota-update-request.json")),
        202,
        Some("quota-update-response.json"),
    )
    .await;
    let opts = quotas::UpdateOpts {
        loadbalancer: Some(10),
        listener: Some(-1),
        member: Some(50),
        pool: Some(-1),
        healthmonitor: Some(-1),
        l7policy: Some(15),
        l7rule: Some(25),
    };
    quotas::update(&client, project, &opts)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("lbaas/quotas/{project}"),
        None,
        204,
        None,
    )
    .await;
    quotas::reset(&client, project).await.ok().unwrap();
    let bad = quotas::UpdateOpts {
        pool: Some(-2),
        ..Default::default()
    };
    assert!(
        quotas::update(&client, project, &bad)
            .await
            .extract()
            .is_err()
    );
    server.verify().await;
}

#[tokio::test]
async fn providers_and_capabilities() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    expect(
        &server,
        "GET",
        "lbaas/providers",
        None,
        200,
        Some("provider-list-response.json"),
    )
    .await;
    assert_eq!(
        providers::list(&client).await.extract().unwrap()[0].name,
        "amphora"
    );
    expect(
        &server,
        "GET",
        "lbaas/providers/amphora/flavor_capabilities",
        None,
        200,
        Some("provider-flavor-capability-show-response.json"),
    )
    .await;
    assert_eq!(
        providers::flavor_capabilities(&client, "amphora")
            .await
            .extract()
            .unwrap()[0]
            .name,
        "loadbalancer_topology"
    );
    expect(
        &server,
        "GET",
        "lbaas/providers/amphora/availability_zone_capabilities",
        None,
        200,
        Some("provider-availability-zone-capability-show-response.json"),
    )
    .await;
    assert!(
        !providers::availability_zone_capabilities(&client, "amphora")
            .await
            .extract()
            .unwrap()
            .is_empty()
    );
    server.verify().await;
}

#[tokio::test]
async fn flavors_and_profiles() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    let f = "8f94060c-8d5b-4472-9cfd-e8a2b909481d";
    let fp = "5712097e-0092-45dc-bff0-ab68b61ad51a";
    expect(
        &server,
        "POST",
        "lbaas/flavors",
        Some(sample("flavor-create-request.json")),
        201,
        Some("flavor-create-response.json"),
    )
    .await;
    let opts: flavors::CreateOpts =
        serde_json::from_value(sample("flavor-create-request.json")["flavor"].clone()).unwrap();
    assert_eq!(
        flavors::create(&client, &opts)
            .await
            .extract()
            .unwrap()
            .flavor_profile_id,
        fp
    );
    expect(
        &server,
        "GET",
        &format!("lbaas/flavors/{f}"),
        None,
        200,
        Some("flavor-show-response.json"),
    )
    .await;
    assert!(flavors::find(&client, f).await.unwrap().enabled);
    expect(
        &server,
        "PUT",
        &format!("lbaas/flavors/{f}"),
        Some(sample("flavor-update-request.json")),
        200,
        Some("flavor-update-response.json"),
    )
    .await;
    let update = flavors::UpdateOpts {
        name: Some("Basic".into()),
        description: Some("A basic standalone Octavia load balancer.".into()),
        enabled: Some(false),
    };
    assert!(
        !flavors::update(&client, f, &update)
            .await
            .extract()
            .unwrap()
            .enabled
    );
    expect(
        &server,
        "DELETE",
        &format!("lbaas/flavors/{f}"),
        None,
        204,
        None,
    )
    .await;
    flavors::delete(&client, f).await.ok().unwrap();
    expect(
        &server,
        "GET",
        "lbaas/flavors",
        None,
        200,
        Some("flavors-list-response.json"),
    )
    .await;
    flavors::list(&client, &Default::default())
        .all_pages()
        .await
        .unwrap();

    expect(
        &server,
        "POST",
        "lbaas/flavorprofiles",
        Some(sample("flavorprofile-create-request.json")),
        201,
        Some("flavorprofile-create-response.json"),
    )
    .await;
    let opts: flavorprofiles::CreateOpts = serde_json::from_value(
        sample("flavorprofile-create-request.json")["flavorprofile"].clone(),
    )
    .unwrap();
    let built = flavorprofiles::CreateOpts::new(
        "amphora-act-stdby",
        "amphora",
        &json!({"loadbalancer_topology": "ACTIVE_STANDBY"}),
    )
    .unwrap();
    assert_eq!(
        built.flavor_data,
        r#"{"loadbalancer_topology":"ACTIVE_STANDBY"}"#
    );
    let p = flavorprofiles::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        p.flavor_data,
        r#"{"loadbalancer_topology": "ACTIVE_STANDBY"}"#
    );
    assert!(flavorprofiles::CreateOpts::new("x", "amphora", &json!([1])).is_err());
    expect(
        &server,
        "GET",
        &format!("lbaas/flavorprofiles/{fp}"),
        None,
        200,
        Some("flavorprofile-show-response.json"),
    )
    .await;
    flavorprofiles::get(&client, fp).await.extract().unwrap();
    expect(
        &server,
        "PUT",
        &format!("lbaas/flavorprofiles/{fp}"),
        Some(sample("flavorprofile-update-request.json")),
        200,
        Some("flavorprofile-update-response.json"),
    )
    .await;
    let update: flavorprofiles::UpdateOpts = serde_json::from_value(
        sample("flavorprofile-update-request.json")["flavorprofile"].clone(),
    )
    .unwrap();
    flavorprofiles::update(&client, fp, &update)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("lbaas/flavorprofiles/{fp}"),
        None,
        204,
        None,
    )
    .await;
    flavorprofiles::delete(&client, fp).await.ok().unwrap();
    expect(
        &server,
        "GET",
        "lbaas/flavorprofiles",
        None,
        200,
        Some("flavorprofiles-list-response.json"),
    )
    .await;
    flavorprofiles::list(&client, &Default::default())
        .all_pages()
        .await
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn availability_zones_and_profiles() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    let azp = "5712097e-0092-45dc-bff0-ab68b61ad51a";
    expect(
        &server,
        "POST",
        "lbaas/availabilityzones",
        Some(sample("availabilityzone-create-request.json")),
        201,
        Some("availabilityzone-create-response.json"),
    )
    .await;
    let opts = availability_zones::CreateOpts {
        description: Some("My availability zone.".into()),
        enabled: Some(true),
        ..availability_zones::CreateOpts::new("my_az", azp)
    };
    availability_zones::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "GET",
        "lbaas/availabilityzones/my_az",
        None,
        200,
        Some("availabilityzone-show-response.json"),
    )
    .await;
    assert_eq!(
        availability_zones::find(&client, "my_az")
            .await
            .unwrap()
            .availability_zone_profile_id,
        azp
    );
    expect(
        &server,
        "PUT",
        "lbaas/availabilityzones/my_az",
        Some(sample("availabilityzone-update-request.json")),
        200,
        Some("availabilityzone-update-response.json"),
    )
    .await;
    let update: availability_zones::UpdateOpts = serde_json::from_value(
        sample("availabilityzone-update-request.json")["availability_zone"].clone(),
    )
    .unwrap();
    availability_zones::update(&client, "my_az", &update)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "DELETE",
        "lbaas/availabilityzones/my_az",
        None,
        204,
        None,
    )
    .await;
    availability_zones::delete(&client, "my_az")
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "GET",
        "lbaas/availabilityzones",
        None,
        200,
        Some("availabilityzone-list-response.json"),
    )
    .await;
    availability_zones::list(&client, &Default::default())
        .all_pages()
        .await
        .unwrap();

    expect(
        &server,
        "POST",
        "lbaas/availabilityzoneprofiles",
        Some(sample("availabilityzoneprofile-create-request.json")),
        201,
        Some("availabilityzoneprofile-create-response.json"),
    )
    .await;
    let opts: availability_zone_profiles::CreateOpts = serde_json::from_value(
        sample("availabilityzoneprofile-create-request.json")["availability_zone_profile"].clone(),
    )
    .unwrap();
    availability_zone_profiles::create(&client, &opts)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "GET",
        &format!("lbaas/availabilityzoneprofiles/{azp}"),
        None,
        200,
        Some("availabilityzoneprofile-show-response.json"),
    )
    .await;
    assert_eq!(
        availability_zone_profiles::get(&client, azp)
            .await
            .extract()
            .unwrap()
            .provider_name,
        "amphora"
    );
    expect(
        &server,
        "PUT",
        &format!("lbaas/availabilityzoneprofiles/{azp}"),
        Some(sample("availabilityzoneprofile-update-request.json")),
        200,
        Some("availabilityzoneprofile-update-response.json"),
    )
    .await;
    let update: availability_zone_profiles::UpdateOpts = serde_json::from_value(
        sample("availabilityzoneprofile-update-request.json")["availability_zone_profile"].clone(),
    )
    .unwrap();
    availability_zone_profiles::update(&client, azp, &update)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("lbaas/availabilityzoneprofiles/{azp}"),
        None,
        204,
        None,
    )
    .await;
    availability_zone_profiles::delete(&client, azp)
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "GET",
        "lbaas/availabilityzoneprofiles",
        None,
        200,
        Some("availabilityzoneprofile-list-response.json"),
    )
    .await;
    availability_zone_profiles::list(&client, &Default::default())
        .all_pages()
        .await
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn amphorae_and_versions() {
    let server = MockServer::start().await;
    let client = lb(&server).await;
    let a = "6bd55cd3-802e-447e-a518-1e74e23bb106";
    // The sample, with the field names and types Octavia sends.
    let mut one = sample("amphora-show-response.json");
    let lb_id = one["amphora"]["load_balancer_id"].take();
    one["amphora"]["loadbalancer_id"] = lb_id;
    one["amphora"]["cert_busy"] = json!(false);
    Mock::given(method("GET"))
        .and(path(format!("/load-balancer/v2/octavia/amphorae/{a}")))
        .respond_with(reply_json(200, &one))
        .expect(1)
        .mount(&server)
        .await;
    let amp = amphorae::get(&client, a).await.extract().unwrap();
    assert_eq!(amp.status, amphorae::AmphoraStatus::Allocated);
    assert_eq!(
        amp.loadbalancer_id.as_deref(),
        Some("09eedfc6-2c55-41a8-a75c-2cd4e95212ca")
    );
    assert!(amp.cert_expiration.is_some());
    Mock::given(method("GET"))
        .and(path("/load-balancer/v2/octavia/amphorae"))
        .respond_with(reply_json(
            200,
            &json!({"amphorae": [one["amphora"].clone()], "amphorae_links": []}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        amphorae::extract_amphorae(
            &amphorae::list(&client, &Default::default())
                .all_pages()
                .await
                .unwrap()
        )
        .unwrap()
        .len(),
        1
    );
    expect(
        &server,
        "GET",
        &format!("octavia/amphorae/{a}/stats"),
        None,
        200,
        Some("amphora-show-stats-response.json"),
    )
    .await;
    assert_eq!(
        amphorae::stats(&client, a).await.extract().unwrap()[1].bytes_out,
        100
    );
    expect(
        &server,
        "PUT",
        &format!("octavia/amphorae/{a}/config"),
        None,
        202,
        None,
    )
    .await;
    amphorae::configure(&client, a).await.ok().unwrap();
    expect(
        &server,
        "PUT",
        &format!("octavia/amphorae/{a}/failover"),
        None,
        202,
        None,
    )
    .await;
    amphorae::failover(&client, a).await.ok().unwrap();
    expect(
        &server,
        "DELETE",
        &format!("octavia/amphorae/{a}"),
        None,
        204,
        None,
    )
    .await;
    amphorae::delete(&client, a).await.ok().unwrap();

    Mock::given(method("GET"))
        .and(path("/load-balancer/"))
        .respond_with(reply_json(
            200,
            &crate::common::sample_json(
                "load-balancer/api-ref/source/examples/versions-get-resp.json",
            ),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let v = versions::list(&client).await.extract().unwrap();
    assert_eq!(v[1].id, "v2.1");
    server.verify().await;
}
