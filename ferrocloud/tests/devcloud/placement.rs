//! Placement against the real service: a provider tree with inventories, traits and
//! aggregates; custom resource classes; allocation candidates with granular groups;
//! allocations written, moved and reshaped; usages; generation conflicts.

use std::panic::AssertUnwindSafe;

use ferrocloud::openstack::placement::v1::allocation_candidates::{self, RequestGroup};
use ferrocloud::openstack::placement::v1::allocations::{
    self, AllocationsOpts, ConsumerGeneration, ManageOpts,
};
use ferrocloud::openstack::placement::v1::common::ProviderResources;
use ferrocloud::openstack::placement::v1::inventories::{
    self, InventoriesOpts, InventoryOpts, InventoryUpdate,
};
use ferrocloud::openstack::placement::v1::reshaper::{self, ReshapeOpts};
use ferrocloud::openstack::placement::v1::resource_providers::{self, CreateOpts, ListOpts};
use ferrocloud::openstack::placement::v1::usages::{self, UsageTotals};
use ferrocloud::openstack::placement::v1::{
    self as placement_v1, aggregates, resource_classes, traits, versions,
};
use ferrocloud::{ErrorKind, ServiceClient, openstack};
use futures::FutureExt;

use crate::support::*;

async fn placement() -> ServiceClient {
    openstack::new_placement_v1(&admin().await, region())
        .unwrap()
        .negotiate_microversion(placement_v1::MAX_MICROVERSION)
        .await
        .unwrap()
}

/// A UUID unique to this run.
fn uuid() -> String {
    let u = unique("u");
    let h = u.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let n = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        h >> 32,
        h & 0xffff,
        (h >> 16) & 0xfff,
        n & 0xfff,
        (n ^ h) & 0xffff_ffff_ffff
    )
}

/// A custom name (`CUSTOM_FERRO_…`) unique to this run.
fn custom(what: &str) -> String {
    format!(
        "CUSTOM_FERRO_{what}_{}",
        uuid().replace('-', "_").to_uppercase()
    )
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn placement_provider_tree_inventories_traits_aggregates_and_classes() {
    let p = placement().await;
    assert_eq!(p.microversion(), Some("1.39"));
    let v = versions::list(&p).await.extract().unwrap();
    assert_eq!(v[0].max_version, "1.39");

    let root = resource_providers::create(&p, &CreateOpts::new(unique("rp-root")))
        .await
        .extract()
        .unwrap();
    let child_uuid = uuid();
    let result = AssertUnwindSafe(async {
        assert_eq!(root.generation, 0);
        assert_eq!(root.root_provider_uuid.as_deref(), Some(root.uuid.as_str()));
        let child = resource_providers::create(
            &p,
            &CreateOpts::new(format!("{}-numa0", root.name))
                .uuid(&child_uuid)
                .parent_provider_uuid(&root.uuid),
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(child.uuid, child_uuid);
        assert_eq!(
            child.root_provider_uuid.as_deref(),
            Some(root.uuid.as_str())
        );
        let tree = ListOpts {
            in_tree: Some(child.uuid.clone()),
            ..Default::default()
        };
        assert_eq!(
            resource_providers::list(&p, &tree)
                .all()
                .await
                .unwrap()
                .len(),
            2
        );
        let found = resource_providers::find(&p, &root.name).await.unwrap();
        assert_eq!(found.uuid, root.uuid);
        let renamed = resource_providers::update(
            &p,
            &child.uuid,
            &resource_providers::UpdateOpts::new(format!("{}-numa-0", root.name))
                .parent_provider_uuid(Some(&root.uuid)),
        )
        .await
        .extract()
        .unwrap();
        assert!(renamed.name.ends_with("-numa-0"));

        // Inventories, replaced as a whole and one by one.
        let inv = InventoriesOpts::new(root.generation)
            .with("VCPU", InventoryOpts::new(8).allocation_ratio(2.0))
            .with(
                "MEMORY_MB",
                InventoryOpts::new(4096).reserved(512).step_size(256),
            );
        let got = inventories::replace(&p, &root.uuid, &inv)
            .await
            .extract()
            .unwrap();
        assert_eq!(got.resource_provider_generation, 1);
        assert_eq!(got.inventories["VCPU"].capacity(), 16);
        assert_eq!(got.inventories["MEMORY_MB"].max_unit, 2147483647);
        // The same generation again is stale now.
        let err = inventories::replace(&p, &root.uuid, &inv)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::GenerationConflict, "{err}");
        let one = inventories::update(
            &p,
            &root.uuid,
            "DISK_GB",
            &InventoryUpdate::new(1, InventoryOpts::new(100)),
        )
        .await
        .extract()
        .err();
        // Placement updates an existing class only: DISK_GB is not there yet.
        assert_eq!(one.map(|e| e.kind()), Some(ErrorKind::BadRequest));
        let vcpu = inventories::update(
            &p,
            &root.uuid,
            "VCPU",
            &InventoryUpdate::new(1, InventoryOpts::new(12).allocation_ratio(2.0)),
        )
        .await
        .extract()
        .unwrap();
        assert_eq!(
            (vcpu.inventory.total, vcpu.resource_provider_generation),
            (12, 2)
        );
        let shown = inventories::get(&p, &root.uuid, "VCPU")
            .await
            .extract()
            .unwrap();
        assert_eq!(shown, vcpu);
        inventories::delete(&p, &root.uuid, "MEMORY_MB")
            .await
            .ok()
            .unwrap();
        let listed = inventories::list(&p, &root.uuid).await.extract().unwrap();
        assert_eq!(listed.inventories.keys().collect::<Vec<_>>(), ["VCPU"]);

        // A custom resource class on the child.
        let rc = custom("RC");
        resource_classes::ensure(&p, &rc).await.ok().unwrap();
        resource_classes::ensure(&p, &rc).await.ok().unwrap();
        assert_eq!(
            resource_classes::get(&p, &rc).await.extract().unwrap().name,
            rc
        );
        let all = resource_classes::list(&p).all().await.unwrap();
        assert!(all.iter().any(|c| c.name == "VCPU") && all.iter().any(|c| c.name == rc));
        let rc2 = custom("RC2");
        resource_classes::create(&p, &rc2).await.ok().unwrap();
        let err = resource_classes::create(&p, &rc2).await.ok().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Conflict);
        // Renaming was served from 1.2 to 1.6.
        let rc3 = custom("RC3");
        let at_1_6 = p.with_microversion("1.6");
        let renamed_rc = resource_classes::rename(&at_1_6, &rc2, &rc3)
            .await
            .extract()
            .unwrap();
        assert_eq!(renamed_rc.name, rc3);
        resource_classes::delete(&p, &rc3).await.ok().unwrap();
        let child_inv =
            InventoriesOpts::new(renamed.generation).with(rc.clone(), InventoryOpts::new(4));
        inventories::replace(&p, &child.uuid, &child_inv)
            .await
            .extract()
            .unwrap();
        // A class in use is not deleted.
        let err = resource_classes::delete(&p, &rc).await.ok().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Conflict);

        // Traits.
        let t = custom("TRAIT");
        traits::create(&p, &t).await.ok().unwrap();
        assert!(traits::exists(&p, &t).await.unwrap());
        assert!(!traits::exists(&p, &custom("NONE")).await.unwrap());
        let generation = inventories::list(&p, &root.uuid)
            .await
            .extract()
            .unwrap()
            .resource_provider_generation;
        let wanted = [t.clone(), "HW_CPU_X86_AVX2".to_string()];
        let set = traits::set_for_provider(&p, &root.uuid, &wanted, generation)
            .await
            .extract()
            .unwrap();
        assert_eq!(set.resource_provider_generation, generation + 1);
        let err = traits::set_for_provider(&p, &root.uuid, &wanted, generation)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::GenerationConflict);
        let mut have = traits::list_for_provider(&p, &root.uuid)
            .await
            .extract()
            .unwrap()
            .traits;
        have.sort();
        assert_eq!(have, [t.clone(), "HW_CPU_X86_AVX2".to_string()]);
        let by_name = traits::ListOpts {
            name: Some(format!("in:{t}")),
            associated: Some(true),
        };
        assert_eq!(
            traits::list(&p, &by_name).all().await.unwrap(),
            [t.as_str()]
        );
        let with_trait = ListOpts {
            required: vec![t.clone()],
            ..Default::default()
        };
        let rps = resource_providers::list(&p, &with_trait)
            .all()
            .await
            .unwrap();
        assert_eq!(
            rps.iter().map(|r| r.uuid.as_str()).collect::<Vec<_>>(),
            [root.uuid.as_str()]
        );
        // A trait a provider has is not deleted.
        let err = traits::delete(&p, &t).await.ok().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Conflict);

        // Aggregates.
        let agg = uuid();
        let generation = set.resource_provider_generation;
        let a = aggregates::set(&p, &root.uuid, std::slice::from_ref(&agg), generation)
            .await
            .extract()
            .unwrap();
        assert_eq!(a.resource_provider_generation, Some(generation + 1));
        assert_eq!(
            aggregates::list(&p, &root.uuid)
                .await
                .extract()
                .unwrap()
                .aggregates,
            [agg.as_str()]
        );
        let members = ListOpts {
            member_of: vec![format!("in:{agg}")],
            ..Default::default()
        };
        let rps = resource_providers::list(&p, &members).all().await.unwrap();
        assert_eq!(rps.len(), 1);

        // Clean the root: traits, then the tree.
        traits::delete_for_provider(&p, &root.uuid)
            .await
            .ok()
            .unwrap();
        traits::delete(&p, &t).await.ok().unwrap();
        inventories::delete_all(&p, &child.uuid).await.ok().unwrap();
        resource_classes::delete(&p, &rc).await.ok().unwrap();
        // A provider with children is not deleted.
        let err = resource_providers::delete(&p, &root.uuid)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Conflict);
    })
    .catch_unwind()
    .await;
    let _ = resource_providers::delete(&p, &child_uuid).await;
    resource_providers::delete(&p, &root.uuid)
        .await
        .ok()
        .unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn placement_candidates_allocations_moves_reshapes_and_usages() {
    let p = placement().await;
    let project = uuid();
    let user = uuid();
    let root = uuid();
    let nic = uuid();
    let nic2 = uuid();
    let rc = custom("BW");
    let gold = custom("GOLD");
    let (c1, c2) = (uuid(), uuid());
    let result = AssertUnwindSafe(async {
        resource_classes::ensure(&p, &rc).await.ok().unwrap();
        traits::create(&p, &gold).await.ok().unwrap();
        let r = resource_providers::create(&p, &CreateOpts::new(unique("host")).uuid(&root))
            .await
            .extract()
            .unwrap();
        let n = resource_providers::create(
            &p,
            &CreateOpts::new(unique("nic"))
                .uuid(&nic)
                .parent_provider_uuid(&root),
        )
        .await
        .extract()
        .unwrap();
        let r_inv = inventories::replace(
            &p,
            &root,
            &InventoriesOpts::new(r.generation)
                .with("VCPU", InventoryOpts::new(8))
                .with("MEMORY_MB", InventoryOpts::new(8192)),
        )
        .await
        .extract()
        .unwrap();
        traits::set_for_provider(
            &p,
            &root,
            std::slice::from_ref(&gold),
            r_inv.resource_provider_generation,
        )
        .await
        .extract()
        .unwrap();
        inventories::replace(
            &p,
            &nic,
            &InventoriesOpts::new(n.generation).with(rc.clone(), InventoryOpts::new(1000)),
        )
        .await
        .extract()
        .unwrap();

        // Candidates: compute from the root, bandwidth from its NIC, in one subtree.
        let opts = allocation_candidates::ListOpts::default()
            .resources([("VCPU", 2), ("MEMORY_MB", 1024)])
            .required(gold.clone())
            .in_tree(&root)
            .group(RequestGroup::new("_NIC").resources([(rc.as_str(), 100)]))
            .group_policy("isolate")
            .root_required(gold.clone())
            .limit(5);
        let found = allocation_candidates::list(&p, &opts)
            .await
            .extract()
            .unwrap();
        assert_eq!(found.allocation_requests.len(), 1, "{found:?}");
        let req = &found.allocation_requests[0];
        assert_eq!(req.mappings["_NIC"], [nic.as_str()]);
        assert_eq!(req.mappings[""], [root.as_str()]);
        assert_eq!(req.allocations[&nic].resources[&rc], 100);
        let summary = &found.provider_summaries[&root];
        assert_eq!(summary.resources["VCPU"].capacity, 8);
        assert_eq!(summary.traits, [gold.as_str()]);
        assert_eq!(
            found.provider_summaries[&nic]
                .parent_provider_uuid
                .as_deref(),
            Some(root.as_str())
        );
        // Granular groups only, in one subtree.
        let grouped = allocation_candidates::ListOpts::default()
            .group(
                RequestGroup::new("_CPU")
                    .resources([("VCPU", 1)])
                    .in_tree(&root),
            )
            .group(
                RequestGroup::new("_NIC")
                    .resources([(rc.as_str(), 10)])
                    .in_tree(&root),
            )
            .group_policy("none")
            .same_subtree(["_CPU", "_NIC"]);
        let found_grouped = allocation_candidates::list(&p, &grouped)
            .await
            .extract()
            .unwrap();
        assert_eq!(found_grouped.allocation_requests.len(), 1);
        assert_eq!(
            found_grouped.allocation_requests[0].mappings["_CPU"],
            [root.as_str()]
        );
        // Forbidding the trait leaves nothing.
        let none = allocation_candidates::ListOpts::default()
            .resources([("VCPU", 1)])
            .in_tree(&root)
            .required(format!("!{gold}"));
        let found_none = allocation_candidates::list(&p, &none)
            .await
            .extract()
            .unwrap();
        assert!(found_none.allocation_requests.is_empty());

        // Claim the candidate for a new consumer.
        let claim = AllocationsOpts::new(&project, &user)
            .on(&root, req.allocations[&root].clone())
            .on(&nic, req.allocations[&nic].clone())
            .consumer_generation(ConsumerGeneration::New)
            .consumer_type("INSTANCE");
        allocations::replace(&p, &c1, &claim).await.ok().unwrap();
        // Claiming it again as new is a generation conflict.
        let err = allocations::replace(&p, &c1, &claim)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::GenerationConflict, "{err}");
        let held = allocations::get(&p, &c1).await.extract().unwrap();
        assert_eq!(held.next_generation(), ConsumerGeneration::Is(1));
        assert_eq!(held.project_id.as_deref(), Some(project.as_str()));
        assert_eq!(held.consumer_type.as_deref(), Some("INSTANCE"));
        assert_eq!(allocations::totals(&held.allocations)["VCPU"], 2);
        let nobody = allocations::get(&p, &uuid()).await.extract().unwrap();
        assert!(nobody.allocations.is_empty());
        assert_eq!(nobody.next_generation(), ConsumerGeneration::New);
        // More than there is: a plain conflict.
        let too_much = AllocationsOpts::new(&project, &user)
            .on(&root, ProviderResources::new([("VCPU", 64)]))
            .consumer_generation(ConsumerGeneration::New)
            .consumer_type("INSTANCE");
        let err = allocations::replace(&p, &uuid(), &too_much)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");

        // Usages.
        let on_root = usages::list_for_provider(&p, &root)
            .await
            .extract()
            .unwrap();
        assert_eq!(
            (on_root.usages["VCPU"], on_root.usages["MEMORY_MB"]),
            (2, 1024)
        );
        let by_rp = allocations::list_for_provider(&p, &nic)
            .await
            .extract()
            .unwrap();
        assert_eq!(by_rp.allocations[&c1].resources[&rc], 100);
        let u = usages::list(&p, &usages::ListOpts::project(&project))
            .await
            .extract()
            .unwrap();
        let UsageTotals::ByConsumerType(by) = u.usages else {
            panic!("by consumer type at 1.39: {:?}", u.usages);
        };
        assert_eq!(by["INSTANCE"].consumer_count, 1);
        assert_eq!(by["INSTANCE"].resources["VCPU"], 2);

        // Move the allocations to a migration consumer in one transaction.
        let mut moves = ManageOpts::default();
        moves.0.insert(
            c1.clone(),
            AllocationsOpts::new(&project, &user)
                .consumer_generation(held.next_generation())
                .consumer_type("INSTANCE"),
        );
        let mut moved = claim.clone().consumer_type("MIGRATION");
        moved.consumer_generation = Some(ConsumerGeneration::New);
        moves.0.insert(c2.clone(), moved);
        allocations::manage(&p, &moves).await.ok().unwrap();
        assert!(
            allocations::get(&p, &c1)
                .await
                .extract()
                .unwrap()
                .allocations
                .is_empty()
        );
        let now = allocations::get(&p, &c2).await.extract().unwrap();
        assert_eq!(now.consumer_type.as_deref(), Some("MIGRATION"));

        // Reshape: the bandwidth moves from the NIC to a second one, allocations too.
        let n2 = resource_providers::create(
            &p,
            &CreateOpts::new(unique("nic2"))
                .uuid(&nic2)
                .parent_provider_uuid(&root),
        )
        .await
        .extract()
        .unwrap();
        let nic_gen = inventories::list(&p, &nic)
            .await
            .extract()
            .unwrap()
            .resource_provider_generation;
        let mut realloc = AllocationsOpts::new(&project, &user)
            .on(&root, now.allocations[&root].clone())
            .on(&nic2, ProviderResources::new([(rc.as_str(), 100)]))
            .consumer_generation(now.next_generation())
            .consumer_type("MIGRATION");
        realloc.allocations.get_mut(&root).unwrap().generation = None;
        let shape = ReshapeOpts::default()
            .inventories(&nic, InventoriesOpts::new(nic_gen))
            .inventories(
                &nic2,
                InventoriesOpts::new(n2.generation).with(rc.clone(), InventoryOpts::new(1000)),
            )
            .allocations(&c2, realloc);
        // Reshaping is for services (policy `role:service`): an admin is refused.
        let err = reshaper::reshape(&p, &shape).await.ok().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden);
        let as_service =
            openstack::new_placement_v1(&fresh(service_opts("placement")).await, region())
                .unwrap()
                .with_microversion("1.39");
        reshaper::reshape(&as_service, &shape).await.ok().unwrap();
        assert!(
            inventories::list(&p, &nic)
                .await
                .extract()
                .unwrap()
                .inventories
                .is_empty()
        );
        let after = allocations::get(&p, &c2).await.extract().unwrap();
        assert_eq!(after.allocations[&nic2].resources[&rc], 100);
        assert!(!after.allocations.contains_key(&nic));

        allocations::delete(&p, &c2).await.ok().unwrap();
        let err = allocations::delete(&p, &c2).await.ok().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
    })
    .catch_unwind()
    .await;
    let _ = allocations::delete(&p, &c1).await;
    let _ = allocations::delete(&p, &c2).await;
    for rp in [&nic, &nic2, &root] {
        let _ = resource_providers::delete(&p, rp).await;
    }
    let _ = traits::delete(&p, &gold).await;
    let _ = resource_classes::delete(&p, &rc).await;
    assert!(
        resource_providers::get(&p, &root)
            .await
            .extract()
            .unwrap_err()
            .is_not_found()
    );
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}
