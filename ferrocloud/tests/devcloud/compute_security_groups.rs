//! Security groups and rules through Nova's proxy (to the real Neutron) at 2.35.

use crate::support::*;
use ferrocloud::openstack::compute::v2::security_groups::{
    self, CreateOpts, CreateRuleOpts, ListOpts, UpdateOpts,
};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_security_groups_round_trip() {
    let compute = openstack::new_compute_v2(&crate::support::fresh(member_opts()).await, region())
        .unwrap()
        .with_microversion("2.35");
    let name = unique("sg");
    let sg = security_groups::create(&compute, &CreateOpts::new(&name, "made by a test"))
        .await
        .extract()
        .unwrap();
    assert_eq!(sg.name, name);
    assert_eq!(sg.description.as_deref(), Some("made by a test"));
    assert!(!sg.tenant_id.is_empty());
    // Neutron's default egress rules are not shown: Nova lists ingress rules only.
    assert!(sg.rules.is_empty(), "{:?}", sg.rules);

    let listed = security_groups::extract_security_groups(
        &security_groups::list(&compute, &ListOpts::default())
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(listed.iter().any(|g| g.id == sg.id));
    assert!(listed.iter().any(|g| g.name == "default"));
    assert_eq!(
        security_groups::find(&compute, &name).await.unwrap().id,
        sg.id
    );

    let renamed = format!("{name}-renamed");
    let upd = security_groups::update(&compute, &sg.id, &UpdateOpts::new(&renamed, ""))
        .await
        .extract()
        .unwrap();
    assert_eq!(upd.name, renamed);
    assert_eq!(upd.description.as_deref(), Some(""));

    let ssh = security_groups::create_rule(
        &compute,
        &CreateRuleOpts::new(&sg.id)
            .protocol("tcp")
            .ports(22, 22)
            .cidr("10.0.0.0/24"),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(ssh.parent_group_id, sg.id);
    assert_eq!(ssh.ip_protocol.as_deref(), Some("tcp"));
    assert_eq!((ssh.from_port, ssh.to_port), (Some(22), Some(22)));
    assert_eq!(ssh.ip_range.cidr.as_deref(), Some("10.0.0.0/24"));
    let icmp = security_groups::create_rule(
        &compute,
        &CreateRuleOpts::new(&sg.id)
            .protocol("icmp")
            .group_id(&sg.id),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!((icmp.from_port, icmp.to_port), (Some(-1), Some(-1)));
    assert_eq!(icmp.group.name.as_deref(), Some(renamed.as_str()));
    assert_eq!(icmp.ip_range.cidr, None);

    let got = security_groups::get(&compute, &sg.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(got.rules.len(), 2, "{:?}", got.rules);
    assert!(got.rules.iter().any(|r| r.id == ssh.id));

    // The same rule twice is refused by Nova.
    let err = security_groups::create_rule(
        &compute,
        &CreateRuleOpts::new(&sg.id)
            .protocol("tcp")
            .ports(22, 22)
            .cidr("10.0.0.0/24"),
    )
    .await
    .extract()
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadRequest, "{err}");

    for r in [&ssh.id, &icmp.id] {
        let res = security_groups::delete_rule(&compute, r).await;
        assert_eq!(res.status().map(|s| s.as_u16()), Some(202));
    }
    assert!(
        security_groups::get(&compute, &sg.id)
            .await
            .extract()
            .unwrap()
            .rules
            .is_empty()
    );
    let res = security_groups::delete(&compute, &sg.id).await;
    assert_eq!(res.status().map(|s| s.as_u16()), Some(202));
    let err = security_groups::get(&compute, &sg.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    let err = security_groups::get(&compute.with_microversion("2.36"), &sg.id)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.status().is_none());
    assert!(
        err.to_string().contains("removed after microversion 2.35"),
        "{err}"
    );
}
