//! Workflow (Mistral): workflows written in YAML, run as executions of tasks and
//! actions, triggered by schedules and notifications.

pub mod v2;
