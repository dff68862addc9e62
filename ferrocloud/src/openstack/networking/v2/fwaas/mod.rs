//! Firewall as a service v2 (neutron-fwaas, API extension `fwaas_v2`), under
//! `/v2.0/fwaas`: [rules](crate::openstack::networking::v2::fwaas::rules) match traffic,
//! [policies](crate::openstack::networking::v2::fwaas::policies) order rules, and
//! [groups](crate::openstack::networking::v2::fwaas::groups) apply an ingress and an
//! egress policy to ports. Check that the cloud has it with
//! [`is_loaded`](crate::openstack::networking::v2::api_extensions::is_loaded) (alias `fwaas_v2`).
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::fwaas::{groups, policies, rules};
//!
//! let rule = rules::create(&network, &rules::CreateOpts::new("allow-ssh", rules::Action::Allow)
//!     .protocol(rules::Protocol::Tcp).destination_port("22")).await.extract()?;
//! let policy = policies::create(&network, &policies::CreateOpts::new("in")
//!     .firewall_rules([rule.id.as_str()])).await.extract()?;
//! let group = groups::create(&network, &groups::CreateOpts::new("edge")
//!     .ingress_firewall_policy_id(&policy.id)).await.extract()?;
//! # Ok(()) }
//! ```

crate::resources! {
    nested;
    /// Firewall groups: policies applied to ports.
    pub mod groups;
    /// Firewall policies: ordered lists of rules.
    pub mod policies;
    /// Firewall rules.
    pub mod rules;
}
