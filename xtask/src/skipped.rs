//! `conformance/skipped.toml`: the documented operations the SDK leaves out on purpose, and
//! the samples the conformance check leaves out on purpose, each with its reason.

use std::path::Path;

use serde::Deserialize;

use crate::index::IndexOp;
use crate::paths::index_path;

/// The contents of `skipped.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skips {
    /// Groups of operations skipped for one reason.
    #[serde(default)]
    pub operations: Vec<OperationSkip>,
    /// Samples skipped one by one.
    #[serde(default)]
    pub samples: Vec<SampleSkip>,
    /// Sample fields the SDK's types do not hold on purpose.
    #[serde(default)]
    pub dropped: Vec<DroppedSkip>,
    /// Fields the reference marks as always sent that the SDK's types read as optional.
    #[serde(default)]
    pub optional: Vec<OptionalSkip>,
}

/// Fields that the reference marks as always sent and that one SDK type reads as
/// optional (an `Option`, or a documented default), for one reason.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionalSkip {
    /// The index's service name.
    pub service: String,
    /// The response type's name, as the operation declares it (`Server`).
    #[serde(rename = "type")]
    pub type_name: String,
    /// The field paths as the conformance report writes them (`server.description`).
    pub fields: Vec<String>,
    /// Why (shown in the report).
    pub reason: String,
}

/// Fields of a service's samples that the SDK's types do not hold, for one reason.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DroppedSkip {
    /// The index's service name.
    pub service: String,
    /// The field paths as the conformance report writes them (envelope included, list
    /// items as `*`: `token.user.email`).
    pub fields: Vec<String>,
    /// The samples they are dropped from (paths as the index writes them); all of the
    /// service's samples when empty.
    #[serde(default)]
    pub samples: Vec<String>,
    /// Why (shown in the report).
    pub reason: String,
}

impl DroppedSkip {
    /// True when this entry lists `field` of the sample `sample` of `service`.
    pub fn lists(&self, service: &str, sample: &str, field: &str) -> bool {
        self.service == service
            && self.fields.iter().any(|f| f == field)
            && (self.samples.is_empty() || self.samples.iter().any(|s| s == sample))
    }
}

/// Operations of one service that the SDK does not implement, for one reason.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperationSkip {
    /// The index's service name.
    pub service: String,
    /// Why (shown in the report).
    pub reason: String,
    /// `"METHOD /path"` as the index writes it, optionally followed by the request body's
    /// top-level key to pick one of several operations sharing the path
    /// (`"POST /servers/{server_id}/action resetNetwork"`).
    pub operations: Vec<String>,
}

/// A sample the conformance check does not decode.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampleSkip {
    /// The index's service name.
    pub service: String,
    /// The sample's path, as the index writes it.
    pub path: String,
    /// The title of the one documented operation whose use of the sample is skipped (a
    /// sample the reference attaches to two operations, right for one of them); every
    /// use when absent.
    #[serde(default)]
    pub operation: Option<String>,
    /// Why (shown in the report).
    pub reason: String,
}

/// One `"METHOD /path [key]"` entry, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkipEntry {
    /// The HTTP method.
    pub method: String,
    /// The path as written.
    pub path: String,
    /// The request body key that selects among operations sharing the path.
    pub body_key: Option<String>,
}

impl SkipEntry {
    /// Parses `"METHOD /path [key]"`.
    ///
    /// ```
    /// let e = xtask::skipped::SkipEntry::parse("POST /servers/{id}/action resetNetwork").unwrap();
    /// assert_eq!(e.body_key.as_deref(), Some("resetNetwork"));
    /// assert!(xtask::skipped::SkipEntry::parse("GET").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<SkipEntry, String> {
        let words: Vec<&str> = s.split_whitespace().collect();
        match words[..] {
            [method, path] => Ok(SkipEntry {
                method: method.to_string(),
                path: path.to_string(),
                body_key: None,
            }),
            [method, path, key] => Ok(SkipEntry {
                method: method.to_string(),
                path: path.to_string(),
                body_key: Some(key.to_string()),
            }),
            _ => Err(format!("{s:?} is not \"METHOD /path [body-key]\"")),
        }
    }

    /// True when this entry names `op` (an operation of `service`).
    pub fn matches(&self, service: &str, op: &IndexOp) -> bool {
        op.method == self.method
            && index_path(service, &op.path) == index_path(service, &self.path)
            && self
                .body_key
                .as_deref()
                .is_none_or(|k| op.has_request_key(k))
    }
}

impl Skips {
    /// Reads `path`; a missing file is an empty list.
    pub fn load(path: &Path) -> Result<Skips, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => Skips::parse(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Skips::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Parses the TOML text and checks that every entry is well formed.
    pub fn parse(text: &str) -> Result<Skips, String> {
        let skips: Skips = toml::from_str(text).map_err(|e| e.to_string())?;
        for group in &skips.operations {
            if group.reason.trim().is_empty() {
                return Err(format!(
                    "a [[operations]] group of {} has no reason",
                    group.service
                ));
            }
            for entry in &group.operations {
                SkipEntry::parse(entry)?;
            }
        }
        for d in &skips.dropped {
            if d.reason.trim().is_empty() || d.fields.is_empty() {
                return Err(format!(
                    "a [[dropped]] entry of {} has no reason or no fields",
                    d.service
                ));
            }
        }
        for o in &skips.optional {
            if o.reason.trim().is_empty() || o.fields.is_empty() {
                return Err(format!(
                    "an [[optional]] entry of {} {} has no reason or no fields",
                    o.service, o.type_name
                ));
            }
        }
        for s in &skips.samples {
            if s.reason.trim().is_empty() {
                return Err(format!("the [[samples]] entry {} has no reason", s.path));
            }
        }
        Ok(skips)
    }

    /// The reason a dropped field of a sample is accepted, if it is.
    pub fn dropped_reason(&self, service: &str, sample: &str, field: &str) -> Option<&str> {
        self.dropped
            .iter()
            .find(|d| d.lists(service, sample, field))
            .map(|d| d.reason.as_str())
    }

    /// The reason a field that the reference says is always sent is optional in the
    /// response type `type_name`, if one is given.
    pub fn optional_reason(&self, service: &str, type_name: &str, field: &str) -> Option<&str> {
        self.optional
            .iter()
            .find(|o| {
                o.service == service
                    && o.type_name == type_name
                    && o.fields.iter().any(|f| f == field)
            })
            .map(|o| o.reason.as_str())
    }

    /// The reason a sample is skipped where the documented operation titled `operation`
    /// uses it, if it is.
    pub fn sample_reason(&self, service: &str, path: &str, operation: &str) -> Option<&str> {
        self.samples
            .iter()
            .find(|s| {
                s.service == service
                    && s.path == path
                    && s.operation.as_deref().is_none_or(|o| o == operation)
            })
            .map(|s| s.reason.as_str())
    }
}
