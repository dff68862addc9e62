//! Workflow API v2 (Mistral). Create the client with
//! [`new_workflow_v2`](crate::openstack::new_workflow_v2): the catalog endpoint is
//! Mistral's `…/v2`.
//!
//! Workflows ([`workflows`], [`workbooks`]) and ad-hoc actions ([`actions`]) are YAML
//! definitions sent as `text/plain`, in a namespace and a `private`/`public` scope
//! ([`common::DefinitionOpts`]). A workflow runs as an execution ([`executions`]) of
//! tasks ([`tasks`]) that run actions ([`action_executions`]); schedules
//! ([`cron_triggers`]) and notifications ([`event_triggers`]) start executions too,
//! with variables from [`environments`]. Workflows are shared through [`members`];
//! Python [`code_sources`] provide [`dynamic_actions`].
//!
//! Mistral carries JSON values (`input`, `output`, `params`, `variables`, `published`,
//! `result`…) as JSON text; the SDK decodes them ([`common::Data`]) and sends them back
//! as text. Listings page by `marker`/`limit` and follow the `next` link of the body.
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::workflow::v2::{common::DefinitionOpts, executions, workflows};
//! let mistral = ferrocloud::openstack::new_workflow_v2(&provider, Default::default())?;
//! let yaml = "version: '2.0'\nhello:\n  tasks:\n    t:\n      action: std.noop\n";
//! workflows::create(&mistral, yaml, &DefinitionOpts::default()).await.extract()?;
//! let ex = executions::create(&mistral, &executions::CreateOpts::workflow("hello")).await.extract()?;
//! executions::wait_for_completion(&mistral, &ex.id, &Default::default()).await?;
//! # Ok(()) }
//! ```

crate::resources! {
    /// Action executions: ad-hoc runs of actions, and the runs of tasks.
    pub mod action_executions;
    /// Actions: system actions and ad-hoc actions (YAML).
    pub mod actions;
    /// Code sources: Python modules for dynamic actions.
    pub mod code_sources;
    /// Cron triggers: workflows on a schedule.
    pub mod cron_triggers;
    /// Dynamic actions: actions implemented by code sources.
    pub mod dynamic_actions;
    /// Environments: variables for executions.
    pub mod environments;
    /// Event triggers: workflows on notifications.
    pub mod event_triggers;
    /// Workflow executions, their sub-executions and reports.
    pub mod executions;
    /// Members: the projects a workflow is shared with.
    pub mod members;
    /// Task executions, and reruns.
    pub mod tasks;
    /// Workbooks: workflows and actions in one YAML document.
    pub mod workbooks;
    /// Workflows (YAML).
    pub mod workflows;
}

/// What Mistral's resources share: scopes, JSON text values, listing controls,
/// definitions and states.
pub mod common;
