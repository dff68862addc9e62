//! Connecting to the devcloud and naming test resources.
#![allow(dead_code)]

use ferrocloud::{
    AuthOptions, DomainRef, EndpointOpts, ProviderClient, Scope, ServiceClient, openstack,
};

pub const NEEDS: &str = "needs the devcloud: scripts/devcloud up";

fn var(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

pub fn auth_url() -> String {
    var("FERROCLOUD_DEVCLOUD_AUTH_URL", "http://127.0.0.1:5000/v3")
}

/// Options for the admin user, scoped to the admin project.
pub fn admin_opts() -> AuthOptions {
    record_operations();
    AuthOptions::password(
        auth_url(),
        "admin",
        var("FERROCLOUD_DEVCLOUD_ADMIN_PASSWORD", "devcloud-admin"),
    )
    .user_domain_name("Default")
    .scope(Scope::project_name(
        "admin",
        DomainRef::Name("Default".into()),
    ))
}

/// Options for the non-admin `demo` user, member of the `demo` project.
pub fn member_opts() -> AuthOptions {
    record_operations();
    AuthOptions::password(
        auth_url(),
        "demo",
        var("FERROCLOUD_DEVCLOUD_DEMO_PASSWORD", "devcloud-demo"),
    )
    .user_domain_name("Default")
    .scope(Scope::project_name(
        "demo",
        DomainRef::Name("Default".into()),
    ))
}

/// Options for a service user (`placement`, `glance`…: the `service` role on project
/// `service`), for what policies keep to services.
pub fn service_opts(user: &str) -> AuthOptions {
    record_operations();
    AuthOptions::password(
        auth_url(),
        user,
        var("FERROCLOUD_DEVCLOUD_SERVICE_PASSWORD", "devcloud-service"),
    )
    .user_domain_name("Default")
    .scope(Scope::project_name(
        "service",
        DomainRef::Name("Default".into()),
    ))
}

pub async fn admin() -> ProviderClient {
    openstack::authenticated_client(admin_opts())
        .await
        .expect("admin authentication")
}

pub async fn member() -> ProviderClient {
    openstack::authenticated_client(member_opts())
        .await
        .expect("member authentication")
}

pub fn region() -> EndpointOpts {
    EndpointOpts::region("RegionOne")
}

pub async fn admin_identity() -> ServiceClient {
    openstack::new_identity_v3(&admin().await, region()).unwrap()
}

/// A name unique to this run, so that tests can run twice and in parallel.
pub fn unique(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "ferro-{prefix}-{}-{nanos:x}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    )
}

/// A provider authenticated with `opts`.
pub async fn fresh(opts: AuthOptions) -> ProviderClient {
    openstack::authenticated_client(opts)
        .await
        .expect("authentication")
}

/// When `FERROCLOUD_OPERATIONS_LOG` names a file, appends to it one line per answer the
/// real services give: the status, the URL's path and the declared operation the request
/// performs (as `Operation`'s `Display` writes it), separated by tabs, read from the
/// request pipeline's trace event.
/// `cargo xtask coverage --live <file>` counts the documented operations that ran.
/// Every way the tests obtain credentials ([`admin_opts`], [`member_opts`]) calls it.
pub fn record_operations() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let Some(path) = std::env::var_os("FERROCLOUD_OPERATIONS_LOG") else {
            return;
        };
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.to_string_lossy()));
        let log = OperationLog {
            file: std::sync::Mutex::new(file),
        };
        tracing::subscriber::set_global_default(log).expect("no other trace subscriber");
    });
}

/// The subscriber of [`record_operations`]: it takes only the pipeline's `request` events.
struct OperationLog {
    file: std::sync::Mutex<std::fs::File>,
}

#[derive(Default)]
struct RequestFields {
    status: Option<u64>,
    url: Option<String>,
    operation: Option<String>,
}

impl tracing::field::Visit for RequestFields {
    fn record_u64(&mut self, field: &tracing::field::Field, value: u64) {
        if field.name() == "status" {
            self.status = Some(value);
        }
    }
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        match field.name() {
            "operation" => self.operation = Some(format!("{value:?}")),
            "url" => self.url = Some(format!("{value:?}")),
            _ => {}
        }
    }
}

impl tracing::Subscriber for OperationLog {
    fn enabled(&self, metadata: &tracing::Metadata<'_>) -> bool {
        metadata.is_event() && metadata.target() == "ferrocloud::provider"
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        use std::io::Write;
        let mut fields = RequestFields::default();
        event.record(&mut fields);
        if let (Some(status), Some(url), Some(operation)) =
            (fields.status, fields.url, fields.operation)
        {
            let path = url::Url::parse(&url).map_or(url.clone(), |u| u.path().to_string());
            let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
            writeln!(file, "{status}\t{path}\t{operation}")
                .expect("the operations log is writable");
        }
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}
