//! Messaging API v2 (Zaqar). Create the client with
//! [`new_messaging_v2`](crate::openstack::new_messaging_v2): Zaqar's catalog endpoint
//! has no version, paths are relative to its `v2/`.
//!
//! Zaqar wants a `Client-ID` header (a UUID by default) on every request, naming the
//! program instance: [`common::with_client_id`] or [`common::with_new_client_id`] set it
//! once on the service client, and every function of this module refuses to send without
//! it (an `InvalidInput` error, nothing is sent). To send a request without one all the
//! same, build it from its operation: `client.request(&queues::LIST, &[])`.
//!
//! [`queues`] hold [`messages`], which consumers [`claims`] for a while, delete, or have
//! pushed to [`subscriptions`]. Queues can be shared through pre-signed URLs
//! ([`queues::share`]). Operators manage storage [`pools`] and [`flavors`], and check
//! [`health`]. Listings follow Zaqar's `links` (`rel: next`, written from Zaqar's root and read under the endpoint's path), which keep the request's
//! query.
//!
//! ```no_run
//! # async fn demo(provider: ferrocloud::ProviderClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::messaging::v2::{claims, common, messages, queues};
//! let zaqar = ferrocloud::openstack::new_messaging_v2(&provider, Default::default())?;
//! let zaqar = common::with_new_client_id(&zaqar)?;
//! queues::create(&zaqar, "orders", &Default::default()).await.ok()?;
//! let post = messages::PostOpts::new().message(messages::NewMessage::new(serde_json::json!({"id": 1})));
//! messages::post(&zaqar, "orders", &post).await.extract()?;
//! let claimed = claims::create(&zaqar, "orders", &claims::CreateOpts::default()).await.extract()?;
//! for m in &claimed.messages {
//!     if let (Some(id), Some(claim)) = (m.message_id(), m.claim_id()) {
//!         messages::delete(&zaqar, "orders", &id, Some(&claim)).await.ok()?;
//!     }
//! }
//! # Ok(()) }
//! ```

crate::resources! {
    /// Claims of messages.
    pub mod claims;
    /// Flavors: named sets of pools (operators).
    pub mod flavors;
    /// Ping and health.
    pub mod health;
    /// Messages of a queue.
    pub mod messages;
    /// Storage pools (operators).
    pub mod pools;
    /// Queues: metadata, statistics, purge and pre-signed URLs.
    pub mod queues;
    /// Subscriptions: messages pushed to a URL or an address.
    pub mod subscriptions;
}

/// What Zaqar's resources share: the `Client-ID` header, paging, the request checks.
pub mod common;

/// Zaqar's API versions (`GET /`), at the service root.
pub mod versions;

/// The operations written from Zaqar's root rather than `v2/`, for coverage reports.
pub static ROOT_OPERATIONS: &[&[&crate::Operation]] = versions::ROOT_OPERATIONS;
