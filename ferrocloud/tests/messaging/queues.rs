//! Queues: listing across pages, create, patch, show, delete, stats, share, purge; the
//! `Client-ID` requirement.

use ferrocloud::ExposeSecret;
use ferrocloud::openstack::messaging::v2::{common as zcommon, queues};
use serde_json::json;
use wiremock::MockServer;

use crate::{Expect, sample, zaqar};

#[tokio::test]
async fn list_follows_root_relative_links_and_reads_the_count() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("GET", "queues")
        .query(&[("marker", "wellington")])
        .reply(200, json!({"queues": [], "links": []}))
        .mount(&server)
        .await;
    Expect::new("GET", "queues")
        .query(&[("with_count", "true")])
        .reply(200, sample("queues-list-response.json"))
        .mount(&server)
        .await;
    let opts = queues::ListOpts {
        with_count: Some(true),
        ..Default::default()
    };
    let mut pages = Vec::new();
    queues::list(&c, &opts)
        .each_page(|p| {
            pages.push(p);
            Ok::<_, ferrocloud::Error>(true)
        })
        .await
        .unwrap();
    let first = queues::extract_queues(&pages[0]).unwrap();
    let names: Vec<_> = first.iter().map(|q| q.name.as_str()).collect();
    assert_eq!(names, ["beijing", "london", "wellington"]);
    assert_eq!(first[0].href, "/v2/queues/beijing");
    assert_eq!(queues::extract_count(&pages[0]).unwrap(), Some(3));
    assert_eq!(pages.len(), 2);
}

#[tokio::test]
async fn create_sends_the_metadata() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    let body = sample("queue-create-request.json");
    Expect::new("PUT", "queues/billing")
        .body(body.clone())
        .mount(&server)
        .await;
    let meta: queues::Metadata = serde_json::from_value(body).unwrap();
    assert_eq!(meta.max_claim_count, Some(10));
    queues::create(&c, "billing", &meta).await.ok().unwrap();
}

#[tokio::test]
async fn update_sends_a_json_patch() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("PATCH", "queues/billing")
        .body(sample("queue-update-request.json"))
        .reply(200, sample("queue-update-response.json"))
        .mount(&server)
        .await;
    let change = [queues::PatchOp::Replace {
        path: "/metadata/max_timeout".into(),
        value: 100.into(),
    }];
    let r = queues::update(&c, "billing", &change).await;
    let meta = r.extract().unwrap();
    assert_eq!(meta["max_timeout"], 100);
    let sent = &server.received_requests().await.unwrap();
    let patch = sent.iter().find(|r| r.method.as_str() == "PATCH").unwrap();
    assert_eq!(patch.headers["content-type"], queues::PATCH_CONTENT_TYPE);
    // A path outside the metadata is refused before sending.
    let bad = [queues::PatchOp::Remove {
        path: "/name".into(),
    }];
    assert!(queues::update(&c, "billing", &bad).await.err().is_some());
}

#[tokio::test]
async fn get_reads_the_reserved_metadata() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("GET", "queues/billing")
        .reply(200, sample("queue-show-response.json"))
        .mount(&server)
        .await;
    let m = queues::get(&c, "billing").await.extract().unwrap();
    assert_eq!(m.max_messages_post_size, 262144);
    assert_eq!(m.default_message_ttl, 3600);
    assert_eq!(m.dead_letter_queue.as_deref(), Some("dead_letter"));
    assert_eq!(m.enable_encrypt_messages, Some(true));
    assert_eq!(m.extra["description"], "Queue used for billing.");
}

#[tokio::test]
async fn delete_and_purge() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("DELETE", "queues/billing").mount(&server).await;
    Expect::new("POST", "queues/billing/purge")
        .body(sample("purge-queue-request.json"))
        .mount(&server)
        .await;
    queues::delete(&c, "billing").await.ok().unwrap();
    let opts = queues::PurgeOpts {
        resource_types: vec!["messages".into(), "subscriptions".into()],
    };
    queues::purge(&c, "billing", &opts).await.ok().unwrap();
    let bad = queues::PurgeOpts {
        resource_types: vec!["claims".into()],
    };
    assert!(queues::purge(&c, "billing", &bad).await.err().is_some());
}

#[tokio::test]
async fn stats() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("GET", "queues/billing/stats")
        .reply(200, sample("queue-stats-response.json"))
        .mount(&server)
        .await;
    let s = queues::stats(&c, "billing").await.extract().unwrap();
    assert_eq!((s.claimed, s.free, s.total), (10, 10, 20));
}

#[tokio::test]
async fn share_signs_and_hides_the_signature() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    // The official answer sample is not valid JSON (a missing comma): the same, fixed.
    let answer = json!({
        "project": "2887aabf368046a3bb0070f1c0413470",
        "paths": ["/v2/queues/test/messages", "/v2/queues/test/claims", "/v2/queues/test/subscriptions"],
        "expires": "2016-09-01T00:00:00",
        "methods": ["GET", "PATCH", "POST", "PUT"],
        "signature": "6a63d63242ebd18c3518871dda6fdcb6273db2672c599bf985469241e9a1c799"
    });
    Expect::new("POST", "queues/test/share")
        .body(sample("queue-pre-signed-request.json"))
        .reply(200, answer)
        .mount(&server)
        .await;
    let opts = queues::ShareOpts {
        expires: Some("2016-09-01T00:00:00".into()),
        ..Default::default()
    }
    .paths(["messages", "claims", "subscriptions"])
    .methods(["GET", "POST", "PUT", "PATCH"]);
    let signed = queues::share(&c, "test", &opts).await.extract().unwrap();
    assert_eq!(signed.project, "2887aabf368046a3bb0070f1c0413470");
    assert_eq!(signed.paths.len(), 3);
    let shown = format!("{signed:?}");
    assert!(!shown.contains("6a63d632"), "{shown}");
    assert!(
        signed
            .query("test")
            .expose_secret()
            .contains("signature=6a63d632")
    );
    assert!(!format!("{:?}", signed.query("test")).contains("6a63d632"));
}

#[tokio::test]
async fn a_client_without_client_id_sends_nothing() {
    let server = MockServer::start().await;
    let p = crate::common::provider(&server).await;
    let c = ferrocloud::openstack::new_messaging_v2(&p, Default::default()).unwrap();
    let e = queues::get(&c, "q").await.err().cloned().unwrap();
    assert_eq!(e.kind(), ferrocloud::ErrorKind::InvalidInput);
    assert!(e.to_string().contains("Client-ID"), "{e}");
    let sent = server.received_requests().await.unwrap();
    assert!(sent.iter().all(|r| !r.url.path().starts_with("/messaging")));
    // A random ID is a UUID.
    let c = zcommon::with_new_client_id(&c).unwrap();
    assert_eq!(zcommon::client_id(&c).unwrap().len(), 36);
}
