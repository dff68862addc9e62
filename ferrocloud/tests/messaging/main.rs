//! Messaging v2 resources against a mock Zaqar: requests as sent (with their
//! `Client-ID`), official samples as answers. One module per group of resources.

#[path = "../common/mod.rs"]
mod common;

use serde_json::Value;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The `Client-ID` every test client sends.
pub const CLIENT: &str = "3381af92-2b9e-11e3-b191-71861300734c";

/// A messaging v2 client of a mock Zaqar, found in the mock catalog (endpoint
/// `/messaging`, resources under `/messaging/v2/`), with [`CLIENT`] as its `Client-ID`.
pub async fn zaqar(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    let c = ferrocloud::openstack::new_messaging_v2(&p, Default::default()).unwrap();
    ferrocloud::openstack::messaging::v2::common::with_client_id(&c, CLIENT).unwrap()
}

/// The sample `name` (under `message/api-ref/source/samples/`) as JSON.
pub fn sample(name: &str) -> Value {
    common::sample_json(&format!("message/api-ref/source/samples/{name}"))
}

/// One expected request: method, path under `/messaging/v2/`, query pairs, JSON body;
/// and its answer.
pub struct Expect<'a> {
    pub verb: &'a str,
    pub rel: &'a str,
    pub query: &'a [(&'a str, &'a str)],
    pub request: Option<Value>,
    pub status: u16,
    pub answer: Option<Value>,
}

impl<'a> Expect<'a> {
    /// `verb rel`, answered `204` with nothing.
    pub fn new(verb: &'a str, rel: &'a str) -> Self {
        Expect {
            verb,
            rel,
            query: &[],
            request: None,
            status: 204,
            answer: None,
        }
    }

    /// With these query pairs.
    pub fn query(mut self, q: &'a [(&'a str, &'a str)]) -> Self {
        self.query = q;
        self
    }

    /// With this JSON body.
    pub fn body(mut self, v: Value) -> Self {
        self.request = Some(v);
        self
    }

    /// Answered with `status` and `answer`.
    pub fn reply(mut self, status: u16, answer: Value) -> Self {
        self.status = status;
        self.answer = Some(answer);
        self
    }

    /// Mounts it on `server`: exactly one such request, carrying the `Client-ID`.
    pub async fn mount(self, server: &MockServer) {
        let mut m = Mock::given(method(self.verb))
            .and(path(format!("/messaging/v2/{}", self.rel)))
            .and(header("client-id", CLIENT));
        for (k, v) in self.query {
            m = m.and(query_param(*k, *v));
        }
        if let Some(req) = self.request {
            m = m.and(body_json(req));
        }
        let reply = match self.answer {
            Some(body) => ResponseTemplate::new(self.status)
                .set_body_string(body.to_string())
                .insert_header("content-type", "application/json"),
            None => ResponseTemplate::new(self.status),
        };
        m.respond_with(reply).expect(1).mount(server).await;
    }
}

mod admin;
mod messages;
mod queues;
mod subscriptions;
