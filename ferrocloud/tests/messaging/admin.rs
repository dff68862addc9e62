//! Operators' resources: pools, flavors, health; and the versions at Zaqar's root.

use ferrocloud::openstack::messaging::v2::{flavors, health, pools, versions};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::{Expect, sample, zaqar};

#[tokio::test]
async fn pools_list_and_show() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("GET", "pools")
        .query(&[("marker", "test_pool2")])
        .reply(200, json!({"pools": [], "links": []}))
        .mount(&server)
        .await;
    Expect::new("GET", "pools")
        .query(&[("detailed", "true")])
        .reply(200, sample("pool-list-response-new.json"))
        .mount(&server)
        .await;
    Expect::new("GET", "pools/test_pool")
        .reply(200, sample("pool-show-response-new.json"))
        .mount(&server)
        .await;
    let opts = pools::ListOpts {
        detailed: Some(true),
        ..Default::default()
    };
    let all = pools::list(&c, &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].weight, 40);
    assert_eq!(all[0].flavor.as_deref(), Some("poolflavor"));
    let p = pools::get(&c, "test_pool").await.extract().unwrap();
    assert_eq!(p.uri, "mongodb://127.0.0.1:27017");
    assert_eq!(p.flavor.as_deref(), Some("testpoolflavor"));
}

#[tokio::test]
async fn pools_create_update_delete() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    let create = sample("pool-create-request-new.json");
    Expect::new("PUT", "pools/test_pool")
        .body(create.clone())
        .reply(201, json!(null))
        .mount(&server)
        .await;
    Expect::new("PATCH", "pools/test_pool")
        .body(sample("pool-update-request-new.json"))
        .reply(200, sample("pool-update-response-new.json"))
        .mount(&server)
        .await;
    Expect::new("DELETE", "pools/test_pool")
        .mount(&server)
        .await;
    let opts: pools::CreateOpts = serde_json::from_value(create).unwrap();
    pools::create(&c, "test_pool", &opts).await.ok().unwrap();
    let upd: pools::UpdateOpts =
        serde_json::from_value(sample("pool-update-request-new.json")).unwrap();
    let p = pools::update(&c, "test_pool", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(p.weight, 60);
    assert_eq!(p.flavor.as_deref(), Some("newpoolflavor"));
    pools::delete(&c, "test_pool").await.ok().unwrap();
    let secret = pools::CreateOpts::new(1, "mongodb://zaqar:pw123@db:27017");
    assert!(!format!("{secret:?}").contains("pw123"));
}

#[tokio::test]
async fn flavors_list_show() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("GET", "flavors")
        .query(&[("marker", "test_flavor2")])
        .reply(200, json!({"flavors": [], "links": []}))
        .mount(&server)
        .await;
    Expect::new("GET", "flavors")
        .reply(200, sample("flavor-list-response-new.json"))
        .mount(&server)
        .await;
    // The official show sample lacks a comma; the same answer, fixed.
    Expect::new("GET", "flavors/testflavor")
        .reply(
            200,
            json!({"href": "/v2/flavors/testflavor", "capabilities": ["FIFO", "CLAIMS"],
                   "pool_group": "", "pool_list": ["testpool1", "testpool2"], "name": "testflavor"}),
        )
        .mount(&server)
        .await;
    let all = flavors::list(&c, &Default::default()).all().await.unwrap();
    assert_eq!(all[0].name, "test_flavor1");
    assert_eq!(all[0].pool_list, ["testpool1", "testpool2"]);
    assert_eq!(all[1].pool_list, ["testpool3", "testpool4"]);
    let f = flavors::get(&c, "testflavor").await.extract().unwrap();
    assert_eq!(f.capabilities, ["FIFO", "CLAIMS"]);
    assert_eq!(f.pool_list, ["testpool1", "testpool2"]);
}

#[tokio::test]
async fn flavors_create_update_delete() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("PUT", "flavors/testflavor")
        .body(json!({"pool_list": ["testpool1", "testpool2"]}))
        .reply(201, json!(null))
        .mount(&server)
        .await;
    Expect::new("PATCH", "flavors/testflavor")
        .body(sample("flavor-update-request.json"))
        .reply(200, sample("flavor-update-response.json"))
        .mount(&server)
        .await;
    Expect::new("DELETE", "flavors/testflavor")
        .mount(&server)
        .await;
    let opts = flavors::CreateOpts::pools(["testpool1", "testpool2"]);
    flavors::create(&c, "testflavor", &opts).await.ok().unwrap();
    let upd = flavors::UpdateOpts {
        pool_group: Some("testgroup".into()),
        ..Default::default()
    };
    let f = flavors::update(&c, "testflavor", &upd)
        .await
        .extract()
        .unwrap();
    assert_eq!(f.pool_group.as_deref(), Some("testgroup"));
    assert_eq!(f.capabilities.len(), 5);
    flavors::delete(&c, "testflavor").await.ok().unwrap();
}

#[tokio::test]
async fn ping_and_health() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Expect::new("GET", "ping").mount(&server).await;
    Expect::new("GET", "health")
        .reply(200, sample("health-response.json"))
        .mount(&server)
        .await;
    health::ping(&c).await.ok().unwrap();
    let h = health::get(&c).await.extract().unwrap();
    assert!(h.catalog_reachable);
    let redis = &h.storage["redis"];
    assert!(redis.storage_reachable);
    assert!(redis.operation_status["post_messages"].succeeded);
    assert!(redis.operation_status["claim_messages"].seconds > 0.008);
}

#[tokio::test]
async fn versions_at_the_root() {
    let server = MockServer::start().await;
    let c = zaqar(&server).await;
    Mock::given(method("GET"))
        .and(path("/messaging/"))
        .respond_with(
            ResponseTemplate::new(300).set_body_json(sample("versions-list-response.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let v = versions::list(&c).await.extract().unwrap();
    assert_eq!(v[0].id, "2");
    assert_eq!(v[0].status, "CURRENT");
    assert_eq!(v[0].links[0].href, "/v2/");
}
