//! Host aggregates against the real Nova: CRUD, the devcloud compute host in and out,
//! metadata, image pre-caching (2.81), find.

use std::collections::BTreeMap;

use crate::support::*;
use ferrocloud::openstack::compute::v2::aggregates::{
    self, CacheImagesOpts, CreateOpts, UpdateOpts,
};
use ferrocloud::openstack::compute::v2::{compute_services, images};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_aggregates_crud_hosts_metadata() {
    let compute = openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region())
        .unwrap()
        .with_microversion("2.81");
    let host = compute_services::list(
        &compute,
        &compute_services::ListOpts {
            binary: Some("nova-compute".into()),
            ..Default::default()
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap()
    .remove(0)
    .host;

    let name = unique("agg");
    let agg = aggregates::create(&compute, &CreateOpts::new(&name))
        .await
        .extract()
        .unwrap();
    assert_eq!(agg.name, name);
    assert!(agg.id.parse::<u64>().is_ok(), "{}", agg.id);
    let uuid = agg.uuid.clone().unwrap();
    assert_eq!(aggregates::find(&compute, &name).await.unwrap().id, agg.id);
    assert_eq!(aggregates::find(&compute, &uuid).await.unwrap().id, agg.id);
    assert_eq!(
        aggregates::find(&compute, &agg.id).await.unwrap().name,
        name
    );

    let renamed = unique("agg-renamed");
    let upd = UpdateOpts {
        name: Some(renamed.clone()),
        ..Default::default()
    };
    assert_eq!(
        aggregates::update(&compute, &agg.id, &upd)
            .await
            .extract()
            .unwrap()
            .name,
        renamed
    );

    let with_host = aggregates::add_host(&compute, &agg.id, &host)
        .await
        .extract()
        .unwrap();
    assert_eq!(with_host.hosts, std::slice::from_ref(&host));
    // Adding it twice is a conflict.
    let err = aggregates::add_host(&compute, &agg.id, &host)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);

    let meta = BTreeMap::from([
        ("ferro_tier".to_string(), Some("gold".to_string())),
        ("ferro_other".to_string(), Some("x".to_string())),
    ]);
    let m = aggregates::set_metadata(&compute, &agg.id, &meta)
        .await
        .extract()
        .unwrap();
    assert_eq!(m.metadata["ferro_tier"], "gold");
    let remove = BTreeMap::from([("ferro_other".to_string(), None)]);
    let m = aggregates::set_metadata(&compute, &agg.id, &remove)
        .await
        .extract()
        .unwrap();
    assert!(!m.metadata.contains_key("ferro_other"));
    assert_eq!(m.metadata["ferro_tier"], "gold");

    // Image pre-caching is accepted and runs in the background.
    let image = images::find(&compute.with_microversion("2.35"), "devcloud-raw")
        .await
        .unwrap();
    aggregates::cache_images(
        &compute,
        &agg.id,
        &CacheImagesOpts::new([image.id.as_str()]),
    )
    .await
    .ok()
    .unwrap();

    let all =
        aggregates::extract_aggregates(&aggregates::list(&compute).all_pages().await.unwrap())
            .unwrap();
    assert!(
        all.iter()
            .any(|a| a.id == agg.id && a.hosts == [host.clone()])
    );

    // An aggregate with hosts cannot be deleted.
    let err = aggregates::delete(&compute, &agg.id)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    let without = aggregates::remove_host(&compute, &agg.id, &host)
        .await
        .extract()
        .unwrap();
    assert!(without.hosts.is_empty());
    aggregates::delete(&compute, &agg.id).await.ok().unwrap();
    let err = aggregates::get(&compute, &agg.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_aggregates_availability_zone() {
    let compute =
        openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region()).unwrap();
    let az = unique("az");
    let agg = aggregates::create(
        &compute,
        &CreateOpts::new(unique("agg-az")).availability_zone(&az),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(agg.availability_zone.as_deref(), Some(az.as_str()));
    let shown = aggregates::get(&compute, &agg.id).await.extract().unwrap();
    assert_eq!(shown.metadata["availability_zone"], az);
    assert!(shown.uuid.is_none(), "no UUID before 2.41");
    aggregates::delete(&compute, &agg.id).await.ok().unwrap();
}
