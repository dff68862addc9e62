//! Integration tests against the project's real local cloud (`scripts/devcloud up`).
//!
//! Every test here is ignored by a plain `cargo test`, because it needs the services
//! running; `scripts/test` brings the devcloud up and runs them with `--ignored`.
//! The credentials are the devcloud's (test-only, loopback-only); `FERROCLOUD_DEVCLOUD_*`
//! variables override them.

mod support;

mod identity_projects;
