//! Messages and claims.

use ferrocloud::openstack::messaging::v2::{claims, messages};
use serde_json::json;
use wiremock::MockServer;

use crate::{Expect, sample, zaqar};

#[tokio::test]
async fn post_sends_the_batch() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    let body = sample("messages-post-request.json");
    Expect::new("POST", "queues/demoqueue/messages")
        .body(body.clone())
        .reply(201, sample("messages-post-response.json"))
        .mount(&server)
        .await;
    let opts = messages::PostOpts::new()
        .message(
            messages::NewMessage::new(json!({"event": "BackupStarted", "backup_id": "c378813c-3f0b-11e2-ad92-7823d2b0f3ce"}))
                .ttl(300)
                .delay(20),
        )
        .message(messages::NewMessage::new(
            json!({"event": "BackupProgress", "current_bytes": "0", "total_bytes": "99614720"}),
        ));
    assert_eq!(serde_json::to_value(&opts).unwrap(), body);
    let posted = messages::post(&c, "demoqueue", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        posted.ids(),
        ["51db6f78c508f17ddc924357", "51db6f78c508f17ddc924358"]
    );
}

#[tokio::test]
async fn list_sends_echo_and_follows_links() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("GET", "queues/beijing/messages")
        .query(&[("marker", "17"), ("echo", "true")])
        .reply(200, json!({"messages": [], "links": []}))
        .mount(&server)
        .await;
    Expect::new("GET", "queues/beijing/messages")
        .query(&[("echo", "true"), ("include_claimed", "true")])
        .reply(200, sample("messages-list-response.json"))
        .mount(&server)
        .await;
    let opts = messages::ListOpts {
        echo: Some(true),
        include_claimed: Some(true),
        ..Default::default()
    };
    let all = messages::list(&c, "beijing", &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].id.as_deref(), Some("578edfe6508f153f256f717b"));
    assert_eq!(all[0].body["total_bytes"], "99614720");
    assert_eq!(all[1].age, 456);
    assert_eq!(
        all[1].checksum.as_deref(),
        Some("MD5:abf7213555626e29c3cb3e5dc58b3515")
    );
}

#[tokio::test]
async fn get_by_ids_and_one() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("GET", "queues/beijing/messages")
        .query(&[("ids", "578f0055508f153f256f717f"), ("ids", "aa")])
        .reply(200, sample("messages-get-byids-response.json"))
        .mount(&server)
        .await;
    Expect::new("GET", "queues/beijing/messages/578f0055508f153f256f717f")
        .reply(200, sample("messages-get-response.json"))
        .mount(&server)
        .await;
    let set = messages::get_by_ids(&c, "beijing", &["578f0055508f153f256f717f", "aa"])
        .await
        .extract()
        .unwrap();
    assert_eq!(set[0].ttl, 3600);
    assert_eq!(set[0].age, 443);
    let one = messages::get(&c, "beijing", "578f0055508f153f256f717f")
        .await
        .extract()
        .unwrap();
    assert_eq!(one.age, 1110);
    assert_eq!(
        one.message_id().as_deref(),
        Some("578f0055508f153f256f717f")
    );
    let none: [&str; 0] = [];
    assert!(
        messages::get_by_ids(&c, "beijing", &none)
            .await
            .err()
            .is_some()
    );
}

#[tokio::test]
async fn delete_by_ids_pop_and_one() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("DELETE", "queues/beijing/messages")
        .query(&[("pop", "1")])
        .reply(200, sample("messages-delete-bypop-response.json"))
        .mount(&server)
        .await;
    Expect::new("DELETE", "queues/beijing/messages")
        .query(&[("ids", "a"), ("ids", "b")])
        .mount(&server)
        .await;
    Expect::new("DELETE", "queues/beijing/messages/a")
        .query(&[("claim_id", "51db7067821e727dc24df754")])
        .mount(&server)
        .await;
    let popped = messages::pop(&c, "beijing", 1).await.extract().unwrap();
    assert_eq!(popped[0].claim_count, Some(1));
    assert_eq!(
        popped[0].claim_id().as_deref(),
        Some("51db7067821e727dc24df754")
    );
    messages::delete_by_ids(&c, "beijing", &["a", "b"])
        .await
        .ok()
        .unwrap();
    messages::delete(&c, "beijing", "a", Some("51db7067821e727dc24df754"))
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn claim_create_reads_messages_or_nothing() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("POST", "queues/demoqueue/claims")
        .query(&[("limit", "1")])
        .body(sample("claim_messages_request.json"))
        .reply(201, sample("claim_messages_response.json"))
        .mount(&server)
        .await;
    let opts = claims::CreateOpts::new(300, 300).limit(1);
    let claimed = claims::create(&c, "demoqueue", &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        claimed.claim_id().as_deref(),
        Some("51db7067821e727dc24df754")
    );
    assert_eq!(
        claimed.messages[0].message_id().as_deref(),
        Some("51db6f78c508f17ddc924357")
    );
    assert_eq!(claimed.messages[0].body["event"], "BackupStarted");

    let empty = MockServer::start().await;
    let c = zaqar(&empty).await;
    Expect::new("POST", "queues/demoqueue/claims")
        .mount(&empty)
        .await;
    let none = claims::create(&c, "demoqueue", &claims::CreateOpts::default())
        .await
        .extract()
        .unwrap();
    assert!(none.messages.is_empty() && none.claim_id().is_none());
}

#[tokio::test]
async fn claim_get_update_delete() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    let id = "51db7067821e727dc24df754";
    let rel = format!("queues/demoqueue/claims/{id}");
    Expect::new("GET", &rel)
        .reply(200, sample("claim_query_response.json"))
        .mount(&server)
        .await;
    Expect::new("PATCH", &rel)
        .body(sample("claim_update_request.json"))
        .mount(&server)
        .await;
    Expect::new("DELETE", &rel).mount(&server).await;
    let claim = claims::get(&c, "demoqueue", id).await.extract().unwrap();
    assert_eq!((claim.age, claim.ttl), (57, 300));
    assert_eq!(claim.id().as_deref(), Some(id));
    assert_eq!(claim.messages[0].age, 296);
    claims::update(&c, "demoqueue", id, &claims::CreateOpts::new(300, 300))
        .await
        .ok()
        .unwrap();
    claims::delete(&c, "demoqueue", id).await.ok().unwrap();
}
