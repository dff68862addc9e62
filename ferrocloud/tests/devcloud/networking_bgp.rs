//! BGP dynamic routing against the real Neutron (neutron-dynamic-routing, no agent):
//! speakers and peers CRUD, peer and gateway network association, advertised routes,
//! the (empty) list of agents hosting a speaker. Scheduling a speaker on an agent needs
//! a running neutron-bgp-dragent: tested on the mock server only.

use crate::support::*;
use ferrocloud::openstack::networking::v2::bgp::peers::{self, AuthType};
use ferrocloud::openstack::networking::v2::bgp::{dragent_scheduler, speakers};
use ferrocloud::openstack::networking::v2::networks::{self, CreateOpts as NetOpts};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_bgp_speakers_peers_networks_routes() {
    let client = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();

    // Speaker CRUD.
    let name = unique("speaker");
    let opts = speakers::CreateOpts::new(&name, 64512, 4).advertise_tenant_networks(false);
    let speaker = speakers::create(&client, &opts).await.extract().unwrap();
    assert_eq!((speaker.local_as, speaker.ip_version), (64512, 4));
    assert!(!speaker.advertise_tenant_networks && speaker.advertise_floating_ip_host_routes);
    assert!(speaker.project_id.is_some() && speaker.peers.is_empty());
    assert_eq!(speakers::find(&client, &name).await.unwrap().id, speaker.id);
    let renamed = unique("speaker");
    let updated = speakers::update(
        &client,
        &speaker.id,
        &speakers::UpdateOpts::default()
            .name(&renamed)
            .advertise_tenant_networks(true),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.name, renamed);
    assert!(updated.advertise_tenant_networks);
    let listed = speakers::list(
        &client,
        &speakers::ListOpts {
            name: Some(renamed.clone()),
            ..Default::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(listed, std::slice::from_ref(&updated));

    // Peer CRUD: the MD5 password is accepted and never shown.
    let peer_name = unique("peer");
    let peer = peers::create(
        &client,
        &peers::CreateOpts::new(&peer_name, "192.0.2.77", 4_200_000_000).md5("s3cret-md5"),
    )
    .await;
    assert!(!String::from_utf8_lossy(peer.body().unwrap()).contains("s3cret-md5"));
    let peer = peer.extract().unwrap();
    assert_eq!(peer.auth_type, AuthType::Md5);
    assert_eq!(peer.remote_as, 4_200_000_000);
    let peer = peers::update(
        &client,
        &peer.id,
        &peers::UpdateOpts::default()
            .name("renamed")
            .password("an0ther"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(peer.name, "renamed");
    assert_eq!(peers::get(&client, &peer.id).await.extract().unwrap(), peer);
    let by_name = peers::ListOpts {
        name: Some("renamed".into()),
        peer_ip: Some("192.0.2.77".into()),
        ..Default::default()
    };
    let listed = peers::list(&client, &by_name).all().await.unwrap();
    assert!(listed.contains(&peer), "{listed:?}");
    assert!(listed.iter().all(|p| p.peer_ip == "192.0.2.77"));
    // md5 without a password is refused before anything is sent.
    let mut bad = peers::CreateOpts::new("x", "192.0.2.78", 64513).md5("x");
    bad.password = None;
    let e = peers::create(&client, &bad).await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);

    // Peer association.
    let added = speakers::add_bgp_peer(&client, &speaker.id, &peer.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(added.bgp_peer_id, peer.id);
    let shown = speakers::get(&client, &speaker.id).await.extract().unwrap();
    assert_eq!(shown.peers, std::slice::from_ref(&peer.id));
    speakers::remove_bgp_peer(&client, &speaker.id, &peer.id)
        .await
        .ok()
        .unwrap();
    let e = speakers::remove_bgp_peer(&client, &speaker.id, &peer.id)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);

    // Gateway network and advertised routes (none: no router on it).
    let net = networks::create(&client, &NetOpts::new(unique("bgp-gw")))
        .await
        .extract()
        .unwrap();
    let added = speakers::add_gateway_network(&client, &speaker.id, &net.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(added.network_id, net.id);
    let shown = speakers::get(&client, &speaker.id).await.extract().unwrap();
    assert_eq!(shown.networks, std::slice::from_ref(&net.id));
    let routes = speakers::get_advertised_routes(&client, &speaker.id)
        .await
        .extract()
        .unwrap();
    assert!(routes.is_empty());
    let agents = dragent_scheduler::list_dragents_hosting_speaker(&client, &speaker.id)
        .await
        .extract()
        .unwrap();
    assert!(agents.is_empty());
    speakers::remove_gateway_network(&client, &speaker.id, &net.id)
        .await
        .ok()
        .unwrap();

    // Clean up.
    speakers::delete(&client, &speaker.id).await.ok().unwrap();
    peers::delete(&client, &peer.id).await.ok().unwrap();
    networks::delete(&client, &net.id).await.ok().unwrap();
    let e = speakers::get(&client, &speaker.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}
