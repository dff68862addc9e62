//! DSCP marking rules: the DSCP mark Neutron sets on a port's outgoing packets. List,
//! show, create, update and delete under a policy; show, update and delete by rule ID
//! alone (`*_alias`).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, policy_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::qos::dscp_marking_rules::{self, CreateOpts, UpdateOpts};
//! let rule = dscp_marking_rules::create(&network, policy_id, &CreateOpts::new(26)).await.extract()?;
//! dscp_marking_rules::update(&network, policy_id, &rule.id, &UpdateOpts::default().dscp_mark(16))
//!     .await.extract()?;
//! dscp_marking_rules::delete_alias(&network, &rule.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::request::Validate;
use crate::{Error, Result};

crate::operations! {
    service: "network";
    /// List a policy's DSCP marking rules.
    LIST = GET "/qos/policies/{policy_id}/dscp_marking_rules"
        list("dscp_marking_rules", DscpMarkingRule);
    /// Show a DSCP marking rule.
    GET = GET "/qos/policies/{policy_id}/dscp_marking_rules/{dscp_rule_id}"
        response("dscp_marking_rule", DscpMarkingRule);
    /// Create a DSCP marking rule.
    CREATE = POST "/qos/policies/{policy_id}/dscp_marking_rules"
        request("dscp_marking_rule", CreateOpts)
        response("dscp_marking_rule", DscpMarkingRule);
    /// Update a DSCP marking rule.
    UPDATE = PUT "/qos/policies/{policy_id}/dscp_marking_rules/{dscp_rule_id}"
        request("dscp_marking_rule", UpdateOpts)
        response("dscp_marking_rule", DscpMarkingRule);
    /// Delete a DSCP marking rule.
    DELETE = DELETE "/qos/policies/{policy_id}/dscp_marking_rules/{dscp_rule_id}";
    /// Show a DSCP marking rule by its ID alone.
    ALIAS_GET = GET "/qos/alias_dscp_marking_rules/{dscp_rule_id}"
        response("alias_dscp_marking_rule", DscpMarkingRule);
    /// Update a DSCP marking rule by its ID alone.
    ALIAS_UPDATE = PUT "/qos/alias_dscp_marking_rules/{dscp_rule_id}"
        request("alias_dscp_marking_rule", UpdateOpts)
        response("alias_dscp_marking_rule", DscpMarkingRule);
    /// Delete a DSCP marking rule by its ID alone.
    ALIAS_DELETE = DELETE "/qos/alias_dscp_marking_rules/{dscp_rule_id}";
}

/// The DSCP marks Neutron accepts.
pub const VALID_MARKS: [u8; 22] = [
    0, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 44, 46, 48, 56,
];

fn check_mark(mark: u8) -> Result<()> {
    if VALID_MARKS.contains(&mark) {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "dscp_mark {mark} is not one Neutron accepts ({VALID_MARKS:?})"
        )))
    }
}

/// A DSCP marking rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DscpMarkingRule {
    /// The ID.
    pub id: String,
    /// The mark (one of [`VALID_MARKS`]).
    pub dscp_mark: u8,
}

/// Options for creating a DSCP marking rule.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::dscp_marking_rules::CreateOpts;
/// use ferrocloud::request::Validate;
/// assert_eq!(serde_json::to_value(CreateOpts::new(26)).unwrap(), serde_json::json!({"dscp_mark": 26}));
/// assert!(CreateOpts::new(27).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateOpts {
    /// The mark (one of [`VALID_MARKS`]).
    pub dscp_mark: u8,
}

impl CreateOpts {
    /// A rule marking packets with `dscp_mark`.
    pub fn new(dscp_mark: u8) -> Self {
        CreateOpts { dscp_mark }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        check_mark(self.dscp_mark)
    }
}

/// Changes to a DSCP marking rule.
///
/// ```
/// use ferrocloud::openstack::networking::v2::qos::dscp_marking_rules::UpdateOpts;
/// assert_eq!(serde_json::to_value(UpdateOpts::default().dscp_mark(16)).unwrap(),
///     serde_json::json!({"dscp_mark": 16}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateOpts {
    /// A new mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dscp_mark: Option<u8>,
}

impl UpdateOpts {
    /// Sets the mark.
    pub fn dscp_mark(mut self, mark: u8) -> Self {
        self.dscp_mark = Some(mark);
        self
    }
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        self.dscp_mark.map_or(Ok(()), check_mark)
    }
}

crate::openstack::networking::v2::common::child_resource_functions! {
    DscpMarkingRule, "DSCP marking rule", "dscp_marking_rules", "QoS policy", extract_dscp_marking_rules,
    crate::openstack::networking::v2::common::ListControls; list get create update delete
}

super::alias_functions!(DscpMarkingRule, "DSCP marking rule");
