//! Pools, TSIG keys, blacklists, TLDs, quotas, limits, service statuses and versions.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::dns::v2::service_statuses::{self, ServiceState};
use ferrocloud::openstack::dns::v2::tsigkeys::{self, Algorithm, Scope};
use ferrocloud::openstack::dns::v2::versions::{self, VersionStatus};
use ferrocloud::openstack::dns::v2::{blacklists, limits, pools, quotas, tlds};
use secrecy::ExposeSecret;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer};

use crate::{dns, expect, reply};

#[tokio::test]
async fn pools_and_service_statuses() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    expect(
        &server,
        "GET",
        "pools",
        None,
        200,
        Some("pools/list-pools-response.json"),
    )
    .await;
    let all = pools::extract_pools(&pools::list(&client).all_pages().await.unwrap()).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].project_id, None);
    assert_eq!(all[1].project_id.as_deref(), Some("noauth-project"));
    assert_eq!(all[1].ns_records[0].hostname, "ns2.example.org.");
    let id = "d1716333-8c16-490f-85ee-29af36907605";
    expect(
        &server,
        "GET",
        &format!("pools/{id}"),
        None,
        200,
        Some("pools/show-pool-response.json"),
    )
    .await;
    let pool = pools::get(&client, id).await.extract().unwrap();
    assert_eq!(
        (pool.name.as_str(), pool.attributes),
        ("example_pool", None)
    );

    expect(
        &server,
        "GET",
        "service_statuses",
        None,
        200,
        Some("service_status/service_status_list.json"),
    )
    .await;
    let all = service_statuses::extract_service_statuses(
        &service_statuses::list(&client).all_pages().await.unwrap(),
    )
    .unwrap();
    assert_eq!(
        (all[0].service_name.as_str(), all[0].status.clone()),
        ("api", ServiceState::Up)
    );
    assert!(all[0].stats.is_empty() && all[0].updated_at.is_none());
    let id = "c0bcb136-5f5c-4427-9f89-99d457819917";
    expect(
        &server,
        "GET",
        &format!("service_statuses/{id}"),
        None,
        200,
        Some("service_status/service_status_show.json"),
    )
    .await;
    let s = service_statuses::get(&client, id).await.extract().unwrap();
    assert_eq!(s.hostname, "dns-2.example.com");
    assert_eq!(s.heartbeated_at.to_rfc3339(), "2021-03-24T23:51:12+00:00");
}

#[tokio::test]
async fn tsig_keys() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let id = "c429b860-9f68-4e5f-a2ff-65760a64ceaa";
    expect(
        &server,
        "POST",
        "tsigkeys",
        Some("tsigkeys/create-tsigkey-request.json"),
        201,
        Some("tsigkeys/tsigkey-response.json"),
    )
    .await;
    let opts = tsigkeys::CreateOpts::new(
        "Example key",
        Algorithm::HmacSha256,
        "SomeSecretKey".into(),
        Scope::Pool,
        "d96851d0-765c-4ee9-bbdf-153345270bd3",
    );
    let key = tsigkeys::create(&client, &opts).await.extract().unwrap();
    assert_eq!(
        (key.id.as_str(), key.algorithm.clone(), key.scope.clone()),
        (id, Algorithm::HmacSha256, Scope::Pool)
    );
    assert_eq!(key.secret.expose_secret(), "SomeSecretKey");
    assert!(!format!("{key:?} {opts:?}").contains("SomeSecretKey"));

    Mock::given(method("GET"))
        .and(path("/dns/v2/tsigkeys"))
        .and(query_param("scope", "POOL"))
        .respond_with(reply(200, Some("tsigkeys/list-tsigkeys-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = tsigkeys::ListOpts {
        scope: Some(Scope::Pool),
        ..Default::default()
    };
    let all =
        tsigkeys::extract_tsigkeys(&tsigkeys::list(&client, &opts).all_pages().await.unwrap())
            .unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].secret.expose_secret(), "some secret key");

    expect(
        &server,
        "GET",
        &format!("tsigkeys/{id}"),
        None,
        200,
        Some("tsigkeys/tsigkey-response.json"),
    )
    .await;
    tsigkeys::get(&client, id).await.extract().unwrap();
    expect(
        &server,
        "PATCH",
        &format!("tsigkeys/{id}"),
        Some("tsigkeys/update-tsigkey-request.json"),
        200,
        Some("tsigkeys/update-tsigkey-response.json"),
    )
    .await;
    let opts = tsigkeys::UpdateOpts {
        name: Some("example_tsigkey".into()),
        scope: Some(Scope::Zone),
        ..Default::default()
    };
    let key = tsigkeys::update(&client, id, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(key.scope, Scope::Zone);
    assert!(key.updated_at.is_some());
    expect(
        &server,
        "DELETE",
        &format!("tsigkeys/{id}"),
        None,
        204,
        None,
    )
    .await;
    tsigkeys::delete(&client, id).await.ok().unwrap();

    // An update that changes nothing is refused before sending.
    let err = tsigkeys::update(&client, id, &tsigkeys::UpdateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn blacklists_crud() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let id = "af91edb5-ede8-453f-af13-feabdd088f9c";
    expect(
        &server,
        "POST",
        "blacklists",
        Some("blacklists/create-blacklist-request.json"),
        201,
        Some("blacklists/blacklist-response.json"),
    )
    .await;
    let opts = blacklists::CreateOpts::new(r"^([A-Za-z0-9_\-]+\.)*example\.com\.$")
        .description("This is a blacklisted domain.");
    let b = blacklists::create(&client, &opts).await.extract().unwrap();
    assert_eq!(
        (b.id.as_str(), b.pattern.as_str()),
        (id, r"^([A-Za-z0-9_\-]+\.)*example\.com\.$")
    );
    assert_eq!(b.created_at.to_rfc3339(), "2016-05-20T06:15:42+00:00");

    expect(
        &server,
        "GET",
        "blacklists",
        None,
        200,
        Some("blacklists/list-blacklists-response.json"),
    )
    .await;
    let all = blacklists::extract_blacklists(
        &blacklists::list(&client, &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all[1].pattern, r"^examples\.com\.$");
    expect(
        &server,
        "GET",
        &format!("blacklists/{id}"),
        None,
        200,
        Some("blacklists/blacklist-response.json"),
    )
    .await;
    blacklists::get(&client, id).await.extract().unwrap();
    let other = "f26e22f8-619f-4738-9077-0586e7cb76bd";
    expect(
        &server,
        "PATCH",
        &format!("blacklists/{other}"),
        Some("blacklists/update-blacklist-request.json"),
        200,
        Some("blacklists/update-blacklist-response.json"),
    )
    .await;
    let opts = blacklists::UpdateOpts {
        pattern: Some(r"^examples\.com\.$".into()),
        description: Some("Updated the description".into()),
    };
    let b = blacklists::update(&client, other, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(b.description.as_deref(), Some("Updated the description"));
    expect(
        &server,
        "DELETE",
        &format!("blacklists/{id}"),
        None,
        204,
        None,
    )
    .await;
    blacklists::delete(&client, id).await.ok().unwrap();
    let err = blacklists::create(&client, &blacklists::CreateOpts::new(""))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn tlds_crud_and_find() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let id = "cfee7486-7ce4-4851-9c38-7b0fe3d42ee9";
    expect(
        &server,
        "POST",
        "tlds",
        Some("tlds/create-tld-request.json"),
        201,
        Some("tlds/tld-response.json"),
    )
    .await;
    let tld = tlds::create(
        &client,
        &tlds::CreateOpts::new("com").description("tld description"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((tld.id.as_str(), tld.name.as_str()), (id, "com"));
    expect(
        &server,
        "GET",
        &format!("tlds/{id}"),
        None,
        200,
        Some("tlds/tld-response.json"),
    )
    .await;
    tlds::get(&client, id).await.extract().unwrap();
    expect(
        &server,
        "PATCH",
        &format!("tlds/{id}"),
        Some("tlds/update-tld-request.json"),
        200,
        Some("tlds/update-tld-response.json"),
    )
    .await;
    let opts = tlds::UpdateOpts {
        name: Some("org".into()),
        description: Some("Updated the name from com to org".into()),
    };
    assert_eq!(
        tlds::update(&client, id, &opts)
            .await
            .extract()
            .unwrap()
            .name,
        "org"
    );
    expect(&server, "DELETE", &format!("tlds/{id}"), None, 204, None).await;
    tlds::delete(&client, id).await.ok().unwrap();

    Mock::given(method("GET"))
        .and(path("/dns/v2/tlds/edu"))
        .respond_with(wiremock::ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/dns/v2/tlds"))
        .and(query_param("name", "edu"))
        .respond_with(reply(200, Some("tlds/list-tlds-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let edu = tlds::find(&client, "edu").await.unwrap();
    assert_eq!(edu.id, "a7bba387-712b-4b42-9368-4508642c6113");
}

#[tokio::test]
async fn quotas_and_limits() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let project = "5e3e2bb6b8a04a5aa6ddc6b6a4dad1d0";
    expect(
        &server,
        "GET",
        &format!("quotas/{project}"),
        None,
        200,
        Some("quotas/get-quotas-response.json"),
    )
    .await;
    let q = quotas::get(&client, project).await.extract().unwrap();
    assert_eq!(
        (q.zones, q.api_export_size, q.zone_recordsets),
        (100, 1000, 500)
    );
    expect(
        &server,
        "GET",
        "quotas/",
        None,
        200,
        Some("quotas/get-quotas-response.json"),
    )
    .await;
    quotas::get_current(&client).await.extract().unwrap();
    expect(
        &server,
        "PATCH",
        &format!("quotas/{project}"),
        Some("quotas/set-quotas-request.json"),
        200,
        Some("quotas/set-quotas-response.json"),
    )
    .await;
    let opts = quotas::UpdateOpts {
        zones: Some(500),
        ..Default::default()
    };
    assert_eq!(
        quotas::update(&client, project, &opts)
            .await
            .extract()
            .unwrap()
            .zones,
        500
    );
    expect(
        &server,
        "DELETE",
        &format!("quotas/{project}"),
        None,
        204,
        None,
    )
    .await;
    quotas::reset(&client, project).await.ok().unwrap();
    let err = quotas::update(&client, project, &Default::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    Mock::given(method("GET"))
        .and(path("/dns/v2/limits"))
        .and(header("x-auth-sudo-project-id", project))
        .respond_with(reply(200, Some("limits/get-limits-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let as_project = ferrocloud::openstack::dns::v2::common::RequestHeaders::default()
        .sudo_project_id(project)
        .apply(&client)
        .unwrap();
    let l = limits::get(&as_project).await.extract().unwrap();
    assert_eq!((l.max_page_limit, l.max_zones, l.min_ttl), (1000, 10, None));
}

#[tokio::test]
async fn versions_at_the_root() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    Mock::given(method("GET"))
        .and(path("/dns/"))
        .respond_with(reply(200, Some("versions/get-versions-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let all = versions::list(&client).await.extract().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(
        (all[1].id.as_str(), all[1].status.clone()),
        ("v2.0", VersionStatus::Current)
    );
    assert_eq!(all[0].links[1].rel, "help");
    assert_eq!(all[0].updated.to_rfc3339(), "2022-06-29T00:00:00+00:00");
}
