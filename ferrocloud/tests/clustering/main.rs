//! Clustering v1 resources against a mock Senlin: requests as sent, official samples as
//! answers. Senlin is retired upstream; these tests check the module against the
//! official samples, not a running Senlin.

#[path = "../common/mod.rs"]
mod common;

use std::time::Duration;

use ferrocloud::openstack::clustering::v1::{
    actions, build_info, cluster_policies, clusters, common as senlin, events, nodes, policies,
    policy_types, profile_types, profiles, receivers, services, versions, webhooks,
};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A clustering client of a mock Senlin (resources under `/clustering/v1/`).
async fn senlin(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_clustering_v1(&p, Default::default()).unwrap()
}

/// The sample `name` (under `clustering/api-ref/source/samples/`) as JSON.
fn sample(name: &str) -> Value {
    common::sample_json(&format!("clustering/api-ref/source/samples/{name}"))
}

/// One expected request under `/clustering/v1/`, and the answer to it.
struct Call {
    verb: &'static str,
    rel: String,
    query: Vec<(&'static str, String)>,
    no_query: Vec<&'static str>,
    version: Option<&'static str>,
    body: Option<Value>,
    status: u16,
    answer: Option<Value>,
    location: Option<String>,
}

fn call(verb: &'static str, rel: impl Into<String>) -> Call {
    Call {
        verb,
        rel: rel.into(),
        query: Vec::new(),
        no_query: Vec::new(),
        version: None,
        body: None,
        status: 200,
        answer: None,
        location: None,
    }
}

impl Call {
    fn query(mut self, k: &'static str, v: impl Into<String>) -> Self {
        self.query.push((k, v.into()));
        self
    }
    fn without(mut self, k: &'static str) -> Self {
        self.no_query.push(k);
        self
    }
    /// The microversion header it must carry.
    fn version(mut self, v: &'static str) -> Self {
        self.version = Some(v);
        self
    }
    /// The request body expected: a sample, with the keys it writes as `null` left out,
    /// as the SDK leaves out what is unset.
    fn body(mut self, mut b: Value) -> Self {
        drop_nulls(&mut b);
        self.body = Some(b);
        self
    }
    fn answer(mut self, status: u16, b: Option<Value>) -> Self {
        self.status = status;
        self.answer = b;
        self
    }
    /// Answers with `Location: /v1/actions/<action>`.
    fn action(mut self, action: &str) -> Self {
        self.location = Some(format!("/v1/actions/{action}"));
        self
    }
    async fn mount(self, server: &MockServer) {
        let mut m =
            Mock::given(method(self.verb)).and(path(format!("/clustering/v1/{}", self.rel)));
        for (k, v) in &self.query {
            m = m.and(query_param(*k, v.as_str()));
        }
        // A first page carries no marker (so that it does not answer the next page too).
        if self.verb == "GET" && !self.query.iter().any(|(k, _)| *k == "marker") {
            m = m.and(query_param_is_missing("marker"));
        }
        for k in &self.no_query {
            m = m.and(query_param_is_missing(*k));
        }
        if let Some(v) = self.version {
            m = m.and(header(
                "openstack-api-version",
                format!("clustering {v}").as_str(),
            ));
        }
        if let Some(b) = self.body {
            m = m.and(body_json(b));
        }
        let mut reply = ResponseTemplate::new(self.status);
        if let Some(b) = self.answer {
            reply = reply.set_body_json(b);
        }
        if let Some(l) = self.location {
            reply = reply.insert_header("location", l.as_str());
        }
        m.respond_with(reply).expect(1).mount(server).await;
    }
}

/// The sample's inner object, under `key`.
fn inner(v: &Value, key: &str) -> Value {
    v[key].clone()
}

/// Fast polls for the waiters.
fn quick() -> ferrocloud::wait::WaitOpts {
    ferrocloud::wait::WaitOpts {
        timeout: Duration::from_secs(5),
        interval: Duration::from_millis(10),
        max_interval: Duration::from_millis(20),
        backoff: 1.0,
    }
}

const PROFILE: &str = "17151d8a-f46f-4541-bde0-db3b207c20d2";
const CLUSTER: &str = "45edadcb-c73b-4920-87e1-518b2f29f54b";
const NODE: &str = "d5779bb0-f0a0-49c9-88cc-6f078adb5a0b";
const ACTION: &str = "2a0ff107-e789-4660-a122-3816c43af703";

#[tokio::test]
async fn profiles_crud_and_validate() {
    let server = MockServer::start().await;
    let c = senlin(&server).await.with_microversion("1.2");
    let list = sample("profile-list-response.json");
    let last = list["profiles"][0]["id"].as_str().unwrap().to_string();
    call("GET", "profiles")
        .query("type", "os.nova.server-1.0")
        .query("limit", "1")
        .answer(200, Some(list))
        .mount(&server)
        .await;
    call("GET", "profiles")
        .query("marker", last)
        .answer(200, Some(json!({"profiles": []})))
        .mount(&server)
        .await;
    call("POST", "profiles")
        .version("1.2")
        .body(sample("profile-create-request.json"))
        .answer(201, Some(sample("profile-create-response.json")))
        .mount(&server)
        .await;
    call("GET", format!("profiles/{PROFILE}"))
        .answer(200, Some(sample("profile-show-response.json")))
        .mount(&server)
        .await;
    call("PATCH", format!("profiles/{PROFILE}"))
        .body(sample("profile-update-request.json"))
        .answer(200, Some(sample("profile-update-response.json")))
        .mount(&server)
        .await;
    call("DELETE", format!("profiles/{PROFILE}"))
        .answer(204, None)
        .mount(&server)
        .await;
    call("POST", "profiles/validate")
        .version("1.2")
        .body(sample("profile-validate-request.json"))
        .answer(200, Some(sample("profile-validate-response.json")))
        .mount(&server)
        .await;

    let opts = profiles::ListOpts {
        profile_type: Some("os.nova.server-1.0".into()),
        paging: senlin::Paging {
            limit: Some(1),
            ..Default::default()
        },
        ..Default::default()
    };
    let all = profiles::list(&c, &opts).all().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].name, "pserver");
    // The spec is kept as sent, numbers and all.
    assert_eq!(all[0].spec["properties"]["flavor"], 1);

    let req = sample("profile-create-request.json");
    let mut create = profiles::CreateOpts::new("test-profile", req["profile"]["spec"].clone());
    create.metadata = Some(Default::default());
    let p = profiles::create(&c, &create).await.extract().unwrap();
    assert_eq!(p.id, "1d85fc39-7d9a-4f64-9751-b127ef554923");
    assert_eq!(p.profile_type, "os.nova.server-1.0");
    assert_eq!(p.spec, req["profile"]["spec"]);
    assert!(p.record.domain.is_none());

    let p = profiles::get(&c, PROFILE).await.extract().unwrap();
    assert_eq!(p.name, "PF20");
    let upd = profiles::UpdateOpts {
        name: Some("new-name".into()),
        metadata: Some([("key".to_string(), json!("value"))].into()),
    };
    let p = profiles::update(&c, PROFILE, &upd).await.extract().unwrap();
    assert_eq!(p.metadata["key"], "value");
    assert!(p.record.updated_at.is_some());
    profiles::delete(&c, PROFILE).await.ok().unwrap();

    let v = senlin::ValidateOpts {
        spec: sample("profile-validate-request.json")["profile"]["spec"].clone(),
    };
    let p = profiles::validate(&c, &v).await.extract().unwrap();
    assert_eq!(p.name, "validated_profile");
    assert!(p.id.is_empty() && p.record.created_at.is_none() && p.metadata.is_empty());
    // Validation needs 1.2: refused before sending at the base version.
    let base = senlin(&server).await;
    assert!(profiles::validate(&base, &v).await.err().is_some());
    // An update that changes nothing is refused before sending.
    let none = profiles::update(&c, PROFILE, &Default::default()).await;
    assert!(none.err().is_some());
}

#[tokio::test]
async fn policies_crud_and_validate() {
    let server = MockServer::start().await;
    let c = senlin(&server).await.with_microversion("1.2");
    let id = "02f62195-2198-4797-b0a9-877632208527";
    call("GET", "policies")
        .query("name", "test_policy_1")
        .query("global_project", "true")
        .answer(200, Some(sample("policy-list-response.json")))
        .mount(&server)
        .await;
    call("GET", "policies")
        .query("marker", "7192d8df-73be-4e98-ab99-1cf6d5066729")
        .answer(200, Some(json!({"policies": []})))
        .mount(&server)
        .await;
    call("POST", "policies")
        .body(sample("policy-create-request.json"))
        .answer(201, Some(sample("policy-create-response.json")))
        .mount(&server)
        .await;
    call("GET", format!("policies/{id}"))
        .answer(200, Some(sample("policy-show-response.json")))
        .mount(&server)
        .await;
    call("PATCH", format!("policies/{id}"))
        .body(sample("policy-update-request.json"))
        .answer(200, Some(sample("policy-update-response.json")))
        .mount(&server)
        .await;
    call("DELETE", format!("policies/{id}"))
        .answer(204, None)
        .mount(&server)
        .await;
    call("POST", "policies/validate")
        .version("1.2")
        .body(sample("policy-validate-request.json"))
        .answer(200, Some(sample("policy-validate-response.json")))
        .mount(&server)
        .await;

    let opts = policies::ListOpts {
        name: Some("test_policy_1".into()),
        paging: senlin::Paging {
            global_project: Some(true),
            ..Default::default()
        },
        ..Default::default()
    };
    let all = policies::list(&c, &opts).all().await.unwrap();
    assert_eq!(all[0].policy_type, "senlin.policy.deletion-1.0");
    assert_eq!(all[0].spec["properties"]["criteria"], "OLDEST_FIRST");
    assert!(all[0].record.created_at.is_some());

    let spec = sample("policy-create-request.json")["policy"]["spec"].clone();
    let p = policies::create(&c, &policies::CreateOpts::new("sp001", spec))
        .await
        .extract()
        .unwrap();
    assert_eq!(p.id, id);
    assert_eq!(p.spec["properties"]["adjustment"]["best_effort"], true);
    let p = policies::get(&c, id).await.extract().unwrap();
    assert_eq!(p.record.user, "5e5bf8027826429c96af157f68dc9072");
    let upd = policies::UpdateOpts {
        name: "new_name".into(),
    };
    let p = policies::update(&c, id, &upd).await.extract().unwrap();
    assert_eq!(p.name, "dp01", "the answer of the sample");
    policies::delete(&c, id).await.ok().unwrap();
    let v = senlin::ValidateOpts {
        spec: sample("policy-validate-request.json")["policy"]["spec"].clone(),
    };
    let p = policies::validate(&c, &v).await.extract().unwrap();
    assert_eq!((p.id.as_str(), p.name.as_str()), ("", "validated_policy"));
}

#[tokio::test]
async fn clusters_crud_with_actions() {
    let server = MockServer::start().await;
    let c = senlin(&server).await.with_microversion("1.8");
    call("GET", "clusters")
        .query("status", "ACTIVE")
        .query("sort", "name:asc")
        .answer(200, Some(sample("clusters-list-response.json")))
        .mount(&server)
        .await;
    call("GET", "clusters")
        .query("marker", "7d85f602-a948-4a30-afd4-e84f47471c15")
        .answer(200, Some(json!({"clusters": []})))
        .mount(&server)
        .await;
    call("POST", "clusters")
        .body(sample("cluster-create-request.json"))
        .answer(202, Some(sample("cluster-create-response.json")))
        .action("a1")
        .mount(&server)
        .await;
    call("GET", format!("clusters/{CLUSTER}"))
        .answer(200, Some(sample("cluster-show-response.json")))
        .mount(&server)
        .await;
    call("PATCH", format!("clusters/{CLUSTER}"))
        .version("1.8")
        .body(sample("cluster-update-request.json"))
        .answer(202, Some(sample("cluster-update-response.json")))
        .action("a2")
        .mount(&server)
        .await;
    call("DELETE", format!("clusters/{CLUSTER}"))
        .query("force", "true")
        .answer(202, None)
        .action("a3")
        .mount(&server)
        .await;

    let opts = clusters::ListOpts {
        status: Some("ACTIVE".into()),
        paging: senlin::Paging {
            sort: Some("name:asc".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    let all = clusters::list(&c, &opts).all().await.unwrap();
    assert_eq!(all[0].name, "cluster1");
    assert_eq!(all[0].nodes.len(), 3);
    assert_eq!(all[0].status, clusters::ClusterStatus::Active);

    let mut create = clusters::CreateOpts::new("test_cluster", "mystack", 0);
    create.max_size = Some(-1);
    create.min_size = Some(0);
    create.metadata = Some(Default::default());
    create.config = Some(Default::default());
    let started = clusters::create(&c, &create).await.unwrap();
    assert_eq!(started.action, "a1");
    assert_eq!(started.value.status, clusters::ClusterStatus::Init);
    assert_eq!(started.value.desired_capacity, 4);
    assert!(started.value.record.created_at.is_none() && started.value.init_at.is_some());

    let got = clusters::get(&c, CLUSTER).await.extract().unwrap();
    assert_eq!(got.profile_name, "mystack");
    assert_eq!(got.timeout, Some(3600));

    let upd = clusters::UpdateOpts {
        timeout: Some(30),
        profile_only: Some(true),
        ..Default::default()
    };
    let started = clusters::update(&c, CLUSTER, &upd).await.unwrap();
    assert_eq!(
        (started.action.as_str(), &started.value.status),
        ("a2", &clusters::ClusterStatus::Updating)
    );
    assert_eq!(clusters::delete(&c, CLUSTER, true).await.unwrap(), "a3");

    // `profile_only` needs 1.6 and `force` 1.8: refused before sending.
    let base = senlin(&server).await;
    assert!(clusters::update(&base, CLUSTER, &upd).await.is_err());
    assert!(clusters::delete(&base, CLUSTER, true).await.is_err());
}

#[tokio::test]
async fn cluster_actions_send_the_samples() {
    let server = MockServer::start().await;
    let c = senlin(&server).await.with_microversion("1.9");
    let rel = format!("clusters/{CLUSTER}/actions");
    let answer = sample("cluster-action-response.json");
    for name in [
        "cluster-resize-request.json",
        "cluster-scale-in-request.json",
        "cluster-scale-out-request.json",
        "cluster-add-nodes-request.json",
        "cluster-del-nodes-request.json",
        "cluster-replace-nodes-request.json",
        "cluster-attach-policy-request.json",
        "cluster-detach-policy-request.json",
        "cluster-check-request.json",
        "cluster-recover-request.json",
        "cluster-complete-lifecycle-request.json",
    ] {
        call("POST", rel.clone())
            .version("1.9")
            .body(sample(name))
            .answer(202, Some(answer.clone()))
            .action(ACTION)
            .mount(&server)
            .await;
    }
    // Senlin serves the policy update as `policy_update` (the sample writes
    // `update_policy`).
    let update = sample("cluster-update-policy-request.json");
    call("POST", rel.clone())
        .body(json!({"policy_update": inner(&update, "update_policy")}))
        .answer(202, Some(answer.clone()))
        .mount(&server)
        .await;
    call("POST", format!("clusters/{CLUSTER}/ops"))
        .version("1.9")
        .body(sample("cluster-operation-request.json"))
        .answer(202, Some(answer.clone()))
        .mount(&server)
        .await;
    call("GET", format!("clusters/{CLUSTER}/attrs/details.ip"))
        .version("1.9")
        .answer(200, Some(sample("cluster-attrs-list-response.json")))
        .mount(&server)
        .await;

    let resize = clusters::ResizeOpts {
        adjustment_type: Some(clusters::AdjustmentType::ChangeInCapacity),
        number: Some((-2).into()),
        min_size: Some(1),
        max_size: Some(5),
        strict: Some(true),
        ..Default::default()
    };
    let mut ids = vec![
        clusters::resize(&c, CLUSTER, &resize).await.unwrap(),
        clusters::scale_in(&c, CLUSTER, Some(2)).await.unwrap(),
        clusters::scale_out(&c, CLUSTER, Some(2)).await.unwrap(),
    ];
    let add = clusters::AddNodesOpts {
        nodes: vec!["node-1234".into(), "node-5678".into()],
    };
    ids.push(clusters::add_nodes(&c, CLUSTER, &add).await.unwrap());
    let del = clusters::DelNodesOpts {
        nodes: vec!["aff0135".into(), "e28a207".into()],
        destroy_after_deletion: Some(false),
    };
    ids.push(clusters::del_nodes(&c, CLUSTER, &del).await.unwrap());
    let replace = clusters::ReplaceNodesOpts {
        nodes: [("node-1234".to_string(), "node-5678".to_string())].into(),
    };
    ids.push(
        clusters::replace_nodes(&c, CLUSTER, &replace)
            .await
            .unwrap(),
    );
    let attach = clusters::PolicyOpts {
        policy_id: "dp01".into(),
        enabled: Some(false),
    };
    ids.push(clusters::attach_policy(&c, CLUSTER, &attach).await.unwrap());
    ids.push(
        clusters::detach_policy(&c, CLUSTER, "5630fb31")
            .await
            .unwrap(),
    );
    ids.push(
        clusters::check(&c, CLUSTER, &Default::default())
            .await
            .unwrap(),
    );
    let recover = clusters::RecoverOpts {
        operation: Some("reboot".into()),
        operation_params: Some([("type".to_string(), json!("soft"))].into()),
        check: Some(false),
    };
    ids.push(clusters::recover(&c, CLUSTER, &recover).await.unwrap());
    ids.push(
        clusters::complete_lifecycle(&c, CLUSTER, "ffbb9175-d510-4bc1-b676-c6aba2a4ca81")
            .await
            .unwrap(),
    );
    ids.push(clusters::update_policy(&c, CLUSTER, &attach).await.unwrap());
    let args = clusters::OperationArgs {
        filters: [("role".to_string(), json!("slave"))].into(),
        params: [("type".to_string(), json!("soft"))].into(),
    };
    ids.push(
        clusters::operation(&c, CLUSTER, "reboot", &args)
            .await
            .unwrap(),
    );
    assert_eq!(ids.len(), 13);
    assert!(ids.iter().all(|id| id == ACTION));

    let attrs = clusters::collect(&c, CLUSTER, "details.ip")
        .all()
        .await
        .unwrap();
    assert_eq!(attrs.len(), 3);
    assert_eq!(attrs[0].id, "28b1771d-5aaf-4692-b701-fd216b4fd9e9");
    assert_eq!(attrs[0].value, "10.0.0.12");
}

#[tokio::test]
async fn cluster_actions_check_microversions_and_inputs() {
    let server = MockServer::start().await;
    let base = senlin(&server).await;
    let replace = clusters::ReplaceNodesOpts {
        nodes: [("a".to_string(), "b".to_string())].into(),
    };
    assert!(
        clusters::replace_nodes(&base, CLUSTER, &replace)
            .await
            .is_err()
    );
    assert!(
        clusters::complete_lifecycle(&base, CLUSTER, "t")
            .await
            .is_err()
    );
    let recover = clusters::RecoverOpts {
        check: Some(true),
        ..Default::default()
    };
    assert!(clusters::recover(&base, CLUSTER, &recover).await.is_err());
    let del = clusters::DelNodesOpts {
        nodes: vec!["n".into()],
        destroy_after_deletion: Some(true),
    };
    assert!(clusters::del_nodes(&base, CLUSTER, &del).await.is_err());
    assert!(
        clusters::collect(&base, CLUSTER, "details")
            .all()
            .await
            .is_err()
    );
    // A resize needs a type with its number.
    let half = clusters::ResizeOpts {
        number: Some(2.into()),
        ..Default::default()
    };
    assert!(clusters::resize(&base, CLUSTER, &half).await.is_err());
    assert!(
        clusters::add_nodes(&base, CLUSTER, &Default::default())
            .await
            .is_err()
    );
    // Nothing was sent.
    assert!(
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|r| { !r.url.path().starts_with("/clustering/") })
    );
}

#[tokio::test]
async fn action_ids_come_from_the_location_or_the_body() {
    let server = MockServer::start().await;
    let c = senlin(&server).await.with_microversion("1.4");
    // Senlin's node operation answers with the Location header only.
    call("POST", format!("nodes/{NODE}/ops"))
        .body(sample("node-operation-request.json"))
        .answer(202, Some(json!({})))
        .action("from-location")
        .mount(&server)
        .await;
    // An answer that names no action is a decode error, not a panic.
    call("POST", format!("nodes/{NODE}/actions"))
        .body(json!({"check": {}}))
        .answer(202, Some(json!({})))
        .mount(&server)
        .await;
    let params = [("type".to_string(), json!("SOFT"))].into();
    let id = nodes::operation(&c, NODE, "reboot", &params).await.unwrap();
    assert_eq!(id, "from-location");
    let e = nodes::check(&c, NODE, &Default::default())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ferrocloud::ErrorKind::Decode);
}

#[tokio::test]
async fn cluster_policies_list_and_show() {
    let server = MockServer::start().await;
    let c = senlin(&server).await;
    let cid = "7d85f602-a948-4a30-afd4-e84f47471c15";
    call("GET", format!("clusters/{cid}/policies"))
        .query("enabled", "true")
        .query("policy_type", "senlin.policy.deletion-1.0")
        .answer(200, Some(sample("cluster-policies-list-response.json")))
        .mount(&server)
        .await;
    call("GET", format!("clusters/{cid}/policies/dp01"))
        .answer(200, Some(sample("cluster-policy-show-response.json")))
        .mount(&server)
        .await;
    let opts = cluster_policies::ListOpts {
        enabled: Some(true),
        policy_type: Some("senlin.policy.deletion-1.0".into()),
        ..Default::default()
    };
    let all = cluster_policies::list(&c, cid, &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].policy_name, "sp1");
    let one = cluster_policies::get(&c, cid, "dp01")
        .await
        .extract()
        .unwrap();
    assert_eq!(one.policy_id, "714fe676-a08f-4196-b7af-61d52eeded15");
    assert!(one.enabled);
}

#[tokio::test]
async fn nodes_crud_adopt_and_actions() {
    let server = MockServer::start().await;
    let c = senlin(&server).await.with_microversion("1.7");
    call("GET", "nodes")
        .query("cluster_id", "e395be1e")
        .answer(200, Some(sample("node-list-response.json")))
        .mount(&server)
        .await;
    call("GET", "nodes")
        .query("marker", "82fe28e0-9fcb-42ca-a2fa-6eb7dddd75a1")
        .answer(200, Some(json!({"nodes": []})))
        .mount(&server)
        .await;
    call("POST", "nodes")
        .body(sample("node-create-request.json"))
        .answer(202, Some(sample("node-create-response.json")))
        .action("n1")
        .mount(&server)
        .await;
    call("GET", format!("nodes/{NODE}"))
        .without("show_details")
        .answer(200, Some(sample("node-show-response.json")))
        .mount(&server)
        .await;
    let mut detailed = sample("node-show-response.json");
    detailed["node"]["details"] = json!({"flavor": "m1.small"});
    call("GET", format!("nodes/{NODE}"))
        .query("show_details", "true")
        .answer(200, Some(detailed))
        .mount(&server)
        .await;
    call("PATCH", format!("nodes/{NODE}"))
        .body(sample("node-update-request.json"))
        .answer(202, Some(sample("node-show-response.json")))
        .action("n2")
        .mount(&server)
        .await;
    call("DELETE", format!("nodes/{NODE}"))
        .without("force")
        .answer(202, None)
        .action("n3")
        .mount(&server)
        .await;
    call("POST", "nodes/adopt")
        .version("1.7")
        .body(sample("node-adopt-request.json"))
        .answer(200, Some(sample("node-adopt-response.json")))
        .mount(&server)
        .await;
    call("POST", "nodes/adopt-preview")
        .version("1.7")
        .body(sample("node-adopt-preview-request.json"))
        .answer(200, Some(sample("node-adopt-preview-response.json")))
        .mount(&server)
        .await;
    let answer = sample("node-action-response.json");
    for name in ["node-check-request.json", "node-recover-request.json"] {
        call("POST", format!("nodes/{NODE}/actions"))
            .body(sample(name))
            .answer(202, Some(answer.clone()))
            .mount(&server)
            .await;
    }
    call("POST", format!("nodes/{NODE}/ops"))
        .version("1.7")
        .body(sample("node-operation-request.json"))
        .answer(202, Some(answer.clone()))
        .mount(&server)
        .await;

    let opts = nodes::ListOpts {
        cluster_id: Some("e395be1e".into()),
        ..Default::default()
    };
    let all = nodes::list(&c, &opts).all().await.unwrap();
    assert_eq!(all[0].index, 2);
    // The list sample writes `project_id`.
    assert_eq!(all[0].record.project, "eee0b7c083e84501bdd50fb269d2a10e");
    assert_eq!(all[0].role.as_deref(), Some(""));

    let mut create = nodes::CreateOpts::new("node009", "mystack");
    create.role = Some("master".into());
    create.metadata = Some(Default::default());
    let started = nodes::create(&c, &create).await.unwrap();
    assert_eq!(started.action, "n1");
    assert_eq!(started.value.status, nodes::NodeStatus::Init);
    assert_eq!(started.value.physical_id.as_deref(), Some(""));

    let n = nodes::get(&c, NODE).await.extract().unwrap();
    assert!(n.role.is_none() && n.cluster_id.is_none() && n.details.is_none());
    let n = nodes::get_details(&c, NODE).await.extract().unwrap();
    assert_eq!(n.details.unwrap()["flavor"], "m1.small");
    let upd = nodes::UpdateOpts {
        name: Some("new_node_name".into()),
        ..Default::default()
    };
    let started = nodes::update(&c, NODE, &upd).await.unwrap();
    assert_eq!(started.action, "n2");
    assert_eq!(nodes::delete(&c, NODE, false).await.unwrap(), "n3");

    let mut adopt = nodes::AdoptOpts::new(nodes::AdoptPreviewOpts {
        snapshot: Some(true),
        ..nodes::AdoptPreviewOpts::new("65e27958-d6dc-4b0e-87bf-78e8f5536cbc", "os.nova.server-1.0")
    });
    adopt.name = Some("node009".into());
    adopt.role = Some("master".into());
    adopt.metadata = Some(Default::default());
    let n = nodes::adopt(&c, &adopt).await.extract().unwrap();
    assert_eq!(n.status, nodes::NodeStatus::Active);
    assert_eq!(
        n.physical_id.as_deref(),
        Some("65e27958-d6dc-4b0e-87bf-78e8f5536cbc")
    );
    let preview = nodes::adopt_preview(&c, &adopt.object)
        .await
        .extract()
        .unwrap();
    assert_eq!(preview.node_preview.profile_type, "os.nova.server");
    assert_eq!(preview.node_preview.properties["flavor"], "m1.small");

    let check = nodes::check(&c, NODE, &Default::default()).await.unwrap();
    assert_eq!(check, "7f760b61-7b15-4a50-af05-319922fa3229");
    let recover = clusters::RecoverOpts {
        operation: Some("reboot".into()),
        operation_params: Some([("type".to_string(), json!("soft"))].into()),
        check: Some(false),
    };
    nodes::recover(&c, NODE, &recover).await.unwrap();
    let params = [("type".to_string(), json!("SOFT"))].into();
    nodes::operation(&c, NODE, "reboot", &params).await.unwrap();

    // Adoption needs 1.7, `force` 1.8: refused before sending.
    let base = senlin(&server).await;
    assert!(nodes::adopt(&base, &adopt).await.err().is_some());
    assert!(nodes::delete(&c, NODE, true).await.is_err());
}

#[tokio::test]
async fn adopt_preview_reads_the_engine_key_too() {
    let server = MockServer::start().await;
    let c = senlin(&server).await.with_microversion("1.7");
    let mut answer = sample("node-adopt-preview-response.json");
    let spec = answer["node_preview"].take();
    call("POST", "nodes/adopt-preview")
        .answer(200, Some(json!({"node_profile": spec})))
        .mount(&server)
        .await;
    let opts = nodes::AdoptPreviewOpts::new("65e27958", "os.nova.server-1.0");
    let preview = nodes::adopt_preview(&c, &opts).await.extract().unwrap();
    assert_eq!(preview.node_preview.version, 1.0);
}

#[tokio::test]
async fn receivers_crud_and_notify() {
    let server = MockServer::start().await;
    let c = senlin(&server).await.with_microversion("1.7");
    let id = "573aa1ba-bf45-49fd-907d-6b5d6e6adfd3";
    call("GET", "receivers")
        .query("type", "webhook")
        .query("limit", "1")
        .answer(200, Some(sample("receivers-list-response.json")))
        .mount(&server)
        .await;
    call("GET", "receivers")
        .query("marker", id)
        .answer(200, Some(json!({"receivers": []})))
        .mount(&server)
        .await;
    call("POST", "receivers")
        .body(sample("receiver-create-request.json"))
        .answer(201, Some(sample("receiver-create-response.json")))
        .mount(&server)
        .await;
    call("GET", format!("receivers/{id}"))
        .answer(200, Some(sample("receiver-show-response.json")))
        .mount(&server)
        .await;
    call("PATCH", format!("receivers/{id}"))
        .version("1.7")
        .body(sample("receiver-update-request.json"))
        .answer(200, Some(sample("receiver-update-response.json")))
        .mount(&server)
        .await;
    call("DELETE", format!("receivers/{id}"))
        .answer(204, None)
        .mount(&server)
        .await;
    call("POST", format!("receivers/{id}/notify"))
        .answer(204, None)
        .mount(&server)
        .await;

    let opts = receivers::ListOpts {
        receiver_type: Some(receivers::ReceiverType::Webhook),
        paging: senlin::Paging {
            limit: Some(1),
            ..Default::default()
        },
        ..Default::default()
    };
    let all = receivers::list(&c, &opts).all().await.unwrap();
    assert_eq!(all[0].name, "cluster_inflate");
    let mut create =
        receivers::CreateOpts::new("cluster_inflate", receivers::ReceiverType::Webhook);
    create.cluster_id = Some("cf99d754-3cdc-47f4-8a29-cd14f02f5436".into());
    create.action = Some("CLUSTER_SCALE_OUT".into());
    create.params = Some([("count".to_string(), json!("1"))].into());
    let r = receivers::create(&c, &create).await.extract().unwrap();
    assert!(
        r.channel["alarm_url"]
            .as_str()
            .unwrap()
            .contains("/v1/webhooks/e03dd2e5")
    );
    assert_eq!(r.actor["trust_id"][0], "6dc6d336e3fc4c0a951b5698cd1236d9");
    let r = receivers::get(&c, id).await.extract().unwrap();
    assert_eq!(r.record.domain.as_deref(), Some("Default"));
    let upd = receivers::UpdateOpts {
        name: Some("new-name".into()),
        action: Some("CLUSTER_SCALE_OUT".into()),
        params: Some([("count".to_string(), json!("2"))].into()),
    };
    let r = receivers::update(&c, id, &upd).await.extract().unwrap();
    assert_eq!(r.params["count"], "2");
    receivers::delete(&c, id).await.ok().unwrap();
    receivers::notify(&c, id).await.ok().unwrap();
    // A webhook receiver without its cluster is refused before sending.
    let bare = receivers::CreateOpts::new("r", receivers::ReceiverType::Webhook);
    assert!(receivers::create(&c, &bare).await.err().is_some());
}

#[tokio::test]
async fn events_list_and_show() {
    let server = MockServer::start().await;
    let c = senlin(&server).await;
    let id = "2d255b9c-8f36-41a2-a137-c0175ccc29c3";
    call("GET", "events")
        .query("otype", "NODE")
        .query("level", "20")
        .answer(200, Some(sample("events-list-response.json")))
        .mount(&server)
        .await;
    call("GET", "events")
        .query("marker", id)
        .answer(200, Some(json!({"events": []})))
        .mount(&server)
        .await;
    call("GET", format!("events/{id}"))
        .answer(200, Some(sample("event-show-response.json")))
        .mount(&server)
        .await;
    let opts = events::ListOpts {
        otype: Some("NODE".into()),
        level: Some("20".into()),
        ..Default::default()
    };
    let all = events::list(&c, &opts).all().await.unwrap();
    assert_eq!(all[0].oname, "node009");
    let e = events::get(&c, id).await.extract().unwrap();
    assert_eq!((e.level.as_str(), e.status.as_str()), ("20", "CREATING"));
    assert!(e.cluster_id.is_none());
    // A numeric level reads as text.
    let mut numeric = sample("event-show-response.json");
    numeric["event"]["level"] = json!(40);
    let e: events::Event = serde_json::from_value(numeric["event"].clone()).unwrap();
    assert_eq!(e.level, "40");
}

#[tokio::test]
async fn actions_list_show_cancel_and_wait() {
    let server = MockServer::start().await;
    let c = senlin(&server).await.with_microversion("1.12");
    let failed = "ffbb9175-d510-4bc1-b676-c6aba2a4ca81";
    call("GET", "actions")
        .query("status", "SUCCEEDED")
        .answer(200, Some(sample("actions-list-response.json")))
        .mount(&server)
        .await;
    call("GET", "actions")
        .query("marker", "edce3528-864f-41fb-8759-f4707925cc09")
        .answer(200, Some(json!({"actions": []})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/clustering/v1/actions/{failed}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(sample("action-get-response.json")))
        .expect(2)
        .mount(&server)
        .await;
    call("PATCH", format!("actions/{failed}"))
        .version("1.12")
        .query("force", "true")
        .body(json!({"action": {"status": "CANCELLED"}}))
        .answer(202, None)
        .mount(&server)
        .await;
    let mut running = sample("action-get-response.json");
    running["action"]["status"] = json!("RUNNING");
    running["action"]["id"] = json!(ACTION);
    let mut done = running.clone();
    done["action"]["status"] = json!("SUCCEEDED");
    Mock::given(method("GET"))
        .and(path(format!("/clustering/v1/actions/{ACTION}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(running))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/clustering/v1/actions/{ACTION}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(done))
        .expect(1)
        .mount(&server)
        .await;

    let opts = actions::ListOpts {
        status: Some("SUCCEEDED".into()),
        ..Default::default()
    };
    let all = actions::list(&c, &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].action, "NODE_DELETE");
    assert_eq!(all[0].start_time, Some(1425550000.0));

    let a = actions::get(&c, failed).await.extract().unwrap();
    assert_eq!(a.status, actions::ActionStatus::Failed);
    assert_eq!(a.interval, -1);
    assert!(a.owner.is_none());
    let cancel = actions::UpdateOpts {
        status: actions::ActionStatus::Cancelled,
    };
    actions::update(&c, failed, &cancel, true)
        .await
        .ok()
        .unwrap();

    // A failed action ends the wait with its reason.
    let e = actions::wait_for_success(&c, failed, &quick())
        .await
        .unwrap_err();
    assert!(e.to_string().contains("Cluster action FAILED"), "{e}");
    let ok = actions::wait_for_success(&c, ACTION, &quick())
        .await
        .unwrap();
    assert_eq!(ok.status, actions::ActionStatus::Succeeded);
    // Cancelling needs 1.12.
    let base = senlin(&server).await;
    assert!(
        actions::update(&base, failed, &cancel, false)
            .await
            .err()
            .is_some()
    );
}

#[tokio::test]
async fn cluster_and_node_waiters() {
    let server = MockServer::start().await;
    let c = senlin(&server).await;
    let mut creating = sample("cluster-show-response.json");
    creating["cluster"]["status"] = json!("CREATING");
    Mock::given(method("GET"))
        .and(path(format!("/clustering/v1/clusters/{CLUSTER}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(creating))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    call("GET", format!("clusters/{CLUSTER}"))
        .answer(200, Some(sample("cluster-show-response.json")))
        .mount(&server)
        .await;
    let mut broken = sample("node-show-response.json");
    broken["node"]["status"] = json!("ERROR");
    broken["node"]["status_reason"] = json!("Server went away");
    call("GET", format!("nodes/{NODE}"))
        .answer(200, Some(broken))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/clustering/v1/nodes/gone"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"error": {"code": 404,
            "message": "The node 'gone' could not be found.", "type": "ResourceNotFound"}})),
        )
        .expect(1)
        .mount(&server)
        .await;

    let cl = clusters::wait_for_active(&c, CLUSTER, &quick())
        .await
        .unwrap();
    assert_eq!(cl.status, clusters::ClusterStatus::Active);
    let e = nodes::wait_for_active(&c, NODE, &quick())
        .await
        .unwrap_err();
    assert!(e.to_string().contains("Server went away"), "{e}");
    nodes::wait_for_deletion(&c, "gone", &quick())
        .await
        .unwrap();
}

#[tokio::test]
async fn profile_and_policy_types() {
    let server = MockServer::start().await;
    let c = senlin(&server).await.with_microversion("1.5");
    let profile_type = "os.heat.stack-1.0";
    call("GET", "profile-types")
        .version("1.5")
        .answer(200, Some(sample("profile-types-list-response-v1.5.json")))
        .mount(&server)
        .await;
    call("GET", format!("profile-types/{profile_type}"))
        .answer(200, Some(sample("profile-type-show-response-v1.5.json")))
        .mount(&server)
        .await;
    call("GET", "profile-types/os.nova.server-1.0/ops")
        .version("1.5")
        .answer(200, Some(sample("profile-type-ops-response.json")))
        .mount(&server)
        .await;
    call("GET", "policy-types")
        .answer(200, Some(sample("policy-types-list-response.json")))
        .mount(&server)
        .await;
    call("GET", "policy-types/senlin.policy.affinity-1.0")
        .answer(200, Some(sample("policy-type-show-response-v1.5.json")))
        .mount(&server)
        .await;

    let all = profile_types::list(&c).all().await.unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].version.as_deref(), Some("1.0"));
    assert_eq!(all[0].support_status["1.0"][0].status, "EXPERIMENTAL");
    let t = profile_types::get(&c, profile_type)
        .await
        .extract()
        .unwrap();
    assert_eq!(t.schema["template_url"]["type"], "String");
    assert_eq!(t.support_status["1.0"][0].since, "2016.04");
    let ops = profile_types::operations(&c, "os.nova.server-1.0")
        .await
        .extract()
        .unwrap();
    assert_eq!(ops["reboot"].description, "Reboot the nova server.");
    assert_eq!(ops["reboot"].parameters["type"]["default"], "SOFT");

    let all = policy_types::list(&c).all().await.unwrap();
    assert_eq!(all.len(), 8);
    assert!(all[0].version.is_none() && all[0].support_status.is_empty());
    let t = policy_types::get(&c, "senlin.policy.affinity-1.0")
        .await
        .extract()
        .unwrap();
    assert_eq!(t.schema["servergroup"]["type"], "Map");

    // The pre-1.5 shapes decode too.
    let old: Vec<senlin::TypeSummary> =
        serde_json::from_value(sample("profile-types-list-response.json")["profile_types"].clone())
            .unwrap();
    assert_eq!(old[2].name, "os.nova.server-1.0");
    let old: senlin::TypeDetail =
        serde_json::from_value(sample("policy-type-show-response.json")["policy_type"].clone())
            .unwrap();
    assert!(old.support_status.is_empty());
    let old: Vec<senlin::TypeSummary> = serde_json::from_value(
        sample("policy-types-list-response-v1.5.json")["policy_types"].clone(),
    )
    .unwrap();
    assert_eq!(old[3].support_status["1.0"].len(), 2);
    let old: senlin::TypeDetail =
        serde_json::from_value(sample("profile-type-show-response.json")["profile_type"].clone())
            .unwrap();
    assert_eq!(old.name, "os.heat.stack-1.0");
    // Profile type operations need 1.4.
    let base = senlin(&server).await;
    assert!(
        profile_types::operations(&base, "os.nova.server-1.0")
            .await
            .err()
            .is_some()
    );
}

#[tokio::test]
async fn build_info_services_and_webhooks() {
    let server = MockServer::start().await;
    let c = senlin(&server).await.with_microversion("1.7");
    call("GET", "build-info")
        .answer(200, Some(sample("build-show-response.json")))
        .mount(&server)
        .await;
    call("GET", "services")
        .version("1.7")
        .answer(200, Some(sample("services-list-response.json")))
        .mount(&server)
        .await;
    call("POST", "webhooks/e03dd2e5/trigger")
        .query("V", "2")
        .body(json!({"params": {"count": "2"}}))
        .answer(202, Some(sample("webhook-action-response.json")))
        .action("290c44fa-c60f-4d75-a0eb-87433ba982a3")
        .mount(&server)
        .await;
    let info = build_info::get(&c).await.extract().unwrap();
    assert_eq!(
        (info.api.revision.as_str(), info.engine.revision.as_str()),
        ("1.0", "2.0")
    );
    let all = services::list(&c).all().await.unwrap();
    assert_eq!(all[0].binary, "senlin-engine");
    assert_eq!(all[0].state, "up");
    assert!(all[0].disabled_reason.is_none() && all[0].updated_at.is_some());
    let params = json!({"count": "2"});
    let action = webhooks::trigger(&c, "e03dd2e5", Some(&params))
        .await
        .unwrap();
    assert_eq!(action, "290c44fa-c60f-4d75-a0eb-87433ba982a3");
    // Services need 1.7.
    let base = senlin(&server).await;
    assert!(services::list(&base).all().await.is_err());
}

#[tokio::test]
async fn versions_at_the_root() {
    let server = MockServer::start().await;
    let c = senlin(&server).await;
    Mock::given(method("GET"))
        .and(path("/clustering/"))
        .respond_with(
            ResponseTemplate::new(300).set_body_json(sample("versions-list-response.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/clustering/v1/"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(sample("version-show-response.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let all = versions::list(&c).await.extract().unwrap();
    assert_eq!(all[0].id, "1.0");
    assert_eq!(
        all[0].media_types[0].media_type,
        "application/vnd.openstack.clustering-v1+json"
    );
    let v1 = versions::get(&c, "v1").await.extract().unwrap();
    let range = v1.microversions().unwrap();
    assert_eq!(
        (range.min.to_string(), range.max.to_string()),
        ("1.0".into(), "1.7".into())
    );
}

/// Removes the keys whose value is `null`, at every depth.
fn drop_nulls(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|_, x| !x.is_null());
            m.values_mut().for_each(drop_nulls);
        }
        Value::Array(a) => a.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}
