//! Flavor extra specs against the real Nova.

use crate::support::*;
use ferrocloud::openstack::compute::v2::flavor_extra_specs::{self, ExtraSpecs};
use ferrocloud::openstack::compute::v2::flavors::{self, CreateOpts};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_flavor_extra_specs_round_trip() {
    let compute = openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region())
        .unwrap()
        .with_microversion("2.61");
    let f = flavors::create(&compute, &CreateOpts::new(unique("specs"), 64, 1, 1))
        .await
        .extract()
        .unwrap();
    assert!(
        flavor_extra_specs::list(&compute, &f.id)
            .await
            .extract()
            .unwrap()
            .0
            .is_empty()
    );

    let specs = ExtraSpecs::from_iter([("hw:cpu_policy", "shared"), ("hw:numa_nodes", "1")]);
    let created = flavor_extra_specs::create(&compute, &f.id, &specs)
        .await
        .extract()
        .unwrap();
    assert_eq!(created, specs);
    let one = flavor_extra_specs::get(&compute, &f.id, "hw:numa_nodes")
        .await
        .extract()
        .unwrap();
    assert_eq!(one.value("hw:numa_nodes"), Some("1"));
    let upd = flavor_extra_specs::update(&compute, &f.id, "hw:numa_nodes", "2")
        .await
        .extract()
        .unwrap();
    assert_eq!(upd.value("hw:numa_nodes"), Some("2"));
    // From 2.61 the flavor carries its extra specs.
    let shown = flavors::get(&compute, &f.id).await.extract().unwrap();
    assert_eq!(shown.extra_specs.unwrap()["hw:numa_nodes"], "2");

    flavor_extra_specs::delete(&compute, &f.id, "hw:cpu_policy")
        .await
        .ok()
        .unwrap();
    let all = flavor_extra_specs::list(&compute, &f.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(all.0.keys().collect::<Vec<_>>(), ["hw:numa_nodes"]);
    let err = flavor_extra_specs::get(&compute, &f.id, "hw:cpu_policy")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    flavors::delete(&compute, &f.id).await.ok().unwrap();
}
