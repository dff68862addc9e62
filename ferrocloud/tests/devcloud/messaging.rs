//! Messaging v2 against the real Zaqar (messages in Redis; pools and flavors in
//! MariaDB with `pooling` and `admin_mode` on; signed URLs with a test-only key):
//! queues, messages, claims, subscriptions, pre-signed URLs, pools, flavors, health.

use std::panic::AssertUnwindSafe;

use ferrocloud::openstack::messaging::v2::{
    claims, common, flavors, health, messages, pools, queues, subscriptions, versions,
};
use ferrocloud::{ErrorKind, ProviderClient, ServiceClient, openstack};
use futures::FutureExt;
use serde_json::json;

use crate::support::*;

/// Zaqar for `provider`, with a new `Client-ID`.
fn zaqar(provider: &ProviderClient) -> ServiceClient {
    let c = openstack::new_messaging_v2(provider, region()).unwrap();
    common::with_new_client_id(&c).unwrap()
}

/// A queue name Zaqar takes (letters, digits, `-` and `_`, at most 64).
fn queue_name(prefix: &str) -> String {
    let mut n = unique(prefix);
    n.truncate(64);
    n
}

/// Runs `body`, then deletes the queue whatever happened, then fails as `body` did.
async fn with_queue<B>(c: &ServiceClient, name: &str, body: B)
where
    B: std::future::Future<Output = ()>,
{
    let result = AssertUnwindSafe(body).catch_unwind().await;
    let deleted = queues::delete(c, name).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    deleted.ok().unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn messaging_queues_versions_health() {
    let provider = member().await;
    let c = zaqar(&provider);
    let all = versions::list(&c).await.extract().unwrap();
    assert!(all.iter().any(|v| v.id.starts_with('2')), "{all:?}");
    health::ping(&c).await.ok().unwrap();
    // Without a Client-ID the SDK refuses to send.
    let bare = openstack::new_messaging_v2(&provider, region()).unwrap();
    let refused = queues::list(&bare, &Default::default())
        .all()
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);

    let name = queue_name("q");
    let meta = queues::Metadata {
        default_message_ttl: Some(600),
        max_claim_count: Some(7),
        ..Default::default()
    }
    .with("description", "live");
    queues::create(&c, &name, &meta).await.ok().unwrap();
    with_queue(&c, &name, async {
        let got = queues::get(&c, &name).await.extract().unwrap();
        assert_eq!(got.default_message_ttl, 600);
        assert_eq!(got.max_claim_count, Some(7));
        assert_eq!(got.dead_letter_queue, None);
        assert_eq!(got.extra["description"], "live");
        assert!(queues::exists(&c, &name).await.unwrap());

        let opts = queues::ListOpts {
            name: Some(name.clone()),
            detailed: Some(true),
            with_count: Some(true),
            ..Default::default()
        };
        let page = queues::list(&c, &opts).all_pages().await.unwrap();
        // With pooling, Zaqar answers `"count": true` rather than a number.
        let count = queues::extract_count(&page).unwrap();
        assert_eq!(count, None);
        let listed = queues::extract_queues(&page).unwrap();
        let q = listed.iter().find(|q| q.name == name).expect("listed");
        assert!(q.href.ends_with(&format!("/queues/{name}")));
        assert_eq!(q.metadata.as_ref().unwrap()["description"], "live");

        let change = [
            queues::PatchOp::Replace {
                path: "/metadata/description".into(),
                value: "changed".into(),
            },
            queues::PatchOp::Add {
                path: "/metadata/owner".into(),
                value: "ferro".into(),
            },
        ];
        let changed = queues::update(&c, &name, &change).await.extract().unwrap();
        assert_eq!(changed["description"], "changed");
        assert_eq!(changed["owner"], "ferro");
        let bad = queues::update(
            &c,
            &name,
            &[queues::PatchOp::Remove {
                path: "/name".into(),
            }],
        )
        .await
        .extract()
        .unwrap_err();
        assert_eq!(bad.kind(), ErrorKind::InvalidInput);

        let empty = queues::stats(&c, &name).await.extract().unwrap();
        assert_eq!((empty.total, empty.claimed, empty.free), (0, 0, 0));
        assert!(empty.oldest.is_none());
    })
    .await;
    // Zaqar answers GET of any queue name with defaults: the listing tells.
    assert!(!queues::exists(&c, &name).await.unwrap());

    // The detailed health is for operators.
    let denied = health::get(&c).await.extract().unwrap_err();
    assert_eq!(denied.kind(), ErrorKind::Forbidden, "{denied}");
    let admin = zaqar(&admin().await);
    let h = health::get(&admin).await.extract().unwrap();
    assert!(h.catalog_reachable);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn messaging_messages_and_claims() {
    let c = zaqar(&member().await);
    let name = queue_name("msg");
    queues::create(&c, &name, &Default::default())
        .await
        .ok()
        .unwrap();
    with_queue(&c, &name, async {
        let post = messages::PostOpts::new()
            .message(messages::NewMessage::new(json!({"n": 1})).ttl(300))
            .message(messages::NewMessage::new(json!({"n": 2})).ttl(300))
            .message(messages::NewMessage::new(json!({"n": 3})).ttl(300))
            .message(messages::NewMessage::new("four").ttl(300));
        let posted = messages::post(&c, &name, &post).await.extract().unwrap();
        let ids = posted.ids();
        assert_eq!(ids.len(), 4);

        // The client's own messages are listed only with echo.
        let own = messages::list(&c, &name, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(own.is_empty(), "{own:?}");
        let echo = messages::ListOpts {
            echo: Some(true),
            paging: common::Paging {
                limit: Some(2),
                marker: None,
            },
            ..Default::default()
        };
        let listed = messages::list(&c, &name, &echo).all().await.unwrap();
        assert_eq!(listed.len(), 4, "two pages of two");
        // Zaqar writes the ID in every message it answers.
        assert!(listed.iter().all(|m| m.id.is_some()));
        let one = messages::get(&c, &name, &ids[0]).await.extract().unwrap();
        assert_eq!(one.id.as_deref(), Some(ids[0].as_str()));
        assert_eq!(one.body, json!({"n": 1}));
        assert_eq!(one.ttl, 300);
        let some = messages::get_by_ids(&c, &name, &ids[1..3])
            .await
            .extract()
            .unwrap();
        assert_eq!(some.len(), 2);
        assert!(some.iter().all(|m| m.id.is_some()));

        // Claims: two messages, renewed, one deleted under the claim, then released.
        let claimed = claims::create(&c, &name, &claims::CreateOpts::new(120, 60).limit(2))
            .await
            .extract()
            .unwrap();
        assert_eq!(claimed.messages.len(), 2);
        assert!(claimed.messages.iter().all(|m| m.id.is_some()));
        let claim_id = claimed.claim_id().expect("a claim");
        let claim = claims::get(&c, &name, &claim_id).await.extract().unwrap();
        assert_eq!(claim.id().as_deref(), Some(claim_id.as_str()));
        assert_eq!(claim.ttl, 120);
        assert_eq!(claim.messages.len(), 2);
        assert!(claim.messages.iter().all(|m| m.id.is_some()));
        claims::update(&c, &name, &claim_id, &claims::CreateOpts::new(300, 60))
            .await
            .ok()
            .unwrap();
        let renewed = claims::get(&c, &name, &claim_id).await.extract().unwrap();
        assert_eq!(renewed.ttl, 300);
        let stats = queues::stats(&c, &name).await.extract().unwrap();
        assert_eq!((stats.total, stats.claimed, stats.free), (4, 2, 2));
        assert!(stats.oldest.is_some() && stats.newest.is_some());

        let first = claimed.messages[0].message_id().unwrap();
        // A claimed message is deleted with its claim's ID only.
        let refused = messages::delete(&c, &name, &first, None)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::Forbidden, "{refused}");
        messages::delete(&c, &name, &first, Some(&claim_id))
            .await
            .ok()
            .unwrap();
        let gone = messages::get(&c, &name, &first)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(gone.kind(), ErrorKind::NotFound);
        claims::delete(&c, &name, &claim_id).await.ok().unwrap();
        let released = claims::get(&c, &name, &claim_id)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(released.kind(), ErrorKind::NotFound);

        // Pop takes messages off the queue and answers them.
        let popped = messages::pop(&c, &name, 1).await.extract().unwrap();
        assert_eq!(popped.len(), 1);
        let popped_id = popped[0].id.clone().expect("pop answers the ID");
        assert!(popped[0].claim_id.is_some());
        let rest: Vec<String> = ids
            .iter()
            .filter(|i| **i != first && **i != popped_id)
            .cloned()
            .collect();
        assert_eq!(rest.len(), 2);
        messages::delete(&c, &name, &rest[0], None)
            .await
            .ok()
            .unwrap();
        messages::delete_by_ids(&c, &name, &rest[1..])
            .await
            .ok()
            .unwrap();
        let left = messages::get_by_ids(&c, &name, &ids).await.extract();
        match left {
            Ok(ms) => assert!(ms.is_empty(), "{ms:?}"),
            Err(e) => assert_eq!(e.kind(), ErrorKind::NotFound),
        }
        // Nothing left to claim: 204, no messages.
        let none = claims::create(&c, &name, &claims::CreateOpts::new(60, 60))
            .await
            .extract()
            .unwrap();
        assert!(none.messages.is_empty() && none.claim_id().is_none());

        // Purge removes what is posted after.
        messages::post(
            &c,
            &name,
            &messages::PostOpts::new().message(messages::NewMessage::new(5)),
        )
        .await
        .extract()
        .unwrap();
        queues::purge(
            &c,
            &name,
            &queues::PurgeOpts {
                resource_types: vec!["messages".into()],
            },
        )
        .await
        .ok()
        .unwrap();
        let after = queues::stats(&c, &name).await.extract().unwrap();
        assert_eq!(after.total, 0);
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn messaging_presigned_urls() {
    let provider = member().await;
    let c = zaqar(&provider);
    let name = queue_name("share");
    queues::create(&c, &name, &Default::default())
        .await
        .ok()
        .unwrap();
    with_queue(&c, &name, async {
        let signed = queues::share(
            &c,
            &name,
            &queues::ShareOpts::default()
                .paths(["messages"])
                .methods(["GET", "POST"]),
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(signed.methods, ["GET", "POST"]);
        assert_eq!(signed.paths, [format!("/v2/queues/{name}/messages")]);
        assert!(signed.expires.is_some());
        assert!(
            !format!("{signed:?}")
                .contains(ferrocloud::ExposeSecret::expose_secret(&signed.signature))
        );

        // Anyone holding the URL posts and reads messages, without a token.
        let anonymous = ProviderClient::builder(auth_url()).build().unwrap();
        let mut by_url =
            ServiceClient::new(anonymous, "messaging", "http://127.0.0.1:8888", Some("v2"))
                .unwrap();
        for (k, v) in signed.headers() {
            by_url = by_url.with_header(k, &v).unwrap();
        }
        let by_url = common::with_new_client_id(&by_url).unwrap();
        // Two messages: Zaqar's Redis store ignores a marker naming a queue's first
        // message, so a listing whose first page ends there repeats it (which the pager
        // reports as a listing that makes no progress).
        let post = messages::PostOpts::new()
            .message(messages::NewMessage::new("signed"))
            .message(messages::NewMessage::new("twice"));
        let posted = messages::post(&by_url, &name, &post)
            .await
            .extract()
            .unwrap();
        assert_eq!(posted.ids().len(), 2);
        let read = messages::list(&c, &name, &Default::default())
            .all()
            .await
            .unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].body, "signed");
        // The URL opens only its paths: Zaqar answers 404 for the others.
        let stats = queues::stats(&by_url, &name).await.extract().unwrap_err();
        assert_eq!(stats.kind(), ErrorKind::NotFound, "{stats}");
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn messaging_subscriptions() {
    let c = zaqar(&member().await);
    let name = queue_name("sub");
    queues::create(&c, &name, &Default::default())
        .await
        .ok()
        .unwrap();
    with_queue(&c, &name, async {
        let created = subscriptions::create(
            &c,
            &name,
            &subscriptions::CreateOpts::new("http://127.0.0.1:9/hook")
                .ttl(3600)
                .option("k", "v"),
        )
        .await
        .extract()
        .unwrap();
        let id = created.subscription_id;
        let got = subscriptions::get(&c, &name, &id).await.extract().unwrap();
        assert_eq!(got.id, id);
        assert_eq!(got.subscriber, "http://127.0.0.1:9/hook");
        assert_eq!(got.source, name);
        assert_eq!(got.ttl, 3600);
        assert_eq!(got.options["k"], "v");
        let listed = subscriptions::list(&c, &name, &Default::default())
            .all()
            .await
            .unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].id, id);

        let upd = subscriptions::UpdateOpts {
            ttl: Some(7200),
            options: Some([("k".to_string(), json!("w"))].into()),
            ..Default::default()
        };
        subscriptions::update(&c, &name, &id, &upd)
            .await
            .ok()
            .unwrap();
        let changed = subscriptions::get(&c, &name, &id).await.extract().unwrap();
        assert_eq!(changed.ttl, 7200);
        assert_eq!(changed.options["k"], "w");

        subscriptions::confirm(
            &c,
            &name,
            &id,
            subscriptions::ConfirmOpts { confirmed: true },
        )
        .await
        .ok()
        .unwrap();
        let confirmed = subscriptions::get(&c, &name, &id).await.extract().unwrap();
        assert_eq!(confirmed.confirmed, Some(true));

        // A second subscription, removed with the queue's purge.
        subscriptions::create(
            &c,
            &name,
            &subscriptions::CreateOpts::new("http://127.0.0.1:9/other"),
        )
        .await
        .extract()
        .unwrap();
        subscriptions::delete(&c, &name, &id).await.ok().unwrap();
        let gone = subscriptions::get(&c, &name, &id)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(gone.kind(), ErrorKind::NotFound);
        queues::purge(
            &c,
            &name,
            &queues::PurgeOpts {
                resource_types: vec!["subscriptions".into()],
            },
        )
        .await
        .ok()
        .unwrap();
        let left = subscriptions::list(&c, &name, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(left.is_empty(), "{left:?}");
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn messaging_pools_and_flavors() {
    let admin = zaqar(&admin().await);
    let demo = zaqar(&member().await);
    // The pool belongs to its own flavor, so queues without one never land in it.
    let pool = queue_name("pool");
    let flavor = queue_name("flavor");
    let queue = queue_name("fq");

    let denied = pools::list(&demo, &Default::default())
        .all()
        .await
        .unwrap_err();
    assert_eq!(denied.kind(), ErrorKind::Forbidden, "{denied}");

    pools::create(
        &admin,
        &pool,
        &pools::CreateOpts::new(10, "redis://127.0.0.1:6379").flavor(&flavor),
    )
    .await
    .ok()
    .unwrap();
    let mut flavor_made = false;
    let result = AssertUnwindSafe(async {
        let got = pools::get(&admin, &pool).await.extract().unwrap();
        assert_eq!(got.name.as_deref(), Some(pool.as_str()));
        assert_eq!(got.weight, 10);
        assert_eq!(got.uri, "redis://127.0.0.1:6379");
        assert_eq!(got.flavor.as_deref(), Some(flavor.as_str()));
        let listed = pools::list(
            &admin,
            &pools::ListOpts {
                detailed: Some(true),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        let p = listed
            .iter()
            .find(|p| p.name.as_deref() == Some(pool.as_str()))
            .expect("listed");
        assert!(p.options.is_some(), "detailed listings carry the options");
        let changed = pools::update(
            &admin,
            &pool,
            &pools::UpdateOpts {
                weight: Some(20),
                ..Default::default()
            },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(changed.weight, 20);

        flavors::create(&admin, &flavor, &flavors::CreateOpts::pools([&pool]))
            .await
            .ok()
            .unwrap();
        flavor_made = true;
        let f = flavors::get(&admin, &flavor).await.extract().unwrap();
        assert_eq!(f.name, flavor);
        assert_eq!(f.pool_list, std::slice::from_ref(&pool));
        assert!(f.capabilities.iter().any(|c| c == "CLAIMS"), "{f:?}");
        let listed = flavors::list(
            &admin,
            &flavors::ListOpts {
                detailed: Some(true),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert!(listed.iter().any(|x| x.name == flavor));
        let same = flavors::update(&admin, &flavor, &flavors::CreateOpts::pools([&pool]))
            .await
            .extract()
            .unwrap();
        assert_eq!(same.pool_list, std::slice::from_ref(&pool));

        // A queue of the flavor (of the same project) lives in the pool; the health
        // check reaches the pool.
        let meta = queues::Metadata {
            flavor: Some(flavor.clone()),
            ..Default::default()
        };
        let other = queues::create(&demo, &queue, &meta).await.ok().unwrap_err();
        assert_eq!(other.kind(), ErrorKind::BadRequest, "{other}");
        queues::create(&admin, &queue, &meta).await.ok().unwrap();
        let q = queues::get(&admin, &queue).await.extract();
        queues::delete(&admin, &queue).await.ok().unwrap();
        assert_eq!(q.unwrap().extra["_flavor"], json!(flavor));
        let h = health::get(&admin).await.extract().unwrap();
        assert!(h.storage[&pool].storage_reachable);
        assert!(
            h.storage[&pool]
                .operation_status
                .values()
                .all(|s| s.succeeded)
        );
    })
    .catch_unwind()
    .await;
    let flavor_deleted = flavors::delete(&admin, &flavor).await;
    let pool_deleted = pools::delete(&admin, &pool).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    assert!(flavor_made);
    flavor_deleted.ok().unwrap();
    pool_deleted.ok().unwrap();
    let gone = pools::get(&admin, &pool).await.extract().unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
    let gone = flavors::get(&admin, &flavor).await.extract().unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
}
