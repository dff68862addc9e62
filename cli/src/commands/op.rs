//! `operation list|call`: every operation the SDK declares, reachable by name, with its
//! path parameters, query and JSON body.
//!
//! An operation's name is where the SDK declares it, without the crate's prefix, with
//! dots: `compute.v2.servers.get` for `ferrocloud::openstack::compute::v2::servers::GET`.
//! Operations declared by hand have their description as name
//! (`network GET /`).

use std::io::Write;

use clap::{Args, Subcommand};
use ferrocloud::Operation;
use serde_json::{Value, json};

use super::{Col, body_arg, listing, pairs, print_answer};
use crate::{CliError, CliResult, Context, ExitKind};

/// `operation …`
#[derive(Subcommand, Debug)]
pub enum OperationCmd {
    /// The operations, with their method, path and first microversion.
    List {
        /// Only names containing this text.
        filter: Option<String>,
        /// Only this service type.
        #[arg(long)]
        service: Option<String>,
    },
    /// Call one operation.
    Call(CallArgs),
}

/// `operation call` options.
#[derive(Args, Debug)]
pub struct CallArgs {
    /// The operation's name (`operation list`).
    name: String,
    /// The path parameters, `NAME=VALUE` or the values in the path's order.
    params: Vec<String>,
    /// A query parameter `KEY=VALUE` (repeat for several).
    #[arg(long = "query")]
    query: Vec<String>,
    /// A JSON body: the text, `@FILE`, or `@-` for stdin.
    #[arg(long, short = 'd')]
    data: Option<String>,
    /// The microversion to ask for (else the configured one, else the operation's first).
    #[arg(long)]
    microversion: Option<String>,
    /// Print the status and headers of the answer on stderr.
    #[arg(long, short = 'i')]
    include: bool,
    /// Print the method and path that would be sent, and send nothing.
    #[arg(long)]
    dry_run: bool,
}

/// The command-line name of an operation.
///
/// ```ignore
/// assert_eq!(name(servers::GET.operation()), "compute.v2.servers.get");
/// ```
pub(crate) fn name(op: &Operation) -> String {
    match op.name.strip_prefix("ferrocloud::openstack::") {
        Some(path) => {
            let mut parts: Vec<String> = path.split("::").map(str::to_string).collect();
            if let Some(last) = parts.last_mut() {
                *last = last.to_ascii_lowercase().replace('_', "-");
            }
            parts.join(".")
        }
        None => op.to_string(),
    }
}

/// Every operation, by command-line name, without repeats (an operation listed by two
/// versions of a service once).
pub(crate) fn catalogue() -> &'static [(String, &'static Operation)] {
    static ALL: std::sync::OnceLock<Vec<(String, &'static Operation)>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<(String, &'static Operation)> = ferrocloud::openstack::all_operations()
            .into_iter()
            .map(|(_, _, op)| (name(op), op))
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all.dedup_by(|a, b| a.0 == b.0);
        all
    })
}

/// The placeholders of a path template, in order (`{object*}` as `object`).
fn placeholders(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n.trim_end_matches('*')))
        .collect()
}

/// What `call` will send: the operation and its path parameters, in order.
#[derive(Debug)]
pub(crate) struct Plan {
    pub op: &'static Operation,
    pub values: Vec<String>,
}

/// Resolves a name and its parameters. Parameters are `NAME=VALUE` for the path's
/// placeholders, or bare values in the path's order; a missing or unknown one is a
/// usage error that names the expected ones.
pub(crate) fn plan(name: &str, params: &[String]) -> CliResult<Plan> {
    let all = catalogue();
    let op = match all.iter().find(|(n, _)| n == name) {
        Some((_, op)) => *op,
        None => {
            let close: Vec<&str> = all
                .iter()
                .map(|(n, _)| n.as_str())
                .filter(|n| n.contains(name) || name.contains(*n))
                .take(5)
                .collect();
            let hint = if close.is_empty() {
                "see `ferrocloud operation list`".to_string()
            } else {
                format!("did you mean {}?", close.join(", "))
            };
            return Err(CliError::new(
                ExitKind::Usage,
                format!("no operation {name:?}: {hint}"),
            ));
        }
    };
    let names = placeholders(op.path);
    let mut values: Vec<Option<String>> = vec![None; names.len()];
    let mut next = 0;
    for p in params {
        match p.split_once('=').filter(|(k, _)| names.contains(k)) {
            Some((k, v)) => {
                let i = names.iter().position(|n| n == &k).unwrap_or_default();
                values[i] = Some(v.to_string());
            }
            None => {
                while next < values.len() && values[next].is_some() {
                    next += 1;
                }
                if next >= values.len() {
                    return Err(CliError::usage(format!(
                        "{name} takes {} path parameter(s) ({}); {p:?} is one too many",
                        names.len(),
                        names.join(", ")
                    )));
                }
                values[next] = Some(p.clone());
            }
        }
    }
    let missing: Vec<&str> = names
        .iter()
        .zip(&values)
        .filter(|(_, v)| v.is_none())
        .map(|(n, _)| *n)
        .collect();
    if !missing.is_empty() {
        return Err(CliError::usage(format!(
            "{name} ({} {}) needs {}",
            op.method,
            op.path,
            missing.join(", ")
        )));
    }
    Ok(Plan {
        op,
        values: values.into_iter().flatten().collect(),
    })
}

pub async fn operation(ctx: &Context, cmd: OperationCmd, out: &mut dyn Write) -> CliResult<()> {
    match cmd {
        OperationCmd::List { filter, service } => {
            let items: Vec<Value> = catalogue()
                .iter()
                .filter(|(n, op)| {
                    filter.as_deref().is_none_or(|f| n.contains(f))
                        && service.as_deref().is_none_or(|s| op.service == s)
                })
                .map(|(n, op)| {
                    json!({
                        "name": n,
                        "method": op.method.as_str(),
                        "path": op.path,
                        "microversion": op.min_microversion,
                    })
                })
                .collect();
            let cols = [
                Col::Key("Name", "name"),
                Col::Key("Method", "method"),
                Col::Key("Path", "path"),
                Col::Key("Since", "microversion"),
            ];
            ctx.print_listing(out, &listing(&items, &cols))
        }
        OperationCmd::Call(a) => call(ctx, a, out).await,
    }
}

async fn call(ctx: &Context, a: CallArgs, out: &mut dyn Write) -> CliResult<()> {
    let plan = plan(&a.name, &a.params)?;
    let rendered = plan
        .op
        .render(&plan.values.iter().map(String::as_str).collect::<Vec<_>>())?;
    let query = pairs(&a.query, "--query")?;
    let body = match &a.data {
        Some(d) => Some(body_arg(d).await?),
        None => None,
    };
    if a.dry_run {
        let mut line = format!("{} {} {rendered}", plan.op.service, plan.op.method);
        for (i, (k, v)) in query.iter().enumerate() {
            line.push(if i == 0 { '?' } else { '&' });
            line.push_str(&format!("{k}={v}"));
        }
        writeln!(out, "{line}")?;
        return Ok(());
    }
    let mut client = ctx.service(plan.op.service).await?;
    match (&a.microversion, plan.op.min_microversion) {
        (Some(v), _) => client = client.with_microversion(v.clone()),
        (None, Some(min)) if client.microversion().is_none() => {
            client = client.with_microversion(min)
        }
        _ => {}
    }
    let values: Vec<&str> = plan.values.iter().map(String::as_str).collect();
    let mut req = client.request(plan.op, &values);
    for (k, v) in query {
        req = req.query_pair(k, v);
    }
    if let Some(b) = &body {
        req = req.json(b);
    }
    let resp = req.send_raw().await?;
    print_answer(ctx, &resp, a.include, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_declared_operation_is_reachable_by_name_with_its_parameters() {
        let all = ferrocloud::openstack::all_operations();
        assert!(all.len() > 2000, "{} operations", all.len());
        for (_, _, op) in all {
            let n = name(op);
            let params: Vec<String> = placeholders(op.path)
                .iter()
                .enumerate()
                .map(|(i, _)| format!("p{i}"))
                .collect();
            let p = plan(&n, &params).unwrap_or_else(|e| panic!("{n}: {e}"));
            let values: Vec<&str> = p.values.iter().map(String::as_str).collect();
            // The name leads to an operation with the same method and path (an
            // operation shared by two versions of a service resolves to one of them).
            assert_eq!((&p.op.method, p.op.path), (&op.method, op.path), "{n}");
            assert_eq!(
                p.op.render(&values).unwrap(),
                op.render(&values).unwrap(),
                "{n}"
            );
        }
    }

    #[test]
    fn names_come_from_where_the_operation_is_declared() {
        use ferrocloud::openstack::compute::v2::servers;
        assert_eq!(name(servers::GET.operation()), "compute.v2.servers.get");
        assert_eq!(
            name(servers::LIST_DETAIL.operation()),
            "compute.v2.servers.list-detail"
        );
    }

    #[test]
    fn parameters_by_name_or_in_order_and_clear_errors() {
        let p = plan(
            "compute.v2.server_metadata.get-item",
            &["key=k1".into(), "s1".into()],
        )
        .unwrap();
        assert_eq!(p.values, ["s1", "k1"]);
        let e = plan("compute.v2.servers.get", &[]).unwrap_err();
        assert!(e.to_string().contains("needs server_id"), "{e}");
        let e = plan("compute.v2.servers.get", &["a".into(), "b".into()]).unwrap_err();
        assert!(e.to_string().contains("one too many"), "{e}");
        let e = plan("servers.get", &[]).unwrap_err();
        assert!(e.to_string().contains("compute.v2.servers.get"), "{e}");
        assert_eq!(e.kind(), ExitKind::Usage);
    }
}
