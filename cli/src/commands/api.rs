//! `api`: a raw request to a service, with the token, catalog, microversion and
//! pipeline of every other command.

use std::io::Write;

use clap::Args;
use ferrocloud::http::Method;

use super::{body_arg, print_answer};
use crate::{CliError, CliResult, Context};

/// `api <service> <method> <path>` options.
#[derive(Args, Debug)]
pub struct ApiArgs {
    /// The service, by type or alias (`compute`, `network`, `volume`, `image`…).
    service: String,
    /// The HTTP method (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, COPY).
    method: String,
    /// The path, relative to the service's endpoint (`/servers/detail?limit=2`).
    path: String,
    /// A JSON body: the text, `@FILE`, or `@-` for stdin.
    #[arg(long, short = 'd')]
    data: Option<String>,
    /// A header `NAME: VALUE` (repeat for several).
    #[arg(long = "header", short = 'H')]
    headers: Vec<String>,
    /// The microversion to ask for (else the configured one, else the service's base).
    #[arg(long)]
    microversion: Option<String>,
    /// Print the status and headers of the answer on stderr.
    #[arg(long, short = 'i')]
    include: bool,
}

pub async fn api(ctx: &Context, a: ApiArgs, out: &mut dyn Write) -> CliResult<()> {
    let method = Method::from_bytes(a.method.to_ascii_uppercase().as_bytes())
        .map_err(|_| CliError::usage(format!("{:?} is not an HTTP method", a.method)))?;
    let mut client = ctx.service(&a.service).await?;
    if let Some(v) = &a.microversion {
        client = client.with_microversion(v.clone());
    }
    let mut req = client.raw(method, &a.path)?;
    for h in &a.headers {
        let (name, value) = h
            .split_once(':')
            .ok_or_else(|| CliError::usage(format!("header {h:?} is not NAME: VALUE")))?;
        req = req.header(name.trim(), value.trim());
    }
    if let Some(d) = &a.data {
        req = req.json(&body_arg(d).await?);
    }
    let resp = req.send_raw().await?;
    print_answer(ctx, &resp, a.include, out)
}
