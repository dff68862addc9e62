//! Policy types: the kinds of policies Senlin has (`senlin.policy.scaling-1.0`…), and
//! the schema of their specs. From microversion 1.5 a type comes with its version and
//! support history.
//!
//! ```no_run
//! # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::clustering::v1::policy_types;
//! let all = policy_types::list(&senlin).all().await?;
//! let t = policy_types::get(&senlin, &all[0].name).await.extract()?;
//! println!("{:?}", t.schema.keys().collect::<Vec<_>>());
//! # Ok(()) }
//! ```

use super::common::{TypeDetail, TypeSummary};
use crate::ServiceClient;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;

crate::operations! {
    service: "clustering";
    /// List policy types.
    LIST = GET "/policy-types" list("policy_types", TypeSummary);
    /// Show a policy type.
    GET = GET "/policy-types/{policy_type}" response("policy_type", TypeDetail);
}

/// Lists the policy types (one page).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let all = ferrocloud::openstack::clustering::v1::policy_types::list(&senlin).all().await?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient) -> Pager<TypeSummary> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

/// Shows a policy type (`senlin.policy.affinity-1.0`).
///
/// ```no_run
/// # async fn demo(senlin: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let t = ferrocloud::openstack::clustering::v1::policy_types::get(&senlin, "senlin.policy.affinity-1.0")
///     .await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, name: &str) -> ApiResult<TypeDetail> {
    client.request(&GET, &[name]).send().await
}
