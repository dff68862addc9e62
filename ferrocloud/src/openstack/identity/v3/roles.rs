//! Roles, domain-specific roles and implied roles (inference rules).
//!
//! A role is global unless it is created with a `domain_id`: a domain-specific role can
//! only be assigned within its domain, and only grants the roles it implies. An inference
//! rule says that a *prior* role implies another one: whoever holds the prior role also
//! holds the implied one in tokens. Granting roles to users and groups is in
//! [`grants`]; listing who holds what is in
//! [`role_assignments`].
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::roles::{self, CreateOpts};
//! let auditor = roles::create(&identity, &CreateOpts::new("auditor")).await.extract()?;
//! let reader = roles::find(&identity, "reader").await?;
//! // Every auditor is also a reader.
//! let rule = roles::create_inference(&identity, &auditor.id, &reader.id).await.extract()?;
//! assert_eq!(rule.role_inference.implies.name, "reader");
//! assert!(roles::is_implied(&identity, &auditor.id, &reader.id).await?);
//! roles::delete_inference(&identity, &auditor.id, &reader.id).await.ok()?;
//! roles::delete(&identity, &auditor.id).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Links;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List roles.
    LIST = GET "/roles" list("roles", Role);
    /// Create a role (global, or domain-specific with a `domain_id`).
    CREATE = POST "/roles" request("role", CreateOpts) response("role", Role);
    /// Show a role.
    GET = GET "/roles/{role_id}" response("role", Role);
    /// Update a role.
    UPDATE = PATCH "/roles/{role_id}" request("role", UpdateOpts) response("role", Role);
    /// Delete a role.
    DELETE = DELETE "/roles/{role_id}";
    /// List the roles a role implies.
    LIST_IMPLIED = GET "/roles/{prior_role_id}/implies" response(ImpliedRolesResponse);
    /// Create an inference rule: the prior role implies another one.
    CREATE_INFERENCE = PUT "/roles/{prior_role_id}/implies/{implies_role_id}" response(InferenceRuleResponse);
    /// Show an inference rule.
    GET_INFERENCE = GET "/roles/{prior_role_id}/implies/{implies_role_id}" response(InferenceRuleResponse);
    /// Check that an inference rule exists.
    CHECK_INFERENCE = HEAD "/roles/{prior_role_id}/implies/{implies_role_id}";
    /// Delete an inference rule.
    DELETE_INFERENCE = DELETE "/roles/{prior_role_id}/implies/{implies_role_id}";
    /// List every inference rule.
    LIST_INFERENCES = GET "/role_inferences" list("role_inferences", ImpliedRoles);
}

/// A role.
///
/// Role references inside other resources (inference rules, grants, trusts, application
/// credentials) carry only some of these fields: the others are `None` (or empty).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Role {
    /// The role's ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// The domain of a domain-specific role; `None` for a global role.
    #[serde(default)]
    pub domain_id: Option<String>,
    /// Resource options (e.g. `immutable`).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub options: BTreeMap<String, Value>,
    /// Links to it (`None` in the roles of an application credential).
    #[serde(default)]
    pub links: Option<Links>,
}

impl crate::find::Named for Role {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// A role named in a request (a trust's or an application credential's roles), by ID or
/// by name.
///
/// ```
/// use ferrocloud::openstack::identity::v3::roles::RoleRef;
/// assert_eq!(serde_json::to_string(&RoleRef::name("reader")).unwrap(), r#"{"name":"reader"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleRef {
    /// The role's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The role's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl RoleRef {
    /// The role with this ID.
    pub fn id(id: impl Into<String>) -> Self {
        RoleRef {
            id: Some(id.into()),
            name: None,
        }
    }

    /// The role with this name.
    pub fn name(name: impl Into<String>) -> Self {
        RoleRef {
            id: None,
            name: Some(name.into()),
        }
    }

    /// Checks that the role is named by ID or by name (`field` names it in the error).
    pub(crate) fn check(&self, field: &str) -> Result<()> {
        let set = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
        if set(&self.id) || set(&self.name) {
            Ok(())
        } else {
            Err(Error::invalid_input(format!(
                "{field}: a role needs an id or a name"
            )))
        }
    }
}

/// Filters for listing roles.
///
/// ```
/// use ferrocloud::openstack::identity::v3::roles::ListOpts;
/// let o = ListOpts { domain_id: Some("d1".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&o).unwrap()), "domain_id=d1");
/// ```
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// Roles with this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The domain-specific roles of this domain (global roles are listed without it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
}

/// A new role.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (required).
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The domain, for a domain-specific role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// Resource options (e.g. `{"immutable": true}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, Value>>,
}

impl CreateOpts {
    /// A global role named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            ..Default::default()
        }
    }

    /// Sets the description.
    pub fn description(mut self, d: impl Into<String>) -> Self {
        self.description = Some(d.into());
        self
    }

    /// Makes it a domain-specific role of `domain_id`.
    pub fn domain_id(mut self, d: impl Into<String>) -> Self {
        self.domain_id = Some(d.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("name", !self.name.is_empty())
    }
}

/// Changes to a role; unset fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Resource options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, Value>>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.name.as_deref() == Some("") {
            return Err(Error::invalid_input("name must not be empty"));
        }
        Ok(())
    }
}

/// One inference rule: `prior_role` implies `implies`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct InferenceRule {
    /// The prior role.
    pub prior_role: Role,
    /// The role it implies.
    pub implies: Role,
}

/// The answer to creating or showing an inference rule.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct InferenceRuleResponse {
    /// The rule.
    pub role_inference: InferenceRule,
    /// Links to the rule.
    pub links: Links,
}

/// A prior role and every role it implies (directly).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ImpliedRoles {
    /// The prior role.
    pub prior_role: Role,
    /// The roles it implies.
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub implies: Vec<Role>,
}

/// The answer to listing the roles a role implies.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ImpliedRolesResponse {
    /// The prior role and the roles it implies.
    pub role_inference: ImpliedRoles,
    /// Links to the listing.
    pub links: Links,
}

/// Lists roles.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Role> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The roles of a page.
    extract_roles, Role
}

/// Creates a role.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Role> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Shows a role.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<Role> {
    client.request(&GET, &[id]).send().await
}

/// Updates a role.
pub async fn update(client: &ServiceClient, id: &str, opts: &UpdateOpts) -> ApiResult<Role> {
    client.request(&UPDATE, &[id]).body(opts).send().await
}

/// Deletes a role.
pub async fn delete(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[id]).send().await
}

/// Finds a role by ID or exact name (global roles; a domain-specific role by its ID).
pub async fn find(client: &ServiceClient, name_or_id: &str) -> Result<Role> {
    let by_name = ListOpts {
        name: Some(name_or_id.to_string()),
        ..Default::default()
    };
    crate::find::find(
        "role",
        name_or_id,
        get(client, name_or_id),
        list(client, &by_name),
    )
    .await
}

/// Lists the roles that `prior_role_id` implies.
pub async fn list_implied(
    client: &ServiceClient,
    prior_role_id: &str,
) -> ApiResult<ImpliedRolesResponse> {
    client.request(&LIST_IMPLIED, &[prior_role_id]).send().await
}

/// Creates the rule "`prior_role_id` implies `implied_role_id`".
pub async fn create_inference(
    client: &ServiceClient,
    prior_role_id: &str,
    implied_role_id: &str,
) -> ApiResult<InferenceRuleResponse> {
    client
        .request(&CREATE_INFERENCE, &[prior_role_id, implied_role_id])
        .send()
        .await
}

/// Shows the rule "`prior_role_id` implies `implied_role_id`".
pub async fn get_inference(
    client: &ServiceClient,
    prior_role_id: &str,
    implied_role_id: &str,
) -> ApiResult<InferenceRuleResponse> {
    client
        .request(&GET_INFERENCE, &[prior_role_id, implied_role_id])
        .send()
        .await
}

/// Whether `prior_role_id` implies `implied_role_id`: `Ok(false)` when Keystone answers
/// 404.
pub async fn is_implied(
    client: &ServiceClient,
    prior_role_id: &str,
    implied_role_id: &str,
) -> Result<bool> {
    let sent = client
        .request(&CHECK_INFERENCE, &[prior_role_id, implied_role_id])
        .send()
        .await;
    sent.exists()
}

/// Deletes the rule "`prior_role_id` implies `implied_role_id`".
pub async fn delete_inference(
    client: &ServiceClient,
    prior_role_id: &str,
    implied_role_id: &str,
) -> ApiResult<()> {
    client
        .request(&DELETE_INFERENCE, &[prior_role_id, implied_role_id])
        .send()
        .await
}

/// Lists every inference rule, grouped by prior role.
pub fn list_inferences(client: &ServiceClient) -> Pager<ImpliedRoles> {
    client
        .request(&LIST_INFERENCES, &[])
        .paged(PageStyle::Links("links"))
}
