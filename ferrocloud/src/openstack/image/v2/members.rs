//! Image members: the projects a `shared` image is shared with. The owner adds and
//! removes members; a member accepts or rejects the image (until it accepts, the image
//! is not in its default listing).
//!
//! ```no_run
//! # async fn demo(owner: ferrocloud::ServiceClient, member: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::image::v2::members::{self, MemberStatus};
//! let m = members::create(&owner, "a96be11e", "8989447062e04a818baf9e073fd04fa7").await.extract()?;
//! assert_eq!(m.status, MemberStatus::Pending);
//! // As the member project:
//! members::update(&member, "a96be11e", &m.member_id, MemberStatus::Accepted).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "image";
    /// Add a member to an image.
    CREATE = POST "/images/{image_id}/members" request(CreateOpts) response(Member);
    /// Show a member of an image.
    GET = GET "/images/{image_id}/members/{member_id}" response(Member);
    /// List an image's members.
    LIST = GET "/images/{image_id}/members" list("members", Member);
    /// Accept or reject an image (as the member).
    UPDATE = PUT "/images/{image_id}/members/{member_id}" request(UpdateOpts) response(Member);
    /// Remove a member from an image.
    DELETE = DELETE "/images/{image_id}/members/{member_id}";
}

crate::openstack::blockstorage::v3::common::status_enum! {
    /// Where a member stands with an image.
    MemberStatus {
        /// Not decided yet.
        Pending = "pending",
        /// Accepted: the image is in the member's listings.
        Accepted = "accepted",
        /// Rejected.
        Rejected = "rejected",
    }
}

/// A member of an image.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Member {
    /// The image.
    pub image_id: String,
    /// The member project.
    pub member_id: String,
    /// Where it stands.
    pub status: MemberStatus,
    /// When it was added.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated_at: Timestamp,
    /// The path of the member schema.
    pub schema: String,
}

/// What [`create`] sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The project to share with.
    pub member: String,
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("member", !self.member.is_empty())
    }
}

/// What [`update`] sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The member's decision.
    pub status: MemberStatus,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        match &self.status {
            MemberStatus::Other(s) => Err(crate::Error::invalid_input(format!(
                "member status {s:?} is none of pending, accepted, rejected"
            ))),
            _ => Ok(()),
        }
    }
}

/// Shares an image with a project (the owner; the image must be `shared`; `200`).
pub async fn create(client: &ServiceClient, image_id: &str, member: &str) -> ApiResult<Member> {
    let opts = CreateOpts {
        member: member.to_string(),
    };
    client.request(&CREATE, &[image_id]).body(&opts).send().await
}

/// Shows a member of an image.
pub async fn get(client: &ServiceClient, image_id: &str, member: &str) -> ApiResult<Member> {
    client.request(&GET, &[image_id, member]).send().await
}

/// Lists an image's members (the owner sees all; a member sees itself).
pub async fn list(client: &ServiceClient, image_id: &str) -> ApiResult<Vec<Member>> {
    client.request(&LIST, &[image_id]).send().await
}

/// Accepts or rejects an image shared with the caller's project.
pub async fn update(
    client: &ServiceClient,
    image_id: &str,
    member: &str,
    status: MemberStatus,
) -> ApiResult<Member> {
    let opts = UpdateOpts { status };
    client
        .request(&UPDATE, &[image_id, member])
        .body(&opts)
        .send()
        .await
}

/// Stops sharing an image with a project (the owner; `204`).
pub async fn delete(client: &ServiceClient, image_id: &str, member: &str) -> ApiResult<()> {
    client.request(&DELETE, &[image_id, member]).send().await
}
