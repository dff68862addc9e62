//! Recordsets and the PTR records of floating IPs.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::dns::v2::common::{Action, RequestHeaders, Status};
use ferrocloud::openstack::dns::v2::recordsets::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::openstack::dns::v2::reverse_floatingips::{self, SetOpts};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{dns, expect, quick, relinked, reply, reply_json, sample};

const ZONE: &str = "2150b1bf-dee2-4221-9d85-11f7886fb15f";
const RS: &str = "f7b10e9b-0cae-4a91-b162-562bc6096648";

#[tokio::test]
async fn crud() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let at = format!("zones/{ZONE}/recordsets");
    expect(
        &server,
        "POST",
        &at,
        Some("recordsets/create-recordset-request.json"),
        202,
        Some("recordsets/create-recordset-response.json"),
    )
    .await;
    let opts = CreateOpts::new("example.org.", "A", ["10.1.0.2"])
        .ttl(3600)
        .description("This is an example record set.");
    let rs = recordsets::create(&client, ZONE, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!((rs.id.as_str(), rs.record_type.as_str()), (RS, "A"));
    assert_eq!(rs.records, ["10.1.0.2"]);
    assert_eq!(
        (rs.status, rs.action, rs.version),
        (Status::Pending, Action::Create, 1)
    );
    assert_eq!(
        rs.project_id.as_deref(),
        Some("4335d1f0-f793-11e2-b778-0800200c9a66")
    );
    assert_eq!(rs.zone_name, "example.com.");

    let mx_zone = "f6b472ed-1be8-47e8-87a7-687169cacca8";
    expect(
        &server,
        "POST",
        &format!("zones/{mx_zone}/recordsets"),
        Some("recordsets/create-mx-recordset-request.json"),
        202,
        Some("recordsets/create-mx-recordset-response.json"),
    )
    .await;
    let mx = CreateOpts::new(
        "mail.example.org.",
        "MX",
        [
            "10 mail1.example.org.",
            "20 mail2.example.org.",
            "30 mail3.example.org.",
            "40 mail4.example.org.",
        ],
    )
    .ttl(3600)
    .description("An MX recordset.");
    let rs = recordsets::create(&client, mx_zone, &mx)
        .await
        .extract()
        .unwrap();
    assert_eq!(rs.records.len(), 4);
    assert_eq!(rs.project_id, None);

    expect(
        &server,
        "GET",
        &format!("{at}/{RS}"),
        None,
        200,
        Some("recordsets/show-recordset-response.json"),
    )
    .await;
    let rs = recordsets::get(&client, ZONE, RS).await.extract().unwrap();
    assert_eq!(
        (rs.status, rs.action, rs.ttl),
        (Status::Active, Action::None, Some(3600))
    );

    expect(
        &server,
        "PUT",
        &format!("{at}/{RS}"),
        Some("recordsets/update-recordset-request.json"),
        202,
        Some("recordsets/update-recordset-response.json"),
    )
    .await;
    let opts = UpdateOpts {
        records: Some(vec!["10.1.0.2".into(), "10.1.0.3".into()]),
        ttl: Some(None),
        description: Some("Updated description".into()),
    };
    let rs = recordsets::update(&client, ZONE, RS, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!((rs.ttl, rs.version, rs.action), (None, 2, Action::Update));

    expect(
        &server,
        "DELETE",
        &format!("{at}/{RS}"),
        None,
        202,
        Some("recordsets/delete-recordset-response.json"),
    )
    .await;
    let rs = recordsets::delete(&client, ZONE, RS)
        .await
        .extract()
        .unwrap();
    assert_eq!(rs.action, Action::Delete);

    let before = server.received_requests().await.unwrap().len();
    let empty = CreateOpts::new("example.org.", "A", Vec::<String>::new());
    assert_eq!(
        recordsets::create(&client, ZONE, &empty)
            .await
            .extract()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
    let no_records = UpdateOpts {
        records: Some(vec![]),
        ..Default::default()
    };
    assert_eq!(
        recordsets::update(&client, ZONE, RS, &no_records)
            .await
            .extract()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
    assert_eq!(server.received_requests().await.unwrap().len(), before);
}

#[tokio::test]
async fn listings() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let marker = "45fd892d-7a67-4f65-9df0-87273f228d6c";
    let first = relinked(
        &server,
        "recordsets/list-recordset-in-zone-response.json",
        &format!("zones/{ZONE}/recordsets"),
        Some(&format!("limit=1&marker={marker}")),
    );
    Mock::given(method("GET"))
        .and(path(format!("/dns/v2/zones/{ZONE}/recordsets")))
        .and(query_param("type", "A"))
        .respond_with(reply_json(200, &first))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    let mut second = relinked(
        &server,
        "recordsets/list-recordset-in-zone-response.json",
        &format!("zones/{ZONE}/recordsets"),
        None,
    );
    second["recordsets"][0]["id"] = marker.into();
    Mock::given(method("GET"))
        .and(path(format!("/dns/v2/zones/{ZONE}/recordsets")))
        .and(query_param("marker", marker))
        .respond_with(reply_json(200, &second))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        record_type: Some("A".into()),
        ..Default::default()
    };
    let all = recordsets::extract_recordsets(
        &recordsets::list(&client, ZONE, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, [RS, marker]);

    let across = relinked(
        &server,
        "recordsets/list-all-recordset-response.json",
        "recordsets",
        None,
    );
    Mock::given(method("GET"))
        .and(path("/dns/v2/recordsets"))
        .and(query_param("data", "10.1.0.2"))
        .and(header("x-auth-all-projects", "true"))
        .respond_with(reply_json(200, &across))
        .expect(1)
        .mount(&server)
        .await;
    let admin = RequestHeaders::default()
        .all_projects(true)
        .apply(&client)
        .unwrap();
    let opts = ListOpts {
        data: Some("10.1.0.2".into()),
        ..Default::default()
    };
    let all = recordsets::extract_recordsets(
        &recordsets::list_all(&admin, &opts)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all[0].zone_id, ZONE);
}

#[tokio::test]
async fn managed_records_and_waiters() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    Mock::given(method("PUT"))
        .and(path(format!("/dns/v2/zones/{ZONE}/recordsets/{RS}")))
        .and(header("x-designate-edit-managed-records", "true"))
        .and(header("x-auth-sudo-project-id", "4335d1f0"))
        .respond_with(reply(
            202,
            Some("recordsets/update-recordset-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let headers = RequestHeaders::default()
        .edit_managed_records(true)
        .sudo_project_id("4335d1f0");
    let managed = headers.apply(&client).unwrap();
    let opts = UpdateOpts {
        description: Some("d".into()),
        ..Default::default()
    };
    recordsets::update(&managed, ZONE, RS, &opts)
        .await
        .extract()
        .unwrap();
    assert!(
        RequestHeaders::default()
            .sudo_project_id("a\nb")
            .apply(&client)
            .is_err()
    );

    let at = format!("/dns/v2/zones/{ZONE}/recordsets/{RS}");
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(reply(
            200,
            Some("recordsets/create-recordset-response.json"),
        ))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(reply(200, Some("recordsets/show-recordset-response.json")))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    let mut failed = sample("recordsets/show-recordset-response.json");
    failed["status"] = "ERROR".into();
    failed["action"] = "CREATE".into();
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(reply_json(200, &failed))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let rs = recordsets::wait_for_status(&client, ZONE, RS, Status::Active, &quick())
        .await
        .unwrap();
    assert_eq!(rs.action, Action::None);
    let err = recordsets::wait_for_status(&client, ZONE, RS, Status::Active, &quick())
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains(&format!("recordset {RS} is ERROR (action CREATE)")),
        "{err}"
    );
    recordsets::wait_for_delete(&client, ZONE, RS, &quick())
        .await
        .unwrap();
    let err = recordsets::get(&client, ZONE, RS)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn floating_ip_ptr_records() {
    let server = MockServer::start().await;
    let client = dns(&server).await;
    let fip = "c5742ac0-d0f3-4304-a039-9423f727eb96";
    let at = format!("/dns/v2/reverse/floatingips/RegionOne:{fip}");
    Mock::given(method("PATCH"))
        .and(path(&at))
        .and(body_json(sample(
            "reverse_floatingips/set-ptr-record-request.json",
        )))
        .respond_with(reply(
            202,
            Some("reverse_floatingips/ptr-record-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = SetOpts::new("smtp.example.com.")
        .description("This is a floating ip for 10.0.0.8")
        .ttl(600);
    let ptr = reverse_floatingips::set(&client, "RegionOne", fip, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(ptr.id, format!("RegionOne:{fip}"));
    assert_eq!((ptr.address.as_str(), ptr.ttl), ("172.24.4.10", Some(600)));
    assert_eq!((ptr.status, ptr.action), (Status::Pending, Action::Create));
    assert_eq!(
        reverse_floatingips::split_id(&ptr.id),
        Some(("RegionOne", fip))
    );

    Mock::given(method("PATCH"))
        .and(path(&at))
        .and(body_json(sample(
            "reverse_floatingips/unset-ptr-record-request.json",
        )))
        // what Designate 22 answers: a JSON null
        .respond_with(
            ResponseTemplate::new(202)
                .set_body_string("null")
                .insert_header("content-type", "application/json"),
        )
        .expect(1)
        .mount(&server)
        .await;
    reverse_floatingips::unset(&client, "RegionOne", fip)
        .await
        .ok()
        .unwrap();

    Mock::given(method("GET"))
        .and(path(&at))
        .respond_with(reply(
            200,
            Some("reverse_floatingips/ptr-record-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let ptr = reverse_floatingips::get(&client, "RegionOne", fip)
        .await
        .extract()
        .unwrap();
    assert_eq!(ptr.ptrdname.as_deref(), Some("smtp.example.com."));

    expect(
        &server,
        "GET",
        "reverse/floatingips",
        None,
        200,
        Some("reverse_floatingips/list-ptr-record-response.json"),
    )
    .await;
    let all = reverse_floatingips::extract_floatingip_ptrs(
        &reverse_floatingips::list(&client)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all[1].ptrdname.as_deref(), Some("tftp.example.com."));
    assert_eq!(all[1].description, None);

    let blank = SetOpts::new(" ");
    let err = reverse_floatingips::set(&client, "RegionOne", fip, &blank)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
