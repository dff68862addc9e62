//! The security groups of a server against the real Nova (read from Neutron).

use crate::compute_ips::{member_compute, with_server};
use ferrocloud::openstack::compute::v2::{server_security_groups, servers};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn lists_the_default_group() {
    with_server(
        &member_compute().await,
        "secgroups",
        |compute, id| async move {
            let page = server_security_groups::list(&compute, &id)
                .all_pages()
                .await
                .unwrap();
            let groups = server_security_groups::extract_security_groups(&page).unwrap();
            assert_eq!(groups.len(), 1, "{groups:?}");
            let default = &groups[0];
            assert_eq!(default.name, "default");
            assert!(!default.id.is_empty());
            assert!(!default.tenant_id.is_empty());
            // Neutron's default group lets the group's own members in (ingress rules by
            // group); its egress rules are not shown by the compute API.
            assert!(!default.rules.is_empty(), "{default:?}");
            for r in &default.rules {
                assert_eq!(r.parent_group_id, default.id);
                assert!(r.ip_range.cidr.is_some() || r.group.name.is_some(), "{r:?}");
            }
            assert!(
                default
                    .rules
                    .iter()
                    .any(|r| r.group.name.as_deref() == Some("default")),
                "{default:?}"
            );

            // The server names the same group.
            let server = servers::get(&compute, &id).await.extract().unwrap();
            assert_eq!(
                server
                    .security_groups
                    .iter()
                    .map(|g| g.name.as_str())
                    .collect::<Vec<_>>(),
                ["default"]
            );
        },
    )
    .await;
}
