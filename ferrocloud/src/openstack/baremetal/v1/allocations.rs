//! Allocations (1.52): a request for a node of a resource class (and traits), which
//! Ironic fills by picking an available node. Ironic addresses an allocation by name or
//! UUID. `state` goes from `allocating` to `active` or `error`:
//! [`wait_for_state`](crate::openstack::baremetal::v1::allocations::wait_for_state) waits for it.
//!
//! ```no_run
//! # async fn demo(ironic: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetal::v1::allocations::{self, AllocationState, CreateOpts};
//! let a = allocations::create(&ironic, &CreateOpts::new("bm-large")).await.extract()?;
//! let a = allocations::wait_for_state(&ironic, &a.uuid, AllocationState::Active, &Default::default()).await?;
//! println!("{:?}", a.node_uuid);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::{Links, Listing, Object, Versioned, since, text_enum};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "baremetal";
    /// Create an allocation.
    CREATE = POST "/allocations" since("1.52") request(CreateOpts) response(Allocation);
    /// List allocations.
    LIST = GET "/allocations" since("1.52") list("allocations", Allocation);
    /// Show an allocation.
    GET = GET "/allocations/{allocation_id}" since("1.52") response(Allocation);
    /// Update an allocation's name or extra.
    UPDATE = PATCH "/allocations/{allocation_id}" since("1.57") request(super::common::Patch) response(Allocation);
    /// Delete an allocation.
    DELETE = DELETE "/allocations/{allocation_id}" since("1.52");
    /// Show a node's allocation.
    GET_BY_NODE = GET "/nodes/{node_ident}/allocation" since("1.52") response(Allocation);
    /// Delete a node's allocation.
    DELETE_BY_NODE = DELETE "/nodes/{node_ident}/allocation" since("1.52");
}

text_enum! {
    /// An allocation's state.
    ///
    /// ```
    /// use ferrocloud::openstack::baremetal::v1::allocations::AllocationState;
    /// assert_eq!(serde_json::from_str::<AllocationState>("\"active\"").unwrap(), AllocationState::Active);
    /// ```
    AllocationState {
        /// A node is being picked.
        Allocating = "allocating",
        /// A node was picked.
        Active = "active",
        /// No node could be picked: `last_error` says why.
        Error = "error",
    }
}

/// An allocation.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Allocation {
    /// The UUID.
    pub uuid: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The nodes it may pick from (empty: any).
    pub candidate_nodes: Vec<String>,
    /// Why it failed.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub last_error: Option<String>,
    /// The node picked.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub node_uuid: Option<String>,
    /// The resource class asked for.
    pub resource_class: String,
    /// Its state.
    pub state: AllocationState,
    /// The traits asked for.
    pub traits: Vec<String>,
    /// The owner project (1.60).
    #[serde(default)]
    pub owner: Option<String>,
    /// Free-form data.
    pub extra: Object,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it last changed.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub updated_at: Option<Timestamp>,
    /// Its links.
    pub links: Links,
}

/// What [`list`] filters on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// Allocations of this node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// Allocations of this resource class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_class: Option<String>,
    /// Allocations in this state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<AllocationState>,
    /// Allocations of this owner (1.60).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Paging, sorting, fields.
    #[serde(flatten)]
    pub listing: Listing,
}

impl Versioned for ListOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        since(client, "owner", self.owner.is_some(), "1.60")?;
        self.listing.check(client)
    }
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::baremetal::v1::allocations::CreateOpts;
/// let o = CreateOpts { name: Some("allocation-2".into()), traits: vec!["CUSTOM_GOLD".into()], ..CreateOpts::new("bm-large") };
/// assert_eq!(serde_json::to_value(&o).unwrap(), serde_json::json!(
///     {"resource_class": "bm-large", "name": "allocation-2", "traits": ["CUSTOM_GOLD"]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The resource class of the node.
    pub resource_class: String,
    /// The nodes to pick from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidate_nodes: Vec<String>,
    /// A name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The traits the node must have.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub traits: Vec<String>,
    /// A UUID of one's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Free-form data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<Object>,
    /// Backfill: record an allocation for this deployed node (1.58).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// The owner project (1.60).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

impl CreateOpts {
    /// An allocation of a node of `resource_class`.
    pub fn new(resource_class: impl Into<String>) -> Self {
        CreateOpts {
            resource_class: resource_class.into(),
            ..Default::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("resource_class", !self.resource_class.is_empty() || self.node.is_some())
    }
}

impl Versioned for CreateOpts {
    fn check(&self, client: &ServiceClient) -> Result<()> {
        since(client, "node", self.node.is_some(), "1.58")?;
        since(client, "owner", self.owner.is_some(), "1.60")
    }
}

super::common::resource_functions!(Allocation, Allocation, "allocation"; list get create update delete find);

/// A node's allocation (1.52).
pub async fn get_by_node(client: &ServiceClient, node: &str) -> ApiResult<Allocation> {
    client.request(&GET_BY_NODE, &[node]).send().await
}

/// Deletes a node's allocation (1.52; `204`).
pub async fn delete_by_node(client: &ServiceClient, node: &str) -> ApiResult<()> {
    client.request(&DELETE_BY_NODE, &[node]).send().await
}

/// Waits until the allocation is in `state`; `error` ends the wait with its
/// `last_error`.
pub async fn wait_for_state(
    client: &ServiceClient,
    ident: &str,
    state: AllocationState,
    opts: &crate::wait::WaitOpts,
) -> Result<Allocation> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("allocation {ident} to be {state}"),
        opts,
        || async { get(client, ident).await.extract() },
        |a: &Allocation| {
            if a.state == state {
                State::Ready
            } else if a.state == AllocationState::Error {
                State::Failed(format!(
                    "allocation {ident} failed: {}",
                    a.last_error.as_deref().unwrap_or("no error recorded")
                ))
            } else {
                State::Pending
            }
        },
        |_| {},
    )
    .await
}
