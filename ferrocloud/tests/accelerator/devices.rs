//! Devices, deployables, device profiles and attributes.

use ferrocloud::openstack::accelerator::v2::{attributes, deployables, device_profiles, devices};
use serde_json::json;
use wiremock::MockServer;

use crate::{Call, cyborg, invalid, sample};

#[tokio::test]
async fn devices_list_get_enable_disable() {
    let server = MockServer::start().await;
    let c = cyborg(&server).await;
    Call::new("GET", "devices", 200)
        .query(&[("type", "FPGA"), ("hostname", "computenode")])
        .sample("devices/devices-list-resp.json")
        .mount(&server)
        .await;
    let opts = devices::ListOpts {
        device_type: Some("FPGA".into()),
        hostname: Some("computenode".into()),
        ..Default::default()
    };
    let all =
        devices::extract_devices(&devices::list(&c, &opts).all_pages().await.unwrap()).unwrap();
    assert_eq!(all[0].vendor, "0xABCD");
    assert_eq!(all[0].device_type, "FPGA");
    assert_eq!(all[0].status, None);

    let uuid = "359c0990-0258-44fd-8b05-fc510ac3d022";
    let mut body = sample("devices/devices-getone-resp.json");
    body["status"] = json!("maintaining");
    Call::new("GET", &format!("devices/{uuid}"), 200)
        .version("2.3")
        .answer(body)
        .mount(&server)
        .await;
    let d = devices::get(&c.with_microversion("2.3"), uuid)
        .await
        .extract()
        .unwrap();
    assert_eq!(d.hostname, "computenode");
    assert_eq!(d.status, Some(devices::DeviceStatus::Maintaining));

    Call::new("POST", &format!("devices/{uuid}/enable"), 200)
        .mount(&server)
        .await;
    devices::enable(&c, uuid).await.ok().unwrap();
    Call::new("POST", &format!("devices/{uuid}/disable"), 200)
        .mount(&server)
        .await;
    devices::disable(&c, uuid).await.ok().unwrap();
}

#[tokio::test]
async fn deployables_list_get_program() {
    let server = MockServer::start().await;
    let c = cyborg(&server).await;
    let uuid = "29e23349-12ee-4978-963c-11484a4ae601";
    Call::new("GET", "deployables", 200)
        .sample("deployables/deployables-list-resp.json")
        .mount(&server)
        .await;
    let all = deployables::extract_deployables(
        &deployables::list(&c, &Default::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(all[0].num_accelerators, 16);
    assert_eq!(all[0].parent_id, None);

    Call::new("GET", &format!("deployables/{uuid}"), 200)
        .sample("deployables/deployables-getone-resp.json")
        .mount(&server)
        .await;
    let d = deployables::get(&c, uuid).await.extract().unwrap();
    assert_eq!(
        d.rp_uuid.as_deref(),
        Some("853f07a6-19de-3dd6-b9f6-6c782daa3f7b")
    );

    Call::new("PATCH", &format!("deployables/{uuid}/program"), 200)
        .body(sample("deployables/deployables-program-req.json"))
        .sample("deployables/deployables-program-resp.json")
        .mount(&server)
        .await;
    let d = deployables::program(&c, uuid, "76babc1b-3222-4992-a046-52441e403577")
        .await
        .extract()
        .unwrap();
    assert_eq!(d.driver_name.as_deref(), Some("fake"));
    assert!(invalid(deployables::program(&c, uuid, "").await));
}

#[tokio::test]
async fn device_profiles_crud() {
    let server = MockServer::start().await;
    let c = cyborg(&server).await;
    Call::new("GET", "device_profiles", 200)
        .query(&[("name", "fpga-dp1")])
        .sample("device_profiles/device_profiles-list-resp.json")
        .mount(&server)
        .await;
    let found = device_profiles::find(&c, "fpga-dp1").await.unwrap();
    assert_eq!(found.uuid, "5518a925-1c2c-49a2-a8bf-0927d9456f3e");
    assert_eq!(found.groups[0]["resources:FPGA"], "1");

    // By name: 2.2, refused before sending on an older client.
    assert!(invalid(device_profiles::get(&c, "fpga-dp1").await));
    Call::new("GET", "device_profiles/fpga-dp1", 200)
        .version("2.2")
        .sample("device_profiles/v22/device_profiles-getone-resp.json")
        .mount(&server)
        .await;
    let dp = device_profiles::get(&c.with_microversion("2.2"), "fpga-dp1")
        .await
        .extract()
        .unwrap();
    assert_eq!(
        dp.groups[0]["accel:bitstream_id"],
        "d5ca2f11-3108-4426-a11c-a959987565df"
    );

    Call::new("POST", "device_profiles", 201)
        .body(sample("device_profiles/device_profiles-post-req.json"))
        .sample("device_profiles/device_profiles-create-resp.json")
        .mount(&server)
        .await;
    let req = sample("device_profiles/device_profiles-post-req.json");
    let opts: device_profiles::CreateOpts = serde_json::from_value(req[0].clone()).unwrap();
    let created = device_profiles::create(&c, &opts).await.extract().unwrap();
    assert_eq!(created.name, "afexample_3");

    Call::new("DELETE", &format!("device_profiles/{}", created.uuid), 204)
        .mount(&server)
        .await;
    device_profiles::delete(&c, &created.uuid)
        .await
        .ok()
        .unwrap();
    Call::new("DELETE", "device_profiles", 204)
        .query(&[("value", "a,b")])
        .mount(&server)
        .await;
    device_profiles::delete_by_names(&c, &["a", "b"])
        .await
        .ok()
        .unwrap();
    assert!(invalid(
        device_profiles::delete_by_names(&c, &["a,b"]).await
    ));
}

#[tokio::test]
async fn attributes_crud() {
    let server = MockServer::start().await;
    let c = cyborg(&server).await;
    let uuid = "359c0990-0258-44fd-8b05-fc510ac3d024";
    Call::new("GET", "attributes", 200)
        .query(&[("deployable_id", "1")])
        .sample("attributes/attributes-list-resp.json")
        .mount(&server)
        .await;
    let opts = attributes::ListOpts {
        deployable_id: Some(1),
        ..Default::default()
    };
    let all =
        attributes::extract_attributes(&attributes::list(&c, &opts).all_pages().await.unwrap())
            .unwrap();
    assert_eq!(all[0].value, "FPGA");

    Call::new("GET", &format!("attributes/{uuid}"), 200)
        .sample("attributes/attributes-getone-resp.json")
        .mount(&server)
        .await;
    assert_eq!(attributes::get(&c, uuid).await.extract().unwrap().key, "rc");

    // Cyborg answers a create with the attribute itself (the sample's list is wrong).
    Call::new("POST", "attributes", 201)
        .body(sample("attributes/attributes-post-req.json"))
        .sample("attributes/attributes-getone-resp.json")
        .mount(&server)
        .await;
    let a = attributes::create(&c, &attributes::CreateOpts::new("1", "rc", "FPGA"))
        .await
        .extract()
        .unwrap();
    assert_eq!(a.deployable_id, 1);

    Call::new("DELETE", &format!("attributes/{uuid}"), 204)
        .mount(&server)
        .await;
    attributes::delete(&c, uuid).await.ok().unwrap();
}
