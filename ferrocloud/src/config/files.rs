//! Finding and reading the configuration files: `clouds`, `secure` and `clouds-public`,
//! each as `.yaml`, `.yml` or `.json`, in the search directories.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use yaml_rust2::{Yaml, YamlLoader};

use crate::{Error, ErrorKind, Result};

/// The suffixes tried for each file name, in order.
pub(crate) const SUFFIXES: [&str; 3] = ["yaml", "yml", "json"];

/// A configuration file that is not valid YAML or JSON: where, and why.
///
/// It is the [`source`](std::error::Error::source) of the [`ErrorKind::Config`] error
/// returned when a file cannot be parsed, so a program can point at the place.
///
/// ```
/// use ferrocloud::config::{CloudsConfig, Environment, SyntaxError};
/// let dir = std::env::temp_dir().join(format!("ferrocloud-doc-syntax-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("clouds.yaml"), "clouds:\n  a: [1, 2\n").unwrap();
/// let env = Environment::from_vars([("HOME", "/nonexistent")]).with_search_dirs([&dir]);
/// let err = CloudsConfig::load_with(env).unwrap_err();
/// let syntax = std::error::Error::source(&err).unwrap().downcast_ref::<SyntaxError>().unwrap();
/// assert_eq!(syntax.line, 3);
/// assert!(err.to_string().contains("clouds.yaml"));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The file.
    pub path: PathBuf,
    /// The line (from 1).
    pub line: usize,
    /// The column (from 1).
    pub column: usize,
    /// What the parser said.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl std::error::Error for SyntaxError {}

/// The candidate paths of a file named `stem` in `dirs`, in search order.
pub(crate) fn candidates(dirs: &[PathBuf], stem: &str) -> Vec<PathBuf> {
    dirs.iter()
        .flat_map(|d| SUFFIXES.iter().map(move |s| d.join(format!("{stem}.{s}"))))
        .collect()
}

/// Reads the first file of `paths` that exists and can be read. Files that are missing
/// are skipped silently, files that cannot be read (permissions, not a file) with a
/// warning; a file that is not valid YAML/JSON, or whose top level is not a mapping, is
/// an error.
pub(crate) fn first_readable(paths: &[PathBuf]) -> Result<Option<(PathBuf, Map<String, Value>)>> {
    for path in paths {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                tracing::warn!(path = %path.display(), error = %e, "skipping a configuration file that cannot be read");
                continue;
            }
        };
        let doc = parse(path, &text)?;
        return match doc {
            Value::Object(m) => Ok(Some((path.clone(), m))),
            other => Err(Error::config(format!(
                "configuration file {} is empty or not a mapping (its top level is {})",
                path.display(),
                crate::config::value::type_name(&other)
            ))),
        };
    }
    Ok(None)
}

/// Parses a file's text: JSON when the name ends in `json`, YAML otherwise.
pub(crate) fn parse(path: &Path, text: &str) -> Result<Value> {
    let is_json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        serde_json::from_str(text).map_err(|e| {
            syntax_error(
                "JSON",
                SyntaxError {
                    path: path.to_path_buf(),
                    line: e.line(),
                    column: e.column(),
                    message: json_message(&e),
                },
            )
        })
    } else {
        let docs = YamlLoader::load_from_str(text).map_err(|e| {
            let m = e.marker();
            syntax_error(
                "YAML",
                SyntaxError {
                    path: path.to_path_buf(),
                    line: m.line(),
                    column: m.col() + 1,
                    message: e.info().to_string(),
                },
            )
        })?;
        match docs.into_iter().next() {
            None => Ok(Value::Null),
            Some(doc) => yaml_to_json(doc).map_err(|msg| {
                Error::config(format!("unsupported YAML in {}: {msg}", path.display()))
            }),
        }
    }
}

/// serde_json's message without its own " at line L column C" suffix.
fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn syntax_error(format: &str, e: SyntaxError) -> Error {
    Error::new(
        ErrorKind::Config,
        format!(
            "malformed {format} in {} at line {}, column {}: {}",
            e.path.display(),
            e.line,
            e.column,
            e.message
        ),
    )
    .with_source(e)
}

/// Converts a YAML node to JSON. Integers become numbers; other numbers keep their text
/// as strings (so `compute_api_version: 2.10` stays `"2.10"`); merge keys (`<<`) are
/// applied, the mapping's own keys winning.
fn yaml_to_json(y: Yaml) -> std::result::Result<Value, String> {
    Ok(match y {
        Yaml::Null => Value::Null,
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Integer(i) => Value::from(i),
        Yaml::Real(s) => Value::String(s),
        Yaml::String(s) => Value::String(s),
        Yaml::Array(a) => Value::Array(
            a.into_iter()
                .map(yaml_to_json)
                .collect::<std::result::Result<_, _>>()?,
        ),
        Yaml::Hash(h) => {
            let mut out = Map::new();
            let mut merged = Vec::new();
            for (k, v) in h {
                if matches!(&k, Yaml::String(s) if s == "<<") {
                    match yaml_to_json(v)? {
                        Value::Object(m) => merged.push(m),
                        Value::Array(items) => {
                            for item in items {
                                match item {
                                    Value::Object(m) => merged.push(m),
                                    _ => {
                                        return Err(
                                            "a merge key (<<) must refer to mappings".into()
                                        );
                                    }
                                }
                            }
                        }
                        _ => return Err("a merge key (<<) must refer to a mapping".into()),
                    }
                    continue;
                }
                let key = match k {
                    Yaml::String(s) | Yaml::Real(s) => s,
                    Yaml::Integer(i) => i.to_string(),
                    Yaml::Boolean(b) => b.to_string(),
                    Yaml::Null => "null".to_string(),
                    _ => return Err("mapping keys must be scalars".into()),
                };
                out.insert(key, yaml_to_json(v)?);
            }
            for m in merged {
                for (k, v) in m {
                    out.entry(k).or_insert(v);
                }
            }
            Value::Object(out)
        }
        Yaml::Alias(_) | Yaml::BadValue => return Err(
            "a value could not be read (an unknown alias, or a value that does not match its tag)"
                .into(),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn p(name: &str) -> PathBuf {
        PathBuf::from(format!("/cfg/{name}"))
    }

    #[test]
    fn yaml_scalars_anchors_and_merge_keys() {
        let text = r#"
base: &base
  interface: internal
  auth: {auth_url: "http://k:5000/v3"}
clouds:
  a:
    <<: *base
    interface: public
    compute_api_version: 2.10
    identity_api_version: 3
    verify: false
    empty:
    quoted: "2.79"
"#;
        let v = parse(&p("clouds.yaml"), text).unwrap();
        assert_eq!(
            v["clouds"]["a"],
            json!({"interface": "public", "auth": {"auth_url": "http://k:5000/v3"},
                   "compute_api_version": "2.10", "identity_api_version": 3, "verify": false,
                   "empty": null, "quoted": "2.79"})
        );
    }

    #[test]
    fn malformed_yaml_names_file_line_and_column() {
        let text = "clouds:\n  a:\n    auth: {auth_url: x\n    region_name: r\n";
        let e = parse(&p("clouds.yaml"), text).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Config);
        let s = std::error::Error::source(&e)
            .unwrap()
            .downcast_ref::<SyntaxError>()
            .unwrap()
            .clone();
        assert_eq!(s.path, p("clouds.yaml"));
        assert!(s.line >= 3, "{s}");
        assert!(e.to_string().contains("/cfg/clouds.yaml at line"), "{e}");

        let e = parse(&p("clouds.yaml"), "clouds:\n  a: 1\n   b: 2\n").unwrap_err();
        let s = std::error::Error::source(&e)
            .unwrap()
            .downcast_ref::<SyntaxError>()
            .unwrap();
        assert_eq!((s.line, s.column), (3, 5), "{s}");
    }

    #[test]
    fn duplicate_keys_are_an_error_that_does_not_show_values() {
        let text =
            "clouds:\n  a:\n    auth:\n      password: one-secret\n      password: two-secret\n";
        let e = parse(&p("secure.yaml"), text).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("duplicated key"), "{msg}");
        assert!(msg.contains("line 5"), "{msg}");
        assert!(
            !msg.contains("one-secret") && !msg.contains("two-secret"),
            "{msg}"
        );
    }

    #[test]
    fn json_errors_have_line_and_column() {
        let e = parse(
            &p("clouds.json"),
            "{\n  \"clouds\": {\n    \"a\": 1,\n  }\n}",
        )
        .unwrap_err();
        let s = std::error::Error::source(&e)
            .unwrap()
            .downcast_ref::<SyntaxError>()
            .unwrap();
        assert_eq!(s.line, 4);
        assert!(!s.message.contains(" at line "), "{}", s.message);
        assert!(
            e.to_string()
                .starts_with("configuration error: malformed JSON in /cfg/clouds.json at line 4")
        );
    }

    #[test]
    fn empty_and_scalar_documents() {
        assert_eq!(parse(&p("clouds.yaml"), "").unwrap(), Value::Null);
        assert_eq!(
            parse(&p("clouds.yaml"), "# nothing\n").unwrap(),
            Value::Null
        );
        assert_eq!(
            parse(&p("clouds.yaml"), "just text").unwrap(),
            json!("just text")
        );
    }

    #[test]
    fn candidates_follow_directory_then_suffix_order() {
        let c = candidates(&[p("a"), p("b")], "clouds");
        let names: Vec<String> = c.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(
            names,
            [
                "/cfg/a/clouds.yaml",
                "/cfg/a/clouds.yml",
                "/cfg/a/clouds.json",
                "/cfg/b/clouds.yaml",
                "/cfg/b/clouds.yml",
                "/cfg/b/clouds.json"
            ]
        );
    }
}
