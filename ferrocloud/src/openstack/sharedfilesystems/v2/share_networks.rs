//! Share networks: the Neutron network (through its subnets, 2.51) and the security
//! services the share servers of a project use. Security services are added and
//! removed with actions; since 2.63 an in-use network's service can be updated (after a
//! check) and its status reset.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_networks::{self, CreateOpts};
//! let opts = CreateOpts { name: Some("net".into()), neutron_net_id: Some("998b42ee".into()),
//!     neutron_subnet_id: Some("53482b62".into()), ..Default::default() };
//! let net = share_networks::create(&manila, &opts).await.extract()?;
//! share_networks::add_security_service(&manila, &net.id, "3c829734").await.extract()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::common::{self, ListControls, need};
use super::share_network_subnets::Subnet;
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "shared-file-system";
    /// List share networks.
    LIST = GET "/share-networks" list("share_networks", ShareNetworkSummary);
    /// List share networks with details.
    LIST_DETAIL = GET "/share-networks/detail" list("share_networks", ShareNetwork);
    /// Show a share network.
    GET = GET "/share-networks/{share_network_id}" response("share_network", ShareNetwork);
    /// Create a share network.
    CREATE = POST "/share-networks" request("share_network", CreateOpts) response("share_network", ShareNetwork);
    /// Update a share network.
    UPDATE = PUT "/share-networks/{share_network_id}" request("share_network", UpdateOpts) response("share_network", ShareNetwork);
    /// Delete a share network.
    DELETE = DELETE "/share-networks/{share_network_id}";
    /// Add a security service.
    ADD_SECURITY_SERVICE = POST "/share-networks/{share_network_id}/action" request("add_security_service", SecurityServiceOpts) response("share_network", ShareNetwork);
    /// Remove a security service.
    REMOVE_SECURITY_SERVICE = POST "/share-networks/{share_network_id}/action" request("remove_security_service", SecurityServiceOpts) response("share_network", ShareNetwork);
    /// Replace a security service of an in-use network (2.63).
    UPDATE_SECURITY_SERVICE = POST "/share-networks/{share_network_id}/action" since("2.63") request("update_security_service", ReplaceSecurityServiceOpts) response("share_network", ShareNetwork);
    /// Check that a security service can be replaced (2.63).
    UPDATE_SECURITY_SERVICE_CHECK = POST "/share-networks/{share_network_id}/action" since("2.63") request("update_security_service_check", ReplaceSecurityServiceOpts) response(CheckResult);
    /// Check that a security service can be added to an in-use network (2.63).
    ADD_SECURITY_SERVICE_CHECK = POST "/share-networks/{share_network_id}/action" since("2.63") request("add_security_service_check", SecurityServiceOpts) response(CheckResult);
    /// Reset a share network's status (admin, 2.63).
    RESET_STATUS = POST "/share-networks/{share_network_id}/action" since("2.63") request("reset_status", common::ResetStatus<String>);
}

common::resource_functions! {
    ShareNetwork, ShareNetworkSummary, "share network", "share_networks_links", false;
    list list_detail get create update delete find
}

/// A share network in a listing without details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ShareNetworkSummary {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
}

/// A share network. The network fields are its own before 2.51 and its subnets' since.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ShareNetwork {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The project.
    pub project_id: String,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it was last updated (absent from some answers of 2.51 and later).
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// The Neutron network (before 2.51).
    #[serde(default)]
    pub neutron_net_id: Option<String>,
    /// The Neutron subnet (before 2.51).
    #[serde(default)]
    pub neutron_subnet_id: Option<String>,
    /// The network type (before 2.51).
    #[serde(default)]
    pub network_type: Option<String>,
    /// The segmentation ID (before 2.51).
    #[serde(default)]
    pub segmentation_id: Option<u64>,
    /// The CIDR (before 2.51).
    #[serde(default)]
    pub cidr: Option<String>,
    /// The IP version (before 2.51).
    #[serde(default)]
    pub ip_version: Option<u8>,
    /// The gateway (2.18 to 2.50).
    #[serde(default)]
    pub gateway: Option<String>,
    /// The MTU (2.20 to 2.50).
    #[serde(default)]
    pub mtu: Option<u32>,
    /// Its subnets (2.51).
    #[serde(default)]
    pub share_network_subnets: Vec<Subnet>,
    /// `active`, `error` or `network_change` (2.63).
    #[serde(default)]
    pub status: Option<String>,
    /// Whether its security services can be changed while in use (2.63).
    #[serde(default)]
    pub security_service_update_support: Option<bool>,
}

impl crate::find::Named for ShareNetwork {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }
}

/// Filters of [`list`] and [`list_detail`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// With this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Using this security service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_service_id: Option<String>,
    /// On this Neutron network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub neutron_net_id: Option<String>,
    /// On this Neutron subnet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub neutron_subnet_id: Option<String>,
    /// Of every project (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Of this project (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Paging, sorting and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The Neutron network (of its default subnet since 2.51).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neutron_net_id: Option<String>,
    /// The Neutron subnet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neutron_subnet_id: Option<String>,
    /// The availability zone of its first subnet (2.51).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone: Option<String>,
}

impl Validate for CreateOpts {}

/// What [`update`] takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The Neutron network (while unused).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neutron_net_id: Option<String>,
    /// The Neutron subnet (while unused).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neutron_subnet_id: Option<String>,
}

impl Validate for UpdateOpts {}

/// The body of the add, remove and add-check actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityServiceOpts {
    /// The security service.
    pub security_service_id: String,
    /// Start the check over instead of reading an earlier result (checks only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_operation: Option<bool>,
}

impl Validate for SecurityServiceOpts {}

/// The body of the update and update-check actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplaceSecurityServiceOpts {
    /// The security service in use.
    pub current_service_id: String,
    /// The one to use instead.
    pub new_service_id: String,
    /// Start the check over (checks only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_operation: Option<bool>,
}

impl Validate for ReplaceSecurityServiceOpts {}

/// The result of a security service check (2.63). Manila checks asynchronously: call
/// again until `compatible` is not `None`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct CheckResult {
    /// Whether every share server can apply the change (`None` while unknown).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub compatible: Option<bool>,
    /// What was checked.
    pub requested_operation: RequestedOperation,
    /// The result per back-end host.
    pub hosts_check_result: BTreeMap<String, bool>,
}

/// What a check was about.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RequestedOperation {
    /// `add_security_service` or `update_security_service`.
    pub operation: String,
    /// The security service in use.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub current_security_service: Option<String>,
    /// The new one.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub new_security_service: Option<String>,
}

/// Adds a security service to a share network.
pub async fn add_security_service(client: &ServiceClient, id: &str, service_id: &str) -> ApiResult<ShareNetwork> {
    let body = SecurityServiceOpts {
        security_service_id: service_id.into(),
        reset_operation: None,
    };
    client.request(&ADD_SECURITY_SERVICE, &[id]).body(&body).send().await
}

/// Removes a security service from a share network.
pub async fn remove_security_service(client: &ServiceClient, id: &str, service_id: &str) -> ApiResult<ShareNetwork> {
    let body = SecurityServiceOpts {
        security_service_id: service_id.into(),
        reset_operation: None,
    };
    client.request(&REMOVE_SECURITY_SERVICE, &[id]).body(&body).send().await
}

/// Checks that a security service can be added to an in-use share network (2.63).
pub async fn add_security_service_check(
    client: &ServiceClient,
    id: &str,
    opts: &SecurityServiceOpts,
) -> ApiResult<CheckResult> {
    client.request(&ADD_SECURITY_SERVICE_CHECK, &[id]).body(opts).send().await
}

/// Replaces a security service of an in-use share network (2.63).
pub async fn update_security_service(
    client: &ServiceClient,
    id: &str,
    current: &str,
    new: &str,
) -> ApiResult<ShareNetwork> {
    let body = ReplaceSecurityServiceOpts {
        current_service_id: current.into(),
        new_service_id: new.into(),
        reset_operation: None,
    };
    client.request(&UPDATE_SECURITY_SERVICE, &[id]).body(&body).send().await
}

/// Checks that a security service can be replaced (2.63).
pub async fn update_security_service_check(
    client: &ServiceClient,
    id: &str,
    opts: &ReplaceSecurityServiceOpts,
) -> ApiResult<CheckResult> {
    client.request(&UPDATE_SECURITY_SERVICE_CHECK, &[id]).body(opts).send().await
}

/// Resets a share network's status (`active`, `error`, `network_change`; admin, 2.63).
pub async fn reset_status(client: &ServiceClient, id: &str, status: &str) -> ApiResult<()> {
    if let Err(e) = need(client, "share network reset_status", 63) {
        return ApiResult::from_error(e);
    }
    let body = common::ResetStatus {
        status: status.to_string(),
    };
    client.request(&RESET_STATUS, &[id]).body(&body).send().await
}
