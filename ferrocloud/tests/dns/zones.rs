//! Zones, their name servers and tasks, imports, exports and shares.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::dns::v2::common::{Action, Paging, SortDir, Status, TaskStatus};
use ferrocloud::openstack::dns::v2::zones::{self, CreateOpts, DeleteOpts, UpdateOpts, ZoneType};
use ferrocloud::openstack::dns::v2::{zone_exports, zone_imports, zone_shares, zone_tasks};
use wiremock::matchers::{body_string, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{dns, expect, quick, relinked, reply, reply_json, sample, sample_text};

const ZONE: &str = "a86dba58-0043-4cc6-a1bb-69d5e86f3ca3";

#[tokio::test]
async fn create_get_update_delete() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    expect(
        &server,
        "POST",
        "zones",
        Some("zones/create-zone-request.json"),
        202,
        Some("zones/zone-response.json"),
    )
    .await;
    let opts = CreateOpts::primary("example.org.", "joe@example.org")
        .ttl(7200)
        .description("This is an example zone.")
        .attribute("tier", "gold")
        .attribute("ha", "true");
    let zone = zones::create(&client, &opts).await.extract().unwrap();
    assert_eq!(zone.id, ZONE);
    assert_eq!(zone.pool_id, "572ba08c-d929-4c70-8e42-03824bb24ca2");
    assert_eq!(zone.name, "example.org.");
    assert_eq!(zone.serial, 1404757531);
    assert_eq!(zone.ttl, Some(7200));
    assert_eq!(zone.status, Status::Active);
    assert_eq!(zone.action, Action::Create);
    assert_eq!(zone.zone_type, Some(ZoneType::Primary));
    assert_eq!(zone.attributes["tier"], "gold");
    assert!(zone.masters.is_empty());
    assert_eq!(zone.transferred_at, None);
    assert_eq!(zone.updated_at, None);
    assert_eq!(
        zone.created_at.to_rfc3339(),
        "2014-07-07T18:25:31.275934+00:00"
    );
    assert_eq!(
        zone.links.self_link,
        format!("https://127.0.0.1:9001/v2/zones/{ZONE}")
    );

    expect(
        &server,
        "GET",
        &format!("zones/{ZONE}"),
        None,
        200,
        Some("zones/zone-response.json"),
    )
    .await;
    assert_eq!(
        zones::get(&client, ZONE)
            .await
            .extract()
            .unwrap()
            .email
            .as_deref(),
        Some("joe@example.org")
    );

    expect(
        &server,
        "PATCH",
        &format!("zones/{ZONE}"),
        Some("zones/update-zone-request.json"),
        202,
        Some("zones/update-zone-response.json"),
    )
    .await;
    let opts = UpdateOpts {
        ttl: Some(600),
        description: Some("Updated Description".into()),
        ..Default::default()
    };
    let zone = zones::update(&client, ZONE, &opts).await.extract().unwrap();
    assert_eq!(
        (zone.status, zone.action, zone.ttl),
        (Status::Pending, Action::Update, Some(600))
    );

    expect(
        &server,
        "DELETE",
        &format!("zones/{ZONE}"),
        None,
        202,
        Some("zones/delete-zone-response.json"),
    )
    .await;
    let zone = zones::delete(&client, ZONE).await.extract().unwrap();
    assert_eq!(zone.action, Action::Delete);

    expect(
        &server,
        "GET",
        &format!("zones/{ZONE}/nameservers"),
        None,
        200,
        Some("zones/show-zone-nameservers-response.json"),
    )
    .await;
    let ns = zones::nameservers(&client, ZONE).await.extract().unwrap();
    assert_eq!(
        (ns[0].hostname.as_str(), ns[0].priority),
        ("ns1.example.com.", 10)
    );
}

#[tokio::test]
async fn delete_with_headers() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    Mock::given(method("DELETE"))
        .and(path(format!("/dns/v2/zones/{ZONE}")))
        .and(header("x-designate-hard-delete", "true"))
        .and(header("x-designate-delete-shares", "true"))
        .respond_with(reply(202, Some("zones/delete-zone-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = DeleteOpts {
        hard_delete: true,
        delete_shares: true,
    };
    zones::delete_with(&client, ZONE, &opts).await.ok().unwrap();
}

#[tokio::test]
async fn list_follows_links_next() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let marker = "45fd892d-7a67-4f65-9df0-87273f228d6c";
    let first = relinked(
        &server,
        "zones/list-zones-response.json",
        "zones",
        Some(&format!("limit=1&marker={marker}")),
    );
    Mock::given(method("GET"))
        .and(path("/dns/v2/zones"))
        .and(query_param("limit", "1"))
        .and(query_param("type", "PRIMARY"))
        .and(query_param("sort_key", "name"))
        .and(query_param("sort_dir", "desc"))
        .and(query_param_is_missing("marker"))
        .respond_with(reply_json(200, &first))
        .expect(1)
        .mount(&server)
        .await;
    let mut second = relinked(&server, "zones/list-zones-response.json", "zones", None);
    second["zones"][0]["id"] = marker.into();
    second["zones"][0]["name"] = "example.com.".into();
    Mock::given(method("GET"))
        .and(path("/dns/v2/zones"))
        .and(query_param("marker", marker))
        .respond_with(reply_json(200, &second))
        .expect(1)
        .mount(&server)
        .await;
    let opts = zones::ListOpts {
        zone_type: Some(ZoneType::Primary),
        paging: Paging::default().limit(1).sort("name", SortDir::Desc),
        ..Default::default()
    };
    let all =
        zones::extract_zones(&zones::list(&client, &opts).all_pages().await.unwrap()).unwrap();
    let names: Vec<&str> = all.iter().map(|z| z.name.as_str()).collect();
    assert_eq!(names, ["example.org.", "example.com."]);
}

#[tokio::test]
async fn find_by_name_and_errors() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    Mock::given(method("GET"))
        .and(path("/dns/v2/zones/example.org"))
        .respond_with(ResponseTemplate::new(404).set_body_string(
            r#"{"code": 404, "type": "zone_not_found", "message": "Could not find Zone"}"#,
        ))
        .mount(&server)
        .await;
    let listing = relinked(&server, "zones/list-zones-response.json", "zones", None);
    Mock::given(method("GET"))
        .and(path("/dns/v2/zones"))
        .and(query_param("name", "example.org."))
        .respond_with(reply_json(200, &listing))
        .expect(1)
        .mount(&server)
        .await;
    let zone = zones::find(&client, "example.org").await.unwrap();
    assert_eq!(zone.id, ZONE);

    let err = zones::get(&client, "example.org")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(err.to_string().contains("Could not find Zone"), "{err}");

    // Refused before anything is sent.
    let before = server.received_requests().await.unwrap().len();
    let bad = CreateOpts::secondary("example.org.", Vec::<String>::new());
    let err = zones::create(&client, &bad).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = zones::update(&client, ZONE, &UpdateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        zones::find(&client, "").await.unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    assert_eq!(server.received_requests().await.unwrap().len(), before);
}

fn zone_in(status: &str, action: &str) -> serde_json::Value {
    let mut z = sample("zones/zone-response.json");
    z["status"] = status.into();
    z["action"] = action.into();
    z
}

#[tokio::test]
async fn waiters() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let at = format!("/dns/v2/zones/{ZONE}");
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(reply_json(200, &zone_in("PENDING", "CREATE")))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(reply_json(200, &zone_in("ACTIVE", "NONE")))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(reply_json(200, &zone_in("ERROR", "UPDATE")))
        .mount(&server)
        .await;
    let zone = zones::wait_for_status(&client, ZONE, Status::Active, &quick())
        .await
        .unwrap();
    assert_eq!((zone.status, zone.action), (Status::Active, Action::None));
    assert_eq!(ferrocloud_count(&server, &at).await, 3);
    let err = zones::wait_for_status(&client, ZONE, Status::Active, &quick())
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("is ERROR (action UPDATE)"),
        "{err}"
    );
    let err = zones::wait_for_delete(&client, ZONE, &quick())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("ERROR"), "{err}");

    let server = MockServer::start().await;
    let client = dns(&server).await;
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(reply_json(200, &zone_in("PENDING", "DELETE")))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    zones::wait_for_delete(&client, ZONE, &quick())
        .await
        .unwrap();
    assert_eq!(ferrocloud_count(&server, &at).await, 2);
}

async fn ferrocloud_count(server: &MockServer, p: &str) -> usize {
    crate::common::count(server, "GET", p).await
}

#[tokio::test]
async fn tasks() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    Mock::given(method("POST"))
        .and(path(format!("/dns/v2/zones/{ZONE}/tasks/abandon")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    zone_tasks::abandon(&client, ZONE).await.ok().unwrap();
    expect(
        &server,
        "POST",
        &format!("zones/{ZONE}/tasks/xfr"),
        None,
        202,
        None,
    )
    .await;
    zone_tasks::xfr(&client, ZONE).await.ok().unwrap();
    expect(
        &server,
        "POST",
        &format!("zones/{ZONE}/tasks/pool_move"),
        Some("zones/poolmove-zone-request.json"),
        202,
        None,
    )
    .await;
    zone_tasks::pool_move(&client, ZONE, Some("8e6f1c59-15e7-4a14-8640-8d5e07f95b10"))
        .await
        .ok()
        .unwrap();
    let err = zone_tasks::pool_move(&client, ZONE, Some(""))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn imports() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let zone_file = sample("zones/create-zone-import-request.json")["zonefile"]
        .as_str()
        .unwrap()
        .to_string();
    Mock::given(method("POST"))
        .and(path("/dns/v2/zones/tasks/imports"))
        .and(header("content-type", "text/dns"))
        .and(body_string(zone_file.clone()))
        .respond_with(reply(202, Some("zones/create-zone-import-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let import = zone_imports::create(&client, &zone_file)
        .await
        .extract()
        .unwrap();
    assert_eq!(import.id, "074e805e-fe87-4cbb-b10b-21a06e215d41");
    assert_eq!(
        (import.status, import.zone_id, import.version),
        (TaskStatus::Pending, None, 1)
    );
    assert_eq!(
        zone_imports::create(&client, " \n")
            .await
            .extract()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );

    Mock::given(method("GET"))
        .and(path("/dns/v2/zones/tasks/imports"))
        .and(query_param("status", "COMPLETE"))
        .respond_with(reply(200, Some("zones/list-zone-import-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = zone_imports::ListOpts {
        status: Some(TaskStatus::Complete),
        ..Default::default()
    };
    let all = zone_imports::extract_zone_imports(
        &zone_imports::list(&client, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].message.as_deref(), Some("temp.org. imported"));

    let id = "074e805e-fe87-4cbb-b10b-21a06e215d41";
    expect(
        &server,
        "GET",
        &format!("zones/tasks/imports/{id}"),
        None,
        200,
        Some("zones/show-zone-import-response.json"),
    )
    .await;
    let done = zone_imports::wait_for_completion(&client, id, &quick())
        .await
        .unwrap();
    assert_eq!(
        done.zone_id.as_deref(),
        Some("6625198b-d67d-47dc-8d29-f90bd60f3ac4")
    );
    assert_eq!(
        done.links.others["href"],
        "http://127.0.0.1:9001/v2/zones/6625198b-d67d-47dc-8d29-f90bd60f3ac4"
    );
    expect(
        &server,
        "DELETE",
        &format!("zones/tasks/imports/{id}"),
        None,
        204,
        None,
    )
    .await;
    zone_imports::delete(&client, id).await.ok().unwrap();

    let mut failed = sample("zones/show-zone-import-response.json");
    failed["status"] = "ERROR".into();
    failed["message"] = "An SOA record is required.".into();
    Mock::given(method("GET"))
        .and(path("/dns/v2/zones/tasks/imports/bad"))
        .respond_with(reply_json(200, &failed))
        .mount(&server)
        .await;
    let err = zone_imports::wait_for_completion(&client, "bad", &quick())
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("An SOA record is required."),
        "{err}"
    );
}

#[tokio::test]
async fn exports() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let zone = "074e805e-fe87-4cbb-b10b-21a06e215d41";
    let id = "8ec17fe1-d1f9-41b4-aa98-4eeb4c27b720";
    expect(
        &server,
        "POST",
        &format!("zones/{zone}/tasks/export"),
        None,
        202,
        Some("zones/create-zone-export-response.json"),
    )
    .await;
    let e = zone_exports::create(&client, zone).await.extract().unwrap();
    assert_eq!(
        (e.id.as_str(), e.status, e.location),
        (id, TaskStatus::Pending, None)
    );

    expect(
        &server,
        "GET",
        "zones/tasks/exports",
        None,
        200,
        Some("zones/list-zone-export-response.json"),
    )
    .await;
    let all = zone_exports::extract_zone_exports(
        &zone_exports::list(&client, &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        all[0].location.as_deref(),
        Some("designate://v2/zones/tasks/exports/204be410-0a9c-44b8-839e-bc4df3bb0d9a/export")
    );

    expect(
        &server,
        "GET",
        &format!("zones/tasks/exports/{id}"),
        None,
        200,
        Some("zones/show-zone-export-response.json"),
    )
    .await;
    let e = zone_exports::wait_for_completion(&client, id, &quick())
        .await
        .unwrap();
    assert_eq!(
        e.links.others["export"],
        format!("http://127.0.0.1:9001/v2/zones/tasks/exports/{id}/export")
    );

    let text = sample_text("zones/show-zone-export-content.txt");
    Mock::given(method("GET"))
        .and(path(format!("/dns/v2/zones/tasks/exports/{id}/export")))
        .and(header("accept", "text/dns"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(text.clone())
                .insert_header("content-type", "text/dns"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let file = zone_exports::download(&client, id).await.extract().unwrap();
    assert_eq!(file.text, text);
    assert!(
        file.text
            .contains("example.com.  IN MX 10 mail.example.com.")
    );

    expect(
        &server,
        "DELETE",
        &format!("zones/tasks/exports/{id}"),
        None,
        204,
        None,
    )
    .await;
    zone_exports::delete(&client, id).await.ok().unwrap();
}

#[tokio::test]
async fn shares() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let zone = "a3365b47-ee93-43ad-9a60-2b2ca96b1898";
    let share = "fd40b017-bf97-461c-8d30-d4e922b28edd";
    let target = "232e37df46af42089710e2ae39111c2f";
    expect(
        &server,
        "POST",
        &format!("zones/{zone}/shares"),
        Some("zones/share-zone-request.json"),
        201,
        Some("zones/share-zone-response.json"),
    )
    .await;
    let s = zone_shares::create(&client, zone, target)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (s.id.as_str(), s.target_project_id.as_str()),
        (share, target)
    );
    assert_eq!(s.project_id, "16ade46c85a1435bb86d9138d37da57e");
    assert_eq!(
        s.links.others["zone"],
        format!("http://127.0.0.1:60053/v2/zones/{zone}")
    );

    Mock::given(method("GET"))
        .and(path(format!("/dns/v2/zones/{zone}/shares")))
        .and(query_param("target_project_id", target))
        .respond_with(reply(200, Some("zones/list-share-zone-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let opts = zone_shares::ListOpts {
        target_project_id: Some(target.into()),
    };
    let all = zone_shares::extract_zone_shares(
        &zone_shares::list(&client, zone, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all[1].target_project_id, "86d78e93698e4b06aad4f62e04afb4c1");

    expect(
        &server,
        "GET",
        &format!("zones/{zone}/shares/{share}"),
        None,
        200,
        Some("zones/share-zone-response.json"),
    )
    .await;
    zone_shares::get(&client, zone, share)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("zones/{zone}/shares/{share}"),
        None,
        204,
        None,
    )
    .await;
    zone_shares::delete(&client, zone, share)
        .await
        .ok()
        .unwrap();
    assert_eq!(
        zone_shares::create(&client, zone, "")
            .await
            .extract()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
}
