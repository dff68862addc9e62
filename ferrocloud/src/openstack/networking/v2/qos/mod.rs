//! Quality of service (the `qos` service plugin): policies, the rules they hold, and
//! the rule types the loaded QoS drivers support. A policy applies to a network or a
//! port through their `qos_policy_id` attribute
//! ([`QosPolicyId`](crate::openstack::networking::v2::extensions::qos::QosPolicyId)).
//!
//! Every rule kind has its module with the same functions: `list`, `get`, `create`,
//! `update` and `delete` under a policy (`/qos/policies/{policy_id}/<kind>_rules`), and,
//! except for packet rate limit rules, `get_alias`, `update_alias` and `delete_alias`
//! that address a rule by its ID alone (`qos-rules-alias`).
//!
//! Neutron refuses to apply a policy to a network or port when a rule of it is of a
//! kind no loaded QoS driver supports (409, `QosRuleNotSupportedByNetwork`); a policy
//! applied to nothing holds rules of every kind.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient, net_id: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::extensions::qos::QosPolicyId;
//! use ferrocloud::openstack::networking::v2::networks;
//! use ferrocloud::openstack::networking::v2::qos::{bandwidth_limit_rules, policies, Direction};
//! use ferrocloud::request::With;
//!
//! let policy = policies::create(&network, &policies::CreateOpts::new("10Mbit")).await.extract()?;
//! let opts = bandwidth_limit_rules::CreateOpts::new(10_000).direction(Direction::Ingress);
//! bandwidth_limit_rules::create(&network, &policy.id, &opts).await.extract()?;
//! let update = With::new(
//!     networks::UpdateOpts::default(),
//!     QosPolicyId::default().qos_policy_id(policy.id.as_str()),
//! );
//! networks::update(&network, net_id, &update).await.extract()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

crate::resources! {
    nested;
    /// Bandwidth limit rules of a policy.
    pub mod bandwidth_limit_rules;
    /// DSCP marking rules of a policy.
    pub mod dscp_marking_rules;
    /// Minimum bandwidth rules of a policy.
    pub mod minimum_bandwidth_rules;
    /// Minimum packet rate rules of a policy.
    pub mod minimum_packet_rate_rules;
    /// Packet rate limit rules of a policy.
    pub mod packet_rate_limit_rules;
    /// QoS policies.
    pub mod policies;
    /// The rule types the loaded drivers support.
    pub mod rule_types;
}

/// The direction of traffic a rule applies to, as seen from the instance: `egress`
/// leaves it, `ingress` reaches it. `any` is accepted by minimum packet rate rules only
/// (the other kinds' option types refuse it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Traffic the instance sends (Neutron's default).
    #[default]
    Egress,
    /// Traffic the instance receives.
    Ingress,
    /// Both directions (minimum packet rate rules).
    Any,
}

impl Direction {
    /// The name Neutron uses.
    ///
    /// ```
    /// use ferrocloud::openstack::networking::v2::qos::Direction;
    /// assert_eq!(Direction::Ingress.as_str(), "ingress");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Egress => "egress",
            Direction::Ingress => "ingress",
            Direction::Any => "any",
        }
    }
}

/// The largest rate Neutron stores (a database integer).
pub const MAX_RATE: u32 = 2_147_483_647;

/// Checks a rate against [`MAX_RATE`].
pub(crate) fn check_rate(field: &str, value: Option<u32>) -> crate::Result<()> {
    match value {
        Some(v) if v > MAX_RATE => Err(crate::Error::invalid_input(format!(
            "{field} must be at most {MAX_RATE} ({v} given)"
        ))),
        _ => Ok(()),
    }
}

/// Refuses `any`, which only minimum packet rate rules accept.
pub(crate) fn check_not_any(direction: Option<Direction>) -> crate::Result<()> {
    if direction == Some(Direction::Any) {
        return Err(crate::Error::invalid_input(
            "direction any is accepted by minimum packet rate rules only",
        ));
    }
    Ok(())
}

/// The functions that address a QoS rule by its ID alone (`qos-rules-alias`):
/// `get_alias`, `update_alias`, `delete_alias`, declared once. The module declares the
/// operations `ALIAS_GET`, `ALIAS_UPDATE`, `ALIAS_DELETE` and the type `UpdateOpts`; its
/// functions under the policy come from
/// [`child_resource_functions!`](crate::openstack::networking::v2::common).
macro_rules! alias_functions {
    ($rule:ty, $noun:literal) => {
        #[doc = concat!("Shows a ", $noun, " by its ID alone, without its policy's \
            (`qos-rules-alias`).")]
        pub async fn get_alias(
            client: &$crate::ServiceClient,
            rule_id: &str,
        ) -> $crate::request::ApiResult<$rule> {
            client.request(&ALIAS_GET, &[rule_id]).send().await
        }

        #[doc = concat!("Updates a ", $noun, " by its ID alone (`qos-rules-alias`).")]
        pub async fn update_alias(
            client: &$crate::ServiceClient,
            rule_id: &str,
            opts: &UpdateOpts,
        ) -> $crate::request::ApiResult<$rule> {
            client
                .request(&ALIAS_UPDATE, &[rule_id])
                .body(opts)
                .send()
                .await
        }

        #[doc = concat!("Deletes a ", $noun, " by its ID alone (`qos-rules-alias`).")]
        pub async fn delete_alias(
            client: &$crate::ServiceClient,
            rule_id: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&ALIAS_DELETE, &[rule_id]).send().await
        }
    };
}
pub(crate) use alias_functions;
