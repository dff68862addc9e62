//! Identity commands: `token issue`, `catalog list|show`, `endpoint list`, `project`,
//! `user`.

use std::io::Write;

use clap::Subcommand;
use ferrocloud::ExposeSecret;
use ferrocloud::openstack::identity::v3::{endpoints, projects, services, users};
use serde_json::{Value, json};

use super::{Col, all_json, listing, record};
use crate::output::Record;
use crate::{CliError, CliResult, Context, ExitKind};

/// `token …`
#[derive(Subcommand, Debug)]
pub enum TokenCmd {
    /// Authenticate and print the token with its expiry and scope.
    Issue,
}

/// `catalog …`
#[derive(Subcommand, Debug)]
pub enum CatalogCmd {
    /// The services of the token's catalog and their endpoints.
    List,
    /// One service of the catalog, by type or name.
    Show {
        /// Service type or name.
        service: String,
    },
}

/// `endpoint …`
#[derive(Subcommand, Debug)]
pub enum EndpointCmd {
    /// Endpoints (admin).
    List {
        /// Only this service (type, name or ID).
        #[arg(long)]
        service: Option<String>,
        /// Only this interface (public, internal, admin).
        #[arg(long)]
        interface: Option<String>,
        /// Only this region.
        #[arg(long)]
        region: Option<String>,
    },
}

/// `project …`
#[derive(Subcommand, Debug)]
pub enum ProjectCmd {
    /// Projects.
    List {
        /// Only projects of this domain (ID).
        #[arg(long)]
        domain: Option<String>,
        /// More columns.
        #[arg(long)]
        long: bool,
    },
    /// One project, by name or ID.
    Show {
        /// Name or ID.
        project: String,
    },
}

/// `user …`
#[derive(Subcommand, Debug)]
pub enum UserCmd {
    /// Users.
    List {
        /// Only users of this domain (ID).
        #[arg(long)]
        domain: Option<String>,
        /// More columns.
        #[arg(long)]
        long: bool,
    },
    /// One user, by name or ID.
    Show {
        /// Name or ID.
        user: String,
    },
}

pub async fn token(ctx: &Context, cmd: TokenCmd, out: &mut dyn Write) -> CliResult<()> {
    let TokenCmd::Issue = cmd;
    let cloud = ctx.cloud().await?;
    cloud.authenticate().await?;
    let provider = cloud.provider();
    let token = provider
        .token()
        .ok_or_else(|| CliError::new(ExitKind::Auth, "the cloud gave no token"))?;
    let info = provider.auth_info().unwrap_or_default();
    let mut fields = vec![
        (
            "expires".to_string(),
            info.expires_at
                .map(|t| json!(t.to_rfc3339()))
                .unwrap_or(Value::Null),
        ),
        ("id".to_string(), json!(token.expose_secret())),
    ];
    if let Some(p) = &info.project {
        fields.push(("project_id".into(), json!(p.id)));
    }
    if let Some(d) = &info.domain {
        fields.push(("domain_id".into(), json!(d.id)));
    }
    if info.system {
        fields.push(("system".into(), json!("all")));
    }
    if let Some(u) = &info.user {
        fields.push(("user_id".into(), json!(u.id)));
    }
    ctx.print_record(out, &Record { fields })
}

fn catalog_items(ctx_catalog: &ferrocloud::auth::catalog::Catalog) -> Vec<Value> {
    ctx_catalog
        .entries
        .iter()
        .map(|e| {
            json!({
                "id": e.id,
                "name": e.name,
                "type": e.service_type,
                "endpoints": e.endpoints.iter().map(|ep| json!({
                    "id": ep.id,
                    "interface": ep.interface.as_str(),
                    "region": ep.region,
                    "url": ep.url,
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn endpoints_text(item: &Value) -> Value {
    let lines: Vec<String> = item["endpoints"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|ep| {
            format!(
                "{}\n  {}: {}",
                ep["region"].as_str().unwrap_or(""),
                ep["interface"].as_str().unwrap_or(""),
                ep["url"].as_str().unwrap_or("")
            )
        })
        .collect();
    Value::String(lines.join("\n"))
}

pub async fn catalog(ctx: &Context, cmd: CatalogCmd, out: &mut dyn Write) -> CliResult<()> {
    let cloud = ctx.cloud().await?;
    cloud.authenticate().await?;
    let items = catalog_items(&cloud.provider().catalog());
    match cmd {
        CatalogCmd::List => {
            let cols = [
                Col::Key("Name", "name"),
                Col::Key("Type", "type"),
                Col::With("Endpoints", endpoints_text),
            ];
            ctx.print_listing(out, &listing(&items, &cols))
        }
        CatalogCmd::Show { service } => {
            let found = items
                .iter()
                .find(|i| i["type"] == service.as_str() || i["name"] == service.as_str())
                .ok_or_else(|| {
                    CliError::new(
                        ExitKind::NotFound,
                        format!("no service {service:?} in the catalog"),
                    )
                })?;
            let mut shown = found.clone();
            shown["endpoints"] = endpoints_text(found);
            ctx.print_record(out, &record(&shown))
        }
    }
}

pub async fn endpoint(ctx: &Context, cmd: EndpointCmd, out: &mut dyn Write) -> CliResult<()> {
    let EndpointCmd::List {
        service,
        interface,
        region,
    } = cmd;
    let identity = ctx.service("identity").await?;
    let svcs = all_json(services::list(&identity, &Default::default())).await?;
    let service_id = match &service {
        None => None,
        Some(s) => Some(
            svcs.iter()
                .find(|v| {
                    v["id"] == s.as_str() || v["type"] == s.as_str() || v["name"] == s.as_str()
                })
                .and_then(|v| v["id"].as_str())
                .map(str::to_string)
                .ok_or_else(|| CliError::new(ExitKind::NotFound, format!("no service {s:?}")))?,
        ),
    };
    let interface = match interface {
        None => None,
        Some(i) => Some(
            serde_json::from_value(json!(i.to_ascii_lowercase())).map_err(|_| {
                CliError::usage(format!("--interface {i:?}: public, internal or admin"))
            })?,
        ),
    };
    let opts = endpoints::ListOpts {
        service_id,
        interface,
        region_id: region,
    };
    let mut items = all_json(endpoints::list(&identity, &opts)).await?;
    for item in &mut items {
        let svc = svcs.iter().find(|s| s["id"] == item["service_id"]);
        item["service_name"] = svc.map(|s| s["name"].clone()).unwrap_or(Value::Null);
        item["service_type"] = svc.map(|s| s["type"].clone()).unwrap_or(Value::Null);
    }
    let cols = [
        Col::Key("ID", "id"),
        Col::Key("Region", "region_id"),
        Col::Key("Service Name", "service_name"),
        Col::Key("Service Type", "service_type"),
        Col::Key("Enabled", "enabled"),
        Col::Key("Interface", "interface"),
        Col::Key("URL", "url"),
    ];
    ctx.print_listing(out, &listing(&items, &cols))
}

pub async fn project(ctx: &Context, cmd: ProjectCmd, out: &mut dyn Write) -> CliResult<()> {
    let identity = ctx.service("identity").await?;
    match cmd {
        ProjectCmd::List { domain, long } => {
            let opts = projects::ListOpts {
                domain_id: domain,
                ..Default::default()
            };
            let items = all_json(projects::list(&identity, &opts)).await?;
            let mut cols = vec![Col::Key("ID", "id"), Col::Key("Name", "name")];
            if long {
                cols.extend([
                    Col::Key("Domain ID", "domain_id"),
                    Col::Key("Description", "description"),
                    Col::Key("Enabled", "enabled"),
                ]);
            }
            ctx.print_listing(out, &listing(&items, &cols))
        }
        ProjectCmd::Show { project } => {
            let found = projects::find(&identity, &project).await?;
            let got = projects::get(&identity, &found.id).await;
            ctx.print_record(out, &record(&super::result_json(&got)?))
        }
    }
}

pub async fn user(ctx: &Context, cmd: UserCmd, out: &mut dyn Write) -> CliResult<()> {
    let identity = ctx.service("identity").await?;
    match cmd {
        UserCmd::List { domain, long } => {
            let opts = users::ListOpts {
                domain_id: domain,
                ..Default::default()
            };
            let items = all_json(users::list(&identity, &opts)).await?;
            let mut cols = vec![Col::Key("ID", "id"), Col::Key("Name", "name")];
            if long {
                cols.extend([
                    Col::Key("Project", "default_project_id"),
                    Col::Key("Domain", "domain_id"),
                    Col::Key("Description", "description"),
                    Col::Key("Email", "email"),
                    Col::Key("Enabled", "enabled"),
                ]);
            }
            ctx.print_listing(out, &listing(&items, &cols))
        }
        UserCmd::Show { user } => {
            let found = users::find(&identity, &user).await?;
            let got = users::get(&identity, &found.id).await;
            ctx.print_record(out, &record(&super::result_json(&got)?))
        }
    }
}

/// `role …`
#[derive(Subcommand, Debug)]
pub enum RoleCmd {
    /// Roles.
    List,
    /// Role assignments.
    #[command(subcommand)]
    Assignment(AssignmentCmd),
}

/// `role assignment …`
#[derive(Subcommand, Debug)]
pub enum AssignmentCmd {
    /// Who has which role where.
    List {
        /// Only this user's (name or ID).
        #[arg(long)]
        user: Option<String>,
        /// Only this group's (name or ID).
        #[arg(long, conflicts_with = "user")]
        group: Option<String>,
        /// Only on this project (name or ID).
        #[arg(long)]
        project: Option<String>,
        /// Only this role (name or ID).
        #[arg(long)]
        role: Option<String>,
        /// Only on the system.
        #[arg(long, conflicts_with = "project")]
        system: bool,
        /// Resolve group memberships and inheritance to the users' effective roles.
        #[arg(long)]
        effective: bool,
        /// Names instead of IDs.
        #[arg(long)]
        names: bool,
    },
}

/// The name (with `names`) or ID of `kind` in an assignment (`{"user": {"id", "name",
/// "domain": {"name"}}}`), as `name@domain` the way openstackclient writes it.
fn assignment_part(item: &Value, kind: &str, names: bool) -> Value {
    let part = &item["scope"][kind];
    let part = if part.is_null() { &item[kind] } else { part };
    if part.is_null() {
        return json!("");
    }
    match (names, part["name"].as_str()) {
        (true, Some(name)) => match part["domain"]["name"].as_str() {
            Some(d) => json!(format!("{name}@{d}")),
            None => json!(name),
        },
        _ => part["id"].clone(),
    }
}

pub async fn role(ctx: &Context, cmd: RoleCmd, out: &mut dyn Write) -> CliResult<()> {
    use ferrocloud::openstack::identity::v3::{groups, role_assignments, roles};
    let identity = ctx.service("identity").await?;
    match cmd {
        RoleCmd::List => {
            let items = all_json(roles::list(&identity, &Default::default())).await?;
            let cols = [Col::Key("ID", "id"), Col::Key("Name", "name")];
            ctx.print_listing(out, &listing(&items, &cols))
        }
        RoleCmd::Assignment(AssignmentCmd::List {
            user,
            group,
            project,
            role,
            system,
            effective,
            names,
        }) => {
            let mut opts = role_assignments::ListOpts {
                system,
                effective,
                include_names: names,
                ..Default::default()
            };
            if let Some(u) = user {
                opts.user_id = Some(users::find(&identity, &u).await?.id);
            }
            if let Some(g) = group {
                opts.group_id = Some(groups::find(&identity, &g).await?.id);
            }
            if let Some(p) = project {
                opts.project_id = Some(projects::find(&identity, &p).await?.id);
            }
            if let Some(r) = role {
                opts.role_id = Some(roles::find(&identity, &r).await?.id);
            }
            let items = all_json(role_assignments::list(&identity, &opts)).await?;
            let rows: Vec<Value> = items
                .iter()
                .map(|i| {
                    json!({
                        "role": assignment_part(i, "role", names),
                        "user": assignment_part(i, "user", names),
                        "group": assignment_part(i, "group", names),
                        "project": assignment_part(i, "project", names),
                        "domain": assignment_part(i, "domain", names),
                        "system": if i["scope"]["system"].is_null() { json!("") } else { json!("all") },
                        "inherited": !i["scope"]["OS-INHERIT:inherited_to"].is_null(),
                    })
                })
                .collect();
            let cols = [
                Col::Key("Role", "role"),
                Col::Key("User", "user"),
                Col::Key("Group", "group"),
                Col::Key("Project", "project"),
                Col::Key("Domain", "domain"),
                Col::Key("System", "system"),
                Col::Key("Inherited", "inherited"),
            ];
            ctx.print_listing(out, &listing(&rows, &cols))
        }
    }
}
