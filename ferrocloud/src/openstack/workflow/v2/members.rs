//! Members of a workflow: the projects it is shared with. The owner shares it; the
//! member project accepts or rejects it.
//!
//! ```no_run
//! # async fn demo(mistral: ferrocloud::ServiceClient, other: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::workflow::v2::members::{self, MemberStatus};
//! members::create(&mistral, "7d4e1a2b", "a7eb669e9819420ea4bd1453e672c0a7").await.extract()?;
//! members::update(&other, "7d4e1a2b", "a7eb669e9819420ea4bd1453e672c0a7", MemberStatus::Accepted).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::dates::Timestamp;
use crate::de::text_enum;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "workflow";
    /// List a workflow's members.
    LIST = GET "/workflows/{workflow_identifier}/members" list("members", Member);
    /// Share a workflow with a project.
    CREATE = POST "/workflows/{workflow_identifier}/members" request(CreateOpts) response(Member);
    /// Show a member.
    GET = GET "/workflows/{workflow_identifier}/members/{member_id}" response(Member);
    /// Accept or reject a shared workflow.
    UPDATE = PUT "/workflows/{workflow_identifier}/members/{member_id}" request(UpdateOpts) response(Member);
    /// Stop sharing a workflow with a project.
    DELETE = DELETE "/workflows/{workflow_identifier}/members/{member_id}";
}

text_enum! {
    /// Whether the member project took the workflow.
    ///
    /// ```
    /// use ferrocloud::openstack::workflow::v2::members::MemberStatus;
    /// assert_eq!(serde_json::to_string(&MemberStatus::Accepted).unwrap(), "\"accepted\"");
    /// ```
    MemberStatus {
        /// Not answered yet.
        Pending = "pending",
        /// Accepted: the member sees the workflow.
        Accepted = "accepted",
        /// Rejected.
        Rejected = "rejected",
    }
}

/// A member of a workflow.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Member {
    /// The ID.
    pub id: String,
    /// The workflow's ID.
    pub resource_id: String,
    /// `workflow`.
    pub resource_type: String,
    /// The owner's project.
    pub project_id: String,
    /// The member's project.
    pub member_id: String,
    /// Whether the member took it.
    pub status: MemberStatus,
    /// When it was shared.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

/// What [`create`] sends.
///
/// ```
/// let opts = ferrocloud::openstack::workflow::v2::members::CreateOpts { member_id: "p2".into() };
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"member_id": "p2"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The project to share with (required).
    pub member_id: String,
}

impl Validate for CreateOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("member_id", !self.member_id.is_empty())
    }
}

/// What [`update`] sends.
///
/// ```
/// use ferrocloud::openstack::workflow::v2::members::{MemberStatus, UpdateOpts};
/// assert_eq!(serde_json::to_value(UpdateOpts { status: MemberStatus::Rejected }).unwrap(),
///     serde_json::json!({"status": "rejected"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// `accepted` or `rejected`.
    pub status: MemberStatus,
}

impl Validate for UpdateOpts {}

/// Lists a workflow's members (one page).
pub fn list(client: &ServiceClient, workflow: &str) -> crate::pagination::Pager<Member> {
    client
        .request(&LIST, &[workflow])
        .paged(crate::pagination::PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The members of a page (or of all pages).
    extract_members, Member
}

/// Shares workflow `workflow` (name or ID) with project `member_id` (`201`).
pub async fn create(client: &ServiceClient, workflow: &str, member_id: &str) -> ApiResult<Member> {
    let opts = CreateOpts {
        member_id: member_id.to_string(),
    };
    client.request(&CREATE, &[workflow]).body(&opts).send().await
}

/// Shows project `member_id`'s membership of a workflow.
pub async fn get(client: &ServiceClient, workflow: &str, member_id: &str) -> ApiResult<Member> {
    client.request(&GET, &[workflow, member_id]).send().await
}

/// Accepts or rejects a workflow shared with the caller's project `member_id`.
pub async fn update(
    client: &ServiceClient,
    workflow: &str,
    member_id: &str,
    status: MemberStatus,
) -> ApiResult<Member> {
    client
        .request(&UPDATE, &[workflow, member_id])
        .body(&UpdateOpts { status })
        .send()
        .await
}

/// Stops sharing a workflow with project `member_id` (`204`).
pub async fn delete(client: &ServiceClient, workflow: &str, member_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[workflow, member_id]).send().await
}
