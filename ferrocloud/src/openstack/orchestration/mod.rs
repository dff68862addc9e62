//! Orchestration (Heat): stacks of resources described by templates.

pub mod v1;
