//! Key manager against the real Barbican (simple crypto plugin): secrets with binary
//! and text payloads in one and two steps, metadata, consumers, containers, ACLs that
//! share a secret with a user of another project, key and asymmetric orders, quotas.

use std::panic::AssertUnwindSafe;

use ferrocloud::openstack::keymanager::v1::acls::{self, AclOpts, Target};
use ferrocloud::openstack::keymanager::v1::common::{Paging, Status};
use ferrocloud::openstack::keymanager::v1::containers::{self, ContainerType};
use ferrocloud::openstack::keymanager::v1::orders::{self, OrderType};
use ferrocloud::openstack::keymanager::v1::secret_consumers::{self, ConsumerOpts};
use ferrocloud::openstack::keymanager::v1::secret_metadata::Metadatum;
use ferrocloud::openstack::keymanager::v1::secrets::{self, CreateOpts, ListOpts};
use ferrocloud::openstack::keymanager::v1::{
    container_consumers, project_quotas, quotas, secret_metadata, secret_stores,
};
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ErrorKind, ServiceClient, openstack};
use futures::FutureExt;

use crate::support::*;

async fn barbican(provider: &ferrocloud::ProviderClient) -> ServiceClient {
    openstack::new_key_manager_v1(provider, region()).unwrap()
}

fn wait() -> WaitOpts {
    WaitOpts::new(std::time::Duration::from_secs(60))
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn keymanager_secrets_payloads_metadata_and_consumers() {
    let demo = barbican(&member().await).await;
    let name = unique("secret");
    let bytes: Vec<u8> = (0..=255u8).collect();
    let created = secrets::create(
        &demo,
        &CreateOpts::default()
            .name(&name)
            .algorithm("aes")
            .bit_length(256)
            .mode("cbc")
            .payload_bytes(&bytes, "application/octet-stream"),
    )
    .await
    .extract()
    .unwrap();
    let id = created.id().to_string();
    let result = AssertUnwindSafe(async {
        let s = secrets::get(&demo, &id).await.extract().unwrap();
        assert_eq!(s.status, Status::Active);
        assert_eq!(s.name.as_deref(), Some(name.as_str()));
        assert_eq!(s.bit_length, Some(256));
        assert_eq!(
            s.content_types.get("default").map(String::as_str),
            Some("application/octet-stream")
        );
        // The payload as stored, through both ways of reading it; a reference works as an ID.
        let p = secrets::get_payload(&demo, &created.secret_ref, "application/octet-stream")
            .await
            .unwrap();
        assert_eq!(p.expose(), bytes.as_slice());
        assert!(!format!("{p:?}").contains("255"));
        let legacy = secrets::get_payload_legacy(&demo, &id, "application/octet-stream")
            .await
            .unwrap();
        assert_eq!(legacy.expose(), bytes.as_slice());
        let found: Vec<_> = secrets::list(
            &demo,
            &ListOpts {
                name: Some(name.clone()),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id(), id);

        // Metadata.
        let md: secret_metadata::MetadataOpts = [("purpose", "tests")].into_iter().collect();
        secret_metadata::replace(&demo, &id, &md)
            .await
            .extract()
            .unwrap();
        secret_metadata::create(&demo, &id, &Metadatum::new("owner", "ferro"))
            .await
            .extract()
            .unwrap();
        assert_eq!(
            secret_metadata::get(&demo, &id, "owner")
                .await
                .extract()
                .unwrap()
                .value,
            "ferro"
        );
        secret_metadata::update(&demo, &id, &Metadatum::new("owner", "cloud"))
            .await
            .extract()
            .unwrap();
        let all = secret_metadata::list(&demo, &id).await.extract().unwrap();
        assert_eq!(all.get("owner").map(String::as_str), Some("cloud"));
        assert_eq!(all.len(), 2);
        secret_metadata::delete(&demo, &id, "owner")
            .await
            .ok()
            .unwrap();
        let err = secret_metadata::get(&demo, &id, "owner")
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);

        // Consumers.
        let c = ConsumerOpts::new("image", "image", unique("img"));
        secret_consumers::register(&demo, &id, &c)
            .await
            .extract()
            .unwrap();
        let consumers = secret_consumers::list(&demo, &id, &Paging::default())
            .all()
            .await
            .unwrap();
        assert_eq!(consumers.len(), 1);
        assert_eq!(consumers[0].resource_id, c.resource_id);
        let after = secret_consumers::remove(&demo, &id, &c)
            .await
            .extract()
            .unwrap();
        assert!(after.consumers.is_empty(), "{:?}", after.consumers);
        let consumers = secret_consumers::list(&demo, &id, &Paging::default())
            .all()
            .await
            .unwrap();
        assert!(consumers.is_empty());

        // Two steps: metadata first, then the bytes.
        let two = secrets::create(&demo, &CreateOpts::default().name(unique("two-step")))
            .await
            .extract()
            .unwrap();
        let pending = secrets::get(&demo, two.id()).await.extract().unwrap();
        assert!(pending.content_types.is_empty());
        let text = secrecy::SecretSlice::from(b"two-step text".to_vec());
        secrets::set_payload(&demo, two.id(), &text, "text/plain")
            .await
            .ok()
            .unwrap();
        let p = secrets::get_payload(&demo, two.id(), "text/plain")
            .await
            .unwrap();
        assert_eq!(p.expose(), b"two-step text");
        secrets::delete(&demo, two.id()).await.ok().unwrap();
    })
    .catch_unwind()
    .await;
    secrets::delete(&demo, &id).await.ok().unwrap();
    let err = secrets::get(&demo, &id).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn keymanager_containers_acls_across_projects_and_orders() {
    let demo_provider = member().await;
    let demo = barbican(&demo_provider).await;
    let admin_provider = admin().await;
    let admin_user = admin_provider.auth_info().unwrap().user.unwrap().id;
    let other = barbican(&admin_provider).await;

    let a = secrets::create(
        &demo,
        &CreateOpts::default()
            .name(unique("a"))
            .payload_text("alpha"),
    )
    .await
    .extract()
    .unwrap();
    let b = secrets::create(
        &demo,
        &CreateOpts::default().name(unique("b")).payload_text("beta"),
    )
    .await
    .extract()
    .unwrap();
    let c = containers::create(
        &demo,
        &containers::CreateOpts::generic()
            .name(unique("box"))
            .secret("first", a.id()),
    )
    .await
    .extract()
    .unwrap();
    let result = AssertUnwindSafe(async {
        let got = containers::get(&demo, c.id()).await.extract().unwrap();
        assert_eq!(got.kind, ContainerType::Generic);
        assert_eq!(got.secret("first").map(|r| r.ends_with(a.id())), Some(true));
        containers::add_secret(
            &demo,
            c.id(),
            &containers::SecretEntry::new("second", b.id()),
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(
            containers::get(&demo, c.id())
                .await
                .extract()
                .unwrap()
                .secret_refs
                .len(),
            2
        );
        containers::remove_secret(
            &demo,
            c.id(),
            &containers::SecretEntry::new("second", b.id()),
        )
        .await
        .ok()
        .unwrap();
        let listed = containers::list(&demo, &Default::default())
            .all()
            .await
            .unwrap();
        assert!(listed.iter().any(|x| x.id() == c.id()));
        let cc = container_consumers::ConsumerOpts::new(unique("lb"), "http://lb.example/1");
        container_consumers::register(&demo, c.id(), &cc)
            .await
            .extract()
            .unwrap();
        let consumers = container_consumers::list(&demo, c.id(), &Paging::default())
            .all()
            .await
            .unwrap();
        assert_eq!(consumers.len(), 1);
        container_consumers::remove(&demo, c.id(), &cc)
            .await
            .extract()
            .unwrap();

        // ACLs: the admin user is in another project and cannot read the secret until the
        // ACL names it.
        let target = Target::secret(a.id());
        let err = secrets::get_payload(&other, a.id(), "text/plain")
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden, "{err}");
        let default = acls::get(&demo, &target).await.extract().unwrap();
        assert!(default.read.project_access);
        acls::set(
            &demo,
            &target,
            &AclOpts::users([admin_user.clone()]).project_access(false),
        )
        .await
        .extract()
        .unwrap();
        let shared = secrets::get_payload(&other, a.id(), "text/plain")
            .await
            .unwrap();
        assert_eq!(shared.expose(), b"alpha");
        let acl = acls::get(&demo, &target).await.extract().unwrap();
        assert_eq!(acl.read.users, [admin_user.as_str()]);
        assert!(!acl.read.project_access);
        acls::update(&demo, &target, &AclOpts::default().project_access(true))
            .await
            .extract()
            .unwrap();
        assert!(
            acls::get(&demo, &target)
                .await
                .extract()
                .unwrap()
                .read
                .project_access
        );
        acls::delete(&demo, &target).await.ok().unwrap();
        let err = secrets::get_payload(&other, a.id(), "text/plain")
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden);
        // Containers have ACLs too.
        let ct = Target::container(c.id());
        acls::set(&demo, &ct, &AclOpts::users([admin_user.clone()]))
            .await
            .extract()
            .unwrap();
        assert_eq!(
            containers::get(&other, c.id())
                .await
                .extract()
                .unwrap()
                .id(),
            c.id()
        );
        let acl = acls::get(&demo, &ct).await.extract().unwrap();
        assert_eq!(acl.read.users, [admin_user.as_str()]);
        acls::update(&demo, &ct, &AclOpts::default().project_access(false))
            .await
            .extract()
            .unwrap();
        let acl = acls::get(&demo, &ct).await.extract().unwrap();
        assert!(!acl.read.project_access);
        assert_eq!(
            acl.read.users,
            [admin_user.as_str()],
            "a PATCH keeps the users"
        );
        acls::delete(&demo, &ct).await.ok().unwrap();

        // Orders: a key, and an RSA pair delivered as a container.
        let o = orders::create(
            &demo,
            &orders::CreateOpts::key("aes", 256).name(unique("key")),
        )
        .await
        .extract()
        .unwrap();
        let done = orders::wait_for_completion(&demo, o.id(), &wait())
            .await
            .unwrap();
        assert_eq!(done.kind, OrderType::Key);
        let key_ref = done.secret_ref.clone().unwrap();
        let key = secrets::get_payload(&demo, &key_ref, "application/octet-stream")
            .await
            .unwrap();
        assert_eq!(key.expose().len(), 32);
        let pair = orders::create(
            &demo,
            &orders::CreateOpts::asymmetric("rsa", 2048).name(unique("rsa")),
        )
        .await
        .extract()
        .unwrap();
        let done_pair = orders::wait_for_completion(&demo, pair.id(), &wait())
            .await
            .unwrap();
        let pair_box = containers::get(&demo, done_pair.container_ref.as_deref().unwrap())
            .await
            .extract()
            .unwrap();
        assert_eq!(pair_box.kind, ContainerType::Rsa);
        let public = secrets::get_payload(
            &demo,
            pair_box.secret("public_key").unwrap(),
            "application/octet-stream",
        )
        .await
        .unwrap();
        assert!(String::from_utf8_lossy(public.expose()).contains("PUBLIC KEY"));
        let mine = orders::list(&demo, &Paging::default()).all().await.unwrap();
        assert!(mine.iter().any(|x| x.id() == o.id()));
        for r in pair_box.secret_refs.iter() {
            secrets::delete(&demo, &r.secret_ref).await.ok().unwrap();
        }
        containers::delete(&demo, pair_box.id()).await.ok().unwrap();
        secrets::delete(&demo, &key_ref).await.ok().unwrap();
        orders::delete(&demo, o.id()).await.ok().unwrap();
        orders::delete(&demo, pair.id()).await.ok().unwrap();
    })
    .catch_unwind()
    .await;
    containers::delete(&demo, c.id()).await.ok().unwrap();
    secrets::delete(&demo, a.id()).await.ok().unwrap();
    secrets::delete(&demo, b.id()).await.ok().unwrap();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn keymanager_quotas_and_project_quotas() {
    let demo_provider = member().await;
    let demo_project = demo_provider.auth_info().unwrap().project.unwrap().id;
    let demo = barbican(&demo_provider).await;
    let admin = barbican(&admin().await).await;
    let q = quotas::get(&demo).await.extract().unwrap();
    assert_eq!(q.secrets, -1, "unlimited by default: {q:?}");
    let set = project_quotas::ProjectQuotas {
        secrets: Some(50),
        orders: Some(10),
        containers: Some(20),
        consumers: Some(5),
        cas: Some(1),
    };
    project_quotas::set(&admin, &demo_project, &set)
        .await
        .ok()
        .unwrap();
    let result = AssertUnwindSafe(async {
        let got = project_quotas::get(&admin, &demo_project)
            .await
            .extract()
            .unwrap();
        assert_eq!(got.secrets, Some(50));
        let all = project_quotas::list(&admin, &Paging::default())
            .all()
            .await
            .unwrap();
        assert!(all.iter().any(|r| r.project_id == demo_project));
        assert_eq!(quotas::get(&demo).await.extract().unwrap().secrets, 50);
        // Quotas are for admins.
        let err = project_quotas::get(&demo, &demo_project)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden);
    })
    .catch_unwind()
    .await;
    project_quotas::delete(&admin, &demo_project)
        .await
        .ok()
        .unwrap();
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn keymanager_secret_stores_and_the_preferred_one() {
    let admin = barbican(&admin().await).await;
    let stores = secret_stores::list(&admin).await.extract().unwrap();
    assert_eq!(stores.len(), 1, "{stores:?}");
    let store = &stores[0];
    assert!(store.global_default);
    assert_eq!(store.crypto_plugin.as_deref(), Some("simple_crypto"));
    let id = ferrocloud::openstack::keymanager::v1::common::id_from_ref(&store.secret_store_ref)
        .to_string();
    assert_eq!(
        secret_stores::get(&admin, &id)
            .await
            .extract()
            .unwrap()
            .name,
        store.name
    );
    assert_eq!(
        secret_stores::get_global_default(&admin)
            .await
            .extract()
            .unwrap()
            .name,
        store.name
    );
    // No preferred store until a project names one.
    let err = secret_stores::get_preferred(&admin)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    secret_stores::set_preferred(&admin, &id)
        .await
        .ok()
        .unwrap();
    assert_eq!(
        secret_stores::get_preferred(&admin)
            .await
            .extract()
            .unwrap()
            .name,
        store.name
    );
    secret_stores::unset_preferred(&admin, &id)
        .await
        .ok()
        .unwrap();
    let err = secret_stores::get_preferred(&admin)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}
