//! Identity v3 resources against a mock Keystone: requests as sent, official samples as
//! answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

mod application_credentials;
mod auth;
mod credentials;
mod domain_configs;
mod domains;
mod endpoint_filter;
mod endpoint_policy;
mod endpoints;
mod federation;
mod grants;
mod groups;
mod identity_providers;
mod limits;
mod mappings;
mod oauth1;
mod oauth2;
mod policies;
mod projects;
mod regions;
mod registered_limits;
mod revoke;
mod role_assignments;
mod roles;
mod service_providers;
mod services;
mod simple_cert;
mod tokens;
mod trusts;
mod users;
mod v2;
