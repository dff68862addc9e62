//! DNS against the real Designate (fake back end; designate-mdns answers the worker's
//! polls, so zones and recordsets reach ACTIVE): zones, recordsets, a transfer to
//! another project, shares, export and import, and the admin resources.

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use ferrocloud::openstack::dns::v2::common::{RequestHeaders, Status};
use ferrocloud::openstack::dns::v2::tsigkeys::{Algorithm, Scope};
use ferrocloud::openstack::dns::v2::{
    blacklists, limits, pools, quotas, recordsets, service_statuses, tlds, transfer_accepts,
    transfer_requests, tsigkeys, versions, zone_exports, zone_imports, zone_shares, zone_tasks,
    zones,
};
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ErrorKind, ServiceClient, openstack};
use futures::FutureExt;

use crate::support::*;

/// Held by every test here: while `dns_admin_resources` has a TLD of its own, Designate
/// refuses zones under any other TLD ("Invalid TLD"), so the DNS tests run one at a time.
static DNS: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn designate(provider: &ferrocloud::ProviderClient) -> ServiceClient {
    openstack::new_dns_v2(provider, region()).unwrap()
}

fn wait() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(90))
}

/// A zone name unique to this run, under `.test.`.
fn zone_name(prefix: &str) -> String {
    format!("{}.test.", unique(prefix).replace('_', "-"))
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn dns_zone_recordsets_transfer_export_import() {
    let _one_at_a_time = DNS.lock().await;
    let demo_provider = member().await;
    let demo = designate(&demo_provider).await;
    let admin_provider = admin().await;
    let admin = designate(&admin_provider).await;
    let admin_project = admin_provider.auth_info().unwrap().project.unwrap().id;

    let name = zone_name("zone");
    let zone = zones::create(
        &demo,
        &zones::CreateOpts::primary(&name, "hostmaster@example.test").ttl(600),
    )
    .await
    .extract()
    .unwrap();
    let mut to_delete = vec![(demo.clone(), zone.id.clone())];
    let result = AssertUnwindSafe(async {
        let active = zones::wait_for_status(&demo, &zone.id, Status::Active, &wait())
            .await
            .unwrap();
        assert_eq!(active.name, name);
        assert_eq!(active.ttl, Some(600));
        let found = zones::find(&demo, name.trim_end_matches('.'))
            .await
            .unwrap();
        assert_eq!(found.id, zone.id);
        let ns = zones::nameservers(&demo, &zone.id).await.extract().unwrap();
        assert_eq!(ns[0].hostname, "ns1.devcloud.test.");
        let updated = zones::update(
            &demo,
            &zone.id,
            &zones::UpdateOpts {
                description: Some("managed by tests".into()),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(updated.description.as_deref(), Some("managed by tests"));
        zones::wait_for_status(&demo, &zone.id, Status::Active, &wait())
            .await
            .unwrap();

        // Recordsets: created, listed in the zone and across zones, updated, deleted.
        let www = recordsets::create(
            &demo,
            &zone.id,
            &recordsets::CreateOpts::new(format!("www.{name}"), "A", ["192.0.2.10"]).ttl(300),
        )
        .await
        .extract()
        .unwrap();
        let www = recordsets::wait_for_status(&demo, &zone.id, &www.id, Status::Active, &wait())
            .await
            .unwrap();
        assert_eq!(www.records, ["192.0.2.10"]);
        let mx = recordsets::create(
            &demo,
            &zone.id,
            &recordsets::CreateOpts::new(name.clone(), "MX", ["10 mail.example.test."]),
        )
        .await
        .extract()
        .unwrap();
        let in_zone = recordsets::list(&demo, &zone.id, &Default::default())
            .all()
            .await
            .unwrap();
        // SOA and NS are Designate's own, beside ours.
        let mut types: Vec<_> = in_zone.iter().map(|r| r.record_type.as_str()).collect();
        types.sort();
        assert_eq!(types, ["A", "MX", "NS", "SOA"]);
        let everywhere = recordsets::list_all(
            &demo,
            &recordsets::ListOpts {
                name: Some(format!("www.{name}")),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(everywhere.len(), 1);
        let changed = recordsets::update(
            &demo,
            &zone.id,
            &www.id,
            &recordsets::UpdateOpts {
                records: Some(vec!["192.0.2.11".into(), "192.0.2.12".into()]),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(changed.records.len(), 2);
        recordsets::delete(&demo, &zone.id, &mx.id)
            .await
            .extract()
            .unwrap();
        recordsets::wait_for_delete(&demo, &zone.id, &mx.id, &wait())
            .await
            .unwrap();

        // Export: Designate writes the zone file.
        let export = zone_exports::create(&demo, &zone.id)
            .await
            .extract()
            .unwrap();
        let export = zone_exports::wait_for_completion(&demo, &export.id, &wait())
            .await
            .unwrap();
        let file = zone_exports::download(&demo, &export.id)
            .await
            .extract()
            .unwrap();
        assert!(file.text.contains("192.0.2.12"), "{}", file.text);
        assert!(
            file.text.contains(&format!("$ORIGIN {name}")),
            "{}",
            file.text
        );
        assert!(
            zone_exports::list(&demo, &Default::default())
                .all()
                .await
                .unwrap()
                .iter()
                .any(|e| e.id == export.id)
        );
        zone_exports::delete(&demo, &export.id).await.ok().unwrap();

        // Import the same file under another name: a second zone.
        let other = zone_name("imported");
        let text = file.text.replace(&name, &other);
        let import = zone_imports::create(&demo, &text).await.extract().unwrap();
        let import = zone_imports::wait_for_completion(&demo, &import.id, &wait())
            .await
            .unwrap();
        let imported_id = import.zone_id.clone().expect("the imported zone");
        to_delete.push((demo.clone(), imported_id.clone()));
        let imported = zones::wait_for_status(&demo, &imported_id, Status::Active, &wait())
            .await
            .unwrap();
        assert_eq!(imported.name, other);
        let imports = zone_imports::list(&demo, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(imports.iter().any(|i| i.id == import.id));
        zone_imports::delete(&demo, &import.id).await.ok().unwrap();

        // Share the zone with the admin project, then unshare.
        let share = zone_shares::create(&demo, &zone.id, &admin_project)
            .await
            .extract()
            .unwrap();
        let shares = zone_shares::list(&demo, &zone.id, &Default::default())
            .all()
            .await
            .unwrap();
        assert_eq!(shares.len(), 1);
        assert_eq!(
            zone_shares::get(&demo, &zone.id, &share.id)
                .await
                .extract()
                .unwrap()
                .target_project_id,
            admin_project
        );
        zone_shares::delete(&demo, &zone.id, &share.id)
            .await
            .ok()
            .unwrap();

        // Transfer the imported zone to the admin project.
        let req = transfer_requests::create(
            &demo,
            &imported_id,
            &transfer_requests::CreateOpts {
                target_project_id: Some(admin_project.clone()),
                description: Some("to admin".into()),
            },
        )
        .await
        .extract()
        .unwrap();
        let key = req.key.clone().expect("the key, for the zone's owner");
        let listed = transfer_requests::list(&demo, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(listed.iter().any(|r| r.id == req.id));
        let shown = transfer_requests::get(&demo, &req.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(shown.zone_id, imported_id);
        let changed = transfer_requests::update(
            &demo,
            &req.id,
            &transfer_requests::UpdateOpts {
                description: Some("to admin, today".into()),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(changed.description.as_deref(), Some("to admin, today"));
        // a request withdrawn is gone
        let withdrawn = transfer_requests::create(&demo, &zone.id, &Default::default())
            .await
            .extract()
            .unwrap();
        transfer_requests::delete(&demo, &withdrawn.id)
            .await
            .ok()
            .unwrap();
        let gone = transfer_requests::get(&demo, &withdrawn.id)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(gone.kind(), ErrorKind::NotFound);
        let accepted = transfer_accepts::create(&admin, &req.id, key)
            .await
            .extract()
            .unwrap();
        let accepted = transfer_accepts::get(&admin, &accepted.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(accepted.zone_id, imported_id);
        let accepts = transfer_accepts::list(&admin, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(accepts.iter().any(|a| a.id == accepted.id));
        let moved = zones::get(&admin, &imported_id).await.extract().unwrap();
        assert_eq!(moved.project_id, admin_project);
        to_delete[1].0 = admin.clone();
        let err = zones::get(&demo, &imported_id).await.extract().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
    })
    .catch_unwind()
    .await;
    for (client, id) in &to_delete {
        let _ = zones::delete(client, id).await;
    }
    for (client, id) in &to_delete {
        zones::wait_for_delete(client, id, &wait()).await.unwrap();
    }
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn dns_admin_resources() {
    let _one_at_a_time = DNS.lock().await;
    let admin_provider = admin().await;
    let admin = designate(&admin_provider).await;
    let demo_project = member().await.auth_info().unwrap().project.unwrap().id;

    let p = pools::list(&admin).all().await.unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!(
        pools::get(&admin, &p[0].id).await.extract().unwrap().name,
        "default"
    );
    let statuses = service_statuses::list(&admin).all().await.unwrap();
    let mut names: Vec<_> = statuses.iter().map(|s| s.service_name.as_str()).collect();
    names.sort();
    names.dedup();
    // (the API under a WSGI server reports no heartbeat of its own)
    for s in ["central", "mdns", "producer", "worker"] {
        assert!(names.contains(&s), "{names:?}");
    }
    service_statuses::get(&admin, &statuses[0].id)
        .await
        .extract()
        .unwrap();
    let l = limits::get(&admin).await.extract().unwrap();
    assert!(l.max_zone_name_length >= 255, "{l:?}");

    // Quotas of another project (system administrators): set, read, reset.
    let system = designate(&fresh(admin_opts().scope(ferrocloud::Scope::System)).await).await;
    let err = quotas::update(
        &admin,
        &demo_project,
        &quotas::UpdateOpts {
            zones: Some(42),
            ..Default::default()
        },
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::Forbidden,
        "a project admin is refused"
    );
    // Designate wants the all-projects header with a token of no project.
    let admin = RequestHeaders::default()
        .all_projects(true)
        .apply(&system)
        .unwrap();
    let q = quotas::update(
        &admin,
        &demo_project,
        &quotas::UpdateOpts {
            zones: Some(42),
            ..Default::default()
        },
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(q.zones, 42);
    assert_eq!(
        quotas::get(&admin, &demo_project)
            .await
            .extract()
            .unwrap()
            .zones,
        42
    );
    quotas::reset(&admin, &demo_project).await.ok().unwrap();
    assert_ne!(
        quotas::get(&admin, &demo_project)
            .await
            .extract()
            .unwrap()
            .zones,
        42
    );
    quotas::get_current(&admin).await.extract().unwrap();

    // TLDs, blacklists, TSIG keys.
    let tld_name = unique("tld").replace('_', "-");
    let tld = tlds::create(&admin, &tlds::CreateOpts::new(&tld_name))
        .await
        .extract()
        .unwrap();
    let result = AssertUnwindSafe(async {
        assert_eq!(tlds::find(&admin, &tld_name).await.unwrap().id, tld.id);
        let change = tlds::UpdateOpts {
            description: Some("test tld".into()),
            ..Default::default()
        };
        let t = tlds::update(&admin, &tld.id, &change)
            .await
            .extract()
            .unwrap();
        assert_eq!(t.description.as_deref(), Some("test tld"));
        assert!(
            tlds::list(&admin, &Default::default())
                .all()
                .await
                .unwrap()
                .iter()
                .any(|x| x.id == tld.id)
        );

        let pattern = format!("^{}\\.test\\.$", unique("blocked").replace('_', "-"));
        let b = blacklists::create(&admin, &blacklists::CreateOpts::new(&pattern))
            .await
            .extract()
            .unwrap();
        assert_eq!(
            blacklists::get(&admin, &b.id)
                .await
                .extract()
                .unwrap()
                .pattern,
            pattern
        );
        let change = blacklists::UpdateOpts {
            description: Some("no".into()),
            ..Default::default()
        };
        blacklists::update(&admin, &b.id, &change)
            .await
            .extract()
            .unwrap();
        assert!(
            blacklists::list(&admin, &Default::default())
                .all()
                .await
                .unwrap()
                .iter()
                .any(|x| x.id == b.id)
        );
        blacklists::delete(&admin, &b.id).await.ok().unwrap();

        let key = tsigkeys::create(
            &admin,
            &tsigkeys::CreateOpts::new(
                unique("key"),
                Algorithm::HmacSha256,
                "c2VjcmV0LWtleQ==".into(),
                Scope::Pool,
                p[0].id.clone(),
            ),
        )
        .await
        .extract()
        .unwrap();
        assert!(!format!("{key:?}").contains("c2VjcmV0LWtleQ=="));
        let change = tsigkeys::UpdateOpts {
            algorithm: Some(Algorithm::HmacSha512),
            ..Default::default()
        };
        tsigkeys::update(&admin, &key.id, &change)
            .await
            .extract()
            .unwrap();
        assert_eq!(
            tsigkeys::get(&admin, &key.id)
                .await
                .extract()
                .unwrap()
                .algorithm,
            Algorithm::HmacSha512
        );
        assert!(
            tsigkeys::list(&admin, &Default::default())
                .all()
                .await
                .unwrap()
                .iter()
                .any(|k| k.id == key.id)
        );
        tsigkeys::delete(&admin, &key.id).await.ok().unwrap();
    })
    .catch_unwind()
    .await;
    tlds::delete(&admin, &tld.id).await.ok().unwrap();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    // A header option: every project's zones, for an admin.
    let all = RequestHeaders::default()
        .all_projects(true)
        .apply(&admin)
        .unwrap();
    zones::list(&all, &Default::default()).all().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn dns_zone_tasks_and_versions() {
    let _one_at_a_time = DNS.lock().await;
    let admin_provider = admin().await;
    let admin = designate(&admin_provider).await;
    let v = versions::list(&admin).await.extract().unwrap();
    assert!(v.iter().any(|v| v.id == "v2"), "{v:?}");

    // A secondary zone, its masters designate-mdns: a transfer is asked for now.
    let secondary = zones::create(
        &admin,
        &zones::CreateOpts::secondary(zone_name("secondary"), ["127.0.0.1:5354"]),
    )
    .await
    .extract()
    .unwrap();
    let primary = zones::create(
        &admin,
        &zones::CreateOpts::primary(zone_name("moved"), "hostmaster@example.test"),
    )
    .await
    .extract()
    .unwrap();
    let result = AssertUnwindSafe(async {
        zone_tasks::xfr(&admin, &secondary.id).await.ok().unwrap();
        zones::wait_for_status(&admin, &primary.id, Status::Active, &wait())
            .await
            .unwrap();
        // the only pool: Designate refuses to move a zone to the pool it is in
        let pool = pools::list(&admin).all().await.unwrap().remove(0);
        let refused = zone_tasks::pool_move(&admin, &primary.id, Some(&pool.id))
            .await
            .ok()
            .unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::BadRequest, "{refused}");
        assert!(
            refused.to_string().contains("must be different"),
            "{refused}"
        );
        // Abandoned: Designate forgets the zone (and tells no back end).
        zones::wait_for_status(&admin, &primary.id, Status::Active, &wait())
            .await
            .unwrap();
        zone_tasks::abandon(&admin, &primary.id).await.ok().unwrap();
        let gone = zones::get(&admin, &primary.id).await.extract().unwrap_err();
        assert_eq!(gone.kind(), ErrorKind::NotFound);
    })
    .catch_unwind()
    .await;
    let _ = zones::delete(&admin, &secondary.id).await;
    let _ = zones::delete(&admin, &primary.id).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn dns_ptr_records_of_floating_ips() {
    let _one_at_a_time = DNS.lock().await;
    use ferrocloud::openstack::dns::v2::reverse_floatingips::{self, SetOpts};
    use ferrocloud::openstack::networking::v2::{floating_ips, networks};

    let provider = member().await;
    let demo = designate(&provider).await;
    let neutron = openstack::new_network_v2(&provider, region()).unwrap();
    let public = networks::list(
        &neutron,
        &networks::ListOpts {
            name: Some("public".into()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap()
    .remove(0);
    let fip = floating_ips::create(&neutron, &floating_ips::CreateOpts::new(&public.id))
        .await
        .extract()
        .unwrap();
    let result = AssertUnwindSafe(async {
        let name = format!("ptr-{}.example.test.", fip.id);
        let set = reverse_floatingips::set(
            &demo,
            "RegionOne",
            &fip.id,
            &SetOpts::new(&name).description("mail").ttl(300),
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(set.id, format!("RegionOne:{}", fip.id));
        assert_eq!(set.address, fip.floating_ip_address);
        assert_eq!(set.ptrdname.as_deref(), Some(name.as_str()));
        let mut shown = None;
        for _ in 0..120 {
            let p = reverse_floatingips::get(&demo, "RegionOne", &fip.id)
                .await
                .extract()
                .unwrap();
            if p.status == Status::Active {
                shown = Some(p);
                break;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        let shown = shown.expect("the PTR record ACTIVE");
        assert_eq!(shown.ttl, Some(300));
        let listed = reverse_floatingips::list(&demo).all().await.unwrap();
        assert!(listed.iter().any(|p| p.id == set.id));
        reverse_floatingips::unset(&demo, "RegionOne", &fip.id)
            .await
            .ok()
            .unwrap();
        let mut gone = false;
        for _ in 0..120 {
            let left = reverse_floatingips::list(&demo).all().await.unwrap();
            if !left.iter().any(|p| p.id == set.id && p.ptrdname.is_some()) {
                gone = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        assert!(gone, "the PTR record outlived its unset");
    })
    .catch_unwind()
    .await;
    let deleted = floating_ips::delete(&neutron, &fip.id).await.ok();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    deleted.unwrap();
}
