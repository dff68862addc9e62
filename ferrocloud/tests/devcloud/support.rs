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
