//! Accelerator requests: create, bind, unbind, wait, delete.

use ferrocloud::openstack::accelerator::v2::accelerator_requests::{
    self as arqs, ArqState, Binding,
};
use serde_json::json;
use wiremock::MockServer;

use crate::{Call, cyborg, invalid, sample};

const ARQ: &str = "89ec9c4d-73b2-4aaf-9225-485945aa7162";

#[tokio::test]
async fn create_list_get() {
    let server = MockServer::start().await;
    let c = cyborg(&server).await;
    Call::new("POST", "accelerator_requests", 201)
        .body(sample(
            "accelerator_requests/accelerator_requests-post-req.json",
        ))
        .sample("accelerator_requests/accelerator_requests-create-resp.json")
        .mount(&server)
        .await;
    let created = arqs::create(&c, "tmp-dp1").await.extract().unwrap();
    assert_eq!(created[0].uuid, ARQ);
    assert_eq!(created[0].state, ArqState::Initial);

    Call::new("GET", "accelerator_requests", 200)
        .query(&[("instance", "d1e3ff56-feef-4495-8e4f-1cf6ea59ffbc")])
        .sample("accelerator_requests/accelerator_requests-list-resp.json")
        .mount(&server)
        .await;
    let opts = arqs::ListOpts {
        instance: Some("d1e3ff56-feef-4495-8e4f-1cf6ea59ffbc".into()),
        ..Default::default()
    };
    let all = arqs::extract_arqs(&arqs::list(&c, &opts).all_pages().await.unwrap()).unwrap();
    assert_eq!(all[1].state, ArqState::Bound);
    assert_eq!(all[1].attach_handle_info["bus"], "0c");

    let id = "234c1acf-beca-47b2-9532-6bea61630936";
    Call::new("GET", &format!("accelerator_requests/{id}"), 200)
        .sample("accelerator_requests/accelerator_requests-getone-resp.json")
        .mount(&server)
        .await;
    let one = arqs::get(&c, id).await.extract().unwrap();
    assert_eq!(
        one.project_id.as_deref(),
        Some("4e01a8e0-52b4-42e4-be67-20dd82f0ef77")
    );
}

#[tokio::test]
async fn bind_sends_the_official_patch() {
    let server = MockServer::start().await;
    let c = cyborg(&server).await;
    let binding = Binding::new(
        ARQ,
        "centos-80",
        "03631f82-20a9-3f67-a29d-dc1abe4042bf",
        "506220bc-18f2-4294-9b29-80267a021dc0",
    )
    .project("8934fbea7b3f4685bd8ee7cf166a4c09");
    // The project needs 2.1, refused before sending.
    assert!(invalid(
        arqs::bind(&c, std::slice::from_ref(&binding)).await
    ));
    Call::new("PATCH", "accelerator_requests", 202)
        .version("2.1")
        .body(sample(
            "accelerator_requests/accelerator_requests-patch-req.json",
        ))
        .mount(&server)
        .await;
    arqs::bind(&c.with_microversion("2.1"), &[binding])
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn unbind_and_delete() {
    let server = MockServer::start().await;
    let c = cyborg(&server).await;
    let remove = json!([
        {"op": "remove", "path": "/instance_uuid"},
        {"op": "remove", "path": "/hostname"},
        {"op": "remove", "path": "/device_rp_uuid"}
    ]);
    Call::new("PATCH", "accelerator_requests", 202)
        .body(json!({ ARQ: remove }))
        .mount(&server)
        .await;
    arqs::unbind(&c, &[ARQ]).await.ok().unwrap();

    Call::new("DELETE", "accelerator_requests", 204)
        .query(&[("arqs", "a1,a2")])
        .mount(&server)
        .await;
    arqs::delete(&c, &["a1", "a2"]).await.ok().unwrap();
    Call::new("DELETE", "accelerator_requests", 204)
        .query(&[("instance", "vm1")])
        .mount(&server)
        .await;
    arqs::delete_by_instance(&c, "vm1").await.ok().unwrap();
    assert!(invalid(arqs::delete(&c, &[]).await));
}

#[tokio::test]
async fn wait_for_bound_ends_on_bind_failed() {
    let server = MockServer::start().await;
    let c = cyborg(&server).await;
    let id = "234c1acf-beca-47b2-9532-6bea61630936";
    let mut failed = sample("accelerator_requests/accelerator_requests-getone-resp.json");
    failed["state"] = json!("BindFailed");
    Call::new("GET", &format!("accelerator_requests/{id}"), 200)
        .answer(failed)
        .mount(&server)
        .await;
    let opts = ferrocloud::wait::WaitOpts::new(std::time::Duration::from_secs(5));
    let e = arqs::wait_for_bound(&c, id, &opts).await.unwrap_err();
    assert!(e.to_string().contains("BindFailed"), "{e}");
}
