//! Identity API v3 (Keystone).

use serde::{Deserialize, Serialize};

/// The `links` object of an identity resource or listing.
///
/// ```
/// let l: ferrocloud::openstack::identity::v3::Links =
///     serde_json::from_str(r#"{"self": "http://k/v3/projects/1", "next": null}"#).unwrap();
/// assert_eq!(l.self_link.as_deref(), Some("http://k/v3/projects/1"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Links {
    /// The resource's own URL.
    #[serde(default, rename = "self", skip_serializing_if = "Option::is_none")]
    pub self_link: Option<String>,
    /// The next page of a listing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// The previous page of a listing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
}

crate::resources! {
    /// Projects (tenants), their tags and hierarchy.
    pub mod projects;
}
