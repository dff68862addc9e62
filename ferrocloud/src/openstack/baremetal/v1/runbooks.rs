//! Runbooks (1.92): named lists of steps that `clean` and `service` run in place of
//! explicit steps. Ironic addresses a runbook by name or UUID. The plain listing gives
//! `uuid`, `name` and `links` only (the others are `None`); ask for `detail` for the
//! rest.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::runbooks::{self, CreateOpts, RunbookStep};
//! let step = RunbookStep { interface: "bios".into(), step: "apply_configuration".into(),
//!     args: Default::default(), order: 1 };
//! let r = runbooks::create(&ironic, &CreateOpts::new("CUSTOM_AWESOME", vec![step])).await.extract()?;
//! # Ok(()) }
//! ```

super::named_steps::named_steps! {
    noun: "runbook",
    since: "1.92",
    collection: "/runbooks",
    item: "/runbooks/{runbook_id}",
    key: "runbooks",
    /// A step of a runbook.
    step RunbookStep {
        /// Its rank in the runbook.
        order
    },
    /// A runbook.
    record Runbook {
        /// Whether its steps run without the ramdisk (details).
        disable_ramdisk: Option<bool>,
        /// Whether every project may use it (details).
        public: Option<bool>,
        /// The owner project (details).
        owner: Option<String>,
    }
    create {
        /// Run the steps without the ramdisk.
        disable_ramdisk: Option<bool>,
        /// Whether every project may use it.
        public: Option<bool>,
        /// The owner project.
        owner: Option<String>,
    }
}
