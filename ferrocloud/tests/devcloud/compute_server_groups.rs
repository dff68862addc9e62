//! Server groups against the real Nova, as the `demo` member.

use crate::compute_ips::{boot_with, delete_server, member_compute, run_then};
use crate::support::unique;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::compute::v2::server_groups::{self, CreateOpts, ListOpts, Policy};
use ferrocloud::openstack::compute::v2::servers;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn anti_affinity_with_rules_crud() {
    let compute = member_compute().await.with_microversion("2.64");
    let name = unique("sg");
    let opts = CreateOpts::new(&name, Policy::AntiAffinity).max_server_per_host(2);
    let g = server_groups::create(&compute, &opts)
        .await
        .extract()
        .unwrap();
    let body = async {
        assert_eq!(g.name, name);
        assert_eq!(g.policy.as_deref(), Some("anti-affinity"));
        assert_eq!(g.rules.unwrap().max_server_per_host, Some(2));
        assert_eq!(g.policies, None);
        assert_eq!(g.metadata, None);
        assert!(g.members.is_empty());
        assert!(g.project_id.is_some() && g.user_id.is_some());

        let got = server_groups::get(&compute, &g.id).await.extract().unwrap();
        assert_eq!(got, g);
        let found = server_groups::find(&compute, &name).await.unwrap();
        assert_eq!(found.id, g.id);
        assert_eq!(server_groups::find(&compute, &g.id).await.unwrap().id, g.id);
        let listed = server_groups::extract_server_groups(
            &server_groups::list(&compute, &ListOpts::default())
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(listed.iter().any(|x| x.id == g.id));

        // The same group before 2.64: `policies` and an empty `metadata`.
        let old = server_groups::get(&compute.with_microversion("2.13"), &g.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(old.policies, Some(vec!["anti-affinity".to_string()]));
        assert_eq!(old.policy, None);
        assert_eq!(old.metadata, Some(Default::default()));
        assert_eq!(old.policy_name(), Some("anti-affinity"));
        let base = server_groups::get(&compute.without_microversion(), &g.id)
            .await
            .extract()
            .unwrap();
        assert_eq!(base.project_id, None);

        // A server booted in the group is a member.
        let hints = serde_json::json!({"os:scheduler_hints": {"group": g.id}});
        let sid = boot_with(&compute, "sg-member", hints).await;
        let check = async {
            let g2 = server_groups::get(&compute, &g.id).await.extract().unwrap();
            assert_eq!(g2.members, std::slice::from_ref(&sid));
            let s = servers::get(&compute.with_microversion("2.71"), &sid)
                .await
                .extract()
                .unwrap();
            assert_eq!(s.server_groups, Some(vec![g.id.clone()]));
        };
        run_then(check, delete_server(&compute, &sid)).await;

        // A member cannot see every project's groups: Nova quietly lists its own.
        let all = ListOpts {
            all_projects: true,
            ..Default::default()
        };
        let mine = server_groups::extract_server_groups(
            &server_groups::list(&compute, &all)
                .all_pages()
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(mine.iter().all(|x| x.project_id == g.project_id));
    };
    let cleanup = async {
        if let Err(e) = server_groups::delete(&compute, &g.id).await.ok() {
            eprintln!("cleanup: deleting server group {}: {e}", g.id);
        }
    };
    run_then(body, cleanup).await;
    let err = server_groups::get(&compute, &g.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = server_groups::delete(&compute, &g.id)
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn older_microversions_send_policies() {
    let compute = member_compute().await;
    // 2.15: soft policies, sent as `policies`.
    let v215 = compute.with_microversion("2.15");
    let name = unique("sg-soft");
    let g = server_groups::create(&v215, &CreateOpts::new(&name, Policy::SoftAffinity))
        .await
        .extract()
        .unwrap();
    let body = async {
        assert_eq!(g.policies, Some(vec!["soft-affinity".to_string()]));
        assert_eq!(g.policy_name(), Some("soft-affinity"));
        // Refused before sending: rules before 2.64, soft policies before 2.15.
        let err = server_groups::create(
            &v215,
            &CreateOpts::new(&name, Policy::AntiAffinity).max_server_per_host(2),
        )
        .await
        .ok()
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        let err =
            server_groups::create(&compute, &CreateOpts::new(&name, Policy::SoftAntiAffinity))
                .await
                .ok()
                .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        // Rules go with anti-affinity only (refused by the SDK; Nova answers 400).
        let bad = CreateOpts {
            rules: Some(server_groups::Rules {
                max_server_per_host: Some(2),
            }),
            ..CreateOpts::new(&name, Policy::Affinity)
        };
        let err = server_groups::create(&compute.with_microversion("2.64"), &bad)
            .await
            .ok()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    };
    let cleanup = async {
        let _ = server_groups::delete(&compute, &g.id).await;
    };
    run_then(body, cleanup).await;
}
