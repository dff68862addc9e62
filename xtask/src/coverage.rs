//! Which documented operations the SDK implements: SDK operations matched against the index.
//!
//! An SDK operation implements a documented operation of the same service when the
//! methods are equal (ironic's placeholder method `METHOD` stands for any) and the
//! normalized paths are equal (see [`crate::paths`]). When several documented operations
//! share that method and path (server actions, bulk creates) and the SDK operation's
//! request body has an envelope key, only those whose request samples have that key at
//! their top level (or that have no JSON request sample) are matched; when they differ
//! by query string, an SDK operation whose path has one matches those with one, and one
//! without those without. An SDK operation that matches nothing is an error.

use std::collections::BTreeMap;
use std::fmt::Write;

use ferrocloud::Operation;

use crate::index::Index;
use crate::paths::{index_path, sdk_paths};
use crate::skipped::{SkipEntry, Skips};

/// An SDK operation as `ferrocloud::openstack::all_operations` lists it: the index's
/// service name, the path prefix, and the operation.
pub type SdkOp<'a> = (&'a str, &'a str, &'a Operation);

/// How many missing operations per service the report shows without `--missing`.
pub const MISSING_SHOWN: usize = 3;

/// What one SDK operation matched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpMatch {
    /// The documented operations it implements (indexes into its service's operations).
    pub ops: Vec<usize>,
    /// Why it matches nothing, when it does not.
    pub error: Option<String>,
}

fn method_matches(documented: &str, sdk: &str) -> bool {
    documented == sdk || documented == "METHOD"
}

/// Matches one SDK operation against the index.
pub fn match_operation(index: &Index, (service, prefix, op): SdkOp<'_>) -> OpMatch {
    let fail = |error: String| OpMatch {
        ops: Vec::new(),
        error: Some(error),
    };
    let Some(si) = index.service(service) else {
        return fail(format!("the index has no service {service:?}"));
    };
    let forms = match sdk_paths(prefix, op.path) {
        Ok(forms) => forms,
        Err(e) => return fail(e),
    };
    let method = op.method.as_str();
    let mut ops: Vec<usize> = si
        .operations
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            method_matches(&o.method, method) && forms.contains(&index_path(service, &o.path))
        })
        .map(|(i, _)| i)
        .collect();
    if ops.is_empty() {
        return fail(format!(
            "no documented operation is {method} {}",
            forms.join(" or ")
        ));
    }
    if ops.len() > 1
        && let Some(key) = op.request.and_then(|r| r.envelope)
    {
        let n = ops.len();
        ops.retain(|&i| {
            let o = &si.operations[i];
            o.request_keys.is_empty() || o.has_request_key(key)
        });
        if ops.is_empty() {
            return fail(format!(
                "none of the {n} documented {method} {} operations takes a {key:?} body",
                forms.join(" or ")
            ));
        }
    }
    // Documented operations that share a method and path but differ by query string
    // (block storage's quota usage, `…/os-quota-sets/{project_id}?{usage}=True`): an SDK
    // operation whose path has a query string matches those with one, one without
    // matches those without.
    if ops.len() > 1 {
        let sdk_query = op.path.contains('?');
        let kept: Vec<usize> = ops
            .iter()
            .copied()
            .filter(|&i| si.operations[i].path.contains('?') == sdk_query)
            .collect();
        if !kept.is_empty() && kept.len() < ops.len() {
            ops = kept;
        }
    }
    OpMatch { ops, error: None }
}

/// One service's figures.
#[derive(Debug, Clone, Default)]
pub struct ServiceCoverage {
    /// The index's service name.
    pub service: String,
    /// The number of documented operations.
    pub documented: usize,
    /// The documented operations some SDK operation implements.
    pub implemented: Vec<usize>,
    /// The documented operations skipped on purpose, with the reason.
    pub skipped: Vec<(usize, String)>,
    /// The others.
    pub missing: Vec<usize>,
}

/// The coverage of the index by the SDK.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// One entry per index service, in the index's order.
    pub services: Vec<ServiceCoverage>,
    /// One entry per SDK operation, in the order given.
    pub matches: Vec<OpMatch>,
    /// SDK operations that match nothing, and problems in the skip list.
    pub errors: Vec<String>,
}

fn describe(service: &str, prefix: &str, op: &Operation) -> String {
    format!("{service} {} {prefix}{}", op.method, op.path)
}

impl Coverage {
    /// Matches `ops` against `index`, and applies the skip list.
    pub fn compute(index: &Index, ops: &[SdkOp<'_>], skips: &Skips) -> Coverage {
        let matches: Vec<OpMatch> = ops.iter().map(|&op| match_operation(index, op)).collect();
        let mut errors = Vec::new();
        let mut implemented: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (&(service, prefix, op), m) in ops.iter().zip(&matches) {
            match &m.error {
                Some(e) => errors.push(format!("{}: {e}", describe(service, prefix, op))),
                None => implemented.entry(service).or_default().extend(&m.ops),
            }
        }
        let mut skipped: BTreeMap<&str, Vec<(usize, String)>> = BTreeMap::new();
        for group in &skips.operations {
            let Some(si) = index.service(&group.service) else {
                errors.push(format!(
                    "skipped.toml: the index has no service {:?}",
                    group.service
                ));
                continue;
            };
            for text in &group.operations {
                let entry = match SkipEntry::parse(text) {
                    Ok(entry) => entry,
                    Err(e) => {
                        errors.push(format!("skipped.toml: {e}"));
                        continue;
                    }
                };
                let named: Vec<usize> = (0..si.operations.len())
                    .filter(|&i| entry.matches(&si.service, &si.operations[i]))
                    .collect();
                if named.is_empty() {
                    errors.push(format!(
                        "skipped.toml: {} {text} names no documented operation",
                        si.service
                    ));
                }
                let done = implemented.get(si.service.as_str());
                for i in named {
                    if done.is_some_and(|d| d.contains(&i)) {
                        errors.push(format!(
                            "skipped.toml: {} {text} is implemented; take it off the list",
                            si.service
                        ));
                        continue;
                    }
                    let list = skipped.entry(si.service.as_str()).or_default();
                    if !list.iter().any(|(j, _)| *j == i) {
                        list.push((i, group.reason.clone()));
                    }
                }
            }
        }
        let services = index
            .services
            .iter()
            .map(|si| {
                let mut done = implemented.remove(si.service.as_str()).unwrap_or_default();
                done.sort_unstable();
                done.dedup();
                let mut skip = skipped.remove(si.service.as_str()).unwrap_or_default();
                skip.sort_by_key(|(i, _)| *i);
                let missing = (0..si.operations.len())
                    .filter(|i| done.binary_search(i).is_err() && !skip.iter().any(|(j, _)| j == i))
                    .collect();
                ServiceCoverage {
                    service: si.service.clone(),
                    documented: si.operations.len(),
                    implemented: done,
                    skipped: skip,
                    missing,
                }
            })
            .collect();
        Coverage {
            services,
            matches,
            errors,
        }
    }

    /// The number of documented operations implemented, all services together.
    pub fn implemented(&self) -> usize {
        self.services.iter().map(|s| s.implemented.len()).sum()
    }

    /// The number of documented operations, all services together.
    pub fn documented(&self) -> usize {
        self.services.iter().map(|s| s.documented).sum()
    }

    /// True when every SDK operation matches a documented one and the skip list is sound.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// The last line of the report.
    pub fn summary_line(&self) -> String {
        format!("coverage: {}/{}", self.implemented(), self.documented())
    }

    /// The report: a table per service, the missing operations (the first few of each
    /// service, or all with `all_missing`), the skipped ones, the errors, one
    /// `<service>: <implemented>/<documented>` line per service, and the summary line.
    pub fn render(&self, index: &Index, all_missing: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<20} {:>11} {:>8} {:>8} {:>11}",
            "service", "implemented", "skipped", "missing", "documented"
        );
        for s in &self.services {
            let _ = writeln!(
                out,
                "{:<20} {:>11} {:>8} {:>8} {:>11}",
                s.service,
                s.implemented.len(),
                s.skipped.len(),
                s.missing.len(),
                s.documented
            );
        }
        let (skipped, missing): (usize, usize) = self.services.iter().fold((0, 0), |(a, b), s| {
            (a + s.skipped.len(), b + s.missing.len())
        });
        let _ = writeln!(
            out,
            "{:<20} {:>11} {:>8} {:>8} {:>11}",
            "total",
            self.implemented(),
            skipped,
            missing,
            self.documented()
        );

        let _ = writeln!(out);
        if all_missing {
            let _ = writeln!(out, "missing operations:");
        } else {
            let _ = writeln!(
                out,
                "missing operations (the first {MISSING_SHOWN} of each service; --missing lists all):"
            );
        }
        for s in &self.services {
            let Some(si) = index.service(&s.service) else {
                continue;
            };
            if s.missing.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  {} ({} missing)", s.service, s.missing.len());
            let shown = if all_missing {
                s.missing.len()
            } else {
                MISSING_SHOWN
            };
            for &i in s.missing.iter().take(shown) {
                let o = &si.operations[i];
                let _ = writeln!(out, "    {} {}  ({})", o.method, o.path, o.title);
            }
        }

        let _ = writeln!(out);
        let _ = writeln!(out, "skipped on purpose (conformance/skipped.toml):");
        if self.services.iter().all(|s| s.skipped.is_empty()) {
            let _ = writeln!(out, "  none");
        }
        for s in &self.services {
            let Some(si) = index.service(&s.service) else {
                continue;
            };
            let mut by_reason: Vec<(&str, Vec<usize>)> = Vec::new();
            for (i, reason) in &s.skipped {
                match by_reason.iter_mut().find(|(r, _)| r == reason) {
                    Some((_, list)) => list.push(*i),
                    None => by_reason.push((reason, vec![*i])),
                }
            }
            by_reason.sort();
            for (reason, list) in by_reason {
                let _ = writeln!(out, "  {} ({}): {reason}", s.service, list.len());
                if all_missing {
                    for i in list {
                        let o = &si.operations[i];
                        let note = o
                            .removal()
                            .map(|r| format!(" [index: {r}]"))
                            .unwrap_or_default();
                        let _ = writeln!(out, "    {} {}  ({}){note}", o.method, o.path, o.title);
                    }
                }
            }
        }

        let _ = writeln!(out);
        if self.errors.is_empty() {
            let _ = writeln!(out, "SDK operations that match nothing documented: none");
        } else {
            let _ = writeln!(out, "errors ({}):", self.errors.len());
            for e in &self.errors {
                let _ = writeln!(out, "  {e}");
            }
        }

        let _ = writeln!(out);
        for s in &self.services {
            let _ = writeln!(
                out,
                "{}: {}/{}",
                s.service,
                s.implemented.len(),
                s.documented
            );
        }
        let _ = writeln!(out, "{}", self.summary_line());
        out
    }
}
