//! The operation index of the official API reference (`conformance/api-ref/<service>.json`)
//! and the samples it attaches to each operation (`conformance/api-samples/<service>/`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

/// The services of the index, in the order the reports list them.
pub const SERVICES: &[&str] = &[
    "identity",
    "compute",
    "block-storage",
    "image",
    "network",
    "object-store",
    "placement",
    "load-balancer",
    "dns",
    "key-manager",
    "orchestration",
    "shared-file-system",
    "baremetal",
    "accelerator",
    "application-container",
    "baremetal-introspection",
    "clustering",
    "container-infrastructure-management",
    "database",
    "instance-ha",
    "message",
    "workflow",
];

/// One service's index file.
#[derive(Debug, Clone, Deserialize)]
pub struct ServiceIndex {
    /// The service's name (`compute`, `identity`…), as the file is named.
    pub service: String,
    /// Every operation its API reference documents.
    pub operations: Vec<IndexOp>,
}

/// One documented operation.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct IndexOp {
    /// The section title in the API reference.
    pub title: String,
    /// The HTTP method (`METHOD` for ironic's any-method vendor passthru).
    pub method: String,
    /// The path as the API reference writes it (query strings and trailing slashes kept).
    pub path: String,
    /// The version that introduced the operation, when the reference says so.
    #[serde(default)]
    pub min_version: Option<String>,
    /// The version from which the operation answers 404.
    #[serde(default)]
    pub removed_in_version: Option<String>,
    /// The server release that removed the operation.
    #[serde(default)]
    pub removed_in_release: Option<String>,
    /// True when the reference marks the operation deprecated.
    #[serde(default)]
    pub deprecated: Option<bool>,
    /// The response parameters (headers and body fields).
    #[serde(default)]
    pub response: Vec<Param>,
    /// Request body samples, relative to `api-samples/<service>/`.
    #[serde(default)]
    pub request_samples: Vec<String>,
    /// Response body samples, relative to `api-samples/<service>/`.
    #[serde(default)]
    pub response_samples: Vec<String>,
    /// The top-level keys of each request sample that is a JSON object (filled on load):
    /// what tells apart operations sharing one path, such as server actions.
    #[serde(skip)]
    pub request_keys: Vec<BTreeSet<String>>,
}

/// One documented parameter.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Param {
    /// The name; body fields nested in objects are joined with `.` (`flavor.vcpus`).
    pub name: String,
    /// Where it is: `body`, `header`, `path`, `query`.
    #[serde(rename = "in", default)]
    pub location: String,
    /// True when the reference marks it required (for a response: always sent).
    #[serde(default)]
    pub required: Option<bool>,
    /// The first microversion that has it.
    #[serde(default)]
    pub min_version: Option<String>,
    /// The last microversion that has it.
    #[serde(default)]
    pub max_version: Option<String>,
}

impl Param {
    /// True for a body field that the reference says every response holds, at every
    /// microversion.
    pub fn always_sent(&self) -> bool {
        self.location == "body"
            && self.required == Some(true)
            && self.min_version.is_none()
            && self.max_version.is_none()
    }
}

impl IndexOp {
    /// What the index says about the operation's removal or deprecation, if anything.
    pub fn removal(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(r) = &self.removed_in_release {
            parts.push(format!("removed in release {r}"));
        }
        if let Some(v) = &self.removed_in_version {
            parts.push(format!("removed in version {v}"));
        }
        if self.deprecated == Some(true) {
            parts.push("deprecated".to_string());
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// True when one of the operation's JSON request samples has `key` at its top level.
    pub fn has_request_key(&self, key: &str) -> bool {
        self.request_keys.iter().any(|keys| keys.contains(key))
    }
}

/// The whole index, with the folder its samples are in.
#[derive(Debug, Clone)]
pub struct Index {
    /// One entry per index file, in [`SERVICES`] order (others after, by name).
    pub services: Vec<ServiceIndex>,
    samples_root: PathBuf,
}

impl Index {
    /// Loads `<dir>/api-ref/*.json`, reading the request samples' top-level keys from
    /// `<dir>/api-samples/`.
    pub fn load(dir: &Path) -> Result<Index, String> {
        let api_ref = dir.join("api-ref");
        let entries = fs::read_dir(&api_ref).map_err(|e| format!("{}: {e}", api_ref.display()))?;
        let mut services = Vec::new();
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let service: ServiceIndex =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            services.push(service);
        }
        Ok(Index::new(services, dir.join("api-samples")))
    }

    /// An index made of `services`, whose samples are under `samples_root/<service>/`.
    pub fn new(mut services: Vec<ServiceIndex>, samples_root: PathBuf) -> Index {
        services.sort_by_key(|s| {
            let pos = SERVICES.iter().position(|n| *n == s.service);
            (pos.unwrap_or(SERVICES.len()), s.service.clone())
        });
        for service in &mut services {
            for op in &mut service.operations {
                op.request_keys = op
                    .request_samples
                    .iter()
                    .filter_map(|rel| {
                        let text =
                            fs::read_to_string(samples_root.join(&service.service).join(rel));
                        match serde_json::from_str::<Value>(&text.ok()?).ok()? {
                            Value::Object(m) => Some(m.keys().cloned().collect()),
                            _ => None,
                        }
                    })
                    .collect();
            }
        }
        Index {
            services,
            samples_root,
        }
    }

    /// The index of one service.
    pub fn service(&self, name: &str) -> Option<&ServiceIndex> {
        self.services.iter().find(|s| s.service == name)
    }

    /// Where a sample of `service` (a path as the index writes it) is on disk.
    pub fn sample_file(&self, service: &str, rel: &str) -> PathBuf {
        self.samples_root.join(service).join(rel)
    }

    /// The folder holding every service's samples.
    pub fn samples_root(&self) -> &Path {
        &self.samples_root
    }

    /// The number of documented operations, all services together.
    pub fn documented(&self) -> usize {
        self.services.iter().map(|s| s.operations.len()).sum()
    }
}
