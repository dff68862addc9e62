//! Deploy templates (1.55): deploy steps applied when a node is deployed with a
//! matching trait (the template's name is a `CUSTOM_` trait). Ironic addresses a
//! template by name or UUID. The plain listing gives `uuid`, `name` and `links` only
//! (the others are `None`); ask for `detail` for the rest.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::deploy_templates::{self, CreateOpts, TemplateStep};
//! let step = TemplateStep { interface: "bios".into(), step: "apply_configuration".into(),
//!     args: Default::default(), priority: 150 };
//! let t = deploy_templates::create(&ironic, &CreateOpts::new("CUSTOM_HYPERTHREADING_ON", vec![step])).await.extract()?;
//! # Ok(()) }
//! ```

super::named_steps::named_steps! {
    noun: "deploy template",
    since: "1.55",
    collection: "/deploy_templates",
    item: "/deploy_templates/{deploy_template_id}",
    key: "deploy_templates",
    /// A step of a deploy template.
    step TemplateStep {
        /// Its priority (0 disables it).
        priority
    },
    /// A deploy template.
    record DeployTemplate {}
    create {}
}
