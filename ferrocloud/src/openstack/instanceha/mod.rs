//! Instance high availability (Masakari).
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::instanceha::v1::segments;
//! let masakari = ferrocloud::openstack::new_instance_ha_v1(&provider, Default::default())?;
//! let all = segments::list(&masakari, &Default::default()).all().await?;
//! # Ok(()) }
//! ```

pub mod v1;
