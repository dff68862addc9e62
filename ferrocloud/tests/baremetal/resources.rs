//! Ports, port groups, allocations, templates, drivers, conductors, volume, chassis.

use ferrocloud::openstack::baremetal::v1::{
    allocations, chassis, conductors, deploy_templates, drivers, portgroups, ports, runbooks,
    volume,
};
use serde_json::json;

use super::{expect, ironic, mock};

#[tokio::test]
async fn ports_and_portgroups() {
    let (server, c) = mock("1.101").await;
    expect(
        &server,
        "POST",
        "ports",
        "1.101",
        Some("port-create-request.json"),
        201,
        Some("port-create-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        "ports/detail",
        "1.101",
        None,
        200,
        Some("port-list-detail-response.json"),
    )
    .await;
    expect(
        &server,
        "POST",
        "portgroups",
        "1.101",
        Some("portgroup-create-request.json"),
        201,
        Some("portgroup-create-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        "portgroups/test_portgroup",
        "1.101",
        None,
        200,
        Some("portgroup-create-response.json"),
    )
    .await;
    let llc = json!({"switch_id": "0a:1b:2c:3d:4e:5f", "port_id": "Ethernet3/1", "switch_info": "switch1"});
    let opts = ports::CreateOpts {
        node_uuid: None,
        node_ident: Some("6d85703a-565d-469a-96ce-30b6de53079d".into()),
        portgroup_uuid: Some("e43c722c-248e-4c6e-8ce8-0d8ff129387a".into()),
        name: Some("port1".into()),
        description: Some("Physical Network".into()),
        vendor: Some("splitrock".into()),
        category: Some("hypernet".into()),
        is_smartnic: Some(true),
        local_link_connection: llc.as_object().cloned(),
        physical_network: Some("physnet1".into()),
        ..ports::CreateOpts::new("x", "11:11:11:11:11:11")
    };
    let port = ports::create(&c, &opts).await.extract().unwrap();
    assert_eq!(port.vendor.as_deref(), Some("splitrock"));
    assert_eq!(
        ports::list_detail(&c, &Default::default())
            .all()
            .await
            .unwrap()[0]
            .address,
        "11:11:11:11:11:11"
    );
    let pg = portgroups::CreateOpts {
        address: Some("11:11:11:11:11:11".into()),
        name: Some("test_portgroup".into()),
        ..portgroups::CreateOpts::new("6d85703a-565d-469a-96ce-30b6de53079d")
    };
    portgroups::create(&c, &pg).await.extract().unwrap();
    let found = portgroups::find(&c, "test_portgroup").await.unwrap();
    assert_eq!(found.mode.as_deref(), Some("active-backup"));
    server.verify().await;
}

#[tokio::test]
async fn allocations_templates_runbooks() {
    let (server, c) = mock("1.92").await;
    expect(
        &server,
        "POST",
        "allocations",
        "1.92",
        Some("allocation-create-request-2.json"),
        201,
        Some("allocation-create-response.json"),
    )
    .await;
    expect(
        &server,
        "PATCH",
        "allocations/a1",
        "1.92",
        Some("allocation-update-request.json"),
        200,
        Some("allocation-update-response.json"),
    )
    .await;
    expect(
        &server,
        "POST",
        "deploy_templates",
        "1.92",
        Some("deploy-template-create-request.json"),
        201,
        Some("deploy-template-create-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        "runbooks",
        "1.92",
        None,
        200,
        Some("runbook-list-response.json"),
    )
    .await;
    let opts = allocations::CreateOpts {
        name: Some("allocation-2".into()),
        traits: vec!["CUSTOM_GOLD".into()],
        ..allocations::CreateOpts::new("bm-large")
    };
    let a = allocations::create(&c, &opts).await.extract().unwrap();
    assert_eq!(a.resource_class, "bm-large");
    let patch = ferrocloud::openstack::baremetal::v1::common::Patch::new().add("/extra/foo", "bar");
    allocations::update(&c, "a1", &patch)
        .await
        .extract()
        .unwrap();
    let step: deploy_templates::TemplateStep = serde_json::from_value(json!({"interface": "bios",
        "step": "apply_configuration", "args": {"settings": [{"name": "LogicalProc", "value": "Enabled"}]}, "priority": 150})).unwrap();
    let t = deploy_templates::CreateOpts {
        extra: Some(Default::default()),
        ..deploy_templates::CreateOpts::new("CUSTOM_HYPERTHREADING_ON", vec![step])
    };
    let t = deploy_templates::create(&c, &t).await.extract().unwrap();
    assert_eq!(t.steps.map(|s| s.len()), Some(1));
    let all = runbooks::list(&c, &Default::default()).all().await.unwrap();
    assert_eq!(all[0].name, "CUSTOM_AWESOME");
    assert_eq!(all[0].steps, None);
    // An operation newer than the client is refused before sending.
    let old = ironic(&server, "1.50").await;
    assert!(
        allocations::list(&old, &Default::default())
            .all()
            .await
            .is_err()
    );
    server.verify().await;
}

#[tokio::test]
async fn drivers_conductors_volume_chassis() {
    let (server, c) = mock("1.49").await;
    expect(
        &server,
        "GET",
        "drivers/ipmi",
        "1.49",
        None,
        200,
        Some("driver-get-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        "drivers/ipmi/properties",
        "1.49",
        None,
        200,
        Some("driver-property-response.json"),
    )
    .await;
    expect(
        &server,
        "GET",
        "conductors",
        "1.49",
        None,
        200,
        Some("conductor-list-response.json"),
    )
    .await;
    expect(
        &server,
        "POST",
        "volume/connectors",
        "1.49",
        Some("volume-connector-create-request.json"),
        201,
        Some("volume-connector-create-response.json"),
    )
    .await;
    expect(
        &server,
        "DELETE",
        "volume/targets/t1",
        "1.49",
        None,
        204,
        None,
    )
    .await;
    expect(
        &server,
        "POST",
        "chassis",
        "1.49",
        Some("chassis-create-request.json"),
        201,
        Some("chassis-show-response.json"),
    )
    .await;
    let d = drivers::get(&c, "ipmi").await.extract().unwrap();
    assert_eq!(d.default_interface("boot"), Some("pxe"));
    assert!(d.enabled_interfaces("deploy").contains(&"direct"));
    assert!(
        drivers::properties(&c, "ipmi")
            .await
            .extract()
            .unwrap()
            .contains_key("ipmi_address")
    );
    let cs = conductors::list(&c, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(cs[0].hostname, "compute1.localdomain");
    let opts = volume::ConnectorCreateOpts::new(
        "6d85703a-565d-469a-96ce-30b6de53079d",
        "iqn",
        "iqn.2017-07.org.openstack:01:d9a51732c3f",
    );
    assert_eq!(
        volume::create_connector(&c, &opts)
            .await
            .extract()
            .unwrap()
            .connector_type,
        "iqn"
    );
    volume::delete_target(&c, "t1").await.ok().unwrap();
    let opts = chassis::CreateOpts {
        description: Some("Sample chassis".into()),
        ..Default::default()
    };
    chassis::create(&c, &opts).await.extract().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn runbooks_and_deploy_templates_share_their_functions() {
    let (server, c) = mock("1.92").await;
    let calls = [
        (
            "POST",
            "runbooks",
            Some("runbook-create-request.json"),
            201,
            Some("runbook-create-response.json"),
        ),
        (
            "GET",
            "runbooks/CUSTOM_AWESOME",
            None,
            200,
            Some("runbook-show-response.json"),
        ),
        (
            "PATCH",
            "runbooks/r1",
            Some("runbook-update-request.json"),
            200,
            Some("runbook-update-response.json"),
        ),
        ("DELETE", "runbooks/r1", None, 204, None),
        (
            "GET",
            "deploy_templates",
            None,
            200,
            Some("deploy-template-list-response.json"),
        ),
        (
            "GET",
            "deploy_templates/CUSTOM_HYPERTHREADING_ON",
            None,
            200,
            Some("deploy-template-show-response.json"),
        ),
        (
            "PATCH",
            "deploy_templates/t1",
            Some("deploy-template-update-request.json"),
            200,
            Some("deploy-template-update-response.json"),
        ),
        ("DELETE", "deploy_templates/t1", None, 204, None),
    ];
    for (verb, rel, request, status, answer) in calls {
        expect(&server, verb, rel, "1.92", request, status, answer).await;
    }
    let step: runbooks::RunbookStep = serde_json::from_value(json!({"interface": "bios",
        "step": "apply_configuration", "args": {"settings": [{"name": "LogicalProc", "value": "Enabled"}]}, "order": 1})).unwrap();
    let opts = runbooks::CreateOpts {
        extra: Some(Default::default()),
        ..runbooks::CreateOpts::new("CUSTOM_AWESOME", vec![step])
    };
    let created = runbooks::create(&c, &opts).await.extract().unwrap();
    assert_eq!(created.public, Some(false));
    assert_eq!(created.steps.unwrap()[0].order, 1);
    let found = runbooks::find(&c, "CUSTOM_AWESOME").await.unwrap();
    assert_eq!(found.name, "CUSTOM_AWESOME");
    let rename = ferrocloud::openstack::baremetal::v1::common::Patch::new();
    let updated = runbooks::update(
        &c,
        "r1",
        &rename.clone().replace("/name", "CUSTOM_AWESOME2"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.name, "CUSTOM_AWESOME2");
    runbooks::delete(&c, "r1").await.ok().unwrap();

    let all = deploy_templates::list(&c, &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all[0].steps, None);
    let found = deploy_templates::find(&c, "CUSTOM_HYPERTHREADING_ON")
        .await
        .unwrap();
    assert_eq!(found.steps.unwrap()[0].priority, 150);
    let updated = deploy_templates::update(&c, "t1", &rename.replace("/name", "CUSTOM_HT_ON"))
        .await
        .extract()
        .unwrap();
    assert_eq!(updated.name, "CUSTOM_HT_ON");
    deploy_templates::delete(&c, "t1").await.ok().unwrap();
    // Both are refused before sending to a client older than their microversion.
    let (_old_server, old) = mock("1.54").await;
    assert!(runbooks::get(&old, "r1").await.ok().is_err());
    assert!(deploy_templates::get(&old, "t1").await.ok().is_err());
    server.verify().await;
}
