//! A node's hardware management and the state changes beyond provision and power:
//! indicators, virtual media, vendor passthru, firmware, inventory, history, console,
//! boot mode, secure boot, RAID, NMI.

use ferrocloud::openstack::baremetal::v1::drivers;
use ferrocloud::openstack::baremetal::v1::node_management::{
    self, HistoryListOpts, IndicatorState, VmediaOpts,
};
use ferrocloud::openstack::baremetal::v1::node_states::{self, BootMode, RaidConfig};
use http::Method;
use serde_json::json;
use wiremock::ResponseTemplate;
use wiremock::matchers::{body_json, query_param};

use super::{answer, expect, given, ironic, mock, reply_json, sample};

#[tokio::test]
async fn indicators_read_the_sample_and_the_real_shape() {
    let (server, c) = mock("1.63").await;
    answer(
        &server,
        "nodes/n1/management/indicators",
        "1.63",
        "node-indicators-list-response.json",
    )
    .await;
    answer(
        &server,
        "nodes/n1/management/indicators/led@system",
        "1.63",
        "node-indicators-get-state-response.json",
    )
    .await;
    expect(
        &server,
        "PUT",
        "nodes/n1/management/indicators/led@system",
        "1.63",
        Some("node-indicators-set-state.json"),
        204,
        None,
    )
    .await;
    let sample_list = node_management::list_indicators(&c, "n1").await.unwrap();
    assert_eq!(sample_list.len(), 2);
    assert_eq!(sample_list[0].name, "system");
    assert_eq!(sample_list[0].component, None);
    assert_eq!(sample_list[1].links.len(), 2);
    let state = node_management::get_indicator(&c, "n1", "led", "system")
        .await
        .extract()
        .unwrap();
    assert_eq!(state.state, IndicatorState::On);
    node_management::set_indicator(&c, "n1", "led", "system", IndicatorState::Blinking)
        .await
        .ok()
        .unwrap();
    server.verify().await;

    // What Ironic 2026.1 answers: the indicators themselves, states in lower case.
    let (server, c) = mock("1.63").await;
    let real = json!({"indicators": [{"name": "led@system", "component": "system",
        "readonly": false, "states": ["blinking", "off", "on"], "links": []}]});
    given("GET", "nodes/n1/management/indicators", "1.63")
        .respond_with(reply_json(200, &real))
        .mount(&server)
        .await;
    let list = node_management::list_indicators(&c, "n1").await.unwrap();
    assert_eq!(list[0].component.as_deref(), Some("system"));
    assert_eq!(list[0].readonly, Some(false));
    assert_eq!(
        list[0].states.as_deref(),
        Some(
            &[
                IndicatorState::Blinking,
                IndicatorState::Off,
                IndicatorState::On
            ][..]
        )
    );
}

#[tokio::test]
async fn virtual_media_nmi_and_boot_devices() {
    let (server, c) = mock("1.93").await;
    expect(
        &server,
        "POST",
        "nodes/n1/vmedia",
        "1.93",
        Some("node-vmedia-attach-request.json"),
        204,
        None,
    )
    .await;
    expect(
        &server,
        "DELETE",
        "nodes/n1/vmedia",
        "1.93",
        None,
        204,
        None,
    )
    .await;
    given("GET", "nodes/n1/vmedia", "1.93")
        .respond_with(reply_json(
            200,
            &json!({"cdrom": {"image_url": "http://image"}}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    expect(
        &server,
        "PUT",
        "nodes/n1/management/inject_nmi",
        "1.93",
        Some("node-inject-nmi.json"),
        204,
        None,
    )
    .await;
    answer(
        &server,
        "nodes/n1/management/boot_device",
        "1.93",
        "node-get-boot-device-response.json",
    )
    .await;
    answer(
        &server,
        "nodes/n1/management/boot_device/supported",
        "1.93",
        "node-get-supported-boot-devices-response.json",
    )
    .await;
    node_management::attach_vmedia(&c, "n1", &VmediaOpts::new("CDROM", "http://image"))
        .await
        .ok()
        .unwrap();
    let media = node_management::get_vmedia(&c, "n1")
        .await
        .extract()
        .unwrap();
    assert_eq!(media["cdrom"]["image_url"], "http://image");
    node_management::detach_vmedia(&c, "n1").await.ok().unwrap();
    node_management::inject_nmi(&c, "n1").await.ok().unwrap();
    let device = node_management::get_boot_device(&c, "n1")
        .await
        .extract()
        .unwrap();
    assert_eq!(device.boot_device.as_deref(), Some("pxe"));
    assert_eq!(device.persistent, Some(false));
    let supported = node_management::supported_boot_devices(&c, "n1")
        .await
        .extract()
        .unwrap();
    assert_eq!(supported, ["pxe"]);
    // Empty options are refused before sending; so is an older microversion.
    let e = node_management::attach_vmedia(&c, "n1", &VmediaOpts::new("", "http://image"))
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("device_type"), "{e}");
    let old = ironic(&server, "1.28").await;
    let e = node_management::inject_nmi(&old, "n1")
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("1.29"), "{e}");
    server.verify().await;
}

#[tokio::test]
async fn vendor_passthru_of_nodes_and_drivers() {
    let (server, c) = mock("1.1").await;
    answer(
        &server,
        "nodes/n1/vendor_passthru/methods",
        "1.1",
        "node-vendor-passthru-response.json",
    )
    .await;
    answer(
        &server,
        "drivers/ipmi/vendor_passthru/methods",
        "1.1",
        "node-vendor-passthru-response.json",
    )
    .await;
    given("POST", "nodes/n1/vendor_passthru", "1.1")
        .and(query_param("method", "send_raw"))
        .and(body_json(json!({"raw_bytes": "0x00 0x01"})))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    given("GET", "drivers/ipmi/vendor_passthru", "1.1")
        .and(query_param("method", "lookup"))
        .respond_with(reply_json(200, &json!({"answer": 42})))
        .expect(1)
        .mount(&server)
        .await;
    let methods = node_management::vendor_methods(&c, "n1")
        .await
        .extract()
        .unwrap();
    assert!(methods["bmc_reset"].is_async);
    assert_eq!(methods["send_raw"].http_methods, ["POST"]);
    assert_eq!(methods["send_raw"].require_exclusive_lock, Some(true));
    let by_driver = drivers::vendor_methods(&c, "ipmi").await.extract().unwrap();
    assert_eq!(by_driver.len(), 2);
    let r = node_management::call_vendor_method(
        &c,
        "n1",
        &Method::POST,
        "send_raw",
        Some(&json!({"raw_bytes": "0x00 0x01"})),
    )
    .await
    .unwrap();
    assert_eq!(r.status().as_u16(), 202);
    let r = drivers::call_vendor_method(&c, "ipmi", &Method::GET, "lookup", None)
        .await
        .unwrap();
    assert_eq!(r.decode::<serde_json::Value>(None).unwrap()["answer"], 42);
    for (verb, name) in [(Method::OPTIONS, "send_raw"), (Method::POST, "")] {
        let e = node_management::call_vendor_method(&c, "n1", &verb, name, None)
            .await
            .unwrap_err();
        assert_eq!(e.kind(), ferrocloud::ErrorKind::InvalidInput);
    }
    server.verify().await;
}

#[tokio::test]
async fn firmware_inventory_history_and_bios() {
    let (server, c) = mock("1.86").await;
    answer(
        &server,
        "nodes/n1/firmware",
        "1.86",
        "node-firmware-components-list-response.json",
    )
    .await;
    answer(
        &server,
        "nodes/n1/inventory",
        "1.86",
        "node-inventory-response.json",
    )
    .await;
    given("GET", "nodes/n1/history", "1.86")
        .and(query_param("detail", "true"))
        .and(query_param("limit", "1"))
        .respond_with(reply_json(200, &sample("node-history-list-response.json")))
        .expect(1)
        .mount(&server)
        .await;
    let mut event = sample("node-history-list-response.json")["history"][0].clone();
    event["conductor"] = json!("compute1.localdomain");
    event["event_type"] = json!("DEPLOYING");
    given(
        "GET",
        "nodes/n1/history/e5840e39-b4ba-4a93-8071-cff9aa2c9633",
        "1.86",
    )
    .respond_with(reply_json(200, &event))
    .expect(1)
    .mount(&server)
    .await;
    answer(
        &server,
        "nodes/n1/bios/virtualization",
        "1.86",
        "node-bios-detail-response.json",
    )
    .await;
    given("GET", "nodes/n1/bios", "1.86")
        .and(query_param("detail", "True"))
        .respond_with(reply_json(
            200,
            &sample("node-bios-list-details-response.json"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let firmware = node_management::list_firmware(&c, "n1")
        .all()
        .await
        .unwrap();
    assert_eq!(firmware[0].component, "BMC");
    assert_eq!(firmware[0].model.as_deref(), Some("iDRAC 9"));
    assert_eq!(firmware[0].last_version_flashed, None);
    let inventory = node_management::inventory(&c, "n1")
        .await
        .extract()
        .unwrap();
    let interfaces = &inventory.inventory.unwrap()["interfaces"];
    assert_eq!(interfaces[0]["mac_address"], "52:54:00:90:35:d6");
    let opts = HistoryListOpts {
        detail: Some(true),
        limit: Some(1),
        marker: None,
    };
    let history = node_management::list_history(&c, "n1", &opts)
        .all()
        .await
        .unwrap();
    assert_eq!(history[0].severity, "ERROR");
    assert_eq!(history[0].event, "Something is wrong");
    let one = node_management::get_history(&c, "n1", &history[0].uuid)
        .await
        .extract()
        .unwrap();
    assert_eq!(one.conductor.as_deref(), Some("compute1.localdomain"));
    let bios = node_management::get_bios(&c, "n1", "virtualization")
        .await
        .unwrap();
    assert_eq!(bios.name, "Virtualization");
    assert!(bios.attribute_type.is_some());
    let detailed = node_management::list_bios(&c, "n1", true)
        .all()
        .await
        .unwrap();
    assert!(detailed[0].allowable_values.is_some());
    server.verify().await;
}

#[tokio::test]
async fn console_boot_mode_secure_boot_and_raid() {
    let (server, c) = mock("1.76").await;
    given("GET", "nodes/n1/states/console", "1.76")
        .respond_with(reply_json(
            200,
            &json!({"console_enabled": true, "console_info": {"type": "shellinabox", "url": "http://127.0.0.1:4321"}}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    given("PUT", "nodes/n1/states/console", "1.76")
        .and(body_json(json!({"enabled": true})))
        .respond_with(ResponseTemplate::new(202))
        .expect(1)
        .mount(&server)
        .await;
    expect(
        &server,
        "PUT",
        "nodes/n1/states/boot_mode",
        "1.76",
        Some("node-set-boot-mode-uefi.json"),
        202,
        None,
    )
    .await;
    expect(
        &server,
        "PUT",
        "nodes/n1/states/secure_boot",
        "1.76",
        Some("node-set-secure-boot-on.json"),
        202,
        None,
    )
    .await;
    expect(
        &server,
        "PUT",
        "nodes/n1/states/raid",
        "1.76",
        Some("node-set-raid-request.json"),
        204,
        None,
    )
    .await;
    node_states::set_console(&c, "n1", true).await.ok().unwrap();
    let console = node_states::get_console(&c, "n1").await.extract().unwrap();
    assert!(console.console_enabled);
    assert_eq!(console.console_info.unwrap()["type"], "shellinabox");
    node_states::set_boot_mode(&c, "n1", BootMode::Uefi)
        .await
        .ok()
        .unwrap();
    node_states::set_secure_boot(&c, "n1", true)
        .await
        .ok()
        .unwrap();
    let raid = RaidConfig {
        logical_disks: vec![json!({"size_gb": 100, "is_root_volume": true, "raid_level": "1"})],
    };
    node_states::set_raid_config(&c, "n1", &raid)
        .await
        .ok()
        .unwrap();
    let old = ironic(&server, "1.75").await;
    let e = node_states::set_boot_mode(&old, "n1", BootMode::Bios)
        .await
        .ok()
        .unwrap_err();
    assert!(e.to_string().contains("1.76"), "{e}");
    server.verify().await;
}
