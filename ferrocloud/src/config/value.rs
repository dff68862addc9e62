//! Helpers for the loosely typed values of configuration files: scalars written as
//! numbers or strings, booleans written as words, keys spelled with `-` or `_`, secrets
//! that must not be shown, and `{name}` templates.

use serde_json::{Map, Value};

use crate::{Error, Result};

/// A mapping of a configuration file.
pub(crate) type Obj = Map<String, Value>;

/// What replaces a secret wherever configuration is shown.
pub(crate) const REDACTED: &str = "<redacted>";

/// Whether the value under `key` is a secret (passwords, tokens, application credential
/// secrets, TLS keys). Errs on the side of hiding.
pub(crate) fn is_secret_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase().replace('-', "_");
    matches!(
        k.as_str(),
        "password" | "token" | "auth_token" | "passcode" | "key" | "secret" | "api_key"
    ) || k.ends_with("_password")
        || k.ends_with("_secret")
        || k.ends_with("_token")
        || k.ends_with("_key")
        || k.ends_with("_passcode")
}

/// A copy of `v` with the values of secret keys replaced, at any depth.
pub(crate) fn redact(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| {
                    let v = if is_secret_key(k) && !v.is_null() {
                        Value::String(REDACTED.into())
                    } else {
                        redact(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(redact).collect()),
        other => other.clone(),
    }
}

/// A scalar as text: strings as they are, numbers and booleans written out.
pub(crate) fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A boolean written as a YAML/JSON boolean, or as `true`/`false`, `yes`/`no`, `on`/`off`,
/// `1`/`0` (any case).
pub(crate) fn boolean(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => match n.as_i64() {
            Some(1) => Some(true),
            Some(0) => Some(false),
            _ => None,
        },
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "on" | "1" | "y" => Some(true),
            "false" | "no" | "off" | "0" | "n" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Reads `key` of `obj` as text; `what` names where the key is, for the error. Empty
/// strings count as unset. The value never appears in the error.
pub(crate) fn get_string(obj: &Obj, key: &str, what: &str) -> Result<Option<String>> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => match scalar(v) {
            Some(s) if s.trim().is_empty() => Ok(None),
            Some(s) => Ok(Some(s)),
            None => Err(Error::config(format!(
                "{what}{key} must be a string, not {}",
                type_name(v)
            ))),
        },
    }
}

/// Reads `key` of `obj` as a boolean (see [`boolean`]).
pub(crate) fn get_bool(obj: &Obj, key: &str, what: &str) -> Result<Option<bool>> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => boolean(v).map(Some).ok_or_else(|| {
            Error::config(format!(
                "{what}{key} must be a boolean (true/false, yes/no, on/off, 1/0)"
            ))
        }),
    }
}

/// The name of a value's type, for errors.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

/// Replaces `-` by `_` in the keys of every mapping, at any depth, as the keys of
/// clouds.yaml may be written either way.
pub(crate) fn normalize_keys(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| (k.replace('-', "_"), normalize_keys(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(normalize_keys).collect()),
        other => other,
    }
}

/// Expands `{name}` in `template` with the scalar values of `vars` (the way vendor
/// profiles write `https://{region_name}.example.com`). Names that are not scalar keys
/// of `vars` are left as they are.
pub(crate) fn expand(template: &str, vars: &Obj) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let replaced = close.and_then(|close| {
            let name = &after[..close];
            let valid =
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !valid || is_secret_key(name) {
                return None;
            }
            vars.get(name).and_then(scalar).map(|v| (v, close))
        });
        match replaced {
            Some((value, close)) => {
                out.push_str(&value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn booleans_in_every_spelling() {
        for t in [
            json!(true),
            json!("True"),
            json!("yes"),
            json!("ON"),
            json!(1),
        ] {
            assert_eq!(boolean(&t), Some(true), "{t}");
        }
        for f in [
            json!(false),
            json!("false"),
            json!("No"),
            json!("off"),
            json!("0"),
        ] {
            assert_eq!(boolean(&f), Some(false), "{f}");
        }
        assert_eq!(boolean(&json!("maybe")), None);
        assert_eq!(boolean(&json!([])), None);
    }

    #[test]
    fn templates_expand_known_scalars_only() {
        let vars = json!({"region_name": "Sto2", "n": 3, "password": "pw", "list": [1]});
        let vars = vars.as_object().unwrap();
        assert_eq!(
            expand("https://{region_name}.example.com:5000/v3/", vars),
            "https://Sto2.example.com:5000/v3/"
        );
        assert_eq!(expand("{n}-{missing}-{list}", vars), "3-{missing}-{list}");
        assert_eq!(expand("{password}", vars), "{password}");
        assert_eq!(expand("{unclosed", vars), "{unclosed");
        assert_eq!(expand("{}{{region_name}}", vars), "{}{Sto2}");
    }

    #[test]
    fn secrets_are_redacted_at_any_depth() {
        let v = json!({"auth": {"password": "pw", "username": "u", "application_credential_secret": "s"},
                       "key": "PEM", "regions": [{"values": {"auth": {"token": "t"}}}]});
        let r = redact(&v).to_string();
        for secret in ["\"pw\"", "\"s\"", "PEM", "\"t\""] {
            assert!(!r.contains(secret), "{r}");
        }
        assert!(r.contains("\"u\""));
    }

    #[test]
    fn strings_from_scalars_and_errors_without_values() {
        let o = json!({"a": 2.5, "b": "", "c": ["x"], "password": {"x": 1}});
        let o = o.as_object().unwrap();
        assert_eq!(get_string(o, "a", "").unwrap().as_deref(), Some("2.5"));
        assert_eq!(get_string(o, "b", "").unwrap(), None);
        let e = get_string(o, "c", "auth.").unwrap_err();
        assert!(
            e.to_string()
                .contains("auth.c must be a string, not a list")
        );
    }
}
