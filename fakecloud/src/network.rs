//! Neutron v2.0 (under `/network`): not served yet.

use crate::App;
use crate::http_util::{Reply, Req, keystone_error};
use crate::state::State;

/// Requests under `/network`.
pub(crate) fn handle(app: &App, state: &mut State, req: &Req) -> Reply {
    let _ = (app, state, req);
    keystone_error(404, "The resource could not be found.")
}
