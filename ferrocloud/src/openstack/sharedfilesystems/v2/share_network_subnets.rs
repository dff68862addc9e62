//! Subnets of a share network (2.51): one per availability zone (or one for all).
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_network_subnets::{self, CreateOpts};
//! let manila = manila.with_microversion("2.51");
//! let opts = CreateOpts { neutron_net_id: Some("6218".into()), neutron_subnet_id: Some("2276".into()),
//!     availability_zone: Some("manila-zone-0".into()) };
//! let subnet = share_network_subnets::create(&manila, "1324e7d3", &opts).await.extract()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "shared-file-system";
    /// List a share network's subnets.
    LIST = GET "/share-networks/{share_network_id}/subnets" since("2.51") list("share_network_subnets", Subnet);
    /// Show a subnet.
    GET = GET "/share-networks/{share_network_id}/subnets/{share_network_subnet_id}" since("2.51") response("share_network_subnet", Subnet);
    /// Create a subnet.
    CREATE = POST "/share-networks/{share_network_id}/subnets" since("2.51") request("share-network-subnet", CreateOpts) response("share_network_subnet", Subnet);
    /// Delete a subnet.
    DELETE = DELETE "/share-networks/{share_network_id}/subnets/{share_network_subnet_id}" since("2.51");
}

/// A share network subnet.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Subnet {
    /// The ID.
    pub id: String,
    /// The availability zone (`None`: all).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub availability_zone: Option<String>,
    /// The share network (absent when listed inside it).
    #[serde(default)]
    pub share_network_id: Option<String>,
    /// The share network's name (absent when listed inside it).
    #[serde(default)]
    pub share_network_name: Option<String>,
    /// The Neutron network.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub neutron_net_id: Option<String>,
    /// The Neutron subnet.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub neutron_subnet_id: Option<String>,
    /// The network type.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub network_type: Option<String>,
    /// The segmentation ID.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub segmentation_id: Option<u64>,
    /// The CIDR.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub cidr: Option<String>,
    /// The IP version.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub ip_version: Option<u8>,
    /// The gateway.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub gateway: Option<String>,
    /// The MTU.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub mtu: Option<u32>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it was last updated.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Metadata (2.78).
    #[serde(default)]
    pub metadata: BTreeMap<String, String>,
}

/// What [`create`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The Neutron network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neutron_net_id: Option<String>,
    /// The Neutron subnet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neutron_subnet_id: Option<String>,
    /// The availability zone (none: all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
}

impl Validate for CreateOpts {}

/// Lists a share network's subnets (2.51).
pub async fn list(client: &ServiceClient, share_network_id: &str) -> ApiResult<Vec<Subnet>> {
    client.request(&LIST, &[share_network_id]).send().await
}

/// Shows a subnet (2.51).
pub async fn get(client: &ServiceClient, share_network_id: &str, id: &str) -> ApiResult<Subnet> {
    client.request(&GET, &[share_network_id, id]).send().await
}

/// Creates a subnet (2.51).
pub async fn create(client: &ServiceClient, share_network_id: &str, opts: &CreateOpts) -> ApiResult<Subnet> {
    client.request(&CREATE, &[share_network_id]).body(opts).send().await
}

/// Deletes a subnet (2.51).
pub async fn delete(client: &ServiceClient, share_network_id: &str, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[share_network_id, id]).send().await
}
