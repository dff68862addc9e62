//! Bare metal against the real Ironic (one process, API and conductor, behind Keystone;
//! hardware type `fake-hardware` with the `fake` interfaces, automated cleaning on):
//! nodes taken through the whole provision state machine (enroll, manage, manual
//! cleaning, inspection, provide with cleaning, deploy with a JSON config drive,
//! rebuild, rescue, unrescue, service, undeploy and deploy, teardown with cleaning), their power, boot device, console, BIOS, RAID, traits,
//! VIFs, maintenance, indicators, vendor passthru and history; ports, port groups,
//! volume connectors and targets, chassis, allocations, deploy templates, runbooks,
//! inspection rules, drivers, conductors, shards, versions and the microversion
//! negotiation.
//!
//! Real-Ironic facts these tests rely on, beyond the API reference: managing nodes
//! takes a system-scoped admin; the indicator listing is `{"indicators": […]}` (name
//! `led@system`, its component, `readonly`, `states`) and states are lower case; the v1
//! document's `media_types` is one object; a sensitive inspection rule answers its
//! conditions and actions as `null`; the `noop` network interface accepts a VIF but
//! records none; the `fake` BIOS interface records the settings a manual cleaning
//! applies; `fake-hardware` cannot set indicators, inject an NMI or attach virtual
//! media (`400`); the agent's lookup answers `404` for MAC addresses of no port and its
//! heartbeat `400` without an agent token.

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use ferrocloud::openstack::baremetal::v1::common::{Listing, Patch};
use ferrocloud::openstack::baremetal::v1::node_states::{
    self, BootMode, ConfigDrive, PowerOpts, ProvisionOpts, ProvisionTarget, RaidConfig, Step,
};
use ferrocloud::openstack::baremetal::v1::nodes::{self, PowerState, ProvisionState};
use ferrocloud::openstack::baremetal::v1::{
    self as baremetal, agent, allocations, chassis, conductors, deploy_templates, drivers, events,
    inspection_rules, node_management, portgroups, ports, runbooks, versions, volume,
};
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ErrorKind, ServiceClient, openstack};
use futures::FutureExt;
use serde_json::json;

use crate::support::*;

/// Options for the admin user scoped to the whole deployment: Ironic's policy keeps
/// node management to system-scoped admins.
fn system_admin_opts() -> ferrocloud::AuthOptions {
    admin_opts().system_scope()
}

/// A bare metal client of the system admin, at the highest microversion both sides know.
async fn ironic() -> ServiceClient {
    let provider = fresh(system_admin_opts()).await;
    openstack::new_baremetal_v1(&provider, region())
        .unwrap()
        .negotiate_microversion(baremetal::MAX_MICROVERSION)
        .await
        .unwrap()
}

fn wait() -> WaitOpts {
    WaitOpts::new(Duration::from_secs(120))
        .interval(Duration::from_millis(250), Duration::from_secs(2))
}

/// A `fake-hardware` node named `name` of resource class `class`.
async fn enroll(c: &ServiceClient, name: &str, class: &str) -> nodes::Node {
    let opts = nodes::CreateOpts {
        resource_class: Some(class.into()),
        description: Some("ferrocloud devcloud node".into()),
        ..nodes::CreateOpts::new("fake-hardware").name(name)
    };
    nodes::create(c, &opts).await.extract().unwrap()
}

/// Runs provision action `target` and waits for the node to reach `state` with no
/// other state on its way (a rebuild starts and ends `active`).
async fn provision(c: &ServiceClient, node: &str, opts: ProvisionOpts, state: ProvisionState) {
    use ferrocloud::wait::State;
    node_states::set_provision_state(c, node, &opts)
        .await
        .ok()
        .unwrap();
    node_states::wait_for_provision_state(c, node, state.clone(), &wait())
        .await
        .unwrap();
    ferrocloud::wait::wait_for(
        "the provision action to end",
        &wait(),
        || async { nodes::get(c, node).await.extract() },
        |n: &nodes::Node| match &n.target_provision_state {
            None if n.provision_state == state => State::Ready,
            _ if n.provision_state.is_failure() => State::Failed(format!("{:?}", n.last_error)),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
    .unwrap();
}

/// Manages then provides a node (automated cleaning runs between).
async fn make_available(c: &ServiceClient, node: &str) {
    let manage = ProvisionOpts::new(ProvisionTarget::Manage);
    provision(c, node, manage, ProvisionState::Manageable).await;
    let provide = ProvisionOpts::new(ProvisionTarget::Provide);
    provision(c, node, provide, ProvisionState::Available).await;
}

/// Changes the node's power and waits for it to be `reached`.
async fn power(c: &ServiceClient, node: &str, opts: PowerOpts, reached: PowerState) {
    node_states::set_power_state(c, node, &opts)
        .await
        .ok()
        .unwrap();
    node_states::wait_for_power_state(c, node, reached, &wait())
        .await
        .unwrap();
}

/// The number of items of a listing, all pages read.
async fn count<T: serde::de::DeserializeOwned>(pager: ferrocloud::pagination::Pager<T>) -> usize {
    pager.all().await.unwrap().len()
}

/// Deletes a node whatever its state: maintenance lets Ironic delete it.
async fn remove_node(c: &ServiceClient, node: &str) {
    let opts = nodes::MaintenanceOpts {
        reason: Some("test cleanup".into()),
    };
    let _ = nodes::set_maintenance(c, node, &opts).await;
    let _ = nodes::delete(c, node).await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn baremetal_node_lifecycle() {
    let c = ironic().await;
    let name = unique("node");
    let class = unique("rc");
    let node = enroll(&c, &name, &class).await;
    let id = node.uuid.clone();
    let result = AssertUnwindSafe(async {
        assert_eq!(node.provision_state, ProvisionState::Enroll);
        assert_eq!(node.driver, "fake-hardware");
        assert_eq!(nodes::find(&c, &name).await.unwrap().uuid, id);
        let mine = nodes::ListOpts {
            resource_class: Some(class.clone()),
            ..Default::default()
        };
        let listed = nodes::list(&c, &mine).all().await.unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].name.as_deref(), Some(name.as_str()));
        let detailed = nodes::list_detail(&c, &mine).all().await.unwrap();
        assert_eq!(detailed[0].driver, "fake-hardware");
        let fields = nodes::get_fields(&c, &id, &["uuid", "name"])
            .await
            .extract_into::<serde_json::Value>()
            .unwrap();
        assert_eq!(fields["name"], name.as_str());
        assert!(fields.get("driver").is_none());
        let patch = Patch::new()
            .add("/extra/rack", "r1")
            .add("/properties/cpu_arch", "x86_64");
        let updated = nodes::update(&c, &id, &patch).await.extract().unwrap();
        assert_eq!(updated.extra["rack"], "r1");

        let validation = nodes::validate(&c, &id).await.extract().unwrap();
        assert_eq!(validation.power.result, Some(true));
        assert_eq!(validation.deploy.result, Some(true));
        let states = node_states::get(&c, &id).await.extract().unwrap();
        assert_eq!(states.provision_state, ProvisionState::Enroll);

        let manage = ProvisionOpts::new(ProvisionTarget::Manage);
        provision(&c, &id, manage, ProvisionState::Manageable).await;

        // Power.
        for (target, reached) in [
            (PowerState::On, PowerState::On),
            (PowerState::Rebooting, PowerState::On),
            (PowerState::Off, PowerState::Off),
        ] {
            power(&c, &id, PowerOpts::new(target), reached).await;
        }
        power(
            &c,
            &id,
            PowerOpts::new(PowerState::On).timeout(60),
            PowerState::On,
        )
        .await;

        // Boot device, boot mode, secure boot.
        let supported = node_management::supported_boot_devices(&c, &id)
            .await
            .extract()
            .unwrap();
        assert!(supported.iter().any(|d| d == "pxe"), "{supported:?}");
        let opts = node_management::BootDeviceOpts {
            persistent: Some(true),
            ..node_management::BootDeviceOpts::new("pxe")
        };
        node_management::set_boot_device(&c, &id, &opts)
            .await
            .ok()
            .unwrap();
        let device = node_management::get_boot_device(&c, &id)
            .await
            .extract()
            .unwrap();
        assert_eq!(device.boot_device.as_deref(), Some("pxe"));
        node_states::set_boot_mode(&c, &id, BootMode::Uefi)
            .await
            .ok()
            .unwrap();
        node_states::set_secure_boot(&c, &id, false)
            .await
            .ok()
            .unwrap();

        // Indicators: fake-hardware lists and reads them, but cannot set them.
        let indicators = node_management::list_indicators(&c, &id).await.unwrap();
        let led = indicators
            .iter()
            .find(|i| i.component.as_deref() == Some("system"))
            .expect("a system indicator");
        let (ind, component) = led.name.split_once('@').unwrap();
        let state = node_management::get_indicator(&c, &id, ind, component)
            .await
            .extract()
            .unwrap();
        assert!(
            led.states.iter().flatten().any(|s| *s == state.state),
            "{led:?} {state:?}"
        );
        let e = node_management::set_indicator(
            &c,
            &id,
            ind,
            component,
            node_management::IndicatorState::Blinking,
        )
        .await
        .ok()
        .unwrap_err();
        assert_eq!(e.status_code(), Some(400), "{e}");
        let e = node_management::inject_nmi(&c, &id).await.ok().unwrap_err();
        assert_eq!(e.status_code(), Some(400), "{e}");
        // Virtual media: Ironic takes the attachment and detachment (its conductor then
        // fails them, which the node's history records), but cannot read them back.
        let vmedia = node_management::VmediaOpts::new("cdrom", "http://127.0.0.1/boot.iso");
        node_management::attach_vmedia(&c, &id, &vmedia)
            .await
            .ok()
            .unwrap();
        let e = node_management::get_vmedia(&c, &id)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(e.status_code(), Some(400), "{e}");
        node_management::detach_vmedia(&c, &id).await.ok().unwrap();

        // Vendor passthru of the fake vendor interface.
        let methods = node_management::vendor_methods(&c, &id)
            .await
            .extract()
            .unwrap();
        assert!(!methods["third_method_sync"].is_async);
        assert!(methods["second_method"].is_async);
        let answer = node_management::call_vendor_method(
            &c,
            &id,
            &http::Method::POST,
            "third_method_sync",
            Some(&json!({"bar": "meow"})),
        )
        .await
        .unwrap();
        assert_eq!(answer.status().as_u16(), 200);
        assert!(answer.decode::<bool>(None).unwrap());
        let answer = node_management::call_vendor_method(
            &c,
            &id,
            &http::Method::POST,
            "second_method",
            Some(&json!({"bar": "kazoo"})),
        )
        .await
        .unwrap();
        assert_eq!(answer.status().as_u16(), 202);

        // Console.
        node_states::set_console(&c, &id, true).await.ok().unwrap();
        let console = ferrocloud::wait::wait_for(
            "the console to be on",
            &wait(),
            || async { node_states::get_console(&c, &id).await.extract() },
            |c: &node_states::Console| {
                if c.console_enabled {
                    ferrocloud::wait::State::Ready
                } else {
                    ferrocloud::wait::State::Pending
                }
            },
            |_| {},
        )
        .await
        .unwrap();
        assert!(console.console_info.is_some());
        node_states::set_console(&c, &id, false).await.ok().unwrap();

        // Traits.
        nodes::set_traits(&c, &id, &["CUSTOM_ONE", "CUSTOM_TWO"])
            .await
            .ok()
            .unwrap();
        nodes::add_trait(&c, &id, "CUSTOM_THREE")
            .await
            .ok()
            .unwrap();
        nodes::delete_trait(&c, &id, "CUSTOM_ONE")
            .await
            .ok()
            .unwrap();
        let mut traits = nodes::list_traits(&c, &id).await.extract().unwrap();
        traits.sort();
        assert_eq!(traits, ["CUSTOM_THREE", "CUSTOM_TWO"]);
        nodes::delete_traits(&c, &id).await.ok().unwrap();
        assert!(
            nodes::list_traits(&c, &id)
                .await
                .extract()
                .unwrap()
                .is_empty()
        );

        // VIFs: the noop network interface accepts them and records none.
        let vif = "1974dcfa-836f-41b2-b541-686c100900e5";
        nodes::attach_vif(&c, &id, &nodes::VifOpts::new(vif))
            .await
            .ok()
            .unwrap();
        assert!(nodes::list_vifs(&c, &id).all().await.unwrap().is_empty());
        nodes::detach_vif(&c, &id, vif).await.ok().unwrap();

        // Maintenance.
        let reason = nodes::MaintenanceOpts {
            reason: Some("ferrocloud".into()),
        };
        nodes::set_maintenance(&c, &id, &reason).await.ok().unwrap();
        let n = nodes::get(&c, &id).await.extract().unwrap();
        assert!(n.maintenance);
        assert_eq!(n.maintenance_reason.as_deref(), Some("ferrocloud"));
        nodes::unset_maintenance(&c, &id).await.ok().unwrap();
        assert!(!nodes::get(&c, &id).await.extract().unwrap().maintenance);

        // RAID: the configuration to apply is recorded.
        let raid = RaidConfig {
            logical_disks: vec![json!({"size_gb": 100, "raid_level": "1", "is_root_volume": true})],
        };
        node_states::set_raid_config(&c, &id, &raid)
            .await
            .ok()
            .unwrap();
        let states = node_states::get(&c, &id).await.extract().unwrap();
        let target = states.target_raid_config.unwrap();
        assert_eq!(target["logical_disks"][0]["raid_level"], "1");

        // Manual cleaning with a BIOS step: the fake BIOS interface records it.
        let step = Step::new("bios", "apply_configuration").arg(
            "settings",
            json!([{"name": "LogicalProc", "value": "Enabled"}]),
        );
        let clean = ProvisionOpts::new(ProvisionTarget::Clean).clean_steps(vec![step]);
        provision(&c, &id, clean, ProvisionState::Manageable).await;
        let bios = node_management::list_bios(&c, &id, false)
            .all()
            .await
            .unwrap();
        assert_eq!(bios[0].name, "LogicalProc");
        let detailed = node_management::list_bios(&c, &id, true)
            .all()
            .await
            .unwrap();
        assert_eq!(detailed[0].value.as_deref(), Some("Enabled"));
        let one = node_management::get_bios(&c, &id, "LogicalProc")
            .await
            .unwrap();
        assert_eq!(one.value.as_deref(), Some("Enabled"));
        assert!(
            node_management::list_firmware(&c, &id)
                .all()
                .await
                .unwrap()
                .is_empty()
        );
        // Inspection with the fake interface ends manageable, storing no inventory.
        let inspect = ProvisionOpts::new(ProvisionTarget::Inspect);
        provision(&c, &id, inspect, ProvisionState::Manageable).await;
        let e = node_management::inventory(&c, &id)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound);

        // Provide (automated cleaning), then deploy with a JSON config drive.
        let provide = ProvisionOpts::new(ProvisionTarget::Provide);
        provision(&c, &id, provide, ProvisionState::Available).await;
        let patch = Patch::new()
            .add(
                "/instance_info/image_source",
                "http://127.0.0.1/images/disk.qcow2",
            )
            .add("/instance_info/root_gb", 10);
        nodes::update(&c, &id, &patch).await.extract().unwrap();
        let drive =
            json!({"meta_data": {"hostname": "ferro"}, "user_data": "#!/bin/sh\necho hi\n"});
        let active = ProvisionOpts::new(ProvisionTarget::Active)
            .configdrive(ConfigDrive::Contents(drive.as_object().unwrap().clone()));
        provision(&c, &id, active, ProvisionState::Active).await;
        let deployed = nodes::get(&c, &id).await.extract().unwrap();
        assert_eq!(
            deployed.instance_info.0["image_source"],
            "http://127.0.0.1/images/disk.qcow2"
        );
        let rebuild = ProvisionOpts::new(ProvisionTarget::Rebuild);
        provision(&c, &id, rebuild, ProvisionState::Active).await;
        let rescue = ProvisionOpts::new(ProvisionTarget::Rescue).rescue_password("r3scue-pw");
        provision(&c, &id, rescue, ProvisionState::Rescue).await;
        let unrescue = ProvisionOpts::new(ProvisionTarget::Unrescue);
        provision(&c, &id, unrescue, ProvisionState::Active).await;
        // Servicing a deployed node with a step; the fake BIOS interface records it.
        let step = Step::new("bios", "apply_configuration").arg(
            "settings",
            json!([{"name": "LogicalProc", "value": "Disabled"}]),
        );
        let service = ProvisionOpts::new(ProvisionTarget::Service).service_steps(vec![step]);
        provision(&c, &id, service, ProvisionState::Active).await;
        let bios = node_management::get_bios(&c, &id, "LogicalProc")
            .await
            .unwrap();
        assert_eq!(bios.value.as_deref(), Some("Disabled"));
        // The 1.73 verbs, then the classic teardown.
        let undeploy = ProvisionOpts::new(ProvisionTarget::Undeploy);
        provision(&c, &id, undeploy, ProvisionState::Available).await;
        let deploy = ProvisionOpts::new(ProvisionTarget::Deploy);
        provision(&c, &id, deploy, ProvisionState::Active).await;
        let deleted = ProvisionOpts::new(ProvisionTarget::Deleted);
        provision(&c, &id, deleted, ProvisionState::Available).await;

        // History: the failed detachment was recorded.
        let history = node_management::list_history(&c, &id, &Default::default())
            .all()
            .await
            .unwrap();
        let event = history
            .iter()
            .find(|e| e.severity == "ERROR" && e.event.contains("attach"))
            .expect("the virtual media's failure in the history");
        let again = node_management::get_history(&c, &id, &event.uuid)
            .await
            .extract()
            .unwrap();
        assert_eq!(again.uuid, event.uuid);
        let detailed = node_management::HistoryListOpts {
            detail: Some(true),
            ..Default::default()
        };
        let detailed = node_management::list_history(&c, &id, &detailed)
            .all()
            .await
            .unwrap();
        assert!(detailed.iter().any(|e| e.conductor.is_some()));

        nodes::delete(&c, &id).await.ok().unwrap();
        let e = nodes::get(&c, &id).await.extract().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound);
    })
    .catch_unwind()
    .await;
    if result.is_err() {
        remove_node(&c, &id).await;
    }
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn baremetal_ports_volume_chassis() {
    let c = ironic().await;
    let ch = chassis::create(
        &c,
        &chassis::CreateOpts {
            description: Some(unique("chassis")),
            ..Default::default()
        },
    )
    .await
    .extract()
    .unwrap();
    let name = unique("pnode");
    let opts = nodes::CreateOpts {
        chassis_uuid: Some(ch.uuid.clone()),
        ..nodes::CreateOpts::new("fake-hardware").name(&name)
    };
    let node = nodes::create(&c, &opts).await.extract().unwrap();
    let id = node.uuid.clone();
    let result = AssertUnwindSafe(async {
        // Chassis.
        let got = chassis::get(&c, &ch.uuid).await.extract().unwrap();
        assert_eq!(got.description, ch.description);
        let listed = chassis::list(&c, &Default::default()).all().await.unwrap();
        assert!(listed.iter().any(|x| x.uuid == ch.uuid));
        let detailed = chassis::list_detail(&c, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(detailed.iter().any(|x| x.uuid == ch.uuid));
        let patch = Patch::new().add("/extra/room", "b2");
        let changed = chassis::update(&c, &ch.uuid, &patch)
            .await
            .extract()
            .unwrap();
        assert_eq!(changed.extra["room"], "b2");

        // Port groups and ports.
        let pg_name = unique("pg");
        let pg = portgroups::create(
            &c,
            &portgroups::CreateOpts {
                name: Some(pg_name.clone()),
                address: Some("52:54:00:aa:bb:01".into()),
                mode: Some("active-backup".into()),
                ..portgroups::CreateOpts::new(&id)
            },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(portgroups::find(&c, &pg_name).await.unwrap().uuid, pg.uuid);
        let port = ports::create(
            &c,
            &ports::CreateOpts {
                portgroup_uuid: Some(pg.uuid.clone()),
                name: Some(unique("port")),
                local_link_connection:
                    json!({"switch_id": "0a:1b:2c:3d:4e:5f", "port_id": "Ethernet3/1"})
                        .as_object()
                        .cloned(),
                physical_network: Some("physnet1".into()),
                ..ports::CreateOpts::new(&id, "52:54:00:aa:bb:02")
            },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(port.node_uuid, id);
        assert_eq!(port.portgroup_uuid.as_deref(), Some(pg.uuid.as_str()));
        let got = ports::get(&c, &port.uuid).await.extract().unwrap();
        assert_eq!(got.address, "52:54:00:aa:bb:02");
        let by_address = ports::ListOpts {
            address: Some("52:54:00:aa:bb:02".into()),
            ..Default::default()
        };
        assert_eq!(count(ports::list(&c, &by_address)).await, 1);
        assert!(
            ports::list_detail(&c, &by_address).all().await.unwrap()[0]
                .physical_network
                .is_some()
        );
        let l = Listing::default();
        assert_eq!(count(ports::list_by_node(&c, &id, &l)).await, 1);
        assert_eq!(count(ports::list_by_node_detail(&c, &id, &l)).await, 1);
        assert_eq!(count(ports::list_by_portgroup(&c, &pg.uuid, &l)).await, 1);
        assert_eq!(
            ports::list_by_portgroup_detail(&c, &pg.uuid, &l)
                .all()
                .await
                .unwrap()[0]
                .uuid,
            port.uuid
        );
        assert_eq!(count(portgroups::list_by_node(&c, &id, &l)).await, 1);
        assert_eq!(count(portgroups::list_by_node_detail(&c, &id, &l)).await, 1);
        let all_pg = portgroups::list(&c, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(all_pg.iter().any(|p| p.uuid == pg.uuid));
        let all_pg = portgroups::list_detail(&c, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(all_pg.iter().any(|p| p.uuid == pg.uuid));
        let patch = Patch::new().add("/extra/cable", "blue");
        let port = ports::update(&c, &port.uuid, &patch)
            .await
            .extract()
            .unwrap();
        assert_eq!(port.extra["cable"], "blue");
        let pg2 = portgroups::update(&c, &pg.uuid, &patch)
            .await
            .extract()
            .unwrap();
        assert_eq!(pg2.extra["cable"], "blue");
        assert_eq!(
            portgroups::get(&c, &pg.uuid).await.extract().unwrap().uuid,
            pg.uuid
        );

        // The agent looks its node up by a port's MAC address; without a ramdisk
        // (no agent token, no deployment under way), Ironic finds nothing to give it.
        let lookup = agent::LookupOpts {
            addresses: vec!["52:54:00:aa:bb:02".into()],
            ..Default::default()
        };
        let e = agent::lookup(&c, &lookup).await.extract().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound, "{e}");
        let beat = agent::HeartbeatOpts {
            callback_url: "http://127.0.0.1:9999".into(),
            agent_version: Some("10.0.0".into()),
            agent_token: None,
        };
        let e = agent::heartbeat(&c, &id, &beat).await.ok().unwrap_err();
        assert_eq!(e.status_code(), Some(400), "{e}");

        ports::delete(&c, &port.uuid).await.ok().unwrap();
        portgroups::delete(&c, &pg.uuid).await.ok().unwrap();

        // Volume connectors and targets.
        let root = volume::root(&c).await.extract().unwrap();
        assert!(!root.connectors.is_empty());
        assert!(
            !volume::node_root(&c, &id)
                .await
                .extract()
                .unwrap()
                .links
                .is_empty()
        );
        let iqn = format!("iqn.2017-07.org.openstack:01:{}", unique("c"));
        let connector =
            volume::create_connector(&c, &volume::ConnectorCreateOpts::new(&id, "iqn", &iqn))
                .await
                .extract()
                .unwrap();
        assert_eq!(connector.connector_id, iqn);
        let volume_id = "04452bed-5367-4202-8bf5-de4335ac56d2";
        let target = volume::create_target(
            &c,
            &volume::TargetCreateOpts::new(&id, "iscsi", 0, volume_id),
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(target.volume_id, volume_id);
        let mine = volume::ListOpts {
            node: Some(id.clone()),
            ..Default::default()
        };
        assert_eq!(count(volume::list_connectors(&c, &mine)).await, 1);
        assert_eq!(count(volume::list_targets(&c, &mine)).await, 1);
        assert_eq!(count(volume::list_node_connectors(&c, &id, &l)).await, 1);
        assert_eq!(count(volume::list_node_targets(&c, &id, &l)).await, 1);
        // Ironic changes volume connectors and targets of powered-off nodes only.
        power(&c, &id, PowerOpts::new(PowerState::Off), PowerState::Off).await;
        let patch = Patch::new().add("/extra/note", "x");
        let connector = volume::update_connector(&c, &connector.uuid, &patch)
            .await
            .extract()
            .unwrap();
        assert_eq!(connector.extra.unwrap()["note"], "x");
        let target = volume::update_target(&c, &target.uuid, &patch)
            .await
            .extract()
            .unwrap();
        assert_eq!(
            volume::get_target(&c, &target.uuid)
                .await
                .extract()
                .unwrap()
                .uuid,
            target.uuid
        );
        assert_eq!(
            volume::get_connector(&c, &connector.uuid)
                .await
                .extract()
                .unwrap()
                .uuid,
            connector.uuid
        );
        volume::delete_target(&c, &target.uuid).await.ok().unwrap();
        volume::delete_connector(&c, &connector.uuid)
            .await
            .ok()
            .unwrap();

        nodes::delete(&c, &id).await.ok().unwrap();
        chassis::delete(&c, &ch.uuid).await.ok().unwrap();
    })
    .catch_unwind()
    .await;
    if let Err(p) = result {
        remove_node(&c, &id).await;
        let _ = chassis::delete(&c, &ch.uuid).await;
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn baremetal_allocations() {
    let c = ironic().await;
    let class = unique("alloc-rc");
    let node = enroll(&c, &unique("anode"), &class).await;
    let id = node.uuid.clone();
    let mut allocation_names = Vec::new();
    let result = AssertUnwindSafe(async {
        nodes::add_trait(&c, &id, "CUSTOM_GOLD").await.ok().unwrap();
        make_available(&c, &id).await;
        // Ironic allocates nodes whose power state is known only.
        power(&c, &id, PowerOpts::new(PowerState::Off), PowerState::Off).await;

        // No node has this trait: the allocation fails.
        let missing = allocations::CreateOpts {
            name: Some(unique("alloc-miss")),
            traits: vec!["CUSTOM_SILVER".into()],
            ..allocations::CreateOpts::new(&class)
        };
        let a = allocations::create(&c, &missing).await.extract().unwrap();
        allocation_names.push(a.uuid.clone());
        let e =
            allocations::wait_for_state(&c, &a.uuid, allocations::AllocationState::Active, &wait())
                .await
                .unwrap_err();
        assert!(e.to_string().contains("failed"), "{e}");
        allocations::delete(&c, &a.uuid).await.ok().unwrap();

        let alloc_name = unique("alloc");
        let opts = allocations::CreateOpts {
            name: Some(alloc_name.clone()),
            traits: vec!["CUSTOM_GOLD".into()],
            extra: json!({"purpose": "test"}).as_object().cloned(),
            ..allocations::CreateOpts::new(&class)
        };
        let a = allocations::create(&c, &opts).await.extract().unwrap();
        allocation_names.push(a.uuid.clone());
        let done =
            allocations::wait_for_state(&c, &a.uuid, allocations::AllocationState::Active, &wait())
                .await
                .unwrap();
        assert_eq!(done.node_uuid.as_deref(), Some(id.as_str()));
        assert_eq!(
            allocations::find(&c, &alloc_name).await.unwrap().uuid,
            a.uuid
        );
        assert_eq!(
            allocations::get_by_node(&c, &id)
                .await
                .extract()
                .unwrap()
                .uuid,
            a.uuid
        );
        let mine = allocations::ListOpts {
            resource_class: Some(class.clone()),
            ..Default::default()
        };
        assert_eq!(count(allocations::list(&c, &mine)).await, 1);
        let patch = Patch::new().add("/extra/owner", "ferro");
        let changed = allocations::update(&c, &a.uuid, &patch)
            .await
            .extract()
            .unwrap();
        assert_eq!(changed.extra["owner"], "ferro");
        let n = nodes::get(&c, &id).await.extract().unwrap();
        assert_eq!(n.instance_uuid.as_deref(), Some(a.uuid.as_str()));
        allocations::delete_by_node(&c, &id).await.ok().unwrap();
        let e = allocations::get(&c, &a.uuid).await.extract().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound);
        nodes::delete(&c, &id).await.ok().unwrap();
    })
    .catch_unwind()
    .await;
    if let Err(p) = result {
        for a in &allocation_names {
            let _ = allocations::delete(&c, a).await;
        }
        remove_node(&c, &id).await;
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn baremetal_templates_runbooks_rules() {
    let c = ironic().await;
    let suffix = unique("t").replace('-', "_").to_uppercase();
    let template_name = format!("CUSTOM_{suffix}");
    let step = deploy_templates::TemplateStep {
        interface: "bios".into(),
        step: "apply_configuration".into(),
        args: json!({"settings": [{"name": "LogicalProc", "value": "Enabled"}]})
            .as_object()
            .cloned()
            .unwrap(),
        priority: 150,
    };
    let template = deploy_templates::create(
        &c,
        &deploy_templates::CreateOpts::new(&template_name, vec![step]),
    )
    .await
    .extract()
    .unwrap();
    let rb_step = runbooks::RunbookStep {
        interface: "bios".into(),
        step: "apply_configuration".into(),
        args: json!({"settings": [{"name": "LogicalProc", "value": "Disabled"}]})
            .as_object()
            .cloned()
            .unwrap(),
        order: 1,
    };
    let runbook_name = format!("CUSTOM_RB_{suffix}");
    let runbook = runbooks::create(&c, &runbooks::CreateOpts::new(&runbook_name, vec![rb_step]))
        .await
        .extract()
        .unwrap();
    let rule = inspection_rules::create(
        &c,
        &inspection_rules::CreateOpts {
            description: Some(unique("rule")),
            priority: Some(50),
            conditions: vec![
                inspection_rules::RuleAction::new("is-true").arg("value", "{node.auto_discovered}"),
            ],
            ..inspection_rules::CreateOpts::new(vec![
                inspection_rules::RuleAction::new("set-attribute")
                    .arg("path", "/extra/discovered")
                    .arg("value", "yes"),
            ])
        },
    )
    .await
    .extract()
    .unwrap();
    let node = enroll(&c, &unique("rbnode"), &unique("rb-rc")).await;
    let id = node.uuid.clone();
    let secret_rule = std::sync::Mutex::new(None::<String>);
    let result = AssertUnwindSafe(async {
        // Deploy templates.
        assert_eq!(template.name, template_name);
        let found = deploy_templates::find(&c, &template_name).await.unwrap();
        assert_eq!(found.uuid, template.uuid);
        assert_eq!(found.steps.unwrap()[0].priority, 150);
        let all = deploy_templates::list(&c, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(all.iter().any(|t| t.uuid == template.uuid));
        let patch = Patch::new().add("/extra/rev", "2");
        let t = deploy_templates::update(&c, &template.uuid, &patch)
            .await
            .extract()
            .unwrap();
        assert_eq!(t.extra.unwrap()["rev"], "2");
        assert_eq!(
            deploy_templates::get(&c, &template.uuid)
                .await
                .extract()
                .unwrap()
                .name,
            template_name
        );

        // Runbooks: one cleans a manageable node whose trait is the runbook's name.
        assert_eq!(
            runbooks::find(&c, &runbook_name).await.unwrap().uuid,
            runbook.uuid
        );
        let all = runbooks::list(&c, &Listing::default().detail(true))
            .all()
            .await
            .unwrap();
        let mine = all.iter().find(|r| r.uuid == runbook.uuid).unwrap();
        assert_eq!(mine.steps.as_ref().unwrap()[0].order, 1);
        let patch = Patch::new().add("/extra/rev", "2");
        let r = runbooks::update(&c, &runbook.uuid, &patch)
            .await
            .extract()
            .unwrap();
        assert_eq!(r.extra.unwrap()["rev"], "2");
        assert_eq!(
            runbooks::get(&c, &runbook.uuid)
                .await
                .extract()
                .unwrap()
                .name,
            runbook_name
        );
        nodes::add_trait(&c, &id, &runbook_name).await.ok().unwrap();
        let manage = ProvisionOpts::new(ProvisionTarget::Manage);
        provision(&c, &id, manage, ProvisionState::Manageable).await;
        let clean = ProvisionOpts::new(ProvisionTarget::Clean).runbook(&runbook_name);
        provision(&c, &id, clean, ProvisionState::Manageable).await;
        let bios = node_management::get_bios(&c, &id, "LogicalProc")
            .await
            .unwrap();
        assert_eq!(bios.value.as_deref(), Some("Disabled"));

        // Inspection rules.
        let got = inspection_rules::get(&c, &rule.uuid)
            .await
            .extract()
            .unwrap();
        assert_eq!(got.priority, Some(50));
        assert_eq!(got.actions.unwrap()[0].op, "set-attribute");
        let listed = inspection_rules::list(&c, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(listed.iter().any(|r| r.uuid == rule.uuid));
        let patch = Patch::new().replace("/priority", 60);
        let changed = inspection_rules::update(&c, &rule.uuid, &patch)
            .await
            .extract()
            .unwrap();
        assert_eq!(changed.priority, Some(60));
        let secret = inspection_rules::create(
            &c,
            &inspection_rules::CreateOpts {
                sensitive: Some(true),
                ..inspection_rules::CreateOpts::new(vec![
                    inspection_rules::RuleAction::new("set-attribute")
                        .arg("path", "/driver_info/redfish_password")
                        .arg("value", "s3cret"),
                ])
            },
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(secret.sensitive, Some(true));
        assert_eq!(secret.actions, None);
        *secret_rule.lock().unwrap() = Some(secret.uuid.clone());
        // Ironic 35.1 fails on the deletion of all rules (its request validation
        // expects a rule's UUID: `500`, "tuple index out of range"); one at a time works.
        if let Err(e) = inspection_rules::delete_all(&c).await.ok() {
            assert_eq!(e.status_code(), Some(500), "{e}");
        }
        inspection_rules::delete(&c, &rule.uuid).await.ok().unwrap();
        inspection_rules::delete(&c, &secret.uuid)
            .await
            .ok()
            .unwrap();
        let e = inspection_rules::get(&c, &secret.uuid)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound);

        deploy_templates::delete(&c, &template.uuid)
            .await
            .ok()
            .unwrap();
        runbooks::delete(&c, &runbook.uuid).await.ok().unwrap();
        nodes::delete(&c, &id).await.ok().unwrap();
    })
    .catch_unwind()
    .await;
    if let Err(p) = result {
        let _ = deploy_templates::delete(&c, &template.uuid).await;
        let _ = runbooks::delete(&c, &runbook.uuid).await;
        let _ = inspection_rules::delete(&c, &rule.uuid).await;
        let secret = secret_rule.lock().unwrap().take();
        if let Some(secret) = secret {
            let _ = inspection_rules::delete(&c, &secret).await;
        }
        remove_node(&c, &id).await;
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up full"]
async fn baremetal_service_documents() {
    let provider = fresh(system_admin_opts()).await;
    let base = openstack::new_baremetal_v1(&provider, region()).unwrap();
    let c = base
        .clone()
        .negotiate_microversion(baremetal::MAX_MICROVERSION)
        .await
        .unwrap();
    assert_eq!(c.microversion(), Some(baremetal::MAX_MICROVERSION));
    let older = base.negotiate_microversion("1.80").await.unwrap();
    assert_eq!(older.microversion(), Some("1.80"));

    // Versions.
    let root = versions::list(&c).await.extract().unwrap();
    let v1 = root.default_version.unwrap();
    assert_eq!(v1.min_version, "1.1");
    assert_eq!(v1.version, baremetal::MAX_MICROVERSION);
    let doc = versions::get_v1(&c).await.extract().unwrap();
    assert_eq!(doc.id, "v1");
    assert!(doc.resources.contains_key("nodes"));
    assert!(!doc.media_types.is_empty());

    // Drivers.
    let all = drivers::list(&c, &Default::default()).all().await.unwrap();
    assert!(all.iter().any(|d| d.name == "fake-hardware"));
    let detailed = drivers::list(
        &c,
        &drivers::ListOpts {
            detail: Some(true),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    let fake = detailed.iter().find(|d| d.name == "fake-hardware").unwrap();
    assert_eq!(fake.default_interface("power"), Some("fake"));
    let d = drivers::get(&c, "fake-hardware").await.extract().unwrap();
    assert!(d.enabled_interfaces("rescue").contains(&"fake"));
    let props = drivers::properties(&c, "fake-hardware")
        .await
        .extract()
        .unwrap();
    assert!(!props.is_empty());
    let raid = drivers::raid_logical_disk_properties(&c, "fake-hardware")
        .await
        .extract()
        .unwrap();
    assert!(raid.contains_key("raid_level"));
    assert!(
        drivers::vendor_methods(&c, "fake-hardware")
            .await
            .extract()
            .unwrap()
            .is_empty()
    );

    // Conductors and shards.
    let conductors = conductors::list(&c, &Default::default())
        .all()
        .await
        .unwrap();
    let first = &conductors[0];
    assert!(first.alive);
    let one = conductors::get(&c, &first.hostname)
        .await
        .extract()
        .unwrap();
    assert!(one.drivers.unwrap().iter().any(|d| d == "fake-hardware"));
    let shard = unique("shard");
    let opts = nodes::CreateOpts {
        shard: Some(shard.clone()),
        ..nodes::CreateOpts::new("fake-hardware").name(unique("snode"))
    };
    let node = nodes::create(&c, &opts).await.extract().unwrap();
    let shards = conductors::list_shards(&c).all().await;
    let in_shard = nodes::list(
        &c,
        &nodes::ListOpts {
            shard: vec![shard.clone()],
            ..Default::default()
        },
    )
    .all()
    .await;
    nodes::delete(&c, &node.uuid).await.ok().unwrap();
    let shards = shards.unwrap();
    assert_eq!(
        shards
            .iter()
            .find(|s| s.name.as_deref() == Some(shard.as_str()))
            .map(|s| s.count),
        Some(1)
    );
    assert_eq!(in_shard.unwrap().len(), 1);

    // Events: a port binding notification as Neutron sends it.
    let event = json!({"event": "network.bind_port",
        "port_id": "11111111-1111-1111-1111-111111111111", "mac_address": "52:54:00:00:00:01",
        "status": "ACTIVE", "device_id": "11111111-1111-1111-1111-111111111112",
        "binding:host_id": "11111111-1111-1111-1111-111111111112", "binding:vnic_type": "baremetal"});
    events::post(&c, &[event]).await.ok().unwrap();
}
