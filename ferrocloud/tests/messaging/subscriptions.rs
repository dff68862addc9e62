//! Subscriptions.

use ferrocloud::openstack::messaging::v2::subscriptions;
use serde_json::json;
use wiremock::MockServer;

use crate::{Expect, sample, zaqar};

#[tokio::test]
async fn list() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("GET", "queues/test/subscriptions")
        .query(&[("marker", "57692ab13990b48c644bb7e6")])
        .reply(200, json!({"subscriptions": [], "links": []}))
        .mount(&server)
        .await;
    Expect::new("GET", "queues/test/subscriptions")
        .reply(200, sample("subscriptions-list-response.json"))
        .mount(&server)
        .await;
    let all = subscriptions::list(&c, "test", &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].id, "57692ab13990b48c644bb7e6");
    assert_eq!(all[0].subscriber, "http://10.229.49.117:5678");
    assert_eq!((all[0].ttl, all[0].age), (360, 13));
}

#[tokio::test]
async fn create_mail_and_http() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("POST", "queues/test/subscriptions")
        .body(sample("subscription-create-request-mail.json"))
        .reply(201, sample("subscription-create-response.json"))
        .mount(&server)
        .await;
    Expect::new("POST", "queues/test/subscriptions")
        .body(sample("subscription-create-request-http.json"))
        .reply(201, sample("subscription-create-response.json"))
        .mount(&server)
        .await;
    let mail = subscriptions::CreateOpts::new("mailto:test@gmail.com")
        .ttl(3600)
        .option("from", "Jack")
        .option("subject", "Hello");
    let created = subscriptions::create(&c, "test", &mail)
        .await
        .extract()
        .unwrap();
    assert_eq!(created.subscription_id, "57692ab13990b48c644bb7e6");
    let http = subscriptions::CreateOpts::new("http://10.229.49.117:5679").ttl(3600);
    subscriptions::create(&c, "test", &http)
        .await
        .extract()
        .unwrap();
    assert!(
        subscriptions::create(&c, "test", &subscriptions::CreateOpts::new(" "))
            .await
            .err()
            .is_some()
    );
}

#[tokio::test]
async fn get_update_delete_confirm() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    let id = "576b54963990b48c644bb7e7";
    let rel = format!("queues/test/subscriptions/{id}");
    Expect::new("GET", &rel)
        .reply(200, sample("subscription-show-response.json"))
        .mount(&server)
        .await;
    Expect::new("PATCH", &rel)
        .body(sample("subscription-update-request.json"))
        .mount(&server)
        .await;
    Expect::new("DELETE", &rel).mount(&server).await;
    Expect::new("PUT", &format!("{rel}/confirm"))
        .body(sample("subscription-confirm-request.json"))
        .mount(&server)
        .await;
    let s = subscriptions::get(&c, "test", id).await.extract().unwrap();
    assert_eq!(s.source, "test");
    assert_eq!(s.age, 1632);
    assert_eq!(s.options["name"], "test");
    let upd: subscriptions::UpdateOpts =
        serde_json::from_value(sample("subscription-update-request.json")).unwrap();
    subscriptions::update(&c, "test", id, &upd)
        .await
        .ok()
        .unwrap();
    subscriptions::confirm(
        &c,
        "test",
        id,
        subscriptions::ConfirmOpts { confirmed: true },
    )
    .await
    .ok()
    .unwrap();
    subscriptions::delete(&c, "test", id).await.ok().unwrap();
    assert!(
        subscriptions::update(&c, "test", id, &Default::default())
            .await
            .err()
            .is_some()
    );
}
