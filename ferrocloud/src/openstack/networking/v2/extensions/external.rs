//! `external-net` and the default external network of `auto-allocated-topology`.
//!
//! ```
//! use ferrocloud::openstack::networking::v2::extensions::external::External;
//! let e: External = serde_json::from_str(r#"{"router:external": true, "is_default": false}"#).unwrap();
//! assert_eq!((e.external, e.is_default), (Some(true), Some(false)));
//! assert_eq!(serde_json::to_value(External::new(true).is_default(true)).unwrap(),
//!            serde_json::json!({"router:external": true, "is_default": true}));
//! ```

use serde::{Deserialize, Serialize};

use crate::request::Validate;

/// Whether a network is external (routers get their gateways there) and the default one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct External {
    /// The network is external.
    #[serde(
        rename = "router:external",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub external: Option<bool>,
    /// The external network auto-allocated topologies use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
}

impl External {
    /// An external network (`router:external`), or explicitly an internal one.
    pub fn new(external: bool) -> Self {
        External {
            external: Some(external),
            is_default: None,
        }
    }
    /// Also the default external network.
    pub fn is_default(mut self, is_default: bool) -> Self {
        self.is_default = Some(is_default);
        self
    }
}

impl Validate for External {}
