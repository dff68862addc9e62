//! Role grants: giving a user or a group a role on a project, a domain or the system,
//! and (OS-INHERIT) on every project of a domain or of a project's subtree.
//!
//! Where a grant applies is a [`Target`][target] (or an
//! [`InheritedTarget`][inherited]), who receives it an [`Actor`][actor]; the same four
//! calls (list, assign, check, unassign) serve every combination. To see every
//! assignment at once, with group memberships and implied roles expanded, use
//! [`role_assignments`].
//!
//! [target]: crate::openstack::identity::v3::grants::Target
//! [inherited]: crate::openstack::identity::v3::grants::InheritedTarget
//! [actor]: crate::openstack::identity::v3::grants::Actor
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::grants::{self, Actor, InheritedTarget, Target};
//! let (user, group, role) = ("u1", "g1", "r1");
//! grants::assign(&identity, Target::Project("p1"), Actor::User(user), role).await.ok()?;
//! assert!(grants::check(&identity, Target::Project("p1"), Actor::User(user), role).await?);
//! grants::assign(&identity, Target::System, Actor::Group(group), role).await.ok()?;
//! // The role on every project of the domain, present and future:
//! grants::assign_inherited(&identity, InheritedTarget::Domain("d1"), Actor::Group(group), role)
//!     .await.ok()?;
//! let roles = grants::list(&identity, Target::Domain("d1"), Actor::User(user))
//!     .all_pages().await?.extract()?;
//! grants::unassign(&identity, Target::Project("p1"), Actor::User(user), role).await.ok()?;
//! # Ok(()) }
//! ```

use super::roles::Role;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::operation::Op;
use crate::{Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List a user's roles on a project.
    LIST_PROJECT_USER = GET "/projects/{project_id}/users/{user_id}/roles" list("roles", Role);
    /// Assign a role to a user on a project.
    ASSIGN_PROJECT_USER = PUT "/projects/{project_id}/users/{user_id}/roles/{role_id}";
    /// Check a user's role on a project.
    CHECK_PROJECT_USER = HEAD "/projects/{project_id}/users/{user_id}/roles/{role_id}";
    /// Unassign a role from a user on a project.
    UNASSIGN_PROJECT_USER = DELETE "/projects/{project_id}/users/{user_id}/roles/{role_id}";
    /// List a group's roles on a project.
    LIST_PROJECT_GROUP = GET "/projects/{project_id}/groups/{group_id}/roles" list("roles", Role);
    /// Assign a role to a group on a project.
    ASSIGN_PROJECT_GROUP = PUT "/projects/{project_id}/groups/{group_id}/roles/{role_id}";
    /// Check a group's role on a project.
    CHECK_PROJECT_GROUP = HEAD "/projects/{project_id}/groups/{group_id}/roles/{role_id}";
    /// Unassign a role from a group on a project.
    UNASSIGN_PROJECT_GROUP = DELETE "/projects/{project_id}/groups/{group_id}/roles/{role_id}";
    /// List a user's roles on a domain.
    LIST_DOMAIN_USER = GET "/domains/{domain_id}/users/{user_id}/roles" list("roles", Role);
    /// Assign a role to a user on a domain.
    ASSIGN_DOMAIN_USER = PUT "/domains/{domain_id}/users/{user_id}/roles/{role_id}";
    /// Check a user's role on a domain.
    CHECK_DOMAIN_USER = HEAD "/domains/{domain_id}/users/{user_id}/roles/{role_id}";
    /// Unassign a role from a user on a domain.
    UNASSIGN_DOMAIN_USER = DELETE "/domains/{domain_id}/users/{user_id}/roles/{role_id}";
    /// List a group's roles on a domain.
    LIST_DOMAIN_GROUP = GET "/domains/{domain_id}/groups/{group_id}/roles" list("roles", Role);
    /// Assign a role to a group on a domain.
    ASSIGN_DOMAIN_GROUP = PUT "/domains/{domain_id}/groups/{group_id}/roles/{role_id}";
    /// Check a group's role on a domain.
    CHECK_DOMAIN_GROUP = HEAD "/domains/{domain_id}/groups/{group_id}/roles/{role_id}";
    /// Unassign a role from a group on a domain.
    UNASSIGN_DOMAIN_GROUP = DELETE "/domains/{domain_id}/groups/{group_id}/roles/{role_id}";
    /// List a user's system roles.
    LIST_SYSTEM_USER = GET "/system/users/{user_id}/roles" list("roles", Role);
    /// Assign a system role to a user.
    ASSIGN_SYSTEM_USER = PUT "/system/users/{user_id}/roles/{role_id}";
    /// Check a user's system role.
    CHECK_SYSTEM_USER = HEAD "/system/users/{user_id}/roles/{role_id}";
    /// Get a user's system role assignment.
    GET_SYSTEM_USER = GET "/system/users/{user_id}/roles/{role_id}";
    /// Unassign a system role from a user.
    UNASSIGN_SYSTEM_USER = DELETE "/system/users/{user_id}/roles/{role_id}";
    /// List a group's system roles.
    LIST_SYSTEM_GROUP = GET "/system/groups/{group_id}/roles" list("roles", Role);
    /// Assign a system role to a group.
    ASSIGN_SYSTEM_GROUP = PUT "/system/groups/{group_id}/roles/{role_id}";
    /// Check a group's system role.
    CHECK_SYSTEM_GROUP = HEAD "/system/groups/{group_id}/roles/{role_id}";
    /// Get a group's system role assignment.
    GET_SYSTEM_GROUP = GET "/system/groups/{group_id}/roles/{role_id}";
    /// Unassign a system role from a group.
    UNASSIGN_SYSTEM_GROUP = DELETE "/system/groups/{group_id}/roles/{role_id}";
    /// List a user's roles inherited by the projects of a domain.
    LIST_INHERITED_DOMAIN_USER = GET "/OS-INHERIT/domains/{domain_id}/users/{user_id}/roles/inherited_to_projects" list("roles", Role);
    /// Assign a user a role on every project of a domain.
    ASSIGN_INHERITED_DOMAIN_USER = PUT "/OS-INHERIT/domains/{domain_id}/users/{user_id}/roles/{role_id}/inherited_to_projects";
    /// Check a user's role inherited by the projects of a domain.
    CHECK_INHERITED_DOMAIN_USER = HEAD "/OS-INHERIT/domains/{domain_id}/users/{user_id}/roles/{role_id}/inherited_to_projects";
    /// Revoke a user's role inherited by the projects of a domain.
    UNASSIGN_INHERITED_DOMAIN_USER = DELETE "/OS-INHERIT/domains/{domain_id}/users/{user_id}/roles/{role_id}/inherited_to_projects";
    /// List a group's roles inherited by the projects of a domain.
    LIST_INHERITED_DOMAIN_GROUP = GET "/OS-INHERIT/domains/{domain_id}/groups/{group_id}/roles/inherited_to_projects" list("roles", Role);
    /// Assign a group a role on every project of a domain.
    ASSIGN_INHERITED_DOMAIN_GROUP = PUT "/OS-INHERIT/domains/{domain_id}/groups/{group_id}/roles/{role_id}/inherited_to_projects";
    /// Check a group's role inherited by the projects of a domain.
    CHECK_INHERITED_DOMAIN_GROUP = HEAD "/OS-INHERIT/domains/{domain_id}/groups/{group_id}/roles/{role_id}/inherited_to_projects";
    /// Revoke a group's role inherited by the projects of a domain.
    UNASSIGN_INHERITED_DOMAIN_GROUP = DELETE "/OS-INHERIT/domains/{domain_id}/groups/{group_id}/roles/{role_id}/inherited_to_projects";
    /// Assign a user a role on every project below a project.
    ASSIGN_INHERITED_PROJECT_USER = PUT "/OS-INHERIT/projects/{project_id}/users/{user_id}/roles/{role_id}/inherited_to_projects";
    /// Check a user's role inherited by the projects below a project.
    CHECK_INHERITED_PROJECT_USER = HEAD "/OS-INHERIT/projects/{project_id}/users/{user_id}/roles/{role_id}/inherited_to_projects";
    /// Revoke a user's role inherited by the projects below a project.
    UNASSIGN_INHERITED_PROJECT_USER = DELETE "/OS-INHERIT/projects/{project_id}/users/{user_id}/roles/{role_id}/inherited_to_projects";
    /// Assign a group a role on every project below a project.
    ASSIGN_INHERITED_PROJECT_GROUP = PUT "/OS-INHERIT/projects/{project_id}/groups/{group_id}/roles/{role_id}/inherited_to_projects";
    /// Check a group's role inherited by the projects below a project.
    CHECK_INHERITED_PROJECT_GROUP = HEAD "/OS-INHERIT/projects/{project_id}/groups/{group_id}/roles/{role_id}/inherited_to_projects";
    /// Revoke a group's role inherited by the projects below a project.
    UNASSIGN_INHERITED_PROJECT_GROUP = DELETE "/OS-INHERIT/projects/{project_id}/groups/{group_id}/roles/{role_id}/inherited_to_projects";
}

/// Where a grant applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// The project with this ID.
    Project(&'a str),
    /// The domain with this ID.
    Domain(&'a str),
    /// The system (the whole deployment).
    System,
}

/// Where an inherited grant (OS-INHERIT) applies: not on the domain or project itself,
/// but on the projects below it, present and future.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InheritedTarget<'a> {
    /// Every project of the domain with this ID.
    Domain(&'a str),
    /// Every project in the subtree of the project with this ID (not the project itself).
    Project(&'a str),
}

/// Who receives a grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor<'a> {
    /// The user with this ID.
    User(&'a str),
    /// The group with this ID (its members hold the role).
    Group(&'a str),
}

impl<'a> Actor<'a> {
    fn id(self) -> &'a str {
        match self {
            Actor::User(id) | Actor::Group(id) => id,
        }
    }
}

/// The operations of one (target, actor) pair: list, assign, check, unassign.
type Ops = (
    &'static Op<Vec<Role>>,
    &'static Op<()>,
    &'static Op<()>,
    &'static Op<()>,
);

/// The operations of one inherited (target, actor) pair: assign, check, unassign.
type InheritedOps = (&'static Op<()>, &'static Op<()>, &'static Op<()>);

fn ops(target: Target<'_>, actor: Actor<'_>) -> Ops {
    match (target, actor) {
        (Target::Project(_), Actor::User(_)) => (
            &LIST_PROJECT_USER,
            &ASSIGN_PROJECT_USER,
            &CHECK_PROJECT_USER,
            &UNASSIGN_PROJECT_USER,
        ),
        (Target::Project(_), Actor::Group(_)) => (
            &LIST_PROJECT_GROUP,
            &ASSIGN_PROJECT_GROUP,
            &CHECK_PROJECT_GROUP,
            &UNASSIGN_PROJECT_GROUP,
        ),
        (Target::Domain(_), Actor::User(_)) => (
            &LIST_DOMAIN_USER,
            &ASSIGN_DOMAIN_USER,
            &CHECK_DOMAIN_USER,
            &UNASSIGN_DOMAIN_USER,
        ),
        (Target::Domain(_), Actor::Group(_)) => (
            &LIST_DOMAIN_GROUP,
            &ASSIGN_DOMAIN_GROUP,
            &CHECK_DOMAIN_GROUP,
            &UNASSIGN_DOMAIN_GROUP,
        ),
        (Target::System, Actor::User(_)) => (
            &LIST_SYSTEM_USER,
            &ASSIGN_SYSTEM_USER,
            &CHECK_SYSTEM_USER,
            &UNASSIGN_SYSTEM_USER,
        ),
        (Target::System, Actor::Group(_)) => (
            &LIST_SYSTEM_GROUP,
            &ASSIGN_SYSTEM_GROUP,
            &CHECK_SYSTEM_GROUP,
            &UNASSIGN_SYSTEM_GROUP,
        ),
    }
}

fn inherited_ops(target: InheritedTarget<'_>, actor: Actor<'_>) -> InheritedOps {
    match (target, actor) {
        (InheritedTarget::Domain(_), Actor::User(_)) => (
            &ASSIGN_INHERITED_DOMAIN_USER,
            &CHECK_INHERITED_DOMAIN_USER,
            &UNASSIGN_INHERITED_DOMAIN_USER,
        ),
        (InheritedTarget::Domain(_), Actor::Group(_)) => (
            &ASSIGN_INHERITED_DOMAIN_GROUP,
            &CHECK_INHERITED_DOMAIN_GROUP,
            &UNASSIGN_INHERITED_DOMAIN_GROUP,
        ),
        (InheritedTarget::Project(_), Actor::User(_)) => (
            &ASSIGN_INHERITED_PROJECT_USER,
            &CHECK_INHERITED_PROJECT_USER,
            &UNASSIGN_INHERITED_PROJECT_USER,
        ),
        (InheritedTarget::Project(_), Actor::Group(_)) => (
            &ASSIGN_INHERITED_PROJECT_GROUP,
            &CHECK_INHERITED_PROJECT_GROUP,
            &UNASSIGN_INHERITED_PROJECT_GROUP,
        ),
    }
}

/// The path parameters: the target's ID (none for the system), the actor's ID, the role.
fn params<'a>(target: Option<&'a str>, actor: Actor<'a>, role: Option<&'a str>) -> Vec<&'a str> {
    target
        .into_iter()
        .chain(Some(actor.id()))
        .chain(role)
        .collect()
}

fn target_id(target: Target<'_>) -> Option<&str> {
    match target {
        Target::Project(id) | Target::Domain(id) => Some(id),
        Target::System => None,
    }
}

fn inherited_id(target: InheritedTarget<'_>) -> &str {
    match target {
        InheritedTarget::Domain(id) | InheritedTarget::Project(id) => id,
    }
}

async fn exists(client: &ServiceClient, op: &'static Op<()>, params: &[&str]) -> Result<bool> {
    client.request(op, params).send().await.exists()
}

/// Lists the roles `actor` holds on `target` (directly: not through groups, inheritance
/// or implied roles).
pub fn list(client: &ServiceClient, target: Target<'_>, actor: Actor<'_>) -> Pager<Role> {
    let (list, ..) = ops(target, actor);
    client
        .request(list, &params(target_id(target), actor, None))
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The roles of a page.
    extract_roles, Role
}

/// Gives `actor` the role `role_id` on `target`.
pub async fn assign(
    client: &ServiceClient,
    target: Target<'_>,
    actor: Actor<'_>,
    role_id: &str,
) -> ApiResult<()> {
    let (_, assign, ..) = ops(target, actor);
    client
        .request(assign, &params(target_id(target), actor, Some(role_id)))
        .send()
        .await
}

/// Whether `actor` holds the role `role_id` on `target` (directly): `Ok(false)` when
/// Keystone answers 404.
pub async fn check(
    client: &ServiceClient,
    target: Target<'_>,
    actor: Actor<'_>,
    role_id: &str,
) -> Result<bool> {
    let (_, _, check, _) = ops(target, actor);
    exists(
        client,
        check,
        &params(target_id(target), actor, Some(role_id)),
    )
    .await
}

/// Gets a system role assignment with a GET (Keystone answers 204 without a body when it
/// exists, 404 otherwise); [`check`] does the same with a HEAD.
pub async fn get_system(client: &ServiceClient, actor: Actor<'_>, role_id: &str) -> ApiResult<()> {
    let op = match actor {
        Actor::User(_) => &GET_SYSTEM_USER,
        Actor::Group(_) => &GET_SYSTEM_GROUP,
    };
    client
        .request(op, &params(None, actor, Some(role_id)))
        .ok_codes(&[200, 204])
        .send()
        .await
}

/// Takes the role `role_id` on `target` away from `actor`.
pub async fn unassign(
    client: &ServiceClient,
    target: Target<'_>,
    actor: Actor<'_>,
    role_id: &str,
) -> ApiResult<()> {
    let (.., unassign) = ops(target, actor);
    client
        .request(unassign, &params(target_id(target), actor, Some(role_id)))
        .send()
        .await
}

/// Lists the roles `actor` holds on every project of the domain `domain_id` (OS-INHERIT;
/// Keystone has no such listing for a project's subtree: use
/// [`role_assignments`](super::role_assignments) with `inherited_to_projects`).
pub fn list_inherited(client: &ServiceClient, domain_id: &str, actor: Actor<'_>) -> Pager<Role> {
    let op = match actor {
        Actor::User(_) => &LIST_INHERITED_DOMAIN_USER,
        Actor::Group(_) => &LIST_INHERITED_DOMAIN_GROUP,
    };
    client
        .request(op, &params(Some(domain_id), actor, None))
        .paged(PageStyle::Links("links"))
}

/// Gives `actor` the role `role_id` on every project below `target` (OS-INHERIT).
pub async fn assign_inherited(
    client: &ServiceClient,
    target: InheritedTarget<'_>,
    actor: Actor<'_>,
    role_id: &str,
) -> ApiResult<()> {
    let (assign, ..) = inherited_ops(target, actor);
    client
        .request(
            assign,
            &params(Some(inherited_id(target)), actor, Some(role_id)),
        )
        .send()
        .await
}

/// Whether `actor` holds the role `role_id` on the projects below `target` (OS-INHERIT):
/// `Ok(false)` when Keystone answers 404.
pub async fn check_inherited(
    client: &ServiceClient,
    target: InheritedTarget<'_>,
    actor: Actor<'_>,
    role_id: &str,
) -> Result<bool> {
    let (_, check, _) = inherited_ops(target, actor);
    exists(
        client,
        check,
        &params(Some(inherited_id(target)), actor, Some(role_id)),
    )
    .await
}

/// Takes the inherited role `role_id` on the projects below `target` away from `actor`.
pub async fn unassign_inherited(
    client: &ServiceClient,
    target: InheritedTarget<'_>,
    actor: Actor<'_>,
    role_id: &str,
) -> ApiResult<()> {
    let (.., unassign) = inherited_ops(target, actor);
    client
        .request(
            unassign,
            &params(Some(inherited_id(target)), actor, Some(role_id)),
        )
        .send()
        .await
}
