//! Load balancing against the real Octavia (provider `amphora` with the no-op amphora,
//! compute and network drivers: objects go through Octavia's real flows and reach
//! ACTIVE, operating statuses stay OFFLINE as no amphora sends heartbeats; any UUID is a
//! VIP subnet): a whole tree created in one call and changed piece by piece, the
//! immutable conflict, failovers, cascade delete, listings, and the admin resources.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use ferrocloud::openstack::loadbalancer::v2::common::{
    ListControls, OperatingStatus, Protocol, ProvisioningStatus, SortDir, is_immutable_conflict,
};
use ferrocloud::openstack::loadbalancer::v2::healthmonitors::MonitorType;
use ferrocloud::openstack::loadbalancer::v2::l7policies::Action;
use ferrocloud::openstack::loadbalancer::v2::l7rules::{CompareType, RuleType};
use ferrocloud::openstack::loadbalancer::v2::pools::{
    LbAlgorithm, PersistenceType, SessionPersistence,
};
use ferrocloud::openstack::loadbalancer::v2::{
    amphorae, availability_zone_profiles, availability_zones, flavorprofiles, flavors,
    healthmonitors, l7policies, l7rules, listeners, loadbalancers, members, pools, providers,
    quotas, versions,
};
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ErrorKind, ServiceClient, openstack};
use futures::{FutureExt, TryStreamExt};

use crate::support::*;

async fn octavia(provider: &ferrocloud::ProviderClient) -> ServiceClient {
    openstack::new_load_balancer_v2(provider, region()).unwrap()
}

fn wait() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(120))
        .interval(Duration::from_millis(500), Duration::from_secs(2))
}

/// A subnet ID of this run: the no-op network driver takes any UUID.
fn subnet() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let hex = format!("{:032x}", nanos ^ (u128::from(std::process::id()) << 64));
    format!(
        "{}-{}-4{}-8{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// Waits until the load balancer is ACTIVE again after a change.
async fn settle(lb: &ServiceClient, id: &str) -> loadbalancers::LoadBalancer {
    loadbalancers::wait_for_status(lb, id, &wait())
        .await
        .unwrap()
}

/// Deletes the load balancers (cascade) and waits for them to be gone.
async fn cascade(lb: &ServiceClient, ids: &[String]) {
    for id in ids {
        let _ = loadbalancers::wait_for_status(lb, id, &wait()).await;
        let _ =
            loadbalancers::delete_with(lb, id, &loadbalancers::DeleteOpts { cascade: true }).await;
    }
    for id in ids {
        loadbalancers::wait_for_delete(lb, id, &wait())
            .await
            .unwrap();
    }
}

fn resume(result: std::thread::Result<()>) {
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

/// The tree: an HTTP listener with its default pool (two members, an HTTP monitor) and
/// a redirect policy with two rules, and a second pool on its own.
fn tree(name: &str) -> loadbalancers::CreateOpts {
    let web = pools::CreateOpts {
        name: Some("web".into()),
        members: vec![
            members::CreateOpts {
                name: Some("m1".into()),
                ..members::CreateOpts::new("192.0.2.10", 8080)
            },
            members::CreateOpts {
                weight: Some(5),
                ..members::CreateOpts::new("192.0.2.11", 8080)
            },
        ],
        healthmonitor: Some(healthmonitors::CreateOpts {
            monitor_type: Some(MonitorType::Http),
            delay: 5,
            timeout: 3,
            max_retries: 2,
            url_path: Some("/healthz".into()),
            ..Default::default()
        }),
        ..pools::CreateOpts::new(Protocol::Http, LbAlgorithm::RoundRobin)
    };
    let redirect = l7policies::CreateOpts {
        name: Some("old-site".into()),
        action: Some(Action::RedirectToUrl),
        redirect_url: Some("https://www.example.com/".into()),
        rules: vec![
            l7rules::CreateOpts::new(RuleType::Path, CompareType::StartsWith, "/old"),
            l7rules::CreateOpts {
                key: Some("X-Site".into()),
                ..l7rules::CreateOpts::new(RuleType::Header, CompareType::EqualTo, "legacy")
            },
        ],
        ..Default::default()
    };
    let listener = listeners::CreateOpts {
        name: Some("http".into()),
        default_pool: Some(Box::new(web)),
        l7policies: vec![redirect],
        ..listeners::CreateOpts::in_tree(Protocol::Http, 80)
    };
    let spare = pools::CreateOpts {
        name: Some("spare".into()),
        ..pools::CreateOpts::new(Protocol::Tcp, LbAlgorithm::SourceIp)
    };
    loadbalancers::CreateOpts {
        description: Some("a tree".into()),
        listeners: vec![listener],
        pools: vec![spare],
        ..loadbalancers::CreateOpts::on_subnet(subnet())
            .name(name)
            .tag("ferro-tree")
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn loadbalancer_tree_changes_failover_cascade() {
    let lb = octavia(&member().await).await;
    let admin = octavia(&admin().await).await;
    let name = unique("lb-tree");
    let created = loadbalancers::create(&lb, &tree(&name)).await;
    assert_eq!(created.status_code(), Some(201));
    let created = created.extract().unwrap();
    let id = created.id.clone();
    let result = AssertUnwindSafe(async {
        assert_eq!(
            created.provisioning_status,
            ProvisioningStatus::PendingCreate
        );
        assert_eq!(created.provider, "amphora");
        assert_eq!((created.listeners.len(), created.pools.len()), (1, 2));
        let active = settle(&lb, &id).await;
        assert_eq!(active.name, name);
        assert_eq!(active.description, "a tree");
        assert_eq!(active.tags, ["ferro-tree"]);
        assert_eq!(active.operating_status, OperatingStatus::Offline);
        assert!(active.vip_address.is_some() && active.vip_port_id.is_some());
        assert_eq!(active.flavor_id, None);
        assert_eq!(loadbalancers::find(&lb, &name).await.unwrap().id, id);

        // The status tree: listener, its pool with the monitor and both members.
        let tree = loadbalancers::status(&lb, &id).await.extract().unwrap();
        let root = &tree.loadbalancer;
        assert_eq!(root.provisioning_status, ProvisioningStatus::Active);
        assert_eq!(root.listeners.len(), 1);
        let pool_status = &root.listeners[0].pools[0];
        assert_eq!(pool_status.name, "web");
        let monitor = pool_status.healthmonitor.as_ref().expect("the monitor");
        assert_eq!(monitor.monitor_type, MonitorType::Http);
        let mut addresses: Vec<_> = pool_status.members.iter().map(|m| &m.address).collect();
        addresses.sort();
        assert_eq!(addresses, ["192.0.2.10", "192.0.2.11"]);
        let stats = loadbalancers::stats(&lb, &id).await.extract().unwrap();
        assert_eq!((stats.total_connections, stats.bytes_in), (0, 0));

        // Each object of the tree, read on its own.
        let listener_id = active.listeners[0].id.clone();
        let listener = listeners::get(&lb, &listener_id).await.extract().unwrap();
        assert_eq!(
            (listener.protocol.clone(), listener.protocol_port),
            (Protocol::Http, 80)
        );
        // Octavia writes -1 (no limit) when none was given.
        assert_eq!(listener.connection_limit, Some(-1));
        assert!(listener.allowed_cidrs.is_empty());
        assert_eq!(listener.loadbalancers[0].id, id);
        let listener_stats = listeners::stats(&lb, &listener_id).await.extract().unwrap();
        assert_eq!(listener_stats.active_connections, 0);
        let by_lb = listeners::list(
            &lb,
            &listeners::ListOpts {
                loadbalancer_id: Some(id.clone()),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(by_lb.len(), 1);
        let pool_id = listener.default_pool_id.clone().expect("the default pool");
        let pool = pools::get(&lb, &pool_id).await.extract().unwrap();
        assert_eq!(pool.name, "web");
        assert_eq!(pool.session_persistence, None);
        let lb_pools = pools::list(
            &lb,
            &pools::ListOpts {
                loadbalancer_id: Some(id.clone()),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(lb_pools.len(), 2);
        let spare_id = lb_pools
            .iter()
            .find(|p| p.name == "spare")
            .map(|p| p.id.clone())
            .unwrap();
        assert_eq!(pools::find(&lb, &spare_id).await.unwrap().name, "spare");
        let monitor_id = pool.healthmonitor_id.clone().expect("the monitor");
        let monitor = healthmonitors::get(&lb, &monitor_id)
            .await
            .extract()
            .unwrap();
        assert_eq!(monitor.url_path.as_deref(), Some("/healthz"));
        assert_eq!(monitor.pools[0].id, pool_id);
        let policy_id = listener.l7policies[0].id.clone();
        let policy = l7policies::get(&lb, &policy_id).await.extract().unwrap();
        assert_eq!(policy.action, Action::RedirectToUrl);
        assert_eq!(policy.position, 1);
        let rules = l7rules::list(&lb, &policy_id, &Default::default())
            .all()
            .await
            .unwrap();
        assert_eq!(rules.len(), 2);
        let header = rules
            .iter()
            .find(|r| r.rule_type == RuleType::Header)
            .unwrap();
        assert_eq!(header.key.as_deref(), Some("X-Site"));

        // Members: paged one by one, sorted. (Octavia 18 answers 500 to a page after
        // the first sorted by `address`: its Member model names it `ip_address`.)
        let page = members::list(
            &lb,
            &pool_id,
            &members::ListOpts {
                controls: ListControls::default()
                    .limit(1)
                    .sort("weight", SortDir::Desc),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        let order: Vec<_> = page.iter().map(|m| m.address.as_str()).collect();
        assert_eq!(order, ["192.0.2.11", "192.0.2.10"]);
        assert_eq!(page[0].weight, 5);
        let m1 = members::find(&lb, &pool_id, "m1").await.unwrap();
        assert_eq!(
            members::get(&lb, &pool_id, &m1.id)
                .await
                .extract()
                .unwrap()
                .address,
            "192.0.2.10"
        );

        // The listener: timeouts, headers, allowed CIDRs, a connection limit.
        let changed = listeners::update(
            &lb,
            &listener_id,
            &listeners::UpdateOpts {
                description: Some("front".into()),
                connection_limit: Some(1000),
                timeout_client_data: Some(30000),
                timeout_member_connect: Some(3000),
                timeout_member_data: Some(40000),
                timeout_tcp_inspect: Some(10),
                insert_headers: Some(BTreeMap::from([
                    ("X-Forwarded-For".to_string(), "true".to_string()),
                    ("X-Forwarded-Port".to_string(), "true".to_string()),
                ])),
                allowed_cidrs: Some(vec!["192.0.2.0/24".into(), "198.51.100.0/24".into()]),
                ..Default::default()
            },
        )
        .await;
        // (Octavia answers 200 here, with the listener PENDING_UPDATE)
        assert_eq!(changed.status_code(), Some(200));
        assert_eq!(
            changed.extract().unwrap().provisioning_status,
            ProvisioningStatus::PendingUpdate
        );
        // While the load balancer applies it, Octavia refuses any other change.
        let busy = loadbalancers::update(
            &lb,
            &id,
            &loadbalancers::UpdateOpts {
                description: Some("too soon".into()),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap_err();
        assert!(is_immutable_conflict(&busy), "{busy:?}");
        let child_busy = pools::update(
            &lb,
            &pool_id,
            &pools::UpdateOpts {
                description: Some("too soon".into()),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap_err();
        assert!(is_immutable_conflict(&child_busy), "{child_busy:?}");
        settle(&lb, &id).await;
        let listener = listeners::wait_for_status(&lb, &listener_id, &wait())
            .await
            .unwrap();
        assert_eq!(listener.connection_limit, Some(1000));
        assert_eq!(listener.timeout_client_data, Some(30000));
        assert_eq!(listener.timeout_member_connect, Some(3000));
        assert_eq!(listener.timeout_member_data, Some(40000));
        assert_eq!(listener.timeout_tcp_inspect, Some(10));
        assert_eq!(listener.insert_headers["X-Forwarded-For"], "true");
        let mut cidrs = listener.allowed_cidrs.clone();
        cidrs.sort();
        assert_eq!(cidrs, ["192.0.2.0/24", "198.51.100.0/24"]);

        // The pool: session persistence and another algorithm.
        pools::update(
            &lb,
            &pool_id,
            &pools::UpdateOpts {
                lb_algorithm: Some(LbAlgorithm::LeastConnections),
                session_persistence: Some(Some(SessionPersistence::app_cookie("session"))),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        settle(&lb, &id).await;
        let pool = pools::wait_for_status(&lb, &pool_id, &wait())
            .await
            .unwrap();
        assert_eq!(pool.lb_algorithm, LbAlgorithm::LeastConnections);
        let persistence = pool.session_persistence.clone().unwrap();
        assert_eq!(persistence.persistence_type, PersistenceType::AppCookie);
        assert_eq!(persistence.cookie_name.as_deref(), Some("session"));
        pools::update(
            &lb,
            &pool_id,
            &pools::UpdateOpts {
                session_persistence: Some(None),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        settle(&lb, &id).await;
        assert_eq!(
            pools::get(&lb, &pool_id)
                .await
                .extract()
                .unwrap()
                .session_persistence,
            None
        );

        // Members one by one, then the whole list in one batch.
        let m3 = members::create(
            &lb,
            &pool_id,
            &members::CreateOpts {
                name: Some("m3".into()),
                tags: vec!["extra".into()],
                ..members::CreateOpts::new("192.0.2.12", 8080)
            },
        )
        .await
        .extract()
        .unwrap();
        settle(&lb, &id).await;
        members::update(
            &lb,
            &pool_id,
            &m3.id,
            &members::UpdateOpts {
                weight: Some(0),
                backup: Some(true),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        settle(&lb, &id).await;
        let m3 = members::wait_for_status(&lb, &pool_id, &m3.id, &wait())
            .await
            .unwrap();
        assert_eq!((m3.weight, m3.backup), (0, Some(true)));
        members::delete(&lb, &pool_id, &m3.id).await.ok().unwrap();
        members::wait_for_delete(&lb, &pool_id, &m3.id, &wait())
            .await
            .unwrap();
        settle(&lb, &id).await;
        let batch = members::batch_update(
            &lb,
            &pool_id,
            &members::BatchUpdateOpts {
                members: vec![
                    members::CreateOpts::new("192.0.2.10", 8080),
                    members::CreateOpts {
                        weight: Some(9),
                        ..members::CreateOpts::new("192.0.2.20", 8080)
                    },
                ],
            },
            &Default::default(),
        )
        .await;
        assert_eq!(batch.status_code(), Some(202));
        settle(&lb, &id).await;
        let mut now: Vec<_> = members::list(&lb, &pool_id, &Default::default())
            .all()
            .await
            .unwrap()
            .into_iter()
            .map(|m| (m.address, m.weight))
            .collect();
        now.sort();
        assert_eq!(
            now,
            [("192.0.2.10".to_string(), 1), ("192.0.2.20".to_string(), 9)]
        );
        members::batch_update(
            &lb,
            &pool_id,
            &members::BatchUpdateOpts {
                members: vec![members::CreateOpts::new("192.0.2.30", 8080)],
            },
            &members::BatchQuery {
                additive_only: true,
            },
        )
        .await
        .ok()
        .unwrap();
        settle(&lb, &id).await;
        assert_eq!(
            members::list(&lb, &pool_id, &Default::default())
                .all()
                .await
                .unwrap()
                .len(),
            3
        );

        // The monitor: changed, deleted, created again.
        healthmonitors::update(
            &lb,
            &monitor_id,
            &healthmonitors::UpdateOpts {
                name: Some("check".into()),
                delay: Some(10),
                url_path: Some("/status".into()),
                expected_codes: Some("200-204".into()),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        settle(&lb, &id).await;
        let monitor = healthmonitors::find(&lb, &monitor_id).await.unwrap();
        assert_eq!(monitor.name, "check");
        assert_eq!(monitor.delay, 10);
        assert_eq!(monitor.expected_codes.as_deref(), Some("200-204"));
        let of_pool = healthmonitors::list(
            &lb,
            &healthmonitors::ListOpts {
                pool_id: Some(pool_id.clone()),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(of_pool.len(), 1);
        healthmonitors::delete(&lb, &monitor_id).await.ok().unwrap();
        healthmonitors::wait_for_delete(&lb, &monitor_id, &wait())
            .await
            .unwrap();
        settle(&lb, &id).await;
        let tcp_check = healthmonitors::create(
            &lb,
            &healthmonitors::CreateOpts::new(&spare_id, MonitorType::Tcp, 5, 3, 3),
        )
        .await
        .extract()
        .unwrap();
        settle(&lb, &id).await;
        healthmonitors::wait_for_status(&lb, &tcp_check.id, &wait())
            .await
            .unwrap();

        // The L7 policy and its rules.
        l7policies::update(
            &lb,
            &policy_id,
            &l7policies::UpdateOpts {
                action: Some(Action::RedirectToPool),
                redirect_pool_id: Some(pool_id.clone()),
                description: Some("to web".into()),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        settle(&lb, &id).await;
        let policy = l7policies::wait_for_status(&lb, &policy_id, &wait())
            .await
            .unwrap();
        assert_eq!(policy.action, Action::RedirectToPool);
        assert_eq!(policy.redirect_pool_id.as_deref(), Some(pool_id.as_str()));
        assert_eq!(policy.redirect_url, None);
        let path_rule = rules
            .iter()
            .find(|r| r.rule_type == RuleType::Path)
            .unwrap();
        l7rules::update(
            &lb,
            &policy_id,
            &path_rule.id,
            &l7rules::UpdateOpts {
                compare_type: Some(CompareType::Regex),
                value: Some("^/(old|legacy)/".into()),
                invert: Some(true),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        settle(&lb, &id).await;
        let rule = l7rules::wait_for_status(&lb, &policy_id, &path_rule.id, &wait())
            .await
            .unwrap();
        assert_eq!(
            (rule.compare_type, rule.value.as_str(), rule.invert),
            (CompareType::Regex, "^/(old|legacy)/", true)
        );
        let host = l7rules::create(
            &lb,
            &policy_id,
            &l7rules::CreateOpts::new(RuleType::HostName, CompareType::EndsWith, ".example.com"),
        )
        .await
        .extract()
        .unwrap();
        settle(&lb, &id).await;
        assert_eq!(
            l7rules::get(&lb, &policy_id, &host.id)
                .await
                .extract()
                .unwrap()
                .value,
            ".example.com"
        );
        l7rules::delete(&lb, &policy_id, &host.id)
            .await
            .ok()
            .unwrap();
        l7rules::wait_for_delete(&lb, &policy_id, &host.id, &wait())
            .await
            .unwrap();
        settle(&lb, &id).await;

        // Objects created and deleted on their own: a listener, a pool, a policy.
        let tcp = listeners::create(
            &lb,
            &listeners::CreateOpts {
                name: Some("tcp".into()),
                default_pool_id: Some(spare_id.clone()),
                connection_limit: Some(50),
                ..listeners::CreateOpts::new(&id, Protocol::Tcp, 5000)
            },
        )
        .await
        .extract()
        .unwrap();
        settle(&lb, &id).await;
        let reject = l7policies::create(
            &lb,
            &l7policies::CreateOpts {
                position: Some(1),
                ..l7policies::CreateOpts::new(&listener_id, Action::Reject)
            },
        )
        .await
        .extract()
        .unwrap();
        settle(&lb, &id).await;
        let by_listener = l7policies::list(
            &lb,
            &l7policies::ListOpts {
                listener_id: Some(listener_id.clone()),
                controls: ListControls::default().sort("position", SortDir::Asc),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        let order: Vec<_> = by_listener.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(order, [reject.id.as_str(), policy_id.as_str()]);
        l7policies::delete(&lb, &reject.id).await.ok().unwrap();
        l7policies::wait_for_delete(&lb, &reject.id, &wait())
            .await
            .unwrap();
        settle(&lb, &id).await;
        let extra = pools::create(
            &lb,
            &pools::CreateOpts {
                loadbalancer_id: Some(id.clone()),
                name: Some("extra".into()),
                ..pools::CreateOpts::new(Protocol::Http, LbAlgorithm::RoundRobin)
            },
        )
        .await
        .extract()
        .unwrap();
        settle(&lb, &id).await;
        pools::delete(&lb, &extra.id).await.ok().unwrap();
        pools::wait_for_delete(&lb, &extra.id, &wait())
            .await
            .unwrap();
        settle(&lb, &id).await;
        listeners::delete(&lb, &tcp.id).await.ok().unwrap();
        listeners::wait_for_delete(&lb, &tcp.id, &wait())
            .await
            .unwrap();
        settle(&lb, &id).await;

        // The load balancer itself, then a failover (admins).
        loadbalancers::update(
            &lb,
            &id,
            &loadbalancers::UpdateOpts {
                description: Some("changed".into()),
                tags: Some(vec!["ferro-tree".into(), "changed".into()]),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        let changed = settle(&lb, &id).await;
        assert_eq!(changed.description, "changed");
        assert_eq!(changed.tags.len(), 2);
        let refused = loadbalancers::failover(&lb, &id).await.ok().unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::Forbidden, "{refused:?}");
        let failover = loadbalancers::failover(&admin, &id).await;
        assert_eq!(failover.status_code(), Some(202));
        settle(&lb, &id).await;
    })
    .catch_unwind()
    .await;
    // Cascade delete: the whole tree goes with the load balancer.
    let _ = loadbalancers::wait_for_status(&lb, &id, &wait()).await;
    let deleted =
        loadbalancers::delete_with(&lb, &id, &loadbalancers::DeleteOpts { cascade: true }).await;
    assert_eq!(deleted.status_code(), Some(204));
    loadbalancers::wait_for_delete(&lb, &id, &wait())
        .await
        .unwrap();
    let gone = loadbalancers::get(&lb, &id).await.extract().unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
    resume(result);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn loadbalancer_listings_keep_filters_across_pages() {
    let lb = octavia(&member().await).await;
    let tag = unique("tag");
    let names: Vec<String> = (0..3)
        .map(|i| format!("{}-{i}", unique("lb-list")))
        .collect();
    let mut ids = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let mut opts = loadbalancers::CreateOpts::on_subnet(subnet())
            .name(name)
            .tag(&tag);
        if i == 1 {
            opts = opts.tag("odd");
        }
        ids.push(
            loadbalancers::create(&lb, &opts)
                .await
                .extract()
                .unwrap()
                .id,
        );
    }
    // One without the tag: a page that lost the filter would bring it in.
    let untagged = loadbalancers::create(
        &lb,
        &loadbalancers::CreateOpts::on_subnet(subnet()).name(unique("lb-untagged")),
    )
    .await
    .extract()
    .unwrap();
    ids.push(untagged.id.clone());
    let result = AssertUnwindSafe(async {
        for id in &ids {
            settle(&lb, id).await;
        }
        let tagged = |controls: ListControls| loadbalancers::ListOpts {
            controls,
            ..Default::default()
        };
        let pager = loadbalancers::list(
            &lb,
            &tagged(
                ListControls::default()
                    .tags([tag.as_str()])
                    .limit(1)
                    .sort("name", SortDir::Desc),
            ),
        );
        let pages = pager.all_pages().await.unwrap();
        let listed = loadbalancers::extract_loadbalancers(&pages).unwrap();
        let got: Vec<_> = listed.iter().map(|l| l.name.clone()).collect();
        let mut want = names.clone();
        want.reverse();
        assert_eq!(got, want);
        let any = loadbalancers::list(
            &lb,
            &tagged(
                ListControls::default()
                    .tags_any(["odd", "nothing-has-this"])
                    .limit(1),
            ),
        )
        .all()
        .await
        .unwrap();
        assert_eq!(any.len(), 1);
        assert_eq!(any[0].name, names[1]);
        let not_odd = loadbalancers::list(
            &lb,
            &tagged(
                ListControls::default()
                    .tags([tag.as_str()])
                    .not_tags(["odd"])
                    .limit(1),
            ),
        )
        .all()
        .await
        .unwrap();
        assert_eq!(not_odd.len(), 2);
        let not_any = loadbalancers::list(
            &lb,
            &tagged(
                ListControls::default()
                    .tags([tag.as_str()])
                    .not_tags_any(["odd", "other"])
                    .limit(1),
            ),
        )
        .all()
        .await
        .unwrap();
        assert_eq!(not_any.len(), 2);
        // A plain filter kept across pages, with a small page.
        let by_name = loadbalancers::list(
            &lb,
            &loadbalancers::ListOpts {
                name: Some(names[2].clone()),
                provisioning_status: Some(ProvisioningStatus::Active),
                controls: ListControls::default().limit(1),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(by_name.len(), 1);
        assert_eq!(by_name[0].id, ids[2]);
        // `fields`: only these fields, read through a type of one's own.
        #[derive(serde::Deserialize)]
        struct Brief {
            id: String,
            name: String,
        }
        // (`pages` leaves the items undecoded: `all` would read them as LoadBalancer)
        let pages: Vec<_> = loadbalancers::list(
            &lb,
            &tagged(
                ListControls::default()
                    .tags([tag.as_str()])
                    .fields(["id", "name"])
                    .sort("name", SortDir::Asc)
                    .limit(2),
            ),
        )
        .pages()
        .try_collect()
        .await
        .unwrap();
        assert_eq!(pages.len(), 2);
        let brief: Vec<Brief> = pages
            .iter()
            .map(|p| p.extract_into::<Brief>())
            .collect::<Result<Vec<Vec<_>>, _>>()
            .unwrap()
            .into_iter()
            .flatten()
            .collect();
        assert_eq!(brief.len(), 3);
        assert_eq!(brief[0].name, names[0]);
        assert_eq!(brief[0].id, ids[0]);
    })
    .catch_unwind()
    .await;
    cascade(&lb, &ids).await;
    resume(result);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn loadbalancer_flavors_and_availability_zones() {
    let demo = octavia(&member().await).await;
    let admin = octavia(&admin().await).await;

    let list = providers::list(&demo).await.extract().unwrap();
    assert!(list.iter().any(|p| p.name == "amphora"), "{list:?}");
    let caps = providers::flavor_capabilities(&admin, "amphora")
        .await
        .extract()
        .unwrap();
    assert!(
        caps.iter().any(|c| c.name == "loadbalancer_topology"),
        "{caps:?}"
    );
    let az_caps = providers::availability_zone_capabilities(&admin, "amphora")
        .await
        .extract()
        .unwrap();
    assert!(
        az_caps.iter().any(|c| c.name == "compute_zone"),
        "{az_caps:?}"
    );
    let denied = providers::flavor_capabilities(&demo, "amphora")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(denied.kind(), ErrorKind::Forbidden);

    let profile_name = unique("fp");
    let data = serde_json::json!({"loadbalancer_topology": "SINGLE"});
    let profile = flavorprofiles::create(
        &admin,
        &flavorprofiles::CreateOpts::new(&profile_name, "amphora", &data).unwrap(),
    )
    .await
    .extract()
    .unwrap();
    let az_profile_name = unique("azp");
    let az_data = serde_json::json!({"compute_zone": "nova"});
    let az_profile = availability_zone_profiles::create(
        &admin,
        &availability_zone_profiles::CreateOpts::new(&az_profile_name, "amphora", &az_data)
            .unwrap(),
    )
    .await
    .extract()
    .unwrap();
    let flavor_name = unique("flavor");
    let az_name = unique("az");
    let mut lbs = Vec::new();
    let result = AssertUnwindSafe(async {
        // Flavor profiles.
        let shown = flavorprofiles::get(&admin, &profile.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&shown.flavor_data).unwrap(),
            data
        );
        let renamed = format!("{profile_name}-r");
        flavorprofiles::update(
            &admin,
            &profile.id,
            &flavorprofiles::UpdateOpts {
                name: Some(renamed.clone()),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(
            flavorprofiles::find(&admin, &renamed).await.unwrap().id,
            profile.id
        );
        let listed = flavorprofiles::list(
            &admin,
            &flavorprofiles::ListOpts {
                provider_name: Some("amphora".into()),
                controls: ListControls::default().limit(1),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert!(listed.iter().any(|p| p.id == profile.id));

        // A flavor on it, which the member sees and uses.
        let flavor = flavors::create(
            &admin,
            &flavors::CreateOpts {
                description: Some("one amphora".into()),
                ..flavors::CreateOpts::new(&flavor_name, &profile.id)
            },
        )
        .await
        .extract()
        .unwrap();
        assert!(flavor.enabled);
        flavors::update(
            &admin,
            &flavor.id,
            &flavors::UpdateOpts {
                description: Some("single amphora".into()),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        let seen = flavors::find(&demo, &flavor_name).await.unwrap();
        assert_eq!(seen.description, "single amphora");
        assert_eq!(
            flavors::get(&demo, &flavor.id)
                .await
                .extract()
                .unwrap()
                .flavor_profile_id,
            profile.id
        );
        assert!(
            flavors::list(&demo, &Default::default())
                .all()
                .await
                .unwrap()
                .iter()
                .any(|f| f.id == flavor.id)
        );
        let denied = flavorprofiles::get(&demo, &profile.id)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(denied.kind(), ErrorKind::Forbidden);

        // Availability zone profiles and zones.
        let az_shown = availability_zone_profiles::get(&admin, &az_profile.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(az_shown.provider_name, "amphora");
        availability_zone_profiles::update(
            &admin,
            &az_profile.id,
            &availability_zone_profiles::UpdateOpts {
                availability_zone_data: Some(az_data.to_string()),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(
            availability_zone_profiles::find(&admin, &az_profile_name)
                .await
                .unwrap()
                .id,
            az_profile.id
        );
        assert!(
            availability_zone_profiles::list(&admin, &Default::default())
                .all()
                .await
                .unwrap()
                .iter()
                .any(|p| p.id == az_profile.id)
        );
        let az = availability_zones::create(
            &admin,
            &availability_zones::CreateOpts {
                description: Some("zone".into()),
                ..availability_zones::CreateOpts::new(&az_name, &az_profile.id)
            },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(az.name, az_name);
        availability_zones::update(
            &admin,
            &az_name,
            &availability_zones::UpdateOpts {
                description: Some("the zone".into()),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(
            availability_zones::get(&demo, &az_name)
                .await
                .extract()
                .unwrap()
                .description,
            "the zone"
        );
        assert!(availability_zones::find(&demo, &az_name).await.is_ok());
        assert!(
            availability_zones::list(
                &demo,
                &availability_zones::ListOpts {
                    enabled: Some(true),
                    ..Default::default()
                }
            )
            .all()
            .await
            .unwrap()
            .iter()
            .any(|z| z.name == az_name)
        );

        // The member creates a load balancer with the flavor, one in the zone.
        let with_flavor = loadbalancers::create(
            &demo,
            &loadbalancers::CreateOpts {
                flavor_id: Some(flavor.id.clone()),
                ..loadbalancers::CreateOpts::on_subnet(subnet()).name(unique("lb-flavor"))
            },
        )
        .await
        .extract()
        .unwrap();
        lbs.push(with_flavor.id.clone());
        let in_zone = loadbalancers::create(
            &demo,
            &loadbalancers::CreateOpts {
                availability_zone: Some(az_name.clone()),
                ..loadbalancers::CreateOpts::on_subnet(subnet()).name(unique("lb-az"))
            },
        )
        .await
        .extract()
        .unwrap();
        lbs.push(in_zone.id.clone());
        let with_flavor = settle(&demo, &with_flavor.id).await;
        assert_eq!(with_flavor.flavor_id.as_deref(), Some(flavor.id.as_str()));
        let in_zone = settle(&demo, &in_zone.id).await;
        assert_eq!(in_zone.availability_zone.as_deref(), Some(az_name.as_str()));
        let by_flavor = loadbalancers::list(
            &demo,
            &loadbalancers::ListOpts {
                flavor_id: Some(flavor.id.clone()),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(by_flavor.len(), 1);
        // A flavor in use cannot go.
        let in_use = flavorprofiles::delete(&admin, &profile.id)
            .await
            .ok()
            .unwrap_err();
        assert!(in_use.is_conflict(), "{in_use:?}");
    })
    .catch_unwind()
    .await;
    cascade(&demo, &lbs).await;
    let _ = availability_zones::delete(&admin, &az_name).await;
    if let Ok(f) = flavors::find(&admin, &flavor_name).await {
        flavors::delete(&admin, &f.id).await.ok().unwrap();
    }
    flavorprofiles::delete(&admin, &profile.id)
        .await
        .ok()
        .unwrap();
    availability_zone_profiles::delete(&admin, &az_profile.id)
        .await
        .ok()
        .unwrap();
    let gone = flavorprofiles::get(&admin, &profile.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
    resume(result);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn loadbalancer_quotas_and_versions() {
    let admin = octavia(&admin().await).await;
    let demo = octavia(&member().await).await;
    let demo_project = member().await.auth_info().unwrap().project.unwrap().id;

    let all = versions::list(&demo).await.extract().unwrap();
    assert!(all.iter().any(|v| v.id == "v2.0"), "{all:?}");
    assert!(all.len() > 20, "{} versions", all.len());

    let defaults = quotas::defaults(&admin).await.extract().unwrap();
    let before = quotas::get(&admin, &demo_project).await.extract().unwrap();
    let result = AssertUnwindSafe(async {
        let updated = quotas::update(
            &admin,
            &demo_project,
            &quotas::UpdateOpts {
                loadbalancer: Some(90),
                healthmonitor: Some(80),
                l7rule: Some(70),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(updated.status_code(), Some(202));
        let updated = updated.extract().unwrap();
        assert_eq!(
            (updated.loadbalancer, updated.healthmonitor, updated.l7rule),
            (Some(90), Some(80), Some(70))
        );
        let shown = quotas::get(&admin, &demo_project).await.extract().unwrap();
        assert_eq!(shown.loadbalancer, Some(90));
        // The member reads its own.
        assert_eq!(
            quotas::get(&demo, &demo_project)
                .await
                .extract()
                .unwrap()
                .healthmonitor,
            Some(80)
        );
        let listed = quotas::list(
            &admin,
            &quotas::ListOpts {
                project_id: Some(demo_project.clone()),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].project_id.as_deref(), Some(demo_project.as_str()));
        assert_eq!(
            (listed[0].loadbalancer, listed[0].listener),
            (Some(90), None)
        );
        let denied = quotas::update(
            &demo,
            &demo_project,
            &quotas::UpdateOpts {
                pool: Some(1),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap_err();
        assert_eq!(denied.kind(), ErrorKind::Forbidden);
    })
    .catch_unwind()
    .await;
    let reset = quotas::reset(&admin, &demo_project).await;
    assert!(reset.ok().is_ok(), "{:?}", reset.status());
    let after = quotas::get(&admin, &demo_project).await.extract().unwrap();
    assert_eq!(after, before);
    assert_eq!(after.loadbalancer, defaults.loadbalancer);
    resume(result);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn loadbalancer_amphorae() {
    let demo = octavia(&member().await).await;
    let admin = octavia(&admin().await).await;
    let created = loadbalancers::create(
        &demo,
        &loadbalancers::CreateOpts::on_subnet(subnet()).name(unique("lb-amp")),
    )
    .await
    .extract()
    .unwrap();
    let id = created.id.clone();
    let result = AssertUnwindSafe(async {
        settle(&demo, &id).await;
        let of_lb = |status| amphorae::ListOpts {
            loadbalancer_id: Some(id.clone()),
            status,
            ..Default::default()
        };
        let amps = amphorae::list(&admin, &of_lb(None)).all().await.unwrap();
        assert_eq!(amps.len(), 1, "{amps:?}");
        let amp = amphorae::get(&admin, &amps[0].id).await.extract().unwrap();
        assert_eq!(amp.loadbalancer_id.as_deref(), Some(id.as_str()));
        assert_eq!(amp.status, amphorae::AmphoraStatus::Allocated);
        assert_eq!(amp.role.as_deref(), Some("STANDALONE"));
        let denied = amphorae::list(&demo, &Default::default())
            .all()
            .await
            .unwrap_err();
        assert_eq!(denied.kind(), ErrorKind::Forbidden);
        // No amphora sends heartbeats here: Octavia holds no statistics for it.
        let stats = amphorae::stats(&admin, &amp.id)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(stats.kind(), ErrorKind::NotFound, "{stats:?}");
        let config = amphorae::configure(&admin, &amp.id).await;
        assert_eq!(config.status_code(), Some(202));
        // Only a spare (READY) or failed (ERROR) amphora may be deleted.
        let busy = amphorae::delete(&admin, &amp.id).await.ok().unwrap_err();
        assert!(busy.is_conflict(), "{busy:?}");
        assert!(busy.service_message().contains("is immutable"), "{busy:?}");
        let failover = amphorae::failover(&admin, &amp.id).await;
        assert_eq!(failover.status_code(), Some(202));
        settle(&demo, &id).await;
        let now = amphorae::list(&admin, &of_lb(Some(amphorae::AmphoraStatus::Allocated)))
            .all()
            .await
            .unwrap();
        assert_eq!(now.len(), 1, "{now:?}");
        assert_ne!(now[0].id, amp.id, "a new amphora replaced the old one");
    })
    .catch_unwind()
    .await;
    cascade(&demo, &[id]).await;
    resume(result);
}
