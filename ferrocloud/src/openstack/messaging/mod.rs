//! Messaging (Zaqar).
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::messaging::v2::{common, queues};
//! let zaqar = ferrocloud::openstack::new_messaging_v2(&provider, Default::default())?;
//! let zaqar = common::with_new_client_id(&zaqar)?;
//! queues::create(&zaqar, "orders", &Default::default()).await.ok()?;
//! # Ok(()) }
//! ```

pub mod v2;
