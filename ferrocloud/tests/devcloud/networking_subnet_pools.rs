//! Subnet pools against the real Neutron: a pool in an address scope, its prefixes added
//! and removed (merged where adjacent), a subnet allocated from it and the network's
//! address scope, compare-and-swap updates, filters, find, and a network's subnets
//! onboarded into the pool.

use crate::support::*;
use ferrocloud::openstack::networking::v2::address_scopes;
use ferrocloud::openstack::networking::v2::extensions::address_scopes::AddressScopes;
use ferrocloud::openstack::networking::v2::networks::{self, Network};
use ferrocloud::openstack::networking::v2::subnet_pools::{self, CreateOpts, ListOpts, UpdateOpts};
use ferrocloud::openstack::networking::v2::subnets;
use ferrocloud::request::With;
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_subnet_pools_prefixes_allocation_scope_and_onboarding() {
    let member = openstack::new_network_v2(&fresh(member_opts()).await, region()).unwrap();
    let scope = address_scopes::create(&member, &address_scopes::CreateOpts::ipv4(unique("scope")))
        .await
        .extract()
        .unwrap();

    let name = unique("pool");
    let pool = subnet_pools::create(
        &member,
        &CreateOpts::new(&name, ["10.60.0.0/16"])
            .min_prefixlen(24)
            .default_prefixlen(26)
            .max_prefixlen(28)
            .address_scope_id(&scope.id)
            .description("made by the tests"),
    )
    .await
    .extract()
    .unwrap();
    // Neutron sends the prefix lengths as text; they read as numbers.
    assert_eq!(
        (
            pool.min_prefixlen,
            pool.default_prefixlen,
            pool.max_prefixlen
        ),
        (24, 26, 28)
    );
    assert_eq!(pool.address_scope_id.as_deref(), Some(scope.id.as_str()));
    assert_eq!(
        (pool.ip_version, pool.is_default, pool.shared),
        (4, false, false)
    );
    assert_eq!(pool.default_quota, None);

    // Adjacent prefixes merge; removing one splits them again.
    let after = subnet_pools::add_prefixes(&member, &pool.id, ["10.61.0.0/16"])
        .await
        .extract()
        .unwrap();
    assert_eq!(after.prefixes, ["10.60.0.0/15"]);
    let after = subnet_pools::remove_prefixes(&member, &pool.id, ["10.61.0.0/16"])
        .await
        .extract()
        .unwrap();
    assert_eq!(after.prefixes, ["10.60.0.0/16"]);

    // A subnet from the pool takes the default length; the network joins the scope.
    let net = networks::create(&member, &networks::CreateOpts::new(unique("pool-net")))
        .await
        .extract()
        .unwrap();
    let subnet = subnets::create(
        &member,
        &subnets::CreateOpts::from_pool(&net.id, 4, &pool.id),
    )
    .await
    .extract()
    .unwrap();
    assert!(
        subnet.cidr.starts_with("10.60.") && subnet.cidr.ends_with("/26"),
        "{}",
        subnet.cidr
    );
    assert_eq!(subnet.subnetpool_id.as_deref(), Some(pool.id.as_str()));
    let with_scope = networks::get(&member, &net.id)
        .await
        .extract_into::<With<Network, AddressScopes>>()
        .unwrap();
    assert_eq!(
        with_scope.ext.ipv4_address_scope.as_deref(),
        Some(scope.id.as_str())
    );
    // Addresses in use: the prefix cannot go.
    let err = subnet_pools::remove_prefixes(&member, &pool.id, ["10.60.0.0/16"])
        .await
        .extract()
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::BadRequest | ErrorKind::Conflict),
        "{err}"
    );

    // Compare-and-swap update; filters; find.
    let rev = subnet_pools::get(&member, &pool.id)
        .await
        .extract()
        .unwrap()
        .revision_number;
    let updated = subnet_pools::update_if_revision(
        &member,
        &pool.id,
        rev,
        &UpdateOpts::default()
            .default_prefixlen(25)
            .default_quota(Some(1024)),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (updated.default_prefixlen, updated.default_quota),
        (25, Some(1024))
    );
    let err = subnet_pools::update_if_revision(
        &member,
        &pool.id,
        rev,
        &UpdateOpts::default().name("stale"),
    )
    .await
    .extract()
    .unwrap_err();
    assert!(err.is_precondition_failed(), "{err}");
    let in_scope = subnet_pools::list(
        &member,
        &ListOpts {
            address_scope_id: Some(scope.id.clone()),
            ..ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(in_scope.len(), 1);
    assert_eq!(
        subnet_pools::find(&member, &name).await.unwrap().id,
        pool.id
    );

    // Onboarding: another network's subnet, made from a CIDR, moves into the pool.
    let other = networks::create(&member, &networks::CreateOpts::new(unique("onboard-net")))
        .await
        .extract()
        .unwrap();
    let loose = subnets::create(
        &member,
        &subnets::CreateOpts::ipv4(&other.id, "10.62.3.0/24"),
    )
    .await
    .extract()
    .unwrap();
    let moved = subnet_pools::onboard_network_subnets(&member, &pool.id, &other.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(moved.len(), 1);
    assert_eq!(
        (moved[0].id.as_str(), moved[0].cidr.as_str()),
        (loose.id.as_str(), "10.62.3.0/24")
    );
    let pool_now = subnet_pools::get(&member, &pool.id)
        .await
        .extract()
        .unwrap();
    assert!(
        pool_now.prefixes.contains(&"10.62.3.0/24".to_string()),
        "{:?}",
        pool_now.prefixes
    );
    assert_eq!(
        subnets::get(&member, &loose.id)
            .await
            .extract()
            .unwrap()
            .subnetpool_id
            .as_deref(),
        Some(pool.id.as_str())
    );

    // A scope in use by a pool cannot be deleted.
    let err = address_scopes::delete(&member, &scope.id)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");

    for s in [&subnet.id, &loose.id] {
        subnets::delete(&member, s).await.ok().unwrap();
    }
    for n in [&net.id, &other.id] {
        networks::delete(&member, n).await.ok().unwrap();
    }
    subnet_pools::delete(&member, &pool.id).await.ok().unwrap();
    address_scopes::delete(&member, &scope.id)
        .await
        .ok()
        .unwrap();
}
