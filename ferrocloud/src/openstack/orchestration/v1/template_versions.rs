//! Template versions: the template formats Heat reads, and the functions each offers.
//!
//! ```no_run
//! # async fn demo(heat: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::orchestration::v1::template_versions;
//! for v in template_versions::list(&heat).all().await? {
//!     println!("{} ({})", v.version, v.kind);
//! }
//! let f = template_versions::functions(&heat, "heat_template_version.2018-08-31", false).all().await?;
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::ServiceClient;
use crate::pagination::{PageStyle, Pager};
use crate::request::require;

crate::operations! {
    service: "orchestration";
    /// List template versions.
    LIST = GET "/template_versions" list("template_versions", TemplateVersion);
    /// List a template version's functions.
    FUNCTIONS = GET "/template_versions/{template_version}/functions" list("template_functions", TemplateFunction);
}

/// A template version.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TemplateVersion {
    /// The version (`heat_template_version.2018-08-31`).
    pub version: String,
    /// `hot` or `cfn`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its other names (`heat_template_version.rocky`).
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A template function.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TemplateFunction {
    /// The function's name (`get_param`).
    pub functions: String,
    /// What it does.
    pub description: String,
}

/// Lists the template versions (one page).
pub fn list(client: &ServiceClient) -> Pager<TemplateVersion> {
    client.request(&LIST, &[]).paged(PageStyle::Single)
}

/// Lists the functions of a template version; `with_condition_func` lists the
/// condition functions (`equals`, `and`…) too. (Heat 26 keeps listing the condition
/// functions of a version once they have been asked for, until its engine restarts.)
pub fn functions(client: &ServiceClient, version: &str, with_condition_func: bool) -> Pager<TemplateFunction> {
    let mut req = client.request(&FUNCTIONS, &[version]);
    if let Err(e) = require("template version", !version.is_empty()) {
        req = req.fail_with(e);
    }
    if with_condition_func {
        req = req.query_pair("with_condition_func", "true");
    }
    req.paged(PageStyle::Single)
}
