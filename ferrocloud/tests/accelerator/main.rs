//! Accelerator v2 resources against a mock Cyborg: requests as sent, official samples
//! as answers.

#[path = "../common/mod.rs"]
mod common;

use serde_json::Value;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// An accelerator v2 client of a mock Cyborg (endpoint `/accelerator`, resources under
/// `/accelerator/v2/`).
pub async fn cyborg(server: &MockServer) -> ferrocloud::ServiceClient {
    let p = common::provider(server).await;
    ferrocloud::openstack::new_accelerator_v2(&p, Default::default()).unwrap()
}

/// The sample `name` (under `accelerator/doc/api_samples/`) as JSON.
pub fn sample(name: &str) -> Value {
    common::sample_json(&format!("accelerator/doc/api_samples/{name}"))
}

/// What one expected request looks like and how it is answered.
pub struct Call<'a> {
    /// The method.
    pub verb: &'a str,
    /// The path under `/accelerator/v2/`.
    pub rel: &'a str,
    /// Query pairs that must be present.
    pub query: &'a [(&'a str, &'a str)],
    /// The `OpenStack-API-Version` header that must be sent.
    pub version: Option<&'a str>,
    /// The JSON body that must be sent.
    pub body: Option<Value>,
    /// The status of the answer.
    pub status: u16,
    /// The JSON answer.
    pub answer: Option<Value>,
}

impl<'a> Call<'a> {
    /// A `verb` request to `rel`, answered `status` with no body.
    pub fn new(verb: &'a str, rel: &'a str, status: u16) -> Self {
        Call {
            verb,
            rel,
            query: &[],
            version: None,
            body: None,
            status,
            answer: None,
        }
    }

    /// Answered with the sample `name`.
    pub fn sample(mut self, name: &str) -> Self {
        self.answer = Some(sample(name));
        self
    }

    /// Answered with this JSON.
    pub fn answer(mut self, body: Value) -> Self {
        self.answer = Some(body);
        self
    }

    /// Sending this JSON body.
    pub fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// With these query pairs.
    pub fn query(mut self, query: &'a [(&'a str, &'a str)]) -> Self {
        self.query = query;
        self
    }

    /// With this microversion header.
    pub fn version(mut self, v: &'a str) -> Self {
        self.version = Some(v);
        self
    }

    /// Mounts the expectation: exactly one such request.
    pub async fn mount(self, server: &MockServer) {
        let mut m =
            Mock::given(method(self.verb)).and(path(format!("/accelerator/v2/{}", self.rel)));
        for (k, v) in self.query {
            m = m.and(query_param(*k, *v));
        }
        if let Some(v) = self.version {
            m = m.and(header("openstack-api-version", v));
        }
        if let Some(b) = self.body {
            m = m.and(body_json(b));
        }
        let mut reply = ResponseTemplate::new(self.status);
        if let Some(a) = self.answer {
            reply = reply
                .set_body_string(a.to_string())
                .insert_header("content-type", "application/json");
        }
        m.respond_with(reply).expect(1).mount(server).await;
    }
}

/// True when the call was refused before sending, as invalid input.
pub fn invalid<T>(r: ferrocloud::request::ApiResult<T>) -> bool {
    r.err().map(|e| e.kind()) == Some(ferrocloud::ErrorKind::InvalidInput)
}

mod arqs;
mod devices;
