//! Accelerator API v2 (Cyborg). Create the client with
//! [`new_accelerator_v2`](crate::openstack::new_accelerator_v2): paths are relative to
//! the endpoint's `v2/`.
//!
//! Cyborg discovers [`devices`] (FPGAs, GPUs…) on compute hosts and exposes their
//! [`deployables`] (the parts an instance can use, with [`attributes`]) to Placement.
//! An operator describes what an instance needs in a device profile
//! ([`device_profiles`]); an accelerator request ([`accelerator_requests`], ARQ) asks
//! for the accelerators of one profile, and is bound to an instance on a host with a
//! JSON Patch. Binding is asynchronous: wait for `Bound`
//! ([`accelerator_requests::wait_for_bound`]).
//!
//! Cyborg answers in microversion 2.0 unless asked otherwise (`OpenStack-API-Version:
//! 2.X`, a bare version: Cyborg reads `accelerator 2.X` as 2.0; set with
//! [`ServiceClient::with_microversion`](crate::ServiceClient::with_microversion)):
//! 2.1 lets an admin set an ARQ's project when binding, 2.2 reads a device profile by
//! name, 2.3 adds a device's `status`. Listings come in one page.
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::accelerator::v2::accelerator_requests::{self, Binding};
//! let cyborg = ferrocloud::openstack::new_accelerator_v2(&provider, Default::default())?
//!     .with_microversion("2.2");
//! let arqs = accelerator_requests::create(&cyborg, "fpga-dp1").await.extract()?;
//! let binding = Binding::new(&arqs[0].uuid, "compute-1", "03631f82", "506220bc");
//! accelerator_requests::bind(&cyborg, &[binding]).await.ok()?;
//! accelerator_requests::wait_for_bound(&cyborg, &arqs[0].uuid, &Default::default()).await?;
//! # Ok(()) }
//! ```

crate::resources! {
    /// Accelerator requests (ARQs): create from a device profile, bind, unbind, delete.
    pub mod accelerator_requests;
    /// Attributes of deployables (traits, resource class…).
    pub mod attributes;
    /// Deployables: the usable parts of devices, and FPGA programming.
    pub mod deployables;
    /// Device profiles: what an instance asks of accelerators.
    pub mod device_profiles;
    /// Devices found on compute hosts; enable and disable them.
    pub mod devices;
}

/// What Cyborg's resources share: the microversion check and the shape of their
/// functions.
pub mod common;
