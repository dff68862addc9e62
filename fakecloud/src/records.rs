//! Generic JSON-record collections, shared by the services that keep their resources as
//! JSON objects (Neutron, Cinder): filters on any attribute, sorting, paging with `next`
//! links, `fields=`, tag filters, enveloped single and bulk bodies.

use std::cmp::Ordering;

use serde_json::{Map, Value, json};

/// One JSON record.
pub(crate) type Record = Map<String, Value>;

/// Records of one kind in creation order, each with a string `id`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Records(pub(crate) Vec<Record>);

impl Records {
    pub(crate) fn get(&self, id: &str) -> Option<&Record> {
        self.0.iter().find(|r| str_of(r, "id") == Some(id))
    }

    pub(crate) fn get_mut(&mut self, id: &str) -> Option<&mut Record> {
        self.0.iter_mut().find(|r| str_of(r, "id") == Some(id))
    }

    pub(crate) fn remove(&mut self, id: &str) -> Option<Record> {
        let i = self.0.iter().position(|r| str_of(r, "id") == Some(id))?;
        Some(self.0.remove(i))
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Record> {
        self.0.iter()
    }
}

/// Collections of records by name: what a service keeps (Neutron's, Cinder's).
pub(crate) trait Collections {
    /// The collections.
    fn colls(&self) -> &std::collections::BTreeMap<&'static str, Records>;
    /// The collections, to change.
    fn colls_mut(&mut self) -> &mut std::collections::BTreeMap<&'static str, Records>;

    fn coll(&self, c: &str) -> impl Iterator<Item = &Record> {
        self.colls().get(c).into_iter().flat_map(Records::iter)
    }

    fn get(&self, c: &str, id: &str) -> Option<&Record> {
        self.colls().get(c).and_then(|x| x.get(id))
    }

    fn get_mut(&mut self, c: &str, id: &str) -> Option<&mut Record> {
        self.colls_mut().get_mut(c).and_then(|x| x.get_mut(id))
    }

    fn insert(&mut self, c: &'static str, r: Record) {
        self.colls_mut().entry(c).or_default().0.push(r);
    }

    fn remove(&mut self, c: &str, id: &str) -> Option<Record> {
        self.colls_mut().get_mut(c).and_then(|x| x.remove(id))
    }
}

/// The named attributes of a record (`null` for those it lacks).
pub(crate) fn pick(r: &Record, keys: &[&str]) -> Record {
    keys.iter()
        .map(|k| ((*k).to_string(), r.get(*k).cloned().unwrap_or(Value::Null)))
        .collect()
}

/// A project's limit: its override, else the default (`-1`, unlimited, for an unknown
/// resource).
pub(crate) fn quota_limit(
    overrides: &std::collections::BTreeMap<String, std::collections::BTreeMap<String, i64>>,
    defaults: &[(&str, i64)],
    project: &str,
    key: &str,
) -> i64 {
    overrides
        .get(project)
        .and_then(|q| q.get(key))
        .copied()
        .or_else(|| defaults.iter().find(|(k, _)| *k == key).map(|(_, v)| *v))
        .unwrap_or(-1)
}

/// A request one service makes of another's API on its caller's behalf (Nova's
/// proxies): no headers, no query, a JSON body.
pub(crate) fn internal_request(
    method: http::Method,
    path: &[&str],
    body: Option<Value>,
) -> crate::http_util::Req {
    crate::http_util::Req {
        method,
        segs: path.iter().map(|s| s.to_string()).collect(),
        path: format!("/{}", path.join("/")),
        query: Vec::new(),
        headers: Default::default(),
        body: body.map(|b| b.to_string().into()).unwrap_or_default(),
        request_id: String::new(),
    }
}

/// A reply's status and body (an error's message as `{"message": …}`).
pub(crate) fn outcome(r: Result<crate::http_util::Reply, Fault>) -> (u16, Value) {
    match r {
        Ok(r) => (r.status, r.body.unwrap_or(Value::Null)),
        Err(f) => (f.status, json!({ "message": f.message })),
    }
}

/// A string attribute of a record.
pub(crate) fn str_of<'a>(r: &'a Record, key: &str) -> Option<&'a str> {
    r.get(key).and_then(Value::as_str)
}

/// An error of a request, rendered by each service in its own error body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fault {
    pub(crate) status: u16,
    /// The error type (Neutron's `type`, e.g. `NetworkNotFound`).
    pub(crate) kind: String,
    pub(crate) message: String,
}

impl Fault {
    pub(crate) fn new(status: u16, kind: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            kind: kind.into(),
            message: message.into(),
        }
    }

    pub(crate) fn conflict(kind: &str, message: impl Into<String>) -> Self {
        Self::new(409, kind, message)
    }

    pub(crate) fn bad(message: impl Into<String>) -> Self {
        Self::new(400, "BadRequest", message)
    }
}

/// How a listing is read from the query.
pub(crate) struct ListSpec<'a> {
    /// The plural of the resource, for the `<plural>_links`.
    pub(crate) plural: &'a str,
    /// The URL of the collection, for the links.
    pub(crate) url: String,
    /// Query keys the caller handles itself (not attribute filters).
    pub(crate) skip: &'a [&'a str],
}

const CONTROLS: &[&str] = &[
    "limit",
    "marker",
    "page_reverse",
    "sort_key",
    "sort_dir",
    "sort",
    "fields",
    "tags",
    "tags-any",
    "not-tags",
    "not-tags-any",
    "offset",
    "with_count",
];

/// Whether a JSON value equals a query string: strings as they are, booleans in any case,
/// numbers by their text, lists when one element does, null as `""` or `null`.
pub(crate) fn value_matches(v: &Value, s: &str) -> bool {
    match v {
        Value::String(x) => x == s,
        Value::Bool(b) => s.eq_ignore_ascii_case(if *b { "true" } else { "false" }),
        Value::Number(n) => n.to_string() == s,
        Value::Null => s.is_empty() || s == "null" || s == "None",
        Value::Array(items) => items.iter().any(|i| value_matches(i, s)),
        Value::Object(_) => false,
    }
}

fn compare(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    match (a, b) {
        (Some(Value::Number(x)), Some(Value::Number(y))) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(Ordering::Equal),
        (Some(Value::String(x)), Some(Value::String(y))) => x.cmp(y),
        (Some(Value::Bool(x)), Some(Value::Bool(y))) => x.cmp(y),
        (None | Some(Value::Null), None | Some(Value::Null)) => Ordering::Equal,
        (None | Some(Value::Null), _) => Ordering::Less,
        (_, None | Some(Value::Null)) => Ordering::Greater,
        (Some(x), Some(y)) => x.to_string().cmp(&y.to_string()),
    }
}

fn comma_list(query: &[(String, String)], key: &str) -> Option<Vec<String>> {
    let values: Vec<String> = query
        .iter()
        .filter(|(k, _)| k == key)
        .flat_map(|(_, v)| v.split(',').map(str::to_string).collect::<Vec<_>>())
        .filter(|v| !v.is_empty())
        .collect();
    (!values.is_empty()).then_some(values)
}

fn tags_match(r: &Record, query: &[(String, String)]) -> bool {
    let tags: Vec<&str> = r
        .get("tags")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let has = |t: &String| tags.contains(&t.as_str());
    if let Some(all) = comma_list(query, "tags")
        && !all.iter().all(has)
    {
        return false;
    }
    if let Some(any) = comma_list(query, "tags-any")
        && !any.iter().any(has)
    {
        return false;
    }
    if let Some(all) = comma_list(query, "not-tags")
        && all.iter().all(has)
    {
        return false;
    }
    if let Some(any) = comma_list(query, "not-tags-any")
        && any.iter().any(has)
    {
        return false;
    }
    true
}

/// Whether a record passes the attribute filters of the query (several values of one key
/// match any of them; a key the record lacks filters nothing) and the tag filters.
pub(crate) fn filter_matches(r: &Record, query: &[(String, String)], skip: &[&str]) -> bool {
    let mut keys: Vec<&str> = query
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| !CONTROLS.contains(k) && !skip.contains(k))
        .collect();
    keys.dedup();
    keys.iter().all(|k| match r.get(*k) {
        None => true,
        Some(v) => query
            .iter()
            .filter(|(qk, _)| qk == k)
            .any(|(_, qv)| value_matches(v, qv)),
    }) && tags_match(r, query)
}

/// Sort keys and directions from `sort_key`/`sort_dir` or Cinder's `sort=k:dir,k2`.
fn sort_keys(query: &[(String, String)]) -> Result<Vec<(String, bool)>, Fault> {
    let mut keys: Vec<(String, bool)> = Vec::new();
    let dirs: Vec<&str> = query
        .iter()
        .filter(|(k, _)| k == "sort_dir")
        .map(|(_, v)| v.as_str())
        .collect();
    let parse_dir = |d: &str| match d {
        "asc" => Ok(false),
        "desc" => Ok(true),
        other => Err(Fault::bad(format!(
            "Unknown sort direction '{other}', must be 'desc' or 'asc'"
        ))),
    };
    for (i, (_, key)) in query.iter().filter(|(k, _)| k == "sort_key").enumerate() {
        let desc = match dirs.get(i).or(dirs.first()) {
            Some(d) => parse_dir(d)?,
            None => false,
        };
        keys.push((key.clone(), desc));
    }
    for (_, sort) in query.iter().filter(|(k, _)| k == "sort") {
        for part in sort.split(',').filter(|p| !p.is_empty()) {
            let (key, dir) = part.split_once(':').unwrap_or((part, "desc"));
            keys.push((key.to_string(), parse_dir(dir)?));
        }
    }
    Ok(keys)
}

/// Sorts records by the query's keys (creation order otherwise).
pub(crate) fn sort(records: &mut [Record], query: &[(String, String)]) -> Result<(), Fault> {
    let keys = sort_keys(query)?;
    records.sort_by(|a, b| {
        for (key, desc) in &keys {
            let o = compare(a.get(key), b.get(key));
            let o = if *desc { o.reverse() } else { o };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    });
    Ok(())
}

/// Keeps the `fields=` of the query (all of them without one).
pub(crate) fn project_fields(r: Record, query: &[(String, String)]) -> Record {
    let fields: Vec<&str> = query
        .iter()
        .filter(|(k, _)| k == "fields")
        .flat_map(|(_, v)| v.split(','))
        .collect();
    if fields.is_empty() {
        return r;
    }
    r.into_iter()
        .filter(|(k, _)| fields.contains(&k.as_str()))
        .collect()
}

/// A listing: filtered, sorted, one page from `marker` of `limit` records, with the
/// fields asked for; answers `{plural: [...], plural_links: [...]}` (the links only when a
/// page was asked for and more follow).
pub(crate) fn list_page(
    records: Vec<Record>,
    query: &[(String, String)],
    spec: &ListSpec<'_>,
) -> Result<Value, Fault> {
    let mut rows: Vec<Record> = records
        .into_iter()
        .filter(|r| filter_matches(r, query, spec.skip))
        .collect();
    sort(&mut rows, query)?;
    let get = |k: &str| {
        query
            .iter()
            .find(|(qk, _)| qk == k)
            .map(|(_, v)| v.as_str())
    };
    if let Some(marker) = get("marker") {
        let Some(i) = rows.iter().position(|r| str_of(r, "id") == Some(marker)) else {
            return Err(Fault::new(
                404,
                "MarkerNotFound",
                format!("Marker {marker} could not be found."),
            ));
        };
        rows.drain(..=i);
    }
    let limit = match get("limit") {
        Some(l) => match l.parse::<usize>() {
            Ok(0) => None,
            Ok(n) => Some(n),
            Err(_) => {
                return Err(Fault::bad(format!(
                    "Invalid input for limit: '{l}' is not an integer"
                )));
            }
        },
        None => None,
    };
    let mut links = Vec::new();
    if let Some(n) = limit
        && rows.len() > n
    {
        rows.truncate(n);
        if let Some(last) = rows.last().and_then(|r| str_of(r, "id")) {
            let mut ser = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in query.iter().filter(|(k, _)| k != "marker") {
                ser.append_pair(k, v);
            }
            ser.append_pair("marker", last);
            links.push(json!({"rel": "next", "href": format!("{}?{}", spec.url, ser.finish())}));
        }
    }
    let rows: Vec<Value> = rows
        .into_iter()
        .map(|r| Value::Object(project_fields(r, query)))
        .collect();
    let mut out = Map::new();
    out.insert(spec.plural.to_string(), Value::Array(rows));
    if !links.is_empty() {
        out.insert(format!("{}_links", spec.plural), Value::Array(links));
    }
    Ok(Value::Object(out))
}

/// The bodies of a create: `{singular: {...}}` (one) or `{plural: [{...}, ...]}` (bulk).
/// Answers the objects and whether it was a bulk request.
pub(crate) fn create_bodies(
    body: Option<Value>,
    singular: &str,
    plural: &str,
) -> Result<(Vec<Record>, bool), Fault> {
    let Some(Value::Object(mut body)) = body else {
        return Err(Fault::bad("Body contains invalid data"));
    };
    if let Some(Value::Object(one)) = body.remove(singular) {
        return Ok((vec![one], false));
    }
    if let Some(Value::Array(many)) = body.remove(plural) {
        let mut out = Vec::new();
        for item in many {
            match item {
                Value::Object(o) => out.push(o),
                _ => return Err(Fault::bad("Body contains invalid data")),
            }
        }
        return Ok((out, true));
    }
    Err(Fault::bad(format!(
        "Resource body required: expected '{singular}'"
    )))
}

/// The object of an update body `{singular: {...}}`.
pub(crate) fn update_body(body: Option<Value>, singular: &str) -> Result<Record, Fault> {
    match body {
        Some(Value::Object(mut b)) => match b.remove(singular) {
            Some(Value::Object(o)) => Ok(o),
            _ => Err(Fault::bad(format!(
                "Resource body required: expected '{singular}'"
            ))),
        },
        _ => Err(Fault::bad("Body contains invalid data")),
    }
}

/// Fills the attributes a record lacks from defaults.
pub(crate) fn with_defaults(mut r: Record, defaults: Value) -> Record {
    if let Value::Object(d) = defaults {
        for (k, v) in d {
            r.entry(k).or_insert(v);
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(v: Value) -> Record {
        match v {
            Value::Object(o) => o,
            _ => Record::new(),
        }
    }

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn filters_sort_and_pages() {
        let rows: Vec<Record> = (0..5)
            .map(|i| {
                rec(json!({"id": format!("id{i}"), "n": i, "shared": i % 2 == 0, "tags": ["a"]}))
            })
            .collect();
        let spec = ListSpec {
            plural: "things",
            url: "http://x/things".into(),
            skip: &[],
        };
        let page = list_page(
            rows.clone(),
            &q(&[("sort_key", "n"), ("sort_dir", "desc"), ("limit", "2")]),
            &spec,
        )
        .unwrap_or_default();
        assert_eq!(page["things"][0]["id"], "id4");
        assert!(
            page["things_links"][0]["href"]
                .as_str()
                .is_some_and(|h| h.contains("marker=id3"))
        );
        let shared = list_page(rows.clone(), &q(&[("shared", "True")]), &spec).unwrap_or_default();
        assert_eq!(shared["things"].as_array().map(Vec::len), Some(3));
        let none = list_page(rows.clone(), &q(&[("not-tags", "a")]), &spec).unwrap_or_default();
        assert_eq!(none["things"].as_array().map(Vec::len), Some(0));
        let fields = list_page(rows, &q(&[("fields", "id")]), &spec).unwrap_or_default();
        assert_eq!(fields["things"][0], json!({"id": "id0"}));
    }
}
