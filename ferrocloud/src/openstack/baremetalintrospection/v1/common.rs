//! What Ironic Inspector's resources share: the microversion rule of requests.
//!
//! Ironic Inspector answers a request without a microversion header in its *newest*
//! microversion (unlike Ironic, which answers in its oldest). So a client pinned to no
//! microversion may use everything; a client pinned with
//! [`ServiceClient::with_microversion`](crate::ServiceClient::with_microversion) is
//! refused, before sending, an operation or a field newer than its pin.
//!
//! ```
//! # let p = ferrocloud::ProviderClient::builder("http://k/v3").build().unwrap();
//! let c = ferrocloud::ServiceClient::new(p, "baremetal-introspection", "http://i:5050", Some("v1")).unwrap();
//! use ferrocloud::openstack::baremetalintrospection::v1::common::allows;
//! assert!(allows(&c, 18));
//! assert!(allows(&c.with_microversion("1.18"), 17));
//! assert!(!allows(&c.with_microversion("1.16"), 17));
//! ```

use crate::microversion::Microversion;
use crate::operation::Declared;
use crate::request::RequestBuilder;
use crate::{Error, Result, ServiceClient};

/// Whether the client may use what Ironic Inspector serves from microversion
/// `1.minor`: it is pinned to that microversion or a later one, or pinned to none (then
/// Inspector answers in its newest).
pub fn allows(client: &ServiceClient, minor: u32) -> bool {
    client.microversion().is_none()
        || crate::microversion::at_least(client, Microversion::new(1, minor))
}

/// Refuses `what` when the client is pinned to a microversion older than `1.minor`.
fn need(client: &ServiceClient, what: &str, minor: u32) -> Result<()> {
    if allows(client, minor) {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "{what} needs baremetal-introspection microversion 1.{minor} or later; this client uses {}",
            client.microversion().unwrap_or_default()
        )))
    }
}

/// Makes `req` fail before sending when `used` (a request field the caller set, named
/// `what`) needs microversion `1.minor` and the client is pinned to an older one.
pub(crate) fn field<R>(
    req: RequestBuilder<R>,
    client: &ServiceClient,
    used: bool,
    what: &str,
    minor: u32,
) -> RequestBuilder<R> {
    match need(client, what, minor) {
        Err(e) if used => req.fail_with(e),
        _ => req,
    }
}

/// Starts a request for `op` that fails before sending when the client is pinned to a
/// microversion older than `1.minor` (the first one that serves the operation).
pub(crate) fn request<O: Declared + ?Sized>(
    client: &ServiceClient,
    op: &'static O,
    params: &[&str],
    minor: u32,
) -> RequestBuilder<O::Response> {
    let req = client.request(op, params);
    let what = format!("{} {}", req.operation().method, req.operation().path);
    field(req, client, true, &what, minor)
}
