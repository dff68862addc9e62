//! FWaaS v2: firewall rules, policies (with insert_rule/remove_rule) and groups against a
//! mock Neutron answering with the official samples.

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::fwaas::{groups, policies, rules};
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/firewall-v2";

#[tokio::test]
async fn rules_create_list_show_update_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/fwaas/firewall_rules"))
        .and(body_json(sample_json(&format!(
            "{S}/firewall-rule-create-request.json"
        ))))
        .respond_with(reply(S, 201, "firewall-rule-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = rules::CreateOpts::new("ALLOW_HTTP", rules::Action::Allow)
        .protocol(rules::Protocol::Tcp)
        .destination_port("80")
        .enabled(true);
    let created = rules::create(&client, &opts).await.extract().unwrap();
    assert_eq!(created.action, rules::Action::Deny);
    assert_eq!(created.ip_version, rules::IpVersion::V4);
    assert_eq!(created.protocol, None);
    assert!(created.firewall_policy_id.is_empty());

    Mock::given(method("GET"))
        .and(path("/network/v2.0/fwaas/firewall_rules"))
        .and(query_param("protocol", "tcp"))
        .respond_with(reply(S, 200, "firewall-rules-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let tcp = rules::ListOpts {
        protocol: Some(rules::Protocol::Tcp),
        ..rules::ListOpts::default()
    };
    let all = rules::list(&client, &tcp).all().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].destination_port.as_deref(), Some("80"));
    assert_eq!(
        all[0].firewall_policy_id,
        ["c69933c1-b472-44f9-8226-30dc4ffd454c"]
    );

    let id = "8722e0e0-9cc9-4490-9660-8c9a5732fbb0";
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/fwaas/firewall_rules/{id}")))
        .respond_with(reply(S, 200, "firewall-rule-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let shown = rules::get(&client, id).await.extract().unwrap();
    assert_eq!(
        (shown.name.as_str(), shown.protocol),
        ("ALLOW_HTTP", Some(rules::Protocol::Tcp))
    );

    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/fwaas/firewall_rules/{id}")))
        .and(body_json(sample_json(&format!(
            "{S}/firewall-rule-update-request.json"
        ))))
        .respond_with(reply(S, 200, "firewall-rule-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let updated = rules::update(&client, id, &rules::UpdateOpts::default().shared(true))
        .await
        .extract()
        .unwrap();
    assert!(updated.shared);

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/fwaas/firewall_rules/{id}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    rules::delete(&client, id).await.ok().unwrap();
}

#[tokio::test]
async fn bad_rule_options_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let bad = rules::CreateOpts::new("x", rules::Action::Allow).destination_port("70000");
    let err = rules::create(&client, &bad).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        count(&server, "POST", "/network/v2.0/fwaas/firewall_rules").await,
        0
    );
}

#[tokio::test]
async fn policies_crud_and_rule_insertion() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/fwaas/firewall_policies"))
        .and(body_json(sample_json(&format!(
            "{S}/firewall-policy-create-request.json"
        ))))
        .respond_with(reply(S, 201, "firewall-policy-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = policies::CreateOpts::new("test-policy")
        .firewall_rules(["8722e0e0-9cc9-4490-9660-8c9a5732fbb0"]);
    let policy = policies::create(&client, &opts).await.extract().unwrap();
    assert_eq!(policy.id, "c69933c1-b472-44f9-8226-30dc4ffd454c");
    assert!(!policy.audited);

    let id = policy.id.as_str();
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/fwaas/firewall_policies/{id}")))
        .respond_with(reply(S, 200, "firewall-policy-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        policies::get(&client, id)
            .await
            .extract()
            .unwrap()
            .firewall_rules
            .len(),
        1
    );

    Mock::given(method("GET"))
        .and(path("/network/v2.0/fwaas/firewall_policies"))
        .respond_with(reply(S, 200, "firewall-policies-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let all = policies::list(&client, &policies::ListOpts::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].name, "test-policy");

    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/fwaas/firewall_policies/{id}")))
        .and(body_json(sample_json(&format!(
            "{S}/firewall-policy-update-request.json"
        ))))
        .respond_with(reply(S, 200, "firewall-policy-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let update = policies::UpdateOpts::default().firewall_rules([
        "a08ef905-0ff6-4784-8374-175fffe7dade",
        "8722e0e0-9cc9-4490-9660-8c9a5732fbb0",
    ]);
    let updated = policies::update(&client, id, &update)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        updated.firewall_rules[0],
        "a08ef905-0ff6-4784-8374-175fffe7dade"
    );

    // insert_rule and remove_rule: bodies and answers without an envelope.
    Mock::given(method("PUT"))
        .and(path(format!(
            "/network/v2.0/fwaas/firewall_policies/{id}/insert_rule"
        )))
        .and(body_json(sample_json(&format!(
            "{S}/firewall-policy-insert-rule-request.json"
        ))))
        .respond_with(reply(S, 200, "firewall-policy-insert-rule-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let insert = policies::InsertRuleOpts::new("7bc34b8c-8d3b-4ada-a9c8-1f4c11c65692")
        .insert_after("a08ef905-0ff6-4784-8374-175fffe7dade")
        .insert_before("");
    let inserted = policies::insert_rule(&client, id, &insert)
        .await
        .extract()
        .unwrap();
    assert_eq!(inserted.name, "policy2");
    assert_eq!(
        inserted.firewall_rules,
        ["acbdfead-eca2-4456-838c-8b531e47b9c7"]
    );

    Mock::given(method("PUT"))
        .and(path(format!(
            "/network/v2.0/fwaas/firewall_policies/{id}/remove_rule"
        )))
        .and(body_json(sample_json(&format!(
            "{S}/firewall-policy-remove-rule-request.json"
        ))))
        .respond_with(reply(S, 200, "firewall-policy-remove-rule-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let removed = policies::remove_rule(&client, id, "7bc34b8c-8d3b-4ada-a9c8-1f4c11c65692")
        .await
        .extract()
        .unwrap();
    assert!(removed.firewall_rules.is_empty());

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/fwaas/firewall_policies/{id}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    policies::delete(&client, id).await.ok().unwrap();
}

#[tokio::test]
async fn groups_crud() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/fwaas/firewall_groups"))
        .and(body_json(sample_json(&format!(
            "{S}/firewall-group-create-request.json"
        ))))
        .respond_with(reply(S, 201, "firewall-group-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let mut opts = groups::CreateOpts::default()
        .admin_state_up(false)
        .egress_firewall_policy_id("14c9d3c1-b472-44f9-8226-30dc4ffd454c")
        .ingress_firewall_policy_id("c69933c1-b472-44f9-8226-30dc4ffd454c");
    opts.name = None;
    let group = groups::create(&client, &opts).await.extract().unwrap();
    assert_eq!(group.status, "PENDING_CREATE");
    assert_eq!(group.ports, ["650bfd2f-7766-4a0d-839f-218f33e16998"]);

    let id = "07411bda-0147-418b-af05-c8665630d937";
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/fwaas/firewall_groups/{id}")))
        .respond_with(reply(S, 200, "firewall-group-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let shown = groups::get(&client, id).await.extract().unwrap();
    assert_eq!(shown.status, "INACTIVE");
    assert_eq!(shown.ingress_firewall_policy_id, None);
    assert!(shown.ports.is_empty());

    Mock::given(method("GET"))
        .and(path("/network/v2.0/fwaas/firewall_groups"))
        .respond_with(reply(S, 200, "firewall-groups-list-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let all = groups::list(&client, &groups::ListOpts::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].status, "ACTIVE");

    let gid = "3b0ef8f4-82c7-44d4-a4fb-6177f9a21977";
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/fwaas/firewall_groups/{gid}")))
        .and(body_json(
            json!({"firewall_group": {"admin_state_up": false}}),
        ))
        .respond_with(reply(S, 200, "firewall-group-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let updated = groups::update(
        &client,
        gid,
        &groups::UpdateOpts::default().admin_state_up(false),
    )
    .await
    .extract()
    .unwrap();
    assert!(!updated.admin_state_up);

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/fwaas/firewall_groups/{gid}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    groups::delete(&client, gid).await.ok().unwrap();
}
