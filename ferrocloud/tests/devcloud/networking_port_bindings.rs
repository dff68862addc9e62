//! Extended port bindings against the real Neutron: a server's port bound on one host
//! gets an inactive binding on a second host, which is activated, and the first binding
//! is deleted, as the compute service does in a live migration. Neutron's default policy
//! keeps creating, activating and deleting bindings to the `service` role: the test runs
//! them as a user of its own holding that role, removed at the end.

use std::panic::AssertUnwindSafe;

use crate::networking_ports::remove_network;
use crate::support::*;
use ferrocloud::openstack::identity::v3::{grants, roles, users};
use ferrocloud::openstack::networking::v2::extensions::binding::{Binding, VnicType};
use ferrocloud::openstack::networking::v2::networks::{self, CreateOpts as NetOpts};
use ferrocloud::openstack::networking::v2::port_bindings::{self, CreateOpts, ListOpts};
use ferrocloud::openstack::networking::v2::ports::{self, CreateOpts as PortOpts, Port};
use ferrocloud::request::With;
use ferrocloud::{AuthOptions, ErrorKind, Scope, ServiceClient, openstack};
use futures::FutureExt;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_port_bindings_create_activate_delete_as_the_service_role() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let identity = admin_identity().await;
    let net = networks::create(&admin, &NetOpts::new(unique("bindings")))
        .await
        .extract()
        .unwrap();
    let password = unique("pw");
    let user = users::create(
        &identity,
        &users::CreateOpts::new(unique("svc"))
            .domain_id("default")
            .password(&password),
    )
    .await
    .extract()
    .unwrap();
    let outcome = AssertUnwindSafe(scenario(&admin, &identity, &net.id, &user.id, &password))
        .catch_unwind()
        .await;
    users::delete(&identity, &user.id).await.ok().unwrap();
    remove_network(&admin, &net.id).await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn scenario(
    admin: &ServiceClient,
    identity: &ServiceClient,
    net_id: &str,
    user_id: &str,
    password: &str,
) {
    let opts = With::new(
        PortOpts::new(net_id)
            .device_owner("compute:nova")
            .device_id(unique("server")),
        Binding::default().host_id("devcloud-src"),
    );
    let port = ports::create(admin, &opts).await.extract().unwrap();

    // Anyone who may see the port lists its bindings.
    let bindings = port_bindings::list(admin, &port.id, &ListOpts::default())
        .all()
        .await
        .unwrap();
    assert_eq!(bindings.len(), 1);
    assert_eq!(bindings[0].host, "devcloud-src");
    assert_eq!(bindings[0].status, "ACTIVE");
    assert_eq!(bindings[0].vnic_type, VnicType::Normal);
    assert_eq!(bindings[0].vif_type, "ovs");
    // An administrator without the service role may not bind.
    let err = port_bindings::create(admin, &port.id, &CreateOpts::new("devcloud-dst"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden, "{err}");

    let service = roles::find(identity, "service").await.unwrap();
    grants::assign(
        identity,
        grants::Target::Project(&port.project_id),
        grants::Actor::User(user_id),
        &service.id,
    )
    .await
    .ok()
    .unwrap();
    let opts = AuthOptions::password_by_user_id(auth_url(), user_id, password)
        .scope(Scope::project_id(&port.project_id));
    let nova = openstack::new_network_v2(&fresh(opts).await, region()).unwrap();

    let inactive = port_bindings::create(&nova, &port.id, &CreateOpts::new("devcloud-dst"))
        .await
        .extract()
        .unwrap();
    assert_eq!(
        (inactive.host.as_str(), inactive.status.as_str()),
        ("devcloud-dst", "INACTIVE")
    );
    let err = port_bindings::create(&nova, &port.id, &CreateOpts::new("devcloud-dst"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");

    let active = port_bindings::activate(&nova, &port.id, "devcloud-dst")
        .await
        .extract()
        .unwrap();
    assert_eq!(active.status, "ACTIVE");
    let filter = ListOpts {
        status: Some("INACTIVE".into()),
        ..ListOpts::default()
    };
    let old = port_bindings::list(&nova, &port.id, &filter)
        .all()
        .await
        .unwrap();
    assert_eq!(old.len(), 1);
    assert_eq!(old[0].host, "devcloud-src");
    // The port follows its active binding.
    let moved = ports::get(admin, &port.id)
        .await
        .extract_into::<With<Port, Binding>>()
        .unwrap();
    assert_eq!(moved.ext.host_id.as_deref(), Some("devcloud-dst"));

    port_bindings::delete(&nova, &port.id, "devcloud-src")
        .await
        .ok()
        .unwrap();
    let left = port_bindings::list(&nova, &port.id, &ListOpts::default())
        .all()
        .await
        .unwrap();
    assert_eq!(
        left.iter().map(|b| b.host.as_str()).collect::<Vec<_>>(),
        ["devcloud-dst"]
    );

    // A port that is not a server's has no bindings to list.
    let plain = ports::create(admin, &PortOpts::new(net_id))
        .await
        .extract()
        .unwrap();
    let err = port_bindings::list(admin, &plain.id, &ListOpts::default())
        .all()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest, "{err}");
}
