//! Security groups, their rules and the default rule templates against the real
//! Neutron: CRUD with the stateful flag and compare-and-swap updates, find, rules one at
//! a time and in bulk, listing filters, the project's default group, and a template
//! applied to a new group.

use crate::support::*;
use ferrocloud::openstack::networking::v2::default_security_group_rules::{
    self, CreateOpts as TemplateOpts, ListOpts as TemplateListOpts, PARENT,
};
use ferrocloud::openstack::networking::v2::security_group_rules::{
    self, CreateOpts as RuleOpts, Direction, Ethertype, ListOpts as RuleListOpts, Protocol,
    RuleSpec,
};
use ferrocloud::openstack::networking::v2::security_groups::{
    self, CreateOpts, ListOpts, UpdateOpts,
};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_security_groups_crud_stateful_revisions_find() {
    let member = openstack::new_network_v2(&fresh(member_opts()).await, region()).unwrap();
    let name = unique("sg");
    let sg = security_groups::create(
        &member,
        &CreateOpts::new(&name)
            .description("made by the tests")
            .stateful(false),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(
        (sg.name.as_str(), sg.description.as_str()),
        (name.as_str(), "made by the tests")
    );
    assert_eq!(sg.stateful, Some(false));
    assert_eq!(sg.shared, Some(false));
    // A new group lets everything out: one egress rule per IP version.
    assert_eq!(sg.security_group_rules.len(), 2);
    assert!(sg.security_group_rules.iter().all(|r| {
        r.direction == Direction::Egress
            && r.protocol.is_none()
            && r.security_group_id == sg.id
            && r.belongs_to_default_sg == Some(false)
    }));
    let mut versions: Vec<Ethertype> = sg
        .security_group_rules
        .iter()
        .map(|r| r.ethertype)
        .collect();
    versions.sort_by_key(|e| *e == Ethertype::Ipv6);
    assert_eq!(versions, [Ethertype::Ipv4, Ethertype::Ipv6]);

    // "default" is refused by the SDK before Neutron sees it.
    let err = security_groups::create(&member, &CreateOpts::new("default"))
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);

    // Compare-and-swap: the read revision updates, a stale one gets 412.
    let shown = security_groups::get(&member, &sg.id)
        .await
        .extract()
        .unwrap();
    let updated = security_groups::update_if_revision(
        &member,
        &sg.id,
        shown.revision_number,
        &UpdateOpts::default()
            .name(format!("{name}-2"))
            .stateful(true),
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(updated.stateful, Some(true));
    assert!(updated.revision_number > shown.revision_number);
    let err = security_groups::update_if_revision(
        &member,
        &sg.id,
        shown.revision_number,
        &UpdateOpts::default().description("stale"),
    )
    .await
    .extract()
    .unwrap_err();
    assert!(err.is_precondition_failed(), "{err}");

    assert_eq!(
        security_groups::find(&member, &format!("{name}-2"))
            .await
            .unwrap()
            .id,
        sg.id
    );
    let stateful = security_groups::list(
        &member,
        &ListOpts {
            name: Some(format!("{name}-2")),
            stateful: Some(true),
            ..ListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert_eq!(stateful.len(), 1);

    security_groups::delete(&member, &sg.id).await.ok().unwrap();
    let err = security_groups::get(&member, &sg.id)
        .await
        .extract()
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_security_groups_rules_one_bulk_filters_and_the_default_group() {
    let member = openstack::new_network_v2(&fresh(member_opts()).await, region()).unwrap();
    let sg = security_groups::create(&member, &CreateOpts::new(unique("sg-rules")))
        .await
        .extract()
        .unwrap();
    // What the group starts with (the templates of the moment: other tests may add some).
    let initially = |d: Direction| {
        sg.security_group_rules
            .iter()
            .filter(|r| r.direction == d)
            .count()
    };
    let (ingress0, egress0) = (initially(Direction::Ingress), initially(Direction::Egress));

    let ssh = RuleSpec::ingress()
        .protocol(Protocol::Tcp)
        .ports(22, 22)
        .remote_ip_prefix("203.0.113.9/24")
        .description("ssh");
    let rule = security_group_rules::create(&member, &RuleOpts::new(&sg.id, ssh))
        .await
        .extract()
        .unwrap();
    assert_eq!(rule.protocol, Some(Protocol::Tcp));
    assert_eq!(
        (rule.port_range_min, rule.port_range_max),
        (Some(22), Some(22))
    );
    assert_eq!(rule.ethertype, Ethertype::Ipv4, "Neutron's default");
    // Neutron keeps the prefix as given, and says what it applies.
    assert_eq!(rule.remote_ip_prefix.as_deref(), Some("203.0.113.9/24"));
    assert_eq!(rule.normalized_cidr.as_deref(), Some("203.0.113.0/24"));

    // Bulk: all or none. A protocol by number stays a number.
    let rules = [
        RuleOpts::new(
            &sg.id,
            RuleSpec::ingress()
                .ethertype(Ethertype::Ipv6)
                .protocol(Protocol::Ipv6Icmp)
                .ports(128, 0),
        ),
        RuleOpts::new(&sg.id, RuleSpec::ingress().protocol(Protocol::Number(112))),
        RuleOpts::new(
            &sg.id,
            RuleSpec::ingress()
                .protocol(Protocol::Udp)
                .ports(5000, 5100)
                .remote_group_id(&sg.id),
        ),
    ];
    let created = security_group_rules::create_bulk(&member, &rules)
        .await
        .extract()
        .unwrap();
    assert_eq!(created.len(), 3);
    assert_eq!(created[0].protocol, Some(Protocol::Ipv6Icmp));
    assert_eq!(created[1].protocol, Some(Protocol::Number(112)));
    assert_eq!(created[2].remote_group_id.as_deref(), Some(sg.id.as_str()));

    // A bulk request with one bad rule creates nothing (a duplicate of the SSH rule).
    let dup = [
        RuleOpts::new(
            &sg.id,
            RuleSpec::egress().protocol(Protocol::Sctp).ports(9, 9),
        ),
        RuleOpts::new(
            &sg.id,
            RuleSpec::ingress()
                .protocol(Protocol::Tcp)
                .ports(22, 22)
                .remote_ip_prefix("203.0.113.9/24"),
        ),
    ];
    let err = security_group_rules::create_bulk(&member, &dup)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");

    // Filters.
    let by = |opts: RuleListOpts| {
        let member = member.clone();
        async move {
            security_group_rules::list(&member, &opts)
                .all()
                .await
                .unwrap()
        }
    };
    let ingress = by(RuleListOpts {
        security_group_id: Some(sg.id.clone()),
        direction: Some(Direction::Ingress),
        ..RuleListOpts::default()
    })
    .await;
    assert_eq!(ingress.len(), ingress0 + 4);
    let egress = by(RuleListOpts {
        security_group_id: Some(sg.id.clone()),
        direction: Some(Direction::Egress),
        ..RuleListOpts::default()
    })
    .await;
    assert_eq!(
        egress.len(),
        egress0,
        "the sctp rule of the failed bulk is not there"
    );
    let v6 = by(RuleListOpts {
        security_group_id: Some(sg.id.clone()),
        ethertype: Some(Ethertype::Ipv6),
        protocol: Some(Protocol::Ipv6Icmp),
        ..RuleListOpts::default()
    })
    .await;
    assert_eq!(v6.len(), 1);
    assert_eq!(v6[0].id, created[0].id);
    let udp = by(RuleListOpts {
        security_group_id: Some(sg.id.clone()),
        port_range_min: Some(5000),
        remote_group_id: Some(sg.id.clone()),
        ..RuleListOpts::default()
    })
    .await;
    assert_eq!(udp.len(), 1);
    let prefixed = by(RuleListOpts {
        security_group_id: Some(sg.id.clone()),
        remote_ip_prefix: Some("203.0.113.9/24".into()),
        ..RuleListOpts::default()
    })
    .await;
    assert_eq!(prefixed.len(), 1);
    assert_eq!(prefixed[0].id, rule.id);

    // The group shows its rules.
    let shown = security_groups::get(&member, &sg.id)
        .await
        .extract()
        .unwrap();
    assert_eq!(
        shown.security_group_rules.len(),
        sg.security_group_rules.len() + 4
    );

    security_group_rules::delete(&member, &rule.id)
        .await
        .ok()
        .unwrap();
    let err = security_group_rules::get(&member, &rule.id)
        .await
        .extract()
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");

    // The project's default group: its ingress rules admit the group's own ports. (A
    // default group Neutron creates while answering a listing comes with
    // belongs_to_default_sg null in its rules: show it again.)
    let default = security_groups::find(&member, "default").await.unwrap();
    let default = security_groups::get(&member, &default.id)
        .await
        .extract()
        .unwrap();
    let from_itself: Vec<_> = default
        .security_group_rules
        .iter()
        .filter(|r| r.direction == Direction::Ingress)
        .collect();
    assert!(!from_itself.is_empty());
    assert!(
        from_itself
            .iter()
            .all(|r| r.remote_group_id.as_deref() == Some(default.id.as_str()))
    );
    assert!(
        default
            .security_group_rules
            .iter()
            .all(|r| r.belongs_to_default_sg == Some(true))
    );

    security_groups::delete(&member, &sg.id).await.ok().unwrap();
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn networking_security_groups_default_rule_templates_apply_to_new_groups() {
    let admin = openstack::new_network_v2(&fresh(admin_opts()).await, region()).unwrap();
    let member = openstack::new_network_v2(&fresh(member_opts()).await, region()).unwrap();

    // Neutron's own templates: egress to anywhere, ingress from the group itself
    // (PARENT) in default groups.
    let templates = default_security_group_rules::list(&admin, &TemplateListOpts::default())
        .all()
        .await
        .unwrap();
    assert!(templates.iter().any(|t| {
        t.direction == Direction::Ingress
            && t.remote_group_id.as_deref() == Some(PARENT)
            && t.used_in_default_sg
    }));
    let parents = default_security_group_rules::list(
        &admin,
        &TemplateListOpts {
            remote_group_id: Some(PARENT.into()),
            ..TemplateListOpts::default()
        },
    )
    .all()
    .await
    .unwrap();
    assert!(!parents.is_empty());
    assert!(
        parents
            .iter()
            .all(|t| t.remote_group_id.as_deref() == Some(PARENT))
    );

    // A template for non-default groups, kept only while one group is created.
    let marker = unique("template");
    let spec = RuleSpec::ingress()
        .protocol(Protocol::Udp)
        .ports(54321, 54321)
        .remote_ip_prefix("198.51.100.0/24")
        .description(&marker);
    let template = default_security_group_rules::create(&admin, &TemplateOpts::other_groups(spec))
        .await
        .extract()
        .unwrap();
    assert!(!template.used_in_default_sg && template.used_in_non_default_sg);
    assert_eq!(template.description, marker);
    let sg = security_groups::create(&member, &CreateOpts::new(unique("sg-template"))).await;
    default_security_group_rules::delete(&admin, &template.id)
        .await
        .ok()
        .unwrap();
    let sg = sg.extract().unwrap();
    // Neutron copies what the template matches, not its description.
    let applied: Vec<_> = sg
        .security_group_rules
        .iter()
        .filter(|r| r.remote_ip_prefix.as_deref() == Some("198.51.100.0/24"))
        .collect();
    assert_eq!(applied.len(), 1, "{:?}", sg.security_group_rules);
    assert_eq!(applied[0].port_range_min, Some(54321));
    assert_eq!(applied[0].protocol, Some(Protocol::Udp));
    let err = default_security_group_rules::get(&admin, &template.id)
        .await
        .extract()
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");

    // Members may read the templates but not change them.
    let err = default_security_group_rules::create(
        &member,
        &TemplateOpts::everywhere(RuleSpec::egress()),
    )
    .await
    .extract()
    .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Forbidden | ErrorKind::NotFound),
        "{err}"
    );
    security_groups::delete(&member, &sg.id).await.ok().unwrap();
}
