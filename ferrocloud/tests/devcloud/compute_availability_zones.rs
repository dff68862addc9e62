//! Availability zones against the real Nova.

use crate::support::*;
use ferrocloud::openstack::compute::v2::availability_zones;
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_availability_zones_list_and_detail() {
    let demo =
        openstack::new_compute_v2(&crate::support::fresh(member_opts()).await, region()).unwrap();
    let zones = availability_zones::list(&demo)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    let nova = zones
        .iter()
        .find(|z| z.zone_name == "nova")
        .expect("the nova zone");
    assert!(nova.zone_state.available);
    assert!(nova.hosts.is_none());
    // The detailed listing is for administrators.
    let err = availability_zones::list_detail(&demo)
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);

    let admin =
        openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region()).unwrap();
    let zones = availability_zones::list_detail(&admin)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    let internal = zones
        .iter()
        .find(|z| z.zone_name == "internal")
        .expect("the internal zone");
    let services: Vec<&String> = internal
        .hosts
        .as_ref()
        .unwrap()
        .values()
        .flat_map(|s| s.keys())
        .collect();
    assert!(
        services.iter().any(|s| *s == "nova-scheduler"),
        "{services:?}"
    );
    let nova = zones.iter().find(|z| z.zone_name == "nova").unwrap();
    let compute = nova
        .hosts
        .as_ref()
        .unwrap()
        .values()
        .find_map(|s| s.get("nova-compute"))
        .expect("a nova-compute service");
    assert!(compute.available);
    // `updated_at` stays empty until the service first reports, right after start-up.
}
