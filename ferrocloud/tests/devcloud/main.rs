//! Integration tests against the project's real local cloud (`scripts/devcloud up`).
//!
//! Every test here is ignored by a plain `cargo test`, because it needs the services
//! running; `scripts/test` brings the devcloud up and runs them with `--ignored`.
//! The credentials are the devcloud's (test-only, loopback-only); `FERROCLOUD_DEVCLOUD_*`
//! variables override them.

mod support;

mod identity_application_credentials;
mod identity_auth;
mod identity_credentials;
mod identity_domain_configs;
mod identity_domains;
mod identity_ec2;
mod identity_endpoint_filter;
mod identity_endpoint_policy;
mod identity_endpoints;
mod identity_federation;
mod identity_grants;
mod identity_groups;
mod identity_identity_providers;
mod identity_limits;
mod identity_mappings;
mod identity_oauth1;
mod identity_oauth2;
mod identity_policies;
mod identity_projects;
mod identity_regions;
mod identity_revoke;
mod identity_roles;
mod identity_service_providers;
mod identity_services;
mod identity_simple_cert;
mod identity_tokens;
mod identity_trusts;
mod identity_users;
