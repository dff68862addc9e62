//! Swift's bulk middleware: delete many objects (and empty containers) in one request,
//! and create objects from a tar archive. Swift answers these `200` as soon as it starts
//! (then works while the connection stays open): the outcome is in the JSON body, which
//! `BulkResult` reads, and a failed outcome is an error.
//!
//! ```no_run
//! # async fn demo(swift: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::objectstorage::v1::bulk;
//! let done = bulk::delete(&swift, &[("logs", "2026/01.txt"), ("logs", "2026/02.txt")]).await?;
//! println!("{} deleted, {} not found", done.deleted, done.not_found);
//! # Ok(()) }
//! ```

use bytes::Bytes;
use futures::Stream;
use serde::Deserialize;

use crate::request::ApiResult;
use crate::{Error, ErrorKind, Result, ServiceClient};

crate::operations! {
    service: "object-store", undocumented;
    /// Delete objects and containers in bulk (`?bulk-delete`).
    DELETE = POST "/" response(BulkResult);
    /// Create objects from a tar archive (`?extract-archive=…`).
    EXTRACT = PUT "/{container*}" response(BulkResult);
}

/// The outcome of a bulk request.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct BulkResult {
    /// The overall status (`200 OK`, `400 Bad Request`…).
    #[serde(rename = "Response Status")]
    pub status: String,
    /// A message for a failure.
    #[serde(rename = "Response Body", default)]
    pub body: String,
    /// Items deleted (bulk delete).
    #[serde(rename = "Number Deleted", default)]
    pub deleted: u64,
    /// Items that did not exist (bulk delete).
    #[serde(rename = "Number Not Found", default)]
    pub not_found: u64,
    /// Objects created (archive extraction).
    #[serde(rename = "Number Files Created", default)]
    pub created: u64,
    /// The items that failed, each with its status.
    #[serde(rename = "Errors", default)]
    pub errors: Vec<(String, String)>,
}

impl BulkResult {
    /// The result, or an error naming the overall status and the failed items.
    fn checked(self) -> Result<BulkResult> {
        let code: u16 = self
            .status
            .split_whitespace()
            .next()
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        if (200..300).contains(&code) && self.errors.is_empty() {
            return Ok(self);
        }
        let kind = match http::StatusCode::from_u16(code) {
            Ok(s) if !s.is_success() => ErrorKind::from_status(s),
            _ => ErrorKind::UnexpectedStatus,
        };
        let items: Vec<String> = self
            .errors
            .iter()
            .take(5)
            .map(|(name, status)| format!("{name}: {status}"))
            .collect();
        Err(Error::new(
            kind,
            format!(
                "bulk request {}{}{}",
                self.status,
                if self.body.is_empty() { "" } else { ": " },
                self.body
            ) + &if items.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} failed: {}{})",
                    self.errors.len(),
                    items.join(", "),
                    if self.errors.len() > 5 { ", …" } else { "" }
                )
            },
        ))
    }
}

fn extracted(result: ApiResult<BulkResult>) -> Result<BulkResult> {
    result.extract()?.checked()
}

/// The body of a bulk delete: one `/container[/object]` per line, percent-encoded.
fn delete_body(items: &[(&str, &str)]) -> Result<String> {
    let enc = |s: &str| -> String {
        url::form_urlencoded::byte_serialize(s.as_bytes())
            .map(|p| if p == "+" { "%20" } else { p })
            .collect()
    };
    let mut body = String::new();
    for (container, object) in items {
        if container.is_empty() || container.contains('/') {
            return Err(Error::invalid_input(format!(
                "bulk delete: {container:?} is not a container name"
            )));
        }
        body.push('/');
        body.push_str(&enc(container));
        if !object.is_empty() {
            body.push('/');
            body.push_str(&enc(object).replace("%2F", "/"));
        }
        body.push('\n');
    }
    Ok(body)
}

/// Deletes objects (`(container, object)`) and empty containers (`(container, "")`) in
/// one request; Swift takes up to its `bulk_delete.max_deletes_per_request` (10,000 by
/// default) per call. Objects that do not exist count as `not_found`, not as failures.
pub async fn delete(client: &ServiceClient, items: &[(&str, &str)]) -> Result<BulkResult> {
    let body = delete_body(items)?;
    extracted(
        client
            .request(&DELETE, &[])
            .query_pair("bulk-delete", "true")
            .bytes(body, "text/plain")
            .send()
            .await,
    )
}

/// The archive formats Swift extracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveFormat {
    /// `tar`.
    Tar,
    /// `tar.gz`.
    TarGz,
    /// `tar.bz2`.
    TarBz2,
}

impl ArchiveFormat {
    fn as_str(self) -> &'static str {
        match self {
            ArchiveFormat::Tar => "tar",
            ArchiveFormat::TarGz => "tar.gz",
            ArchiveFormat::TarBz2 => "tar.bz2",
        }
    }
}

/// Creates an object for each file of a tar archive streamed to Swift, under `container`
/// (or `container/prefix`).
pub async fn extract_archive<S>(
    client: &ServiceClient,
    container: &str,
    format: ArchiveFormat,
    archive: S,
) -> Result<BulkResult>
where
    S: Stream<Item = std::result::Result<Bytes, std::io::Error>> + Send + 'static,
{
    if container.is_empty() {
        return Err(Error::invalid_input(
            "archive extraction needs a container (or container/prefix)",
        ));
    }
    extracted(
        client
            .request(&EXTRACT, &[container])
            .query_pair("extract-archive", format.as_str())
            .stream(archive, "application/x-tar")
            .send()
            .await,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delete_body_is_one_encoded_path_per_line() {
        let body = delete_body(&[("c", "a b/c?"), ("empty", "")]).unwrap();
        assert_eq!(body, "/c/a%20b/c%3F\n/empty\n");
        assert!(delete_body(&[("a/b", "x")]).is_err());
    }

    #[test]
    fn a_failed_outcome_is_an_error_with_the_items() {
        let r: BulkResult = serde_json::from_str(
            r#"{"Number Not Found": 0, "Response Status": "400 Bad Request",
                "Errors": [["/c/o", "409 Conflict"]], "Number Deleted": 1, "Response Body": ""}"#,
        )
        .unwrap();
        let e = r.checked().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BadRequest);
        assert!(e.to_string().contains("/c/o: 409 Conflict"), "{e}");
        let ok: BulkResult = serde_json::from_str(
            r#"{"Number Files Created": 2, "Response Status": "201 Created", "Errors": [], "Response Body": ""}"#,
        )
        .unwrap();
        assert_eq!(ok.checked().unwrap().created, 2);
    }
}
