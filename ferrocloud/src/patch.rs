//! JSON Patch (RFC 6902) changes, as the services that update resources with a patch
//! take them (Glance's images, Ironic's nodes, ports and the rest).
//!
//! A [`PatchOp`] is one change; a service's update options hold a list of them. JSON
//! Pointers to a member are written with [`pointer()`], which escapes `~` and `/`.
//! `Debug` hides the value of a change whose path names a secret (a member whose name
//! holds `password`, `secret`, `token`, `key` or `credential`: Ironic's
//! `/driver_info/ipmi_password`), so that update options can be logged.
//!
//! ```
//! use ferrocloud::patch::{pointer, PatchOp};
//! let op = PatchOp::Replace { path: "/driver_info/ipmi_password".into(), value: "s3cr3t".into() };
//! assert!(!format!("{op:?}").contains("s3cr3t"));
//! // A whole object is shown with its secret members masked.
//! let whole = PatchOp::Add {
//!     path: "/driver_info".into(),
//!     value: serde_json::json!({"ipmi_username": "admin", "ipmi_password": "s3cr3t"}),
//! };
//! let shown = format!("{whole:?}");
//! assert!(shown.contains("ipmi_username") && shown.contains("admin") && !shown.contains("s3cr3t"));
//! assert_eq!(serde_json::to_value(&op).unwrap(), serde_json::json!(
//!     {"op": "replace", "path": "/driver_info/ipmi_password", "value": "s3cr3t"}));
//! assert_eq!(pointer(&["extra", "a/b"]), "/extra/a~1b");
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::request::Validate;
use crate::{Error, Result};

/// One change of a JSON Patch.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum PatchOp {
    /// Sets a member (added, or replaced when the service allows it).
    Add {
        /// A JSON Pointer (`/name`, `/locations/-`).
        path: String,
        /// The value.
        value: Value,
    },
    /// Replaces a member that exists.
    Replace {
        /// A JSON Pointer.
        path: String,
        /// The value.
        value: Value,
    },
    /// Removes a member.
    Remove {
        /// A JSON Pointer.
        path: String,
    },
}

impl PatchOp {
    /// The JSON Pointer the change applies to.
    ///
    /// ```
    /// use ferrocloud::patch::PatchOp;
    /// assert_eq!(PatchOp::Remove { path: "/extra/a".into() }.path(), "/extra/a");
    /// ```
    pub fn path(&self) -> &str {
        match self {
            PatchOp::Add { path, .. }
            | PatchOp::Replace { path, .. }
            | PatchOp::Remove { path } => path,
        }
    }
}

/// Whether a pointer names a secret: one of its members holds `password`, `secret`,
/// `token`, `key` or `credential` (whatever the case).
///
/// ```
/// use ferrocloud::patch::is_secret_path;
/// assert!(is_secret_path("/driver_info/redfish_password"));
/// assert!(is_secret_path("/instance_info/configdrive/meta_data/public_keys"));
/// assert!(!is_secret_path("/driver_info/ipmi_username"));
/// ```
pub fn is_secret_path(path: &str) -> bool {
    const WORDS: &[&str] = &[
        "password",
        "secret",
        "token",
        "key",
        "credential",
        "configdrive",
    ];
    let lower = path.to_ascii_lowercase();
    WORDS.iter().any(|w| lower.contains(w))
}

impl std::fmt::Debug for PatchOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (name, path, value) = match self {
            PatchOp::Add { path, value } => ("Add", path, Some(value)),
            PatchOp::Replace { path, value } => ("Replace", path, Some(value)),
            PatchOp::Remove { path } => ("Remove", path, None),
        };
        let mut s = f.debug_struct(name);
        s.field("path", path);
        match value {
            Some(_) if is_secret_path(path) => s.field("value", &"[REDACTED]"),
            Some(v) => s.field("value", &masked(v)),
            None => &mut s,
        };
        s.finish()
    }
}

/// `value` with the members whose names look secret (as [`is_secret_path`] reads a
/// path) replaced by `"[REDACTED]"`, at any depth: a change of a whole object
/// (`/driver_info`) may hold a password.
fn masked(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if is_secret_path(k) {
                        Value::from("[REDACTED]")
                    } else {
                        masked(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(masked).collect()),
        other => other.clone(),
    }
}

/// A JSON Pointer to a member, one segment per name (`~` and `/` escaped).
///
/// ```
/// assert_eq!(ferrocloud::patch::pointer(&["properties", "cpu~arch"]), "/properties/cpu~0arch");
/// ```
pub fn pointer(segments: &[&str]) -> String {
    let mut out = String::new();
    for s in segments {
        out.push('/');
        out.push_str(&s.replace('~', "~0").replace('/', "~1"));
    }
    out
}

/// An update as a JSON Patch (RFC 6902), sent as `application/json`: Ironic's records,
/// Magnum's cluster templates and clusters. Paths are JSON Pointers into the record
/// (`/name`, `/driver_info/ipmi_address`, `/labels/x`); the services refuse read-only
/// fields. `Debug` hides the values of secret paths (see [`is_secret_path`]).
///
/// ```
/// use ferrocloud::patch::Patch;
/// let p = Patch::new()
///     .replace("/driver_info/ipmi_username", "OPERATOR")
///     .add("/driver_info/ipmi_password", "hunter22")
///     .remove("/extra/old");
/// assert_eq!(serde_json::to_value(&p).unwrap(), serde_json::json!([
///     {"op": "replace", "path": "/driver_info/ipmi_username", "value": "OPERATOR"},
///     {"op": "add", "path": "/driver_info/ipmi_password", "value": "hunter22"},
///     {"op": "remove", "path": "/extra/old"}]));
/// assert!(!format!("{p:?}").contains("hunter22"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Patch {
    /// The changes, in order.
    pub changes: Vec<PatchOp>,
}

impl Patch {
    /// No change yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a member (or sets it, for a member of an object such as `extra`).
    pub fn add(mut self, path: impl Into<String>, value: impl Into<Value>) -> Self {
        self.changes.push(PatchOp::Add {
            path: path.into(),
            value: value.into(),
        });
        self
    }

    /// Replaces a member.
    pub fn replace(mut self, path: impl Into<String>, value: impl Into<Value>) -> Self {
        self.changes.push(PatchOp::Replace {
            path: path.into(),
            value: value.into(),
        });
        self
    }

    /// Removes a member (a field back to its default, a key of `extra`).
    pub fn remove(mut self, path: impl Into<String>) -> Self {
        self.changes.push(PatchOp::Remove { path: path.into() });
        self
    }
}

impl Validate for Patch {
    fn validate(&self) -> Result<()> {
        if self.changes.is_empty() {
            return Err(Error::invalid_input("an update needs at least one change"));
        }
        for c in &self.changes {
            let path = c.path();
            if !path.starts_with('/') || path.len() < 2 {
                return Err(Error::invalid_input(format!(
                    "patch path {path:?} must be a JSON Pointer such as /name"
                )));
            }
        }
        Ok(())
    }
}
