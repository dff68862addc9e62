//! The legacy extension listing of the real Nova.

use crate::support::*;
use ferrocloud::openstack::compute::v2::api_extensions;
use ferrocloud::{ErrorKind, openstack};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn compute_api_extensions_list_and_get() {
    let compute = openstack::new_compute_v2(&fresh(member_opts()).await, region()).unwrap();
    let all = api_extensions::list(&compute)
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert!(all.len() > 10);
    let first = &all[0];
    let got = api_extensions::get(&compute, &first.alias)
        .await
        .extract()
        .unwrap();
    assert_eq!(&got, first);
    let err = api_extensions::get(&compute, "no-such-extension")
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

/// A provider that opens a new connection per request: the devcloud's nova-api closes
/// the connection after an error answer without saying so, and a request sent on it
/// right after would meet a reset.
async fn fresh(opts: ferrocloud::AuthOptions) -> ferrocloud::ProviderClient {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let provider = ferrocloud::ProviderClient::builder(opts.auth_url.clone())
        .http_client(http)
        .build()
        .unwrap();
    provider.authenticate(opts).await.unwrap();
    provider
}
