//! Hypervisors against the real Nova at several microversions.

use crate::support::*;
use ferrocloud::openstack::compute::v2::hypervisors::{self, GetOpts, ListOpts};
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_hypervisors_at_each_microversion() {
    let compute =
        openstack::new_compute_v2(&crate::support::fresh(admin_opts()).await, region()).unwrap();

    // Base version: integer IDs, resource figures, cpu_info as JSON text.
    let all = hypervisors::list(&compute, &ListOpts::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(!all.is_empty());
    assert!(all[0].id.parse::<u64>().is_ok(), "{}", all[0].id);
    let detail = hypervisors::list_detail(&compute, &ListOpts::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    let h = &detail[0];
    assert!(h.vcpus.unwrap() > 0);
    assert!(h.memory_mb.unwrap() > 0);
    assert!(h.cpu_info_object().is_some());
    let host = h.hypervisor_hostname.clone();
    let got = hypervisors::get(&compute, &h.id).await.extract().unwrap();
    assert_eq!(got.hypervisor_hostname, host);
    let stats = hypervisors::statistics(&compute).await.extract().unwrap();
    // Statistics count the hypervisors of enabled services only (0 while another test
    // has nova-compute disabled for a moment).
    assert!(stats.count as usize <= all.len());
    assert!(stats.count == 0 || stats.vcpus >= h.vcpus.unwrap());
    // The fake driver cannot tell its uptime: 501.
    match hypervisors::uptime(&compute, &h.id).await.extract() {
        Ok(up) => assert_eq!(up.hypervisor_hostname, host),
        Err(e) => assert_eq!(e.status().map(|s| s.as_u16()), Some(501), "{e}"),
    }

    // Up to 2.52: search and servers by host name.
    let v252 = compute.with_microversion("2.52");
    let found = hypervisors::search(&v252, &host)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(found.iter().any(|x| x.hypervisor_hostname == host));
    let with = hypervisors::servers(&v252, &host)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(with.iter().any(|x| x.hypervisor_hostname == host));
    let err = hypervisors::search(&v252, "no-such-host-anywhere")
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    // 2.53: UUIDs, filters, paging by UUID.
    let v253 = compute.with_microversion("2.53");
    let opts = ListOpts {
        hypervisor_hostname_pattern: Some(host.clone()),
        with_servers: Some(true),
        ..Default::default()
    };
    let listed = hypervisors::list_detail(&v253, &opts)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    let h = listed
        .iter()
        .find(|x| x.hypervisor_hostname == host)
        .unwrap();
    assert_eq!(h.id.len(), 36, "{}", h.id);
    assert_eq!(h.service.id.len(), 36);
    let paged = hypervisors::list(
        &v253,
        &ListOpts {
            limit: Some(1),
            ..Default::default()
        },
    )
    .all_pages()
    .await
    .unwrap()
    .extract()
    .unwrap();
    assert_eq!(paged.len(), all.len());
    let got = hypervisors::get_with(
        &v253,
        &h.id,
        &GetOpts {
            with_servers: Some(true),
        },
    )
    .await
    .extract()
    .unwrap();
    assert_eq!(got.id, h.id);
    assert_eq!(hypervisors::find(&v253, &host).await.unwrap().id, h.id);

    // 2.88: no resource figures, an uptime field, no statistics.
    let v288 = compute.with_microversion("2.88");
    let got = hypervisors::get(&v288, &h.id).await.extract().unwrap();
    assert_eq!(got.vcpus, None);
    assert_eq!(got.cpu_info, None);
    assert!(got.host_ip.is_some());
    let err = hypervisors::statistics(&v288).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
