//! Container Infra v1 against the real Magnum (API and conductor, certificates in the
//! database): versions, services, stats, quotas, cluster templates, and a cluster that
//! fails (the devcloud has no Kubernetes images that boot, and no way out to
//! `discovery.etcd.io`) but still has a CA to show, sign with and rotate.

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use ferrocloud::openstack::containerinfra::v1::{
    certificates, clusters, clustertemplates, common::Patch, mservices, quotas, stats, versions,
};
use ferrocloud::openstack::image::v2::images;
use ferrocloud::wait::WaitOpts;
use ferrocloud::{ErrorKind, ProviderClient, ServiceClient, openstack};
use futures::FutureExt;

use crate::support::*;

fn magnum(provider: &ProviderClient) -> ServiceClient {
    openstack::new_container_infra_v1(provider, region()).unwrap()
}

/// The project of `provider`.
fn project_of(provider: &ProviderClient) -> String {
    provider.auth_info().unwrap().project.unwrap().id
}

/// An image Magnum accepts for a Kubernetes template (it reads `os_distro`), without
/// data: nothing boots from it.
async fn template_image(provider: &ProviderClient) -> String {
    let glance = openstack::new_image_v2(provider, region()).unwrap();
    let opts = images::CreateOpts::new(unique("fcos"))
        .disk_format("qcow2")
        .container_format("bare")
        .property("os_distro", "fedora-coreos");
    images::create(&glance, &opts).await.extract().unwrap().id
}

async fn delete_image(provider: &ProviderClient, id: &str) {
    let glance = openstack::new_image_v2(provider, region()).unwrap();
    images::delete(&glance, id).await.ok().unwrap();
}

fn template_opts(name: &str, image: &str) -> clustertemplates::CreateOpts {
    let mut opts = clustertemplates::CreateOpts::new(name, "kubernetes", image, "public");
    opts.flavor_id = Some("m1.tiny".into());
    opts.master_flavor_id = Some("m1.tiny".into());
    opts.network_driver = Some("flannel".into());
    opts
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn containerinfra_versions_services_stats_quotas() {
    let provider = admin().await;
    let c = magnum(&provider);
    let all = versions::list(&c).await.extract().unwrap();
    let v1 = all.versions.iter().find(|v| v.id == "v1").expect("v1");
    // Resize is 1.7, upgrade 1.8, CA rotation 1.5: all within what Magnum serves.
    assert_eq!(v1.min_version, "1.1");
    assert!(
        v1.max_version
            .split_once('.')
            .and_then(|(_, m)| m.parse::<u32>().ok())
            .is_some_and(|m| m >= 8),
        "{v1:?}"
    );
    let doc = versions::get(&c).await.extract().unwrap();
    assert_eq!(doc.id, "v1");
    assert!(!doc.clustertemplates.is_empty());

    let services = mservices::list(&c).all().await.unwrap();
    let conductor = services
        .iter()
        .find(|s| s.binary == "magnum-conductor")
        .expect("the conductor");
    assert_eq!(conductor.state, mservices::ServiceState::Up);

    let all_stats = stats::get(&c).await.extract().unwrap();
    let demo_provider = member().await;
    let demo_project = project_of(&demo_provider);
    let of_demo = stats::get_project(&c, &demo_project)
        .await
        .extract()
        .unwrap();
    assert!(of_demo.clusters <= all_stats.clusters);

    // Quotas are the admins': demo's quota of clusters, set, changed and removed.
    let opts = quotas::QuotaOpts::new(&demo_project, "Cluster", 7);
    let denied = quotas::create(&magnum(&demo_provider), &opts)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(denied.kind(), ErrorKind::Forbidden, "{denied}");
    let q = quotas::create(&c, &opts).await.extract().unwrap();
    let result = AssertUnwindSafe(async {
        assert_eq!(q.project_id, demo_project);
        assert_eq!(q.resource, "Cluster");
        assert_eq!(q.hard_limit, 7);
        let got = quotas::get(&c, &demo_project, "Cluster")
            .await
            .extract()
            .unwrap();
        assert_eq!(got.id, q.id);
        assert!(q.id.is_some() && q.created_at.is_some());
        let changed = quotas::update(&c, &quotas::QuotaOpts::new(&demo_project, "Cluster", 9))
            .await
            .extract()
            .unwrap();
        assert_eq!(changed.hard_limit, 9);
        assert!(changed.updated_at.is_some());
        let listed = quotas::list(
            &c,
            &quotas::ListOpts {
                all_tenants: Some(true),
                ..Default::default()
            },
        )
        .all()
        .await
        .unwrap();
        assert!(listed.iter().any(|x| x.id == q.id && x.hard_limit == 9));
    })
    .catch_unwind()
    .await;
    let deleted = quotas::delete(&c, &demo_project, "Cluster").await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    deleted.ok().unwrap();
    // Without a quota of its own, the project has the default.
    let default = quotas::get(&c, &demo_project, "Cluster")
        .await
        .extract()
        .unwrap();
    assert_eq!((default.id, default.created_at), (None, None));
    assert_eq!(default.project_id, demo_project);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn containerinfra_cluster_templates() {
    let provider = admin().await;
    let c = magnum(&provider);
    let image = template_image(&provider).await;
    let name = unique("ct");
    let mut opts = template_opts(&name, &image);
    opts.labels = Some(
        [("kube_tag".to_string(), "v1.28.9".into())]
            .into_iter()
            .collect(),
    );
    opts.docker_volume_size = Some(5);
    let result = AssertUnwindSafe(async {
        let t = clustertemplates::create(&c, &opts).await.extract().unwrap();
        let inner = AssertUnwindSafe(async {
            assert_eq!(t.name, name);
            assert_eq!(t.coe, "kubernetes");
            assert_eq!(t.image_id, image);
            assert_eq!(t.cluster_distro, "fedora-coreos");
            assert_eq!(t.external_network_id, "public");
            assert_eq!(t.flavor_id.as_deref(), Some("m1.tiny"));
            assert_eq!(t.docker_volume_size, Some(5));
            assert_eq!(t.labels["kube_tag"], "v1.28.9");
            assert_eq!(t.server_type, "vm");
            assert!(!t.public && !t.tls_disabled);
            let by_name = clustertemplates::get(&c, &name).await.extract().unwrap();
            assert_eq!(by_name.uuid, t.uuid);
            let listed = clustertemplates::list(&c, &Default::default())
                .all()
                .await
                .unwrap();
            assert!(listed.iter().any(|x| x.uuid == t.uuid));
            let patch = Patch::new()
                .replace("/docker_volume_size", 10)
                .add("/labels/extra", "yes");
            let changed = clustertemplates::update(&c, &t.uuid, &patch)
                .await
                .extract()
                .unwrap();
            assert_eq!(changed.docker_volume_size, Some(10));
            assert_eq!(changed.labels["extra"], "yes");
            // A template needs an image Glance has.
            let bad = clustertemplates::create(
                &c,
                &template_opts(&unique("ct"), "8e9a6b4f-2d3c-4b1a-9f0e-7c6d5b4a3f21"),
            )
            .await
            .extract()
            .unwrap_err();
            assert!(
                matches!(bad.kind(), ErrorKind::BadRequest | ErrorKind::NotFound),
                "{bad}"
            );
        })
        .catch_unwind()
        .await;
        let deleted = clustertemplates::delete(&c, &t.uuid).await;
        if let Err(p) = inner {
            std::panic::resume_unwind(p);
        }
        deleted.ok().unwrap();
        let gone = clustertemplates::get(&c, &t.uuid)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(gone.kind(), ErrorKind::NotFound);
    })
    .catch_unwind()
    .await;
    delete_image(&provider, &image).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn containerinfra_failed_cluster_and_certificates() {
    let provider = admin().await;
    let c = magnum(&provider).with_microversion("1.8");
    let image = template_image(&provider).await;
    let template = clustertemplates::create(&c, &template_opts(&unique("ct"), &image))
        .await
        .extract()
        .unwrap();
    let name = unique("cluster");
    let mut opts = clusters::CreateOpts::new(&name, &template.uuid);
    opts.master_count = Some(1);
    opts.node_count = Some(1);
    let id = clusters::create(&c, &opts).await.extract().unwrap().uuid;
    let result = AssertUnwindSafe(async {
        // The conductor fails the creation within seconds.
        let failed = clusters::wait_for_status(&c, &id, &WaitOpts::new(Duration::from_secs(120)))
            .await
            .unwrap_err();
        assert!(failed.to_string().contains("CREATE_FAILED"), "{failed}");
        let cluster = clusters::get(&c, &name).await.extract().unwrap();
        assert_eq!(cluster.uuid, id);
        assert_eq!(cluster.status, clusters::ClusterStatus::CreateFailed);
        assert!(cluster.status.is_failed());
        assert!(cluster.status_reason.is_some());
        assert_eq!(cluster.cluster_template_id, template.uuid);
        assert_eq!((cluster.master_count, cluster.node_count), (1, 1));
        assert_eq!(cluster.flavor_id.as_deref(), Some("m1.tiny"));
        let listed = clusters::list(&c, &Default::default()).all().await.unwrap();
        let summary = listed.iter().find(|s| s.uuid == id).expect("listed");
        assert_eq!(summary.status, clusters::ClusterStatus::CreateFailed);

        // The CA was made before the stack: shown, signs, rotates (1.5).
        let ca = certificates::get(&c, &id, None).await.extract().unwrap();
        assert_eq!(ca.cluster_uuid, id);
        assert!(ca.pem.starts_with("-----BEGIN CERTIFICATE-----"));
        let key = rcgen::KeyPair::generate().unwrap();
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "admin");
        let csr = params.serialize_request(&key).unwrap().pem().unwrap();
        let signed = certificates::sign(&c, &certificates::SignOpts::new(&id, &csr))
            .await
            .extract()
            .unwrap();
        assert_eq!(signed.cluster_uuid, id);
        assert_eq!(signed.csr.as_deref(), Some(csr.as_str()));
        assert!(signed.pem.starts_with("-----BEGIN CERTIFICATE-----"));
        let too_old = certificates::rotate_ca(&c.with_microversion("1.4"), &id)
            .await
            .extract()
            .unwrap_err();
        assert!(
            matches!(
                too_old.kind(),
                ErrorKind::InvalidInput | ErrorKind::NotFound | ErrorKind::UnexpectedStatus
            ),
            "{too_old}"
        );
        let rotated = certificates::rotate_ca(&c, &id).await.extract();
        match rotated {
            Ok(r) => assert_eq!(r.uuid, id),
            // Magnum refuses to rotate the CA of a cluster that is not complete.
            Err(e) => assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}"),
        }

        // Resize (1.7) is accepted whatever the status; upgrade (1.8) and update of a
        // failed cluster are refused.
        let resized = clusters::resize(&c, &id, &clusters::ResizeOpts::new(2))
            .await
            .extract()
            .unwrap();
        assert_eq!(resized.uuid, id);
        let upgrade = clusters::upgrade(&c, &id, &clusters::UpgradeOpts::new(&template.uuid))
            .await
            .extract()
            .unwrap_err();
        assert_eq!(upgrade.kind(), ErrorKind::BadRequest, "{upgrade}");
        assert!(upgrade.to_string().contains("CREATE_FAILED"), "{upgrade}");
        let updated = clusters::update(&c, &id, &Patch::new().replace("/node_count", 2))
            .await
            .extract();
        match updated {
            Ok(u) => assert_eq!(u.uuid, id),
            Err(e) => assert_eq!(e.kind(), ErrorKind::BadRequest, "{e}"),
        }
    })
    .catch_unwind()
    .await;
    let deleted = clusters::delete(&c, &id).await;
    let mut gone =
        clusters::wait_for_delete(&c, &id, &WaitOpts::new(Duration::from_secs(120))).await;
    // Once the conductor has removed the master node group, Magnum answers a show of the
    // cluster still being deleted with 400 (its master_count, now 0, fails validation)
    // until the cluster is gone.
    for _ in 0..60 {
        match &gone {
            Err(e)
                if e.kind() == ErrorKind::BadRequest && e.to_string().contains("master_count") =>
            {
                tokio::time::sleep(Duration::from_secs(2)).await;
                gone = clusters::wait_for_delete(&c, &id, &WaitOpts::new(Duration::from_secs(120)))
                    .await;
            }
            _ => break,
        }
    }
    let template_deleted = clustertemplates::delete(&c, &template.uuid).await;
    delete_image(&provider, &image).await;
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    deleted.ok().unwrap();
    match gone {
        Ok(()) => template_deleted.ok().unwrap(),
        // The devcloud's `magnum` user has the service role only: before deleting a
        // cluster, Magnum's conductor lists Keystone's services (for Octavia) as that
        // user, is refused, and leaves the cluster DELETE_FAILED (and its template in
        // use). Devstack gives the user the admin role.
        Err(e) => assert!(e.to_string().contains("Failed to list services"), "{e}"),
    }
}
