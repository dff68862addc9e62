//! VPN as a service (neutron-vpnaas, API extension `vpnaas`), under `/v2.0/vpn`: an
//! [IPsec site connection](crate::openstack::networking::v2::vpnaas::site_connections)
//! joins a [VPN service](crate::openstack::networking::v2::vpnaas::services) (a router
//! with an external gateway) to a peer, with an
//! [IKE policy](crate::openstack::networking::v2::vpnaas::ike_policies), an
//! [IPsec policy](crate::openstack::networking::v2::vpnaas::ipsec_policies) and local and
//! peer [endpoint groups](crate::openstack::networking::v2::vpnaas::endpoint_groups).
//! This module holds the types the policies share.
//!
//! ```
//! use ferrocloud::openstack::networking::v2::vpnaas::{EncryptionAlgorithm, Lifetime};
//! assert_eq!(serde_json::to_value(Lifetime::seconds(7200)).unwrap(),
//!     serde_json::json!({"units": "seconds", "value": 7200}));
//! let other: EncryptionAlgorithm = serde_json::from_value(serde_json::json!("aes-256-gcm-16")).unwrap();
//! assert_eq!(other, EncryptionAlgorithm::Other("aes-256-gcm-16".into()));
//! ```

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

crate::resources! {
    nested;
    /// VPN endpoint groups: the local subnets or the peer CIDRs of connections.
    pub mod endpoint_groups;
    /// IKE policies: phase 1 of the IPsec negotiation.
    pub mod ike_policies;
    /// IPsec policies: phase 2 of the IPsec negotiation.
    pub mod ipsec_policies;
    /// VPN services: a router's VPN.
    pub mod services;
    /// IPsec site connections: tunnels to peers.
    pub mod site_connections;
}

/// How long a security association lives before it is renegotiated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Lifetime {
    /// The unit of `value`.
    pub units: LifetimeUnits,
    /// How many `units` (at least 60 seconds).
    pub value: u64,
}

impl Lifetime {
    /// A lifetime of `value` seconds.
    pub fn seconds(value: u64) -> Self {
        Lifetime {
            units: LifetimeUnits::Seconds,
            value,
        }
    }

    /// Refuses lifetimes neutron-vpnaas refuses (under 60 seconds).
    pub(crate) fn check(&self) -> Result<()> {
        if self.units == LifetimeUnits::Seconds && self.value < 60 {
            return Err(Error::invalid_input(format!(
                "a lifetime of {} seconds is too short: at least 60",
                self.value
            )));
        }
        Ok(())
    }
}

/// The unit of a [`Lifetime`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LifetimeUnits {
    /// Seconds (the only unit neutron-vpnaas accepts).
    Seconds,
    /// Kilobytes (documented, refused by neutron-vpnaas).
    Kilobytes,
}

/// The integrity (hash) algorithm of an IKE or IPsec policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthAlgorithm {
    /// SHA-1 (the default).
    #[serde(rename = "sha1")]
    Sha1,
    /// SHA-256.
    #[serde(rename = "sha256")]
    Sha256,
    /// SHA-384.
    #[serde(rename = "sha384")]
    Sha384,
    /// SHA-512.
    #[serde(rename = "sha512")]
    Sha512,
    /// A value this SDK does not know (`aes-xcbc`, `aes-cmac`…).
    #[serde(untagged)]
    Other(String),
}

/// The encryption algorithm of an IKE or IPsec policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EncryptionAlgorithm {
    /// Triple DES.
    #[serde(rename = "3des")]
    TripleDes,
    /// AES-128 (the default).
    #[serde(rename = "aes-128")]
    Aes128,
    /// AES-192.
    #[serde(rename = "aes-192")]
    Aes192,
    /// AES-256.
    #[serde(rename = "aes-256")]
    Aes256,
    /// Another algorithm (`aes-128-ctr` with the `vpn-aes-ctr` extension, the CCM and GCM
    /// modes…).
    #[serde(untagged)]
    Other(String),
}

/// The Diffie-Hellman group of perfect forward secrecy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pfs {
    /// Group 2 (1024-bit MODP).
    #[serde(rename = "group2")]
    Group2,
    /// Group 5 (1536-bit MODP, the default).
    #[serde(rename = "group5")]
    Group5,
    /// Group 14 (2048-bit MODP).
    #[serde(rename = "group14")]
    Group14,
    /// Another group (`group15` to `group31`).
    #[serde(untagged)]
    Other(String),
}
