//! Server addresses by network.
//!
//! Nova lists the addresses it knows for a server, grouped by network label (the
//! network's name). The same addresses appear in the server's `addresses` field; these
//! calls read them alone.
//!
//! ```no_run
//! # async fn demo(compute: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::compute::v2::ips;
//! let server_id = "0e44cc9c-e052-415d-afbf-469b0d384170";
//! for (network, addresses) in ips::list(&compute, server_id).await.extract()? {
//!     for a in addresses {
//!         println!("{network}: {} (IPv{})", a.addr, a.version);
//!     }
//! }
//! let private = ips::get(&compute, server_id, "private").await.extract()?;
//! println!("{:?}", private.get("private"));
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use crate::request::ApiResult;
use crate::ServiceClient;

use super::servers::Address;

/// Addresses by network label (see [`crate::openstack::compute::v2::servers::Address`]).
pub type Addresses = BTreeMap<String, Vec<Address>>;

crate::operations! {
    service: "compute";
    /// List the addresses of a server, by network.
    LIST = GET "/servers/{server_id}/ips" response("addresses", Addresses);
    /// Show the addresses of a server on one network. The answer is keyed by the
    /// network label: `{"private": [...]}`.
    GET = GET "/servers/{server_id}/ips/{network_label}" response(Addresses);
}

/// Lists the addresses of a server, by network label.
pub async fn list(client: &ServiceClient, server_id: &str) -> ApiResult<Addresses> {
    client.request(&LIST, &[server_id]).send().await
}

/// Shows the addresses of a server on the network labelled `network_label`. The answer
/// holds that one label (Nova answers 404 when the server has no address on it).
pub async fn get(
    client: &ServiceClient,
    server_id: &str,
    network_label: &str,
) -> ApiResult<Addresses> {
    client
        .request(&GET, &[server_id, network_label])
        .send()
        .await
}
