//! Networking v2.0 resources against a mock Neutron: requests as sent, official samples
//! as answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

use serde_json::Value;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A network client of a mock Neutron (the catalog's endpoint, version path `/v2.0`).
pub async fn network(server: &wiremock::MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_network_v2(&p, ferrocloud::EndpointOpts::default()).unwrap()
}

/// An answer with the official sample `dir/rel` (under the samples folder) as its body.
pub fn reply(dir: &str, status: u16, rel: &str) -> ResponseTemplate {
    let file = if dir.is_empty() {
        rel.to_string()
    } else {
        format!("{dir}/{rel}")
    };
    ResponseTemplate::new(status).set_body_string(common::sample(&file))
}

/// The official request sample `dir/rel` as JSON.
pub fn request(dir: &str, rel: &str) -> Value {
    common::sample_json(&format!("{dir}/{rel}"))
}

/// Expects exactly one `verb` request to `full_path` whose JSON body equals `body` (when
/// given), and answers it with `answer`.
pub async fn expect(
    server: &MockServer,
    verb: &str,
    full_path: impl Into<String>,
    body: Option<Value>,
    answer: ResponseTemplate,
) {
    let mut mock = Mock::given(method(verb)).and(path(full_path.into()));
    if let Some(body) = body {
        mock = mock.and(body_json(body));
    }
    mock.respond_with(answer).expect(1).mount(server).await;
}

mod address_groups;
mod address_scopes;
mod agents;
mod api_extensions;
mod bgp;
mod bgpvpn;
mod default_security_group_rules;
mod flavors;
mod floating_ips;
mod fwaas;
mod l3_resources;
mod logs;
mod metering;
mod network_segment_ranges;
mod networks;
mod port_bindings;
mod ports;
mod qos;
mod quotas;
mod rbac_policies;
mod routers;
mod security_group_rules;
mod security_groups;
mod security_groups_default_statefulness;
mod segments;
mod service_providers;
mod sfc;
mod subnet_pools;
mod subnets;
mod taas;
mod tags;
mod trunks;
mod vpnaas;
