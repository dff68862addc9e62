//! Role assignments: who holds which role where, with every filter Keystone offers.
//!
//! The listing's filters are query keys with dots in them (`user.id`,
//! `scope.project.id`, `scope.OS-INHERIT:inherited_to`…); [`ListOpts`][opts] names them
//! as plain fields and writes them as Keystone expects. `effective` expands group
//! memberships, inherited assignments and implied roles into the user assignments they
//! amount to; `include_names` adds the names of users, groups, roles, projects and
//! domains.
//!
//! [opts]: crate::openstack::identity::v3::role_assignments::ListOpts
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::role_assignments::{self, ListOpts};
//! let opts = ListOpts {
//!     user_id: Some("u1".into()),
//!     project_id: Some("p1".into()),
//!     effective: true,
//!     include_names: true,
//!     ..Default::default()
//! };
//! for a in role_assignments::list(&identity, &opts).all_pages().await?.extract()? {
//!     println!("{:?} on {:?}", a.role.name, a.scope);
//! }
//! # Ok(()) }
//! ```

use serde::ser::Error as _;
use serde::{Deserialize, Serialize, Serializer};

use crate::pagination::{PageStyle, Pager};
use crate::request::Validate;
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List role assignments.
    LIST = GET "/role_assignments" list("role_assignments", RoleAssignment);
}

/// One role assignment: a role held by a user or a group on a scope.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct RoleAssignment {
    /// The role.
    pub role: Entity,
    /// The user holding it (also for the user assignments an `effective` listing derives
    /// from group memberships).
    #[serde(default)]
    pub user: Option<Entity>,
    /// The group holding it.
    #[serde(default)]
    pub group: Option<Entity>,
    /// Where it applies.
    pub scope: AssignmentScope,
    /// Links to the assignment and to what it derives from.
    pub links: AssignmentLinks,
}

/// A user, group, role, project or domain in an assignment: its ID and, with
/// `include_names`, its name and domain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// The ID.
    pub id: String,
    /// The name (with `include_names`).
    #[serde(default)]
    pub name: Option<String>,
    /// The domain it belongs to (with `include_names`; for a role, only when it is
    /// domain-specific).
    #[serde(default)]
    pub domain: Option<EntityDomain>,
}

/// The domain of an [`Entity`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct EntityDomain {
    /// The domain's ID.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
}

/// Where an assignment applies: one of a project, a domain or the system.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AssignmentScope {
    /// A project.
    #[serde(default)]
    pub project: Option<Entity>,
    /// A domain.
    #[serde(default)]
    pub domain: Option<Entity>,
    /// The system (`{"all": true}`).
    #[serde(default)]
    pub system: Option<SystemScope>,
    /// `"projects"` for an assignment inherited by the projects below the scope
    /// (OS-INHERIT).
    #[serde(default, rename = "OS-INHERIT:inherited_to")]
    pub inherited_to: Option<String>,
}

impl AssignmentScope {
    /// True for an assignment on the system.
    pub fn is_system(&self) -> bool {
        self.system.as_ref().is_some_and(|s| s.all)
    }

    /// True for an assignment inherited by the projects below its scope.
    pub fn is_inherited(&self) -> bool {
        self.inherited_to.as_deref() == Some("projects")
    }
}

/// The system scope of an assignment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SystemScope {
    /// The whole deployment.
    pub all: bool,
}

/// The links of a role assignment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AssignmentLinks {
    /// The grant this assignment is (or derives from).
    #[serde(default)]
    pub assignment: Option<String>,
    /// In an `effective` listing, the group membership it derives from.
    #[serde(default)]
    pub membership: Option<String>,
    /// In an `effective` listing, the inference rule it derives from.
    #[serde(default)]
    pub prior_role: Option<String>,
}

/// Filters for listing role assignments. At most one of `user_id` and `group_id`, and at
/// most one of `project_id`, `domain_id` and `system`; `include_subtree` needs
/// `project_id`. Set flags are sent; unset ones are left out (Keystone reads
/// `effective=false` as *effective*).
///
/// ```
/// use ferrocloud::openstack::identity::v3::role_assignments::ListOpts;
/// let o = ListOpts {
///     user_id: Some("u1".into()),
///     domain_id: Some("d1".into()),
///     inherited_to_projects: true,
///     effective: true,
///     ..Default::default()
/// };
/// assert_eq!(
///     ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()),
///     "user.id=u1&scope.domain.id=d1&scope.OS-INHERIT%3Ainherited_to=projects&effective=true"
/// );
/// let both = ListOpts { project_id: Some("p".into()), system: true, ..Default::default() };
/// assert!(ferrocloud::query::to_pairs(&both).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListOpts {
    /// Assignments of this user (`user.id`).
    pub user_id: Option<String>,
    /// Assignments of this group (`group.id`).
    pub group_id: Option<String>,
    /// Assignments of this role (`role.id`).
    pub role_id: Option<String>,
    /// Assignments on this project (`scope.project.id`).
    pub project_id: Option<String>,
    /// Assignments on this domain (`scope.domain.id`).
    pub domain_id: Option<String>,
    /// Assignments on the system (`scope.system=all`).
    pub system: bool,
    /// Only assignments inherited by the projects below the scope
    /// (`scope.OS-INHERIT:inherited_to=projects`).
    pub inherited_to_projects: bool,
    /// The user assignments in effect: group memberships, inheritance and implied roles
    /// expanded (`effective`).
    pub effective: bool,
    /// Names of users, groups, roles, projects and domains (`include_names`).
    pub include_names: bool,
    /// With `project_id`: the assignments on the projects below it too
    /// (`include_subtree`).
    pub include_subtree: bool,
}

impl Validate for ListOpts {
    fn validate(&self) -> Result<()> {
        if self.user_id.is_some() && self.group_id.is_some() {
            return Err(Error::invalid_input(
                "user_id and group_id: set at most one of them",
            ));
        }
        let scopes = [
            self.project_id.is_some(),
            self.domain_id.is_some(),
            self.system,
        ];
        if scopes.iter().filter(|s| **s).count() > 1 {
            return Err(Error::invalid_input(
                "project_id, domain_id and system: set at most one of them",
            ));
        }
        if self.include_subtree && self.project_id.is_none() {
            return Err(Error::invalid_input("include_subtree needs project_id"));
        }
        for (name, v) in [
            ("user_id", &self.user_id),
            ("group_id", &self.group_id),
            ("role_id", &self.role_id),
            ("project_id", &self.project_id),
            ("domain_id", &self.domain_id),
        ] {
            if v.as_deref() == Some("") {
                return Err(Error::invalid_input(format!("{name} must not be empty")));
            }
        }
        Ok(())
    }
}

/// The query keys as Keystone names them.
#[derive(Serialize)]
struct Query<'a> {
    #[serde(rename = "user.id", skip_serializing_if = "Option::is_none")]
    user_id: Option<&'a str>,
    #[serde(rename = "group.id", skip_serializing_if = "Option::is_none")]
    group_id: Option<&'a str>,
    #[serde(rename = "role.id", skip_serializing_if = "Option::is_none")]
    role_id: Option<&'a str>,
    #[serde(rename = "scope.project.id", skip_serializing_if = "Option::is_none")]
    project_id: Option<&'a str>,
    #[serde(rename = "scope.domain.id", skip_serializing_if = "Option::is_none")]
    domain_id: Option<&'a str>,
    #[serde(rename = "scope.system", skip_serializing_if = "Option::is_none")]
    system: Option<&'static str>,
    #[serde(
        rename = "scope.OS-INHERIT:inherited_to",
        skip_serializing_if = "Option::is_none"
    )]
    inherited_to: Option<&'static str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    effective: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    include_names: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    include_subtree: bool,
}

/// Checked with [`Validate`] first: invalid filters fail the listing before it is sent.
impl Serialize for ListOpts {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.validate()
            .map_err(|e| S::Error::custom(e.to_string()))?;
        Query {
            user_id: self.user_id.as_deref(),
            group_id: self.group_id.as_deref(),
            role_id: self.role_id.as_deref(),
            project_id: self.project_id.as_deref(),
            domain_id: self.domain_id.as_deref(),
            system: self.system.then_some("all"),
            inherited_to: self.inherited_to_projects.then_some("projects"),
            effective: self.effective,
            include_names: self.include_names,
            include_subtree: self.include_subtree,
        }
        .serialize(s)
    }
}

/// Lists role assignments.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<RoleAssignment> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The role assignments of a page.
    extract_role_assignments, RoleAssignment
}
