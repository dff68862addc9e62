//! Resource tags (`standard-attr-tag`, `tag-creation`): list, check, add, replace and
//! remove the tags of any taggable resource, named by its collection
//! ([`ResourceType`](crate::openstack::networking::v2::tags::ResourceType)) and ID.
//! Listings filter by tag with
//! [`ListControls`](crate::openstack::networking::v2::common::ListControls)'s `tags`,
//! `tags_any`, `not_tags` and `not_tags_any`.
//!
//! A resource holds at most 50 tags of at most 255 characters each.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, net_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::tags::{self, ResourceType};
//! let net = ResourceType::Networks;
//! tags::replace_all(&network, &net, net_id, &["prod", "web"]).await.extract()?;
//! tags::add(&network, &net, net_id, "blue").await.ok()?;
//! assert!(tags::check(&network, &net, net_id, "blue").await?);
//! tags::remove(&network, &net, net_id, "web").await.ok()?;
//! assert_eq!(tags::list(&network, &net, net_id).await.extract()?, ["blue", "prod"]);
//! tags::remove_all(&network, &net, net_id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "network";
    /// List the tags of a resource.
    LIST = GET "/{resource_type}/{resource_id}/tags" list("tags", String);
    /// Replace all the tags of a resource.
    REPLACE_ALL = PUT "/{resource_type}/{resource_id}/tags" request(Tags) list("tags", String);
    /// Add tags to a resource (`tag-creation`); the answer holds the tags added.
    ADD_ALL = POST "/{resource_type}/{resource_id}/tags" request(Tags) list("tags", String);
    /// Remove all the tags of a resource.
    REMOVE_ALL = DELETE "/{resource_type}/{resource_id}/tags";
    /// Check that a resource has a tag (204 if so, 404 if not).
    CHECK = GET "/{resource_type}/{resource_id}/tags/{tag}";
    /// Add one tag to a resource.
    ADD = PUT "/{resource_type}/{resource_id}/tags/{tag}";
    /// Remove one tag from a resource.
    REMOVE = DELETE "/{resource_type}/{resource_id}/tags/{tag}";
}

/// The most tags a resource holds.
pub const MAX_TAGS: usize = 50;
/// The longest tag, in characters.
pub const MAX_TAG_LEN: usize = 255;

/// A taggable resource collection, as the first segment of its tags' path.
///
/// ```
/// use ferrocloud::openstack::networking::v2::tags::ResourceType;
/// assert_eq!(ResourceType::SecurityGroups.as_str(), "security-groups");
/// // Neutron serves QoS policies' tags under `/policies`, not `/qos/policies`.
/// assert_eq!(ResourceType::QosPolicies.as_str(), "policies");
/// assert_eq!(ResourceType::Other("firewall_groups".into()).as_str(), "firewall_groups");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResourceType {
    /// Networks.
    Networks,
    /// Subnets.
    Subnets,
    /// Ports.
    Ports,
    /// Subnet pools.
    SubnetPools,
    /// Routers.
    Routers,
    /// Floating IPs.
    FloatingIps,
    /// Security groups.
    SecurityGroups,
    /// QoS policies (`qos`).
    QosPolicies,
    /// Trunks (`trunk`).
    Trunks,
    /// Address scopes.
    AddressScopes,
    /// Address groups.
    AddressGroups,
    /// Network segments.
    Segments,
    /// Network segment ranges (`network-segment-range`).
    NetworkSegmentRanges,
    /// Local IPs (`local_ip`).
    LocalIps,
    /// Another collection, by the name in its path (`firewall_groups`…).
    Other(String),
}

impl ResourceType {
    /// The path segment.
    pub fn as_str(&self) -> &str {
        match self {
            ResourceType::Networks => "networks",
            ResourceType::Subnets => "subnets",
            ResourceType::Ports => "ports",
            ResourceType::SubnetPools => "subnetpools",
            ResourceType::Routers => "routers",
            ResourceType::FloatingIps => "floatingips",
            ResourceType::SecurityGroups => "security-groups",
            ResourceType::QosPolicies => "policies",
            ResourceType::Trunks => "trunks",
            ResourceType::AddressScopes => "address-scopes",
            ResourceType::AddressGroups => "address-groups",
            ResourceType::Segments => "segments",
            ResourceType::NetworkSegmentRanges => "network_segment_ranges",
            ResourceType::LocalIps => "local_ips",
            ResourceType::Other(name) => name,
        }
    }
}

impl std::fmt::Display for ResourceType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A list of tags, the body of [`replace_all`] and [`add_all`].
///
/// ```
/// use ferrocloud::openstack::networking::v2::tags::Tags;
/// use ferrocloud::request::Validate;
/// assert_eq!(serde_json::to_value(Tags::new(["red", "blue"])).unwrap(),
///            serde_json::json!({"tags": ["red", "blue"]}));
/// assert!(Tags::new(["a", "a"]).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Tags {
    /// The tags.
    pub tags: Vec<String>,
}

impl Tags {
    /// These tags.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(tags: I) -> Self {
        Tags {
            tags: tags.into_iter().map(Into::into).collect(),
        }
    }
}

fn check_tag(tag: &str) -> Result<()> {
    if tag.is_empty() {
        return Err(Error::invalid_input("a tag must not be empty"));
    }
    if tag.chars().count() > MAX_TAG_LEN {
        return Err(Error::invalid_input(format!(
            "a tag is at most {MAX_TAG_LEN} characters long"
        )));
    }
    Ok(())
}

impl Validate for Tags {
    fn validate(&self) -> Result<()> {
        if self.tags.len() > MAX_TAGS {
            return Err(Error::invalid_input(format!(
                "a resource holds at most {MAX_TAGS} tags, not {}",
                self.tags.len()
            )));
        }
        let mut seen = std::collections::BTreeSet::new();
        for tag in &self.tags {
            check_tag(tag)?;
            if !seen.insert(tag) {
                return Err(Error::invalid_input(format!("the tag {tag:?} is given twice")));
            }
        }
        Ok(())
    }
}

/// A tag as one path segment: Neutron would read a `/` in it as a path separator.
fn path_tag(tag: &str) -> Result<()> {
    check_tag(tag)?;
    if tag.contains('/') {
        return Err(Error::invalid_input(format!(
            "the tag {tag:?} holds a '/', which cannot be sent in a path: use replace_all"
        )));
    }
    Ok(())
}

fn one_tag(
    client: &ServiceClient,
    op: &'static crate::operation::Op<()>,
    resource_type: &ResourceType,
    resource_id: &str,
    tag: &str,
) -> crate::request::RequestBuilder<()> {
    let request = client.request(op, &[resource_type.as_str(), resource_id, tag]);
    match path_tag(tag) {
        Ok(()) => request,
        Err(e) => request.fail_with(e),
    }
}

/// The tags of a resource.
pub async fn list(
    client: &ServiceClient,
    resource_type: &ResourceType,
    resource_id: &str,
) -> ApiResult<Vec<String>> {
    client
        .request(&LIST, &[resource_type.as_str(), resource_id])
        .send()
        .await
}

/// Replaces all the tags of a resource (an empty list removes them); answers with the
/// new tags.
pub async fn replace_all<S: AsRef<str>>(
    client: &ServiceClient,
    resource_type: &ResourceType,
    resource_id: &str,
    tags: &[S],
) -> ApiResult<Vec<String>> {
    client
        .request(&REPLACE_ALL, &[resource_type.as_str(), resource_id])
        .body(&Tags::new(tags.iter().map(AsRef::as_ref)))
        .send()
        .await
}

/// Adds tags to a resource, keeping the others (`tag-creation`); answers with the tags
/// added.
pub async fn add_all<S: AsRef<str>>(
    client: &ServiceClient,
    resource_type: &ResourceType,
    resource_id: &str,
    tags: &[S],
) -> ApiResult<Vec<String>> {
    client
        .request(&ADD_ALL, &[resource_type.as_str(), resource_id])
        .body(&Tags::new(tags.iter().map(AsRef::as_ref)))
        .send()
        .await
}

/// Removes all the tags of a resource.
pub async fn remove_all(
    client: &ServiceClient,
    resource_type: &ResourceType,
    resource_id: &str,
) -> ApiResult<()> {
    client
        .request(&REMOVE_ALL, &[resource_type.as_str(), resource_id])
        .send()
        .await
}

/// Whether a resource has `tag` (Neutron answers 204 or 404; other errors are errors).
pub async fn check(
    client: &ServiceClient,
    resource_type: &ResourceType,
    resource_id: &str,
    tag: &str,
) -> Result<bool> {
    one_tag(client, &CHECK, resource_type, resource_id, tag)
        .ok_codes(&[200, 204])
        .send()
        .await
        .exists()
}

/// Adds one tag to a resource (Neutron answers 201, whether it had the tag or not).
pub async fn add(
    client: &ServiceClient,
    resource_type: &ResourceType,
    resource_id: &str,
    tag: &str,
) -> ApiResult<()> {
    one_tag(client, &ADD, resource_type, resource_id, tag)
        .send()
        .await
}

/// Removes one tag from a resource (404 when it does not have it).
pub async fn remove(
    client: &ServiceClient,
    resource_type: &ResourceType,
    resource_id: &str,
    tag: &str,
) -> ApiResult<()> {
    one_tag(client, &REMOVE, resource_type, resource_id, tag)
        .send()
        .await
}
