//! Policies associated with endpoints, services and regions (OS-ENDPOINT-POLICY).
//!
//! A stored [policy][policies] can be associated with one endpoint, with every endpoint
//! of a service, or with the endpoints of a service in one region. The policy in effect
//! for an endpoint is the most specific of these.
//!
//! [policies]: crate::openstack::identity::v3::policies
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::endpoint_policy::{self, Association};
//! let on = Association::ServiceInRegion { service_id: "svc", region_id: "RegionOne" };
//! endpoint_policy::associate(&identity, "policy-id", on).await.ok()?;
//! assert!(endpoint_policy::is_associated(&identity, "policy-id", on).await?);
//! let effective = endpoint_policy::get_for_endpoint(&identity, "endpoint-id").await.extract()?;
//! endpoint_policy::dissociate(&identity, "policy-id", on).await.ok()?;
//! # Ok(()) }
//! ```

use super::endpoints::Endpoint;
use super::policies::Policy;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::{Operation, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// Associate a policy with an endpoint.
    ASSOCIATE_ENDPOINT = PUT "/policies/{policy_id}/OS-ENDPOINT-POLICY/endpoints/{endpoint_id}";
    /// Verify a policy's association with an endpoint.
    CHECK_ENDPOINT = GET "/policies/{policy_id}/OS-ENDPOINT-POLICY/endpoints/{endpoint_id}";
    /// Delete a policy's association with an endpoint.
    DISSOCIATE_ENDPOINT = DELETE "/policies/{policy_id}/OS-ENDPOINT-POLICY/endpoints/{endpoint_id}";
    /// Associate a policy with the endpoints of a service.
    ASSOCIATE_SERVICE = PUT "/policies/{policy_id}/OS-ENDPOINT-POLICY/services/{service_id}";
    /// Verify a policy's association with a service.
    CHECK_SERVICE = GET "/policies/{policy_id}/OS-ENDPOINT-POLICY/services/{service_id}";
    /// Delete a policy's association with a service.
    DISSOCIATE_SERVICE = DELETE "/policies/{policy_id}/OS-ENDPOINT-POLICY/services/{service_id}";
    /// Associate a policy with the endpoints of a service in a region.
    ASSOCIATE_SERVICE_REGION = PUT "/policies/{policy_id}/OS-ENDPOINT-POLICY/services/{service_id}/regions/{region_id}";
    /// Verify a policy's association with a service in a region.
    CHECK_SERVICE_REGION = GET "/policies/{policy_id}/OS-ENDPOINT-POLICY/services/{service_id}/regions/{region_id}";
    /// Delete a policy's association with a service in a region.
    DISSOCIATE_SERVICE_REGION = DELETE "/policies/{policy_id}/OS-ENDPOINT-POLICY/services/{service_id}/regions/{region_id}";
    /// List the endpoints a policy is associated with (directly or through services and
    /// regions).
    LIST_ENDPOINTS = GET "/policies/{policy_id}/OS-ENDPOINT-POLICY/endpoints" list("endpoints", Endpoint);
    /// Show a policy through the OS-ENDPOINT-POLICY extension.
    GET_POLICY = GET "/policies/{policy_id}/OS-ENDPOINT-POLICY/policy" response("policy", Policy);
    /// Check a policy through the OS-ENDPOINT-POLICY extension.
    CHECK_POLICY = HEAD "/policies/{policy_id}/OS-ENDPOINT-POLICY/policy";
    /// Show the policy in effect for an endpoint.
    GET_FOR_ENDPOINT = GET "/endpoints/{endpoint_id}/OS-ENDPOINT-POLICY/policy" response("policy", Policy);
}

/// What a policy is associated with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Association<'a> {
    /// The endpoint with this ID.
    Endpoint(&'a str),
    /// Every endpoint of the service with this ID.
    Service(&'a str),
    /// The endpoints of a service in a region.
    ServiceInRegion {
        /// The service's ID.
        service_id: &'a str,
        /// The region's ID.
        region_id: &'a str,
    },
}

impl<'a> Association<'a> {
    /// The operations (associate, check, dissociate) and the path parameters.
    fn ops(self, policy_id: &'a str) -> ([&'static Operation; 3], Vec<&'a str>) {
        match self {
            Association::Endpoint(e) => (
                [&ASSOCIATE_ENDPOINT, &CHECK_ENDPOINT, &DISSOCIATE_ENDPOINT],
                vec![policy_id, e],
            ),
            Association::Service(s) => (
                [&ASSOCIATE_SERVICE, &CHECK_SERVICE, &DISSOCIATE_SERVICE],
                vec![policy_id, s],
            ),
            Association::ServiceInRegion {
                service_id,
                region_id,
            } => (
                [
                    &ASSOCIATE_SERVICE_REGION,
                    &CHECK_SERVICE_REGION,
                    &DISSOCIATE_SERVICE_REGION,
                ],
                vec![policy_id, service_id, region_id],
            ),
        }
    }
}

/// Associates the policy `policy_id` with an endpoint, a service, or a service in a
/// region.
pub async fn associate(
    client: &ServiceClient,
    policy_id: &str,
    with: Association<'_>,
) -> ApiResult<()> {
    let ([op, ..], params) = with.ops(policy_id);
    client.request(op, &params).send().await
}

/// Whether the policy `policy_id` has this association: `Ok(false)` when Keystone
/// answers 404.
pub async fn is_associated(
    client: &ServiceClient,
    policy_id: &str,
    with: Association<'_>,
) -> Result<bool> {
    let ([_, op, _], params) = with.ops(policy_id);
    let sent = client
        .request(op, &params)
        .ok_codes(&[200, 204])
        .send()
        .await;
    sent.exists()
}

/// Removes an association of the policy `policy_id`.
pub async fn dissociate(
    client: &ServiceClient,
    policy_id: &str,
    with: Association<'_>,
) -> ApiResult<()> {
    let ([.., op], params) = with.ops(policy_id);
    client.request(op, &params).send().await
}

/// Lists the endpoints the policy `policy_id` applies to, whichever way they are
/// associated.
pub fn list_endpoints(client: &ServiceClient, policy_id: &str) -> Pager<Endpoint> {
    client
        .request(&LIST_ENDPOINTS, &[policy_id])
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The endpoints of a page.
    extract_endpoints, Endpoint
}

/// Shows a policy through the OS-ENDPOINT-POLICY extension
/// (`/policies/{policy_id}/OS-ENDPOINT-POLICY/policy`, as the API reference documents
/// it; [`get_for_endpoint`] is the lookup Keystone serves).
pub async fn get_policy(client: &ServiceClient, policy_id: &str) -> ApiResult<Policy> {
    client.request(&GET_POLICY, &[policy_id]).send().await
}

/// Checks a policy through the OS-ENDPOINT-POLICY extension (HEAD on the same path as
/// [`get_policy`]): `Ok(false)` when Keystone answers 404.
pub async fn check_policy(client: &ServiceClient, policy_id: &str) -> Result<bool> {
    client
        .request(&CHECK_POLICY, &[policy_id])
        .send()
        .await
        .exists()
}

/// Shows the policy in effect for an endpoint: the one associated with the endpoint, or
/// else with its service in its region, or else with its service.
pub async fn get_for_endpoint(client: &ServiceClient, endpoint_id: &str) -> ApiResult<Policy> {
    client
        .request(&GET_FOR_ENDPOINT, &[endpoint_id])
        .send()
        .await
}
