//! Server topology against the real Nova: a server of a flavor without NUMA settings has
//! no nodes.

use crate::compute_servers::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::compute::v2::topology;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn no_numa_nodes() {
    let provider = admin_provider().await;
    let compute = compute_for(&provider).await;
    let opts = admin_server_opts(&provider, "topo").await;
    with_server(&compute, opts, |compute, server, _| async move {
        let t = topology::get(&compute, &server.id).await.extract().unwrap();
        assert!(t.nodes.is_empty(), "{t:?}");
        assert_eq!(t.pagesize_kb, None);
        let e = topology::get(&compute.with_microversion("2.77"), &server.id)
            .await
            .extract()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
    })
    .await;
}
