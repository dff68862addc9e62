//! Accelerator v2 against the real Cyborg (its agent's `fake_driver` reports one FPGA
//! card with 16 accelerators on host `devcloud`): devices, deployables and their
//! attributes, device profiles, and accelerator requests up to binding.

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use ferrocloud::openstack::accelerator::v2::{
    accelerator_requests as arqs, attributes, deployables, device_profiles, devices,
};
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ErrorKind, ExposeSecret, ProviderClient, ServiceClient, openstack};
use futures::FutureExt;

use crate::support::*;

fn cyborg(provider: &ProviderClient) -> ServiceClient {
    openstack::new_accelerator_v2(provider, region()).unwrap()
}

/// The fake card's deployable (the only one the fake driver reports).
async fn fake_deployable(c: &ServiceClient) -> deployables::Deployable {
    let all = deployables::list(c, &Default::default())
        .all()
        .await
        .unwrap();
    all.into_iter()
        .find(|d| d.driver_name.as_deref() == Some("fake"))
        .expect("the fake driver's deployable")
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn accelerator_devices_deployables_attributes() {
    let admin = cyborg(&admin().await);
    let all = devices::list(&admin, &Default::default())
        .all()
        .await
        .unwrap();
    let device = all
        .iter()
        .find(|d| d.hostname == "devcloud" && d.device_type == "FPGA")
        .expect("the fake FPGA");
    assert_eq!(device.status, None, "2.0 has no status");
    let filtered = devices::list(
        &admin,
        &devices::ListOpts {
            device_type: Some("FPGA".into()),
            hostname: Some("devcloud".into()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert!(filtered.iter().any(|d| d.uuid == device.uuid));
    // 2.3 adds the status, sent as Cyborg reads the microversion.
    let d = devices::get(&admin.with_microversion("2.3"), &device.uuid)
        .await
        .extract()
        .unwrap();
    assert_eq!(d.status, Some(devices::DeviceStatus::Enabled));

    let dep = fake_deployable(&admin).await;
    assert_eq!(dep.num_accelerators, 16);
    assert!(dep.rp_uuid.is_some());
    let got = deployables::get(&admin, &dep.uuid).await.extract().unwrap();
    assert_eq!(got.name, dep.name);

    // Programming needs a bitstream image in Glance: Cyborg looks an unknown one up
    // and answers 404.
    let refused = deployables::program(&admin, &dep.uuid, "76babc1b-3222-4992-a046-52441e403577")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::NotFound, "{refused}");

    // Attributes of the deployable (by its integer ID).
    let key = unique("attr");
    let a = attributes::create(
        &admin,
        &attributes::CreateOpts::new(dep.device_id.to_string(), &key, "v1"),
    )
    .await
    .extract()
    .unwrap();
    let result = AssertUnwindSafe(async {
        assert_eq!(a.key, key);
        assert_eq!(a.deployable_id, dep.device_id);
        let got = attributes::get(&admin, &a.uuid).await.extract().unwrap();
        assert_eq!(got.value, "v1");
        let listed = attributes::list(
            &admin,
            &attributes::ListOpts {
                deployable_id: Some(dep.device_id),
                key: Some(key.clone()),
            },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(listed.len(), 1);
        let every = attributes::list(&admin, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(every.iter().any(|x| x.value == "FPGA"));
    })
    .catch_unwind()
    .await;
    attributes::delete(&admin, &a.uuid).await.ok().unwrap();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    let gone = attributes::get(&admin, &a.uuid)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn accelerator_device_profiles_and_requests() {
    let admin = cyborg(&admin().await);
    let demo_provider = member().await;
    let demo = cyborg(&demo_provider);
    let name = unique("dp");
    let spare = unique("dp");
    let group = [
        ("resources:FPGA", "1"),
        ("trait:CUSTOM_FAKE_DEVICE", "required"),
    ];
    let dp = device_profiles::create(
        &admin,
        &device_profiles::CreateOpts::new(&name, [group]).description("live"),
    )
    .await
    .extract()
    .unwrap();
    let dp2 = device_profiles::create(&admin, &device_profiles::CreateOpts::new(&spare, [group]))
        .await
        .extract()
        .unwrap();
    let device = devices::list(&admin, &Default::default())
        .all()
        .await
        .unwrap()[0]
        .uuid
        .clone();
    let v23 = admin.with_microversion("2.3");
    let mut made: Vec<String> = Vec::new();
    let result = AssertUnwindSafe(async {
        assert_eq!(dp.name, name);
        assert_eq!(dp.description, "live");
        assert_eq!(dp.groups[0]["resources:FPGA"], "1");
        // Members may not create them.
        let denied = device_profiles::create(
            &demo,
            &device_profiles::CreateOpts::new(unique("dp"), [group]),
        )
        .await
        .extract()
        .unwrap_err();
        assert_eq!(denied.kind(), ErrorKind::Forbidden);
        let by_uuid = device_profiles::get(&admin, &dp.uuid)
            .await
            .extract()
            .unwrap();
        assert_eq!(by_uuid.name, name);
        // By name from 2.2, where Cyborg answers `updated_at: "None"`.
        let by_name = device_profiles::get(&admin.with_microversion("2.2"), &name)
            .await
            .extract()
            .unwrap();
        assert_eq!(by_name.uuid, dp.uuid);
        assert_eq!(by_name.updated_at, None);
        let found = device_profiles::find(&admin, &name).await.unwrap();
        assert_eq!(found.uuid, dp.uuid);
        let listed = device_profiles::list(&demo, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(listed.iter().any(|p| p.uuid == dp.uuid));

        // Accelerator requests, one per group.
        let created = arqs::create(&demo, &name).await.extract().unwrap();
        made.extend(created.iter().map(|a| a.uuid.clone()));
        assert_eq!(created.len(), 1);
        let arq = &created[0];
        assert_eq!(arq.state, arqs::ArqState::Initial);
        assert_eq!(arq.device_profile_name, name);
        let got = arqs::get(&demo, &arq.uuid).await.extract().unwrap();
        assert_eq!(got.device_profile_group_id, 0);
        let listed = arqs::list(&demo, &Default::default()).all().await.unwrap();
        assert!(listed.iter().any(|a| a.uuid == arq.uuid));

        // Binding is Nova's (a service token is required); bound to a server Nova does
        // not have, Cyborg binds the request, then answers 400 because Nova refuses the
        // event announcing it.
        let instance = "506220bc-18f2-4294-9b29-80267a021dc0";
        let rp = fake_deployable(&admin).await.rp_uuid.unwrap();
        let binding = arqs::Binding::new(&arq.uuid, "devcloud", &rp, instance);
        let refused = arqs::bind(&demo, std::slice::from_ref(&binding))
            .await
            .ok()
            .unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::Forbidden, "{refused}");
        let nova = fresh(service_opts("nova")).await;
        let token = nova.token().unwrap();
        let as_nova = demo
            .with_header("X-Service-Token", token.expose_secret())
            .unwrap();
        let answer = arqs::bind(&as_nova, &[binding]).await;
        if let Err(e) = answer.ok() {
            assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}");
        }
        let bound = arqs::wait_for_bound(&demo, &arq.uuid, &WaitOpts::new(Duration::from_secs(30)))
            .await
            .unwrap();
        assert_eq!(bound.instance_uuid.as_deref(), Some(instance));
        assert_eq!(bound.device_rp_uuid.as_deref(), Some(rp.as_str()));
        assert!(bound.attach_handle_uuid.is_some());
        let of_instance = arqs::list(
            &demo,
            &arqs::ListOpts {
                instance: Some(instance.into()),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(of_instance.len(), 1);
        arqs::unbind(&as_nova, &[arq.uuid.as_str()])
            .await
            .ok()
            .unwrap();
        let unbound = arqs::get(&demo, &arq.uuid).await.extract().unwrap();
        assert_eq!(unbound.state, arqs::ArqState::Unbound);
        assert_eq!(unbound.instance_uuid, None);

        let uuids: Vec<&str> = made.iter().map(String::as_str).collect();
        arqs::delete(&demo, &uuids).await.ok().unwrap();
        made.clear();
        let gone = arqs::get(&demo, &arq.uuid).await.extract().unwrap_err();
        assert_eq!(gone.kind(), ErrorKind::NotFound);

        // An admin takes the card out of service (its inventory is reserved in
        // Placement) and back (after the requests, which the reservation would refuse).
        devices::disable(&admin, &device).await.ok().unwrap();
        let off = devices::get(&v23, &device).await.extract().unwrap();
        assert_eq!(off.status, Some(devices::DeviceStatus::Maintaining));
        devices::enable(&admin, &device).await.ok().unwrap();
        let on = devices::get(&v23, &device).await.extract().unwrap();
        assert_eq!(on.status, Some(devices::DeviceStatus::Enabled));
    })
    .catch_unwind()
    .await;
    if !made.is_empty() {
        let uuids: Vec<&str> = made.iter().map(String::as_str).collect();
        let _ = arqs::delete(&demo, &uuids).await;
    }
    let _ = devices::enable(&admin, &device).await;
    let deleted = device_profiles::delete(&admin, &dp.uuid).await;
    let deleted_by_name = device_profiles::delete_by_names(&admin, &[spare.as_str()]).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    deleted.ok().unwrap();
    deleted_by_name.ok().unwrap();
    let gone = device_profiles::get(&admin, &dp2.uuid)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
}
