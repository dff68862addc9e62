//! Which documented operations ran against the real services: the operations log that
//! the devcloud tests write (`FERROCLOUD_OPERATIONS_LOG`, one line per answer: the
//! status, the URL's path and the SDK operation's name, separated by tabs), matched to
//! the SDK's operations by name and then to the index as [`crate::coverage`] matches them.
//!
//! An operation is proven when the real service answered it with a success status
//! (`1xx`–`3xx`) at least once; one answered only with errors (a test that provokes a
//! refusal) is counted apart.
//!
//! ```
//! use xtask::live::LogLine;
//! let line = LogLine::parse("202\t/v3/p1/volumes/v1/action\tblock-storage POST /volumes/{volume_id}/action os-extend").unwrap();
//! assert_eq!(line.status, 202);
//! assert_eq!(line.operation, "block-storage POST /volumes/{volume_id}/action os-extend");
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::coverage::{Coverage, SdkOp};
use crate::index::Index;

/// One line of the operations log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine<'a> {
    /// The HTTP status of the answer.
    pub status: u16,
    /// The path of the request's URL.
    pub path: &'a str,
    /// The SDK operation's name (`Operation`'s `Display`).
    pub operation: &'a str,
}

impl<'a> LogLine<'a> {
    /// Reads `status<TAB>path<TAB>operation`.
    pub fn parse(line: &'a str) -> Result<LogLine<'a>, String> {
        let mut parts = line.splitn(3, '\t');
        let (Some(status), Some(path), Some(operation)) =
            (parts.next(), parts.next(), parts.next())
        else {
            return Err(format!("not status<TAB>path<TAB>operation: {line:?}"));
        };
        let status = status
            .parse()
            .map_err(|_| format!("not a status: {status:?} in {line:?}"))?;
        Ok(LogLine {
            status,
            path,
            operation,
        })
    }
}

/// The literal start of a path prefix (`/v3` of `/v3[/{project_id}]`).
fn literal(prefix: &str) -> &str {
    let end = prefix.find(['[', '{']).unwrap_or(prefix.len());
    prefix[..end].trim_end_matches('/')
}

/// Whether the URL path `path` has the segments of `literal` (`/v3`) in a row.
fn has_segments(path: &str, literal: &str) -> bool {
    literal.is_empty()
        || path.match_indices(literal).any(|(i, _)| {
            path[i + literal.len()..].is_empty() || path[i + literal.len()..].starts_with('/')
        })
}

/// The SDK operations a log line stands for, among `named` (indexes into `ops` of the
/// operations of the line's name): when the same operation serves several API versions
/// (block storage v2 and v3), those whose version prefix the URL shows (the longest).
pub fn sdk_operations(ops: &[SdkOp<'_>], named: &[usize], line: &LogLine<'_>) -> Vec<usize> {
    if named.len() < 2 {
        return named.to_vec();
    }
    let fitting: Vec<usize> = named
        .iter()
        .copied()
        .filter(|&i| has_segments(line.path, literal(ops[i].1)))
        .collect();
    let longest = fitting
        .iter()
        .map(|&i| literal(ops[i].1).len())
        .max()
        .unwrap_or(0);
    fitting
        .into_iter()
        .filter(|&i| literal(ops[i].1).len() == longest)
        .collect()
}

/// One service's figures.
#[derive(Debug, Clone, Default)]
pub struct ServiceLive {
    /// The index's service name.
    pub service: String,
    /// The number of documented operations the SDK implements.
    pub implemented: usize,
    /// Documented operations answered with success at least once.
    pub proven: BTreeSet<usize>,
    /// Documented operations answered only with errors.
    pub refused: BTreeSet<usize>,
    /// Implemented documented operations that never ran.
    pub not_run: Vec<usize>,
}

/// What ran against the real services.
#[derive(Debug, Clone, Default)]
pub struct Live {
    /// The services the SDK implements something of, in the index's order.
    pub services: Vec<ServiceLive>,
    /// Log lines that name no SDK operation (or cannot be read).
    pub unknown: Vec<String>,
}

impl Live {
    /// Reads `log` and matches it through `coverage` (computed for `ops`).
    pub fn compute(index: &Index, ops: &[SdkOp<'_>], coverage: &Coverage, log: &str) -> Live {
        let mut unknown = Vec::new();
        // (service, documented operation) → any success?
        let mut seen: BTreeMap<(&str, usize), bool> = BTreeMap::new();
        let mut names: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for text in log.lines().filter(|l| !l.trim().is_empty()) {
            let line = match LogLine::parse(text) {
                Ok(line) => line,
                Err(e) => {
                    unknown.push(e);
                    continue;
                }
            };
            let named = names.entry(line.operation).or_insert_with(|| {
                (0..ops.len())
                    .filter(|&i| ops[i].2.to_string() == line.operation)
                    .collect()
            });
            let sdk = sdk_operations(ops, named, &line);
            if sdk.is_empty() {
                unknown.push(format!("no SDK operation is named {:?}", line.operation));
                continue;
            }
            let success = line.status < 400;
            for i in sdk {
                for &d in &coverage.matches[i].ops {
                    let entry = seen.entry((ops[i].0, d)).or_insert(false);
                    *entry |= success;
                }
            }
        }
        let services = coverage
            .services
            .iter()
            .filter(|s| !s.implemented.is_empty() && index.service(&s.service).is_some())
            .map(|s| {
                let mut live = ServiceLive {
                    service: s.service.clone(),
                    implemented: s.implemented.len(),
                    ..ServiceLive::default()
                };
                for &d in &s.implemented {
                    match seen.get(&(s.service.as_str(), d)) {
                        Some(true) => {
                            live.proven.insert(d);
                        }
                        Some(false) => {
                            live.refused.insert(d);
                        }
                        None => live.not_run.push(d),
                    }
                }
                live
            })
            .collect();
        unknown.sort();
        unknown.dedup();
        Live { services, unknown }
    }

    /// The report: per service, how many implemented operations the real service
    /// answered with success, how many only with errors, and (with `list`) the ones
    /// that never ran or were only refused; then the unknown lines and a summary line.
    pub fn render(&self, index: &Index, list: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<20} {:>11} {:>8} {:>8} {:>8}",
            "service", "implemented", "proven", "refused", "not run"
        );
        for s in &self.services {
            let _ = writeln!(
                out,
                "{:<20} {:>11} {:>8} {:>8} {:>8}",
                s.service,
                s.implemented,
                s.proven.len(),
                s.refused.len(),
                s.not_run.len()
            );
        }
        if list {
            for s in &self.services {
                let Some(si) = index.service(&s.service) else {
                    continue;
                };
                for (what, ops) in [
                    (
                        "answered only with errors",
                        s.refused.iter().copied().collect(),
                    ),
                    ("not run", s.not_run.clone()),
                ] {
                    let ops: Vec<usize> = ops;
                    if ops.is_empty() {
                        continue;
                    }
                    let _ = writeln!(out, "\n  {} {what} ({}):", s.service, ops.len());
                    for i in ops {
                        let o = &si.operations[i];
                        let _ = writeln!(out, "    {} {}  ({})", o.method, o.path, o.title);
                    }
                }
            }
        }
        if !self.unknown.is_empty() {
            let _ = writeln!(
                out,
                "\nlog lines that name no SDK operation ({}):",
                self.unknown.len()
            );
            for u in &self.unknown {
                let _ = writeln!(out, "  {u}");
            }
        }
        let _ = writeln!(out);
        let proven: usize = self.services.iter().map(|s| s.proven.len()).sum();
        let implemented: usize = self.services.iter().map(|s| s.implemented).sum();
        let _ = writeln!(
            out,
            "live: {proven}/{implemented} implemented operations answered with success by the real services"
        );
        out
    }
}
