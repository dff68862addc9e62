//! Secrets kept out of error messages and logs.
//!
//! Two leaks are closed here:
//!
//! - A service that echoes the request in its error message would put the client's own
//!   secrets into the [`Error`]'s text. When an error is built from a response, the
//!   secrets the client sent (found in the request's JSON or form body and in its
//!   credential headers, see [`body_secrets`] and [`header_secrets`]) and the secrets the
//!   provider holds (its token and stored credentials) are replaced by `[REDACTED]`
//!   ([`Error::scrub`]).
//! - A decoder's message quotes the offending value (`invalid type: string "gAAAA…",
//!   expected u32`), which may be a token. Decode errors are rewritten to name the path
//!   and the expected type only ([`describe_json_error`]).

use std::borrow::Cow;

use http::HeaderMap;
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

use crate::Error;
use crate::provider::{Body, Prepared, ProviderClient};

/// What replaces a secret in a message.
pub(crate) const REDACTED: &str = "[REDACTED]";

/// Secrets shorter than this (in characters) are not replaced: they would mangle the
/// message without protecting anything.
pub(crate) const MIN_SECRET_CHARS: usize = 4;

/// Request bodies larger than this are not searched for secrets.
const MAX_BODY: usize = 1 << 20;

/// How deep a JSON string holding JSON (a credential blob) is searched.
const MAX_NESTED_JSON: u8 = 2;

/// Object keys whose string values are secrets, wherever they appear in a request body
/// (compared without regard to ASCII case):
///
/// - `password`, `original_password`, `new_password`, `adminPass`, `admin_pass`: user and
///   server passwords (identity users, token requests, compute server actions);
/// - `secret`, `client_secret`, `passcode`: application credential secrets, OAuth 2.0
///   client secrets, TOTP passcodes;
/// - `token` (when a string), `access_token`, `refresh_token`, `id_token`: tokens;
/// - `blob`: identity credentials (EC2 key pairs, TOTP seeds), searched again as JSON;
/// - `private_key`, `apiKey`, `api_key`, `signature`: keys and signatures.
///
/// Besides these, `id` inside a `token` object (`{"token": {"id": ...}}`, the token
/// method of identity v3 and v2.0) and `key` anywhere inside an `auth` object are
/// secrets.
pub(crate) const SECRET_KEYS: &[&str] = &[
    "password",
    "original_password",
    "new_password",
    "adminpass",
    "admin_pass",
    "secret",
    "client_secret",
    "passcode",
    "psk",
    "token",
    "access_token",
    "refresh_token",
    "id_token",
    "blob",
    "private_key",
    "apikey",
    "api_key",
    "signature",
];

/// Request headers whose values are credentials.
const SECRET_HEADERS: &[&str] = &[
    "x-auth-token",
    "x-subject-token",
    "x-service-token",
    "authorization",
    "openstack-auth-receipt",
];

fn is_secret_key(key: &str) -> bool {
    SECRET_KEYS.iter().any(|k| key.eq_ignore_ascii_case(k))
}

/// The secret values of a request body: JSON (see [`SECRET_KEYS`] for what is a secret)
/// or, failing that, a form (`application/x-www-form-urlencoded`, as OAuth 2.0 token
/// requests are). Bodies over 1 MiB and bodies that are neither give nothing.
pub(crate) fn body_secrets(body: &[u8]) -> Vec<SecretString> {
    let mut out = Vec::new();
    if body.is_empty() || body.len() > MAX_BODY {
        return out;
    }
    if let Ok(v) = serde_json::from_slice::<Value>(body) {
        collect_json(&v, false, false, MAX_NESTED_JSON, &mut out);
    } else if let Ok(text) = std::str::from_utf8(body)
        && text.contains('=')
        && !text.trim_start().starts_with(['{', '['])
    {
        for (k, v) in url::form_urlencoded::parse(text.trim().as_bytes()) {
            if is_secret_key(&k) && !v.is_empty() {
                out.push(SecretString::from(v.into_owned()));
            }
        }
    }
    out
}

fn collect_json(v: &Value, in_auth: bool, in_token: bool, nested: u8, out: &mut Vec<SecretString>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let secret = is_secret_key(k)
                    || (in_token && k == "id")
                    || (in_auth && k.eq_ignore_ascii_case("key"));
                if secret && let Value::String(s) = v {
                    if !s.is_empty() {
                        out.push(SecretString::from(s.clone()));
                    }
                    // A blob holds JSON text with secrets of its own.
                    if nested > 0
                        && s.trim_start().starts_with('{')
                        && let Ok(inner) = serde_json::from_str::<Value>(s)
                    {
                        collect_json(&inner, in_auth, false, nested - 1, out);
                    }
                    continue;
                }
                let auth = in_auth || k == "auth";
                let token = k.eq_ignore_ascii_case("token");
                collect_json(v, auth, token, nested, out);
            }
        }
        Value::Array(items) => {
            for v in items {
                collect_json(v, in_auth, false, nested, out);
            }
        }
        _ => {}
    }
}

/// The credential values of request headers: tokens, `Authorization` (whole, and the
/// credentials after its scheme) and any header marked sensitive.
pub(crate) fn header_secrets(headers: &HeaderMap) -> Vec<SecretString> {
    let mut out = Vec::new();
    for (name, value) in headers {
        if !(value.is_sensitive() || SECRET_HEADERS.contains(&name.as_str())) {
            continue;
        }
        let Ok(text) = value.to_str() else { continue };
        out.push(SecretString::from(text.to_string()));
        if let Some((_scheme, creds)) = text.split_once(' ') {
            out.push(SecretString::from(creds.trim().to_string()));
        }
    }
    out
}

/// Scrubs an error built from the answer to `req`: the provider's own secrets, and those
/// the request carried in its headers and body.
pub(crate) fn scrub_sent(err: Error, provider: &ProviderClient, req: &Prepared) -> Error {
    let body = match &req.body {
        Body::Bytes(b) => Some(&b[..]),
        _ => None,
    };
    scrub_request(err, provider, &req.headers, body)
}

/// Scrubs an error with the provider's secrets and those of a request's headers and body.
pub(crate) fn scrub_request(
    err: Error,
    provider: &ProviderClient,
    headers: &HeaderMap,
    body: Option<&[u8]>,
) -> Error {
    let mut found = provider.held_secrets();
    found.extend(header_secrets(headers));
    if let Some(b) = body {
        found.extend(body_secrets(b));
    }
    let shown: Vec<&str> = found.iter().map(|s| s.expose_secret()).collect();
    err.scrub(&shown)
}

/// The forms in which a secret may appear in a message: as it is, JSON-escaped (a
/// service echoing JSON), Rust-escaped (a `{:?}`) and form-encoded.
fn forms(secret: &str) -> Vec<String> {
    let mut out = vec![secret.to_string()];
    if let Ok(json) = serde_json::to_string(secret) {
        out.push(json[1..json.len() - 1].to_string());
    }
    let debug = format!("{secret:?}");
    out.push(debug[1..debug.len() - 1].to_string());
    out.push(url::form_urlencoded::byte_serialize(secret.as_bytes()).collect());
    out.sort();
    out.dedup();
    out
}

/// Replaces every secret (and its escaped forms) in `text` with `[REDACTED]`. Secrets of
/// fewer than [`MIN_SECRET_CHARS`] characters are left alone.
pub(crate) fn scrub_text<'t>(text: &'t str, secrets: &[&str]) -> Cow<'t, str> {
    let mut all: Vec<String> = secrets
        .iter()
        .filter(|s| s.chars().count() >= MIN_SECRET_CHARS)
        .flat_map(|s| forms(s))
        .collect();
    // Longest first, so that a secret containing another is replaced whole.
    all.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut out = Cow::Borrowed(text);
    for s in &all {
        if out.contains(s.as_str()) {
            out = Cow::Owned(out.replace(s.as_str(), REDACTED));
        }
    }
    out
}

// ---------------------------------------------------------------- decode errors

/// The text of a JSON decode error without any value from the input: the path (when
/// known), what was found and what was expected, and the position.
///
/// Errors of the data category (`invalid type: string "…", expected u32`) are rewritten
/// without the value (`invalid type: string, expected u32`); a data error whose message
/// is not recognised is reduced to its category. Syntax and end-of-input errors carry no
/// input and are kept.
pub(crate) fn describe_json_error(e: &serde_json::Error, path: Option<&str>) -> String {
    use serde_json::error::Category;
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = if e.line() > 0 {
        full.strip_suffix(suffix.as_str()).unwrap_or(&full)
    } else {
        full.as_str()
    };
    let detail = match e.classify() {
        Category::Data => sanitize_serde_message(msg)
            .unwrap_or_else(|| "the data does not have the expected shape".to_string()),
        Category::Syntax | Category::Eof => msg.to_string(),
        Category::Io => "read error".to_string(),
    };
    let mut out = String::new();
    if let Some(p) = path.filter(|p| !p.is_empty() && *p != ".") {
        out.push_str(p);
        out.push_str(": ");
    }
    out.push_str(&detail);
    if e.line() > 0 {
        out.push_str(&suffix);
    }
    out
}

/// The path of a `serde_path_to_error` path, with map keys that do not look like field
/// names (they may be data) shown as `?`.
pub(crate) fn describe_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(if looks_like_field(key) { key } else { "?" });
            }
            Segment::Enum { variant } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(if looks_like_field(variant) {
                    variant
                } else {
                    "?"
                });
            }
            Segment::Unknown => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push('?');
            }
        }
    }
    out
}

fn looks_like_field(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 40
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b':' | b'.'))
}

/// Decodes JSON, with a value-free error naming the path of the failure.
pub(crate) fn from_json_slice<T: serde::de::DeserializeOwned>(
    body: &[u8],
    context: &str,
) -> crate::Result<T> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = describe_path(e.path());
        Error::decode_detail(context, describe_json_error(e.inner(), Some(&path)))
    })?;
    de.end().map_err(|e| Error::decode(context, e))?;
    Ok(value)
}

const EXPECTED: &str = ", expected ";

/// Rewrites a serde data-error message so that it names what was found and what was
/// expected, never the value. `None` when the message is not one serde writes.
///
/// The value is whatever the input held, so it may itself contain `, expected `, quotes
/// or backticks: strings are skipped to their closing unescaped quote (serde writes them
/// with Rust's debug escaping), and for unknown names the last separator is used (what
/// follows it comes from the type, not the input).
pub(crate) fn sanitize_serde_message(msg: &str) -> Option<String> {
    for head in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = msg.strip_prefix(head) {
            let (kind, after) = unexpected(rest)?;
            let expected = after.strip_prefix(EXPECTED)?;
            return Some(format!("{head}{kind}{EXPECTED}{expected}"));
        }
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let expected = rest[digits..].strip_prefix(EXPECTED)?;
        if digits == 0 {
            return None;
        }
        return Some(format!(
            "invalid length {}{EXPECTED}{expected}",
            &rest[..digits]
        ));
    }
    for (head, none) in [
        ("unknown variant `", "`, there are no variants"),
        ("unknown field `", "`, there are no fields"),
    ] {
        if let Some(rest) = msg.strip_prefix(head) {
            let what = head.trim_end_matches(" `");
            if rest.ends_with(none) {
                return Some(format!("{what}, {}", &none[3..]));
            }
            let at = rest.rfind("`, expected ")?;
            let expected = &rest[at + "`, expected ".len()..];
            return Some(format!("{what}{EXPECTED}{expected}"));
        }
    }
    // Field names come from the type being decoded.
    for head in ["missing field `", "duplicate field `"] {
        if let Some(name) = msg.strip_prefix(head).and_then(|r| r.strip_suffix('`'))
            && looks_like_field(name)
        {
            return Some(msg.to_string());
        }
    }
    if let Some(name) = msg.strip_prefix("data did not match any variant of untagged enum ")
        && looks_like_field(name)
    {
        return Some(msg.to_string());
    }
    None
}

/// What serde's `Unexpected` wrote: its kind without the value, and the rest.
fn unexpected(rest: &str) -> Option<(&'static str, &str)> {
    if let Some(s) = rest.strip_prefix("string \"") {
        let mut chars = s.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => return Some(("string", &s[i + 1..])),
                _ => {}
            }
        }
        return None;
    }
    for kind in ["boolean", "integer", "floating point"] {
        if let Some(s) = rest.strip_prefix(kind).and_then(|s| s.strip_prefix(" `")) {
            let end = s.find('`')?;
            return Some((kind, &s[end + 1..]));
        }
    }
    if let Some(s) = rest.strip_prefix("character `") {
        let mut chars = s.chars();
        chars.next()?;
        let s = chars.as_str().strip_prefix('`')?;
        return Some(("character", s));
    }
    for kind in [
        "byte array",
        "unit value",
        "Option value",
        "newtype struct",
        "sequence",
        "map",
        "enum",
        "unit variant",
        "newtype variant",
        "tuple variant",
        "struct variant",
        "null",
        "number",
        "string",
        "boolean",
        "integer",
        "floating point",
    ] {
        if let Some(s) = rest.strip_prefix(kind)
            && s.starts_with(EXPECTED)
        {
            return Some((kind, s));
        }
    }
    None
}

/// The text of a decoder error that is not serde_json's: a recognised serde message is
/// rewritten without values; any other text with quoted parts is reduced to a fixed
/// sentence.
pub(crate) fn describe_other_error(text: &str) -> Cow<'_, str> {
    if let Some(s) = sanitize_serde_message(text) {
        return Cow::Owned(s);
    }
    if text.contains(['"', '`', '\'']) {
        return Cow::Borrowed("the data could not be decoded");
    }
    Cow::Borrowed(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The secrets found, sorted (the order of a JSON object's keys is not kept).
    fn shown(v: &[SecretString]) -> Vec<&str> {
        let mut out: Vec<&str> = v.iter().map(|s| s.expose_secret()).collect();
        out.sort();
        out
    }

    #[test]
    fn sanitizes_invalid_type_and_value() {
        let cases = [
            (
                r#"invalid type: string "gAAAA-token", expected u32"#,
                "invalid type: string, expected u32",
            ),
            (
                r#"invalid type: string "a \"quoted\", expected u8 value", expected u32"#,
                "invalid type: string, expected u32",
            ),
            (
                r#"invalid type: string "back\\", expected u32"#,
                "invalid type: string, expected u32",
            ),
            (
                r#"invalid value: string "h\u{e9}llo ☃ \n", expected a date"#,
                "invalid value: string, expected a date",
            ),
            (
                "invalid type: integer `12`, expected a string",
                "invalid type: integer, expected a string",
            ),
            (
                "invalid type: integer `-12`, expected a string",
                "invalid type: integer, expected a string",
            ),
            (
                "invalid type: floating point `1.5`, expected u8",
                "invalid type: floating point, expected u8",
            ),
            (
                "invalid type: boolean `true`, expected a string",
                "invalid type: boolean, expected a string",
            ),
            (
                "invalid type: character ```, expected a string",
                "invalid type: character, expected a string",
            ),
            (
                "invalid type: map, expected a string",
                "invalid type: map, expected a string",
            ),
            (
                "invalid type: sequence, expected struct X",
                "invalid type: sequence, expected struct X",
            ),
            (
                "invalid type: null, expected a string",
                "invalid type: null, expected a string",
            ),
            (
                "invalid length 3, expected a tuple of size 2",
                "invalid length 3, expected a tuple of size 2",
            ),
            (
                "unknown variant `p4ss`, expected `a` or `b`",
                "unknown variant, expected `a` or `b`",
            ),
            (
                "unknown variant `x`, expected y`, expected one of `a`, `b`",
                "unknown variant, expected one of `a`, `b`",
            ),
            (
                "unknown field `s3cr3t`, there are no fields",
                "unknown field, there are no fields",
            ),
            (
                "unknown variant `v`, expected x`, there are no variants",
                "unknown variant, there are no variants",
            ),
            ("missing field `id`", "missing field `id`"),
        ];
        for (input, want) in cases {
            assert_eq!(
                sanitize_serde_message(input).as_deref(),
                Some(want),
                "{input}"
            );
        }
        for odd in [
            "unrecognised date/time \"s3cret\"",
            "invalid type: string \"never closed, expected u32",
            "invalid type: Other thing, expected u32",
            "invalid type: integer `1, expected u32",
            "missing field `a b`",
            "",
        ] {
            assert_eq!(sanitize_serde_message(odd), None, "{odd}");
        }
    }

    #[test]
    fn json_errors_never_show_values() {
        let secret = "gAAAA-\"tricky\", expected u8 ☃";
        let body = serde_json::json!({ "n": secret }).to_string();
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct N {
            n: u32,
        }
        let e = serde_json::from_str::<N>(&body).unwrap_err();
        let text = describe_json_error(&e, None);
        assert!(!text.contains("gAAAA"), "{text}");
        assert!(
            text.starts_with("invalid type: string, expected u32 at line 1"),
            "{text}"
        );

        let e = serde_json::from_str::<std::collections::BTreeMap<String, u8>>(r#"{"k": 1000}"#)
            .unwrap_err();
        assert!(!describe_json_error(&e, None).contains("1000"));

        let e = serde_json::from_value::<N>(serde_json::json!({ "n": [secret] })).unwrap_err();
        assert_eq!(
            describe_json_error(&e, None),
            "invalid type: sequence, expected u32"
        );

        let e = serde_json::from_str::<N>(r#"{"n": 1"#).unwrap_err();
        assert!(describe_json_error(&e, None).contains("EOF"));
    }

    #[test]
    fn paths_name_fields_not_data() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Inner {
            n: u32,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            items: Vec<Inner>,
            meta: std::collections::BTreeMap<String, u8>,
        }
        let e = from_json_slice::<Outer>(br#"{"items": [{"n": "s3cret-value"}], "meta": {}}"#, "x")
            .unwrap_err();
        let text = e.to_string();
        assert!(text.contains("items[0].n: invalid type: string"), "{text}");
        assert!(!text.contains("s3cret"), "{text}");
        let e = from_json_slice::<Outer>(
            br#"{"items": [], "meta": {"my secret key!": "s3cret-value"}}"#,
            "x",
        )
        .unwrap_err();
        let text = format!("{e} {e:?}");
        assert!(text.contains("meta.?: invalid type"), "{text}");
        assert!(
            !text.contains("s3cret") && !text.contains("my secret"),
            "{text}"
        );
    }

    #[test]
    fn collects_body_secrets() {
        let v3 = serde_json::json!({"auth": {"identity": {
            "methods": ["password", "token", "totp", "application_credential"],
            "password": {"user": {"name": "alice", "domain": {"name": "Default"}, "password": "pw-1"}},
            "token": {"id": "tok-2"},
            "totp": {"user": {"id": "u", "passcode": "123456"}},
            "application_credential": {"id": "ac", "secret": "sec-3"}},
            "scope": {"project": {"id": "p"}}}});
        let found = body_secrets(v3.to_string().as_bytes());
        assert_eq!(shown(&found), ["123456", "pw-1", "sec-3", "tok-2"]);

        let v2 = serde_json::json!({"auth": {"passwordCredentials": {"username": "u", "password": "pw"},
            "token": {"id": "t2"}, "apiKeyCredentials": {"apiKey": "k"}, "tenantName": "t"}});
        assert_eq!(
            shown(&body_secrets(v2.to_string().as_bytes())),
            ["k", "pw", "t2"]
        );

        let blob = serde_json::json!({"credential": {"type": "ec2", "user_id": "u",
            "blob": "{\"access\": \"AKIA\", \"secret\": \"ec2-secret\"}"}});
        assert_eq!(
            shown(&body_secrets(blob.to_string().as_bytes())),
            [
                "ec2-secret",
                "{\"access\": \"AKIA\", \"secret\": \"ec2-secret\"}"
            ]
        );

        let change = br#"{"user": {"original_password": "old", "password": "new", "name": "n"}}"#;
        assert_eq!(shown(&body_secrets(change)), ["new", "old"]);
        let server = br#"{"server": {"adminPass": "ap", "metadata": {"key": "v"}, "items": [{"token": "t"}]}}"#;
        assert_eq!(shown(&body_secrets(server)), ["ap", "t"]);

        let form = b"grant_type=password&username=u&password=p%26w&client_secret=cs";
        assert_eq!(shown(&body_secrets(form)), ["cs", "p&w"]);

        for nothing in [
            &b""[..],
            b"null",
            b"[1, 2]",
            b"not json",
            b"{\"token\": 12}",
            b"\xff\xfe",
        ] {
            assert!(body_secrets(nothing).is_empty());
        }
        let huge = vec![b' '; MAX_BODY + 1];
        assert!(body_secrets(&huge).is_empty());
    }

    #[test]
    fn collects_header_secrets() {
        let mut h = HeaderMap::new();
        h.insert("x-auth-token", "tok-1".parse().unwrap());
        h.insert("authorization", "Bearer bearer-2".parse().unwrap());
        h.insert("accept", "application/json".parse().unwrap());
        let mut v = http::HeaderValue::from_static("hidden-3");
        v.set_sensitive(true);
        h.insert("x-custom", v);
        let found = header_secrets(&h);
        assert_eq!(
            shown(&found),
            ["Bearer bearer-2", "bearer-2", "hidden-3", "tok-1"]
        );
    }

    #[test]
    fn scrubs_plain_and_escaped_forms() {
        let s = "p\"ss/wörd\\1";
        let json = serde_json::to_string(s).unwrap();
        let text = format!("raw {s} json {json} debug {s:?} form p%22ss%2Fw%C3%B6rd%5C1 short abc");
        let out = scrub_text(&text, &[s, "abc"]);
        assert!(!out.contains("ss/w"), "{out}");
        assert!(!out.contains("ss%2F"), "{out}");
        assert!(out.contains("short abc"), "{out}");
        assert_eq!(out.matches(REDACTED).count(), 4, "{out}");
        // A secret containing another is replaced whole.
        let out = scrub_text(
            "x longsecret-and-more y",
            &["longsecret", "longsecret-and-more"],
        );
        assert_eq!(out, "x [REDACTED] y");
        assert!(matches!(
            scrub_text("nothing here", &["secret"]),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn error_scrub_covers_message_url_and_source() {
        let body = br#"{"error": {"message": "Invalid input for field 'password': {\"password\": \"hunter2-pw\"}", "code": 400}}"#;
        let err = Error::from_response(
            &http::Method::POST,
            "http://k/v3/users?token=hunter2-pw",
            http::StatusCode::BAD_REQUEST,
            &HeaderMap::new(),
            body,
        )
        .scrub(&["hunter2-pw"]);
        let text = format!("{err} {err:?}");
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.contains(REDACTED), "{text}");
        assert!(err.service_message().contains("'password'"));

        let inner = std::io::Error::other("echo hunter2-pw");
        let err = Error::new(crate::ErrorKind::Transport, "x")
            .with_source(inner)
            .scrub(&["hunter2-pw"]);
        let src = std::error::Error::source(&err).unwrap().to_string();
        assert!(
            !src.contains("hunter2") && !format!("{err:?}").contains("hunter2"),
            "{src}"
        );
    }
}
