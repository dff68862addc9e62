//! Port interfaces against the real Nova and Neutron.

use crate::compute_ips::{
    create_port, delete_port, get_port, member_compute, private_network, run_then, wait_opts,
    with_server,
};
use crate::support::unique;
use ferrocloud::openstack::compute::v2::interfaces::{self, CreateOpts};
use ferrocloud::wait::State;
use ferrocloud::{ErrorKind, ServiceClient, openstack};

/// Waits until Nova lists (or no longer lists) the port on the server.
async fn wait_listed(compute: &ServiceClient, server: &str, port: &str, listed: bool) {
    ferrocloud::wait::wait_for(
        &format!("port {port} to be listed: {listed}"),
        &wait_opts(),
        || async {
            let page = interfaces::list(compute, server).all_pages().await?;
            interfaces::extract_interfaces(&page)
        },
        |all: &Vec<interfaces::Interface>| {
            if all.iter().any(|i| i.port_id == port) == listed {
                State::Ready
            } else {
                State::Pending
            }
        },
        |_| {},
    )
    .await
    .unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn attach_a_port_and_a_network_then_detach() {
    with_server(
        &member_compute().await,
        "ifaces",
        |compute, id| async move {
            let network =
                openstack::new_network_v2(compute.provider(), crate::support::region()).unwrap();
            let port = create_port(&network, &unique("port")).await;
            let body = async {
                let compute = compute.with_microversion("2.70");
                let net = private_network(&network).await;
                let before = interfaces::extract_interfaces(
                    &interfaces::list(&compute, &id).all_pages().await.unwrap(),
                )
                .unwrap();
                assert_eq!(before.len(), 1, "the boot port: {before:?}");

                // An existing port, tagged.
                let i = interfaces::create(&compute, &id, &CreateOpts::port(&port).tag("data"))
                    .await
                    .extract()
                    .unwrap();
                assert_eq!(i.port_id, port);
                assert_eq!(i.net_id, net);
                assert_eq!(i.tag.as_deref(), Some("data"));
                assert!(!i.mac_addr.is_empty());
                assert_eq!(i.fixed_ips.len(), 1, "{i:?}");
                wait_listed(&compute, &id, &port, true).await;
                let shown = interfaces::get(&compute, &id, &port)
                    .await
                    .extract()
                    .unwrap();
                assert_eq!(shown.mac_addr, i.mac_addr);
                assert_eq!(shown.fixed_ips, i.fixed_ips);
                let neutron_port = get_port(&network, &port).await.unwrap();
                assert_eq!(neutron_port["device_id"], id.as_str());
                assert_eq!(neutron_port["mac_address"], i.mac_addr.as_str());

                // A network: Nova creates the port.
                let j = interfaces::create(&compute, &id, &CreateOpts::network(&net))
                    .await
                    .extract()
                    .unwrap();
                assert_eq!(j.net_id, net);
                assert_ne!(j.port_id, port);
                assert_eq!(j.tag, None);
                wait_listed(&compute, &id, &j.port_id, true).await;

                // Detach both: the user's port stays (unbound), Nova's is deleted.
                let r = interfaces::delete(&compute, &id, &port).await;
                r.ok().unwrap();
                assert_eq!(r.status().unwrap().as_u16(), 202);
                interfaces::delete(&compute, &id, &j.port_id)
                    .await
                    .ok()
                    .unwrap();
                wait_listed(&compute, &id, &port, false).await;
                wait_listed(&compute, &id, &j.port_id, false).await;
                let kept = get_port(&network, &port).await.unwrap();
                assert_eq!(kept["device_id"], "");
                let gone = ferrocloud::wait::wait_for_deletion("nova's port", &wait_opts(), || {
                    get_port(&network, &j.port_id)
                })
                .await;
                assert!(gone.is_ok(), "{gone:?}");

                let err = interfaces::get(&compute, &id, &port)
                    .await
                    .extract()
                    .unwrap_err();
                assert_eq!(err.kind(), ErrorKind::NotFound);
                // Refused by the SDK: a port and a network at once.
                let both = CreateOpts {
                    net_id: Some(net.clone()),
                    ..CreateOpts::port(&port)
                };
                let err = interfaces::create(&compute, &id, &both)
                    .await
                    .ok()
                    .unwrap_err();
                assert_eq!(err.kind(), ErrorKind::InvalidInput);
            };
            run_then(body, delete_port(&network, &port)).await;
        },
    )
    .await;
}
