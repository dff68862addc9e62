//! Volume types (extra specs, access, encryption, the default) and QoS specs against the
//! real Cinder 28. Everything made here is deleted here.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;

use futures::FutureExt;

use crate::support::*;
use ferrocloud::openstack::blockstorage::v3::qos_specs::{self, Consumer};
use ferrocloud::openstack::blockstorage::v3::volume_type_encryption::{
    self as encryption, ControlLocation, EncryptionOpts,
};
use ferrocloud::openstack::blockstorage::v3::volume_type_extra_specs as specs;
use ferrocloud::openstack::blockstorage::v3::volume_types::{
    self, CreateOpts, ListOpts, UpdateOpts,
};
use ferrocloud::{ErrorKind, ServiceClient, openstack};

async fn admin_volumes() -> ServiceClient {
    openstack::new_block_storage_v3(&admin().await, region())
        .unwrap()
        .with_microversion("3.52")
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_types_private_type_specs_access_and_encryption() {
    let volumes = admin_volumes().await;
    let member = member().await;
    let member_project = member.auth_info().unwrap().project.unwrap().id;
    let member_volumes = openstack::new_block_storage_v3(&member, region()).unwrap();
    let name = unique("type");

    let opts = CreateOpts::new(&name)
        .description("made by a test")
        .private()
        .extra_spec("ferro:colour", &name);
    let t = volume_types::create(&volumes, &opts)
        .await
        .extract()
        .unwrap();
    let result = AssertUnwindSafe(async {
        assert!(!t.is_public);
        assert_eq!(
            t.access_is_public,
            Some(false),
            "admins see the access flag"
        );
        // Found by name (a private type too); Cinder's show takes IDs only.
        let found = volume_types::find(&volumes, &name).await.unwrap();
        assert_eq!(found.id, t.id);
        let err = volume_types::get(&volumes, &name)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        // Cinder lists public types only unless asked for others.
        let public = volume_types::list(&volumes, &ListOpts::default())
            .all()
            .await
            .unwrap();
        assert!(public.iter().all(|t| t.is_public));
        // Listed among private types, and by its extra spec (3.52).
        let private = ListOpts {
            is_public: Some(volume_types::Visibility::Private),
            extra_specs: Some(BTreeMap::from([("ferro:colour".into(), name.clone())])),
            ..ListOpts::default()
        };
        let listed = volume_types::list(&volumes, &private).all().await.unwrap();
        assert_eq!(
            listed.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            [t.id.as_str()]
        );

        let update = UpdateOpts {
            description: Some("changed".into()),
            ..UpdateOpts::default()
        };
        let u = volume_types::update(&volumes, &t.id, &update)
            .await
            .extract()
            .unwrap();
        assert_eq!(u.description.as_deref(), Some("changed"));

        // Extra specs, one at a time.
        let all = specs::set(
            &volumes,
            &t.id,
            &BTreeMap::from([("ferro:size".into(), "L".into())]),
        )
        .await
        .extract()
        .unwrap();
        // Cinder answers with the specs sent, not all of them.
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(
            specs::list(&volumes, &t.id).await.extract().unwrap().len(),
            2
        );
        specs::set_item(&volumes, &t.id, "ferro:size", "XL")
            .await
            .extract()
            .unwrap();
        let item = specs::get_item(&volumes, &t.id, "ferro:size")
            .await
            .extract()
            .unwrap();
        assert_eq!(
            (item.key.as_str(), item.value.as_str()),
            ("ferro:size", "XL")
        );
        specs::delete_item(&volumes, &t.id, "ferro:size")
            .await
            .ok()
            .unwrap();
        let err = specs::get_item(&volumes, &t.id, "ferro:size")
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        assert_eq!(
            specs::list(&volumes, &t.id).await.extract().unwrap().len(),
            1
        );

        // Access: the member's project sees the private type only while granted.
        let sees = |id: String| {
            let member_volumes = member_volumes.clone();
            async move {
                volume_types::list(&member_volumes, &ListOpts::default())
                    .all()
                    .await
                    .unwrap()
                    .iter()
                    .any(|t| t.id == id)
            }
        };
        assert!(!sees(t.id.clone()).await);
        volume_types::add_project_access(&volumes, &t.id, &member_project)
            .await
            .ok()
            .unwrap();
        let access = volume_types::list_access(&volumes, &t.id)
            .all()
            .await
            .unwrap();
        assert_eq!(access.len(), 1);
        assert_eq!(access[0].project_id, member_project);
        assert!(sees(t.id.clone()).await);
        volume_types::remove_project_access(&volumes, &t.id, &member_project)
            .await
            .ok()
            .unwrap();
        assert!(!sees(t.id.clone()).await);

        // Encryption.
        let none = encryption::get(&volumes, &t.id).await.extract().unwrap();
        assert!(none.encryption_id.is_none(), "{none:?}");
        let opts = EncryptionOpts {
            provider: Some("luks".into()),
            control_location: Some(ControlLocation::FrontEnd),
            cipher: Some("aes-xts-plain64".into()),
            key_size: Some(256),
        };
        let e = encryption::create(&volumes, &t.id, &opts)
            .await
            .extract()
            .unwrap();
        let enc_id = e.encryption_id.clone().unwrap();
        let shown = encryption::get(&volumes, &t.id).await.extract().unwrap();
        assert_eq!(shown.cipher.as_deref(), Some("aes-xts-plain64"));
        assert_eq!(shown.key_size, Some(256));
        let one = encryption::get_item(&volumes, &t.id, "cipher")
            .await
            .extract()
            .unwrap();
        assert_eq!(one["cipher"], "aes-xts-plain64");
        let update = EncryptionOpts {
            key_size: Some(512),
            ..EncryptionOpts::default()
        };
        let changed = encryption::update(&volumes, &t.id, &enc_id, &update)
            .await
            .extract()
            .unwrap();
        assert_eq!(changed.key_size, Some(512));
        encryption::delete(&volumes, &t.id, &enc_id)
            .await
            .ok()
            .unwrap();
        let none = encryption::get(&volumes, &t.id).await.extract().unwrap();
        assert!(none.encryption_id.is_none());

        // The default type is public and named.
        let d = volume_types::get_default(&volumes).await.extract().unwrap();
        assert!(!d.name.is_empty());
    })
    .catch_unwind()
    .await;
    volume_types::delete(&volumes, &t.id).await.ok().unwrap();
    let err = volume_types::get(&volumes, &t.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn blockstorage_types_qos_specs_keys_and_associations() {
    let volumes = admin_volumes().await;
    let t = volume_types::create(&volumes, &CreateOpts::new(unique("qos-type")))
        .await
        .extract()
        .unwrap();
    let opts = qos_specs::CreateOpts::new(unique("qos"))
        .consumer(Consumer::FrontEnd)
        .spec("total_iops_sec", "1000");
    let q = qos_specs::create(&volumes, &opts).await.extract().unwrap();
    let result = AssertUnwindSafe(async {
        assert_eq!(q.consumer, Consumer::FrontEnd);
        assert_eq!(q.specs["total_iops_sec"], "1000");
        let set = qos_specs::set_keys(
            &volumes,
            &q.id,
            &BTreeMap::from([("read_iops_sec".into(), "500".into())]),
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(set["read_iops_sec"], "500");
        qos_specs::unset_keys(&volumes, &q.id, &["total_iops_sec"])
            .await
            .ok()
            .unwrap();
        let shown = qos_specs::get(&volumes, &q.id).await.extract().unwrap();
        assert_eq!(
            shown.specs,
            BTreeMap::from([("read_iops_sec".into(), "500".into())])
        );
        assert!(
            qos_specs::list(&volumes)
                .all()
                .await
                .unwrap()
                .iter()
                .any(|s| s.id == q.id)
        );

        qos_specs::associate(&volumes, &q.id, &t.id)
            .await
            .ok()
            .unwrap();
        let a = qos_specs::associations(&volumes, &q.id)
            .all()
            .await
            .unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(
            (a[0].association_type.as_str(), a[0].id.as_str()),
            ("volume_type", t.id.as_str())
        );
        let typed = volume_types::get(&volumes, &t.id).await.extract().unwrap();
        assert_eq!(typed.qos_specs_id.as_deref(), Some(q.id.as_str()));
        // An associated spec is not deleted without force.
        let err = qos_specs::delete(&volumes, &q.id, false)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadRequest, "{err}");
        qos_specs::disassociate(&volumes, &q.id, &t.id)
            .await
            .ok()
            .unwrap();
        assert!(
            qos_specs::associations(&volumes, &q.id)
                .all()
                .await
                .unwrap()
                .is_empty()
        );
        qos_specs::associate(&volumes, &q.id, &t.id)
            .await
            .ok()
            .unwrap();
        qos_specs::disassociate_all(&volumes, &q.id)
            .await
            .ok()
            .unwrap();
        assert!(
            qos_specs::associations(&volumes, &q.id)
                .all()
                .await
                .unwrap()
                .is_empty()
        );
    })
    .catch_unwind()
    .await;
    qos_specs::delete(&volumes, &q.id, true).await.ok().unwrap();
    volume_types::delete(&volumes, &t.id).await.ok().unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}
