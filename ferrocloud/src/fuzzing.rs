//! Entry points for the fuzz targets (`cargo xtask fuzz`): each takes arbitrary input and
//! must return without panicking. Not a stable API.

/// Parses a service error body.
pub fn error_body(data: &[u8]) {
    let _ = crate::error::service_message(data);
}

/// Parses a date in every accepted format.
pub fn date(data: &[u8]) {
    let _ = crate::dates::parse(&String::from_utf8_lossy(data));
}

/// Reads a page in every pagination style (items, next links, markers).
pub fn page(data: &[u8]) {
    crate::pagination::fuzz_scan(data);
}

/// Reads a clouds.yaml document and resolves every cloud in it.
pub fn clouds_yaml(data: &[u8]) {
    crate::config::fuzz_clouds_yaml(&String::from_utf8_lossy(data));
}

/// Reads an identity version document and a service version document.
pub fn version_document(data: &[u8]) {
    let base = url::Url::parse("http://127.0.0.1:5000/v3/").expect("a constant URL");
    let _ = crate::microversion::parse_version_document(data, &base);
    let _ = crate::Catalog::from_v3_json(&serde_json::from_slice(data).unwrap_or_default());
}

/// Walks listings whose pages (and next links, and markers) come from the input,
/// asserting that every request stays on the endpoint's origin and that no page is
/// requested twice.
pub fn page_links(data: &[u8]) {
    crate::pagination::fuzz_walk(data);
}
