//! Metering label rules (admin, `metering`): the traffic a
//! [metering label](crate::openstack::networking::v2::metering_labels) counts, by
//! direction and address prefix, or leaves out (`excluded`). List, show, create, delete:
//! Neutron refuses updates.
//!
//! `remote_ip_prefix` is deprecated (Neutron logs a warning): give `source_ip_prefix`
//! and/or `destination_ip_prefix` instead (`metering_source_and_destination_fields`);
//! Neutron refuses a rule with both kinds.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::metering_label_rules::{self, CreateOpts, Direction, ListOpts};
//! let opts = CreateOpts::new("label-id", Direction::Egress).destination_ip_prefix("0.0.0.0/0");
//! let rule = metering_label_rules::create(&network, &opts).await.extract()?;
//! let of_label = ListOpts { metering_label_id: Some("label-id".into()), ..ListOpts::default() };
//! assert!(metering_label_rules::list(&network, &of_label).all().await?.iter().any(|r| r.id == rule.id));
//! metering_label_rules::delete(&network, &rule.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ListControls;
use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List metering label rules.
    LIST = GET "/metering/metering-label-rules" list("metering_label_rules", MeteringLabelRule);
    /// Show a metering label rule.
    GET = GET "/metering/metering-label-rules/{metering_label_rule_id}"
        response("metering_label_rule", MeteringLabelRule);
    /// Create a metering label rule.
    CREATE = POST "/metering/metering-label-rules" request("metering_label_rule", CreateOpts)
        response("metering_label_rule", MeteringLabelRule);
    /// Delete a metering label rule.
    DELETE = DELETE "/metering/metering-label-rules/{metering_label_rule_id}";
}

/// The direction of the traffic a rule matches, seen from the router.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Traffic into the router.
    Ingress,
    /// Traffic out of the router.
    Egress,
}

/// A metering label rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MeteringLabelRule {
    /// The ID.
    pub id: String,
    /// The label it belongs to.
    pub metering_label_id: String,
    /// The direction it matches.
    pub direction: Direction,
    /// The remote prefix it matches (deprecated; `null` when the rule uses source and
    /// destination prefixes).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub remote_ip_prefix: Option<String>,
    /// The source prefix it matches (`metering_source_and_destination_fields`).
    #[serde(default)]
    pub source_ip_prefix: Option<String>,
    /// The destination prefix it matches (`metering_source_and_destination_fields`).
    #[serde(default)]
    pub destination_ip_prefix: Option<String>,
    /// True when the matched traffic is left out of the count.
    pub excluded: bool,
}

/// Options for creating a metering label rule: the label, the direction, and a remote
/// prefix or source/destination prefixes.
///
/// ```
/// use ferrocloud::openstack::networking::v2::metering_label_rules::{CreateOpts, Direction};
/// let opts = CreateOpts::new("e131d186", Direction::Ingress).remote_ip_prefix("10.0.1.0/24");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "metering_label_id": "e131d186", "direction": "ingress", "remote_ip_prefix": "10.0.1.0/24"}));
/// use ferrocloud::request::Validate;
/// assert!(opts.clone().source_ip_prefix("10.0.0.0/8").validate().is_err());
/// assert!(CreateOpts::new("e131d186", Direction::Egress).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The label the rule belongs to.
    pub metering_label_id: String,
    /// The direction it matches.
    pub direction: Direction,
    /// The remote prefix it matches (deprecated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_ip_prefix: Option<String>,
    /// The source prefix it matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_ip_prefix: Option<String>,
    /// The destination prefix it matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_ip_prefix: Option<String>,
    /// Leave the matched traffic out of the count (false by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded: Option<bool>,
}

impl CreateOpts {
    /// A rule of label `metering_label_id` for traffic in `direction` (give it a prefix).
    pub fn new(metering_label_id: impl Into<String>, direction: Direction) -> Self {
        CreateOpts {
            metering_label_id: metering_label_id.into(),
            direction,
            remote_ip_prefix: None,
            source_ip_prefix: None,
            destination_ip_prefix: None,
            excluded: None,
        }
    }
    /// Matches this remote prefix (deprecated).
    pub fn remote_ip_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.remote_ip_prefix = Some(prefix.into());
        self
    }
    /// Matches this source prefix.
    pub fn source_ip_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.source_ip_prefix = Some(prefix.into());
        self
    }
    /// Matches this destination prefix.
    pub fn destination_ip_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.destination_ip_prefix = Some(prefix.into());
        self
    }
    /// Leaves the matched traffic out of the count.
    pub fn excluded(mut self, excluded: bool) -> Self {
        self.excluded = Some(excluded);
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("metering_label_id", !self.metering_label_id.is_empty())?;
        let remote = self.remote_ip_prefix.is_some();
        let source_dest = self.source_ip_prefix.is_some() || self.destination_ip_prefix.is_some();
        if remote && source_dest {
            return Err(Error::invalid_input(
                "set remote_ip_prefix or source/destination_ip_prefix, not both",
            ));
        }
        if !remote && !source_dest {
            return Err(Error::invalid_input(
                "a metering label rule needs remote_ip_prefix, source_ip_prefix or destination_ip_prefix",
            ));
        }
        Ok(())
    }
}

/// Filters for listing metering label rules; sorting, paging and other filters are in
/// `controls`.
///
/// ```
/// use ferrocloud::openstack::networking::v2::metering_label_rules::{Direction, ListOpts};
/// let opts = ListOpts { direction: Some(Direction::Egress), excluded: Some(true), ..ListOpts::default() };
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs), "direction=egress&excluded=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// By ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// By label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metering_label_id: Option<String>,
    /// By direction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// By remote prefix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_ip_prefix: Option<String>,
    /// By source prefix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_ip_prefix: Option<String>,
    /// By destination prefix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_ip_prefix: Option<String>,
    /// Excluding rules only, or counting ones only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded: Option<bool>,
    /// Sorting, paging, fields and any other filter.
    #[serde(flatten)]
    pub controls: ListControls,
}

super::crud::crud! {
    MeteringLabelRule, "metering label rule", "metering label rules", "metering_label_rules_links",
    extract_metering_label_rules;
    list, get, create, delete
}
