//! Identity v3 resources against a mock Keystone: requests as sent, official samples as
//! answers. One module per resource.

#[path = "../common/mod.rs"]
mod common;

mod projects;
