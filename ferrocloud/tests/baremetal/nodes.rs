//! Nodes, their states and management.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::baremetal::v1::common::{Listing, Patch};
use ferrocloud::openstack::baremetal::v1::node_management;
use ferrocloud::openstack::baremetal::v1::node_states::{
    self, ConfigDrive, PowerOpts, ProvisionOpts, ProvisionTarget, Step,
};
use ferrocloud::openstack::baremetal::v1::nodes::{self, CreateOpts, PowerState, ProvisionState};
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::{expect, mock, quick, reply_json, sample};

#[tokio::test]
async fn create_sends_the_sample_and_hides_the_password() {
    let (server, c) = mock("1.31").await;
    expect(
        &server,
        "POST",
        "nodes",
        "1.31",
        Some("node-create-request-dynamic.json"),
        201,
        Some("node-create-response.json"),
    )
    .await;
    let opts = CreateOpts::new("ipmi")
        .name("test_node_dynamic")
        .driver_info("ipmi_username", "ADMIN")
        .driver_info("ipmi_password", "password")
        .interface("power", "ipmitool");
    let opts = CreateOpts {
        resource_class: Some("bm-large".into()),
        ..opts
    };
    assert!(!format!("{opts:?}").contains("\"password\""));
    let node = nodes::create(&c, &opts).await.extract().unwrap();
    assert_eq!(node.name.as_deref(), Some("test_node_classic"));
    assert_eq!(node.provision_state, ProvisionState::Enroll);
    assert_eq!(node.power_state, None);
    assert_eq!(node.driver_info["ipmi_password"], "******");
    server.verify().await;
}

#[tokio::test]
async fn fields_newer_than_the_microversion_are_refused_before_sending() {
    let (server, c) = mock("1.20").await;
    let opts = CreateOpts {
        resource_class: Some("x".into()),
        ..CreateOpts::new("ipmi")
    };
    let e = nodes::create(&c, &opts).await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("resource_class"), "{e}");
    let e =
        node_states::set_provision_state(&c, "n1", &ProvisionOpts::new(ProvisionTarget::Unhold))
            .await
            .ok()
            .unwrap_err();
    assert!(e.to_string().contains("1.85"), "{e}");
    assert_eq!(common_count(&server).await, 0);
}

async fn common_count(server: &MockServer) -> usize {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.url.path().starts_with("/baremetal"))
        .count()
}

#[tokio::test]
async fn list_follows_next_and_detail_decodes() {
    let (server, c) = mock("1.43").await;
    let mut first = sample("nodes-list-response.json");
    first["next"] = json!(format!(
        "{}/baremetal/v1/nodes?limit=2&marker=2b045129",
        server.uri()
    ));
    Mock::given(method("GET"))
        .and(path("/baremetal/v1/nodes"))
        .and(query_param("marker", "2b045129"))
        .respond_with(reply_json(200, &json!({"nodes": []})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/baremetal/v1/nodes"))
        .and(query_param("limit", "2"))
        .and(query_param("provision_state", "available"))
        .respond_with(reply_json(200, &first))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    let opts = nodes::ListOpts {
        provision_state: Some(ProvisionState::Available),
        listing: Listing::default().limit(2),
        ..Default::default()
    };
    let all = nodes::list(&c, &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].provision_state, ProvisionState::Enroll);
    assert_eq!(all[1].power_state, None);

    Mock::given(method("GET"))
        .and(path("/baremetal/v1/nodes/detail"))
        .respond_with(reply_json(200, &sample("nodes-list-details-response.json")))
        .mount(&server)
        .await;
    let detailed = nodes::list_detail(&c, &Default::default())
        .all()
        .await
        .unwrap();
    assert!(detailed.iter().all(|n| !n.links.is_empty()));
}

#[tokio::test]
async fn update_sends_a_json_patch() {
    let (server, c) = mock("1.1").await;
    expect(
        &server,
        "PATCH",
        "nodes/n1",
        "1.1",
        Some("node-update-driver-info-request.json"),
        200,
        Some("node-update-driver-info-response.json"),
    )
    .await;
    let patch = Patch::new()
        .replace("/driver_info/ipmi_username", "OPERATOR")
        .add(
            "/driver_info/deploy_kernel",
            "http://127.0.0.1/images/kernel",
        )
        .add(
            "/driver_info/deploy_ramdisk",
            "http://127.0.0.1/images/ramdisk",
        );
    let node = nodes::update(&c, "n1", &patch).await.extract().unwrap();
    assert_eq!(node.driver_info["ipmi_username"], "OPERATOR");
    assert!(
        nodes::update(&c, "n1", &Patch::new())
            .await
            .extract()
            .is_err()
    );
    server.verify().await;
}

#[tokio::test]
async fn provision_bodies_match_the_samples() {
    let (server, c) = mock("1.92").await;
    Mock::given(method("PUT"))
        .and(path("/baremetal/v1/nodes/n1/states/provision"))
        .and(body_json(sample("node-set-active-state.json")))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/baremetal/v1/nodes/n1/states/provision"))
        .and(body_json(sample("node-set-clean-state.json")))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/baremetal/v1/nodes/n1/states/provision"))
        .and(body_json(sample("node-set-provision-state.json")))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    let drive = ConfigDrive::Text("http://127.0.0.1/images/test-node-config-drive.iso.gz".into());
    let active = ProvisionOpts::new(ProvisionTarget::Active).configdrive(drive);
    assert!(!format!("{active:?}").contains("iso.gz"));
    node_states::set_provision_state(&c, "n1", &active)
        .await
        .ok()
        .unwrap();
    let clean = ProvisionOpts::new(ProvisionTarget::Clean).clean_steps(vec![
        Step::new("deploy", "upgrade_firmware").arg("force", "True"),
    ]);
    node_states::set_provision_state(&c, "n1", &clean)
        .await
        .ok()
        .unwrap();
    let runbook = ProvisionOpts::new(ProvisionTarget::Clean).runbook("runbook_ident");
    node_states::set_provision_state(&c, "n1", &runbook)
        .await
        .ok()
        .unwrap();
    // Options of another action are refused.
    let wrong = ProvisionOpts::new(ProvisionTarget::Manage).rescue_password("secret-pw");
    let e = node_states::set_provision_state(&c, "n1", &wrong)
        .await
        .ok()
        .unwrap_err();
    assert!(!e.to_string().contains("secret-pw"));
    server.verify().await;
}

#[tokio::test]
async fn power_and_boot_device() {
    let (server, c) = mock("1.27").await;
    expect(
        &server,
        "PUT",
        "nodes/n1/states/power",
        "1.27",
        Some("node-set-soft-power-off.json"),
        202,
        None,
    )
    .await;
    expect(
        &server,
        "PUT",
        "nodes/n1/management/boot_device",
        "1.27",
        Some("node-set-boot-device.json"),
        204,
        None,
    )
    .await;
    expect(
        &server,
        "GET",
        "nodes/n1/states",
        "1.27",
        None,
        200,
        Some("node-get-state-response.json"),
    )
    .await;
    node_states::set_power_state(&c, "n1", &PowerOpts::new(PowerState::SoftOff).timeout(300))
        .await
        .ok()
        .unwrap();
    let opts = node_management::BootDeviceOpts {
        persistent: Some(false),
        ..node_management::BootDeviceOpts::new("pxe")
    };
    node_management::set_boot_device(&c, "n1", &opts)
        .await
        .ok()
        .unwrap();
    let states = node_states::get(&c, "n1").await.extract().unwrap();
    assert_eq!(states.secure_boot, Some(true));
    server.verify().await;
}

#[tokio::test]
async fn waiter_fails_on_a_failure_state_with_last_error() {
    let (server, c) = mock("1.1").await;
    let mut node = sample("node-show-response.json");
    node["provision_state"] = json!("deploy failed");
    node["last_error"] = json!("image checksum mismatch");
    Mock::given(method("GET"))
        .and(path("/baremetal/v1/nodes/n1"))
        .respond_with(reply_json(200, &node))
        .mount(&server)
        .await;
    let e = node_states::wait_for_provision_state(&c, "n1", ProvisionState::Active, &quick())
        .await
        .unwrap_err();
    assert!(e.to_string().contains("image checksum mismatch"), "{e}");
    let ready = node_states::wait_for_power_state(&c, "n1", PowerState::Off, &quick())
        .await
        .unwrap();
    assert_eq!(ready.uuid, "6d85703a-565d-469a-96ce-30b6de53079d");
}

#[tokio::test]
async fn find_reports_a_missing_node_and_errors_carry_ironic_message() {
    let (server, c) = mock("1.1").await;
    let body = json!({"error_message": "{\"faultstring\": \"Node ghost could not be found.\", \"faultcode\": \"Client\", \"debuginfo\": null}"});
    Mock::given(method("GET"))
        .and(path("/baremetal/v1/nodes/ghost"))
        .respond_with(reply_json(404, &body))
        .mount(&server)
        .await;
    let e = nodes::find(&c, "ghost").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let e = nodes::get(&c, "ghost").await.extract().unwrap_err();
    assert_eq!(e.status_code(), Some(404));
    assert!(e.to_string().contains("could not be found"), "{e}");
    assert!(nodes::find(&c, " ").await.is_err());
}

#[tokio::test]
async fn traits_vifs_validate_and_bios() {
    let (server, c) = mock("1.40").await;
    expect(
        &server,
        "PUT",
        "nodes/n1/traits",
        "1.40",
        Some("node-set-traits-request.json"),
        204,
        None,
    )
    .await;
    expect(
        &server,
        "GET",
        "nodes/n1/traits",
        "1.40",
        None,
        200,
        Some("node-traits-list-response.json"),
    )
    .await;
    expect(
        &server,
        "POST",
        "nodes/n1/vifs",
        "1.40",
        Some("node-vif-attach-request.json"),
        204,
        None,
    )
    .await;
    expect(
        &server,
        "GET",
        "nodes/n1/vifs",
        "1.40",
        None,
        200,
        Some("node-vif-list-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        "nodes/n1/validate",
        "1.40",
        None,
        200,
        Some("node-validate-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        "nodes/n1/bios",
        "1.40",
        None,
        200,
        Some("node-bios-list-response.json"),
    )
    .await;
    expect(
        &server,
        "PUT",
        "nodes/n1/maintenance",
        "1.40",
        Some("node-maintenance-request.json"),
        202,
        None,
    )
    .await;
    nodes::set_traits(&c, "n1", &["CUSTOM_TRAIT1", "HW_CPU_X86_VMX"])
        .await
        .ok()
        .unwrap();
    assert_eq!(
        nodes::list_traits(&c, "n1").await.extract().unwrap().len(),
        2
    );
    nodes::attach_vif(
        &c,
        "n1",
        &nodes::VifOpts::new("1974dcfa-836f-41b2-b541-686c100900e5"),
    )
    .await
    .ok()
    .unwrap();
    assert_eq!(
        nodes::list_vifs(&c, "n1").all().await.unwrap()[0].id,
        "1974dcfa-836f-41b2-b541-686c100900e5"
    );
    let v = nodes::validate(&c, "n1").await.extract().unwrap();
    assert_eq!(v.rescue.and_then(|r| r.result), None);
    assert_eq!(v.boot.result, Some(true));
    let bios = node_management::list_bios(&c, "n1", false)
        .all()
        .await
        .unwrap();
    assert_eq!(bios[0].name, "Virtualization");
    let opts = nodes::MaintenanceOpts {
        reason: Some("Replacing the hard drive".into()),
    };
    nodes::set_maintenance(&c, "n1", &opts).await.ok().unwrap();
    server.verify().await;
}
