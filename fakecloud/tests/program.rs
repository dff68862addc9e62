//! A program written against the fake runs unchanged against a real cloud: the example
//! `provision` (network, subnet, server, attached volume, an object, then all taken
//! down) is compiled here from the same file and run against the fake; `scripts/test`
//! runs the example itself against the devcloud.

#[path = "../examples/provision.rs"]
#[allow(dead_code)]
mod provision;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_provisioning_program_runs_against_the_fake() {
    let fake = fakecloud::FakeCloud::builder()
        .delays(fakecloud::Delays {
            build: std::time::Duration::from_millis(300),
            action: std::time::Duration::from_millis(100),
            delete: std::time::Duration::from_millis(100),
        })
        .start()
        .await
        .unwrap();
    let cloud = fake.cloud("demo").unwrap();
    let report = provision::provision(&cloud, "program").await.unwrap();
    assert_eq!(report.server_status, "ACTIVE");
    assert!(report.address.starts_with("10.77.0."), "{report:?}");
    assert_eq!(report.attached_status, "in-use");
    assert!(report.inventory_read_back);
    assert!(report.cleaned_up);
    // Nothing of it is left in the fake's state.
    let left = fake.state(|s| {
        s.servers
            .values()
            .filter(|v| v.name.starts_with("program"))
            .count()
    });
    assert_eq!(left, 0);
}
