//! The version documents of the real Nova.

use crate::support::*;
use ferrocloud::openstack;
use ferrocloud::openstack::compute::v2::versions;

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_versions_list_and_show() {
    let compute = openstack::new_compute_v2(&member().await, region()).unwrap();
    let all = versions::list(&compute)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|v| v.id.as_str()).collect();
    assert!(ids.contains(&"v2.0") && ids.contains(&"v2.1"), "{ids:?}");
    let current = versions::get(&compute, "v2.1").await.extract().unwrap();
    assert_eq!(current.status, "CURRENT");
    let range = current.microversions().unwrap();
    assert!(range.max >= "2.88".parse().unwrap(), "{range:?}");
    assert!(!current.media_types.is_empty());
    let listed = all.iter().find(|v| v.id == "v2.1").unwrap();
    assert_eq!(listed.version, current.version);
}
