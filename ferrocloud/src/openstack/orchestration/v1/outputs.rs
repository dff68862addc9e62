//! A stack's outputs: their list, and one output resolved.
//!
//! ```no_run
//! # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::orchestration::v1::outputs;
//! for o in outputs::list(&heat, "web", "8c3c0d25").await.extract()? {
//!     let full = outputs::get(&heat, "web", "8c3c0d25", &o.output_key).await.extract()?;
//!     println!("{} = {}", full.output_key, full.output_value);
//! }
//! # Ok(()) }
//! ```

use serde::Deserialize;

pub use super::common::Output;
use super::common::check_stack;
use crate::ServiceClient;
use crate::request::{ApiResult, require};

crate::operations! {
    service: "orchestration";
    /// List a stack's outputs.
    LIST = GET "/stacks/{stack_name}/{stack_id}/outputs" list("outputs", OutputSummary);
    /// Show one output.
    GET = GET "/stacks/{stack_name}/{stack_id}/outputs/{output_key}" response("output", Output);
}

/// An output as [`list`] shows it: its key and description, without its value.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OutputSummary {
    /// The output's name.
    pub output_key: String,
    /// Its description.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub description: String,
}

/// Lists a stack's outputs (without their values).
pub async fn list(client: &ServiceClient, stack_name: &str, stack_id: &str) -> ApiResult<Vec<OutputSummary>> {
    if let Err(e) = check_stack(stack_name, stack_id) {
        return ApiResult::from_error(e);
    }
    client.request(&LIST, &[stack_name, stack_id]).send().await
}

/// Shows one output, resolved.
pub async fn get(client: &ServiceClient, stack_name: &str, stack_id: &str, key: &str) -> ApiResult<Output> {
    if let Err(e) = check_stack(stack_name, stack_id).and_then(|()| require("output key", !key.is_empty())) {
        return ApiResult::from_error(e);
    }
    client.request(&GET, &[stack_name, stack_id, key]).send().await
}
