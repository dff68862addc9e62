//! `ip_allocation`: when a port gets its addresses (read-only).

use serde::{Deserialize, Serialize};

/// How a port's IP addresses are allocated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IpAllocation {
    /// `immediate` (at creation), `deferred` (once bound to a host, on routed networks)
    /// or `none` (no address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_allocation: Option<String>,
}
