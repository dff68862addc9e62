//! Image tags, one at a time (to replace them all, see
//! [`UpdateOpts::tags`](crate::openstack::image::v2::images::UpdateOpts::tags)).
//!
//! ```no_run
//! # async fn demo(glance: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::tags;
//! tags::add(&glance, "1bea47ed", "golden").await.ok()?;
//! tags::delete(&glance, "1bea47ed", "golden").await.ok()?;
//! # Ok(()) }
//! ```

use crate::request::ApiResult;
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "image";
    /// Add a tag to an image.
    ADD = PUT "/images/{image_id}/tags/{tag}";
    /// Delete a tag from an image.
    DELETE = DELETE "/images/{image_id}/tags/{tag}";
}

/// Glance's routes cannot address a tag holding a `/`, even encoded (it answers `404`):
/// such tags are set with [`UpdateOpts::tags`](crate::openstack::image::v2::images::UpdateOpts::tags).
fn check_addressable(tag: &str) -> Result<()> {
    super::images::check_tag(tag)?;
    if tag.contains('/') {
        return Err(Error::invalid_input(format!(
            "image tag {tag:?} holds a '/', which Glance's tag routes cannot address: replace the tags with images::UpdateOpts::tags instead"
        )));
    }
    Ok(())
}

/// Adds a tag (`204`; adding one the image has changes nothing).
pub async fn add(client: &ServiceClient, image_id: &str, tag: &str) -> ApiResult<()> {
    if let Err(e) = check_addressable(tag) {
        return ApiResult::from_error(e);
    }
    client.request(&ADD, &[image_id, tag]).send().await
}

/// Deletes a tag (`204`; `404` when the image does not have it).
pub async fn delete(client: &ServiceClient, image_id: &str, tag: &str) -> ApiResult<()> {
    if let Err(e) = check_addressable(tag) {
        return ApiResult::from_error(e);
    }
    client.request(&DELETE, &[image_id, tag]).send().await
}
