//! What Swift keeps: accounts, containers, objects (with their versions), and the
//! requests that work on many of them at once (bulk delete, archive extraction, static
//! large objects, TempURL and form POST signatures).

use std::collections::BTreeMap;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use serde_json::json;

use super::{
    Call, Row, bad_request, error, manifest_segments, md5_hex, not_found, object_name, segment,
};
use crate::http_util::{Reply, Req, percent_decode};
use crate::state::State;

/// Swift's state: the accounts by project ID.
#[derive(Debug, Clone, Default)]
pub(crate) struct ObjectState {
    accounts: BTreeMap<String, Account>,
    /// Counter that keeps version IDs apart.
    serial: u64,
}

/// An account: its metadata headers and containers.
#[derive(Debug, Clone)]
pub(crate) struct Account {
    pub(super) created: DateTime<Utc>,
    /// `x-account-meta-*` headers, lower case.
    pub(super) headers: BTreeMap<String, String>,
    pub(super) containers: BTreeMap<String, Container>,
}

/// A container: its metadata and settings headers, and objects by name.
#[derive(Debug, Clone)]
pub(crate) struct Container {
    pub(super) created: DateTime<Utc>,
    pub(super) modified: DateTime<Utc>,
    /// `x-container-meta-*` and settings (`x-container-read`…), lower case.
    pub(super) headers: BTreeMap<String, String>,
    /// The current objects.
    pub(super) objects: BTreeMap<String, Obj>,
    /// Older versions by name, newest first (versioned containers).
    pub(super) history: BTreeMap<String, Vec<Obj>>,
}

/// An object: its bytes (as received, in chunks) or its manifest, and its headers.
#[derive(Debug, Clone)]
pub(crate) struct Obj {
    pub(super) data: Vec<Bytes>,
    pub(super) size: u64,
    /// The MD5 in hex (of the segments' ETags for a static large object).
    pub(super) etag: String,
    pub(super) content_type: String,
    /// `x-object-meta-*`, `x-delete-at`, `x-object-manifest`, `x-symlink-target`,
    /// `content-disposition`, `content-encoding`, `x-static-large-object`.
    pub(super) user_headers: BTreeMap<String, String>,
    pub(super) modified: DateTime<Utc>,
    /// The segments of a static large object.
    pub(super) slo: Option<Vec<Segment>>,
    /// The version, in a versioned container.
    pub(super) version_id: Option<String>,
}

/// A segment of a static large object.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    /// `/container/object`.
    pub(super) path: String,
    pub(super) etag: String,
    pub(super) size: u64,
}

impl Container {
    pub(super) fn new(now: DateTime<Utc>) -> Self {
        Self {
            created: now,
            modified: now,
            headers: BTreeMap::new(),
            objects: BTreeMap::new(),
            history: BTreeMap::new(),
        }
    }

    pub(super) fn bytes_used(&self) -> u64 {
        self.objects.values().map(|o| o.size).sum()
    }

    fn versioned(&self) -> bool {
        self.headers
            .get("x-versions-enabled")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    }

    /// The rows of `?versions`: per name, the current version then the older ones.
    pub(super) fn version_rows(&self) -> Vec<Row> {
        let mut names: Vec<&String> = self.objects.keys().chain(self.history.keys()).collect();
        names.sort();
        names.dedup();
        let mut rows = Vec::new();
        for name in names {
            let current = self.objects.get(name).map(|o| (o, true));
            let older = self
                .history
                .get(name)
                .into_iter()
                .flatten()
                .map(|o| (o, false));
            for (o, latest) in current.into_iter().chain(older) {
                let mut json = o.listing_json(name);
                if let Some(m) = json.as_object_mut() {
                    m.insert(
                        "version_id".into(),
                        json!(o.version_id.as_deref().unwrap_or("null")),
                    );
                    m.insert("is_latest".into(), json!(latest));
                }
                rows.push(Row {
                    name: name.clone(),
                    json,
                    version: o.version_id.clone(),
                });
            }
        }
        rows
    }
}

impl Obj {
    pub(super) fn new(data: Vec<Bytes>, now: DateTime<Utc>) -> Self {
        Self {
            size: data.iter().map(|c| c.len() as u64).sum(),
            etag: md5_hex(&data),
            data,
            content_type: "application/octet-stream".into(),
            user_headers: BTreeMap::new(),
            modified: now,
            slo: None,
            version_id: None,
        }
    }

    fn expired(&self, now: DateTime<Utc>) -> bool {
        self.user_headers
            .get("x-delete-at")
            .and_then(|t| t.parse::<i64>().ok())
            .is_some_and(|t| t <= now.timestamp())
    }
}

impl ObjectState {
    /// The account of `project`, made on first use (Swift's `account_autocreate`).
    pub(super) fn account(&mut self, project: &str, now: DateTime<Utc>) -> &mut Account {
        self.accounts
            .entry(project.to_string())
            .or_insert_with(|| Account {
                created: now,
                headers: BTreeMap::new(),
                containers: BTreeMap::new(),
            })
    }

    /// Removes the objects whose `X-Delete-At` has come.
    pub(crate) fn expire(&mut self, now: DateTime<Utc>) {
        for a in self.accounts.values_mut() {
            for c in a.containers.values_mut() {
                c.objects.retain(|_, o| !o.expired(now));
            }
        }
    }

    pub(super) fn object(&self, project: &str, container: &str, name: &str) -> Option<&Obj> {
        self.accounts
            .get(project)?
            .containers
            .get(container)?
            .objects
            .get(name)
    }

    pub(super) fn object_mut(
        &mut self,
        project: &str,
        container: &str,
        name: &str,
    ) -> Option<&mut Obj> {
        self.accounts
            .get_mut(project)?
            .containers
            .get_mut(container)?
            .objects
            .get_mut(name)
    }

    /// A version of an object (the current one included).
    pub(super) fn version(
        &self,
        project: &str,
        container: &str,
        name: &str,
        version: &str,
    ) -> Option<&Obj> {
        let c = self.accounts.get(project)?.containers.get(container)?;
        c.objects
            .get(name)
            .into_iter()
            .chain(c.history.get(name).into_iter().flatten())
            .find(|o| o.version_id.as_deref() == Some(version))
    }

    /// Stores an object; in a versioned container the current one becomes an older
    /// version. Answers the new version ID there.
    pub(super) fn put_object(
        &mut self,
        project: &str,
        container: &str,
        name: &str,
        mut o: Obj,
        now: DateTime<Utc>,
    ) -> Option<String> {
        self.serial += 1;
        let version = format!("{}.{:05}", now.timestamp(), self.serial % 100_000);
        let c = self.account(project, now).containers.get_mut(container)?;
        c.modified = now;
        if c.versioned() {
            o.version_id = Some(version.clone());
            if let Some(old) = c.objects.remove(name) {
                c.history
                    .entry(name.to_string())
                    .or_default()
                    .insert(0, old);
            }
            c.objects.insert(name.to_string(), o);
            Some(version)
        } else {
            o.version_id = None;
            c.objects.insert(name.to_string(), o);
            None
        }
    }

    /// Deletes an object (kept as an older version in a versioned container).
    pub(super) fn delete_object(
        &mut self,
        project: &str,
        container: &str,
        name: &str,
        now: DateTime<Utc>,
    ) -> Reply {
        let Some(c) = self.account(project, now).containers.get_mut(container) else {
            return not_found();
        };
        match c.objects.remove(name) {
            Some(o) => {
                if c.versioned() {
                    c.history.entry(name.to_string()).or_default().insert(0, o);
                }
                Reply::empty(204)
            }
            None => not_found(),
        }
    }

    /// Deletes one version: the current one leaves the object absent (an older one is
    /// not made current), an older one leaves the list.
    pub(super) fn delete_version(
        &mut self,
        project: &str,
        container: &str,
        name: &str,
        version: &str,
    ) -> Reply {
        let Some(c) = self
            .accounts
            .get_mut(project)
            .and_then(|a| a.containers.get_mut(container))
        else {
            return not_found();
        };
        if c.objects
            .get(name)
            .is_some_and(|o| o.version_id.as_deref() == Some(version))
        {
            c.objects.remove(name);
            return Reply::empty(204);
        }
        if let Some(h) = c.history.get_mut(name)
            && let Some(i) = h
                .iter()
                .position(|o| o.version_id.as_deref() == Some(version))
        {
            h.remove(i);
            if h.is_empty() {
                c.history.remove(name);
            }
            return Reply::empty(204);
        }
        not_found()
    }

    /// The bytes of an object: its own, its segments' (static large object), or those
    /// of the objects under its manifest's prefix (dynamic large object).
    pub(super) fn content(&self, project: &str, o: &Obj, depth: u32) -> Vec<Bytes> {
        if depth > 2 {
            return Vec::new();
        }
        if let Some(segments) = &o.slo {
            let mut out = Vec::new();
            for s in segments {
                let path = s.path.trim_start_matches('/');
                if let Some((c, n)) = path.split_once('/')
                    && let Some(seg) = self.object(project, c, n)
                {
                    out.extend(self.content(project, seg, depth + 1));
                }
            }
            return out;
        }
        if let Some(manifest) = o.user_headers.get("x-object-manifest") {
            return self
                .dlo_parts(project, manifest)
                .into_iter()
                .flat_map(|p| p.data.clone())
                .collect();
        }
        o.data.clone()
    }

    fn dlo_parts(&self, project: &str, manifest: &str) -> Vec<&Obj> {
        let manifest = percent_decode(manifest);
        let Some((c, prefix)) = manifest.split_once('/') else {
            return Vec::new();
        };
        self.accounts
            .get(project)
            .and_then(|a| a.containers.get(c))
            .map(|c| {
                c.objects
                    .iter()
                    .filter(|(n, _)| n.starts_with(prefix))
                    .map(|(_, o)| o)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The ETag of a dynamic large object: the MD5 of its parts' ETags.
    pub(super) fn dlo_etag(&self, project: &str, manifest: &str) -> String {
        let etags: Vec<Bytes> = self
            .dlo_parts(project, manifest)
            .iter()
            .map(|p| Bytes::from(p.etag.clone()))
            .collect();
        md5_hex(&etags)
    }
}

/// A static large object from the manifest of a `?multipart-manifest=put`, checked
/// against its segments.
pub(super) fn slo_from_manifest(os: &ObjectState, req: &Req, project: &str) -> Result<Obj, Reply> {
    let Some(given) = req.json().as_ref().and_then(manifest_segments) else {
        return Err(bad_request("Manifest must be valid JSON.\n"));
    };
    if given.is_empty() {
        return Err(bad_request("Manifest must have at least one segment.\n"));
    }
    let mut errors = Vec::new();
    let mut segments = Vec::new();
    for (path, etag, size) in given {
        let decoded = percent_decode(path.trim_start_matches('/'));
        let found = decoded
            .split_once('/')
            .and_then(|(c, n)| os.object(project, c, n));
        match found {
            None => errors.push(format!("{path}, 404 Not Found")),
            Some(o) => {
                if etag.is_some_and(|e| !e.trim_matches('"').eq_ignore_ascii_case(&o.etag)) {
                    errors.push(format!("{path}, Etag Mismatch"));
                } else if size.is_some_and(|s| s != o.size) {
                    errors.push(format!("{path}, Size Mismatch"));
                } else {
                    segments.push(segment(&format!("/{decoded}"), o));
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(bad_request(&format!("Errors:\n{}\n", errors.join("\n"))));
    }
    let etags: Vec<Bytes> = segments
        .iter()
        .map(|s| Bytes::from(s.etag.clone()))
        .collect();
    let mut o = Obj::new(Vec::new(), Utc::now());
    o.size = segments.iter().map(|s| s.size).sum();
    o.etag = md5_hex(&etags);
    o.user_headers
        .insert("x-static-large-object".into(), "True".into());
    o.slo = Some(segments);
    Ok(o)
}

/// `?multipart-manifest=delete`: the manifest and its segments.
pub(super) fn delete_slo(
    os: &mut ObjectState,
    project: &str,
    container: &str,
    name: &str,
    now: DateTime<Utc>,
) -> Reply {
    let Some(o) = os.object(project, container, name).cloned() else {
        return not_found();
    };
    let Some(segments) = o.slo else {
        return os.delete_object(project, container, name, now);
    };
    let mut deleted = 0;
    let mut missing = 0;
    for s in &segments {
        if let Some((c, n)) = s.path.trim_start_matches('/').split_once('/')
            && os.object(project, c, n).is_some()
        {
            os.delete_object(project, c, n, now);
            deleted += 1;
        } else {
            missing += 1;
        }
    }
    os.delete_object(project, container, name, now);
    bulk_answer("200 OK", deleted + 1, missing, 0, &[])
}

fn bulk_answer(
    status: &str,
    deleted: u64,
    not_found: u64,
    created: u64,
    errors: &[(String, String)],
) -> Reply {
    Reply::ok(json!({
        "Response Status": status, "Response Body": "",
        "Number Deleted": deleted, "Number Not Found": not_found,
        "Number Files Created": created, "Errors": errors,
    }))
}

/// `POST ?bulk-delete`: one `/container[/object]` per line.
pub(super) fn bulk_delete(os: &mut ObjectState, call: Call<'_>) -> Reply {
    let Call { req, project, now } = call;
    let text = String::from_utf8_lossy(&req.body).into_owned();
    let (mut deleted, mut missing) = (0, 0);
    let mut errors = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let path = percent_decode(line.trim_start_matches('/'));
        let (c, n) = match path.split_once('/') {
            Some((c, n)) if !n.is_empty() => (c.to_string(), Some(n.to_string())),
            _ => (path.trim_end_matches('/').to_string(), None),
        };
        let account = os.account(project, now);
        match (account.containers.get_mut(&c), n) {
            (None, _) => missing += 1,
            (Some(container), Some(n)) => match container.objects.remove(&n) {
                Some(_) => deleted += 1,
                None => missing += 1,
            },
            (Some(container), None) if !container.objects.is_empty() => {
                errors.push((format!("/{c}"), "409 Conflict".to_string()));
            }
            (Some(_), None) => {
                account.containers.remove(&c);
                deleted += 1;
            }
        }
    }
    let status = if errors.is_empty() {
        "200 OK"
    } else {
        "400 Bad Request"
    };
    bulk_answer(status, deleted, missing, 0, &errors)
}

/// `PUT ?extract-archive=tar`: the files of an uncompressed tar archive, under the
/// path's prefix.
pub(super) fn extract_archive(
    os: &mut ObjectState,
    call: Call<'_>,
    container: &str,
    prefix: &str,
    format: &str,
) -> Reply {
    let Call { req, project, now } = call;
    if format != "tar" {
        return bulk_answer("400 Bad Request", 0, 0, 0, &[]);
    }
    let body = &req.body;
    let mut at = 0usize;
    let mut files = Vec::new();
    while let Some(header) = body.get(at..at + 512) {
        if header.iter().all(|&b| b == 0) {
            break;
        }
        let field = |r: std::ops::Range<usize>| {
            let raw = header.get(r).unwrap_or_default();
            let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
            String::from_utf8_lossy(&raw[..end]).trim().to_string()
        };
        let mut name = field(0..100);
        let ustar_prefix = field(345..500);
        if !ustar_prefix.is_empty() {
            name = format!("{ustar_prefix}/{name}");
        }
        let Ok(size) = usize::from_str_radix(&field(124..136), 8) else {
            return bulk_answer("400 Bad Request", 0, 0, 0, &[]);
        };
        let kind = header.get(156).copied().unwrap_or(b'0');
        let start = at + 512;
        let Some(end) = start.checked_add(size).filter(|end| *end <= body.len()) else {
            return bulk_answer("400 Bad Request", 0, 0, 0, &[]);
        };
        if kind == b'0' || kind == 0 {
            files.push((name, body.slice(start..end)));
        }
        at = start + size.div_ceil(512) * 512;
    }
    let account = os.account(project, now);
    let c = account
        .containers
        .entry(container.to_string())
        .or_insert_with(|| Container::new(now));
    c.modified = now;
    let created = files.len() as u64;
    for (name, data) in files {
        let full = if prefix.is_empty() {
            name
        } else {
            format!("{}/{name}", prefix.trim_end_matches('/'))
        };
        let mut o = Obj::new(vec![data], now);
        o.content_type = super::guess_type(&full);
        c.objects.insert(full, o);
    }
    bulk_answer("201 Created", 0, 0, created, &[])
}

/// The TempURL keys of an account and a container.
fn temp_url_keys(state: &State, project: &str, container: &str) -> Vec<String> {
    let Some(a) = state.object.accounts.get(project) else {
        return Vec::new();
    };
    let mut keys: Vec<String> = [
        "x-account-meta-temp-url-key",
        "x-account-meta-temp-url-key-2",
    ]
    .iter()
    .filter_map(|k| a.headers.get(*k).cloned())
    .collect();
    if let Some(c) = a.containers.get(container) {
        keys.extend(
            [
                "x-container-meta-temp-url-key",
                "x-container-meta-temp-url-key-2",
            ]
            .iter()
            .filter_map(|k| c.headers.get(*k).cloned()),
        );
    }
    keys
}

/// An HMAC in hex, of the digest the signature's length names (SHA-1, SHA-256,
/// SHA-512).
fn hmac_hex(sig_len: usize, key: &str, text: &str) -> Option<String> {
    use ring::hmac;
    let alg = match sig_len {
        40 => hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY,
        64 => hmac::HMAC_SHA256,
        128 => hmac::HMAC_SHA512,
        _ => return None,
    };
    let k = hmac::Key::new(alg, key.as_bytes());
    Some(
        hmac::sign(&k, text.as_bytes())
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    )
}

fn unauthorized() -> Reply {
    error(
        401,
        "Unauthorized",
        "This server could not verify that you are authorized to access the document you requested.",
    )
}

/// Whether a TempURL request (`temp_url_sig`, `temp_url_expires`, maybe
/// `temp_url_prefix`) is signed for its method and path by one of the keys.
pub(super) fn temp_url_allows(state: &State, call: Call<'_>, rest: &[&str]) -> Result<(), Reply> {
    let Call { req, project, now } = call;
    let [container, object @ ..] = rest else {
        return Err(unauthorized());
    };
    if object.is_empty() {
        return Err(unauthorized());
    }
    let sig = req
        .q("temp_url_sig")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let Some(expires) = req
        .q("temp_url_expires")
        .and_then(|e| e.parse::<i64>().ok())
    else {
        return Err(unauthorized());
    };
    if expires < now.timestamp() {
        return Err(unauthorized());
    }
    let object = object_name(&req.path, project);
    let signed_path = match req.q("temp_url_prefix") {
        Some(prefix) if object.starts_with(prefix) => {
            format!("prefix:/v1/AUTH_{project}/{container}/{prefix}")
        }
        Some(_) => return Err(unauthorized()),
        None => format!("/v1/AUTH_{project}/{container}/{object}"),
    };
    let method = req.method.as_str();
    let methods: &[&str] = match method {
        "HEAD" => &["HEAD", "GET", "PUT", "POST"],
        m => &[m],
    };
    let keys = temp_url_keys(state, project, container);
    let ok = methods.iter().any(|m| {
        let text = format!("{m}\n{expires}\n{signed_path}");
        keys.iter()
            .any(|k| hmac_hex(sig.len(), k, &text).is_some_and(|h| h == sig))
    });
    if ok { Ok(()) } else { Err(unauthorized()) }
}

/// A form POST (`formpost`): files of a `multipart/form-data` body under the path's
/// prefix, signed with a TempURL key.
pub(super) fn form_post(state: &mut State, call: Call<'_>, rest: &[&str]) -> Reply {
    let Call { req, project, now } = call;
    let [container, ..] = rest else {
        return unauthorized();
    };
    let prefix = object_name(&req.path, project);
    let Some(boundary) = req
        .header("content-type")
        .and_then(|t| t.split("boundary=").nth(1))
        .map(|b| b.trim_matches('"').to_string())
    else {
        return bad_request("FormPost: invalid starting boundary");
    };
    let delimiter = format!("--{boundary}");
    let body = String::from_utf8_lossy(&req.body).into_owned();
    let mut fields = BTreeMap::new();
    let mut files = Vec::new();
    for part in body.split(&delimiter).skip(1) {
        if part.starts_with("--") {
            break;
        }
        let part = part.strip_prefix("\r\n").unwrap_or(part);
        let Some((head, content)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let content = content.strip_suffix("\r\n").unwrap_or(content);
        let disposition = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))
            .unwrap_or_default();
        let attr = |name: &str| {
            disposition
                .split(';')
                .map(str::trim)
                .find_map(|p| p.strip_prefix(&format!("{name}=\"")))
                .map(|v| v.trim_end_matches('"').to_string())
        };
        let content_type = head
            .lines()
            .find_map(|l| l.strip_prefix("Content-Type:"))
            .map(|t| t.trim().to_string());
        match (attr("name"), attr("filename")) {
            (_, Some(filename)) => files.push((filename, content_type, content.to_string())),
            (Some(name), None) => {
                fields.insert(name, content.to_string());
            }
            _ => {}
        }
    }
    let field = |k: &str| fields.get(k).cloned().unwrap_or_default();
    let Ok(expires) = field("expires").parse::<i64>() else {
        return unauthorized();
    };
    if expires < now.timestamp() {
        return unauthorized();
    }
    let text = format!(
        "/v1/AUTH_{project}/{container}/{prefix}\n{}\n{}\n{}\n{expires}",
        field("redirect"),
        field("max_file_size"),
        field("max_file_count")
    );
    let sig = field("signature").to_ascii_lowercase();
    let keys = temp_url_keys(state, project, container);
    if !keys
        .iter()
        .any(|k| hmac_hex(sig.len(), k, &text).is_some_and(|h| h == sig))
    {
        return unauthorized();
    }
    let max_size: usize = field("max_file_size").parse().unwrap_or(0);
    let max_count: usize = field("max_file_count").parse().unwrap_or(0);
    if files.len() > max_count || files.iter().any(|f| f.2.len() > max_size) {
        return bad_request("max_file_size exceeded");
    }
    let os = &mut state.object;
    if !os.account(project, now).containers.contains_key(*container) {
        return not_found();
    }
    for (filename, content_type, content) in files {
        let mut o = Obj::new(vec![Bytes::from(content)], now);
        if let Some(t) = content_type {
            o.content_type = t;
        }
        os.put_object(project, container, &format!("{prefix}{filename}"), o, now);
    }
    Reply::bytes(
        201,
        "text/html; charset=UTF-8",
        vec![Bytes::from_static(b"<html><h1>201 Created</h1></html>")],
    )
}
