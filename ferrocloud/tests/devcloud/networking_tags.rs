//! Resource tags against the real Neutron: the six operations on a network and on a
//! port, adding several at once, and the tag filters of listings.

use std::panic::AssertUnwindSafe;

use crate::networking_ports::remove_network;
use crate::support::*;
use ferrocloud::openstack::networking::v2::common::ListControls;
use ferrocloud::openstack::networking::v2::networks::{self, CreateOpts as NetOpts, ListOpts};
use ferrocloud::openstack::networking::v2::ports::{self, CreateOpts as PortOpts};
use ferrocloud::openstack::networking::v2::tags::{self, ResourceType};
use ferrocloud::{ErrorKind, ServiceClient, openstack};
use futures::FutureExt;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_tags_on_networks_and_ports_and_tag_filters() {
    let client = openstack::new_network_v2(&fresh(member_opts()).await, region()).unwrap();
    let mut nets = Vec::new();
    for _ in 0..3 {
        let net = networks::create(&client, &NetOpts::new(unique("tags")))
            .await
            .extract()
            .unwrap();
        nets.push(net.id);
    }
    let outcome = AssertUnwindSafe(scenario(&client, &nets))
        .catch_unwind()
        .await;
    for id in &nets {
        remove_network(&client, id).await;
    }
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn sorted(client: &ServiceClient, kind: &ResourceType, id: &str) -> Vec<String> {
    let mut t = tags::list(client, kind, id).await.extract().unwrap();
    t.sort();
    t
}

async fn scenario(client: &ServiceClient, nets: &[String]) {
    let net = ResourceType::Networks;
    let (a, b, c) = (&nets[0], &nets[1], &nets[2]);
    // Unique tags, so that other networks of the project do not match the filters.
    let t = |s: &str| format!("{}-{s}", &a[..8]);
    let (red, blue, green) = (t("red"), t("blue"), t("green"));

    // Replace all, add one, check, remove one, add several, remove all.
    let now = tags::replace_all(client, &net, a, &[&red, &blue])
        .await
        .extract()
        .unwrap();
    assert_eq!(now.len(), 2);
    tags::add(client, &net, a, &green).await.ok().unwrap();
    assert_eq!(
        sorted(client, &net, a).await,
        [blue.clone(), green.clone(), red.clone()]
    );
    assert!(tags::check(client, &net, a, &green).await.unwrap());
    tags::remove(client, &net, a, &green).await.ok().unwrap();
    assert!(!tags::check(client, &net, a, &green).await.unwrap());
    let err = tags::remove(client, &net, a, &green)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    tags::replace_all(client, &net, b, &[&red])
        .await
        .ok()
        .unwrap();
    // Adding several keeps the others and answers with the ones added.
    let added = tags::add_all(client, &net, b, &[&green])
        .await
        .extract()
        .unwrap();
    assert_eq!(added, std::slice::from_ref(&green));
    assert_eq!(sorted(client, &net, b).await, [green.clone(), red.clone()]);
    tags::replace_all(client, &net, c, &[&blue])
        .await
        .ok()
        .unwrap();
    let shown = networks::get(client, c).await.extract().unwrap();
    assert_eq!(shown.tags, std::slice::from_ref(&blue));

    // a: red, blue   b: red, green   c: blue
    let ours = |controls: ListControls| ListOpts {
        controls,
        ..ListOpts::default()
    };
    let ids = |opts: ListOpts| async move {
        let mut v: Vec<String> = networks::list(client, &opts)
            .all()
            .await
            .unwrap()
            .into_iter()
            .map(|n| n.id)
            .filter(|id| nets.contains(id))
            .collect();
        v.sort();
        v
    };
    let mut ab = vec![a.clone(), b.clone()];
    ab.sort();
    let mut ac = vec![a.clone(), c.clone()];
    ac.sort();
    assert_eq!(
        ids(ours(ListControls::default().tags([&red, &blue]))).await,
        std::slice::from_ref(a)
    );
    assert_eq!(
        ids(ours(ListControls::default().tags_any([&red]))).await,
        ab
    );
    let mut bc = vec![b.clone(), c.clone()];
    bc.sort();
    // not-tags: without all of them (may have some).
    assert_eq!(
        ids(ours(ListControls::default().not_tags([&red, &blue]))).await,
        bc
    );
    // not-tags-any: with none of them.
    assert_eq!(
        ids(ours(ListControls::default().not_tags_any([&red]))).await,
        std::slice::from_ref(c)
    );
    assert_eq!(
        ids(ours(ListControls::default().tags_any([&blue]))).await,
        ac
    );

    // The same on a port.
    let port = ports::create(client, &PortOpts::new(a))
        .await
        .extract()
        .unwrap();
    let kind = ResourceType::Ports;
    tags::replace_all(client, &kind, &port.id, &[&red])
        .await
        .ok()
        .unwrap();
    tags::add(client, &kind, &port.id, &blue)
        .await
        .ok()
        .unwrap();
    assert!(tags::check(client, &kind, &port.id, &blue).await.unwrap());
    tags::remove(client, &kind, &port.id, &red)
        .await
        .ok()
        .unwrap();
    assert_eq!(
        sorted(client, &kind, &port.id).await,
        std::slice::from_ref(&blue)
    );
    let by_tag = ports::ListOpts {
        controls: ListControls::default().tags([&blue]),
        ..ports::ListOpts::default()
    };
    let found = ports::list(client, &by_tag).all().await.unwrap();
    assert_eq!(
        found.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        [port.id.as_str()]
    );
    tags::remove_all(client, &kind, &port.id)
        .await
        .ok()
        .unwrap();
    assert!(
        tags::list(client, &kind, &port.id)
            .await
            .extract()
            .unwrap()
            .is_empty()
    );
    tags::remove_all(client, &net, a).await.ok().unwrap();
    assert!(
        networks::get(client, a)
            .await
            .extract()
            .unwrap()
            .tags
            .is_empty()
    );
}
