//! RBAC policies: share a network, QoS policy, security group, address scope, subnet
//! pool or address group with one project (or with every project, `*`), or offer a
//! network as external to it. List (typed filters), show, create, update (the target
//! project), delete. A project sees the object while a policy grants it access;
//! Neutron refuses to delete a policy while the project uses the object.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, net_id: &str, project: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::rbac_policies::{self, Action, CreateOpts, ObjectType};
//! let opts = CreateOpts::new(ObjectType::Network, net_id, Action::AccessAsShared, project);
//! let policy = rbac_policies::create(&network, &opts).await.extract()?;
//! // ... the project now sees the network as shared ...
//! rbac_policies::delete(&network, &policy.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::request::{Extensible, Validate};
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List RBAC policies.
    LIST = GET "/rbac-policies" list("rbac_policies", RbacPolicy);
    /// Show an RBAC policy.
    GET = GET "/rbac-policies/{rbac_policy_id}" response("rbac_policy", RbacPolicy);
    /// Create an RBAC policy.
    CREATE = POST "/rbac-policies" request("rbac_policy", CreateOpts) response("rbac_policy", RbacPolicy);
    /// Update an RBAC policy (its target project).
    UPDATE = PUT "/rbac-policies/{rbac_policy_id}"
        request("rbac_policy", UpdateOpts)
        response("rbac_policy", RbacPolicy);
    /// Delete an RBAC policy.
    DELETE = DELETE "/rbac-policies/{rbac_policy_id}";
}

/// The target project that stands for every project.
pub const EVERY_PROJECT: &str = "*";

/// The kind of object a policy grants access to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ObjectType {
    /// A network.
    #[serde(rename = "network")]
    Network,
    /// A QoS policy.
    #[serde(rename = "qos_policy")]
    QosPolicy,
    /// A security group.
    #[serde(rename = "security_group")]
    SecurityGroup,
    /// An address scope.
    #[serde(rename = "address_scope")]
    AddressScope,
    /// A subnet pool.
    #[serde(rename = "subnetpool")]
    SubnetPool,
    /// An address group.
    #[serde(rename = "address_group")]
    AddressGroup,
    /// A kind this SDK does not know (a plugin's: `bgpvpn`…).
    #[serde(untagged)]
    Other(String),
}

/// What a policy grants.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Action {
    /// Use the object as if it were shared (every object type).
    #[serde(rename = "access_as_shared")]
    AccessAsShared,
    /// Attach routers to the network as an external network (networks only).
    #[serde(rename = "access_as_external")]
    AccessAsExternal,
    /// An action this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// An RBAC policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RbacPolicy {
    /// The ID.
    pub id: String,
    /// The kind of object.
    pub object_type: ObjectType,
    /// The object.
    pub object_id: String,
    /// What it grants.
    pub action: Action,
    /// The project granted access ([`EVERY_PROJECT`]: all of them).
    pub target_tenant: String,
    /// The project that owns the policy.
    pub project_id: String,
    /// The owning project, under its older name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

/// Options for creating an RBAC policy.
///
/// ```
/// use ferrocloud::openstack::networking::v2::rbac_policies::{Action, CreateOpts, ObjectType};
/// let opts = CreateOpts::new(ObjectType::Network, "1f32f072", Action::AccessAsShared, "0670b690");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "object_type": "network", "object_id": "1f32f072",
///     "action": "access_as_shared", "target_tenant": "0670b690"}));
/// use ferrocloud::request::Validate;
/// let bad = CreateOpts::new(ObjectType::SubnetPool, "s1", Action::AccessAsExternal, "*");
/// assert!(bad.validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The kind of object.
    pub object_type: ObjectType,
    /// The object.
    pub object_id: String,
    /// What to grant.
    pub action: Action,
    /// The project to grant it to ([`EVERY_PROJECT`]: all of them).
    pub target_tenant: String,
    /// Create the policy for another project (admin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

impl CreateOpts {
    /// Grants `action` on the `object_type` object `object_id` to `target_tenant`.
    pub fn new(
        object_type: ObjectType,
        object_id: impl Into<String>,
        action: Action,
        target_tenant: impl Into<String>,
    ) -> Self {
        CreateOpts {
            object_type,
            object_id: object_id.into(),
            action,
            target_tenant: target_tenant.into(),
            project_id: None,
        }
    }
    /// Creates the policy for another project.
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }
}

impl Extensible for CreateOpts {
    type Base = CreateOpts;
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.object_id.is_empty() {
            return Err(Error::invalid_input("object_id is required"));
        }
        if self.target_tenant.is_empty() {
            return Err(Error::invalid_input(
                "target_tenant is required (\"*\" for every project)",
            ));
        }
        if self.action == Action::AccessAsExternal
            && !matches!(self.object_type, ObjectType::Network | ObjectType::Other(_))
        {
            return Err(Error::invalid_input(
                "access_as_external applies to networks only",
            ));
        }
        Ok(())
    }
}

/// Changes to an RBAC policy: only its target project can change.
///
/// ```
/// use ferrocloud::openstack::networking::v2::rbac_policies::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::new("*")).unwrap(),
///            serde_json::json!({"target_tenant": "*"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// The new target project.
    pub target_tenant: String,
}

impl UpdateOpts {
    /// Grants the access to `target_tenant` instead.
    pub fn new(target_tenant: impl Into<String>) -> Self {
        UpdateOpts {
            target_tenant: target_tenant.into(),
        }
    }
}

impl Extensible for UpdateOpts {
    type Base = UpdateOpts;
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        if self.target_tenant.is_empty() {
            return Err(Error::invalid_input("target_tenant must not be empty"));
        }
        Ok(())
    }
}

/// Filters for listing RBAC policies; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::rbac_policies::{Action, ListOpts, ObjectType};
/// let opts = ListOpts {
///     object_type: Some(ObjectType::Network),
///     action: Some(Action::AccessAsExternal),
///     ..ListOpts::default()
/// };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "object_type=network&action=access_as_external");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By kind of object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object_type: Option<ObjectType>,
    /// By object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object_id: Option<String>,
    /// By action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// By target project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_tenant: Option<String>,
    /// By owning project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::common::resource_functions! {
    RbacPolicy, "RBAC policy", "rbac_policies", extract_rbac_policies;
    list get create update delete
}
