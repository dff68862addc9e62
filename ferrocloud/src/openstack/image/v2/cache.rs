//! The image cache of a Glance node (2.14; admins): what it holds and what is queued
//! for it, queueing and removing images, clearing it, and its upkeep (cleaning invalid
//! entries, pruning to size). Each call reaches the node that answers it.
//!
//! ```no_run
//! # async fn demo(glance: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::cache::{self, ClearTarget};
//! cache::queue(&glance, "fe05d6c9").await.ok()?;
//! let state = cache::list(&glance).await.extract()?;
//! println!("{} cached, {} queued", state.cached_images.len(), state.queued_images.len());
//! cache::clear(&glance, ClearTarget::Both).await.ok()?;
//! # Ok(()) }
//! ```

use serde::Deserialize;

use crate::ServiceClient;
use crate::request::ApiResult;

crate::operations! {
    service: "image";
    /// Show the cache's state.
    LIST = GET "/cache" response(CacheState);
    /// Queue an image for caching.
    QUEUE = PUT "/cache/{image_id}";
    /// Delete an image from the cache (and the queue).
    DELETE = DELETE "/cache/{image_id}";
    /// Clear the cache and/or the queue.
    CLEAR = DELETE "/cache";
    /// Clean invalid and stalled cache entries (2.18).
    CLEAN = POST "/cache/clean";
    /// Prune the cache to its configured size (2.18).
    PRUNE = POST "/cache/prune" response(Pruned);
}

/// What the cache holds and what is queued.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct CacheState {
    /// The cached images.
    pub cached_images: Vec<CachedImage>,
    /// The IDs of the images queued for caching.
    pub queued_images: Vec<String>,
}

/// A cached image.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct CachedImage {
    /// The image.
    pub image_id: String,
    /// How often it was served from the cache.
    pub hits: u64,
    /// When it was last read (seconds since the epoch).
    pub last_accessed: f64,
    /// When it was cached (seconds since the epoch).
    pub last_modified: f64,
    /// Its size in bytes.
    pub size: u64,
}

/// What [`prune`] removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Pruned {
    /// Files removed.
    pub total_files_pruned: u64,
    /// Bytes removed.
    pub total_bytes_pruned: u64,
}

/// What [`clear`] clears (the `x-image-cache-clear-target` header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClearTarget {
    /// The cached images.
    Cache,
    /// The queue.
    Queue,
    /// Both.
    Both,
}

/// The cache's state.
pub async fn list(client: &ServiceClient) -> ApiResult<CacheState> {
    client.request(&LIST, &[]).send().await
}

/// Queues an active image for caching (`202`).
pub async fn queue(client: &ServiceClient, image_id: &str) -> ApiResult<()> {
    client
        .request(&QUEUE, &[image_id])
        .ok_codes(&[202])
        .send()
        .await
}

/// Removes an image from the cache and the queue (`204`).
pub async fn delete(client: &ServiceClient, image_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[image_id]).send().await
}

/// Clears the cache, the queue, or both (`204`).
pub async fn clear(client: &ServiceClient, target: ClearTarget) -> ApiResult<()> {
    let req = client.request(&CLEAR, &[]);
    let req = match target {
        ClearTarget::Cache => req.header("x-image-cache-clear-target", "cache"),
        ClearTarget::Queue => req.header("x-image-cache-clear-target", "queue"),
        ClearTarget::Both => req,
    };
    req.send().await
}

/// Removes invalid and stalled cache entries (2.18; `200`).
pub async fn clean(client: &ServiceClient) -> ApiResult<()> {
    client.request(&CLEAN, &[]).ok_codes(&[200]).send().await
}

/// Prunes the cache down to its configured size (2.18).
pub async fn prune(client: &ServiceClient) -> ApiResult<Pruned> {
    client.request(&PRUNE, &[]).ok_codes(&[200]).send().await
}
