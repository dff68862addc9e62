//! ferrocloud: an SDK for OpenStack-compatible clouds.
//!
//! Three levels, as in gophercloud:
//!
//! - a [`ProviderClient`] per cloud: authentication with Keystone, the service catalog,
//!   the token and its renewal, the HTTP connection pool;
//! - [`ServiceClient`]s located in the catalog ([`openstack::new_compute_v2`] and
//!   friends), with an optional microversion;
//! - resource modules under [`openstack`] (`openstack::compute::v2::servers`…): typed
//!   options and results, and free functions that take a service client.
//!
//! ```no_run
//! # async fn demo() -> ferrocloud::Result<()> {
//! use ferrocloud::{openstack, EndpointOpts};
//! use ferrocloud::openstack::compute::v2::servers::{self, ListOpts};
//! use ferrocloud::openstack::compute::v2::extensions::diskconfig::ServerWithDiskConfig;
//!
//! let opts = openstack::auth_options_from_env()?;
//! let provider = openstack::authenticated_client(opts).await?;
//! let compute = openstack::new_compute_v2(&provider, EndpointOpts::region("RegionOne"))?;
//!
//! let result = servers::get(&compute, "0e44cc9c-e052-415d-afbf-469b0d384170").await;
//! let server = result.extract()?;
//! let dc: ServerWithDiskConfig = result.extract_into()?;
//! println!("{:?} {:?} (request {:?})", server.name, dc.disk_config, result.request_id());
//!
//! servers::list(&compute, &ListOpts::default()).each_page(|page| {
//!     for s in servers::extract_servers(&page)? { println!("{}", s.name.unwrap_or_default()) }
//!     Ok::<_, ferrocloud::Error>(true)
//! }).await?;
//! # Ok(()) }
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod auth;
#[cfg(feature = "blocking")]
pub mod blocking;
pub(crate) mod checksum;
pub mod config;
pub mod dates;
pub mod de;
pub mod error;
pub mod find;
#[doc(hidden)]
pub mod fuzzing;
pub mod metadata;
pub mod microversion;
pub mod openstack;
pub mod operation;
pub mod pagination;
pub mod patch;
pub mod provider;
pub mod query;
pub mod request;
pub mod retry;
mod reuse;
pub(crate) mod secrets;
pub mod service;
pub mod transfer;
pub mod wait;

pub use auth::{
    AuthInfo, AuthOptions, Availability, Catalog, DomainRef, EndpointOpts, IdentityVersion, Scope,
};
pub use config::{Cloud, CloudConfig};
pub use error::{Error, ErrorKind, Result};
pub use operation::{Op, Operation};
pub use pagination::{Page, PageStyle, Pager};
pub use provider::{ProviderBuilder, ProviderClient};
pub use request::{ApiResult, Response};
pub use service::ServiceClient;

pub use http;
pub use secrecy::{ExposeSecret, SecretString};
